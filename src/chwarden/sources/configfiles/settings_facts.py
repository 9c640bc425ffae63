"""Settings profiles (with constraints and inheritance) and quotas from the merged users tree."""

from __future__ import annotations

from chwarden.facts import ProfileElement, ProfileFacts, QuotaFacts, QuotaInterval, UserFacts
from chwarden.sources.configfiles.tree import ConfigNode
from chwarden.sources.configfiles.values import as_float, as_int, safe_value

STORAGE = "users_xml"
# Constraint markers -> writability as system.settings_profile_elements shows it.
WRITABILITY = {"readonly": "CONST", "const": "CONST", "changeable_in_readonly": "CHANGEABLE_IN_READONLY"}
# Quota interval element -> QuotaInterval field.
QUOTA_LIMITS = {
    "queries": "max_queries",
    "errors": "max_errors",
    "result_rows": "max_result_rows",
    "result_bytes": "max_result_bytes",
    "read_rows": "max_read_rows",
    "read_bytes": "max_read_bytes",
}


def profiles(users_tree: ConfigNode) -> list[ProfileFacts]:
    section = users_tree.child("profiles")
    return [
        ProfileFacts(name=p.tag, storage=STORAGE, location=p.location)
        for p in (section.children if section is not None else [])
    ]


def _constraint(node: ConfigNode) -> tuple[str | None, str | None, str | None]:
    writability = next((WRITABILITY[c.tag] for c in node.children if c.tag in WRITABILITY), None)
    return node.text_of("min"), node.text_of("max"), writability


def _profile_elements(profile: ConfigNode) -> list[ProfileElement]:
    name = profile.tag
    constraints_node = profile.child("constraints")
    constraints = {c.tag: c for c in constraints_node.children} if constraints_node is not None else {}
    elements = [
        ProfileElement(profile_name=name, inherit_profile=parent.text, location=parent.value_location)
        for parent in profile.all("profile")
    ]
    for setting in profile.children:
        if setting.tag in ("profile", "constraints") or not setting.is_leaf:
            continue
        low, high, writability = (
            _constraint(constraints.pop(setting.tag)) if setting.tag in constraints else (None,) * 3
        )
        elements.append(
            ProfileElement(
                profile_name=name,
                setting_name=setting.tag,
                value=None if setting.unresolved else safe_value(setting.tag, setting.text),
                min=low,
                max=high,
                writability=writability,
                location=setting.value_location,
            )
        )
    for setting_name, node in constraints.items():
        low, high, writability = _constraint(node)
        elements.append(
            ProfileElement(
                profile_name=name,
                setting_name=setting_name,
                min=low,
                max=high,
                writability=writability,
                location=node.location,
            )
        )
    return elements


def profile_elements(users_tree: ConfigNode, users: list[UserFacts]) -> list[ProfileElement]:
    """Profile lines, then one `inherit_profile` line per user (as system.settings_profile_elements)."""
    section = users_tree.child("profiles")
    elements = [e for p in (section.children if section is not None else []) for e in _profile_elements(p)]
    users_section = users_tree.child("users")
    by_name = users_section.first_by_tag() if users_section is not None else {}
    for user in users:
        node = by_name.get(user.name)
        profile = node.child("profile") if node is not None else None
        if profile is not None and profile.text:
            elements.append(
                ProfileElement(user_name=user.name, inherit_profile=profile.text, location=profile.value_location)
            )
    return elements


def _interval(node: ConfigNode) -> QuotaInterval:
    limits: dict[str, int | float | None] = {
        field: as_int(node.text_of(tag)) for tag, field in QUOTA_LIMITS.items() if node.child(tag) is not None
    }
    if node.child("execution_time") is not None:
        limits["max_execution_time"] = as_float(node.text_of("execution_time"))
    return QuotaInterval.model_validate({"duration": as_int(node.text_of("duration")) or 0, **limits})


def _keys(quota: ConfigNode) -> list[str]:
    if quota.child("keyed_by_ip") is not None:
        return ["ip_address"]
    if quota.child("keyed") is not None:
        return ["client_key", "user_name"]
    return ["user_name"]


def quotas(users_tree: ConfigNode, users: list[UserFacts]) -> list[QuotaFacts]:
    section = users_tree.child("quotas")
    return [
        QuotaFacts(
            name=q.tag,
            keys=_keys(q),
            intervals=[_interval(i) for i in q.all("interval")],
            apply_to_list=sorted(u.name for u in users if u.quota == q.tag),
            location=q.location,
        )
        for q in (section.children if section is not None else [])
    ]
