"""Effective settings: the profile chain the server applies (default profile, inherited profiles, the
user's own settings, its roles), resolved per user or, without profile facts, for the audit session.
"""

from __future__ import annotations

from dataclasses import dataclass

from chwarden.analysis.principals import find_user, roles_of_user, session_user
from chwarden.analysis.versions import version_of
from chwarden.clickhouse.settings import setting_default as version_default
from chwarden.facts import FactMissing, ProfileElement, SettingValue, Snapshot
from chwarden.model import Location

LOCKED_WRITABILITY = frozenset({"CONST", "READONLY"})


@dataclass(frozen=True)
class ResolvedSetting:
    """A setting after the profile chain (default profile, inherited profiles, user, roles)."""

    name: str
    value: str | None = None
    min: str | None = None
    max: str | None = None
    writability: str | None = None
    source: str = ""  # resource that set the value, e.g. profile:readonly_users
    location: Location | None = None

    @property
    def locked(self) -> bool:
        return (self.writability or "").upper() in LOCKED_WRITABILITY

    @property
    def constrained(self) -> bool:
        return self.locked or self.min is not None or self.max is not None


def element_owner(element: ProfileElement) -> str:
    if element.profile_name is not None:
        return f"profile:{element.profile_name}"
    if element.user_name is not None:
        return f"user:{element.user_name}"
    return f"role:{element.role_name}"


def default_profile_name(snapshot: Snapshot) -> str:
    value = (snapshot.server_config or {}).get("default_profile")
    return value.value if value is not None and value.value else "default"


class ProfileResolver:
    """Resolves effective settings from ``profile_elements`` the way the server layers them."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.elements: list[ProfileElement] = snapshot.need("profile_elements")
        self.default_profile = default_profile_name(snapshot)
        self._by_owner: dict[str, list[ProfileElement]] = {}
        for element in self.elements:
            self._by_owner.setdefault(element_owner(element), []).append(element)
        self._resolved: dict[str, dict[str, ResolvedSetting]] = {}

    @classmethod
    def of(cls, snapshot: Snapshot) -> ProfileResolver:
        """The snapshot's resolver, built once (resolutions are cached inside)."""
        snapshot.need("profile_elements")
        return snapshot.memo("profile_resolver", lambda: cls(snapshot))

    def owners(self) -> list[str]:
        return sorted(self._by_owner)

    def elements_of(self, owner: str) -> list[ProfileElement]:
        """The elements a profile, user or role declares itself (not inherited)."""
        return list(self._by_owner.get(owner, []))

    def resolve(self, owner: str) -> dict[str, ResolvedSetting]:
        """Settings of ``profile:x``, ``user:x`` or ``role:x``, over the server's default profile."""
        if owner not in self._resolved:
            self._resolved[owner] = self._resolve(owner)
        return dict(self._resolved[owner])

    def _resolve(self, owner: str) -> dict[str, ResolvedSetting]:
        out: dict[str, ResolvedSetting] = {}
        seen: set[str] = set()
        self._apply(f"profile:{self.default_profile}", out, seen)
        kind, _, name = owner.partition(":")
        if kind == "user":
            user = find_user(self.snapshot, name)
            if user is not None and user.profile and not self._inherits(owner):
                self._apply(f"profile:{user.profile}", out, seen)
            self._apply(owner, out, seen)
            for role in sorted(roles_of_user(self.snapshot, name)):
                self._apply(f"role:{role}", out, seen)
        else:
            self._apply(owner, out, seen)
        return out

    def main_profile(self, user: str) -> str:
        """The resource a user's settings are best fixed in: its (first) profile, else the user."""
        for e in self._by_owner.get(f"user:{user}", []):
            if e.inherit_profile:
                return f"profile:{e.inherit_profile}"
        facts = find_user(self.snapshot, user)
        return f"profile:{facts.profile}" if facts is not None and facts.profile else f"user:{user}"

    def _inherits(self, owner: str) -> bool:
        return any(e.inherit_profile for e in self._by_owner.get(owner, []))

    def _apply(self, owner: str, out: dict[str, ResolvedSetting], seen: set[str]) -> None:
        if owner in seen:
            return
        seen.add(owner)
        for e in self._by_owner.get(owner, []):
            if e.inherit_profile:
                self._apply(f"profile:{e.inherit_profile}", out, seen)
            elif e.setting_name:
                prev = out.get(e.setting_name, ResolvedSetting(name=e.setting_name))
                out[e.setting_name] = ResolvedSetting(
                    name=e.setting_name,
                    value=e.value if e.value is not None else prev.value,
                    min=e.min if e.min is not None else prev.min,
                    max=e.max if e.max is not None else prev.max,
                    writability=e.writability or prev.writability,
                    source=owner if e.value is not None else prev.source,
                    location=e.location if e.value is not None else prev.location,
                )


def setting_default(snapshot: Snapshot, name: str) -> str:
    """The server's own default of a setting (its ``default`` column when collected)."""
    known = (snapshot.effective_settings or {}).get(name)
    if known is not None and known.default is not None:
        return known.default
    return version_default(name, version_of(snapshot))


@dataclass(frozen=True)
class SettingsSubject:
    """Whose settings are judged: a profile (or user) from profile_elements, or the audit session."""

    resource: str  # where the fix goes: profile:x, user:x, role:x or session:x
    users: tuple[str, ...]
    values: dict[str, str]
    sources: dict[str, str | None]  # setting -> resource that set it; None = server default
    location: Location | None = None


def settings_subjects(snapshot: Snapshot, names: tuple[str, ...]) -> list[SettingsSubject]:
    """Effective values of ``names`` per user (profile_elements) or for the session (legacy).

    With profile_elements, users are grouped by the resource that sets the first judged setting
    (or their own profile when nothing sets it), so one profile is reported once. Without them,
    the audit session's effective settings are judged (resource ``session:<user>``).
    """
    if snapshot.profile_elements is None:
        settings: dict[str, SettingValue] = snapshot.need("effective_settings")
        masked = [n for n in names if n in snapshot.settings_set_by_audit and n not in settings]
        if masked:
            raise FactMissing(
                "effective_settings",
                f"the session's {', '.join(masked)} cannot be read while chwarden itself sets it on every query "
                "(read-only guard); the account's value needs its profile (config files or SQL RBAC)",
            )
        user = session_user(snapshot) or "default"
        values = {n: settings[n].value if n in settings else setting_default(snapshot, n) for n in names}
        return [SettingsSubject(f"session:{user}", (user,), values, dict.fromkeys(names, f"session:{user}"))]
    resolver = ProfileResolver.of(snapshot)
    if snapshot.users is None:
        owners = [o for o in resolver.owners() if o.startswith("profile:")]
        return [_subject(snapshot, resolver, owner, owner, names, ()) for owner in owners]
    return [
        _subject(snapshot, resolver, f"user:{u.name}", resolver.main_profile(u.name), names, (u.name,))
        for u in snapshot.users
    ]


def _subject(
    snapshot: Snapshot,
    resolver: ProfileResolver,
    owner: str,
    fallback: str,
    names: tuple[str, ...],
    users: tuple[str, ...],
) -> SettingsSubject:
    resolved = resolver.resolve(owner)
    values: dict[str, str] = {}
    sources: dict[str, str | None] = {}
    for n in names:
        rs = resolved.get(n)
        explicit = rs is not None and rs.value is not None
        values[n] = rs.value if rs is not None and rs.value is not None else setting_default(snapshot, n)
        sources[n] = rs.source if explicit and rs is not None else None
    first = next((resolved[n] for n in names if sources[n] is not None), None)
    resource = first.source if first is not None else fallback
    return SettingsSubject(resource, users, values, sources, first.location if first is not None else None)


def group_subjects(subjects: list[SettingsSubject]) -> dict[str, list[SettingsSubject]]:
    """Subjects by the resource to fix, in a stable order."""
    grouped: dict[str, list[SettingsSubject]] = {}
    for s in sorted(subjects, key=lambda s: (s.resource, s.users)):
        grouped.setdefault(s.resource, []).append(s)
    return grouped
