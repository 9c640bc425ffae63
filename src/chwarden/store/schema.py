"""The findings store's tables, as data, and the DDL for each way of running it.

One logical table per kind of record. On one server (or the embedded engine) a logical table is a
``MergeTree`` (``ReplacingMergeTree`` for current-state tables); with ``--store-cluster NAME`` it
is a ``Replicated*MergeTree`` ``<name>_local`` on every node plus a ``Distributed`` table under the
logical name, both created ``ON CLUSTER``. Readers and writers only ever use the logical name, and
current state is always read with ``argMax(..., version)`` grouped by key rather than ``FINAL``,
which also holds across shards. Only SQL that ClickHouse 18.16 understands is used: no
``IF NOT EXISTS`` on columns, no ``LowCardinality``/``DateTime64``/``Map``, no table TTL.

Migrations are numbered; ``migration_statements(n)`` brings a store from version n-1 to n. A
migration never rewrites what an earlier one created (add a new numbered step instead): a table
says in which migration it appeared (``since``), a column added to an existing table is listed in
``ADDED_COLUMNS`` under its migration, and ``create_statements`` builds a table as of any version.
A new store is created as of the newest version directly (``fresh_statements``); the numbered
steps only run on a store that exists.

2 (issue 15, the dashboard): ``findings`` keeps each finding's ``confidence`` and ``caused_by``
(its root cause); ``alert_acks`` and ``suppressions`` hold what dashboard users decided (who, when,
why); ``timeline_events`` keeps the timelines ``investigate`` produced.
"""

from __future__ import annotations

from dataclasses import dataclass

from chwarden.clickhouse.sql import quote_ident

SCHEMA_VERSION = 3
DEFAULT_DATABASE = "chwarden"


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[tuple[str, str], ...]
    order_by: tuple[str, ...]
    partition_by: str | None = None
    version_column: str | None = None  # set: ReplacingMergeTree(version_column)
    doc: str = ""
    since: int = 1  # the migration that creates the table

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    def columns_at(self, version: int) -> tuple[tuple[str, str], ...]:
        """The columns the table has once migration ``version`` ran."""
        later = {c for v, added in ADDED_COLUMNS.items() if v > version for t, c, _ in added if t == self.name}
        return tuple(column for column in self.columns if column[0] not in later)


T = "DateTime('UTC')"
D = "Date"
S = "String"
U32, U64, F64, U8 = "UInt32", "UInt64", "Float64", "UInt8"
ARR = "Array(String)"
MONTH = "toYYYYMM({})"

TABLES: tuple[Table, ...] = (
    Table(
        "schema_migrations",
        (("version", U32), ("applied_at", T), ("chwarden_version", S)),
        ("version",),
        doc="Which migrations ran, when, by which chwarden.",
    ),
    Table(
        "runs",
        (
            ("run_id", S),
            ("command", S),
            ("started_at", T),
            ("finished_at", T),
            ("chwarden_version", S),
            ("runner", S),
            ("targets", ARR),
            ("status", S),
        ),
        ("started_at", "run_id"),
        MONTH.format("started_at"),
        doc="Every audit/scan/discover/assess run and every watch cycle.",
    ),
    Table(
        "target_cycles",
        (
            ("run_id", S),
            ("target", S),
            ("url", S),
            ("started_at", T),
            ("finished_at", T),
            ("status", S),
            ("errors", ARR),
            ("server_version", S),
            ("snapshot_hash", S),
            ("discovered", U8),
            ("findings_critical", U32),
            ("findings_high", U32),
            ("findings_medium", U32),
            ("findings_low", U32),
            ("findings_info", U32),
            ("detections", U32),
            ("alerts", U32),
            ("anonymous_access", U8),
            ("exposed_ports", ARR),
            ("queries", U32),
            ("own_rows_read", U64),
            ("log_rows_read", U64),
            ("not_checked", S),
            ("duration_ms", U64),
        ),
        ("target", "started_at"),
        MONTH.format("started_at"),
        doc="One row per target per run: status, counts, exposure and cost (fleet overview).",
    ),
    Table(
        "snapshots",
        (("target", S), ("snapshot_hash", S), ("collected_at", T), ("run_id", S), ("body", S)),
        ("target", "collected_at"),
        MONTH.format("collected_at"),
        doc="Redacted fact snapshots, written only when they changed since the target's last one.",
    ),
    Table(
        "findings",
        (
            ("run_id", S),
            ("observed_at", T),
            ("target", S),
            ("fingerprint", S),
            ("check_id", S),
            ("severity", S),
            ("title", S),
            ("resource", S),
            ("category", S),
            ("evidence", S),
            ("remediation", S),
            ("location", S),
            ("confidence", S),
            ("caused_by", S),
        ),
        ("target", "observed_at", "fingerprint"),
        MONTH.format("observed_at"),
        doc="Every finding of every run (history; evidence and fixes as JSON).",
    ),
    Table(
        "finding_states",
        (
            ("target", S),
            ("fingerprint", S),
            ("check_id", S),
            ("severity", S),
            ("title", S),
            ("resource", S),
            ("status", S),
            ("first_seen", T),
            ("last_seen", T),
            ("resolved_at", T),
            ("reopen_count", U32),
            ("run_id", S),
            ("version", U64),
        ),
        ("target", "fingerprint"),
        version_column="version",
        doc="Current state per finding (open/resolved); the newest version wins.",
    ),
    Table(
        "changes",
        (
            ("run_id", S),
            ("at", T),
            ("target", S),
            ("kind", S),
            ("subject", S),
            ("severity", S),
            ("fingerprint", S),
            ("before", S),
            ("after", S),
            ("detail", S),
        ),
        ("target", "at", "kind"),
        MONTH.format("at"),
        doc="Drift: new/resolved/reopened findings, ports, anonymous access, sensitive columns, versions, users.",
    ),
    Table(
        "sensitive_data",
        (
            ("run_id", S),
            ("observed_at", T),
            ("target", S),
            ("database", S),
            ("table", S),
            ("column", S),
            ("detector", S),
            ("category", S),
            ("rows_matched", U64),
            ("rows_scanned", U64),
            ("sampled", U8),
            ("examples", ARR),
        ),
        ("target", "observed_at", "database", "table", "column"),
        MONTH.format("observed_at"),
        doc="Discover's inventory per run (examples already redacted).",
    ),
    Table(
        "attack_paths",
        (
            ("run_id", S),
            ("observed_at", T),
            ("target", S),
            ("severity", S),
            ("score", F64),
            ("summary", S),
            ("steps", S),
            ("fix", S),
        ),
        ("target", "observed_at"),
        MONTH.format("observed_at"),
        doc="Ranked attack paths per run (steps and cheapest fix as JSON).",
    ),
    Table(
        "detections",
        (
            ("detection_id", S),
            ("fingerprint", S),
            ("at", T),
            ("run_id", S),
            ("target", S),
            ("rule_id", S),
            ("severity", S),
            ("title", S),
            ("technique", S),
            ("addresses", ARR),
            ("users", ARR),
            ("query_ids", ARR),
            ("events", U64),
            ("first_event", T),
            ("last_event", T),
            ("evidence", S),
        ),
        ("target", "at", "rule_id"),
        MONTH.format("at"),
        doc="What the detection rules found in the target's logs, per run (query samples redacted).",
    ),
    Table(
        "alerts",
        (
            ("fingerprint", S),
            ("target", S),
            ("source", S),
            ("rule_id", S),
            ("severity", S),
            ("title", S),
            ("status", S),
            ("first_at", T),
            ("last_at", T),
            ("notified_at", T),
            ("resolved_at", T),
            ("occurrences", U64),
            ("summary", S),
            ("version", U64),
        ),
        ("target", "fingerprint"),
        version_column="version",
        doc="Alert state per fingerprint (firing/resolved, last notification): dedup survives restarts.",
    ),
    Table(
        "deliveries",
        (
            ("at", T),
            ("fingerprint", S),
            ("channel", S),
            ("kind", S),
            ("ok", U8),
            ("error", S),
        ),
        ("at", "fingerprint"),
        MONTH.format("at"),
        doc="Every notification sent (or that failed), per channel.",
    ),
    Table(
        "watermarks",
        (("target", S), ("source", S), ("position", S), ("updated_at", T), ("version", U64)),
        ("target", "source"),
        version_column="version",
        doc="How far each log reader got per target (JSON position); the newest version wins.",
    ),
    Table(
        "principal_addresses",
        (("target", S), ("user", S), ("address", S), ("first_seen", T), ("last_seen", T), ("events", U64)),
        ("target", "user", "address"),
        doc="Which addresses each user came from (read with min/max/sum per key): new-address baseline.",
    ),
    Table(
        "usage_windows",
        (
            ("target", S),
            ("user", S),
            ("window_start", T),
            ("window_end", T),
            ("queries", U64),
            ("read_rows", U64),
            ("read_bytes", U64),
            ("window_rows", U64),
            ("window_bytes", U64),
            ("query_rows", U64),
            ("query_bytes", U64),
        ),
        ("target", "user", "window_end"),
        MONTH.format("window_end"),
        doc="Per user and log window: rows/bytes returned in total and by the largest query (mass-read baseline).",
    ),
    Table(
        "log_coverage",
        (
            ("run_id", S),
            ("at", T),
            ("target", S),
            ("log", S),
            ("present", U8),
            ("rows", U64),
            ("oldest", T),
            ("newest", T),
            ("ttl_seconds", U64),
            ("partitions", S),
        ),
        ("target", "log", "at"),
        MONTH.format("at"),
        doc="How far back each system log reaches per run, and its partition row counts (tampering).",
    ),
    Table(
        "alert_acks",
        (
            ("target", S),
            ("fingerprint", S),
            ("acknowledged", U8),
            ("actor", S),
            ("at", T),
            ("note", S),
            ("version", U64),
        ),
        ("target", "fingerprint"),
        version_column="version",
        doc="Who acknowledged which alert when (dashboard); an ack covers the firing episode it was given in.",
        since=2,
    ),
    Table(
        "suppressions",
        (
            ("suppression_id", S),
            ("check_id", S),
            ("resource", S),
            ("target", S),
            ("fingerprint", S),
            ("reason", S),
            ("expires", D),
            ("created_by", S),
            ("created_at", T),
            ("revoked", U8),
            ("revoked_by", S),
            ("revoked_at", T),
            ("version", U64),
        ),
        ("suppression_id",),
        version_column="version",
        doc="Accepted findings and alerts (the CLI's suppression entries: check/resource/target globs or a "
        "fingerprint, reason, expiry), with who created or revoked them and when.",
        since=2,
    ),
    Table(
        "timeline_events",
        (
            ("run_id", S),
            ("at", T),
            ("target", S),
            ("kind", S),
            ("start", T),
            ("until", T),
            ("principal", S),
            ("address", S),
            ("resource", S),
            ("queries", U64),
            ("rows", U64),
            ("bytes", U64),
            ("outside_allowlist", U8),
            ("query_ids", ARR),
            ("detail", S),
        ),
        ("target", "at", "start"),
        MONTH.format("at"),
        doc="The timelines `investigate` produced (who read what, from where, when), per investigation.",
        since=2,
    ),
)

TABLES += (
    Table(
        "scan_results",
        (
            ("scan_id", S),
            ("shard", S),
            ("at", T),
            ("type", S),
            ("host", S),
            ("port", "UInt16"),
            ("protocol", S),
            ("clickhouse", U8),
            ("version", "Nullable(String)"),
            ("auth", S),
            ("tls", U8),
            ("check_id", S),
            ("severity", S),
            ("title", S),
            ("target", S),
            ("resource", S),
            ("category", "Nullable(String)"),
            ("fingerprint", "Nullable(String)"),
            ("status", S),
        ),
        ("at", "scan_id", "host", "port"),
        MONTH.format("at"),
        doc="`scan --format jsonl` lines loaded as they are (INSERT ... FORMAT JSONEachRow; nested fields skipped).",
        since=3,
    ),
)

# Columns added to a table after the migration that created it: {migration: ((table, column, type), ...)}.
ADDED_COLUMNS: dict[int, tuple[tuple[str, str, str], ...]] = {
    2: (("findings", "confidence", S), ("findings", "caused_by", S)),
}

TABLE_BY_NAME = {t.name: t for t in TABLES}


@dataclass(frozen=True)
class Layout:
    """Where and how the tables live: one database, optionally spread over a cluster."""

    database: str = DEFAULT_DATABASE
    cluster: str | None = None
    buffered: bool = False  # reads and writes go through a Buffer table per logical table (this node's)

    def qualified(self, table: str) -> str:
        return f"{quote_ident(self.database)}.{quote_ident(table)}"

    @property
    def on_cluster(self) -> str:
        return f" ON CLUSTER {quote_ident(self.cluster)}" if self.cluster else ""


def _engine(table: Table, layout: Layout, local_name: str) -> str:
    kind = "ReplacingMergeTree" if table.version_column else "MergeTree"
    args: list[str] = []
    if layout.cluster:
        kind = "Replicated" + kind
        args = [f"'/clickhouse/tables/{{shard}}/{layout.database}/{local_name}'", "'{replica}'"]
    if table.version_column:
        args.append(table.version_column)
    parts = [f"ENGINE = {kind}({', '.join(args)})"]
    if table.partition_by:
        parts.append(f"PARTITION BY {table.partition_by}")
    parts.append(f"ORDER BY ({', '.join(table.order_by)})")
    return " ".join(parts)


def create_statements(table: Table, layout: Layout, version: int = SCHEMA_VERSION) -> list[str]:
    """CREATE TABLE statements for one logical table as of migration ``version`` (two on a cluster:
    local + Distributed)."""
    columns = ", ".join(f"{quote_ident(name)} {kind}" for name, kind in table.columns_at(version))
    if not layout.cluster:
        return [
            f"CREATE TABLE IF NOT EXISTS {layout.qualified(table.name)} ({columns}) "
            + _engine(table, layout, table.name)
        ]
    local = f"{table.name}_local"
    return [
        f"CREATE TABLE IF NOT EXISTS {layout.qualified(local)}{layout.on_cluster} ({columns}) "
        + _engine(table, layout, local),
        f"CREATE TABLE IF NOT EXISTS {layout.qualified(table.name)}{layout.on_cluster} ({columns}) "
        f"ENGINE = Distributed({quote_ident(layout.cluster or '')}, {quote_ident(layout.database)}, "
        f"{quote_ident(local)}, rand())",
    ]


# Buffer(database, table, layers, min_time, max_time, min_rows, max_rows, min_bytes, max_bytes): flushed
# when 2 s, 1,000 rows and 1 MB have all passed, or at once at 10 s, 100,000 rows or 100 MB.
BUFFER_ARGS = "1, 2, 10, 1000, 100000, 1000000, 100000000"


def buffer_statement(table: Table, layout: Layout) -> str:
    """A Buffer table in front of the logical table on the node the store connects to.

    Many small INSERTs (a watch cycle writes about seven) become one part per table every few
    seconds; a SELECT from the Buffer table reads what is still buffered too, so a worker reads its
    own writes. Created without ON CLUSTER: the buffer belongs to the node the worker writes to.
    """
    return (
        f"CREATE TABLE IF NOT EXISTS {layout.qualified(table.name + '_buffer')} AS {layout.qualified(table.name)} "
        f"ENGINE = Buffer({quote_ident(layout.database)}, {quote_ident(table.name)}, {BUFFER_ARGS})"
    )


def create_database(layout: Layout) -> str:
    return f"CREATE DATABASE IF NOT EXISTS {quote_ident(layout.database)}{layout.on_cluster}"


def add_column_statements(table: str, column: str, kind: str, layout: Layout) -> list[str]:
    """ALTER TABLE ... ADD COLUMN for one logical table (on a cluster: the local tables, then the
    Distributed one). 18.16 has no ``IF NOT EXISTS`` here: the migration runs exactly once."""
    names = [f"{table}_local", table] if layout.cluster else [table]
    return [
        f"ALTER TABLE {layout.qualified(name)}{layout.on_cluster} ADD COLUMN {quote_ident(column)} {kind}"
        for name in names
    ]


def fresh_statements(layout: Layout) -> list[str]:
    """A new store: every table as of SCHEMA_VERSION at once (no ALTER, which a replicated store
    would have to wait for on every replica); the same end state as the migration chain (tested)."""
    return [stmt for table in TABLES if table.name != "schema_migrations" for stmt in create_statements(table, layout)]


def migration_statements(version: int, layout: Layout) -> list[str]:
    """The statements that bring the store from ``version - 1`` to ``version``."""
    if not 1 <= version <= SCHEMA_VERSION:
        raise ValueError(f"no migration to store schema version {version}")
    statements = [
        stmt
        for table in TABLES
        if table.since == version and table.name != "schema_migrations"
        for stmt in create_statements(table, layout, version)
    ]
    added = ADDED_COLUMNS.get(version, ())
    if layout.buffered:
        # ClickHouse's advice for ALTER behind a Buffer table: drop the buffer first (DROP flushes what it
        # holds into the table), alter, create it again (the store re-creates buffers after migrating).
        for name in sorted({table for table, _, _ in added}):
            statements.append(f"DROP TABLE IF EXISTS {layout.qualified(name + '_buffer')}")
    for table, column, kind in added:
        statements += add_column_statements(table, column, kind, layout)
    return statements
