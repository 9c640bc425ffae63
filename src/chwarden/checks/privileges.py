"""What users may do without a grant of their own: legacy users that see every database, the
access-control switches that open system tables and table engines, and writes by the anonymous user.

Who holds which grants is ``grants``; privileges that reach beyond the data, ``powerful_privileges``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from chwarden.analysis.principals import (
    anonymous_login_accepted,
    is_passwordless,
    session_is_passwordless,
    session_user,
)
from chwarden.analysis.profiles import ProfileResolver
from chwarden.analysis.server_config import config_value, is_true
from chwarden.analysis.versions import version_at_least
from chwarden.checks.authentication import PASSWORD_FIXES
from chwarden.checks.fixes import constraint_lines, users_d_xml, xml_fragment, xml_users_era
from chwarden.checks.references import REF_ACCESS, REF_GRANT, REF_PERMISSIONS, REF_SERVER_SETTINGS, REF_USERS
from chwarden.checks.registry import Hit, check
from chwarden.clickhouse.features import SYSTEM_DB_GRANT_SWITCH_SINCE, TABLE_ENGINES_GRANT_SWITCH_SINCE
from chwarden.clickhouse.sql import quote_ident
from chwarden.facts import Snapshot
from chwarden.model import Remediation, Severity

CATEGORY = "privileges"


@check(
    "legacy_user_sees_all_databases",
    title="A users.xml user without <allow_databases> can read every database",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "Before SQL RBAC, users.xml users could read every database unless <allow_databases> "
        "listed the allowed ones; an application account then reads everything on the server."
    ),
    remediation="List the databases each user needs in <allow_databases>, or move to SQL RBAC.",
    references=(REF_USERS, REF_PERMISSIONS),
)
def legacy_user_sees_all_databases(snapshot: Snapshot) -> Iterator[Hit]:
    if snapshot.capabilities.has_sql_rbac:
        return
    users = snapshot.need("users")
    # Users with SQL-style grants or roles (XML <grants>) are in the RBAC model, not the legacy one.
    with_grants = {g.user_name for g in snapshot.grants or []} | {g.user_name for g in snapshot.role_grants or []}
    for user in users:
        if user.allow_databases is None and user.name not in with_grants:
            xml = users_d_xml(user.name, "<allow_databases><database>ALLOWED_DATABASE</database></allow_databases>")
            yield Hit(
                resource=f"user:{user.name}",
                evidence={"allow_databases": None, "passwordless": is_passwordless(user)},
                remediation=Remediation(xml=xml),
                location=user.location,
            )


@dataclass(frozen=True)
class AccessControlSwitch:
    """An ``access_control_improvements`` flag that widens access when false."""

    check_id: str
    key: str
    flag_when_absent: bool
    since: tuple[int, ...]


SYSTEM_DB_SWITCH = AccessControlSwitch(
    "system_tables_readable_without_grant",
    "access_control_improvements.select_from_system_db_requires_grant",
    flag_when_absent=True,
    since=SYSTEM_DB_GRANT_SWITCH_SINCE,
)
TABLE_ENGINES_SWITCH = AccessControlSwitch(
    "table_engines_without_grant",
    "access_control_improvements.table_engines_require_grant",
    flag_when_absent=False,
    since=TABLE_ENGINES_GRANT_SWITCH_SINCE,
)


def _switch_hits(snapshot: Snapshot, switch: AccessControlSwitch) -> Iterator[Hit]:
    if version_at_least(snapshot, switch.since) is False:
        return  # the server predates the switch
    value = config_value(snapshot, switch.key)
    if value is None and not switch.flag_when_absent:
        return
    if value is not None and is_true(value.value):
        return
    leaf = switch.key.rpartition(".")[2]
    yield Hit(
        resource=f"setting:{switch.key}",
        evidence={"value": value.value if value is not None else None, "absent": value is None},
        remediation=Remediation(
            xml=xml_fragment(
                "<access_control_improvements>", f"  <{leaf}>true</{leaf}>", "</access_control_improvements>"
            ),
            text="Put this in config.d/ and restart the server; then grant what each role needs.",
        ),
        location=value.location if value is not None else None,
    )


@check(
    SYSTEM_DB_SWITCH.check_id,
    title="Any user can read system tables (query_log, processes) without a grant",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "With select_from_system_db_requires_grant false (the code default), every user can read "
        "system.query_log and system.processes - other users' queries with their literals and "
        "occasional inline secrets - plus system.clusters and more."
    ),
    remediation="Set access_control_improvements.select_from_system_db_requires_grant to true.",
    references=(REF_SERVER_SETTINGS + "#access_control_improvements", REF_ACCESS),
)
def system_tables_readable_without_grant(snapshot: Snapshot) -> Iterator[Hit]:
    yield from _switch_hits(snapshot, SYSTEM_DB_SWITCH)


@check(
    TABLE_ENGINES_SWITCH.check_id,
    title="Any user who may CREATE TABLE can use every table engine (File, URL, MySQL, S3...)",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "With table_engines_require_grant false, CREATE TABLE alone lets a user create File, URL, "
        "MySQL or S3 engine tables: the same file-read, SSRF and pivot paths as the SOURCES grant."
    ),
    remediation=("Set access_control_improvements.table_engines_require_grant to true; GRANT TABLE ENGINE ON x."),
    references=(REF_SERVER_SETTINGS + "#access_control_improvements", REF_GRANT),
)
def table_engines_without_grant(snapshot: Snapshot) -> Iterator[Hit]:
    yield from _switch_hits(snapshot, TABLE_ENGINES_SWITCH)


def anonymous_subject(snapshot: Snapshot) -> str | None:
    """The passwordless user whose *observed* session settings anonymous_user_can_write judges."""
    if snapshot.effective_settings is not None and session_is_passwordless(snapshot):
        return session_user(snapshot) or "default"
    return None


@check(
    "anonymous_user_can_write",
    title="A session without a password can write and run DDL (readonly = 0)",
    severity=Severity.HIGH,
    category=CATEGORY,
    rationale=(
        "The audit logged in without a password and its effective settings show readonly = 0: "
        "anyone reaching the port can insert, alter or drop data, not only read it."
    ),
    remediation="Give the account a password, or make its profile readonly = 1 with a CONST constraint.",
    references=(REF_PERMISSIONS, REF_USERS),
    fixed_by=PASSWORD_FIXES,
)
def anonymous_user_can_write(snapshot: Snapshot) -> Iterator[Hit]:
    subject = anonymous_subject(snapshot)
    if subject is None:
        if snapshot.effective_settings is None:
            snapshot.need("effective_settings")
        if snapshot.anonymous_login is None:
            snapshot.need("anonymous_login")
        if anonymous_login_accepted(snapshot) and snapshot.profile_elements is not None:
            yield from _profile_readonly_zero(snapshot, "default")
        return
    readonly = snapshot.setting("readonly")
    if readonly is not None and readonly.value.strip() not in ("0", ""):
        return
    allow_ddl = snapshot.setting("allow_ddl")
    yield Hit(
        resource=f"session:{subject}",
        evidence={
            "readonly": readonly.value if readonly is not None else None,
            "allow_ddl": allow_ddl.value if allow_ddl is not None else None,
            "anonymous_login_accepted_on": anonymous_login_accepted(snapshot),
        },
        remediation=_readonly_fix(snapshot, subject),
    )


def _profile_readonly_zero(snapshot: Snapshot, user: str) -> Iterator[Hit]:
    resolved = ProfileResolver.of(snapshot).resolve(f"user:{user}")
    readonly = resolved.get("readonly")
    if readonly is None or (readonly.value or "0").strip() == "0":
        yield Hit(
            resource=f"user:{user}",
            evidence={
                "readonly": readonly.value if readonly is not None else None,
                "anonymous_login_accepted_on": anonymous_login_accepted(snapshot),
            },
            remediation=_readonly_fix(snapshot, user),
        )


def _readonly_fix(snapshot: Snapshot, user: str) -> Remediation:
    xml = (
        users_d_xml(user, "<profile>readonly</profile>")
        + "\n"
        + xml_fragment(
            "<profiles><readonly><readonly>1</readonly>",
            *constraint_lines(snapshot, "<readonly><readonly/></readonly>", indent="  "),
            "</readonly></profiles>",
        )
    )
    if xml_users_era(snapshot):
        return Remediation(xml=xml)
    sql = (
        "CREATE SETTINGS PROFILE IF NOT EXISTS readonly_const SETTINGS readonly = 1 CONST;\n"
        f"ALTER USER {quote_ident(user)} SETTINGS PROFILE 'readonly_const';"
    )
    return Remediation(sql=sql, xml=xml)
