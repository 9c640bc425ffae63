"""Exit codes: every command with ``--fail-on``, at, below and above the threshold.

The decision is pure logic over a finished report, so each command's library call returns a recorded
report here (audit reads a real snapshot file); the command-line code that picks the exit code runs
as a user would run it. The assess rows pin that attack-path severities count, not only findings.
"""

from __future__ import annotations

import types
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chwarden import cli
from chwarden.cli import EXIT_FINDINGS, EXIT_OK, app
from chwarden.cli import assess as cli_assess
from chwarden.cli import common as cli_common
from chwarden.cli import discover as cli_discover
from chwarden.cli import scan as cli_scan
from chwarden.cli.assess import _exit_code as _assess_exit_code
from chwarden.cli.common import FailOn
from chwarden.cli.common import exit_code_for as _exit_code_for
from chwarden.facts import SensitiveData
from chwarden.model import AttackPath, Finding, Report, Severity, TargetStatus
from tests.unit.snapshots import modern_snapshot

SEVERITIES = list(Severity)  # critical, high, medium, low, info
STAMP = {"started_at": "2026-03-01T10:00:00+00:00", "finished_at": "2026-03-01T10:00:01+00:00"}


def finding(severity: Severity, resource: str = "user:default") -> Finding:
    return Finding(check_id="c", title="t", severity=severity, target="db:8123", resource=resource)


def path(severity: Severity) -> AttackPath:
    return AttackPath(severity=severity, steps=[{"id": "net"}], summary="anyone → default → logs")


def report(*findings: Finding, paths: tuple[AttackPath, ...] = (), command: str = "audit") -> Report:
    return Report(command=command, findings=list(findings), attack_paths=list(paths), **STAMP)


def expected(worst: Severity | None, fail_on: Severity) -> int:
    """1 when the worst severity is at or above the threshold."""
    return EXIT_FINDINGS if worst is not None and worst.rank >= fail_on.rank else EXIT_OK


def exit_code_for(rep: Report, fail_on: Severity) -> int:
    """The audit/scan/discover exit code with ``--fail-on`` at ``fail_on``."""
    return _exit_code_for(rep, FailOn(fail_on.value))


def _exit_code(rep: Report, fail_on: Severity) -> int:
    """assess's exit code (findings and attack paths) with ``--fail-on`` at ``fail_on``."""
    return _assess_exit_code(rep, FailOn(fail_on.value))


MATRIX = [(worst, fail_on) for worst in SEVERITIES for fail_on in SEVERITIES]


@pytest.mark.parametrize(("worst", "fail_on"), MATRIX, ids=[f"{w.value}-vs-{f.value}" for w, f in MATRIX])
def test_exit_code_for_every_severity_against_every_threshold(worst: Severity, fail_on: Severity) -> None:
    assert exit_code_for(report(finding(worst)), fail_on) == expected(worst, fail_on)


def test_fail_on_counts_the_first_finding() -> None:
    """Kills `--fail-on` ignoring the first finding (findings[1:]): the only serious one comes first."""
    assert exit_code_for(report(finding(Severity.HIGH), finding(Severity.LOW)), Severity.HIGH) == EXIT_FINDINGS
    assert exit_code_for(report(finding(Severity.LOW), finding(Severity.HIGH)), Severity.HIGH) == EXIT_FINDINGS


@pytest.mark.parametrize("worst", SEVERITIES)
def test_fail_on_none_never_fails(worst: Severity) -> None:
    assert _exit_code_for(report(finding(worst)), FailOn.none) == EXIT_OK
    assert _assess_exit_code(report(finding(worst), paths=(path(worst),)), FailOn.none) == EXIT_OK


def test_no_findings_exit_0_even_at_info() -> None:
    assert exit_code_for(report(), Severity.INFO) == EXIT_OK
    assert _exit_code(report(), Severity.INFO) == EXIT_OK


@pytest.mark.parametrize(("worst", "fail_on"), MATRIX, ids=[f"{w.value}-vs-{f.value}" for w, f in MATRIX])
def test_assess_exit_code_honours_attack_path_severities(worst: Severity, fail_on: Severity) -> None:
    """Kills the assess exit code that looks at findings only: here the only severity is a path's."""
    assert _exit_code(report(paths=(path(worst),)), fail_on) == expected(worst, fail_on)


def test_assess_exit_code_still_counts_findings_and_every_path() -> None:
    assert _exit_code(report(finding(Severity.CRITICAL)), Severity.CRITICAL) == EXIT_FINDINGS
    mixed = report(finding(Severity.LOW), paths=(path(Severity.INFO), path(Severity.HIGH)))
    assert _exit_code(mixed, Severity.HIGH) == EXIT_FINDINGS
    assert _exit_code(mixed, Severity.CRITICAL) == EXIT_OK


# ---- the commands, as a user runs them -----------------------------------------------------------

THRESHOLDS = [("critical", EXIT_OK), ("high", EXIT_FINDINGS), ("medium", EXIT_FINDINGS)]  # worst is HIGH


def _invoke(args: list[str]) -> Any:
    return CliRunner().invoke(app, args)


@pytest.fixture
def high_snapshot(tmp_path: Path) -> Path:
    """A saved snapshot whose only finding (with --check) is a secret in table data: HIGH."""
    data = [
        SensitiveData(
            category="secret",
            detector="openai_project_key",
            database="app",
            table="logs",
            column="message",
            rows_matched=3,
            rows_scanned=100,
            target="db:8123",
            sampled=False,
            examples=["sk-p…(redacted, sha256:00000000)"],
        )
    ]
    out = tmp_path / "facts.json"
    out.write_text(modern_snapshot(sensitive_data=data).model_dump_json(), encoding="utf-8")
    return out


@pytest.mark.parametrize(("fail_on", "code"), THRESHOLDS)
def test_audit_exit_code_at_below_and_above_fail_on(high_snapshot: Path, fail_on: str, code: int) -> None:
    args = ["audit", "--snapshot", str(high_snapshot), "--check", "secrets_in_table_data", "-f", "json"]
    result = _invoke([*args, "--fail-on", fail_on])
    assert '"severity": "high"' in result.stdout
    assert result.exit_code == code, result.output


def _scan_outcome(rep: Report) -> Any:
    run = types.SimpleNamespace(probes=1, connections=1, elapsed_s=0.1, probes_per_second=10.0, pacing={})
    return types.SimpleNamespace(report=rep, run=run, snapshots=[])


@pytest.mark.parametrize(("fail_on", "code"), THRESHOLDS)
def test_scan_exit_code_at_below_and_above_fail_on(monkeypatch: pytest.MonkeyPatch, fail_on: str, code: int) -> None:
    done = report(finding(Severity.HIGH), command="scan")
    monkeypatch.setattr(cli_scan, "run_scan", lambda *a, **k: _scan_outcome(done))
    result = _invoke(["scan", "127.0.0.1", "--no-progress", "-f", "json", "--fail-on", fail_on])
    assert result.exit_code == code, result.output


def test_scan_exit_code_3_when_no_target_could_be_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    failed = Report(command="scan", targets=[TargetStatus(target="127.0.0.1", status="failed")], **STAMP)
    monkeypatch.setattr(cli_scan, "run_scan", lambda *a, **k: _scan_outcome(failed))
    assert _invoke(["scan", "127.0.0.1", "--no-progress", "-f", "json"]).exit_code == cli.EXIT_UNREACHABLE


@pytest.mark.parametrize(("fail_on", "code"), THRESHOLDS)
def test_discover_exit_code_at_below_and_above_fail_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fail_on: str, code: int
) -> None:
    done = report(finding(Severity.HIGH), command="discover")
    monkeypatch.setattr(cli_discover, "discover_files", lambda *a, **k: None)
    monkeypatch.setattr(cli_discover, "build_report", lambda *a, **k: done)
    log = tmp_path / "x.log"
    log.write_text("nothing secret here\n", encoding="utf-8")
    result = _invoke(["discover", str(log), "--no-progress", "-f", "json", "--fail-on", fail_on])
    assert result.exit_code == code, result.output


@pytest.mark.parametrize(("fail_on", "code"), THRESHOLDS)
def test_assess_command_exit_code_from_a_path_alone(monkeypatch: pytest.MonkeyPatch, fail_on: str, code: int) -> None:
    """The assess command: no finding at all, one HIGH attack path; the path decides the exit code."""
    done = report(paths=(path(Severity.HIGH),), command="assess")
    monkeypatch.setattr(cli_assess, "run_assess", lambda *a, **k: (done, []))
    monkeypatch.delenv("CLICKHOUSE_PASSWORD", raising=False)
    result = _invoke(["assess", "http://127.0.0.1:1", "-f", "json", "--fail-on", fail_on])
    assert result.exit_code == code, result.output


def test_assess_exit_code_3_when_every_target_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    failed = Report(command="assess", targets=[TargetStatus(target="t", status="failed", errors=["down"])], **STAMP)
    monkeypatch.setattr(cli_assess, "run_assess", lambda *a, **k: (failed, []))
    monkeypatch.delenv("CLICKHOUSE_PASSWORD", raising=False)
    result = _invoke(["assess", "http://127.0.0.1:1", "-f", "json"])
    assert result.exit_code == cli.EXIT_UNREACHABLE
    assert "chwarden: t: down" in result.stderr


# ---- fail() and main(): the usage error line and the last-resort exit codes ----------------------


def test_fail_prints_one_error_line_on_stderr_and_exits_with_the_code(capsys: pytest.CaptureFixture[str]) -> None:
    import typer

    with pytest.raises(typer.Exit) as exit_info:
        cli_common.fail("bad input", cli.EXIT_USAGE)
    assert exit_info.value.exit_code == 2
    captured = capsys.readouterr()
    assert captured.err == "chwarden: error: bad input\n" and captured.out == ""


def test_usage_error_exit_code_is_2() -> None:
    result = _invoke(["audit"])
    assert result.exit_code == cli.EXIT_USAGE == 2
    assert result.stderr.startswith("chwarden: error: give exactly one of TARGET")


def test_interrupt_exits_130_with_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(**_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "app", interrupted)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 130
    assert capsys.readouterr().err == "chwarden: interrupted\n"


def test_internal_error_line_is_exact(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(**_: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(cli, "app", broken)
    monkeypatch.delenv("CHWARDEN_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 4
    assert capsys.readouterr().err == (
        "chwarden: internal error: KeyError: 'boom' (set CHWARDEN_DEBUG=1 for the traceback)\n"
    )


def test_normal_run_returns_without_exiting(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(cli, "app", lambda **_: calls.append("ran"))
    cli.main()
    assert calls == ["ran"]
