"""Issue 13: one root cause at a time (``caused_by``, ``root_causes``), shown in every format, and a
``confidence`` on every finding; inputs that could not be resolved become not_checked entries."""

from __future__ import annotations

import json
from pathlib import Path

from chwarden.audit import AuditOptions, audit_config
from chwarden.checks.root_causes import link_root_causes
from chwarden.model import Finding, Report, Severity
from chwarden.report import render

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


def finding(check_id: str, resource: str, severity: Severity, *causes: tuple[str, str]) -> Finding:
    made = Finding(
        check_id=check_id, title=check_id, severity=severity, target="t", resource=resource, fingerprint=check_id
    )
    return made.with_cause_candidates(causes)


def test_links_follow_chains_to_the_top_and_stop_at_cycles() -> None:
    root = finding("default_user_without_password", "user:default", Severity.CRITICAL)
    middle = finding("b", "user:default", Severity.HIGH, ("default_user_without_password", "user:default"))
    leaf = finding("c", "x", Severity.MEDIUM, ("b", "user:default"))
    loop_a = finding("d", "y", Severity.LOW, ("e", "z"))
    loop_b = finding("e", "z", Severity.LOW, ("d", "y"))
    missing = finding("f", "w", Severity.LOW, ("not_reported", "w"))
    linked, causes = link_root_causes([root, middle, leaf, loop_a, loop_b, missing])
    by_id = {f.check_id: f.caused_by for f in linked}
    assert by_id["b"] == by_id["c"] == "default_user_without_password"
    assert by_id["default_user_without_password"] is None and by_id["f"] is None
    assert {by_id["d"], by_id["e"]} <= {"d", "e"}  # a cycle ends without looping
    top = causes[0]
    assert (top.check_id, top.severity, sorted(top.closes)) == (
        "default_user_without_password",
        Severity.CRITICAL,
        ["b", "c"],
    )


def _report() -> Report:
    report, _ = audit_config(str(CORPUS / "doc_listen_any_default_open"), AuditOptions())
    return report


def test_the_passwordless_default_is_the_root_of_what_its_password_closes() -> None:
    report = _report()
    root = next(f for f in report.findings if f.check_id == "default_user_without_password")
    caused = {f.check_id for f in report.findings if f.caused_by == root.fingerprint}
    assert {"passwordless_login_from_network", "user_allowed_from_any_host", "readonly_not_enforced"} <= caused
    assert report.root_causes[0].fingerprint == root.fingerprint  # the worst root cause comes first
    assert report.root_causes[0].fix == root.remediation
    plain = {f.caused_by for f in report.findings if f.check_id == "plaintext_ports_enabled"}
    tls = next(f for f in report.findings if f.check_id == "no_tls_ports")
    assert plain == {tls.fingerprint}  # no TLS at all: one fix closes every plain port
    assert {f.confidence for f in report.findings} == {"inferred"}  # files only


def test_every_format_shows_the_grouping_and_the_confidence() -> None:
    report = _report()
    root = report.root_causes[0]
    assert "Fix first" in render(report, "terminal")
    markdown = render(report, "markdown")
    assert (
        "## Fix first" in markdown and "**Caused by:** fix \\#1" in markdown and "**Confidence:** inferred" in markdown
    )
    html = render(report, "html")
    assert "<h2>Fix first</h2>" in html and f'href="#finding-{root.fingerprint}"' in html and "caused by" in html
    sarif = json.loads(render(report, "sarif"))
    results = sarif["runs"][0]["results"]
    assert any(r["properties"].get("caused_by") == root.fingerprint for r in results)
    assert {r["properties"]["confidence"] for r in results} == {"inferred"}
    payload = json.loads(render(report, "json"))
    assert payload["schema_version"] == 2 and payload["root_causes"][0]["fingerprint"] == root.fingerprint
    assert all("confidence" in f for f in payload["findings"])


def test_unresolved_inputs_and_mapped_paths_are_said() -> None:
    report, snapshots = audit_config(str(CORPUS / "unresolved_inputs_copy"), AuditOptions())
    inputs = snapshots[0].inputs
    assert inputs is not None and inputs.mapped_paths == {
        "/etc/clickhouse-server/substitutions.xml": "substitutions.xml",
        "/etc/clickhouse-server/users.xml": "users.xml",
    }
    notes = report.targets[0].notes
    assert "/etc/clickhouse-server/users.xml read from the audited copy as users.xml" in notes
    unresolved = {n.resource for n in report.not_checked if n.check_id == "unresolved_config_input"}
    assert {"input:listen_host", "input:macros", "input:users.app.password"} <= unresolved
    listen = next(n for n in report.not_checked if n.resource == "input:listen_host")
    assert "CLICKHOUSE_LISTEN_HOST" in listen.reason and "config.xml:" in listen.reason
