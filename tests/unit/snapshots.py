"""Base snapshots for check unit tests: a modern RBAC server and an 18.x server (pure data)."""

from __future__ import annotations

from typing import Any

from chwarden.facts import Capabilities, ConnectionInfo, ServerInfo, Snapshot


def modern_snapshot(**facts: Any) -> Snapshot:
    """A 24.8 server with SQL RBAC, audited by `admin` with a password; ``facts`` override."""
    base: dict[str, Any] = {
        "target": "db:8123",
        "capabilities": Capabilities(has_sql_rbac=True),
        "connection": ConnectionInfo(kind="live", user="admin", password_given=True),
        "server": ServerInfo(version="24.8.1.1"),
    }
    base.update(facts)
    return Snapshot(**base)


def legacy_snapshot(**facts: Any) -> Snapshot:
    """An 18.16 server (no RBAC) audited as `default` without a password; ``facts`` override."""
    base: dict[str, Any] = {
        "target": "old:8123",
        "server": ServerInfo(version="18.16.1"),
        "connection": ConnectionInfo(kind="live", user="default"),
    }
    base.update(facts)
    return Snapshot(**base)
