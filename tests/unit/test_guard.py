"""The client-side allowlist: what chwarden may send, what it must refuse before sending."""

from __future__ import annotations

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
]

REFUSED = [
    ("", "empty"),
    ("   ;  ", "empty"),
    ("-- only a comment", "empty"),
    ("DROP TABLE t", "DROP"),
    ("drop table t", "DROP"),
    ("INSERT INTO t VALUES (1)", "INSERT"),
    ("ALTER TABLE t DELETE WHERE 1", "ALTER"),
    ("CREATE TABLE t (x UInt8) ENGINE = Memory", "CREATE"),
    ("TRUNCATE TABLE t", "TRUNCATE"),
    ("RENAME TABLE a TO b", "RENAME"),
    ("ATTACH TABLE t", "ATTACH"),
    ("DETACH TABLE t", "DETACH"),
    ("OPTIMIZE TABLE t FINAL", "OPTIMIZE"),
    ("SYSTEM FLUSH LOGS", "SYSTEM"),
    ("KILL QUERY WHERE 1", "KILL"),
    ("GRANT ALL ON *.* TO x", "GRANT"),
    ("REVOKE SELECT ON *.* FROM x", "REVOKE"),
    ("SET readonly = 0", "SET"),
    ("USE system", "USE"),
    ("EXCHANGE TABLES a AND b", "EXCHANGE"),
    ("SELECT 1; DROP TABLE t", "more than one"),
    ("SELECT 1; SELECT 2", "more than one"),
    ("SELECT 1;; ", "more than one"),
    ("/* c */ DROP TABLE t", "DROP"),
    ("-- SELECT\nDROP TABLE t", "DROP"),
    ("WITH 1 AS x INSERT INTO t SELECT x", "INSERT"),
    ("WITH x AS (SELECT 1) CREATE TABLE t AS SELECT * FROM x", "CREATE"),
    ("WITH 1 AS x", "WITH"),
    ("SELECT 1 INTO OUTFILE '/tmp/x'", "OUTFILE"),
    ("SELECT * FROM system.users into  outfile 'x.csv'", "OUTFILE"),
    ("SELECT 1 FROM (DROP TABLE t)", "DROP"),
    ("SELECT 'a' ; DROP TABLE t", "more than one"),
]


@pytest.mark.parametrize(("sql", "expected"), ALLOWED, ids=[c[0][:40] for c in ALLOWED])
def test_allowed(sql: str, expected: str | None) -> None:
    result = check_statement(sql)
    assert result == (expected if expected is not None else sql.strip().rstrip(";").strip())


@pytest.mark.parametrize(("sql", "why"), REFUSED, ids=[c[0][:40] or "<empty>" for c in REFUSED])
def test_refused(sql: str, why: str | None) -> None:
    with pytest.raises(WriteRefused) as excinfo:
        check_statement(sql)
    if why is not None:
        assert why.lower() in str(excinfo.value).lower()


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
