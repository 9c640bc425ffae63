"""What a server listens on: its configured listen addresses and the ClickHouse endpoints a probe found."""

from __future__ import annotations

from chwarden.analysis.reach import is_loopback_network
from chwarden.analysis.server_config import config_known, config_value
from chwarden.facts import FactMissing, Snapshot
from chwarden.model import Endpoint


def clickhouse_endpoints(snapshot: Snapshot) -> list[Endpoint] | None:
    if snapshot.endpoints is None:
        return None
    return [e for e in snapshot.endpoints if e.clickhouse]


def listener_facts_missing(*what: str) -> FactMissing:
    return FactMissing("server_config", f"neither config files nor a port probe show {' or '.join(what)}")


def listen_hosts(snapshot: Snapshot) -> list[str] | None:
    """Configured listen addresses ([] = default loopback); None when unknown."""
    if not config_known(snapshot):
        value = (snapshot.server_config or {}).get("listen_host")
        return list(value.values) if value is not None else None
    value = config_value(snapshot, "listen_host")
    return list(value.values) if value is not None else []


def listens_publicly(snapshot: Snapshot) -> bool | None:
    """Whether a listen address reaches beyond this machine (anything but 127.0.0.0/8, ::1, localhost)."""
    hosts = listen_hosts(snapshot)
    if hosts is None:
        return None
    return any(h.strip() and not is_loopback_network(h) for h in hosts)
