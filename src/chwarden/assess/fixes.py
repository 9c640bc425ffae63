"""Cuts: the changes that break a path, with what each costs the people running the server.

A path breaks when its principal can no longer be logged into from the attacker's network, or can
no longer read the table. Costs are rough operator effort: revoking a table grant touches one
statement, setting a password or narrowing networks means updating clients, rewriting
``allow_databases`` means re-listing every database the user needs. The cheapest cut per path is
the one with the lowest cost per path it breaks, so one password fix beats ten revokes.
"""

from __future__ import annotations

from dataclasses import dataclass

from chwarden.analysis.access import Grant, TableAccess
from chwarden.checks.fixes import user_fix, users_d_xml, xml_users_era
from chwarden.checks.fixroute import fit_to_storage
from chwarden.clickhouse.sql import quote_ident
from chwarden.facts import Snapshot, UserFacts
from chwarden.model import Remediation

COST_REVOKE_TABLE = 1.0
COST_PARTIAL_REVOKE = 1.5
COST_ROLE_REVOKE = 1.5
COST_PASSWORD = 2.0
COST_NETWORKS = 2.0
COST_ESCALATION = 2.0
COST_ALLOW_DATABASES = 3.0


@dataclass(frozen=True)
class Cut:
    key: str  # identity: the same change cutting several paths has one key
    action: str
    step_id: str  # the path step it removes
    cost: float
    remediation: Remediation

    def as_dict(self) -> dict[str, object]:
        fix = {k: v for k, v in self.remediation.model_dump().items() if v}
        return {"action": self.action, "cost": self.cost, "step": self.step_id, **fix}


def cuts_for(
    snapshot: Snapshot,
    user: UserFacts,
    access: TableAccess,
    *,
    anonymous: bool,
    reach: str,
    principal_id: str,
    can_escalate: bool = False,
) -> list[Cut]:
    """Every change that breaks the path user -> table, cheapest-looking first."""
    found: list[Cut] = []
    if anonymous:
        found.append(_password_cut(snapshot, user, principal_id))
    if reach in ("any", "listed", "internal", "unknown"):
        found.append(_networks_cut(snapshot, user, principal_id))
    if access.escalated or can_escalate:
        # A revoke does not hold against a user that may grant itself anything.
        found.append(_escalation_cut(snapshot, user, principal_id))
        return found
    if access.implicit:
        found.append(_allow_databases_cut(snapshot, user, access, principal_id))
    elif len({principal for principal, _ in access.deciding}) == 1:
        principal, node = access.deciding[0]
        found.append(_revoke_cut(snapshot, principal, node, access))
    return found


def _password_cut(snapshot: Snapshot, user: UserFacts, step_id: str) -> Cut:
    name = quote_ident(user.name)
    remediation = user_fix(
        snapshot,
        user,
        sql=f"ALTER USER {name} IDENTIFIED WITH sha256_password BY '<a long random password>';",
        xml=users_d_xml(
            user.name,
            '<password remove="1"/>',
            '<password_sha256_hex><!-- echo -n "$PASSWORD" | sha256sum --></password_sha256_hex>',
        ),
    )
    return Cut(f"password:{user.name}", f"set a password for user {user.name}", step_id, COST_PASSWORD, remediation)


def _networks_cut(snapshot: Snapshot, user: UserFacts, step_id: str) -> Cut:
    remediation = user_fix(
        snapshot,
        user,
        sql=f"ALTER USER {quote_ident(user.name)} HOST LOCAL, IP '<application subnet>';",
        xml=users_d_xml(
            user.name,
            '<networks replace="replace">',
            "  <ip>::1</ip>",
            "  <ip>127.0.0.1</ip>",
            "  <ip>CLIENT_NETWORK/CIDR</ip>",
            "</networks>",
        ),
    )
    action = f"allow user {user.name} only from the hosts that need it"
    return Cut(f"networks:{user.name}", action, step_id, COST_NETWORKS, remediation)


def _escalation_cut(snapshot: Snapshot, user: UserFacts, step_id: str) -> Cut:
    remediation = user_fix(
        snapshot,
        user,
        sql=f"REVOKE ACCESS MANAGEMENT, ROLE ADMIN ON *.* FROM {quote_ident(user.name)};",
        xml=users_d_xml(user.name, "<access_management>0</access_management>"),
    )
    action = f"take access management away from user {user.name}"
    return Cut(f"escalation:{user.name}", action, step_id, COST_ESCALATION, remediation)


def _revoke_cut(snapshot: Snapshot, principal: str, node: Grant, access: TableAccess) -> Cut:
    kind, _, name = principal.partition(":")
    scope = f"{quote_ident(access.database)}.{quote_ident(access.table)}"
    sql = f"REVOKE SELECT ON {scope} FROM {quote_ident(name)};"
    if node.level >= 2 and not node.wildcard:
        cost = COST_REVOKE_TABLE
        action = f"revoke SELECT on {access.name} from {kind} {name}"
    else:
        cost = COST_PARTIAL_REVOKE
        action = f"revoke SELECT on {access.name} from {kind} {name} (a partial revoke under {node.scope()})"
    if kind == "role":
        cost = max(cost, COST_ROLE_REVOKE)
    xml = (
        f"<!-- in the <grants> of {kind} {name} in users.xml -->\n<grants>\n"
        f"  <query>REVOKE SELECT ON {access.name}</query>\n</grants>"
    )
    remediation = (
        Remediation(xml=xml)
        if xml_users_era(snapshot)
        else fit_to_storage(snapshot, principal, Remediation(sql=sql, xml=xml))  # users.xml principals: XML
    )
    return Cut(f"revoke:{principal}:{access.name}", action, f"table:{access.name}", cost, remediation)


def _allow_databases_cut(snapshot: Snapshot, user: UserFacts, access: TableAccess, step_id: str) -> Cut:
    others = sorted({db for db in (user.allow_databases or []) if db != access.database})
    listed = [f"  <database>{db}</database>" for db in others] or ["  <!-- the databases the user needs -->"]
    remediation = Remediation(
        xml=users_d_xml(user.name, "<allow_databases>", *listed, "</allow_databases>"),
        text=f"User {user.name} reads every database; list only the ones it needs (without {access.database}).",
    )
    action = f"limit user {user.name} to the databases it needs (not {access.database})"
    return Cut(f"allow_databases:{user.name}:{access.database}", action, step_id, COST_ALLOW_DATABASES, remediation)
