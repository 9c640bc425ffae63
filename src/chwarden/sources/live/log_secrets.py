"""Credentials leaked into query text: counted inside the server, a few examples redacted here.

Counting runs in the server with ``match()`` (RE2, available since 18.x) over a bounded time
window, in one pass per table; only up to ``EXAMPLES`` rows per kind are fetched, each reduced to
a redacted excerpt. chwarden's own scanning queries carry a marker and are excluded.
"""

from __future__ import annotations

from typing import Any

from chwarden.clickhouse.sql import quote_string
from chwarden.facts import LogSecretFacts
from chwarden.sources.live.runner import Collector, FactUnavailable
from chwarden.sources.live.secrets import redacted_excerpt

MARKER = "chwarden:log-scan"
WINDOW_DAYS = 7
EXAMPLES = 5
MAX_QUERY_CHARS = 4000
_Q = r"'[^']*'\s*,\s*"  # one quoted argument and its comma
_GAP = r"(?:\s|/\*.*?\*/)+"  # white space or comments between two keywords
_VALUE = r"'(?:[^'\[]|\[[^H'])"  # the start of a quoted value that is not the server's [HIDDEN]
# (kind, RE2 pattern). Values masked by the server (`[HIDDEN]`) are excluded by `[^'\[]`.
PATTERNS: tuple[tuple[str, str], ...] = (
    ("create_user_password", rf"(?is)IDENTIFIED{_GAP}(?:WITH{_GAP}\w+{_GAP})?BY{_GAP}{_VALUE}"),
    (
        "database_engine_password",
        r"(?is)\bDATABASE\b.*?\bENGINE\s*=\s*\w*(?:mysql|postgresql)\s*\(\s*(?:" + _Q + r"){3}" + _VALUE,
    ),
    (
        "table_function_password",
        r"(?i)\b(?:mysql|postgresql|mongodb)\s*\(\s*(?:" + _Q + r"){4}'[^'\[]"
        r"|\bremote(?:secure)?\s*\(\s*" + _Q + r"[^,()]+,\s*(?:[^,()]+,\s*)?'[^']*'\s*,\s*'[^'\[]",
    ),
    (
        "s3_credentials",
        r"(?i:\bs3(?:cluster)?)\s*\((?:\s*" + _Q + r"){1,2}\s*'[A-Z0-9]{16,128}'\s*,\s*'[^'\[]",
    ),
    ("url_credentials", r"[a-zA-Z][a-zA-Z0-9+.-]*://[^/\s:@']+:[^@\s'/\[]+@"),
    ("password_setting", r"(?i)\b\w*password\s*=\s*'[^'\[]"),
)


def _kind_columns(kinds: tuple[tuple[str, str], ...]) -> list[str]:
    cols: list[str] = []
    for i, (_kind, pattern) in enumerate(kinds):
        cond = f"match(query, {quote_string(pattern)})"
        cols.append(f"countIf({cond}) AS n{i}")
        cols.append(f"arraySlice(groupUniqArrayIf(user, {cond}), 1, 10) AS u{i}")
    return cols


def _where(table: str) -> str:
    conditions = [f"position(query, {quote_string(MARKER)}) = 0"]
    if table == "query_log":
        conditions.append(f"event_date >= today() - {WINDOW_DAYS}")
        # One row per query: QueryStart, or ExceptionBeforeStart for queries that never started.
        # (18.x stores the type as UInt8, newer servers as an Enum8 with the same numbers.)
        conditions.append("toInt8(type) IN (1, 3)")
    return " AND ".join(conditions)


def scan_table(c: Collector, table: str) -> list[LogSecretFacts]:
    """Counts per kind in ``system.<table>`` plus up to EXAMPLES redacted excerpts each."""
    where = _where(table)
    row = c.rows(f"/* {MARKER} */ SELECT {', '.join(_kind_columns(PATTERNS))} FROM system.{table} WHERE {where}")[0]
    found: list[LogSecretFacts] = []
    for i, (kind, pattern) in enumerate(PATTERNS):
        count = int(row[f"n{i}"])
        if not count:
            continue
        examples = c.optional_rows(
            f"/* {MARKER} */ SELECT substring(query, 1, {MAX_QUERY_CHARS}) AS q FROM system.{table} "
            f"WHERE {where} AND match(query, {quote_string(pattern)}) LIMIT {EXAMPLES}"
        )
        found.append(
            LogSecretFacts(
                log=f"system.{table}",
                kind=kind,
                count=count,
                users=sorted(str(u) for u in row[f"u{i}"]),
                examples=_excerpts(examples or []),
            )
        )
    return found


def _excerpts(rows: list[dict[str, Any]]) -> list[str]:
    excerpts: list[str] = []
    for r in rows:
        excerpt = redacted_excerpt(str(r["q"]))
        if excerpt and excerpt not in excerpts:
            excerpts.append(excerpt)
    return excerpts


def log_secrets(c: Collector) -> list[LogSecretFacts]:
    """Scan query_log and processes where they exist and are readable.

    An unreadable query_log makes the whole fact unavailable (an empty list would claim the log
    is clean); an unreadable processes table only narrows the scan, which ``extra`` records.
    """
    found: list[LogSecretFacts] = []
    scanned: list[str] = []
    skipped: list[str] = []
    for table in ("query_log", "processes"):
        if not c.has_table(table):
            skipped.append(f"system.{table} absent")
            continue
        try:
            found += scan_table(c, table)
            scanned.append(f"system.{table}")
        except FactUnavailable as exc:
            if table == "query_log":
                raise FactUnavailable(f"system.query_log: {exc.reason}", exc.code) from exc
            skipped.append(f"system.{table}: {exc.reason}")
    if not scanned:
        raise FactUnavailable("; ".join(skipped))
    c.snapshot.extra["log_secrets_scanned"] = scanned
    if skipped:
        c.snapshot.extra["log_secrets_skipped"] = skipped
    return found
