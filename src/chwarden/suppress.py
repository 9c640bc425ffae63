"""Suppressions: accepted findings listed in `.chwarden.yaml`, with a reason and an optional expiry.

```yaml
suppressions:
  - check: user_allowed_from_any_host     # check id (required unless fingerprint is given)
    resource: "user:grafana"               # exact or glob (default "*")
    target: "*prod*"                       # optional glob on the finding's target (always applies)
    fingerprint: 0123456789abcdef          # optional: matches Finding.fingerprint instead
    reason: "behind the VPN; ticket SEC-12"
    expires: 2026-06-30                    # optional; after this day it stops applying
```

Every command applies them the same way with ``apply(report, suppressions, today)``: matching
findings leave ``findings`` (returned separately), and each expired entry becomes a low
``suppression_expired`` finding pointing at its line, so an old exception cannot hide quietly.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from chwarden.errors import InputError
from chwarden.model import Finding, Location, Remediation, Report, Severity
from chwarden.sources.configfiles.reading import read_bytes
from chwarden.sources.configfiles.tree import ConfigError

if TYPE_CHECKING:
    from chwarden.sources.configfiles.yaml_docs import YNode

DEFAULT_FILE = ".chwarden.yaml"
EXPIRED_CHECK = "suppression_expired"


class SuppressionError(InputError):
    """The suppression file cannot be used; the message names the file and the entry."""


class Suppression(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    check: str | None = None
    resource: str = "*"
    target: str = "*"
    fingerprint: str | None = None
    reason: str = Field(min_length=1)
    expires: dt.date | None = None
    location: Location | None = None

    @model_validator(mode="after")
    def _needs_a_key(self) -> Suppression:
        if self.check is None and self.fingerprint is None:
            raise ValueError("give `check` (with `resource`) or `fingerprint`")
        return self

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today

    def matches(self, finding: Finding) -> bool:
        """The target glob always applies (a finding's fingerprint already names its target; an
        alert's, for drift, may not); then the fingerprint, or the check with the resource glob."""
        if not fnmatch.fnmatchcase(finding.target, self.target):
            return False
        if self.fingerprint is not None and finding.fingerprint == self.fingerprint:
            return True
        return self.check == finding.check_id and fnmatch.fnmatchcase(finding.resource, self.resource)


@dataclass
class Applied:
    """The report without suppressed findings, what was suppressed, and which entries expired."""

    report: Report
    suppressed: list[Finding] = field(default_factory=list)
    expired: list[Suppression] = field(default_factory=list)
    unused: list[Suppression] = field(default_factory=list)


def _plain(node: YNode) -> object:
    if node.items is not None:
        return [_plain(i) for i in node.items]
    if node.mapping:
        return {k: _plain(v) for k, v in node.mapping.items()}
    return node.text


def _problem(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {error['msg']}" if where else str(error["msg"])


def load(path: Path) -> list[Suppression]:
    """Read a suppression file; any problem is a SuppressionError naming the file and line."""
    from chwarden.sources.configfiles.yaml_docs import load_documents  # lazy: PyYAML only when a file is found

    display = str(path)
    try:
        documents = load_documents(read_bytes(path, display), display)
    except ConfigError as exc:
        raise SuppressionError(str(exc)) from None
    if not documents:
        return []
    entries = documents[0].get("suppressions")
    if entries is None or entries.items is None:
        raise SuppressionError(f"{display}: expected a `suppressions:` list")
    result: list[Suppression] = []
    for item in entries.items:
        try:
            data = _plain(item)
            if not isinstance(data, dict):
                raise ValueError("each suppression is a mapping")
            result.append(Suppression.model_validate({**data, "location": Location(file=display, line=item.line)}))
        except (ValidationError, ValueError) as exc:
            problem = _problem(exc) if isinstance(exc, ValidationError) else str(exc)
            raise SuppressionError(f"{display}:{item.line}: invalid suppression: {problem}") from None
    return result


def find_file(*directories: Path) -> Path | None:
    """The first `.chwarden.yaml` in the given directories (current directory, scanned root)."""
    return next((d / DEFAULT_FILE for d in directories if (d / DEFAULT_FILE).is_file()), None)


def _expired_finding(entry: Suppression, target: str) -> Finding:
    what = entry.fingerprint or f"{entry.check} {entry.resource}"
    return Finding(
        check_id=EXPIRED_CHECK,
        title="A suppression has expired",
        severity=Severity.LOW,
        target=target,
        resource=f"suppression:{what}",
        evidence={"expired": str(entry.expires), "reason": entry.reason},
        remediation=Remediation(text="Fix the finding, or renew the suppression with a new reason and expiry."),
        category="suppressions",
        location=entry.location,
    )


def apply(report: Report, suppressions: list[Suppression], today: dt.date | None = None) -> Applied:
    """Remove suppressed findings from ``report``; expired entries suppress nothing and are reported."""
    today = today or dt.date.today()
    active = [s for s in suppressions if not s.expired(today)]
    expired = [s for s in suppressions if s.expired(today)]
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    used: set[int] = set()
    for finding in report.findings:
        match = next((i for i, s in enumerate(active) if s.matches(finding)), None)
        if match is None:
            kept.append(finding)
        else:
            used.add(match)
            suppressed.append(finding)
    target = report.targets[0].target if report.targets else "suppressions"
    kept.extend(_expired_finding(s, target) for s in expired)
    shown = {f.fingerprint for f in kept}
    root_causes = [
        rc.model_copy(update={"closes": [fp for fp in rc.closes if fp in shown]})
        for rc in report.root_causes
        if rc.fingerprint in shown and any(fp in shown for fp in rc.closes)
    ]
    return Applied(
        report=report.model_copy(
            update={"findings": kept, "suppressed": [*report.suppressed, *suppressed], "root_causes": root_causes}
        ),
        suppressed=suppressed,
        expired=expired,
        unused=[s for i, s in enumerate(active) if i not in used],
    )
