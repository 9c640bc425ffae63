"""Small value rules shared by the fact mappers: booleans, integers, and which names hold secrets."""

from __future__ import annotations

import re

from chwarden.redact import redact

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})

# Leaf names whose values are credentials (`password`, `secret`, `access_key_id`, `key_hex`...).
# `privateKeyFile`-style names end in file/path and hold a location, not a secret.
_SECRET_NAME = re.compile(
    r"(?i)(password|passwd|secret|token|credentials?|identity|(^|_)key|apikey|api_key)"
    r"(_id|_hex|_sha256_hex|_double_sha1_hex|_scram_sha256_hex|_bcrypt_hash)?$"
)


# Switches named after passwords are policy, not credentials (`allow_plaintext_password`,
# `default_password_type`): their values must stay readable for the checks.
_SWITCH_NAME = re.compile(r"(?i)^(allow_|default_password_type$|.*_require_)")


def is_secret_name(name: str) -> bool:
    leaf = name.rsplit(".", 1)[-1]
    return bool(_SECRET_NAME.search(name)) and not _SWITCH_NAME.search(leaf)


def safe_value(name: str, text: str) -> str:
    """The value as it may be stored: redacted when the name says secret (empty stays empty)."""
    return redact(text) if text and is_secret_name(name) else text


def as_bool(text: str | None) -> bool:
    return (text or "").strip().lower() in TRUE_WORDS


def as_int(text: str | None) -> int | None:
    try:
        return int((text or "").strip())
    except ValueError:
        return None


def as_float(text: str | None) -> float | None:
    try:
        return float((text or "").strip())
    except ValueError:
        return None
