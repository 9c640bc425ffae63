"""What people decide about alerts and findings, kept in the store with who and when.

Two kinds of decision, both written only by the dashboard (never by a cycle), both append-only
with a version, the newest version per key winning:

* an **acknowledgement** of an alert (``alert_acks``): someone has seen it. It covers the alert's
  current firing episode only; an alert that resolves and fires again is new again.
* a **suppression** (``suppressions``): an accepted finding or alert, with the CLI's fields and
  meaning (``chwarden.suppress``: a check id with resource and target globs, or a fingerprint; a
  mandatory reason; an expiry after which it stops applying). Revoking writes a new version.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from dataclasses import dataclass

from chwarden.store.records import empty_time
from chwarden.store.store import Store, store_time

NO_DATE = "1970-01-01"


def _version() -> int:
    return time.time_ns() // 1000


def acknowledge(store: Store, target: str, fingerprint: str, actor: str, note: str = "", undo: bool = False) -> None:
    """Record that ``actor`` saw the alert (or took the acknowledgement back)."""
    store.write(
        "alert_acks",
        [
            {
                "target": target,
                "fingerprint": fingerprint,
                "acknowledged": 0 if undo else 1,
                "actor": actor,
                "at": store_time(),
                "note": note[:1000],
                "version": _version(),
            }
        ],
    )


@dataclass(frozen=True)
class SuppressionRecord:
    """One stored suppression: the CLI's entry plus who created (and maybe revoked) it, and when."""

    suppression_id: str
    check: str  # "" for a suppression by fingerprint
    resource: str
    target: str
    fingerprint: str  # "" for a suppression by check
    reason: str
    expires: dt.date | None
    created_by: str
    created_at: str
    revoked: bool = False
    revoked_by: str = ""
    revoked_at: str = ""

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today

    def entry(self) -> dict[str, object]:
        """The fields of the CLI's suppression entry (``chwarden.suppress.Suppression``)."""
        return {
            "check": self.check or None,
            "resource": self.resource or "*",
            "target": self.target or "*",
            "fingerprint": self.fingerprint or None,
            "reason": self.reason,
            "expires": self.expires,
        }

    def row(self, version: int) -> dict[str, object]:
        return {
            "suppression_id": self.suppression_id,
            "check_id": self.check,
            "resource": self.resource,
            "target": self.target,
            "fingerprint": self.fingerprint,
            "reason": self.reason,
            "expires": self.expires.isoformat() if self.expires else NO_DATE,
            "created_by": self.created_by,
            "created_at": self.created_at,
            "revoked": int(self.revoked),
            "revoked_by": self.revoked_by,
            "revoked_at": self.revoked_at or empty_time(),
            "version": version,
        }


def _date(text: str) -> dt.date | None:
    if not text or text.startswith("0000") or text == NO_DATE:
        return None
    return dt.date.fromisoformat(text[:10])


def add_suppression(
    store: Store,
    *,
    check: str,
    resource: str,
    target: str,
    fingerprint: str,
    reason: str,
    expires: dt.date | None,
    actor: str,
) -> SuppressionRecord:
    """Store a new suppression; the caller has validated it (``chwarden.suppress.Suppression``)."""
    record = SuppressionRecord(
        suppression_id=secrets.token_hex(8),
        check=check,
        resource=resource,
        target=target,
        fingerprint=fingerprint,
        reason=reason,
        expires=expires,
        created_by=actor,
        created_at=store_time(),
    )
    store.write("suppressions", [record.row(_version())])
    return record


def revoke_suppression(store: Store, suppression_id: str, actor: str) -> SuppressionRecord | None:
    """Revoke a suppression (None: no such suppression, or already revoked)."""
    current = next((s for s in suppressions(store) if s.suppression_id == suppression_id), None)
    if current is None:
        return None
    revoked = SuppressionRecord(
        **{**current.__dict__, "revoked": True, "revoked_by": actor, "revoked_at": store_time()},
    )
    store.write("suppressions", [revoked.row(_version())])
    return revoked


def suppressions(store: Store, include_revoked: bool = False) -> list[SuppressionRecord]:
    """Every suppression's newest version (revoked ones only on request), newest first."""
    rows = store.select(
        "SELECT suppression_id, argMax(check_id, version) AS check_key, argMax(resource, version) AS resource_glob, "
        "argMax(target, version) AS target_glob, argMax(fingerprint, version) AS fp, "
        "argMax(reason, version) AS why, toString(argMax(expires, version)) AS until, "
        "argMax(created_by, version) AS creator, argMax(created_at, version) AS created, "
        "argMax(revoked, version) AS is_revoked, argMax(revoked_by, version) AS revoker, "
        f"argMax(revoked_at, version) AS revoked_time FROM {store.table('suppressions')} "
        "GROUP BY suppression_id ORDER BY created DESC, suppression_id LIMIT 10000"
    )
    records = [
        SuppressionRecord(
            suppression_id=str(r["suppression_id"]),
            check=str(r["check_key"]),
            resource=str(r["resource_glob"]),
            target=str(r["target_glob"]),
            fingerprint=str(r["fp"]),
            reason=str(r["why"]),
            expires=_date(str(r["until"])),
            created_by=str(r["creator"]),
            created_at=str(r["created"]),
            revoked=bool(int(r["is_revoked"])),
            revoked_by=str(r["revoker"]),
            revoked_at="" if int(r["is_revoked"]) == 0 else str(r["revoked_time"]),
        )
        for r in rows
    ]
    return records if include_revoked else [s for s in records if not s.revoked]
