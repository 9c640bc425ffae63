"""Benchmarks of fleet scale on real ClickHouse 18.16 servers on loopback (issue 19).

``discover``: the same rows on one server and spread over a two-shard cluster (ZooKeeper, two
nodes); ``discover --full`` of the single server (A) and ``discover --cluster`` (B) interleaved,
A B A B, for ``--rounds`` rounds. Prints min/median of each side, the ratio, the load, and checks
that the cluster's merged counts equal the single server's.

``watch``: ``--servers`` servers (each with a small table) and a server store; after a warm-up
cycle of every target (so each has history, as in steady state), rounds of ``watch`` cycles over
N targets for every N in ``--sizes``, the sizes interleaved within each round. N larger than the
number of servers watches each server under several names (simulated targets: each has its own
schedule, store history and connections, but shares a server). Prints per N the wall time of a
cycle of all N targets (min/median), the wall and chwarden-CPU time per target, the servers' CPU
per target, the store INSERTs and parts written per target cycle (``--store-buffer``: through Buffer
tables), a least-squares line through the medians, and the
projection to 10,000 targets.

    PYTHONPATH=. .venv/bin/python bench/bench_fleet.py discover [--rounds 3] [--rows 1000000]
    PYTHONPATH=. .venv/bin/python bench/bench_fleet.py watch [--rounds 3] [--servers 32] [--sizes 1,4,8,16,32,96,256]
        [--store-buffer]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.interleave import Side, load_text  # noqa: E402
from bench.interleave import interleave as shared_interleave  # noqa: E402
from tests.harness import configs  # noqa: E402
from tests.harness.addresses import SubnetAllocator  # noqa: E402
from tests.harness.certs import make_self_signed  # noqa: E402
from tests.harness.ch18 import ClickHouse18Server  # noqa: E402
from tests.harness.cluster import SHARDS, two_node_cluster  # noqa: E402
from tests.harness.fleet import open_servers  # noqa: E402
from tests.harness.session import Ch18Env  # noqa: E402
from tests.harness.zookeeper import ZooKeeperServer  # noqa: E402

from chwarden.connect import Credentials, GuardedConnection, Target, connect, parse_target  # noqa: E402
from chwarden.connect.querytag import QueryTagger  # noqa: E402
from chwarden.discover import DiscoverOptions, discover_live  # noqa: E402
from chwarden.discover.cluster import discover_cluster  # noqa: E402
from chwarden.model import SensitiveData  # noqa: E402
from chwarden.store import Store, StoreSpec, open_store  # noqa: E402
from chwarden.watch.alerts import Notifier  # noqa: E402
from chwarden.watch.config import WatchConfig  # noqa: E402
from chwarden.watch.runner import Watch  # noqa: E402
from chwarden.watch.setup import CliOverrides, build_targets  # noqa: E402

KEY = b"bench-fleet-key-0123456789abcdef"
PROJECTED_TARGETS = 10_000
# one log line per number; every 50,000th carries an AWS access key id, every 2,000th an e-mail address
ROW_SQL = (
    "SELECT number AS id, concat('GET /v1/items/', toString(number), ' 200 ', toString(number % 997), 'ms', "
    "if(number % 50000 = 7, concat(' aws_access_key_id=AKIA', arrayStringConcat(arrayMap(i -> substring("
    "'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', intHash64(number * 16 + i) % 32 + 1, 1), range(16)))), ''), "
    "if(number % 2000 = 3, concat(' mailed to user', toString(number), '@posteo.de'), '')) AS line "
    "FROM system.numbers WHERE number >= {start} LIMIT {count}"
)
TABLE = "CREATE TABLE default.{name} (id UInt64, line String) ENGINE = MergeTree ORDER BY id"


def interleave(sides: dict[str, Callable[[], float]], rounds: int) -> dict[str, list[float]]:
    """A B A B ...: every side once per round (the shared bench discipline), seconds per side."""
    return shared_interleave([Side(name, run) for name, run in sides.items()], rounds).seconds


def spread(values: Sequence[float]) -> str:
    return f"min {min(values):.2f}s median {statistics.median(values):.2f}s"


@contextmanager
def environment(prefix: str) -> Iterator[Ch18Env]:
    allocator = SubnetAllocator()
    root = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield Ch18Env(allocator=allocator, root=root, cert=make_self_signed(root / "certs", [allocator.prefix + ".1"]))
    finally:
        allocator.release()
        shutil.rmtree(root, ignore_errors=True)


# ---- discover: one server against two shards holding the same rows ------------------------------


def _open(target: Target) -> GuardedConnection:
    return connect(target, Credentials(), max_execution_time=600)


def _counts(entries: Sequence[SensitiveData]) -> dict[tuple[str, str], int]:
    return {(e.column, e.detector): e.rows_matched for e in entries if e.column == "line"}


def bench_discover(rounds: int, rows: int) -> None:
    options = DiscoverOptions(database="default", full=True, scan_logs=False, query_timeout=600)
    with environment("chwarden-bench-discover-") as env:
        keeper = ZooKeeperServer(env.next_host(), env.root / "zookeeper").start()
        single = ClickHouse18Server("single", env.next_host(), env.root / "single", configs.OPEN)
        try:
            single.start()
            with two_node_cluster(env, keeper, name="bench") as nodes:
                single.admin_query(TABLE.format(name="events"))
                single.admin_query("INSERT INTO default.events " + ROW_SQL.format(start=0, count=2 * rows), timeout=600)
                for shard, node in enumerate(nodes):
                    node.query(TABLE.format(name="events_local"))
                    engine = f"Distributed({SHARDS}, default, events_local)"
                    node.query(f"CREATE TABLE default.events AS default.events_local ENGINE = {engine}")
                    node.server.admin_query(
                        "INSERT INTO default.events_local " + ROW_SQL.format(start=shard * rows, count=rows),
                        timeout=600,
                    )
                seed_target = parse_target(nodes[0].http_url)
                found: dict[str, dict[tuple[str, str], int]] = {}

                def one_server() -> float:
                    began = time.perf_counter()
                    conn = _open(parse_target(single.http_url))
                    try:
                        result = discover_live(conn, "single", options)
                    finally:
                        conn.close()
                    found["single"] = _counts(result.sensitive_data)
                    return time.perf_counter() - began

                def two_shards() -> float:
                    began = time.perf_counter()
                    conn = _open(seed_target)
                    try:
                        result = discover_cluster(conn, seed_target, SHARDS, _open, options)
                    finally:
                        conn.close()
                    found["cluster"] = _counts(result.result.sensitive_data)
                    return time.perf_counter() - began

                print(f"{2 * rows} rows: all on one server (A) / {rows} on each of two shards (B); {rounds} rounds")
                times = interleave({"A single server": one_server, "B two shards": two_shards}, rounds)
        finally:
            single.stop()
            keeper.stop()
    a, b = times["A single server"], times["B two shards"]
    print(f"A single server: {spread(a)}")
    print(f"B two shards:    {spread(b)}")
    print(
        f"single / cluster: {min(a) / min(b):.2f}x (min), {statistics.median(a) / statistics.median(b):.2f}x (median)"
    )
    same = found["single"] == found["cluster"]
    print(f"same counts on both sides: {same} ({sum(found['single'].values())} matched rows: {found['single']})")
    print(f"end: {load_text()}")


# ---- watch: cycle time against the number of targets ---------------------------------------------


def _cpu_seconds(pids: Sequence[int]) -> float:
    """User + system CPU of the given processes (the 18.16 servers), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Inserts:
    """Counts the store's INSERT statements (wraps its backend's insert)."""

    def __init__(self, store: Store) -> None:
        self.count = 0
        insert = store.backend.insert

        def counted(table: str, rows: Any) -> int:
            written = insert(table, rows)
            self.count += written > 0  # an empty write sends no statement
            return written

        store.backend.insert = counted  # type: ignore[method-assign]


def _parts_written(store: ClickHouse18Server) -> int:
    """Parts the store's MergeTree tables received so far (one per INSERT, or per Buffer flush)."""
    return int(
        store.admin_query(
            "SELECT sum(m) FROM (SELECT table, max(max_block_number) AS m FROM system.parts "
            "WHERE database = 'chwarden' GROUP BY table)"
        ).strip()
        or 0
    )


def _fit(points: Sequence[tuple[int, float]]) -> tuple[float, float]:
    """Least squares ``seconds = a + b * N``."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sum((x - mean_x) ** 2 for x, _ in points)
    return mean_y - slope * mean_x, slope


def bench_watch(rounds: int, servers: int, sizes: list[int], concurrency: int, interval: float, buffered: bool) -> None:
    with environment("chwarden-bench-watch-") as env:
        quiet = configs.Variant(configs.users_file("<default/>", configs.user("default"), configs.UNLIMITED_QUOTA))
        store_server = ClickHouse18Server("store", env.next_host(), env.root / "store", quiet).start()
        try:
            with open_servers(env, servers, name="bench", rows=2000) as fleet:
                urls = [s.http_url for s in fleet]
                names = [(f"t{i:04d}", urls[i % len(urls)]) for i in range(max(sizes))]
                config = WatchConfig.model_validate(
                    {
                        "concurrency": concurrency,
                        "targets": [
                            {"url": url, "name": name, "probe": False, "local_config": False, "log_lag": 1}
                            for name, url in names
                        ],
                    }
                )
                targets = build_targets(config, CliOverrides())
                store = open_store(StoreSpec(store_server.http_url, buffered=buffered))
                inserts = Inserts(store)
                pids = [s.pid for s in fleet if s.pid is not None]
                try:
                    watch = Watch(
                        targets, store, QueryTagger(KEY), Notifier(store, config.alerts, []), concurrency=concurrency
                    )
                    began, cpu_before = time.perf_counter(), _own_cpu()
                    warm = watch.run_round(targets)
                    discover_cpu = (_own_cpu() - cpu_before) / len(targets)
                    failed = [t["name"] for t in warm["targets"] if t["status"] == "failed"]
                    print(
                        f"{servers} servers, {len(targets)} targets, concurrency {concurrency}: warm-up cycle "
                        f"{time.perf_counter() - began:.1f}s, {discover_cpu:.3f}s chwarden CPU per target "
                        f"(a first cycle: discover runs); failed: {failed or 'none'}",
                        flush=True,
                    )
                    measured: dict[int, list[tuple[float, float, float, int, int]]] = {n: [] for n in sizes}

                    def side(n: int) -> Callable[[], float]:
                        def run() -> float:
                            cpu, server_cpu, statements = _own_cpu(), _cpu_seconds(pids), inserts.count
                            parts = _parts_written(store_server)
                            began = time.perf_counter()
                            summary = watch.run_round(targets[:n])
                            wall = time.perf_counter() - began
                            bad = [t["name"] for t in summary["targets"] if t["status"] == "failed"]
                            if bad:
                                print(f"  N={n}: failed {bad}", flush=True)
                            measured[n].append(
                                (
                                    wall,
                                    _own_cpu() - cpu,
                                    _cpu_seconds(pids) - server_cpu,
                                    inserts.count - statements,
                                    _parts_written(store_server) - parts,
                                )
                            )
                            return wall

                        return run

                    interleave({f"N={n}": side(n) for n in sizes}, rounds)
                    report_watch(measured, servers, concurrency, interval, discover_cpu)
                finally:
                    store.close()
        finally:
            store_server.stop()


def report_watch(
    measured: dict[int, list[tuple[float, float, float, int, int]]],
    servers: int,
    concurrency: int,
    interval: float,
    discover_cpu: float,
) -> None:
    """Printed before the servers stop (removing their data can take minutes on a loaded machine)."""
    sizes = sorted(measured)
    print(f"\nper N (steady-state cycles; N > {servers} = {servers} servers watched under several names):")
    medians: list[tuple[int, float]] = []
    per_target_cpu: list[float] = []
    writes: list[tuple[float, float]] = []
    for n, runs in measured.items():
        walls = [r[0] for r in runs]
        cpu = statistics.median(r[1] for r in runs) / n
        server_cpu = statistics.median(r[2] for r in runs) / n
        inserts = statistics.median(r[3] for r in runs) / n
        parts = statistics.median(r[4] for r in runs) / n
        medians.append((n, statistics.median(walls)))
        per_target_cpu.append(cpu)
        writes.append((inserts, parts))
        print(
            f"  N={n:4d}: cycle of all {spread(walls)}; per target {statistics.median(walls) / n:.3f}s wall, "
            f"{cpu:.3f}s chwarden CPU, {server_cpu:.3f}s server CPU, {inserts:.1f} store INSERTs, "
            f"{parts:.1f} store parts written"
        )
    intercept, slope = _fit(medians)
    big = max(sizes)
    print(f"line through the medians: {intercept:.2f}s + {slope:.3f}s x N (concurrency {concurrency})")
    ratio = medians[-1][1] / medians[0][1]
    print(f"ratio wall(N={big}) / wall(N={min(sizes)}): {ratio:.1f} for {big / min(sizes):.0f}x the targets")
    steady = statistics.median(per_target_cpu[len(per_target_cpu) // 2 :])  # the larger fleets share fixed costs
    # discover (and the audit's log-secret scan) run every 6th cycle of a target by default
    cpu = (5 * steady + discover_cpu) / 6
    print(f"chwarden CPU per target cycle: {steady:.3f}s steady, {discover_cpu:.3f}s with discover, {cpu:.3f}s average")
    cores = PROJECTED_TARGETS * cpu / interval
    workers = max(1, round(cores / 1.4 + 0.5))
    latency = medians[0][1]  # one target alone: a cycle's wall time when nothing else runs in chwarden
    print(
        f"projection: {PROJECTED_TARGETS} targets every {interval:.0f}s need {PROJECTED_TARGETS * cpu:.0f} CPU-seconds "
        f"of chwarden per interval = {cores:.1f} cores busy; at 2 cores and 70% use per worker: "
        f"{workers} workers (watch --shard I/N), each with concurrency >= "
        f"{PROJECTED_TARGETS / workers * latency / interval:.1f} to hide a {latency:.2f}s cycle"
    )
    inserts, parts = (statistics.median(w[i] for w in writes[len(writes) // 2 :]) for i in (0, 1))
    rate = PROJECTED_TARGETS / interval
    print(
        f"store at that rate: {rate * inserts:.0f} INSERTs/s and {rate * parts:.0f} new parts/s "
        f"({inserts:.1f} INSERTs and {parts:.1f} parts per target cycle)"
    )
    print(f"end: {load_text()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("discover", "watch"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1_000_000, help="discover: rows per shard")
    parser.add_argument("--servers", type=int, default=32, help="watch: real 18.16 servers")
    parser.add_argument("--sizes", default="1,4,8,16,32,96,256", help="watch: numbers of targets")
    parser.add_argument("--concurrency", type=int, default=8, help="watch: targets at once")
    parser.add_argument("--interval", type=float, default=300.0, help="watch: projected interval (s)")
    parser.add_argument("--store-buffer", action="store_true", help="watch: the store through Buffer tables")
    args = parser.parse_args()
    if args.rounds < 3:
        parser.error("an interleaved bench needs at least 3 rounds")
    if args.what == "discover":
        bench_discover(args.rounds, args.rows)
    else:
        sizes = sorted({int(x) for x in args.sizes.split(",")})
        bench_watch(args.rounds, args.servers, sizes, args.concurrency, args.interval, args.store_buffer)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
