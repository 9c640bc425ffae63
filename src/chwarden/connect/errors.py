"""The errors a connection raises, in a module of their own so the guard can share them.

``ChwardenConnectError`` and its kinds mean the target cannot be used (exit codes 3, 5 or 6, or a
partial run); ``QueryFailed`` means one query failed and only that fact is missing. A statement
the guard refuses is a ``QueryFailed`` too (``guard.WriteRefused``): collectors report it as a
missing fact.

Messages say what happened in words a user can act on, without the address (the one caller that
prints it adds ``host:port`` once) and without raw library text such as ``[Errno 111]``; ``hint``
says what to try, when the transport knows (``https://`` to a port that answers in plain text).
"""

from __future__ import annotations

import errno
import re


class ChwardenConnectError(Exception):
    """The target could not be reached or queried at all."""

    kind = "unreachable"  # unreachable | auth | not_clickhouse | no_answer | lost | no_lock | deadline

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class Unreachable(ChwardenConnectError):
    kind = "unreachable"


class AuthenticationFailed(ChwardenConnectError):
    """The server refused the login (unknown user, wrong or missing password, address not allowed)."""

    kind = "auth"

    def __init__(self, message: str, code: int | None = None, hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.code = code


class NotClickHouse(ChwardenConnectError):
    """Something answered, but not as ClickHouse, or not in the protocol the target URL asked for."""

    kind = "not_clickhouse"


class NoAnswer(NotClickHouse):
    """The port took the connection but gave no complete answer in time (frozen, slow or not ClickHouse)."""

    kind = "no_answer"


class ConnectionLost(ChwardenConnectError):
    """The server stopped answering in the middle of a run (the run becomes partial)."""

    kind = "lost"


class NoServerLock(ChwardenConnectError):
    """The server does not run chwarden's session read-only: nothing is sent to it."""

    kind = "no_lock"


class DeadlineReached(ChwardenConnectError):
    """The command's run deadline (``--max-time``) is over: nothing more is sent."""

    kind = "deadline"


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


_ERRNO = re.compile(r"\[Errno (-?\d+)\]\s*([^(\[]*)")
_SSL = re.compile(r"\[SSL(?:: ([A-Z_]+))?\]\s*([^(]*)")
_DRIVER_CODE = re.compile(r"^Code: \d+\.\s*")
_TRAILING_ADDRESS = re.compile(r"\s*\([^()]*:\d+\)\s*$")
_WORDS = {
    errno.ECONNREFUSED: "connection refused (nothing listens on this port)",
    errno.EHOSTUNREACH: "no route to host",
    errno.ENETUNREACH: "network unreachable",
    errno.ETIMEDOUT: "connection timed out",
    errno.ECONNRESET: "connection reset by the peer",
    errno.EPIPE: "connection closed by the peer",
    errno.EADDRNOTAVAIL: "address not available on this machine",
}
_NAME_NOT_FOUND = (-2, -3, -5)  # EAI_NONAME, EAI_AGAIN, EAI_NODATA from getaddrinfo


def network_reason(text: str) -> str:
    """A library's network error text as words: ``[Errno 111] Connection refused`` -> ``connection refused ...``."""
    text = _DRIVER_CODE.sub("", text.strip())
    text = _TRAILING_ADDRESS.sub("", text)
    ssl_error = _SSL.search(text)
    if ssl_error is not None:
        reason = (ssl_error.group(2) or ssl_error.group(1) or "handshake failed").strip().rstrip(":")
        return f"TLS handshake failed ({reason.lower()})"
    number = _ERRNO.search(text)
    if number is not None:
        code = int(number.group(1))
        if code in _NAME_NOT_FOUND:
            return "host name not found"
        return _WORDS.get(code, number.group(2).strip().lower() or f"network error {code}")
    lowered = text.lower()
    for words in _WORDS.values():
        if words.split(" (")[0] in lowered:
            return words
    if "name or service not known" in lowered or "nodename nor servname" in lowered:
        return "host name not found"
    return text[:200] or "network error"


def tls_mismatch(text: str) -> bool:
    """True when a TLS handshake got plain-text bytes back: the port does not speak TLS."""
    lowered = text.lower()
    return "wrong_version_number" in lowered or "wrong version number" in lowered or "record layer failure" in lowered


def certificate_problem(text: str) -> bool:
    return "certificate_verify_failed" in text.lower() or "certificate verify failed" in text.lower()


def certificate_failure(text: str) -> Unreachable:
    """A certificate that does not verify: what is wrong with it, and the two ways on."""
    detail = re.search(r"certificate verify failed:?\s*([^(]*)", text, re.IGNORECASE)
    why = detail.group(1).strip() if detail and detail.group(1).strip() else "verification failed"
    return Unreachable(
        f"the server's TLS certificate is not trusted ({why})",
        "give its CA with --ca-file CA.pem (or --insecure to skip the check)",
    )


def no_answer(message: str, hint: str | None) -> NotClickHouse:
    """No answer in time: a protocol mismatch when the port was found to speak another protocol."""
    return NotClickHouse(message, hint) if hint else NoAnswer(message)
