"""Who the principals are and what they may do: passwordless users, networks, admins, roles.

Pure functions of a snapshot's access facts, shared by the checks and by assess. Derived indexes
are memoised on the snapshot, which keeps the checks linear in users and grants.
"""

from __future__ import annotations

from chwarden.analysis.access import IMPLIES_SELECT, AccessModel
from chwarden.analysis.reach import MATCH_ALL_PATTERNS, is_loopback_network, parse_network
from chwarden.facts import GrantFacts, RoleGrantFacts, Snapshot, UserFacts

ANY_HOST_NETWORKS = frozenset({"::/0", "0.0.0.0/0", "::", "0.0.0.0", "::ffff:0.0.0.0/96"})


PASSWORDLESS_AUTH = frozenset({"no_password"})


def is_passwordless(user: UserFacts) -> bool:
    if user.password_empty:
        return True
    return any(t in PASSWORDLESS_AUTH for t in user.auth_types)


def allowed_from_any_host(user: UserFacts) -> bool:
    """Every client address is admitted (``::/0``, ``0.0.0.0/0.0.0.0``, ``%``, a match-all regexp)."""
    return (
        any(ip.strip().lower() in ANY_HOST_NETWORKS or _whole_space(ip) for ip in user.host_ip)
        or any(like.strip() == "%" for like in user.host_names_like)
        or any(rx.strip() in MATCH_ALL_PATTERNS for rx in user.host_names_regexp)
    )


def _whole_space(text: str) -> bool:
    net = parse_network(text)
    return net is not None and net.prefixlen == 0


def anonymous_login_accepted(snapshot: Snapshot) -> list[str]:
    """Protocols (``http:8123``) on which `default` with an empty password was let in."""
    return [f"{a.protocol}:{a.port}" if a.port else a.protocol for a in snapshot.anonymous_login or [] if a.accepted]


def admin_users(snapshot: Snapshot) -> set[str]:
    """Users that hold global ALL or access management: the accepted admins of the target."""
    return set(snapshot.memo("admin_users", lambda: frozenset(_admin_users(snapshot))))


def _admin_users(snapshot: Snapshot) -> set[str]:
    admins: set[str] = set()
    for user in snapshot.users or []:
        if user.access_management:
            admins.add(user.name)
    for grant in snapshot.grants or []:
        if grant.access_type not in ("ALL", "ACCESS MANAGEMENT") or grant.database is not None:
            continue
        if grant.user_name:
            admins.add(grant.user_name)
        elif grant.role_name:  # held through a role: every member of the role is an admin
            admins.update(role_members(snapshot, grant.role_name))
    return admins


def session_user(snapshot: Snapshot) -> str | None:
    """The user the audit logged in as (None for an offline config audit)."""
    return snapshot.connection.user or None


def find_user(snapshot: Snapshot, name: str | None) -> UserFacts | None:
    if not name:
        return None
    index: dict[str, UserFacts] = snapshot.memo("users_by_name", lambda: {u.name: u for u in snapshot.users or []})
    return index.get(name)


def session_is_passwordless(snapshot: Snapshot) -> bool:
    """True when the audit session itself needed no password, so what it may do, anyone may."""
    name = session_user(snapshot)
    user = find_user(snapshot, name)
    if user is not None and is_passwordless(user):
        return True
    if snapshot.connection.kind in ("live", "embedded") and not snapshot.connection.password_given:
        return True
    return name in (None, "default") and bool(anonymous_login_accepted(snapshot))


def roles_of_user(snapshot: Snapshot, user: str, default_only: bool = True) -> set[str]:
    """Roles a user holds (transitively through roles granted to roles)."""
    by_user, by_role = snapshot.memo("role_grant_index", lambda: _role_grant_index(snapshot))
    found: set[str] = set()
    frontier = [g.granted_role_name for g in by_user.get(user, []) if g.granted_role_is_default or not default_only]
    while frontier:
        role = frontier.pop()
        if role in found:
            continue
        found.add(role)
        frontier.extend(g.granted_role_name for g in by_role.get(role, []))
    return found


def _role_grant_index(
    snapshot: Snapshot,
) -> tuple[dict[str, list[RoleGrantFacts]], dict[str, list[RoleGrantFacts]]]:
    by_user: dict[str, list[RoleGrantFacts]] = {}
    by_role: dict[str, list[RoleGrantFacts]] = {}
    for g in snapshot.role_grants or []:
        if g.user_name is not None:
            by_user.setdefault(g.user_name, []).append(g)
        if g.role_name is not None:
            by_role.setdefault(g.role_name, []).append(g)
    return by_user, by_role


def role_members(snapshot: Snapshot, role: str) -> set[str]:
    """Users that hold a role, directly or through other roles."""
    return {
        g.user_name
        for g in snapshot.role_grants or []
        if g.user_name is not None and role in roles_of_user(snapshot, g.user_name, default_only=False)
    }


def accepted_admin(snapshot: Snapshot) -> str | None:
    """The one admin a server is allowed: the only holder of global ALL / ACCESS MANAGEMENT,
    provided it needs a password. Several admins, or a passwordless one, means none is accepted."""
    return snapshot.memo("accepted_admin", lambda: _accepted_admin(snapshot))


def _accepted_admin(snapshot: Snapshot) -> str | None:
    admins = admin_users(snapshot)
    if len(admins) != 1:
        return None
    (name,) = admins
    user = find_user(snapshot, name)
    return None if user is not None and is_passwordless(user) else name


def grantee_is_accepted_admin(snapshot: Snapshot, grantee_user: str | None, grantee_role: str | None) -> bool:
    admin = accepted_admin(snapshot)
    if admin is None:
        return False
    if grantee_user is not None:
        return grantee_user == admin
    members = role_members(snapshot, grantee_role or "")
    return bool(members) and members == {admin}


def grants_of_principals(snapshot: Snapshot, user: str) -> list[GrantFacts]:
    """Grants a user holds directly and through its roles."""
    roles = roles_of_user(snapshot, user, default_only=False)
    return [g for g in snapshot.grants or [] if g.user_name == user or (g.role_name in roles)]


def can_select(snapshot: Snapshot, user: str | None, database: str, table: str) -> bool:
    """SELECT on the whole table, as the privilege model decides it (roles, partial revokes, and the
    implicit full access of users.xml users without <grants>); unknown users are assumed able to."""
    if snapshot.grants is None or user is None:
        return True
    model = snapshot.memo("access_model", lambda: AccessModel.build(snapshot))
    known = user in model.users or f"user:{user}" in model.grants
    if not known:
        return True
    return bool(model.allowing(user, IMPLIES_SELECT, database, table, None))


def is_loopback_only(user: UserFacts) -> bool:
    """The user may only connect from this machine: HOST LOCAL, addresses in 127.0.0.0/8, ::1, localhost.

    Issue 13: any loopback address or subnet counts (``127.0.0.2``, ``127.0.1.0/24``), not only the few
    spellings of 127.0.0.1 listed before.
    """
    if not user.networks_known or user.host_names_regexp or user.host_names_like:
        return False
    hosts = [*user.host_ip, *user.host_names]
    if not hosts:
        return user.host_local
    return all(is_loopback_network(h) for h in hosts)
