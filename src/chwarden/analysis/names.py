"""Does a table or column name hint at secrets, personal data, conversations or logs?

One vocabulary (``name_hints.json``, data next to this module) answers for every command: ``scan``
flags the tables strangers can read, the audit's exposure check and ``assess`` judge what a
passwordless user can read, ``discover`` reports column-name hints and recognises chat columns.
Each of them judges the categories it cares about; the words are the same for all.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from chwarden.clickhouse.system import SYSTEM_DATABASES
from chwarden.facts import TableFacts

HINTS_FILE = "name_hints.json"
MAX_REASONS = 10
# What makes a readable table "sensitive-looking" when strangers (scan) or passwordless users (the
# exposure check) can read it; assess and discover judge the data classes instead (DATA_CATEGORIES).
EXPOSURE_CATEGORIES = ("conversation", "log", "secret")
DATA_CATEGORIES = ("secret", "conversation", "personal")


@dataclass(frozen=True)
class NameVocabulary:
    """The table- and column-name patterns of each category, and tables known from real leaks."""

    tables: dict[str, re.Pattern[str]]
    columns: dict[str, re.Pattern[str]]
    ambiguous_columns: dict[str, re.Pattern[str]]  # names that hint at the category among others
    known_tables: dict[str, frozenset[str]]

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(self.tables)


@functools.cache
def vocabulary() -> NameVocabulary:
    """The bundled vocabulary, compiled once."""
    from importlib import resources  # lazy: ~5 ms of imports, only when a table or column name is judged

    data = json.loads(resources.files("chwarden.analysis").joinpath(HINTS_FILE).read_text(encoding="utf-8"))
    categories = data["categories"]
    return NameVocabulary(
        tables={c: re.compile(f"(?i)(?:{p['table']})") for c, p in categories.items()},
        columns={c: re.compile(f"(?i)(?:{p['column']})") for c, p in categories.items()},
        ambiguous_columns={
            c: re.compile(f"(?i)(?:{p['column_ambiguous']})") for c, p in categories.items() if "column_ambiguous" in p
        },
        known_tables={name.lower(): frozenset(cats) for name, cats in data["known_tables"].items()},
    )


def classify_name(table: str | None = None, column: str | None = None, *, ambiguous: bool = True) -> frozenset[str]:
    """The categories a table name and/or a column name hint at (empty: nothing sensitive-looking).

    ``ambiguous=False`` leaves out column names that name other content as often (``message``).
    """
    words = vocabulary()
    found: set[str] = set()
    if table:
        found.update(c for c, pattern in words.tables.items() if pattern.search(table))
        found.update(words.known_tables.get(table.lower(), ()))
    if column:
        found.update(c for c, pattern in words.columns.items() if pattern.search(column))
        if ambiguous:
            found.update(c for c, pattern in words.ambiguous_columns.items() if pattern.search(column))
    return frozenset(found)


def table_hints(table: TableFacts, categories: Iterable[str]) -> dict[str, list[str]]:
    """``{category: [reasons]}`` of a user table (``name:t``, then ``column:c``), in the order of
    ``categories``; empty for system tables and tables whose names hint at none of them."""
    if table.database in SYSTEM_DATABASES:
        return {}
    by_name = classify_name(table=table.name)
    by_column = [(column, classify_name(column=column)) for column, _type in table.columns]
    found: dict[str, list[str]] = {}
    for category in categories:
        reasons = [f"name:{table.name}"] if category in by_name else []
        reasons += [f"column:{column}" for column, hinted in by_column if category in hinted]
        if reasons:
            found[category] = reasons[:MAX_REASONS]
    return found
