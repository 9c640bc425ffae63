"""``chwarden harden``: a complete hardened config directory for one ClickHouse release line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chwarden.cli.common import EXIT_OK, EXIT_USAGE, UsageError, fail, input_errors_exit_2
from chwarden.clickhouse.features import Features, parse_release_line
from chwarden.remediate.harden import LOOPBACK, SECRETS_FILE, HardenOptions, generate

SECRETS_NOTE = "passwords are in {path} (mode 0600); they are never printed unless --show-secrets is given"


@input_errors_exit_2
def harden(
    out: Annotated[Path, typer.Option("--out", help="Directory to write config.xml, config.d/, users.d/ into.")],
    target_version: Annotated[
        str, typer.Option("--target-version", help="ClickHouse version X.Y the config is for.")
    ] = "26.9",
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
    version = parse_release_line(target_version)
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
    for note in hardened.notes:
        typer.echo(f"note: {note}")
    typer.echo(SECRETS_NOTE.format(path=out / SECRETS_FILE))
    if show_secrets:
        for name, value in sorted(hardened.secrets.values.items()):
            typer.echo(f"{name}={value}")
    raise typer.Exit(EXIT_OK)
