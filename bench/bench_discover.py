"""Speed and memory of `discover --full` on a log table in chdb, against the baselines of issue 5.

    .venv/bin/python bench/bench_discover.py --rows 10000000     # the README run (~1.6 GB of text)
    .venv/bin/python bench/bench_discover.py                     # 2 M rows: stays near a minute

Hyperscan is not a chwarden dependency; install it apart from the project venv:
    .venv/bin/python -m pip install --target /tmp/benchlib hyperscan==0.9.1
    BENCH_TOOLS_PATH=/tmp/benchlib .venv/bin/python bench/bench_discover.py

Builds a chat/log-like ``logs.message`` column (one row in 1,000 carries a detector's example
value), then measures, minimum of ``--runs``:
  bare    SELECT sum(length(message)) ... SETTINGS optimize_functions_to_subcolumns = 0, interleaved
          with the discover runs in the same child process (same engine, same moment)
  chwarden discover_live(full=True), every detector, in a child process: fastest run, first run
          (includes compiling the Vectorscan sets), peak RSS of chwarden's own process and of its
          engine worker (chdb runs in a worker process) read apart from /proc/<pid>/status, the
          worker's split into anonymous and file-backed pages (the chdb library's code), and the
          Python heap peak (tracemalloc, separate run)
  re      pulling the column and matching one Python ``re`` alternation per row (on ``--re-rows``
          rows, extrapolated linearly: a full run takes many minutes)
  hs      pulling the column and matching client-side with Hyperscan, per row, stop at first match
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BARE_SQL = "SELECT sum(length(message)) FROM bench.logs SETTINGS optimize_functions_to_subcolumns = 0"

_WORD_TEXT = (
    "the a to of and in is it you that for on with as was at be this have from or by not but what all were we when "
    "your can said there use an each which she do how their if will up other about out many then them these so some "
    "her would make like him into time has look two more write go see number no way could people my than first "
    "water been call who oil its now find long down day did get come made may part user request query session task "
    "ask desk demo lunch review error warning retry upload page refund cool thanks meeting sprint monday ok done "
    "failed started finished worker batch took ms GET POST /api/v1/items /healthz 200 404 500 INFO WARN DEBUG #42"
)
WORDS = tuple(_WORD_TEXT.split())


def build(path: str, rows: int) -> dict[str, float]:
    from chdb import session

    from chwarden.discover import load_rules

    examples = [d.example for d in load_rules().detectors]
    words = "[" + ",".join("'" + w + "'" for w in WORDS) + "]"
    secrets = "[" + ",".join("'" + e.replace("\\", "\\\\").replace("'", "\\'") + "'" for e in examples) + "]"
    s = session.Session(path)
    s.query("CREATE DATABASE IF NOT EXISTS bench")
    s.query("DROP TABLE IF EXISTS bench.logs")
    s.query("CREATE TABLE bench.logs (ts DateTime, message String) ENGINE = MergeTree ORDER BY ts")
    started = time.perf_counter()
    s.query(
        f"INSERT INTO bench.logs WITH {words} AS w, {secrets} AS sec "
        "SELECT toDateTime('2026-01-01 00:00:00') + intDiv(number, 10), "
        "if(cityHash64(number, 's') % 1000 = 0, "
        "concat(arrayStringConcat(arrayMap(i -> w[1 + cityHash64(number, i) % length(w)], range(12)), ' '), ' ', "
        "sec[1 + cityHash64(number, 't') % length(sec)]), "
        "arrayStringConcat(arrayMap(i -> w[1 + cityHash64(number, i) % length(w)], "
        f"range(30 + cityHash64(number, 'len') % 8)), ' ')) FROM numbers({rows})"
    )
    s.query("OPTIMIZE TABLE bench.logs FINAL")
    size = json.loads(s.query("SELECT sum(length(message)) AS b FROM bench.logs", "JSON").bytes())["data"][0]["b"]
    s.close()
    return {"build_s": time.perf_counter() - started, "bytes": float(size)}


def memory_mb(pid: int | str = "self") -> dict[str, float]:
    """A process's resident memory from /proc: peak (VmHWM), now, anonymous and file-backed."""
    wanted = {"VmHWM": "peak", "VmRSS": "rss", "RssAnon": "anon", "RssFile": "file"}
    out: dict[str, float] = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            if key in wanted:
                out[wanted[key]] = int(value.split()[0]) / 1024
    return out


def child_discover(path: str, runs: int) -> None:
    """Run in a child process: bare read and discover --full, interleaved; prints one JSON line."""
    from chwarden.connect.base import GuardedConnection
    from chwarden.connect.embedded import EmbeddedTransport
    from chwarden.discover import DiscoverOptions, discover_live

    before = memory_mb()
    transport = EmbeddedTransport(path)
    worker = transport.worker
    assert worker is not None and worker.pid is not None
    idle = memory_mb(worker.pid)
    conn = GuardedConnection(transport, description="bench", max_execution_time=900)
    options = DiscoverOptions(database="bench", full=True, scan_logs=False, query_timeout=900)
    times: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        result = discover_live(conn, "bench", options)
        times.append(time.perf_counter() - started)
        started = time.perf_counter()
        worker.query(BARE_SQL, "Null", 900)
        bare.append(time.perf_counter() - started)
    tracemalloc.start()
    discover_live(conn, "bench", options)
    heap_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    after, worker_after = memory_mb(), memory_mb(worker.pid)
    conn.close()
    print(
        json.dumps(
            {
                "times": times,
                "bare": bare,
                "memory": {"before": before, "worker_idle": idle, "after_runs": after, "worker": worker_after},
                "chdb_in_parent": "chdb" in sys.modules,
                "python_heap_peak_mb": heap_peak,
                "detectors_found": sorted({e.detector for e in result.sensitive_data}),
                "errors": result.errors,
            }
        )
    )


def pull(session: Any, limit: int | None = None) -> list[bytes]:
    sql = "SELECT message FROM bench.logs" + (f" LIMIT {limit}" if limit else "")
    return session.query(sql, "LineAsString").bytes().split(b"\n")[:-1]


def python_re(lines: list[bytes]) -> float:
    from chwarden.discover import load_rules

    alternation = re.compile("|".join(f"(?:{d.pattern})" for d in load_rules().detectors))
    started = time.perf_counter()
    for line in lines:
        alternation.search(line.decode("utf-8", "replace"))
    return time.perf_counter() - started


def hyperscan_scan(lines: list[bytes]) -> float | None:
    try:
        import hyperscan
    except ImportError:
        return None
    from chwarden.discover import load_rules

    patterns = [d.pattern.encode() for d in load_rules().detectors]
    db = hyperscan.Database()
    db.compile(
        expressions=patterns, ids=list(range(len(patterns))), flags=[hyperscan.HS_FLAG_SINGLEMATCH] * len(patterns)
    )

    def stop(*_args: Any) -> bool:
        return True  # first match decides the row, as the in-engine row filter does

    started = time.perf_counter()
    for line in lines:
        try:  # noqa: SIM105 - a context manager per row would cost more than the scan
            db.scan(line, match_event_handler=stop)
        except hyperscan.ScanTerminated:
            pass  # the row matched
    return time.perf_counter() - started


def run_child(path: str, runs: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", path, "--runs", str(runs)],
        capture_output=True, text=True, check=True, timeout=3600,
    )  # fmt: skip
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def report(rows: int, info: dict[str, float], child: dict[str, Any], baselines: dict[str, float | None]) -> None:
    gb = info["bytes"] / 1e9
    pull_s, re_s, hs = baselines["pull"] or 0.0, baselines["re"] or 0.0, baselines["hs"]
    bare, fastest, first = min(child["bare"]), min(child["times"]), child["times"][0]
    mem = child["memory"]
    print(f"rows {rows:,}  text {gb:.2f} GB  (build {info['build_s']:.1f} s)")
    print(f"bare read                         {bare:8.2f} s  {gb / bare:6.2f} GB/s")
    print(
        f"chwarden discover --full          {fastest:8.2f} s  {gb / fastest:6.2f} GB/s  "
        f"speed {bare / fastest:.2f}x of bare read"
    )
    print(f"  first run (compiles patterns)   {first:8.2f} s  speed {bare / first:.2f}x of bare read")  # fmt: skip
    print(f"pull column to Python             {pull_s:8.2f} s")
    print(f"pull + Python re (extrapolated)   {pull_s + re_s:8.2f} s  chwarden {(pull_s + re_s) / fastest:.0f}x faster")
    if hs is not None:
        print(f"pull + Hyperscan client-side      {pull_s + hs:8.2f} s  chwarden {(pull_s + hs) / fastest:.1f}x faster")
    else:
        print("pull + Hyperscan client-side      not measured (see the docstring: BENCH_TOOLS_PATH)")
    own, worker, idle = mem["after_runs"], mem["worker"], mem["worker_idle"]
    print(
        f"memory, chwarden's own process: peak RSS {own['peak']:.0f} MB (at start {mem['before']['rss']:.0f} MB), "
        f"Python heap peak {child['python_heap_peak_mb']:.1f} MB, chdb loaded: {child['chdb_in_parent']}"
    )
    print(
        f"memory, engine worker: peak RSS {worker['peak']:.0f} MB (now anonymous {worker['anon']:.0f} MB + "
        f"file-backed chdb code {worker['file']:.0f} MB); engine open, idle {idle['rss']:.0f} MB"
    )
    print(f"detectors found: {len(child['detectors_found'])}; errors: {child['errors']}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--re-rows", type=int, default=100_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_discover(args.child, args.runs)
        return
    if os.environ.get("BENCH_TOOLS_PATH"):
        sys.path.insert(0, os.environ["BENCH_TOOLS_PATH"])
    with tempfile.TemporaryDirectory(prefix="chwarden-bench-discover-") as path:
        info = build(path, args.rows)
        child = run_child(path, args.runs)
        from chdb import session as chdb_session

        s = chdb_session.Session(path)
        started = time.perf_counter()
        lines = pull(s)
        pull_s = time.perf_counter() - started
        s.close()
    hs = hyperscan_scan(lines)
    re_s = python_re(lines[: args.re_rows]) * len(lines) / min(len(lines), args.re_rows)
    report(args.rows, info, child, {"pull": pull_s, "re": re_s, "hs": hs})


if __name__ == "__main__":
    main()
