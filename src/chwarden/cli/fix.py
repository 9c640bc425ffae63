"""``chwarden fix``: a report's findings as one reviewable fix script; ``--apply`` runs its SQL part.

``--apply`` is the only path in chwarden that writes to a server (``remediate/apply.py``, its own
connection); it asks first, then re-audits and compares.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from chwarden.audit import AuditOptions, TargetFailed
from chwarden.audit import audit as run_audit
from chwarden.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    CaFileOpt,
    ConnectionOptions,
    InsecureOpt,
    PasswordFileOpt,
    UsageError,
    UserOpt,
    fail,
    input_errors_exit_2,
)
from chwarden.connect import parse_target
from chwarden.inputfiles import DATA_FILE_BYTES, read_capped
from chwarden.model import Report
from chwarden.remediate.apply import ApplyError, apply_sql, compare, key, open_writer, render_comparison
from chwarden.remediate.script import FixScript, build, environment_names, write_xml_patches
from chwarden.remediate.secrets_store import SecretStore

SECRETS_NAME = "chwarden-fix-secrets.env"
EXAMPLES = {
    "fix": (
        "  chwarden audit --config /etc/clickhouse-server -f json -o report.json\n"
        "  chwarden fix report.json                        the script, to review (dry run)\n"
        "  chwarden fix report.json --xml-dir patches      users.d/ and config.d/ files + their secrets file\n"
        "  chwarden fix report.json --apply --target http://db1:8123 --user admin --ask-password"
    )
}


def parse_fills(values: list[str]) -> dict[str, str]:
    """``--set NAME=VALUE`` values for the placeholders of the fixes."""
    fills: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--set takes NAME=VALUE, not {item!r}")
        fills[name.strip().strip("<>")] = value
    return fills


@input_errors_exit_2
def fix(
    report_file: Annotated[Path, typer.Argument(metavar="REPORT.json", help="A report from `audit -f json`.")],
    apply: Annotated[
        bool, typer.Option("--apply", help="Run the SQL part on the target, then re-audit (asks first).")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation before --apply.")] = False,
    target: Annotated[
        str | None, typer.Option("--target", help="Server to apply to: http[s]://host:port or chdb:///path.")
    ] = None,
    user: UserOpt = None,
    password_file: PasswordFileOpt = None,
    insecure: InsecureOpt = False,
    ca_file: CaFileOpt = None,
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
    connection = ConnectionOptions(user=user, password_file=password_file, insecure=insecure, ca_file=ca_file)
    try:
        report = Report.model_validate_json(read_capped(report_file, DATA_FILE_BYTES, "report"))
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
    has_xml = any(item.patches and item.ready for item in script.items)
    if xml_dir is None and apply and has_xml:
        xml_dir = report_file.with_name("chwarden-fix-xml")
    # The secrets the patches read live beside them: one directory to review, copy and protect.
    secrets_path = secrets_file or (xml_dir or report_file.parent) / SECRETS_NAME
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
    code = _apply(script, report, store, target, connection, config, yes) if apply else 0
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
    connection: ConnectionOptions,
    config: Path | None,
    yes: bool,
) -> int:
    """Confirm, run the SQL part, re-audit, print before/after; the exit code says if all fixes held."""
    statements = script.applicable_sql()
    if not statements:
        typer.echo(
            "nothing to apply over SQL: the fixes of this report are XML patches (users.xml era or server "
            "config) or need input (--set); install the XML patches by hand",
            err=True,
        )
        return EXIT_OK
    if target_text is None:
        raise UsageError("--apply needs --target (the report does not say how to reach the server)")
    target = parse_target(target_text)
    credentials = connection.credentials(target)
    if not yes and not typer.confirm(f"Run {len(statements)} statements on {target.display}?", err=True):
        typer.echo("not applied", err=True)
        return EXIT_OK
    try:
        writer = open_writer(target, credentials, verify_tls=connection.verify_tls, ca_file=connection.ca_path)
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
        verify_tls=connection.verify_tls, ca_file=connection.ca_path, config_path=str(config) if config else None
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
