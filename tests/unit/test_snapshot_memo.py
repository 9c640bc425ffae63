"""Snapshot memo: derived values belong to one set of facts."""

from __future__ import annotations

from chwarden.facts import UserFacts
from tests.unit.snapshots import modern_snapshot


def test_a_copied_snapshot_does_not_inherit_derived_values() -> None:
    """Memoised values (indexes, the privilege model) belong to one set of facts."""
    original = modern_snapshot(users=[UserFacts(name="a")])
    assert original.memo("names", lambda: [u.name for u in original.users or []]) == ["a"]
    copy = original.model_copy(update={"users": [UserFacts(name="b")]})
    assert copy.memo("names", lambda: [u.name for u in copy.users or []]) == ["b"]
    assert original.memo("names", lambda: []) == ["a"]
