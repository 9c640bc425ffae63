"""Snapshots saved by an older chwarden (format 1) still load, with their facts where checks read them.

The fixtures were saved by the code before scan facts, ``facts_from_config`` and
``settings_set_by_audit`` left ``Snapshot.extra`` for typed fields (``session_user`` was always the
connection's user). Loading one must give the snapshot that the fields, written where they now
live, give: then every check judges it as it judges a new snapshot.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from chwarden.checks.judge import judge
from chwarden.checks.scan import scan_checks
from chwarden.facts import SNAPSHOT_VERSION, Snapshot
from chwarden.model import Report
from tests.harness.cli import run_chwarden

DATA = Path(__file__).resolve().parents[1] / "data" / "snapshots"
MOVED = ("scan", "facts_from_config", "settings_set_by_audit")


def _v1(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    assert data["snapshot_version"] == 1 and set(MOVED) & set(data["extra"])
    return data


def _written_as_today(old: dict[str, Any]) -> dict[str, Any]:
    """The same facts as a current chwarden writes them (independent of the migration code)."""
    new = {**old, "snapshot_version": SNAPSHOT_VERSION, "extra": dict(old["extra"])}
    for key in MOVED:
        if key in new["extra"]:
            new[key] = new["extra"].pop(key)
    new["extra"].pop("session_user", None)
    return new


def _summary(report: Report) -> dict[str, Any]:
    return {
        "findings": sorted([f.check_id, f.resource, f.severity.value] for f in report.findings),
        "not_checked": sorted([n.check_id, n.reason] for n in report.not_checked),
    }


def test_v1_scan_snapshot_moves_scan_facts_to_their_field() -> None:
    old = _v1("v1-scan-credentials")
    snapshot = Snapshot.model_validate(old)
    assert snapshot == Snapshot.model_validate(_written_as_today(old))
    assert snapshot.snapshot_version == SNAPSHOT_VERSION == 2
    assert "scan" not in snapshot.extra and snapshot.scan is not None
    tried = [(a.protocol, a.port, a.accepted) for a in snapshot.scan.credentials_tried]
    assert tried == [("http", 8123, False), ("http", 8123, True), ("native", 9000, False), ("native", 9000, True)]
    assert all("redacted" in a.password for a in snapshot.scan.credentials_tried)
    assert snapshot.scan.metadata_from is not None and snapshot.scan.metadata_from.port == 8123
    report = judge([snapshot], command="scan", checks=scan_checks())
    accepted = [f for f in report.findings if f.check_id == "default_credentials_accepted"]
    assert [f.resource for f in accepted] == ["endpoint:127.196.165.62:8123", "endpoint:127.196.165.62:9000"]


def test_v1_audit_snapshot_moves_provenance_to_typed_fields() -> None:
    old = _v1("v1-embedded-modern")
    snapshot = Snapshot.model_validate_json(json.dumps(old))
    assert snapshot == Snapshot.model_validate(_written_as_today(old))
    assert snapshot.facts_from_config == ["server_config"]
    assert snapshot.settings_set_by_audit == []
    assert snapshot.connection.user == "default"
    assert not {"facts_from_config", "settings_set_by_audit", "session_user"} & set(snapshot.extra)
    assert snapshot.extra["config_source"].endswith("config.xml")  # diagnostics stay where they were


def test_migration_leaves_the_caller_s_data_alone() -> None:
    old = _v1("v1-scan-credentials")
    before = json.dumps(old, sort_keys=True)
    Snapshot.model_validate(old)
    assert json.dumps(old, sort_keys=True) == before


def test_migrated_snapshot_saves_in_the_new_format_and_reads_back_unchanged() -> None:
    snapshot = Snapshot.model_validate(_v1("v1-scan-credentials"))
    again = Snapshot.model_validate_json(snapshot.model_dump_json())
    assert again == snapshot
    assert json.loads(snapshot.model_dump_json())["scan"]["address"] == "127.196.165.62"


def test_audit_snapshot_option_reads_an_old_file(tmp_path: Path) -> None:
    old_file = DATA / "v1-embedded-modern.json"
    new_file = tmp_path / "v2.json"
    new_file.write_text(json.dumps(_written_as_today(_v1("v1-embedded-modern"))), encoding="utf-8")
    reports = []
    for snapshot_file in (old_file, new_file):
        out = tmp_path / f"{snapshot_file.stem}-report.json"
        result = run_chwarden("audit", "--snapshot", str(snapshot_file), "-f", "json", "-o", str(out))
        assert result.returncode == 1, result.stderr  # a critical finding: at or above --fail-on high
        reports.append(_summary(Report.model_validate_json(out.read_text(encoding="utf-8"))))
    assert reports[0] == reports[1] and reports[0]["findings"]
