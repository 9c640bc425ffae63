"""Logging checks on hand-built snapshots."""

from __future__ import annotations

import json
from typing import Any

import pytest

from chwarden.checks.registry import get_check, run_check
from chwarden.facts import (
    Capabilities,
    ConfigValue,
    ConnectionInfo,
    GrantFacts,
    LogSecretFacts,
    ProfileElement,
    ServerInfo,
    SettingValue,
    Snapshot,
    SystemLogFacts,
    UserFacts,
)
from chwarden.model import Finding, Location, Severity
from tests.unit.snapshots import modern_snapshot, unknown_only


def snap(**facts: Any) -> Snapshot:
    return modern_snapshot(**facts)


def config(values: dict[str, str], origin: str = "config") -> dict[str, ConfigValue]:
    loc = Location(file="/etc/clickhouse-server/config.xml", line=3)
    return {k: ConfigValue(values=[v], origin=origin, location=loc) for k, v in values.items()}  # type: ignore[arg-type]


def run(check_id: str, snapshot: Snapshot) -> tuple[list[Finding], list[str]]:
    findings, not_checked = run_check(get_check(check_id), snapshot)
    return findings, [n.reason for n in not_checked]


def resources(check_id: str, snapshot: Snapshot) -> list[str]:
    findings, not_checked = run(check_id, snapshot)
    assert not not_checked, not_checked
    return [f.resource for f in findings]


def test_query_log_disabled_by_session_setting_on_legacy_server() -> None:
    legacy = snap(
        capabilities=Capabilities(),
        server=ServerInfo(version="18.16.1"),
        connection=ConnectionInfo(kind="live", user="default"),
        effective_settings={"log_queries": SettingValue(value="0")},
    )
    assert resources("query_log_disabled", legacy) == ["session:default"]
    on = legacy.model_copy(update={"effective_settings": {"log_queries": SettingValue(value="1")}})
    assert resources("query_log_disabled", on) == []


def test_query_log_disabled_in_a_profile() -> None:
    elements = [
        ProfileElement(profile_name="quiet", setting_name="log_queries", value="0"),
        ProfileElement(user_name="app", inherit_profile="quiet"),
    ]
    s = snap(profile_elements=elements, users=[UserFacts(name="app")], system_logs=[])
    findings, _ = run("query_log_disabled", s)
    assert [f.resource for f in findings] == ["profile:quiet"]
    assert "log_queries = 1" in (findings[0].remediation.sql or "")


def test_query_log_section_absent_from_config() -> None:
    s = snap(
        connection=ConnectionInfo(kind="config"),
        system_logs=[],
        config_files=["/etc/ch/config.xml"],
        server_config=config({"listen_host": "::"}),
    )
    assert resources("query_log_disabled", s) == ["table:system.query_log"]
    present = s.model_copy(update={"system_logs": [SystemLogFacts(name="query_log", configured=True)]})
    assert resources("query_log_disabled", present) == []
    configured = s.model_copy(update={"server_config": config({"query_log.database": "system"})})
    assert resources("query_log_disabled", configured) == []  # live table not created yet


def test_query_log_disabled_not_checked_without_facts() -> None:
    assert unknown_only(run("query_log_disabled", snap())) == ["system_logs"]


def test_system_log_without_ttl() -> None:
    logs = [
        SystemLogFacts(name="query_log", exists=True, has_ttl=False),
        SystemLogFacts(name="part_log", exists=True, has_ttl=True),
        SystemLogFacts(name="text_log", exists=False, has_ttl=None),
    ]
    findings, _ = run("system_log_without_ttl", snap(system_logs=logs))
    assert [f.resource for f in findings] == ["table:system.query_log"]
    assert "<ttl>event_date + INTERVAL 30 DAY DELETE</ttl>" in (findings[0].remediation.xml or "")
    assert unknown_only(run("system_log_without_ttl", snap())) == ["system_logs"]


def test_no_query_masking_rules() -> None:
    assert resources("no_query_masking_rules", snap(server_config=config({"listen_host": "::"}))) == [
        "setting:query_masking_rules"
    ]
    masked = config({"query_masking_rules.rule.regexp": "sk-.*"})
    assert resources("no_query_masking_rules", snap(server_config=masked)) == []
    live_only = config({"max_connections": "4096"}, origin="server_settings")
    assert "not exposed" in run("no_query_masking_rules", snap(server_config=live_only))[1][0]
    assert unknown_only(run("no_query_masking_rules", snap())) == ["server_config"]


def test_secrets_shown_in_show_select() -> None:
    on = config({"display_secrets_in_show_and_select": "1"})
    findings, _ = run("secrets_shown_in_show_select", snap(server_config=on))
    assert [(f.resource, f.severity) for f in findings] == [
        ("setting:display_secrets_in_show_and_select", Severity.MEDIUM)
    ]
    assert findings[0].location is not None and findings[0].location.line == 3


def test_secrets_shown_escalates_with_privilege_and_format_setting() -> None:
    s = snap(
        server_config=config({"display_secrets_in_show_and_select": "1"}),
        grants=[GrantFacts(user_name="app", access_type="displaySecretsInShowAndSelect")],
        profile_elements=[
            ProfileElement(profile_name="web", setting_name="format_display_secrets_in_show_and_select", value="1")
        ],
    )
    findings, _ = run("secrets_shown_in_show_select", s)
    assert findings[0].severity is Severity.HIGH
    assert findings[0].evidence["privilege_holders"] == ["user:app"]


@pytest.mark.parametrize("values", [{"display_secrets_in_show_and_select": "0"}, {"listen_host": "::"}])
def test_secrets_hidden(values: dict[str, str]) -> None:
    assert resources("secrets_shown_in_show_select", snap(server_config=config(values))) == []


def test_passwords_in_query_log_evidence_is_redacted_only() -> None:
    example = "CREATE USER bob IDENTIFIED BY 's3cr…(redacted, sha256:1a2b3c4d)'"
    secrets = [
        LogSecretFacts(log="system.query_log", kind="identified_by", count=3, users=["admin"], examples=[example]),
        LogSecretFacts(log="system.query_log", kind="url_credentials", count=1, users=["etl"]),
    ]
    findings, _ = run("passwords_in_query_log", snap(log_secrets=secrets))
    assert [(f.resource, f.severity) for f in findings] == [("table:system.query_log", Severity.HIGH)]
    evidence = findings[0].evidence
    assert evidence["count"] == 4 and evidence["users"] == ["admin", "etl"]
    assert evidence["kinds"] == {"identified_by": 3, "url_credentials": 1}
    assert "s3cret" not in json.dumps(evidence, ensure_ascii=False)
    assert resources("passwords_in_query_log", snap(log_secrets=[])) == []
    assert unknown_only(run("passwords_in_query_log", snap())) == ["log_secrets"]


def test_session_log_disabled() -> None:
    live = snap(system_logs=[SystemLogFacts(name="query_log", exists=True)])
    assert resources("session_log_disabled", live) == ["table:system.session_log"]
    enabled = snap(system_logs=[SystemLogFacts(name="session_log", exists=True)])
    assert resources("session_log_disabled", enabled) == []
    old = snap(server=ServerInfo(version="18.16.1"), system_logs=[])
    assert resources("session_log_disabled", old) == []
    assert unknown_only(run("session_log_disabled", snap())) == ["system_logs"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"logger.level": "trace"}, ["setting:logger.level"]),
        ({"logger.level": "Debug"}, ["setting:logger.level"]),
        ({"logger.log": "/var/log/x.log"}, ["setting:logger.level"]),  # unset level means trace
        ({"logger.level": "information"}, []),
    ],
)
def test_verbose_server_log_level(values: dict[str, str], expected: list[str]) -> None:
    assert resources("verbose_server_log_level", snap(server_config=config(values))) == expected


def test_verbose_log_level_unknown_on_live_server() -> None:
    live = snap(server_config=config({"max_connections": "1"}, origin="server_settings"))
    assert unknown_only(run("verbose_server_log_level", live)) == ["server_config"]


def test_features_18_16_lacks_get_advice_not_a_patch_that_would_be_ignored() -> None:
    """A config section an old server ignores must not make the finding look fixed."""
    old = ServerInfo(version="18.16.1")
    masked = config({"query_masking_rules.rule.regexp": "sk-.*"})
    findings, _ = run("no_query_masking_rules", snap(server=old, server_config=masked))
    assert [f.resource for f in findings] == ["setting:query_masking_rules"]
    assert findings[0].remediation.xml is None and "19.14" in (findings[0].remediation.text or "")
    logs = [SystemLogFacts(name="query_log", exists=True, has_ttl=False)]
    ttl, _ = run("system_log_without_ttl", snap(server=old, system_logs=logs))
    assert ttl[0].remediation.xml is None and "DROP PARTITION" in (ttl[0].remediation.text or "")
