"""Network probe of one host: which ClickHouse ports answer, what they reveal, who gets in.

Unauthenticated by design: the only credential ever tried is what a stranger tries first, the
user `default` with an empty password. Port identification is the network scanner's
(``sources/network``, asyncio, bounded per connection and overall); this module is the audit's
step over it, plus the anonymous login over the guarded connection.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from chwarden.clickhouse.ports import SCAN_PORTS
from chwarden.connect.base import AuthenticationFailed, ChwardenConnectError, NoAnswer, QueryFailed
from chwarden.connect.guard import check_statement, limits_settings
from chwarden.connect.target import Credentials, Target, open_transport
from chwarden.facts import AnonymousLogin, Snapshot
from chwarden.model import Endpoint
from chwarden.sources.network.scanner import ScanOptions, ScanTarget, scan_sync

__all__ = [
    "DEFAULT_PORTS",
    "LoginOutcome",
    "LoginUnknown",
    "mark_default_password",
    "probe_anonymous",
    "probe_endpoints",
    "probe_target",
]

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


def probe_target(
    snapshot: Snapshot, target: Target, *, probe_ports: bool, deadline: float, own_login: bool = False
) -> None:
    """The probe step of a live collection: the host's other ClickHouse ports and the anonymous
    login on every protocol that can query, recorded in ``snapshot``.

    ``--no-probe`` (``probe_ports=False``) sends nothing at all: the anonymous login is then known
    only when the audit's own connection was that login (``own_login``), otherwise it is a gap.
    An attempt without a complete answer is unknown, never "refused": the fact becomes a gap and
    the snapshot partial, so a frozen server cannot make the passwordless-default finding vanish.
    """
    if not probe_ports:
        snapshot.mark_gap("endpoints", "port probe disabled")
        if own_login and snapshot.server.version is not None:
            snapshot.anonymous_login = [
                AnonymousLogin(
                    protocol=target.protocol,
                    port=target.port,
                    accepted=True,
                    detail="the audit itself logged in as default with an empty password",
                )
            ]
            mark_default_password(snapshot)
        else:
            snapshot.mark_gap("anonymous_login", "not checked: anonymous login probe disabled (--no-probe)")
        return
    ports = {target.protocol: target.port}
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        snapshot.mark_gap("endpoints", "not collected: run deadline reached")
    else:
        snapshot.endpoints = probe_endpoints(target.host, deadline_s=max(0.5, remaining * 0.6))
        for endpoint in snapshot.endpoints:
            if endpoint.clickhouse and endpoint.protocol in ANONYMOUS_PROTOCOLS:
                ports.setdefault(endpoint.protocol, endpoint.port)
    outcomes = probe_anonymous(target.host, ports, deadline=deadline)
    known = [o for o in outcomes if isinstance(o, AnonymousLogin)]
    unknown = [o for o in outcomes if not isinstance(o, AnonymousLogin)]
    for attempt in unknown:
        snapshot.partial = True
        snapshot.errors.append(f"anonymous login on {attempt.protocol}:{attempt.port} not checked: {attempt.reason}")
    if unknown and not any(login.accepted for login in known):
        # one attempt did not finish: "refused" elsewhere does not prove it is refused everywhere
        reasons = "; ".join(f"{a.protocol}:{a.port} {a.reason}" for a in unknown)
        snapshot.mark_gap("anonymous_login", f"not checked: {reasons}")
        return
    snapshot.anonymous_login = known
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
