"""Property: whatever the guard allows starts a read and holds no write, no OUTFILE, no outbound call.

Hypothesis mutates allowed statements (inserting, deleting and replacing pieces: quotes,
backslashes, comment markers, semicolons, heredocs, write phrases, INTO OUTFILE, table functions,
SETTINGS) and also builds statements from a token alphabet. Every statement the guard lets
through is then judged by an independent reader, sqlglot's ClickHouse tokenizer (its SHOW
"command" shortcut turned off so it tokenizes the whole statement). sqlglot and ClickHouse differ
on a few constructs; where sqlglot cannot tokenize a statement at all, the example is discarded.
"""

from __future__ import annotations

from typing import Any, ClassVar

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlglot.dialects.clickhouse import ClickHouse
from sqlglot.errors import TokenError
from sqlglot.tokens import Token, TokenType

from chwarden.connect.guard import EXTERNAL_FAMILIES, EXTERNAL_FUNCTIONS, WriteRefused, check_statement
from tests.unit.guard_corpus import ALLOWED, POLICY

READS = {"SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXISTS"}
WRITES = {
    "INSERT", "CREATE", "ALTER", "DROP", "TRUNCATE", "ATTACH", "DETACH", "RENAME", "EXCHANGE", "GRANT",
    "REVOKE", "OPTIMIZE", "KILL", "DELETE", "UPDATE", "UNDROP", "BACKUP", "RESTORE", "MOVE",
}  # fmt: skip
TABLE_WORDS = {"FROM", "JOIN"}
NAME_TYPES = (TokenType.VAR, TokenType.IDENTIFIER)
CALLS = {"EXTRACT", "TRIM", "SUBSTRING", "POSITION", "OVERLAY"}  # FROM among their arguments
LOCK_SETTINGS = {"readonly", "result_overflow_mode", "profile"}  # never set by a statement
LIMITS = {"max_execution_time": POLICY.max_execution_time, "max_result_rows": POLICY.max_result_rows}

PIECES = [
    " DROP TABLE t", " INSERT INTO t VALUES (1)", " INTO OUTFILE '/tmp/x'", " into outfile 'y'", ";", "; DROP TABLE t",
    "'", '"', "`", "\\", "\\'", "''", "--", "-- x\n", "\n", "/*", "*/", "/* a */", "#", "# ", "$$", "$a$", "$",
    " FROM url('http://127.0.0.1:9/')", " url('http://127.0.0.1:9/', CSV, 'a String')", ", remote('h', system.one)",
    " JOIN s3('http://h/b') ", " FROM file('x')", "`url`", " SETTINGS readonly = 0", " SETTINGS max_result_rows = 0",
    ", readonly = 0", " SETTINGS max_threads = 1", "(", ")", " UNION ALL SELECT ", " WITH ", " CREATE ", " ALTER ",
    " SELECT ", " FORMAT JSON", "x'", "0x", "1e", " system", ".", ",", " AS ", " DESCRIBE url('http://h/') ",
]  # fmt: skip
ALPHABET = [
    "SELECT", "WITH", "SHOW", "DESCRIBE", "EXISTS", "1", "x", "system.one", "FROM", "JOIN", "url", "file", "remote",
    "numbers", "(", ")", ",", ";", "'a'", "'", "`b`", "`", '"', "--", "\n", "/*", "*/", "INTO", "OUTFILE", "DROP",
    "TABLE", "INSERT", "SETTINGS", "readonly", "=", "0", "$$", "#", " ", "AS", "WHERE", "IN", "UNION", "ALL",
]  # fmt: skip
SEEDS = [s.replace("{L}", "127.0.0.1:9").replace("{D}", "/tmp/d") for s in ALLOWED]


class _Tokenizer(ClickHouse.Tokenizer):  # type: ignore[misc]
    COMMANDS: ClassVar[set[Any]] = set()  # tokenize SHOW ... like any other statement


def sqlglot_tokens(sql: str) -> list[Token] | None:
    try:
        tokens: list[Token] = _Tokenizer().tokenize(sql)
    except TokenError:
        return None
    merged: list[Token] = []
    for token in tokens:  # `1DROP` is one word for ClickHouse: glue a number to a word it touches
        word = token.token_type != TokenType.IDENTIFIER and (token.text[:1].isalpha() or token.text[:1] == "_")
        if word and merged and merged[-1].token_type == TokenType.NUMBER and merged[-1].end + 1 == token.start:
            merged[-1] = Token(TokenType.VAR, merged[-1].text + token.text, start=merged[-1].start, end=token.end)
            continue
        merged.append(token)
    return merged


def _inert(token: Token) -> bool:
    return token.token_type in (TokenType.STRING, TokenType.HEREDOC_STRING, TokenType.IDENTIFIER)


def violations(tokens: list[Token]) -> list[str]:
    """What an allowed statement must not hold, as read by sqlglot."""
    found: list[str] = []
    code = [t for t in tokens if t.token_type != TokenType.SEMICOLON or t is not tokens[-1]]
    first = next((t for t in code if t.token_type != TokenType.L_PAREN), None)
    if first is None or _inert(first) or first.text.upper() not in READS:
        found.append(f"does not start with a read: {first.text if first else ''!r}")
    in_call: list[bool] = [False]  # per bracket: opened by a function call (its FROM is no table)
    for i, token in enumerate(code):
        before = code[i - 1] if i else None
        after = code[i + 1] if i + 1 < len(code) else None
        text = token.text.upper()
        if token.token_type == TokenType.L_PAREN:
            in_call.append(before is not None and (before.token_type in NAME_TYPES or before.text.upper() in CALLS))
        elif token.token_type == TokenType.R_PAREN and len(in_call) > 1:
            in_call.pop()
        dotted = (before is not None and before.token_type == TokenType.DOT) or (
            after is not None and after.token_type == TokenType.DOT
        )
        if token.token_type == TokenType.SEMICOLON:
            found.append("a second statement")
        if _inert(token) and token.token_type != TokenType.IDENTIFIER:
            continue
        named = token.token_type == TokenType.IDENTIFIER or token.text[:1].isalpha() or token.text[:1] == "_"
        call = named and after is not None and after.token_type == TokenType.L_PAREN
        if token.token_type != TokenType.IDENTIFIER and not dotted and not call:
            if text in WRITES and not (text == "CREATE" and before is not None and before.text.upper() == "SHOW"):
                found.append(f"write keyword {text}")
            if text == "INTO" and after is not None and after.text.upper() == "OUTFILE":
                found.append("INTO OUTFILE")
        name = token.text.lower()
        if call and (name in EXTERNAL_FUNCTIONS or name.startswith(EXTERNAL_FAMILIES)):
            found.append(f"outbound function {name}()")
        table_word = before is not None and before.text.upper() in TABLE_WORDS and not _inert(before)
        if call and table_word and not in_call[-1]:
            found.append(f"table function {name}()")
        if text == "SETTINGS":
            position = i + 1
            while position + 2 < len(code):  # name = value [, name = value]...
                found.extend(_loosened(code[position : position + 3]))
                if position + 3 >= len(code) or code[position + 3].token_type != TokenType.COMMA:
                    break
                position += 4
    return found


def _loosened(assignment: list[Token]) -> list[str]:
    """`name = value` that sets the lock or raises a limit above the connection's."""
    if len(assignment) < 3 or assignment[1].token_type != TokenType.EQ:
        return []
    name, value = assignment[0].text.lower(), assignment[2]
    if name in LOCK_SETTINGS:
        return [f"SETTINGS {name}"]
    limit = LIMITS.get(name)
    number = int(value.text) if value.token_type == TokenType.NUMBER and value.text.isdigit() else None
    if limit is not None and (number is None or not 0 < number <= limit):
        return [f"SETTINGS {name} = {value.text}"]
    return []


def _judge(sql: str) -> None:
    try:
        check_statement(sql, POLICY)
    except WriteRefused:
        return
    tokens = sqlglot_tokens(sql)
    assume(tokens is not None)
    assert tokens is not None
    assert not violations(tokens), (sql, violations(tokens))


@st.composite
def mutated(draw: st.DrawFn) -> str:
    sql = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(sql)))
        kind = draw(st.sampled_from(["insert", "insert", "delete", "replace"]))
        if kind == "delete":
            sql = sql[:at] + sql[at + draw(st.integers(1, 12)) :]
        else:
            piece = draw(st.sampled_from(PIECES))
            cut = draw(st.integers(0, 8)) if kind == "replace" else 0
            sql = sql[:at] + piece + sql[at + cut :]
    return sql


@st.composite
def composed(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=14))
    return " ".join(words) if draw(st.booleans()) else "".join(words)


@settings(max_examples=2500, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.filter_too_much])
@given(mutated())
def test_allowed_mutations_are_reads(sql: str) -> None:
    _judge(sql)


@settings(max_examples=2500, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.filter_too_much])
@given(composed())
def test_allowed_compositions_are_reads(sql: str) -> None:
    _judge(sql)


def test_the_oracle_sees_what_it_must() -> None:
    """The independent reader is not blind: it flags the dangers the property is about."""
    for sql, expected in [
        ("DROP TABLE t", "does not start with a read"),
        ("SELECT 1 INTO OUTFILE 'x'", "INTO OUTFILE"),
        ("SHOW TABLES INTO OUTFILE 'x'", "INTO OUTFILE"),
        ("SELECT * FROM url('http://h/')", "outbound function url()"),
        ("SELECT * FROM numbers(1)", "table function numbers()"),
        ("SELECT 1; SELECT 2", "a second statement"),
        ("WITH 1 AS x INSERT INTO t SELECT x", "write keyword INSERT"),
        ("SELECT 1 SETTINGS readonly = 0", "SETTINGS readonly"),
    ]:
        tokens = sqlglot_tokens(sql)
        assert tokens is not None and any(expected in v for v in violations(tokens)), (sql, violations(tokens or []))
    assert violations(sqlglot_tokens("SELECT 1 -- DROP TABLE t") or []) == []
