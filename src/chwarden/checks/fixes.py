"""Building blocks of the fixes checks offer: SQL for SQL-stored entities, users.d/config.d XML otherwise.

``fixroute`` later keeps only the route the entity's storage can take.
"""

from __future__ import annotations

from chwarden.analysis.versions import lacks
from chwarden.clickhouse.features import CONSTRAINTS_SINCE
from chwarden.clickhouse.sql import quote_ident
from chwarden.facts import GrantFacts, Snapshot, UserFacts
from chwarden.model import Remediation


def xml_users_era(snapshot: Snapshot) -> bool:
    """True when fixes must be XML (no SQL RBAC on the server, or an offline config audit)."""
    return not snapshot.capabilities.has_sql_rbac or snapshot.connection.kind == "config"


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


def xml_fragment(*lines: str) -> str:
    """A users.d/config.d override file around the given inner XML lines."""
    body = "\n".join(f"  {line}" for line in lines)
    return f"<clickhouse>\n{body}\n</clickhouse>"


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


XML_USER_STORAGES = frozenset({"users_xml", "users.xml", "config"})


def is_xml_user(snapshot: Snapshot, user: UserFacts) -> bool:
    """Defined in users.xml (or read from config files): only an XML change can fix it."""
    return snapshot.connection.kind == "config" or (user.storage or "").lower() in XML_USER_STORAGES


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
