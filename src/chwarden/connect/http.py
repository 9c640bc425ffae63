"""HTTP(S) transport over httpx, speaking JSONCompact.

Why not clickhouse-connect: its client runs `SELECT name, value, readonly FROM system.settings`
while connecting, and servers older than ~20.x have no `readonly` column (code 47), so it cannot
open a session to the 18.x servers that are most often left exposed. Plain HTTP with JSONCompact
works on every version from 18.x to 26.x and keeps full control of settings and limits.
"""

from __future__ import annotations

import json
import ssl
from typing import Any

import httpx

from chwarden.connect.base import (
    AUTH_ERROR_CODES,
    AuthenticationFailed,
    ConnectionLost,
    NotClickHouse,
    QueryFailed,
    QueryResult,
    Transport,
    Unreachable,
    parse_error_code,
    short_error,
)
from chwarden.connect.querytag import next_query_id

MAX_RESPONSE_BYTES = 64 * 1024 * 1024


class HttpTransport(Transport):
    def __init__(
        self,
        host: str,
        port: int,
        *,
        secure: bool,
        user: str,
        password: str,
        verify: bool = True,
        connect_timeout: float = 5.0,
        ca_file: str | None = None,
    ) -> None:
        self.protocol = "https" if secure else "http"
        self.tls = secure
        scheme = "https" if secure else "http"
        bracketed = f"[{host}]" if ":" in host else host
        self.base_url = f"{scheme}://{bracketed}:{port}/"
        verify_arg: bool | ssl.SSLContext = verify
        if verify and ca_file:
            verify_arg = ssl.create_default_context(cafile=ca_file)
        self._connect_timeout = connect_timeout
        self._client = httpx.Client(verify=verify_arg, timeout=httpx.Timeout(30.0, connect=connect_timeout))
        # Credentials travel in headers, never in the URL (URLs end up in proxy logs).
        self._headers = {"X-ClickHouse-User": user}
        if password:
            self._headers["X-ClickHouse-Key"] = password
        self.last_headers: dict[str, str] = {}
        self._connected_once = False

    def execute(self, sql: str, settings: dict[str, Any], timeout: float) -> QueryResult:
        params = {k: str(v) for k, v in settings.items()}
        query_id = next_query_id()
        if query_id is not None:  # the URL parameter works on every version (18.16 measured)
            params["query_id"] = query_id
        body = f"{sql}\nFORMAT JSONCompact"
        # Until the server has answered once, a silent port must not cost a whole query timeout.
        read_timeout = timeout if self._connected_once else self._connect_timeout
        try:
            # GET is read-only on every ClickHouse version: a third lock for free.
            with self._client.stream(
                "GET",
                self.base_url,
                params={**params, "query": body},
                headers=self._headers,
                timeout=httpx.Timeout(read_timeout, connect=self._connect_timeout),
            ) as response:
                data = _read_bounded(response)
                self.last_headers = dict(response.headers)
        except httpx.ConnectTimeout as exc:
            raise Unreachable(f"{self.base_url}: connection timed out") from exc
        except httpx.ConnectError as exc:
            if self._connected_once:
                raise ConnectionLost(f"{self.base_url}: server stopped answering ({_reason(exc)})") from exc
            raise Unreachable(f"{self.base_url}: {_reason(exc)}") from exc
        except httpx.ReadTimeout as exc:
            if not self._connected_once:
                raise NotClickHouse(f"{self.base_url}: no HTTP answer within {read_timeout:.0f}s") from exc
            raise QueryFailed(f"query timed out after {timeout:.0f}s", code=159) from exc
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            if self._connected_once:
                raise ConnectionLost(f"{self.base_url}: connection lost ({_reason(exc)})") from exc
            raise NotClickHouse(f"{self.base_url}: not an HTTP ClickHouse endpoint ({_reason(exc)})") from exc
        except httpx.HTTPError as exc:
            raise Unreachable(f"{self.base_url}: {_reason(exc)}") from exc
        text = data.decode("utf-8", "replace")
        status = response.status_code
        looks_clickhouse = _looks_like_clickhouse(response.headers, text)
        if status != 200:
            code = parse_error_code(text)
            if not looks_clickhouse:
                raise NotClickHouse(f"{self.base_url}: HTTP {status} without a ClickHouse answer")
            if code in AUTH_ERROR_CODES or status == 401:
                raise AuthenticationFailed(short_error(text), code)
            raise QueryFailed(short_error(text), code)
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            code = parse_error_code(text)
            if code is not None:  # exception appended mid-stream
                raise QueryFailed(short_error(text[text.find("Code:") :]), code) from exc
            raise NotClickHouse(f"{self.base_url}: answer is not ClickHouse JSON") from exc
        if not isinstance(payload, dict) or "data" not in payload or "meta" not in payload:
            raise NotClickHouse(f"{self.base_url}: answer is not ClickHouse JSON")
        self._connected_once = True
        meta = payload["meta"]
        return QueryResult(
            columns=[m["name"] for m in meta],
            types=[m["type"] for m in meta],
            rows=[tuple(_convert(v, m["type"]) for v, m in zip(row, meta, strict=False)) for row in payload["data"]],
        )

    def close(self) -> None:
        self._client.close()


def _read_bounded(response: httpx.Response) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_RESPONSE_BYTES:
            raise QueryFailed(f"answer larger than {MAX_RESPONSE_BYTES} bytes", code=396)
        chunks.append(chunk)
    return b"".join(chunks)


def _looks_like_clickhouse(headers: httpx.Headers, text: str) -> bool:
    if any(k.lower().startswith("x-clickhouse-") for k in headers):
        return True
    return "DB::Exception" in text or text.lstrip().startswith("Code:")


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:200]


def _convert(value: Any, type_name: str) -> Any:
    """JSON quotes 64-bit integers; give callers the same Python types as the native driver."""
    if isinstance(value, str) and value.lstrip("-").isdigit():
        base = type_name.removeprefix("Nullable(").removeprefix("LowCardinality(")
        if base.startswith(("UInt", "Int")):
            return int(value)
    if isinstance(value, list) and type_name.startswith("Array(") and "Int" in type_name:
        return [int(v) if isinstance(v, str) and v.lstrip("-").isdigit() else v for v in value]
    return value
