"""What every command shares: exit codes, input errors, connection options, report output.

Exit codes: 0 ran and nothing at or above --fail-on; 1 findings at or above it; 2 usage or input
error; 3 the target could not be reached or queried at all; 4 an internal error (a bug: please report).

Only errors that mean "the input is wrong" become exit code 2: ``chwarden.errors.InputError``, raised by
the layer that understands the input, and ``UsageError`` for the command line itself; any other
exception is a bug and ends as exit code 4 in ``cli.main``.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, NoReturn, ParamSpec, TypeVar

import typer

from chwarden.connect import Credentials, Target, resolve_credentials
from chwarden.errors import InputError
from chwarden.inputfiles import SMALL_FILE_BYTES, read_capped_text
from chwarden.model import Report, Severity
from chwarden.report import FORMAT_EXTENSIONS, ReportFormat, render
from chwarden.report.terminal import print_report
from chwarden.suppress import apply, find_file, load

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREACHABLE, EXIT_INTERNAL = 0, 1, 2, 3, 4

P = ParamSpec("P")
R = TypeVar("R")


class UsageError(InputError):
    """The command line itself is wrong (an option value, a missing or conflicting argument)."""


def fail(message: str, code: int) -> NoReturn:
    typer.echo(f"chwarden: error: {message}", err=True)
    raise typer.Exit(code)


def input_errors_exit_2(command: Callable[P, R]) -> Callable[P, R]:
    """Run a command so that an input error is one line on stderr and exit code 2."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except InputError as exc:
            fail(str(exc), EXIT_USAGE)

    return run


# ---- connection options --------------------------------------------------------------------------

UserOpt = Annotated[str | None, typer.Option("--user", "-u", envvar="CLICKHOUSE_USER")]
PasswordFileOpt = Annotated[
    Path | None, typer.Option("--password-file", help="File holding the password (else CLICKHOUSE_PASSWORD).")
]
AskPasswordOpt = Annotated[bool, typer.Option("--ask-password", help="Prompt for the password.")]
InsecureOpt = Annotated[bool, typer.Option("--insecure", help="Do not verify TLS certificates.")]
CaFileOpt = Annotated[Path | None, typer.Option("--ca-file", help="CA bundle to verify TLS with.")]
TimeoutOpt = Annotated[int, typer.Option("--timeout", help="Per-query time limit in seconds.")]
ConnectTimeoutOpt = Annotated[float, typer.Option("--connect-timeout")]
MaxTimeOpt = Annotated[
    float,
    typer.Option("--max-time", help="Run deadline in seconds: nothing is sent after it, the report is partial."),
]


@dataclass(frozen=True)
class ConnectionOptions:
    """How to log in and trust a server: the same options on every command that connects."""

    user: str | None = None
    password_file: Path | None = None
    ask_password: bool = False
    insecure: bool = False
    ca_file: Path | None = None

    @property
    def verify_tls(self) -> bool:
        return not self.insecure

    @property
    def ca_path(self) -> str | None:
        return str(self.ca_file) if self.ca_file else None

    def credentials(self, target: Target) -> Credentials:
        """User from --user, the URL or CLICKHOUSE_USER; password from a file, a prompt or the env."""
        return resolve_credentials(
            target,
            user=self.user,
            password_file=str(self.password_file) if self.password_file else None,
            ask_password=self.ask_password,
        )


# ---- report output -------------------------------------------------------------------------------

FormatOpt = Annotated[list[ReportFormat], typer.Option("--format", "-f", help="Output format (repeatable).")]
OutputOpt = Annotated[list[Path], typer.Option("--output", "-o", help="Write the report here (repeatable).")]
DetailsOpt = Annotated[
    bool, typer.Option("--details", help="Terminal output: show each finding's evidence and exact fix.")
]
FailOnOpt = Annotated[Severity, typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity.")]


def pair_outputs(formats: list[ReportFormat], outputs: list[Path]) -> list[tuple[ReportFormat, Path | None]]:
    """Match --format and --output by position; a lone --output picks its format by extension."""
    if not formats and not outputs:
        return [(ReportFormat.terminal, None)]
    if not formats:
        pairs: list[tuple[ReportFormat, Path | None]] = []
        for out in outputs:
            fmt = FORMAT_EXTENSIONS.get(out.suffix.lower())
            if fmt is None:
                raise UsageError(f"cannot tell the format of {out}; add --format")
            pairs.append((fmt, out))
        return pairs
    if outputs and len(outputs) != len(formats):
        raise UsageError("give one --output per --format (or none to print to stdout)")
    if not outputs and sum(1 for f in formats if f is not ReportFormat.terminal) > 1:
        raise UsageError("several --format values need one --output each")
    return [(fmt, outputs[i] if outputs else None) for i, fmt in enumerate(formats)]


def emit(
    report: Report, pairs: list[tuple[ReportFormat, Path | None]], *, root: str | None = None, details: bool = False
) -> None:
    """Render the report in every requested format, to stdout or to its file."""
    for fmt, out in pairs:
        if out is None and fmt is ReportFormat.terminal:
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
    if any(out is not None for _, out in pairs) and not any(fmt is ReportFormat.terminal for fmt, _ in pairs):
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


def report_failed_targets(report: Report) -> None:
    """One line on stderr per target that could not be collected at all."""
    for status in report.targets:
        if status.status == "failed":
            typer.echo(f"chwarden: {status.target}: {'; '.join(status.errors)}", err=True)


# ---- inputs --------------------------------------------------------------------------------------

SuppressionsOpt = Annotated[
    Path | None,
    typer.Option("--suppressions", help="Suppression file (default: .chwarden.yaml in the current directory)."),
]


def apply_suppressions(report: Report, path: Path | None, scanned_root: Path | None = None) -> Report:
    """Apply the suppression file (given, or `.chwarden.yaml` in the current directory or scanned root)."""
    chosen = path or find_file(Path.cwd(), *([scanned_root] if scanned_root else []))
    if chosen is None:
        return report
    applied = apply(report, load(chosen))
    parts = [f"{len(applied.suppressed)} findings suppressed by {chosen}"]
    if applied.expired:
        parts.append(f"{len(applied.expired)} suppressions expired")
    typer.echo("; ".join(parts), err=True)
    return applied.report


def read_env_file(path: Path | None) -> dict[str, str]:
    """KEY=VALUE lines for from_env substitutions in config files (never the process env)."""
    if path is None:
        return {}
    lines = read_capped_text(path, SMALL_FILE_BYTES, "env file").splitlines()
    env: dict[str, str] = {}
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            env[key.strip().removeprefix("export ").strip()] = value.strip().strip("'\"")
    return env


def positive(name: str, value: float) -> None:
    """Refuse a zero or negative count, size or time limit (a 0 s timeout would mean "none")."""
    if value <= 0:
        raise UsageError(f"{name} must be greater than 0")


def check_positive(**values: float) -> None:
    """``positive`` for keyword-named options: ``connect_timeout`` is ``--connect-timeout``."""
    for name, value in values.items():
        positive(f"--{name.replace('_', '-')}", value)


# ---- fleet: one machine's share of the work -----------------------------------------------------

ShardOpt = Annotated[
    str | None,
    typer.Option("--shard", help="I/N: do only share I (0-based) of N, the same split on every machine."),
]


def parse_shard(text: str | None) -> tuple[int, int]:
    """``I/N`` as (I, N) with 0 <= I < N; None means the whole (0, 1)."""
    if text is None:
        return 0, 1
    index, sep, count = text.partition("/")
    if not sep or not index.strip().isdigit() or not count.strip().isdigit():
        raise UsageError(f"--shard must be I/N (e.g. 0/4), not {text!r}")
    i, n = int(index), int(count)
    if not 0 <= i < n:
        raise UsageError(f"--shard {text}: I must be 0..{n - 1} (shards are numbered from 0)")
    return i, n
