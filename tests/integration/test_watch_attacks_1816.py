"""Acceptance on a real 18.16 server: the attack catalogue raises the right alerts, the benign
workload (10,000 queries) raises none, and chwarden's own queries are never alerted on.

Cycle A learns (who connects from where, how much they read); benign traffic and every attack
but one run; cycle B must name each attack's rule, address, user and query ids. Then the query
log is truncated; cycle C must report the truncation (the statement and the vanished rows).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.harness import attacks
from tests.harness.ch18 import ClickHouse18Server
from tests.harness.cli import run_chwarden
from tests.harness.session import Ch18Env
from tests.harness.watching import detections, missed, settle, watch_once, write_config

pytestmark = pytest.mark.server
ALERTING = ("medium", "high", "critical")


@pytest.fixture(scope="module")
def scenario(ch18_env: Ch18Env) -> Iterator[ClickHouse18Server]:
    host = ch18_env.next_host()
    root = ch18_env.root / "attack-scenario"
    server = ClickHouse18Server(
        "attack-scenario",
        host,
        root,
        attacks.configs.Variant(attacks.users_xml()),
        config_xml=attacks.scenario_config(host, root),
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _false_alerts(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Alerting detections that no attack explains (benign addresses, or none at all)."""
    return [
        d
        for d in found
        if d["severity"] in ALERTING
        and d["rule_id"] != "log_rows_vanished"
        and not any(a.startswith(attacks.ATTACK_PREFIX) for a in d["address"].split(","))
    ]


def test_attack_catalogue_on_1816(scenario: ClickHouse18Server, tmp_path: Path) -> None:
    admin = attacks.Actor(scenario.http_url, "127.0.0.1", "default")
    attacks.setup_data(admin)
    config = write_config(
        tmp_path / "watch.yaml",
        [
            {
                "url": scenario.http_url,
                "name": "scenario",
                "log_lag": 1,
                "allow": {"principals": ["app"]},
                "discover": {"every": 1, "sample_rows": 2000},
            }
        ],
    )
    store, home = str(tmp_path / "store"), tmp_path / "home"

    sent = attacks.benign_workload(scenario.http_url, 2_000, seed=1)
    settle(scenario)
    first = watch_once(config, store, home)
    assert first["targets"][0]["status"] == "complete", first["targets"][0]["errors"]
    assert not _false_alerts(detections(first)), _false_alerts(detections(first))

    sent += attacks.benign_workload(scenario.http_url, 8_000, seed=2)
    assert sent >= 10_000
    with attacks.listener(scenario.host, 18080) as listener_url:
        expected = attacks.attack_catalogue(scenario.http_url, listener_url, scenario.config_dir / "users.xml")
    settle(scenario)
    second = watch_once(config, store, home)
    assert second["targets"][0]["status"] == "complete", second["targets"][0]["errors"]
    found = detections(second)
    assert not missed(expected, found), [f"{e.attack}: {e.rule}" for e in missed(expected, found)]
    assert not _false_alerts(found), [(d["address"], d["user"], d["evidence"]) for d in _false_alerts(found)]
    for d in found:  # chwarden's own queries (tagged) never appear in an alert
        if d["rule_id"] != "forged_chwarden_tag":
            assert not any(q.startswith("chwarden-") for q in d["query_ids"]), d
    target = second["targets"][0]
    assert target["cost"]["own_queries_logged"] > 0  # the first cycle's queries were recognised as ours
    kinds = {(c["kind"], c["subject"]) for c in second["drift"]}
    assert ("user_added", "backdoor") in kinds  # the users.xml edit, seen in the config files
    assert second["alerts"], "alerts are produced for the detections"

    _investigate(scenario, store, home, tmp_path)

    truncation = attacks.truncate_logs(scenario.http_url)
    settle(scenario)
    third = watch_once(config, store, home)
    assert third["targets"][0]["status"] == "complete", third["targets"][0]["errors"]
    assert not missed(truncation, detections(third)), detections(third)


def _investigate(scenario: ClickHouse18Server, store: str, home: Path, tmp_path: Path) -> None:
    """`investigate`: the anonymous chat read is an incident with its address and query ids; the
    allowlisted app reads are in the timeline but are no finding; the logs say how far back they go."""
    out = tmp_path / "incident.json"
    result = run_chwarden(
        "investigate",
        scenario.http_url,
        "--since",
        "30d",
        "--store",
        store,
        "--name",
        "scenario",
        "--allow-principal",
        "app",
        "--format",
        "json",
        "--output",
        str(out),
        env={"XDG_DATA_HOME": str(home)},
    )
    assert result.returncode == 1, result.stderr
    report = json.loads(out.read_text())
    readers = {
        (f["evidence"]["principal"], f["evidence"]["address"], f["evidence"]["table"]) for f in report["findings"]
    }
    assert ("default", "127.0.9.11", "app.chat_log") in readers
    assert not any(principal == "app" for principal, _, _ in readers)
    chat = next(f for f in report["findings"] if f["evidence"]["address"] == "127.0.9.11")
    assert {"atk-chat-0", "atk-chat-1"} <= set(chat["evidence"]["query_ids"]) and chat["severity"] == "critical"
    kinds = {(e["kind"], e["principal"], e["outside_allowlist"]) for e in report["timeline"]}
    assert ("read", "app", False) in kinds and ("read", "default", True) in kinds
    assert any(e["kind"] == "alert" for e in report["timeline"])  # the watch's detections, from the store
    query_log = next(c for c in report["log_coverage"] if c["log"] == "query_log")
    assert query_log["present"] and "unknown" in query_log["note"]  # 30 days asked, the log is younger
    assert not next(c for c in report["log_coverage"] if c["log"] == "session_log")["present"]
    for fmt in ("markdown", "html", "terminal", "sarif"):
        rendered = run_chwarden(
            "investigate",
            scenario.http_url,
            "--since",
            "1d",
            "--no-store",
            "--allow-principal",
            "app",
            "--format",
            fmt,
            env={"XDG_DATA_HOME": str(home)},
        )
        assert rendered.returncode == 1, rendered.stderr
        assert "127.0.9.11" in rendered.stdout and "imeline" in rendered.stdout, fmt
