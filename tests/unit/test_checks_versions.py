"""Version checks through the registry: vulnerable builds, unsupported lines, pre-22.12 secret display.

Pure logic on recorded snapshots, plus the versions real engines report (chdb 26.9 in-process and a
Debian 18.16 server) read through chwarden's guarded connection and judged end to end.
"""

from __future__ import annotations

import tempfile
from typing import Any

import pytest

from chwarden.advisories import advisories_for
from chwarden.checks.registry import get_check, run_checks
from chwarden.clickhouse.version import parse_version
from chwarden.connect import Credentials, connect, parse_target
from chwarden.facts import SecretRef, ServerInfo, Snapshot, TableFacts
from chwarden.model import Finding, NotChecked, Severity

COLLECTED = "2026-11-26T10:00:00+00:00"
CHECK_IDS = ("vulnerable_version", "unsupported_release_line", "secrets_not_masked_by_version")


def snap(version: str | None, collected_at: str | None = COLLECTED, **facts: Any) -> Snapshot:
    return Snapshot(target="t", collected_at=collected_at, server=ServerInfo(version=version), **facts)


def run(snapshot: Snapshot, *check_ids: str) -> tuple[list[Finding], list[NotChecked]]:
    return run_checks(snapshot, [get_check(c) for c in check_ids or CHECK_IDS])


def by_resource(findings: list[Finding]) -> dict[str, Finding]:
    return {f.resource: f for f in findings}


def test_checks_are_registered_in_versions_category() -> None:
    assert [get_check(check_id).meta.category for check_id in CHECK_IDS] == ["versions"] * 3


def test_18_16_gets_one_finding_per_advisory() -> None:
    findings, not_checked = run(snap("18.16.1"), "vulnerable_version")
    assert not not_checked
    expected = {f"advisory:{a.id}" for a in advisories_for("18.16.1") if a.check is None}
    found = by_resource(findings)
    assert set(found) == expected
    assert "advisory:CHW-2022-SECRETS-MASKING" not in found  # reported by its own check
    rce = found["advisory:CVE-2019-16535"]
    assert rce.severity is Severity.CRITICAL
    assert rce.evidence["fixed_in"] == "upgrade to a supported release"
    assert rce.evidence["version"] == "18.16.1"
    assert rce.evidence["cvss"] == 9.8 and rce.evidence["pre_auth"] is True
    assert rce.evidence["advisory_data_date"] == "2026-11-26"
    assert rce.evidence["advisory_data_age_days"] == 0
    assert rce.remediation.text is not None and "26.8 LTS" in rce.remediation.text
    assert rce.title.startswith("Vulnerable to CVE-2019-16535")
    assert found["advisory:CVE-2022-44010"].severity is Severity.HIGH
    assert "advisory:CVE-2023-47118" not in found  # T64 codec: 18.16 has no column codecs
    assert findings[0].severity is Severity.CRITICAL  # runner sorts worst first


def test_codec_advisories_hit_a_server_that_has_the_codecs() -> None:
    found = by_resource(run(snap("20.3.1.1"), "vulnerable_version")[0])
    assert found["advisory:CVE-2023-47118"].severity is Severity.HIGH
    assert found["advisory:CVE-2023-47118"].evidence["aliases"] == ["GHSA-g22g-p6q2-x39v"]
    assert found["advisory:CVE-2021-25263"].severity is Severity.MEDIUM


def test_fixed_build_on_the_same_line_is_the_target() -> None:
    findings, _ = run(snap("23.8.6.15-lts"), "vulnerable_version")
    finding = by_resource(findings)["advisory:CVE-2023-47118"]
    assert finding.evidence["fixed_in"] == "23.8.6.16"
    text = finding.remediation.text or ""
    assert text.startswith("Upgrade to 23.8.6.16 or later on the 23.8 line.")
    assert "no longer receives security fixes" in text
    assert finding.evidence["references"][0].endswith("GHSA-g22g-p6q2-x39v")


def test_line_without_backport_names_the_oldest_fixed_build() -> None:
    findings, _ = run(snap("23.9.6.20"), "vulnerable_version")
    finding = by_resource(findings)["advisory:CVE-2024-22412"]
    assert finding.evidence["fixed_in"] == "upgrade to a supported release"
    assert finding.evidence["nearest_fixed_build"] == "23.12.6.19"
    assert "got no fix" in (finding.remediation.text or "")


def test_possibly_affected_and_altinity_builds_say_so() -> None:
    findings, _ = run(snap("24.8.14.10003.altinitystable"), "vulnerable_version")
    assert [f.resource for f in findings] == ["advisory:CHW-2024-BCRYPT-QUERY-LOG"]
    finding = findings[0]
    assert finding.title.startswith("Possibly affected by")
    assert finding.evidence["status"] == "possibly_affected"
    assert "patch level not in the bundled data" in finding.evidence["fixed_in"]
    assert "Altinity" in finding.evidence["vendor_note"]


def test_current_release_is_clean() -> None:
    findings, not_checked = run(snap("26.9.2.1"))
    assert findings == [] and not_checked == []


@pytest.mark.parametrize(
    ("version", "reason"),
    [
        (None, "version unknown"),
        ("", "version unknown"),
        ("not-a-version", "version unknown"),
        ("24.0.2.54535", "unknown (cloud)"),
    ],
)
def test_unjudgeable_versions_become_not_checked(version: str | None, reason: str) -> None:
    findings, not_checked = run(snap(version))
    assert findings == []
    assert {n.check_id for n in not_checked} == set(CHECK_IDS)
    assert all(n.reason.startswith("server: ") and reason in n.reason for n in not_checked)


def test_recorded_gap_is_the_reason() -> None:
    snapshot = snap(None)
    snapshot.mark_gap("server", "permission denied for version()")
    _, not_checked = run(snapshot, "vulnerable_version")
    assert "permission denied for version()" in not_checked[0].reason


def test_unsupported_release_line() -> None:
    findings, _ = run(snap("18.16.1"), "unsupported_release_line")
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity is Severity.HIGH and finding.resource == "release:18.16"
    assert finding.evidence["branch"] == "18.16"
    assert finding.evidence["supported_lines"] == ["26.10", "26.9", "26.8", "26.3"]
    assert finding.evidence["newest_lts"] == ["26.8", "26.3"]
    assert finding.evidence["advisory_data_date"] == "2026-11-26"
    assert "26.8 LTS" in (finding.remediation.text or "")


@pytest.mark.parametrize(
    ("version", "collected_at", "unsupported"),
    [
        ("24.3.12.75-lts", "2024-10-15T08:00:00Z", False),  # judged as of collection
        ("24.3.12.75-lts", COLLECTED, True),
        ("26.8.3.1-lts", COLLECTED, False),
        ("26.11.1.1", COLLECTED, False),
        ("25.8.29.21-lts", COLLECTED, True),
    ],
)
def test_support_is_judged_on_the_collection_date(version: str, collected_at: str, unsupported: bool) -> None:
    findings, not_checked = run(snap(version, collected_at), "unsupported_release_line")
    assert not not_checked
    assert bool(findings) is unsupported


def test_data_age_is_relative_to_the_collection_date() -> None:
    findings, _ = run(snap("18.16.1", "2027-01-25T00:00:00Z"), "unsupported_release_line")
    assert findings[0].evidence["advisory_data_age_days"] == 60
    assert findings[0].evidence["support_window_projected"] is True


def test_secrets_not_masked_before_22_12() -> None:
    table = TableFacts(
        database="db",
        name="pg",
        engine="PostgreSQL",
        secrets=[SecretRef(kind="password", redacted="s3cr…(redacted, sha256:1a2b3c4d)")],
    )
    findings, _ = run(snap("22.8.1.2097", tables=[table]), "secrets_not_masked_by_version")
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity is Severity.MEDIUM
    assert finding.resource == "advisory:CHW-2022-SECRETS-MASKING"
    assert finding.evidence["fixed_in"] == "22.12"
    assert finding.evidence["credentials_in_definitions"] == 1
    uncollected, _ = run(snap("18.16.1"), "secrets_not_masked_by_version")
    assert "credentials_in_definitions" not in uncollected[0].evidence


@pytest.mark.parametrize("version", ["22.12.1.1752", "23.3.2.37", "26.9.2.1"])
def test_secrets_masked_from_22_12(version: str) -> None:
    assert run(snap(version), "secrets_not_masked_by_version") == ([], [])


def test_findings_serialise() -> None:
    findings, _ = run(snap("18.16.1"))
    for finding in findings:
        assert Finding.model_validate_json(finding.model_dump_json()) == finding
    assert len({f.fingerprint for f in findings}) == len(findings)


# ---- real engines: the version string they report, judged end to end -----------------------------


def _judge_live_version(url: str) -> tuple[str, list[Finding], list[NotChecked]]:
    with connect(parse_target(url), Credentials("default", "")) as conn:
        version = str(conn.query("SELECT version()").scalar())
    return (version, *run(snap(version)))


@pytest.mark.embedded
def test_chdb_engine_version_is_current_and_clean() -> None:
    with tempfile.TemporaryDirectory(prefix="chwarden-adv-") as tmp:
        version, findings, not_checked = _judge_live_version(f"chdb://{tmp}")
    parsed = parse_version(version)
    assert parsed is not None and parsed.major >= 26 and not parsed.is_cloud
    assert not_checked == []
    assert [f.check_id for f in findings] == []


@pytest.mark.server
def test_debian_18_16_server_is_flagged(ch18_open: Any) -> None:
    version, findings, not_checked = _judge_live_version(str(ch18_open.http_url))
    assert version.startswith("18.16.")
    assert not_checked == []
    ids = {f.check_id for f in findings}
    assert ids == set(CHECK_IDS)
    assert "advisory:CVE-2019-16535" in {f.resource for f in findings}
