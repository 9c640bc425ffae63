"""The guard corpus's refused statements, sent past the guard, write nothing and call nowhere.

Each refused statement of ``tests/unit/guard_corpus.py`` goes straight to a transport (no
``GuardedConnection``, so no client-side guard) with the server-side settings chwarden sends:
* chdb, through the embedded transport on a read-write engine (so only the per-query settings and
  the transport's one-statement rule hold, not the read-only engine mode audits also use);
* Debian's 18.16 server, over HTTP and over the native protocol.
Then: the victim table and the databases, tables and users are unchanged, no file appeared
where an INTO OUTFILE or file() pointed, and a loopback listener named in every url(), remote(),
s3(), mysql()... saw no connection at all.

On chdb the per-query settings alone would not do: ClickHouse 26.9 under readonly=1 still runs
every statement of a multi-statement text but the last without them, writes INTO OUTFILE files,
creates sqlite() files and fetches the URL of ``DESCRIBE TABLE url(...)`` (measured). The embedded
transport therefore checks each statement with the engine's own parser first (``EXPLAIN AST``),
and that check is part of what is proven here.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from chwarden.connect.base import ChwardenConnectError, QueryFailed, Transport
from chwarden.connect.embedded import EmbeddedTransport
from chwarden.connect.engine_worker import EngineWorker
from chwarden.connect.guard import limits_settings
from chwarden.connect.http import HttpTransport
from chwarden.connect.native import NativeTransport
from tests.harness.ch18 import ClickHouse18Server
from tests.harness.session import Ch18Env
from tests.unit.guard_corpus import REFUSED

SETUP = [
    "CREATE DATABASE victim",
    "CREATE TABLE victim.t (x UInt8) ENGINE = TinyLog",
    "INSERT INTO victim.t VALUES (1), (2), (3)",
]
STATE = [
    "SELECT name FROM system.databases ORDER BY name",
    "SELECT database, name, engine FROM system.tables WHERE database NOT IN ('system') ORDER BY database, name",
    "SELECT count(), sum(x) FROM victim.t",
]


class Listener:
    """Counts every connection made to it (and answers an empty HTTP 200 so no caller waits)."""

    def __init__(self, host: str) -> None:
        self.sock = socket.create_server((host, 0))
        self.sock.settimeout(0.2)
        self.address = f"{host}:{self.sock.getsockname()[1]}"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            with conn:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

    def __enter__(self) -> Listener:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()


def refused_statements(listener: Listener, out: Path) -> list[str]:
    return [sql.replace("{L}", listener.address).replace("{D}", str(out)) for sql, _ in REFUSED if sql.strip(" ;")]


def send_all(transport: Transport, statements: list[str], listener: Listener) -> tuple[dict[str, str], list[str]]:
    """Every statement with chwarden's server-side settings: the answers, and those that called out."""
    answers: dict[str, str] = {}
    called_out: list[str] = []
    for sql in statements:
        seen = listener.connections
        try:
            transport.execute(sql, limits_settings(), 10.0)
            answers[sql] = "answered"
        except (QueryFailed, ChwardenConnectError) as exc:
            answers[sql] = str(exc)[:200]
        if listener.connections > seen:  # counted before the listener answers, so before the engine returns
            called_out.append(sql)
    return answers, called_out


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


@contextmanager
def listening(ch18_env: Ch18Env, tmp_path: Path) -> Iterator[tuple[Listener, Path]]:
    out = tmp_path / "out"
    out.mkdir()
    with Listener(ch18_env.next_host()) as listener:
        yield listener, out


@pytest.mark.embedded
def test_refused_statements_do_nothing_on_chdb(ch18_env: Ch18Env, tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    setup = EngineWorker(data, readonly=False)
    try:
        for sql in SETUP:
            setup.query(sql, "TSV", 60)
        before = [setup.query(sql, "TSV", 60) for sql in STATE]
    finally:
        setup.close()
    with listening(ch18_env, tmp_path) as (listener, out):
        transport = EmbeddedTransport(data, read_only_engine=False)
        try:
            answers, called_out = send_all(transport, refused_statements(listener, out), listener)
        finally:
            transport.close()
        assert called_out == [] and listener.connections == 0, called_out
    check = EngineWorker(data, readonly=False)
    try:
        assert [check.query(sql, "TSV", 60) for sql in STATE] == before
    finally:
        check.close()
    assert files_under(out) == set()
    assert len(answers) >= 150
    # the writes are refused by the engine's check itself, not by a syntax accident
    assert "not a read (InsertQuery)" in answers["INSERT INTO victim.t VALUES (99)"]


@pytest.mark.parametrize("protocol", ["http", "native"])
def test_refused_statements_do_nothing_on_18_16(
    ch18_env: Ch18Env, ch18_factory: Callable[..., ClickHouse18Server], tmp_path: Path, protocol: str
) -> None:
    server = ch18_factory()
    for sql in SETUP:
        server.admin_query(sql)
    before = [server.admin_query(sql) for sql in STATE]
    server_files = files_under(server.root / "data")
    transport: Any
    if protocol == "http":
        transport = HttpTransport(server.host, 8123, secure=False, user="default", password="")
    else:
        transport = NativeTransport(server.host, 9000, secure=False, user="default", password="")
    with listening(ch18_env, tmp_path) as (listener, out):
        try:
            answers, called_out = send_all(transport, refused_statements(listener, out), listener)
        finally:
            transport.close()
        assert called_out == [] and listener.connections == 0, called_out
    assert server.running
    assert [server.admin_query(sql) for sql in STATE] == before
    assert files_under(out) == set()
    new_files = files_under(server.root / "data") - server_files
    assert not [p for p in new_files if "user_files" in p.parts or p.suffix in (".tsv", ".csv", ".zip", ".db")]
    # every write the settings stop is refused by the server itself, not by a syntax accident
    assert "readonly" in answers["INSERT INTO victim.t VALUES (99)"].lower()
    assert "readonly" in answers["SELECT * FROM remote('" + listener.address + "', system.one)"].lower()
