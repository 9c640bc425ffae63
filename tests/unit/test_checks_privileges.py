"""Privilege checks on small hand-built snapshots: fires, stays quiet, or says "not checked"."""

from __future__ import annotations

from typing import Any

import pytest

from chwarden.checks.registry import get_check, run_check
from chwarden.facts import (
    AnonymousLogin,
    ConfigValue,
    ConnectionInfo,
    GrantFacts,
    ProfileElement,
    RoleGrantFacts,
    SettingValue,
    Snapshot,
    UserFacts,
)
from chwarden.model import Finding, Severity
from tests.unit.snapshots import legacy_snapshot, modern_snapshot, unknown_only


def rbac(**facts: Any) -> Snapshot:
    """A modern server audited by `admin` with a password; `admin` holds global ALL."""
    base: dict[str, Any] = {
        # app: created without HOST, so HOST ANY (issue 13 weighs admin rights by who can use the account)
        "users": [UserFacts(name="admin", auth_types=["sha256_password"]), UserFacts(name="app", host_ip=["::/0"])],
        "grants": [GrantFacts(user_name="admin", access_type="ALL")],
        "role_grants": [],
    }
    base.update(facts)
    return modern_snapshot(**base)


def grant(access: str, user: str | None = "app", role: str | None = None, **kw: Any) -> GrantFacts:
    return GrantFacts(user_name=None if role else user, role_name=role, access_type=access, **kw)


def run(check_id: str, snapshot: Snapshot) -> tuple[list[Finding], list[str]]:
    findings, not_checked = run_check(get_check(check_id), snapshot)
    return findings, [n.reason for n in not_checked]


def resources(check_id: str, snapshot: Snapshot) -> list[str]:
    findings, not_checked = run(check_id, snapshot)
    assert not not_checked, not_checked
    return [f.resource for f in findings]


ADMIN_ALL = GrantFacts(user_name="admin", access_type="ALL")


def test_global_all_accepts_one_admin_with_password() -> None:
    assert resources("global_all_privileges", rbac()) == []


def test_global_all_flags_other_holders_and_escalates_grant_option() -> None:
    snap = rbac(grants=[ADMIN_ALL, grant("ALL"), grant("ALL", role="etl", grant_option=True)])
    findings, _ = run("global_all_privileges", snap)
    by = {f.resource: f for f in findings}
    # two holders besides admin: nobody is "the single admin" any more
    assert set(by) == {"user:admin", "user:app", "role:etl"}
    assert by["role:etl"].severity is Severity.CRITICAL
    assert by["user:app"].severity is Severity.HIGH
    assert "REVOKE ALL ON *.* FROM `app`;" in (by["user:app"].remediation.sql or "")


def test_global_all_flags_a_passwordless_single_admin() -> None:
    snap = rbac(users=[UserFacts(name="admin", auth_types=["no_password"])])
    findings, _ = run("global_all_privileges", snap)
    assert [(f.resource, f.severity) for f in findings] == [("user:admin", Severity.CRITICAL)]


def test_global_all_not_checked_without_grants() -> None:
    snap = rbac(grants=None, gaps={"grants": "permission denied (497)"})
    findings, reasons = run("global_all_privileges", snap)
    assert findings == [] and reasons == ["grants: permission denied (497)"]


def test_grant_option_held() -> None:
    snap = rbac(grants=[ADMIN_ALL, grant("SELECT", database="db", grant_option=True), grant("INSERT")])
    findings, _ = run("grant_option_held", snap)
    assert [f.resource for f in findings] == ["user:app"]
    assert findings[0].evidence["privileges_with_grant_option"] == ["SELECT ON db.*"]
    assert "REVOKE GRANT OPTION FOR SELECT ON db.* FROM `app`;" in (findings[0].remediation.sql or "")
    assert resources("grant_option_held", rbac(grants=[ADMIN_ALL, grant("SELECT")])) == []


def test_role_admin_option_held() -> None:
    with_admin = [RoleGrantFacts(user_name="app", granted_role_name="ops", with_admin_option=True)]
    assert resources("role_admin_option_held", rbac(role_grants=with_admin)) == ["user:app"]
    without = [RoleGrantFacts(user_name="app", granted_role_name="ops")]
    assert resources("role_admin_option_held", rbac(role_grants=without)) == []
    assert unknown_only(run("role_admin_option_held", rbac(role_grants=None))) == ["role_grants"]


def test_access_management_granted_through_a_role_and_xml_flag() -> None:
    snap = rbac(
        grants=[ADMIN_ALL, grant("CREATE USER", role="ops")],
        role_grants=[RoleGrantFacts(user_name="app", granted_role_name="ops")],
        users=[
            UserFacts(name="admin", auth_types=["sha256_password"]),
            UserFacts(name="app"),
            UserFacts(name="legacy", access_management=True, auth_types=["no_password"]),
        ],
    )
    findings, _ = run("access_management_granted", snap)
    by = {f.resource: f for f in findings}
    assert set(by) == {"role:ops", "user:legacy"}
    assert by["role:ops"].evidence["granted_to_users"] == ["app"]
    assert by["user:legacy"].severity is Severity.CRITICAL
    assert "<access_management>0</access_management>" in (by["user:legacy"].remediation.xml or "")


def test_access_management_quiet_for_the_admin_only() -> None:
    snap = rbac(grants=[ADMIN_ALL, grant("ACCESS MANAGEMENT", user="admin")])
    assert resources("access_management_granted", snap) == []


@pytest.mark.parametrize("access", ["SOURCES", "FILE", "URL", "S3", "READ", "REMOTE"])
def test_dangerous_sources_granted(access: str) -> None:
    findings, _ = run("dangerous_sources_granted", rbac(grants=[ADMIN_ALL, grant(access)]))
    assert [f.resource for f in findings] == ["user:app"]
    assert findings[0].severity is Severity.HIGH


def test_dangerous_sources_quiet_for_select_only() -> None:
    assert resources("dangerous_sources_granted", rbac(grants=[ADMIN_ALL, grant("SELECT")])) == []


def test_system_privilege_granted() -> None:
    snap = rbac(grants=[ADMIN_ALL, grant("SYSTEM SHUTDOWN"), grant("SELECT", user="bob")])
    assert resources("system_privilege_granted", snap) == ["user:app"]


def test_introspection_from_grant_and_profile() -> None:
    snap = rbac(
        grants=[ADMIN_ALL, grant("INTROSPECTION")],
        profile_elements=[ProfileElement(profile_name="dev", setting_name="allow_introspection_functions", value="1")],
    )
    assert sorted(resources("introspection_allowed", snap)) == ["profile:dev", "user:app"]


def test_introspection_on_a_legacy_session() -> None:
    snap = Snapshot(
        target="old:8123",
        connection=ConnectionInfo(kind="live", user="default"),
        effective_settings={"allow_introspection_functions": SettingValue(value="1", changed=True)},
    )
    assert resources("introspection_allowed", snap) == ["session:default"]
    quiet = snap.model_copy(update={"effective_settings": {}})
    assert resources("introspection_allowed", quiet) == []
    missing = snap.model_copy(update={"effective_settings": None})
    assert unknown_only(run("introspection_allowed", missing)) == ["grants"]


def test_secrets_display_privilege() -> None:
    snap = rbac(
        grants=[ADMIN_ALL, grant("displaySecretsInShowAndSelect")],
        users=[
            UserFacts(name="admin", auth_types=["sha256_password"]),
            UserFacts(name="app"),
            UserFacts(name="nc", show_named_collections_secrets=True),
        ],
    )
    assert sorted(resources("secrets_display_privilege_granted", snap)) == ["user:app", "user:nc"]
    assert resources("secrets_display_privilege_granted", rbac()) == []


def test_grants_held_directly() -> None:
    snap = rbac(grants=[ADMIN_ALL, grant("SELECT", database="db"), grant("SELECT", role="reader")])
    findings, _ = run("grants_held_directly", snap)
    assert [(f.resource, f.severity) for f in findings] == [("user:app", Severity.LOW)]
    assert "GRANT `app_access` TO `app`;" in (findings[0].remediation.sql or "")


def test_grants_held_directly_moves_the_exact_privileges_into_the_role() -> None:
    """Applying the fix must not take anything away: the role gets what the user held, revokes too."""
    snap = rbac(
        grants=[
            ADMIN_ALL,
            grant("SELECT", database="sales", table="orders", column="amount"),
            grant("INSERT", database="sales", grant_option=True),
            grant("SELECT", database="logs"),
            grant("SELECT", database="logs", table="secrets", is_partial_revoke=True),
        ]
    )
    findings, _ = run("grants_held_directly", snap)
    sql = findings[0].remediation.sql or ""
    assert sql.splitlines() == [
        "CREATE ROLE IF NOT EXISTS `app_access`;",
        "GRANT INSERT ON `sales`.* TO `app_access` WITH GRANT OPTION;",
        "GRANT SELECT ON `logs`.* TO `app_access`;",
        "GRANT SELECT(`amount`) ON `sales`.`orders` TO `app_access`;",
        "REVOKE SELECT ON `logs`.`secrets` FROM `app_access`;",
        "GRANT `app_access` TO `app`;",
        "REVOKE ALL ON *.* FROM `app`;",
    ]
    xml = findings[0].remediation.xml or ""
    assert "<query>GRANT SELECT(`amount`) ON `sales`.`orders`</query>" in xml
    assert "<query>REVOKE SELECT ON `logs`.`secrets`</query>" in xml and " TO `app_access`" not in xml


def test_grant_statement_forms() -> None:
    from chwarden.checks.fixes import grant_statement

    assert grant_statement(grant("SHOW TABLES"), "r") == "GRANT SHOW TABLES ON *.* TO `r`"
    wildcard = grant("SELECT", database="team_", is_wildcard=True)
    assert grant_statement(wildcard, "r") == "GRANT SELECT ON team_*.* TO `r`"
    assert grant_statement(grant("SELECT", database="db", table="t_", is_wildcard=True), None) == (
        "GRANT SELECT ON `db`.t_*"
    )
    assert resources("grants_held_directly", rbac(grants=[ADMIN_ALL, grant("SELECT", role="r")])) == []


def legacy(**facts: Any) -> Snapshot:
    return legacy_snapshot(**facts)


def test_legacy_user_sees_all_databases() -> None:
    users = [UserFacts(name="default"), UserFacts(name="ro", allow_databases=["logs"])]
    findings, _ = run("legacy_user_sees_all_databases", legacy(users=users))
    assert [f.resource for f in findings] == ["user:default"]
    assert "<allow_databases>" in (findings[0].remediation.xml or "")
    # users are not visible over SQL on 18.x
    assert unknown_only(run("legacy_user_sees_all_databases", legacy())) == ["users"]
    assert resources("legacy_user_sees_all_databases", rbac()) == []


def config(values: dict[str, str], origin: str = "config") -> dict[str, ConfigValue]:
    return {k: ConfigValue(values=[v], origin=origin) for k, v in values.items()}  # type: ignore[arg-type]


SYSTEM_DB_KEY = "access_control_improvements.select_from_system_db_requires_grant"
ENGINES_KEY = "access_control_improvements.table_engines_require_grant"


@pytest.mark.parametrize(
    ("server_config", "expected"),
    [
        (config({SYSTEM_DB_KEY: "false"}), ["setting:" + SYSTEM_DB_KEY]),
        (config({"listen_host": "::"}), ["setting:" + SYSTEM_DB_KEY]),  # absent from config files
        (config({SYSTEM_DB_KEY: "true"}), []),
    ],
)
def test_system_tables_readable_without_grant(server_config: dict[str, ConfigValue], expected: list[str]) -> None:
    assert resources("system_tables_readable_without_grant", rbac(server_config=server_config)) == expected


def test_system_tables_switch_unknown_from_server_settings_only() -> None:
    snap = rbac(server_config=config({"max_connections": "4096"}, origin="server_settings"))
    findings, reasons = run("system_tables_readable_without_grant", snap)
    assert findings == [] and "not exposed by the server" in reasons[0]


def test_system_tables_switch_not_applicable_on_18_16() -> None:
    assert resources("system_tables_readable_without_grant", legacy(server_config=config({}))) == []


def test_table_engines_without_grant() -> None:
    assert resources("table_engines_without_grant", rbac(server_config=config({ENGINES_KEY: "false"}))) == [
        "setting:" + ENGINES_KEY
    ]
    assert resources("table_engines_without_grant", rbac(server_config=config({ENGINES_KEY: "true"}))) == []
    assert resources("table_engines_without_grant", rbac(server_config=config({"a": "b"}))) == []
    assert unknown_only(run("table_engines_without_grant", rbac())) == ["server_config"]


def test_anonymous_user_can_write_on_a_legacy_session() -> None:
    snap = legacy(
        effective_settings={"readonly": SettingValue(value="0"), "allow_ddl": SettingValue(value="1")},
        anonymous_login=[AnonymousLogin(protocol="http", port=8123, accepted=True)],
    )
    findings, _ = run("anonymous_user_can_write", snap)
    assert [(f.resource, f.severity) for f in findings] == [("session:default", Severity.HIGH)]
    assert findings[0].evidence["anonymous_login_accepted_on"] == ["http:8123"]
    assert findings[0].remediation.xml and not findings[0].remediation.sql
    read_only = snap.model_copy(update={"effective_settings": {"readonly": SettingValue(value="1")}})
    assert resources("anonymous_user_can_write", read_only) == []


def test_anonymous_user_can_write_needs_facts() -> None:
    assert unknown_only(run("anonymous_user_can_write", legacy())) == ["effective_settings"]
    with_password = rbac(effective_settings={"readonly": SettingValue(value="0")})
    # anonymous_login not probed
    assert unknown_only(run("anonymous_user_can_write", with_password)) == ["anonymous_login"]
    probed = with_password.model_copy(
        update={"anonymous_login": [AnonymousLogin(protocol="http", port=8123, accepted=False)]}
    )
    assert resources("anonymous_user_can_write", probed) == []
