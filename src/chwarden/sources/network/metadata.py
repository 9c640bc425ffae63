"""What an open endpoint exposes, learned from system tables only, through the guarded connection.

Databases, tables, engines, row counts, sizes and column names: enough to show what a stranger
could take, without taking it. Row contents are read only with ``read_samples`` (opt-in), a few
rows of the tables that look sensitive, and every value is redacted before it is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chwarden.analysis.names import EXPOSURE_CATEGORIES, table_hints
from chwarden.clickhouse.sql import quote_ident
from chwarden.clickhouse.system import SYSTEM_DATABASES
from chwarden.connect import (
    AuthenticationFailed,
    ChwardenConnectError,
    Credentials,
    GuardedConnection,
    QueryFailed,
    Target,
    connect,
)
from chwarden.facts import DatabaseFacts, TableFacts
from chwarden.redact import redact

SCHEMES = {"http": "http", "https": "https", "native": "clickhouse", "native_tls": "clickhouses"}
MAX_TABLES = 2_000
MAX_COLUMNS = 20_000
SAMPLE_TABLES = 3
SAMPLE_ROWS = 3
_USER_TABLES = "database NOT IN (" + ", ".join(f"'{d}'" for d in sorted(SYSTEM_DATABASES)) + ")"


@dataclass
class LoginResult:
    accepted: bool
    error_code: int | None = None
    detail: str = ""


@dataclass
class Metadata:
    protocol: str
    port: int
    user: str
    version: str | None = None
    databases: list[DatabaseFacts] | None = None
    tables: list[TableFacts] | None = None
    samples: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    queries: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    settings_mode: str | None = None


def _connect(host: str, protocol: str, port: int, user: str, password: str, timeout: float) -> GuardedConnection:
    target = Target(scheme=SCHEMES[protocol], host=host, port=port)
    return connect(
        target,
        Credentials(user, password),
        verify_tls=False,
        connect_timeout=timeout,
        max_execution_time=max(2, int(timeout * 3)),
        max_result_rows=MAX_COLUMNS + 1,
    )


def try_login(host: str, protocol: str, port: int, user: str, password: str, timeout: float) -> LoginResult:
    """``SELECT 1`` with one credential; a refused query after login still counts as accepted."""
    try:
        with _connect(host, protocol, port, user, password, timeout) as conn:
            conn.query("SELECT 1")
    except AuthenticationFailed as exc:
        return LoginResult(False, exc.code, str(exc)[:160])
    except QueryFailed as exc:
        return LoginResult(True, exc.code, str(exc)[:160])
    except ChwardenConnectError as exc:
        return LoginResult(False, None, str(exc)[:160])
    return LoginResult(True, None, "SELECT 1 answered")


def collect_metadata(
    host: str, protocol: str, port: int, user: str, password: str, *, timeout: float, read_samples: bool
) -> Metadata:
    """Catalogue of an endpoint that let us in; failures are recorded, never raised."""
    found = Metadata(protocol=protocol, port=port, user=user)
    try:
        with _connect(host, protocol, port, user, password, timeout) as conn:
            try:
                _catalogue(conn, found)
                if read_samples and found.tables:
                    _samples(conn, found)
            finally:
                found.queries = list(conn.queries_sent)
                found.settings_mode = conn.settings_mode
    except (ChwardenConnectError, QueryFailed) as exc:
        found.errors.append(f"{protocol}:{port}: {str(exc)[:200]}")
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:  # answers of the wrong shape
        found.errors.append(f"{protocol}:{port}: answer not understood ({type(exc).__name__})")
    return found


def _rows(conn: GuardedConnection, sql: str) -> list[dict[str, Any]]:
    return conn.query(sql).dicts()


def _catalogue(conn: GuardedConnection, found: Metadata) -> None:
    found.version = str(conn.query("SELECT version()").scalar())
    found.databases = [
        DatabaseFacts(name=str(r["name"]), engine=str(r["engine"]))
        for r in _rows(conn, "SELECT name, engine FROM system.databases")
    ]
    have = {
        str(r["name"])
        for r in _rows(conn, "SELECT name FROM system.columns WHERE database = 'system' AND table = 'tables'")
    }
    sizes = ", total_rows, total_bytes" if {"total_rows", "total_bytes"} <= have else ""
    rows = _rows(
        conn,
        f"SELECT database, name, engine{sizes} FROM system.tables WHERE {_USER_TABLES} LIMIT {MAX_TABLES}",
    )
    parts = {} if sizes else _part_sizes(conn)
    columns: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for r in _rows(
        conn, f"SELECT database, table, name, type FROM system.columns WHERE {_USER_TABLES} LIMIT {MAX_COLUMNS}"
    ):
        columns.setdefault((str(r["database"]), str(r["table"])), []).append((str(r["name"]), str(r["type"])))
    found.tables = []
    for r in rows:
        key = (str(r["database"]), str(r["name"]))
        total_rows, total_bytes = (r.get("total_rows"), r.get("total_bytes")) if sizes else parts.get(key, (None, None))
        found.tables.append(
            TableFacts(
                database=key[0],
                name=key[1],
                engine=str(r["engine"]),
                total_rows=int(total_rows) if total_rows is not None else None,
                total_bytes=int(total_bytes) if total_bytes is not None else None,
                columns=columns.get(key, []),
            )
        )


def _part_sizes(conn: GuardedConnection) -> dict[tuple[str, str], tuple[int, int]]:
    """Rows and bytes per MergeTree table from active parts (servers without tables.total_rows)."""
    try:
        rows = _rows(
            conn,
            "SELECT database, table, sum(rows) AS rows, sum(bytes_on_disk) AS bytes FROM system.parts "
            f"WHERE active AND {_USER_TABLES} GROUP BY database, table",
        )
    except QueryFailed:
        return {}
    return {(str(r["database"]), str(r["table"])): (int(r["rows"]), int(r["bytes"])) for r in rows}


def _samples(conn: GuardedConnection, found: Metadata) -> None:
    """A few redacted rows of the tables that look sensitive (opt-in only)."""
    flagged = [t for t in found.tables or [] if table_hints(t, EXPOSURE_CATEGORIES) and (t.total_rows or 0) > 0][
        :SAMPLE_TABLES
    ]
    for table in flagged:
        sql = f"SELECT * FROM {quote_ident(table.database)}.{quote_ident(table.name)} LIMIT {SAMPLE_ROWS}"
        try:
            rows = _rows(conn, sql)
        except QueryFailed as exc:
            found.errors.append(f"sample of {table.database}.{table.name}: {str(exc)[:160]}")
            continue
        found.samples[f"{table.database}.{table.name}"] = [
            {str(k): redact(str(v)) for k, v in row.items() if v not in (None, "")} for row in rows
        ]
