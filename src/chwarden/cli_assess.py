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

from chwarden.cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    FailOnOpt,
    MaxTimeOpt,
    check_positive,
    fail,
    pair_outputs,
)
from chwarden.model import Report, Severity


def _exit_code(report: Report, fail_on: Severity) -> int:
    serious = [f.severity for f in report.findings] + [p.severity for p in report.attack_paths]
    return EXIT_FINDINGS if any(s.at_least(fail_on) for s in serious) else EXIT_OK


def _print_top(report: Report, top: int) -> None:
    """The top paths as one-liners on stderr (the report itself goes where --format says)."""
    if not report.attack_paths:
        typer.echo("no attack path to sensitive data found", err=True)
        return
    typer.echo(f"top {min(top, len(report.attack_paths))} of {len(report.attack_paths)} attack paths:", err=True)
    for number, path in enumerate(report.attack_paths[:top], 1):
        typer.echo(f"{number}. [{path.severity.value}] {path.summary}", err=True)


def assess(
    targets: Annotated[
        list[str],
        typer.Argument(help="http[s]://host[:port], clickhouse[s]://host[:port] or chdb:///data?config=FILE"),
    ],
    user: Annotated[str | None, typer.Option("--user", "-u", envvar="CLICKHOUSE_USER")] = None,
    password_file: Annotated[
        Path | None, typer.Option("--password-file", help="File holding the password (else CLICKHOUSE_PASSWORD).")
    ] = None,
    ask_password: Annotated[bool, typer.Option("--ask-password", help="Prompt for the password.")] = False,
    insecure: Annotated[bool, typer.Option("--insecure", help="Do not verify TLS certificates.")] = False,
    ca_file: Annotated[Path | None, typer.Option("--ca-file", help="CA bundle to verify TLS with.")] = None,
    no_probe: Annotated[bool, typer.Option("--no-probe", help="Do not probe the host's other ports.")] = False,
    no_discover: Annotated[
        bool, typer.Option("--no-discover", help="Do not read table data; infer sensitive tables from names.")
    ] = False,
    no_local_config: Annotated[
        bool, typer.Option("--no-local-config", help="Do not read the config of a server running on this machine.")
    ] = False,
    max_paths: Annotated[int, typer.Option("--max-paths", help="Keep at most this many paths.")] = 50,
    top: Annotated[int, typer.Option("--top", help="Print this many paths on stderr.")] = 5,
    timeout: Annotated[int, typer.Option("--timeout", help="Per-query time limit in seconds.")] = 20,
    connect_timeout: Annotated[float, typer.Option("--connect-timeout")] = 5.0,
    max_time: MaxTimeOpt = 300.0,
    fmt: Annotated[
        list[str],
        typer.Option("--format", "-f", help="terminal, json, sarif, markdown, html, dot or mermaid (repeatable)."),
    ] = [],  # noqa: B006
    output: Annotated[list[Path], typer.Option("--output", "-o", help="Write here (repeatable).")] = [],  # noqa: B006
    fail_on: FailOnOpt = Severity.HIGH,
) -> None:
    """Rank the attack paths from the network to the sensitive data, each with its cheapest fix."""
    from chwarden.assess import AssessOptions
    from chwarden.assess import assess as run_assess
    from chwarden.audit import AuditOptions
    from chwarden.cli import Format, emit
    from chwarden.connect import TargetError, parse_target, resolve_credentials

    if max_paths < 1 or top < 0:
        fail("--max-paths must be at least 1 and --top at least 0", EXIT_USAGE)
    check_positive(timeout=timeout, connect_timeout=connect_timeout, max_time=max_time)
    known = {f.value for f in Format}
    unknown = [f for f in fmt if f not in known]
    if unknown:
        fail(f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(sorted(known))}", EXIT_USAGE)
    pairs = pair_outputs([Format(f) for f in fmt], output)
    options = AssessOptions(
        audit=AuditOptions(
            verify_tls=not insecure,
            ca_file=str(ca_file) if ca_file else None,
            connect_timeout=connect_timeout,
            query_timeout=timeout,
            max_time=max_time,
            probe_ports=not no_probe,
            use_local_config=not no_local_config,
        ),
        discover=not no_discover,
        max_paths=max_paths,
    )
    try:
        parsed = [parse_target(t) for t in targets]
        credentials = resolve_credentials(
            parsed[0],
            user=user,
            password_file=str(password_file) if password_file else None,
            ask_password=ask_password,
        )
        report, _snapshots = run_assess(parsed, credentials, options)
    except (TargetError, ValueError) as exc:
        fail(str(exc), EXIT_USAGE)
    for status in report.targets:
        if status.status == "failed":
            typer.echo(f"chwarden: {status.target}: {'; '.join(status.errors)}", err=True)
    if report.targets and all(t.status == "failed" for t in report.targets):
        raise typer.Exit(EXIT_UNREACHABLE)
    _print_top(report, top)
    emit(report, pairs)
    raise typer.Exit(_exit_code(report, fail_on))
