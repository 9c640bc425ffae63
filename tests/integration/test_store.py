"""The findings store on the embedded engine (default) and on a real 18.16 server (``--store URL``):
created and migrated with a schema version, written through its own connection, read with the
queries a dashboard would push down."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from chwarden.model import Finding, Severity
from chwarden.store import SCHEMA_VERSION, StoreError, StoreSpec, dashboard, open_store, store_time
from chwarden.store import queries as q
from chwarden.store.records import finding_rows, fingerprint_of
from chwarden.store.schema import TABLE_BY_NAME, Layout, create_statements, migration_statements
from tests.harness.ch18 import ClickHouse18Server
from tests.harness.cli import audit_json, run_chwarden
from tests.harness.watching import watch_once, write_config


@pytest.fixture(params=["embedded", "server"])
def spec(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreSpec]:
    if request.param == "embedded":
        yield StoreSpec(str(tmp_path / "store"))
        return
    server: ClickHouse18Server = request.getfixturevalue("ch18_open")
    database = f"chw_{secrets.token_hex(4)}"
    yield StoreSpec(server.http_url, database=database)
    server.admin_query(f"DROP DATABASE IF EXISTS {database}")


def _finding(resource: str) -> Finding:
    return Finding(check_id="c", title="t", severity=Severity.HIGH, target="x", resource=resource)


def test_create_migrate_write_read(spec: StoreSpec) -> None:
    with open_store(spec) as store:
        assert store.schema_version == SCHEMA_VERSION
        at = store_time(1_800_000_000)
        store.write("findings", finding_rows("run-1", at, "db1", [_finding("r1"), _finding("r2")]))
        fp = fingerprint_of(_finding("r1"))
        for version, status in ((1, "open"), (2, "resolved")):
            store.write(
                "finding_states",
                [
                    {
                        "target": "db1", "fingerprint": fp, "check_id": "c", "severity": "high", "title": "t",
                        "resource": "r1", "status": status, "first_seen": at, "last_seen": at, "resolved_at": at,
                        "reopen_count": 0, "run_id": "run-1", "version": version,
                    }
                ],
            )  # fmt: skip
        assert q.finding_states(store, "db1")[fp].status == "resolved"  # the newest version wins
        store.write(
            "principal_addresses",
            [
                {"target": "db1", "user": "app", "address": a, "first_seen": at, "last_seen": at, "events": 1}
                for a in ("10.0.0.1", "10.0.0.2", "10.0.0.1")
            ],
        )
        assert q.known_addresses(store, "db1") == {"app": {"10.0.0.1", "10.0.0.2"}}
        with pytest.raises(ValueError, match="missing"):
            store.write("runs", [{"run_id": "x"}])
    with open_store(spec) as again:  # reopening migrates nothing twice
        rows = again.select(f"SELECT count() AS n FROM {again.table('schema_migrations')}")
        assert rows == [{"n": SCHEMA_VERSION}]
        assert len(again.select(f"SELECT * FROM {again.table('findings')}")) == 2


def test_a_newer_schema_is_refused(spec: StoreSpec) -> None:
    with open_store(spec) as store:
        store.write(
            "schema_migrations", [{"version": SCHEMA_VERSION + 5, "applied_at": store_time(), "chwarden_version": "9"}]
        )
    with pytest.raises(StoreError, match="newer than this chwarden"):
        open_store(spec)


def test_watch_keeps_its_history_on_a_server_store(
    ch18_open: ClickHouse18Server, ch18_tls: ClickHouse18Server, tmp_path: Path
) -> None:
    """`watch --store http://...`: an 18.16 server holds the history of another 18.16 server."""
    database = f"chw_{secrets.token_hex(4)}"
    config = write_config(tmp_path / "watch.yaml", [{"url": ch18_tls.http_url, "name": "pw", "log_lag": 0}])
    try:
        first = watch_once(config, ch18_open.http_url, tmp_path, "--store-database", database)
        second = watch_once(config, ch18_open.http_url, tmp_path, "--store-database", database)
        assert first["targets"][0]["status"] == "complete"
        assert first["store"] == ch18_open.http_url
        assert not [c for c in second["drift"] if not c["kind"].startswith("finding_")]
        store = open_store(StoreSpec(ch18_open.http_url, database=database))
        try:
            overview = dashboard.fleet_overview(store)
            assert [r["target"] for r in overview] == ["pw"] and overview[0]["server_version"] == "18.16.1"
            assert q.cycles_of(store, "pw") == 2
            assert q.latest_snapshot(store, "pw") is not None
        finally:
            store.close()
    finally:
        ch18_open.admin_query(f"DROP DATABASE IF EXISTS {database}")


def test_audit_and_discover_runs_are_kept(ch18_tls: ClickHouse18Server, tmp_path: Path) -> None:
    """`--store` on the one-shot commands: the run, its findings, facts and inventory are kept."""
    store_dir = str(tmp_path / "kept")
    report = audit_json(ch18_tls.http_url, tmp_path / "audit.json", "--store", store_dir, "--no-probe")
    found = run_chwarden("discover", ch18_tls.http_url, "--store", store_dir, "--format", "json")
    assert found.returncode in (0, 1), found.stderr
    assert "kept in the store" in found.stderr
    with open_store(StoreSpec(store_dir)) as store:
        # started_at has second precision and both runs can share a second: order by command as well
        runs = store.select(f"SELECT command FROM {store.table('runs')} ORDER BY started_at, command")
        assert [r["command"] for r in runs] == ["audit", "discover"]
        kept = store.select(f"SELECT count() AS n FROM {store.table('findings')} WHERE run_id LIKE 'audit-%'")
        assert kept == [{"n": len(report["findings"])}]
        assert q.latest_snapshot(store, report["targets"][0]["target"]) is not None
        assert q.latest_inventory(store, report["targets"][0]["target"]) is not None  # discover ran (maybe empty)


def test_a_version_1_store_is_migrated_in_place(spec: StoreSpec) -> None:
    """Schema 1 (issue 14) to the newest: new tables appear, findings gain two columns, old rows stay readable."""
    layout = Layout(spec.database)
    with open_store(spec) as fresh:  # build a real version-1 store on the same engine by hand
        backend = fresh.backend
        for name in ("findings", "suppressions", "alert_acks", "timeline_events", "scan_results", "schema_migrations"):
            backend.execute(f"DROP TABLE IF EXISTS {layout.qualified(name)}")
        for statement in create_statements(TABLE_BY_NAME["schema_migrations"], layout, 1):
            backend.execute(statement)
        for statement in migration_statements(1, layout):
            backend.execute(statement)
        backend.execute(
            f"INSERT INTO {layout.qualified('schema_migrations')} (version, applied_at, chwarden_version) "
            "VALUES (1, now(), '0.1.0')"
        )
        backend.execute(
            f"INSERT INTO {layout.qualified('findings')} (run_id, observed_at, target, fingerprint, check_id, "
            "severity, title, resource, category, evidence, remediation, location) VALUES "
            "('r1', now(), 'db1', 'fp1', 'c', 'high', 't', 'r', 'x', '{}', '{}', '')"
        )
    with open_store(spec) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION == 3
        versions = migrated.select(f"SELECT version FROM {migrated.table('schema_migrations')} ORDER BY version")
        assert [int(r["version"]) for r in versions] == [1, 2, 3]
        rows = migrated.select(f"SELECT fingerprint, confidence, caused_by FROM {migrated.table('findings')}")
        assert rows == [{"fingerprint": "fp1", "confidence": "", "caused_by": ""}]
        assert migrated.select(f"SELECT count() AS n FROM {migrated.table('suppressions')}") == [{"n": 0}]
