"""What the dashboard decides, as the watcher sees it (embedded store): a suppression accepted in the
dashboard stops the notifications it covers, keeps the alert's state, and ends with its expiry."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from chwarden.model import Severity
from chwarden.store import StoreSpec, actions, open_store
from chwarden.store import queries as q
from chwarden.watch.alerts import Notifier
from chwarden.watch.channels import Alert, AlertChannel
from chwarden.watch.config import AlertSettings
from chwarden.watch.cycle import CycleResult
from chwarden.watch.drift import Change

pytestmark = pytest.mark.embedded


class Collect(AlertChannel):
    name = "collect"

    def __init__(self) -> None:
        self.sent: list[Alert] = []

    def send(self, alert: Alert) -> None:
        self.sent.append(alert)


def _cycle(n: int) -> CycleResult:
    result = CycleResult("db1", "http://db1:8123", f"run-{n}", time.time())
    result.drift = [
        Change("port_opened", "db1:9000", Severity.MEDIUM, after="native auth=none"),
        Change("user_added", "bob", Severity.HIGH, after="password"),
    ]
    return result


def test_a_suppressed_alert_is_kept_but_not_sent_until_it_expires(tmp_path: Path) -> None:
    with open_store(StoreSpec(str(tmp_path / "store"))) as store:
        channel = Collect()
        notifier = Notifier(store, AlertSettings(renotify_after=0), [channel])
        notifier.process(_cycle(1))
        assert sorted(a.rule_id for a in channel.sent) == ["port_opened", "user_added"]
        record = actions.add_suppression(
            store, check="port_opened", resource="*", target="db1", fingerprint="", reason="planned migration",
            expires=dt.date.today() + dt.timedelta(days=7), actor="admin",
        )  # fmt: skip
        channel.sent.clear()
        notifier.process(_cycle(2))
        assert [a.rule_id for a in channel.sent] == ["user_added"]
        states = q.alert_states(store, "db1")
        port = next(s for s in states.values() if s.rule_id == "port_opened")
        assert port.status == "firing" and port.occurrences == 2  # still tracked, only not sent
        other = actions.add_suppression(
            store, check="user_added", resource="*", target="db2", fingerprint="", reason="another target",
            expires=dt.date.today() + dt.timedelta(days=7), actor="admin",
        )  # fmt: skip
        actions.revoke_suppression(store, record.suppression_id, "admin")
        actions.add_suppression(
            store, check="port_opened", resource="*", target="db1", fingerprint="", reason="expired yesterday",
            expires=dt.date.today() - dt.timedelta(days=1), actor="admin",
        )  # fmt: skip
        channel.sent.clear()
        notifier.process(_cycle(3))
        # revoked, expired, or for another target: nothing covers them any more
        assert sorted(a.rule_id for a in channel.sent) == ["port_opened", "user_added"]
        assert other.target == "db2"
