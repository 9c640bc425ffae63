"""Drift between two cycles: finding events and the exposure facts that changed, nothing else."""

from __future__ import annotations

from chwarden.facts import AnonymousLogin, GrantFacts, ServerInfo, Snapshot, UserFacts
from chwarden.model import Endpoint, Finding, NotChecked, SensitiveData, Severity
from chwarden.store.queries import FindingState
from chwarden.store.records import fingerprint_of
from chwarden.watch.drift import access_drift, finding_drift, port_drift, sensitive_drift, version_drift


def _finding(check: str, resource: str) -> Finding:
    return Finding(check_id=check, title=check, severity=Severity.HIGH, target="t", resource=resource)


def _state(finding: Finding, status: str) -> FindingState:
    return FindingState(
        fingerprint_of(finding), finding.check_id, "high", finding.title, finding.resource, status, "", "", "", 0
    )


def test_new_resolved_reopened() -> None:
    kept, gone, back, new = (_finding(c, "r") for c in ("kept", "gone", "back", "new"))
    previous = {fingerprint_of(f): _state(f, s) for f, s in ((kept, "open"), (gone, "open"), (back, "resolved"))}
    changes = finding_drift(previous, [kept, back, new], [], complete=True)
    assert {(c.kind, c.subject) for c in changes} == {
        ("finding_new", "new r"),
        ("finding_reopened", "back r"),
        ("finding_resolved", "gone r"),
    }


def test_unjudged_findings_are_not_resolved() -> None:
    gone = _finding("gone", "r")
    previous = {fingerprint_of(gone): _state(gone, "open")}
    assert finding_drift(previous, [], [NotChecked(check_id="gone", target="t", reason="x")], complete=True) == []
    assert finding_drift(previous, [], [], complete=False) == []  # a partial run judged nothing of it
    assert finding_drift(previous, [_finding("gone", "other")], [], complete=False)[1].kind == "finding_resolved"


def _snap(endpoints: list[Endpoint] | None, **kw: object) -> Snapshot:
    return Snapshot(target="t", endpoints=endpoints, **kw)  # type: ignore[arg-type]


def test_ports_opened_and_open_without_password() -> None:
    http_pw = Endpoint(host="h", port=8123, protocol="http", clickhouse=True, auth="required")
    http_open = http_pw.model_copy(update={"auth": "none"})
    native_open = Endpoint(host="h", port=9000, protocol="native", clickhouse=True, auth="none")
    before = _snap([http_pw], anonymous_login=[AnonymousLogin(protocol="http", port=8123, accepted=False)])
    after = _snap(
        [http_open, native_open],
        anonymous_login=[
            AnonymousLogin(protocol="http", port=8123, accepted=True),
            AnonymousLogin(protocol="native", port=9000, accepted=True),
        ],
    )
    assert {(c.kind, c.subject) for c in port_drift(before, after)} == {
        ("port_opened", "h:9000"),
        ("port_open_without_password", "h:9000"),
        ("port_open_without_password", "h:8123"),
    }
    assert {(c.kind, c.subject) for c in port_drift(after, before)} == {
        ("port_closed", "h:9000"),
        ("port_password_required", "h:8123"),
    }
    assert port_drift(None, after) == [] and port_drift(_snap(None), after) == []


def test_users_passwords_grants() -> None:
    alice = UserFacts(name="alice", auth_types=["sha256_password"], password_empty=False, host_ip=["::/0"])
    bob = UserFacts(name="bob", password_empty=False, allow_databases=["app"])
    before = Snapshot(target="t", users=[alice, bob], grants=[])
    after = Snapshot(
        target="t",
        users=[
            alice.model_copy(update={"password_empty": True, "auth_types": ["no_password"]}),
            bob.model_copy(update={"allow_databases": ["app", "hr"]}),
            UserFacts(name="eve", password_empty=True),
        ],
        grants=[GrantFacts(user_name="bob", access_type="SELECT", database="hr")],
    )
    assert {(c.kind, c.subject, c.severity) for c in access_drift(before, after)} == {
        ("password_removed", "alice", Severity.CRITICAL),
        ("grant_changed", "bob allow_databases", Severity.HIGH),
        ("user_added", "eve", Severity.CRITICAL),
        ("grant_added", "user:bob: SELECT ON hr.*", Severity.HIGH),
    }


def test_sensitive_columns_and_version() -> None:
    def entry(column: str, category: str) -> SensitiveData:
        return SensitiveData(
            target="t", database="db", table="t", column=column, detector="x", category=category,
            rows_matched=1, rows_scanned=1, sampled=True,
        )  # fmt: skip

    changes = sensitive_drift([entry("a", "personal")], [entry("a", "personal"), entry("b", "secret")])
    assert [(c.kind, c.subject, c.severity) for c in changes] == [("sensitive_column_added", "db.t.b", Severity.HIGH)]
    assert [c.kind for c in sensitive_drift([entry("b", "secret")], [])] == ["sensitive_column_removed"]
    assert sensitive_drift(None, [entry("a", "secret")]) == []  # the first inventory is a baseline
    old = Snapshot(target="t", server=ServerInfo(version="24.8.1"))
    assert [c.after for c in version_drift(old, Snapshot(target="t", server=ServerInfo(version="25.3.2")))] == [
        "25.3.2"
    ]
