"""Loopback subnets for test servers, safe when several pytest sessions run on one machine.

Each session takes one free ``127.a.b.0/24`` (a, b derived from the pid), holds an ``flock`` on a
per-subnet lock file for its lifetime (released by the kernel even if pytest is killed) and hands
out ``127.a.b.N`` addresses, one per server, all with ClickHouse's standard ports.
127.0.x.x is never used: a default instance may hold 127.0.0.1 and tests use 127.0.2.x as a client
source address.
"""

from __future__ import annotations

import fcntl
import os
import socket
import tempfile
from pathlib import Path
from typing import IO

STANDARD_PORTS = (8123, 9000, 8443, 9440, 9009)
LOCK_DIR = Path(tempfile.gettempdir()) / "chwarden-test-subnets"
MAX_HOST = 200  # .201-.254 stay free for "nothing listens here" addresses


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def _candidates(seed: int) -> list[tuple[int, int]]:
    """All (a, b) pairs with a in 1..254, starting at a pid-derived point."""
    pairs = [(a, b) for a in range(1, 255) for b in range(256)]
    start = seed % len(pairs)
    return pairs[start:] + pairs[:start]


class SubnetAllocator:
    """Owns one 127.a.b.0/24 for the session; ``next_host()`` gives the next unused address."""

    def __init__(self, seed: int | None = None) -> None:
        LOCK_DIR.mkdir(parents=True, exist_ok=True)
        seed = os.getpid() * 7919 if seed is None else seed
        self._lock_file: IO[str] | None = None
        for a, b in _candidates(seed)[:2000]:
            if self._try_take(a, b):
                self.prefix = f"127.{a}.{b}"
                break
        else:
            raise RuntimeError("no free 127.a.b.0/24 loopback subnet found for test servers")
        self._next = 1

    def _try_take(self, a: int, b: int) -> bool:
        handle = open(LOCK_DIR / f"127.{a}.{b}.lock", "a", encoding="ascii")  # noqa: SIM115 - held open
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        probes = (f"127.{a}.{b}.1", f"127.{a}.{b}.2", f"127.{a}.{b}.250")
        if not all(_port_free(host, port) for host in probes for port in STANDARD_PORTS):
            handle.close()
            return False
        self._lock_file = handle
        return True

    def next_host(self) -> str:
        """A fresh address; checks that nothing listens on its standard ports."""
        while self._next <= MAX_HOST:
            host = f"{self.prefix}.{self._next}"
            self._next += 1
            if all(_port_free(host, port) for port in STANDARD_PORTS):
                return host
        raise RuntimeError(f"all test addresses in {self.prefix}.0/24 are used")

    def unused_host(self) -> str:
        """An address of this subnet where nothing listens (for 'unreachable' tests)."""
        return f"{self.prefix}.250"

    def release(self) -> None:
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None
