"""One place that turns a secret into something safe to print: a short prefix plus a hash."""

from __future__ import annotations

import hashlib
import re

PREFIX_CHARS = 4


def fingerprint(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def redact(secret: str, prefix_chars: int = PREFIX_CHARS) -> str:
    """`sk-proj-abc...` -> `sk-p…(redacted, sha256:1a2b3c4d)`; short secrets show no prefix."""
    shown = secret[:prefix_chars] if len(secret) >= 3 * prefix_chars else ""
    return f"{shown}…(redacted, sha256:{fingerprint(secret)})"


# Credential shapes that appear inside SQL text (DDL, engine definitions, query logs).
_SQL_SECRET_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "url_credentials",
        re.compile(r"(?P<pre>[a-zA-Z][a-zA-Z0-9+.-]*://[^/\s:@'\"]+:)(?P<secret>[^@\s'\"/]+)(?=@)"),
    ),
    (
        "identified_by",
        re.compile(
            r"(?is)(?P<pre>\bIDENTIFIED(?:\s|/\*.*?\*/)+(?:WITH(?:\s|/\*.*?\*/)+\w+(?:\s|/\*.*?\*/)+)?"
            r"BY(?:\s|/\*.*?\*/)+')(?P<secret>(?:[^'\\]|\\.)+)(?=')"
        ),
    ),
    (
        "password_assignment",
        re.compile(
            r"(?i)(?P<pre>\b(?:password|passwd|pwd|secret|secret_access_key|access_key_id|account_key|"
            r"sasl_password|token)\s*[=:]\s*'?)(?P<secret>[^\s',;)]{3,})"
        ),
    ),
    (
        "xml_password",
        re.compile(r"(?i)(?P<pre><(?:password|secret_access_key|access_key_id)>)(?P<secret>[^<]+)(?=</)"),
    ),
]


def find_sql_secrets(text: str) -> list[tuple[str, str]]:
    """(kind, secret) pairs for credentials embedded in SQL or XML text."""
    found: list[tuple[str, str]] = []
    for kind, pattern in _SQL_SECRET_PATTERNS:
        for m in pattern.finditer(text):
            secret = m.group("secret")
            if secret and secret not in ("[HIDDEN]", "'[HIDDEN]'") and not secret.startswith("[HIDDEN"):
                found.append((kind, secret))
    return found


def redact_text(text: str) -> str:
    """Replace every credential found in SQL/XML text by its redacted form."""
    for _kind, secret in find_sql_secrets(text):
        text = text.replace(secret, redact(secret))
    return text
