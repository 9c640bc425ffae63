"""``discover_files``: Parquet, CSV, TSV, JSONL and plain log files through the embedded engine.

The files are read by chdb's ``file()`` table function with the same pushdown queries as a live
server, so data can be checked before it is loaded. The engine runs in its own worker process, so
this works while another engine is open (in this process or a worker).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from chwarden.connect.base import ChwardenConnectError, GuardedConnection, QueryFailed
from chwarden.connect.embedded import EmbeddedTransport
from chwarden.discover import sql
from chwarden.discover.column_scan import (
    ColumnTarget,
    ScanPlan,
    ScanStopped,
    TableTarget,
    describe_failure,
    run,
    scan_tables,
)
from chwarden.discover.rules import Detector, select_detectors
from chwarden.discover.run import DiscoverOptions, DiscoverResult, add_columns

COMPRESSION_SUFFIXES = (".gz", ".gzip", ".zst", ".zstd", ".xz", ".bz2", ".lz4", ".br")
FORMATS = {
    ".parquet": "Parquet",
    ".csv": "CSVWithNames",
    ".tsv": "TSVWithNames",
    ".jsonl": "JSONEachRow",
    ".ndjson": "JSONEachRow",
    ".json": "JSONEachRow",
}
LINES = "LineAsString"  # anything else: one text column named `line`


def file_format(path: str) -> str:
    name = path.lower()
    for suffix in COMPRESSION_SUFFIXES:
        name = name.removesuffix(suffix)
    return FORMATS.get(Path(name).suffix, LINES)


def file_target(conn: GuardedConnection, path: str) -> TableTarget:
    """The file as a table: its text-bearing columns from schema inference (raises QueryFailed)."""
    fmt = file_format(path)
    source = f"file({sql.quote(path)}, {sql.quote(fmt)})"
    table = TableTarget(database="file", name=path, engine=fmt, source=source)
    for r in run(conn, f"DESCRIBE TABLE {source}"):
        expression = sql.text_expression(str(r["name"]), str(r["type"]), modern=True)
        if expression is not None:
            table.columns.append(ColumnTarget(str(r["name"]), str(r["type"]), expression))
    return table


def discover_files(paths: Sequence[str], options: DiscoverOptions) -> DiscoverResult:
    """Scan local files; unreadable or unparsable files are per-file errors."""
    detectors = select_detectors(options.detectors)
    result = DiscoverResult()
    plan = ScanPlan(
        modern=True,
        full=options.full,
        sample_rows=options.sample_rows,
        max_bytes=options.max_bytes,
        query_timeout=options.query_timeout,
    )
    with tempfile.TemporaryDirectory(prefix="chwarden-discover-") as workdir:
        try:
            transport = EmbeddedTransport(workdir, table_functions=("file",))
        except ChwardenConnectError as exc:
            result.errors.append(str(exc))
            result.partial = True
            return result
        conn = GuardedConnection(
            transport,
            description="files",
            max_execution_time=options.query_timeout,
            table_functions=("file",),
            deadline=options.deadline,
            readonly=2,  # file() is a table function: readonly=1 forbids it on this engine of our own
        )
        try:
            for path in paths:
                _scan_file(conn, plan, os.path.abspath(path), detectors, options, result)
        except ScanStopped as exc:
            result.errors.append(f"scan stopped: {exc}")
        finally:
            conn.close()
    result.partial = bool(result.errors)
    return result


def _scan_file(
    conn: GuardedConnection,
    plan: ScanPlan,
    path: str,
    detectors: Sequence[Detector],
    options: DiscoverOptions,
    result: DiscoverResult,
) -> None:
    if not os.path.isfile(path) or not os.access(path, os.R_OK):
        result.errors.append(f"{path}: not a readable file")
        return
    try:
        table = file_target(conn, path)
    except QueryFailed as exc:
        result.errors.append(f"{path}: cannot read as {file_format(path)}: {describe_failure(exc)}")
        return
    results, errors = scan_tables(conn, plan, [table], detectors, options.on_progress)
    add_columns(result, "files", results)
    result.errors.extend(errors)
