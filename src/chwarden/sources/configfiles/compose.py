"""docker-compose files running the official ClickHouse image: environment, mounts and published ports.

The image's entrypoint decides the users from the environment (docker/server/entrypoint.sh):
``CLICKHOUSE_SKIP_USER_SETUP=1`` leaves the shipped passwordless ``default`` open to every network;
``CLICKHOUSE_USER`` (other than default), ``CLICKHOUSE_PASSWORD`` or
``CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT`` make it write ``users.d/default-user.xml`` that removes
``default`` and creates that user with ``::/0`` and the password in plain text; with none of them,
images from 25.1.3 limit ``default`` to loopback, older ones leave it open. Bind mounts of host files
under ``/etc/clickhouse-server`` inside the scanned directory are merged like the server would.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from chwarden.facts import ContainerFacts, DeploymentFacts
from chwarden.model import Location
from chwarden.sources.configfiles.image_defaults import image_server_layers, image_users_layer
from chwarden.sources.configfiles.layers import leaf, root, split_access
from chwarden.sources.configfiles.loader import MergedConfig, merge_files, merge_layers
from chwarden.sources.configfiles.reading import CONFIG_SUFFIXES, read_bytes, read_config_file
from chwarden.sources.configfiles.tree import ConfigError, ConfigNode
from chwarden.sources.configfiles.values import safe_value
from chwarden.sources.configfiles.yaml_docs import YNode

SERVER_IMAGES = frozenset({"clickhouse-server", "clickhouse"})
LOCKDOWN_SINCE = (25, 1, 3)  # first image that closes `default` when no user is configured
CONFIG_ROOT = PurePosixPath("/etc/clickhouse-server")
ENTRYPOINT_FILE = "default-user.xml"
_VERSION = re.compile(r"^v?(\d+)\.(\d+)(?:\.(\d+))?")
_INTERPOLATION = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)")


def is_compose(documents: list[YNode]) -> bool:
    return len(documents) == 1 and documents[0].get("services") is not None and documents[0].get("clickhouse") is None


def image_version(image: str) -> tuple[int, ...] | None:
    tag = image.rsplit(":", 1)[1] if ":" in image.rsplit("/", 1)[-1] else ""
    match = _VERSION.match(tag)
    return tuple(int(g) for g in match.groups() if g is not None) if match else None


def _is_server_image(image: str) -> bool:
    name = image.split("@", 1)[0].rsplit("/", 1)[-1].split(":", 1)[0]
    return name in SERVER_IMAGES


@dataclass
class _Env:
    """A container's environment: value (None when only the host knows it) and the line that set it."""

    values: dict[str, str | None] = field(default_factory=dict)
    lines: dict[str, Location] = field(default_factory=dict)


def _interpolate(text: str, host_env: Mapping[str, str]) -> str | None:
    """Compose's ``${VAR}``/``${VAR:-default}``/``$VAR``; None when a variable is unknown."""
    unknown = False

    def substitute(match: re.Match[str]) -> str:
        nonlocal unknown
        name = match.group(1) or match.group(3)
        if name in host_env:
            return host_env[name]
        if match.group(2) is not None:
            return match.group(2)
        unknown = True
        return ""

    result = _INTERPOLATION.sub(substitute, text.replace("$$", "\0"))
    return None if unknown else result.replace("\0", "$")


def _env_lines(text: str, display: str) -> list[tuple[str, str, int]]:
    pairs: list[tuple[str, str, int]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            pairs.append((key.strip().removeprefix("export ").strip(), value.strip().strip("'\""), number))
    return pairs


def _environment(service: YNode, root_dir: Path, display: str, host_env: Mapping[str, str], notes: list[str]) -> _Env:
    env = _Env()
    env_files = service.get("env_file")
    listed = env_files.items if env_files is not None and env_files.items is not None else None
    for item in listed if listed is not None else ([env_files] if env_files is not None else []):
        name = item.text or item.text_at("path")
        if not name:
            continue
        path = _inside(root_dir, name)
        if path is None or not path.is_file():
            notes.append(f"{display}:{item.line}: env_file {name} not found inside the scanned directory; not read")
            continue
        shown = str(path.relative_to(root_dir.resolve()))
        for key, value, line in _env_lines(read_bytes(path, shown).decode("utf-8", "replace"), shown):
            env.values[key] = value
            env.lines[key] = Location(file=shown, line=line)
    block = service.get("environment")
    if block is None:
        return env
    if block.items is not None:
        for item in block.items:
            key, sep, value = (item.text or "").partition("=")
            env.values[key.strip()] = _interpolate(value, host_env) if sep else host_env.get(key.strip())
            env.lines[key.strip()] = Location(file=display, line=item.line)
    for key, node in block.mapping.items():
        env.values[key] = _interpolate(node.text, host_env) if node.text is not None else host_env.get(key)
        env.lines[key] = Location(file=display, line=block.key_line(key))
    return env


def _inside(root_dir: Path, name: str) -> Path | None:
    """A host path of the compose file, only when it stays inside the scanned directory."""
    if name.startswith("~"):
        return None
    path = (root_dir / name).resolve()
    try:
        path.relative_to(root_dir.resolve())
    except ValueError:
        return None
    return path


def _default_user_xml(env: _Env, at: Location, version: tuple[int, ...] | None) -> tuple[ConfigNode | None, str]:
    """The users.d/default-user.xml the entrypoint writes (None when it writes none), and why."""
    values = env.values
    user = values.get("CLICKHOUSE_USER") or "default"
    password = values.get("CLICKHOUSE_PASSWORD")
    access = values.get("CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT") or "0"
    tree = root(at)
    users = ConfigNode(tag="users", location=at)
    tree.children.append(users)
    if values.get("CLICKHOUSE_SKIP_USER_SETUP") == "1":
        return None, "CLICKHOUSE_SKIP_USER_SETUP=1: the shipped default user is kept"
    password_set = "CLICKHOUSE_PASSWORD" in values or "CLICKHOUSE_PASSWORD_FILE" in values
    if user != "default" or password_set or access != "0":
        where = env.lines.get("CLICKHOUSE_USER") or env.lines.get("CLICKHOUSE_PASSWORD") or at
        removed = ConfigNode(tag="default", location=where, attrs={"remove": "remove"})
        node = ConfigNode(tag=user, location=where)
        users.children += [removed, node]
        leaf(node, "profile", "default", where)
        networks = ConfigNode(tag="networks", location=where)
        leaf(networks, "ip", "::/0", where)
        node.children.append(networks)
        password_at = env.lines.get("CLICKHOUSE_PASSWORD") or env.lines.get("CLICKHOUSE_PASSWORD_FILE") or where
        secret = leaf(node, "password", password or "", password_at)
        if password is None and password_set:
            secret.attrs["from_env"] = "CLICKHOUSE_PASSWORD"  # only the running container knows it
        leaf(node, "quota", "default", where)
        leaf(node, "access_management", access, env.lines.get("CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT") or where)
        return tree, f"entrypoint creates user {user!r} open to ::/0 with a plaintext password"
    if version is not None and version < LOCKDOWN_SINCE:
        return None, "image older than 25.1.3 with no user variables: the shipped default user stays open"
    node = ConfigNode(tag="default", location=at)
    networks = ConfigNode(tag="networks", location=at)
    for ip in ("::1", "127.0.0.1"):
        leaf(networks, "ip", ip, at)
    node.children.append(networks)
    users.children.append(node)
    return tree, "no user variables: the entrypoint limits default to loopback (images from 25.1.3)"


@dataclass
class _Mounts:
    main: Path | None = None
    users_main: Path | None = None
    config_d: list[Path] = field(default_factory=list)
    users_d: list[Path] = field(default_factory=list)
    config_d_replaced: bool = False


def _volume(item: YNode) -> tuple[str, str] | None:
    if item.text is not None:
        parts = item.text.split(":")
        return (parts[0], parts[1]) if len(parts) >= 2 and parts[0].startswith((".", "/")) else None
    source, target = item.text_at("source"), item.text_at("target")
    if (item.text_at("type") or "bind") == "bind" and source and target:
        return source, target
    return None


def _mounts(service: YNode, root_dir: Path, display: str, notes: list[str]) -> _Mounts:
    mounts = _Mounts()
    volumes = service.get("volumes")
    for item in (volumes.items or []) if volumes is not None else []:
        pair = _volume(item)
        if pair is None:
            continue
        source, target = pair
        target_path = PurePosixPath(target)
        if target_path != CONFIG_ROOT and CONFIG_ROOT not in target_path.parents:
            continue
        host = _inside(root_dir, source)
        if host is None or not host.exists():
            notes.append(f"{display}:{item.line}: mounted {source} is not inside the scanned directory; not read")
            continue
        relative = target_path.relative_to(CONFIG_ROOT).parts
        _place(mounts, host, relative)
    return mounts


def _files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in CONFIG_SUFFIXES)


def _place(mounts: _Mounts, host: Path, relative: tuple[str, ...]) -> None:
    """Where a mounted host file or directory lands among the server's config files."""
    if not relative and host.is_dir():
        for name in ("config.xml", "config.yaml"):
            if (host / name).is_file():
                mounts.main = host / name
                mounts.config_d += merge_files(host / name)
        for name in ("users.xml", "users.yaml"):
            if (host / name).is_file():
                mounts.users_main = host / name
                mounts.users_d += merge_files(host / name)
        mounts.config_d_replaced = (host / "config.d").is_dir()
        return
    head = relative[0] if relative else ""
    if head in ("config.xml", "config.yaml"):
        mounts.main = host
    elif head in ("users.xml", "users.yaml"):
        mounts.users_main = host
    elif head in ("config.d", "conf.d", "users.d"):
        found = _files(host) if host.is_dir() else [host]
        (mounts.users_d if head == "users.d" else mounts.config_d).extend(found)
        if head == "conf.d":
            mounts.users_d.extend(found)
        if head == "config.d" and len(relative) == 1 and host.is_dir():
            mounts.config_d_replaced = True


def _clickhouse_services(document: YNode) -> list[tuple[str, YNode]]:
    services = document.get("services")
    return [
        (name, svc)
        for name, svc in (services.mapping if services is not None else {}).items()
        if _is_server_image(svc.text_at("image") or "")
    ]


def _container(name: str, svc: YNode, env: _Env, display: str) -> ContainerFacts:
    image = svc.text_at("image") or ""
    version = image_version(image)
    ports = svc.get("ports")
    published: list[str] = []
    for item in (ports.items or []) if ports is not None else []:
        if item.text is not None:
            published.append(item.text)
        else:
            host_ip = item.text_at("host_ip") or ""
            published.append(
                ":".join(p for p in (host_ip, item.text_at("published") or "", item.text_at("target") or "") if p)
            )
    return ContainerFacts(
        service=name,
        image=image,
        image_version=".".join(str(v) for v in version) if version else None,
        env={k: ("" if v is None else safe_value(k, v)) for k, v in env.values.items()},
        env_locations=env.lines,
        published_ports=published,
        ports_location=Location(file=display, line=svc.key_line("ports")) if ports is not None else None,
        location=Location(file=display, line=svc.key_line("image")),
    )


def load_compose(
    path: Path, document: YNode, display: str, *, env: Mapping[str, str] | None = None
) -> tuple[MergedConfig, DeploymentFacts]:
    """The merged config of the first ClickHouse service, and facts about every ClickHouse service."""
    root_dir = path.parent
    services = _clickhouse_services(document)
    if not services:
        raise ConfigError(f"{display}: no service runs a clickhouse-server image")
    host_env = dict(env or {})
    dot_env = root_dir / ".env"
    if dot_env.is_file():
        for key, value, _ in _env_lines(read_bytes(dot_env, ".env").decode("utf-8", "replace"), ".env"):
            host_env.setdefault(key, value)
    notes: list[str] = []
    facts = DeploymentFacts(kind="compose", file=display)
    envs: list[_Env] = []
    for name, svc in services:
        container_env = _environment(svc, root_dir, display, host_env, notes)
        envs.append(container_env)
        facts.containers.append(_container(name, svc, container_env, display))
    if len(services) > 1:
        notes.append(
            f"{display}: config audited for service {services[0][0]!r}; others: {', '.join(n for n, _ in services[1:])}"
        )
    name, svc = services[0]
    container_env = envs[0]
    image_at = Location(file=display, line=svc.key_line("image"))
    mounts = _mounts(svc, root_dir, display, notes)
    reader = _Displayer(root_dir)
    server = [reader.read(mounts.main)] if mounts.main else image_server_layers(image_at, docker=False)
    if not mounts.config_d_replaced:
        server += image_server_layers(image_at)[1:]
    server += [reader.read(p) for p in sorted(mounts.config_d, key=lambda p: p.name)]
    inline = split_access(server[0]) if mounts.main else None  # 18.x style: users inside config.xml
    if mounts.users_main:
        users = [reader.read(mounts.users_main)]
    else:
        users = [inline] if inline is not None else [image_users_layer(image_at)]
    entry, why = _default_user_xml(container_env, image_at, image_version(svc.text_at("image") or ""))
    notes.append(f"{display}: service {name!r}: {why}")
    users_d = [(p.name, reader.read(p)) for p in mounts.users_d]
    if entry is not None:
        users_d.append((ENTRYPOINT_FILE, entry))
    users += [tree for _, tree in sorted(users_d, key=lambda pair: pair[0])]
    known_env = {k: v for k, v in container_env.values.items() if v is not None}
    merged = merge_layers(root_dir, display, server, users, env=known_env, files=[display, *reader.files], notes=notes)
    return merged, facts


@dataclass
class _Displayer:
    root_dir: Path
    files: list[str] = field(default_factory=list)

    def read(self, path: Path) -> ConfigNode:
        shown = str(path.resolve().relative_to(self.root_dir.resolve()))
        self.files.append(shown)
        return read_config_file(path, shown)
