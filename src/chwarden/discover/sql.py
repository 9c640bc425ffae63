"""Pushdown SQL: detectors compiled into one query per column that runs where the data lives.

Every shape ends as groups of rows with the same set of matched detectors: a count and, for at
most ``samples`` rows of each set, the matched text with a little left context (bounded in count
and length), never whole values.

* Servers with Vectorscan read the column once and split the detectors in three tiers, because
  one literal-free pattern in a Vectorscan set makes the whole set run an automaton over every
  byte (measured on 10 M chat-like log rows in chdb: the 44 patterns in one set take about 4x a
  bare read of the column, the tiers 2.7x):

  - ``literal``: detectors with keywords, one ``multiMatchAllIndices`` (Vectorscan's literal
    matcher skips text no keyword starts in);
  - ``free``: keyword-free detectors without a guard, a second, small ``multiMatchAllIndices``;
  - ``guarded``: detectors (or top-level alternatives of them) with a cheap exact necessary
    condition in ``GUARDS`` (a SIMD ``position``/``countSubstrings`` scan) run ``multiMatchAny``
    only on rows that pass it.

  Every row is classified (``--full`` means every row for every detector); the guards only skip
  rows that cannot match. A ``multiSearchAny`` keyword prefilter was slower: its keywords
  (``password``, ``token``, ``session``) are common words in real logs.
* Old servers such as 18.16 (RE2 ``match`` only): one RE2 alternation of every pattern selects the
  hit rows, and per-detector ``match()`` runs on those rows only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chwarden.clickhouse.sql import quote_ident, quote_string
from chwarden.discover.rules import Detector

MARKER = "chwarden:discover"
CONTEXT_CHARS = 24  # left context kept with each fragment (validators look at it)
# The shared ClickHouse quoting, under the short names the query builders use.
quote = quote_string
ident = quote_ident
FRAGMENT_CHARS = 512
FRAGMENTS_PER_ROW = 20
FALLBACK_PATTERN_CHARS = 1000


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


def source(table: str, expression: str, bounds: Bounds, where: str = "") -> str:
    """``(SELECT <expression> AS v FROM <table> ...)``: the rows one column scan reads.

    ``where`` restricts which rows exist at all (log time windows), before the row bound.
    """
    sql = f"SELECT {expression} AS v FROM {table}"
    if not bounds.full and bounds.sample_clause:
        sql += f" SAMPLE {int(bounds.rows)}"
    if where:
        sql += f" WHERE {where}"
    if not bounds.full:
        sql += f" LIMIT {int(bounds.rows)}"
    return f"({sql})"


def hit_rows(src: str, detectors: Sequence[Detector]) -> str:
    """The rows of ``src`` matching any detector (one RE2 alternation; after the row bound)."""
    return f"(SELECT v FROM {src} WHERE {any_match(detectors)})"


def context_alternation(detectors: Sequence[Detector]) -> str:
    alternatives = "|".join(d.pattern for d in detectors)
    return f".{{0,{CONTEXT_CHARS}}}(?:{alternatives})"


def _fragments(expr: str, detectors: Sequence[Detector]) -> str:
    extract = f"extractAll({expr}, {quote(context_alternation(detectors))})"
    return f"arrayMap(x -> substring(x, 1, {FRAGMENT_CHARS}), arraySlice({extract}, 1, {FRAGMENTS_PER_ROW}))"


# Keyword-free detectors whose patterns are costly in Vectorscan, with exact necessary conditions
# (derived from the pattern) in plain string functions over the row ``v``: one guard for the whole
# pattern, or one per top-level alternative of ``(?:a|b|c)`` (measured: each phone alternative
# behind its own guard beats one guard for all three, on chat text and on ISO-timestamped logs).
# A pattern that no longer splits as listed runs whole in the keyword-free set: slower, never
# wrong. test_discover.py checks on probes and on the corpus that the tiers classify every row
# like one Vectorscan set of all patterns.
GUARDS: dict[str, tuple[str, ...]] = {
    "email": ("position(v, '@') > 0",),
    "ipv4": ("countSubstrings(v, '.') >= 3",),  # d.d.d.d
    "ipv6": ("position(v, '::') > 0 OR countSubstrings(v, ':') >= 7",),  # h::h, h:h::, or 8 groups
    "phone": ("position(v, '+') > 0", "position(v, '(') > 0", "countSubstrings(v, '-') >= 2"),  # +CC, (NNN), N-N-N
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


@dataclass(frozen=True)
class Tiers:
    """Detectors as the modern query runs them; global hit index i is ``ordered[i - 1]``."""

    ordered: tuple[Detector, ...]
    literal: tuple[Part, ...]
    free: tuple[Part, ...]
    guarded: tuple[Part, ...]

    def hits(self, literal: Sequence[int], free: Sequence[int], guarded_mask: int) -> tuple[int, ...]:
        """Global indices from the three per-tier answers of one group."""
        found = {self.literal[i - 1].index for i in literal} | {self.free[i - 1].index for i in free}
        found |= {p.index for bit, p in enumerate(self.guarded) if guarded_mask >> bit & 1}
        return tuple(sorted(found))


def _guard_plan(detector: Detector) -> list[tuple[str, str]] | None:
    """(pattern, guard) pieces of a guarded detector, or None when it is not guarded (as listed)."""
    guards = GUARDS.get(detector.id)
    if guards is None:
        return None
    pieces = [detector.pattern] if len(guards) == 1 else alternatives(detector.pattern)
    return list(zip(pieces, guards, strict=True)) if len(pieces) == len(guards) else None


def tiers(detectors: Sequence[Detector]) -> Tiers:
    plans = {d.id: _guard_plan(d) for d in detectors}
    literal = [d for d in detectors if d.anchored and plans[d.id] is None]
    free = [d for d in detectors if not d.anchored and plans[d.id] is None]
    guarded = [d for d in detectors if plans[d.id] is not None]
    ordered = (*literal, *free, *guarded)
    index = {d.id: i for i, d in enumerate(ordered, start=1)}
    return Tiers(
        ordered=ordered,
        literal=tuple(Part(index[d.id], d.pattern) for d in literal),
        free=tuple(Part(index[d.id], d.pattern) for d in free),
        guarded=tuple(Part(index[d.id], p, g) for d in guarded for p, g in plans[d.id] or []),
    )


def order(detectors: Sequence[Detector]) -> list[Detector]:
    """The order both query shapes number detectors in: hit index i is ``order(...)[i - 1]``."""
    return list(tiers(detectors).ordered)


def _all_indices(parts: Sequence[Part]) -> str:
    if not parts:
        return "emptyArrayUInt64()"
    return f"multiMatchAllIndices(v, {string_array([p.pattern for p in parts])})"


def _guarded_mask(guarded: Sequence[Part]) -> str:
    """A bit per guarded pattern; ``if`` short-circuits, so the pattern runs only past its guard."""
    bits = [
        f"if({p.guard}, if(multiMatchAny(v, {string_array([p.pattern])}), {1 << i}, 0), 0)"
        for i, p in enumerate(guarded)
    ]
    return f"toUInt64({' + '.join(bits)})" if bits else "toUInt64(0)"


def modern_column_query(src: str, detectors: Sequence[Detector], samples: int, settings: dict[str, object]) -> str:
    """One read of the column: per-tier hits grouped, samples only from rows that matched.

    Returns ``(literal Array(UInt64), free Array(UInt64), guarded UInt64, n UInt64, samples)``;
    ``Tiers.hits`` turns the first three into global indices.
    """
    t = tiers(detectors)
    matched = "notEmpty(literal) OR notEmpty(free) OR guarded != 0"
    # Fragments are extracted after aggregation, from the few sampled rows only.
    samples_sql = f"arrayMap(v -> {_fragments('v', t.ordered)}, sampled)"
    sql = (
        f"SELECT /* {MARKER} */ literal, free, guarded, n, {samples_sql} AS samples FROM ("
        f"SELECT literal, free, guarded, count() AS n, groupArrayIf({int(samples)})(v, {matched}) AS sampled "
        f"FROM (SELECT {_all_indices(t.literal)} AS literal, {_all_indices(t.free)} AS free, "
        f"{_guarded_mask(t.guarded)} AS guarded, v FROM {src}) GROUP BY literal, free, guarded)"
    )
    if settings:
        sql += " SETTINGS " + ", ".join(f"{k} = {_setting(v)}" for k, v in settings.items())
    return sql


def fallback_column_query(src_hits: str, detectors: Sequence[Detector], samples: int) -> str:
    """RE2-only shape (18.16): ``src_hits`` already keeps only rows matching the alternation."""
    ordered = order(detectors)
    flags = ", ".join(f"if(match(v, {quote(d.pattern)}), {i}, 0)" for i, d in enumerate(ordered, start=1))
    return (
        f"SELECT /* {MARKER} */ hits, count() AS n, groupArray({int(samples)})(fragments) AS samples "
        f"FROM (SELECT arrayFilter(x -> x > 0, [{flags}]) AS hits, {_fragments('v', ordered)} AS fragments "
        f"FROM {src_hits}) GROUP BY hits"
    )


def any_match(detectors: Sequence[Detector]) -> str:
    """The single RE2 alternation that selects hit rows on servers without Vectorscan."""
    return "match(v, " + quote("|".join(f"(?:{d.pattern})" for d in order(detectors))) + ")"


def chunks(detectors: Sequence[Detector], budget: int = FALLBACK_PATTERN_CHARS) -> list[list[Detector]]:
    """Detectors split so that each fallback query stays short.

    18.16 reads queries from the URL of an HTTP GET (chwarden's read-only transport), where a
    request line past about 16 KB is refused; each pattern appears three times, escaped.
    """
    out: list[list[Detector]] = [[]]
    size = 0
    for d in order(detectors):
        if out[-1] and size + len(d.pattern) > budget:
            out.append([])
            size = 0
        out[-1].append(d)
        size += len(d.pattern)
    return [c for c in out if c]


def count_query(src: str) -> str:
    return f"SELECT /* {MARKER} */ count() AS n FROM {src}"


def _setting(value: object) -> str:
    return str(value) if isinstance(value, (int, float)) else quote(str(value))
