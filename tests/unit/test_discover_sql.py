"""Pushdown query building: types, bounds, both query shapes (executed in test_discover.py)."""

from __future__ import annotations

import re

import pytest

from chwarden.connect.guard import Policy, check_statement
from chwarden.discover import sql
from chwarden.discover.rules import load_rules

DETECTORS = load_rules().detectors


@pytest.mark.parametrize(
    ("type_name", "modern", "expected"),
    [
        ("String", False, "`c`"),
        ("Nullable(String)", True, "ifNull(`c`, '')"),
        ("FixedString(16)", False, "toString(`c`)"),
        ("LowCardinality(Nullable(String))", False, "toString(ifNull(`c`, ''))"),
        ("Array(String)", False, "arrayStringConcat(arrayMap(x -> toString(x), `c`), '\\n')"),
        ("Map(String, String)", True, "arrayStringConcat(arrayMap(x -> toString(x), mapValues(`c`)), '\\n')"),
        ("Map(String, String)", False, None),
        ("JSON", True, "toString(`c`)"),
        ("UInt64", True, None),
        ("Enum8('a' = 1)", True, None),
        ("Tuple(a UInt8, b UInt8)", True, None),
    ],
)
def test_text_expression(type_name: str, modern: bool, expected: str | None) -> None:
    assert sql.text_expression("c", type_name, modern=modern) == expected


def test_bounds() -> None:
    assert sql.source("t", "v", sql.Bounds(full=True, rows=5)) == "(SELECT v AS v FROM t)"
    assert sql.source("t", "v", sql.Bounds(full=False, rows=5)) == "(SELECT v AS v FROM t LIMIT 5)"
    sampled = sql.source("t", "v", sql.Bounds(full=False, rows=5, sample_clause=True), "x = 1")
    assert sampled == "(SELECT v AS v FROM t SAMPLE 5 WHERE x = 1 LIMIT 5)"


def test_modern_query_is_one_guarded_select() -> None:
    src = sql.source("`db`.`t`", "toString(`c`)", sql.Bounds(full=False, rows=100))
    query = sql.modern_column_query(src, DETECTORS, 20, {"max_execution_time": 60, "read_overflow_mode": "break"})
    assert check_statement(query, Policy(max_execution_time=60)) == query
    assert query.count("multiMatchAllIndices(v, [") == 2  # literal tier, keyword-free tier
    assert query.count("multiMatchAny(v, [") == len(sql.tiers(DETECTORS).guarded)  # each behind its guard
    assert query.endswith("SETTINGS max_execution_time = 60, read_overflow_mode = 'break'")
    assert query.count("groupArrayIf(20)") == 1


def test_fallback_uses_only_re2_functions_and_stays_short() -> None:
    src = sql.source("`db`.`t`", "toString(`c`)", sql.Bounds(full=True, rows=0))
    pieces = sql.chunks(DETECTORS)
    assert sorted(d.id for chunk in pieces for d in chunk) == sorted(d.id for d in DETECTORS)
    for chunk in pieces:
        query = sql.fallback_column_query(sql.hit_rows(src, chunk), chunk, 20)
        assert check_statement(query) == query
        assert not re.search(r"multi(Match|Search)", query)
        assert len(query) < 8000


def test_context_alternation_compiles_everywhere() -> None:
    re.compile(sql.context_alternation(DETECTORS))
    assert sql.quote("a'b\\c") == "'a\\'b\\\\c'"
    assert sql.ident("we`ird") == "`we\\`ird`"


def test_tiers_number_detectors_and_map_hits_back() -> None:
    tiers = sql.tiers(DETECTORS)
    ordered = list(tiers.ordered)
    assert sql.order(DETECTORS) == ordered and sorted(d.id for d in ordered) == sorted(d.id for d in DETECTORS)
    assert all(ordered[p.index - 1].anchored for p in tiers.literal)
    assert {ordered[p.index - 1].id for p in tiers.guarded} == set(sql.GUARDS)  # every listed guard applies
    assert all(p.guard for p in tiers.guarded) and not any(p.guard for p in tiers.free)
    phone = [p for p in tiers.guarded if ordered[p.index - 1].id == "phone"]
    assert [p.guard for p in phone] == list(sql.GUARDS["phone"])
    assert tiers.hits([], [], 0) == ()
    assert tiers.hits([3, 1], [1], 0) == (tiers.literal[0].index, tiers.literal[2].index, tiers.free[0].index)
    assert tiers.hits([], [], 0b10) == (tiers.guarded[1].index,)
    first_phone = phone[0]  # guarded alternatives of one detector give one hit
    bits = sum(1 << i for i, p in enumerate(tiers.guarded) if p.index == first_phone.index)
    assert tiers.hits([], [], bits) == (first_phone.index,)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("(?:a|b\\|c|[|(]d)", ["a", "b\\|c", "[|(]d"]),
        ("(?:a|(?:b|c))", ["a", "(?:b|c)"]),
        ("(?:a|b)c", ["(?:a|b)c"]),  # not one top-level group
        ("abc", ["abc"]),
    ],
)
def test_alternatives(pattern: str, expected: list[str]) -> None:
    assert sql.alternatives(pattern) == expected
    phone = next(d.pattern for d in DETECTORS if d.id == "phone")
    assert "(?:" + "|".join(sql.alternatives(phone)) + ")" == phone
