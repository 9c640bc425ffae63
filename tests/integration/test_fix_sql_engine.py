"""Every SQL fix chwarden writes for an RBAC server is accepted by current ClickHouse (chdb 26.x).

No engine installable here keeps users in writable SQL storage (chdb's users are read-only XML),
so `fix --apply` of ALTER USER / REVOKE cannot be committed end to end. What can be proven is the
step before the write: the insecure modern scenarios of the check tests are loaded into chdb, their
entities are re-labelled as SQL-created (``local_directory``, as `system.users.storage` shows on a
real server), the checks judge them, and every statement of the fix script is sent to the same
engine. ClickHouse parses it, resolves every user, role, profile, setting and privilege it names,
and only then tries the storage: the test accepts success or exactly the two "storage cannot be
written" codes (495 read-only, 514 none writable). A syntax error, an unknown setting or privilege,
a bad identifier or a wrong entity kind fails the test with the statement.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from chwarden.checks.judge import judge
from chwarden.connect.base import GuardedConnection
from chwarden.connect.embedded import EmbeddedTransport
from chwarden.connect.target import Target
from chwarden.facts import Snapshot
from chwarden.remediate.script import FixScript, build, fill_passwords
from chwarden.remediate.secrets_store import SecretStore
from chwarden.sources.configfiles import snapshot_from_config
from chwarden.sources.live import collect_live
from chwarden.sources.merge import merge_live_and_config
from tests.harness.chdb_env import write_chdb_config
from tests.integration import test_checks_modern_a as modern_a
from tests.integration import test_checks_modern_b as modern_b

pytestmark = pytest.mark.embedded

STORAGE_NOT_WRITABLE = {495, 514}  # ACCESS_STORAGE_READONLY, ACCESS_STORAGE_FOR_INSERTION_NOT_FOUND
# Values an operator would pass with --set for the placeholders the checks leave in their SQL.
OPERATOR_VALUES = {
    "CLIENT_NETWORK/CIDR": "10.20.0.0/16",
    "client network/CIDR": "10.20.0.0/16",
    "INTERNAL_ADDRESS": "10.20.0.5",
    "REPLICA_HOST": "replica-2.internal.example",
    "YYYY-MM-DD": "2026-12-31",
    "ALLOWED_DATABASE": "prod",
    "ALLOWED_REMOTE_HOST": "files.internal.example",
    "TLS_CERTIFICATE_FILE": "/etc/clickhouse-server/server.crt",
    "TLS_PRIVATE_KEY_FILE": "/etc/clickhouse-server/server.key",
    "leaked value prefix": "://etl:",
    "role": "app_reader",
    "database": "prod",
}
SCENARIOS = {
    "authentication-network-tls": (modern_a.BAD, []),
    "privileges-limits-logs": (modern_b.BAD, modern_b.SETUP),
}


def as_sql_created(snapshot: Snapshot) -> Snapshot:
    """The same entities as a real RBAC server shows them when they were created with SQL."""
    relabel: dict[str, Any] = {}
    for name in ("users", "roles", "profiles", "quotas"):
        entities = getattr(snapshot, name)
        if entities is not None:
            relabel[name] = [e.model_copy(update={"storage": "local_directory"}) for e in entities]
    return snapshot.model_copy(update=relabel)


@dataclass(frozen=True)
class Outcome:
    check_id: str
    statement: str
    code: int | None  # None: the engine ran it
    message: str = ""


def error_code(error: Exception) -> int:
    match = re.search(r"Code: (\d+)", str(error))
    return int(match.group(1)) if match else -1


def created_name(statement: str) -> str | None:
    """The entity a CREATE ROLE/SETTINGS PROFILE/QUOTA/ROW POLICY statement makes."""
    match = re.match(
        r"CREATE\s+(?:ROLE|SETTINGS\s+PROFILE|QUOTA|ROW\s+POLICY)\s+(?:IF\s+NOT\s+EXISTS\s+|OR\s+REPLACE\s+)?"
        r"[`']?([\w.-]+)",
        statement,
        re.IGNORECASE,
    )
    return match.group(1) if match else None


def acceptable(outcome: Outcome, refused_creates: set[str]) -> bool:
    """Reached the storage write, or failed only because of an engine limit this test knows.

    * 495/514: the access storage cannot be written (chdb keeps users in read-only XML);
    * 344 for bcrypt: chdb is built without the bcrypt library that official builds carry;
    * 180/511 (no such profile/role) for an entity an earlier CREATE of the same fix made, which the
      storage refused.
    """
    if outcome.code is None or outcome.code in STORAGE_NOT_WRITABLE:
        return True
    if outcome.code == 344:
        return "bcrypt" in outcome.message and "bcrypt_password" in outcome.statement
    if outcome.code in (180, 511):
        return any(f"`{name}`" in outcome.message or f"'{name}'" in outcome.message for name in refused_creates)
    return False


def send(session: Any, statement: str) -> tuple[int | None, str]:
    try:
        session.query(statement)
    except Exception as error:  # chdb raises a plain RuntimeError
        return error_code(error), str(error)
    return None, ""


def retry_on_existing_user(session: Any, outcome: Outcome, refused: set[str], user: str) -> Outcome:
    """A privilege meant for a role whose CREATE was refused: send it to the existing user instead.

    `GRANT SELECT ON db.t TO `app_access`` fails with "unknown role" before the engine looks at the
    privilege; addressed to `app` (which exists), it must get as far as the storage write.
    """
    grantee = re.search(r"\s(?:TO|FROM)\s+`([^`]+)`(?:\s+WITH GRANT OPTION)?$", outcome.statement)
    if not grantee or grantee.group(1) not in refused or not outcome.statement.startswith(("GRANT ", "REVOKE ")):
        return outcome
    if re.match(r"GRANT\s+`[^`]+`\s+TO\s", outcome.statement):  # granting the role itself: nothing to retry
        return outcome
    statement = outcome.statement[: grantee.start(1) - 1] + f"`{user}`" + outcome.statement[grantee.end(1) + 1 :]
    code, message = send(session, statement)
    return Outcome(outcome.check_id, statement, code, message[:300])


def run_scenario(body: str, setup: list[str], root: Path) -> tuple[FixScript, list[Outcome], list[Outcome]]:
    """Collect, judge as SQL-created, build the fix script and send every statement to the engine.

    Returns the script, every outcome, and the outcomes the engine should not have given.
    """
    from chdb import session as chdb_session

    tmp = Path(tempfile.mkdtemp(dir=root))
    config = write_chdb_config(tmp / "config.xml", body)
    data_dir = tmp / "data"
    session = chdb_session.Session(f"{data_dir}?config-file={config}")
    try:
        for statement in setup:
            session.query(statement)
        conn = GuardedConnection(EmbeddedTransport(str(data_dir), session=session), description="chdb")
        target = Target(scheme="chdb", path=str(data_dir), config_file=str(config))
        live = collect_live(conn, target, "default", password_given=False, probe_ports=False)
        snapshot = as_sql_created(merge_live_and_config(live, snapshot_from_config(config), str(config)))
        script = build(judge([snapshot]), fills=OPERATOR_VALUES)
        store = SecretStore()
        outcomes: list[Outcome] = []
        rejected: list[Outcome] = []
        for item in script.items:
            refused_creates: set[str] = set()
            for statement in item.statements:
                code, message = send(session, fill_passwords(statement, item, store))
                outcome = Outcome(item.finding.check_id, statement, code, message[:300])
                if code in (180, 511) and acceptable(outcome, refused_creates):
                    outcome = retry_on_existing_user(session, outcome, refused_creates, item.user)
                outcomes.append(outcome)
                if not acceptable(outcome, refused_creates):
                    rejected.append(outcome)
                name = created_name(statement)
                if name and code in STORAGE_NOT_WRITABLE:
                    refused_creates.add(name)
        return script, outcomes, rejected
    finally:
        session.close()


Results = dict[str, tuple[FixScript, list[Outcome], list[Outcome]]]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Results:
    root = tmp_path_factory.mktemp("fix_sql_engine")
    return {name: run_scenario(body, setup, root) for name, (body, setup) in SCENARIOS.items()}


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_every_fix_statement_is_accepted_up_to_the_storage_write(results: Results, scenario: str) -> None:
    script, _, rejected = results[scenario]
    needs_input = {name for item in script.items for name in item.missing}
    assert not needs_input, f"placeholders without an operator value in this test: {needs_input}"
    assert not rejected, "\n".join(f"{o.check_id}: {o.statement}\n    -> {o.message}" for o in rejected)


def test_the_scenarios_cover_the_access_fixes(results: Results) -> None:
    """Guard against a vacuous pass: many statements, of every access-entity kind, were tried."""
    outcomes = [o for _, found, _ in results.values() for o in found]
    kinds = {" ".join(o.statement.split()[:2]).upper() for o in outcomes}
    checks = {o.check_id for o in outcomes}
    assert len(outcomes) >= 25, len(outcomes)
    assert len(checks) >= 15, sorted(checks)
    for kind in ("ALTER USER", "ALTER SETTINGS", "ALTER QUOTA"):
        assert kind in kinds, sorted(kinds)
    assert any(k.startswith("REVOKE") for k in kinds), sorted(kinds)
    # privileges moved into a new role were checked by the engine too (re-addressed to their user)
    moved = [
        o
        for o in outcomes
        if o.check_id == "grants_held_directly" and o.statement.startswith("GRANT ") and " ON " in o.statement
    ]
    assert len(moved) >= 10 and all(o.code in STORAGE_NOT_WRITABLE for o in moved)
    # the engine resolved them and got as far as the write
    assert sum(1 for o in outcomes if o.code in STORAGE_NOT_WRITABLE) >= 15
