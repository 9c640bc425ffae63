"""The asyncio scanner: resolve, find open ports, identify them, then look inside open ones.

Stages per host: DNS (names only) -> TCP connect on every port -> protocol identification of
the open ones (``fingerprints``) -> for endpoints that let ``default`` in without a password,
the catalogue from system tables (``metadata``, blocking I/O in a bounded thread pool) ->
opt-in ``--try-credentials`` on endpoints that asked for a password. A total deadline bounds
the run; hosts cut short are reported partial, never lost.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from chwarden.clickhouse.ports import SCAN_PORTS, kind_of
from chwarden.model import Endpoint
from chwarden.redact import redact
from chwarden.sources.network.fingerprints import identify
from chwarden.sources.network.metadata import SCHEMES, LoginResult, Metadata, collect_metadata, try_login
from chwarden.sources.network.rates import RatePolicy
from chwarden.sources.network.wire import Net

QUERY_PROTOCOLS = ("http", "https", "native", "native_tls")  # where the guarded connection can query
METADATA_THREADS = 4
MAX_CREDENTIALS = 20
T = TypeVar("T")


@dataclass(frozen=True)
class ScanTarget:
    host: str  # an address or a name (resolved by the scanner)
    ports: tuple[int, ...] | None = None  # None: the scan's port list
    source: str = ""  # what the user wrote (for error messages)


@dataclass(frozen=True)
class Credential:
    user: str
    password: str

    def __repr__(self) -> str:  # never show the password in logs or tracebacks
        return f"Credential(user={self.user!r}, password=***)"


@dataclass(frozen=True)
class ScanOptions:
    ports: tuple[int, ...] = tuple(SCAN_PORTS)
    timeout: float = 3.0  # per connection: connect and each read
    max_time: float = 600.0  # the whole run
    concurrency: int = 128
    rate: float | None = None  # new connections per second, 0 = unlimited, None = by address (rates.py)
    extras: bool = True  # /play, /dashboard, /replicas_status, /metrics
    collect_metadata: bool = True
    read_samples: bool = False  # opt-in: read (and redact) a few rows of sensitive-looking tables
    credentials: tuple[Credential, ...] = ()  # opt-in: --try-credentials


@dataclass
class CredentialAttempt:
    protocol: str
    port: int
    user: str
    password: str  # "(empty)" or the redacted form, never the value
    result: LoginResult


@dataclass
class HostResult:
    target: ScanTarget
    address: str | None = None
    endpoints: list[Endpoint] = field(default_factory=list)
    metadata: Metadata | None = None
    attempts: list[CredentialAttempt] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: bool = False  # nothing could be scanned (e.g. DNS)
    partial: bool = False
    done: bool = False


@dataclass
class ScanRun:
    hosts: list[HostResult]
    connections: int
    elapsed_s: float
    probes: int  # (host, port) pairs checked
    pacing: dict[str, float] = field(default_factory=dict)  # rate limit per address class used

    @property
    def probes_per_second(self) -> float:
        return self.probes / self.elapsed_s if self.elapsed_s > 0 else 0.0


EndpointCallback = Callable[[Endpoint], None]
ProgressCallback = Callable[[int, int], None]  # done, total (probes)


class Scanner:
    def __init__(
        self,
        options: ScanOptions,
        on_endpoint: EndpointCallback | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> None:
        self.options = options
        self.on_endpoint = on_endpoint
        self.on_progress = on_progress
        self.total = 0
        self.done = 0

    async def run(self, targets: list[ScanTarget]) -> ScanRun:
        started = time.monotonic()
        net = Net(self.options.timeout, self.options.concurrency, RatePolicy.of(self.options.rate))
        threads = asyncio.Semaphore(METADATA_THREADS)
        results = [HostResult(target=t) for t in targets]
        self.total = sum(len(t.ports or self.options.ports) for t in targets)
        tasks = [asyncio.create_task(self._host(net, threads, r)) for r in results]
        _done, pending = await asyncio.wait(tasks, timeout=self.options.max_time) if tasks else (set(), set())
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=2.0)
        for r in results:
            if not r.done and not r.failed:
                r.partial = True
                r.errors.append(f"total time limit of {self.options.max_time:g}s reached before this host was done")
        return ScanRun(results, net.connections, time.monotonic() - started, self.total, net.pacing())

    def _progress(self, count: int = 1) -> None:
        self.done += count
        if self.on_progress is not None:
            self.on_progress(self.done, self.total)

    async def _host(self, net: Net, threads: asyncio.Semaphore, result: HostResult) -> None:
        target = result.target
        ports = target.ports or self.options.ports
        address = await self._resolve(target.host, result)
        if address is None:
            self._progress(len(ports))
            return
        result.address = address
        found = await asyncio.gather(*(self._port(net, target.host, address, p) for p in ports))
        result.endpoints = sorted((e for e in found if e is not None), key=lambda e: e.port)
        silent = [e.port for e in result.endpoints if "(silent)" in str(e.reveals.get("error", ""))]
        if silent:  # open, but no answer in time: what listens there is unknown, not "not ClickHouse"
            result.partial = True
            shown = ", ".join(map(str, silent))
            result.errors.append(
                f"port(s) {shown}: open but no answer within {self.options.timeout:g}s, not identified"
            )
        await self._inside(threads, address, result)
        result.done = True

    async def _resolve(self, host: str, result: HostResult) -> str | None:
        """The address to connect to: an IP address as it is, a name through the system resolver."""
        try:
            return str(ipaddress.ip_address(host))
        except ValueError:
            pass
        try:
            infos = await asyncio.wait_for(
                asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM), self.options.timeout
            )
        except (OSError, asyncio.TimeoutError) as exc:
            result.failed = True
            result.errors.append(f"cannot resolve {host!r}: {getattr(exc, 'strerror', None) or 'timed out'}")
            return None
        return str(infos[0][4][0]) if infos else None

    async def _port(self, net: Net, host: str, address: str, port: int) -> Endpoint | None:
        try:
            if not await net.is_open(address, port):
                return None
            found = await identify(net, address, port, kind_of(port), self.options.extras)
            endpoint = found.endpoint(host, port)
        finally:
            self._progress()
        if self.on_endpoint is not None:
            self.on_endpoint(endpoint)
        return endpoint

    async def _inside(self, threads: asyncio.Semaphore, address: str, result: HostResult) -> None:
        """Catalogue an open endpoint; with --try-credentials, knock on the closed ones."""
        opts = self.options
        candidates = [e for e in result.endpoints if e.clickhouse and e.protocol in QUERY_PROTOCOLS]
        budget = opts.timeout * 6 + 10

        async def blocking(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
            async with threads:
                return await asyncio.wait_for(asyncio.to_thread(func, *args, **kwargs), budget)

        open_one = next((e for e in candidates if e.auth == "none"), None)
        access: tuple[Endpoint, str, str] | None = (open_one, "default", "") if open_one else None
        for endpoint in (e for e in candidates if e.auth == "required" and opts.credentials):
            for cred in opts.credentials[:MAX_CREDENTIALS]:
                outcome = await blocking(
                    try_login, address, endpoint.protocol, endpoint.port, cred.user, cred.password, opts.timeout
                )
                shown = redact(cred.password) if cred.password else "(empty)"
                result.attempts.append(CredentialAttempt(endpoint.protocol, endpoint.port, cred.user, shown, outcome))
                if outcome.accepted:
                    access = access or (endpoint, cred.user, cred.password)
                    break
        if access is None or not opts.collect_metadata:
            return
        endpoint, user, password = access
        try:
            result.metadata = await blocking(
                collect_metadata,
                address,
                endpoint.protocol,
                endpoint.port,
                user,
                password,
                timeout=opts.timeout,
                read_samples=opts.read_samples,
            )
        except asyncio.TimeoutError:
            result.errors.append(f"metadata of {endpoint.protocol}:{endpoint.port} took longer than {budget:g}s")
            result.partial = True
            return
        result.errors.extend(result.metadata.errors)
        if result.metadata.errors:  # a catalogue cut short (timeout, lost connection) is unknown, not empty
            result.partial = True


def scan_sync(targets: list[ScanTarget], options: ScanOptions, **callbacks: Callable[..., None]) -> ScanRun:
    """Run a scan from synchronous code (the CLI, the audit's port probe)."""
    scanner = Scanner(options, on_endpoint=callbacks.get("on_endpoint"), on_progress=callbacks.get("on_progress"))
    return asyncio.run(scanner.run(targets))


__all__ = ["SCHEMES", "Credential", "HostResult", "ScanOptions", "ScanRun", "Scanner", "scan_sync"]
