"""Benchmark: every dashboard page over a store of 100 targets x 90 days of daily watch cycles.

Generates the store (``tests/harness/fleet_store.py``: ~250,000 findings, ~250,000 finding states,
9,000 cycles, ~10,000 alerts and changes, ~22,000 attack paths), on the embedded engine and, with
``--server``, on a real ClickHouse 18.16 server started for the run. Then, for each store, starts
``chwarden serve`` (a real uvicorn server), logs in and alternates (A B A B ...):
  A  chwarden: each page over HTTP, logged in (the SQL pushed into the store, the page rendered);
  B  baseline: the rows the same page needs loaded into Python the naive way (SELECT of the raw
     history, no aggregation in the store; the page itself not even rendered), on an identical
     copy of the store (an embedded store is held by one process) or the same server.
Prints min/median per page and kind, the store's row counts and the machine load.

    PYTHONPATH=. .venv/bin/python bench/bench_serve.py [--rounds 3] [--targets 100] [--days 90] [--server]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.harness import configs  # noqa: E402
from tests.harness.addresses import SubnetAllocator  # noqa: E402
from tests.harness.ch18 import ClickHouse18Server  # noqa: E402
from tests.harness.dashboard import login, running_dashboard  # noqa: E402
from tests.harness.fleet_store import generate  # noqa: E402

from chwarden.store import Store, StoreSpec, open_store  # noqa: E402

TARGET = "ch-eu-west-000"
PAGES = {
    "fleet": "/",
    "fleet filtered+sorted": "/?q=eu&severity=high&anonymous=1&sort=alerts&order=desc",
    "trends (fleet, 90 d)": "/trends",
    "trends (one target, 365 d)": f"/trends?target={TARGET}&days=365",
    "target page": f"/target?name={TARGET}",
    "alerts (open)": "/alerts",
    "alerts (all)": "/alerts?state=all",
    "catalogue search": "/catalogue?kind=checks&q=password",
}


def naive(store: Store) -> dict[str, Callable[[], object]]:
    """Baseline B per page: the raw rows into Python, reduced there."""

    def rows(sql: str) -> list[dict[str, object]]:
        return store.select(sql)

    def fleet() -> object:
        cycles = rows(f"SELECT * FROM {store.table('target_cycles')}")
        states = rows(f"SELECT target, fingerprint, severity, status, version FROM {store.table('finding_states')}")
        alerts = rows(f"SELECT target, fingerprint, status, version FROM {store.table('alerts')}")
        latest: dict[str, dict[str, object]] = {}
        for c in cycles:
            if str(c["started_at"]) >= str(latest.get(str(c["target"]), {}).get("started_at", "")):
                latest[str(c["target"])] = c
        current: dict[tuple[str, str], dict[str, object]] = {}
        for s in states + alerts:
            key = (str(s["target"]), str(s["fingerprint"]))
            if int(str(s["version"])) >= int(str(current.get(key, {}).get("version", -1))):
                current[key] = s
        return len(latest), len(current)

    def target() -> object:
        name = f"'{TARGET}'"
        findings = rows(f"SELECT * FROM {store.table('findings')} WHERE target = {name}")
        states = rows(f"SELECT * FROM {store.table('finding_states')} WHERE target = {name}")
        paths = rows(f"SELECT * FROM {store.table('attack_paths')} WHERE target = {name}")
        newest = max(str(f["observed_at"]) for f in findings)
        return len([f for f in findings if f["observed_at"] == newest]), len(states), len(paths)

    def trends() -> object:
        cycles = rows(
            f"SELECT target, started_at, status, findings_critical, findings_high FROM {store.table('target_cycles')}"
        )
        changes = rows(f"SELECT at, target, kind FROM {store.table('changes')}")
        return len(cycles), len(changes)

    def alerts() -> object:
        return len(rows(f"SELECT * FROM {store.table('alerts')}")) + len(
            rows(f"SELECT * FROM {store.table('alert_acks')}")
        )

    return {
        "fleet": fleet, "fleet filtered+sorted": fleet, "trends (fleet, 90 d)": trends,
        "trends (one target, 365 d)": trends, "target page": target, "alerts (open)": alerts,
        "alerts (all)": alerts, "catalogue search": lambda: None,
    }  # fmt: skip


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def bench(
    label: str, store_arg: str, extra: tuple[str, ...], baseline: Store, host: str, work: Path, rounds: int
) -> None:
    counts = {
        t: int(baseline.select(f"SELECT count() AS n FROM {baseline.table(t)}")[0]["n"])
        for t in ("target_cycles", "findings", "finding_states", "alerts", "changes", "attack_paths")
    }
    print(f"\n== {label}: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    with running_dashboard(store_arg, host, work / f"auth-{label.split()[0]}", *extra) as dashboard:
        client = dashboard.client()
        login(client, "admin", dashboard.password())
        b_of = naive(baseline)
        for path in PAGES.values():  # warm both (the engines' first query of a shape compiles it)
            client.get(path)
        results: dict[str, dict[str, list[float]]] = {page: {"A": [], "B": []} for page in PAGES}
        for _ in range(rounds):
            for page, path in PAGES.items():
                started = time.perf_counter()
                answer = client.get(path)
                results[page]["A"].append((time.perf_counter() - started) * 1000)
                assert answer.status_code == 200, (page, answer.status_code)
                results[page]["B"].append(timed(b_of[page]))
        print(f"{'page':28s} {'A chwarden (HTTP page)':>26s} {'B naive rows into Python':>28s}")
        for page, kinds in results.items():
            a, b = kinds["A"], kinds["B"]
            print(
                f"{page:28s} min {min(a):7.1f} med {statistics.median(a):7.1f} ms   "
                f"min {min(b):8.1f} med {statistics.median(b):8.1f} ms"
            )
        worst = max(statistics.median(k["A"]) for k in results.values())
        print(f"slowest page median {worst:.1f} ms (< 300 ms: {'yes' if worst < 300 else 'NO'})")
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--targets", type=int, default=100)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--server", action="store_true", help="Also a store on a real ClickHouse 18.16 server.")
    args = parser.parse_args()
    allocator = SubnetAllocator()
    work = Path(tempfile.mkdtemp(prefix="chwarden-bench-serve-"))
    try:
        started = time.monotonic()
        for name in ("store", "copy"):  # the generator is seeded: two identical stores (a chdb directory
            with open_store(StoreSpec(str(work / name))) as store:  # cannot be copied while it works)
                generate(store, args.targets, args.days)
        print(f"generated two embedded stores in {time.monotonic() - started:.0f} s; {args.rounds} rounds of A and B")
        with open_store(StoreSpec(str(work / "copy"))) as copy:
            bench("embedded (chdb)", str(work / "store"), (), copy, allocator.next_host(), work, args.rounds)
        if args.server:
            server = ClickHouse18Server("bench", allocator.next_host(), work / "server", configs.OPEN)
            server.start()
            try:
                with open_store(StoreSpec(server.http_url)) as store:
                    started = time.monotonic()
                    generate(store, args.targets, args.days)
                    print(f"\ngenerated the 18.16 server store in {time.monotonic() - started:.0f} s")
                    bench("server (18.16)", server.http_url, (), store, allocator.next_host(), work, args.rounds)
            finally:
                server.stop()
    finally:
        allocator.release()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
