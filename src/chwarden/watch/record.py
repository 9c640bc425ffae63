"""Write one target cycle into the store: what was seen, what changed, how far the log readers got.

Finding states are written for every finding seen (open, with first/last seen and reopen count)
and for every finding resolved this cycle; readers take the newest version per fingerprint.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from chwarden.model import Severity
from chwarden.store import Store, store_time
from chwarden.store import queries as q
from chwarden.store.records import (
    empty_time,
    finding_rows,
    fingerprint_of,
    path_rows,
    sensitive_rows,
    snapshot_body,
    to_json,
)
from chwarden.watch.cycle import CycleResult
from chwarden.watch.secrets import scrub


def _version() -> int:
    return time.time_ns() // 1000


def record_cycle(store: Store, result: CycleResult) -> None:
    at = store_time(result.finished_at or time.time())
    target = result.name
    snapshot_hash = ""
    if result.snapshot is not None:
        snapshot_hash, body = snapshot_body(result.snapshot)
        if q.latest_snapshot_hash(store, target) != snapshot_hash:
            store.write(
                "snapshots",
                [
                    {
                        "target": target,
                        "snapshot_hash": snapshot_hash,
                        "collected_at": at,
                        "run_id": result.run_id,
                        "body": body,
                    }
                ],
            )
    counts = result.counts()
    endpoints = result.snapshot.endpoints or [] if result.snapshot else []
    exposed = sorted(f"{e.host}:{e.port}/{e.protocol}" for e in endpoints if e.clickhouse and e.auth == "none")
    anonymous = any(a.accepted for a in (result.snapshot.anonymous_login or [])) if result.snapshot else False
    store.write(
        "target_cycles",
        [
            {
                "run_id": result.run_id,
                "target": target,
                "url": result.url,
                "started_at": store_time(result.started_at),
                "finished_at": at,
                "status": result.status,
                "errors": [scrub(e)[:500] for e in result.errors[:20]],
                "server_version": (result.snapshot.server.version or "") if result.snapshot else "",
                "snapshot_hash": snapshot_hash,
                "discovered": int(result.discovered),
                **{f"findings_{s.value}": counts[s.value] for s in Severity},
                "detections": len(result.detections),
                "alerts": len(result.alerts),
                "anonymous_access": int(anonymous or bool(exposed)),
                "exposed_ports": exposed,
                "queries": result.queries,
                "own_rows_read": result.own_rows_read,
                "log_rows_read": 0,
                "not_checked": to_json([n.model_dump() for n in result.not_checked]),
                "duration_ms": int(max(0.0, result.finished_at - result.started_at) * 1000),
            }
        ],
    )
    if result.status == "failed":
        _changes(store, result, at)
        return
    store.write("findings", finding_rows(result.run_id, at, target, result.findings))
    _states(store, result, result.previous_states, at)
    _changes(store, result, at)
    if result.discovered and result.sensitive is not None:
        store.write("sensitive_data", sensitive_rows(result.run_id, at, target, result.sensitive))
    store.write("attack_paths", path_rows(result.run_id, at, target, result.paths))
    _detections(store, result, at)
    _logs(store, result, at)


def _states(store: Store, result: CycleResult, previous: dict[str, q.FindingState], at: str) -> None:
    version = _version()
    reopened = {c.fingerprint for c in result.drift if c.kind == "finding_reopened"}
    rows: list[dict[str, Any]] = []
    for f in result.findings:
        fp = fingerprint_of(f)
        before = previous.get(fp)
        rows.append(
            {
                "target": result.name,
                "fingerprint": fp,
                "check_id": f.check_id,
                "severity": f.severity.value,
                "title": f.title,
                "resource": f.resource,
                "status": "open",
                "first_seen": before.first_seen if before else at,
                "last_seen": at,
                "resolved_at": empty_time(),
                "reopen_count": (before.reopen_count if before else 0) + (1 if fp in reopened else 0),
                "run_id": result.run_id,
                "version": version,
            }
        )
    for change in result.drift:
        before = previous.get(change.fingerprint)
        if change.kind != "finding_resolved" or before is None:
            continue
        rows.append(
            {
                "target": result.name,
                "fingerprint": before.fingerprint,
                "check_id": before.check_id,
                "severity": before.severity,
                "title": before.title,
                "resource": before.resource,
                "status": "resolved",
                "first_seen": before.first_seen,
                "last_seen": before.last_seen,
                "resolved_at": at,
                "reopen_count": before.reopen_count,
                "run_id": result.run_id,
                "version": version,
            }
        )
    store.write("finding_states", rows)


def _changes(store: Store, result: CycleResult, at: str) -> None:
    store.write(
        "changes",
        [
            {
                "run_id": result.run_id,
                "at": at,
                "target": result.name,
                "kind": c.kind,
                "subject": c.subject,
                "severity": c.severity.value,
                "fingerprint": c.key,
                "before": scrub(c.before)[:2000],
                "after": scrub(c.after)[:2000],
                "detail": to_json(c.detail),
            }
            for c in result.drift
        ],
    )


def _detections(store: Store, result: CycleResult, at: str) -> None:
    store.write(
        "detections",
        [
            {
                "detection_id": f"{result.run_id}:{d.fingerprint}",
                "fingerprint": d.fingerprint,
                "at": at,
                "run_id": result.run_id,
                "target": result.name,
                "rule_id": d.rule_id,
                "severity": d.severity.value,
                "title": d.title,
                "technique": d.technique,
                "addresses": [a for a in d.address.split(",") if a],
                "users": [u for u in d.user.split(",") if u],
                "query_ids": list(d.query_ids),
                "events": d.events,
                "first_event": store_time(d.first_event),
                "last_event": store_time(d.last_event),
                "evidence": to_json({**d.evidence, "sample": scrub(d.sample), "failed": d.failed}),
            }
            for d in result.detections
        ],
    )


def _logs(store: Store, result: CycleResult, at: str) -> None:
    detect = result.detect
    if detect is None:
        return
    version = _version()
    store.write(
        "watermarks",
        [
            {"target": result.name, "source": s, "position": to_json(p), "updated_at": at, "version": version}
            for s, p in detect.watermarks.items()
        ],
    )
    usage = detect.usage
    store.write(
        "principal_addresses",
        [
            {
                "target": result.name,
                "user": str(u["user"]),
                "address": str(u["address"]),
                "first_seen": store_time(int(u["first_event"])),
                "last_seen": store_time(int(u["last_event"])),
                "events": int(u["queries"]),
            }
            for u in usage
        ],
    )
    window = detect.windows.get("query_log")
    if window:
        store.write("usage_windows", _usage_windows(result.name, usage, window))
    store.write(
        "log_coverage",
        [
            {
                "run_id": result.run_id,
                "at": at,
                "target": result.name,
                "log": c.log,
                "present": int(c.present),
                "rows": c.rows,
                "oldest": f"{c.oldest} 00:00:00" if c.oldest else empty_time(),
                "newest": f"{c.newest} 00:00:00" if c.newest else empty_time(),
                "ttl_seconds": c.ttl_seconds,
                "partitions": to_json(c.partitions),
            }
            for c in detect.coverage
        ],
    )


def _usage_windows(target: str, usage: Sequence[dict[str, Any]], window: tuple[int, int]) -> list[dict[str, Any]]:
    """Per user: totals over the window and the largest single query (from per-address rows)."""
    per_user: dict[str, dict[str, int]] = {}
    for u in usage:
        t = per_user.setdefault(str(u["user"]), dict.fromkeys(q.USAGE_METRICS, 0))
        for total, column in (
            ("queries", "queries"),
            ("read_rows", "total_read_rows"),
            ("read_bytes", "total_read_bytes"),
        ):
            t[total] += int(u.get(column, 0) or 0)
        t["window_rows"] += int(u.get("total_result_rows", 0) or 0)
        t["window_bytes"] += int(u.get("total_result_bytes", 0) or 0)
        t["query_rows"] = max(t["query_rows"], int(u.get("max_result_rows", 0) or 0))
        t["query_bytes"] = max(t["query_bytes"], int(u.get("max_result_bytes", 0) or 0))
    start, end = store_time(window[0]), store_time(window[1])
    return [
        {"target": target, "user": user, "window_start": start, "window_end": end, **t} for user, t in per_user.items()
    ]
