"""System logs as scan targets: credentials in query_log, text_log and session_log.

The same detectors (secrets only) run over the query text of the last ``WINDOW_DAYS`` days, in the
server, exactly like a user table; chwarden's own queries (marked ``chwarden:``) are excluded, as
in ``sources/live/log_secrets.py`` whose window and row filter this reuses.
"""

from __future__ import annotations

from chwarden.connect.base import GuardedConnection
from chwarden.discover import sql
from chwarden.discover.column_scan import ColumnTarget, TableTarget, run
from chwarden.sources.live.log_secrets import WINDOW_DAYS

OWN_QUERIES = "chwarden:"
# (table, text column, extra row filter)
LOG_TABLES: tuple[tuple[str, str, str], ...] = (
    ("query_log", "query", "toInt8(type) IN (1, 3)"),  # QueryStart / ExceptionBeforeStart: one row per query
    ("text_log", "message", ""),
    ("session_log", "user", ""),
)


def log_targets(conn: GuardedConnection) -> tuple[list[TableTarget], list[str]]:
    """The system logs present on this server with the column each one is scanned on."""
    names = ", ".join(sql.quote(t) for t, _c, _w in LOG_TABLES)
    present = {
        (str(r["table"]), str(r["name"]))
        for r in run(
            conn,
            f"SELECT table, name FROM system.columns WHERE database = 'system' AND table IN ({names})",
        )
    }
    targets: list[TableTarget] = []
    absent: list[str] = []
    for table, column, extra in LOG_TABLES:
        if (table, column) not in present:
            absent.append(f"system.{table}")
            continue
        conditions = [f"position({sql.ident(column)}, {sql.quote(OWN_QUERIES)}) = 0"]
        if (table, "event_date") in present:
            conditions.append(f"event_date >= today() - {WINDOW_DAYS}")
        if extra:
            conditions.append(extra)
        targets.append(
            TableTarget(
                database="system",
                name=table,
                engine="SystemLog",
                source=f"system.{table}",
                columns=[ColumnTarget(column, "String", f"toString({sql.ident(column)})")],
                where=" AND ".join(conditions),
            )
        )
    return targets, absent
