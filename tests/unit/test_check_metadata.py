"""Check metadata that other code relies on names real things."""

from __future__ import annotations

from chwarden.checks.registry import all_checks, fixed_by
from chwarden.facts import Snapshot


def test_needs_name_snapshot_facts() -> None:
    facts = set(Snapshot.model_fields)
    unknown = {(c.meta.id, n) for c in all_checks() for n in c.meta.needs if n not in facts}
    assert unknown == set()


def test_fixed_by_names_registered_checks() -> None:
    ids = {c.meta.id for c in all_checks()}
    relations = {(c.meta.id, other) for c in all_checks() for other in c.meta.fixed_by}
    assert relations and {other for _, other in relations} <= ids
    assert {c for c, _ in relations} == {
        "anonymous_user_can_write",
        "ddl_allowed",
        "readonly_not_enforced",
        "sensitive_looking_tables_readable",
    }
    assert fixed_by("not_a_check_of_this_version") == ()
