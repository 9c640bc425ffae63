"""Passwords an attacker tries first, recognised offline from plain text or from a hash.

Two bundled lists: product and documentation defaults seen in ClickHouse deployments
(``defaults/well-known-passwords.txt``) and the 10,000 most common passwords
(``defaults/common-passwords.txt``). A password equal to the user name, a value that is a default
written in the deployment file itself (``${VAR:-value}`` in a public compose recipe, the operator's
fill-in password), and a listed word with the usual suffix (``Password1``, ``summer2024!``) count too.

Hashes (``password_sha256_hex``, ``password_double_sha1_hex``) are compared with the lists hashed
once, when the first hash is seen: every common password, and the defaults plus the most common
thousand in their usual variants (capitalised, with 1, 123, ! or the year). Only the reason is
kept, never the password.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

from chwarden.sources.configfiles.tree import ConfigNode

DEFAULT_ATTR = "@documented_default"
LIST_FILES = ("defaults/well-known-passwords.txt", "defaults/common-passwords.txt")
VARIANT_SOURCE_SIZE = 1000  # the most common words whose variants are hashed too
SUFFIXES = ("1", "12", "123", "1234", "!", "1!", "01", "2023", "2024", "2025", "2026")
# A listed word followed by what people append to satisfy a password policy.
POLICY_SUFFIX = re.compile(r"^(?P<base>.{3,}?)[0-9!@#$%^&*._?-]{1,6}$")


def _read(name: str) -> list[str]:
    from importlib import resources  # lazy: ~5 ms of imports, only when a password is compared

    text = resources.files("chwarden.sources.configfiles").joinpath(name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def _lists() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(product defaults, common passwords by frequency)."""
    defaults, common = (tuple(_read(name)) for name in LIST_FILES)
    return defaults, common


@cache
def _words() -> frozenset[str]:
    defaults, common = _lists()
    return frozenset(w.lower() for w in (*defaults, *common))


def _variants(word: str) -> set[str]:
    forms = {word, word.capitalize(), word.upper()}
    return forms | {f + suffix for f in (word, word.capitalize()) for suffix in SUFFIXES}


def _candidates() -> set[str]:
    defaults, common = _lists()
    found = set(common)
    for word in (*defaults, *common[:VARIANT_SOURCE_SIZE]):
        found |= _variants(word)
    return found


def _sha256(word: str) -> str:
    return hashlib.sha256(word.encode()).hexdigest()


def _double_sha1(word: str) -> str:
    return hashlib.sha1(hashlib.sha1(word.encode()).digest()).hexdigest()


HASHERS = {"password_sha256_hex": _sha256, "password_double_sha1_hex": _double_sha1}


@cache
def _hashes(tag: str) -> frozenset[str]:
    """Every candidate hashed the way ``tag`` stores a password (built once, when first needed)."""
    hasher = HASHERS[tag]
    return frozenset(hasher(word) for word in _candidates())


def plaintext_reason(user: str, value: str) -> str | None:
    """Why a plaintext password is weak, or None."""
    if value.lower() == user.lower():
        return "the password equals the user name"
    lowered = value.lower()
    if lowered in _words():
        return "on the list of well-known passwords"
    match = POLICY_SUFFIX.match(lowered)
    base = match.group("base") if match else ""
    if base == user.lower() or (len(base) >= 4 and base in _words()):
        return "a well-known password (or the user name) with a digit/symbol suffix"
    return None


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
        return plaintext_reason(user, value)
    hasher = HASHERS.get(element.tag)
    if hasher is None:
        return None
    digest = value.lower()
    if digest in {hasher(form) for form in _variants(user)}:
        return "the password equals the user name (hash matches)"
    if documented:
        return f"a default written in the deployment file ({documented})"
    if digest in _hashes(element.tag):
        return "the hash of a well-known password"
    return None
