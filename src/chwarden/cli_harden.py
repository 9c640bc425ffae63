"""`chwarden harden` (a hardened config directory) and `chwarden fix` (the fix script, and --apply)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from pydantic import ValidationError

from chwarden.cli import EXIT_FINDINGS, EXIT_OK, EXIT_UNREACHABLE, EXIT_USAGE, fail

if TYPE_CHECKING:
    from chwarden.model import Report
    from chwarden.remediate.script import FixScript
    from chwarden.remediate.secrets_store import SecretStore

SECRETS_NOTE = "passwords are in {path} (mode 0600); they are never printed unless --show-secrets is given"


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
    from chwarden.remediate.baseline import LOOPBACK, SECRETS_FILE, HardenError, HardenOptions, generate
    from chwarden.remediate.features import Features, VersionError, parse_version

    try:
        version = parse_version(target_version)
    except VersionError as exc:
        fail(str(exc), EXIT_USAGE)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not force)):
        fail(f"{out} exists and is not an empty directory (use --force to write into it)", EXIT_USAGE)
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
    try:
        hardened = generate(options)
        written = hardened.write(out)
    except HardenError as exc:
        fail(str(exc), EXIT_USAGE)
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


def parse_fills(values: list[str]) -> dict[str, str]:
    fills: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            fail(f"--set takes NAME=VALUE, not {item!r}", EXIT_USAGE)
        fills[name.strip().strip("<>")] = value
    return fills


def fix(
    report_file: Annotated[Path, typer.Argument(metavar="REPORT.json", help="A report from `audit -f json`.")],
    apply: Annotated[
        bool, typer.Option("--apply", help="Run the SQL part on the target, then re-audit (asks first).")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation before --apply.")] = False,
    target: Annotated[
        str | None, typer.Option("--target", help="Server to apply to: http[s]://host:port or chdb:///path.")
    ] = None,
    user: Annotated[str | None, typer.Option("--user", "-u", envvar="CLICKHOUSE_USER")] = None,
    password_file: Annotated[Path | None, typer.Option("--password-file")] = None,
    insecure: Annotated[bool, typer.Option("--insecure", help="Do not verify TLS certificates.")] = False,
    ca_file: Annotated[Path | None, typer.Option("--ca-file")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="Config directory for the re-audit.")] = None,
    fills: Annotated[list[str], typer.Option("--set", help="Value for a placeholder: NAME=VALUE (repeatable).")] = [],  # noqa: B006
    check: Annotated[list[str], typer.Option("--check", help="Only fix findings of this check.")] = [],  # noqa: B006
    xml_dir: Annotated[
        Path | None, typer.Option("--xml-dir", help="Write the XML patches as users.d/ and config.d/ files here.")
    ] = None,
    secrets_file: Annotated[
        Path | None, typer.Option("--secrets-file", help="Where generated passwords go (mode 0600).")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the script here.")] = None,
) -> None:
    """Turn a report into one reviewable fix script (SQL + XML patches); dry run unless --apply."""
    from chwarden.inputfiles import DATA_FILE_BYTES, InputFileError, read_capped
    from chwarden.model import Report
    from chwarden.remediate.script import build, environment_names, write_xml_patches
    from chwarden.remediate.secrets_store import SecretStore

    try:
        report = Report.model_validate_json(read_capped(report_file, DATA_FILE_BYTES, "report"))
    except InputFileError as exc:
        fail(str(exc), EXIT_USAGE)
    except ValidationError as exc:
        fail(f"{report_file} is not a chwarden JSON report ({exc.error_count()} validation errors)", EXIT_USAGE)
    script = build(report, fills=parse_fills(fills), check_ids=check)
    text = script.render()
    if output is not None:
        output.write_text(text + "\n", encoding="utf-8")
        typer.echo(f"wrote fix script to {output}", err=True)
    else:
        sys.stdout.write(text + "\n")
    store = SecretStore()
    secrets_path = secrets_file or report_file.with_name("chwarden-fix-secrets.env")
    has_xml = any(item.patches and item.ready for item in script.items)
    if xml_dir is None and apply and has_xml:
        xml_dir = report_file.with_name("chwarden-fix-xml")
    if xml_dir is not None:
        written = write_xml_patches(script, xml_dir, store)
        typer.echo(f"wrote {len(written)} XML patch files under {xml_dir} (review, then install by hand)", err=True)
        needed = environment_names(script)
        if needed:
            typer.echo(
                f"the patches read {', '.join(needed)} from the server's environment: their generated values are "
                f"in {secrets_path} (use it as the service's EnvironmentFile) before restarting",
                err=True,
            )
    code = _apply(script, report, store, target, user, password_file, insecure, ca_file, config, yes) if apply else 0
    if store.values:
        store.write(secrets_path, "Generated by chwarden fix. Keep this file 0600.")
        typer.echo(f"generated passwords are in {secrets_path} (mode 0600)", err=True)
    if not apply:
        typer.echo("dry run: nothing was changed (use --apply to run the SQL part)", err=True)
    raise typer.Exit(code)


def _apply(
    script: FixScript,
    report: Report,
    store: SecretStore,
    target_text: str | None,
    user: str | None,
    password_file: Path | None,
    insecure: bool,
    ca_file: Path | None,
    config: Path | None,
    yes: bool,
) -> int:
    """Confirm, run the SQL part, re-audit, print before/after; the exit code says if all fixes held."""
    from chwarden.audit import AuditOptions, TargetFailed
    from chwarden.audit import audit as run_audit
    from chwarden.connect import TargetError, parse_target, resolve_credentials
    from chwarden.remediate.apply import ApplyError, apply_sql, compare, key, open_writer, render_comparison

    statements = script.applicable_sql()
    if not statements:
        typer.echo(
            "nothing to apply over SQL: the fixes of this report are XML patches (users.xml era or server "
            "config) or need input (--set); install the XML patches by hand",
            err=True,
        )
        return EXIT_OK
    if target_text is None:
        fail("--apply needs --target (the report does not say how to reach the server)", EXIT_USAGE)
    try:
        target = parse_target(target_text)
        credentials = resolve_credentials(
            target, user=user, password_file=str(password_file) if password_file else None
        )
    except TargetError as exc:
        fail(str(exc), EXIT_USAGE)
    if not yes and not typer.confirm(f"Run {len(statements)} statements on {target.display}?", err=True):
        typer.echo("not applied", err=True)
        return EXIT_OK
    try:
        writer = open_writer(target, credentials, verify_tls=not insecure, ca_file=str(ca_file) if ca_file else None)
    except ApplyError as exc:
        fail(str(exc), EXIT_USAGE)
    try:
        outcomes = apply_sql(script, writer, store)
    finally:
        writer.close()
    for o in outcomes:
        status = "ok" if o.ok else f"FAILED: {o.error}"
        typer.echo(f"{o.finding.check_id} {o.finding.resource}: {status}")
    options = AuditOptions(
        verify_tls=not insecure,
        ca_file=str(ca_file) if ca_file else None,
        config_path=str(config) if config else None,
    )
    try:
        after, _ = run_audit(target, credentials, options)
    except TargetFailed as exc:
        fail(f"re-audit failed: {exc}", EXIT_UNREACHABLE)
    attempted = {key(o.finding) for o in outcomes}
    comparison = compare(report, after, attempted)
    typer.echo(render_comparison(report, after, comparison))
    failed = any(not o.ok for o in outcomes)
    return EXIT_OK if comparison.complete and not failed else EXIT_FINDINGS
