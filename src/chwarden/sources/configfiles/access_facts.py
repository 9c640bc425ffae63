"""Users, roles, grants and row policies from a merged users tree (users.xml and users.d/)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from chwarden.facts import GrantFacts, RoleFacts, RoleGrantFacts, RowPolicyFacts, SecretRef, UserFacts
from chwarden.model import Location
from chwarden.redact import redact
from chwarden.sources.configfiles.grant_sql import ParsedGrants, parse_grant
from chwarden.sources.configfiles.known_passwords import well_known
from chwarden.sources.configfiles.tree import ConfigNode
from chwarden.sources.configfiles.values import as_bool

STORAGE = "users_xml"

# Authentication element -> auth type as system.users names it.
AUTH_ELEMENTS = {
    "password": "plaintext_password",
    "password_sha256_hex": "sha256_password",
    "password_double_sha1_hex": "double_sha1_password",
    "password_scram_sha256_hex": "scram_sha256_password",
    "password_bcrypt_hash": "bcrypt_password",
    "no_password": "no_password",
    "ldap": "ldap",
    "kerberos": "kerberos",
    "ssl_certificates": "ssl_certificate",
    "ssh_keys": "ssh_key",
    "http_authentication": "http",
    "jwt": "jwt",
}
# Hashes of the empty password: a "hashed" password that is in fact no password at all.
EMPTY_PASSWORD_HASHES = {
    "password_sha256_hex": hashlib.sha256(b"").hexdigest(),
    "password_double_sha1_hex": hashlib.sha1(hashlib.sha1(b"").digest()).hexdigest(),
}
NETWORK_FIELDS = {
    "ip": "host_ip",
    "host": "host_names",
    "host_regexp": "host_names_regexp",
    "host_like": "host_names_like",
}
# Loopback entries appear as HOST LOCAL in system.users, not in host_ip/host_names.
LOCAL_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})
OPEN_NETWORKS = frozenset({"::/0", "0.0.0.0/0", "::", "0.0.0.0", ".*", "%"})
NONEMPTY_ATTR = "@nonempty"  # set on a value known only at run time but known to be non-empty


@dataclass
class AccessFacts:
    users: list[UserFacts] = field(default_factory=list)
    roles: list[RoleFacts] = field(default_factory=list)
    grants: list[GrantFacts] = field(default_factory=list)
    role_grants: list[RoleGrantFacts] = field(default_factory=list)
    row_policies: list[RowPolicyFacts] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _password_state(element: ConfigNode) -> bool | None:
    """True/False when the element shows an empty/non-empty password, None when unknown."""
    if element.unresolved:
        return False if element.attrs.get(NONEMPTY_ATTR) else None
    if element.tag == "no_password":
        return True
    if element.tag == "password":
        return element.text == ""
    if element.tag in EMPTY_PASSWORD_HASHES:
        return element.text.lower() == EMPTY_PASSWORD_HASHES[element.tag]
    return False


def _user(name: str, node: ConfigNode) -> UserFacts:
    auth = [c for c in node.children if c.tag in AUTH_ELEMENTS]
    states = [_password_state(c) for c in auth]
    empty = True if True in states else (None if None in states or not states else False)
    secrets = [
        SecretRef(kind="password", redacted=redact(c.text), where=f"users.{name}.password")
        for c in auth
        if c.tag == "password" and c.text and not c.unresolved
    ]
    deciding = next((c for c, state in zip(auth, states, strict=True) if state), auth[0] if auth else None)
    user = UserFacts(
        name=name,
        storage=STORAGE,
        auth_types=[AUTH_ELEMENTS[c.tag] for c in auth],
        password_empty=empty,
        sha256_salted=False if any(c.tag == "password_sha256_hex" for c in auth) else None,
        profile=node.text_of("profile"),
        quota=node.text_of("quota"),
        default_roles_all=True,
        access_management=as_bool(node.text_of("access_management")),
        named_collection_control=as_bool(node.text_of("named_collection_control")),
        show_named_collections_secrets=as_bool(node.text_of("show_named_collections_secrets")),
        secrets=secrets,
        location=node.location,
        password_location=deciding.value_location if deciding is not None else None,
        well_known_password=next((why for c in auth if (why := well_known(name, c))), None),
    )
    allow = node.child("allow_databases")
    if allow is not None:
        user.allow_databases = [d.text for d in allow.all("database")]
    networks = node.child("networks")
    if networks is None:
        user.networks_known = False  # the default differs across versions (none on 18.x, any later)
        return user
    user.networks_location = _widest(networks)
    for entry in networks.children:
        target = NETWORK_FIELDS.get(entry.tag)
        if target is None or entry.unresolved:
            continue
        if entry.text in LOCAL_HOSTS and entry.tag in ("ip", "host"):
            user.host_local = True
        else:
            getattr(user, target).append(entry.text)
    return user


def _widest(networks: ConfigNode) -> Location:
    """The line that opens a user's networks widest: an any-host entry, else the first entry."""
    entries = [e for e in networks.children if e.tag in NETWORK_FIELDS and not e.unresolved]
    wide = next((e for e in entries if e.text.strip().lower() in OPEN_NETWORKS), None)
    chosen = wide or next((e for e in entries if e.text not in LOCAL_HOSTS), None) or (entries[0] if entries else None)
    return chosen.value_location if chosen is not None else networks.location


def _grants(owner: ConfigNode, facts: AccessFacts, *, user: str | None, role: str | None) -> bool:
    """Parse `<grants><query>` of a user or role into facts; False when there is no grants section."""
    section = owner.child("grants")
    if section is None:
        return False
    for query in section.all("query"):
        try:
            parsed: ParsedGrants = parse_grant(query.text, user=user, role=role)
        except ValueError as exc:
            facts.problems.append(f"{query.value_location}: cannot parse grant {query.text!r}: {exc}")
            continue
        facts.grants.extend(parsed.grants)
        facts.role_grants.extend(parsed.role_grants)
    return True


def _row_policies(users: list[tuple[str, ConfigNode]]) -> list[RowPolicyFacts]:
    """`<databases><db><table><filter>` per user; like the server, other users get `USING 1`."""
    filters: dict[tuple[str, str], dict[str, str]] = {}
    for name, node in users:
        databases = node.child("databases")
        for db_node in databases.children if databases is not None else []:
            for table_node in db_node.children:
                condition = table_node.text_of("filter")
                if condition is not None:
                    filters.setdefault((db_node.tag, table_node.tag), {})[name] = condition
    policies: list[RowPolicyFacts] = []
    for (db, table), by_user in filters.items():
        for name, _node in users:
            policies.append(
                RowPolicyFacts(
                    name=f"{name} ON {db}.{table}",
                    short_name=name,
                    database=db,
                    table=table,
                    select_filter=by_user.get(name, "1"),
                    apply_to_list=[name],
                )
            )
    return policies


def access_facts(users_tree: ConfigNode) -> AccessFacts:
    facts = AccessFacts()
    users_section = users_tree.child("users")
    users = [(u.tag, u) for u in (users_section.children if users_section is not None else [])]
    for name, node in users:
        user = _user(name, node)
        facts.users.append(user)
        if not _grants(node, facts, user=name, role=None) and user.access_management:
            # What system.grants shows for an XML admin without explicit grants.
            facts.grants.append(GrantFacts(user_name=name, access_type="ALL", grant_option=True))
    roles_section = users_tree.child("roles")
    for role in roles_section.children if roles_section is not None else []:
        facts.roles.append(RoleFacts(name=role.tag, storage=STORAGE, location=role.location))
        _grants(role, facts, user=None, role=role.tag)
    facts.row_policies = _row_policies(users)
    return facts
