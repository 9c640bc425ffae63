"""Which tables look like logs, chats or credential stores, judged by names and columns only."""

from __future__ import annotations

import re

from chwarden.clickhouse.system import SYSTEM_DATABASES
from chwarden.facts import TableFacts

# (kind, table-name pattern, column-name pattern): a table matches a kind by its name or a column.
RULES: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        "chat",
        re.compile(r"(?i)(chat|message|prompt|conversation|completion|transcript|dialog)"),
        re.compile(r"(?i)^(prompt|completion|messages?|conversation(_id)?|chat(_id)?|assistant|reply|response_text)$"),
    ),
    (
        "log",
        re.compile(r"(?i)(log_?stream|(^|_)logs?($|_)|(^|_)events?($|_)|audit|access_log|traces?$)"),
        re.compile(r"(?i)^(log_?level|level|severity|stack_?trace|user_agent|request_(path|body|uri)|log)$"),
    ),
    (
        "credentials",
        re.compile(r"(?i)(secret|credential|password|api_?keys?|tokens?$)"),
        re.compile(r"(?i)(api_?key|secret|token|passw(or)?d|passwd|credential|cookie|session_id|private_key)"),
    ),
)


def classify(table: TableFacts) -> dict[str, list[str]]:
    """``{kind: [reasons]}`` for a user table; empty when nothing looks sensitive."""
    if table.database in SYSTEM_DATABASES:
        return {}
    found: dict[str, list[str]] = {}
    for kind, name_re, column_re in RULES:
        reasons = [f"name:{table.name}"] if name_re.search(table.name) else []
        reasons += [f"column:{name}" for name, _type in table.columns if column_re.search(name)]
        if reasons:
            found[kind] = reasons[:10]
    return found
