"""Imports every built-in check module so that each registers itself."""

from chwarden.checks import (  # noqa: F401
    authentication,
    data,
    deployment,
    exposure,
    limits,
    logs,
    network,
    privileges,
    scan,
    tls,
    versions,
)
