"""`harden --cluster` on 18.16: two nodes started from the generated directory work as a cluster.

18.16 has no cluster secret, so harden gives the shards a dedicated `cluster` login (password from
the environment, allowed from the nodes and loopback only) and makes every node verify its peers'
certificates against --tls-ca. The test starts two nodes on their own loopback addresses from one
generated directory (the operator's per-node step: listen_host and paths), runs a Distributed query
from B that must be answered by A over verified TLS as `cluster`, and shows that the shard login is
refused from an address that is not a node. Keeper is named but not started: replication itself
(interserver credentials over the interserver port) is not exercised here.
"""

from __future__ import annotations

import json
import os
import shutil
import ssl
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from tests.harness.ch18 import ConfigDirServer
from tests.harness.config_oracle import unknown_keys
from tests.harness.session import Ch18Env

pytestmark = pytest.mark.server


def chwarden(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CLICKHOUSE_PASSWORD", "CLICKHOUSE_USER")}
    return subprocess.run(
        [sys.executable, "-m", "chwarden", *args], capture_output=True, text=True, timeout=180, env=env, check=False
    )


def read_secrets(path: Path) -> dict[str, str]:
    lines = [line for line in path.read_text().splitlines() if line and not line.startswith("#")]
    return dict(line.split("=", 1) for line in lines)


def node_copy(source: Path, target: Path, replacements: dict[str, str]) -> None:
    """The operator's per-node step: the same files with this node's listen_host and paths."""
    shutil.copytree(source, target)
    for path in target.rglob("*.xml"):
        text = path.read_text()
        for old, new in replacements.items():
            text = text.replace(old, new)
        path.write_text(text)


def test_two_hardened_nodes_run_a_distributed_query(
    ch18_env: Ch18Env, ch18_dir_factory: Callable[..., ConfigDirServer], tmp_path: Path
) -> None:
    host_a, host_b = ch18_env.next_host(), ch18_env.next_host()
    keeper = stranger = ch18_env.unused_host()  # an address of the subnet where nothing listens
    ca = str(ch18_env.cert.cert_file)
    out_a = tmp_path / "node-a"
    args = ["harden", "--out", str(out_a), "--target-version", "18.16", "--cluster"]
    args += ["--tls-cert", ca, "--tls-key", str(ch18_env.cert.key_file), "--tls-ca", ca]
    args += ["--node", host_a, "--node", host_b, "--listen-host", host_a, "--keeper", f"{keeper}:2181"]
    args += ["--data-path", str(tmp_path / "data-a"), "--log-dir", str(tmp_path / "log-a")]
    result = chwarden(*args)
    assert result.returncode == 0, result.stderr
    assert "no cluster secret" in result.stdout
    secrets = read_secrets(out_a / "secrets.env")
    assert "CHWARDEN_CLUSTER_PASSWORD" in secrets and "CHWARDEN_CLUSTER_SECRET" not in secrets
    files = [p.read_text() for p in out_a.rglob("*.xml")]
    assert not any(v in text for v in secrets.values() for text in files)
    assert not unknown_keys(files, {"admin", "reader", "writer", "default", "cluster", "main"})
    node_copy(
        out_a,
        tmp_path / "node-b",
        {
            f"<listen_host>{host_a}</listen_host>": f"<listen_host>{host_b}</listen_host>",
            str(tmp_path / "data-a"): str(tmp_path / "data-b"),
            str(tmp_path / "log-a"): str(tmp_path / "log-b"),
        },
    )
    for node, host in ((out_a, host_a), (tmp_path / "node-b", host_b)):
        ch18_dir_factory(node / "config.xml", f"https://{host}:8443/ping", ca_file=ca, environment=secrets)

    tls = ssl.create_default_context(cafile=ca)

    def query(host: str, sql: str, user: str = "admin", source: str | None = None) -> httpx.Response:
        key = secrets[f"CHWARDEN_{user.upper()}_PASSWORD"]
        transport = httpx.HTTPTransport(verify=tls, local_address=source)
        with httpx.Client(transport=transport, timeout=30) as client:
            return client.post(
                f"https://{host}:8443/",
                content=sql.encode(),
                headers={"X-ClickHouse-User": user, "X-ClickHouse-Key": key},
            )

    for host, rows in ((host_a, "(1)"), (host_b, "(1), (2)")):
        for sql in (
            "CREATE TABLE default.t (id UInt32) ENGINE = MergeTree ORDER BY id",
            f"INSERT INTO default.t VALUES {rows}",
            "CREATE TABLE default.dist AS default.t ENGINE = Distributed(main, default, t)",
        ):
            response = query(host, sql)
            assert response.status_code == 200, response.text
    # from B, in_order picks A (the first replica): A's one row comes back over verified TLS
    remote = query(
        host_b, "SELECT count() FROM default.dist SETTINGS prefer_localhost_replica = 0, load_balancing = 'in_order'"
    )
    assert remote.status_code == 200, remote.text
    assert remote.text.strip() == "1"
    assert query(host_b, "SELECT count() FROM default.t").text.strip() == "2"
    # A ran it as the dedicated shard user
    query(host_a, "SYSTEM FLUSH LOGS")
    users = query(
        host_a, "SELECT DISTINCT user FROM system.query_log WHERE query LIKE '%default.t%' FORMAT JSONCompact"
    )
    assert ["cluster"] in json.loads(users.text)["data"]
    # the shard login works from a node and not from anywhere else
    assert query(host_a, "SELECT 1", user="cluster", source=host_b).status_code == 200
    refused = query(host_a, "SELECT 1", user="cluster", source=stranger)
    assert refused.status_code != 200 and "cluster" in refused.text
    assert httpx.post(f"https://{host_a}:8443/", content=b"SELECT 1", verify=tls, timeout=10).status_code != 200
