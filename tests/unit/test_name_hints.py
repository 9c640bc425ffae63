"""One name vocabulary for scan, the exposure check, assess and discover (analysis/name_hints.json)."""

from __future__ import annotations

import pytest

from chwarden.analysis.names import EXPOSURE_CATEGORIES, classify_name, table_hints
from chwarden.facts import TableFacts

# Names each of the four former lists recognised, with the category they stand for.
COLUMNS = [
    ("api_key", "secret"),  # scan, exposure, assess, discover
    ("session_id", "secret"),  # scan, exposure
    ("db_pwd", "secret"),  # discover
    ("aws_access_key", "secret"),  # assess, discover
    ("prompt", "conversation"),
    ("response_text", "conversation"),  # scan, assess
    ("user_input", "conversation"),  # discover
    ("email", "personal"),
    ("credit_card", "personal"),  # discover
    ("client_ip", "personal"),  # assess
    ("stack_trace", "log"),  # scan
]
TABLES = [
    ("chat_history", "conversation"),
    ("dialogs", "conversation"),
    ("app_logs", "log"),
    ("api_keys", "secret"),
    ("customers", "personal"),
]


@pytest.mark.parametrize(("column", "category"), COLUMNS)
def test_column_names(column: str, category: str) -> None:
    assert category in classify_name(column=column)


@pytest.mark.parametrize(("table", "category"), TABLES)
def test_table_names(table: str, category: str) -> None:
    assert category in classify_name(table=table)


def test_harmless_names_hint_at_nothing() -> None:
    assert classify_name(table="metrics", column="value") == frozenset()
    assert classify_name(column="created_at") == frozenset()


def test_the_deepseek_table_is_known_for_chat_and_keys() -> None:
    assert {"conversation", "secret", "log"} <= classify_name(table="log_stream")


def test_a_message_column_is_sensitive_looking_but_no_chat_evidence_for_discover() -> None:
    assert "conversation" in classify_name(column="message")
    assert classify_name(column="message", ambiguous=False) == frozenset()


def test_table_hints_give_reasons_in_the_asked_order() -> None:
    table = TableFacts(database="app", name="log_stream", engine="MergeTree", columns=[("message", "String")])
    hints = table_hints(table, EXPOSURE_CATEGORIES)
    assert list(hints) == ["conversation", "log", "secret"]
    assert hints["conversation"] == ["name:log_stream", "column:message"]
    assert table_hints(table.model_copy(update={"database": "system"}), EXPOSURE_CATEGORIES) == {}
