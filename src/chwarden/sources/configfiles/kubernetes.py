"""Kubernetes manifests: every ClickHouse server they deploy, each with the config its pods load.

Servers are ClickHouseInstallations (rendered as the Altinity operator renders them, ``k8s_operator``)
and workload containers running a ClickHouse server image (``k8s_objects``). Each server's container
view holds the image's files, what the operator mounts, and the ConfigMaps its own pod mounts into
its ClickHouse container; a ConfigMap no server pod mounts is not the server's config (it is listed
with the reason). A manifest with ConfigMaps but no pod at all is audited as those ConfigMaps over
the image's defaults, and says so. Services and host ports become exposure facts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from chwarden.facts import DeploymentFacts, K8sServiceFacts, PortExposure
from chwarden.model import Location
from chwarden.sources.configfiles.container_fs import ContainerView, Mount, Source
from chwarden.sources.configfiles.image_defaults import DEFAULT_IMAGE, ImageDefaults, is_server_image
from chwarden.sources.configfiles.image_entrypoint import ENTRYPOINT_FILE, ContainerEnv, entrypoint_users, server_role
from chwarden.sources.configfiles.k8s_objects import (
    CLICKHOUSE_PORTS,
    Manifest,
    add_mounts,
    container_env,
    container_mounts,
    data_entries,
    labels,
    name_of,
    pod_host_exposure,
    pod_template,
    selects,
    service_exposure,
)
from chwarden.sources.configfiles.k8s_operator import CONFIG_ROOT, Installation, host_regexp, installation
from chwarden.sources.configfiles.loader import MergedConfig
from chwarden.sources.configfiles.server_files import (
    ContainerInputs,
    assemble,
    image_mounts,
    inline_key_secrets,
    listen_ports,
)
from chwarden.sources.configfiles.tree import ConfigError
from chwarden.sources.configfiles.values import as_int
from chwarden.sources.configfiles.xml_reader import parse_xml
from chwarden.sources.configfiles.yaml_docs import YNode
from chwarden.sources.configfiles.yaml_xml import parse_yaml

ACCESS_SECTIONS = ("<users>", "<profiles>", "<quotas>", "<roles>", "users:", "profiles:", "quotas:")


@dataclass
class K8sServer:
    """One audited ClickHouse server of a manifest."""

    name: str
    merged: MergedConfig
    deployment: DeploymentFacts


def is_kubernetes(documents: list[YNode]) -> bool:
    return any(d.text_at("apiVersion") is not None and d.text_at("kind") is not None for d in documents)


def _service_facts(doc: YNode, name: str) -> K8sServiceFacts:
    spec = doc.get("spec")
    annotations = doc.get("metadata", "annotations")
    internal = any(
        (value.text or "").lower() == "internal" or ("internal" in key.lower() and (value.text or "").lower() == "true")
        for key, value in (annotations.mapping if annotations is not None else {}).items()
    )
    port_items = (spec.get("ports") if spec is not None else None) or YNode(0)
    ports = [as_int(item.text_at("port")) for item in port_items.items or []]
    return K8sServiceFacts(
        name=name,
        type=(spec.text_at("type") if spec is not None else None) or "ClusterIP",
        ports=[p for p in ports if p is not None],
        internal=internal,
        location=Location(file=doc.file, line=(spec.key_line("type") if spec is not None else doc.line)),
    )


def _service_ports(doc: YNode) -> set[int]:
    spec = doc.get("spec")
    items = ((spec.get("ports") if spec is not None else None) or YNode(0)).items or []
    return {
        p for item in items for p in (as_int(item.text_at("port")), as_int(item.text_at("targetPort"))) if p is not None
    }


@dataclass
class _Builder:
    manifest: Manifest
    path: Path
    env: Mapping[str, str]
    servers: list[K8sServer] = field(default_factory=list)
    server_maps: set[str] = field(default_factory=set)
    client_maps: dict[str, str] = field(default_factory=dict)
    matched_services: set[int] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)

    def services_for(self, pod_labels: dict[str, str]) -> list[YNode]:
        chosen = [s for s in self.manifest.services if selects(s, pod_labels)]
        self.matched_services.update(id(s) for s in chosen)
        return chosen

    def finish(
        self,
        name: str,
        view: ContainerView,
        image: ImageDefaults,
        image_at: Location,
        env: ContainerEnv,
        runs_entrypoint: bool,
    ) -> MergedConfig:
        known = {k: v.value for k, v in env.items() if v.value is not None}
        inputs = ContainerInputs(view, image, image_at, self.path.parent, self.manifest.display, {**self.env, **known})
        merged = assemble(inputs)
        if runs_entrypoint:
            tree, why = entrypoint_users(image, env, image_at, merged.users, lambda _path: None)
            if tree is not None:
                source = Source(
                    display=f"{ENTRYPOINT_FILE} (written by the image's entrypoint)", tree=lambda: tree, generated=True
                )
                view.add(Mount(CONFIG_ROOT / "users.d" / ENTRYPOINT_FILE, image_at, source=source, priority=3))
                merged = assemble(inputs)
            merged.notes.insert(0, f"{name}: {why}")
        return merged

    def installation(self, chi: YNode) -> None:
        name = name_of(chi)
        rendered: Installation = installation(chi, name)
        image = ImageDefaults.of(rendered.image)
        view = ContainerView()
        image_mounts(view, image, rendered.image_at)
        rendered.mount_into(view)
        env: ContainerEnv = {}
        namespace = name.split("/", 1)[0]
        for template in (chi.get("spec", "templates", "podTemplates") or YNode(0)).items or []:
            container = clickhouse_container(template)
            if container is not None:
                mounts = container_mounts(template, container, self.manifest, namespace)
                add_mounts(view, mounts)
                self.server_maps.update(mounts.config_maps)
                rendered.inline.update(mounts.inline)
                env.update(container_env(container, self.manifest, namespace))
        merged = self.finish(name, view, image, rendered.image_at, env, runs_entrypoint=True)
        merged.secrets.extend(inline_key_secrets(rendered.inline, f"CHI {name}"))
        facts = DeploymentFacts(
            kind="kubernetes",
            file=self.manifest.display,
            k8s_users=rendered.users,
            installation_hosts=[host_regexp(name)],
        )
        for template in (chi.get("spec", "templates", "serviceTemplates") or YNode(0)).items or []:
            label = f"serviceTemplate:{template.text_at('name') or '?'}"
            facts.k8s_services.append(_service_facts(template, label))
            facts.exposure.extend(service_exposure(template, label))
        for service in self.services_for({"clickhouse.altinity.com/chi": name.split("/", 1)[1]}):
            label = f"service:{name_of(service)}"
            facts.k8s_services.append(_service_facts(service, label))
            facts.exposure.extend(service_exposure(service, label))
        for template in (chi.get("spec", "templates", "podTemplates") or YNode(0)).items or []:
            container = clickhouse_container(template)
            if container is not None:
                facts.exposure.extend(pod_host_exposure(template, container, listen_ports(merged)))
        self.servers.append(K8sServer(name, merged, facts))

    def workload(self, workload: YNode) -> None:
        pod = pod_template(workload)
        spec = pod.get("spec") if pod is not None else None
        if pod is None or spec is None:
            return
        name = name_of(workload)
        namespace = name.split("/", 1)[0]
        pod_labels = labels(pod)
        containers = [(c, False) for c in (spec.get("containers") or YNode(0)).items or []]
        containers += [(c, True) for c in (spec.get("initContainers") or YNode(0)).items or []]
        for container, init in containers:
            image_text = container.text_at("image") or ""
            if not is_server_image(image_text):
                continue
            mounts = container_mounts(pod, container, self.manifest, namespace)
            role = server_role(_words(container.get("command")), _words(container.get("args")))
            label = f"{name}/{container.text_at('name') or '?'}"
            if init or not role.server:
                for config_map in mounts.config_maps:
                    self.client_maps.setdefault(config_map, label)
                why = "an init container" if init else role.why
                self.notes.append(f"{label} runs the ClickHouse image as a client ({why}): not audited as a server")
                continue
            self.server_maps.update(mounts.config_maps)
            image = ImageDefaults.of(image_text)
            image_node = container.get("image")
            image_at = image_node.at() if image_node is not None else container.at()
            view = ContainerView()
            image_mounts(view, image, image_at)
            add_mounts(view, mounts)
            env = container_env(container, self.manifest, namespace)
            merged = self.finish(label, view, image, image_at, env, role.runs_entrypoint)
            merged.secrets.extend(inline_key_secrets(mounts.inline, label))
            facts = DeploymentFacts(kind="kubernetes", file=self.manifest.display)
            for service in self.services_for(pod_labels):
                service_label = f"service:{name_of(service)}"
                facts.k8s_services.append(_service_facts(service, service_label))
                facts.exposure.extend(service_exposure(service, service_label))
            facts.exposure.extend(pod_host_exposure(pod, container, listen_ports(merged)))
            self.servers.append(K8sServer(label, merged, facts))

    def unmounted_config_maps(self) -> None:
        for full in self.manifest.config_maps:
            if full in self.server_maps:
                continue
            if full in self.client_maps:
                self.notes.append(
                    f"ConfigMap {full} is mounted by {self.client_maps[full]} only: not the server's config"
                )
            else:
                self.notes.append(
                    f"ConfigMap {full} is not mounted by any ClickHouse server pod of this manifest: "
                    "not the server's config"
                )

    def config_maps_only(self, image_text: str) -> None:
        """No pod in the manifest: the ConfigMaps are taken as what is mounted over the image's config."""
        first = next(iter(self.manifest.config_maps.values()))
        at = Location(file=first.file, line=first.key_line("kind"))
        image = ImageDefaults.of(image_text)
        view = ContainerView()
        image_mounts(view, image, at)
        inline: dict[str, Source] = {}
        for full, doc in self.manifest.config_maps.items():
            for key, source in data_entries(doc, f"ConfigMap {full}").items():
                inline[key] = source
                view.add(Mount(_placed(key, source), doc.at(), source=source, priority=2))
        merged = self.finish(self.manifest.display, view, image, at, {}, runs_entrypoint=False)
        merged.assumptions.append(
            "no pod in this manifest mounts the ConfigMaps: assumed mounted over the image's config "
            "(config.xml/users.xml by name, files with users/profiles/quotas in users.d/, the rest in config.d/)"
        )
        merged.secrets.extend(inline_key_secrets(inline, "ConfigMap"))
        facts = DeploymentFacts(kind="kubernetes", file=self.manifest.display)
        for service in self.manifest.services:
            label = f"service:{name_of(service)}"
            facts.k8s_services.append(_service_facts(service, label))
            facts.exposure.extend(service_exposure(service, label))
        self.servers.append(K8sServer(self.manifest.display, merged, facts))


def clickhouse_container(template: YNode) -> YNode | None:
    """The operator runs ClickHouse in the container named `clickhouse`, else the first one."""
    containers = (template.get("spec", "containers") or YNode(0)).items or []
    return next((c for c in containers if c.text_at("name") == "clickhouse"), containers[0] if containers else None)


def _words(node: YNode | None) -> list[str] | None:
    if node is None:
        return None
    if node.items is not None:
        return [item.text or "" for item in node.items]
    return [node.text] if node.text else []


def _placed(key: str, source: Source) -> PurePosixPath:
    if key in ("config.xml", "config.yaml", "config.yml", "users.xml", "users.yaml", "users.yml"):
        return CONFIG_ROOT / key
    text = source.content.text if source.content is not None else ""
    if _has_access_sections(key, text):
        return CONFIG_ROOT / "users.d" / key
    return CONFIG_ROOT / "config.d" / key


def _has_access_sections(key: str, text: str) -> bool:
    try:
        tree = parse_yaml(text.encode(), key) if key.endswith((".yaml", ".yml")) else parse_xml(text.encode(), key)
    except ConfigError:
        return False
    return any(child.tag in ("users", "profiles", "quotas", "roles") for child in tree.children)


def load_kubernetes(
    path: Path, documents: list[YNode], display: str, *, env: Mapping[str, str] | None = None, image: str | None = None
) -> tuple[list[K8sServer], list[str]]:
    """Every ClickHouse server of a manifest with its merged config and deployment facts, plus notes."""
    manifest = Manifest.of(documents, display)
    builder = _Builder(manifest, path, dict(env or {}))
    for chi in manifest.installations:
        builder.installation(chi)
    for workload in manifest.workloads:
        builder.workload(workload)
    if manifest.keepers:
        builder.notes.append(
            f"{len(manifest.keepers)} ClickHouseKeeperInstallation(s): Keeper is not audited as a server"
        )
    if not builder.servers and manifest.config_maps:
        builder.config_maps_only(image or DEFAULT_IMAGE)
    elif builder.servers:
        builder.unmounted_config_maps()
    if not builder.servers:
        kinds = ", ".join(sorted({repr(d.text_at("kind") or "?") for d in manifest.objects})) or "none"
        raise ConfigError(
            f"{display}: no ClickHouseInstallation, ClickHouse workload or ConfigMap in this Kubernetes manifest "
            f"(kinds: {kinds})"
        )
    unmatched = [
        s for s in manifest.services if id(s) not in builder.matched_services and _service_ports(s) & CLICKHOUSE_PORTS
    ]
    if unmatched and (manifest.installations or manifest.workloads):
        for server in builder.servers:
            for service in unmatched:
                label = f"service:{name_of(service)}"
                if all(s.name != label for s in server.deployment.k8s_services):
                    server.deployment.k8s_services.append(_service_facts(service, label))
                    server.deployment.exposure.extend(service_exposure(service, label))
    return builder.servers, builder.notes


__all__ = ["K8sServer", "PortExposure", "is_kubernetes", "load_kubernetes"]
