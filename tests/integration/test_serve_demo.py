"""``chwarden demo --serve``: the demo's three watch cycles in a throw-away store, served until stopped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.harness.dashboard import Dashboard, login, serving
from tests.harness.session import Ch18Env

pytestmark = pytest.mark.embedded
DEMO_TIMEOUT = 300.0


def test_demo_serve_shows_the_drift_the_attack_and_the_fix(ch18_env: Ch18Env, tmp_path: Path) -> None:
    host = ch18_env.next_host()
    dashboard = Dashboard(f"http://{host}:8765", host, tmp_path, tmp_path / "demo.log")
    argv = ["demo", "--serve", "--host", host, "--workdir", str(tmp_path / "work"), "--html", str(tmp_path / "r.html")]
    with serving(argv, dashboard, timeout=DEMO_TIMEOUT):
        log = dashboard.log.read_text()
        assert "sensitive_column_added default.keys_backup.api_key" in log and "cycle 3" in log
        found = re.search(r"its password is in (\S+) \(readable only by you\)", log)
        assert found, log
        password_file = Path(found.group(1))
        client = dashboard.client()
        login(client, "admin", password_file.read_text().strip())
        assert "deepseek-like" in client.get("/").text
        target = client.get("/target?name=deepseek-like").text
        assert "3 cycles" in target and "set a password for user default" in target
        trends = client.get("/trends?target=deepseek-like&days=7").text
        assert "sensitive_column_added" in trends and "sensitive_column_removed" in trends
    assert dashboard.exit_code == 0
    assert not password_file.exists()  # the throw-away store and its password are gone
