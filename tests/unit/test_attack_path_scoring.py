"""Attack-path scoring (assess/paths.py): boundary tables for every threshold and factor, exact paths.

The scenario below has one path per rule: an anonymous user, a role with a row filter, a column
grant, a non-default role, access management held directly and through a non-default role, a user
whose networks are unknown, a table with a zero row filter, a table the catalogue does not list.
Its full output is pinned in tests/data/assess/paths_golden.json; the numbers that decide the ranking
are also written out below from the formulas (likelihood = reach x endpoint x auth [x 0.9 escalation],
impact = class weight x size factor [x 0.6 row filter] [x 0.9 partial columns]).
"""

from __future__ import annotations

import json
from pathlib import Path as FilePath
from typing import Any

import pytest

from chwarden.assess.fixes import Cut
from chwarden.assess.graph import Step
from chwarden.assess.paths import Path, choose_cuts, enumerate_paths, rank, size_factor, users_of
from chwarden.assess.sensitivity import DataClass, TableData
from chwarden.facts import (
    AnonymousLogin,
    Capabilities,
    ConnectionInfo,
    GrantFacts,
    RoleGrantFacts,
    RowPolicyFacts,
    ServerInfo,
    Snapshot,
    TableFacts,
    UserFacts,
)
from chwarden.model import Endpoint, Remediation, Severity

GOLDEN = FilePath(__file__).parent.parent / "data" / "assess" / "paths_golden.json"
ANY = ["::/0"]


def _sha(name: str, **facts: Any) -> UserFacts:
    return UserFacts(name=name, auth_types=["sha256_password"], storage="local_directory", **facts)


def scenario() -> tuple[Snapshot, dict[tuple[str, str], TableData]]:
    snapshot = Snapshot(
        target="http://db:8123",
        connection=ConnectionInfo(
            kind="live", host="db", port=8123, protocol="http", user="admin", password_given=True
        ),
        capabilities=Capabilities(has_sql_rbac=True),
        server=ServerInfo(version="24.8.1.1"),
        anonymous_login=[AnonymousLogin(protocol="http", port=8123, accepted=True)],
        endpoints=[
            Endpoint(host="db", port=8443, protocol="https", clickhouse=True, tls=True),
            Endpoint(host="db", port=8123, protocol="http", clickhouse=True),
        ],
        users=[
            UserFacts(name="default", auth_types=["no_password"], host_ip=ANY),
            _sha("alice", host_ip=ANY),
            UserFacts(name="bob", auth_types=["plaintext_password"], host_ip=["10.0.0.0/8"], storage="local_directory"),
            UserFacts(name="carol", auth_types=["scram_sha256_password"], host_local=True, access_management=True),
            _sha("dave", host_ip=ANY),
            _sha("erin", host_local=True),
            _sha("frank", networks_known=False),
        ],
        grants=[
            GrantFacts(user_name="default", access_type="SELECT", database="app", table="chats"),
            GrantFacts(user_name="default", access_type="SELECT", database="app", table="vault"),
            GrantFacts(role_name="reader", access_type="SELECT", database="app", table="chats"),
            GrantFacts(role_name="reader", access_type="SELECT", database="app", table="vault"),
            GrantFacts(user_name="bob", access_type="SELECT", database="app", table="chats", column="user_id"),
            GrantFacts(role_name="dba", access_type="ACCESS MANAGEMENT"),
            GrantFacts(user_name="frank", access_type="SELECT", database="app", table="vault"),
            GrantFacts(user_name="erin", access_type="SELECT", database="app", table="chats"),
            # app.wide: c1 through role ops:eu, c2 through reader, c2-c5 granted to bob himself
            GrantFacts(role_name="ops:eu", access_type="SELECT", database="app", table="wide", column="c1"),
            GrantFacts(role_name="reader", access_type="SELECT", database="app", table="wide", column="c2"),
            *(
                GrantFacts(user_name="bob", access_type="SELECT", database="app", table="wide", column=c)
                for c in ("c2", "c3", "c4", "c5")
            ),
            GrantFacts(user_name="bob", access_type="SELECT", database="app", table="archive", column="id"),
        ],
        role_grants=[
            RoleGrantFacts(user_name="alice", granted_role_name="reader"),
            RoleGrantFacts(user_name="dave", granted_role_name="reader", granted_role_is_default=False),
            RoleGrantFacts(user_name="erin", granted_role_name="dba", granted_role_is_default=False),
            RoleGrantFacts(user_name="alice", granted_role_name="ops:eu"),
            RoleGrantFacts(user_name="bob", granted_role_name="ops:eu"),
        ],
        row_policies=[
            RowPolicyFacts(
                name="p ON app.chats",
                database="app",
                table="chats",
                select_filter="user_id = 1",
                apply_to_list=["alice"],
            ),
            RowPolicyFacts(
                name="q ON app.vault", database="app", table="vault", select_filter="0", apply_to_list=["default"]
            ),
        ],
        tables=[
            TableFacts(
                database="app",
                name="chats",
                engine="MergeTree",
                total_rows=50000,
                columns=[("user_id", "UInt64"), ("prompt", "String")],
            ),
            TableFacts(database="app", name="vault", engine="MergeTree", columns=[("key", "String")]),
            TableFacts(
                database="app",
                name="wide",
                engine="MergeTree",
                total_rows=12,
                columns=[(f"c{i}", "String") for i in range(1, 7)],
            ),
            TableFacts(
                database="app",
                name="archive",
                engine="Log",
                total_rows=5,
                columns=[("id", "UInt64"), ("token", "String")],
            ),
        ],
    )
    data = {
        ("app", "chats"): TableData(
            "app",
            "chats",
            50000,
            [
                DataClass("personal", 100, ("user_id",)),
                DataClass("conversation", 40000, ("prompt",), detectors=("chat_roles",), sampled=True),
            ],
        ),
        # the catalogue does not know its size, discover counted the rows but not per class
        ("app", "vault"): TableData("app", "vault", 300, [DataClass("secret", None, ())]),
        ("app", "wide"): TableData(
            "app", "wide", 12, [DataClass("secret", 12, ("c1",)), DataClass("personal", 3, ("c6",))]
        ),
        # bob reads app.archive, but not the column that holds the token: no path (and the walk goes on)
        ("app", "archive"): TableData("app", "archive", 5, [DataClass("secret", 5, ("token",))]),
        # Not in the catalogue (dropped since discover ran); one class bound to a column it cannot see.
        ("app", "ghost"): TableData(
            "app",
            "ghost",
            7,
            [DataClass("secret", 7, (), source="inferred"), DataClass("personal", 7, ("email",), source="inferred")],
        ),
    }
    return snapshot, data


def scored(snapshot: Snapshot, data: dict[tuple[str, str], TableData]) -> list[dict[str, Any]]:
    paths = enumerate_paths(snapshot, data)
    choose_cuts(paths)
    return [
        {"target": p.target, "cuts": [c.action for c in p.cuts], "model": p.to_model().model_dump(mode="json")}
        for p in rank(paths)
    ]


def test_every_path_of_the_scenario_is_exactly_as_pinned() -> None:
    """Kills most enumerate_paths, _table_step, _data_step, _impact and to_model mutants at once."""
    assert scored(*scenario()) == json.loads(GOLDEN.read_text(encoding="utf-8"))


def _by_user(rows: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    out = {}
    for row in rows:
        steps = row["model"]["steps"]
        user = next(s["user"] for s in steps if s["kind"] == "principal")
        out[(user, steps[-1]["id"].removeprefix("data:"))] = row["model"]
    return out


def test_the_numbers_follow_the_formulas() -> None:
    """Written out by hand, so the pinned file is not its own oracle."""
    paths = _by_user(scored(*scenario()))
    # anonymous default: 1 x 1 x 1; conversation 0.9 x size(40,000 rows) = 0.9 x 1.0
    assert (paths[("default", "app.chats")]["likelihood"], paths[("default", "app.chats")]["impact"]) == (1.0, 0.9)
    assert paths[("default", "app.chats")]["severity"] == "critical"
    # alice through role reader, rows where user_id = 1: 0.4 (unsalted hash); 0.9 x 1.0 x 0.6
    assert (paths[("alice", "app.chats")]["likelihood"], paths[("alice", "app.chats")]["impact"]) == (0.4, 0.54)
    # bob, column user_id only: 0.4 (internal network 10.0.0.0/8) x 0.6 (plaintext); personal 0.8 x size(100) x 0.9
    assert paths[("bob", "app.chats")]["likelihood"] == 0.24
    assert paths[("bob", "app.chats")]["impact"] == round(0.8 * (0.6 + 0.1 * 2.0043213737826426) * 0.9, 4)
    # carol, access management on loopback: 0.1 x 0.3 (salted) x 0.9 (escalation); secret 1.0 x size(300 rows)
    assert (paths[("carol", "app.vault")]["likelihood"], paths[("carol", "app.vault")]["impact"]) == (0.027, 0.8479)
    assert ("default", "app.vault") not in paths  # a row filter of 0 reads nothing
    assert ("dave", "app.chats") in paths  # a role granted but not default still opens the table
    assert ("erin", "app.chats") in paths
    assert ("bob", "app.archive") not in paths  # granted, but not the column holding the secret
    wide = [s["label"] for s in paths[("bob", "app.wide")]["steps"]]
    assert wide[3:] == ["SELECT on app.wide (columns c1, c2, c3, c4, 12 rows)", "secret (12 rows)"]  # first 4 columns
    assert [s["label"] for s in paths[("alice", "app.wide")]["steps"]][3] == "role ops:eu"  # one role step


@pytest.mark.parametrize(
    ("rows", "factor"),
    [(None, 0.85), (0, 0.6), (9, 0.7), (99, 0.8), (999, 0.9), (9_999, 1.0), (10**9, 1.0)],
)
def test_size_factor_table(rows: int | None, factor: float) -> None:
    """1 + rows: 0 rows weigh 0.6 (log10(1) = 0), each factor of 10 adds 0.1, capped at 1 (rows +/- 1 mutants)."""
    assert size_factor(rows) == pytest.approx(factor)


def _path(score: float, cuts: list[Cut] | None = None, target: str = "t") -> Path:
    step = Step("data", "data:x", "secret", 1.0)
    return Path(target, [step], 1.0, score, cuts or [])


@pytest.mark.parametrize(
    ("score", "severity"),
    [
        (0.7001, Severity.CRITICAL),
        (0.7, Severity.CRITICAL),
        (0.6999, Severity.HIGH),
        (0.3001, Severity.HIGH),
        (0.3, Severity.HIGH),
        (0.2999, Severity.MEDIUM),
        (0.1001, Severity.MEDIUM),
        (0.1, Severity.MEDIUM),
        (0.0999, Severity.LOW),
        (0.0301, Severity.LOW),
        (0.03, Severity.LOW),
        (0.0299, Severity.INFO),
        (0.0, Severity.INFO),
    ],
)
def test_severity_thresholds_just_below_at_and_above(score: float, severity: Severity) -> None:
    assert _path(score).severity is severity


def cut(key: str, cost: float) -> Cut:
    return Cut(key=key, action=f"do {key}", step_id="s", cost=cost, remediation=Remediation(text=key))


def test_cheapest_cut_is_the_lowest_cost_per_path_broken() -> None:
    """A cut shared by three paths (3 / 3 = 1.0) beats a private one of cost 1.5 (choice mutants)."""
    paths = [_path(0.5, [cut("private", 1.5), cut("shared", 3.0)]), _path(0.5, [cut("shared", 3.0)])]
    paths.append(_path(0.5, [cut("shared", 3.0)]))
    choose_cuts(paths)
    assert [p.cut.key if p.cut else None for p in paths] == ["shared", "shared", "shared"]


def test_cheapest_cut_tie_goes_to_the_cut_breaking_more_paths() -> None:
    """Same cost per path (1 / 1 and 2 / 2): the one that breaks more paths wins (-breaks -> +breaks)."""
    paths = [_path(0.5, [cut("alone", 1.0), cut("both", 2.0)]), _path(0.5, [cut("both", 2.0)])]
    choose_cuts(paths)
    assert paths[0].cut is not None and paths[0].cut.key == "both"


def test_cheapest_cut_full_tie_keeps_the_listed_order() -> None:
    paths = [_path(0.5, [cut("first", 1.0), cut("second", 1.0)])]
    choose_cuts(paths)
    assert paths[0].cut is not None and paths[0].cut.key == "first"


def test_a_path_without_cut_has_no_fix() -> None:
    path = _path(0.5)
    choose_cuts([path])
    model = path.to_model()
    assert path.summary() == "secret"
    assert (model.fix, model.fix_action) == (None, None)


def test_rank_by_score_then_target_then_summary() -> None:
    paths = [_path(0.5, target="b"), _path(0.9, target="c"), _path(0.5, target="a")]
    assert [p.target for p in rank(paths)] == ["c", "a", "b"]


@pytest.mark.parametrize(
    ("connection", "expected"),
    [
        (
            ConnectionInfo(user="app", password_given=False),
            UserFacts(name="app", auth_types=["no_password"], networks_known=False),
        ),
        (ConnectionInfo(user="app", password_given=True), UserFacts(name="app", auth_types=[], networks_known=False)),
        (ConnectionInfo(), UserFacts(name="default", auth_types=["no_password"], networks_known=False)),
    ],
)
def test_users_of_without_a_user_list_is_the_session_user(connection: ConnectionInfo, expected: UserFacts) -> None:
    """When the audit could not list users, the login it used is the one principal known."""
    assert users_of(Snapshot(target="t", connection=connection)) == [expected]


def test_users_of_with_a_user_list_is_that_list() -> None:
    users = [_sha("a"), _sha("b")]
    assert users_of(Snapshot(target="t", users=users)) == users


def test_legacy_snapshot_without_users_gives_the_session_users_path() -> None:
    """An 18.x audit without users.xml: the anonymous session user reads every table."""
    snapshot = Snapshot(
        target="http://old:8123",
        connection=ConnectionInfo(kind="live", host="old", port=8123, protocol="https", tls=True, user="default"),
        tables=[TableFacts(database="logs", name="log_stream", engine="MergeTree", columns=[("message", "String")])],
    )
    data = {("logs", "log_stream"): TableData("logs", "log_stream", None, [DataClass("secret", None, ())])}
    [row] = scored(snapshot, data)
    # reach unknown 0.7 x TLS endpoint 0.9 x no password 1.0; secret 1.0 x unknown size 0.85
    assert (row["model"]["likelihood"], row["model"]["impact"]) == (0.63, 0.85)
    assert row["model"]["severity"] == "high"
    assert row["model"]["steps"][3]["label"] == "SELECT on logs.log_stream (all columns)"  # no row count known
    assert row["target"] == "http://old:8123"
