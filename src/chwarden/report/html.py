"""Self-contained HTML report: one file, inline CSS, no scripts, no external assets, works offline.

Jinja2 autoescaping escapes every value; a Content-Security-Policy forbids scripts and remote
loads as a second wall; only plain http(s) references become links. The template receives a
plain view (strings only) built here, so it holds layout and no logic.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from chwarden.model import Finding, Report
from chwarden.report._common import (
    SEVERITIES,
    RenderOptions,
    cause_of,
    closes_text,
    evidence_lines,
    fingerprint_of,
    format_value,
    grouped_by_severity,
    incomplete_targets,
    input_lines,
    is_plain_url,
    root_cause_views,
    rows_scanned,
    safe_text,
    severity_counts,
    summary_text,
    yes_no,
)
from chwarden.report._timeline import COVERAGE_HEADERS, TIMELINE_HEADERS, coverage_rows, timeline_rows
from chwarden.report.graph import render_svg
from chwarden.report.overview import (
    advisory_title,
    gap_groups,
    not_run_checks,
    provenance,
    root_causes,
    severity_text,
    top_path,
    where,
)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("chwarden.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(report: Report, options: RenderOptions) -> str:
    template = _environment().get_template("report.html.j2")
    return template.render(_view(report, options))


def _view(report: Report, options: RenderOptions) -> dict[str, Any]:
    counts = severity_counts(report)
    groups = grouped_by_severity(report)
    present = {severity for severity, _ in groups}
    return {
        "report": report,
        "title": safe_text(options.title),
        "summary": summary_text(report),
        "cards": [{"severity": s.value, "count": counts[s]} for s in SEVERITIES],
        "warnings": [
            {"target": safe_text(t), "status": status, "detail": safe_text("; ".join(errs) or "no details")}
            for t, status, errs in incomplete_targets(report)
        ],
        "inputs": [{"target": safe_text(t), "lines": lines} for t, lines in input_lines(report)],
        "endpoints": [
            {
                "host": safe_text(e.host),
                "port": e.port,
                "protocol": safe_text(e.protocol),
                "clickhouse": yes_no(e.clickhouse),
                "version": safe_text(e.version or "?"),
                "auth": safe_text(e.auth),
                "tls": yes_no(e.tls),
                "reveals": evidence_lines(e.reveals),
            }
            for e in report.endpoints
        ],
        "root_causes": [
            {
                "anchor": view.root.fingerprint,
                "severity": view.root.severity.value,
                "check_id": safe_text(view.root.check_id),
                "resource": safe_text(view.root.resource),
                "target": safe_text(view.root.target),
                "title": safe_text(view.root.title),
                "closes": closes_text(view),
            }
            for view in root_cause_views(report)
        ],
        "groups": [
            {"severity": severity.value, "findings": [_finding_view(f, cause_of(report, f)) for f in findings]}
            for severity, findings in groups
        ],
        "empty_severities": [s.value for s in SEVERITIES if s not in present],
        "sensitive": [
            {
                "target": safe_text(s.target),
                "column": safe_text(f"{s.database}.{s.table}.{s.column}"),
                "detector": safe_text(s.detector),
                "category": safe_text(s.category),
                "rows_matched": s.rows_matched,
                "rows_scanned": rows_scanned(s),
                "examples": [safe_text(x) for x in s.examples],
            }
            for s in report.sensitive_data
        ],
        "attack_graph_svg": Markup(render_svg(report)),
        "attack_paths": [
            {
                "severity": p.severity.value,
                "summary": safe_text(p.summary),
                "steps": [_step_view(step) for step in p.steps],
            }
            for p in report.attack_paths
        ],
        "runs": [
            {"target": safe_text(p.target), "lines": [(label, safe_text(text)) for label, text in p.lines]}
            for p in provenance(report)
        ],
        "gaps": [
            {"count": len(g.checks), "label": safe_text(g.label), "hint": safe_text(g.hint or "")}
            for g in gap_groups(report)
        ],
        "not_checked_count": not_run_checks(report),
        "causes": [
            {
                "severity": c.severity.value,
                "where": safe_text(where(c.finding)),
                "what": safe_text(
                    advisory_title(c.finding.target, list(c.all_closed))
                    if c.advisories
                    else f"closes {len(c.all_closed)} findings ({severity_text(c.all_closed)})"
                    if c.closes
                    else c.finding.title
                ),
                "fix": safe_text(c.fix),
                "closes": "" if c.advisories else safe_text(", ".join(f.check_id for f in c.closes)),
            }
            for c in root_causes(report)
        ],
        "top_path": _top_path_view(report),
        "investigation": [
            {"id": anchor, "title": title, "headers": headers, "rows": [[safe_text(v) for v in row] for row in rows]}
            for anchor, title, headers, rows in (
                ("log-coverage", "Log coverage", COVERAGE_HEADERS, coverage_rows(report)),
                ("timeline", "Timeline", TIMELINE_HEADERS, timeline_rows(report)),
            )
            if rows
        ],
        "not_checked": [
            {"check_id": safe_text(n.check_id), "target": safe_text(n.target), "reason": safe_text(n.reason)}
            for n in report.not_checked
        ],
    }


def _top_path_view(report: Report) -> dict[str, str] | None:
    path = top_path(report)
    if path is None:
        return None
    return {
        "severity": path.severity.value,
        "summary": safe_text(path.summary.split(" — cheapest fix")[0]),
        "cut": safe_text(path.fix_action or ""),
    }


def _step_view(step: dict[str, Any]) -> dict[str, str]:
    """A path step as its kind and label, plus the cut when the cheapest fix applies here."""
    if "label" not in step:
        return {"kind": "", "label": safe_text(format_value(step)), "cut": "", "sql": "", "xml": ""}
    raw = step.get("cut")
    cut: dict[str, Any] = raw if isinstance(raw, dict) else {}
    return {
        "kind": safe_text(str(step.get("kind", ""))),
        "label": safe_text(str(step["label"])),
        "cut": safe_text(str(cut.get("action", ""))),
        "sql": safe_text(str(cut.get("sql") or "")),
        "xml": safe_text(str(cut.get("xml") or "")),
    }


def _finding_view(finding: Finding, cause: str | None = None) -> dict[str, Any]:
    facts = [("check", finding.check_id), ("target", finding.target), ("resource", finding.resource)]
    facts.append(("confidence", finding.confidence))
    if cause is not None:
        facts.append(("caused by", cause))
    if finding.category:
        facts.append(("category", finding.category))
    if finding.location is not None:
        facts.append(("location", str(finding.location)))
    fix = finding.remediation
    return {
        "anchor": fingerprint_of(finding),
        "title": safe_text(finding.title),
        "resource": safe_text(finding.resource),
        "target": safe_text(finding.target),
        "facts": [(label, safe_text(value)) for label, value in facts],
        "evidence": evidence_lines(finding.evidence),
        "fix_text": safe_text(fix.text or ""),
        "fix_sql": safe_text(fix.sql or ""),
        "fix_xml": safe_text(fix.xml or ""),
        "references": [
            {"text": safe_text(ref), "url": ref if is_plain_url(ref) else None} for ref in finding.references
        ],
    }
