"""discover --cluster, pure parts: reading Distributed definitions, merging shards per logical table."""

from __future__ import annotations

import pytest

from chwarden.connect import GuardedConnection, Target, parse_target
from chwarden.discover.cluster import (
    ClusterAnswerError,
    ClusterNotFound,
    ShardOutcome,
    _local_filter,
    _merge,
    discover_cluster,
    distributed_target,
    split_arguments,
)
from chwarden.discover.run import DiscoverOptions, DiscoverResult
from chwarden.model import SensitiveData


def test_distributed_definitions() -> None:
    macros = {"cluster": "prod", "db": "logs"}
    assert distributed_target("Distributed(chw, default, events_local)", {}) == ("chw", "default", "events_local")
    assert distributed_target("Distributed('{cluster}', '{db}', 'ev', cityHash64(id, 'a,b'))", macros) == (
        "prod",
        "logs",
        "ev",
    )
    assert distributed_target("Distributed(`c`, `d`, `t`, rand(), 'policy')", {}) == ("c", "d", "t")
    assert distributed_target("MergeTree ORDER BY id", {}) is None
    assert distributed_target("Distributed(only_cluster)", {}) is None
    assert split_arguments("a, f(b, c), 'x,y', [1, 2]") == ["a", "f(b, c)", "'x,y'", "[1, 2]"]


def _entry(table: str, matched: int, scanned: int, detector: str = "aws_access_key_id") -> SensitiveData:
    return SensitiveData(
        target="n",
        database="default",
        table=table,
        column="line",
        detector=detector,
        category="secret",
        rows_matched=matched,
        rows_scanned=scanned,
        sampled=False,
        examples=[f"AKIA…{matched}"],
    )


def test_merge_sums_shards_per_logical_table() -> None:
    logical = {("default", "events_local"): ("default", "events")}
    one = DiscoverResult(sensitive_data=[_entry("events_local", 0, 100, "email")], tables_scanned=1, rows_scanned=100)
    two = DiscoverResult(
        sensitive_data=[_entry("events_local", 7, 300), _entry("events_local", 2, 300, "email"), _entry("other", 1, 5)],
        tables_scanned=2,
        rows_scanned=305,
    )
    outcomes = [
        ShardOutcome(1, "a:8123", one),
        ShardOutcome(2, "b:8123", two),
        ShardOutcome(3, None, None, ["c:8123: refused"]),
    ]
    merged = _merge(outcomes, logical, "cluster chw")
    by_key = {(e.table, e.detector): e for e in merged.sensitive_data}
    assert set(by_key) == {("events", "aws_access_key_id"), ("events", "email"), ("other", "aws_access_key_id")}
    email = by_key[("events", "email")]
    assert (email.rows_matched, email.rows_scanned) == (2, 400)
    assert [(s.shard, s.table, s.rows_matched) for s in email.shards] == [
        (1, "events_local", 0),
        (2, "events_local", 2),
    ]
    assert [s.shard for s in by_key[("events", "aws_access_key_id")].shards] == [2]
    assert merged.tables_scanned == 3 and merged.rows_scanned == 405
    assert merged.partial and merged.errors == ["shard 3: c:8123: refused"]


def test_table_filter_names_the_local_table_on_shards() -> None:
    logical = {("default", "events_local"): ("default", "events")}
    local = _local_filter(DiscoverOptions(table="events"), logical)
    assert (local.database, local.table) == ("default", "events_local")
    assert _local_filter(DiscoverOptions(table="plain"), logical).table == "plain"


class _Answers:
    """A connection whose answers are given rows (a hostile or odd server)."""

    def __init__(self, rows: list[dict[str, object]]) -> None:
        self.rows = rows

    def query(self, sql: str, settings: object = None) -> _Answers:
        return self

    def dicts(self) -> list[dict[str, object]]:
        return self.rows


def test_a_cluster_layout_of_the_wrong_shape_is_one_error() -> None:
    first = parse_target("http://127.0.0.1:8123")
    odd = _Answers([{"cluster": "chw", "shard_num": "one", "replica_num": 1, "host_name": "x", "port": 9000}])
    with pytest.raises(ClusterAnswerError, match="not understood"):
        discover_cluster(odd, first, "chw", _refuse, DiscoverOptions())  # type: ignore[arg-type]
    with pytest.raises(ClusterNotFound, match="known: chw"):
        discover_cluster(_Answers([{**odd.rows[0], "shard_num": 1}]), first, "other", _refuse, DiscoverOptions())  # type: ignore[arg-type]


def _refuse(target: Target) -> GuardedConnection:
    raise AssertionError("no shard is opened before the layout is understood")
