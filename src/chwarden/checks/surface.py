"""The surface beyond queries: HTTP handlers and headers, outbound URL allowlists, side services (gRPC,
Keeper, Prometheus) and what error messages give away.
"""

from __future__ import annotations

from collections.abc import Iterator

from chwarden.analysis.listeners import listener_facts_missing, listens_publicly
from chwarden.analysis.server_config import config_known, config_section, config_value, is_true, port_enabled
from chwarden.analysis.versions import lacks
from chwarden.checks.fixes import xml_fragment
from chwarden.checks.fixroute import fit_to_storage
from chwarden.checks.references import REF_GRPC, REF_HTTP, REF_PORTS, REF_SERVER_SETTINGS
from chwarden.checks.registry import Hit, check, version_lacks_feature
from chwarden.clickhouse.features import REMOTE_URL_ALLOW_HOSTS_SINCE, VERBOSE_REPLICAS_SWITCH_SINCE
from chwarden.clickhouse.sql import quote_ident
from chwarden.facts import FactMissing, Snapshot
from chwarden.model import Endpoint, Remediation, Severity


@check(
    "cors_allows_any_origin",
    title="The HTTP interface allows cross-origin requests from any site",
    severity=Severity.MEDIUM,
    category="network",
    rationale=(
        "`Access-Control-Allow-Origin: *` (shipped http_options_response) or add_http_cors_header=1 lets "
        "any web page a user visits drive the HTTP API from the browser, e.g. against an open server."
    ),
    remediation="Remove http_options_response or name specific origins; keep add_http_cors_header=0 (CONST).",
    references=(REF_HTTP, REF_SERVER_SETTINGS),
)
def cors_allows_any_origin(snapshot: Snapshot) -> Iterator[Hit]:
    decided = False
    if config_known(snapshot):
        decided = True
        names = config_value(snapshot, "http_options_response.header.name")
        values = config_value(snapshot, "http_options_response.header.value")
        if names is not None and values is not None:
            pairs = list(zip(names.values, values.values, strict=False))
            if any(n.strip().lower() == "access-control-allow-origin" and v.strip() == "*" for n, v in pairs):
                yield Hit(
                    resource="setting:http_options_response",
                    evidence={"Access-Control-Allow-Origin": "*"},
                    remediation=Remediation(xml=xml_fragment('<http_options_response remove="1"/>')),
                    location=values.location,
                )
    if snapshot.profile_elements is not None:
        decided = True
        for e in snapshot.profile_elements:
            if e.setting_name == "add_http_cors_header" and is_true(e.value):
                owner = e.profile_name or e.user_name or e.role_name or "?"
                yield Hit(
                    resource=f"setting:add_http_cors_header@{owner}",
                    evidence={"add_http_cors_header": e.value, "set_by": owner},
                    remediation=_cors_setting_fix(snapshot, e.profile_name),
                    location=e.location,
                )
    elif snapshot.effective_settings is not None:
        decided = True
        setting = snapshot.effective_settings.get("add_http_cors_header")
        if setting is not None and is_true(setting.value):
            yield Hit(
                resource="setting:add_http_cors_header",
                evidence={"add_http_cors_header": setting.value, "session_setting": True},
                remediation=_cors_setting_fix(snapshot, None),
            )
    if not decided:
        raise FactMissing("server_config", "neither config files nor profiles/settings were collected")


def _cors_setting_fix(snapshot: Snapshot, profile: str | None) -> Remediation:
    """The profile's own route: the resource names a setting, so the storage is looked up here."""
    name = profile or "default"
    return fit_to_storage(
        snapshot,
        f"profile:{name}",
        Remediation(
            sql=None
            if not snapshot.capabilities.has_sql_rbac
            else f"ALTER SETTINGS PROFILE {quote_ident(name)} SETTINGS add_http_cors_header = 0 CONST;",
            xml=(
                f"<clickhouse><profiles><{name}><add_http_cors_header>0</add_http_cors_header></{name}></profiles>"
                f"</clickhouse>"
            ),
        ),
    )


@check(
    "remote_url_allow_hosts_unset",
    title="url(), s3() and remote() may reach any host",
    severity=Severity.MEDIUM,
    category="network",
    rationale=(
        "Without remote_url_allow_hosts every user with the URL/S3/REMOTE sources can make the server "
        "fetch internal addresses (cloud metadata, admin panels) or exfiltrate data: server-side SSRF."
    ),
    remediation="List allowed hosts in <remote_url_allow_hosts> (host, or host_regexp anchored ^...$).",
    references=(REF_SERVER_SETTINGS,),
)
def remote_url_allow_hosts_unset(snapshot: Snapshot) -> Iterator[Hit]:
    if lacks(snapshot, REMOTE_URL_ALLOW_HOSTS_SINCE):  # older servers ignore the section
        yield version_lacks_feature(
            snapshot,
            "setting:remote_url_allow_hosts",
            "remote_url_allow_hosts",
            "This version has no remote_url_allow_hosts: url() and remote() reach any host. Keep untrusted users "
            "readonly, filter the server's outbound traffic, and upgrade.",
        )
        return
    if config_section(snapshot, "remote_url_allow_hosts"):
        return
    yield Hit(
        resource="setting:remote_url_allow_hosts",
        evidence={"remote_url_allow_hosts": None},
        remediation=Remediation(
            xml=xml_fragment(
                "<remote_url_allow_hosts>",
                "  <!-- one <host> (or anchored <host_regexp>^...$</host_regexp>) per host url()/s3() may reach -->",
                "  <host>ALLOWED_REMOTE_HOST</host>",
                "</remote_url_allow_hosts>",
            )
        ),
    )


@check(
    "verbose_replicas_status",
    title="/replicas_status?verbose=1 lists tables to anonymous clients",
    severity=Severity.LOW,
    category="network",
    rationale=(
        "The unauthenticated /replicas_status handler prints every replicated table name and its lag when "
        "asked for verbose output (enable_verbose_replicas_status defaults to true)."
    ),
    remediation="Set enable_verbose_replicas_status to 0.",
    references=(REF_HTTP, REF_SERVER_SETTINGS),
)
def verbose_replicas_status(snapshot: Snapshot) -> Iterator[Hit]:
    value = config_value(snapshot, "enable_verbose_replicas_status")
    if lacks(snapshot, VERBOSE_REPLICAS_SWITCH_SINCE):  # the switch does not exist yet: always verbose
        yield version_lacks_feature(
            snapshot,
            "setting:enable_verbose_replicas_status",
            "enable_verbose_replicas_status",
            "This version has no enable_verbose_replicas_status (23.1+): block /replicas_status at the proxy or "
            "firewall for untrusted clients, and upgrade.",
        )
        return
    if value is not None and not is_true(value.value):
        return
    yield Hit(
        resource="setting:enable_verbose_replicas_status",
        evidence={"enable_verbose_replicas_status": value.value if value else None, "default": "1"},
        remediation=Remediation(xml=xml_fragment("<enable_verbose_replicas_status>0</enable_verbose_replicas_status>")),
        location=value.location if value else None,
    )


@check(
    "grpc_without_tls",
    title="The gRPC interface runs without TLS",
    severity=Severity.MEDIUM,
    category="network",
    rationale="gRPC carries user name and password in every request; without enable_ssl they go in clear.",
    remediation="Disable grpc_port, or set grpc.enable_ssl=1 with certificates and ssl_require_client_auth.",
    references=(REF_GRPC, REF_PORTS),
)
def grpc_without_tls(snapshot: Snapshot) -> Iterator[Hit]:
    fix = Remediation(xml=xml_fragment("<grpc><enable_ssl>1</enable_ssl></grpc>"))
    if config_known(snapshot):
        port = config_value(snapshot, "grpc_port")
        if not port_enabled(port) or port is None:
            return
        ssl = config_value(snapshot, "grpc.enable_ssl")
        if ssl is not None and is_true(ssl.value):
            return
        yield Hit(
            resource="port:grpc_port",
            evidence={"grpc_port": port.value, "enable_ssl": ssl.value if ssl else None},
            remediation=fix,
            location=port.location,
        )
        return
    if snapshot.endpoints is None:
        raise listener_facts_missing("grpc_port")
    for e in snapshot.endpoints:
        if e.protocol == "grpc" and not e.tls:
            yield Hit(resource=f"endpoint:{e.host}:{e.port}", evidence={"tls": False}, remediation=fix)


@check(
    "prometheus_endpoint_exposed",
    title="The Prometheus metrics endpoint is served without authentication",
    severity=Severity.LOW,
    category="network",
    rationale=(
        "/metrics exposes server metrics, events and asynchronous metrics to anyone who reaches the port - "
        "operational details useful for reconnaissance."
    ),
    remediation="Serve <prometheus> only on a monitoring network (its own port behind a firewall).",
    references=(REF_SERVER_SETTINGS, REF_PORTS),
)
def prometheus_endpoint_exposed(snapshot: Snapshot) -> Iterator[Hit]:
    fix = Remediation(xml=xml_fragment('<prometheus remove="1"/>'))
    endpoints = [e for e in snapshot.endpoints or [] if e.protocol == "prometheus"]
    for e in endpoints:
        yield Hit(
            resource=f"endpoint:{e.host}:{e.port}",
            evidence={"protocol": "prometheus"},
            remediation=fix,
            severity=Severity.MEDIUM,
        )
    if not config_known(snapshot):
        if snapshot.endpoints is None:
            raise listener_facts_missing("prometheus")
        return
    section = config_section(snapshot, "prometheus")
    endpoint = section.get("prometheus.endpoint")
    if endpoint is None or endpoints:
        return
    port = section.get("prometheus.port")
    yield Hit(
        resource="setting:prometheus",
        evidence={"endpoint": endpoint.value, "port": port.value if port else "http_port"},
        remediation=fix,
        severity=Severity.MEDIUM if listens_publicly(snapshot) else None,
        location=endpoint.location,
    )


def _reveals_stack(endpoint: Endpoint) -> bool:
    for key, value in endpoint.reveals.items():
        if "stack" in key.lower() and value:
            return True
        if isinstance(value, str) and any(m in value.lower() for m in ("stack trace", "e.what()")):
            return True
    return False


@check(
    "stack_traces_sent_to_clients",
    title="Error answers carry server stack traces",
    severity=Severity.LOW,
    category="network",
    rationale=(
        "Stack traces in error answers (18.x native errors, enable_http_stacktrace) show library paths and "
        "code addresses to unauthenticated clients, which helps exploit memory-safety bugs."
    ),
    remediation="Upgrade (newer servers send no stack traces to clients) and set enable_http_stacktrace=0.",
    references=(REF_HTTP,),
)
def stack_traces_sent_to_clients(snapshot: Snapshot) -> Iterator[Hit]:
    decided = snapshot.endpoints is not None
    for e in snapshot.endpoints or []:
        if _reveals_stack(e):
            yield Hit(
                resource=f"endpoint:{e.host}:{e.port}",
                evidence={"protocol": e.protocol, "auth": e.auth, "revealed": "stack trace"},
                severity=Severity.MEDIUM if e.auth != "none" else None,
            )
    setting = (snapshot.effective_settings or {}).get("enable_http_stacktrace")
    decided = decided or snapshot.effective_settings is not None
    if setting is not None and is_true(setting.value):
        yield Hit(
            resource="setting:enable_http_stacktrace",
            evidence={"enable_http_stacktrace": setting.value},
            remediation=Remediation(
                xml="<clickhouse><profiles><default><enable_http_stacktrace>0</enable_http_stacktrace>"
                "</default></profiles></clickhouse>"
            ),
        )
    if not decided:
        raise FactMissing("endpoints", snapshot.gaps.get("endpoints", "no port probe and no settings"))


@check(
    "server_display_name_leaked",
    title="The server tells anonymous clients its host name",
    severity=Severity.INFO,
    category="network",
    rationale=(
        "Every HTTP answer carries X-ClickHouse-Server-Display-Name, the host name unless display_name is "
        "set: internal naming is disclosed to anyone who can reach the port."
    ),
    remediation="Set a neutral <display_name>.",
    references=(REF_SERVER_SETTINGS, REF_HTTP),
)
def server_display_name_leaked(snapshot: Snapshot) -> Iterator[Hit]:
    fix = Remediation(xml=xml_fragment("<display_name>clickhouse</display_name>"))
    configured = config_value(snapshot, "display_name") if config_known(snapshot) else None
    if snapshot.endpoints is not None:
        for e in snapshot.endpoints:
            shown = e.reveals.get("display_name")
            if shown and (configured is None or shown != configured.value):
                yield Hit(
                    resource=f"endpoint:{e.host}:{e.port}",
                    evidence={"display_name": shown, "protocol": e.protocol},
                    remediation=fix,
                )
        return
    if not config_known(snapshot):
        raise listener_facts_missing("display_name")
    if configured is None:
        yield Hit(
            resource="setting:display_name",
            evidence={"display_name": None, "sent": "the host name"},
            remediation=fix,
        )
