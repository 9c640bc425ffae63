"""Acceptance on a real 18.16 server: the attack catalogue raises the right alerts, the benign
workload (10,000 queries) raises none, and chwarden's own queries are never alerted on.

Cycle A learns (who connects from where, how much they read); benign traffic and every attack
but one run; cycle B must name each attack's rule, address, user and query ids. Then the query
log is truncated; cycle C must report the truncation (the statement and the vanished rows).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.harness import attacks
from tests.harness.ch18 import ClickHouse18Server
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
    found = detections(second)
    assert not missed(expected, found), [f"{e.attack}: {e.rule}" for e in missed(expected, found)]
    assert not _false_alerts(found), _false_alerts(found)
    for d in found:  # chwarden's own queries (tagged) never appear in an alert
        if d["rule_id"] != "forged_chwarden_tag":
            assert not any(q.startswith("chwarden-") for q in d["query_ids"]), d
    target = second["targets"][0]
    assert target["cost"]["own_queries_logged"] > 0  # the first cycle's queries were recognised as ours
    kinds = {(c["kind"], c["subject"]) for c in second["drift"]}
    assert ("user_added", "backdoor") in kinds  # the users.xml edit, seen in the config files
    assert second["alerts"], "alerts are produced for the detections"

    truncation = attacks.truncate_logs(scenario.http_url)
    settle(scenario)
    third = watch_once(config, store, home)
    assert not missed(truncation, detections(third)), detections(third)
