"""Kubernetes manifests and docker-compose files: the config they yield and the deployment facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from chwarden.facts import SecretRef, Snapshot, UserFacts
from chwarden.sources.configfiles import ConfigError, snapshot_from_config, snapshots_from_config

CONFIGS = Path(__file__).resolve().parent.parent / "data" / "configs"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def users(snapshot: Snapshot) -> dict[str, UserFacts]:
    return {u.name: u for u in snapshot.users or []}


def test_chi_plaintext_password_is_hashed_in_config_and_redacted_in_facts() -> None:
    snap = snapshot_from_config(CONFIGS / "k8s_chi_open" / "clickhouse-installation.yaml")
    assert snap.extra["input_kind"] == "kubernetes"
    assert users(snap)["admin"].auth_types == ["sha256_password"]
    assert snap.deployment is not None
    admin = next(u for u in snap.deployment.k8s_users if u.name == "admin")
    assert admin.plaintext_password == SecretRef(
        kind="password", redacted="Sup3…(redacted, sha256:565dc5a2)", where="admin/password"
    )
    assert "Sup3rS3cret!" not in snap.model_dump_json()
    assert "(redacted, sha256:" in admin.plaintext_password.redacted


def test_operator_limits_default_to_the_installation_pods(tmp_path: Path) -> None:
    text = """
apiVersion: clickhouse.altinity.com/v1
kind: ClickHouseInstallation
metadata: {name: web, namespace: shop}
spec:
  configuration:
    users:
      app/password_sha256_hex: "ab"
"""
    snap = snapshot_from_config(write(tmp_path, "chi.yaml", text))
    default = users(snap)["default"]
    assert default.host_ip == [] and default.host_local
    assert default.host_names_regexp == [r"(chi-web-[^.]+\d+-\d+|clickhouse\-web)\.shop\.svc\.cluster\.local$"]
    assert users(snap)["app"].host_local and users(snap)["app"].host_ip == []


def test_secret_refs_stay_unknown_and_unresolved(tmp_path: Path) -> None:
    snap = snapshot_from_config(CONFIGS / "k8s_chi_hardened" / "chi.yaml")
    app = users(snap)["app"]
    assert app.auth_types == ["sha256_password"] and app.password_empty is None
    assert any("clickhouse-credentials/app_password_sha256" in u for u in snap.extra["unresolved"])


def test_cluster_secret_auto_counts_as_a_secret() -> None:
    snap = snapshot_from_config(CONFIGS / "k8s_chi_hardened" / "chi.yaml")
    nodes = [n for n in snap.clusters or [] if n.cluster == "main"]
    assert len(nodes) == 2 and all(n.has_secret and n.secure and n.port == 9440 for n in nodes)


def test_internal_load_balancer_and_node_port(tmp_path: Path) -> None:
    hardened = snapshot_from_config(CONFIGS / "k8s_chi_hardened" / "chi.yaml").deployment
    assert hardened is not None and hardened.k8s_services[0].internal
    cm = snapshot_from_config(CONFIGS / "k8s_configmap" / "clickhouse-config.yaml").deployment
    assert cm is not None and [(s.type, s.ports) for s in cm.k8s_services] == [("NodePort", [8123])]


def test_several_installations_in_one_file_are_each_audited(tmp_path: Path) -> None:
    doc = "apiVersion: clickhouse.altinity.com/v1\nkind: ClickHouseInstallation\nmetadata: {{name: {}}}\n"
    path = write(tmp_path, "two.yaml", doc.format("a") + "---\n" + doc.format("b"))
    snaps = snapshots_from_config(path)
    assert [s.target for s in snaps] == [f"{path}#default/a", f"{path}#default/b"]


def test_manifest_without_clickhouse_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n")
    with pytest.raises(ConfigError, match="no ClickHouseInstallation, ClickHouse workload or ConfigMap"):
        snapshot_from_config(path)


COMPOSE = """services:
  db:
    image: clickhouse/clickhouse-server:{tag}
    environment:
{env}
"""


def compose(tmp_path: Path, tag: str, env: str = "      TZ: UTC") -> Snapshot:
    return snapshot_from_config(write(tmp_path, "docker-compose.yml", COMPOSE.format(tag=tag, env=env)))


@pytest.mark.parametrize(
    ("tag", "env", "default_open"),
    [
        ("25.3", "      TZ: UTC", False),  # 25.1.3+: no user variables -> default on loopback only
        ("latest", "      TZ: UTC", False),
        ("24.8.6", "      TZ: UTC", True),  # older images leave the shipped default open
        ("24.8", "      TZ: UTC", False),  # the newest 24.8 patch has the lockdown backported (24.8.13)
        ("25.3", "      CLICKHOUSE_SKIP_USER_SETUP: 1", True),
    ],
)
def test_image_entrypoint_decides_the_default_user(tmp_path: Path, tag: str, env: str, default_open: bool) -> None:
    default = users(compose(tmp_path, tag, env))["default"]
    assert default.password_empty is True
    assert ("::/0" in default.host_ip) is default_open
    assert default.host_local is not default_open


def test_password_variable_creates_a_user_and_removes_default(tmp_path: Path) -> None:
    snap = compose(tmp_path, "25.3", "      CLICKHOUSE_USER: app\n      CLICKHOUSE_PASSWORD: s3cr3t-value")
    found = users(snap)
    assert "default" not in found
    assert found["app"].auth_types == ["plaintext_password"] and found["app"].host_ip == ["::/0"]
    assert found["app"].location is not None and found["app"].location.line == 5
    assert "s3cr3t-value" not in snap.model_dump_json()


def test_interpolated_password_is_unknown_not_empty(tmp_path: Path) -> None:
    snap = compose(tmp_path, "25.3", "      - CLICKHOUSE_PASSWORD=${CH_PASSWORD}")
    assert users(snap)["default"].password_empty is None
    container = snap.deployment.containers[0] if snap.deployment else None
    assert container is not None and container.env["CLICKHOUSE_PASSWORD"] == ""


def test_interpolation_uses_dot_env(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("CH_PASSWORD=from-dot-env\n", encoding="utf-8")
    snap = compose(tmp_path, "25.3", "      - CLICKHOUSE_PASSWORD=${CH_PASSWORD}")
    assert users(snap)["default"].password_empty is False


def test_mounts_outside_the_scanned_directory_are_not_read(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "secret.xml").write_text("<clickhouse><listen_host>1.2.3.4</listen_host></clickhouse>")
    text = "services:\n  db:\n    image: clickhouse/clickhouse-server:25.3\n    volumes:\n"
    text += "      - ../secret.xml:/etc/clickhouse-server/config.d/secret.xml\n"
    snap = snapshot_from_config(write(project, "compose.yaml", text))
    assert snap.server_config is not None and snap.server_config["listen_host"].values == ["::", "0.0.0.0"]
    assert snap.inputs is not None and snap.partial
    assert any("outside the scanned directory" in f.reason for f in snap.inputs.files_not_read)


def test_compose_without_clickhouse_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "compose.yaml", "services:\n  web:\n    image: nginx:1.27\n")
    with pytest.raises(ConfigError, match="no service runs a ClickHouse server"):
        snapshot_from_config(path)


def test_published_ports_only_flagged_on_all_interfaces() -> None:
    snap = snapshot_from_config(CONFIGS / "docker_skip_setup" / "compose.yaml")
    assert snap.deployment is not None
    assert snap.deployment.containers[0].published_ports == ["127.0.0.1:8123:8123", "9000:9000"]
    assert [c.service for c in snap.deployment.containers] == ["ch"]
