"""Network probe of one host: which ClickHouse ports answer, what they reveal, who gets in.

Unauthenticated by design: the only credential ever tried is what a stranger tries first, the
user `default` with an empty password. Port identification is the network scanner's
(``sources/network``, asyncio, bounded per connection and overall); this module is the audit's
step over it, plus the anonymous login over the guarded connection.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

import httpx

from chwarden.clickhouse.ports import SCAN_PORTS
from chwarden.connect.base import (
    AUTH_ERROR_CODES,
    AuthenticationFailed,
    ChwardenConnectError,
    QueryFailed,
    parse_error_code,
    short_error,
)
from chwarden.connect.guard import check_statement
from chwarden.connect.target import Credentials, Target, connect
from chwarden.facts import AnonymousLogin, Snapshot
from chwarden.model import Endpoint
from chwarden.sources.network.scanner import ScanOptions, ScanTarget, scan_sync
from chwarden.sources.network.wire import url_host

__all__ = ["DEFAULT_PORTS", "mark_default_password", "probe_anonymous", "probe_endpoints", "probe_target"]

# The ports an audit probes on its own host: the client-facing ClickHouse listeners (the scan
# tries every port in SCAN_PORTS).
DEFAULT_PORTS: dict[int, str] = {
    port: SCAN_PORTS[port] for port in (8123, 8443, 9000, 9440, 9004, 9005, 9009, 9010, 9100, 9363, 9181)
}
WORKERS = 4
ANONYMOUS_PROTOCOLS = ("http", "https", "native", "native_tls")  # where the guarded connection logs in


def probe_endpoints(
    host: str,
    ports: Iterable[int] = DEFAULT_PORTS,
    timeout: float = 2.0,
    verify_tls: bool = False,
    *,
    deadline_s: float = 30.0,
) -> list[Endpoint]:
    """Open ClickHouse-related ports of ``host`` and what each reveals without credentials.

    The network scanner identifies the ports (without its extras and catalogue); ``verify_tls`` is
    accepted for compatibility: identification never trusts the channel, so it verifies nothing.
    """
    wanted = tuple(dict.fromkeys(ports))
    options = ScanOptions(
        ports=wanted,
        timeout=timeout,
        max_time=deadline_s,
        concurrency=WORKERS * 4,
        rate=0,
        extras=False,
        collect_metadata=False,
    )
    run = scan_sync([ScanTarget(host, wanted, host)], options)
    return run.hosts[0].endpoints


def probe_target(snapshot: Snapshot, target: Target, *, probe_ports: bool, deadline: float) -> None:
    """The probe step of a live collection: the host's other ClickHouse ports (when asked) and the
    anonymous login on every protocol that can query, recorded in ``snapshot``."""
    ports = {target.protocol: target.port}
    if probe_ports:
        snapshot.endpoints = probe_endpoints(target.host, deadline_s=max(1.0, deadline - time.monotonic()))
        for endpoint in snapshot.endpoints:
            if endpoint.clickhouse and endpoint.protocol in ANONYMOUS_PROTOCOLS:
                ports.setdefault(endpoint.protocol, endpoint.port)
    else:
        snapshot.mark_gap("endpoints", "port probe disabled")
    snapshot.anonymous_login = probe_anonymous(target.host, ports)
    mark_default_password(snapshot)


def mark_default_password(snapshot: Snapshot) -> None:
    """What the anonymous login proved about `default`'s password, where users are visible."""
    results = snapshot.anonymous_login or []
    accepted = any(a.accepted for a in results)
    refused = any(a.error_code in (193, 194, 516) for a in results)
    for user in snapshot.users or []:
        if user.name == "default" and user.password_empty is None and (accepted or refused):
            user.password_empty = accepted


# --------------------------------------------------------------------------- anonymous login


def _http_login(host: str, port: int, tls: bool, timeout: float) -> AnonymousLogin:
    protocol = "https" if tls else "http"
    url = f"{protocol}://{url_host(host)}:{port}/"
    try:
        with httpx.Client(verify=False, timeout=timeout) as client:
            answer = client.get(url, params={"query": check_statement("SELECT 1")})
    except httpx.HTTPError as exc:
        return AnonymousLogin(protocol=protocol, port=port, accepted=False, detail=short_error(str(exc), 160))
    text = answer.text.strip()
    if answer.status_code == 200 and text == "1":
        return AnonymousLogin(
            protocol=protocol, port=port, accepted=True, detail="SELECT 1 answered without credentials"
        )
    code = parse_error_code(text)
    if code is None:
        return AnonymousLogin(
            protocol=protocol, port=port, accepted=False, detail=f"HTTP {answer.status_code}, not ClickHouse"
        )
    refused = code in AUTH_ERROR_CODES or answer.status_code == 401
    return AnonymousLogin(
        protocol=protocol, port=port, accepted=not refused, error_code=code, detail=short_error(text, 160)
    )


def _native_login(host: str, port: int, tls: bool, timeout: float) -> AnonymousLogin:
    protocol = "native_tls" if tls else "native"
    target = Target(scheme="clickhouses" if tls else "clickhouse", host=host, port=port)
    try:
        with connect(
            target,
            Credentials("default", ""),
            verify_tls=False,
            connect_timeout=timeout,
            max_execution_time=max(1, int(timeout)),
        ) as conn:
            conn.query("SELECT 1")
    except AuthenticationFailed as exc:
        return AnonymousLogin(protocol=protocol, port=port, accepted=False, error_code=exc.code, detail=str(exc)[:160])
    except QueryFailed as exc:  # logged in; the query itself was refused (quota, limits)
        return AnonymousLogin(protocol=protocol, port=port, accepted=True, error_code=exc.code, detail=str(exc)[:160])
    except ChwardenConnectError as exc:
        return AnonymousLogin(protocol=protocol, port=port, accepted=False, detail=str(exc)[:160])
    return AnonymousLogin(protocol=protocol, port=port, accepted=True, detail="SELECT 1 answered for default/''")


_LOGINS: dict[str, Callable[[str, int, float], AnonymousLogin]] = {
    "http": lambda h, p, t: _http_login(h, p, False, t),
    "https": lambda h, p, t: _http_login(h, p, True, t),
    "native": lambda h, p, t: _native_login(h, p, False, t),
    "native_tls": lambda h, p, t: _native_login(h, p, True, t),
}


def probe_anonymous(host: str, ports: dict[str, int], timeout: float = 3.0) -> list[AnonymousLogin]:
    """Try `default` with an empty password on each protocol -> port (http, https, native, native_tls)."""
    return [_LOGINS[protocol](host, port, timeout) for protocol, port in ports.items() if protocol in _LOGINS]
