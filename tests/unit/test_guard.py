"""The client-side allowlist: what chwarden may send, what it must refuse before sending."""

from __future__ import annotations

import re

import pytest

from chwarden.connect.guard import WriteRefused, check_statement, limits_settings

ALLOWED = [
    ("SELECT 1", "SELECT 1"),
    ("select version()", "select version()"),
    ("  SELECT 1;  ", "SELECT 1"),
    ("SHOW TABLES FROM system", None),
    ("SHOW CREATE TABLE system.query_log", None),
    ("DESCRIBE TABLE system.settings", None),
    ("DESC system.settings", None),
    ("EXISTS TABLE system.users", None),
    ("WITH 1 AS x SELECT x", None),
    ("WITH (SELECT count() FROM system.tables) AS n SELECT n", None),
    ("-- leading comment\nSELECT 1", None),
    ("/* block comment; DROP TABLE t */ SELECT 1", None),
    ("SELECT 1 -- trailing; DROP TABLE t", None),
    ("SELECT 1 # hash comment ; DROP", None),
    ("SELECT 'a;b'", "SELECT 'a;b'"),
    ("SELECT 'DROP TABLE t; INSERT INTO t VALUES (1)'", None),
    ("SELECT 'it''s; fine'", None),
    ("SELECT 'esc\\'; DROP TABLE t'", None),
    ('SELECT "weird;col" FROM system.one', None),
    ("SELECT `insert into` FROM system.one", None),
    ("SELECT name, value FROM system.settings WHERE name = 'readonly'", None),
    ("SELECT * FROM system.users", None),
    ("SELECT create_table_query FROM system.tables", None),
    ("SELECT count() FROM system.query_log WHERE query LIKE '%INSERT INTO%'", None),
    ("SELECT name FROM system.databases WHERE name != 'drop'", None),
    ("SELECT 1 SETTINGS max_threads = 1", None),
    ("SELECT 1 FORMAT JSON", None),
    # Rows that pin the lexer; the comment names the mutant of connect/guard.py each one kills.
    ("SELECT 1 AS X;", "SELECT 1 AS X"),  # only the `;` is stripped (rstrip("XX;XX"))
    ("SELECT( 1 )", None),  # `SELECT(` is SELECT (rstrip("(") dropped, or made lstrip)
    ("(SELECT 1)", None),  # a parenthesised read (lstrip of `(` dropped, or made rstrip)
    ("with 1 as x select x", None),  # WITH ... SELECT in lower case (re.IGNORECASE dropped)
    ("SELECT '*/' /* note */", None),  # a comment end inside an earlier string (find("*/") from 0)
    ("/**/ SELECT 1", None),  # the shortest block comment (find("*/", i + 3))
    ("/* c */SELECT 1", None),  # code right after a comment (i = j + 3)
    ("SELECT '' AS empty", None),  # the empty string (j = i + 2; doubled quote looked for at j - 1)
    ("SELECT 'a'''", None),  # a doubled quote just before the closing one (j += 3)
    ("SELECT\n1 -- note\n", None),  # a line comment after a newline (find("\n") from 0 never ends)
]

REFUSED = [
    ("", "empty statement"),
    ("   ;  ", "empty statement"),
    ("-- only a comment", "empty statement"),
    ("DROP TABLE t", "statement starting with 'DROP'"),
    ("drop table t", "statement starting with 'DROP'"),
    ("INSERT INTO t VALUES (1)", "statement starting with 'INSERT'"),
    ("ALTER TABLE t DELETE WHERE 1", "statement starting with 'ALTER'"),
    ("CREATE TABLE t (x UInt8) ENGINE = Memory", "statement starting with 'CREATE'"),
    ("TRUNCATE TABLE t", "statement starting with 'TRUNCATE'"),
    ("RENAME TABLE a TO b", "statement starting with 'RENAME'"),
    ("ATTACH TABLE t", "statement starting with 'ATTACH'"),
    ("DETACH TABLE t", "statement starting with 'DETACH'"),
    ("OPTIMIZE TABLE t FINAL", "statement starting with 'OPTIMIZE'"),
    ("SYSTEM FLUSH LOGS", "statement starting with 'SYSTEM'"),
    ("KILL QUERY WHERE 1", "statement starting with 'KILL'"),
    ("GRANT ALL ON *.* TO x", "statement starting with 'GRANT'"),
    ("REVOKE SELECT ON *.* FROM x", "statement starting with 'REVOKE'"),
    ("SET readonly = 0", "statement starting with 'SET'"),
    ("USE system", "statement starting with 'USE'"),
    ("EXCHANGE TABLES a AND b", "statement starting with 'EXCHANGE'"),
    ("SELECT 1; DROP TABLE t", "more than one statement"),
    ("SELECT 1; SELECT 2", "more than one statement"),
    ("SELECT 1;; ", "more than one statement"),
    ("/* c */ DROP TABLE t", "statement starting with 'DROP'"),
    ("-- SELECT\nDROP TABLE t", "statement starting with 'DROP'"),
    ("WITH 1 AS x INSERT INTO t SELECT x", "'INSERT'"),
    ("with 1 as x insert into t select x", "'INSERT'"),
    ("WITH x AS (SELECT 1) CREATE TABLE t AS SELECT * FROM x", "'CREATE'"),
    ("WITH 1 AS x", "WITH without SELECT"),
    ("SELECT 1 INTO OUTFILE '/tmp/x'", "INTO OUTFILE is not allowed"),
    ("SELECT * FROM system.users into  outfile 'x.csv'", "INTO OUTFILE is not allowed"),
    ("SELECT 1 FROM (DROP TABLE t)", "'DROP'"),
    ("SELECT 'a' ; DROP TABLE t", "more than one statement"),
    # Unterminated strings and comments: what follows the opening quote is unknown, so refuse.
    ("SELECT 'a; DROP TABLE t", "unterminated"),
    ("SELECT 'a; DROP TABLE t;", "unterminated"),
    ('SELECT "a; DROP TABLE t', "unterminated"),
    ("SELECT `a; DROP TABLE t", "unterminated"),
    ("SELECT 'a\\'", "unterminated"),  # the closing quote is escaped
    ("SELECT 'a''", "unterminated"),  # a doubled quote does not close
    ("SELECT 1 /* DROP TABLE t", "unterminated"),
    ("SELECT 1 /* a */ /* b", "unterminated"),
    # Comments and strings must not hide a second statement.
    ("SELECT 1 -- c\n; DROP TABLE t\n", "more than one statement"),  # rfind("\n") would skip it
    ("SELECT /* a */ 1; DROP TABLE t /* b */", "more than one statement"),  # rfind("*/") would
    ("SELECT 'a';SELECT 2", "more than one statement"),  # the char after a string is code (i = j + 2)
    ("SELECT 'a';'b'", "more than one statement"),  # not a doubled quote (sql[j + 2] == ch)
    ("WITH 1 AS x INSERT INTO`t` SELECT x", "'INSERT'"),  # "XX '' XX" placeholder
    ("XSELECT 1", "statement starting with 'XSELECT' is not read-only"),  # lstrip("XX( ...XX") would strip the X
    ("SELECTX 1", "statement starting with 'SELECTX' is not read-only"),  # rstrip("XX(XX") would strip the X
]


def _id(sql: str) -> str:
    """A test id that survives being passed back to pytest (no newline, backslash or slash)."""
    return re.sub(r"[^\w'\";*()`.,=<>!%#-]+", " ", sql)[:40].strip() or "<empty>"


@pytest.mark.parametrize(("sql", "expected"), ALLOWED, ids=[_id(c[0]) for c in ALLOWED])
def test_allowed(sql: str, expected: str | None) -> None:
    result = check_statement(sql)
    assert result == (expected if expected is not None else sql.strip().rstrip(";").strip())


@pytest.mark.parametrize(("sql", "why"), REFUSED, ids=[_id(c[0]) for c in REFUSED])
def test_refused(sql: str, why: str) -> None:
    """The refusal names its reason (a word the user reads): which rule refused, not only that one did."""
    with pytest.raises(WriteRefused) as excinfo:
        check_statement(sql)
    assert why in str(excinfo.value)


def test_refusal_message_is_short_and_names_the_reason() -> None:
    with pytest.raises(WriteRefused, match="not read-only"):
        check_statement("DROP DATABASE production")


def test_server_side_lock_is_readonly_1_with_limits_and_readonly_last() -> None:
    settings = limits_settings(7, 11)
    assert list(settings.items()) == [
        ("max_execution_time", 7),
        ("max_result_rows", 11),
        ("result_overflow_mode", "throw"),
        ("readonly", 1),
    ]
    assert limits_settings(7, 11, readonly=2)["readonly"] == 2
    with pytest.raises(ValueError):
        limits_settings(7, 11, readonly=0)


def test_tokens_kept_for_a_second_reading_are_each_callers_own() -> None:
    """The lexer keeps the last statements' tokens (the guard reads each twice): a caller that
    changes its list must not change what the next check sees."""
    from chwarden.connect.lexer import Kind, tokenize

    statement = "SELECT 1; DROP TABLE t"
    first = tokenize(statement)
    first.clear()
    again = tokenize(statement)
    assert again is not first and [t.text for t in again if t.kind is not Kind.WHITESPACE] == [
        "SELECT", "1", ";", "DROP", "TABLE", "t"
    ]  # fmt: skip
    with pytest.raises(WriteRefused):
        check_statement(statement)
