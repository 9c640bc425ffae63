"""What every command shares: exit codes, input errors, connection options, report output.

Exit codes (``chwarden.cli``): 0 ran and nothing at or above --fail-on; 1 findings at or above it;
2 usage or input error; 3 the target could not be reached (refused, timed out, no answer); 4 an
internal error (a bug: please report); 5 the server refused the login; 6 the port answered, but not
as ClickHouse or not in the protocol the URL asked for.

Only errors that mean "the input is wrong" become exit code 2: ``chwarden.errors.InputError``, raised by
the layer that understands the input, and ``UsageError`` for the command line itself; any other
exception is a bug and ends as exit code 4 in ``cli.main``.

Conventions every command follows: ``-q``/``--quiet`` prints nothing but errors and the files
written, ``-v``/``--verbose`` adds what was read and skipped; ``--fail-on none`` never fails on
findings; ``--severity`` shows only the listed severities (and the exit code follows what is shown);
``NO_COLOR`` turns colours off; the connection follows clickhouse-client's environment
(``CLICKHOUSE_HOST``, ``CLICKHOUSE_PORT``, ``CLICKHOUSE_USER``, ``CLICKHOUSE_PASSWORD``,
``CLICKHOUSE_SECURE``).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, ParamSpec, TypeVar

import typer

from chwarden.cli import (
    EXIT_AUTH,
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_NOT_CLICKHOUSE,
    EXIT_OK,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
)
from chwarden.errors import InputError
from chwarden.inputfiles import SMALL_FILE_BYTES, read_capped_text
from chwarden.model import Report, Severity
from chwarden.report import FORMAT_EXTENSIONS, ReportFormat, render

if TYPE_CHECKING:
    from chwarden.connect import ChwardenConnectError, Credentials, Target

__all__ = [
    "EXIT_AUTH",
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_NOT_CLICKHOUSE",
    "EXIT_OK",
    "EXIT_UNREACHABLE",
    "EXIT_USAGE",
]

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


# ---- output: quiet, verbose ----------------------------------------------------------------------


@dataclass
class Output:
    """How much a command prints besides its report (set once per run by ``set_output``)."""

    quiet: bool = False
    verbose: bool = False


OUTPUT = Output()

QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print nothing but errors and the files written (the exit code tells).")
]
VerboseOpt = Annotated[
    bool, typer.Option("--verbose", "-v", help="Also print what was read, skipped and not checked, one by one.")
]


def set_output(quiet: bool, verbose: bool) -> None:
    if quiet and verbose:
        raise UsageError("--quiet and --verbose exclude each other")
    OUTPUT.quiet, OUTPUT.verbose = quiet, verbose


def note(message: str) -> None:
    """A line on stderr for the user (what was written, suppressed, generated), unless --quiet."""
    if not OUTPUT.quiet:
        typer.echo(message, err=True)


# ---- connection options --------------------------------------------------------------------------

UserOpt = Annotated[
    str | None, typer.Option("--user", "-u", envvar="CLICKHOUSE_USER", help="User to log in as (CLICKHOUSE_USER).")
]
PasswordFileOpt = Annotated[
    Path | None, typer.Option("--password-file", help="File holding the password (else CLICKHOUSE_PASSWORD).")
]
AskPasswordOpt = Annotated[bool, typer.Option("--ask-password", help="Prompt for the password.")]
InsecureOpt = Annotated[bool, typer.Option("--insecure", help="Do not verify TLS certificates.")]
CaFileOpt = Annotated[Path | None, typer.Option("--ca-file", help="CA bundle to verify TLS with.")]
TimeoutOpt = Annotated[int, typer.Option("--timeout", help="Per-query time limit in seconds.")]
ConnectTimeoutOpt = Annotated[float, typer.Option("--connect-timeout", help="Seconds to wait for a connection.")]
MaxTimeOpt = Annotated[
    float,
    typer.Option("--max-time", help="Run deadline in seconds: nothing is sent after it, the report is partial."),
]

_TRUE = frozenset({"1", "true", "yes", "on"})


def target_from_environment(env: dict[str, str] | None = None) -> str | None:
    """clickhouse-client's ``CLICKHOUSE_HOST``/``PORT``/``SECURE`` as a native target URL (None without a host).

    The port is the native one, as for clickhouse-client: 9000, or 9440 with ``CLICKHOUSE_SECURE``.
    """
    env = dict(os.environ) if env is None else env
    host = env.get("CLICKHOUSE_HOST", "").strip()
    if not host:
        return None
    secure = env.get("CLICKHOUSE_SECURE", "").strip().lower() in _TRUE
    port = env.get("CLICKHOUSE_PORT", "").strip() or ("9440" if secure else "9000")
    if not port.isdigit():
        raise UsageError(f"CLICKHOUSE_PORT must be a port number, not {port!r}")
    bracketed = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"{'clickhouses' if secure else 'clickhouse'}://{bracketed}:{port}"


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
        """User from --user, the URL or CLICKHOUSE_USER; password from a file, a prompt or the env.

        A user named without any password source is asked for the password when a person is at
        the terminal (an empty answer logs in without one); scripts and CI are never prompted.
        """
        from chwarden.connect import resolve_credentials  # lazy: transports load only for live targets

        named = bool(self.user or target.user or os.environ.get("CLICKHOUSE_USER"))
        no_password = not (self.password_file or self.ask_password or "CLICKHOUSE_PASSWORD" in os.environ)
        prompt = self.ask_password or (named and no_password and target.scheme != "chdb" and _interactive())
        return resolve_credentials(
            target,
            user=self.user,
            password_file=str(self.password_file) if self.password_file else None,
            ask_password=prompt,
        )


def _interactive() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


# Why a login was refused, by ClickHouse error code, and what to try.
_PASSWORD_SOURCES = "--ask-password, CLICKHOUSE_PASSWORD or --password-file FILE"
AUTH_HINTS = {
    192: "check the user name (--user or CLICKHOUSE_USER)",
    193: f"check the password ({_PASSWORD_SOURCES})",
    194: f"give the password with {_PASSWORD_SOURCES}",
    195: "this user may not log in from this machine's address (its <networks> or HOST list); "
    "run chwarden from an allowed host, or audit the config files with --config DIR",
    516: f"check the user and the password (--user; {_PASSWORD_SOURCES})",
}
EXIT_OF_KIND = {"auth": EXIT_AUTH, "not_clickhouse": EXIT_NOT_CLICKHOUSE}


def connection_failure(target: str, error: ChwardenConnectError) -> tuple[str, int]:
    """One line (``host:port: what happened; what to try``) and the exit code for a target that failed."""
    hint = error.hint
    if error.kind == "auth":
        hint = hint or AUTH_HINTS.get(getattr(error, "code", None) or 0, AUTH_HINTS[194])
        line = f"{target}: login refused: {error}"
    else:
        line = f"{target}: {error}"
    return (f"{line}; {hint}" if hint else line), EXIT_OF_KIND.get(error.kind, EXIT_UNREACHABLE)


def fail_connection(target: str, error: ChwardenConnectError) -> NoReturn:
    line, code = connection_failure(target, error)
    fail(line, code)


def exit_code_of_failures(report: Report) -> int:
    """The exit code when no target could be used: the kind all failed targets share, else 3."""
    kinds = {t.failure for t in report.targets if t.status == "failed"}
    if len(kinds) == 1:
        return EXIT_OF_KIND.get(next(iter(kinds)) or "", EXIT_UNREACHABLE)
    return EXIT_UNREACHABLE


# ---- severities: --fail-on, --severity -----------------------------------------------------------


class FailOn(str, Enum):
    """The severity at or above which findings make the exit code 1; ``none`` never does."""

    none = "none"
    info = "info"
    low = "low"
    medium = "medium"
    high = "high"
    critical = "critical"

    def fails(self, severity: Severity) -> bool:
        return self is not FailOn.none and severity.at_least(Severity(self.value))


FailOnOpt = Annotated[
    FailOn,
    typer.Option("--fail-on", case_sensitive=False, help="Exit 1 when a finding is at or above this severity."),
]
SeverityOpt = Annotated[
    list[str],
    typer.Option(
        "--severity",
        "-s",
        help="Show only these severities (repeatable or comma-separated, e.g. critical,high).",
    ),
]


def parse_severities(values: list[str]) -> frozenset[Severity] | None:
    """The severities ``--severity`` names (None: all); an unknown name is a usage error."""
    names = [part.strip().lower() for value in values for part in value.split(",") if part.strip()]
    if not names:
        return None
    known = {s.value: s for s in Severity}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise UsageError(f"unknown severity {', '.join(unknown)}; choose from {', '.join(known)}")
    return frozenset(known[n] for n in names)


def filter_severities(report: Report, shown: frozenset[Severity] | None) -> Report:
    """The report with only the findings and attack paths of the ``shown`` severities."""
    if shown is None:
        return report
    return report.model_copy(
        update={
            "findings": [f for f in report.findings if f.severity in shown],
            "attack_paths": [p for p in report.attack_paths if p.severity in shown],
        }
    )


def exit_code_for(report: Report, fail_on: FailOn) -> int:
    return EXIT_FINDINGS if any(fail_on.fails(f.severity) for f in report.findings) else EXIT_OK


# ---- report output -------------------------------------------------------------------------------

FormatOpt = Annotated[list[ReportFormat], typer.Option("--format", "-f", help="Output format (repeatable).")]
OutputOpt = Annotated[list[Path], typer.Option("--output", "-o", help="Write the report here (repeatable).")]
DetailsOpt = Annotated[
    bool,
    typer.Option("--details", help="Terminal output: each finding's evidence and exact fix, the full lists."),
]


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
            from chwarden.report.terminal import print_report  # lazy: rich loads only for terminal output

            print_report(report, details=details, verbose=OUTPUT.verbose, quiet=OUTPUT.quiet)
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
        note(f"wrote {fmt.value} report to {out}")
    if any(out is not None for _, out in pairs) and not any(fmt is ReportFormat.terminal for fmt, _ in pairs):
        note(summary_line(report))


def summary_line(report: Report) -> str:
    counts = {s: 0 for s in Severity}
    for f in report.findings:
        counts[f.severity] += 1
    parts = ", ".join(f"{counts[s]} {s.value}" for s in Severity)
    partial = " (partial: see targets)" if report.partial else ""
    return f"{len(report.findings)} findings: {parts}; {len(report.not_checked)} not checked{partial}"


def report_failed_targets(report: Report) -> None:
    """One line on stderr per target that could not be used at all (its address once)."""
    for status in report.targets:
        if status.status == "failed":
            line = "; ".join(status.errors)
            if status.failure == "auth":
                line = f"login refused: {line}; {AUTH_HINTS[516]}"
            typer.echo(f"chwarden: {status.target}: {line}", err=True)


# ---- inputs --------------------------------------------------------------------------------------

SuppressionsOpt = Annotated[
    Path | None,
    typer.Option("--suppressions", help="Suppression file (default: .chwarden.yaml in the current directory)."),
]


def apply_suppressions(report: Report, path: Path | None, scanned_root: Path | None = None) -> Report:
    """Apply the suppression file (given, or `.chwarden.yaml` in the current directory or scanned root)."""
    from chwarden.suppress import apply, find_file, load  # lazy: YAML and the file model load when a command runs

    chosen = path or find_file(Path.cwd(), *([scanned_root] if scanned_root else []))
    if chosen is None:
        return report
    applied = apply(report, load(chosen))
    parts = [f"{len(applied.suppressed)} findings suppressed by {chosen}"]
    if applied.expired:
        parts.append(f"{len(applied.expired)} suppressions expired")
    note("; ".join(parts))
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
