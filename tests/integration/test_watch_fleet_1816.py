"""Watching a small fleet of real 18.16 servers (the 16+ server measurement is bench/bench_fleet.py).

* Long-running ``watch``: each target on its own schedule. A target that accepts connections and
  never answers is reported failed at its deadline, a dead address fails at once, and the live
  targets keep cycling at their interval all the while; SIGTERM ends the process with 0.
* ``watch --once --shard I/N``: two workers split the targets, each watches its share only, and
  together they watch every target once.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.harness.ch18 import ClickHouse18Server
from tests.harness.cli import CREDENTIAL_VARS
from tests.harness.fake_services import tcp_service
from tests.harness.fleet import open_servers
from tests.harness.session import Ch18Env
from tests.harness.watching import watch_once, write_config

pytestmark = pytest.mark.server
LIVE = 4
RUN_LIMIT = 150.0  # seconds: the whole long-running watch, bounded


@pytest.fixture(scope="module")
def fleet(ch18_env: Ch18Env) -> Iterator[list[ClickHouse18Server]]:
    with open_servers(ch18_env, LIVE, name="watchfleet", rows=2000) as servers:
        yield servers


def _reader(proc: subprocess.Popen[str], lines: queue.Queue[str]) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.put(line)


def test_a_hung_target_never_delays_the_others(
    fleet: list[ClickHouse18Server], ch18_env: Ch18Env, tmp_path: Path
) -> None:
    tarpit = ch18_env.next_host()
    targets: list[dict[str, Any]] = [{"url": s.http_url, "name": f"live{i}"} for i, s in enumerate(fleet)]
    targets += [
        {"url": f"http://{tarpit}:8123", "name": "tarpit", "deadline": "4s"},
        {"url": f"http://{ch18_env.unused_host()}:8123", "name": "dead"},
    ]
    config = write_config(tmp_path / "watch.yaml", targets, concurrency=4, interval="2s", jitter=0.0)
    env = {k: v for k, v in os.environ.items() if k not in CREDENTIAL_VARS}
    env["XDG_DATA_HOME"] = str(tmp_path)
    argv = [sys.executable, "-m", "chwarden", "watch", "--config", str(config), "--store", str(tmp_path / "store")]
    seen: list[tuple[float, str, str, list[str]]] = []
    with tcp_service(tarpit, 8123, "silent"):
        began = time.monotonic()
        proc = subprocess.Popen(
            [*argv, "--no-probe", "--format", "json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=_reader, args=(proc, lines), daemon=True).start()
        try:
            while True:
                complete = Counter(name for _, name, status, _ in seen if status == "complete")
                tarpit_failed = sum(name == "tarpit" for _, name, _, _ in seen)
                if tarpit_failed >= 2 and all(complete[f"live{i}"] >= 2 for i in range(LIVE)):
                    break
                left = RUN_LIMIT - (time.monotonic() - began)
                assert left > 0, f"not every live target cycled twice: {seen}"
                try:
                    summary = json.loads(lines.get(timeout=left))
                except queue.Empty:
                    continue
                for t in summary["targets"]:
                    seen.append((time.monotonic() - began, t["name"], t["status"], t["errors"]))
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=60) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=10)
    tarpit = [(at, status, errors) for at, name, status, errors in seen if name == "tarpit"]
    for _at, status, errors in tarpit:  # failed at its own deadline (its I/O would give up only at 10 s)
        assert status == "failed" and "deadline of 4 s" in errors[0], tarpit
    assert tarpit[0][0] >= 4.0
    # between two of the tarpit's failures (it is retried when its abandoned thread ends), live
    # targets kept completing cycles: the hung one held up nobody
    between = [name for at, name, status, _ in seen if status == "complete" and tarpit[0][0] < at < tarpit[1][0]]
    assert between, seen
    assert any(name == "dead" and status == "failed" for _, name, status, _ in seen)


def test_shards_split_the_targets_between_workers(fleet: list[ClickHouse18Server], tmp_path: Path) -> None:
    targets = [{"url": s.http_url, "name": f"live{i}", "probe": False} for i, s in enumerate(fleet)]
    config = write_config(tmp_path / "watch.yaml", targets, concurrency=4)
    watched = []
    for index in range(2):
        summary = watch_once(
            config, str(tmp_path / f"store{index}"), tmp_path, "--no-discover", "--shard", f"{index}/2"
        )
        assert all(t["status"] == "complete" for t in summary["targets"]), summary["targets"]
        watched.append({t["name"] for t in summary["targets"]})
    assert not watched[0] & watched[1]
    assert watched[0] | watched[1] == {f"live{i}" for i in range(LIVE)}
