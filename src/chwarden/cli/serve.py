"""``chwarden serve --store ...``: the web dashboard over the findings store (thin CLI wiring).

Exit codes: 0 stopped cleanly (Ctrl-C / SIGTERM) or a user was added, 2 bad options (another
address without TLS, missing certificate, unreadable store).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chwarden.cli.common import EXIT_OK, EXIT_USAGE, fail, input_errors_exit_2
from chwarden.cli.store import StoreCaOpt, StoreDatabaseOpt, StoreOpt, StorePasswordOpt, open_cli_store
from chwarden.serve import DEFAULT_HOST, DEFAULT_PORT, ServeOptions, UserStore, check_options, default_auth_dir
from chwarden.serve import serve as run_server
from chwarden.serve.auth import ROLES, Role
from chwarden.store import StoreError

EXAMPLES = {
    "serve": (
        "  chwarden serve --store ./chwarden-store --add-user alice --role admin   prints a generated password\n"
        "  chwarden serve --store ./chwarden-store                  http://127.0.0.1:8765, login required\n"
        "  chwarden serve --store http://store:8123 --host 0.0.0.0 --cert tls.pem --key tls.key"
    )
}

HostOpt = Annotated[
    str,
    typer.Option("--host", help="Address to listen on. Anything but loopback needs --cert/--key or --insecure-http."),
]
PortOpt = Annotated[int, typer.Option("--port", help="Port to listen on.")]
CertOpt = Annotated[Path | None, typer.Option("--cert", help="TLS certificate (PEM) for HTTPS.")]
KeyOpt = Annotated[Path | None, typer.Option("--key", help="TLS private key (PEM) for HTTPS.")]
InsecureHttpOpt = Annotated[
    bool, typer.Option("--insecure-http", help="Serve plain HTTP on a non-loopback address (e.g. behind a TLS proxy).")
]
AuthDirOpt = Annotated[
    Path | None, typer.Option("--auth-dir", help="Users file and generated passwords (default: user data dir).")
]
AllowedHostOpt = Annotated[
    list[str], typer.Option("--allowed-host", help="Also answer this Host header name (repeatable).")
]


def serve_options(
    host: str, port: int, cert: Path | None, key: Path | None, insecure_http: bool, auth_dir: Path | None,
    allowed_host: list[str],
) -> ServeOptions:  # fmt: skip
    options = ServeOptions(host, port, cert, key, insecure_http, auth_dir, tuple(allowed_host))
    check_options(options)
    return options


@input_errors_exit_2
def serve(
    store: StoreOpt = None,
    store_password_file: StorePasswordOpt = None,
    store_ca_file: StoreCaOpt = None,
    store_database: StoreDatabaseOpt = "chwarden",
    host: HostOpt = DEFAULT_HOST,
    port: PortOpt = DEFAULT_PORT,
    cert: CertOpt = None,
    key: KeyOpt = None,
    insecure_http: InsecureHttpOpt = False,
    auth_dir: AuthDirOpt = None,
    allowed_host: AllowedHostOpt = [],  # noqa: B006
    add_user: Annotated[
        str | None, typer.Option("--add-user", help="Add (or reset) a user with a generated password, then exit.")
    ] = None,
    role: Annotated[str, typer.Option("--role", help="Role of --add-user: viewer or admin.")] = "viewer",
) -> None:
    """A web dashboard over the findings store: fleet, trends, targets, alerts, catalogues (login required)."""
    if add_user is not None:
        if role not in ROLES:
            fail(f"--role {role!r}: choose one of {', '.join(ROLES)}", EXIT_USAGE)
        chosen: Role = "admin" if role == "admin" else "viewer"
        path = UserStore(auth_dir or default_auth_dir()).add(add_user, chosen)
        typer.echo(f"serve: user {add_user} ({chosen}); the password is in {path} (readable only by you)", err=True)
        raise typer.Exit(EXIT_OK)
    options = serve_options(host, port, cert, key, insecure_http, auth_dir, allowed_host)
    opened = open_cli_store(store, password_file=store_password_file, ca_file=store_ca_file, database=store_database)
    try:
        run_server(opened, options, lambda line: typer.echo(line, err=True), opened.description)
    except StoreError as exc:
        fail(str(exc), EXIT_USAGE)
    finally:
        opened.close()
    raise typer.Exit(EXIT_OK)
