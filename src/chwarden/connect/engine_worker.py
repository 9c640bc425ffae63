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

import contextlib
import multiprocessing
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


def _serve(conn: Connection, target: str) -> None:
    """Worker main loop: open the session, then answer (sql, fmt) until told to stop or orphaned."""
    try:
        from chdb import session as chdb_session  # lazy: optional extra, loaded in the worker process only

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


def _stop(process: Any, conn: Connection) -> None:
    """Ask the worker to close its session, then make sure it is gone (also runs at exit)."""
    with contextlib.suppress(OSError, ValueError):
        conn.send(None)
    process.join(STOP_TIMEOUT)
    if process.is_alive():
        process.kill()
        process.join(STOP_TIMEOUT)
    with contextlib.suppress(OSError):
        conn.close()


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
        self._finalizer: weakref.finalize[Any, EngineWorker] | None = None
        self._start()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def _start(self) -> None:
        parent, child = _CONTEXT.Pipe()
        process = _CONTEXT.Process(
            target=_serve,
            args=(child, connection_string(self.path, self.config_file, self.readonly)),
            name="chwarden-engine",
            daemon=True,
        )
        process.start()
        child.close()  # the worker's death must read as EOF here
        self._process, self._conn = process, parent
        self._finalizer = weakref.finalize(self, _stop, process, parent)
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
            self._discard()
            raise ConnectionLost(f"embedded engine worker is gone ({exc})") from exc
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
        if self._finalizer is not None:
            self._finalizer()  # runs _stop once; also registered for interpreter exit
        self._process, self._conn, self._finalizer = None, None, None
