"""Every port ClickHouse (and its Keeper/ZooKeeper) can open, with the protocol expected there."""

from __future__ import annotations

SCAN_PORTS: dict[int, str] = {
    8123: "http",
    8443: "https",
    9000: "native",
    9440: "native_tls",
    9004: "mysql",
    9005: "postgresql",
    9009: "interserver",
    9010: "interserver_https",
    9100: "grpc",
    9181: "keeper",
    9281: "keeper_tls",
    9234: "keeper_raft",
    2181: "zookeeper",
    9363: "prometheus",
    9022: "ssh",
}


def kind_of(port: int) -> str:
    """The protocol expected on a port; ``unknown`` ports are tried as HTTP, then native."""
    return SCAN_PORTS.get(port, "unknown")
