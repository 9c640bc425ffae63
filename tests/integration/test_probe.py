"""The unauthenticated port probe and the anonymous login against real 18.16 servers."""

from __future__ import annotations

import time
from typing import Any

import pytest

from chwarden.sources.probe import DEFAULT_PORTS, probe_anonymous, probe_endpoints
from tests.harness.ch18 import ClickHouse18Server
from tests.harness.fake_services import tcp_service, web_server

pytestmark = pytest.mark.server


def test_endpoints_of_tls_server(ch18_tls: ClickHouse18Server) -> None:
    started = time.monotonic()
    endpoints = {e.port: e for e in probe_endpoints(ch18_tls.host)}
    elapsed = time.monotonic() - started
    assert elapsed < 10
    assert set(endpoints) == {8123, 9000, 8443, 9440}  # closed standard ports are not listed
    for port, protocol, tls in (
        (8123, "http", False),
        (8443, "https", True),
        (9000, "native", False),
        (9440, "native_tls", True),
    ):
        endpoint = endpoints[port]
        assert (endpoint.protocol, endpoint.tls, endpoint.clickhouse) == (protocol, tls, True)
        assert endpoint.version == "18.16.1" and endpoint.auth == "none"
        assert endpoint.host == ch18_tls.host
    assert endpoints[9000].reveals["display_name"] and endpoints[9000].reveals["revision"] == 54412
    assert endpoints[8123].reveals["display_name"]  # X-ClickHouse-Server-Display-Name
    assert endpoints[8443].reveals["tls_version"].startswith("TLSv1")


def test_endpoints_of_password_server_reveal_stack_traces(ch18_password: ClickHouse18Server) -> None:
    endpoints = {e.port: e for e in probe_endpoints(ch18_password.host, ports=[8123, 9000, 9004])}
    assert set(endpoints) == {8123, 9000}
    assert endpoints[8123].auth == "required" and endpoints[8123].reveals["error_code"] == 194
    native = endpoints[9000]
    assert native.clickhouse and native.auth == "required" and native.version is None
    assert native.reveals["error_code"] == 194 and native.reveals["stack_trace"] is True
    assert any("libclickhouse" in p for p in native.reveals.get("stack_trace_paths", [])), native.reveals


def test_anonymous_login_open_and_refused(ch18_open: ClickHouse18Server, ch18_password: ClickHouse18Server) -> None:
    opened = probe_anonymous(ch18_open.host, {"http": 8123, "native": 9000})
    assert [(a.protocol, a.port, a.accepted) for a in opened] == [
        ("http", 8123, True),
        ("native", 9000, True),
    ]
    refused = probe_anonymous(ch18_password.host, {"http": 8123, "native": 9000})
    assert [(a.protocol, a.accepted, a.error_code) for a in refused] == [
        ("http", False, 194),
        ("native", False, 194),
    ]
    assert all("Stack trace" not in (a.detail or "") for a in refused)


def test_anonymous_login_over_tls(ch18_tls: ClickHouse18Server) -> None:
    logins = probe_anonymous(ch18_tls.host, {"https": 8443, "native_tls": 9440})
    assert [(a.protocol, a.accepted) for a in logins] == [("https", True), ("native_tls", True)]


def test_nothing_listening_is_fast_and_empty(ch18_env: Any) -> None:
    host = ch18_env.unused_host()
    started = time.monotonic()
    assert probe_endpoints(host, timeout=1.0) == []
    logins = probe_anonymous(host, {"http": 8123, "native": 9000}, timeout=1.0)
    assert time.monotonic() - started < 8
    assert [a.accepted for a in logins] == [False, False] and all(a.detail for a in logins)


def test_other_services_are_not_clickhouse(ch18_env: Any) -> None:
    host = ch18_env.next_host()
    with web_server(host, 8123), tcp_service(host, 9000, "garbage"):
        endpoints = {e.port: e for e in probe_endpoints(host, ports=[8123, 9000], timeout=1.0)}
        logins = probe_anonymous(host, {"http": 8123}, timeout=1.0)
    assert set(endpoints) == {8123, 9000}
    assert not endpoints[8123].clickhouse and not endpoints[9000].clickhouse
    assert endpoints[8123].version is None and endpoints[8123].auth == "unknown"
    assert not logins[0].accepted


def test_default_ports_cover_the_standard_set() -> None:
    assert set(DEFAULT_PORTS) == {8123, 8443, 9000, 9440, 9004, 9005, 9009, 9010, 9100, 9363, 9181}
