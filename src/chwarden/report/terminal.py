"""Terminal report (rich): findings worst first, what was not checked, incomplete targets, summary.

Every value from the report goes into a ``rich.text.Text`` (never markup), after control
characters are escaped, so a hostile name like ``[bold]x`` or an ANSI escape prints literally.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from chwarden.model import Finding, Report, Severity
from chwarden.report._common import (
    RenderOptions,
    cause_of,
    closes_text,
    evidence_lines,
    format_value,
    incomplete_targets,
    input_lines,
    root_cause_views,
    safe_text,
    sorted_findings,
    summary_text,
    yes_no,
)
from chwarden.report._timeline import COVERAGE_HEADERS, TIMELINE_HEADERS, coverage_rows, timeline_rows

SEVERITY_STYLES = {
    Severity.CRITICAL: "bold white on red",
    Severity.HIGH: "bold red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}


def render_terminal(report: Report, options: RenderOptions) -> str:
    """The terminal report as a string (plain text unless options.color)."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        highlight=False,
        emoji=False,
    )
    print_report(report, console, details=options.details)
    return buffer.getvalue()


def print_report(report: Report, console: Console | None = None, *, details: bool = False) -> None:
    """Print straight to a console (stdout by default), as `chwarden audit` does."""
    out = console or Console(highlight=False, emoji=False)
    if console is None and not out.is_terminal:
        # Piped or captured output (CI logs) has no width; 80 columns crush the findings table.
        out = Console(highlight=False, emoji=False, width=max(out.width, 140))
    for renderable in report_renderables(report, details=details):
        # Plain lines (fixes, warnings, summary) are left to the terminal to wrap, so that a
        # copied SQL statement is not broken by inserted newlines.
        out.print(renderable, soft_wrap=isinstance(renderable, Text))


def report_renderables(report: Report, *, details: bool = False) -> Iterator[RenderableType]:
    """The report's parts in print order; ``details`` adds each finding's evidence and fix."""
    if report.endpoints:
        yield _table(
            "Endpoints",
            ("Host", "Port", "Protocol", "ClickHouse", "Version", "Auth", "TLS"),
            [
                (
                    e.host,
                    str(e.port),
                    e.protocol,
                    yes_no(e.clickhouse),
                    e.version or "?",
                    e.auth,
                    yes_no(e.tls),
                )
                for e in report.endpoints
            ],
        )
    if report.root_causes:
        yield _fix_first(report)
    if report.findings:
        yield _findings_table(report)
        if details:
            yield from (_finding_details(report, f) for f in sorted_findings(report.findings))
    else:
        yield Text("No findings.", style="bold green")
    if report.sensitive_data:
        yield _table(
            "Sensitive data",
            ("Target", "Column", "Detector", "Category", "Matched", "Examples"),
            [
                (
                    s.target,
                    f"{s.database}.{s.table}.{s.column}",
                    s.detector,
                    s.category,
                    f"{s.rows_matched}/{s.rows_scanned}" + (" (sampled)" if s.sampled else ""),
                    format_value(s.examples),
                )
                for s in report.sensitive_data
            ],
        )
    if report.attack_paths:
        yield _table(
            "Attack paths",
            ("Severity", "Summary", "Steps"),
            [(p.severity.value, p.summary, str(len(p.steps))) for p in report.attack_paths],
        )
    if report.log_coverage:
        yield _table("Log coverage", COVERAGE_HEADERS, coverage_rows(report))
    if report.timeline:
        yield _table("Timeline", TIMELINE_HEADERS, timeline_rows(report))
    if report.not_checked:
        yield _table(
            "Not checked",
            ("Check", "Target", "Why"),
            [(n.check_id, n.target, n.reason) for n in report.not_checked],
        )
    for target, lines in input_lines(report):
        text = Text()
        text.append(safe_text(f"Inputs of {target}"), style="bold")
        for label, line in lines:
            text.append(f"\n  {label}: ", style="yellow" if label == "not read" else "")
            text.append(line)
        yield text
    for target, status, errors in incomplete_targets(report):
        detail = "; ".join(errors) or "no details"
        yield Text(safe_text(f"warning: {status} run on {target}: {detail}"), style="bold yellow")
    yield Text(safe_text(summary_text(report)), style="bold")


def _findings_table(report: Report) -> Table:
    """One row per finding; with a single target the target moves into the title to save width."""
    findings = sorted_findings(report.findings)
    targets = sorted({f.target for f in findings})
    single = len(targets) == 1
    title = f"Findings on {safe_text(targets[0])}" if single else "Findings"
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("Severity", no_wrap=True)
    table.add_column("Check", no_wrap=True)
    if not single:
        table.add_column("Target", overflow="fold")
    table.add_column("Resource", overflow="fold")
    table.add_column("Title", overflow="fold")
    for f in findings:
        style = SEVERITY_STYLES[f.severity]
        cells = [Text(f.severity.value.upper(), style=style), Text(safe_text(f.check_id))]
        if not single:
            cells.append(Text(safe_text(f.target)))
        cells.append(Text(safe_text(f.resource)))
        cells.append(Text(safe_text(f.title), style="bold" if f.severity.at_least(Severity.HIGH) else ""))
        table.add_row(*cells)
    return table


def _fix_first(report: Report) -> Text:
    """Root causes first: each one fix, and the findings it also closes (``caused_by``)."""
    text = Text()
    text.append("Fix first (one fix closes several findings)", style="bold")
    for view in root_cause_views(report):
        root = view.root
        text.append(f"\n  #{view.number} ")
        text.append(root.severity.value.upper(), style=SEVERITY_STYLES[root.severity])
        text.append(safe_text(f" {root.check_id} {root.resource} on {root.target}: {root.title}"))
        text.append(f"\n      {closes_text(view)}")
    return text


def _finding_details(report: Report, finding: Finding) -> Text:
    """Evidence and fix of one finding, indented under a severity-coloured heading."""
    text = Text()
    text.append(f"{finding.severity.value.upper()} ", style=SEVERITY_STYLES[finding.severity])
    text.append(safe_text(f"{finding.check_id}  {finding.resource} on {finding.target}"), style="bold")
    text.append(f"\n  confidence: {finding.confidence}")
    cause = cause_of(report, finding)
    if cause is not None:
        text.append(safe_text(f"\n  caused by: {cause}"))
    if finding.location is not None:
        text.append(safe_text(f"\n  location: {finding.location}"))
    for key, value in evidence_lines(finding.evidence):
        text.append(f"\n  {key}: {value}")
    fix = finding.remediation
    for label, body in (("fix", fix.text), ("fix (sql)", fix.sql), ("fix (xml)", fix.xml)):
        if body:
            text.append(f"\n  {label}:\n")
            text.append("\n".join(f"    {line}" for line in safe_text(body).splitlines()), style="green")
    return text


def _table(title: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    table = Table(title=title, title_justify="left", expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(Text(safe_text(cell)) for cell in row))
    return table
