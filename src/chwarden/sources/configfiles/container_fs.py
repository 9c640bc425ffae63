"""What a container sees under its config directory: image files, then mounts on top of them.

Compose bind mounts, compose ``configs``/``secrets``, files a Dockerfile copies, Kubernetes
ConfigMap volumes and the operator's generated files all become ``Mount`` entries: a container path
and where its content comes from (a host file under the scanned root, or text carried inside the
deployment file). The image's own files are mounts too, at the lowest priority, so mounting a whole
``config.d/`` hides the image's ``docker_related_config.xml`` exactly as Docker does. A mount whose
content chwarden cannot read (outside the scanned root, a named volume, a path built from an unknown
variable) is kept with the reason, so the audit can list it as not read.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from chwarden.model import Location
from chwarden.sources.configfiles.tree import ConfigNode

MAX_DIR_ENTRIES = 1000


@dataclass(frozen=True)
class Content:
    """Text carried inside a deployment file, with where its first line sits in that file."""

    text: str
    display: str  # e.g. "chi.yaml [files: config.d/s3.xml]"
    file: str  # the deployment file
    first_line: int | None  # line of the text's first line (literal block), else None: pin to `at`
    at: Location


@dataclass(frozen=True)
class Source:
    """Where one file seen in the container comes from: a host file, inline content or an image default."""

    display: str
    path: Path | None = None
    content: Content | None = None
    tree: Callable[[], ConfigNode] | None = None  # image defaults: built on demand, pinned to the image line
    generated: bool = False  # a tree written at start (the entrypoint's users file), not an image default


@dataclass
class Mount:
    """A container path and its source; ``problem`` says why the source cannot be read."""

    target: PurePosixPath
    origin: Location | None  # the line that declares the mount (None for image files)
    source: Source | None = None  # a single file
    host_dir: Path | None = None  # a host directory (its regular files, read lazily)
    host_dir_display: str = ""
    entries: dict[str, Source] = field(default_factory=dict)  # a directory given entry by entry
    problem: str | None = None
    priority: int = 1  # 0: image file; mounts declared later win among equals


@dataclass
class ContainerView:
    """The files of a container, resolved the way Docker layers mounts over the image."""

    mounts: list[Mount] = field(default_factory=list)
    # Paths an image copies into its config directory at start (bitnami: /bitnami/clickhouse/etc).
    aliases: list[tuple[PurePosixPath, PurePosixPath]] = field(default_factory=list)

    def add(self, mount: Mount) -> None:
        for alias, real in self.aliases:
            if mount.target == alias or mount.target.is_relative_to(alias):
                mount.target = real / mount.target.relative_to(alias)
        self.mounts.append(mount)

    def _ordered(self) -> list[Mount]:
        # Docker mounts parents before children; later declarations of the same depth win.
        indexed = list(enumerate(self.mounts))
        indexed.sort(key=lambda pair: (pair[1].priority, len(pair[1].target.parts), pair[0]))
        return [mount for _, mount in indexed]

    def files_in(self, directory: PurePosixPath) -> dict[str, Source]:
        """The regular files directly inside ``directory``, by name."""
        found: dict[str, Source] = {}
        for mount in self._ordered():
            if mount.target == directory:
                if mount.source is not None:
                    continue  # a file mounted onto a directory path: Docker refuses it
                found = dict(_dir_entries(mount))  # a directory mount hides what was there
            elif mount.target.parent == directory and mount.source is not None:
                found[mount.target.name] = mount.source
            elif directory.is_relative_to(mount.target) and (mount.host_dir is not None or mount.entries):
                relative = directory.relative_to(mount.target)
                found = dict(_dir_entries(mount, relative))
        return found

    def file(self, path: PurePosixPath) -> Source | None:
        return self.files_in(path.parent).get(path.name)

    def not_read_under(self, directory: PurePosixPath) -> list[tuple[Mount, str]]:
        """Mounts that would put files in or under ``directory`` but could not be read."""
        return [
            (mount, mount.problem)
            for mount in self.mounts
            if mount.problem is not None
            and (
                mount.target == directory
                or mount.target.is_relative_to(directory)
                or directory.is_relative_to(mount.target)
            )
        ]


def _dir_entries(mount: Mount, relative: PurePosixPath | None = None) -> list[tuple[str, Source]]:
    if mount.host_dir is None:
        # Entries may carry a relative path (a ConfigMap item's `path: config.d/x.xml`).
        prefix = "".join(f"{part}/" for part in (relative.parts if relative is not None else ()))
        return sorted(
            (name[len(prefix) :], source)
            for name, source in mount.entries.items()
            if name.startswith(prefix) and "/" not in name[len(prefix) :]
        )
    directory = mount.host_dir.joinpath(*relative.parts) if relative is not None else mount.host_dir
    shown = mount.host_dir_display + "".join(f"/{part}" for part in (relative.parts if relative is not None else ()))
    try:
        names = sorted(os.listdir(directory))[:MAX_DIR_ENTRIES]
    except OSError:
        return []
    entries: list[tuple[str, Source]] = []
    for name in names:
        path = directory / name
        if path.is_file():
            entries.append((name, Source(display=f"{shown}/{name}" if shown else name, path=path)))
    return entries
