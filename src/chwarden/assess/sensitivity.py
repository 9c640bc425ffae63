"""What sensitive data each table holds: measured by discover, or inferred from names.

Discover (``chwarden.discover``) reads the data and counts matching rows per column and class
(secret, pii, conversation). Without it, assess falls back to what the audit already knows:
table and column names (``log_stream``, ``prompt``, ``api_key``, ``email`` ...: the shared name
vocabulary of ``chwarden.analysis.names``), with the table's row count as the count, and says so
(``source: inferred``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from chwarden.analysis.names import DATA_CATEGORIES, classify_name
from chwarden.clickhouse.system import SYSTEM_DATABASES
from chwarden.facts import TableFacts
from chwarden.model import SensitiveData

CATEGORY_WEIGHT = {"secret": 1.0, "conversation": 0.9, "personal": 0.8}
# Discover names personal data "personal"; the report contract once called it "pii".
CATEGORY_ALIASES = {"pii": "personal"}

# Classes the name guess still adds when discover ran: discover's detectors are patterns, so no
# secret or personal match means none; chat text has no pattern, so a chat-like name stays evidence.
KEPT_WITH_DISCOVER = frozenset({"conversation"})


@dataclass(frozen=True)
class DataClass:
    """One class of sensitive data in a table."""

    category: str  # secret | pii | conversation
    rows: int | None  # rows holding it (discover) or the table's rows (inferred)
    columns: tuple[str, ...]  # columns holding it; () when only the table name says so
    detectors: tuple[str, ...] = ()
    source: str = "discover"  # discover | inferred
    sampled: bool = False

    @property
    def weight(self) -> float:
        return CATEGORY_WEIGHT.get(self.category, 0.3)

    def label(self) -> str:
        count = "? rows" if self.rows is None else f"{self.rows:,} rows"
        guess = ", inferred from names" if self.source == "inferred" else ""
        sampled = ", sampled" if self.sampled else ""
        return f"{self.category} ({count}{sampled}{guess})"


@dataclass
class TableData:
    database: str
    table: str
    rows: int | None
    classes: list[DataClass] = field(default_factory=list)

    def readable_classes(self, columns: Iterable[str]) -> list[DataClass]:
        """Classes a reader of ``columns`` can see (table-wide classes need any column)."""
        cols = set(columns)
        return [c for c in self.classes if not c.columns or cols & set(c.columns)]


def from_discover(found: Iterable[SensitiveData], tables: Iterable[TableFacts]) -> dict[tuple[str, str], TableData]:
    """Discover's per-column counts grouped into classes per table (the largest count per class)."""
    sizes = {(t.database, t.name): t.total_rows for t in tables}
    result: dict[tuple[str, str], TableData] = {}
    grouped: dict[tuple[str, str, str], list[SensitiveData]] = {}
    for item in found:
        category = CATEGORY_ALIASES.get(item.category, item.category)
        grouped.setdefault((item.database, item.table, category), []).append(item)
    for (db, table, category), items in sorted(grouped.items()):
        data = result.setdefault((db, table), TableData(db, table, sizes.get((db, table))))
        matched = [i for i in items if i.rows_matched > 0]
        if not matched:
            continue
        data.classes.append(
            DataClass(
                category=category,
                rows=max(i.rows_matched for i in matched),
                columns=tuple(dict.fromkeys(i.column for i in matched)),
                detectors=tuple(dict.fromkeys(i.detector for i in matched)),
                source="discover",
                sampled=any(i.sampled for i in matched),
            )
        )
    return {k: v for k, v in result.items() if v.classes}


def inferred(tables: Iterable[TableFacts]) -> dict[tuple[str, str], TableData]:
    """Classes guessed from table and column names, counted as the table's rows."""
    result: dict[tuple[str, str], TableData] = {}
    for table in tables:
        if table.database in SYSTEM_DATABASES or table.is_temporary:
            continue
        classes: list[DataClass] = []
        by_name = classify_name(table=table.name)
        by_column = [(name, classify_name(column=name)) for name, _type in table.columns]
        for category in DATA_CATEGORIES:
            columns = tuple(name for name, hinted in by_column if category in hinted)
            if columns or category in by_name:
                classes.append(DataClass(category, table.total_rows, columns, source="inferred"))
        if classes:
            result[(table.database, table.name)] = TableData(table.database, table.name, table.total_rows, classes)
    return result


def sensitive_tables(
    tables: Iterable[TableFacts], found: Iterable[SensitiveData] | None, *, complete: bool = True
) -> dict[tuple[str, str], TableData]:
    """Discover's measurements, completed by the name guess for chat text discover did not report.

    Discover's pattern detectors are trusted both ways (a key it did not find is not there); a
    table whose names say "chat" keeps that class, marked inferred, when discover did not report
    it. A discover run that stopped early (``complete`` False) leaves every guessed class it did
    not report. Without discover (``found`` is None) everything comes from names.
    """
    table_list = list(tables)
    guessed = inferred(table_list)
    if found is None:
        return guessed
    found_list = list(found)
    measured = from_discover(found_list, table_list)
    reported = {(i.database, i.table, CATEGORY_ALIASES.get(i.category, i.category)) for i in found_list}
    for key, guess in guessed.items():
        missing = [
            c
            for c in guess.classes
            if (c.category in KEPT_WITH_DISCOVER or not complete) and (key[0], key[1], c.category) not in reported
        ]
        if not missing:
            continue
        data = measured.setdefault(key, TableData(guess.database, guess.table, guess.rows))
        data.classes.extend(missing)
    return measured
