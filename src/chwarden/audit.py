"""The audit engine: collect facts for each target, judge them with the checks, build a Report.

Knows nothing about the terminal or file formats (the CLI and report/ do that), and nothing about
SQL (sources/ do that).
"""

from __future__ import annotations

import ipaddress
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from chwarden.checks.judge import judge, select_checks
from chwarden.checks.registry import Check
from chwarden.clickhouse.version import parse_version
from chwarden.errors import InputError
from chwarden.facts import Snapshot
from chwarden.model import Report, utc_now
from chwarden.sources.configfiles import ConfigError, InputOptions, snapshot_from_config, snapshots_from_config
from chwarden.sources.configfiles.facts_from_config import bulk_objects
from chwarden.sources.configfiles.locate import locate_findings

if TYPE_CHECKING:
    from chwarden.connect import ChwardenConnectError, Credentials, Target


class TargetFailed(Exception):
    """Nothing could be collected from the target: ``reason`` says why, ``cause`` is the connection's error.

    The message is ``host:port: reason`` (the address once); the command line picks the exit code
    from ``cause`` (refused login, not ClickHouse, unreachable).
    """

    def __init__(self, target: str, reason: str, cause: ChwardenConnectError | None = None) -> None:
        super().__init__(f"{target}: {reason}")
        self.target = target
        self.reason = reason
        self.cause = cause

    @property
    def kind(self) -> str:
        """The connection error's kind (``unreachable`` when the target answered nothing usable)."""
        return self.cause.kind if self.cause is not None else "unreachable"


class ClusterNotFound(InputError, ValueError):
    """--cluster names a cluster the first node does not know (a usage error)."""


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
    install_root: str | None = None  # where an audited copy lived on the server (maps absolute paths)
    server_version: str | None = None  # offline: the version the config runs on (version-aware defaults)
    cluster: str | None = None
    check_ids: tuple[str, ...] = ()
    skip_check_ids: tuple[str, ...] = ()
    deadline_s: float = 120.0  # collection of one target (the probe comes after it)
    skip_facts: tuple[str, ...] = ()  # facts left out on purpose (watch rescans costly ones less often)
    max_time: float = 300.0  # the whole run: every target, probe and anonymous login included

    def run_deadline(self) -> float:
        """The ``time.monotonic()`` value by which a run started now must be done."""
        return time.monotonic() + self.max_time

    def selected_checks(self) -> list[Check]:
        """The checks these options ask for; unknown ids raise UnknownCheckError."""
        return select_checks(self.check_ids, self.skip_check_ids)


def collect_target(
    target: Target, credentials: Credentials, options: AuditOptions, deadline: float | None = None
) -> Snapshot:
    """Live facts of one server, completed with its config files when they can be read.

    Nothing is sent after ``deadline`` (a ``time.monotonic()`` value; default: ``options.max_time``
    from now): what is missing then is reported as not collected and the target as partial.
    """
    # lazy: transports (httpcore) and the live collector (port scanner) load only for live targets,
    from chwarden.connect import ChwardenConnectError, connect  # lazy: keeps `audit --config` quick to start
    from chwarden.sources.live import collect_live  # lazy: live targets only (see above)

    conn = connect(
        target,
        credentials,
        verify_tls=options.verify_tls,
        ca_file=options.ca_file,
        connect_timeout=options.connect_timeout,
        max_execution_time=options.query_timeout,
        deadline=options.run_deadline() if deadline is None else deadline,
    )
    try:
        snapshot = collect_live(
            conn,
            target,
            credentials.user,
            password_given=bool(credentials.password),
            probe_ports=options.probe_ports,
            deadline_s=options.deadline_s,
            skip_facts=options.skip_facts,
        )
    except ChwardenConnectError as exc:
        raise TargetFailed(target.display, f"{exc}; {exc.hint}" if exc.hint else str(exc), exc) from exc
    finally:
        conn.close()
    if snapshot.server.version is None and snapshot.errors and not snapshot.effective_settings:
        raise TargetFailed(target.display, snapshot.errors[0])
    return _add_config_facts(snapshot, target, options)


def _add_config_facts(snapshot: Snapshot, target: Target, options: AuditOptions) -> Snapshot:
    config_path = options.config_path
    overrides: dict[str, str] = {}
    origin = ""
    if config_path is None and options.use_local_config and target.scheme != "chdb" and is_local_host(target.host):
        from chwarden.sources.localconfig import find_local_server  # lazy: live targets only (see collect_target)

        local = find_local_server(target.host, target.port)
        if local is not None:
            config_path = local.config_file
            overrides = dict(local.overrides)
            origin = f"command line of clickhouse-server pid {local.pid}"
    if config_path is None:
        snapshot.extra["config_source"] = None
        return snapshot
    reading = input_options(options)
    if origin and reading.install_root is None:
        # the running server's own files: every absolute path in them is a path on this machine
        reading.install_root = str(Path(config_path).parent)
    try:
        config_snapshot = snapshot_from_config(config_path, overrides=overrides or None, options=reading)
    except (ConfigError, OSError) as exc:
        snapshot.errors.append(f"config files at {config_path} could not be read: {exc}")
        return snapshot
    from chwarden.sources.merge import merge_live_and_config  # lazy: live targets only (see collect_target)

    merged = merge_live_and_config(snapshot, config_snapshot, config_path)
    if origin:
        merged.extra["config_found_by"] = origin
        merged.connection.config_found_by = origin
    return merged


def is_local_host(host: str) -> bool:
    """True when the host is this machine (loopback or one of its own addresses)."""
    import socket  # lazy: live targets only (an offline audit resolves no name)

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
    from chwarden.connect import cluster_node  # lazy: live targets only (see collect_target)

    nodes = [n for n in snapshot.need("clusters") if n.cluster == cluster]
    if not nodes:
        known = sorted({n.cluster for n in snapshot.clusters or []})
        raise ClusterNotFound(f"cluster {cluster!r} not found on {first.display}; known: {', '.join(known) or 'none'}")
    targets: list[Target] = []
    seen = {(first.host, first.port)}
    for node in nodes:
        target = cluster_node(first, node.host_address or node.host_name, node.port)
        if (target.host, target.port) in seen:
            continue
        seen.add((target.host, target.port))
        targets.append(target)
    return targets


def input_options(options: AuditOptions) -> InputOptions:
    """What the config reader needs to know beyond the path: env values, compose env files, image."""
    env_files = [Path(p) for p in options.env_files] if options.env_files is not None else None
    return InputOptions(
        env=dict(options.env), env_files=env_files, image=options.image, install_root=options.install_root
    )


def audit(
    target: Target,
    credentials: Credentials,
    options: AuditOptions,
) -> tuple[Report, list[Snapshot]]:
    """Audit one live target (and, with ``options.cluster``, every node of that cluster)."""
    started = utc_now()
    deadline = options.run_deadline()
    checks = options.selected_checks()
    first = collect_target(target, credentials, options, deadline)
    snapshots = [first]
    failed: list[tuple[str, str, str]] = []
    if options.cluster:
        for node in cluster_targets(first, options.cluster, target):
            if time.monotonic() >= deadline:
                failed.append((node.display, "not audited: run deadline (--max-time) reached", "deadline"))
                continue
            try:
                snapshots.append(collect_target(node, credentials, options, deadline))
            except TargetFailed as exc:
                failed.append((node.display, exc.reason, exc.kind))
    return judge(snapshots, started_at=started, checks=checks, failed=failed), snapshots


def given_version(snapshot: Snapshot, version: str) -> None:
    """The version the user says the config runs on: version-aware checks use it, and the report says so."""
    if parse_version(version) is None:
        raise InputError(f"--server-version {version!r} is not a ClickHouse version (e.g. 24.8 or 18.16.1)")
    snapshot.server.version = version
    snapshot.gaps.pop("server", None)
    if snapshot.inputs is not None:
        snapshot.inputs.assumptions.append(f"server version {version} (given with --server-version)")


def audit_config(path: str, options: AuditOptions) -> tuple[Report, list[Snapshot]]:
    """Offline audit of a config directory or file: one target per ClickHouse server it describes."""
    started = utc_now()
    checks = options.selected_checks()
    with bulk_objects():
        snapshots = snapshots_from_config(path, options=input_options(options))
        if options.server_version:
            for snapshot in snapshots:
                given_version(snapshot, options.server_version)
        report = judge(snapshots, started_at=started, checks=checks)
        return locate_findings(report, snapshots), snapshots
