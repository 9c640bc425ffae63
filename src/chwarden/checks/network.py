"""Network reach checks: which ports a server opens, to whom, and what they give away."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape

from chwarden.checks.deployment_reach import client_reach, replication_configured, single_node
from chwarden.checks.fixroute import fit_to_storage
from chwarden.checks.helpers import (
    WILDCARD_LISTEN,
    admin_users,
    allowed_from_any_host,
    config_known,
    config_section,
    config_value,
    ipv4_netmask_form,
    is_passwordless,
    is_true,
    lacks,
    port_enabled,
    quote_ident,
    server_version,
    user_fix,
    users_d_xml,
    users_or_missing,
    xml_fragment,
)
from chwarden.checks.registry import Hit, check, version_lacks_feature
from chwarden.facts import ConfigValue, FactMissing, Snapshot, UserFacts
from chwarden.model import Endpoint, Remediation, Severity
from chwarden.remediate.features import (
    CLUSTER_SECRET_SINCE,
    REMOTE_URL_ALLOW_HOSTS_SINCE,
    VERBOSE_REPLICAS_SWITCH_SINCE,
)

REF_USERS = "https://clickhouse.com/docs/operations/settings/settings-users"
REF_SERVER_SETTINGS = "https://clickhouse.com/docs/operations/server-configuration-parameters/settings"
REF_PORTS = "https://clickhouse.com/docs/guides/sre/network-ports"
REF_HTTP = "https://clickhouse.com/docs/interfaces/http"
REF_DISTRIBUTED = "https://clickhouse.com/docs/engines/table-engines/special/distributed"
REF_CLUSTERS = "https://clickhouse.com/docs/operations/system-tables/clusters"
REF_KEEPER = "https://clickhouse.com/docs/guides/sre/keeper/clickhouse-keeper"
REF_GRPC = "https://clickhouse.com/docs/interfaces/grpc"
REF_MYSQL = "https://clickhouse.com/docs/interfaces/mysql"
REF_POSTGRESQL = "https://clickhouse.com/docs/interfaces/postgresql"
REF_SSL = "https://clickhouse.com/docs/guides/sre/configuring-ssl"


# --- shared facts -------------------------------------------------------------------------------


def _clickhouse_endpoints(snapshot: Snapshot) -> list[Endpoint] | None:
    if snapshot.endpoints is None:
        return None
    return [e for e in snapshot.endpoints if e.clickhouse]


def _facts_missing(*what: str) -> FactMissing:
    return FactMissing("server_config", f"neither config files nor a port probe show {' or '.join(what)}")


def _listen_hosts(snapshot: Snapshot) -> list[str] | None:
    """Configured listen addresses ([] = default loopback); None when unknown."""
    if not config_known(snapshot):
        value = (snapshot.server_config or {}).get("listen_host")
        return list(value.values) if value is not None else None
    value = config_value(snapshot, "listen_host")
    return list(value.values) if value is not None else []


def _listens_publicly(snapshot: Snapshot) -> bool | None:
    hosts = _listen_hosts(snapshot)
    if hosts is None:
        return None
    return any(h.strip() not in ("127.0.0.1", "::1", "localhost", "") for h in hosts)


# --- who may connect from where -------------------------------------------------------------------


@check(
    "user_allowed_from_any_host",
    title="A user may connect from any address",
    severity=Severity.MEDIUM,
    category="network",
    rationale=(
        "`::/0`, `0.0.0.0/0`, HOST ANY or LIKE '%' make the account usable from the whole internet as soon "
        "as a port is reachable; the shipped `default` user is configured this way."
    ),
    remediation="Restrict the user to the client networks that need it (HOST IP '10.0.0.0/8', HOST LOCAL).",
    references=(REF_USERS, "https://clickhouse.com/docs/sql-reference/statements/create/user"),
)
def user_allowed_from_any_host(snapshot: Snapshot) -> Iterator[Hit]:
    admins = admin_users(snapshot)
    for user in users_or_missing(snapshot):
        if not user.networks_known or not allowed_from_any_host(user):
            continue
        if is_passwordless(user):
            severity = Severity.CRITICAL
        elif user.name == "default" or user.name in admins:
            severity = Severity.HIGH
        else:
            severity = Severity.MEDIUM
        yield Hit(
            resource=f"user:{user.name}",
            evidence={
                "host_ip": user.host_ip,
                "host_names_like": user.host_names_like,
                "host_names_regexp": user.host_names_regexp,
                "passwordless": is_passwordless(user),
                "admin": user.name in admins,
            },
            remediation=_restrict_hosts_fix(snapshot, user),
            severity=severity,
            location=user.networks_location or user.location,  # the line that opens it (issue 21)
        )


def _restrict_hosts_fix(snapshot: Snapshot, user: UserFacts) -> Remediation:
    return user_fix(
        snapshot,
        user,
        sql=f"ALTER USER {quote_ident(user.name)} HOST LOCAL, IP '<client network/CIDR>';",
        xml=users_d_xml(
            user.name,
            '<networks replace="replace">',
            "  <ip>::1</ip>",
            "  <ip>127.0.0.1</ip>",
            "  <ip>CLIENT_NETWORK/CIDR</ip>",
            "</networks>",
        ),
    )


_IPV4_PREFIX = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}/(\d{1,2})$")


@check(
    "legacy_ipv4_cidr_network_open",
    title="An IPv4 prefix in <networks> lets every client in on this 18.x server",
    severity=Severity.HIGH,
    category="network",
    rationale=(
        "On 18.x-era servers (measured on Debian's 18.16 build) `<ip>a.b.c.d/NN</ip>` matches every client "
        "address, so a user that looks restricted to 10.0.0.0/8 is open to the world."
    ),
    remediation="Write IPv4 networks with a netmask (10.0.0.0/255.0.0.0) or as ::ffff:10.0.0.0/104; upgrade.",
    references=(REF_USERS,),
)
def legacy_ipv4_cidr_network_open(snapshot: Snapshot) -> Iterator[Hit]:
    candidates = [
        (u, [ip for ip in u.host_ip if (m := _IPV4_PREFIX.match(ip.strip())) and int(m.group(1)) > 0])
        for u in users_or_missing(snapshot)
    ]
    candidates = [(u, ips) for u, ips in candidates if ips]
    if not candidates:
        return
    version = server_version(snapshot)
    if version is None:
        raise FactMissing("server.version", "IPv4 prefixes found; whether they are broken depends on the version")
    if version[0] > 18:
        return
    for user, ips in candidates:
        yield Hit(
            resource=f"user:{user.name}",
            evidence={"networks": ips, "server_version": snapshot.server.version},
            remediation=Remediation(xml=users_d_xml(user.name, _networks_with_netmasks(user, ips))),
            location=user.networks_location or user.location,
        )


def _networks_with_netmasks(user: UserFacts, prefixes: list[str]) -> str:
    """The user's whole <networks> (it is replaced), with only the broken IPv4 prefixes rewritten."""
    entries = [f"<ip>{ipv4_netmask_form(ip) if ip in prefixes else ip}</ip>" for ip in user.host_ip]
    if user.host_local and not {"127.0.0.1", "::1"} & set(user.host_ip):
        entries += ["<ip>127.0.0.1</ip>", "<ip>::1</ip>"]
    entries += [f"<host>{xml_escape(h)}</host>" for h in user.host_names]
    entries += [f"<host_regexp>{xml_escape(r)}</host_regexp>" for r in user.host_names_regexp]
    return '<networks replace="replace">' + "".join(entries) + "</networks>"


@check(
    "listen_host_wildcard",
    title="The server listens on every network interface",
    severity=Severity.MEDIUM,
    category="network",
    rationale=(
        "Without listen_host the server binds loopback only; `::` or `0.0.0.0` expose every enabled port "
        "on every interface - together with a passwordless user this is the DeepSeek setup."
    ),
    remediation="Bind listen_host to the specific internal address(es) and firewall the ClickHouse ports.",
    references=(REF_SERVER_SETTINGS, REF_PORTS),
)
def listen_host_wildcard(snapshot: Snapshot) -> Iterator[Hit]:
    value = config_value(snapshot, "listen_host")
    if value is None:
        return  # absent: loopback only
    wildcards = [h for h in value.values if h.strip().lower() in WILDCARD_LISTEN]
    if not wildcards:
        return
    open_users = [u.name for u in snapshot.users or [] if is_passwordless(u) and allowed_from_any_host(u)]
    severity = Severity.CRITICAL if open_users else None
    yield Hit(
        resource="setting:listen_host",
        evidence={"listen_host": value.values, "passwordless_users_open_to_any_host": open_users},
        remediation=Remediation(
            xml=xml_fragment('<listen_host replace="replace">INTERNAL_ADDRESS</listen_host>'),
        ),
        severity=severity,
        location=value.location,
    )


# --- which ports are open -------------------------------------------------------------------------

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
    title="Plain-text ports stay open next to the TLS ones",
    severity=Severity.MEDIUM,
    category="network",
    rationale=(
        "TLS is only a protection if clients cannot fall back to the plain HTTP/native/interserver ports, "
        "where passwords and data cross the network in clear."
    ),
    remediation="Remove http_port, tcp_port and interserver_http_port (or bind them to loopback only).",
    references=(REF_PORTS, REF_SSL),
)
def plaintext_ports_enabled(snapshot: Snapshot) -> Iterator[Hit]:
    if config_known(snapshot):
        if not _config_ports(snapshot, TLS_PORT_KEYS):
            return  # no TLS at all: reported by no_tls_ports
        for key, value in _config_ports(snapshot, PLAIN_PORT_KEYS).items():
            yield Hit(
                resource=f"port:{key}",
                evidence={"port": value.value},
                remediation=Remediation(xml=xml_fragment(f'<{key} remove="1"/>')),
                location=value.location,
            )
        return
    endpoints = _clickhouse_endpoints(snapshot)
    if endpoints is None:
        raise _facts_missing("http_port/tcp_port")
    if not any(e.tls for e in endpoints):
        return
    for e in endpoints:
        if not e.tls and e.protocol in ("http", "native", "interserver"):
            yield Hit(
                resource=f"endpoint:{e.host}:{e.port}",
                evidence={"protocol": e.protocol, "auth": e.auth},
                remediation=Remediation(xml=xml_fragment(f'<{_port_key(e.protocol)} remove="1"/>')),
            )


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
        public = _listens_publicly(snapshot)
        yield Hit(
            resource="port:https_port",
            evidence={
                "tls_ports": [],
                "plain_ports": sorted(_config_ports(snapshot, PLAIN_PORT_KEYS)),
                "listens_beyond_loopback": public,
            },
            remediation=Remediation(xml=xml),
            # Issue 21: a single-node container published nowhere (or on the host's loopback only) keeps its
            # traffic on the compose/pod network or the host.
            severity=Severity.LOW if public is False or _contained_single_node(snapshot) else None,
        )
        return
    endpoints = _clickhouse_endpoints(snapshot)
    if endpoints is None:
        raise _facts_missing("https_port/tcp_port_secure")
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
            raise _facts_missing(spec.key)
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
        severity=Severity.HIGH if _listens_publicly(snapshot) else None,
        location=(user or next(iter(ports.values()))).location,
    )


# --- clusters -----------------------------------------------------------------------------------


def _config_clusters(snapshot: Snapshot) -> dict[str, dict[str, ConfigValue]]:
    """remote_servers.<cluster>.* grouped by cluster."""
    clusters: dict[str, dict[str, ConfigValue]] = {}
    for key, value in config_section(snapshot, "remote_servers").items():
        parts = key.split(".")
        if len(parts) >= 3:
            clusters.setdefault(parts[1], {})[".".join(parts[2:])] = value
    return clusters


def _clusters_source(snapshot: Snapshot) -> str:
    """'config' or 'live'; raise when neither knows the clusters."""
    if config_known(snapshot):
        return "config"
    if snapshot.clusters is not None:
        return "live"
    raise FactMissing("clusters", snapshot.gaps.get("clusters", "no cluster definitions were collected"))


@check(
    "cluster_without_secret",
    title="A cluster has no interserver secret",
    severity=Severity.MEDIUM,
    category="network",
    rationale=(
        "Without `<secret>` shards run distributed queries as the configured user (usually `default`) and "
        "cannot tell who started them; anyone able to connect as that user can act as the cluster."
    ),
    remediation="Add a <secret> to every cluster in remote_servers (the same on all nodes).",
    references=(REF_DISTRIBUTED, REF_CLUSTERS),
)
def cluster_without_secret(snapshot: Snapshot) -> Iterator[Hit]:
    if _clusters_source(snapshot) == "config":
        for name, keys in sorted(_config_clusters(snapshot).items()):
            if "secret" in keys:
                continue
            users = sorted({u for k, v in keys.items() if k.endswith(".user") for u in v.values}) or ["default"]
            first = next(iter(keys.values()))
            yield Hit(
                resource=f"cluster:{name}",
                evidence={"connects_as": users},
                remediation=_secret_fix(snapshot, name),
                location=first.location,
            )
        return
    by_cluster: dict[str, list[str]] = {}
    for node in snapshot.clusters or []:
        if node.has_secret or (node.has_secret is None and node.user not in (None, "", "default")):
            continue
        by_cluster.setdefault(node.cluster, []).append(f"{node.host_name}:{node.port}")
    for name, nodes in sorted(by_cluster.items()):
        yield Hit(
            resource=f"cluster:{name}",
            evidence={"nodes": nodes, "connects_as": "default"},
            remediation=_secret_fix(snapshot, name),
        )


def _secret_fix(snapshot: Snapshot, cluster: str) -> Remediation:
    if lacks(snapshot, CLUSTER_SECRET_SINCE):
        return Remediation(
            text="This version has no cluster <secret> (20.10+): connect shards with a dedicated, password-"
            "protected user, allow the native port only between the nodes, and upgrade."
        )
    return Remediation(
        xml=xml_fragment(
            "<remote_servers>",
            f"  <{cluster}>",
            '    <secret from_env="CLICKHOUSE_CLUSTER_SECRET"/>',
            f"  </{cluster}>",
            "</remote_servers>",
        )
    )


TEST_CLUSTER = re.compile(r"^test_(shard_localhost|cluster_|unavailable_shard)")


@check(
    "test_clusters_configured",
    title="Sample test clusters from the shipped config are still defined",
    severity=Severity.LOW,
    category="network",
    rationale=(
        "Old shipped configs define clusters such as test_shard_localhost and test_cluster_two_shards; "
        "they are unused remote targets for remote()/cluster() and usually connect as passwordless default."
    ),
    remediation='Replace remote_servers with only the clusters you run (remote_servers replace="1").',
    references=(REF_DISTRIBUTED, REF_CLUSTERS),
)
def test_clusters_configured(snapshot: Snapshot) -> Iterator[Hit]:
    if _clusters_source(snapshot) == "config":
        names = {n: next(iter(k.values())) for n, k in _config_clusters(snapshot).items()}
        found = {n: v.location for n, v in names.items() if TEST_CLUSTER.match(n)}
    else:
        found = {n.cluster: None for n in snapshot.clusters or [] if TEST_CLUSTER.match(n.cluster)}
    for name, location in sorted(found.items()):
        yield Hit(
            resource=f"cluster:{name}",
            evidence={"cluster": name},
            remediation=Remediation(
                xml=xml_fragment(
                    '<remote_servers replace="1">', "  <!-- only your real clusters -->", "</remote_servers>"
                )
            ),
            location=location,
        )


# --- HTTP surface -------------------------------------------------------------------------------


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
        raise _facts_missing("grpc_port")
    for e in snapshot.endpoints:
        if e.protocol == "grpc" and not e.tls:
            yield Hit(resource=f"endpoint:{e.host}:{e.port}", evidence={"tls": False}, remediation=fix)


DEFAULT_4LW = "conf,cons,crst,envi,ruok,srst,srvr,stat,wchs,dirs,mntr,isro,rcvr,apiv,csnp,lgif,rqld,ydld"
SAFE_4LW = frozenset({"ruok", "mntr", "isro", "srvr"})


@check(
    "keeper_four_letter_words_wide",
    title="Keeper answers revealing four-letter-word commands without authentication",
    severity=Severity.MEDIUM,
    category="network",
    rationale=(
        "Keeper answers whitelisted four-letter words to anyone: envi/conf/cons/wchc disclose the OS user, "
        "paths, client addresses and table paths, and srst/crst reset statistics."
    ),
    remediation="Set keeper_server.four_letter_word_white_list to ruok,mntr,isro (or similar).",
    references=(REF_KEEPER,),
)
def keeper_four_letter_words_wide(snapshot: Snapshot) -> Iterator[Hit]:
    keeper = config_section(snapshot, "keeper_server")
    if not any(k.endswith(("tcp_port", "tcp_port_secure")) for k in keeper):
        return
    listed = keeper.get("keeper_server.four_letter_word_white_list")
    words = {w.strip() for w in (listed.value if listed else DEFAULT_4LW).split(",") if w.strip()}
    wide = sorted(words - SAFE_4LW)
    if not wide:
        return
    yield Hit(
        resource="setting:keeper_server.four_letter_word_white_list",
        evidence={"four_letter_word_white_list": listed.value if listed else None, "revealing": wide},
        remediation=Remediation(
            xml=xml_fragment(
                "<keeper_server><four_letter_word_white_list>ruok,mntr,isro</four_letter_word_white_list>"
                "</keeper_server>"
            )
        ),
        location=listed.location if listed else None,
    )


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
            raise _facts_missing("prometheus")
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
        severity=Severity.MEDIUM if _listens_publicly(snapshot) else None,
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
        raise _facts_missing("display_name")
    if configured is None:
        yield Hit(
            resource="setting:display_name",
            evidence={"display_name": None, "sent": "the host name"},
            remediation=fix,
        )
