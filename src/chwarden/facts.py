"""Snapshot types: plain, typed, JSON-serialisable facts about one target.

Sources (live SQL, config files, probes) fill these; checks only read them. A collection field set
to ``None`` means "not collected", and ``Snapshot.gaps`` says why (permission denied, not on this
version, offline config lacks it). An empty list means "collected, and there are none".

No secret ever lands in a snapshot: sources redact credentials with ``chwarden.redact`` before
storing them, so a saved snapshot can be shared like a report.
"""

# No ``from __future__ import annotations``: string annotations cost pydantic a compile and an eval per
# field when each class is made (~10 ms at each start; chwarden.model says the same).
from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from chwarden.model import Endpoint, FileNotRead, Location, SensitiveData, empty_dict, empty_list

# 2: scan facts, facts_from_config and settings_set_by_audit are typed fields (were under ``extra``);
# version 1 files are migrated when read (``Snapshot._migrate``).
SNAPSHOT_VERSION = 2

# The access-control facts: what users.xml or the SQL RBAC tables define.
ACCESS_FACTS = (
    "users",
    "roles",
    "grants",
    "role_grants",
    "row_policies",
    "quotas",
    "profiles",
    "profile_elements",
)

T = TypeVar("T")


class FactModel(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class FactMissing(Exception):
    """Raised by a check when a fact it needs was not collected; becomes a not_checked entry."""

    def __init__(self, fact: str, reason: str) -> None:
        super().__init__(f"{fact}: {reason}")
        self.fact = fact
        self.reason = reason


class Capabilities(FactModel):
    """What the server can answer, detected from the server itself rather than its version number."""

    has_sql_rbac: bool = False  # system.users & friends
    has_server_settings: bool = False  # system.server_settings
    has_named_collections: bool = False
    has_multimatch: bool = False  # multiMatchAny / Vectorscan
    has_current_user: bool = False
    has_query_log: bool = False
    has_text_log: bool = False
    has_session_log: bool = False
    has_settings_changes: bool = False
    has_clusters: bool = False
    has_dictionaries: bool = False
    has_cluster_all_replicas: bool = False


class ServerInfo(FactModel):
    version: str | None = None
    display_name: str | None = None
    timezone: str | None = None
    uptime_seconds: int | None = None
    build: str | None = None  # e.g. VERSION_DESCRIBE or "official build"


class ConnectionInfo(FactModel):
    """How chwarden reached the target; for live targets, who it authenticated as."""

    kind: Literal["live", "embedded", "config", "snapshot", "files"] = "live"
    url: str | None = None  # credentials never included
    protocol: str | None = None  # http | https | native | native_tls | embedded
    host: str | None = None
    port: int | None = None
    user: str | None = None
    password_given: bool = False
    tls: bool = False
    tls_verified: bool | None = None
    session_lock: str | None = None  # the read-only lock the server applied to chwarden's session
    config_source: str | None = None  # config directory/file read beside the live facts
    config_found_by: str | None = None  # how chwarden found it when nobody named it (a local server's command line)


class AnonymousLogin(FactModel):
    """Result of logging in as `default` with an empty password (what a stranger would try first)."""

    protocol: str
    port: int | None = None
    accepted: bool
    error_code: int | None = None
    detail: str | None = None


class SecretRef(FactModel):
    """A credential seen in the target, kept only as a redacted fingerprint."""

    kind: str  # e.g. password, access_key, url_credentials, token
    redacted: str  # "s3cr…(redacted, sha256:1a2b3c4d)"
    where: str | None = None  # column/key/path where it was seen


class UserFacts(FactModel):
    name: str
    storage: str | None = None  # users_xml, local_directory, replicated, ldap, config
    auth_types: list[str] = Field(default_factory=empty_list)  # no_password, plaintext_password, ...
    password_empty: bool | None = None  # known from config or a successful empty-password login
    sha256_salted: bool | None = None
    host_ip: list[str] = Field(default_factory=empty_list)
    host_names: list[str] = Field(default_factory=empty_list)
    host_names_regexp: list[str] = Field(default_factory=empty_list)
    host_names_like: list[str] = Field(default_factory=empty_list)
    host_local: bool = False  # HOST LOCAL (127.0.0.1/::1 folded)
    networks_known: bool = True  # False when only the login is known, not the allowed networks
    profile: str | None = None
    quota: str | None = None
    default_roles_all: bool | None = None
    default_roles_list: list[str] = Field(default_factory=empty_list)
    allow_databases: list[str] | None = None  # legacy users.xml whitelist; None = all databases
    access_management: bool | None = None
    named_collection_control: bool | None = None
    show_named_collections_secrets: bool | None = None
    valid_until: str | None = None
    secrets: list[SecretRef] = Field(default_factory=empty_list)  # plaintext passwords as fingerprints
    location: Location | None = None
    # Config files only: the line that decides the password (`<password>`, a hash, the env variable
    # the image turns into one) and the line that opens the networks (the widest `<ip>`), so a
    # finding about either points there rather than at the user's element.
    password_location: Location | None = None
    networks_location: Location | None = None
    # Why the password is one an attacker tries first (equals the user name, a documented default,
    # on the common-password list), or None; computed offline where the plain text or hash is seen.
    well_known_password: str | None = None


class RoleFacts(FactModel):
    name: str
    storage: str | None = None
    location: Location | None = None


class GrantFacts(FactModel):
    user_name: str | None = None
    role_name: str | None = None
    access_type: str
    database: str | None = None  # None = all databases
    table: str | None = None
    column: str | None = None
    is_partial_revoke: bool = False
    grant_option: bool = False
    is_wildcard: bool = False  # database/table are name prefixes (GRANT ... ON db_*.*; 25.x+)

    @property
    def grantee(self) -> str:
        return f"user:{self.user_name}" if self.user_name is not None else f"role:{self.role_name}"


class RoleGrantFacts(FactModel):
    user_name: str | None = None
    role_name: str | None = None
    granted_role_name: str
    granted_role_is_default: bool = True
    with_admin_option: bool = False


class RowPolicyFacts(FactModel):
    name: str
    short_name: str | None = None
    database: str | None = None
    table: str | None = None
    select_filter: str | None = None
    is_restrictive: bool = False
    apply_to_all: bool = False
    apply_to_list: list[str] = Field(default_factory=empty_list)
    apply_to_except: list[str] = Field(default_factory=empty_list)


class QuotaInterval(FactModel):
    duration: int  # seconds
    max_queries: int | None = None  # None or 0 = unlimited
    max_errors: int | None = None
    max_result_rows: int | None = None
    max_result_bytes: int | None = None
    max_read_rows: int | None = None
    max_read_bytes: int | None = None
    max_execution_time: float | None = None

    def limits_anything(self) -> bool:
        values = (
            self.max_queries,
            self.max_errors,
            self.max_result_rows,
            self.max_result_bytes,
            self.max_read_rows,
            self.max_read_bytes,
            self.max_execution_time,
        )
        return any(v for v in values)


class QuotaFacts(FactModel):
    name: str
    storage: str | None = None
    keys: list[str] = Field(default_factory=empty_list)
    intervals: list[QuotaInterval] = Field(default_factory=empty_list)
    apply_to_all: bool = False
    apply_to_list: list[str] = Field(default_factory=empty_list)
    apply_to_except: list[str] = Field(default_factory=empty_list)
    location: Location | None = None


class ProfileElement(FactModel):
    """One line of a settings profile (or of a user's/role's own settings)."""

    profile_name: str | None = None
    user_name: str | None = None
    role_name: str | None = None
    setting_name: str | None = None
    value: str | None = None
    min: str | None = None
    max: str | None = None
    writability: str | None = None  # WRITABLE | CONST | CHANGEABLE_IN_READONLY
    inherit_profile: str | None = None
    location: Location | None = None


class ProfileFacts(FactModel):
    name: str
    storage: str | None = None
    location: Location | None = None


class SettingValue(FactModel):
    """An effective session setting of the auditing (or configured) user."""

    value: str
    changed: bool = False
    default: str | None = None


class ConfigValue(FactModel):
    """A server configuration value, by dotted path (``openSSL.server.disableProtocols``).

    Repeated elements (``listen_host``) keep every value in ``values``.
    """

    values: list[str]
    location: Location | None = None
    origin: Literal["config", "server_settings", "probe"] = "config"

    @property
    def value(self) -> str:
        return self.values[-1] if self.values else ""


class SystemLogFacts(FactModel):
    name: str  # query_log, query_thread_log, text_log, ...
    exists: bool | None = None  # table present (live)
    configured: bool | None = None  # section present (config)
    has_ttl: bool | None = None
    location: Location | None = None


class TableFacts(FactModel):
    database: str
    name: str
    engine: str
    total_rows: int | None = None
    total_bytes: int | None = None
    is_temporary: bool = False
    columns: list[tuple[str, str]] = Field(default_factory=empty_list)  # (name, type)
    secrets: list[SecretRef] = Field(default_factory=empty_list)  # credentials in the engine definition


class DatabaseFacts(FactModel):
    name: str
    engine: str
    secrets: list[SecretRef] = Field(default_factory=empty_list)


class DictionaryFacts(FactModel):
    database: str | None = None
    name: str
    source_type: str | None = None
    secrets: list[SecretRef] = Field(default_factory=empty_list)


class NamedCollectionFacts(FactModel):
    name: str
    keys: list[str] = Field(default_factory=empty_list)
    secrets_visible: bool = False  # values came back unmasked
    secrets: list[SecretRef] = Field(default_factory=empty_list)


class ClusterNodeFacts(FactModel):
    cluster: str
    shard_num: int
    replica_num: int
    host_name: str
    host_address: str | None = None
    port: int
    is_local: bool = False
    user: str | None = None
    secure: bool | None = None
    has_secret: bool | None = None


class LogSecretFacts(FactModel):
    """A secret seen in a log table (query_log, text_log, processes), redacted."""

    log: str  # system.query_log
    kind: str  # create_user_password, url_credentials, table_function_password, ...
    count: int
    users: list[str] = Field(default_factory=empty_list)
    examples: list[str] = Field(default_factory=empty_list)  # redacted excerpts only


class LocatedSecret(FactModel):
    """A credential written in a deployment file, redacted, with the line that holds it."""

    kind: str
    redacted: str
    where: str
    location: Location | None = None


class K8sUserFacts(FactModel):
    """A user as written in a ClickHouseInstallation (``spec.configuration.users``)."""

    installation: str  # namespace/name of the CHI
    name: str
    plaintext_password: SecretRef | None = None  # `password:` written in the CR itself (redacted)
    password_from_secret: bool = False  # valueFrom.secretKeyRef / k8s_secret_*
    networks_ip: list[str] = Field(default_factory=empty_list)  # networks/ip as written in the CR
    networks_set: bool = False  # the CR overrides the operator's own networks for this user
    operator_password: bool = False  # declared without a password: the operator fills in its default one
    location: Location | None = None


class K8sServiceFacts(FactModel):
    """A Service (or CHI service template) that publishes ClickHouse pods."""

    name: str
    type: str  # ClusterIP | NodePort | LoadBalancer
    ports: list[int] = Field(default_factory=empty_list)
    internal: bool = False  # an internal-load-balancer annotation is present
    location: Location | None = None


class PortExposure(FactModel):
    """Who can reach one container port of a ClickHouse server, as the deployment file wires it.

    ``scope``: ``any`` = every network the host (or node) is on (published on 0.0.0.0/:: or with no
    address, host networking, NodePort, public load balancer); ``address`` = one host address
    (``host_ip``); ``loopback`` = the host itself only (published on 127.0.0.1/::1);
    ``internal`` = only the compose network or the cluster's pod network (not published).
    """

    container_port: int
    scope: Literal["any", "address", "loopback", "internal"]
    host_ip: str | None = None
    host_port: str | None = None
    via: str = ""  # what wires it: "ports: 8123:8123", "network_mode: host", "Service x (NodePort)"
    location: Location | None = None


class ContainerFacts(FactModel):
    """A docker-compose service running a ClickHouse image, with its environment (secrets redacted)."""

    service: str
    image: str
    image_version: str | None = None  # tag when it is a version (25.1.3.23), else None
    env: dict[str, str] = Field(default_factory=empty_dict)  # name -> value (redacted for secrets)
    env_locations: dict[str, Location] = Field(default_factory=empty_dict)
    published_ports: list[str] = Field(default_factory=empty_list)  # "0.0.0.0:8123->8123" as written
    ports_location: Location | None = None
    location: Location | None = None
    network_mode: str | None = None  # "host" shares the host's network stack: every port is published
    exposure: list[PortExposure] = Field(default_factory=empty_list)  # published (or host-network) ports
    built_from: str | None = None  # Dockerfile the image is built from (build:), when it is


class CredentialAttemptFacts(FactModel):
    """One ``--try-credentials`` login of a scan: the user and a redacted password, never the value."""

    protocol: str
    port: int
    user: str
    password: str  # "(empty)" or the redacted form
    accepted: bool
    error_code: int | None = None


class MetadataSource(FactModel):
    """The endpoint and account a scan read the catalogue through."""

    protocol: str
    port: int
    user: str


class ScanFacts(FactModel):
    """What only a network scan collects about a host, beyond its endpoints and catalogue."""

    address: str | None = None  # the address the host name resolved to
    credentials_tried: list[CredentialAttemptFacts] = Field(default_factory=empty_list)
    metadata_from: MetadataSource | None = None
    queries_sent: list[str] | None = None
    session_lock: str | None = None  # how the guard's read-only limits held on that session
    samples: dict[str, list[dict[str, str]]] = Field(default_factory=empty_dict)  # table -> redacted rows


class DeploymentFacts(FactModel):
    """What a Kubernetes manifest or docker-compose file says beyond the ClickHouse config it yields."""

    kind: Literal["kubernetes", "compose"]
    file: str
    k8s_users: list[K8sUserFacts] = Field(default_factory=empty_list)
    k8s_services: list[K8sServiceFacts] = Field(default_factory=empty_list)
    k8s_inline_secrets: list[LocatedSecret] = Field(default_factory=empty_list)  # settings/files secrets in the CR
    containers: list[ContainerFacts] = Field(default_factory=empty_list)
    # Kubernetes: ports of the ClickHouse pods reachable beyond the pod network (Services, host ports).
    exposure: list[PortExposure] = Field(default_factory=empty_list)
    # Host-name patterns that mean "the installation's own pods" (the operator's host_regexp).
    installation_hosts: list[str] = Field(default_factory=empty_list)


class UnresolvedInput(FactModel):
    """A config value the audit could not resolve: ``incl``, ``from_env``, ``from_zk``, an include file."""

    path: str  # dotted path of the element
    kind: str  # from_env | from_zk | incl | include
    name: str  # variable, ZooKeeper node, include name or file
    location: Location | None = None
    value_unknown: bool = True  # False: the element keeps what the file wrote (a missing include)
    source: str = ""  # where it was looked for


class InputFacts(FactModel):
    """What an offline audit read, what it could not, and what it had to assume."""

    files_read: list[str] = Field(default_factory=empty_list)
    files_not_read: list[FileNotRead] = Field(default_factory=empty_list)
    assumptions: list[str] = Field(default_factory=empty_list)  # image/version defaults taken for absent files
    unknown_variables: list[str] = Field(default_factory=empty_list)  # compose variables nobody defined
    notes: list[str] = Field(default_factory=empty_list)
    # The root element of the server's main config file (``yandex`` or ``clickhouse``): every patch
    # chwarden writes for this server uses the same one.
    root_element: str | None = None
    # Root elements of the files read (`clickhouse` exists from 22.1: the files were written for 22.1+).
    root_elements: list[str] = Field(default_factory=empty_list)
    # Absolute paths the files name that were read from the audited copy instead (`/etc/...` -> the copy).
    mapped_paths: dict[str, str] = Field(default_factory=empty_dict)
    unresolved: list[UnresolvedInput] = Field(default_factory=empty_list)


class Snapshot(FactModel):
    """Everything known about one target. Checks are pure functions of this."""

    snapshot_version: int = SNAPSHOT_VERSION
    target: str
    collected_at: str | None = None
    connection: ConnectionInfo = Field(default_factory=ConnectionInfo)
    server: ServerInfo = Field(default_factory=ServerInfo)
    capabilities: Capabilities = Field(default_factory=Capabilities)
    anonymous_login: list[AnonymousLogin] | None = None
    endpoints: list[Endpoint] | None = None  # other ClickHouse ports of the same host
    effective_settings: dict[str, SettingValue] | None = None
    # Settings chwarden sets on its own session (the read-only guard): their session values are
    # chwarden's, not the account's, so they are left out of effective_settings.
    settings_set_by_audit: list[str] = Field(default_factory=empty_list)
    server_config: dict[str, ConfigValue] | None = None
    users: list[UserFacts] | None = None
    roles: list[RoleFacts] | None = None
    grants: list[GrantFacts] | None = None
    role_grants: list[RoleGrantFacts] | None = None
    row_policies: list[RowPolicyFacts] | None = None
    quotas: list[QuotaFacts] | None = None
    profiles: list[ProfileFacts] | None = None
    profile_elements: list[ProfileElement] | None = None
    system_logs: list[SystemLogFacts] | None = None
    databases: list[DatabaseFacts] | None = None
    tables: list[TableFacts] | None = None
    dictionaries: list[DictionaryFacts] | None = None
    named_collections: list[NamedCollectionFacts] | None = None
    clusters: list[ClusterNodeFacts] | None = None
    log_secrets: list[LogSecretFacts] | None = None
    config_files: list[str] | None = None
    facts_from_config: list[str] = Field(default_factory=empty_list)  # facts a live snapshot took from config files
    gaps: dict[str, str] = Field(default_factory=empty_dict)  # fact name -> why it is missing
    errors: list[str] = Field(default_factory=empty_list)  # what went wrong while collecting
    partial: bool = False
    # Collection diagnostics for people reading a saved snapshot (how the session was locked, what was
    # truncated, which config notes came up). No other layer reads them: a fact a check or a command
    # needs gets a typed field.
    extra: dict[str, Any] = Field(default_factory=empty_dict)
    deployment: DeploymentFacts | None = None  # Kubernetes/compose inputs only
    inputs: InputFacts | None = None  # offline inputs: files read and not read, assumptions
    # Literal credentials written in server-side config files (redacted), from every input form.
    config_secrets: list[LocatedSecret] | None = None
    sensitive_data: list[SensitiveData] | None = None  # `discover`: what table data holds (redacted)
    scan: ScanFacts | None = None  # `scan` snapshots only; None for every other kind
    # Derived values computed by checks (indexes, resolved profiles); never serialised. Checks only
    # read a snapshot, so a value stays valid for the snapshot's life once collection is done.
    _memo: dict[str, Any] = PrivateAttr(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _migrate(cls, data: Any) -> Any:
        """Read a snapshot saved by an older chwarden: move what lived under ``extra`` to its field."""
        if not isinstance(data, dict) or not isinstance(data.get("extra"), dict):
            return data
        data, extra = dict(data), dict(data["extra"])
        for key in _FIELDS_FORMERLY_IN_EXTRA:
            if key in extra:
                data.setdefault(key, extra.pop(key))
        session_user = extra.pop("session_user", None)  # always the connection's user
        if session_user and isinstance(data.get("connection"), dict):
            data["connection"] = {"user": session_user, **data["connection"]}
        if isinstance(data.get("snapshot_version"), int) and data["snapshot_version"] < SNAPSHOT_VERSION:
            data["snapshot_version"] = SNAPSHOT_VERSION
        data["extra"] = extra
        return data

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> "Snapshot":
        """A copy with its own, empty memo: derived values of the original may not fit the copy."""
        copied = super().model_copy(update=update, deep=deep)
        copied._memo = {}
        return copied

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Compute a derived value once per snapshot (keeps checks linear in users and grants)."""
        if key not in self._memo:
            self._memo[key] = compute()
        value: T = self._memo[key]
        return value

    def need(self, fact: str) -> Any:
        """Return a collected fact or raise FactMissing with the recorded reason."""
        value = getattr(self, fact)
        if value is None:
            raise FactMissing(fact, self.gaps.get(fact, "not collected"))
        return value

    def config(self, path: str) -> ConfigValue | None:
        """One server configuration value, or None when absent; raises when config is unknown."""
        config = self.need("server_config")
        value: ConfigValue | None = config.get(path)
        return value

    def setting(self, name: str) -> SettingValue | None:
        settings = self.need("effective_settings")
        value: SettingValue | None = settings.get(name)
        return value

    def mark_gap(self, fact: str, reason: str) -> None:
        self.gaps.setdefault(fact, reason)


_FIELDS_FORMERLY_IN_EXTRA = ("scan", "facts_from_config", "settings_set_by_audit")


def build_validators() -> None:
    """Build the validators of every fact model, each nested model before the models that hold it.

    The models are ``defer_build``: each builds on first use. The first use of an offline audit is a
    ``Snapshot``, which would generate every nested model's schema inline, and each nested model would
    generate its own again when first built on its own (``UserFacts``, ...): built bottom-up, each schema
    is generated once and reused. Already built models cost nothing.
    """
    for model in _NESTED_FIRST:
        model.model_rebuild()


# Definition order: every model is defined after the models it holds.
_NESTED_FIRST: tuple[type[BaseModel], ...] = (
    Location,
    Endpoint,
    FileNotRead,
    SensitiveData,
    *(m for m in list(globals().values()) if isinstance(m, type) and issubclass(m, FactModel) and m is not FactModel),
)
