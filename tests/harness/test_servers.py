"""Self-tests of the 18.16 harness: each variant is what its fixture promises.

Also pins down 18.16 behaviours the checks rely on (CIDR bug, ignored query_masking_rules).
"""

from __future__ import annotations

import socket
import ssl
import xml.etree.ElementTree as ET
from collections.abc import Callable

import httpx
import pytest

from tests.harness import configs
from tests.harness.ch18 import ClickHouse18Server, ServerError

pytestmark = pytest.mark.server


def test_servers_share_one_private_subnet(ch18_servers: dict[str, ClickHouse18Server]) -> None:
    prefixes = {server.host.rsplit(".", 1)[0] for server in ch18_servers.values()}
    assert len(prefixes) == 1
    assert not next(iter(prefixes)).startswith("127.0.")
    assert len({server.host for server in ch18_servers.values()}) == len(ch18_servers)
    assert all(server.running and server.pid for server in ch18_servers.values())


def test_config_dir_holds_config_and_users(ch18_servers: dict[str, ClickHouse18Server]) -> None:
    assert len(ch18_servers) >= 2  # the session variants: the loop below has servers to look at
    for server in ch18_servers.values():
        config = ET.parse(server.config_dir / "config.xml").getroot()
        users = ET.parse(server.config_dir / "users.xml").getroot()
        assert config.tag == users.tag == "yandex"
        assert config.findtext("users_config") == "users.xml"
        assert config.findtext("listen_host") == server.host
        assert config.find("query_log") is not None
        assert users.find("users/default") is not None


def test_debian_default_is_the_shipped_setup(ch18_debian_default: ClickHouse18Server) -> None:
    server = ch18_debian_default
    assert (server.config_dir / "users.xml").read_bytes() == configs.DEBIAN_USERS.read_bytes()
    assert httpx.get(f"{server.http_url}/?query=SELECT%20currentDatabase()").text.strip() == "default"
    assert server.admin_query("SELECT 1", user="readonly").strip() == "1"
    clusters = set(server.admin_query("SELECT DISTINCT cluster FROM system.clusters").split())
    assert {
        "test_shard_localhost",
        "test_cluster_two_shards_localhost",
        "test_shard_localhost_secure",
    } <= clusters
    with socket.create_connection((server.host, configs.DEBIAN_INTERSERVER_PORT), timeout=2):
        pass


def _handshake(server: ClickHouse18Server, port: int, tls12_cipher: str | None = None) -> str:
    """Negotiated TLS version; with ``tls12_cipher`` only TLS 1.2 and that cipher are offered."""
    context = ssl.create_default_context(cafile=server.ca_file)
    if tls12_cipher is not None:
        context.maximum_version = ssl.TLSVersion.TLSv1_2
        context.set_ciphers(tls12_cipher)
    with (
        socket.create_connection((server.host, port), timeout=3) as raw,
        context.wrap_socket(raw, server_hostname=server.host) as tls,
    ):
        return str(tls.version())


@pytest.mark.parametrize("port", [configs.HTTPS_PORT, configs.TCP_PORT_SECURE])
def test_hardened_tls_is_modern_only(ch18_hardened: ClickHouse18Server, port: int) -> None:
    assert _handshake(ch18_hardened, port) == "TLSv1.3"
    assert _handshake(ch18_hardened, port, "ECDHE-RSA-AES256-GCM-SHA384") == "TLSv1.2"
    with pytest.raises(OSError):  # ssl.SSLError is an OSError
        _handshake(ch18_hardened, port, "AES128-SHA")


def test_hardened_accounts(ch18_hardened: ClickHouse18Server) -> None:
    server = ch18_hardened
    assert server.http_port is None and server.tcp_port is None
    assert server.admin_query("SELECT 1").strip() == "1"  # admin
    with pytest.raises(ServerError, match="Code: 164"):
        server.admin_query("CREATE TABLE default.t (x UInt8) ENGINE = Memory", user="auditor")
    server.admin_query("CREATE TABLE IF NOT EXISTS default.admin_only (x UInt8) ENGINE = Memory")
    with pytest.raises(ServerError, match="Code: 291"):
        server.admin_query("SELECT count() FROM default.admin_only", user="auditor")
    settings = server.admin_query(
        "SELECT name, value FROM system.settings WHERE name IN "
        "('readonly', 'max_memory_usage', 'max_execution_time', 'max_result_rows', 'log_queries') "
        "ORDER BY name FORMAT TSV",
        user="auditor",
    )
    assert dict(line.split("\t") for line in settings.splitlines()) == {
        "log_queries": "1",
        "max_execution_time": "30",
        "max_memory_usage": "1000000000",
        "max_result_rows": "100000",
        "readonly": "1",
    }
    users = ET.parse(server.config_dir / "users.xml").getroot()
    assert all(u.find("password") is None for u in users.find("users") or [])


def test_restricted_admits_only_its_network(ch18_restricted: ClickHouse18Server) -> None:
    assert ch18_restricted.admin_query("SELECT 1").strip() == "1"  # bound to 127.0.2.7
    refused = httpx.get(f"{ch18_restricted.http_url}/?query=SELECT%201")
    assert refused.status_code == 500 and "Code: 195" in refused.text


def test_1816_ipv4_cidr_prefix_admits_everyone(ch18_factory: Callable[..., ClickHouse18Server]) -> None:
    """Why the harness writes netmasks: on 18.16 ``10.0.0.0/8`` lets 127.0.0.1 in."""
    users = configs.users_file(
        configs.LOGGED_PROFILE, configs.user("default", networks=("10.0.0.0/8",)), configs.UNLIMITED_QUOTA
    )
    server = ch18_factory(users_xml=users)
    assert httpx.get(f"{server.http_url}/?query=SELECT%201").text.strip() == "1"


def test_1816_ignores_query_masking_rules(ch18_factory: Callable[..., ClickHouse18Server]) -> None:
    """18.16 starts with a <query_masking_rules> section but does not mask: the hardened variant omits it."""
    rules = (
        "<query_masking_rules><rule><regexp>sk-[a-z0-9]+</regexp><replace>***</replace></rule></query_masking_rules>"
    )
    server = ch18_factory(extra_config=rules)
    server.admin_query("SELECT 'sk-abc123secret'")
    assert any("sk-abc123secret" in query for _kind, query in server.wait_logged("default", "sk-abc123secret"))


def test_kill_stops_the_process(ch18_factory: Callable[..., ClickHouse18Server]) -> None:
    server = ch18_factory()
    pid = server.pid
    assert pid and server.running
    server.kill()
    assert not server.running
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{server.http_url}/ping", timeout=1)
