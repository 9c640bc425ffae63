"""ClickHouse version strings: the one parser, and numeric comparison.

Every version chwarden reads goes through ``parse_version``: what a live server or a scanned port
reports, a ``--target-version``, the advisory data. Feature thresholds (``features``) are release
lines (``Branch``, ``(23, 8)``) compared with ``Version.at_least``.

Server versions come as ``YY.M.patch.build`` with optional suffixes (``24.3.4.147-lts``,
``24.8.14.10003.altinitystable``), as ``1.1.54xxx`` before 18.x, and as ``YY.0.x.y`` on ClickHouse
Cloud. Comparison is purely numeric (the suffix is kept for display), because a suffix never changes
which fixes a build contains.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_VERSION_RE = re.compile(
    r"^v?(?P<numbers>\d{1,6}(?:\.\d{1,9}){1,4})"
    r"(?:[-.](?P<suffix>[A-Za-z][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*))?$"
)
LEGACY_MAJOR = 1  # 1.1.54xxx, the numbering used before 18.x
FIRST_CALENDAR_MAJOR = 18
MIN_PARTS_WITH_SUFFIX = 3

Branch = tuple[int, int]


@functools.total_ordering
@dataclass(frozen=True, eq=False)
class Version:
    """A parsed version; ordered and compared by its numbers only."""

    numbers: tuple[int, ...]
    suffix: str | None = None
    raw: str = ""

    @property
    def major(self) -> int:
        return self.numbers[0]

    @property
    def minor(self) -> int:
        return self.numbers[1]

    @property
    def branch(self) -> Branch:
        """The release line (``(23, 8)`` for 23.8.x); backports are made per line."""
        return (self.numbers[0], self.numbers[1])

    @property
    def line(self) -> str:
        return format_branch(self.branch)

    @property
    def is_legacy(self) -> bool:
        return self.major == LEGACY_MAJOR

    @property
    def is_cloud(self) -> bool:
        """Cloud builds use minor 0, which no OSS release line ever had."""
        return self.major >= FIRST_CALENDAR_MAJOR and self.minor == 0

    @property
    def is_altinity(self) -> bool:
        return bool(self.suffix) and "altinity" in (self.suffix or "").lower()

    def at_least(self, since: tuple[int, ...]) -> bool:
        """This build is on or after ``since`` (a release line or a build), numerically."""
        return self.numbers >= since

    def __str__(self) -> str:
        return self.raw or ".".join(str(n) for n in self.numbers)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self.numbers == other.numbers

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self.numbers < other.numbers

    def __hash__(self) -> int:
        return hash(self.numbers)


def parse_version(value: object) -> Version | None:
    """Parse a server version string; anything that is not a ClickHouse version gives None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _VERSION_RE.match(text)
    if match is None:
        return None
    numbers = tuple(int(part) for part in match.group("numbers").split("."))
    if match.group("suffix") and len(numbers) < MIN_PARTS_WITH_SUFFIX:
        return None  # "23.8.x" is a pattern, not a build
    if numbers[0] == 0 or (numbers[0] == LEGACY_MAJOR and numbers[1] != 1):
        return None
    if numbers[0] != LEGACY_MAJOR and numbers[0] < FIRST_CALENDAR_MAJOR:
        return None
    return Version(numbers=numbers, suffix=match.group("suffix"), raw=text)


def parse_branch(value: str) -> Branch | None:
    """``"23.8"`` -> ``(23, 8)``; None for anything else."""
    version = parse_version(value)
    if version is None or len(version.numbers) != 2:
        return None
    return version.branch


def format_branch(branch: Branch) -> str:
    return f"{branch[0]}.{branch[1]}"
