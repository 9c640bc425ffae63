"""The errors a connection raises, in a module of their own so the guard can share them.

``ChwardenConnectError`` and its kinds mean the target cannot be used (exit code 3, or a partial
run); ``QueryFailed`` means one query failed and only that fact is missing. A statement the guard
refuses is a ``QueryFailed`` too (``guard.WriteRefused``): collectors report it as a missing fact.
"""

from __future__ import annotations


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


class NoAnswer(NotClickHouse):
    """The port took the connection but gave no complete answer in time (frozen, slow or not ClickHouse)."""


class ConnectionLost(ChwardenConnectError):
    """The server stopped answering in the middle of a run (the run becomes partial)."""


class NoServerLock(ChwardenConnectError):
    """The server does not run chwarden's session read-only: nothing is sent to it."""


class DeadlineReached(ChwardenConnectError):
    """The command's run deadline (``--max-time``) is over: nothing more is sent."""


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
