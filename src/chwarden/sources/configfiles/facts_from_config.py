"""Turn a merged config into a Snapshot, filling the same facts the live collector fills.

What a config cannot know (version, effective session settings, tables, logs) stays ``None`` with a
gap, so checks that need it report "not checked" instead of passing.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from chwarden.facts import ACCESS_FACTS, ConfigValue, ConnectionInfo, Snapshot
from chwarden.model import Location, utc_now
from chwarden.sources.configfiles.access_facts import access_facts
from chwarden.sources.configfiles.dictionary_files import dictionaries_in
from chwarden.sources.configfiles.inputs import load_input
from chwarden.sources.configfiles.loader import MergedConfig
from chwarden.sources.configfiles.server_facts import clusters, secrets_from_outside, server_config, system_logs
from chwarden.sources.configfiles.settings_facts import profile_elements, profiles, quotas
from chwarden.sources.configfiles.values import safe_value

LIVE_ONLY = "offline config audit: only a live server knows this"
LIVE_ONLY_FACTS = (
    "server",
    "anonymous_login",
    "endpoints",
    "effective_settings",
    "databases",
    "tables",
    "dictionaries",
    "named_collections",
    "log_secrets",
)
COMMAND_LINE = "command line"


def _apply_overrides(config: dict[str, ConfigValue], overrides: Mapping[str, str]) -> None:
    """`clickhouse-server -- --listen_host=X` beats every file for that key."""
    for key, value in overrides.items():
        leaf = key.rsplit(".", 1)[-1]
        config[key] = ConfigValue(values=[safe_value(leaf, value)], location=Location(file=COMMAND_LINE))


NOT_A_DEPLOYMENT = "the input is a ClickHouse config, not a Kubernetes manifest or docker-compose file"


def snapshot_from_merged(merged: MergedConfig, target: str, *, overrides: Mapping[str, str] | None = None) -> Snapshot:
    snapshot = Snapshot(
        target=target,
        collected_at=utc_now(),
        connection=ConnectionInfo(kind="config"),
        config_files=list(merged.files),
    )
    config = server_config(merged.server)
    _apply_overrides(config, overrides or {})
    snapshot.server_config = config
    snapshot.extra["config_secrets_from_outside"] = secrets_from_outside(merged.server)
    snapshot.system_logs = system_logs(merged.server)
    snapshot.clusters = clusters(merged.server)
    for fact in LIVE_ONLY_FACTS:
        snapshot.mark_gap(fact, LIVE_ONLY)
    if merged.dictionary_files:  # dictionaries from files; those created with SQL only a live server knows
        snapshot.dictionaries = [d for display, tree in merged.dictionary_files for d in dictionaries_in(tree, display)]
        snapshot.gaps.pop("dictionaries", None)
    if merged.users is None:
        reason = "; ".join(merged.notes) or "no users file"
        for fact in ACCESS_FACTS:
            snapshot.mark_gap(fact, reason)
        snapshot.errors.extend(merged.notes)
        snapshot.partial = True
    else:
        access = access_facts(merged.users)
        snapshot.users = access.users
        snapshot.roles = access.roles
        snapshot.grants = access.grants
        snapshot.role_grants = access.role_grants
        snapshot.row_policies = access.row_policies
        snapshot.profiles = profiles(merged.users)
        snapshot.profile_elements = profile_elements(merged.users, access.users)
        snapshot.quotas = quotas(merged.users, access.users)
        if access.problems:
            snapshot.extra["unparsed_grants"] = access.problems
    snapshot.mark_gap("deployment", NOT_A_DEPLOYMENT)
    snapshot.extra["main_file"] = merged.main_file
    snapshot.extra["main_location"] = merged.server.location.model_dump()
    snapshot.extra["users_file"] = merged.users_file
    if merged.notes:
        snapshot.extra["notes"] = list(merged.notes)
    if merged.unresolved:
        snapshot.extra["unresolved"] = [str(u) for u in merged.unresolved]
    if overrides:
        snapshot.extra["command_line_overrides"] = sorted(overrides)
    return snapshot


@contextmanager
def bulk_objects() -> Iterator[None]:
    """Pause the cycle collector while a config becomes a tree and facts (neither holds cycles).

    Each collection rescans everything built so far: on 40,000 users that was half the time of an
    offline audit (measured with cProfile, see bench/bench_config_users.py). Restored on exit.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def snapshot_from_config(
    path: str | os.PathLike[str],
    *,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, str] | None = None,
) -> Snapshot:
    """Snapshot of a config directory, main file, Kubernetes manifest or docker-compose file.

    ``target`` is the path as given.
    """
    with bulk_objects():
        loaded = load_input(Path(path), env=env)
        snapshot = snapshot_from_merged(loaded.merged, str(path), overrides=overrides)
    snapshot.extra["input_kind"] = loaded.kind
    if loaded.deployment is not None:
        snapshot.deployment = loaded.deployment
        snapshot.gaps.pop("deployment", None)
    return snapshot
