"""HTTP(S) transport over httpcore, speaking JSONCompact, every request bounded in time and size.

Why not clickhouse-connect: its client runs `SELECT name, value, readonly FROM system.settings`
while connecting, and servers older than ~20.x have no `readonly` column (code 47), so it cannot
open a session to the 18.x servers that are most often left exposed. Plain HTTP with JSONCompact
works on every version from 18.x to 26.x and keeps full control of settings and limits.

Why httpcore rather than httpx's client: httpx's timeouts apply per socket operation, so a server
that sends a byte per second is never timed out. httpcore takes a network backend, and
``budget.DeadlineBackend`` bounds connect, TLS, headers and body by one deadline per request.

Statements go by POST with the settings in the URL. GET would make the server read-only by
itself (readonly=2), but on 18.16 it then refuses the stricter ``readonly=1`` chwarden asks for
("Setting 'readonly' cannot be overrided in readonly mode") and answers 400 to URLs over 16 KB
(measured: 15,078 bytes work, 16,578 do not), which long discover statements reach. POST is not
read-only by itself, so the connection reads back the lock the server applied before it sends
any statement (``GuardedConnection``), and sends nothing without one.
"""

from __future__ import annotations

import ssl
from typing import Any
from urllib.parse import urlencode

import httpcore

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
    server_message,
    short_error,
)
from chwarden.connect.budget import BudgetExceeded, Deadline, DeadlineBackend
from chwarden.connect.errors import (
    ChwardenConnectError,
    certificate_failure,
    certificate_problem,
    network_reason,
    no_answer,
    tls_mismatch,
)
from chwarden.connect.mismatch import what_it_speaks
from chwarden.connect.querytag import next_query_id
from chwarden.connect.resultcheck import MalformedAnswer, result_from_json

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
        max_response_bytes: int = MAX_RESPONSE_BYTES,
    ) -> None:
        self.protocol = "https" if secure else "http"
        self.tls = secure
        self.host, self.port = host, port
        scheme = "https" if secure else "http"
        bracketed = f"[{host}]" if ":" in host else host
        self.base_url = f"{scheme}://{bracketed}:{port}/"
        context: ssl.SSLContext | None = None
        if secure:
            context = ssl.create_default_context(cafile=ca_file) if verify else ssl.create_default_context()
            if not verify:
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
        self._connect_timeout = connect_timeout
        self.max_response_bytes = max_response_bytes
        self._deadline = Deadline()
        self._pool = httpcore.ConnectionPool(
            ssl_context=context, network_backend=DeadlineBackend(self._deadline), max_connections=1, retries=0
        )
        # Credentials travel in headers, never in the URL (URLs end up in proxy logs).
        self._headers = [("X-ClickHouse-User", user)]
        if password:
            self._headers.append(("X-ClickHouse-Key", password))
        self.last_headers: dict[str, str] = {}
        self._connected_once = False

    def request_budget(self, timeout: float) -> float:
        """Seconds one request may take: until the server has answered once, twice the connect timeout."""
        return timeout if self._connected_once else min(timeout, 2 * self._connect_timeout)

    def execute(self, sql: str, settings: dict[str, Any], timeout: float) -> QueryResult:
        """POST the statement; the lock and limits travel as URL parameters (see the module docstring)."""
        params = {k: str(v) for k, v in settings.items()}
        query_id = next_query_id()
        if query_id is not None:  # chwarden's own query: the URL parameter works on every version (18.16 measured)
            params["query_id"] = query_id
        query = urlencode(params)
        body = f"{sql}\nFORMAT JSONCompact".encode()
        return self._request("POST", f"{self.base_url}?{query}" if query else self.base_url, body, timeout)

    def _request(self, method: str, url: str, content: bytes | None, timeout: float) -> QueryResult:
        budget = self.request_budget(timeout)
        self._deadline.start(budget)
        try:
            status, headers, data = self._exchange(method, url, content)
        except BudgetExceeded as exc:
            if exc.kind == "size" and self._connected_once:
                raise QueryFailed(str(exc), code=396) from exc
            if exc.kind == "size":
                raise NotClickHouse(f"{exc} before any ClickHouse answer") from exc
            if not self._connected_once:
                raise no_answer(f"no complete HTTP answer within {budget:.1f}s", self._hint()) from exc
            raise QueryFailed(f"query timed out after {budget:.1f}s (no complete answer)", code=159) from exc
        except httpcore.ConnectTimeout as exc:
            # A TLS handshake to a plain HTTP port can stall (the server waits for the rest of a
            # "request") instead of failing: ask the port what it speaks before calling it unreachable.
            hint = self._hint() if self.tls and not self._connected_once else None
            if hint:
                raise NotClickHouse("no TLS handshake answer", hint) from exc
            raise Unreachable("connection timed out") from exc
        except httpcore.ConnectError as exc:
            if self._connected_once:
                raise ConnectionLost(f"server stopped answering ({network_reason(str(exc))})") from exc
            raise self._connect_failure(str(exc)) from exc
        except httpcore.TimeoutException as exc:
            if not self._connected_once:
                raise no_answer(f"no HTTP answer within {budget:.1f}s", self._hint()) from exc
            raise QueryFailed(f"query timed out after {budget:.1f}s", code=159) from exc
        except (httpcore.ProtocolError, httpcore.ReadError, httpcore.WriteError) as exc:
            if self._connected_once:
                raise ConnectionLost(f"connection lost ({network_reason(str(exc))})") from exc
            raise NotClickHouse(
                f"not an {self.protocol.upper()} ClickHouse endpoint ({network_reason(_reason(exc))})", self._hint()
            ) from exc
        except (httpcore.NetworkError, OSError) as exc:
            raise Unreachable(network_reason(str(exc))) from exc
        finally:
            self._deadline.stop()
        return self._interpret(status, headers, data)

    def _connect_failure(self, text: str) -> ChwardenConnectError:
        """A failed connect or TLS handshake as the error a user can act on."""
        if self.tls and tls_mismatch(text):
            return NotClickHouse("the port answered without TLS", self._hint())
        if self.tls and certificate_problem(text):
            return certificate_failure(text)
        return Unreachable(network_reason(text))

    def _hint(self) -> str | None:
        """Which scheme the port speaks, when it is not the one asked for (one bounded probe)."""
        return what_it_speaks(self.host, self.port, self.protocol)

    def _exchange(self, method: str, url: str, content: bytes | None) -> tuple[int, dict[str, str], bytearray]:
        """Send one request; read at most ``max_response_bytes`` of the answer."""
        with self._pool.stream(method, url, headers=self._headers, content=content) as response:
            headers = {k.decode("latin-1").lower(): v.decode("latin-1", "replace") for k, v in response.headers[:200]}
            data = bytearray()
            for chunk in response.iter_stream():
                data += chunk
                if len(data) > self.max_response_bytes:
                    raise BudgetExceeded("size", f"answer larger than {self.max_response_bytes} bytes")
            return response.status, headers, data

    def _interpret(self, status: int, headers: dict[str, str], data: bytearray) -> QueryResult:
        self.last_headers = headers
        head = bytes(data[:65536]).decode("utf-8", "replace")
        looks_clickhouse = any(k.startswith("x-clickhouse-") for k in headers) or _error_text(head)
        if status != 200:
            code = parse_error_code(head)
            if not looks_clickhouse:
                if "is for clickhouse-client" in head:  # ClickHouse's native port, asked over HTTP
                    raise NotClickHouse("the port answered HTTP with an error", self._hint())
                raise NotClickHouse(f"HTTP {status} without a ClickHouse answer")
            if code in AUTH_ERROR_CODES or status == 401:
                raise AuthenticationFailed(server_message(head), code)
            raise QueryFailed(short_error(head), code)
        try:
            result = result_from_json(data)
        except MalformedAnswer as exc:
            tail = bytes(data[-65536:]).decode("utf-8", "replace")
            code = parse_error_code(tail)
            if code is not None and "Code:" in tail:  # exception appended mid-stream
                raise QueryFailed(short_error(tail[tail.find("Code:") :]), code) from exc
            if not self._connected_once:
                raise NotClickHouse(f"answer is not ClickHouse JSON ({exc})") from exc
            raise QueryFailed(f"answer not understood: {exc}") from exc
        self._connected_once = True
        return result

    def close(self) -> None:
        self._pool.close()


def _error_text(text: str) -> bool:
    return "DB::Exception" in text or text.lstrip().startswith("Code:")


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:200]
