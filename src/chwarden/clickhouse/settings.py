"""Server defaults of the session settings chwarden judges, by release line.

A profile that does not set a setting leaves the server's default in force; the default changed
over the years for some of them (``max_memory_usage``, ``log_queries``).
"""

from __future__ import annotations

from chwarden.clickhouse.version import Branch, Version

# Defaults for every version chwarden knows, where no release changed them.
SETTING_DEFAULTS = {
    "readonly": "0",
    "allow_ddl": "1",
    "log_queries": "1",
    "max_execution_time": "0",
    "max_result_rows": "0",
    "max_result_bytes": "0",
    "max_rows_to_read": "0",
    "max_concurrent_queries_for_user": "0",
    "allow_introspection_functions": "0",
}
# (setting, first line with the current default, the default before it)
CHANGED_DEFAULTS: dict[str, tuple[Branch, str]] = {
    "max_memory_usage": ((22, 5), "10000000000"),  # 10 GB until 22.4, unlimited from 22.5
    "log_queries": ((20, 5), "0"),  # off until 20.4
}


def setting_default(name: str, version: Version | None) -> str:
    """The default of a setting on a server of ``version`` (the current default when unknown)."""
    changed = CHANGED_DEFAULTS.get(name)
    if changed is not None and version is not None and not version.at_least(changed[0]):
        return changed[1]
    return SETTING_DEFAULTS.get(name, "0")
