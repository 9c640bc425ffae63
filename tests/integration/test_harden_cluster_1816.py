"""`harden --cluster` on 18.16: two nodes started from the generated directory work as a cluster.

18.16 has no cluster secret, so harden gives the shards a dedicated `cluster` login (password from
the environment, allowed from the nodes and loopback only) and makes every node verify its peers'
certificates against --tls-ca. Two nodes start on their own loopback addresses from one generated
directory (the operator's per-node step: listen_host and paths) next to a real Apache ZooKeeper.
Proven: a Distributed query from B answered by A over verified TLS as `cluster`; the shard login
refused from an address that is not a node; ReplicatedMergeTree data replicated from A to B through
ZooKeeper (digest identity from the environment) and the interserver HTTPS port (credentials from
the environment); the interserver port refusing a peer without them; the cluster's znodes
unreadable for a ZooKeeper client without the identity.
"""

from __future__ import annotations

import json
import shutil
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.harness.ch18 import ConfigDirServer
from tests.harness.cli import read_secrets
from tests.harness.cli import run_chwarden as chwarden
from tests.harness.config_oracle import unknown_keys
from tests.harness.session import Ch18Env
from tests.harness.zookeeper import ZooKeeperServer

pytestmark = pytest.mark.server

INTERSERVER_HTTPS_PORT = 9010


def node_copy(source: Path, target: Path, replacements: dict[str, str]) -> None:
    """The operator's per-node step: the same files with this node's listen_host and paths."""
    shutil.copytree(source, target)
    for path in target.rglob("*.xml"):
        text = path.read_text()
        for old, new in replacements.items():
            text = text.replace(old, new)
        path.write_text(text)


def error_log_tail(cluster: Cluster) -> str:
    logs = sorted(cluster.root.glob("log-*/clickhouse-server.err.log"))
    return "\n".join(f"{p}:\n" + "\n".join(p.read_text().splitlines()[-8:]) for p in logs)


@dataclass
class Cluster:
    a: str
    b: str
    secrets: dict[str, str]
    tls: ssl.SSLContext
    harden_output: str
    files: list[str]
    root: Path

    def query(self, host: str, sql: str, user: str = "admin", source: str | None = None) -> httpx.Response:
        key = self.secrets[f"CHWARDEN_{user.upper()}_PASSWORD"]
        transport = httpx.HTTPTransport(verify=self.tls, local_address=source)
        with httpx.Client(transport=transport, timeout=30) as client:
            headers = {"X-ClickHouse-User": user, "X-ClickHouse-Key": key}
            return client.post(f"https://{host}:8443/", content=sql.encode(), headers=headers)

    def ok(self, host: str, sql: str) -> str:
        response = self.query(host, sql)
        assert response.status_code == 200, f"{sql}: {response.text}"
        return response.text.strip()


def create_keeper_root(zookeeper: ZooKeeperServer, path: str, identity: str) -> None:
    """The operator's one-time step harden prints: the cluster's chroot, readable by its identity only."""
    from kazoo.client import KazooClient
    from kazoo.security import CREATOR_ALL_ACL

    client = KazooClient(hosts=zookeeper.address, timeout=10, auth_data=[("digest", identity)])
    client.start(timeout=10)
    try:
        client.ensure_path(path, acl=CREATOR_ALL_ACL)
    finally:
        client.stop()
        client.close()


@pytest.fixture
def cluster(
    ch18_env: Ch18Env, ch18_dir_factory: Callable[..., ConfigDirServer], zookeeper: ZooKeeperServer, tmp_path: Path
) -> Cluster:
    host_a, host_b = ch18_env.next_host(), ch18_env.next_host()
    ca = str(ch18_env.cert.cert_file)
    out_a = tmp_path / "node-a"
    args = ["harden", "--out", str(out_a), "--target-version", "18.16", "--cluster"]
    args += ["--tls-cert", ca, "--tls-key", str(ch18_env.cert.key_file), "--tls-ca", ca]
    args += ["--node", host_a, "--node", host_b, "--listen-host", host_a, "--keeper", zookeeper.address]
    args += ["--data-path", str(tmp_path / "data-a"), "--log-dir", str(tmp_path / "log-a")]
    result = chwarden(*args)
    assert result.returncode == 0, result.stderr
    node_copy(
        out_a,
        tmp_path / "node-b",
        {
            f"<listen_host>{host_a}</listen_host>": f"<listen_host>{host_b}</listen_host>",
            f"_host>{host_a}</interserver_https_host>": f"_host>{host_b}</interserver_https_host>",
            str(tmp_path / "data-a"): str(tmp_path / "data-b"),
            str(tmp_path / "log-a"): str(tmp_path / "log-b"),
        },
    )
    secrets = read_secrets(out_a / "secrets.env")
    create_keeper_root(zookeeper, "/clickhouse/main", secrets["CHWARDEN_KEEPER_IDENTITY"])
    for node, host in ((out_a, host_a), (tmp_path / "node-b", host_b)):
        ch18_dir_factory(node / "config.xml", f"https://{host}:8443/ping", ca_file=ca, environment=secrets)
    files = [p.read_text() for p in out_a.rglob("*.xml")]
    return Cluster(host_a, host_b, secrets, ssl.create_default_context(cafile=ca), result.stdout, files, tmp_path)


def test_generated_cluster_config_is_clean(cluster: Cluster) -> None:
    assert "no cluster secret" in cluster.harden_output
    assert "CHWARDEN_CLUSTER_PASSWORD" in cluster.secrets and "CHWARDEN_CLUSTER_SECRET" not in cluster.secrets
    assert not any(v in text for v in cluster.secrets.values() for text in cluster.files)
    assert not unknown_keys(cluster.files, {"admin", "reader", "writer", "default", "cluster", "main"})


def test_a_distributed_query_runs_over_verified_tls_as_the_shard_user(cluster: Cluster, ch18_env: Ch18Env) -> None:
    for host, rows in ((cluster.a, "(1)"), (cluster.b, "(1), (2)")):
        cluster.ok(host, "CREATE TABLE default.t (id UInt32) ENGINE = MergeTree ORDER BY id")
        cluster.ok(host, f"INSERT INTO default.t VALUES {rows}")
        cluster.ok(host, "CREATE TABLE default.dist AS default.t ENGINE = Distributed(main, default, t)")
    # from B, in_order picks A (the first replica): A's one row comes back over verified TLS
    sql = "SELECT count() FROM default.dist SETTINGS prefer_localhost_replica = 0, load_balancing = 'in_order'"
    assert cluster.ok(cluster.b, sql) == "1"
    assert cluster.ok(cluster.b, "SELECT count() FROM default.t") == "2"
    cluster.ok(cluster.a, "SYSTEM FLUSH LOGS")
    users = cluster.ok(
        cluster.a, "SELECT DISTINCT user FROM system.query_log WHERE query LIKE '%default.t%' FORMAT JSONCompact"
    )
    assert ["cluster"] in json.loads(users)["data"]  # A ran it as the dedicated shard user
    # the shard login works from a node and not from anywhere else; anonymous gets nothing
    assert cluster.query(cluster.a, "SELECT 1", user="cluster", source=cluster.b).status_code == 200
    refused = cluster.query(cluster.a, "SELECT 1", user="cluster", source=ch18_env.unused_host())
    assert refused.status_code != 200 and "cluster" in refused.text
    assert (
        httpx.post(f"https://{cluster.a}:8443/", content=b"SELECT 1", verify=cluster.tls, timeout=10).status_code != 200
    )


def test_replication_through_keeper_identity_and_interserver_credentials(
    cluster: Cluster, zookeeper: ZooKeeperServer
) -> None:
    from kazoo.client import KazooClient
    from kazoo.exceptions import NoAuthError

    for host, replica in ((cluster.a, "a"), (cluster.b, "b")):
        cluster.ok(
            host,
            "CREATE TABLE default.r (id UInt32) "
            f"ENGINE = ReplicatedMergeTree('/clickhouse/tables/r', '{replica}') ORDER BY id",
        )
    cluster.ok(cluster.a, "INSERT INTO default.r VALUES (1), (2), (3)")
    deadline = time.monotonic() + 15
    while cluster.ok(cluster.b, "SELECT count() FROM default.r") != "3":  # fetched over interserver HTTPS
        assert time.monotonic() < deadline, "B never fetched A's part:\n" + error_log_tail(cluster)
        time.sleep(0.2)

    # the interserver port hands out parts only with the generated credentials
    part = cluster.ok(cluster.a, "SELECT name FROM system.parts WHERE table = 'r' AND active LIMIT 1")
    fetch = f"https://{cluster.a}:{INTERSERVER_HTTPS_PORT}/"
    params = {"endpoint": "DataPartsExchange:/clickhouse/tables/r/replicas/a", "part": part, "compress": "false"}
    password = cluster.secrets["CHWARDEN_INTERSERVER_PASSWORD"]
    with httpx.Client(verify=cluster.tls, timeout=10) as client:
        assert client.get(fetch, params=params).status_code == 401
        assert client.get(fetch, params=params, auth=("interserver", "wrong")).status_code == 401
        assert client.get(fetch, params=params, auth=("interserver", password)).status_code == 200

    # the cluster's znodes carry the identity's ACL: a client without it reads nothing
    identity = cluster.secrets["CHWARDEN_KEEPER_IDENTITY"]
    owner = KazooClient(hosts=zookeeper.address, timeout=10, auth_data=[("digest", identity)])
    anonymous = KazooClient(hosts=zookeeper.address, timeout=10)
    owner.start(timeout=10)
    anonymous.start(timeout=10)
    try:
        replicas = "/clickhouse/main/clickhouse/tables/r/replicas"
        assert sorted(owner.get_children(replicas)) == ["a", "b"]
        acls, _ = owner.get_acls(replicas)  # set by ClickHouse itself on the nodes it creates
        assert [(a.id.scheme, a.id.id.split(":")[0]) for a in acls] == [("digest", "chwarden")]
        with pytest.raises(NoAuthError):
            anonymous.get_children("/clickhouse/main")
        with pytest.raises(NoAuthError):
            anonymous.get_children(replicas)
    finally:
        for client in (owner, anonymous):
            client.stop()
            client.close()
