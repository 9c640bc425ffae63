"""Prometheus ``/metrics`` for Alertmanager: findings by severity, alerts by rule, cycle health.

A private registry (no process/platform collectors: this endpoint describes the watched fleet,
not chwarden's process), served by ``prometheus_client`` on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, start_http_server

from chwarden.model import Severity
from chwarden.watch.cycle import CycleResult


class WatchMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.findings = Gauge("chwarden_findings", "Open findings by severity", ["target", "severity"], registry=r)
        self.detections = Counter(
            "chwarden_detections", "Detections by rule", ["target", "rule", "severity"], registry=r
        )
        self.alerts = Counter(
            "chwarden_alerts", "Alerts notified, by rule", ["target", "rule", "severity", "status"], registry=r
        )
        self.cycles = Counter("chwarden_cycles", "Target cycles by status", ["target", "status"], registry=r)
        self.last_success = Gauge(
            "chwarden_last_successful_cycle_timestamp_seconds",
            "When the target's last complete or partial cycle finished",
            ["target"],
            registry=r,
        )
        self.up = Gauge("chwarden_target_up", "1 when the last cycle reached the target", ["target"], registry=r)
        self.duration = Gauge("chwarden_cycle_duration_seconds", "Duration of the last cycle", ["target"], registry=r)
        self.queries = Gauge(
            "chwarden_cycle_queries", "Statements sent to the target in the last cycle", ["target"], registry=r
        )
        self.anonymous = Gauge(
            "chwarden_anonymous_access",
            "1 when a port of the target accepts queries without a password",
            ["target"],
            registry=r,
        )
        self._server: Any = None

    def observe(self, result: CycleResult) -> None:
        name = result.name
        self.cycles.labels(name, result.status).inc()
        self.up.labels(name).set(0 if result.status == "failed" else 1)
        self.duration.labels(name).set(max(0.0, result.finished_at - result.started_at))
        self.queries.labels(name).set(result.queries)
        if result.status == "failed":
            return
        self.last_success.labels(name).set(result.finished_at)
        counts = result.counts()
        for severity in Severity:
            self.findings.labels(name, severity.value).set(counts[severity.value])
        snapshot = result.snapshot
        open_ports = snapshot is not None and any(a.accepted for a in snapshot.anonymous_login or [])
        self.anonymous.labels(name).set(1 if open_ports else 0)
        for d in result.detections:
            self.detections.labels(name, d.rule_id, d.severity.value).inc()
        for alert in result.alerts:
            self.alerts.labels(name, alert["rule_id"], alert["severity"], alert["status"]).inc()

    def serve(self, listen: str) -> tuple[str, int]:
        """Start the HTTP endpoint (a daemon thread); returns the bound address."""
        host, _, port = listen.rpartition(":")
        host = host.strip("[]") or "127.0.0.1"
        server, _thread = start_http_server(int(port), addr=host, registry=self.registry)
        self._server = server
        bound = server.server_address
        return str(bound[0]), int(bound[1])

    def close(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
