"""Data exposure checks: credentials stored in DDL, visible secrets, and data a stranger can read.

Sources keep every credential only as a ``SecretRef`` fingerprint; evidence carries those
redacted strings and never anything else of the secret.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from chwarden.analysis.access import FALSE_FILTER, AccessModel
from chwarden.analysis.names import EXPOSURE_CATEGORIES, classify_name
from chwarden.analysis.principals import can_select, session_is_passwordless, session_user
from chwarden.analysis.versions import lacks
from chwarden.checks.authentication import PASSWORD_FIXES
from chwarden.checks.fixes import users_d_xml, xml_users_era
from chwarden.checks.references import (
    REF_DATABASE_ENGINES,
    REF_DEEPSEEK,
    REF_DICTIONARIES,
    REF_DISPLAY_SECRETS,
    REF_NAMED_COLLECTIONS,
    REF_ROW_POLICY,
    REF_TABLE_ENGINES,
)
from chwarden.checks.registry import Hit, check
from chwarden.clickhouse.features import XML_ROW_FILTERS_SINCE
from chwarden.clickhouse.sql import quote_ident
from chwarden.clickhouse.system import SYSTEM_DATABASES
from chwarden.facts import SecretRef, Snapshot, TableFacts
from chwarden.model import Remediation, Severity

CATEGORY = "exposure"

NAMED_COLLECTION_FIX = (
    "Move the credentials into a named collection (CREATE NAMED COLLECTION ... ) or config.d with from_env, "
    "recreate the object referencing it, and rotate the credential: it has been readable in the DDL."
)


def _secret_evidence(secrets: Iterable[SecretRef]) -> list[dict[str, str | None]]:
    return [{"kind": s.kind, "where": s.where, "redacted": s.redacted} for s in secrets]


@dataclass(frozen=True)
class StoredCredentialRule:
    """Objects of one kind whose definition may embed credentials."""

    check_id: str
    title: str
    fact: str
    noun: str
    reference: str


CREDENTIAL_RULES = (
    StoredCredentialRule(
        "credentials_in_table_engine",
        "A table engine definition contains credentials",
        "tables",
        "table",
        REF_TABLE_ENGINES,
    ),
    StoredCredentialRule(
        "credentials_in_database_engine",
        "A database engine definition contains credentials",
        "databases",
        "database",
        REF_DATABASE_ENGINES,
    ),
    StoredCredentialRule(
        "credentials_in_dictionary_source",
        "A dictionary source contains credentials",
        "dictionaries",
        "dictionary",
        REF_DICTIONARIES,
    ),
)


def _resource(noun: str, obj: object) -> str:
    database = getattr(obj, "database", None)
    name = str(getattr(obj, "name", ""))
    if noun == "database":
        return f"database:{name}"
    return f"{noun}:{database}.{name}" if database else f"{noun}:{name}"


def _register_credentials(rule: StoredCredentialRule) -> None:
    def judge(snapshot: Snapshot) -> Iterator[Hit]:
        for obj in snapshot.need(rule.fact):
            secrets: list[SecretRef] = obj.secrets
            if not secrets:
                continue
            evidence: dict[str, object] = {"secrets": _secret_evidence(secrets)}
            for attr in ("engine", "source_type"):
                if getattr(obj, attr, None):
                    evidence[attr] = getattr(obj, attr)
            yield Hit(resource=_resource(rule.noun, obj), evidence=evidence)

    check(
        rule.check_id,
        title=rule.title,
        severity=Severity.HIGH,
        category=CATEGORY,
        rationale=(
            f"Credentials written into a {rule.noun} definition are stored in metadata files and shown by "
            "SHOW CREATE and system tables to anyone allowed to see the object (always before 22.12's "
            "masking, and to holders of displaySecretsInShowAndSelect after)."
        ),
        remediation=NAMED_COLLECTION_FIX,
        references=(rule.reference, REF_NAMED_COLLECTIONS, REF_DISPLAY_SECRETS),
        needs=(rule.fact,),
    )(judge)


for _rule in CREDENTIAL_RULES:
    _register_credentials(_rule)


@check(
    "named_collection_secrets_visible",
    title="Named collection secrets are readable in clear",
    severity=Severity.HIGH,
    category=CATEGORY,
    rationale=(
        "The audit account read named collection values unmasked: whoever holds the same rights "
        "(SHOW NAMED COLLECTIONS SECRETS) sees the stored credentials."
    ),
    remediation="Revoke SHOW NAMED COLLECTIONS SECRETS from everyone but the admin and rotate the values.",
    references=(REF_NAMED_COLLECTIONS,),
    needs=("named_collections",),
)
def named_collection_secrets_visible(snapshot: Snapshot) -> Iterator[Hit]:
    user = session_user(snapshot)
    for nc in snapshot.need("named_collections"):
        if not nc.secrets_visible:
            continue
        sql = f"REVOKE SHOW NAMED COLLECTIONS SECRETS ON * FROM {quote_ident(user)};" if user else None
        yield Hit(
            resource=f"named_collection:{nc.name}",
            evidence={"keys": nc.keys, "secrets": _secret_evidence(nc.secrets), "seen_by": user},
            remediation=Remediation(sql=sql),
        )


def _sensitive_columns(table: TableFacts) -> list[str]:
    return [name for name, _type in table.columns if classify_name(column=name) & set(EXPOSURE_CATEGORIES)]


@check(
    "sensitive_looking_tables_readable",
    title="Tables that look like logs, chats or credentials are readable without a password",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "The audit logged in without a password and could read tables whose names or columns look "
        "like chat history, prompts, log streams or credentials - the DeepSeek pattern, where a "
        "log_stream table with chat history and API keys was open to anyone."
    ),
    remediation="Require a password, then grant SELECT on these tables only to the roles that need them.",
    references=(REF_DEEPSEEK, REF_ROW_POLICY),
    needs=("tables",),
    fixed_by=PASSWORD_FIXES,
)
def sensitive_looking_tables_readable(snapshot: Snapshot) -> Iterator[Hit]:
    tables: list[TableFacts] = snapshot.need("tables")
    if not session_is_passwordless(snapshot):
        return
    user = session_user(snapshot)
    for table in tables:
        if table.database in SYSTEM_DATABASES or table.is_temporary:
            continue
        columns = _sensitive_columns(table)
        if not (columns or classify_name(table=table.name) & set(EXPOSURE_CATEGORIES)):
            continue
        if not can_select(snapshot, user, table.database, table.name):
            continue
        if _rows_hidden(snapshot, user or "default", table):
            continue
        empty = table.total_rows == 0
        yield Hit(
            resource=f"table:{table.database}.{table.name}",
            evidence={
                "table": f"{table.database}.{table.name}",
                "rows": table.total_rows,
                "matching_columns": columns,
                "readable_by": user or "default",
                "passwordless": True,
            },
            severity=Severity.INFO if empty else None,
            remediation=_hide_table_fix(snapshot, user or "default", table),
        )


def _hide_table_fix(snapshot: Snapshot, user: str, table: TableFacts) -> Remediation:
    """REVOKE for SQL users, a users.xml row filter where the version has them, else allow_databases."""
    if xml_users_era(snapshot):  # 18.x: no REVOKE, no row filters; only whole databases can be withheld
        return Remediation(
            xml=users_d_xml(user, "<allow_databases><database>ALLOWED_DATABASE</database></allow_databases>"),
            text="This version cannot hide one table: give the user a password, or list in <allow_databases> "
            "only databases without this table.",
        )
    return Remediation(
        sql=f"REVOKE SELECT ON {quote_ident(table.database)}.{quote_ident(table.name)} FROM {quote_ident(user)};",
        xml=None if lacks(snapshot, XML_ROW_FILTERS_SINCE) else _hide_rows_xml(user, table.database, table.name),
    )


def _rows_hidden(snapshot: Snapshot, user: str, table: TableFacts) -> bool:
    """A row policy shows this user no row of the table (e.g. the `<filter>0</filter>` fix below)."""
    if not snapshot.row_policies:
        return False
    model = snapshot.memo("access_model", lambda: AccessModel.build(snapshot))
    return model.row_filter(user, table.database, table.name) == FALSE_FILTER


XML_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _hide_rows_xml(user: str, database: str, table: str) -> str | None:
    """A users.xml row filter that shows the user no row of the table (every version has it)."""
    if not all(XML_NAME.match(name) for name in (user, database, table)):
        return None  # not expressible as XML element names
    return users_d_xml(user, f"<databases><{database}><{table}><filter>0</filter></{table}></{database}></databases>")
