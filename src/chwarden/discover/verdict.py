"""From the server's per-column answer to findings: validate sampled fragments, estimate counts.

The server counts rows per set of matched detectors and returns a few fragments per set. Here each
fragment is re-matched with the detector's Python regex and validated (checksums, Luhn, entropy,
documented examples). A detector is reported for a column when at least one sampled row holds a
valid value; its row count is the server's count scaled by the valid share of the sampled rows
(exact when every matching row was sampled). Only redacted examples leave this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from chwarden.discover.rules import Detector
from chwarden.discover.validators import validate
from chwarden.redact import redact

EXAMPLES = 3


@dataclass(frozen=True)
class Group:
    """One row of a column query: rows whose matched-detector set is ``hits``."""

    hits: tuple[int, ...]
    n: int
    samples: tuple[tuple[str, ...], ...]


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
    head = matched[: matched.find(value)] if value in matched else ""
    return head[-32:] + redact(value)


def _valid_matches(detector: Detector, fragments: Sequence[str]) -> tuple[bool, list[str]]:
    """(found any candidate, redacted examples of the valid ones) in one row's fragments."""
    found = False
    valid: list[str] = []
    for fragment in fragments:
        for m in detector.regex.finditer(fragment):
            found = True
            value = detector.secret_of(m.group(0))
            if validate(detector.validator, value, fragment[: m.start()]):
                valid.append(redacted_example(detector, m.group(0)))
    return found, valid


def judge(groups: Sequence[Group], ordered: Sequence[Detector]) -> tuple[int, list[ColumnVerdict]]:
    """(rows scanned, verdicts for detectors with at least one validated row)."""
    rows = sum(g.n for g in groups)
    estimates: dict[int, float] = {}
    examples: dict[int, list[str]] = {}
    for group in groups:
        for index in group.hits:
            detector = ordered[index - 1]
            checked = valid_rows = 0
            for row in group.samples:
                found, valid = _valid_matches(detector, row)
                if not found:
                    continue  # the fragment of this row went to an overlapping detector
                checked += 1
                if valid:
                    valid_rows += 1
                    bucket = examples.setdefault(index, [])
                    bucket.extend(v for v in valid if v not in bucket and len(bucket) < EXAMPLES)
            if checked:
                estimates[index] = estimates.get(index, 0.0) + group.n * valid_rows / checked
    verdicts = [
        ColumnVerdict(ordered[i - 1], max(1, round(estimate)), examples.get(i, []))
        for i, estimate in sorted(estimates.items())
        if examples.get(i)
    ]
    return rows, verdicts
