"""Bundled ClickHouse server advisories and the version matching that decides which apply."""

from chwarden.advisories.data import (
    Advisory,
    AdvisoryData,
    AdvisoryDataError,
    bundled_data,
    data_age_days,
    data_date,
    load_advisory_data,
)
from chwarden.advisories.matching import (
    Assessment,
    Status,
    SupportStatus,
    advisories_for,
    assess,
    assessments,
    support_status,
)

__all__ = [
    "Advisory",
    "AdvisoryData",
    "AdvisoryDataError",
    "Assessment",
    "Status",
    "SupportStatus",
    "advisories_for",
    "assess",
    "assessments",
    "bundled_data",
    "data_age_days",
    "data_date",
    "load_advisory_data",
    "support_status",
]
