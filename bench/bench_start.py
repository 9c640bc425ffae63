"""Start time as a user feels it: whole `chwarden` commands against a bare `python -c pass`.

Each round runs, one after the other, the baseline and every command as a fresh process (A B A B:
baseline, command 1, baseline, command 2, ...), so the machine's load hits both sides alike. Timed
with ``time.perf_counter`` around ``subprocess.run`` (fork, interpreter start, imports, the work,
exit). Printed per command: min and median over the rounds, the same for the baseline, the
command's excess over the baseline, its CPU time (user + system, from the children's rusage: less
sensitive to other load on the machine than wall time), the goal (issue 18: --version and --help
<= 0.3 s, an offline audit of a small config directory <= 0.5 s; judged on the minimum, the run
least disturbed by other processes) and the load average before and after.

    .venv/bin/python bench/bench_start.py [--rounds 7] [--config DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SMALL_CONFIG = REPO / "tests" / "data" / "configs" / "debian_18_16"  # config.xml + users.xml, 31 findings


def commands(config: Path) -> list[tuple[str, list[str], float]]:
    """(label, argv, goal in seconds)."""
    chwarden = [sys.executable, "-m", "chwarden"]
    return [
        ("chwarden --version", [*chwarden, "--version"], 0.3),
        ("chwarden --help", [*chwarden, "--help"], 0.3),
        ("chwarden audit --help", [*chwarden, "audit", "--help"], 0.5),
        ("chwarden audit --config SMALL", [*chwarden, "audit", "--config", str(config), "-q"], 0.5),
        ("chwarden audit --config SMALL -f json", [*chwarden, "audit", "--config", str(config), "-f", "json"], 0.5),
    ]


CPU: dict[str, list[float]] = {}
# As a user runs it: pip compiles bytecode at install, so the runs may write and read __pycache__
# (the warm-up run writes it in a checkout; CI's PYTHONDONTWRITEBYTECODE would time the compiler).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"CHWARDEN_OPTIONS": ""}


def timed(argv: list[str], label: str = "") -> float:
    """Wall seconds of one whole run; its CPU seconds (user + system) are kept in CPU[label]."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, check=False, env=ENV)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.decode()[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    CPU.setdefault(label, []).append(cpu)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--config", type=Path, default=SMALL_CONFIG)
    args = parser.parse_args()
    baseline_argv = [sys.executable, "-c", "pass"]
    plan = commands(args.config)
    load_before = os.getloadavg()
    base: list[float] = []
    times: dict[str, list[float]] = {label: [] for label, _, _ in plan}
    for _label, argv, _ in plan:  # warm the page cache and .pyc files once, untimed
        timed(argv)
    for _ in range(args.rounds):
        for label, argv, _ in plan:
            base.append(timed(baseline_argv, "baseline"))
            times[label].append(timed(argv, label))
    load_after = os.getloadavg()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {args.rounds} rounds, interleaved A B A B")
    print(f"load average before {load_before[0]:.2f} / after {load_after[0]:.2f} (1 min)")
    print(f"baseline `python -c pass`: min {min(base) * 1000:.0f} ms, median {statistics.median(base) * 1000:.0f} ms")
    base_cpu = statistics.median(CPU["baseline"])
    print(f"baseline CPU (user + system): median {base_cpu * 1000:.0f} ms")
    print(f"{'command':<40} {'min':>8} {'median':>8} {'- base':>8} {'CPU med':>8} {'goal':>6}  ok (min)")
    for label, _, goal in plan:
        runs = times[label]
        low, mid = min(runs), statistics.median(runs)
        excess = mid - statistics.median(base)
        cpu = statistics.median(CPU[label])
        verdict = "yes" if low <= goal else "NO"
        print(
            f"{label:<40} {low * 1000:>6.0f}ms {mid * 1000:>6.0f}ms {excess * 1000:>6.0f}ms "
            f"{cpu * 1000:>6.0f}ms {goal:>5.1f}s  {verdict}"
        )


if __name__ == "__main__":
    main()
