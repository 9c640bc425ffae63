"""Deadlines and size caps for every byte chwarden reads from a network peer.

A peer that sends one byte every second never trips a per-read timeout, and a peer that sends
without end fills memory; both are normal behaviour for a hostile server. So each request gets a
``Deadline`` (connect + send + headers + body together) and a byte allowance, enforced where the
bytes are read: in an httpcore network backend for HTTP(S) and in a socket wrapper for the native
driver. Running out raises ``BudgetExceeded`` (``kind`` says which: "time" or "size").
"""

from __future__ import annotations

import socket
import ssl
import time
from collections.abc import Iterable
from typing import Any

import httpcore


class BudgetExceeded(Exception):
    """A request ran out of time or bytes."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind  # "time" | "size"


class Deadline:
    """One request's time budget; ``None`` means no request is running (nothing is bounded)."""

    def __init__(self) -> None:
        self.at: float | None = None
        self.seconds = 0.0

    def start(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def stop(self) -> None:
        self.at = None

    def timeout(self, asked: float | None) -> float | None:
        """The timeout for one socket operation: what was asked, never past the deadline."""
        if self.at is None:
            return asked
        remaining = self.at - time.monotonic()
        if remaining <= 0:
            raise BudgetExceeded("time", f"no complete answer within {self.seconds:g}s")
        return remaining if asked is None else min(asked, remaining)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.timeout(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.timeout(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, self._deadline.timeout(timeout))
        return _DeadlineStream(inner, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's socket backend with every connect, TLS handshake, read and write inside ``deadline``."""

    def __init__(self, deadline: Deadline) -> None:
        self._inner = httpcore.SyncBackend()
        self._deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, self._deadline.timeout(timeout), local_address, socket_options)
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not used by chwarden")

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, min(seconds, self._deadline.timeout(seconds) or 0.0)))


class BudgetSocket:
    """A socket for the native driver: every recv/send inside the deadline, at most ``max_bytes`` read.

    clickhouse-driver reads through ``recv_into`` and writes through ``sendall``; everything else
    (setsockopt, shutdown, close...) goes to the real socket.
    """

    def __init__(self, sock: socket.socket, deadline: Deadline, max_bytes: int) -> None:
        self._sock = sock
        self._deadline = deadline
        self.max_bytes = max_bytes
        self.received = 0

    def reset(self) -> None:
        self.received = 0

    def _arm(self) -> None:
        timeout = self._deadline.timeout(None)
        if timeout is not None:
            self._sock.settimeout(timeout)

    def recv_into(self, buffer: Any, nbytes: int = 0, flags: int = 0) -> int:
        self._arm()
        count = self._sock.recv_into(buffer, nbytes, flags)
        self.received += count
        if self.received > self.max_bytes:
            raise BudgetExceeded("size", f"answer larger than {self.max_bytes} bytes")
        return count

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        self._arm()
        data = self._sock.recv(bufsize, flags)
        self.received += len(data)
        if self.received > self.max_bytes:
            raise BudgetExceeded("size", f"answer larger than {self.max_bytes} bytes")
        return data

    def sendall(self, data: Any, flags: int = 0) -> None:
        self._arm()
        self._sock.sendall(data, flags)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)
