"""Server-side facts from the merged main config: every leaf by dotted path, logs, clusters."""

from __future__ import annotations

from collections.abc import Iterator

from chwarden.facts import ClusterNodeFacts, ConfigValue, SystemLogFacts
from chwarden.model import Location
from chwarden.sources.configfiles.tree import ConfigNode
from chwarden.sources.configfiles.values import as_bool, as_int, safe_value

# Access sections live in the users file (or inline on 18.x); they are mapped to users/profiles/
# quotas facts, never flattened into server_config where passwords would become config leaves.
ACCESS_SECTIONS = frozenset({"users", "profiles", "quotas", "roles"})
DEFAULT_TCP_PORT = 9000


def _leaves(node: ConfigNode, path: str) -> Iterator[tuple[str, ConfigNode]]:
    for child in node.children:
        child_path = f"{path}.{child.tag}" if path else child.tag
        if child.is_leaf:
            yield child_path, child
        else:
            yield from _leaves(child, child_path)


def server_config(server: ConfigNode) -> dict[str, ConfigValue]:
    """Dotted path -> all values of that path in document order, located where the last was set."""
    collected: dict[str, tuple[list[str], Location]] = {}
    for section in server.children:
        if section.tag in ACCESS_SECTIONS:
            continue
        pairs = [(section.tag, section)] if section.is_leaf else _leaves(section, section.tag)
        for path, leaf in pairs:
            if leaf.unresolved:
                continue  # value unknown offline; listed in the snapshot's unresolved items
            values, _ = collected.get(path, ([], leaf.value_location))
            values.append(safe_value(leaf.tag, leaf.text))
            collected[path] = (values, leaf.value_location)
    return {path: ConfigValue(values=v, location=loc, origin="config") for path, (v, loc) in collected.items()}


def system_logs(server: ConfigNode) -> list[SystemLogFacts]:
    """Each configured `*_log` section, and whether it bounds its retention with a TTL."""
    logs: list[SystemLogFacts] = []
    for section in server.children:
        if not section.tag.endswith("_log") or section.is_leaf:
            continue
        engine = section.text_of("engine") or ""
        has_ttl = section.child("ttl") is not None or " TTL " in f" {engine.upper()} "
        logs.append(SystemLogFacts(name=section.tag, configured=True, has_ttl=has_ttl, location=section.location))
    return logs


def clusters(server: ConfigNode) -> list[ClusterNodeFacts]:
    """Nodes of `remote_servers` clusters (what system.clusters would list)."""
    remote = server.child("remote_servers")
    nodes: list[ClusterNodeFacts] = []
    for cluster in remote.children if remote is not None else []:
        has_secret = bool(cluster.text_of("secret"))
        for shard_num, shard in enumerate(cluster.all("shard"), start=1):
            for replica_num, replica in enumerate(shard.all("replica"), start=1):
                nodes.append(
                    ClusterNodeFacts(
                        cluster=cluster.tag,
                        shard_num=shard_num,
                        replica_num=replica_num,
                        host_name=replica.text_of("host") or "",
                        port=as_int(replica.text_of("port")) or DEFAULT_TCP_PORT,
                        user=replica.text_of("user") or "default",
                        secure=as_bool(replica.text_of("secure")),
                        has_secret=has_secret,
                    )
                )
    return nodes
