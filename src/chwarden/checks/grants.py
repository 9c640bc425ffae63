"""Grants held: ALL, grant and admin options, access management, grants given to users directly.

Grants are judged per grantee (a user or a role); the one accepted admin of a server (see
``accepted_admin``) may hold anything. ``grant_hits`` is the shared walk the privilege-family checks
use too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace

from chwarden.analysis.deployment_reach import contained
from chwarden.analysis.principals import (
    accepted_admin,
    find_user,
    grantee_is_accepted_admin,
    is_passwordless,
    role_members,
)
from chwarden.analysis.versions import lacks
from chwarden.checks.account_risk import account_exposure, admin_severity
from chwarden.checks.fixes import grant_scope, grant_statement, users_d_xml, xml_fragment, xml_users_era
from chwarden.checks.references import REF_ACCESS, REF_GRANT, REF_REVOKE, REF_USERS
from chwarden.checks.registry import Hit, check
from chwarden.clickhouse.features import XML_GRANTS_SINCE, XML_ROLES_SINCE
from chwarden.clickhouse.sql import quote_ident, xml_escape
from chwarden.facts import GrantFacts, Snapshot
from chwarden.model import Remediation, Severity

CATEGORY = "privileges"


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


def _is_system(access_type: str) -> bool:
    return access_type == "SYSTEM" or access_type.startswith("SYSTEM ")


def granted(snapshot: Snapshot) -> list[GrantFacts]:
    """Grant facts; before SQL RBAC there are none to judge (an empty list, not a gap)."""
    if snapshot.capabilities.has_sql_rbac or snapshot.grants is not None:
        grants: list[GrantFacts] = snapshot.need("grants")
        return grants
    return []


def _grantee_name(grant: GrantFacts) -> str:
    return quote_ident(grant.user_name if grant.user_name is not None else grant.role_name or "")


def grantee_evidence(snapshot: Snapshot, grantee: str) -> dict[str, object]:
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


def _admin_right_severity(snapshot: Snapshot, grantee: str, evidence: dict[str, object]) -> Severity:
    """Issue 13: admin rights weigh by who can use the account (``account_risk``); roles stay high."""
    kind, _, name = grantee.partition(":")
    if kind != "user":
        return Severity.CRITICAL if _open_door(evidence) else Severity.HIGH
    user = find_user(snapshot, name)
    evidence["exposure"] = account_exposure(snapshot, user) if user is not None else "unknown"
    return admin_severity(snapshot, user)


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


def grant_hits(snapshot: Snapshot, wanted: frozenset[str] | None, *, system: bool = False) -> Iterator[Hit]:
    """One hit per non-admin grantee holding any of ``wanted`` (or SYSTEM*) access types."""
    by_grantee: dict[str, list[GrantFacts]] = defaultdict(list)
    for g in granted(snapshot):
        if g.is_partial_revoke:
            continue
        hit = _is_system(g.access_type) if system else g.access_type in (wanted or frozenset())
        if hit and not grantee_is_accepted_admin(snapshot, g.user_name, g.role_name):
            by_grantee[g.grantee].append(g)
    for grantee, grants in sorted(by_grantee.items()):
        evidence: dict[str, object] = {
            "privileges": sorted({f"{g.access_type} ON {grant_scope(g.database, g.table)}" for g in grants}),
            **grantee_evidence(snapshot, grantee),
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
    for g in granted(snapshot):
        is_global_all = g.access_type == "ALL" and g.database is None and not g.is_partial_revoke
        if is_global_all and not grantee_is_accepted_admin(snapshot, g.user_name, g.role_name):
            by_grantee[g.grantee].append(g)
    for grantee, grants in sorted(by_grantee.items()):
        grant_option = any(g.grant_option for g in grants)
        evidence: dict[str, object] = {
            "grant_option": grant_option,
            "accepted_admin": accepted_admin(snapshot),
        }
        evidence.update(grantee_evidence(snapshot, grantee))
        severity = _admin_right_severity(snapshot, grantee, evidence)
        if grant_option and severity is Severity.HIGH:
            severity = Severity.CRITICAL  # an exposed account that can mint admins
        yield Hit(
            resource=grantee,
            evidence=evidence,
            severity=severity,
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
    for g in granted(snapshot):
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
                **grantee_evidence(snapshot, grantee),
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
    references=(REF_ACCESS, REF_USERS, REF_GRANT),
)
def access_management_granted(snapshot: Snapshot) -> Iterator[Hit]:
    seen: set[str] = set()
    for hit in grant_hits(snapshot, ACCESS_MANAGEMENT_TYPES):
        seen.add(hit.resource)
        evidence = dict(hit.evidence)
        yield replace(hit, evidence=evidence, severity=_admin_right_severity(snapshot, hit.resource, evidence))
    admin = accepted_admin(snapshot)
    for user in snapshot.users or []:
        resource = f"user:{user.name}"
        if user.access_management and user.name != admin and resource not in seen:
            xml = users_d_xml(user.name, "<access_management>0</access_management>")
            yield Hit(
                resource=resource,
                evidence={
                    "access_management": True,
                    "passwordless": is_passwordless(user),
                    "exposure": account_exposure(snapshot, user),
                },
                severity=admin_severity(snapshot, user),
                remediation=Remediation(xml=xml),
                location=user.location,
            )
    if snapshot.users is None and snapshot.grants is None:
        snapshot.need("users")


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
    for g in granted(snapshot):
        if g.user_name is not None and g.user_name != admin and not g.is_partial_revoke:
            by_user[g.user_name].append(g)
    partial_revokes: dict[str, list[GrantFacts]] = defaultdict(list)
    for g in granted(snapshot):
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
