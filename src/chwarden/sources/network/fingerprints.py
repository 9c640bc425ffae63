"""Per-protocol identification of one open port: is it ClickHouse, which version, who gets in.

Each identifier speaks just enough of its protocol to decide, as the stranger a scan emulates:
no credentials except the user ``default`` with an empty password (what ClickHouse assumes when
none is given). ``IDENTIFIERS`` maps the expected protocol of a port to its identifier.
"""

from __future__ import annotations

import asyncio
import re
import ssl
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from chwarden.connect.base import AUTH_ERROR_CODES, short_error
from chwarden.connect.guard import check_statement
from chwarden.connect.querytag import next_query_id
from chwarden.model import Endpoint
from chwarden.sources.network import codecs
from chwarden.sources.network.wire import Net

MAX_LEAKED_TABLES = 200
_REPLICA_LINE = re.compile(r"^([^\s:]+)\.([^\s:]+):\s", re.MULTILINE)
_KEEPER_VERSION = re.compile(r"(?:version|zk_version)[:\s]+v?(\d+\.\d+(?:\.\d+)*)", re.IGNORECASE)
_MYSQL_VERSION = re.compile(r"^(\d+\.\d+\.\d+(?:\.\d+)?)")
FOUR_LETTER_WORDS = ("ruok", "srvr", "mntr")  # read-only words only; srst/crst would change state
H2_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + b"\x00\x00\x00\x04\x00\x00\x00\x00\x00"


@dataclass
class Found:
    """What one port revealed, filled step by step and frozen into an ``Endpoint`` at the end."""

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

    def note_error(self, code: int | None, status: int | None = None) -> None:
        self.clickhouse = True
        self.reveals["error_code"] = code
        refused = code in AUTH_ERROR_CODES or status == 401
        self.auth = "required" if refused else self.auth
        if code == 195:
            self.reveals["network_restricted"] = True


Identifier = Callable[[Net, str, int, str, bool], Awaitable[Found]]


# --------------------------------------------------------------------------- HTTP family


def _note_headers(reply: codecs.HttpReply, found: Found) -> list[str]:
    """ClickHouse's own response headers (the display name is the host's name by default)."""
    if "x-clickhouse-server-display-name" in reply.headers:
        found.reveals["display_name"] = reply.headers["x-clickhouse-server-display-name"]
    names = reply.clickhouse_headers()
    if names:
        found.reveals["clickhouse_headers"] = sorted(set(found.reveals.get("clickhouse_headers", [])) | set(names))
    return names


def _judge_query_answer(reply: codecs.HttpReply, found: Found) -> None:
    """``SELECT version()`` sent without credentials: the version, and whether strangers get in."""
    _note_headers(reply, found)
    text = reply.body.strip()
    if reply.status == 200 and codecs.VERSION_RE.match(text):
        found.clickhouse, found.version, found.auth = True, text, "none"
        return
    header_code = reply.headers.get("x-clickhouse-exception-code", "")
    code = codecs.error_code(text) or (int(header_code) if header_code.isdigit() else None)
    if code is None:
        return
    found.note_error(code, reply.status)
    found.version = found.version or codecs.error_version(text)
    if "Stack trace" in text or "e.what()" in text:
        found.reveals["stack_trace"] = True


async def _http_extras(net: Net, host: str, port: int, found: Found) -> None:
    """The web UIs and unauthenticated handlers a stranger can open on a ClickHouse HTTP port."""
    paths = ("/play", "/dashboard", "/replicas_status?verbose=1", "/metrics")
    answers = await asyncio.gather(*(net.http_get(host, port, p, tls=found.tls) for p in paths))
    play, dashboard, replicas, metrics = (reply for reply, _ in answers)
    for name, reply in (("play_ui", play), ("dashboard", dashboard)):
        if reply is not None and reply.status == 200 and "<html" in reply.body[:4000].lower():
            found.reveals[name] = True
    if replicas is not None and replicas.status in (200, 503):
        leaked = [f"{db}.{table}" for db, table in _REPLICA_LINE.findall(replicas.body)]
        if leaked:
            found.reveals["replicas_status_tables"] = list(dict.fromkeys(leaked))[:MAX_LEAKED_TABLES]
    if metrics is not None and metrics.status == 200 and "ClickHouse" in metrics.body:
        found.reveals["prometheus_metrics"] = True


async def identify_http(net: Net, host: str, port: int, kind: str, extras: bool) -> Found:
    found = Found(protocol=kind, tls=kind in ("https", "interserver_https"))
    root, info = await net.http_get(host, port, "/", tls=found.tls)
    found.reveals.update({k: v for k, v in info.items() if k in ("tls_version", "cipher")})
    if root is None:
        found.reveals["error"] = "no HTTP answer" + (" (silent)" if info.get("timed_out") else "")
        return found
    headers = _note_headers(root, found)
    says_ok = root.body.strip() == "Ok."
    if kind.startswith("interserver"):
        return await _interserver(net, host, port, found, says_ok, extras)
    query = quote(check_statement("SELECT version()"))
    query_id = next_query_id()  # chwarden's own query: its detections must know it
    tag = f"&query_id={quote(query_id)}" if query_id else ""
    answer, _ = await net.http_get(host, port, f"/?query={query}{tag}", tls=found.tls)
    if answer is not None:
        _judge_query_answer(answer, found)
    found.clickhouse = found.clickhouse or (says_ok and bool(headers))
    if found.clickhouse and extras:
        await _http_extras(net, host, port, found)
    return found


async def _interserver(net: Net, host: str, port: int, found: Found, says_ok: bool, extras: bool) -> Found:
    """The replica data-exchange port: common handlers on /, 'endpoint' errors elsewhere."""
    probe, _ = await net.http_get(host, port, "/?endpoint=", tls=found.tls)
    body = probe.body.lower() if probe is not None else ""
    # 20.x+ names the missing endpoint; 18.x's handler fails on its first parameter: "Not found: compress"
    found.clickhouse = says_ok and ("endpoint" in body or "not found: compress" in body)
    if found.clickhouse:
        found.reveals["interserver"] = True
        found.auth = "required" if probe is not None and probe.status == 401 else "none"
        if extras:
            await _http_extras(net, host, port, found)
    return found


async def identify_prometheus(net: Net, host: str, port: int, kind: str, extras: bool) -> Found:
    found = Found(protocol=kind)
    reply, _ = await net.http_get(host, port, "/metrics")
    if reply is None:
        found.reveals["error"] = "no HTTP answer"
        return found
    if reply.status == 200 and "ClickHouse" in reply.body:
        found.clickhouse, found.auth = True, "none"
        found.reveals["prometheus_metrics"] = True
        found.reveals["metric_lines"] = sum(1 for line in reply.body.splitlines() if line and line[0] != "#")
    return found


# --------------------------------------------------------------------------- native protocol


async def identify_native(net: Net, host: str, port: int, kind: str, extras: bool) -> Found:
    found = Found(protocol=kind, tls=kind == "native_tls")
    data, info = await net.exchange(host, port, codecs.native_hello(), tls=found.tls, complete=codecs.native_complete)
    found.reveals.update({k: v for k, v in info.items() if k in ("tls_version", "cipher")})
    reply = codecs.parse_native_reply(data)
    if reply is not None and reply.kind == "hello":
        found.clickhouse, found.version, found.auth = True, reply.version, "none"
        found.reveals.update({"server_name": reply.name, "revision": reply.revision, "timezone": reply.timezone})
        if reply.display_name:
            found.reveals["display_name"] = reply.display_name
        return found
    if reply is not None:
        found.note_error(reply.code)
        found.version = codecs.error_version(reply.message or "")
        if reply.stack_trace:
            found.reveals["stack_trace"] = True
            paths = list(dict.fromkeys(codecs.LIB_PATH_RE.findall(reply.stack_trace)))[:3]
            if paths:
                found.reveals["stack_trace_paths"] = paths
        return found
    if info.get("timed_out") and not data:
        found.reveals["error"] = "accepted the connection and never answered (silent)"
        return found
    if data:
        found.reveals["banner"] = data[:32].hex()
    # Not a native answer: the HTTP-on-native fingerprint needs no credentials at all.
    text, _ = await net.exchange(host, port, b"GET / HTTP/1.0\r\n\r\n", tls=found.tls)
    if b"is for clickhouse-client" in text:
        found.clickhouse = True
        found.reveals["http_on_native"] = short_error(text.decode("utf-8", "replace"), 120)
    return found


# --------------------------------------------------------------------------- MySQL / PostgreSQL wire


async def identify_mysql(net: Net, host: str, port: int, kind: str, extras: bool) -> Found:
    """The server speaks first; ClickHouse suffixes its version with ``-ClickHouse``."""
    found = Found(protocol=kind)
    script = [(b"", codecs.mysql_packet_complete), (codecs.mysql_login_packet(), codecs.mysql_packet_complete)]
    replies, info = await net.converse(host, port, script)
    greeting = codecs.parse_mysql_greeting(replies[0]) if replies else None
    if not greeting:
        found.reveals["error"] = "no MySQL greeting" + (" (silent)" if info.get("timed_out") else "")
        return found
    found.reveals["server_version"] = greeting
    found.clickhouse = "clickhouse" in greeting.lower()
    m = _MYSQL_VERSION.match(greeting)
    found.version = m.group(1) if m and found.clickhouse else None
    answer = codecs.parse_mysql_answer(replies[1]) if len(replies) > 1 else None
    if answer is not None:
        found.auth = {"ok": "none", "error": "required", "switch": "required"}.get(answer.kind, "unknown")
        if answer.kind == "error":
            found.reveals["error_code"] = answer.code
            found.reveals["error"] = answer.message
    return found


async def identify_postgresql(net: Net, host: str, port: int, kind: str, extras: bool) -> Found:
    """StartupMessage as ``default``: AuthenticationOk means open, a password request means closed."""
    found = Found(protocol=kind)
    data, info = await net.exchange(host, port, codecs.pg_startup(), complete=codecs.pg_complete)
    answer = codecs.parse_pg_messages(data)
    if answer is None:
        found.reveals["error"] = "no PostgreSQL answer" + (" (silent)" if info.get("timed_out") else "")
        return found
    version = answer.parameters.get("server_version", "")
    found.clickhouse = bool(re.match(r"^\d+\.\d+\.\d+\.\d+", version)) or "clickhouse" in (answer.error or "").lower()
    found.version = version or None
    if answer.auth == 0:
        found.auth = "none"
    elif answer.auth is not None or answer.error:
        found.auth = "required"
        found.reveals["auth_method"] = {3: "cleartext", 5: "md5", 10: "sasl"}.get(answer.auth or -1, answer.error)
    return found


# --------------------------------------------------------------------------- Keeper, gRPC, banners


async def identify_keeper(net: Net, host: str, port: int, kind: str, extras: bool) -> Found:
    """Four-letter words answered on the client port without authentication."""
    found = Found(protocol=kind, tls=kind == "keeper_tls")
    results = await asyncio.gather(
        *(net.exchange(host, port, w.encode(), tls=found.tls) for w in FOUR_LETTER_WORDS), return_exceptions=True
    )
    answered: dict[str, str] = {}
    for word, result in zip(FOUR_LETTER_WORDS, results, strict=True):
        if isinstance(result, tuple) and result[0]:
            answered[word] = result[0].decode("utf-8", "replace")[:400]
    if not answered:
        return found
    text = "\n".join(answered.values())
    found.clickhouse = "clickhouse" in text.lower()
    if answered.get("ruok", "").strip() == "imok" or "zk_version" in text or "version" in text.lower():
        found.auth = "none"
        found.reveals["four_letter_words"] = answered
        m = _KEEPER_VERSION.search(text)
        found.version = m.group(1) if m else None
    return found


async def identify_grpc(net: Net, host: str, port: int, kind: str, extras: bool) -> Found:
    found = Found(protocol=kind)
    data, _ = await net.exchange(host, port, H2_PREFACE, complete=lambda b: len(b) >= 9)
    if len(data) >= 9 and data[3] == 0x04:
        found.reveals["http2_plaintext"] = True
        found.reveals["note"] = "HTTP/2 (gRPC) without TLS; ClickHouse is not confirmed without credentials"
    return found


async def identify_banner(net: Net, host: str, port: int, kind: str, extras: bool) -> Found:
    """Services that speak first (SSH) or not at all (Keeper raft): record what they say."""
    found = Found(protocol=kind)
    data, _ = await net.exchange(host, port, b"", complete=lambda b: b"\n" in b, timeout=min(net.timeout, 1.0))
    if data:
        banner = data.split(b"\n", 1)[0].decode("utf-8", "replace").strip()[:120]
        found.reveals["banner"] = banner
        found.clickhouse = "clickhouse" in banner.lower()
    return found


async def identify_unknown(net: Net, host: str, port: int, kind: str, extras: bool) -> Found:
    """A non-standard port: HTTP first, then native."""
    http = await identify_http(net, host, port, "http", extras)
    if http.clickhouse or "error" not in http.reveals:
        return http
    return await identify_native(net, host, port, "native", extras)


IDENTIFIERS: dict[str, Identifier] = {
    "http": identify_http,
    "https": identify_http,
    "interserver": identify_http,
    "interserver_https": identify_http,
    "prometheus": identify_prometheus,
    "native": identify_native,
    "native_tls": identify_native,
    "mysql": identify_mysql,
    "postgresql": identify_postgresql,
    "keeper": identify_keeper,
    "keeper_tls": identify_keeper,
    "zookeeper": identify_keeper,
    "grpc": identify_grpc,
    "ssh": identify_banner,
    "keeper_raft": identify_banner,
    "unknown": identify_unknown,
}


async def identify(net: Net, host: str, port: int, kind: str, extras: bool = True) -> Found:
    """Identify one open port; network failures become an error reveal, never an exception."""
    try:
        return await IDENTIFIERS.get(kind, identify_unknown)(net, host, port, kind, extras)
    except (OSError, asyncio.TimeoutError, ssl.SSLError, ValueError) as exc:
        found = Found(protocol=kind, tls=kind.endswith(("https", "_tls")))
        found.reveals["error"] = short_error(f"{type(exc).__name__}: {exc}", 120)
        return found
