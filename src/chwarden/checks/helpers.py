"""Small shared predicates for checks (pure; no I/O)."""

from __future__ import annotations

from dataclasses import dataclass

from chwarden.analysis.access import IMPLIES_SELECT, AccessModel
from chwarden.analysis.versions import lacks, version_at_least, version_of
from chwarden.clickhouse.config_keys import ignored_key
from chwarden.clickhouse.features import CONSTRAINTS_SINCE
from chwarden.clickhouse.settings import setting_default as version_default
from chwarden.facts import (
    ConfigValue,
    FactMissing,
    GrantFacts,
    ProfileElement,
    RoleGrantFacts,
    SettingValue,
    Snapshot,
    UserFacts,
)
from chwarden.model import Location, Remediation

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
    return [f"{a.protocol}:{a.port}" if a.port else a.protocol for a in snapshot.anonymous_login or [] if a.accepted]


def xml_users_era(snapshot: Snapshot) -> bool:
    """True when fixes must be XML (no SQL RBAC on the server, or an offline config audit)."""
    return not snapshot.capabilities.has_sql_rbac or snapshot.connection.kind == "config"


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


def require(snapshot: Snapshot, *facts: str) -> None:
    for fact in facts:
        snapshot.need(fact)


# --- privileges, limits, logging and exposure (shared by their check modules) ---------------

UNLIMITED_READONLY = frozenset({"", "0"})
LOCKED_WRITABILITY = frozenset({"CONST", "READONLY"})


def session_user(snapshot: Snapshot) -> str | None:
    """The user the audit logged in as (`extra.session_user`, else the connection's user)."""
    name = snapshot.extra.get("session_user") or snapshot.connection.user
    return str(name) if name else None


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


def ignored_by_server(snapshot: Snapshot, path: str) -> bool:
    """The server's version does not know this key: whatever the files say, it is as if absent."""
    return ignored_key(version_of(snapshot), path)


def config_value(snapshot: Snapshot, path: str) -> ConfigValue | None:
    """A server config value; None only when absence is proven (config files were read).

    ``system.server_settings`` exposes only part of the configuration, so a key missing from a
    dict that holds no config-file values means "unknown" and raises FactMissing. A key the
    server's version does not know counts as absent.
    """
    if ignored_by_server(snapshot, path):
        return None
    config: dict[str, ConfigValue] = snapshot.need("server_config")
    value = config.get(path)
    if value is not None or config_known(snapshot):
        return value
    raise FactMissing("server_config", f"{path} is not exposed by the server; audit its config files")


def is_true(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


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


def grant_scope(database: str | None, table: str | None, column: str | None = None) -> str:
    if database is None:
        return "*.*"
    scope = f"{database}.{table or '*'}"
    return f"{scope}({column})" if column else scope


def _grant_object(name: str, wildcard: bool) -> str:
    """A database or table name in a GRANT; a wildcard prefix (25.x `db_*`) stays unquoted."""
    if wildcard:
        return name + "*" if name.replace("_", "").isalnum() else quote_ident(name) + "*"
    return quote_ident(name)


def grant_statement(grant: GrantFacts, grantee: str | None) -> str:
    """The GRANT (or partial REVOKE) that gives ``grantee`` exactly this fact row's privilege.

    Without a grantee it is the form users.xml `<grants><query>` takes (the grantee is implicit).
    """
    privilege = grant.access_type + (f"({quote_ident(grant.column)})" if grant.column else "")
    if grant.database is None:
        scope = "*.*"
    else:
        table = "*" if grant.table is None else _grant_object(grant.table, grant.is_wildcard)
        database = _grant_object(grant.database, grant.is_wildcard and grant.table is None)
        scope = f"{database}.{table}"
    if grant.is_partial_revoke:
        return f"REVOKE {privilege} ON {scope}" + (f" FROM {quote_ident(grantee)}" if grantee else "")
    to = f" TO {quote_ident(grantee)}" if grantee else ""
    return f"GRANT {privilege} ON {scope}{to}" + (" WITH GRANT OPTION" if grant.grant_option else "")


@dataclass(frozen=True)
class ResolvedSetting:
    """A setting after the profile chain (default profile, inherited profiles, user, roles)."""

    name: str
    value: str | None = None
    min: str | None = None
    max: str | None = None
    writability: str | None = None
    source: str = ""  # resource that set the value, e.g. profile:readonly_users
    location: Location | None = None

    @property
    def locked(self) -> bool:
        return (self.writability or "").upper() in LOCKED_WRITABILITY

    @property
    def constrained(self) -> bool:
        return self.locked or self.min is not None or self.max is not None


def element_owner(element: ProfileElement) -> str:
    if element.profile_name is not None:
        return f"profile:{element.profile_name}"
    if element.user_name is not None:
        return f"user:{element.user_name}"
    return f"role:{element.role_name}"


def default_profile_name(snapshot: Snapshot) -> str:
    value = (snapshot.server_config or {}).get("default_profile")
    return value.value if value is not None and value.value else "default"


class ProfileResolver:
    """Resolves effective settings from ``profile_elements`` the way the server layers them."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.elements: list[ProfileElement] = snapshot.need("profile_elements")
        self.default_profile = default_profile_name(snapshot)
        self._by_owner: dict[str, list[ProfileElement]] = {}
        for element in self.elements:
            self._by_owner.setdefault(element_owner(element), []).append(element)
        self._resolved: dict[str, dict[str, ResolvedSetting]] = {}

    @classmethod
    def of(cls, snapshot: Snapshot) -> ProfileResolver:
        """The snapshot's resolver, built once (resolutions are cached inside)."""
        snapshot.need("profile_elements")
        return snapshot.memo("profile_resolver", lambda: cls(snapshot))

    def owners(self) -> list[str]:
        return sorted(self._by_owner)

    def elements_of(self, owner: str) -> list[ProfileElement]:
        """The elements a profile, user or role declares itself (not inherited)."""
        return list(self._by_owner.get(owner, []))

    def resolve(self, owner: str) -> dict[str, ResolvedSetting]:
        """Settings of ``profile:x``, ``user:x`` or ``role:x``, over the server's default profile."""
        if owner not in self._resolved:
            self._resolved[owner] = self._resolve(owner)
        return dict(self._resolved[owner])

    def _resolve(self, owner: str) -> dict[str, ResolvedSetting]:
        out: dict[str, ResolvedSetting] = {}
        seen: set[str] = set()
        self._apply(f"profile:{self.default_profile}", out, seen)
        kind, _, name = owner.partition(":")
        if kind == "user":
            user = find_user(self.snapshot, name)
            if user is not None and user.profile and not self._inherits(owner):
                self._apply(f"profile:{user.profile}", out, seen)
            self._apply(owner, out, seen)
            for role in sorted(roles_of_user(self.snapshot, name)):
                self._apply(f"role:{role}", out, seen)
        else:
            self._apply(owner, out, seen)
        return out

    def main_profile(self, user: str) -> str:
        """The resource a user's settings are best fixed in: its (first) profile, else the user."""
        for e in self._by_owner.get(f"user:{user}", []):
            if e.inherit_profile:
                return f"profile:{e.inherit_profile}"
        facts = find_user(self.snapshot, user)
        return f"profile:{facts.profile}" if facts is not None and facts.profile else f"user:{user}"

    def _inherits(self, owner: str) -> bool:
        return any(e.inherit_profile for e in self._by_owner.get(owner, []))

    def _apply(self, owner: str, out: dict[str, ResolvedSetting], seen: set[str]) -> None:
        if owner in seen:
            return
        seen.add(owner)
        for e in self._by_owner.get(owner, []):
            if e.inherit_profile:
                self._apply(f"profile:{e.inherit_profile}", out, seen)
            elif e.setting_name:
                prev = out.get(e.setting_name, ResolvedSetting(name=e.setting_name))
                out[e.setting_name] = ResolvedSetting(
                    name=e.setting_name,
                    value=e.value if e.value is not None else prev.value,
                    min=e.min if e.min is not None else prev.min,
                    max=e.max if e.max is not None else prev.max,
                    writability=e.writability or prev.writability,
                    source=owner if e.value is not None else prev.source,
                    location=e.location if e.value is not None else prev.location,
                )


def xml_fragment(*lines: str) -> str:
    """A users.d/config.d override file around the given inner XML lines."""
    body = "\n".join(f"  {line}" for line in lines)
    return f"<clickhouse>\n{body}\n</clickhouse>"


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


def setting_default(snapshot: Snapshot, name: str) -> str:
    """The server's own default of a setting (its ``default`` column when collected)."""
    known = (snapshot.effective_settings or {}).get(name)
    if known is not None and known.default is not None:
        return known.default
    return version_default(name, version_of(snapshot))


@dataclass(frozen=True)
class SettingsSubject:
    """Whose settings are judged: a profile (or user) from profile_elements, or the audit session."""

    resource: str  # where the fix goes: profile:x, user:x, role:x or session:x
    users: tuple[str, ...]
    values: dict[str, str]
    sources: dict[str, str | None]  # setting -> resource that set it; None = server default
    location: Location | None = None


def settings_subjects(snapshot: Snapshot, names: tuple[str, ...]) -> list[SettingsSubject]:
    """Effective values of ``names`` per user (profile_elements) or for the session (legacy).

    With profile_elements, users are grouped by the resource that sets the first judged setting
    (or their own profile when nothing sets it), so one profile is reported once. Without them,
    the audit session's effective settings are judged (resource ``session:<user>``).
    """
    if snapshot.profile_elements is None:
        settings: dict[str, SettingValue] = snapshot.need("effective_settings")
        masked = [n for n in names if n in snapshot.extra.get("settings_set_by_audit", ()) and n not in settings]
        if masked:
            raise FactMissing(
                "effective_settings",
                f"the session's {', '.join(masked)} cannot be read while chwarden itself sets it on every query "
                "(read-only guard); the account's value needs its profile (config files or SQL RBAC)",
            )
        user = session_user(snapshot) or "default"
        values = {n: settings[n].value if n in settings else setting_default(snapshot, n) for n in names}
        return [SettingsSubject(f"session:{user}", (user,), values, dict.fromkeys(names, f"session:{user}"))]
    resolver = ProfileResolver.of(snapshot)
    if snapshot.users is None:
        owners = [o for o in resolver.owners() if o.startswith("profile:")]
        return [_subject(snapshot, resolver, owner, owner, names, ()) for owner in owners]
    return [
        _subject(snapshot, resolver, f"user:{u.name}", resolver.main_profile(u.name), names, (u.name,))
        for u in snapshot.users
    ]


def _subject(
    snapshot: Snapshot,
    resolver: ProfileResolver,
    owner: str,
    fallback: str,
    names: tuple[str, ...],
    users: tuple[str, ...],
) -> SettingsSubject:
    resolved = resolver.resolve(owner)
    values: dict[str, str] = {}
    sources: dict[str, str | None] = {}
    for n in names:
        rs = resolved.get(n)
        explicit = rs is not None and rs.value is not None
        values[n] = rs.value if rs is not None and rs.value is not None else setting_default(snapshot, n)
        sources[n] = rs.source if explicit and rs is not None else None
    first = next((resolved[n] for n in names if sources[n] is not None), None)
    resource = first.source if first is not None else fallback
    return SettingsSubject(resource, users, values, sources, first.location if first is not None else None)


def group_subjects(subjects: list[SettingsSubject]) -> dict[str, list[SettingsSubject]]:
    """Subjects by the resource to fix, in a stable order."""
    grouped: dict[str, list[SettingsSubject]] = {}
    for s in sorted(subjects, key=lambda s: (s.resource, s.users)):
        grouped.setdefault(s.resource, []).append(s)
    return grouped


def constraint_lines(snapshot: Snapshot, inner: str, indent: str = "    ") -> list[str]:
    """A profile's ``<constraints>`` element, or nothing on servers too old to know it."""
    if not inner or lacks(snapshot, CONSTRAINTS_SINCE):
        return []
    return [f"{indent}<constraints>{inner}</constraints>"]


def settings_fix(snapshot: Snapshot, resource: str, settings: dict[str, str]) -> Remediation:
    """Set (and lock with MAX/CONST) settings where they belong: SQL for SQL profiles, else XML."""
    kind, _, name = resource.partition(":")
    profile = name if kind == "profile" else "default"
    lines = [f"    <{k}>{v}</{k}>" for k, v in settings.items()]
    constraints = "".join(f"<{k}><max>{v}</max></{k}>" for k, v in settings.items() if v not in ("0", "1"))
    lines += constraint_lines(snapshot, constraints)
    xml = xml_fragment("<profiles>", f"  <{profile}>", *lines, f"  </{profile}>", "</profiles>")
    stored = next((p.storage for p in snapshot.profiles or [] if p.name == name), None)
    if xml_users_era(snapshot) or kind == "session" or (stored or "").lower() in XML_USER_STORAGES:
        return Remediation(xml=xml)
    target = {"profile": "SETTINGS PROFILE", "user": "USER", "role": "ROLE"}[kind]
    assignments = ", ".join(
        f"{k} = {v}" + (f" MAX {v}" if v not in ("0", "1") else " CONST") for k, v in settings.items()
    )
    return Remediation(sql=f"ALTER {target} {quote_ident(name)} MODIFY SETTINGS {assignments};", xml=xml)


__all__ = [
    "ANY_HOST_NETWORKS",
    "EMPTY_SHA256",
    "LOCKED_WRITABILITY",
    "FactMissing",
    "ProfileResolver",
    "ResolvedSetting",
    "SettingsSubject",
    "accepted_admin",
    "admin_users",
    "allowed_from_any_host",
    "anonymous_login_accepted",
    "can_select",
    "config_value",
    "default_profile_name",
    "element_owner",
    "find_user",
    "grant_scope",
    "grant_statement",
    "grantee_is_accepted_admin",
    "grants_of_principals",
    "group_subjects",
    "is_passwordless",
    "is_true",
    "require",
    "role_members",
    "roles_of_user",
    "session_is_passwordless",
    "session_user",
    "setting_default",
    "settings_fix",
    "settings_subjects",
    "users_or_missing",
    "xml_fragment",
    "xml_users_era",
]


# --- authentication, network reach and TLS (shared by their check modules) ------------------

LOOPBACK_NETWORKS = frozenset(
    {"127.0.0.1", "::1", "127.0.0.1/32", "::1/128", "127.0.0.0/8", "::ffff:127.0.0.1", "localhost"}
)
WILDCARD_LISTEN = frozenset({"::", "0.0.0.0", "::0", "0:0:0:0:0:0:0:0", "*", "[::]"})
XML_USER_STORAGES = frozenset({"users_xml", "users.xml", "config"})


def config_section(snapshot: Snapshot, prefix: str) -> dict[str, ConfigValue]:
    """Every config value under ``prefix`` (dotted); {} only when absence is proven (or when the
    server's version does not know the key)."""
    if ignored_by_server(snapshot, prefix):
        return {}
    config: dict[str, ConfigValue] = snapshot.need("server_config")
    found = {k: v for k, v in config.items() if k == prefix or k.startswith(prefix + ".")}
    if found or snapshot.config_files is not None or any(v.origin == "config" for v in config.values()):
        return found
    raise FactMissing("server_config", f"{prefix} is not exposed by the server; audit its config files")


def config_known(snapshot: Snapshot) -> bool:
    """True when config files were read, so a missing key really is absent."""
    config = snapshot.server_config
    if config is None:
        return False
    return snapshot.config_files is not None or any(v.origin == "config" for v in config.values())


def port_enabled(value: ConfigValue | None) -> bool:
    """A `*_port` key opens a listener unless it is absent, empty or 0."""
    return value is not None and value.value.strip() not in ("", "0")


def is_loopback_only(user: UserFacts) -> bool:
    """The user may only connect from this machine (HOST LOCAL or loopback addresses)."""
    if not user.networks_known or user.host_names_regexp or user.host_names_like:
        return False
    hosts = [h.strip().lower() for h in (*user.host_ip, *user.host_names)]
    if not hosts:
        return user.host_local
    return all(h in LOOPBACK_NETWORKS for h in hosts)


def is_xml_user(snapshot: Snapshot, user: UserFacts) -> bool:
    """Defined in users.xml (or read from config files): only an XML change can fix it."""
    return snapshot.connection.kind == "config" or (user.storage or "").lower() in XML_USER_STORAGES


def quote_ident(name: str) -> str:
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`"


def user_fix(snapshot: Snapshot, user: UserFacts, *, sql: str, xml: str) -> Remediation:
    """SQL for users kept in SQL access storage on an RBAC server, XML for users.xml users."""
    if xml_users_era(snapshot) or is_xml_user(snapshot, user):
        return Remediation(xml=xml)
    if user.storage is None:
        return Remediation(sql=sql, xml=xml)
    return Remediation(sql=sql)


def users_d_xml(user: str, *lines: str) -> str:
    """A users.d override for one user."""
    body = "\n".join(f"      {line}" for line in lines)
    return f"<clickhouse>\n  <users>\n    <{user}>\n{body}\n    </{user}>\n  </users>\n</clickhouse>"


__all__ += [
    "LOOPBACK_NETWORKS",
    "WILDCARD_LISTEN",
    "XML_USER_STORAGES",
    "config_known",
    "config_section",
    "ignored_by_server",
    "is_loopback_only",
    "is_xml_user",
    "lacks",
    "port_enabled",
    "quote_ident",
    "user_fix",
    "users_d_xml",
    "version_at_least",
    "version_of",
]
