"""Report renderers: a finished ``Report`` in, a string out; the CLI decides where it goes.

``ReportFormat`` names every format and ``RENDERERS`` maps each to its renderer; adding a format
means one module, one member and one entry. The command line offers exactly these formats.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from enum import Enum
from typing import Any

from chwarden.model import Report
from chwarden.report._common import RenderOptions
from chwarden.report.graph import render_dot, render_mermaid
from chwarden.report.html import render_html
from chwarden.report.json_report import render_json
from chwarden.report.markdown import render_markdown
from chwarden.report.sarif import render_sarif
from chwarden.report.terminal import render_terminal

Renderer = Callable[[Report, RenderOptions], str]


class ReportFormat(str, Enum):
    """Every format a report renders to."""

    terminal = "terminal"
    json = "json"
    sarif = "sarif"
    markdown = "markdown"
    html = "html"
    dot = "dot"
    mermaid = "mermaid"


_RENDERER_OF: dict[ReportFormat, Renderer] = {
    ReportFormat.terminal: render_terminal,
    ReportFormat.json: render_json,
    ReportFormat.sarif: render_sarif,
    ReportFormat.markdown: render_markdown,
    ReportFormat.html: render_html,
    ReportFormat.dot: render_dot,
    ReportFormat.mermaid: render_mermaid,
}
RENDERERS: dict[str, Renderer] = {fmt.value: _RENDERER_OF[fmt] for fmt in ReportFormat}

# Formats that draw only the attack paths (assess); every other format renders the whole report.
PATH_FORMATS = frozenset({ReportFormat.dot, ReportFormat.mermaid})
# A lone --output FILE picks its format from the extension.
FORMAT_EXTENSIONS = {
    ".json": ReportFormat.json,
    ".sarif": ReportFormat.sarif,
    ".md": ReportFormat.markdown,
    ".markdown": ReportFormat.markdown,
    ".html": ReportFormat.html,
    ".htm": ReportFormat.html,
    ".txt": ReportFormat.terminal,
}

_OPTION_NAMES = frozenset(f.name for f in fields(RenderOptions))

__all__ = ["FORMAT_EXTENSIONS", "PATH_FORMATS", "RENDERERS", "RenderOptions", "Renderer", "ReportFormat", "render"]


def render(report: Report, fmt: str, **opts: Any) -> str:
    """Render ``report`` as ``fmt``; options are RenderOptions fields (width, color, root, ...).

    Unknown formats or options raise ValueError with the valid choices, never a TypeError.
    """
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise ValueError(f"unknown report format {fmt!r}; choose one of: {', '.join(RENDERERS)}")
    unknown = sorted(set(opts) - _OPTION_NAMES)
    if unknown:
        known = ", ".join(sorted(_OPTION_NAMES))
        raise ValueError(f"unknown render option(s) {', '.join(unknown)}; known: {known}")
    return renderer(report, RenderOptions(**opts))
