"""Is the audit trail itself trustworthy? Log coverage, TTL against the watch interval, flush errors,
and rows that vanished from a log between two cycles.

These are checks on the logs rather than rules over their rows: a log kept for less time than the
watch interval loses rows before anyone reads them; a flush error drops rows; and a partition
whose row count fell (or that disappeared before its TTL) was truncated, dropped or deleted from,
even when the statement that did it was never logged. Coverage comes from ``system.parts`` and
``system.tables`` (metadata: no log row is read).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from chwarden.analysis.profiles import ProfileResolver, setting_default
from chwarden.analysis.server_config import is_true
from chwarden.analysis.versions import lacks
from chwarden.checks.fixes import constraint_lines, xml_fragment
from chwarden.checks.registry import finding_fingerprint
from chwarden.clickhouse.sql import quote_string as sql_string
from chwarden.detect.catalog import Rule, Technique, Variant
from chwarden.detect.dialect import LogSchema
from chwarden.facts import Snapshot
from chwarden.model import Finding, NotChecked, Remediation, Severity

Query = Callable[[str], list[dict[str, Any]]]
FLUSH_ERRORS_SINCE = (25, 2)  # the SystemLogErrorOnFlush event


@dataclass(frozen=True)
class HealthCheck:
    id: str
    title: str
    severity: Severity
    description: str


HEALTH_CHECKS = (
    HealthCheck(
        "log_ttl_shorter_than_watch_interval",
        "A system log keeps rows for less time than the watch interval",
        Severity.MEDIUM,
        "Rows expire before the next cycle reads them: detections miss whatever happened in between.",
    ),
    HealthCheck(
        "log_flush_errors",
        "The server failed to write rows to its system logs",
        Severity.HIGH,
        "SystemLogErrorOnFlush rose since the last cycle (25.2+): a failed flush is never retried, the rows are lost.",
    ),
    HealthCheck(
        "log_queries_switchable",
        "Users may switch query logging off for their own queries",
        Severity.MEDIUM,
        "log_queries is a session setting: a user who may change settings (readonly 0 or 2) and is not held "
        "by a constraint sends log_queries=0 with a query (one HTTP parameter) and the query never reaches "
        "system.query_log (measured on 18.16): what that user reads is invisible to every rule.",
    ),
    HealthCheck(
        "log_rows_vanished",
        "Rows vanished from a system log between two cycles",
        Severity.CRITICAL,
        "A partition of query_log/session_log holds fewer rows than at the last cycle, or disappeared before its TTL: "
        "truncated, dropped or deleted from, whether or not the statement was logged.",
    ),
)

HEALTH = {h.id: h for h in HEALTH_CHECKS}

VANISHED_RULE = Rule(
    id="log_rows_vanished",
    title=HEALTH["log_rows_vanished"].title,
    severity=Severity.CRITICAL,
    technique=Technique(id="T1070", name="Indicator Removal"),
    description=HEALTH["log_rows_vanished"].description,
    log="query_log",
    group_by=("log", "partition"),
    variants=(
        Variant(
            requires=(),
            sql="SELECT partition, sum(rows) AS rows FROM system.parts WHERE active GROUP BY partition",
        ),
    ),
)


@dataclass
class Coverage:
    log: str
    present: bool
    rows: int = 0
    oldest: str = ""  # YYYY-MM-DD of the oldest partition data
    newest: str = ""
    ttl_seconds: int = 0  # 0: no TTL (or the version ignores it)
    partitions: dict[str, int] = field(default_factory=dict)


_TTL = re.compile(
    r"\bTTL\s+\w+\s*\+\s*(?:toInterval(?P<unit1>Second|Minute|Hour|Day|Week|Month|Year)\((?P<n1>\d+)\)"
    r"|INTERVAL\s+(?P<n2>\d+)\s+(?P<unit2>SECOND|MINUTE|HOUR|DAY|WEEK|MONTH|YEAR))",
    re.IGNORECASE,
)
_UNIT_SECONDS = {
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "day": 86400,
    "week": 604800,
    "month": 2592000,
    "year": 31536000,
}


def ttl_seconds(engine_full: str) -> int:
    m = _TTL.search(engine_full)
    if m is None:
        return 0
    number = int(m.group("n1") or m.group("n2"))
    unit = (m.group("unit1") or m.group("unit2")).lower()
    return number * _UNIT_SECONDS[unit]


def coverage_of(query: Query, schema: LogSchema, now: int) -> Coverage:
    """Row count, age range, TTL and per-partition rows of one log (metadata only)."""
    if not schema.present:
        return Coverage(schema.log, False)
    db, table = sql_string(schema.source.database), sql_string(schema.source.table or schema.log)
    parts = query(
        "SELECT partition, sum(rows) AS rows, toString(min(min_date)) AS oldest, toString(max(max_date)) AS newest "
        f"FROM system.parts WHERE database = {db} AND table = {table} AND active GROUP BY partition"
    )
    engine = query(f"SELECT engine_full FROM system.tables WHERE database = {db} AND name = {table}")
    partitions = {str(p["partition"]): int(p["rows"]) for p in parts}
    return Coverage(
        log=schema.log,
        present=True,
        rows=sum(partitions.values()),
        oldest=min((str(p["oldest"]) for p in parts), default=""),
        newest=max((str(p["newest"]) for p in parts), default=""),
        ttl_seconds=ttl_seconds(str(engine[0]["engine_full"])) if engine else 0,
        partitions=partitions,
    )


@dataclass
class Health:
    findings: list[Finding] = field(default_factory=list)
    not_checked: list[NotChecked] = field(default_factory=list)
    vanished: list[dict[str, Any]] = field(default_factory=list)
    vanished_rule: Rule = VANISHED_RULE


def _finding(check: HealthCheck, target: str, resource: str, evidence: dict[str, Any], fix: str) -> Finding:
    return Finding(
        check_id=check.id,
        title=check.title,
        severity=check.severity,
        target=target,
        resource=resource,
        evidence=evidence,
        remediation=Remediation(text=fix),
        category="logging",
        fingerprint=finding_fingerprint(check.id, target, resource),
    )


def _partition_expired(partition: str, ttl: int, now: int) -> bool:
    """A monthly partition (YYYYMM) wholly older than the TTL may be dropped by it."""
    if not ttl or not re.fullmatch(r"\d{6}", partition):
        return False
    year, month = int(partition[:4]), int(partition[4:])
    end = date(year + (month == 12), month % 12 + 1, 1)
    last_moment = datetime(end.year, end.month, end.day, tzinfo=timezone.utc).timestamp()
    return last_moment < now - ttl


def reliability(
    target: str,
    coverage: Sequence[Coverage],
    previous: dict[str, dict[str, Any]],
    interval: int,
    query: Query,
    snapshot: Snapshot,
    now: int | None = None,
) -> Health:
    health = Health()
    moment = int(now if now is not None else datetime.now(timezone.utc).timestamp())
    for cov in coverage:
        if not cov.present:
            continue
        if cov.ttl_seconds and cov.ttl_seconds < interval:
            health.findings.append(
                _finding(
                    HEALTH["log_ttl_shorter_than_watch_interval"],
                    target,
                    f"table:system.{cov.log}",
                    {"ttl_seconds": cov.ttl_seconds, "watch_interval_seconds": interval},
                    f"Keep system.{cov.log} longer than the watch interval "
                    "(e.g. <ttl>event_date + INTERVAL 30 DAY</ttl>), or watch more often.",
                )
            )
        before = previous.get(cov.log)
        if before and int(before.get("present", 0)):
            old = _partitions(before)
            for partition, rows in sorted(old.items()):
                now_rows = cov.partitions.get(partition)
                if now_rows is None and _partition_expired(partition, cov.ttl_seconds, moment):
                    continue
                if now_rows is None or now_rows < rows:
                    health.vanished.append(
                        {
                            "log": cov.log,
                            "partition": partition,
                            "rows_before": rows,
                            "rows_now": now_rows or 0,
                            "events": rows - (now_rows or 0),
                            "sample": f"system.{cov.log} partition {partition}: {rows} -> {now_rows or 0} rows",
                        }
                    )
    _flush_errors(health, target, query, snapshot)
    _switchable_logging(health, target, snapshot)
    return health


def _switchable_logging(health: Health, target: str, snapshot: Snapshot) -> None:
    """Users whose profile logs their queries but lets them turn that off per query."""
    if snapshot.profile_elements is None or snapshot.users is None:
        reason = "the users' profiles are not known (they come from the config files or SQL RBAC tables)"
        health.not_checked.append(NotChecked(check_id="log_queries_switchable", target=target, reason=reason))
        return
    resolver = ProfileResolver.of(snapshot)
    able: dict[str, list[str]] = {}
    for user in snapshot.users:
        settings = resolver.resolve(f"user:{user.name}")
        log_queries, readonly = settings.get("log_queries"), settings.get("readonly")
        value = log_queries.value if log_queries is not None and log_queries.value else None
        if not is_true(value or setting_default(snapshot, "log_queries")):
            continue  # nothing to switch off: the audit's query_log_disabled says so
        if (log_queries is not None and log_queries.locked) or (readonly and (readonly.value or "").strip() == "1"):
            continue
        able.setdefault(resolver.main_profile(user.name), []).append(user.name)
    check = HEALTH["log_queries_switchable"]
    for profile, users in sorted(able.items()):
        name = profile.partition(":")[2] or profile
        lines = constraint_lines(snapshot, "<log_queries><readonly/></log_queries>")
        fix = (
            "Lock it: " + xml_fragment("<profiles>", f"  <{name}>", *lines, f"  </{name}>", "</profiles>")
            if lines
            else "This version has no settings constraints (19.14+): give these users readonly = 1 where they "
            "need no settings, and upgrade to lock log_queries."
        )
        health.findings.append(_finding(check, target, profile, {"users": sorted(users)}, fix))


def _partitions(row: dict[str, Any]) -> dict[str, int]:
    raw = row.get("partitions") or "{}"
    data = json.loads(raw) if isinstance(raw, str) else raw
    return {str(k): int(v) for k, v in data.items()}


def _flush_errors(health: Health, target: str, query: Query, snapshot: Snapshot) -> None:
    if lacks(snapshot, FLUSH_ERRORS_SINCE):
        health.not_checked.append(
            NotChecked(
                check_id="log_flush_errors",
                target=target,
                reason="this version counts no system-log flush errors (SystemLogErrorOnFlush exists from 25.2)",
            )
        )
        return
    rows = query("SELECT value FROM system.events WHERE event = 'SystemLogErrorOnFlush'")
    value = int(rows[0]["value"]) if rows else 0
    if value:
        health.findings.append(
            _finding(
                HEALTH["log_flush_errors"],
                target,
                "event:SystemLogErrorOnFlush",
                {"flush_errors_since_start": value},
                "Find the failing log target in the server log (disk full, a broken export MV) and fix it; lost rows "
                "cannot be recovered.",
            )
        )
