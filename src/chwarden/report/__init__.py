"""Report renderers: a finished ``Report`` in, a string out; the CLI decides where it goes.

``ReportFormat`` names every format and ``RENDERERS`` maps each to its renderer; adding a format
means one module, one member and one entry. The command line offers exactly these formats.
A renderer's module is imported when that format is first rendered (Jinja2 for HTML, SARIF's
tables...), so a command that prints to the terminal does not pay for the others.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import fields
from enum import Enum
from typing import TYPE_CHECKING, Any

from chwarden.report._common import RenderOptions

if TYPE_CHECKING:
    from chwarden.model import Report

Renderer = Callable[["Report", RenderOptions], str]


class ReportFormat(str, Enum):
    """Every format a report renders to."""

    terminal = "terminal"
    json = "json"
    sarif = "sarif"
    markdown = "markdown"
    html = "html"
    dot = "dot"
    mermaid = "mermaid"


# format -> (module in chwarden.report, function)
_RENDERER_OF: dict[ReportFormat, tuple[str, str]] = {
    ReportFormat.terminal: ("terminal", "render_terminal"),
    ReportFormat.json: ("json_report", "render_json"),
    ReportFormat.sarif: ("sarif", "render_sarif"),
    ReportFormat.markdown: ("markdown", "render_markdown"),
    ReportFormat.html: ("html", "render_html"),
    ReportFormat.dot: ("graph", "render_dot"),
    ReportFormat.mermaid: ("graph", "render_mermaid"),
}


class _Renderers(Mapping[str, Renderer]):
    """``RENDERERS[fmt]``: the renderer of a format, its module imported on first use."""

    def __getitem__(self, fmt: str) -> Renderer:
        if fmt not in _VALUES:
            raise KeyError(fmt)
        module, function = _RENDERER_OF[ReportFormat(fmt)]
        renderer: Renderer = getattr(importlib.import_module(f"chwarden.report.{module}"), function)
        return renderer

    def __contains__(self, fmt: object) -> bool:
        return fmt in _VALUES

    def __iter__(self) -> Iterator[str]:
        return iter(_VALUES)

    def __len__(self) -> int:
        return len(_VALUES)


_VALUES = tuple(fmt.value for fmt in ReportFormat)
RENDERERS: Mapping[str, Renderer] = _Renderers()

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
    if fmt not in RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}; choose one of: {', '.join(RENDERERS)}")
    unknown = sorted(set(opts) - _OPTION_NAMES)
    if unknown:
        known = ", ".join(sorted(_OPTION_NAMES))
        raise ValueError(f"unknown render option(s) {', '.join(unknown)}; known: {known}")
    return RENDERERS[fmt](report, RenderOptions(**opts))
