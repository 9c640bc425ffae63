"""Network reach checks judged on small hand-built snapshots."""

from __future__ import annotations

from typing import Any

import pytest

from chwarden.checks.registry import get_check, run_check
from chwarden.facts import (
    Capabilities,
    ClusterNodeFacts,
    ConfigValue,
    ProfileElement,
    ServerInfo,
    SettingValue,
    Snapshot,
    UserFacts,
)
from chwarden.model import Endpoint, Finding, Location, NotChecked, Severity
from tests.unit.snapshots import missing_facts

LOC = Location(file="config.d/net.xml", line=3)


def cfg(**values: str | list[str]) -> dict[str, ConfigValue]:
    """Config-file values; keys use `__` for dots."""
    return {
        k.replace("__", "."): ConfigValue(values=v if isinstance(v, list) else [v], location=LOC)
        for k, v in values.items()
    }


def snap(config: dict[str, ConfigValue] | None = None, **extra: Any) -> Snapshot:
    extra.setdefault("server", ServerInfo(version="26.9.2.1"))
    return Snapshot(target="t", capabilities=Capabilities(has_sql_rbac=True), server_config=config, **extra)


def server_settings(**values: str) -> dict[str, ConfigValue]:
    return {k.replace("__", "."): ConfigValue(values=[v], origin="server_settings") for k, v in values.items()}


def run(check_id: str, snapshot: Snapshot) -> tuple[list[Finding], list[NotChecked]]:
    return run_check(get_check(check_id), snapshot)


def ep(port: int, protocol: str, tls: bool = False, **kw: Any) -> Endpoint:
    return Endpoint(host="10.0.0.5", port=port, protocol=protocol, clickhouse=True, tls=tls, **kw)


NETWORK_CHECKS = [
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
    "keeper_four_letter_words_wide",
    "prometheus_endpoint_exposed",
    "stack_traces_sent_to_clients",
    "server_display_name_leaked",
]


@pytest.mark.parametrize("check_id", NETWORK_CHECKS)
def test_nothing_collected_is_not_checked(check_id: str) -> None:
    findings, missing = run(check_id, snap(None, gaps={"server_config": "offline"}))
    assert findings == [] and len(missing) == 1


@pytest.mark.parametrize(
    "check_id",
    [
        "listen_host_wildcard",
        "interserver_without_credentials",
        "remote_url_allow_hosts_unset",
        "keeper_four_letter_words_wide",
    ],
)
def test_key_absent_from_server_settings_is_not_checked(check_id: str) -> None:
    findings, missing = run(check_id, snap(server_settings(interserver_http_port="9009", max_connections="1")))
    assert findings == [] and "not exposed" in missing[0].reason


# --- users and hosts --------------------------------------------------------------------------------


def test_user_allowed_from_any_host_severities() -> None:
    users = [
        UserFacts(name="default", auth_types=["sha256_password"], host_ip=["::/0"]),
        UserFacts(name="open", auth_types=["no_password"], host_names_like=["%"]),
        UserFacts(name="app", auth_types=["sha256_password"], host_ip=["0.0.0.0/0"]),
        UserFacts(name="lan", auth_types=["no_password"], host_ip=["10.0.0.0/8"]),
        UserFacts(name="unknown", auth_types=["sha256_password"], networks_known=False, host_ip=["::/0"]),
    ]
    findings, _ = run("user_allowed_from_any_host", snap(users=users))
    assert {f.resource: f.severity for f in findings} == {
        "user:default": Severity.HIGH,
        "user:open": Severity.CRITICAL,
        "user:app": Severity.MEDIUM,
    }
    _, missing = run("user_allowed_from_any_host", snap(users=None))
    assert missing_facts(missing) == ["users"]


def test_legacy_ipv4_cidr_only_on_18x() -> None:
    users = [UserFacts(name="r", auth_types=[], host_ip=["10.0.0.0/8", "127.0.2.0/255.255.255.0", "::1"])]
    old = snap(users=users, server=ServerInfo(version="18.16.1"))
    findings, _ = run("legacy_ipv4_cidr_network_open", old)
    assert findings[0].evidence["networks"] == ["10.0.0.0/8"]
    # the whole list is replaced: the other entries stay, or the fix would lock the user out
    assert (
        '<networks replace="replace"><ip>10.0.0.0/255.0.0.0</ip><ip>127.0.2.0/255.255.255.0</ip><ip>::1</ip>'
        "</networks>" in (findings[0].remediation.xml or "")
    )
    assert run("legacy_ipv4_cidr_network_open", snap(users=users))[0] == []
    _, missing = run("legacy_ipv4_cidr_network_open", snap(users=users, server=ServerInfo()))
    assert missing_facts(missing) == ["server.version"]
    none, missing = run(
        "legacy_ipv4_cidr_network_open",
        snap(users=[UserFacts(name="x", host_ip=["::/0"])], server=ServerInfo()),
    )
    assert none == [] and missing == []


def test_listen_host_wildcard() -> None:
    """Issue 13: the open door is its own critical finding; the wildcard listener stays medium."""
    open_user = [UserFacts(name="default", auth_types=["no_password"], host_ip=["::/0"])]
    opened = snap(cfg(listen_host=["::", "127.0.0.1"], http_port="8123"), users=open_user)
    findings, _ = run("listen_host_wildcard", opened)
    assert findings[0].severity is Severity.MEDIUM and findings[0].location == LOC
    assert findings[0].evidence["passwordless_users_open_to_any_host"] == ["default"]
    breach, _ = run("passwordless_login_from_network", opened)
    assert [(f.resource, f.severity) for f in breach] == [("user:default", Severity.CRITICAL)]
    plain, _ = run("listen_host_wildcard", snap(cfg(listen_host="0.0.0.0")))
    assert plain[0].severity is Severity.MEDIUM
    assert run("listen_host_wildcard", snap(cfg(http_port="8123")))[0] == []  # absent = loopback
    assert run("listen_host_wildcard", snap(cfg(listen_host="10.1.2.3")))[0] == []


# --- ports ------------------------------------------------------------------------------------------


def test_plaintext_ports_from_config() -> None:
    """Issue 13: each plain-text client port beyond loopback is its own finding, weighed by who reaches it."""
    ports = dict(http_port="8123", tcp_port="9000", https_port="8443", interserver_http_port="0", mysql_port="9004")
    findings, _ = run("plaintext_ports_enabled", snap(cfg(listen_host="0.0.0.0", **ports)))
    assert [(f.resource, f.severity) for f in findings] == [
        ("port:http_port", Severity.HIGH),
        ("port:tcp_port", Severity.HIGH),
        ("port:mysql_port", Severity.HIGH),
    ]
    private, _ = run("plaintext_ports_enabled", snap(cfg(listen_host="10.1.2.3", **ports)))
    assert {f.severity for f in private} == {Severity.MEDIUM}
    assert run("plaintext_ports_enabled", snap(cfg(**ports)))[0] == []  # loopback only: never on the wire
    secure_mysql = cfg(listen_host="::", mysql_port="9004", mysql_require_secure_transport="1")
    assert run("plaintext_ports_enabled", snap(secure_mysql))[0] == []
    no_tls, _ = run("plaintext_ports_enabled", snap(cfg(listen_host="::", http_port="8123")))
    assert no_tls[0].cause_candidates == (("no_tls_ports", "port:https_port"),)  # grouped under "no TLS at all"


def test_plaintext_ports_from_endpoints() -> None:
    eps = [ep(8123, "http"), ep(9440, "native_tls", tls=True), ep(9004, "mysql")]
    findings, _ = run("plaintext_ports_enabled", snap(None, endpoints=eps))
    assert [f.resource for f in findings] == ["endpoint:10.0.0.5:8123", "endpoint:10.0.0.5:9004"]


def test_no_tls_ports() -> None:
    findings, _ = run("no_tls_ports", snap(cfg(listen_host="::", http_port="8123")))
    assert findings[0].severity is Severity.HIGH and "https_port" in (findings[0].remediation.xml or "")
    local, _ = run("no_tls_ports", snap(cfg(http_port="8123")))
    assert local[0].severity is Severity.LOW
    assert run("no_tls_ports", snap(cfg(tcp_port_secure="9440")))[0] == []
    live, _ = run("no_tls_ports", snap(None, endpoints=[ep(8123, "http"), ep(9000, "native")]))
    assert live[0].resource == "endpoint:10.0.0.5"
    assert run("no_tls_ports", snap(None, endpoints=[ep(8443, "https", tls=True)]))[0] == []


@pytest.mark.parametrize(
    ("check_id", "key", "protocol"),
    [
        ("mysql_port_enabled", "mysql_port", "mysql"),
        ("postgresql_port_enabled", "postgresql_port", "postgresql"),
    ],
)
def test_wire_protocol_ports(check_id: str, key: str, protocol: str) -> None:
    findings, _ = run(check_id, snap(cfg(**{key: "9004"})))
    assert findings[0].resource == f"port:{key}" and f'<{key} remove="1"/>' in (findings[0].remediation.xml or "")
    assert run(check_id, snap(cfg(**{key: ""})))[0] == []
    live, _ = run(check_id, snap(None, endpoints=[ep(9005, protocol)]))
    assert live[0].resource == "endpoint:10.0.0.5:9005"


def test_interserver_without_credentials() -> None:
    replicated = {"zookeeper__node__host": "zk1"}
    findings, _ = run(
        "interserver_without_credentials", snap(cfg(interserver_http_port="9009", listen_host="::", **replicated))
    )
    assert findings[0].severity is Severity.HIGH
    ok = cfg(
        interserver_http_port="9009",
        interserver_http_credentials__user="repl",
        interserver_http_credentials__password="…(redacted, sha256:00000000)",
        **replicated,
    )
    assert run("interserver_without_credentials", snap(ok))[0] == []
    rotating = cfg(
        interserver_http_port="9009",
        interserver_http_credentials__user="repl",
        interserver_http_credentials__allow_empty="true",
        **replicated,
    )
    assert run("interserver_without_credentials", snap(rotating))[0][0].evidence["allow_empty"] == "true"
    assert run("interserver_without_credentials", snap(server_settings(interserver_http_port="0")))[0] == []


def test_interserver_credentials_matter_only_with_replicas() -> None:
    """Without ZooKeeper/Keeper or a shard of several replicas the interserver port serves no one."""
    single = cfg(interserver_http_port="9009", listen_host="::")
    assert run("interserver_without_credentials", snap(single))[0] == []
    keeper = cfg(interserver_http_port="9009", listen_host="::", keeper_server__raft_configuration__server__id="1")
    assert len(run("interserver_without_credentials", snap(keeper))[0]) == 1


# --- clusters ---------------------------------------------------------------------------------------


def test_clusters_from_config() -> None:
    config = cfg(
        remote_servers__test_shard_localhost__shard__replica__host="localhost",
        remote_servers__prod__shard__replica__host=["a", "b"],
        remote_servers__prod__secret="…(redacted, sha256:00000000)",
        remote_servers__logs__shard__replica__host="c",
        remote_servers__logs__shard__replica__user="reader",
    )
    findings, _ = run("cluster_without_secret", snap(config))
    assert {f.resource: f.evidence["connects_as"] for f in findings} == {
        "cluster:logs": ["reader"],
        "cluster:test_shard_localhost": ["default"],
    }
    tests, _ = run("test_clusters_configured", snap(config))
    assert [f.resource for f in tests] == ["cluster:test_shard_localhost"]


def test_clusters_live() -> None:
    nodes = [
        ClusterNodeFacts(
            cluster="test_cluster_two_shards",
            shard_num=1,
            replica_num=1,
            host_name="127.0.0.1",
            port=9000,
            user="default",
        ),
        ClusterNodeFacts(
            cluster="prod",
            shard_num=1,
            replica_num=1,
            host_name="a",
            port=9000,
            user="default",
            has_secret=True,
        ),
        ClusterNodeFacts(cluster="app", shard_num=1, replica_num=1, host_name="b", port=9000, user="app"),
    ]
    findings, _ = run("cluster_without_secret", snap(server_settings(x="1"), clusters=nodes))
    assert [f.resource for f in findings] == ["cluster:test_cluster_two_shards"]
    tests, _ = run("test_clusters_configured", snap(None, clusters=nodes))
    assert [f.resource for f in tests] == ["cluster:test_cluster_two_shards"]


# --- HTTP surface -----------------------------------------------------------------------------------


def test_cors_from_config_and_profiles() -> None:
    config = cfg(
        http_options_response__header__name=["Access-Control-Allow-Origin", "Access-Control-Max-Age"],
        http_options_response__header__value=["*", "86400"],
    )
    elements = [ProfileElement(profile_name="web", setting_name="add_http_cors_header", value="1")]
    findings, _ = run("cors_allows_any_origin", snap(config, profile_elements=elements))
    assert [f.resource for f in findings] == [
        "setting:http_options_response",
        "setting:add_http_cors_header@web",
    ]
    assert "ALTER SETTINGS PROFILE `web`" in (findings[1].remediation.sql or "")
    narrow = cfg(
        http_options_response__header__name="Access-Control-Allow-Origin",
        http_options_response__header__value="https://app.example",
    )
    assert run("cors_allows_any_origin", snap(narrow, profile_elements=[]))[0] == []
    session = {"add_http_cors_header": SettingValue(value="1")}
    live, _ = run("cors_allows_any_origin", snap(server_settings(x="1"), effective_settings=session))
    assert [f.resource for f in live] == ["setting:add_http_cors_header"]


def test_remote_url_allow_hosts() -> None:
    assert len(run("remote_url_allow_hosts_unset", snap(cfg(http_port="8123")))[0]) == 1
    assert run("remote_url_allow_hosts_unset", snap(cfg(remote_url_allow_hosts__host="s3.internal")))[0] == []


def test_verbose_replicas_status() -> None:
    assert len(run("verbose_replicas_status", snap(cfg(http_port="8123")))[0]) == 1
    assert run("verbose_replicas_status", snap(cfg(enable_verbose_replicas_status="0")))[0] == []
    assert len(run("verbose_replicas_status", snap(server_settings(enable_verbose_replicas_status="1")))[0]) == 1


def test_grpc_without_tls() -> None:
    assert len(run("grpc_without_tls", snap(cfg(grpc_port="9100")))[0]) == 1
    assert run("grpc_without_tls", snap(cfg(grpc_port="9100", grpc__enable_ssl="true")))[0] == []
    assert run("grpc_without_tls", snap(cfg(http_port="8123")))[0] == []
    live, _ = run("grpc_without_tls", snap(None, endpoints=[ep(9100, "grpc")]))
    assert live[0].resource == "endpoint:10.0.0.5:9100"


def test_keeper_four_letter_words() -> None:
    default_list, _ = run("keeper_four_letter_words_wide", snap(cfg(keeper_server__tcp_port="9181")))
    assert "envi" in default_list[0].evidence["revealing"]
    star, _ = run(
        "keeper_four_letter_words_wide",
        snap(cfg(keeper_server__tcp_port="9181", keeper_server__four_letter_word_white_list="*")),
    )
    assert star[0].evidence["revealing"] == ["*"]
    safe = cfg(keeper_server__tcp_port="9181", keeper_server__four_letter_word_white_list="ruok,mntr,isro")
    assert run("keeper_four_letter_words_wide", snap(safe))[0] == []
    assert run("keeper_four_letter_words_wide", snap(cfg(http_port="8123")))[0] == []


def test_prometheus_endpoint() -> None:
    findings, _ = run(
        "prometheus_endpoint_exposed",
        snap(cfg(prometheus__endpoint="/metrics", prometheus__port="9363", listen_host="::")),
    )
    assert findings[0].severity is Severity.MEDIUM and findings[0].evidence["port"] == "9363"
    assert run("prometheus_endpoint_exposed", snap(cfg(http_port="8123")))[0] == []
    live, _ = run("prometheus_endpoint_exposed", snap(None, endpoints=[ep(9363, "prometheus")]))
    assert live[0].resource == "endpoint:10.0.0.5:9363"


def test_stack_traces() -> None:
    eps = [
        ep(9000, "native", auth="required", reveals={"error": "Code: 194. Stack trace: 0. libclickhouse.so"}),
        ep(8123, "http", reveals={"display_name": "vm"}),
    ]
    findings, _ = run("stack_traces_sent_to_clients", snap(None, endpoints=eps))
    assert [f.resource for f in findings] == ["endpoint:10.0.0.5:9000"] and findings[0].severity is Severity.MEDIUM
    session = {"enable_http_stacktrace": SettingValue(value="1")}
    setting, _ = run("stack_traces_sent_to_clients", snap(None, effective_settings=session))
    assert [f.resource for f in setting] == ["setting:enable_http_stacktrace"]
    assert run("stack_traces_sent_to_clients", snap(None, endpoints=[ep(8123, "http")]))[0] == []


def test_server_display_name() -> None:
    eps = [ep(8123, "http", reveals={"display_name": "db-prod-7.internal"})]
    findings, _ = run("server_display_name_leaked", snap(None, endpoints=eps))
    assert findings[0].evidence["display_name"] == "db-prod-7.internal"
    neutral = [ep(8123, "http", reveals={"display_name": "clickhouse"})]
    assert run("server_display_name_leaked", snap(cfg(display_name="clickhouse"), endpoints=neutral))[0] == []
    assert len(run("server_display_name_leaked", snap(cfg(http_port="8123")))[0]) == 1


def test_features_18_16_lacks_get_advice_not_a_patch_that_would_be_ignored() -> None:
    old = ServerInfo(version="18.16.1")
    configured = cfg(remote_url_allow_hosts__host="s3.internal", enable_verbose_replicas_status="0")
    for check_id in ("remote_url_allow_hosts_unset", "verbose_replicas_status"):
        findings, _ = run(check_id, snap(configured, server=old))
        assert len(findings) == 1 and findings[0].remediation.xml is None, check_id
        assert "This version has no" in (findings[0].remediation.text or ""), check_id  # advice, not a patch
        assert run(check_id, snap(configured))[0] == [], check_id  # a current server honours the keys
    clusters = cfg(remote_servers__prod__shard__replica__host="10.0.0.2")
    secret, _ = run("cluster_without_secret", snap(clusters, server=old))
    assert secret[0].remediation.xml is None and "20.10" in (secret[0].remediation.text or "")
    assert "<secret" in (run("cluster_without_secret", snap(clusters))[0][0].remediation.xml or "")


@pytest.mark.parametrize(
    ("check_id", "config", "resource"),
    [
        ("prometheus_endpoint_exposed", {"prometheus__endpoint": "/metrics", "prometheus__port": "9363"},
         "setting:prometheus"),
        ("mysql_port_enabled", {"mysql_port": "9004"}, "port:mysql_port"),
        ("postgresql_port_enabled", {"postgresql_port": "9005"}, "port:postgresql_port"),
        ("grpc_without_tls", {"grpc_port": "9100"}, "port:grpc_port"),
        ("cors_allows_any_origin", {"http_options_response__header__name": "Access-Control-Allow-Origin",
                                    "http_options_response__header__value": "*"}, "setting:http_options_response"),
    ],
)  # fmt: skip
def test_keys_an_18_x_server_does_not_know_are_no_facts(check_id: str, config: dict[str, str], resource: str) -> None:
    """18.16 ignores these keys (its binary lacks them): configured there, they open nothing."""
    configured = cfg(listen_host="::", **config)
    findings = run(check_id, snap(configured))[0]
    assert [f.resource for f in findings] == [resource]  # a current server does what the file says
    assert run(check_id, snap(configured, server=ServerInfo(version="18.16.1"))) == ([], []), check_id
