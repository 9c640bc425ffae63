"""How accounts are defined beyond their password: users.xml admins, who may see named-collection
secrets, and host restrictions that depend on DNS.
"""

from __future__ import annotations

from collections.abc import Iterator

from chwarden.analysis.principals import admin_users, is_loopback_only, is_passwordless
from chwarden.checks.account_risk import account_exposure, admin_severity
from chwarden.checks.authentication import user_evidence
from chwarden.checks.fixes import is_xml_user, user_fix, users_d_xml
from chwarden.checks.references import REF_ACCESS, REF_CREATE_USER, REF_NAMED_COLLECTIONS, REF_USERS
from chwarden.checks.registry import Hit, check
from chwarden.clickhouse.sql import quote_ident
from chwarden.facts import FactMissing, Snapshot, UserFacts
from chwarden.model import Remediation, Severity


@check(
    "xml_user_with_access_management",
    title="A users.xml user can manage all access (access_management=1)",
    severity=Severity.HIGH,
    category="authentication",
    rationale=(
        "An XML user with access_management is an RBAC super-admin that SQL cannot revoke or audit in the "
        "access storage; keep at most one such break-glass account, reachable only from loopback."
    ),
    remediation="Set access_management to 0 for every XML user except one loopback-only break-glass admin.",
    references=(REF_ACCESS, REF_USERS),
    needs=("users",),
)
def xml_user_with_access_management(snapshot: Snapshot) -> Iterator[Hit]:
    managers = [u for u in snapshot.need("users") if (u.access_management or _has_xml_admin_grant(snapshot, u))]
    managers = [u for u in managers if is_xml_user(snapshot, u)]
    local = sorted((u for u in managers if is_loopback_only(u) and not is_passwordless(u)), key=lambda u: u.name)
    exempt = local[0].name if local else None
    for user in managers:
        if user.name == exempt:
            continue
        # Issue 13: high is for default, any-host, well-known-password and passwordless admins; a
        # password-protected admin limited to listed networks is a medium matter, a local one low.
        exposure = account_exposure(snapshot, user)
        yield Hit(
            resource=f"user:{user.name}",
            evidence=user_evidence(
                user,
                access_management=True,
                loopback_only=is_loopback_only(user),
                host_ip=user.host_ip,
                break_glass_admin=exempt,
                exposure=exposure,
                passwordless=is_passwordless(user) or None,
            ),
            remediation=Remediation(xml=users_d_xml(user.name, "<access_management>0</access_management>")),
            severity=min(admin_severity(snapshot, user), Severity.HIGH, key=lambda s: s.rank)
            if exposure != "local"
            else Severity.MEDIUM,
            location=user.location,
        )


def _has_xml_admin_grant(snapshot: Snapshot, user: UserFacts) -> bool:
    """Live servers show access_management=1 as a global ALL grant with grant option."""
    if user.access_management is not None:
        return False
    return user.name in admin_users(snapshot) and any(
        g.user_name == user.name and g.access_type == "ALL" and g.grant_option for g in snapshot.grants or []
    )


@check(
    "named_collection_secrets_shown",
    title="A user is allowed to see named-collection secrets",
    severity=Severity.MEDIUM,
    category="authentication",
    rationale=(
        "show_named_collections_secrets=1 lets the user read the credentials stored in named collections "
        "(S3 keys, database passwords) in clear text."
    ),
    remediation="Set show_named_collections_secrets to 0 (and keep it off for application users).",
    references=(REF_NAMED_COLLECTIONS, REF_USERS),
    needs=("users",),
)
def named_collection_secrets_shown(snapshot: Snapshot) -> Iterator[Hit]:
    users = snapshot.need("users")
    if all(u.show_named_collections_secrets is None for u in users):
        raise FactMissing("users", "show_named_collections_secrets is only known from users.xml")
    for user in users:
        if not user.show_named_collections_secrets:
            continue
        yield Hit(
            resource=f"user:{user.name}",
            evidence=user_evidence(user, show_named_collections_secrets=True),
            remediation=user_fix(
                snapshot,
                user,
                sql=f"REVOKE SHOW NAMED COLLECTIONS SECRETS ON *.* FROM {quote_ident(user.name)};",
                xml=users_d_xml(user.name, "<show_named_collections_secrets>0</show_named_collections_secrets>"),
            ),
            location=user.location,
        )


@check(
    "dns_based_host_restriction",
    title="A user's allowed hosts depend on DNS names",
    severity=Severity.LOW,
    category="authentication",
    rationale=(
        "host_names / host_regexp are checked through (reverse) DNS, which an attacker controlling a PTR "
        "record or resolver can spoof; a regexp without `$` also matches longer, attacker-chosen names."
    ),
    remediation="Restrict users by IP/CIDR; if names are unavoidable, anchor regexps with ^ and $.",
    references=(REF_USERS, REF_CREATE_USER),
    needs=("users",),
)
def dns_based_host_restriction(snapshot: Snapshot) -> Iterator[Hit]:
    # The Altinity operator's own pattern for the installation's pods (issue 21): in-cluster DNS the
    # operator controls, added to every user; not a choice the CR author made.
    operator_patterns = set(snapshot.deployment.installation_hosts) if snapshot.deployment else set()
    for user in snapshot.need("users"):
        names = [h for h in user.host_names if h.strip().lower() != "localhost"]
        likes = [p for p in user.host_names_like if p.strip() != "%"]
        regexps = [
            r
            for r in user.host_names_regexp
            if r.strip() not in (".*", "^.*$", ".+", "^.*") and r not in operator_patterns
        ]
        if not (names or likes or regexps):
            continue
        unanchored = [r for r in regexps if not r.rstrip().endswith("$")]
        yield Hit(
            resource=f"user:{user.name}",
            evidence=user_evidence(
                user,
                host_names=names,
                host_names_like=likes,
                host_names_regexp=regexps,
                unanchored_regexps=unanchored,
            ),
            remediation=user_fix(
                snapshot,
                user,
                sql=f"ALTER USER {quote_ident(user.name)} HOST IP '<client network/CIDR>';",
                xml=users_d_xml(user.name, '<networks replace="replace"><ip>CLIENT_NETWORK/CIDR</ip></networks>'),
            ),
            severity=Severity.MEDIUM if unanchored else None,
            location=user.location,
        )
