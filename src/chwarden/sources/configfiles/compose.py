"""docker-compose projects running ClickHouse: every server service audited with what its container sees.

A service is a ClickHouse server when its image (or the base image of its ``build:``) is a
clickhouse-server image and its command starts the server (no command, server ``--`` arguments, or a
script that runs ``/entrypoint.sh`` or ``clickhouse-server``); the same image running
``clickhouse-client`` or a shell is a client and is listed, not audited. For each server the
container view is built from the image's shipped files, the files the Dockerfile copies, bind
mounts, ``configs`` and ``secrets``, and the image's entrypoint is emulated with the container's
environment (``image_entrypoint``). Published ports become exposure facts (``PortExposure``) that
the checks weigh severities with.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from chwarden.facts import ContainerFacts, DeploymentFacts, PortExposure
from chwarden.model import Location
from chwarden.sources.configfiles.compose_env import interpolate, parse_dotenv, read_env_assignments
from chwarden.sources.configfiles.compose_project import ComposeProject, load_project, unknown_collector
from chwarden.sources.configfiles.container_fs import ContainerView, Content, Mount, Source
from chwarden.sources.configfiles.image_build import Build, copy_targets, read_build
from chwarden.sources.configfiles.image_defaults import DEFAULT_IMAGE, ImageDefaults, is_server_image
from chwarden.sources.configfiles.image_entrypoint import (
    ENTRYPOINT_FILE,
    ContainerEnv,
    EnvValue,
    ServerRole,
    command_line_overrides,
    command_words,
    entrypoint_users,
    server_role,
)
from chwarden.sources.configfiles.loader import MergedConfig
from chwarden.sources.configfiles.reading import NotRead, read_bytes
from chwarden.sources.configfiles.server_files import (
    ContainerInputs,
    assemble,
    image_mounts,
    inline_key_secrets,
    listen_ports,
)
from chwarden.sources.configfiles.tree import ConfigError
from chwarden.sources.configfiles.values import safe_value
from chwarden.sources.configfiles.yaml_docs import YNode

LOOPBACK_HOSTS = ("127.", "::1", "[::1]", "localhost")
ANY_HOSTS = ("", "0.0.0.0", "::", "[::]")
MAX_PORT_RANGE = 64


@dataclass
class ComposeServer:
    """One audited ClickHouse server service."""

    service: str
    merged: MergedConfig
    deployment: DeploymentFacts


# --- environment -------------------------------------------------------------------------------------


def _env_value(node: YNode | None, key: str, project: ComposeProject, at: Location) -> EnvValue:
    if node is None or node.text is None:
        value = project.lookup(key)  # `- KEY` or `KEY:` takes the value from the project's environment
        return EnvValue(value, at)
    if node.unknown_variables:
        return EnvValue(None, at, nonempty=node.nonempty)
    return EnvValue(
        node.text, at, nonempty=bool(node.text), defaulted_from=node.defaulted[0] if node.defaulted else None
    )


def _environment(svc: YNode, project: ComposeProject, build: Build | None) -> ContainerEnv:
    env: ContainerEnv = {}
    if build is not None:
        for key, (value, at) in build.env.items():
            env[key] = EnvValue(value, at, nonempty=bool(value))
    env_files = svc.get("env_file")
    listed = (
        env_files.items if env_files is not None and env_files.items is not None else ([env_files] if env_files else [])
    )
    for item in listed:
        name = item.text or item.text_at("path") or ""
        required = (item.text_at("required") or "true").lower() != "false"
        host = project.host_path(name)
        if host is None or not project.inside(host) or not host.is_file():
            if required or (host is not None and host.is_file()):
                why = "outside the scanned directory" if host is not None and host.is_file() else "not found"
                project.not_read.append(
                    NotRead(f"{item.at()}: env_file {name}", f"{why}; the container's variables from it are unknown")
                )
            continue
        shown = project.shown(host)
        try:
            text = read_bytes(host, shown).decode("utf-8", "replace")
        except ConfigError as exc:
            project.not_read.append(NotRead(shown, str(exc)))
            continue
        if shown not in project.files_read:
            project.files_read.append(shown)
        values = read_env_assignments(parse_dotenv(text), shown, project.lookup, unknown_collector(project))
        for key, assigned in values.items():
            env[key] = EnvValue(assigned.value, assigned.location, nonempty=assigned.nonempty)
    block = svc.get("environment")
    if block is not None and block.items is not None:
        for item in block.items:
            key, sep, _ = (item.text or "").partition("=")
            if key.strip():
                # `- KEY=VALUE` was interpolated as one string: judge the value part on its own.
                part = interpolate((item.raw or item.text or "").partition("=")[2], project.lookup)
                value_node = (
                    replace(
                        item,
                        text=part.text,
                        unknown_variables=part.unknown,
                        nonempty=part.nonempty,
                        defaulted=part.defaulted,
                    )
                    if sep
                    else None
                )
                env[key.strip()] = _env_value(value_node, key.strip(), project, item.at())
    elif block is not None:
        for key, node in block.mapping.items():
            env[key] = _env_value(node, key, project, block.key_at(key))
    return env


# --- the container's files ------------------------------------------------------------------------


@dataclass
class _ViewBuilder:
    project: ComposeProject
    image: ImageDefaults
    view: ContainerView = field(default_factory=ContainerView)
    inline_keys: dict[str, Source] = field(default_factory=dict)

    def bind(self, source_text: str, target: str, origin: Location, unknown: tuple[str, ...]) -> None:
        target_path = PurePosixPath(target)
        if unknown:
            self.view.add(
                Mount(
                    target_path,
                    origin,
                    problem=f"source {source_text} depends on unknown variable(s) {', '.join(unknown)}",
                )
            )
            return
        host = self.project.host_path(source_text)
        if host is None:
            self.view.add(Mount(target_path, origin, problem=f"source {source_text} is in a home directory; not read"))
        elif not self.project.inside(host):
            self.view.add(
                Mount(target_path, origin, problem=f"source {source_text} is outside the scanned directory; not read")
            )
        elif host.is_dir():
            self.view.add(
                Mount(target_path, origin, host_dir=host, host_dir_display=self.project.shown(host), priority=2)
            )
        elif host.is_file():
            self.view.add(
                Mount(target_path, origin, source=Source(display=self.project.shown(host), path=host), priority=2)
            )
        else:
            self.view.add(
                Mount(
                    target_path,
                    origin,
                    problem=f"source {source_text} does not exist (Docker would mount an empty directory)",
                )
            )

    def volumes(self, svc: YNode) -> None:
        block = svc.get("volumes")
        for item in (block.items or []) if block is not None else []:
            origin = item.at()
            if item.text is not None:
                parts = item.text.split(":")
                if len(parts) < 2:
                    continue  # an anonymous volume
                source, target = parts[0], parts[1]
                if source.startswith((".", "/", "~")) or "${" in source:
                    self.bind(source, target, origin, item.unknown_variables)
                else:
                    self.view.add(
                        Mount(
                            PurePosixPath(target),
                            origin,
                            problem=f"named volume {source}: its content exists only at run time",
                        )
                    )
                continue
            kind = item.text_at("type") or "volume"
            source_node, target = item.get("source"), item.text_at("target") or ""
            if not target.startswith("/"):
                continue
            if kind == "bind" and source_node is not None and source_node.text:
                self.bind(source_node.text, target, origin, source_node.unknown_variables)
            elif kind == "volume":
                name = source_node.text if source_node is not None else "(anonymous)"
                self.view.add(
                    Mount(
                        PurePosixPath(target),
                        origin,
                        problem=f"named volume {name}: its content exists only at run time",
                    )
                )

    def definitions(self, svc: YNode, section: str, default_dir: str) -> None:
        """Service `configs`/`secrets`: files from the top-level definition mounted at their target."""
        block = svc.get(section)
        top = self.project.configs if section == "configs" else self.project.secrets
        for item in (block.items or []) if block is not None else []:
            name = item.text or item.text_at("source") or ""
            target = item.text_at("target") if item.text is None else None
            target = target or f"{default_dir}/{name}"
            if not target.startswith("/"):
                target = f"{default_dir}/{target}"
            origin = item.at()
            definition = top.get(name)
            target_path = PurePosixPath(target)
            if definition is None:
                self.view.add(
                    Mount(target_path, origin, problem=f"{section} {name} is not defined in the compose file")
                )
            elif definition.get("content") is not None:
                content = definition.mapping["content"]
                first = content.block_content_line
                text = Content(
                    content.text or "", f"{content.file} [{section}.{name}]", content.file, first, content.at()
                )
                source = Source(display=text.display, content=text)
                self.view.add(Mount(target_path, origin, source=source, priority=2))
                self.inline_keys[name] = source
            elif definition.get("file") is not None:
                file_node = definition.mapping["file"]
                self.bind(file_node.text or "", target, origin, file_node.unknown_variables)
            elif definition.get("environment") is not None:
                variable = definition.text_at("environment") or ""
                value = self.project.lookup(variable)
                if value is None:
                    self.view.add(
                        Mount(
                            target_path,
                            origin,
                            problem=f"{section} {name} comes from ${{{variable}}}, which is unknown",
                        )
                    )
                else:
                    text = Content(
                        value, f"{definition.file} [{section}.{name}]", definition.file, None, definition.at()
                    )
                    self.view.add(
                        Mount(target_path, origin, source=Source(display=text.display, content=text), priority=2)
                    )
            else:
                self.view.add(
                    Mount(
                        target_path,
                        origin,
                        problem=f"external {section} {name}: its content is not in the compose file",
                    )
                )

    def copies(self, build: Build) -> None:
        roots = tuple(PurePosixPath(r) for r in self.image.config_roots)
        for copy in build.copies:
            destination = PurePosixPath(copy.destination)
            related = any(destination.is_relative_to(r) or r.is_relative_to(destination) for r in roots)
            if not related or copy.location is None:
                continue
            if copy.problem is not None and not copy.sources and copy.inline is None:
                self.view.add(Mount(destination, copy.location, problem=copy.problem))
                continue
            if copy.inline is not None:
                text = Content(
                    copy.inline,
                    f"{build.dockerfile} [COPY {destination}]",
                    build.dockerfile,
                    copy.inline_line,
                    copy.location,
                )
                self.view.add(
                    Mount(destination, copy.location, source=Source(display=text.display, content=text), priority=1)
                )
                continue
            for target, host in copy_targets(copy):
                self.view.add(
                    Mount(target, copy.location, source=Source(display=self.project.shown(host), path=host), priority=1)
                )

    def read_file(self, container_path: str) -> str | None:
        source = self.view.file(PurePosixPath(container_path))
        if source is None:
            return None
        if source.content is not None:
            return source.content.text
        if source.path is not None:
            try:
                return read_bytes(source.path, source.display).decode("utf-8", "replace")
            except ConfigError:
                return None
        return None


# --- builds, ports ----------------------------------------------------------------------------------


def _build(svc: YNode, project: ComposeProject) -> Build | None:
    block = svc.get("build")
    if block is None:
        return None
    context_text = block.text if block.text is not None else (block.text_at("context") or ".")
    if "://" in context_text or context_text.startswith("git@"):
        project.notes.append(f"{block.at()}: build context {context_text} is remote; not read")
        return None
    context = project.host_path(context_text)
    if context is None or not project.inside(context):
        project.not_read.append(
            NotRead(f"{block.at()}: build context {context_text}", "outside the scanned directory; not read")
        )
        return None
    inline = block.text_at("dockerfile_inline")
    dockerfile_name = block.text_at("dockerfile") or "Dockerfile"
    path = context / dockerfile_name
    args_node = block.get("args")
    args: dict[str, str] = {}
    if args_node is not None:
        for key, value in args_node.mapping.items() if args_node.items is None else ():
            if value.text is not None and not value.unknown_variables:
                args[key] = value.text
        for item in args_node.items or []:
            key, sep, value_text = (item.text or "").partition("=")
            if sep and not item.unknown_variables:
                args[key] = value_text
    if inline is None and (not project.inside(path) or not path.is_file()):
        project.not_read.append(
            NotRead(f"{block.at()}: {project.shown(path)}", "Dockerfile not found inside the scanned directory")
        )
        return None
    shown = f"{block.file} [build.dockerfile_inline]" if inline is not None else project.shown(path)
    build = read_build(context, path, inline, args, shown, block.text_at("target"))
    if inline is None and shown not in project.files_read and not build.problems:
        project.files_read.append(shown)
    for problem in build.problems:
        project.not_read.append(NotRead(shown, problem))
    return build


def _port_spec(text: str) -> tuple[str | None, str | None, str, str]:
    """(host_ip, host_port, container_port, protocol) of a short `ports:` entry."""
    spec, _, protocol = text.partition("/")
    host_ip: str | None = None
    if spec.startswith("["):
        host_ip, _, spec = spec[1:].partition("]")
        spec = spec.lstrip(":")
        parts = spec.split(":")
        return host_ip, parts[0] if len(parts) > 1 else None, parts[-1], protocol or "tcp"
    parts = spec.rsplit(":", 2)
    if len(parts) == 3:
        return parts[0], parts[1], parts[2], protocol or "tcp"
    if len(parts) == 2:
        return None, parts[0], parts[1], protocol or "tcp"
    return None, None, parts[0], protocol or "tcp"


def _scope(host_ip: str | None) -> str:
    ip = (host_ip or "").strip()
    if ip in ANY_HOSTS:
        return "any"
    if ip.startswith(LOOPBACK_HOSTS):
        return "loopback"
    return "address"


def _ports(svc: YNode) -> tuple[list[str], list[PortExposure]]:
    block = svc.get("ports")
    written: list[str] = []
    exposure: list[PortExposure] = []
    for item in (block.items or []) if block is not None else []:
        if item.text is not None:
            host_ip, host_port, target, protocol = _port_spec(item.text)
            written.append(item.text)
        else:
            host_ip, host_port = item.text_at("host_ip"), item.text_at("published")
            target, protocol = item.text_at("target") or "", item.text_at("protocol") or "tcp"
            written.append(":".join(p for p in (host_ip or "", host_port or "", target) if p))
        if protocol.lower() != "tcp" or (item.unknown_variables and not target.isdigit()):
            continue
        first, _, last = target.partition("-")
        if not first.isdigit():
            continue
        end = int(last) if last.isdigit() else int(first)
        for port in range(int(first), min(end, int(first) + MAX_PORT_RANGE) + 1):
            exposure.append(
                PortExposure(
                    container_port=port,
                    scope=_scope(host_ip),  # type: ignore[arg-type]
                    host_ip=host_ip or None,
                    host_port=host_port or None,
                    via=f"ports: {written[-1]}",
                    location=item.at(),
                )
            )
    return written, exposure


def _host_network_exposure(merged: MergedConfig, at: Location) -> list[PortExposure]:
    return [
        PortExposure(container_port=p, scope="any", via="network_mode: host", location=at) for p in listen_ports(merged)
    ]


# --- assembly -------------------------------------------------------------------------------------


def _image_of(svc: YNode, build: Build | None) -> tuple[str, Location]:
    image_node = svc.get("image")
    if build is not None and build.base_image:
        return build.base_image, build.from_location or svc.at()
    if image_node is not None and image_node.text:
        return image_node.text, Location(file=image_node.file, line=svc.key_line("image"))
    return "", svc.at()


def _server(name: str, svc: YNode, project: ComposeProject, build: Build | None, role: ServerRole) -> ComposeServer:
    image_text, image_at = _image_of(svc, build)
    image = ImageDefaults.of(image_text or DEFAULT_IMAGE)
    builder = _ViewBuilder(project, image)
    image_mounts(builder.view, image, image_at)
    if build is not None:
        builder.copies(build)
    builder.volumes(svc)
    builder.definitions(svc, "configs", "")
    builder.definitions(svc, "secrets", "/run/secrets")
    env = _environment(svc, project, build)
    known = {k: v.value for k, v in env.items() if v.value is not None}
    config_var = known.get("CLICKHOUSE_CONFIG")
    inputs = ContainerInputs(builder.view, image, image_at, project.root_dir, project.display, known, config_var)
    first = assemble(inputs)
    if role.runs_entrypoint:
        tree, why = entrypoint_users(image, env, image_at, first.users, builder.read_file)
    else:
        tree, why = None, role.why
    merged = first
    if tree is not None:
        root = PurePosixPath(image.config_roots[0])
        generated = Source(
            display=f"{ENTRYPOINT_FILE} (written by the image's entrypoint)", tree=lambda: tree, generated=True
        )
        builder.view.add(Mount(root / "users.d" / ENTRYPOINT_FILE, image_at, source=generated, priority=3))
        merged = assemble(inputs)
    merged.notes.insert(0, f"service {name!r}: {why}")
    command_node = svc.get("command")
    merged.overrides = command_line_overrides(command_words(command_node))
    if merged.overrides and command_node is not None:
        merged.overrides_at = Location(file=command_node.file, line=svc.key_line("command"))
    merged.secrets.extend(inline_key_secrets(builder.inline_keys, f"{project.display} {name}"))
    written, exposure = _ports(svc)
    network_mode = svc.text_at("network_mode")
    if network_mode == "host":
        exposure = _host_network_exposure(merged, Location(file=svc.file, line=svc.key_line("network_mode")))
    ports = svc.get("ports")
    container = ContainerFacts(
        service=name,
        image=image_text,
        image_version=".".join(str(v) for v in image.version) if image.version else None,
        env={k: ("" if v.value is None else safe_value(k, v.value)) for k, v in env.items()},
        env_locations={k: v.location for k, v in env.items()},
        published_ports=written,
        ports_location=Location(file=svc.file, line=svc.key_line("ports")) if ports is not None else None,
        location=image_at,
        network_mode=network_mode,
        exposure=exposure,
        built_from=build.dockerfile if build is not None else None,
    )
    deployment = DeploymentFacts(kind="compose", file=project.display, containers=[container])
    return ComposeServer(name, merged, deployment)


def load_compose(
    path: Path,
    display: str,
    *,
    env: Mapping[str, str] | None = None,
    env_files: list[Path] | None = None,
) -> tuple[list[ComposeServer], ComposeProject]:
    """Every ClickHouse server service of a compose project, each with its own merged config."""
    project = load_project(path, display, env=env, env_files=env_files)
    servers: list[ComposeServer] = []
    clients: list[str] = []
    for name, svc in project.services.items():
        if not svc.mapping:
            continue
        build = _build(svc, project)
        image_text, _ = _image_of(svc, build)
        if not is_server_image(image_text):
            continue
        entrypoint = command_words(svc.get("entrypoint"))
        command = command_words(svc.get("command"))
        if build is not None:
            entrypoint = entrypoint if entrypoint is not None else build.entrypoint
            command = command if svc.get("command") is not None else build.command
        role = server_role(entrypoint, command)
        if not role.server:
            clients.append(
                f"service {name!r} runs the ClickHouse image as a client ({role.why}): not audited as a server"
            )
            continue
        servers.append(_server(name, svc, project, build, role))
    if not servers:
        services = ", ".join(repr(name) for name in project.services) or "none"
        raise ConfigError(f"{display}: no service runs a ClickHouse server (services: {services})")
    project.notes.extend(clients)
    if len(servers) > 1:
        project.notes.append(
            f"{len(servers)} ClickHouse server services, each audited: {', '.join(s.service for s in servers)}"
        )
    return servers, project
