"""Parse the simple GRANT/REVOKE statements users.xml allows under `<grants><query>`.

Forms: `GRANT priv[(cols)][, ...] ON db.table [WITH GRANT OPTION]`, the same with REVOKE (a partial
revoke), and `GRANT role[, ...] [WITH ADMIN OPTION]`. Anything else is reported as unparsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chwarden.facts import GrantFacts, RoleGrantFacts

_STATEMENT = re.compile(r"(?is)^\s*(GRANT|REVOKE)\s+(.+?)\s*;?\s*$")
_WITH_OPTION = re.compile(r"(?is)\s+WITH\s+(GRANT|ADMIN)\s+OPTION\s*$")
_TO_CLAUSE = re.compile(r"(?is)\s+(?:TO|FROM)\s+[^()]*$")
_ON = re.compile(r"(?i)\s+ON\s+")
_PRIVILEGE = re.compile(r"(?s)^\s*([A-Za-z][A-Za-z0-9_ ]*?)\s*(?:\((.*)\))?\s*$")
_ALIASES = {"ALL PRIVILEGES": "ALL"}
_NAME = r"(`[^`]*`|\"[^\"]*\"|[^.\s`\"']+)"
_TARGET = re.compile(rf"\s*{_NAME}(?:\.{_NAME})?\s*")


@dataclass
class ParsedGrants:
    grants: list[GrantFacts] = field(default_factory=list)
    role_grants: list[RoleGrantFacts] = field(default_factory=list)


def _split_top_level(text: str) -> list[str]:
    """Split on commas outside parentheses (`SELECT(a, b), INSERT`)."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def _unquote(name: str) -> str:
    name = name.strip()
    if len(name) >= 2 and name[0] == name[-1] and name[0] in "`\"'":
        return name[1:-1]
    return name


def _target(text: str) -> tuple[str | None, str | None]:
    """`db.table` -> (db, table); `*` parts mean "all" (None)."""
    match = _TARGET.fullmatch(text)
    if match is None:
        raise ValueError(f"cannot read the target {text!r}")
    first, second = _unquote(match.group(1)), match.group(2)
    if second is None:
        return None, None if first == "*" else first
    table = _unquote(second)
    return (None if first == "*" else first), (None if table == "*" else table)


def parse_grant(query: str, *, user: str | None = None, role: str | None = None) -> ParsedGrants:
    """Facts for one statement given to ``user`` or ``role``; raises ValueError when unreadable."""
    statement = _STATEMENT.match(query)
    if statement is None:
        raise ValueError("not a GRANT or REVOKE statement")
    verb, body = statement.group(1).upper(), statement.group(2)
    option = _WITH_OPTION.search(body)
    if option is not None:
        body = body[: option.start()]
    body = _TO_CLAUSE.sub("", body)
    parsed = ParsedGrants()
    pieces = _ON.split(body)
    if len(pieces) == 1:
        if verb == "REVOKE":
            raise ValueError("role revokes are not supported in users.xml")
        admin = option is not None and option.group(1).upper() == "ADMIN"
        for granted in _split_top_level(body):
            parsed.role_grants.append(
                RoleGrantFacts(
                    user_name=user,
                    role_name=role,
                    granted_role_name=_unquote(granted),
                    with_admin_option=admin,
                )
            )
        return parsed
    if len(pieces) != 2:
        raise ValueError("more than one ON clause")
    database, table = _target(pieces[1])
    grant_option = option is not None and option.group(1).upper() == "GRANT"
    for privilege in _split_top_level(pieces[0]):
        match = _PRIVILEGE.match(privilege)
        if match is None:
            raise ValueError(f"cannot read the privilege {privilege!r}")
        access = " ".join(match.group(1).upper().split())
        access = _ALIASES.get(access, access)
        columns: list[str | None] = [_unquote(c) for c in _split_top_level(match.group(2) or "")]
        for column in columns or [None]:
            parsed.grants.append(
                GrantFacts(
                    user_name=user,
                    role_name=role,
                    access_type=access,
                    database=database,
                    table=table,
                    column=column,
                    is_partial_revoke=verb == "REVOKE",
                    grant_option=grant_option,
                )
            )
    return parsed
