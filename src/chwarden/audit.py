"""The audit engine: collect facts for each target, judge them with the checks, build a Report.

Knows nothing about the terminal or file formats (the CLI and report/ do that), and nothing about
SQL (sources/ do that).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from chwarden.checks.registry import Check, all_checks, run_checks
from chwarden.connect import (
    ChwardenConnectError,
    Credentials,
    Target,
    connect,
)
from chwarden.facts import Snapshot
from chwarden.model import Endpoint, Finding, NotChecked, Report, TargetStatus, utc_now
from chwarden.sources.merge import merge_live_and_config

if TYPE_CHECKING:
    from chwarden.sources.configfiles import InputOptions


class TargetFailed(Exception):
    """Nothing could be collected from the target (exit code 3)."""


@dataclass(frozen=True)
class AuditOptions:
    verify_tls: bool = True
    ca_file: str | None = None
    connect_timeout: float = 5.0
    query_timeout: int = 20
    probe_ports: bool = True
    use_local_config: bool = True  # read the config files of a server running on this machine
    config_path: str | None = None  # explicit config directory/file to combine with the live facts
    env: dict[str, str] = field(default_factory=dict)  # values for from_env substitutions
    env_files: tuple[str, ...] | None = None  # compose --env-file (instead of the project's .env)
    image: str | None = None  # image whose defaults complete drop-in directories and bare ConfigMaps
    cluster: str | None = None
    check_ids: tuple[str, ...] = ()
    skip_check_ids: tuple[str, ...] = ()
    deadline_s: float = 120.0


def select_checks(options: AuditOptions) -> list[Check]:
    """The checks to run; unknown ids are a usage error."""
    checks = all_checks()
    known = {c.meta.id for c in checks}
    unknown = [i for i in (*options.check_ids, *options.skip_check_ids) if i not in known]
    if unknown:
        raise ValueError(f"unknown check id(s): {', '.join(unknown)} (see `chwarden checks`)")
    if options.check_ids:
        checks = [c for c in checks if c.meta.id in options.check_ids]
    return [c for c in checks if c.meta.id not in options.skip_check_ids]


def collect_target(target: Target, credentials: Credentials, options: AuditOptions) -> Snapshot:
    """Live facts of one server, completed with its config files when they can be read."""
    from chwarden.sources.live import collect_live

    conn = connect(
        target,
        credentials,
        verify_tls=options.verify_tls,
        ca_file=options.ca_file,
        connect_timeout=options.connect_timeout,
        max_execution_time=options.query_timeout,
    )
    try:
        snapshot = collect_live(
            conn,
            target,
            credentials.user,
            password_given=bool(credentials.password),
            probe_ports=options.probe_ports,
            deadline_s=options.deadline_s,
        )
    except ChwardenConnectError as exc:
        raise TargetFailed(f"{target.display}: {exc}") from exc
    finally:
        conn.close()
    if snapshot.server.version is None and snapshot.errors and not snapshot.effective_settings:
        raise TargetFailed(f"{target.display}: {snapshot.errors[0]}")
    return _add_config_facts(snapshot, target, options)


def _add_config_facts(snapshot: Snapshot, target: Target, options: AuditOptions) -> Snapshot:
    from chwarden.sources.configfiles import ConfigError, snapshot_from_config

    config_path = options.config_path
    overrides: dict[str, str] = {}
    origin = ""
    if config_path is None and options.use_local_config and target.scheme != "chdb" and is_local_host(target.host):
        from chwarden.sources.localconfig import find_local_server

        local = find_local_server(target.host, target.port)
        if local is not None:
            config_path = local.config_file
            overrides = dict(local.overrides)
            origin = f"command line of clickhouse-server pid {local.pid}"
    if config_path is None:
        snapshot.extra["config_source"] = None
        return snapshot
    try:
        config_snapshot = snapshot_from_config(config_path, overrides=overrides or None, options=input_options(options))
    except (ConfigError, OSError) as exc:
        snapshot.errors.append(f"config files at {config_path} could not be read: {exc}")
        return snapshot
    merged = merge_live_and_config(snapshot, config_snapshot, config_path)
    if origin:
        merged.extra["config_found_by"] = origin
    return merged


def is_local_host(host: str) -> bool:
    """True when the host is this machine (loopback or one of its own addresses)."""
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        try:
            addr = ipaddress.ip_address(socket.gethostbyname(host))
        except (OSError, ValueError):
            return False
    if addr.is_loopback:
        return True
    try:
        own = {i[4][0] for i in socket.getaddrinfo(socket.gethostname(), None)}
    except OSError:
        return False
    return str(addr) in own


def cluster_targets(snapshot: Snapshot, cluster: str, first: Target) -> list[Target]:
    """The other nodes of a cluster, reached with the same protocol as the first one."""
    nodes = [n for n in snapshot.need("clusters") if n.cluster == cluster]
    if not nodes:
        known = sorted({n.cluster for n in snapshot.clusters or []})
        raise ValueError(f"cluster {cluster!r} not found on {first.display}; known: {', '.join(known) or 'none'}")
    targets: list[Target] = []
    seen = {(first.host, first.port)}
    for node in nodes:
        host = node.host_address or node.host_name
        port = node.port if first.scheme in ("clickhouse", "clickhouses") else first.port
        if (host, port) in seen:
            continue
        seen.add((host, port))
        targets.append(Target(scheme=first.scheme, host=host, port=port, user=first.user))
    return targets


def judge(
    snapshots: Sequence[Snapshot],
    *,
    command: str = "audit",
    started_at: str | None = None,
    checks: Iterable[Check] | None = None,
    failed: Sequence[tuple[str, str]] = (),
) -> Report:
    """Run the checks over every snapshot and assemble the report."""
    selected = list(checks) if checks is not None else all_checks()
    findings: list[Finding] = []
    not_checked: list[NotChecked] = []
    endpoints: list[Endpoint] = []
    statuses: list[TargetStatus] = []
    for snapshot in snapshots:
        f, n = run_checks(snapshot, selected)
        findings.extend(f)
        not_checked.extend(n)
        endpoints.extend(snapshot.endpoints or [])
        statuses.append(_status(snapshot))
    for target, error in failed:
        statuses.append(TargetStatus(target=target, status="failed", errors=[error]))
    findings.sort(key=lambda f: (-f.severity.rank, f.check_id, f.target, f.resource))
    return Report(
        command=command,
        started_at=started_at or utc_now(),
        finished_at=utc_now(),
        endpoints=_unique_endpoints(endpoints),
        findings=findings,
        not_checked=not_checked,
        targets=statuses,
    )


def _status(snapshot: Snapshot) -> TargetStatus:
    """The target's run status, with what an offline input read, could not read and assumed."""
    inputs = snapshot.inputs
    return TargetStatus(
        target=snapshot.target,
        status="partial" if snapshot.partial else "complete",
        errors=list(snapshot.errors),
        files_read=list(inputs.files_read) if inputs else [],
        files_not_read=list(inputs.files_not_read) if inputs else [],
        assumptions=list(inputs.assumptions) if inputs else [],
        unknown_variables=list(inputs.unknown_variables) if inputs else [],
        notes=list(inputs.notes) if inputs else [],
    )


def input_options(options: AuditOptions) -> InputOptions:
    from chwarden.sources.configfiles import InputOptions

    env_files = [Path(p) for p in options.env_files] if options.env_files is not None else None
    return InputOptions(env=dict(options.env), env_files=env_files, image=options.image)


def _unique_endpoints(endpoints: list[Endpoint]) -> list[Endpoint]:
    seen: dict[tuple[str, int], Endpoint] = {}
    for e in endpoints:
        seen.setdefault((e.host, e.port), e)
    return list(seen.values())


def audit(
    target: Target,
    credentials: Credentials,
    options: AuditOptions,
) -> tuple[Report, list[Snapshot]]:
    """Audit one live target (and, with ``options.cluster``, every node of that cluster)."""
    started = utc_now()
    checks = select_checks(options)
    first = collect_target(target, credentials, options)
    snapshots = [first]
    failed: list[tuple[str, str]] = []
    if options.cluster:
        for node in cluster_targets(first, options.cluster, target):
            try:
                snapshots.append(collect_target(node, credentials, options))
            except TargetFailed as exc:
                failed.append((node.display, str(exc)))
    return judge(snapshots, started_at=started, checks=checks, failed=failed), snapshots


def audit_config(path: str, options: AuditOptions) -> tuple[Report, list[Snapshot]]:
    """Offline audit of a config directory or file: one target per ClickHouse server it describes."""
    from chwarden.sources.configfiles import snapshots_from_config
    from chwarden.sources.configfiles.locate import locate_findings

    started = utc_now()
    checks = select_checks(options)
    snapshots = snapshots_from_config(path, options=input_options(options))
    report = judge(snapshots, started_at=started, checks=checks)
    return locate_findings(report, snapshots), snapshots
