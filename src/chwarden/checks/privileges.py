"""Privilege checks: who holds which grants, and which server switches widen them.

Grants are judged per grantee (a user or a role); the one accepted admin of a server (see
``accepted_admin``) may hold anything. Each family of access types is a row of a table, so that
adding a dangerous privilege is a data change, not a new function.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape

from chwarden.checks.deployment_reach import contained
from chwarden.checks.helpers import (
    ProfileResolver,
    accepted_admin,
    anonymous_login_accepted,
    config_value,
    constraint_lines,
    find_user,
    grant_scope,
    grant_statement,
    grantee_is_accepted_admin,
    is_passwordless,
    is_true,
    lacks,
    quote_ident,
    role_members,
    session_is_passwordless,
    session_user,
    users_d_xml,
    users_or_missing,
    version_at_least,
    xml_fragment,
    xml_users_era,
)
from chwarden.checks.registry import Hit, check
from chwarden.facts import GrantFacts, Snapshot
from chwarden.model import Remediation, Severity
from chwarden.remediate.features import XML_GRANTS_SINCE, XML_ROLES_SINCE

CATEGORY = "privileges"
REF_GRANT = "https://clickhouse.com/docs/sql-reference/statements/grant"
REF_REVOKE = "https://clickhouse.com/docs/sql-reference/statements/revoke"
REF_ACCESS = "https://clickhouse.com/docs/operations/access-rights"
REF_USERS_XML = "https://clickhouse.com/docs/operations/settings/settings-users"
REF_SERVER_SETTINGS = "https://clickhouse.com/docs/operations/server-configuration-parameters/settings"
REF_INTROSPECTION = "https://clickhouse.com/docs/operations/settings/settings#allow_introspection_functions"
REF_PERMISSIONS = "https://clickhouse.com/docs/operations/settings/permissions-for-queries"

ACCESS_MANAGEMENT_TYPES = frozenset(
    {
        "ACCESS MANAGEMENT",
        "CREATE USER",
        "ALTER USER",
        "DROP USER",
        "CREATE ROLE",
        "ALTER ROLE",
        "DROP ROLE",
        "ROLE ADMIN",
        "CREATE ROW POLICY",
        "ALTER ROW POLICY",
        "DROP ROW POLICY",
        "CREATE QUOTA",
        "ALTER QUOTA",
        "DROP QUOTA",
        "CREATE SETTINGS PROFILE",
        "ALTER SETTINGS PROFILE",
        "DROP SETTINGS PROFILE",
        "CREATE MASKING POLICY",
        "ALTER MASKING POLICY",
        "DROP MASKING POLICY",
        "ALLOW SQL SECURITY NONE",
        "IMPERSONATE",
    }
)
# READ/WRITE are how 25.x+ reports source grants (`GRANT READ ON S3`); the source is in access_object.
SOURCE_TYPES = frozenset(
    {
        "SOURCES",
        "FILE",
        "URL",
        "S3",
        "REMOTE",
        "MYSQL",
        "POSTGRES",
        "ODBC",
        "JDBC",
        "HDFS",
        "HIVE",
        "AZURE",
        "KAFKA",
        "MONGO",
        "NATS",
        "RABBITMQ",
        "REDIS",
        "SQLITE",
        "YTSAURUS",
        "ARROW FLIGHT",
        "BIGQUERY",
        "DISK",
        "READ",
        "WRITE",
    }
)
INTROSPECTION_TYPES = frozenset(
    {"INTROSPECTION", "addressToLine", "addressToLineWithInlines", "addressToSymbol", "demangle"}
)
SECRETS_DISPLAY_TYPES = frozenset(
    {
        "displaySecretsInShowAndSelect",
        "SHOW NAMED COLLECTIONS SECRETS",
        "NAMED COLLECTION ADMIN",
        "NAMED COLLECTION CONTROL",
    }
)


def _is_system(access_type: str) -> bool:
    return access_type == "SYSTEM" or access_type.startswith("SYSTEM ")


def _grants(snapshot: Snapshot) -> list[GrantFacts]:
    """Grant facts; before SQL RBAC there are none to judge (an empty list, not a gap)."""
    if snapshot.capabilities.has_sql_rbac or snapshot.grants is not None:
        grants: list[GrantFacts] = snapshot.need("grants")
        return grants
    return []


def _grantee_name(grant: GrantFacts) -> str:
    return quote_ident(grant.user_name if grant.user_name is not None else grant.role_name or "")


def _grantee_evidence(snapshot: Snapshot, grantee: str) -> dict[str, object]:
    kind, _, name = grantee.partition(":")
    if kind == "role":
        return {"granted_to_users": sorted(role_members(snapshot, name))}
    user = find_user(snapshot, name)
    if user is None or not is_passwordless(user):
        return {}
    # Issue 21: a passwordless user reachable only from loopback / the installation's pods is no open door.
    return {"passwordless": True, "network_contained": True} if contained(snapshot, user) else {"passwordless": True}


def _open_door(evidence: dict[str, object]) -> bool:
    return bool(evidence.get("passwordless")) and not evidence.get("network_contained")


GRANTS_PLACEHOLDER = '<grants replace="replace"><query>GRANT SELECT ON ALLOWED_DATABASE.*</query></grants>'
ALLOW_DATABASES_PLACEHOLDER = "<allow_databases><database>ALLOWED_DATABASE</database></allow_databases>"


def _user_restriction_xml(snapshot: Snapshot, name: str, grants_xml: str | None) -> str | None:
    """The users.d patch that narrows a users.xml user on this version (None: only by hand).

    users.xml knows <grants> from 23.5 on; older servers (18.x to 23.4) narrow a user with
    <allow_databases>, and would ignore a <grants> element in silence.
    """
    if lacks(snapshot, XML_GRANTS_SINCE):
        return users_d_xml(name, ALLOW_DATABASES_PLACEHOLDER)
    return users_d_xml(name, grants_xml) if grants_xml else None


def _revoke_fix(
    snapshot: Snapshot, grantee: str, grants: list[GrantFacts], grants_xml: str | None, advice: str
) -> Remediation:
    """REVOKE statements for SQL-managed grantees; users.xml users get a patch where one can be exact,
    else ``advice`` (a template with a comment in place of queries would wipe the user's grants)."""
    name = grantee.partition(":")[2]
    statements = sorted(
        {f"REVOKE {g.access_type} ON {grant_scope(g.database, g.table)} FROM {_grantee_name(g)};" for g in grants}
    )
    xml = _user_restriction_xml(snapshot, name, grants_xml) if grantee.startswith("user:") else None
    text = None if xml else advice
    if xml_users_era(snapshot):
        return Remediation(xml=xml, text=text)
    return Remediation(sql="\n".join(statements), xml=xml, text=text)


def _grant_hits(snapshot: Snapshot, wanted: frozenset[str] | None, *, system: bool = False) -> Iterator[Hit]:
    """One hit per non-admin grantee holding any of ``wanted`` (or SYSTEM*) access types."""
    by_grantee: dict[str, list[GrantFacts]] = defaultdict(list)
    for g in _grants(snapshot):
        if g.is_partial_revoke:
            continue
        hit = _is_system(g.access_type) if system else g.access_type in (wanted or frozenset())
        if hit and not grantee_is_accepted_admin(snapshot, g.user_name, g.role_name):
            by_grantee[g.grantee].append(g)
    for grantee, grants in sorted(by_grantee.items()):
        evidence: dict[str, object] = {
            "privileges": sorted({f"{g.access_type} ON {grant_scope(g.database, g.table)}" for g in grants}),
            **_grantee_evidence(snapshot, grantee),
        }
        severity = Severity.CRITICAL if _open_door(evidence) else None
        yield Hit(
            resource=grantee,
            evidence=evidence,
            severity=severity,
            remediation=_revoke_fix(
                snapshot,
                grantee,
                grants,
                None,
                "SQL grantees: run the REVOKE statements. users.xml users: remove these privileges from the "
                "GRANT queries of their <grants> (before 23.5: list only the databases they need in "
                "<allow_databases>).",
            ),
        )


@check(
    "global_all_privileges",
    title="ALL privileges on *.* are held by someone other than the single admin",
    severity=Severity.HIGH,
    category=CATEGORY,
    rationale=(
        "GRANT ALL ON *.* gives full control of every database, user and server function. Anyone "
        "but one break-glass admin holding it turns a leaked password into a total compromise; WITH "
        "GRANT OPTION also lets them mint new admins."
    ),
    remediation="Revoke ALL ON *.* and grant only the privileges the account needs, through a role.",
    references=(REF_GRANT, REF_REVOKE, REF_ACCESS),
)
def global_all_privileges(snapshot: Snapshot) -> Iterator[Hit]:
    by_grantee: dict[str, list[GrantFacts]] = defaultdict(list)
    for g in _grants(snapshot):
        is_global_all = g.access_type == "ALL" and g.database is None and not g.is_partial_revoke
        if is_global_all and not grantee_is_accepted_admin(snapshot, g.user_name, g.role_name):
            by_grantee[g.grantee].append(g)
    for grantee, grants in sorted(by_grantee.items()):
        grant_option = any(g.grant_option for g in grants)
        evidence: dict[str, object] = {
            "grant_option": grant_option,
            "accepted_admin": accepted_admin(snapshot),
        }
        evidence.update(_grantee_evidence(snapshot, grantee))
        worse = (grant_option and not evidence.get("network_contained")) or _open_door(evidence)
        yield Hit(
            resource=grantee,
            evidence=evidence,
            severity=Severity.CRITICAL if worse else None,
            remediation=_revoke_fix(
                snapshot,
                grantee,
                grants,
                GRANTS_PLACEHOLDER,
                "Revoke ALL ON *.* and grant only what the account needs, through a role.",
            ),
        )


@check(
    "grant_option_held",
    title="Privileges are held WITH GRANT OPTION by a non-admin",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "WITH GRANT OPTION lets the holder pass its privileges on to any user or role, so access spreads "
        "beyond what the administrator decided and survives the holder's own revocation."
    ),
    remediation="Re-grant the privileges without GRANT OPTION; keep delegation with the admin.",
    references=(REF_GRANT,),
)
def grant_option_held(snapshot: Snapshot) -> Iterator[Hit]:
    by_grantee: dict[str, list[GrantFacts]] = defaultdict(list)
    for g in _grants(snapshot):
        global_all = g.access_type == "ALL" and g.database is None  # reported by global_all_privileges
        delegable = g.grant_option and not g.is_partial_revoke and not global_all
        if delegable and not grantee_is_accepted_admin(snapshot, g.user_name, g.role_name):
            by_grantee[g.grantee].append(g)
    for grantee, grants in sorted(by_grantee.items()):
        statements = sorted(
            {
                f"REVOKE GRANT OPTION FOR {g.access_type} ON {grant_scope(g.database, g.table)} FROM "
                f"{_grantee_name(g)};"
                for g in grants
            }
        )
        yield Hit(
            resource=grantee,
            evidence={
                "privileges_with_grant_option": sorted(
                    {f"{g.access_type} ON {grant_scope(g.database, g.table)}" for g in grants}
                ),
                **_grantee_evidence(snapshot, grantee),
            },
            remediation=_fix_or_xml(snapshot, grantee, "\n".join(statements), "remove WITH GRANT OPTION"),
        )


def _fix_or_xml(snapshot: Snapshot, grantee: str, sql: str, what: str) -> Remediation:
    """SQL for SQL grantees; for users.xml ones the change is made by hand in their <grants> queries."""
    name = grantee.partition(":")[2]
    advice = f"In users.xml, {what} from the GRANT queries in the <grants> of {name}."
    if xml_users_era(snapshot):
        return Remediation(text=advice)
    return Remediation(sql=sql, text=advice)


@check(
    "role_admin_option_held",
    title="A role is held WITH ADMIN OPTION by a non-admin",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "WITH ADMIN OPTION lets the holder grant the role to anyone, including accounts the "
        "administrator never reviewed, so the role's privileges spread unchecked."
    ),
    remediation="Re-grant the role without ADMIN OPTION.",
    references=(REF_GRANT, REF_ACCESS),
)
def role_admin_option_held(snapshot: Snapshot) -> Iterator[Hit]:
    if not snapshot.capabilities.has_sql_rbac and snapshot.role_grants is None:
        return
    for rg in snapshot.need("role_grants"):
        if not rg.with_admin_option or grantee_is_accepted_admin(snapshot, rg.user_name, rg.role_name):
            continue
        holder = rg.user_name if rg.user_name is not None else rg.role_name
        grantee = f"user:{holder}" if rg.user_name is not None else f"role:{holder}"
        sql = f"REVOKE ADMIN OPTION FOR {quote_ident(rg.granted_role_name)} FROM {quote_ident(holder or '')};"
        yield Hit(
            resource=grantee,
            evidence={"role": rg.granted_role_name, "with_admin_option": True},
            remediation=_fix_or_xml(snapshot, grantee, sql, f"remove WITH ADMIN OPTION of {rg.granted_role_name}"),
        )


@check(
    "access_management_granted",
    title="A non-admin can manage users, roles, policies or quotas",
    severity=Severity.HIGH,
    category=CATEGORY,
    rationale=(
        "ACCESS MANAGEMENT, CREATE/ALTER/DROP USER, ROLE ADMIN or row-policy and quota rights let the "
        "holder create a new admin, reset passwords or lift row policies: an account takeover path."
    ),
    remediation="Revoke access-management privileges (and <access_management>) from everyone but the admin.",
    references=(REF_ACCESS, REF_USERS_XML, REF_GRANT),
)
def access_management_granted(snapshot: Snapshot) -> Iterator[Hit]:
    seen: set[str] = set()
    for hit in _grant_hits(snapshot, ACCESS_MANAGEMENT_TYPES):
        seen.add(hit.resource)
        yield hit
    admin = accepted_admin(snapshot)
    for user in snapshot.users or []:
        resource = f"user:{user.name}"
        if user.access_management and user.name != admin and resource not in seen:
            xml = users_d_xml(user.name, "<access_management>0</access_management>")
            yield Hit(
                resource=resource,
                evidence={"access_management": True, "passwordless": is_passwordless(user)},
                severity=Severity.CRITICAL if is_passwordless(user) and not contained(snapshot, user) else None,
                remediation=Remediation(xml=xml),
                location=user.location,
            )
    if snapshot.users is None and snapshot.grants is None:
        users_or_missing(snapshot)


@check(
    "dangerous_sources_granted",
    title="Table functions/engines that reach files, URLs or other databases are granted",
    severity=Severity.HIGH,
    category=CATEGORY,
    rationale=(
        "SOURCES and its children (FILE, URL, S3, REMOTE, MYSQL, POSTGRES, ODBC, JDBC, HDFS, AZURE...) "
        "let a user read local files under user_files_path, reach internal services (SSRF), pivot into "
        "other databases and exfiltrate data. Wiz noted file() could expose files on DeepSeek's server."
    ),
    remediation="Revoke SOURCES; grant only the one source an ETL account needs (e.g. READ ON S3).",
    references=(REF_GRANT, REF_ACCESS),
)
def dangerous_sources_granted(snapshot: Snapshot) -> Iterator[Hit]:
    yield from _grant_hits(snapshot, SOURCE_TYPES)


@check(
    "system_privilege_granted",
    title="SYSTEM privileges (shutdown, reload, drop replica...) are granted to a non-admin",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "SYSTEM statements stop the server, reload config and users, drop replicas or caches and "
        "stop merges: denial of service and tampering for whoever holds them."
    ),
    remediation="Revoke SYSTEM; give an operations role only the SYSTEM sub-privileges it needs.",
    references=(REF_GRANT, "https://clickhouse.com/docs/sql-reference/statements/system"),
)
def system_privilege_granted(snapshot: Snapshot) -> Iterator[Hit]:
    yield from _grant_hits(snapshot, None, system=True)


@check(
    "introspection_allowed",
    title="Introspection functions are granted or enabled",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "addressToLine, addressToSymbol and demangle reveal the server binary's layout and stack "
        "traces, which helps turn a memory-safety bug into an exploit. They are off by default."
    ),
    remediation="Revoke INTROSPECTION and keep allow_introspection_functions = 0 (CONST).",
    references=(REF_INTROSPECTION, REF_GRANT),
)
def introspection_allowed(snapshot: Snapshot) -> Iterator[Hit]:
    if snapshot.grants is None and snapshot.profile_elements is None and snapshot.effective_settings is None:
        snapshot.need("grants")
    yield from _grant_hits(snapshot, INTROSPECTION_TYPES)
    if snapshot.profile_elements is not None:
        for element in snapshot.profile_elements:
            if element.setting_name == "allow_introspection_functions" and is_true(element.value):
                owner = _owner(element.profile_name, element.user_name, element.role_name)
                yield Hit(
                    resource=owner,
                    evidence={"setting": "allow_introspection_functions", "value": element.value},
                    remediation=_setting_fix(snapshot, owner, "allow_introspection_functions", "0"),
                    location=element.location,
                )
    elif snapshot.effective_settings is not None:
        value = snapshot.effective_settings.get("allow_introspection_functions")
        if value is not None and is_true(value.value):
            user = session_user(snapshot) or "default"
            yield Hit(
                resource=f"session:{user}",
                evidence={"setting": "allow_introspection_functions", "value": value.value},
                remediation=_setting_fix(snapshot, f"user:{user}", "allow_introspection_functions", "0"),
            )


def _owner(profile: str | None, user: str | None, role: str | None) -> str:
    if profile is not None:
        return f"profile:{profile}"
    return f"user:{user}" if user is not None else f"role:{role}"


def _setting_fix(snapshot: Snapshot, owner: str, setting: str, value: str) -> Remediation:
    kind, _, name = owner.partition(":")
    profile = name if kind == "profile" else "default"
    xml = xml_fragment(
        "<profiles>",
        f"  <{profile}>",
        f"    <{setting}>{value}</{setting}>",
        *constraint_lines(snapshot, f"<{setting}><readonly/></{setting}>"),
        f"  </{profile}>",
        "</profiles>",
    )
    if xml_users_era(snapshot):
        return Remediation(xml=xml)
    target = {"profile": "SETTINGS PROFILE", "user": "USER", "role": "ROLE"}[kind]
    sql = f"ALTER {target} {quote_ident(name)} MODIFY SETTINGS {setting} = {value} CONST;"
    return Remediation(sql=sql, xml=xml)


@check(
    "secrets_display_privilege_granted",
    title="A non-admin may display hidden secrets (displaySecretsInShowAndSelect, named collection secrets)",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "These privileges reveal credentials that ClickHouse otherwise masks in SHOW CREATE, "
        "system.tables, system.dictionaries and system.named_collections."
    ),
    remediation=("Revoke displaySecretsInShowAndSelect, SHOW NAMED COLLECTIONS SECRETS and NAMED COLLECTION ADMIN."),
    references=(REF_GRANT, "https://clickhouse.com/docs/operations/named-collections"),
)
def secrets_display_privilege_granted(snapshot: Snapshot) -> Iterator[Hit]:
    seen: set[str] = set()
    for hit in _grant_hits(snapshot, SECRETS_DISPLAY_TYPES):
        seen.add(hit.resource)
        yield hit
    admin = accepted_admin(snapshot)
    for user in snapshot.users or []:
        flags = {
            k: True
            for k, v in (
                ("show_named_collections_secrets", user.show_named_collections_secrets),
                ("named_collection_control", user.named_collection_control),
            )
            if v
        }
        resource = f"user:{user.name}"
        if flags and user.name != admin and resource not in seen:
            lines = [f"<{k}>0</{k}>" for k in flags]
            yield Hit(
                resource=resource,
                evidence=flags,
                remediation=Remediation(xml=users_d_xml(user.name, *lines)),
                location=user.location,
            )


@check(
    "grants_held_directly",
    title="Users hold privileges directly instead of through roles",
    severity=Severity.LOW,
    category=CATEGORY,
    rationale=(
        "Privileges granted user by user drift apart and are hard to review or revoke; roles make "
        "the intended access explicit. In users.xml, a user without <grants> silently gets almost "
        "everything (all but access management)."
    ),
    remediation="Move the privileges into roles and grant the roles to users.",
    references=(REF_ACCESS, REF_GRANT),
)
def grants_held_directly(snapshot: Snapshot) -> Iterator[Hit]:
    admin = accepted_admin(snapshot)
    by_user: dict[str, list[GrantFacts]] = defaultdict(list)
    for g in _grants(snapshot):
        if g.user_name is not None and g.user_name != admin and not g.is_partial_revoke:
            by_user[g.user_name].append(g)
    partial_revokes: dict[str, list[GrantFacts]] = defaultdict(list)
    for g in _grants(snapshot):
        if g.user_name in by_user and g.is_partial_revoke:
            partial_revokes[g.user_name].append(g)
    for user, grants in sorted(by_user.items()):
        privileges = sorted({f"{g.access_type} ON {grant_scope(g.database, g.table, g.column)}" for g in grants})
        role = f"{user}_access"
        # the role gets exactly what the user holds (grants first, then the user's partial revokes),
        # so the user's queries keep working once the direct grants are revoked
        moved = _moved_grants(grants, partial_revokes[user], role)
        sql = "\n".join(
            [
                f"CREATE ROLE IF NOT EXISTS {quote_ident(role)};",
                *(f"{statement};" for statement in moved),
                f"GRANT {quote_ident(role)} TO {quote_ident(user)};",
                f"REVOKE ALL ON *.* FROM {quote_ident(user)};",
            ]
        )
        implicit = _moved_grants(grants, partial_revokes[user], None)
        queries = "".join(f"<query>{xml_escape(q)}</query>" for q in implicit)
        xml = xml_fragment(
            f"<roles><{role}><grants>{queries}</grants></{role}></roles>",
            f'<users><{user}><grants replace="replace"><query>GRANT {role}</query></grants></{user}></users>',
        )
        if lacks(snapshot, XML_ROLES_SINCE):  # users.xml has no <roles> before 23.6
            rem = Remediation(text="Create SQL roles for these privileges (users.xml has no roles before 23.6).")
            rem = rem if xml_users_era(snapshot) else Remediation(sql=sql, text=rem.text)
        else:
            rem = Remediation(xml=xml) if xml_users_era(snapshot) else Remediation(sql=sql, xml=xml)
        yield Hit(
            resource=f"user:{user}",
            evidence={"direct_privileges": len(privileges), "examples": privileges[:10]},
            remediation=rem,
        )


def _moved_grants(grants: list[GrantFacts], revokes: list[GrantFacts], role: str | None) -> list[str]:
    """A user's grants, then its partial revokes, re-addressed to ``role`` (None: users.xml form)."""
    return sorted({grant_statement(g, role) for g in grants}) + sorted({grant_statement(g, role) for g in revokes})


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
    references=(REF_USERS_XML, REF_PERMISSIONS),
)
def legacy_user_sees_all_databases(snapshot: Snapshot) -> Iterator[Hit]:
    if snapshot.capabilities.has_sql_rbac:
        return
    users = users_or_missing(snapshot)
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
    since=(22, 11),
)
TABLE_ENGINES_SWITCH = AccessControlSwitch(
    "table_engines_without_grant",
    "access_control_improvements.table_engines_require_grant",
    flag_when_absent=False,
    since=(23, 7),
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
    references=(REF_PERMISSIONS, REF_USERS_XML),
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
