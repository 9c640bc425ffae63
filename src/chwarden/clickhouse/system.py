"""Names ClickHouse keeps for itself."""

from __future__ import annotations

# Databases the server creates for its own tables: never user data, never read for it.
SYSTEM_DATABASES = frozenset({"system", "information_schema", "INFORMATION_SCHEMA"})
