"""What kind of input `audit --config PATH` was given, and the server config(s) it stands for.

A directory with ``config.xml`` (or YAML) or an XML file is a ClickHouse config. A directory with
only ``config.d/``, ``conf.d/`` or ``users.d/`` (what a container or the operator mounts) is audited
on top of the image's defaults (``--image``, the newest official image when not given). A directory
holding a compose file, or a YAML file, is a Kubernetes manifest when a document has ``apiVersion``
and ``kind``, a compose project when it has ``services``, and a ClickHouse YAML config otherwise.
Deployment inputs can hold several servers: each becomes one ``LoadedInput``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from chwarden.facts import DeploymentFacts
from chwarden.model import Location
from chwarden.sources.configfiles.loader import MAIN_NAMES, MergedConfig, load_config
from chwarden.sources.configfiles.reading import YAML_SUFFIXES, NotRead, read_bytes
from chwarden.sources.configfiles.tree import ConfigError

if TYPE_CHECKING:
    from chwarden.sources.configfiles.yaml_docs import YNode

DROP_IN_DIRS = ("config.d", "conf.d", "users.d")
MAX_ENTRIES = 1000


@dataclass
class InputOptions:
    """How to read deployment inputs: the deploying shell's variables, env files, the assumed image."""

    env: Mapping[str, str] = field(default_factory=dict)
    env_files: list[Path] | None = None  # compose --env-file (instead of the project's .env)
    image: str | None = None  # image whose defaults complete drop-in directories and bare ConfigMaps
    install_root: str | None = None  # where a copied config directory lived on the server (absolute paths)


@dataclass
class LoadedInput:
    kind: str  # config | kubernetes | compose
    merged: MergedConfig
    deployment: DeploymentFacts | None = None
    name: str | None = None  # the service / installation, when the input holds several servers
    notes: list[str] = field(default_factory=list)  # about the whole input (clients, unused ConfigMaps)
    files_read: list[str] = field(default_factory=list)  # input-level files (compose files, .env)
    not_read: list[NotRead] = field(default_factory=list)
    unknown_variables: list[str] = field(default_factory=list)


def _compose_file(directory: Path) -> Path | None:
    from chwarden.sources.configfiles.compose_project import DEFAULT_NAMES  # lazy: see load_inputs

    return next((directory / name for name in DEFAULT_NAMES if (directory / name).is_file()), None)


def _is_drop_in(directory: Path) -> bool:
    has_main = any((directory / name).exists() for name in MAIN_NAMES)
    return not has_main and any((directory / name).is_dir() for name in DROP_IN_DIRS)


def load_drop_in(directory: Path, image_text: str) -> MergedConfig:
    """`config.d/`, `conf.d/`, `users.d/` (and a users.xml) mounted over an image's config directory."""
    # lazy, all of them: the image and container machinery only for a drop-in directory
    from chwarden.sources.configfiles.container_fs import ContainerView, Mount, Source  # lazy: see above
    from chwarden.sources.configfiles.image_defaults import CONFIG_ROOT, ImageDefaults  # lazy: see above
    from chwarden.sources.configfiles.image_entrypoint import ENTRYPOINT_FILE, entrypoint_users  # lazy: see above
    from chwarden.sources.configfiles.server_files import ContainerInputs, assemble, image_mounts  # lazy: see above

    image = ImageDefaults.of(image_text)
    # Defaults have no line of their own: findings they cause point at the first drop-in directory.
    at = Location(file=next(name for name in DROP_IN_DIRS if (directory / name).is_dir()))
    view = ContainerView()
    image_mounts(view, image, at)
    root = PurePosixPath(CONFIG_ROOT)
    for entry in sorted(directory.iterdir())[:MAX_ENTRIES]:
        if entry.is_dir() and entry.name in DROP_IN_DIRS:
            view.add(Mount(root / entry.name, None, host_dir=entry, host_dir_display=entry.name, priority=2))
        elif entry.is_file():
            view.add(Mount(root / entry.name, None, source=Source(display=entry.name, path=entry), priority=2))
    inputs = ContainerInputs(view, image, at, directory, str(directory))
    merged = assemble(inputs)
    tree, why = entrypoint_users(image, {}, at, merged.users, lambda _path: None)
    if tree is not None:
        source = Source(
            display=f"{ENTRYPOINT_FILE} (written by the image's entrypoint)", tree=lambda: tree, generated=True
        )
        view.add(Mount(PurePosixPath(CONFIG_ROOT) / "users.d" / ENTRYPOINT_FILE, at, source=source, priority=3))
        merged = assemble(inputs)
    merged.main_file = merged.files[0] if merged.files else str(directory)
    merged.notes.insert(
        0, f"no config.xml: {', '.join(DROP_IN_DIRS)} of this directory are audited as mounted over {image_text}; {why}"
    )
    return merged


def _manifest_directory(directory: Path, options: InputOptions) -> list[LoadedInput] | None:
    """A directory of Kubernetes manifests (kubectl apply -f DIR): all of them as one manifest."""
    from chwarden.sources.configfiles.kubernetes import is_kubernetes, load_kubernetes  # lazy: see load_inputs
    from chwarden.sources.configfiles.yaml_docs import load_documents  # lazy: PyYAML only for YAML inputs

    documents: list[YNode] = []
    not_read: list[NotRead] = []
    files = sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in YAML_SUFFIXES)
    for file in files[:MAX_ENTRIES]:
        try:
            documents.extend(load_documents(read_bytes(file, file.name), file.name))
        except ConfigError as exc:
            not_read.append(NotRead(file.name, str(exc)))
    if not documents or not is_kubernetes(documents):
        return None
    servers, notes = load_kubernetes(directory / ".", documents, directory.name, env=options.env, image=options.image)
    read = [f.name for f in files[:MAX_ENTRIES] if f.name not in {n.file for n in not_read}]
    return [
        LoadedInput("kubernetes", s.merged, s.deployment, s.name if len(servers) > 1 else None, notes, read, not_read)
        for s in servers
    ]


def load_inputs(path: Path, options: InputOptions | None = None) -> list[LoadedInput]:
    """Read any supported input into one merged config per ClickHouse server it describes."""
    options = options or InputOptions()
    if path.is_dir():
        compose = _compose_file(path) if not any((path / n).exists() for n in MAIN_NAMES) else None
        if compose is not None:
            path = compose
        elif _is_drop_in(path):
            from chwarden.sources.configfiles.image_defaults import DEFAULT_IMAGE  # lazy: see load_drop_in

            return [LoadedInput("config", load_drop_in(path, options.image or DEFAULT_IMAGE))]
        elif not any((path / n).exists() for n in MAIN_NAMES):
            manifests = _manifest_directory(path, options)
            if manifests is not None:
                return manifests
    if path.is_file() and path.suffix.lower() in YAML_SUFFIXES:
        # lazy: the compose and Kubernetes readers load only for YAML inputs (a config directory's audit
        # starts faster without them: bench/bench_start.py)
        from chwarden.sources.configfiles.compose import load_compose
        from chwarden.sources.configfiles.compose_project import is_compose  # lazy: as above
        from chwarden.sources.configfiles.kubernetes import is_kubernetes, load_kubernetes  # lazy: as above
        from chwarden.sources.configfiles.yaml_docs import load_documents  # lazy: as above

        display = path.name
        documents = load_documents(read_bytes(path, display), display)
        if is_kubernetes(documents):
            servers, notes = load_kubernetes(path, documents, display, env=options.env, image=options.image)
            return [
                LoadedInput("kubernetes", s.merged, s.deployment, s.name if len(servers) > 1 else None, notes)
                for s in servers
            ]
        if is_compose(documents):
            services, project = load_compose(path, display, env=options.env, env_files=options.env_files)
            unknown = [str(u) for u in project.unknown]
            notes = [*project.notes, *project.problems]
            return [
                LoadedInput(
                    "compose",
                    s.merged,
                    s.deployment,
                    s.service if len(services) > 1 else None,
                    notes,
                    list(project.files_read),
                    list(project.not_read),
                    unknown,
                )
                for s in services
            ]
    return [LoadedInput("config", load_config(path, env=options.env, install_root=options.install_root))]
