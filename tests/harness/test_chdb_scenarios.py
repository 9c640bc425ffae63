"""MODERN_BAD / MODERN_GOOD load in chdb and read back from the access-control system tables."""

from __future__ import annotations

from typing import Any

import pytest

from tests.harness.chdb_configs import (
    MODERN_BAD,
    MODERN_BAD_SECRETS,
    MODERN_BAD_USERS,
    MODERN_GOOD,
    MODERN_GOOD_USERS,
)
from tests.harness.chdb_env import chdb_environment, chdb_session, query_rows

pytest.importorskip("chdb")
pytestmark = pytest.mark.embedded


def rows(session: Any, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in query_rows(session, sql)]


def test_modern_bad_reads_back() -> None:
    with chdb_environment(MODERN_BAD) as env:
        s = env.session
        assert env.config_path.read_text().count("<users_config>") == 1
        users = dict(rows(s, "SELECT name, auth_type[1] FROM system.users"))
        assert tuple(sorted(users)) == MODERN_BAD_USERS
        assert users["plain_user"] == "plaintext_password"
        assert users["nopass_user"] == "no_password"
        assert users["dsha1_user"] == "double_sha1_password"
        assert users["sha_user"] == "sha256_password"
        assert rows(s, "SELECT DISTINCT arrayStringConcat(host_ip, ',') FROM system.users") == [("::/0",)]
        grants = set(rows(s, "SELECT user_name, role_name, access_type, grant_option FROM system.grants"))
        assert ("superuser", None, "ALL", 1) in grants
        assert ("default", None, "ALL", 1) in grants  # access_management=1
        etl = {access for user, _r, access, _g in grants if user == "etl"}
        assert {"SYSTEM", "INTROSPECTION"} <= etl and etl & {"READ", "WRITE", "FILE", "URL", "REMOTE", "S3"}
        assert ("plain_user", None, "SELECT", 0) in grants  # a direct grant, no role
        assert rows(s, "SELECT user_name, granted_role_name, with_admin_option FROM system.role_grants") == [
            ("lead", "analyst", 1)
        ]
        assert rows(s, "SELECT count() FROM system.row_policies") == [(0,)]
        assert rows(s, "SELECT quota_name, max_queries, max_result_rows, max_read_rows FROM system.quota_limits") == [
            ("unlimited", None, None, None)  # 0 in XML = no limit
        ]
        elements = set(
            rows(
                s,
                "SELECT profile_name, setting_name, value, writability FROM system.settings_profile_elements "
                "WHERE profile_name IS NOT NULL",
            )
        )
        assert elements == {("readonly2", "readonly", "2", None), ("writable", "readonly", "0", None)}
        access = "\n".join(r[0] for r in rows(s, "SHOW ACCESS"))
        assert all(secret not in access for secret in MODERN_BAD_SECRETS)  # the engine hides plaintext


def test_modern_good_reads_back() -> None:
    with chdb_session(MODERN_GOOD) as s:
        users = {
            name: (auth, hosts) for name, auth, hosts in rows(s, "SELECT name, auth_type[1], host_ip FROM system.users")
        }
        assert tuple(sorted(users)) == MODERN_GOOD_USERS
        assert users["default"] == ("plaintext_password", [])  # loopback only (HOST LOCAL)
        assert users["alice"] == ("sha256_password", ["10.20.30.0/24"])
        assert rows(s, "SELECT count() FROM system.grants WHERE user_name IS NOT NULL") == [(0,)]  # roles only
        assert set(rows(s, "SELECT user_name, granted_role_name, with_admin_option FROM system.role_grants")) == {
            ("default", "access_auditor", 0),
            ("alice", "analyst", 0),
            ("bob", "loader", 0),
        }
        assert ("alice ON app.events", "tenant_id = 1") in set(
            rows(s, "SELECT name, select_filter FROM system.row_policies")
        )
        assert rows(s, "SELECT quota_name, duration, max_queries, max_errors FROM system.quota_limits") == [
            ("limited", 3600, 1000, 100)
        ]
        const = set(
            rows(
                s,
                "SELECT profile_name, setting_name FROM system.settings_profile_elements WHERE writability = 'CONST'",
            )
        )
        assert {
            ("default", "readonly"),
            ("default", "max_execution_time"),
            ("analyst_profile", "readonly"),
        } == const
        assert rows(s, "SELECT getSetting('readonly')") == [(1,)]


def test_sessions_are_sequential_in_one_process() -> None:
    """One engine per process: each scenario opens after the previous one closed."""
    seen = []
    for body in (MODERN_GOOD, MODERN_BAD):
        with chdb_session(body) as s:
            seen.append(tuple(r[0] for r in rows(s, "SELECT name FROM system.users ORDER BY name")))
    assert seen == [MODERN_GOOD_USERS, MODERN_BAD_USERS]
