"""Acceptance 3: chwarden's effective privileges agree with the engine on generated access setups.

For each batch, one admin config defines 20 generated users (grants, partial revokes, wildcard
grants, grant options, roles holding roles, row filters). chwarden collects the facts as it would
from any server (its live collector on the embedded engine) and computes, per user, which column
of which table is readable and which rows a row policy leaves. Then, per user, the engine itself
is asked: a session whose `default` IS that user (chdb logs in only as `default`) runs a real
``SELECT col FROM table`` for every column (allowed vs code 497) and counts the rows it returns;
once with the default roles and once after ``SET ROLE NONE``. The admin session evaluates the
row filter chwarden predicts (``SELECT count() ... WHERE <filter>``) for the expected counts.
"""

from __future__ import annotations

import dataclasses
import random
import time
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

import pytest

from chwarden.analysis.access import AccessModel
from chwarden.connect.base import GuardedConnection
from chwarden.connect.embedded import EmbeddedTransport
from chwarden.connect.target import Target
from chwarden.sources.live import collect_live
from tests.harness.chdb_env import write_chdb_config

pytestmark = pytest.mark.embedded

TABLES = (("d1", "t1"), ("d1", "t11"), ("d1", "u1"), ("d2", "t1"), ("d22", "t1"))
COLUMNS = ("a", "b", "c")
ROWS = [(i, f"x{i}", f"y{i % 2}") for i in range(1, 7)]
ROLES = ("r1", "r2", "r3")
FILTERS = ("a > 2", "a IN (1, 3, 5)", "b = 'x2'", "c = 'y1'", "1", "0", "a < 3 AND c = 'y0'")
USERS_PER_BATCH = 20
BATCHES = 10


def _scope(rng: random.Random) -> str:
    db, table = rng.choice(TABLES)
    return rng.choice(["*.*", f"{db}.*", f"{db}.{table}", f"{db}.{table}", "d2*.*", "d1.t1*", "d1.t*", f"{db}.{table}"])


def _statement(rng: random.Random) -> str:
    """One GRANT or REVOKE, SELECT-relevant most of the time."""
    kind = rng.random()
    db, table = rng.choice(TABLES)
    col = rng.choice(COLUMNS)
    option = " WITH GRANT OPTION" if rng.random() < 0.2 else ""
    if kind < 0.35:
        return f"GRANT SELECT ON {_scope(rng)}{option}"
    if kind < 0.5:
        return f"GRANT SELECT({col}) ON {db}.{table}{option}"
    if kind < 0.57:
        return f"GRANT ALL ON {rng.choice([f'{db}.*', f'{db}.{table}'])}"
    if kind < 0.62:
        return f"GRANT INSERT ON {_scope(rng)}"
    if kind < 0.8:
        return f"REVOKE SELECT ON {rng.choice([f'{db}.*', f'{db}.{table}', 'd1.t1*'])}"
    if kind < 0.92:
        return f"REVOKE SELECT({col}) ON {db}.{table}"
    return f"REVOKE ALL ON {db}.{table}"


def _grants_xml(statements: list[str]) -> str:
    return "<grants>" + "".join(f"<query>{s}</query>" for s in statements) + "</grants>" if statements else ""


@dataclasses.dataclass
class GeneratedUser:
    name: str
    statements: list[str]
    filters: dict[tuple[str, str], str]

    def body(self, as_name: str, password: str) -> str:
        dbs: dict[str, list[str]] = {}
        for (db, table), condition in self.filters.items():
            dbs.setdefault(db, []).append(f"<{table}><filter>{escape(condition, quote=False)}</filter></{table}>")
        databases = "<databases>" + "".join(f"<{d}>{''.join(t)}</{d}>" for d, t in dbs.items()) + "</databases>"
        return (
            f"<{as_name}>{password}<networks><ip>::/0</ip></networks><profile>default</profile>"
            f"<quota>default</quota>{_grants_xml(self.statements)}{databases if self.filters else ''}</{as_name}>"
        )


def generate_batch(rng: random.Random, batch: int) -> tuple[dict[str, list[str]], list[GeneratedUser]]:
    roles: dict[str, list[str]] = {r: [_statement(rng) for _ in range(rng.randint(0, 3))] for r in ROLES}
    if rng.random() < 0.6:
        roles["r1"].append("GRANT r2")  # a role holding a role
    users = []
    for i in range(USERS_PER_BATCH):
        statements = [_statement(rng) for _ in range(rng.randint(1, 5))]
        statements += [f"GRANT {r}" for r in rng.sample(ROLES, rng.randint(0, 2))]
        rng.shuffle(statements)
        filters = {rng.choice(TABLES): rng.choice(FILTERS) for _ in range(rng.randint(0, 2))}
        users.append(GeneratedUser(f"u{batch}_{i}", statements, filters))
    return roles, users


def _roles_xml(roles: dict[str, list[str]]) -> str:
    return "<roles>" + "".join(f"<{r}>{_grants_xml(s)}</{r}>" for r, s in roles.items()) + "</roles>"


ADMIN_DEFAULT = (
    "<default><password></password><networks><ip>::/0</ip></networks><profile>default</profile>"
    "<quota>default</quota><access_management>1</access_management></default>"
)


def _config(users_xml: str, roles: dict[str, list[str]]) -> str:
    return f"<profiles><default/></profiles><users>{users_xml}</users>{_roles_xml(roles)}<quotas><default/></quotas>"


class Engine:
    """Sequential chdb sessions on one data path (one engine per process)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data"
        self.count = 0

    def open(self, body: str) -> tuple[Any, Path]:
        from chdb import session as chdb_session

        self.count += 1
        config = write_chdb_config(self.root / f"c{self.count}.xml", body)
        return chdb_session.Session(f"{self.data}?config-file={config}"), config


def _rows(session: Any, sql: str) -> list[str] | int:
    """Returned lines, or the error code (497 = access denied)."""
    try:
        text = session.query(sql, "TSV").bytes().decode()
    except Exception as exc:  # chdb raises RuntimeError subclasses carrying the server code
        message = str(exc)
        return 497 if "ACCESS_DENIED" in message or "Code: 497" in message else -1
    return [line for line in text.splitlines() if line]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    eng = Engine(tmp_path_factory.mktemp("agreement"))
    session, _ = eng.open(_config(ADMIN_DEFAULT, {}))
    try:
        values = ",".join(f"({a},'{b}','{c}')" for a, b, c in ROWS)
        for db in sorted({d for d, _ in TABLES}):
            session.query(f"CREATE DATABASE IF NOT EXISTS {db}")
        for db, table in TABLES:
            session.query(f"CREATE TABLE {db}.{table} (a UInt8, b String, c String) ENGINE = MergeTree ORDER BY a")
            session.query(f"INSERT INTO {db}.{table} VALUES {values}")
    finally:
        session.close()
    yield eng


def _wildcards(session: Any) -> set[tuple[Any, ...]]:
    """Grant rows the engine marks as wildcards. GrantFacts has no is_wildcard field yet (requested);
    until it does, the test supplies the flag next to what chwarden's collector read."""
    rows = _rows(
        session,
        "SELECT ifNull(user_name, ''), ifNull(role_name, ''), access_type, database, table, column, "
        "is_partial_revoke FROM system.grants WHERE is_wildcard",
    )
    assert isinstance(rows, list)
    found = set()
    for line in rows:
        user, role, access, db, table, _column, revoke = line.split("\t")
        principal = f"user:{user}" if user else f"role:{role}"
        found.add((principal, access, None if db == "\\N" else db, None if table == "\\N" else table, revoke == "1"))
    return found


def _model(session: Any, config: Path, data: Path) -> AccessModel:
    target = Target(scheme="chdb", path=str(data), config_file=str(config))
    conn = GuardedConnection(EmbeddedTransport(str(data), str(config), session=session), description="agreement")
    snapshot = collect_live(conn, target, "default", password_given=False, probe_ports=False)
    assert snapshot.grants is not None and snapshot.role_grants is not None and snapshot.row_policies is not None
    model = AccessModel.build(snapshot)
    wild = _wildcards(session)
    for principal, nodes in model.grants.items():
        model.grants[principal] = [
            dataclasses.replace(g, wildcard=True)
            if (principal, g.access_type, g.database, g.table, g.revoke) in wild
            else g
            for g in nodes
        ]
    return model


@dataclasses.dataclass
class Tally:
    users: int = 0
    checks: int = 0
    allowed: int = 0
    denied: int = 0
    narrowed: int = 0  # allowed, but a row policy hides rows
    wildcard_nodes: int = 0
    partial_revokes: int = 0
    disagreements: list[str] = dataclasses.field(default_factory=list)


def _expected(
    session: Any, model: AccessModel, user: str, roles: list[str] | None, counts: dict[str, int]
) -> dict[str, Any]:
    """What chwarden predicts per `db.table.col`: None (denied) or the row count its filter leaves
    (``counts``: the admin session's answers so far, by query; the data never changes)."""
    expected: dict[str, Any] = {}
    for db, table in TABLES:
        condition = model.row_filter(user, db, table, active_roles=roles)
        query = f"SELECT count() FROM {db}.{table} WHERE {condition or '1'}"
        if query not in counts:
            answer = _rows(session, query)
            assert isinstance(answer, list)
            counts[query] = int(answer[0])
        for col in COLUMNS:
            allowed = model.can_select(user, db, table, col, active_roles=roles)
            expected[f"{db}.{table}.{col}"] = counts[query] if allowed else None
    return expected


def _observed(session: Any) -> dict[str, Any]:
    """Per column, the rows the engine returns (None: denied). A table whose columns are all readable
    answers one ``SELECT a, b, c`` (the same rows for each: a row policy is per table); otherwise each
    column is asked alone."""
    seen: dict[str, Any] = {}
    for db, table in TABLES:
        together = _rows(session, f"SELECT {', '.join(COLUMNS)} FROM {db}.{table}")
        for col in COLUMNS:
            result = together if isinstance(together, list) else _rows(session, f"SELECT {col} FROM {db}.{table}")
            seen[f"{db}.{table}.{col}"] = (
                None if result == 497 else (len(result) if isinstance(result, list) else result)
            )
    return seen


def test_effective_privileges_agree_with_the_engine(engine: Engine) -> None:
    rng = random.Random(6_2025)
    tally = Tally()
    started = time.monotonic()
    for batch in range(BATCHES):
        roles, users = generate_batch(rng, batch)
        admin_users = ADMIN_DEFAULT + "".join(u.body(u.name, "<password>x</password>") for u in users)
        session, config = engine.open(_config(admin_users, roles))
        counts: dict[str, int] = {}  # per admin session: what its own config lets it see
        try:
            model = _model(session, config, engine.data)
            nodes = [g for grants in model.grants.values() for g in grants]
            tally.wildcard_nodes += sum(g.wildcard for g in nodes)
            tally.partial_revokes += sum(g.revoke for g in nodes)
            predictions = {
                u.name: (_expected(session, model, u.name, None, counts), _expected(session, model, u.name, [], counts))
                for u in users
            }
        finally:
            session.close()
        for user in users:
            session, _ = engine.open(_config(user.body("default", "<password></password>"), roles))
            try:
                with_roles = _observed(session)
                session.query("SET ROLE NONE")
                without_roles = _observed(session)
            finally:
                session.close()
            tally.users += 1
            for label, expected, observed in (
                ("default roles", predictions[user.name][0], with_roles),
                ("SET ROLE NONE", predictions[user.name][1], without_roles),
            ):
                for key, value in expected.items():
                    tally.checks += 1
                    tally.allowed += value is not None
                    tally.denied += value is None
                    tally.narrowed += value is not None and value < len(ROWS)
                    if observed[key] != value:
                        tally.disagreements.append(
                            f"{user.name} [{label}] {key}: chwarden {value}, engine {observed[key]}; "
                            f"grants {user.statements}, filters {user.filters}, roles {roles}"
                        )
    elapsed = time.monotonic() - started
    print(
        f"agreement: {tally.users} users, {tally.checks} checks ({tally.allowed} allowed, {tally.denied} denied, "
        f"{tally.narrowed} narrowed by row policies), {tally.wildcard_nodes} wildcard and {tally.partial_revokes} "
        f"partial-revoke grant rows, {len(tally.disagreements)} disagreements, {elapsed:.1f}s"
    )
    assert tally.users >= 200
    # The generator must exercise every mechanism, or agreement proves little.
    assert min(tally.allowed, tally.denied, tally.narrowed) > 200, tally
    assert tally.wildcard_nodes > 20 and tally.partial_revokes > 50, tally
    assert tally.disagreements == [], "\n".join(tally.disagreements[:20])
