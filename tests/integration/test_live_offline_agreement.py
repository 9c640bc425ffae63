"""Live and offline audits of the same 18.16 servers agree on every check both can judge.

Each session server runs from a config directory (``server.config_dir``); it is audited live (SQL
only: no local config, no port probe) and offline from that directory. Checks in either side's
not_checked are excluded (facts only one side has). Two kinds of legitimate difference remain and
are asserted explicitly rather than skipped:

* SESSION_SUBJECT: live, the effective settings are those of the session user (`session:<user>`);
  offline, every profile is judged. The verdict for the session user must match the offline
  verdict for that user or its profile; profiles nobody logged in with are out of live's sight.
* VERSION_GATED: the server version is live-only, so offline judges as for a current release,
  where these logs/settings exist; 18.16 has no session_log, no TTL for system logs and no
  `access_control_improvements`, and logs queries only with `log_queries=1` (default 0 before 20.5).
  The difference must go exactly in the documented direction.
"""

from __future__ import annotations

import pytest

from chwarden.audit import AuditOptions, audit, audit_config
from chwarden.connect import Credentials, parse_target
from chwarden.facts import Snapshot
from chwarden.model import Report
from tests.harness.ch18 import ClickHouse18Server

SESSION_SUBJECT = frozenset(
    {
        "ddl_allowed",
        "unlimited_concurrent_queries_for_user",
        "unlimited_memory_usage",
        "unlimited_execution_time",
        "unlimited_result_size",
        "readonly_not_enforced",
    }
)
# check id -> which side may report more: "offline" (current-release assumption) or "live".
VERSION_GATED = {
    "session_log_disabled": "offline",
    "system_log_without_ttl": "offline",
    "system_tables_readable_without_grant": "offline",
    "query_log_disabled": "live",
}
MIN_COMPARED = 35


def by_check(report: Report) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for f in report.findings:
        found.setdefault(f.check_id, set()).add(f.resource)
    return found


def session_subjects(user: str, offline: Snapshot) -> set[str]:
    profile = next((u.profile for u in offline.users or [] if u.name == user), None)
    return {f"user:{user}", f"profile:{profile}"}


def judged_by_both(live: Report, offline: Report) -> set[str]:
    from chwarden.checks.registry import all_checks

    skipped = {n.check_id for n in live.not_checked} | {n.check_id for n in offline.not_checked}
    return {c.meta.id for c in all_checks()} - skipped


def compare(live: Report, offline: Report, offline_snapshot: Snapshot, user: str) -> list[str]:
    """Disagreements as readable lines (empty when the audits agree)."""
    live_found, offline_found = by_check(live), by_check(offline)
    problems: list[str] = []
    for check_id in sorted(judged_by_both(live, offline)):
        here, there = live_found.get(check_id, set()), offline_found.get(check_id, set())
        if check_id == "system_log_without_ttl":
            # A server also creates logs no config section names (18.16 writes query_thread_log once
            # threads are logged and the logs flushed): only the configured ones can be compared.
            configured = {f"table:system.{log.name}" for log in offline_snapshot.system_logs or []}
            here = here & configured
        if check_id in SESSION_SUBJECT:
            live_verdict = f"session:{user}" in here or f"user:{user}" in here
            offline_verdict = bool(session_subjects(user, offline_snapshot) & there)
            if live_verdict != offline_verdict:
                problems.append(f"{check_id}: session {user} live={live_verdict} offline={offline_verdict}")
        elif check_id in VERSION_GATED:
            wider, narrower = (there, here) if VERSION_GATED[check_id] == "offline" else (here, there)
            if not narrower <= wider:
                problems.append(f"{check_id}: difference in the wrong direction: live={here} offline={there}")
        elif here != there:
            problems.append(f"{check_id}: live={sorted(here)} offline={sorted(there)}")
    return problems


def run_both(server: ClickHouse18Server, credentials: Credentials) -> tuple[Report, Report, Snapshot]:
    url = server.http_url if server.http_port else server.https_url
    options = AuditOptions(use_local_config=False, probe_ports=False, ca_file=server.ca_file)
    live, _ = audit(parse_target(url), credentials, options)
    offline, snapshots = audit_config(str(server.config_dir), AuditOptions())
    return live, offline, snapshots[0]


@pytest.mark.server
@pytest.mark.parametrize(
    ("fixture", "user"),
    [
        ("ch18_debian_default", "default"),
        ("ch18_open", "default"),
        ("ch18_password", "auditor"),
        ("ch18_hardened", "admin"),
        ("ch18_tls", "default"),
    ],
)
def test_live_and_offline_agree(request: pytest.FixtureRequest, fixture: str, user: str) -> None:
    server: ClickHouse18Server = request.getfixturevalue(fixture)
    live, offline, snapshot = run_both(server, Credentials(user, server.password(user)))
    assert compare(live, offline, snapshot, user) == []
    judged = judged_by_both(live, offline)
    assert len(judged) >= MIN_COMPARED, sorted(judged)
    # not vacuous: the two audits report some of the same problems
    assert {f.check_id for f in live.findings} & {f.check_id for f in offline.findings}


@pytest.mark.server
def test_factory_server_with_plaintext_user_and_cluster(ch18_factory: object) -> None:
    """A server started for this test: a plaintext user open to any host and a cluster without secret."""
    users_xml = """<yandex>
    <profiles><default><log_queries>1</log_queries></default></profiles>
    <users>
        <default><password></password><networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota></default>
        <etl><password>etl-plain-pass</password><networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota></etl>
    </users>
    <quotas><default/></quotas>
</yandex>"""
    cluster = (
        "<remote_servers><analytics><shard><replica><host>127.0.0.1</host><port>9000</port></replica></shard>"
        "</analytics></remote_servers>"
    )
    server = ch18_factory(users_xml=users_xml, extra_config=cluster)  # type: ignore[operator]
    live, offline, snapshot = run_both(server, Credentials("default", ""))
    assert compare(live, offline, snapshot, "default") == []
    for check_id, resource in (("plaintext_password", "user:etl"), ("cluster_without_secret", "cluster:analytics")):
        assert resource in by_check(offline).get(check_id, set())
        assert resource in by_check(live).get(check_id, set()) or check_id in {n.check_id for n in live.not_checked}
