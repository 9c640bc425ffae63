"""The watch part of the demo: one drift and one detected attack on the embedded engine.

The same DeepSeek-like instance, with query logging on, is watched twice with an embedded store.
Between the cycles a stranger (the passwordless `default`, as on the exposed server) copies API keys
into a new table and dumps the chat log. The second cycle reports the new sensitive column as
drift and the chat-log read as a detection, with the query ids that did it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chwarden.connect.engine_worker import EngineWorker
from chwarden.connect.querytag import QueryTagger
from chwarden.demo.instance import seed_demo_data, write_demo_config
from chwarden.store import StoreSpec, open_store
from chwarden.watch.alerts import Notifier
from chwarden.watch.config import WatchConfig
from chwarden.watch.runner import Watch
from chwarden.watch.setup import CliOverrides, build_targets

QUERY_LOG = "<query_log><database>system</database><table>query_log</table></query_log>"
SETUP_TIMEOUT = 120.0
CLOCK_TIMEOUT = 5.0
DEMO_KEY = b"chwarden-demo-query-tag-key-0001"  # the demo's own throw-away store and tag key
EXPORT_LOGS = (
    "CREATE DATABASE IF NOT EXISTS audit",
    "CREATE TABLE IF NOT EXISTS audit.query_log AS system.query_log",
    "CREATE MATERIALIZED VIEW IF NOT EXISTS audit.query_log_export TO audit.query_log "
    "AS SELECT * FROM system.query_log",
)
ATTACK = (
    "CREATE TABLE default.keys_backup ENGINE = MergeTree ORDER BY tuple() AS "
    "SELECT extract(`string.values`, 'sk-[0-9a-f]{32}') AS api_key FROM default.log_stream WHERE api_key != ''",
    "SELECT timestamp, `string.values` FROM default.log_stream",
)
CLEANUP = ("DROP TABLE default.keys_backup",)  # the operator removes the stranger's copy


@dataclass
class WatchStory:
    baseline: dict[str, Any]
    after: dict[str, Any]
    cleaned: dict[str, Any] | None = None  # the third cycle, after the operator's cleanup (if run)


def _as_client(data: str, config: str, after: int, statements: tuple[str, ...] = ATTACK) -> None:
    """What the stranger does (or, with other ``statements``, the operator), through its own read-write
    session (not chwarden's), once the engine's clock has passed ``after`` (the end of the log window
    the previous cycle read)."""
    session = EngineWorker(data, config, readonly=False)
    try:
        deadline = time.monotonic() + CLOCK_TIMEOUT
        while int(session.query("SELECT toUInt32(now())", "TabSeparated", SETUP_TIMEOUT)) <= after:
            if time.monotonic() > deadline:
                raise RuntimeError("the embedded engine's clock did not move")
            time.sleep(0.05)
        for statement in statements:
            session.query(statement, "TabSeparated", SETUP_TIMEOUT)
        session.query("SYSTEM FLUSH LOGS", "TabSeparated", SETUP_TIMEOUT)
    finally:
        session.close()


def _window_end(summary: dict[str, Any]) -> int:
    return int(summary["targets"][0]["cost"]["log_windows"]["query_log"][1])


def run_watch_demo(base: Path, rows: int = 500, cleanup: bool = False) -> WatchStory:
    """Seed the instance, watch it, let the stranger in, watch again; both cycle summaries. With
    ``cleanup`` the operator then drops the stranger's copy and a third cycle sees it resolved (the
    store at ``base/store`` then holds a drift, an attack and a fix: what ``demo --serve`` shows)."""
    config = write_demo_config(base)
    config.write_text(config.read_text(encoding="utf-8").replace("<clickhouse>", "<clickhouse>" + QUERY_LOG, 1))
    data = str(base / "data")
    writer = EngineWorker(data, str(config), readonly=False)
    try:
        seed_demo_data(lambda statement: writer.query(statement, "TabSeparated", SETUP_TIMEOUT), rows)
        writer.query("SYSTEM FLUSH LOGS", "TabSeparated", SETUP_TIMEOUT)
        for statement in EXPORT_LOGS:  # the operator keeps a copy of the query log (readable read-only)
            writer.query(statement, "TabSeparated", SETUP_TIMEOUT)
    finally:
        writer.close()
    watch_config = WatchConfig.model_validate(
        {
            "targets": [
                {
                    "url": f"chdb://{data}?config={config}",
                    "name": "deepseek-like",
                    "log_lag": 0,
                    "discover": {"every": 1, "sample_rows": 2000, "database": "default"},
                    "log_tables": {"query_log": "audit.query_log"},
                }
            ]
        }
    )
    targets = build_targets(watch_config, CliOverrides())
    store = open_store(StoreSpec(str(base / "store")))
    try:
        watch = Watch(targets, store, QueryTagger(DEMO_KEY), Notifier(store, watch_config.alerts, []))
        baseline = watch.run_round(targets)
        _as_client(data, str(config), after=_window_end(baseline))
        after = watch.run_round(targets)
        cleaned = None
        if cleanup:
            _as_client(data, str(config), after=_window_end(after), statements=CLEANUP)
            cleaned = watch.run_round(targets)
    finally:
        store.close()
    return WatchStory(baseline, after, cleaned)


def story_lines(story: WatchStory) -> list[str]:
    """What the demo prints about the watch part."""
    before, after = story.baseline["targets"][0], story.after["targets"][0]
    lines = [
        f"watch: cycle 1 (baseline) — {sum(before['findings'].values())} findings, nothing to compare yet",
        "watch: a stranger copies the API keys into default.keys_backup and dumps default.log_stream",
        f"watch: cycle 2 — {len(after['drift'])} changes, {len(after['detections'])} detections:",
    ]
    lines += [
        f"  drift: [{c['severity']}] {c['kind']} {c['subject']}"
        for c in after["drift"]
        if not c["kind"].startswith("finding_")
    ]
    new = [c for c in after["drift"] if c["kind"] == "finding_new"]
    lines += [f"  drift: [{c['severity']}] new finding {c['subject']}" for c in new[:3]]
    lines += [
        f"  detected: [{d['severity']}] {d['rule_id']} {d['evidence'].get('table', '')} by user {d['user']} "
        f"(query ids {', '.join(d['query_ids'][:2])})"
        for d in after["detections"]
        if d["severity"] in ("medium", "high", "critical")
    ]
    if story.cleaned is not None:
        resolved = [c for c in story.cleaned["targets"][0]["drift"] if c["kind"] == "finding_resolved"]
        lines.append(f"watch: the operator drops default.keys_backup; cycle 3 — {len(resolved)} findings resolved")
    return lines
