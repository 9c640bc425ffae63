"""``chwarden demo``: the breach scenario on the embedded engine, end to end."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from chwarden.cli.common import EXIT_OK, DetailsOpt, FormatOpt, OutputOpt, emit, input_errors_exit_2, pair_outputs
from chwarden.demo import run_demo
from chwarden.demo.watch import run_watch_demo, story_lines
from chwarden.report import render


@input_errors_exit_2
def demo(
    workdir: Annotated[Path | None, typer.Option("--workdir", help="Where the embedded engine keeps its data.")] = None,
    html: Annotated[Path, typer.Option("--html", help="Where to write the HTML report.")] = Path(
        "chwarden-demo-report.html"
    ),
    fmt: FormatOpt = [],  # noqa: B006
    output: OutputOpt = [],  # noqa: B006
    details: DetailsOpt = False,
    no_watch: Annotated[
        bool, typer.Option("--no-watch", help="Skip the watch part (drift and a detected attack).")
    ] = False,
) -> None:
    """Audit a DeepSeek-like instance on the embedded engine: no server or network needed."""
    report = run_demo(workdir=workdir)
    pairs = pair_outputs(fmt, output)
    emit(report, pairs, details=details)
    html.write_text(render(report, "html"), encoding="utf-8")
    typer.echo(f"HTML report: {html}", err=True)
    if not no_watch:
        with tempfile.TemporaryDirectory(prefix="chwarden-demo-watch-") as base:
            for line in story_lines(run_watch_demo(Path(base))):
                typer.echo(line, err=True)
    raise typer.Exit(EXIT_OK)
