"""Column-level heuristics: chat content (prompts and answers) and telling column names.

Chat text has no pattern of its own, so a column counts as conversation content when its values
read like sentences in any script (judged in the server over a bounded number of rows: words of
letters and vowel marks, runs of unspaced scripts (CJK, kana, hangul, Thai, Lao, Khmer, Myanmar),
sentence punctuation including 。！？ and ।) and either its
name says so (``prompt``, ``completion``, ``answer``...) or a sibling column holds chat roles
(``user``/``assistant``). A column named for prompts also counts with short, varied natural-
language values ("hi", "continue", "你好"): prompts are often short, and its distinct values tell
it from a status or enum column. A column most of whose rows are transcripts (``User:``/``Assistant:``
turns, the ``chat_transcript`` detector) is chat whatever its name (``excerpt``, ``snippet``). A generic
``message`` column of a log table is not chat by its name alone: log lines are wordy too. Name hints
(``password``, ``token``, ``email``...) are reported separately, category ``hint``, and never count as
findings on their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chwarden.analysis.names import classify_name
from chwarden.discover import sql

STATS_ROWS = 1000
ROLE_COLUMN = re.compile(r"(?i)^(role|speaker|sender|author|from|participant|message_role|actor|turn_role)$")
CHAT_ROLES = frozenset({"user", "assistant", "human", "ai", "bot", "model", "system", "tool", "gpt", "function"})
HINT_CATEGORIES = ("secret", "personal", "conversation")  # column-name hints reported as category ``hint``
TRANSCRIPT_SHARE = 0.5  # the share of a column's rows holding transcripts that makes it chat by its content
# A word's characters: letters and the marks Indic and Southeast Asian scripts write vowels with
# (Devanagari "मला" is a letter, a letter and a vowel sign).
_WORD = r"[\p{L}\p{M}]"
# Scripts written without spaces between words: CJK, kana, hangul, Thai, Lao, Khmer, Myanmar.
_UNSPACED = r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]"
# Three words in a row (any script), or a run of an unspaced script.
_WORDY = rf"{_WORD}{{2,}}[ ,]+{_WORD}{{2,}}[ ,]+{_WORD}{{2,}}|{_UNSPACED}{{4,}}"
# Sentence punctuation (the Devanagari danda too) after a word, then a space or the end; or CJK punctuation.
_SENTENCE = rf"{_WORD}[.?!…।](?:\s|$)|[。！？]"
_LETTER = r"\p{L}"
# Natural language at all: two words, a character of an unspaced script, or a word with ? or ! (short prompts).
_NATURAL = rf"{_WORD}{{2,}} +\p{{L}}|{_UNSPACED}|{_WORD}{{2,}}[?!]"


@dataclass(frozen=True)
class TextStats:
    rows: int
    non_empty: int
    avg_length: float
    wordy: int
    sentences: int
    natural: int = 0
    lettered: int = 0
    distinct: int = 0

    @property
    def reads_like_chat(self) -> bool:
        if not self.non_empty:
            return False
        return self.avg_length >= 20 and self.wordy / self.non_empty >= 0.6 and self.sentences / self.non_empty >= 0.3

    @property
    def reads_like_prompts(self) -> bool:
        """Short, varied natural-language values (enough only for a column named for prompts)."""
        if self.non_empty < 5:
            return False
        varied = self.distinct >= max(5, 0.2 * self.non_empty)
        return varied and self.lettered / self.non_empty >= 0.8 and self.natural / self.non_empty >= 0.3


def stats_query(src: str) -> str:
    return (
        f"SELECT /* {sql.MARKER} */ count() AS rows, countIf(v != '') AS non_empty, "
        "avgIf(length(v), v != '') AS avg_length, "
        f"countIf(match(v, {sql.quote(_WORDY)})) AS wordy, "
        f"countIf(match(v, {sql.quote(_SENTENCE)})) AS sentences, "
        f"countIf(match(v, {sql.quote(_NATURAL)})) AS natural, "
        f"countIf(match(v, {sql.quote(_LETTER)})) AS lettered, uniqExact(v) AS uniq_values "
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


def is_transcript_column(rows_matched: int, rows_scanned: int) -> bool:
    """Most rows hold ``chat_transcript`` turns: the column is chat by its content (``is_chat_column``)."""
    return rows_scanned > 0 and rows_matched >= TRANSCRIPT_SHARE * rows_scanned


def is_chat_column(column: str, stats: TextStats, roles_in_table: bool, transcripts: bool = False) -> bool:
    if ROLE_COLUMN.match(column):
        return False
    named = "conversation" in classify_name(column=column, ambiguous=False)
    return (stats.reads_like_chat and (roles_in_table or named or transcripts)) or (named and stats.reads_like_prompts)


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
        natural=int(number("natural")),
        lettered=int(number("lettered")),
        distinct=int(number("uniq_values")),
    )
