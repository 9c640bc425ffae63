"""A discover run as a report: the data checks judge what was found, the report carries it."""

from __future__ import annotations

from collections.abc import Sequence

from chwarden.checks.judge import judge
from chwarden.checks.registry import get_check
from chwarden.discover.run import DiscoverResult
from chwarden.facts import AnonymousLogin, ConnectionInfo, Snapshot
from chwarden.model import Report

DATA_CHECKS = (
    "secrets_in_table_data",
    "personal_data_in_table_data",
    "chat_logs_in_table_data",
    "passwords_in_query_log",
)


def build_report(
    target: str,
    result: DiscoverResult,
    *,
    anonymous: tuple[str, int] | None = None,
    started_at: str | None = None,
    connection: ConnectionInfo | None = None,
    failed: Sequence[tuple[str, str]] = (),
) -> Report:
    """Judge a DiscoverResult with the data checks; the report carries its sensitive_data.

    ``connection`` says how the data was read (the login and lock of a server, or files).
    """
    snapshot = Snapshot(
        target=target,
        connection=connection or ConnectionInfo(kind="files"),
        sensitive_data=result.sensitive_data,
        log_secrets=result.log_findings_facts,
        anonymous_login=[AnonymousLogin(protocol=anonymous[0], port=anonymous[1], accepted=True)] if anonymous else [],
        errors=list(result.errors),
        partial=result.partial,
    )
    report = judge(
        [snapshot],
        command="discover",
        started_at=started_at,
        checks=[get_check(c) for c in DATA_CHECKS],
        failed=list(failed),
    )
    return report.model_copy(update={"sensitive_data": list(result.sensitive_data)})
