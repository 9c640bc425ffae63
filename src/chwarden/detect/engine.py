"""Run the detection rules on one target: new log rows since the watermark, pushed-down SQL, judges.

Per log the window is ``(watermark, server now() - lag]`` (the lag covers the log's flush interval:
rows are written in batches, so the newest seconds may still be in memory). Each rule reads that
window plus its own lookback, through the guarded read-only connection, and only groups with an
event after the watermark are reported. Where the server records nothing a rule needs, the rule
is ``not_checked`` with the reason; 18.x failed logins come from the server's log file when the
server runs on this machine (``serverlog``).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chwarden.clickhouse.sql import quote_string as sql_string
from chwarden.connect.base import ChwardenConnectError, GuardedConnection, QueryFailed
from chwarden.detect import logins, serverlog
from chwarden.detect.catalog import Rule, Variant
from chwarden.detect.dialect import LOGS, LogSchema, LogSource, array_literal, read_schemas
from chwarden.detect.judges import JUDGE_FUNCTIONS, JudgeContext, Row
from chwarden.detect.reliability import Coverage, coverage_of, reliability
from chwarden.facts import Snapshot
from chwarden.model import Finding, NotChecked, Severity
from chwarden.redact import redact_text

DEFAULT_LAG = 10  # seconds; above the default 7.5 s flush interval of the system logs
DEFAULT_INITIAL_LOOKBACK = 3600  # the first cycle of a target reads the last hour
NO_LOG = {
    "query_log": (
        "system.query_log does not exist: queries are not logged (log_queries = 0, the default before 20.5, "
        "or no query_log section)"
    ),
    "session_log": (
        "system.session_log does not exist (added in 21.9, and only when a <session_log> section is configured)"
    ),
}


@dataclass(frozen=True)
class Detection:
    """One rule hit on one group (address, user, ...): what the alert and the store carry."""

    rule_id: str
    title: str
    severity: Severity
    technique: str
    target: str
    group: tuple[tuple[str, str], ...]
    address: str
    user: str
    events: int
    failed: int
    first_event: int
    last_event: int
    query_ids: tuple[str, ...]
    sample: str  # redacted, bounded
    evidence: Mapping[str, Any] = field(default_factory=dict)

    @property
    def fingerprint(self) -> str:
        key = "|".join([self.rule_id, self.target, *(f"{k}={v}" for k, v in self.group)])
        return hashlib.sha256(key.encode()).hexdigest()[:16]

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "title": self.title,
            "severity": self.severity.value,
            "technique": self.technique,
            "target": self.target,
            "address": self.address,
            "user": self.user,
            "events": self.events,
            "failed": self.failed,
            "first_event": self.first_event,
            "last_event": self.last_event,
            "query_ids": list(self.query_ids),
            "sample": self.sample,
            "evidence": dict(self.evidence),
            "fingerprint": self.fingerprint,
        }


@dataclass
class DetectOptions:
    rules: Sequence[Rule]
    sources: Mapping[str, LogSource] = field(default_factory=dict)  # log -> where to read it
    cluster: str | None = None
    lag: int = DEFAULT_LAG
    initial_lookback: int = DEFAULT_INITIAL_LOOKBACK
    interval: int = 300  # the watch interval (log TTL must exceed it)
    passwordless_users: Sequence[str] = ("default",)
    sensitive_tables: Sequence[str] | None = None  # "db.table"; None: discover never ran
    server_log: Path | None = None  # a local server's log file (18.x login events)
    server_log_reason: str = "the server does not run on this machine"
    own_login_attempts: Sequence[tuple[int, str, str]] = ()  # (at, address, user) of chwarden's own probes


@dataclass
class DetectState:
    """What earlier cycles left for this target (from the store)."""

    watermarks: dict[str, dict[str, Any]] = field(default_factory=dict)
    coverage: dict[str, dict[str, Any]] = field(default_factory=dict)  # log -> last coverage row


@dataclass
class DetectResult:
    detections: list[Detection] = field(default_factory=list)
    not_checked: list[NotChecked] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    watermarks: dict[str, dict[str, Any]] = field(default_factory=dict)
    usage: list[dict[str, Any]] = field(default_factory=list)  # per user/address volumes of the window
    coverage: list[Coverage] = field(default_factory=list)
    windows: dict[str, tuple[int, int]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    queries: int = 0


class Detector:
    """One detection run over one target's logs."""

    def __init__(
        self,
        conn: GuardedConnection,
        target: str,
        options: DetectOptions,
        state: DetectState,
        judge: JudgeContext,
        snapshot: Snapshot,
    ) -> None:
        self.conn = conn
        self.target = target
        self.options = options
        self.state = state
        self.judge = judge
        self.snapshot = snapshot
        self.result = DetectResult()
        self.schemas: dict[str, LogSchema] = {}

    # ------------------------------------------------------------------ queries

    def _rows(self, sql: str) -> list[dict[str, Any]]:
        self.result.queries += 1
        return self.conn.query(sql).dicts()

    def _schemas(self) -> None:
        self.schemas = read_schemas(self._rows, self.options.sources, self.options.cluster)

    # ------------------------------------------------------------------ run

    def run(self) -> DetectResult:
        try:
            now = int(self._rows("SELECT toUInt32(now()) AS now")[0]["now"])
            self._schemas()
        except (QueryFailed, ChwardenConnectError) as exc:
            reason = f"the logs could not be read: {str(exc)[:200]}"
            self.result.errors.append(reason)
            self.result.not_checked.extend(
                NotChecked(check_id=r.id, target=self.target, reason=reason) for r in self.options.rules
            )
            return self.result
        until = now - max(0, self.options.lag)
        for log, schema in self.schemas.items():
            if schema.present:
                mark = self.state.watermarks.get(log)
                since = int(mark["until"]) if mark and "until" in mark else until - self.options.initial_lookback
                self.result.windows[log] = (min(since, until), until)
                self.result.watermarks[log] = {"until": max(since, until)}
        for rule in self.options.rules:
            self._run_rule(rule)
        self._usage()
        self._reliability(now)
        return self.result

    def _variant(self, rule: Rule) -> tuple[Variant | None, str]:
        missing: list[str] = []
        for variant in rule.variants:
            schema = self.schemas[variant.log or rule.log]
            if not schema.present:
                missing.append(NO_LOG[schema.log])
                continue
            lacking = [c for c in variant.requires if c not in schema.columns]
            if not lacking:
                return variant, ""
            missing.append(f"system.{schema.log} has no column(s) {', '.join(lacking)} on this version")
        return None, "; ".join(dict.fromkeys(missing))

    def _not_checked(self, rule: Rule, reason: str) -> None:
        self.result.not_checked.append(NotChecked(check_id=rule.id, target=self.target, reason=reason))

    def _run_rule(self, rule: Rule) -> None:
        if rule.needs_sensitive_tables and self.options.sensitive_tables is None:
            self._not_checked(rule, "no sensitive tables known for this target yet: discover has not run on it")
            return
        if rule.needs_sensitive_tables and not self.options.sensitive_tables:
            return  # discover ran and found nothing sensitive: nothing to watch
        variant, reason = self._variant(rule)
        if variant is None:
            if rule.login is not None and self.options.server_log is not None:
                self._run_login_rule_on_file(rule)
                return
            extra = f"; {self.options.server_log_reason}" if rule.login is not None else ""
            if self.snapshot.connection.kind == "embedded" and not self.options.sources:
                extra += (
                    "; the embedded engine, opened read-only as chwarden opens it, attaches no system logs: "
                    "point log_tables at an exported copy"
                )
            self._not_checked(rule, reason + extra)
            return
        schema = self.schemas[variant.log or rule.log]
        since, until = self.result.windows[schema.log]
        if until <= since and rule.lookback == 0:
            return
        sql = variant.sql.format(**self._placeholders(rule, schema, since, until))
        try:
            rows = self._rows(sql)
        except QueryFailed as exc:
            self._not_checked(rule, f"query failed: {str(exc)[:200]}")
            return
        except ChwardenConnectError as exc:
            self.result.errors.append(f"{rule.id}: {exc}")
            self._not_checked(rule, f"connection lost: {str(exc)[:200]}")
            return
        if rule.login is not None:
            rows = logins.discount_own(rule, rows, self.options.own_login_attempts)
        self._emit(rule, rows)

    def _placeholders(self, rule: Rule, schema: LogSchema, since: int, until: int) -> dict[str, str]:
        values = schema.fragments(since, until, rule.lookback)
        values["passwordless_users"] = array_literal(sorted(set(self.options.passwordless_users)))
        tables = sorted(self.options.sensitive_tables or [])
        values["sensitive_tables"] = array_literal(tables)
        values["sensitive_tables_re"] = sql_string(table_regex(tables))
        for name, number in rule.thresholds.items():
            values[name] = str(int(number)) if float(number).is_integer() else str(number)
        return values

    def _run_login_rule_on_file(self, rule: Rule) -> None:
        """A session_log rule evaluated on the login events of the server's own log file (18.x)."""
        path = self.options.server_log
        assert path is not None
        key = f"serverlog:{path}"
        previous = self.state.watermarks.get(key)
        if key not in self.result.watermarks:
            try:
                read = serverlog.read_new(path, previous)
            except OSError as exc:
                self._not_checked(rule, f"the server log {path} cannot be read: {exc.strerror}")
                return
            if read.note:
                self.result.notes.append(f"{path}: {read.note}")
            self.result.watermarks[key] = logins.next_position(previous, read, self.options.own_login_attempts)
        position = self.result.watermarks[key]
        since = int((previous or {}).get("last_event", 0))
        self._emit(rule, logins.evaluate(rule, logins.events_of(position), since), source=str(path))

    def _emit(self, rule: Rule, rows: list[Row], source: str = "") -> None:
        if rule.judge is not None:
            rows = JUDGE_FUNCTIONS[rule.judge](rule, rows, self.judge)
        for row in rows:
            self.result.detections.append(self._detection(rule, row, source))

    def _detection(self, rule: Rule, row: Row, source: str) -> Detection:
        group = tuple((k, str(row.get(k, ""))) for k in rule.group_by)
        core = {"address", "user", "events", "failed", "first_event", "last_event", "query_ids", "sample", "_severity"}
        evidence = {k: _plain(v) for k, v in row.items() if k not in core and not k.startswith("_")}
        if source:
            evidence["source"] = source
        severity = row.get("_severity") or rule.severity
        return Detection(
            rule_id=rule.id,
            title=rule.title,
            severity=Severity(severity),
            technique=f"{rule.technique.id} {rule.technique.name}",
            target=self.target,
            group=group,
            address=str(row.get("address", "")),
            user=str(row.get("user", "")),
            events=int(row.get("events", 0)),
            failed=int(row.get("failed", 0)),
            first_event=int(row.get("first_event", 0)),
            last_event=int(row.get("last_event", 0)),
            query_ids=tuple(str(q) for q in row.get("query_ids", []) or [])[:10],
            sample=redact_text(str(row.get("sample", "")))[:300],
            evidence={k: redact_text(v) if isinstance(v, str) else v for k, v in evidence.items()},
        )

    # ------------------------------------------------------------------ learning and health

    def _usage(self) -> None:
        """Per user and address: volumes in the new window (new-address and mass-read baselines)."""
        schema = self.schemas["query_log"]
        if not schema.present or "query_log" not in self.result.windows:
            return
        since, until = self.result.windows["query_log"]
        if until <= since:
            return
        f = schema.fragments(since, until, 0)
        volumes = [c for c in ("read_rows", "read_bytes", "result_rows", "result_bytes") if c in schema.columns]
        # aliases never reuse a column's name: max(result_rows) would read an alias sum(...) AS result_rows
        sums = "".join(f", sum({c}) AS total_{c}" for c in volumes)
        sums += "".join(f", max({c}) AS max_{c}" for c in ("result_rows", "result_bytes") if c in schema.columns)
        sql = (
            f"SELECT {f['addr']} AS address, user, count() AS queries, toUInt32(min(event_time)) AS first_event, "
            f"toUInt32(max(event_time)) AS last_event{sums} FROM {f['source']} "
            f"WHERE {f['window']} AND {f['not_own']} AND {f['ended']} GROUP BY address, user LIMIT 10000"
        )
        try:
            self.result.usage = self._rows(sql)
        except (QueryFailed, ChwardenConnectError) as exc:
            self.result.errors.append(f"usage baseline: {str(exc)[:200]}")

    def _reliability(self, now: int) -> None:
        for log in LOGS:
            schema = self.schemas[log]
            try:
                cov = coverage_of(self._rows, schema, now)
            except (QueryFailed, ChwardenConnectError) as exc:
                self.result.errors.append(f"{log} coverage: {str(exc)[:200]}")
                continue
            self.result.coverage.append(cov)
        health = reliability(
            self.target,
            self.result.coverage,
            self.state.coverage,
            self.options.interval,
            self._rows,
            self.snapshot,
        )
        self.result.findings.extend(health.findings)
        self.result.not_checked.extend(health.not_checked)
        for row in health.vanished:
            self._emit(health.vanished_rule, [row])


def table_regex(tables: Sequence[str]) -> str:
    """RE2 that finds a mention of any of ``tables`` (``db.t`` or ``t``, optionally backquoted) in query text."""
    if not tables:
        return "x^"  # matches nothing
    parts = []
    for qualified in tables:
        database, _, table = qualified.rpartition(".")
        db = re.escape(database)
        tb = re.escape(table)
        parts.append(f'(?:[`"]?{db}[`"]?\\s*\\.\\s*)?[`"]?{tb}[`"]?' if db else f'[`"]?{tb}[`"]?')
    return '(?i)(?:^|[^\\w.`"])((?:' + "|".join(parts) + '))(?:[^\\w`"]|$)'


def _plain(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value][:20]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return json.loads(json.dumps(value, default=str))
