"""``chwarden assess``: attack paths from the network to the sensitive data, for live targets.

Collects each target like ``audit`` (with the credentials given, or as `default` with an empty
password, which is what a stranger would try), probes its ports, runs discover when installed, and
ranks the paths. Exit codes: 1 when a finding or a path is at or above --fail-on, 2 bad input,
3 no target could be assessed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chwarden.assess import AssessOptions
from chwarden.assess import assess as run_assess
from chwarden.audit import AuditOptions
from chwarden.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    AskPasswordOpt,
    CaFileOpt,
    ConnectionOptions,
    ConnectTimeoutOpt,
    FailOn,
    FailOnOpt,
    InsecureOpt,
    MaxTimeOpt,
    PasswordFileOpt,
    QuietOpt,
    SeverityOpt,
    TimeoutOpt,
    UsageError,
    UserOpt,
    VerboseOpt,
    check_positive,
    emit,
    exit_code_of_failures,
    filter_severities,
    input_errors_exit_2,
    note,
    pair_outputs,
    parse_severities,
    report_failed_targets,
    set_output,
    target_from_environment,
)
from chwarden.cli.store import KeepOpt, keep_run
from chwarden.connect import parse_target
from chwarden.model import Report
from chwarden.report import PATH_FORMATS, ReportFormat

EXAMPLES = {
    "assess": (
        "  chwarden assess http://db1:8123 http://db2:8123 -f html -o paths.html\n"
        "  chwarden assess http://db1:8123 -f dot -o paths.dot       (or -f mermaid)\n"
        "  chwarden assess clickhouse://db1:9000 --no-discover        infer sensitive tables from names"
    )
}


def _exit_code(report: Report, fail_on: FailOn) -> int:
    serious = [f.severity for f in report.findings] + [p.severity for p in report.attack_paths]
    return EXIT_FINDINGS if any(fail_on.fails(s) for s in serious) else EXIT_OK


def _print_top(report: Report, top: int, graph_only: bool) -> None:
    """The top paths as one-liners on stderr (the report itself goes where --format says)."""
    if not report.attack_paths:
        note("no attack path to sensitive data found" + (": the graph is empty" if graph_only else ""))
        return
    note(f"top {min(top, len(report.attack_paths))} of {len(report.attack_paths)} attack paths:")
    for number, path in enumerate(report.attack_paths[:top], 1):
        note(f"{number}. [{path.severity.value}] {path.summary}")


@input_errors_exit_2
def assess(
    targets: Annotated[
        list[str] | None,
        typer.Argument(
            help="http[s]://host[:port], clickhouse[s]://host[:port] or chdb:///data?config=FILE "
            "(default: CLICKHOUSE_HOST)"
        ),
    ] = None,
    user: UserOpt = None,
    password_file: PasswordFileOpt = None,
    ask_password: AskPasswordOpt = False,
    insecure: InsecureOpt = False,
    ca_file: CaFileOpt = None,
    no_probe: Annotated[bool, typer.Option("--no-probe", help="Do not probe the host's other ports.")] = False,
    no_discover: Annotated[
        bool, typer.Option("--no-discover", help="Do not read table data; infer sensitive tables from names.")
    ] = False,
    no_local_config: Annotated[
        bool, typer.Option("--no-local-config", help="Do not read the config of a server running on this machine.")
    ] = False,
    max_paths: Annotated[int, typer.Option("--max-paths", help="Keep at most this many paths.")] = 50,
    top: Annotated[int, typer.Option("--top", help="Print this many paths on stderr.")] = 5,
    timeout: TimeoutOpt = 20,
    connect_timeout: ConnectTimeoutOpt = 5.0,
    max_time: MaxTimeOpt = 300.0,
    fmt: Annotated[
        list[str],
        typer.Option("--format", "-f", help="terminal, json, sarif, markdown, html, dot or mermaid (repeatable)."),
    ] = [],  # noqa: B006
    output: Annotated[list[Path], typer.Option("--output", "-o", help="Write here (repeatable).")] = [],  # noqa: B006
    fail_on: FailOnOpt = FailOn.high,
    severity: SeverityOpt = [],  # noqa: B006
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    keep: KeepOpt = None,
) -> None:
    """Rank the attack paths from the network to the sensitive data, each with its cheapest fix."""
    set_output(quiet, verbose)
    shown = parse_severities(severity)
    if not targets:
        from_env = target_from_environment()
        if from_env is None:
            raise UsageError("give at least one TARGET (or set CLICKHOUSE_HOST)")
        targets = [from_env]
    connection = ConnectionOptions(user, password_file, ask_password, insecure, ca_file)
    if max_paths < 1 or top < 0:
        raise UsageError("--max-paths must be at least 1 and --top at least 0")
    check_positive(timeout=timeout, connect_timeout=connect_timeout, max_time=max_time)
    known = {f.value for f in ReportFormat}
    unknown = [f for f in fmt if f not in known]
    if unknown:
        raise UsageError(f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(sorted(known))}")
    pairs = pair_outputs([ReportFormat(f) for f in fmt], output)
    options = AssessOptions(
        audit=AuditOptions(
            verify_tls=connection.verify_tls,
            ca_file=connection.ca_path,
            connect_timeout=connect_timeout,
            query_timeout=timeout,
            max_time=max_time,
            probe_ports=not no_probe,
            use_local_config=not no_local_config,
        ),
        discover=not no_discover,
        max_paths=max_paths,
    )
    parsed = [parse_target(t) for t in targets]
    report, snapshots = run_assess(parsed, connection.credentials(parsed[0]), options)
    report_failed_targets(report)
    if report.targets and all(t.status == "failed" for t in report.targets):
        raise typer.Exit(exit_code_of_failures(report))
    keep_run(keep, "assess", report, list(snapshots))
    report = filter_severities(report, shown)
    _print_top(report, top, graph_only=all(f in PATH_FORMATS for f, _ in pairs))
    emit(report, pairs)
    raise typer.Exit(_exit_code(report, fail_on))
