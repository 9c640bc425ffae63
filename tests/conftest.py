"""Session fixtures: real ClickHouse 18.16 servers (Debian package) on a private loopback subnet.

All session servers start together (spawned first, then awaited: ~0.3 s for six) the first time a
test asks for one, and stop at the end of the session (SIGTERM, then SIGKILL after 10 s).
Without ``clickhouse-server`` the server tests are skipped, except under CI=true where a missing
server is an error (CI must not pass by skipping).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from tests.harness import configs
from tests.harness.addresses import SubnetAllocator
from tests.harness.certs import make_self_signed
from tests.harness.ch18 import ClickHouse18Server, ConfigDirServer, server_binary, start_all, stop_all
from tests.harness.require import require
from tests.harness.session import Ch18Env, remove_tree
from tests.harness.zookeeper import ZooKeeperServer, zookeeper_available

SERVER_FIXTURES = frozenset(
    {
        "ch18_debian_default",
        "ch18_open",
        "ch18_password",
        "ch18_hardened",
        "ch18_tls",
        "ch18_restricted",
        "ch18_factory",
        "zookeeper",
        "ch18_env",
        "ch18_servers",
    }
)
SESSION_VARIANTS: dict[str, configs.Variant] = {
    "open": configs.OPEN,
    "password": configs.PASSWORD,
    "hardened": configs.HARDENED,
    "tls": configs.TLS,
    "restricted": configs.RESTRICTED,
}


# The slowest test files, slowest first, with their seconds in one full run (2 workers on 2 cores,
# the sum of their tests' setup, call and teardown). pytest-xdist hands whole files to the workers in
# collection order: scripts/test.sh turns its own reordering off (it put the files with the most tests
# first, so one-test files of 90 s ran last, on one worker, while the other sat idle), and the long
# files start first here. Other files keep their order after these.
SLOW_FILES_FIRST = (
    ("integration/test_discover.py", 303),
    ("integration/test_watch_attacks_1816.py", 91),
    ("integration/test_serve_browser.py", 87),
    ("integration/test_shipping.py", 59),
    ("hostile/test_hostile_servers.py", 56),
    ("integration/test_watch_fleet_1816.py", 54),
    ("integration/test_fix_apply.py", 51),
    ("integration/test_privilege_agreement.py", 45),
    ("integration/test_serve_xss_1816.py", 38),
    ("integration/test_audit_acceptance.py", 37),
    ("unit/test_deployment_fuzz.py", 36),
    ("integration/test_fleet_cluster_1816.py", 36),
    ("unit/test_cli_conventions.py", 33),
    ("integration/test_demo_html.py", 30),
    ("unit/test_guard_property.py", 29),
    ("integration/test_watch_drift_1816.py", 23),
    ("unit/test_discover_sql.py", 23),
)


FILE_RANK = {name: rank for rank, (name, _seconds) in enumerate(SLOW_FILES_FIRST)}


def _file_rank(item: pytest.Item) -> int:
    return FILE_RANK.get(item.nodeid.split("::", 1)[0].removeprefix("tests/"), len(FILE_RANK))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that use a server fixture carry the ``server`` marker (``-m 'not server'`` works); the
    slowest files come first (a stable sort: a file's tests stay together and in their order)."""
    for item in items:
        if SERVER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.server)
    items.sort(key=_file_rank)


def _require_server() -> None:
    require(
        server_binary() is not None,
        "clickhouse-server (Debian package, 18.16) is not installed: apt-get install clickhouse-server",
    )


@pytest.fixture(scope="session")
def ch18_env() -> Iterator[Ch18Env]:
    _require_server()
    allocator = SubnetAllocator()
    root = Path(tempfile.mkdtemp(prefix="chwarden-ch18-", dir=os.environ.get("CHWARDEN_TEST_TMP")))
    try:
        ips = [f"{allocator.prefix}.{i}" for i in range(1, 255)]
        yield Ch18Env(allocator=allocator, root=root, cert=make_self_signed(root / "certs", ips))
    finally:
        allocator.release()
        remove_tree(root)


def _debian_server(env: Ch18Env) -> ClickHouse18Server | None:
    if not (configs.DEBIAN_CONFIG.is_file() and configs.DEBIAN_USERS.is_file()):
        return None
    host = env.next_host()
    root = env.root / "debian_default"
    users = configs.DEBIAN_USERS.read_text(encoding="utf-8")
    return ClickHouse18Server(
        "debian_default",
        host,
        root,
        configs.Variant(users),
        config_xml=configs.debian_server_config(host, root),
    )


@pytest.fixture(scope="session")
def ch18_servers(ch18_env: Ch18Env) -> Iterator[dict[str, ClickHouse18Server]]:
    """Every session server, started in parallel."""
    servers = {name: ch18_env.server(name, variant) for name, variant in SESSION_VARIANTS.items()}
    debian = _debian_server(ch18_env)
    if debian is not None:
        servers["debian_default"] = debian
    start_all(servers.values())
    try:
        yield servers
    finally:
        stop_all(servers.values())


@pytest.fixture(scope="session")
def ch18_debian_default(ch18_servers: dict[str, ClickHouse18Server]) -> ClickHouse18Server:
    """Debian's shipped users.xml verbatim + its config.xml on a private address."""
    require("debian_default" in ch18_servers, f"{configs.DEBIAN_CONFIG} / {configs.DEBIAN_USERS} not present")
    return ch18_servers["debian_default"]


@pytest.fixture(scope="session")
def ch18_open(ch18_servers: dict[str, ClickHouse18Server]) -> ClickHouse18Server:
    """default user, empty password, networks ::/0."""
    return ch18_servers["open"]


@pytest.fixture(scope="session")
def ch18_password(ch18_servers: dict[str, ClickHouse18Server]) -> ClickHouse18Server:
    """default with a sha256 password (``.default_password``), auditor with a plaintext one."""
    return ch18_servers["password"]


@pytest.fixture(scope="session")
def ch18_hardened(ch18_servers: dict[str, ClickHouse18Server]) -> ClickHouse18Server:
    """TLS-only, locked default, admin/auditor on loopback with sha256 passwords, real quotas."""
    return ch18_servers["hardened"]


@pytest.fixture(scope="session")
def ch18_tls(ch18_servers: dict[str, ClickHouse18Server]) -> ClickHouse18Server:
    """Open default user; https 8443 and native TLS 9440 next to the plain ports."""
    return ch18_servers["tls"]


@pytest.fixture(scope="session")
def ch18_restricted(ch18_servers: dict[str, ClickHouse18Server]) -> ClickHouse18Server:
    """default allowed only from 127.0.2.0/255.255.255.0: 127.0.0.1 gets code 195."""
    return ch18_servers["restricted"]


Ch18Factory = Callable[..., ClickHouse18Server]


@pytest.fixture
def ch18_factory(ch18_env: Ch18Env) -> Iterator[Ch18Factory]:
    """Start throw-away servers for one test: ``ch18_factory(users_xml=..., extra_config=..., tls=...)``."""
    started: list[ClickHouse18Server] = []

    def make(
        users_xml: str | None = None,
        extra_config: str = "",
        tls: bool = False,
        variant: configs.Variant | None = None,
    ) -> ClickHouse18Server:
        base = variant or configs.OPEN
        chosen = replace(
            base,
            users_xml=users_xml if users_xml is not None else base.users_xml,
            tls=base.tls or (configs.TlsOptions() if tls else None),
            extra_config=base.extra_config + extra_config,
        )
        server = ch18_env.server("factory", chosen)
        started.append(server)
        return server.start()

    try:
        yield make
    finally:
        stop_all(started)


@pytest.fixture
def ch18_dir_factory(ch18_env: Ch18Env) -> Iterator[Callable[..., ConfigDirServer]]:
    """Start 18.16 servers from complete config directories: ``make(config_file, ping_url, ca_file=None)``.

    Use ``ch18_env.next_host()`` (via ``make.next_host()``) for the address the config listens on.
    """
    started: list[ConfigDirServer] = []
    counter = iter(range(1, 1000))

    def make(
        config_file: Path,
        ping_url: str,
        ca_file: str | None = None,
        environment: dict[str, str] | None = None,
        overrides: dict[str, str] | None = None,
    ) -> ConfigDirServer:
        n = next(counter)
        root = ch18_env.root / f"configdir-{n}"
        server = ConfigDirServer(f"configdir-{n}", config_file, root, ping_url, ca_file, environment, overrides)
        started.append(server)
        return server.start()

    try:
        yield make
    finally:
        for server in started:
            server.stop()


@pytest.fixture
def zookeeper(ch18_env: Ch18Env) -> Iterator[ZooKeeperServer]:
    """Apache ZooKeeper (Debian package) on its own private loopback address, for one test."""
    require(zookeeper_available(), "ZooKeeper (Debian package zookeeper) is not installed: apt-get install zookeeper")
    server = ZooKeeperServer(ch18_env.next_host(), ch18_env.root / f"zookeeper-{next(_ZK_COUNTER)}").start()
    try:
        yield server
    finally:
        server.stop()


_ZK_COUNTER = iter(range(1, 10_000))
