"""SQL access-control facts (users, roles, grants, policies, quotas, profiles) from system tables.

Column shapes differ by version (``auth_type`` is an Enum string before ~24.x and an Array after;
``writability`` replaced ``readonly`` in profile elements), so every reader tolerates both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chwarden.facts import (
    GrantFacts,
    ProfileElement,
    ProfileFacts,
    QuotaFacts,
    QuotaInterval,
    RoleFacts,
    RoleGrantFacts,
    RowPolicyFacts,
    Snapshot,
    UserFacts,
)
from chwarden.sources.live.runner import Collector

NO_RBAC = "server has no SQL access control (system.users absent); users.xml is not visible over SQL"


def _list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def users(c: Collector) -> list[UserFacts]:
    rows = c.select(
        "users",
        (
            "name",
            "storage",
            "auth_type",
            "host_ip",
            "host_names",
            "host_names_regexp",
            "host_names_like",
            "default_roles_all",
            "default_roles_list",
            "valid_until",
        ),
    )
    result: list[UserFacts] = []
    for r in rows:
        host_ip = _list(r.get("host_ip"))
        valid = [v for v in _list(r.get("valid_until")) if v and not v.startswith("1970-01-01")]
        result.append(
            UserFacts(
                name=str(r["name"]),
                storage=_opt(r.get("storage")),
                auth_types=_list(r.get("auth_type")),
                host_ip=host_ip,
                host_names=_list(r.get("host_names")),
                host_names_regexp=_list(r.get("host_names_regexp")),
                host_names_like=_list(r.get("host_names_like")),
                # HOST LOCAL is folded out of host_ip; an entry in host_names 'localhost' says so too.
                host_local="localhost" in _list(r.get("host_names")),
                default_roles_all=None if r.get("default_roles_all") is None else bool(r["default_roles_all"]),
                default_roles_list=_list(r.get("default_roles_list")),
                valid_until=valid[0] if valid else None,
            )
        )
    return result


def roles(c: Collector) -> list[RoleFacts]:
    return [
        RoleFacts(name=str(r["name"]), storage=_opt(r.get("storage"))) for r in c.select("roles", ("name", "storage"))
    ]


def grants(c: Collector) -> list[GrantFacts]:
    rows = c.select(
        "grants",
        (
            "user_name",
            "role_name",
            "access_type",
            "database",
            "table",
            "column",
            "is_partial_revoke",
            "grant_option",
            "is_wildcard",
        ),
        required=("access_type",),
    )
    return [
        GrantFacts(
            user_name=_opt(r.get("user_name")),
            role_name=_opt(r.get("role_name")),
            access_type=str(r["access_type"]),
            database=_opt(r.get("database")),
            table=_opt(r.get("table")),
            column=_opt(r.get("column")),
            is_partial_revoke=bool(r.get("is_partial_revoke")),
            grant_option=bool(r.get("grant_option")),
            is_wildcard=bool(r.get("is_wildcard")),
        )
        for r in rows
    ]


def role_grants(c: Collector) -> list[RoleGrantFacts]:
    rows = c.select(
        "role_grants",
        ("user_name", "role_name", "granted_role_name", "granted_role_is_default", "with_admin_option"),
        required=("granted_role_name",),
    )
    return [
        RoleGrantFacts(
            user_name=_opt(r.get("user_name")),
            role_name=_opt(r.get("role_name")),
            granted_role_name=str(r["granted_role_name"]),
            granted_role_is_default=bool(r.get("granted_role_is_default", True)),
            with_admin_option=bool(r.get("with_admin_option")),
        )
        for r in rows
    ]


def row_policies(c: Collector) -> list[RowPolicyFacts]:
    rows = c.select(
        "row_policies",
        (
            "name",
            "short_name",
            "database",
            "table",
            "select_filter",
            "is_restrictive",
            "apply_to_all",
            "apply_to_list",
            "apply_to_except",
        ),
    )
    return [
        RowPolicyFacts(
            name=str(r["name"]),
            short_name=_opt(r.get("short_name")),
            database=_opt(r.get("database")),
            table=_opt(r.get("table")),
            select_filter=_opt(r.get("select_filter")),
            is_restrictive=bool(r.get("is_restrictive")),
            apply_to_all=bool(r.get("apply_to_all")),
            apply_to_list=_list(r.get("apply_to_list")),
            apply_to_except=_list(r.get("apply_to_except")),
        )
        for r in rows
    ]


_LIMIT_COLUMNS = (
    "max_queries",
    "max_errors",
    "max_result_rows",
    "max_result_bytes",
    "max_read_rows",
    "max_read_bytes",
)


def quotas(c: Collector) -> list[QuotaFacts]:
    rows = c.select("quotas", ("name", "storage", "keys", "apply_to_all", "apply_to_list", "apply_to_except"))
    limits = None
    if c.has_table("quota_limits"):
        limits = c.optional_rows(
            "SELECT "
            + ", ".join(
                f"`{col}`"
                for col in c.present("quota_limits", ("quota_name", "duration", *_LIMIT_COLUMNS, "max_execution_time"))
            )
            + " FROM system.quota_limits"
        )
    if limits is None:
        c.snapshot.extra["quota_limits"] = "system.quota_limits not readable: quota intervals unknown"
    intervals: dict[str, list[QuotaInterval]] = {}
    for r in limits or []:
        met = r.get("max_execution_time")
        intervals.setdefault(str(r["quota_name"]), []).append(
            QuotaInterval(
                duration=int(r["duration"]),
                **{col: _int(r.get(col)) for col in _LIMIT_COLUMNS},
                max_execution_time=None if met is None else float(met),
            )
        )
    return [
        QuotaFacts(
            name=str(r["name"]),
            storage=_opt(r.get("storage")),
            keys=_list(r.get("keys")),
            intervals=intervals.get(str(r["name"]), []),
            apply_to_all=bool(r.get("apply_to_all")),
            apply_to_list=_list(r.get("apply_to_list")),
            apply_to_except=_list(r.get("apply_to_except")),
        )
        for r in rows
    ]


def profiles(c: Collector) -> list[ProfileFacts]:
    rows = c.select("settings_profiles", ("name", "storage"))
    return [ProfileFacts(name=str(r["name"]), storage=_opt(r.get("storage"))) for r in rows]


def profile_elements(c: Collector) -> list[ProfileElement]:
    rows = c.select(
        "settings_profile_elements",
        (
            "profile_name",
            "user_name",
            "role_name",
            "setting_name",
            "value",
            "min",
            "max",
            "writability",
            "readonly",
            "inherit_profile",
        ),
        required=(),
    )
    result: list[ProfileElement] = []
    for r in rows:
        writability = _opt(r.get("writability"))
        if writability is None and r.get("readonly") is not None:
            writability = "CONST" if r["readonly"] else "WRITABLE"
        result.append(
            ProfileElement(
                profile_name=_opt(r.get("profile_name")),
                user_name=_opt(r.get("user_name")),
                role_name=_opt(r.get("role_name")),
                setting_name=_opt(r.get("setting_name")),
                value=_opt(r.get("value")),
                min=_opt(r.get("min")),
                max=_opt(r.get("max")),
                writability=writability,
                inherit_profile=_opt(r.get("inherit_profile")),
            )
        )
    return result


COLLECTORS: dict[str, Callable[[Collector], list[Any]]] = {
    "users": users,
    "roles": roles,
    "grants": grants,
    "role_grants": role_grants,
    "row_policies": row_policies,
    "quotas": quotas,
    "profiles": profiles,
    "profile_elements": profile_elements,
}

# Servers list grants expanded into their parts (ROLE ADMIN, CREATE USER ...), so any part counts.
_ADMIN_GRANTS = {
    "access_management": ("ALL", "ACCESS MANAGEMENT", "CREATE USER", "ALTER USER", "ROLE ADMIN"),
    "named_collection_control": (
        "ALL",
        "NAMED COLLECTION ADMIN",
        "NAMED COLLECTION CONTROL",
        "CREATE NAMED COLLECTION",
        "ALTER NAMED COLLECTION",
    ),
    "show_named_collections_secrets": ("ALL", "SHOW NAMED COLLECTIONS SECRETS"),
}


def link_users(snapshot: Snapshot) -> None:
    """Fill each user's profile, quota and admin flags from the other access facts."""
    for user in snapshot.users or []:
        for element in snapshot.profile_elements or []:
            if element.user_name == user.name and element.inherit_profile and user.profile is None:
                user.profile = element.inherit_profile
        for quota in snapshot.quotas or []:
            applies = (quota.apply_to_all and user.name not in quota.apply_to_except) or (
                user.name in quota.apply_to_list
            )
            if applies and user.quota is None:
                user.quota = quota.name
        if snapshot.grants is not None:
            global_grants = {
                g.access_type
                for g in snapshot.grants
                if g.user_name == user.name and g.database is None and not g.is_partial_revoke
            }
            for attr, types in _ADMIN_GRANTS.items():
                setattr(user, attr, any(t in global_grants for t in types))
