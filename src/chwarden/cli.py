"""Command line: parse arguments, call the library, pick renderers, choose the exit code.

Exit codes: 0 ran and nothing at or above --fail-on; 1 findings at or above it; 2 usage or input
error; 3 the target could not be reached or queried at all; 4 an internal error (a bug: please report).
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from pydantic import ValidationError

from chwarden import __version__
from chwarden.model import Report, Severity

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREACHABLE, EXIT_INTERNAL = 0, 1, 2, 3, 4

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="chwarden: find and fix ClickHouse deployments that could become the next data breach.",
)


class Format(str, Enum):
    terminal = "terminal"
    json = "json"
    sarif = "sarif"
    markdown = "markdown"
    html = "html"
    dot = "dot"
    mermaid = "mermaid"


class CatalogFormat(str, Enum):
    table = "table"
    json = "json"


EXTENSION_FORMATS = {
    ".json": Format.json,
    ".sarif": Format.sarif,
    ".md": Format.markdown,
    ".markdown": Format.markdown,
    ".html": Format.html,
    ".htm": Format.html,
    ".txt": Format.terminal,
}


def fail(message: str, code: int) -> NoReturn:
    typer.echo(f"chwarden: error: {message}", err=True)
    raise typer.Exit(code)


def pair_outputs(formats: list[Format], outputs: list[Path]) -> list[tuple[Format, Path | None]]:
    """Match --format and --output by position; a lone --output picks its format by extension."""
    if not formats and not outputs:
        return [(Format.terminal, None)]
    if not formats:
        pairs: list[tuple[Format, Path | None]] = []
        for out in outputs:
            fmt = EXTENSION_FORMATS.get(out.suffix.lower())
            if fmt is None:
                fail(f"cannot tell the format of {out}; add --format", EXIT_USAGE)
            pairs.append((fmt, out))
        return pairs
    if outputs and len(outputs) != len(formats):
        fail("give one --output per --format (or none to print to stdout)", EXIT_USAGE)
    if not outputs and sum(1 for f in formats if f is not Format.terminal) > 1:
        fail("several --format values need one --output each", EXIT_USAGE)
    return [(fmt, outputs[i] if outputs else None) for i, fmt in enumerate(formats)]


def emit(
    report: Report, pairs: list[tuple[Format, Path | None]], *, root: str | None = None, details: bool = False
) -> None:
    from chwarden.report import render

    for fmt, out in pairs:
        if out is None and fmt is Format.terminal:
            from chwarden.report.terminal import print_report

            print_report(report, details=details)
            continue
        text = render(report, fmt.value, root=root, details=details)
        if out is None:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
            continue
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {out}: {exc.strerror}", EXIT_USAGE)
        typer.echo(f"wrote {fmt.value} report to {out}", err=True)
    if any(out is not None for _, out in pairs) and not any(fmt is Format.terminal for fmt, _ in pairs):
        typer.echo(summary_line(report), err=True)


def summary_line(report: Report) -> str:
    counts = {s: 0 for s in Severity}
    for f in report.findings:
        counts[f.severity] += 1
    parts = ", ".join(f"{counts[s]} {s.value}" for s in Severity)
    partial = " (partial: see targets)" if report.partial else ""
    return f"{len(report.findings)} findings: {parts}; {len(report.not_checked)} not checked{partial}"


def exit_code_for(report: Report, fail_on: Severity) -> int:
    return EXIT_FINDINGS if any(f.severity.at_least(fail_on) for f in report.findings) else EXIT_OK


def read_env_file(path: Path | None) -> dict[str, str]:
    """KEY=VALUE lines for from_env substitutions in config files (never the process env)."""
    if path is None:
        return {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        fail(f"cannot read env file {path}: {exc.strerror}", EXIT_USAGE)
    env: dict[str, str] = {}
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            env[key.strip().removeprefix("export ").strip()] = value.strip().strip("'\"")
    return env


FormatOpt = Annotated[list[Format], typer.Option("--format", "-f", help="Output format (repeatable).")]
OutputOpt = Annotated[list[Path], typer.Option("--output", "-o", help="Write the report here (repeatable).")]
DetailsOpt = Annotated[
    bool, typer.Option("--details", help="Terminal output: show each finding's evidence and exact fix.")
]
FailOnOpt = Annotated[Severity, typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity.")]


@app.command()
def audit(
    target: Annotated[
        str | None,
        typer.Argument(help="http[s]://host[:port], clickhouse[s]://host[:port] or chdb:///data?config=FILE"),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="Config directory/file: audit offline, or add to a live audit."),
    ] = None,
    snapshot: Annotated[Path | None, typer.Option("--snapshot", help="Re-judge a saved snapshot.")] = None,
    save_snapshot: Annotated[
        Path | None, typer.Option("--save-snapshot", help="Save the collected facts as JSON.")
    ] = None,
    user: Annotated[str | None, typer.Option("--user", "-u", envvar="CLICKHOUSE_USER")] = None,
    password_file: Annotated[
        Path | None,
        typer.Option("--password-file", help="File holding the password (else CLICKHOUSE_PASSWORD)."),
    ] = None,
    ask_password: Annotated[bool, typer.Option("--ask-password", help="Prompt for the password.")] = False,
    insecure: Annotated[bool, typer.Option("--insecure", help="Do not verify TLS certificates.")] = False,
    ca_file: Annotated[Path | None, typer.Option("--ca-file", help="CA bundle to verify TLS with.")] = None,
    cluster: Annotated[str | None, typer.Option("--cluster", help="Audit every node of this cluster.")] = None,
    env_file: Annotated[
        Path | None,
        typer.Option("--env", help="KEY=VALUE file: from_env in config files, the shell of a compose deployment."),
    ] = None,
    compose_env_files: Annotated[
        list[Path],
        typer.Option("--env-file", help="Compose: env file used instead of the project's .env (repeatable)."),
    ] = [],  # noqa: B006
    image: Annotated[
        str | None,
        typer.Option("--image", help="Image whose defaults complete config.d/users.d-only directories."),
    ] = None,
    no_probe: Annotated[
        bool, typer.Option("--no-probe", help="Do not probe the host's other ClickHouse ports.")
    ] = False,
    no_local_config: Annotated[
        bool,
        typer.Option("--no-local-config", help="Do not read the config of a server running on this machine."),
    ] = False,
    check: Annotated[list[str], typer.Option("--check", help="Run only this check id (repeatable).")] = [],  # noqa: B006
    skip_check: Annotated[list[str], typer.Option("--skip-check", help="Skip this check id (repeatable).")] = [],  # noqa: B006
    timeout: Annotated[int, typer.Option("--timeout", help="Per-query time limit in seconds.")] = 20,
    connect_timeout: Annotated[float, typer.Option("--connect-timeout")] = 5.0,
    fmt: FormatOpt = [],  # noqa: B006
    output: OutputOpt = [],  # noqa: B006
    fix: Annotated[
        bool, typer.Option("--fix", help="Also print the reviewable fix script for the findings (dry run).")
    ] = False,
    details: DetailsOpt = False,
    fail_on: FailOnOpt = Severity.HIGH,
    suppressions: Annotated[
        Path | None,
        typer.Option("--suppressions", help="Suppression file (default: .chwarden.yaml here or in the scanned root)."),
    ] = None,
) -> None:
    """Audit a live server (or cluster), a config directory, or a saved snapshot."""
    from chwarden.audit import AuditOptions, TargetFailed, audit_config, judge, select_checks
    from chwarden.audit import audit as run_audit
    from chwarden.connect import TargetError, parse_target, resolve_credentials
    from chwarden.facts import Snapshot

    pairs = pair_outputs(fmt, output)
    options = AuditOptions(
        verify_tls=not insecure,
        ca_file=str(ca_file) if ca_file else None,
        connect_timeout=connect_timeout,
        query_timeout=timeout,
        probe_ports=not no_probe,
        use_local_config=not no_local_config,
        config_path=str(config) if (config and target) else None,
        env=read_env_file(env_file),
        env_files=tuple(str(p) for p in compose_env_files) if compose_env_files else None,
        image=image,
        cluster=cluster,
        check_ids=tuple(check),
        skip_check_ids=tuple(skip_check),
    )
    sources = sum(x is not None for x in (target, snapshot)) + (1 if config and not target else 0)
    if sources != 1:
        fail(
            "give exactly one of TARGET, --config PATH or --snapshot FILE (TARGET may add --config)",
            EXIT_USAGE,
        )
    root: str | None = None
    try:
        if snapshot is not None:
            try:
                snap = Snapshot.model_validate_json(snapshot.read_bytes())
            except OSError as exc:
                fail(f"cannot read snapshot {snapshot}: {exc.strerror}", EXIT_USAGE)
            except ValidationError as exc:
                fail(
                    f"{snapshot} is not a chwarden snapshot ({exc.error_count()} validation errors)",
                    EXIT_USAGE,
                )
            report, snaps = judge([snap], checks=select_checks(options)), [snap]
        elif target is None:
            from chwarden.sources.configfiles import ConfigError

            assert config is not None
            root = str(config if config.is_dir() else config.parent)
            try:
                report, snaps = audit_config(str(config), options)
            except ConfigError as exc:
                fail(str(exc), EXIT_USAGE)
        else:
            parsed = parse_target(target)
            credentials = resolve_credentials(
                parsed,
                user=user,
                password_file=str(password_file) if password_file else None,
                ask_password=ask_password,
            )
            report, snaps = run_audit(parsed, credentials, options)
    except TargetError as exc:
        fail(str(exc), EXIT_USAGE)
    except ValueError as exc:
        fail(str(exc), EXIT_USAGE)
    except TargetFailed as exc:
        fail(str(exc), EXIT_UNREACHABLE)
    if save_snapshot is not None:
        payload = snaps[0] if len(snaps) == 1 else None
        text = (
            payload.model_dump_json(indent=2)
            if payload is not None
            else json.dumps([s.model_dump(mode="json") for s in snaps], indent=2)
        )
        save_snapshot.write_text(text, encoding="utf-8")
    report = apply_suppressions(report, suppressions, Path(root) if root else None)
    emit(report, pairs, root=root, details=details)
    if fix:
        from chwarden.remediate.script import build

        # Dry run only: applying goes through `chwarden fix REPORT.json --apply`, the one write path.
        sys.stdout.write(build(report).render())
    raise typer.Exit(exit_code_for(report, fail_on))


def apply_suppressions(report: Report, path: Path | None, scanned_root: Path | None = None) -> Report:
    """Apply the suppression file (given, or `.chwarden.yaml` in the current directory or scanned root)."""
    from chwarden.suppress import SuppressionError, apply, find_file, load

    chosen = path or find_file(Path.cwd(), *([scanned_root] if scanned_root else []))
    if chosen is None:
        return report
    try:
        applied = apply(report, load(chosen))
    except SuppressionError as exc:
        fail(str(exc), EXIT_USAGE)
    parts = [f"{len(applied.suppressed)} findings suppressed by {chosen}"]
    if applied.expired:
        parts.append(f"{len(applied.expired)} suppressions expired")
    typer.echo("; ".join(parts), err=True)
    return applied.report


@app.command()
def checks(
    fmt: Annotated[CatalogFormat, typer.Option("--format", "-f")] = CatalogFormat.table,
) -> None:
    """List every check chwarden runs."""
    from chwarden.report.catalog import render_catalog

    sys.stdout.write(render_catalog(fmt.value))


@app.command()
def demo(
    workdir: Annotated[Path | None, typer.Option("--workdir", help="Where the embedded engine keeps its data.")] = None,
    html: Annotated[Path, typer.Option("--html", help="Where to write the HTML report.")] = Path(
        "chwarden-demo-report.html"
    ),
    fmt: FormatOpt = [],  # noqa: B006
    output: OutputOpt = [],  # noqa: B006
    details: DetailsOpt = False,
) -> None:
    """Audit a DeepSeek-like instance on the embedded engine: no server or network needed."""
    from chwarden.demo import run_demo

    report = run_demo(workdir=workdir)
    pairs = pair_outputs(fmt, output)
    emit(report, pairs, details=details)
    from chwarden.report import render

    html.write_text(render(report, "html"), encoding="utf-8")
    typer.echo(f"HTML report: {html}", err=True)
    raise typer.Exit(EXIT_OK)


@app.command()
def version() -> None:
    """Print chwarden's version."""
    typer.echo(f"chwarden {__version__}")


# Commands that live in their own modules register here (one line each).
app.command(name="discover")(__import__("chwarden.cli_discover", fromlist=["discover"]).discover)
app.command(name="detectors")(__import__("chwarden.cli_discover", fromlist=["detectors"]).detectors)
app.command(name="assess")(__import__("chwarden.cli_assess", fromlist=["assess"]).assess)
app.command(name="scan")(__import__("chwarden.cli_scan", fromlist=["scan"]).scan)
app.command(name="harden")(__import__("chwarden.cli_harden", fromlist=["harden"]).harden)
app.command(name="fix")(__import__("chwarden.cli_harden", fromlist=["fix"]).fix)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("chwarden: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug of ours: one clear line, the traceback only on request
        if os.environ.get("CHWARDEN_DEBUG"):
            raise
        typer.echo(
            f"chwarden: internal error: {type(exc).__name__}: {exc} (set CHWARDEN_DEBUG=1 for the traceback)",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
