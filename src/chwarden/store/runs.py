"""Keep a finished run of audit/scan/discover/assess in the store (watch records its cycles itself).

What is kept is what the report and its snapshots say, already redacted: the run, one status row
per target, every finding, the facts (when they changed), discover's inventory and attack paths.
Finding states (open/resolved) belong to watch, which sees every check of a target each cycle; an
ad-hoc run with a subset of checks must not resolve anything.
"""

from __future__ import annotations

import secrets
import socket
import time
from collections.abc import Sequence
from datetime import datetime

from chwarden.facts import Snapshot
from chwarden.model import Report, Severity
from chwarden.store import queries as q
from chwarden.store.records import finding_rows, path_rows, run_row, sensitive_rows, snapshot_body, to_json
from chwarden.store.store import Store, store_time


def record_report(store: Store, command: str, report: Report, snapshots: Sequence[Snapshot] = ()) -> str:
    """Write the run; returns its run id."""
    run_id = f"{command}-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}-{secrets.token_hex(3)}"
    at = store_time()
    targets = [t.target for t in report.targets] or sorted({f.target for f in report.findings})
    status = "failed" if report.targets and all(t.status == "failed" for t in report.targets) else "complete"
    store.write(
        "runs",
        [run_row(run_id, command, report.started_at[:19].replace("T", " "), at, targets, status, socket.gethostname())],
    )
    hashes: dict[str, str] = {}
    for snapshot in snapshots:
        digest, body = snapshot_body(snapshot)
        hashes[snapshot.target] = digest
        if q.latest_snapshot_hash(store, snapshot.target) != digest:
            store.write(
                "snapshots",
                [
                    {
                        "target": snapshot.target,
                        "snapshot_hash": digest,
                        "collected_at": at,
                        "run_id": run_id,
                        "body": body,
                    }
                ],
            )
    for target in targets:
        found = [f for f in report.findings if f.target == target]
        counts = {s.value: sum(1 for f in found if f.severity is s) for s in Severity}
        state = next((t for t in report.targets if t.target == target), None)
        # discover's inventory of this target is complete (an empty one included) only for discover runs
        discovered = command == "discover" or any(s.target == target for s in report.sensitive_data)
        store.write(
            "target_cycles",
            [
                {
                    "run_id": run_id, "target": target, "url": "", "started_at": at, "finished_at": at,
                    "status": state.status if state else "complete", "errors": list(state.errors) if state else [],
                    "server_version": "", "snapshot_hash": hashes.get(target, ""),
                    "discovered": int(discovered),
                    **{f"findings_{s}": n for s, n in counts.items()},
                    "detections": 0, "alerts": 0, "anonymous_access": 0, "exposed_ports": [],
                    "queries": 0, "own_rows_read": 0, "log_rows_read": 0,
                    "not_checked": to_json([n.model_dump() for n in report.not_checked if n.target == target]),
                    "duration_ms": 0,
                }
            ],
        )  # fmt: skip
        store.write("findings", finding_rows(run_id, at, target, found))
        store.write(
            "sensitive_data",
            sensitive_rows(run_id, at, target, [s for s in report.sensitive_data if s.target == target]),
        )
    store.write("attack_paths", path_rows(run_id, at, targets[0] if len(targets) == 1 else "*", report.attack_paths))
    return run_id


def _moment(iso: str | None) -> str:
    """An ISO 8601 timestamp of the report as a store DateTime ("never" when absent or unreadable)."""
    if not iso:
        return store_time(0)
    try:
        return store_time(datetime.fromisoformat(iso.replace("Z", "+00:00")))
    except ValueError:
        return store_time(0)


def record_timeline(store: Store, report: Report) -> str:
    """Keep an investigation's timeline (who read what, from where, when) so the dashboard can show
    it without connecting to the target; returns the run id."""
    run_id = f"investigate-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}-{secrets.token_hex(3)}"
    at = store_time()
    store.write(
        "timeline_events",
        [
            {
                "run_id": run_id,
                "at": at,
                "target": e.target,
                "kind": e.kind,
                "start": _moment(e.at),
                "until": _moment(e.until),
                "principal": e.principal or "",
                "address": e.address or "",
                "resource": e.resource or "",
                "queries": e.queries,
                "rows": e.rows,
                "bytes": e.bytes,
                "outside_allowlist": int(e.outside_allowlist),
                "query_ids": list(e.query_ids),
                "detail": e.detail or "",
            }
            for e in report.timeline
        ],
    )
    return run_id
