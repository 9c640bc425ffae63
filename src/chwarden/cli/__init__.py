"""The command line: one module per command, everything they share in ``common``.

This module builds the ``chwarden`` app from the command modules (one line each, in the order
``--help`` lists them) and is the console entry point: ``main`` turns a bug into one line and exit
code 4 instead of a traceback.
"""

from __future__ import annotations

import os
import sys

import typer

from chwarden import __version__
from chwarden.cli import assess, audit, checks, demo, discover, fix, harden, investigate, scan, serve, watch
from chwarden.cli.common import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_UNREACHABLE, EXIT_USAGE

__all__ = ["EXIT_FINDINGS", "EXIT_INTERNAL", "EXIT_OK", "EXIT_UNREACHABLE", "EXIT_USAGE", "app", "main"]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="chwarden: find and fix ClickHouse deployments that could become the next data breach.",
)


def version() -> None:
    """Print chwarden's version."""
    typer.echo(f"chwarden {__version__}")


app.command(name="audit")(audit.audit)
app.command(name="checks")(checks.checks)
app.command(name="demo")(demo.demo)
app.command(name="version")(version)
app.command(name="discover")(discover.discover)
app.command(name="detectors")(discover.detectors)
app.command(name="assess")(assess.assess)
app.command(name="scan")(scan.scan)
app.command(name="harden")(harden.harden)
app.command(name="fix")(fix.fix)
app.command(name="watch")(watch.watch)
app.command(name="rules")(watch.rules)
app.command(name="investigate")(investigate.investigate)
app.command(name="serve")(serve.serve)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("chwarden: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug of ours: one clear line, the traceback only on request
        if os.environ.get("CHWARDEN_DEBUG"):
            raise
        typer.echo(
            f"chwarden: internal error: {type(exc).__name__}: {exc} (set CHWARDEN_DEBUG=1 for the traceback)",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
