"""``chwarden discover`` (tables, system logs, files) and ``chwarden detectors`` (the catalogue).

The scanning is ``chwarden.discover``; this module turns the command line into options, the
result into a report judged by the data checks, and the report into output and an exit code.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from chwarden.cli.common import (
    EXIT_UNREACHABLE,
    AskPasswordOpt,
    CaFileOpt,
    ConnectionOptions,
    FailOn,
    FailOnOpt,
    FormatOpt,
    InsecureOpt,
    MaxTimeOpt,
    OutputOpt,
    PasswordFileOpt,
    QuietOpt,
    SeverityOpt,
    UsageError,
    UserOpt,
    VerboseOpt,
    emit,
    exit_code_for,
    fail,
    fail_connection,
    filter_severities,
    input_errors_exit_2,
    pair_outputs,
    parse_severities,
    positive,
    set_output,
    target_from_environment,
)
from chwarden.cli.store import KeepOpt, keep_run
from chwarden.connect import ChwardenConnectError, GuardedConnection, QueryFailed, Target, connect, parse_target
from chwarden.connect.target import TargetError
from chwarden.discover import DiscoverOptions, check_scope, discover_files, discover_live, load_rules, select_detectors
from chwarden.discover.cluster import DEFAULT_PARALLEL_SHARDS, discover_cluster
from chwarden.discover.report import build_report
from chwarden.discover.rules import Detector
from chwarden.discover.sql import warm_up_query
from chwarden.facts import ConnectionInfo
from chwarden.model import Report, utc_now
from chwarden.report.checklist import CatalogFormat

EXAMPLES = {
    "discover": (
        "  chwarden discover http://db1:8123 --ask-password              a bounded sample of every table\n"
        "  chwarden discover http://db1:8123 --database logs --table events --full\n"
        "  chwarden discover export.parquet app.log events.jsonl         files, before they are loaded\n"
        "  chwarden discover chdb:///var/lib/chdata -f json -o found.json"
    ),
    "detectors": "  chwarden detectors\n  chwarden detectors --format json",
}


def _progress(enabled: bool) -> Any:
    if not enabled or not sys.stderr.isatty():
        return None
    return Progress(
        TextColumn("discover"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


@input_errors_exit_2
def discover(
    targets: Annotated[
        list[str] | None,
        typer.Argument(
            help="One server (http[s]://, clickhouse[s]://, chdb://) or files (Parquet, CSV, JSONL, logs); "
            "default: CLICKHOUSE_HOST."
        ),
    ] = None,
    database: Annotated[str | None, typer.Option("--database", help="Only this database.")] = None,
    table: Annotated[str | None, typer.Option("--table", help="Only this table.")] = None,
    full: Annotated[
        bool, typer.Option("--full/--sample", help="Read every row, exact counts (default: a sample, estimates).")
    ] = False,
    sample_rows: Annotated[int, typer.Option("--sample-rows", help="Rows read per table in --sample mode.")] = 100_000,
    max_bytes: Annotated[
        int | None, typer.Option("--max-bytes", help="Stop reading a column after this many bytes.")
    ] = None,
    timeout: Annotated[int, typer.Option("--timeout", help="Per-query time limit in seconds.")] = 60,
    connect_timeout: Annotated[float, typer.Option("--connect-timeout")] = 5.0,
    max_time: MaxTimeOpt = 3600.0,
    detector: Annotated[list[str], typer.Option("--detector", help="Only this detector id (repeatable).")] = [],  # noqa: B006
    no_logs: Annotated[bool, typer.Option("--no-logs", help="Do not scan system logs.")] = False,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No progress bar on stderr.")] = False,
    user: UserOpt = None,
    password_file: PasswordFileOpt = None,
    ask_password: AskPasswordOpt = False,
    insecure: InsecureOpt = False,
    ca_file: CaFileOpt = None,
    fmt: FormatOpt = [],  # noqa: B006
    output: OutputOpt = [],  # noqa: B006
    fail_on: FailOnOpt = FailOn.high,
    severity: SeverityOpt = [],  # noqa: B006
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    keep: KeepOpt = None,
    cluster: Annotated[
        str | None,
        typer.Option("--cluster", help="Scan every shard of this cluster (from the target's system.clusters)."),
    ] = None,
    parallel_shards: Annotated[
        int, typer.Option("--parallel-shards", help="With --cluster: shards scanned at once.")
    ] = DEFAULT_PARALLEL_SHARDS,
) -> None:
    """Find secrets, personal data and AI chat logs inside tables, system logs or files."""
    set_output(quiet, verbose)
    shown = parse_severities(severity)
    if not targets:
        from_env = target_from_environment()
        if from_env is None:
            raise UsageError("give a server TARGET or files (or set CLICKHOUSE_HOST)")
        targets = [from_env]
    connection = ConnectionOptions(user, password_file, ask_password, insecure, ca_file)
    pairs = pair_outputs(fmt, output)
    for name, value in (
        ("--sample-rows", sample_rows),
        ("--timeout", timeout),
        ("--max-bytes", max_bytes or 1),
        ("--connect-timeout", connect_timeout),
        ("--max-time", max_time),
        ("--parallel-shards", parallel_shards),
    ):
        positive(name, value)
    detectors = select_detectors(tuple(detector) or None)
    live = [t for t in targets if "://" in t]
    if live and len(targets) > 1:
        raise UsageError("give one server TARGET, or only files")
    if live and not cluster:
        _aim_engine(live[0], detectors)
    if cluster and not live:
        raise UsageError("--cluster needs a server TARGET (one node of the cluster)")
    for path in [] if live else targets:
        _check_readable(Path(path))
    deadline = time.monotonic() + max_time
    bar = _progress(not no_progress and not quiet)
    started = utc_now()
    with bar if bar is not None else nullcontext():
        task = bar.add_task("", total=None) if bar is not None else None

        def progress(done: int, total: int, label: str) -> None:
            if bar is not None and task is not None:
                bar.update(task, completed=done, total=total, description=label[-40:])

        options = DiscoverOptions(
            database=database,
            table=table,
            full=full,
            sample_rows=sample_rows,
            max_bytes=max_bytes,
            query_timeout=timeout,
            detectors=tuple(detector) or None,
            scan_logs=not no_logs,
            on_progress=progress,
            deadline=deadline,
        )
        if live:
            report = _discover_server(
                live[0],
                options,
                connection,
                started_at=started,
                connect_timeout=connect_timeout,
                deadline=deadline,
                cluster=(cluster, parallel_shards) if cluster else None,
            )
        else:
            report = build_report("files", discover_files(targets, options), started_at=started)
    for status in report.targets:
        for error in status.errors:
            typer.echo(f"chwarden: {status.target}: {error}", err=True)
    keep_run(keep, "discover", report)
    report = filter_severities(report, shown)
    emit(report, pairs)
    raise typer.Exit(exit_code_for(report, fail_on))


def _aim_engine(target: str, detectors: tuple[Detector, ...]) -> None:
    """``chdb://...``: tell the worker prewarmed at start (``cli._prewarm_engine``) its engine and a
    warm-up that compiles the pattern sets this scan will run (``sql.warm_up_query``): the engine
    compiles them (about 1.1 s) while this process goes on to connect and plan. Any other target,
    or a target that does not parse (the connection reports it), tells it nothing."""
    from chwarden.connect.engine_worker import aim, connection_string  # lazy: embedded targets only

    try:
        parsed = parse_target(target)
    except TargetError:
        return
    if parsed.scheme == "chdb":
        aim(connection_string(parsed.path, parsed.config_file, True), warm_up_query(detectors))


def _check_readable(path: Path) -> None:
    """A file to scan must exist and be readable: anything else is an input error, never "no findings"."""
    if not path.exists():
        raise UsageError(f"{path}: no such file")
    if not path.is_file():
        raise UsageError(f"{path}: not a file")
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror})") from exc


def _discover_server(
    target: str,
    options: DiscoverOptions,
    connection: ConnectionOptions,
    *,
    started_at: str,
    connect_timeout: float,
    deadline: float,
    cluster: tuple[str, int] | None = None,
) -> Report:
    parsed = parse_target(target)
    credentials = connection.credentials(parsed)

    def open_node(node: Target) -> GuardedConnection:
        return connect(
            node,
            credentials,
            verify_tls=connection.verify_tls,
            ca_file=connection.ca_path,
            connect_timeout=connect_timeout,
            max_execution_time=options.query_timeout,
            deadline=deadline,
        )

    try:
        conn = open_node(parsed)
    except ChwardenConnectError as exc:
        fail_connection(parsed.display, exc)
    try:
        conn.query("SELECT 1")
        check_scope(conn, options.database, options.table)
        if cluster is not None:
            return _discover_cluster(conn, parsed, cluster, open_node, options, started_at)
        result = discover_live(conn, parsed.display, options)
        how = ConnectionInfo(
            kind="embedded" if parsed.scheme == "chdb" else "live",
            url=parsed.url,
            protocol=parsed.protocol,
            user=credentials.user,
            password_given=bool(credentials.password),
            tls=parsed.tls,
            session_lock=conn.settings_mode,
        )
    except ChwardenConnectError as exc:
        fail_connection(parsed.display, exc)
    except QueryFailed as exc:
        fail(f"{parsed.display}: {exc}", EXIT_UNREACHABLE)
    finally:
        conn.close()
    anonymous = None
    if parsed.scheme != "chdb" and credentials.user == "default" and not credentials.password:
        anonymous = (parsed.protocol, parsed.port)
    return build_report(parsed.display, result, anonymous=anonymous, started_at=started_at, connection=how)


def _discover_cluster(
    seed: GuardedConnection,
    first: Target,
    cluster: tuple[str, int],
    open_node: Callable[[Target], GuardedConnection],
    options: DiscoverOptions,
    started_at: str,
) -> Report:
    """Every shard of the cluster; one line per shard on stderr; exit 3 when no shard answered."""
    name, parallel = cluster
    found = discover_cluster(seed, first, name, open_node, options, parallel=parallel)
    for shard in found.shards:
        if shard.result is None:
            typer.echo(f"chwarden: shard {shard.shard}: failed ({len(shard.errors)} replica(s) tried)", err=True)
            continue
        typer.echo(
            f"chwarden: shard {shard.shard} via {shard.node}: {shard.result.tables_scanned} tables, "
            f"{shard.result.rows_scanned} rows in {shard.seconds:.1f} s",
            err=True,
        )
    if all(s.failed for s in found.shards):
        fail(f"cluster {name}: no shard could be scanned", EXIT_UNREACHABLE)
    failed = [(f"cluster {name} shard {s.shard}", "; ".join(s.errors)[:400]) for s in found.shards if s.failed]
    return build_report(f"cluster {name}", found.result, started_at=started_at, failed=failed)


def detectors(fmt: Annotated[CatalogFormat, typer.Option("--format", "-f")] = CatalogFormat.table) -> None:
    """List the detectors `discover` runs (id, category, severity, validator)."""
    rules = load_rules().detectors
    if fmt is CatalogFormat.json:
        payload = [
            {
                "id": d.id,
                "title": d.title,
                "category": d.category,
                "severity": d.severity.value,
                "validator": d.validator,
                "keywords": list(d.keywords),
                "pattern": d.pattern,
            }
            for d in rules
        ]
        sys.stdout.write(json.dumps(payload, indent=2) + "\n")
        return
    width = max(len(d.id) for d in rules)
    lines = [f"{'id':<{width}}  {'category':<12}  {'severity':<8}  {'validator':<15}  title"]
    lines += [f"{d.id:<{width}}  {d.category:<12}  {d.severity.value:<8}  {d.validator:<15}  {d.title}" for d in rules]
    lines.append(f"{len(rules)} detectors ({sum(d.category == 'secret' for d in rules)} secret types)")
    sys.stdout.write("\n".join(lines) + "\n")
