"""``chwarden checks``: the check catalogue (id, severity, category, title, the facts each needs)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from chwarden.report.checklist import CatalogFormat, render_catalog

EXAMPLES = {"checks": "  chwarden checks\n  chwarden checks --format json\n  chwarden explain CHECK_ID"}


def checks(
    fmt: Annotated[CatalogFormat, typer.Option("--format", "-f")] = CatalogFormat.table,
) -> None:
    """List every check chwarden runs."""
    sys.stdout.write(render_catalog(fmt.value))
