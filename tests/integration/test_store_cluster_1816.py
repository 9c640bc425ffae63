"""`--store-cluster`: the store's tables created ON CLUSTER on an 18.16 server with ZooKeeper
(ReplicatedMergeTree + Distributed), written and read through the Distributed tables.

One replica only, by necessity of the loopback testbed (measured): 18.16's DDL worker takes a
cluster host for itself only when it is one of the machine's interface addresses (127.0.0.1, not the
other 127/8 addresses the test servers listen on), so the cluster names the node 127.0.0.1 with its
port; and 18.16 crashes on an ON CLUSTER query when the distributed_ddl path does not exist in
ZooKeeper yet, so the test creates it first, as an operator would. Replication between two nodes
is ClickHouse's job once the tables are Replicated*MergeTree (the fleet issue tests it).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest

from chwarden.store import SCHEMA_VERSION, StoreSpec, open_store, store_time
from chwarden.store import queries as q
from tests.harness import configs
from tests.harness.ch18 import ClickHouse18Server
from tests.harness.session import Ch18Env
from tests.harness.zookeeper import ZooKeeperServer

pytestmark = pytest.mark.server
CLUSTER = "chw"
DDL_PATH = "/clickhouse/task_queue/ddl"


def _cluster_config(zookeeper: ZooKeeperServer, host: str) -> str:
    return (
        f"<zookeeper><node><host>{zookeeper.host}</host><port>{zookeeper.port}</port></node>"
        "<session_timeout_ms>10000</session_timeout_ms></zookeeper>"  # within the test keeper's maximum
        f"<remote_servers><{CLUSTER}><shard><internal_replication>true</internal_replication>"
        f"<replica><host>127.0.0.1</host><port>{configs.TCP_PORT}</port></replica></shard></{CLUSTER}>"
        "</remote_servers>"
        f"<macros><shard>01</shard><replica>{host}</replica></macros>"
        f"<distributed_ddl><path>{DDL_PATH}</path></distributed_ddl>"
    )


@pytest.fixture
def clustered(ch18_env: Ch18Env, zookeeper: ZooKeeperServer) -> Iterator[ClickHouse18Server]:
    from kazoo.client import KazooClient  # test-only dependency

    client = KazooClient(hosts=zookeeper.address, timeout=10)
    client.start()
    client.ensure_path(DDL_PATH)
    client.stop()
    host = ch18_env.next_host()
    server = ClickHouse18Server(
        "store-cluster",
        host,
        ch18_env.root / "store-cluster",
        configs.Variant(configs.OPEN.users_xml, extra_config=_cluster_config(zookeeper, host)),
    ).start()
    try:
        yield server
    finally:
        server.stop()


def test_store_on_cluster_layout(clustered: ClickHouse18Server) -> None:
    database = f"chw_{secrets.token_hex(3)}"
    spec = StoreSpec(clustered.http_url, cluster=CLUSTER, database=database)
    with open_store(spec) as store:
        at = store_time()
        store.write(
            "principal_addresses",
            [{"target": "db1", "user": "app", "address": "10.0.0.1", "first_seen": at, "last_seen": at, "events": 3}],
        )
        assert q.known_addresses(store, "db1") == {"app": {"10.0.0.1"}}  # read back through Distributed
    engines = clustered.admin_query(
        f"SELECT name, engine FROM system.tables WHERE database = '{database}' "
        "AND name IN ('finding_states', 'finding_states_local', 'findings_local') ORDER BY name FORMAT TSV"
    ).split("\n")
    assert engines[:3] == [
        "finding_states\tDistributed",
        "finding_states_local\tReplicatedReplacingMergeTree",
        "findings_local\tReplicatedMergeTree",
    ]
    with open_store(spec) as again:  # migrations ran once, for the cluster
        rows = again.select(f"SELECT count() AS n FROM {again.table('schema_migrations')}")
        assert rows == [{"n": SCHEMA_VERSION}]
