"""Find the ClickHouse inputs in a repository: what `audit --find-config` (and the pre-commit hook) audits.

A pre-commit hook runs with no arguments in the repository's root, so chwarden looks for what
`audit --config` understands, without reading more than the first bytes of a file:

* a **config directory**: one that holds ``config.xml``/``config.yaml``/``config.yml`` or ``users.xml``
  whose root element is ``<clickhouse>`` or ``<yandex>``, or a ``config.d``/``users.d`` drop-in
  folder with such files (its parent is the input);
* a **compose file** (``compose.yaml``, ``docker-compose.yml``...) that names a ClickHouse image;
* a **Kubernetes manifest** (``.yaml``) with a ``ClickHouseInstallation``, or a ``ConfigMap`` that
  carries ClickHouse config.

The walk skips version-control, virtualenv and dependency folders, does not descend into a config
directory it found (nor below a compose file, whose mounts cover its folders), and is bounded
(``MAX_DIRS`` directories, ``MAX_DEPTH`` levels), so a large repository costs milliseconds.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

MAX_DIRS = 5000
MAX_DEPTH = 8
HEAD_BYTES = 4096
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__", "site-packages", "dist"}
)
MAIN_FILES = ("config.xml", "config.yaml", "config.yml", "users.xml")
DROP_INS = ("config.d", "users.d", "conf.d")
COMPOSE_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml")
_ROOT = re.compile(rb"<\s*(clickhouse|yandex)[\s>/]")
_YAML_KEYS = re.compile(rb"^(listen_host|http_port|tcp_port|users|profiles|logger|remote_servers)\s*:", re.MULTILINE)
_CLICKHOUSE_IMAGE = re.compile(rb"image:\s*['\"]?[\w./-]*clickhouse", re.IGNORECASE)
_CHI = re.compile(rb"^kind:\s*['\"]?ClickHouseInstallation\b", re.MULTILINE)
_CONFIG_MAP = re.compile(rb"^kind:\s*['\"]?ConfigMap\b", re.MULTILINE)
_CONFIG_MAP_CLICKHOUSE = re.compile(rb"<\s*(clickhouse|yandex)[\s>/]|clickhouse", re.IGNORECASE)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(HEAD_BYTES)
    except OSError:
        return b""


def _is_config_file(path: Path) -> bool:
    head = _head(path)
    if path.suffix == ".xml":
        return _ROOT.search(head) is not None
    return _YAML_KEYS.search(head) is not None


def _is_config_dir(directory: Path, files: set[str], dirs: set[str]) -> bool:
    if any(name in files and _is_config_file(directory / name) for name in MAIN_FILES):
        return True
    for drop_in in DROP_INS:
        if drop_in in dirs:
            inner = directory / drop_in
            try:
                xmls = sorted(p for p in inner.iterdir() if p.suffix == ".xml")[:20]
            except OSError:
                continue
            if any(_is_config_file(p) for p in xmls):
                return True
    return False


def _is_deployment(path: Path) -> bool:
    """A compose file naming a ClickHouse image, or a manifest with a ClickHouseInstallation."""
    if path.name in COMPOSE_NAMES:
        return _CLICKHOUSE_IMAGE.search(_head(path)) is not None
    if path.suffix not in (".yaml", ".yml"):
        return False
    head = _head(path)
    return _CHI.search(head) is not None or (
        _CONFIG_MAP.search(head) is not None and _CONFIG_MAP_CLICKHOUSE.search(head) is not None
    )


def find_config_inputs(root: Path) -> list[Path]:
    """Config directories, compose files and manifests under ``root`` (sorted; relative when under it)."""
    found: list[Path] = []
    seen = 0
    for current, dirnames, filenames in os.walk(root):
        here = Path(current)
        depth = len(here.relative_to(root).parts)
        seen += 1
        if seen > MAX_DIRS:
            break
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        files = set(filenames)
        if here.name not in DROP_INS and _is_config_dir(here, files, set(dirnames)):
            found.append(here)
            dirnames[:] = []  # its config.d/users.d belong to it
            continue
        deployments = [here / name for name in sorted(files) if _is_deployment(here / name)]
        found += deployments
        if any(p.name in COMPOSE_NAMES for p in deployments):
            dirnames[:] = []  # the compose file's bind mounts cover the folders beside it
        if depth >= MAX_DEPTH:
            dirnames[:] = []
    return [p.relative_to(root) if p != root else Path(".") for p in sorted(found)]
