"""The conventions users of Trivy, Checkov and nuclei reach for first, as a user runs them (subprocesses).

--version, --fail-on none..critical, --severity, -q/-v, NO_COLOR, an options file (chwarden.toml or
[tool.chwarden] in pyproject.toml), shell completion, `chwarden explain`, --help with examples and
exit codes on every command, and input errors that are exit 2 with one line.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from chwarden import __version__
from chwarden.cli import COMMANDS
from chwarden.cli.common import target_from_environment
from tests.harness.cli import run_chwarden

CONFIGS = Path(__file__).resolve().parents[1] / "data" / "configs"
DEBIAN = CONFIGS / "docker_skip_setup"  # the breach: default without a password, on every interface
DEBIAN_1816 = CONFIGS / "debian_18_16"  # the package's own files: listens on loopback only
COLOUR = re.compile(r"\x1b\[(?:\d+;)*(?:3[0-7]|9[0-7]|38;5;\d+|4[0-7])m")


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_chwarden(*args, cwd=cwd, env=env, clean=True, timeout=120)


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_version() -> None:
    for flag in ("--version", "-V"):
        result = run(flag)
        assert result.returncode == 0 and result.stdout.strip() == f"chwarden {__version__}"


@pytest.mark.parametrize("command", [c.name for c in COMMANDS])
def test_every_command_help_has_examples_and_exit_codes(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Exit codes:" in result.stdout and "5  the server refused the login" in result.stdout
    if command not in ("version",):
        assert "Examples:" in result.stdout and f"chwarden {command}" in result.stdout


def test_root_help_lists_commands_examples_and_exit_codes() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert all(c.name in result.stdout for c in COMMANDS)
    assert "Examples:" in result.stdout and "6  the port answers, but not as ClickHouse" in result.stdout


@pytest.mark.parametrize(("fail_on", "code"), [("none", 0), ("critical", 1), ("high", 1), ("info", 1), ("NONE", 0)])
def test_fail_on_levels(fail_on: str, code: int) -> None:
    assert run("audit", "--config", str(DEBIAN), "-q", "--fail-on", fail_on).returncode == code


def test_fail_on_unknown_is_a_usage_error() -> None:
    assert run("audit", "--config", str(DEBIAN), "--fail-on", "severe").returncode == 2


def test_severity_filters_what_is_shown_and_the_exit_code_follows(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = run("audit", "--config", str(DEBIAN), "--severity", "critical,high", "-f", "json", "-o", str(out))
    report = json.loads(out.read_text())
    assert result.returncode == 1
    assert {f["severity"] for f in report["findings"]} == {"critical", "high"}
    assert report["summary"]["by_severity"]["low"] == 0
    # only lows shown: nothing at or above --fail-on high is shown, so the run passes
    assert run("audit", "--config", str(DEBIAN), "-s", "low", "-q").returncode == 0
    assert run("audit", "--config", str(DEBIAN), "--severity", "urgent").returncode == 2


def test_quiet_and_verbose(tmp_path: Path) -> None:
    quiet = run("audit", "--config", str(DEBIAN), "-q")
    assert "Fix first" not in quiet.stdout and "not run" not in quiet.stdout
    assert "CRITICAL" in quiet.stdout and quiet.stderr == ""
    written = run("audit", "--config", str(DEBIAN), "-q", "-f", "json", "-o", str(tmp_path / "r.json"))
    assert written.stderr == "" and written.stdout == ""
    verbose = run("audit", "--config", str(DEBIAN_1816), "-v")
    assert "Not checked: 20" in verbose.stdout and "credentials_in_table_engine" in verbose.stdout
    assert run("audit", "--config", str(DEBIAN), "-q", "-v").returncode == 2


def test_no_color_wins_over_force_color() -> None:
    coloured = run("audit", "--config", str(DEBIAN), env={"FORCE_COLOR": "1"})
    assert COLOUR.search(coloured.stdout)
    plain = run("audit", "--config", str(DEBIAN), env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not COLOUR.search(plain.stdout) and "CRITICAL" in plain.stdout


def test_piped_output_has_no_escape_codes() -> None:
    assert "\x1b[" not in run("audit", "--config", str(DEBIAN)).stdout


def test_columns_is_honoured() -> None:
    for width in (80, 120):
        out = run("audit", "--config", str(DEBIAN), env={"COLUMNS": str(width)}).stdout
        lengths = [len(line) for line in out.splitlines()]
        assert max(lengths) <= width
        assert max(lengths) > width - 15  # the width is used, not a fixed one


# --- options file ---------------------------------------------------------------------------------


def test_chwarden_toml_sets_defaults_and_the_command_line_wins(tmp_path: Path) -> None:
    shutil.copytree(DEBIAN, tmp_path / "deploy" / "clickhouse")
    (tmp_path / "chwarden.toml").write_text(
        'fail-on = "critical"\n\n[audit]\nconfig = "deploy/clickhouse"\nquiet = true\n', encoding="utf-8"
    )
    result = run("audit", cwd=tmp_path)  # no argument: everything comes from the file
    assert result.returncode == 1 and "CRITICAL" in result.stdout and "Fix first" not in result.stdout
    assert run("audit", "--fail-on", "none", cwd=tmp_path).returncode == 0


def test_pyproject_tool_chwarden(tmp_path: Path) -> None:
    shutil.copytree(DEBIAN, tmp_path / "ch")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.chwarden]\nfail-on = "none"\n\n[tool.chwarden.audit]\nconfig = "ch"\n',
        encoding="utf-8",
    )
    result = run("audit", "-q", cwd=tmp_path)
    assert result.returncode == 0 and "CRITICAL" in result.stdout


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[audit]\nfial-on = 'high'\n", "[audit] has no option 'fial-on'"),
        ("[audits]\nconfig = 'x'\n", "unknown command [audits]"),
        ("config = 'x'\n", "cannot stand at the top level"),
        ("fail-on = \n", "not valid TOML"),
    ],
)
def test_options_file_mistakes_are_input_errors(tmp_path: Path, text: str, words: str) -> None:
    (tmp_path / "chwarden.toml").write_text(text, encoding="utf-8")
    result = run("audit", "--config", str(DEBIAN), cwd=tmp_path)
    assert result.returncode == 2 and words in one_error_line(result)


def test_options_file_can_be_named_or_turned_off(tmp_path: Path) -> None:
    named = tmp_path / "ci.toml"
    named.write_text('[audit]\nfail-on = "none"\n', encoding="utf-8")
    assert run("audit", "--config", str(DEBIAN), "-q", env={"CHWARDEN_OPTIONS": str(named)}).returncode == 0
    (tmp_path / "chwarden.toml").write_text('[audit]\nfail-on = "none"\n', encoding="utf-8")
    assert run("audit", "--config", str(DEBIAN), "-q", cwd=tmp_path, env={"CHWARDEN_OPTIONS": ""}).returncode == 1


# --- completion, explain --------------------------------------------------------------------------


def test_shell_completion() -> None:
    # Typer detects the shell from the process tree (a detached test run has no shell above it);
    # with detection off, --show-completion takes the shell's name, as its own tests do.
    script = run("--show-completion", "bash", env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert script.returncode == 0 and "_CHWARDEN_COMPLETE" in script.stdout
    words = run(env={"_CHWARDEN_COMPLETE": "complete_bash", "COMP_WORDS": "chwarden au", "COMP_CWORD": "1"})
    assert words.stdout.split() == ["audit", "assess"] or "audit" in words.stdout.split()
    options = run(env={"_CHWARDEN_COMPLETE": "complete_bash", "COMP_WORDS": "chwarden audit --fail", "COMP_CWORD": "2"})
    assert "--fail-on" in options.stdout


def test_explain_a_check(tmp_path: Path) -> None:
    result = run("explain", "default_user_without_password")
    assert result.returncode == 0
    for section in ("Why it matters:", "Evidence a finding shows:", "Fix:", "References:"):
        assert section in result.stdout
    assert "auth_types" in result.stdout and "severity critical" in result.stdout
    payload = json.loads(run("explain", "-f", "json", "vulnerable_version").stdout)
    assert "pre_auth" in payload["evidence_fields"] and payload["references"]
    report = tmp_path / "r.json"
    run("audit", "--config", str(DEBIAN_1816), "-q", "-f", "json", "-o", str(report))
    with_report = run("explain", "cluster_without_secret", "--report", str(report)).stdout
    assert "In this report: 3 finding(s)" in with_report and "config.xml:176" in with_report


def test_explain_unknown_check_suggests_close_ids() -> None:
    result = run("explain", "default_user")
    assert result.returncode == 2 and "did you mean default_user_without_password" in one_error_line(result)


# --- inputs that are errors -----------------------------------------------------------------------


def test_graph_formats_need_attack_paths() -> None:
    for fmt in ("mermaid", "dot"):
        result = run("audit", "--config", str(DEBIAN), "-f", fmt)
        assert result.returncode == 2 and "no attack paths to draw" in one_error_line(result)


@pytest.mark.parametrize("path", ["/nonexistent/export.parquet", "/proc/self/mem", "/tmp"])
def test_discover_on_a_file_it_cannot_read_is_exit_2(path: str) -> None:
    result = run("discover", path, "--no-progress")
    assert result.returncode == 2, result.stderr
    assert path in one_error_line(result) and "No findings" not in result.stdout


def test_clickhouse_client_environment_names_the_target() -> None:
    assert target_from_environment({"CLICKHOUSE_HOST": "db1"}) == "clickhouse://db1:9000"
    assert target_from_environment({"CLICKHOUSE_HOST": "db1", "CLICKHOUSE_SECURE": "true"}) == "clickhouses://db1:9440"
    assert target_from_environment({"CLICKHOUSE_HOST": "::1", "CLICKHOUSE_PORT": "19000"}) == "clickhouse://[::1]:19000"
    assert target_from_environment({}) is None
    result = run("audit", env={"CLICKHOUSE_HOST": "db1", "CLICKHOUSE_PORT": "nine"})
    assert result.returncode == 2 and "CLICKHOUSE_PORT" in one_error_line(result)


def test_no_target_at_all_says_what_to_give() -> None:
    result = run("audit")
    assert result.returncode == 2 and "--find-config" in one_error_line(result)
