"""``--store-buffer``: the store's writes go through Buffer tables on an 18.16 server store.

A worker reads its own writes at once (a SELECT from a Buffer table reads what is still buffered),
the rows reach the real tables within the buffer's time limit, and a reader without the buffer
(a dashboard on another node) then sees them too.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from chwarden.store import StoreError, StoreSpec, open_store, store_spec, store_time
from chwarden.store import queries as q
from tests.harness.ch18 import ClickHouse18Server

pytestmark = pytest.mark.server


def test_buffered_store(ch18_factory: Callable[..., ClickHouse18Server]) -> None:
    server = ch18_factory()
    at = store_time()
    row = {"target": "db1", "user": "app", "address": "10.0.0.1", "first_seen": at, "last_seen": at, "events": 3}
    with open_store(StoreSpec(server.http_url, database="chwb", buffered=True)) as store:
        assert store.table("principal_addresses") == "`chwb`.`principal_addresses_buffer`"
        store.write("principal_addresses", [row])
        assert q.known_addresses(store, "db1") == {"app": {"10.0.0.1"}}  # read back before any flush
    engine = server.admin_query("SELECT engine FROM system.tables WHERE database = 'chwb' AND name = 'runs_buffer'")
    assert engine.strip() == "Buffer"
    deadline = time.monotonic() + 30  # the buffer's max_time is 10 s
    while server.admin_query("SELECT count() FROM chwb.principal_addresses").strip() != "1":
        assert time.monotonic() < deadline, "the buffer never reached the table"
        time.sleep(0.2)
    with open_store(StoreSpec(server.http_url, database="chwb")) as plain:
        assert q.known_addresses(plain, "db1") == {"app": {"10.0.0.1"}}
    with pytest.raises(StoreError, match="--store-buffer needs a server store"):
        store_spec("/tmp/somewhere", buffered=True)
