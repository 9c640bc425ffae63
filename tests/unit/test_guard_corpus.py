"""The guard corpus (``guard_corpus.py``): every statement gets the verdict it must get."""

from __future__ import annotations

import pytest

from chwarden.connect.guard import WriteRefused, check_statement
from tests.unit.guard_corpus import ALLOWED, POLICY, REFUSED


def fill(sql: str) -> str:
    return sql.replace("{L}", "127.0.0.1:9").replace("{D}", "/tmp/chwarden-guard-corpus")


def test_corpus_is_large_and_has_no_duplicates() -> None:
    statements = ALLOWED + [sql for sql, _ in REFUSED]
    assert len(statements) >= 150
    assert len(set(statements)) == len(statements)


@pytest.mark.parametrize("sql", ALLOWED, ids=[s[:50] for s in ALLOWED])
def test_allowed(sql: str) -> None:
    statement = fill(sql)
    assert check_statement(statement, POLICY) == statement.strip().removesuffix(";").strip() or ";" in statement


@pytest.mark.parametrize(("sql", "why"), REFUSED, ids=[s[:50] or "<empty>" for s, _ in REFUSED])
def test_refused(sql: str, why: str) -> None:
    with pytest.raises(WriteRefused) as refused:
        check_statement(fill(sql), POLICY)
    assert why.lower() in str(refused.value).lower()
    assert "\n" not in str(refused.value)
