"""``chwarden demo``: the breach scenario on the embedded engine, end to end."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from chwarden.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    DetailsOpt,
    FormatOpt,
    OutputOpt,
    QuietOpt,
    VerboseOpt,
    emit,
    fail,
    input_errors_exit_2,
    note,
    pair_outputs,
    set_output,
)
from chwarden.cli.serve import HostOpt, PortOpt
from chwarden.demo import run_demo
from chwarden.demo.watch import run_watch_demo, story_lines
from chwarden.report import render
from chwarden.serve import DEFAULT_HOST, DEFAULT_PORT, ServeOptions, check_options, serve
from chwarden.store import StoreSpec, open_store

EXAMPLES = {
    "demo": (
        "  chwarden demo                      the report on the terminal, HTML in chwarden-demo-report.html\n"
        "  chwarden demo --details            with each finding's evidence and exact fix\n"
        "  chwarden demo -f json -o demo.json"
    )
}


@input_errors_exit_2
def demo(
    workdir: Annotated[Path | None, typer.Option("--workdir", help="Where the embedded engine keeps its data.")] = None,
    html: Annotated[Path, typer.Option("--html", help="Where to write the HTML report.")] = Path(
        "chwarden-demo-report.html"
    ),
    fmt: FormatOpt = [],  # noqa: B006
    output: OutputOpt = [],  # noqa: B006
    details: DetailsOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    no_watch: Annotated[
        bool, typer.Option("--no-watch", help="Skip the watch part (drift and a detected attack).")
    ] = False,
    serve_it: Annotated[
        bool,
        typer.Option("--serve", help="Then serve the demo's store on 127.0.0.1:PORT (Ctrl-C stops and deletes it)."),
    ] = False,
    host: HostOpt = DEFAULT_HOST,
    port: PortOpt = DEFAULT_PORT,
) -> None:
    """Audit a DeepSeek-like instance on the embedded engine: no server or network needed."""
    set_output(quiet, verbose)
    if serve_it and no_watch:
        fail("--serve shows the watch part's store: drop --no-watch", EXIT_USAGE)
    options = ServeOptions(host=host, port=port)  # no TLS options here: the demo serves loopback only
    check_options(options)
    report = run_demo(workdir=workdir)
    pairs = pair_outputs(fmt, output)
    emit(report, pairs, details=details)
    html.write_text(render(report, "html"), encoding="utf-8")
    note(f"HTML report: {html}")
    if serve_it:
        _watch_and_serve(options)
    elif not no_watch:
        with tempfile.TemporaryDirectory(prefix="chwarden-demo-watch-") as base:
            for line in story_lines(run_watch_demo(Path(base))):
                note(line)
    raise typer.Exit(EXIT_OK)


def _watch_and_serve(options: ServeOptions) -> None:
    """Three watch cycles (baseline, the stranger's attack, the operator's cleanup) into a throw-away
    embedded store, then the dashboard over it with its own throw-away admin password."""
    base = Path(tempfile.mkdtemp(prefix="chwarden-demo-serve-"))
    try:
        for line in story_lines(run_watch_demo(base, cleanup=True)):
            note(line)
        auth = ServeOptions(host=options.host, port=options.port, auth_dir=base / "auth")
        with open_store(StoreSpec(str(base / "store"))) as store:
            serve(store, auth, lambda line: typer.echo(line, err=True), "the demo's embedded store")
    finally:
        shutil.rmtree(base, ignore_errors=True)
