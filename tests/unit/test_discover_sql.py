"""Pushdown query building: types, bounds, both query shapes (executed in test_discover.py)."""

from __future__ import annotations

import random
import re
import zlib

import pytest
from bench.bench_discover import WORDS

from chwarden.clickhouse.sql import compact
from chwarden.connect.guard import Policy, check_statement
from chwarden.connect.lexer import tokenize
from chwarden.discover import sql, sqlcheck
from chwarden.discover.rules import literal_text, load_rules

DETECTORS = load_rules().detectors
VALUE = [d for d in DETECTORS if d.scope == "value"]


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
    assert sql.source("t", "v", sql.Bounds(full=True, rows=0), key="n") == "(SELECT v AS v, n AS k FROM t)"


def test_columns_of_the_same_rows_read_once() -> None:
    """Several columns: the row bound applies to the table's rows, before they become (value, position) pairs."""
    both = sql.columns_source("t", ["a", "toString(b)"], sql.Bounds(full=False, rows=5, sample_clause=True), "x = 1")
    assert both == (
        "(SELECT v, k FROM (SELECT CAST(a AS String) AS _c1, CAST(toString(b) AS String) AS _c2 FROM t SAMPLE 5 "
        "WHERE x = 1 LIMIT 5) ARRAY JOIN [_c1, _c2] AS v, [1, 2] AS k)"
    )


@pytest.mark.parametrize("modern", [True, False])
def test_both_queries_are_one_guarded_select(modern: bool) -> None:
    """Limits travel with the request (a readonly=1 lock refuses a SETTINGS clause): none in the text."""
    src = sql.source("`db`.`t`", "toString(`c`)", sql.Bounds(full=False, rows=100))
    rows = sql.rows_query(src, VALUE, modern=modern)
    validating = sql.column_query(src, VALUE, modern=modern)
    for query in (rows, validating, sql.count_query(sql.source("`db`.`t`", "1", sql.Bounds(full=True, rows=0)))):
        assert check_statement(query, Policy()) == query
        assert query.count(" FROM `db`.`t`") == 1  # one read
        assert "SETTINGS" not in query
    for query in (rows, validating):
        assert bool(re.search(r"multi(Match|Search)", query)) is modern  # 18.x has RE2 match() only
    assert f"LIMIT {sql.CANDIDATE_ROWS})" in rows  # the server stops reading candidates there
    assert "LIMIT" not in sql.rows_query(src, VALUE, modern=modern, bounded=False).replace("LIMIT 100", "")


def _pattern_sets(query: str) -> set[str]:
    """Each ``multiMatch...(v, [patterns])`` call of a query: what the engine compiles, keyed as it caches."""
    found = set()
    for match in re.finditer(r"multiMatch(?:AllIndices|Any)\(v, \[", query):
        depth, end = 0, match.end() - 1
        for end in range(match.end() - 1, len(query)):  # bounded by the query's length
            depth += {"[": 1, "]": -1}.get(query[end], 0) if query[end - 1] != "\\" else 0
            if depth == 0:
                break
        found.add(query[match.start() : end + 1])
    return found


def test_warm_up_query_runs_every_pattern_set_of_the_scan_and_reads_no_table() -> None:
    """The embedded engine's worker compiles the scan's sets ahead (``sql.warm_up_query``): all of them."""
    warm = sql.warm_up_query(DETECTORS)
    assert check_statement(warm, Policy()) == warm
    assert warm.endswith("FROM (SELECT '' AS v)") and " FROM " not in warm.replace("FROM (SELECT '' AS v)", "")
    named = [d for d in DETECTORS if d.scope == "named"]
    src = sql.source("`db`.`t`", "`c`", sql.Bounds(full=True, rows=0))
    for chosen in (VALUE, named):
        scan = _pattern_sets(sql.rows_query(src, chosen, modern=True)) | _pattern_sets(
            sql.rows_query(src, chosen, modern=True, bounded=False, key="k")
        )
        assert scan and scan <= _pattern_sets(warm)
    assert not _pattern_sets(sql.warm_up_query(VALUE)) >= _pattern_sets(sql.rows_query(src, named, modern=True))


def _significant(query: str) -> list[str]:
    return [t.text for t in tokenize(query) if t.significant]


@pytest.mark.parametrize("modern", [True, False])
def test_compacting_keeps_every_token_and_the_text_inside_quotes(modern: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """``compact`` drops spaces only: the server's tokens (the guard's lexer) are the same, and so is every
    literal, quoted name and comment that holds a comma or an arrow."""
    tricky = "SELECT /* a, b -> c */ `x, y` AS \"p, q\", 'it\\'s, -> ok', arrayMap(x -> x, [1, 2]) FROM t"
    assert compact(tricky) == "SELECT /* a, b -> c */ `x, y` AS \"p, q\",'it\\'s, -> ok',arrayMap(x->x,[1,2]) FROM t"
    assert _significant(compact(tricky)) == _significant(tricky)
    query = sql.column_query("(SELECT v FROM t)", VALUE, modern=modern)
    monkeypatch.setattr(sql, "compact", lambda text: text)
    spaced = sql.column_query("(SELECT v FROM t)", VALUE, modern=modern)
    assert len(query) < len(spaced) - 3000 and _significant(query) == _significant(spaced)


def test_validating_query_states_each_validator_once() -> None:
    """Detectors sharing a validator are validated together: the query stays short to plan."""
    query = sql.column_query("(SELECT v FROM t)", VALUE, modern=True)
    assert query.count("arrayFilter(_t->arrayExists((val,m,bef)->") == len({d.validator for d in VALUE})
    # Under half of the server's default max_query_size (262,144 bytes), UTF-8 patterns included; the
    # 120,000 of earlier stops grew by the unsaid split's scripts and hash families (120,006 characters);
    # naming the literal tier's patterns once (``WITH``) took it from 126,658 to 113,356 characters; naming each
    # pattern of 400 bytes or more once (``sql.long_patterns``), from 132,208 to 117,939 bytes; the specific
    # detectors' test as one column (``_sh``) and a yielded-to detector's long pattern by its name, from 130,807 to
    # 121,693 bytes; every specific pattern in ``_specific`` by its name where it has one (password_hash's 5 kB was
    # written twice), from 131,514 to 124,965 bytes; the ASCII table (each way) and the file-path pattern bound once
    # (``sqlcheck.constants``), from 129,415 to 126,295 bytes; each value pattern written once (one ``extract``) and
    # the free, gate and guarded sets named like the literal one (``sql.pattern_sets``), from 131,567 to 128,335 bytes;
    # a backslash after the first of a non-ASCII keyword's escaped form as any character, from 130,938 to 126,654;
    # byte escapes as one pattern for every keyword (``Detector.escaped_keywords``), from 130,652 to 124,077; the
    # empty candidate array bound once (``_none``, 72 copies), from 129,148 to 125,756; both forms of each Eastern
    # digit in one ``replaceRegexpAll`` (``sql.western_digits``), from 131,262 to 131,002; the URL-encoded UTF-8
    # pattern bound once (``sql.url_words``) and a tuple's element as ``_t.2`` (both engines read it), from 130,978 to
    # 128,886; a candidate's value, match and text before it bound by one lambda (``sql._on_value``) and its detector's
    # index as a bare literal (``sql.candidates``), from 131,559 to 130,591; every pattern of 100 bytes or more named
    # once (``sql.LONG_PATTERN``, 400 before), from 130,519 to 126,690; no space after a comma or around an arrow
    # (``compact``), from 130,883 to 126,230; one pattern for any escaped non-ASCII character in place of each
    # non-ASCII keyword's escaped forms (``Detector.escaped_keywords``), from 131,155 to 128,127; each literal-tier
    # pattern once (``sql._shared``), text between two named patterns as one literal (``sql._alternation``), keywords
    # escaped only where regex syntax needs it (``rules.literal_text``) and no escaped quote in the rules' patterns
    # (``\\"`` is ``"`` to every engine), from 130,852 to 129,943; a class of ASCII word characters written ``\\w`` and
    # a lone digit class ``\\d`` (``test_rules_write_classes_short``), from 130,811 to 129,463.
    assert len(query) < 130_000 and len(query.encode()) < 131_072


_LONG_WORD_CLASS = re.compile(r"\[\^?(?=[^\]]*A-Z)(?=[^\]]*a-z)(?=[^\]]*0-9)(?=[^\]]*_)[^\]]*\]")


def test_rules_write_classes_short() -> None:
    """Every engine reads ``\\w`` as ``[A-Za-z0-9_]`` and ``\\d`` as ``[0-9]`` (Python's ``re`` with ``re.ASCII``, as
    the detectors compile; RE2 and Vectorscan by their own rules, checked in ``test_unsung_sql_parity.py``); each
    regex is written in several queries, where the short form saves 7 and 2 bytes."""
    long_forms = []
    for d in load_rules().detectors:
        for regex in (d.pattern, d.prefilter, d.re2_prefilter, d.value, d.value_first, d.gate, *d.keyword_patterns):
            if regex and (_LONG_WORD_CLASS.search(regex) or re.search(r"\[\^?0-9\]", regex)):
                long_forms.append((d.id, regex[:80]))
    assert long_forms == []


def test_a_pattern_several_detectors_hold_is_run_once_and_flags_each_of_them() -> None:
    """The escaped non-ASCII pattern is an alternative of every detector with non-ASCII keywords: one part, every
    detector's hit (a hit mapped to the first detector alone would lose the others' candidates)."""
    tiers = sql.tiers(VALUE)
    patterns = [p.pattern for p in tiers.literal]
    assert len(patterns) == len(set(patterns))
    escaped = {d.id for d in VALUE if d.escaped_keywords and d.literal_led}
    assert len(escaped) >= 2
    position, part = next((i, p) for i, p in enumerate(tiers.literal, start=1) if p.also)
    ordered = tiers.ordered
    assert {ordered[i - 1].id for i in part.indices} == escaped
    assert {ordered[i - 1].id for i in tiers.hits([position], [], 0)} == escaped


def test_keywords_are_escaped_only_where_regex_syntax_needs_it() -> None:
    for d in VALUE:
        for keyword in d.keywords:
            written = literal_text(keyword)
            assert re.fullmatch(written, keyword) and re.fullmatch(written, keyword + "x") is None
            assert "\\-" not in written and "\\ " not in written


def test_tiers_number_detectors_and_map_hits_back() -> None:
    tiers = sql.tiers(VALUE)
    ordered = list(tiers.ordered)
    assert sql.order(VALUE) == ordered and sorted(d.id for d in ordered) == sorted(d.id for d in VALUE)
    assert all(ordered[p.index - 1].literal_led for p in tiers.literal)
    assert {ordered[p.index - 1].id for p in tiers.guarded} == set(sql.GUARDS)  # every listed guard applies
    assert all(p.guard for p in tiers.guarded) and not any(p.guard for p in tiers.free)
    assert tiers.hits([], [], 0) == ()
    assert tiers.hits([3, 1], [1], 0) == tuple(
        sorted({tiers.literal[0].index, tiers.literal[2].index, tiers.free[0].index})
    )
    assert tiers.hits([], [], 0b10) == (tiers.guarded[1].index,)
    phone = next(i for i, d in enumerate(ordered, start=1) if d.id == "phone")
    parts = [n for n, p in enumerate(tiers.free, start=1) if p.index == phone]
    assert len(parts) == len(sql.candidate_patterns(ordered[phone - 1])) > 1  # one Vectorscan pattern each
    assert tiers.hits([], parts, 0) == (phone,)
    free = [ordered[i - 1] for i in sorted({p.index for p in tiers.free})]
    assert set(tiers.gate) == {d.gate for d in free} and all(d.gate for d in free)  # every free detector is gated
    assert len(tiers.gate) == len(set(tiers.gate))  # a shared gate runs once


def test_free_tier_runs_behind_its_gates_only_when_every_detector_has_one() -> None:
    query = sql.rows_query("(SELECT v FROM t)", VALUE, modern=True)
    gated = sql.tiers(VALUE)
    assert f"if(multiMatchAny(v, {sql.string_array(gated.gate)}), arrayConcat(multiMatchAllIndices(v, " in query
    for k, gate in enumerate(gated.gate):  # each gate's own patterns run where it matched, numbered in ``free``
        start, end = gated.free_groups[k]
        own = sql.string_array([p.pattern for p in gated.free[start:end]])
        found = f"multiMatchAllIndices(v, {own})"
        found = f"arrayMap(_x -> _x + {start}, {found})" if start else found
        assert (
            f"if(multiMatchAny(v, {sql.string_array([gate])}), {found}, emptyArrayUInt64())" if k else found
        ) in query
    # the groups cover the free tier once, each of one gate's detectors
    assert [i for a, b in gated.free_groups for i in range(a, b)] == list(range(len(gated.free)))
    for (a, b), gate in zip(gated.free_groups, gated.gate, strict=True):
        assert {gated.ordered[p.index - 1].gate for p in gated.free[a:b]} == {gate}
    ungated = [d.model_copy(update={"gate": None}) if d.id == "iban" else d for d in VALUE]
    assert sql.tiers(ungated).gate == ()  # one gateless detector: the set runs on every row
    assert sql.string_array(gated.gate) not in sql.rows_query("(SELECT v FROM t)", ungated, modern=True)


def _gate_misses(texts: set[str]) -> tuple[int, list[tuple[str, str]]]:
    """(matches checked, (detector, match) of each full-pattern match of a gated detector without a gate match)."""
    checked, misses = 0, []
    for d in (d for d in VALUE if d.gate):
        gate = re.compile(d.gate, re.ASCII)
        for text in texts:
            for m in d.regex.finditer(text):
                checked += 1
                if not gate.search(m.group(0)):
                    misses.append((d.id, m.group(0)))
    return checked, misses


def _split_gate_misses(split: str) -> tuple[int, list[tuple[str, str]]]:
    from tests.data.discover.corpus import build_corpus

    return _gate_misses({v for t in build_corpus(split) for c in t.columns.values() for v in c})


def test_every_gate_is_found_in_every_match_of_its_detector() -> None:
    """A gate is a necessary condition: each full-pattern match on the examples, the negatives and
    the labelled corpus (every split) contains a gate match, so no row with a match is skipped.

    The splits are built and checked in two processes: building forty of them (libphonenumber checks
    most generated digits) is most of this test's time, and the suite's other worker often waits on a server."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from tests.data.discover.corpus import SEEDS

    gated = [d for d in VALUE if d.gate]
    assert {d.id for d in gated} >= {"payment_card", "iban", "phone"}
    checked, misses = _gate_misses({t for d in gated for t in (d.example, *d.negatives)})
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn")) as pool:
        for n, found in pool.map(_split_gate_misses, sorted(SEEDS)):
            checked, misses = checked + n, misses + found
    assert misses == []
    assert checked >= 100


def test_18_filter_is_one_re2_pass_with_every_condition() -> None:
    """18.x's RE2 filter is one ``match`` of every detector's coarsened condition and the decodable text: a second
    alternation would be a second DFA pass over every row."""
    ordered = sql.order(VALUE)
    passes = sql._passes_18(ordered)
    assert passes == f"match(v, {sql.quote(sql.row_filter(ordered) + '|' + sql.DECODABLE)})"
    assert passes.count("match(v, ") == 1


def test_18_flags_hold_a_gated_detector_to_its_gate() -> None:
    """A gated detector's flag on 18.x needs its gate too, as a current server runs it only behind its gate: a
    phone's context word with no digit run after it is no candidate row."""
    ordered = sql.order(VALUE)
    query = sql.rows_query("(SELECT v FROM t)", ordered, modern=False)
    for d in ordered:
        flag = f"match(w, {sql.quote(d.necessary)})"
        assert (f"{flag} AND match(w, {sql.quote(d.gate)})" in query) if d.gate else (f"if({flag}, " in query)
    phone = next(d for d in ordered if d.id == "phone")
    words = "call my task 500 see refund"  # a context word, a digit, no phone number
    assert re.search(phone.necessary, words) and not re.search(phone.gate or "", words)
    assert not re.search(phone.necessary, "call me when the task is done")  # a context word needs a digit after it


def test_shape_masks() -> None:
    shape = sql.shape(VALUE, True)
    assert shape.masks == 1 and shape.hits([0b101]) == (1, 3)
    wide = sql.Shape(tuple(VALUE) * 3, True)
    assert wide.masks == 3 and wide.hits([0, 1 << 63, 1]) == (128, 129)


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


def test_crc32_terms_reproduce_zlib() -> None:
    """18.x has no CRC32(): the query XORs per-bit terms, which must give zlib's CRC-32."""
    rnd = random.Random(7)
    zero = zlib.crc32(bytes(30))
    for _ in range(50):
        data = bytes(rnd.randrange(256) for _ in range(30))
        crc = zero
        for k, term in enumerate(sqlcheck._crc_terms()):
            if data[k // 8] >> (k % 8) & 1:
                crc ^= term
        assert crc == zlib.crc32(data)


def test_b64_needles_find_a_key_at_every_alignment() -> None:
    import base64

    for prefix in (b"", b"{", b"{ "):
        encoded = base64.urlsafe_b64encode(prefix + b'"alg":"HS256"}').decode()
        assert any(n in encoded for n in sqlcheck.b64_needles(b'"alg"'))


@pytest.mark.parametrize("detector_id", sorted(sql.GUARDS))
def test_a_hand_written_guard_covers_every_keyword_of_its_detector(detector_id: str) -> None:
    """Each keyword of a guarded detector contains one of the guard's searched words, or the guard searches one
    character that every candidate pattern holds as a literal (session_cookie's "="): a keyword the guard forgot
    (a new cookie name) would make current ClickHouse skip rows that 18.x still reads."""
    detector = next(d for d in load_rules().detectors if d.id == detector_id)
    words = [w.lower() for g in sql.GUARDS[detector_id] for w in re.findall(r"position\w*\(v, '([^']+)'\)", g)]
    if len(words) == 1 and len(words[0]) == 1:
        unescaped = [re.sub(r"\\.|\[[^\]]*\]", "", p) for p in sql.candidate_patterns(detector)]
        assert all(words[0] in p for p in unescaped), unescaped
        return
    missed = [k for k in detector.keywords if not any(w in k.lower() for w in words)]
    assert missed == []


def test_ordinary_text_is_no_candidate_of_the_literal_tier() -> None:
    """A literal that ordinary text holds ("on #" before an issue number) makes every row a candidate: a column
    past CANDIDATE_ROWS is then validated in the server, row by row (measured: 104 s against 3.5 s on 10 M rows)."""
    rng, words = random.Random(7), list(WORDS)  # the speed bench's vocabulary: chat and log words, numbers, paths
    lines = [" ".join(rng.choice(words) for _ in range(33)) for _ in range(2000)]
    tiers = sql.tiers(VALUE)
    for part in tiers.literal:
        pattern = re.compile(part.pattern)
        assert not any(pattern.search(line) for line in lines), (tiers.ordered[part.index - 1].id, part.pattern)


def _top_level(regex: str) -> str:
    """``regex`` without its groups and character classes: what stands at its top level."""
    out, depth, i = [], 0, 0
    while i < len(regex):
        c = regex[i]
        if c == "\\":
            if depth == 0:
                out.append(regex[i : i + 2])
            i += 2
            continue
        if c == "[":
            j = i + 2 if regex[i + 1 : i + 2] == "]" else i + 1
            while j < len(regex) and regex[j] != "]":
                j += 2 if regex[j] == "\\" else 1
            i = j + 1
            continue
        depth += c == "("
        depth -= c == ")"
        if depth == 0 and c not in "()":
            out.append(c)
        i += 1
    return "".join(out)


def test_no_validator_regex_opens_with_a_bare_case_flag_before_its_text() -> None:
    """18.16's ``match`` searches a leading ``(?i)`` pattern's required text case-sensitively: ``match('SIP:+',
    '(?i)sips?:')`` is 0 there (measured on the test harness's 18.16 server), so the flag wraps the words instead."""
    from chwarden.discover import validators

    bare = {
        name: value
        for name, value in vars(validators).items()
        if isinstance(value, str) and value.startswith("(?i)") and "|" not in _top_level(value[4:])
    }
    risky = {name: v for name, v in bare.items() if re.search(r"[A-Za-z]", re.sub(r"\\.", "", _top_level(v[4:])))}
    assert risky == {}
