"""What each page shows, read from the store (``store.dashboard``) and shaped for its template.

The store does the aggregation; this module only decides what the rows mean: which suppressions
apply (with the CLI's own ``Suppression.matches`` over the few candidates the store selects),
findings grouped by root cause, a version's support status, the attack-path picture. Nothing
here connects to a target, and the only writes are acknowledgements and suppressions.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from chwarden.advisories import support_status
from chwarden.model import AttackPath, Finding, Remediation, Severity
from chwarden.report._common import evidence_lines, safe_text
from chwarden.report.graph import render_paths_svg
from chwarden.store import Store, actions
from chwarden.store import dashboard as q
from chwarden.store.actions import SuppressionRecord
from chwarden.store.queries import latest_inventory
from chwarden.suppress import Suppression

RANK = {s: len(q.SEVERITIES) - i for i, s in enumerate(q.SEVERITIES)}  # critical 5 ... info 1


def severity_rank(severity: str) -> int:
    return RANK.get(severity, 0)


# ------------------------------------------------------------------------------- suppressions


def as_suppression(record: SuppressionRecord) -> Suppression:
    """The CLI's suppression entry for a stored one: the same fields, the same matching."""
    return Suppression.model_validate(record.entry())


def _as_finding(row: Mapping[str, Any], check_key: str) -> Finding:
    return Finding(
        check_id=str(row[check_key]),
        title=str(row.get("title", "")),
        severity=Severity(str(row["severity"])) if str(row.get("severity")) in q.SEVERITIES else Severity.INFO,
        target=str(row["target"]),
        resource=str(row.get("resource") or ""),
        fingerprint=str(row["fingerprint"]),
    )


@dataclass(frozen=True)
class Decisions:
    """The suppressions in force today and what they hide."""

    active: list[tuple[SuppressionRecord, Suppression]]
    expired: list[SuppressionRecord]
    revoked: list[SuppressionRecord]
    adjust: q.Adjustments = field(default_factory=q.Adjustments)

    def matching(self, finding: Finding) -> SuppressionRecord | None:
        return next((record for record, entry in self.active if entry.matches(finding)), None)


def decisions(store: Store, today: dt.date, target: str | None = None) -> Decisions:
    """Active, expired and revoked suppressions; what the active ones hide (for ``target`` only, or all)."""
    records = actions.suppressions(store, include_revoked=True)
    active = [(r, as_suppression(r)) for r in records if not r.revoked and not r.expired(today)]
    expired = [r for r in records if not r.revoked and r.expired(today)]
    revoked = [r for r in records if r.revoked]
    checks = sorted({r.check for r, _ in active if r.check})
    fingerprints = sorted({r.fingerprint for r, _ in active if r.fingerprint})
    hidden: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    alerts: set[tuple[str, str]] = set()
    if active:
        for row in q.finding_candidates(store, checks, fingerprints, target):
            if any(entry.matches(_as_finding(row, "check_id")) for _, entry in active):
                hidden[str(row["target"])][str(row["severity"])] += 1
        for row in q.alert_candidates(store, checks, fingerprints, target):
            if any(entry.matches(_as_finding(row, "rule_id")) for _, entry in active):
                alerts.add((str(row["target"]), str(row["fingerprint"])))
    adjust = q.Adjustments({t: dict(n) for t, n in hidden.items()}, frozenset(alerts))
    return Decisions(active, expired, revoked, adjust)


# ------------------------------------------------------------------------------- fleet


@lru_cache(maxsize=256)
def support_of(version: str, today: dt.date) -> tuple[str, str]:
    """(label, reason) of a server version's support status on ``today``."""
    if not version:
        return "unknown", "no version known yet"
    status = support_status(version, today)
    if not status.known:
        return "unknown", status.reason
    return ("supported" if status.supported else "unsupported"), status.reason


def fleet_rows(rows: Iterable[Mapping[str, Any]], today: dt.date) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        support, why = support_of(str(row.get("server_version") or ""), today)
        worst = next((s for s in q.SEVERITIES if int(row.get(s, 0) or 0) > 0), "")
        out.append({**row, "support": support, "support_reason": why, "worst": worst})
    return out


# ------------------------------------------------------------------------------- findings


def _json(text: str) -> Any:
    try:
        return json.loads(text) if text else {}
    except ValueError:
        return {"raw": text}


@dataclass
class FindingView:
    fingerprint: str
    check_id: str
    severity: str
    title: str
    resource: str
    category: str
    location: str
    confidence: str
    caused_by: str
    first_seen: str
    reopen_count: int
    evidence: list[tuple[str, str]]
    fixes: list[tuple[str, str]]  # (kind: sql | xml | text, the fix)
    suppressed_by: SuppressionRecord | None = None


@dataclass
class FindingGroup:
    """Findings one fix closes: a root cause and what it causes, or one check's findings."""

    key: str
    title: str
    severity: str
    kind: str  # root-cause | check
    findings: list[FindingView]

    @property
    def open_count(self) -> int:
        return sum(1 for f in self.findings if f.suppressed_by is None)


def _fixes(remediation: Any) -> list[tuple[str, str]]:
    if not isinstance(remediation, dict):
        return []
    try:
        fix = Remediation.model_validate(remediation)
    except ValueError:
        return []
    return [(kind, safe_text(text)) for kind, text in (("sql", fix.sql), ("xml", fix.xml), ("text", fix.text)) if text]


def finding_views(rows: Iterable[Mapping[str, Any]], target: str, chosen: Decisions) -> list[FindingView]:
    views = []
    for row in rows:
        evidence = _json(str(row.get("evidence", "")))
        view = FindingView(
            fingerprint=str(row["fingerprint"]),
            check_id=str(row["check_id"]),
            severity=str(row["severity"]),
            title=str(row["title"]),
            resource=str(row["resource"]),
            category=str(row.get("category") or ""),
            location=str(row.get("location") or ""),
            confidence=str(row.get("confidence") or ""),
            caused_by=str(row.get("caused_by") or ""),
            first_seen=str(row.get("first_seen") or ""),
            reopen_count=int(row.get("reopen_count") or 0),
            evidence=evidence_lines(evidence) if isinstance(evidence, dict) else [("value", safe_text(str(evidence)))],
            fixes=_fixes(_json(str(row.get("remediation", "")))),
        )
        view.suppressed_by = chosen.matching(
            Finding(
                check_id=view.check_id,
                title=view.title,
                severity=Severity.INFO,
                target=target,
                resource=view.resource,
                fingerprint=view.fingerprint,
            )
        )
        views.append(view)
    return views


def group_findings(views: Sequence[FindingView]) -> list[FindingGroup]:
    """Root causes first when findings say what causes them (``caused_by``); the rest by check.

    A root cause's group holds the finding whose fix closes the others, then those others; a
    finding whose cause is not among this run's findings stays with its own check.
    """
    by_fp = {v.fingerprint: v for v in views}
    children: dict[str, list[FindingView]] = defaultdict(list)
    for view in views:
        if view.caused_by and view.caused_by in by_fp and view.caused_by != view.fingerprint:
            children[view.caused_by].append(view)
    groups: list[FindingGroup] = []
    placed: set[str] = set()
    for root_fp, caused in children.items():
        root = by_fp[root_fp]
        members = [root, *sorted(caused, key=lambda v: (-severity_rank(v.severity), v.check_id, v.resource))]
        worst = max(members, key=lambda v: severity_rank(v.severity)).severity
        groups.append(FindingGroup(f"cause-{root_fp}", root.title, worst, "root-cause", members))
        placed.update(v.fingerprint for v in members)
    by_check: dict[str, list[FindingView]] = defaultdict(list)
    for view in views:
        if view.fingerprint not in placed:
            by_check[view.check_id].append(view)
    for check_id, members in by_check.items():
        members.sort(key=lambda v: (-severity_rank(v.severity), v.resource))
        groups.append(FindingGroup(f"check-{check_id}", members[0].title, members[0].severity, "check", members))
    groups.sort(key=lambda g: (-severity_rank(g.severity), g.kind != "root-cause", -len(g.findings), g.title))
    return groups


# ------------------------------------------------------------------------------- attack paths


def attack_paths(rows: Iterable[Mapping[str, Any]]) -> tuple[list[AttackPath], Markup]:
    """The stored paths as the report's ``AttackPath``s, and the report's own SVG picture of them."""
    paths = []
    for row in rows:
        steps = _json(str(row.get("steps", "")))
        fix = _json(str(row.get("fix", "")))
        remediation = fix.get("fix") if isinstance(fix, dict) else None
        try:
            paths.append(
                AttackPath(
                    severity=Severity(str(row["severity"])),
                    steps=steps if isinstance(steps, list) else [],
                    summary=str(row.get("summary", "")),
                    score=float(row.get("score") or 0.0),
                    fix=Remediation.model_validate(remediation) if isinstance(remediation, dict) else None,
                    fix_action=str(fix.get("fix_action") or "") or None if isinstance(fix, dict) else None,
                )
            )
        except ValueError:
            continue
    # the SVG escapes every label itself (report/graph.py); Markup only stops a second escaping
    return paths, Markup(render_paths_svg(paths))


# ------------------------------------------------------------------------------- target page


def inventory(store: Store, target: str) -> list[dict[str, Any]]:
    found = latest_inventory(store, target)
    if found is None:
        return []
    return [
        {
            "database": e.database,
            "table": e.table,
            "column": e.column,
            "detector": e.detector,
            "category": e.category,
            "rows_matched": e.rows_matched,
            "rows_scanned": e.rows_scanned,
            "sampled": e.sampled,
            "examples": [safe_text(x) for x in e.examples[:3]],
        }
        for e in found[1]
    ]


def not_checked(cycle: Mapping[str, Any] | None) -> list[dict[str, str]]:
    entries = _json(str(cycle.get("not_checked", ""))) if cycle else []
    if not isinstance(entries, list):
        return []
    return [
        {"check_id": str(e.get("check_id", "")), "reason": safe_text(str(e.get("reason", "")))}
        for e in entries
        if isinstance(e, dict)
    ]


def day_labels(days: int, today: dt.date) -> list[str]:
    return [(today - dt.timedelta(days=days - 1 - i)).isoformat() for i in range(days)]


def by_day(rows: Iterable[Mapping[str, Any]], labels: Sequence[str], columns: Sequence[str]) -> dict[str, list[int]]:
    """Columns of per-day rows on the full list of days (a day without a row is 0)."""
    index = {str(r["day"]): r for r in rows}
    return {c: [int(index[d][c]) if d in index else 0 for d in labels] for c in columns}
