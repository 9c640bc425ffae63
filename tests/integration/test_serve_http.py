"""``chwarden serve`` over HTTP, as a real server (uvicorn, subprocess) over a real 18.16 server store.

What the security model promises, request by request: no page without a session, a generated
admin password in a 0600 file, strict headers, HttpOnly/SameSite cookies (Secure and ``__Host-``
under TLS), CSRF tokens on every state change, a login rate limit, viewers who cannot change
anything, a Host allowlist, and a store that only ever gains acknowledgements and suppressions.
The store is a generated fleet (six targets, three weeks of daily cycles) in its own database.
"""

from __future__ import annotations

import datetime as dt
import secrets
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from chwarden.model import Finding, Report, Severity
from chwarden.serve import ServeContext, UserStore, build_app
from chwarden.serve.data import decisions
from chwarden.store import Store, StoreSpec, open_store
from chwarden.store import dashboard as q
from chwarden.store.schema import TABLES
from chwarden.suppress import apply, load
from tests.harness.ch18 import ClickHouse18Server
from tests.harness.cli import run_chwarden
from tests.harness.dashboard import Dashboard, csrf_of, login, running_dashboard
from tests.harness.fleet_store import generate
from tests.harness.session import Ch18Env

pytestmark = pytest.mark.server
PAGES = ("/", "/trends", "/target?name=ch-eu-west-000", "/alerts", "/catalogue")


@pytest.fixture(scope="module")
def store(ch18_open: ClickHouse18Server) -> Iterator[tuple[Store, str]]:
    database = f"chw_serve_{secrets.token_hex(4)}"
    with open_store(StoreSpec(ch18_open.http_url, database=database)) as opened:
        generate(opened, targets=6, days=21, say=lambda _line: None)
        yield opened, database
    ch18_open.admin_query(f"DROP DATABASE IF EXISTS {database}")


@pytest.fixture(scope="module")
def server(
    store: tuple[Store, str], ch18_open: ClickHouse18Server, ch18_env: Ch18Env, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Dashboard]:
    auth = tmp_path_factory.mktemp("serve") / "auth"
    with running_dashboard(ch18_open.http_url, ch18_env.next_host(), auth, "--store-database", store[1]) as dashboard:
        yield dashboard


def _counts(store: Store) -> dict[str, int]:
    return {t.name: int(store.select(f"SELECT count() AS n FROM {store.table(t.name)}")[0]["n"]) for t in TABLES}


def _admin(server: Dashboard, source: str = "127.0.2.11") -> tuple[httpx.Client, str]:
    client = server.client(source)
    return client, login(client, "admin", server.password())


def test_first_start_writes_the_admin_password_readable_only_by_its_owner(server: Dashboard) -> None:
    assert stat.S_IMODE(server.auth_dir.stat().st_mode) == 0o700
    for name in ("admin.password", "users.json"):
        assert stat.S_IMODE((server.auth_dir / name).stat().st_mode) == 0o600, name
    password = server.password()
    assert len(password) >= 20
    assert password not in (server.auth_dir / "users.json").read_text()  # only the scrypt hash is kept
    log = server.log.read_text()
    assert str(server.auth_dir / "admin.password") in log and password not in log


def test_no_page_without_a_session(server: Dashboard) -> None:
    anonymous = server.client()
    for page in PAGES:
        answer = anonymous.get(page)
        assert answer.status_code == 303 and "/login" in answer.headers["location"], page
    assert anonymous.get("/static/app.css").status_code == 200
    for action in ("/alerts/acknowledge", "/suppressions", "/suppressions/revoke", "/logout"):
        assert anonymous.post(action, data={"csrf_token": "x"}).status_code == 401, action
    forged = server.client()
    forged.cookies.set("chwarden", "eyJzaWQiOiAieCJ9.forged.signature")
    assert forged.get("/").status_code == 303


def test_strict_headers_and_cookie_flags(server: Dashboard) -> None:
    client = server.client("127.0.2.12")
    form = client.get("/login")
    cookie = form.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "secure" not in cookie  # plain HTTP on loopback
    csrf_of(form.text)
    login(client, "admin", server.password())
    for answer in (client.get("/"), client.get("/static/app.js"), client.get("/nope"), client.get("/login")):
        csp = answer.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "same-origin"
        assert answer.headers["x-frame-options"] == "DENY"
        assert "server" not in answer.headers
    assert client.get("/").headers["cache-control"] == "no-store"


def test_wrong_password_then_the_rate_limit(server: Dashboard) -> None:
    client = server.client("127.0.2.13")
    token = csrf_of(client.get("/login").text)
    statuses = [
        client.post("/login", data={"username": "admin", "password": f"guess-{n}", "csrf_token": token}).status_code
        for n in range(5)
    ]
    assert statuses == [401] * 5
    right = client.post("/login", data={"username": "admin", "password": server.password(), "csrf_token": token})
    assert right.status_code == 429 and right.headers["retry-after"] == "60"  # even the right password waits
    other = server.client("127.0.2.14")  # another address is not held back by this one's failures
    login(other, "admin", server.password())


def test_csrf_token_required_on_every_state_change(server: Dashboard, store: tuple[Store, str]) -> None:
    client, token = _admin(server)
    alert = q.alerts(store[0])[0]
    target = {"target": alert["target"], "fingerprint": alert["fingerprint"]}
    assert client.post("/alerts/acknowledge", data=target).status_code == 403
    assert client.post("/alerts/acknowledge", data={**target, "csrf_token": "wrong"}).status_code == 403
    foreign = client.post(
        "/alerts/acknowledge", data={**target, "csrf_token": token}, headers={"Origin": "https://evil.example"}
    )
    assert foreign.status_code == 403
    assert q.alert(store[0], alert["target"], alert["fingerprint"])["acknowledged"] == 0
    done = client.post("/alerts/acknowledge", data={**target, "csrf_token": token, "next": "//evil.example/x"})
    assert done.status_code == 303 and done.headers["location"] == "/alerts"  # no open redirect
    acked = q.alert(store[0], alert["target"], alert["fingerprint"])
    assert acked["acknowledged"] == 1 and acked["acked_by"] == "admin"
    # every POST route of the application refuses a wrong token, whatever it does
    app = build_app(ServeContext(store=store[0], users=UserStore(server.auth_dir), store_label="x"))
    posts = [r.path for r in app.routes if "POST" in (getattr(r, "methods", None) or set())]
    assert set(posts) == {"/login", "/logout", "/alerts/acknowledge", "/suppressions", "/suppressions/revoke"}
    for path in posts:
        assert client.post(path, data={"csrf_token": "wrong"}).status_code == 403, path


def test_a_viewer_reads_but_cannot_change_anything(server: Dashboard, store: tuple[Store, str]) -> None:
    added = run_chwarden("serve", "--auth-dir", str(server.auth_dir), "--add-user", "vera", "--role", "viewer")
    assert added.returncode == 0, added.stderr
    assert stat.S_IMODE((server.auth_dir / "vera.password").stat().st_mode) == 0o600
    viewer = server.client("127.0.2.15")
    token = login(viewer, "vera", server.password("vera"))  # the running server sees the new user at once
    before = _counts(store[0])
    for page in PAGES:
        answer = viewer.get(page)
        assert answer.status_code == 200, page
        assert 'action="/suppressions"' not in answer.text and 'action="/alerts/acknowledge"' not in answer.text
    alert = q.alerts(store[0])[0]
    expires = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    suppress = {
        "csrf_token": token, "target": alert["target"], "fingerprint": alert["fingerprint"], "check": alert["rule_id"],
        "scope": "this", "reason": "viewer tries", "expires": expires,
    }  # fmt: skip
    assert viewer.post("/suppressions", data=suppress).status_code == 403
    ack = {"csrf_token": token, "target": alert["target"], "fingerprint": alert["fingerprint"]}
    assert viewer.post("/alerts/acknowledge", data=ack).status_code == 403
    assert _counts(store[0]) == before


def test_suppress_needs_reason_and_expiry_and_works_like_the_cli(
    server: Dashboard, store: tuple[Store, str], tmp_path: Path
) -> None:
    client, token = _admin(server, "127.0.2.16")
    name = "ch-eu-west-000"
    finding = q.latest_findings(store[0], name)[0]
    base = {"csrf_token": token, "target": name, "fingerprint": finding["fingerprint"], "check": finding["check_id"]}
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    refused = [
        {"scope": "this", "reason": "", "expires": tomorrow.isoformat()},
        {"scope": "this", "reason": "accepted", "expires": ""},
        {"scope": "this", "reason": "accepted", "expires": dt.date.today().isoformat()},
        {"scope": "this", "reason": "accepted", "expires": (tomorrow + dt.timedelta(days=400)).isoformat()},
        {"scope": "everything", "reason": "accepted", "expires": tomorrow.isoformat()},
    ]
    for fields in refused:
        assert client.post("/suppressions", data={**base, **fields}).status_code == 400, fields
    assert client.post("/suppressions", data={**base, "target": "unknown", "scope": "this", "reason": "x",
                                              "expires": tomorrow.isoformat()}).status_code == 400  # fmt: skip

    def open_counts() -> dict[str, int]:
        rows = q.fleet_overview(store[0], q.FleetFilter(only=name))
        return {s: int(rows[0][s]) for s in q.SEVERITIES}

    before = open_counts()
    done = client.post(
        "/suppressions",
        data={**base, "scope": "rule_here", "reason": "accepted risk: SEC-12", "expires": tomorrow.isoformat()},
    )
    assert done.status_code == 303
    decided = decisions(store[0], dt.date.today())
    record = next(r for r, _ in decided.active if r.reason == "accepted risk: SEC-12")
    assert (record.check, record.resource, record.target, record.created_by) == (
        finding["check_id"],
        "*",
        name,
        "admin",
    )
    hidden = sum(1 for f in q.latest_findings(store[0], name) if f["check_id"] == finding["check_id"])
    after = {s: before[s] - decided.adjust.findings.get(name, {}).get(s, 0) for s in q.SEVERITIES}
    assert sum(before.values()) - sum(after.values()) == hidden
    page = client.get(f"/target?name={name}").text
    assert "Suppressed by admin" in page and "accepted risk: SEC-12" in page
    # the fleet page counts without the suppressed findings
    fleet = q.fleet_overview(store[0], q.FleetFilter(only=name), decided.adjust)[0]
    assert {s: int(fleet[s]) for s in q.SEVERITIES} == after
    # the export is a .chwarden.yaml the CLI reads, and the CLI's apply() hides exactly these findings
    exported = client.get("/suppressions.yaml")
    assert exported.status_code == 200 and "attachment" in exported.headers["content-disposition"]
    (tmp_path / ".chwarden.yaml").write_text(exported.text, encoding="utf-8")
    findings = [
        Finding(check_id=f["check_id"], title=f["title"], severity=Severity(f["severity"]), target=name,
                resource=f["resource"], fingerprint=f["fingerprint"])
        for f in q.latest_findings(store[0], name)
    ]  # fmt: skip
    report = Report(
        command="audit", started_at="2026-01-01T00:00:00Z", finished_at="2026-01-01T00:00:01Z", findings=findings
    )
    applied = apply(report, load(tmp_path / ".chwarden.yaml"))
    assert len(applied.suppressed) == hidden and not applied.expired
    # expired: it stops applying (the CLI's semantics), shown as expired
    assert not decisions(store[0], tomorrow + dt.timedelta(days=1)).active
    revoke = client.post("/suppressions/revoke", data={"csrf_token": token, "suppression_id": record.suppression_id})
    assert revoke.status_code == 303
    assert not decisions(store[0], dt.date.today()).active


def test_host_header_and_odd_parameters(server: Dashboard) -> None:
    client, _ = _admin(server, "127.0.2.17")
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400  # DNS rebinding stops here
    assert client.get("/?sort=1;DROP TABLE x&order=sideways&severity=<b>").status_code == 200
    assert client.get("/target?name=no-such-target").status_code == 404
    assert client.get("/trends?days=100000&target=%00").status_code == 200
    assert client.get("/alerts?state=';--&q=" + "x" * 5000).status_code == 200


def test_the_store_only_gains_acknowledgements_and_suppressions(server: Dashboard, store: tuple[Store, str]) -> None:
    client, token = _admin(server, "127.0.2.18")
    before = _counts(store[0])
    for page in (*PAGES, "/alerts?state=all", "/catalogue?kind=rules&q=login"):
        assert client.get(page).status_code == 200, page
    alert = q.alerts(store[0])[0]
    client.post("/alerts/acknowledge", data={"csrf_token": token, **{k: alert[k] for k in ("target", "fingerprint")}})
    after = _counts(store[0])
    changed = {t for t in before if before[t] != after[t]}
    assert changed == {"alert_acks"}


def test_refuses_to_listen_beyond_loopback_without_tls(tmp_path: Path) -> None:
    plain = run_chwarden("serve", "--store", str(tmp_path / "s"), "--host", "0.0.0.0")
    assert plain.returncode == 2 and "give --cert and --key" in plain.stderr, plain.stderr
    half = run_chwarden("serve", "--store", str(tmp_path / "s"), "--host", "192.0.2.10", "--cert", str(tmp_path))
    assert half.returncode == 2 and "--cert and --key go together" in half.stderr, half.stderr
    assert "Traceback" not in plain.stderr + half.stderr
    assert not (tmp_path / "s").exists()  # refused before the store was touched


def test_tls_sessions_are_secure_host_cookies(
    store: tuple[Store, str], ch18_open: ClickHouse18Server, ch18_env: Ch18Env, tmp_path: Path
) -> None:
    cert = ch18_env.cert
    extra = ("--store-database", store[1], "--cert", str(cert.cert_file), "--key", str(cert.key_file))
    with running_dashboard(
        ch18_open.http_url, ch18_env.next_host(), tmp_path / "auth", *extra, tls_ca=str(cert.cert_file)
    ) as dashboard:
        client = dashboard.client()
        form = client.get("/login")
        cookie = form.headers["set-cookie"]
        assert cookie.startswith("__Host-chwarden=") and "secure" in cookie.lower() and "httponly" in cookie.lower()
        assert form.headers["strict-transport-security"].startswith("max-age=")
        login(client, "admin", dashboard.password())
        assert client.get("/").status_code == 200
    assert dashboard.exit_code == 0  # SIGTERM is a clean stop


def test_the_score_is_the_definition_printed_on_the_fleet_page(server: Dashboard, store: tuple[Store, str]) -> None:
    client, _ = _admin(server, "127.0.2.19")
    page = client.get("/").text
    assert "Score = 100 / (1 + risk / 50)" in page and "25 × critical + 10 × high + 3 × medium + 1 × low" in page
    rows = q.fleet_overview(store[0])
    assert rows and {r["target"] for r in rows} == set(q.target_names(store[0]))
    for row in rows:
        risk = sum(q.SCORE_WEIGHTS[s] * int(row[s]) for s in q.SEVERITIES) + 20 * int(row["anonymous_access"])
        assert int(row["score"]) == round(100 / (1 + risk / 50)), row
    assert [r["score"] for r in rows] == sorted(r["score"] for r in rows)  # worst first by default


def test_a_store_that_stops_answering_gives_a_clean_503(
    ch18_factory: Callable[..., ClickHouse18Server], ch18_env: Ch18Env, tmp_path: Path
) -> None:
    backing = ch18_factory()
    with open_store(StoreSpec(backing.http_url)) as opened:
        generate(opened, targets=2, days=2, say=lambda _line: None)
    with running_dashboard(backing.http_url, ch18_env.next_host(), tmp_path / "auth") as dashboard:
        client = dashboard.client()
        login(client, "admin", dashboard.password())
        assert client.get("/").status_code == 200
        backing.stop()
        down = client.get("/")
        assert down.status_code == 503 and "Store unavailable" in down.text and "Traceback" not in down.text
        assert "content-security-policy" in down.headers
