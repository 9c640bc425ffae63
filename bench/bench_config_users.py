"""Offline config audit of 1k / 10k / 100k users: time, and how it grows with the number of users.

Each size is one config directory: config.xml, users.xml (profiles, quotas, `default`) and the
users in users.d/, 1,000 per file, each with a sha256 password, networks, a profile, a quota and
allow_databases (a large users.d is how such fleets are managed). The baseline, timed in the same
run and interleaved with the audit (baseline, audit, baseline, audit...), parses the same files
with defusedxml and does nothing else; its growth is what linear looks like on this machine.

Each audit runs in a fresh child process, so one size's memory never slows the next, and the
child reports its own time and peak RSS. Printed: min/median per size, the growth ratio per x10
users (10 = linear), the ratio to the baseline, and the machine load.

    .venv/bin/python bench/bench_config_users.py [--sizes 1000,10000,100000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.interleave import Rounds, Side, interleave, load_text

PER_FILE = 1000

_CHILD = """
import json, resource, sys, time
kind, path = sys.argv[1], sys.argv[2]
started = time.perf_counter()
if kind == "audit":
    from chwarden.audit import AuditOptions, audit_config
    report, _ = audit_config(path, AuditOptions())
    detail = len(report.findings)
else:
    from pathlib import Path
    from defusedxml.ElementTree import parse
    detail = sum(len(parse(str(p)).getroot()) for p in sorted(Path(path).rglob("*.xml")))
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "detail": detail}))
"""


def _user(i: int) -> str:
    return (
        f"<user{i}><password_sha256_hex>{i:064x}</password_sha256_hex>"
        f"<networks><ip>10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}</ip><ip>::1</ip></networks>"
        f"<profile>{'default' if i % 3 else 'readonly'}</profile><quota>default</quota>"
        f"<allow_databases><database>db{i % 50}</database></allow_databases></user{i}>"
    )


def make_config(root: Path, users: int) -> Path:
    (root / "users.d").mkdir(parents=True)
    (root / "config.xml").write_text(
        "<clickhouse><listen_host>0.0.0.0</listen_host><http_port>8123</http_port>"
        "<users_config>users.xml</users_config></clickhouse>"
    )
    (root / "users.xml").write_text(
        "<clickhouse><profiles><default><max_memory_usage>10000000000</max_memory_usage></default>"
        "<readonly><readonly>1</readonly></readonly></profiles>"
        "<users><default><password></password><networks><ip>::1</ip></networks><profile>default</profile>"
        "<quota>default</quota></default></users><quotas><default/></quotas></clickhouse>"
    )
    for first in range(0, users, PER_FILE):
        body = "".join(_user(i) for i in range(first, min(users, first + PER_FILE)))
        (root / "users.d" / f"u{first:08d}.xml").write_text(f"<clickhouse><users>{body}</users></clickhouse>")
    return root


def measure(kind: str, path: Path) -> dict[str, float]:
    """One run in a fresh interpreter: its own seconds and peak RSS."""
    done = subprocess.run([sys.executable, "-c", _CHILD, kind, str(path)], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"before: {load_text()}")
    results: dict[int, Rounds] = {}
    peaks: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="chwarden-bench-users-") as tmp:
        for n in sizes:  # A B A B: the baseline and the audit alternate within every size
            path = make_config(Path(tmp) / f"u{n}", n)

            def audit(path: Path = path, n: int = n) -> float:
                run = measure("audit", path)
                peaks[n] = max(peaks.get(n, 0.0), run["peak_mb"])
                return run["seconds"]

            results[n] = interleave(
                [Side("parse", lambda path=path: measure("parse", path)["seconds"]), Side("audit", audit)],
                args.rounds,
                log=lambda line, n=n: print(f"{n} users: {line}", flush=True),
            )
    header = ("users", "audit min", "median", "parse min", "median", "audit/parse", "peak MB")
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, (8, 10, 8, 10, 8, 11, 8), strict=True)))
    for n in sizes:
        r = results[n]
        a, b = r.min("audit"), r.min("parse")
        print(
            f"{n:>8} {a:>9.2f}s {r.median('audit'):>7.2f}s {b:>9.3f}s "
            f"{r.median('parse'):>7.3f}s {a / b:>10.1f}x {peaks[n]:>8.0f}"
        )
    for small, large in itertools.pairwise(sizes):
        factor = large / small
        grown = results[large].min("audit") / results[small].min("audit")
        grown_base = results[large].min("parse") / results[small].min("parse")
        print(
            f"{small} -> {large} users (x{factor:g}): audit x{grown:.1f}, parse baseline x{grown_base:.1f} "
            f"(linear: x{factor:g})"
        )
    loads = [load for r in results.values() for load in r.loads]
    print(f"load average (1 min) during the rounds: {min(loads):.2f}-{max(loads):.2f}; at the end: {load_text()}")


if __name__ == "__main__":
    main()
