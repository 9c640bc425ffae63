"""Logging checks: is there an audit trail, how long is it kept, and does it leak secrets."""

from __future__ import annotations

from collections.abc import Iterator

from chwarden.analysis.principals import accepted_admin, grants_of_principals, session_user
from chwarden.analysis.profiles import group_subjects, settings_subjects
from chwarden.analysis.server_config import config_known, config_section, config_value, is_true
from chwarden.analysis.versions import lacks, version_at_least
from chwarden.checks.fixes import settings_fix, xml_fragment
from chwarden.checks.references import (
    REF_DISPLAY_SECRETS,
    REF_LOG_QUERIES,
    REF_LOGGER,
    REF_MASKING,
    REF_QUERY_LOG,
    REF_SERVER_SETTINGS,
    REF_SESSION_LOG,
)
from chwarden.checks.registry import Hit, check, version_lacks_feature
from chwarden.clickhouse.features import DISPLAY_SECRETS_SINCE, LOG_TTL_SINCE, MASKING_SINCE, SESSION_LOG_SINCE
from chwarden.facts import LogSecretFacts, Snapshot, SystemLogFacts
from chwarden.model import Remediation, Severity

CATEGORY = "logging"
VERBOSE_LEVELS = frozenset({"trace", "debug", "test"})


def _log_section_fix(name: str, with_ttl: bool = True) -> str:
    ttl = "\n    <ttl>event_date + INTERVAL 30 DAY DELETE</ttl>" if with_ttl else ""
    return (
        f"<clickhouse>\n  <{name}>\n    <database>system</database>\n    <table>{name}</table>"
        f"\n    <partition_by>toYYYYMM(event_date)</partition_by>{ttl}\n  </{name}>\n</clickhouse>"
    )


def _log_entry(logs: list[SystemLogFacts], name: str) -> SystemLogFacts | None:
    return next((entry for entry in logs if entry.name == name), None)


def _log_missing(snapshot: Snapshot, entry: SystemLogFacts | None, name: str) -> bool:
    """True when the log is proven absent. A live server lists only tables already created, so
    a missing table still counts as present when the config files have its section."""
    if entry is not None and (entry.configured is True or entry.exists is True):
        return False
    if entry is not None and entry.configured is False:
        return True
    if not config_known(snapshot):
        return entry is not None and entry.exists is False
    return not config_section(snapshot, name)


@check(
    "query_log_disabled",
    title="Queries are not logged (log_queries = 0 or no query_log)",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "system.query_log is the audit trail of who ran what, from where. Without it an intrusion "
        "like the DeepSeek exposure cannot be scoped. log_queries was 0 by default before 20.5."
    ),
    remediation="Set log_queries = 1 (CONST) in the default profile and keep the <query_log> section.",
    references=(REF_LOG_QUERIES, REF_QUERY_LOG),
)
def query_log_disabled(snapshot: Snapshot) -> Iterator[Hit]:
    if snapshot.system_logs is not None:
        entry = _log_entry(snapshot.system_logs, "query_log")
        if _log_missing(snapshot, entry, "query_log"):
            yield Hit(
                resource="table:system.query_log",
                evidence={
                    "exists": entry.exists if entry else None,
                    "configured": entry.configured if entry else None,
                },
                remediation=Remediation(xml=_log_section_fix("query_log")),
                location=entry.location if entry else None,
            )
    elif snapshot.profile_elements is None and snapshot.effective_settings is None:
        snapshot.need("system_logs")
    if snapshot.profile_elements is None and snapshot.effective_settings is None:
        return
    off = [s for s in settings_subjects(snapshot, ("log_queries",)) if not is_true(s.values["log_queries"])]
    for resource, subjects in group_subjects(off).items():
        yield Hit(
            resource=resource,
            evidence={
                "log_queries": subjects[0].values["log_queries"],
                "set_by": subjects[0].sources["log_queries"] or "server default",
                "users": sorted({u for s in subjects for u in s.users}),
            },
            remediation=settings_fix(snapshot, resource, {"log_queries": "1"}),
            location=subjects[0].location,
        )


NO_LOG_TTL = (
    "This version ignores <ttl> in log sections (21.1+): drop old monthly partitions of system.{name} "
    "on a schedule (ALTER TABLE system.{name} DROP PARTITION ...), and upgrade."
)


@check(
    "system_log_without_ttl",
    title="A system log table keeps data forever (no TTL)",
    severity=Severity.LOW,
    category=CATEGORY,
    rationale=(
        "query_log, text_log, session_log and friends hold query text with literals, user names, "
        "addresses and occasional secrets; without a TTL they grow forever and so does the exposure."
    ),
    remediation="Add <ttl>event_date + INTERVAL 30 DAY DELETE</ttl> to each log section.",
    references=(REF_SERVER_SETTINGS + "#query_log", REF_QUERY_LOG),
    needs=("system_logs",),
)
def system_log_without_ttl(snapshot: Snapshot) -> Iterator[Hit]:
    old = lacks(snapshot, LOG_TTL_SINCE)  # <ttl> in a log section is ignored before 21.1
    for entry in snapshot.need("system_logs"):
        present = entry.exists is True or entry.configured is True
        if present and entry.has_ttl is False:
            yield Hit(
                resource=f"table:system.{entry.name}",
                evidence={"log": entry.name, "has_ttl": False},
                remediation=Remediation(text=NO_LOG_TTL.format(name=entry.name))
                if old
                else Remediation(xml=_log_section_fix(entry.name)),
                location=entry.location,
            )


@check(
    "no_query_masking_rules",
    title="No query_masking_rules: secrets in query text reach the logs verbatim",
    severity=Severity.LOW,
    category=CATEGORY,
    rationale=(
        "query_masking_rules rewrite query text before it is written to query_log, text_log, "
        "processes and server logs. Built-in masking only covers known DDL forms; tokens and "
        "passwords in literals (INSERT ... 'sk-...') are kept unless a rule masks them."
    ),
    remediation="Add <query_masking_rules> for the token, card and password shapes your data uses.",
    references=(REF_MASKING,),
    needs=("server_config",),
)
def no_query_masking_rules(snapshot: Snapshot) -> Iterator[Hit]:
    logging = _logs_keeping_queries(snapshot)
    if logging == []:
        return  # issue 13: the rules mask what query_log/text_log keep; with neither on, nothing is kept
    if lacks(snapshot, MASKING_SINCE):  # older servers ignore the section: nothing is masked
        yield version_lacks_feature(
            snapshot,
            "setting:query_masking_rules",
            "query_masking_rules",
            "This version has no query_masking_rules (19.14+): keep secrets out of query text (query parameters, "
            "named collections after upgrading), restrict who reads query_log, and upgrade.",
        )
        return
    if config_section(snapshot, "query_masking_rules"):
        return
    xml = (
        "<clickhouse>\n  <query_masking_rules>\n    <rule>\n      <name>hide api keys</name>\n"
        "      <regexp>sk-[A-Za-z0-9_-]{20,}</regexp>\n      <replace>sk-***</replace>\n    </rule>\n"
        "    <rule>\n      <name>hide passwords</name>\n      <regexp>(?i)password\\s*=\\s*'[^']*'</regexp>\n"
        "      <replace>password = '***'</replace>\n    </rule>\n  </query_masking_rules>\n</clickhouse>"
    )
    yield Hit(
        resource="setting:query_masking_rules",
        evidence={"configured": False, "logs_keeping_query_text": logging},
        remediation=Remediation(xml=xml),
    )


def _logs_keeping_queries(snapshot: Snapshot) -> list[str] | None:
    """query_log (when some account logs queries) and text_log, when on; None when that is unknown."""
    if snapshot.system_logs is None:
        return None
    on: list[str] = []
    query_log = _log_entry(snapshot.system_logs, "query_log")
    if not _log_missing(snapshot, query_log, "query_log") and _some_account_logs_queries(snapshot):
        on.append("query_log")
    text_log = _log_entry(snapshot.system_logs, "text_log")
    if not _log_missing(snapshot, text_log, "text_log"):
        on.append("text_log")
    return on


def _some_account_logs_queries(snapshot: Snapshot) -> bool:
    if snapshot.profile_elements is None and snapshot.effective_settings is None:
        return True  # unknown: assume the version's default
    return any(is_true(s.values["log_queries"]) for s in settings_subjects(snapshot, ("log_queries",)))


@check(
    "secrets_shown_in_show_select",
    title="Hidden secrets can be displayed in SHOW CREATE and system tables",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "display_secrets_in_show_and_select = 1 lets holders of displaySecretsInShowAndSelect see "
        "credentials in SHOW CREATE TABLE, system.tables and system.dictionaries by setting "
        "format_display_secrets_in_show_and_select = 1 - the masking that protects them is undone."
    ),
    remediation="Set display_secrets_in_show_and_select to 0 in config.d/ and restart.",
    references=(REF_DISPLAY_SECRETS,),
    needs=("server_config",),
)
def secrets_shown_in_show_select(snapshot: Snapshot) -> Iterator[Hit]:
    if version_at_least(snapshot, DISPLAY_SECRETS_SINCE) is False:
        return  # secrets are not masked at all before; credentials_in_* checks cover that
    value = config_value(snapshot, "display_secrets_in_show_and_select")
    if value is None or not is_true(value.value):
        return
    admin = accepted_admin(snapshot)
    holders = sorted(
        {
            g.grantee
            for g in snapshot.grants or []
            if g.access_type in ("displaySecretsInShowAndSelect", "ALL") and not g.is_partial_revoke
            if g.user_name != admin
        }
    )
    format_on = _format_setting_on(snapshot)
    evidence: dict[str, object] = {"display_secrets_in_show_and_select": value.value}
    if holders:
        evidence["privilege_holders"] = holders
    if format_on:
        evidence["format_display_secrets_in_show_and_select_enabled_for"] = format_on
    yield Hit(
        resource="setting:display_secrets_in_show_and_select",
        evidence=evidence,
        severity=Severity.HIGH if holders and format_on else None,
        remediation=Remediation(
            xml=xml_fragment("<display_secrets_in_show_and_select>0</display_secrets_in_show_and_select>")
        ),
        location=value.location,
    )


def _format_setting_on(snapshot: Snapshot) -> list[str]:
    """Who has format_display_secrets_in_show_and_select = 1 in a profile or the session."""
    name = "format_display_secrets_in_show_and_select"
    found = [
        f"{e.profile_name or e.user_name or e.role_name}"
        for e in snapshot.profile_elements or []
        if e.setting_name == name and is_true(e.value)
    ]
    session = (snapshot.effective_settings or {}).get(name)
    if session is not None and is_true(session.value):
        user = session_user(snapshot) or "session"
        if grants_of_principals(snapshot, user) or snapshot.grants is None:
            found.append(f"session:{user}")
    return sorted(set(found))


@check(
    "passwords_in_query_log",
    title="Passwords and other secrets are stored in the query/text logs",
    severity=Severity.HIGH,
    category=CATEGORY,
    rationale=(
        "Secrets sent in query text (CREATE USER ... BY, table functions with credentials, URLs with "
        "user:password) were written to system logs, which many users can read and which are kept "
        "until a TTL removes them. Treat every credential found as exposed."
    ),
    remediation=(
        "Rotate the exposed credentials, delete the rows (ALTER TABLE system.query_log DELETE WHERE ...) "
        "or drop the partitions, add query_masking_rules and upgrade to a version that masks them."
    ),
    references=(REF_MASKING, REF_QUERY_LOG),
    needs=("log_secrets",),
)
def passwords_in_query_log(snapshot: Snapshot) -> Iterator[Hit]:
    secrets: list[LogSecretFacts] = snapshot.need("log_secrets")
    by_log: dict[str, list[LogSecretFacts]] = {}
    for s in secrets:
        by_log.setdefault(s.log, []).append(s)
    for log, found in sorted(by_log.items()):
        table = log if log.startswith("system.") else f"system.{log}"
        column = "message" if table.endswith("text_log") else "query"
        yield Hit(
            resource=f"table:{table}",
            evidence={
                "count": sum(s.count for s in found),
                "kinds": {s.kind: s.count for s in found},
                "users": sorted({u for s in found for u in s.users}),
                "examples": [e for s in found for e in s.examples][:5],
            },
            remediation=Remediation(
                sql=(
                    "-- after rotating the credentials, delete the rows that carry them:\n"
                    f"ALTER TABLE {table} DELETE WHERE {column} ILIKE '%<leaked value prefix>%';"
                ),
            ),
        )


@check(
    "session_log_disabled",
    title="Logins are not logged (no session_log)",
    severity=Severity.LOW,
    category=CATEGORY,
    rationale=(
        "system.session_log records successful and failed logins with client addresses; without it "
        "password guessing and logins from unexpected places leave no trace in ClickHouse."
    ),
    remediation="Enable <session_log> with a TTL (weigh the shipped config's caveat about it).",
    references=(REF_SESSION_LOG, REF_SERVER_SETTINGS + "#session_log"),
    needs=("system_logs",),
)
def session_log_disabled(snapshot: Snapshot) -> Iterator[Hit]:
    if version_at_least(snapshot, SESSION_LOG_SINCE) is False:
        return  # no session_log before 21.9
    entry = _log_entry(snapshot.need("system_logs"), "session_log")
    missing = _log_missing(snapshot, entry, "session_log")
    if entry is None and not config_known(snapshot):
        missing = not snapshot.capabilities.has_session_log  # the live table list is all we know
    if missing:
        yield Hit(
            resource="table:system.session_log",
            evidence={
                "exists": entry.exists if entry else None,
                "configured": entry.configured if entry else None,
            },
            remediation=Remediation(xml=_log_section_fix("session_log")),
            location=entry.location if entry else None,
        )


@check(
    "verbose_server_log_level",
    title="The server log level is trace/debug",
    severity=Severity.LOW,
    category=CATEGORY,
    rationale=(
        "At trace/debug the server log records query text, connection details and internal state; "
        "log files are often shipped and kept with looser access than the database itself."
    ),
    remediation="Set <logger><level>information</level></logger> on production servers.",
    references=(REF_LOGGER,),
    needs=("server_config",),
)
def verbose_server_log_level(snapshot: Snapshot) -> Iterator[Hit]:
    value = config_value(snapshot, "logger.level")
    level = value.value.strip().lower() if value is not None else "trace"  # the server's default
    if level in VERBOSE_LEVELS:
        yield Hit(
            resource="setting:logger.level",
            evidence={"level": level, "explicit": value is not None},
            remediation=Remediation(xml=xml_fragment("<logger><level>information</level></logger>")),
            location=value.location if value is not None else None,
        )
