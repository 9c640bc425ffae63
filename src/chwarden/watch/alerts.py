"""From detections and drift to alerts: dedup per fingerprint, resolve messages, rate limits.

The alert state lives in the store (firing/resolved, when last notified), so a restarted watcher
neither repeats nor forgets an alert. An alert that a suppression accepted in the dashboard
(``store.actions``, the CLI's matching) keeps its state but is not sent. A firing alert is
notified once and again only after ``renotify_after``; a finding's alert resolves when the finding
closes, a detection's or drift's after ``resolve_after`` without new events. Each channel sends at
most ``rate_per_minute`` messages; what the limit held back is summarised in one message at the end
of the cycle.
"""

from __future__ import annotations

import fnmatch
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from chwarden.model import Finding, Severity
from chwarden.store import Store, actions, store_time
from chwarden.store import queries as q
from chwarden.store.store import parse_store_time
from chwarden.suppress import Suppression
from chwarden.watch.channels import Alert, AlertChannel, ChannelError
from chwarden.watch.config import AlertSettings
from chwarden.watch.cycle import CycleResult
from chwarden.watch.secrets import scrub

FINDING_KINDS = ("finding_new", "finding_reopened")


def _detection_alert(result: CycleResult, d: Any) -> Alert:
    when = f"{store_time(d.first_event)}..{store_time(d.last_event)} UTC"
    who = f"user {d.user or '?'} from {d.address or 'unknown address'}"
    failed = f", {d.failed} refused" if d.failed else ""
    return Alert(
        fingerprint=d.fingerprint,
        target=result.name,
        source="detection",
        rule_id=d.rule_id,
        severity=d.severity,
        title=d.title,
        status="firing",
        summary=scrub(f"{d.events} event(s){failed} by {who}, {when}"),
        details={
            "addresses": [a for a in d.address.split(",") if a],
            "users": [u for u in d.user.split(",") if u],
            "query_ids": list(d.query_ids),
            "events": d.events,
            "failed": d.failed,
            "first_event": store_time(d.first_event),
            "last_event": store_time(d.last_event),
            "technique": d.technique,
            "sample": scrub(d.sample),
            "evidence": {k: scrub(v) if isinstance(v, str) else v for k, v in d.evidence.items()},
        },
    )


def _change_alert(result: CycleResult, change: Any) -> Alert:
    finding = change.kind in FINDING_KINDS or change.kind == "finding_resolved"
    title = change.detail.get("title") if finding else change.kind.replace("_", " ")
    move = f" ({change.before} -> {change.after})" if change.before or change.after else ""
    return Alert(
        fingerprint=change.key,
        target=result.name,
        source="finding" if finding else "drift",
        rule_id=change.kind if not finding else change.subject.split(" ", 1)[0],
        severity=change.severity,
        title=str(title or change.kind),
        status="resolved" if change.kind == "finding_resolved" else "firing",
        summary=scrub(f"{change.kind.replace('_', ' ')}: {change.subject}{move}"),
        details={"resource": scrub(change.subject), "change": change.kind},
    )


class RateLimiter:
    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._sent: dict[str, deque[float]] = {}
        self.held: dict[str, int] = {}
        self._lock = threading.Lock()

    def allow(self, channel: str) -> bool:
        now = time.monotonic()
        with self._lock:
            sent = self._sent.setdefault(channel, deque())
            while sent and sent[0] < now - 60:
                sent.popleft()
            if len(sent) >= self.per_minute:
                self.held[channel] = self.held.get(channel, 0) + 1
                return False
            sent.append(now)
            return True

    def take_held(self) -> dict[str, int]:
        with self._lock:
            held, self.held = self.held, {}
        return held


@dataclass
class Notifier:
    store: Store
    settings: AlertSettings
    channels: Sequence[AlertChannel]
    limiter: RateLimiter = field(init=False)

    def __post_init__(self) -> None:
        self.limiter = RateLimiter(self.settings.rate_per_minute)
        self._lock = threading.Lock()

    def candidates(self, result: CycleResult) -> list[Alert]:
        wanted = self.settings.min_severity
        alerts = [_detection_alert(result, d) for d in result.detections if d.severity.at_least(wanted)]
        for change in result.drift:
            if change.kind == "finding_resolved" or change.severity.at_least(wanted):
                alerts.append(_change_alert(result, change))
        return alerts

    def accepted(self, target: str) -> Callable[[Alert], bool]:
        """Whether a suppression in force today (kept in the store by the dashboard) covers an alert."""
        today = datetime.fromtimestamp(time.time(), timezone.utc).date()
        entries = [
            Suppression.model_validate(r.entry()) for r in actions.suppressions(self.store) if not r.expired(today)
        ]
        entries = [e for e in entries if fnmatch.fnmatchcase(target, e.target)]

        def covers(alert: Alert) -> bool:
            if not entries:
                return False
            resource = str(alert.details.get("resource", "")) if alert.source == "finding" else ""
            subject = Finding(
                check_id=alert.rule_id, title=alert.title, severity=alert.severity, target=alert.target,
                resource=resource.split(" ", 1)[1] if " " in resource else resource, fingerprint=alert.fingerprint,
            )  # fmt: skip
            return any(e.matches(subject) for e in entries)

        return covers

    def process(self, result: CycleResult) -> list[Alert]:
        """Decide, persist and send this cycle's alerts for one target; returns those notified."""
        now = time.time()
        states = q.alert_states(self.store, result.name)
        accepted = self.accepted(result.name)
        rows: list[dict[str, Any]] = []
        to_send: list[Alert] = []
        seen: set[str] = set()
        for alert in self.candidates(result):
            seen.add(alert.fingerprint)
            state = states.get(alert.fingerprint)
            if alert.status == "resolved":
                if state is not None and state.status == "firing":
                    rows.append(self._row(alert, state, now, notified=True))
                    to_send.append(alert)
                continue
            firing = state is not None and state.status == "firing"
            last_notified = parse_store_time(state.notified_at).timestamp() if firing and state else 0.0
            notify = (not firing or now - last_notified >= self.settings.renotify_after) and not accepted(alert)
            rows.append(self._row(alert, state if firing else None, now, notified=notify))
            if notify:
                to_send.append(alert)
        for fp, state in states.items():
            if fp in seen or state.status != "firing" or state.source == "finding":
                continue
            if now - parse_store_time(state.last_at).timestamp() >= self.settings.resolve_after:
                alert = Alert(
                    fp, result.name, state.source, state.rule_id, Severity(state.severity), state.title,
                    "resolved", f"no new events for {int(self.settings.resolve_after)} s: {state.summary}",
                )  # fmt: skip
                rows.append(self._row(alert, state, now, notified=True))
                to_send.append(alert)
        if rows:
            self.store.write("alerts", rows)
        self._send(to_send)
        result.alerts = [a.as_dict() for a in to_send]
        return to_send

    def _row(self, alert: Alert, state: q.AlertState | None, now: float, notified: bool) -> dict[str, Any]:
        at = store_time(now)
        return {
            "fingerprint": alert.fingerprint,
            "target": alert.target,
            "source": alert.source,
            "rule_id": alert.rule_id,
            "severity": alert.severity.value,
            "title": alert.title,
            "status": alert.status,
            "first_at": state.first_at if state else at,
            "last_at": at,
            "notified_at": at if notified else (state.notified_at if state else at),
            "resolved_at": at if alert.status == "resolved" else store_time(0),
            "occurrences": (state.occurrences if state else 0) + (1 if alert.status == "firing" else 0),
            "summary": alert.summary[:1000],
            "version": time.time_ns() // 1000,
        }

    def _send(self, alerts: Sequence[Alert]) -> None:
        deliveries = []
        for alert in alerts:
            for channel in self.channels:
                if not channel.wants(alert) or not self.limiter.allow(channel.name):
                    continue
                deliveries.append(self._deliver(channel, alert))
        if deliveries:
            self.store.write("deliveries", deliveries)

    def _deliver(self, channel: AlertChannel, alert: Alert) -> dict[str, Any]:
        error = ""
        try:
            channel.send(alert)
        except ChannelError as exc:
            error = str(exc)
        return {
            "at": store_time(),
            "fingerprint": alert.fingerprint,
            "channel": channel.name,
            "kind": alert.status if alert.source != "summary" else "summary",
            "ok": int(not error),
            "error": error[:500],
        }

    def flush(self) -> None:
        """One message per channel about the alerts its rate limit held back this cycle."""
        held = self.limiter.take_held()
        deliveries = []
        for channel in self.channels:
            count = held.get(channel.name, 0)
            if not count:
                continue
            summary = Alert(
                f"rate-limit-{int(time.time())}", "*", "summary", "rate_limit", Severity.INFO,
                f"{count} alert(s) not sent", "firing",
                f"{count} alert(s) were held back by the rate limit ({self.settings.rate_per_minute}/min); "
                "they are in the store (chwarden.alerts).",
            )  # fmt: skip
            deliveries.append(self._deliver(channel, summary))
        if deliveries:
            self.store.write("deliveries", deliveries)
