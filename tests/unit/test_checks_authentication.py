"""Authentication checks judged on small hand-built snapshots."""

from __future__ import annotations

from typing import Any

import pytest

from chwarden.checks.password_settings import INSECURE_TYPE_SWITCHES
from chwarden.checks.registry import get_check, run_check
from chwarden.facts import (
    AnonymousLogin,
    Capabilities,
    ConfigValue,
    ConnectionInfo,
    GrantFacts,
    SecretRef,
    ServerInfo,
    Snapshot,
    UserFacts,
)
from chwarden.model import Finding, Location, NotChecked, Severity
from tests.unit.snapshots import missing_facts


def snap(
    users: list[UserFacts] | None = None,
    *,
    version: str | None = "26.9.2.1",
    rbac: bool = True,
    kind: str = "live",
    config: dict[str, str] | None = None,
    **extra: Any,
) -> Snapshot:
    server_config = None if config is None else {k: ConfigValue(values=[v]) for k, v in config.items()}
    return Snapshot(
        target="t",
        connection=ConnectionInfo(kind=kind),  # type: ignore[arg-type]
        server=ServerInfo(version=version),
        capabilities=Capabilities(has_sql_rbac=rbac),
        users=users,
        server_config=server_config,
        **extra,
    )


def run(check_id: str, snapshot: Snapshot) -> tuple[list[Finding], list[NotChecked]]:
    return run_check(get_check(check_id), snapshot)


def user(name: str, *auth: str, **kw: Any) -> UserFacts:
    kw.setdefault("storage", "local_directory")
    return UserFacts(name=name, auth_types=list(auth), **kw)


def resources(findings: list[Finding]) -> list[str]:
    return [f.resource for f in findings]


# --- FactMissing -> not checked for every user-based check -----------------------------------------

USER_CHECKS = [
    "default_user_without_password",
    "user_without_password",
    "plaintext_password",
    "double_sha1_password",
    "unsalted_sha256_password",
    "empty_password_hash",
    "bcrypt_not_used",
    "xml_user_with_access_management",
    "named_collection_secrets_shown",
    "dns_based_host_restriction",
    "password_without_expiry",
]


@pytest.mark.parametrize("check_id", USER_CHECKS)
def test_users_not_collected_is_not_checked(check_id: str) -> None:
    s = snap(None, gaps={"users": "server has no SQL access control"})
    findings, missing = run(check_id, s)
    assert findings == []
    assert len(missing) == 1 and missing[0].check_id == check_id


# --- default / other passwordless users --------------------------------------------------------------


def test_default_without_password_keeps_working() -> None:
    s = snap([user("default", "no_password", host_ip=["::/0"])])
    findings, _ = run("default_user_without_password", s)
    assert resources(findings) == ["user:default"] and findings[0].severity is Severity.CRITICAL
    assert findings[0].remediation.sql and "ALTER USER default" in findings[0].remediation.sql


def test_default_from_anonymous_login_on_legacy_server() -> None:
    s = snap(None, rbac=False, anonymous_login=[AnonymousLogin(protocol="http", port=8123, accepted=True)])
    findings, missing = run("default_user_without_password", s)
    assert resources(findings) == ["user:default"] and missing == []
    assert findings[0].remediation.sql is None and findings[0].remediation.xml


def test_user_without_password_severity_by_reach() -> None:
    users = [
        user("default", "no_password"),
        user("open", "no_password", host_ip=["::/0"]),
        user("local", "no_password", host_local=True),
        user("lan", "plaintext_password", password_empty=True, host_ip=["10.0.0.0/8"]),
        user("ok", "sha256_password", host_ip=["::/0"]),
        user("hashed_empty", "sha256_password", password_empty=True),
    ]
    findings, _ = run("user_without_password", snap(users))
    by = {f.resource: f.severity for f in findings}
    assert by == {"user:open": Severity.CRITICAL, "user:local": Severity.MEDIUM, "user:lan": Severity.HIGH}


# --- weak storage -------------------------------------------------------------------------------


def test_plaintext_password_reports_only_redacted_secret() -> None:
    secret = SecretRef(kind="password", redacted="…(redacted, sha256:1a2b3c4d)", where="users.alice.password")
    users = [
        user(
            "alice",
            "plaintext_password",
            storage="users_xml",
            secrets=[secret],
            location=Location(file="users.xml", line=7),
        ),
        user("empty", "plaintext_password", password_empty=True),
        user("bob", "sha256_password"),
    ]
    findings, _ = run("plaintext_password", snap(users))
    assert resources(findings) == ["user:alice"]
    f = findings[0]
    assert f.evidence["secrets"] == [secret.redacted] and str(f.location) == "users.xml:7"
    assert f.remediation.sql is None and "password_sha256_hex" in (f.remediation.xml or "")


def test_double_sha1_sql_user_gets_sql_fix() -> None:
    findings, _ = run(
        "double_sha1_password", snap([user("carol", "double_sha1_password"), user("d", "bcrypt_password")])
    )
    assert resources(findings) == ["user:carol"]
    assert (
        findings[0].remediation.sql == "ALTER USER `carol` IDENTIFIED WITH bcrypt_password BY '<new strong password>';"
    )
    assert findings[0].remediation.xml is None


def test_unsalted_sha256_from_storage_and_flag() -> None:
    users = [
        user("xml", "sha256_password", storage="users_xml"),
        user("sqlsalted", "sha256_password", sha256_salted=True),
        user("sqlhash", "sha256_password", sha256_salted=False),
        user("unknown", "sha256_password"),
    ]
    findings, missing = run("unsalted_sha256_password", snap(users))
    assert resources(findings) == ["user:xml", "user:sqlhash"] and missing == []


def test_unsalted_sha256_undecidable_is_not_checked() -> None:
    findings, missing = run("unsalted_sha256_password", snap([user("unknown", "sha256_password")]))
    assert findings == [] and "unknown" in missing[0].reason


def test_empty_password_hash_skips_default_and_escalates_any_host() -> None:
    users = [
        user("default", "sha256_password", password_empty=True),
        user("svc", "sha256_password", password_empty=True, host_ip=["::/0"]),
        user("svc2", "double_sha1_password", password_empty=True, host_local=True),
        user("fine", "sha256_password", password_empty=False),
    ]
    findings, _ = run("empty_password_hash", snap(users))
    assert {f.resource: f.severity for f in findings} == {
        "user:svc": Severity.CRITICAL,
        "user:svc2": Severity.HIGH,
    }


# --- server switches ---------------------------------------------------------------------------


def test_insecure_password_types_from_config() -> None:
    s = snap(
        [],
        kind="config",
        version=None,
        config={
            "allow_plaintext_password": "1",
            "allow_no_password": "0",
            "allow_implicit_no_password": "true",
        },
    )
    findings, _ = run("insecure_password_types_allowed", s)
    assert resources(findings) == ["setting:allow_plaintext_password", "setting:allow_implicit_no_password"]
    assert "<allow_plaintext_password>0</allow_plaintext_password>" in (findings[0].remediation.xml or "")


def test_insecure_password_types_absent_uses_version_default() -> None:
    s = snap([], version="24.8.1.1", config={"listen_host": "::"})
    findings, _ = run("insecure_password_types_allowed", s)
    assert len(findings) == 3 and findings[0].evidence["default"] == "1"
    old, _ = run("insecure_password_types_allowed", snap([], version="18.16.1", config={"listen_host": "::"}))
    assert old == []
    _, missing = run("insecure_password_types_allowed", snap([], version=None, config={"listen_host": "::"}))
    assert missing and "version" in missing[0].reason


def test_insecure_password_types_server_settings_only_is_not_checked() -> None:
    s = snap([])
    s.server_config = {"max_connections": ConfigValue(values=["4096"], origin="server_settings")}
    findings, missing = run("insecure_password_types_allowed", s)
    assert findings == [] and "not exposed" in missing[0].reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [("plaintext_password", 1), ("double_sha1_password", 1), ("bcrypt_password", 0), ("sha256_password", 0)],
)
def test_weak_default_password_type(value: str, expected: int) -> None:
    findings, _ = run("weak_default_password_type", snap([], config={"default_password_type": value}))
    assert len(findings) == expected


def test_weak_default_password_type_absent_is_sha256() -> None:
    findings, missing = run("weak_default_password_type", snap([], config={"listen_host": "::"}))
    assert findings == [] and missing == []


def test_bcrypt_not_used() -> None:
    users = [user("a", "sha256_password"), user("b", "plaintext_password"), user("c", "bcrypt_password")]
    findings, _ = run("bcrypt_not_used", snap(users))
    assert findings[0].evidence["users"] == {"a": "sha256_password", "b": "plaintext_password"}
    assert findings[0].severity is Severity.LOW and "bcrypt_password" in (findings[0].remediation.sql or "")
    old, _ = run("bcrypt_not_used", snap([user("a", "sha256_password")], version="22.8.1"))
    assert old == []
    _, missing = run("bcrypt_not_used", snap([user("a", "sha256_password")], version=None))
    assert missing_facts(missing) == ["server.version"]


# --- XML admin, named collections, hosts, expiry -------------------------------------------------------


def test_xml_access_management_exempts_one_loopback_admin() -> None:
    users = [
        user("admin", "sha256_password", storage="users_xml", access_management=True, host_local=True),
        user("ops", "sha256_password", storage="users_xml", access_management=True, host_ip=["::/0"]),
        user("local2", "sha256_password", storage="users_xml", access_management=True, host_ip=["::1"]),
        user("sqladmin", "sha256_password", access_management=True),
    ]
    findings, _ = run("xml_user_with_access_management", snap(users))
    assert {f.resource: f.severity for f in findings} == {
        "user:ops": Severity.HIGH,
        "user:local2": Severity.MEDIUM,
    }
    assert "<access_management>0</access_management>" in (findings[0].remediation.xml or "")


def test_xml_access_management_seen_live_as_all_with_grant_option() -> None:
    users = [user("default", "plaintext_password", storage="users_xml", host_ip=["::/0"])]
    grants = [GrantFacts(user_name="default", access_type="ALL", grant_option=True)]
    findings, _ = run("xml_user_with_access_management", snap(users, grants=grants))
    assert resources(findings) == ["user:default"]


def test_named_collection_secrets_shown() -> None:
    users = [
        user("a", "sha256_password", storage="users_xml", show_named_collections_secrets=True),
        user("b", "sha256_password", storage="users_xml", show_named_collections_secrets=False),
    ]
    findings, _ = run("named_collection_secrets_shown", snap(users))
    assert resources(findings) == ["user:a"]
    _, missing = run("named_collection_secrets_shown", snap([user("a", "sha256_password")]))
    assert missing and "users.xml" in missing[0].reason


def test_dns_based_host_restriction_unanchored_is_worse() -> None:
    users = [
        user("a", "sha256_password", host_names_regexp=[r"^ci-\d+\.example\.internal$"]),
        user("b", "sha256_password", host_names_regexp=[r"ci-\d+\.example\.internal"]),
        user("c", "sha256_password", host_names=["app.example.internal"]),
        user("d", "sha256_password", host_names=["localhost"], host_names_like=["%"]),
    ]
    findings, _ = run("dns_based_host_restriction", snap(users))
    assert {f.resource: f.severity for f in findings} == {
        "user:a": Severity.LOW,
        "user:b": Severity.MEDIUM,
        "user:c": Severity.LOW,
    }
    assert findings[1].evidence["unanchored_regexps"] == [r"ci-\d+\.example\.internal"]


def test_password_without_expiry() -> None:
    users = [
        user("a", "sha256_password"),
        user("b", "sha256_password", valid_until="2030-01-01 00:00:00"),
        user("x", "sha256_password", storage="users_xml"),
        user("k", "kerberos"),
    ]
    findings, _ = run("password_without_expiry", snap(users))
    assert resources(findings) == ["user:a"] and "VALID UNTIL" in (findings[0].remediation.sql or "")
    _, missing = run("password_without_expiry", snap(users, kind="config", version=None))
    assert missing_facts(missing) == ["users"]
    _, old = run("password_without_expiry", snap(users, version="23.3.1"))
    assert missing_facts(old) == ["server.version"]


def test_insecure_password_types_reads_a_redacted_switch() -> None:
    """A config source may redact `allow_*_password` values; the fingerprint still says 0 or 1."""
    from chwarden.redact import redact

    s = snap([], kind="config", version=None, config={n: redact("1") for n in INSECURE_TYPE_SWITCHES})
    findings, _ = run("insecure_password_types_allowed", s)
    assert [f.evidence["value"] for f in findings] == ["1", "1", "1"]
    off = snap([], kind="config", version=None, config={n: redact("0") for n in INSECURE_TYPE_SWITCHES})
    assert run("insecure_password_types_allowed", off)[0] == []
