"""The scan itself: which tables and columns, one pushdown query per column, per-table errors.

Tables come from ``system.tables``/``system.columns``; only engines that hold data locally (or
route to shards, ``Distributed``) are read: views re-run their query and external engines (MySQL,
S3, URL, Kafka, ...) would pull someone else's data. A failed column query (permission denied, a
table dropped mid-scan, a timeout, an unsupported type) becomes one error line and the scan goes
on; only a lost connection stops it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from chwarden.clickhouse.system import SYSTEM_DATABASES
from chwarden.connect.base import ChwardenConnectError, GuardedConnection, QueryFailed
from chwarden.discover import sql
from chwarden.discover.rules import Detector
from chwarden.discover.verdict import ColumnVerdict, Group, judge

_DATA_ENGINES = ("MergeTree", "Log", "TinyLog", "StripeLog", "Memory", "Distributed", "Buffer", "Set", "Join")
SAMPLES_PER_SET = 20
# What reading an answer of the wrong shape raises (a missing column, a list where a number was due).
ANSWER_ERRORS = (KeyError, TypeError, ValueError, IndexError, AttributeError)

Progress = Callable[[int, int, str], None]


class ScanStopped(Exception):
    """The connection is gone: nothing more can be scanned."""


def holds_data(engine: str) -> bool:
    return engine.endswith("MergeTree") or engine in _DATA_ENGINES


@dataclass(frozen=True)
class ColumnTarget:
    name: str
    type: str
    expression: str


@dataclass
class TableTarget:
    database: str
    name: str
    engine: str
    source: str  # what FROM reads: `db`.`t`, or file('path', 'Format')
    sampling_key: bool = False
    columns: list[ColumnTarget] = field(default_factory=list)
    where: str = ""  # rows that exist at all (log time windows)

    @property
    def display(self) -> str:
        return f"{self.database}.{self.name}"


@dataclass
class ColumnResult:
    table: TableTarget
    column: ColumnTarget
    rows_scanned: int
    verdicts: list[ColumnVerdict]
    bounded: bool  # fewer rows than the table holds may have been read


@dataclass
class ScanPlan:
    """How to query this server: pushdown flavour, bounds, limits."""

    modern: bool
    full: bool
    sample_rows: int
    max_bytes: int | None
    query_timeout: int
    samples: int = SAMPLES_PER_SET

    def settings(self) -> dict[str, object]:
        chosen: dict[str, object] = {"max_execution_time": self.query_timeout, "timeout_overflow_mode": "throw"}
        if self.max_bytes:
            chosen.update(max_bytes_to_read=self.max_bytes, read_overflow_mode="break")
        return chosen


def run(conn: GuardedConnection, statement: str, settings: dict[str, object] | None = None) -> list[dict[str, Any]]:
    """One guarded query (``settings``: extra limits for it); a lost connection stops the scan."""
    try:
        return conn.query(statement, settings).dicts()
    except QueryFailed:
        raise
    except ChwardenConnectError as exc:
        raise ScanStopped(str(exc)) from exc


MODERN_FUNCTIONS = ("multiMatchAllIndices", "multiMatchAny", "countSubstrings")


def has_vectorscan(conn: GuardedConnection) -> bool:
    """The server runs the modern query shape (Vectorscan, and the string functions of its guards)."""
    wanted = ", ".join(sql.quote(n) for n in MODERN_FUNCTIONS)
    names = {r["name"] for r in run(conn, f"SELECT name FROM system.functions WHERE name IN ({wanted})")}
    return names == set(MODERN_FUNCTIONS)


def _system_columns(conn: GuardedConnection, table: str) -> set[str]:
    rows = run(conn, f"SELECT name FROM system.columns WHERE database = 'system' AND table = {sql.quote(table)}")
    return {str(r["name"]) for r in rows}


def _filters(database: str | None, table: str | None, table_column: str) -> str:
    conditions = [f"database NOT IN ({', '.join(sql.quote(d) for d in sorted(SYSTEM_DATABASES))})"]
    if database:
        conditions.append(f"database = {sql.quote(database)}")
    if table:
        conditions.append(f"{table_column} = {sql.quote(table)}")
    return " AND ".join(conditions)


def list_tables(
    conn: GuardedConnection, database: str | None, table: str | None, modern: bool
) -> tuple[list[TableTarget], list[str]]:
    """User tables with their text-bearing columns, and notes on what is skipped and why."""
    table_columns = _system_columns(conn, "tables")
    extra = ", sampling_key" if "sampling_key" in table_columns else ""
    tables: dict[tuple[str, str], TableTarget] = {}
    notes: list[str] = []
    for r in run(
        conn, f"SELECT database, name, engine{extra} FROM system.tables WHERE {_filters(database, table, 'name')}"
    ):
        db, name, engine = str(r["database"]), str(r["name"]), str(r["engine"])
        if not holds_data(engine):
            continue
        tables[(db, name)] = TableTarget(
            database=db,
            name=name,
            engine=engine,
            source=f"{sql.ident(db)}.{sql.ident(name)}",
            sampling_key=bool(r.get("sampling_key")),
        )
    for r in run(
        conn, f"SELECT database, table, name, type FROM system.columns WHERE {_filters(database, table, 'table')}"
    ):
        target = tables.get((str(r["database"]), str(r["table"])))
        if target is None:
            continue
        expression = sql.text_expression(str(r["name"]), str(r["type"]), modern=modern)
        if expression is not None:
            target.columns.append(ColumnTarget(str(r["name"]), str(r["type"]), expression))
    if (database or table) and not tables:
        notes.append(f"no readable table matches {database or '*'}.{table or '*'}")
    return [t for t in tables.values() if t.columns], notes


def _samples(row: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(f) for f in sample) for sample in row["samples"])


def _groups(rows: list[dict[str, Any]]) -> list[Group]:
    return [Group(hits=tuple(int(h) for h in r["hits"]), n=int(r["n"]), samples=_samples(r)) for r in rows]


def _tier_groups(rows: list[dict[str, Any]], tiers: sql.Tiers) -> list[Group]:
    """Groups of the modern query: its per-tier answers turned into global hit indices."""
    return [
        Group(
            hits=tiers.hits([int(h) for h in r["literal"]], [int(h) for h in r["free"]], int(r["guarded"])),
            n=int(r["n"]),
            samples=_samples(r),
        )
        for r in rows
    ]


def scan_column(
    conn: GuardedConnection, plan: ScanPlan, table: TableTarget, column: ColumnTarget, detectors: Sequence[Detector]
) -> ColumnResult:
    """Count and sample one column inside the server (raises QueryFailed for this column only)."""
    bounds = sql.Bounds(full=plan.full, rows=plan.sample_rows, sample_clause=table.sampling_key)
    src = sql.source(table.source, column.expression, bounds, table.where)
    if plan.modern:
        tiers = sql.tiers(detectors)
        answer = run(conn, sql.modern_column_query(src, detectors, plan.samples, {}), plan.settings())
        rows, verdicts = judge(_tier_groups(answer, tiers), tiers.ordered)
    else:
        rows = int(run(conn, sql.count_query(src))[0]["n"])
        verdicts = []
        for chunk in sql.chunks(sql.order(detectors)):
            query = sql.fallback_column_query(sql.hit_rows(src, chunk), chunk, plan.samples)
            verdicts += judge(_groups(run(conn, query)), sql.order(chunk))[1]
    bounded = not plan.full or bool(plan.max_bytes)
    return ColumnResult(table, column, rows, verdicts, bounded)


def scan_tables(
    conn: GuardedConnection,
    plan: ScanPlan,
    tables: Sequence[TableTarget],
    detectors: Sequence[Detector],
    progress: Progress | None = None,
) -> tuple[list[ColumnResult], list[str]]:
    """Every column of every table; per-column failures are returned as error lines."""
    results: list[ColumnResult] = []
    errors: list[str] = []
    total = sum(len(t.columns) for t in tables)
    done = 0
    for table in tables:
        for column in table.columns:
            try:
                results.append(scan_column(conn, plan, table, column, detectors))
            except QueryFailed as exc:
                errors.append(f"{table.display}.{column.name}: {describe_failure(exc)}")
            except ANSWER_ERRORS as exc:  # a server that answers what no ClickHouse sends
                errors.append(f"{table.display}.{column.name}: answer not understood ({type(exc).__name__})")
            done += 1
            if progress is not None:
                progress(done, total, f"{table.display}.{column.name}")
    return results, errors


def describe_failure(exc: QueryFailed) -> str:
    text = str(exc)[:240]
    if exc.is_permission_denied:
        return f"permission denied ({text})"
    if exc.code in (60, 81):
        return f"table or database no longer exists ({text})"
    if exc.code == 159:
        return f"query timed out ({text})"
    return f"query failed ({text})"
