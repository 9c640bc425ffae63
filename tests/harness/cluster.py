"""A two-node 18.16 cluster on loopback with a real ZooKeeper, for the fleet tests.

Each node listens on its own private ``127.a.b.N`` address (HTTP 8123, interserver 9009) with its
own native port (9000, 9001: the ports tell the nodes apart below). Two clusters are declared:

* ``SHARDS`` (``chw_shards``): two shards of one replica, named by the nodes' real addresses —
  what ``discover --cluster`` reads from ``system.clusters`` and what ``Distributed`` tables over
  ``*_local`` tables use.
* ``SHARDS_AND_DEAD``: the same two shards plus a third on an address where nothing listens.
* ``STORE`` (``chw_store``): one shard, the two nodes as its two replicas, named ``127.0.0.1`` with
  each node's native port. Measured: 18.16's DDL worker executes an ``ON CLUSTER`` task only for a
  host entry whose address is one of the machine's interface addresses *and* whose port is its own
  native port; on loopback only 127.0.0.1 is an interface address, so the port is what makes each
  node recognise its own entry. Reads and writes through the store's ``Distributed`` tables go to the
  local replica (``prefer_localhost_replica``), replication between the nodes runs through ZooKeeper
  and the interserver port on the real addresses, so no connection is ever made to 127.0.0.1.

18.16 crashes on an ``ON CLUSTER`` query when the ``distributed_ddl`` path is missing in ZooKeeper,
so the path is created before the nodes start, as an operator would.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from tests.harness import configs
from tests.harness.ch18 import ClickHouse18Server, start_all, stop_all
from tests.harness.session import Ch18Env
from tests.harness.zookeeper import ZooKeeperServer

SHARDS = "chw_shards"
SHARDS_AND_DEAD = "chw_shards_dead"  # the same two shards and a third where nothing listens
STORE = "chw_store"
DDL_PATH = "/clickhouse/task_queue/ddl"
NATIVE_PORTS = (9000, 9001)
INTERSERVER_PORT = 9009


@dataclass
class ClusterNode:
    server: ClickHouse18Server
    tcp_port: int
    replica: str

    @property
    def host(self) -> str:
        return self.server.host

    @property
    def http_url(self) -> str:
        return self.server.http_url

    @property
    def native_url(self) -> str:
        return f"clickhouse://{self.server.host}:{self.tcp_port}"

    def query(self, sql: str) -> str:
        return self.server.admin_query(sql).strip()


def _shards(hosts: list[tuple[str, int]]) -> str:
    return "".join(f"<shard><replica><host>{host}</host><port>{port}</port></replica></shard>" for host, port in hosts)


def _remote_servers(hosts: list[tuple[str, int]], dead_host: str) -> str:
    replicas = "".join(f"<replica><host>127.0.0.1</host><port>{port}</port></replica>" for _, port in hosts)
    return (
        f"<remote_servers><{SHARDS}>{_shards(hosts)}</{SHARDS}>"
        f"<{SHARDS_AND_DEAD}>{_shards([*hosts, (dead_host, NATIVE_PORTS[0])])}</{SHARDS_AND_DEAD}>"
        f"<{STORE}><shard><internal_replication>true</internal_replication>{replicas}</shard></{STORE}>"
        "</remote_servers>"
    )


def node_config(
    zookeeper: ZooKeeperServer, hosts: list[tuple[str, int]], index: int, replica: str, dead_host: str
) -> str:
    """The elements one node adds to the test config: keeper, clusters, macros, DDL queue, interserver."""
    host = hosts[index][0]
    return (
        f"<zookeeper><node><host>{zookeeper.host}</host><port>{zookeeper.port}</port></node>"
        "<session_timeout_ms>10000</session_timeout_ms></zookeeper>"  # within the test keeper's maximum
        + _remote_servers(hosts, dead_host)
        + f"<macros><shard>01</shard><replica>{replica}</replica></macros>"  # the store's one shard
        f"<distributed_ddl><path>{DDL_PATH}</path></distributed_ddl>"
        f"<interserver_http_port>{INTERSERVER_PORT}</interserver_http_port>"
        f"<interserver_http_host>{host}</interserver_http_host>"
    )


def ensure_ddl_path(zookeeper: ZooKeeperServer) -> None:
    from kazoo.client import KazooClient  # test-only dependency

    # A JVM starting beside a full test run on 2 cores took longer than 10 s to accept a session once.
    client = KazooClient(hosts=zookeeper.address, timeout=10)
    client.start(timeout=30)
    try:
        client.ensure_path(DDL_PATH)
    finally:
        client.stop()
        client.close()


@contextmanager
def two_node_cluster(env: Ch18Env, zookeeper: ZooKeeperServer, name: str = "node") -> Iterator[list[ClusterNode]]:
    """Start both nodes (in parallel) and stop them afterwards."""
    ensure_ddl_path(zookeeper)
    hosts = [(env.next_host(), port) for port in NATIVE_PORTS]
    nodes: list[ClusterNode] = []
    for index, (host, port) in enumerate(hosts):
        replica = "ab"[index]
        variant = configs.Variant(
            configs.OPEN.users_xml, extra_config=node_config(zookeeper, hosts, index, replica, env.unused_host())
        )
        root = env.root / f"{name}-{replica}"
        config = configs.server_config(host, root, variant, None).replace(
            f"<tcp_port>{configs.TCP_PORT}</tcp_port>", f"<tcp_port>{port}</tcp_port>"
        )
        server = ClickHouse18Server(f"{name}-{replica}", host, root, variant, config_xml=config)
        nodes.append(ClusterNode(server, port, replica))
    start_all(n.server for n in nodes)
    try:
        yield nodes
    finally:
        stop_all(n.server for n in nodes)
