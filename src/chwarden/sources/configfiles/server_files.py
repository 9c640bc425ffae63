"""The configuration a containerised ClickHouse server loads, read from a ``ContainerView``.

Mirrors the server inside the container: the main file (``config.xml``, or ``config.yaml`` /
``config.yml`` when only those exist), the files of ``config.d/`` and ``conf.d/`` merged in the order
of their full paths, ``include_from`` (default ``/etc/metrika.xml``), ``from_env`` from the container's
environment, then the users file named by ``users_config`` / ``user_directories`` with its own
``users.d/`` and ``conf.d/``, and the dictionary files ``dictionaries_config`` matches. Every file is
either read (and listed), or listed as not read with the reason; files ClickHouse itself ignores
(other extensions, hidden files) are listed too. A file that is the image's own default is not read
from anywhere: it is an assumption, and said so.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from chwarden.facts import LocatedSecret
from chwarden.model import Location
from chwarden.sources.configfiles.config_secrets import text_secrets, tree_secrets, unique
from chwarden.sources.configfiles.container_fs import ContainerView, Content, Mount, Source
from chwarden.sources.configfiles.image_defaults import ImageDefaults
from chwarden.sources.configfiles.loader import DEFAULT_INCLUDE_FROM, MergedConfig
from chwarden.sources.configfiles.reading import CONFIG_SUFFIXES, YAML_SUFFIXES, NotRead, read_config_file
from chwarden.sources.configfiles.substitutions import Substituter
from chwarden.sources.configfiles.tree import ConfigError, ConfigNode, pin, shift
from chwarden.sources.configfiles.tree_merge import check_root, merge_into
from chwarden.sources.configfiles.xml_reader import parse_xml
from chwarden.sources.configfiles.yaml_xml import parse_yaml

MAIN_NAMES = ("config.xml", "config.yaml", "config.yml")
IGNORED = "ClickHouse merges only .xml, .conf, .yaml and .yml files that do not start with a dot"
MAX_DICTIONARY_FILES = 200
LISTEN_PORT_KEYS = (
    "http_port",
    "https_port",
    "tcp_port",
    "tcp_port_secure",
    "mysql_port",
    "postgresql_port",
    "grpc_port",
    "interserver_http_port",
    "interserver_https_port",
    "prometheus.port",
    "keeper_server.tcp_port",
)


def parse_content(content: Content, name: str) -> ConfigNode:
    """Parse text carried in a deployment file; a literal block keeps exact lines, others the key line."""
    data = content.text.encode()
    tree = (
        parse_yaml(data, content.display) if name.lower().endswith(YAML_SUFFIXES) else parse_xml(data, content.display)
    )
    if content.first_line is not None:
        return shift(tree, content.file, content.first_line - 1)
    return pin(tree, content.at)


def image_mounts(view: ContainerView, image: ImageDefaults, at: Location) -> None:
    """The files the image ships under its config root, below every mount."""
    root = PurePosixPath(image.config_roots[0])
    view.aliases.extend((PurePosixPath(alias), root) for alias in image.config_roots[1:])
    shipped = {
        root / "config.xml": lambda: image.main_config(at),
        root / "users.xml": lambda: image.users_config(at),
    }
    if not image.bitnami:
        shipped[root / "config.d" / "docker_related_config.xml"] = lambda: image.docker_related_config(at)
    for target, build in shipped.items():
        view.add(Mount(target=target, origin=None, source=Source(display=f"image {target}", tree=build), priority=0))


@dataclass
class ContainerInputs:
    """One server container: what it sees, its image, and its environment."""

    view: ContainerView
    image: ImageDefaults
    image_at: Location
    root_dir: Path
    display: str  # the deployment file (the main file of the report)
    env: Mapping[str, str] = field(default_factory=dict)  # known values, for from_env
    main_path: str | None = None  # CLICKHOUSE_CONFIG, when the container sets it


@dataclass
class _Reader:
    inputs: ContainerInputs
    files: list[str] = field(default_factory=list)
    not_read: list[NotRead] = field(default_factory=list)
    secrets: list[LocatedSecret] = field(default_factory=list)
    defaults_used: list[str] = field(default_factory=list)
    root_tags: set[str] = field(default_factory=set)

    def parse(self, source: Source, name: str, *, server_side: bool) -> ConfigNode | None:
        tree = self._parse(source, name, server_side=server_side)
        if tree is not None:
            self.root_tags.add(tree.tag)
        return tree

    def _parse(self, source: Source, name: str, *, server_side: bool) -> ConfigNode | None:
        try:
            if source.tree is not None:
                tree = source.tree()
                if source.generated:
                    if source.display not in self.files:
                        self.files.append(source.display)
                    if server_side:
                        self.secrets.extend(tree_secrets(tree, source.display))
                else:
                    self.defaults_used.append(source.display.removeprefix("image "))
                return tree
            if source.content is not None:
                tree = parse_content(source.content, name)
            elif source.path is not None:
                tree = read_config_file(source.path, source.display)
            else:
                return None
        except ConfigError as exc:
            self.not_read.append(NotRead(source.display, f"cannot be parsed ({exc}); ClickHouse would refuse to start"))
            return None
        if source.display not in self.files:
            self.files.append(source.display)
        if server_side:
            self.secrets.extend(tree_secrets(tree, source.display))
        return tree

    def merge_files(self, main: PurePosixPath) -> list[tuple[PurePosixPath, Source]]:
        """Override files of ``main``: `<stem>.d/` and `conf.d/`, by full path like the server."""
        found: list[tuple[PurePosixPath, Source]] = []
        for directory in dict.fromkeys((main.with_suffix(".d"), main.with_name("conf.d"))):
            for name, source in self.inputs.view.files_in(directory).items():
                path = directory / name
                if name.startswith(".") or PurePosixPath(name).suffix.lower() not in CONFIG_SUFFIXES:
                    if source.tree is None:
                        self.not_read.append(NotRead(source.display, f"ignored by ClickHouse: {IGNORED}"))
                    continue
                found.append((path, source))
        return sorted(found, key=lambda pair: str(pair[0]))

    def merged(self, main: PurePosixPath, main_source: Source, *, server_side: bool) -> ConfigNode | None:
        tree = self.parse(main_source, main.name, server_side=server_side)
        if tree is None:
            return None
        for path, source in self.merge_files(main):
            other = self.parse(source, path.name, server_side=server_side)
            if other is None:
                continue
            try:
                check_root(tree, other)
            except ConfigError as exc:
                self.not_read.append(NotRead(source.display, f"not merged: {exc}"))
                continue
            merge_into(tree, other)
        return tree


def _main(inputs: ContainerInputs) -> tuple[PurePosixPath, Source] | None:
    root = PurePosixPath(inputs.image.config_roots[0])
    if inputs.main_path:
        path = PurePosixPath(inputs.main_path)
        source = inputs.view.file(path)
        return (path, source) if source is not None else None
    for name in MAIN_NAMES:
        source = inputs.view.file(root / name)
        if source is not None:
            return root / name, source
    return None


def _container_path(base: PurePosixPath, name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    return path if path.is_absolute() else base / path


def _users_path(server: ConfigNode, main: PurePosixPath) -> PurePosixPath | None:
    directory_path = server.find("user_directories.users_xml.path")
    name = server.text_of("users_config") or (directory_path.text if directory_path is not None else "")
    if name:
        return _container_path(main.parent, name)
    if server.child("users") is not None or server.child("profiles") is not None:
        return main  # 18.x: users inside the main file
    return main.parent / "users.xml"


def _dictionaries(reader: _Reader, server: ConfigNode, main: PurePosixPath) -> None:
    """Dictionary definition files the server loads (their sources may carry passwords)."""
    count = 0
    for pattern_node in server.all("dictionaries_config"):
        pattern = _container_path(main.parent, pattern_node.text or "")
        for name, source in reader.inputs.view.files_in(pattern.parent).items():
            if count >= MAX_DICTIONARY_FILES or not fnmatch.fnmatchcase(name, pattern.name) or source.tree is not None:
                continue
            count += 1
            reader.parse(source, name, server_side=True)


def assemble(inputs: ContainerInputs) -> MergedConfig:
    """The merged server and users trees the container's ClickHouse loads."""
    reader = _Reader(inputs)
    main = _main(inputs)
    fallback_note: str | None = None
    if main is None:
        # A mount hides the image's config.xml with nothing readable in its place (a host path outside
        # the scanned directory, a named volume): audit the rest over the image's own file, and say so.
        root = PurePosixPath(inputs.image.config_roots[0])
        image = inputs.image
        at = inputs.image_at
        main = (root / "config.xml", Source(display=f"image {root / 'config.xml'}", tree=lambda: image.main_config(at)))
        fallback_note = f"no readable {', '.join(MAIN_NAMES)} in the container: the image's own config.xml is assumed"
    main_path, main_source = main
    server = reader.merged(main_path, main_source, server_side=True)
    if server is None:
        server = pin(parse_xml(b"<clickhouse/>", "empty"), inputs.image_at)
    include_name = server.text_of("include_from") or DEFAULT_INCLUDE_FROM
    include_source = inputs.view.file(_container_path(main_path.parent, include_name))
    include_tree = reader.parse(include_source, include_name, server_side=True) if include_source else None
    substituter = Substituter(include_tree, include_name, dict(inputs.env))
    substituter.apply(server)
    _dictionaries(reader, server, main_path)
    notes: list[str] = [fallback_note] if fallback_note else []
    users_path = _users_path(server, main_path)
    users: ConfigNode | None = None
    users_display: str | None = None
    if users_path == main_path:
        users = server
        users_display = main_source.display
    elif users_path is not None:
        users_source = inputs.view.file(users_path)
        if users_source is None:
            reader.not_read.append(NotRead(str(users_path), "users file named by the config is not in the container"))
        else:
            users = reader.merged(users_path, users_source, server_side=False)
            users_display = users_source.display
    if users is not None and users is not server:
        own_include = users.text_of("include_from")
        users_include = inputs.view.file(_container_path(main_path.parent, own_include)) if own_include else None
        include_users = reader.parse(users_include, own_include or "", server_side=True) if users_include else None
        users_substituter = Substituter(
            include_users if own_include else include_tree, own_include or include_name, dict(inputs.env)
        )
        users_substituter.apply(users)
        substituter.unresolved.extend(users_substituter.unresolved)
    root = PurePosixPath(inputs.image.config_roots[0])
    for mount, problem in inputs.view.not_read_under(root):
        where = f"{mount.origin}: " if mount.origin is not None else ""
        reader.not_read.append(NotRead(f"{where}{mount.target}", problem))
    return MergedConfig(
        root_dir=inputs.root_dir,
        main_file=inputs.display,
        server=server,
        users=users,
        users_file=users_display,
        files=reader.files,
        unresolved=substituter.unresolved,
        notes=notes,
        files_not_read=reader.not_read,
        assumptions=[f"{inputs.image.describe()}; default files used: {', '.join(dict.fromkeys(reader.defaults_used))}"]
        if reader.defaults_used
        else [],
        secrets=unique(reader.secrets),
        root_tags=reader.root_tags,
    )


def inline_key_secrets(entries: Mapping[str, Source], origin: str) -> list[LocatedSecret]:
    """Private keys among the non-config files a deployment file carries inline."""
    found: list[LocatedSecret] = []
    for name, source in entries.items():
        if source.content is not None:
            found.extend(text_secrets(source.content.text, name, origin, source.content.at))
    return found


def listen_ports(merged: MergedConfig) -> list[int]:
    """The ports the merged config opens (those a host network or a host port would expose)."""
    ports: list[int] = []
    for key in LISTEN_PORT_KEYS:
        node = merged.server.find(key)
        text = node.text.strip() if node is not None and not node.unresolved else ""
        if text.isdigit() and text != "0":
            ports.append(int(text))
    return ports
