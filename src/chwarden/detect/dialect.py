"""What a server's system logs look like, and the SQL fragments that fit them.

18.16's ``query_log`` has ``type UInt8`` and ``address FixedString(16)``; current servers have
``Enum8`` types and ``IPv6``; ``session_log`` only exists from 21.9 when configured. Rules are
written once with placeholders; this module fills them from the columns the server reports in
``system.columns`` (never from the version number). ``LogSource`` may point a log at another table
(a scratch copy with the current schema in tests) or wrap it in ``clusterAllReplicas``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from chwarden.clickhouse.sql import quote_string as sql_string

# Leading whitespace and comments are not part of the statement a rule matches.
STMT = r"replaceRegexpOne(query, '^(\\s|--[^\\n]*\\n|/\\*[\\s\\S]*?\\*/)+', '')"
SAMPLE_CHARS = 300
# Statements that read table data: SELECT/WITH (possibly parenthesised), INSERT ... SELECT and
# CREATE TABLE ... AS SELECT (a copy of the data).
READING = sql_string(r"(?is)^\(*\s*(SELECT|WITH)\b|^INSERT\b.*\bSELECT\b|^CREATE\b.*\bAS\s+SELECT\b")
RESULT_LIMIT = 1000
ADDRESS_COLUMNS = {"query_log": "address", "session_log": "client_address"}


@dataclass(frozen=True)
class LogSource:
    """Where one system log is read from: ``database.table``, optionally across a cluster's replicas."""

    database: str = "system"
    table: str = ""
    cluster: str | None = None

    def expression(self, log: str) -> str:
        name = f"{self.database}.{self.table or log}"
        if self.cluster:
            return f"clusterAllReplicas({sql_string(self.cluster)}, {name})"
        return name


@dataclass(frozen=True)
class LogSchema:
    """One log table as the server has it: present or not, and its columns with types."""

    log: str
    source: LogSource
    columns: Mapping[str, str] = field(default_factory=dict)

    @property
    def present(self) -> bool:
        return bool(self.columns)

    def has(self, *names: str) -> bool:
        return all(n in self.columns for n in names)

    def _enum(self, column: str) -> bool:
        return self.columns.get(column, "").startswith("Enum")

    def _query_type(self, numeric: str, names: str) -> str:
        return f"type IN ({names})" if self._enum("type") else f"type IN ({numeric})"

    def address(self) -> str:
        column = ADDRESS_COLUMNS.get(self.log, "address")
        kind = self.columns.get(column, "")
        text = f"IPv6NumToString({column})" if kind.startswith("FixedString") else f"toString({column})"
        return f"replaceRegexpOne({text}, '^::ffff:', '')"

    def fragments(self, since: int, until: int, lookback: int) -> dict[str, str]:
        """Placeholder values for one rule run over the window (since - lookback, until]."""
        low = max(0, since - lookback)
        user = "ifNull(user, '')" if self.columns.get("user", "").startswith("Nullable") else "user"
        own = "NOT startsWith(query_id, 'chwarden-')"
        if "log_comment" in self.columns:
            own += " AND NOT startsWith(log_comment, 'chwarden-')"
        return {
            "source": self.source.expression(self.log),
            "window": (
                f"event_date >= toDate(toDateTime({low})) AND event_time > toDateTime({low}) "
                f"AND event_time <= toDateTime({until})"
            ),
            "new_events": f"max(event_time) > toDateTime({since})",
            "not_own": own,
            "addr": self.address(),
            "ended": "NOT " + self._query_type("1", "'QueryStart'"),
            "finished": self._query_type("2", "'QueryFinish'"),
            "failed": self._query_type("3, 4", "'ExceptionBeforeStart', 'ExceptionWhileProcessing'"),
            "stmt": STMT,
            "reading": READING,
            "sample": f"substring({STMT}, 1, {SAMPLE_CHARS})",
            "user": user,
            "limit": str(RESULT_LIMIT),
            "login_failure": "type = 'LoginFailure'" if self._enum("type") else "type = 0",
            "login_success": "type = 'LoginSuccess'" if self._enum("type") else "type = 1",
        }


LOGS = ("query_log", "session_log")


def read_schemas(
    query: Callable[[str], list[dict[str, Any]]], sources: Mapping[str, LogSource], cluster: str | None = None
) -> dict[str, LogSchema]:
    """The columns of each system log (query_log, session_log) as the server has them."""
    chosen = {log: sources.get(log, LogSource(cluster=cluster)) for log in LOGS}
    wanted = " OR ".join(
        f"(database = {sql_string(s.database)} AND table = {sql_string(s.table or log)})" for log, s in chosen.items()
    )
    columns: dict[str, dict[str, str]] = {log: {} for log in LOGS}
    by_name = {(s.database, s.table or log): log for log, s in chosen.items()}
    for row in query(f"SELECT database, table, name, type FROM system.columns WHERE {wanted}"):
        log = by_name.get((str(row["database"]), str(row["table"])))
        if log is not None:
            columns[log][str(row["name"])] = str(row["type"])
    return {log: LogSchema(log, chosen[log], columns[log]) for log in LOGS}


def array_literal(values: list[str]) -> str:
    return "[" + ", ".join(sql_string(v) for v in values) + "]"


__all__ = ["LOGS", "RESULT_LIMIT", "STMT", "LogSchema", "LogSource", "array_literal", "read_schemas", "sql_string"]
