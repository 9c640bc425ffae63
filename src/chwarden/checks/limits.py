"""Limit checks: read-only enforcement, quotas, resource caps and their constraints.

Settings are judged per user through the profile chain when ``profile_elements`` were collected
(RBAC servers and config files), else on the audit session's effective settings (legacy servers);
see ``settings_subjects``. One profile that leaves many users unlimited is reported once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from chwarden.analysis.principals import is_passwordless, roles_of_user, session_is_passwordless, session_user
from chwarden.analysis.profiles import ProfileResolver, group_subjects, settings_subjects
from chwarden.analysis.versions import lacks
from chwarden.checks.authentication import PASSWORD_FIXES
from chwarden.checks.fixes import settings_fix, xml_fragment, xml_users_era
from chwarden.checks.references import REF_COMPLEXITY, REF_CONSTRAINTS, REF_PERMISSIONS, REF_PROFILES, REF_QUOTAS
from chwarden.checks.registry import Hit, check
from chwarden.clickhouse.features import CONSTRAINTS_SINCE
from chwarden.clickhouse.sql import quote_ident
from chwarden.facts import QuotaFacts, Snapshot, UserFacts
from chwarden.model import Remediation, Severity

CATEGORY = "limits"

# Settings that cap what one user may consume; raising them is what constraints prevent.
LIMIT_SETTINGS = frozenset(
    {
        "max_memory_usage",
        "max_memory_usage_for_user",
        "max_execution_time",
        "max_result_rows",
        "max_result_bytes",
        "max_rows_to_read",
        "max_bytes_to_read",
        "max_concurrent_queries_for_user",
        "max_threads",
    }
)


def _is_zero(value: str) -> bool:
    return value.strip() in ("", "0")


def _subject_hits(
    snapshot: Snapshot,
    names: tuple[str, ...],
    is_bad: Callable[[dict[str, str]], bool],
    fix: dict[str, str],
) -> Iterator[Hit]:
    """One hit per resource whose users end up with bad values of ``names``."""
    bad = [s for s in settings_subjects(snapshot, names) if is_bad(s.values)]
    for resource, subjects in group_subjects(bad).items():
        first = subjects[0]
        evidence: dict[str, object] = {
            "settings": first.values,
            "set_by": {n: src or "server default" for n, src in first.sources.items()},
        }
        users = sorted({u for s in subjects for u in s.users})
        if users:
            evidence["users"] = users
        yield Hit(
            resource=resource,
            evidence=evidence,
            remediation=settings_fix(snapshot, resource, fix),
            location=first.location,
        )


@check(
    "readonly_2_allows_setting_changes",
    title="readonly = 2 lets users change any limit (memory, time, result size)",
    severity=Severity.LOW,
    category=CATEGORY,
    rationale=(
        "readonly = 2 forbids writes but lets the user change every setting except readonly itself, "
        "so per-query memory, time and result limits can simply be raised."
    ),
    remediation="Use readonly = 1 and mark only the settings users may tune CHANGEABLE_IN_READONLY.",
    references=(REF_PERMISSIONS, REF_CONSTRAINTS),
)
def readonly_2_allows_setting_changes(snapshot: Snapshot) -> Iterator[Hit]:
    yield from _subject_hits(snapshot, ("readonly",), lambda v: v["readonly"].strip() == "2", {"readonly": "1"})


@check(
    "quota_without_limits",
    title="A quota limits nothing, or a user has no quota",
    severity=Severity.LOW,
    category=CATEGORY,
    rationale=(
        "The shipped `default` quota only counts usage: all its limits are 0. Without real limits per "
        "interval, one account can run unlimited queries, errors (brute force) and reads."
    ),
    remediation="Give every interval real limits (queries, errors, result_rows, read_rows, execution_time).",
    references=(REF_QUOTAS, "https://clickhouse.com/docs/sql-reference/statements/create/quota"),
    needs=("quotas",),
)
def quota_without_limits(snapshot: Snapshot) -> Iterator[Hit]:
    quotas: list[QuotaFacts] = snapshot.need("quotas")
    for quota in quotas:
        if any(i.limits_anything() for i in quota.intervals):
            continue
        yield Hit(
            resource=f"quota:{quota.name}",
            evidence={
                "intervals": [i.duration for i in quota.intervals],
                "applies_to": quota.apply_to_list or ("all" if quota.apply_to_all else []),
            },
            remediation=_quota_fix(snapshot, quota.name),
            location=quota.location,
        )
    for user in snapshot.users or []:
        if not _has_quota(snapshot, user, quotas):
            yield Hit(
                resource=f"user:{user.name}",
                evidence={"quota": None},
                title="A user has no quota",
                remediation=_quota_fix(snapshot, f"{user.name}_quota", user.name),
                location=user.location,
            )


def _has_quota(snapshot: Snapshot, user: UserFacts, quotas: list[QuotaFacts]) -> bool:
    if user.quota:
        return True
    names = {user.name, *roles_of_user(snapshot, user.name, default_only=False)}
    for q in quotas:
        if q.apply_to_all and not names & set(q.apply_to_except):
            return True
        if names & set(q.apply_to_list):
            return True
    return False


def _quota_fix(snapshot: Snapshot, quota: str, user: str | None = None) -> Remediation:
    xml = xml_fragment(
        "<quotas>",
        f"  <{quota}><interval><duration>3600</duration><queries>1000</queries><errors>100</errors>",
        "    <result_rows>100000000</result_rows><read_rows>10000000000</read_rows>",
        f"    <execution_time>3600</execution_time></interval></{quota}>",
        "</quotas>",
    )
    if user is not None:
        xml += "\n" + xml_fragment(f"<users><{user}><quota>{quota}</quota></{user}></users>")
    if xml_users_era(snapshot):
        return Remediation(xml=xml)
    to = f" TO {quote_ident(user)}" if user else ""
    verb = "CREATE QUOTA IF NOT EXISTS" if user else "ALTER QUOTA"
    sql = (
        f"{verb} {quote_ident(quota)} FOR INTERVAL 1 hour MAX queries = 1000, errors = 100, "
        f"result_rows = 100000000, read_rows = 10000000000, execution_time = 3600{to};"
    )
    return Remediation(sql=sql, xml=xml)


@dataclass(frozen=True)
class UnlimitedRule:
    """A resource cap that is off when every one of its settings is 0."""

    check_id: str
    title: str
    severity: Severity
    settings: tuple[str, ...]
    fix: dict[str, str]
    rationale: str


UNLIMITED_RULES = (
    UnlimitedRule(
        "unlimited_memory_usage",
        "A query may use unlimited memory (max_memory_usage = 0)",
        Severity.MEDIUM,
        ("max_memory_usage",),
        {"max_memory_usage": "10000000000"},
        "With max_memory_usage = 0 (the default since 22.5) a single query is bounded only by the "
        "server-wide limit, so one user can starve every other query (older servers' 10 GB default "
        "is a real limit and is not reported).",
    ),
    UnlimitedRule(
        "unlimited_execution_time",
        "Queries may run forever (max_execution_time = 0)",
        Severity.LOW,
        ("max_execution_time",),
        {"max_execution_time": "600"},
        "Without max_execution_time a runaway or hostile query holds CPU, memory and locks until someone kills it.",
    ),
    UnlimitedRule(
        "unlimited_result_size",
        "Queries may read and return unlimited rows (max_result_rows, max_rows_to_read... = 0)",
        Severity.MEDIUM,
        ("max_result_rows", "max_result_bytes", "max_rows_to_read"),
        {"max_result_rows": "1000000", "max_rows_to_read": "10000000000"},
        "With no result or read caps one query can copy a whole table out: the DeepSeek log_stream "
        "table could be dumped in a single request.",
    ),
    UnlimitedRule(
        "unlimited_concurrent_queries_for_user",
        "A user may run unlimited concurrent queries (max_concurrent_queries_for_user = 0)",
        Severity.LOW,
        ("max_concurrent_queries_for_user",),
        {"max_concurrent_queries_for_user": "10"},
        "Without a per-user cap one account can fill the server's max_concurrent_queries and lock everyone else out.",
    ),
)


def _register_unlimited(rule: UnlimitedRule) -> None:
    def judge(snapshot: Snapshot) -> Iterator[Hit]:
        yield from _subject_hits(
            snapshot, rule.settings, lambda values: all(_is_zero(v) for v in values.values()), rule.fix
        )

    check(
        rule.check_id,
        title=rule.title,
        severity=rule.severity,
        category=CATEGORY,
        rationale=rule.rationale,
        remediation="Set " + ", ".join(f"{k} = {v}" for k, v in rule.fix.items()) + " with a MAX constraint.",
        references=(REF_COMPLEXITY, REF_PROFILES),
    )(judge)


for _rule in UNLIMITED_RULES:
    _register_unlimited(_rule)


NO_CONSTRAINTS_BEFORE_19_14 = (
    "This server predates profile constraints (19.14): no config change can stop a user with readonly = 0 "
    "from raising its limits. Make accounts that only read readonly = 1, and upgrade to lock limits with "
    "<constraints>."
)


@check(
    "limits_not_constrained",
    title="A profile sets limits without constraints, so users can raise them",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "A limit in a profile is only a default: unless a MIN/MAX or CONST constraint guards it (or "
        "the user is readonly = 1), the user can SET it back to 0 in the next query."
    ),
    remediation="Add <constraints> (MAX or CONST) for every limit the profile sets.",
    references=(REF_CONSTRAINTS, REF_PROFILES),
    needs=("profile_elements",),
)
def limits_not_constrained(snapshot: Snapshot) -> Iterator[Hit]:
    resolver = ProfileResolver.of(snapshot)
    for owner in resolver.owners():
        own = [e for e in resolver.elements_of(owner) if e.setting_name in LIMIT_SETTINGS]
        own = [e for e in own if e.value is not None and not _is_zero(e.value)]
        if not own:
            continue
        resolved = resolver.resolve(owner)
        readonly = resolved.get("readonly")
        frozen = readonly is not None and (readonly.value or "").strip() == "1"
        loose = {}
        for e in own:
            rs = resolved.get(e.setting_name or "")
            if rs is None or rs.constrained:
                continue
            if frozen and (rs.writability or "").upper() != "CHANGEABLE_IN_READONLY":
                continue
            loose[e.setting_name or ""] = e.value or ""
        if loose:
            yield Hit(
                resource=owner,
                evidence={"unconstrained_limits": loose},
                remediation=settings_fix(snapshot, owner, loose)
                if not lacks(snapshot, CONSTRAINTS_SINCE)
                else Remediation(text=NO_CONSTRAINTS_BEFORE_19_14),
                location=own[0].location,
            )


@check(
    "ddl_allowed",
    title="A passwordless user may run DDL (allow_ddl = 1, readonly = 0)",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "allow_ddl = 1 (the default) with readonly = 0 lets an account without a password create, "
        "alter and drop tables - including File/URL engine tables that read local files."
    ),
    remediation="Set allow_ddl = 0 (CONST) in the profile of every passwordless account.",
    references=(REF_PERMISSIONS,),
    fixed_by=PASSWORD_FIXES,
)
def ddl_allowed(snapshot: Snapshot) -> Iterator[Hit]:
    names = ("readonly", "allow_ddl")
    if snapshot.effective_settings is None and snapshot.profile_elements is None:
        snapshot.need("effective_settings")
    session = session_user(snapshot) or "default"
    judged: set[str] = set()
    if snapshot.effective_settings is not None and session_is_passwordless(snapshot):
        judged.add(session)
        settings = snapshot.effective_settings
        values = {n: settings[n].value if n in settings else ("0" if n == "readonly" else "1") for n in names}
        if _is_zero(values["readonly"]) and not _is_zero(values["allow_ddl"]):
            yield Hit(
                resource=f"session:{session}",
                evidence={"settings": values, "passwordless": True},
                remediation=settings_fix(snapshot, "session:" + session, {"allow_ddl": "0"}),
            )
    if snapshot.profile_elements is None:
        return
    passwordless = {u.name for u in snapshot.need("users") if is_passwordless(u)} - judged
    subjects = [s for s in settings_subjects(snapshot, names) if set(s.users) & passwordless]
    for s in subjects:
        if _is_zero(s.values["readonly"]) and not _is_zero(s.values["allow_ddl"]):
            user = s.users[0]
            yield Hit(
                resource=f"user:{user}",
                evidence={"settings": s.values, "passwordless": True},
                remediation=settings_fix(snapshot, f"user:{user}", {"allow_ddl": "0"}),
            )
