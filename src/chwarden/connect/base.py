"""Connection protocol shared by HTTP, native and embedded targets, and the errors they raise.

Every query goes through ``GuardedConnection.query``: the statement allowlist first, then the
transport with server-side read-only and limit settings. Transports never see an unchecked query.
"""

from __future__ import annotations

import abc
import re
import time
from dataclasses import dataclass, field
from typing import Any

from chwarden.connect import guard
from chwarden.connect.errors import (
    AuthenticationFailed,
    ChwardenConnectError,
    ConnectionLost,
    DeadlineReached,
    NoAnswer,
    NoServerLock,
    NotClickHouse,
    QueryFailed,
    Unreachable,
)

__all__ = [
    "AUTH_ERROR_CODES",
    "AuthenticationFailed",
    "ChwardenConnectError",
    "ConnectionLost",
    "DeadlineReached",
    "GuardedConnection",
    "NoAnswer",
    "NoServerLock",
    "NotClickHouse",
    "QueryFailed",
    "QueryResult",
    "Transport",
    "Unreachable",
    "parse_error_code",
    "server_message",
    "short_error",
]


_APPLIED_SETTINGS_SQL = (
    "SELECT name, value FROM system.settings "
    "WHERE name IN ('readonly', 'max_execution_time', 'max_result_rows', 'result_overflow_mode')"
)
REQUEST_GRACE = 5.0  # seconds a request may run past max_execution_time (the server's own error), at most

AUTH_ERROR_CODES = frozenset({192, 193, 194, 195, 516})
READONLY_SETTING_CODES = frozenset({164, 452, 472})

_CODE_RE = re.compile(r"Code:\s*(\d{1,6})")
_QUOTED_SETTING_RE = re.compile(r"'(\w+)' setting")
_SETTING_NAME_RE = re.compile(r"[Ss]etting '?`?(\w+)")


def parse_error_code(text: str) -> int | None:
    m = _CODE_RE.search(text)
    return int(m.group(1)) if m else None


_EXCEPTION_PREFIX = re.compile(r"^Code:\s*\d+[,.]\s*(?:e\.displayText\(\)\s*=\s*)?(?:DB::Exception:\s*)?")
_EXCEPTION_SUFFIX = re.compile(r"\s*(?:\([A-Z_]+\)\s*)?(?:\(version [^)]*\))?\s*\.?\s*$")


def server_message(text: str, limit: int = 200, code: int | None = None) -> str:
    """A server's exception as its sentence and code: ``Password required for user default (code 194)``.

    Drops ``Code: N, e.displayText() = DB::Exception:``, the error name and ``(version ...)`` that
    ClickHouse wraps around the sentence, and the stack trace 18.x appends.
    """
    code = code if code is not None else parse_error_code(text)
    sentence = _EXCEPTION_SUFFIX.sub("", _EXCEPTION_PREFIX.sub("", short_error(text, limit * 2)))
    sentence = sentence.removeprefix("DB::Exception: ").strip().rstrip(".")[:limit]
    return f"{sentence} (code {code})" if code is not None else sentence


def short_error(text: str, limit: int = 300) -> str:
    """First line of a server error without the stack trace (18.x sends library paths)."""
    text = text.strip()
    for marker in (" Stack trace:", "\nStack trace", ", e.what()", "\n\n0. "):
        idx = text.find(marker)
        if idx > 0:
            text = text[:idx]
    text = " ".join(text.split())
    return text[:limit]


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    types: list[str] = field(default_factory=list)

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=False)) for row in self.rows]

    def scalar(self) -> Any:
        return self.rows[0][0] if self.rows and self.rows[0] else None


class Transport(abc.ABC):
    """Sends an already-guarded statement with the given settings."""

    protocol: str = "unknown"
    tls: bool = False

    @abc.abstractmethod
    def execute(self, sql: str, settings: dict[str, Any], timeout: float) -> QueryResult: ...

    def close(self) -> None:  # noqa: B027 - optional hook
        pass


class GuardedConnection:
    """A read-only connection: the guard's allowlist + server-side readonly + limits on every query.

    Before the first statement the connection reads back the lock the server applied and sends
    nothing if the server does not run the session read-only (``NoServerLock``). The lock never
    loosens: a per-query setting is left out only when the server refuses it and already runs the
    account read-only (a readonly=1 account may set nothing, a readonly=2 profile may not restate
    readonly, a constraint may fix max_execution_time); limits the server then holds its own way
    are enforced here too (request deadline, row cap) and ``settings_mode`` states what the server
    really applied.
    """

    def __init__(
        self,
        transport: Transport,
        *,
        description: str,
        max_execution_time: int = guard.DEFAULT_MAX_EXECUTION_TIME,
        max_result_rows: int = guard.DEFAULT_MAX_RESULT_ROWS,
        table_functions: tuple[str, ...] = (),
        deadline: float | None = None,
        readonly: int = 1,
    ) -> None:
        self.transport = transport
        self.description = description
        self.max_execution_time = max_execution_time
        self.max_result_rows = max_result_rows
        self.policy = guard.Policy(max_execution_time, max_result_rows, frozenset(table_functions))
        self._settings: dict[str, Any] = guard.limits_settings(max_execution_time, max_result_rows, readonly)
        self.deadline = deadline  # time.monotonic() by which the whole run must be done
        self.settings_mode = f"readonly={readonly}+limits (not yet confirmed by the server)"
        self.queries_sent: list[str] = []
        self.applied_settings: dict[str, str] | None = None  # what the server really applied
        self.settings_refused = False  # the server runs the account readonly=1 and refuses every setting

    @property
    def protocol(self) -> str:
        return self.transport.protocol

    @property
    def session_settings(self) -> dict[str, Any]:
        """The settings chwarden sends with every query."""
        return dict(self._settings)

    def query(self, sql: str, settings: dict[str, Any] | None = None) -> QueryResult:
        """Run one read statement; ``settings`` are extra limits for this request only.

        Extra settings travel with the lock instead of in the statement's SETTINGS clause, which a
        readonly=1 session refuses; only those the guard would let a statement set are taken (a
        lock setting may only be tightened).
        """
        statement = guard.check_statement(sql, self.policy)
        extra = self._checked_extra(settings or {})
        if self.applied_settings is None:
            self._verify_applied_settings()  # nothing is sent before the lock is confirmed
        result = self._send(statement, extra)
        if len(result.rows) > self.max_result_rows:  # enforced here too, whatever the server did
            raise QueryFailed(f"answer with more than {self.max_result_rows} rows", code=396)
        return result

    def _checked_extra(self, settings: dict[str, Any]) -> dict[str, Any]:
        for name, value in settings.items():
            rule = guard.QUERY_SETTINGS.get(name)
            token = guard.literal_token(value)
            if rule is None or token is None or not rule.accepts(token, self.policy):
                raise guard.WriteRefused(f"setting {name}={str(value)[:40]} is not allowed")
        return settings

    def request_limit(self) -> float:
        """Seconds one request may take: the query's time limit plus a grace for the server's own error."""
        return float(self.max_execution_time) + min(REQUEST_GRACE, max(1.0, float(self.max_execution_time)))

    def request_timeout(self) -> float:
        """One request's budget: ``request_limit()``, never past the run deadline."""
        timeout = self.request_limit()
        if self.deadline is None:
            return timeout
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise DeadlineReached("run deadline reached")
        return min(timeout, remaining)

    def _send(self, statement: str, extra: dict[str, Any] | None = None) -> QueryResult:
        self.queries_sent.append(statement)
        while True:  # every retry runs with one setting fewer: at most len(settings) + 1 turns
            if self.settings_refused:  # a readonly=1 account: the server takes no setting at all
                extra = None
            settings = {**(extra or {}), **self._settings}  # the lock wins, readonly stays last
            if extra:
                for name in set(extra) & set(self._settings):  # an extra limit may only be tighter
                    settings[name] = extra[name]
            try:
                return self.transport.execute(statement, settings, self.request_timeout())
            except QueryFailed as exc:
                if exc.code not in READONLY_SETTING_CODES or not self._keep_server_lock(exc):
                    raise

    def _server_values(self) -> dict[str, str]:
        """The lock settings as the server holds them, asked without any per-query setting."""
        statement = guard.check_statement(_APPLIED_SETTINGS_SQL, self.policy)
        rows = self.transport.execute(statement, {}, self.request_timeout()).rows
        return {str(row[0]): str(row[1]) for row in rows if len(row) == 2}

    def _keep_server_lock(self, exc: QueryFailed) -> bool:
        """The server refused a per-query setting: leave it out only if the server's own lock holds.

        ``readonly`` is left out only when the server already runs this account read-only (1 or 2);
        a limit the account may not change (readonly=1 profile, constraint) is the server's to
        apply, and chwarden enforces its own on its side (request deadline, row cap). The server's
        values are read back and reported. Each call drops at least one setting, so retries end.
        """
        try:
            server = self._server_values()
        except QueryFailed:
            return False
        if server.get("readonly") not in ("1", "2"):
            return False  # no server-side read-only lock: never run without one
        if server.get("readonly") == "1":  # the account may change no setting at all
            if self.settings_refused:
                return False  # nothing was sent already: the failure is the statement's own
            self.settings_refused = True
            self._settings = {}
            return True
        name = refused_setting(str(exc))
        dropped = {name} if name is not None and name in self._settings else set()
        if not dropped:
            return False
        self._settings = {k: v for k, v in self._settings.items() if k not in dropped}
        return True

    def _verify_applied_settings(self) -> None:
        """Read back the lock the server applied: some servers ignore client settings silently.

        (18.16 over the native protocol keeps a readonly=1 profile's values without an error.)
        Without a server-side read-only lock nothing more is sent: ``NoServerLock``.
        """
        try:
            rows = self._send(guard.check_statement(_APPLIED_SETTINGS_SQL, self.policy)).rows
        except QueryFailed as exc:
            message = f"the server-side read-only lock could not be confirmed ({exc})"
            raise NoServerLock(message) from exc
        applied = {str(row[0]): str(row[1]) for row in rows if len(row) == 2}
        if "readonly" not in applied:  # every ClickHouse has the setting: this answer is not ClickHouse's
            raise NotClickHouse("the answer to the read-only lock check names no readonly setting")
        if applied.get("readonly") not in ("1", "2"):
            shown = applied.get("readonly", "unknown")[:20]
            raise NoServerLock(f"the server did not apply readonly (readonly={shown}): not queried")
        self.applied_settings = applied
        self.settings_mode = describe_lock(applied, self._settings, self)

    def close(self) -> None:
        self.transport.close()

    def __enter__(self) -> GuardedConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def refused_setting(message: str) -> str | None:
    """The setting a 164/452/472 error names: "Cannot modify 'x' setting", "Setting x should not..."."""
    match = _QUOTED_SETTING_RE.search(message) or _SETTING_NAME_RE.search(message)
    return match.group(1) if match else None


def describe_lock(applied: dict[str, str], sent: dict[str, Any], conn: GuardedConnection) -> str:
    """The evidence line: the lock the server applied, and what chwarden enforces on its side."""
    readonly = applied.get("readonly", "?")
    limits = ", ".join(f"{k}={v}" for k, v in sorted(applied.items()) if k != "readonly")
    text = f"server read-only: readonly={readonly}, {limits}"
    kept = sorted(k for k in guard.limits_settings() if k not in sent)
    if kept:
        text += (
            f"; the server refused chwarden's {', '.join(kept)} (its own values apply); "
            f"chwarden stops waiting after {conn.request_limit():g}s "
            f"and reads at most {conn.max_result_rows} rows"
        )
    return text
