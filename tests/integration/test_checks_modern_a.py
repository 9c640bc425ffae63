"""Authentication, network and TLS checks on facts collected from a real current ClickHouse (chdb).

A "bad" and a "good" modern config are loaded into chdb one after the other; the facts come from
the live collector (SQL against the engine) completed with the same config files, as the audit of
a local server does. Each modern check must fire on the bad config and stay quiet on the good one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chwarden.checks.password_settings import INSECURE_TYPE_SWITCHES
from chwarden.checks.registry import get_check, run_check
from chwarden.connect.base import GuardedConnection
from chwarden.connect.embedded import EmbeddedTransport
from chwarden.connect.target import Target
from chwarden.facts import Snapshot
from chwarden.model import Finding
from chwarden.sources.configfiles import snapshot_from_config
from chwarden.sources.live import collect_live
from chwarden.sources.merge import merge_live_and_config
from tests.harness.chdb_env import chdb_environment

pytestmark = pytest.mark.embedded

PLAIN_SECRET = "Plain-Secret-A-7731"
SHA256_OF_X = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"  # sha256("x")
DSHA1_OF_PASSWORD = "2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19"
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
ANY = "<networks><ip>::/0</ip></networks>"
LOCAL = "<networks><ip>::1</ip><ip>127.0.0.1</ip></networks>"


def _user(name: str, body: str, networks: str = ANY) -> str:
    return f"<{name}>{body}{networks}<profile>default</profile><quota>default</quota></{name}>"


DNS_USER = _user(
    "dns",
    f"<password_sha256_hex>{SHA256_OF_X}</password_sha256_hex>",
    r"<networks><host_regexp>ci-\d+\.example\.internal</host_regexp></networks>",
)

BAD = f"""
<listen_host>::</listen_host>
<http_port>8123</http_port>
<tcp_port>9000</tcp_port>
<interserver_http_port>9009</interserver_http_port>
<interserver_https_port>9010</interserver_https_port>
<mysql_port>9004</mysql_port>
<postgresql_port>9005</postgresql_port>
<grpc_port>9100</grpc_port>
<prometheus><endpoint>/metrics</endpoint><port>9363</port></prometheus>
<http_options_response>
    <header><name>Access-Control-Allow-Origin</name><value>*</value></header>
</http_options_response>
<allow_plaintext_password>1</allow_plaintext_password>
<default_password_type>plaintext_password</default_password_type>
<openSSL>
    <server>
        <certificateFile>/nonexistent/server.crt</certificateFile>
        <privateKeyFile>/nonexistent/server.key</privateKeyFile>
        <disableProtocols>sslv2,sslv3</disableProtocols>
        <cipherList>HIGH:RC4-SHA:DES-CBC3-SHA</cipherList>
    </server>
    <client>
        <verificationMode>none</verificationMode>
        <invalidCertificateHandler><name>AcceptCertificateHandler</name></invalidCertificateHandler>
    </client>
</openSSL>
<remote_servers>
    <test_shard_localhost><shard><replica><host>localhost</host><port>9000</port></replica></shard>
    </test_shard_localhost>
    <prod><shard>
        <replica><host>10.9.9.9</host><port>9000</port></replica>
        <replica><host>10.9.9.10</host><port>9000</port></replica>
    </shard></prod>
</remote_servers>
<profiles>
    <default/>
    <web><add_http_cors_header>1</add_http_cors_header></web>
</profiles>
<users>
    <default>
        <password></password>{ANY}<profile>default</profile><quota>default</quota>
        <access_management>1</access_management>
        <show_named_collections>1</show_named_collections>
        <show_named_collections_secrets>1</show_named_collections_secrets>
    </default>
    {_user("nopass", "<no_password/>")}
    {_user("plain", f"<password>{PLAIN_SECRET}</password>")}
    {_user("dsha1", f"<password_double_sha1_hex>{DSHA1_OF_PASSWORD}</password_double_sha1_hex>")}
    {_user("sha", f"<password_sha256_hex>{SHA256_OF_X}</password_sha256_hex>")}
    {_user("emptyhash", f"<password_sha256_hex>{EMPTY_SHA256}</password_sha256_hex>")}
    {DNS_USER}
</users>
<quotas><default/></quotas>
"""

GOOD = f"""
<listen_host>10.1.2.3</listen_host>
<https_port>8443</https_port>
<tcp_port_secure>9440</tcp_port_secure>
<display_name>clickhouse</display_name>
<enable_verbose_replicas_status>0</enable_verbose_replicas_status>
<remote_url_allow_hosts><host>s3.internal.example</host></remote_url_allow_hosts>
<allow_plaintext_password>0</allow_plaintext_password>
<allow_implicit_no_password>0</allow_implicit_no_password>
<default_password_type>bcrypt_password</default_password_type>
<openSSL>
    <server>
        <certificateFile>/nonexistent/server.crt</certificateFile>
        <privateKeyFile>/nonexistent/server.key</privateKeyFile>
        <disableProtocols>sslv2,sslv3,tlsv1,tlsv1_1</disableProtocols>
        <cipherList>ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!MD5:!3DES</cipherList>
    </server>
    <client>
        <verificationMode>relaxed</verificationMode>
        <invalidCertificateHandler><name>RejectCertificateHandler</name></invalidCertificateHandler>
    </client>
</openSSL>
<remote_servers>
    <prod>
        <secret>cluster-secret-value</secret>
        <shard><replica><host>10.9.9.9</host><port>9440</port><secure>1</secure></replica></shard>
    </prod>
</remote_servers>
<profiles><default/></profiles>
<roles>
    <access_auditor><grants><query>GRANT SHOW ACCESS ON *.*</query><query>GRANT SELECT ON system.*</query>
    </grants></access_auditor>
</roles>
<users>
    <default>
        <no_password/>{LOCAL}<profile>default</profile><quota>default</quota>
        <show_named_collections_secrets>0</show_named_collections_secrets>
        <grants><query>GRANT access_auditor</query></grants>
    </default>
    {
    _user(
        "alice",
        "<ssl_certificates><common_name>alice.example.internal</common_name></ssl_certificates>",
        "<networks><ip>10.0.0.0/8</ip></networks>",
    )
}
</users>
<quotas><default/></quotas>
"""

# Checks that judge a modern server and can be shown on chdb, with the snapshot they read.
MODERN_CHECKS = [
    "user_without_password",
    "plaintext_password",
    "double_sha1_password",
    "unsalted_sha256_password",
    "weak_default_password_type",
    "xml_user_with_access_management",
    "dns_based_host_restriction",
    "user_allowed_from_any_host",
    "listen_host_wildcard",
    "plaintext_ports_enabled",
    "no_tls_ports",
    "mysql_port_enabled",
    "postgresql_port_enabled",
    "interserver_without_credentials",
    "cluster_without_secret",
    "test_clusters_configured",
    "cors_allows_any_origin",
    "remote_url_allow_hosts_unset",
    "verbose_replicas_status",
    "grpc_without_tls",
    "prometheus_endpoint_exposed",
    "server_display_name_leaked",
    "tls_old_protocols_allowed",
    "tls_weak_ciphers",
    "outbound_tls_not_verified",
    "distributed_queries_without_tls",
]
# Facts only users.xml shows: the flag itself (live servers show grants) and an empty password behind
# a hash (merge_live_and_config keeps the live users, which cannot show it), judged on config facts.
CONFIG_ONLY_CHECKS = ["named_collection_secrets_shown", "empty_password_hash"]
# Judged on the SQL answers alone (no config files): what a remote audit of a modern server sees.
LIVE_ONLY_CHECKS = [
    "user_without_password",
    "plaintext_password",
    "double_sha1_password",
    "unsalted_sha256_password",
    "xml_user_with_access_management",
    "dns_based_host_restriction",
    "user_allowed_from_any_host",
    "test_clusters_configured",
    "tls_old_protocols_allowed",
    "tls_weak_ciphers",
    "outbound_tls_not_verified",
    "distributed_queries_without_tls",
]


class Collected:
    def __init__(self, live: Snapshot, config: Snapshot, merged: Snapshot) -> None:
        self.live, self.config, self.merged = live, config, merged


def _collect(body: str, root: Path) -> Collected:
    with chdb_environment(body, root) as env:
        target = Target(scheme="chdb", path=str(env.data_dir), config_file=str(env.config_path))
        conn = GuardedConnection(EmbeddedTransport(str(env.data_dir), session=env.session), description="chdb")
        live = collect_live(conn, target, "default", password_given=False, probe_ports=False)
        config = snapshot_from_config(env.config_path)
    return Collected(live, config, merge_live_and_config(live, config, str(env.config_path)))


@pytest.fixture(scope="module")
def snapshots(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Collected]]:
    root = tmp_path_factory.mktemp("checks_modern_a")
    bad = _collect(BAD, root)
    good = _collect(GOOD, root)
    yield {"bad": bad, "good": good}


def _judge(check_id: str, snapshot: Snapshot) -> tuple[list[Finding], list[str]]:
    findings, missing = run_check(get_check(check_id), snapshot)
    return findings, [m.reason for m in missing]


def test_engine_answered_rbac_facts(snapshots: dict[str, Collected]) -> None:
    live = snapshots["bad"].live
    assert live.capabilities.has_sql_rbac and live.users is not None
    assert {"nopass", "plain", "dsha1", "sha", "dns"} <= {u.name for u in live.users}
    assert live.server_config and live.server_config["openSSL.server.disableProtocols"].origin == "server_settings"


@pytest.mark.parametrize("check_id", MODERN_CHECKS)
def test_fires_on_bad_and_quiet_on_good(snapshots: dict[str, Collected], check_id: str) -> None:
    bad, bad_missing = _judge(check_id, snapshots["bad"].merged)
    good, good_missing = _judge(check_id, snapshots["good"].merged)
    assert bad, f"{check_id} did not fire on the bad config (not checked: {bad_missing})"
    assert good == [] and good_missing == [], f"{check_id} on the good config: {good} {good_missing}"


@pytest.mark.parametrize("check_id", CONFIG_ONLY_CHECKS)
def test_config_only_checks(snapshots: dict[str, Collected], check_id: str) -> None:
    assert _judge(check_id, snapshots["bad"].config)[0]
    assert _judge(check_id, snapshots["good"].config) == ([], [])


@pytest.mark.parametrize("check_id", LIVE_ONLY_CHECKS)
def test_live_sql_alone_is_enough(snapshots: dict[str, Collected], check_id: str) -> None:
    assert _judge(check_id, snapshots["bad"].live)[0], f"{check_id} needs more than SQL answers"
    assert _judge(check_id, snapshots["good"].live)[0] == []


@pytest.mark.parametrize("check_id", ["listen_host_wildcard", "remote_url_allow_hosts_unset", "no_tls_ports"])
def test_config_facts_unknown_over_sql_are_not_checked(snapshots: dict[str, Collected], check_id: str) -> None:
    findings, missing = _judge(check_id, snapshots["bad"].live)
    assert findings == [] and missing


def test_insecure_password_types_allowed(snapshots: dict[str, Collected]) -> None:
    """chdb logs in as a passwordless `default`, which allow_no_password=0 would refuse to load."""
    bad, _ = _judge("insecure_password_types_allowed", snapshots["bad"].merged)
    good, _ = _judge("insecure_password_types_allowed", snapshots["good"].merged)
    assert {f.resource for f in bad} == {f"setting:{n}" for n in INSECURE_TYPE_SWITCHES}
    assert [f.resource for f in good] == ["setting:allow_no_password"]


def test_expected_resources_and_no_secret_leaks(snapshots: dict[str, Collected]) -> None:
    merged = snapshots["bad"].merged
    plain, _ = _judge("plaintext_password", merged)
    assert [f.resource for f in plain] == ["user:plain"]
    empty, _ = _judge("empty_password_hash", snapshots["bad"].config)
    assert [f.resource for f in empty] == ["user:emptyhash"]
    open_hosts, _ = _judge("user_allowed_from_any_host", merged)
    assert {f.resource for f in open_hosts} >= {"user:default", "user:nopass"}
    ids = [*MODERN_CHECKS, *CONFIG_ONLY_CHECKS, "insecure_password_types_allowed"]
    everything = [f for c in ids for f in _judge(c, merged)[0]]
    dumped = "".join(f.model_dump_json() for f in everything)
    assert PLAIN_SECRET not in dumped and "cluster-secret-value" not in dumped


def test_bcrypt_advice_is_for_sql_users_only(snapshots: dict[str, Collected]) -> None:
    """users.xml users cannot hold bcrypt; the same users created with SQL are told to move to it."""
    bad = snapshots["bad"].merged
    assert _judge("bcrypt_not_used", bad) == ([], [])
    as_sql = bad.model_copy(
        update={"users": [u.model_copy(update={"storage": "local_directory"}) for u in bad.users or []]}
    )
    findings, _ = _judge("bcrypt_not_used", as_sql)
    assert [f.resource for f in findings] == ["setting:default_password_type"]
    assert "ALTER USER `plain` IDENTIFIED WITH bcrypt_password" in (findings[0].remediation.sql or "")
