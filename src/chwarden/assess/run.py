"""`chwarden assess`: collect (audit facts, port probe, anonymous logins), discover, build the paths.

Sensitive data comes from discover when it is installed and could read the tables; otherwise it
is inferred from table and column names and every data step says ``source: inferred``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from chwarden.assess.paths import Path, choose_cuts, enumerate_paths, rank
from chwarden.assess.sensitivity import sensitive_tables
from chwarden.audit import AuditOptions, TargetFailed, collect_target
from chwarden.checks.judge import judge
from chwarden.connect import ChwardenConnectError, Credentials, Target, connect
from chwarden.connect.base import GuardedConnection, QueryFailed
from chwarden.discover import DiscoverOptions, discover_live
from chwarden.facts import Snapshot
from chwarden.model import AttackPath, Report, SensitiveData, utc_now
from chwarden.sources.live.catalog import fill_table_rows


@dataclass(frozen=True)
class AssessOptions:
    audit: AuditOptions = field(default_factory=AuditOptions)
    discover: bool = True
    max_paths: int = 50


@dataclass
class Assessment:
    """What one target yielded: its facts and, when discover ran, what it found."""

    snapshot: Snapshot
    sensitive: list[SensitiveData] | None = None
    discover_complete: bool = True  # False when discover stopped early (errors on the target)


def attack_paths(assessments: Sequence[Assessment], max_paths: int = 50) -> list[AttackPath]:
    """Ranked attack paths over every assessed target, each with its cheapest cut."""
    paths: list[Path] = []
    for item in assessments:
        snapshot = item.snapshot
        found = item.sensitive if item.sensitive is not None else _snapshot_sensitive(snapshot)
        data = sensitive_tables(snapshot.tables or [], found, complete=item.discover_complete)
        paths.extend(enumerate_paths(snapshot, data))
    choose_cuts(paths)
    return [p.to_model() for p in rank(paths)[:max_paths]]


def _snapshot_sensitive(snapshot: Snapshot) -> list[SensitiveData] | None:
    """Discover's results stored in the snapshot (``Snapshot.sensitive_data``), when present."""
    return list(snapshot.sensitive_data) if snapshot.sensitive_data is not None else None


def assess_report(
    assessments: Sequence[Assessment],
    *,
    options: AssessOptions | None = None,
    started_at: str | None = None,
    failed: Sequence[Sequence[str]] = (),
) -> Report:
    """The audit's findings plus sensitive data and ranked attack paths."""
    opts = options or AssessOptions()
    snapshots = [a.snapshot for a in assessments]
    report = judge(
        snapshots, command="assess", started_at=started_at, checks=opts.audit.selected_checks(), failed=failed
    )
    sensitive = [s for a in assessments for s in (a.sensitive or _snapshot_sensitive(a.snapshot) or [])]
    return report.model_copy(
        update={
            "sensitive_data": sensitive,
            "attack_paths": attack_paths(assessments, opts.max_paths),
            "finished_at": utc_now(),
        }
    )


def assess_target(
    target: Target, credentials: Credentials, options: AssessOptions, deadline: float | None = None
) -> Assessment:
    """Collect one live target, count its rows and run discover on it when available (all by ``deadline``)."""
    deadline = options.audit.run_deadline() if deadline is None else deadline
    snapshot = collect_target(target, credentials, options.audit, deadline)
    try:
        conn = connect(
            target,
            credentials,
            verify_tls=options.audit.verify_tls,
            ca_file=options.audit.ca_file,
            connect_timeout=options.audit.connect_timeout,
            max_execution_time=options.audit.query_timeout,
            deadline=deadline,
        )
    except ChwardenConnectError as exc:
        snapshot.errors.append(f"assess: could not reconnect to count rows: {exc}")
        return Assessment(snapshot)
    try:
        fill_table_rows(snapshot, conn)
        errors_before = len(snapshot.errors)
        sensitive = run_discover(conn, snapshot, options.audit.query_timeout) if options.discover else None
    finally:
        conn.close()
    return Assessment(snapshot, sensitive, discover_complete=len(snapshot.errors) == errors_before)


def run_discover(conn: GuardedConnection, snapshot: Snapshot, query_timeout: int) -> list[SensitiveData] | None:
    """Discover's findings (also stored in the snapshot for the data checks), or None on failure."""
    try:
        result = discover_live(conn, snapshot.target, DiscoverOptions(query_timeout=query_timeout))
    except (ChwardenConnectError, QueryFailed, ValueError, RuntimeError) as exc:
        snapshot.errors.append(f"assess: discover failed, sensitive data inferred from names: {exc}")
        return None
    snapshot.errors.extend(f"discover: {error}" for error in result.errors)
    snapshot.sensitive_data = list(result.sensitive_data)
    snapshot.gaps.pop("sensitive_data", None)
    return snapshot.sensitive_data


def assess(
    targets: Sequence[Target], credentials: Credentials, options: AssessOptions
) -> tuple[Report, list[Snapshot]]:
    """Assess every target; unreachable ones are reported as failed, the rest still assessed."""
    started = utc_now()
    deadline = options.audit.run_deadline()
    options.audit.selected_checks()  # unknown check ids fail before any target is contacted
    done: list[Assessment] = []
    failed: list[tuple[str, str, str]] = []
    for target in targets:
        if time.monotonic() >= deadline:
            failed.append((target.display, "not assessed: run deadline (--max-time) reached", "deadline"))
            continue
        try:
            done.append(assess_target(target, credentials, options, deadline))
        except TargetFailed as exc:
            failed.append((target.display, exc.reason, exc.kind))
    report = assess_report(done, options=options, started_at=started, failed=failed)
    return report, [a.snapshot for a in done]
