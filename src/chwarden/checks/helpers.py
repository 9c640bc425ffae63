"""Small shared predicates for checks (pure; no I/O)."""

from __future__ import annotations

from chwarden.facts import FactMissing, Snapshot, UserFacts

ANY_HOST_NETWORKS = frozenset({"::/0", "0.0.0.0/0", "::", "0.0.0.0", "::ffff:0.0.0.0/96"})
PASSWORDLESS_AUTH = frozenset({"no_password"})
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def users_or_missing(snapshot: Snapshot) -> list[UserFacts]:
    users: list[UserFacts] = snapshot.need("users")
    return users


def is_passwordless(user: UserFacts) -> bool:
    if user.password_empty:
        return True
    return any(t in PASSWORDLESS_AUTH for t in user.auth_types)


def allowed_from_any_host(user: UserFacts) -> bool:
    return (
        any(ip.strip().lower() in ANY_HOST_NETWORKS for ip in user.host_ip)
        or any(like.strip() == "%" for like in user.host_names_like)
        or any(rx.strip() in (".*", "^.*$", ".+", "^.*") for rx in user.host_names_regexp)
    )


def anonymous_login_accepted(snapshot: Snapshot) -> list[str]:
    """Protocols (``http:8123``) on which `default` with an empty password was let in."""
    return [
        f"{a.protocol}:{a.port}" if a.port else a.protocol for a in snapshot.anonymous_login or [] if a.accepted
    ]


def xml_users_era(snapshot: Snapshot) -> bool:
    """True when fixes must be XML (no SQL RBAC on the server, or an offline config audit)."""
    return not snapshot.capabilities.has_sql_rbac or snapshot.connection.kind == "config"


def admin_users(snapshot: Snapshot) -> set[str]:
    """Users that hold global ALL or access management: the accepted admins of the target."""
    admins: set[str] = set()
    for user in snapshot.users or []:
        if user.access_management:
            admins.add(user.name)
    for grant in snapshot.grants or []:
        if grant.user_name and grant.access_type in ("ALL", "ACCESS MANAGEMENT") and grant.database is None:
            admins.add(grant.user_name)
    return admins


def require(snapshot: Snapshot, *facts: str) -> None:
    for fact in facts:
        snapshot.need(fact)


__all__ = [
    "ANY_HOST_NETWORKS",
    "EMPTY_SHA256",
    "FactMissing",
    "admin_users",
    "allowed_from_any_host",
    "anonymous_login_accepted",
    "is_passwordless",
    "require",
    "users_or_missing",
    "xml_users_era",
]
