"""``chwarden audit``: a live server (or cluster), a config directory, or a saved snapshot."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from chwarden.audit import AuditOptions, TargetFailed, audit_config
from chwarden.audit import audit as run_audit
from chwarden.checks.judge import judge
from chwarden.cli.common import (
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    AskPasswordOpt,
    CaFileOpt,
    ConnectionOptions,
    ConnectTimeoutOpt,
    DetailsOpt,
    FailOnOpt,
    FormatOpt,
    InsecureOpt,
    MaxTimeOpt,
    OutputOpt,
    PasswordFileOpt,
    TimeoutOpt,
    UsageError,
    UserOpt,
    apply_suppressions,
    check_positive,
    emit,
    exit_code_for,
    fail,
    input_errors_exit_2,
    pair_outputs,
    read_env_file,
)
from chwarden.cli.store import KeepOpt, keep_run
from chwarden.connect import parse_target
from chwarden.facts import Snapshot
from chwarden.inputfiles import DATA_FILE_BYTES, read_capped
from chwarden.model import Severity
from chwarden.remediate.script import build

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
    fail_on: FailOnOpt = Severity.HIGH,
    keep: KeepOpt = None,
    suppressions: Annotated[
        Path | None,
        typer.Option("--suppressions", help="Suppression file (default: .chwarden.yaml here or in the scanned root)."),
    ] = None,
) -> None:
    """Audit a live server (or cluster), a config directory, or a saved snapshot."""
    connection = ConnectionOptions(user, password_file, ask_password, insecure, ca_file)
    pairs = pair_outputs(fmt, output)
    check_positive(timeout=timeout, connect_timeout=connect_timeout, max_time=max_time)
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
    sources = sum(x is not None for x in (target, snapshot)) + (1 if config and not target else 0)
    if sources != 1:
        raise UsageError("give exactly one of TARGET, --config PATH or --snapshot FILE (TARGET may add --config)")
    root: str | None = None
    if snapshot is not None:
        snaps = [read_snapshot(snapshot)]
        report = judge(snaps, checks=options.selected_checks())
    elif target is None:
        assert config is not None
        root = str(config if config.is_dir() else config.parent)
        report, snaps = audit_config(str(config), options)
    else:
        parsed = parse_target(target)
        try:
            report, snaps = run_audit(parsed, connection.credentials(parsed), options)
        except TargetFailed as exc:
            fail(str(exc), EXIT_UNREACHABLE)
    if save_snapshot is not None:
        write_snapshots(save_snapshot, snaps)
    report = apply_suppressions(report, suppressions, Path(root) if root else None)
    keep_run(keep, "audit", report, snaps)
    emit(report, pairs, root=root, details=details)
    if fix:
        # Dry run only: applying goes through `chwarden fix REPORT.json --apply`, the one write path.
        sys.stdout.write(build(report).render())
    raise typer.Exit(exit_code_for(report, fail_on))


def read_snapshot(path: Path) -> Snapshot:
    """A snapshot saved by ``--save-snapshot`` (of this or an older chwarden)."""
    try:
        return Snapshot.model_validate_json(read_capped(path, DATA_FILE_BYTES, "snapshot"))
    except ValidationError as exc:
        fail(f"{path} is not a chwarden snapshot ({exc.error_count()} validation errors)", EXIT_USAGE)


def write_snapshots(path: Path, snapshots: list[Snapshot]) -> None:
    """One snapshot as an object, several (a cluster) as a list."""
    if len(snapshots) == 1:
        text = snapshots[0].model_dump_json(indent=2)
    else:
        text = json.dumps([s.model_dump(mode="json") for s in snapshots], indent=2)
    path.write_text(text, encoding="utf-8")
