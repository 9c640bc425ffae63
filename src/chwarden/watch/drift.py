"""Drift between two cycles of one target: pure functions of the previous state and the new facts.

Finding drift follows the store's finding states (new, resolved, reopened; a finding is resolved
only when its check ran this time, so a target that answered partially resolves nothing it could
not judge). Fact drift compares the previous snapshot with the new one on the facts that matter
for exposure: open ports and who gets in without a password, the server version, users and their
authentication and networks, grants, and the sensitive columns discover found.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from chwarden.facts import GrantFacts, RoleGrantFacts, Snapshot, UserFacts
from chwarden.model import Finding, NotChecked, SensitiveData, Severity
from chwarden.store.queries import FindingState
from chwarden.store.records import fingerprint_of


@dataclass(frozen=True)
class Change:
    """One drift event; ``fingerprint`` ties finding events to their finding."""

    kind: str
    subject: str
    severity: Severity
    before: str = ""
    after: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
    fingerprint: str = ""

    @property
    def key(self) -> str:
        """Stable id of this change's subject (alert dedup)."""
        return self.fingerprint or hashlib.sha256(f"{self.kind}|{self.subject}".encode()).hexdigest()[:16]

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "subject": self.subject, "severity": self.severity.value}
        if self.before:
            out["before"] = self.before
        if self.after:
            out["after"] = self.after
        if self.fingerprint:
            out["fingerprint"] = self.fingerprint
        if self.detail:
            out["detail"] = self.detail
        return out


# --------------------------------------------------------------------------------- findings


def finding_drift(
    previous: dict[str, FindingState], findings: Sequence[Finding], not_checked: Sequence[NotChecked], complete: bool
) -> list[Change]:
    """new / reopened for findings seen now; resolved for open ones whose check ran and found nothing."""
    changes: list[Change] = []
    current = {fingerprint_of(f): f for f in findings}
    for fp, f in sorted(current.items()):
        before = previous.get(fp)
        if before is None or before.status == "resolved":
            kind = "finding_new" if before is None else "finding_reopened"
            changes.append(
                Change(kind, f"{f.check_id} {f.resource}", f.severity, detail={"title": f.title}, fingerprint=fp)
            )
    unjudged = {n.check_id for n in not_checked}
    for fp, state in sorted(previous.items()):
        if state.status != "open" or fp in current:
            continue
        if state.check_id in unjudged or (not complete and not _judged_anyway(state, findings)):
            continue
        changes.append(
            Change(
                "finding_resolved",
                f"{state.check_id} {state.resource}",
                Severity(state.severity),
                detail={"title": state.title},
                fingerprint=fp,
            )
        )
    return changes


def _judged_anyway(state: FindingState, findings: Sequence[Finding]) -> bool:
    """On a partial run, a check that produced other findings did run: its absent ones are resolved."""
    return any(f.check_id == state.check_id for f in findings)


# --------------------------------------------------------------------------------- facts


def _endpoints(snapshot: Snapshot | None) -> dict[str, tuple[str, str]]:
    """host:port -> (protocol, auth) of the ClickHouse endpoints the probe found."""
    if snapshot is None or snapshot.endpoints is None:
        return {}
    return {f"{e.host}:{e.port}": (e.protocol, e.auth) for e in snapshot.endpoints if e.clickhouse}


def _anonymous(snapshot: Snapshot | None) -> dict[str, bool]:
    if snapshot is None or snapshot.anonymous_login is None:
        return {}
    return {f"{a.protocol}:{a.port}": a.accepted for a in snapshot.anonymous_login}


def port_drift(before: Snapshot | None, after: Snapshot) -> list[Change]:
    if before is None or before.endpoints is None or after.endpoints is None:
        return []  # the first cycle, or a probe that did not run, is no drift
    changes: list[Change] = []
    old, new = _endpoints(before), _endpoints(after)
    for place in sorted(new.keys() - old.keys()):
        protocol, auth = new[place]
        changes.append(Change("port_opened", place, Severity.MEDIUM, after=f"{protocol} auth={auth}"))
    for place in sorted(old.keys() - new.keys()):
        changes.append(Change("port_closed", place, Severity.INFO, before=f"{old[place][0]} auth={old[place][1]}"))
    for place in sorted(old.keys() & new.keys()):
        (_, was), (protocol, now) = old[place], new[place]
        if was != "none" and now == "none":
            changes.append(Change("port_open_without_password", place, Severity.CRITICAL, before=was, after=now))
        elif was == "none" and now == "required":
            changes.append(Change("port_password_required", place, Severity.INFO, before=was, after=now))
    for place in sorted(new.keys() - old.keys()):
        if new[place][1] == "none":
            changes.append(Change("port_open_without_password", place, Severity.CRITICAL, after="none"))
    anon_old, anon_new = _anonymous(before), _anonymous(after)
    for place in sorted(anon_new):
        if anon_new[place] and not anon_old.get(place, False) and not _covered(place, new, changes):
            changes.append(Change("port_open_without_password", place, Severity.CRITICAL, after="default/''"))
    return changes


def _covered(place: str, endpoints: dict[str, tuple[str, str]], changes: list[Change]) -> bool:
    """An anonymous login on protocol:port already reported through the endpoint at host:port."""
    port = place.rsplit(":", 1)[-1]
    return any(c.kind == "port_open_without_password" and c.subject.endswith(f":{port}") for c in changes)


def version_drift(before: Snapshot | None, after: Snapshot) -> list[Change]:
    old = before.server.version if before else None
    new = after.server.version
    if old and new and old != new:
        return [Change("version_changed", "server", Severity.INFO, before=old, after=new)]
    return []


def _user_view(user: UserFacts) -> dict[str, Any]:
    return {
        "auth": sorted(user.auth_types),
        "password_empty": user.password_empty,
        "networks": sorted(user.host_ip + user.host_names + user.host_names_regexp + user.host_names_like)
        + (["LOCAL"] if user.host_local else []),
        "profile": user.profile,
        "allow_databases": sorted(user.allow_databases) if user.allow_databases is not None else None,
        "access_management": user.access_management,
    }


def _grant_key(g: GrantFacts) -> str:
    where = f"{g.database or '*'}.{g.table or '*'}" + (f"({g.column})" if g.column else "")
    revoke = "REVOKE " if g.is_partial_revoke else ""
    option = " WITH GRANT OPTION" if g.grant_option else ""
    return f"{g.grantee}: {revoke}{g.access_type} ON {where}{option}"


def _role_grant_key(g: RoleGrantFacts) -> str:
    who = f"user:{g.user_name}" if g.user_name is not None else f"role:{g.role_name}"
    return f"{who}: role {g.granted_role_name}" + (" WITH ADMIN OPTION" if g.with_admin_option else "")


def access_drift(before: Snapshot | None, after: Snapshot) -> list[Change]:
    if before is None:
        return []
    changes: list[Change] = []
    if before.users is not None and after.users is not None:
        old = {u.name: _user_view(u) for u in before.users}
        new = {u.name: _user_view(u) for u in after.users}
        for name in sorted(new.keys() - old.keys()):
            empty = new[name]["password_empty"] is True
            changes.append(
                Change("user_added", name, Severity.CRITICAL if empty else Severity.HIGH, after=str(new[name]))
            )
        for name in sorted(old.keys() - new.keys()):
            changes.append(Change("user_removed", name, Severity.MEDIUM, before=str(old[name])))
        for name in sorted(old.keys() & new.keys()):
            changes.extend(_user_changes(name, old[name], new[name]))
    changes.extend(_set_drift("grant", before.grants, after.grants, _grant_key))
    changes.extend(_set_drift("role_grant", before.role_grants, after.role_grants, _role_grant_key))
    return changes


def _user_changes(name: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    changes: list[Change] = []
    if new["password_empty"] is True and old["password_empty"] is not True:
        changes.append(Change("password_removed", name, Severity.CRITICAL, before="password", after="empty"))
    elif old["password_empty"] is True and new["password_empty"] is False:
        changes.append(Change("password_set", name, Severity.INFO, before="empty", after="password"))
    elif old["auth"] != new["auth"] and old["auth"] and new["auth"]:
        changes.append(
            Change(
                "user_auth_changed", name, Severity.MEDIUM, before=",".join(old["auth"]), after=",".join(new["auth"])
            )
        )
    if old["networks"] != new["networks"]:
        changes.append(
            Change(
                "user_networks_changed",
                name,
                Severity.HIGH,
                before=", ".join(old["networks"]),
                after=", ".join(new["networks"]),
            )
        )
    for key in ("allow_databases", "access_management", "profile"):
        if old[key] != new[key]:
            kind = "grant_changed" if key != "profile" else "user_profile_changed"
            if key == "allow_databases":
                widened = new[key] is None or (old[key] is not None and not set(new[key]) <= set(old[key]))
            else:
                widened = key == "access_management" and bool(new[key])
            severity = Severity.HIGH if widened else Severity.MEDIUM
            changes.append(Change(kind, f"{name} {key}", severity, before=str(old[key]), after=str(new[key])))
    return changes


def _set_drift(kind: str, old: Iterable[Any] | None, new: Iterable[Any] | None, key: Any) -> list[Change]:
    if old is None or new is None:
        return []
    before, after = {key(x) for x in old}, {key(x) for x in new}
    return [Change(f"{kind}_added", k, Severity.HIGH) for k in sorted(after - before)] + [
        Change(f"{kind}_removed", k, Severity.LOW) for k in sorted(before - after)
    ]


def _columns(entries: Iterable[SensitiveData]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for e in entries:
        if e.database == "system":
            continue
        found.setdefault(f"{e.database}.{e.table}.{e.column}", set()).add(e.category)
    return found


def sensitive_drift(before: Sequence[SensitiveData] | None, after: Sequence[SensitiveData] | None) -> list[Change]:
    """Columns discover classified now and not before (and the reverse); None = discover did not run."""
    if before is None or after is None:
        return []
    old, new = _columns(before), _columns(after)
    changes: list[Change] = []
    for column in sorted(new):
        added = new[column] - old.get(column, set())
        if added:
            severity = Severity.HIGH if added & {"secret", "conversation"} else Severity.MEDIUM
            changes.append(Change("sensitive_column_added", column, severity, after=",".join(sorted(added))))
    for column in sorted(old.keys() - new.keys()):
        changes.append(Change("sensitive_column_removed", column, Severity.INFO, before=",".join(sorted(old[column]))))
    return changes


def fact_drift(
    before: Snapshot | None,
    after: Snapshot,
    inventory_before: Sequence[SensitiveData] | None,
    inventory_after: Sequence[SensitiveData] | None,
) -> list[Change]:
    return [
        *port_drift(before, after),
        *version_drift(before, after),
        *access_drift(before, after),
        *sensitive_drift(inventory_before, inventory_after),
    ]
