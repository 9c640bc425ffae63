"""``chwarden audit``: a live server (or cluster), a config directory, or a saved snapshot."""

# No ``from __future__ import annotations``: typer reads the signature of ``audit`` several times, and
# string annotations would be compiled and evaluated each time (~150 evals, some 5 ms of each run).
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from chwarden.cli.common import (
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    AskPasswordOpt,
    CaFileOpt,
    ConnectionOptions,
    ConnectTimeoutOpt,
    DetailsOpt,
    FailOn,
    FailOnOpt,
    FormatOpt,
    InsecureOpt,
    MaxTimeOpt,
    OutputOpt,
    PasswordFileOpt,
    QuietOpt,
    SeverityOpt,
    TimeoutOpt,
    UsageError,
    UserOpt,
    VerboseOpt,
    apply_suppressions,
    check_positive,
    emit,
    exit_code_for,
    fail,
    fail_connection,
    filter_severities,
    input_errors_exit_2,
    note,
    pair_outputs,
    parse_severities,
    read_env_file,
    set_output,
    target_from_environment,
)
from chwarden.cli.store import KeepOpt, keep_run
from chwarden.report import PATH_FORMATS

if TYPE_CHECKING:
    from chwarden.audit import AuditOptions
    from chwarden.facts import Snapshot
    from chwarden.model import Report

EXAMPLES = {
    "audit": (
        "  chwarden audit --config /etc/clickhouse-server          offline: config.xml, users.xml, *.d/\n"
        "  chwarden audit --config deploy/chi.yaml -f sarif -o r.sarif   Kubernetes / compose, for CI\n"
        "  chwarden audit http://db1:8123 --ask-password           live, over HTTP\n"
        "  chwarden audit clickhouse://db1:9000 --config DIR       live (native) + its config files\n"
        "  CLICKHOUSE_HOST=db1 chwarden audit                      clickhouse-client's environment\n"
        "  chwarden audit --find-config                            every ClickHouse config in this repository\n"
        "  chwarden audit --config DIR --severity critical,high --fail-on critical"
    )
}

TargetArg = Annotated[
    str | None,
    typer.Argument(help="http[s]://host[:port], clickhouse[s]://host[:port] or chdb:///data?config=FILE"),
]


@input_errors_exit_2
def audit(
    target: TargetArg = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="Config directory/file: audit offline, or add to a live audit."),
    ] = None,
    snapshot: Annotated[Path | None, typer.Option("--snapshot", help="Re-judge a saved snapshot.")] = None,
    find_config: Annotated[
        bool,
        typer.Option(
            "--find-config",
            help="Find the config directories, compose files and ClickHouseInstallation manifests here and audit each.",
        ),
    ] = False,
    save_snapshot: Annotated[
        Path | None, typer.Option("--save-snapshot", help="Save the collected facts as JSON.")
    ] = None,
    user: UserOpt = None,
    password_file: PasswordFileOpt = None,
    ask_password: AskPasswordOpt = False,
    insecure: InsecureOpt = False,
    ca_file: CaFileOpt = None,
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
    config_root: Annotated[
        str | None,
        typer.Option(
            "--config-root",
            help="Where the audited copy lived on the server (default /etc/clickhouse-server): absolute paths "
            "in its files are read from the copy.",
        ),
    ] = None,
    server_version: Annotated[
        str | None,
        typer.Option("--server-version", help="Offline: the ClickHouse version the config runs on (e.g. 24.8)."),
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
    timeout: TimeoutOpt = 20,
    connect_timeout: ConnectTimeoutOpt = 5.0,
    max_time: MaxTimeOpt = 300.0,
    fmt: FormatOpt = [],  # noqa: B006
    output: OutputOpt = [],  # noqa: B006
    fix: Annotated[
        bool, typer.Option("--fix", help="Also print the reviewable fix script for the findings (dry run).")
    ] = False,
    details: DetailsOpt = False,
    fail_on: FailOnOpt = FailOn.high,
    severity: SeverityOpt = [],  # noqa: B006
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    keep: KeepOpt = None,
    suppressions: Annotated[
        Path | None,
        typer.Option("--suppressions", help="Suppression file (default: .chwarden.yaml here or in the scanned root)."),
    ] = None,
) -> None:
    """Audit a live server (or cluster), a config directory, or a saved snapshot.

    TARGET defaults to clickhouse-client's CLICKHOUSE_HOST / CLICKHOUSE_PORT / CLICKHOUSE_SECURE when
    neither TARGET, --config nor --snapshot is given.
    """
    # lazy: the audit pipeline (checks, config sources, transports) loads when an audit runs, not for --help
    from chwarden.audit import AuditOptions, TargetFailed, audit_config  # lazy: as above
    from chwarden.audit import audit as run_audit  # lazy: as above
    from chwarden.checks.judge import judge  # lazy: as above

    set_output(quiet, verbose)
    shown = parse_severities(severity)
    connection = ConnectionOptions(user, password_file, ask_password, insecure, ca_file)
    pairs = pair_outputs(fmt, output)
    if any(f in PATH_FORMATS for f, _ in pairs):
        raise UsageError("an audit has no attack paths to draw: --format dot/mermaid is for `chwarden assess TARGET`")
    check_positive(timeout=timeout, connect_timeout=connect_timeout, max_time=max_time)
    if target is None and config is None and snapshot is None and not find_config:
        target = target_from_environment()
    options = AuditOptions(
        verify_tls=connection.verify_tls,
        ca_file=connection.ca_path,
        connect_timeout=connect_timeout,
        query_timeout=timeout,
        max_time=max_time,
        probe_ports=not no_probe,
        use_local_config=not no_local_config,
        config_path=str(config) if (config and target) else None,
        env=read_env_file(env_file),
        env_files=tuple(str(p) for p in compose_env_files) if compose_env_files else None,
        image=image,
        install_root=config_root,
        server_version=server_version,
        cluster=cluster,
        check_ids=tuple(check),
        skip_check_ids=tuple(skip_check),
    )
    sources = sum(x is not None for x in (target, snapshot)) + (1 if config and not target else 0) + find_config
    if sources != 1:
        raise UsageError(
            "give exactly one of TARGET, --config PATH, --snapshot FILE or --find-config (TARGET may add --config)"
        )
    root: str | None = None
    if find_config:
        root = "."
        report, snaps = audit_found_inputs(Path.cwd(), options)
    elif snapshot is not None:
        snaps = [read_snapshot(snapshot)]
        report = judge(snaps, checks=options.selected_checks())
    elif target is None:
        assert config is not None
        root = str(config if config.is_dir() else config.parent)
        report, snaps = audit_config(str(config), options)
    else:
        from chwarden.connect import parse_target  # lazy: a live target only (`audit --config` needs no transport)

        parsed = parse_target(target)
        try:
            report, snaps = run_audit(parsed, connection.credentials(parsed), options)
        except TargetFailed as exc:
            if exc.cause is not None:
                fail_connection(exc.target, exc.cause)
            fail(str(exc), EXIT_UNREACHABLE)
    if save_snapshot is not None:
        write_snapshots(save_snapshot, snaps)
        note(f"wrote the facts to {save_snapshot} (re-judge them with --snapshot)")
    root = root or config_dir_of(report)
    report = apply_suppressions(report, suppressions, Path(root) if root else None)
    keep_run(keep, "audit", report, snaps)
    report = filter_severities(report, shown)
    emit(report, pairs, root=root, details=details)
    if fix:
        from chwarden.remediate.script import build  # lazy: the fix script builder only for --fix

        # Dry run only: applying goes through `chwarden fix REPORT.json --apply`, the one write path.
        sys.stdout.write(build(report).render())
    raise typer.Exit(exit_code_for(report, fail_on))


def audit_found_inputs(root: Path, options: "AuditOptions") -> "tuple[Report, list[Snapshot]]":
    """Audit every ClickHouse input under ``root``, as one report with paths relative to ``root``."""
    from chwarden.audit import audit_config  # lazy: see audit()
    from chwarden.sources.configfiles.search import find_config_inputs  # lazy: only for --find-config

    inputs = find_config_inputs(root)
    if not inputs:
        raise UsageError(
            f"no ClickHouse config directory, compose file or ClickHouseInstallation manifest found under {root}: "
            "pass --config PATH (in .pre-commit-config.yaml: args: [--config, PATH])"
        )
    note(f"found {len(inputs)} ClickHouse input(s): {', '.join(str(p) for p in inputs)}")
    reports: list[Report] = []
    snapshots: list[Snapshot] = []
    for found in inputs:
        report, snaps = audit_config(str(found), options)
        base = found if (root / found).is_dir() else found.parent
        reports.append(relative_to_root(report, base))
        snapshots += snaps
    return merge_reports(reports), snapshots


def relative_to_root(report: "Report", base: Path) -> "Report":
    """Findings' file paths as paths from the repository root (they are relative to ``base``)."""
    if base == Path("."):
        return report
    findings = [
        f.model_copy(update={"location": f.location.model_copy(update={"file": str(base / f.location.file)})})
        if f.location is not None and not Path(f.location.file).is_absolute()
        else f
        for f in report.findings
    ]
    return report.model_copy(update={"findings": findings})


def merge_reports(reports: "list[Report]") -> "Report":
    """One report from several of the same command: every list joined, the first start, the last finish."""
    first = reports[0]
    return first.model_copy(
        update={
            "finished_at": reports[-1].finished_at,
            "endpoints": [e for r in reports for e in r.endpoints],
            "findings": [f for r in reports for f in r.findings],
            "not_checked": [n for r in reports for n in r.not_checked],
            "targets": [t for r in reports for t in r.targets],
        }
    )


def config_dir_of(report: "Report") -> str | None:
    """The config directory a live audit read beside SQL: its findings' file paths are relative to it."""
    sources = [t.config_source for t in report.targets if t.config_source]
    if not sources:
        return None
    path = Path(sources[0])
    return str(path if path.is_dir() else path.parent)


def read_snapshot(path: Path) -> "Snapshot":
    """A snapshot saved by ``--save-snapshot`` (of this or an older chwarden)."""
    from pydantic import ValidationError  # lazy: only for --snapshot

    from chwarden.facts import Snapshot  # lazy: only for --snapshot
    from chwarden.inputfiles import DATA_FILE_BYTES, read_capped  # lazy: only for --snapshot

    try:
        return Snapshot.model_validate_json(read_capped(path, DATA_FILE_BYTES, "snapshot"))
    except ValidationError as exc:
        fail(f"{path} is not a chwarden snapshot ({exc.error_count()} validation errors)", EXIT_USAGE)


def write_snapshots(path: Path, snapshots: "list[Snapshot]") -> None:
    """One snapshot as an object, several (a cluster) as a list."""
    if len(snapshots) == 1:
        text = snapshots[0].model_dump_json(indent=2)
    else:
        text = json.dumps([s.model_dump(mode="json") for s in snapshots], indent=2)
    path.write_text(text, encoding="utf-8")
