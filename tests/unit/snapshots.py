"""Base snapshots for check unit tests: a modern RBAC server and an 18.x server (pure data)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chwarden.facts import Capabilities, ConnectionInfo, ServerInfo, Snapshot
from chwarden.model import Finding, NotChecked


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


def missing_facts(not_checked: Sequence[NotChecked | str]) -> list[str]:
    """The facts named by not_checked entries (or their reasons), e.g. ``["server_config"]``."""
    return [(n.reason if isinstance(n, NotChecked) else n).split(":", 1)[0] for n in not_checked]


def unknown_only(result: tuple[Sequence[Finding], Sequence[NotChecked | str]]) -> list[str]:
    """A check that could not judge: no finding at all, and the facts it said were missing."""
    findings, not_checked = result
    assert list(findings) == []
    return missing_facts(not_checked)
