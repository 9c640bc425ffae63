"""Loading the labelled corpus into an engine and scoring discover against its labels.

Shared by the integration tests and ``bench/bench_discover_accuracy.py``. Column level: one
decision per (table, column, detector). Row level: one per (table, column, row, detector), read
with the same column query grouped by row number (``sql.column_query(..., key=...)``). Category
level: a column is positive for a category when any of its labels belongs to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tests.data.discover.corpus import COLUMN_LEVEL, CorpusTable

from chwarden.discover import DiscoverResult, load_rules

CATEGORY = {d.id: d.category for d in load_rules().detectors} | {"chat_text": "conversation"}


def literal(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def create_statements(database: str, table: CorpusTable) -> list[str]:
    """DDL and one INSERT per table: a row number ``n`` and one String column per corpus column."""
    names = list(table.columns)
    columns = ", ".join(f"`{c}` String" for c in names)
    statements = [f"CREATE TABLE {database}.{table.name} (n UInt32, {columns}) ENGINE = MergeTree ORDER BY n"]
    rows = max(len(v) for v in table.columns.values())
    values = []
    for i in range(rows):
        cells = [literal(table.columns[c][i] if i < len(table.columns[c]) else "") for c in names]
        values.append(f"({i}, {', '.join(cells)})")
    statements.append(f"INSERT INTO {database}.{table.name} VALUES {', '.join(values)}")
    return statements


def predicted_columns(result: DiscoverResult, database: str) -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = {}
    for e in result.sensitive_data:
        if e.database == database and e.category != "hint":
            found.setdefault((e.table, e.column), set()).add(e.detector)
    return found


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    mistakes: list[str] = field(default_factory=list)

    def add(self, expected: set[str] | frozenset[str], got: set[str] | frozenset[str], where: str) -> None:
        self.tp += len(got & expected)
        self.fp += len(got - expected)
        self.fn += len(expected - got)
        self.mistakes += [f"FP {where} {d}" for d in sorted(got - expected)]
        self.mistakes += [f"FN {where} {d}" for d in sorted(expected - got)]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Score:
    overall: Tally = field(default_factory=Tally)
    per_detector: dict[str, Tally] = field(default_factory=dict)
    per_category: dict[str, Tally] = field(default_factory=dict)

    def add(self, expected: Iterable[str], got: Iterable[str], where: str) -> None:
        exp, found = set(expected), set(got)
        self.overall.add(exp, found, where)
        for d in exp | found:
            self.per_detector.setdefault(d, Tally()).add(exp & {d}, found & {d}, where)
        for cat in {CATEGORY.get(d, "?") for d in exp | found}:
            in_cat: Callable[[set[str]], set[str]] = lambda s, c=cat: {x for x in s if CATEGORY.get(x) == c}  # noqa: E731
            self.per_category.setdefault(cat, Tally()).add(
                {cat} if in_cat(exp) else set(), {cat} if in_cat(found) else set(), where
            )


def score_columns(
    predicted: Mapping[tuple[str, str], set[str]], labels: Mapping[tuple[str, str], frozenset[str]]
) -> Score:
    score = Score()
    for key, expected in sorted(labels.items()):
        score.add(expected, predicted.get(key, set()), f"{key[0]}.{key[1]}")
    return score


def score_rows(
    predicted: Mapping[tuple[str, str, int], set[str]], rows: Mapping[tuple[str, str], list[frozenset[str]]]
) -> Score:
    score = Score()
    for (table, column), labels in sorted(rows.items()):
        for i, expected in enumerate(labels):
            got = predicted.get((table, column, i), set())
            score.add(expected - COLUMN_LEVEL, got, f"{table}.{column}[{i}]")
    return score


def summary(name: str, score: Score) -> str:
    o = score.overall
    return f"{name}: precision {o.precision:.3f} recall {o.recall:.3f} (tp {o.tp}, fp {o.fp}, fn {o.fn})"


def as_dict(score: Score) -> dict[str, Any]:
    def one(t: Tally) -> dict[str, Any]:
        return {"precision": round(t.precision, 4), "recall": round(t.recall, 4), "tp": t.tp, "fp": t.fp, "fn": t.fn}

    return {
        "overall": one(score.overall),
        "per_category": {k: one(v) for k, v in sorted(score.per_category.items())},
        "per_detector": {k: one(v) for k, v in sorted(score.per_detector.items())},
    }
