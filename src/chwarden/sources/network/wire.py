"""Asynchronous connections with the scan's limits applied: concurrency, rate and timeouts.

Every byte the scanner sends goes through ``Net``: it caps simultaneous connections
(``concurrency``), spaces new connections out (``rates``: per second, by the class of the
address they go to, see ``rates``), bounds each connect and each read by ``timeout`` and counts
what it did (the bench reports probes per second).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from chwarden import __version__
from chwarden.sources.network.codecs import MAX_READ, HttpReply, http_complete, http_request, parse_http_reply
from chwarden.sources.network.rates import RatePolicy

USER_AGENT = f"chwarden-scan/{__version__}"


def _tls_context() -> ssl.SSLContext:
    """A client context that verifies nothing, so it loads no CA store (~20 ms saved per run)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # identification only: nothing is trusted from this channel
    return context


def url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


@dataclass
class Pacer:
    """Token spacing for new connections: at most ``rate`` per second (0 = unlimited)."""

    rate: float
    _next: float = 0.0
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def wait(self) -> None:
        if self.rate <= 0:
            return
        async with self._lock:
            now = time.monotonic()
            delay = self._next - now
            self._next = max(now, self._next) + 1.0 / self.rate
        if delay > 0:
            await asyncio.sleep(delay)


@dataclass
class Net:
    """The scan's network budget, shared by every probe of one run."""

    timeout: float
    concurrency: int
    rates: RatePolicy = field(default_factory=RatePolicy)
    connections: int = 0
    _slots: asyncio.Semaphore = field(init=False)
    _pacers: dict[str, Pacer] = field(init=False, default_factory=dict)
    _tls: ssl.SSLContext = field(init=False)

    def __post_init__(self) -> None:
        self._slots = asyncio.Semaphore(max(1, self.concurrency))
        self._tls = _tls_context()

    def pacer(self, host: str) -> Pacer:
        """The pacer of ``host``'s address class (one for all with a uniform ``--rate``)."""
        key = self.rates.pacer_key(host)
        if key not in self._pacers:
            self._pacers[key] = Pacer(self.rates.rate_for(host))
        return self._pacers[key]

    def pacing(self) -> dict[str, float]:
        """The limit of every pacer this run used (new connections per second, 0 = unlimited)."""
        return {key: pacer.rate for key, pacer in self._pacers.items()}

    @contextlib.asynccontextmanager
    async def stream(
        self, host: str, port: int, *, tls: bool = False
    ) -> AsyncIterator[tuple[asyncio.StreamReader, asyncio.StreamWriter]]:
        """One connection within the limits; OSError/TimeoutError when it cannot be opened."""
        async with self._slots:
            await self.pacer(host).wait()
            self.connections += 1
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(host, port, ssl=self._tls if tls else None), self.timeout
            )
            try:
                yield reader, writer
            finally:
                writer.close()
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(writer.wait_closed(), 0.5)

    async def is_open(self, host: str, port: int) -> bool:
        """TCP connect only (the scanner's equivalent of a port scan), within the same limits.

        A bare non-blocking socket rather than a stream: most probes meet a closed port, and a
        stream's transport and protocol objects cost more than the connect itself.
        """
        async with self._slots:
            await self.pacer(host).wait()
            self.connections += 1
            family = socket.AF_INET6 if ":" in host else socket.AF_INET
            with socket.socket(family, socket.SOCK_STREAM) as sock:
                sock.setblocking(False)
                try:
                    await asyncio.wait_for(asyncio.get_running_loop().sock_connect(sock, (host, port)), self.timeout)
                except (OSError, asyncio.TimeoutError):
                    return False
                return True

    async def converse(
        self,
        host: str,
        port: int,
        script: Sequence[tuple[bytes, Callable[[bytes], bool]]],
        *,
        tls: bool = False,
        timeout: float | None = None,
    ) -> tuple[list[bytes], dict[str, Any]]:
        """For each step send its bytes (may be empty) and read until its ``complete`` says so.

        Reading also stops at EOF, at MAX_READ bytes or when the step's time is up (then
        ``info["timed_out"]`` is set and the remaining steps are skipped).
        """
        replies: list[bytes] = []
        info: dict[str, Any] = {}
        async with self.stream(host, port, tls=tls) as (reader, writer):
            ssl_object = writer.get_extra_info("ssl_object")
            if ssl_object is not None:
                info = {"tls_version": ssl_object.version(), "cipher": (ssl_object.cipher() or ("",))[0]}
            for payload, complete in script:
                if payload:
                    writer.write(payload)
                    await asyncio.wait_for(writer.drain(), self.timeout)
                data, ended = await self._read(reader, complete, self.timeout if timeout is None else timeout)
                replies.append(data)
                if ended == "timeout":
                    info["timed_out"] = True
                if ended != "complete":
                    break
        return replies, info

    @staticmethod
    async def _read(reader: asyncio.StreamReader, complete: Callable[[bytes], bool], limit: float) -> tuple[bytes, str]:
        data = b""
        deadline = time.monotonic() + limit
        while len(data) < MAX_READ:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return data, "timeout"
            try:
                chunk = await asyncio.wait_for(reader.read(4096), remaining)
            except asyncio.TimeoutError:
                return data, "timeout"
            except (OSError, ssl.SSLError):
                return data, "error"
            if not chunk:
                return data, "eof"
            data += chunk
            if complete(data):
                return data, "complete"
        return data, "full"

    async def exchange(
        self,
        host: str,
        port: int,
        payload: bytes,
        *,
        tls: bool = False,
        complete: Callable[[bytes], bool] = lambda _b: False,
        timeout: float | None = None,
    ) -> tuple[bytes, dict[str, Any]]:
        """Send ``payload`` (may be empty) and read one answer (see ``converse``)."""
        replies, info = await self.converse(host, port, [(payload, complete)], tls=tls, timeout=timeout)
        return (replies[0] if replies else b""), info

    async def http_get(
        self, host: str, port: int, path: str, *, tls: bool = False
    ) -> tuple[HttpReply | None, dict[str, Any]]:
        """One GET with ``Connection: close``; (None, info) when the port does not answer HTTP."""
        request = http_request(path, f"{url_host(host)}:{port}", USER_AGENT)
        try:
            data, info = await self.exchange(host, port, request, tls=tls, complete=http_complete)
        except (OSError, asyncio.TimeoutError, ssl.SSLError) as exc:
            return None, {"error": type(exc).__name__}
        return parse_http_reply(data), info
