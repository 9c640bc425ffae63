"""Data exposure checks on hand-built snapshots; secrets only ever appear redacted."""

from __future__ import annotations

import json
from typing import Any

import pytest

from chwarden.checks.registry import get_check, run_check
from chwarden.facts import (
    AnonymousLogin,
    Capabilities,
    ConnectionInfo,
    DatabaseFacts,
    DictionaryFacts,
    GrantFacts,
    NamedCollectionFacts,
    RowPolicyFacts,
    SecretRef,
    ServerInfo,
    Snapshot,
    TableFacts,
)
from chwarden.model import Finding, Severity
from chwarden.redact import redact
from tests.unit.snapshots import unknown_only

PASSWORD = "hunter2-very-secret"
SECRET = SecretRef(kind="password", redacted=redact(PASSWORD), where="engine_full")


def snap(**facts: Any) -> Snapshot:
    base: dict[str, Any] = {"target": "db:8123", "connection": ConnectionInfo(kind="live", user="default")}
    base.update(facts)
    return Snapshot(**base)


def run(check_id: str, snapshot: Snapshot) -> tuple[list[Finding], list[str]]:
    findings, not_checked = run_check(get_check(check_id), snapshot)
    return findings, [n.reason for n in not_checked]


@pytest.mark.parametrize(
    ("check_id", "fact", "with_secret", "without", "resource"),
    [
        (
            "credentials_in_table_engine",
            "tables",
            TableFacts(database="db", name="m", engine="MySQL", secrets=[SECRET]),
            TableFacts(database="db", name="t", engine="MergeTree"),
            "table:db.m",
        ),
        (
            "credentials_in_database_engine",
            "databases",
            DatabaseFacts(name="pg", engine="PostgreSQL", secrets=[SECRET]),
            DatabaseFacts(name="default", engine="Atomic"),
            "database:pg",
        ),
        (
            "credentials_in_dictionary_source",
            "dictionaries",
            DictionaryFacts(database="db", name="d", source_type="mysql", secrets=[SECRET]),
            DictionaryFacts(database="db", name="e", source_type="clickhouse"),
            "dictionary:db.d",
        ),
    ],
)
def test_stored_credentials(check_id: str, fact: str, with_secret: Any, without: Any, resource: str) -> None:
    findings, _ = run(check_id, snap(**{fact: [with_secret, without]}))
    assert [(f.resource, f.severity) for f in findings] == [(resource, Severity.HIGH)]
    dumped = json.dumps(findings[0].evidence, ensure_ascii=False)
    assert PASSWORD not in dumped and SECRET.redacted in dumped
    assert run(check_id, snap(**{fact: [without]}))[0] == []
    findings, reasons = run(check_id, snap(gaps={fact: "permission denied"}))
    assert findings == [] and reasons == [f"{fact}: permission denied"]


def test_named_collection_secrets_visible() -> None:
    visible = NamedCollectionFacts(name="s3", keys=["url", "secret_access_key"], secrets_visible=True, secrets=[SECRET])
    masked = NamedCollectionFacts(name="pg", keys=["password"])
    findings, _ = run("named_collection_secrets_visible", snap(named_collections=[visible, masked]))
    assert [f.resource for f in findings] == ["named_collection:s3"]
    assert PASSWORD not in json.dumps(findings[0].evidence, ensure_ascii=False)
    assert unknown_only(run("named_collection_secrets_visible", snap())) == ["named_collections"]


CHAT = TableFacts(
    database="prod",
    name="log_stream",
    engine="MergeTree",
    total_rows=1_000_000,
    columns=[("ts", "DateTime"), ("api_key", "String"), ("message", "String")],
)
PLAIN = TableFacts(database="prod", name="metrics", engine="MergeTree", total_rows=5, columns=[("v", "Float64")])
SYSTEM = TableFacts(database="system", name="query_log", engine="SystemQueryLog", columns=[("query", "String")])


def test_sensitive_tables_readable_by_a_passwordless_session() -> None:
    s = snap(tables=[CHAT, PLAIN, SYSTEM], anonymous_login=[AnonymousLogin(protocol="http", accepted=True)])
    findings, _ = run("sensitive_looking_tables_readable", s)
    assert [(f.resource, f.severity) for f in findings] == [("table:prod.log_stream", Severity.MEDIUM)]
    assert findings[0].evidence["matching_columns"] == ["api_key", "message"]
    assert findings[0].evidence["rows"] == 1_000_000


def test_sensitive_empty_table_is_info() -> None:
    empty = CHAT.model_copy(update={"name": "chat_history", "total_rows": 0})
    findings, _ = run("sensitive_looking_tables_readable", snap(tables=[empty]))
    assert [f.severity for f in findings] == [Severity.INFO]


def test_sensitive_tables_quiet_with_password_or_without_select() -> None:
    with_password = snap(tables=[CHAT], connection=ConnectionInfo(kind="live", user="ops", password_given=True))
    assert run("sensitive_looking_tables_readable", with_password) == ([], [])
    no_select = snap(
        tables=[CHAT],
        capabilities=Capabilities(has_sql_rbac=True),
        grants=[GrantFacts(user_name="default", access_type="SELECT", database="system")],
    )
    assert run("sensitive_looking_tables_readable", no_select) == ([], [])
    granted = no_select.model_copy(
        update={"grants": [GrantFacts(user_name="default", access_type="SELECT", database="prod")]}
    )
    assert [f.resource for f in run("sensitive_looking_tables_readable", granted)[0]] == ["table:prod.log_stream"]
    assert unknown_only(run("sensitive_looking_tables_readable", snap())) == ["tables"]


def test_sensitive_table_hidden_by_a_false_row_filter_is_quiet() -> None:
    def policy(select_filter: str, users: list[str]) -> RowPolicyFacts:
        return RowPolicyFacts(
            name="p ON prod.log_stream", database="prod", table="log_stream", select_filter=select_filter,
            apply_to_list=users,
        )  # fmt: skip

    hidden = snap(tables=[CHAT], row_policies=[policy("0", ["default"])])
    assert run("sensitive_looking_tables_readable", hidden) == ([], [])
    for visible in ([policy("tenant = 1", ["default"])], [policy("0", ["other"])]):
        findings, _ = run("sensitive_looking_tables_readable", snap(tables=[CHAT], row_policies=visible))
        assert [f.resource for f in findings] == ["table:prod.log_stream"]
    modern = snap(tables=[CHAT], capabilities=Capabilities(has_sql_rbac=True), server=ServerInfo(version="24.8.1.1"))
    fix = run("sensitive_looking_tables_readable", modern)[0][0].remediation
    assert fix.xml is not None and "<log_stream><filter>0</filter></log_stream>" in fix.xml
    assert fix.sql == "REVOKE SELECT ON `prod`.`log_stream` FROM `default`;"


def test_18_16_ignores_users_xml_row_filters() -> None:
    """Measured on Debian's 18.16: a <filter>0</filter> in users.xml hides nothing."""
    old = ServerInfo(version="18.16.1")
    policy = RowPolicyFacts(name="p", database="prod", table="log_stream", select_filter="0", apply_to_list=["default"])
    findings, _ = run("sensitive_looking_tables_readable", snap(server=old, tables=[CHAT], row_policies=[policy]))
    assert [f.resource for f in findings] == ["table:prod.log_stream"]
    fix = findings[0].remediation
    assert fix.sql is None and fix.xml is not None and "<allow_databases>" in fix.xml and "<filter>" not in fix.xml
