"""Every report format renders the same finished Report safely: structure, escaping, empty runs."""

from __future__ import annotations

import importlib.resources
import io
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from markdown_it import MarkdownIt
from rich.console import Console

from chwarden.checks.registry import CheckMeta, all_checks
from chwarden.model import Finding, Remediation, Report, Severity
from chwarden.report import RENDERERS, render
from chwarden.report.checklist import catalog_entries, render_catalog
from chwarden.report.terminal import print_report

SAMPLE = Path(__file__).parent.parent / "data" / "reports" / "sample-report.json"
CONTRACT_KEYS = [
    "schema_version",
    "tool",
    "command",
    "started_at",
    "finished_at",
    "endpoints",
    "findings",
    "not_checked",
    "sensitive_data",
    "attack_paths",
]
FINDING_KEYS = [
    "check_id",
    "title",
    "severity",
    "target",
    "resource",
    "evidence",
    "remediation",
    "references",
]
XSS = "<script>alert('x')</script>"


@pytest.fixture(scope="module")
def sample() -> Report:
    return Report.model_validate_json(SAMPLE.read_bytes())


@pytest.fixture(scope="module")
def empty() -> Report:
    return Report(command="scan", started_at="2026-03-01T10:00:00+00:00", finished_at="2026-03-01T10:00:01+00:00")


@pytest.fixture(scope="module")
def report_schema() -> dict[str, Any]:
    resource = importlib.resources.files("chwarden.report").joinpath("schemas/report-v2.schema.json")
    schema: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def _validate(schema: dict[str, Any], payload: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(payload)]


def _finding(**overrides: Any) -> Finding:
    fields: dict[str, Any] = {
        "check_id": "demo_check",
        "title": "Demo",
        "severity": Severity.HIGH,
        "target": "h:8123",
        "resource": "user:x",
    }
    fields.update(overrides)
    return Finding(**fields)


def _report(*findings: Finding) -> Report:
    return Report(
        command="audit",
        started_at="2026-03-01T10:00:00Z",
        finished_at="2026-03-01T10:00:01Z",
        findings=list(findings),
    )


# --- registry and errors ------------------------------------------------------------------------


def test_registry_lists_every_format() -> None:
    assert sorted(RENDERERS) == ["dot", "html", "json", "markdown", "mermaid", "sarif", "terminal"]


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_every_format_renders_sample_and_empty_report(fmt: str, sample: Report, empty: Report) -> None:
    texts = [render(report, fmt, root="/etc/clickhouse-server", width=120) for report in (sample, empty)]
    assert [t.endswith("\n") for t in texts] == [True, True]
    assert ["\x1b" in t for t in texts] == [False, False]  # hostile escape sequences never reach the output raw
    assert len(texts[0]) > len(texts[1])  # the sample's findings are in it, the empty report has none


def test_unknown_format_and_option_are_clear_errors(sample: Report) -> None:
    with pytest.raises(ValueError, match=r"unknown report format 'pdf'.*terminal"):
        render(sample, "pdf")
    with pytest.raises(ValueError, match=r"unknown render option.*colour"):
        render(sample, "json", colour=True)


# --- JSON ---------------------------------------------------------------------------------------


def test_json_matches_contract_and_schema(sample: Report, report_schema: dict[str, Any]) -> None:
    text = render(sample, "json")
    payload = json.loads(text)
    assert _validate(report_schema, payload) == []
    assert list(payload)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    for finding in payload["findings"]:
        assert list(finding)[: len(FINDING_KEYS)] == FINDING_KEYS
        assert list(finding["remediation"]) == ["sql", "xml", "text"]
    assert payload["tool"]["name"] == "chwarden"
    assert Report.model_validate(payload) == sample.model_copy(update={"summary": sample.counted()})  # lossless
    assert payload["summary"]["by_severity"] == {"critical": 1, "high": 1, "medium": 1, "low": 1, "info": 1}
    assert payload["summary"]["findings"] == len(payload["findings"]) and payload["summary"]["not_checked"] == 2
    assert "ünïcødé ✓" in text  # UTF-8, not \u escapes
    assert text.startswith('{\n  "schema_version": 2,')  # indent 2; the v1 sample reads as schema 2
    assert {f["confidence"] for f in payload["findings"]} == {"inferred"}  # what a v1 finding migrates to
    assert render(sample, "json") == text  # stable bytes


def test_json_empty_report_is_valid(empty: Report, report_schema: dict[str, Any]) -> None:
    payload = json.loads(render(empty, "json"))
    assert _validate(report_schema, payload) == []
    assert payload["findings"] == [] and payload["attack_paths"] == []


def test_json_schema_rejects_broken_reports(sample: Report, report_schema: dict[str, Any]) -> None:
    payload = json.loads(render(sample, "json"))
    bad_severity = json.loads(json.dumps(payload))
    bad_severity["findings"][0]["severity"] = "catastrophic"
    missing = {k: v for k, v in payload.items() if k != "not_checked"}
    extra_ok = {**payload, "future_field": {"anything": 1}}
    assert _validate(report_schema, bad_severity)
    assert _validate(report_schema, missing)
    assert _validate(report_schema, extra_ok) == []


# --- Markdown -----------------------------------------------------------------------------------


def _markdown_html(text: str) -> str:
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(text)


def test_markdown_sections_and_fences(sample: Report) -> None:
    text = render(sample, "markdown")
    for heading in (
        "# chwarden security report",
        "## Summary",
        "## Endpoints",
        "## Findings",
        "### Critical (1)",
        "### High (1)",
        "### Info (1)",
        "## Sensitive data",
        "## Attack paths",
        "## Not checked",
    ):
        assert f"\n{heading}\n" in f"\n{text}"
    assert "| Critical | 1 |" in text
    assert "```sql\nALTER USER default IDENTIFIED WITH sha256_password" in text
    assert "```xml\n<clickhouse>\n  <users>" in text
    assert "````text\n" in text  # evidence with a ``` inside gets a longer fence
    assert "- <https://clickhouse.com/docs/operations/settings/settings-users>" in text
    assert "`/etc/clickhouse-server/config.d/listen host.xml:12`" in text
    assert "> **Warning:** partial run on `db1.example.com:8123`" in text


def test_markdown_escapes_markup_and_keeps_tables_intact(sample: Report) -> None:
    html = _markdown_html(render(sample, "markdown"))
    assert "<script>" not in html
    assert 'href="javascript:' not in html
    parser = _TableShapes()
    parser.feed(html)
    assert parser.tables, "markdown tables should render as tables"
    for widths in parser.tables:
        assert len(set(widths)) == 1, f"a value split a table row: {widths}"


def test_markdown_empty_report(empty: Report) -> None:
    text = render(empty, "markdown")
    assert "No findings." in text
    assert "Every selected check ran." in text
    assert "## Endpoints" not in text and "## Attack paths" not in text


# --- HTML ---------------------------------------------------------------------------------------


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


class _TableShapes(HTMLParser):
    """Cells per row of every table, to prove no value broke a row apart."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append(0)
        elif tag in ("td", "th"):
            self.tables[-1][-1] += 1


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def test_html_is_self_contained_and_escaped(sample: Report) -> None:
    html = render(sample, "html")
    page = _parse(html)
    tags = [tag for tag, _ in page.tags]
    assert "script" not in tags and "iframe" not in tags and "img" not in tags
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert XSS not in html
    ids = {attrs["id"] for _, attrs in page.tags if attrs.get("id")}
    for tag, attrs in page.tags:
        assert "src" not in attrs, f"external asset in <{tag}>"
        href = attrs.get("href")
        if href is not None:
            assert href.startswith(("#", "https://")), href
            if href.startswith("#"):
                assert href[1:] in ids, f"dangling anchor {href}"
    assert not any(tag == "link" for tag in tags)
    csp = [a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in (csp[0]["content"] or "")
    text = "".join(page.text)
    assert "ALTER USER default IDENTIFIED WITH sha256_password BY '<strong password>' HOST LOCAL;" in text
    assert "javascript:alert(1)" in text  # shown as text, never as a link
    assert "\\x1b[31mred\\x1b[0m" in text
    assert "Anonymous internet user reads chat logs with API keys" in text
    assert "sk-p…(redacted, sha256:1a2b3c4d)" in text


def test_html_has_severity_sections_and_fixes_in_pre(sample: Report) -> None:
    html = render(sample, "html")
    page = _parse(html)
    details = [a.get("id") for t, a in page.tags if t == "details"]
    assert details == ["sev-critical", "sev-high", "sev-medium", "sev-low", "sev-info"]
    assert sum(1 for t, _ in page.tags if t == "pre") == 4  # 2 SQL + 2 XML fixes
    assert 'id="not-checked"' in html and 'id="attack-paths"' in html and 'id="sensitive-data"' in html


def test_html_empty_report_has_no_placeholders(empty: Report) -> None:
    html = render(empty, "html")
    assert "No findings." in html
    assert 'id="attack-paths"' not in html
    assert 'id="sev-critical"' in html  # summary cards still link somewhere
    assert "None" not in _parse(html).text


# --- terminal -----------------------------------------------------------------------------------


def test_terminal_lists_findings_not_checked_warnings_and_summary(sample: Report) -> None:
    text = render(sample, "terminal", width=160)
    for check_id in ("default_user_without_password", "user_allowed_from_any_host"):
        assert check_id in text
    assert "row_policies_missing" not in text and "2 checks" in text  # grouped by reason on the first screen
    assert "row_policies_missing" in render(sample, "terminal", width=160, details=True)
    assert text.index("CRITICAL") < text.index("HIGH") < text.index("MEDIUM") < text.index("LOW")
    assert "warning: partial run on db1.example.com:8123: system.quotas: Code: 497 ACCESS_DENIED" in text
    assert "5 findings: 1 critical, 1 high, 1 medium, 1 low, 1 info; 2 not checked" in text.replace("\n", " ")
    assert XSS in text  # literal, since a terminal does not interpret HTML


def test_terminal_does_not_interpret_markup_or_escapes() -> None:
    report = _report(_finding(title="[bold red]boom[/bold red] :smile:", resource="user:\x1b]0;pwned\x07"))
    plain = render(report, "terminal", width=200)
    assert "[bold red]boom[/bold red] :smile:" in plain
    assert "\\x1b]0;pwned\\x07" in plain and "\x07" not in plain
    coloured = render(report, "terminal", width=200, color=True)
    assert "\x1b[" in coloured  # colours on request
    assert "\x1b]0;pwned" not in coloured


def test_terminal_prints_to_a_console(sample: Report) -> None:
    console = Console(record=True, width=140, file=io.StringIO())
    print_report(sample, console)
    assert "default_user_without_password" in console.export_text()


def test_terminal_empty_report(empty: Report) -> None:
    text = render(empty, "terminal")
    assert "No findings." in text
    assert "0 findings: 0 critical, 0 high, 0 medium, 0 low, 0 info; 0 not checked" in text


# --- evidence values and secrets ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal", "json", "sarif"])
def test_evidence_values_of_every_type_render(fmt: str) -> None:
    redacted = "sk-p…(redacted, sha256:1a2b3c4d)"
    evidence: dict[str, Any] = {
        "text": "plain",
        "number": 42,
        "float": 0.5,
        "flag": False,
        "missing": None,
        "items": ["a", 1, None],
        "mapping": {"k": {"nested": [1, 2]}},
        "secret": redacted,
    }
    report = _report(_finding(evidence=evidence, remediation=Remediation(sql="SELECT 1;")))
    text = render(report, fmt, width=400, details=True)
    assert redacted in text
    assert "42" in text and "nested" in text


# --- check catalogue --------------------------------------------------------------------------------


def test_catalog_table_and_json_cover_every_check() -> None:
    ids = [c.meta.id for c in all_checks()]
    table = render_catalog("table", width=200)
    entries = json.loads(render_catalog("json"))
    assert [e["id"] for e in entries] == ids
    for check_id in ids:
        assert check_id in table
    for entry in entries:
        assert list(entry) == [
            "id",
            "title",
            "severity",
            "category",
            "rationale",
            "remediation",
            "references",
            "needs",
        ]
        assert entry["severity"] in {s.value for s in Severity}


def test_catalog_renders_given_metadata_and_rejects_unknown_format() -> None:
    meta = CheckMeta(
        id="demo_check",
        title="A <demo> [bold]title[/bold]",
        severity=Severity.LOW,
        category="demo",
        rationale="why",
        remediation="fix",
        references=("https://example.org/a",),
        needs=("users",),
    )
    table = render_catalog("table", iter([meta]), width=200)
    assert "A <demo> [bold]title[/bold]" in table and "1 checks" in table
    assert catalog_entries([meta])[0]["needs"] == ["users"]
    with pytest.raises(ValueError, match="unknown catalogue format 'xml'"):
        render_catalog("xml")
