"""On 18.16 any user who may change settings hides a query from query_log with one HTTP parameter;
watch's log checks report who can (`log_queries_switchable`)."""

from __future__ import annotations

import secrets
import time
from pathlib import Path

import httpx
import pytest

from chwarden.store import StoreSpec, open_store
from tests.harness.ch18 import ClickHouse18Server
from tests.harness.watching import watch_once, write_config

pytestmark = pytest.mark.server


def test_log_queries_parameter_hides_a_query(ch18_open: ClickHouse18Server, tmp_path: Path) -> None:
    hidden, logged = f"hidden-{secrets.token_hex(4)}", f"logged-{secrets.token_hex(4)}"
    with httpx.Client(timeout=10) as client:
        assert (
            client.get(ch18_open.http_url, params={"query": f"SELECT '{hidden}'", "log_queries": "0"}).text.strip()
            == hidden
        )
        assert client.get(ch18_open.http_url, params={"query": f"SELECT '{logged}'"}).text.strip() == logged
    counts = f"SELECT countIf(position(query, '{hidden}') > 0), countIf(position(query, '{logged}') > 0) "
    counts += "FROM system.query_log WHERE position(query, 'countIf') = 0"
    deadline = time.monotonic() + 10
    while True:  # the finished query reaches the log queue just after its answer: flush until it is there
        ch18_open.admin_query("SYSTEM FLUSH LOGS")
        seen = ch18_open.admin_query(counts).split()
        if seen[1] == "2" or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert seen == ["0", "2"]  # the parameter kept the first query out of the log entirely
    config = write_config(tmp_path / "watch.yaml", [{"url": ch18_open.http_url, "probe": False, "log_lag": 0}])
    summary = watch_once(config, str(tmp_path / "store"), tmp_path, "--no-discover")
    store = open_store(StoreSpec(str(tmp_path / "store")))
    try:
        rows = store.select(
            f"SELECT resource, evidence FROM {store.table('findings')} WHERE check_id = 'log_queries_switchable'"
        )
    finally:
        store.close()
    assert summary["targets"][0]["status"] == "complete"
    assert rows and rows[0]["resource"] == "profile:default" and "default" in rows[0]["evidence"]
