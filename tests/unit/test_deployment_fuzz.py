"""Property tests: no valid compose file or Kubernetes manifest makes the readers refuse or crash.

Hypothesis builds compose projects and manifests from the shapes real deployments use (anchors
through shared objects, list/map environments, short and long port and volume syntax, variables with
every operator, extends, configs, builds, client containers, ConfigMaps, operator users) and also
arbitrary YAML values in every position. A valid deployment with a ClickHouse server must be audited
(report with targets, no ConfigError); any YAML at all may only end in a one-line ConfigError.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chwarden.audit import AuditOptions, audit_config
from chwarden.sources.configfiles import ConfigError

# CHWARDEN_FUZZ_EXAMPLES=2000 for a long local run; the default keeps the suite fast. No example
# database: nothing is written into the working tree.
FUZZ = settings(
    max_examples=int(os.environ.get("CHWARDEN_FUZZ_EXAMPLES", "50")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

names = st.from_regex(r"[a-z][a-z0-9_-]{0,11}", fullmatch=True)
variables = st.sampled_from(["CH_PASSWORD", "CH_USER", "TAG", "PWD", "HOME", "X"])
operators = st.sampled_from(["", ":-", "-", ":?", "?", ":+", "+"])
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20)


@st.composite
def interpolated(draw: st.DrawFn) -> str:
    """A string that mixes literal text with Compose variables in every form (some malformed)."""
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.integers(0, 4))
        var = draw(variables)
        if kind == 0:
            parts.append(f"${{{var}{draw(operators)}{draw(text).replace('}', '')}}}")
        elif kind == 1:
            parts.append(f"${var}")
        elif kind == 2:
            parts.append("$$")
        elif kind == 3:
            parts.append(draw(st.sampled_from(["${", "$", "${:-x}", "${A:-${B:-c}}"])))
        else:
            parts.append(draw(text))
    return "".join(parts)


scalars = st.one_of(st.none(), st.booleans(), st.integers(-(2**31), 2**31), text, interpolated())
images = st.one_of(
    st.sampled_from(
        [
            "clickhouse/clickhouse-server",
            "clickhouse/clickhouse-server:24.8.6",
            "clickhouse/clickhouse-server:25.8",
            "clickhouse:latest",
            "bitnami/clickhouse:24",
            "yandex/clickhouse-server:21.8",
            "clickhouse/clickhouse-server:${TAG:-24.3}",
            "clickhouse/clickhouse-keeper:25.8",
            "nginx:1.27",
        ]
    ),
    interpolated(),
)
ports = st.one_of(
    st.integers(1, 65535),
    st.sampled_from(["8123:8123", "127.0.0.1:9000:9000", "[::1]:8123:8123", "9000-9001:9000-9001/tcp", "8123", ""]),
    st.fixed_dictionaries({"target": st.integers(1, 65535)}, optional={"published": st.integers(), "host_ip": text}),
    interpolated(),
)
volumes = st.one_of(
    st.sampled_from(
        [
            "./config.d:/etc/clickhouse-server/config.d",
            "${PWD}/users.xml:/etc/clickhouse-server/users.d/u.xml",
            "data:/var/lib/clickhouse",
            "../outside:/etc/clickhouse-server/config.d",
            "/etc/clickhouse-server",
        ]
    ),
    st.fixed_dictionaries(
        {"type": st.sampled_from(["bind", "volume", "tmpfs"]), "target": text}, optional={"source": text}
    ),
    interpolated(),
)
environment = st.one_of(
    st.dictionaries(
        st.sampled_from(["CLICKHOUSE_USER", "CLICKHOUSE_PASSWORD", "CLICKHOUSE_SKIP_USER_SETUP", "TZ"]), scalars
    ),
    st.lists(st.one_of(interpolated(), st.sampled_from(["CLICKHOUSE_PASSWORD=admin", "CLICKHOUSE_USER", "=x"]))),
)
commands = st.one_of(
    st.none(),
    st.sampled_from(["clickhouse-client --query 'SELECT 1'", "--listen_host=0.0.0.0", "sh -c '/entrypoint.sh'"]),
    st.lists(text, max_size=3),
)


@st.composite
def services(draw: st.DrawFn) -> dict[str, Any]:
    service: dict[str, Any] = {"image": draw(images)}
    optional = {
        "environment": environment,
        "ports": st.lists(ports, max_size=3),
        "volumes": st.lists(volumes, max_size=3),
        "command": commands,
        "entrypoint": commands,
        "network_mode": st.sampled_from(["host", "bridge", "service:x"]),
        "env_file": st.one_of(text, st.lists(st.sampled_from([".env", "missing.env", "../x.env"]))),
        "configs": st.lists(st.one_of(names, st.fixed_dictionaries({"source": names, "target": text}))),
        "secrets": st.lists(names, max_size=2),
        "extends": st.one_of(names, st.fixed_dictionaries({"service": names}, optional={"file": text})),
        "build": st.one_of(
            text, st.fixed_dictionaries({"context": st.sampled_from([".", "./missing", "https://x/y.git"])})
        ),
        "expose": st.lists(st.integers(1, 65535), max_size=2),
        "profiles": st.lists(names, max_size=2),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            service[key] = draw(strategy)
    return service


@st.composite
def compose_files(draw: st.DrawFn, valid: bool) -> dict[str, Any]:
    shared = draw(services())  # the same object under several names: yaml.dump writes an anchor
    chosen = draw(st.dictionaries(names, st.one_of(services(), st.just(shared)), min_size=1, max_size=5))
    if valid:
        chosen["clickhouse"] = {"image": "clickhouse/clickhouse-server:25.8", **draw(services()), "command": None}
        chosen["clickhouse"]["image"] = "clickhouse/clickhouse-server:25.8"
        chosen["clickhouse"].pop("build", None)
        chosen["clickhouse"].pop("extends", None)
        chosen["clickhouse"].pop("entrypoint", None)
    document: dict[str, Any] = {"services": chosen}
    if draw(st.booleans()):
        document["configs"] = draw(
            st.dictionaries(
                names, st.one_of(st.fixed_dictionaries({"content": text}), st.fixed_dictionaries({"file": text}))
            )
        )
    if draw(st.booleans()):
        document["x-common"] = shared
    return document


def _audit(name: str, content: str, extra: dict[str, str] | None = None) -> None:
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        (root / name).write_text(content, encoding="utf-8")
        for file, body in (extra or {}).items():
            (root / file).write_text(body, encoding="utf-8")
        report, _ = audit_config(str(root / name), AuditOptions())
        assert report.targets and all(t.status in ("complete", "partial") for t in report.targets)


def _audit_any(name: str, content: str) -> None:
    try:
        _audit(name, content)
    except ConfigError as exc:
        assert "\n" not in str(exc)


@FUZZ
@given(compose_files(valid=True), st.text(max_size=60))
def test_valid_compose_files_are_always_audited(document: dict[str, Any], dot_env: str) -> None:
    _audit("docker-compose.yml", yaml.safe_dump(document), {".env": dot_env.replace("\x00", "")})


@FUZZ
@given(compose_files(valid=False))
def test_any_compose_shape_never_crashes(document: dict[str, Any]) -> None:
    _audit_any("compose.yaml", yaml.safe_dump(document))


users = st.dictionaries(
    st.from_regex(
        r"[a-z]{1,8}(/(password|password_sha256_hex|networks/ip|profile|access_management))?", fullmatch=True
    ),
    st.one_of(
        scalars,
        st.lists(scalars, max_size=3),
        st.fixed_dictionaries(
            {"valueFrom": st.fixed_dictionaries({"secretKeyRef": st.fixed_dictionaries({"name": names, "key": names})})}
        ),
    ),
    max_size=5,
)
settings_maps = st.dictionaries(st.from_regex(r"[a-z_]{1,10}(/[a-z_]{1,10}){0,2}", fullmatch=True), scalars, max_size=5)


@st.composite
def installations(draw: st.DrawFn) -> dict[str, Any]:
    configuration: dict[str, Any] = {}
    for key, strategy in {
        "users": users,
        "settings": settings_maps,
        "profiles": settings_maps,
        "files": st.dictionaries(
            st.sampled_from(["config.d/a.xml", "users.d/b.xml", "c.xml", "server.key", "x.yaml"]),
            st.one_of(text, st.just("<clickhouse><listen_host>::</listen_host></clickhouse>")),
        ),
        "clusters": st.lists(
            st.fixed_dictionaries(
                {"name": names},
                optional={
                    "layout": st.fixed_dictionaries({"shardsCount": scalars, "replicasCount": scalars}),
                    "secret": st.one_of(
                        scalars, st.fixed_dictionaries({"auto": scalars}), st.fixed_dictionaries({"value": scalars})
                    ),
                },
            ),
            max_size=2,
        ),
        "zookeeper": st.fixed_dictionaries(
            {},
            optional={
                "nodes": st.lists(st.fixed_dictionaries({"host": scalars, "port": scalars}), max_size=2),
                "identity": scalars,
            },
        ),
    }.items():
        if draw(st.booleans()):
            configuration[key] = draw(strategy)
    return {
        "apiVersion": "clickhouse.altinity.com/v1",
        "kind": "ClickHouseInstallation",
        "metadata": {"name": draw(names), "namespace": draw(st.one_of(st.none(), names))},
        "spec": {
            "configuration": configuration,
            "templates": draw(
                st.one_of(
                    st.none(),
                    st.just(
                        {
                            "podTemplates": [
                                {
                                    "name": "p",
                                    "spec": {
                                        "containers": [
                                            {
                                                "name": "clickhouse",
                                                "image": draw(images),
                                                "volumeMounts": [
                                                    {
                                                        "name": "v",
                                                        "mountPath": "/etc/clickhouse-server/config.d/x.xml",
                                                        "subPath": "x.xml",
                                                    }
                                                ],
                                            }
                                        ],
                                        "volumes": [{"name": "v", "configMap": {"name": "cm"}}],
                                    },
                                }
                            ],
                            "serviceTemplates": [
                                {
                                    "name": "s",
                                    "spec": {
                                        "type": draw(st.sampled_from(["LoadBalancer", "NodePort", "ClusterIP"])),
                                        "ports": [{"port": 8123}],
                                    },
                                }
                            ],
                        }
                    ),
                )
            ),
        },
    }


@st.composite
def workloads(draw: st.DrawFn) -> dict[str, Any]:
    container = {"name": draw(names), "image": draw(images)}
    if draw(st.booleans()):
        container["command"] = draw(st.lists(text, max_size=3))
    if draw(st.booleans()):
        container["env"] = [
            {"name": "CLICKHOUSE_PASSWORD", "value": draw(scalars)},
            {"name": "X", "valueFrom": {"secretKeyRef": {"name": "s", "key": "k"}}},
        ]
    if draw(st.booleans()):
        container["volumeMounts"] = [
            {
                "name": "cfg",
                "mountPath": draw(
                    st.sampled_from(["/etc/clickhouse-server/users.d", "/etc/clickhouse-server/config.d/a.xml", "/x"])
                ),
            }
        ]
    kind = draw(st.sampled_from(["Deployment", "StatefulSet", "Pod", "Job", "CronJob", "DaemonSet"]))
    pod = {
        "metadata": {"labels": {"app": "ch"}},
        "spec": {"containers": [container], "volumes": [{"name": "cfg", "configMap": {"name": "cm"}}]},
    }
    spec: dict[str, Any] = {"template": pod}
    if kind == "CronJob":
        spec = {"jobTemplate": {"spec": {"template": pod}}}
    body: dict[str, Any] = {"apiVersion": "apps/v1", "kind": kind, "metadata": {"name": draw(names)}}
    if kind == "Pod":
        body.update(pod)
    else:
        body["spec"] = spec
    return body


config_maps = st.builds(
    lambda data: {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": data},
    st.dictionaries(
        st.sampled_from(["a.xml", "users.xml", "config.xml", "b.yaml", "x.txt"]),
        st.one_of(text, st.just("<clickhouse><users><default><password/></default></users></clickhouse>")),
        max_size=3,
    ),
)


@FUZZ
@given(st.lists(st.one_of(installations(), workloads(), config_maps), min_size=1, max_size=4), st.booleans())
def test_manifests_never_crash(objects: list[dict[str, Any]], as_list: bool) -> None:
    if as_list:
        content = yaml.safe_dump({"apiVersion": "v1", "kind": "List", "items": objects})
    else:
        content = yaml.safe_dump_all(objects)
    _audit_any("manifest.yaml", content)


@FUZZ
@given(st.lists(installations(), min_size=1, max_size=3))
def test_valid_installations_are_always_audited(objects: list[dict[str, Any]]) -> None:
    _audit("chi.yaml", yaml.safe_dump_all(objects))


json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(text, inner, max_size=4)),
    max_leaves=30,
)


@FUZZ
@given(json_values, st.sampled_from(["compose.yaml", "manifest.yaml", "config.yaml"]))
def test_any_yaml_value_never_crashes(value: Any, name: str) -> None:
    for wrapped in ({"services": value}, {"apiVersion": "v1", "kind": "ConfigMap", "data": value}, value):
        _audit_any(name, yaml.safe_dump(wrapped))


@st.composite
def merge_key_compose(draw: st.DrawFn) -> str:
    """Compose text with anchors, aliases and merge keys (`<<: *a`, `<<: [*a, *b]`) in random places."""
    anchors = draw(st.lists(services(), min_size=1, max_size=6))
    lines = []
    for i, payload in enumerate(anchors):
        body = yaml.safe_dump(payload, default_flow_style=True, width=10**6).strip()
        lines.append(f"x-a{i}: &a{i} {body}")
    lines.append("services:")
    for name in draw(st.lists(names, min_size=1, max_size=4, unique=True)):
        refs = draw(st.lists(st.integers(0, len(anchors) - 1), min_size=1, max_size=3))
        merge = f"*a{refs[0]}" if len(refs) == 1 else "[" + ", ".join(f"*a{r}" for r in refs) + "]"
        lines.append(f"  {name}:")
        lines.append(f"    <<: {merge}")
        if draw(st.booleans()):
            lines.append("    image: clickhouse/clickhouse-server:25.8")
        if draw(st.booleans()):
            lines.append(f"    environment: *a{draw(st.integers(0, len(anchors) - 1))}")
    return "\n".join(lines) + "\n"


@FUZZ
@given(merge_key_compose())
def test_merge_keys_and_aliases_never_crash(content: str) -> None:
    _audit_any("docker-compose.yml", content)
