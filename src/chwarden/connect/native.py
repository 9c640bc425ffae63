"""Native protocol transport (ports 9000/9440) over clickhouse-driver."""

from __future__ import annotations

import contextlib
import logging
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
    short_error,
)

# The driver logs a full traceback on every network failure; we report errors ourselves.
logging.getLogger("clickhouse_driver").setLevel(logging.CRITICAL)


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
    ) -> None:
        from clickhouse_driver import Client  # lazy: ~0.2 s to import, needed for native targets only

        self.protocol = "native_tls" if secure else "native"
        self.tls = secure
        self.address = f"{host}:{port}"
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
        self.server_info: Any = None

    def execute(self, sql: str, settings: dict[str, Any], timeout: float) -> QueryResult:
        from clickhouse_driver import errors  # lazy: see __init__

        # Until the server has answered once, a silent port must not cost a whole query timeout.
        self._client.connection.send_receive_timeout = timeout if self._connected_once else self._connect_timeout
        try:
            rows, columns = self._client.execute(sql, settings=settings, with_column_types=True)
        except errors.ServerException as exc:
            self._connected_once = True
            code = getattr(exc, "code", None)
            message = short_error(exc.message if hasattr(exc, "message") else str(exc))
            if code in AUTH_ERROR_CODES:
                raise AuthenticationFailed(message, code) from exc
            raise QueryFailed(message, code) from exc
        except errors.SocketTimeoutError as exc:
            if self._connected_once:
                raise QueryFailed(f"query timed out after {timeout:.0f}s", code=159) from exc
            raise NotClickHouse(f"{self.address}: no native ClickHouse answer (timed out)") from exc
        except errors.UnexpectedPacketFromServerError as exc:
            raise NotClickHouse(f"{self.address}: not a native ClickHouse endpoint") from exc
        except (errors.NetworkError, EOFError, OSError) as exc:
            text = short_error(str(exc))
            if self._connected_once:
                raise ConnectionLost(f"{self.address}: connection lost ({text})") from exc
            raise Unreachable(f"{self.address}: {text}") from exc
        except errors.Error as exc:
            raise NotClickHouse(f"{self.address}: {short_error(str(exc))}") from exc
        self._connected_once = True
        if self.server_info is None and self._client.connection.server_info is not None:
            self.server_info = self._client.connection.server_info
        return QueryResult(
            columns=[c[0] for c in columns],
            types=[c[1] for c in columns],
            rows=[tuple(r) for r in rows],
        )

    def close(self) -> None:
        with contextlib.suppress(Exception):  # a dead socket must not mask the real error
            self._client.disconnect()
