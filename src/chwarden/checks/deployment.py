"""Deployment checks: what a Kubernetes manifest or docker-compose file exposes beyond ClickHouse's config.

The ClickHouse config those files produce is judged by the ordinary checks; these look at the
wrapper itself: secrets written into the CR or the compose file, Services and published ports, and
the official image's user-setup switches.
"""

from __future__ import annotations

from collections.abc import Iterator

from chwarden.checks.references import REF_CHI, REF_COMPOSE_PORTS, REF_IMAGE, REF_OPERATOR_USERS
from chwarden.checks.registry import Hit, check
from chwarden.facts import ContainerFacts, DeploymentFacts, Snapshot
from chwarden.model import Remediation, Severity

OPEN_NETWORKS = frozenset({"::/0", "0.0.0.0/0", "0.0.0.0", "::", "0/0"})
CLICKHOUSE_PORTS = frozenset({8123, 8443, 9000, 9440, 9004, 9005, 9009, 9010, 9100, 9363, 9181, 2181})
PASSWORD_VARIABLES = ("CLICKHOUSE_PASSWORD", "CLICKHOUSE_ADMIN_PASSWORD")
LOOPBACK_BINDS = ("127.", "localhost", "::1", "[::1]")


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
    "k8s_inline_secret",
    title="A ClickHouseInstallation carries a secret in its settings or files",
    severity=Severity.MEDIUM,
    category="deployment",
    rationale=(
        "Keys, passwords and cluster secrets written into `spec.configuration.settings`, `files` or "
        "`clusters[].secret.value` live in the custom resource in plain text."
    ),
    remediation="Reference a Secret (`valueFrom.secretKeyRef`); the operator maps it to `from_env`.",
    references=(REF_CHI,),
    applies=is_deployment_input,
)
def k8s_inline_secret(snapshot: Snapshot) -> Iterator[Hit]:
    facts = _deployment(snapshot, "kubernetes")
    for secret in facts.k8s_inline_secrets if facts else []:
        yield Hit(
            resource=f"secret:{secret.where}",
            evidence={"kind": secret.kind, "value": secret.redacted},
            location=secret.location,
        )


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


def _exposed_port(spec: str) -> int | None:
    """The container port of a `ports:` entry published on every host interface, else None."""
    parts = spec.split("/", 1)[0].rsplit(":", 2)
    host_ip = parts[0] if len(parts) == 3 else ""
    if host_ip.startswith(LOOPBACK_BINDS):
        return None
    target = parts[-1].split("-", 1)[0]
    return int(target) if target.isdigit() else None


@check(
    "docker_ports_published_on_all_interfaces",
    title="ClickHouse ports are published on every interface of the Docker host",
    severity=Severity.MEDIUM,
    category="deployment",
    rationale=(
        '`ports: - "8123:8123"` binds 0.0.0.0 on the host, and Docker\'s own firewall rules bypass ufw and '
        "firewalld, so the port is reachable from every network the host is on."
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
        exposed = [spec for spec in container.published_ports if _exposed_port(spec) in CLICKHOUSE_PORTS]
        if exposed:
            yield Hit(
                resource=f"service:{container.service}",
                evidence={"ports": exposed},
                location=container.ports_location or container.location,
            )
