"""Kubernetes objects of a manifest as a ClickHouse audit needs them: pods, their volumes, Services.

A manifest may hold ClickHouseInstallations, plain workloads (Deployment, StatefulSet, DaemonSet,
ReplicaSet, Job, CronJob, Pod) whose containers run a ClickHouse image, ConfigMaps, Secrets and
Services, possibly wrapped in a ``kind: List``. A ConfigMap becomes part of a server's config only
through a volume of that server's pod that is mounted into its ClickHouse container; this module
turns such volumes into ``Mount`` entries and remembers which pod mounted which ConfigMap, so a
client pod's ConfigMap is never taken for the server's.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Literal

from chwarden.facts import PortExposure
from chwarden.model import Location
from chwarden.sources.configfiles.container_fs import ContainerView, Content, Mount, Source
from chwarden.sources.configfiles.image_entrypoint import ContainerEnv, EnvValue
from chwarden.sources.configfiles.values import as_int
from chwarden.sources.configfiles.yaml_docs import YNode

CHI_KINDS = frozenset({"ClickHouseInstallation", "ClickHouseInstallationTemplate"})
WORKLOAD_KINDS = frozenset({"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "Pod", "CronJob"})
CLICKHOUSE_PORTS = frozenset({8123, 8443, 9000, 9440, 9004, 9005, 9009, 9010, 9100, 9363})
INTERNAL_ANNOTATION_VALUES = frozenset({"internal", "true"})
MAX_OBJECTS = 2000


def name_of(doc: YNode) -> str:
    namespace = doc.text_at("metadata", "namespace") or "default"
    return f"{namespace}/{doc.text_at('metadata', 'name') or '?'}"


def flatten(documents: list[YNode]) -> list[YNode]:
    """Documents with `kind: List` (kubectl output) expanded into their items."""
    objects: list[YNode] = []
    for doc in documents:
        if doc.text_at("kind") == "List" and doc.get("items") is not None:
            objects.extend(item for item in doc.mapping["items"].items or [] if item.mapping)
        elif doc.mapping:
            objects.append(doc)
    return objects[:MAX_OBJECTS]


@dataclass
class Manifest:
    display: str
    objects: list[YNode]
    installations: list[YNode] = field(default_factory=list)
    keepers: list[YNode] = field(default_factory=list)
    config_maps: dict[str, YNode] = field(default_factory=dict)  # namespace/name -> ConfigMap
    secrets: dict[str, YNode] = field(default_factory=dict)
    services: list[YNode] = field(default_factory=list)
    workloads: list[YNode] = field(default_factory=list)
    others: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, documents: list[YNode], display: str) -> Manifest:
        manifest = cls(display, flatten(documents))
        for doc in manifest.objects:
            kind = doc.text_at("kind") or ""
            if kind in CHI_KINDS:
                manifest.installations.append(doc)
            elif kind == "ClickHouseKeeperInstallation":
                manifest.keepers.append(doc)
            elif kind == "ConfigMap":
                manifest.config_maps[name_of(doc)] = doc
            elif kind == "Secret":
                manifest.secrets[name_of(doc)] = doc
            elif kind == "Service":
                manifest.services.append(doc)
            elif kind in WORKLOAD_KINDS:
                manifest.workloads.append(doc)
            elif kind:
                manifest.others.append(kind)
        return manifest


def pod_template(workload: YNode) -> YNode | None:
    """The pod spec's parent (`template`) of a workload, or the Pod itself."""
    kind = workload.text_at("kind")
    if kind == "Pod":
        return workload
    if kind == "CronJob":
        return workload.get("spec", "jobTemplate", "spec", "template")
    return workload.get("spec", "template")


def labels(pod: YNode | None) -> dict[str, str]:
    block = pod.get("metadata", "labels") if pod is not None else None
    return {k: v.text or "" for k, v in (block.mapping if block is not None else {}).items()}


def selects(service: YNode, pod_labels: dict[str, str]) -> bool:
    selector = service.get("spec", "selector")
    if selector is None or not selector.mapping:
        return False
    return all(pod_labels.get(k) == (v.text or "") for k, v in selector.mapping.items())


# --- data of ConfigMaps and Secrets ------------------------------------------------------------


def _decoded(value: YNode) -> str | None:
    try:
        return base64.b64decode((value.text or "").encode(), validate=False).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


def data_entries(doc: YNode, origin: str) -> dict[str, Source]:
    """Files of a ConfigMap (`data`) or Secret (`stringData`, decoded `data`), as inline sources."""
    entries: dict[str, Source] = {}
    secret = doc.text_at("kind") == "Secret"
    for section in ("data", "stringData") if secret else ("data",):
        block = doc.get(section)
        for key, value in (block.mapping if block is not None else {}).items():
            text = _decoded(value) if secret and section == "data" else value.text
            if text is None:
                continue
            first = value.block_content_line if not (secret and section == "data") else None
            content = Content(
                text,
                f"{doc.file} [{origin} {key}]",
                doc.file,
                first,
                Location(file=doc.file, line=block.key_line(key) if block else doc.line),
            )
            entries[key] = Source(display=content.display, content=content)
    return entries


# --- a pod's ClickHouse container: mounts, environment, exposure --------------------------------------


@dataclass
class PodMounts:
    """Mounts of one container, and the ConfigMaps/Secrets (namespace/name) its volumes use."""

    mounts: list[Mount] = field(default_factory=list)
    config_maps: set[str] = field(default_factory=set)
    inline: dict[str, Source] = field(default_factory=dict)  # every inline file mounted (private keys)


def _volume_entries(
    volume: YNode, manifest: Manifest, namespace: str
) -> tuple[dict[str, Source] | None, str | None, str | None]:
    """(entries, referenced ConfigMap, problem) for one pod volume."""
    for kind, key, store in (("configMap", "name", manifest.config_maps), ("secret", "secretName", manifest.secrets)):
        block = volume.get(kind)
        if block is None:
            continue
        name = block.text_at(key) or "?"
        full = f"{namespace}/{name}"
        doc = store.get(full)
        if doc is None:
            return None, full if kind == "configMap" else None, f"{kind} {full} is not in this manifest"
        entries = data_entries(doc, f"{kind} {full}")
        items = block.get("items")
        if items is not None and items.items is not None:
            entries = {
                item.text_at("path") or "": entries[item.text_at("key") or ""]
                for item in items.items
                if (item.text_at("key") or "") in entries
            }
        return entries, full if kind == "configMap" else None, None
    projected = volume.get("projected", "sources")
    if projected is not None and projected.items is not None:
        merged: dict[str, Source] = {}
        used: str | None = None
        for part in projected.items:
            part_entries, config_map, problem = _volume_entries(part, manifest, namespace)
            if problem is not None:
                return None, config_map, problem
            merged.update(part_entries or {})
            used = used or config_map
        return merged, used, None
    kind = next((k for k in volume.mapping if k != "name"), "volume")
    return None, None, f"{kind} volume: its content exists only at run time"


def container_mounts(pod: YNode, container: YNode, manifest: Manifest, namespace: str) -> PodMounts:
    found = PodMounts()
    volumes = {v.text_at("name") or "": v for v in (pod.get("spec", "volumes") or YNode(0)).items or []}
    for mount in (container.get("volumeMounts") or YNode(0)).items or []:
        target = PurePosixPath(mount.text_at("mountPath") or "/")
        origin = mount.at()
        volume = volumes.get(mount.text_at("name") or "")
        if volume is None:
            found.mounts.append(
                Mount(target, origin, problem=f"volume {mount.text_at('name')} is not defined in the pod")
            )
            continue
        entries, config_map, problem = _volume_entries(volume, manifest, namespace)
        if config_map:
            found.config_maps.add(config_map)
        if problem is not None or entries is None:
            found.mounts.append(Mount(target, origin, problem=problem or "no content"))
            continue
        found.inline.update(entries)
        sub_path = mount.text_at("subPath")
        if sub_path:
            source = entries.get(sub_path)
            if source is None:
                found.mounts.append(Mount(target, origin, problem=f"subPath {sub_path} is not a key of the volume"))
            else:
                found.mounts.append(Mount(target, origin, source=source, priority=2))
        else:
            found.mounts.append(Mount(target, origin, entries=entries, priority=2))
    return found


def add_mounts(view: ContainerView, mounts: PodMounts) -> None:
    for mount in mounts.mounts:
        view.add(mount)


def container_env(container: YNode, manifest: Manifest, namespace: str) -> ContainerEnv:
    env: ContainerEnv = {}
    for source in (container.get("envFrom") or YNode(0)).items or []:
        for kind, store in (("configMapRef", manifest.config_maps), ("secretRef", manifest.secrets)):
            ref = source.get(kind)
            if ref is None:
                continue
            doc = store.get(f"{namespace}/{ref.text_at('name') or '?'}")
            for key, entry in data_entries(doc, kind).items() if doc is not None else ():
                assert entry.content is not None
                env[(source.text_at("prefix") or "") + key] = EnvValue(
                    entry.content.text, entry.content.at, bool(entry.content.text)
                )
    for item in (container.get("env") or YNode(0)).items or []:
        name = item.text_at("name") or ""
        at = item.at()
        if item.get("value") is not None:
            value = item.text_at("value") or ""
            env[name] = EnvValue(value, at, bool(value))
        else:
            env[name] = EnvValue(_ref_value(item.get("valueFrom"), manifest, namespace), at)
    return env


def _ref_value(ref: YNode | None, manifest: Manifest, namespace: str) -> str | None:
    """A `valueFrom` resolved from a ConfigMap or Secret of the same manifest, else unknown."""
    if ref is None:
        return None
    for kind, store in (("configMapKeyRef", manifest.config_maps), ("secretKeyRef", manifest.secrets)):
        block = ref.get(kind)
        if block is None:
            continue
        doc = store.get(f"{namespace}/{block.text_at('name') or '?'}")
        entry = data_entries(doc, kind).get(block.text_at("key") or "") if doc is not None else None
        return entry.content.text if entry is not None and entry.content is not None else None
    return None


def service_exposure(service: YNode, origin: str) -> list[PortExposure]:
    """Ports a Service opens beyond the pod network (NodePort, public or internal load balancer)."""
    spec = service.get("spec")
    kind = (spec.text_at("type") if spec is not None else None) or "ClusterIP"
    if kind not in ("NodePort", "LoadBalancer"):
        return []
    annotations = service.get("metadata", "annotations")
    internal = any(
        (value.text or "").lower() == "internal"
        or ("internal" in key.lower() and (value.text or "").lower() in INTERNAL_ANNOTATION_VALUES)
        for key, value in (annotations.mapping if annotations is not None else {}).items()
    )
    scope = "address" if internal else "any"
    at = Location(file=service.file, line=spec.key_line("type") if spec is not None else service.line)
    found: list[PortExposure] = []
    for port in ((spec.get("ports") if spec is not None else None) or YNode(0)).items or []:
        target = as_int(port.text_at("targetPort")) or as_int(port.text_at("port"))
        if target is None:
            continue
        found.append(
            PortExposure(
                container_port=target,
                scope=scope,  # type: ignore[arg-type]
                host_port=port.text_at("nodePort") or port.text_at("port"),
                via=f"{origin} ({kind}{', internal' if internal else ''})",
                location=at,
            )
        )
    return found


def pod_host_exposure(pod: YNode, container: YNode, ports: list[int]) -> list[PortExposure]:
    """hostNetwork pods open every listening port on the node; hostPort opens one."""
    spec = pod.get("spec")
    if spec is not None and (spec.text_at("hostNetwork") or "").lower() == "true":
        at = Location(file=spec.file, line=spec.key_line("hostNetwork"))
        return [PortExposure(container_port=p, scope="any", via="hostNetwork: true", location=at) for p in ports]
    found: list[PortExposure] = []
    for port in (container.get("ports") or YNode(0)).items or []:
        host_port = port.text_at("hostPort")
        target = as_int(port.text_at("containerPort"))
        if host_port and target is not None:
            host_ip = port.text_at("hostIP")
            scope: Literal["any", "address", "loopback"] = (
                "loopback" if (host_ip or "").startswith(("127.", "::1")) else ("address" if host_ip else "any")
            )
            found.append(
                PortExposure(
                    container_port=target,
                    scope=scope,
                    host_ip=host_ip,
                    host_port=host_port,
                    via=f"hostPort {host_port}",
                    location=port.at(),
                )
            )  # type: ignore[arg-type]
    return found
