"""Checks of what a network scan saw from outside: open logins, exposed UIs and leaky handlers.

They read only what ``chwarden scan`` collects: ``endpoints`` (and what each revealed), the
catalogue of an endpoint that let the scan in (``tables``) and ``scan`` (credential
attempts, redacted samples). ``scan_checks()`` is the set a scan is judged with: these, the
version checks and the audit's endpoint-only checks. They apply to scan snapshots only
(``applies=scanned``): an audit's snapshot gets neither findings nor "not checked" from them, the
audit judges the same facts with its own checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from chwarden.analysis.names import EXPOSURE_CATEGORIES, table_hints
from chwarden.checks.fixes import xml_fragment
from chwarden.checks.references import (
    REF_DEEPSEEK,
    REF_HTTP,
    REF_KEEPER,
    REF_MYSQL,
    REF_PORTS,
    REF_POSTGRESQL,
    REF_SERVER_SETTINGS,
    REF_USERS,
)
from chwarden.checks.registry import Check, Hit, all_checks, check
from chwarden.facts import Snapshot, TableFacts
from chwarden.model import Endpoint, Remediation, Severity

CATEGORY = "scan"
MAX_LISTED_TABLES = 50
# How scan evidence has always named the name-hint categories (``looks_like``).
SCAN_LABELS = {"conversation": "chat", "log": "log", "secret": "credentials", "personal": "personal data"}
# What a stranger's scan flags in a catalogue it could read: the exposure categories and personal data
# (e-mail, phone, passport... columns), all from the one name vocabulary (analysis/name_hints.json).
SCAN_CATEGORIES = (*EXPOSURE_CATEGORIES, "personal")
ENDPOINT_CHECKS = frozenset({"stack_traces_sent_to_clients", "server_display_name_leaked"})
PASSWORD_FIX = Remediation(
    xml=xml_fragment(
        "<users><default>",
        '  <password remove="1"/>',
        '  <password_sha256_hex><!-- echo -n "$PASSWORD" | sha256sum --></password_sha256_hex>',
        '  <networks replace="replace"><ip>::1</ip><ip>127.0.0.1</ip><ip>CLIENT_NETWORK/CIDR</ip></networks>',
        "</default></users>",
    ),
    text="Give `default` a strong password (or remove it), allow only internal networks, and firewall the port.",
)


def scanned(snapshot: Snapshot) -> bool:
    """Scan checks judge scan snapshots only; an audit's snapshot gets neither hits nor gaps from them."""
    return snapshot.scan is not None


def _endpoints(snapshot: Snapshot) -> list[Endpoint]:
    endpoints: list[Endpoint] = snapshot.need("endpoints")
    return endpoints


def _where(e: Endpoint) -> str:
    return f"endpoint:{e.host}:{e.port}"


def _table_row(t: TableFacts) -> dict[str, Any]:
    return {"table": f"{t.database}.{t.name}", "engine": t.engine, "rows": t.total_rows, "bytes": t.total_bytes}


def _catalogue(snapshot: Snapshot) -> dict[str, Any]:
    """What the open endpoint exposes (when the scan could read it)."""
    if snapshot.tables is None:
        return {"catalogue": snapshot.gaps.get("tables", "not collected")}
    tables = sorted(snapshot.tables, key=lambda t: (-(t.total_bytes or 0), t.database, t.name))
    return {
        "databases": [d.name for d in snapshot.databases or []],
        "table_count": len(tables),
        "total_rows": sum(t.total_rows or 0 for t in tables),
        "total_bytes": sum(t.total_bytes or 0 for t in tables),
        "tables": [_table_row(t) for t in tables[:MAX_LISTED_TABLES]],
    }


def _anonymous(snapshot: Snapshot) -> bool:
    return any(e.auth == "none" and e.clickhouse for e in snapshot.endpoints or [])


@dataclass(frozen=True)
class OpenLogin:
    check_id: str
    protocols: tuple[str, ...]
    name: str
    reference: str


OPEN_LOGINS = (
    OpenLogin("unauthenticated_http_access", ("http", "https"), "HTTP interface", REF_HTTP),
    OpenLogin("unauthenticated_native_access", ("native", "native_tls"), "native protocol", REF_PORTS),
    OpenLogin("unauthenticated_mysql_access", ("mysql",), "MySQL wire protocol", REF_MYSQL),
    OpenLogin("unauthenticated_postgresql_access", ("postgresql",), "PostgreSQL wire protocol", REF_POSTGRESQL),
)


def _register_open_login(rule: OpenLogin) -> None:
    def judge(snapshot: Snapshot) -> Iterator[Hit]:
        for e in _endpoints(snapshot):
            if e.protocol in rule.protocols and e.clickhouse and e.auth == "none":
                evidence: dict[str, Any] = {
                    "protocol": e.protocol,
                    "tls": e.tls,
                    "version": e.version or snapshot.server.version,
                    "login": "user default, empty password",
                    **_catalogue(snapshot),
                }
                yield Hit(resource=_where(e), evidence=evidence, remediation=PASSWORD_FIX)

    check(
        rule.check_id,
        title=f"ClickHouse accepts queries over its {rule.name} without a password",
        severity=Severity.CRITICAL,
        category=CATEGORY,
        rationale=(
            f"Anyone who reaches this port can log in to the {rule.name} as `default` with no password and "
            "read (often also write or drop) every table: the DeepSeek exposure, found the same way."
        ),
        remediation=PASSWORD_FIX.text or "",
        references=(rule.reference, REF_USERS, REF_DEEPSEEK),
        needs=("endpoints",),
        applies=scanned,
    )(judge)


for _rule in OPEN_LOGINS:
    _register_open_login(_rule)


@check(
    "default_credentials_accepted",
    title="A well-known default credential logs in",
    severity=Severity.CRITICAL,
    category=CATEGORY,
    rationale="A credential from a short public list of defaults opened the server: it is as good as no password.",
    remediation="Change the password of this user to a strong, unique one and restrict its networks.",
    references=(REF_USERS,),
    applies=scanned,
)
def default_credentials_accepted(snapshot: Snapshot) -> Iterator[Hit]:
    for attempt in snapshot.scan.credentials_tried if snapshot.scan else []:
        if attempt.accepted:
            yield Hit(
                resource=f"endpoint:{snapshot.target}:{attempt.port}",
                evidence={
                    "protocol": attempt.protocol,
                    "user": attempt.user,
                    "password": attempt.password,
                    **_catalogue(snapshot),
                },
            )


@check(
    "sensitive_tables_exposed",
    title="Tables that look like logs, chats, credentials or personal data are open to strangers",
    severity=Severity.CRITICAL,
    category=CATEGORY,
    rationale=(
        "The scan got in without a password (or with a default credential) and found tables whose names or "
        "columns look like chat history, prompts, log streams, credentials or personal data - DeepSeek's "
        "log_stream pattern."
    ),
    remediation="Close the login first; then treat the data in these tables as disclosed (rotate the secrets).",
    references=(REF_DEEPSEEK,),
    needs=("tables",),
    applies=scanned,
)
def sensitive_tables_exposed(snapshot: Snapshot) -> Iterator[Hit]:
    samples = snapshot.scan.samples if snapshot.scan else {}
    for table in snapshot.need("tables"):
        kinds = {SCAN_LABELS[c]: reasons for c, reasons in table_hints(table, SCAN_CATEGORIES).items()}
        if not kinds:
            continue
        name = f"{table.database}.{table.name}"
        evidence: dict[str, Any] = {**_table_row(table), "looks_like": sorted(kinds), "because": kinds}
        if name in samples:
            evidence["redacted_samples"] = samples[name]
        yield Hit(
            resource=f"table:{name}",
            evidence=evidence,
            severity=Severity.HIGH if table.total_rows == 0 else None,
        )


@dataclass(frozen=True)
class Reveal:
    """An anonymous handler or side port, found by a reveal key on an endpoint."""

    check_id: str
    key: str
    title: str
    severity: Severity
    escalate: Severity | None  # when the host also lets strangers query
    rationale: str
    remediation: str
    reference: str


REVEALS = (
    Reveal(
        "play_ui_exposed",
        "play_ui",
        "The /play query console is served to anyone",
        Severity.MEDIUM,
        Severity.HIGH,
        "/play is a ready-made SQL console in the browser; with an open `default` user it is how the DeepSeek "
        "database was browsed.",
        "Replace the default HTTP handlers (<http_handlers> without <defaults/>) on exposed listeners.",
        REF_HTTP,
    ),
    Reveal(
        "dashboard_exposed",
        "dashboard",
        "The /dashboard monitoring UI is served to anyone",
        Severity.LOW,
        Severity.MEDIUM,
        "/dashboard queries system tables with whatever credentials are entered; with an open user it shows the "
        "server's activity to anyone.",
        "Replace the default HTTP handlers (<http_handlers> without <defaults/>) on exposed listeners.",
        REF_HTTP,
    ),
    Reveal(
        "table_names_leaked_by_replicas_status",
        "replicas_status_tables",
        "/replicas_status?verbose=1 lists replicated tables to anyone",
        Severity.MEDIUM,
        None,
        "The verbose replicas status needs no login and prints database and table names of every replicated "
        "table: a map of the data for an attacker.",
        "Set enable_verbose_replicas_status to false (or restrict the handler).",
        REF_SERVER_SETTINGS,
    ),
    Reveal(
        "prometheus_metrics_exposed",
        "prometheus_metrics",
        "Prometheus metrics are served without authentication",
        Severity.LOW,
        None,
        "/metrics exposes metrics, events and asynchronous metrics to anyone who reaches the port.",
        "Serve <prometheus> only on a monitoring network (its own port behind a firewall).",
        REF_SERVER_SETTINGS,
    ),
    Reveal(
        "keeper_four_letter_words_open",
        "four_letter_words",
        "Keeper/ZooKeeper answers four-letter words to anyone",
        Severity.MEDIUM,
        None,
        "The coordination port answers diagnostic commands without authentication (version, role, znode and "
        "client counts); whoever reaches it may also reach the replication metadata and the DDL queue.",
        "Firewall the Keeper ports; restrict keeper_server.four_letter_word_white_list; use digest ACLs.",
        REF_KEEPER,
    ),
    Reveal(
        "interserver_endpoint_exposed",
        "interserver",
        "The interserver (replication) port is reachable",
        Severity.MEDIUM,
        None,
        "Replicas download data parts from this port; without interserver_http_credentials it hands out raw "
        "table data, and it should never face untrusted networks.",
        "Firewall interserver_http_port to the replicas and set interserver_http_credentials.",
        REF_SERVER_SETTINGS,
    ),
)


def _register_reveal(rule: Reveal) -> None:
    def judge(snapshot: Snapshot) -> Iterator[Hit]:
        open_host = _anonymous(snapshot)
        for e in _endpoints(snapshot):
            value = e.reveals.get(rule.key)
            if not value:
                continue
            evidence: dict[str, Any] = {"protocol": e.protocol, "auth": e.auth}
            if not isinstance(value, bool):
                evidence[rule.key] = value
            if rule.escalate is not None:
                evidence["host_accepts_anonymous_queries"] = open_host
            severity = rule.escalate if (rule.escalate is not None and open_host) else None
            yield Hit(resource=_where(e), evidence=evidence, severity=severity)

    check(
        rule.check_id,
        title=rule.title,
        severity=rule.severity,
        category=CATEGORY,
        rationale=rule.rationale,
        remediation=rule.remediation,
        references=(rule.reference, REF_PORTS),
        needs=("endpoints",),
        applies=scanned,
    )(judge)


for _reveal in REVEALS:
    _register_reveal(_reveal)


@check(
    "clickhouse_endpoint_reachable",
    title="A ClickHouse port is reachable (it asks for a password)",
    severity=Severity.INFO,
    category=CATEGORY,
    rationale=(
        "The port is ClickHouse and refused the empty password: not open, but its login can be attacked "
        "(guessing, pre-authentication bugs) by whoever can reach it."
    ),
    remediation="Keep ClickHouse ports behind a firewall or VPN; expose only what clients need.",
    references=(REF_PORTS,),
    needs=("endpoints",),
    applies=scanned,
)
def clickhouse_endpoint_reachable(snapshot: Snapshot) -> Iterator[Hit]:
    for e in _endpoints(snapshot):
        if e.clickhouse and e.auth != "none":
            evidence: dict[str, Any] = {"protocol": e.protocol, "auth": e.auth, "tls": e.tls}
            for key in ("error_code", "network_restricted"):
                if key in e.reveals:
                    evidence[key] = e.reveals[key]
            yield Hit(resource=_where(e), evidence=evidence)


def scan_checks() -> list[Check]:
    """The checks a scan is judged with: scan checks, version checks, endpoint-only audit checks."""
    return [c for c in all_checks() if c.meta.category in (CATEGORY, "versions") or c.meta.id in ENDPOINT_CHECKS]
