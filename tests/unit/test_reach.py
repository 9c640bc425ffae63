"""Issue 13's reach model: listen addresses x a user's allowed networks x the port, version-aware.

Pure facts in, scopes out. ``is_loopback_only`` changed meaning on purpose: any address or subnet of
127.0.0.0/8 (and ::1) is loopback now, not only the few spellings of 127.0.0.1 listed before.
"""

from __future__ import annotations

from typing import Any

import pytest

from chwarden.analysis.principals import is_loopback_only
from chwarden.analysis.reach import (
    address_scope,
    client_scope,
    is_loopback_network,
    listeners,
    network_scope,
    parse_network,
    user_reach,
    user_scope,
)
from chwarden.checks.registry import get_check, run_check
from chwarden.facts import (
    AnonymousLogin,
    ConfigValue,
    ConnectionInfo,
    ContainerFacts,
    DeploymentFacts,
    InputFacts,
    PortExposure,
    ServerInfo,
    Snapshot,
    UserFacts,
)
from chwarden.model import Location

LOC = Location(file="config.xml", line=2)


def cfg(**values: str | list[str]) -> dict[str, ConfigValue]:
    return {
        k.replace("__", "."): ConfigValue(values=v if isinstance(v, list) else [v], location=LOC)
        for k, v in values.items()
    }


def snap(config: dict[str, ConfigValue] | None = None, version: str | None = "24.8.1.1", **extra: Any) -> Snapshot:
    extra.setdefault("connection", ConnectionInfo(kind="config"))
    return Snapshot(target="t", server=ServerInfo(version=version), server_config=config, config_files=[], **extra)


def xml_user(**facts: Any) -> UserFacts:
    facts.setdefault("auth_types", ["no_password"])
    facts.setdefault("password_empty", True)
    return UserFacts(name=facts.pop("name", "u"), storage="users_xml", **facts)


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("127.0.0.1", "loopback"),
        ("127.0.0.2", "loopback"),  # the whole 127.0.0.0/8
        ("127.0.1.0/24", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),  # how ClickHouse matches IPv4 clients
        ("10.0.0.0/8", "internal"),
        ("172.16.0.0/12", "internal"),
        ("192.168.1.0/255.255.255.0", "internal"),  # netmask form
        ("169.254.10.1", "internal"),  # link-local
        ("fd12:3456::/48", "internal"),  # fc00::/7
        ("fe80::1", "internal"),
        ("::ffff:10.0.0.0/104", "internal"),
        ("203.0.113.0/24", "public"),
        ("172.0.0.0/8", "public"),  # holds public addresses beyond 172.16/12
        ("::/0", "any"),
        ("0.0.0.0/0", "any"),
    ],
)
def test_network_scopes(text: str, scope: str) -> None:
    net = parse_network(text)
    assert net is not None and network_scope(net) == scope


@pytest.mark.parametrize(
    ("text", "scope"),
    [("::", "any"), ("0.0.0.0", "any"), ("203.0.113.7", "any"), ("10.1.2.3", "internal"), ("localhost", "loopback")],
)
def test_listen_address_scopes(text: str, scope: str) -> None:
    assert address_scope(text) == scope


def test_loopback_predicate_covers_all_of_127_8() -> None:
    assert (
        is_loopback_network("127.0.0.2")
        and is_loopback_network("127.5.0.0/16")
        and not is_loopback_network("128.0.0.1")
    )
    assert is_loopback_only(UserFacts(name="x", host_ip=["127.0.0.2", "::1"]))  # False before issue 13
    assert not is_loopback_only(UserFacts(name="x", host_ip=["127.0.0.1", "10.0.0.0/8"]))


def test_users_without_networks_depend_on_the_version() -> None:
    nobody_written = xml_user(networks_known=False)
    assert user_scope(snap(version="24.8.1.1"), nobody_written) == "any"
    assert user_scope(snap(version="18.16.1"), nobody_written) == "none"
    assert user_scope(snap(version=None), nobody_written) is None
    clickhouse_root = snap(version=None, inputs=InputFacts(root_elements=["clickhouse"]))
    assert user_scope(clickhouse_root, nobody_written) == "any"  # <clickhouse> files are for 22.1+


def test_ipv4_prefixes_admit_everyone_on_18x_only() -> None:
    prefixed = xml_user(host_ip=["10.0.0.0/8"])
    assert user_scope(snap(version="18.16.1"), prefixed) == "any"
    assert user_scope(snap(version="18.16.1"), xml_user(host_ip=["10.0.0.0/255.0.0.0"])) == "internal"
    assert user_scope(snap(version="24.8.1.1"), prefixed) == "internal"


def test_host_regexps_unanchored_admit_anyone() -> None:
    assert user_scope(snap(), xml_user(host_names_regexp=[r"^app\d+\.corp\.internal$"])) == "internal"
    assert user_scope(snap(), xml_user(host_names_regexp=[r"app\d+\.corp\.internal"])) == "any"
    assert user_scope(snap(), xml_user(host_names=["localhost"])) == "loopback"


def test_listeners_per_port() -> None:
    config = cfg(
        listen_host="10.0.0.5",
        interserver_listen_host="127.0.0.1",
        http_port="8123",
        interserver_http_port="9009",
        https_port="0",
    )
    found = {x.key: x for x in listeners(snap(config)) or []}
    assert set(found) == {"http_port", "interserver_http_port"}  # port 0 opens nothing
    assert found["http_port"].scope == "internal" and found["interserver_http_port"].scope == "loopback"
    assert {x.scope for x in listeners(snap(cfg(http_port="8123"))) or []} == {"loopback"}  # no listen_host
    assert listeners(Snapshot(target="t")) is None  # config unknown


def _compose(*exposure: PortExposure) -> DeploymentFacts:
    container = ContainerFacts(service="ch", image="clickhouse/clickhouse-server:25.3", exposure=list(exposure))
    return DeploymentFacts(kind="compose", file="compose.yaml", containers=[container])


@pytest.mark.parametrize(
    ("exposure", "scope", "published"),
    [
        ((PortExposure(container_port=8123, scope="any"),), "any", True),
        ((PortExposure(container_port=8123, scope="loopback", host_ip="127.0.0.1"),), "loopback", True),
        ((PortExposure(container_port=8123, scope="address", host_ip="10.0.0.9"),), "internal", True),
        ((), "internal", False),  # not published: the compose network only
    ],
)
def test_container_ports_take_the_deployments_exposure(
    exposure: tuple[PortExposure, ...], scope: str, published: bool
) -> None:
    s = snap(cfg(listen_host="::", http_port="8123"), deployment=_compose(*exposure))
    (listener,) = listeners(s) or []
    assert (listener.scope, listener.published) == (scope, published)
    inside = snap(cfg(listen_host="127.0.0.1", http_port="8123"), deployment=_compose(*exposure))
    assert (listeners(inside) or [])[0].scope == "loopback"  # a container's own loopback stays there


def test_user_reach_is_the_narrower_wall() -> None:
    any_user = xml_user(host_ip=["::/0"])
    assert user_reach(snap(cfg(http_port="8123")), any_user) == "loopback"
    assert user_reach(snap(cfg(listen_host="::", http_port="8123")), any_user) == "any"
    assert user_reach(snap(cfg(listen_host="::", http_port="8123")), xml_user(host_ip=["10.0.0.0/8"])) == "internal"
    assert client_scope(snap(cfg(listen_host="::", https_port="8443"))) == "any"


def breach(s: Snapshot) -> tuple[list[str], list[str]]:
    findings, not_checked = run_check(get_check("passwordless_login_from_network"), s)
    return [f"{f.severity.value} {f.resource} {f.confidence}" for f in findings], [
        n.resource or "" for n in not_checked
    ]


def test_breach_needs_all_three_walls_open() -> None:
    open_user = [xml_user(name="default", host_ip=["::/0"])]
    assert breach(snap(cfg(listen_host="::", http_port="8123"), users=open_user)) == (
        ["critical user:default inferred"],
        [],
    )
    assert breach(snap(cfg(http_port="8123"), users=open_user)) == ([], [])  # loopback-only server
    local_user = [xml_user(name="default", host_ip=["127.0.0.1", "::1"])]
    assert breach(snap(cfg(listen_host="::", http_port="8123"), users=local_user)) == ([], [])
    with_password = [xml_user(name="default", host_ip=["::/0"], auth_types=["sha256_password"], password_empty=False)]
    assert breach(snap(cfg(listen_host="::", http_port="8123"), users=with_password)) == ([], [])
    keeper_only = [xml_user(name="default", host_ip=["::/0"])]
    assert breach(snap(cfg(listen_host="::", keeper_server__tcp_port="9181"), users=keeper_only)) == ([], [])


def test_breach_of_a_user_without_networks_on_an_unknown_version_is_not_checked() -> None:
    users = [xml_user(name="metrics", networks_known=False)]
    assert breach(snap(cfg(listen_host="::", http_port="8123"), version=None, users=users)) == ([], ["user:metrics"])


def test_breach_proven_by_a_login_to_a_network_address() -> None:
    live = Snapshot(
        target="http://10.0.0.5:8123",
        connection=ConnectionInfo(kind="live", host="10.0.0.5", port=8123, user="default"),
        anonymous_login=[AnonymousLogin(protocol="http", port=8123, accepted=True)],
    )
    assert breach(live) == (["critical user:default proven"], [])
    on_loopback = live.model_copy(update={"connection": ConnectionInfo(kind="live", host="127.0.0.1", port=8123)})
    assert breach(on_loopback) == ([], ["user:default"])  # the listen addresses are not known
