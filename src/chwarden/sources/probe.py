"""Network probe of one host: which ClickHouse ports answer, what they reveal, who gets in.

Unauthenticated by design: the only credential ever tried is what a stranger tries first, the
user `default` with an empty password. Port identification is the scan engine's
(``chwarden.scan``, asyncio, bounded per connection and overall); this module keeps the audit's
interface to it and the anonymous login over the guarded connection.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from chwarden.connect.base import AuthenticationFailed, ChwardenConnectError, NoAnswer, QueryFailed
from chwarden.connect.guard import check_statement, limits_settings
from chwarden.facts import AnonymousLogin
from chwarden.model import Endpoint
from chwarden.scan.codecs import native_hello, parse_mysql_greeting, parse_native_reply
from chwarden.scan.ports import SCAN_PORTS

__all__ = [
    "DEFAULT_PORTS",
    "LoginOutcome",
    "LoginUnknown",
    "native_hello",
    "parse_mysql_greeting",
    "parse_native_reply",
    "probe_anonymous",
    "probe_endpoints",
]

# The ports an audit probes on its own host: the client-facing ClickHouse listeners (the scan
# tries every port in SCAN_PORTS).
DEFAULT_PORTS: dict[int, str] = {
    port: SCAN_PORTS[port] for port in (8123, 8443, 9000, 9440, 9004, 9005, 9009, 9010, 9100, 9363, 9181)
}
WORKERS = 4


def probe_endpoints(
    host: str,
    ports: Iterable[int] = DEFAULT_PORTS,
    timeout: float = 2.0,
    verify_tls: bool = False,
    *,
    deadline_s: float = 30.0,
) -> list[Endpoint]:
    """Open ClickHouse-related ports of ``host`` and what each reveals without credentials.

    The scan engine identifies the ports (without its extras and catalogue); ``verify_tls`` is
    accepted for compatibility: identification never trusts the channel, so it verifies nothing.
    """
    from chwarden.scan.engine import ScanOptions, scan_sync
    from chwarden.scan.targets import ScanTarget

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


# --------------------------------------------------------------------------- anonymous login


@dataclass(frozen=True)
class LoginUnknown:
    """A login attempt that did not finish (no answer in time): neither accepted nor refused."""

    protocol: str
    port: int
    reason: str


LoginOutcome = AnonymousLogin | LoginUnknown
SCHEMES = {"http": "http", "https": "https", "native": "clickhouse", "native_tls": "clickhouses"}


def _login(protocol: str, host: str, port: int, timeout: float) -> LoginOutcome:
    """``SELECT 1`` as `default` with an empty password, bounded by ``timeout`` in total."""
    from chwarden.connect.target import Credentials, Target, open_transport

    target = Target(scheme=SCHEMES[protocol], host=host, port=port)
    try:
        transport = open_transport(target, Credentials("default", ""), verify_tls=False, connect_timeout=timeout)
    except ChwardenConnectError as exc:
        return AnonymousLogin(protocol=protocol, port=port, accepted=False, detail=str(exc)[:160])
    try:
        transport.execute(check_statement("SELECT 1"), limits_settings(max(1, int(timeout))), timeout)
    except AuthenticationFailed as exc:
        return AnonymousLogin(protocol=protocol, port=port, accepted=False, error_code=exc.code, detail=str(exc)[:160])
    except QueryFailed as exc:  # logged in; the query itself was refused or cut short (quota, limits)
        return AnonymousLogin(protocol=protocol, port=port, accepted=True, error_code=exc.code, detail=str(exc)[:160])
    except NoAnswer as exc:  # a port that accepts and never finishes answering: unknown, never "refused"
        return LoginUnknown(protocol, port, str(exc)[:160])
    except ChwardenConnectError as exc:
        return AnonymousLogin(protocol=protocol, port=port, accepted=False, detail=str(exc)[:160])
    finally:
        transport.close()
    return AnonymousLogin(protocol=protocol, port=port, accepted=True, detail="SELECT 1 answered for default/''")


def probe_anonymous(
    host: str, ports: dict[str, int], timeout: float = 3.0, *, deadline: float | None = None
) -> list[LoginOutcome]:
    """Try `default` with an empty password on each protocol -> port (http, https, native, native_tls).

    Each attempt is bounded by ``timeout`` and by ``deadline`` (a ``time.monotonic()`` value);
    an attempt without a complete answer is a ``LoginUnknown``.
    """
    outcomes: list[LoginOutcome] = []
    for protocol, port in ports.items():
        if protocol not in SCHEMES:
            continue
        budget = timeout if deadline is None else min(timeout, deadline - time.monotonic())
        if budget <= 0:
            outcomes.append(LoginUnknown(protocol, port, "not tried: the run deadline was reached"))
            continue
        outcomes.append(_login(protocol, host, port, budget))
    return outcomes
