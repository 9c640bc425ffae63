"""`chwarden harden`: what each target version gets, refused unsafe options, and a clean offline audit."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from chwarden.audit import AuditOptions, audit_config
from chwarden.clickhouse.features import Features, VersionError
from chwarden.clickhouse.features import parse_release_line as parse_version
from chwarden.model import Severity
from chwarden.remediate.harden import HardenError, HardenOptions, generate

TLS = {"tls_cert": "/etc/clickhouse-server/server.crt", "tls_key": "/etc/clickhouse-server/server.key"}


def options(version: str, **kw: object) -> HardenOptions:
    return HardenOptions(target=Features(parse_version(version)), **kw)  # type: ignore[arg-type]


def parsed(files: dict[str, str], name: str) -> ET.Element:
    return ET.fromstring(files[name].split("\n", 1)[1])


@pytest.mark.parametrize(
    ("version", "root", "roles", "constraints", "masking", "ttl"),
    [
        ("18.16", "yandex", False, False, False, False),
        ("20.8", "yandex", False, True, True, False),
        ("22.8", "clickhouse", False, True, True, True),
        ("24.8", "clickhouse", True, True, True, True),
        ("26.9", "clickhouse", True, True, True, True),
    ],
)
def test_each_version_gets_only_what_it_supports(
    version: str, root: str, roles: bool, constraints: bool, masking: bool, ttl: bool
) -> None:
    files = generate(options(version, **TLS)).files
    assert all(parsed(files, n).tag == root for n in files)
    assert ("users.d/30-roles.xml" in files) is roles
    profiles = parsed(files, "users.d/10-profiles.xml")
    assert (profiles.find("profiles/reader/constraints") is not None) is constraints
    assert profiles.findtext("profiles/reader/readonly") == "1"
    logging = parsed(files, "config.d/30-logging.xml")
    assert (logging.find("query_masking_rules") is not None) is masking
    assert (logging.find("query_log/ttl") is not None) is ttl
    users = parsed(files, "users.d/40-users.xml")
    for name in ("admin", "reader", "writer"):
        assert len(users.findtext(f"users/{name}/password_sha256_hex") or "") == 64
        assert users.find(f"users/{name}/password") is None
    assert parsed(files, "users.d/00-default.xml").find("users/default").get("remove") == "remove"  # type: ignore[union-attr]


def test_tls_only_ports_and_plain_ports_only_on_loopback() -> None:
    net = parsed(generate(options("24.8", listen_hosts=("10.1.2.3",), **TLS)).files, "config.d/10-network.xml")
    assert [e.text for e in net.findall("listen_host")] == ["10.1.2.3"]
    assert net.findtext("https_port") == "8443" and net.findtext("tcp_port_secure") == "9440"
    assert net.find("http_port").get("remove") == "1"  # type: ignore[union-attr]
    plain = parsed(generate(options("24.8")).files, "config.d/10-network.xml")
    assert [e.text for e in plain.findall("listen_host")] == ["127.0.0.1", "::1"]
    assert plain.findtext("http_port") == "8123"
    with pytest.raises(HardenError, match="loopback"):
        generate(options("24.8", listen_hosts=("0.0.0.0",)))


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"tls_cert": "/c.pem"}, "both --tls-cert and --tls-key"),
        ({"client_networks": ("::/0",)}, "admits every address"),
        ({"client_networks": ("not-a-net",)}, "not an IP"),
        ({"databases": ("x; DROP",)}, "letters, digits"),
        ({"cluster": True}, "--cluster needs"),
    ],
)
def test_unsafe_options_are_refused(kw: dict[str, object], message: str) -> None:
    with pytest.raises(HardenError, match=message):
        generate(options("24.8", **kw))


@pytest.mark.parametrize("text", ["", "latest", "24", "17.1", "x.y"])
def test_bad_target_versions(text: str) -> None:
    with pytest.raises(VersionError):
        parse_version(text)


def test_legacy_servers_get_netmask_networks() -> None:
    """18.x lets everyone in on a.b.c.d/NN; the generated users use a.b.c.d/255.255.255.0 there."""
    old = parsed(generate(options("18.16", client_networks=("10.1.2.0/24",))).files, "users.d/40-users.xml")
    assert [e.text for e in old.findall("users/reader/networks/ip")] == ["10.1.2.0/255.255.255.0"]
    new = parsed(generate(options("24.8", client_networks=("10.1.2.0/24",))).files, "users.d/40-users.xml")
    assert [e.text for e in new.findall("users/reader/networks/ip")] == ["10.1.2.0/24"]


def test_users_era_and_rbac_era_privileges() -> None:
    legacy = parsed(generate(options("18.16")).files, "users.d/40-users.xml")
    assert [e.text for e in legacy.findall("users/reader/allow_databases/database")] == ["default"]
    assert legacy.find("users/admin/access_management") is None
    mid = parsed(generate(options("22.8")).files, "users.d/40-users.xml")
    assert mid.findtext("users/admin/access_management") == "1"
    files = generate(options("26.9", databases=("app", "logs"))).files
    roles = parsed(files, "users.d/30-roles.xml")
    assert [q.text for q in roles.findall("roles/reader/grants/query")] == [
        "GRANT SELECT ON `app`.*",
        "GRANT SELECT ON `logs`.*",
    ]
    assert "ALL" not in " ".join(q.text or "" for q in roles.findall("roles/admin/grants/query"))
    users = parsed(files, "users.d/40-users.xml")
    assert [q.text for q in users.findall("users/admin/grants/query")] == [
        "GRANT admin",
        "GRANT ALL ON *.* WITH GRANT OPTION",
    ]


def test_cluster_secrets_come_from_the_environment_file(tmp_path: Path) -> None:
    hardened = generate(options("24.8", cluster=True, cluster_nodes=("10.0.0.1", "10.0.0.2"), **TLS))
    cluster = parsed(hardened.files, "config.d/50-cluster.xml")
    assert cluster.find("remote_servers/main/secret").get("from_env") == "CHWARDEN_CLUSTER_SECRET"  # type: ignore[union-attr]
    assert cluster.find("interserver_http_credentials/password").get("from_env")  # type: ignore[union-attr]
    assert cluster.find("zookeeper/identity").get("from_env") == "CHWARDEN_KEEPER_IDENTITY"  # type: ignore[union-attr]
    assert [e.text for e in cluster.findall("remote_servers/main/shard/replica/secure")] == ["1", "1"]
    assert hardened.secrets.values["CHWARDEN_KEEPER_IDENTITY"].startswith("chwarden:")
    everything = "".join(hardened.files.values())
    assert not any(v in everything for v in hardened.secrets.values.values())


def test_before_cluster_secrets_shards_log_in_as_a_dedicated_user() -> None:
    nodes = ("10.0.0.1", "db2.internal")
    old = generate(options("18.16", cluster=True, cluster_nodes=nodes, tls_ca="/etc/ca.pem", **TLS))
    cluster = parsed(old.files, "config.d/50-cluster.xml")
    assert cluster.find("remote_servers/main/secret") is None
    assert [e.text for e in cluster.findall("remote_servers/main/shard/replica/user")] == ["cluster", "cluster"]
    logins = cluster.findall("remote_servers/main/shard/replica/password")
    assert {e.get("from_env") for e in logins} == {"CHWARDEN_CLUSTER_PASSWORD"}
    user = parsed(old.files, "users.d/40-users.xml").find("users/cluster")
    assert user is not None
    assert [e.text for e in user.findall("networks/ip")] == ["127.0.0.1", "::1", "10.0.0.1"]
    assert [e.text for e in user.findall("networks/host")] == ["db2.internal"]
    assert parsed(old.files, "config.d/20-tls.xml").findtext("openSSL/client/caConfig") == "/etc/ca.pem"
    network = parsed(old.files, "config.d/10-network.xml")
    assert network.findtext("tcp_port") == "9000"  # 18.x replication reads tcp_port ("Not found: tcp_port")
    assert any("firewall it" in n for n in old.notes)
    new = generate(options("24.8", cluster=True, cluster_nodes=nodes, listen_hosts=("10.0.0.1",), **TLS))
    assert parsed(new.files, "config.d/10-network.xml").find("tcp_port").get("remove") == "1"  # type: ignore[union-attr]
    assert parsed(new.files, "config.d/10-network.xml").findtext("interserver_https_host") == "10.0.0.1"
    assert parsed(new.files, "users.d/40-users.xml").find("users/cluster") is None
    assert "CHWARDEN_CLUSTER_PASSWORD" not in new.secrets.values
    with pytest.raises(HardenError, match="--tls-ca"):
        generate(options("24.8", tls_ca="/etc/ca.pem"))


@pytest.mark.parametrize("version", ["18.16", "20.8", "22.8", "23.3", "24.8", "26.9"])
@pytest.mark.parametrize("tls", [True, False])
def test_offline_audit_of_generated_directory_has_no_critical_or_high(version: str, tls: bool, tmp_path: Path) -> None:
    kw: dict[str, object] = dict(TLS) if tls else {}
    generate(options(version, **kw)).write(tmp_path)
    report, _ = audit_config(str(tmp_path), AuditOptions())
    serious = [(f.check_id, f.resource) for f in report.findings if f.severity.at_least(Severity.HIGH)]
    assert serious == []


@pytest.mark.parametrize("version", ["18.16", "24.8"])
def test_with_tls_no_plaintext_port_is_opened(version: str) -> None:
    network = parsed(generate(options(version, listen_hosts=("10.0.0.5",), **TLS)).files, "config.d/10-network.xml")
    for key in ("http_port", "tcp_port"):
        assert [e.get("remove") for e in network.findall(key)] == ["1"], key
    assert network.findtext("https_port") == "8443" and network.findtext("tcp_port_secure") == "9440"


@pytest.mark.parametrize(
    ("listen", "clients", "reach"),
    [
        ("127.0.0.1", ("127.0.0.1",), "loopback"),  # the default: plain ports on loopback only
        ("10.20.0.5", ("10.20.0.0/16",), "internal"),  # a private address and client network
        ("203.0.113.10", ("198.51.100.0/24",), "any"),  # a public address and a partner's network
    ],
)
@pytest.mark.parametrize("version", ["18.16", "24.8", "26.9"])
def test_harden_listen_host_passes_its_own_audit(
    version: str, listen: str, clients: tuple[str, ...], reach: str, tmp_path: Path
) -> None:
    """Issue 13: a config `harden --listen-host ADDR` writes has no high or critical finding of chwarden's
    own audit, for a loopback, a private and a public ADDR (non-loopback addresses need TLS)."""
    kw: dict[str, object] = dict(TLS) if listen != "127.0.0.1" else {}
    generate(options(version, listen_hosts=(listen,), client_networks=clients, **kw)).write(tmp_path)
    report, _ = audit_config(str(tmp_path), AuditOptions(server_version=version))
    serious = [
        (f.check_id, f.resource, f.severity.value)
        for f in report.findings
        if f.severity.at_least(Severity.HIGH) and f.category != "versions"  # the release line, not the config
    ]
    assert serious == []
    assert not [
        f for f in report.findings if f.check_id in ("passwordless_login_from_network", "plaintext_ports_enabled")
    ]
    ports = {f.evidence.get("reachable_by") for f in report.findings if f.check_id == "no_tls_ports"}
    assert ports <= {None, "processes on the server host only"}
