"""The shared bench discipline (bench/interleave.py): sides alternate within every round, a side
that stops at its limit turns every ratio it enters into a bound, and too few rounds are refused."""

from __future__ import annotations

import sys

import pytest
from bench.interleave import Side, interleave, ratio_text, run_command, summary


def _fixed(name: str, values: list[float | None], order: list[str]) -> Side:
    answers = iter(values)

    def run() -> float | None:
        order.append(name)
        return next(answers)

    return Side(name, run, limit=10.0)


def test_sides_alternate_and_ratios_use_min_and_median() -> None:
    order: list[str] = []
    result = interleave(
        [_fixed("tool", [1.0, 2.0, 4.0], order), _fixed("baseline", [30.0, 20.0, 40.0], order)], 3, quiet=True
    )
    assert order == ["tool", "baseline"] * 3
    assert (result.min("tool"), result.median("tool")) == (1.0, 2.0)
    assert len(result.loads) == 4  # before each round, and at the end
    assert ratio_text(result, "baseline", "tool") == "baseline / tool: min 20.0x, median 15.0x"
    lines: list[str] = []
    summary(result, [("baseline", "tool")], log=lines.append)
    assert any("load average" in line for line in lines)


def test_a_side_stopped_at_its_limit_is_a_bound() -> None:
    result = interleave([_fixed("tool", [1.0] * 3, []), _fixed("slow", [None, 12.0, None], [])], 3, quiet=True)
    assert result.seconds["slow"] == [10.0, 12.0, 10.0] and result.capped["slow"] == 2
    assert ratio_text(result, "slow", "tool").startswith("slow / tool: min >= 10.0x")
    assert "<= " in ratio_text(result, "tool", "slow")


def test_fewer_than_three_rounds_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 3 rounds"):
        interleave([_fixed("a", [1.0], [])], 2)


def test_run_command_times_a_whole_process_and_reports_a_timeout() -> None:
    done = run_command([sys.executable, "-c", "import sys; sys.stderr.write('hello')"])
    assert done is not None and done.seconds > 0 and done.stderr == "hello"
    assert run_command([sys.executable, "-c", "import threading; threading.Event().wait(30)"], timeout=0.5) is None
    with pytest.raises(RuntimeError, match="exited 3"):
        run_command([sys.executable, "-c", "raise SystemExit(3)"])
