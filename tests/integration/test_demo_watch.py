"""`chwarden demo`'s watch part: one drift and one detected attack on the embedded engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from chwarden.demo.watch import run_watch_demo, story_lines

pytestmark = pytest.mark.embedded


def test_demo_shows_a_drift_and_a_detected_attack(tmp_path: Path) -> None:
    story = run_watch_demo(tmp_path)
    assert story.baseline["drift"] == [] and story.baseline["targets"][0]["status"] == "complete"
    after = story.after["targets"][0]
    assert after["status"] == "complete", after["errors"]
    kinds = {(c["kind"], c["subject"]) for c in after["drift"]}
    assert ("sensitive_column_added", "default.keys_backup.api_key") in kinds
    reads = [d for d in after["detections"] if d["rule_id"] == "sensitive_table_read_outside_allowlist"]
    assert any(
        d["evidence"]["table"] == "default.log_stream" and d["user"] == "default" and d["query_ids"] for d in reads
    )
    assert not any(q.startswith("chwarden-") for d in after["detections"] for q in d["query_ids"])
    lines = "\n".join(story_lines(story))
    assert "sensitive_column_added default.keys_backup.api_key" in lines and "detected: [high]" in lines
