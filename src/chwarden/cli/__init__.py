"""The command line: one module per command, everything they share in ``common``.

This module builds the ``chwarden`` app and is the console entry point. Commands are listed in
``COMMANDS`` (one line each, in the order ``--help`` shows them) and imported only when one is run:
``chwarden --help`` and ``--version`` load typer and this module, nothing of the commands, so they
start in a few hundredths of a second (``bench/bench_start.py``; ``tests/unit/test_cli_start.py``
guards the import set). ``main`` turns a bug into one line and exit code 4 instead of a traceback.

The exit codes live here, below every command module, so that the entry point knows them without
importing one; ``common`` re-exports them.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import typer
from typer.core import TyperGroup

from chwarden import __version__
from chwarden.errors import InputError

# 0 ran, nothing at or above --fail-on; 1 findings at or above it; 2 usage or input error;
# 3 unreachable (refused, timed out, no answer); 4 internal error (a bug);
# 5 the server refused the login; 6 the port answers, but not as ClickHouse (or not the protocol asked for).
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREACHABLE, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_AUTH, EXIT_NOT_CLICKHOUSE = 5, 6

EXIT_CODES_HELP = (
    "\b\nExit codes:\n"
    "  0  ran; nothing at or above --fail-on\n"
    "  1  findings at or above --fail-on\n"
    "  2  usage or input error (bad option, missing file, unknown check id)\n"
    "  3  target unreachable (refused, timed out, no answer)\n"
    "  4  internal error (a bug: CHWARDEN_DEBUG=1 shows the traceback)\n"
    "  5  the server refused the login (user, password, network)\n"
    "  6  the port answers, but not as ClickHouse or not in the protocol asked for"
)

__all__ = [
    "COMMANDS",
    "EXIT_AUTH",
    "EXIT_CODES_HELP",
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_NOT_CLICKHOUSE",
    "EXIT_OK",
    "EXIT_UNREACHABLE",
    "EXIT_USAGE",
    "app",
    "main",
]


@dataclass(frozen=True)
class Command:
    """One command: its name, the function in ``chwarden.cli.<module>``, and its one-line summary.

    The summary is what ``chwarden --help`` lists without importing the command; a unit test keeps
    it equal to the first line of the function's docstring.
    """

    name: str
    module: str
    function: str
    summary: str


COMMANDS: tuple[Command, ...] = (
    Command("audit", "audit", "audit", "Audit a live server (or cluster), a config directory, or a saved snapshot."),
    Command("explain", "explain", "explain", "Explain one check: why it matters, its evidence, its fix, references."),
    Command("checks", "checks", "checks", "List every check chwarden runs."),
    Command(
        "demo", "demo", "demo", "Audit a DeepSeek-like instance on the embedded engine: no server or network needed."
    ),
    Command("version", "", "version", "Print chwarden's version."),
    Command(
        "discover",
        "discover",
        "discover",
        "Find secrets, personal data and AI chat logs inside tables, system logs or files.",
    ),
    Command(
        "detectors", "discover", "detectors", "List the detectors `discover` runs (id, category, severity, validator)."
    ),
    Command(
        "assess",
        "assess",
        "assess",
        "Rank the attack paths from the network to the sensitive data, each with its cheapest fix.",
    ),
    Command("scan", "scan", "scan", "Find the ClickHouse endpoints strangers can reach, and what they expose."),
    Command(
        "harden",
        "harden",
        "harden",
        "Write a complete hardened config (config.d/ and users.d/) for a ClickHouse version.",
    ),
    Command(
        "fix", "fix", "fix", "Turn a report into one reviewable fix script (SQL + XML patches); dry run unless --apply."
    ),
    Command(
        "watch",
        "watch",
        "watch",
        "Watch targets continuously: posture drift, attacks in their logs, alerts, history in the store.",
    ),
    Command("rules", "watch", "rules", "List the detection rules and the log reliability checks watch runs."),
    Command(
        "investigate",
        "investigate",
        "investigate",
        "The incident answer: who read each sensitive table, from where, how much, when; a timeline.",
    ),
    Command(
        "serve",
        "serve",
        "serve",
        "A web dashboard over the findings store: fleet, trends, targets, alerts, catalogues (login required).",
    ),
)
_BY_NAME = {c.name: c for c in COMMANDS}

ROOT_EPILOG = (
    "\b\nExamples:\n"
    "  chwarden demo                                   the breach scenario, no server needed\n"
    "  chwarden audit --config /etc/clickhouse-server  audit config files offline (CI)\n"
    "  chwarden audit http://db1:8123 --ask-password   audit a live server\n"
    "  chwarden explain default_user_without_password  what a finding means and how to fix it\n"
    "  chwarden COMMAND --help                         options, examples and exit codes of a command\n"
    "\n"
    "\b\nDefaults for any option can live in chwarden.toml or in [tool.chwarden] of pyproject.toml\n"
    "(current directory). Shell completion: chwarden --install-completion.\n"
    "\n" + EXIT_CODES_HELP
)


class LazyGroup(TyperGroup):
    """The top-level group: knows the commands by name and imports one only when it runs.

    ``--help`` lists the summaries from ``COMMANDS``; the options file (``cli/options.py``) becomes
    click's ``default_map`` in ``make_context``, so every command reads its defaults the same way
    whether the console script or a test's ``CliRunner`` runs it.
    """

    def list_commands(self, ctx: Any) -> list[str]:
        return [c.name for c in COMMANDS]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        entry = _BY_NAME.get(cmd_name)
        if entry is None:
            return None
        command = _load(entry)
        defaults = (ctx.default_map or {}).get(entry.name) if ctx is not None else None
        if defaults:
            from chwarden.cli.options import check_defaults  # lazy: only when an options file sets something

            check_defaults(entry.name, defaults, command.params)
        return command

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        width = max(len(c.name) for c in COMMANDS)
        with formatter.section("Commands"):
            formatter.write_dl([(c.name.ljust(width), c.summary) for c in COMMANDS])

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        if "default_map" not in extra and not _wants_only_help_or_version(args):
            from chwarden.cli.options import load_defaults  # lazy: tomllib only when a command runs

            extra["default_map"] = load_defaults([c.name for c in COMMANDS])
        return super().make_context(info_name, args, parent=parent, **extra)


def _wants_only_help_or_version(args: list[str]) -> bool:
    return not args or args[0] in ("--help", "-h", "--version", "-V")


_LOADED: dict[str, Any] = {}


def _load(entry: Command) -> Any:
    """The click command of ``entry``: its module imported now, with its examples as the epilog."""
    if entry.name not in _LOADED:
        module = importlib.import_module(f"chwarden.cli.{entry.module}" if entry.module else __name__)
        function = getattr(module, entry.function)
        examples = getattr(module, "EXAMPLES", {}).get(entry.name, "")
        epilog = (f"\b\nExamples:\n{examples}\n\n" if examples else "") + EXIT_CODES_HELP
        single = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
        single.command(name=entry.name, epilog=epilog, context_settings={"help_option_names": ["--help", "-h"]})(
            function
        )
        _LOADED[entry.name] = typer.main.get_command(single)
    return _LOADED[entry.name]


def version() -> None:
    """Print chwarden's version."""
    typer.echo(f"chwarden {__version__}")


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"chwarden {__version__}")
        raise typer.Exit(EXIT_OK)


app = typer.Typer(
    cls=LazyGroup,
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["--help", "-h"]},
    epilog=ROOT_EPILOG,
)


@app.callback()
def root(
    show_version: bool = typer.Option(  # not "version": the options file's [version] table would default it
        False, "--version", "-V", is_eager=True, callback=_print_version, help="Print chwarden's version and exit."
    ),
) -> None:
    """chwarden: find and fix ClickHouse deployments that could become the next data breach."""


def _prewarm_engine(args: list[str]) -> None:
    """``discover chdb://...``: start the embedded engine's worker before the command's imports.

    It loads chdb (about 0.2 s) while this process imports the command (about 0.3 s) instead of
    after it; any other command, or a server target, starts nothing.
    """
    if args[:1] == ["discover"] and any(a.startswith("chdb:") for a in args[1:]) and not {"-h", "--help"} & set(args):
        from chwarden.connect.engine_worker import prewarm  # lazy: only discover of an embedded engine

        prewarm()  # the command tells it its target and warm-up once its options are read


# pydantic's values of PYDANTIC_DISABLE_PLUGINS that turn every plugin off (pydantic/plugin/_loader.py).
_ALL_PLUGINS_OFF = ("__all__", "1", "true")


def _no_plugin_discovery() -> None:
    """With every pydantic plugin off, stand in for pydantic's plugin loader with one that finds none.

    pydantic imports its loader at the first model build, and the loader imports ``importlib.metadata``
    (email, zipfile, csv: about 30 ms of an offline audit) only to return no plugins when they are off.
    The stand-in returns the same nothing; pydantic takes only ``get_plugins`` from the loader
    (``tests/unit/test_cli_start.py`` checks that). A partial list (``logfire``) keeps the real loader.
    """
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in _ALL_PLUGINS_OFF or "pydantic.plugin._loader" in sys.modules:
        return
    loader = ModuleType("pydantic.plugin._loader", "chwarden's stand-in: every pydantic plugin is off")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    loader._plugins = None  # type: ignore[attr-defined]  # "never scanned", as the real loader says it
    sys.modules[loader.__name__] = loader


# Young objects the cycle collector lets pile up before it runs (CPython's default: 700). A command's
# imports and first model builds make tens of thousands of objects that live to its end: at 700, dozens
# of collections rescan them for nothing (~15 ms of an offline audit; mypy raises it for the same reason).
YOUNG_OBJECTS_PER_COLLECTION = 50_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run with the raised threshold, the caller's own restored after (a test that calls ``main``)."""
    threshold = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS_PER_COLLECTION, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def main() -> None:
    # Third-party pydantic plugins would see every value chwarden's models validate (facts, findings,
    # redacted samples), and finding them scans the entry points of every installed package when
    # the first model is built (about 30 ms of each start): the command line runs without them.
    # An explicit PYDANTIC_DISABLE_PLUGINS in the environment wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if not _wants_only_help_or_version(sys.argv[1:]):  # those build no model: pydantic stays unimported
        _no_plugin_discovery()
    # The interpreter's exit walks every tracked object in several garbage collections (~80 ms after an
    # offline audit: models, schemas, facts); frozen at exit, they are skipped. Registered, not called:
    # it runs after the command and its own exit handlers, and never inside a caller that goes on.
    atexit.register(gc.freeze)
    with _fewer_collections():
        _prewarm_engine(sys.argv[1:])
        try:
            app(prog_name="chwarden")  # also under `python -m chwarden`: completion reads _CHWARDEN_COMPLETE
        except KeyboardInterrupt:
            typer.echo("chwarden: interrupted", err=True)
            sys.exit(130)
        except InputError as exc:  # an options file the group read before any command ran
            typer.echo(f"chwarden: error: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        except Exception as exc:  # a bug of ours: one clear line, the traceback only on request
            if os.environ.get("CHWARDEN_DEBUG"):
                raise
            typer.echo(
                f"chwarden: internal error: {type(exc).__name__}: {exc} (set CHWARDEN_DEBUG=1 for the traceback)",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)
