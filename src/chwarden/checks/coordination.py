"""Keeper and ZooKeeper: who may read and rewrite the coordination data replicas and DDL depend on.

Write access to ZooKeeper/Keeper is write access to replication metadata, the distributed DDL queue
(queries every node runs) and replicated users. ClickHouse authenticates to it with ``identity``
(digest ACLs); an embedded ``keeper_server`` answers on its client port to whoever reaches it, and
four-letter words there need no authentication at all.
"""

from __future__ import annotations

from collections.abc import Iterator

from chwarden.analysis.reach import (
    SCOPE_LABELS,
    SCOPE_RANK,
    beyond_loopback,
    is_loopback_network,
    listeners,
    widest,
)
from chwarden.analysis.server_config import config_section, is_true, unresolved_under
from chwarden.checks.fixes import xml_fragment
from chwarden.checks.references import REF_KEEPER, REF_SERVER_SETTINGS
from chwarden.checks.registry import Hit, check
from chwarden.facts import ConfigValue, Snapshot
from chwarden.model import Remediation, Severity

CATEGORY = "network"
ZOOKEEPER_SECTIONS = ("zookeeper", "auxiliary_zookeepers")


def _zookeeper_groups(snapshot: Snapshot) -> dict[str, dict[str, ConfigValue]]:
    """``zookeeper`` and each ``auxiliary_zookeepers.<name>`` with its keys (relative to the group)."""
    groups: dict[str, dict[str, ConfigValue]] = {}
    for key, value in config_section(snapshot, "zookeeper").items():
        groups.setdefault("zookeeper", {})[key.removeprefix("zookeeper.")] = value
    for key, value in config_section(snapshot, "auxiliary_zookeepers").items():
        parts = key.split(".")
        if len(parts) >= 3:
            groups.setdefault(f"auxiliary_zookeepers.{parts[1]}", {})[".".join(parts[2:])] = value
    return groups


@check(
    "zookeeper_without_identity",
    title="ClickHouse connects to ZooKeeper/Keeper without authentication (no identity)",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "Without `<identity>user:password</identity>` ClickHouse creates its znodes with the open ACL: anyone "
        "who reaches the ZooKeeper/Keeper port can rewrite replication metadata, inject queries into the "
        "distributed DDL queue that every node executes, or change replicated users."
    ),
    remediation=(
        'Add `<identity from_env="ZOOKEEPER_IDENTITY"/>` (user:password, digest auth) to <zookeeper>, keep a '
        "`<root>` chroot per cluster, and firewall the ZooKeeper ports to the cluster nodes."
    ),
    references=(REF_KEEPER, REF_SERVER_SETTINGS),
    needs=("server_config",),
)
def zookeeper_without_identity(snapshot: Snapshot) -> Iterator[Hit]:
    for group, keys in sorted(_zookeeper_groups(snapshot).items()):
        hosts = keys.get("node.host")
        if hosts is None or "identity" in keys or unresolved_under(snapshot, f"{group}.identity"):
            continue
        remote = [h for h in hosts.values if not is_loopback_network(h)]
        yield Hit(
            resource=f"setting:{group}",
            evidence={"nodes": hosts.values, "identity": None, "remote_nodes": remote},
            remediation=Remediation(
                xml=xml_fragment(
                    f"<{group.split('.')[0]}>", '  <identity from_env="ZOOKEEPER_IDENTITY"/>', "</zookeeper>"
                )
                if group == "zookeeper"
                else None,
                text=None if group == "zookeeper" else f"Add <identity> to <{group.replace('.', '><')}>.",
            ),
            severity=Severity.LOW if not remote else None,  # a local ZooKeeper: only local processes reach it
            location=hosts.location,
        )


def _identity_fix(group: str) -> Remediation:
    """The `<identity>` line where the group lives (``auxiliary_zookeepers.<name>`` nests one deeper)."""
    tags = group.split(".")
    opening = "".join(f"<{t}>" for t in tags)
    closing = "".join(f"</{t}>" for t in reversed(tags))
    return Remediation(xml=xml_fragment(opening, '  <identity from_env="ZOOKEEPER_IDENTITY"/>', closing))


@check(
    "keeper_client_port_exposed",
    title="The embedded Keeper serves its plain client port beyond the server host",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "keeper_server.tcp_port speaks the ZooKeeper protocol in clear to every address the server listens "
        "on: whoever reaches it reads (and, without digest ACLs, rewrites) replication metadata and the DDL "
        "queue, and sniffs the identity of clients that authenticate."
    ),
    remediation=(
        "Serve Keeper clients on keeper_server.tcp_port_secure (TLS), bind listen_host to the cluster network, "
        "and firewall the Keeper port to the ClickHouse nodes."
    ),
    references=(REF_KEEPER,),
    needs=("server_config",),
)
def keeper_client_port_exposed(snapshot: Snapshot) -> Iterator[Hit]:
    for listener in listeners(snapshot) or []:
        if listener.key != "keeper_server.tcp_port" or not beyond_loopback(listener.scope):
            continue
        yield Hit(
            resource="port:keeper_server.tcp_port",
            evidence={
                "port": listener.port,
                "listen": list(listener.addresses),
                "reachable_by": SCOPE_LABELS[listener.scope],
                "tls": False,
            },
            remediation=Remediation(
                xml=xml_fragment(
                    "<keeper_server>",
                    '  <tcp_port remove="1"/>',
                    "  <tcp_port_secure>9281</tcp_port_secure>",
                    "</keeper_server>",
                )
            ),
            severity=Severity.HIGH if SCOPE_RANK[listener.scope] >= SCOPE_RANK["public"] else None,
            location=listener.location,
        )


DEFAULT_4LW = "conf,cons,crst,envi,ruok,srst,srvr,stat,wchs,dirs,mntr,isro,rcvr,apiv,csnp,lgif,rqld,ydld"
SAFE_4LW = frozenset({"ruok", "mntr", "isro", "srvr"})
ALLOW_LIST_KEYS = ("keeper_server.four_letter_word_allow_list", "keeper_server.four_letter_word_white_list")


@check(
    "keeper_four_letter_words_wide",
    title="Keeper answers revealing four-letter-word commands without authentication",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "Keeper answers allow-listed four-letter words to anyone: envi/conf/cons/wchc disclose the OS user, "
        "paths, client addresses and table paths, and srst/crst reset statistics; `*` allows every command."
    ),
    remediation="Set keeper_server.four_letter_word_allow_list to ruok,mntr,isro (or similar).",
    references=(REF_KEEPER,),
)
def keeper_four_letter_words_wide(snapshot: Snapshot) -> Iterator[Hit]:
    keeper = config_section(snapshot, "keeper_server")
    if not any(k.endswith(("tcp_port", "tcp_port_secure")) for k in keeper):
        return
    listed = next((keeper[k] for k in ALLOW_LIST_KEYS if k in keeper), None)
    words = {w.strip() for w in (listed.value if listed else DEFAULT_4LW).split(",") if w.strip()}
    every = "*" in words
    wide = ["*"] if every else sorted(words - SAFE_4LW)
    if not wide:
        return
    ports = [x for x in listeners(snapshot) or [] if x.kind == "keeper"]
    reach = widest([x.scope for x in ports]) if ports else "loopback"
    severity = None
    if not beyond_loopback(reach):
        severity = Severity.LOW
    elif every and SCOPE_RANK[reach] >= SCOPE_RANK["public"]:
        severity = Severity.HIGH
    yield Hit(
        resource="setting:keeper_server.four_letter_word_allow_list",
        evidence={
            "four_letter_word_allow_list": listed.value if listed else None,
            "revealing": wide,
            "keeper_port_reachable_by": SCOPE_LABELS[reach],
        },
        remediation=Remediation(
            xml=xml_fragment(
                "<keeper_server><four_letter_word_allow_list>ruok,mntr,isro</four_letter_word_allow_list>"
                "</keeper_server>"
            )
        ),
        severity=severity,
        location=listed.location if listed else None,
    )


@check(
    "keeper_raft_without_tls",
    title="Keeper's raft traffic between hosts is not encrypted",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "Without keeper_server.raft_configuration.secure the quorum replicates every znode (replication "
        "metadata, DDL queue, replicated users and their password hashes) between hosts in clear."
    ),
    remediation="Set <raft_configuration><secure>true</secure></raft_configuration> with the server's certificates.",
    references=(REF_KEEPER,),
    needs=("server_config",),
)
def keeper_raft_without_tls(snapshot: Snapshot) -> Iterator[Hit]:
    raft = config_section(snapshot, "keeper_server.raft_configuration")
    hostnames = raft.get("keeper_server.raft_configuration.server.hostname")
    if hostnames is None:
        return
    remote = [h for h in hostnames.values if not is_loopback_network(h)]
    secure = raft.get("keeper_server.raft_configuration.secure")
    if not remote or (secure is not None and is_true(secure.value)):
        return
    yield Hit(
        resource="setting:keeper_server.raft_configuration",
        evidence={"raft_servers": hostnames.values, "secure": secure.value if secure else None},
        remediation=Remediation(
            xml=xml_fragment(
                "<keeper_server><raft_configuration><secure>true</secure></raft_configuration></keeper_server>"
            )
        ),
        location=hostnames.location,
    )
