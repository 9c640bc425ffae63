"""`discover --full` on a schema of many small tables: one query per table against one per column, interleaved.

    .venv/bin/python bench/bench_discover_schema.py [--tables 10] [--columns 20] [--rows 40] [--rounds 3]

Builds ``--tables`` MergeTree tables of ``--columns`` String columns and ``--rows`` rows each in a
chdb directory (log- and chat-like text, one cell in 20 holding an e-mail address or a card number),
then runs ``discover_live(..., full=True)`` in process, A B A B: A with every column read alone (the
per-table read turned off), B as chwarden runs (a table with fewer rows than the candidate-row bound
read by one query per detector scope). Both sides share one engine and must report the same findings.
Printed: every time, min and median of each side, their ratio, the queries each side sent and the
load average before each round.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

WORDS = [
    "the",
    "user",
    "asked",
    "about",
    "the",
    "refund",
    "and",
    "the",
    "agent",
    "replied",
    "with",
    "the",
    "order",
    "status",
    "GET",
    "/api/v1/items",
    "200",
    "ok",
]


def _cell(r: random.Random) -> str:
    text = " ".join(r.choice(WORDS) for _ in range(12))
    if r.random() < 0.05:
        text += r.choice((" mail anna.schmidt84@gmx.de", " card 4556 7375 8689 9855"))
    return text.replace("'", "")


def build(path: str, tables: int, columns: int, rows: int) -> None:
    from chdb import session

    r = random.Random(18)
    s = session.Session(path)
    try:
        s.query("CREATE DATABASE IF NOT EXISTS wide")
        names = ", ".join(f"c{i} String" for i in range(columns))
        for t in range(tables):
            s.query(f"CREATE TABLE wide.t{t} ({names}) ENGINE = MergeTree ORDER BY tuple()")
            values = ", ".join("(" + ", ".join(f"'{_cell(r)}'" for _ in range(columns)) + ")" for _ in range(rows))
            s.query(f"INSERT INTO wide.t{t} VALUES {values}")
    finally:
        s.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=10)
    parser.add_argument("--columns", type=int, default=20)
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rounds = max(3, args.rounds)

    from chwarden.connect.base import GuardedConnection
    from chwarden.connect.embedded import EmbeddedTransport
    from chwarden.discover import DiscoverOptions, column_scan, discover_live

    with tempfile.TemporaryDirectory(prefix="chwarden-bench-schema-") as path:
        build(path, args.tables, args.columns, args.rows)
        conn = GuardedConnection(EmbeddedTransport(path), description="bench", max_execution_time=600)
        options = DiscoverOptions(database="wide", full=True, scan_logs=False)
        together = column_scan._scan_small_table
        queries = {"per column": 0, "per table": 0}
        found: dict[str, list[Any]] = {}
        query = conn.query

        def side(name: str, per_table: bool) -> Callable[[], float]:
            def run() -> float:
                column_scan._scan_small_table = together if per_table else (lambda *_args: {})  # type: ignore[assignment]
                sent = 0

                def counted(statement: str, settings: dict[str, object] | None = None) -> Any:
                    nonlocal sent
                    sent += 1
                    return query(statement, settings)

                conn.query = counted  # type: ignore[method-assign]
                started = time.perf_counter()
                result = discover_live(conn, "bench", options)
                elapsed = time.perf_counter() - started
                conn.query = query  # type: ignore[method-assign]
                queries[name] = sent
                found[name] = sorted((e.table, e.column, e.detector, e.rows_matched) for e in result.sensitive_data)
                return elapsed

            return run

        sides = {"per column": side("per column", False), "per table": side("per table", True)}
        for run in sides.values():  # compile the pattern sets once, outside the timings
            run()
        times: dict[str, list[float]] = {name: [] for name in sides}
        loads = []
        for _ in range(rounds):
            loads.append(os.getloadavg()[0])
            for name, run in sides.items():
                times[name].append(run())
        column_scan._scan_small_table = together  # type: ignore[assignment]
        conn.close()
    if found["per column"] != found["per table"]:
        raise SystemExit("the two sides found different things")
    cells = args.tables * args.columns
    print(f"{args.tables} tables x {args.columns} columns x {args.rows} rows, chdb, {rounds} rounds, A B A B")
    print(f"load average before each round: {', '.join(f'{x:.2f}' for x in loads)}")
    for name, values in times.items():
        shown = ", ".join(f"{v:.2f}" for v in values)
        print(
            f"  {name:<10} min {min(values):.3f} s  median {statistics.median(values):.3f} s  "
            f"({queries[name]} queries for {cells} columns; runs: {shown})"
        )
    ratio_min = min(times["per column"]) / min(times["per table"])
    ratio_median = statistics.median(times["per column"]) / statistics.median(times["per table"])
    print(f"  per table is {ratio_min:.1f}x faster (min/min), {ratio_median:.1f}x (median/median)")
    print(f"  same findings on both sides: {len(found['per table'])} entries")


if __name__ == "__main__":
    main()
