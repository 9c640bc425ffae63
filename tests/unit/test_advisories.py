"""Bundled advisories: version parsing, the matching rules, the data file, and the support window."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from chwarden.advisories import (
    AdvisoryDataError,
    Status,
    advisories_for,
    assess,
    bundled_data,
    data_age_days,
    data_date,
    load_advisory_data,
    support_status,
)
from chwarden.advisories.data import DATA_FILE, Advisory, policy_severity
from chwarden.advisories.matching import released_lines
from chwarden.clickhouse.version import Version as ClickHouseVersion
from chwarden.clickhouse.version import format_branch, parse_version
from chwarden.model import Severity

DATA = bundled_data()
TODAY = date(2026, 11, 26)

# ---- parsing ---------------------------------------------------------------------------------------

PARSED = [
    # text, numbers, suffix, legacy, cloud, altinity
    ("18.16.1", (18, 16, 1), None, False, False, False),
    ("23.3.2.37", (23, 3, 2, 37), None, False, False, False),
    ("24.3.4.147-lts", (24, 3, 4, 147), "lts", False, False, False),
    ("23.8.6.16-stable", (23, 8, 6, 16), "stable", False, False, False),
    ("24.8.14.10003.altinitystable", (24, 8, 14, 10003), "altinitystable", False, False, True),
    ("24.3.5.47.altinityfips", (24, 3, 5, 47), "altinityfips", False, False, True),
    ("26.9.2.1", (26, 9, 2, 1), None, False, False, False),
    ("1.1.54380", (1, 1, 54380), None, True, False, False),
    ("24.0.2.54535", (24, 0, 2, 54535), None, False, True, False),
    (" 23.8.1.1 ", (23, 8, 1, 1), None, False, False, False),
    ("v22.12.1.1752-stable", (22, 12, 1, 1752), "stable", False, False, False),
    ("22.12", (22, 12), None, False, False, False),
]


@pytest.mark.parametrize(("text", "numbers", "suffix", "legacy", "cloud", "altinity"), PARSED)
def test_parse_version(
    text: str, numbers: tuple[int, ...], suffix: str | None, legacy: bool, cloud: bool, altinity: bool
) -> None:
    version = parse_version(text)
    assert version is not None
    assert (version.numbers, version.suffix) == (numbers, suffix)
    assert (version.is_legacy, version.is_cloud, version.is_altinity) == (legacy, cloud, altinity)
    assert version.line == format_branch(numbers[:2])
    assert str(version) == text.strip()


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "   ",
        "abc",
        "23",
        "23.",
        "23..1",
        "23.8.x",
        "5.7.30",  # a MySQL version string
        "0.1.2",
        "1.2.3",
        "23.8.1.1.1.1",
        "23.8.1.1; DROP TABLE t",
        "23.8.1.1 (official build)",
        "1" * 40,
        "23.8.6.16-",
        None,
        23.8,
        ["23.8.1.1"],
    ],
)
def test_parse_version_rejects_garbage(garbage: Any) -> None:
    assert parse_version(garbage) is None


COMPARISONS = [
    # a, b, expected sign of (a - b)
    ("23.8.6.16", "23.8.6.17", -1),
    ("23.8.10.1", "23.8.9.99", 1),  # numeric, not lexicographic
    ("23.12.1.1", "23.9.9.9", 1),
    ("24.3.4.147-lts", "24.3.4.147", 0),  # the suffix never changes the order
    ("24.8.14.10003.altinitystable", "24.8.14.27", 1),
    ("1.1.54390", "18.1.0", -1),
    ("18.16.1", "19.1.6", -1),
    ("22.12", "22.12.1.1752", -1),  # a bare line sorts before all its builds
    ("26.9.2.1", "26.10.1.1", -1),
]


@pytest.mark.parametrize(("a", "b", "sign"), COMPARISONS)
def test_version_order(a: str, b: str, sign: int) -> None:
    va, vb = parse_version(a), parse_version(b)
    assert va is not None and vb is not None
    assert ((va > vb) - (va < vb)) == sign
    assert (va == vb) == (sign == 0)


# ---- matching rules ----------------------------------------------------------------------------------

BOUNDARIES = [
    # advisory, version, expected status, expected fixed_in for the version's own line
    ("CVE-2023-47118", "23.8.6.16", Status.NOT_AFFECTED, "23.8.6.16"),
    ("CVE-2023-47118", "23.8.6.15", Status.AFFECTED, "23.8.6.16"),
    ("CVE-2023-47118", "23.8.5.999", Status.AFFECTED, "23.8.6.16"),
    ("CVE-2023-47118", "23.3.16.7-lts", Status.NOT_AFFECTED, "23.3.16.7"),
    ("CVE-2023-47118", "23.4.1.1", Status.AFFECTED, None),  # between listed lines: no backport
    ("CVE-2023-47118", "23.2.9.9", Status.AFFECTED, None),  # older than every fixed line
    ("CVE-2023-47118", "23.11.1.1", Status.NOT_AFFECTED, None),  # newer than every fixed line
    ("CVE-2021-43304", "21.9.6.24", Status.AFFECTED, None),
    ("CVE-2021-43304", "21.11.1.1", Status.NOT_AFFECTED, None),
    ("CVE-2021-43304", "21.8.11.4-lts", Status.NOT_AFFECTED, "21.8.11.4-lts"),
    ("CVE-2024-22412", "23.9.1.1", Status.AFFECTED, None),
    ("CVE-2024-22412", "24.1.8.21", Status.AFFECTED, "24.1.8.22"),
    ("CVE-2024-22412", "24.2.1.1", Status.NOT_AFFECTED, None),
    ("CVE-2025-1385", "24.3.18.6", Status.AFFECTED, "24.3.18.7"),  # release notes say .7
    ("CVE-2025-1385", "24.10.3.1", Status.AFFECTED, None),
    ("CVE-2025-1385", "25.2.1.1", Status.NOT_AFFECTED, None),
    ("CVE-2025-1385", "24.8.14.10003.altinitystable", Status.NOT_AFFECTED, "24.8.14.27"),
    ("CVE-2018-14668", "1.1.54387", Status.AFFECTED, "1.1.54388"),
    ("CVE-2018-14668", "1.1.54388", Status.NOT_AFFECTED, "1.1.54388"),
    ("CVE-2018-14668", "18.1.1", Status.NOT_AFFECTED, None),
    ("CVE-2019-16535", "1.1.54390", Status.AFFECTED, None),
    ("CVE-2019-16535", "19.13.7.57", Status.AFFECTED, None),
    ("CVE-2019-16535", "19.15.1.1", Status.NOT_AFFECTED, None),
    ("CHW-2022-SECRETS-MASKING", "22.11.9.9", Status.AFFECTED, None),
    ("CHW-2022-SECRETS-MASKING", "22.12.1.1752", Status.NOT_AFFECTED, "22.12"),
    ("CHW-2024-BCRYPT-QUERY-LOG", "24.8.5.115", Status.POSSIBLY_AFFECTED, None),
    ("CHW-2024-BCRYPT-QUERY-LOG", "24.5.1.1", Status.AFFECTED, None),
    ("CHW-2024-BCRYPT-QUERY-LOG", "24.10.1.2812", Status.NOT_AFFECTED, "24.10"),
    ("CHW-2024-BCRYPT-QUERY-LOG", "24.11.1.1", Status.NOT_AFFECTED, None),
    ("CHW-2025-PG-SQLITE-INJECTION", "24.12.3.47", Status.POSSIBLY_AFFECTED, None),
    ("CHW-2025-PG-SQLITE-INJECTION", "24.9.3.128", Status.AFFECTED, None),
    ("CVE-2023-48704", "24.0.2.54535", Status.UNKNOWN_CLOUD, None),
]


@pytest.mark.parametrize(("advisory_id", "version", "status", "fixed_in"), BOUNDARIES)
def test_branch_boundaries(advisory_id: str, version: str, status: Status, fixed_in: str | None) -> None:
    found = assess(DATA.advisory(advisory_id), version)
    assert found.status is status
    assert found.fixed_in == fixed_in


def test_nearest_fixed_build_for_a_line_without_backport() -> None:
    found = assess(DATA.advisory("CVE-2024-22412"), "23.9.6.20")
    assert found.fixed_in is None
    assert found.nearest_fixed == "23.12.6.19"


def _below(version: ClickHouseVersion) -> list[str]:
    """Builds just under a fixed build on the same line: previous build and previous patch."""
    nums = version.numbers
    out = []
    if len(nums) >= 3 and nums[-1] > 0:
        out.append(".".join(map(str, (*nums[:-1], nums[-1] - 1))))
    if len(nums) == 4 and nums[2] > 1:
        out.append(".".join(map(str, (*nums[:2], nums[2] - 1, 9999))))
    return out


FIXED_CASES = [
    pytest.param(adv.id, str(fixed), id=f"{adv.id}@{fixed}")
    for adv in DATA.advisories
    for fixed in adv.fixed_by_branch.values()
]


@pytest.mark.parametrize(("advisory_id", "fixed"), FIXED_CASES)
def test_each_advisory_at_and_below_its_fixed_builds(advisory_id: str, fixed: str) -> None:
    adv = DATA.advisory(advisory_id)
    version = parse_version(fixed)
    assert version is not None
    assert assess(adv, version).status is Status.NOT_AFFECTED
    assert adv not in advisories_for(version)
    below = _below(version)
    if len(version.numbers) == 2:  # a whole line is fixed: its first build is fixed too
        assert assess(adv, f"{fixed}.1.1").status is Status.NOT_AFFECTED
    else:
        assert below, fixed
    for older in below:
        assert assess(adv, older).status is Status.AFFECTED, older
        assert adv in advisories_for(older)


PRE_2019_FIXED_FOR_18_16 = {
    "CVE-2018-14670",
    "CVE-2018-14668",
    "CVE-2018-14669",
    "CVE-2018-14671",
    "CVE-2018-14672",
}


def test_18_16_1_hits_every_later_advisory_whose_component_it_has() -> None:
    ids = {a.id for a in advisories_for("18.16.1")}
    introduced_later = {a.id for a in DATA.advisories if a.introduced_in is not None}
    expected = {a.id for a in DATA.advisories} - PRE_2019_FIXED_FOR_18_16 - introduced_later
    assert ids == expected
    assert {"CVE-2019-16535", "CVE-2019-16536", "CVE-2019-15024", "CVE-2019-18657"} <= ids
    # 18.16 has no column codecs, query cache, library bridge, bcrypt or cluster secret
    for absent in ("CVE-2023-47118", "CVE-2023-48298", "CVE-2024-22412", "CVE-2025-1385", "CHW-2024-BCRYPT-QUERY-LOG"):
        assert absent not in ids


@pytest.mark.parametrize(
    ("advisory_id", "version", "status"),
    [
        ("CVE-2023-48298", "21.8.15.7-lts", Status.NOT_AFFECTED),  # before the FPC codec's line
        ("CVE-2023-48298", "22.1.3.7", Status.AFFECTED),  # first line at or after introduced_in
        ("CVE-2023-47118", "18.16.1", Status.NOT_AFFECTED),
        ("CVE-2023-47118", "19.1.6.1", Status.AFFECTED),
        ("CVE-2021-43304", "18.16.1", Status.AFFECTED),  # LZ4 is as old as the native protocol
    ],
)
def test_lines_older_than_the_component_are_not_affected(advisory_id: str, version: str, status: Status) -> None:
    assert assess(DATA.advisory(advisory_id), version).status is status


def test_introduced_in_must_be_a_release_line() -> None:
    raw = DATA.advisory("CVE-2023-48298").model_dump()
    with pytest.raises(ValueError, match="introduced_in"):
        Advisory.model_validate({**raw, "introduced_in": "twenty-two"})


def test_26_9_2_1_hits_nothing_and_is_supported() -> None:
    assert advisories_for("26.9.2.1") == []
    status = support_status("26.9.2.1", TODAY)
    assert status.supported and status.known


def test_cloud_versions_match_nothing() -> None:
    assert advisories_for("24.0.2.54535") == []
    assert advisories_for("23.0.2.1") == []


def test_advisories_for_rejects_garbage_clearly() -> None:
    with pytest.raises(ValueError, match="not a ClickHouse version"):
        advisories_for("hello")


# ---- the data file -------------------------------------------------------------------------------------

SECTION_5_2_CVES = {
    "CVE-2018-14670", "CVE-2018-14668", "CVE-2018-14669", "CVE-2018-14671", "CVE-2018-14672",
    "CVE-2019-18657", "CVE-2019-15024", "CVE-2019-16535", "CVE-2019-16536", "CVE-2021-25263",
    "CVE-2021-43304", "CVE-2021-43305", "CVE-2021-42387", "CVE-2021-42388", "CVE-2021-42389",
    "CVE-2021-42390", "CVE-2021-42391", "CVE-2022-44010", "CVE-2022-44011", "CVE-2023-47118",
    "CVE-2023-48298", "CVE-2023-48704", "CVE-2024-22412", "CVE-2024-6873", "CVE-2025-1385",
}  # fmt: skip
GHSA = {
    "CVE-2023-47118": "GHSA-g22g-p6q2-x39v",
    "CVE-2023-48298": "GHSA-qw9f-qv29-8938",
    "CVE-2023-48704": "GHSA-5rmf-5g48-xv63",
    "CVE-2024-22412": "GHSA-45h5-f7g3-gr8r",
    "CVE-2024-6873": "GHSA-432f-r822-j66f",
    "CVE-2025-1385": "GHSA-5phv-x8x4-83x5",
}


def test_every_section_5_2_cve_is_bundled() -> None:
    cves = {a.id for a in DATA.advisories if a.kind == "cve"}
    assert cves == SECTION_5_2_CVES
    fixes = {a.id for a in DATA.advisories if a.kind == "fix"}
    assert {"CHW-2022-SECRETS-MASKING", "CHW-2024-BCRYPT-QUERY-LOG", "CHW-2025-PG-SQLITE-INJECTION"} <= fixes


@pytest.mark.parametrize("adv", DATA.advisories, ids=lambda a: a.id)
def test_advisory_references_and_severity(adv: Any) -> None:
    if adv.kind == "cve":
        assert f"https://nvd.nist.gov/vuln/detail/{adv.id}" in adv.references
    if adv.id in GHSA:
        assert adv.aliases == (GHSA[adv.id],)
        assert f"https://github.com/ClickHouse/ClickHouse/security/advisories/{GHSA[adv.id]}" in adv.references
    assert adv.references and all(r.startswith("https://") for r in adv.references)
    assert adv.severity == policy_severity(adv)
    if adv.severity is Severity.CRITICAL:
        assert adv.pre_auth and adv.cvss is not None and adv.cvss >= 9
    if not adv.pre_auth:
        assert adv.severity in (Severity.MEDIUM, Severity.LOW)


def test_severity_examples() -> None:
    assert DATA.advisory("CVE-2019-16535").severity is Severity.CRITICAL  # pre-auth RCE, CVSS 9.8
    assert DATA.advisory("CVE-2023-47118").severity is Severity.HIGH  # pre-auth crash
    assert DATA.advisory("GHSA-5phv-x8x4-83x5").severity is Severity.MEDIUM  # needs privileges (alias lookup)


def test_data_date_and_age() -> None:
    assert data_date() == date(2026, 11, 26)
    assert data_age_days(date(2026, 11, 26)) == 0
    assert data_age_days(date(2027, 1, 25)) == 60
    assert isinstance(data_age_days(), int)
    assert "26.10" in DATA.metadata["newest_release_assumption"]


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / DATA_FILE
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _raw() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(DATA.model_dump_json())
    return raw


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    assert load_advisory_data(_write(tmp_path, _raw())) == DATA


def _break_fixed(raw: dict[str, Any]) -> None:
    raw["advisories"][0]["fixed"] = {"23.8": "23.9.1.1"}


def _break_severity(raw: dict[str, Any]) -> None:
    raw["advisories"][0]["severity"] = "critical"


def _duplicate(raw: dict[str, Any]) -> None:
    raw["advisories"].append(raw["advisories"][0])


def _bad_month(raw: dict[str, Any]) -> None:
    raw["release_lines"]["26.10"] = "2026-13"


def _no_fix(raw: dict[str, Any]) -> None:
    raw["advisories"][0].pop("first_fixed")
    raw["advisories"][0]["fixed"] = {}


@pytest.mark.parametrize(
    ("breaker", "message"),
    [
        (_break_fixed, "not a version on the 23.8 line"),
        (_break_severity, "breaks policy"),
        (_duplicate, "duplicate advisory ids"),
        (_bad_month, "YYYY-MM"),
        (_no_fix, "needs fixed versions"),
    ],
)
def test_invalid_data_fails_clearly(tmp_path: Path, breaker: Any, message: str) -> None:
    raw = _raw()
    breaker(raw)
    with pytest.raises(AdvisoryDataError, match=message) as err:
        load_advisory_data(_write(tmp_path, raw))
    assert "\n" not in str(err.value)


def test_unreadable_or_non_json_data_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(AdvisoryDataError, match="cannot read"):
        load_advisory_data(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(AdvisoryDataError, match="not valid JSON"):
        load_advisory_data(bad)


# ---- support window ------------------------------------------------------------------------------------

SUPPORT_WINDOWS = [
    # today, supported lines (SECURITY.md snapshots in the knowledge base), projected
    (date(2021, 10, 15), ("21.9", "21.8", "21.7", "21.3"), False),
    (date(2022, 8, 15), ("22.7", "22.6", "22.5", "22.3", "21.8"), False),
    (date(2024, 10, 15), ("24.9", "24.8", "24.7", "24.3"), False),
    (date(2026, 8, 15), ("26.7", "26.6", "26.5", "26.3", "25.8"), False),
    (TODAY, ("26.10", "26.9", "26.8", "26.3"), False),
    (date(2027, 3, 10), ("27.2", "27.1", "26.12", "26.8", "26.3"), True),
    (date(2027, 9, 1), ("27.8", "27.7", "27.6", "27.3"), True),
]


@pytest.mark.parametrize(("today", "lines", "projected"), SUPPORT_WINDOWS)
def test_support_window(today: date, lines: tuple[str, ...], projected: bool) -> None:
    status = support_status("26.9.2.1", today)
    assert status.supported_lines == lines
    assert status.projected is projected
    assert status.as_of == today


SUPPORT_CASES = [
    # version, today, supported, known, reason fragment
    ("24.3.12.75-lts", date(2024, 10, 15), True, True, "supported"),
    ("24.6.6.6", date(2024, 10, 15), False, True, "no longer receives"),
    ("24.10.1.2812", date(2024, 10, 15), True, True, "newer than every release"),  # not out yet by our rule
    ("26.11.1.1", TODAY, True, True, "newer than every release"),
    ("26.8.3.1-lts", TODAY, True, True, "supported"),
    ("25.8.29.21", TODAY, False, True, "no longer receives"),
    ("18.16.1", TODAY, False, True, "no longer receives"),
    ("1.1.54380", TODAY, False, True, "no longer receives"),
    ("24.0.2.54535", TODAY, False, False, "unknown (cloud)"),
    ("garbage", TODAY, False, False, "not understood"),
]


@pytest.mark.parametrize(("version", "today", "supported", "known", "reason"), SUPPORT_CASES)
def test_support_status(version: str, today: date, supported: bool, known: bool, reason: str) -> None:
    status = support_status(version, today)
    assert (status.supported, status.known) == (supported, known)
    assert reason in status.reason


def test_newest_lts_and_releases() -> None:
    status = support_status("18.16.1", TODAY)
    assert status.newest_lts == ("26.8", "26.3")
    assert status.newest_releases == ("26.10", "26.9", "26.8")
    assert status.branch == "18.16"


def test_released_lines_are_bounded() -> None:
    lines, projected = released_lines(date(2035, 1, 1))
    assert projected and lines[0] == (34, 12) and len(lines) < 200
