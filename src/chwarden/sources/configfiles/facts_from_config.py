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

from chwarden.facts import (
    ACCESS_FACTS,
    ConfigValue,
    ConnectionInfo,
    InputFacts,
    Snapshot,
    UnresolvedInput,
    build_validators,
)
from chwarden.model import FileNotRead, Location, utc_now
from chwarden.sources.configfiles.access_facts import access_facts
from chwarden.sources.configfiles.inputs import InputOptions, LoadedInput, load_inputs
from chwarden.sources.configfiles.loader import MergedConfig
from chwarden.sources.configfiles.server_facts import clusters, server_config, system_logs
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


def _apply_overrides(config: dict[str, ConfigValue], overrides: Mapping[str, str], at: Location | None = None) -> None:
    """`clickhouse-server -- --listen_host=X` beats every file for that key."""
    for key, value in overrides.items():
        leaf = key.rsplit(".", 1)[-1]
        config[key] = ConfigValue(values=[safe_value(leaf, value)], location=at or Location(file=COMMAND_LINE))


NOT_A_DEPLOYMENT = "the input is a ClickHouse config, not a Kubernetes manifest or docker-compose file"


def snapshot_from_merged(merged: MergedConfig, target: str, *, overrides: Mapping[str, str] | None = None) -> Snapshot:
    build_validators()  # nested fact models first: each schema is generated once (a no-op after the first call)
    snapshot = Snapshot(
        target=target,
        collected_at=utc_now(),
        connection=ConnectionInfo(kind="config"),
        config_files=list(merged.files),
    )
    config = server_config(merged.server)
    _apply_overrides(config, merged.overrides, merged.overrides_at)
    _apply_overrides(config, overrides or {})
    snapshot.server_config = config
    snapshot.system_logs = system_logs(merged.server)
    snapshot.clusters = clusters(merged.server)
    for fact in LIVE_ONLY_FACTS:
        snapshot.mark_gap(fact, LIVE_ONLY)
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
    snapshot.config_secrets = list(merged.secrets)
    snapshot.inputs = InputFacts(
        files_read=list(merged.files),
        files_not_read=[FileNotRead(file=n.file, reason=n.reason) for n in merged.files_not_read],
        assumptions=list(merged.assumptions),
        unknown_variables=list(merged.unknown_variables),
        notes=[
            *merged.notes,
            *(str(u) for u in merged.unresolved),
            *(f"{named} read from the audited copy as {read}" for named, read in sorted(merged.mapped_paths.items())),
        ],
        root_element=merged.server.tag if merged.server.tag in ("yandex", "clickhouse") else None,
        root_elements=sorted(merged.root_tags),
        mapped_paths=dict(merged.mapped_paths),
        unresolved=[
            UnresolvedInput(
                path=u.path,
                kind=u.kind,
                name=u.name,
                location=u.location,
                value_unknown=u.value_unknown,
                source=u.source,
            )
            for u in merged.unresolved
        ],
    )
    _mark_unread(snapshot)
    snapshot.extra["main_file"] = merged.main_file
    snapshot.extra["main_location"] = merged.server.location.model_dump()
    snapshot.extra["users_file"] = merged.users_file
    if merged.notes:
        snapshot.extra["notes"] = list(merged.notes)
    if merged.unresolved:
        snapshot.extra["unresolved"] = [str(u) for u in merged.unresolved]
    if overrides or merged.overrides:
        snapshot.extra["command_line_overrides"] = sorted({*(overrides or {}), *merged.overrides})
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


IGNORED_BY_SERVER = "ignored by ClickHouse"
UNREAD_MARK = " (see the report's files not read)"


def _mark_unread(snapshot: Snapshot) -> None:
    """A file ClickHouse would load but the audit could not read makes the result partial."""
    inputs = snapshot.inputs
    missing = [f for f in (inputs.files_not_read if inputs else []) if not f.reason.startswith(IGNORED_BY_SERVER)]
    snapshot.errors = [e for e in snapshot.errors if not e.endswith(UNREAD_MARK)]
    if missing:
        snapshot.partial = True
        listed = "; ".join(f"{f.file} ({f.reason})" for f in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        snapshot.errors.append(
            f"{len(missing)} file(s) ClickHouse would load were not read: {listed}{more}{UNREAD_MARK}"
        )


def _snapshot(loaded: LoadedInput, target: str, overrides: Mapping[str, str] | None) -> Snapshot:
    snapshot = snapshot_from_merged(loaded.merged, target, overrides=overrides)
    snapshot.extra["input_kind"] = loaded.kind
    assert snapshot.inputs is not None
    snapshot.inputs.files_read[0:0] = [f for f in loaded.files_read if f not in snapshot.inputs.files_read]
    snapshot.inputs.files_not_read.extend(FileNotRead(file=n.file, reason=n.reason) for n in loaded.not_read)
    snapshot.inputs.unknown_variables.extend(
        u for u in loaded.unknown_variables if u not in snapshot.inputs.unknown_variables
    )
    snapshot.inputs.notes.extend(n for n in loaded.notes if n not in snapshot.inputs.notes)
    snapshot.config_files = list(dict.fromkeys([*snapshot.inputs.files_read, *(snapshot.config_files or [])]))
    _mark_unread(snapshot)
    if loaded.deployment is not None:
        snapshot.deployment = loaded.deployment
        snapshot.gaps.pop("deployment", None)
    return snapshot


def snapshots_from_config(
    path: str | os.PathLike[str],
    *,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, str] | None = None,
    options: InputOptions | None = None,
) -> list[Snapshot]:
    """One snapshot per ClickHouse server the input describes (a compose file or manifest may hold several).

    ``target`` is the path as given, with ``#<service or installation>`` when there are several.
    """
    chosen = options or InputOptions(env=dict(env or {}))
    with bulk_objects():
        loaded = load_inputs(Path(path), chosen)
        return [_snapshot(item, f"{path}#{item.name}" if item.name else str(path), overrides) for item in loaded]


def snapshot_from_config(
    path: str | os.PathLike[str],
    *,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, str] | None = None,
    options: InputOptions | None = None,
) -> Snapshot:
    """Snapshot of a config directory, main file, Kubernetes manifest or docker-compose file.

    With several servers in the input, the first one (its target names it); ``snapshots_from_config``
    gives them all.
    """
    return snapshots_from_config(path, env=env, overrides=overrides, options=options)[0]
