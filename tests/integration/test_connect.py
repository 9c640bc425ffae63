"""chwarden.connect against real ClickHouse 18.16 servers: protocols, TLS, failures, the guard.

Every query here goes through ``connect(parse_target(url), Credentials(...))``; the servers'
``admin_query`` is used only for test setup and to read ``system.query_log`` afterwards.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from chwarden.connect import (
    AuthenticationFailed,
    ChwardenConnectError,
    ConnectionLost,
    Credentials,
    GuardedConnection,
    NotClickHouse,
    Unreachable,
    WriteRefused,
    connect,
    parse_target,
)
from tests.harness import configs
from tests.harness.ch18 import ClickHouse18Server
from tests.harness.fake_services import tcp_service, web_server
from tests.harness.session import Ch18Env
from tests.harness.wait import wait_until

pytestmark = pytest.mark.server

PLAIN = ("http", "native")
SECURE = ("https", "native_tls")
READ_WORDS = ("SELECT", "SHOW", "DESCRIBE", "DESC", "EXISTS", "WITH")


URL_PROPERTY = {
    "http": "http_url",
    "native": "native_url",
    "https": "https_url",
    "native_tls": "native_tls_url",
}


def url_of(server: ClickHouse18Server, protocol: str) -> str:
    return str(getattr(server, URL_PROPERTY[protocol]))


def open_conn(url: str, user: str = "default", password: str = "", **kwargs: Any) -> GuardedConnection:
    return connect(parse_target(url), Credentials(user, password), **kwargs)


def assert_clear(exc: BaseException) -> None:
    """A clear error: one short line, no stack trace or library paths from the server."""
    text = str(exc)
    assert text and "\n" not in text and len(text) <= 400, text
    assert "Stack trace" not in text and ".so" not in text, text


# ---- queries over every protocol -------------------------------------------------------------


@pytest.mark.parametrize("protocol", PLAIN)
def test_plain_protocols_query(ch18_open: ClickHouse18Server, protocol: str) -> None:
    with open_conn(url_of(ch18_open, protocol)) as conn:
        assert conn.query("SELECT version()").scalar() == "18.16.1"
        result = conn.query("SELECT number, toString(number) AS s FROM system.numbers LIMIT 3")
        assert result.columns == ["number", "s"]
        assert result.rows == [(0, "0"), (1, "1"), (2, "2")]
        assert conn.protocol == protocol


@pytest.mark.parametrize("protocol", SECURE)
@pytest.mark.parametrize("how", ["ca_file", "no_verify"])
def test_tls_protocols_query(ch18_tls: ClickHouse18Server, protocol: str, how: str) -> None:
    kwargs: dict[str, Any] = {"ca_file": ch18_tls.ca_file} if how == "ca_file" else {"verify_tls": False}
    with open_conn(url_of(ch18_tls, protocol), **kwargs) as conn:
        assert conn.query("SELECT version()").scalar() == "18.16.1"
        assert conn.transport.tls


@pytest.mark.parametrize("protocol", SECURE)
def test_tls_verification_is_on_by_default(ch18_tls: ClickHouse18Server, protocol: str) -> None:
    with open_conn(url_of(ch18_tls, protocol)) as conn, pytest.raises(ChwardenConnectError) as excinfo:
        conn.query("SELECT 1")
    assert "certificate" in str(excinfo.value).lower()
    assert_clear(excinfo.value)


# ---- authentication and network refusals ---------------------------------------------------------

AUTH_CASES = [
    ("default", "wrong-password", 193),
    ("default", "", 194),
    ("nobody", "nobody-pw-5e1", 192),
]


@pytest.mark.parametrize("protocol", PLAIN)
@pytest.mark.parametrize(("user", "password", "code"), AUTH_CASES)
def test_authentication_failed(
    ch18_password: ClickHouse18Server, protocol: str, user: str, password: str, code: int
) -> None:
    with (
        open_conn(url_of(ch18_password, protocol), user, password) as conn,
        pytest.raises(AuthenticationFailed) as excinfo,
    ):
        conn.query("SELECT 1")
    assert excinfo.value.code == code
    assert_clear(excinfo.value)
    if password:
        assert password not in str(excinfo.value)


@pytest.mark.parametrize("protocol", PLAIN)
@pytest.mark.parametrize("user", ["default", "auditor"])
def test_right_password(ch18_password: ClickHouse18Server, protocol: str, user: str) -> None:
    with open_conn(url_of(ch18_password, protocol), user, ch18_password.password(user)) as conn:
        assert conn.query("SELECT 1").scalar() == 1


@pytest.mark.parametrize("protocol", PLAIN)
def test_network_refused_is_code_195(ch18_restricted: ClickHouse18Server, protocol: str) -> None:
    with open_conn(url_of(ch18_restricted, protocol)) as conn, pytest.raises(AuthenticationFailed) as excinfo:
        conn.query("SELECT 1")
    assert excinfo.value.code == 195


@pytest.mark.parametrize("protocol", SECURE)
def test_hardened_auditor_reads_under_server_readonly(ch18_hardened: ClickHouse18Server, protocol: str) -> None:
    url = url_of(ch18_hardened, protocol)
    with open_conn(url, "auditor", ch18_hardened.auditor_password, ca_file=ch18_hardened.ca_file) as conn:
        # the server's readonly=1 profile stays in force whatever chwarden asks for
        assert conn.query("SELECT value FROM system.settings WHERE name = 'readonly'").scalar() == "1"
        # HTTP refuses the settings change (code 164), native ignores it silently: either way the
        # connection reads back what the server applied and reports the server's lock honestly.
        assert conn.settings_mode.startswith("server read-only: readonly=1")
        assert conn.query("SELECT count() FROM system.tables").scalar() > 0


@pytest.mark.parametrize("protocol", SECURE)
def test_hardened_default_needs_its_password(ch18_hardened: ClickHouse18Server, protocol: str) -> None:
    url = url_of(ch18_hardened, protocol)
    with (
        open_conn(url, ca_file=ch18_hardened.ca_file) as conn,
        pytest.raises(AuthenticationFailed) as excinfo,
    ):
        conn.query("SELECT 1")
    assert excinfo.value.code == 194


@pytest.mark.parametrize("scheme", ["http", "clickhouse"])
def test_hardened_has_no_plain_ports(ch18_hardened: ClickHouse18Server, scheme: str) -> None:
    with open_conn(f"{scheme}://{ch18_hardened.host}") as conn, pytest.raises(Unreachable):
        conn.query("SELECT 1")


# ---- wrong or missing endpoints ---------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["http", "clickhouse", "https", "clickhouses"])
def test_closed_port_is_unreachable_quickly(ch18_env: Ch18Env, scheme: str) -> None:
    host = ch18_env.unused_host()
    started = time.monotonic()
    with open_conn(f"{scheme}://{host}", connect_timeout=2.0) as conn, pytest.raises(Unreachable) as excinfo:
        conn.query("SELECT 1")
    assert time.monotonic() - started < 2.0
    assert_clear(excinfo.value)


def test_web_server_is_not_clickhouse(ch18_env: Ch18Env) -> None:
    host = ch18_env.next_host()
    with web_server(host, 8123) as url, open_conn(url) as conn, pytest.raises(NotClickHouse) as excinfo:
        conn.query("SELECT 1")
    assert_clear(excinfo.value)


def test_native_client_on_web_server_fails_clearly(ch18_env: Ch18Env) -> None:
    host = ch18_env.next_host()
    started = time.monotonic()
    with (
        web_server(host, 9000),
        open_conn(f"clickhouse://{host}:9000", max_execution_time=1) as conn,
        pytest.raises(ChwardenConnectError) as excinfo,
    ):
        conn.query("SELECT 1")
    assert time.monotonic() - started < 12.0
    assert_clear(excinfo.value)


@pytest.mark.parametrize("scheme", ["http", "clickhouse"])
def test_garbage_service_fails_clearly(ch18_env: Ch18Env, scheme: str) -> None:
    host = ch18_env.next_host()
    started = time.monotonic()
    with (
        tcp_service(host, 8123, "garbage"),
        open_conn(f"{scheme}://{host}:8123", max_execution_time=1) as conn,
        pytest.raises(ChwardenConnectError) as excinfo,
    ):
        conn.query("SELECT 1")
    assert time.monotonic() - started < 12.0
    assert isinstance(excinfo.value, NotClickHouse | ConnectionLost | Unreachable)
    assert_clear(excinfo.value)


def test_silent_port_times_out_clearly(ch18_env: Ch18Env) -> None:
    """A port that accepts and never answers: both protocols give up within the query timeout."""
    host = ch18_env.next_host()

    def attempt(scheme: str) -> tuple[BaseException | None, float]:
        started = time.monotonic()
        try:
            with open_conn(f"{scheme}://{host}:8123", max_execution_time=1) as conn:
                conn.query("SELECT 1")
        except Exception as exc:
            return exc, time.monotonic() - started
        return None, time.monotonic() - started

    with tcp_service(host, 8123, "silent"), ThreadPoolExecutor(2) as pool:
        outcomes = list(pool.map(attempt, ["http", "clickhouse"]))
    assert len(outcomes) == 2
    for exc, elapsed in outcomes:
        assert exc is not None
        assert isinstance(exc, ChwardenConnectError) or getattr(exc, "code", None) == 159, repr(exc)
        assert elapsed < 15.0
        assert_clear(exc)


# ---- a server that dies ---------------------------------------------------------------------------

LONG_QUERY = "SELECT sum(number) FROM (SELECT number FROM system.numbers LIMIT 100000000000)"


def _running(server: ClickHouse18Server, query: str) -> bool:
    """The query is being executed by the server (seen from another connection)."""
    needle = query.replace("'", "\\'")
    count = server.admin_query(
        "SELECT count() FROM system.processes "
        f"WHERE position(query, '{needle}') > 0 AND query NOT LIKE '%system.processes%'"
    )
    return int(count.strip() or 0) > 0


@pytest.mark.parametrize("protocol", PLAIN)
def test_server_killed_mid_query(ch18_factory: Callable[..., ClickHouse18Server], protocol: str) -> None:
    server = ch18_factory()
    with open_conn(url_of(server, protocol)) as conn:
        assert conn.query("SELECT 1").scalar() == 1
        outcome: list[BaseException] = []

        def run() -> None:
            try:
                conn.query(LONG_QUERY)
            except BaseException as exc:
                outcome.append(exc)

        worker = threading.Thread(target=run)
        worker.start()
        wait_until(lambda: _running(server, LONG_QUERY), timeout=30, what="the long query to run on the server")
        server.kill()
        worker.join(timeout=30)
        assert not worker.is_alive()
        assert outcome and isinstance(outcome[0], ConnectionLost), outcome
        assert_clear(outcome[0])
        with pytest.raises(ConnectionLost):
            conn.query("SELECT 1")


# ---- the guard proof --------------------------------------------------------------------------

WARDEN_PASSWORD = "warden-pass-2c9e"
GUARD_USERS = configs.users_file(
    configs.LOGGED_PROFILE,
    configs.user("default") + configs.user("warden", sha256_of=WARDEN_PASSWORD),
    configs.UNLIMITED_QUOTA,
)
ALLOWED_READS = [
    "SELECT count() FROM system.tables",
    "SELECT name, value FROM system.settings WHERE name = 'readonly'",
    "SHOW TABLES FROM system",
    "SHOW DATABASES",
    "DESCRIBE TABLE system.one",
    "EXISTS TABLE system.one",
    "WITH 2 AS x SELECT x * 21",
    "/* comment */ SELECT 'a;b; DROP TABLE t'",
]
WRITE_ATTEMPTS = [
    "DROP TABLE default.guard_victim",
    "INSERT INTO default.guard_victim VALUES (99)",
    "ALTER TABLE default.guard_victim DELETE WHERE 1",
    "TRUNCATE TABLE default.guard_victim",
    "SELECT 1; DROP TABLE default.guard_victim",
    "WITH 1 AS x INSERT INTO default.guard_victim SELECT x",
    "SELECT * FROM default.guard_victim INTO OUTFILE '/tmp/guard_victim.tsv'",
    "SET readonly = 0; INSERT INTO default.guard_victim VALUES (7)",
    "CREATE TABLE default.guard_victim2 AS default.guard_victim",
]


@pytest.mark.parametrize("protocol", PLAIN)
def test_guard_proof_in_query_log(ch18_factory: Callable[..., ClickHouse18Server], protocol: str) -> None:
    """Writes never reach the server: system.query_log holds only the reads chwarden sent."""
    server = ch18_factory(users_xml=GUARD_USERS)
    server.admin_query("CREATE TABLE default.guard_victim (x UInt8) ENGINE = TinyLog")
    server.admin_query("INSERT INTO default.guard_victim VALUES (1), (2), (3)")

    with open_conn(url_of(server, protocol), "warden", WARDEN_PASSWORD) as conn:
        for sql in ALLOWED_READS:
            conn.query(sql)
        for sql in WRITE_ATTEMPTS:
            with pytest.raises(WriteRefused):
                conn.query(sql)
        assert conn.query("SELECT value FROM system.settings WHERE name = 'readonly'").scalar() == "1"

    logged = server.query_log("warden")
    finished = [query for kind, query in logged if kind == "QueryFinish"]
    assert len(finished) >= len(ALLOWED_READS) + 1, logged  # logging really works
    for kind, query in logged:
        stripped = query.split("*/", 1)[-1].lstrip()
        assert stripped.split(None, 1)[0].upper() in READ_WORDS, (kind, query)
        assert "guard_victim" not in query, query
    assert server.admin_query("SELECT sum(x) FROM default.guard_victim").strip() == "6"
    assert "guard_victim2" not in server.admin_query("SHOW TABLES FROM default")
    # the server-side lock travelled with every query chwarden sent
    readonly_values = server.admin_query(
        "SELECT DISTINCT Settings.Values[indexOf(Settings.Names, 'readonly')] FROM system.query_log "
        "WHERE user = 'warden' FORMAT TSV"
    ).split()
    assert readonly_values == ["1"]


@pytest.mark.parametrize("protocol", PLAIN)
def test_server_side_readonly_is_sent(ch18_open: ClickHouse18Server, protocol: str) -> None:
    with open_conn(url_of(ch18_open, protocol)) as conn:
        assert conn.query("SELECT value FROM system.settings WHERE name = 'readonly'").scalar() == "1"
        assert conn.settings_mode.startswith("server read-only: readonly=1")
        assert conn.applied_settings == {
            "readonly": "1",
            "max_execution_time": "20",
            "max_result_rows": "100000",
            "result_overflow_mode": "throw",
        }
