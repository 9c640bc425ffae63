"""The fix route follows where an access entity is stored: SQL cannot change users.xml entities."""

from __future__ import annotations

from typing import Any

from chwarden.checks.fixroute import fit_to_storage
from chwarden.checks.registry import get_check, run_check
from chwarden.facts import ConnectionInfo, GrantFacts, ProfileFacts, QuotaFacts, Snapshot, UserFacts
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
    for resource in ("user:app", "session:app", "profile:web", "quota:q"):
        fitted = fit_to_storage(snap, resource, BOTH)
        assert fitted.sql is None and fitted.xml == BOTH.xml, resource


def test_sql_entities_unknown_storage_and_other_resources_keep_both() -> None:
    assert fit_to_storage(snapshot("local_directory"), "user:app", BOTH) == BOTH
    assert fit_to_storage(snapshot(None), "user:app", BOTH) == BOTH
    assert fit_to_storage(snapshot("users_xml"), "table:system.query_log", BOTH) == BOTH
    sql_only = Remediation(sql="ALTER USER `app` HOST LOCAL;")
    assert fit_to_storage(snapshot("users_xml"), "user:app", sql_only) == sql_only


def test_offline_config_audits_get_xml() -> None:
    snap = snapshot(None, connection=ConnectionInfo(kind="config"))
    assert fit_to_storage(snap, "user:app", BOTH).sql is None


def test_a_real_check_follows_the_storage() -> None:
    grants = [GrantFacts(user_name="app", access_type="SELECT", database="db")]
    for storage, has_sql in (("users_xml", False), ("local_directory", True)):
        snap = modern_snapshot(users=[UserFacts(name="app", storage=storage)], grants=grants)
        findings, _ = run_check(get_check("grants_held_directly"), snap)
        assert (findings[0].remediation.sql is not None) is has_sql, storage
        assert findings[0].remediation.xml


def test_a_copied_snapshot_does_not_inherit_derived_values() -> None:
    """Memoised values (indexes, the privilege model) belong to one set of facts."""
    original = modern_snapshot(users=[UserFacts(name="a")])
    assert original.memo("names", lambda: [u.name for u in original.users or []]) == ["a"]
    copy = original.model_copy(update={"users": [UserFacts(name="b")]})
    assert copy.memo("names", lambda: [u.name for u in copy.users or []]) == ["b"]
    assert original.memo("names", lambda: []) == ["a"]
