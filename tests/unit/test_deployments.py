# ruff: noqa: E501
"""Real deployment shapes (tests/data/deployments): each audited as its containers would run it.

Every deployment names the findings it must produce (severity, check, resource, file:line) and the
ones it must not, plus what the report says about the files read, not read and assumed. Written for
issue 21: merge keys, 140 anchors, ${PWD}, :?/:- interpolation, images from .env, configs:, extends:,
build:, several servers, drop-in-only directories, operator manifests with client pods and users
without passwords, published/unpublished/loopback ports.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from chwarden.audit import AuditOptions, audit_config
from chwarden.model import Finding, Report
from chwarden.report import render

DEPLOYMENTS = Path(__file__).resolve().parent.parent / "data" / "deployments"

INPUTS = {
    "compose_merge_keys": "compose_merge_keys",
    "compose_many_anchors": "compose_many_anchors/compose.yaml",
    "compose_pwd_mounts": "compose_pwd_mounts",
    "compose_interpolation": "compose_interpolation/docker-compose.yml",
    "compose_dotenv_image": "compose_dotenv_image",
    "compose_configs": "compose_configs",
    "compose_extends": "compose_extends",
    "compose_build": "compose_build",
    "compose_several_services": "compose_several_services",
    "compose_ports": "compose_ports",
    "drop_in_only": "drop_in_only",
    "drop_in_users_hardened": "drop_in_users_hardened",
    "k8s_operator_clients": "k8s_operator_clients/analytics.yaml",
    "k8s_statefulset": "k8s_statefulset/clickhouse.yaml",
}

# "[service] severity check resource @ file:line" (service only when the input holds several servers)
MUST: dict[str, set[str]] = {
    "compose_merge_keys": {
        # the server built from the anchor is audited, its image line is inside the anchor
        "critical default_user_without_password user:default @ docker-compose.yml:13",
        "high docker_skip_user_setup service:clickhouse @ docker-compose.yml:17",
        "medium docker_ports_published_on_all_interfaces service:clickhouse @ docker-compose.yml:31",
        # the mounted users.d file: password = user name, on a published port
        "high well_known_password user:app @ clickhouse/users.d/app.xml:4",
        "medium user_allowed_from_any_host user:app @ clickhouse/users.d/app.xml:6",
    },
    "compose_many_anchors": {
        "medium well_known_password user:app @ compose.yaml:162",
        "medium docker_plaintext_password_env service:clickhouse/env:CLICKHOUSE_PASSWORD @ compose.yaml:162",
        "low no_tls_ports port:https_port @ compose.yaml:158",
    },
    "compose_pwd_mounts": {
        # ${PWD} and $PWD mounts are read: findings point at the mounted files' lines
        "critical default_user_without_password user:default @ clickhouse/users.d/default.xml:4",
        "critical user_allowed_from_any_host user:default @ clickhouse/users.d/default.xml:6",
        # issue 13: the open door is its own critical finding; the wildcard listener stays medium
        "critical passwordless_login_from_network user:default @ clickhouse/users.d/default.xml:4",
        "medium listen_host_wildcard setting:listen_host @ clickhouse/config.d/network.xml:2",
    },
    "compose_interpolation": {
        # the :- default of the password is the recipe's own, public value
        "[reporting] high well_known_password user:reporting @ docker-compose.yml:15",
        "[reporting] medium docker_plaintext_password_env service:reporting/env:CLICKHOUSE_PASSWORD @ docker-compose.yml:15",
        "[clickhouse] medium plaintext_password user:analytics @ docker-compose.yml:8",
    },
    "compose_dotenv_image": {
        # the image comes from .env (24.8.6: no lockdown): the shipped default stays open
        "critical default_user_without_password user:default @ compose.yaml:4",
        "medium docker_ports_published_on_all_interfaces service:db @ compose.yaml:6",
    },
    "compose_configs": {
        "medium config_plaintext_secret secret:docker-compose.yml [configs.ch_s3]: storage_configuration.disks.s3.secret_access_key @ docker-compose.yml:31",
        # issue 13: an access key id is the public half of the key pair, not a credential
        # the password is read from the compose secret file: it equals the user name (not reachable beyond the host)
        "medium well_known_password user:app @ docker-compose.yml:7",
    },
    "compose_extends": {
        "[clickhouse] high well_known_password user:admin @ common/base.yml:7",
        "[clickhouse] medium docker_ports_published_on_all_interfaces service:clickhouse @ docker-compose.yml:9",
        "[clickhouse-tuned] high well_known_password user:admin @ common/base.yml:7",
    },
    "compose_build": {
        # the base image is read from the Dockerfile's FROM (ARG from build.args: 24.8.6)
        "critical default_user_without_password user:default @ clickhouse/Dockerfile:2",
        "high docker_skip_user_setup service:analytics-db @ clickhouse/Dockerfile:5",
        # files the Dockerfile copies are read where they are
        "medium config_plaintext_secret secret:clickhouse/config.d/zookeeper.xml: zookeeper.identity @ clickhouse/config.d/zookeeper.xml:7",
        "medium well_known_password user:reader @ clickhouse/users.d/readonly.xml:4",
        # ZooKeeper configured: interserver credentials matter
        "high interserver_without_credentials setting:interserver_http_credentials @ clickhouse/Dockerfile:2",
    },
    "compose_several_services": {
        "[ch1] high interserver_without_credentials setting:interserver_http_credentials @ docker-compose.yml:3",
        "[ch2] high interserver_without_credentials setting:interserver_http_credentials @ docker-compose.yml:3",
        "[ch1] medium docker_ports_published_on_all_interfaces service:ch1 @ docker-compose.yml:16",
        "[ch1] medium cluster_without_secret cluster:events @ clickhouse/cluster.xml:6",
        "[ch2] medium cluster_without_secret cluster:events @ clickhouse/cluster.xml:6",
    },
    "compose_ports": {
        "[published] high well_known_password user:admin @ docker-compose.yml:6",
        "[loopback] medium well_known_password user:admin @ docker-compose.yml:6",
        "[unpublished] medium well_known_password user:admin @ docker-compose.yml:6",
        "[published] high no_tls_ports port:https_port @ docker-compose.yml:3",
        "[loopback] low no_tls_ports port:https_port @ docker-compose.yml:3",
        "[unpublished] low no_tls_ports port:https_port @ docker-compose.yml:3",
        "[published] medium docker_ports_published_on_all_interfaces service:published @ docker-compose.yml:12",
    },
    "drop_in_only": {
        # the users.d file is read: an empty password open to ::/0 is critical, at its own lines
        "critical default_user_without_password user:default @ users.d/default.xml:4",
        "critical user_allowed_from_any_host user:default @ users.d/default.xml:6",
        "critical passwordless_login_from_network user:default @ users.d/default.xml:4",
        "medium listen_host_wildcard setting:listen_host @ config.d/listen.xml:2",
    },
    "drop_in_users_hardened": {
        # default untouched by users.d: the image's entrypoint limits it to loopback
        "medium default_user_without_password user:default @ users.d",
        "low unsalted_sha256_password user:app @ users.d/app.xml:4",
    },
    "k8s_operator_clients": {
        # declared without a password: the operator fills in its default one; open networks + public LB
        "high well_known_password user:reader @ analytics.yaml:15",
        "medium well_known_password user:loader @ analytics.yaml:18",
        # the operator limits default to loopback and the installation's pods: not critical
        "medium default_user_without_password user:default @ analytics.yaml:50",
        "high config_plaintext_secret secret:CHI analytics/events: server.key @ analytics.yaml:35",
        "medium config_plaintext_secret secret:analytics.yaml [zookeeper]: zookeeper.identity @ analytics.yaml:25",
        "medium config_plaintext_secret secret:analytics.yaml [configMap analytics/clickhouse-extra s3.xml]: storage_configuration.disks.s3.secret_access_key @ analytics.yaml:79",
        "high k8s_service_load_balancer_exposed serviceTemplate:public @ analytics.yaml:62",
    },
    "k8s_statefulset": {
        "high well_known_password user:admin @ clickhouse.yaml:16",
        "high user_allowed_from_any_host user:admin @ clickhouse.yaml:17",
        "critical default_user_without_password user:default @ clickhouse.yaml:47",
        "medium k8s_service_load_balancer_exposed service:metrics/clickhouse @ clickhouse.yaml:77",
    },
}

# (service or None for all, check_id, resource prefix or None): findings that must not appear.
MUST_NOT: dict[str, list[tuple[str | None, str, str | None]]] = {
    "compose_merge_keys": [
        (None, "docker_skip_user_setup", "service:clickhouse-init"),
        (None, "docker_ports_published_on_all_interfaces", "service:clickhouse-init"),
    ],
    "compose_many_anchors": [
        (None, "docker_ports_published_on_all_interfaces", None),
        (None, "default_user_without_password", None),
    ],
    "compose_interpolation": [
        # ${CLICKHOUSE_PASSWORD:?...} is required and unknown: never a literal password "found"
        ("clickhouse", "docker_plaintext_password_env", None),
        ("clickhouse", "well_known_password", None),
        ("clickhouse", "default_user_without_password", None),
    ],
    "compose_configs": [
        # from_env values are not secrets in the file
        (
            None,
            "config_plaintext_secret",
            "secret:clickhouse/backups.xml: named_collections.backup_bucket.secret_access_key",
        ),
        (None, "docker_ports_published_on_all_interfaces", None),
    ],
    "compose_several_services": [
        (None, "docker_skip_user_setup", "service:keeper"),
        ("ch2", "docker_ports_published_on_all_interfaces", None),
    ],
    "compose_ports": [
        ("loopback", "docker_ports_published_on_all_interfaces", None),
        ("unpublished", "docker_ports_published_on_all_interfaces", None),
        (None, "interserver_without_credentials", None),  # single nodes: no replicas
    ],
    "drop_in_users_hardened": [(None, "user_allowed_from_any_host", "user:default")],
    "k8s_operator_clients": [
        # the client Job's ConfigMap is not the server's config
        (None, "config_plaintext_secret", "secret:analytics.yaml [configMap analytics/loader-client"),
        # the operator's own pod pattern is not a DNS restriction the author chose
        (None, "dns_based_host_restriction", None),
        (None, "user_allowed_from_any_host", "user:default"),
    ],
    "k8s_statefulset": [(None, "interserver_without_credentials", None)],
}


@functools.cache
def run(name: str) -> Report:
    report, _ = audit_config(str(DEPLOYMENTS / INPUTS[name]), AuditOptions())
    return report  # frozen: shared by the tests of one input


def _line(finding: Finding, several: bool) -> str:
    service = f"[{finding.target.rsplit('#', 1)[1]}] " if several else ""
    return f"{service}{finding.severity.value} {finding.check_id} {finding.resource} @ {finding.location}"


def test_every_deployment_is_listed() -> None:
    assert set(INPUTS) == {p.name for p in DEPLOYMENTS.iterdir() if p.is_dir()} == set(MUST)


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_findings_it_must_produce(name: str) -> None:
    report = run(name)
    several = len(report.targets) > 1
    got = {_line(f, several) for f in report.findings}
    assert MUST[name] <= got, sorted(MUST[name] - got)


@pytest.mark.parametrize("name", sorted(MUST_NOT))
def test_findings_it_must_not_produce(name: str) -> None:
    report = run(name)
    assert len(MUST_NOT[name]) >= 1 and report.findings  # the loop below has rules and findings to check
    for service, check_id, prefix in MUST_NOT[name]:
        wrong = [
            f
            for f in report.findings
            if f.check_id == check_id
            and (service is None or f.target.endswith(f"#{service}"))
            and (prefix is None or f.resource.startswith(prefix))
        ]
        assert not wrong, wrong


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_every_finding_points_at_a_file(name: str) -> None:
    findings = run(name).findings
    assert len(findings) >= 1  # every input here has findings: the check below has something to check
    assert [f for f in findings if f.location is None or not f.location.file] == []


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_every_audit_says_what_it_read(name: str) -> None:
    report = run(name)
    assert len(report.targets) >= 1
    for target in report.targets:
        assert target.files_read, target
        assert target.assumptions, target  # every input here leans on an image's defaults


def test_merge_keys_audit_the_server_not_the_init_container() -> None:
    report = run("compose_merge_keys")
    assert [t.target.rsplit("/", 1)[-1] for t in report.targets] == ["compose_merge_keys"]
    (target,) = report.targets
    assert any("clickhouse-init" in n and "client" in n for n in target.notes)


def test_unknown_variables_are_reported() -> None:
    report = run("compose_interpolation")
    unknown = report.targets[0].unknown_variables
    assert any("${CLICKHOUSE_PASSWORD}" in u and "required" in u for u in unknown)
    assert any("${REPORTING_PASSWORD}" in u and "default assumed" in u for u in unknown)
    assert report.targets[0].files_read[:2] == [".env", "docker-compose.yml"]


def test_env_file_replaces_the_project_dot_env() -> None:
    """`--env-file prod.env` picks the 25.8 image (lockdown): default is limited to loopback."""
    options = AuditOptions(env_files=(str(DEPLOYMENTS / "compose_dotenv_image" / "prod.env"),))
    report, snaps = audit_config(str(DEPLOYMENTS / "compose_dotenv_image"), options)
    assert snaps[0].deployment is not None and snaps[0].deployment.containers[0].image_version == "25.8.2"
    default = next(f for f in report.findings if f.check_id == "default_user_without_password")
    assert default.severity.value == "medium"


def test_drop_in_directory_lists_ignored_files_and_assumed_defaults() -> None:
    report = run("drop_in_only")
    (target,) = report.targets
    assert target.status == "complete"
    not_read = {f.file: f.reason for f in target.files_not_read}
    assert set(not_read) == {"config.d/.old-listen.xml", "users.d/README.txt"}
    assert all(r.startswith("ignored by ClickHouse") for r in not_read.values())
    assert "clickhouse/clickhouse-server:latest" in target.assumptions[0]


def test_operator_notes_client_config_maps() -> None:
    notes = run("k8s_operator_clients").targets[0].notes
    assert any("loader-client is mounted by analytics/load-events/loader only" in n for n in notes)
    assert any("dashboards is not mounted by any ClickHouse server pod" in n for n in notes)


def test_unreadable_mount_makes_the_run_partial(tmp_path: Path) -> None:
    compose = tmp_path / "stack" / "compose.yaml"
    compose.parent.mkdir()
    compose.write_text(
        "services:\n  ch:\n    image: clickhouse/clickhouse-server:25.8\n    volumes:\n"
        "      - ../outside/users.xml:/etc/clickhouse-server/users.d/users.xml\n"
        "      - ch-config:/etc/clickhouse-server/config.d\nvolumes:\n  ch-config: {}\n",
        encoding="utf-8",
    )
    report, _ = audit_config(str(compose), AuditOptions())
    (target,) = report.targets
    assert target.status == "partial"
    reasons = " | ".join(f"{f.file}: {f.reason}" for f in target.files_not_read)
    assert "outside the scanned directory" in reasons and "named volume ch-config" in reasons
    assert "compose.yaml:5" in reasons


@pytest.mark.parametrize("fmt", ["json", "terminal", "markdown", "html", "sarif"])
def test_files_read_and_not_read_reach_every_format(fmt: str) -> None:
    report = run("drop_in_only")
    text = render(report, fmt)
    assert "users.d/default.xml" in text and "README.txt" in text
    if fmt == "json":
        target = json.loads(text)["targets"][0]
        assert target["files_read"] == ["config.d/listen.xml", "users.d/default.xml"]


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_build_arg_without_default_and_yaml_merge_tag(tmp_path: Path) -> None:
    """An error-tracking stack's shape: `!!merge <<:`, an image from .env, a build whose FROM is an ARG."""
    _write(
        tmp_path,
        {
            ".env": "CLICKHOUSE_IMAGE=altinity/clickhouse-server:23.8.11.29.altinitystable\n",
            "docker-compose.yml": (
                "x-restart: &restart\n  restart: unless-stopped\n"
                "services:\n  clickhouse:\n    !!merge <<: *restart\n    image: $CLICKHOUSE_IMAGE\n"
                "    build:\n      context: ./clickhouse\n      args:\n        BASE_IMAGE: ${CLICKHOUSE_IMAGE}\n"
                "    volumes:\n      - type: bind\n        read_only: true\n        source: ./clickhouse/config.xml\n"
                "        target: /etc/clickhouse-server/config.d/sentry.xml\n"
            ),
            "clickhouse/Dockerfile": "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n",
            "clickhouse/config.xml": "<clickhouse><listen_host>::</listen_host></clickhouse>\n",
        },
    )
    report, snaps = audit_config(str(tmp_path), AuditOptions())
    container = snaps[0].deployment.containers[0] if snaps[0].deployment else None
    assert container is not None and container.image.startswith("altinity/clickhouse-server:23.8")
    assert container.built_from == "clickhouse/Dockerfile"
    assert "clickhouse/config.xml" in report.targets[0].files_read
    # 23.8 images have no lockdown: the shipped passwordless default is open
    assert any(
        f.check_id == "default_user_without_password" and f.severity.value == "critical" for f in report.findings
    )


def test_server_arguments_after_double_dash_override_the_files(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "compose.yaml": (
                "services:\n  ch:\n    image: clickhouse/clickhouse-server:25.8\n"
                '    command: ["--", "--listen_host=127.0.0.1"]\n'
            )
        },
    )
    _, snaps = audit_config(str(tmp_path), AuditOptions())
    listen = (snaps[0].server_config or {})["listen_host"]
    assert listen.values == ["127.0.0.1"] and str(listen.location) == "compose.yaml:4"


def test_explicit_operator_layout_and_sidecar_container(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "chi.yaml": (
                "apiVersion: clickhouse.altinity.com/v1\nkind: ClickHouseInstallation\nmetadata: {name: logs, namespace: o11y}\n"
                "spec:\n  configuration:\n    clusters:\n      - name: main\n        layout:\n          shards:\n"
                "            - replicas: [{}, {}]\n            - replicasCount: 3\n"
                "  templates:\n    podTemplates:\n      - name: p\n        spec:\n          containers:\n"
                "            - name: clickhouse\n              image: clickhouse/clickhouse-server:24.8\n"
                "            - name: log-shipper\n              image: clickhouse/clickhouse-server:24.8\n"
                "              volumeMounts: [{name: extra, mountPath: /etc/clickhouse-server/config.d}]\n"
                "          volumes: [{name: extra, configMap: {name: shipper}}]\n"
                "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: shipper, namespace: o11y}\n"
                "data:\n  x.xml: <clickhouse><listen_host>1.2.3.4</listen_host></clickhouse>\n"
            )
        },
    )
    _, snaps = audit_config(str(tmp_path / "chi.yaml"), AuditOptions())
    nodes = [(n.shard_num, n.replica_num) for n in snaps[0].clusters or []]
    assert nodes == [(1, 1), (1, 2), (2, 1), (2, 2), (2, 3)]
    # the sidecar's mount is not the server's config
    assert "1.2.3.4" not in (snaps[0].server_config or {})["listen_host"].values


def test_password_equal_to_name_from_a_recipe_default_is_known(tmp_path: Path) -> None:
    """An LLM-observability stack's shape: `${CLICKHOUSE_PASSWORD:-clickhouse}` for user clickhouse, loopback ports."""
    _write(
        tmp_path,
        {
            "docker-compose.yml": (
                "services:\n  clickhouse:\n    image: docker.io/clickhouse/clickhouse-server\n"
                '    user: "101:101"\n    environment:\n      CLICKHOUSE_DB: default\n'
                "      CLICKHOUSE_USER: ${CLICKHOUSE_USER:-clickhouse}\n"
                "      CLICKHOUSE_PASSWORD: ${CLICKHOUSE_PASSWORD:-clickhouse} # CHANGEME\n"
                "    ports:\n      - 127.0.0.1:8123:8123\n      - 127.0.0.1:9000:9000\n"
            )
        },
    )
    report, _ = audit_config(str(tmp_path), AuditOptions())
    known = next(f for f in report.findings if f.check_id == "well_known_password")
    assert known.resource == "user:clickhouse" and known.severity.value == "medium"  # loopback only
    assert str(known.location) == "docker-compose.yml:8"


def test_a_directory_of_manifests_is_one_manifest(tmp_path: Path) -> None:
    """`kubectl apply -f DIR`: the CHI and the ConfigMap its pods mount live in different files."""
    documents = (DEPLOYMENTS / INPUTS["k8s_operator_clients"]).read_text(encoding="utf-8").split("\n---\n")
    for number, document in enumerate(documents):
        (tmp_path / f"{number:02d}.yaml").write_text(document + "\n", encoding="utf-8")
    report, _ = audit_config(str(tmp_path), AuditOptions())
    found = {(f.check_id, f.resource.split("[", 1)[-1]): str(f.location) for f in report.findings}
    key = "configMap analytics/clickhouse-extra s3.xml]: storage_configuration.disks.s3.secret_access_key"
    assert found[("config_plaintext_secret", key)] == "01.yaml:13"
    assert report.targets[0].files_read[:5] == ["00.yaml", "01.yaml", "02.yaml", "03.yaml", "04.yaml"]


def test_dictionary_files_go_through_the_same_secret_reader(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "config.xml": "<clickhouse>\n<dictionaries_config>*_dictionary.*ml</dictionaries_config>\n</clickhouse>\n",
            "users.xml": "<clickhouse><users/></clickhouse>\n",
            "orders_dictionary.xml": (
                "<clickhouse><dictionary><name>orders</name>\n<source><mysql><host>db</host><user>reader</user>\n"
                "<password>Sup3r-Dict-Pass</password>\n</mysql></source></dictionary></clickhouse>\n"
            ),
        },
    )
    report, _ = audit_config(str(tmp_path), AuditOptions())
    secret = next(f for f in report.findings if f.check_id == "config_plaintext_secret")
    assert str(secret.location) == "orders_dictionary.xml:3" and "Sup3r" not in secret.model_dump_json()
    assert "orders_dictionary.xml" in report.targets[0].files_read
