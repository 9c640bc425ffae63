"""Many throw-away 18.16 servers at once (fleet tests and bench/bench_fleet.py), started in parallel.

Each is the OPEN variant on its own private loopback address (about 28 MB and a fraction of a
second each, measured in the testbed notes), optionally with a small table of log lines so that
discover has something to read.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tests.harness import configs
from tests.harness.ch18 import ClickHouse18Server, start_all, stop_all
from tests.harness.session import Ch18Env

APP_TABLE = "CREATE TABLE default.app_log (id UInt32, line String) ENGINE = MergeTree ORDER BY id"


def fill(server: ClickHouse18Server, rows: int) -> None:
    """A table of ``rows`` log lines, a few of them carrying an e-mail address."""
    server.admin_query(APP_TABLE)
    server.admin_query(
        "INSERT INTO default.app_log SELECT number, concat('GET /v1/items/', toString(number), ' 200', "
        "if(number % 500 = 0, concat(' mailed to user', toString(number), '@posteo.de'), '')) "
        f"FROM system.numbers LIMIT {int(rows)}"
    )


@contextmanager
def open_servers(env: Ch18Env, count: int, name: str = "fleet", rows: int = 0) -> Iterator[list[ClickHouse18Server]]:
    servers = [env.server(name, configs.OPEN) for _ in range(count)]
    start_all(servers)
    try:
        for server in servers:
            if rows:
                fill(server, rows)
        yield servers
    finally:
        stop_all(servers)
