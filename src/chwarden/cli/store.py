"""The findings-store options: where watch keeps its history, and --store on the one-shot commands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from chwarden.cli.common import EXIT_USAGE, fail, note

if TYPE_CHECKING:
    from chwarden.facts import Snapshot
    from chwarden.model import Report
    from chwarden.store import Store

StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store", envvar="CHWARDEN_STORE", help="Store: a directory (default: user data dir) or http[s]://host:port."
    ),
]
StoreClusterOpt = Annotated[
    str | None, typer.Option("--store-cluster", help="Create the store's tables ON CLUSTER (Replicated + Distributed).")
]
StorePasswordOpt = Annotated[
    Path | None, typer.Option("--store-password-file", help="Store password file (else CHWARDEN_STORE_PASSWORD).")
]
StoreCaOpt = Annotated[Path | None, typer.Option("--store-ca-file", help="CA bundle for an https store.")]
StoreDatabaseOpt = Annotated[str, typer.Option("--store-database", help="Database of the store's tables.")]
StoreBufferOpt = Annotated[
    bool, typer.Option("--store-buffer", help="Write through Buffer tables (a fleet's many small writes batched).")
]
KeepOpt = Annotated[
    str | None,
    typer.Option("--store", help="Also keep this run in the findings store: a directory or http[s]://host:port."),
]


def open_cli_store(
    location: str | None,
    cluster: str | None = None,
    password_file: Path | None = None,
    ca_file: Path | None = None,
    database: str = "chwarden",
    buffered: bool = False,
) -> Store:
    """Open (create, migrate) the store or exit 2 with one line."""
    # lazy: the store (httpx, platformdirs, the chdb worker) loads only when a command uses it
    from chwarden.store import StoreError, open_store, store_spec

    try:
        spec = store_spec(
            location,
            cluster=cluster,
            password_file=str(password_file) if password_file else None,
            ca_file=str(ca_file) if ca_file else None,
            database=database,
            buffered=buffered,
        )
        return open_store(spec)
    except StoreError as exc:
        fail(str(exc), EXIT_USAGE)


def keep_run(location: str | None, command: str, report: Report, snapshots: list[Snapshot] | None = None) -> None:
    """Record a finished run in the store when --store was given (credentials from CHWARDEN_STORE_*)."""
    if not location:
        return
    from chwarden.store import StoreError  # lazy: only with --store (see open_cli_store)
    from chwarden.store.runs import record_report  # lazy: only with --store (see open_cli_store)

    with open_cli_store(location) as store:
        try:
            run_id = record_report(store, command, report, snapshots or [])
        except StoreError as exc:
            fail(str(exc), EXIT_USAGE)
    note(f"kept in the store {location} as run {run_id}")
