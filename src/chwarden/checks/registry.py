"""Check registry: each check is a pure function of a Snapshot, registered with its metadata.

A check function yields ``Hit``s; the runner turns them into ``Finding``s carrying the metadata.
A check that needs a fact the snapshot lacks yields a ``NotChecked`` with the recorded reason,
never a silent pass.

What a check declares with ``@check``:

* ``needs``: the facts it cannot judge without. The runner asks for them before the check runs, and
  ``chwarden checks`` lists them. A fact needed only in some cases (a config key the server may not
  expose, the version for a threshold) is asked for where the case arises: ``snapshot.need(fact)``,
  or ``FactMissing`` with the reason.
* ``applies``: whether the check concerns this kind of target at all (scan checks and a live audit,
  Kubernetes checks and a server); when it does not, it yields nothing, not even "not checked".
* ``fixed_by``: checks whose fix also makes this check's finding go away when the finding exists only
  because the account has no password (``passwordless`` evidence, or the audit session itself):
  ``chwarden fix`` then leaves this fix out behind that one instead of taking rights away from an
  account that will authenticate, and the report groups the finding under that one (``caused_by``).
* ``confidence``: how the check's findings are known when a hit does not say: ``inferred`` for checks
  that judge a version number; otherwise a finding read from a file (it has a location, or the
  target is a config) is ``inferred`` and one the server answered is ``proven``.

A check yields ``Hit``s, and may yield ``Undecided`` for one resource it cannot judge (a user whose
networks depend on an unknown version, a value taken from an input nobody could read): that becomes
a ``not_checked`` entry naming the resource, while the check still judges everything else.

Built-in check modules register themselves when imported (``builtin`` imports them all): the one
import circle the floor plan accepts (``scripts/check_layers.py``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from chwarden.checks.fixroute import fit_to_storage
from chwarden.facts import FactMissing, Snapshot
from chwarden.model import Confidence, Finding, Location, NotChecked, Remediation, Severity


@dataclass(frozen=True)
class CheckMeta:
    id: str
    title: str
    severity: Severity
    category: str
    rationale: str
    remediation: str
    references: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()  # Snapshot fields that must be collected
    # Whether the check concerns this kind of target at all (e.g. Kubernetes checks and a live
    # server): when it does not, the check yields nothing - neither findings nor "not checked".
    applies: Callable[[Snapshot], bool] | None = None
    fixed_by: tuple[str, ...] = ()  # checks whose fix (a password) makes a passwordless finding go away
    confidence: Confidence | None = None  # None: proven when the server answered, inferred from files


@dataclass(frozen=True)
class Hit:
    """One problem found by a check, before metadata is attached."""

    resource: str
    evidence: dict[str, Any] = field(default_factory=dict)
    remediation: Remediation | None = None
    severity: Severity | None = None  # override the check's default (e.g. escalate)
    title: str | None = None  # a more specific title than the check's
    location: Location | None = None
    references: tuple[str, ...] = ()  # extra links for this hit (e.g. one advisory)
    confidence: Confidence | None = None  # proven (a login or query showed it) / inferred; None: decided by the runner
    # Findings (check id, resource) whose fix also closes this one: the first that exists in the report
    # becomes its root cause (``caused_by``).
    caused_by: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Undecided:
    """One resource a check cannot judge, and why (it becomes a not_checked entry naming it)."""

    resource: str
    reason: str


CheckFunc = Callable[[Snapshot], Iterable[Hit | Undecided]]


@dataclass(frozen=True)
class Check:
    meta: CheckMeta
    func: CheckFunc


_REGISTRY: dict[str, Check] = {}


def check(
    id: str,
    *,
    title: str,
    severity: Severity,
    category: str,
    rationale: str,
    remediation: str,
    references: Iterable[str] = (),
    needs: Iterable[str] = (),
    applies: Callable[[Snapshot], bool] | None = None,
    fixed_by: Iterable[str] = (),
    confidence: Confidence | None = None,
) -> Callable[[CheckFunc], CheckFunc]:
    """Register a check function under a stable snake_case id."""

    def register(func: CheckFunc) -> CheckFunc:
        if id in _REGISTRY:
            raise ValueError(f"duplicate check id {id}")
        meta = CheckMeta(
            id=id,
            title=title,
            severity=severity,
            category=category,
            rationale=rationale,
            remediation=remediation,
            references=tuple(references),
            needs=tuple(needs),
            applies=applies,
            fixed_by=tuple(fixed_by),
            confidence=confidence,
        )
        _REGISTRY[id] = Check(meta, func)
        return func

    return register


def all_checks() -> list[Check]:
    """Every registered check, in a stable order (category, then id)."""
    _load_builtin_checks()
    return sorted(_REGISTRY.values(), key=lambda c: (c.meta.category, c.meta.id))


def get_check(check_id: str) -> Check:
    _load_builtin_checks()
    return _REGISTRY[check_id]


def fixed_by(check_id: str) -> tuple[str, ...]:
    """The checks whose fix supersedes this one's (none for a check this version does not know)."""
    _load_builtin_checks()
    known = _REGISTRY.get(check_id)
    return known.meta.fixed_by if known is not None else ()


def finding_account(finding: Finding) -> str:
    """The account a finding is about: ``fixed_by`` relations hold between findings of one account.

    A ``user:`` resource names it; a table finding names its reader in ``readable_by``; the
    ``default_*`` checks are about ``default``; otherwise the resource's name.
    """
    kind, _, name = finding.resource.partition(":")
    reader = finding.evidence.get("readable_by")
    if kind == "table" and isinstance(reader, str):
        return reader
    return name if kind == "user" else "default" if finding.check_id.startswith("default_") else name


def closed_by(finding: Finding, cause: Finding) -> bool:
    """``cause``'s fix makes ``finding`` go away: it exists only while ``cause``'s account has no password."""
    passwordless = finding.evidence.get("passwordless") is True or finding.resource.startswith("session:")
    return (
        passwordless
        and finding.target == cause.target
        and cause.check_id in fixed_by(finding.check_id)
        and finding_account(finding) == finding_account(cause)
    )


def root_cause_checks() -> frozenset[str]:
    """Checks whose fix makes other checks' findings go away (the ``fixed_by`` targets)."""
    return frozenset(c for meta in iter_metas() for c in meta.fixed_by)


def _load_builtin_checks() -> None:
    # Importing the package registers every built-in check module exactly once.
    import chwarden.checks.builtin  # noqa: F401


def finding_fingerprint(check_id: str, target: str, resource: str) -> str:
    """Stable id of a finding across runs (used for suppressions and SARIF)."""
    return hashlib.sha256(f"{check_id}|{target}|{resource}".encode()).hexdigest()[:16]


def version_lacks_feature(snapshot: Snapshot, resource: str, feature: str, advice: str) -> Hit:
    """The finding for a server too old to have the protecting feature: advice, never a patch it
    would ignore in silence."""
    return Hit(
        resource=resource,
        evidence={"feature": feature, "supported": False, "server_version": snapshot.server.version},
        remediation=Remediation(text=advice),
    )


def run_check(chk: Check, snapshot: Snapshot) -> tuple[list[Finding], list[NotChecked]]:
    meta = chk.meta
    target = snapshot.target
    if meta.applies is not None and not meta.applies(snapshot):
        return [], []
    try:
        for fact in meta.needs:
            snapshot.need(fact)
        results = list(chk.func(snapshot))
    except FactMissing as missing:
        return [], [NotChecked(check_id=meta.id, target=target, reason=f"{missing.fact}: {missing.reason}")]
    findings = [_to_finding(meta, target, r, snapshot) for r in results if isinstance(r, Hit)]
    undecided = [
        NotChecked(check_id=meta.id, target=target, reason=r.reason, resource=r.resource)
        for r in results
        if isinstance(r, Undecided)
    ]
    return findings, undecided


def run_checks(snapshot: Snapshot, checks: Iterable[Check] | None = None) -> tuple[list[Finding], list[NotChecked]]:
    """Judge one snapshot with every (or the given) check."""
    findings: list[Finding] = []
    not_checked: list[NotChecked] = []
    for chk in checks if checks is not None else all_checks():
        f, n = run_check(chk, snapshot)
        findings.extend(f)
        not_checked.extend(n)
    findings.sort(key=lambda f: (-f.severity.rank, f.check_id, f.resource))
    return findings, not_checked


def _to_finding(meta: CheckMeta, target: str, hit: Hit, snapshot: Snapshot) -> Finding:
    remediation = fit_to_storage(
        snapshot, hit.resource, hit.remediation or Remediation(text=meta.remediation), dict(hit.evidence)
    )
    if remediation.text is None:
        remediation = remediation.model_copy(update={"text": meta.remediation})
    account = _account(hit) if _passwordless(hit) else None
    candidates = (*hit.caused_by, *((c, account) for c in meta.fixed_by if account is not None))
    return Finding(
        check_id=meta.id,
        title=hit.title or meta.title,
        severity=hit.severity or meta.severity,
        target=target,
        resource=hit.resource,
        evidence=hit.evidence,
        remediation=remediation,
        references=list(dict.fromkeys((*meta.references, *hit.references))),
        category=meta.category,
        location=hit.location,
        fingerprint=finding_fingerprint(meta.id, target, hit.resource),
        confidence=hit.confidence or meta.confidence or _confidence(snapshot, hit),
    ).with_cause_candidates(tuple(dict.fromkeys(candidates)))


def _passwordless(hit: Hit) -> bool:
    """The hit exists only because its account has no password (what ``fixed_by`` is about)."""
    return hit.evidence.get("passwordless") is True or hit.resource.startswith("session:")


def _account(hit: Hit) -> str | None:
    """``user:<name>`` of the account a hit is about (a table finding names its reader)."""
    kind, _, name = hit.resource.partition(":")
    if kind in ("user", "session"):
        return f"user:{name}"
    reader = hit.evidence.get("readable_by")
    return f"user:{reader}" if isinstance(reader, str) else None


def _confidence(snapshot: Snapshot, hit: Hit) -> Confidence:
    """Read from a file (a config audit, or a hit located in a file) is inferred; a server answer is proven."""
    if snapshot.connection.kind == "config" or hit.location is not None:
        return "inferred"
    return "proven"


def iter_metas() -> Iterator[CheckMeta]:
    for chk in all_checks():
        yield chk.meta
