"""Offline audit source: ClickHouse XML/YAML config files read with the server's merge semantics."""

from chwarden.sources.configfiles.facts_from_config import (
    snapshot_from_config,
    snapshot_from_merged,
    snapshots_from_config,
)
from chwarden.sources.configfiles.inputs import InputOptions
from chwarden.sources.configfiles.loader import MergedConfig, load_config
from chwarden.sources.configfiles.substitutions import Unresolved
from chwarden.sources.configfiles.tree import ConfigError, ConfigNode

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
