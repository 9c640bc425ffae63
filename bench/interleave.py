"""The bench discipline every script in ``bench/`` shares: both sides in one run, interleaved.

A ratio between two timings is only honest when both were taken at the same moment on the same
machine: ``interleave`` runs the sides in turn (A B A B ...) for a number of rounds, records the
load average (``os.getloadavg``) before every round, and ``summary`` prints min and median per
side, the ratios of the mins and of the medians, and the load seen during the run. A side that
gave up at its time limit counts as "at least the limit", and every ratio it enters becomes a
bound (printed with ``>=`` or ``<=``).

``command_seconds`` times a whole process, as a user runs it (interpreter start, imports, output);
``warm_bytecode`` compiles chwarden's modules first, as ``pip install`` does, so a developer
environment with ``PYTHONDONTWRITEBYTECODE`` set does not time the compiler.

Only the standard library: the benches run from the project venv, but this module needs nothing.
"""

from __future__ import annotations

import compileall
import os
import resource
import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "chwarden"


@dataclass(frozen=True)
class Side:
    """One contender: ``run`` returns its seconds, or None when it stopped at ``limit`` seconds."""

    name: str
    run: Callable[[], float | None]
    limit: float | None = None


@dataclass
class Rounds:
    """What ``interleave`` measured: seconds per side in round order, and the load per round."""

    sides: list[str]
    seconds: dict[str, list[float]] = field(default_factory=dict)
    capped: dict[str, int] = field(default_factory=dict)  # rounds that hit the side's limit
    loads: list[float] = field(default_factory=list)  # 1-minute load average before each round, and at the end

    def min(self, name: str) -> float:
        return min(self.seconds[name])

    def median(self, name: str) -> float:
        return statistics.median(self.seconds[name])


def load_text() -> str:
    """``load 1.23 0.98 0.75 (2 cores)``: the 1/5/15-minute load averages."""
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)"


def interleave(
    sides: Sequence[Side], rounds: int = 3, *, log: Callable[[str], None] = print, quiet: bool = False
) -> Rounds:
    """Run every side once per round, in order, for ``rounds`` rounds (at least 3)."""
    if rounds < 3:
        raise ValueError("an interleaved bench needs at least 3 rounds")
    result = Rounds([s.name for s in sides], {s.name: [] for s in sides}, {s.name: 0 for s in sides})
    for number in range(1, rounds + 1):
        result.loads.append(os.getloadavg()[0])
        shown: list[str] = []
        for side in sides:
            seconds, mark = side.run(), ""
            if seconds is None:
                if side.limit is None:
                    raise ValueError(f"{side.name} gave no time and has no limit")
                seconds, mark = side.limit, ">="
                result.capped[side.name] += 1
            result.seconds[side.name].append(seconds)
            shown.append(f"{side.name} {mark}{seconds:.3f}s")
        if not quiet:
            log(f"round {number}/{rounds} (load {result.loads[-1]:.2f}): " + ", ".join(shown))
    result.loads.append(os.getloadavg()[0])
    return result


def ratio_text(result: Rounds, numerator: str, denominator: str) -> str:
    """``nmap / chwarden: min 21.3x, median 20.8x`` (a bound when a side hit its limit)."""
    bound = ""
    if result.capped[numerator] and not result.capped[denominator]:
        bound = ">= "
    elif result.capped[denominator] and not result.capped[numerator]:
        bound = "<= "
    elif result.capped[numerator] and result.capped[denominator]:
        bound = "~ "
    low = result.min(numerator) / result.min(denominator)
    mid = result.median(numerator) / result.median(denominator)
    return f"{numerator} / {denominator}: min {bound}{low:.1f}x, median {bound}{mid:.1f}x"


def summary(
    result: Rounds,
    ratios: Sequence[tuple[str, str]] = (),
    *,
    log: Callable[[str], None] = print,
    unit: Callable[[float], str] = lambda s: f"{s:.3f}s",
) -> None:
    """min/median per side, the requested ratios (numerator, denominator) and the load of the run."""
    rounds = len(result.seconds[result.sides[0]])
    log(f"{rounds} rounds, interleaved ({' '.join(result.sides)} per round)")
    for name in result.sides:
        capped = f"  ({result.capped[name]} rounds stopped at the limit)" if result.capped[name] else ""
        log(f"  {name:<28} min {unit(result.min(name)):>10}  median {unit(result.median(name)):>10}{capped}")
    for numerator, denominator in ratios:
        log("  " + ratio_text(result, numerator, denominator))
    log(
        f"  load average (1 min) during the run: {min(result.loads):.2f}-{max(result.loads):.2f}; "
        f"at the end: {load_text()}"
    )


@dataclass(frozen=True)
class Run:
    """One whole process: its wall time, its CPU time (user + system: what the machine's load
    does not inflate much), exit code and what it wrote on stderr."""

    seconds: float
    cpu_seconds: float
    returncode: int
    stderr: str


def run_command(
    argv: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
    ok: Sequence[int] = (0,),
    cwd: Path | None = None,
) -> Run | None:
    """Time one whole process (stdout discarded, stderr kept); None when killed at ``timeout``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    try:
        done = subprocess.run(
            list(argv),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=dict(env) if env is not None else None,
            timeout=timeout,
            cwd=cwd,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # only children that ended count: this one
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode not in ok:
        tail = stderr.strip().splitlines()[-3:]
        raise RuntimeError(f"{argv[0]} exited {done.returncode}: {' | '.join(tail)}")
    return Run(elapsed, cpu, done.returncode, stderr)


def command_seconds(argv: Sequence[str], **options: object) -> float | None:
    """Wall time of one whole process (see ``run_command``); None when killed at its timeout."""
    run = run_command(argv, **options)  # type: ignore[arg-type]
    return run.seconds if run is not None else None


def warm_bytecode(package: Path = PACKAGE) -> None:
    """Compile chwarden's modules (like ``pip install`` does) so no run pays for compiling them."""
    compileall.compile_dir(str(package), quiet=1)
