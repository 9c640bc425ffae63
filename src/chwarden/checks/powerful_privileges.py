"""Privileges that reach beyond the data: outside sources (file, url, s3, remote...), SYSTEM,
introspection functions and secret display.

Each family of access types is a row of data, so adding a dangerous privilege is a data change, not a
new function.
"""

from __future__ import annotations

from collections.abc import Iterator

from chwarden.analysis.principals import accepted_admin, session_user
from chwarden.analysis.server_config import is_true
from chwarden.checks.fixes import constraint_lines, users_d_xml, xml_fragment, xml_users_era
from chwarden.checks.grants import grant_hits
from chwarden.checks.references import REF_ACCESS, REF_GRANT, REF_INTROSPECTION
from chwarden.checks.registry import Hit, check
from chwarden.clickhouse.sql import quote_ident
from chwarden.facts import Snapshot
from chwarden.model import Remediation, Severity

CATEGORY = "privileges"


# READ/WRITE are how 25.x+ reports source grants (`GRANT READ ON S3`); the source is in access_object.
SOURCE_TYPES = frozenset(
    {
        "SOURCES",
        "FILE",
        "URL",
        "S3",
        "REMOTE",
        "MYSQL",
        "POSTGRES",
        "ODBC",
        "JDBC",
        "HDFS",
        "HIVE",
        "AZURE",
        "KAFKA",
        "MONGO",
        "NATS",
        "RABBITMQ",
        "REDIS",
        "SQLITE",
        "YTSAURUS",
        "ARROW FLIGHT",
        "BIGQUERY",
        "DISK",
        "READ",
        "WRITE",
    }
)


INTROSPECTION_TYPES = frozenset(
    {"INTROSPECTION", "addressToLine", "addressToLineWithInlines", "addressToSymbol", "demangle"}
)


SECRETS_DISPLAY_TYPES = frozenset(
    {
        "displaySecretsInShowAndSelect",
        "SHOW NAMED COLLECTIONS SECRETS",
        "NAMED COLLECTION ADMIN",
        "NAMED COLLECTION CONTROL",
    }
)


@check(
    "dangerous_sources_granted",
    title="Table functions/engines that reach files, URLs or other databases are granted",
    severity=Severity.HIGH,
    category=CATEGORY,
    rationale=(
        "SOURCES and its children (FILE, URL, S3, REMOTE, MYSQL, POSTGRES, ODBC, JDBC, HDFS, AZURE...) "
        "let a user read local files under user_files_path, reach internal services (SSRF), pivot into "
        "other databases and exfiltrate data. Wiz noted file() could expose files on DeepSeek's server."
    ),
    remediation="Revoke SOURCES; grant only the one source an ETL account needs (e.g. READ ON S3).",
    references=(REF_GRANT, REF_ACCESS),
)
def dangerous_sources_granted(snapshot: Snapshot) -> Iterator[Hit]:
    yield from grant_hits(snapshot, SOURCE_TYPES)


@check(
    "system_privilege_granted",
    title="SYSTEM privileges (shutdown, reload, drop replica...) are granted to a non-admin",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "SYSTEM statements stop the server, reload config and users, drop replicas or caches and "
        "stop merges: denial of service and tampering for whoever holds them."
    ),
    remediation="Revoke SYSTEM; give an operations role only the SYSTEM sub-privileges it needs.",
    references=(REF_GRANT, "https://clickhouse.com/docs/sql-reference/statements/system"),
)
def system_privilege_granted(snapshot: Snapshot) -> Iterator[Hit]:
    yield from grant_hits(snapshot, None, system=True)


@check(
    "introspection_allowed",
    title="Introspection functions are granted or enabled",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "addressToLine, addressToSymbol and demangle reveal the server binary's layout and stack "
        "traces, which helps turn a memory-safety bug into an exploit. They are off by default."
    ),
    remediation="Revoke INTROSPECTION and keep allow_introspection_functions = 0 (CONST).",
    references=(REF_INTROSPECTION, REF_GRANT),
)
def introspection_allowed(snapshot: Snapshot) -> Iterator[Hit]:
    if snapshot.grants is None and snapshot.profile_elements is None and snapshot.effective_settings is None:
        snapshot.need("grants")
    yield from grant_hits(snapshot, INTROSPECTION_TYPES)
    if snapshot.profile_elements is not None:
        for element in snapshot.profile_elements:
            if element.setting_name == "allow_introspection_functions" and is_true(element.value):
                owner = _owner(element.profile_name, element.user_name, element.role_name)
                yield Hit(
                    resource=owner,
                    evidence={"setting": "allow_introspection_functions", "value": element.value},
                    remediation=_setting_fix(snapshot, owner, "allow_introspection_functions", "0"),
                    location=element.location,
                )
    elif snapshot.effective_settings is not None:
        value = snapshot.effective_settings.get("allow_introspection_functions")
        if value is not None and is_true(value.value):
            user = session_user(snapshot) or "default"
            yield Hit(
                resource=f"session:{user}",
                evidence={"setting": "allow_introspection_functions", "value": value.value},
                remediation=_setting_fix(snapshot, f"user:{user}", "allow_introspection_functions", "0"),
            )


def _owner(profile: str | None, user: str | None, role: str | None) -> str:
    if profile is not None:
        return f"profile:{profile}"
    return f"user:{user}" if user is not None else f"role:{role}"


def _setting_fix(snapshot: Snapshot, owner: str, setting: str, value: str) -> Remediation:
    kind, _, name = owner.partition(":")
    profile = name if kind == "profile" else "default"
    xml = xml_fragment(
        "<profiles>",
        f"  <{profile}>",
        f"    <{setting}>{value}</{setting}>",
        *constraint_lines(snapshot, f"<{setting}><readonly/></{setting}>"),
        f"  </{profile}>",
        "</profiles>",
    )
    if xml_users_era(snapshot):
        return Remediation(xml=xml)
    target = {"profile": "SETTINGS PROFILE", "user": "USER", "role": "ROLE"}[kind]
    sql = f"ALTER {target} {quote_ident(name)} MODIFY SETTINGS {setting} = {value} CONST;"
    return Remediation(sql=sql, xml=xml)


@check(
    "secrets_display_privilege_granted",
    title="A non-admin may display hidden secrets (displaySecretsInShowAndSelect, named collection secrets)",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "These privileges reveal credentials that ClickHouse otherwise masks in SHOW CREATE, "
        "system.tables, system.dictionaries and system.named_collections."
    ),
    remediation=("Revoke displaySecretsInShowAndSelect, SHOW NAMED COLLECTIONS SECRETS and NAMED COLLECTION ADMIN."),
    references=(REF_GRANT, "https://clickhouse.com/docs/operations/named-collections"),
)
def secrets_display_privilege_granted(snapshot: Snapshot) -> Iterator[Hit]:
    seen: set[str] = set()
    for hit in grant_hits(snapshot, SECRETS_DISPLAY_TYPES):
        seen.add(hit.resource)
        yield hit
    admin = accepted_admin(snapshot)
    for user in snapshot.users or []:
        flags = {
            k: True
            for k, v in (
                ("show_named_collections_secrets", user.show_named_collections_secrets),
                ("named_collection_control", user.named_collection_control),
            )
            if v
        }
        resource = f"user:{user.name}"
        if flags and user.name != admin and resource not in seen:
            lines = [f"<{k}>0</{k}>" for k in flags]
            yield Hit(
                resource=resource,
                evidence=flags,
                remediation=Remediation(xml=users_d_xml(user.name, *lines)),
                location=user.location,
            )
