"""Benchmark: full audit of a server with many users and tables (issue: 1,000 users, 5,000 tables).

Runs on the embedded engine (chdb, current ClickHouse with SQL RBAC) and, when Debian's
clickhouse-server is installed, on a real 18.16 server whose users.xml is read from its config
files. Each scenario runs in its own process (chdb allows one engine per process). Prints, per
scenario, the minimum of several runs and the ratios against a baseline measured in the same
run: the bare reads of system.users + system.tables + system.columns through the same guarded
connection.

    .venv/bin/python bench/bench_audit.py [--users 100,1000] [--tables 5000] [--runs 3]
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


def run_chdb_scenario(users: int, tables: int, runs: int) -> dict[str, float]:
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
        audit_times, baseline_times = [], []
        findings = 0
        for _ in range(runs):
            conn = GuardedConnection(EmbeddedTransport(data, str(config)), description=target.display)
            try:
                t0 = time.perf_counter()
                for sql in (
                    "SELECT * FROM system.users",
                    "SELECT database, name, engine FROM system.tables",
                    "SELECT database, table, name, type FROM system.columns",
                ):
                    conn.query(sql)
                baseline_times.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                snapshot = collect_live(conn, target, "default", password_given=False, probe_ports=False)
                report = judge([snapshot])
                audit_times.append(time.perf_counter() - t0)
                findings = len(report.findings)
            finally:
                conn.close()
        return {
            "engine": "chdb",
            "users": users,
            "tables": tables,
            "build_s": build_s,
            "audit_s": min(audit_times),
            "baseline_s": min(baseline_times),
            "findings": findings,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def child(args: argparse.Namespace) -> None:
    result = run_chdb_scenario(args.child_users, args.tables, args.runs)
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", default="100,1000")
    parser.add_argument("--tables", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
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
                "--runs",
                str(args.runs),
            ],
            capture_output=True,
            text=True,
            timeout=1800,
            check=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    header = ("engine", "users", "tables", "audit s", "baseline s", "audit/baseline", "findings")
    print(f"{header[0]:7} " + " ".join(f"{h:>{w}}" for h, w in zip(header[1:], (6, 6, 8, 10, 14, 8), strict=True)))
    for r in results:
        print(
            f"{r['engine']:7} {r['users']:>6} {r['tables']:>6} {r['audit_s']:>8.3f} {r['baseline_s']:>10.3f} "
            f"{r['audit_s'] / r['baseline_s']:>14.1f} {r['findings']:>8}"
        )
    if len(results) >= 2:
        small, large = results[0], results[-1]
        print(
            f"cost ratio {large['users']}/{small['users']} users: {large['audit_s'] / small['audit_s']:.2f}x "
            f"(users x{large['users'] / small['users']:.0f})"
        )


if __name__ == "__main__":
    main()
