"""Embedded engine transport (chdb): current ClickHouse in-process, no network.

chdb runs one engine per process and always logs in as `default`; a session is opened on a data
path, optionally with a server config file whose `<users_config>` defines users, roles and grants.
"""

from __future__ import annotations

import contextlib
import json
import re
from typing import Any

from chwarden.connect.base import (
    AuthenticationFailed,
    ChwardenConnectError,
    QueryFailed,
    QueryResult,
    Transport,
    parse_error_code,
    short_error,
)

_SELECT_RE = re.compile(r"^\s*(SELECT|WITH)\b", re.IGNORECASE)


def open_chdb_session(path: str, config_file: str | None = None, readonly: bool = False) -> Any:
    try:
        from chdb import session as chdb_session
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ChwardenConnectError("the embedded engine needs chdb: pip install 'chwarden[embedded]'") from exc
    args = []
    if config_file:
        args.append(f"config-file={config_file}")
    if readonly:
        args.append("mode=ro")
    conn = path + ("?" + "&".join(args) if args else "")
    try:
        return chdb_session.Session(conn)  # type: ignore[no-untyped-call]
    except Exception as exc:  # chdb raises RuntimeError subclasses with server codes
        code = parse_error_code(str(exc))
        if code == 516:
            raise AuthenticationFailed(short_error(str(exc)), code) from exc
        raise ChwardenConnectError(f"embedded engine failed to start: {short_error(str(exc))}") from exc


class EmbeddedTransport(Transport):
    protocol = "embedded"

    def __init__(self, path: str, config_file: str | None = None, session: Any = None) -> None:
        self.path = path
        self.config_file = config_file
        self._own_session = session is None
        # Audit sessions open the engine read-only (readonly=2) on top of the per-query guard.
        self._session = session if session is not None else open_chdb_session(path, config_file, readonly=True)

    def execute(self, sql: str, settings: dict[str, Any], timeout: float) -> QueryResult:
        statement = sql
        if settings and _SELECT_RE.match(sql) and not re.search(r"\bSETTINGS\b", sql, re.IGNORECASE):
            statement = f"{sql} SETTINGS " + ", ".join(f"{k} = {_literal(v)}" for k, v in settings.items())
        try:
            result = self._session.query(statement, "JSONCompact")
        except Exception as exc:
            raise QueryFailed(short_error(str(exc)), parse_error_code(str(exc))) from exc
        raw = result.bytes() if hasattr(result, "bytes") else bytes(result)
        if not raw.strip():
            return QueryResult(columns=[], rows=[])
        payload = json.loads(raw)
        meta = payload.get("meta", [])
        return QueryResult(
            columns=[m["name"] for m in meta],
            types=[m["type"] for m in meta],
            rows=[
                tuple(_convert(v, m["type"]) for v, m in zip(row, meta, strict=False))
                for row in payload.get("data", [])
            ],
        )

    def close(self) -> None:
        if self._own_session:
            with contextlib.suppress(Exception):  # closing must not mask the real error
                self._session.close()


def _literal(value: Any) -> str:
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def _convert(value: Any, type_name: str) -> Any:
    if isinstance(value, str) and value.lstrip("-").isdigit() and "Int" in type_name and "Array" not in type_name:
        return int(value)
    return value
