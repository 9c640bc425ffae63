"""Acceptance 2: a config generated for a current ClickHouse, loaded into chdb (26.9), grants what it says.

chdb reads the generated config.xml with its config.d/ and users.d/ (users, roles, profiles,
quotas). It always logs in as a passwordless `default`, so each scenario adds one test-only file
making `default` hold one generated role with that role's profile (and re-allows passwordless
login, which the generated config forbids); the privileges are then proven with real queries.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chwarden.audit import AuditOptions, audit_config
from chwarden.clickhouse.features import CURRENT, Features
from chwarden.model import Severity
from chwarden.remediate.harden import HardenOptions, generate

pytestmark = pytest.mark.embedded

TEST_ONLY = "<clickhouse><allow_no_password>1</allow_no_password><logger><level>warning</level></logger></clickhouse>"


def default_holding(role: str, extra: str = "") -> str:
    return (
        "<clickhouse><users><default><no_password/><networks><ip>::1</ip><ip>127.0.0.1</ip></networks>"
        f"<profile>{role}</profile><quota>{role}</quota><grants><query>GRANT {role}</query>{extra}</grants>"
        "</default></users></clickhouse>"
    )


class Engine:
    def __init__(self, etc: Path, data: Path) -> None:
        self.etc, self.data = etc, data

    def run(self, role: str, queries: list[str], extra: str = "") -> list[str | Exception]:
        """Each query's CSV answer or its error, in one chdb session where `default` holds ``role``."""
        from chdb import session as chdb_session

        (self.etc / "users.d/99-test-default.xml").write_text(default_holding(role, extra))
        session = chdb_session.Session(f"{self.data}?config-file={self.etc}/config.xml")
        answers: list[str | Exception] = []
        try:
            for q in queries:
                try:
                    answers.append(session.query(q, "CSV").bytes().decode().strip())
                except Exception as exc:  # the engine's refusal is the result under test
                    answers.append(exc)
        finally:
            session.close()
        return answers


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    root = tmp_path_factory.mktemp("harden-modern")
    options = HardenOptions(
        target=Features(CURRENT), databases=("app",), data_path=str(root / "data"), log_dir=str(root / "log")
    )
    generate(options).write(root / "etc")
    (root / "etc/config.d/99-test-only.xml").write_text(TEST_ONLY)
    eng = Engine(root / "etc", root / "data")
    setup = eng.run(
        "admin",
        [
            "CREATE DATABASE app",
            "CREATE TABLE app.events (id UInt32) ENGINE = MergeTree ORDER BY id",
            "INSERT INTO app.events VALUES (1), (2)",
            "CREATE DATABASE other",
            "CREATE TABLE other.secrets (x String) ENGINE = MergeTree ORDER BY x",
        ],
        extra="<query>GRANT ALL ON *.* WITH GRANT OPTION</query>",
    )
    assert all(not isinstance(a, Exception) for a in setup), setup
    yield eng


def denied(answer: str | Exception, code: int) -> bool:
    return isinstance(answer, Exception) and f"Code: {code}" in str(answer)


def test_generated_users_and_roles_load(engine: Engine) -> None:
    users, roles, grants = engine.run(
        "admin",
        [
            "SELECT name, auth_type FROM system.users ORDER BY name FORMAT JSONCompact",
            "SELECT name FROM system.roles ORDER BY name",
            "SELECT role_name, access_type, database FROM system.grants WHERE role_name != '' "
            "ORDER BY role_name, access_type FORMAT JSONCompact",
        ],
        extra="<query>GRANT ALL ON *.* WITH GRANT OPTION</query>",
    )
    assert isinstance(users, str) and isinstance(roles, str) and isinstance(grants, str)
    rows: list[list[Any]] = json.loads(users)["data"]
    assert {r[0]: r[1] for r in rows if r[0] != "default"} == {
        "admin": ["sha256_password"],
        "reader": ["sha256_password"],
        "writer": ["sha256_password"],
    }
    assert roles.replace('"', "").split() == ["admin", "reader", "writer"]
    by_role: dict[str, set[tuple[str, str | None]]] = {}
    for role, access, database in json.loads(grants)["data"]:
        by_role.setdefault(role, set()).add((access, database))
    assert by_role["reader"] == {("SELECT", "app")}
    assert by_role["writer"] == {("SELECT", "app"), ("INSERT", "app")}
    assert ("ALL", None) not in by_role["admin"] and ("CREATE", None) in by_role["admin"]


def test_reader_reads_only_its_databases(engine: Engine) -> None:
    read, other, insert, create, loosen, url = engine.run(
        "reader",
        [
            "SELECT count() FROM app.events",
            "SELECT count() FROM other.secrets",
            "INSERT INTO app.events VALUES (3)",
            "CREATE TABLE app.t (x UInt8) ENGINE = Memory",
            "SET readonly = 0",
            "SELECT * FROM url('http://127.0.0.1:1/x', 'CSV', 'a String')",
        ],
    )
    assert read == "2"
    assert denied(other, 497) and denied(insert, 497) and denied(create, 497)
    assert denied(loosen, 164) and denied(url, 497)


def test_writer_inserts_but_cannot_run_ddl_or_raise_limits(engine: Engine) -> None:
    insert, create, drop, raise_limit, count = engine.run(
        "writer",
        [
            "INSERT INTO app.events VALUES (10)",
            "CREATE TABLE app.t (x UInt8) ENGINE = Memory",
            "DROP TABLE app.events",
            "SET max_execution_time = 100000",
            "SELECT count() FROM app.events",
        ],
    )
    assert insert == "" and count == "3"
    assert denied(create, 497) and denied(drop, 497)
    assert denied(raise_limit, 452)  # constraint: max 600


def test_admin_role_runs_ddl_but_cannot_manage_access(engine: Engine) -> None:
    create, drop, users = engine.run(
        "admin",
        [
            "CREATE TABLE app.admin_made (x UInt8) ENGINE = Memory",
            "DROP TABLE app.admin_made",
            "CREATE USER intruder IDENTIFIED WITH sha256_password BY 'x'",
        ],
    )
    assert create == "" and drop == ""
    assert denied(users, 497)  # the role alone has no ACCESS MANAGEMENT; only the admin user holds ALL


def test_offline_audit_of_generated_directory(tmp_path: Path) -> None:
    generate(HardenOptions(target=Features(CURRENT), databases=("app",))).write(tmp_path)
    report, _ = audit_config(str(tmp_path), AuditOptions())
    assert [f for f in report.findings if f.severity.at_least(Severity.HIGH)] == []
