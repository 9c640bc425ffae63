"""Logged-in sessions, their CSRF tokens, and the login rate limit.

The browser holds only a random session id, inside Starlette's signed session cookie (HttpOnly,
SameSite=Strict, Secure under TLS). What the id stands for (user, role, CSRF token, expiry) stays
on the server, so logging out ends the session everywhere and a copied cookie dies with it; a
restart logs everybody out. Sessions expire after ``idle`` without a request and after ``lifetime``
in any case.

Failed logins are limited per client address and per user name with ``limits``' moving window:
once either limit is reached, every attempt (the right password included) gets "429 Too Many
Requests" until the window has passed.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from dataclasses import dataclass, field

from limits import RateLimitItem, RateLimitItemPerHour, RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from chwarden.serve.auth import User

IDLE_SECONDS = 30 * 60
LIFETIME_SECONDS = 8 * 3600
MAX_SESSIONS = 10_000  # the oldest are dropped beyond this (bounded memory)


@dataclass
class Session:
    sid: str
    user: User
    csrf: str
    created: float
    seen: float = field(default=0.0)


class Sessions:
    def __init__(self, idle: float = IDLE_SECONDS, lifetime: float = LIFETIME_SECONDS) -> None:
        self.idle = idle
        self.lifetime = lifetime
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def create(self, user: User) -> Session:
        now = time.monotonic()
        session = Session(secrets.token_urlsafe(32), user, secrets.token_urlsafe(32), now, now)
        with self._lock:
            self._expire(now)
            while len(self._sessions) >= MAX_SESSIONS:
                self._sessions.pop(next(iter(self._sessions)))
            self._sessions[session.sid] = session
        return session

    def get(self, sid: object) -> Session | None:
        if not isinstance(sid, str):
            return None
        now = time.monotonic()
        with self._lock:
            session = self._sessions.get(sid)
            if session is None:
                return None
            if now - session.seen > self.idle or now - session.created > self.lifetime:
                del self._sessions[sid]
                return None
            session.seen = now
            return session

    def drop(self, sid: object) -> None:
        with self._lock:
            if isinstance(sid, str):
                self._sessions.pop(sid, None)

    def _expire(self, now: float) -> None:
        stale = [
            sid for sid, s in self._sessions.items() if now - s.seen > self.idle or now - s.created > self.lifetime
        ]
        for sid in stale:
            del self._sessions[sid]


def same_token(given: object, expected: str) -> bool:
    """Constant-time comparison of a submitted CSRF token with the session's."""
    return isinstance(given, str) and bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


class LoginLimiter:
    """Failed logins: at most ``per_minute`` per address a minute and ``per_hour`` per address or per
    user name an hour."""

    def __init__(self, per_minute: int = 5, per_hour: int = 30) -> None:
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._limits = (RateLimitItemPerMinute(per_minute), RateLimitItemPerHour(per_hour))

    def _keys(self, address: str, name: str) -> list[tuple[RateLimitItem, str]]:
        minute, hour = self._limits
        return [(minute, f"addr:{address}"), (hour, f"addr:{address}"), (hour, f"user:{name[:64]}")]

    def allowed(self, address: str, name: str) -> bool:
        return all(self._limiter.test(item, key) for item, key in self._keys(address, name))

    def failed(self, address: str, name: str) -> None:
        for item, key in self._keys(address, name):
            self._limiter.hit(item, key)
