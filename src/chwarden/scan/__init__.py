"""``chwarden scan``: find the ClickHouse endpoints strangers can reach, and what they expose.

``run_scan`` is the library entry point: targets in, a Report (command ``scan``) plus one
Snapshot per host with open ports out. The CLI (``chwarden.cli.scan``) only adds argument
parsing, streaming output and the progress bar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from chwarden.checks.judge import judge
from chwarden.checks.scan import scan_checks
from chwarden.clickhouse.ports import SCAN_PORTS
from chwarden.facts import Snapshot
from chwarden.model import Endpoint, Report, utc_now
from chwarden.scan.ports import PortSpecError, parse_ports
from chwarden.scan.targets import TargetSpecError, parse_targets
from chwarden.sources.network.host_facts import snapshots_of
from chwarden.sources.network.scanner import MAX_CREDENTIALS, Credential, ScanOptions, ScanRun, ScanTarget, scan_sync


@dataclass
class ScanOutcome:
    report: Report
    snapshots: list[Snapshot]
    run: ScanRun


def run_scan(
    targets: list[ScanTarget],
    options: ScanOptions,
    *,
    on_endpoint: Callable[[Endpoint], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> ScanOutcome:
    """Scan, turn each host into a snapshot and judge the snapshots with the scan's checks."""
    started = utc_now()
    callbacks = {k: v for k, v in (("on_endpoint", on_endpoint), ("on_progress", on_progress)) if v is not None}
    run = scan_sync(targets, options, **callbacks)
    snapshots, failed = snapshots_of(run.hosts)
    report = judge(snapshots, command="scan", started_at=started, checks=scan_checks(), failed=failed)
    return ScanOutcome(_without_impostor_gaps(report, snapshots), snapshots, run)


def _without_impostor_gaps(report: Report, snapshots: list[Snapshot]) -> Report:
    """Hosts whose open ports are not ClickHouse have nothing to check: keep them out of not_checked."""
    clickhouse = {s.target for s in snapshots if any(e.clickhouse for e in s.endpoints or [])}
    kept = [n for n in report.not_checked if n.target in clickhouse]
    return report.model_copy(update={"not_checked": kept})


def read_credentials(text: str, origin: str = "credentials file") -> tuple[Credential, ...]:
    """``user:password`` (or ``user`` alone for an empty password) per line; ``#`` comments."""
    found: list[Credential] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        user, _, password = line.rstrip("\r\n").partition(":")
        if not user.strip():
            raise TargetSpecError(f"{origin}:{number}: no user name")
        found.append(Credential(user.strip(), password))
    if not found:
        raise TargetSpecError(f"{origin} holds no credential")
    if len(found) > MAX_CREDENTIALS:
        raise TargetSpecError(f"{origin} holds {len(found)} credentials; a short list of at most {MAX_CREDENTIALS}")
    return tuple(dict.fromkeys(found))


__all__ = [
    "SCAN_PORTS",
    "Credential",
    "PortSpecError",
    "ScanOptions",
    "ScanOutcome",
    "ScanTarget",
    "TargetSpecError",
    "parse_ports",
    "parse_targets",
    "read_credentials",
    "run_scan",
]
