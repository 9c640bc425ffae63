"""``scan --shard I/N --seed S`` on loopback 18.16 servers, and its JSON lines loaded into a store.

Two shards of one range find disjoint sets of endpoints whose union is what the unsharded scan
finds; the lines of both machines load into the store's ``scan_results`` table of a real 18.16
server with ``INSERT INTO chwarden.scan_results FORMAT JSONEachRow`` (and
``input_format_skip_unknown_fields=1``), one row per line, the shard of each kept.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from chwarden.cli import app
from chwarden.store import StoreSpec, open_store
from tests.harness.ch18 import ClickHouse18Server

pytestmark = pytest.mark.server
PORTS = "8123,9000"


def _range_holding(hosts: list[str]) -> str:
    """The smallest CIDR that holds every host (a few dozen loopback addresses)."""
    network = ipaddress.ip_network(f"{hosts[0]}/32")
    while not all(ipaddress.ip_address(h) in network for h in hosts):
        network = network.supernet()
    return str(network)


def _scan(out: Path, *extra: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(
        app, ["scan", "--no-progress", "--yes-large-range", "-p", PORTS, "-f", "jsonl", "-o", str(out), *extra]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), result.stderr
    return [json.loads(line) for line in out.read_text().splitlines()]


def _endpoints(lines: list[dict[str, object]]) -> set[tuple[object, object]]:
    return {(x["host"], x["port"]) for x in lines if x["type"] == "endpoint" and x["clickhouse"]}


def test_shards_split_the_range_and_load_into_the_store(
    ch18_factory: Callable[..., ClickHouse18Server], tmp_path: Path
) -> None:
    a, b, store_server = ch18_factory(), ch18_factory(), ch18_factory()
    cidr = _range_holding([a.host, b.host])
    whole = _endpoints(_scan(tmp_path / "all.jsonl", cidr))
    shards = [_scan(tmp_path / f"shard{i}.jsonl", cidr, "--shard", f"{i}/2", "--seed", "11") for i in range(2)]
    found = [_endpoints(lines) for lines in shards]
    assert not found[0] & found[1]  # every address in exactly one shard
    assert found[0] | found[1] == whole
    assert {(h, p) for h in (a.host, b.host) for p in (8123, 9000)} <= whole
    assert {x["shard"] for x in shards[1]} == {"1/2"} and len({x["scan_id"] for x in shards[1]}) == 1

    with open_store(StoreSpec(store_server.http_url)):  # creates the schema, scan_results included
        pass
    params = {"query": "INSERT INTO chwarden.scan_results FORMAT JSONEachRow", "input_format_skip_unknown_fields": "1"}
    for i in range(2):
        body = (tmp_path / f"shard{i}.jsonl").read_bytes()
        answer = httpx.post(store_server.http_url + "/", params=params, content=body, timeout=30)
        assert answer.status_code == 200, answer.text
    rows = store_server.admin_query(
        "SELECT shard, type, count() AS n, uniqExact(host, port) AS endpoints FROM chwarden.scan_results "
        "GROUP BY shard, type ORDER BY shard, type FORMAT JSONCompact"
    )
    counts = {(s, t): (int(n), int(e)) for s, t, n, e in json.loads(rows)["data"]}
    for i, lines in enumerate(shards):
        for kind in ("endpoint", "finding", "summary"):
            expected = sum(1 for x in lines if x["type"] == kind)
            assert counts.get((f"{i}/2", kind), (0, 0))[0] == expected, (i, kind, counts)
    loaded = store_server.admin_query(
        "SELECT host, port FROM chwarden.scan_results WHERE type = 'endpoint' AND clickhouse = 1 FORMAT JSONCompact"
    )
    assert {(h, int(p)) for h, p in json.loads(loaded)["data"]} == whole
