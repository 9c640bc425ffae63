"""Scheduling: every target on its own interval (with jitter), a bounded number at once, each with
a deadline, one failing or hanging target never holding up the others, a clean stop on SIGTERM.

A target's cycle runs in its own thread; its I/O is bounded by connect and query timeouts and the
cycle's deadline, so a cycle past its deadline is reported failed, its slot is given to the next
due target and its thread is left to finish (the target is not started again until it has; at
most ``STRAGGLERS`` times ``concurrency`` such threads are tolerated). ``run_forever`` keeps one
schedule per target: a target is due ``interval`` after its own last cycle ended, whatever the
others do, and each finished cycle is reported on its own. ``run_round`` (``--once``, the demo)
runs a set of targets together and reports them as one round. Schedules survive restarts: the
next run of a target is its last cycle in the store plus its interval.
"""

from __future__ import annotations

import heapq
import queue
import random
import secrets
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from chwarden.connect.querytag import QueryTagger
from chwarden.model import Severity
from chwarden.store import Store, StoreError, store_time
from chwarden.store import queries as q
from chwarden.store.records import run_row
from chwarden.watch.alerts import Notifier
from chwarden.watch.cycle import CycleContext, CycleResult, WatchTarget, run_cycle
from chwarden.watch.metrics import WatchMetrics
from chwarden.watch.record import record_cycle
from chwarden.watch.summary import cycle_summary

POLL_SECONDS = 1.0  # how often the scheduler re-checks deadlines while it waits
STRAGGLERS = 4  # cycles past their deadline whose threads may still run, per unit of concurrency


@dataclass
class _Flight:
    """A target's cycle in its own thread (``run_forever``)."""

    wt: WatchTarget
    run_id: str
    began: float  # time.monotonic()
    wall: float  # time.time()
    overdue: bool = False  # reported failed at its deadline; the thread has not ended yet


@dataclass
class Watch:
    targets: Sequence[WatchTarget]
    store: Store
    tagger: QueryTagger
    notifier: Notifier
    concurrency: int = 4
    jitter: float = 0.1
    deadline: float = 240.0
    metrics: WatchMetrics | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    runner_name: str = "watch"
    busy: set[str] = field(default_factory=set)  # targets whose cycle thread is still running

    def _one(self, wt: WatchTarget, run_id: str, started: dict[str, float]) -> CycleResult:
        started[wt.name] = time.monotonic()
        self.busy.add(wt.name)
        try:
            result = run_cycle(wt, CycleContext(self.store, self.tagger, run_id))
            try:
                record_cycle(self.store, result)
                self.notifier.process(result)
            except StoreError as exc:
                result.errors.append(f"store: {exc}")
                result.status = "failed" if result.status == "failed" else "partial"
            if self.metrics is not None:
                self.metrics.observe(result)
            return result
        finally:
            self.busy.discard(wt.name)

    def run_round(self, targets: Sequence[WatchTarget]) -> dict[str, Any]:
        """One cycle of the given targets, concurrently; returns the cycle summary."""
        run_id = self._run_id()
        begun = time.time()
        return self._close(run_id, begun, self._execute(targets, run_id))

    @staticmethod
    def _run_id() -> str:
        return f"watch-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}-{secrets.token_hex(3)}"

    def _close(self, run_id: str, begun: float, results: list[CycleResult]) -> dict[str, Any]:
        """Send what the alerts held back, keep the run in the store, and summarise it."""
        self.notifier.flush()
        finished = time.time()
        status = "failed" if results and all(r.status == "failed" for r in results) else "complete"
        try:
            self.store.write(
                "runs",
                [
                    run_row(
                        run_id,
                        "watch",
                        store_time(begun),
                        store_time(finished),
                        [r.name for r in results],
                        status,
                        self.runner_name,
                    )
                ],
            )
        except StoreError as exc:
            for r in results:
                r.errors.append(f"store: {exc}")
        return cycle_summary(run_id, begun, finished, results, self.store.description)

    def _execute(self, targets: Sequence[WatchTarget], run_id: str) -> list[CycleResult]:
        started: dict[str, float] = {}
        results: list[CycleResult] = []
        pool = ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="chwarden-watch")
        futures: dict[Future[CycleResult], WatchTarget] = {
            pool.submit(self._one, wt, run_id, started): wt for wt in targets
        }
        pending = set(futures)
        try:
            while pending:
                done, pending = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
                for future in done:
                    results.append(self._result_of(future, futures[future], run_id))
                now = time.monotonic()
                for future in [f for f in pending if self._overdue(futures[f], started, now)]:
                    pending.discard(future)
                    future.cancel()
                    results.append(
                        self._failed(
                            futures[future],
                            run_id,
                            f"cycle deadline of {self._deadline(futures[future]):.0f} s exceeded",
                        )
                    )
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        order = {wt.name: i for i, wt in enumerate(targets)}
        return sorted(results, key=lambda r: order.get(r.name, 0))

    def _deadline(self, wt: WatchTarget) -> float:
        return float(wt.settings.deadline or self.deadline)

    def _overdue(self, wt: WatchTarget, started: dict[str, float], now: float) -> bool:
        began = started.get(wt.name)
        return began is not None and now - began > self._deadline(wt)

    def _result_of(self, future: Future[CycleResult], wt: WatchTarget, run_id: str) -> CycleResult:
        try:
            return future.result()
        except Exception as exc:  # one target's bug must not stop the others
            return self._failed(wt, run_id, f"internal error: {type(exc).__name__}: {exc}")

    def _failed(self, wt: WatchTarget, run_id: str, error: str) -> CycleResult:
        now = time.time()
        result = CycleResult(wt.name, wt.target.url, run_id, now, now, status="failed", errors=[error])
        if self.metrics is not None:
            self.metrics.observe(result)
        return result

    def next_due(self, wt: WatchTarget, after: float | None = None) -> float:
        """When the target should run next (epoch seconds), from the store's last cycle on first call."""
        if after is None:
            last = q.last_cycle_started(self.store, wt.name)
            if last is None:
                return time.time()
            after = last.timestamp()
        spread = wt.interval * self.jitter
        return after + wt.interval + random.uniform(-spread, spread)

    def run_forever(self, on_round: Callable[[dict[str, Any]], None]) -> None:
        """Run each target when it is due until ``stop`` is set; each finished cycle goes to ``on_round``.

        After ``stop`` no cycle is started; the ones in flight finish (or reach their deadline).
        """
        order = {wt.name: i for i, wt in enumerate(self.targets)}
        due = [(self.next_due(wt), order[wt.name], wt) for wt in self.targets]
        heapq.heapify(due)
        flights: dict[str, _Flight] = {}
        ended: queue.Queue[tuple[str, CycleResult]] = queue.Queue()
        wake = threading.Event()
        while True:
            self._collect(ended, flights, due, order, on_round)
            now = time.monotonic()
            for flight in flights.values():
                if not flight.overdue and now - flight.began > self._deadline(flight.wt):
                    flight.overdue = True
                    error = f"cycle deadline of {self._deadline(flight.wt):.0f} s exceeded"
                    on_round(self._close(flight.run_id, flight.wall, [self._failed(flight.wt, flight.run_id, error)]))
            active = sum(not f.overdue for f in flights.values())
            stragglers = len(flights) - active
            while (
                not self.stop.is_set()
                and due
                and due[0][0] <= time.time()
                and active < self.concurrency
                and stragglers < STRAGGLERS * self.concurrency
            ):
                wt = heapq.heappop(due)[2]
                flights[wt.name] = self._launch(wt, ended, wake)
                active += 1
            if self.stop.is_set() and active == 0:
                return
            waits = [POLL_SECONDS]
            if due and active < self.concurrency and not self.stop.is_set():
                waits.append(due[0][0] - time.time())
            wake.wait(max(0.01, min(waits)))
            wake.clear()

    def _launch(self, wt: WatchTarget, ended: queue.Queue[tuple[str, CycleResult]], wake: threading.Event) -> _Flight:
        flight = _Flight(wt, self._run_id(), time.monotonic(), time.time())

        def body() -> None:
            try:
                result = self._one(wt, flight.run_id, {})
            except Exception as exc:  # one target's bug must not stop the others
                result = self._failed(wt, flight.run_id, f"internal error: {type(exc).__name__}: {exc}")
            ended.put((wt.name, result))
            wake.set()

        threading.Thread(target=body, name=f"chwarden-watch-{wt.name}"[:60], daemon=True).start()
        return flight

    def _collect(
        self,
        ended: queue.Queue[tuple[str, CycleResult]],
        flights: dict[str, _Flight],
        due: list[tuple[float, int, WatchTarget]],
        order: dict[str, int],
        on_round: Callable[[dict[str, Any]], None],
    ) -> None:
        """Report the cycles that ended (an overdue one was reported at its deadline) and reschedule."""
        while True:
            try:
                name, result = ended.get_nowait()
            except queue.Empty:
                return
            flight = flights.pop(name)
            if not flight.overdue:
                on_round(self._close(flight.run_id, flight.wall, [result]))
            heapq.heappush(due, (self.next_due(flight.wt, after=time.time()), order[name], flight.wt))


def exit_code(summary: dict[str, Any], fail_on: Severity) -> int:
    """The audit's exit codes: 3 nothing reachable, 1 a finding or detection at or above fail_on, else 0."""
    targets = summary["targets"]
    if targets and all(t["status"] == "failed" for t in targets):
        return 3
    for t in targets:
        severities = [Severity(s) for s, n in t["findings"].items() if n] + [
            Severity(d["severity"]) for d in t["detections"]
        ]
        if any(s.at_least(fail_on) for s in severities):
            return 1
    return 0
