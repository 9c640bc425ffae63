"""``discover_live``: tables, system logs and column heuristics of one server, as report entries."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from chwarden.connect.base import DeadlineReached, GuardedConnection, QueryFailed
from chwarden.discover import conversation, sql
from chwarden.discover.column_scan import (
    ANSWER_ERRORS,
    ColumnResult,
    ScanPlan,
    ScanStopped,
    TableTarget,
    describe_failure,
    has_vectorscan,
    list_tables,
    run,
    scan_tables,
)
from chwarden.discover.rules import Detector, select_detectors
from chwarden.discover.verdict import EXAMPLES
from chwarden.facts import LogSecretFacts
from chwarden.model import SensitiveData


@dataclass(frozen=True)
class DiscoverOptions:
    database: str | None = None
    table: str | None = None
    full: bool = False
    sample_rows: int = 100_000
    max_bytes: int | None = None
    query_timeout: int = 60
    detectors: tuple[str, ...] | None = None
    scan_logs: bool = True
    heuristics: bool = True  # chat-content and column-name heuristics
    on_progress: Callable[[int, int, str], None] | None = None
    deadline: float | None = None  # time.monotonic() by which the files scan must stop (live: the connection's)
    # tables of these engines are left out (a shard of --cluster skips Distributed: its rows are the shards')
    skip_engines: tuple[str, ...] = ()


@dataclass
class DiscoverResult:
    sensitive_data: list[SensitiveData] = field(default_factory=list)
    log_findings_facts: list[LogSecretFacts] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    tables_scanned: int = 0
    rows_scanned: int = 0
    partial: bool = False
    notes: list[str] = field(default_factory=list)  # what was skipped on purpose, and why


def entries(target: str, results: Sequence[ColumnResult]) -> list[SensitiveData]:
    """One entry per column and reported detector: a named-scope twin (``Detector.reports_as``) adds its
    rows to the value detector's entry of the same column (their patterns take disjoint values)."""
    out: dict[tuple[str, str, str, str], SensitiveData] = {}
    for r in results:
        for v in r.verdicts:
            key = (r.table.database, r.table.name, r.column.name, v.detector.reported_id)
            seen = out.get(key)
            if seen is not None:
                examples = [*seen.examples, *(e for e in v.examples if e not in seen.examples)][:EXAMPLES]
                rows = min(seen.rows_matched + v.rows_matched, max(seen.rows_scanned, r.rows_scanned))
                out[key] = seen.model_copy(update={"rows_matched": rows, "examples": examples})
                continue
            out[key] = SensitiveData(
                target=target,
                database=r.table.database,
                table=r.table.name,
                column=r.column.name,
                detector=v.detector.reported_id,
                category=v.detector.category,
                rows_matched=v.rows_matched,
                rows_scanned=r.rows_scanned,
                sampled=r.bounded,
                examples=v.examples,
            )
    return list(out.values())


def add_columns(result: DiscoverResult, target: str, results: Sequence[ColumnResult]) -> None:
    result.sensitive_data.extend(entries(target, results))
    per_table: dict[str, int] = {}
    for r in results:
        per_table[r.table.display] = max(per_table.get(r.table.display, 0), r.rows_scanned)
    result.tables_scanned += len(per_table)
    result.rows_scanned += sum(per_table.values())


def _transcript_columns(results: Sequence[ColumnResult]) -> dict[tuple[str, str], set[str]]:
    """Per (database, table): the columns most of whose rows hold chat transcripts."""
    found: dict[tuple[str, str], set[str]] = {}
    for r in results:
        for v in r.verdicts:
            if v.detector.id == "chat_transcript" and conversation.is_transcript_column(v.rows_matched, r.rows_scanned):
                found.setdefault((r.table.database, r.table.name), set()).add(r.column.name)
    return found


def _heuristics(
    conn: GuardedConnection, target: str, table: TableTarget, transcripts: frozenset[str] = frozenset()
) -> list[SensitiveData]:
    """Chat-content and column-name entries for one table (bounded reads, in the server); ``transcripts``:
    its columns most of whose rows the scan found chat transcripts in."""
    bounds = sql.Bounds(full=False, rows=conversation.STATS_ROWS)
    roles = False
    for column in table.columns:
        if conversation.ROLE_COLUMN.match(column.name):
            rows = run(conn, conversation.roles_query(sql.source(table.source, column.expression, bounds, table.where)))
            roles = roles or conversation.has_chat_roles([str(v) for v in rows[0]["roles"]])
    found: list[SensitiveData] = []
    for column in table.columns:
        hints = conversation.name_hints(column.name)
        if not hints and not roles and column.name not in transcripts:
            continue
        src = sql.source(table.source, column.expression, bounds, table.where)
        stats = conversation.stats_from_row(run(conn, conversation.stats_query(src))[0])

        labels = [(f"column_name_{kind}", "hint", stats.non_empty) for kind in hints if stats.non_empty]
        if conversation.is_chat_column(column.name, stats, roles, column.name in transcripts):
            labels.insert(0, ("chat_text", "conversation", stats.wordy))
        found.extend(
            SensitiveData(
                target=target,
                database=table.database,
                table=table.name,
                column=column.name,
                detector=detector,
                category=category,
                rows_matched=matched,
                rows_scanned=stats.rows,
                sampled=True,
            )
            for detector, category, matched in labels
        )
    return found


def discover_live(conn: GuardedConnection, target_display: str, options: DiscoverOptions) -> DiscoverResult:
    """Scan the tables (and system logs) of one server through a guarded connection."""
    detectors = select_detectors(options.detectors)
    result = DiscoverResult()
    try:
        _discover(conn, target_display, options, detectors, result)
    except ScanStopped as exc:
        if isinstance(exc.__cause__, DeadlineReached):
            result.errors.append("scan stopped: run deadline (--max-time) reached")
        else:
            result.errors.append(f"scan stopped: connection lost ({exc})")
    except QueryFailed as exc:
        result.errors.append(f"cannot list tables: {describe_failure(exc)}")
    except ANSWER_ERRORS as exc:
        result.errors.append(f"scan stopped: an answer was not understood ({type(exc).__name__})")
    result.partial = bool(result.errors)
    return result


def _discover(
    conn: GuardedConnection,
    target: str,
    options: DiscoverOptions,
    detectors: tuple[Detector, ...],
    result: DiscoverResult,
) -> None:
    modern = has_vectorscan(conn)
    if not modern:
        result.notes.append("no Vectorscan (multiMatch*) on this server: RE2 match() fallback")
    plan = ScanPlan(
        modern=modern,
        full=options.full,
        sample_rows=options.sample_rows,
        max_bytes=options.max_bytes,
        query_timeout=min(options.query_timeout, conn.max_execution_time),  # the guard allows no more
    )
    tables, notes = list_tables(conn, options.database, options.table, modern)
    tables = [t for t in tables if t.engine not in options.skip_engines]
    result.notes.extend(notes)
    results, errors = scan_tables(conn, plan, tables, detectors, options.on_progress)
    add_columns(result, target, results)
    result.errors.extend(errors)
    if options.heuristics:
        transcribed = _transcript_columns(results)
        for table in tables:
            own = frozenset(transcribed.get((table.database, table.name), ()))
            try:
                result.sensitive_data.extend(_heuristics(conn, target, table, own))
            except QueryFailed as exc:
                result.errors.append(f"{table.display}: heuristics: {describe_failure(exc)}")
    if options.scan_logs and not options.database and not options.table:
        _scan_logs(conn, target, plan, detectors, result)


def _scan_logs(
    conn: GuardedConnection, target: str, plan: ScanPlan, detectors: tuple[Detector, ...], result: DiscoverResult
) -> None:
    from chwarden.discover.logs import log_targets  # lazy: the log sources load only when logs are read (45 ms)

    secrets = [d for d in detectors if d.category == "secret"]
    if not secrets:
        return
    try:
        targets, absent = log_targets(conn)
    except QueryFailed as exc:
        result.errors.append(f"system logs: {describe_failure(exc)}")
        return
    if absent:
        result.notes.append("absent system logs: " + ", ".join(absent))
    results, errors = scan_tables(conn, plan, targets, secrets)
    result.errors.extend(errors)
    result.sensitive_data.extend(entries(target, results))
    for r in results:
        for v in r.verdicts:
            result.log_findings_facts.append(
                LogSecretFacts(
                    log=r.table.display,
                    kind=v.detector.reported_id,
                    count=v.rows_matched,
                    examples=v.examples,
                )
            )
