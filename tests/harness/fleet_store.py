"""A generated findings store the size of a fleet: N targets x D days of daily watch cycles.

Rows are built with the store's own record functions (``finding_rows``, ``path_rows``,
``sensitive_rows``) from ``Finding``/``AttackPath``/``SensitiveData`` objects whose checks,
titles, severities and fixes come from the real check registry, and they evolve the way watch
writes them: every cycle keeps its findings and the state of every open finding; findings resolve,
reopen and appear; facts drift (ports, passwords, users, grants, sensitive columns, versions);
detections and alerts fire and resolve; discover runs weekly. One INSERT per table per day keeps
the number of parts what a real store of that age has after its merges.

Used by ``bench/bench_serve.py`` (100 targets x 90 days) and the dashboard tests (a few targets);
``python -m tests.harness.fleet_store DIR|URL [TARGETS DAYS]`` only generates.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from chwarden.checks.registry import finding_fingerprint, iter_metas
from chwarden.model import AttackPath, Finding, Remediation, SensitiveData, Severity
from chwarden.store import Store, open_store, store_spec, store_time
from chwarden.store.records import empty_time, finding_rows, path_rows, sensitive_rows, to_json

VERSIONS = ("18.16.1", "22.8.21.38", "23.8.16.40", "24.3.18.7", "24.8.14.39", "25.3.6.56", "25.8.2.29", "26.9.2.1")
REGIONS = ("eu-west", "eu-central", "us-east", "us-west", "ap-south")
DRIFT = (
    ("port_opened", "medium"), ("port_open_without_password", "critical"), ("user_added", "high"),
    ("password_removed", "critical"), ("grant_changed", "high"), ("sensitive_column_added", "high"),
    ("version_changed", "info"), ("user_removed", "medium"), ("role_grant_added", "high"),
)  # fmt: skip
RULES = (
    ("sensitive_table_read_outside_allowlist", "high", "T1213 Data from Information Repositories"),
    ("mass_read", "high", "T1530 Data from Cloud Storage"),
    ("brute_force_by_address", "medium", "T1110 Brute Force"),
    ("new_address_for_user", "medium", "T1078 Valid Accounts"),
    ("log_tampering", "critical", "T1070 Indicator Removal"),
)
USERS = ("default", "app", "grafana", "etl", "analyst", "backup", "readonly", "admin")
TABLES = ("chat_log", "api_keys", "customers", "events", "sessions", "payments", "audit_trail", "metrics")
MIN_SEVERITY_ALERT = ("medium", "high", "critical")


@dataclass
class TargetState:
    name: str
    version: str
    anonymous: bool
    candidates: list[Finding]
    open: dict[str, Finding] = field(default_factory=dict)
    first_seen: dict[str, str] = field(default_factory=dict)
    reopened: dict[str, int] = field(default_factory=dict)
    resolved: dict[str, Finding] = field(default_factory=dict)
    alerts: dict[str, dict[str, Any]] = field(default_factory=dict)


def _findings_for(name: str, rng: random.Random, metas: list[Any]) -> list[Finding]:
    """40-60 (check, resource) pairs a target of this fleet can have, with evidence and fixes."""
    chosen = rng.sample(metas, k=min(len(metas), rng.randint(25, 40)))
    found: list[Finding] = []
    for meta in chosen:
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            user = rng.choice(USERS)
            table = rng.choice(TABLES)
            resource = rng.choice((f"user:{user}", f"table:default.{table}", f"profile:{user}", "server"))
            found.append(
                Finding(
                    check_id=meta.id,
                    title=meta.title,
                    severity=meta.severity,
                    target=name,
                    resource=resource,
                    evidence={
                        "user": user,
                        "table": f"default.{table}",
                        "networks": ["::/0"],
                        "rows": rng.randint(1, 10**6),
                    },
                    remediation=Remediation(
                        text=meta.remediation,
                        sql=f"REVOKE ALL ON default.{table} FROM {user};" if meta.category == "privileges" else None,
                        xml=f"<clickhouse><users><{user}><networks><ip>10.0.0.0/8</ip></networks></{user}></users></clickhouse>"
                        if meta.category in ("authentication", "network")
                        else None,
                    ),
                    category=meta.category,
                    fingerprint=finding_fingerprint(meta.id, name, resource),
                )
            )
    unique = {f.fingerprint: f for f in found}
    return list(unique.values())


def _paths(state: TargetState, rng: random.Random) -> list[AttackPath]:
    paths = []
    for n in range(rng.randint(1, 4)):
        table = TABLES[(n + len(state.name)) % len(TABLES)]
        user = "default" if state.anonymous and n == 0 else rng.choice(USERS)
        steps = [
            {"id": "net:any" if state.anonymous else f"net:{state.name}:internal", "kind": "network",
             "label": "anyone on the internet" if state.anonymous else "clients on the internal network (10.0.0.0/8)"},
            {"id": f"ep:{state.name}", "kind": "endpoint", "label": f"{state.name}:8123 http"},
            {"id": f"user:{state.name}:{user}", "kind": "principal", "anonymous": state.anonymous and n == 0,
             "label": f"{'anonymous → ' if state.anonymous and n == 0 else ''}user {user}"},
            {"id": f"table:default.{table}", "kind": "table", "label": f"SELECT on default.{table}"},
            {"id": f"data:default.{table}", "kind": "data", "label": f"secret ({rng.randint(10, 9999)} rows, sampled)"},
        ]  # fmt: skip
        severity = Severity.CRITICAL if state.anonymous and n == 0 else Severity.HIGH
        paths.append(
            AttackPath(
                severity=severity,
                steps=steps,
                summary=" → ".join(s["label"] for s in steps),
                score=round(rng.uniform(0.2, 0.95), 2),
                fix=Remediation(sql=f"ALTER USER {user} IDENTIFIED WITH sha256_password BY '...'"),
                fix_action=f"set a password for user {user}",
            )
        )
    return paths


def _inventory(state: TargetState, rng: random.Random) -> list[SensitiveData]:
    return [
        SensitiveData(
            target=state.name, database="default", table=table, column=column, detector=detector,
            category=category, rows_matched=rng.randint(1, 5000), rows_scanned=5000, sampled=True,
            examples=["sk-1234…[sha256:0a1b2c3d]"],
        )
        for table, column, detector, category in (
            ("chat_log", "message", "openai_api_key", "secret"), ("customers", "email", "email", "personal"),
            ("api_keys", "key", "generic_api_key", "secret"), ("sessions", "token", "bearer_token", "secret"),
        )
    ]  # fmt: skip


class Generator:
    def __init__(self, targets: int, days: int, seed: int = 15) -> None:
        self.rng = random.Random(seed)
        metas = list(iter_metas())
        self.days = days
        self.targets = []
        for i in range(targets):
            name = f"ch-{REGIONS[i % len(REGIONS)]}-{i:03d}"
            self.targets.append(
                TargetState(
                    name=name,
                    version=self.rng.choice(VERSIONS),
                    anonymous=self.rng.random() < 0.2,
                    candidates=_findings_for(name, self.rng, metas),
                )
            )
        for state in self.targets:
            for f in self.rng.sample(state.candidates, k=int(len(state.candidates) * 0.7)):
                state.open[f.fingerprint or ""] = f

    def day(self, store: Store, day: datetime) -> dict[str, int]:
        rng = self.rng
        rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for state in self.targets:
            started = day + timedelta(hours=3, seconds=rng.randint(0, 3600))
            at = store_time(started + timedelta(seconds=rng.randint(5, 60)))
            run_id = f"watch-{started:%Y%m%dT%H%M%SZ}-{hashlib.sha256(state.name.encode()).hexdigest()[:6]}"
            failed = rng.random() < 0.01
            changes: list[tuple[str, str, str, str, str, str]] = []  # kind, subject, severity, fp, before, after
            if not failed:
                closing = [fp for fp in state.open if rng.random() < 0.02]
                opening = [fp for fp in state.resolved if rng.random() < 0.05]
                for fp in closing:
                    f = state.resolved[fp] = state.open.pop(fp)
                    changes.append(("finding_resolved", f"{f.check_id} {f.resource}", f.severity.value, fp, "", ""))
                for fp in opening:
                    f = state.open[fp] = state.resolved.pop(fp)
                    state.reopened[fp] = state.reopened.get(fp, 0) + 1
                    changes.append(("finding_reopened", f"{f.check_id} {f.resource}", f.severity.value, fp, "", ""))
                for f in state.candidates:
                    fp = f.fingerprint or ""
                    if fp not in state.open and fp not in state.resolved and rng.random() < 0.004:
                        state.open[fp] = f
                        changes.append(("finding_new", f"{f.check_id} {f.resource}", f.severity.value, fp, "", ""))
                if rng.random() < 0.05:
                    kind, severity = rng.choice(DRIFT)
                    subject = rng.choice(
                        (f"{state.name}:9000", rng.choice(USERS), f"default.{rng.choice(TABLES)}.secret")
                    )
                    key = hashlib.sha256(f"{kind}|{subject}".encode()).hexdigest()[:16]
                    changes.append((kind, subject, severity, key, "", "changed"))
            counts = {s.value: 0 for s in Severity}
            for f in state.open.values():
                counts[f.severity.value] += 1
            rows["target_cycles"].append(
                {
                    "run_id": run_id, "target": state.name, "url": f"http://{state.name}.internal:8123",
                    "started_at": store_time(started), "finished_at": at, "status": "failed" if failed else "complete",
                    "errors": ["connection refused"] if failed else [],
                    "server_version": "" if failed else state.version,
                    "snapshot_hash": "", "discovered": int(day.weekday() == 0 and not failed),
                    **{f"findings_{s}": n for s, n in counts.items()},
                    "detections": 0, "alerts": 0, "anonymous_access": int(state.anonymous and not failed),
                    "exposed_ports": [f"{state.name}:8123/http"] if state.anonymous else [],
                    "queries": 120, "own_rows_read": 20000, "log_rows_read": 0, "not_checked": "[]",
                    "duration_ms": rng.randint(2000, 9000),
                }
            )  # fmt: skip
            if failed:
                continue
            rows["findings"] += finding_rows(run_id, at, state.name, state.open.values())
            version = int(started.timestamp() * 1_000_000)
            for fp, f in state.open.items():
                state.first_seen.setdefault(fp, at)
                rows["finding_states"].append(self._state(state, f, "open", at, run_id, version))
            for kind, subject, severity, fp, before, after in changes:
                if kind == "finding_resolved":
                    rows["finding_states"].append(
                        self._state(state, state.resolved[fp], "resolved", at, run_id, version)
                    )
                rows["changes"].append(
                    {
                        "run_id": run_id, "at": at, "target": state.name, "kind": kind, "subject": subject,
                        "severity": severity, "fingerprint": fp, "before": before, "after": after, "detail": "{}",
                    }
                )  # fmt: skip
                if severity in MIN_SEVERITY_ALERT or kind == "finding_resolved":
                    rows["alerts"].append(self._alert(state, kind, subject, severity, fp, at, version))
            rows["attack_paths"] += path_rows(run_id, at, state.name, _paths(state, rng))
            if day.weekday() == 0:
                rows["sensitive_data"] += sensitive_rows(run_id, at, state.name, _inventory(state, rng))
            if rng.random() < 0.04:
                rule, severity, technique = rng.choice(RULES)
                user, table = rng.choice(USERS), rng.choice(TABLES)
                fp = hashlib.sha256(f"{rule}|{state.name}|user={user}".encode()).hexdigest()[:16]
                rows["detections"].append(
                    {
                        "detection_id": f"{run_id}:{fp}", "fingerprint": fp, "at": at, "run_id": run_id,
                        "target": state.name, "rule_id": rule, "severity": severity, "title": rule.replace("_", " "),
                        "technique": technique, "addresses": [f"203.0.113.{rng.randint(1, 254)}"], "users": [user],
                        "query_ids": [f"{rng.getrandbits(64):016x}"], "events": rng.randint(1, 500),
                        "first_event": at, "last_event": at,
                        "evidence": to_json({"table": f"default.{table}", "sample": f"SELECT * FROM default.{table}"}),
                    }
                )  # fmt: skip
                rows["alerts"].append(self._alert(state, "detection", rule, severity, fp, at, version, rule))
            for fp, alert in list(state.alerts.items()):  # detection and drift alerts resolve after a quiet day
                if alert["source"] != "finding" and alert["last_at"] < at[:10]:
                    rows["alerts"].append({**alert, "status": "resolved", "resolved_at": at, "version": version + 1})
                    del state.alerts[fp]
        for table, batch in rows.items():
            store.write(table, batch)
        return {table: len(batch) for table, batch in rows.items()}

    @staticmethod
    def _state(state: TargetState, f: Finding, status: str, at: str, run_id: str, version: int) -> dict[str, Any]:
        fp = f.fingerprint or ""
        return {
            "target": state.name, "fingerprint": fp, "check_id": f.check_id, "severity": f.severity.value,
            "title": f.title, "resource": f.resource, "status": status, "first_seen": state.first_seen.get(fp, at),
            "last_seen": at, "resolved_at": at if status == "resolved" else empty_time(),
            "reopen_count": state.reopened.get(fp, 0), "run_id": run_id, "version": version,
        }  # fmt: skip

    def _alert(
        self, state: TargetState, kind: str, subject: str, severity: str, fp: str, at: str, version: int,
        rule: str | None = None,
    ) -> dict[str, Any]:  # fmt: skip
        finding = kind.startswith("finding_")
        source = "finding" if finding else "detection" if kind == "detection" else "drift"
        resolved = kind == "finding_resolved"
        previous = state.alerts.get(fp)
        row = {
            "fingerprint": fp, "target": state.name, "source": source,
            "rule_id": rule or (subject.split(" ", 1)[0] if finding else kind), "severity": severity,
            "title": subject if not finding else subject.split(" ", 1)[0].replace("_", " "),
            "status": "resolved" if resolved else "firing",
            "first_at": previous["first_at"] if previous and not resolved else at, "last_at": at, "notified_at": at,
            "resolved_at": at if resolved else empty_time(),
            "occurrences": (previous["occurrences"] if previous else 0) + (0 if resolved else 1),
            "summary": f"{kind.replace('_', ' ')}: {subject}", "version": version,
        }  # fmt: skip
        if resolved:
            state.alerts.pop(fp, None)
        else:
            state.alerts[fp] = row
        return row


def generate(store: Store, targets: int, days: int, say: Any = print) -> dict[str, int]:
    """Fill ``store`` with ``days`` daily cycles of ``targets`` targets, ending with the last day whose
    cycle (03:00-04:00 UTC) is over, so that nothing happens in the future; row counts.

    (Ending today put the last cycle up to four hours ahead between midnight and 04:00 UTC: an
    acknowledgement written then predated its alert's first firing and covered nothing.)"""
    generator = Generator(targets, days)
    last_cycle_over = datetime.now(timezone.utc) - timedelta(hours=4, minutes=2)
    today = last_cycle_over.replace(hour=0, minute=0, second=0, microsecond=0)
    totals: dict[str, int] = defaultdict(int)
    started = time.monotonic()
    for n in range(days):
        for table, count in generator.day(store, today - timedelta(days=days - 1 - n)).items():
            totals[table] += count
        if (n + 1) % 10 == 0:
            say(f"  generated {n + 1}/{days} days ({time.monotonic() - started:.0f} s)")
    return dict(totals)


def main() -> int:
    location = sys.argv[1]
    targets = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    days = int(sys.argv[3]) if len(sys.argv) > 3 else 90
    with open_store(store_spec(location)) as store:
        print(json.dumps(generate(store, targets, days), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
