"""Live collector: ask a running server (or an embedded engine) over SQL and fill a Snapshot.

Every step is one fact; a step that fails leaves its fact ``None`` with the reason in
``snapshot.gaps`` (permission denied, not on this version). A lost connection or the overall
deadline stops collection: the snapshot is returned ``partial`` with what was gathered.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from typing import Any

from chwarden.connect.base import GuardedConnection
from chwarden.connect.target import Target
from chwarden.facts import ACCESS_FACTS, AnonymousLogin, ConnectionInfo, SecretRef, Snapshot
from chwarden.model import utc_now
from chwarden.sources.live import access, catalog, log_secrets, server
from chwarden.sources.live.capabilities import detect
from chwarden.sources.live.runner import Collector, FactUnavailable, StopCollection
from chwarden.sources.probe import mark_default_password, probe_target

__all__ = ["collect_live"]

PROBE_RESERVE_S = 15.0  # of the run deadline, kept for the port probe and the anonymous login
# What a collector raises on an answer of the wrong shape (a missing column, a list for a number).
ANSWER_ERRORS = (KeyError, TypeError, ValueError, IndexError, AttributeError)


def collect_live(
    conn: GuardedConnection,
    target: Target,
    credentials_user: str,
    *,
    password_given: bool,
    probe_ports: bool = True,
    deadline_s: float = 60.0,
    skip_facts: Collection[str] = (),
) -> Snapshot:
    """Collect every fact the account may read; never raises for a fact that cannot be read.

    Collection stops after ``deadline_s`` seconds, and early enough to leave the port probe and
    the anonymous login a share of the connection's run deadline (``conn.deadline``) if it has one.
    Raises the connection's own error only when the target never answered at all.
    """
    snapshot = Snapshot(
        target=target.display,
        collected_at=utc_now(),
        connection=ConnectionInfo(
            kind="embedded" if target.scheme == "chdb" else "live",
            url=target.url,
            protocol=target.protocol,
            host=target.host or None,
            port=target.port or None,
            user=credentials_user,
            password_given=password_given,
            tls=target.tls,
        ),
    )
    now = time.monotonic()
    collection_end = now + deadline_s
    probe_end = now + max(deadline_s * 0.5, 5.0) + deadline_s
    if conn.deadline is not None:
        probe_end = conn.deadline
        collection_end = min(collection_end, conn.deadline - min(PROBE_RESERVE_S, (conn.deadline - now) * 0.25))
    c = Collector(conn=conn, snapshot=snapshot, deadline=collection_end)
    # watch keeps the last value of a costly fact between rescans (skip_facts), marked as a gap here
    steps = [(facts, step) for facts, step in _steps(c) if not set(facts) <= set(skip_facts)]
    for fact in skip_facts:
        snapshot.mark_gap(fact, "not collected this time (skipped on purpose)")
    lost = False
    for index, (facts, step) in enumerate(steps):
        try:
            step()
        except FactUnavailable as exc:
            for fact in facts:
                if getattr(snapshot, fact, None) is None:
                    snapshot.mark_gap(fact, exc.reason)
        except ANSWER_ERRORS as exc:  # the server answered something no ClickHouse sends
            snapshot.partial = True
            snapshot.errors.append(f"{', '.join(facts)}: answer not understood ({type(exc).__name__})")
            for fact in facts:
                if getattr(snapshot, fact, None) is None:
                    snapshot.mark_gap(fact, f"not collected: the answer was not understood ({type(exc).__name__})")
        except StopCollection as exc:
            snapshot.partial = True
            snapshot.errors.append(exc.error)
            lost = "connection lost" in exc.reason
            for later, _step in steps[index:]:
                for fact in later:
                    if getattr(snapshot, fact, None) is None:
                        snapshot.mark_gap(fact, exc.reason)
            break
    snapshot.connection.session_lock = conn.settings_mode
    access.link_users(snapshot)
    if lost:
        for fact in ("anonymous_login", "endpoints"):
            snapshot.mark_gap(fact, "not collected: connection lost")
    else:
        _probe(snapshot, target, probe_ports, probe_end, own_login=credentials_user == "default" and not password_given)
    return snapshot


def _steps(c: Collector) -> list[tuple[tuple[str, ...], Callable[[], None]]]:
    """(facts filled, action) in collection order; cheap, most important facts first."""
    s = c.snapshot
    ddl_secrets: dict[str, list[SecretRef]] = {}

    def set_fact(fact: str, produce: Callable[[Collector], Any]) -> Callable[[], None]:
        return lambda: setattr(s, fact, produce(c))

    def capabilities() -> None:
        try:
            s.capabilities = detect(c)
        except FactUnavailable as exc:
            c.unknown_tables = exc.reason[:200]
            raise
        if not s.capabilities.has_sql_rbac:
            for fact in ACCESS_FACTS:
                s.mark_gap(fact, access.NO_RBAC)
        if s.capabilities.has_current_user:
            s.extra["current_user"] = str(c.rows("SELECT currentUser() AS u")[0]["u"])

    def info() -> None:
        s.server = server.server_info(c)

    def tables() -> None:
        s.tables, found = catalog.tables(c)
        ddl_secrets.update(found)

    steps: list[tuple[tuple[str, ...], Callable[[], None]]] = [
        (("capabilities",), capabilities),
        (("server",), info),
        (("effective_settings",), set_fact("effective_settings", server.effective_settings)),
        (("server_config",), set_fact("server_config", server.server_config)),
    ]
    for fact, collect in access.COLLECTORS.items():
        steps.append(((fact,), _only_with_rbac(c, fact, collect)))
    steps += [
        (("system_logs",), set_fact("system_logs", server.system_logs)),
        (("databases",), set_fact("databases", catalog.databases)),
        (("tables",), tables),
        (("dictionaries",), set_fact("dictionaries", lambda col: catalog.dictionaries(col, ddl_secrets))),
        (("named_collections",), set_fact("named_collections", catalog.named_collections)),
        (("clusters",), set_fact("clusters", server.clusters)),
        (("log_secrets",), set_fact("log_secrets", log_secrets.log_secrets)),
    ]
    return steps


def _only_with_rbac(c: Collector, fact: str, collect: Callable[[Collector], Any]) -> Callable[[], None]:
    def step() -> None:
        if c.snapshot.capabilities.has_sql_rbac:
            setattr(c.snapshot, fact, collect(c))

    return step


def _probe(snapshot: Snapshot, target: Target, probe_ports: bool, deadline: float, *, own_login: bool) -> None:
    """Anonymous login (and, if asked, the host's other ClickHouse ports); ``--no-probe`` sends nothing."""
    if target.scheme == "chdb":
        snapshot.anonymous_login = [_embedded_login(snapshot)]
        mark_default_password(snapshot)
        return
    probe_target(snapshot, target, probe_ports=probe_ports, deadline=deadline, own_login=own_login)


def _embedded_login(snapshot: Snapshot) -> AnonymousLogin:
    """chdb always logs in as `default` with an empty password: the open session is the proof."""
    default = next((u for u in snapshot.users or [] if u.name == "default"), None)
    how = f"auth {', '.join(default.auth_types)}" if default else "system.users not readable"
    return AnonymousLogin(
        protocol="embedded",
        accepted=True,
        detail=f"embedded session logged in as default with an empty password ({how})",
    )
