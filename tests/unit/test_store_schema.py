"""The store's DDL: one server (MergeTree) and a cluster (Replicated + Distributed), 18.16 SQL only."""

from __future__ import annotations

import re

from chwarden.store.schema import (
    ADDED_COLUMNS,
    SCHEMA_VERSION,
    TABLE_BY_NAME,
    TABLES,
    Layout,
    create_statements,
    fresh_statements,
    migration_statements,
)

# SQL that 18.16 does not understand (measured: ADD COLUMN IF NOT EXISTS, LowCardinality without a
# setting, DateTime64, Map, table TTL) must never appear in the store's DDL.
NOT_IN_18_16 = re.compile(r"LowCardinality|DateTime64|Map\(|\bTTL\b|ADD COLUMN IF NOT EXISTS|JSON\b", re.IGNORECASE)


def test_single_server_tables() -> None:
    statements = migration_statements(1, Layout())
    # schema_migrations is created before any migration
    assert len(statements) == sum(1 for t in TABLES if t.since == 1) - 1
    assert [s for s in migration_statements(3, Layout()) if "`scan_results`" in s]  # added by migration 3
    for statement in statements:
        assert statement.startswith("CREATE TABLE IF NOT EXISTS `chwarden`.")
        assert not NOT_IN_18_16.search(statement), statement
    states = next(s for s in statements if "`finding_states`" in s)
    assert "ENGINE = ReplacingMergeTree(version)" in states and "ORDER BY (target, fingerprint)" in states


def test_cluster_layout_is_replicated_and_distributed() -> None:
    layout = Layout("chw", "fleet")
    table = next(t for t in TABLES if t.name == "findings")
    local, distributed = create_statements(table, layout)
    assert local.startswith("CREATE TABLE IF NOT EXISTS `chw`.`findings_local` ON CLUSTER `fleet`")
    assert "ReplicatedMergeTree('/clickhouse/tables/{shard}/chw/findings_local', '{replica}')" in local
    assert "ENGINE = Distributed(`fleet`, `chw`, `findings_local`, rand())" in distributed
    replacing = next(t for t in TABLES if t.version_column)
    local, _ = create_statements(replacing, layout)
    assert (
        f"ReplicatedReplacingMergeTree('/clickhouse/tables/{{shard}}/chw/{replacing.name}_local', "
        "'{replica}', version)" in local
    )


def test_schema_version_and_ordering() -> None:
    assert SCHEMA_VERSION >= 1
    names = [t.name for t in TABLES]
    assert len(names) == len(set(names))
    for table in TABLES:
        assert set(table.order_by) <= set(table.column_names), table.name


def test_every_migration_builds_the_current_tables() -> None:
    """Migration 1's tables plus every later step (new tables, added columns) give exactly TABLES."""
    columns: dict[str, list[str]] = {}
    for version in range(1, SCHEMA_VERSION + 1):
        for statement in migration_statements(version, Layout()):
            assert not NOT_IN_18_16.search(statement), statement
            created = re.match(r"CREATE TABLE IF NOT EXISTS `chwarden`\.`(\w+)` \((.*?)\) ENGINE", statement)
            added = re.match(r"ALTER TABLE `chwarden`\.`(\w+)` ADD COLUMN `(\w+)` ", statement)
            if created:
                columns[created[1]] = re.findall(r"`(\w+)` [A-Z]", created[2])
            else:
                assert added, statement
                columns[added[1]].append(added[2])
    expected = {t.name: list(t.column_names) for t in TABLES if t.name != "schema_migrations"}
    assert columns == expected
    fresh = {
        m[1]: re.findall(r"`(\w+)` [A-Z]", m[2])
        for statement in fresh_statements(Layout())
        if (m := re.match(r"CREATE TABLE IF NOT EXISTS `chwarden`\.`(\w+)` \((.*?)\) ENGINE", statement))
    }
    assert fresh == expected  # a new store starts where the migrations of an old one end


def test_added_columns_reach_both_tables_on_a_cluster() -> None:
    statements = migration_statements(2, Layout("chw", "fleet"))
    table, column, _ = ADDED_COLUMNS[2][0]
    assert f"ALTER TABLE `chw`.`{table}_local` ON CLUSTER `fleet` ADD COLUMN `{column}` String" in statements
    assert f"ALTER TABLE `chw`.`{table}` ON CLUSTER `fleet` ADD COLUMN `{column}` String" in statements
    assert TABLE_BY_NAME["suppressions"].since == 2
