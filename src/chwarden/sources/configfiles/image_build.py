"""A locally built image (compose ``build:``): its base image and the config files it bakes in.

The Dockerfile is parsed with ``dockerfile`` (the official Go parser). The image a build produces is
its target stage (or the last one); its base is that stage's ``FROM``, followed through earlier
stages, with ``ARG`` defaults and the compose ``build.args`` substituted. ``COPY``/``ADD`` into the
ClickHouse config directory and ``ENV`` lines of that chain of stages become part of the container
view. Sources outside the build context, ``--from`` copies and URLs cannot be read here; they are
kept with the reason so the audit lists them as not read.
"""

from __future__ import annotations

import itertools
import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import dockerfile

from chwarden.model import Location
from chwarden.sources.configfiles.reading import read_bytes
from chwarden.sources.configfiles.tree import ConfigError

MAX_STAGES = 64
MAX_COPIED_FILES = 500
# Directories the image already has: `COPY x.xml /etc/clickhouse-server/config.d` copies into them.
IMAGE_DIRECTORIES = frozenset({"config.d", "users.d", "conf.d", "clickhouse-server"})
_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)")


@dataclass
class Copy:
    """One COPY/ADD: container destination, host sources (or inline text), where it is written."""

    destination: str
    sources: list[Path] = field(default_factory=list)
    inline: str | None = None  # heredoc content
    inline_line: int | None = None
    location: Location | None = None
    problem: str | None = None


@dataclass
class Build:
    """What a Dockerfile tells about the image it builds."""

    dockerfile: str  # display path
    base_image: str | None = None  # the final stage's external base image (variables substituted)
    copies: list[Copy] = field(default_factory=list)
    env: dict[str, tuple[str, Location]] = field(default_factory=dict)
    entrypoint: list[str] | None = None
    command: list[str] | None = None
    problems: list[str] = field(default_factory=list)
    from_location: Location | None = None


def _substitute(text: str, values: Mapping[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(3)
        if name in values and values[name] != "":
            return values[name]
        return match.group(2) if match.group(2) is not None else (values.get(name) or "")

    return _VARIABLE.sub(one, text)


def _words(command: dockerfile.Command) -> list[str]:
    if command.json:
        return list(command.value)
    try:
        return shlex.split(" ".join(command.value))
    except ValueError:
        return " ".join(command.value).split()


@dataclass
class _Stage:
    name: str | None
    base: str
    location: Location
    commands: list[dockerfile.Command] = field(default_factory=list)


def read_build(
    context: Path,
    dockerfile_path: Path | None,
    inline: str | None,
    args: Mapping[str, str],
    shown: str,
    target: str | None,
) -> Build:
    """Parse a build; ``shown`` names the Dockerfile in reports."""
    build = Build(dockerfile=shown)
    try:
        text = (
            inline
            if inline is not None
            else read_bytes(dockerfile_path or context / "Dockerfile", shown).decode("utf-8", "replace")
        )
        commands = dockerfile.parse_string(text)
    except ConfigError as exc:
        build.problems.append(str(exc))
        return build
    except dockerfile.GoParseError as exc:
        build.problems.append(f"{shown}: cannot be parsed ({exc})")
        return build
    global_args: dict[str, str] = {}
    stages: list[_Stage] = []
    for command in commands:
        at = Location(file=shown, line=command.start_line)
        if command.cmd == "FROM" and command.value and len(stages) < MAX_STAGES:
            values = list(command.value)
            name = values[2] if len(values) >= 3 and values[1].lower() == "as" else None
            stages.append(_Stage(name, _substitute(values[0], {**global_args, **args}), at))
        elif command.cmd == "ARG" and not stages:
            for item in command.value:
                key, _, default = item.partition("=")
                global_args[key] = args.get(key, default.strip("'\""))
        elif stages:
            stages[-1].commands.append(command)
    if not stages:
        build.problems.append(f"{shown}: no FROM instruction")
        return build
    chain = _chain(stages, target)
    build.base_image = chain[0].base
    build.from_location = chain[0].location
    for stage in chain:
        _apply(stage, build, context, shown, {**global_args, **args})
    return build


def _chain(stages: list[_Stage], target: str | None) -> list[_Stage]:
    """The stages the built image is made of, base first (FROM <stage> follows that stage)."""
    by_name = {s.name: s for s in stages if s.name}
    current = by_name.get(target) if target else stages[-1]
    current = current or stages[-1]
    chain = [current]
    while current.base in by_name and len(chain) < MAX_STAGES:
        current = by_name[current.base]
        if current in chain:
            break
        chain.append(current)
    return list(reversed(chain))


def _apply(stage: _Stage, build: Build, context: Path, shown: str, args: Mapping[str, str]) -> None:
    stage_args = dict(args)
    for command in stage.commands:
        at = Location(file=shown, line=command.start_line)
        if command.cmd == "ARG":
            for item in command.value:
                key, _, default = item.partition("=")
                stage_args.setdefault(key, default.strip("'\""))
        elif command.cmd == "ENV":
            values = list(command.value)
            for key, value in zip(values[::2], values[1::2], strict=False):
                build.env[key] = (_substitute(value.strip("'\""), stage_args), at)
        elif command.cmd == "ENTRYPOINT":
            build.entrypoint = _words(command)
            build.command = None  # a new ENTRYPOINT resets an inherited CMD
        elif command.cmd == "CMD":
            build.command = _words(command)
        elif command.cmd in ("COPY", "ADD"):
            build.copies.append(_copy(command, context, at, stage_args))


def _copy(command: dockerfile.Command, context: Path, at: Location, args: Mapping[str, str]) -> Copy:
    values = [_substitute(v, args) for v in command.value]
    destination = values[-1] if values else ""
    copy = Copy(destination=destination, location=at)
    if any(flag.startswith("--from") for flag in command.flags):
        copy.problem = f"copied from another build stage or image ({command.original.split(chr(10))[0]}): not read"
        return copy
    if command.heredocs:
        copy.inline = command.heredocs[0].content
        copy.inline_line = command.start_line + 1
        return copy
    for source in values[:-1]:
        if "://" in source:
            copy.problem = f"{source}: fetched from a URL at build time; not read"
            continue
        pattern = source.lstrip("/")
        matches = (
            sorted(itertools.islice(context.glob(pattern), MAX_COPIED_FILES))
            if any(c in source for c in "*?[")
            else [context / pattern]
        )
        for path in matches:
            try:
                path.resolve().relative_to(context.resolve())
            except (ValueError, OSError):
                copy.problem = f"{source}: outside the build context"
                continue
            copy.sources.append(path)
    return copy


def copy_targets(copy: Copy) -> list[tuple[PurePosixPath, Path]]:
    """(container path, host file) for every file a COPY puts in the image."""
    destination = PurePosixPath(copy.destination)
    as_directory = copy.destination.endswith("/") or len(copy.sources) > 1 or destination.name in IMAGE_DIRECTORIES
    placed: list[tuple[PurePosixPath, Path]] = []
    for source in copy.sources:
        if source.is_dir():
            files = itertools.islice((p for p in source.rglob("*") if p.is_file()), MAX_COPIED_FILES)
            for path in sorted(files):
                placed.append((destination / PurePosixPath(*path.relative_to(source).parts), path))
        elif source.is_file():
            placed.append((destination / source.name if as_directory else destination, source))
    return placed
