"""Shared pieces every renderer needs: options, severity ordering and safe text for values.

Renderers read only the finished ``Report``; these helpers keep the formats consistent (same
order, same counts, same way of turning an evidence value into text) without copy-paste.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from chwarden.checks.registry import finding_fingerprint
from chwarden.model import Finding, Report, RootCause, SensitiveData, Severity

SEVERITIES: tuple[Severity, ...] = (
    Severity.CRITICAL,
    Severity.HIGH,
    Severity.MEDIUM,
    Severity.LOW,
    Severity.INFO,
)


@dataclass(frozen=True)
class RenderOptions:
    """Every option a renderer understands; each format reads the ones it needs.

    width: terminal columns; color: emit ANSI colours (terminal only); root: the scanned config
    directory, so SARIF paths become relative to it; uri_base_id: SARIF's name for that root;
    title: heading of the Markdown/HTML reports; details: the terminal report also prints each
    finding's evidence and fix below the table.
    """

    width: int = 100
    color: bool = False
    root: str | None = None
    uri_base_id: str = "SRCROOT"
    title: str = "chwarden security report"
    details: bool = False


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Worst first, then by check, target and resource: the order every format shows."""
    return sorted(findings, key=lambda f: (-f.severity.rank, f.check_id, f.target, f.resource))


def fingerprint_of(finding: Finding) -> str:
    """The finding's own fingerprint, or the registry's formula for hand-made findings."""
    return finding.fingerprint or finding_fingerprint(finding.check_id, finding.target, finding.resource)


def severity_counts(report: Report) -> dict[Severity, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in report.findings:
        counts[finding.severity] += 1
    return counts


def summary_text(report: Report) -> str:
    """One line: total, per-severity counts, not-checked count, and whether the run was partial."""
    counts = severity_counts(report)
    parts = ", ".join(f"{counts[s]} {s.value}" for s in SEVERITIES)
    partial = " (partial run: see target warnings)" if report.partial else ""
    return f"{len(report.findings)} findings: {parts}; {len(report.not_checked)} not checked{partial}"


def grouped_by_severity(report: Report) -> list[tuple[Severity, list[Finding]]]:
    """(severity, findings) for every severity that has findings, worst first."""
    ordered = sorted_findings(report.findings)
    groups = [(s, [f for f in ordered if f.severity is s]) for s in SEVERITIES]
    return [(s, fs) for s, fs in groups if fs]


def incomplete_targets(report: Report) -> list[tuple[str, str, list[str]]]:
    """(target, status, errors) for targets whose run was partial or failed."""
    return [(t.target, t.status, list(t.errors)) for t in report.targets if t.status != "complete"]


MAX_LISTED_FILES = 30


def input_lines(report: Report) -> list[tuple[str, list[tuple[str, str]]]]:
    """(target, [(label, text)]) of what each offline target read, could not read and assumed."""
    result: list[tuple[str, list[tuple[str, str]]]] = []
    for t in report.targets:
        lines: list[tuple[str, str]] = []
        if t.files_read:
            shown = ", ".join(t.files_read[:MAX_LISTED_FILES])
            more = f" (+{len(t.files_read) - MAX_LISTED_FILES} more)" if len(t.files_read) > MAX_LISTED_FILES else ""
            lines.append((f"read ({len(t.files_read)})", shown + more))
        lines += [("not read", f"{f.file}: {f.reason}") for f in t.files_not_read]
        lines += [("assumed", a) for a in t.assumptions]
        lines += [("unknown variable", v) for v in t.unknown_variables]
        lines += [("note", n) for n in t.notes]
        if lines:
            result.append((t.target, [(label, safe_text(text)) for label, text in lines]))
    return result


# C0/C1 control characters except tab and newline: a hostile server could put terminal escape
# sequences into a user or table name; they are shown as \\xNN instead of being interpreted.
_PLAIN_URL = re.compile(r"^https?://[^\s<>\"'`\x00-\x1f\x7f-\x9f]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe_text(value: str) -> str:
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def rows_scanned(entry: SensitiveData) -> str:
    """Rows scanned, and whether the matched count is exact (every row read) or a sample's estimate."""
    if entry.sampled:
        return f"{entry.rows_scanned} (estimate: sample of {entry.rows_scanned} rows)"
    return f"{entry.rows_scanned} (exact)"


def format_value(value: Any) -> str:
    """Any evidence value as one safe line: strings verbatim, everything else as compact JSON."""
    if isinstance(value, str):
        return safe_text(value)
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str, separators=(", ", ": "))
    return safe_text(text)


def evidence_lines(evidence: dict[str, Any]) -> list[tuple[str, str]]:
    """(key, value) pairs in the finding's own key order, both made safe to print."""
    return [(safe_text(str(key)), format_value(value)) for key, value in evidence.items()]


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def is_plain_url(reference: str) -> bool:
    """Only plain http(s) references become links; anything else is shown as text."""
    return _PLAIN_URL.match(reference) is not None


@dataclass(frozen=True)
class CauseView:
    """A root cause as every format shows it: its number, its own finding and what its fix closes."""

    number: int
    root: RootCause
    finding: Finding | None
    closes: list[Finding]


def root_cause_views(report: Report) -> list[CauseView]:
    """The report's root causes in order (worst first), each with the findings it closes."""
    by_fp = {fingerprint_of(f): f for f in report.findings}
    return [
        CauseView(n, rc, by_fp.get(rc.fingerprint), [by_fp[fp] for fp in rc.closes if fp in by_fp])
        for n, rc in enumerate(report.root_causes, 1)
    ]


def cause_of(report: Report, finding: Finding) -> str | None:
    """'fix #N: <check> <resource>' for a finding that a root cause's fix closes, else None."""
    if finding.caused_by is None:
        return None
    for view in root_cause_views(report):
        if view.root.fingerprint == finding.caused_by:
            return f"fix #{view.number}: {view.root.check_id} {view.root.resource}"
    return finding.caused_by


def closes_text(view: CauseView) -> str:
    """'closes 3 more findings: check resource, ...' (safe text)."""
    listed = ", ".join(f"{f.check_id} {f.resource}" for f in view.closes)
    return safe_text(f"closes {len(view.closes)} more finding(s): {listed}")
