"""Pushdown SQL: detectors compiled into one query per column that runs where the data lives.

``rows_query`` reads the column once, finds candidate rows and counts each distinct candidate row
exactly; chwarden validates those rows (``verdict.judge_rows``). A column with too many distinct
candidate rows is read once more by ``column_query``, which validates every candidate in the
server (``sqlcheck.py``) and groups rows by the set of detectors with a valid value: an exact
count per set and, for a few rows of each set (picked by hash, so every run shows the same ones),
the valid fragments with a little left context, bounded in count and length.

* Servers with Vectorscan find candidates in three tiers, because one literal-free pattern in a
  Vectorscan set makes the whole set run an automaton over every byte:

  - ``literal``: detectors with keywords, one ``multiMatchAllIndices`` (Vectorscan's literal
    matcher skips text no keyword starts in);
  - ``free``: keyword-free detectors without a guard, a second, small ``multiMatchAllIndices``
    that runs only on rows where one of their ``gate`` patterns matches (one ``multiMatchAny``:
    the gates are short digit- or capital-led automata that cost one pass together, measured on
    10 M chat rows at 1.05 s over a 1.71 s bare read, where the longer gates they replaced cost
    2.27 s; they let the phone patterns leave the literal set, whose short literals ``+``, ``00``
    and ``(`` cost 0.15 s);
  - ``guarded``: detectors (or top-level alternatives of them) with a cheap exact necessary
    condition in ``GUARDS`` (a SIMD ``position``/``countSubstrings`` scan) run ``multiMatchAny``
    only on rows that pass it.

  Validation runs inside ``if`` branches, which the server evaluates only for the rows that take
  them (short-circuit evaluation): rows without a candidate cost nothing more, and each detector's
  extraction runs only on its own candidates.
* Old servers such as 18.16 (RE2 ``match`` only, no short-circuit ``if``): one RE2 alternation of every
  detector's necessary condition (``row_filter``, coarsened by ``coarse`` so that its DFA stays inside RE2's
  memory budget) select the rows,
  ``arrayFilter(x -> match(x, ...), [v])`` keeps them, and the per-detector work runs inside
  ``arrayMap`` over that array, so only on the rows that passed. Still one read of the column.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from chwarden.clickhouse.sql import compact, quote_ident, quote_string
from chwarden.discover import sqlcheck
from chwarden.discover.coarse import coarse
from chwarden.discover.rules import (
    EASTERN_DIGIT,
    EASTERN_DIGITS,
    ESCAPED_SPACES,
    NAMED_VALUE_QUOTES,
    NAMED_VALUE_REWRITES,
    URL_ESCAPE,
    URL_HIGH_ESCAPE,
    URL_UTF8_SEQUENCE,
    URL_WORD,
    WIDE_SIGNS,
    Detector,
    named_value_pattern,
    named_value_replacement,
    preferred_to,
)

MARKER = "chwarden:discover"
CONTEXT_CHARS = 24  # left context kept with each fragment (validators look at it)
# The shared ClickHouse quoting, under the short names the query builders use.
quote = quote_string
ident = quote_ident
FRAGMENT_CHARS = 1024
FRAGMENTS_PER_ROW = 8
SAMPLE_BUCKETS = 20  # rows of each detector set whose fragments come back (the smallest hash per bucket)
MASK_BITS = 64
ROW_CHARS = 2048  # candidate rows up to this long come back whole; a longer one makes the server validate
LONG_ROW = "\x01chwarden: candidate row too long\x01"  # stands for a candidate row longer than ROW_CHARS
# Candidate rows one column may send back (each at most ROW_CHARS): past it, the server validates.
CANDIDATE_ROWS = 20_000


def string_array(values: Sequence[str]) -> str:
    return "[" + ", ".join(quote(v) for v in values) + "]"


_PLAIN = {"String": "{col}", "Nullable(String)": "ifNull({col}, '')"}
_STRINGY = re.compile(r"^(?:String|FixedString\(\d+\))$")


def _unwrap(type_name: str, wrapper: str) -> str | None:
    prefix = wrapper + "("
    return type_name[len(prefix) : -1] if type_name.startswith(prefix) and type_name.endswith(")") else None


def _is_stringy(type_name: str) -> bool:
    for wrapper in ("LowCardinality", "Nullable"):
        inner = _unwrap(type_name, wrapper)
        if inner is not None:
            return _is_stringy(inner)
    return bool(_STRINGY.match(type_name))


def _split_top_level(args: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(args):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(args[start:i].strip())
            start = i + 1
    parts.append(args[start:].strip())
    return parts


def text_expression(column: str, type_name: str, *, modern: bool) -> str | None:
    """A String-valued SQL expression over a text-bearing column, or None for other types.

    String, FixedString, LowCardinality/Nullable of them, Array of them (joined by newlines),
    Map values (newer servers) and JSON (serialised; newer servers).
    """
    col = ident(column)
    if type_name in _PLAIN:  # toString would copy the column: measured +60 % on a bare read
        return _PLAIN[type_name].format(col=col)
    if _is_stringy(type_name):
        return f"toString(ifNull({col}, ''))" if "Nullable" in type_name else f"toString({col})"
    inner = _unwrap(type_name, "Array")
    if inner is not None and _is_stringy(inner):
        element = "toString(ifNull(x, ''))" if "Nullable" in inner else "toString(x)"
        return f"arrayStringConcat(arrayMap(x -> {element}, {col}), '\\n')"
    inner = _unwrap(type_name, "Map")
    if modern and inner is not None:
        parts = _split_top_level(inner)
        if len(parts) == 2 and _is_stringy(parts[1]):
            return f"arrayStringConcat(arrayMap(x -> toString(x), mapValues({col})), '\\n')"
    if modern and (type_name == "JSON" or type_name.startswith(("JSON(", "Object(", "Tuple(", "Nullable(Tuple("))):
        # Objects (JSON, or nested records inferred from JSONEachRow files) serialise to text.
        return f"toString({col})" if "String" in type_name or "JSON" in type_name or "Object" in type_name else None
    return None


@dataclass(frozen=True)
class Bounds:
    """How much of a table one scan reads: every row, a SAMPLE, or the first rows."""

    full: bool
    rows: int
    sample_clause: bool = False  # the table has a sampling key: SAMPLE picks rows across it


def source(table: str, expression: str, bounds: Bounds, where: str = "", key: str | None = None) -> str:
    """``(SELECT <expression> AS v FROM <table> ...)``: the rows one column scan reads.

    ``where`` restricts which rows exist at all (log time windows), before the row bound; ``key``
    adds a column ``k`` to group by (the benchmarks' row-level scoring).
    """
    keyed = f", {key} AS k" if key else ""
    return _bounded(f"SELECT {expression} AS v{keyed} FROM {table}", bounds, where)


def columns_source(table: str, expressions: Sequence[str], bounds: Bounds, where: str = "") -> str:
    """``(SELECT v, k ...)``: several columns of the same rows, read once, each value with its column's
    position ``k`` (1-based); the rows are bounded as ``source`` bounds one column's."""
    read = ", ".join(f"CAST({e} AS String) AS _c{i}" for i, e in enumerate(expressions, start=1))
    positions = range(1, len(expressions) + 1)
    values, keys = ", ".join(f"_c{i}" for i in positions), ", ".join(str(i) for i in positions)
    rows = _bounded(f"SELECT {read} FROM {table}", bounds, where)
    return f"(SELECT v, k FROM {rows} ARRAY JOIN [{values}] AS v, [{keys}] AS k)"


def _bounded(sql: str, bounds: Bounds, where: str) -> str:
    if not bounds.full and bounds.sample_clause:
        sql += f" SAMPLE {int(bounds.rows)}"
    if where:
        sql += f" WHERE {where}"
    if not bounds.full:
        sql += f" LIMIT {int(bounds.rows)}"
    return f"({sql})"


# Detectors whose patterns are costly in Vectorscan (keyword-free, or led by a keyword that is part
# of common words), with exact necessary conditions (derived from the pattern) in plain string
# functions over the row ``v``: one guard for the whole
# pattern, or one per top-level alternative of ``(?:a|b|c)`` (measured: each phone alternative
# behind its own guard beats one guard for all three, on chat text and on ISO-timestamped logs).
# A pattern that no longer splits as listed runs whole in the keyword-free set: slower, never
# wrong. test_discover.py checks on probes and on the corpus that the tiers classify every row
# like one Vectorscan set of all patterns.
GUARDS: dict[str, tuple[str, ...]] = {
    "email": ("position(v, '@') > 0 OR position(v, 'CTCE') > 0",),  # and an airline booking's IATA-coded address
    "ipv4": ("countSubstrings(v, '.') >= 3",),  # d.d.d.d
    # h::h, h:h::, or 8 groups; the first ':' search stops early on most rows (measured -0.03 s of 0.13)
    "ipv6": ("position(v, ':') > 0 AND (position(v, '::') > 0 OR countSubstrings(v, ':') >= 7)",),
    # every alternative of the cookie pattern holds an "=": Vectorscan runs on the rows that have one. Measured on
    # 3 M rows (min of 3) against the twenty keyword searches this guard held before the pattern ("sess", "sid",
    # "cookie"...): chat rows 0.016 s over a bare read against 0.043 s; rows that all hold a key=value (logfmt)
    # 0.22 s against 1.54 s (the searches ran on every row; the pattern alone costs 0.19 s on chat rows)
    "session_cookie": ("position(v, '=') > 0",),
}


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``(?:a|b|...)``, or ``[pattern]`` for any other shape."""
    if not pattern.startswith("(?:"):
        return [pattern]
    parts: list[str] = []
    depth, start, in_class, escaped = 0, 3, False, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return [*parts, pattern[start:i]] if i == len(pattern) - 1 else [pattern]
        elif ch == "|" and depth == 1:
            parts.append(pattern[start:i])
            start = i + 1
    return [pattern]


@dataclass(frozen=True)
class Part:
    """A pattern (a detector's, or one alternative of it) in one tier; ``index`` is 1-based."""

    index: int
    pattern: str
    guard: str | None = None
    also: tuple[int, ...] = ()  # more detectors whose condition holds the same pattern (``_shared``): one hit for all

    @property
    def indices(self) -> tuple[int, ...]:
        return (self.index, *self.also)


@dataclass(frozen=True)
class Tiers:
    """Detectors as the modern query runs them; global hit index i is ``ordered[i - 1]``."""

    ordered: tuple[Detector, ...]
    literal: tuple[Part, ...]
    free: tuple[Part, ...]
    guarded: tuple[Part, ...]
    gate: tuple[str, ...] = ()  # the free tier runs where one of these matches (empty: on every row)
    # ``free[start:end]`` for each gate, in ``gate`` order: a gate's detectors run where it matched (``_free_indices``)
    free_groups: tuple[tuple[int, int], ...] = ()

    @property
    def free_sets(self) -> tuple[tuple[int, int], ...]:
        """``free[start:end]`` of each set the free tier runs: one per gate, or the whole tier."""
        return self.free_groups or ((0, len(self.free)),)

    def hits(self, literal: Sequence[int], free: Sequence[int], guarded_mask: int) -> tuple[int, ...]:
        """Global indices from the three per-tier answers of one group."""
        found = {n for i in literal for n in self.literal[i - 1].indices} | {self.free[i - 1].index for i in free}
        found |= {p.index for bit, p in enumerate(self.guarded) if guarded_mask >> bit & 1}
        return tuple(sorted(found))


def _guard_plan(detector: Detector) -> list[tuple[str, str]] | None:
    """(pattern, guard) pieces of a guarded detector, or None when it is not guarded (as listed)."""
    guards = GUARDS.get(detector.id)
    if guards is None:
        return None
    pieces = [detector.literal_necessary] if len(guards) == 1 else candidate_patterns(detector)
    return list(zip(pieces, guards, strict=True)) if len(pieces) == len(guards) else None


def candidate_patterns(detector: Detector) -> list[str]:
    """What Vectorscan looks for: the detector's necessary condition, one pattern per alternative.

    Candidates are validated afterwards (in Python, or by the validating query with the full
    patterns), so a superset is enough: the necessary conditions compile about 3x faster than the
    full patterns (measured on chdb: 0.56 s against 1.86 s for the literal set, once per process)
    and scan no slower.
    """
    return alternatives(f"(?:{detector.literal_necessary})")


def tiers(detectors: Sequence[Detector]) -> Tiers:
    """Detectors in their tiers (computed once per selection: a long-running process reuses them)."""
    return _tiers(tuple(detectors))


@functools.lru_cache(maxsize=16)
def _tiers(detectors: tuple[Detector, ...]) -> Tiers:
    """Detectors in their tiers, each as its candidate patterns (``candidate_patterns``).

    Vectorscan runs a set of simple patterns much faster than one alternation of the same patterns
    (measured: the phone pattern's five alternatives cost about a bare read each, joined 2.7x).
    """
    plans = {d.id: _guard_plan(d) for d in detectors}
    literal = [d for d in detectors if d.literal_led and plans[d.id] is None]
    free = [d for d in detectors if not d.literal_led and plans[d.id] is None]
    guarded = [d for d in detectors if plans[d.id] is not None]
    gates = [d.gate for d in free]
    # one gateless detector: no gate at all; a gate two detectors share runs once
    gate = tuple(dict.fromkeys(g for g in gates if g)) if all(gates) else ()
    free = sorted(free, key=lambda d: gate.index(d.gate)) if gate else free  # stable: each gate's parts together
    ordered = (*literal, *free, *guarded)
    index = {d.id: i for i, d in enumerate(ordered, start=1)}
    free_parts = tuple(Part(index[d.id], p) for d in free for p in candidate_patterns(d))
    groups: list[tuple[int, int]] = []
    for g in gate:
        positions = [i for i, p in enumerate(free_parts) if ordered[p.index - 1].gate == g]
        groups.append((positions[0], positions[-1] + 1))
    return Tiers(
        ordered=ordered,
        literal=_shared(Part(index[d.id], p) for d in literal for p in candidate_patterns(d)),
        free=free_parts,
        guarded=tuple(Part(index[d.id], p, g) for d in guarded for p, g in plans[d.id] or []),
        gate=gate,
        free_groups=tuple(groups),
    )


def _shared(parts: Iterable[Part]) -> tuple[Part, ...]:
    """``parts`` with each pattern once: a later part of the same pattern adds its detector to the first one's
    (``Part.also``). The pattern for any escaped non-ASCII character (``Detector.escaped_keywords``) is one
    alternative of three detectors: written three times, it took 227 bytes of the validating query more."""
    kept: dict[str, Part] = {}
    for part in parts:
        first = kept.get(part.pattern)
        kept[part.pattern] = part if first is None else dataclasses.replace(first, also=(*first.also, part.index))
    return tuple(kept.values())


def order(detectors: Sequence[Detector]) -> list[Detector]:
    """The order both query shapes number detectors in: hit index i is ``order(...)[i - 1]``."""
    return list(tiers(detectors).ordered)


def _any_match(patterns: Sequence[str]) -> str:
    """One Vectorscan set, true on a match: the gate's and each guarded pattern's (``warm_up_query`` runs
    the same text, so the engine's compiled set is found again)."""
    return f"multiMatchAny(v, {string_array(patterns)})"


def _all_indices(parts: Sequence[Part], named: str | None = None) -> str:
    """A tier's hits; ``named``: the name its pattern array is bound to (``WITH [...] AS name``)."""
    if not parts:
        return "emptyArrayUInt64()"
    return f"multiMatchAllIndices(v, {named or string_array([p.pattern for p in parts])})"


def _free_indices(t: Tiers, bound: bool = False, each_gate: bool = True) -> str:
    """The free tier's hits; ``if`` short-circuits, so its patterns run only on rows past a gate, and each gate's
    own patterns only where that gate matched (``bound``: the patterns and the gates are the arrays ``_fp<k>`` and
    ``_gp`` of ``pattern_sets``; gate ``k`` alone is ``[_gp[k]]``, a constant the engine folds).

    On log lines a timestamp passes the phone gate on every row, and the card set behind the one shared gate ran on
    every row too; a card needs twelve digits, which a timestamp does not have, so its own gate skips its set there
    (``bench_discover.py --logfmt --breakdown``, 10 M rows, the two trees alternately: the candidate-rows query
    7.91-7.95 s before, 5.98-6.02 s after). On rows that pass no gate (most chat rows) the gates are one pass, as
    before; chat rows pay 0.12 s (3.23-3.25 s against 3.36-3.37 s). ``each_gate`` off: every set runs past
    any gate (a row's decoded words: few rows, and the validating query stays short)."""
    if not t.free or not t.gate:
        return _all_indices(t.free, "_fp0" if bound else None)
    gate = "multiMatchAny(v, _gp)" if bound else _any_match(t.gate)
    if len(t.gate) == 1:
        return f"if({gate}, {_free_set(t, 0, bound)}, emptyArrayUInt64())"
    sets = [_free_set(t, k, bound) for k in range(len(t.gate))]
    if each_gate:  # the first gate (the phones', which any digit run passes) needs no second look
        own = [f"multiMatchAny(v, [_gp[{k + 1}]])" if bound else _any_match([g]) for k, g in enumerate(t.gate)]
        sets[1:] = [f"if({g}, {found}, emptyArrayUInt64())" for g, found in zip(own[1:], sets[1:], strict=True)]
    return f"if({gate}, arrayConcat({', '.join(sets)}), emptyArrayUInt64())"


def _free_set(t: Tiers, k: int, bound: bool) -> str:
    """Gate ``k``'s patterns' hits, numbered as positions in ``t.free``."""
    start, end = t.free_sets[k]
    found = _all_indices(t.free[start:end], f"_fp{k}" if bound else None)
    return found if start == 0 else f"arrayMap(_x -> _x + {start}, {found})"


def pattern_sets(t: Tiers, more: dict[str, str] | None = None) -> str:
    """``WITH`` bindings of every tier's patterns (``_lp``, ``_fp``, ``_gp``, ``_g0``…), for a query that runs the
    tiers twice (the row, its decoded words): each set written once. The arrays are the ones ``warm_up_query``
    compiles, so the engine's compiled sets are found again by their patterns. ``more``: other bindings (name ->
    SQL) for the same ``WITH``."""
    sets = [f"{string_array([p.pattern for p in t.literal])} AS _lp"] if t.literal else []
    free = [f"{string_array([p.pattern for p in t.free[a:b]])} AS _fp{k}" for k, (a, b) in enumerate(t.free_sets)]
    sets += free if t.free else []
    sets += [f"{string_array(t.gate)} AS _gp"] if t.free and t.gate else []
    sets += [f"{string_array([p.pattern])} AS _g{i}" for i, p in enumerate(t.guarded)]
    sets += [f"{value} AS {name}" for name, value in (more or {}).items()]
    return f"WITH {', '.join(sets)} " if sets else ""


_NO_HITS = "tuple(emptyArrayUInt64(), emptyArrayUInt64(), toUInt64(0))"


def _decoded_tiers(here: tuple[str, str, str], utf8: str | None = None) -> str:
    """The tiers' answers ``here`` (over row ``v``) on ``v`` with its URL-encoded words decoded (an
    access log's query string) and its Arabic-Indic or Persian digits read as digits, as a tuple, or no hits
    when that changes nothing (``utf8``: see ``url_words``)."""
    again = f"arrayMap(v -> tuple({', '.join(here)}), [_d])[1]"
    return f"arrayMap(_d -> if(_d = v, {_NO_HITS}, {again}), [{western_digits(url_words('v', utf8))}])[1]"


# A row that ``rules.readable`` reads otherwise than it is written, in a way the tiers' patterns can tell: a URL escape
# (decoded words) or an Arabic-Indic, Persian or full-width digit or sign (read as an ASCII one). Such a row is read
# a second time, decoded.
DECODABLE = f"{URL_ESCAPE}|{EASTERN_DIGIT}"


def _decodable(row: str) -> str:
    """A superset of ``DECODABLE`` on a modern server, as short byte searches: a ``%``, the lead byte of an
    Arabic-Indic or Persian digit (0xD9, 0xDB: Arabic script's letters share them, and ``_decoded_tiers`` finds that
    nothing changed), the first two bytes of a full-width digit or sign (0xEF 0xBC: U+FF00-FF3F, full-width
    punctuation too) or the first byte of a Thai, Lao, Devanagari or Bengali digit (0xE0: the letters of those and
    other Indic scripts too). Measured on 10 M rows (A/B, 5 rounds): ``multiSearchAny`` of the twenty digits cost
    0.88 s; one more ``position`` about 0.1 s (3 rounds, a scratch timing)."""
    return (
        f"(position({row}, '%') > 0 OR position({row}, unhex('D9')) > 0 OR position({row}, unhex('DB')) > 0 "
        f"OR position({row}, unhex('EFBC')) > 0 OR position({row}, unhex('E0')) > 0)"
    )


def western_digits(row: str) -> str:
    """``row`` with Arabic-Indic, Persian, full-width and other scripts' digits written as ASCII digits
    (``rules.EASTERN_DIGITS``) and full-width signs as ASCII ones (``rules.WIDE_SIGNS``), in rows that hold one
    (18.x has no ``translateUTF8``: one ``replaceRegexpAll`` per digit, every script's form of it in one class: 280
    bytes shorter than a ``replaceAll`` per form in the validating query, which writes this twice)."""
    swapped = "_wd"
    for digit in range(10):
        forms = EASTERN_DIGITS[digit::10]  # the digit in every script of the table
        swapped = f"replaceRegexpAll({swapped}, {quote(f'[{forms}]')}, '{digit}')"
    for wide, sign in WIDE_SIGNS:
        swapped = f"replaceAll({swapped}, {quote(wide)}, {quote(sign)})"
    return f"arrayMap(_wd -> if(match(_wd, {quote(EASTERN_DIGIT)}), {swapped}, _wd), [{row}])[1]"


def _has_hit(tiers_tuple: str) -> str:
    lit, free, gd = (f"tupleElement({tiers_tuple}, {i})" for i in (1, 2, 3))
    return f"length({lit}) + length({free}) + {gd} > 0"


def _tier_columns(t: Tiers, *, combined: bool) -> str:
    """The tiers of row ``v`` (``_lit0``, ``_free0``, ``_gd0``) and whether its URL-decoded words have a
    candidate (``_dh``; only a row with a ``%`` decodes, short-circuit ``if``): candidates as chwarden
    reads the row (``rules.readable``). ``combined`` adds ``_lit``, ``_free``, ``_gd`` over both.

    The candidate-rows query leaves ``combined`` off: chwarden looks for every detector in a row whose
    decoded words had a candidate (``column_scan.parse_rows``; such rows are few). Measured on 10 M
    chat rows without a ``%`` (6 rounds, min): this costs 0.13 s over a query without decoding (2.95
    against 2.82 s; a second step over the rows with a URL escape cost the same), combining the tiers
    on every row 0.16-0.3 s, and one decoding shared by two short-circuit branches ran on every row
    (34 s against 2.3 s). ``combined`` names the tiers' patterns by their ``pattern_sets`` bindings (the decoded
    words name them a second time).
    """
    here = (
        _all_indices(t.literal, "_lp" if combined else None),
        _free_indices(t, bound=combined),
        _guarded_mask(t.guarded, bound=combined),
    )
    own = f"{here[0]} AS _lit0, {here[1]} AS _free0, {here[2]} AS _gd0, "
    decoded = _decoded_tiers(
        (here[0], _free_indices(t, bound=combined, each_gate=False), here[2]), _U8 if combined else None
    )
    if not combined:
        return own + f"if({_decodable('v')}, arrayMap(_h -> {_has_hit('_h')}, [{decoded}])[1], 0) AS _dh"
    return own + (
        f"if({_decodable('v')}, {decoded}, {_NO_HITS}) AS _url, {_has_hit('_url')} AS _dh, "
        "arrayConcat(_lit0, _url.1) AS _lit, arrayConcat(_free0, _url.2) AS _free, "
        "bitOr(_gd0, _url.3) AS _gd"
    )


def _any_candidate(t: Tiers) -> str:
    """True on a candidate row: plain columns only (``OR`` over expressions would copy the rows)."""
    return "notEmpty(_lit0) OR notEmpty(_free0) OR _gd0 != 0 OR _dh"


def _guarded_mask(guarded: Sequence[Part], bound: bool = False) -> str:
    """A bit per guarded pattern; ``if`` short-circuits, so the pattern runs only past its guard (``bound``: each
    pattern is ``_g<i>`` of ``pattern_sets``)."""

    def matched(i: int, p: Part) -> str:
        return f"multiMatchAny(v, _g{i})" if bound else _any_match([p.pattern])

    bits = [f"if({p.guard}, if({matched(i, p)}, {1 << i}, 0), 0)" for i, p in enumerate(guarded)]
    return f"toUInt64({' + '.join(bits)})" if bits else "toUInt64(0)"


def _any_of(t: Tiers, indices: Collection[int]) -> str:
    """SQL true when one of the detectors ``indices`` (1-based, in ``t.ordered``) has a candidate in the row."""
    literal = [position for position, part in enumerate(t.literal, start=1) if any(n in indices for n in part.indices)]
    free = [position for position, part in enumerate(t.free, start=1) if part.index in indices]
    bits = sum(1 << bit for bit, part in enumerate(t.guarded) if part.index in indices)
    terms = [f"hasAny(_lit, {literal})"] if literal else []
    terms += [f"hasAny(_free, {free})"] if free else []
    terms += [f"bitAnd(_gd, {bits}) != 0"] if bits else []
    return " OR ".join(terms) or "0"


@dataclass(frozen=True)
class Shape:
    """One column query: the detectors in answer order and how many mask columns carry their bits."""

    ordered: tuple[Detector, ...]
    modern: bool

    @property
    def masks(self) -> int:
        return max(1, -(-len(self.ordered) // MASK_BITS))

    def hits(self, masks: Sequence[int]) -> tuple[int, ...]:
        """1-based detector indices whose bit is set."""
        return tuple(
            word * MASK_BITS + bit + 1 for word, mask in enumerate(masks) for bit in range(MASK_BITS) if mask >> bit & 1
        )


def shape(detectors: Sequence[Detector], modern: bool) -> Shape:
    return Shape(tuple(tiers(detectors).ordered), modern)


# The empty candidate array, bound once per query (``WITH ... AS _none``): every detector's and validator's
# short-circuit ``if`` names it (72 copies of its 53 bytes took 3.8 kB of the validating query).
_EMPTY_CANDIDATES = "arrayFilter(_e -> 0, [tuple(toUInt8(0), '', '', '')])"
_NO_CANDIDATES = "_none"


BACKSLASH = chr(92)


def unescaped(row: str, utf8: str | None = None) -> str:
    """``row`` as ``rules.readable`` reads it: ``\\=``, ``\\/``, ``\\n``, ``\\r``, ``\\t`` unescaped, escaped UTF-8
    bytes (``\\xHH``, each 0x80 or above) and JSON ``\\uXXXX`` escapes decoded, then URL-encoded words, in that order (a
    surrogate stays as written: no keyword needs one; a URL-encoded word whose bytes are not UTF-8 is
    decoded here, left as written by chwarden; ``utf8``: see ``url_words``)."""
    plain = f"replaceAll(replaceAll({row}, {quote(BACKSLASH + '=')}, '='), {quote(BACKSLASH + '/')}, '/')"
    for letter, char in ESCAPED_SPACES:
        plain = f"replaceRegexpAll({plain}, {quote(BACKSLASH * 2 + '+' + letter)}, {quote(char)})"
    for q in NAMED_VALUE_QUOTES:
        plain = f"replaceRegexpAll({plain}, {quote(named_value_pattern(q))}, {quote(named_value_replacement(q))})"
    for pattern, replacement in NAMED_VALUE_REWRITES:
        plain = f"replaceRegexpAll({plain}, {quote(pattern)}, {quote(replacement)})"
    escapes = _decoded(
        _decoded(plain, "x", 2, "^[89a-fA-F][0-9a-fA-F]", "unhex(substring(_p, 1, 2))"),
        "u",
        4,
        "^[0-9a-fA-F]{4}",
        _utf8(),
    )
    decoded = f"arrayMap(_uw -> if(position(_uw, '%') = 0, _uw, {url_words('_uw', utf8)}), [{escapes}])[1]"
    return western_digits(decoded)


# The name ``URL_UTF8_SEQUENCE`` is bound to in the validating query, which decodes URL words twice (the row as
# chwarden reads it, and the tiers' decoded words): its 470 bytes written once.
_U8 = "_u8"


def url_words(row: str, utf8: str | None = None) -> str:
    """``row`` with each URL-encoded word decoded as ``rules.url_decoded`` decodes it (``utf8``: the name
    ``URL_UTF8_SEQUENCE`` is bound to, if it is)."""
    plus_and = "replaceAll(replaceAll(_ut, '&', ' &'), '+', ' ')"  # a value ends at its "&"; "+" is a space
    sequence = utf8 or quote(URL_UTF8_SEQUENCE)
    valid_utf8 = f"NOT match(replaceRegexpAll(_ut, {sequence}, ''), {quote(URL_HIGH_ESCAPE)})"
    word = f"if(match(_ut, {quote(URL_ESCAPE)}) AND {valid_utf8}, decodeURLComponent({plus_and}), _ut)"
    pieces = quote(f"{URL_WORD}|[ \\t\\n\\r\\f\"']+")
    return f"arrayStringConcat(arrayMap(_ut -> {word}, extractAll({row}, {pieces})))"


def _decoded(row: str, letter: str, digits: int, head: str, decode: str) -> str:
    """``row`` with each ``\\<letter>`` followed by ``head`` replaced by ``decode`` of the part after it
    (``_p``), in rows that hold the escape at all."""
    escape = quote(BACKSLASH + letter)
    tail = f"concat({decode}, substring(_p, {digits + 1}))"
    part = f"if(_i = 1, _p, if(match(_p, {quote(head)}), {tail}, concat({escape}, _p)))"
    split = f"arrayStringConcat(arrayMap((_p, _i) -> {part}, _ps, arrayEnumerate(_ps)))"
    each = f"arrayMap(_ps -> {split}, [splitByString({escape}, _w)])[1]"
    return f"arrayMap(_w -> if(position(_w, {escape}) = 0, _w, {each}), [{row}])[1]"


def _utf8() -> str:
    """The UTF-8 bytes of the code point written in ``_p``'s first four hex digits (BMP, no surrogate)."""
    byte = "hex(toUInt8({}))"
    one = byte.format("_c")
    two = byte.format("bitOr(192, bitShiftRight(_c, 6))") + ", " + byte.format("bitOr(128, bitAnd(_c, 63))")
    three = ", ".join(
        byte.format(b)
        for b in (
            "bitOr(224, bitShiftRight(_c, 12))",
            "bitOr(128, bitAnd(bitShiftRight(_c, 6), 63))",
            "bitOr(128, bitAnd(_c, 63))",
        )
    )
    return (
        "arrayMap(_c -> if(_c >= 55296 AND _c < 57344, concat('\\\\u', substring(_p, 1, 4)), "
        f"unhex(if(_c < 128, {one}, if(_c < 2048, concat({two}), concat({three}))))), "
        "[reinterpretAsUInt16(reverse(unhex(substring(_p, 1, 4))))])[1]"
    )


# A detector's pattern this long (bytes) is written once in the validating query (``WITH``, as ``pattern_name``)
# and named by both of its uses: the fragments' search and the match's end. The longest ones (the multilingual
# phrase, the hash families) took 26 kB and 13 kB of a 132 kB query; both engines fold ``concat`` of constants.
# A name and its two ``concat`` calls cost about 60 bytes, so from 100 bytes on naming saves: 400 -> 100 took the
# query from 130,519 to 126,690 bytes.
LONG_PATTERN = 100


def pattern_name(index: int) -> str:
    return f"_p{index}"


def long_patterns(ordered: Sequence[Detector]) -> dict[str, str]:
    """``WITH`` bindings (name -> quoted pattern) of the long patterns among ``ordered`` (1-based names)."""
    return {
        pattern_name(i): quote(d.pattern)
        for i, d in enumerate(ordered, start=1)
        if len(d.pattern.encode()) >= LONG_PATTERN
    }


# A named pattern's fragment opens with its left context (``.{0,24}(?:``): bound once by the validating query
# (27 copies took 320 bytes).
CONTEXT_OPEN = "_cx"


def candidates(index: int, d: Detector, row: str, named: bool = False) -> str:
    """``(detector, fragment, match, value)`` for each match of ``d`` in ``row`` (fragment = left context + match);
    ``named``: its pattern is bound to ``pattern_name(index)`` (``long_patterns``)."""
    if named:
        name = pattern_name(index)
        context = f"concat({CONTEXT_OPEN}, {name}, ')')"
        end = f"concat('(?:', {name}, ')$')"
    else:
        context = quote(f".{{0,{CONTEXT_CHARS}}}(?:{d.pattern})")
        end = quote(f"(?:{d.pattern})$")
    # The value's pattern written once (twice in ``if(extract(…) = '', _m, extract(…))``: 1.5 kB of the query).
    value = f"arrayMap(_vx -> if(_vx = '', _m, _vx), [extract(_m, {quote(d.value)})])[1]" if d.value else "_m"
    if d.value_first:  # tried first, as ``Detector.secret_of`` does
        value = f"arrayMap(_vy -> if(_vy = '', {value}, _vy), [extract(_m, {quote(d.value_first)})])[1]"
    # The index as a bare literal: both engines type one below 256 as UInt8, as ``_EMPTY_CANDIDATES`` writes it (the
    # ``toUInt8`` calls took 468 bytes of the validating query).
    return (
        f"arrayMap(_f -> arrayMap(_m -> tuple({index}, _f, _m, {value}), [extract(_f, {end})])[1], "
        f"arraySlice(extractAll({row}, {context}), 1, {FRAGMENTS_PER_ROW}))"
    )


def validated(
    validator: str,
    members: Sequence[tuple[int, Detector]],
    parts: str,
    row: str,
    ctx: sqlcheck.Ctx,
    specific_here: str = "1",
    gate: Gate | None = None,
    ordered: Sequence[Detector] = (),
    named: Collection[str] = (),
) -> str:
    """The candidate tuples ``parts`` of detectors sharing ``validator`` that pass it (its SQL appears once).

    A yielding detector's value (``Detector.yields_to_specific``) also must not lie inside a specific
    detector's match in the row, nor a value inside a match of a detector it yields to (``yields_to``).
    ``specific_here`` is true where a specific detector can match in the row (it had a candidate):
    elsewhere no search for their matches at all, as in chwarden's own validation (``verdict``).
    ``gate``: SQL true in a row where one of the given detectors had a candidate (modern servers: each
    detector's work only there); ``ordered``: every detector of the query, in index order (a detector's
    ``row_yields_to``); ``named``: the long patterns bound once (``long_patterns``), named here too.
    """
    valid = sqlcheck.validator_sql(validator, ctx)
    # A row-wide search (a specific or a preferred detector's matches) does not depend on the tuple: the
    # server computes it once per row, outside the lambda, even for a group whose yielding detectors had
    # no candidate. Behind a row-level ``if`` on their candidates (``gate``) it runs where they had one
    # only (35 s on a 100 MB row whose only candidate was a vendor key sharing the validator).
    yielding = [i for i, d in members if d.yields_to_specific]
    if yielding and ctx.specific:
        searched = f"({specific_here}) AND ({_candidate_in(gate, yielding)})"
        found = _where(searched, f"extractAll({row}, _specific)", "emptyArrayString()")
        inside = f"arrayExists(_s -> position(_s, val) > 0, {found})"
        named_elsewhere = f"(({specific_here}) AND (match(val, _specific) OR {inside}))"
        valid = f"{valid} AND (NOT has({list(yielding)}, _t.1) OR NOT {named_elsewhere})"
    for i, d in members:
        if d.yields_to:
            preferred = _alternation(preferred_to(d), ordered, named)
            found = _where(_candidate_in(gate, [i]), f"extractAll({row}, {preferred})", "emptyArrayString()")
            valid = f"{valid} AND (_t.1 != {i} OR NOT arrayExists(_s -> position(_s, val) > 0, {found}))"
        named_by = [(j, o) for j, o in enumerate(ordered, start=1) if o.id in d.row_yields_to]
        if named_by:  # a row that a detector it yields to names (no validator: any match) is not its own
            pattern = _alternation([o for _, o in named_by], ordered, named)
            there = _where(_candidate_in(gate, [j for j, _ in named_by]), f"match({row}, {pattern})", "0")
            valid = f"{valid} AND (_t.1 != {i} OR NOT {there})"
    return f"arrayFilter(_t -> {_on_value(valid)}, {parts})"


def _alternation(detectors: Sequence[Detector], ordered: Sequence[Detector], named: Collection[str]) -> str:
    """SQL for one pattern matching any of ``detectors``: a long pattern bound once (``named``, by its index
    in ``ordered``) by its name, the others written out (the credential phrases yield to a detector whose
    2 kB pattern was written a second time here)."""
    index = {o.id: i for i, o in enumerate(ordered, start=1)}
    names = [pattern_name(index[d.id]) if d.id in index else "" for d in detectors]
    if not any(name in named for name in names):
        return quote("|".join(f"(?:{d.pattern})" for d in detectors))
    # Text between two names is one literal (``(?:a)|(?:b)|(?:`` once, not five): 37 junctions took 150 bytes.
    pieces: list[str] = []
    text = ""
    for k, (d, name) in enumerate(zip(detectors, names, strict=True)):
        text += "(?:" if k == 0 else ")|(?:"
        if name in named:
            pieces += [quote(text), name]
            text = ""
        else:
            text += d.pattern
    return f"concat({', '.join([*pieces, quote(text + ')')])})"


Gate = Callable[[Collection[int]], str]  # SQL true in a row where one of these detectors had a candidate


def _candidate_in(gate: Gate | None, indices: Collection[int]) -> str:
    """``gate`` of the detectors ``indices``; always true without one (18.x: its rows passed the one filter)."""
    return gate(indices) if gate else "1"


def _where(condition: str, expression: str, otherwise: str) -> str:
    """``expression`` where ``condition`` holds, else ``otherwise``: a short-circuit ``if`` at row level."""
    return expression if condition == "1" else f"if({condition}, {expression}, {otherwise})"


def _on_value(condition: str) -> str:
    """``condition`` on a candidate tuple ``_t``, with ``val`` (the value), ``m`` (the match) and ``bef``
    (the text before the match) bound."""
    # One lambda over three one-element arrays (both engines take several arrays): 500 bytes shorter than nested ones.
    return (
        f"arrayExists((val, m, bef) -> {condition}, [_t.4], [_t.3], [substring(_t.2, 1, length(_t.2) - length(_t.3))])"
    )


def _groups(
    s: Shape,
    ctx: sqlcheck.Ctx,
    gate: Gate | None,
    specific_here: str = "1",
    named: Collection[str] = (),
) -> list[str]:
    """Per validator, the ``(detector, fragment, match, value)`` tuples of a row that pass it.

    Detectors sharing a validator are validated together, so its SQL appears once per query (the
    query stays short to plan). On modern servers each detector's extraction runs only where it has a
    candidate (``gate``, short-circuit ``if``); on 18.x the caller maps these over ``_pv``.
    """
    groups: dict[str, list[tuple[int, Detector]]] = {}
    for i, d in enumerate(s.ordered, start=1):
        groups.setdefault(d.validator, []).append((i, d))
    row = "v" if gate else "x"
    out = []
    for validator, members in sorted(groups.items()):
        parts = []
        for i, d in members:
            found = candidates(i, d, row, pattern_name(i) in named)
            parts.append(_where(_candidate_in(gate, [i]), found, _NO_CANDIDATES))
        joined = parts[0] if len(parts) == 1 else f"arrayConcat({', '.join(parts)})"
        body = validated(validator, members, joined, row, ctx, specific_here, gate, s.ordered, named)
        body = _where(_candidate_in(gate, [i for i, _ in members]), body, _NO_CANDIDATES)
        out.append(body)
    return out


def _result(s: Shape, found: str, digest: str) -> str:
    """``tuple(mask_0, ..., (detector, fragment) pairs, hash)`` from the valid tuples ``found``."""
    words = [
        f"arrayReduce('groupBitOr', arrayMap(_t -> toUInt64(if(intDiv(_t.1 - 1, {MASK_BITS}) = {w}, "
        f"bitShiftLeft(toUInt64(1), toUInt8((_t.1 - 1) % {MASK_BITS})), 0)), {found}))"
        for w in range(s.masks)
    ]
    pairs = f"arrayMap(_t -> tuple(_t.1, substring(_t.2, 1, {FRAGMENT_CHARS})), {found})"
    return f"tuple({', '.join(words)}, {pairs}, {digest})"


def _nothing(s: Shape) -> str:
    zeros = ", ".join("toUInt64(0)" for _ in range(s.masks))
    return f"tuple({zeros}, arrayFilter(_e -> 0, [tuple(toUInt8(0), '')]), toUInt64(0))"


def column_query(
    src: str,
    detectors: Sequence[Detector],
    *,
    modern: bool,
    hints: frozenset[str] = frozenset(),
    key: str | None = None,
    every: Sequence[Detector] | None = None,
) -> str:
    """One read of ``src`` (which selects ``v``, and ``k`` when ``key`` is given).

    Answer rows: ``m0..mN`` (UInt64 bit masks of detectors with a valid value, in ``shape().ordered``
    order), ``b`` (hash bucket), ``n`` (rows), ``sample`` (``(detector, fragment)`` pairs of the
    bucket's row with the smallest hash); plus ``k`` when grouping by a key (benchmarks only).
    ``every`` is the whole selection when ``detectors`` is part of it (named pairs): its specific
    detectors still name values first.
    """
    s = shape(detectors, modern)
    specifics = [d for d in (every or detectors) if d.specific]
    ctx = sqlcheck.Ctx(modern, hints, specific=bool(specifics))
    long = long_patterns(s.ordered)  # bound once here, named by ``_groups`` and by ``_specific``
    # Every specific detector's pattern in one: a long one by its name (password_hash's 5 kB was written twice).
    specific = {"_specific": _alternation(specifics, s.ordered, long)} if specifics else {}
    opening = {CONTEXT_OPEN: quote(f".{{0,{CONTEXT_CHARS}}}(?:")}
    bound = {**sqlcheck.constants(modern), "_none": _EMPTY_CANDIDATES, **opening, **long, **specific}
    withs = "WITH " + ", ".join(f"{value} AS {name}" for name, value in bound.items()) + " "
    keyed = ", k" if key else ""
    if modern:
        t = tiers(detectors)
        looked = {d.id for d in s.ordered}
        specific_ids = {d.id for d in (every or detectors) if d.specific}
        # Every specific detector is looked for: where none had a candidate, none can match. The test is a
        # column of the read (``_sh``): every yielding group names it (26 copies took 4.5 kB of the query).
        here = _any_of(t, {i for i, d in enumerate(s.ordered, 1) if d.id in specific_ids})
        specific_here = "_sh" if specific_ids <= looked else "1"
        groups = _groups(s, ctx, functools.partial(_any_of, t), specific_here, long)
        found = f"arrayMap(_all -> {_result(s, '_all', 'cityHash64(v)')}, [arrayConcat({', '.join(groups)})])[1]"
        # The tiers and the row as chwarden reads it (unescaped, on candidate rows only) are columns of a
        # subquery: every gate above names them, and the analyzer copies an alias's whole expression at
        # each mention. Measured on chdb (51 detectors, EXPLAIN QUERY TREE): 1.3-1.5 s as aliases, 0.64-0.85 s.
        # Every tier's patterns (the literal tier's 21 kB, the free tier's, the gate's, each guarded one) are
        # written once and named twice (the row, its decoded words): the validating query is the longest
        # chwarden sends (the free, gate and guarded sets named too: 130,334 -> 128,335 bytes).
        sets = pattern_sets(t, {_U8: quote(URL_UTF8_SEQUENCE)})
        read = (
            f"{sets}SELECT {_tier_columns(t, combined=True)}, "
            f"{_any_candidate(t)} AS _c, {here} AS _sh, "
            f"if(_c, {unescaped('v', _U8)}, '') AS _u{keyed} FROM {src}"
        )
        src = f"({read})"
        inner = f"{withs}SELECT _u AS v, if(_c, {found}, {_nothing(s)}) AS _r"
    else:
        # 18.x's analyzer copies an alias's expression into each place that names it: the row that
        # passed the prefilters (``_pv``, named by every group) and the valid tuples (``_all``, named
        # once per mask word) are columns of subqueries instead. Measured on 18.16 (53 detectors, one
        # row): 8.6 s to plan as aliases, 4.4-5.0 s as columns.
        per_row = ", ".join(f"arrayMap(x -> {g}, _pv)[1]" for g in _groups(s, ctx, None, named=long))
        passes = _passes_18(s.ordered)
        read = (
            f"SELECT arrayMap(x -> {unescaped('x')}, arrayFilter((x, _ok) -> _ok, [v], [{passes}])) AS _pv"
            f"{keyed} FROM {src}"
        )
        src = f"({withs}SELECT _pv, arrayConcat({per_row}) AS _all{keyed} FROM ({read}))"
        inner = f"SELECT {_result(s, '_all', 'arrayMap(x -> cityHash64(x), _pv)[1]')} AS _r"
    mask_names = [f"m{w}" for w in range(s.masks)]
    masks = ", ".join(f"_r.{w + 1} AS m{w}" for w in range(s.masks))
    any_hit = " OR ".join(f"{m} != 0" for m in mask_names)
    sql = (
        f"SELECT /* {MARKER} */ {', '.join(mask_names)}{keyed}, b, count() AS n, argMin(sample, h) AS sample FROM ("
        f"SELECT {masks}, _r.{s.masks + 1} AS sample, _r.{s.masks + 2} AS h, "
        f"if({any_hit}, h % {SAMPLE_BUCKETS}, 0) AS b{keyed} FROM ({inner}{keyed} FROM {src})) "
        f"GROUP BY {', '.join(mask_names)}{keyed}, b"
    )
    return compact(sql)  # the longest query chwarden sends: without spaces the server does not need


def row_filter(detectors: Sequence[Detector]) -> str:
    """18.x's combined RE2 filter: a superset of every detector's necessary condition (``coarse``), so a row without
    any is skipped; each detector's own condition then flags the rows that passed.

    Cheap literals and short classes instead of the full patterns: one RE2 alternation of all the
    patterns ran at 0.025x a bare read on 3 M log rows, the necessary conditions near 0.25x.
    """
    return "|".join(f"(?:{coarse(d.necessary)})" for d in detectors)


def rows_query(
    src: str,
    detectors: Sequence[Detector],
    *,
    modern: bool,
    bounded: bool = True,
    key: str | None = None,
    every_row: bool = False,
) -> str:
    """One read of ``src``: the distinct candidate rows, each with its exact row count.

    chwarden validates each distinct row with the Python rules, so every count stays exact. Rows
    without a candidate are filtered out in the server (the row total comes from ``count_query``,
    which reads no text column); ``every_row`` keeps them instead, as one group with empty text
    (for reads bounded in bytes, whose rows only this query knows). ``bounded`` stops after
    ``CANDIDATE_ROWS`` candidate rows (``LIMIT``: the server stops reading there too); a column
    with that many, or with a candidate row longer than ``ROW_CHARS`` (sent as ``LONG_ROW``), is
    validated in the server instead (``column_query``).

    Modern answer rows: ``_lit, _free, _gd`` (the tiers, see ``Tiers.hits``), ``_dh``, ``w``, ``n``;
    18.x: ``c`` (candidate detector indices), ``_dh``, ``w``, ``n``; plus ``k`` when grouping by a key.
    ``_dh`` marks a row whose URL-decoded words may hold a candidate: every detector looks at it.
    """
    s = shape(detectors, modern)
    long_row = quote(LONG_ROW)
    keyed = ", k" if key else ""
    text = f"if(length(v) <= {ROW_CHARS}, v, {long_row})"
    limit = f" LIMIT {CANDIDATE_ROWS}" if bounded and not every_row else ""
    if modern:
        t = tiers(detectors)
        candidate = _any_candidate(t)
        inner = (
            f"SELECT {_tier_columns(t, combined=False)}, "
            + (f"if({candidate}, {text}, '')" if every_row else text)
            + f" AS w{keyed} FROM {src}"
            + ("" if every_row else f" WHERE {candidate}{limit}")
        )
        # Detector numbers fit UInt16: small JSON numbers instead of quoted 64-bit ones to convert.
        # A row whose decoded words have a candidate (``_dh``) is validated for every detector.
        small = "CAST(any({0}0), 'Array(UInt16)') AS {0}"
        carried = f"{small.format('_lit')}, {small.format('_free')}, any(_gd0) AS _gd, any(_dh) AS _dh"
    else:
        # A row holding a URL escape passes the filter too (``_dh``): chwarden looks for every detector
        # in its decoded words, as for a modern server's ``_dh``. The flags run on the distinct rows, after
        # grouping: each ``match`` looks its compiled pattern up once per block, and the filtered rows come
        # in hundreds of small blocks (measured on 3 M log rows, 5 rounds, min: 1.03 s flagged before
        # grouping, 0.84 s after; the filter alone 0.78 s).
        flags = ", ".join(f"if({_flag_18(d)}, {i}, 0)" for i, d in enumerate(s.ordered, start=1))
        passes = _passes_18(s.ordered)
        if every_row:  # a row that does not pass keeps empty text: no flag matches it
            inner = f"SELECT arrayMap(v -> {text}, arrayFilter(v -> {passes}, [v]))[1] AS w{keyed} FROM {src}"
        else:
            inner = f"SELECT {text} AS w{keyed} FROM {src} WHERE {passes}{limit}"
        grouped = f"SELECT w{keyed}, count() AS n FROM ({inner}) GROUP BY w{keyed}"
        # The filter is coarser than the flags: a row that passed it with no flag is dropped here, unless it
        # stands for a row too long to send (``LONG_ROW``, which no flag matches) or the answer must count every row.
        kept = "" if every_row else f" WHERE notEmpty(c) OR _dh OR w = {long_row}"
        return (
            f"SELECT /* {MARKER} */ arrayFilter(_i -> _i > 0, [{flags}]) AS c, "
            f"match(w, {quote(DECODABLE)}) AS _dh, w{keyed}, n FROM ({grouped}){kept}"
        )
    # The text decides the candidates: grouping by it alone keeps the key a plain string.
    return f"SELECT /* {MARKER} */ {carried}, w{keyed}, count() AS n FROM ({inner}) GROUP BY w{keyed}"


def warm_up_query(detectors: Sequence[Detector]) -> str:
    """Every pattern set the modern candidate-rows query runs for ``detectors`` (each scope), once, on
    one empty row and without the guards that would skip them there.

    A current engine compiles a pattern set (Vectorscan) the first time a query runs it and keeps it
    for later queries (one cache per function, keyed by the patterns: hence the same functions and
    arrays as ``rows_query``). An embedded engine lives as long as one command, so every run paid
    about 1.1 s of compiling on its first column (measured on chdb 26.9: the literal set 0.43 s, the
    free set and its gate 0.17 s, the guarded patterns 0.49 s; the candidate-rows query on 1,000
    rows then took 0.07 s). The worker runs this while chwarden is still starting
    (``engine_worker.prewarm``). It reads no table.
    """
    sets: list[str] = []
    for named in (False, True):
        t = tiers([d for d in detectors if (d.scope == "named") == named])
        if not t.ordered:
            continue
        sets += [_all_indices(t.literal)]
        sets += [_all_indices(t.free[a:b]) for a, b in t.free_sets]
        sets += [_any_match(t.gate)] if t.gate else []
        sets += [_any_match([g]) for g in t.gate[1:]]  # each later gate's own, as ``_free_indices`` runs them
        sets += [_any_match([p.pattern]) for p in t.guarded]
    return f"SELECT /* {MARKER}:warm-up */ {', '.join(sets) or '1'} FROM (SELECT '' AS v)"


# 18.x's row filter is one RE2 alternation, run on every row by one DFA that RE2 builds within a fixed memory budget;
# past it RE2 keeps rebuilding its states or falls back to its NFA, many times slower. The states multiply where
# conditions stay pending at once: every word condition is coarsened (``coarse``), and the card's digit groups are
# one class of separators wide (its ``re2_prefilter``), not each separator written out, which beside the word
# conditions took the DFA past its budget (30,000 corpus lines of a split: 4.5-8.6 s against 0.05 s) and, in a DFA of
# its own, cost a second pass over every row. Measured on 18.16 (this stop, least of three): 3 M chat rows
# (bench_discover.py's, bare read 0.12-0.14 s) 1.12 s in two passes, 0.69 s in one; 30,000 lines of each of the
# first 1,200 corpus lines of every split, the slowest 0.11 s in two passes, 0.09 s in one.


def _flag_18(detector: Detector) -> str:
    """18.x: whether a distinct candidate row holds ``detector``'s necessary text and, for a gated detector, its gate
    (a current server runs a gated detector only where its gate matches, ``tiers``). The flags run on the distinct
    rows that passed the filter, so a second ``match`` costs little there and keeps rows that only a gate could
    rule out from being sent and judged (on 3 M chat rows, a phone's context word without a digit run after it:
    half of the rows that came back)."""
    flag = f"match(w, {quote(detector.necessary)})"
    return f"{flag} AND match(w, {quote(detector.gate)})" if detector.gate else flag


def _passes_18(ordered: Sequence[Detector]) -> str:
    """18.x's RE2 filter (``row_filter``): a detector's necessary text (coarsened), or what chwarden decodes
    (``DECODABLE``: a URL escape, an Arabic-Indic or Persian digit), whose decoded row is looked at on those rows only.
    Measured on 3 M rows: the URL escape as one more alternative cost nothing measurable (0.90 s against 0.88-0.97 s
    for the filter alone); decoding the words of every row with a ``%`` before filtering doubled the query (1.58 s
    against 0.82 s)."""
    return f"match(v, {quote(row_filter(ordered) + '|' + DECODABLE)})"


def count_query(src: str) -> str:
    """Rows of a table as a column scan reads them (``src`` selects a constant: no text is read)."""
    return f"SELECT /* {MARKER} */ count() AS n FROM {src}"


def _setting(value: object) -> str:
    return str(value) if isinstance(value, (int, float)) else quote(str(value))
