"""Network probe of one host: which ClickHouse ports answer, what they reveal, who gets in.

Unauthenticated by design: the only credential ever tried is what a stranger tries first, the
user `default` with an empty password. Every step is bounded: one TCP connect per port with a
short timeout, no retries, a few worker threads and an overall deadline.
"""

from __future__ import annotations

import re
import socket
import ssl
import struct
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

import httpx

from chwarden.connect.base import (
    AUTH_ERROR_CODES,
    ChwardenConnectError,
    QueryFailed,
    parse_error_code,
    short_error,
)
from chwarden.connect.guard import check_statement
from chwarden.facts import AnonymousLogin
from chwarden.model import Endpoint

DEFAULT_PORTS: dict[int, str] = {
    8123: "http",
    8443: "https",
    9000: "native",
    9440: "native_tls",
    9004: "mysql",
    9005: "postgresql",
    9009: "interserver",
    9010: "interserver_https",
    9100: "grpc",
    9363: "prometheus",
    9181: "keeper",
}
MAX_READ = 64 * 1024
WORKERS = 4
CLIENT_REVISION = 54412  # asks for timezone, display name and patch in the server Hello
_VERSION_RE = re.compile(r"^\d+\.\d+(?:\.\d+)*$")
_LIB_PATH_RE = re.compile(r"(/[\w.+-]+(?:/[\w.+-]+)+\.so[\w.]*)")


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


# --------------------------------------------------------------------------- raw socket helpers


def _open(host: str, port: int, timeout: float, tls: bool) -> socket.socket:
    sock = socket.create_connection((host, port), timeout=timeout)
    sock.settimeout(timeout)
    if not tls:
        return sock
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # identification only: nothing is trusted from this channel
    try:
        return context.wrap_socket(sock, server_hostname=host if not _is_ip(host) else None)
    except (OSError, ssl.SSLError):
        sock.close()
        raise


def _is_ip(host: str) -> bool:
    try:
        socket.inet_pton(socket.AF_INET6 if ":" in host else socket.AF_INET, host)
    except OSError:
        return False
    return True


def _exchange(
    host: str,
    port: int,
    payload: bytes,
    timeout: float,
    tls: bool,
    complete: Callable[[bytes], bool] = lambda _b: False,
) -> tuple[bytes, dict[str, Any]]:
    """Send ``payload`` (may be empty), read until ``complete``, EOF, timeout or MAX_READ bytes."""
    data = b""
    info: dict[str, Any] = {}
    with _open(host, port, timeout, tls) as sock:
        if isinstance(sock, ssl.SSLSocket):
            info = {"tls_version": sock.version(), "cipher": (sock.cipher() or ("",))[0]}
        if payload:
            sock.sendall(payload)
        deadline = time.monotonic() + timeout
        while len(data) < MAX_READ and time.monotonic() < deadline:
            try:
                chunk = sock.recv(4096)
            except TimeoutError:
                break
            except OSError:
                break
            if not chunk:
                break
            data += chunk
            if complete(data):
                break
    return data, info


def _tcp_open(host: str, port: int, timeout: float) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


# --------------------------------------------------------------------------- native protocol


class _Incomplete(Exception):
    pass


@dataclass
class _Reader:
    data: bytes
    pos: int = 0

    def varint(self) -> int:
        shift = result = 0
        while True:
            if self.pos >= len(self.data):
                raise _Incomplete
            byte = self.data[self.pos]
            self.pos += 1
            result |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return result
            shift += 7
            if shift > 63:
                raise ValueError("varint too long")

    def string(self) -> str:
        size = self.varint()
        if size > MAX_READ:
            raise ValueError("string too long")
        if self.pos + size > len(self.data):
            raise _Incomplete
        text = self.data[self.pos : self.pos + size].decode("utf-8", "replace")
        self.pos += size
        return text

    def int32(self) -> int:
        if self.pos + 4 > len(self.data):
            raise _Incomplete
        (value,) = struct.unpack_from("<i", self.data, self.pos)
        self.pos += 4
        return int(value)


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _string(text: str) -> bytes:
    raw = text.encode()
    return _varint(len(raw)) + raw


def native_hello(user: str = "default", password: str = "") -> bytes:
    """Client Hello packet: the first thing a native client sends (the server speaks only after it)."""
    return (
        _varint(0)
        + _string("chwarden-probe")
        + _varint(1)
        + _varint(0)
        + _varint(CLIENT_REVISION)
        + _string("")
        + _string(user)
        + _string(password)
    )


@dataclass
class NativeReply:
    kind: str  # hello | exception
    name: str = ""
    version: str | None = None
    revision: int | None = None
    timezone: str | None = None
    display_name: str | None = None
    code: int | None = None
    message: str | None = None
    stack_trace: str = ""


def parse_native_reply(data: bytes) -> NativeReply | None:
    """Decode a server Hello or Exception packet; None if incomplete or not ClickHouse."""
    try:
        return _parse_native(data)
    except (_Incomplete, ValueError):
        return None


def _parse_native(data: bytes) -> NativeReply:
    r = _Reader(data)
    packet = r.varint()
    if packet == 0:
        name = r.string()
        major, minor, revision = r.varint(), r.varint(), r.varint()
        if not name or len(name) > 64:
            raise ValueError("not a ClickHouse Hello")
        reply = NativeReply(kind="hello", name=name, revision=revision, version=f"{major}.{minor}")
        effective = min(revision, CLIENT_REVISION)
        if effective >= 54058:
            reply.timezone = r.string()
        if effective >= 54372:
            reply.display_name = r.string()
        if effective >= 54401:
            reply.version = f"{major}.{minor}.{r.varint()}"
        return reply
    if packet == 2:
        code = r.int32()
        name = r.string()
        message = r.string()
        stack = r.string()
        if "Exception" not in name and "Exception" not in message:
            raise ValueError("not a ClickHouse exception")
        return NativeReply(kind="exception", name=name, code=code, message=message, stack_trace=stack)
    raise ValueError(f"unexpected packet {packet}")


def _native_complete(data: bytes) -> bool:
    try:
        _parse_native(data)
    except _Incomplete:
        return False
    except ValueError:
        return True
    return True


# --------------------------------------------------------------------------- identifiers


@dataclass
class _Found:
    protocol: str
    clickhouse: bool = False
    version: str | None = None
    auth: str = "unknown"
    tls: bool = False
    reveals: dict[str, Any] = field(default_factory=dict)

    def endpoint(self, host: str, port: int) -> Endpoint:
        return Endpoint(
            host=host,
            port=port,
            protocol=self.protocol,
            clickhouse=self.clickhouse,
            version=self.version,
            auth=self.auth,
            tls=self.tls,
            reveals=self.reveals,
        )


def _identify_native(host: str, port: int, timeout: float, protocol: str, tls: bool) -> _Found:
    found = _Found(protocol=protocol, tls=tls)
    data, info = _exchange(host, port, native_hello(), timeout, tls, _native_complete)
    found.reveals.update(info)
    reply = parse_native_reply(data)
    if reply is not None and reply.kind == "hello":
        found.clickhouse = True
        found.version = reply.version
        found.auth = "none"
        found.reveals.update(
            {"server_name": reply.name, "revision": reply.revision, "timezone": reply.timezone}
        )
        if reply.display_name:
            found.reveals["display_name"] = reply.display_name
        return found
    if reply is not None:
        found.clickhouse = True
        found.auth = "required" if reply.code in AUTH_ERROR_CODES else "unknown"
        found.reveals["error_code"] = reply.code
        if reply.stack_trace:
            found.reveals["stack_trace"] = True
            paths = list(dict.fromkeys(_LIB_PATH_RE.findall(reply.stack_trace)))[:3]
            if paths:
                found.reveals["stack_trace_paths"] = paths
        return found
    # Not a native answer: the HTTP-on-native fingerprint needs no credentials at all.
    text, _ = _exchange(host, port, b"GET / HTTP/1.0\r\n\r\n", timeout, tls)
    if b"is for clickhouse-client" in text:
        found.clickhouse = True
        found.reveals["http_on_native"] = short_error(text.decode("utf-8", "replace"), 120)
    return found


def _http_get(client: httpx.Client, url: str, params: dict[str, str] | None = None) -> httpx.Response | None:
    try:
        return client.get(url, params=params)
    except httpx.HTTPError:
        return None


def _identify_http(
    host: str, port: int, timeout: float, protocol: str, tls: bool, verify_tls: bool, path: str = "/"
) -> _Found:
    found = _Found(protocol=protocol, tls=tls)
    base = f"{'https' if tls else 'http'}://{_url_host(host)}:{port}"
    if tls:
        try:
            _, info = _exchange(host, port, b"", min(timeout, 1.0), True, lambda _b: True)
            found.reveals.update(info)
        except OSError:
            pass
    with httpx.Client(verify=verify_tls, timeout=timeout, follow_redirects=False) as client:
        root = _http_get(client, base + path)
        if root is None:
            found.reveals["error"] = "no HTTP answer"
            return found
        ch_headers = _note_headers(root, found)
        body = root.text[:2000]
        if protocol == "prometheus":
            found.clickhouse = "ClickHouse" in body
            found.auth = "none" if root.status_code == 200 else "unknown"
            return found
        found.clickhouse = body.strip() == "Ok." or bool(ch_headers)
        if protocol.startswith("interserver"):
            return found
        _query_version(client, base, found)
        replicas = _http_get(client, base + "/replicas_status")
        if replicas is not None and replicas.status_code == 200 and replicas.text.strip() not in ("", "Ok."):
            found.reveals["replicas_status"] = replicas.text.strip()[:200]
    return found


def _note_headers(response: httpx.Response, found: _Found) -> list[str]:
    """Record ClickHouse's own response headers (the display name is the host's name by default)."""
    headers = {k.lower(): v for k, v in response.headers.items()}
    if "x-clickhouse-server-display-name" in headers:
        found.reveals["display_name"] = headers["x-clickhouse-server-display-name"]
    ch_headers = sorted(k for k in headers if k.startswith("x-clickhouse-"))
    if ch_headers:
        found.reveals["clickhouse_headers"] = sorted(
            set(found.reveals.get("clickhouse_headers", [])) | set(ch_headers)
        )
    return ch_headers


def _query_version(client: httpx.Client, base: str, found: _Found) -> None:
    """`SELECT version()` with no credentials: the version, and whether strangers get in."""
    query = check_statement("SELECT version()")
    answer = _http_get(client, base + "/", {"query": query})
    if answer is None:
        return
    _note_headers(answer, found)
    text = answer.text.strip()
    if answer.status_code == 200 and _VERSION_RE.match(text):
        found.clickhouse, found.version, found.auth = True, text, "none"
        return
    code = parse_error_code(text)
    if code is not None:
        found.clickhouse = True
        found.auth = "required" if code in AUTH_ERROR_CODES or answer.status_code == 401 else "unknown"
        found.reveals["error_code"] = code


def _identify_mysql(host: str, port: int, timeout: float) -> _Found:
    """The MySQL server speaks first: a greeting with a version string ClickHouse suffixes."""
    found = _Found(protocol="mysql")
    data, _ = _exchange(host, port, b"", timeout, False, lambda b: len(b) >= 4 and len(b) >= 4 + b[0])
    greeting = parse_mysql_greeting(data)
    if greeting:
        found.reveals["server_version"] = greeting
        found.clickhouse = "clickhouse" in greeting.lower()
        m = re.match(r"^(\d+\.\d+\.\d+\.\d+)", greeting)
        found.version = m.group(1) if m else None
    return found


def parse_mysql_greeting(data: bytes) -> str | None:
    """Server version string of a MySQL protocol greeting (protocol 10), or None."""
    if len(data) < 6 or data[4] != 10:
        return None
    end = data.find(b"\x00", 5)
    if end < 0:
        return None
    return data[5:end].decode("utf-8", "replace")[:100]


def _identify_postgresql(host: str, port: int, timeout: float) -> _Found:
    found = _Found(protocol="postgresql")
    data, _ = _exchange(host, port, struct.pack(">ii", 8, 80877103), timeout, False, lambda b: len(b) >= 1)
    if data[:1] in (b"N", b"S"):
        found.reveals["ssl_supported"] = data[:1] == b"S"
    return found


def _identify_keeper(host: str, port: int, timeout: float) -> _Found:
    found = _Found(protocol="keeper")
    data, _ = _exchange(host, port, b"srvr", timeout, False)
    text = data.decode("utf-8", "replace")
    if text:
        found.clickhouse = "ClickHouse Keeper" in text
        found.auth = "none"
        m = re.search(r"version:\s*v?([\d.]+)", text)
        found.version = m.group(1) if m else None
        found.reveals["four_letter_words"] = True
    return found


def _identify(host: str, port: int, kind: str, timeout: float, verify_tls: bool) -> _Found:
    if kind in ("native", "native_tls"):
        return _identify_native(host, port, timeout, kind, kind == "native_tls")
    if kind in ("http", "https", "interserver", "interserver_https"):
        return _identify_http(host, port, timeout, kind, kind.endswith("https"), verify_tls)
    if kind == "prometheus":
        return _identify_http(host, port, timeout, kind, False, verify_tls, path="/metrics")
    if kind == "mysql":
        return _identify_mysql(host, port, timeout)
    if kind == "postgresql":
        return _identify_postgresql(host, port, timeout)
    if kind == "keeper":
        return _identify_keeper(host, port, timeout)
    if kind == "grpc":
        return _Found(protocol="grpc")
    http = _identify_http(host, port, timeout, "http", False, verify_tls)
    return http if http.clickhouse else _identify_native(host, port, timeout, "native", False)


def _probe_port(host: str, port: int, kind: str, timeout: float, verify_tls: bool) -> Endpoint | None:
    if not _tcp_open(host, port, timeout):
        return None
    try:
        found = _identify(host, port, kind, timeout, verify_tls)
    except (OSError, ssl.SSLError, httpx.HTTPError) as exc:
        found = _Found(
            protocol=kind, tls=kind.endswith(("https", "_tls")), reveals={"error": short_error(str(exc), 120)}
        )
    return found.endpoint(host, port)


def probe_endpoints(
    host: str,
    ports: Iterable[int] = DEFAULT_PORTS,
    timeout: float = 2.0,
    verify_tls: bool = False,
    *,
    deadline_s: float = 30.0,
) -> list[Endpoint]:
    """Open ClickHouse-related ports of ``host`` and what each reveals without credentials."""
    pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="chwarden-probe")
    futures: list[Future[Endpoint | None]] = [
        pool.submit(_probe_port, host, port, DEFAULT_PORTS.get(port, "unknown"), timeout, verify_tls)
        for port in dict.fromkeys(ports)
    ]
    done, _pending = wait(futures, timeout=deadline_s)
    pool.shutdown(wait=False, cancel_futures=True)
    endpoints = [f.result() for f in done if f.exception() is None and f.result() is not None]
    return sorted((e for e in endpoints if e is not None), key=lambda e: e.port)


# --------------------------------------------------------------------------- anonymous login


def _http_login(host: str, port: int, tls: bool, timeout: float) -> AnonymousLogin:
    protocol = "https" if tls else "http"
    url = f"{protocol}://{_url_host(host)}:{port}/"
    try:
        with httpx.Client(verify=False, timeout=timeout) as client:
            answer = client.get(url, params={"query": check_statement("SELECT 1")})
    except httpx.HTTPError as exc:
        return AnonymousLogin(protocol=protocol, port=port, accepted=False, detail=short_error(str(exc), 160))
    text = answer.text.strip()
    if answer.status_code == 200 and text == "1":
        return AnonymousLogin(
            protocol=protocol, port=port, accepted=True, detail="SELECT 1 answered without credentials"
        )
    code = parse_error_code(text)
    if code is None:
        return AnonymousLogin(
            protocol=protocol, port=port, accepted=False, detail=f"HTTP {answer.status_code}, not ClickHouse"
        )
    refused = code in AUTH_ERROR_CODES or answer.status_code == 401
    return AnonymousLogin(
        protocol=protocol, port=port, accepted=not refused, error_code=code, detail=short_error(text, 160)
    )


def _native_login(host: str, port: int, tls: bool, timeout: float) -> AnonymousLogin:
    from chwarden.connect.base import AuthenticationFailed
    from chwarden.connect.target import Credentials, Target, connect

    protocol = "native_tls" if tls else "native"
    target = Target(scheme="clickhouses" if tls else "clickhouse", host=host, port=port)
    try:
        with connect(
            target,
            Credentials("default", ""),
            verify_tls=False,
            connect_timeout=timeout,
            max_execution_time=max(1, int(timeout)),
        ) as conn:
            conn.query("SELECT 1")
    except AuthenticationFailed as exc:
        return AnonymousLogin(
            protocol=protocol, port=port, accepted=False, error_code=exc.code, detail=str(exc)[:160]
        )
    except QueryFailed as exc:  # logged in; the query itself was refused (quota, limits)
        return AnonymousLogin(
            protocol=protocol, port=port, accepted=True, error_code=exc.code, detail=str(exc)[:160]
        )
    except ChwardenConnectError as exc:
        return AnonymousLogin(protocol=protocol, port=port, accepted=False, detail=str(exc)[:160])
    return AnonymousLogin(
        protocol=protocol, port=port, accepted=True, detail="SELECT 1 answered for default/''"
    )


_LOGINS: dict[str, Callable[[str, int, float], AnonymousLogin]] = {
    "http": lambda h, p, t: _http_login(h, p, False, t),
    "https": lambda h, p, t: _http_login(h, p, True, t),
    "native": lambda h, p, t: _native_login(h, p, False, t),
    "native_tls": lambda h, p, t: _native_login(h, p, True, t),
}


def probe_anonymous(host: str, ports: dict[str, int], timeout: float = 3.0) -> list[AnonymousLogin]:
    """Try `default` with an empty password on each protocol -> port (http, https, native, native_tls)."""
    return [_LOGINS[protocol](host, port, timeout) for protocol, port in ports.items() if protocol in _LOGINS]
