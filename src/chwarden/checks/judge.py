"""The judge: run the chosen checks over collected snapshots and assemble one Report.

Every command ends here (audit, scan, discover, assess, and an offline re-judge of a saved
snapshot): facts in, the report contract out. It knows nothing about where the facts came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from chwarden.checks.registry import Check, all_checks, run_checks
from chwarden.checks.root_causes import link_root_causes
from chwarden.errors import InputError
from chwarden.facts import Snapshot
from chwarden.model import Endpoint, Finding, NotChecked, Report, TargetStatus, utc_now


class UnknownCheckError(InputError, ValueError):
    """A check id given on the command line is not in the registry (a usage error)."""


def select_checks(check_ids: Iterable[str] = (), skip_check_ids: Iterable[str] = ()) -> list[Check]:
    """The checks to run: all, only ``check_ids`` when given, without ``skip_check_ids``."""
    wanted, skipped = tuple(check_ids), tuple(skip_check_ids)
    checks = all_checks()
    known = {c.meta.id for c in checks}
    unknown = [i for i in (*wanted, *skipped) if i not in known]
    if unknown:
        raise UnknownCheckError(f"unknown check id(s): {', '.join(unknown)} (see `chwarden checks`)")
    if wanted:
        checks = [c for c in checks if c.meta.id in wanted]
    return [c for c in checks if c.meta.id not in skipped]


def judge(
    snapshots: Sequence[Snapshot],
    *,
    command: str = "audit",
    started_at: str | None = None,
    checks: Iterable[Check] | None = None,
    failed: Sequence[Sequence[str]] = (),
) -> Report:
    """Run the checks over every snapshot and assemble the report."""
    selected = list(checks) if checks is not None else all_checks()
    findings: list[Finding] = []
    not_checked: list[NotChecked] = []
    endpoints: list[Endpoint] = []
    statuses: list[TargetStatus] = []
    for snapshot in snapshots:
        f, n = run_checks(snapshot, selected)
        findings.extend(f)
        not_checked.extend(n)
        endpoints.extend(snapshot.endpoints or [])
        statuses.append(_status(snapshot))
    for target, error, *kind in failed:  # (target, why) or (target, why, the connection error's kind)
        statuses.append(TargetStatus(target=target, status="failed", errors=[error], failure=kind[0] if kind else None))
    findings.sort(key=lambda f: (-f.severity.rank, f.check_id, f.target, f.resource))
    findings, root_causes = link_root_causes(findings)
    return Report(
        command=command,
        started_at=started_at or utc_now(),
        finished_at=utc_now(),
        endpoints=_unique_endpoints(endpoints),
        findings=findings,
        not_checked=not_checked,
        targets=statuses,
        root_causes=root_causes,
    )


def _status(snapshot: Snapshot) -> TargetStatus:
    """The target's run status, with what an offline input read, could not read and assumed."""
    inputs = snapshot.inputs
    return TargetStatus(
        target=snapshot.target,
        status="partial" if snapshot.partial else "complete",
        errors=list(snapshot.errors),
        files_read=list(inputs.files_read) if inputs else [],
        files_not_read=list(inputs.files_not_read) if inputs else [],
        assumptions=list(inputs.assumptions) if inputs else [],
        unknown_variables=list(inputs.unknown_variables) if inputs else [],
        notes=list(inputs.notes) if inputs else [],
        kind=snapshot.connection.kind,
        login_user=snapshot.connection.user,
        session_lock=snapshot.connection.session_lock,
        server_version=snapshot.server.version,
        config_source=snapshot.connection.config_source or (snapshot.target if inputs is not None else None),
        config_found_by=snapshot.connection.config_found_by,
        config_root_element=inputs.root_element if inputs else None,
    )


def _unique_endpoints(endpoints: list[Endpoint]) -> list[Endpoint]:
    seen: dict[tuple[str, int], Endpoint] = {}
    for e in endpoints:
        seen.setdefault((e.host, e.port), e)
    return list(seen.values())
