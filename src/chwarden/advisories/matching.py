"""Which advisories affect a server version, and whether its release line is still supported.

Matching rules (see the data file's metadata): "fixed in X" means fixed from X on X's own line and on
every line newer than all lines that got a fix; a line older than that without its own fix never got
a backport and stays vulnerable, unless it is older than the line that introduced the component.
Cloud versions do not map onto OSS lines and are never matched.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from chwarden.advisories.data import Advisory, AdvisoryData, bundled_data, parse_month
from chwarden.clickhouse.version import (
    Branch,
    Version,
    format_branch,
    parse_branch,
    parse_version,
)

UPGRADE_TO_SUPPORTED = "upgrade to a supported release"


class Status(str, enum.Enum):
    AFFECTED = "affected"
    POSSIBLY_AFFECTED = "possibly_affected"  # the line got a backport at a patch level we do not know
    NOT_AFFECTED = "not_affected"
    UNKNOWN_CLOUD = "unknown (cloud)"


@dataclass(frozen=True)
class Assessment:
    """One advisory judged against one version, with the fix that applies to the version's line."""

    advisory: Advisory
    status: Status
    fixed_in: str | None  # fixed build on the version's own line, if the line got one
    nearest_fixed: str | None  # smallest fixed build newer than the version on any line

    @property
    def applies(self) -> bool:
        return self.status in (Status.AFFECTED, Status.POSSIBLY_AFFECTED)


@dataclass(frozen=True)
class SupportStatus:
    """Support verdict for one version as of ``as_of`` (SECURITY.md: 3 newest + 2 newest LTS)."""

    supported: bool
    known: bool  # False for Cloud builds and unparseable versions
    reason: str
    branch: str | None
    as_of: date
    supported_lines: tuple[str, ...]
    newest_releases: tuple[str, ...]
    newest_lts: tuple[str, ...]
    projected: bool  # some released lines were assumed from the monthly cadence, not bundled data


def _as_version(version: Version | str) -> Version:
    if isinstance(version, Version):
        return version
    parsed = parse_version(version)
    if parsed is None:
        raise ValueError(f"not a ClickHouse version: {version!r}")
    return parsed


def assess(advisory: Advisory, version: Version | str) -> Assessment:
    """Judge one advisory against one version."""
    ver = _as_version(version)
    if ver.is_cloud:
        return Assessment(advisory, Status.UNKNOWN_CLOUD, None, None)
    fixed = advisory.fixed_by_branch
    branch = ver.branch
    introduced = advisory.introduced_branch
    if introduced is not None and branch < introduced:
        return Assessment(advisory, Status.NOT_AFFECTED, None, None)  # the component did not exist yet
    nearest = _nearest_fixed(fixed, ver)
    own = fixed.get(branch)
    if own is not None:
        status = Status.NOT_AFFECTED if ver >= own else Status.AFFECTED
        return Assessment(advisory, status, str(own), nearest)
    newest_fixed_line = max([*fixed, *advisory.unverified_branches])
    if branch > newest_fixed_line:
        return Assessment(advisory, Status.NOT_AFFECTED, None, None)
    if branch in advisory.unverified_branches:
        return Assessment(advisory, Status.POSSIBLY_AFFECTED, None, nearest)
    return Assessment(advisory, Status.AFFECTED, None, nearest)


def _nearest_fixed(fixed: dict[Branch, Version], version: Version) -> str | None:
    candidates = [v for v in fixed.values() if v > version]
    return str(min(candidates)) if candidates else None


def assessments(version: Version | str, data: AdvisoryData | None = None) -> list[Assessment]:
    """Every advisory that affects (or possibly affects) the version, in data-file order."""
    ver = _as_version(version)
    found = [assess(adv, ver) for adv in (data or bundled_data()).advisories]
    return [a for a in found if a.applies]


def advisories_for(version: Version | str, data: AdvisoryData | None = None) -> list[Advisory]:
    """Advisories affecting the version (possibly-affected ones included; Cloud builds match none)."""
    return [a.advisory for a in assessments(version, data)]


def released_lines(today: date, data: AdvisoryData | None = None) -> tuple[list[Branch], bool]:
    """Release lines available on ``today`` and whether any of them were projected past the data.

    A line counts from the first day of the month after its nominal release month (releases land late
    in the month). Lines after the newest bundled one are assumed to follow the monthly cadence.
    """
    data = data or bundled_data()
    known = {b: parse_month(month) for line, month in data.release_lines.items() if (b := parse_branch(line))}
    lines = [b for b, month in known.items() if _available(month, today)]
    projected = False
    if known:
        newest = max(known)
        for branch, month in _months_after(newest, known[newest]):
            if not _available(month, today):
                break
            lines.append(branch)
            projected = True
    return sorted(lines, reverse=True), projected


def _available(month: tuple[int, int], today: date) -> bool:
    year, mon = month
    following = (year + 1, 1) if mon == 12 else (year, mon + 1)
    return (today.year, today.month) >= following


def _months_after(branch: Branch, month: tuple[int, int]) -> Iterator[tuple[Branch, tuple[int, int]]]:
    year, mon = month
    major, minor = branch
    while True:
        year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
        major, minor = (major + 1, 1) if minor == 12 else (major, minor + 1)
        yield (major, minor), (year, mon)


def support_status(
    version: Version | str, today: date | None = None, data: AdvisoryData | None = None
) -> SupportStatus:
    """Whether the version's release line still gets security fixes on ``today``."""
    data = data or bundled_data()
    today = today or date.today()
    lines, projected = released_lines(today, data)
    policy = data.support_policy
    newest = tuple(lines[: policy.newest_releases])
    lts = tuple([b for b in lines if b[1] in policy.lts_months][: policy.newest_lts])
    supported = sorted(set(newest) | set(lts), reverse=True)

    def verdict(ok: bool, known: bool, reason: str, branch: str | None) -> SupportStatus:
        return SupportStatus(
            supported=ok,
            known=known,
            reason=reason,
            branch=branch,
            as_of=today,
            supported_lines=tuple(format_branch(b) for b in supported),
            newest_releases=tuple(format_branch(b) for b in newest),
            newest_lts=tuple(format_branch(b) for b in lts),
            projected=projected,
        )

    ver = parse_version(version) if isinstance(version, str) else version
    if ver is None:
        return verdict(False, False, f"version {version!r} not understood", None)
    if ver.is_cloud:
        return verdict(False, False, f"{ver} is a ClickHouse Cloud build: unknown (cloud)", None)
    listed = ", ".join(format_branch(b) for b in supported)
    if ver.branch in supported:
        return verdict(True, True, f"{ver.line} is supported as of {today} ({listed})", ver.line)
    if not lines or ver.branch > lines[0]:
        return verdict(True, True, f"{ver.line} is newer than every release known as of {today}", ver.line)
    return verdict(
        False,
        True,
        f"{ver.line} no longer receives security fixes as of {today}; supported lines: {listed}",
        ver.line,
    )


__all__ = [
    "UPGRADE_TO_SUPPORTED",
    "Assessment",
    "Status",
    "SupportStatus",
    "advisories_for",
    "assess",
    "assessments",
    "released_lines",
    "support_status",
]
