"""Listener checks: which ports a server opens, in clear or over TLS, and which wire protocols they speak."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from chwarden.analysis.deployment_reach import client_reach, replication_configured, single_node
from chwarden.analysis.listeners import clickhouse_endpoints, listener_facts_missing, listens_publicly
from chwarden.analysis.reach import (
    SCOPE_LABELS,
    SCOPE_RANK,
    Listener,
    address_scope,
    beyond_loopback,
    client_scope,
    listeners,
)
from chwarden.analysis.server_config import config_known, config_section, config_value, is_true, port_enabled
from chwarden.checks.fixes import xml_fragment
from chwarden.checks.references import REF_MYSQL, REF_PORTS, REF_POSTGRESQL, REF_SERVER_SETTINGS, REF_SSL
from chwarden.checks.registry import Hit, check
from chwarden.facts import ConfigValue, FactMissing, Snapshot
from chwarden.model import Remediation, Severity

PLAIN_PORT_KEYS = ("http_port", "tcp_port", "interserver_http_port")
TLS_PORT_KEYS = ("https_port", "tcp_port_secure", "interserver_https_port")
CLIENT_TLS_PORT_KEYS = ("https_port", "tcp_port_secure")  # interserver TLS does not protect clients


def _config_ports(snapshot: Snapshot, keys: tuple[str, ...]) -> dict[str, ConfigValue]:
    found: dict[str, ConfigValue] = {}
    for key in keys:
        value = config_value(snapshot, key)
        if port_enabled(value) and value is not None:
            found[key] = value
    return found


@check(
    "plaintext_ports_enabled",
    title="A port accepts plain-text connections from the network",
    severity=Severity.MEDIUM,
    category="network",
    rationale=(
        "Every plain-text client port (HTTP, native, MySQL and PostgreSQL wire protocols) reachable beyond the "
        "server host carries passwords and results in clear; each is its own door, and TLS elsewhere does not "
        "close it while clients can still fall back to it."
    ),
    remediation=(
        "Remove the plain port (or bind it to loopback), serve clients on https_port/tcp_port_secure; for "
        "MySQL/PostgreSQL set mysql_require_secure_transport/postgresql_require_secure_transport."
    ),
    references=(REF_PORTS, REF_SSL),
)
def plaintext_ports_enabled(snapshot: Snapshot) -> Iterator[Hit]:
    found = listeners(snapshot)
    if found is not None:
        no_tls = not any(x.tls and x.client for x in found)
        for listener in found:
            if not _plain_door(snapshot, listener):
                continue
            yield Hit(
                resource=f"port:{listener.key}",
                evidence={
                    "port": listener.port,
                    "protocol": listener.protocol,
                    "listen": list(listener.addresses),
                    "reachable_by": SCOPE_LABELS[listener.scope],
                    **({"published": listener.exposure} if listener.exposure else {}),
                },
                remediation=Remediation(xml=xml_fragment(*_plain_port_fix(listener.key))),
                severity=Severity.HIGH if SCOPE_RANK[listener.scope] >= SCOPE_RANK["public"] else None,
                location=listener.location,
                caused_by=(("no_tls_ports", "port:https_port"),) if no_tls and listener.client else (),
            )
        return
    endpoints = clickhouse_endpoints(snapshot)
    if endpoints is None:
        raise listener_facts_missing("http_port/tcp_port")
    for e in endpoints:
        if e.tls or e.protocol not in ("http", "native", "interserver", "mysql", "postgresql"):
            continue
        scope = address_scope(e.host)
        if scope == "loopback":
            continue
        yield Hit(
            resource=f"endpoint:{e.host}:{e.port}",
            evidence={"protocol": e.protocol, "auth": e.auth, "reachable_by": SCOPE_LABELS[scope]},
            remediation=Remediation(xml=xml_fragment(f'<{_port_key(e.protocol)} remove="1"/>')),
            severity=Severity.HIGH if SCOPE_RANK[scope] >= SCOPE_RANK["public"] else None,
        )


SECURE_TRANSPORT = {
    "mysql_port": "mysql_require_secure_transport",
    "postgresql_port": "postgresql_require_secure_transport",
}
PLAIN_KEYS = frozenset({"http_port", "tcp_port", "mysql_port", "postgresql_port", "tcp_with_proxy_port"})


def _plain_door(snapshot: Snapshot, listener: Listener) -> bool:
    """A plain-text port that clients (or replicas) reach from beyond the server host."""
    if listener.tls or not beyond_loopback(listener.scope) or listener.deployment_only:
        # issue 21's rule: a container port the deployment does not publish stays on its own network
        return False
    if listener.kind == "interserver":
        return replication_configured(snapshot) is not False  # without replicas nothing crosses it
    if listener.key in SECURE_TRANSPORT:
        required = (snapshot.server_config or {}).get(SECURE_TRANSPORT[listener.key])
        return not (required is not None and is_true(required.value))
    return listener.key in PLAIN_KEYS or (listener.key.startswith("protocols.") and listener.protocol != "grpc")


def _plain_port_fix(key: str) -> list[str]:
    if key in SECURE_TRANSPORT:
        return [f"<{SECURE_TRANSPORT[key]}>1</{SECURE_TRANSPORT[key]}>"]
    if key.startswith("protocols."):
        return [f"<!-- give <{key.split('.')[1]}> a tls layer, or bind its <host> to loopback -->"]
    return [f'<{key} remove="1"/>']


def _port_key(protocol: str) -> str:
    return {"http": "http_port", "native": "tcp_port", "interserver": "interserver_http_port"}.get(
        protocol, f"{protocol}_port"
    )


@check(
    "no_tls_ports",
    title="No TLS port is configured",
    severity=Severity.HIGH,
    category="network",
    rationale=(
        "Without https_port or tcp_port_secure every password and every result crosses the network in "
        "clear and can be read or altered by anyone on the path."
    ),
    remediation="Configure openSSL.server certificates; enable https_port (8443) and tcp_port_secure (9440).",
    references=(REF_SSL, REF_PORTS),
)
def no_tls_ports(snapshot: Snapshot) -> Iterator[Hit]:
    xml = xml_fragment(
        "<https_port>8443</https_port>",
        "<tcp_port_secure>9440</tcp_port_secure>",
        "<openSSL><server>",
        "  <!-- the server does not start if these files do not exist: give real paths -->",
        "  <certificateFile>TLS_CERTIFICATE_FILE</certificateFile>",
        "  <privateKeyFile>TLS_PRIVATE_KEY_FILE</privateKeyFile>",
        "  <!-- shipped configs name a dhparam.pem that is rarely generated; ECDHE suites need none -->",
        '  <dhParamsFile remove="1"/>',
        "</server></openSSL>",
    )
    if config_known(snapshot):
        if _config_ports(snapshot, CLIENT_TLS_PORT_KEYS):
            return
        public = listens_publicly(snapshot)
        reach = client_scope(snapshot)
        severity = None
        if public is False or _contained_single_node(snapshot) or (reach is not None and not beyond_loopback(reach)):
            # Issue 21: a single-node container published nowhere (or on the host's loopback only) keeps its
            # traffic on the compose/pod network or the host.
            severity = Severity.LOW
        elif reach == "internal":
            severity = Severity.MEDIUM  # issue 13: clear text on the internal network, not the internet
        yield Hit(
            resource="port:https_port",
            evidence={
                "tls_ports": [],
                "plain_ports": sorted(_config_ports(snapshot, PLAIN_PORT_KEYS)),
                "listens_beyond_loopback": public,
                "reachable_by": SCOPE_LABELS[reach] if reach is not None else None,
            },
            remediation=Remediation(xml=xml),
            severity=severity,
        )
        return
    endpoints = clickhouse_endpoints(snapshot)
    if endpoints is None:
        raise listener_facts_missing("https_port/tcp_port_secure")
    if not endpoints or any(e.tls for e in endpoints):
        return
    host = endpoints[0].host
    yield Hit(
        resource=f"endpoint:{host}",
        evidence={"plain_endpoints": [f"{e.protocol}:{e.port}" for e in endpoints]},
        remediation=Remediation(xml=xml),
    )


def _contained_single_node(snapshot: Snapshot) -> bool:
    return client_reach(snapshot) in ("internal", "loopback") and single_node(snapshot)


@dataclass(frozen=True)
class WireProtocol:
    """A compatibility protocol port that widens the login surface."""

    check_id: str
    key: str
    protocol: str
    title: str
    rationale: str
    reference: str


WIRE_PROTOCOLS = (
    WireProtocol(
        "mysql_port_enabled",
        "mysql_port",
        "mysql",
        "The MySQL wire-protocol port is open",
        "The MySQL port is another login surface; its greeting discloses the exact version before "
        "authentication and MySQL clients push users towards unsalted double_sha1 hashes.",
        REF_MYSQL,
    ),
    WireProtocol(
        "postgresql_port_enabled",
        "postgresql_port",
        "postgresql",
        "The PostgreSQL wire-protocol port is open",
        "The PostgreSQL port only supports cleartext password authentication: without TLS every password "
        "crosses the network in clear.",
        REF_POSTGRESQL,
    ),
)


def _register_wire_protocol(spec: WireProtocol) -> None:
    require_tls = spec.key.replace("_port", "_require_secure_transport")

    @check(
        spec.check_id,
        title=spec.title,
        severity=Severity.MEDIUM,
        category="network",
        rationale=spec.rationale,
        remediation=f"Remove {spec.key} if unused; otherwise set {require_tls}=1 and serve it over TLS only.",
        references=(spec.reference, REF_PORTS),
    )
    def wire_port(snapshot: Snapshot) -> Iterator[Hit]:
        fix = Remediation(xml=xml_fragment(f'<{spec.key} remove="1"/>', f"<{require_tls}>1</{require_tls}>"))
        if config_known(snapshot):
            value = config_value(snapshot, spec.key)
            if port_enabled(value) and value is not None:
                secure = config_value(snapshot, require_tls)
                yield Hit(
                    resource=f"port:{spec.key}",
                    evidence={"port": value.value, require_tls: secure.value if secure else None},
                    remediation=fix,
                    location=value.location,
                )
            return
        endpoints = snapshot.endpoints
        if endpoints is None:
            raise listener_facts_missing(spec.key)
        for e in endpoints:
            if e.protocol == spec.protocol:
                yield Hit(
                    resource=f"endpoint:{e.host}:{e.port}",
                    evidence={"protocol": e.protocol, "version": e.version, "tls": e.tls},
                    remediation=fix,
                )


for _wire in WIRE_PROTOCOLS:
    _register_wire_protocol(_wire)


@check(
    "interserver_without_credentials",
    title="The interserver port accepts peers without credentials",
    severity=Severity.MEDIUM,
    category="network",
    rationale=(
        "Replicas download raw data parts from interserver_http_port; without interserver_http_credentials "
        "anyone who reaches the port can fetch table data or abuse it for SSRF."
    ),
    remediation="Set interserver_http_credentials (user/password, no allow_empty) and restrict the port.",
    references=(REF_SERVER_SETTINGS, REF_PORTS),
    needs=("server_config",),
)
def interserver_without_credentials(snapshot: Snapshot) -> Iterator[Hit]:
    ports = {
        k: v
        for k in ("interserver_http_port", "interserver_https_port")
        if (v := config_value(snapshot, k)) is not None and port_enabled(v)
    }
    if not ports or replication_configured(snapshot) is False:
        return  # issue 21: the interserver port serves replicas only; without replication it carries nothing
    creds = config_section(snapshot, "interserver_http_credentials") if config_known(snapshot) else None
    if creds is None:
        raise FactMissing("server_config", "interserver_http_credentials is not exposed by the server")
    user = creds.get("interserver_http_credentials.user")
    allow_empty = creds.get("interserver_http_credentials.allow_empty")
    if user is not None and user.value.strip() and not (allow_empty and is_true(allow_empty.value)):
        return
    yield Hit(
        resource="setting:interserver_http_credentials",
        evidence={
            "ports": {k: v.value for k, v in ports.items()},
            "credentials_configured": user is not None and bool(user.value.strip()),
            "allow_empty": allow_empty.value if allow_empty else None,
        },
        remediation=Remediation(
            xml=xml_fragment(
                "<interserver_http_credentials>",
                "  <user>interserver</user>",
                '  <password from_env="CLICKHOUSE_INTERSERVER_PASSWORD"/>',
                "</interserver_http_credentials>",
            )
        ),
        severity=Severity.HIGH if listens_publicly(snapshot) else None,
        location=(user or next(iter(ports.values()))).location,
    )
