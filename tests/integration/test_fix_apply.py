"""Acceptance 3: audit an insecure server, `fix --apply`, re-audit: the fixed findings are gone.

What each engine allows (see the report of issue 7):
* chdb (current ClickHouse) runs the SQL part for real, but its access storage is read-only XML
  (CREATE/ALTER USER fail with 514/495), so the SQL fix proven end to end is a data fix: deleting
  leaked credentials from system.query_log. Users defined in users.xml get XML fixes (as on a real
  server, where ALTER USER on them fails with 495): `fix --apply --xml-dir` writes them, the test
  installs them and re-audits. Access-entity SQL is checked statement by statement by the same
  engine up to the storage write in test_fix_sql_engine.py.
* 18.16 has no SQL RBAC: its fixes are XML. `fix --apply` writes them as users.d/ patch files (with
  generated password hashes); the test installs them as an operator would, restarts the server
  and re-audits.
"""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.harness import configs
from tests.harness.ch18 import ClickHouse18Server, ServerError
from tests.harness.chdb_env import write_chdb_config
from tests.harness.cli import audit_json as audit
from tests.harness.cli import read_secrets
from tests.harness.cli import run_chwarden as chwarden

URL_PASSWORD = "Leaked-Url-Pass-4711"
APP_PASSWORD = "app-pass-0815"


def fix_one_check_into_chdb(report: Path, check_id: str, target: str, config: Path) -> None:
    """`fix --apply --xml-dir` for one check, then the operator's step: its one users.d patch goes
    into the config.d/ beside chdb's config.xml (chdb reads its users from that file)."""
    patches = report.parent / "patches"
    result = chwarden(
        "fix", str(report), "--check", check_id, "--apply", "--yes", "--target", target, "--xml-dir", str(patches)
    )
    assert result.returncode == 0, result.stderr
    (patch,) = (patches / "users.d").glob("*.xml")
    (config.parent / "config.d").mkdir()
    (config.parent / "config.d" / patch.name).write_text(patch.read_text())


def keys(report: dict[str, Any], check_id: str) -> set[str]:
    return {f["resource"] for f in report["findings"] if f["check_id"] == check_id}


# ---- chdb: the SQL part runs for real ------------------------------------------------------------

INSECURE_CHDB = """
<query_log><database>system</database><table>query_log</table></query_log>
<profiles><default><log_queries>1</log_queries></default></profiles>
<users><default><no_password/><networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota>
<access_management>1</access_management></default></users>
<quotas><default/></quotas>
"""


@pytest.mark.embedded
def test_fix_apply_deletes_leaked_credentials_on_chdb(tmp_path: Path) -> None:
    """In-process CLI: chdb keeps system.query_log only inside the process that wrote it."""
    from chdb import session as chdb_session
    from typer.testing import CliRunner

    from chwarden.cli import app

    config = write_chdb_config(tmp_path / "config.xml", INSECURE_CHDB)
    data = tmp_path / "data"
    setup = chdb_session.Session(f"{data}?config-file={config}")
    try:
        for q in (
            "CREATE DATABASE app",
            "CREATE TABLE app.events (id UInt32) ENGINE = MergeTree ORDER BY id",
            "INSERT INTO app.events VALUES (1), (2)",
            f"SELECT 'https://etl:{URL_PASSWORD}@files.example/x' SETTINGS log_queries = 1",
            "SYSTEM FLUSH LOGS",
        ):
            setup.query(q)
        target = f"chdb://{data}?config={config}"
        runner = CliRunner()
        runner.invoke(app, ["audit", target, "-f", "json", "-o", str(tmp_path / "before.json")])
        before = json.loads((tmp_path / "before.json").read_text())
        assert keys(before, "passwords_in_query_log") == {"table:system.query_log"}

        fix = ["fix", str(tmp_path / "before.json"), "--check", "passwords_in_query_log"]
        dry = runner.invoke(app, fix)
        assert dry.exit_code == 0 and "needs input" in dry.output and "dry run" in dry.output
        result = runner.invoke(
            app, [*fix, "--set", "leaked value prefix=://etl:", "--apply", "--yes", "--target", target]
        )
        assert result.exit_code == 0, result.output
        assert "ILIKE '%://etl:%'" in result.output
        assert "passwords_in_query_log table:system.query_log: ok" in result.output
        assert "fixed: 1" in result.output and "still present: 0" in result.output
        runner.invoke(app, ["audit", target, "-f", "json", "-o", str(tmp_path / "after.json")])
        after = json.loads((tmp_path / "after.json").read_text())
        assert keys(after, "passwords_in_query_log") == set()
        assert URL_PASSWORD not in result.output + json.dumps(after)
        # the test user's allowed queries still work
        assert setup.query("SELECT count() FROM app.events", "CSV").bytes().decode().strip() == "2"
    finally:
        setup.close()


@pytest.mark.embedded
def test_access_sql_on_read_only_storage_is_reported_not_crashed(tmp_path: Path) -> None:
    """chdb keeps users in read-only XML: ALTER USER fails, apply reports it and exits 1."""
    report = {
        "command": "audit",
        "started_at": "t",
        "finished_at": "t",
        "findings": [
            {
                "check_id": "default_user_without_password",
                "title": "The default user accepts logins without a password",
                "severity": "critical",
                "target": "chdb",
                "resource": "user:default",
                "remediation": {"sql": "ALTER USER default IDENTIFIED WITH sha256_password BY '<strong password>';"},
            }
        ],
    }
    (tmp_path / "r.json").write_text(json.dumps(report))
    config = write_chdb_config(tmp_path / "config.xml", INSECURE_CHDB)
    result = chwarden(
        "fix", str(tmp_path / "r.json"), "--apply", "--yes", "--target", f"chdb://{tmp_path / 'data'}?config={config}"
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "FAILED" in result.stdout and "still present: 1" in result.stdout
    secrets_file = tmp_path / "chwarden-fix-secrets.env"
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600
    secret = secrets_file.read_text().split("CHWARDEN_DEFAULT_PASSWORD=")[1].strip()
    assert secret not in result.stdout + result.stderr


INSECURE_MODERN = """
<profiles><default/><web><readonly>2</readonly></web></profiles>
<users>
  <default><no_password/><networks><ip>::1</ip><ip>127.0.0.1</ip></networks><profile>default</profile>
    <quota>default</quota><access_management>1</access_management></default>
  <plain><password>Plain-Secret-A-7731</password><networks><ip>::/0</ip></networks><profile>web</profile>
    <quota>default</quota></plain>
  <dsha1><password_double_sha1_hex>2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19</password_double_sha1_hex>
    <networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota></dsha1>
  <nopass><no_password/><networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota></nopass>
</users>
<quotas><default/></quotas>
"""
# Fixes that leave chdb's own session user (`default`, passwordless, always used by the engine) alone.
FIXED_ON_CURRENT = (
    "user_without_password",
    "plaintext_password",
    "double_sha1_password",
    "user_allowed_from_any_host",
    "readonly_2_allows_setting_changes",
    "unlimited_execution_time",
    "unlimited_result_size",
)


def finding_keys(report: dict[str, Any], checks: tuple[str, ...] = ()) -> set[tuple[str, str]]:
    return {(f["check_id"], f["resource"]) for f in report["findings"] if not checks or f["check_id"] in checks}


@pytest.mark.embedded
def test_fix_xml_patches_close_findings_on_current_clickhouse(tmp_path: Path) -> None:
    """users.xml users of a current server: the XML route, installed, closes every finding it targets."""
    from chdb import session as chdb_session

    config = write_chdb_config(tmp_path / "cfg" / "config.xml", INSECURE_MODERN)
    data = tmp_path / "data"
    target = f"chdb://{data}?config={config}"
    setup = chdb_session.Session(f"{data}?config-file={config}")
    for q in ("CREATE DATABASE app", "CREATE TABLE app.events (id UInt32) ENGINE = MergeTree ORDER BY id"):
        setup.query(q)
    setup.query("INSERT INTO app.events VALUES (1), (2)")
    setup.close()

    before = audit(target, tmp_path / "before.json")
    targeted = finding_keys(before, FIXED_ON_CURRENT)
    assert {check for check, _ in targeted} == set(FIXED_ON_CURRENT)
    assert all(f["remediation"].get("sql") is None for f in before["findings"] if f["resource"].startswith("user:"))

    args = ["fix", str(tmp_path / "before.json"), "--apply", "--yes", "--target", target]
    args += [a for c in FIXED_ON_CURRENT for a in ("--check", c)]
    args += ["--set", "CLIENT_NETWORK/CIDR=10.20.0.0/16", "--xml-dir", str(tmp_path / "patches")]
    result = chwarden(*args, "--secrets-file", str(tmp_path / "secrets.env"))
    assert result.returncode == 0, result.stderr
    assert "nothing to apply over SQL" in result.stderr
    patches = sorted((tmp_path / "patches" / "users.d").glob("*.xml"))
    assert len(patches) == len(targeted) and all(p.read_text().count("<clickhouse>") == 1 for p in patches)
    secrets_file = tmp_path / "secrets.env"
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600
    secrets = read_secrets(secrets_file)
    assert set(secrets) == {"CHWARDEN_PLAIN_PASSWORD", "CHWARDEN_DSHA1_PASSWORD", "CHWARDEN_NOPASS_PASSWORD"}
    installed_text = "".join(p.read_text() for p in patches)
    for secret in secrets.values():
        assert hashlib.sha256(secret.encode()).hexdigest() in installed_text
        assert secret not in result.stdout + result.stderr + installed_text

    # chdb reads its users from config.xml, so the operator's drop-in directory is config.d/
    (config.parent / "config.d").mkdir()
    for patch in patches:
        (config.parent / "config.d" / patch.name).write_text(patch.read_text())
    after = audit(target, tmp_path / "after.json")
    assert after["targets"][0]["status"] == "complete"
    assert finding_keys(after) & targeted == set()
    # the only thing the XML route cannot reach: users.xml has no salted hash (migrate to SQL for that)
    new = finding_keys(after) - finding_keys(before)
    assert new == {("unsalted_sha256_password", f"user:{u}") for u in ("plain", "dsha1", "nopass")}

    check = chdb_session.Session(f"{data}?config-file={config}")
    try:
        # the test user's allowed queries still work; the fixed users now have hashes and narrow hosts
        assert check.query("SELECT count() FROM app.events", "CSV").bytes().decode().strip() == "2"
        rows = check.query(
            "SELECT name, auth_type, host_ip FROM system.users WHERE name IN ('plain', 'dsha1', 'nopass')",
            "JSONCompact",
        ).bytes()
    finally:
        check.close()
    users = {name: (auth, hosts) for name, auth, hosts in json.loads(rows)["data"]}
    for name in ("plain", "dsha1", "nopass"):
        auth, hosts = users[name]
        assert auth == ["sha256_password"], (name, auth)
        assert hosts == ["10.20.0.0/16"], (name, hosts)  # loopback shows as HOST LOCAL, no longer ::/0


@pytest.mark.embedded
def test_row_filter_patch_hides_a_sensitive_table_on_current_clickhouse(tmp_path: Path) -> None:
    """The DeepSeek table, fixed alone: a users.xml row filter shows the passwordless user no row."""
    from chdb import session as chdb_session

    body = (
        "<profiles><default/></profiles><users><default><no_password/>"
        "<networks><ip>::1</ip><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota>"
        "<access_management>1</access_management></default></users><quotas><default/></quotas>"
    )
    config = write_chdb_config(tmp_path / "cfg" / "config.xml", body)
    data = tmp_path / "data"
    target = f"chdb://{data}?config={config}"
    setup = chdb_session.Session(f"{data}?config-file={config}")
    setup.query(
        "CREATE TABLE default.log_stream (ts DateTime, api_key String, msg String) ENGINE = MergeTree ORDER BY ts"
    )
    setup.query("INSERT INTO default.log_stream VALUES (now(), 'sk-test-0000000000000000000000', 'hello')")
    setup.query("CREATE TABLE default.orders (id UInt32) ENGINE = MergeTree ORDER BY id")
    setup.query("INSERT INTO default.orders VALUES (1)")
    setup.close()

    before = audit(target, tmp_path / "before.json")
    assert keys(before, "sensitive_looking_tables_readable") == {"table:default.log_stream"}
    fix_one_check_into_chdb(tmp_path / "before.json", "sensitive_looking_tables_readable", target, config)

    after = audit(target, tmp_path / "after.json")
    assert keys(after, "sensitive_looking_tables_readable") == set()
    check = chdb_session.Session(f"{data}?config-file={config}")
    try:
        assert check.query("SELECT count() FROM default.log_stream", "CSV").bytes().decode().strip() == "0"
        assert check.query("SELECT count() FROM default.orders", "CSV").bytes().decode().strip() == "1"
    finally:
        check.close()


@pytest.mark.embedded
def test_xml_role_patch_moves_a_users_privileges_unchanged_on_current_clickhouse(tmp_path: Path) -> None:
    """grants_held_directly for a users.xml user: the <roles> patch keeps exactly what the user had."""
    from chdb import session as chdb_session

    body = (
        "<profiles><default/></profiles><users><default><no_password/>"
        "<networks><ip>::1</ip><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota>"
        "<access_management>1</access_management></default>"
        f"<app><password_sha256_hex>{hashlib.sha256(APP_PASSWORD.encode()).hexdigest()}</password_sha256_hex>"
        "<networks><ip>::1</ip></networks><profile>default</profile><quota>default</quota></app>"
        "</users><quotas><default/></quotas>"
    )
    config = write_chdb_config(tmp_path / "cfg" / "config.xml", body)
    data = tmp_path / "data"
    target = f"chdb://{data}?config={config}"

    def read(sql: str) -> list[list[Any]]:
        session = chdb_session.Session(f"{data}?config-file={config}")
        try:
            rows: list[list[Any]] = json.loads(session.query(sql).bytes())["data"]
            return rows
        finally:
            session.close()

    # SOURCES is the group of FILE, URL, S3...: SHOW GRANTS folds them into it for the role
    sources = {"FILE", "URL", "REMOTE", "MONGO", "REDIS", "MYSQL", "POSTGRES", "SQLITE", "ODBC", "JDBC", "HDFS"}
    sources |= {"S3", "HIVE", "AZURE", "KAFKA", "NATS", "RABBITMQ", "YTSAURUS", "ARROW FLIGHT", "BIGQUERY", "DISK"}

    def privileges(grantee: str) -> set[str]:
        """(privilege, scope) pairs of SHOW GRANTS, ClickHouse's canonical form of the rights."""
        rows = read(f"SHOW GRANTS FOR {grantee} FORMAT JSONCompact")
        pairs: set[str] = set()
        for (statement,) in rows:
            head, _, scope = statement.removeprefix("GRANT ").partition(" ON ")
            for privilege in head.split(", "):
                pairs.add(f"{privilege} ON {scope.rsplit(' TO ', 1)[0]}")
        return pairs

    direct = privileges("app")
    assert len(direct) > 10
    before = audit(target, tmp_path / "before.json")
    assert "user:app" in keys(before, "grants_held_directly")
    report = dict(before, findings=[f for f in before["findings"] if f["resource"] == "user:app"])
    (tmp_path / "app.json").write_text(json.dumps(report))
    fix_one_check_into_chdb(tmp_path / "app.json", "grants_held_directly", target, config)

    after = audit(target, tmp_path / "after.json")
    assert "user:app" not in keys(after, "grants_held_directly")
    moved = privileges("app_access")
    assert "SOURCES ON *.*" in moved
    assert {p for p in direct - moved if p.split(" ON ")[0] not in sources} == set()  # nothing lost
    assert moved <= direct  # nothing gained
    assert read("SELECT granted_role_name FROM system.role_grants WHERE user_name = 'app' FORMAT JSONCompact") == [
        ["app_access"]
    ]


@pytest.mark.embedded
@pytest.mark.parametrize("scenario", ["authentication-network-tls", "privileges-limits-logs"])
def test_fix_every_access_entity_on_current_clickhouse(tmp_path: Path, scenario: str) -> None:
    """The modern privilege/limit scenario: every users.d patch at once, except the engine's own user.

    chdb logs in as `default` only, so findings about default are left out; config.d findings are
    not judged (chdb reports its own logger and lacks session_log, unlike a server). Every finding
    with a users.d patch must be gone; what is new may only be the same privileges now shown on the
    roles they moved to, and the unsalted-hash advice for users that just got a hash.
    """
    from chdb import session as chdb_session

    from tests.integration import test_checks_modern_a, test_checks_modern_b

    body, statements = {
        "authentication-network-tls": (test_checks_modern_a.BAD, []),
        "privileges-limits-logs": (test_checks_modern_b.BAD, test_checks_modern_b.SETUP),
    }[scenario]
    config = write_chdb_config(tmp_path / "cfg" / "config.xml", body)
    data = tmp_path / "data"
    target = f"chdb://{data}?config={config}"
    setup = chdb_session.Session(f"{data}?config-file={config}")
    orders = "CREATE TABLE prod.orders (id UInt32) ENGINE = MergeTree ORDER BY id"
    for q in (*statements, "CREATE DATABASE IF NOT EXISTS prod", orders):
        setup.query(q)
    setup.query("INSERT INTO prod.orders VALUES (1)")
    setup.close()

    before = audit(target, tmp_path / "before.json")
    chosen = [f for f in before["findings"] if f["resource"] not in ("user:default", "session:default")]
    (tmp_path / "chosen.json").write_text(json.dumps(dict(before, findings=chosen)))
    args = ["fix", str(tmp_path / "chosen.json"), "--apply", "--yes", "--target", target]
    args += ["--xml-dir", str(tmp_path / "patches"), "--secrets-file", str(tmp_path / "secrets.env")]
    result = chwarden(*args, "--set", "CLIENT_NETWORK/CIDR=10.20.0.0/16", "--set", "ALLOWED_DATABASE=prod")
    assert result.returncode == 0, result.stderr
    users_d = sorted((tmp_path / "patches" / "users.d").glob("*.xml"))
    assert len(users_d) >= 15
    (config.parent / "config.d").mkdir()
    for patch in users_d:
        (config.parent / "config.d" / patch.name).write_text(patch.read_text())

    after = audit(target, tmp_path / "after.json")
    assert after["targets"][0]["status"] == "complete"
    numbers = {int(p.name.split("-")[3]) for p in users_d}  # zz-chwarden-fix-NNN-i-check.xml: item NNN
    patched = {(f["check_id"], f["resource"]) for n, f in enumerate(chosen, 1) if n in numbers}
    found = {(f["check_id"], f["resource"]) for f in after["findings"]}
    assert len(patched) >= 15 and found & patched == set()
    new = found - {(f["check_id"], f["resource"]) for f in before["findings"]}
    moved_to_roles = {(c, r) for c, r in new if r.startswith("role:") and r.endswith("_access")}
    assert {c for c, _ in new - moved_to_roles} <= {"unsalted_sha256_password"}
    check = chdb_session.Session(f"{data}?config-file={config}")
    try:
        assert check.query("SELECT count() FROM prod.orders", "CSV").bytes().decode().strip() == "1"
        if statements:  # the DeepSeek table of the privileges scenario: hidden by its row filter
            assert check.query("SELECT count() FROM prod.log_stream", "CSV").bytes().decode().strip() == "0"
    finally:
        check.close()


# ---- 18.16: the XML part, installed by the operator -----------------------------------------------

INSECURE_18 = configs.users_file(
    configs.LOGGED_PROFILE,
    configs.user("default")
    + configs.user("app", sha256_of=APP_PASSWORD, networks=configs.LOOPBACK, databases=("default",)),
    configs.UNLIMITED_QUOTA,
)
# ddl_allowed needs no patch of its own once default has a password (the script says "not needed").
FIXED_BY_XML = (
    "default_user_without_password",
    "ddl_allowed",
    "unlimited_execution_time",
    "server_display_name_leaked",
)


@pytest.mark.server
def test_fix_xml_patches_close_findings_on_18_16(ch18_factory: Any, tmp_path: Path) -> None:
    server: ClickHouse18Server = ch18_factory(users_xml=INSECURE_18)
    server.admin_query("CREATE TABLE default.orders (id UInt32) ENGINE = MergeTree ORDER BY id")
    server.admin_query("INSERT INTO default.orders VALUES (1)")
    before = audit(server.http_url, tmp_path / "before.json")
    for check_id in FIXED_BY_XML:
        assert keys(before, check_id), check_id

    args = ["fix", str(tmp_path / "before.json"), "--apply", "--yes", "--target", server.http_url]
    args += [a for c in FIXED_BY_XML for a in ("--check", c)]
    result = chwarden(*args, "--xml-dir", str(tmp_path / "patches"))
    assert result.returncode == 0, result.stderr
    assert "nothing to apply over SQL" in result.stderr
    patches = sorted((tmp_path / "patches").glob("*.d/*.xml"))
    assert len(patches) >= 3 and all(p.read_text().count("<yandex>") == 1 for p in patches)
    secrets = (tmp_path / "patches" / "chwarden-fix-secrets.env").read_text()  # beside the patches (issue 17)
    default_password = secrets.split("CHWARDEN_DEFAULT_PASSWORD=")[1].split()[0]
    assert default_password not in result.stdout + result.stderr

    for patch in patches:  # the operator installs the reviewed patches
        installed = server.config_dir / patch.parent.name / patch.name
        installed.parent.mkdir(exist_ok=True)
        installed.write_text(patch.read_text())
    server.stop()
    server.start()

    anonymous = httpx.post(server.http_url + "/", content=b"SELECT 1", timeout=10)
    assert anonymous.status_code == 401
    after = audit(
        server.http_url,
        tmp_path / "after.json",
        "--user",
        "app",
        env={"CLICKHOUSE_PASSWORD": APP_PASSWORD},
    )
    for check_id in FIXED_BY_XML:
        assert keys(after, check_id) == set(), check_id
    # the test user's allowed queries still work; default works with its new password from loopback
    app = server.admin_query("SELECT count() FROM default.orders", user="app", password=APP_PASSWORD)
    assert app.strip() == "1"
    assert server.admin_query("SELECT 1", user="default", password=default_password).strip() == "1"


@pytest.mark.server
def test_sensitive_table_fix_on_18_16_withholds_the_database(ch18_factory: Any, tmp_path: Path) -> None:
    """18.16 ignores users.xml row filters (measured), so its fix withholds the database instead."""
    server: ClickHouse18Server = ch18_factory(users_xml=INSECURE_18)
    server.admin_query("CREATE DATABASE logs")
    server.admin_query("CREATE TABLE logs.log_stream (ts DateTime, api_key String) ENGINE = MergeTree ORDER BY ts")
    server.admin_query("INSERT INTO logs.log_stream VALUES (now(), 'sk-test-0000000000000000000000')")
    server.admin_query("CREATE TABLE default.orders (id UInt32) ENGINE = MergeTree ORDER BY id")
    server.admin_query("INSERT INTO default.orders VALUES (1)")
    before = audit(server.http_url, tmp_path / "before.json")
    assert keys(before, "sensitive_looking_tables_readable") == {"table:logs.log_stream"}
    (finding,) = [f for f in before["findings"] if f["check_id"] == "sensitive_looking_tables_readable"]
    assert finding["remediation"].get("sql") is None and "<filter>" not in finding["remediation"]["xml"]
    args = ["fix", str(tmp_path / "before.json"), "--check", "sensitive_looking_tables_readable", "--apply", "--yes"]
    args += ["--set", "ALLOWED_DATABASE=default", "--target", server.http_url, "--xml-dir", str(tmp_path / "patches")]
    result = chwarden(*args)
    assert result.returncode == 0, result.stderr
    (patch,) = (tmp_path / "patches" / "users.d").glob("*.xml")
    (server.config_dir / "users.d").mkdir(exist_ok=True)
    (server.config_dir / "users.d" / patch.name).write_text(patch.read_text())
    server.stop()
    server.start()
    after = audit(server.http_url, tmp_path / "after.json")
    assert keys(after, "sensitive_looking_tables_readable") == set()
    with pytest.raises(ServerError, match="logs"):
        server.admin_query("SELECT count() FROM logs.log_stream", user="default", password="")
    assert server.admin_query("SELECT count() FROM default.orders", user="default", password="").strip() == "1"


@pytest.mark.server
def test_fix_from_a_scan_report_closes_the_open_door_on_18_16(ch18_factory: Any, tmp_path: Path) -> None:
    """`scan` finds the DeepSeek door, `fix` on the scan report writes the patch, the re-scan finds it shut."""
    server: ClickHouse18Server = ch18_factory()
    scan = chwarden("scan", server.host, "-f", "json", "-o", str(tmp_path / "scan.json"), "--no-progress")
    assert scan.returncode == 1 and "Traceback" not in scan.stderr, scan.stderr
    report = json.loads((tmp_path / "scan.json").read_text())
    open_doors = {"unauthenticated_http_access", "unauthenticated_native_access"}
    assert open_doors <= {f["check_id"] for f in report["findings"]}
    args = ["fix", str(tmp_path / "scan.json"), "--xml-dir", str(tmp_path / "patches")]
    args += ["--secrets-file", str(tmp_path / "secrets.env"), "--set", "CLIENT_NETWORK/CIDR=10.20.0.0/16"]
    for check_id in open_doors:
        args += ["--check", check_id]
    result = chwarden(*args)
    assert result.returncode == 0, result.stderr
    (patch,) = (tmp_path / "patches" / "users.d").glob("*.xml")  # one patch shuts both doors
    assert "10.20.0.0/255.255.0.0" in patch.read_text()  # netmask form: the scan saw 18.16
    secrets = (tmp_path / "secrets.env").read_text()
    password = secrets.split("CHWARDEN_DEFAULT_PASSWORD=")[1].split()[0]  # named after the user it is for
    (server.config_dir / "users.d").mkdir(exist_ok=True)
    (server.config_dir / "users.d" / patch.name).write_text(patch.read_text())
    server.stop()
    server.start()

    rescan = chwarden("scan", server.host, "-f", "json", "-o", str(tmp_path / "rescan.json"), "--no-progress")
    assert "Traceback" not in rescan.stderr
    after = {f["check_id"] for f in json.loads((tmp_path / "rescan.json").read_text())["findings"]}
    assert after & open_doors == set()
    assert server.admin_query("SELECT 1", user="default", password=password).strip() == "1"


def test_fix_everything_offline_on_a_modern_config_directory(tmp_path: Path) -> None:
    """The offline route (audit --config in a pipeline): every patch dropped into users.d/config.d of a
    copy of the directory, and the offline re-audit no longer sees any patched finding."""
    import shutil

    config = tmp_path / "cfg"
    shutil.copytree(Path(__file__).parents[1] / "data" / "configs" / "modern", config)
    before = audit(config, tmp_path / "before.json")
    args = ["fix", str(tmp_path / "before.json"), "--xml-dir", str(tmp_path / "patches")]
    args += ["--secrets-file", str(tmp_path / "secrets.env")]
    for name, value in {
        "CLIENT_NETWORK/CIDR": "10.20.0.0/16",
        "ALLOWED_DATABASE": "app",
        "TLS_CERTIFICATE_FILE": "/etc/clickhouse-server/tls/server.crt",
        "TLS_PRIVATE_KEY_FILE": "/etc/clickhouse-server/tls/server.key",
        "ALLOWED_REMOTE_HOST": "files.internal.example",
        "INTERNAL_ADDRESS": "10.0.0.5",
        "REPLICA_HOST": "replica-2.internal.example",
    }.items():
        args += ["--set", f"{name}={value}"]
    result = chwarden(*args)
    assert result.returncode == 0 and "needs input" not in result.stdout, result.stderr
    patches = sorted((tmp_path / "patches").glob("*.d/*.xml"))
    for patch in patches:
        (config / patch.parent.name / patch.name).write_text(patch.read_text())
    after = audit(config, tmp_path / "after.json")
    numbers = {int(p.name.split("-")[3]) for p in patches}
    patched = {(f["check_id"], f["resource"]) for n, f in enumerate(before["findings"], 1) if n in numbers}
    assert len(patched) >= 15
    assert {(f["check_id"], f["resource"]) for f in after["findings"]} & patched == set()
