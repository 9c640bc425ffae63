"""Native protocol transport (ports 9000/9440) over clickhouse-driver, bounded in time and size.

The driver's ``send_receive_timeout`` applies per socket read, so a server that trickles bytes is
never timed out, and it decodes whatever a server sends. Two hooks bound it:
* the socket the driver opens is wrapped in ``budget.BudgetSocket`` (one deadline per request for
  connect, handshake, query and answer; at most ``MAX_ANSWER_BYTES`` read per request);
* the number of values the driver decodes per request is capped by wrapping its column reader
  (``MAX_VALUES``), since one byte on the wire can become ~60 bytes of Python objects.
Both are driver internals (``Connection._create_socket``, ``streams.native.read_column``);
``tests/hostile`` fails if a driver release changes them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from typing import Any

from chwarden.connect.base import (
    AUTH_ERROR_CODES,
    AuthenticationFailed,
    ConnectionLost,
    NotClickHouse,
    QueryFailed,
    QueryResult,
    Transport,
    Unreachable,
    server_message,
    short_error,
)
from chwarden.connect.budget import BudgetExceeded, BudgetSocket, Deadline
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
from chwarden.connect.resultcheck import MAX_VALUES

MAX_ANSWER_BYTES = 32 * 1024 * 1024

# The driver logs a full traceback on every network failure; we report errors ourselves.
logging.getLogger("clickhouse_driver").setLevel(logging.CRITICAL)
# Importing the driver fills a Date lookup table for 1900-2299 unless this documented switch asks
# for a lazy one (filled as dates are decoded; same values): ~70 ms and ~40 MB saved on every
# native connection. Set before the driver's first (lazy) import; a user's own value wins.
os.environ.setdefault("CLICKHOUSE_DRIVER_LASY_DATE_LUT", "1")

_decoding = threading.local()  # values the current request may still decode (unset: no limit)


def _install_value_cap() -> None:
    """Wrap the driver's block column reader once: it checks each column's row count first."""
    from clickhouse_driver.streams import native as streams  # lazy: clickhouse-driver loads only for native targets

    original = streams.read_column
    if getattr(original, "chwarden_capped", False):
        return

    def read_column(context: Any, column_spec: str, n_items: int, buf: Any, *args: Any, **kwargs: Any) -> Any:
        remaining = getattr(_decoding, "remaining", None)
        if remaining is not None:
            if n_items > remaining:
                raise BudgetExceeded("size", f"answer with more than {MAX_VALUES} values")
            _decoding.remaining = remaining - n_items
        return original(context, column_spec, n_items, buf, *args, **kwargs)

    read_column.chwarden_capped = True  # type: ignore[attr-defined]
    streams.read_column = read_column


class NativeTransport(Transport):
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
        max_answer_bytes: int = MAX_ANSWER_BYTES,
    ) -> None:
        from clickhouse_driver import Client  # lazy: ~0.2 s to import, needed for native targets only

        _install_value_cap()
        self.protocol = "native_tls" if secure else "native"
        self.tls = secure
        self.address = f"{host}:{port}"
        self._host, self._port = host, port
        kwargs: dict[str, Any] = {}
        if ca_file:
            kwargs["ca_certs"] = ca_file
        self._client = Client(
            host,
            port,
            user=user,
            password=password,
            secure=secure,
            verify=verify,
            connect_timeout=connect_timeout,
            send_receive_timeout=30,
            client_name="chwarden",
            **kwargs,
        )
        self._connected_once = False
        self._connect_timeout = connect_timeout
        self._deadline = Deadline()
        self._max_answer_bytes = max_answer_bytes
        self._socket: BudgetSocket | None = None
        connection = self._client.connection
        open_socket = connection._create_socket

        def create_socket(host: str, port: int) -> Any:
            self._deadline.timeout(None)  # the deadline may already be over
            self._socket = BudgetSocket(open_socket(host, port), self._deadline, self._max_answer_bytes)
            return self._socket

        connection._create_socket = create_socket
        self.server_info: Any = None

    def request_budget(self, timeout: float) -> float:
        """Seconds one request may take: until the server has answered once, twice the connect timeout."""
        return timeout if self._connected_once else min(timeout, 2 * self._connect_timeout)

    def execute(self, sql: str, settings: dict[str, Any], timeout: float) -> QueryResult:
        from clickhouse_driver import errors  # lazy: see __init__

        budget = self.request_budget(timeout)
        self._deadline.start(budget)
        self._client.connection.connect_timeout = min(self._connect_timeout, budget)
        if self._socket is not None:
            self._socket.reset()
        _decoding.remaining = MAX_VALUES
        try:
            rows, columns = self._client.execute(
                sql, settings=settings, with_column_types=True, query_id=next_query_id()
            )
        except BudgetExceeded as exc:
            self._drop()
            if exc.kind == "size" and self._connected_once:
                raise QueryFailed(str(exc), code=396) from exc
            if exc.kind == "size":
                raise NotClickHouse(f"{exc} before any ClickHouse answer") from exc
            if not self._connected_once:
                raise no_answer(f"no native ClickHouse answer within {budget:.1f}s", self._hint()) from exc
            raise QueryFailed(f"query timed out after {budget:.1f}s (no complete answer)", code=159) from exc
        except errors.ServerException as exc:
            self._connected_once = True
            code = getattr(exc, "code", None)
            text = exc.message if hasattr(exc, "message") else str(exc)
            if code in AUTH_ERROR_CODES:
                raise AuthenticationFailed(server_message(text, code=code), code) from exc
            raise QueryFailed(short_error(text), code) from exc
        except (TimeoutError, errors.SocketTimeoutError) as exc:
            self._drop()
            if self._connected_once:
                raise QueryFailed(f"query timed out after {budget:.1f}s", code=159) from exc
            raise no_answer("no native ClickHouse answer (timed out)", self._hint()) from exc
        except errors.UnexpectedPacketFromServerError as exc:
            self._drop()
            raise NotClickHouse("not a native ClickHouse endpoint", self._hint()) from exc
        except (errors.NetworkError, EOFError, OSError) as exc:
            self._drop()
            text = short_error(str(exc))
            if self._connected_once:
                raise ConnectionLost(f"connection lost ({network_reason(text)})") from exc
            raise self._connect_failure(text) from exc
        except errors.Error as exc:
            self._drop()
            raise NotClickHouse(network_reason(short_error(str(exc))), self._hint()) from exc
        except (ValueError, TypeError, KeyError, IndexError, UnicodeError, OverflowError) as exc:
            # the driver could not decode what the server sent: not ClickHouse, or not any more
            self._drop()
            if self._connected_once:
                raise QueryFailed(f"answer not understood ({type(exc).__name__})") from exc
            raise NotClickHouse(f"not a native ClickHouse endpoint ({type(exc).__name__})", self._hint()) from exc
        finally:
            self._deadline.stop()
            _decoding.remaining = None
        self._connected_once = True
        if self.server_info is None and self._client.connection.server_info is not None:
            self.server_info = self._client.connection.server_info
        return QueryResult(
            columns=[str(c[0]) for c in columns],
            types=[str(c[1]) for c in columns],
            rows=[tuple(r) for r in rows],
        )

    def _connect_failure(self, text: str) -> ChwardenConnectError:
        """A failed connect or TLS handshake as the error a user can act on."""
        if self.tls and tls_mismatch(text):
            return NotClickHouse("the port answered without TLS", self._hint())
        if self.tls and certificate_problem(text):
            return certificate_failure(text)
        if "eof" in text.lower():  # the port took the connection and closed it before any Hello
            return NotClickHouse("the port closed the connection without a native Hello", self._hint())
        return Unreachable(network_reason(text))

    def _hint(self) -> str | None:
        """Which scheme the port speaks, when it is not the one asked for (one bounded probe)."""
        return what_it_speaks(self._host, self._port, self.protocol)

    def _drop(self) -> None:
        """After a broken exchange the socket is in an unknown state: the next request reconnects."""
        with contextlib.suppress(Exception):
            self._client.disconnect()

    def close(self) -> None:
        with contextlib.suppress(Exception):  # a dead socket must not mask the real error
            self._client.disconnect()
