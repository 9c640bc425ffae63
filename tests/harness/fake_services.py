"""Loopback services that are not ClickHouse, for 'wrong endpoint' tests. Each runs in a daemon
thread inside a context manager and is shut down on exit (all waits bounded)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GARBAGE = b"\xff\xfe\x00SSH-2.0-not-clickhouse\r\n\x07\x07garbage\r\n"


class _WebPage(BaseHTTPRequestHandler):
    """An ordinary web server: answers every request with a small HTML page."""

    def _answer(self) -> None:
        body = b"<html><body>hello from a web server</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, format: str, *args: object) -> None:
        return


@contextmanager
def web_server(host: str, port: int) -> Iterator[str]:
    """A non-ClickHouse HTTP server; yields its base URL."""
    server = ThreadingHTTPServer((host, port), _WebPage)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def tcp_service(host: str, port: int, behaviour: str) -> Iterator[None]:
    """``garbage``: send junk bytes and close; ``silent``: accept and never answer."""
    if behaviour not in ("garbage", "silent"):
        raise ValueError(behaviour)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen(16)
    listener.settimeout(0.1)
    held: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            if behaviour == "garbage":
                try:
                    conn.sendall(GARBAGE)
                finally:
                    conn.close()
            else:
                held.append(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()
        for conn in held:
            conn.close()


class _Receiver(BaseHTTPRequestHandler):
    """Records the JSON body of every POST (an alert webhook)."""

    received: list[dict[str, object]]

    def do_POST(self) -> None:
        import json

        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(min(length, 1_000_000))
        self.received.append(json.loads(body or b"{}"))
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return


@contextmanager
def webhook_receiver(host: str, port: int = 0) -> Iterator[tuple[str, list[dict[str, object]]]]:
    """A local webhook endpoint; yields (url, the list that fills with received JSON bodies)."""
    received: list[dict[str, object]] = []
    handler = type("Receiver", (_Receiver,), {"received": received})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/hook", received
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
