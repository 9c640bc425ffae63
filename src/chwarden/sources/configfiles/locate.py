"""Give every finding of an offline audit a file and line, so code scanning can annotate it.

Checks attach the location of the fact they judge when they have one. A finding about a profile,
quota, role, cluster or log section found without one gets that fact's location here; a finding
about something absent (no TLS port, no masking rules) points at the main config element (or the
deployment line that selects the image), which is where the missing setting would be added.
"""

from __future__ import annotations

from collections.abc import Callable

from chwarden.facts import Snapshot
from chwarden.model import Finding, Location, Report

Lookup = Callable[[Snapshot, str], Location | None]


def _named(collection: str) -> Lookup:
    def lookup(snapshot: Snapshot, name: str) -> Location | None:
        items = getattr(snapshot, collection) or []
        found = next((item for item in items if item.name == name), None)
        return found.location if found is not None else None

    return lookup


def _setting(snapshot: Snapshot, path: str) -> Location | None:
    value = (snapshot.server_config or {}).get(path)
    return value.location if value is not None else None


def _cluster(snapshot: Snapshot, name: str) -> Location | None:
    prefix = f"remote_servers.{name}."
    return next((v.location for k, v in (snapshot.server_config or {}).items() if k.startswith(prefix)), None)


def _table(snapshot: Snapshot, name: str) -> Location | None:
    log = next((s for s in snapshot.system_logs or [] if s.name == name.removeprefix("system.")), None)
    return log.location if log is not None else None


LOOKUPS: dict[str, Lookup] = {
    "user": _named("users"),
    "role": _named("roles"),
    "profile": _named("profiles"),
    "quota": _named("quotas"),
    "setting": _setting,
    "port": _setting,
    "cluster": _cluster,
    "table": _table,
}


def fallback_location(snapshot: Snapshot) -> Location | None:
    """The main config element of an offline snapshot (None for live snapshots)."""
    raw = snapshot.extra.get("main_location")
    return Location.model_validate(raw) if isinstance(raw, dict) else None


def locate_finding(finding: Finding, snapshot: Snapshot) -> Finding:
    if finding.location is not None:
        return finding
    kind, _, name = finding.resource.partition(":")
    lookup = LOOKUPS.get(kind)
    location = (lookup(snapshot, name) if lookup is not None else None) or fallback_location(snapshot)
    return finding.model_copy(update={"location": location}) if location is not None else finding


def locate_findings(report: Report, snapshots: list[Snapshot]) -> Report:
    """The report with a location on every finding whose target is an offline snapshot."""
    by_target = {s.target: s for s in snapshots if fallback_location(s) is not None}
    if not by_target:
        return report
    findings = [locate_finding(f, by_target[f.target]) if f.target in by_target else f for f in report.findings]
    return report.model_copy(update={"findings": findings})
