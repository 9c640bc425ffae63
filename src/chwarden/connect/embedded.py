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
from chwarden.connect.guard import single_statement
from chwarden.connect.querytag import next_query_id
from chwarden.connect.resultcheck import MalformedAnswer, result_from_json


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

    def __init__(
        self,
        path: str,
        config_file: str | None = None,
        session: Any = None,
        *,
        read_only_engine: bool = True,
        table_functions: tuple[str, ...] = (),
    ) -> None:
        self.path = path
        self.config_file = config_file
        self.table_functions = frozenset(table_functions)
        # Audit engines open read-only (mode=ro) on top of the per-query guard, in a worker process;
        # ``read_only_engine=False`` is for tests that prove the per-query settings alone hold.
        self._worker: EngineWorker | None = None
        self._own_session = session is None and engine_held_here(path)
        if self._own_session:
            session = open_chdb_session(path, config_file, readonly=read_only_engine)
        elif session is None:
            self._worker = EngineWorker(path, config_file, readonly=read_only_engine)
        self._session = session

    @property
    def worker(self) -> EngineWorker | None:
        """The worker process running the engine (None for an in-process session)."""
        return self._worker

    @property
    def worker_pid(self) -> int | None:
        return self._worker.pid if self._worker is not None else None

    def execute(self, sql: str, settings: dict[str, Any], timeout: float) -> QueryResult:
        self._engine_check(sql, _tagged(settings), timeout)
        raw = self._query(with_settings(sql, _tagged(settings)), timeout)
        if not raw.strip():
            return QueryResult(columns=[], rows=[])
        try:
            return result_from_json(_own_answer(raw))
        except MalformedAnswer as exc:
            raise QueryFailed(f"embedded engine answer not understood: {exc}") from exc

    def _engine_check(self, sql: str, settings: dict[str, Any], timeout: float) -> None:
        """What per-query settings cannot stop on this engine, checked with the engine's own parser.

        chdb runs every statement of a multi-statement text (the SETTINGS clause reaches only the
        last one), writes INTO OUTFILE files itself (readonly=1 does not stop that, being client
        work in clickhouse-local) and fetches the URL of ``DESCRIBE TABLE url(...)``. So before a
        statement runs: one statement (by chwarden's lexer), then ``EXPLAIN AST`` (parsing only)
        must show a read, no output file and no table function outside ``table_functions``.
        """
        if not single_statement(sql):
            raise QueryFailed("the embedded engine is sent exactly one statement at a time")
        ast = self._query(with_settings(f"EXPLAIN AST {sql}", settings), timeout, "TabSeparatedRaw")
        problem = ast_problem(ast.decode("utf-8", "replace"), self.table_functions)
        if problem is not None:
            raise QueryFailed(f"refused by the embedded engine check: {problem}")

    def _query(self, statement: str, timeout: float, fmt: str = "JSONCompact") -> bytes:
        if self._worker is not None:
            return self._worker.query(statement, fmt, timeout)
        try:
            result = self._session.query(statement, fmt)
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


_READ_NODES = ("Select", "Show", "Describe", "Exists")


def ast_problem(ast: str, table_functions: frozenset[str]) -> str | None:
    """Why an ``EXPLAIN AST`` dump is not a plain read (None if it is).

    The dump is one node per line, indented one space per level. The root must be a read; a
    ``Literal`` right under the root is an INTO OUTFILE target (LIKE patterns, FORMAT and SETTINGS
    are not literals there); a ``Function`` right under a ``TableExpression`` is a table function.
    """
    lines = [line for line in ast.splitlines() if line.strip()]
    if not lines or not lines[0].startswith(_READ_NODES):
        return f"not a read ({lines[0].split(' ')[0] if lines else 'nothing parsed'})"
    parents: list[str] = []
    for line in lines[1:]:
        depth = len(line) - len(line.lstrip(" "))
        node = line.strip()
        del parents[depth - 1 :]
        if depth == 1 and node.startswith("Literal"):
            return "INTO OUTFILE"
        if node.startswith("Function ") and parents and parents[-1].startswith("TableExpression"):
            name = node.split(" ")[1]
            if name.lower() not in table_functions:
                return f"table function {name}()"
        parents.append(node)
    return None


def _tagged(settings: dict[str, Any]) -> dict[str, Any]:
    """chdb takes no query id from its caller: chwarden's tag goes to log_comment (a fresh one per statement)."""
    query_id = next_query_id()
    return settings if query_id is None else {**settings, "log_comment": query_id}


def with_settings(sql: str, settings: dict[str, Any]) -> str:
    """The statement with the lock as a query-level SETTINGS clause.

    Every statement the guard allows (SELECT, WITH, SHOW, DESCRIBE, EXISTS) takes a trailing
    SETTINGS clause on the engines chdb ships (26.x), after its own SETTINGS or FORMAT too; the
    newline keeps a trailing `--` comment from swallowing it. A statement's own SETTINGS may only
    tighten these (the guard checks), and for a SELECT they take precedence, which is safe.
    """
    if not settings:
        return sql
    for name in settings:
        if not name.isidentifier():
            raise ValueError(f"not a setting name: {name!r}")
    return f"{sql}\nSETTINGS " + ", ".join(f"{k} = {_literal(v)}" for k, v in settings.items())


def _own_answer(raw: bytes) -> bytes:
    """The answer of the statement just run.

    After a statement fails mid-stream, chdb (26.9) may leave its partial output in front of the
    next answer: of several concatenated JSON documents the last one is this statement's. An
    exception raised mid-stream follows a partial answer as ``Code: NNN`` text.
    """
    text = raw.decode("utf-8", "replace")
    decoder = json.JSONDecoder()
    position, start = 0, 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return text[start:].encode("utf-8")
        try:
            start = position
            _payload, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            code = parse_error_code(text[position:])
            if code is None:
                return raw  # let the answer check say what is wrong with it
            raise QueryFailed(short_error(text[text.find("Code:", position) :]), code) from None


def _literal(value: Any) -> str:
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"
