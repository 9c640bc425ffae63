"""One watch cycle of one target: audit (with the port probe), sampled discover, detection, drift.

Everything the target is asked goes through the guarded read-only connection, tagged as
chwarden's own; everything kept goes to the store through its own writer. A target that cannot be
reached becomes a failed cycle (and a drift event when it answered before), never an exception
that stops the other targets.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chwarden.assess.run import Assessment, attack_paths
from chwarden.audit import AuditOptions, TargetFailed, collect_target, is_local_host
from chwarden.checks.judge import judge
from chwarden.clickhouse.sql import quote_string as sql_string
from chwarden.connect import ChwardenConnectError, Credentials, Target, connect
from chwarden.connect.querytag import QueryTagger, tagging
from chwarden.detect import Detection, DetectOptions, Detector, DetectResult, DetectState, JudgeContext, networks
from chwarden.detect.catalog import Rule
from chwarden.detect.dialect import LogSource
from chwarden.detect.judges import DEFAULT_TRUSTED
from chwarden.detect.serverlog import locate
from chwarden.discover.run import DiscoverOptions, discover_live
from chwarden.facts import Snapshot
from chwarden.model import AttackPath, Finding, NotChecked, SensitiveData, Severity
from chwarden.sources.live.catalog import fill_table_rows
from chwarden.sources.localconfig import find_local_server
from chwarden.store import Store
from chwarden.store import queries as q
from chwarden.watch.config import TargetConfig
from chwarden.watch.drift import Change, fact_drift, finding_drift

AUTH_REFUSED = frozenset({192, 193, 194, 516})


@dataclass
class WatchTarget:
    """A target ready to watch: name, parsed URL, credentials and its effective settings."""

    name: str
    target: Target
    credentials: Credentials
    settings: TargetConfig
    rules: Sequence[Rule]
    interval: float

    def __repr__(self) -> str:
        return f"WatchTarget({self.name!r}, {self.target.display})"


@dataclass
class CycleResult:
    name: str
    url: str
    run_id: str
    started_at: float
    finished_at: float = 0.0
    status: str = "complete"  # complete | partial | failed
    errors: list[str] = field(default_factory=list)
    snapshot: Snapshot | None = None
    findings: list[Finding] = field(default_factory=list)
    not_checked: list[NotChecked] = field(default_factory=list)
    sensitive: list[SensitiveData] | None = None
    discovered: bool = False
    paths: list[AttackPath] = field(default_factory=list)
    detections: list[Detection] = field(default_factory=list)
    detect: DetectResult | None = None
    drift: list[Change] = field(default_factory=list)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    queries: int = 0  # statements chwarden sent to the target in this cycle (tagged ids issued)
    own_queries_logged: int = 0  # chwarden's earlier queries found in this log window (verified tags)
    own_rows_read: int = 0  # ... and the rows they read, as the server logged it
    previous_states: dict[str, q.FindingState] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Severity}
        for f in self.findings:
            counts[f.severity.value] += 1
        return counts


@dataclass(frozen=True)
class Previous:
    """What the store knew about the target before this cycle."""

    states: dict[str, q.FindingState]
    snapshot: Snapshot | None
    inventory: list[SensitiveData] | None
    cycles: int
    last_failed: bool
    watermarks: dict[str, dict[str, Any]]
    coverage: dict[str, dict[str, Any]]
    known_addresses: dict[str, set[str]]
    usage: dict[str, list[dict[str, int]]]

    @classmethod
    def load(cls, store: Store, name: str, sources: Sequence[str]) -> Previous:
        inventory = q.latest_inventory(store, name)
        last = store.select(
            f"SELECT argMax(status, started_at) AS status FROM {store.table('target_cycles')} "
            f"WHERE target = {_lit(name)} GROUP BY target"
        )
        marks = {s: m for s in sources if (m := q.watermark(store, name, s)) is not None}
        coverage = {log: c for log in ("query_log", "session_log") if (c := q.last_log_coverage(store, name, log))}
        return cls(
            states=q.finding_states(store, name),
            snapshot=q.latest_snapshot(store, name),
            inventory=inventory[1] if inventory else None,
            cycles=q.cycles_of(store, name),
            last_failed=bool(last) and last[0]["status"] == "failed",
            watermarks=marks,
            coverage=coverage,
            known_addresses=q.known_addresses(store, name),
            usage=q.usage_history(store, name),
        )


def _lit(value: str) -> str:
    return sql_string(value)


def _tables_changed(before: Snapshot | None, after: Snapshot) -> bool:
    """New tables or columns, or changed row counts since the last snapshot (discover again)."""
    if before is None or before.tables is None or after.tables is None:
        return True

    def shape(s: Snapshot) -> set[tuple[str, str, tuple[tuple[str, str], ...], int | None]]:
        return {(t.database, t.name, tuple(t.columns), t.total_rows) for t in s.tables or [] if t.database != "system"}

    return shape(before) != shape(after)


def passwordless_users(snapshot: Snapshot) -> list[str]:
    users = {"default"}
    users.update(u.name for u in snapshot.users or [] if u.password_empty is True or "no_password" in u.auth_types)
    return sorted(users)


def own_source_address(host: str, port: int) -> str:
    """The local address this machine uses to reach the target (no packet is sent)."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_DGRAM) as sock:
            sock.connect((host, port))
            return str(sock.getsockname()[0])
    except OSError:
        return ""


def own_login_attempts(snapshot: Snapshot, target: Target, at: int) -> list[tuple[int, str, str]]:
    """chwarden's own refused `default`/'' logins of this cycle (they appear as failed logins)."""
    source = own_source_address(target.host, target.port) if target.host else ""
    return [
        (at, source, "default")
        for login in snapshot.anonymous_login or []
        if not login.accepted and login.error_code in AUTH_REFUSED
    ]


def _server_log(settings: TargetConfig, snapshot: Snapshot, target: Target) -> tuple[Path | None, str]:
    """The server's own log file: configured, else the local server's (its <logger><log>, or its stdout)."""
    if settings.server_log:
        return Path(settings.server_log), ""
    if target.scheme == "chdb" or not is_local_host(target.host):
        return None, "the server's log file is not readable from here (not a local server)"
    local = find_local_server(target.host, target.port)
    config = snapshot.server_config or {}
    log = config.get("logger.log")
    path = locate(log.value if log else None, local.pid if local else None)
    if path is not None:
        return path, ""
    return None, "the local server's log file was not found or is not readable"


@dataclass(frozen=True)
class CycleContext:
    store: Store
    tagger: QueryTagger  # the watcher's key; each cycle forks its own counting tagger
    run_id: str


def run_cycle(wt: WatchTarget, ctx: CycleContext) -> CycleResult:
    """Audit, discover, detect and compute drift for one target (nothing is written here)."""
    settings = wt.settings
    result = CycleResult(wt.name, wt.target.url, ctx.run_id, time.time())
    previous = Previous.load(ctx.store, wt.name, ["query_log", "session_log"])
    result.previous_states = previous.states
    tagger = ctx.tagger.fork()
    # The audit's scan of 7 days of query_log for leaked passwords is the one collection step whose
    # cost grows with the log: it runs with discover (every N cycles); in between its result is kept.
    keep_log_secrets = (
        previous.snapshot is not None
        and previous.snapshot.log_secrets is not None
        and previous.cycles % (settings.discover.every if settings.discover else 6) != 0
    )
    audit_options = AuditOptions(
        verify_tls=not settings.insecure,
        ca_file=settings.ca_file,
        query_timeout=settings.timeout or 20,
        probe_ports=settings.probe is not False,
        use_local_config=settings.local_config is not False,
        config_path=settings.config,
        cluster=None,
        deadline_s=float(settings.deadline or 240) * 0.5,
        skip_facts=("log_secrets",) if keep_log_secrets else (),
    )
    with tagging(tagger):
        try:
            snapshot = collect_target(wt.target, wt.credentials, audit_options)
        except TargetFailed as exc:
            result.status, result.errors = "failed", [str(exc)]
            if not previous.last_failed and previous.cycles:
                result.drift.append(Change("target_unreachable", wt.name, Severity.HIGH, after=str(exc)[:200]))
            result.queries = tagger.issued
            result.finished_at = time.time()
            return result
        result.snapshot = snapshot
        if keep_log_secrets and previous.snapshot is not None:
            snapshot.log_secrets = previous.snapshot.log_secrets
            snapshot.gaps.pop("log_secrets", None)
        _discover_and_detect(wt, result, snapshot, previous, audit_options, ctx)
        result.queries = tagger.issued
    report = judge([snapshot], command="watch")
    findings = [*report.findings, *(result.detect.findings if result.detect else [])]
    not_checked = [*report.not_checked, *(result.detect.not_checked if result.detect else [])]
    result.findings = sorted(findings, key=lambda f: (-f.severity.rank, f.check_id, f.resource))
    result.not_checked = not_checked
    if snapshot.partial or snapshot.errors:
        result.status = "partial" if snapshot.partial else result.status
        result.errors.extend(snapshot.errors)
    if result.detect is not None and result.detect.errors:
        result.status = "partial"  # a log reader failed: what it would have seen is unknown
    if result.status == "failed" or previous.cycles == 0:
        drift: list[Change] = []
    else:
        drift = finding_drift(previous.states, result.findings, not_checked, result.status == "complete")
    if previous.cycles:
        drift.extend(
            fact_drift(previous.snapshot, snapshot, previous.inventory, result.sensitive if result.discovered else None)
        )
        if previous.last_failed:
            drift.append(Change("target_reachable_again", wt.name, Severity.INFO))
    result.drift.extend(drift)
    result.finished_at = time.time()
    return result


def _discover_and_detect(
    wt: WatchTarget,
    result: CycleResult,
    snapshot: Snapshot,
    previous: Previous,
    audit_options: AuditOptions,
    ctx: CycleContext,
) -> None:
    settings = wt.settings
    try:
        conn = connect(
            wt.target,
            wt.credentials,
            verify_tls=audit_options.verify_tls,
            ca_file=audit_options.ca_file,
            max_execution_time=audit_options.query_timeout,
            # the logs of every replica, when the user names the target's cluster (guard.TABLE_FUNCTIONS)
            table_functions=("clusterallreplicas",) if settings.cluster else (),
            # nothing is asked past the cycle's deadline, so a cycle reported overdue ends soon after
            deadline=time.monotonic() + max(1.0, result.started_at + float(settings.deadline or 240) - time.time()),
        )
    except ChwardenConnectError as exc:
        result.status = "partial"
        result.errors.append(f"reconnect for discover/detection failed: {exc}")
        return
    try:
        fill_table_rows(snapshot, conn)
        result.sensitive = previous.inventory
        discover = settings.discover
        every = discover.every if discover else 6
        due = previous.inventory is None or previous.cycles % every == 0 or _tables_changed(previous.snapshot, snapshot)
        if (discover is None or discover.enabled) and due:
            _discover(wt, result, snapshot, conn)
        if result.sensitive is not None:
            snapshot.sensitive_data = list(result.sensitive)
        complete = result.status == "complete"
        result.paths = attack_paths([Assessment(snapshot, result.sensitive, complete)])
        _detect(wt, result, snapshot, previous, conn, ctx)
    finally:
        conn.close()


def _discover(wt: WatchTarget, result: CycleResult, snapshot: Snapshot, conn: Any) -> None:
    settings = wt.settings.discover
    options = DiscoverOptions(
        database=settings.database if settings else None,
        sample_rows=settings.sample_rows if settings else 10_000,
        query_timeout=settings.timeout if settings else 60,
        scan_logs=False,  # secrets in the system logs are the audit's (passwords_in_query_log)
    )
    try:
        found = discover_live(conn, snapshot.target, options)
    except ChwardenConnectError as exc:
        result.errors.append(f"discover: {exc}")
        return
    if found.partial:
        result.errors.extend(f"discover: {e}" for e in found.errors[:5])
        result.notes.append("discover was partial: previous inventory kept")
        return
    result.sensitive = found.sensitive_data
    result.discovered = True


def sensitive_tables(entries: Sequence[SensitiveData] | None) -> list[str] | None:
    if entries is None:
        return None
    return sorted(
        {
            f"{e.database}.{e.table}"
            for e in entries
            if e.category in ("secret", "conversation") and e.database != "system"
        }
    )


def _detect(
    wt: WatchTarget, result: CycleResult, snapshot: Snapshot, previous: Previous, conn: Any, ctx: CycleContext
) -> None:
    settings = wt.settings
    server_log, log_reason = _server_log(settings, snapshot, wt.target)
    watermarks = dict(previous.watermarks)
    if server_log is not None:
        key = f"serverlog:{server_log}"
        mark = q.watermark(ctx.store, wt.name, key)
        if mark is not None:
            watermarks[key] = mark
    allow = settings.allow
    tables = sensitive_tables(result.sensitive)
    lookup: dict[str, str] = {}
    for qualified in tables or []:
        lookup[qualified.lower()] = qualified
        lookup.setdefault(qualified.split(".", 1)[-1].lower(), qualified)
    judge_ctx = JudgeContext(
        target=wt.name,
        trusted_networks=networks(settings.trusted_networks or DEFAULT_TRUSTED),
        allow_principals=frozenset(allow.principals if allow else ()),
        allow_networks=networks(allow.networks if allow else ()),
        known_addresses=previous.known_addresses,
        usage_history=previous.usage,
        tagger=ctx.tagger,
        sensitive_tables=lookup,
    )
    sources: dict[str, LogSource] = {}
    for log, qualified in (settings.log_tables or {}).items():
        database, _, table = qualified.rpartition(".")
        sources[log] = LogSource(database=database or "system", table=table, cluster=settings.cluster)
    options = DetectOptions(
        rules=wt.rules,
        sources=sources,
        cluster=settings.cluster,
        lag=settings.log_lag if settings.log_lag is not None else 10,
        initial_lookback=int(settings.initial_lookback or 3600),
        interval=int(wt.interval),
        passwordless_users=passwordless_users(snapshot),
        sensitive_tables=tables,
        server_log=server_log,
        server_log_reason=log_reason,
        own_login_attempts=own_login_attempts(snapshot, wt.target, int(result.started_at)),
    )
    state = DetectState(watermarks=watermarks, coverage=previous.coverage)
    result.detect = Detector(conn, wt.name, options, state, judge_ctx, snapshot).run()
    result.detections = result.detect.detections
    result.notes.extend(result.detect.notes)
    result.errors.extend(result.detect.errors)
    result.own_queries_logged, result.own_rows_read = judge_ctx.own_queries, judge_ctx.own_rows_read
