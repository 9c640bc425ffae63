"""A coarser regex that matches wherever a detector's necessary condition does: 18.x's RE2 row filter.

18.x has no multi-pattern search; its row filter is an RE2 alternation of every detector's necessary
condition, run on every row. RE2's DFA slows down with the states such an alternation keeps alive at
once: a keyword followed by an open-ended gap (``password[^\\n]*…``, ``[A-Za-z0-9_.-]*``) stays pending
beside every other, and the states multiply. On 3 M chat rows one alternation of the full conditions
took 2.1 s over a 0.27 s bare read, the same alternation without its twelve gap-heavy detectors 0.93 s
(a one-literal DFA pass: 0.91 s).

``coarse`` keeps, of each sequence that such a gap interrupts, its most selective gap-free stretch
(the longest literal text, classes weighted by how few bytes they admit). Every string that holds a
match of the condition holds a match of one of those stretches: they are contiguous parts of the
same match. The filter only lets more rows through, never fewer; each detector's exact condition
still flags the rows that passed (``sql.rows_query``).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

# A stretch worth less than four literal bytes would pass too many rows (``sid`` is in "inside"): the sequence
# stays whole.
MIN_SCORE = 4.0
# A repeat stays in a stretch when its count varies by at most this much (``\\?``, ``[0-9]{1,3}``), or when it
# repeats whitespace only (``\\s*``: a state that ends at the next other byte); a wider or open one ends it.
SLACK = 3

_CATEGORIES = {
    c.CATEGORY_DIGIT: (r"\d", 10),
    c.CATEGORY_NOT_DIGIT: (r"\D", 246),
    c.CATEGORY_SPACE: (r"\s", 6),
    c.CATEGORY_NOT_SPACE: (r"\S", 250),
    c.CATEGORY_WORD: (r"\w", 63),
    c.CATEGORY_NOT_WORD: (r"\W", 193),
}
_AT = {
    c.AT_BEGINNING: "^",
    c.AT_BEGINNING_STRING: r"\A",
    c.AT_END: "$",
    c.AT_END_STRING: r"\z",
    c.AT_BOUNDARY: r"\b",
    c.AT_NON_BOUNDARY: r"\B",
}
_NAMED = {"\n": r"\n", "\t": r"\t", "\r": r"\r", "\f": r"\f", "\v": r"\v"}
_SPECIAL = set(r"\.^$|?*+()[]{}")
_CLASS_SPECIAL = set("\\]^-[")
_WHITESPACE = frozenset(" \t\n\r\f\v")


@dataclass(frozen=True)
class Piece:
    """A regex and its selectivity in literal bytes (a literal counts 1, a class less the more bytes it admits; an
    alternation counts as its weakest alternative); ``exact``: it matches exactly where the text it stands for does."""

    regex: str
    score: float
    exact: bool = True


class Unsupported(ValueError):
    """A construct this module does not rewrite: the pattern is kept as it is."""


def _char(code: int, in_class: bool = False) -> str:
    ch = chr(code)
    if ch in _NAMED:
        return _NAMED[ch]
    if code < 0x20 or code == 0x7F:
        return f"\\x{code:02x}"
    if ch in (_CLASS_SPECIAL if in_class else _SPECIAL):
        return "\\" + ch
    return ch


def _bits(size: int) -> float:
    """Selectivity of one byte from a set of ``size``: 1 for a literal, 0 for anything."""
    return max(0.0, math.log2(256 / max(1, size)) / 8)


def _class(items: list[tuple[Any, Any]]) -> tuple[str, int, bool]:
    """A character class: its text, how many byte values it admits (roughly), and whether it is whitespace only."""
    negate = False
    parts: list[str] = []
    size = 0
    spaces = True
    for op, arg in items:
        if op is c.NEGATE:
            negate = True
        elif op is c.LITERAL:
            parts.append(_char(arg, True))
            size += 1
            spaces = spaces and chr(arg) in _WHITESPACE
        elif op is c.RANGE:
            parts.append(f"{_char(arg[0], True)}-{_char(arg[1], True)}")
            size += arg[1] - arg[0] + 1
            spaces = False
        elif op is c.CATEGORY and arg in _CATEGORIES:
            text, n = _CATEGORIES[arg]
            parts.append(text)
            size += n
            spaces = spaces and arg is c.CATEGORY_SPACE
        else:
            raise Unsupported(str(op))
    if negate:
        return "[^" + "".join(parts) + "]", max(1, 256 - size), False
    return "[" + "".join(parts) + "]", min(256, size), spaces


def _atom(op: Any, arg: Any, flags: int) -> tuple[Piece, bool]:
    """One single-character node (or anchor) as a piece, and whether it admits whitespace only."""
    if op is c.LITERAL:
        return Piece(_char(arg), 1.0), chr(arg) in _WHITESPACE
    if op is c.NOT_LITERAL:
        return Piece(f"[^{_char(arg, True)}]", 0.0), False
    if op is c.ANY:
        return Piece("." if not flags & re.DOTALL else "(?s:.)", 0.0), False
    if op is c.IN:
        text, size, spaces = _class(arg)
        return Piece(text, _bits(size)), spaces
    if op is c.AT and arg in _AT:
        return Piece(_AT[arg], 0.0), False
    raise Unsupported(str(op))


def _wrap(regex: str, add: int, remove: int) -> str:
    on = "".join(letter for flag, letter in ((re.I, "i"), (re.M, "m"), (re.S, "s")) if add & flag)
    off = "".join(letter for flag, letter in ((re.I, "i"), (re.M, "m"), (re.S, "s")) if remove & flag)
    if not on and not off:
        return f"(?:{regex})"
    return f"(?{on}{'-' + off if off else ''}:{regex})"


def _repeat(low: int, high: int) -> str:
    if high == c.MAXREPEAT:
        return "*" if low == 0 else "+" if low == 1 else f"{{{low},}}"
    if (low, high) == (0, 1):
        return "?"
    if (low, high) == (1, 1):
        return ""
    return f"{{{low}}}" if low == high else f"{{{low},{high}}}"


def _repeated(body: list[tuple[Any, Any]], regex: str, low: int, high: int) -> str:
    """``regex`` (the written ``body``) repeated: a single character or class needs no group."""
    single = len(body) == 1 and body[0][0] in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN)
    return f"{regex if single else f'(?:{regex})'}{_repeat(low, high)}"


def _sequence(items: list[tuple[Any, Any]], flags: int) -> Piece:
    """A sequence whole when nothing in it is costly, else its most selective stretch."""
    stretches: list[Piece] = []  # candidates, once a costly node has cut the sequence
    run: list[Piece] = []
    cut = False

    def close() -> None:
        if run:
            stretches.append(Piece("".join(p.regex for p in run), sum(p.score for p in run)))
        run.clear()

    for op, arg in items:
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, high, body = arg
            inner = _node_list(list(body), flags)
            if not inner.exact:
                close()
                stretches.append(inner)
                cut = True
                continue
            if (high != c.MAXREPEAT and high - low <= SLACK) or _is_whitespace(list(body)):
                run.append(Piece(_repeated(list(body), inner.regex, low, high), inner.score * low))
                continue
            # An open or wide repeat: the stretch before it may end on its mandatory part, the next start on it.
            mandatory = [Piece(_repeated(list(body), inner.regex, low, low), inner.score * low)] if low else []
            run.extend(mandatory)
            close()
            run.extend(mandatory)
            cut = True
            continue
        if op is c.SUBPATTERN:
            _group, add, remove, body = arg
            inner = _node_list(list(body), (flags | add) & ~remove)
            piece = Piece(_wrap(inner.regex, add, remove), inner.score, inner.exact)
        elif op is c.BRANCH:
            piece = _branch(arg[1], flags)
        else:
            run.append(_atom(op, arg, flags)[0])
            continue
        if piece.exact:
            run.append(piece)
        else:  # a group or alternation cut inside: a stretch of its own
            close()
            stretches.append(piece)
            cut = True
    if not cut:
        return Piece("".join(p.regex for p in run), sum(p.score for p in run))
    close()
    if len(items) == 1 and items[0][0] in (c.SUBPATTERN, c.BRANCH):  # cut inside it, judged there: not here
        return stretches[0]
    best = max(stretches, key=lambda p: p.score, default=None)
    if best is None or best.score < MIN_SCORE:  # an alternation is as selective as its weakest alternative
        raise _KeepWhole()
    return Piece(best.regex, best.score, exact=False)


class _KeepWhole(Exception):
    """No stretch of a sequence is selective enough: the sequence stays as it is."""


def _is_whitespace(body: list[tuple[Any, Any]]) -> bool:
    if len(body) != 1:
        return False
    op, arg = body[0]
    try:
        return _atom(op, arg, 0)[1]
    except Unsupported:
        return False


def _branch(alternatives: list[Any], flags: int) -> Piece:
    pieces = [_node_list(list(a), flags) for a in alternatives]
    return Piece(
        "(?:" + "|".join(p.regex for p in pieces) + ")",
        min(p.score for p in pieces),
        all(p.exact for p in pieces),
    )


def _node_list(items: list[tuple[Any, Any]], flags: int) -> Piece:
    """A sequence cut to its best stretch, or written back whole when no stretch of it is selective enough."""
    try:
        return _sequence(items, flags)
    except _KeepWhole:
        return _whole(items, flags)


def _whole(items: list[tuple[Any, Any]], flags: int) -> Piece:
    """A sequence written back node for node, nothing cut (a cut inside it would break the sequence around it)."""
    parts: list[Piece] = []
    for op, arg in items:
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, high, body = arg
            inner = _whole(list(body), flags)
            lazy = "?" if op is c.MIN_REPEAT else ""
            parts.append(Piece(_repeated(list(body), inner.regex, low, high) + lazy, inner.score * low))
        elif op is c.SUBPATTERN:
            _group, add, remove, body = arg
            inner = _whole(list(body), (flags | add) & ~remove)
            parts.append(Piece(_wrap(inner.regex, add, remove), inner.score))
        elif op is c.BRANCH:
            alternatives = [_whole(list(a), flags) for a in arg[1]]
            regex = "(?:" + "|".join(p.regex for p in alternatives) + ")"
            parts.append(Piece(regex, min(p.score for p in alternatives)))
        else:
            parts.append(_atom(op, arg, flags)[0])
    return Piece("".join(p.regex for p in parts), sum(p.score for p in parts))


@functools.lru_cache(maxsize=512)
def coarse(pattern: str) -> str:
    """A superset of ``pattern`` (as an unanchored search) that keeps RE2's DFA small; ``pattern`` itself when
    it has nothing to cut or uses a construct this module does not write back."""
    try:
        tree = parser.parse(pattern)
        piece = _node_list(list(tree), tree.state.flags)
    except (Unsupported, re.error, RecursionError):
        return pattern
    if piece.exact:
        return pattern
    if tree.state.flags & re.IGNORECASE:
        return f"(?i:{piece.regex})"
    return piece.regex
