"""Column-level heuristics: chat content (prompts and answers) and telling column names.

Chat text has no pattern of its own, so a column counts as conversation content when its values
read like sentences (judged in the server over a bounded number of rows) and either its name says
so (``prompt``, ``completion``, ``answer``...) or a sibling column holds chat roles
(``user``/``assistant``). A generic ``message`` column of a log table is not chat by its name
alone: log lines are wordy too. Name hints (``password``, ``token``, ``email``...) are reported
separately, category ``hint``, and never count as findings on their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chwarden.analysis.names import classify_name
from chwarden.discover import sql

STATS_ROWS = 1000
ROLE_COLUMN = re.compile(r"(?i)^(role|speaker|sender|author|from|participant|message_role)$")
CHAT_ROLES = frozenset({"user", "assistant", "human", "ai", "bot", "model", "system", "tool"})
HINT_CATEGORIES = ("secret", "personal", "conversation")  # column-name hints reported as category ``hint``
# Three words in a row, and sentence punctuation followed by a space or the end of the value.
_WORDY = r"[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}"
_SENTENCE = r"[a-z][.?!](?:\s|$)"


@dataclass(frozen=True)
class TextStats:
    rows: int
    non_empty: int
    avg_length: float
    wordy: int
    sentences: int

    @property
    def reads_like_chat(self) -> bool:
        if not self.non_empty:
            return False
        return self.avg_length >= 20 and self.wordy / self.non_empty >= 0.6 and self.sentences / self.non_empty >= 0.3


def stats_query(src: str) -> str:
    return (
        f"SELECT /* {sql.MARKER} */ count() AS rows, countIf(v != '') AS non_empty, "
        "avgIf(length(v), v != '') AS avg_length, "
        f"countIf(match(v, {sql.quote(_WORDY)})) AS wordy, "
        f"countIf(match(v, {sql.quote(_SENTENCE)})) AS sentences "
        f"FROM {src}"
    )


def roles_query(src: str) -> str:
    return f"SELECT /* {sql.MARKER} */ arraySlice(groupUniqArray(lower(v)), 1, 50) AS roles FROM {src}"


def has_chat_roles(values: Sequence[str]) -> bool:
    found = {v.strip().lower() for v in values} & CHAT_ROLES
    return len(found - {"system", "tool"}) >= 2 or found >= {"user", "assistant"}


def name_hints(column: str) -> list[str]:
    """The categories a column's name hints at (the shared vocabulary of ``chwarden.analysis.names``)."""
    hinted = classify_name(column=column, ambiguous=False)
    return [kind for kind in HINT_CATEGORIES if kind in hinted]


def is_chat_column(column: str, stats: TextStats, roles_in_table: bool) -> bool:
    if ROLE_COLUMN.match(column):
        return False
    return stats.reads_like_chat and (roles_in_table or "conversation" in classify_name(column=column, ambiguous=False))


def stats_from_row(row: dict[str, object]) -> TextStats:
    def number(key: str) -> float:
        value = row.get(key)
        return float(value) if isinstance(value, (int, float, str)) and str(value) not in ("", "nan") else 0.0

    return TextStats(
        rows=int(number("rows")),
        non_empty=int(number("non_empty")),
        avg_length=number("avg_length"),
        wordy=int(number("wordy")),
        sentences=int(number("sentences")),
    )
