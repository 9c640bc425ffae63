"""Report renderers: a finished ``Report`` in, a string out; the CLI decides where it goes.

``RENDERERS`` maps a format name to its renderer; adding a format means one module and one entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
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

RENDERERS: dict[str, Renderer] = {
    "terminal": render_terminal,
    "json": render_json,
    "sarif": render_sarif,
    "markdown": render_markdown,
    "html": render_html,
    "dot": render_dot,
    "mermaid": render_mermaid,
}

_OPTION_NAMES = frozenset(f.name for f in fields(RenderOptions))

__all__ = ["RENDERERS", "RenderOptions", "Renderer", "render"]


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
