"""Every command against hostile servers: within its deadline, one line, the right code, bounded memory.

Each case runs ``python -m chwarden`` as a child process against one misbehaving loopback server
(``servers.py``) or a real 18.16 server frozen with SIGSTOP in the middle of the command's queries,
with short limits (``--timeout 1 --connect-timeout 1 --max-time N``). ``PARALLEL`` cases run at a
time (their waits overlap; ten at once on two cores beside the other test worker once took 12 s of
CPU contention for a 4 s deadline), and each is then judged on:
* its time from the moment chwarden's CLI is loaded to its exit: the deadline (``--max-time``, which
  starts counting in the command) plus the command's own imports and report rendering
  (``SLACK_S``). The interpreter's start before that moment is bounded apart (``START_LIMIT_S``):
  it measures the machine's load, and issue 18's start bench measures it alone;
* its exit code and its stderr (one line when it fails, never a traceback);
* its peak memory: the child's own VmHWM, read by the child itself as it exits;
* the report where one was started: written, and ``partial`` where something timed out.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.harness import configs
from tests.harness.ch18 import start_all, stop_all
from tests.harness.cli import CREDENTIAL_VARS
from tests.harness.session import Ch18Env
from tests.hostile.servers import FreezingProxy, hostile_server

MAX_TIME = 4.0  # --max-time of the cases against hostile servers
FROZEN_MAX_TIME = 6.0  # --max-time of the cases against a frozen server
SLACK_S = 4.0  # past the deadline: report rendering and the lazy imports of a command, under load
START_LIMIT_S = 30.0  # interpreter start and chwarden's imports, ten at once on a loaded 2-core machine
HARD_LIMIT_S = 60.0  # a case still running then is killed (and fails)
PARALLEL = 4  # cases at once: their I/O waits overlap, while their CPU (imports) stays within two cores
MAX_RSS_MB = 300
HTTP, NATIVE = 8123, 9000


@dataclass(frozen=True)
class Case:
    server: str  # a behaviour of servers.py, or "frozen"
    command: str  # audit | discover | assess | scan
    exit_codes: tuple[int, ...]
    report: str | None = None  # "partial" | "any": a report must be written, with that status
    variant: str = "not_json"
    port: int = HTTP
    freeze_at: int = 0  # frozen: the request number on which the server is stopped

    @property
    def id(self) -> str:
        server = f"{self.server}-{self.variant}" if self.server == "bad_json" else self.server
        return f"{server}-{self.command}"


@dataclass
class Outcome:
    case: Case
    exit_code: int
    elapsed: float  # the whole child, from its spawn to its exit
    start_s: float  # from the spawn until chwarden's code was loaded (inf: the child never got there)
    command_s: float  # from then to the exit: what --max-time bounds, plus rendering
    max_rss_mb: float
    stderr: str
    report: dict[str, Any] | None
    extra: dict[str, Any] = field(default_factory=dict)


# Exit codes (issue 17): a port that never answers in time is unreachable (3); one that answers, but
# not as ClickHouse (garbage, an endless body, JSON of the wrong shape), is "not ClickHouse" (6).
NO_ANSWER, NOT_CLICKHOUSE, SCAN_OK = (3,), (6,), (0, 1)
FAILS = {
    "slow_headers": NO_ANSWER,
    "slow_body": NO_ANSWER,
    "silent": NO_ANSWER,
    "slow_hello": NO_ANSWER,
    "endless_body": NOT_CLICKHOUSE,
    "garbage": NOT_CLICKHOUSE,
    "bad_json": NOT_CLICKHOUSE,
    "wrong_columns": NOT_CLICKHOUSE,
}
CASES = [
    *(
        Case(server, command, FAILS[server])
        for server in ("slow_headers", "slow_body", "endless_body", "garbage", "bad_json")
        for command in ("audit", "discover", "assess")
    ),
    *(Case("silent", command, FAILS["silent"], port=NATIVE) for command in ("audit", "discover", "assess")),
    *(
        Case(server, "scan", SCAN_OK, report="any", port=port)
        for server, port in (
            ("slow_headers", HTTP),
            ("slow_body", HTTP),
            ("endless_body", HTTP),
            ("garbage", HTTP),
            ("bad_json", HTTP),
            ("silent", NATIVE),
        )
    ),
    *(
        Case("bad_json", "audit", FAILS["bad_json"], variant=v)
        for v in ("short_rows", "many_values", "nested_bomb", "huge_integer")
    ),
    Case("slow_hello", "audit", FAILS["slow_hello"], port=NATIVE),
    Case("wrong_columns", "audit", FAILS["wrong_columns"]),
    Case("wrong_columns", "discover", FAILS["wrong_columns"]),
    Case("frozen", "audit", (0, 1), report="partial", freeze_at=14),
    Case("frozen", "assess", (0, 1), report="partial", freeze_at=14),
    Case("frozen", "discover", (0, 1), report="partial", freeze_at=3),
    Case("frozen", "scan", (0, 1), report="partial", freeze_at=4),
]


def _arguments(case: Case, host: str, out: Path) -> list[str]:
    limit = FROZEN_MAX_TIME if case.server == "frozen" else MAX_TIME
    report = ["--format", "json", "--output", str(out)]
    if case.command == "scan":
        return ["scan", host, "--ports", str(case.port), "--timeout", "1", "--max-time", str(limit), *report]
    scheme = "clickhouse" if case.port == NATIVE else "http"
    args = [case.command, f"{scheme}://{host}:{case.port}", "--timeout", "1", "--connect-timeout", "1"]
    args += ["--max-time", str(limit), *report]
    return args + (["--no-local-config"] if case.command in ("audit", "assess") else [])


# Runs chwarden in the child and, at its exit, copies the child's /proc status (VmHWM: the peak
# RSS of this program's own address space; rusage's maxrss would also count the pytest image the
# child was forked from, before exec), headed by two monotonic clock readings (one clock for the
# whole machine): once chwarden's CLI is imported, and at the exit.
_WITH_PEAK = (
    "import atexit, runpy, sys, time\n"
    "status = sys.argv.pop(1)\n"
    "import chwarden.cli\n"
    "loaded = time.monotonic()\n"
    "def _write():\n"
    "    head = f'Loaded: {loaded}\\nExited: {time.monotonic()}\\n'\n"
    "    open(status, 'w').write(head + open('/proc/self/status').read())\n"
    "atexit.register(_write)\n"
    "sys.argv[0] = 'chwarden'\n"
    "runpy.run_module('chwarden', run_name='__main__')\n"
)


def _status_field(status: Path, name: str) -> float:
    """A number from the child's status copy (inf when the child left none: it was killed)."""
    if not status.exists():
        return float("inf")
    line = next((x for x in status.read_text().splitlines() if x.startswith(f"{name}:")), f"{name}: inf")
    return float(line.split()[1])


def _run(case: Case, host: str, workdir: Path) -> Outcome:
    """The command as a child process; its exit code, time, stderr and peak RSS (VmHWM at its exit)."""
    out = workdir / "report.json"
    env = {k: v for k, v in os.environ.items() if k not in CREDENTIAL_VARS}
    started = time.monotonic()
    with open(workdir / "stderr", "w+b") as err:
        child = subprocess.Popen(
            [sys.executable, "-c", _WITH_PEAK, str(workdir / "status"), *_arguments(case, host, out)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
        )
        watchdog = threading.Timer(HARD_LIMIT_S, child.kill)  # a case past the hard limit fails on time
        watchdog.start()
        child.wait()
        ended = time.monotonic()
        watchdog.cancel()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    report = json.loads(out.read_text()) if out.exists() else None
    status = workdir / "status"
    loaded, exited = _status_field(status, "Loaded"), _status_field(status, "Exited")
    peak_mb = _status_field(status, "VmHWM") / 1024
    start_s, command_s = loaded - started, (ended if exited == float("inf") else exited) - loaded
    return Outcome(case, child.returncode, ended - started, start_s, command_s, peak_mb, stderr, report)


@pytest.fixture(scope="module")
def outcomes(ch18_env: Ch18Env) -> Iterator[dict[str, Outcome]]:
    """Start every hostile and frozen server, run every case at once, stop the servers."""
    with ExitStack() as stack:
        hosts: dict[str, str] = {}
        frozen = [case for case in CASES if case.server == "frozen"]
        for case in CASES:
            if case.server == "frozen":
                continue
            host = ch18_env.next_host()
            stack.enter_context(hostile_server(host, case.port, case.server, variant=case.variant))
            hosts[case.id] = host
        servers = [ch18_env.server("frozen", configs.OPEN) for _ in frozen]
        stack.callback(stop_all, servers)
        start_all(servers)
        proxies: dict[str, FreezingProxy] = {}
        for case, server in zip(frozen, servers, strict=True):
            proxy_host = ch18_env.next_host()
            assert server.pid is not None
            proxy = FreezingProxy((proxy_host, HTTP), (server.host, HTTP), server.pid, case.freeze_at)
            proxies[case.id] = stack.enter_context(proxy)
            hosts[case.id] = proxy_host
        root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="chwarden-hostile-")))
        for case in CASES:
            (root / case.id).mkdir()
        with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
            futures = {case.id: pool.submit(_run, case, hosts[case.id], root / case.id) for case in CASES}
            results = {name: future.result() for name, future in futures.items()}
        for name, proxy in proxies.items():
            results[name].extra["froze"] = proxy.frozen.is_set()
        yield results


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_command_survives_hostile_server(outcomes: dict[str, Outcome], case: Case) -> None:
    outcome = outcomes[case.id]
    limit = (FROZEN_MAX_TIME if case.server == "frozen" else MAX_TIME) + SLACK_S
    times = {k: round(getattr(outcome, k), 1) for k in ("elapsed", "start_s", "command_s")}
    details = (outcome.exit_code, times, outcome.stderr[-600:])
    assert outcome.command_s < limit, details
    assert outcome.start_s < START_LIMIT_S, details
    assert outcome.exit_code in case.exit_codes, details
    assert "Traceback" not in outcome.stderr and "internal error" not in outcome.stderr, details
    assert outcome.max_rss_mb < MAX_RSS_MB, (outcome.max_rss_mb, details)
    if case.exit_codes in (NO_ANSWER, NOT_CLICKHOUSE):
        lines = outcome.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("chwarden: "), details
        assert outcome.report is None
    if case.report is not None:
        assert outcome.report is not None, details
        statuses = {t["status"] for t in outcome.report["targets"]}
        if case.report == "partial":
            assert statuses == {"partial"}, (statuses, details)
    if case.server == "frozen":
        assert outcome.extra["froze"], "the server was never frozen: the case tested nothing"


def test_frozen_server_is_never_a_silent_pass(outcomes: dict[str, Outcome]) -> None:
    """The anonymous login of a frozen server is not checked (with the reason), never "refused"."""
    report = outcomes["frozen-audit"].report
    assert report is not None
    (target,) = report["targets"]
    assert any("anonymous login" in error and "not checked" in error for error in target["errors"]), target
    unchecked = {n["check_id"]: n["reason"] for n in report["not_checked"]}
    assert "default_user_without_password" in unchecked
    assert "default_user_without_password" not in {f["check_id"] for f in report["findings"]}


def test_endless_body_is_cut_at_the_cap(outcomes: dict[str, Outcome]) -> None:
    outcome = outcomes["endless_body-audit"]
    assert "answer larger than" in outcome.stderr or "no complete" in outcome.stderr, outcome.stderr
