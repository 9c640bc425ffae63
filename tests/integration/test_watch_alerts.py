"""Alerts reach a local JSON webhook, a Slack-compatible webhook and a local SMTP server (aiosmtpd),
rate-limited and deduplicated, with no secret in any of them; /metrics is scraped and parsed."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from chwarden.connect.querytag import QueryTagger
from chwarden.demo.instance import demo_rows
from chwarden.store import StoreSpec, open_store
from chwarden.watch.alerts import Notifier
from chwarden.watch.channels import build_channels
from chwarden.watch.config import WatchConfig
from chwarden.watch.metrics import WatchMetrics
from chwarden.watch.runner import Watch
from chwarden.watch.setup import CliOverrides, build_targets
from tests.harness.attacks import Actor
from tests.harness.fake_services import webhook_receiver
from tests.harness.session import Ch18Env
from tests.harness.watching import settle

pytestmark = pytest.mark.server
URL_PASSWORD = "Hunter2-url-secret"


@contextmanager
def smtp_server(host: str) -> Iterator[tuple[int, list[str]]]:
    """aiosmtpd on ``host``: yields (port, the list that fills with received messages)."""
    from aiosmtpd.controller import Controller

    received: list[str] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            received.append(envelope.content.decode("utf-8", "replace"))
            return "250 OK"

    controller = Controller(Handler(), hostname=host, port=2525)
    controller.start()
    try:
        yield 2525, received
    finally:
        controller.stop()
        asyncio.set_event_loop(None)


def test_alerts_channels_rate_limit_dedup_and_metrics(ch18_factory: Any, ch18_env: Ch18Env, tmp_path: Path) -> None:
    server = ch18_factory()
    key = next(row[2] for row in demo_rows(50) if "sk-" in row[2]).split("sk-", 1)[1][:32]
    attacker = Actor(server.http_url, "127.0.9.31", "default")
    attacker.query(f"SELECT * FROM url('http://admin:{URL_PASSWORD}@127.0.0.1:1/x', CSV, 'a String')")
    attacker.query(f"SELECT 'rotate sk-{key} now'")
    attacker.query("SELECT * FROM system.users")
    settle(server)
    smtp_host = ch18_env.next_host()
    with (
        webhook_receiver("127.0.0.1") as (hook, hooked),
        webhook_receiver("127.0.0.1") as (slack, slacked),
        smtp_server(smtp_host) as (smtp_port, mails),
    ):
        config = WatchConfig.model_validate(
            {
                "targets": [{"url": server.http_url, "name": "alerts", "log_lag": 1, "discover": {"enabled": False}}],
                "alerts": {
                    "rate_per_minute": 2,
                    "channels": [
                        {"type": "webhook", "url": hook},
                        {"type": "slack", "url": slack},
                        {"type": "email", "host": smtp_host, "port": smtp_port}
                        | {"from": "w@example.org", "to": ["s@example.org"]},
                    ],
                },
            }
        )
        targets = build_targets(config, CliOverrides())
        store = open_store(StoreSpec(str(tmp_path / "store")))
        metrics = WatchMetrics()
        try:
            host, port = metrics.serve("127.0.0.1:0")
            watch = Watch(
                targets,
                store,
                QueryTagger(b"alerts-test-key-0123456789abcdef"),
                Notifier(store, config.alerts, build_channels(list(config.alerts.channels))),
                metrics=metrics,
            )
            summary = watch.run_round(targets)
            sent = (len(hooked), len(slacked), len(mails))
            again = watch.run_round(targets)  # nothing new: nothing is sent again
            scraped = httpx.get(f"http://{host}:{port}/metrics", timeout=10).text
        finally:
            metrics.close()
            store.close()
        assert summary["targets"][0]["status"] == "complete"
        assert len(summary["alerts"]) > 2  # more alerts than the rate limit lets through
        assert sent == (len(hooked), len(slacked), len(mails)) and again["alerts"] == []
        # two alerts per channel, then one summary of what the limit held back
        assert [b["status"] for b in hooked[:2]] == ["firing", "firing"] and len(hooked) == 3
        assert "held back by the rate limit" in hooked[2]["alert"]["summary"]  # type: ignore[index]
        assert all("text" in b and "blocks" in b for b in slacked) and len(slacked) == 3
        assert len(mails) >= 2 and all("Subject: [chwarden]" in m for m in mails)
        everything = json.dumps(hooked) + json.dumps(slacked) + "".join(mails)
        assert URL_PASSWORD not in everything and f"sk-{key}" not in everything
        assert "127.0.9.31" in everything  # the alert names the attacker's address
    families = {f.name: f for f in text_string_to_metric_families(scraped)}
    findings = {s.labels["severity"]: s.value for s in families["chwarden_findings"].samples}
    assert findings["critical"] > 0
    last = families["chwarden_last_successful_cycle_timestamp_seconds"].samples
    assert last and last[0].labels["target"] == "alerts" and last[0].value > 0
    alerts = [s for s in families["chwarden_alerts"].samples if s.name == "chwarden_alerts_total"]
    assert sum(s.value for s in alerts) == len(summary["alerts"])
