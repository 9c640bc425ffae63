"""The investigation sections (log coverage, timeline) as header + rows, shared by every renderer."""

from __future__ import annotations

from chwarden.model import Report

COVERAGE_HEADERS = ("Target", "Log", "Present", "Oldest", "Newest", "Rows", "TTL", "Note")
TIMELINE_HEADERS = (
    "At", "Until", "Kind", "Principal", "Address", "Table / rule", "Queries", "Rows", "Bytes", "Allowlist", "Query ids",
)  # fmt: skip


def coverage_rows(report: Report) -> list[tuple[str, ...]]:
    return [
        (
            c.target,
            c.log,
            "yes" if c.present else "no",
            c.oldest or "-",
            c.newest or "-",
            "-" if c.rows is None else str(c.rows),
            f"{c.ttl_seconds // 86400} days" if c.ttl_seconds else "none",
            c.note or "",
        )
        for c in report.log_coverage
    ]


def timeline_rows(report: Report) -> list[tuple[str, ...]]:
    return [
        (
            e.at,
            e.until or "",
            e.kind,
            e.principal or "",
            e.address or "",
            e.resource or "",
            str(e.queries),
            str(e.rows),
            str(e.bytes),
            "OUTSIDE" if e.outside_allowlist else "allowed",
            ", ".join(e.query_ids[:3]),
        )
        for e in report.timeline
    ]
