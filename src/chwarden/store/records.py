"""Rows for the store's tables, built from chwarden's report model (already redacted).

One function per record kind; JSON columns hold evidence, fixes and steps exactly as the report
contract has them, so a reader can rebuild ``Finding``/``AttackPath`` objects.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from chwarden import __version__
from chwarden.facts import Snapshot
from chwarden.model import AttackPath, Finding, SensitiveData
from chwarden.store.store import EPOCH, store_time


def to_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def fingerprint_of(finding: Finding) -> str:
    if finding.fingerprint:
        return finding.fingerprint
    text = f"{finding.check_id}|{finding.target}|{finding.resource}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def snapshot_body(snapshot: Snapshot) -> tuple[str, str]:
    """(hash, JSON body) of a snapshot without its collection time (so unchanged facts hash alike)."""
    body = snapshot.model_dump_json(exclude={"collected_at"})
    return hashlib.sha256(body.encode()).hexdigest()[:32], body


def finding_rows(run_id: str, at: str, target: str, findings: Iterable[Finding]) -> list[dict[str, Any]]:
    return [
        {
            "run_id": run_id,
            "observed_at": at,
            "target": target,
            "fingerprint": fingerprint_of(f),
            "check_id": f.check_id,
            "severity": f.severity.value,
            "title": f.title,
            "resource": f.resource,
            "category": f.category or "",
            "evidence": to_json(f.evidence),
            "remediation": to_json(f.remediation.model_dump(exclude_none=True)),
            "location": str(f.location) if f.location else "",
            # issue 13 adds both to the report contract; a finding without them is stored with ""
            "confidence": f.confidence,
            "caused_by": f.caused_by or "",
        }
        for f in findings
    ]


def sensitive_rows(run_id: str, at: str, target: str, entries: Iterable[SensitiveData]) -> list[dict[str, Any]]:
    return [
        {
            "run_id": run_id,
            "observed_at": at,
            "target": target,
            "database": e.database,
            "table": e.table,
            "column": e.column,
            "detector": e.detector,
            "category": e.category,
            "rows_matched": e.rows_matched,
            "rows_scanned": e.rows_scanned,
            "sampled": int(e.sampled),
            "examples": list(e.examples),
        }
        for e in entries
    ]


def sensitive_from_rows(target: str, rows: Iterable[dict[str, Any]]) -> list[SensitiveData]:
    return [
        SensitiveData(
            target=target,
            database=str(r["database"]),
            table=str(r["table"]),
            column=str(r["column"]),
            detector=str(r["detector"]),
            category=str(r["category"]),
            rows_matched=int(r["rows_matched"]),
            rows_scanned=int(r["rows_scanned"]),
            sampled=bool(r["sampled"]),
            examples=list(r["examples"]),
        )
        for r in rows
    ]


def path_rows(run_id: str, at: str, target: str, paths: Iterable[AttackPath]) -> list[dict[str, Any]]:
    return [
        {
            "run_id": run_id,
            "observed_at": at,
            "target": target,
            "severity": p.severity.value,
            "score": float(p.score or 0.0),
            "summary": p.summary,
            "steps": to_json(p.steps),
            "fix": to_json({"fix": p.fix.model_dump(exclude_none=True) if p.fix else None, "fix_action": p.fix_action}),
        }
        for p in paths
    ]


def run_row(
    run_id: str, command: str, started: str, finished: str, targets: list[str], status: str, runner: str
) -> dict[str, Any]:
    return {
        "run_id": run_id,
        "command": command,
        "started_at": started,
        "finished_at": finished,
        "chwarden_version": __version__,
        "runner": runner,
        "targets": targets,
        "status": status,
    }


def empty_time() -> str:
    """The store's "never" (1970-01-01 00:00:00 UTC): DateTime columns are not Nullable."""
    return EPOCH


__all__ = [
    "empty_time",
    "finding_rows",
    "fingerprint_of",
    "path_rows",
    "run_row",
    "sensitive_from_rows",
    "sensitive_rows",
    "snapshot_body",
    "store_time",
    "to_json",
]
