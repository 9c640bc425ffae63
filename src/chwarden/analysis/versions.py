"""The server's version as a snapshot records it, compared with feature thresholds."""

from __future__ import annotations

from chwarden.clickhouse.version import Version, parse_version
from chwarden.facts import Snapshot


def version_of(snapshot: Snapshot) -> Version | None:
    """The server's version; None when it is unknown or not a ClickHouse version string."""
    return parse_version(snapshot.server.version)


def version_at_least(snapshot: Snapshot, minimum: tuple[int, ...]) -> bool | None:
    """True/False when the version is known, None when it is not."""
    version = version_of(snapshot)
    return None if version is None else version.at_least(minimum)


def lacks(snapshot: Snapshot, since: tuple[int, ...]) -> bool:
    """The server is known to predate a feature: a config patch for it would be silently ignored."""
    return version_at_least(snapshot, since) is False
