"""The first screen of a report as data: provenance, what to fix first, findings grouped, gaps grouped.

A user should fix the right thing in one minute: so every renderer that shows a report to a person
starts from the same view, built here from the finished ``Report`` only:

* ``provenance``: per target what was judged and how (the login user, the read-only lock the
  server applied, the config directory read, or how to add one);
* ``root_causes``: findings whose one fix closes others (``fixed_by`` in the check registry: a
  password makes the "only while passwordless" findings go away), ranked by the risk they close,
  then the worst findings no cause closes;
* ``finding_groups``: one entry per check, severity and fix, with every place it was found (three
  clusters without a secret are one thing to fix, in three places), and all known vulnerabilities
  of one server as one entry ("12 known vulnerabilities (3 pre-auth) - upgrade");
* ``gap_groups``: the checks that could not run, grouped by reason, each with what to do about it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from chwarden.checks.registry import closed_by, root_cause_checks
from chwarden.model import AttackPath, Finding, Report, Severity, TargetStatus
from chwarden.report._common import SEVERITIES, sorted_findings

ADVISORY_CHECK = "vulnerable_version"
# Risk weights of the severities when ranking what to fix first (a critical outweighs many lows).
WEIGHTS = {Severity.CRITICAL: 100, Severity.HIGH: 30, Severity.MEDIUM: 8, Severity.LOW: 2, Severity.INFO: 0}
MAX_FIX_LINE = 240
MAX_NOT_READ = 3  # files not read listed in the header; -v lists all


def where(finding: Finding) -> str:
    """The file:line a finding was set at, else its resource (``user:default``, ``setting:x``)."""
    return str(finding.location) if finding.location is not None else finding.resource


def one_line_fix(finding: Finding) -> str:
    """The fix as one line: the remediation's prose (its first sentence when long), else the first statement."""
    fix = finding.remediation
    text = " ".join((fix.text or "").split())
    if text:
        if len(text) > MAX_FIX_LINE:
            first = re.split(r"(?<=[.;])\s", text, maxsplit=1)[0]
            text = first if len(first) <= MAX_FIX_LINE else text[: MAX_FIX_LINE - 1].rstrip() + "…"
        return text
    if fix.sql:
        return fix.sql.strip().splitlines()[0]
    if fix.xml:
        return "an XML patch (--details shows it)"
    return "see the check's documentation (chwarden explain " + finding.check_id + ")"


def weight(findings: Iterable[Finding]) -> int:
    return sum(WEIGHTS[f.severity] for f in findings)


def worst(findings: Iterable[Finding]) -> Severity:
    return max((f.severity for f in findings), key=lambda s: s.rank, default=Severity.INFO)


def severity_text(findings: Sequence[Finding]) -> str:
    """``2 critical, 1 high`` for a set of findings, worst first."""
    counts = {s: sum(1 for f in findings if f.severity is s) for s in SEVERITIES}
    return ", ".join(f"{n} {s.value}" for s, n in counts.items() if n)


# ---- what to fix first ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Cause:
    """One change that closes ``finding`` and ``closes`` (the findings that exist only because of it)."""

    finding: Finding
    closes: tuple[Finding, ...] = ()

    @property
    def all_closed(self) -> tuple[Finding, ...]:
        return (self.finding, *self.closes)

    @property
    def severity(self) -> Severity:
        return worst(self.all_closed)

    @property
    def advisories(self) -> bool:
        return self.finding.check_id == ADVISORY_CHECK

    @property
    def fix(self) -> str:
        """The one change: an upgrade that fixes every advisory, or the finding's own fix."""
        return upgrade_advice(self.all_closed) if self.advisories else one_line_fix(self.finding)


def root_causes(report: Report, limit: int = 3) -> list[Cause]:
    """The changes that close the most risk, worst first: root causes, then the worst single findings.

    A finding is closed by another when it exists only while an account has no password and its
    check lists the other's in ``fixed_by`` (``checks.registry.closed_by``: the passwordless
    ``default`` behind "may run DDL", "is not read-only", "sensitive tables readable"...). Causes
    rank by severity, root-cause checks first, then by the summed weight of what they close; findings
    of info severity are never something to fix first.
    """
    findings = [f for f in sorted_findings(report.findings) if f.severity is not Severity.INFO]
    roots = root_cause_checks()
    causes: list[Cause] = _declared_causes(report, findings)
    taken: set[int] = {id(g) for c in causes for g in c.all_closed}
    for f in findings:
        if f.check_id in roots and id(f) not in taken:
            closes = tuple(g for g in findings if g is not f and id(g) not in taken and closed_by(g, f))
            causes.append(Cause(f, closes))
            taken.update(id(g) for g in (f, *closes))
    advisories: dict[str, list[Finding]] = {}
    for f in findings:
        if f.check_id == ADVISORY_CHECK:
            advisories.setdefault(f.target, []).append(f)
    for known in advisories.values():  # one upgrade fixes them all: one cause per server
        causes.append(Cause(known[0], tuple(known[1:])))
        taken.update(id(g) for g in known)
    for f in findings:
        if id(f) not in taken and f.severity.at_least(Severity.HIGH):
            causes.append(Cause(f))
            taken.add(id(f))
    causes.sort(key=lambda c: (-c.severity.rank, c.finding.check_id not in roots, -weight(c.all_closed)))
    return causes[:limit]


def _declared_causes(report: Report, findings: list[Finding]) -> list[Cause]:
    """Root causes the report itself lists (``root_causes`` with the fingerprints each one closes),
    when the contract carries them; the registry's ``fixed_by`` relation fills in for older reports."""
    by_fingerprint = {f.fingerprint: f for f in findings if f.fingerprint}
    causes: list[Cause] = []
    for root in report.root_causes:
        finding = by_fingerprint.get(root.fingerprint)
        if finding is not None:
            closes = tuple(by_fingerprint[fp] for fp in root.closes if fp in by_fingerprint)
            causes.append(Cause(finding, closes))
    return causes


def top_path(report: Report) -> AttackPath | None:
    """The highest ranked attack path (assess and demo reports), or None."""
    if not report.attack_paths:
        return None
    return max(report.attack_paths, key=lambda p: (p.severity.rank, p.score or 0.0))


# ---- findings grouped ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FindingGroup:
    """Findings of one check with the same severity and fix: one thing to fix, in one or more places."""

    severity: Severity
    title: str
    check_id: str
    fix: str
    findings: tuple[Finding, ...]
    advisories: bool = False  # the known vulnerabilities of one server, summarised

    @property
    def places(self) -> list[tuple[str, str]]:
        """(where, resource) of every finding, resource empty when ``where`` already is the resource."""
        return [(where(f), "" if f.location is None else f.resource) for f in self.findings]


def finding_groups(report: Report) -> list[FindingGroup]:
    """Worst first; the known vulnerabilities of each target become one group."""
    groups: dict[tuple[str, ...], list[Finding]] = {}
    advisories: dict[str, list[Finding]] = {}
    for f in sorted_findings(report.findings):
        if f.check_id == ADVISORY_CHECK:
            advisories.setdefault(f.target, []).append(f)
            continue
        groups.setdefault((f.severity.value, f.check_id, f.title, one_line_fix(f)), []).append(f)
    result = [
        FindingGroup(Severity(severity), title, check_id, fix, tuple(fs))
        for (severity, check_id, title, fix), fs in groups.items()
    ]
    result += [_advisory_group(target, fs) for target, fs in advisories.items()]
    result.sort(key=lambda g: (-g.severity.rank, g.check_id, g.findings[0].target, where(g.findings[0])))
    return result


def advisory_title(target: str, findings: list[Finding]) -> str:
    """``12 known vulnerabilities in 23.3.1.1 (3 pre-auth)``."""
    pre_auth = sum(1 for f in findings if f.evidence.get("pre_auth") is True)
    version = next((str(f.evidence["version"]) for f in findings if f.evidence.get("version")), "this version")
    noun = "vulnerability" if len(findings) == 1 else "vulnerabilities"
    return f"{len(findings)} known {noun} in {version}" + (f" ({pre_auth} pre-auth)" if pre_auth else "")


def _advisory_group(target: str, findings: list[Finding]) -> FindingGroup:
    title = advisory_title(target, findings)
    return FindingGroup(worst(findings), title, ADVISORY_CHECK, upgrade_advice(findings), tuple(findings), True)


_FIXED_BUILD = re.compile(r"^\d+(\.\d+){1,3}")
_UPGRADE_TO = re.compile(r"upgrade to (the latest .*?)(?:[.;](?:\s|$)|$)", re.IGNORECASE)


def upgrade_advice(findings: Sequence[Finding]) -> str:
    """One upgrade that fixes every advisory: the newest fixed build on the line, or a supported release."""
    builds = [str(f.evidence.get("fixed_in", "")) for f in findings]
    if builds and all(_FIXED_BUILD.match(b) for b in builds):
        newest = max(builds, key=lambda b: tuple(int(x) for x in _FIXED_BUILD.match(b).group(0).split(".")))  # type: ignore[union-attr]
        return f"upgrade to {newest} or later (fixes all {len(findings)})"
    for f in findings:
        match = _UPGRADE_TO.search(f.remediation.text or "")
        if match:
            return f"upgrade to {match.group(1)}: this release line gets no more fixes"
    return "upgrade to a supported release"


# ---- provenance and what could not be checked ----------------------------------------------------


@dataclass(frozen=True)
class GapGroup:
    """Checks that could not run for one reason, and what would let them run."""

    label: str
    hint: str | None
    checks: tuple[str, ...]
    reasons: tuple[str, ...] = field(default=())


# (words in the reason, label, hint); the first match wins. ``{config}`` is filled per target kind.
_GAP_RULES: tuple[tuple[tuple[str, ...], str, str | None], ...] = (
    (
        ("offline config audit", "only a live server", "only visible in system.users"),
        "need the running server",
        "audit it live: chwarden audit URL --config DIR",
    ),
    (
        (
            "users.xml is not visible over sql",
            "no config files were read",
            "system.server_settings absent",
            "needs its profile",
            "config files",
        ),
        "need the server's config files",
        "add --config DIR (the server's config directory, e.g. /etc/clickhouse-server)",
    ),
    (
        ("sensitive_data: not collected",),
        "need table data",
        "chwarden discover URL (or assess) reads it",
    ),
    (
        ("version unknown", "version is unknown"),
        "need the server version",
        "audit the live server, or a snapshot of it",
    ),
    (
        ("permission", "not enough privileges", "access denied", "code 497"),
        "the auditing user may not read this",
        "audit as a user with SELECT on the system tables",
    ),
    (
        ("timed out", "deadline", "connection lost", "time limit"),
        "cut short",
        "raise --timeout or --max-time",
    ),
    (
        ("not available on this server version", "absent"),
        "not on this server version",
        None,
    ),
)


UNRESOLVED_INPUT_CHECK = "unresolved_config_input"
UNRESOLVED_LABEL = "config inputs unresolved (incl, from_env, from_zk), judged as written"
UNRESOLVED_HINT: str | None = "give the file or variable (--env-file, --config-root)"


def not_run_checks(report: Report) -> int:
    """How many checks could not run on some target (unresolved config inputs are counted apart)."""
    return len({(n.check_id, n.target) for n in report.not_checked if n.check_id != UNRESOLVED_INPUT_CHECK})


def gap_groups(report: Report) -> list[GapGroup]:
    """``not_checked`` grouped by reason (most checks first), each with its hint."""
    groups: dict[tuple[str, str | None], tuple[list[str], list[str]]] = {}
    for entry in report.not_checked:
        hint: str | None
        if entry.check_id == UNRESOLVED_INPUT_CHECK:
            # one entry per config input (an incl/from_env/from_zk nobody resolved), not per check
            label, hint, unit = UNRESOLVED_LABEL, UNRESOLVED_HINT, f"{entry.target}:{entry.resource}"
        else:
            (label, hint), unit = _classify(entry.reason), entry.check_id
        checks, reasons = groups.setdefault((label, hint), ([], []))
        if unit not in checks:
            checks.append(unit)
        if entry.reason not in reasons:
            reasons.append(entry.reason)
    result = [GapGroup(label, hint, tuple(c), tuple(r)) for (label, hint), (c, r) in groups.items()]
    return sorted(result, key=lambda g: (-len(g.checks), g.label))


def _classify(reason: str) -> tuple[str, str | None]:
    lowered = reason.lower()
    for words, label, hint in _GAP_RULES:
        if any(w in lowered for w in words):
            return label, hint
    return reason.split(": ", 1)[-1][:80], None


@dataclass(frozen=True)
class Provenance:
    """What was judged for one target and how chwarden got the facts: (label, text) lines."""

    target: str
    lines: tuple[tuple[str, str], ...]


KIND_WORDS = {
    "live": "live server",
    "embedded": "embedded engine (chdb)",
    "config": "config files, offline",
    "snapshot": "saved snapshot",
    "files": "files, read by the embedded engine",
}
CONFIG_COMMANDS = ("audit", "assess")  # commands that can add a config directory (--config / local files)


def provenance(report: Report) -> list[Provenance]:
    """Per target: what it is, who chwarden logged in as, the lock applied, the config read (or how to add it)."""
    return [Provenance(t.target, tuple(_provenance_lines(t, report.command))) for t in report.targets]


def _provenance_lines(status: TargetStatus, command: str) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    if status.status == "failed":
        return [("failed", "; ".join(status.errors) or "no details")]
    what = KIND_WORDS.get(status.kind or "", status.kind or "")
    if status.server_version:
        what = f"{what}, ClickHouse {status.server_version}" if what else f"ClickHouse {status.server_version}"
    if what:
        lines.append(("judged", what))
    if status.login_user is not None and status.kind in ("live", "embedded"):
        lines.append(("login", status.login_user))
    if status.session_lock:
        lines.append(("lock", status.session_lock.removeprefix("server read-only: ")))
    if status.kind == "config":
        read = status.files_read
        shown = ", ".join(read[:4]) + (f" (+{len(read) - 4} more)" if len(read) > 4 else "")
        lines.append(("config", f"{len(read)} files read: {shown}" if read else "no file read"))
    elif status.kind in ("live", "embedded") and command in CONFIG_COMMANDS:
        if status.config_source:
            found = f" (found from the {status.config_found_by})" if status.config_found_by else ""
            lines.append(("config", f"{status.config_source} read{found}"))
        elif status.kind == "live":
            lines.append(("config", "none read: add --config DIR to judge users.xml, listen_host, TLS and more"))
    for skipped in status.files_not_read[:MAX_NOT_READ]:
        lines.append(("not read", f"{skipped.file}: {skipped.reason}"))
    if len(status.files_not_read) > MAX_NOT_READ:
        lines.append(("not read", f"+{len(status.files_not_read) - MAX_NOT_READ} more files (-v lists them)"))
    if status.status == "partial":
        lines.append(("partial", "; ".join(status.errors) or "some facts could not be collected"))
    return lines
