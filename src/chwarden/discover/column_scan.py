"""The scan itself: which tables and columns, one read per column, exact counts, per-table errors.

Each column is read once by ``sql.rows_query`` (distinct candidate rows with their counts,
validated here); a column with too many candidate rows is read once more by ``sql.column_query``,
which validates inside the server. Key-value tables and credential-named columns also get
``name\x1f value`` pair targets (``named.py``) read by the named-scope detectors.

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
from chwarden.discover import named, sql, warm
from chwarden.discover.rules import Detector
from chwarden.discover.verdict import ColumnVerdict, Group, RowGroup, judge, judge_rows
from chwarden.errors import InputError

_DATA_ENGINES = ("MergeTree", "Log", "TinyLog", "StripeLog", "Memory", "Distributed", "Buffer", "Set", "Join")
SMALL_BLOCK = 8192
# What reading an answer of the wrong shape raises (a missing column, a list where a number was due).
ANSWER_ERRORS = (KeyError, TypeError, ValueError, IndexError, AttributeError)

Progress = Callable[[int, int, str], None]


class ScanStopped(Exception):
    """The connection is gone: nothing more can be scanned."""


def add_pairs(table: TableTarget) -> None:
    """Name/value pair targets next to the plain columns (``named.py``)."""
    plain = [(c.name, c.type, c.expression) for c in table.columns if not c.named]
    table.columns += [ColumnTarget(n, t, e, named=True) for n, t, e in named.pairs(plain)]


def holds_data(engine: str) -> bool:
    return engine.endswith("MergeTree") or engine in _DATA_ENGINES


@dataclass(frozen=True)
class ColumnTarget:
    name: str
    type: str
    expression: str
    named: bool = False  # ``<name>\x1f<value>`` pairs, read by the named-scope detectors only


@dataclass
class TableTarget:
    database: str
    name: str
    engine: str
    source: str  # what FROM reads: `db`.`t`, or file('path', 'Format')
    sampling_key: bool = False
    columns: list[ColumnTarget] = field(default_factory=list)
    where: str = ""  # rows that exist at all (log time windows)
    rows: int | None = None  # rows a column scan reads, once counted

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
    unmerged_plans: bool | None = None  # the server can plan a query without merging its steps (asked once)

    def settings(self) -> dict[str, object]:
        """Per-query limits (the guard adds readonly and the result caps).

        18.x checks the time limit between blocks and keeps running a query whose client gave up:
        smaller blocks bound how long a heavy column query outlives its limit.
        """
        chosen: dict[str, object] = {"max_execution_time": self.query_timeout, "timeout_overflow_mode": "throw"}
        if not self.modern:
            chosen["max_block_size"] = SMALL_BLOCK
        if self.max_bytes:
            chosen.update(max_bytes_to_read=self.max_bytes, read_overflow_mode="break")
        return chosen


# ClickHouse's planner merges the steps of a query's subqueries into one expression: on the
# validating query (one subquery for the row as chwarden reads it, gates over its columns) that merge
# took longer than running the query on a small column. Measured on chdb (ClickHouse 26.9), one
# column of 40 rows: 1.9-3.3 s as before, 1.0-1.4 s with the row as a subquery column and this off.
UNMERGED_PLAN = "query_plan_merge_expressions"


def validating_settings(conn: GuardedConnection, plan: ScanPlan) -> dict[str, object]:
    """The validating query's settings: the plan's limits, and its steps left unmerged where the server
    knows the switch (an "expert" setting a future server may drop: asked, not assumed by version)."""
    if plan.unmerged_plans is None:
        plan.unmerged_plans = plan.modern and _knows_setting(conn, UNMERGED_PLAN)
    return {**plan.settings(), **({UNMERGED_PLAN: 0} if plan.unmerged_plans else {})}


def _knows_setting(conn: GuardedConnection, name: str) -> bool:
    try:
        return bool(run(conn, f"SELECT name FROM system.settings WHERE name = {sql.quote(name)}"))
    except QueryFailed:
        return False


def run(conn: GuardedConnection, statement: str, settings: dict[str, object] | None = None) -> list[dict[str, Any]]:
    """One guarded query (``settings``: extra limits for it); a lost connection stops the scan."""
    try:
        return conn.query(statement, settings).dicts()
    except QueryFailed:
        raise
    except ChwardenConnectError as exc:
        raise ScanStopped(str(exc)) from exc


# The modern query shape's functions, used once on constants: an old server fails it (unknown
# function), and so does a new one with Vectorscan turned off (allow_hyperscan = 0).
MODERN_PROBE = (
    "SELECT multiMatchAllIndices('', ['a']) AS i, multiMatchAny('', ['a']) AS a, countSubstrings('', 'a') AS c"
)


def has_vectorscan(conn: GuardedConnection) -> bool:
    """The server runs the modern query shape (Vectorscan, and the string functions of its guards).

    Asked by using them rather than by reading ``system.functions``: that answers "present" when
    Vectorscan is disabled, and building that table costs an embedded engine 40 ms at start.
    """
    try:
        run(conn, MODERN_PROBE)
    except QueryFailed:
        return False
    return True


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


class ScopeNotFound(InputError, ValueError):
    """``--database``/``--table`` name nothing the auditing user can see: an input error, never "no findings"."""


def check_scope(conn: GuardedConnection, database: str | None, table: str | None) -> None:
    """Raise ``ScopeNotFound`` when the database or table asked for does not exist (or is not visible)."""
    if database:
        rows = conn.query(f"SELECT count() AS n FROM system.databases WHERE name = {sql.quote(database)}").dicts()
        if not rows or int(rows[0]["n"]) == 0:
            raise ScopeNotFound(f"--database {database}: no such database (or not visible to this user)")
    if table:
        rows = conn.query(f"SELECT count() AS n FROM system.tables WHERE {_filters(database, table, 'name')}").dicts()
        if not rows or int(rows[0]["n"]) == 0:
            where = f" in {database}" if database else ""
            raise ScopeNotFound(f"--table {table}: no such table{where} (or not visible to this user)")


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
    for target in tables.values():
        add_pairs(target)
    if (database or table) and not tables:
        notes.append(f"no readable table matches {database or '*'}.{table or '*'}")
    return [t for t in tables.values() if t.columns], notes


OVERFLOW_CODES = (158, 396)  # too many candidate rows / too large an answer


def parse_groups(rows: list[dict[str, Any]], shape: sql.Shape) -> list[Group]:
    """The validating query's answer as groups of rows with the same detectors (``sql.column_query``)."""
    groups = []
    for r in rows:
        masks = [int(r[f"m{w}"]) for w in range(shape.masks)]
        samples: list[list[str]] = [[] for _ in shape.ordered]
        for index, fragment in r.get("sample") or ():
            samples[int(index) - 1].append(str(fragment))
        groups.append(Group(hits=shape.hits(masks), n=int(r["n"]), samples=tuple(tuple(x) for x in samples)))
    return groups


def parse_rows(rows: list[dict[str, Any]], detectors: Sequence[Detector], modern: bool) -> list[RowGroup]:
    """The candidate-rows query's answer (``sql.rows_query``) as row groups."""
    tiers = sql.tiers(detectors) if modern else None
    out = []
    for r in rows:
        if tiers is not None:
            lit, free = [int(h) for h in r["_lit"]], [int(h) for h in r["_free"]]
            candidates = tiers.hits(lit, free, int(r["_gd"]))
        else:
            candidates = tuple(sorted(int(c) for c in r["c"]))
        if int(r["_dh"]):  # decoded (URL words, eastern digits) it may hold a candidate: every detector looks
            candidates = tuple(range(1, len(detectors) + 1))
        out.append(RowGroup(candidates, (str(r["w"]),) if r["w"] else (), int(r["n"])))
    return out


def scan_column(
    conn: GuardedConnection, plan: ScanPlan, table: TableTarget, column: ColumnTarget, detectors: Sequence[Detector]
) -> ColumnResult:
    """Count and validate one column inside the server (raises QueryFailed for this column only).

    Distinct candidate rows come back (bounded) and are validated here; a column with more of them
    than the bound is validated by the server itself. Either way the counts are exact.
    """
    chosen = [d for d in detectors if (d.scope == "named") == column.named]
    specific = [d for d in detectors if d.specific]
    bounds = sql.Bounds(full=plan.full, rows=plan.sample_rows, sample_clause=table.sampling_key)
    src = sql.source(table.source, column.expression, bounds, table.where)
    hints = named.column_hints(column.name, named.names_column([c.name for c in table.columns if not c.named]))
    ordered = sql.shape(chosen, plan.modern).ordered
    every_row = bool(plan.max_bytes)  # a read bounded in bytes: only this query knows its rows
    warming = warm.start(ordered, specific)  # the rules compile while the engine reads (joined before judging)
    try:
        try:
            answer = _rows_answer(conn, src, chosen, plan, every_row)
        finally:
            if warming is not None:
                warming.join()
        if any(r["w"] == sql.LONG_ROW for r in answer):
            raise QueryFailed("a candidate row is too long to validate here", OVERFLOW_CODES[0])
    except QueryFailed as exc:
        if exc.code not in OVERFLOW_CODES:
            raise
        query = sql.column_query(src, chosen, modern=plan.modern, hints=hints, every=detectors)
        answer = run(conn, query, validating_settings(conn, plan))
        rows, verdicts = judge(parse_groups(answer, sql.shape(chosen, plan.modern)), ordered, hints)
    else:
        rows, verdicts = judge_rows(parse_rows(answer, chosen, plan.modern), ordered, hints, specific)
        if not every_row:
            rows = table_rows(conn, plan, table)
    bounded = not plan.full or bool(plan.max_bytes)
    return ColumnResult(table, column, rows, verdicts, bounded)


def table_rows(conn: GuardedConnection, plan: ScanPlan, table: TableTarget) -> int:
    """Rows one column scan of this table reads, counted once per table without reading text."""
    if table.rows is None:
        bounds = sql.Bounds(full=plan.full, rows=plan.sample_rows, sample_clause=table.sampling_key)
        src = sql.source(table.source, "1", bounds, table.where)
        table.rows = int(run(conn, sql.count_query(src), plan.settings())[0]["n"])
    return table.rows


def _rows_answer(
    conn: GuardedConnection, src: str, detectors: Sequence[Detector], plan: ScanPlan, every_row: bool
) -> list[dict[str, Any]]:
    """Distinct candidate rows; OVERFLOW_CODES when the column has too many to send back."""
    query = sql.rows_query(src, detectors, modern=plan.modern, every_row=every_row)
    settings = dict(plan.settings())
    if every_row:  # no LIMIT can bound this shape: the answer's row cap does
        settings["max_result_rows"] = min(sql.CANDIDATE_ROWS + 1, conn.max_result_rows)
    answer = run(conn, query, settings)
    if sum(int(r["n"]) for r in answer if r["w"]) >= sql.CANDIDATE_ROWS:
        raise QueryFailed(f"{sql.CANDIDATE_ROWS} candidate rows or more: validated in the server", OVERFLOW_CODES[0])
    return answer


def _targets(table: TableTarget, detectors: Sequence[Detector]) -> list[ColumnTarget]:
    """The columns a table is read as: its text columns, and name/value pairs if a detector wants them."""
    value_scope = any(d.scope == "value" for d in detectors)
    named_scope = any(d.scope == "named" for d in detectors)
    return [c for c in table.columns if (c.named and named_scope) or (not c.named and value_scope)]


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
    total = sum(len(_targets(t, detectors)) for t in tables)
    done = 0
    for table in tables:
        batched = _scan_small_table(conn, plan, table, detectors)
        for column in _targets(table, detectors):
            try:
                result = batched.get(column)
                results.append(result if result is not None else scan_column(conn, plan, table, column, detectors))
            except QueryFailed as exc:
                errors.append(f"{table.display}.{column.name}: {describe_failure(exc)}")
            except ANSWER_ERRORS as exc:  # a server that answers what no ClickHouse sends
                errors.append(f"{table.display}.{column.name}: answer not understood ({type(exc).__name__})")
            done += 1
            if progress is not None:
                progress(done, total, f"{table.display}.{column.name}")
    return results, errors


def _scan_small_table(
    conn: GuardedConnection, plan: ScanPlan, table: TableTarget, detectors: Sequence[Detector]
) -> dict[ColumnTarget, ColumnResult]:
    """The columns of a table with fewer rows than ``CANDIDATE_ROWS``, one query per detector scope.

    Each query costs the server a fixed 50-100 ms to parse and plan (its pattern arrays are 20 kB),
    far more than reading a small table: a schema of many small tables spent nearly all its time
    there. Read together (``sql.table_rows_query``), the columns of such a table cannot overflow the
    candidate-row bound, so every column's counts stay exact. What this cannot answer (a failed
    query, a column with a candidate row too long to send back, a read bounded in bytes, a big table)
    is left out of the answer: those columns are read one by one, as before, and fail one by one.
    """
    if plan.max_bytes:
        return {}
    scopes = [[c for c in _targets(table, detectors) if c.named == named] for named in (False, True)]
    if all(len(columns) < 2 for columns in scopes):
        return {}
    try:
        rows = table_rows(conn, plan, table)
    except (QueryFailed, *ANSWER_ERRORS):
        return {}  # the columns' own reads report what went wrong
    if rows >= sql.CANDIDATE_ROWS:
        return {}
    out: dict[ColumnTarget, ColumnResult] = {}
    for columns in scopes:
        if len(columns) >= 2:
            out.update(_scan_together(conn, plan, table, columns, detectors, rows))
    return out


def _scan_together(
    conn: GuardedConnection,
    plan: ScanPlan,
    table: TableTarget,
    columns: Sequence[ColumnTarget],
    detectors: Sequence[Detector],
    rows: int,
) -> dict[ColumnTarget, ColumnResult]:
    """Columns of one scope read by one candidate-rows query, keyed by their position (``k``)."""
    chosen = [d for d in detectors if (d.scope == "named") == columns[0].named]
    specific = [d for d in detectors if d.specific]
    bounds = sql.Bounds(full=plan.full, rows=plan.sample_rows, sample_clause=table.sampling_key)
    src = sql.columns_source(table.source, [c.expression for c in columns], bounds, table.where)
    try:
        answer = run(conn, sql.rows_query(src, chosen, modern=plan.modern, bounded=False, key="k"), plan.settings())
        by_column: dict[int, list[dict[str, Any]]] = {}
        for r in answer:
            by_column.setdefault(int(r["k"]), []).append(r)
    except (QueryFailed, *ANSWER_ERRORS):
        return {}
    ordered = sql.shape(chosen, plan.modern).ordered
    bounded = not plan.full
    names_of = named.names_column([c.name for c in table.columns if not c.named])
    out = {}
    for position, column in enumerate(columns, start=1):
        mine = by_column.get(position, [])
        if any(r["w"] == sql.LONG_ROW for r in mine):
            continue  # validated in the server, by the column's own read
        try:
            groups = parse_rows(mine, chosen, plan.modern)
        except ANSWER_ERRORS:
            continue
        _, verdicts = judge_rows(groups, ordered, named.column_hints(column.name, names_of), specific)
        out[column] = ColumnResult(table, column, rows, verdicts, bounded)
    return out


def describe_failure(exc: QueryFailed) -> str:
    text = str(exc)[:240]
    if exc.is_permission_denied:
        return f"permission denied ({text})"
    if exc.code in (60, 81):
        return f"table or database no longer exists ({text})"
    if exc.code == 159:
        return f"query timed out ({text})"
    return f"query failed ({text})"
