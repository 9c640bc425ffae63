"""``warm``: the rules compile in a thread while the engine reads, once per process, and the thread ends."""

from __future__ import annotations

import re
import threading

import pytest

from chwarden.discover import load_rules, sql, warm


@pytest.fixture
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warm, "_done", False)


def test_the_thread_compiles_every_detectors_pattern_once_per_process(
    fresh_process: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    ordered = sql.order([d for d in load_rules().detectors if d.scope == "value"])
    for d in ordered:  # as a new process has them: nothing compiled yet
        d.__dict__.pop("regex", None)
    compiled: list[str] = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda p, flags=0: compiled.append(str(p)) or real(p, flags))
    thread = warm.start(ordered, [d for d in ordered if d.specific])
    assert thread is not None and thread.daemon
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert all("regex" in d.__dict__ for d in ordered)
    assert len(compiled) >= len(ordered)
    assert warm.start(ordered, []) is None  # once per process
    assert threading.active_count() == 1  # forked copies need one thread


def test_a_failing_warm_up_leaves_the_work_to_the_first_row(
    fresh_process: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> dict[int, list[str]]:
        raise RuntimeError("a rule the warm-up cannot judge")

    monkeypatch.setattr(warm, "row_findings", broken)
    thread = warm.start(load_rules().detectors[:3], [])
    assert thread is not None
    thread.join(timeout=30)
    assert not thread.is_alive()
