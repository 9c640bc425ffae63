"""Snapshots saved by an older chwarden (format 1) still load, and are judged as they were then.

The fixtures were saved by the code before scan facts, ``facts_from_config`` and
``settings_set_by_audit`` left ``Snapshot.extra`` for typed fields; the expected findings and
not-checked entries were computed by that code on the same files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chwarden.checks.judge import judge
from chwarden.checks.scan import scan_checks
from chwarden.facts import SNAPSHOT_VERSION, Snapshot
from chwarden.model import Report
from tests.harness.cli import run_chwarden

DATA = Path(__file__).resolve().parents[1] / "data" / "snapshots"


def _summary(report: Report) -> dict[str, Any]:
    return {
        "findings": sorted([f.check_id, f.resource, f.severity.value] for f in report.findings),
        "not_checked": sorted([n.check_id, n.reason] for n in report.not_checked),
    }


def _load(name: str) -> tuple[Snapshot, dict[str, Any]]:
    snapshot = Snapshot.model_validate_json((DATA / f"{name}.json").read_text(encoding="utf-8"))
    expected = json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))
    return snapshot, expected


def test_v1_scan_snapshot_moves_scan_facts_to_their_field() -> None:
    snapshot, expected = _load("v1-scan-credentials")
    assert snapshot.snapshot_version == SNAPSHOT_VERSION == 2
    assert "scan" not in snapshot.extra and snapshot.scan is not None
    tried = [(a.protocol, a.port, a.accepted) for a in snapshot.scan.credentials_tried]
    assert tried == [("http", 8123, False), ("http", 8123, True), ("native", 9000, False), ("native", 9000, True)]
    assert all("redacted" in a.password for a in snapshot.scan.credentials_tried)
    assert snapshot.scan.metadata_from is not None and snapshot.scan.metadata_from.port == 8123
    report = judge([snapshot], command="scan", checks=scan_checks())
    assert _summary(report) == expected
    assert any(f.check_id == "default_credentials_accepted" for f in report.findings)


def test_v1_audit_snapshot_moves_provenance_to_typed_fields() -> None:
    snapshot, expected = _load("v1-embedded-modern")
    assert snapshot.facts_from_config == ["server_config"]
    assert snapshot.settings_set_by_audit == []
    assert snapshot.connection.user == "default"
    assert not {"facts_from_config", "settings_set_by_audit", "session_user"} & set(snapshot.extra)
    assert snapshot.extra["config_source"].endswith("config.xml")  # diagnostics stay where they were
    assert _summary(judge([snapshot])) == expected


def test_migrated_snapshot_saves_in_the_new_format_and_reads_back_unchanged() -> None:
    snapshot, _ = _load("v1-scan-credentials")
    again = Snapshot.model_validate_json(snapshot.model_dump_json())
    assert again == snapshot
    assert json.loads(snapshot.model_dump_json())["scan"]["address"] == "127.196.165.62"


@pytest.mark.parametrize("name", ["v1-embedded-modern"])
def test_audit_snapshot_option_reads_an_old_file(name: str, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run_chwarden("audit", "--snapshot", str(DATA / f"{name}.json"), "-f", "json", "-o", str(out))
    assert result.returncode == 1, result.stderr  # a critical finding: at or above --fail-on high
    report = Report.model_validate_json(out.read_text(encoding="utf-8"))
    assert _summary(report) == json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))
