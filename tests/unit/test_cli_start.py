"""Start time is guarded by what a command imports, not by a stopwatch (bench/bench_start.py times it).

``chwarden --help`` and ``--version`` load typer and the command table only; an offline audit loads
neither the transports, nor discover, scan, assess, the fix script, Jinja2 (HTML) or the native
driver. Each case runs in a fresh interpreter and prints the modules it ended with.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import chwarden.cli as cli_module
from chwarden.cli import COMMANDS

CONFIG = Path(__file__).resolve().parents[1] / "data" / "configs" / "debian_18_16"

_PROBE = """
import json, sys
sys.argv = ["chwarden", *json.loads(sys.argv[1])]
from chwarden.cli import main
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
print("\\nMODULES=" + json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def imported_by(*args: str) -> set[str]:
    env = {**os.environ, "CHWARDEN_OPTIONS": ""}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(list(args))],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    marker = done.stderr.rsplit("MODULES=", 1)
    assert len(marker) == 2, done.stderr[-2000:]
    return set(json.loads(marker[1]))


def _loaded(modules: set[str], *prefixes: str) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes))


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("-h",)])
def test_help_and_version_import_no_command(args: tuple[str, ...]) -> None:
    modules = imported_by(*args)
    commands = [f"chwarden.cli.{c.module}" for c in COMMANDS if c.module]
    assert _loaded(modules, *commands, "chwarden.cli.common") == []
    heavy = ("pydantic", "rich", "chwarden.model", "chwarden.facts", "chwarden.checks", "chwarden.connect")
    assert _loaded(modules, *heavy, "jinja2", "httpcore", "clickhouse_driver", "yaml") == []


def test_offline_audit_imports_only_what_it_uses() -> None:
    modules = imported_by("audit", "--config", str(CONFIG), "-q")
    assert "chwarden.checks.builtin" in modules and "chwarden.report.terminal" in modules  # it did run
    unused = (
        "chwarden.discover",
        "chwarden.scan",
        "chwarden.assess",
        "chwarden.demo",
        "chwarden.remediate",
        "chwarden.sources.live",
        "chwarden.sources.network",
        "chwarden.sources.probe",
        "chwarden.connect",  # no transport at all: a config directory is read from disk
        "chwarden.report.html",
        "chwarden.report.sarif",
        "chwarden.report.markdown",
        "jinja2",
        "httpcore",
        "httpx",
        "clickhouse_driver",
        "chdb",
        "tomllib",  # no options file in the test's environment
    )
    assert _loaded(modules, *unused) == []


def test_offline_audit_of_xml_files_leaves_the_other_inputs_unloaded() -> None:
    """A directory of XML files: no YAML reader, no container or image model, no advisory data (no version
    known), no bundled word lists (no password to compare), no plugin scan of pydantic's (the stand-in loader).
    """
    modules = imported_by("audit", "--config", str(CONFIG), "-q")
    assert "chwarden.sources.configfiles.loader" in modules  # it did read the files
    lazy = (
        "yaml",
        "chwarden.sources.configfiles.yaml_docs",
        "chwarden.sources.configfiles.yaml_xml",
        "chwarden.sources.configfiles.layers",
        "chwarden.sources.configfiles.container_fs",
        "chwarden.sources.configfiles.image_defaults",
        "chwarden.sources.configfiles.image_entrypoint",
        "chwarden.sources.configfiles.server_files",
        "chwarden.advisories",
        "importlib.metadata",
        "importlib.resources",
        "socket",
    )
    assert _loaded(modules, *lazy) == []


def test_the_stand_in_plugin_loader_answers_as_pydantic_s_own() -> None:
    """pydantic takes only ``get_plugins`` from its loader, and with every plugin off the real one returns none."""
    import ast

    import pydantic.plugin

    source = Path(pydantic.plugin.__file__).with_name("_schema_validator.py").read_text(encoding="utf-8")
    imports = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.ImportFrom) and n.module == "_loader"]
    assert {a.name for n in imports for a in n.names} == {"get_plugins"}
    probe = "from pydantic.plugin._loader import get_plugins; print(tuple(get_plugins()))"
    for value in cli_module._ALL_PLUGINS_OFF:  # in a fresh interpreter: the real loader, whatever ran here
        env = {**os.environ, "PYDANTIC_DISABLE_PLUGINS": value}
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=env)
        assert done.stdout.strip() == "()", done.stderr[-2000:]


def test_no_model_field_defaults_to_the_builtin_list_or_dict() -> None:
    """pydantic reads each factory's signature when it builds a validator: a builtin's costs ~0.4 ms."""
    from pydantic import BaseModel

    from chwarden import facts, model

    models = [
        m for mod in (facts, model) for m in vars(mod).values() if isinstance(m, type) and issubclass(m, BaseModel)
    ]
    slow = [f"{m.__name__}.{n}" for m in models for n, f in m.model_fields.items() if f.default_factory in (list, dict)]
    assert slow == []


def test_serve_help_does_not_load_the_web_stack() -> None:
    """``serve --help`` needs the options, not Starlette, uvicorn, Jinja2 or the pages."""
    modules = imported_by("serve", "--help")
    assert "chwarden.serve.run" in modules  # it did build the command
    web = ("starlette", "uvicorn", "jinja2", "chwarden.serve.app", "chwarden.serve.pages", "chwarden.serve.context")
    assert _loaded(modules, *web) == []


def test_help_of_a_command_does_not_read_suppressions() -> None:
    assert _loaded(imported_by("audit", "--help"), "chwarden.suppress", "yaml") == []


def test_json_output_does_not_load_the_terminal_renderer() -> None:
    modules = imported_by("audit", "--config", str(CONFIG), "-f", "json", "-q")
    assert "chwarden.report.json_report" in modules
    assert _loaded(modules, "chwarden.report.terminal", "chwarden.report.html", "jinja2", "rich") == []


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_command_table_summary_is_the_docstring(command: object) -> None:
    """``--help`` lists COMMANDS' summaries without importing: they must say what the functions say."""
    module = importlib.import_module(f"chwarden.cli.{command.module}" if command.module else "chwarden.cli")  # type: ignore[attr-defined]
    function = getattr(module, command.function)  # type: ignore[attr-defined]
    assert inspect.getdoc(function).splitlines()[0] == command.summary  # type: ignore[attr-defined]


_PLUGINS_PROBE = """
import json, os, sys
sys.argv = ["chwarden", "audit", "--config", sys.argv[1], "-q"]
from chwarden.cli import main
try:
    main()
except SystemExit:
    pass
from pydantic.plugin import _loader
print(json.dumps([os.environ.get("PYDANTIC_DISABLE_PLUGINS"), _loader._plugins is None]))
"""


@pytest.mark.parametrize(("given", "expected"), [(None, "__all__"), ("logfire", "logfire")])
def test_the_command_line_runs_without_pydantic_plugins(given: str | None, expected: str) -> None:
    """No entry-point scan at the first model build (and no plugin sees a fact); an explicit setting wins."""
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"} | {"CHWARDEN_OPTIONS": ""}
    if given is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = given
    done = subprocess.run(
        [sys.executable, "-c", _PLUGINS_PROBE, str(CONFIG)], capture_output=True, text=True, timeout=120, env=env
    )
    setting, never_scanned = json.loads(done.stdout.strip().splitlines()[-1])
    assert setting == expected
    assert never_scanned is (given is None)
