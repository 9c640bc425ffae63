"""Imports every built-in check module so that each registers itself."""

from chwarden.checks import (  # noqa: F401
    accounts,
    authentication,
    clusters,
    data,
    deployment,
    exposure,
    grants,
    limits,
    logs,
    network,
    password_settings,
    ports,
    powerful_privileges,
    privileges,
    scan,
    surface,
    tls,
    versions,
)
