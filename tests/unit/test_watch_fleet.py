"""Watching a fleet: the per-target scheduler (cycle replaced, no I/O) and the worker split."""

from __future__ import annotations

import threading
import time
from collections import Counter
from typing import Any

import pytest

from chwarden.connect import Credentials, parse_target
from chwarden.connect.querytag import QueryTagger
from chwarden.watch import runner
from chwarden.watch.alerts import Notifier
from chwarden.watch.config import AlertSettings, TargetConfig
from chwarden.watch.cycle import CycleContext, CycleResult, WatchTarget
from chwarden.watch.fleet import jump_hash, select_shard, shard_of
from tests.unit.test_watch_runner import FakeStore


class ScheduleStore(FakeStore):
    """No history: every target is due at once."""

    def table(self, name: str) -> str:
        return name


def _target(name: str, interval: float, deadline: float = 30) -> WatchTarget:
    settings = TargetConfig(url=f"http://{name}:8123", name=name, deadline=deadline)
    return WatchTarget(name, parse_target(settings.url), Credentials(), settings, [], interval)


def test_one_hung_target_never_delays_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    running: Counter[str] = Counter()
    peak = [0]
    lock = threading.Lock()

    def fake_cycle(wt: WatchTarget, ctx: CycleContext) -> CycleResult:
        with lock:
            running["all"] += 1
            peak[0] = max(peak[0], running["all"])
        try:
            if wt.name == "hangs":
                release.wait(20)  # bounded: released when the test ends
            elif wt.name == "dead":
                raise ConnectionError("refused")
            else:
                time.sleep(0.05)
            return CycleResult(wt.name, wt.target.url, ctx.run_id, time.time(), time.time())
        finally:
            with lock:
                running["all"] -= 1

    monkeypatch.setattr(runner, "run_cycle", fake_cycle)
    monkeypatch.setattr(runner, "record_cycle", lambda store, result: None)
    monkeypatch.setattr(Notifier, "process", lambda self, result: [])
    store = ScheduleStore()
    targets = [_target("hangs", 0.2, deadline=1.0), _target("dead", 0.2)] + [_target(f"ok{i}", 0.2) for i in range(6)]
    watch = runner.Watch(
        targets,
        store,  # type: ignore[arg-type]
        QueryTagger(b"fleet-test-key-0123456789abcdef0"),
        Notifier(store, AlertSettings(), []),  # type: ignore[arg-type]
        concurrency=3,
        jitter=0.0,
    )
    seen: list[dict[str, Any]] = []
    began = time.monotonic()

    def on_cycle(summary: dict[str, Any]) -> None:
        seen.append(summary)
        if time.monotonic() - began > 3.0:
            watch.stop.set()

    try:
        watch.run_forever(on_cycle)
    finally:
        release.set()
    cycles = Counter((t["name"], t["status"]) for s in seen for t in s["targets"])
    assert all(len(s["targets"]) == 1 for s in seen)  # each cycle reported on its own
    for i in range(6):  # interval 0.2 s: many cycles in 3 s although one target hangs all along
        assert cycles[(f"ok{i}", "complete")] >= 4, cycles
    assert cycles[("hangs", "failed")] == 1  # failed at its deadline, not restarted while its thread runs
    assert cycles[("dead", "failed")] >= 4
    assert peak[0] <= 3 + 1  # the concurrency bound (+ the hung thread whose slot was given back)
    assert time.monotonic() - began < 8


def test_jump_hash_is_even_stable_and_moves_little() -> None:
    names = [f"clickhouse-{i:05d}.example:9000" for i in range(10_000)]
    split = Counter(shard_of(n, 8) for n in names)
    assert sorted(split) == list(range(8))
    assert max(split.values()) < 1.1 * 10_000 / 8 and min(split.values()) > 0.9 * 10_000 / 8
    assert [shard_of(n, 8) for n in names[:50]] == [shard_of(n, 8) for n in names[:50]]
    moved = [n for n in names if shard_of(n, 8) != shard_of(n, 9)]
    assert all(shard_of(n, 9) == 8 for n in moved)  # only to the new worker
    assert 0.08 < len(moved) / len(names) < 0.15  # about 1/9
    assert jump_hash(0, 1) == 0 and {jump_hash(k, 3) for k in range(100)} == {0, 1, 2}


def test_select_shard_partitions_targets() -> None:
    targets = [_target(f"t{i}", 60) for i in range(40)]
    parts = [select_shard(targets, i, 3) for i in range(3)]
    names = [wt.name for part in parts for wt in part]
    assert sorted(names) == sorted(wt.name for wt in targets) and len(names) == len(set(names))
