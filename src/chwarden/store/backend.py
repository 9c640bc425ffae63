"""The store's own writer connection: the embedded engine in a worker, or a ClickHouse server over HTTP.

This is not the guarded read-only connection chwarden uses for targets and must never be: the
store is the one place chwarden writes to. The embedded store runs chdb read-write in its own
worker process (``EngineWorker``), so the engine never loads into chwarden's process; one worker
serves every thread behind a lock. The server store speaks HTTP(S) with POST (writes need it),
credentials in headers, TLS verified unless told otherwise.
"""

from __future__ import annotations

import json
import ssl
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from typing import Any

import httpx

from chwarden.connect.base import ChwardenConnectError, QueryFailed, parse_error_code, short_error
from chwarden.connect.engine_worker import EngineWorker

STORE_TIMEOUT = 120.0  # seconds per store statement
MAX_ANSWER_BYTES = 512 * 1024 * 1024


class StoreError(Exception):
    """The store could not be opened, migrated, written or read (exit code 2 or 3 at the CLI)."""


class StoreBackend(ABC):
    """Runs statements on the store's ClickHouse."""

    description: str = "store"

    @abstractmethod
    def _run(self, sql: str, data: bytes | None = None, fmt: str | None = None) -> bytes:
        """Run one statement (with inline ``data`` for an INSERT); ``fmt`` names the output format."""

    def execute(self, sql: str) -> None:
        self._run(sql)

    def select(self, sql: str) -> list[dict[str, Any]]:
        """Rows as dicts; 64-bit integers come back as ints (JSON quotes them)."""
        raw = self._run(sql, fmt="JSON")
        if not raw.strip():
            return []
        payload = json.loads(raw)
        kinds = {m["name"]: m["type"] for m in payload.get("meta", [])}
        return [{k: _convert(v, kinds.get(k, "")) for k, v in row.items()} for row in payload.get("data", [])]

    def insert(self, qualified_table: str, rows: Iterable[Mapping[str, Any]]) -> int:
        """Insert rows (dicts of column -> value) as JSONEachRow; returns the row count."""
        lines = [json.dumps(row, ensure_ascii=False, separators=(",", ":"), default=str) for row in rows]
        if not lines:
            return 0
        self._run(f"INSERT INTO {qualified_table} FORMAT JSONEachRow", "\n".join(lines).encode("utf-8"))
        return len(lines)

    def close(self) -> None:  # noqa: B027 - optional hook
        pass


def _convert(value: Any, type_name: str) -> Any:
    base = type_name.removeprefix("Nullable(")
    if isinstance(value, str) and base.startswith(("UInt", "Int")) and value.lstrip("-").isdigit():
        return int(value)
    return value


class EmbeddedBackend(StoreBackend):
    """chdb read-write in a worker process (the default store: a directory, zero setup)."""

    def __init__(self, path: str) -> None:
        self.description = f"embedded store {path}"
        self.path = path
        self._lock = threading.Lock()
        try:
            self._worker = EngineWorker(path, None, readonly=False)
        except ChwardenConnectError as exc:
            raise StoreError(f"cannot open the embedded store at {path}: {exc}") from exc

    def _run(self, sql: str, data: bytes | None = None, fmt: str | None = None) -> bytes:
        statement = sql if data is None else f"{sql}\n{data.decode('utf-8')}"
        with self._lock:
            try:
                return self._worker.query(statement, fmt or "TSV", STORE_TIMEOUT)
            except QueryFailed as exc:
                raise StoreError(f"{self.description}: {exc}") from exc
            except ChwardenConnectError as exc:
                raise StoreError(f"{self.description}: {exc}") from exc

    def close(self) -> None:
        self._worker.close()


class HttpBackend(StoreBackend):
    """A ClickHouse server (any version from 18.16) over HTTP(S)."""

    def __init__(
        self,
        url: str,
        *,
        user: str,
        password: str,
        verify_tls: bool = True,
        ca_file: str | None = None,
        timeout: float = STORE_TIMEOUT,
        settings: dict[str, str] | None = None,
    ) -> None:
        self.description = f"store {url}"
        self._settings = dict(settings or {})
        self.url = url.rstrip("/") + "/"
        verify: bool | ssl.SSLContext = verify_tls
        if verify_tls and ca_file:
            verify = ssl.create_default_context(cafile=ca_file)
        self._headers = {"X-ClickHouse-User": user}
        if password:
            self._headers["X-ClickHouse-Key"] = password
        self._client = httpx.Client(verify=verify, timeout=httpx.Timeout(timeout, connect=10.0))

    def _run(self, sql: str, data: bytes | None = None, fmt: str | None = None) -> bytes:
        text = f"{sql}\nFORMAT {fmt}" if fmt else sql
        body = text.encode("utf-8") if data is None else text.encode("utf-8") + b"\n" + data
        params = {**self._settings, **({"output_format_json_quote_64bit_integers": "0"} if fmt == "JSON" else {})}
        try:
            with self._client.stream("POST", self.url, content=body, headers=self._headers, params=params) as answer:
                chunks: list[bytes] = []
                size = 0
                for chunk in answer.iter_bytes():
                    size += len(chunk)
                    if size > MAX_ANSWER_BYTES:
                        raise StoreError(f"{self.description}: answer larger than {MAX_ANSWER_BYTES} bytes")
                    chunks.append(chunk)
                status = answer.status_code
        except httpx.HTTPError as exc:
            raise StoreError(f"{self.description}: {type(exc).__name__}: {str(exc)[:200]}") from exc
        raw = b"".join(chunks)
        if status != 200:
            text = raw.decode("utf-8", "replace")
            code = parse_error_code(text)
            raise StoreError(
                f"{self.description}: HTTP {status}" + (f" code {code}" if code else "") + f": {short_error(text)}"
            )
        return raw

    def close(self) -> None:
        self._client.close()
