"""Pure parsing behind the live collector and the probe: credential extraction, packets, errors."""

from __future__ import annotations

import re

import pytest

from chwarden.clickhouse.sql import quote_string as sql_string
from chwarden.connect.base import QueryFailed
from chwarden.redact import redact
from chwarden.sources.live.log_secrets import PATTERNS
from chwarden.sources.live.runner import failure_reason
from chwarden.sources.live.secrets import definition_secrets, redacted_excerpt, split_arguments, text_secrets
from chwarden.sources.network.codecs import native_hello, parse_mysql_greeting, parse_native_reply

SECRET = "Planted-Secret-123"


@pytest.mark.parametrize(
    ("definition", "database", "kinds"),
    [
        (f"MySQL('db:3306', 'shop', 'orders', 'app', '{SECRET}')", False, ["password"]),
        (f"PostgreSQL('pg:5432', 'db', 'tbl', 'app', '{SECRET}', 'public')", False, ["password"]),
        (f"MongoDB('mongo:27017', 'db', 'coll', 'app', '{SECRET}')", False, ["password"]),
        (f"MySQL('db:3306', 'shop', 'app', '{SECRET}')", True, ["password"]),
        (f"MaterializedPostgreSQL('pg:5432', 'db', 'app', '{SECRET}')", True, ["password"]),
        (
            f"S3('https://b.s3.amazonaws.com/x.csv', 'AKIAABCDEFGHIJKLMNOP', '{SECRET}', 'CSV')",
            False,
            ["access_key_id", "secret_access_key"],
        ),
        (f"URL('https://bob:{SECRET}@files.example.com/x.csv', 'CSV')", False, ["url_credentials"]),
        (
            f"Kafka SETTINGS kafka_broker_list = 'k:9092', kafka_sasl_password = '{SECRET}'",
            False,
            ["kafka_sasl_password"],
        ),
        (f"ODBC('DSN=pg;UID=app;PWD={SECRET}', 'db', 'tbl')", False, ["password_assignment"]),
    ],
)
def test_engine_credentials_are_found_and_redacted(definition: str, database: bool, kinds: list[str]) -> None:
    refs = definition_secrets(definition, "table:db.t", database=database)
    assert sorted(r.kind for r in refs) == sorted(kinds)
    assert all(r.where == "table:db.t" and SECRET not in r.redacted for r in refs)
    assert redact(SECRET) in [r.redacted for r in refs]


@pytest.mark.parametrize(
    "definition",
    [
        "MySQL('db:3306', 'shop', 'orders', 'app', '[HIDDEN]')",  # masked by the server
        "S3('https://b.s3.amazonaws.com/x.csv', 'CSV')",
        "S3('https://b.s3.amazonaws.com/x.parquet', 'Parquet', 'a String')",  # format, not a key
        "MergeTree ORDER BY id SETTINGS index_granularity = 8192",
        "Distributed('cluster', 'db', 'tbl', rand())",
        "MySQL(mysql_creds, table = 'orders')",  # named collection: nothing inline
    ],
)
def test_no_false_credentials(definition: str) -> None:
    assert definition_secrets(definition, "table:db.t") == []


def test_dictionary_source_password() -> None:
    source = f"MYSQL(HOST 'db' PORT 3306 USER 'app' PASSWORD '{SECRET}' DB 'shop' TABLE 'dim')"
    [ref] = definition_secrets(source, "dictionary:db.d")
    assert ref.kind == "password" and ref.redacted == redact(SECRET)


def test_split_arguments_respects_quotes_and_nesting() -> None:
    text = "f('a,b', g(1, 2), 'it\\'s', x)"
    args, end = split_arguments(text, 1)
    assert args == ["'a,b'", "g(1, 2)", "'it\\'s'", "x"] and end == len(text)


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        (f"SELECT * FROM mysql('h:3306','d','t','u','{SECRET}')", "password"),
        (f"SELECT * FROM remote('h:9000', db, tbl, 'u', '{SECRET}')", "password"),
        (f"SELECT * FROM remote('h:9000', db.tbl, 'u', '{SECRET}')", "password"),
        (f"CREATE USER x IDENTIFIED WITH sha256_password BY '{SECRET}'", "identified_by"),
        (f"SELECT * FROM url('http://bob:{SECRET}@h/x', CSV)", "url_credentials"),
    ],
)
def test_query_text_secrets_and_excerpt(query: str, kind: str) -> None:
    assert (kind, SECRET) in text_secrets(query)
    excerpt = redacted_excerpt(query)
    assert excerpt is not None and SECRET not in excerpt and redact(SECRET) in excerpt


def test_excerpt_is_short_and_none_without_secret() -> None:
    long_query = "SELECT " + "x, " * 500 + f"1 FROM mysql('h','d','t','u','{SECRET}')" + " -- tail" * 200
    excerpt = redacted_excerpt(long_query)
    assert excerpt is not None and len(excerpt) < 300 and SECRET not in excerpt
    assert redacted_excerpt("SELECT * FROM remote('h:9000', db, tbl)") is None
    assert redacted_excerpt("SELECT password FROM app.users") is None


@pytest.mark.parametrize(
    ("kind", "text", "hit"),
    [
        ("create_user_password", f"CREATE USER x IDENTIFIED BY '{SECRET}'", True),
        ("create_user_password", "CREATE USER x IDENTIFIED WITH sha256_password BY '[HIDDEN]'", False),
        ("table_function_password", f"SELECT * FROM mysql('h:3306', 'd', 't', 'u', '{SECRET}')", True),
        ("table_function_password", "SELECT * FROM mysql('h:3306', 'd', 't', 'u', '[HIDDEN]')", False),
        ("table_function_password", f"SELECT * FROM remote('h:9000', db.t, 'u', '{SECRET}')", True),
        ("table_function_password", "SELECT * FROM remote('h:9000', db.t)", False),
        (
            "s3_credentials",
            f"SELECT * FROM s3('https://b/x.csv', 'AKIAABCDEFGHIJKLMNOP', '{SECRET}', 'CSV')",
            True,
        ),
        ("s3_credentials", "SELECT * FROM s3('https://b/x.csv', 'CSV', 'a String')", False),
        ("url_credentials", f"SELECT * FROM url('http://bob:{SECRET}@h/x', CSV)", True),
        ("url_credentials", "SELECT * FROM url('http://h/x', CSV)", False),
        (
            "password_setting",
            f"CREATE TABLE k ENGINE = Kafka SETTINGS kafka_sasl_password = '{SECRET}'",
            True,
        ),
    ],
)
def test_log_patterns(kind: str, text: str, hit: bool) -> None:
    """The RE2 patterns sent to the server behave the same in Python's re (a common subset)."""
    pattern = dict(PATTERNS)[kind]
    assert bool(re.search(pattern, text)) is hit


def test_failure_reasons() -> None:
    assert failure_reason(QueryFailed("Code: 497. Not enough privileges", 497)).startswith("permission denied: ")
    assert failure_reason(QueryFailed("Code: 60. Unknown table", 60)).startswith("not available on this server version")
    assert failure_reason(QueryFailed("boom", 241)).startswith("query failed: ")
    assert sql_string("a'b\\c") == "'a\\'b\\\\c'"


def test_native_hello_and_replies() -> None:
    assert native_hello().startswith(b"\x00\x0echwarden-probe")
    # 18.16's answer to a Hello at revision >= 54412 (bytes as captured on the testbed)
    hello = bytes.fromhex("000a436c69636b486f75736512108ca903074574632f555443") + b"\x02vm\x01"
    reply = parse_native_reply(hello)
    assert reply is not None and reply.kind == "hello"
    assert (reply.version, reply.revision, reply.timezone, reply.display_name) == (
        "18.16.1",
        54412,
        "Etc/UTC",
        "vm",
    )
    message = b"DB::Exception: Password required for user default"
    trace = b"0. /lib/x86_64-linux-gnu/libclickhouse.so.18.16(StackTrace::StackTrace()+0x16)"
    exception = (
        b"\x02"
        + (194).to_bytes(4, "little")
        + b"\x0dDB::Exception"
        + bytes([len(message)])
        + message
        + bytes([len(trace)])
        + trace
        + b"\x00"
    )
    error = parse_native_reply(exception)
    assert (
        error is not None and error.kind == "exception" and error.code == 194 and "libclickhouse" in error.stack_trace
    )
    assert parse_native_reply(exception[:20]) is None  # incomplete
    assert parse_native_reply(b"HTTP/1.0 400 Bad Request\r\n") is None


def test_mysql_greeting() -> None:
    payload = b"\x0a" + b"24.8.1.1-ClickHouse\x00" + b"\x01\x00\x00\x00" + b"x" * 20
    packet = len(payload).to_bytes(3, "little") + b"\x00" + payload
    assert parse_mysql_greeting(packet) == "24.8.1.1-ClickHouse"
    assert parse_mysql_greeting(b"\x05\x00\x00\x00\xffjunk") is None
