"""The scheduler: per-target deadlines and isolation, with the cycle itself replaced (no I/O)."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from chwarden.connect import Credentials, parse_target
from chwarden.connect.querytag import QueryTagger
from chwarden.model import Severity
from chwarden.watch import runner
from chwarden.watch.alerts import Notifier
from chwarden.watch.config import AlertSettings, TargetConfig
from chwarden.watch.cycle import CycleContext, CycleResult, WatchTarget


class FakeStore:
    description = "fake"

    def __init__(self) -> None:
        self.written: list[tuple[str, list[dict[str, Any]]]] = []

    def write(self, table: str, rows: Any) -> int:
        self.written.append((table, list(rows)))
        return len(self.written[-1][1])

    def select(self, sql: str) -> list[dict[str, Any]]:
        return []


def _target(name: str, deadline: float = 30) -> WatchTarget:
    settings = TargetConfig(url=f"http://{name}:8123", name=name, deadline=deadline)
    return WatchTarget(name, parse_target(settings.url), Credentials(), settings, [], 60.0)


def test_deadline_and_isolation(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def fake_cycle(wt: WatchTarget, ctx: CycleContext) -> CycleResult:
        if wt.name == "hangs":
            release.wait(20)  # bounded: the test releases it after the round
        if wt.name == "breaks":
            raise RuntimeError("a bug in one target's cycle")
        return CycleResult(wt.name, wt.target.url, ctx.run_id, time.time(), time.time())

    monkeypatch.setattr(runner, "run_cycle", fake_cycle)
    monkeypatch.setattr(runner, "record_cycle", lambda store, result: None)
    monkeypatch.setattr(Notifier, "process", lambda self, result: [])
    store = FakeStore()
    watch = runner.Watch(
        [_target("ok"), _target("hangs", deadline=1.5), _target("breaks")],
        store,  # type: ignore[arg-type]
        QueryTagger(b"runner-test-key-0123456789abcdef"),
        Notifier(store, AlertSettings(), []),  # type: ignore[arg-type]
        concurrency=3,
    )
    started = time.monotonic()
    summary = watch.run_round(watch.targets)
    elapsed = time.monotonic() - started
    release.set()
    status = {t["name"]: (t["status"], t["errors"]) for t in summary["targets"]}
    assert status["ok"] == ("complete", [])
    assert status["hangs"][0] == "failed" and "deadline" in status["hangs"][1][0]
    assert status["breaks"][0] == "failed" and "RuntimeError" in status["breaks"][1][0]
    assert elapsed < 10, elapsed  # the hung target did not hold the round
    assert [t for t, _ in store.written] == ["runs"]
    assert runner.exit_code(summary, Severity.HIGH) == 0
