"""Find and merge the files a server would read: main file, override dirs, users file, includes.

Mirrors the server: `<name>.d/` and `conf.d/` files are merged in the order of their full paths
(so `conf.d/` sorts before `config.d/` and `users.d/`), substitutions are applied after merging,
and the users file is merged with its own `<users-name>.d/` and `conf.d/`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from chwarden.facts import LocatedSecret
from chwarden.model import Location
from chwarden.sources.configfiles.config_secrets import tree_secrets, unique
from chwarden.sources.configfiles.reading import CONFIG_SUFFIXES, NotRead, read_config_file
from chwarden.sources.configfiles.substitutions import Substituter, Unresolved
from chwarden.sources.configfiles.tree import ConfigError, ConfigNode
from chwarden.sources.configfiles.tree_merge import MergeCache, check_root, merge_into

MAIN_NAMES = ("config.xml", "config.yaml", "config.yml")
USERS_NAMES = ("users.xml", "users.yaml", "users.yml")
DEFAULT_INCLUDE_FROM = "/etc/metrika.xml"
MAX_MERGE_FILES = 1000
# Where the files of an audited copy lived on the server, unless told (`--config-root`).
INSTALL_ROOT = "/etc/clickhouse-server"


@dataclass
class MergedConfig:
    """The merged server tree and users tree, with every file read and what stayed unresolved."""

    root_dir: Path
    main_file: str
    server: ConfigNode
    users: ConfigNode | None
    users_file: str | None
    files: list[str] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "users file users.xml not found"
    files_not_read: list[NotRead] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)  # defaults taken for files the input lacks
    secrets: list[LocatedSecret] = field(default_factory=list)  # literal credentials in server-side files
    unknown_variables: list[str] = field(default_factory=list)
    # `clickhouse-server -- --key=value` in a container's command: beats every file for that key.
    overrides: dict[str, str] = field(default_factory=dict)
    overrides_at: Location | None = None
    root_tags: set[str] = field(default_factory=set)  # root elements of the files read
    mapped_paths: dict[str, str] = field(default_factory=dict)  # absolute path named -> file of the copy read


@dataclass
class _Reader:
    root_dir: Path
    env: Mapping[str, str]
    install_root: str = INSTALL_ROOT
    files: list[str] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)
    secrets: list[LocatedSecret] = field(default_factory=list)
    not_read: list[NotRead] = field(default_factory=list)
    root_tags: set[str] = field(default_factory=set)
    mapped: dict[str, str] = field(default_factory=dict)

    def locate(self, base_dir: Path, name: str, *, by_tail: bool = True) -> Path | None:
        """The file a name in the config means, in the audited directory; None when it lies outside.

        Relative names are taken from ``base_dir``. An absolute name is read as is when the audited
        directory is the installation itself (or holds the file); otherwise it is a path on the server
        the copy came from: ``/etc/clickhouse-server/users.d/x.xml`` is the copy's ``users.d/x.xml``,
        and any other absolute path is matched by its longest tail that exists in the copy. What is
        mapped is recorded (the report says it); a file that cannot be mapped is never read from the
        auditor's own machine.
        """
        path = Path(name)
        if not path.is_absolute():
            return base_dir / path
        root = self.root_dir.resolve()
        if _under(path, root) or root == Path(self.install_root).resolve():
            return path
        if _under(path, Path(self.install_root)):
            candidate = root / path.relative_to(self.install_root)
            self.mapped[name] = self.display(candidate)
            return candidate
        if not by_tail:
            return path  # the server's own default (`/etc/metrika.xml`): optional, read where it is
        parts = path.parts[1:]
        for start in range(len(parts)):
            candidate = root.joinpath(*parts[start:])
            if candidate.exists():
                self.mapped[name] = self.display(candidate)
                return candidate
        return None

    def display(self, path: Path) -> str:
        """Paths under the scanned root are shown relative to it, others in full."""
        try:
            return str(path.resolve().relative_to(self.root_dir.resolve()))
        except ValueError:
            return str(path)

    def read(self, path: Path) -> ConfigNode:
        tree = read_config_file(path, self.display(path))
        self.root_tags.add(tree.tag)
        if self.display(path) not in self.files:
            self.files.append(self.display(path))
            self.secrets.extend(tree_secrets(tree, self.display(path)))  # the one secret reader (issue 21)
        return tree

    def dictionaries(self, server: ConfigNode, base_dir: Path) -> None:
        """Dictionary definition files the server loads (`dictionaries_config` globs): their sources
        may hold passwords, so they go through the secret reader and are listed as read."""
        count = 0
        for pattern in server.all("dictionaries_config"):
            located = self.locate(base_dir, pattern.text or "")
            if located is None:
                self.not_read.append(NotRead(pattern.text or "", OUTSIDE_COPY))
                continue
            glob = located
            try:
                matches = sorted(glob.parent.glob(glob.name)) if glob.parent.is_dir() else []
            except (OSError, ValueError):
                continue
            for path in matches:
                if count >= MAX_MERGE_FILES or not path.is_file():
                    continue
                count += 1
                try:
                    self.read(path)
                except ConfigError as exc:
                    self.not_read.append(NotRead(self.display(path), f"cannot be parsed ({exc})"))

    def merged(self, main: Path) -> ConfigNode:
        tree = self.read(main)
        cache: MergeCache = {}  # child indexes kept from file to file (nothing else changes the tree here)
        for ignored in ignored_files(main):
            self.not_read.append(NotRead(self.display(ignored), f"ignored by ClickHouse: {IGNORED_REASON}"))
        for extra in merge_files(main):
            other = self.read(extra)
            check_root(tree, other)
            merge_into(tree, other, cache)
        return tree

    def substitute(self, tree: ConfigNode, include_from: str, base_dir: Path, *, named: bool) -> None:
        """Apply substitutions; an include file the config names (``include_from``) but the audit cannot read
        is listed as not read (the default ``/etc/metrika.xml`` is optional: most servers have none)."""
        include_path = self.locate(base_dir, include_from, by_tail=named)
        include_root = self.read(include_path) if include_path is not None and include_path.is_file() else None
        shown_missing = self.display(include_path) if include_path is not None else include_from
        listed = any(n.file == shown_missing for n in self.not_read)
        if include_root is None and named and not listed and _uses_includes(tree):
            where = self.display(include_path) if include_path is not None else include_from
            why = "outside the audited directory" if include_path is None else "not in the audited directory"
            self.not_read.append(NotRead(where, f"include file ({why}); values taken from it are unknown"))
        shown = self.display(include_path) if include_path is not None else include_from
        substituter = Substituter(include_root, shown, self.env)
        substituter.apply(tree)
        self.unresolved.extend(substituter.unresolved)


OUTSIDE_COPY = "outside the audited directory: the path names a file on the server, and no file of the copy matches it"


def _under(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _uses_includes(tree: ConfigNode) -> bool:
    return any("incl" in node.attrs or (node.tag == "include" and "incl" in node.attrs) for node in tree.walk())


def resolve(base_dir: Path, name: str) -> Path:
    path = Path(name)
    return path if path.is_absolute() else base_dir / path


def merge_files(main: Path) -> list[Path]:
    """Override files for ``main``: `<stem>.d/` and `conf.d/`, sorted by full path like the server."""
    dirs = {main.with_suffix(".d"), main.with_name("conf.d")}
    found: list[Path] = []
    for directory in dirs:
        if not directory.is_dir():
            continue
        try:
            entries = list(directory.iterdir())
        except OSError as exc:
            raise ConfigError(f"{directory}: cannot list directory ({exc.strerror})") from None
        found.extend(
            p for p in entries if p.suffix.lower() in CONFIG_SUFFIXES and not p.name.startswith(".") and p.is_file()
        )
    if len(found) > MAX_MERGE_FILES:
        raise ConfigError(f"{main}: more than {MAX_MERGE_FILES} override files")
    return sorted(found, key=str)


IGNORED_REASON = "ClickHouse merges only .xml, .conf, .yaml and .yml files that do not start with a dot"


def ignored_files(main: Path) -> list[Path]:
    """Files in the override directories of ``main`` that ClickHouse skips (other extensions, hidden)."""
    skipped: list[Path] = []
    for directory in {main.with_suffix(".d"), main.with_name("conf.d")}:
        try:
            entries = list(directory.iterdir()) if directory.is_dir() else []
        except OSError:
            continue
        skipped.extend(
            p
            for p in entries[:MAX_MERGE_FILES]
            if p.is_file() and (p.suffix.lower() not in CONFIG_SUFFIXES or p.name.startswith("."))
        )
    return sorted(skipped, key=str)


def find_main_file(path: Path) -> tuple[Path, Path]:
    """(main file, scanned root) for a directory or a single file."""
    if path.is_dir():
        for name in MAIN_NAMES:
            if (path / name).exists():
                return path / name, path
        raise ConfigError(f"{path}: no {', '.join(MAIN_NAMES)} in this directory")
    if path.exists():
        return path, path.parent  # not necessarily a regular file: reading will say what is wrong
    raise ConfigError(f"{path}: no such file or directory")


def find_users_file(server: ConfigNode, main: Path, reader: _Reader | None = None) -> Path | None:
    """The users file: `<users_config>`, `user_directories.users_xml.path`, inline, or users.xml."""
    directory_path = server.find("user_directories.users_xml.path")
    name = server.text_of("users_config") or (directory_path.text if directory_path is not None else "")
    if name:
        if reader is None:
            return resolve(main.parent, name)
        located = reader.locate(main.parent, name)
        # Not in the copy: a name that cannot exist there, so the server's own file is never read here.
        return located if located is not None else reader.root_dir / Path(name).name
    if server.child("users") is not None or server.child("profiles") is not None:
        return main  # the 18.x default: users live in the main file
    return next((main.parent / n for n in USERS_NAMES if (main.parent / n).is_file()), None)


def load_config(
    path: str | os.PathLike[str], *, env: Mapping[str, str] | None = None, install_root: str | None = None
) -> MergedConfig:
    """Read a config directory (or one main file) with the server's merge and substitution rules.

    ``install_root``: where the directory lived on the server (``/etc/clickhouse-server`` unless told),
    so absolute paths in the files are read from the copy.
    """
    main, root_dir = find_main_file(Path(path))
    reader = _Reader(root_dir=root_dir, env=dict(env or {}), install_root=install_root or INSTALL_ROOT)
    server = reader.merged(main)
    include_from = server.text_of("include_from") or DEFAULT_INCLUDE_FROM
    reader.substitute(server, include_from, main.parent, named=server.text_of("include_from") is not None)
    reader.dictionaries(server, main.parent)
    notes: list[str] = []
    users_path = find_users_file(server, main, reader)
    users: ConfigNode | None = None
    if users_path is not None and users_path.resolve() == main.resolve():
        users = server
    elif users_path is not None and users_path.is_file():
        users = reader.merged(users_path)
        # Each file takes includes from its own <include_from> (observed on 18.16), not the main one's.
        own = users.text_of("include_from")
        reader.substitute(users, own or DEFAULT_INCLUDE_FROM, main.parent, named=own is not None)
    else:
        missing = reader.display(users_path) if users_path else "users.xml"
        notes.append(f"users file {missing} not found next to {reader.display(main)}")
        if users_path is not None:
            reader.not_read.append(NotRead(missing, "the users file the config names does not exist"))
    return MergedConfig(
        root_dir=root_dir,
        main_file=reader.display(main),
        server=server,
        users=users,
        users_file=reader.display(users_path) if users is not None and users_path is not None else None,
        files=reader.files,
        unresolved=reader.unresolved,
        notes=notes,
        files_not_read=reader.not_read,
        secrets=unique(reader.secrets),
        root_tags=reader.root_tags,
        mapped_paths=reader.mapped,
    )


def merge_layers(
    root_dir: Path,
    main_file: str,
    server_layers: list[ConfigNode],
    users_layers: list[ConfigNode],
    *,
    env: Mapping[str, str] | None = None,
    files: list[str] | None = None,
    notes: list[str] | None = None,
) -> MergedConfig:
    """Merge trees built from a deployment file (image defaults first, overrides after) like config files.

    Kubernetes and docker-compose inputs have no include file: `incl` stays unresolved, `from_env`
    resolves from the container environment the deployment file declares.
    """
    server = _merge_all(server_layers)
    substituter = Substituter(None, "the deployment file (no include file)", dict(env or {}))
    substituter.apply(server)
    users = _merge_all(users_layers) if users_layers else None
    if users is not None:
        substituter.apply(users)
    return MergedConfig(
        root_dir=root_dir,
        main_file=main_file,
        server=server,
        users=users,
        users_file=main_file if users is not None else None,
        files=list(files or [main_file]),
        unresolved=substituter.unresolved,
        notes=list(notes or []),
    )


def _merge_all(layers: list[ConfigNode]) -> ConfigNode:
    base = layers[0]
    for other in layers[1:]:
        check_root(base, other)
        merge_into(base, other)
    return base
