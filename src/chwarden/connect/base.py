"""Connection protocol shared by HTTP, native and embedded targets, and the errors they raise.

Every query goes through ``GuardedConnection.query``: the statement allowlist first, then the
transport with server-side read-only and limit settings. Transports never see an unchecked query.
"""

from __future__ import annotations

import abc
import re
from dataclasses import dataclass, field
from typing import Any

from chwarden.connect import guard


class ChwardenConnectError(Exception):
    """The target could not be reached or queried at all (exit code 3)."""


class Unreachable(ChwardenConnectError):
    pass


class AuthenticationFailed(ChwardenConnectError):
    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code


class NotClickHouse(ChwardenConnectError):
    pass


class ConnectionLost(ChwardenConnectError):
    """The server stopped answering in the middle of a run (the run becomes partial)."""


class QueryFailed(Exception):
    """One query failed on the server; collection of that fact is skipped, not the audit."""

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code

    @property
    def is_permission_denied(self) -> bool:
        return self.code in (497, 291, 481, 482, 516)

    @property
    def is_unknown_object(self) -> bool:
        # unknown table / database / function / identifier / setting / column
        return self.code in (60, 81, 46, 47, 115, 16)


_APPLIED_SETTINGS_SQL = (
    "SELECT name, value FROM system.settings WHERE name IN ('readonly', 'max_execution_time', 'max_result_rows')"
)

AUTH_ERROR_CODES = frozenset({192, 193, 194, 195, 516})
READONLY_SETTING_CODES = frozenset({164, 452, 472})

_CODE_RE = re.compile(r"Code:\s*(\d+)")
_SETTING_NAME_RE = re.compile(r"[Ss]etting '?`?(\w+)")


def parse_error_code(text: str) -> int | None:
    m = _CODE_RE.search(text)
    return int(m.group(1)) if m else None


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
    """A read-only connection: allowlist + server-side readonly + limits on every query."""

    def __init__(
        self,
        transport: Transport,
        *,
        description: str,
        max_execution_time: int = guard.DEFAULT_MAX_EXECUTION_TIME,
        max_result_rows: int = guard.DEFAULT_MAX_RESULT_ROWS,
    ) -> None:
        self.transport = transport
        self.description = description
        self.max_execution_time = max_execution_time
        self.max_result_rows = max_result_rows
        self._settings: dict[str, Any] = guard.limits_settings(max_execution_time, max_result_rows)
        self.settings_mode = "readonly=2+limits"
        self.queries_sent: list[str] = []
        self.applied_settings: dict[str, str] | None = None  # what the server really applied

    @property
    def protocol(self) -> str:
        return self.transport.protocol

    @property
    def session_settings(self) -> dict[str, Any]:
        """The settings chwarden sends with every query (after any relaxation)."""
        return dict(self._settings)

    def query(self, sql: str) -> QueryResult:
        result = self._send(guard.check_statement(sql))
        if self.applied_settings is None:
            self._verify_applied_settings()
        return result

    def _send(self, statement: str) -> QueryResult:
        timeout = float(self.max_execution_time) + 10.0
        while True:
            try:
                self.queries_sent.append(statement)
                return self.transport.execute(statement, dict(self._settings), timeout)
            except QueryFailed as exc:
                if exc.code in READONLY_SETTING_CODES and self._relax_settings(exc):
                    continue
                raise

    def _verify_applied_settings(self) -> None:
        """Read back the limits the server applied: some servers ignore client settings silently.

        (18.16 over the native protocol keeps a readonly=1 profile's values without an error.)
        """
        self.applied_settings = {}
        try:
            rows = self._send(guard.check_statement(_APPLIED_SETTINGS_SQL)).rows
        except QueryFailed:
            return
        self.applied_settings = {str(name): str(value) for name, value in rows}
        readonly = self.applied_settings.get("readonly", "?")
        lock = "server read-only" if readonly in ("1", "2") else "client allowlist only (server readonly=0)"
        limits = ", ".join(f"{k}={v}" for k, v in sorted(self.applied_settings.items()) if k != "readonly")
        self.settings_mode = f"{lock}: readonly={readonly}, {limits}"

    def _relax_settings(self, exc: QueryFailed) -> bool:
        """Drop the settings the account may not change, keeping every lock the server accepts.

        164 (READONLY) on a settings change only happens when the server already runs this account
        read-only, so the server-side lock still holds. 452/472 name one constrained setting: drop
        just that one. If ``readonly`` itself is locked to 0, the client allowlist stays the lock
        and ``settings_mode`` says so (it is reported as evidence).
        """
        named = _SETTING_NAME_RE.search(str(exc))
        if exc.code in (452, 472) and named and named.group(1) in self._settings:
            name = named.group(1)
            self._settings = {k: v for k, v in self._settings.items() if k != name}
            self.settings_mode = f"limits without {name} (constrained by the server)"
            return True
        if "readonly" in self._settings:
            self._settings = {k: v for k, v in self._settings.items() if k != "readonly"}
            self.settings_mode = "server readonly profile + limits"
            return True
        if self._settings:
            self._settings = {}
            self.settings_mode = "server readonly profile (settings locked)"
            return True
        return False

    def close(self) -> None:
        self.transport.close()

    def __enter__(self) -> GuardedConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
