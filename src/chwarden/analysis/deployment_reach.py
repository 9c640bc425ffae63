"""Who can reach a server as its deployment wires it: facts the severities of several checks weigh.

A compose service's ports published on ``0.0.0.0`` (or without an address) face every network of
the host; on ``127.0.0.1`` only the host; unpublished ports only the compose network. Kubernetes
NodePort and public load-balancer Services face beyond the cluster, ClusterIP stays inside it. The
functions here read ``PortExposure`` facts and the merged config only (no I/O), so a general reach
model (listen addresses x user networks x protocol) can build on them.
"""

from __future__ import annotations

from typing import Literal

from chwarden.analysis.principals import is_loopback_only
from chwarden.analysis.reach import is_loopback_network
from chwarden.analysis.server_config import config_known
from chwarden.facts import PortExposure, Snapshot, UserFacts

Scope = Literal["any", "address", "loopback", "internal"]
SCOPE_RANK: dict[str, int] = {"internal": 0, "loopback": 1, "address": 2, "any": 3}
CLIENT_PORT_KEYS = (
    "http_port",
    "https_port",
    "tcp_port",
    "tcp_port_secure",
    "mysql_port",
    "postgresql_port",
    "grpc_port",
)
LOCAL_HOST_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "localhost.localdomain"})
REPLICATION_PREFIXES = ("zookeeper.", "auxiliary_zookeepers.", "keeper_server.raft_configuration.")


def exposures(snapshot: Snapshot) -> list[PortExposure]:
    deployment = snapshot.deployment
    if deployment is None:
        return []
    return [*deployment.exposure, *(e for c in deployment.containers for e in c.exposure)]


def _ports(snapshot: Snapshot, keys: tuple[str, ...]) -> set[int]:
    config = snapshot.server_config or {}
    ports: set[int] = set()
    for key in keys:
        value = config.get(key)
        text = value.value.strip() if value is not None else ""
        if text.isdigit() and text != "0":
            ports.add(int(text))
    return ports


def client_reach(snapshot: Snapshot) -> Scope | None:
    """The widest scope a client port of a deployed server is reachable from; None for other inputs.

    A server whose deployment publishes none of its client ports is reachable from the compose
    network or the cluster only (``internal``).
    """
    if snapshot.deployment is None:
        return None
    ports = _ports(snapshot, CLIENT_PORT_KEYS)
    scopes: list[Scope] = [e.scope for e in exposures(snapshot) if not ports or e.container_port in ports]
    widest: Scope = "internal"
    for scope in scopes:
        if SCOPE_RANK[scope] > SCOPE_RANK[widest]:
            widest = scope
    return widest


def reachable_beyond_host(snapshot: Snapshot) -> bool | None:
    """Whether clients beyond the host (or cluster) can reach a client port; None when unknown."""
    reach = client_reach(snapshot)
    if reach is not None:
        return SCOPE_RANK[reach] >= SCOPE_RANK["address"]
    if not config_known(snapshot):
        return None
    hosts = (snapshot.server_config or {}).get("listen_host")
    return any(h.strip() and not is_loopback_network(h) for h in (hosts.values if hosts is not None else []))


def _cluster_hosts(snapshot: Snapshot) -> list[str]:
    config = snapshot.server_config or {}
    return [
        h.strip().lower()
        for key, value in config.items()
        if key.startswith("remote_servers.") and key.endswith(".host")
        for h in value.values
    ]


def replication_configured(snapshot: Snapshot) -> bool | None:
    """Whether the server has replicas: ZooKeeper/Keeper, or a shard with several replicas."""
    if not config_known(snapshot):
        return None
    config = snapshot.server_config or {}
    if any(key.startswith(REPLICATION_PREFIXES) for key in config):
        return True
    replicas: dict[tuple[str, int], int] = {}
    for node in snapshot.clusters or []:
        replicas[(node.cluster, node.shard_num)] = replicas.get((node.cluster, node.shard_num), 0) + 1
    return any(count > 1 and node_hosts_remote(snapshot) for count in replicas.values())


def node_hosts_remote(snapshot: Snapshot) -> bool:
    return any(h not in LOCAL_HOST_NAMES and not h.startswith("127.") for h in _cluster_hosts(snapshot))


def single_node(snapshot: Snapshot) -> bool:
    """No replication and no cluster peer on another host: traffic stays between client and server."""
    return replication_configured(snapshot) is False and not node_hosts_remote(snapshot)


def installation_only(snapshot: Snapshot, user: UserFacts) -> bool:
    """The user may connect only from loopback and the installation's own pods (operator pattern)."""
    deployment = snapshot.deployment
    patterns = set(deployment.installation_hosts) if deployment is not None else set()
    if not patterns or not user.networks_known or user.host_names or user.host_names_like:
        return False
    if not user.host_names_regexp or not set(user.host_names_regexp) <= patterns:
        return False
    return all(is_loopback_network(ip) for ip in user.host_ip)


def contained(snapshot: Snapshot, user: UserFacts) -> bool:
    """The user can only come from loopback or the installation's own pods (no network door)."""
    return is_loopback_only(user) or installation_only(snapshot, user)
