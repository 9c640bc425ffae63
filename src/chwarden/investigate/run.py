"""Gather what an investigation needs (sensitive tables, past alerts) and run it on one target."""

from __future__ import annotations

import time
from collections.abc import Sequence

from chwarden.clickhouse.sql import quote_string as sql_string
from chwarden.connect import Credentials, Target, connect
from chwarden.connect.querytag import QueryTagger, tagging
from chwarden.discover.run import DiscoverOptions, discover_live
from chwarden.investigate.engine import InvestigateOptions, Investigation, Investigator
from chwarden.model import Report, SensitiveData
from chwarden.store import Store, store_time
from chwarden.store import queries as q

SENSITIVE_CATEGORIES = ("secret", "conversation", "personal")


def _tables(entries: Sequence[SensitiveData], explicit: Sequence[str]) -> list[str]:
    found = {
        f"{e.database}.{e.table}" for e in entries if e.category in SENSITIVE_CATEGORIES and e.database != "system"
    }
    return sorted(found | set(explicit))


def investigate_target(
    target: Target,
    credentials: Credentials,
    name: str,
    options: InvestigateOptions,
    *,
    store: Store | None = None,
    tables: Sequence[str] = (),
    discover: bool = True,
    tagger: QueryTagger | None = None,
    verify_tls: bool = True,
    ca_file: str | None = None,
    query_timeout: int = 60,
) -> Report:
    """Investigate one target; sensitive tables from the store's last discover, else a sampled discover now."""
    sensitive: list[SensitiveData] = []
    if store is not None:
        stored = q.latest_inventory(store, name)
        sensitive = stored[1] if stored else []
    conn = connect(
        target,
        credentials,
        verify_tls=verify_tls,
        ca_file=ca_file,
        max_execution_time=query_timeout,
        table_functions=("clusterallreplicas",) if options.cluster else (),
    )
    try:
        with tagging(tagger):
            if not sensitive and discover:
                found = discover_live(conn, name, DiscoverOptions(sample_rows=10_000, scan_logs=False))
                sensitive = found.sensitive_data
            investigation = Investigation(name, _tables(sensitive, tables), sensitive=sensitive)
            if store is not None:
                since = store_time(time.time() - options.since_seconds)
                investigation.alerts = store.select(
                    "SELECT at, rule_id, severity, title, addresses, users, query_ids, events "
                    f"FROM {store.table('detections')} WHERE target = {sql_string(name)} AND at >= {sql_string(since)} "
                    "ORDER BY at"
                )
            return Investigator(conn, investigation, options).run()
    finally:
        conn.close()
