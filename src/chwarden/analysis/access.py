"""Effective privileges: what a user may read, decided the way ClickHouse decides it.

ClickHouse keeps grants as a tree (global -> database -> table -> column). ``system.grants`` lists
the tree's explicit nodes: grants, and partial revokes below them. A check walks to the most
specific node that says anything about the access type: a grant there allows, a partial revoke
denies. Wildcard grants (``db*.*``, ``db.t*``) are prefix nodes between their parent and the exact
names below them; a longer prefix is more specific. A user's rights are the union of its own tree
and those of its enabled roles (default roles, and the roles those roles hold).

Row policies narrow what a readable table shows: permissive filters of the policies that apply to
the user (by name or enabled role) are OR-ed, restrictive ones AND-ed. When a table has policies
but none permissive applies, the user sees every row if
``access_control_improvements.users_without_row_policies_can_read_rows`` is on (the default of
modern servers) and no row otherwise.

Servers without SQL access control (18.x) and users read from users.xml without ``<grants>`` hold
everything on the databases ``<allow_databases>`` lists (all of them when it is absent); modern
servers show that expansion in ``system.grants`` themselves, so live grants are used as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from chwarden.analysis.versions import lacks
from chwarden.clickhouse.features import XML_ROW_FILTERS_SINCE
from chwarden.facts import GrantFacts, RoleGrantFacts, RowPolicyFacts, Snapshot, TableFacts, UserFacts

SELECT = "SELECT"
# Access types whose grant includes SELECT (the hierarchy above SELECT is ALL alone).
IMPLIES_SELECT = frozenset({"SELECT", "ALL"})
# Global grants that let a principal give itself any privilege.
ESCALATION_TYPES = frozenset({"ALL", "ACCESS MANAGEMENT", "ROLE ADMIN", "CREATE USER", "ALTER USER"})
# Access types that change data or schema (a temporary table is the session's own scratch space).
WRITE_PREFIXES = ("INSERT", "ALTER", "CREATE", "DROP", "TRUNCATE", "OPTIMIZE", "UNDROP", "MOVE PARTITION")
NOT_WRITES = frozenset({"CREATE TEMPORARY TABLE", "ALTER USER", "CREATE USER", "DROP USER"})
TRUE_FILTERS = frozenset({"1", "true", "TRUE", "True"})
FALSE_FILTER = "0"


@dataclass(frozen=True)
class Grant:
    """One node of a principal's grant tree (a ``system.grants`` row)."""

    access_type: str
    database: str | None = None  # None: every database
    table: str | None = None  # None: every table of the database
    column: str | None = None
    revoke: bool = False  # a partial revoke
    grant_option: bool = False
    wildcard: bool = False  # database (when table is None) or table is a prefix

    @property
    def level(self) -> int:
        if self.database is None:
            return 0
        if self.table is None:
            return 1
        return 2 if self.column is None else 3

    def specificity(self) -> tuple[int, int, int]:
        """Deeper levels win; at one level an exact name beats a prefix, a longer prefix a shorter."""
        name = self.column or self.table or self.database or ""
        return (self.level, 0 if self.wildcard else 1, len(name))

    def covers(self, database: str, table: str, column: str | None) -> bool:
        if self.database is None:
            return True
        if self.table is None:
            return database.startswith(self.database) if self.wildcard else database == self.database
        if database != self.database:
            return False
        if not (table.startswith(self.table) if self.wildcard else table == self.table):
            return False
        return self.column is None or self.column == column

    def scope(self) -> str:
        star = "*" if self.wildcard else ""
        if self.database is None:
            return "*.*"
        if self.table is None:
            return f"{self.database}{star}.*"
        base = f"{self.database}.{self.table}{star}"
        return f"{base}({self.column})" if self.column else base

    def sql(self, grantee: str) -> str:
        verb, prep = ("REVOKE", "FROM") if self.revoke else ("GRANT", "TO")
        option = " WITH GRANT OPTION" if self.grant_option and not self.revoke else ""
        return f"{verb} {self.access_type} ON {self.scope()} {prep} {grantee}{option}"


def grant_of(facts: GrantFacts) -> Grant:
    """A fact row as a tree node; ``is_wildcard`` is honoured when the collector provides it."""
    return Grant(
        access_type=facts.access_type,
        database=facts.database,
        table=facts.table,
        column=facts.column,
        revoke=facts.is_partial_revoke,
        grant_option=facts.grant_option,
        wildcard=bool(facts.is_wildcard),
    )


def decides(
    grants: Iterable[Grant], access: Iterable[str], database: str, table: str, column: str | None
) -> Grant | None:
    """The node that decides ``access`` on a column (or, with ``column`` None, on the table level)."""
    types = frozenset(access)
    best: Grant | None = None
    for g in grants:
        if g.access_type not in types or not g.covers(database, table, column):
            continue
        if best is None or (g.specificity(), g.revoke) > (best.specificity(), best.revoke):
            best = g
    return best


@dataclass(frozen=True)
class TableAccess:
    """What one user may read of one table, and through which principals."""

    database: str
    table: str
    columns: tuple[str, ...]  # readable columns, in table order
    all_columns: bool
    row_filter: str | None  # None: every row; "0": none
    via: tuple[str, ...]  # principals whose grants allow it: user:x, role:r
    deciding: tuple[tuple[str, Grant], ...] = ()  # (principal, node) that allow the columns
    escalated: bool = False  # not granted, but the user may grant it to itself
    implicit: bool = False  # a users.xml user without <grants> (or a pre-RBAC server): all it may see

    @property
    def name(self) -> str:
        return f"{self.database}.{self.table}"


@dataclass
class AccessModel:
    """Effective privileges of every user of a snapshot."""

    users: dict[str, UserFacts]
    grants: dict[str, list[Grant]]  # principal (user:x / role:r) -> nodes
    role_grants: list[RoleGrantFacts]
    policies: list[RowPolicyFacts]
    implicit: dict[str, list[Grant]] = field(default_factory=dict)  # legacy full access per user
    rows_without_policy: bool = True

    @classmethod
    def build(cls, snapshot: Snapshot, users: Iterable[UserFacts] | None = None) -> AccessModel:
        """The model of ``users`` (default: the snapshot's); without grant facts everyone holds all."""
        by_name = {u.name: u for u in (snapshot.users or [] if users is None else users)}
        grants: dict[str, list[Grant]] = {}
        for g in snapshot.grants or []:
            grants.setdefault(g.grantee, []).append(grant_of(g))
        role_grants = list(snapshot.role_grants or [])
        model = cls(
            users=by_name,
            grants=grants,
            role_grants=role_grants,
            policies=list(snapshot.row_policies or []) if _enforces_row_policies(snapshot) else [],
            rows_without_policy=_rows_without_policy(snapshot),
        )
        if not grants_from_server(snapshot):
            holders = {g.user_name for g in role_grants if g.user_name}
            for user in by_name.values():
                key = f"user:{user.name}"
                if key not in grants and user.name not in holders:
                    model.implicit[user.name] = implicit_grants(user)
        return model

    # ---- roles ----------------------------------------------------------------------------

    def enabled_roles(
        self, user: str, *, all_roles: bool = False, active_roles: Sequence[str] | None = None
    ) -> list[str]:
        """Roles in effect: default roles (fresh session), all granted (SET ROLE ALL) or the ones
        set explicitly (SET ROLE r, ...; only roles the user holds count), each with the roles it holds."""
        held = [g.granted_role_name for g in self.role_grants if g.user_name == user]
        if active_roles is not None:
            frontier = [r for r in active_roles if r in held]
        elif all_roles:
            frontier = held
        else:
            frontier = [
                g.granted_role_name for g in self.role_grants if g.user_name == user and g.granted_role_is_default
            ]
        found: list[str] = []
        while frontier:
            role = frontier.pop(0)
            if role in found:
                continue
            found.append(role)
            frontier.extend(g.granted_role_name for g in self.role_grants if g.role_name == role)
        return found

    def principals(self, user: str, *, all_roles: bool = False, active_roles: Sequence[str] | None = None) -> list[str]:
        roles = self.enabled_roles(user, all_roles=all_roles, active_roles=active_roles)
        return [f"user:{user}", *(f"role:{r}" for r in roles)]

    def nodes_of(self, principal: str) -> list[Grant]:
        kind, _, name = principal.partition(":")
        if kind == "user" and name in self.implicit:
            return self.implicit[name]
        return self.grants.get(principal, [])

    # ---- privileges -----------------------------------------------------------------------

    def allowing(
        self,
        user: str,
        access: Iterable[str],
        database: str,
        table: str,
        column: str | None,
        *,
        all_roles: bool = False,
        active_roles: Sequence[str] | None = None,
    ) -> list[tuple[str, Grant]]:
        """(principal, deciding grant) of every principal of the user that allows the access."""
        types = tuple(access)
        allowed: list[tuple[str, Grant]] = []
        for principal in self.principals(user, all_roles=all_roles, active_roles=active_roles):
            node = decides(self.nodes_of(principal), types, database, table, column)
            if node is not None and not node.revoke:
                allowed.append((principal, node))
        return allowed

    def can_select(
        self,
        user: str,
        database: str,
        table: str,
        column: str,
        *,
        all_roles: bool = False,
        active_roles: Sequence[str] | None = None,
    ) -> bool:
        allowed = self.allowing(
            user, IMPLIES_SELECT, database, table, column, all_roles=all_roles, active_roles=active_roles
        )
        return bool(allowed)

    def can_escalate(self, user: str, *, all_roles: bool = False) -> bool:
        """The user may grant itself anything: access management, or ALL with grant option, globally."""
        facts = self.users.get(user)
        if facts is not None and facts.access_management:
            return True
        for principal in self.principals(user, all_roles=all_roles):
            for g in self.nodes_of(principal):
                if g.revoke or g.database is not None:
                    continue
                if g.access_type in ESCALATION_TYPES - {"ALL"} or (g.access_type == "ALL" and g.grant_option):
                    return True
        return False

    def write_grants(self, user: str) -> list[str]:
        """Principals and access types through which the user may change data or schema somewhere."""
        found: list[str] = []
        for principal in self.principals(user, all_roles=True):
            for g in self.nodes_of(principal):
                writes = g.access_type == "ALL" or g.access_type.startswith(WRITE_PREFIXES)
                if g.revoke or g.access_type in NOT_WRITES or not writes:
                    continue
                found.append(f"{g.access_type} ON {g.scope()} ({principal})")
        return found

    def table_access(self, user: str, table: TableFacts, *, all_roles: bool = False) -> TableAccess | None:
        """Readable columns, row filter and granting principals; None when nothing can be read."""
        columns = [name for name, _type in table.columns]
        readable: list[str] = []
        via: list[str] = []
        deciding: list[tuple[str, Grant]] = []
        for column in columns:
            allowed = self.allowing(user, IMPLIES_SELECT, table.database, table.name, column, all_roles=all_roles)
            if allowed:
                readable.append(column)
            for principal, node in allowed:
                if principal not in via:
                    via.append(principal)
                if (principal, node) not in deciding:
                    deciding.append((principal, node))
        escalated = False
        if not readable:
            if not self.can_escalate(user, all_roles=all_roles):
                return None
            readable, escalated = columns, True
        return TableAccess(
            database=table.database,
            table=table.name,
            columns=tuple(readable),
            all_columns=len(readable) == len(columns),
            row_filter=self.row_filter(user, table.database, table.name, all_roles=all_roles),
            via=tuple(via),
            deciding=tuple(deciding),
            escalated=escalated,
            implicit=user in self.implicit,
        )

    # ---- row policies ---------------------------------------------------------------------

    def row_filter(
        self,
        user: str,
        database: str,
        table: str,
        *,
        all_roles: bool = False,
        active_roles: Sequence[str] | None = None,
    ) -> str | None:
        """The filter ClickHouse adds to the user's reads of the table (None: no filter)."""
        on_table = [p for p in self.policies if p.database == database and p.table in (table, None, "", "*")]
        if not on_table:
            return None
        roles = set(self.enabled_roles(user, all_roles=all_roles, active_roles=active_roles))
        permissive: list[str] = []
        restrictive: list[str] = []
        for policy in on_table:
            if not _applies(policy, user, roles):
                continue
            condition = (policy.select_filter or "").strip()
            if not condition:
                continue
            (restrictive if policy.is_restrictive else permissive).append(condition)
        parts = list(restrictive)
        if permissive or not self.rows_without_policy:
            parts.append(_or(permissive))
        return _and(parts)


def _applies(policy: RowPolicyFacts, user: str, roles: set[str]) -> bool:
    names = {user, *roles}
    if policy.apply_to_all:
        return not (names & set(policy.apply_to_except))
    return bool(names & set(policy.apply_to_list))


def _or(conditions: list[str]) -> str:
    if not conditions:
        return FALSE_FILTER
    if any(c in TRUE_FILTERS for c in conditions):
        return "1"
    return conditions[0] if len(conditions) == 1 else " OR ".join(f"({c})" for c in conditions)


def _and(conditions: list[str]) -> str | None:
    kept = [c for c in conditions if c not in TRUE_FILTERS]
    if not kept:
        return None
    if FALSE_FILTER in kept:
        return FALSE_FILTER
    return kept[0] if len(kept) == 1 else " AND ".join(f"({c})" for c in kept)


def grants_from_server(snapshot: Snapshot) -> bool:
    """True when grants are the server's own expansion (system.grants), not parsed from users.xml."""
    return (
        snapshot.capabilities.has_sql_rbac
        and snapshot.connection.kind in ("live", "embedded")
        and "grants" not in snapshot.facts_from_config
        and snapshot.grants is not None
    )


def implicit_grants(user: UserFacts) -> list[Grant]:
    """A users.xml user without <grants>: everything (but access management) on its allowed databases."""
    if user.allow_databases is None:
        return [Grant("ALL")]
    return [Grant("ALL", database=db) for db in user.allow_databases]


def _enforces_row_policies(snapshot: Snapshot) -> bool:
    """Servers older than XML row filters read the <filter> of users.xml and ignore it."""
    return not lacks(snapshot, XML_ROW_FILTERS_SINCE)


def _rows_without_policy(snapshot: Snapshot) -> bool:
    value = (snapshot.server_config or {}).get("access_control_improvements.users_without_row_policies_can_read_rows")
    if value is not None and value.value.strip():
        return value.value.strip().lower() in ("1", "true", "yes", "on")
    return True
