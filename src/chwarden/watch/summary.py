"""The cycle summary (``watch --format json``): per target status, counts, drift, detections, alerts, cost."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chwarden.store import store_time
from chwarden.watch.cycle import CycleResult
from chwarden.watch.secrets import scrub


def _target(result: CycleResult) -> dict[str, Any]:
    detect = result.detect
    return {
        "name": result.name,
        "url": result.url,
        "status": result.status,
        "errors": [scrub(e) for e in result.errors],
        "server_version": result.snapshot.server.version if result.snapshot else None,
        "findings": result.counts(),
        "not_checked": [{"check_id": n.check_id, "reason": n.reason} for n in result.not_checked],
        "discovered": result.discovered,
        "drift": [c.as_dict() for c in result.drift],
        "detections": [{**d.as_dict(), "sample": scrub(d.sample)} for d in result.detections],
        "alerts": result.alerts,
        "notes": result.notes,
        "cost": {
            "queries": result.queries,
            "duration_s": round(max(0.0, result.finished_at - result.started_at), 3),
            "own_queries_logged": result.own_queries_logged,
            "own_rows_read": result.own_rows_read,
            "log_windows": {k: list(v) for k, v in (detect.windows.items() if detect else [])},
        },
    }


def cycle_summary(
    run_id: str, started: float, finished: float, results: Sequence[CycleResult], store: str
) -> dict[str, Any]:
    targets = [_target(r) for r in results]
    return {
        "run_id": run_id,
        "started_at": store_time(started),
        "finished_at": store_time(finished),
        "store": store,
        "targets": targets,
        "drift": [{"target": t["name"], **c} for t in targets for c in t["drift"]],
        "alerts": [{"target": t["name"], **a} for t in targets for a in t["alerts"]],
        "detections": [{"target": t["name"], **d} for t in targets for d in t["detections"]],
    }


def summary_lines(summary: dict[str, Any]) -> list[str]:
    """One line per target for the terminal."""
    lines = []
    for t in summary["targets"]:
        counts = ", ".join(f"{n} {s}" for s, n in t["findings"].items() if n) or "no findings"
        extra = []
        if t["drift"]:
            extra.append(f"{len(t['drift'])} changes")
        if t["detections"]:
            extra.append(f"{len(t['detections'])} detections")
        if t["alerts"]:
            extra.append(f"{len(t['alerts'])} alerts sent")
        tail = f" ({'; '.join(extra)})" if extra else ""
        error = f": {t['errors'][0]}" if t["status"] == "failed" and t["errors"] else ""
        lines.append(f"{t['name']}: {t['status']}{error}; {counts}{tail}")
        lines.extend(f"  drift: [{c['severity']}] {c['kind']} {c['subject']}" for c in t["drift"])
        lines.extend(
            f"  detection: [{d['severity']}] {d['rule_id']} user={d['user']} address={d['address']} "
            f"events={d['events']} query_ids={','.join(d['query_ids'][:3])}"
            for d in t["detections"]
        )
    return lines
