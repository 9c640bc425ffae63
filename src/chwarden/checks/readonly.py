"""Read-only that is not: accounts named or profiled as read-only that can write, and passwordless
accounts that are not read-only.

What locks ``readonly`` (measured on Debian's 18.16, and read in ClickHouse's SettingsConstraints):
a session with readonly = 1 can change no setting at all, so it cannot lift readonly, with or without
a constraint; readonly = 2 may change every setting but readonly itself - except that before 19.14 it
may switch to another settings profile (``SET profile``, or ``?profile=`` over HTTP), and a profile that
writes readonly = 0 lifts it. Constraints only matter for the limits, not for readonly. The real
bypasses are therefore an effective readonly of 0 (with privileges that write), and readonly = 2 on
an old server that has a writable profile; a correctly locked profile is never reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from chwarden.analysis.access import AccessModel
from chwarden.analysis.account_names import says_read_only
from chwarden.analysis.principals import is_passwordless, roles_of_user
from chwarden.analysis.profiles import ProfileResolver
from chwarden.analysis.reach import inferred_at_least, refused_everywhere
from chwarden.analysis.versions import version_at_least
from chwarden.checks.account_risk import account_exposure
from chwarden.checks.authentication import PASSWORD_FIXES
from chwarden.checks.fixes import constraint_lines, xml_fragment, xml_users_era
from chwarden.checks.privileges import anonymous_subject
from chwarden.checks.references import REF_CONSTRAINTS, REF_PERMISSIONS
from chwarden.checks.registry import Hit, Undecided, check
from chwarden.clickhouse.features import CONSTRAINTS_SINCE
from chwarden.clickhouse.sql import quote_ident
from chwarden.facts import Snapshot, UserFacts
from chwarden.model import Remediation, Severity

CATEGORY = "limits"


def _readonly(resolver: ProfileResolver, owner: str) -> tuple[str, str | None]:
    """(effective readonly, the resource that set it; None = the server default 0)."""
    resolved = resolver.resolve(owner).get("readonly")
    if resolved is None or resolved.value is None:
        return "0", None
    return resolved.value.strip() or "0", resolved.source or None


def _promise(snapshot: Snapshot, user: UserFacts) -> str | None:
    """Why the account looks read-only: its name, its profile's name or a role's name."""
    if says_read_only(user.name):
        return f"user {user.name}"
    if user.profile and says_read_only(user.profile):
        return f"profile {user.profile}"
    role = next((r for r in sorted(roles_of_user(snapshot, user.name)) if says_read_only(r)), None)
    return f"role {role}" if role else None


def _writable_profiles(resolver: ProfileResolver) -> list[str]:
    """Profiles that write readonly = 0: what an 18.x readonly = 2 session can switch to."""
    return sorted(
        owner.partition(":")[2]
        for owner in resolver.owners()
        if owner.startswith("profile:")
        and any(e.setting_name == "readonly" and (e.value or "").strip() == "0" for e in resolver.elements_of(owner))
    )


def _profile_switch_lifts(snapshot: Snapshot) -> bool | None:
    """Whether readonly = 2 can switch profiles (before 19.14); None when the version is unknown."""
    known = version_at_least(snapshot, CONSTRAINTS_SINCE)
    if known is None and inferred_at_least(snapshot, CONSTRAINTS_SINCE):
        known = True
    return None if known is None else not known


@check(
    "readonly_not_enforced",
    title="An account meant to be read-only can write",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "A user, profile or role called reader, viewer, readonly, analyst, reporting... is trusted with read "
        "access only, but its effective readonly is 0 and its privileges allow INSERT/ALTER/DROP - or it is "
        "readonly = 2 on a server before 19.14, where switching to a profile that writes readonly = 0 lifts it. "
        "A passwordless account that is not read-only lets anyone who reaches it change data."
    ),
    remediation="Give the account a profile with readonly = 1 (its session cannot lift it) or grant it SELECT only.",
    references=(REF_PERMISSIONS, REF_CONSTRAINTS),
    needs=("profile_elements", "users"),
    fixed_by=PASSWORD_FIXES,
)
def readonly_not_enforced(snapshot: Snapshot) -> Iterator[Hit | Undecided]:
    resolver = ProfileResolver.of(snapshot)
    model: AccessModel = snapshot.memo("access_model", lambda: AccessModel.build(snapshot))
    skip = anonymous_subject(snapshot)  # its observed session is judged by anonymous_user_can_write
    for user in snapshot.need("users"):
        value, source = _readonly(resolver, f"user:{user.name}")
        if refused_everywhere(snapshot, user):
            continue  # no address may log in as it (18.x without <networks>, or empty <networks>)
        if is_passwordless(user) and user.name != skip and value == "0":
            local = account_exposure(snapshot, user) != "open"  # loopback, the installation's pods
            yield Hit(
                resource=f"user:{user.name}",
                evidence={
                    "passwordless": True,
                    "readonly": None if source is None else value,
                    **({"reachable_by": "the server host or the installation's own pods only"} if local else {}),
                },
                severity=Severity.MEDIUM if local else Severity.HIGH,  # issue 21: contained is no open door
                title="A passwordless user is not read-only",
                remediation=_lock_readonly_fix(snapshot, f"user:{user.name}", "1"),
                location=user.location,
            )
            continue
        promise = _promise(snapshot, user)
        if promise is None or value == "1":
            continue  # readonly = 1: the session cannot change any setting, readonly included
        if value == "2":
            yield from _readonly_2(snapshot, resolver, user, promise, source)
            continue
        writes = model.write_grants(user.name)
        if not writes:
            continue  # read-only by its privileges
        yield Hit(
            resource=f"user:{user.name}",
            evidence={
                "read_only_by_name": promise,
                "readonly": value,
                "readonly_set_by": source or "nobody (server default 0)",
                "can_write_through": writes[:5],
            },
            remediation=_lock_readonly_fix(snapshot, f"user:{user.name}", "1"),
            location=user.location,
        )


def _readonly_2(
    snapshot: Snapshot, resolver: ProfileResolver, user: UserFacts, promise: str, source: str | None
) -> Iterator[Hit | Undecided]:
    writable = _writable_profiles(resolver)
    if not writable:
        return
    lifts = _profile_switch_lifts(snapshot)
    if lifts is None:
        yield Undecided(
            f"user:{user.name}",
            f"readonly = 2 can be lifted with SET profile = '{writable[0]}' on servers before 19.14 (measured on "
            "18.16); the server version is unknown (give --server-version)",
        )
    elif lifts:
        yield Hit(
            resource=f"user:{user.name}",
            evidence={
                "read_only_by_name": promise,
                "readonly": "2",
                "readonly_set_by": source,
                "bypass": f"SET profile = '{writable[0]}' (readonly = 0) - this version lets readonly = 2 switch "
                "profiles",
                "writable_profiles": writable,
            },
            severity=Severity.HIGH,
            remediation=_lock_readonly_fix(snapshot, f"user:{user.name}", "1"),
            location=user.location,
        )


def _lock_readonly_fix(snapshot: Snapshot, owner: str, value: str) -> Remediation:
    kind, _, name = owner.partition(":")
    profile = name if kind == "profile" else "readonly"
    xml = xml_fragment(
        "<profiles>",
        f"  <{profile}>",
        f"    <readonly>{value}</readonly>",
        *constraint_lines(snapshot, "<readonly><readonly/></readonly>"),
        f"  </{profile}>",
        "</profiles>",
    )
    if kind == "user":
        xml += "\n" + xml_fragment(f"<users><{name}><profile>{profile}</profile></{name}></users>")
    if xml_users_era(snapshot):
        return Remediation(xml=xml)
    target = {"profile": "SETTINGS PROFILE", "user": "USER", "role": "ROLE"}[kind]
    return Remediation(sql=f"ALTER {target} {quote_ident(name)} MODIFY SETTINGS readonly = {value} CONST;", xml=xml)
