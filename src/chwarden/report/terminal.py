"""Terminal report: where each problem is and its one-line fix, what to fix first, how the run saw the target.

The default screen is built for a person who must fix the right thing in a minute: a provenance
header (what was judged, as whom, under which read-only lock, which config was read, which checks
could not run and how to let them run), a "Fix first" block (root causes, the top attack path's
cheapest cut), then one entry per thing to fix with every place it was found. ``--details`` adds the
evidence and the exact SQL/XML patches; ``-v`` the full lists (not checked, files read).

Layout: plain lines wrapped at the terminal width (``COLUMNS`` or the real width), never inside a
word, so a copied name or statement stays whole and 80 columns stay readable; colours only on a
terminal (rich decides: ``NO_COLOR``, ``FORCE_COLOR``, piped output). Every value from the report
goes into a ``rich.text.Text`` (never markup) after control characters are escaped, so a hostile
name like ``[bold]x`` or an ANSI escape prints literally.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterator

from rich.console import Console
from rich.text import Text

from chwarden.model import Finding, Report, Severity
from chwarden.report._common import (
    RenderOptions,
    cause_of,
    evidence_lines,
    format_value,
    input_lines,
    rows_scanned,
    safe_text,
    severity_counts,
    summary_text,
)
from chwarden.report._timeline import COVERAGE_HEADERS, TIMELINE_HEADERS, coverage_rows, timeline_rows
from chwarden.report.overview import (
    Cause,
    FindingGroup,
    advisory_title,
    finding_groups,
    gap_groups,
    not_run_checks,
    provenance,
    root_causes,
    severity_text,
    top_path,
    where,
)

SEVERITY_STYLES = {
    Severity.CRITICAL: "bold white on red",
    Severity.HIGH: "bold red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}
MIN_WIDTH, MAX_WIDTH = 40, 160
LABEL = 10  # width of the severity column; finding text starts after it
MANY_TARGETS = 4  # from this many targets on, the header summarises them
MAX_PLACES = 6  # places listed per finding group before "+N more (-v)"


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


def print_report(
    report: Report,
    console: Console | None = None,
    *,
    details: bool = False,
    verbose: bool = False,
    quiet: bool = False,
) -> None:
    """Print to a console (stdout by default: its width is COLUMNS or the terminal's)."""
    out = console or Console(highlight=False, emoji=False)
    width = max(MIN_WIDTH, min(out.width, MAX_WIDTH))
    view = _View(report, width, details=details, verbose=verbose or details, quiet=quiet)
    # One call for all lines (rich joins them with the separator, the same text as a call per line): a
    # call costs ~0.3 ms of console bookkeeping (size, terminal, options), some 30 ms over a report.
    lines = list(view.lines())
    if lines:  # no line, no output (print() with no object would print an empty line)
        out.print(*lines, sep="\n", soft_wrap=True, overflow="ignore", crop=False)


class _View:
    """The report as wrapped, styled lines."""

    def __init__(self, report: Report, width: int, *, details: bool, verbose: bool, quiet: bool) -> None:
        self.report = report
        self.width = width
        self.details = details
        self.verbose = verbose
        self.quiet = quiet
        self.causes = [] if quiet else root_causes(report)

    def lines(self) -> Iterator[Text]:
        if not self.quiet:
            yield from self.header()
            yield from self.fix_first()
        yield from self.findings()
        yield from self.sensitive_data()
        if not self.quiet:
            yield from self.attack_paths()
            yield from self.endpoints()
        yield from self.investigation()
        if self.verbose:
            yield from self.not_checked()
            yield from self.inputs()
        yield from self.warnings()
        yield from self.footer()

    # -- building blocks -----------------------------------------------------------------------

    def wrap(
        self, text: str, indent: int = 0, first: str = "", style: str = "", lead: Text | None = None
    ) -> list[Text]:
        """``text`` wrapped at the width, never inside a word, indented by ``indent``.

        The first line starts with ``lead`` (a styled label) or ``first`` (plain) in the indent.
        """
        body = textwrap.wrap(
            safe_text(text),
            width=max(20, self.width - indent),
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]
        lines: list[Text] = []
        for n, chunk in enumerate(body):
            if len(chunk) + indent > self.width and not (n == 0 and (lead is not None or first)):
                # a word longer than the room left: move it left rather than let the terminal cut it
                lines.append(Text(" " * max(0, self.width - len(chunk))) + Text(chunk, style=style))
                continue
            if n == 0 and lead is not None:
                line = lead.copy()
                line.append(" " * max(1, indent - len(lead.plain)))
            elif n == 0 and first:
                line = Text(" " * max(0, indent - len(first)) + first)
            else:
                line = Text(" " * indent)
            line.append(chunk, style=style)
            lines.append(line)
        return lines

    def heading(self, title: str) -> Iterator[Text]:
        yield Text("")
        yield Text(safe_text(title), style="bold")

    def labelled(self, label: str, text: str, indent: int = 2, style: str = "") -> list[Text]:
        """``  label      text`` with the text wrapped under itself."""
        return self.wrap(text, indent + 11, style=style, lead=Text(" " * indent + label))

    # -- sections ------------------------------------------------------------------------------

    def header(self) -> Iterator[Text]:
        report = self.report
        targets = provenance(report)
        title = f"chwarden {report.command}"
        if len(targets) == 1:
            title += f" · {targets[0].target}"
        yield Text(safe_text(title), style="bold")
        if len(targets) >= MANY_TARGETS and not self.verbose:
            counts: dict[str, int] = {}
            for t in report.targets:
                counts[t.status] = counts.get(t.status, 0) + 1
            summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
            yield from self.labelled("targets", f"{len(targets)}: {summary} (-v lists each)")
        else:
            for target in targets:
                indent = 2
                if len(targets) > 1:
                    yield Text("  " + safe_text(target.target), style="bold")
                    indent = 4
                for label, text in target.lines:
                    style = "yellow" if label in ("partial", "failed", "not read") else ""
                    if label == "lock" and "; " in text and not self.verbose:
                        text = text.split("; ", 1)[0] + " (-v: what the server kept of chwarden's limits)"
                    yield from self.labelled(label, text, indent, style)
        gaps = gap_groups(report)
        if gaps:
            yield from self.labelled("not run", f"{not_run_checks(report)} checks (-v lists them):")
            for gap in gaps:
                text = f"{len(gap.checks)} {gap.label}" + (f": {gap.hint}" if gap.hint else "")
                yield from self.wrap(text, 15, first="· ")

    def fix_first(self) -> Iterator[Text]:
        path = top_path(self.report)
        if not self.causes and path is None:
            return
        yield from self.heading("Fix first")
        for number, cause in enumerate(self.causes, 1):
            yield from self.cause(number, cause)
        if path is not None:
            line = Text("  ")
            line.append("Top attack path ", style="bold")
            line.append(f"({path.severity.value})", style=SEVERITY_STYLES[path.severity])
            yield line
            yield from self.wrap(path.summary.split(" — cheapest fix")[0], 4)
            if path.fix_action:
                yield from self.wrap(path.fix_action, 9, first="    cut: ", style="green")

    def cause(self, number: int, cause: Cause) -> Iterator[Text]:
        f = cause.finding
        closed = cause.all_closed
        if cause.advisories:
            head = f"{_advisory_title(cause)} ({severity_text(closed)})"
        else:
            head = where(f) + (f" · {f.resource}" if f.location is not None else "")
            if len(closed) > 1:
                head += f" · closes {len(closed)} findings ({severity_text(closed)})"
            else:
                head += f" · {f.severity.value}: {f.title}"
        yield from self.wrap(head, 5, first=f"{number}. ")
        yield from self.wrap(cause.fix, 5, style="green")
        if cause.closes and not cause.advisories:
            yield from self.wrap(", ".join(c.check_id for c in cause.closes), 5, style="dim")

    def findings(self) -> Iterator[Text]:
        report = self.report
        if not report.findings:
            yield Text("")
            yield Text("No findings.", style="bold green")
            return
        counts = severity_counts(report)
        shown = ", ".join(f"{n} {s.value}" for s, n in counts.items() if n)
        yield from self.heading(f"Findings: {len(report.findings)} ({shown})")
        fix_number = {id(c): n for n, cause in enumerate(self.causes, 1) if not cause.advisories for c in cause.closes}
        for group in finding_groups(report):
            yield from self.group(group, fix_number)

    def group(self, group: FindingGroup, fix_number: dict[int, int]) -> Iterator[Text]:
        label = Text(group.severity.value.upper(), style=SEVERITY_STYLES[group.severity])
        yield from self.wrap(
            group.title, LABEL, style="bold" if group.severity.at_least(Severity.HIGH) else "", lead=label
        )
        places = group.places
        targets = {f.target for f in group.findings}
        prefix = "" if len(targets) == 1 and len(self.report.targets) <= 1 else "{target} "
        if group.advisories:
            ids = ", ".join(f.resource.removeprefix("advisory:") for f in group.findings)
            yield from self.wrap(f"{group.check_id}: {ids}" if self.verbose else group.check_id, LABEL, style="dim")
        elif len(places) == 1:
            at, resource = places[0]
            text = prefix.format(target=group.findings[0].target) + at + (f" · {resource}" if resource else "")
            yield from self.wrap(f"{text} · {group.check_id}", LABEL)
        else:
            yield from self.wrap(f"{group.check_id}, {len(places)} places:", LABEL)
            limit = len(places) if self.verbose else MAX_PLACES
            for finding, (at, resource) in list(zip(group.findings, places, strict=True))[:limit]:
                text = prefix.format(target=finding.target) + at + (f" · {resource}" if resource else "")
                yield from self.wrap(text, LABEL + 2)
            if len(places) > limit:
                yield from self.wrap(f"+{len(places) - limit} more (-v lists them)", LABEL + 2, style="dim")
        yield from self.wrap(group.fix, LABEL, first="fix: ", style="green")
        numbers = sorted({fix_number[id(f)] for f in group.findings if id(f) in fix_number})
        if numbers and not group.advisories:
            yield from self.wrap(f"(goes away with fix {', '.join(map(str, numbers))} above)", LABEL, style="dim")
        if self.details:
            for finding in group.findings:
                yield from self.finding_details(finding, len(group.findings) > 1)

    def finding_details(self, finding: Finding, name_it: bool) -> Iterator[Text]:
        """The evidence and the exact patches of one finding, under its group."""
        indent = LABEL + 2
        if name_it:
            yield from self.wrap(f"{where(finding)} · {finding.resource}", LABEL, style="bold")
        yield from self.wrap(f"confidence: {finding.confidence}", indent)
        cause = cause_of(self.report, finding)
        if cause is not None:
            yield from self.wrap(f"caused by: {cause}", indent)
        for key, value in evidence_lines(finding.evidence):
            yield from self.wrap(f"{key}: {value}", indent)
        fix = finding.remediation
        for label, body in (("sql", fix.sql), ("xml", fix.xml)):
            if body:
                yield from self.wrap(f"fix ({label}):", indent)
                for line in safe_text(body).splitlines():
                    yield Text(" " * (indent + 2) + line, style="green")  # code: never re-wrapped

    def sensitive_data(self) -> Iterator[Text]:
        rows = self.report.sensitive_data
        if not rows:
            return
        yield from self.heading(f"Sensitive data: {len(rows)} column/detector matches")
        for s in rows:
            head = f"{s.database}.{s.table}.{s.column} · {s.detector} ({s.category})"
            head += f" · {s.rows_matched}/{rows_scanned(s)}"
            if len({r.target for r in rows}) > 1:
                head = f"{s.target} · {head}"
            yield from self.wrap(head, 2)
            if s.examples and (self.verbose or self.details):
                yield from self.wrap(format_value(s.examples), 4, style="dim")

    def attack_paths(self) -> Iterator[Text]:
        paths = self.report.attack_paths
        if len(paths) <= 1 and top_path(self.report) is not None and not self.verbose:
            return  # the one path is in "Fix first"
        if not paths:
            return
        yield from self.heading(f"Attack paths: {len(paths)}")
        limit = len(paths) if self.verbose else 5
        for number, p in enumerate(paths[:limit], 1):
            yield from self.wrap(f"{number}. [{p.severity.value}] {p.summary}", 2)
        if len(paths) > limit:
            yield from self.wrap(f"+{len(paths) - limit} more (-v lists them)", 2, style="dim")

    def endpoints(self) -> Iterator[Text]:
        endpoints = self.report.endpoints
        if not endpoints:
            return
        yield from self.heading(f"Endpoints: {len(endpoints)}")
        for e in endpoints:
            what = f"ClickHouse {e.version}" if e.clickhouse and e.version else ("ClickHouse" if e.clickhouse else "?")
            host = f"[{e.host}]" if ":" in e.host else e.host
            text = f"{host}:{e.port} · {e.protocol}{' (TLS)' if e.tls else ''} · {what} · login: {e.auth}"
            yield from self.wrap(text, 2)

    def investigation(self) -> Iterator[Text]:
        """investigate's log coverage and timeline: one wrapped line per row, each value with its header."""
        for title, headers, rows in (
            ("Log coverage", COVERAGE_HEADERS, coverage_rows(self.report)),
            ("Timeline", TIMELINE_HEADERS, timeline_rows(self.report)),
        ):
            if not rows:
                continue
            yield from self.heading(f"{title}: {len(rows)}")
            for row in rows:
                cells = [f"{h.lower()} {v}" for h, v in zip(headers, row, strict=True) if v not in ("", "-")]
                yield from self.wrap(" · ".join(cells), 4, first="· ")

    def not_checked(self) -> Iterator[Text]:
        entries = self.report.not_checked
        if not entries:
            return
        yield from self.heading(f"Not checked: {len(entries)}")
        many = len({n.target for n in entries}) > 1
        for n in entries:
            yield from self.wrap(f"{n.check_id}{' on ' + n.target if many else ''}: {n.reason}", 4, first="· ")

    def inputs(self) -> Iterator[Text]:
        for target, lines in input_lines(self.report):
            yield from self.heading(f"Inputs of {target}")
            for label, line in lines:
                yield from self.wrap(f"{label}: {line}", 4, first="· ", style="yellow" if label == "not read" else "")

    def warnings(self) -> Iterator[Text]:
        for status in self.report.targets:
            if status.status == "complete" or (status.status == "failed" and len(self.report.targets) == 1):
                continue
            detail = "; ".join(status.errors) or "no details"
            yield Text("")
            yield from self.wrap(f"warning: {status.status} run on {status.target}: {detail}", 0, style="bold yellow")

    def footer(self) -> Iterator[Text]:
        yield Text("")
        yield Text(safe_text(summary_text(self.report)), style="bold")
        if self.quiet or not self.report.findings:
            return
        if not self.details:
            tip = "Evidence and exact SQL/XML patches: --details. All fixes as one script: -f json -o r.json, then"
            yield from self.wrap(f"{tip} chwarden fix r.json.", 0, style="dim")


def _advisory_title(cause: Cause) -> str:
    """``11 known vulnerabilities in 18.16.1 (3 pre-auth)``: the same words as the findings list."""
    return advisory_title(cause.finding.target, list(cause.all_closed))
