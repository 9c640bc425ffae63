"""What a port really speaks, asked only after a first request failed: the hint for a wrong URL scheme.

``https://`` to a plain HTTP port fails in the TLS handshake, ``clickhouse://`` to an HTTP port waits
for an answer that never comes, ``http://`` to a native port gets "Port 9000 is for
clickhouse-client program". One small, bounded probe (a plain ``GET /ping``, or a TLS handshake
without certificate checks) tells which protocol the port speaks, so the error can say which URL
to use instead of leaving the user with a handshake error. The probe sends no credentials and no
query; it runs only on the error path, within ``PROBE_TIMEOUT_S`` per connection (two at most).
"""

from __future__ import annotations

import socket
import ssl

PROBE_TIMEOUT_S = 0.5
_SCHEMES = {"http": "http", "https": "https", "native": "clickhouse", "native_tls": "clickhouses"}
_NAMES = {
    "http": "plain HTTP",
    "https": "HTTPS",
    "native": "ClickHouse's native protocol",
    "native_tls": "ClickHouse's native protocol over TLS",
}


def plain_answer(host: str, port: int, timeout: float = PROBE_TIMEOUT_S) -> str | None:
    """``http`` or ``native`` when the port answers a plain ``GET /ping`` as ClickHouse's HTTP or native port.

    ``silent`` when it says nothing in time (no TLS server stays silent after a plain request: it
    answers with an alert or closes, so a silent port is not probed for TLS).
    """
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.settimeout(timeout)
            sock.sendall(b"GET /ping HTTP/1.0\r\nHost: chwarden\r\n\r\n")
            head = sock.recv(512)
    except TimeoutError:
        return "silent"
    except OSError:
        return None
    if b"is for clickhouse-client" in head:
        return "native"  # ClickHouse's native port answers HTTP with this sentence
    return "http" if head.startswith(b"HTTP/1.") else None


def speaks_tls(host: str, port: int, timeout: float = PROBE_TIMEOUT_S) -> bool:
    """True when a TLS handshake (certificate not checked: this only asks *what* the port speaks) succeeds."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.settimeout(timeout)
            with context.wrap_socket(sock, server_hostname=host):
                return True
    except (OSError, ssl.SSLError):
        return False


def protocol_hint(host: str, port: int, asked: str, found: str | None) -> str | None:
    """``this port speaks plain HTTP: use http://host:port`` when ``found`` differs from ``asked``."""
    if found is None or found == asked:
        return None
    bracketed = f"[{host}]" if ":" in host else host
    return f"this port speaks {_NAMES[found]}: use {_SCHEMES[found]}://{bracketed}:{port}"


def what_it_speaks(host: str, port: int, asked: str) -> str | None:
    """The hint for a port that did not answer in the ``asked`` protocol (None when unknown)."""
    found = plain_answer(host, port)
    if found == "silent" or asked in ("https", "native_tls"):
        return protocol_hint(host, port, asked, None if found == "silent" else found)
    if found is None and speaks_tls(host, port):
        found = "https" if asked == "http" else "native_tls"
    return protocol_hint(host, port, asked, found)
