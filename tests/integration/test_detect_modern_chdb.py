"""The same rules on current ClickHouse (chdb): session_log and the query_log columns 18.16 lacks.

chdb has no network listener, so remote clients are simulated the way the testbed notes say: a
scratch database holds tables created ``AS system.query_log`` / ``AS system.session_log`` (the
current schema, copied from the engine itself), filled with realistic rows, and the rules are
pointed at it (``LogSource``). The rules' SQL is the catalogue's, unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from chwarden.connect.base import GuardedConnection
from chwarden.connect.embedded import EmbeddedTransport
from chwarden.connect.engine_worker import EngineWorker
from chwarden.connect.querytag import QueryTagger
from chwarden.detect import DetectOptions, Detector, DetectState, JudgeContext, builtin_rules
from chwarden.detect.dialect import LogSource
from chwarden.facts import ServerInfo, Snapshot
from tests.harness.require import require

pytestmark = pytest.mark.embedded
CONFIG = """<clickhouse>
<query_log><database>system</database><table>query_log</table></query_log>
<session_log><database>system</database><table>session_log</table></session_log>
</clickhouse>
"""
TAGGER = QueryTagger(b"modern-test-key-0123456789abcdef")


def _query(kind: str, user: str, address: str, query: str, seconds_ago: int, **extra: str) -> str:
    """One query_log row (a finished query unless ``type`` says otherwise) as an INSERT ... SELECT."""
    columns = {
        "type": "'QueryFinish'",
        "event_date": f"toDate(now() - {seconds_ago})",
        "event_time": f"now() - {seconds_ago}",
        "event_time_microseconds": f"now64(6) - {seconds_ago}",
        "query_start_time": f"now() - {seconds_ago}",
        "query_kind": f"'{kind}'",
        "query": "'" + query.replace("'", "\\'") + "'",
        "user": f"'{user}'",
        "query_id": "generateUUIDv4()",
        "address": f"toIPv6('::ffff:{address}')",
        "initial_user": f"'{user}'",
        "initial_address": f"toIPv6('::ffff:{address}')",
        "interface": "2",
        "read_rows": "10",
        "result_rows": "1",
        **extra,
    }
    return f"INSERT INTO scratch.query_log ({', '.join(columns)}) SELECT {', '.join(columns.values())}"


def _login(kind: str, user: str, address: str, seconds_ago: int) -> str:
    return (
        "INSERT INTO scratch.session_log (type, auth_id, session_id, event_date, event_time, event_time_microseconds, "
        "user, auth_type, client_address, client_port, interface, failure_reason) SELECT "
        f"'{kind}', generateUUIDv4(), '', toDate(now() - {seconds_ago}), now() - {seconds_ago}, "
        f"now64(6) - {seconds_ago}, "
        f"'{user}', 'SHA256_PASSWORD', toIPv6('::ffff:{address}'), 50000, 'HTTP', "
        f"'{'' if kind == 'LoginSuccess' else 'password is incorrect'}'"
    )


def _fill() -> list[str]:
    rows = [
        "SELECT 1",
        "SYSTEM FLUSH LOGS",  # creates the system logs, whose schema the scratch tables copy
        "CREATE DATABASE IF NOT EXISTS scratch",
        "CREATE TABLE scratch.query_log AS system.query_log",
        "CREATE TABLE scratch.session_log AS system.session_log",
    ]
    for n in range(40):  # the application, from its usual address
        rows.append(_query("Select", "app", "10.1.0.1", f"SELECT * FROM orders WHERE id = {n}", 900 - n * 10))
        rows.append(_login("LoginSuccess", "app", "10.1.0.1", 900 - n * 10))
    rows += [_login("LoginFailure", "alice", "10.9.0.5", 200 - n) for n in range(25)]  # password guessing
    rows += [_login("LoginFailure", u, "10.9.0.6", 150) for u in ("app", "etl", "bi", "ops", "root", "admin")]  # spray
    rows += [_login("LoginFailure", "bob", "10.9.0.7", 120 - n) for n in range(6)]
    rows.append(_login("LoginSuccess", "bob", "10.9.0.7", 100))  # ... and then it worked
    rows.append(_login("LoginSuccess", "app", "10.9.0.8", 90))  # a known user from a new address
    rows.append(  # a table function only the used_table_functions column shows (the text hides it)
        _query(
            "Select",
            "etl",
            "10.9.0.11",
            "SELECT * FROM \"url\"/**/('http://10.0.0.1/x', CSV, 'a String')",
            80,
            used_table_functions="['url']",
        )
    )
    rows += [
        _query(
            "Select",
            "carol",
            "10.9.0.9",
            f"SELECT * FROM secret.t{n}",
            70 - n,
            type="'ExceptionBeforeStart'",
            missing_privileges="['SELECT(secret.t)']",
            exception_code="497",
        )
        for n in range(6)
    ]
    rows.append(  # the chat table read by a principal outside the allowlist; `tables` names it
        _query(
            "Select",
            "mallory",
            "10.9.0.10",
            "SELECT * FROM log_stream",
            60,
            tables="['default.log_stream']",
            result_rows="2000",
        )
    )
    own = TAGGER.new_id()
    rows.append(  # chwarden's own query (tagged in log_comment, as on the embedded engine): never alerted
        _query("Select", "default", "10.1.0.2", "SELECT * FROM system.users", 50, log_comment=f"'{own}'")
    )
    rows.append(  # someone copying a tag-looking comment: forged
        _query(
            "Select",
            "default",
            "10.9.0.12",
            "SELECT * FROM system.grants",
            40,
            log_comment="'chwarden-1-aaaaaaaa-0000000000000000'",
        )
    )
    return rows


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    require(__import__("importlib").util.find_spec("chdb") is not None, "chdb is not installed")
    root = tmp_path_factory.mktemp("modern-logs")
    config = root / "config.xml"
    config.write_text(CONFIG, encoding="utf-8")
    data = str(root / "data")
    writer = EngineWorker(data, str(config), readonly=False)
    try:
        for statement in _fill():
            writer.query(statement, "TabSeparated", 120)
    finally:
        writer.close()
    yield data, str(config)


def test_modern_signals_on_current_schema(engine: tuple[str, str]) -> None:
    data, config = engine
    conn = GuardedConnection(EmbeddedTransport(data, config), description="chdb")
    judge = JudgeContext(
        target="modern",
        known_addresses={"app": {"10.1.0.1"}},
        tagger=TAGGER,
        sensitive_tables={"default.log_stream": "default.log_stream", "log_stream": "default.log_stream"},
    )
    options = DetectOptions(
        rules=builtin_rules(),
        sources={"query_log": LogSource(database="scratch"), "session_log": LogSource(database="scratch")},
        lag=0,
        sensitive_tables=["default.log_stream"],
    )
    snapshot = Snapshot(target="modern", server=ServerInfo(version="26.9.2.1"))
    try:
        result = Detector(conn, "modern", options, DetectState(), judge, snapshot).run()
    finally:
        conn.close()
    found = {(d.rule_id, d.address, d.user) for d in result.detections}
    assert found == {
        ("brute_force_by_address", "10.9.0.5", "alice"),
        ("brute_force_by_user", "10.9.0.5", "alice"),
        ("password_spraying", "10.9.0.6", "admin,app,bi,etl,ops,root"),
        ("login_after_failures", "10.9.0.7", "bob"),
        ("query_from_new_address", "10.9.0.8", "app"),
        ("external_table_function", "10.9.0.11", "etl"),
        ("privilege_probing", "10.9.0.9", "carol"),
        ("sensitive_table_read_outside_allowlist", "10.9.0.10", "mallory"),
        ("forged_chwarden_tag", "10.9.0.12", "default"),  # the tag hides it from the other rules, not from this one
    }, found
    assert judge.own_queries == 1  # the genuine tag was recognised and left out
    # only the checks that need profile facts this hand-built snapshot does not have
    assert {n.check_id for n in result.not_checked} <= {"log_queries_switchable"}, result.not_checked
    probing = next(d for d in result.detections if d.rule_id == "privilege_probing")
    assert probing.evidence["privileges"] == "SELECT(secret.t)"
