"""Wire formats a scanner needs, as pure functions: bytes in, facts out (no I/O here).

Native Hello/Exception, the MySQL greeting and handshake answer, the PostgreSQL startup
exchange and raw HTTP/1.1 answers. Each parser tolerates garbage (returns None) so that any
service on a ClickHouse port can be fed to it.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field

MAX_READ = 64 * 1024
CLIENT_REVISION = 54412  # asks for timezone, display name and patch in the server Hello
VERSION_RE = re.compile(r"^\d+\.\d+(?:\.\d+)*$")
ERROR_VERSION_RE = re.compile(r"\(version (\d+\.\d+(?:\.\d+)*)[^)]*")
LIB_PATH_RE = re.compile(r"(/[\w.+-]+(?:/[\w.+-]+)+\.so[\w.]*)")
_CODE_RE = re.compile(r"Code:\s*(\d+)")


# --------------------------------------------------------------------------- native protocol


class Incomplete(Exception):
    """More bytes are needed before the packet can be decoded."""


@dataclass
class _Reader:
    data: bytes
    pos: int = 0

    def varint(self) -> int:
        shift = result = 0
        while True:
            if self.pos >= len(self.data):
                raise Incomplete
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
            raise Incomplete
        text = self.data[self.pos : self.pos + size].decode("utf-8", "replace")
        self.pos += size
        return text

    def int32(self) -> int:
        if self.pos + 4 > len(self.data):
            raise Incomplete
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
    except (Incomplete, ValueError):
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


def native_complete(data: bytes) -> bool:
    """True once a whole packet (or something that can never become one) has arrived."""
    try:
        _parse_native(data)
    except Incomplete:
        return False
    except ValueError:
        return True
    return True


def error_code(text: str) -> int | None:
    m = _CODE_RE.search(text)
    return int(m.group(1)) if m else None


def error_version(text: str) -> str | None:
    """``(version 23.3.2.37 (official build))`` in an error body: the exact build, pre-auth."""
    m = ERROR_VERSION_RE.search(text)
    return m.group(1) if m else None


# --------------------------------------------------------------------------- MySQL wire


def parse_mysql_greeting(data: bytes) -> str | None:
    """Server version string of a MySQL protocol greeting (protocol 10), or None."""
    if len(data) < 6 or data[4] != 10:
        return None
    end = data.find(b"\x00", 5)
    if end < 0:
        return None
    return data[5:end].decode("utf-8", "replace")[:100]


def mysql_packet_complete(data: bytes) -> bool:
    return len(data) >= 4 and len(data) >= 4 + int.from_bytes(data[:3], "little")


_MYSQL_CAPABILITIES = 0x0200 | 0x8000 | 0x80000  # PROTOCOL_41 | SECURE_CONNECTION | PLUGIN_AUTH


def mysql_login_packet(user: str = "default", sequence: int = 1) -> bytes:
    """HandshakeResponse41 with an empty auth response: what a client sends for an empty password."""
    body = (
        struct.pack("<IIB", _MYSQL_CAPABILITIES, 16 * 1024 * 1024, 33)
        + b"\x00" * 23
        + user.encode()
        + b"\x00"
        + b"\x00"  # auth response length 0
        + b"mysql_native_password\x00"
    )
    return len(body).to_bytes(3, "little") + bytes([sequence]) + body


@dataclass
class MysqlAnswer:
    kind: str  # ok | error | switch | other
    code: int | None = None
    message: str = ""


def parse_mysql_answer(data: bytes) -> MysqlAnswer | None:
    """The server's answer to the handshake response: OK (0x00), ERR (0xff) or auth switch (0xfe)."""
    if not mysql_packet_complete(data):
        return None
    size = int.from_bytes(data[:3], "little")
    payload = data[4 : 4 + size]
    if not payload:
        return None
    head = payload[0]
    if head == 0x00:
        return MysqlAnswer("ok")
    if head == 0xFF and len(payload) >= 3:
        code = int.from_bytes(payload[1:3], "little")
        text = payload[3:]
        if text[:1] == b"#":
            text = text[6:]
        return MysqlAnswer("error", code, text.decode("utf-8", "replace")[:200])
    if head == 0xFE:
        return MysqlAnswer("switch")
    return MysqlAnswer("other")


# --------------------------------------------------------------------------- PostgreSQL wire


def pg_startup(user: str = "default", database: str = "default") -> bytes:
    """StartupMessage, protocol 3.0."""
    params = b"user\x00" + user.encode() + b"\x00database\x00" + database.encode() + b"\x00\x00"
    body = struct.pack(">i", 196608) + params
    return struct.pack(">i", len(body) + 4) + body


PG_TERMINATE = b"X\x00\x00\x00\x04"


@dataclass
class PgAnswer:
    auth: int | None = None  # 0 ok, 3 cleartext, 5 md5, 10 sasl
    error: str | None = None
    parameters: dict[str, str] = field(default_factory=dict)
    ready: bool = False


def parse_pg_messages(data: bytes) -> PgAnswer | None:
    """Messages after a StartupMessage; None when the bytes are not PostgreSQL protocol."""
    answer = PgAnswer()
    pos = 0
    while pos + 5 <= len(data):
        kind = data[pos : pos + 1]
        (size,) = struct.unpack_from(">i", data, pos + 1)
        if size < 4 or size > MAX_READ or kind not in b"RSEKZN":
            return None if pos == 0 else answer
        body = data[pos + 5 : pos + 1 + size]
        if len(body) < size - 4:
            break
        if kind == b"R" and len(body) >= 4:
            (answer.auth,) = struct.unpack_from(">i", body, 0)
        elif kind == b"S":
            name, _, rest = body.partition(b"\x00")
            answer.parameters[name.decode("utf-8", "replace")] = rest.split(b"\x00", 1)[0].decode("utf-8", "replace")
        elif kind == b"E":
            fields = [f for f in body.split(b"\x00") if f]
            answer.error = next((f[1:].decode("utf-8", "replace") for f in fields if f[:1] == b"M"), "error")[:200]
        elif kind == b"Z":
            answer.ready = True
        pos += 1 + size
    return answer if pos else None


def pg_complete(data: bytes) -> bool:
    answer = parse_pg_messages(data)
    if answer is None:
        return len(data) > 0
    return answer.ready or answer.error is not None or answer.auth not in (None, 0)


# --------------------------------------------------------------------------- HTTP/1.1


@dataclass
class HttpReply:
    status: int
    headers: dict[str, str]  # lower-case names
    body: str

    def clickhouse_headers(self) -> list[str]:
        return sorted(k for k in self.headers if k.startswith("x-clickhouse-"))


def http_request(path: str, host_header: str, user_agent: str) -> bytes:
    return (
        f"GET {path} HTTP/1.1\r\nHost: {host_header}\r\nUser-Agent: {user_agent}\r\n"
        "Accept: */*\r\nConnection: close\r\n\r\n"
    ).encode()


def _split_head(data: bytes) -> tuple[int, dict[str, str], bytes] | None:
    end = data.find(b"\r\n\r\n")
    if end < 0 or not data.startswith(b"HTTP/"):
        return None
    lines = data[:end].decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[1].isdigit():
        return None
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return int(parts[1]), headers, data[end + 4 :]


def _dechunk(body: bytes) -> tuple[bytes, bool]:
    """Decoded body and whether the terminating chunk was seen."""
    out = bytearray()
    pos = 0
    while True:
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            return bytes(out), False
        try:
            size = int(body[pos:eol].split(b";")[0].strip() or b"x", 16)
        except ValueError:
            return bytes(out), True
        if size == 0:
            return bytes(out), True
        start = eol + 2
        if start + size > len(body):
            out += body[start:]
            return bytes(out), False
        out += body[start : start + size]
        pos = start + size + 2


def http_complete(data: bytes) -> bool:
    """A whole answer arrived (by Content-Length or the last chunk), or it is not HTTP at all."""
    if len(data) >= 5 and not data.startswith(b"HTTP/"):
        return True
    head = _split_head(data)
    if head is None:
        return False
    _status, headers, body = head
    if "chunked" in headers.get("transfer-encoding", "").lower():
        return _dechunk(body)[1]
    length = headers.get("content-length")
    if length is not None and length.isdigit():
        return len(body) >= int(length)
    return False


def parse_http_reply(data: bytes) -> HttpReply | None:
    head = _split_head(data)
    if head is None:
        return None
    status, headers, body = head
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)[0]
    return HttpReply(status, headers, body.decode("utf-8", "replace"))
