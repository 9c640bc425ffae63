"""Issue 17 against real 18.16 servers: errors a user can act on, distinct exit codes, the password
prompt, clickhouse-client's environment, the live provenance header and SARIF, discover's scope,
harden from a real server, and the scan of an interserver port and of personal-data columns."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.harness.ch18 import ClickHouse18Server
from tests.harness.cli import run_chwarden

ONE_LINE = "Traceback"


def error_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and ONE_LINE not in result.stderr, result.stderr
    assert "[Errno" not in lines[0] and "DB::Exception" not in lines[0] and "e.displayText()" not in lines[0]
    return lines[0]


# --- exit codes and messages ----------------------------------------------------------------------


def test_login_refused_is_exit_5_with_what_to_try(ch18_password: ClickHouse18Server) -> None:
    for url in (ch18_password.http_url, ch18_password.native_url):
        result = run_chwarden("audit", url, "--no-probe")
        assert result.returncode == 5, result.stderr
        line = error_line(result)
        address = f"{ch18_password.host}:{url.rsplit(':', 1)[1]}"
        assert line.count(address) == 1, line  # the address once, never repeated
        assert "login refused: Password required for user default (code 194)" in line
        assert "--ask-password, CLICKHOUSE_PASSWORD or --password-file" in line
    unknown = run_chwarden("audit", ch18_password.http_url, "--no-probe", "--user", "nobody")
    assert unknown.returncode == 5 and "check the user name (--user or CLICKHOUSE_USER)" in error_line(unknown)


def test_unreachable_is_exit_3_in_words(ch18_env: object) -> None:
    host = ch18_env.unused_host()  # type: ignore[attr-defined]
    for url in (f"http://{host}:8123", f"clickhouse://{host}:9000"):
        result = run_chwarden("audit", url, "--no-probe", "--connect-timeout", "2")
        assert result.returncode == 3
        line = error_line(result)
        port = url.rsplit(":", 1)[1]
        assert line == f"chwarden: error: {host}:{port}: connection refused (nothing listens on this port)"


@pytest.mark.parametrize(
    ("scheme", "port", "hint"),
    [
        ("https", "http_port", "this port speaks plain HTTP: use http://"),
        ("http", "tcp_port", "this port speaks ClickHouse's native protocol: use clickhouse://"),
        ("clickhouse", "http_port", "this port speaks plain HTTP: use http://"),
        ("clickhouses", "tcp_port", "this port speaks ClickHouse's native protocol: use clickhouse://"),
    ],
)
def test_wrong_protocol_is_exit_6_with_the_right_url(
    ch18_open: ClickHouse18Server, scheme: str, port: str, hint: str
) -> None:
    number = getattr(ch18_open, port)
    result = run_chwarden("audit", f"{scheme}://{ch18_open.host}:{number}", "--no-probe", "--connect-timeout", "2")
    assert result.returncode == 6, result.stderr
    line = error_line(result)
    assert hint in line and f"{ch18_open.host}:{number}" in line


def test_assess_names_a_failed_target_once(ch18_env: object) -> None:
    host = ch18_env.unused_host()  # type: ignore[attr-defined]
    result = run_chwarden("assess", f"clickhouse://{host}:9000", "--connect-timeout", "1")
    assert result.returncode == 3
    line = error_line(result)
    assert line.count(f"{host}:9000") == 1, line


# --- the password prompt and clickhouse-client's environment -------------------------------------


def _run_in_pty(args: list[str], answer: str, env: dict[str, str], timeout: float = 120) -> tuple[int, str]:
    """Run chwarden with a terminal as stdin; answer the first prompt; return (exit code, all output)."""
    controller, terminal = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "chwarden", *args],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env=env,
        start_new_session=True,
    )
    os.close(terminal)
    output = b""
    answered = False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
            if not answered and b"Password for" in output:
                os.write(controller, answer.encode() + b"\n")
                answered = True
        elif proc.poll() is not None:
            break
    proc.wait(timeout=10)
    os.close(controller)
    return proc.returncode, output.decode("utf-8", "replace")


def test_a_user_without_a_password_is_asked_on_a_terminal(ch18_password: ClickHouse18Server) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLICKHOUSE_")}
    code, output = _run_in_pty(
        ["audit", ch18_password.http_url, "--user", "default", "--no-probe", "-q", "--fail-on", "none"],
        ch18_password.default_password,
        env,
    )
    assert f"Password for default@{ch18_password.host}:8123:" in output
    assert ch18_password.default_password not in output  # not echoed
    assert code == 0, output


def test_no_prompt_without_a_terminal(ch18_password: ClickHouse18Server) -> None:
    result = run_chwarden("audit", ch18_password.http_url, "--user", "default", "--no-probe")
    assert result.returncode == 5 and "Password for" not in result.stderr + result.stdout


def test_clickhouse_client_environment(ch18_password: ClickHouse18Server, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    env = {
        "CLICKHOUSE_HOST": ch18_password.host,
        "CLICKHOUSE_PORT": str(ch18_password.tcp_port),
        "CLICKHOUSE_USER": "default",
        "CLICKHOUSE_PASSWORD": ch18_password.default_password,
    }
    result = run_chwarden("audit", "--no-probe", "-f", "json", "-o", str(out), env=env)
    assert result.returncode in (0, 1), result.stderr
    (target,) = json.loads(out.read_text())["targets"]
    assert target["target"] == f"{ch18_password.host}:{ch18_password.tcp_port}" and target["login_user"] == "default"


# --- the live first screen and SARIF --------------------------------------------------------------


def test_live_header_names_login_lock_and_config(ch18_open: ClickHouse18Server, tmp_path: Path) -> None:
    plain = run_chwarden("audit", ch18_open.http_url, "--no-probe", "--no-local-config").stdout
    header = plain.split("Fix first")[0]
    assert "live server, ClickHouse 18.16.1" in header and "login      default" in header
    assert "lock       readonly=1" in header and "none read: add --config DIR" in header
    assert "need the server's config files: add --config DIR" in header
    with_config = run_chwarden("audit", ch18_open.http_url, "--no-probe", "--config", str(ch18_open.config_dir)).stdout
    assert f"config     {ch18_open.config_dir} read" in with_config.split("Fix first")[0]


def test_live_sarif_names_the_config_directory(ch18_open: ClickHouse18Server, tmp_path: Path) -> None:
    out = tmp_path / "r.sarif"
    result = run_chwarden(
        "audit", ch18_open.http_url, "--no-probe", "--config", str(ch18_open.config_dir), "-o", str(out)
    )
    assert result.returncode == 1, result.stderr
    (run,) = json.loads(out.read_text())["runs"]
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == ch18_open.config_dir.as_uri() + "/"
    assert run["automationDetails"]["id"] == "chwarden/audit/etc/"
    located = [r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId")]
    assert located and all(
        not r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("/") for r in located
    )


# --- discover's scope, harden from a server -------------------------------------------------------


@pytest.mark.parametrize(("option", "name"), [("--database", "no_such_db"), ("--table", "no_such_table")])
def test_discover_scope_that_does_not_exist_is_exit_2(ch18_open: ClickHouse18Server, option: str, name: str) -> None:
    result = run_chwarden("discover", ch18_open.http_url, option, name, "--no-progress")
    assert result.returncode == 2
    assert f"{option} {name}: no such" in error_line(result) and "No findings" not in result.stdout


def test_harden_takes_the_version_from_the_server(ch18_open: ClickHouse18Server, tmp_path: Path) -> None:
    result = run_chwarden("harden", "--out", str(tmp_path / "h"), "--version-from", ch18_open.http_url)
    assert result.returncode == 0, result.stderr
    assert "target version: 18.16 (from " in result.stdout and "next steps:" in result.stdout
    assert "<yandex>" in (tmp_path / "h" / "users.d" / "40-users.xml").read_text()


# --- scan: the interserver port and personal-data columns ----------------------------------------


def test_scan_recognises_the_interserver_port_and_personal_columns(ch18_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    server = ch18_factory(extra_config="<interserver_http_port>9009</interserver_http_port>")
    server.admin_query("CREATE TABLE default.customers (id UInt64, email String, phone String) ENGINE = Memory")
    out = tmp_path / "scan.json"
    result = run_chwarden("scan", server.host, "--ports", "8123,9009", "--no-progress", "-o", str(out))
    assert result.returncode == 1, result.stderr
    report = json.loads(out.read_text())
    ports = {e["port"]: e for e in report["endpoints"]}
    assert ports[9009]["protocol"] == "interserver" and ports[9009]["clickhouse"] is True
    findings = {f["check_id"]: f for f in report["findings"]}
    assert findings["interserver_endpoint_exposed"]["resource"].endswith(":9009")
    exposed = [f for f in report["findings"] if f["check_id"] == "sensitive_tables_exposed"]
    customers = next(f for f in exposed if f["resource"] == "table:default.customers")
    assert customers["evidence"]["looks_like"] == ["personal data"]
    assert {"column:email", "column:phone"} <= set(customers["evidence"]["because"]["personal data"])
