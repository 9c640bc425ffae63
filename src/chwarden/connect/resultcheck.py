"""Turn a JSONCompact answer into a ``QueryResult`` only if it has the shape ClickHouse gives it.

A hostile server can send valid JSON of any shape (``meta`` missing, rows of the wrong length,
names that are numbers) or JSON that is small on the wire and huge in memory (``[[],[],...]``
costs ~20 bytes of Python objects per byte). Both are refused here with ``MalformedAnswer``
before anything reaches a collector: the answer is counted before it is parsed.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from typing import Any

from chwarden.connect.base import QueryResult

_INTEGER = re.compile(r"-?[0-9]{1,80}")
MAX_VALUES = 2_500_000  # JSON values and containers in one answer (100,000 rows x 25 columns)


class MalformedAnswer(ValueError):
    """The answer is not ClickHouse JSONCompact (or too big to parse safely)."""


def result_from_json(data: bytes | bytearray, max_values: int = MAX_VALUES) -> QueryResult:
    # Every value but the last of a list is followed by a comma; strings may hold commas too, so
    # this over-counts (the safe side) in one pass of C code.
    structure = data.count(b",") + data.count(b"[") + data.count(b"{")
    if structure > max_values:
        raise MalformedAnswer(f"answer with more than {max_values} values")
    try:
        payload = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise MalformedAnswer("not JSON") from exc
    if not isinstance(payload, dict):
        raise MalformedAnswer("not a JSON object")
    meta, rows = payload.get("meta"), payload.get("data")
    if not isinstance(meta, list) or not isinstance(rows, list):
        raise MalformedAnswer("no meta/data lists")
    if not all(isinstance(m, dict) and isinstance(m.get("name"), str) and isinstance(m.get("type"), str) for m in meta):
        raise MalformedAnswer("column descriptions without name and type")
    width = len(meta)
    if not all(isinstance(row, list) and len(row) == width for row in rows):
        raise MalformedAnswer("rows that do not match the columns")
    types = [m["type"] for m in meta]
    converters = [_converter(kind) for kind in types]
    if not any(converters):  # strings, floats, small integers: JSON already has them right
        converted = [tuple(row) for row in rows]
    else:
        converted = [tuple(v if c is None else c(v) for v, c in zip(row, converters, strict=True)) for row in rows]
    return QueryResult(columns=[m["name"] for m in meta], types=types, rows=converted)


_QUOTED = re.compile(r"U?Int(?:64|128|256)\b")  # the integer types JSON output quotes


def _converter(type_name: str) -> Callable[[Any], Any] | None:
    """What ``convert`` does for values of this type, decided once per column (None: nothing).

    Only 64-bit and wider integers arrive quoted: the other types need no call per value.
    """
    if _QUOTED.search(type_name):
        return functools.partial(convert, type_name=type_name)
    return None


def _integer(value: Any) -> Any:
    """A quoted 64/128/256-bit integer as int; anything else (too long, not digits) unchanged."""
    if isinstance(value, str) and _INTEGER.fullmatch(value):
        return int(value)
    return value


def convert(value: Any, type_name: str) -> Any:
    """JSON quotes 64-bit integers; give callers the same Python types as the native driver."""
    base = type_name.removeprefix("Nullable(").removeprefix("LowCardinality(")
    if isinstance(value, str) and base.startswith(("UInt", "Int")):
        return _integer(value)
    if isinstance(value, list) and type_name.startswith("Array(") and "Int" in type_name:
        return [_integer(v) for v in value]
    return value
