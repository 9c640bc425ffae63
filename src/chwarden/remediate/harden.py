"""`chwarden harden`: a complete hardened config directory for one ClickHouse version.

Layout written to the output directory (usable whole, or config.d/ + users.d/ dropped on top of the
packaged config.xml/users.xml):

    config.xml, users.xml     minimal main files (paths, logger, users file)
    config.d/10-network.xml   explicit listen_host, TLS ports only (or plain ports on loopback only)
    config.d/20-tls.xml       certificate, TLS 1.2+, modern ciphers, verified outbound TLS
    config.d/30-logging.xml   query log with TTL, masking rules, secrets hidden in SHOW/SELECT
    config.d/40-access.xml    RBAC switches (insecure password types off, system tables need grants)
    config.d/50-cluster.xml   (--cluster) interserver credentials, cluster secret, Keeper auth
    users.d/00-default.xml    the default user removed
    users.d/10-profiles.xml   reader/writer/admin profiles: readonly, limits, constraints
    users.d/20-quotas.xml     quotas with real limits
    users.d/30-roles.xml      (23.6+) reader/writer/admin roles with grants
    users.d/40-users.xml      admin, reader, writer: SHA-256 hashes, restricted networks
    secrets.env               generated passwords (mode 0600; also the EnvironmentFile for from_env)

No secret value is written anywhere but secrets.env: users.d holds hashes, config.d reads the
interserver/cluster/Keeper secrets with from_env.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path

from chwarden.clickhouse import features as F
from chwarden.clickhouse.features import Features
from chwarden.errors import InputError
from chwarden.remediate.secrets_store import SecretStore, new_secret, secret_key, sha256_hex
from chwarden.remediate.xmlbuild import Node, comment, document, el, leaves

LOOPBACK = ("127.0.0.1", "::1")
HTTPS_PORT, TCP_SECURE_PORT, HTTP_PORT, TCP_PORT = 8443, 9440, 8123, 9000
INTERSERVER_HTTPS_PORT, INTERSERVER_HTTP_PORT = 9010, 9009
ROLES = ("reader", "writer", "admin")
# The admin role runs the databases (DDL, DML, KILL QUERY) but cannot manage access or reach outside
# sources; only the single break-glass admin user holds ALL directly (one accepted admin).
ADMIN_ROLE_PRIVILEGES = "SHOW, SELECT, INSERT, ALTER, CREATE, DROP, TRUNCATE, OPTIMIZE, KILL QUERY"
LOG_TTL = "event_date + INTERVAL 30 DAY DELETE"
MODERN_CIPHERS = ":".join(
    [
        "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-AES128-GCM-SHA256",
        "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-CHACHA20-POLY1305",
        "ECDHE-RSA-CHACHA20-POLY1305",
    ]
)
# Regex masking of secrets in query text before it reaches any log (RE2 syntax, no look-around).
MASKING_RULES = (
    ("identified by", r"(?i)(IDENTIFIED\s+(?:WITH\s+\w+\s+)?BY\s+)'[^']*'", r"\1'[HIDDEN]'"),
    ("url credentials", r"://[^:/@\s']+:[^@/\s']+@", "://[HIDDEN]:[HIDDEN]@"),
    ("password arguments", r"(?i)(password\s*=\s*)'[^']*'", r"\1'[HIDDEN]'"),
    ("aws keys", r"(?:AKIA|ASIA)[0-9A-Z]{16}", "[HIDDEN-AWS-KEY]"),
    ("api tokens", r"\b(?:sk|pk|rk)[-_](?:live|test|proj)?[-_]?[A-Za-z0-9]{16,}", "[HIDDEN-TOKEN]"),
    ("card numbers", r"\b(?:\d[ -]?){13,16}\b", "[HIDDEN-CARD]"),
)
# Per-role settings: (value, constraint) where constraint is "max" or "const".
LIMITS: dict[str, dict[str, tuple[str, str]]] = {
    "reader": {
        "readonly": ("1", "const"),
        "max_memory_usage": ("4000000000", "max"),
        "max_execution_time": ("120", "max"),
        "max_result_rows": ("1000000", "max"),
        "max_rows_to_read": ("2000000000", "max"),
        "max_concurrent_queries_for_user": ("8", "max"),
    },
    "writer": {
        "readonly": ("0", "const"),
        "allow_ddl": ("0", "const"),
        "max_memory_usage": ("8000000000", "max"),
        "max_execution_time": ("600", "max"),
        "max_result_rows": ("1000000", "max"),
        "max_rows_to_read": ("10000000000", "max"),
        "max_concurrent_queries_for_user": ("8", "max"),
    },
    "admin": {
        "readonly": ("0", "const"),
        "max_memory_usage": ("16000000000", "max"),
        "max_execution_time": ("3600", "max"),
        "max_result_rows": ("100000000", "max"),
        "max_rows_to_read": ("100000000000", "max"),
        "max_concurrent_queries_for_user": ("16", "max"),
    },
}
COMMON_SETTINGS: dict[str, tuple[str, str]] = {
    "log_queries": ("1", "const"),
    "result_overflow_mode": ("throw", ""),
    "add_http_cors_header": ("0", "const"),
}
INTROSPECTION_SETTING = {"allow_introspection_functions": ("0", "const")}  # 19.14+
QUOTAS = {  # queries, errors, result_rows, read_rows, execution_time per hour
    "default": (100, 10, 1_000_000, 1_000_000_000, 600),
    "reader": (10_000, 1_000, 100_000_000, 100_000_000_000, 36_000),
    "writer": (10_000, 1_000, 100_000_000, 100_000_000_000, 36_000),
    "admin": (50_000, 5_000, 1_000_000_000, 1_000_000_000_000, 72_000),
}


class HardenError(InputError, ValueError):
    """The options cannot give a safe configuration (a clear message for the CLI)."""


@dataclass(frozen=True)
class HardenOptions:
    target: Features
    listen_hosts: tuple[str, ...] = LOOPBACK
    tls_cert: str | None = None
    tls_key: str | None = None
    tls_ca: str | None = None  # CA of the peers' certificates (cluster nodes verify each other against it)
    cluster: bool = False
    cluster_name: str = "main"
    cluster_nodes: tuple[str, ...] = ()
    keeper_nodes: tuple[str, ...] = ("localhost:2181",)
    client_networks: tuple[str, ...] = LOOPBACK
    admin_networks: tuple[str, ...] = LOOPBACK
    databases: tuple[str, ...] = ("default",)
    data_path: str = "/var/lib/clickhouse/"
    log_dir: str = "/var/log/clickhouse-server"

    @property
    def tls(self) -> bool:
        return self.tls_cert is not None


@dataclass
class Hardened:
    """The generated files (relative path -> text) and the secrets they need."""

    files: dict[str, str]
    secrets: SecretStore
    notes: list[str] = field(default_factory=list)

    def write(self, out: Path) -> list[Path]:
        """Write every file under ``out``; secrets.env gets mode 0600."""
        written: list[Path] = []
        for rel, text in sorted(self.files.items()):
            path = out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
        header = "Generated by chwarden harden. Keep this file 0600; load it as the service's EnvironmentFile."
        written.append(self.secrets.write(out / SECRETS_FILE, header))
        return written


SECRETS_FILE = "secrets.env"


def validate(options: HardenOptions) -> None:
    if (options.tls_cert is None) != (options.tls_key is None):
        raise HardenError("give both --tls-cert and --tls-key (or neither)")
    for host in options.listen_hosts:
        if not options.tls and not _is_loopback(host):
            raise HardenError(
                f"listen_host {host} is not loopback: plain-text ports may only listen on loopback; "
                "give --tls-cert/--tls-key to serve other addresses over TLS"
            )
    for net in (*options.client_networks, *options.admin_networks):
        try:
            ipaddress.ip_network(net, strict=False)
        except ValueError as exc:
            raise HardenError(f"{net!r} is not an IP address or network: {exc}") from exc
        if ipaddress.ip_network(net, strict=False).prefixlen == 0:
            raise HardenError(f"network {net} admits every address; name the client networks")
    for db in options.databases:
        if not db.replace("_", "").isalnum():
            raise HardenError(f"database name {db!r}: use letters, digits and _ only")
    if options.cluster and not options.tls:
        raise HardenError("--cluster needs --tls-cert/--tls-key: interserver and shard traffic must be encrypted")
    if options.tls_ca and not options.tls:
        raise HardenError("--tls-ca goes with --tls-cert/--tls-key")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def generate(options: HardenOptions) -> Hardened:
    """Build the hardened configuration for ``options.target`` (raises HardenError on unsafe options)."""
    validate(options)
    store = SecretStore()
    t = options.target
    root = t.root
    files = {
        "config.xml": document(root, f"chwarden hardened main config for ClickHouse {t.label}", _main(options)),
        "users.xml": document(
            root,
            "minimal users file: every user, profile and quota lives in users.d/",
            [el("profiles", el("default")), el("users"), el("quotas", el("default"))],
        ),
        "config.d/10-network.xml": document(root, "listeners: explicit addresses, TLS only", _network(options)),
        "config.d/30-logging.xml": document(root, "logs: TTL, masking, hidden secrets", _logging(options)),
        "users.d/00-default.xml": document(
            root,
            "the passwordless default user is removed; anonymous clients cannot log in",
            [el("users", el("default", remove="remove"))],
        ),
        "users.d/10-profiles.xml": document(root, "least-privilege settings profiles", [_profiles(t)]),
        "users.d/20-quotas.xml": document(root, "quotas with real limits", [_quotas()]),
        "users.d/40-users.xml": document(
            root, "named users with SHA-256 password hashes (passwords: secrets.env)", [_users(options, store)]
        ),
    }
    if options.tls:
        files["config.d/20-tls.xml"] = document(root, "TLS 1.2+ with modern ciphers", [_openssl(options)])
    if t.rbac:
        files["config.d/40-access.xml"] = document(root, "access-control switches", _access(t))
    if t.xml_roles:
        files["users.d/30-roles.xml"] = document(root, "roles: reader, writer, admin", [_roles(options)])
    if options.cluster:
        files["config.d/50-cluster.xml"] = document(
            root, "cluster: interserver credentials, cluster secret, Keeper auth", _cluster(options, store)
        )
    return Hardened(files=files, secrets=store, notes=_notes(options))


def _notes(options: HardenOptions) -> list[str]:
    t = options.target
    notes = [f"target ClickHouse {t.label}: {t.era}"]
    if t.has(F.BCRYPT_SINCE):
        notes.append(
            "passwords are SHA-256 hashes: users.xml has no bcrypt key; create SQL users with "
            "IDENTIFIED WITH bcrypt_password for bcrypt"
        )
    if not t.has(F.LOG_TTL_SINCE):
        notes.append(f"ClickHouse {t.label} cannot set a TTL on system logs in config: purge them by hand")
    if not t.has(F.MASKING_SINCE):
        notes.append(f"ClickHouse {t.label} has no query_masking_rules: keep secrets out of query text")
    if not t.has(F.REMOTE_URL_ALLOW_HOSTS_SINCE):
        notes.append(f"ClickHouse {t.label} has no remote_url_allow_hosts: filter the server's outbound traffic")
    if options.cluster and not options.tls_ca:
        notes.append("cluster nodes verify each other's certificates against the system CA store; give --tls-ca")
    if options.cluster:
        notes.append(
            f"create the Keeper root /clickhouse/{options.cluster_name} once, with an ACL for the identity in "
            "CHWARDEN_KEEPER_IDENTITY, before creating replicated tables; set interserver_https_host and "
            "listen_host per node"
        )
    if options.cluster and not t.has(F.REPLICATION_WITHOUT_TCP_PORT_SINCE):
        notes.append(f"ClickHouse {t.label} replication needs the plain tcp_port: firewall it to the cluster nodes")
    if options.cluster and not t.has(F.CLUSTER_SECRET_SINCE):
        notes.append(
            f"ClickHouse {t.label} has no cluster secret: shards log in as the dedicated '{CLUSTER_USER}' user "
            f"({CLUSTER_USER_SECRET}), allowed from the nodes only"
        )
    return notes


# ---- main files ---------------------------------------------------------------------------------


def _main(options: HardenOptions) -> list[Node | None]:
    data = options.data_path.rstrip("/") + "/"
    users: Node = (
        el(
            "user_directories",
            el("users_xml", el("path", "users.xml")),
            el("local_directory", el("path", f"{data}access/")),
        )
        if options.target.rbac
        else el("users_config", "users.xml")
    )
    return [
        el(
            "logger",
            el("level", "information"),
            el("log", f"{options.log_dir}/clickhouse-server.log"),
            el("errorlog", f"{options.log_dir}/clickhouse-server.err.log"),
            el("size", "1000M"),
            el("count", "10"),
        ),
        el("path", data),
        el("tmp_path", f"{data}tmp/"),
        el("user_files_path", f"{data}user_files/"),
        el("format_schema_path", f"{data}format_schemas/"),
        el("mark_cache_size", "5368709120"),
        users,
        el("default_profile", "default"),
    ]


# ---- config.d -----------------------------------------------------------------------------------


def _network(options: HardenOptions) -> list[Node | None]:
    t = options.target
    nodes: list[Node | None] = [el("listen_host", h) for h in options.listen_hosts]
    if options.tls:
        nodes += [
            el("https_port", str(HTTPS_PORT)),
            el("tcp_port_secure", str(TCP_SECURE_PORT)),
            el("http_port", remove="1"),
        ]
        if options.cluster and not t.has(F.REPLICATION_WITHOUT_TCP_PORT_SINCE):
            nodes += [
                comment("18.x replicated tables cannot start without tcp_port: firewall it to the cluster nodes"),
                el("tcp_port", str(TCP_PORT)),
            ]
        else:
            nodes.append(el("tcp_port", remove="1"))
    else:
        nodes += [
            comment("no certificate given: plain-text ports, reachable from loopback only"),
            el("http_port", str(HTTP_PORT)),
            el("tcp_port", str(TCP_PORT)),
        ]
    if options.cluster:
        public = [h for h in options.listen_hosts if h not in LOOPBACK]
        if public:  # replicas fetch parts from the address a node announces; it must match its certificate
            nodes.append(el("interserver_https_host", public[0]))
    if options.cluster:
        nodes += [el("interserver_https_port", str(INTERSERVER_HTTPS_PORT)), el("interserver_http_port", remove="1")]
    else:
        nodes += [el("interserver_http_port", remove="1"), el("remote_servers", replace="replace")]
    if t.has(F.MYSQL_PORT_SINCE):
        nodes += [el("mysql_port", remove="1"), el("postgresql_port", remove="1"), el("grpc_port", remove="1")]
    if t.has(F.VERBOSE_REPLICAS_SWITCH_SINCE):
        nodes.append(el("enable_verbose_replicas_status", "0"))
    nodes.append(el("display_name", "clickhouse"))
    if t.has(F.REMOTE_URL_ALLOW_HOSTS_SINCE):
        nodes.append(el("remote_url_allow_hosts", comment("url(), s3() and remote() may reach only hosts listed here")))
    return nodes


def _openssl(options: HardenOptions) -> Node:
    assert options.tls_cert is not None and options.tls_key is not None
    return el(
        "openSSL",
        el(
            "server",
            el("certificateFile", options.tls_cert),
            el("privateKeyFile", options.tls_key),
            el("verificationMode", "none"),
            el("loadDefaultCAFile", "true"),
            el("cacheSessions", "true"),
            el("disableProtocols", "sslv2,sslv3,tlsv1,tlsv1_1"),
            el("cipherList", MODERN_CIPHERS),
            el("preferServerCiphers", "true"),
        ),
        el(
            "client",
            el("loadDefaultCAFile", "true"),
            el("cacheSessions", "true"),
            el("disableProtocols", "sslv2,sslv3,tlsv1,tlsv1_1"),
            el("preferServerCiphers", "true"),
            el("verificationMode", "relaxed"),
            el("caConfig", options.tls_ca) if options.tls_ca else None,
            el("invalidCertificateHandler", el("name", "RejectCertificateHandler")),
        ),
    )


def _log_section(name: str, t: Features) -> Node:
    return el(
        name,
        el("database", "system"),
        el("table", name),
        el("partition_by", "toYYYYMM(event_date)"),
        el("ttl", LOG_TTL) if t.has(F.LOG_TTL_SINCE) else None,
        el("flush_interval_milliseconds", "7500"),
    )


def _logging(options: HardenOptions) -> list[Node | None]:
    t = options.target
    nodes: list[Node | None] = [
        el("logger", el("level", "information")),
        _log_section("query_log", t),
        _log_section("part_log", t) if t.has(F.LOG_TTL_SINCE) else None,
    ]
    if t.has(F.SESSION_LOG_SINCE):
        nodes.append(_log_section("session_log", t))
    if t.has(F.MASKING_SINCE):
        nodes.append(
            el(
                "query_masking_rules",
                *(el("rule", el("name", n), el("regexp", r), el("replace", s)) for n, r, s in MASKING_RULES),
            )
        )
    if t.has(F.DISPLAY_SECRETS_SINCE):
        nodes.append(el("display_secrets_in_show_and_select", "0"))
    return nodes


def _access(t: Features) -> list[Node | None]:
    nodes: list[Node | None] = []
    if t.has(F.ACCESS_IMPROVEMENTS_SINCE):
        nodes.append(
            el(
                "access_control_improvements",
                *leaves(
                    {
                        "users_without_row_policies_can_read_rows": "false",
                        "on_cluster_queries_require_cluster_grant": "true",
                        "select_from_system_db_requires_grant": "true",
                        "select_from_information_schema_requires_grant": "true",
                        "settings_constraints_replace_previous": "true",
                        "table_engines_require_grant": "true",
                    }
                ),
            )
        )
    if t.has(F.INSECURE_PASSWORD_SWITCHES_SINCE):
        nodes += leaves({"allow_plaintext_password": "0", "allow_no_password": "0", "allow_implicit_no_password": "0"})
    if t.has(F.BCRYPT_SINCE):
        nodes += leaves({"default_password_type": "bcrypt_password", "bcrypt_workfactor": "12"})
    return nodes


def _cluster(options: HardenOptions, store: SecretStore) -> list[Node | None]:
    t = options.target
    nodes = _cluster_nodes(options)
    store.get("CHWARDEN_INTERSERVER_PASSWORD")
    identity_key = "CHWARDEN_KEEPER_IDENTITY"
    store.values.setdefault(identity_key, "chwarden:" + new_secret())  # user:password for ZooKeeper digest auth
    # Without a cluster secret (before 20.10) a shard runs forwarded queries as the user named here: a
    # dedicated account with its own password, never the removed default.
    login: list[Node | None] = []
    if not t.has(F.CLUSTER_SECRET_SINCE):
        store.get(CLUSTER_USER_SECRET)
        login = [el("user", CLUSTER_USER), el("password", from_env=CLUSTER_USER_SECRET)]
    replicas = [
        el("replica", el("host", host), el("port", str(TCP_SECURE_PORT)), el("secure", "1"), *login) for host in nodes
    ]
    cluster = el(
        options.cluster_name,
        el("secret", from_env="CHWARDEN_CLUSTER_SECRET") if t.has(F.CLUSTER_SECRET_SINCE) else None,
        el("shard", el("internal_replication", "true"), *replicas),
    )
    if t.has(F.CLUSTER_SECRET_SINCE):
        store.get("CHWARDEN_CLUSTER_SECRET")
    keepers = []
    for i, hostport in enumerate(options.keeper_nodes, 1):
        host, _, port = hostport.rpartition(":") if ":" in hostport else (hostport, "", "2181")
        keepers.append(el("node", el("host", host), el("port", port or "2181"), el("secure", "1"), index=str(i)))
    return [
        el("remote_servers", cluster, replace="replace"),
        el(
            "interserver_http_credentials",
            el("user", "interserver"),
            el("password", from_env="CHWARDEN_INTERSERVER_PASSWORD"),
        )
        if t.has(F.INTERSERVER_CREDENTIALS_SINCE)
        else None,
        el(
            "zookeeper",
            *keepers,
            el("root", f"/clickhouse/{options.cluster_name}"),
            el("identity", from_env=identity_key),
        ),
    ]


# ---- users.d ------------------------------------------------------------------------------------


def _settings(role: str, t: Features) -> dict[str, tuple[str, str]]:
    settings = dict(LIMITS[role])
    settings.update(COMMON_SETTINGS)
    if t.has(F.CONSTRAINTS_SINCE):
        settings.update(INTROSPECTION_SETTING)
    return settings


def _profile(name: str, settings: dict[str, tuple[str, str]], t: Features) -> Node:
    children: list[Node] = [el(k, v) for k, (v, _) in settings.items()]
    if t.has(F.CONSTRAINTS_SINCE):
        constraints = [
            el(k, el("max", v)) if kind == "max" else el(k, el("readonly")) for k, (v, kind) in settings.items() if kind
        ]
        children.append(el("constraints", *constraints))
    return el(name, *children)


def _profiles(t: Features) -> Node:
    # Every user starts from the default profile before its own: small limits, nothing role-specific
    # (a readonly here would be inherited by the writer and admin profiles).
    default = dict(_settings("reader", t))
    del default["readonly"]
    default.update({"max_memory_usage": ("2000000000", "max"), "max_execution_time": ("60", "max")})
    return el(
        "profiles",
        _profile("default", default, t),
        *(_profile(role, _settings(role, t), t) for role in ROLES),
    )


def _quotas() -> Node:
    names = ("queries", "errors", "result_rows", "read_rows", "execution_time")
    return el(
        "quotas",
        *(
            el(name, el("interval", el("duration", "3600"), *leaves(dict(zip(names, limits, strict=True)))))
            for name, limits in QUOTAS.items()
        ),
    )


def network_entries(networks: tuple[str, ...], t: Features) -> list[Node]:
    """<ip> entries; users.xml-era servers get IPv4 masks as a.b.c.d/255.255.255.0 (their /NN matches all)."""
    entries = []
    for text in networks:
        net = ipaddress.ip_network(text, strict=False)
        if net.num_addresses == 1:
            value = str(net.network_address)
        elif net.version == 4 and not t.rbac:
            value = f"{net.network_address}/{net.netmask}"
        else:
            value = str(net)
        entries.append(el("ip", value))
    return entries


def _roles(options: HardenOptions) -> Node:
    dbs = [f"`{d}`.*" for d in options.databases]
    grants = {
        "reader": [f"GRANT SELECT ON {d}" for d in dbs],
        "writer": [f"GRANT SELECT, INSERT ON {d}" for d in dbs],
        "admin": [f"GRANT {ADMIN_ROLE_PRIVILEGES} ON *.*"],
    }
    return el(
        "roles",
        *(el(role, el("grants", *(el("query", q) for q in grants[role]))) for role in ROLES),
    )


CLUSTER_USER = "cluster"
CLUSTER_USER_SECRET = "CHWARDEN_CLUSTER_PASSWORD"


def _cluster_nodes(options: HardenOptions) -> tuple[str, ...]:
    return options.cluster_nodes or tuple(h for h in options.listen_hosts if h not in LOOPBACK) or ("localhost",)


def _cluster_user(options: HardenOptions, store: SecretStore) -> Node:
    """The account shards log in with before cluster secrets existed: reachable from the nodes only."""
    hosts: list[Node] = []
    for host in _cluster_nodes(options):
        try:
            hosts.extend(network_entries((host,), options.target))
        except ValueError:
            hosts.append(el("host", host))  # a node given by name
    return el(
        CLUSTER_USER,
        el("password_sha256_hex", sha256_hex(store.get(CLUSTER_USER_SECRET))),
        el("networks", *network_entries(LOOPBACK, options.target), *hosts),
        el("profile", "writer"),
        el("quota", "writer"),
        el("allow_databases", *(el("database", d) for d in options.databases)),
    )


def _users(options: HardenOptions, store: SecretStore) -> Node:
    t = options.target
    users = []
    for role in ROLES:
        secret = store.get(secret_key(role))
        networks = options.admin_networks if role == "admin" else options.client_networks
        parts: list[Node | None] = [
            el("password_sha256_hex", sha256_hex(secret)),
            el("networks", *network_entries(networks, t)),
            el("profile", role),
            el("quota", role),
        ]
        if t.xml_roles:
            queries = [f"GRANT {role}"] + (["GRANT ALL ON *.* WITH GRANT OPTION"] if role == "admin" else [])
            parts.append(el("grants", *(el("query", q) for q in queries)))
        elif role == "admin":
            parts.append(el("access_management", "1") if t.rbac else None)
        else:
            parts.append(el("allow_databases", *(el("database", d) for d in options.databases)))
        users.append(el(role, *parts))
    if options.cluster and not t.has(F.CLUSTER_SECRET_SINCE):
        users.append(_cluster_user(options, store))
    return el("users", *users)
