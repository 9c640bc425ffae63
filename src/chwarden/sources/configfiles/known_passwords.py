"""Passwords an attacker tries first, recognised offline from plain text or from a hash.

The bundled list (``defaults/well-known-passwords.txt``) holds product and documentation defaults
and the most common passwords; a password equal to the user name, and a value that is a default
written in the deployment file itself (``${VAR:-value}`` in a public compose recipe, the operator's
fill-in password), count too. Only the reason is kept, never the password.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

from chwarden.sources.configfiles.tree import ConfigNode

DEFAULT_ATTR = "@documented_default"


@cache
def _words() -> frozenset[str]:
    text = (
        resources.files("chwarden.sources.configfiles").joinpath("defaults/well-known-passwords.txt").read_text("utf-8")
    )
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _sha256(word: str) -> str:
    return hashlib.sha256(word.encode()).hexdigest()


def _double_sha1(word: str) -> str:
    return hashlib.sha1(hashlib.sha1(word.encode()).digest()).hexdigest()


@cache
def _hashes() -> dict[str, dict[str, str]]:
    return {
        "password_sha256_hex": {_sha256(w): w for w in _words()},
        "password_double_sha1_hex": {_double_sha1(w): w for w in _words()},
    }


def well_known(user: str, element: ConfigNode) -> str | None:
    """Why the password an auth element holds is well known, or None (unknown values never are)."""
    if element.unresolved or not element.text:
        return None
    documented = element.attrs.get(DEFAULT_ATTR)
    value = element.text.strip()
    if element.tag == "password":
        if value == user:
            return "the password equals the user name"
        if documented:
            return f"a default written in the deployment file ({documented})"
        if value.lower() in _words():
            return "on the list of well-known passwords"
        return None
    table = _hashes().get(element.tag)
    if table is None:
        return None
    digest = value.lower()
    hash_of_name = _sha256(user) if element.tag == "password_sha256_hex" else _double_sha1(user)
    if digest == hash_of_name:
        return "the password equals the user name (hash matches)"
    if documented:
        return f"a default written in the deployment file ({documented})"
    if digest in table:
        return "the hash of a well-known password"
    return None
