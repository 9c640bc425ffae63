"""``chwarden investigate TARGET --since 30d``: who read the sensitive data (thin CLI wiring).

Exit codes: 0 no read outside the allowlist at or above --fail-on, 1 there is one, 2 bad input,
3 the target could not be reached.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chwarden.cli.common import (
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    FailOn,
    FailOnOpt,
    FormatOpt,
    OutputOpt,
    emit,
    exit_code_for,
    fail,
    input_errors_exit_2,
    pair_outputs,
)
from chwarden.cli.store import open_cli_store
from chwarden.connect import ChwardenConnectError, TargetError, parse_target, resolve_credentials
from chwarden.detect.judges import networks
from chwarden.investigate import InvestigateOptions, investigate_target
from chwarden.store import default_store_path
from chwarden.store.runs import record_timeline
from chwarden.watch.config import parse_duration
from chwarden.watch.secrets import load_tagger

EXAMPLES = {
    "investigate": (
        "  chwarden investigate http://db1:8123 --since 30d\n"
        "  chwarden investigate http://db1:8123 --since 12h -f html -o incident.html"
    )
}


@input_errors_exit_2
def investigate(
    target: Annotated[str, typer.Argument(help="http[s]://host[:port], clickhouse[s]://host[:port] or chdb:///data")],
    since: Annotated[str, typer.Option("--since", help="How far back to look: 12h, 30d, ...")] = "30d",
    name: Annotated[
        str | None, typer.Option("--name", help="The target's name in the store (watch.yaml name).")
    ] = None,
    store: Annotated[
        str | None, typer.Option("--store", envvar="CHWARDEN_STORE", help="Store with discover's inventory and alerts.")
    ] = None,
    no_store: Annotated[bool, typer.Option("--no-store", help="Do not use a store even if one exists.")] = False,
    table: Annotated[list[str], typer.Option("--table", help="Also investigate db.table (repeatable).")] = [],  # noqa: B006
    allow_principal: Annotated[list[str], typer.Option("--allow-principal", help="May read (repeatable).")] = [],  # noqa: B006
    allow_network: Annotated[list[str], typer.Option("--allow-network", help="May read from (repeatable).")] = [],  # noqa: B006
    no_discover: Annotated[
        bool, typer.Option("--no-discover", help="Without a stored inventory, do not run discover.")
    ] = False,
    cluster: Annotated[
        str | None, typer.Option("--cluster", help="Read every replica's logs (clusterAllReplicas).")
    ] = None,
    user: Annotated[str | None, typer.Option("--user", "-u", envvar="CLICKHOUSE_USER")] = None,
    password_file: Annotated[Path | None, typer.Option("--password-file")] = None,
    ask_password: Annotated[bool, typer.Option("--ask-password")] = False,
    insecure: Annotated[bool, typer.Option("--insecure")] = False,
    ca_file: Annotated[Path | None, typer.Option("--ca-file")] = None,
    timeout: Annotated[int, typer.Option("--timeout", help="Per-query time limit in seconds.")] = 60,
    fmt: FormatOpt = [],  # noqa: B006
    output: OutputOpt = [],  # noqa: B006
    fail_on: FailOnOpt = FailOn.high,
) -> None:
    """The incident answer: who read each sensitive table, from where, how much, when; a timeline."""

    pairs = pair_outputs(fmt, output)
    try:
        parsed = parse_target(target)
        credentials = resolve_credentials(
            parsed, user=user, password_file=str(password_file) if password_file else None, ask_password=ask_password
        )
        options = InvestigateOptions(
            since_seconds=int(parse_duration(since)),
            allow_principals=frozenset(allow_principal),
            allow_networks=networks(allow_network),
            cluster=cluster,
        )
    except (TargetError, ValueError) as exc:
        fail(str(exc), EXIT_USAGE)
    the_store = open_cli_store(store) if not no_store and (store or default_store_path().exists()) else None
    try:
        report = investigate_target(
            parsed,
            credentials,
            name or parsed.display,
            options,
            store=the_store,
            tables=table,
            discover=not no_discover,
            tagger=load_tagger(),
            verify_tls=not insecure,
            ca_file=str(ca_file) if ca_file else None,
            query_timeout=timeout,
        )
        if the_store is not None:  # the dashboard shows the newest timeline without touching the target
            record_timeline(the_store, report)
    except ChwardenConnectError as exc:
        fail(f"{parsed.display}: {exc}", EXIT_UNREACHABLE)
    finally:
        if the_store is not None:
            the_store.close()
    emit(report, pairs)
    raise typer.Exit(exit_code_for(report, fail_on))
