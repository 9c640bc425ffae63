"""Embedded engine transport (chdb): current ClickHouse without a server, no network.

chdb runs one engine per process and always logs in as `default`; a session is opened on a data
path, optionally with a server config file whose `<users_config>` defines users, roles and grants.
By default the session lives in a worker process (``engine_worker``): chwarden's own process stays
small, several engines can be open at once, and an engine crash is a lost connection, not a crash.
A ``session`` passed in explicitly (tests that set data up in-process) is queried in-process, and so
is a path this process already runs an engine on (a worker could not open it: chdb locks the path).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from typing import Any

from chwarden.connect.base import (
    AuthenticationFailed,
    ChwardenConnectError,
    QueryFailed,
    QueryResult,
    Transport,
    parse_error_code,
    short_error,
)
from chwarden.connect.engine_worker import EngineWorker, connection_string

_SELECT_RE = re.compile(r"^\s*(SELECT|WITH)\b", re.IGNORECASE)


def open_chdb_session(path: str, config_file: str | None = None, readonly: bool = False) -> Any:
    """An in-process session (loads chdb into this process: prefer ``EngineWorker``)."""
    try:
        from chdb import session as chdb_session  # lazy: optional extra, ~0.3 s, loads the engine
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ChwardenConnectError("the embedded engine needs chdb: pip install 'chwarden[embedded]'") from exc
    try:
        return chdb_session.Session(connection_string(path, config_file, readonly))  # type: ignore[no-untyped-call]
    except Exception as exc:  # chdb raises RuntimeError subclasses with server codes
        code = parse_error_code(str(exc))
        if code == 516:
            raise AuthenticationFailed(short_error(str(exc)), code) from exc
        raise ChwardenConnectError(f"embedded engine failed to start: {short_error(str(exc))}") from exc


class EmbeddedTransport(Transport):
    protocol = "embedded"

    def __init__(self, path: str, config_file: str | None = None, session: Any = None) -> None:
        self.path = path
        self.config_file = config_file
        # Audit engines open read-only (mode=ro) on top of the per-query guard, in a worker process.
        self._worker: EngineWorker | None = None
        self._own_session = session is None and engine_held_here(path)
        if self._own_session:
            session = open_chdb_session(path, config_file, readonly=True)
        elif session is None:
            self._worker = EngineWorker(path, config_file, readonly=True)
        self._session = session

    @property
    def worker(self) -> EngineWorker | None:
        """The worker process running the engine (None for an in-process session)."""
        return self._worker

    @property
    def worker_pid(self) -> int | None:
        return self._worker.pid if self._worker is not None else None

    def execute(self, sql: str, settings: dict[str, Any], timeout: float) -> QueryResult:
        statement = sql
        if settings and _SELECT_RE.match(sql) and not re.search(r"\bSETTINGS\b", sql, re.IGNORECASE):
            statement = f"{sql} SETTINGS " + ", ".join(f"{k} = {_literal(v)}" for k, v in settings.items())
        raw = self._query(statement, timeout)
        if not raw.strip():
            return QueryResult(columns=[], rows=[])
        payload = json.loads(raw)
        meta = payload.get("meta", [])
        return QueryResult(
            columns=[m["name"] for m in meta],
            types=[m["type"] for m in meta],
            rows=[
                tuple(_convert(v, m["type"]) for v, m in zip(row, meta, strict=False))
                for row in payload.get("data", [])
            ],
        )

    def _query(self, statement: str, timeout: float) -> bytes:
        if self._worker is not None:
            return self._worker.query(statement, "JSONCompact", timeout)
        try:
            result = self._session.query(statement, "JSONCompact")
        except Exception as exc:
            raise QueryFailed(short_error(str(exc)), parse_error_code(str(exc))) from exc
        raw: bytes = result.bytes() if hasattr(result, "bytes") else bytes(result)
        return raw

    def close(self) -> None:
        """Stops the worker or the session opened here; a session passed in stays the caller's."""
        with contextlib.suppress(Exception):  # closing must not mask the real error
            if self._worker is not None:
                self._worker.close()
            elif self._own_session:
                self._session.close()


def engine_held_here(path: str) -> bool:
    """This process already runs an engine on ``path``: chdb holds an flock on its `status` file.

    A worker cannot open such a path (the lock is exclusive), and the engine's in-memory state,
    such as a query_log not flushed to disk, is only visible from inside this process.
    """
    try:
        status = os.stat(os.path.join(path, "status"))
        with open("/proc/locks", encoding="ascii") as fh:
            locks = fh.read().splitlines()
    except OSError:
        return False
    inode = f"{os.major(status.st_dev):02x}:{os.minor(status.st_dev):02x}:{status.st_ino}"
    pid = str(os.getpid())
    return any(f[1:2] == ["FLOCK"] and f[4:6] == [pid, inode] for f in (line.split() for line in locks))


def _literal(value: Any) -> str:
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def _convert(value: Any, type_name: str) -> Any:
    if isinstance(value, str) and value.lstrip("-").isdigit() and "Int" in type_name and "Array" not in type_name:
        return int(value)
    return value
