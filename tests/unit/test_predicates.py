"""The predicates that decide severity and reach (checks/helpers.py), as tables of clear cases.

Mixed inputs on purpose: a user on loopback *and* another network, an admin role with a second
member, a role reached twice through a hierarchy. A comment names the mutant a row kills.
"""

from __future__ import annotations

from typing import Any

import pytest

from chwarden.analysis.principals import (
    admin_users,
    allowed_from_any_host,
    anonymous_login_accepted,
    can_select,
    grantee_is_accepted_admin,
    is_loopback_only,
    role_members,
    roles_of_user,
    session_is_passwordless,
    session_user,
)
from chwarden.analysis.server_config import config_section, config_value, ignored_by_server, is_true
from chwarden.analysis.versions import version_at_least, version_of
from chwarden.checks.fixes import is_xml_user, xml_users_era
from chwarden.facts import (
    AnonymousLogin,
    ConfigValue,
    ConnectionInfo,
    FactMissing,
    GrantFacts,
    RoleGrantFacts,
    ServerInfo,
    Snapshot,
    UserFacts,
)
from tests.unit.snapshots import modern_snapshot


def snap(**facts: Any) -> Snapshot:
    return modern_snapshot(**facts)


# ---- reach: loopback-only and any-host --------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "loopback_only"),
    [
        ({"host_ip": ["127.0.0.1"]}, True),
        ({"host_ip": ["::1", "127.0.0.0/8"], "host_names": ["localhost"]}, True),
        ({"host_names": ["LOCALHOST"]}, True),  # host names are case-insensitive (upper() mutant)
        ({"host_ip": ["127.0.0.1", "10.0.0.0/8"]}, False),  # loopback AND a network: all -> any mutant
        ({"host_ip": ["10.0.0.0/8", "127.0.0.1"]}, False),
        ({"host_ip": ["::1"], "host_names": ["app.internal"]}, False),
        ({"host_ip": ["127.0.0.1"], "host_names_regexp": [".*"]}, False),  # regexp alone: or -> and mutant
        ({"host_ip": ["127.0.0.1"], "host_names_like": ["%"]}, False),
        ({"host_ip": ["127.0.0.1"], "networks_known": False}, False),  # unknown is not loopback-only
        ({"host_local": True}, True),  # HOST LOCAL
        ({}, False),  # no host at all and not HOST LOCAL
    ],
)
def test_is_loopback_only(facts: dict[str, Any], loopback_only: bool) -> None:
    assert is_loopback_only(UserFacts(name="u", **facts)) is loopback_only


def test_loopback_plus_another_network_is_not_loopback_only() -> None:
    """Kills is_loopback_only's `all` -> `any`: such a user is reachable from the network."""
    assert is_loopback_only(UserFacts(name="app", host_ip=["127.0.0.1", "::1", "192.168.0.0/16"])) is False


@pytest.mark.parametrize(
    ("facts", "any_host"),
    [
        ({"host_ip": ["::/0"]}, True),
        ({"host_ip": ["10.0.0.0/8", " 0.0.0.0/0 "]}, True),
        ({"host_ip": ["::FFFF:0.0.0.0/96"]}, True),  # compared in lower case (upper() mutant)
        ({"host_names_like": ["%"]}, True),
        ({"host_names_regexp": [".*"]}, True),
        ({"host_names_regexp": ["^.*$"]}, True),
        ({"host_names_regexp": [".+"]}, True),
        ({"host_names_regexp": ["^.*"]}, True),
        ({"host_names_regexp": [r"^app\d+\.internal$"]}, False),
        ({"host_ip": ["10.0.0.0/8"], "host_names": ["app.internal"]}, False),
        ({}, False),
    ],
)
def test_allowed_from_any_host(facts: dict[str, Any], any_host: bool) -> None:
    assert allowed_from_any_host(UserFacts(name="u", **facts)) is any_host


# ---- who the audit session is, and whether it needed a password ---------------------------------


def test_anonymous_login_lists_accepted_protocols_with_their_ports() -> None:
    logins = [
        AnonymousLogin(protocol="http", port=8123, accepted=True),
        AnonymousLogin(protocol="mysql", accepted=True),  # no port known: the protocol alone
        AnonymousLogin(protocol="native", port=9000, accepted=False),
    ]
    assert anonymous_login_accepted(snap(anonymous_login=logins)) == ["http:8123", "mysql"]
    assert anonymous_login_accepted(snap()) == []


@pytest.mark.parametrize(("user", "expected"), [("admin", "admin"), ("", None), (None, None)])
def test_session_user(user: str | None, expected: str | None) -> None:
    assert session_user(snap(connection=ConnectionInfo(kind="live", user=user))) == expected


ACCEPTED = [AnonymousLogin(protocol="http", port=8123, accepted=True)]


@pytest.mark.parametrize(
    ("facts", "passwordless"),
    [
        # The session's own user has no password (a snapshot: connection facts do not say).
        (
            {
                "connection": ConnectionInfo(kind="snapshot", user="bob", password_given=True),
                "users": [UserFacts(name="bob", auth_types=["no_password"])],
            },
            True,
        ),
        (
            {
                "connection": ConnectionInfo(kind="snapshot", user="bob", password_given=True),
                "users": [UserFacts(name="bob", auth_types=["sha256_password"])],
            },
            False,
        ),
        ({"connection": ConnectionInfo(kind="embedded", user="default")}, True),  # no password given
        ({"connection": ConnectionInfo(kind="live", user="x")}, True),
        ({"connection": ConnectionInfo(kind="live", user="x", password_given=True)}, False),
        # `default` let in without a password on some port: anyone can do what the session did.
        (
            {
                "connection": ConnectionInfo(kind="snapshot", user="default", password_given=True),
                "anonymous_login": ACCEPTED,
            },
            True,
        ),
        ({"connection": ConnectionInfo(kind="snapshot", password_given=True), "anonymous_login": ACCEPTED}, True),
        (
            {
                "connection": ConnectionInfo(kind="snapshot", user="bob", password_given=True),
                "anonymous_login": ACCEPTED,
            },
            False,  # bob is not the anonymous user (or / not in mutants)
        ),
        ({"connection": ConnectionInfo(kind="snapshot", user="default", password_given=True)}, False),
    ],
)
def test_session_is_passwordless(facts: dict[str, Any], passwordless: bool) -> None:
    assert session_is_passwordless(snap(**facts)) is passwordless


# ---- which era of fixes, which server keys count -------------------------------------------------


def test_config_audit_means_xml_fixes_even_with_rbac() -> None:
    offline = snap(connection=ConnectionInfo(kind="config"))
    assert xml_users_era(offline) is True
    assert xml_users_era(snap()) is False
    assert is_xml_user(offline, UserFacts(name="u", storage="local_directory")) is True
    assert is_xml_user(snap(), UserFacts(name="u", storage="local_directory")) is False
    assert is_xml_user(snap(), UserFacts(name="u", storage="Users.XML")) is True


@pytest.mark.parametrize(
    ("value", "true"),
    [("1", True), ("true", True), (" YES ", True), ("On", True), ("0", False), ("off", False), (None, False)],
)
def test_is_true(value: str | None, true: bool) -> None:
    assert is_true(value) is true


@pytest.mark.parametrize(
    ("version", "path", "ignored"),
    [
        ("18.16.1", "grpc_port", True),
        ("18.16.1", "grpc.enable_ssl", True),
        ("18.16.1", "listen_host", False),
        ("19.1.6", "grpc_port", False),  # a 19.x server is not the 18.x binary (<= 19 mutant)
        (None, "grpc_port", False),
    ],
)
def test_ignored_by_server(version: str | None, path: str, ignored: bool) -> None:
    assert ignored_by_server(snap(server=ServerInfo(version=version)), path) is ignored


def test_config_value_unknown_raises_fact_missing_for_server_config() -> None:
    live = snap(server_config={"listen_host": ConfigValue(values=["::"], origin="server_settings")})
    with pytest.raises(FactMissing) as missing:
        config_value(live, "tcp_port_secure")
    assert missing.value.fact == "server_config"
    with pytest.raises(FactMissing) as section_missing:
        config_section(live, "openSSL.server")
    assert section_missing.value.fact == "server_config"


def test_config_section_of_a_live_server_returns_what_it_exposes() -> None:
    """Values found under the prefix count even when no config file was read (and -> or mutant)."""
    value = ConfigValue(values=["1"], origin="server_settings")
    live = snap(server_config={"openSSL.server.x": value})
    assert config_section(live, "openSSL.server") == {"openSSL.server.x": value}


@pytest.mark.parametrize(
    ("version", "parsed"),
    [
        ("23.8.2.7", (23, 8, 2, 7)),
        ("24.3.4.147-lts", (24, 3, 4, 147)),
        ("23.8.x", None),  # a pattern, not a build
        ("abc", None),
        (None, None),
    ],
)
def test_version_of(version: str | None, parsed: tuple[int, ...] | None) -> None:
    found = version_of(snap(server=ServerInfo(version=version)))
    assert (found.numbers if found is not None else None) == parsed


def test_version_at_least_is_inclusive() -> None:
    s = snap(server=ServerInfo(version="23.8.1.1"))
    assert version_at_least(s, (23, 8)) is True  # (23, 8, 1, 1) >= (23, 8)  (> mutant)
    assert version_at_least(s, (23, 8, 1, 1)) is True
    assert version_at_least(s, (23, 9)) is False
    assert version_at_least(snap(server=ServerInfo(version=None)), (1,)) is None


# ---- roles, admins, and who can read a table -----------------------------------------------------


def role_grant(user: str | None, role: str, *, of_role: str | None = None, default: bool = True) -> RoleGrantFacts:
    return RoleGrantFacts(user_name=user, role_name=of_role, granted_role_name=role, granted_role_is_default=default)


HIERARCHY = [
    role_grant("u", "ra"),
    role_grant("u", "rb"),
    role_grant("u", "rc"),
    role_grant(None, "rb", of_role="rc"),  # rc holds rb: rb is reached twice
    role_grant(None, "rd", of_role="ra"),  # ra holds rd
    role_grant("u", "r_off", default=False),  # granted, not a default role
]


def test_roles_of_user_follows_the_hierarchy_and_visits_every_branch() -> None:
    """A role reached twice must not end the walk (continue -> break mutant)."""
    s = snap(role_grants=HIERARCHY)
    assert roles_of_user(s, "u") == {"ra", "rb", "rc", "rd"}
    assert roles_of_user(s, "u", default_only=False) == {"ra", "rb", "rc", "rd", "r_off"}
    assert roles_of_user(s, "nobody") == set()


def test_role_members_count_non_default_roles_and_only_users() -> None:
    s = snap(role_grants=HIERARCHY)
    assert role_members(s, "rd") == {"u"}  # through ra
    assert role_members(s, "r_off") == {"u"}  # held, even if not active by default
    assert role_members(s, "rb") == {"u"}  # not the role-to-role row's None


def grant(access: str, *, user: str | None = None, role: str | None = None, database: str | None = None) -> GrantFacts:
    return GrantFacts(user_name=user, role_name=role, access_type=access, database=database)


def test_admin_users_from_all_access_management_and_roles() -> None:
    users = [UserFacts(name=n, auth_types=["sha256_password"]) for n in ("root", "sec", "carol", "app")]
    grants = [
        grant("ALL", user="app", database="app"),  # database-level ALL is no admin, and the loop goes on
        grant("ALL", user="root"),
        grant("ACCESS MANAGEMENT", user="sec"),
        grant("ALL", role="dba"),
    ]
    s = snap(users=users, grants=grants, role_grants=[role_grant("carol", "dba")])
    assert admin_users(s) == {"root", "sec", "carol"}


def test_grantee_is_accepted_admin_through_a_role_only_the_admin_holds() -> None:
    users = [
        UserFacts(name="root", auth_types=["sha256_password"]),
        UserFacts(name="bob", auth_types=["sha256_password"]),
    ]
    role_grants = [role_grant("root", "admins"), role_grant("root", "ops"), role_grant("bob", "ops")]
    s = snap(users=users, grants=[grant("ALL", user="root")], role_grants=role_grants)
    assert grantee_is_accepted_admin(s, "root", None) is True
    assert grantee_is_accepted_admin(s, "bob", None) is False
    assert grantee_is_accepted_admin(s, None, "admins") is True  # its only member is the admin
    assert grantee_is_accepted_admin(s, None, "ops") is False  # a second member (!= and or mutants)
    assert grantee_is_accepted_admin(s, None, "nobody") is False  # no member at all
    assert grantee_is_accepted_admin(s, None, None) is False


def test_can_select_follows_grants_and_assumes_unknown_users_can() -> None:
    users = [
        UserFacts(name="bob", auth_types=["sha256_password"]),
        UserFacts(name="eve", auth_types=["sha256_password"]),
    ]
    grants = [GrantFacts(user_name="bob", access_type="SELECT", database="app", table="events")]
    s = snap(users=users, grants=grants)
    assert can_select(s, "bob", "app", "events") is True  # the table itself (table -> None mutant)
    assert can_select(s, "bob", "app", "logs") is False
    assert can_select(s, "eve", "app", "events") is False  # a known user without grants (not in mutant)
    assert can_select(s, "ghost", "app", "events") is True  # unknown: assumed able (return False mutant)
    assert can_select(s, None, "app", "events") is True
    assert can_select(snap(users=users), "eve", "app", "events") is True  # no grant facts at all
