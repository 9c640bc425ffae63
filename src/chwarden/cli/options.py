"""Defaults for command-line options from a file: ``chwarden.toml`` or ``[tool.chwarden]`` in pyproject.

CI runs want their defaults (``--fail-on``, ``--config``, output files) in the repository, as
Trivy's ``trivy.yaml`` or Checkov's ``.checkov.yaml`` hold theirs. The file is looked up in the
current directory (``CHWARDEN_OPTIONS=FILE`` names another one, ``CHWARDEN_OPTIONS=`` turns it off)::

    fail-on = "medium"            # top level: every command that has the option

    [audit]
    config = "deploy/clickhouse"  # option names as on the command line, without "--"
    format = ["sarif"]
    output = ["chwarden.sarif"]

An option given on the command line wins over the file. The values become click's ``default_map``;
an unknown command or option is an input error (exit code 2), never silently ignored.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from chwarden.errors import InputError
from chwarden.inputfiles import SMALL_FILE_BYTES, InputFileError, read_capped_text

OPTIONS_FILE = "chwarden.toml"
PYPROJECT = "pyproject.toml"
ENV_VAR = "CHWARDEN_OPTIONS"
# Options that may stand at the top level of the file: those several commands share.
SHARED_OPTIONS = frozenset(
    {
        "fail-on",
        "severity",
        "quiet",
        "verbose",
        "user",
        "password-file",
        "insecure",
        "ca-file",
        "timeout",
        "connect-timeout",
        "max-time",
        "suppressions",
    }
)


class OptionsFileError(InputError):
    """The options file is unreadable, not TOML, or names an unknown command or option."""


def find_options_file(cwd: Path | None = None) -> tuple[Path, bool] | None:
    """(path, is_pyproject) of the options file that applies here, or None."""
    named = os.environ.get(ENV_VAR)
    if named is not None:
        return (Path(named), Path(named).name == PYPROJECT) if named else None
    here = cwd or Path.cwd()
    if (here / OPTIONS_FILE).is_file():
        return here / OPTIONS_FILE, False
    if (here / PYPROJECT).is_file():
        return here / PYPROJECT, True
    return None


def load_defaults(commands: list[str], cwd: Path | None = None) -> dict[str, dict[str, Any]]:
    """``{command: {option name: value}}`` from the options file (empty when there is none)."""
    found = find_options_file(cwd)
    if found is None:
        return {}
    path, is_pyproject = found
    try:
        text = read_capped_text(path, SMALL_FILE_BYTES, "options file")
    except InputFileError as exc:
        raise OptionsFileError(str(exc)) from exc
    if is_pyproject and "tool.chwarden" not in text:
        return {}  # a pyproject.toml without our table: not ours to judge
    if sys.version_info >= (3, 11):
        import tomllib  # lazy: the TOML parser only when an options file is there
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # lazy: as above
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise OptionsFileError(f"{path}: not valid TOML ({exc})") from exc
    table = data.get("tool", {}).get("chwarden", {}) if is_pyproject else data
    where = f"{path} [tool.chwarden]" if is_pyproject else str(path)
    if not isinstance(table, dict):
        raise OptionsFileError(f"{where}: expected a table of options")
    shared: dict[str, Any] = {}
    per_command: dict[str, dict[str, Any]] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            if key not in commands:
                raise OptionsFileError(f"{where}: unknown command [{key}]; commands: {', '.join(commands)}")
            per_command[key] = {_option_name(k): v for k, v in value.items()}
        elif _option_name(key) in SHARED_OPTIONS:
            shared[_option_name(key)] = value
        else:
            raise OptionsFileError(
                f"{where}: {key!r} cannot stand at the top level (shared options: {', '.join(sorted(SHARED_OPTIONS))});"
                " put it under the command's table, e.g. [audit]"
            )
    return {name: {"__shared__": shared, "__file__": where, **per_command.get(name, {})} for name in commands}


def _option_name(key: str) -> str:
    return key.strip().lstrip("-").replace("_", "-")


def check_defaults(command: str, defaults: dict[str, Any], params: Any) -> None:
    """Turn ``defaults`` (option names) into param names in place; refuse options the command lacks.

    ``params`` are the click parameters of the command. Shared top-level options apply to the
    commands that have them and are skipped by the others.
    """
    if defaults.get("__done__"):
        return
    where = defaults.get("__file__", "options file")
    by_option: dict[str, Any] = {}
    for param in params:
        for opt in getattr(param, "opts", ()):
            if opt.startswith("--"):
                by_option[opt[2:]] = param
    translated: dict[str, Any] = {}
    shared = defaults.get("__shared__", {})
    for key, value in shared.items():
        if key in by_option:
            translated[by_option[key].name] = _shaped(by_option[key], value)
    for key, value in defaults.items():
        if key.startswith("__"):
            continue
        param = by_option.get(key)
        if param is None:
            known = ", ".join(sorted(by_option))
            raise OptionsFileError(f"{where}: [{command}] has no option {key!r}; options: {known}")
        translated[param.name] = _shaped(param, value)
    defaults.clear()
    defaults.update(translated, __done__=True)


def _shaped(param: Any, value: Any) -> Any:
    """A list for a repeatable option, the value itself otherwise (strings stay strings)."""
    if getattr(param, "multiple", False) and not isinstance(value, list):
        return [value]
    return value
