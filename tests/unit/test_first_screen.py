"""The first screen (issue 17): where + one-line fix per finding, Fix first, grouped advisories and
gaps, a provenance header, and a layout readable at 80 columns without a word broken."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from chwarden.audit import AuditOptions, audit_config
from chwarden.model import (
    AttackPath,
    Finding,
    Location,
    NotChecked,
    Remediation,
    Report,
    Severity,
    TargetStatus,
)
from chwarden.report import render
from chwarden.report.overview import finding_groups, gap_groups, root_causes, upgrade_advice
from chwarden.report.terminal import print_report

CONFIGS = Path(__file__).resolve().parents[1] / "data" / "configs"
LONG_RESOURCE = "setting:access_control_improvements.select_from_system_db_requires_grant"


@pytest.fixture(scope="module")
def debian() -> Report:
    report, _ = audit_config(str(CONFIGS / "debian_18_16"), AuditOptions())
    return report


def _finding(check_id: str, resource: str, severity: Severity = Severity.HIGH, **more: object) -> Finding:
    fields: dict[str, object] = {
        "check_id": check_id,
        "title": f"title of {check_id}",
        "severity": severity,
        "target": "db1:8123",
        "resource": resource,
        "remediation": Remediation(text=f"fix {check_id} now."),
    }
    fields.update(more)
    return Finding(**fields)  # type: ignore[arg-type]


def _report(*findings: Finding, **more: object) -> Report:
    fields: dict[str, object] = {
        "command": "audit",
        "started_at": "2026-03-01T10:00:00Z",
        "finished_at": "2026-03-01T10:00:01Z",
        "findings": list(findings),
    }
    fields.update(more)
    return Report(**fields)  # type: ignore[arg-type]


def _advisory(n: int, pre_auth: bool, fixed_in: str) -> Finding:
    return _finding(
        "vulnerable_version",
        f"advisory:CVE-2024-{n:04d}",
        Severity.CRITICAL if pre_auth else Severity.MEDIUM,
        evidence={"version": "23.3.1.1", "pre_auth": pre_auth, "fixed_in": fixed_in},
        remediation=Remediation(text=f"Upgrade to {fixed_in} or later on the 23.3 line."),
    )


# --- where and the one-line fix -------------------------------------------------------------------


def test_each_finding_shows_where_and_its_fix_and_details_add_evidence(debian: Report) -> None:
    plain = render(debian, "terminal", width=100)
    assert "users.xml:46 · user:default · default_user_without_password" in plain
    assert "fix: Give `default` a strong password hash" in plain
    assert "auth_types:" not in plain and "<password_sha256_hex>" not in plain  # evidence and patches: --details
    detailed = render(debian, "terminal", width=100, details=True)
    assert "auth_types:" in detailed and "fix (xml):" in detailed
    # --details adds under each finding; it does not print a second list of the findings
    assert detailed.count("The default user accepts logins without a password") == plain.count(
        "The default user accepts logins without a password"
    )


def test_same_check_and_fix_is_one_entry_with_every_place(debian: Report) -> None:
    plain = render(debian, "terminal", width=100)
    assert plain.count("A cluster has no interserver secret") == 1
    assert "cluster_without_secret, 3 places:" in plain
    for cluster in ("test_cluster_two_shards_localhost", "test_shard_localhost", "test_shard_localhost_secure"):
        assert f"cluster:{cluster}" in plain


# --- Fix first ------------------------------------------------------------------------------------


def test_fix_first_names_the_root_cause_and_what_it_closes(debian: Report) -> None:
    causes = root_causes(debian)
    first = causes[0]
    assert first.finding.check_id == "default_user_without_password"
    assert {f.check_id for f in first.closes} == {"readonly_not_enforced", "ddl_allowed", "user_allowed_from_any_host"}
    plain = render(debian, "terminal", width=100)
    block = plain[plain.index("Fix first") : plain.index("Findings:")]
    assert "1. users.xml:46 · user:default · closes 4 findings (1 high, 2 medium, 1 low)" in block
    assert "ddl_allowed, readonly_not_enforced, user_allowed_from_any_host" in block
    assert "(goes away with fix 1 above)" in plain  # the closed findings point back at it


def test_fix_first_shows_the_top_attack_path_and_its_cheapest_cut() -> None:
    path = AttackPath(
        severity=Severity.CRITICAL,
        steps=[],
        summary="anyone → http 0.0.0.0:8123 → user default → default.log_stream — cheapest fix: set a password",
        score=0.9,
        fix_action="set a password for user default",
    )
    weaker = path.model_copy(update={"severity": Severity.MEDIUM, "summary": "other path", "score": 0.1})
    report = _report(_finding("default_user_without_password", "user:default"), attack_paths=[weaker, path])
    plain = render(report, "terminal", width=100)
    block = plain[plain.index("Fix first") :]
    assert "Top attack path (critical)" in block and "default.log_stream" in block
    assert "cut: set a password for user default" in block


def test_info_findings_are_never_fixed_first() -> None:
    assert root_causes(_report(_finding("server_display_name_leaked", "setting:display_name", Severity.INFO))) == []


# --- advisories -----------------------------------------------------------------------------------


def test_advisories_are_one_row_with_the_list_behind_details() -> None:
    report = _report(*(_advisory(n, pre_auth=n < 3, fixed_in=f"23.3.{n + 5}.1") for n in range(12)))
    (group,) = finding_groups(report)
    assert group.title == "12 known vulnerabilities in 23.3.1.1 (3 pre-auth)"
    assert group.fix == "upgrade to 23.3.16.1 or later (fixes all 12)"
    plain = render(report, "terminal", width=100)
    findings = plain[plain.index("Findings:") :]
    assert findings.count("known vulnerabilities") == 1 and "CVE-2024-0007" not in plain
    assert "1. 12 known vulnerabilities in 23.3.1.1 (3 pre-auth)" in plain  # one upgrade, first
    detailed = render(report, "terminal", width=100, details=True)
    assert "CVE-2024-0007" in detailed


def test_advisories_without_a_fix_on_their_line_name_a_supported_release() -> None:
    advice = "The 18.16 line got no fix for CVE-1; upgrade to the latest 26.8 LTS build (or 26.11)."
    findings = [
        _finding("vulnerable_version", "advisory:CVE-1", evidence={"fixed_in": "upgrade to a supported release"}),
    ]
    findings = [findings[0].model_copy(update={"remediation": Remediation(text=advice)})]
    assert upgrade_advice(findings).startswith("upgrade to the latest 26.8 LTS build (or 26.11)")


# --- provenance header and gaps -------------------------------------------------------------------


def test_header_says_target_login_lock_and_how_to_add_the_config() -> None:
    status = TargetStatus(
        target="db1:8123",
        status="complete",
        kind="live",
        login_user="auditor",
        session_lock="server read-only: readonly=1, max_execution_time=20",
        server_version="24.8.4.13",
    )
    gaps = [
        NotChecked(check_id=f"check_{n}", target="db1:8123", reason="users: users.xml is not visible over SQL")
        for n in range(20)
    ]
    report = _report(_finding("x", "user:a"), targets=[status], not_checked=gaps)
    plain = render(report, "terminal", width=100)
    header = plain[: plain.index("Findings:")]
    assert "chwarden audit · db1:8123" in header
    assert "live server, ClickHouse 24.8.4.13" in header and "login      auditor" in header
    assert "lock       readonly=1, max_execution_time=20" in header
    assert "none read: add --config DIR" in header
    assert "20 need the server's config files: add --config DIR" in header
    assert "check_7" not in plain  # never 20 identical rows
    assert "check_7" in render(report, "terminal", width=100, details=True)


def test_gaps_are_grouped_by_reason_with_a_hint(debian: Report) -> None:
    groups = {g.label: g for g in gap_groups(debian)}
    assert len(groups["need the running server"].checks) >= 10
    assert groups["need the running server"].hint == "audit it live: chwarden audit URL --config DIR"
    assert "need table data" in groups


def test_offline_header_lists_what_was_read(debian: Report) -> None:
    header = render(debian, "terminal", width=100).split("Fix first")[0]
    assert "config files, offline" in header and "2 files read: config.xml, users.xml" in header


# --- width and layout -----------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 100, 132])
def test_readable_at_any_width_without_a_broken_word(width: int, debian: Report) -> None:
    long = _finding("system_tables_readable_without_grant", LONG_RESOURCE, location=Location(file="config.xml"))
    report = debian.model_copy(update={"findings": [*debian.findings, long]})
    plain = render(report, "terminal", width=width)
    words = {
        w for f in report.findings for w in (f.title + " " + f.resource + " " + (f.remediation.text or "")).split()
    }
    lines = plain.splitlines()
    for line in lines:
        # a line is longer than the width only when it holds one word that alone is longer
        assert len(line) <= width or len(line.strip()) > width - 10, line
    text_words = set(" ".join(lines).split())
    missing = {w for w in words if len(w) > 3 and w not in text_words and not any(w in t for t in text_words)}
    assert not missing, sorted(missing)[:10]
    assert LONG_RESOURCE in plain  # whole, on one line


def test_plain_layout_without_a_terminal(debian: Report) -> None:
    buffer = io.StringIO()
    print_report(debian, Console(file=buffer, width=80, force_terminal=False))
    text = buffer.getvalue()
    assert "\x1b[" not in text
    assert not re.search("[┏┃━│└┘┌┐╇]", text)  # no box drawing when piped


def test_colour_only_on_request(debian: Report) -> None:
    assert "\x1b[" in render(debian, "terminal", width=100, color=True)
    assert "\x1b[" not in render(debian, "terminal", width=100)
