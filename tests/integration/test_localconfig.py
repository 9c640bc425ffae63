"""Finding a local clickhouse-server's config from its listening socket, then auditing that config.

The /proc parsing is checked on a fake /proc tree; the real thing on Debian's 18.16 server.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from chwarden.sources.configfiles import ConfigNode, load_config, snapshot_from_config
from chwarden.sources.configfiles.reading import read_config_file
from chwarden.sources.localconfig import (
    LocalServer,
    find_local_server,
    find_local_server_config,
    listening_inodes,
    parse_server_args,
)
from tests.harness.ch18 import ClickHouse18Server, server_binary
from tests.harness.session import Ch18Env

TCP_HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"


def _tcp_line(local: str, state: str, inode: int) -> str:
    counters = "00000000:00000000 00:00000000 00000000     0        0"
    return f"   0: {local} 00000000:0000 {state} {counters} {inode} 1\n"


@pytest.fixture
def fake_proc(tmp_path: Path) -> Path:
    """127.0.4.9:8123 and [::]:9000 listening; pid 4242 is clickhouse-server holding both."""
    proc = tmp_path / "proc"
    (proc / "net").mkdir(parents=True)
    (proc / "net" / "tcp").write_text(
        TCP_HEADER
        + _tcp_line("0904007F:1FBB", "0A", 111)  # 127.0.4.9:8123 LISTEN
        + _tcp_line("0904007F:1FBC", "01", 112)  # an established connection, ignored
    )
    (proc / "net" / "tcp6").write_text(TCP_HEADER + _tcp_line("0" * 32 + ":2328", "0A", 222))  # [::]:9000
    pid = proc / "4242"
    (pid / "fd").mkdir(parents=True)
    (pid / "fd" / "3").symlink_to("socket:[111]")
    (pid / "fd" / "4").symlink_to("socket:[222]")
    (pid / "fd" / "5").symlink_to("/dev/null")
    (pid / "cwd").symlink_to(tmp_path / "etc")
    (pid / "cmdline").write_bytes(b"/usr/bin/clickhouse-server\0-C\0conf/main.xml\0--\0--listen_host=0.0.0.0\0")
    other = proc / "77"
    (other / "fd").mkdir(parents=True)
    (other / "fd" / "3").symlink_to("socket:[111]")  # not a clickhouse process: skipped
    (other / "cmdline").write_bytes(b"nginx\0")
    return proc


def test_fake_proc_listening_sockets(fake_proc: Path) -> None:
    assert listening_inodes("127.0.4.9", 8123, fake_proc) == {"111"}
    assert listening_inodes("127.0.4.8", 8123, fake_proc) == set()
    assert listening_inodes("127.0.4.8", 9000, fake_proc) == {"222"}  # [::] accepts any address
    assert listening_inodes("127.0.4.9", 8124, fake_proc) == set()


def test_fake_proc_finds_server_and_resolves_relative_config(fake_proc: Path, tmp_path: Path) -> None:
    expected = LocalServer(
        pid=4242,
        config_file=str(tmp_path / "etc" / "conf" / "main.xml"),
        overrides={"listen_host": "0.0.0.0"},
    )
    assert find_local_server("127.0.4.9", 8123, fake_proc) == expected
    assert find_local_server("::1", 9000, fake_proc) == expected
    assert find_local_server("127.0.4.9", 9999, fake_proc) is None
    assert find_local_server("db.example.com", 8123, fake_proc) is None  # no DNS lookups


def test_unreadable_proc_gives_none(tmp_path: Path) -> None:
    assert find_local_server("127.0.0.1", 8123, tmp_path / "missing") is None


@pytest.mark.parametrize(
    ("argv", "config", "overrides"),
    [
        (["clickhouse-server", "--config-file=/etc/ch/c.xml"], "/etc/ch/c.xml", {}),
        (["clickhouse-server", "--config-file", "c.xml", "--daemon"], "c.xml", {}),
        (["clickhouse", "server", "--config", "c.yaml"], "c.yaml", {}),
        (["clickhouse-server", "-Cc.xml"], "c.xml", {}),
        (["clickhouse-server"], None, {}),
        (
            [
                "clickhouse-server",
                "-C",
                "x.xml",
                "--",
                "--listen_host=127.0.1.5",
                "--http_port",
                "18123",
                "junk",
            ],
            "x.xml",
            {"listen_host": "127.0.1.5", "http_port": "18123"},
        ),
    ],
)
def test_parse_server_args(argv: list[str], config: str | None, overrides: dict[str, str]) -> None:
    assert parse_server_args(argv) == (config, overrides)


# --- real Debian 18.16 servers ----------------------------------------------------------------


@pytest.mark.server
def test_finds_running_server_config_and_audits_it(ch18_factory: Callable[..., ClickHouse18Server]) -> None:
    server = ch18_factory()  # open variant: config.xml with <users_config>users.xml</users_config>
    started = time.monotonic()
    config_file = find_local_server_config(server.host, 8123)
    elapsed = time.monotonic() - started
    assert config_file == str(server.config_dir / "config.xml")
    assert elapsed < 3
    assert find_local_server_config(server.host, 8124) is None
    snapshot = snapshot_from_config(config_file)
    assert snapshot.connection.kind == "config" and snapshot.target == config_file
    assert snapshot.config_files == ["config.xml", "users.xml"]
    users = {u.name: u for u in snapshot.users or []}
    default = users["default"]
    assert (default.host_ip, default.password_empty, default.auth_types) == (
        ["::/0"],
        True,
        ["plaintext_password"],
    )
    assert default.location is not None and default.location.file == "users.xml"
    assert snapshot.server_config is not None
    assert snapshot.server_config["listen_host"].values == [server.host]


USERS_XML = (
    "<yandex><profiles><default/></profiles><users><default><password></password>"
    "<networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota></default>"
    "</users><quotas><default/></quotas></yandex>\n"
)


def _main_config(host: str, root: Path, extra: str = "") -> str:
    return f"""<yandex>
    <logger><console>1</console><level>warning</level></logger>
    <listen_host>{host}</listen_host>
    <http_port>8123</http_port>
    <tcp_port>9000</tcp_port>
    <path>{root}/data/</path>
    <mark_cache_size>268435456</mark_cache_size>
    <users_config>users.xml</users_config>
{extra}</yandex>
"""


@contextmanager
def _running(root: Path, args: list[str], ping: str, env: dict[str, str] | None = None) -> Iterator[int]:
    """Run clickhouse-server in ``root`` until /ping answers; SIGTERM (then SIGKILL) on exit."""
    binary = server_binary()
    assert binary is not None
    with open(root / "server.log", "wb") as log:
        proc = subprocess.Popen(
            [binary, *args],
            cwd=root,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, **(env or {})},
        )
    try:
        deadline = time.monotonic() + 10
        with httpx.Client(timeout=0.5) as client:
            while True:
                try:
                    if client.get(ping).text.startswith("Ok."):
                        break
                except httpx.HTTPError:
                    pass
                assert proc.poll() is None and time.monotonic() < deadline, (root / "server.log").read_text()
                time.sleep(0.02)
        yield proc.pid
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.mark.server
def test_command_line_overrides_of_a_running_server(ch18_env: Ch18Env, tmp_path: Path) -> None:
    host = ch18_env.next_host()
    (tmp_path / "config.xml").write_text(_main_config(host, tmp_path))
    (tmp_path / "users.xml").write_text(USERS_XML)
    # A relative --config-file is resolved against the server's working directory.
    args = ["--config-file=config.xml", "--", "--tcp_port=19000"]
    with _running(tmp_path, args, f"http://{host}:8123/ping") as pid:
        found = find_local_server(host, 19000)
        on_file_port = find_local_server(host, 9000)
    expected = LocalServer(pid=pid, config_file=str(tmp_path / "config.xml"), overrides={"tcp_port": "19000"})
    assert found == expected
    assert on_file_port is None  # the file's port was overridden: nothing listens there
    snapshot = snapshot_from_config(found.config_file, overrides=found.overrides)
    assert snapshot.server_config is not None
    tcp = snapshot.server_config["tcp_port"]
    assert (tcp.values, str(tcp.location)) == (["19000"], "command line")
    assert snapshot.extra["command_line_overrides"] == ["tcp_port"]


def _shape(node: ConfigNode) -> tuple[object, ...]:
    """Tags, text and order: what the server's preprocessed file and our merge must agree on."""
    return node.tag, node.text, tuple(_shape(c) for c in node.children)


TRICKY_OVERRIDES = {
    "conf.d/a.xml": "<yandex><http_port>18123</http_port><max_connections>7</max_connections></yandex>",
    "config.d/b.xml": """<yandex>
    <listen_host>{second}</listen_host>
    <http_port>28123</http_port>
    <max_concurrent_queries remove="1"/>
    <macros replace="replace"><shard>02</shard></macros>
    <remote_servers><c1><shard><replica><host>h2</host><port>9000</port></replica></shard></c1></remote_servers>
    <display_name from_env="CHW_DISPLAY_NAME"/>
</yandex>""",
    "users.d/z.xml": """<yandex><users>
    <default><password></password><networks replace="replace"><ip>::1</ip></networks></default>
    <gone remove="1"/>
    <extra><password>p</password><networks incl="nets"/>
        <profile>default</profile><quota>default</quota></extra>
</users></yandex>""",
    "metrika.xml": "<yandex><nets><ip>10.0.0.0/255.0.0.0</ip></nets><cl><c9><shard><replica><host>m</host>"
    "<port>9000</port></replica></shard></c9></cl></yandex>",
}
TRICKY_MAIN = """    <include_from>{root}/metrika.xml</include_from>
    <listen_host>{first}</listen_host>
    <max_concurrent_queries>50</max_concurrent_queries>
    <macros><replica>r1</replica><shard>01</shard></macros>
    <remote_servers incl="cl" />
    <zookeeper incl="zk" optional="true"/>
"""
TRICKY_USERS = (
    "<yandex><profiles><default/></profiles><users>"
    "<default><password>old-password</password><networks><ip>::/0</ip></networks>"
    "<profile>default</profile><quota>default</quota></default>"
    "<gone><password></password><networks><ip>::/0</ip></networks><profile>default</profile>"
    "<quota>default</quota></gone>"
    "</users><quotas><default/></quotas></yandex>\n"
)


@pytest.mark.server
def test_merge_matches_the_servers_preprocessed_config(ch18_env: Ch18Env, tmp_path: Path) -> None:
    """18.16 writes its merged result to preprocessed_configs/: our merge must produce the same tree."""
    first, second, third = ch18_env.next_host(), ch18_env.next_host(), ch18_env.next_host()
    main = _main_config(first, tmp_path, TRICKY_MAIN.format(root=tmp_path, first=second))
    (tmp_path / "config.xml").write_text(main)
    (tmp_path / "users.xml").write_text(TRICKY_USERS)
    for name, text in TRICKY_OVERRIDES.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text.replace("{second}", third))
    env = {"CHW_DISPLAY_NAME": "prod-eu-1"}
    with _running(tmp_path, [f"--config-file={tmp_path / 'config.xml'}"], f"http://{third}:28123/ping", env):
        preprocessed = tmp_path / "data" / "preprocessed_configs"
        server_view = read_config_file(preprocessed / "config.xml", "config.xml")
        users_view = read_config_file(preprocessed / "users.xml", "users.xml")
    merged = load_config(tmp_path, env=env)
    assert merged.users is not None
    assert _shape(merged.server) == _shape(server_view)
    assert _shape(merged.users) == _shape(users_view)
    # and the facts read from it: listen_host pairs up, conf.d sorts before config.d
    snapshot = snapshot_from_config(tmp_path, env=env)
    config = snapshot.server_config or {}
    assert config["listen_host"].values == [third, second]
    assert (config["http_port"].values, str(config["http_port"].location)) == (["28123"], "config.d/b.xml:3")
    assert config["display_name"].values == ["prod-eu-1"]
    users = {u.name: u for u in snapshot.users or []}
    assert sorted(users) == ["default", "extra"]
    # Each file takes includes from its own <include_from> (else /etc/metrika.xml), so the users
    # file does not see the main file's metrika.xml: `extra` keeps its empty networks, as on 18.16.
    assert (users["default"].password_empty, users["default"].host_local, users["extra"].host_ip) == (
        True,
        True,
        [],
    )
    assert snapshot.extra["unresolved"] == [
        "users.d/z.xml:4: users.extra.networks: incl='nets' not found in /etc/metrika.xml (kept as written)"
    ]
