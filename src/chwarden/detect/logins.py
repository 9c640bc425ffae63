"""Login rules on events chwarden holds itself (a server log file), and its own login attempts.

The session_log rules' thresholds and grouping (``login:`` in rules.yaml) are applied here to
``LoginEvent``s parsed from an 18.x server's log file, with the same row shape as the SQL answers.
chwarden's audit tries ``default`` with an empty password on each port of the host; a refused try
is a failed login in the server's books, so each of chwarden's own attempts cancels one matching
failure (same user and address, within ``MATCH_SECONDS``) before thresholds are applied.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from chwarden.detect.catalog import Rule
from chwarden.detect.serverlog import LoginEvent, LogRead

KEEP_SECONDS = 1800  # events kept in the watermark for lookback windows across cycles
KEEP_EVENTS = 5000
MATCH_SECONDS = 60

OwnAttempt = tuple[int, str, str]  # (at, address, user)


def _cancel_own(events: list[LoginEvent], own: Sequence[OwnAttempt]) -> list[LoginEvent]:
    remaining = list(events)
    for at, address, user in own:
        for i, e in enumerate(remaining):
            if not e.success and e.user == user and e.address in (address, "") and abs(e.at - at) <= MATCH_SECONDS:
                del remaining[i]
                break
    return remaining


def next_position(previous: dict[str, Any] | None, read: LogRead, own: Sequence[OwnAttempt]) -> dict[str, Any]:
    """The new watermark: file position plus the recent events and own attempts (bounded)."""
    events = _raw_events(previous or {}) + read.events
    newest = max((e.at for e in events), default=0)
    events = [e for e in events if e.at > newest - KEEP_SECONDS][-KEEP_EVENTS:]
    own_all = [tuple(o) for o in (previous or {}).get("own", [])] + [tuple(o) for o in own]
    own_kept = [o for o in own_all if int(o[0]) > newest - KEEP_SECONDS][-KEEP_EVENTS:]
    return {
        **read.position,
        "events": [[e.at, e.user, e.address, int(e.success)] for e in events],
        "own": [list(o) for o in own_kept],
        "last_event": max(newest, int((previous or {}).get("last_event", 0))),
    }


def _raw_events(position: dict[str, Any]) -> list[LoginEvent]:
    return [
        LoginEvent(int(at), str(user), str(address), bool(ok)) for at, user, address, ok in position.get("events", [])
    ]


def events_of(position: dict[str, Any]) -> list[LoginEvent]:
    """The remembered events, with chwarden's own attempts cancelled."""
    own = [(int(at), str(address), str(user)) for at, address, user in position.get("own", [])]
    return _cancel_own(_raw_events(position), own)


def _row(
    key: str, value: str, group: list[LoginEvent], failed: list[LoginEvent], extra: dict[str, Any]
) -> dict[str, Any]:
    other = "user" if key == "address" else "address"
    return {
        key: value,
        other: ",".join(sorted({getattr(e, other) for e in group if getattr(e, other)})[:10]),
        "events": len(group),
        "failed": len(failed),
        "first_event": min(e.at for e in group),
        "last_event": max(e.at for e in group),
        "query_ids": [],
        "sample": "",
        **extra,
    }


def evaluate(rule: Rule, events: Iterable[LoginEvent], since: int) -> list[dict[str, Any]]:
    """Rows of one login rule over the events of its lookback window that end after ``since``."""
    assert rule.login is not None
    events = list(events)
    newest = max((e.at for e in events), default=0)
    window = [e for e in events if e.at > newest - max(rule.lookback, 1)]
    key = rule.login.per
    groups: dict[str, list[LoginEvent]] = {}
    for e in window:
        value = getattr(e, key)
        if key == "address" and not value:
            continue  # the log level did not record the address
        groups.setdefault(value, []).append(e)
    rows = []
    for value, group in sorted(groups.items()):
        if max(e.at for e in group) <= since:
            continue
        failed = [e for e in group if not e.success]
        kind = rule.login.kind
        if kind == "failures" and len(failed) >= rule.threshold("failures", 20):
            rows.append(_row(key, value, failed, failed, {}))
        elif kind == "spraying":
            users = {e.user for e in failed}
            if len(users) >= rule.threshold("distinct_users", 5):
                rows.append(_row(key, value, failed, failed, {"distinct_users": len(users)}))
        elif kind == "success_after_failures" and failed and len(failed) >= rule.threshold("failures", 5):
            first_failure = min(e.at for e in failed)
            wins = [e for e in group if e.success and e.at >= first_failure]
            if wins:
                row = _row(key, value, group, failed, {})
                row["user"] = ",".join(sorted({e.user for e in wins}))
                rows.append(row)
    return rows


def discount_own(rule: Rule, rows: list[dict[str, Any]], own: Sequence[OwnAttempt]) -> list[dict[str, Any]]:
    """Subtract chwarden's own refused logins from session_log counts, then re-apply the threshold."""
    if not own or rule.login is None:
        return rows
    out = []
    for row in rows:
        mine = sum(
            1
            for _, address, user in own
            if (rule.login.per == "address" and row.get("address") == address)
            or (rule.login.per == "user" and row.get("user") == user)
        )
        failed = max(0, int(row.get("failed", 0)) - mine)
        needed = rule.threshold("failures", 0)
        if rule.login.kind != "spraying" and failed < needed:
            continue
        out.append({**row, "failed": failed, "own_attempts_discounted": mine} if mine else row)
    return out
