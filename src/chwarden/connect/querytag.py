"""Tags on chwarden's own queries, so its detections can leave them out without trusting a client.

Every statement chwarden sends while a tagger is active carries a query id
``chwarden-<issued, hex>-<nonce>-<mac>`` (HTTP ``query_id`` parameter and native query id on every
server version; the same id as ``log_comment`` on the embedded engine). Any client may choose a query
id, and anyone who can read ``system.query_log`` sees ours, so a tag alone proves nothing: the
MAC is an HMAC over issue time and nonce with a key only the watcher holds, each id is used for
one query, and it must be logged within ``max_age`` seconds of its issue. ``verify`` says whether
a logged id is one of ours; ids that carry the prefix but fail it are forged (a detection rule).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import itertools
import secrets
import time
from collections.abc import Iterator
from contextvars import ContextVar

PREFIX = "chwarden-"
NONCE_HEX = 8
MAC_HEX = 16


class QueryTagger:
    """Issues and verifies tagged query ids with one secret key."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("the query-tag key needs at least 16 bytes")
        self._key = key
        self._issued = itertools.count()
        self.issued = 0  # ids handed out by this instance (the queries it tagged)

    def fork(self) -> QueryTagger:
        """A tagger with the same key and its own count (one per target cycle)."""
        return QueryTagger(self._key)

    def __repr__(self) -> str:  # never show the key
        return "QueryTagger(key=***)"

    def _mac(self, issued_hex: str, nonce: str) -> str:
        digest = hmac.new(self._key, f"{issued_hex}-{nonce}".encode(), hashlib.sha256).hexdigest()
        return digest[:MAC_HEX]

    def new_id(self, now: float | None = None) -> str:
        self.issued = next(self._issued) + 1
        issued = f"{int(now if now is not None else time.time()):x}"
        nonce = secrets.token_hex(NONCE_HEX // 2)
        return f"{PREFIX}{issued}-{nonce}-{self._mac(issued, nonce)}"

    def verify(self, query_id: str, logged_at: int | None = None, max_age: int = 3600) -> bool:
        """True when ``query_id`` was issued with this key (and, given ``logged_at``, recently)."""
        if not query_id.startswith(PREFIX):
            return False
        parts = query_id[len(PREFIX) :].split("-")
        if len(parts) != 3:
            return False
        issued_hex, nonce, mac = parts
        if not hmac.compare_digest(self._mac(issued_hex, nonce), mac):
            return False
        if logged_at is None:
            return True
        try:
            issued = int(issued_hex, 16)
        except ValueError:
            return False
        # A few seconds of clock skew between chwarden and the server are tolerated.
        return issued - 60 <= logged_at <= issued + max_age


_CURRENT: ContextVar[QueryTagger | None] = ContextVar("chwarden_query_tagger", default=None)


def next_query_id() -> str | None:
    """A fresh tagged id when a tagger is active in this context, else None (the server picks one)."""
    tagger = _CURRENT.get()
    return tagger.new_id() if tagger is not None else None


@contextlib.contextmanager
def tagging(tagger: QueryTagger | None) -> Iterator[None]:
    """Tag every query sent from this context (thread, or asyncio tasks created inside it)."""
    token = _CURRENT.set(tagger)
    try:
        yield
    finally:
        _CURRENT.reset(token)
