"""The report contract (schema_version 2): what every command produces and every renderer reads.

Field names follow docs/architecture.md exactly; new fields may be added, existing ones never
renamed. Models are frozen so a finished result cannot be changed behind a renderer's back.

2 (issue 13): every finding says how it is known (``confidence``: ``proven`` by a login or a query
answer, ``inferred`` from files or a version number) and, when another finding's fix closes it,
which one (``caused_by``, that finding's fingerprint); ``Report.root_causes`` lists those fixes
first; a ``not_checked`` entry may name the one ``resource`` it is about.
"""

# No ``from __future__ import annotations`` here or in facts.py: with it every field annotation is a string
# that pydantic compiles and evaluates when the class is made (~10 ms over these models at each start).
import enum
from datetime import datetime, timezone
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from chwarden import __version__

SCHEMA_VERSION = 2

# How a finding is known: a login or a query answer proved it, or it follows from files/versions.
Confidence = Literal["proven", "inferred"]


class Severity(str, enum.Enum):
    """Finding severity; ordered so thresholds (`--fail-on`) can compare them."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def at_least(self, other: "Severity") -> bool:
        return self.rank >= other.rank


_RANKS = {Severity.INFO: 0, Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3, Severity.CRITICAL: 4}


# default_factory for the empty lists and maps of the models below (and of the facts). pydantic asks
# every factory for its signature when it builds a model's validator: a Python function answers in
# microseconds, the builtin ``list`` or ``dict`` in about 0.4 ms (their text signature is parsed), some
# 20 ms over the first snapshot and report of a run. Same value: a new empty list or dict.
def empty_list() -> list[Any]:
    return []


def empty_dict() -> dict[Any, Any]:
    return {}


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Location(Frozen):
    """Where a configured value was last set (after merges): a file and a 1-based line."""

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


class Remediation(Frozen):
    """The exact fix: SQL for the RBAC era, XML for users.xml/config files, prose for the rest."""

    sql: str | None = None
    xml: str | None = None
    text: str | None = None


class Finding(Frozen):
    check_id: str
    title: str
    severity: Severity
    target: str
    resource: str
    evidence: dict[str, Any] = Field(default_factory=empty_dict)
    remediation: Remediation = Field(default_factory=Remediation)
    references: list[str] = Field(default_factory=empty_list)
    category: str | None = None
    location: Location | None = None
    fingerprint: str | None = None
    confidence: Confidence = "inferred"
    # The fingerprint of the finding whose fix also closes this one (its root cause), if any.
    caused_by: str | None = None
    # (check id, resource) of findings that would be this one's root cause if they are reported; set by
    # the check runner, turned into ``caused_by`` once every finding of the target is known. Not serialised.
    _cause_candidates: tuple[tuple[str, str], ...] = PrivateAttr(default=())

    def with_cause_candidates(self, candidates: tuple[tuple[str, str], ...]) -> "Finding":
        self._cause_candidates = candidates
        return self

    @property
    def cause_candidates(self) -> tuple[tuple[str, str], ...]:
        return self._cause_candidates


class NotChecked(Frozen):
    check_id: str
    target: str
    reason: str
    resource: str | None = None  # the one account/setting/input it is about, when not the whole check


class RootCause(Frozen):
    """A finding whose one fix closes others too: shown first, with what it closes."""

    fingerprint: str
    check_id: str
    target: str
    resource: str
    severity: Severity  # the worst severity it closes (its own included)
    title: str
    closes: list[str] = Field(default_factory=empty_list)  # fingerprints of the findings it causes
    fix: Remediation = Field(default_factory=Remediation)


class Endpoint(Frozen):
    host: str
    port: int
    protocol: str
    clickhouse: bool
    version: str | None = None
    auth: str = "unknown"  # none | required | unknown
    tls: bool = False
    reveals: dict[str, Any] = Field(default_factory=empty_dict)


class ShardCount(Frozen):
    """One shard's share of a ``discover --cluster`` entry: the node read and its local table."""

    shard: int
    node: str
    database: str
    table: str
    rows_matched: int
    rows_scanned: int


class SensitiveData(Frozen):
    target: str
    database: str
    table: str
    column: str
    detector: str
    category: str
    rows_matched: int
    rows_scanned: int
    sampled: bool
    examples: list[str] = Field(default_factory=empty_list)
    shards: list[ShardCount] = Field(default_factory=empty_list)  # discover --cluster: per-shard counts (summed above)


class AttackPath(Frozen):
    severity: Severity
    steps: list[dict[str, Any]]
    summary: str
    score: float | None = None  # likelihood x impact, 0..1
    likelihood: float | None = None
    impact: float | None = None
    fix: Remediation | None = None  # the cheapest change that cuts this path
    fix_action: str | None = None


class ToolInfo(Frozen):
    name: str = "chwarden"
    version: str = __version__


class FileNotRead(Frozen):
    """A file the audited server would load (or a mount providing one) that was not read, and why."""

    file: str
    reason: str


class TargetStatus(Frozen):
    """How far the run got on one target: complete, partial (with why) or unreachable.

    Offline inputs also say what was read, what was not (and why), which defaults were assumed
    for files the input lacks, and which deployment variables nobody defined.
    """

    target: str
    status: str  # complete | partial | failed
    errors: list[str] = Field(default_factory=empty_list)
    files_read: list[str] = Field(default_factory=empty_list)
    files_not_read: list[FileNotRead] = Field(default_factory=empty_list)
    assumptions: list[str] = Field(default_factory=empty_list)
    unknown_variables: list[str] = Field(default_factory=empty_list)
    notes: list[str] = Field(default_factory=empty_list)
    # Provenance: what was judged and how chwarden got it (the first lines of every report).
    kind: str | None = None  # live | embedded | config | snapshot | scan | files
    login_user: str | None = None  # the account chwarden logged in as (live targets)
    session_lock: str | None = None  # the read-only lock the server applied to chwarden's session
    server_version: str | None = None
    config_source: str | None = None  # the config directory/file read (live: beside SQL; offline: the input)
    config_found_by: str | None = None  # how chwarden found that config when nobody named it
    failure: str | None = None  # failed targets: auth | unreachable | not_clickhouse | no_answer | ...
    config_root_element: str | None = None  # yandex | clickhouse: the root the server's own config files use


class ReportSummary(Frozen):
    """Counts a consumer would otherwise compute: findings per severity, not checked, paths, targets."""

    findings: int = 0
    by_severity: dict[str, int] = Field(default_factory=empty_dict)
    not_checked: int = 0
    attack_paths: int = 0
    sensitive_columns: int = 0
    suppressed: int = 0
    targets: dict[str, int] = Field(default_factory=empty_dict)  # complete / partial / failed


class TimelineEvent(Frozen):
    """One entry of an incident timeline (``investigate``): who read what, from where, when."""

    at: str  # ISO 8601 UTC: the start of the period (or the moment) of the event
    until: str | None = None  # end of the period the entry sums up
    kind: str  # read | alert
    target: str
    principal: str | None = None
    address: str | None = None
    resource: str | None = None  # the table read, or the rule that alerted
    queries: int = 0
    rows: int = 0
    bytes: int = 0
    outside_allowlist: bool = False
    query_ids: list[str] = Field(default_factory=empty_list)
    detail: str | None = None


class LogCoverage(Frozen):
    """How far back a system log reaches: what an investigation can and cannot see."""

    target: str
    log: str
    present: bool
    oldest: str | None = None  # ISO 8601 UTC of the oldest row
    newest: str | None = None
    rows: int | None = None
    ttl_seconds: int | None = None
    note: str | None = None


class Report(Frozen):
    schema_version: int = SCHEMA_VERSION
    tool: ToolInfo = Field(default_factory=ToolInfo)
    command: str
    started_at: str
    finished_at: str
    endpoints: list[Endpoint] = Field(default_factory=empty_list)
    findings: list[Finding] = Field(default_factory=empty_list)
    not_checked: list[NotChecked] = Field(default_factory=empty_list)
    sensitive_data: list[SensitiveData] = Field(default_factory=empty_list)
    attack_paths: list[AttackPath] = Field(default_factory=empty_list)
    targets: list[TargetStatus] = Field(default_factory=empty_list)
    suppressed: list[Finding] = Field(default_factory=empty_list)  # hidden by the suppression file, kept for audit
    root_causes: list[RootCause] = Field(default_factory=empty_list)  # fixes that close several findings, first
    timeline: list[TimelineEvent] = Field(default_factory=empty_list)  # investigate: reads and alerts in time order
    log_coverage: list[LogCoverage] = Field(default_factory=empty_list)  # investigate: how far back the logs reach
    summary: ReportSummary | None = None  # written by the JSON renderer from the lists above

    def counted(self) -> ReportSummary:
        """The summary of this report as it is now (the stored ``summary`` may predate a filter)."""
        by_severity = {s.value: 0 for s in Severity}
        for finding in self.findings:
            by_severity[finding.severity.value] += 1
        targets = {"complete": 0, "partial": 0, "failed": 0}
        for status in self.targets:
            targets[status.status] = targets.get(status.status, 0) + 1
        return ReportSummary(
            findings=len(self.findings),
            by_severity=by_severity,
            not_checked=len(self.not_checked),
            attack_paths=len(self.attack_paths),
            sensitive_columns=len({(d.target, d.database, d.table, d.column) for d in self.sensitive_data}),
            suppressed=len(self.suppressed),
            targets=targets,
        )

    @model_validator(mode="before")
    @classmethod
    def _migrate(cls, data: Any) -> Any:
        """A report of an older schema reads as the current one: version 1 findings are ``inferred``
        (the field's default) and have no root causes; nothing is renamed."""
        version = data.get("schema_version") if isinstance(data, dict) else None
        if isinstance(version, int) and version < SCHEMA_VERSION:
            data = {**data, "schema_version": SCHEMA_VERSION}
        return data

    @property
    def partial(self) -> bool:
        return any(t.status != "complete" for t in self.targets)

    def worst_severity(self) -> Severity | None:
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=lambda s: s.rank)


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
