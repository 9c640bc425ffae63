"""Column-level chat heuristics: a column of transcripts is chat whatever its name."""

from __future__ import annotations

from chwarden.discover.conversation import TextStats, is_chat_column, is_transcript_column

WORDY = TextStats(rows=40, non_empty=40, avg_length=120.0, wordy=40, sentences=38, natural=40, lettered=40, distinct=30)
TERSE = TextStats(rows=40, non_empty=40, avg_length=12.0, wordy=2, sentences=0, natural=5, lettered=40, distinct=30)


def test_a_column_of_transcripts_is_chat_whatever_its_name() -> None:
    assert not is_chat_column("excerpt", WORDY, roles_in_table=False)
    assert is_chat_column("excerpt", WORDY, roles_in_table=False, transcripts=True)
    assert not is_chat_column("excerpt", TERSE, roles_in_table=False, transcripts=True)  # it must read as chat
    assert not is_chat_column("role", WORDY, roles_in_table=True, transcripts=True)


def test_most_rows_hold_transcripts() -> None:
    assert is_transcript_column(rows_matched=36, rows_scanned=40)
    assert is_transcript_column(rows_matched=20, rows_scanned=40)
    assert not is_transcript_column(
        rows_matched=4, rows_scanned=40
    )  # an error column quoting a transcript now and then
    assert not is_transcript_column(rows_matched=0, rows_scanned=0)
