"""Candidate rows validated in forked copies: the same verdicts as one process, no copy left behind."""

from __future__ import annotations

import os
import random
import threading
from collections.abc import Sequence

import pytest

from chwarden.discover import forked
from chwarden.discover.rules import load_rules
from chwarden.discover.verdict import RowGroup, judge_rows

DETECTORS = load_rules().detectors
SPECIFIC = [d for d in DETECTORS if d.category == "secret" and not d.generic]


def _squares(part: Sequence[int]) -> list[int]:
    return [x * x for x in part]


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pids of the copies forked during a test (a test worker may have other children: servers)."""
    pids: list[int] = []
    real_fork = os.fork

    def recording_fork() -> int:
        pid = real_fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recording_fork)
    return pids


def _all_reaped(pids: list[int]) -> bool:
    """Every copy has exited and been waited for (a copy still running, or a zombie, is still ours)."""
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return bool(pids)


@pytest.mark.parametrize("parts", [1, 2, 3, 7])
def test_parts_come_back_in_item_order(parts: int, forks: list[int]) -> None:
    items = list(range(1, 1001))
    assert forked.map_parts(_squares, items, parts) == [x * x for x in items]
    assert len(forks) == parts - 1
    assert parts == 1 or _all_reaped(forks)


def test_more_parts_than_items_and_no_items() -> None:
    assert forked.map_parts(_squares, [3, 4], 5) == [9, 16]
    assert forked.map_parts(_squares, [], 3) == []


def test_a_copy_that_dies_has_its_part_computed_here(forks: list[int]) -> None:
    parent = os.getpid()

    def dies_in_a_copy(part: Sequence[int]) -> list[int]:
        if os.getpid() != parent:
            os._exit(3)  # a copy killed mid-work: no answer at all
        return _squares(part)

    assert forked.map_parts(dies_in_a_copy, list(range(100)), 3) == [x * x for x in range(100)]
    assert _all_reaped(forks)


def test_a_copy_that_answers_the_wrong_length_is_not_trusted() -> None:
    parent = os.getpid()

    def short_in_a_copy(part: Sequence[int]) -> list[int]:
        return _squares(part)[:-1] if os.getpid() != parent else _squares(part)

    assert forked.map_parts(short_in_a_copy, list(range(50)), 2) == [x * x for x in range(50)]


def test_an_error_here_stops_every_copy(forks: list[int]) -> None:
    parent = os.getpid()
    release = threading.Event()  # never set: a copy would wait for ever

    def fails_here(part: Sequence[int]) -> list[int]:
        if os.getpid() == parent:
            raise RuntimeError("interrupted")
        release.wait()
        return _squares(part)

    with pytest.raises(RuntimeError):
        forked.map_parts(fails_here, list(range(30)), 3)
    assert len(forks) == 2 and _all_reaped(forks)


def test_no_fork_for_small_work_or_from_a_process_with_threads() -> None:
    assert forked.parts_for(10_000, forked.MIN_WORK - 1) == 1
    assert forked.parts_for(1, forked.MIN_WORK * 10) == 1
    if forked.can_fork():
        assert forked.parts_for(10_000, forked.MIN_WORK) == min(forked.cores(), forked.MAX_WORKERS)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not forked.can_fork()
        assert forked.parts_for(10_000, forked.MIN_WORK * 10) == 1
    finally:
        stop.set()
        thread.join()


def _rows(seed: int, count: int) -> list[RowGroup]:
    """Filler lines, one in three carrying a detector's own example (every detector in turn)."""
    r = random.Random(seed)
    words = ["the", "request", "failed", "retry", "later", "user", "session", "token", "page", "error", "ok", "done"]
    groups = []
    for i in range(count):
        text = " ".join(r.choice(words) for _ in range(12))
        if i % 3 == 0:
            text += " " + DETECTORS[(i // 3) % len(DETECTORS)].example
        groups.append(RowGroup(tuple(range(1, len(DETECTORS) + 1)), (text,), 1 + i % 5))
    return groups


def test_split_judging_gives_the_verdicts_of_one_process(monkeypatch: pytest.MonkeyPatch, forks: list[int]) -> None:
    groups = _rows(7, 600)
    monkeypatch.setattr(forked, "parts_for", lambda items, work: 1)
    alone = judge_rows(groups, DETECTORS, frozenset(), SPECIFIC)
    for parts in (2, 3):
        monkeypatch.setattr(forked, "parts_for", lambda items, work, parts=parts: parts)
        split = judge_rows(groups, DETECTORS, frozenset(), SPECIFIC)
        assert split[0] == alone[0]
        assert [(v.detector.id, v.rows_matched, v.examples) for v in split[1]] == [
            (v.detector.id, v.rows_matched, v.examples) for v in alone[1]
        ]
    assert len(alone[1]) >= len(DETECTORS) // 2  # the rows hold findings of many detectors
    assert len(forks) == 1 + 2 and _all_reaped(forks)
