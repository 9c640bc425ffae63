"""The bundled advisory data file: its schema, validation on load, and how old it is.

The data is validated once when first used, so a broken data file fails loudly with the field at
fault instead of producing wrong verdicts.
"""

from __future__ import annotations

import functools
import json
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from chwarden.clickhouse.version import Branch, Version, format_branch, parse_branch, parse_version
from chwarden.model import Severity

DATA_FILE = "advisories.json"
CRITICAL_CVSS = 9.0

Impact = Literal[
    "code_execution",
    "memory_corruption",
    "crash",
    "authorization_bypass",
    "data_exposure",
    "file_read",
    "request_forgery",
    "hardening",
]
HIGH_PRE_AUTH_IMPACTS = frozenset({"code_execution", "memory_corruption", "crash", "authorization_bypass"})


class AdvisoryDataError(ValueError):
    """The bundled (or given) advisory data file is missing or invalid."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Advisory(_Model):
    """One server vulnerability (CVE/GHSA) or security-relevant fix without a CVE."""

    id: str
    kind: Literal["cve", "fix"]
    aliases: tuple[str, ...] = ()
    title: str
    summary: str
    component: str
    pre_auth: bool
    impact: Impact
    cvss: float | None = Field(default=None, ge=0, le=10)
    severity: Severity
    fixed: dict[str, str] = Field(default_factory=dict)  # release line -> first fixed build on it
    first_fixed: str | None = None  # older single-fix entries: fixed here and on every later line
    backports_unverified: tuple[str, ...] = ()  # lines that got a fix at a patch level we do not know
    cloud_fixed: str | None = None  # informational; Cloud versions are never matched
    # first release line that carries the affected component (a conservative lower bound): older
    # lines do not have the code, so they are not affected however old they are
    introduced_in: str | None = None
    check: str | None = None  # a dedicated check reports this advisory instead of vulnerable_version
    notes: str | None = None
    references: tuple[str, ...] = ()

    @field_validator("fixed")
    @classmethod
    def _fixed_versions_match_their_line(cls, fixed: dict[str, str]) -> dict[str, str]:
        for line, version in fixed.items():
            parsed = parse_version(version)
            if parse_branch(line) is None or parsed is None or parsed.line != line:
                raise ValueError(f"fixed[{line!r}] = {version!r} is not a version on the {line} line")
        return fixed

    @field_validator("first_fixed", "cloud_fixed")
    @classmethod
    def _parses(cls, value: str | None) -> str | None:
        if value is not None and parse_version(value) is None:
            raise ValueError(f"{value!r} is not a ClickHouse version")
        return value

    @field_validator("introduced_in")
    @classmethod
    def _introduced_line(cls, line: str | None) -> str | None:
        if line is not None and parse_branch(line) is None:
            raise ValueError(f"introduced_in {line!r} is not a release line such as 22.1")
        return line

    @field_validator("backports_unverified")
    @classmethod
    def _lines(cls, lines: tuple[str, ...]) -> tuple[str, ...]:
        for line in lines:
            if parse_branch(line) is None:
                raise ValueError(f"{line!r} is not a release line such as 24.8")
        return lines

    @model_validator(mode="after")
    def _consistent(self) -> Advisory:
        if not self.fixed and self.first_fixed is None:
            raise ValueError(f"{self.id}: needs fixed versions or first_fixed")
        overlap = set(self.backports_unverified) & set(self.fixed_by_branch_text())
        if overlap:
            raise ValueError(f"{self.id}: lines both fixed and unverified: {sorted(overlap)}")
        expected = policy_severity(self)
        if self.severity != expected:
            raise ValueError(f"{self.id}: severity {self.severity.value} breaks policy ({expected.value})")
        return self

    def fixed_by_branch_text(self) -> dict[str, str]:
        merged = dict(self.fixed)
        if self.first_fixed is not None:
            version = parse_version(self.first_fixed)
            if version is not None:
                merged.setdefault(version.line, self.first_fixed)
        return merged

    @functools.cached_property
    def fixed_by_branch(self) -> dict[Branch, Version]:
        """Every fixed build keyed by its release line (``first_fixed`` folded in)."""
        result: dict[Branch, Version] = {}
        for text in self.fixed_by_branch_text().values():
            version = parse_version(text)
            if version is not None:
                result[version.branch] = version
        return result

    @functools.cached_property
    def introduced_branch(self) -> Branch | None:
        return parse_branch(self.introduced_in) if self.introduced_in else None

    @functools.cached_property
    def unverified_branches(self) -> frozenset[Branch]:
        return frozenset(b for b in (parse_branch(line) for line in self.backports_unverified) if b)

    @property
    def fixed_lines(self) -> list[str]:
        return [format_branch(b) for b in sorted(self.fixed_by_branch, reverse=True)]


def policy_severity(advisory: Advisory) -> Severity:
    """Severity policy: pre-auth with CVSS >= 9 is critical, other pre-auth crashes/overflows high,
    anything needing privileges medium, hardening-only fixes low."""
    if advisory.impact == "hardening":
        return Severity.LOW
    if advisory.pre_auth and advisory.cvss is not None and advisory.cvss >= CRITICAL_CVSS:
        return Severity.CRITICAL
    if advisory.pre_auth and advisory.impact in HIGH_PRE_AUTH_IMPACTS:
        return Severity.HIGH
    return Severity.MEDIUM


class SupportPolicy(_Model):
    newest_releases: int = Field(default=3, ge=1)
    newest_lts: int = Field(default=2, ge=1)
    lts_months: tuple[int, ...] = (3, 8)


class AdvisoryData(_Model):
    schema_version: int
    data_date: date
    metadata: dict[str, Any] = Field(default_factory=dict)
    support_policy: SupportPolicy = Field(default_factory=SupportPolicy)
    release_lines: dict[str, str]  # "24.8" -> "2024-08" (nominal release month)
    advisories: tuple[Advisory, ...]

    @field_validator("release_lines")
    @classmethod
    def _release_months(cls, lines: dict[str, str]) -> dict[str, str]:
        for line, month in lines.items():
            if parse_branch(line) is None:
                raise ValueError(f"{line!r} is not a release line")
            parse_month(month)
        return lines

    @model_validator(mode="after")
    def _unique_ids(self) -> AdvisoryData:
        ids = [a.id for a in self.advisories]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate advisory ids: {duplicates}")
        return self

    def advisory(self, advisory_id: str) -> Advisory:
        for adv in self.advisories:
            if adv.id == advisory_id or advisory_id in adv.aliases:
                return adv
        raise KeyError(advisory_id)


def parse_month(text: str) -> tuple[int, int]:
    """``"2024-08"`` -> ``(2024, 8)``."""
    try:
        year_text, month_text = text.split("-")
        year, month = int(year_text), int(month_text)
    except ValueError:
        raise ValueError(f"{text!r} is not a YYYY-MM month") from None
    if not 1 <= month <= 12:
        raise ValueError(f"{text!r} is not a YYYY-MM month")
    return year, month


def load_advisory_data(path: Path | None = None) -> AdvisoryData:
    """Load and validate a data file (the bundled one when ``path`` is None)."""
    if path is None:
        return bundled_data()
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AdvisoryDataError(f"cannot read advisory data {path}: {exc.strerror}") from None
    return _validate(raw, str(path))


@functools.lru_cache(maxsize=1)
def bundled_data() -> AdvisoryData:
    raw = resources.files("chwarden.advisories").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return _validate(raw, DATA_FILE)


def _validate(raw: str, source: str) -> AdvisoryData:
    try:
        return AdvisoryData.model_validate(json.loads(raw))
    except json.JSONDecodeError as exc:
        raise AdvisoryDataError(f"{source}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()[:5])
        raise AdvisoryDataError(f"{source}: invalid advisory data: {problems}") from None


def data_date() -> date:
    """When the bundled advisory data was last reviewed."""
    return bundled_data().data_date


def data_age_days(today: date | None = None) -> int:
    """How many days old the bundled advisory data is (negative if ``today`` precedes it)."""
    return ((today or date.today()) - data_date()).days
