"""Find credentials inside engine definitions and query text, and keep only their fingerprints.

Engines and table functions take user/password as *positional* arguments (``MySQL(host, db,
table, user, password)``), which no key=value pattern can see; this module knows each engine's
argument layout and adds the key=value forms (``password = '...'``, ``PASSWORD '...'`` in
dictionary sources, ``user:pass@`` in URLs) through ``chwarden.redact``. Values ClickHouse already
masks (``[HIDDEN]``) are not secrets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from chwarden.facts import SecretRef
from chwarden.redact import find_sql_secrets, redact

HIDDEN_MARKERS = ("[HIDDEN]", "'[HIDDEN]'", "[HIDDEN")


@dataclass(frozen=True)
class Slot:
    """One positional argument that holds a credential (0-based)."""

    index: int
    kind: str


# Layouts of table engines (and table functions of the same name), by lower-case name.
_TABLE_SLOTS: dict[str, tuple[Slot, ...]] = {
    "mysql": (Slot(4, "password"),),
    "postgresql": (Slot(4, "password"),),
    "materializedpostgresql": (Slot(4, "password"),),
    "mongodb": (Slot(4, "password"),),
    "redis": (Slot(2, "password"),),
}
# Database engines put the password one place earlier: (host, database, user, password).
_DATABASE_SLOTS: dict[str, tuple[Slot, ...]] = {
    "mysql": (Slot(3, "password"),),
    "materializedmysql": (Slot(3, "password"),),
    "materializeddatabasemysql": (Slot(3, "password"),),
    "postgresql": (Slot(3, "password"),),
    "materializedpostgresql": (Slot(3, "password"),),
}
# S3-like engines: (url, access_key_id, secret_access_key, format...) when the second argument is
# not a format name.
_S3_LIKE = frozenset({"s3", "s3cluster", "cosn", "oss", "gcs", "hudi", "deltalake", "iceberg", "icebergs3"})
_FORMAT_NAMES = frozenset(
    {
        "csv",
        "csvwithnames",
        "csvwithnamesandtypes",
        "tsv",
        "tabseparated",
        "tsvwithnames",
        "tabseparatedwithnames",
        "parquet",
        "orc",
        "avro",
        "arrow",
        "json",
        "jsoneachrow",
        "jsonlines",
        "ndjson",
        "jsoncompacteachrow",
        "native",
        "rowbinary",
        "rawblob",
        "lineasstring",
        "template",
        "regexp",
        "values",
        "nosign",
        "auto",
        "none",
        "gzip",
        "zstd",
        "brotli",
        "xz",
        "lz4",
        "bz2",
    }
)
# Table functions that may carry credentials, when scanning free query text.
_CALL_RE = re.compile(r"(?i)\b(mysql|postgresql|mongodb|remote|remotesecure|s3|s3cluster|gcs|cosn|oss|redis)\s*\(")
_ENGINE_RE = re.compile(r"^\s*(?:ENGINE\s*=\s*)?(\w+)\s*\(")
_DATABASE_DDL = re.compile(r"(?is)\bCREATE\s+(?:OR\s+REPLACE\s+)?DATABASE\b.*?\bENGINE\s*=\s*(\w+)\s*\(")
# key = 'value' (SETTINGS, named overrides) and KEY 'value' (dictionary SOURCE(...)).
_NAMED_RE = re.compile(
    r"(?i)\b(\w*(?:password|secret_access_key|access_key_id|secret|token|accountkey|account_key))"
    r"\s*(?:=\s*|\s+)'((?:[^'\\]|\\.)*)'"
)


def _is_secret_value(value: str) -> bool:
    return bool(value) and not value.startswith(HIDDEN_MARKERS) and value != "HIDDEN"


def split_arguments(text: str, start: int) -> tuple[list[str], int]:
    """Top-level arguments of the call whose ``(`` is at ``start``; returns (args, end index)."""
    args: list[str] = []
    depth = 0
    current: list[str] = []
    i, n = start, len(text)
    while i < n:
        ch = text[i]
        if ch in "'\"`":
            j = i + 1
            while j < n and text[j] != ch:
                j += 2 if text[j] == "\\" else 1
            current.append(text[i : j + 1])
            i = j + 1
            continue
        if ch == "(":
            depth += 1
            if depth > 1:
                current.append(ch)
        elif ch == ")":
            depth -= 1
            if depth == 0:
                args.append("".join(current).strip())
                return [a for a in args if a], i + 1
            current.append(ch)
        elif ch == "," and depth == 1:
            args.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
        i += 1
    args.append("".join(current).strip())
    return [a for a in args if a], n


def unquote(arg: str) -> str | None:
    """The content of a quoted string literal, or None for identifiers and expressions."""
    if len(arg) >= 2 and arg[0] == arg[-1] and arg[0] in "'\"":
        body = arg[1:-1]
        return re.sub(r"\\(.)", r"\1", body).replace("''", "'")
    return None


def _positional(name: str, args: list[str], database: bool) -> list[tuple[str, str]]:
    lower = name.lower()
    found: list[tuple[str, str]] = []
    slots = (_DATABASE_SLOTS if database else _TABLE_SLOTS).get(lower, ())
    if lower in ("remote", "remotesecure"):
        # remote(addr, db, table, user, password) or remote(addr, db.table, user, password)
        index = 4 if len(args) >= 5 else 3 if len(args) == 4 and "." in args[1] else -1
        slots = (Slot(index, "password"),) if index >= 0 else ()
    if lower in _S3_LIKE and len(args) >= 3:
        second = unquote(args[1])
        if second is not None and second.lower() not in _FORMAT_NAMES:
            slots = (Slot(1, "access_key_id"), Slot(2, "secret_access_key"))
    for slot in slots:
        if slot.index < len(args):
            value = unquote(args[slot.index])
            if value is not None:
                found.append((slot.kind, value))
    return found


def _generic(text: str) -> list[tuple[str, str]]:
    found = list(find_sql_secrets(text))
    for m in _NAMED_RE.finditer(text):
        found.append((m.group(1).lower(), m.group(2)))
    return found


def _refs(pairs: Iterable[tuple[str, str]], where: str) -> list[SecretRef]:
    refs: list[SecretRef] = []
    seen: set[str] = set()
    for kind, secret in pairs:
        if _is_secret_value(secret) and secret not in seen:
            seen.add(secret)
            refs.append(SecretRef(kind=kind, redacted=redact(secret), where=where))
    return refs


def definition_secrets(definition: str, where: str, *, database: bool = False) -> list[SecretRef]:
    """Credentials in an engine clause (``MySQL('h:3306','db','t','u','pw')``), redacted."""
    pairs: list[tuple[str, str]] = []
    m = _ENGINE_RE.match(definition)
    if m:
        args, _ = split_arguments(definition, m.end() - 1)
        pairs.extend(_positional(m.group(1), args, database))
    pairs.extend(_generic(definition))
    return _refs(pairs, where)


def text_secrets(text: str) -> list[tuple[str, str]]:
    """(kind, secret) pairs in free SQL text: table-function calls plus key=value forms.

    In ``CREATE DATABASE ... ENGINE = MySQL(host, db, user, password)`` (logged even when it
    failed) the engine takes the database layout, one argument shorter than the table one.
    """
    pairs: list[tuple[str, str]] = []
    database = _DATABASE_DDL.search(text)
    if database is not None:
        args, _ = split_arguments(text, database.end() - 1)
        pairs.extend(_positional(database.group(1), args, database=True))
    for m in _CALL_RE.finditer(text):
        args, _ = split_arguments(text, m.end() - 1)
        pairs.extend(_positional(m.group(1), args, database=False))
    pairs.extend(_generic(text))
    return [(k, s) for k, s in pairs if _is_secret_value(s)]


def redacted_excerpt(text: str, width: int = 160) -> str | None:
    """A short window of ``text`` around its first credential, every credential redacted.

    Returns None when no credential can be located: then nothing of the text is kept at all.
    """
    pairs = text_secrets(text)
    if not pairs:
        return None
    full = text
    for secret in sorted({s for _k, s in pairs}, key=len, reverse=True):
        full = full.replace(secret, redact(secret))
    first = full.find("(redacted, sha256:")
    start = max(0, first - width // 2)
    prefix = "…" if start > 0 else ""
    return prefix + " ".join(full[start : first + width].split())
