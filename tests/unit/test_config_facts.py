"""Config files mapped to Snapshot facts: the same fields the live collector fills."""

from __future__ import annotations

from pathlib import Path

import pytest

from chwarden.checks.registry import get_check, run_check
from chwarden.facts import (
    GrantFacts,
    ProfileElement,
    QuotaInterval,
    RoleGrantFacts,
    RowPolicyFacts,
    Snapshot,
    SystemLogFacts,
    UserFacts,
)
from chwarden.model import Location
from chwarden.sources.configfiles import snapshot_from_config
from chwarden.sources.configfiles.grant_sql import parse_grant
from chwarden.sources.configfiles.values import is_secret_name

CONFIGS = Path(__file__).resolve().parent.parent / "data" / "configs"
LIVE_ONLY = "offline config audit: only a live server knows this"


def users_of(snapshot: Snapshot) -> dict[str, UserFacts]:
    assert snapshot.users is not None
    return {u.name: u for u in snapshot.users}


def summary(user: UserFacts) -> tuple[object, ...]:
    return (
        user.auth_types,
        user.password_empty,
        user.host_ip,
        user.host_names,
        user.host_names_regexp,
        user.host_local,
        user.networks_known,
        user.profile,
        user.quota,
        str(user.location),
    )


def test_debian_default_user_is_passwordless_from_anywhere() -> None:
    users = users_of(snapshot_from_config(CONFIGS / "debian_18_16"))
    assert summary(users["default"]) == (
        ["plaintext_password"],
        True,
        ["::/0"],
        [],
        [],
        False,
        True,
        "default",
        "default",
        "users.xml:32",
    )
    assert summary(users["readonly"]) == (
        ["plaintext_password"],
        True,
        [],
        [],
        [],
        True,
        True,
        "readonly",
        "default",
        "users.xml:80",
    )
    assert users["default"].storage == "users_xml" and users["default"].secrets == []


def test_legacy_yandex_users_file_with_many_users() -> None:
    snapshot = snapshot_from_config(CONFIGS / "legacy_many_users")
    users = users_of(snapshot)
    assert list(users) == ["default", "readonly", "web", "hashed_empty", "mysql_app", "tenant", "nonet"]
    web = users["web"]
    assert summary(web) == (
        ["plaintext_password"],
        False,
        ["10.0.0.0/255.0.0.0"],
        ["web01.example.com"],
        [],
        False,
        True,
        "analytics",
        "web",
        "users.xml:34",
    )
    assert web.allow_databases == ["site", "stats"]
    assert len(web.secrets) == 1 and web.secrets[0].kind == "password"
    assert web.secrets[0].where == "users.web.password" and web.secrets[0].redacted.startswith("web-…(redacted")
    # sha256 of the empty string is still no password at all.
    assert summary(users["hashed_empty"])[:2] == (["sha256_password"], True)
    assert users["hashed_empty"].sha256_salted is False
    assert summary(users["mysql_app"])[:5] == (
        ["double_sha1_password"],
        False,
        [],
        [],
        [r"^app\d+\.example\.com$"],
    )
    assert summary(users["tenant"])[:2] == (["sha256_password"], False)
    assert (users["nonet"].networks_known, users["nonet"].host_ip) == (False, [])
    assert all(u.allow_databases is None for n, u in users.items() if n != "web")


def test_legacy_row_policies_quotas_and_profiles() -> None:
    snapshot = snapshot_from_config(CONFIGS / "legacy_many_users")
    assert snapshot.row_policies is not None
    policies = {p.short_name: p for p in snapshot.row_policies}
    assert policies["tenant"] == RowPolicyFacts(
        name="tenant ON site.visits",
        short_name="tenant",
        database="site",
        table="visits",
        select_filter="tenant_id = 42",
        apply_to_list=["tenant"],
    )
    # Like the server: a filter for one user gives every other user a permissive `USING 1` policy.
    assert sorted(n for n, p in policies.items() if p.select_filter == "1") == [
        "default",
        "hashed_empty",
        "mysql_app",
        "nonet",
        "readonly",
        "web",
    ]
    assert snapshot.quotas is not None
    default_quota, web_quota = snapshot.quotas
    assert default_quota.apply_to_list == [
        "default",
        "hashed_empty",
        "mysql_app",
        "nonet",
        "readonly",
        "tenant",
    ]
    assert default_quota.intervals == [
        QuotaInterval(
            duration=3600,
            max_queries=0,
            max_errors=0,
            max_result_rows=0,
            max_read_rows=0,
            max_execution_time=0.0,
        )
    ]
    assert not default_quota.intervals[0].limits_anything()
    assert (web_quota.keys, web_quota.apply_to_list, str(web_quota.location)) == (
        ["ip_address"],
        ["web"],
        "users.xml:89",
    )
    assert web_quota.intervals == [
        QuotaInterval(duration=60, max_queries=100, max_read_bytes=1000000000, max_execution_time=120.5),
        QuotaInterval(duration=86400, max_queries=10000),
    ]
    assert snapshot.profiles is not None
    assert [(p.name, p.storage, str(p.location)) for p in snapshot.profiles] == [
        ("default", "users_xml", "users.xml:4"),
        ("readonly", "users_xml", "users.xml:8"),
        ("analytics", "users_xml", "users.xml:11"),
    ]
    assert snapshot.profile_elements is not None
    analytics = [e for e in snapshot.profile_elements if e.profile_name == "analytics"]
    assert analytics == [
        ProfileElement(
            profile_name="analytics", inherit_profile="readonly", location=Location(file="users.xml", line=12)
        ),
        ProfileElement(
            profile_name="analytics",
            setting_name="max_execution_time",
            value="30",
            location=Location(file="users.xml", line=13),
        ),
    ]
    per_user = [(e.user_name, e.inherit_profile) for e in snapshot.profile_elements if e.user_name]
    assert per_user == [
        ("default", "default"),
        ("readonly", "readonly"),
        ("web", "analytics"),
        ("hashed_empty", "default"),
        ("mysql_app", "default"),
        ("tenant", "readonly"),
        ("nonet", "default"),
    ]


def test_modern_users_d_password_replaces_empty_password() -> None:
    snapshot = snapshot_from_config(CONFIGS / "modern")
    default = users_of(snapshot)["default"]
    assert summary(default) == (
        ["sha256_password"],
        False,
        ["10.0.0.0/8"],
        [],
        [],
        True,
        True,
        "default",
        "default",
        "users.xml:11",
    )
    assert default.access_management is True
    # An XML admin without explicit grants holds ALL WITH GRANT OPTION (as system.grants shows).
    assert snapshot.grants == [GrantFacts(user_name="default", access_type="ALL", grant_option=True)]
    assert snapshot.system_logs == [
        SystemLogFacts(name="query_log", configured=True, has_ttl=True, location=Location(file="config.xml", line=54)),
        SystemLogFacts(
            name="text_log",
            configured=True,
            has_ttl=True,
            location=Location(file="config.d/logs.xml", line=8),
        ),
        SystemLogFacts(
            name="session_log",
            configured=True,
            has_ttl=False,
            location=Location(file="config.d/logs.xml", line=13),
        ),
    ]
    assert snapshot.clusters is not None
    assert [(c.cluster, c.host_name, c.port, c.secure, c.has_secret) for c in snapshot.clusters] == [
        ("default", "ch1.internal", 9440, True, True),
        ("default", "ch2.internal", 9000, False, True),
    ]


def test_rbac_xml_roles_grants_constraints() -> None:
    snapshot = snapshot_from_config(CONFIGS / "rbac_xml")
    users = users_of(snapshot)
    assert {n: u.auth_types for n, u in users.items()} == {
        "default": ["plaintext_password"],
        "alice": ["plaintext_password"],
        "bob": ["sha256_password"],
        "erin": ["no_password"],
        "frank": ["kerberos"],
        "dave": ["ssl_certificate"],
    }
    assert users["erin"].password_empty is True
    assert (users["frank"].host_names_like, users["bob"].host_ip, users["bob"].host_local) == (
        ["%.example.internal"],
        ["10.1.0.0/16"],
        True,
    )
    default = users["default"]
    assert (default.named_collection_control, default.show_named_collections_secrets) == (True, True)
    assert [(r.name, r.storage, str(r.location)) for r in snapshot.roles or []] == [
        ("analyst", "users_xml", "config.xml:21")
    ]
    assert snapshot.role_grants == [RoleGrantFacts(user_name="alice", granted_role_name="analyst")]
    assert snapshot.grants == [
        GrantFacts(user_name="default", access_type="ALL", grant_option=True),
        GrantFacts(user_name="bob", access_type="SELECT", database="logs", table="events"),
        GrantFacts(user_name="bob", access_type="SHOW TABLES"),
        GrantFacts(
            user_name="bob",
            access_type="SELECT",
            database="shop",
            table="orders",
            column="id",
            grant_option=True,
        ),
        GrantFacts(
            user_name="bob",
            access_type="SELECT",
            database="shop",
            table="orders",
            column="name",
            grant_option=True,
        ),
        GrantFacts(user_name="bob", access_type="INSERT", database="shop", table="orders", grant_option=True),
        GrantFacts(user_name="bob", access_type="SELECT", database="logs", table="secret", is_partial_revoke=True),
        GrantFacts(role_name="analyst", access_type="SELECT", database="logs"),
    ]
    assert snapshot.extra["unparsed_grants"] == [
        "config.xml:53: cannot parse grant 'DROP TABLE logs.events': not a GRANT or REVOKE statement"
    ]
    elements = [e for e in snapshot.profile_elements or [] if e.profile_name == "restricted_prof"]
    assert [
        (e.setting_name, e.value, e.min, e.max, e.writability, e.location.line if e.location else None)
        for e in elements
    ] == [
        ("readonly", "1", None, None, None, 10),
        ("max_memory_usage", "1000000000", "100000000", "2000000000", None, 11),
        ("max_execution_time", "30", None, None, "CONST", 12),
        ("max_threads", None, None, None, "CHANGEABLE_IN_READONLY", 16),
    ]
    config = snapshot.server_config or {}
    assert config["access_control_improvements.select_from_system_db_requires_grant"].values == ["false"]


def test_yaml_users_constraints_and_replaced_networks() -> None:
    snapshot = snapshot_from_config(CONFIGS / "yaml")
    users = users_of(snapshot)
    assert summary(users["etl"]) == (
        ["plaintext_password"],
        False,
        [],
        ["etl1.example.com", "etl2.example.com"],
        [],
        False,
        True,
        "default",
        "default",
        "users.yaml:17",
    )
    assert users["etl"].secrets[0].redacted.startswith("etl-…(redacted, sha256:")
    elements = [e for e in snapshot.profile_elements or [] if e.profile_name == "default"]
    assert [(e.setting_name, e.value, e.max, e.writability, str(e.location)) for e in elements] == [
        ("max_execution_time", "60", "600", None, "users.yaml:4"),
        ("readonly", None, None, "CONST", "users.yaml:8"),
    ]
    assert snapshot.quotas is not None and snapshot.quotas[0].intervals == [
        QuotaInterval(duration=3600, max_queries=1000)
    ]
    assert snapshot.system_logs == [
        SystemLogFacts(name="part_log", configured=True, has_ttl=False, location=Location(file="config.yaml", line=22))
    ]


def test_live_only_facts_are_gaps_and_snapshot_round_trips_without_secrets() -> None:
    snapshot = snapshot_from_config(CONFIGS / "modern")
    for fact in (
        "anonymous_login",
        "effective_settings",
        "tables",
        "databases",
        "dictionaries",
        "log_secrets",
    ):
        assert getattr(snapshot, fact) is None and snapshot.gaps[fact] == LIVE_ONLY
    assert snapshot.server.version is None
    dumped = snapshot.model_dump_json()
    for secret in (
        "cluster-secret-value",
        "replica-password",
        "73e58d17dbe40b999c87d0b7c0859deebc40e19b8d5c23f6c5",
    ):
        assert secret not in dumped
    assert Snapshot.model_validate_json(dumped) == snapshot
    legacy = snapshot_from_config(CONFIGS / "legacy_many_users").model_dump_json()
    assert "web-plaintext-password" not in legacy


def test_default_user_check_fires_on_config_with_location() -> None:
    findings, not_checked = run_check(
        get_check("default_user_without_password"), snapshot_from_config(CONFIGS / "debian_18_16")
    )
    assert not not_checked
    # the finding points at the <password> line that leaves it empty (users.xml:46), not at <default>
    assert [(f.resource, str(f.location)) for f in findings] == [("user:default", "users.xml:46")]
    assert findings[0].remediation.xml is not None and findings[0].remediation.sql is None
    findings, _ = run_check(get_check("default_user_without_password"), snapshot_from_config(CONFIGS / "modern"))
    assert findings == []


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("password", True),
        ("secret", True),
        ("key", True),
        ("access_key_id", True),
        ("secret_access_key", True),
        ("identity", True),
        ("key_hex", True),
        ("password_sha256_hex", True),
        ("token", True),
        ("privateKeyFile", False),
        ("certificateFile", False),
        ("user", False),
        ("host", False),
        ("four_letter_word_white_list", False),
        ("keep_alive_timeout", False),
    ],
)
def test_secret_names(name: str, secret: bool) -> None:
    assert is_secret_name(name) is secret


@pytest.mark.parametrize(
    "query",
    ["GRANT", "GRANT SELECT ON a.b ON c.d", "REVOKE analyst", "GRANT SELECT ON `unterminated", "SELECT 1"],
)
def test_unreadable_grants_raise_value_error(query: str) -> None:
    with pytest.raises(ValueError):
        parse_grant(query, user="u")


def test_grant_forms() -> None:
    assert parse_grant("grant all privileges on *.* to admin with grant option", user="u").grants == [
        GrantFacts(user_name="u", access_type="ALL", grant_option=True)
    ]
    assert parse_grant("GRANT r1, `r 2` WITH ADMIN OPTION;", role="boss").role_grants == [
        RoleGrantFacts(role_name="boss", granted_role_name="r1", with_admin_option=True),
        RoleGrantFacts(role_name="boss", granted_role_name="r 2", with_admin_option=True),
    ]
    assert parse_grant("GRANT SELECT ON events", user="u").grants == [
        GrantFacts(user_name="u", access_type="SELECT", table="events")
    ]
