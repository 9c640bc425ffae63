"""``chwarden watch`` and ``chwarden rules``: thin wiring of options to ``chwarden.watch``.

Exit codes of ``watch --once``: 0 nothing at or above --fail-on, 1 a finding or detection at or
above it, 2 bad input, 3 no target could be reached. Without --once it runs until SIGTERM/SIGINT
and exits 0 after finishing the cycles in flight.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from chwarden.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    FailOn,
    FailOnOpt,
    ShardOpt,
    fail,
    input_errors_exit_2,
    parse_shard,
)
from chwarden.cli.store import (
    StoreBufferOpt,
    StoreCaOpt,
    StoreClusterOpt,
    StoreDatabaseOpt,
    StoreOpt,
    StorePasswordOpt,
    open_cli_store,
)
from chwarden.detect.catalog import RuleError, load_rules
from chwarden.detect.reliability import HEALTH_CHECKS
from chwarden.model import Severity
from chwarden.watch.alerts import Notifier
from chwarden.watch.channels import build_channels
from chwarden.watch.config import (
    TargetSettings,
    WatchConfig,
    WatchConfigError,
    load_config,
    parse_duration,
    targets_from_args,
)
from chwarden.watch.fleet import select_shard
from chwarden.watch.metrics import WatchMetrics
from chwarden.watch.runner import Watch, exit_code
from chwarden.watch.secrets import load_tagger
from chwarden.watch.setup import CliOverrides, build_targets, merge_targets
from chwarden.watch.summary import summary_lines

EXAMPLES = {
    "watch": (
        "  CLICKHOUSE_USER=auditor CLICKHOUSE_PASSWORD=... chwarden watch http://db1:8123\n"
        "  chwarden watch http://db1:8123 --once --format json     one cycle (cron, CI)\n"
        "  chwarden watch -c watch.yaml --metrics 127.0.0.1:9464    a fleet, alerts, Prometheus /metrics"
    ),
    "rules": "  chwarden rules\n  chwarden rules --format json",
}


class WatchFormat(str, Enum):
    text = "text"
    json = "json"


@input_errors_exit_2
def watch(
    targets: Annotated[list[str] | None, typer.Argument(help="Target URLs, or @file with one URL per line.")] = None,
    config: Annotated[Path | None, typer.Option("--config", "-c", help="watch.yaml (targets, rules, alerts).")] = None,
    once: Annotated[bool, typer.Option("--once", help="One cycle, then exit with the audit exit codes.")] = False,
    store: StoreOpt = None,
    store_cluster: StoreClusterOpt = None,
    store_password_file: StorePasswordOpt = None,
    store_ca_file: StoreCaOpt = None,
    store_database: StoreDatabaseOpt = "chwarden",
    store_buffer: StoreBufferOpt = False,
    user: Annotated[str | None, typer.Option("--user", "-u", envvar="CLICKHOUSE_USER")] = None,
    password_file: Annotated[
        Path | None, typer.Option("--password-file", help="Targets' password (else CLICKHOUSE_PASSWORD).")
    ] = None,
    insecure: Annotated[bool, typer.Option("--insecure", help="Do not verify targets' TLS certificates.")] = False,
    ca_file: Annotated[Path | None, typer.Option("--ca-file", help="CA bundle for targets' TLS.")] = None,
    interval: Annotated[str | None, typer.Option("--interval", help="Between cycles: 300, 30s, 5m, 2h.")] = None,
    concurrency: Annotated[int | None, typer.Option("--concurrency", help="Targets at once (default 4).")] = None,
    no_discover: Annotated[bool, typer.Option("--no-discover", help="Never read table data.")] = False,
    no_probe: Annotated[bool, typer.Option("--no-probe", help="Do not scan the hosts' ports.")] = False,
    rules_file: Annotated[Path | None, typer.Option("--rules", help="Extra or overriding rules (YAML).")] = None,
    log_lag: Annotated[int | None, typer.Option("--log-lag", help="Newest log seconds left for later.")] = None,
    metrics: Annotated[str | None, typer.Option("--metrics", help="Serve /metrics on HOST:PORT.")] = None,
    fmt: Annotated[WatchFormat, typer.Option("--format", "-f", help="text or json.")] = WatchFormat.text,
    fail_on: FailOnOpt = FailOn.high,
    shard: ShardOpt = None,
) -> None:
    """Watch targets continuously: posture drift, attacks in their logs, alerts, history in the store."""
    try:
        cfg = load_config(config) if config else WatchConfig()
        cfg = merge_targets(cfg, targets_from_args(targets or []))
        if not cfg.targets:
            fail("no targets: give URLs, @file or --config watch.yaml with targets", EXIT_USAGE)
        if interval is not None:
            cfg = cfg.model_copy(update={"interval": parse_duration(interval)})
        settings: dict[str, Any] = {
            "insecure": insecure or None,
            "ca_file": str(ca_file) if ca_file else None,
            "probe": False if no_probe else None,
            "log_lag": log_lag,
        }
        if no_discover:
            settings["discover"] = {"enabled": False}
        if rules_file:
            settings["rules"] = {"file": str(rules_file)}
        overrides = CliOverrides(
            user=user,
            password_file=str(password_file) if password_file else None,
            settings=TargetSettings.model_validate({k: v for k, v in settings.items() if v is not None}).model_dump(
                exclude_none=True
            ),
        )
        share = parse_shard(shard)
        watch_targets = select_shard(build_targets(cfg, overrides), *share)
        if not watch_targets:
            fail(f"no targets in shard {share[0]}/{share[1]} (of {len(cfg.targets)})", EXIT_USAGE)
        channels = build_channels(list(cfg.alerts.channels))
        tagger = load_tagger(cfg.tag_key_file)
    except (WatchConfigError, RuleError, ValueError) as exc:
        fail(str(exc), EXIT_USAGE)
    cluster = store_cluster or cfg.store_cluster
    buffered = store_buffer or cfg.store_buffer
    the_store = open_cli_store(
        store or cfg.store, cluster, store_password_file, store_ca_file, store_database, buffered=buffered
    )
    watch_metrics = WatchMetrics() if (metrics or cfg.metrics) else None
    try:
        if watch_metrics is not None:
            listen = metrics or (cfg.metrics.listen if cfg.metrics else "127.0.0.1:9464")
            host, port = watch_metrics.serve(listen)
            typer.echo(f"metrics on http://{host}:{port}/metrics", err=True)
        runner = Watch(
            targets=watch_targets,
            store=the_store,
            tagger=tagger,
            notifier=Notifier(the_store, cfg.alerts, channels),
            concurrency=concurrency or cfg.concurrency,
            jitter=cfg.jitter,
            metrics=watch_metrics,
        )

        def emit(summary: dict[str, Any]) -> None:
            if fmt is WatchFormat.json:
                sys.stdout.write(json.dumps(summary, indent=None if not once else 2, sort_keys=False) + "\n")
            else:
                for line in summary_lines(summary):
                    typer.echo(line)
            sys.stdout.flush()

        if once:
            summary = runner.run_round(watch_targets)
            emit(summary)
            code = exit_code(summary, Severity.CRITICAL if fail_on is FailOn.none else Severity(fail_on.value))
            raise typer.Exit(EXIT_OK if fail_on is FailOn.none and code == EXIT_FINDINGS else code)
        _stop_on_signals(runner.stop)
        typer.echo(f"watching {len(watch_targets)} target(s); store {the_store.description}", err=True)
        runner.run_forever(emit)
        typer.echo("chwarden watch: stopped", err=True)
        raise typer.Exit(EXIT_OK)
    finally:
        if watch_metrics is not None:
            watch_metrics.close()
        the_store.close()


def _stop_on_signals(stop: threading.Event) -> None:
    def handler(signum: int, _frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


class RulesFormat(str, Enum):
    table = "table"
    json = "json"


@input_errors_exit_2
def rules(
    fmt: Annotated[RulesFormat, typer.Option("--format", "-f")] = RulesFormat.table,
    rules_file: Annotated[Path | None, typer.Option("--rules", help="Also list the rules of this file.")] = None,
) -> None:
    """List the detection rules and the log reliability checks watch runs."""
    try:
        catalogue = load_rules(rules_file)
    except RuleError as exc:
        fail(str(exc), EXIT_USAGE)
    if fmt is RulesFormat.json:
        data = {
            "rules": [
                {
                    "id": r.id,
                    "title": r.title,
                    "severity": r.severity.value,
                    "technique": r.technique.model_dump(),
                    "log": r.log,
                    "logs": list(r.logs),
                    "description": r.description,
                    "group_by": list(r.group_by),
                    "lookback": r.lookback,
                    "thresholds": r.thresholds,
                    "judge": r.judge,
                    "variants": [
                        {"log": v.log or r.log, "requires": list(v.requires), "sql": v.sql} for v in r.variants
                    ],
                }
                for r in catalogue
            ],
            "log_checks": [
                {"id": h.id, "title": h.title, "severity": h.severity.value, "description": h.description}
                for h in HEALTH_CHECKS
            ],
        }
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    table = Table(title=f"{len(catalogue)} detection rules", show_lines=False)
    for column in ("id", "severity", "ATT&CK", "reads", "title"):
        table.add_column(column)
    for r in catalogue:
        table.add_row(r.id, r.severity.value, r.technique.id, " or ".join(r.logs), r.title)
    checks = Table(title=f"{len(HEALTH_CHECKS)} log reliability checks")
    for column in ("id", "severity", "title"):
        checks.add_column(column)
    for h in HEALTH_CHECKS:
        checks.add_row(h.id, h.severity.value, h.title)
    console = Console(width=200)
    console.print(table)
    console.print(checks)
