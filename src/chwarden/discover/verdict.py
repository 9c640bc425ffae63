"""From the server's per-column answer to findings: exact counts and redacted examples.

Two answers, both exact for the rows read (every row in ``--full``, the sample otherwise):

* ``judge_rows``: the server counted rows per distinct candidate row; each distinct row is
  validated here once with the Python rules (checksums, context, libphonenumber, the most specific
  detector naming a value) and its count goes to every detector with a valid value in it.
* ``judge``: for columns with too many distinct candidate rows, the server validated every
  candidate itself (``sqlcheck.py``) and counted rows per set of detectors; a few fragments per
  set come back for the examples, and libphonenumber still decides whether phones are reported.

Only redacted examples leave this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from chwarden.discover import forked
from chwarden.discover.rules import Detector, preferred_to, readable
from chwarden.discover.sql import CONTEXT_CHARS
from chwarden.discover.validators import CLIENT_CHECKS, NAMES_HINT, VALUE_ONLY, region_hints, validate
from chwarden.redact import redact

EXAMPLES = 3


@dataclass(frozen=True)
class Group:
    """One row of a column query: ``n`` rows whose detectors with a valid value are ``hits``.

    ``samples[i - 1]`` holds the valid fragments of detector ``i`` in the group's sampled row.
    """

    hits: tuple[int, ...]
    n: int
    samples: tuple[tuple[str, ...], ...] = ()


@dataclass
class ColumnVerdict:
    detector: Detector
    rows_matched: int
    examples: list[str] = field(default_factory=list)


def redacted_example(detector: Detector, matched: str) -> str:
    """The matched text with its sensitive value redacted (personal data shows no prefix)."""
    value = detector.secret_of(matched)
    if detector.category == "personal":
        if detector.id == "email" and "@" in value:
            local, domain = value.rsplit("@", 1)
            return redact(local, 0) + "@" + domain
        return redact(value, 0)
    if detector.category == "conversation":
        return f"{detector.id} ({len(matched)} chars, {redact(matched, 0)})"
    if detector.scope == "named":
        name, _, secret = value.partition("\x1f")
        return f"{name[-32:]} = {redact(secret)}"
    head = matched[: matched.find(value)] if value in matched else ""
    return head[-32:] + redact(value)


def parse_fragment(detector: Detector, fragment: str) -> tuple[str, str, str] | None:
    """(value, match, text before) of a fragment, as the server split it."""
    m = detector.end_regex.search(fragment)
    if m is None:
        return None
    return detector.secret_of(m.group(0)), m.group(0), fragment[: m.start()]


def _checked(detector: Detector, fragments: Sequence[str], hints: frozenset[str]) -> tuple[list[str], list[str]]:
    """(values passing the Python rules, their redacted examples) among server-validated fragments."""
    values: list[str] = []
    shown: list[str] = []
    for fragment in fragments:
        parsed = parse_fragment(detector, fragment)
        if parsed is None:
            continue
        value, match, before = parsed
        if validate(detector.validator, value, before, match=match, hints=hints):
            values.append(value)
            shown.append(redacted_example(detector, match))
    return values, shown


def _phone_indices(ordered: Sequence[Detector]) -> list[int]:
    return [i for i, d in enumerate(ordered, start=1) if d.validator == "phone"]


def fragment_regions(groups: Sequence[Group], ordered: Sequence[Detector]) -> frozenset[str]:
    """The column's own phone regions (``validators.region_hints``) from the server's fragments."""
    in_order = sorted(groups, key=lambda g: (g.hits, g.samples))
    return region_hints(
        parsed[0]
        for index in _phone_indices(ordered)
        for group in in_order
        if index in group.hits and index <= len(group.samples)
        for fragment in group.samples[index - 1]
        if (parsed := parse_fragment(ordered[index - 1], fragment)) is not None
    )


def judge(
    groups: Sequence[Group], ordered: Sequence[Detector], hints: frozenset[str] = frozenset()
) -> tuple[int, list[ColumnVerdict]]:
    """(rows read, verdicts for detectors with at least one valid row), the same on every run."""
    rows = sum(g.n for g in groups)
    counts: dict[int, int] = {}
    fragments: dict[int, list[str]] = {}
    for group in sorted(groups, key=lambda g: (g.hits, g.samples)):
        for index in group.hits:
            counts[index] = counts.get(index, 0) + group.n
            if index <= len(group.samples):
                fragments.setdefault(index, []).extend(group.samples[index - 1])
    hints |= fragment_regions(groups, ordered)
    verdicts = []
    for index in sorted(counts):
        detector = ordered[index - 1]
        if not detector.reported or (detector.generic and NAMES_HINT in hints):
            continue  # context only, or an assignment read in a column of names
        values, shown = _checked(detector, fragments.get(index, []), hints)
        check = CLIENT_CHECKS.get(detector.validator)
        if check is not None and not any(check(v, hints) for v in values):
            continue  # the server's shape checks passed, the library's number plan did not
        examples: list[str] = []
        for example in shown:
            if example not in examples and len(examples) < EXAMPLES:
                examples.append(example)
        verdicts.append(ColumnVerdict(detector, counts[index], examples))
    return rows, verdicts


@dataclass(frozen=True)
class RowGroup:
    """``n`` rows with the same candidate detectors (1-based) and the same text (windows)."""

    candidates: tuple[int, ...]
    windows: tuple[str, ...]
    n: int


def _named_elsewhere(window: str, start: int, end: int, specific: Sequence[Detector]) -> bool:
    """A value inside a specific detector's match belongs to that detector, not to a yielding one."""
    return any(m.start() < end and start < m.end() for d in specific for m in d.regex.finditer(window))


@dataclass(frozen=True)
class _Specific:
    """The specific detectors of one column scan, sorted once for every row's yielding values."""

    indices: frozenset[int]  # 1-based indices in ``ordered`` of the specific detectors looked for
    unlooked: tuple[Detector, ...]  # specific detectors the engine did not look for

    @classmethod
    def of(cls, ordered: Sequence[Detector], specific: Sequence[Detector]) -> _Specific:
        looked = {d.id for d in ordered}
        wanted = {d.id for d in specific}
        indices = frozenset(i for i, d in enumerate(ordered, start=1) if d.id in wanted)
        return cls(indices, tuple(d for d in specific if d.id not in looked))

    def here(self, group: RowGroup, ordered: Sequence[Detector]) -> list[Detector]:
        """The specific detectors that can match in this row.

        The engine's candidates are a superset of each detector's matches, so a specific detector the
        engine looked for and found no candidate of cannot match here (most rows: no search at all);
        one it did not look for (not in ``ordered``, e.g. value detectors beside a named pair) may.
        """
        return [ordered[i - 1] for i in group.candidates if i in self.indices] + list(self.unlooked)


def row_findings(
    group: RowGroup,
    ordered: Sequence[Detector],
    hints: frozenset[str],
    specific: Sequence[Detector],
    sorted_specific: _Specific | None = None,
    judged: dict[tuple[str, str], bool] | None = None,
) -> dict[int, list[str]]:
    """Detector index -> the matches (whole) with a valid value in this row (``sorted_specific``:
    ``specific`` sorted once by the caller that judges many rows; ``judged``: the caller's answers of
    ``VALUE_ONLY`` validators by value, for a value that repeats row after row)."""
    found: dict[int, list[str]] = {}
    judged = {} if judged is None else judged
    elsewhere: list[Detector] | None = None  # the row's specific detectors, once a yielding value needs them
    windows = [readable(w) for w in group.windows]
    for index in group.candidates:
        detector = ordered[index - 1]
        if detector.generic and NAMES_HINT in hints:
            continue  # a key-value table's name column: names, not assignments
        validator, regex = detector.validator, detector.regex
        check = CLIENT_CHECKS.get(validator)
        yields, preferred = detector.yields_to_specific, preferred_to(detector) if detector.yields_to else ()
        for window in windows:
            for m in regex.finditer(window):
                matched = m.group(0)
                value = detector.secret_of(matched)
                start = m.start()
                before = window[max(0, start - CONTEXT_CHARS) : start]
                if validator in VALUE_ONLY:
                    valid = judged.get((validator, value))
                    if valid is None:
                        valid = judged[validator, value] = validate(validator, value)
                else:
                    valid = validate(validator, value, before, match=matched, hints=hints)
                if not valid:
                    continue
                if check is not None and not check(value, hints):
                    continue
                offset = start + max(matched.find(value), 0)
                if yields:
                    if elsewhere is None:
                        elsewhere = (sorted_specific or _Specific.of(ordered, specific)).here(group, ordered)
                    if _named_elsewhere(window, offset, offset + len(value), elsewhere):
                        continue
                if preferred and _named_elsewhere(window, offset, offset + len(value), preferred):
                    continue
                found.setdefault(index, []).append(matched)
    if any(ordered[i - 1].row_yields_to for i in found):
        named = {ordered[i - 1].id for i in found}
        found = {i: m for i, m in found.items() if not named.intersection(ordered[i - 1].row_yields_to)}
    return found


def row_regions(groups: Sequence[RowGroup], ordered: Sequence[Detector]) -> frozenset[str]:
    """The column's own phone regions (``validators.region_hints``) from its distinct candidate rows,
    read in the order given (``judge_rows`` gives a sorted one: the same regions on every run)."""
    return region_hints(
        ordered[index - 1].secret_of(m.group(0))
        for index in _phone_indices(ordered)
        for group in groups
        if index in group.candidates
        for window in group.windows
        for m in ordered[index - 1].regex.finditer(readable(window))
    )


def judge_rows(
    groups: Sequence[RowGroup],
    ordered: Sequence[Detector],
    hints: frozenset[str] = frozenset(),
    specific: Sequence[Detector] = (),
) -> tuple[int, list[ColumnVerdict]]:
    """(rows read, verdicts) from distinct candidate rows and their exact counts."""
    rows = sum(g.n for g in groups)
    counts: dict[int, int] = {}
    examples: dict[int, list[str]] = {}
    sorted_specific = _Specific.of(ordered, specific)
    seen: set[tuple[int, str]] = set()
    in_order = sorted(groups, key=lambda g: (g.windows, g.candidates))
    hints |= row_regions(in_order, ordered)
    candidates = [g for g in in_order if g.candidates]

    def findings_of(part: Sequence[RowGroup]) -> list[dict[int, list[str]]]:
        judged: dict[tuple[str, str], bool] = {}  # per process: a value repeated row after row is judged once
        return [row_findings(g, ordered, hints, specific, sorted_specific, judged) for g in part]

    # The engine is done and the other cores idle: 10,000 distinct rows took one core 0.55 s, two 0.30 s.
    work = sum(len(g.candidates) * sum(map(len, g.windows)) for g in candidates)
    parts = forked.parts_for(len(candidates), work)
    for group, found in zip(candidates, forked.map_parts(findings_of, candidates, parts), strict=True):
        for index, matches in found.items():
            counts[index] = counts.get(index, 0) + group.n
            shown = examples.setdefault(index, [])
            for matched in matches:
                if len(shown) >= EXAMPLES:
                    break  # redacting (hashing) the rest would show nothing more
                if (index, matched) in seen:
                    continue  # the same leaked value, row after row: its redaction is already shown
                seen.add((index, matched))
                example = redacted_example(ordered[index - 1], matched)
                if example not in shown:
                    shown.append(example)
    return rows, [
        ColumnVerdict(ordered[i - 1], counts[i], examples.get(i, [])) for i in sorted(counts) if ordered[i - 1].reported
    ]
