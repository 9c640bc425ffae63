"""Data checks: what `discover` found inside tables (secrets, personal data, chat logs).

Severity follows the data class (a live cloud key or a payment card outranks an IP address) and
becomes critical when the server lets anyone read it without a password, which is what turned
the DeepSeek log table into a breach. System logs are judged by `passwords_in_query_log`.
"""

from __future__ import annotations

from collections.abc import Iterator

from chwarden.analysis.principals import anonymous_login_accepted
from chwarden.checks.references import REF_GRANT, REF_MASKING, REF_ROW_POLICY
from chwarden.checks.registry import Hit, check
from chwarden.facts import Snapshot
from chwarden.model import Remediation, SensitiveData, Severity

CATEGORY = "data"
LOG_DATABASES = frozenset({"system"})


def _by_column(snapshot: Snapshot, category: str) -> dict[tuple[str, str, str], list[SensitiveData]]:
    entries: list[SensitiveData] = snapshot.need("sensitive_data")
    grouped: dict[tuple[str, str, str], list[SensitiveData]] = {}
    for e in entries:
        if e.category == category and e.database not in LOG_DATABASES:
            grouped.setdefault((e.database, e.table, e.column), []).append(e)
    return grouped


def _severity(base: Severity, snapshot: Snapshot) -> Severity:
    """Readable without a password: critical; otherwise the data class decides."""
    return Severity.CRITICAL if anonymous_login_accepted(snapshot) else base


def _hits(
    snapshot: Snapshot, category: str, base_of: dict[str, Severity], default: Severity, fix: str
) -> Iterator[Hit]:
    for (database, table, column), found in sorted(_by_column(snapshot, category).items()):
        base = max((base_of.get(e.detector, default) for e in found), key=lambda s: s.rank)
        open_to = anonymous_login_accepted(snapshot)
        yield Hit(
            resource=f"column:{database}.{table}.{column}",
            severity=_severity(base, snapshot),
            evidence={
                "detectors": {e.detector: e.rows_matched for e in found},
                "rows_scanned": max(e.rows_scanned for e in found),
                "sampled": any(e.sampled for e in found),
                "examples": [x for e in found for x in e.examples][:5],
                **({"readable_without_password_on": open_to} if open_to else {}),
            },
            remediation=(
                Remediation(text=f"Remove or mask these values in {table} before loading it anywhere.")
                if database == "file"
                else Remediation(sql=fix.format(table=f"{database}.{table}", column=column))
            ),
        )


_SECRET_SEVERITY = {
    "session_cookie": Severity.MEDIUM,
    "generic_secret": Severity.MEDIUM,
}
_PERSONAL_SEVERITY = {
    "payment_card": Severity.HIGH,
    "iban": Severity.HIGH,
    "ipv4": Severity.LOW,
    "ipv6": Severity.LOW,
}


@check(
    "secrets_in_table_data",
    title="Secrets stored in table data (API keys, tokens, passwords)",
    severity=Severity.HIGH,
    category=CATEGORY,
    rationale=(
        "Credentials written into log or event tables are readable by every account that can "
        "SELECT the table; the DeepSeek exposure leaked API keys exactly this way."
    ),
    remediation=(
        "Rotate every exposed credential, delete or mask the rows, stop the application from "
        "logging secrets, and restrict SELECT on the column."
    ),
    references=(REF_MASKING, REF_GRANT),
    needs=("sensitive_data",),
)
def secrets_in_table_data(snapshot: Snapshot) -> Iterator[Hit]:
    yield from _hits(
        snapshot,
        "secret",
        _SECRET_SEVERITY,
        Severity.HIGH,
        "-- after rotating the credentials: mask the column for everyone who does not need it\n"
        "REVOKE SELECT({column}) ON {table} FROM <role>;\n"
        "ALTER TABLE {table} UPDATE {column} = replaceRegexpAll({column}, '<pattern>', '[REDACTED]') WHERE 1;",
    )


@check(
    "personal_data_in_table_data",
    title="Personal data stored in table data (emails, phones, cards, IBANs, IPs)",
    severity=Severity.MEDIUM,
    category=CATEGORY,
    rationale=(
        "Personal data in free-text columns escapes the access rules set on the columns meant "
        "to hold it, and usually has no retention limit."
    ),
    remediation="Restrict SELECT on the column (column grants or row policies) and add a TTL.",
    references=(REF_GRANT, REF_ROW_POLICY),
    needs=("sensitive_data",),
)
def personal_data_in_table_data(snapshot: Snapshot) -> Iterator[Hit]:
    yield from _hits(
        snapshot,
        "personal",
        _PERSONAL_SEVERITY,
        Severity.MEDIUM,
        "REVOKE SELECT({column}) ON {table} FROM <role>;\n"
        "ALTER TABLE {table} MODIFY TTL <date column> + INTERVAL 30 DAY;",
    )


@check(
    "chat_logs_in_table_data",
    title="AI chat history stored in table data (prompts and answers)",
    severity=Severity.HIGH,
    category=CATEGORY,
    rationale=(
        "Users paste secrets, health and business data into chats; a table of prompts and answers "
        "is the most sensitive table a company holds. Chat history was the core of the DeepSeek leak."
    ),
    remediation="Limit SELECT on the table to the service that needs it, add a TTL, and encrypt or pseudonymise.",
    references=(REF_GRANT, REF_ROW_POLICY),
    needs=("sensitive_data",),
)
def chat_logs_in_table_data(snapshot: Snapshot) -> Iterator[Hit]:
    yield from _hits(
        snapshot,
        "conversation",
        {},
        Severity.HIGH,
        "REVOKE SELECT ON {table} FROM <role>;\nALTER TABLE {table} MODIFY TTL <date column> + INTERVAL 30 DAY;",
    )
