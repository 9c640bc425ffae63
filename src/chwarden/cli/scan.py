"""``chwarden scan``: options, streaming (``--format jsonl``), progress bar and exit code.

The scanning itself is ``chwarden.scan.run_scan``; this module only turns the command line into
``ScanOptions`` and the outcome into output. Exit codes as for audit: 1 findings at or above
--fail-on, 2 bad input, 3 no target could be scanned at all.
"""

from __future__ import annotations

import json
import sys
import uuid
from contextlib import AbstractContextManager, nullcontext
from enum import Enum
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from chwarden.cli.common import (
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    FailOn,
    FailOnOpt,
    OutputOpt,
    QuietOpt,
    SeverityOpt,
    ShardOpt,
    SuppressionsOpt,
    UsageError,
    VerboseOpt,
    apply_suppressions,
    emit,
    exit_code_for,
    fail,
    filter_severities,
    input_errors_exit_2,
    note,
    pair_outputs,
    parse_severities,
    parse_shard,
    positive,
    report_failed_targets,
    set_output,
)
from chwarden.cli.store import KeepOpt, keep_run
from chwarden.inputfiles import SMALL_FILE_BYTES, InputFileError, read_capped_text
from chwarden.model import Endpoint, Report
from chwarden.report import ReportFormat
from chwarden.scan import ScanOptions, parse_ports, parse_targets, read_credentials, run_scan
from chwarden.scan.shard import sharded_targets
from chwarden.sources.network.rates import describe as describe_pacing
from chwarden.sources.network.scanner import Credential

EXAMPLES = {
    "scan": (
        "  chwarden scan 10.0.0.0/28 db.internal:9000 https://ch.example.com\n"
        "  chwarden scan @hosts.txt @nmap-results.xml @masscan.json\n"
        "  chwarden scan 10.0.0.0/16 --yes-large-range --rate 200 --format jsonl"
    )
}


class ScanFormat(str, Enum):
    """The report formats of a whole report (no attack-path graphs), plus streaming JSON lines."""

    terminal = "terminal"
    json = "json"
    sarif = "sarif"
    markdown = "markdown"
    html = "html"
    jsonl = "jsonl"


class JsonLines:
    """``--format jsonl``: one JSON object per line, endpoints as they are found, then the verdict.

    Every line also names its run (``scan_id``), the machine's ``shard`` (``I/N``) and when it was
    written (``at``, UTC, ``YYYY-MM-DD hh:mm:ss``), so the lines of many machines load into one
    table: the store's ``scan_results`` (``INSERT ... FORMAT JSONEachRow`` with
    ``input_format_skip_unknown_fields=1``, which leaves the nested fields out).
    """

    def __init__(self, stream: IO[str], shard: tuple[int, int] = (0, 1)) -> None:
        self.stream = stream
        self.run = {"scan_id": f"scan-{uuid.uuid4().hex[:12]}", "shard": f"{shard[0]}/{shard[1]}"}

    def write(self, kind: str, payload: dict[str, Any]) -> None:
        from chwarden.store import store_time  # lazy: the store package loads only for JSON lines

        line = {"type": kind, **self.run, "at": store_time(), **payload}
        self.stream.write(json.dumps(line, default=str) + "\n")
        self.stream.flush()

    def endpoint(self, endpoint: Endpoint) -> None:
        self.write("endpoint", endpoint.model_dump(mode="json"))

    def finish(self, report: Report, stats: dict[str, Any]) -> None:
        for finding in report.findings:
            self.write("finding", finding.model_dump(mode="json"))
        for target in report.targets:
            self.write("target", target.model_dump(mode="json"))
        self.write("summary", stats)


def _progress(enabled: bool) -> Any:
    """A rich progress bar on stderr, or None when stderr is not a terminal."""
    if not enabled or not sys.stderr.isatty():
        return None
    return Progress(
        TextColumn("scanning"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("probes"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def _read_credentials(path: Path | None) -> tuple[Credential, ...]:
    if path is None:
        return ()
    try:
        text = read_capped_text(path, SMALL_FILE_BYTES, "credentials file")
    except InputFileError as exc:
        fail(str(exc), EXIT_USAGE)
    return read_credentials(text, str(path))


@input_errors_exit_2
def scan(
    targets: Annotated[
        list[str],
        typer.Argument(
            help="Hosts, IPs, CIDRs, host:port, URLs, or @FILE (a list, nmap -oX, masscan -oJ or zmap -O csv).",
            show_default=False,
        ),
    ],
    ports: Annotated[
        str,
        typer.Option("--ports", "-p", help="Ports to try, e.g. 8123,9000-9010 ('default' = every ClickHouse port)."),
    ] = "default",
    yes_large_range: Annotated[
        bool, typer.Option("--yes-large-range", help="Confirm scanning more than 256 addresses.")
    ] = False,
    concurrency: Annotated[int, typer.Option("--concurrency", help="Simultaneous connections.")] = 128,
    rate: Annotated[
        float | None,
        typer.Option(
            "--rate",
            help="New connections per second (0 = unlimited). Default by address: unlimited on loopback, "
            "2000/s on private networks, 500/s on public ones.",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Per connection: connect and each read (s).")] = 3.0,
    max_time: Annotated[float, typer.Option("--max-time", help="Total time limit of the scan (s).")] = 600.0,
    read_samples: Annotated[
        bool,
        typer.Option("--read-samples", help="Opt-in: read a few rows of sensitive-looking tables (redacted)."),
    ] = False,
    try_credentials: Annotated[
        Path | None,
        typer.Option("--try-credentials", help="Opt-in: FILE of user:password defaults to try on closed ports."),
    ] = None,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No progress bar on stderr.")] = False,
    shard: ShardOpt = None,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Random scan order from this seed (the same on every --shard).")
    ] = None,
    suppressions: SuppressionsOpt = None,
    fmt: Annotated[list[ScanFormat], typer.Option("--format", "-f", help="Output format (repeatable).")] = [],  # noqa: B006
    output: OutputOpt = [],  # noqa: B006
    fail_on: FailOnOpt = FailOn.high,
    severity: SeverityOpt = [],  # noqa: B006
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    keep: KeepOpt = None,
) -> None:
    """Find the ClickHouse endpoints strangers can reach, and what they expose."""
    set_output(quiet, verbose)
    shown = parse_severities(severity)
    for name, value in (("--concurrency", concurrency), ("--timeout", timeout), ("--max-time", max_time)):
        positive(name, value)
    if rate is not None and rate < 0:
        raise UsageError("--rate must be 0 (unlimited) or more")
    stream_to: Path | None = None
    streaming = ScanFormat.jsonl in fmt
    if streaming:
        index = fmt.index(ScanFormat.jsonl)
        if output and len(output) == len(fmt):
            stream_to = output[index]
            output = output[:index] + output[index + 1 :]
        fmt = [f for f in fmt if f is not ScanFormat.jsonl]
    pairs = pair_outputs([ReportFormat(f.value) for f in fmt], output) if (fmt or output or not streaming) else []
    options = ScanOptions(
        ports=parse_ports(ports),
        timeout=timeout,
        max_time=max_time,
        concurrency=concurrency,
        rate=rate,
        read_samples=read_samples,
        credentials=_read_credentials(try_credentials),
    )
    share = parse_shard(shard)
    if share[1] > 1 and seed is None:
        raise UsageError("--shard needs --seed: every machine must walk the range in the same order")
    if seed is None:
        parsed = parse_targets(targets, allow_large=yes_large_range)
    else:
        plan = sharded_targets(targets, *share, seed, allow_large=yes_large_range)
        parsed = plan.targets
        typer.echo(f"shard {share[0]}/{share[1]}: {len(parsed)} of {plan.total} addresses (seed {seed})", err=True)
    sink: AbstractContextManager[IO[str]] = (
        stream_to.open("w", encoding="utf-8") if stream_to is not None else nullcontext(sys.stdout)
    )
    bar = _progress(not no_progress and not quiet)
    with sink as stream, bar if bar is not None else nullcontext():
        lines = JsonLines(stream, share) if streaming else None
        task = bar.add_task("scan", total=None) if bar is not None else None

        def progress(done: int, total: int) -> None:
            if bar is not None and task is not None:
                bar.update(task, completed=done, total=total)

        outcome = run_scan(
            parsed,
            options,
            on_endpoint=lines.endpoint if lines is not None else None,
            on_progress=progress,
        )
        stats = {
            "hosts": len(parsed),
            "probes": outcome.run.probes,
            "connections": outcome.run.connections,
            "elapsed_s": round(outcome.run.elapsed_s, 3),
            "probes_per_second": round(outcome.run.probes_per_second, 1),
            "rate_limits": outcome.run.pacing,
        }
        if lines is not None:
            lines.finish(outcome.report, stats)
    report = filter_severities(apply_suppressions(outcome.report, suppressions), shown)
    report_failed_targets(report)
    keep_run(keep, "scan", report, outcome.snapshots)
    if pairs:
        emit(report, pairs)
    note(
        f"scanned {stats['hosts']} host(s), {stats['probes']} probes in {stats['elapsed_s']}s "
        f"({stats['probes_per_second']}/s, rate limit: {describe_pacing(outcome.run.pacing)}); "
        f"{len(report.endpoints)} open endpoint(s)"
    )
    if report.targets and all(t.status == "failed" for t in report.targets) and not outcome.snapshots:
        raise typer.Exit(EXIT_UNREACHABLE)
    raise typer.Exit(exit_code_for(report, fail_on))
