"""A hostile target on a real 18.16 server: everything it can name is a script, a quote or an SVG.

The server's database, table and column names, the user names strangers try to log in with, the
query ids they choose, and the target's own name in watch.yaml all carry HTML/JS payloads. Two
real watch cycles put them into a real store. Then the target is switched off and a listener takes
its ports, the dashboard serves the store, and Chromium opens every page and suppresses an alert
with a payload reason: no dialog opens, no script or event handler is injected, the payloads are
shown as text, and nothing ever connects to the target's address.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Page

from chwarden.store import StoreSpec, open_store
from tests.harness import attacks
from tests.harness.browser import chromium, log_in
from tests.harness.ch18 import ClickHouse18Server
from tests.harness.cli import run_chwarden
from tests.harness.configs import HTTP_PORT, TCP_PORT, Variant
from tests.harness.dashboard import running_dashboard
from tests.harness.session import Ch18Env
from tests.harness.watching import settle, watch_once, write_config

pytestmark = pytest.mark.server
DATABASE = 'x"><svg onload=alert(1)>'
TABLE = '<script>alert("t")</script>'
COLUMN = "'\"><img src=x onerror=alert(2)>"
LATE_TABLE = "<iframe src=javascript:alert(4)>"
STRANGER = '<script>alert("u")</script>'
QUERY_ID = "<svg/onload=alert(3)>q1"
TARGET = "prod\"'><svg/onload=alert(9)><script>alert(8)</script>"
REASON = "<img src=x onerror=alert(7)> accepted"
SECRETS = ", ".join(f"('sk-{hashlib.sha256(str(n).encode()).hexdigest()[:32]}')" for n in range(40))
LISTEN_SECONDS = 600.0


def _ident(name: str) -> str:
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`"


class PortListener:
    """Takes the switched-off target's ports and counts every connection made to them."""

    def __init__(self, host: str, ports: tuple[int, ...]) -> None:
        self.accepted = 0
        self._stop = threading.Event()
        self._sockets = []
        for port in ports:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
            sock.listen(16)
            sock.settimeout(0.2)
            self._sockets.append(sock)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        deadline = threading.Event()
        timer = threading.Timer(LISTEN_SECONDS, deadline.set)
        timer.start()
        try:
            while not self._stop.is_set() and not deadline.is_set():
                for sock in self._sockets:
                    try:
                        conn, _ = sock.accept()
                    except TimeoutError:
                        continue
                    self.accepted += 1
                    conn.close()
        finally:
            timer.cancel()

    def close(self) -> int:
        self._stop.set()
        self._thread.join(timeout=5)
        for sock in self._sockets:
            sock.close()
        return self.accepted


@pytest.fixture(scope="module")
def hostile_store(ch18_env: Ch18Env, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The store after two watch cycles of the hostile server; the server's address, now switched off."""
    root = tmp_path_factory.mktemp("xss")
    host = ch18_env.next_host()
    server = ClickHouse18Server(
        "xss", host, root / "server", Variant(attacks.users_xml()), config_xml=attacks.scenario_config(host, root)
    )
    server.start()
    try:
        admin = attacks.Actor(server.http_url, "127.0.0.1", "default")
        table = f"{_ident(DATABASE)}.{_ident(TABLE)}"
        for sql in (
            f"CREATE DATABASE {_ident(DATABASE)}",
            f"CREATE TABLE {table} ({_ident(COLUMN)} String) ENGINE = MergeTree ORDER BY tuple()",
            f"INSERT INTO {table} VALUES {SECRETS}",
        ):
            assert admin.query(sql, write=True) == 200, sql
        config = write_config(
            root / "watch.yaml",
            [{"url": server.http_url, "name": TARGET, "log_lag": 1, "discover": {"every": 1, "sample_rows": 2000}}],
        )
        store, home = str(root / "store"), root / "home"
        first = watch_once(config, store, home)
        assert first["targets"][0]["status"] == "complete", first["targets"][0]["errors"]
        stranger = attacks.Actor(server.http_url, "127.0.9.66", STRANGER, "guess")
        assert {stranger.query("SELECT 1") for _ in range(20)} == {401}
        stranger.close()
        reader = attacks.Actor(server.http_url, "127.0.9.77", "default")
        assert reader.query(f"SELECT * FROM {table}", query_id=QUERY_ID) == 200
        late = f"default.{_ident(LATE_TABLE)}"
        assert (
            reader.query(f"CREATE TABLE {late} (token String) ENGINE = MergeTree ORDER BY tuple()", write=True) == 200
        )
        assert reader.query(f"INSERT INTO {late} VALUES {SECRETS}", write=True) == 200
        reader.close()
        admin.close()
        settle(server)
        second = watch_once(config, store, home)
        assert second["targets"][0]["status"] == "complete", second["targets"][0]["errors"]
        investigated = run_chwarden(
            "investigate", server.http_url, "--store", store, "--name", TARGET, "--since", "1h",
            "--format", "json", env={"XDG_DATA_HOME": str(home)},
        )  # fmt: skip
        assert investigated.returncode in (0, 1), investigated.stderr[-2000:]
    finally:
        server.stop()
    yield root / "store", host


def test_the_store_holds_the_payloads(hostile_store: tuple[Path, str]) -> None:
    """The real cycles carried every kind of payload into the store (what the pages must escape)."""
    with open_store(StoreSpec(str(hostile_store[0]))) as store:
        values = [
            str(value)
            for table in (
                "target_cycles",
                "sensitive_data",
                "changes",
                "detections",
                "alerts",
                "attack_paths",
                "timeline_events",
            )
            for row in store.select(f"SELECT * FROM {store.table(table)}")
            for column in row.values()
            for value in (column if isinstance(column, list) else [column])
        ]
    payloads = (TARGET, TABLE, COLUMN, LATE_TABLE, QUERY_ID, DATABASE, STRANGER)
    missing = [p for p in payloads if not any(p in v for v in values)]
    assert missing == []
    with open_store(StoreSpec(str(hostile_store[0]))) as store:  # investigate kept who read the table
        reads = store.select(
            f"SELECT principal, address, resource FROM {store.table('timeline_events')} WHERE kind = 'read'"
        )
    # (on 18.16 investigate names the table as matched in the query text, quotes and blanks removed)
    assert any(r["principal"] == "default" and "<script>alert(" in r["resource"] for r in reads), reads


_INJECTED = """() => {
  const all = [...document.querySelectorAll('*')];
  const link = e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') || '';
  return {
    scripts: [...document.scripts].map(s => s.getAttribute('src')),
    handlers: all.filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).map(e => e.outerHTML.slice(0, 80)),
    embedded: document.querySelectorAll('img, iframe, object, embed, frame').length,
    javascript: all.filter(e => /^\\s*javascript:/i.test(link(e))).length,
  };
}"""


def _nothing_injected(page: Page) -> None:
    injected = page.evaluate(_INJECTED)
    assert injected == {"scripts": ["/static/app.js"], "handlers": [], "embedded": 0, "javascript": 0}, injected


def test_no_page_runs_what_the_target_named(hostile_store: tuple[Path, str], tmp_path: Path) -> None:
    store, target_host = hostile_store
    listener = PortListener(target_host, (HTTP_PORT, TCP_PORT))
    try:
        with running_dashboard(str(store), target_host, tmp_path / "auth") as dashboard, chromium() as browser:
            page = browser.new_page(viewport={"width": 1600, "height": 900})
            dialogs: list[str] = []
            errors: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: errors.append(str(e)))
            log_in(page, dashboard.url, "admin", dashboard.password())
            name = quote(TARGET, safe="")
            pages = (
                "/", f"/?q={name}", f"/target?name={name}", f"/trends?target={name}", "/trends",
                "/alerts?state=all", f"/alerts?q={quote(STRANGER)}", f"/catalogue?q={quote(TABLE)}",
            )  # fmt: skip
            for path in pages:
                page.goto(dashboard.url + path)
                _nothing_injected(page)
            page.goto(f"{dashboard.url}/target?name={name}")
            body = page.inner_text("body")
            for payload in (TARGET, TABLE, COLUMN, LATE_TABLE, STRANGER):
                assert payload in body, payload  # shown, as text
            assert "<script>alert(" in page.inner_text("#timeline")  # investigate's reads, as text
            page.goto(dashboard.url + "/alerts?state=all")
            assert QUERY_ID not in page.content()  # the escaped form is in the HTML, never the raw one
            row = page.locator("tr.alert-row").filter(has=page.locator("form.suppress")).first
            row.locator("details.action summary").click()
            row.locator("textarea[name=reason]").fill(REASON)
            row.locator("input[name=expires]").fill((dt.date.today() + dt.timedelta(days=7)).isoformat())
            row.locator("form.suppress button[type=submit]").click()
            page.wait_for_load_state()
            page.goto(dashboard.url + "/alerts?state=suppressed")
            assert REASON in page.inner_text("#suppressions")
            _nothing_injected(page)
            assert TARGET in page.inner_text("#suppressions")  # the literal glob of the target, as text
            assert dialogs == [] and errors == []
    finally:
        accepted = listener.close()
    assert accepted == 0  # the dashboard never connected to the target
