"""Speed and memory of `discover --full` against the bare read of the same column, interleaved.

    .venv/bin/python bench/bench_discover.py --engine chdb --rows 10000000      # issue 18: >= 0.5x as a whole command
    PYTHONPATH=. .venv/bin/python bench/bench_discover.py --engine 18.16 --rows 3000000   # >= 0.15x, one read
    .venv/bin/python bench/bench_discover.py --engine chdb --baseline-rows 200000        # + pull-to-Python baselines
    .venv/bin/python bench/bench_discover.py --engine chdb --dense --keep /tmp/dense     # a candidate in every row
    .venv/bin/python bench/bench_discover.py --engine chdb --logfmt --keep /tmp/kv       # an "=" in every row
    .venv/bin/python bench/bench_discover.py --engine chdb --keep /tmp/b --breakdown   # where the query's time goes

Builds a chat/log-like ``bench.logs.message`` column (30-37 words per row; one row in 1,000 also
carries a detector's example value), then runs A and B alternately (A B A B ..., ``--rounds``
rounds, at least 3) and prints every time, min and median of each side, both ratios and the load
average before each round:

* whole command: ``chwarden discover <target> --database bench --full`` against a process that
  only reads the column (``SELECT sum(length(message))``; on chdb with
  ``optimize_functions_to_subcolumns = 0`` so it really reads it): start-up included on both sides;
* in process: ``discover_live(..., full=True)`` against the bare query through the same guarded
  connection (chdb in its worker process, 18.16 over HTTP);
* ``--baseline-rows N``: on the first N rows, discover in process against pulling the column into
  Python and matching one ``re`` alternation of every pattern per row (and Hyperscan per row when
  importable: ``BENCH_TOOLS_PATH``), interleaved the same way.

The in-process rounds share one engine, whose query condition cache (current ClickHouse) could let
a later round skip granules where an earlier one found no candidate row. Here every granule holds
candidate rows (one row in 1,000), so nothing is skipped: the candidate-rows query took 2.42 s with
``use_query_condition_cache = 0`` and 2.45 s without it (three runs each, same engine). A sparser
table would need the cache off to compare rounds fairly; whole commands never share it.

Memory: the peak RSS (VmHWM) of chwarden's own process in a whole-command run, read from
``/proc/self/status`` at exit (the engine runs in a worker process, measured apart), and whether
chdb was ever loaded into chwarden's process.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHWARDEN = [str(Path(sys.executable).with_name("chwarden"))]  # the console script a user runs
_WORD_TEXT = (
    "the a to of and in is it you that for on with as was at be this have from or by not but what all were we when "
    "your can said there use an each which she do how their if will up other about out many then them these so some "
    "her would make like him into time has look two more write go see number no way could people my than first "
    "water been call who oil its now find long down day did get come made may part user request query session task "
    "ask desk demo lunch review error warning retry upload page refund cool thanks meeting sprint monday ok done "
    "failed started finished worker batch took ms GET POST /api/v1/items /healthz 200 404 500 INFO WARN DEBUG #42"
)
WORDS = tuple(_WORD_TEXT.split())
BARE = "SELECT sum(length(message)) FROM bench.logs"
BARE_CHDB = BARE + " SETTINGS optimize_functions_to_subcolumns = 0"


def _literal(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def insert_sql(rows: int, offset: int = 0, shape: str = "chat") -> str:
    """Rows generated inside the engine (the same SQL on 18.16 and chdb).

    ``dense``: every row ends in an IPv4 address (even rows) or an e-mail address (odd rows), the
    case where every row is a candidate and the server validates them all. ``logfmt``: the chat rows as
    the message of a ``key=value`` log line (``ts=… level=info msg="…" took_ms=…``), an ``=`` in every row.
    """
    from chwarden.discover import load_rules

    if shape == "dense":
        return (
            "INSERT INTO bench.logs SELECT toDateTime('2026-01-01 00:00:00') + intDiv(number, 10), concat("
            f"arrayStringConcat(arrayMap(i -> {_words()}[1 + cityHash64(number, i) % {len(WORDS)}], "
            "range(26 + cityHash64(number, 'len') % 8)), ' '), if(number % 2 = 0, concat(' from 34.', "
            "toString(number % 250), '.', toString(intDiv(number, 250) % 250), '.', "
            "toString(intDiv(number, 62500) % 250)), "
            f"concat(' mail user', toString(number % 100000), '@acme-corp.com'))) FROM numbers({offset}, {rows})"
        )

    examples = [d.example for d in load_rules().detectors if d.scope == "value"]
    words = _words()
    secrets = "[" + ",".join(_literal(e) for e in examples) + "]"
    message = (
        f"if(cityHash64(number, 's') % 1000 = 0, "
        f"concat(arrayStringConcat(arrayMap(i -> {words}[1 + cityHash64(number, i) % {len(WORDS)}], range(12)), ' '), "
        f"' ', {secrets}[1 + cityHash64(number, 't') % {len(examples)}]), "
        f"arrayStringConcat(arrayMap(i -> {words}[1 + cityHash64(number, i) % {len(WORDS)}], "
        f"range(30 + cityHash64(number, 'len') % 8)), ' '))"
    )
    if shape == "logfmt":
        message = (
            f"concat('ts=', toString(number), ' level=info msg=\"', {message}, '\" took_ms=', toString(number % 997))"
        )
    return (
        f"INSERT INTO bench.logs SELECT toDateTime('2026-01-01 00:00:00') + intDiv(number, 10), {message} "
        f"FROM numbers({offset}, {rows})"
    )


def _words() -> str:
    return "[" + ",".join(_literal(w) for w in WORDS) + "]"


DDL = "CREATE TABLE bench.logs (ts DateTime, message String) ENGINE = MergeTree ORDER BY ts"


def build_chdb(path: str, rows: int, shape: str = "chat") -> None:
    from chdb import session

    s = session.Session(path)
    s.query("CREATE DATABASE bench")
    s.query(DDL)
    for start in range(0, rows, 2_000_000):
        s.query(insert_sql(min(2_000_000, rows - start), start, shape))
    s.query("OPTIMIZE TABLE bench.logs FINAL")
    s.close()


# ---------------------------------------------------------------------------- the two sides


def whole_bare_chdb(path: str) -> list[str]:
    code = (
        "from chdb import session\n"
        f"s = session.Session({path + '?mode=ro'!r})\n"
        f"s.query({BARE_CHDB!r}, 'Null')\n"
        "s.close()\n"
    )
    return [sys.executable, "-c", code]


def whole_bare_http(url: str) -> list[str]:
    code = f"import httpx\nhttpx.get({url + '/'!r}, params={{'query': {BARE!r}}}, timeout=600).raise_for_status()\n"
    return [sys.executable, "-c", code]


def whole_discover(target: str) -> list[str]:
    return [*CHWARDEN, "discover", target, "--database", "bench", "--full", "--no-logs", "--no-progress",
            "--timeout", "600", "-f", "json", "-o", os.devnull]  # fmt: skip


def timed_process(argv: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, timeout=1800, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):  # discover exits 1 when it finds something at or above high
        raise RuntimeError(f"{argv[:4]} failed ({done.returncode}): {done.stderr[-500:]}")
    return elapsed


def own_memory(target: str) -> dict[str, Any]:
    """chwarden's own peak RSS in a whole-command run (the engine worker is another process)."""
    code = (
        "import atexit, sys\n"
        "def report():\n"
        "    status = dict(l.split(':', 1) for l in open('/proc/self/status'))\n"
        "    sys.stderr.write('BENCH ' + status['VmHWM'].strip() + ' ' + str('chdb' in sys.modules) + '\\n')\n"
        "atexit.register(report)\n"
        "from chwarden.cli import main\n"
        f"sys.argv = ['chwarden'] + {whole_discover(target)[len(CHWARDEN) :]!r}\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=1800, check=False)
    line = next((x for x in done.stderr.splitlines() if x.startswith("BENCH ")), "BENCH ? kB ?")
    _, kb, _unit, chdb_loaded = line.split()
    return {"peak_rss_mb": int(kb) / 1024 if kb.isdigit() else None, "chdb_in_process": chdb_loaded == "True"}


# ---------------------------------------------------------------------------- interleaving


def interleave(name: str, a: tuple[str, Callable[[], float]], b: tuple[str, Callable[[], float]], rounds: int) -> dict:
    times: dict[str, list[float]] = {a[0]: [], b[0]: []}
    loads = []
    for r in range(rounds):
        loads.append(os.getloadavg()[0])
        for label, fn in (a, b) if r % 2 == 0 else (b, a):  # alternate which side goes first
            times[label].append(fn())
        print(f"  {name} round {r + 1}: " + ", ".join(f"{k} {v[-1]:.3f} s" for k, v in times.items())
              + f"  (load {loads[-1]:.2f})", flush=True)  # fmt: skip
    base, ours = times[a[0]], times[b[0]]
    result = {
        "rounds": rounds,
        a[0]: {"min": min(base), "median": statistics.median(base), "all": base},
        b[0]: {"min": min(ours), "median": statistics.median(ours), "all": ours},
        "ratio_min": min(base) / min(ours),
        "ratio_median": statistics.median(base) / statistics.median(ours),
        "load_1min": loads,
    }
    print(
        f"  {name}: {a[0]} min {min(base):.3f} / median {statistics.median(base):.3f} s; "
        f"{b[0]} min {min(ours):.3f} / median {statistics.median(ours):.3f} s; "
        f"speed {result['ratio_min']:.3f}x (min/min), {result['ratio_median']:.3f}x (median/median) of the bare read; "
        f"load {min(loads):.2f}-{max(loads):.2f}"
    )
    return result


# ---------------------------------------------------------------------------- engines


Connector = Callable[[], Any]  # opens a guarded connection (chdb: one engine per path at a time)


@contextmanager
def chdb_target(rows: int, keep: str | None, shape: str = "chat") -> Iterator[tuple[str, Connector, list[str]]]:
    from chwarden.connect.base import GuardedConnection
    from chwarden.connect.embedded import EmbeddedTransport

    with tempfile.TemporaryDirectory(prefix="chwarden-bench-discover-") as tmp:
        path = keep or tmp
        if not Path(path, "metadata", "bench").exists():
            started = time.perf_counter()
            build_chdb(path, rows, shape)
            print(f"built {rows:,} rows in {time.perf_counter() - started:.1f} s", flush=True)
        yield (
            f"chdb://{path}",
            lambda: GuardedConnection(EmbeddedTransport(path), description="bench", max_execution_time=900),
            whole_bare_chdb(path),
        )


@contextmanager
def server18_target(rows: int, _keep: str | None, shape: str = "chat") -> Iterator[tuple[str, Connector, list[str]]]:
    from tests.harness import configs
    from tests.harness.addresses import SubnetAllocator
    from tests.harness.ch18 import ClickHouse18Server

    from chwarden.connect.target import Credentials, connect, parse_target

    allocator = SubnetAllocator()
    with tempfile.TemporaryDirectory(prefix="chwarden-bench-discover18-") as tmp:
        server = ClickHouse18Server("bench", allocator.next_host(), Path(tmp), configs.OPEN).start()
        try:
            server.admin_query("CREATE DATABASE bench")
            server.admin_query(DDL)
            started = time.perf_counter()
            for start in range(0, rows, 1_000_000):
                server.admin_query(insert_sql(min(1_000_000, rows - start), start, shape), timeout=600)
            server.admin_query("OPTIMIZE TABLE bench.logs FINAL", timeout=600)
            print(f"built {rows:,} rows in {time.perf_counter() - started:.1f} s", flush=True)
            yield (
                server.http_url,
                lambda: connect(parse_target(server.http_url), Credentials("default", ""), max_execution_time=900),
                whole_bare_http(server.http_url),
            )
        finally:
            server.stop()
            allocator.release()


def python_baseline(conn: Any, rows: int) -> Callable[[], float]:
    """Pull the first ``rows`` values into Python and match one ``re`` alternation of every pattern per row."""
    from chwarden.discover import load_rules

    alternation = re.compile("|".join(f"(?:{d.pattern})" for d in load_rules().detectors if d.scope == "value"))

    statement = f"SELECT message FROM bench.logs LIMIT {rows}"
    worker = getattr(conn.transport, "worker", None)  # the baseline is not held to chwarden's answer caps

    def pull() -> list[str]:
        if worker is not None:
            return worker.query(statement, "LineAsString", 900).decode("utf-8", "replace").split("\n")[:-1]
        return [str(r[0]) for r in conn.query(statement).rows]

    def run() -> float:
        started = time.perf_counter()
        for value in pull():
            alternation.search(value)
        return time.perf_counter() - started

    return run


def breakdown(worker: Any, rounds: int) -> dict[str, Any]:
    """chdb: where the candidate-rows query's time goes, each part against the bare read of the column.

    Every statement runs once per round, in an order that rotates each round (so no part always
    follows another), with the query condition cache off (a repeated ``WHERE`` would skip granules).
    """
    from chwarden.discover import load_rules, sql

    detectors = [d for d in load_rules().detectors if d.scope == "value"]
    t = sql.tiers(detectors)
    keywords = sql.string_array([p.pattern for p in t.literal])
    gate = sql.string_array(list(t.gate))
    off = " SETTINGS use_query_condition_cache = 0, optimize_functions_to_subcolumns = 0"
    source = sql.source("bench.logs", "message", sql.Bounds(full=True, rows=0))
    parts = {
        "bare read": BARE + off,
        "one literal": "SELECT countIf(multiMatchAny(message, ['T3BlbkFJ'])) FROM bench.logs" + off,
        "keyword set": f"SELECT countIf(multiMatchAny(message, {keywords})) FROM bench.logs" + off,
        "gate": f"SELECT countIf(multiMatchAny(message, {gate})) FROM bench.logs" + off,
        "keyword set + gate": (
            f"SELECT countIf(multiMatchAny(message, {keywords}) OR multiMatchAny(message, {gate})) FROM bench.logs"
            + off
        ),
        "candidate-rows query": sql.rows_query(source, detectors, modern=True) + off,
    }
    for statement in parts.values():  # compile the pattern sets once, outside the timings
        worker.query(statement, "Null", 900)
    times: dict[str, list[float]] = {name: [] for name in parts}
    names = list(parts)
    loads = []
    for r in range(rounds):
        loads.append(os.getloadavg()[0])
        for name in names[r % len(names) :] + names[: r % len(names)]:
            times[name].append(_timed(lambda name=name: worker.query(parts[name], "Null", 900)))  # type: ignore[misc]
    bare = min(times["bare read"])
    print(f"  breakdown (engine only, {rounds} rounds, load {min(loads):.2f}-{max(loads):.2f}):")
    for name, values in times.items():
        extra = "" if name == "bare read" else f"  (+{min(values) - bare:.3f} s over the bare read)"
        print(f"    {name:<22} min {min(values):.3f} / median {statistics.median(values):.3f} s{extra}")
    return {"rounds": rounds, "load_1min": loads, **{name: values for name, values in times.items()}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", choices=("chdb", "18.16"), default="chdb")
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline-rows", type=int, default=0)
    parser.add_argument("--keep", help="chdb: build (or reuse) the table in this directory")
    parser.add_argument("--dense", action="store_true", help="every row holds an IPv4 or an e-mail address")
    parser.add_argument("--logfmt", action="store_true", help="every row a key=value log line around a chat message")
    parser.add_argument("--json", help="write every number to this file")
    parser.add_argument("--breakdown", action="store_true", help="chdb: time the query's parts, then stop")
    args = parser.parse_args()
    rounds = max(3, args.rounds)
    from chwarden.discover import DiscoverOptions, discover_live

    engine = chdb_target if args.engine == "chdb" else server18_target
    out: dict[str, Any] = {"engine": args.engine, "rows": args.rows, "cores": os.cpu_count()}
    shape = "dense" if args.dense else "logfmt" if args.logfmt else "chat"
    with engine(args.rows, args.keep, shape) as (target, connector, bare_argv):
        bare_sql = BARE_CHDB if args.engine == "chdb" else BARE
        options = DiscoverOptions(database="bench", full=True, scan_logs=False, query_timeout=900)
        if args.breakdown and args.engine == "chdb":
            conn = connector()
            try:
                out["breakdown"] = breakdown(conn.transport.worker, rounds)
            finally:
                conn.close()
            if args.json:
                Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")
            return
        print(f"{args.engine}, {args.rows:,} rows, {rounds} rounds, 2 sides interleaved")
        out["whole_command"] = interleave(
            "whole command",
            ("bare", lambda: timed_process(bare_argv)),
            ("discover", lambda: timed_process(whole_discover(target))),
            rounds,
        )
        out["memory"] = own_memory(target)
        found: list[str] = []
        conn = connector()
        try:

            def in_process() -> float:
                started = time.perf_counter()
                result = discover_live(conn, "bench", options)
                found[:] = sorted({e.detector for e in result.sensitive_data})
                return time.perf_counter() - started

            def bare_in_process() -> float:
                # The baseline bypasses chwarden's guard (its SETTINGS clause is the point of the baseline).
                worker = getattr(conn.transport, "worker", None)
                if worker is not None:
                    return _timed(lambda: worker.query(bare_sql, "Null", 900))
                return _timed(lambda: conn.query(bare_sql))

            out["in_process"] = interleave("in process", ("bare", bare_in_process), ("discover", in_process), rounds)
            out["detectors_found"] = found
            if args.baseline_rows:
                small = DiscoverOptions(database="bench", sample_rows=args.baseline_rows, scan_logs=False)
                out["baseline_python_re"] = interleave(
                    f"first {args.baseline_rows:,} rows",
                    ("pull + Python re", python_baseline(conn, args.baseline_rows)),
                    ("discover", lambda: _timed(lambda: discover_live(conn, "bench", small))),
                    rounds,
                )
        finally:
            conn.close()
        memory = out["memory"]
        print(
            f"chwarden's own process (whole command): peak RSS {memory['peak_rss_mb']:.0f} MB, "
            f"chdb loaded in it: {memory['chdb_in_process']}; detectors found: {len(found)}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
