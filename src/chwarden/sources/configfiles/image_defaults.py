"""The defaults a ClickHouse server starts from when an input only describes changes to them.

A docker-compose file, a ClickHouseInstallation or a directory holding only ``config.d/`` and
``users.d/`` names (or implies) an image and adds files; what the image ships decides the rest. The
shipped files are data (``defaults/``): the security-relevant subset of ``programs/server/config.xml``
and ``users.xml`` per release era, the image's ``config.d/docker_related_config.xml``, and what the
image's entrypoint does with ``CLICKHOUSE_USER``/``CLICKHOUSE_PASSWORD`` per release line
(``images.json``, measured from ClickHouse/docker-library). Every element of a default is pinned to
the line that selects the image, so a finding caused by a default points at that line, and every
audit says which defaults it assumed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from chwarden.model import Location
from chwarden.sources.configfiles.tree import ConfigNode, pin
from chwarden.sources.configfiles.xml_reader import parse_xml

OFFICIAL_IMAGES = frozenset({"clickhouse-server", "clickhouse"})  # clickhouse/clickhouse-server, clickhouse, yandex/...
BITNAMI = "bitnami"
DEFAULT_IMAGE = "clickhouse/clickhouse-server:latest"
CONFIG_ROOT = "/etc/clickhouse-server"
BITNAMI_CONFIG_ROOTS = ("/opt/bitnami/clickhouse/etc", "/bitnami/clickhouse/etc")
_VERSION = re.compile(r"^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?")


def image_name(image: str) -> str:
    """The repository's last path part: ``docker.io/clickhouse/clickhouse-server:24.8`` -> ``clickhouse-server``."""
    return image.split("@", 1)[0].rsplit("/", 1)[-1].split(":", 1)[0].lower()


def image_tag(image: str) -> str:
    last = image.split("@", 1)[0].rsplit("/", 1)[-1]
    return last.split(":", 1)[1] if ":" in last else ""


def is_server_image(image: str) -> bool:
    """An image that runs clickhouse-server by default (official, yandex, altinity or bitnami builds)."""
    return image_name(image) in OFFICIAL_IMAGES


def is_bitnami(image: str) -> bool:
    return image.split("@", 1)[0].lower().split("/")[-2:-1] == [BITNAMI]


def image_version(image: str) -> tuple[int, ...] | None:
    """The release a tag names (``24.8``, ``25.1.3.23-alpine``); None for latest, digests and variables."""
    match = _VERSION.match(image_tag(image))
    return tuple(int(g) for g in match.groups() if g is not None) if match else None


@cache
def _data() -> dict[str, Any]:
    raw = resources.files("chwarden.sources.configfiles").joinpath("defaults/images.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@cache
def _shipped(name: str) -> bytes:
    return resources.files("chwarden.sources.configfiles").joinpath(f"defaults/{name}").read_bytes()


def _era(version: tuple[int, ...] | None) -> dict[str, Any]:
    for era in _data()["eras"]:
        until = era["until"]
        if until is None or (version is not None and version < tuple(until)):
            return dict(era)
    return dict(_data()["eras"][-1])


def _entrypoint_feature(version: tuple[int, ...] | None, feature: str) -> bool:
    """Whether the entrypoint of this release has a feature; an unknown or partial version means newest."""
    since = tuple(_data()["all_since"])
    lines: dict[str, dict[str, int]] = _data()["entrypoint"]
    if version is None:
        return True
    if len(version) == 1:  # a year tag runs that year's newest release
        return version[0] >= since[0] or any(key.split(".")[0] == str(version[0]) for key in lines)
    if version[:2] >= since:
        return True
    line = lines.get(f"{version[0]}.{version[1]}")
    if line is None:
        return False
    return len(version) < 3 or version[2] >= int(line[feature])


@dataclass(frozen=True)
class ImageDefaults:
    """The shipped files and entrypoint behaviour of one image, and how to say which were assumed."""

    image: str
    version: tuple[int, ...] | None
    bitnami: bool = False

    @classmethod
    def of(cls, image: str) -> ImageDefaults:
        return cls(image=image, version=image_version(image), bitnami=is_bitnami(image))

    @property
    def era(self) -> str:
        return str(_era(self.version)["about"])

    @property
    def locks_default_user(self) -> bool:
        """The entrypoint limits a passwordless `default` to loopback when no user variable is set."""
        return not self.bitnami and _entrypoint_feature(self.version, "lockdown")

    @property
    def respects_mounted_users(self) -> bool:
        """The entrypoint leaves users alone when mounted files already changed `default`."""
        return not self.bitnami and _entrypoint_feature(self.version, "respects_mounts")

    @property
    def config_roots(self) -> tuple[str, ...]:
        return BITNAMI_CONFIG_ROOTS if self.bitnami else (CONFIG_ROOT,)

    def describe(self) -> str:
        version = ".".join(str(v) for v in self.version) if self.version else "the newest release (tag not a version)"
        return f"defaults assumed for image {self.image} ({version}): {self.era}"

    def main_config(self, at: Location) -> ConfigNode:
        return _tree(str(_era(self.version)["config"]), at)

    def users_config(self, at: Location) -> ConfigNode:
        return _tree(str(_era(self.version)["users"]), at)

    def docker_related_config(self, at: Location) -> ConfigNode:
        return _tree("docker_related_config.xml", at)

    def shipped_default_user(self) -> ConfigNode | None:
        """The `default` user exactly as the image's users.xml ships it (to see whether mounts changed it)."""
        users = self.users_config(Location(file="image users.xml")).child("users")
        return users.child("default") if users is not None else None


def _tree(name: str, at: Location) -> ConfigNode:
    return pin(parse_xml(_shipped(name), f"image {name}"), at)
