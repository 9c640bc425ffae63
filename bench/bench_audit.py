"""Benchmark: full audit of a server with many users and tables (issue: 1,000 users, 5,000 tables).

Runs on the embedded engine (chdb, current ClickHouse with SQL RBAC), each scenario in its own
process (one engine per process). Within it, the baseline and the audit alternate for
``--rounds`` rounds (A B A B, ``bench/interleave.py``): the baseline is the bare reads of
system.users + system.tables + system.columns through the same guarded connection, the audit
is the whole live collection plus every check. Each side opens its own connection outside the
timed part. Prints min/median per side, the audit/baseline ratios of the mins and of the
medians, the growth from the smallest to the largest user count, and the machine load.

    .venv/bin/python bench/bench_audit.py [--users 100,1000] [--tables 5000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.interleave import Side, interleave, load_text

USER_TEMPLATES = [
    "<password>pw-{i}</password><networks><ip>::/0</ip></networks>",
    "<password_sha256_hex>{sha}</password_sha256_hex><networks><ip>10.{a}.0.0/16</ip></networks>",
    "<no_password/><networks><ip>::1</ip></networks>",
    "<password_double_sha1_hex>{sha40}</password_double_sha1_hex><networks><ip>::/0</ip></networks>",
]


def users_xml(count: int) -> str:
    import hashlib

    parts = []
    for i in range(count):
        sha = hashlib.sha256(f"pw-{i}".encode()).hexdigest()
        auth = USER_TEMPLATES[i % len(USER_TEMPLATES)].format(i=i, sha=sha, sha40=sha[:40], a=i % 250)
        grants = (
            f"<grants><query>GRANT SELECT ON db{i % 50}.*</query><query>GRANT r{i % 20}</query></grants>"
            if i % 3
            else ""
        )
        parts.append(
            f"<u{i}>{auth}<profile>{'ro' if i % 2 else 'default'}</profile><quota>default</quota>{grants}</u{i}>"
        )
    roles = "".join(f"<r{j}><grants><query>GRANT SELECT ON db{j}.*</query></grants></r{j}>" for j in range(20))
    return (
        "<profiles><default/><ro><readonly>1</readonly><constraints><readonly><readonly/></readonly>"
        "</constraints></ro></profiles>"
        f"<roles>{roles}</roles>"
        "<users><default><password></password><networks><ip>::1</ip><ip>127.0.0.1</ip></networks>"
        "<profile>default</profile><quota>default</quota><access_management>1</access_management></default>"
        + "".join(parts)
        + "</users><quotas><default/></quotas>"
    )


def run_chdb_scenario(users: int, tables: int, rounds: int) -> dict[str, float]:
    """Executed in a child process: build the instance, then time audits and the baseline."""
    from chwarden.checks.judge import judge
    from chwarden.connect.base import GuardedConnection
    from chwarden.connect.embedded import EmbeddedTransport, open_chdb_session
    from chwarden.connect.target import Target
    from chwarden.sources.live import collect_live

    work = Path(tempfile.mkdtemp(prefix="chw-bench-"))
    try:
        config = work / "config.xml"
        config.write_text(f"<clickhouse><users_config>{config}</users_config>{users_xml(users)}</clickhouse>")
        data = str(work / "data")
        setup = open_chdb_session(data, str(config))
        t0 = time.perf_counter()
        for d in range(50):
            setup.query(f"CREATE DATABASE IF NOT EXISTS db{d}")
        for t in range(tables):
            setup.query(f"CREATE TABLE db{t % 50}.t{t} (id UInt64, msg String, ts DateTime) ENGINE = Memory")
        build_s = time.perf_counter() - t0
        setup.close()
        target = Target(scheme="chdb", path=data, config_file=str(config))
        findings: list[int] = []

        def connection() -> GuardedConnection:
            return GuardedConnection(EmbeddedTransport(data, str(config)), description=target.display)

        def baseline() -> float:
            with connection() as conn:
                started = time.perf_counter()
                for sql in (
                    "SELECT * FROM system.users",
                    "SELECT database, name, engine FROM system.tables",
                    "SELECT database, table, name, type FROM system.columns",
                ):
                    conn.query(sql)
                return time.perf_counter() - started

        def audit() -> float:
            with connection() as conn:
                started = time.perf_counter()
                snapshot = collect_live(conn, target, "default", password_given=False, probe_ports=False)
                report = judge([snapshot])
                elapsed = time.perf_counter() - started
            findings.append(len(report.findings))
            return elapsed

        result = interleave(
            [Side("bare reads", baseline), Side("audit", audit)],
            rounds,
            log=lambda line: print(f"  {users} users: {line}", file=sys.stderr, flush=True),
        )
        return {
            "engine": "chdb",
            "users": users,
            "tables": tables,
            "build_s": build_s,
            "audit_min": result.min("audit"),
            "audit_median": result.median("audit"),
            "baseline_min": result.min("bare reads"),
            "baseline_median": result.median("bare reads"),
            "load_min": min(result.loads),
            "load_max": max(result.loads),
            "findings": findings[-1],
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def child(args: argparse.Namespace) -> None:
    result = run_chdb_scenario(args.child_users, args.tables, args.rounds)
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", default="100,1000")
    parser.add_argument("--tables", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child-users", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_users:
        child(args)
        return
    results = []
    for users in [int(u) for u in args.users.split(",")]:
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child-users",
                str(users),
                "--tables",
                str(args.tables),
                "--rounds",
                str(args.rounds),
            ],
            stdout=subprocess.PIPE,
            text=True,
            timeout=1800,
            check=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"{args.rounds} rounds per scenario, bare reads and audit interleaved; min (median)")
    header = ("users", "tables", "audit s", "baseline s", "audit/baseline", "findings")
    widths = (6, 6, 15, 15, 15, 8)
    print(f"{'engine':7} " + " ".join(f"{h:>{w}}" for h, w in zip(header, widths, strict=True)))
    for r in results:
        ratio = f"{r['audit_min'] / r['baseline_min']:.1f} ({r['audit_median'] / r['baseline_median']:.1f})"
        print(
            f"{r['engine']:7} {r['users']:>6} {r['tables']:>6} "
            f"{r['audit_min']:>6.3f} ({r['audit_median']:.3f}) {r['baseline_min']:>6.3f} ({r['baseline_median']:.3f}) "
            f"{ratio:>15} {r['findings']:>8}"
        )
    if len(results) >= 2:
        small, large = results[0], results[-1]
        print(
            f"cost ratio {large['users']}/{small['users']} users: {large['audit_min'] / small['audit_min']:.2f}x "
            f"(users x{large['users'] / small['users']:.0f})"
        )
    low, high = min(r["load_min"] for r in results), max(r["load_max"] for r in results)
    print(f"load average (1 min) during the rounds: {low:.2f}-{high:.2f}; at the end: {load_text()}")


if __name__ == "__main__":
    main()
