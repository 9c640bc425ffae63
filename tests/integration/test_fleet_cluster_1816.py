"""Fleet scale on a real two-node 18.16 cluster with ZooKeeper (tests/harness/cluster.py).

* ``discover --cluster``: secrets planted on shard 2 only are found there and nowhere else; the
  ``Distributed`` table is reported once, under its own name, with the per-shard counts of its
  local tables; the merged counts are the per-shard sums and equal what a full scan of each shard's
  local table alone finds; a shard where nothing listens is reported failed while the others finish.
* The replicated store: tables created ``ON CLUSTER`` (ReplicatedMergeTree + Distributed), a
  worker on each node writes, both read everything; with one node stopped the other keeps writing
  (and a worker can still open the store), and the stopped node catches up when it returns.
"""

from __future__ import annotations

import json
import random
import string
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chwarden.connect import Credentials, connect, parse_target
from chwarden.discover import DiscoverOptions, discover_live
from tests.harness.cli import run_chwarden
from tests.harness.cluster import SHARDS, SHARDS_AND_DEAD, STORE, ClusterNode, two_node_cluster
from tests.harness.require import require
from tests.harness.session import Ch18Env
from tests.harness.zookeeper import ZooKeeperServer, zookeeper_available

pytestmark = pytest.mark.server

BENIGN_ROWS = 3000
SECRETS_ON_SHARD_2 = 7
EMAILS = (3, 5)  # personal data on both shards: merged 8
PLANTED: set[str] = set()


def _aws_key(rnd: random.Random) -> str:
    key = "AKIA" + "".join(rnd.choice(string.ascii_uppercase + "234567") for _ in range(16))
    PLANTED.add(key)
    return key


def _rows(rnd: random.Random, shard: int) -> list[str]:
    rows = [
        f"GET /v1/items/{rnd.randrange(10**6)} 200 {rnd.randrange(900)}ms svc={rnd.choice(['api', 'search'])}"
        for _ in range(BENIGN_ROWS)
    ]
    rows += [f"invoice mailed to {name}.{rnd.randrange(99)}@posteo.de" for name in ("anna", "li", "omar", "eve", "jo")][
        : EMAILS[shard - 1]
    ]
    if shard == 2:
        rows += [f"deploy creds aws_access_key_id={_aws_key(rnd)} region=eu-west-1" for _ in range(SECRETS_ON_SHARD_2)]
    rnd.shuffle(rows)
    return rows


def _insert(node: ClusterNode, table: str, rows: list[str]) -> None:
    values = ", ".join(
        "(" + str(i) + ", '" + r.replace("\\", "\\\\").replace("'", "\\'") + "')" for i, r in enumerate(rows)
    )
    node.query(f"INSERT INTO {table} VALUES {values}")


@pytest.fixture(scope="module")
def cluster(ch18_env: Ch18Env) -> Iterator[list[ClusterNode]]:
    require(zookeeper_available(), "ZooKeeper (Debian package zookeeper) is not installed: apt-get install zookeeper")
    keeper = ZooKeeperServer(ch18_env.next_host(), ch18_env.root / "zookeeper-fleet").start()
    try:
        with two_node_cluster(ch18_env, keeper, name="fleet") as nodes:
            rnd = random.Random(19)
            for shard, node in enumerate(nodes, 1):
                node.query("CREATE TABLE default.events_local (id UInt32, line String) ENGINE = MergeTree ORDER BY id")
                engine = f"Distributed({SHARDS}, default, events_local)"
                node.query(f"CREATE TABLE default.events AS default.events_local ENGINE = {engine}")
                _insert(node, "default.events_local", _rows(rnd, shard))
            yield nodes
    finally:
        keeper.stop()


def _discover_json(seed: str, cluster: str, out: Path) -> tuple[dict[str, Any], str, int]:
    result = run_chwarden(
        "discover", seed, "--cluster", cluster, "--full", "--no-logs", "--format", "json", "--output", str(out)
    )
    assert "Traceback" not in result.stderr, result.stderr
    return json.loads(out.read_text()), result.stderr, result.returncode


def _single_server(node: ClusterNode) -> dict[tuple[str, str, str], int]:
    """What a full discover of the node alone finds in its local table."""
    conn = connect(parse_target(node.http_url), Credentials(), max_execution_time=60)
    try:
        found = discover_live(
            conn, node.host, DiscoverOptions(database="default", table="events_local", full=True, scan_logs=False)
        )
    finally:
        conn.close()
    assert not found.errors, found.errors
    return {(e.column, e.detector, e.category): e.rows_matched for e in found.sensitive_data}


def test_discover_cluster_attributes_secrets_to_their_shard(cluster: list[ClusterNode], tmp_path: Path) -> None:
    a, b = cluster
    report, stderr, code = _discover_json(a.http_url, SHARDS, tmp_path / "cluster.json")
    assert code == 1, stderr  # secrets found: a high finding
    assert "shard 1 via" in stderr and "shard 2 via" in stderr
    entries = [e for e in report["sensitive_data"] if e["column"] == "line"]
    # the Distributed table is the one logical table; its local table is never reported on its own
    assert {e["table"] for e in entries} == {"events"}
    assert {s["table"] for e in entries for s in e["shards"]} == {"events_local"}
    secrets = [e for e in entries if e["category"] == "secret"]
    assert secrets, entries
    for entry in secrets:  # planted on shard 2 only, attributed to it
        assert [s["shard"] for s in entry["shards"]] == [2]
        assert entry["shards"][0]["node"].startswith(b.host)
    assert max(e["rows_matched"] for e in secrets) == SECRETS_ON_SHARD_2
    for entry in entries:  # merged = per-shard sums
        assert entry["rows_matched"] == sum(s["rows_matched"] for s in entry["shards"])
        assert entry["rows_scanned"] == sum(s["rows_scanned"] for s in entry["shards"])
    personal = [e for e in entries if e["category"] == "personal" and len(e["shards"]) == 2]
    assert personal and any([s["rows_matched"] for s in e["shards"]] == list(EMAILS) for e in personal), personal
    # per shard, exactly what a full scan of that shard's local table alone finds
    for shard, node in enumerate(cluster, 1):
        alone = _single_server(node)
        in_cluster = {
            (e["column"], e["detector"], e["category"]): s["rows_matched"]
            for e in entries
            for s in e["shards"]
            if s["shard"] == shard
        }
        assert in_cluster == alone
    assert all(t["status"] == "complete" for t in report["targets"]), report["targets"]
    raw = (tmp_path / "cluster.json").read_text()
    assert PLANTED and not any(key in raw for key in PLANTED)  # redacted: never a whole key


def test_discover_cluster_reports_a_dead_shard_and_finishes_the_others(
    cluster: list[ClusterNode], tmp_path: Path
) -> None:
    a, _ = cluster
    report, stderr, code = _discover_json(a.http_url, SHARDS_AND_DEAD, tmp_path / "dead.json")
    assert code == 1, stderr
    assert "shard 3: failed" in stderr
    failed = [t for t in report["targets"] if t["status"] == "failed"]
    assert [t["target"] for t in failed] == [f"cluster {SHARDS_AND_DEAD} shard 3"]
    # the two live shards finished: their local tables are reported (the Distributed table is over
    # another cluster, so it is named in a note, not read)
    secrets = [e for e in report["sensitive_data"] if e["category"] == "secret"]
    assert {(e["table"], s["shard"]) for e in secrets for s in e["shards"]} == {("events_local", 2)}
    unknown = run_chwarden("discover", a.http_url, "--cluster", "no_such_cluster", "--no-logs")
    assert unknown.returncode == 2 and "not found" in unknown.stderr and SHARDS in unknown.stderr


def _wait_for(node: ClusterNode, sql: str, wanted: str, seconds: float = 30.0) -> None:
    """Poll until the node answers ``wanted`` (replication is asynchronous), within a deadline."""
    deadline = time.monotonic() + seconds
    while (got := node.query(sql)) != wanted:
        assert time.monotonic() < deadline, f"{node.host}: {sql} = {got!r}, wanted {wanted!r}"
        time.sleep(0.1)


def _worker(node: ClusterNode, store: ClusterNode) -> None:
    """One watch worker: a cycle of ``node``, kept in the replicated store through ``store``."""
    result = run_chwarden(
        "watch", "--once", node.http_url, "--store", store.http_url, "--store-cluster", STORE,
        "--store-database", "chw_fleet", "--no-discover", "--no-probe", "--format", "json", timeout=300,
    )  # fmt: skip
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(result.stdout)["targets"][0]["status"] != "failed", result.stdout


def test_replicated_store_two_workers_and_a_node_down(cluster: list[ClusterNode]) -> None:
    a, b = cluster
    cycles = "SELECT count(), uniqExact(target) FROM chw_fleet.target_cycles FORMAT TSV"
    _worker(a, store=a)  # creates the store ON CLUSTER
    _worker(b, store=b)
    for node in cluster:
        tables = node.query(
            "SELECT engine FROM system.tables WHERE database = 'chw_fleet' "
            "AND name IN ('target_cycles', 'target_cycles_local') ORDER BY name FORMAT TSV"
        )
        assert tables.split() == ["Distributed", "ReplicatedMergeTree"]
        _wait_for(node, cycles, "2\t2")  # each node reads both workers' cycles
    a.server.stop()
    try:
        _worker(b, store=b)  # opens the store (no DDL: it is current) and writes while A is down
        assert b.query(cycles) == "3\t2"
    finally:
        a.server.start()
    _wait_for(a, cycles, "3\t2", seconds=60)  # A fetches what it missed
