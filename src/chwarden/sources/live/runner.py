"""Runs collection queries and turns every failure into a reason, never into a crash.

A failed query makes one fact unavailable (``FactUnavailable`` with the reason the snapshot will
show); a lost connection or the overall deadline stops the whole collection (``StopCollection``).
Queries are built from the columns the server actually has (``system.columns``), so one collector
works from 18.x to 26.x.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from chwarden.connect.base import (
    ChwardenConnectError,
    ConnectionLost,
    DeadlineReached,
    GuardedConnection,
    QueryFailed,
)
from chwarden.facts import Snapshot

NOT_ON_VERSION = "not available on this server version"
TIMED_OUT = 159


class FactUnavailable(Exception):
    """This fact cannot be collected; ``reason`` goes to ``snapshot.gaps``."""

    def __init__(self, reason: str, code: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code

    @property
    def denied(self) -> bool:
        return self.reason.startswith("permission denied")


class StopCollection(Exception):
    """Nothing more can be collected (connection lost, deadline)."""

    def __init__(self, reason: str, error: str) -> None:
        super().__init__(error)
        self.reason = reason
        self.error = error


def failure_reason(exc: QueryFailed) -> str:
    """The gap text for a failed query: permission, old version, or anything else."""
    text = str(exc)
    if exc.is_permission_denied:
        return f"permission denied: {text[:200]}"
    if exc.is_unknown_object:
        return f"{NOT_ON_VERSION} ({text[:160]})"
    return f"query failed: {text[:200]}"


@dataclass
class Collector:
    """One collection run: the connection, the snapshot being filled, and what the server has."""

    conn: GuardedConnection
    snapshot: Snapshot
    deadline: float  # time.monotonic() value
    system_tables: set[str] = field(default_factory=set)
    columns: dict[str, dict[str, str]] = field(default_factory=dict)  # table -> column -> type
    functions: set[str] = field(default_factory=set)
    listing_hidden: bool = False  # system.tables is filtered: tables were found by probing
    answered: bool = False
    unknown_tables: str | None = None  # why the system tables could not be listed (then none is "absent")

    def rows(self, sql: str) -> list[dict[str, Any]]:
        """Run one read-only query; failures become FactUnavailable or StopCollection."""
        if time.monotonic() > self.deadline:
            raise StopCollection("not collected: deadline exceeded", "collection deadline exceeded")
        try:
            result = self.conn.query(sql)
        except QueryFailed as exc:
            self.answered = True
            if exc.code == TIMED_OUT:
                self.timed_out(str(exc))
            raise FactUnavailable(failure_reason(exc), exc.code) from exc
        except DeadlineReached as exc:
            if not self.answered:
                raise
            raise StopCollection("not collected: deadline exceeded", "run deadline reached") from exc
        except ConnectionLost as exc:
            raise StopCollection("not collected: connection lost", f"connection lost: {exc}") from exc
        except ChwardenConnectError as exc:
            if not self.answered:
                raise  # the target never answered: the caller reports it as unreachable
            raise StopCollection("not collected: connection lost", f"connection lost: {exc}") from exc
        self.answered = True
        return result.dicts()

    def timed_out(self, error: str) -> None:
        """A timeout is unknown, never "no": the facts it leaves out make the target partial."""
        self.snapshot.partial = True
        note = f"a query timed out, its facts are not checked ({error[:160]})"
        if note not in self.snapshot.errors:
            self.snapshot.errors.append(note)

    def optional_rows(self, sql: str) -> list[dict[str, Any]] | None:
        """Like ``rows`` for a supplementary query whose failure must not drop the main fact."""
        try:
            return self.rows(sql)
        except FactUnavailable:
            return None

    def has_table(self, table: str) -> bool:
        return table in self.system_tables

    def present(self, table: str, wanted: Iterable[str]) -> list[str]:
        """The wanted columns of ``system.<table>`` that exist on this server, in order."""
        have = self.columns.get(table, {})
        return [c for c in wanted if c in have]

    def column_type(self, table: str, column: str) -> str | None:
        return self.columns.get(table, {}).get(column)

    def select(
        self,
        table: str,
        wanted: Sequence[str],
        *,
        required: Sequence[str] = ("name",),
        where: str = "",
        limit: int | None = None,
        expressions: Sequence[str] = (),
    ) -> list[dict[str, Any]]:
        """``SELECT <existing wanted columns> FROM system.<table>``; absent table -> FactUnavailable."""
        if not self.has_table(table):
            if self.unknown_tables is not None:
                raise FactUnavailable(f"not collected: the system tables could not be listed ({self.unknown_tables})")
            raise FactUnavailable(f"{NOT_ON_VERSION} (system.{table} absent)")
        if table in self.columns:
            columns = self.present(table, wanted)
            missing = [c for c in required if c not in columns]
            if missing:
                raise FactUnavailable(f"{NOT_ON_VERSION} (system.{table} has no {', '.join(missing)})")
            select_list = [f"`{c}`" for c in columns] + list(expressions)
        else:  # columns unknown (listing hidden from this account): take what the table has
            select_list = ["*", *expressions]
        sql = f"SELECT {', '.join(select_list)} FROM system.{table}"
        if where:
            sql += f" WHERE {where}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self.rows(sql)
