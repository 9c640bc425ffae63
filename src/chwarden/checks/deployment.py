"""Deployment checks: what a Kubernetes manifest or docker-compose file exposes beyond ClickHouse's config.

The ClickHouse config those files produce is judged by the ordinary checks; these look at the
wrapper itself: secrets written into the CR or the compose file, Services and published ports, and
the official image's user-setup switches. Two checks here judge every input form: literal
credentials in server config files (one reader for a directory, a compose recipe's files, a
ConfigMap or a CHI) and well-known passwords, weighed by who can reach the server.
"""

from __future__ import annotations

from collections.abc import Iterator

from chwarden.analysis.deployment_reach import installation_only
from chwarden.analysis.principals import is_loopback_only
from chwarden.analysis.reach import SCOPE_LABELS, beyond_loopback, user_reach
from chwarden.checks.references import (
    REF_CHI,
    REF_COMPOSE_PORTS,
    REF_CONFIG_FILES,
    REF_IMAGE,
    REF_OPERATOR_USERS,
    REF_USERS,
)
from chwarden.checks.registry import Hit, check
from chwarden.facts import ContainerFacts, DeploymentFacts, FactMissing, LocatedSecret, Snapshot
from chwarden.model import Remediation, Severity

OPEN_NETWORKS = frozenset({"::/0", "0.0.0.0/0", "0.0.0.0", "::", "0/0"})
CLICKHOUSE_PORTS = frozenset({8123, 8443, 9000, 9440, 9004, 9005, 9009, 9010, 9100, 9363, 9181, 2181})
PASSWORD_VARIABLES = ("CLICKHOUSE_PASSWORD", "CLICKHOUSE_ADMIN_PASSWORD")


def is_deployment_input(snapshot: Snapshot) -> bool:
    """Deployment checks concern Kubernetes manifests and compose files only."""
    return snapshot.deployment is not None


def _deployment(snapshot: Snapshot, kind: str) -> DeploymentFacts | None:
    facts: DeploymentFacts = snapshot.need("deployment")
    return facts if facts.kind == kind else None


@check(
    "k8s_plaintext_password",
    title="A ClickHouseInstallation holds a user's password in plain text",
    severity=Severity.HIGH,
    category="deployment",
    rationale=(
        "The operator hashes `password:` into the ClickHouse config, but the plain text stays in the custom "
        "resource: in etcd, in `kubectl get chi -o yaml` for anyone who may read it, and in git."
    ),
    remediation=(
        "Write `<user>/password_sha256_hex` instead, or take the password from a Secret with "
        "`<user>/password: {valueFrom: {secretKeyRef: {name: ..., key: ...}}}`."
    ),
    references=(REF_OPERATOR_USERS,),
    applies=is_deployment_input,
)
def k8s_plaintext_password(snapshot: Snapshot) -> Iterator[Hit]:
    facts = _deployment(snapshot, "kubernetes")
    for user in facts.k8s_users if facts else []:
        if user.plaintext_password is not None:
            yield Hit(
                resource=f"chi:{user.installation}/user:{user.name}",
                evidence={"password": user.plaintext_password.redacted},
                remediation=Remediation(
                    text=f"Replace `{user.name}/password` with `{user.name}/password_sha256_hex` or a secretKeyRef."
                ),
                location=user.location,
            )


@check(
    "k8s_default_user_open_networks",
    title="A ClickHouseInstallation opens the default user to every network",
    severity=Severity.HIGH,
    category="deployment",
    rationale=(
        "The operator limits the passwordless `default` user to the installation's own pods. Setting "
        "`default/networks/ip` to `::/0` removes that limit and re-creates the DeepSeek situation."
    ),
    remediation=(
        "Drop `default/networks` from the CR (the operator's restriction returns), give `default` a password, "
        'and set `clusters[].secret.auto: "true"` so distributed queries do not need it.'
    ),
    references=(REF_OPERATOR_USERS,),
    applies=is_deployment_input,
)
def k8s_default_user_open_networks(snapshot: Snapshot) -> Iterator[Hit]:
    facts = _deployment(snapshot, "kubernetes")
    for user in facts.k8s_users if facts else []:
        open_ips = sorted(OPEN_NETWORKS.intersection(user.networks_ip))
        if user.name == "default" and user.networks_set and open_ips:
            yield Hit(
                resource=f"chi:{user.installation}/user:default",
                evidence={"networks_ip": user.networks_ip},
                location=user.location,
            )


@check(
    "k8s_service_load_balancer_exposed",
    title="A Kubernetes Service publishes ClickHouse through a public load balancer or node port",
    severity=Severity.HIGH,
    category="deployment",
    rationale=(
        "A LoadBalancer Service without an internal-only annotation gets an address outside the cluster, "
        "so every port it lists (8123, 9000...) faces the internet; a NodePort opens them on every node."
    ),
    remediation=(
        "Use `type: ClusterIP` (reach ClickHouse through an ingress with authentication or a VPN), or mark "
        "the load balancer internal and restrict `loadBalancerSourceRanges`."
    ),
    references=(REF_CHI,),
    applies=is_deployment_input,
)
def k8s_service_load_balancer_exposed(snapshot: Snapshot) -> Iterator[Hit]:
    facts = _deployment(snapshot, "kubernetes")
    for service in facts.k8s_services if facts else []:
        if service.type == "LoadBalancer" and not service.internal:
            severity = None
        elif service.type == "NodePort":
            severity = Severity.MEDIUM
        else:
            continue
        yield Hit(
            resource=service.name,
            evidence={"type": service.type, "ports": service.ports},
            severity=severity,
            location=service.location,
        )


@check(
    "config_plaintext_secret",
    title="A credential is written in plain text in a server config file",
    severity=Severity.MEDIUM,
    category="deployment",
    rationale=(
        "S3 and object-storage keys, cluster secrets, ZooKeeper `identity`, interserver and replica "
        "passwords, dictionary source passwords and private keys written literally in config.xml, config.d, "
        "a compose recipe's files, a ConfigMap or a ClickHouseInstallation sit in plain text in every copy "
        "of the file: the repository, the image, etcd, backups. Values from `from_env`/`from_zk` or "
        "encrypted with `encrypted_by` are not reported."
    ),
    remediation=(
        'Take the value from the environment (`<secret_access_key from_env="S3_SECRET"/>`), from a Kubernetes '
        "Secret (`valueFrom.secretKeyRef`) or encrypt it (`encrypted_by`); mount private keys from a Secret."
    ),
    references=(REF_CHI, REF_CONFIG_FILES),
)
def config_plaintext_secret(snapshot: Snapshot) -> Iterator[Hit]:
    if snapshot.config_secrets is None:
        raise FactMissing("config_secrets", "no config files were read (add --config DIR to read them)")
    by_place: dict[str, list[LocatedSecret]] = {}
    for secret in snapshot.config_secrets:
        by_place.setdefault(secret.where, []).append(secret)  # repeated elements (replicas) share a path
    for where, secrets in by_place.items():
        first = secrets[0]
        evidence: dict[str, object] = {"kind": first.kind, "value": first.redacted}
        if len(secrets) > 1:
            evidence["occurrences"] = [f"{s.location}: {s.redacted}" for s in secrets]
        yield Hit(
            resource=f"secret:{where}",
            evidence=evidence,
            # A private key in a file that travels with the deployment is worse than a scoped key; the
            # cluster secret lets its holder run queries on every node as any user.
            severity=Severity.HIGH if first.kind in HIGH_SECRET_KINDS else None,
            location=first.location,
        )


HIGH_SECRET_KINDS = frozenset({"tls_private_key", "cluster_secret"})


def _containers(snapshot: Snapshot) -> list[ContainerFacts]:
    facts = _deployment(snapshot, "compose")
    return facts.containers if facts else []


@check(
    "docker_skip_user_setup",
    title="The ClickHouse container skips the image's user setup (CLICKHOUSE_SKIP_USER_SETUP=1)",
    severity=Severity.HIGH,
    category="deployment",
    rationale=(
        "Since 25.1.3 the official image closes the passwordless `default` user to the network unless a "
        "user is configured; CLICKHOUSE_SKIP_USER_SETUP=1 turns that off and restores an open `default`."
    ),
    remediation=(
        "Remove CLICKHOUSE_SKIP_USER_SETUP, or mount a users.d file that gives `default` a password hash "
        "and loopback-only networks."
    ),
    references=(REF_IMAGE,),
    applies=is_deployment_input,
)
def docker_skip_user_setup(snapshot: Snapshot) -> Iterator[Hit]:
    for container in _containers(snapshot):
        if container.env.get("CLICKHOUSE_SKIP_USER_SETUP") == "1":
            yield Hit(
                resource=f"service:{container.service}",
                evidence={"image": container.image, "CLICKHOUSE_SKIP_USER_SETUP": "1"},
                location=container.env_locations.get("CLICKHOUSE_SKIP_USER_SETUP", container.location),
            )


@check(
    "docker_plaintext_password_env",
    title="A ClickHouse password is written in plain text in the compose environment",
    severity=Severity.MEDIUM,
    category="deployment",
    rationale=(
        "CLICKHOUSE_PASSWORD in a compose file or env file is readable by anyone with the repository, "
        "`docker inspect` shows it, and the entrypoint copies it in plain text into users.d/default-user.xml."
    ),
    remediation=(
        "Use CLICKHOUSE_PASSWORD_FILE with a Docker secret, or interpolate it from the deployment "
        "environment (`${CLICKHOUSE_PASSWORD}`), and prefer a mounted users.d file with a password hash."
    ),
    references=(REF_IMAGE,),
    applies=is_deployment_input,
)
def docker_plaintext_password_env(snapshot: Snapshot) -> Iterator[Hit]:
    for container in _containers(snapshot):
        for name in PASSWORD_VARIABLES:
            value = container.env.get(name)
            if value:
                yield Hit(
                    resource=f"service:{container.service}/env:{name}",
                    evidence={"value": value},
                    location=container.env_locations.get(name, container.location),
                )


@check(
    "docker_ports_published_on_all_interfaces",
    title="ClickHouse ports are published on every interface of the Docker host",
    severity=Severity.MEDIUM,
    category="deployment",
    rationale=(
        '`ports: - "8123:8123"` binds 0.0.0.0 on the host, and Docker\'s own firewall rules bypass ufw and '
        "firewalld, so the port is reachable from every network the host is on; `network_mode: host` does the "
        "same for every port the server opens."
    ),
    remediation=(
        "Publish on loopback (`127.0.0.1:8123:8123`) or an internal address, or leave the port unpublished "
        "and reach ClickHouse over the compose network."
    ),
    references=(REF_COMPOSE_PORTS,),
    applies=is_deployment_input,
)
def docker_ports_published_on_all_interfaces(snapshot: Snapshot) -> Iterator[Hit]:
    for container in _containers(snapshot):
        exposed = [e for e in container.exposure if e.scope == "any" and e.container_port in CLICKHOUSE_PORTS]
        if exposed:
            yield Hit(
                resource=f"service:{container.service}",
                evidence={"ports": sorted({e.via.removeprefix("ports: ") for e in exposed})},
                location=exposed[0].location or container.ports_location or container.location,
            )


@check(
    "well_known_password",
    title="A user's password is one attackers try first",
    severity=Severity.MEDIUM,
    category="authentication",
    rationale=(
        "admin/admin, a password equal to the user name, a product's documented default (a compose recipe's "
        "`${CLICKHOUSE_PASSWORD:-clickhouse}`, the operator's fill-in password for users declared without one) "
        "and the most common passwords are the first guesses of every scanner: on a port reachable from other "
        "networks they are as good as no password."
    ),
    remediation=(
        "Set a long random password (from a secret store, not the file) and store only its hash; for operator "
        "users give every user an explicit `password_sha256_hex` or secretKeyRef."
    ),
    references=(REF_USERS, REF_OPERATOR_USERS),
)
def well_known_password(snapshot: Snapshot) -> Iterator[Hit]:
    for user in snapshot.need("users"):
        if not user.well_known_password or user.password_empty:
            continue
        local = is_loopback_only(user) or installation_only(snapshot, user)
        # Issue 21's weighing: high when clients from outside the deployment (or the host) reach it.
        reach = user_reach(snapshot, user, published_only=True)
        yield Hit(
            resource=f"user:{user.name}",
            evidence={
                "why": user.well_known_password,
                "user_networks": "local only" if local else (user.host_ip + user.host_names_regexp) or "any",
                "reachable_beyond_host": beyond_loopback(reach) if reach is not None else None,
                "reachable_by": SCOPE_LABELS[reach] if reach is not None else "unknown",
            },
            severity=Severity.HIGH if beyond_loopback(reach) and not local else None,
            location=user.password_location or user.location,
        )
