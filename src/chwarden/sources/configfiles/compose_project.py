"""A docker-compose project as ``docker compose`` sees it, before anything about ClickHouse.

Reads the compose file (plus ``compose.override.yaml`` next to a default-named file, as Compose
does without ``-f``), the files it ``include``s, interpolates every value with the project's
environment (``compose_env``), applies ``extends`` (same file or another file, relative paths of
another file rebased to its directory) and merges services the way Compose merges them: mappings
key by key, ``environment``/``labels`` by name, ``volumes``/``configs``/``secrets`` by target,
``ports``/``expose``/``dns`` appended without duplicates, ``command``/``entrypoint`` replaced.

Files outside the scanned directory are never read; they are listed as not read with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from chwarden.model import Location
from chwarden.sources.configfiles.compose_env import (
    UnknownVariable,
    interpolate,
    layered_lookup,
    parse_dotenv,
    read_env_assignments,
)
from chwarden.sources.configfiles.reading import NotRead, read_bytes
from chwarden.sources.configfiles.tree import ConfigError
from chwarden.sources.configfiles.yaml_docs import YNode, load_documents

DEFAULT_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml")
MAX_FILES = 50
MAX_EXTENDS = 16
REPLACED = frozenset({"command", "entrypoint"})
APPENDED_UNIQUE = frozenset({"ports", "expose", "external_links", "dns", "dns_search", "tmpfs", "env_file"})
BY_NAME = frozenset({"environment", "labels", "extra_hosts", "sysctls", "ulimits", "annotations"})
BY_TARGET = frozenset({"volumes", "configs", "secrets", "devices"})
PATH_FIELDS = ("volumes", "env_file", "build")


@dataclass
class ComposeProject:
    """Services (interpolated, extended, merged), top-level definitions, and what was read."""

    project_dir: Path
    root_dir: Path
    display: str
    services: dict[str, YNode] = field(default_factory=dict)
    configs: dict[str, YNode] = field(default_factory=dict)
    secrets: dict[str, YNode] = field(default_factory=dict)
    environment: dict[str, str] = field(default_factory=dict)  # the project's known variables
    files_read: list[str] = field(default_factory=list)
    not_read: list[NotRead] = field(default_factory=list)
    unknown: list[UnknownVariable] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lookup(self, name: str) -> str | None:
        return self.environment.get(name)

    def inside(self, path: Path) -> bool:
        try:
            path.resolve().relative_to(self.root_dir.resolve())
        except (ValueError, OSError):
            return False
        return True

    def shown(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(self.root_dir.resolve()))
        except (ValueError, OSError):
            return str(path)

    def host_path(self, text: str, base: Path | None = None) -> Path | None:
        """A host path written in the file (relative to the project directory), None for ``~``/unknown."""
        if text.startswith("~") or "${" in text:
            return None
        path = Path(text)
        return path if path.is_absolute() else (base or self.project_dir) / path


def is_compose(documents: list[YNode]) -> bool:
    """A compose file: one document with `services` (and not a ClickHouse YAML config)."""
    return len(documents) == 1 and documents[0].get("services") is not None and documents[0].get("clickhouse") is None


def _override_files(path: Path) -> list[Path]:
    if path.name not in DEFAULT_NAMES:
        return []
    stem = path.name.rsplit(".", 1)[0]
    return [
        path.with_name(f"{stem}.override.{suffix}")
        for suffix in ("yaml", "yml")
        if path.with_name(f"{stem}.override.{suffix}").is_file()
    ][:1]


def _project_environment(project: ComposeProject, given: Mapping[str, str], env_files: list[Path] | None) -> None:
    """The variables Compose interpolates with: given (the shell), env files, then PWD."""
    builtin = {"PWD": str(project.project_dir.resolve())}
    files = env_files if env_files is not None else [project.project_dir / ".env"]
    collected: dict[str, str] = {}
    for env_file in files:
        if not env_file.is_file():
            if env_files is not None:
                project.not_read.append(NotRead(str(env_file), "env file not found"))
            continue
        shown = project.shown(env_file) if project.inside(env_file) else str(env_file)
        try:
            text = read_bytes(env_file, shown).decode("utf-8", "replace")
        except ConfigError as exc:
            project.not_read.append(NotRead(shown, str(exc)))
            continue
        project.files_read.append(shown)
        lookup = layered_lookup(given, collected, builtin)
        values = read_env_assignments(parse_dotenv(text), shown, lookup, unknown_collector(project))
        for key, value in values.items():
            if value.value is not None:
                collected[key] = value.value
    project.environment = {**builtin, **collected, **given}


def unknown_collector(project: ComposeProject) -> Callable[[str, Location, str], None]:
    def collect(name: str, at: Location, outcome: str) -> None:
        project.unknown.append(UnknownVariable(name, at, outcome))

    return collect


def interpolate_node(node: YNode, project: ComposeProject, memo: dict[int, YNode] | None = None) -> YNode:
    """A copy of ``node`` with every scalar value interpolated (keys are not, as in Compose)."""
    memo = {} if memo is None else memo
    found = memo.get(id(node))
    if found is not None:
        return found
    if node.text is not None:
        if "$" not in node.text:
            result = node
        else:
            at = node.at()
            value = interpolate(node.text, project.lookup, _reporter(project, at))
            for problem in value.problems:
                project.problems.append(f"{at}: {problem}")
            result = replace(
                node,
                raw=node.text,
                text=value.text,
                unknown_variables=value.unknown,
                nonempty=value.nonempty,
                defaulted=value.defaulted,
            )
    elif node.items is not None:
        result = replace(node, items=[interpolate_node(item, project, memo) for item in node.items])
    else:
        result = replace(
            node,
            mapping={k: interpolate_node(v, project, memo) for k, v in node.mapping.items()},
            key_lines=dict(node.key_lines),
        )
    memo[id(node)] = result
    return result


def _reporter(project: ComposeProject, at: Location) -> Callable[[str, str], None]:
    def report(name: str, outcome: str) -> None:
        project.unknown.append(UnknownVariable(name, at, outcome))

    return report


def _read_document(project: ComposeProject, path: Path, shown: str) -> YNode | None:
    try:
        documents = load_documents(read_bytes(path, shown), shown)
    except ConfigError as exc:
        if not project.files_read:
            raise
        project.not_read.append(NotRead(shown, str(exc)))
        return None
    project.files_read.append(shown)
    if not documents:
        return YNode(line=1, file=shown)
    return interpolate_node(documents[0], project)


# --- merging (Compose's "merge and override" rules) ---------------------------------------------


def _as_mapping(node: YNode) -> YNode:
    """`environment`/`labels` as a mapping: `- KEY=VALUE` items become keys (a bare KEY has no value)."""
    if node.items is None:
        return node
    mapping: dict[str, YNode] = {}
    lines: dict[str, int] = {}
    for item in node.items:
        key, sep, value = (item.text or "").partition("=")
        key = key.strip()
        if not key:
            continue
        mapping[key] = replace(item, text=value if sep else None)
        lines[key] = item.line
    return YNode(line=node.line, mapping=mapping, key_lines=lines, file=node.file)


def volume_target(item: YNode) -> str | None:
    if item.text is not None:
        parts = item.text.split(":")
        return parts[1] if len(parts) >= 2 else parts[0]
    return item.text_at("target")


def _target_key(item: YNode) -> str:
    if item.text is not None:
        return item.text
    return item.text_at("target") or item.text_at("source") or str(item.line)


def merge_values(key: str, base: YNode, over: YNode) -> YNode:
    """One service field of ``over`` merged onto ``base``."""
    if key in REPLACED or over.text is not None or base.text is not None:
        return over
    if key in BY_NAME:
        base, over = _as_mapping(base), _as_mapping(over)
    if key in BY_TARGET and base.items is not None and over.items is not None:
        merged: dict[str, YNode] = {}
        for item in [*base.items, *over.items]:
            target = volume_target(item) if key == "volumes" else _target_key(item)
            merged[target or _target_key(item)] = item
        return replace(over, items=list(merged.values()))
    if base.items is not None and over.items is not None:
        if key in APPENDED_UNIQUE:
            seen = {(i.text or repr(i.mapping)) for i in base.items}
            return replace(
                over, items=[*base.items, *(i for i in over.items if (i.text or repr(i.mapping)) not in seen)]
            )
        return replace(over, items=[*base.items, *over.items])
    if base.items is None and over.items is None:
        return merge_mappings(base, over, key)
    return over


def merge_mappings(base: YNode, over: YNode, parent: str = "") -> YNode:
    mapping = dict(base.mapping)
    lines = dict(base.key_lines)
    for key, value in over.mapping.items():
        mapping[key] = (
            merge_values(key if parent in ("", "service") else f"{parent}.{key}", mapping[key], value)
            if key in mapping
            else value
        )
        lines[key] = over.key_line(key)
    return replace(over, mapping=mapping, key_lines=lines, items=None, text=None)


def merge_service(base: YNode, over: YNode) -> YNode:
    mapping = dict(base.mapping)
    lines = dict(base.key_lines)
    for key, value in over.mapping.items():
        mapping[key] = merge_values(key, mapping[key], value) if key in mapping else value
        lines[key] = over.key_line(key)
    return replace(over, mapping=mapping, key_lines=lines)


# --- relative paths of services read from other files --------------------------------------------


def _rebase_text(text: str, base: Path) -> str:
    if text.startswith(("/", "~")) or "${" in text:
        return text
    return str((base / text).resolve())


def rebase_service(service: YNode, base: Path) -> YNode:
    """Host paths of a service from another file become absolute (Compose resolves them there)."""
    mapping = dict(service.mapping)
    volumes = mapping.get("volumes")
    if volumes is not None and volumes.items is not None:
        items = []
        for item in volumes.items:
            if item.text is not None and item.text.startswith("."):
                source, sep, rest = item.text.partition(":")
                items.append(replace(item, text=_rebase_text(source, base) + sep + rest))
            elif item.text is None and (item.text_at("type") or "bind") == "bind" and item.get("source") is not None:
                source_node = item.mapping["source"]
                rebased = replace(source_node, text=_rebase_text(source_node.text or "", base))
                items.append(
                    replace(
                        item,
                        mapping={**item.mapping, "source": rebased},
                    )
                )
            else:
                items.append(item)
        mapping["volumes"] = replace(volumes, items=items)
    env_file = mapping.get("env_file")
    if env_file is not None:
        entries = env_file.items if env_file.items is not None else [env_file]
        moved = [replace(e, text=_rebase_text(e.text, base)) if e.text is not None else e for e in entries]
        mapping["env_file"] = replace(env_file, items=moved, text=None) if env_file.items is not None else moved[0]
    build = mapping.get("build")
    if build is not None:
        if build.text is not None:
            mapping["build"] = replace(build, text=_rebase_text(build.text, base))
        elif build.get("context") is not None:
            context = build.mapping["context"]
            mapping["build"] = replace(
                build,
                mapping={**build.mapping, "context": replace(context, text=_rebase_text(context.text or ".", base))},
            )
        else:
            mapping["build"] = replace(
                build,
                mapping={**build.mapping, "context": YNode(line=build.line, text=str(base.resolve()), file=build.file)},
            )
    return replace(service, mapping=mapping)


# --- loading ---------------------------------------------------------------------------------------


@dataclass
class _Loader:
    project: ComposeProject
    documents: dict[Path, YNode | None] = field(default_factory=dict)

    def document(self, path: Path) -> YNode | None:
        resolved = path.resolve()
        if resolved not in self.documents:
            if len(self.documents) >= MAX_FILES:
                self.project.not_read.append(NotRead(self.project.shown(path), f"more than {MAX_FILES} compose files"))
                self.documents[resolved] = None
            elif not self.project.inside(path):
                self.project.not_read.append(NotRead(str(path), "outside the scanned directory; not read"))
                self.documents[resolved] = None
            elif not path.is_file():
                self.project.not_read.append(NotRead(self.project.shown(path), "file not found"))
                self.documents[resolved] = None
            else:
                self.documents[resolved] = _read_document(self.project, path, self.project.shown(path))
        return self.documents[resolved]

    def service(self, path: Path, name: str, chain: tuple[tuple[Path, str], ...] = ()) -> YNode | None:
        """Service ``name`` of file ``path`` with its ``extends`` applied (paths rebased to that file)."""
        document = self.document(path)
        services = document.get("services") if document is not None else None
        node = services.mapping.get(name) if services is not None else None
        if node is None:
            return None
        if path.resolve() != self.project_main:
            node = rebase_service(node, path.parent)
        extends = node.get("extends")
        if extends is None:
            return node
        base_name = extends.text or extends.text_at("service") or ""
        base_file = extends.text_at("file")
        base_path = (path.parent / base_file) if base_file else path
        key = (base_path.resolve(), base_name)
        at = Location(file=node.file, line=node.key_line("extends"))
        if key in chain or len(chain) >= MAX_EXTENDS:
            self.project.problems.append(
                f"{at}: extends loops or nests deeper than {MAX_EXTENDS}: {base_name!r} not applied"
            )
            return node
        base = self.service(base_path, base_name, (*chain, (path.resolve(), name)))
        if base is None:
            self.project.notes.append(
                f"{at}: extends {base_name!r}{f' of {base_file}' if base_file else ''} not found; not applied"
            )
            return node
        own = replace(node, mapping={k: v for k, v in node.mapping.items() if k != "extends"})
        return merge_service(base, own)

    @property
    def project_main(self) -> Path:
        return (self.project.project_dir / self.project.display).resolve()


def load_project(
    path: Path,
    display: str,
    *,
    env: Mapping[str, str] | None = None,
    env_files: list[Path] | None = None,
) -> ComposeProject:
    """Read a compose project rooted at ``path`` (the scanned root is its directory)."""
    project = ComposeProject(project_dir=path.parent, root_dir=path.parent, display=display)
    _project_environment(project, dict(env or {}), env_files)
    loader = _Loader(project)
    main = loader.document(path)
    if main is None:
        raise ConfigError(f"{display}: cannot be read")
    files = [path, *_override_files(path)]
    for included in _includes(main, path, project):
        files.append(included)
    for file in files:
        document = loader.document(file)
        services = document.get("services") if document is not None else None
        for name in services.mapping if services is not None else {}:
            service = loader.service(file, name)
            if service is None:
                continue
            if file != path and file.parent != path.parent:
                service = rebase_service(service, file.parent)
            project.services[name] = (
                merge_service(project.services[name], service) if name in project.services else service
            )
        for section, target in (("configs", project.configs), ("secrets", project.secrets)):
            block = document.get(section) if document is not None else None
            for name, definition in (block.mapping if block is not None else {}).items():
                target[name] = definition
    for name in list(project.services):
        project.services[name] = project.services[name]
    project.unknown = list(dict.fromkeys(project.unknown))
    return project


def _includes(main: YNode, path: Path, project: ComposeProject) -> list[Path]:
    """Files named by the top-level `include:` (short form or `path:` entries)."""
    block = main.get("include")
    found: list[Path] = []
    for item in (block.items or []) if block is not None else []:
        names: list[YNode] = []
        if item.text is not None:
            names = [item]
        else:
            target = item.get("path")
            names = (
                (target.items or [])
                if target is not None and target.items is not None
                else ([target] if target is not None else [])
            )
        for name in names:
            host = project.host_path(name.text or "", path.parent)
            if host is None:
                project.not_read.append(
                    NotRead(f"{name.at()}: {name.text}", "include path depends on an unknown variable")
                )
                continue
            found.append(host)
    return found
