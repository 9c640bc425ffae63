"""``chwarden harden``: a complete hardened config directory for one ClickHouse release line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from chwarden.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    AskPasswordOpt,
    CaFileOpt,
    ConnectionOptions,
    InsecureOpt,
    PasswordFileOpt,
    UsageError,
    UserOpt,
    fail,
    fail_connection,
    input_errors_exit_2,
)
from chwarden.clickhouse.features import CURRENT, Features, parse_release_line
from chwarden.inputfiles import DATA_FILE_BYTES, read_capped
from chwarden.model import Report
from chwarden.remediate.harden import LOOPBACK, SECRETS_FILE, HardenOptions, generate
from chwarden.remediate.script import report_version

SECRETS_NOTE = "passwords are in {path} (mode 0600); they are never printed unless --show-secrets is given"
DEFAULT_VERSION = f"{CURRENT[0]}.{CURRENT[1]}"
EXAMPLES = {
    "harden": (
        "  chwarden harden --out hardened --target-version 24.8\n"
        "  chwarden harden --out hardened --from-report report.json        the version an audit saw\n"
        "  chwarden harden --out hardened --version-from http://db1:8123   ask the server (read-only)\n"
        "  chwarden harden --out hardened --cluster --node ch1 --node ch2 --keeper zk1:2181"
    )
}


@input_errors_exit_2
def harden(
    out: Annotated[Path, typer.Option("--out", help="Directory to write config.xml, config.d/, users.d/ into.")],
    target_version: Annotated[
        str | None,
        typer.Option("--target-version", help=f"ClickHouse version X.Y the config is for ({DEFAULT_VERSION})."),
    ] = None,
    from_report: Annotated[
        Path | None,
        typer.Option("--from-report", help="Take the version from a JSON report of the server (audit -f json)."),
    ] = None,
    version_from: Annotated[
        str | None,
        typer.Option("--version-from", help="Ask the server its version (read-only): http[s]:// or clickhouse[s]://."),
    ] = None,
    user: UserOpt = None,
    password_file: PasswordFileOpt = None,
    ask_password: AskPasswordOpt = False,
    insecure: InsecureOpt = False,
    ca_file: CaFileOpt = None,
    cluster: Annotated[
        bool, typer.Option("--cluster", help="Add interserver credentials, a cluster secret and Keeper auth.")
    ] = False,
    tls_cert: Annotated[Path | None, typer.Option("--tls-cert", help="Server certificate (PEM).")] = None,
    tls_key: Annotated[Path | None, typer.Option("--tls-key", help="Server private key (PEM).")] = None,
    tls_ca: Annotated[
        Path | None,
        typer.Option("--tls-ca", help="CA certificate (PEM) of the nodes' certificates; peers are verified with it."),
    ] = None,
    listen_host: Annotated[
        list[str], typer.Option("--listen-host", help="Address to listen on (repeatable; default loopback).")
    ] = [],  # noqa: B006
    client_network: Annotated[
        list[str], typer.Option("--client-network", help="Network reader/writer may connect from (repeatable).")
    ] = [],  # noqa: B006
    admin_network: Annotated[
        list[str], typer.Option("--admin-network", help="Network the admin may connect from (repeatable).")
    ] = [],  # noqa: B006
    database: Annotated[
        list[str], typer.Option("--database", help="Database the reader/writer roles cover (repeatable).")
    ] = [],  # noqa: B006
    node: Annotated[list[str], typer.Option("--node", help="Cluster replica host (repeatable).")] = [],  # noqa: B006
    keeper: Annotated[list[str], typer.Option("--keeper", help="Keeper/ZooKeeper host:port (repeatable).")] = [],  # noqa: B006
    data_path: Annotated[str, typer.Option("--data-path")] = "/var/lib/clickhouse/",
    log_dir: Annotated[str, typer.Option("--log-dir")] = "/var/log/clickhouse-server",
    show_secrets: Annotated[
        bool, typer.Option("--show-secrets", help="Also print the generated passwords to stdout.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Write into a non-empty directory.")] = False,
) -> None:
    """Write a complete hardened config (config.d/ and users.d/) for a ClickHouse version."""
    given = [x for x in (target_version, from_report, version_from) if x is not None]
    if len(given) > 1:
        raise UsageError("give one of --target-version, --from-report or --version-from")
    connection = ConnectionOptions(user, password_file, ask_password, insecure, ca_file)
    if from_report is not None:
        text, origin = _version_in_report(from_report), f"from {from_report}"
    elif version_from is not None:
        text, origin = _version_of_server(version_from, connection), f"from {version_from}"
    else:
        text, origin = target_version or DEFAULT_VERSION, "--target-version" if target_version else "default"
    version = parse_release_line(text)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not force)):
        raise UsageError(f"{out} exists and is not an empty directory (use --force to write into it)")
    options = HardenOptions(
        target=Features(version),
        listen_hosts=tuple(listen_host) or LOOPBACK,
        tls_cert=str(tls_cert) if tls_cert else None,
        tls_key=str(tls_key) if tls_key else None,
        tls_ca=str(tls_ca) if tls_ca else None,
        cluster=cluster,
        cluster_nodes=tuple(node),
        keeper_nodes=tuple(keeper) or ("localhost:2181",),
        client_networks=tuple(client_network) or LOOPBACK,
        admin_networks=tuple(admin_network) or LOOPBACK,
        databases=tuple(database) or ("default",),
        data_path=data_path,
        log_dir=log_dir,
    )
    hardened = generate(options)
    try:
        written = hardened.write(out)
    except OSError as exc:
        fail(f"cannot write to {out}: {exc.strerror}", EXIT_USAGE)
    for path in written:
        typer.echo(f"wrote {path}")
    typer.echo(f"target version: {version[0]}.{version[1]} ({origin}: {text})")
    for note in hardened.notes:
        typer.echo(f"note: {note}")
    typer.echo(SECRETS_NOTE.format(path=out / SECRETS_FILE))
    if show_secrets:
        for name, value in sorted(hardened.secrets.values.items()):
            typer.echo(f"{name}={value}")
    for line in next_steps(out, version_from):
        typer.echo(line)
    raise typer.Exit(EXIT_OK)


def next_steps(out: Path, server: str | None) -> list[str]:
    """What to do with the files: review, install, give the secrets, restart, audit again."""
    check_live = f"chwarden audit {server} --ask-password" if server else "chwarden audit URL --ask-password"
    return [
        "next steps:",
        f"  1. review the files under {out} (every file says what it sets and why)",
        "  2. install them: config.d/ and users.d/ into /etc/clickhouse-server/ as drop-ins (config.xml and users.xml"
        " are complete files for a new server)",
        f"  3. give the server {out / SECRETS_FILE} as its EnvironmentFile (systemd) or env_file (compose), mode 0600",
        "  4. restart clickhouse-server (a change in users.d/ alone is reloaded without a restart)",
        f"  5. check the result: chwarden audit --config /etc/clickhouse-server, then {check_live}",
    ]


def _version_in_report(path: Path) -> str:
    try:
        report = Report.model_validate_json(read_capped(path, DATA_FILE_BYTES, "report"))
    except ValidationError as exc:
        fail(f"{path} is not a chwarden JSON report ({exc.error_count()} validation errors)", EXIT_USAGE)
    version = report_version(report)
    if version is None:
        raise UsageError(
            f"{path} does not say the server's version (an offline config audit cannot know it): "
            "use --version-from URL or --target-version X.Y"
        )
    return str(version)


def _version_of_server(url: str, connection: ConnectionOptions) -> str:
    """``SELECT version()`` through the read-only guarded connection."""
    from chwarden.connect import ChwardenConnectError, QueryFailed, connect, parse_target  # lazy: live only

    target = parse_target(url)
    credentials = connection.credentials(target)
    try:
        with connect(target, credentials, verify_tls=connection.verify_tls, ca_file=connection.ca_path) as conn:
            rows = conn.query("SELECT version() AS v").dicts()
    except ChwardenConnectError as exc:
        fail_connection(target.display, exc)
    except QueryFailed as exc:
        fail(f"{target.display}: could not read the version: {exc}", EXIT_USAGE)
    if not rows or not str(rows[0].get("v", "")).strip():
        fail(f"{target.display}: the server did not say its version", EXIT_USAGE)
    return str(rows[0]["v"])
