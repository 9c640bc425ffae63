"""Read queries over the store, pushed into its ClickHouse (aggregation happens there, not here).

Current state is ``argMax(column, version)`` per key, which is correct on a single MergeTree, on a
``ReplacingMergeTree`` before its merges, and on a ``Distributed`` table over shards. Every
function returns plain rows or small Python values; what the dashboard reads (fleet overview,
alerts, trends, one target's page) is in ``store.dashboard``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from chwarden.clickhouse.sql import quote_string as sql_string
from chwarden.facts import Snapshot
from chwarden.model import SensitiveData
from chwarden.store.records import sensitive_from_rows
from chwarden.store.store import Store, parse_store_time


@dataclass(frozen=True)
class FindingState:
    fingerprint: str
    check_id: str
    severity: str
    title: str
    resource: str
    status: str  # open | resolved
    first_seen: str
    last_seen: str
    resolved_at: str
    reopen_count: int


def finding_states(store: Store, target: str) -> dict[str, FindingState]:
    rows = store.select(
        "SELECT fingerprint, argMax(check_id, version) AS check_id, argMax(severity, version) AS severity, "
        "argMax(title, version) AS title, argMax(resource, version) AS resource, "
        "argMax(status, version) AS status, min(first_seen) AS first_seen, max(last_seen) AS last_seen, "
        "argMax(resolved_at, version) AS resolved_at, max(reopen_count) AS reopen_count "
        f"FROM {store.table('finding_states')} WHERE target = {sql_string(target)} GROUP BY fingerprint"
    )
    return {
        str(r["fingerprint"]): FindingState(
            fingerprint=str(r["fingerprint"]),
            check_id=str(r["check_id"]),
            severity=str(r["severity"]),
            title=str(r["title"]),
            resource=str(r["resource"]),
            status=str(r["status"]),
            first_seen=str(r["first_seen"]),
            last_seen=str(r["last_seen"]),
            resolved_at=str(r["resolved_at"]),
            reopen_count=int(r["reopen_count"]),
        )
        for r in rows
    }


def latest_snapshot(store: Store, target: str) -> Snapshot | None:
    rows = store.select(
        f"SELECT body FROM {store.table('snapshots')} WHERE target = {sql_string(target)} "
        "ORDER BY collected_at DESC LIMIT 1"
    )
    if not rows:
        return None
    return Snapshot.model_validate_json(str(rows[0]["body"]))


def latest_snapshot_hash(store: Store, target: str) -> str | None:
    rows = store.select(
        f"SELECT snapshot_hash FROM {store.table('snapshots')} WHERE target = {sql_string(target)} "
        "ORDER BY collected_at DESC LIMIT 1"
    )
    return str(rows[0]["snapshot_hash"]) if rows else None


def latest_inventory(store: Store, target: str) -> tuple[str, list[SensitiveData]] | None:
    """(run id, entries) of the target's newest run that ran discover; None if none did."""
    runs = store.select(
        f"SELECT run_id FROM {store.table('target_cycles')} WHERE target = {sql_string(target)} AND discovered = 1 "
        "ORDER BY started_at DESC LIMIT 1"
    )
    if not runs:
        return None
    run_id = str(runs[0]["run_id"])
    rows = store.select(
        "SELECT database, table, column, detector, category, rows_matched, rows_scanned, sampled, examples "
        f"FROM {store.table('sensitive_data')} WHERE target = {sql_string(target)} AND run_id = {sql_string(run_id)}"
    )
    return run_id, sensitive_from_rows(target, rows)


def watermark(store: Store, target: str, source: str) -> dict[str, Any] | None:
    rows = store.select(
        f"SELECT argMax(position, version) AS position FROM {store.table('watermarks')} "
        f"WHERE target = {sql_string(target)} AND source = {sql_string(source)} GROUP BY target, source"
    )
    if not rows:
        return None
    value: dict[str, Any] = json.loads(str(rows[0]["position"]))
    return value


@dataclass(frozen=True)
class AlertState:
    fingerprint: str
    status: str  # firing | resolved
    first_at: str
    last_at: str
    notified_at: str
    occurrences: int
    source: str
    rule_id: str
    severity: str
    title: str
    summary: str


def alert_states(store: Store, target: str) -> dict[str, AlertState]:
    rows = store.select(
        "SELECT fingerprint, argMax(status, version) AS status, min(first_at) AS first_at, "
        "argMax(last_at, version) AS last_at, argMax(notified_at, version) AS notified_at, "
        "argMax(occurrences, version) AS occurrences, argMax(source, version) AS source, "
        "argMax(rule_id, version) AS rule_id, argMax(severity, version) AS severity, argMax(title, version) AS title, "
        "argMax(summary, version) AS summary "
        f"FROM {store.table('alerts')} WHERE target = {sql_string(target)} GROUP BY fingerprint"
    )
    return {
        str(r["fingerprint"]): AlertState(
            fingerprint=str(r["fingerprint"]),
            status=str(r["status"]),
            first_at=str(r["first_at"]),
            last_at=str(r["last_at"]),
            notified_at=str(r["notified_at"]),
            occurrences=int(r["occurrences"]),
            source=str(r["source"]),
            rule_id=str(r["rule_id"]),
            severity=str(r["severity"]),
            title=str(r["title"]),
            summary=str(r["summary"]),
        )
        for r in rows
    }


def known_addresses(store: Store, target: str) -> dict[str, set[str]]:
    """user -> every address that user was seen from (the new-address baseline)."""
    rows = store.select(
        f"SELECT user, groupUniqArray(address) AS addresses FROM {store.table('principal_addresses')} "
        f"WHERE target = {sql_string(target)} GROUP BY user"
    )
    return {str(r["user"]): {str(a) for a in r["addresses"]} for r in rows}


USAGE_METRICS = ("queries", "read_rows", "read_bytes", "window_rows", "window_bytes", "query_rows", "query_bytes")


def usage_history(store: Store, target: str, windows: int = 50) -> dict[str, list[dict[str, int]]]:
    """user -> the volumes of that user's last ``windows`` log windows (newest first)."""
    rows = store.select(
        "SELECT user, queries, read_rows, read_bytes, window_rows, window_bytes, query_rows, query_bytes "
        f"FROM {store.table('usage_windows')} WHERE target = {sql_string(target)} "
        f"ORDER BY user, window_end DESC LIMIT {int(windows)} BY user"
    )
    history: dict[str, list[dict[str, int]]] = {}
    for r in rows:
        history.setdefault(str(r["user"]), []).append({k: int(r[k]) for k in USAGE_METRICS})
    return history


def last_cycle_started(store: Store, target: str) -> datetime | None:
    rows = store.select(
        f"SELECT max(started_at) AS at, count() AS n FROM {store.table('target_cycles')} "
        f"WHERE target = {sql_string(target)}"
    )
    if not rows or not int(rows[0]["n"]):
        return None
    return parse_store_time(str(rows[0]["at"]))


def cycles_of(store: Store, target: str) -> int:
    rows = store.select(f"SELECT count() AS n FROM {store.table('target_cycles')} WHERE target = {sql_string(target)}")
    return int(rows[0]["n"]) if rows else 0


def last_log_coverage(store: Store, target: str, log: str) -> dict[str, Any] | None:
    rows = store.select(
        "SELECT rows, oldest, newest, ttl_seconds, partitions, present "
        f"FROM {store.table('log_coverage')} WHERE target = {sql_string(target)} AND log = {sql_string(log)} "
        "ORDER BY at DESC LIMIT 1"
    )
    return rows[0] if rows else None
