"""Effective privileges on hand-built facts: the ClickHouse rules one at a time.

The engine itself is the judge in tests/integration/test_privilege_agreement.py (200 generated
users on chdb); these cases pin each rule so a regression names the rule it broke.
"""

from __future__ import annotations

import dataclasses

import pytest

from chwarden.analysis.access import AccessModel, Grant, decides
from chwarden.facts import (
    Capabilities,
    ConfigValue,
    ConnectionInfo,
    GrantFacts,
    RoleGrantFacts,
    RowPolicyFacts,
    Snapshot,
    TableFacts,
    UserFacts,
)

T1 = TableFacts(database="d1", name="t1", engine="MergeTree", columns=[("a", "UInt8"), ("b", "String")])


def snap(
    grants: list[GrantFacts] | None = None,
    role_grants: list[RoleGrantFacts] | None = None,
    policies: list[RowPolicyFacts] | None = None,
    users: list[UserFacts] | None = None,
    rbac: bool = True,
) -> Snapshot:
    return Snapshot(
        target="t",
        connection=ConnectionInfo(kind="live"),
        capabilities=Capabilities(has_sql_rbac=rbac),
        users=users if users is not None else [UserFacts(name="u"), UserFacts(name="v")],
        grants=grants if grants is not None else [],
        role_grants=role_grants or [],
        row_policies=policies or [],
    )


def g(
    access: str, db: str | None = None, table: str | None = None, column: str | None = None, **kw: object
) -> GrantFacts:
    return GrantFacts(user_name="u", access_type=access, database=db, table=table, column=column, **kw)  # type: ignore[arg-type]


def test_most_specific_node_decides() -> None:
    model = AccessModel.build(
        snap([g("SELECT"), g("SELECT", "d1", is_partial_revoke=True), g("SELECT", "d1", "t1", "a")])
    )
    assert model.can_select("u", "d1", "t1", "a")
    assert not model.can_select("u", "d1", "t1", "b")
    assert model.can_select("u", "d2", "x", "b")
    access = model.table_access("u", T1)
    assert access is not None and access.columns == ("a",) and not access.all_columns


def test_all_implies_select_and_revoke_all_removes_it() -> None:
    model = AccessModel.build(snap([g("ALL", "d1"), g("ALL", "d1", "t1", is_partial_revoke=True)]))
    assert model.can_select("u", "d1", "other", "a")
    assert not model.can_select("u", "d1", "t1", "a")
    assert model.table_access("u", T1) is None


def test_other_access_types_do_not_grant_select() -> None:
    model = AccessModel.build(snap([g("INSERT"), g("SHOW TABLES")]))
    assert not model.can_select("u", "d1", "t1", "a")


def test_wildcards_longer_prefix_and_exact_names_win() -> None:
    nodes = [
        Grant("SELECT", "d1", "t", wildcard=True),
        Grant("SELECT", "d1", "t1", wildcard=True, revoke=True),
        Grant("SELECT", "d1", "t11"),
        Grant("SELECT", "d2", wildcard=True),
    ]
    assert decides(nodes, {"SELECT"}, "d1", "t2", "a") == nodes[0]
    assert decides(nodes, {"SELECT"}, "d1", "t12", "a") == nodes[1]
    assert decides(nodes, {"SELECT"}, "d1", "t11", "a") == nodes[2]
    assert decides(nodes, {"SELECT"}, "d22", "x", "a") == nodes[3]
    assert decides(nodes, {"SELECT"}, "d3", "x", "a") is None
    assert nodes[0].scope() == "d1.t*" and nodes[3].scope() == "d2*.*"


def test_roles_default_all_and_explicit_with_role_of_role() -> None:
    grants = [
        GrantFacts(role_name="r1", access_type="SELECT", database="d1", table="t1"),
        GrantFacts(role_name="r2", access_type="SELECT", database="d2"),
    ]
    role_grants = [
        RoleGrantFacts(user_name="u", granted_role_name="r1", granted_role_is_default=False),
        RoleGrantFacts(role_name="r1", granted_role_name="r2"),
    ]
    model = AccessModel.build(snap(grants, role_grants))
    assert not model.can_select("u", "d1", "t1", "a")  # r1 is not a default role
    assert model.can_select("u", "d1", "t1", "a", all_roles=True)
    assert model.can_select("u", "d2", "x", "a", active_roles=["r1"])  # r1 brings r2
    assert not model.can_select("u", "d2", "x", "a", active_roles=["r2"])  # u does not hold r2 itself
    access = model.table_access("u", T1, all_roles=True)
    assert access is not None and access.via == ("role:r1",)


def test_union_of_principals_reopens_a_revoke() -> None:
    grants = [g("SELECT"), g("SELECT", "d1", "t1", is_partial_revoke=True)]
    grants.append(GrantFacts(role_name="r", access_type="SELECT", database="d1", table="t1", column="b"))
    model = AccessModel.build(snap(grants, [RoleGrantFacts(user_name="u", granted_role_name="r")]))
    assert model.can_select("u", "d1", "t1", "b") and not model.can_select("u", "d1", "t1", "a")


def policy(name: str, cond: str, to: list[str], restrictive: bool = False, **kw: object) -> RowPolicyFacts:
    return RowPolicyFacts(
        name=name,
        database="d1",
        table="t1",
        select_filter=cond,
        is_restrictive=restrictive,
        apply_to_list=to,
        **kw,  # type: ignore[arg-type]
    )


def test_row_policies_permissive_or_restrictive_and() -> None:
    policies = [
        policy("p1", "a = 1", ["u"]),
        policy("p2", "a = 2", ["r"]),
        policy("p3", "b != 'x'", [], restrictive=True, apply_to_all=True),
    ]
    model = AccessModel.build(snap([g("SELECT")], [RoleGrantFacts(user_name="u", granted_role_name="r")], policies))
    assert model.row_filter("u", "d1", "t1") == "(b != 'x') AND ((a = 1) OR (a = 2))"
    assert model.row_filter("u", "d1", "t1", active_roles=[]) == "(b != 'x') AND (a = 1)"
    assert model.row_filter("u", "d1", "t2") is None


@pytest.mark.parametrize(("flag", "expected"), [(None, None), ("1", None), ("0", "0")])
def test_users_without_a_policy_see_all_rows_unless_the_server_says_otherwise(
    flag: str | None, expected: str | None
) -> None:
    s = snap([g("SELECT")], policies=[policy("p", "a = 1", ["v"])])
    if flag is not None:
        key = "access_control_improvements.users_without_row_policies_can_read_rows"
        s.server_config = {key: ConfigValue(values=[flag])}
    assert AccessModel.build(s).row_filter("u", "d1", "t1") == expected


def test_apply_to_all_except() -> None:
    s = snap([g("SELECT")], policies=[policy("p", "a = 1", [], apply_to_all=True, apply_to_except=["u"])])
    model = AccessModel.build(s)
    assert model.row_filter("u", "d1", "t1") is None
    assert model.row_filter("v", "d1", "t1") == "a = 1"


def test_legacy_server_users_hold_everything_on_allowed_databases() -> None:
    users = [UserFacts(name="u"), UserFacts(name="v", allow_databases=["system"])]
    model = AccessModel.build(snap([], users=users, rbac=False))
    assert model.can_select("u", "d1", "t1", "a")
    assert not model.can_select("v", "d1", "t1", "a")
    access = model.table_access("u", T1)
    assert access is not None and access.implicit and access.all_columns


def test_live_grants_are_taken_as_the_server_expanded_them() -> None:
    model = AccessModel.build(snap([], users=[UserFacts(name="u")]))  # RBAC server, no grant rows
    assert not model.can_select("u", "d1", "t1", "a")


def test_access_management_escalates() -> None:
    users = [UserFacts(name="u", access_management=True), UserFacts(name="v")]
    model = AccessModel.build(snap([GrantFacts(user_name="v", access_type="ROLE ADMIN")], users=users))
    access = model.table_access("u", T1)
    assert access is not None and access.escalated
    assert model.can_escalate("v")
    grant = dataclasses.replace(Grant("ALL", grant_option=True))
    assert grant.sql("`w`") == "GRANT ALL ON *.* TO `w` WITH GRANT OPTION"
