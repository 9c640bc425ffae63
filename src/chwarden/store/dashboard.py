"""The dashboard's read queries, pushed into the store's ClickHouse: one statement per page part.

Every aggregation happens in the store (argMax per key for current state, counts per day, joins
per target), so a page over a store of a hundred targets and months of cycles moves a few hundred
rows at most. Only SQL that both ClickHouse 18.16 and current releases run is used: ``ANY LEFT
JOIN ... USING``, ``argMax``/``argMaxIf``, ``countIf``, ``transform``, ``visitParamExtractString``
(no ``JSONExtract*``, no ``toStartOfInterval``, no aggregate of an alias of the same name).

Suppressions (``store.actions``) are matched by the caller with the CLI's own code
(``chwarden.suppress``) over a small candidate set that these queries select; what they take away
comes back in as ``Adjustments`` (``transform`` literals and a list of suppressed keys), so sorting,
filtering and counting stay in the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from chwarden.clickhouse.sql import quote_string as sql_string
from chwarden.store.store import Store

SEVERITIES = ("critical", "high", "medium", "low", "info")
# The posture score: risk = these weights per open, unsuppressed finding, plus ANONYMOUS_PENALTY for a
# target that lets anyone in without a password; score = 100 / (1 + risk / SCORE_HALF), rounded: 100
# with nothing open, 50 at a risk of SCORE_HALF, never 0, so a fleet of busy targets still ranks. The
# fleet page prints this definition.
SCORE_WEIGHTS = {"critical": 25, "high": 10, "medium": 3, "low": 1, "info": 0}
ANONYMOUS_PENALTY = 20
SCORE_HALF = 50
MAX_ROWS = 1000  # the most rows any list query returns (a page shows fewer)


def _array(values: Iterable[str]) -> str:
    return "[" + ", ".join(sql_string(v) for v in values) + "]"


def _tuples(keys: Iterable[tuple[str, str]]) -> str:
    return ", ".join(f"({sql_string(a)}, {sql_string(b)})" for a, b in keys)


def _transform(column: str, mapping: Mapping[str, int]) -> str:
    """``mapping[column]`` (0 when absent) as SQL; every value is an Int64."""
    if not mapping:
        return "toInt64(0)"
    keys = _array(mapping)
    values = "[" + ", ".join(f"toInt64({int(v)})" for v in mapping.values()) + "]"
    return f"transform({column}, {keys}, {values}, toInt64(0))"


@dataclass(frozen=True)
class Adjustments:
    """What active suppressions take away: open findings per target and severity, and alert keys."""

    findings: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # target -> severity -> n
    alerts: frozenset[tuple[str, str]] = frozenset()  # (target, fingerprint)

    def findings_of(self, severity: str) -> dict[str, int]:
        return {t: n[severity] for t, n in self.findings.items() if n.get(severity)}


NO_ADJUSTMENTS = Adjustments()


# ------------------------------------------------------------------------------- building blocks


def _join(left: str, left_columns: str, right: str, right_columns: str, keys: str) -> str:
    """``left ANY LEFT JOIN right USING keys`` with the columns named (18.16 allows one JOIN per
    SELECT and puts a right key of its own into ``*``); an unmatched row gets the type's default."""
    using = keys if "," not in keys else f"({keys})"
    return f"SELECT {left_columns}, {right_columns} FROM ({left}) AS l ANY LEFT JOIN ({right}) AS r USING {using}"


def _current_states(store: Store, where: str = "") -> str:
    return (
        "SELECT target, fingerprint, argMax(check_id, version) AS check_id, argMax(severity, version) AS severity, "
        "argMax(resource, version) AS resource, argMax(title, version) AS title, "
        "argMax(status, version) AS status, min(first_seen) AS first_seen, max(last_seen) AS last_seen, "
        "max(reopen_count) AS reopen_count "
        f"FROM {store.table('finding_states')} {where} GROUP BY target, fingerprint"
    )


def _current_alerts(store: Store, where: str = "") -> str:
    """Each alert's newest state, with the acknowledgement that covers its current firing episode."""
    newest = (
        "SELECT target, fingerprint, argMax(source, version) AS source, argMax(rule_id, version) AS rule_id, "
        "argMax(severity, version) AS severity, argMax(title, version) AS title, "
        "argMax(status, version) AS status, argMax(first_at, version) AS first_at, "
        "argMax(last_at, version) AS last_at, argMax(occurrences, version) AS occurrences, "
        f"argMax(summary, version) AS summary FROM {store.table('alerts')} {where} GROUP BY target, fingerprint"
    )
    acks = (
        "SELECT target, fingerprint, argMax(acknowledged, version) AS acked, argMax(actor, version) AS acked_by, "
        f"argMax(at, version) AS acked_at FROM {store.table('alert_acks')} {where} GROUP BY target, fingerprint"
    )
    joined = _join(
        newest,
        "target, fingerprint, source, rule_id, severity, title, status, first_at, last_at, occurrences, summary",
        acks,
        "acked, acked_by, acked_at",
        "target, fingerprint",
    )
    return (
        "SELECT target, fingerprint, source, rule_id, severity, title, status, first_at, last_at, occurrences, "
        f"summary, if(acked = 1 AND acked_at >= first_at, 1, 0) AS acknowledged, acked_by, acked_at FROM ({joined})"
    )


def _either(checks: Sequence[str], check_column: str, fingerprints: Sequence[str]) -> str:
    """``check_column`` in ``checks`` or ``fingerprint`` in ``fingerprints`` (never an empty array:
    18.16 cannot compare ``Array(Nothing)`` with a String)."""
    parts = [f"has({_array(checks)}, {check_column})"] if checks else []
    parts += [f"has({_array(fingerprints)}, fingerprint)"] if fingerprints else []
    return " OR ".join(parts) or "0"


def _target_filter(target: str | None) -> str:
    return f"WHERE target = {sql_string(target)}" if target is not None else ""


# ------------------------------------------------------------------------------- suppression candidates


def finding_candidates(
    store: Store, checks: Sequence[str], fingerprints: Sequence[str], target: str | None = None
) -> list[dict[str, Any]]:
    """Open findings an active suppression might match (by check id or fingerprint): the caller
    decides with the CLI's matching code. Bounded by MAX_ROWS per suppression key."""
    if not checks and not fingerprints:
        return []
    where = _target_filter(target)
    return store.select(
        f"SELECT target, fingerprint, check_id, severity, resource, title FROM ({_current_states(store, where)}) "
        f"WHERE status = 'open' AND ({_either(checks, 'check_id', fingerprints)}) "
        f"LIMIT {MAX_ROWS * max(1, len(checks) + len(fingerprints))}"
    )


def alert_candidates(
    store: Store, checks: Sequence[str], fingerprints: Sequence[str], target: str | None = None
) -> list[dict[str, Any]]:
    """Firing alerts an active suppression might match; a finding's alert carries the finding's resource."""
    if not checks and not fingerprints:
        return []
    where = _target_filter(target)
    newest = (
        "SELECT target, fingerprint, argMax(rule_id, version) AS rule_id, argMax(severity, version) AS severity, "
        "argMax(title, version) AS title, argMax(source, version) AS source, argMax(status, version) AS status "
        f"FROM {store.table('alerts')} {where} GROUP BY target, fingerprint"
    )
    resources = (
        "SELECT target, fingerprint, argMax(resource, version) AS resource "
        f"FROM {store.table('finding_states')} {where} GROUP BY target, fingerprint"
    )
    joined = _join(newest, "target, fingerprint, rule_id, severity, title, source, status", resources, "resource",
                   "target, fingerprint")  # fmt: skip
    return store.select(
        f"SELECT target, fingerprint, rule_id, severity, title, source, resource FROM ({joined}) "
        f"WHERE status = 'firing' AND ({_either(checks, 'rule_id', fingerprints)}) "
        f"LIMIT {MAX_ROWS * max(1, len(checks) + len(fingerprints))}"
    )


# ------------------------------------------------------------------------------- fleet overview

FLEET_SORTS = {
    "target": "target",
    "score": "score",
    "worst": "worst_rank",
    "version": "server_version",
    "last_cycle": "last_cycle",
    "last_success": "last_success",
    "alerts": "alerts",
    "status": "last_status",
}


@dataclass(frozen=True)
class FleetFilter:
    text: str = ""  # part of the target name (case-insensitive)
    min_severity: str = ""  # worst open finding at least this
    anonymous: bool = False  # only targets reachable without a password
    failing: bool = False  # only targets whose last cycle failed
    sort: str = "score"
    descending: bool = False
    only: str | None = None  # one target (its page): every part of the query reads only its rows


def fleet_overview(
    store: Store, chosen: FleetFilter | None = None, adjust: Adjustments = NO_ADJUSTMENTS
) -> list[dict[str, Any]]:
    """Per target: the newest cycle (status, version, exposure), the last successful one, open
    findings per severity (current finding states; a target only audited with ``--store`` has no
    states and keeps its last run's counts), unacknowledged unsuppressed alerts, the network an
    anonymous attack path starts from, the posture score and the worst severity."""
    chosen = chosen or FleetFilter()
    cycles, paths = store.table("target_cycles"), store.table("attack_paths")
    where = _target_filter(chosen.only)
    also = f" AND target = {sql_string(chosen.only)}" if chosen.only is not None else ""
    pick = ", ".join(
        f"toInt64(if(has_states = 1, s_{s}, c_{s})) - {_transform('target', adjust.findings_of(s))} AS {s}"
        for s in SEVERITIES
    )
    risk = " + ".join(f"{SCORE_WEIGHTS[s]} * {s}" for s in SEVERITIES if SCORE_WEIGHTS[s])
    suppressed = f" AND (target, fingerprint) NOT IN ({_tuples(adjust.alerts)})" if adjust.alerts else ""
    conditions = ["1"]
    if chosen.text:
        conditions.append(f"positionCaseInsensitive(target, {sql_string(chosen.text)}) > 0")
    if chosen.min_severity in SEVERITIES:
        conditions.append(f"worst_rank >= {len(SEVERITIES) - SEVERITIES.index(chosen.min_severity)}")
    if chosen.anonymous:
        conditions.append("anonymous_access = 1")
    if chosen.failing:
        conditions.append("last_status = 'failed'")
    order = FLEET_SORTS.get(chosen.sort, "score")
    direction = "DESC" if chosen.descending else "ASC"
    cycle_columns = (
        "target, last_status, known_version, url, anonymous_access, exposed_ports, errors, last_cycle, "
        "last_success, cycles, " + ", ".join(f"c_{s}" for s in SEVERITIES)
    )
    cycle = (
        "SELECT target, argMax(status, started_at) AS last_status, "
        "argMaxIf(server_version, started_at, server_version != '') AS known_version, "
        "argMax(url, started_at) AS url, argMax(anonymous_access, started_at) AS anonymous_access, "
        "argMax(exposed_ports, started_at) AS exposed_ports, argMax(errors, started_at) AS errors, "
        "max(started_at) AS last_cycle, maxIf(finished_at, status != 'failed') AS last_success, count() AS cycles, "
        + ", ".join(f"argMaxIf(findings_{s}, started_at, status != 'failed') AS c_{s}" for s in SEVERITIES)
        + f" FROM {cycles} {where} GROUP BY target"
    )
    state_columns = "has_states, " + ", ".join(f"s_{s}" for s in SEVERITIES)
    states = (
        "SELECT target, 1 AS has_states, "
        + ", ".join(f"countIf(status = 'open' AND severity = '{s}') AS s_{s}" for s in SEVERITIES)
        + f" FROM ({_current_states(store, where)}) GROUP BY target"
    )
    alert_counts = (
        f"SELECT target, count() AS alert_count FROM ({_current_alerts(store, where)}) "
        f"WHERE status = 'firing' AND acknowledged = 0{suppressed} GROUP BY target"
    )
    reach = (
        "SELECT target, argMaxIf(visitParamExtractString(steps, 'label'), score, "
        "position(steps, '\"anonymous\":true') > 0) AS reach "
        f"FROM {paths} WHERE (target, observed_at) IN (SELECT target, max(observed_at) FROM {paths} {where} "
        f"GROUP BY target){also} "
        "GROUP BY target"
    )
    joined = _join(cycle, cycle_columns, states, state_columns, "target")
    joined = _join(joined, f"{cycle_columns}, {state_columns}", alert_counts, "alert_count", "target")
    joined = _join(joined, f"{cycle_columns}, {state_columns}, alert_count", reach, "reach", "target")
    return store.select(
        "SELECT *, "
        "multiIf(critical > 0, 5, high > 0, 4, medium > 0, 3, low > 0, 2, info > 0, 1, 0) AS worst_rank, "
        f"toInt64(round(100 / (1 + ({risk} + {ANONYMOUS_PENALTY} * toInt64(anonymous_access)) / {SCORE_HALF}))) "
        "AS score "
        "FROM (SELECT target, last_status, known_version AS server_version, url, anonymous_access, exposed_ports, "
        f"errors, last_cycle, last_success, cycles, {pick}, toInt64(alert_count) AS alerts, reach FROM ({joined})) "
        f"WHERE {' AND '.join(conditions)} ORDER BY {order} {direction}, target LIMIT {MAX_ROWS}"
    )


def target_names(store: Store) -> list[str]:
    rows = store.select(f"SELECT DISTINCT target FROM {store.table('target_cycles')} ORDER BY target LIMIT {MAX_ROWS}")
    return [str(r["target"]) for r in rows]


# ------------------------------------------------------------------------------- alerts

ALERT_STATES = ("open", "acknowledged", "suppressed", "resolved", "all")


@dataclass(frozen=True)
class AlertFilter:
    state: str = "open"  # open: firing, not acknowledged, not suppressed
    target: str | None = None
    min_severity: str = ""
    text: str = ""
    limit: int = 200


def alerts(
    store: Store, chosen: AlertFilter | None = None, adjust: Adjustments = NO_ADJUSTMENTS
) -> list[dict[str, Any]]:
    """The inbox: each alert's newest state with its acknowledgement, newest activity first."""
    chosen = chosen or AlertFilter()
    keys = f"(target, fingerprint) IN ({_tuples(adjust.alerts)})" if adjust.alerts else "0"
    conditions = {
        "open": f"status = 'firing' AND acknowledged = 0 AND NOT {keys}",
        "acknowledged": f"status = 'firing' AND acknowledged = 1 AND NOT {keys}",
        "suppressed": f"status = 'firing' AND {keys}",
        "resolved": "status = 'resolved'",
        "all": "1",
    }
    where = [conditions.get(chosen.state, conditions["open"])]
    if chosen.min_severity in SEVERITIES:
        allowed = SEVERITIES[: SEVERITIES.index(chosen.min_severity) + 1]
        where.append(f"has({_array(allowed)}, severity)")
    if chosen.text:
        needle = sql_string(chosen.text)
        where.append(
            f"(positionCaseInsensitive(title, {needle}) > 0 OR positionCaseInsensitive(summary, {needle}) > 0 "
            f"OR positionCaseInsensitive(rule_id, {needle}) > 0 OR positionCaseInsensitive(target, {needle}) > 0)"
        )
    return store.select(
        f"SELECT *, {keys} AS suppressed FROM ({_current_alerts(store, _target_filter(chosen.target))}) "
        f"WHERE {' AND '.join(where)} ORDER BY last_at DESC, target, fingerprint "
        f"LIMIT {max(1, min(int(chosen.limit), MAX_ROWS))}"
    )


def alert(store: Store, target: str, fingerprint: str) -> dict[str, Any] | None:
    """One alert's newest state (None: no such alert)."""
    where = f"WHERE target = {sql_string(target)} AND fingerprint = {sql_string(fingerprint)}"
    rows = store.select(f"SELECT * FROM ({_current_alerts(store, where)}) LIMIT 1")
    return rows[0] if rows else None


# ------------------------------------------------------------------------------- trends


def severity_per_day(store: Store, days: int, target: str | None = None) -> list[dict[str, Any]]:
    """Findings per severity per day: each target's last successful cycle of the day, summed."""
    only = f" AND target = {sql_string(target)}" if target is not None else ""
    sums = ", ".join(f"sum(d_{s}) AS {s}" for s in SEVERITIES)
    lasts = ", ".join(f"argMax(findings_{s}, started_at) AS d_{s}" for s in SEVERITIES)
    return store.select(
        f"SELECT day, count() AS targets, {sums} FROM (SELECT target, toDate(started_at) AS day, {lasts} "
        f"FROM {store.table('target_cycles')} WHERE status != 'failed' "
        f"AND started_at >= now() - {int(days) * 86400}{only} GROUP BY target, day) GROUP BY day ORDER BY day"
    )


FINDING_CHANGES = {"finding_new": "opened", "finding_resolved": "resolved", "finding_reopened": "reopened"}


def finding_changes_per_day(store: Store, days: int, target: str | None = None) -> list[dict[str, Any]]:
    """New, resolved and reopened findings per day."""
    only = f" AND target = {sql_string(target)}" if target is not None else ""
    counts = ", ".join(f"countIf(kind = '{kind}') AS {name}" for kind, name in FINDING_CHANGES.items())
    return store.select(
        f"SELECT toDate(at) AS day, {counts} FROM {store.table('changes')} "
        f"WHERE at >= now() - {int(days) * 86400} AND has({_array(FINDING_CHANGES)}, kind){only} "
        "GROUP BY day ORDER BY day"
    )


def drift(store: Store, days: int, target: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Fact drift (ports, anonymous access, users, grants, sensitive columns, versions), newest first."""
    only = f" AND target = {sql_string(target)}" if target is not None else ""
    return store.select(
        f"SELECT at, target, kind, subject, severity, before, after FROM {store.table('changes')} "
        f"WHERE at >= now() - {int(days) * 86400} AND NOT has({_array(FINDING_CHANGES)}, kind){only} "
        f"ORDER BY at DESC, target, kind LIMIT {max(1, min(int(limit), MAX_ROWS))}"
    )


# ------------------------------------------------------------------------------- one target


def target_cycle(store: Store, target: str) -> dict[str, Any] | None:
    """The target's newest cycle, its last successful one, and how many there were."""
    rows = store.select(
        "SELECT target, argMax(run_id, started_at) AS last_run, argMax(status, started_at) AS last_status, "
        "argMaxIf(server_version, started_at, server_version != '') AS known_version, "
        "argMax(url, started_at) AS url, argMax(anonymous_access, started_at) AS anonymous_access, "
        "argMax(exposed_ports, started_at) AS exposed_ports, argMax(errors, started_at) AS errors, "
        "argMax(not_checked, started_at) AS not_checked, argMax(duration_ms, started_at) AS duration_ms, "
        "max(started_at) AS last_cycle, maxIf(finished_at, status != 'failed') AS last_success, "
        f"count() AS cycles FROM {store.table('target_cycles')} WHERE target = {sql_string(target)} GROUP BY target"
    )
    return rows[0] if rows else None


def latest_findings(store: Store, target: str) -> list[dict[str, Any]]:
    """The findings of the target's newest run that judged it, with each finding's state history."""
    findings = store.table("findings")
    name = sql_string(target)
    columns = (
        "fingerprint, check_id, severity, title, resource, category, evidence, remediation, location, confidence, "
        "caused_by, observed_at"
    )
    latest = (
        f"SELECT {columns} FROM {findings} WHERE target = {name} "
        f"AND observed_at = (SELECT max(observed_at) FROM {findings} WHERE target = {name})"
    )
    states = (
        "SELECT fingerprint, min(first_seen) AS first_seen, max(reopen_count) AS reopen_count "
        f"FROM {store.table('finding_states')} WHERE target = {name} GROUP BY fingerprint"
    )
    joined = _join(latest, columns, states, "first_seen, reopen_count", "fingerprint")
    return store.select(f"SELECT * FROM ({joined}) ORDER BY check_id, resource LIMIT {MAX_ROWS}")


def latest_paths(store: Store, target: str) -> list[dict[str, Any]]:
    paths = store.table("attack_paths")
    name = sql_string(target)
    return store.select(
        f"SELECT severity, score, summary, steps, fix, observed_at FROM {paths} WHERE target = {name} "
        f"AND observed_at = (SELECT max(observed_at) FROM {paths} WHERE target = {name}) ORDER BY score DESC LIMIT 50"
    )


def timeline(store: Store, target: str, days: int, limit: int = 200) -> list[dict[str, Any]]:
    """The incident timeline: the newest ``investigate`` run's events (who read which sensitive table,
    from where, how much) and the detections the watcher recorded, newest first."""
    events, detections = store.table("timeline_events"), store.table("detections")
    name = sql_string(target)
    since = f"now() - {int(days) * 86400}"
    return store.select(
        "SELECT * FROM ("
        "SELECT start, until, kind, principal, address, resource, queries, rows, bytes, outside_allowlist, "
        f"query_ids, detail FROM {events} WHERE target = {name} AND run_id = ("
        f"SELECT argMax(run_id, at) FROM {events} WHERE target = {name}) "
        "UNION ALL "
        "SELECT first_event AS start, last_event AS until, 'alert' AS kind, "
        "arrayStringConcat(users, ', ') AS principal, arrayStringConcat(addresses, ', ') AS address, "
        "rule_id AS resource, events AS queries, toUInt64(0) AS rows, toUInt64(0) AS bytes, "
        "toUInt8(1) AS outside_allowlist, query_ids, concat(severity, ': ', title) AS detail "
        f"FROM {detections} WHERE target = {name} AND at >= {since}) "
        f"ORDER BY start DESC, kind LIMIT {max(1, min(int(limit), MAX_ROWS))}"
    )
