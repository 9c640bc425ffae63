"""Server config values with proven absence: a key is absent only when the config files were read.

``system.server_settings`` exposes part of the configuration, and an old server ignores keys it does
not know (``clickhouse.config_keys``): both turn "not seen" into "unknown" or "absent" here.
"""

from __future__ import annotations

from chwarden.analysis.versions import version_of
from chwarden.clickhouse.config_keys import ignored_key
from chwarden.facts import ConfigValue, FactMissing, Snapshot, UnresolvedInput


def ignored_by_server(snapshot: Snapshot, path: str) -> bool:
    """The server's version does not know this key: whatever the files say, it is as if absent."""
    return ignored_key(version_of(snapshot), path)


def config_value(snapshot: Snapshot, path: str) -> ConfigValue | None:
    """A server config value; None only when absence is proven (config files were read).

    ``system.server_settings`` exposes only part of the configuration, so a key missing from a
    dict that holds no config-file values means "unknown" and raises FactMissing. A key the
    server's version does not know counts as absent.
    """
    if ignored_by_server(snapshot, path):
        return None
    config: dict[str, ConfigValue] = snapshot.need("server_config")
    value = config.get(path)
    if value is not None or config_known(snapshot):
        return value
    raise FactMissing("server_config", f"{path} is not exposed by the server; audit its config files")


def is_true(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


WILDCARD_LISTEN = frozenset({"::", "0.0.0.0", "::0", "0:0:0:0:0:0:0:0", "*", "[::]"})


def config_section(snapshot: Snapshot, prefix: str) -> dict[str, ConfigValue]:
    """Every config value under ``prefix`` (dotted); {} only when absence is proven (or when the
    server's version does not know the key)."""
    if ignored_by_server(snapshot, prefix):
        return {}
    config: dict[str, ConfigValue] = snapshot.need("server_config")
    found = {k: v for k, v in config.items() if k == prefix or k.startswith(prefix + ".")}
    if found or snapshot.config_files is not None or any(v.origin == "config" for v in config.values()):
        return found
    raise FactMissing("server_config", f"{prefix} is not exposed by the server; audit its config files")


def config_known(snapshot: Snapshot) -> bool:
    """True when config files were read, so a missing key really is absent."""
    config = snapshot.server_config
    if config is None:
        return False
    return snapshot.config_files is not None or any(v.origin == "config" for v in config.values())


def port_enabled(value: ConfigValue | None) -> bool:
    """A `*_port` key opens a listener unless it is absent, empty or 0."""
    return value is not None and value.value.strip() not in ("", "0")


def unresolved_under(snapshot: Snapshot, prefix: str) -> list[UnresolvedInput]:
    """Config values under ``prefix`` the audit could not resolve (from_env/from_zk/incl): set, value unknown."""
    inputs = snapshot.inputs
    return [
        u
        for u in (inputs.unresolved if inputs is not None else [])
        if u.value_unknown and (u.path == prefix or u.path.startswith(prefix + "."))
    ]
