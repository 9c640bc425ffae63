"""collect_live against real engines: Debian's ClickHouse 18.16 servers and chdb 26.x."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chwarden.connect import Credentials, connect, parse_target
from chwarden.connect.base import GuardedConnection, QueryResult, Transport
from chwarden.connect.embedded import EmbeddedTransport
from chwarden.connect.target import Target, open_transport
from chwarden.facts import Snapshot
from chwarden.sources.live import collect_live
from tests.harness import configs
from tests.harness.ch18 import ClickHouse18Server

PLANTED = "Planted-Secret-123"  # MySQL engine password in a table definition
LOGGED = ("Log-Secret-456", "Log-Secret-789", "Url-Secret-111")  # only in query_log
NO_MYSQL = "127.0.0.1:1"  # nothing listens: the mysql() call fails fast and is logged


def _dump(snapshot: Snapshot) -> str:
    text = snapshot.model_dump_json()
    assert Snapshot.model_validate_json(text) == snapshot
    return text


def _assert_no_secret(text: str, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in text


@pytest.fixture(scope="module")
def planted(ch18_env: Any) -> Iterator[ClickHouse18Server]:
    """An open 18.16 server with a MySQL-engine table and credentials planted in query_log."""
    server: ClickHouse18Server = ch18_env.server("live-open", configs.OPEN)
    server.start()
    try:
        server.admin_query("CREATE DATABASE shop")
        server.admin_query(
            "CREATE TABLE shop.ext (id UInt32, name String) "
            f"ENGINE = MySQL('{NO_MYSQL}', 'db', 'tbl', 'app', '{PLANTED}')"
        )
        server.admin_query("CREATE TABLE shop.orders (id UInt32, email String) ENGINE = MergeTree ORDER BY id")
        for sql in (
            f"SELECT * FROM mysql('{NO_MYSQL}', 'd', 't', 'u', '{LOGGED[0]}')",
            f"CREATE USER x IDENTIFIED BY '{LOGGED[1]}'",  # 18.16: syntax error, still logged
            f"SELECT * FROM url('http://bob:{LOGGED[2]}@{NO_MYSQL}/x', CSV, 'a String')",
        ):
            with pytest.raises(Exception, match="admin query failed"):
                server.admin_query(sql, timeout=10)
        server.admin_query("SYSTEM FLUSH LOGS")
        yield server
    finally:
        server.stop()


def _collect(url: str, user: str = "default", password: str = "", **kwargs: Any) -> Snapshot:
    target = parse_target(url)
    with connect(target, Credentials(user, password), verify_tls=False) as conn:
        return collect_live(conn, target, user, password_given=bool(password), **kwargs)


@pytest.mark.server
def test_open_18_16_server_over_http(planted: ClickHouse18Server) -> None:
    started = time.monotonic()
    snapshot = _collect(planted.http_url)
    elapsed = time.monotonic() - started
    text = _dump(snapshot)

    assert elapsed < 20
    assert snapshot.server.version == "18.16.1"
    assert snapshot.server.display_name
    assert snapshot.server.uptime_seconds is not None
    caps = snapshot.capabilities
    assert not (caps.has_sql_rbac or caps.has_server_settings or caps.has_named_collections)
    assert not (caps.has_multimatch or caps.has_current_user or caps.has_cluster_all_replicas)
    assert caps.has_query_log and caps.has_dictionaries and caps.has_clusters
    assert snapshot.connection.kind == "live" and snapshot.connection.url == planted.http_url
    assert snapshot.connection.user == "default" and not snapshot.connection.password_given

    settings = snapshot.effective_settings
    assert settings is not None and "max_threads" in settings
    # readonly=2 and the limits are chwarden's own values on this server: not reported as the account's
    assert "readonly" not in settings and "max_execution_time" not in settings
    assert {"readonly", "max_execution_time"} <= set(snapshot.settings_set_by_audit)

    for fact in ("users", "roles", "grants", "quotas", "row_policies", "profiles", "profile_elements"):
        assert getattr(snapshot, fact) is None
        assert "system.users absent" in snapshot.gaps[fact]
    assert snapshot.connection.user == "default"
    assert snapshot.server_config is None and "server_settings" in snapshot.gaps["server_config"]

    logins = {(a.protocol, a.port): a for a in snapshot.anonymous_login or []}
    assert logins[("http", 8123)].accepted and logins[("native", 9000)].accepted
    ports = {e.port: e for e in snapshot.endpoints or []}
    assert ports[8123].version == "18.16.1" and ports[8123].auth == "none"
    assert ports[9000].version == "18.16.1" and ports[9000].protocol == "native"

    tables = {t.name: t for t in snapshot.tables or []}
    assert tables["ext"].engine == "MySQL" and ("name", "String") in tables["ext"].columns
    [secret] = tables["ext"].secrets
    assert secret.kind == "password" and secret.where == "table:shop.ext" and "redacted" in secret.redacted
    assert tables["orders"].secrets == []
    assert {d.name for d in snapshot.databases or []} >= {"default", "shop", "system"}
    assert {s.name for s in snapshot.system_logs or []} >= {"query_log"}

    kinds = {(f.log, f.kind): f for f in snapshot.log_secrets or []}
    assert kinds[("system.query_log", "create_user_password")].count >= 1
    assert kinds[("system.query_log", "table_function_password")].count >= 2  # mysql() + MySQL engine DDL
    assert kinds[("system.query_log", "url_credentials")].count >= 1
    examples = [e for f in snapshot.log_secrets or [] for e in f.examples]
    assert examples and all("redacted" in e for e in examples)
    assert all(f.users == ["default"] for f in snapshot.log_secrets or [] if f.log == "system.query_log")
    _assert_no_secret(text, PLANTED, *LOGGED)
    assert snapshot.partial is False and snapshot.errors == []


@pytest.mark.server
def test_native_protocol_collect_and_no_secret_in_repeated_scan(planted: ClickHouse18Server) -> None:
    """A second audit must not count its predecessor's scanning queries as leaks."""
    first = _collect(planted.native_url, probe_ports=False)
    planted.admin_query("SYSTEM FLUSH LOGS")
    second = _collect(planted.native_url, probe_ports=False)
    assert second.connection.protocol == "native"
    assert second.server.display_name  # from the native Hello
    assert second.endpoints is None and second.gaps["endpoints"] == "port probe disabled"
    assert [a.protocol for a in second.anonymous_login or []] == ["native"]

    def counts(s: Snapshot) -> dict[str, int]:
        return {f.kind: f.count for f in s.log_secrets or [] if f.log == "system.query_log"}

    assert counts(first) == counts(second)
    _assert_no_secret(_dump(second), PLANTED, *LOGGED)


@pytest.mark.server
def test_password_server_refuses_anonymous_and_audits_as_auditor(ch18_password: ClickHouse18Server) -> None:
    password = ch18_password.auditor_password
    snapshot = _collect(ch18_password.http_url, user="auditor", password=password)
    text = _dump(snapshot)
    assert snapshot.connection.user == "auditor" and snapshot.connection.password_given
    assert snapshot.connection.user == "auditor"
    assert snapshot.server.version == "18.16.1"
    assert snapshot.effective_settings
    refused = {a.protocol: a for a in snapshot.anonymous_login or []}
    assert set(refused) == {"http", "native"}
    assert all(not a.accepted and a.error_code == 194 for a in refused.values())
    assert {e.port: e.auth for e in snapshot.endpoints or []}.items() >= {
        8123: "required",
        9000: "required",
    }.items()
    _assert_no_secret(text, password, ch18_password.default_password)


@pytest.mark.server
def test_deadline_gives_partial_snapshot(planted: ClickHouse18Server) -> None:
    snapshot = _collect(planted.http_url, probe_ports=False, deadline_s=0.0)
    assert snapshot.partial
    assert snapshot.gaps["tables"] == "not collected: deadline exceeded"
    _dump(snapshot)


class _KillAfter(Transport):
    """Forwards to a real transport and SIGKILLs the server before the Nth query."""

    def __init__(self, inner: Transport, server: ClickHouse18Server, kill_before: int) -> None:
        self.inner, self.server, self.kill_before, self.sent = inner, server, kill_before, 0
        self.protocol, self.tls = inner.protocol, inner.tls

    def execute(self, sql: str, settings: dict[str, Any], timeout: float) -> QueryResult:
        self.sent += 1
        if self.sent == self.kill_before:
            self.server.kill()
        return self.inner.execute(sql, settings, timeout)

    def close(self) -> None:
        self.inner.close()


@pytest.mark.server
@pytest.mark.parametrize("scheme", ["http", "clickhouse"])
def test_server_killed_mid_collection(ch18_factory: Any, scheme: str) -> None:
    server: ClickHouse18Server = ch18_factory()
    target = parse_target(server.http_url if scheme == "http" else server.native_url)
    transport = _KillAfter(open_transport(target, Credentials()), server, kill_before=8)
    with GuardedConnection(transport, description=target.display) as conn:
        snapshot = collect_live(conn, target, "default", password_given=False, deadline_s=30)
    assert snapshot.partial
    assert any("connection lost" in e for e in snapshot.errors)
    assert snapshot.server.version == "18.16.1"  # collected before the kill
    assert snapshot.tables is None and snapshot.gaps["tables"] == "not collected: connection lost"
    assert snapshot.gaps["anonymous_login"] == "not collected: connection lost"
    _dump(snapshot)


# ---------------------------------------------------------------------------------------- chdb

_RBAC = """
<profiles>
    <default/>
    <restricted_prof>
        <readonly>1</readonly>
        <max_memory_usage>1000000000</max_memory_usage>
        <max_execution_time>30</max_execution_time>
        <constraints>
            <max_memory_usage><min>100000000</min><max>2000000000</max></max_memory_usage>
            <max_execution_time><readonly/></max_execution_time>
        </constraints>
    </restricted_prof>
</profiles>
<roles><analyst><grants><query>GRANT SELECT ON app.*</query></grants></analyst></roles>
<users>
    <default>
        <password></password><networks><ip>::/0</ip></networks>
        <profile>default</profile><quota>default</quota>
        <access_management>1</access_management>
        <named_collection_control>1</named_collection_control>
        <show_named_collections>1</show_named_collections>
    </default>
    <alice>
        <password>Alice-Plain-Secret-1</password><networks><ip>127.0.0.1</ip></networks>
        <profile>restricted_prof</profile><quota>q_limited</quota>
        <grants><query>GRANT analyst</query></grants>
    </alice>
    <bob>
        <password_sha256_hex>SHA</password_sha256_hex>
        <networks><ip>::1</ip><ip>10.1.0.0/255.255.0.0</ip></networks>
        <profile>default</profile><quota>default</quota>
        <grants><query>GRANT SELECT ON app.events</query><query>GRANT SHOW TABLES ON *.*</query></grants>
    </bob>
    <erin>
        <no_password/><networks><ip>::/0</ip></networks>
        <profile>default</profile><quota>default</quota>
        <databases><app><events><filter>user_id = 1</filter></events></app></databases>
    </erin>
</users>
<quotas>
    <default/>
    <q_limited><interval><duration>3600</duration><queries>100</queries><errors>10</errors>
        <result_rows>1000000</result_rows><read_rows>1000000000</read_rows><execution_time>600</execution_time>
    </interval></q_limited>
</quotas>
<named_collections>
    <mysql_creds><host>127.0.0.1</host><port>3306</port><user>app</user><password>NC-Secret-999</password></mysql_creds>
</named_collections>
""".replace("SHA", configs.sha256_hex("bob-pw"))

_RESTRICTED = """
<profiles>
    <default/>
    <restricted_prof>
        <readonly>2</readonly>
        <max_execution_time>30</max_execution_time>
        <constraints><max_execution_time><readonly/></max_execution_time></constraints>
    </restricted_prof>
</profiles>
<users>
    <default>
        <no_password/><networks><ip>::/0</ip></networks>
        <profile>restricted_prof</profile><quota>default</quota>
        <grants><query>GRANT SELECT ON app.events</query></grants>
    </default>
</users>
<quotas><default/></quotas>
"""


def _collect_chdb(env: Any) -> Snapshot:
    target = Target(scheme="chdb", path=str(env.data_dir), config_file=str(env.config_path))
    transport = EmbeddedTransport(target.path, target.config_file, session=env.session)
    with GuardedConnection(transport, description=target.display) as conn:
        return collect_live(conn, target, "default", password_given=False)


@pytest.mark.embedded
def test_chdb_modern_rbac_collected(tmp_path: Path) -> None:
    from tests.harness.chdb_env import chdb_environment

    with chdb_environment(_RBAC, tmp_path) as env:
        env.session.query("CREATE DATABASE app")
        env.session.query("CREATE TABLE app.events (id UInt32, user_id UInt32) ENGINE = MergeTree ORDER BY id")
        env.session.query(
            "CREATE TABLE app.ext (id UInt32) ENGINE = MySQL('127.0.0.1:1', 'db', 'tbl', 'app', 'Chdb-Secret-123')"
        )
        snapshot = _collect_chdb(env)
    text = _dump(snapshot)

    assert snapshot.connection.kind == "embedded" and snapshot.server.version
    caps = snapshot.capabilities
    assert caps.has_sql_rbac and caps.has_server_settings and caps.has_named_collections
    assert caps.has_multimatch and caps.has_current_user and caps.has_cluster_all_replicas
    assert snapshot.extra["current_user"] == "default"

    users = {u.name: u for u in snapshot.users or []}
    assert set(users) == {"default", "alice", "bob", "erin"}
    assert users["erin"].auth_types == ["no_password"]
    assert users["bob"].auth_types == ["sha256_password"] and users["bob"].host_ip == ["10.1.0.0/16"]
    assert users["bob"].host_local
    assert users["alice"].auth_types == ["plaintext_password"]
    assert users["alice"].profile == "restricted_prof" and users["alice"].quota == "q_limited"
    assert users["default"].access_management and users["default"].password_empty is True
    assert not users["bob"].access_management

    assert [r.name for r in snapshot.roles or []] == ["analyst"]
    assert any(
        g.role_name == "analyst" and g.access_type == "SELECT" and g.database == "app" for g in snapshot.grants or []
    )
    assert any(g.user_name == "bob" and g.table == "events" for g in snapshot.grants or [])
    [role_grant] = snapshot.role_grants or []
    assert (role_grant.user_name, role_grant.granted_role_name) == ("alice", "analyst")
    erin_policy = next(p for p in snapshot.row_policies or [] if p.short_name == "erin")
    assert (erin_policy.database, erin_policy.table, erin_policy.select_filter) == (
        "app",
        "events",
        "user_id = 1",
    )
    quotas = {q.name: q for q in snapshot.quotas or []}
    [interval] = quotas["q_limited"].intervals
    assert (interval.duration, interval.max_queries, interval.max_errors) == (3600, 100, 10)
    assert interval.max_execution_time == 600 and quotas["q_limited"].apply_to_list == ["alice"]
    assert {p.name for p in snapshot.profiles or []} == {"default", "restricted_prof"}
    elements = {(e.profile_name, e.setting_name): e for e in snapshot.profile_elements or []}
    memory = elements[("restricted_prof", "max_memory_usage")]
    assert (memory.value, memory.min, memory.max) == ("1000000000", "100000000", "2000000000")
    assert elements[("restricted_prof", "max_execution_time")].writability == "CONST"

    assert snapshot.server_config and all(v.origin == "server_settings" for v in snapshot.server_config.values())
    [collection] = snapshot.named_collections or []
    assert collection.keys == ["host", "password", "port", "user"] and not collection.secrets_visible
    tables = {t.name: t for t in snapshot.tables or []}
    assert tables["ext"].secrets == []  # the engine shows the password as [HIDDEN]
    assert tables["events"].total_rows == 0
    [login] = snapshot.anonymous_login or []
    assert login.protocol == "embedded" and login.accepted
    assert snapshot.gaps == {} and not snapshot.partial
    _assert_no_secret(text, "Chdb-Secret-123", "NC-Secret-999", "Alice-Plain-Secret-1")


@pytest.mark.embedded
def test_chdb_restricted_default_gets_permission_gaps(tmp_path: Path) -> None:
    from tests.harness.chdb_env import chdb_environment

    with chdb_environment(_RESTRICTED, tmp_path) as env:
        snapshot = _collect_chdb(env)
    _dump(snapshot)
    assert snapshot.users is None
    assert snapshot.gaps["users"].startswith("permission denied")
    assert snapshot.server.version and snapshot.effective_settings
    # the server refused chwarden's max_execution_time (CONST): the value seen is the account's own
    assert snapshot.effective_settings["max_execution_time"].value == "30"
    assert not snapshot.partial
    [login] = snapshot.anonymous_login or []
    assert login.accepted and "not readable" in (login.detail or "")
