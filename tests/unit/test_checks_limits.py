"""Limit checks on hand-built snapshots: profile chains (RBAC/config) and legacy sessions."""

from __future__ import annotations

from typing import Any

import pytest

from chwarden.checks.registry import get_check, run_check
from chwarden.facts import (
    ConnectionInfo,
    GrantFacts,
    ProfileElement,
    QuotaFacts,
    QuotaInterval,
    ServerInfo,
    SettingValue,
    Snapshot,
    UserFacts,
)
from chwarden.model import Finding, Severity
from tests.unit.snapshots import legacy_snapshot, modern_snapshot, unknown_only


def el(profile: str | None = None, setting: str | None = None, value: str | None = None, **kw: Any) -> ProfileElement:
    return ProfileElement(profile_name=profile, setting_name=setting, value=value, **kw)


def member(user: str, profile: str) -> ProfileElement:
    """How system.settings_profile_elements shows a user's <profile>."""
    return ProfileElement(user_name=user, inherit_profile=profile)


def rbac(elements: list[ProfileElement], users: list[UserFacts] | None = None, **facts: Any) -> Snapshot:
    base: dict[str, Any] = {
        "profile_elements": elements,
        "users": users if users is not None else [UserFacts(name="app", auth_types=["sha256_password"])],
    }
    base.update(facts)
    return modern_snapshot(**base)


def legacy(settings: dict[str, str], **facts: Any) -> Snapshot:
    base: dict[str, Any] = {"effective_settings": {k: SettingValue(value=v) for k, v in settings.items()}}
    base.update(facts)
    return legacy_snapshot(**base)


def run(check_id: str, snapshot: Snapshot) -> tuple[list[Finding], list[str]]:
    findings, not_checked = run_check(get_check(check_id), snapshot)
    return findings, [n.reason for n in not_checked]


def resources(check_id: str, snapshot: Snapshot) -> list[str]:
    findings, not_checked = run(check_id, snapshot)
    assert not not_checked, not_checked
    return [f.resource for f in findings]


# --- readonly -----------------------------------------------------------------------------


def test_readonly_profile_without_const_is_correctly_locked() -> None:
    """Issue 13 (was a LOW finding): readonly = 1 forbids changing any setting, readonly included, so an
    unconstrained readonly = 1 cannot be lifted by its session; a correctly locked profile is no finding."""
    assert resources("readonly_not_enforced", rbac([el("ro", "readonly", "1"), member("app", "ro")])) == []


def _grant(user: str, access: str, database: str | None = "app") -> GrantFacts:
    return GrantFacts(user_name=user, access_type=access, database=database)


def test_read_only_by_name_but_writable_is_reported() -> None:
    users = [UserFacts(name="grafana_reader", auth_types=["sha256_password"])]
    writes = rbac([member("grafana_reader", "default")], users, grants=[_grant("grafana_reader", "INSERT")])
    findings, _ = run("readonly_not_enforced", writes)
    assert [(f.resource, f.severity) for f in findings] == [("user:grafana_reader", Severity.MEDIUM)]
    assert findings[0].evidence["read_only_by_name"] == "user grafana_reader"
    assert findings[0].evidence["can_write_through"] == ["INSERT ON app.* (user:grafana_reader)"]
    select_only = rbac([member("grafana_reader", "default")], users, grants=[_grant("grafana_reader", "SELECT")])
    assert resources("readonly_not_enforced", select_only) == []  # read-only by its privileges


def test_read_only_profile_name_promises_and_readonly_1_keeps_it() -> None:
    users = [UserFacts(name="svc", auth_types=["sha256_password"], profile="viewer")]
    grants = [_grant("svc", "ALL", None)]
    loose = rbac([el("viewer", "max_threads", "4"), member("svc", "viewer")], users, grants=grants)
    assert resources("readonly_not_enforced", loose) == ["user:svc"]
    locked = rbac([el("viewer", "readonly", "1"), member("svc", "viewer")], users, grants=grants)
    assert resources("readonly_not_enforced", locked) == []


def test_readonly_2_is_lifted_by_a_writable_profile_only_before_19_14() -> None:
    """Measured on 18.16: readonly = 2 may `SET profile` to one that writes readonly = 0, and then write."""
    users = [UserFacts(name="reader", auth_types=["sha256_password"])]
    elements = [el("ro2", "readonly", "2"), el("writer", "readonly", "0"), member("reader", "ro2")]
    grants = [_grant("reader", "ALL", None)]
    old = rbac(elements, users, grants=grants, server=ServerInfo(version="18.16.1"))
    findings, _ = run("readonly_not_enforced", old)
    assert [(f.resource, f.severity) for f in findings] == [("user:reader", Severity.HIGH)]
    assert "SET profile = 'writer'" in str(findings[0].evidence["bypass"])
    assert resources("readonly_not_enforced", rbac(elements, users, grants=grants)) == []  # 26.x: locked
    unknown = rbac(elements, users, grants=grants, server=ServerInfo())
    _, not_checked = run("readonly_not_enforced", unknown)
    assert len(not_checked) == 1 and "19.14" in not_checked[0]
    no_writer = [el("ro2", "readonly", "2"), member("reader", "ro2")]
    assert (
        resources("readonly_not_enforced", rbac(no_writer, users, grants=grants, server=ServerInfo(version="18.16.1")))
        == []
    )


@pytest.mark.parametrize(
    "elements",
    [
        [el("ro", "readonly", "1", writability="CONST")],
        # a constraint in the default profile applies to every profile layered over it
        [el("default", "readonly", None, writability="CONST"), el("ro", "readonly", "1")],
    ],
)
def test_readonly_profile_locked_is_quiet(elements: list[ProfileElement]) -> None:
    assert resources("readonly_not_enforced", rbac([*elements, member("app", "ro")])) == []


def test_passwordless_user_without_readonly_is_high() -> None:
    users = [
        UserFacts(name="erin", auth_types=["no_password"]),
        UserFacts(name="reader", auth_types=["no_password"]),
    ]
    elements = [
        el("ro", "readonly", "1", writability="CONST"),
        member("erin", "default"),
        member("reader", "ro"),
    ]
    findings, _ = run("readonly_not_enforced", rbac(elements, users))
    assert [(f.resource, f.severity) for f in findings] == [("user:erin", Severity.HIGH)]


def test_readonly_not_enforced_needs_profile_elements() -> None:
    findings, reasons = run("readonly_not_enforced", legacy({"readonly": "0"}))
    assert findings == [] and reasons and reasons[0].startswith("profile_elements")


def test_readonly_2_from_profile_and_session() -> None:
    snap = rbac([el("ro2", "readonly", "2"), member("app", "ro2")])
    findings, _ = run("readonly_2_allows_setting_changes", snap)
    assert [f.resource for f in findings] == ["profile:ro2"]
    assert findings[0].evidence["users"] == ["app"]
    assert resources("readonly_2_allows_setting_changes", legacy({"readonly": "2"})) == ["session:default"]
    assert resources("readonly_2_allows_setting_changes", legacy({"readonly": "1"})) == []


# --- quotas -------------------------------------------------------------------------------


def test_quota_without_limits_and_user_without_quota() -> None:
    quotas = [
        QuotaFacts(name="default", intervals=[QuotaInterval(duration=3600)], apply_to_list=["app"]),
        QuotaFacts(name="tight", intervals=[QuotaInterval(duration=60, max_queries=10)], apply_to_list=["bob"]),
    ]
    users = [UserFacts(name="app"), UserFacts(name="bob"), UserFacts(name="carol")]
    snap = rbac([], users, quotas=quotas)
    findings, _ = run("quota_without_limits", snap)
    assert sorted(f.resource for f in findings) == ["quota:default", "user:carol"]
    assert "FOR INTERVAL 1 hour" in (findings[0].remediation.sql or "")


def test_quota_not_checked_when_quotas_unknown() -> None:
    assert unknown_only(run("quota_without_limits", legacy({}))) == ["quotas"]


# --- unlimited resources ------------------------------------------------------------------


def test_unlimited_memory_explicit_zero_groups_users_by_profile() -> None:
    users = [UserFacts(name="a"), UserFacts(name="b")]
    elements = [el("default", "max_memory_usage", "0"), member("a", "default"), member("b", "default")]
    findings, _ = run("unlimited_memory_usage", rbac(elements, users))
    assert [f.resource for f in findings] == ["profile:default"]
    assert findings[0].evidence["users"] == ["a", "b"]
    assert findings[0].evidence["set_by"] == {"max_memory_usage": "profile:default"}


def test_unlimited_memory_unset_uses_the_version_default() -> None:
    elements = [member("app", "web")]
    findings, _ = run("unlimited_memory_usage", rbac(elements))
    assert [f.resource for f in findings] == ["profile:web"]
    assert findings[0].evidence["set_by"] == {"max_memory_usage": "server default"}
    old = rbac(elements, server=ServerInfo(version="21.8.1.1"))  # 10 GB default is a limit
    assert resources("unlimited_memory_usage", old) == []


def test_unlimited_memory_on_legacy_session() -> None:
    assert resources("unlimited_memory_usage", legacy({"max_memory_usage": "0"})) == ["session:default"]
    assert resources("unlimited_memory_usage", legacy({"max_memory_usage": "10000000000"})) == []


def test_limit_checks_not_checked_without_any_settings() -> None:
    snap = Snapshot(target="x", gaps={"effective_settings": "query failed"})
    ids = ("unlimited_memory_usage", "unlimited_execution_time", "ddl_allowed")
    assert [check_id for check_id in ids if not run(check_id, snap)[1]] == []


def test_unlimited_execution_time() -> None:
    capped = rbac([el("web", "max_execution_time", "30"), member("app", "web")])
    assert resources("unlimited_execution_time", capped) == []
    assert resources("unlimited_execution_time", rbac([member("app", "web")])) == ["profile:web"]


def test_unlimited_result_size_needs_every_cap_off() -> None:
    assert resources("unlimited_result_size", legacy({})) == ["session:default"]
    assert resources("unlimited_result_size", legacy({"max_rows_to_read": "1000000"})) == []


def test_unlimited_concurrent_queries_for_user() -> None:
    assert resources("unlimited_concurrent_queries_for_user", legacy({})) == ["session:default"]
    assert resources("unlimited_concurrent_queries_for_user", legacy({"max_concurrent_queries_for_user": "5"})) == []


def test_profiles_without_sql_storage_get_xml_fixes() -> None:
    findings, _ = run("unlimited_execution_time", legacy({}))
    assert findings[0].remediation.xml and findings[0].remediation.sql is None


# --- constraints --------------------------------------------------------------------------


def test_limits_not_constrained() -> None:
    loose = rbac([el("web", "max_memory_usage", "1000000000"), el("web", "max_execution_time", "30", max="60")])
    findings, _ = run("limits_not_constrained", loose)
    assert [f.resource for f in findings] == ["profile:web"]
    assert findings[0].evidence["unconstrained_limits"] == {"max_memory_usage": "1000000000"}


def test_limits_of_readonly_1_profile_cannot_be_raised() -> None:
    frozen = rbac([el("ro", "readonly", "1"), el("ro", "max_memory_usage", "1000000000")])
    assert resources("limits_not_constrained", frozen) == []
    assert unknown_only(run("limits_not_constrained", legacy({}))) == ["profile_elements"]


def test_before_constraints_limits_get_advice_not_a_patch_and_readonly_is_already_locked() -> None:
    """18.x: no <constraints> exist, so no patch can close these; readonly 1/2 cannot be lifted there."""
    elements = [el("web", "max_memory_usage", "1000000000"), el("ro", "readonly", "1"), member("app", "ro")]
    old = rbac(elements, server=ServerInfo(version="18.16.1"))
    findings, _ = run("limits_not_constrained", old)
    assert [f.resource for f in findings] == ["profile:web"]
    rem = findings[0].remediation
    assert rem.xml is None and rem.sql is None and "19.14" in (rem.text or "")
    assert resources("readonly_not_enforced", old) == []
    assert resources("readonly_not_enforced", rbac(elements)) == []  # issue 13: readonly = 1 locks itself


# --- ddl ----------------------------------------------------------------------------------


def test_ddl_allowed_for_a_passwordless_session() -> None:
    assert resources("ddl_allowed", legacy({"readonly": "0", "allow_ddl": "1"})) == ["session:default"]
    assert resources("ddl_allowed", legacy({"allow_ddl": "0"})) == []
    with_password = legacy({}, connection=ConnectionInfo(kind="live", user="ops", password_given=True))
    assert resources("ddl_allowed", with_password) == []


def test_ddl_allowed_for_passwordless_users_in_profiles() -> None:
    users = [UserFacts(name="erin", auth_types=["no_password"]), UserFacts(name="app")]
    elements = [el("nodll", "allow_ddl", "0"), member("erin", "default"), member("app", "default")]
    assert resources("ddl_allowed", rbac(elements, users)) == ["user:erin"]
    erin_safe = [el("nodll", "allow_ddl", "0"), member("erin", "nodll"), member("app", "default")]
    assert resources("ddl_allowed", rbac(erin_safe, users)) == []
