"""Acceptance on a real 18.16 server: drift is exactly what changed, undoing it resolves the
findings, and a restarted watch (SIGTERM, then a new process) loses nothing.

Changes: a native port opened, the `default` password removed (both ports now take anonymous
queries), a database added to a user's allow_databases, a secret written into a table.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chwarden.demo.instance import demo_rows
from tests.harness import configs
from tests.harness.ch18 import ClickHouse18Server
from tests.harness.cli import CREDENTIAL_VARS
from tests.harness.fake_services import webhook_receiver
from tests.harness.session import Ch18Env
from tests.harness.watching import settle, watch_once, write_config

pytestmark = pytest.mark.server
AUDITOR = "Aud-watch-5d21"
DEFAULT = "Def-watch-8c03"
ROUND_TIMEOUT = 120.0


def _users(default_password: bool, analyst_databases: tuple[str, ...]) -> str:
    default = configs.user("default", sha256_of=DEFAULT) if default_password else configs.user("default")
    return configs.users_file(
        configs.LOGGED_PROFILE,
        default
        + configs.user("auditor", sha256_of=AUDITOR)
        + configs.user("analyst", password="an-pass", databases=analyst_databases),
        configs.UNLIMITED_QUOTA,
    )


class DriftServer:
    """One 18.16 server whose config the test changes and restarts (data kept)."""

    def __init__(self, env: Ch18Env) -> None:
        self.host = env.next_host()
        self.root = env.root / "drift"
        self.server: ClickHouse18Server | None = None

    def start(self, *, native: bool, default_password: bool, analyst_databases: tuple[str, ...]) -> ClickHouse18Server:
        if self.server is not None:
            self.server.stop()
        variant = configs.Variant(_users(default_password, analyst_databases), admin=("auditor", AUDITOR))
        config = configs.server_config(self.host, self.root, variant, None)
        if not native:
            config = config.replace(f"<tcp_port>{configs.TCP_PORT}</tcp_port>", "")
        self.server = ClickHouse18Server("drift", self.host, self.root, variant, config_xml=config).start()
        self.server.passwords["auditor"] = AUDITOR
        return self.server


@pytest.fixture
def drift_server(ch18_env: Ch18Env) -> Iterator[DriftServer]:
    holder = DriftServer(ch18_env)
    try:
        yield holder
    finally:
        if holder.server is not None:
            holder.server.stop()


def _facts(summary: dict[str, Any]) -> set[tuple[str, str]]:
    """Drift events other than finding events, as (kind, subject)."""
    return {(c["kind"], c["subject"]) for c in summary["drift"] if not c["kind"].startswith("finding_")}


def _findings(summary: dict[str, Any], kind: str) -> set[str]:
    return {c["fingerprint"] for c in summary["drift"] if c["kind"] == kind}


def _one_round_in_background(config: Path, store: str, home: Path) -> dict[str, Any]:
    """Run the long-lived watcher until it prints one round, then SIGTERM it: it must exit 0."""
    env = {k: v for k, v in os.environ.items() if k not in CREDENTIAL_VARS}
    env.update({"XDG_DATA_HOME": str(home), "AUDITOR_PASSWORD": AUDITOR})
    argv = [sys.executable, "-m", "chwarden", "watch", "--config", str(config), "--store", store]
    proc = subprocess.Popen(
        [*argv, "--format", "json", "--interval", "2s"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # one JSON line per round; bounded by the round's own deadlines
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=ROUND_TIMEOUT) == 0, proc.stderr.read() if proc.stderr else ""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
    summary: dict[str, Any] = json.loads(line)
    return summary


def test_drift_resolve_and_restart(drift_server: DriftServer, tmp_path: Path) -> None:
    server = drift_server.start(native=False, default_password=True, analyst_databases=("app",))
    server.admin_query("CREATE DATABASE app")
    server.admin_query("CREATE TABLE app.notes (id UInt32, text String) ENGINE = MergeTree ORDER BY id")
    server.admin_query("INSERT INTO app.notes SELECT number, concat('note ', toString(number)) FROM numbers(50)")
    store, home = str(tmp_path / "store"), tmp_path / "home"
    with webhook_receiver("127.0.0.1") as (hook, received):
        config = write_config(
            tmp_path / "watch.yaml",
            [
                {
                    "url": server.http_url,
                    "name": "drift",
                    "user": "auditor",
                    "password_env": "AUDITOR_PASSWORD",
                    "log_lag": 1,
                    "discover": {"every": 1, "sample_rows": 1000},
                }
            ],
            alerts={"channels": [{"type": "webhook", "url": hook, "min_severity": "medium"}]},
        )
        env = {"AUDITOR_PASSWORD": AUDITOR}
        first = watch_once(config, store, home, env=env)
        assert first["targets"][0]["status"] == "complete", first["targets"][0]["errors"]
        assert first["drift"] == []  # the first cycle is the baseline

        server = drift_server.start(native=True, default_password=False, analyst_databases=("app", "secrets"))
        key = next(row[2] for row in demo_rows(50) if "sk-" in row[2]).split("sk-", 1)[1][:32]
        server.admin_query(f"INSERT INTO app.notes VALUES (999, 'deploy with key sk-{key} tonight')")
        settle(server)
        changed = watch_once(config, store, home, env=env)
        host = server.host
        assert _facts(changed) == {
            ("port_opened", f"{host}:9000"),
            ("port_open_without_password", f"{host}:9000"),
            ("port_open_without_password", f"{host}:8123"),
            ("password_removed", "default"),
            ("grant_changed", "analyst allow_databases"),
            ("sensitive_column_added", "app.notes.text"),
        }
        opened = _findings(changed, "finding_new")
        assert opened
        # the only findings that close: those the removed password caused (its hash, its auth errors)
        closed = {c["subject"].split(" ", 1)[0] for c in changed["drift"] if c["kind"] == "finding_resolved"}
        assert closed == {"unsalted_sha256_password", "stack_traces_sent_to_clients"}
        closed_fingerprints = _findings(changed, "finding_resolved")
        sent_after_change = len(received)
        assert sent_after_change > 0
        assert all(f"sk-{key}" not in json.dumps(body) for body in received)  # secrets never leave

        restarted = _one_round_in_background(config, store, home)
        assert restarted["drift"] == [] and restarted["alerts"] == []  # nothing lost, nothing repeated
        assert len(received) == sent_after_change

        server = drift_server.start(native=False, default_password=True, analyst_databases=("app",))
        server.admin_query("ALTER TABLE app.notes DELETE WHERE id = 999")
        deadline = time.monotonic() + 30
        while server.admin_query("SELECT count() FROM app.notes WHERE id = 999").strip() != "0":
            assert time.monotonic() < deadline, "mutation did not finish"
            time.sleep(0.1)
        settle(server)
        undone = watch_once(config, store, home, env=env)
        assert _facts(undone) == {
            ("port_closed", f"{host}:9000"),
            ("port_password_required", f"{host}:8123"),
            ("password_set", "default"),
            ("grant_changed", "analyst allow_databases"),
            ("sensitive_column_removed", "app.notes.text"),
        }
        assert _findings(undone, "finding_resolved") == opened
        assert _findings(undone, "finding_reopened") == closed_fingerprints
        assert not _findings(undone, "finding_new")
        resolved = [b for b in received[sent_after_change:] if b.get("status") == "resolved"]
        assert (
            {b["alert"]["fingerprint"] for b in resolved}
            >= opened
            & {  # type: ignore[index]
                b["alert"]["fingerprint"]
                for b in received[:sent_after_change]  # type: ignore[index]
            }
        )
