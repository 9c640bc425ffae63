"""One root cause at a time: findings that another finding's fix closes are grouped under it.

A check names, per hit, the findings (check id, resource) that would be its root cause if they are
reported (``Hit.caused_by``; ``fixed_by`` does it for findings that exist only because an account
has no password). Once every finding of a target is known, the first named finding that exists
becomes the finding's ``caused_by`` (its fingerprint), chains are followed to their top, and each
root cause is listed in ``Report.root_causes`` with everything its one fix closes: worst first,
then the one that closes most. Renderers only show this; the grouping lives here.
"""

from __future__ import annotations

from collections.abc import Sequence

from chwarden.model import Finding, RootCause, Severity

# A chain of causes is followed at most this far (checks name direct causes: chains stay short).
MAX_CHAIN = 8


def link_root_causes(findings: Sequence[Finding]) -> tuple[list[Finding], list[RootCause]]:
    """Set ``caused_by`` on every finding whose root cause is reported; list the root causes."""
    by_key = {(f.target, f.check_id, f.resource): f for f in findings}
    direct: dict[str, Finding] = {}
    for finding in findings:
        cause = next(
            (
                by_key[key]
                for check_id, resource in finding.cause_candidates
                if (key := (finding.target, check_id, resource)) in by_key
                and (check_id, resource) != (finding.check_id, finding.resource)
            ),
            None,
        )
        if cause is not None and cause.fingerprint and finding.fingerprint:
            direct[finding.fingerprint] = cause
    linked: list[Finding] = []
    closes: dict[str, list[Finding]] = {}
    for finding in findings:
        root = _top(finding, direct)
        if root is None:
            linked.append(finding)
            continue
        linked.append(finding.model_copy(update={"caused_by": root.fingerprint}))
        closes.setdefault(str(root.fingerprint), []).append(finding)
    roots = {f.fingerprint: f for f in findings if f.fingerprint in closes}
    causes = [_root_cause(roots[fp], children) for fp, children in closes.items() if fp in roots]
    causes.sort(key=lambda c: (-c.severity.rank, -len(c.closes), c.check_id, c.target, c.resource))
    return linked, causes


def _top(finding: Finding, direct: dict[str, Finding]) -> Finding | None:
    """The root of the chain above ``finding`` (None when nothing causes it); cycles stop the walk."""
    seen = {finding.fingerprint}
    current = direct.get(str(finding.fingerprint))
    for _ in range(MAX_CHAIN):
        if current is None:
            return None
        above = direct.get(str(current.fingerprint))
        if above is None or above.fingerprint in seen:
            return current
        seen.add(current.fingerprint)
        current = above
    return current


def _root_cause(root: Finding, children: list[Finding]) -> RootCause:
    worst = max((root, *children), key=lambda f: f.severity.rank).severity
    return RootCause(
        fingerprint=str(root.fingerprint),
        check_id=root.check_id,
        target=root.target,
        resource=root.resource,
        severity=worst if isinstance(worst, Severity) else Severity(worst),
        title=root.title,
        closes=[str(c.fingerprint) for c in children],
        fix=root.remediation,
    )
