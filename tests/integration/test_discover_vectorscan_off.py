"""A current engine with Vectorscan turned off (``allow_hyperscan = 0`` in the user's profile).

Servers run that way where the CPU lacks the instructions Vectorscan needs, or where an admin
turned it off. ``discover`` must notice (the probe fails rather than ``system.functions`` saying
"present"), fall back to the RE2 query shape 18.x gets, and report the same exact counts.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from chwarden.clickhouse.sql import quote_string
from chwarden.connect.base import GuardedConnection
from chwarden.connect.embedded import EmbeddedTransport
from chwarden.connect.engine_worker import EngineWorker
from chwarden.discover import DiscoverOptions, discover_live, load_rules
from chwarden.discover.column_scan import has_vectorscan
from chwarden.discover.run import DiscoverResult
from tests.harness.chdb_env import write_chdb_config

pytestmark = pytest.mark.embedded

USERS = (
    "<profiles><default>{settings}</default></profiles><quotas><default/></quotas><users><default>"
    "<password></password><networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota>"
    "</default></users>"
)
FILLER = "user asked about the refund, agent replied with the usual steps"


def _seed(path: Path) -> int:
    """Every value detector's example once (plus a filler row per example), in one table."""
    examples = [d.example for d in load_rules().detectors if d.scope == "value"]
    writer = EngineWorker(str(path), readonly=False)
    try:
        writer.query("CREATE DATABASE app", "TabSeparated", 60)
        table = "CREATE TABLE app.events (id UInt32, body String) ENGINE = MergeTree ORDER BY id"
        writer.query(table, "TabSeparated", 60)
        texts = [text for example in examples for text in (example, FILLER)]
        values = ", ".join(f"({i}, {quote_string(text)})" for i, text in enumerate(texts))
        writer.query(f"INSERT INTO app.events VALUES {values}", "TabSeparated", 60)
    finally:
        writer.close()
    return len(examples)


def _scan(data: Path, config: Path) -> tuple[bool, DiscoverResult]:
    with GuardedConnection(EmbeddedTransport(str(data), str(config)), description="chdb") as conn:
        return has_vectorscan(conn), discover_live(conn, "chdb", DiscoverOptions(database="app", full=True))


def _counts(result: DiscoverResult) -> dict[str, int]:
    return {e.detector: e.rows_matched for e in result.sensitive_data if e.category != "hint"}


def test_vectorscan_turned_off_falls_back_to_re2_with_the_same_counts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    examples = _seed(data)
    off_config = write_chdb_config(tmp_path / "off.xml", USERS.format(settings="<allow_hyperscan>0</allow_hyperscan>"))
    on_config = write_chdb_config(tmp_path / "on.xml", USERS.format(settings=""))

    off_probe, off = _scan(data, off_config)
    on_probe, on = _scan(data, on_config)

    assert (off_probe, on_probe) == (False, True)
    assert any("no Vectorscan" in n for n in off.notes) and not any("no Vectorscan" in n for n in on.notes)
    assert not off.errors and not on.errors
    assert off.rows_scanned == on.rows_scanned == 2 * examples
    # each example one row; a twin (``reports_as``) counts with the detector it names
    value = [d for d in load_rules().detectors if d.scope == "value" and d.reported]
    every_example_once = dict(Counter(d.reported_id for d in value))
    assert _counts(off) == _counts(on) == every_example_once
