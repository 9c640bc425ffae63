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
import weakref
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

    A prewarmed worker (``target`` None) loads chdb first, then reads its target from the pipe.
    """
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
                target = conn.recv()
            except EOFError:  # the parent is gone
                return
            if target is None:  # not needed after all
                return
        session = chdb_session.Session(target)  # type: ignore[no-untyped-call]
    except ImportError:
        conn.send(("err", "the embedded engine needs chdb: pip install 'chwarden[embedded]'", None))
        return
    except Exception as exc:  # chdb raises RuntimeError subclasses with server codes
        conn.send(("err", str(exc), parse_error_code(str(exc))))
        return
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
_WARM: list[tuple[_Spawned, weakref.finalize[Any, Any]]] = []  # at most one prewarmed worker


def _spawn(target: str | None) -> _Spawned:
    parent, child = _CONTEXT.Pipe()
    lifeline, ours = _CONTEXT.Pipe(duplex=False)  # (worker's read end, ours: never written)
    process = _CONTEXT.Process(target=_serve, args=(child, target, lifeline), name="chwarden-engine", daemon=True)
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
        _WARM.append((spawned, weakref.finalize(spawned[0], _stop, *spawned)))


def _take_warm(target: str) -> _Spawned | None:
    """The prewarmed worker, told its target; None when there is none (or it is gone)."""
    while _WARM:
        spawned, finalizer = _WARM.pop()
        finalizer.detach()  # its new owner stops it
        try:
            spawned[1].send(target)
        except (OSError, ValueError):
            _stop(*spawned)
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
