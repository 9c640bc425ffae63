"""The dashboard's pure pieces: where it may listen, passwords, sessions, the login limit, exact
globs, safe redirects, server-side charts and the grouping of findings by root cause."""

from __future__ import annotations

import fnmatch
import re
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.requests import Request

from chwarden.errors import InputError
from chwarden.serve import charts
from chwarden.serve.auth import UserStore, check_password, hash_password
from chwarden.serve.data import FindingView, group_findings
from chwarden.serve.forms import glob_literal, local_path
from chwarden.serve.run import ServeOptions, allowed_hosts, check_options
from chwarden.serve.sessions import LoginLimiter, Sessions, same_token


def test_loopback_needs_nothing_else_but_any_other_address_needs_tls(tmp_path: Path) -> None:
    for host in ("127.0.0.1", "127.9.8.7", "::1", "[::1]", "localhost"):
        check_options(ServeOptions(host=host))
    for host in ("0.0.0.0", "::", "192.0.2.10", "dashboard.example.com"):
        with pytest.raises(InputError, match="give --cert and --key"):
            check_options(ServeOptions(host=host))
        check_options(ServeOptions(host=host, insecure_http=True))
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    cert.write_text("x")
    key.write_text("x")
    check_options(ServeOptions(host="0.0.0.0", cert=cert, key=key))
    with pytest.raises(InputError, match="go together"):
        check_options(ServeOptions(host="0.0.0.0", cert=cert))
    with pytest.raises(InputError, match="no such file"):
        check_options(ServeOptions(cert=cert, key=tmp_path / "missing"))
    with pytest.raises(InputError, match="port"):
        check_options(ServeOptions(port=0))


def test_loopback_answers_only_loopback_host_names() -> None:
    assert set(allowed_hosts(ServeOptions(host="127.3.4.5")) or ()) >= {"127.0.0.1", "localhost", "127.3.4.5"}
    assert allowed_hosts(ServeOptions(host="0.0.0.0", insecure_http=True)) is None
    assert allowed_hosts(ServeOptions(host="0.0.0.0", allowed_hosts=("dash.example",))) == ["dash.example"]


def test_passwords_are_salted_scrypt_hashes(tmp_path: Path) -> None:
    first, second = hash_password("s3cret"), hash_password("s3cret")
    assert first != second and first.startswith("scrypt$")
    assert check_password("s3cret", first) and not check_password("s3creT", first)
    assert not check_password("s3cret", "md5$abc") and not check_password("s3cret", "garbage")
    users = UserStore(tmp_path / "auth")
    path = users.ensure_admin()
    assert path is not None and users.ensure_admin() is None  # only the first start creates admin
    password = path.read_text().strip()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "auth").stat().st_mode) == 0o700
    admin = users.verify("admin", password)
    assert admin is not None and admin.is_admin
    assert users.verify("admin", password + "x") is None
    assert users.verify("nobody", password) is None
    assert users.verify("admin", "x" * 5000) is None
    with pytest.raises(InputError, match="user name"):
        users.add("<script>", "viewer")
    users.add("vera", "viewer")
    assert users.names() == {"admin": "admin", "vera": "viewer"}


def test_sessions_expire_and_end_at_logout() -> None:
    from chwarden.serve.auth import User

    sessions = Sessions(idle=60, lifetime=3600)
    session = sessions.create(User("admin", "admin"))
    assert sessions.get(session.sid) is session
    assert sessions.get("other") is None and sessions.get(None) is None
    sessions.drop(session.sid)
    assert sessions.get(session.sid) is None
    gone = Sessions(idle=-1)
    assert gone.get(gone.create(User("a", "viewer")).sid) is None  # idle beyond its limit
    assert same_token("abc", "abc") and not same_token("abd", "abc") and not same_token(None, "abc")
    assert not same_token("", "")


def test_failed_logins_are_limited_per_address_and_user() -> None:
    limiter = LoginLimiter(per_minute=3, per_hour=10)
    for _ in range(3):
        assert limiter.allowed("127.0.0.2", "admin")
        limiter.failed("127.0.0.2", "admin")
    assert not limiter.allowed("127.0.0.2", "admin")
    assert not limiter.allowed("127.0.0.2", "someone-else")  # the address is held back
    assert limiter.allowed("127.0.0.3", "admin")


@given(st.text(alphabet=st.sampled_from("ab*?[]!-x/\\ "), min_size=0, max_size=12))
def test_a_literal_glob_matches_exactly_its_text(text: str) -> None:
    pattern = glob_literal(text)
    assert fnmatch.fnmatchcase(text, pattern)
    assert not fnmatch.fnmatchcase(text + "x", pattern)
    assert not fnmatch.fnmatchcase("x" + text, pattern)


def _request(url: str = "http://127.0.0.1:8765/alerts") -> Request:
    scheme, rest = url.split("://", 1)
    host, _, path = rest.partition("/")
    name, _, port = host.partition(":")
    scope = {
        "type": "http", "method": "GET", "scheme": scheme, "path": "/" + path, "query_string": b"",
        "headers": [(b"host", host.encode())], "server": (name, int(port or 80)),
    }  # fmt: skip
    return Request(scope)


def test_redirects_stay_on_this_server() -> None:
    request = _request()
    assert local_path("/target?name=x", request) == "/target?name=x"
    assert local_path("http://127.0.0.1:8765/trends?days=7", request) == "/trends?days=7"
    for hostile in ("//evil.example/x", "https://evil.example/", "javascript:alert(1)", "/\\evil", "/a\nb", 5, None):
        assert local_path(hostile, request) == "/", hostile
    assert local_path("http://127.0.0.1:9999/", request, "/alerts") == "/alerts"


def test_charts_escape_their_text_and_use_no_inline_style() -> None:
    labels = ["<script>alert(1)</script>", "2026-01-02", "x\"'&"]
    svg = str(
        charts.stacked_bars(
            "a <b>title</b>",
            labels,
            [charts.Series("high", "#d32f2f", [1, 0, 3]), charts.Series("low", "#1e88e5", [2, 2, 0])],
        )
    )
    assert "<script" not in svg and "<b>" not in svg and "style=" not in svg
    assert "&lt;script&gt;" in svg
    assert len(re.findall(r"<rect ", svg)) == 4  # zero values draw nothing
    down = str(
        charts.diverging_bars(
            "t", ["d1", "d2"], [charts.Series("opened", "#f00", [2, 0])], [charts.Series("resolved", "#0f0", [0, 5])]
        )
    )
    assert len(re.findall(r"<rect ", down)) == 2 and ">5<" in down  # the axis reaches down to 5
    assert str(charts.stacked_bars("empty", [], []))  # no data still draws a frame


def _view(fp: str, check: str, severity: str, caused_by: str = "") -> FindingView:
    return FindingView(fp, check, severity, f"title {check}", f"res-{fp}", "c", "", "", caused_by, "", 0, [], [])


def test_findings_grouped_by_root_cause_then_by_check() -> None:
    views = [
        _view("a", "default_user_without_password", "critical"),
        _view("b", "sensitive_looking_tables_readable", "medium", caused_by="a"),
        _view("c", "secrets_in_table_data", "critical", caused_by="a"),
        _view("d", "unlimited_execution_time", "low"),
        _view("e", "unlimited_execution_time", "low"),
        _view("f", "orphan", "high", caused_by="missing"),  # its cause is not in this run: grouped by check
    ]
    groups = group_findings(views)
    assert groups[0].kind == "root-cause" and [v.fingerprint for v in groups[0].findings] == ["a", "c", "b"]
    rest = {g.key: [v.fingerprint for v in g.findings] for g in groups[1:]}
    assert rest == {"check-orphan": ["f"], "check-unlimited_execution_time": ["d", "e"]}
    assert [g.severity for g in groups] == ["critical", "high", "low"]
    plain = group_findings([_view("x", "k", "low"), _view("y", "k", "high")])
    assert len(plain) == 1 and plain[0].severity == "high" and plain[0].kind == "check"
