"""Issue 2 acceptance, end to end through the `chwarden` command against real engines.

Each test runs the real CLI in a subprocess (as a user would) against 18.16 servers started by
the harness or against chdb, and checks the report contract, exit codes, read-only behaviour,
error handling and redaction.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.harness import fake_services
from tests.harness.ch18 import ClickHouse18Server
from tests.harness.cli import run_chwarden as chwarden

SCHEMA = json.loads(
    (Path(__file__).parents[2] / "src/chwarden/report/schemas/report-v2.schema.json").read_text(encoding="utf-8")
)
VERSION_CHECKS = {"vulnerable_version", "unsupported_release_line", "secrets_not_masked_by_version"}
READ_WORDS = ("SELECT", "SHOW", "DESCRIBE", "DESC", "EXISTS", "WITH", "(SELECT")


def audit_json(
    tmp_path: Path, target: str, *extra: str, env: dict[str, str] | None = None
) -> tuple[int, dict[str, Any]]:
    out = tmp_path / "r.json"
    result = chwarden("audit", target, "--format", "json", "--output", str(out), *extra, env=env)
    assert "Traceback" not in result.stderr, result.stderr
    assert out.exists(), result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(report, SCHEMA)
    return result.returncode, report


def findings_of(report: dict[str, Any], check_id: str) -> list[dict[str, Any]]:
    return [f for f in report["findings"] if f["check_id"] == check_id]


def test_debian_default_server_is_reported_like_deepseek(
    ch18_debian_default: ClickHouse18Server, tmp_path: Path
) -> None:
    code, report = audit_json(tmp_path, ch18_debian_default.http_url)
    assert code == 1
    assert report["schema_version"] == 2 and report["command"] == "audit"
    assert report["tool"]["name"] == "chwarden"
    nopass = findings_of(report, "default_user_without_password")
    assert [f["severity"] for f in nopass] == ["critical"]
    assert nopass[0]["resource"] == "user:default"
    assert nopass[0]["remediation"]["xml"]  # users.xml era: the fix is XML
    any_host = findings_of(report, "user_allowed_from_any_host")
    assert any(f["resource"] == "user:default" for f in any_host)
    assert any(f["evidence"] for f in any_host)
    versions = findings_of(report, "vulnerable_version")
    assert any("CVE-2019-16535" in f["resource"] for f in versions)
    further = (
        {f["check_id"] for f in report["findings"]}
        - VERSION_CHECKS
        - {
            "default_user_without_password",
            "user_allowed_from_any_host",
        }
    )
    assert len(further) >= 10, sorted(further)
    for finding in report["findings"]:
        assert finding["remediation"]["text"] or finding["remediation"]["sql"] or finding["remediation"]["xml"]
        assert finding["references"], finding["check_id"]
    status = {key: report["targets"][0][key] for key in ("target", "status", "errors")}
    assert len(report["targets"]) == 1 and status == {"target": status["target"], "status": "complete", "errors": []}


def test_hardened_server_has_no_critical_or_high_besides_versions(
    ch18_hardened: ClickHouse18Server, tmp_path: Path
) -> None:
    assert ch18_hardened.ca_file
    code, report = audit_json(
        tmp_path,
        ch18_hardened.https_url,
        "--user",
        "auditor",
        "--ca-file",
        ch18_hardened.ca_file,
        env={"CLICKHOUSE_PASSWORD": ch18_hardened.auditor_password},
    )
    serious = [
        (f["check_id"], f["resource"])
        for f in report["findings"]
        if f["severity"] in ("critical", "high") and f["check_id"] not in VERSION_CHECKS
    ]
    assert serious == []
    assert report["targets"][0]["status"] == "complete"
    assert code == 1  # the 18.16 advisories alone are high/critical


def test_full_audit_sends_only_reads(ch18_password: ClickHouse18Server, tmp_path: Path) -> None:
    code, report = audit_json(
        tmp_path,
        ch18_password.http_url,
        "--user",
        "auditor",
        env={"CLICKHOUSE_PASSWORD": ch18_password.auditor_password},
    )
    assert code == 1 and report["findings"]
    logged = ch18_password.query_log("auditor")
    assert len(logged) >= 10
    for _kind, query in logged:
        first = re.sub(r"^(\s|/\*.*?\*/|--[^\n]*\n)*", "", query, flags=re.DOTALL).split(None, 1)[0].upper()
        assert first.startswith(READ_WORDS), query


def test_write_is_refused_before_it_is_sent(ch18_open: ClickHouse18Server) -> None:
    from chwarden.connect import Credentials, WriteRefused, connect, parse_target

    marker = "chwarden_acceptance_victim"
    ch18_open.admin_query(f"CREATE TABLE IF NOT EXISTS default.{marker} (x UInt8) ENGINE = Memory")
    with connect(parse_target(ch18_open.http_url), Credentials()) as conn:
        with pytest.raises(WriteRefused):
            conn.query(f"DROP TABLE default.{marker}")
        assert conn.queries_sent == []  # refused on the client: nothing reached the server
    logged = " ".join(q for _k, q in ch18_open.query_log("default"))
    assert f"DROP TABLE default.{marker}" not in logged
    assert marker in ch18_open.admin_query("SHOW TABLES FROM default")


# --- bad input: one clear line, the right exit code, never a traceback --------------------------


def assert_clean_error(result: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    assert result.returncode == code, (result.returncode, result.stdout[-500:], result.stderr[-2000:])
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("chwarden: error:")
    for word in words:
        assert word.lower() in lines[0].lower(), lines[0]


def test_unreachable_host(ch18_env: Any) -> None:
    result = chwarden("audit", f"http://{ch18_env.unused_host()}:8123", "--connect-timeout", "2")
    assert_clean_error(result, 3, "refused")


def test_wrong_password(ch18_password: ClickHouse18Server) -> None:
    result = chwarden("audit", ch18_password.http_url, env={"CLICKHOUSE_PASSWORD": "not-the-password"})
    assert_clean_error(result, 5, "password")  # exit 5: the server refused the login (issue 17)


def test_password_on_the_command_line_is_refused(ch18_password: ClickHouse18Server) -> None:
    url = ch18_password.http_url.replace("http://", "http://default:s3cret@")
    result = chwarden("audit", url)
    assert_clean_error(result, 2, "password in the url")
    assert "s3cret" not in result.stderr


def test_not_clickhouse_http_server(ch18_env: Any) -> None:
    host = ch18_env.next_host()
    with fake_services.web_server(host, 8123):
        result = chwarden("audit", f"http://{host}:8123", "--no-probe")
    assert_clean_error(result, 6, "not")  # exit 6: something answered, but not ClickHouse (issue 17)


def test_garbage_on_the_native_port(ch18_env: Any) -> None:
    host = ch18_env.next_host()
    with fake_services.tcp_service(host, 9000, "garbage"):
        result = chwarden("audit", f"clickhouse://{host}:9000", "--no-probe", "--connect-timeout", "2")
    assert result.returncode == 6, result.stderr  # not ClickHouse (issue 17)
    assert "Traceback" not in result.stderr


def test_server_killed_mid_audit_gives_a_partial_report(ch18_factory: Any, tmp_path: Path) -> None:
    """Kill the real server after a few queries of the audit: the report says partial, and why."""
    from typer.testing import CliRunner

    from chwarden.cli import app
    from chwarden.connect.base import GuardedConnection

    server = ch18_factory()
    original = GuardedConnection.query

    def query_then_kill(self: GuardedConnection, sql: str) -> Any:
        if "system.databases" in sql and server.running:  # halfway: after settings, before tables
            server.kill()
        return original(self, sql)

    out = tmp_path / "partial.json"
    mp = pytest.MonkeyPatch()
    mp.setattr(GuardedConnection, "query", query_then_kill)
    try:
        result = CliRunner().invoke(
            app, ["audit", server.http_url, "--no-probe", "--format", "json", "--output", str(out)]
        )
    finally:
        mp.undo()
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert out.exists(), (result.exit_code, result.output)
    report = json.loads(out.read_text(encoding="utf-8"))
    status = report["targets"][0]
    assert status["status"] == "partial"
    assert any("connection" in e.lower() or "stopped" in e.lower() for e in status["errors"]), status
    assert any("not collected" in n["reason"] for n in report["not_checked"])
    assert findings_of(report, "default_user_without_password") or findings_of(report, "vulnerable_version")


RESTRICTED_CHDB = """<clickhouse>
  <users_config>{config}</users_config>
  <profiles><default/><ro><readonly>1</readonly></ro></profiles>
  <users>
    <default>
      <no_password/>
      <networks><ip>::1</ip><ip>127.0.0.1</ip></networks>
      <profile>ro</profile>
      <quota>default</quota>
      <grants><query>GRANT SELECT ON app.*</query></grants>
    </default>
  </users>
  <quotas><default/></quotas>
</clickhouse>
"""


def test_missing_privileges_become_not_checked(tmp_path: Path) -> None:
    config = tmp_path / "restricted.xml"
    config.write_text(RESTRICTED_CHDB.format(config=config), encoding="utf-8")
    code, report = audit_json(tmp_path, f"chdb://{tmp_path / 'data'}?config={config}")
    assert code in (0, 1)
    reasons = {n["check_id"]: n["reason"] for n in report["not_checked"]}
    assert "user_allowed_from_any_host" in reasons
    assert "permission denied" in reasons["user_allowed_from_any_host"]
    assert report["targets"][0]["status"] == "complete"


# --- secrets never leak ---------------------------------------------------------------------------

PLANTED_ENGINE_SECRET = "Planted-Engine-Secret-7731"
PLANTED_LOG_SECRET = "Planted-Log-Secret-4410"


def _wait_until_logged(server: Any, secret: str, seconds: float = 60.0) -> None:
    """Flush the logs until ``system.query_log`` holds the failed query that names ``secret``.

    A failed query reaches the log when the server gives up on it, which under the whole suite's load
    can be after the client stopped waiting; the audit must not run before. The secret is looked up by
    its hex form, so this lookup's own logged text does not name it."""
    needle = secret.encode().hex().upper()
    deadline = time.monotonic() + seconds
    while True:  # bounded by the deadline
        server.admin_query("SYSTEM FLUSH LOGS")
        found = server.admin_query(f"SELECT count() FROM system.query_log WHERE position(query, unhex('{needle}')) > 0")
        if int(found.strip() or 0):
            return
        assert time.monotonic() < deadline, f"the failed query never reached query_log in {seconds:.0f} s"
        time.sleep(0.5)


def test_planted_secrets_appear_only_redacted_in_every_format(ch18_factory: Any, tmp_path: Path) -> None:
    server = ch18_factory()
    server.admin_query(
        "CREATE TABLE default.mysql_mirror (id UInt32) ENGINE = "
        f"MySQL('127.0.0.1:3306', 'shop', 'orders', 'shop_reader', '{PLANTED_ENGINE_SECRET}')"
    )
    with pytest.raises(Exception):  # noqa: B017 - the failing query is what leaves the secret in the log
        server.admin_query(f"SELECT * FROM mysql('127.0.0.1:1', 'd', 't', 'root', '{PLANTED_LOG_SECRET}')")
    _wait_until_logged(server, PLANTED_LOG_SECRET)
    outputs = {
        fmt: tmp_path / f"report.{ext}"
        for fmt, ext in (("json", "json"), ("sarif", "sarif"), ("markdown", "md"), ("html", "html"))
    }
    args = ["audit", server.http_url, "--save-snapshot", str(tmp_path / "snapshot.json")]
    for fmt, path in outputs.items():
        args += ["--format", fmt, "--output", str(path)]
    result = chwarden(*args)
    assert result.returncode == 1, result.stderr
    terminal = chwarden("audit", server.http_url, "--format", "terminal")
    texts = {fmt: path.read_text(encoding="utf-8") for fmt, path in outputs.items()}
    texts["terminal"] = terminal.stdout + terminal.stderr
    texts["snapshot"] = (tmp_path / "snapshot.json").read_text(encoding="utf-8")
    texts["stderr"] = result.stderr
    for name, text in texts.items():
        for secret in (PLANTED_ENGINE_SECRET, PLANTED_LOG_SECRET):
            assert secret not in text, f"{secret} leaked into {name}"
            assert secret[:12] not in text, f"a long prefix of {secret} leaked into {name}"
    report = json.loads(texts["json"])
    assert findings_of(report, "credentials_in_table_engine"), "the engine password was not detected"
    assert findings_of(report, "passwords_in_query_log"), (
        "the logged password was not detected",
        [n for n in report["not_checked"] if n["check_id"] == "passwords_in_query_log"],
    )
    assert "redacted, sha256:" in texts["json"]


# --- snapshots, catalogue, cluster, demo ------------------------------------------------------------


def test_saved_snapshot_is_rejudged_offline(ch18_open: ClickHouse18Server, tmp_path: Path) -> None:
    snap = tmp_path / "snap.json"
    code_live, live = audit_json(tmp_path, ch18_open.http_url, "--save-snapshot", str(snap))
    out = tmp_path / "again.json"
    again = chwarden("audit", "--snapshot", str(snap), "--format", "json", "--output", str(out))
    assert again.returncode == code_live
    rejudged = json.loads(out.read_text(encoding="utf-8"))
    assert sorted((f["check_id"], f["resource"]) for f in rejudged["findings"]) == sorted(
        (f["check_id"], f["resource"]) for f in live["findings"]
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"target": 5}', encoding="utf-8")
    assert_clean_error(chwarden("audit", "--snapshot", str(bad)), 2, "not a chwarden snapshot")


def test_fail_on_threshold_sets_the_exit_code(ch18_open: ClickHouse18Server) -> None:
    only_info = ["--check", "server_display_name_leaked"]
    assert chwarden("audit", ch18_open.http_url, *only_info, "--fail-on", "high").returncode == 0
    assert chwarden("audit", ch18_open.http_url, *only_info, "--fail-on", "info").returncode == 1
    assert_clean_error(chwarden("audit", ch18_open.http_url, "--check", "no_such_check"), 2, "unknown check")


def test_check_catalogue_has_at_least_40_checks() -> None:
    result = chwarden("checks", "--format", "json")
    assert result.returncode == 0
    catalogue = json.loads(result.stdout)
    assert len(catalogue) >= 40
    ids = [c["id"] for c in catalogue]
    assert len(ids) == len(set(ids))
    for entry in catalogue:
        assert entry["severity"] in ("critical", "high", "medium", "low", "info")
        assert entry["rationale"] and entry["remediation"] and entry["references"]
    table = chwarden("checks")
    assert "default_user_without_password" in table.stdout


def test_cluster_audit_reports_every_node(ch18_factory: Any, tmp_path: Path) -> None:
    nodes = [ch18_factory(), ch18_factory()]
    shards = "".join(f"<shard><replica><host>{n.host}</host><port>9000</port></replica></shard>" for n in nodes)
    entry = ch18_factory(extra_config=f"<remote_servers><pair>{shards}</pair></remote_servers>")
    code, report = audit_json(tmp_path, entry.http_url, "--cluster", "pair", "--no-probe")
    assert code == 1
    targets = {t["target"]: t["status"] for t in report["targets"]}
    assert targets == {f"{s.host}:8123": "complete" for s in (entry, *nodes)}
    per_node = {f["target"] for f in findings_of(report, "default_user_without_password")}
    assert per_node == set(targets)
    missing = chwarden("audit", entry.http_url, "--cluster", "nope", "--no-probe")
    assert_clean_error(missing, 2, "cluster 'nope' not found")


def test_demo_runs_on_the_embedded_engine(tmp_path: Path) -> None:
    html = tmp_path / "demo.html"
    out = tmp_path / "demo.json"
    result = chwarden("demo", "--html", str(html), "--format", "json", "--output", str(out), timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    checks = {f["check_id"] for f in report["findings"]}
    assert {"default_user_without_password", "user_allowed_from_any_host", "listen_host_wildcard"} <= checks
    assert any("log_stream" in f["resource"] for f in report["findings"])
    assert html.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
