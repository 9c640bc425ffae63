"""Advisory matching at its edges, on a small hand-made data file (so each rule is seen alone).

The bundled data is tested in test_advisories.py; here every threshold is tried just below, at and
above: CVSS 9 for critical, the fixed build itself, the newest fixed line, the newest released line.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from chwarden.advisories import AdvisoryData, Status, advisories_for, assess, support_status
from chwarden.advisories.data import Advisory, parse_month, policy_severity
from chwarden.clickhouse.version import Version, parse_version
from chwarden.model import Severity


def advisory(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "CVE-2099-0001",
        "kind": "cve",
        "title": "t",
        "summary": "s",
        "component": "c",
        "pre_auth": False,
        "impact": "data_exposure",
        "severity": "medium",
    }
    return {**base, **fields}


DATA = AdvisoryData.model_validate(
    {
        "schema_version": 1,
        "data_date": "2025-01-15",
        "release_lines": {"24.3": "2024-03", "24.8": "2024-08", "24.10": "2024-10", "24.12": "2024-12"},
        "advisories": [
            # fixed on 24.3 and 24.8; 23.12 and 24.10 got a backport at an unknown patch level
            advisory(
                fixed={"24.3": "24.3.5.1", "24.8": "24.8.2.3"},
                backports_unverified=["23.12", "24.10"],
                introduced_in="23.1",
            ),
        ],
    }
)
ADV = DATA.advisories[0]


@pytest.mark.parametrize(
    ("version", "status", "fixed_in", "nearest"),
    [
        ("24.3.5.0", Status.AFFECTED, "24.3.5.1", "24.3.5.1"),  # just below its line's fix
        ("24.3.5.1", Status.NOT_AFFECTED, "24.3.5.1", "24.8.2.3"),  # the fix itself: nearest is a later one
        ("24.8.2.3", Status.NOT_AFFECTED, "24.8.2.3", None),  # the newest fix: nothing newer (> not >=)
        ("24.8.2.4", Status.NOT_AFFECTED, "24.8.2.3", None),
        ("24.10.1.1", Status.POSSIBLY_AFFECTED, None, None),  # the newest line, backport level unknown
        ("23.12.1.1", Status.POSSIBLY_AFFECTED, None, "24.3.5.1"),  # unknown backport: the nearest sure fix
        ("24.12.1.1", Status.NOT_AFFECTED, None, None),  # newer than every fixed line
        ("23.8.1.1", Status.AFFECTED, None, "24.3.5.1"),  # an older line that never got the fix
        ("22.8.1.1", Status.NOT_AFFECTED, None, None),  # older than the component
        ("24.0.1.1", Status.UNKNOWN_CLOUD, None, None),
    ],
)
def test_assess_edges(version: str, status: Status, fixed_in: str | None, nearest: str | None) -> None:
    result = assess(ADV, version)
    assert (result.advisory, result.status, result.fixed_in, result.nearest_fixed) == (ADV, status, fixed_in, nearest)


def test_advisories_for_uses_the_data_it_is_given() -> None:
    assert advisories_for("24.3.5.0", DATA) == [ADV]
    assert advisories_for("24.12.1.1", DATA) == []


@pytest.mark.parametrize(
    ("impact", "pre_auth", "cvss", "severity"),
    [
        ("crash", True, 8.9, Severity.HIGH),  # just below CVSS 9
        ("crash", True, 9.0, Severity.CRITICAL),  # at: critical (>= not >)
        ("crash", True, 9.1, Severity.CRITICAL),
        ("data_exposure", True, 9.0, Severity.CRITICAL),  # any pre-auth impact at CVSS 9
        ("data_exposure", True, 8.9, Severity.MEDIUM),
        ("crash", False, 9.8, Severity.MEDIUM),  # needs a login
        ("crash", True, None, Severity.HIGH),
        ("hardening", True, 10.0, Severity.LOW),
    ],
)
def test_policy_severity_cvss_boundary(impact: str, pre_auth: bool, cvss: float | None, severity: Severity) -> None:
    adv = Advisory.model_construct(**{**advisory(), "impact": impact, "pre_auth": pre_auth, "cvss": cvss})
    assert policy_severity(adv) is severity


@pytest.mark.parametrize("text", ["2024-13", "2024-00", "2024", "2024-x"])
def test_parse_month_rejects_clearly(text: str) -> None:
    with pytest.raises(ValueError, match=r"is not a YYYY-MM month$"):
        parse_month(text)


def test_parse_month_edges() -> None:
    assert (parse_month("2024-01"), parse_month("2024-12")) == ((2024, 1), (2024, 12))


@pytest.mark.parametrize(
    ("version", "supported", "reason", "branch"),
    [
        ("24.12.1.1", True, "24.12 is supported as of 2025-01-15 (24.12, 24.10, 24.8, 24.3)", "24.12"),
        ("24.3.1.1", True, "24.3 is supported as of 2025-01-15 (24.12, 24.10, 24.8, 24.3)", "24.3"),
        # not a released line, but between two released ones: no longer supported ([0] -> [1] mutant)
        (
            "24.11.1.1",
            False,
            "24.11 no longer receives security fixes as of 2025-01-15; supported lines: 24.12, 24.10, 24.8, 24.3",
            "24.11",
        ),
        ("25.1.1.1", True, "25.1 is newer than every release known as of 2025-01-15", "25.1"),
        (
            "23.8.1.1",
            False,
            "23.8 no longer receives security fixes as of 2025-01-15; supported lines: 24.12, 24.10, 24.8, 24.3",
            "23.8",
        ),
    ],
)
def test_support_status_on_given_data(version: str, supported: bool, reason: str, branch: str) -> None:
    """Lines count from the month after release; 24.12 (December) is out on 2025-01-01 (mon == 12 rollover)."""
    status = support_status(version, date(2025, 1, 15), DATA)
    assert (status.supported, status.known, status.reason, status.branch) == (supported, True, reason, branch)


def test_parse_version_edges() -> None:
    assert parse_version("24.3.4-lts") is not None  # three numbers are enough with a suffix (< not <=)
    assert parse_version("24.3-lts") is None  # a pattern, not a build
    assert parse_version("17.1.2.3") is None  # before the calendar numbering, and not 1.1.x
    assert str(Version(numbers=(24, 8, 1))) == "24.8.1"  # no raw text: the numbers
