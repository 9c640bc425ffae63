"""Combine a live snapshot with the facts read from the same server's config files.

A live 18.x server cannot show its users over SQL, but the files it was started with can; a
modern server shows users but not `listen_host` or TLS settings. The live answer wins wherever
the server gave one; the config fills what the server could not tell.
"""

from __future__ import annotations

from chwarden.facts import ACCESS_FACTS, ConfigValue, Snapshot

# Facts that come from either source and are filled from config when the server did not say.
_FILLABLE = (*ACCESS_FACTS, "system_logs")


# What only users.xml knows about a user the server lists (system.users hides password values).
_USER_FILE_FACTS = (
    "password_empty",
    "sha256_salted",
    "secrets",
    "location",
    "access_management",
    "named_collection_control",
    "show_named_collections_secrets",
    "allow_databases",
    "profile",
    "quota",
    "password_location",
    "networks_location",
    "well_known_password",
)


def merge_live_and_config(live: Snapshot, config: Snapshot, source: str) -> Snapshot:
    """Return a copy of ``live`` completed with ``config`` facts; records where they came from."""
    merged = live.model_copy(deep=True)
    filled: list[str] = []
    if merged.users is not None and config.users is not None:
        _enrich_users(merged, config)
    for fact in _FILLABLE:
        if getattr(merged, fact) is None and getattr(config, fact) is not None:
            setattr(merged, fact, getattr(config, fact))
            merged.gaps.pop(fact, None)
            filled.append(fact)
    if config.server_config is not None:
        combined: dict[str, ConfigValue] = dict(config.server_config)
        for key, value in (live.server_config or {}).items():
            combined.setdefault(key, value)
        merged.server_config = combined
        merged.gaps.pop("server_config", None)
        filled.append("server_config")
    merged.config_files = config.config_files
    # What the config side read, could not read and assumed, and the credentials its files hold.
    merged.inputs = config.inputs
    merged.config_secrets = config.config_secrets
    merged.extra["config_source"] = source
    merged.connection.config_source = source
    merged.facts_from_config = filled
    return merged


def _enrich_users(merged: Snapshot, config: Snapshot) -> None:
    """Add file-only facts to live users defined in users.xml (matched by name)."""
    from_file = {u.name: u for u in config.users or []}
    enriched = []
    for user in merged.users or []:
        file_user = from_file.get(user.name)
        if file_user is None or (user.storage not in (None, "users_xml", "users.xml")):
            enriched.append(user)
            continue
        updates = {}
        for name in _USER_FILE_FACTS:
            live_value = getattr(user, name)
            file_value = getattr(file_user, name)
            if file_value not in (None, []) and live_value in (None, [], False):
                updates[name] = file_value
        enriched.append(user.model_copy(update=updates))
    merged.users = enriched
