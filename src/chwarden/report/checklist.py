"""`chwarden checks`: the check catalogue as a terminal table or as JSON metadata.

Both list the facts each check needs (``@check(needs=...)``): a target that cannot give them gets
the check as "not checked", with the reason.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from enum import Enum
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from chwarden.checks.registry import CheckMeta, iter_metas
from chwarden.report.terminal import SEVERITY_STYLES


class CatalogFormat(str, Enum):
    """How a catalogue (checks, detectors) is printed."""

    table = "table"
    json = "json"


CATALOG_FORMATS = tuple(f.value for f in CatalogFormat)


def catalog_entries(metas: Iterable[CheckMeta] | None = None) -> list[dict[str, Any]]:
    """One JSON-ready dict per check, in the registry's stable order (category, then id)."""
    return [
        {
            "id": m.id,
            "title": m.title,
            "severity": m.severity.value,
            "category": m.category,
            "rationale": m.rationale,
            "remediation": m.remediation,
            "references": list(m.references),
            "needs": list(m.needs),
        }
        for m in _metas(metas)
    ]


def render_catalog(
    fmt: str = "table", metas: Iterable[CheckMeta] | None = None, *, width: int = 120, color: bool = False
) -> str:
    """The catalogue as ``table`` (id, severity, category, title, needed facts) or ``json``."""
    chosen = _metas(metas)
    if fmt == "json":
        return json.dumps(catalog_entries(chosen), indent=2, ensure_ascii=False) + "\n"
    if fmt != "table":
        raise ValueError(f"unknown catalogue format {fmt!r}; choose one of: {', '.join(CATALOG_FORMATS)}")
    table = Table(title=f"{len(chosen)} checks", title_justify="left")
    for column in ("ID", "Severity", "Category", "Title", "Needs"):
        table.add_column(column, overflow="fold")
    for m in chosen:
        table.add_row(
            Text(m.id),
            Text(m.severity.value, style=SEVERITY_STYLES[m.severity]),
            Text(m.category),
            Text(m.title),
            Text(", ".join(m.needs)),
        )
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
    )
    console.print(table)
    return buffer.getvalue()


def _metas(metas: Iterable[CheckMeta] | None) -> list[CheckMeta]:
    return list(iter_metas() if metas is None else metas)
