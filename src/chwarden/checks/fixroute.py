"""Pick the fix route the server can take: SQL only works on entities kept in SQL access storage.

A user, role, settings profile or quota defined in users.xml lives in the read-only `users_xml`
storage: `ALTER USER`, `REVOKE` or `ALTER SETTINGS PROFILE` on it fails on every ClickHouse version
(ACCESS_STORAGE_READONLY, code 495). When a check offers both an SQL and an XML fix for such an
entity, the finding keeps only the XML patch, so `fix --apply` never sends a statement that cannot
work and the operator is pointed at the file to change. The mirror case: an entity created with SQL
keeps only the SQL fix, since a users.d patch would define a second entity of the same name.
"""

from __future__ import annotations

from chwarden.checks.fixes import XML_USER_STORAGES
from chwarden.facts import Snapshot
from chwarden.model import Remediation

SQL_STORAGES = frozenset({"local_directory", "replicated", "memory"})
# resource kind -> the snapshot list that holds that kind of access entity
ENTITY_LISTS = {"user": "users", "session": "users", "role": "roles", "profile": "profiles", "quota": "quotas"}


def entity_storage(snapshot: Snapshot, resource: str) -> str | None:
    """Where the entity a finding is about is stored (None: not an access entity, or unknown)."""
    kind, _, name = resource.partition(":")
    attribute = ENTITY_LISTS.get(kind)
    if attribute is None:
        return None
    if snapshot.connection.kind == "config":
        return "config"
    for entity in getattr(snapshot, attribute) or []:
        if entity.name == name:
            storage: str | None = getattr(entity, "storage", None)
            return storage
    return None


def fit_to_storage(
    snapshot: Snapshot, resource: str, remediation: Remediation, evidence: dict[str, object] | None = None
) -> Remediation:
    """Drop the SQL route of a fix whose entity sits in read-only XML storage (the XML route and the
    advice stay), and the XML route of one whose entity was created with SQL.

    A finding about a table names the user it is about in ``evidence["readable_by"]``.
    """
    if not (remediation.sql or remediation.xml):
        return remediation
    reader = (evidence or {}).get("readable_by")
    if resource.partition(":")[0] not in ENTITY_LISTS and isinstance(reader, str):
        resource = f"user:{reader}"
    storage = entity_storage(snapshot, resource)
    if storage is None:
        return remediation
    if storage.lower() in XML_USER_STORAGES:
        return remediation.model_copy(update={"sql": None})
    if storage.lower() in SQL_STORAGES and remediation.sql:  # a users.d file would make a second entity
        return remediation.model_copy(update={"xml": None})
    return remediation
