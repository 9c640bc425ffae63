"""The embedded engine in a worker process: queries, errors, hangs, crashes, isolation, cleanup."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from chwarden.connect.base import ChwardenConnectError, ConnectionLost, GuardedConnection, QueryFailed
from chwarden.connect.embedded import EmbeddedTransport
from chwarden.connect.engine_worker import EngineWorker

pytestmark = pytest.mark.embedded


def _gone(pid: int, within: float = 10.0) -> bool:
    """The process no longer exists (reaped, not a zombie), waiting at most ``within`` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not Path(f"/proc/{pid}").exists():
            return True
        time.sleep(0.05)
    return False


def _seed(path: Path, statements: list[str]) -> None:
    writer = EngineWorker(str(path), readonly=False)
    try:
        for statement in statements:
            writer.query(statement, "TabSeparated", 60)
    finally:
        writer.close()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    _seed(
        path,
        [
            "CREATE DATABASE IF NOT EXISTS app",
            "CREATE TABLE app.t (id UInt64, name String) ENGINE = MergeTree ORDER BY id",
            "INSERT INTO app.t VALUES (1, 'a'), (2, 'b')",
        ],
    )
    return path


@pytest.fixture
def conn(data: Path) -> Iterator[GuardedConnection]:
    with GuardedConnection(EmbeddedTransport(str(data)), description="worker") as c:
        yield c


def _worker_pid(conn: GuardedConnection) -> int:
    transport = conn.transport
    assert isinstance(transport, EmbeddedTransport) and transport.worker_pid is not None
    return transport.worker_pid


def test_queries_run_in_a_separate_read_only_process(conn: GuardedConnection) -> None:
    result = conn.query("SELECT id, name FROM app.t ORDER BY id")
    assert result.columns == ["id", "name"] and result.rows == [(1, "a"), (2, "b")]
    assert _worker_pid(conn) != os.getpid()
    assert conn.applied_settings is not None and conn.applied_settings["readonly"] in ("1", "2")


def test_the_worker_leaves_arrow_and_numpy_unloaded(conn: GuardedConnection) -> None:
    """chdb imports pyarrow (and numpy) only if it can; the worker needs neither (~0.08 s per start)."""
    assert conn.query("SELECT id, name FROM app.t ORDER BY id").rows == [(1, "a"), (2, "b")]
    maps = Path(f"/proc/{_worker_pid(conn)}/maps").read_text(encoding="utf-8")
    assert "chdb" in maps  # the engine is loaded: the check below looks at the right process
    assert "pyarrow" not in maps and "numpy" not in maps


def test_errors_carry_the_server_code(conn: GuardedConnection) -> None:
    with pytest.raises(QueryFailed) as unknown:
        conn.query("SELECT * FROM app.missing")
    assert unknown.value.code == 60 and unknown.value.is_unknown_object
    assert "Stack trace" not in str(unknown.value)
    # The engine is opened read-only even if a write got past the guard and the transport's own
    # engine check (it cannot: tested apart), so the worker itself refuses it with a server code.
    worker = conn.transport.worker  # type: ignore[attr-defined]
    with pytest.raises(QueryFailed) as write:
        worker.query("INSERT INTO app.t VALUES (3, 'c')", "JSONCompact", 30)
    assert write.value.code is not None
    with pytest.raises(QueryFailed, match="not a read"):
        conn.transport.execute("INSERT INTO app.t VALUES (3, 'c')", {}, 30)
    assert conn.query("SELECT count() FROM app.t").scalar() == 2


def test_a_hung_worker_is_killed_within_the_timeout_and_replaced(data: Path) -> None:
    transport = EmbeddedTransport(str(data))
    try:
        first = transport.worker_pid
        assert first is not None
        started = time.monotonic()
        with pytest.raises(ConnectionLost, match="did not answer"):
            transport.execute("SELECT sleep(3)", {}, 0.5)
        assert time.monotonic() - started < 2.5
        assert _gone(first)
        assert transport.execute("SELECT 1 AS one", {}, 30).scalar() == 1  # a fresh worker
        assert transport.worker_pid not in (None, first)
    finally:
        transport.close()


def test_a_killed_worker_is_a_lost_connection(conn: GuardedConnection) -> None:
    pid = _worker_pid(conn)
    os.kill(pid, signal.SIGKILL)
    started = time.monotonic()
    with pytest.raises(ConnectionLost, match="died"):
        conn.query("SELECT 1")
    assert time.monotonic() - started < 5
    assert _gone(pid)


def test_a_worker_killed_long_before_the_query_is_a_lost_connection(conn: GuardedConnection) -> None:
    """The send itself fails (broken pipe) when the worker is long dead: same words as a death mid-query."""
    pid = _worker_pid(conn)
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.5)  # long dead (a zombie until reaped: /proc still shows it)
    with pytest.raises(ConnectionLost, match="died") as lost:
        conn.query("SELECT 1")
    assert "exit code -9" in str(lost.value)


def test_start_failure_is_a_clear_connect_error(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    with pytest.raises(ChwardenConnectError, match="embedded engine failed to start"):
        EmbeddedTransport(str(not_a_dir / "data"))


def test_two_engines_on_different_paths_at_once(tmp_path: Path, data: Path) -> None:
    other = tmp_path / "other"
    _seed(other, ["CREATE DATABASE IF NOT EXISTS second"])
    with (
        GuardedConnection(EmbeddedTransport(str(data)), description="a") as a,
        GuardedConnection(EmbeddedTransport(str(other)), description="b") as b,
    ):
        assert a.query("SELECT count() FROM app.t").scalar() == 2
        assert b.query("SELECT count() FROM system.databases WHERE name = 'second'").scalar() == 1
        assert a.query("SELECT count() FROM system.databases WHERE name = 'second'").scalar() == 0
        assert _worker_pid(a) != _worker_pid(b)


def test_no_worker_is_left_after_close(data: Path) -> None:
    transport = EmbeddedTransport(str(data))
    pid = transport.worker_pid
    assert pid is not None
    transport.close()
    transport.close()  # idempotent
    assert _gone(pid)


def test_workers_stop_at_interpreter_exit_without_close(data: Path) -> None:
    code = textwrap.dedent(
        """
        import sys
        from chwarden.connect.embedded import EmbeddedTransport
        t = EmbeddedTransport(sys.argv[1])
        print(t.worker_pid, flush=True)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(data)], capture_output=True, text=True, timeout=60, check=True
    )
    assert _gone(int(out.stdout.split()[-1]))


def test_a_prewarmed_worker_is_adopted_by_the_next_engine(data: Path) -> None:
    """discover chdb://... starts the worker before its imports; the engine then uses that process."""
    from chwarden.connect import engine_worker

    engine_worker.prewarm()
    engine_worker.prewarm()  # one at most
    assert len(engine_worker._WARM) == 1
    warm_pid = engine_worker._WARM[0][0][0].pid
    with GuardedConnection(EmbeddedTransport(str(data)), description="warm") as c:
        assert _worker_pid(c) == warm_pid and not engine_worker._WARM
        assert c.query("SELECT count() AS n FROM app.t").dicts() == [{"n": 2}]
    assert _gone(warm_pid)


def _compiled_pattern_sets(c: GuardedConnection) -> int:
    """Vectorscan pattern sets this engine has compiled (its cache misses), from its own counters."""
    rows = c.query("SELECT value FROM system.events WHERE event = 'RegexpWithMultipleNeedlesCreated'").rows
    return int(rows[0][0]) if rows else 0


def test_an_aimed_worker_compiles_the_scan_patterns_before_the_scan(data: Path) -> None:
    """discover chdb://... tells the prewarmed worker its target and a warm-up: the scan compiles nothing more."""
    from chwarden.connect import engine_worker
    from chwarden.discover import DiscoverOptions, discover_live, load_rules, sql
    from chwarden.discover.column_scan import has_vectorscan

    engine_worker.prewarm()
    target = engine_worker.connection_string(str(data), None, True)
    engine_worker.aim(target, sql.warm_up_query(load_rules().detectors))
    warm_pid = engine_worker._WARM[0][0][0].pid
    with GuardedConnection(EmbeddedTransport(str(data)), description="aimed") as c:
        assert _worker_pid(c) == warm_pid
        assert _compiled_pattern_sets(c) > 0  # the warm-up ran before the first query was answered
        assert has_vectorscan(c)  # the scan's own probe (two one-pattern sets), asked first here
        compiled = _compiled_pattern_sets(c)
        report = discover_live(c, "aimed", DiscoverOptions(full=True, scan_logs=False))
        assert report.tables_scanned >= 1 and not report.errors
        assert _compiled_pattern_sets(c) == compiled  # every set the scan ran was compiled already


def test_an_aimed_worker_runs_no_warm_up_on_a_writable_engine_nor_serves_another_target(
    data: Path, tmp_path: Path
) -> None:
    """The warm-up relies on the engine's own read-only mode; a worker told another path is replaced."""
    from chwarden.connect import engine_worker

    engine_worker.prewarm()
    engine_worker.aim(engine_worker.connection_string(str(data), None, False), "SELECT multiMatchAny('', ['a'])")
    with GuardedConnection(EmbeddedTransport(str(data), read_only_engine=False), description="rw") as c:
        assert _compiled_pattern_sets(c) == 0
    other = tmp_path / "other"
    _seed(other, ["CREATE DATABASE IF NOT EXISTS app"])
    engine_worker.prewarm()
    engine_worker.aim(engine_worker.connection_string(str(data), None, True), "SELECT broken(")  # fails: dropped
    aimed_pid = engine_worker._WARM[0][0][0].pid
    with GuardedConnection(EmbeddedTransport(str(other)), description="other") as c:
        assert _worker_pid(c) != aimed_pid and not engine_worker._WARM
        assert c.query("SELECT count() AS n FROM system.databases WHERE name = 'app'").dicts() == [{"n": 1}]
    assert _gone(aimed_pid)


_DISCOVER_AIMED = """
import sys
from chwarden.connect import engine_worker
aim = engine_worker.aim
def recorded(target, warm_up=None):
    aim(target, warm_up)
    print(engine_worker._WARM[0][0][0].pid, target, warm_up is not None, flush=True)
engine_worker.aim = recorded
from chwarden.cli import main
sys.argv = ["chwarden", "discover", "chdb://" + sys.argv[1], "--full", "--no-progress", "-f", "json", "-o", sys.argv[2]]
main()
"""


def test_discover_of_an_embedded_engine_aims_its_worker_and_leaves_none_behind(data: Path, tmp_path: Path) -> None:
    """The console entry point warms the worker for the scan; the scan answers; the worker is gone after."""
    _seed(data, ["INSERT INTO app.t VALUES (3, 'password=Xk29mQ7pLw4vTq')"])
    out = tmp_path / "report.json"
    env = {**os.environ, "CHWARDEN_OPTIONS": ""}
    done = subprocess.run(
        [sys.executable, "-c", _DISCOVER_AIMED, str(data), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 1, done.stderr[-500:]  # a high finding
    pid, target, warmed = done.stdout.split()[:3]
    assert target == f"{data}?mode=ro" and warmed == "True"
    assert "app.t" in out.read_text() and "password" in out.read_text()
    assert _gone(int(pid))


def test_an_unused_prewarmed_worker_stops_at_exit() -> None:
    code = textwrap.dedent(
        """
        from chwarden.connect import engine_worker
        engine_worker.prewarm()
        print(engine_worker._WARM[0][0][0].pid, flush=True)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert _gone(int(out.stdout.split()[-1]))


def test_audit_of_a_chdb_target_never_loads_chdb_into_chwarden(tmp_path: Path, data: Path) -> None:
    code = textwrap.dedent(
        """
        import json, sys
        from chwarden.cli import app
        try:
            app(["audit", sys.argv[1], "--format", "json", "--output", sys.argv[2]], prog_name="chwarden")
        except SystemExit:
            pass
        status = dict(line.split(":", 1) for line in open("/proc/self/status"))
        print(json.dumps({"chdb": "chdb" in sys.modules, "hwm_kb": int(status["VmHWM"].split()[0])}))
        """
    )
    report = tmp_path / "r.json"
    out = subprocess.run(
        [sys.executable, "-c", code, f"chdb://{data}", str(report)], capture_output=True, text=True, timeout=180
    )
    assert "Traceback" not in out.stderr, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["chdb"] is False
    assert seen["hwm_kb"] < 200 * 1024  # the engine's ~290 MB live in the worker
    assert json.loads(report.read_text(encoding="utf-8"))["findings"]


def test_a_path_this_process_already_runs_is_queried_in_process(tmp_path: Path, data: Path) -> None:
    """chdb locks its path: a worker could not open it, and unflushed state lives only here."""
    from chdb import session as chdb_session

    from chwarden.connect.embedded import engine_held_here

    held_by_worker = EmbeddedTransport(str(data))
    try:
        assert not engine_held_here(str(data))  # the worker's lock, not this process's
    finally:
        held_by_worker.close()
    local = chdb_session.Session(str(data))
    try:
        assert engine_held_here(str(data))
        transport = EmbeddedTransport(str(data))
        assert transport.worker is None
        assert transport.execute("SELECT count() FROM app.t", {}, 30).scalar() == 2
        transport.close()
        assert local.query("SELECT 1", "CSV").bytes().strip() == b"1"  # the caller's engine still runs
    finally:
        local.close()
    assert not engine_held_here(str(tmp_path / "never-opened"))


def test_close_lets_the_worker_finish_while_chwarden_goes_on(data: Path) -> None:
    """close() returns at once (the report is written while the worker closes its session); the next
    engine on the same path starts only once the old worker has exited and been reaped."""
    from chwarden.connect import engine_worker

    writer = EngineWorker(str(data), readonly=False)
    writer.query("INSERT INTO app.t VALUES (3, 'c')", "TabSeparated", 60)
    pid = writer.pid
    assert pid is not None and writer._conn is not None
    writer._conn.send(("SELECT sleep(1.5)", "TabSeparated"))  # busy: it reads the stop request after this
    started = time.monotonic()
    writer.close()
    assert time.monotonic() - started < 0.5
    reader = EngineWorker(str(data))
    try:
        assert not Path(f"/proc/{pid}").exists()  # waited for and reaped before the new engine opened
        assert reader.query("SELECT count() FROM app.t", "TabSeparated", 60).strip() == b"3"
    finally:
        reader.close()
        engine_worker._finish_closing()
