"""Read one config file safely: bounded size, text only, dispatched to the XML or YAML reader."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from chwarden.sources.configfiles.tree import ConfigError, ConfigNode
from chwarden.sources.configfiles.xml_reader import parse_xml

MAX_FILE_BYTES = 10 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")
CONFIG_SUFFIXES = (".xml", ".conf", *YAML_SUFFIXES)


@dataclass(frozen=True)
class NotRead:
    """A file (or mount) ClickHouse would load that the audit could not read, and why."""

    file: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}"


def read_bytes(path: Path, display: str) -> bytes:
    """The file's bytes, refusing non-regular files, files over 10 MB and binary content."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ConfigError(f"{display}: file not found") from None
    except OSError as exc:
        raise ConfigError(f"{display}: cannot read ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or device would block or never end; the server only reads regular files too.
        raise ConfigError(f"{display}: not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise ConfigError(f"{display}: file is {info.st_size} bytes, over the {MAX_FILE_BYTES} byte limit")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"{display}: cannot read ({exc.strerror})") from None
    if len(data) > MAX_FILE_BYTES:
        raise ConfigError(f"{display}: file grew over the {MAX_FILE_BYTES} byte limit while being read")
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ConfigError(f"{display}: binary file (NUL bytes), not an XML or YAML config")
    return data


def read_config_file(path: Path, display: str) -> ConfigNode:
    """Parse ``path`` into a tree whose locations name ``display`` (the path shown in reports)."""
    data = read_bytes(path, display)
    if path.suffix.lower() in YAML_SUFFIXES:
        from chwarden.sources.configfiles.yaml_xml import parse_yaml  # lazy: PyYAML only when a YAML file is read

        return parse_yaml(data, display)
    return parse_xml(data, display)
