"""Server-level facts: identity, session settings, server settings, clusters, system logs."""

from __future__ import annotations

import re
from typing import Any

from chwarden.facts import ClusterNodeFacts, ConfigValue, ServerInfo, SettingValue, SystemLogFacts
from chwarden.redact import redact
from chwarden.sources.live.runner import Collector, FactUnavailable

_SECRET_NAME = re.compile(r"(?i)password|secret|credential|private_key|token")
_TTL = re.compile(r"\sTTL\s")


def server_info(c: Collector) -> ServerInfo:
    exprs = ["version() AS version", "timezone() AS timezone", "uptime() AS uptime"]
    if "displayName" in c.functions:
        exprs.append("displayName() AS display_name")
    elif "hostName" in c.functions:
        exprs.append("hostName() AS display_name")
    row = c.rows("SELECT " + ", ".join(exprs))[0]
    display = _transport_display_name(c) or row.get("display_name")
    build = None
    if c.has_table("build_options"):
        rows = c.optional_rows("SELECT value FROM system.build_options WHERE name = 'VERSION_DESCRIBE'")
        build = str(rows[0]["value"]) if rows else None
    return ServerInfo(
        version=str(row["version"]),
        display_name=display,
        timezone=str(row["timezone"]),
        uptime_seconds=int(row["uptime"]),
        build=build,
    )


def _transport_display_name(c: Collector) -> str | None:
    """The name the server announces itself (HTTP header or native Hello), when the transport saw it."""
    transport: Any = c.conn.transport
    headers: dict[str, str] = getattr(transport, "last_headers", None) or {}
    for key, value in headers.items():
        if key.lower() == "x-clickhouse-server-display-name":
            return value
    info = getattr(transport, "server_info", None)
    name = getattr(info, "display_name", None)
    return str(name) if name else None


def effective_settings(c: Collector) -> dict[str, SettingValue]:
    """Session settings of the auditing user, minus the ones chwarden's guard set on the query.

    Those (``readonly=2`` and the limits) show chwarden's values, not the account's, so they are
    left out and listed in ``settings_set_by_audit``; when the server refused to let the
    guard change one, the value seen is the account's own and is kept.
    """
    rows = c.select("settings", ("name", "value", "changed", "default"))
    applied = c.conn.applied_settings or {}
    # A setting the server ignored (its applied value differs from ours) shows the account's own.
    overridden = {k for k, v in c.conn.session_settings.items() if k not in applied or applied[k] == str(v)}
    settings: dict[str, SettingValue] = {}
    for r in rows:
        name = str(r["name"])
        if name in overridden:
            continue
        default = r.get("default")
        settings[name] = SettingValue(
            value=str(r["value"]),
            changed=bool(r.get("changed")),
            default=None if default is None else str(default),
        )
    c.snapshot.settings_set_by_audit = sorted(overridden)
    return settings


def server_config(c: Collector) -> dict[str, ConfigValue]:
    rows = c.select("server_settings", ("name", "value"))
    config: dict[str, ConfigValue] = {}
    for r in rows:
        name, value = str(r["name"]), str(r["value"])
        if value and _SECRET_NAME.search(name) and not value.startswith("[HIDDEN"):
            value = redact(value)
        config[name] = ConfigValue(values=[value], origin="server_settings")
    return config


def clusters(c: Collector) -> list[ClusterNodeFacts]:
    rows = c.select(
        "clusters",
        ("cluster", "shard_num", "replica_num", "host_name", "host_address", "port", "is_local", "user"),
        required=("cluster", "host_name", "port"),
    )
    return [
        ClusterNodeFacts(
            cluster=str(r["cluster"]),
            shard_num=int(r.get("shard_num") or 0),
            replica_num=int(r.get("replica_num") or 0),
            host_name=str(r["host_name"]),
            host_address=r.get("host_address") or None,
            port=int(r["port"]),
            is_local=bool(r.get("is_local")),
            user=r.get("user") or None,
        )
        for r in rows
    ]


def system_logs(c: Collector) -> list[SystemLogFacts]:
    """Which ``system.*_log`` tables exist, and whether each has a TTL (retention)."""
    if c.listing_hidden:
        raise FactUnavailable("permission denied: system tables are hidden from this account (no SHOW TABLES)")
    definition = "engine_full" if "engine_full" in c.columns.get("tables", {}) else "create_table_query"
    rows = c.rows(
        f"SELECT name, {definition} AS definition FROM system.tables "
        "WHERE database = 'system' AND endsWith(name, '_log')"
    )
    return [
        SystemLogFacts(
            name=str(r["name"]),
            exists=True,
            has_ttl=bool(_TTL.search(" " + str(r["definition"] or "") + " ")),
        )
        for r in sorted(rows, key=lambda r: str(r["name"]))
    ]
