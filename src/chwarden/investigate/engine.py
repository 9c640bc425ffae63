"""``investigate``: the first answer to an incident. Who read each sensitive table, from where, how
much, when first and last, and which of them are outside the allowlist; as findings, a timeline
and the logs' own coverage (how far back they reach, so "nobody" is never claimed for a period
the server no longer remembers).

Everything is aggregated in the server (one statement per log for the readers, one for the
timeline buckets) through the guarded read-only connection. 18.16 has no ``tables`` column in
query_log: the query text is matched against the table names there, as the detection rules do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from chwarden.checks.registry import finding_fingerprint
from chwarden.clickhouse.sql import quote_string as sql_string
from chwarden.connect.base import ChwardenConnectError, GuardedConnection, QueryFailed
from chwarden.detect.dialect import LogSchema, array_literal, read_schemas
from chwarden.detect.engine import table_regex
from chwarden.detect.judges import Network, in_networks
from chwarden.detect.reliability import coverage_of
from chwarden.model import (
    Finding,
    LogCoverage,
    NotChecked,
    Remediation,
    Report,
    SensitiveData,
    Severity,
    TargetStatus,
    TimelineEvent,
    utc_now,
)

CHECK_ID = "sensitive_data_read_outside_allowlist"
MAX_GROUPS = 2000
MAX_TIMELINE = 2000


@dataclass(frozen=True)
class InvestigateOptions:
    since_seconds: int = 30 * 86400
    allow_principals: frozenset[str] = frozenset()
    allow_networks: Sequence[Network] = ()
    cluster: str | None = None
    bucket_seconds: int | None = None  # timeline granularity; default: an hour up to 3 days, else a day


@dataclass
class Investigation:
    target: str
    tables: list[str]  # db.table
    sensitive: list[SensitiveData] = field(default_factory=list)
    alerts: list[dict[str, Any]] = field(default_factory=list)  # the store's detections in the window
    errors: list[str] = field(default_factory=list)


def iso(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, timezone.utc).isoformat(timespec="seconds")


def _reads_sql(schema: LogSchema, tables: list[str], low: int, high: int, bucket: int | None) -> str:
    f = schema.fragments(low, high, 0)
    if "tables" in schema.columns:
        join = f"arrayFilter(x -> has({array_literal(tables)}, x), tables)"
        match = f"hasAny(tables, {array_literal(tables)})"
    else:
        pattern = sql_string(table_regex(tables))
        join = f"extractAll({f['stmt']}, {pattern})"
        match = f"match({f['stmt']}, {pattern})"
    period = f"intDiv(toUInt32(event_time), {bucket}) * {bucket} AS period, " if bucket else ""
    group = "period, address, user, table" if bucket else "address, user, table"
    return (
        f"SELECT {period}{f['addr']} AS address, user, read_table AS table, count() AS queries, "
        f"countIf({f['failed']}) AS failed, sum(read_rows) AS read_rows, sum(result_rows) AS result_rows, "
        "sum(result_bytes) AS result_bytes, toUInt32(min(event_time)) AS first_event, "
        "toUInt32(max(event_time)) AS last_event, groupArray(10)(query_id) AS query_ids "
        f"FROM {f['source']} ARRAY JOIN {join} AS read_table "
        f"WHERE {f['window']} AND {f['ended']} AND {f['not_own']} AND {match} AND match({f['stmt']}, {f['reading']}) "
        f"GROUP BY {group} ORDER BY {'period, ' if bucket else ''}first_event "
        f"LIMIT {MAX_TIMELINE if bucket else MAX_GROUPS}"
    )


def _canonical(raw: str, tables: list[str]) -> str:
    key = re.sub(r"[`\"\s]", "", raw).lower()
    for qualified in tables:
        if key in (qualified.lower(), qualified.split(".", 1)[-1].lower()):
            return qualified
    return key


def _oldest(conn: GuardedConnection, schema: LogSchema, coverage_oldest: str) -> int | None:
    """The first logged moment: the minimum event_time of the oldest partition day (reads one day)."""
    if not coverage_oldest:
        return None
    f = schema.fragments(0, 0, 0)
    rows = conn.query(
        f"SELECT toUInt32(min(event_time)) AS oldest FROM {f['source']} "
        f"WHERE event_date = toDate({sql_string(coverage_oldest)})"
    ).dicts()
    value = int(rows[0]["oldest"]) if rows else 0
    return value or None


class Investigator:
    def __init__(self, conn: GuardedConnection, investigation: Investigation, options: InvestigateOptions) -> None:
        self.conn = conn
        self.inv = investigation
        self.options = options
        self.findings: list[Finding] = []
        self.timeline: list[TimelineEvent] = []
        self.coverage: list[LogCoverage] = []
        self.not_checked: list[NotChecked] = []

    def _allowed(self, user: str, address: str) -> bool:
        return user in self.options.allow_principals or in_networks(address, self.options.allow_networks)

    def run(self) -> Report:
        started = utc_now()
        inv = self.inv
        status = "complete"
        try:
            now = int(self.conn.query("SELECT toUInt32(now()) AS now").dicts()[0]["now"])
            schemas = read_schemas(lambda sql: self.conn.query(sql).dicts(), {}, self.options.cluster)
            low = now - self.options.since_seconds
            self._coverage(schemas["query_log"], low, now)
            self._session_coverage(schemas["session_log"], now)
            if not inv.tables:
                self.not_checked.append(
                    NotChecked(
                        check_id=CHECK_ID, target=inv.target, reason="no sensitive table known: run discover first"
                    )
                )
            elif schemas["query_log"].present:
                self._readers(schemas["query_log"], low, now)
        except (QueryFailed, ChwardenConnectError) as exc:
            inv.errors.append(str(exc)[:300])
            status = "partial"
        self._alerts()
        self.timeline.sort(key=lambda e: (e.at, e.kind, e.resource or ""))
        return Report(
            command="investigate",
            started_at=started,
            finished_at=utc_now(),
            findings=sorted(self.findings, key=lambda f: (-f.severity.rank, f.resource)),
            not_checked=self.not_checked,
            sensitive_data=inv.sensitive,
            targets=[TargetStatus(target=inv.target, status=status, errors=inv.errors)],
            timeline=self.timeline,
            log_coverage=self.coverage,
        )

    def _coverage(self, schema: LogSchema, low: int, now: int) -> None:
        if not schema.present:
            self.coverage.append(
                LogCoverage(
                    target=self.inv.target,
                    log="query_log",
                    present=False,
                    note="no query_log: this server kept no record of who read what",
                )
            )
            self.not_checked.append(
                NotChecked(
                    check_id=CHECK_ID, target=self.inv.target, reason="system.query_log does not exist on the server"
                )
            )
            return
        cov = coverage_of(lambda sql: self.conn.query(sql).dicts(), schema, now)
        oldest = _oldest(self.conn, schema, cov.oldest)
        note = None
        if oldest is None:
            note = "query_log is empty"
        elif oldest > low:
            note = f"the log starts at {iso(oldest)}: reads before that (and since {iso(low)}) are unknown"
        self.coverage.append(
            LogCoverage(
                target=self.inv.target,
                log="query_log",
                present=True,
                oldest=iso(oldest) if oldest else None,
                newest=iso(now),
                rows=cov.rows,
                ttl_seconds=cov.ttl_seconds or None,
                note=note,
            )
        )

    def _session_coverage(self, schema: LogSchema, now: int) -> None:
        if schema.present:
            cov = coverage_of(lambda sql: self.conn.query(sql).dicts(), schema, now)
            oldest = _oldest(self.conn, schema, cov.oldest)
            self.coverage.append(
                LogCoverage(
                    target=self.inv.target,
                    log="session_log",
                    present=True,
                    oldest=iso(oldest) if oldest else None,
                    newest=iso(now),
                    rows=cov.rows,
                    ttl_seconds=cov.ttl_seconds or None,
                )
            )
        else:
            self.coverage.append(
                LogCoverage(
                    target=self.inv.target,
                    log="session_log",
                    present=False,
                    note="no session_log (21.9+, when configured): logins and failed logins are not recorded",
                )
            )

    def _readers(self, schema: LogSchema, low: int, high: int) -> None:
        tables = self.inv.tables
        span = high - low
        bucket = self.options.bucket_seconds or (3600 if span <= 3 * 86400 else 86400)
        for row in self.conn.query(_reads_sql(schema, tables, low, high, None)).dicts():
            self._finding(row, _canonical(str(row["table"]), tables))
        for row in self.conn.query(_reads_sql(schema, tables, low, high, bucket)).dicts():
            user, address = str(row["user"]), str(row["address"])
            start = int(row["period"])
            self.timeline.append(
                TimelineEvent(
                    at=iso(start),
                    until=iso(start + bucket),
                    kind="read",
                    target=self.inv.target,
                    principal=user,
                    address=address,
                    resource=_canonical(str(row["table"]), tables),
                    queries=int(row["queries"]),
                    rows=int(row["result_rows"]),
                    bytes=int(row["result_bytes"]),
                    outside_allowlist=not self._allowed(user, address),
                    query_ids=[str(q) for q in row["query_ids"]][:5],
                    detail=f"{int(row['failed'])} refused" if int(row["failed"]) else None,
                )
            )

    def _finding(self, row: dict[str, Any], table: str) -> None:
        user, address = str(row["user"]), str(row["address"])
        if self._allowed(user, address):
            return
        resource = f"table:{table} principal:{user} address:{address}"
        categories = sorted({s.category for s in self.inv.sensitive if f"{s.database}.{s.table}" == table})
        self.findings.append(
            Finding(
                check_id=CHECK_ID,
                title=f"{table} was read by {user} from {address}, outside the allowlist",
                severity=Severity.CRITICAL if user == "default" else Severity.HIGH,
                target=self.inv.target,
                resource=resource,
                category="incident",
                evidence={
                    "table": table,
                    "data": categories,
                    "principal": user,
                    "address": address,
                    "queries": int(row["queries"]),
                    "refused": int(row["failed"]),
                    "rows_read": int(row["read_rows"]),
                    "rows_returned": int(row["result_rows"]),
                    "bytes_returned": int(row["result_bytes"]),
                    "first": iso(int(row["first_event"])),
                    "last": iso(int(row["last_event"])),
                    "query_ids": [str(q) for q in row["query_ids"]],
                },
                remediation=Remediation(
                    text=(
                        "Treat the data as disclosed to this principal: rotate the secrets it held, find out who uses "
                        "the account from that address, and cut the access (a password, a host restriction, a revoke)."
                    )
                ),
                fingerprint=finding_fingerprint(CHECK_ID, self.inv.target, resource),
            )
        )

    def _alerts(self) -> None:
        for alert in self.inv.alerts:
            self.timeline.append(
                TimelineEvent(
                    at=str(alert["at"]).replace(" ", "T") + "+00:00",
                    kind="alert",
                    target=self.inv.target,
                    principal=",".join(alert.get("users", [])) or None,
                    address=",".join(alert.get("addresses", [])) or None,
                    resource=str(alert["rule_id"]),
                    queries=int(alert.get("events", 0)),
                    query_ids=[str(q) for q in alert.get("query_ids", [])][:5],
                    detail=f"{alert['severity']}: {alert['title']}",
                )
            )
