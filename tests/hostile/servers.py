"""Hostile loopback servers: each accepts connections and misbehaves in one way, until stopped.

Every server runs in daemon threads inside a context manager; every loop checks the stop event
and has a bounded number of turns, so a server never outlives its test. Behaviours:

* ``slow_headers``: an HTTP status line, then one header byte every ``interval`` seconds;
* ``slow_body``: ClickHouse-looking headers, then one body byte every ``interval`` seconds;
* ``endless_body``: ClickHouse-looking headers, then a body that never ends, as fast as possible;
* ``garbage``: random bytes, then close;
* ``bad_json``: ClickHouse headers and bodies that are JSON but not ClickHouse's (``variant``);
* ``wrong_columns``: well-formed JSONCompact answers whose columns are not the ones asked for;
* ``silent``: accepts and never sends a byte (a native port that never says Hello);
* ``slow_hello``: a native-protocol Hello trickled one byte every ``interval`` seconds.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import socket
import socketserver
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

CH_HEADERS = (
    "X-ClickHouse-Server-Display-Name: hostile\r\n"
    "X-ClickHouse-Query-Id: 00000000-0000-0000-0000-000000000000\r\n"
    "Content-Type: application/json; charset=UTF-8\r\n"
)
MAX_TURNS = 100_000  # bytes or chunks one connection may be sent (bounds every loop)
MAX_SECONDS = 120.0  # no connection is served longer than this

BAD_JSON = {
    "not_json": b"this is not json at all {",
    "no_meta": json.dumps({"data": [[1]]}).encode(),
    "meta_not_list": json.dumps({"meta": "x", "data": []}).encode(),
    "meta_without_names": json.dumps({"meta": [{"type": "UInt8"}], "data": [[1]]}).encode(),
    "short_rows": json.dumps(
        {"meta": [{"name": "a", "type": "String"}, {"name": "b", "type": "String"}], "data": [["x"]]}
    ).encode(),
    "nested_bomb": b"[" * 100_000 + b"]" * 100_000,
    "many_values": b'{"meta":[{"name":"a","type":"UInt8"}],"data":[' + b"[1]," * 3_000_000 + b"[1]]}",
    "huge_integer": json.dumps({"meta": [{"name": "n", "type": "UInt64"}], "data": [["9" * 5000]]}).encode(),
}


def wrong_columns_body() -> bytes:
    """A JSONCompact answer any query gets: two columns of odd names and types."""
    return json.dumps(
        {
            "meta": [{"name": "zzz", "type": "UInt64"}, {"name": "value", "type": "Array(String)"}],
            "data": [["18446744073709551615", ["a", "b"]], ["1", None]],
            "rows": 2,
        }
    ).encode()


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], behaviour: Callable[[socket.socket, _Server], None]) -> None:
        self.behaviour = behaviour
        self.stopping = threading.Event()
        self.connections = 0
        self.interval = 0.3
        self.variant = "not_json"
        super().__init__(address, _Handler)


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        self.server.connections += 1
        self.request.settimeout(5.0)
        try:
            self.server.behaviour(self.request, self.server)
        except OSError:
            return


def _read_request(sock: socket.socket) -> bytes:
    """Read an HTTP request head (and a short body), bounded in size; b"" if the peer sends none."""
    data = b""
    while b"\r\n\r\n" not in data and len(data) < 1_000_000:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def _trickle(sock: socket.socket, server: _Server, payload: bytes) -> None:
    for turn in range(min(MAX_TURNS, int(MAX_SECONDS / server.interval))):
        if server.stopping.wait(server.interval):
            return
        sock.sendall(payload[turn % len(payload) : turn % len(payload) + 1])


def slow_headers(sock: socket.socket, server: _Server) -> None:
    _read_request(sock)
    sock.sendall(b"HTTP/1.1 200 OK\r\n")
    _trickle(sock, server, b"X-ClickHouse-Server-Display-Name: " + b"a" * 60)


def slow_body(sock: socket.socket, server: _Server) -> None:
    _read_request(sock)
    sock.sendall(f"HTTP/1.1 200 OK\r\n{CH_HEADERS}Content-Length: 100000000\r\n\r\n".encode())
    _trickle(sock, server, b'{"meta": [], "data": [')


def endless_body(sock: socket.socket, server: _Server) -> None:
    _read_request(sock)
    sock.sendall(f"HTTP/1.1 200 OK\r\n{CH_HEADERS}Connection: close\r\n\r\n".encode())
    chunk = b'{"meta":[{"name":"x","type":"String"}],"data":[' + b'["' + b"A" * 65000 + b'"],'
    for _ in range(MAX_TURNS):
        if server.stopping.is_set():
            return
        sock.sendall(chunk)


def garbage(sock: socket.socket, server: _Server) -> None:
    sock.sendall(random.Random(7).randbytes(4096))


def bad_json(sock: socket.socket, server: _Server) -> None:
    _answer_each(sock, server, lambda: BAD_JSON[server.variant])


def wrong_columns(sock: socket.socket, server: _Server) -> None:
    _answer_each(sock, server, wrong_columns_body)


def _answer_each(sock: socket.socket, server: _Server, body: Callable[[], bytes]) -> None:
    """Answer every request on a keep-alive connection with a 200 and ``body()``."""
    for _ in range(1000):
        if server.stopping.is_set() or not _read_request(sock):
            return
        payload = body()
        sock.sendall(f"HTTP/1.1 200 OK\r\n{CH_HEADERS}Content-Length: {len(payload)}\r\n\r\n".encode() + payload)


def silent(sock: socket.socket, server: _Server) -> None:
    server.stopping.wait(MAX_SECONDS)


def slow_hello(sock: socket.socket, server: _Server) -> None:
    # a native Hello packet (0x00, name, version...), one byte at a time
    _trickle(sock, server, b"\x00\x0aClickHouse\x12\x10\xac\xa8\x03\x03UTC\x07hostile")


BEHAVIOURS: dict[str, Callable[[socket.socket, _Server], None]] = {
    "slow_headers": slow_headers,
    "slow_body": slow_body,
    "endless_body": endless_body,
    "garbage": garbage,
    "bad_json": bad_json,
    "wrong_columns": wrong_columns,
    "silent": silent,
    "slow_hello": slow_hello,
}


@contextmanager
def hostile_server(
    host: str, port: int, behaviour: str, *, interval: float = 0.3, variant: str = "not_json"
) -> Iterator[_Server]:
    """Serve ``behaviour`` on host:port until the block ends (all threads told to stop)."""
    server = _Server((host, port), BEHAVIOURS[behaviour])
    server.interval = interval
    server.variant = variant
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class FreezingProxy:
    """A TCP proxy in front of a real server that SIGSTOPs the server on the ``freeze_at``-th request.

    The proxied server is then frozen mid-query, as a stopped process would be: the kernel still
    accepts connections, nothing answers. ``thaw()`` sends SIGCONT (the test stops the server).
    """

    def __init__(self, listen: tuple[str, int], upstream: tuple[str, int], server_pid: int, freeze_at: int) -> None:
        self.upstream = upstream
        self.server_pid = server_pid
        self.freeze_at = freeze_at
        self.requests = 0
        self.frozen = threading.Event()
        self._lock = threading.Lock()
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                proxy._pipe(self.request)

        self._server = socketserver.ThreadingTCPServer(listen, Handler, bind_and_activate=False)
        self._server.daemon_threads = True
        self._server.allow_reuse_address = True
        self._server.server_bind()
        self._server.server_activate()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> FreezingProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.thaw()
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def thaw(self) -> None:
        if self.frozen.is_set():
            os.kill(self.server_pid, signal.SIGCONT)

    def _count(self, data: bytes) -> None:
        with self._lock:
            self.requests += data.count(b" HTTP/1.1\r\n")
            if self.requests >= self.freeze_at and not self.frozen.is_set():
                os.kill(self.server_pid, signal.SIGSTOP)  # frozen with this request in flight
                self.frozen.set()

    def _pipe(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(self.upstream, timeout=5)
        except OSError:
            return
        peers = {client: upstream, upstream: client}
        with upstream:
            for _ in range(int(MAX_SECONDS / 0.2)):
                if self._stopping.is_set():
                    return
                ready, _, _ = select.select(list(peers), [], [], 0.2)
                for source in ready:
                    try:
                        data = source.recv(65536)
                        if not data:
                            return
                        if source is client:
                            self._count(data)
                        peers[source].sendall(data)
                    except OSError:
                        return
