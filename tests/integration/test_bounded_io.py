"""Limits on what chwarden accepts, reads and sends: options, files, statement size, the lock, --no-probe."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from chwarden.connect import Credentials, NoServerLock, connect, parse_target
from chwarden.connect.base import GuardedConnection
from chwarden.connect.embedded import EmbeddedTransport
from tests.harness import configs
from tests.harness.ch18 import ClickHouse18Server
from tests.harness.cli import run_chwarden
from tests.harness.session import Ch18Env


def _one_line_error(result: object, code: int) -> str:
    stderr = str(getattr(result, "stderr", ""))
    assert getattr(result, "returncode", None) == code, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("chwarden: error: "), stderr
    return lines[0]


@pytest.mark.parametrize("command", ["audit", "discover", "assess"])
@pytest.mark.parametrize(
    ("option", "value"), [("--timeout", "0"), ("--timeout", "-5"), ("--max-time", "0"), ("--connect-timeout", "0")]
)
def test_zero_or_negative_limits_are_usage_errors(command: str, option: str, value: str) -> None:
    result = run_chwarden(command, "http://127.0.0.1:1", f"{option}={value}", timeout=60)
    assert option in _one_line_error(result, 2)


def test_missing_discover_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run_chwarden("discover", str(tmp_path / "missing.parquet"), timeout=60)
    assert "no such file" in _one_line_error(result, 2)


@pytest.mark.parametrize("source", ["/dev/zero", "big"])
def test_password_file_is_capped(tmp_path: Path, source: str) -> None:
    path = source
    if source == "big":
        path = str(tmp_path / "big.txt")
        Path(path).write_text("x" * 100_000)
    started = time.monotonic()
    result = run_chwarden("audit", "http://127.0.0.1:1", "--password-file", path, timeout=60)
    assert "larger than 4 KiB" in _one_line_error(result, 2)
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("protocol", ["http", "native"])
def test_long_statement_is_sent_and_answered(ch18_open: ClickHouse18Server, protocol: str) -> None:
    """Over 64 KB: HTTP sends it by POST under the confirmed readonly lock (a URL stops at ~16 KB on 18.16)."""
    url = ch18_open.http_url if protocol == "http" else ch18_open.native_url
    literal = "a" * 100_000
    with connect(parse_target(url), Credentials()) as conn:
        assert conn.query(f"SELECT length('{literal}') AS n").scalar() == 100_000
        assert conn.applied_settings is not None and conn.applied_settings["readonly"] == "1"


READONLY_2_USERS = configs.users_file(
    "<default><log_queries>1</log_queries></default><ro2><readonly>2</readonly></ro2>",
    configs.user("default", profile="ro2"),
    configs.UNLIMITED_QUOTA,
)


@pytest.mark.parametrize("protocol", ["http", "native"])
def test_readonly_2_profile_keeps_every_limit(ch18_factory: Callable[..., ClickHouse18Server], protocol: str) -> None:
    """The account may not restate readonly: only readonly is left to the server, every limit stays."""
    server = ch18_factory(users_xml=READONLY_2_USERS)
    url = server.http_url if protocol == "http" else server.native_url
    with connect(parse_target(url), Credentials(), max_execution_time=7) as conn:
        assert conn.query("SELECT 1").scalar() == 1
        applied = conn.applied_settings or {}
        assert applied["readonly"] in ("1", "2") and applied["max_execution_time"] == "7"
        assert applied["max_result_rows"] == "100000" and applied["result_overflow_mode"] == "throw"
        assert "max_execution_time" in conn.session_settings
        assert conn.settings_mode.startswith("server read-only: readonly=")


CONST_READONLY_0 = """
<profiles><default><readonly>0</readonly><constraints><readonly><const/></readonly></constraints></default></profiles>
<users><default><no_password/><networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota></default></users>
<quotas><default/></quotas>
"""


@pytest.mark.embedded
def test_no_server_lock_means_nothing_is_sent(tmp_path: Path) -> None:
    """An account whose readonly is fixed at 0 gets no statement at all: NoServerLock, one line."""
    from tests.harness.chdb_env import chdb_environment

    with chdb_environment(CONST_READONLY_0, tmp_path) as env:
        transport = EmbeddedTransport(str(env.data_dir), session=env.session)
        with GuardedConnection(transport, description="chdb") as conn, pytest.raises(NoServerLock) as refused:
            conn.query("SELECT 1")
        assert conn.queries_sent[-1].startswith("SELECT name, value FROM system.settings")
        assert "SELECT 1" not in conn.queries_sent
    assert "\n" not in str(refused.value)


class _Counter:
    """A listener on another ClickHouse port of the audited host: counts who knocks."""

    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_server((host, port))
        self.sock.settimeout(0.2)
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()


def test_no_probe_sends_no_probe(ch18_env: Ch18Env, ch18_factory: Callable[..., ClickHouse18Server]) -> None:
    server = ch18_factory()
    counter = _Counter(server.host, 9004)  # the MySQL-protocol port the audit's probe knocks on
    try:
        quiet = run_chwarden("audit", server.http_url, "--no-probe", "--no-local-config", "-f", "json")
        seen_quiet = counter.connections
        probed = run_chwarden("audit", server.http_url, "--no-local-config", "-f", "json")
    finally:
        counter.close()
    assert quiet.returncode in (0, 1) and probed.returncode in (0, 1), quiet.stderr + probed.stderr
    assert seen_quiet == 0
    assert counter.connections >= 1  # without --no-probe the same port is probed
    assert '"default_user_without_password"' in quiet.stdout  # the audit's own login proved it
