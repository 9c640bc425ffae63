"""The dashboard in a real browser (Debian's Chromium through Playwright): ``chwarden demo --serve``.

The server is ``chwarden demo --serve`` itself: three watch cycles of the DeepSeek-like instance (a
baseline, a stranger copying API keys and dumping the chat log, the operator's cleanup) in a
throw-away store, served until SIGTERM (then exit 0, the store and its password gone). An admin
logs in, finds the target in the fleet, sees its attack path and copies its fix, acknowledges one
alert, suppresses another with a reason and an expiry, and logs out; a viewer cannot suppress;
every page is drawn at 800 and 1600 px, non-blank, without horizontal overflow or console errors
(a CSP violation is one).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from chwarden.serve import UserStore
from tests.harness.browser import chromium, image_stats, log_in
from tests.harness.dashboard import Dashboard, serving
from tests.harness.session import Ch18Env

TARGET = "deepseek-like"
DEMO_TIMEOUT = 300.0
PAGES = ("/", f"/target?name={TARGET}", "/trends", "/alerts", "/alerts?state=all", "/catalogue?kind=rules")


@pytest.fixture(scope="module")
def dashboard(ch18_env: Ch18Env, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    base = tmp_path_factory.mktemp("demo-serve")
    host = ch18_env.next_host()
    argv = ["demo", "--serve", "--host", host, "--workdir", str(base / "work"), "--html", str(base / "report.html")]
    running = Dashboard(f"http://{host}:8765", host, base, base / "demo.log")
    with serving(argv, running, timeout=DEMO_TIMEOUT):
        log = running.log.read_text()
        found = re.search(r"its password is in (\S+) \(readable only by you\)", log)
        assert found and "sensitive_column_added default.keys_backup.api_key" in log and "cycle 3" in log, log
        running.auth_dir = Path(found.group(1)).parent  # the demo's own throw-away users
        yield running
    assert running.exit_code == 0  # SIGTERM is a clean stop ...
    assert not running.auth_dir.exists()  # ... that removes the throw-away store and its password


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as opened:
        yield opened


@pytest.fixture
def context(browser: Browser, dashboard: Dashboard) -> Iterator[BrowserContext]:
    opened = browser.new_context(viewport={"width": 1600, "height": 900})
    opened.grant_permissions(["clipboard-read", "clipboard-write"], origin=dashboard.url)
    try:
        yield opened
    finally:
        opened.close()


def _watch(page: Page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: problems.append(f"dialog: {d.message}"))
    return problems


def test_admin_reads_the_fleet_copies_the_fix_acknowledges_suppresses_and_logs_out(
    context: BrowserContext, dashboard: Dashboard
) -> None:
    page = context.new_page()
    problems = _watch(page)
    log_in(page, dashboard.url, "admin", dashboard.password())
    expect(page.locator("a.target-link")).to_have_text([TARGET])
    expect(page.locator("#score-definition")).to_contain_text("Score = 100")

    page.click("a.target-link")
    page.wait_for_url(f"**/target?name={TARGET}")
    expect(page.locator("dl.facts")).to_contain_text("3 cycles")
    assert page.locator("#attack-graph svg g.node").count() >= 4
    expect(page.locator("#attack-graph svg")).to_contain_text("anyone on the internet")
    expect(page.locator("ol.paths").first).to_contain_text("set a password for user default")
    fix = page.locator("ol.paths pre").first
    expect(fix).to_contain_text("password_sha256_hex")
    page.locator("ol.paths button.copy").first.click()
    expect(page.locator("ol.paths button.copy").first).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == fix.text_content()
    expect(page.locator("#findings details.group").first).to_be_visible()
    expect(page.locator("#inventory")).to_contain_text("log_stream")
    expect(page.locator("#timeline")).to_contain_text("sensitive_table_read_outside_allowlist")

    page.goto(f"{dashboard.url}/trends?target={TARGET}&days=7")
    expect(page.locator("#drift")).to_contain_text("sensitive_column_added")
    expect(page.locator("#drift")).to_contain_text("sensitive_column_removed")  # the cleanup

    page.goto(dashboard.url + "/alerts")
    rows = page.locator("tr.alert-row")
    before = rows.count()
    assert before >= 2
    acknowledged = rows.first.get_attribute("data-fingerprint")
    rows.first.locator("button.ack").click()
    page.wait_for_load_state()
    expect(page.locator("tr.alert-row")).to_have_count(before - 1)
    page.goto(dashboard.url + "/alerts?state=acknowledged")
    row = page.locator(f'tr.alert-row[data-fingerprint="{acknowledged}"]')
    expect(row).to_contain_text("acknowledged")
    expect(row).to_contain_text("by admin")

    page.goto(dashboard.url + "/alerts")
    first = page.locator("tr.alert-row").first
    suppressed = first.get_attribute("data-fingerprint")
    first.locator("details.action summary").click()
    form = first.locator("form.suppress")
    form.locator("textarea[name=reason]").fill("accepted for the demo: SEC-15")
    form.locator("input[name=expires]").fill((dt.date.today() + dt.timedelta(days=30)).isoformat())
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("tr.alert-row")).to_have_count(before - 2)
    page.goto(dashboard.url + "/alerts?state=suppressed")
    expect(page.locator(f'tr.alert-row[data-fingerprint="{suppressed}"]')).to_contain_text("suppressed")
    expect(page.locator("tr.suppression.active")).to_contain_text("accepted for the demo: SEC-15")
    expect(page.locator("tr.suppression.active")).to_contain_text("admin")

    page.click("#logout")
    page.wait_for_url("**/login")
    page.goto(dashboard.url + "/")
    page.wait_for_url("**/login**")
    assert problems == []


def test_a_viewer_sees_no_action_and_cannot_forge_one(context: BrowserContext, dashboard: Dashboard) -> None:
    password = UserStore(dashboard.auth_dir).add("vic", "viewer").read_text().strip()
    page = context.new_page()
    problems = _watch(page)
    log_in(page, dashboard.url, "vic", password)
    page.goto(dashboard.url + "/alerts")
    expect(page.locator("tr.alert-row").first).to_be_visible()
    assert page.locator("form.suppress").count() == 0 and page.locator("button.ack").count() == 0
    token = page.locator("input[name=csrf_token]").first.get_attribute("value")
    fingerprint = page.locator("tr.alert-row").first.get_attribute("data-fingerprint")
    expires = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    form = {
        "csrf_token": token or "", "target": TARGET, "fingerprint": fingerprint or "", "check": "x",
        "scope": "this", "reason": "viewer", "expires": expires,
    }  # fmt: skip
    answer = page.request.post(dashboard.url + "/suppressions", form=form, headers={"Origin": dashboard.url})
    assert answer.status == 403
    page.goto(dashboard.url + "/alerts?state=suppressed")
    expect(page.locator("tr.suppression.active")).not_to_contain_text("viewer")
    assert problems == []


@pytest.mark.parametrize("width", [800, 1600])
def test_every_page_is_drawn_at_800_and_1600_px(
    browser: Browser, dashboard: Dashboard, width: int, tmp_path: Path
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        problems = _watch(page)
        log_in(page, dashboard.url, "admin", dashboard.password())
        for path in PAGES:
            page.goto(dashboard.url + path)
            png = page.screenshot(path=str(tmp_path / f"{width}{path.replace('/', '_')}.png"))
            stats = image_stats(browser, png)
            assert stats["width"] == width and stats["colours"] > 20 and stats["dominant"] < 0.97, (path, stats)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, (path, width, overflow)  # wide tables scroll inside their own box
        assert problems == []
    finally:
        context.close()
