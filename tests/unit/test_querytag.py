"""Query tags: chwarden's own queries are recognisable, a forged or replayed tag is not accepted."""

from __future__ import annotations

import pytest

from chwarden.connect.querytag import PREFIX, QueryTagger, next_query_id, tagging

KEY = b"unit-test-key-0123456789abcdef!!"


def test_issued_ids_verify_with_the_key_only() -> None:
    tagger = QueryTagger(KEY)
    query_id = tagger.new_id(now=1_800_000_000)
    assert query_id.startswith(PREFIX)
    assert tagger.verify(query_id)
    assert tagger.verify(query_id, logged_at=1_800_000_005)
    assert not QueryTagger(b"another-key-0123456789abcdef!!!!").verify(query_id)


@pytest.mark.parametrize(
    "forged",
    [
        "chwarden-1-aaaaaaaa-0000000000000000",
        "chwarden-",
        "chwarden-zz-zz-zz",
        "not-a-tag",
        "",
    ],
)
def test_forged_tags_fail(forged: str) -> None:
    assert not QueryTagger(KEY).verify(forged)


def test_a_tag_logged_long_after_its_issue_is_refused() -> None:
    tagger = QueryTagger(KEY)
    query_id = tagger.new_id(now=1_800_000_000)
    assert not tagger.verify(query_id, logged_at=1_800_000_000 + 7200, max_age=3600)
    assert not tagger.verify(query_id, logged_at=1_800_000_000 - 600)


def test_tagging_context_and_count() -> None:
    assert next_query_id() is None
    tagger = QueryTagger(KEY).fork()
    with tagging(tagger):
        first, second = next_query_id(), next_query_id()
    assert first and second and first != second
    assert tagger.issued == 2
    assert next_query_id() is None
    assert "key" not in repr(tagger).lower().replace("key=***", "")


def test_short_keys_are_refused() -> None:
    with pytest.raises(ValueError):
        QueryTagger(b"short")
