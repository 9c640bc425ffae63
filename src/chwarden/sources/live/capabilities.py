"""What this server can answer, asked from the server itself (never from its version number)."""

from __future__ import annotations

from chwarden.clickhouse.sql import quote_string
from chwarden.facts import Capabilities
from chwarden.sources.live.runner import NOT_ON_VERSION, Collector, FactUnavailable

# System tables whose columns the collectors read; their columns decide each query's shape.
USED_TABLES = (
    "settings",
    "server_settings",
    "tables",
    "databases",
    "dictionaries",
    "clusters",
    "named_collections",
    "users",
    "roles",
    "grants",
    "role_grants",
    "row_policies",
    "quotas",
    "quota_limits",
    "settings_profiles",
    "settings_profile_elements",
    "query_log",
    "processes",
)
_FUNCTIONS = ("multiMatchAny", "currentUser", "displayName", "hostName", "match")
_TABLE_FLAGS = {
    "has_sql_rbac": "users",
    "has_server_settings": "server_settings",
    "has_named_collections": "named_collections",
    "has_query_log": "query_log",
    "has_text_log": "text_log",
    "has_session_log": "session_log",
    "has_settings_changes": "settings_changes",
    "has_clusters": "clusters",
    "has_dictionaries": "dictionaries",
}


def _exists(c: Collector, table: str) -> bool:
    """A table exists if reading it succeeds or is refused; an unknown table is absent.

    Any other failure (a timeout, a refused setting) says nothing about the table: it is raised,
    never read as "absent".
    """
    try:
        c.rows(f"SELECT 1 FROM system.{table} LIMIT 0")
    except FactUnavailable as exc:
        if exc.denied:
            return True
        if exc.reason.startswith(NOT_ON_VERSION):
            return False
        raise
    return True


def _in_list(names: tuple[str, ...] | list[str]) -> str:
    return ", ".join(quote_string(n) for n in names)


_PROBED = sorted({*USED_TABLES, *_TABLE_FLAGS.values(), "build_options", "table_functions"})


def detect(c: Collector) -> Capabilities:
    """Fill the collector's table/column/function maps and return the capability flags."""
    c.system_tables = {r["name"] for r in c.rows("SELECT name FROM system.tables WHERE database = 'system'")}
    if "one" not in c.system_tables:
        # The account may not SHOW system tables, so the listing is filtered: probe each one.
        c.listing_hidden = True
        c.system_tables |= {t for t in _PROBED if _exists(c, t)}
    used = [t for t in USED_TABLES if t in c.system_tables]
    if used:
        for r in c.rows(
            f"SELECT table, name, type FROM system.columns WHERE database = 'system' AND table IN ({_in_list(used)})"
        ):
            c.columns.setdefault(r["table"], {})[r["name"]] = r["type"]
    c.functions = {
        r["name"] for r in c.rows(f"SELECT name FROM system.functions WHERE name IN ({_in_list(_FUNCTIONS)})")
    }
    flags = {flag: table in c.system_tables for flag, table in _TABLE_FLAGS.items()}
    cluster_all = False
    if "table_functions" in c.system_tables:
        rows = c.optional_rows("SELECT name FROM system.table_functions WHERE name = 'clusterAllReplicas'")
        cluster_all = bool(rows)
    return Capabilities(
        **flags,
        has_multimatch="multiMatchAny" in c.functions,
        has_current_user="currentUser" in c.functions,
        has_cluster_all_replicas=cluster_all,
    )
