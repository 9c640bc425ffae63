"""Privilege, limit, logging and exposure checks on facts from a real current ClickHouse (chdb).

A "bad" and a "good" modern RBAC config (users, roles, grants, quotas, profiles with constraints,
log sections) are each loaded into chdb on their own data dir. Tables, logs and a leaked URL
credential are created first by a setup session; then the config under test is opened, the
live collector reads the engine through the read-only guard, and the facts are completed with
the same config files (as the audit of a local server does). Every modern check must fire on the
bad config and stay quiet on the good one.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from chwarden.checks.registry import get_check, run_check
from chwarden.connect.base import GuardedConnection
from chwarden.connect.embedded import EmbeddedTransport
from chwarden.connect.target import Target
from chwarden.facts import Snapshot
from chwarden.model import Finding
from chwarden.sources.configfiles import snapshot_from_config
from chwarden.sources.live import collect_live
from chwarden.sources.merge import merge_live_and_config
from tests.harness.chdb_env import write_chdb_config

pytestmark = pytest.mark.embedded

SHA256_OF_X = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"  # sha256("x")
URL_PASSWORD = "Url-Cred-Pass-88"
NC_SECRET = "Very-Secret-NC-Key-991"
ANY = "<networks><ip>::/0</ip></networks>"
LOCAL = "<networks><ip>::1</ip><ip>127.0.0.1</ip></networks>"
PASSWORD = f"<password_sha256_hex>{SHA256_OF_X}</password_sha256_hex>"
ADMIN_FLAGS = (
    "<access_management>1</access_management><named_collection_control>1</named_collection_control>"
    "<show_named_collections>1</show_named_collections>"
    "<show_named_collections_secrets>1</show_named_collections_secrets>"
)

BAD = f"""
<logger><level>trace</level></logger>
<display_secrets_in_show_and_select>1</display_secrets_in_show_and_select>
<access_control_improvements>
    <select_from_system_db_requires_grant>false</select_from_system_db_requires_grant>
    <table_engines_require_grant>false</table_engines_require_grant>
</access_control_improvements>
<query_log><database>system</database><table>query_log</table></query_log>
<text_log><database>system</database><table>text_log</table></text_log>
<named_collections><ext><url>https://s3.example/x</url><secret_access_key>{NC_SECRET}</secret_access_key></ext>
</named_collections>
<profiles>
    <default>
        <max_memory_usage>0</max_memory_usage>
        <allow_introspection_functions>1</allow_introspection_functions>
        <log_queries>0</log_queries>
    </default>
    <ro2><readonly>2</readonly><max_execution_time>30</max_execution_time></ro2>
    <reporting><readonly>1</readonly></reporting>
    <loose><max_result_rows>1000</max_result_rows></loose>
</profiles>
<roles>
    <ops><grants>
        <query>GRANT SYSTEM SHUTDOWN ON *.*</query><query>GRANT CREATE USER ON *.*</query>
    </grants></ops>
</roles>
<users>
    <default><no_password/>{ANY}<profile>default</profile><quota>default</quota>{ADMIN_FLAGS}</default>
    <app>{PASSWORD}{ANY}<profile>ro2</profile><quota>default</quota>
        <grants>
            <query>GRANT SELECT ON *.* WITH GRANT OPTION</query>
            <query>GRANT ops WITH ADMIN OPTION</query>
            <query>GRANT READ, WRITE ON URL</query>
        </grants>
    </app>
    <bob>{PASSWORD}{ANY}<profile>reporting</profile></bob>
    <erin><no_password/>{LOCAL}<profile>loose</profile><quota>default</quota></erin>
</users>
<quotas><default><interval><duration>3600</duration><queries>0</queries></interval></default></quotas>
"""

LIMITS = (
    "<max_memory_usage>10000000000</max_memory_usage><max_execution_time>600</max_execution_time>"
    "<max_result_rows>1000000</max_result_rows><max_rows_to_read>10000000000</max_rows_to_read>"
    "<max_concurrent_queries_for_user>10</max_concurrent_queries_for_user><log_queries>1</log_queries>"
    "<constraints><max_memory_usage><max>20000000000</max></max_memory_usage>"
    "<max_execution_time><max>600</max></max_execution_time><max_result_rows><max>1000000</max></max_result_rows>"
    "<max_rows_to_read><max>10000000000</max></max_rows_to_read>"
    "<max_concurrent_queries_for_user><max>10</max></max_concurrent_queries_for_user>"
    "<log_queries><readonly/></log_queries></constraints>"
)
TTL = "<ttl>event_date + INTERVAL 30 DAY DELETE</ttl>"


def good(default_user: str) -> str:
    """The hardened config; ``default_user`` is the passwordless session user's definition."""
    return f"""
<logger><level>information</level></logger>
<access_control_improvements>
    <select_from_system_db_requires_grant>true</select_from_system_db_requires_grant>
    <table_engines_require_grant>true</table_engines_require_grant>
</access_control_improvements>
<query_log><database>system</database><table>query_log</table>{TTL}</query_log>
<session_log><database>system</database><table>session_log</table>{TTL}</session_log>
<query_masking_rules>
    <rule><name>url credentials</name><regexp>://[^:/@ ]+:[^@/ ]+@</regexp><replace>://***:***@</replace></rule>
</query_masking_rules>
<named_collections><ext><url>https://s3.example/x</url><secret_access_key>{NC_SECRET}</secret_access_key></ext>
</named_collections>
<profiles>
    <default>{LIMITS}</default>
    <reader><readonly>1</readonly><constraints><readonly><readonly/></readonly></constraints></reader>
</profiles>
<roles>
    <auditor><grants>
        <query>GRANT SHOW ACCESS ON *.*</query><query>GRANT SELECT ON system.*</query>
    </grants></auditor>
    <analyst><grants><query>GRANT SELECT ON prod.*</query></grants></analyst>
</roles>
<users>
    {default_user}
    <admin>{PASSWORD}{LOCAL}<profile>default</profile><quota>default</quota>
        <grants><query>GRANT ALL ON *.* WITH GRANT OPTION</query></grants></admin>
    <analyst>{PASSWORD}{LOCAL}<profile>reader</profile><quota>default</quota>
        <grants><query>GRANT analyst</query></grants></analyst>
</users>
<quotas><default><interval><duration>3600</duration><queries>1000</queries><errors>100</errors>
    <result_rows>100000000</result_rows><read_rows>10000000000</read_rows></interval></default></quotas>
"""


GOOD = good(
    f"<default><no_password/>{LOCAL}<profile>reader</profile><quota>default</quota>"
    "<grants><query>GRANT auditor</query></grants></default>"
)
# Same server, but `default` may write: only used to create the data the good config then hides.
GOOD_SETUP = good(
    f"<default><no_password/>{LOCAL}<profile>default</profile><quota>default</quota>{ADMIN_FLAGS}</default>"
)

SETUP = [
    "CREATE DATABASE prod",
    "CREATE TABLE prod.log_stream (ts DateTime, api_key String, message String) ENGINE = MergeTree ORDER BY ts",
    "INSERT INTO prod.log_stream VALUES (now(), 'sk-test-0000000000000000000000', 'hello')",
    f"SELECT 'https://etl:{URL_PASSWORD}@files.example/x' SETTINGS log_queries = 1",
    "SYSTEM FLUSH LOGS",
]

MODERN_CHECKS = [
    "global_all_privileges",
    "grant_option_held",
    "role_admin_option_held",
    "access_management_granted",
    "dangerous_sources_granted",
    "system_privilege_granted",
    "introspection_allowed",
    "secrets_display_privilege_granted",
    "grants_held_directly",
    "system_tables_readable_without_grant",
    "table_engines_without_grant",
    "anonymous_user_can_write",
    "readonly_not_enforced",
    "readonly_2_allows_setting_changes",
    "quota_without_limits",
    "unlimited_memory_usage",
    "unlimited_execution_time",
    "unlimited_result_size",
    "limits_not_constrained",
    "unlimited_concurrent_queries_for_user",
    "ddl_allowed",
    "query_log_disabled",
    "no_query_masking_rules",
    "secrets_shown_in_show_select",
    "passwords_in_query_log",
    "session_log_disabled",
    "verbose_server_log_level",
    "sensitive_looking_tables_readable",
]
# Current servers mask engine/dictionary credentials and named collection values in what SQL
# returns, so these stay quiet on both (they fire on older servers and saved snapshots).
MASKED_ON_CURRENT = [
    "credentials_in_table_engine",
    "credentials_in_database_engine",
    "credentials_in_dictionary_source",
    "named_collection_secrets_visible",
]


def _open(data_dir: Path, config: Path) -> object:
    from chdb import session as chdb_session

    return chdb_session.Session(f"{data_dir}?config-file={config}")


def _collect(root: Path, body: str, setup_body: str | None = None) -> Snapshot:
    """Set up data (with ``setup_body`` or the config itself), then collect under ``body``."""
    tmp = Path(tempfile.mkdtemp(prefix="modern-b-", dir=root))
    data_dir = tmp / "data"
    config = write_chdb_config(tmp / "config.xml", body)
    setup = write_chdb_config(tmp / "setup.xml", setup_body) if setup_body else config
    session = _open(data_dir, setup)
    try:
        for statement in SETUP:
            session.query(statement)  # type: ignore[attr-defined]
    finally:
        if setup_body:
            session.close()  # type: ignore[attr-defined]
    if setup_body:
        session = _open(data_dir, config)
    try:
        conn = GuardedConnection(EmbeddedTransport(str(data_dir), session=session), description="chdb")
        target = Target(scheme="chdb", path=str(data_dir), config_file=str(config))
        live = collect_live(conn, target, "default", password_given=False, probe_ports=False)
    finally:
        session.close()  # type: ignore[attr-defined]
    return merge_live_and_config(live, snapshot_from_config(config), str(config))


@pytest.fixture(scope="module")
def snapshots(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Snapshot]]:
    root = tmp_path_factory.mktemp("checks_modern_b")
    yield {"bad": _collect(root, BAD), "good": _collect(root, GOOD, GOOD_SETUP)}


def _judge(check_id: str, snapshot: Snapshot) -> tuple[list[Finding], list[str]]:
    findings, missing = run_check(get_check(check_id), snapshot)
    return findings, [m.reason for m in missing]


def test_engine_answered_the_facts_these_checks_read(snapshots: dict[str, Snapshot]) -> None:
    for name, snap in snapshots.items():
        for fact in (
            "grants",
            "role_grants",
            "profile_elements",
            "quotas",
            "effective_settings",
            "system_logs",
        ):
            assert getattr(snap, fact) is not None, f"{name}: {fact} missing ({snap.gaps.get(fact)})"
    assert snapshots["good"].effective_settings is not None
    assert snapshots["good"].effective_settings["readonly"].value == "1"


@pytest.mark.parametrize("check_id", MODERN_CHECKS)
def test_fires_on_bad_and_quiet_on_good(snapshots: dict[str, Snapshot], check_id: str) -> None:
    bad, bad_missing = _judge(check_id, snapshots["bad"])
    good_findings, good_missing = _judge(check_id, snapshots["good"])
    assert bad, f"{check_id} did not fire on the bad config (not checked: {bad_missing})"
    assert good_findings == [] and good_missing == [], f"{check_id} on the good config: {good_findings} {good_missing}"


def test_query_log_without_ttl(snapshots: dict[str, Snapshot]) -> None:
    """chdb also lists its virtual system.user_query_log; the real log table is what matters."""
    bad = [f.resource for f in _judge("system_log_without_ttl", snapshots["bad"])[0]]
    good_findings = [f.resource for f in _judge("system_log_without_ttl", snapshots["good"])[0]]
    assert "table:system.query_log" in bad and "table:system.query_log" not in good_findings


@pytest.mark.parametrize("check_id", MASKED_ON_CURRENT)
def test_masked_credentials_stay_quiet(snapshots: dict[str, Snapshot], check_id: str) -> None:
    assert len(snapshots) >= 2  # the loop below judges the good and the bad scenario at least
    for snap in snapshots.values():
        assert _judge(check_id, snap) == ([], [])


def test_expected_resources(snapshots: dict[str, Snapshot]) -> None:
    bad = snapshots["bad"]

    def resources(check_id: str) -> set[str]:
        return {f.resource for f in _judge(check_id, bad)[0]}

    assert resources("global_all_privileges") == {"user:default"}  # a passwordless admin
    assert resources("anonymous_user_can_write") == {"session:default"}
    # issue 13: erin (passwordless) can write; the unconstrained readonly = 1 of `reporting` is locked by
    # itself (a readonly = 1 session changes no setting), so it is no finding any more
    assert resources("readonly_not_enforced") == {"user:erin"}
    assert resources("readonly_2_allows_setting_changes") == {"profile:ro2"}
    assert resources("role_admin_option_held") == {"user:app"}
    # app gets SYSTEM SHUTDOWN through role ops (reported once, on the role); bob has no <grants>
    assert {"role:ops", "user:bob"} <= resources("system_privilege_granted")
    assert "user:bob" in resources("quota_without_limits")
    assert resources("sensitive_looking_tables_readable") == {"table:prod.log_stream"}


def test_no_secret_reaches_a_finding(snapshots: dict[str, Snapshot]) -> None:
    everything = [
        f for snap in snapshots.values() for c in MODERN_CHECKS + MASKED_ON_CURRENT for f in _judge(c, snap)[0]
    ]
    dumped = "".join(f.model_dump_json() for f in everything)
    assert URL_PASSWORD not in dumped and NC_SECRET not in dumped
    leaked = _judge("passwords_in_query_log", snapshots["bad"])[0]
    assert leaked[0].evidence["kinds"] == {"url_credentials": 1}
