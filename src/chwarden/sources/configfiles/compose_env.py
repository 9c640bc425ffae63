"""Compose variable interpolation and ``.env`` files, as the Compose specification defines them.

Interpolation (``docker compose`` applies it to every value of the file, never to keys):
``$VAR`` and ``${VAR}`` take the value (blank when unset); ``${VAR:-d}`` / ``${VAR-d}`` take ``d``
when VAR is unset or empty / unset; ``${VAR:?msg}`` / ``${VAR?msg}`` make Compose refuse to run
when VAR is unset or empty / unset; ``${VAR:+x}`` / ``${VAR+x}`` give ``x`` when VAR is set and
non-empty / set; ``$$`` is a literal ``$``; a default may itself hold variables.

Values come from the auditor-given environment (the deploying shell, ``--env``), then the
project's env files (``--env-file``, else ``<project dir>/.env``), then ``PWD`` = the project
directory. Never from chwarden's own process environment: that belongs to the auditor. A variable
none of them knows stays *unknown* (not blank: the deploying shell may set it), and the result
remembers which variables were unknown and whether Compose guarantees a non-empty value
(``${VAR:?msg}``). Defaults of unknown variables are assumed and recorded as such.

Dotenv files follow Compose's parser: ``KEY=VALUE`` (optionally ``export KEY=VALUE``), ``#``
comments, inline `` #`` comments on unquoted values, single quotes literal, double quotes with
escapes and interpolation, quoted values may span lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from chwarden.model import Location

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_OPERATORS = (":-", ":?", ":+", "-", "?", "+")
MAX_NESTING = 16  # ${A:-${B:-${C...}}} deeper than this is kept literally
_DOUBLE_QUOTE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\", '"': '"', "$": "$"}


@dataclass(frozen=True)
class UnknownVariable:
    """A variable no given environment defines, where it is used, and what was assumed."""

    name: str
    location: Location
    outcome: str  # "value unknown" | "default assumed" | "required: value unknown, non-empty"

    def __str__(self) -> str:
        return f"{self.location}: ${{{self.name}}} is not set in the given environment ({self.outcome})"


@dataclass
class Interpolated:
    """An interpolated string; ``unknown`` lists variables whose value decides it and is unknown."""

    text: str
    unknown: tuple[str, ...] = ()
    nonempty: bool = False  # Compose guarantees a non-empty value even if parts are unknown
    problems: tuple[str, ...] = ()
    defaulted: tuple[str, ...] = ()  # variables whose default (written in the file) was taken

    @property
    def known(self) -> bool:
        return not self.unknown


@dataclass
class _State:
    lookup: Callable[[str], str | None]
    unknown: list[str] = field(default_factory=list)
    assumed: list[tuple[str, str]] = field(default_factory=list)  # (name, outcome)
    defaulted: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    nonempty: bool = False


def interpolate(
    text: str, lookup: Callable[[str], str | None], on_unknown: Callable[[str, str], None] | None = None
) -> Interpolated:
    """Interpolate ``text``; ``lookup`` returns a variable's value or None when nobody knows it.

    ``on_unknown(name, outcome)`` is told about every unknown variable the result depends on. An
    unknown piece stays in the text as ``${NAME}``, so a reader sees what is missing.
    """
    state = _State(lookup)
    result = _interpolate(text, state, 0)
    if on_unknown is not None:
        for name, outcome in state.assumed:
            on_unknown(name, outcome)
    return Interpolated(
        result,
        tuple(dict.fromkeys(state.unknown)),
        state.nonempty,
        tuple(state.problems),
        tuple(dict.fromkeys(state.defaulted)),
    )


def _interpolate(text: str, state: _State, depth: int) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char != "$":
            out.append(char)
            state.nonempty = True
            i += 1
            continue
        following = text[i + 1 : i + 2]
        if following == "$":
            out.append("$")
            state.nonempty = True
            i += 2
        elif following == "{":
            end = _closing_brace(text, i + 2)
            if end < 0 or depth >= MAX_NESTING:
                state.problems.append(f"invalid interpolation format in {text!r}")
                out.append(text[i:])
                state.nonempty = True
                break
            out.append(_braced(text[i + 2 : end], state, depth))
            i = end + 1
        else:
            match = _NAME.match(text, i + 1)
            if match is None:
                state.problems.append(f"invalid interpolation format in {text!r} ($ not followed by a name)")
                out.append("$")
                state.nonempty = True
                i += 1
                continue
            out.append(_plain(match.group(0), state))
            i = match.end()
    return "".join(out)


def _closing_brace(text: str, start: int) -> int:
    """Index of the ``}`` closing a ``${`` whose body starts at ``start`` (nested ``${..}`` skipped)."""
    depth = 0
    i = start
    while i < len(text):
        if text.startswith("${", i):
            depth += 1
            i += 2
            continue
        if text[i] == "}":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return -1


def _plain(name: str, state: _State) -> str:
    value = state.lookup(name)
    if value is None:
        state.unknown.append(name)
        state.assumed.append((name, "value unknown"))
        return "${" + name + "}"
    state.nonempty = state.nonempty or bool(value)
    return value


def _braced(body: str, state: _State, depth: int) -> str:
    match = _NAME.match(body)
    if match is None:
        state.problems.append(f"invalid interpolation format in ${{{body}}}")
        return "${" + body + "}"
    name = match.group(0)
    rest = body[match.end() :]
    if not rest:
        return _plain(name, state)
    operator = next((op for op in _OPERATORS if rest.startswith(op)), None)
    if operator is None:
        state.problems.append(f"invalid interpolation format in ${{{body}}}")
        return "${" + body + "}"
    argument = rest[len(operator) :]
    value = state.lookup(name)
    colon = operator.startswith(":")
    is_set = value is not None and (value != "" or not colon)
    kind = operator[-1]
    if kind == "-":
        if value is None:
            state.assumed.append((name, "default assumed"))
        if is_set and value is not None:
            state.nonempty = state.nonempty or bool(value)
            return value
        state.defaulted.append(name)
        return _interpolate(argument, state, depth + 1)
    if kind == "?":
        if value is None:
            state.unknown.append(name)
            state.assumed.append((name, "required: value unknown, non-empty" if colon else "required: value unknown"))
            state.nonempty = state.nonempty or colon
            return "${" + name + "}"
        if not is_set:
            state.problems.append(f"${{{name}}} is required ({argument or 'no message'}) but empty: Compose refuses")
        state.nonempty = state.nonempty or bool(value)
        return value
    # "+": the alternative when set
    if value is None:
        state.unknown.append(name)
        state.assumed.append((name, "value unknown"))
        return "${" + name + "}"
    return _interpolate(argument, state, depth + 1) if is_set else ""


@dataclass(frozen=True)
class DotenvEntry:
    key: str
    value: str
    quote: str  # "", "'" or '"'
    line: int


def parse_dotenv(text: str) -> list[DotenvEntry]:
    """The assignments of a dotenv file, in order, with the line each starts on (raw values)."""
    entries: list[DotenvEntry] = []
    lines = text.replace("\r\n", "\n").split("\n")
    index = 0
    while index < len(lines):
        number = index + 1
        line = lines[index].strip()
        index += 1
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export ") :].lstrip()
        separator = line.find("=")
        if separator < 0:
            continue  # a bare name takes its value from the environment: nothing to record
        key = line[:separator].strip()
        raw = line[separator + 1 :].lstrip()
        if not key:
            continue
        if raw[:1] in ("'", '"'):
            quote = raw[0]
            body = raw[1:]
            while _closing_quote(body, quote) < 0 and index < len(lines):
                body += "\n" + lines[index]
                index += 1
            end = _closing_quote(body, quote)
            value = body[:end] if end >= 0 else body
            if quote == '"':
                value = _unescape(value)
            entries.append(DotenvEntry(key, value, quote, number))
            continue
        comment = re.search(r"\s#", raw)
        value = raw[: comment.start()] if comment else raw
        entries.append(DotenvEntry(key, value.strip(), "", number))
    return entries


def _closing_quote(body: str, quote: str) -> int:
    i = 0
    while i < len(body):
        if body[i] == "\\" and quote == '"':
            i += 2
            continue
        if body[i] == quote:
            return i
        i += 1
    return -1


def _unescape(value: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value) and value[i + 1] in _DOUBLE_QUOTE_ESCAPES:
            following = value[i + 1]
            # `\$` must survive as `$$` so interpolation later keeps it literal.
            out.append("$$" if following == "$" else _DOUBLE_QUOTE_ESCAPES[following])
            i += 2
            continue
        out.append(value[i])
        i += 1
    return "".join(out)


@dataclass
class EnvFileValue:
    """One variable of an env file after interpolation (None: it depends on an unknown variable)."""

    value: str | None
    nonempty: bool
    location: Location


def read_env_assignments(
    entries: list[DotenvEntry],
    display: str,
    lookup: Callable[[str], str | None],
    report_unknown: Callable[[str, Location, str], None],
) -> dict[str, EnvFileValue]:
    """Interpolate dotenv entries in order (a later line may use an earlier one)."""
    values: dict[str, EnvFileValue] = {}

    def chained(name: str) -> str | None:
        known = values.get(name)
        if known is not None and known.value is not None:
            return known.value
        return lookup(name)

    for entry in entries:
        at = Location(file=display, line=entry.line)
        if entry.quote == "'":
            values[entry.key] = EnvFileValue(entry.value, bool(entry.value), at)
            continue
        result = interpolate(entry.value, chained, _reporter(report_unknown, at))
        values[entry.key] = EnvFileValue(result.text if result.known else None, result.nonempty, at)
    return values


def _reporter(report: Callable[[str, Location, str], None], at: Location) -> Callable[[str, str], None]:
    def told(name: str, outcome: str) -> None:
        report(name, at, outcome)

    return told


def layered_lookup(*layers: Mapping[str, str]) -> Callable[[str], str | None]:
    """A lookup that asks each mapping in turn (the first knows best)."""

    def lookup(name: str) -> str | None:
        for layer in layers:
            if name in layer:
                return layer[name]
        return None

    return lookup
