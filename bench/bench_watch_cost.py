"""Benchmark: what one watch cycle costs the target, incremental (watermark) against a full re-read.

Starts one real ClickHouse 18.16 server, puts 1,000,000 rows into its system.query_log (3 days
old, as a busy server's history), then alternates (A B A B ...) two kinds of cycle on the same
server, each after 200 fresh queries:
  A  incremental: the watch as shipped, reading only the log rows since its watermark;
  B  baseline: the same rules re-reading the whole log each cycle (what a detector without
     watermarks does).
For each cycle it prints the statements chwarden sent, the rows they read as the server logged
them (chwarden's own tagged queries in system.query_log), and the wall time; then min/median per
kind and the machine load.

    PYTHONPATH=. .venv/bin/python bench/bench_watch_cost.py [--rounds 3] [--rows 1000000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.interleave import Side, interleave, summary  # noqa: E402
from tests.harness import configs  # noqa: E402
from tests.harness.addresses import SubnetAllocator  # noqa: E402
from tests.harness.attacks import Actor  # noqa: E402
from tests.harness.ch18 import ClickHouse18Server  # noqa: E402
from tests.harness.watching import settle  # noqa: E402

from chwarden.connect.querytag import QueryTagger  # noqa: E402
from chwarden.store import StoreSpec, open_store  # noqa: E402
from chwarden.watch.alerts import Notifier  # noqa: E402
from chwarden.watch.config import WatchConfig  # noqa: E402
from chwarden.watch.runner import Watch  # noqa: E402
from chwarden.watch.setup import CliOverrides, build_targets  # noqa: E402

KEY = b"bench-watch-cost-key-0123456789ab"


def own_cost(server: ClickHouse18Server, since: int) -> tuple[int, int]:
    """(statements, rows read) of chwarden's tagged queries logged since ``since``."""
    server.admin_query("SYSTEM FLUSH LOGS")
    line = server.admin_query(
        "SELECT count(), sum(read_rows) FROM system.query_log WHERE type = 2 "
        f"AND startsWith(query_id, 'chwarden-') AND event_time >= toDateTime({since})"
    )
    count, rows = line.split()
    return int(count), int(rows)


def cycle(server: ClickHouse18Server, store_dir: Path, incremental: bool) -> tuple[int, int, float]:
    """One watch cycle; the baseline kind forgets its watermark (a fresh store reading the whole log)."""
    lookback = 3600 if incremental else 30 * 86400
    config = WatchConfig.model_validate(
        {
            "targets": [
                {
                    "url": server.http_url,
                    "name": "bench",
                    "log_lag": 1,
                    "initial_lookback": lookback,
                    "discover": {"enabled": False},
                    "probe": False,
                }
            ]
        }
    )
    targets = build_targets(config, CliOverrides())
    if not incremental:
        shutil.rmtree(store_dir, ignore_errors=True)
    store = open_store(StoreSpec(str(store_dir)))
    try:
        watch = Watch(targets, store, QueryTagger(KEY), Notifier(store, config.alerts, []))
        actor = Actor(server.http_url, "127.0.5.2", "default")
        for n in range(200):
            actor.query(f"SELECT {n} + 1")
        actor.close()
        settle(server)
        began = int(server.admin_query("SELECT toUInt32(now())").strip())
        started = time.monotonic()
        summary = watch.run_round(targets)
        elapsed = time.monotonic() - started
    finally:
        store.close()
    assert summary["targets"][0]["status"] != "failed", summary["targets"][0]["errors"]
    statements, rows = own_cost(server, began)
    if os.environ.get("BENCH_SHOW_QUERIES"):  # which of chwarden's statements read the most
        print(
            server.admin_query(
                "SELECT read_rows, substring(query, 1, 100) FROM system.query_log WHERE type = 2 "
                f"AND startsWith(query_id, 'chwarden-') AND event_time >= toDateTime({began}) "
                "ORDER BY read_rows DESC LIMIT 5"
            )
        )
    return statements, rows, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    allocator = SubnetAllocator()
    root = Path(tempfile.mkdtemp(prefix="chwarden-bench-watch-"))
    server = ClickHouse18Server("bench", allocator.next_host(), root / "server", configs.OPEN)
    try:
        server.start()
        server.admin_query("SELECT 1")
        server.admin_query("SYSTEM FLUSH LOGS")
        server.admin_query(
            "INSERT INTO system.query_log (type, event_date, event_time, query_start_time, query, user, query_id, "
            "address, read_rows, result_rows) SELECT 2, toDate(now() - 3 * 86400), toDateTime(now() - 3 * 86400 + "
            "intDiv(number, 20)), toDateTime(now() - 3 * 86400 + intDiv(number, 20)), "
            "concat('SELECT * FROM app.events WHERE id = ', toString(number)), 'app', toString(generateUUIDv4()), "
            "toFixedString(unhex('00000000000000000000ffff7f000502'), 16), 1, 1 "
            f"FROM numbers({args.rows})"
        )
        total = server.admin_query("SELECT count() FROM system.query_log").strip()
        print(f"system.query_log holds {total} rows; {args.rounds} rounds of A (incremental) and B (full re-read)")
        store_a = root / "store-a"
        cycle(server, store_a, incremental=True)  # the first incremental cycle sets the watermark
        results: dict[str, list[tuple[int, int, float]]] = {"A incremental": [], "B full re-read": []}

        def side(kind: str, store_dir: Path, incremental: bool) -> Side:
            def run() -> float:
                results[kind].append(cycle(server, store_dir, incremental=incremental))
                return results[kind][-1][2]

            return Side(kind, run)

        timed = interleave(
            [side("A incremental", store_a, True), side("B full re-read", root / "store-b", False)],
            args.rounds,
            quiet=True,
        )
        for kind, runs in results.items():
            for statements, rows, elapsed in runs:
                print(f"  {kind:16s} statements={statements:4d} rows_read={rows:9d} time={elapsed:6.2f}s")
        for kind, runs in results.items():
            rows = [r[1] for r in runs]
            print(f"{kind:16s} rows read min {min(rows)} median {statistics.median(rows):.0f}; statements {runs[0][0]}")
        a_rows = statistics.median(r[1] for r in results["A incremental"])
        b_rows = statistics.median(r[1] for r in results["B full re-read"])
        ratio = b_rows / max(1, a_rows)
        print(f"incremental reads {a_rows / max(1, b_rows):.4f} of the full re-read ({ratio:.0f}x fewer rows)")
        summary(timed, [("B full re-read", "A incremental")])
    finally:
        server.stop()
        allocator.release()
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
