"""Markdown report for pull requests, tickets and wikis (GitHub-flavoured tables and fences).

Identifiers go into code spans, free text is backslash-escaped, and code blocks get a fence longer
than any backtick run inside them, so nothing from a server can turn into markup or raw HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from chwarden.model import Finding, Report
from chwarden.report._common import (
    SEVERITIES,
    RenderOptions,
    cause_of,
    closes_text,
    evidence_lines,
    format_value,
    grouped_by_severity,
    incomplete_targets,
    input_lines,
    is_plain_url,
    root_cause_views,
    rows_scanned,
    safe_text,
    severity_counts,
    yes_no,
)
from chwarden.report._timeline import COVERAGE_HEADERS, TIMELINE_HEADERS, coverage_rows, timeline_rows

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def render_markdown(report: Report, options: RenderOptions) -> str:
    return "\n".join(_document(report, options)).rstrip("\n") + "\n"


def _document(report: Report, options: RenderOptions) -> Iterator[str]:
    yield f"# {text(options.title)}"
    yield ""
    yield (
        f"{code(report.tool.name)} {code(report.tool.version)}, command {code(report.command)}, "
        f"started {code(report.started_at)}, finished {code(report.finished_at)}."
    )
    yield ""
    yield from _summary(report)
    if report.endpoints:
        yield "## Endpoints"
        yield ""
        yield from table(
            ("Host", "Port", "Protocol", "ClickHouse", "Version", "Auth", "TLS"),
            [
                (
                    code(e.host),
                    str(e.port),
                    text(e.protocol),
                    yes_no(e.clickhouse),
                    code(e.version or "?"),
                    text(e.auth),
                    yes_no(e.tls),
                )
                for e in report.endpoints
            ],
        )
    if report.root_causes:
        yield "## Fix first"
        yield ""
        for view in root_cause_views(report):
            root = view.root
            yield (
                f"{view.number}. **{root.severity.value}** {code(root.check_id)} {code(root.resource)} on "
                f"{code(root.target)}: {text(root.title)} - {text(closes_text(view))}"
            )
        yield ""
    yield "## Findings"
    yield ""
    groups = grouped_by_severity(report)
    if not groups:
        yield "No findings."
        yield ""
    number = 0
    for severity, findings in groups:
        yield f"### {severity.value.capitalize()} ({len(findings)})"
        yield ""
        for finding in findings:
            number += 1
            yield from _finding(number, finding, cause_of(report, finding))
    if report.sensitive_data:
        yield "## Sensitive data"
        yield ""
        yield from table(
            ("Target", "Column", "Detector", "Category", "Rows matched", "Rows scanned", "Examples"),
            [
                (
                    code(s.target),
                    code(f"{s.database}.{s.table}.{s.column}"),
                    code(s.detector),
                    text(s.category),
                    str(s.rows_matched),
                    rows_scanned(s),
                    " ".join(code(example) for example in s.examples),
                )
                for s in report.sensitive_data
            ],
        )
    if report.attack_paths:
        yield "## Attack paths"
        yield ""
        for path in report.attack_paths:
            yield f"- **{path.severity.value}**: {text(path.summary)}"
            for step in path.steps:
                yield f"  - {code(format_value(step))}"
        yield ""
    if report.log_coverage:
        yield "## Log coverage"
        yield ""
        yield from table(COVERAGE_HEADERS, [tuple(text(v) for v in row) for row in coverage_rows(report)])
    if report.timeline:
        yield "## Timeline"
        yield ""
        yield from table(TIMELINE_HEADERS, [tuple(text(v) for v in row) for row in timeline_rows(report)])
    yield "## Not checked"
    yield ""
    if report.not_checked:
        yield from table(
            ("Check", "Target", "Why"),
            [(code(n.check_id), code(n.target), text(n.reason)) for n in report.not_checked],
        )
    else:
        yield "Every selected check ran."
        yield ""


def _summary(report: Report) -> Iterator[str]:
    yield "## Summary"
    yield ""
    counts = severity_counts(report)
    rows = [(s.value.capitalize(), str(counts[s])) for s in SEVERITIES]
    rows += [("**Total**", f"**{len(report.findings)}**"), ("Not checked", str(len(report.not_checked)))]
    yield from table(("Severity", "Findings"), rows)
    for target, status, errors in incomplete_targets(report):
        detail = "; ".join(errors) or "no details"
        yield f"> **Warning:** {text(status)} run on {code(target)}: {text(detail)}"
        yield ""
    for target, lines in input_lines(report):
        yield f"### Inputs of {code(target)}"
        yield ""
        yield from table(("What", "Detail"), [(text(label), text(line)) for label, line in lines])


def _finding(number: int, finding: Finding, cause: str | None = None) -> Iterator[str]:
    yield f"#### {number}. {text(finding.title)}"
    yield ""
    facts = [
        ("Check", code(finding.check_id)),
        ("Severity", finding.severity.value),
        ("Confidence", finding.confidence),
        ("Target", code(finding.target)),
        ("Resource", code(finding.resource)),
    ]
    if cause is not None:
        facts.append(("Caused by", text(cause)))
    if finding.category:
        facts.append(("Category", text(finding.category)))
    if finding.location is not None:
        facts.append(("Location", code(str(finding.location))))
    for label, value in facts:
        yield f"- **{label}:** {value}"
    yield ""
    if finding.evidence:
        yield "**Evidence**"
        yield ""
        lines = (f"{key}: {value}" for key, value in evidence_lines(finding.evidence))
        yield from fenced("\n".join(lines), "text")
    fix = finding.remediation
    if fix.text or fix.sql or fix.xml:
        yield "**Fix**"
        yield ""
        if fix.text:
            yield text(fix.text)
            yield ""
        for body, language in ((fix.sql, "sql"), (fix.xml, "xml")):
            if body:
                yield from fenced(body, language)
    if finding.references:
        yield "**References**"
        yield ""
        yield from (f"- {link(ref)}" for ref in finding.references)
        yield ""


def text(value: str) -> str:
    """Free text with Markdown punctuation escaped; line breaks kept as Markdown line breaks."""
    lines = safe_text(value).splitlines() or [""]
    return "  \n".join(_SPECIAL.sub(r"\\\1", line).replace("&", "&amp;") for line in lines)


def code(value: str) -> str:
    """An inline code span that survives backticks and pipes inside the value."""
    single_line = safe_text(value).replace("\n", " ")
    longest = max((len(run) for run in re.findall(r"`+", single_line)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if single_line.startswith("`") or single_line.endswith("`") else ""
    return f"{ticks}{pad}{single_line}{pad}{ticks}"


def fenced(body: str, language: str) -> Iterator[str]:
    longest = max((len(run) for run in re.findall(r"`{3,}", body)), default=0)
    fence = "`" * max(3, longest + 1)
    yield f"{fence}{language}"
    yield safe_text(body)
    yield fence
    yield ""


def link(reference: str) -> str:
    return f"<{reference}>" if is_plain_url(reference) else text(reference)


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> Iterator[str]:
    """A GFM table of cells already made safe by text()/code(): pipes (even inside code spans)
    are escaped and line breaks flattened so a value cannot split the row."""
    yield "| " + " | ".join(headers) + " |"
    yield "|" + "|".join(" --- " for _ in headers) + "|"
    for row in rows:
        cells = (_UNESCAPED_PIPE.sub(r"\\|", cell.replace("  \n", " ").replace("\n", " ")) for cell in row)
        yield "| " + " | ".join(cells) + " |"
    yield ""
