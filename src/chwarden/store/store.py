"""The findings store: open (creating and migrating the schema), write rows, run read queries.

Everything chwarden keeps between runs lives here: runs, snapshots, findings and their state,
drift, sensitive-data inventory, attack paths, detections, alert state and deliveries, log
watermarks and baselines. Reads are SQL pushed into the store's ClickHouse (``store.queries``),
so a dashboard over a large store never loads it into Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from chwarden import __version__
from chwarden.store.backend import EmbeddedBackend, HttpBackend, StoreBackend, StoreError
from chwarden.store.location import StoreSpec
from chwarden.store.schema import (
    SCHEMA_VERSION,
    TABLE_BY_NAME,
    TABLES,
    Layout,
    buffer_statement,
    create_database,
    create_statements,
    fresh_statements,
    migration_statements,
)


def store_time(value: datetime | float | int | None = None) -> str:
    """A ``DateTime('UTC')`` literal for JSONEachRow: ``YYYY-MM-DD hh:mm:ss`` in UTC."""
    if value is None:
        moment = datetime.now(timezone.utc)
    elif isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    else:
        moment = datetime.fromtimestamp(max(0.0, float(value)), timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def parse_store_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)


EPOCH = store_time(0)


class Store:
    """An open, migrated store; thread-safe for the backends chwarden ships."""

    def __init__(self, backend: StoreBackend, layout: Layout, spec: StoreSpec | None = None) -> None:
        self.backend = backend
        self.layout = layout
        self.spec = spec
        self.schema_version = 0

    @property
    def description(self) -> str:
        return self.spec.display if self.spec else self.backend.description

    def table(self, name: str) -> str:
        """The qualified logical table name (``chwarden.findings``; its Buffer table when buffered)."""
        if name not in TABLE_BY_NAME:
            raise KeyError(name)
        if self.layout.buffered and name != "schema_migrations":
            return self.layout.qualified(name + "_buffer")
        return self.layout.qualified(name)

    def write(self, table: str, rows: Iterable[Mapping[str, Any]]) -> int:
        """Insert rows; every column of the table must be given (no silent defaults)."""
        columns = TABLE_BY_NAME[table].column_names
        checked = []
        for row in rows:
            missing = [c for c in columns if c not in row]
            extra = [c for c in row if c not in columns]
            if missing or extra:
                raise ValueError(f"row for {table}: missing {missing}, unknown {extra}")
            checked.append(row)
        return self.backend.insert(self.table(table), checked)

    def select(self, sql: str) -> list[dict[str, Any]]:
        return self.backend.select(sql)

    def _current_version(self) -> int | None:
        """The store's schema version, or None when its migrations table does not exist (yet)."""
        try:
            rows = self.backend.select(f"SELECT max(version) AS v FROM {self.table('schema_migrations')}")
        except StoreError:
            return None
        return int(rows[0]["v"]) if rows and rows[0]["v"] is not None else 0

    def migrate(self) -> int:
        """Create the database and tables or bring them to SCHEMA_VERSION; returns the version.

        A store already at SCHEMA_VERSION gets no DDL at all: on a cluster, an ``ON CLUSTER``
        statement waits for every node, so a worker starting while one node is down would hang.
        """
        current = self._current_version()
        if current is None:
            self.backend.execute(create_database(self.layout))
            for statement in create_statements(TABLE_BY_NAME["schema_migrations"], self.layout):
                self.backend.execute(statement)
            current = self._current_version() or 0
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.description} has schema version {current}, newer than this chwarden understands "
                f"({SCHEMA_VERSION}): upgrade chwarden"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            if current == 0 and version == 1:
                statements = fresh_statements(self.layout)  # a new store: the newest tables at once
            elif current == 0:
                statements = []  # already part of the fresh tables
            else:
                statements = migration_statements(version, self.layout)
            for statement in statements:
                self.backend.execute(statement)
            self.write(
                "schema_migrations",
                [{"version": version, "applied_at": store_time(), "chwarden_version": __version__}],
            )
        if self.layout.buffered:
            for table in TABLES:
                if table.name != "schema_migrations":
                    self.backend.execute(buffer_statement(table, self.layout))
        self.schema_version = SCHEMA_VERSION
        return SCHEMA_VERSION

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(spec: StoreSpec) -> Store:
    """Connect to the store, create or migrate its schema, and return it."""
    backend: StoreBackend
    if spec.is_server:
        # on a cluster, an INSERT into a Distributed table returns once the rows reached their shards
        # (not when queued): the next cycle, from any worker, reads what this one wrote
        settings = {"insert_distributed_sync": "1"} if spec.cluster else {}
        backend = HttpBackend(
            spec.location,
            user=spec.user,
            password=spec.password,
            verify_tls=spec.verify_tls,
            ca_file=spec.ca_file,
            settings=settings,
        )
    else:
        path = Path(spec.path).expanduser()
        try:
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StoreError(f"cannot create the store directory {path}: {exc.strerror}") from exc
        backend = EmbeddedBackend(str(path))
    store = Store(backend, Layout(spec.database, spec.cluster, spec.buffered), spec)
    try:
        store.migrate()
    except BaseException:
        store.close()
        raise
    return store
