"""The fix route follows where an access entity is stored: SQL cannot change users.xml entities."""

from __future__ import annotations

from typing import Any

import pytest

from chwarden.checks.fixroute import fit_to_storage
from chwarden.checks.registry import get_check, run_check
from chwarden.facts import ConnectionInfo, GrantFacts, ProfileFacts, QuotaFacts, ServerInfo, Snapshot, UserFacts
from chwarden.model import Remediation
from tests.unit.snapshots import modern_snapshot

BOTH = Remediation(sql="REVOKE SELECT ON *.* FROM `app`;", xml="<clickhouse><users/></clickhouse>")


def snapshot(storage: str | None, **facts: Any) -> Snapshot:
    return modern_snapshot(
        users=[UserFacts(name="app", storage=storage)],
        profiles=[ProfileFacts(name="web", storage=storage)],
        quotas=[QuotaFacts(name="q", storage=storage)],
        **facts,
    )


def test_xml_entities_keep_only_the_xml_patch() -> None:
    snap = snapshot("users_xml")
    resources = ("user:app", "session:app", "profile:web", "quota:q")
    fitted = [fit_to_storage(snap, resource, BOTH) for resource in resources]
    assert [(f.sql, f.xml) for f in fitted] == [(None, BOTH.xml)] * len(resources)


def test_sql_entities_unknown_storage_and_other_resources_keep_both() -> None:
    assert fit_to_storage(snapshot(None), "user:app", BOTH) == BOTH
    assert fit_to_storage(snapshot("users_xml"), "table:system.query_log", BOTH) == BOTH
    sql_only = Remediation(sql="ALTER USER `app` HOST LOCAL;", text="advice")
    assert fit_to_storage(snapshot("users_xml"), "user:app", sql_only) == Remediation(text="advice")


def test_offline_config_audits_get_xml() -> None:
    snap = snapshot(None, connection=ConnectionInfo(kind="config"))
    assert fit_to_storage(snap, "user:app", BOTH).sql is None


def test_a_real_check_follows_the_storage() -> None:
    grants = [GrantFacts(user_name="app", access_type="SELECT", database="db")]
    routes = []
    for storage in ("users_xml", "local_directory"):
        snap = modern_snapshot(users=[UserFacts(name="app", storage=storage)], grants=grants)
        findings, _ = run_check(get_check("grants_held_directly"), snap)
        rem = findings[0].remediation
        routes.append([r for r in ("sql", "xml") if getattr(rem, r)])
    assert routes == [["xml"], ["sql"]]


def test_sql_entities_keep_only_the_sql_fix() -> None:
    """A users.d patch for a SQL-created user would define a second user of that name."""
    fitted = fit_to_storage(snapshot("local_directory"), "user:app", BOTH)
    assert fitted.xml is None and fitted.sql == BOTH.sql


@pytest.mark.parametrize(
    ("version", "expected"),
    [("23.8.1.1", '<grants replace="replace">'), ("22.8.1.1", "<allow_databases>"), ("18.16.1", "<allow_databases>")],
)
def test_users_xml_users_are_narrowed_with_what_their_version_reads(version: str, expected: str) -> None:
    grants = [GrantFacts(user_name="admin", access_type="ALL"), GrantFacts(user_name="app", access_type="ALL")]
    users = [UserFacts(name="admin", storage="users_xml"), UserFacts(name="app", storage="users_xml")]
    snap = modern_snapshot(server=ServerInfo(version=version), users=users)
    findings, _ = run_check(get_check("global_all_privileges"), snap.model_copy(update={"grants": grants}))
    (rem,) = [f.remediation for f in findings if f.resource == "user:app"]
    assert rem.sql is None and rem.xml is not None and expected in rem.xml


def test_comment_templates_are_advice_not_patches() -> None:
    """An empty <grants> with only a comment would wipe a users.xml user's implicit privileges."""
    grants = [GrantFacts(user_name="app", access_type="SELECT", grant_option=True)]
    snap = modern_snapshot(users=[UserFacts(name="app", storage="users_xml")], grants=grants)
    findings, _ = run_check(get_check("grant_option_held"), snap)
    rem = findings[0].remediation
    assert rem.xml is None and rem.sql is None and "<grants>" in (rem.text or "")
