"""Offline audit source: ClickHouse XML/YAML config files read with the server's merge semantics.

The names below load their module on first use (PEP 562): a command that only reads one small
file with a leaf module (a suppression file: ``reading``, ``yaml_docs``) must not pay for the
whole config, compose and Kubernetes machinery (~0.1 s of imports) by touching this package.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chwarden.sources.configfiles.facts_from_config import (
        snapshot_from_config,
        snapshot_from_merged,
        snapshots_from_config,
    )
    from chwarden.sources.configfiles.inputs import InputOptions
    from chwarden.sources.configfiles.loader import MergedConfig, load_config
    from chwarden.sources.configfiles.substitutions import Unresolved
    from chwarden.sources.configfiles.tree import ConfigError, ConfigNode

_HOME = {
    "snapshot_from_config": "facts_from_config",
    "snapshot_from_merged": "facts_from_config",
    "snapshots_from_config": "facts_from_config",
    "InputOptions": "inputs",
    "MergedConfig": "loader",
    "load_config": "loader",
    "Unresolved": "substitutions",
    "ConfigError": "tree",
    "ConfigNode": "tree",
}

__all__ = [
    "ConfigError",
    "ConfigNode",
    "InputOptions",
    "MergedConfig",
    "Unresolved",
    "load_config",
    "snapshot_from_config",
    "snapshot_from_merged",
    "snapshots_from_config",
]


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
