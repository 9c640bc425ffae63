"""SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one run, one rule per check.

Levels: critical/high -> error, medium -> warning, low/info -> note. Each rule carries GitHub's
``security-severity`` (a string score: critical 9.5, high 8.0, medium 5.5, low 3.0, info 0.0),
``precision`` and the check's category as a tag, so alerts sort like chwarden's own severities.

Locations. GitHub displays a result only when it has at least one location whose
``physicalLocation.artifactLocation.uri`` is a non-empty string, so every result gets one:

* a finding with a ``location`` (config file + line) points at that file, relative to the scanned
  root (``RenderOptions.root``) under ``uriBaseId`` (default ``SRCROOT``), with ``region.startLine``;
  a file outside the root becomes an absolute ``file://`` URI;
* a live finding has no file, so it points at the stable pseudo-path
  ``clickhouse/<percent-encoded target>`` (``clickhouse/db.example%3A8123``) without a base id;
  GitHub shows such an alert without a code snippet. The exact target and resource are also given
  as a ``logicalLocation`` (``fullyQualifiedName`` = ``target/resource``).

``originalUriBaseIds`` names the config directory the paths are relative to (offline, and live
audits that read the server's files); ``automationDetails.id`` tells GitHub which run this is.
``partialFingerprints`` carry the finding's fingerprint (check|target|resource), so alerts stay the
same alert across runs. ``not_checked`` entries and partial/failed targets become
``invocations[0].toolExecutionNotifications``.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from chwarden.checks.registry import CheckMeta, get_check
from chwarden.model import Finding, Location, Report, Severity
from chwarden.report._common import RenderOptions, cause_of, fingerprint_of, sorted_findings

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "chwardenFindingHash/v1"
LIVE_URI_PREFIX = "clickhouse/"
PRECISION = "high"

LEVELS = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}
SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0",
    Severity.INFO: "0.0",
}
TARGET_STATUS_LEVELS = {"partial": "warning", "failed": "error"}


def render_sarif(report: Report, options: RenderOptions) -> str:
    return json.dumps(sarif_log(report, options), indent=2, ensure_ascii=False) + "\n"


def sarif_log(report: Report, options: RenderOptions) -> dict[str, Any]:
    findings = sorted_findings(report.findings)
    rule_ids = sorted({f.check_id for f in findings} | {n.check_id for n in report.not_checked})
    samples = {f.check_id: f for f in reversed(findings)}
    rules = [_rule(_meta(rule_id, samples.get(rule_id))) for rule_id in rule_ids]
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": report.tool.name,
                "version": report.tool.version,
                "semanticVersion": report.tool.version,
                "rules": rules,
            }
        },
        "invocations": [_invocation(report, index)],
        "results": [_result(f, index[f.check_id], options, cause_of(report, f)) for f in findings],
        "columnKind": "unicodeCodePoints",
        "automationDetails": {"id": automation_id(report, options)},
        "properties": {"command": report.command, "schema_version": report.schema_version},
    }
    if report.timeline or report.log_coverage:  # investigate: the incident timeline travels with the results
        run["properties"]["timeline"] = [e.model_dump(exclude_none=True) for e in report.timeline]
        run["properties"]["log_coverage"] = [c.model_dump(exclude_none=True) for c in report.log_coverage]
    if options.root is not None:
        root_uri = PurePath(os.path.abspath(options.root)).as_uri().rstrip("/") + "/"
        run["originalUriBaseIds"] = {options.uri_base_id: {"uri": root_uri}}
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def automation_id(report: Report, options: RenderOptions) -> str:
    """``chwarden/<command>/<what was judged>/``: GitHub's category (up to the last slash) for this run.

    Two uploads with the same category replace each other, so the category names what was judged
    (the config directory, or the targets) and not only the tool: audits of two config directories
    of one repository stay two sets of alerts.
    """
    if options.root is not None:
        subject = PurePath(os.path.abspath(options.root)).name or "root"
    else:
        subject = "+".join(sorted({t.target for t in report.targets})) or "report"
    return f"chwarden/{report.command}/{quote(subject, safe='.-_+@:')[:200]}/"


def _meta(check_id: str, sample: Finding | None) -> CheckMeta:
    """The registry's metadata; a check unknown here (a report from another version) falls back
    to what its finding says."""
    try:
        return get_check(check_id).meta
    except KeyError:
        pass
    if sample is None:
        return CheckMeta(check_id, check_id, Severity.INFO, "uncategorised", check_id, check_id)
    return CheckMeta(
        id=check_id,
        title=sample.title,
        severity=sample.severity,
        category=sample.category or "uncategorised",
        rationale=sample.title,
        remediation=sample.remediation.text or sample.title,
        references=tuple(sample.references),
    )


def _rule(meta: CheckMeta) -> dict[str, Any]:
    references = list(meta.references)
    rule: dict[str, Any] = {
        "id": meta.id,
        "name": "".join(part.capitalize() for part in meta.id.split("_")),
        "shortDescription": {"text": meta.title},
        "fullDescription": {"text": meta.rationale},
        "help": {"text": meta.remediation, "markdown": _help_markdown(meta.remediation, references)},
        "defaultConfiguration": {"level": LEVELS[meta.severity]},
        "properties": {
            "tags": ["security", meta.category],
            "security-severity": SECURITY_SEVERITY[meta.severity],
            "precision": PRECISION,
        },
    }
    if references:
        rule["helpUri"] = references[0]
    return rule


def _help_markdown(remediation: str, references: list[str]) -> str:
    lines = [remediation]
    if references:
        lines += ["", "References:", *(f"- <{ref}>" for ref in references)]
    return "\n".join(lines)


def _result(finding: Finding, rule_index: int, options: RenderOptions, cause: str | None = None) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "severity": finding.severity.value,
        "security-severity": SECURITY_SEVERITY[finding.severity],
        "target": finding.target,
        "resource": finding.resource,
        "evidence": finding.evidence,
        "remediation": finding.remediation.model_dump(exclude_none=True),
        "confidence": finding.confidence,
    }
    if finding.category:
        properties["category"] = finding.category
    message = f"{finding.title} ({finding.resource} on {finding.target})"
    if finding.caused_by is not None:
        properties["caused_by"] = finding.caused_by  # the fingerprint of the root cause's result
        message += f"; closed by the fix of {cause or finding.caused_by}"
    return {
        "ruleId": finding.check_id,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [_location(finding, options)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint_of(finding)},
        "properties": properties,
    }


def _location(finding: Finding, options: RenderOptions) -> dict[str, Any]:
    logical = {"fullyQualifiedName": f"{finding.target}/{finding.resource}", "kind": "resource"}
    if finding.location is not None:
        physical = _file_location(finding.location, options)
    else:
        physical = {"artifactLocation": {"uri": LIVE_URI_PREFIX + quote(finding.target, safe="")}}
    return {"physicalLocation": physical, "logicalLocations": [logical]}


def _file_location(location: Location, options: RenderOptions) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact(location.file, options)}
    if location.line:
        physical["region"] = {"startLine": location.line}
    return physical


def _artifact(file: str, options: RenderOptions) -> dict[str, str]:
    """A repository-relative URI when the file lies under the scanned root, else an absolute one."""
    if not os.path.isabs(file):
        return {"uri": _uri_path(file), "uriBaseId": options.uri_base_id}
    if options.root is not None:
        root = os.path.abspath(options.root)
        path = os.path.abspath(file)
        if os.path.commonpath([root, path]) == root:
            return {"uri": _uri_path(os.path.relpath(path, root)), "uriBaseId": options.uri_base_id}
    return {"uri": PurePath(file).as_uri()}


def _uri_path(relative: str) -> str:
    return quote(PurePath(relative).as_posix(), safe="/")


def _invocation(report: Report, index: dict[str, int]) -> dict[str, Any]:
    notifications: list[dict[str, Any]] = [
        {
            "level": "note",
            "message": {"text": f"not checked on {n.target}: {n.reason}"},
            "associatedRule": {"id": n.check_id, "index": index[n.check_id]},
            "properties": {"target": n.target, "reason": n.reason},
        }
        for n in report.not_checked
    ]
    notifications += [
        {
            "level": TARGET_STATUS_LEVELS.get(t.status, "warning"),
            "message": {"text": f"{t.status} run on {t.target}: " + ("; ".join(t.errors) or "no details")},
            "properties": {"target": t.target, "status": t.status},
        }
        for t in report.targets
        if t.status != "complete"
    ]
    notifications += [
        {
            "level": "warning",
            "message": {"text": f"not read on {t.target}: {f.file}: {f.reason}"},
            "properties": {"target": t.target, "file": f.file, "reason": f.reason},
        }
        for t in report.targets
        for f in t.files_not_read
    ]
    invocation: dict[str, Any] = {
        "executionSuccessful": not any(t.status == "failed" for t in report.targets),
        "toolExecutionNotifications": notifications,
    }
    for key, value in (("startTimeUtc", report.started_at), ("endTimeUtc", report.finished_at)):
        utc = _utc(value)
        if utc is not None:
            invocation[key] = utc
    return invocation


def _utc(timestamp: str) -> str | None:
    """SARIF times must be UTC with a Z; an unparseable timestamp is left out, not invented."""
    try:
        parsed = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
