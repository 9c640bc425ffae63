"""Attack paths: network -> endpoint -> principal -> roles -> table -> sensitive data, ranked.

A path's likelihood is the product of its network reach, endpoint and authentication factors;
its impact is the weight of the worst data class the principal can read, scaled by how many rows
hold it and halved-ish when a row policy narrows the rows. Paths are ranked by likelihood x impact.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from chwarden.analysis.access import AccessModel, TableAccess
from chwarden.analysis.principals import session_user
from chwarden.assess.fixes import Cut, cuts_for
from chwarden.assess.graph import Step, auth_step, endpoint_steps, reach_step, role_step
from chwarden.assess.sensitivity import DataClass, TableData
from chwarden.facts import Snapshot, TableFacts, UserFacts
from chwarden.model import AttackPath, Severity

ROW_FILTER_FACTOR = 0.6
PARTIAL_COLUMNS_FACTOR = 0.9
ESCALATION_FACTOR = 0.9
UNKNOWN_SIZE_FACTOR = 0.85
# score -> severity, highest first
SEVERITY_THRESHOLDS = (
    (0.7, Severity.CRITICAL),
    (0.3, Severity.HIGH),
    (0.1, Severity.MEDIUM),
    (0.03, Severity.LOW),
)


@dataclass
class Path:
    target: str
    steps: list[Step]
    likelihood: float
    impact: float
    cuts: list[Cut]
    cut: Cut | None = None

    @property
    def score(self) -> float:
        return self.likelihood * self.impact

    @property
    def severity(self) -> Severity:
        for threshold, severity in SEVERITY_THRESHOLDS:
            if self.score >= threshold:
                return severity
        return Severity.INFO

    def summary(self) -> str:
        line = " → ".join(s.label for s in self.steps)
        fix = f" — cheapest fix: {self.cut.action}" if self.cut is not None else ""
        return f"{line}{fix}"

    def to_model(self) -> AttackPath:
        steps = [s.as_dict() for s in self.steps]
        if self.cut is not None:
            for step in steps:
                if step["id"] == self.cut.step_id:
                    step["cut"] = self.cut.as_dict()
        steps[-1]["score"] = round(self.score, 4)
        steps[-1]["likelihood"] = round(self.likelihood, 4)
        steps[-1]["impact"] = round(self.impact, 4)
        return AttackPath(
            severity=self.severity,
            steps=steps,
            summary=self.summary(),
            score=round(self.score, 4),
            likelihood=round(self.likelihood, 4),
            impact=round(self.impact, 4),
            fix=self.cut.remediation if self.cut is not None else None,
            fix_action=self.cut.action if self.cut is not None else None,
        )


def size_factor(rows: int | None) -> float:
    """1 M rows weigh fully; 100 rows about 0.8; unknown counts as a mid-sized table."""
    if rows is None:
        return UNKNOWN_SIZE_FACTOR
    return min(1.0, 0.6 + 0.1 * math.log10(rows + 1))


def users_of(snapshot: Snapshot) -> list[UserFacts]:
    """Every user; when the audit could not list users, the account chwarden logged in with."""
    if snapshot.users is not None:
        return list(snapshot.users)
    name = session_user(snapshot) or "default"
    auth = [] if snapshot.connection.password_given else ["no_password"]
    return [UserFacts(name=name, auth_types=auth, networks_known=False)]


def enumerate_paths(snapshot: Snapshot, data: dict[tuple[str, str], TableData]) -> list[Path]:
    """Every (user, sensitive table) the user can read, as a scored path with candidate cuts."""
    users = users_of(snapshot)
    model = AccessModel.build(snapshot, users=users)
    tables = {(t.database, t.name): t for t in snapshot.tables or []}
    endpoints = endpoint_steps(snapshot)
    paths: list[Path] = []
    for user in users:
        reach = reach_step(snapshot, user)
        principal = auth_step(snapshot, user, reach)
        endpoint = endpoints[0]  # the easiest way in: endpoint_steps orders plain before TLS
        for key, table_data in sorted(data.items()):
            table = tables.get(key) or TableFacts(database=key[0], name=key[1], engine="?")
            access = model.table_access(user.name, table, all_roles=True)
            if access is None or access.row_filter == "0":
                continue
            classes = table_data.readable_classes(access.columns) if table.columns else table_data.classes
            if not classes:
                continue
            steps = [reach, endpoint, principal, *_role_steps(snapshot, user.name, access)]
            steps += [_table_step(access, table_data), _data_step(access, classes)]
            likelihood = reach.factor * endpoint.factor * principal.factor
            if access.escalated:
                likelihood *= ESCALATION_FACTOR
            cuts = cuts_for(
                snapshot,
                user,
                access,
                anonymous=bool(principal.detail.get("anonymous")),
                reach=str(reach.detail.get("reach", "unknown")),
                principal_id=principal.id,
                can_escalate=model.can_escalate(user.name, all_roles=True),
            )
            paths.append(Path(snapshot.target, steps, likelihood, _impact(access, classes, table_data), cuts))
    return paths


def _role_steps(snapshot: Snapshot, user: str, access: TableAccess) -> list[Step]:
    if any(p == f"user:{user}" for p in access.via) or access.escalated:
        return []
    return [role_step(snapshot, p.partition(":")[2]) for p in access.via[:1] if p.startswith("role:")]


def _table_step(access: TableAccess, data: TableData) -> Step:
    how = "grants itself SELECT on" if access.escalated else "SELECT on"
    columns = "all columns" if access.all_columns else f"columns {', '.join(access.columns[:4])}"
    narrowed = f", rows where {access.row_filter}" if access.row_filter else ""
    rows = "" if data.rows is None else f", {data.rows:,} rows"
    return Step(
        "table",
        f"table:{access.name}",
        f"{how} {access.name} ({columns}{narrowed}{rows})",
        1.0,
        {
            "database": access.database,
            "table": access.table,
            "columns": list(access.columns),
            "row_filter": access.row_filter,
            "via": list(access.via),
            "escalated": access.escalated,
            "rows": data.rows,
        },
    )


def _data_step(access: TableAccess, classes: list[DataClass]) -> Step:
    ordered = sorted(classes, key=lambda c: -c.weight)
    return Step(
        "data",
        f"data:{access.name}",
        ", ".join(c.label() for c in ordered),
        max(c.weight for c in ordered),
        {
            "classes": [
                {
                    "category": c.category,
                    "rows": c.rows,
                    "columns": list(c.columns),
                    "detectors": list(c.detectors),
                    "source": c.source,
                    "sampled": c.sampled,
                }
                for c in ordered
            ]
        },
    )


def _impact(access: TableAccess, classes: list[DataClass], data: TableData) -> float:
    worst = max(classes, key=lambda c: c.weight)
    rows = max((c.rows for c in classes if c.rows is not None), default=data.rows)
    impact = worst.weight * size_factor(rows)
    if access.row_filter:
        impact *= ROW_FILTER_FACTOR
    if not access.all_columns:
        impact *= PARTIAL_COLUMNS_FACTOR
    return impact


def choose_cuts(paths: list[Path]) -> None:
    """Give each path the cut with the lowest cost per path it breaks (ties: more paths broken)."""
    breaks = Counter(cut.key for path in paths for cut in path.cuts)
    for path in paths:
        if path.cuts:
            order = {c.key: i for i, c in enumerate(path.cuts)}
            path.cut = min(path.cuts, key=lambda c: (c.cost / breaks[c.key], -breaks[c.key], order[c.key]))


def rank(paths: list[Path]) -> list[Path]:
    return sorted(paths, key=lambda p: (-p.score, p.target, p.summary()))
