"""The embedded engine (chdb) in a worker process, so chwarden's own process never loads it.

chdb maps about 200 MB of library code into whatever process opens it, allows one engine per
process, and takes the process down if the native engine crashes. A spawned worker owns the
session instead: the parent sends ``(sql, format)`` over a pipe and gets the result bytes or the
server's error text and code back. The read-only guard stays in the parent; the worker only
executes what it is sent. A worker that dies or overruns a request's timeout is killed and
reported as ``ConnectionLost`` (the run becomes partial, as for a server that stops answering);
the next request starts a fresh one.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import sys
import threading
import types
import weakref
from collections.abc import Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from chwarden.connect.base import (
    AuthenticationFailed,
    ChwardenConnectError,
    ConnectionLost,
    QueryFailed,
    parse_error_code,
    short_error,
)
from chwarden.connect.guard import WriteRefused, check_statement

START_TIMEOUT = 120.0  # opening an engine loads its metadata: bounded, but generous
STOP_TIMEOUT = 5.0  # a clean shutdown closes the session; after this the worker is killed
_CONTEXT = multiprocessing.get_context("spawn")  # never fork a process that may hold threads


def connection_string(path: str, config_file: str | None, readonly: bool) -> str:
    """chdb's `path?config-file=...&mode=ro` form."""
    args = []
    if config_file:
        args.append(f"config-file={config_file}")
    if readonly:
        args.append("mode=ro")
    return path + ("?" + "&".join(args) if args else "")


def _lifeline(pipe: Connection) -> None:
    """Worker thread: the parent never writes; EOF means it is gone (even SIGKILLed), so exit now.

    Without this a worker busy with a long query outlives a killed chwarden until the query ends.
    """
    with contextlib.suppress(EOFError, OSError):
        pipe.recv()
    os._exit(0)


def _serve(conn: Connection, target: str | None, lifeline: Connection | None = None) -> None:
    """Worker main loop: open the session, then answer (sql, fmt) until told to stop or orphaned.

    A prewarmed worker (``target`` None) loads chdb first, then reads its target from the pipe, alone
    or with a warm-up statement the parent has guarded (``aim``), which runs once before the worker
    says it is ready; whatever the warm-up answers or raises is dropped.
    """
    warm_up: str | None = None
    if lifeline is not None:
        threading.Thread(target=_lifeline, args=(lifeline,), name="chwarden-lifeline", daemon=True).start()
    # chdb's Arrow output is optional (its modules import pyarrow only if they can) and the worker
    # asks for text formats only: keeping pyarrow and numpy out saves every start ~0.08 s (chdb's
    # import measured 0.17-0.21 s with them, 0.11-0.12 s without), on the path chwarden waits on.
    sys.modules.setdefault("pyarrow", None)  # type: ignore[arg-type]
    try:
        from chdb import session as chdb_session  # lazy: optional extra, loaded in the worker process only

        if target is None:
            try:
                told = conn.recv()
            except EOFError:  # the parent is gone
                return
            if told is None:  # not needed after all
                return
            target, warm_up = told if isinstance(told, tuple) else (told, None)
        session = chdb_session.Session(target)  # type: ignore[no-untyped-call]
    except ImportError:
        conn.send(("err", "the embedded engine needs chdb: pip install 'chwarden[embedded]'", None))
        return
    except Exception as exc:  # chdb raises RuntimeError subclasses with server codes
        conn.send(("err", str(exc), parse_error_code(str(exc))))
        return
    if warm_up is not None:
        with contextlib.suppress(Exception):  # only a head start: the scan itself reports any failure
            session.query(warm_up, "Null")  # type: ignore[no-untyped-call]
    conn.send(("ok", b""))
    try:
        while True:
            try:
                request = conn.recv()
            except EOFError:  # the parent is gone
                return
            if request is None:
                return
            sql, fmt = request
            try:
                result = session.query(sql, fmt)  # type: ignore[no-untyped-call]
                raw = result.bytes() if hasattr(result, "bytes") else bytes(result)
            except Exception as exc:
                conn.send(("err", str(exc), parse_error_code(str(exc))))
                continue
            conn.send(("ok", raw))
    finally:
        with contextlib.suppress(Exception):
            session.close()  # type: ignore[no-untyped-call]


def _stop(process: Any, conn: Connection, lifeline: Connection | None = None) -> None:
    """Ask the worker to close its session, then make sure it is gone (also runs at exit)."""
    with contextlib.suppress(OSError, ValueError):
        conn.send(None)
    process.join(STOP_TIMEOUT)
    if process.is_alive():
        process.kill()
        process.join(STOP_TIMEOUT)
    with contextlib.suppress(OSError):
        conn.close()
    if lifeline is not None:
        with contextlib.suppress(OSError):
            lifeline.close()


def _kill_unused(process: Any, conn: Connection, lifeline: Connection | None = None) -> None:
    """Stop a prewarmed worker no engine adopted, at once: it ran no query of chwarden's but its own
    warm-up on a read-only engine, so there is nothing to close cleanly, and a command that ends
    early (a usage error) must not wait for it to finish loading chdb or compiling."""
    with contextlib.suppress(OSError, ValueError):
        process.kill()
    _stop(process, conn, lifeline)


_Spawned = tuple[Any, Connection, Connection]  # (process, our pipe end, our lifeline end)
_CLOSING: list[_Spawned] = []  # workers told to stop, closing their session while chwarden goes on
_CLOSING_LOCK = threading.Lock()  # held while they are waited for


def _finish_closing() -> None:
    """Wait for the workers told to stop (and reap them): in the background right after ``close``,
    before a new worker opens an engine (one per path at a time), and at exit (registered after
    multiprocessing's own exit hook, so it runs first)."""
    with _CLOSING_LOCK:
        while _CLOSING:
            _stop(*_CLOSING.pop())


atexit.register(_finish_closing)
# At most one prewarmed worker, with the target it was told (None: it waits to be told).
_WARM: list[tuple[_Spawned, weakref.finalize[Any, Any], str | None]] = []


@contextlib.contextmanager
def _without_main_module() -> Iterator[None]:
    """Hide ``__main__`` while a worker is spawned: ``spawn`` runs the parent's main module again in the
    child (for the ``chwarden`` script, importing the whole command line: ~0.15 s before the worker
    even loads chdb), and the worker needs nothing from it (``_serve`` is found by its module)."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _spawn(target: str | None) -> _Spawned:
    parent, child = _CONTEXT.Pipe()
    lifeline, ours = _CONTEXT.Pipe(duplex=False)  # (worker's read end, ours: never written)
    process = _CONTEXT.Process(target=_serve, args=(child, target, lifeline), name="chwarden-engine", daemon=True)
    with _without_main_module():
        process.start()
    child.close()  # the worker's death must read as EOF here
    lifeline.close()  # and ours, when this process dies, as EOF there
    return process, parent, ours


def prewarm() -> None:
    """Start a worker now that loads chdb and waits for its target; the next EngineWorker adopts it.

    Loading chdb takes a new process about 0.2 s: started first thing by a command that will open
    the embedded engine, it loads while chwarden imports the rest of the command. Unused, it is
    stopped at exit like any worker.
    """
    if not _WARM:
        spawned = _spawn(None)
        _WARM.append((spawned, weakref.finalize(spawned[0], _kill_unused, *spawned), None))


def aim(target: str, warm_up: str | None = None) -> None:
    """Tell the prewarmed worker its target (``connection_string``'s form) before an EngineWorker asks:
    it opens the session and runs ``warm_up`` meanwhile. discover's warm-up runs every pattern set
    its scan will use once, so the engine compiles them (about 1.1 s here, paid by every fresh
    process on its first column) while chwarden still imports and plans. The warm-up goes through
    the guard here, and runs only on a read-only engine (``mode=ro``: the engine's own readonly=1,
    which also refuses per-query settings, so none is sent); a refused one is left out. An
    EngineWorker for another target stops this worker and starts its own."""
    if not _WARM or _WARM[-1][2] is not None:
        return
    if warm_up is not None and "mode=ro" in target.partition("?")[2].split("&"):
        try:
            warm_up = check_statement(warm_up)
        except WriteRefused:
            warm_up = None
    else:
        warm_up = None
    spawned, finalizer, _ = _WARM.pop()
    try:
        spawned[1].send((target, warm_up))
    except (OSError, ValueError):
        finalizer()  # gone already: the next EngineWorker spawns its own
        return
    _WARM.append((spawned, finalizer, target))


def _take_warm(target: str) -> _Spawned | None:
    """The prewarmed worker, told its target if it waits for one; None when there is none, when it
    is gone, or when it was started for another target (then it is stopped)."""
    while _WARM:
        spawned, finalizer, aimed_at = _WARM.pop()
        finalizer.detach()  # its new owner stops it
        if aimed_at is not None and aimed_at != target:
            _kill_unused(*spawned)
            continue
        try:
            if aimed_at is None:
                spawned[1].send(target)
        except (OSError, ValueError):
            _kill_unused(*spawned)
            continue
        return spawned
    return None


class EngineWorker:
    """One chdb session in a worker process; ``query`` is bounded by its timeout."""

    def __init__(
        self,
        path: str,
        config_file: str | None = None,
        *,
        readonly: bool = True,
        start_timeout: float = START_TIMEOUT,
    ) -> None:
        self.path = path
        self.config_file = config_file
        self.readonly = readonly
        self.start_timeout = start_timeout
        self._process: Any = None
        self._conn: Connection | None = None
        self._lifeline: Connection | None = None
        self._finalizer: weakref.finalize[Any, EngineWorker] | None = None
        self._start()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def _start(self) -> None:
        _finish_closing()
        target = connection_string(self.path, self.config_file, self.readonly)
        process, parent, self._lifeline = _take_warm(target) or _spawn(target)
        self._process, self._conn = process, parent
        self._finalizer = weakref.finalize(self, _stop, process, parent, self._lifeline)
        try:
            reply = self._receive(self.start_timeout, "start")
        except ConnectionLost as exc:
            raise ChwardenConnectError(f"embedded engine failed to start: {exc}") from exc
        if reply[0] == "err":
            self.close()
            message, code = reply[1], reply[2]
            if code == 516:
                raise AuthenticationFailed(short_error(message), code)
            raise ChwardenConnectError(f"embedded engine failed to start: {short_error(message)}")

    def query(self, sql: str, fmt: str, timeout: float) -> bytes:
        """Result bytes in ``fmt``; QueryFailed with the server code, ConnectionLost if the worker fails."""
        if self._conn is None:
            self._start()
        assert self._conn is not None
        try:
            self._conn.send((sql, fmt))
        except (OSError, ValueError) as exc:
            # A SIGKILLed worker shows up here (broken pipe) or in _receive (EOF), whichever the
            # race gives: both are the same event and get the same words.
            assert self._process is not None
            self._process.join(1)
            code = self._process.exitcode
            self._discard()
            raise ConnectionLost(f"embedded engine worker died before the query (exit code {code}; {exc})") from exc
        reply = self._receive(timeout, "query")
        if reply[0] == "err":
            raise QueryFailed(short_error(reply[1]), reply[2])
        data: bytes = reply[1]
        return data

    def _receive(self, timeout: float, what: str) -> tuple[Any, ...]:
        assert self._conn is not None and self._process is not None
        ready = wait([self._conn, self._process.sentinel], timeout)
        if self._conn in ready:
            try:
                reply: tuple[Any, ...] = self._conn.recv()
                return reply
            except (EOFError, OSError):
                pass
        code = self._process.exitcode
        self._discard()
        if not ready:
            raise ConnectionLost(f"embedded engine did not answer the {what} within {timeout:.0f} s (worker stopped)")
        raise ConnectionLost(f"embedded engine worker died during the {what} (exit code {code})")

    def _discard(self) -> None:
        """Kill the worker now (hung or dead); the next query starts a new one."""
        if self._process is not None and self._process.is_alive():
            self._process.kill()
        self.close()

    def close(self) -> None:
        """Tell the worker to stop and go on: closing its session (about 40 ms) overlaps with what
        chwarden does next, such as writing the report; it is waited for by ``_finish_closing``."""
        detached = self._finalizer.detach() if self._finalizer is not None else None
        if detached is not None:
            spawned: _Spawned = detached[2]
            with contextlib.suppress(OSError, ValueError):
                spawned[1].send(None)
            _CLOSING.append(spawned)
            threading.Thread(target=_finish_closing, name="chwarden-engine-reaper", daemon=True).start()
        self._process, self._conn, self._finalizer, self._lifeline = None, None, None, None
