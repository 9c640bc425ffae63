"""Column names as context: key-value tables, credential columns and phone columns.

A bare value means little without its name: ``Kz81!mQp2Lx9`` is a password in a ``settings`` row
whose ``key`` is ``db_password``, and ``0151 2345678`` is a phone number in a ``phone`` column. The
named-scope detectors read ``<name>\\x1f<value>`` pairs built in the server: a value column next
to a name column (``key``/``name``/``param``/``setting``...), or a column whose own name says it
holds a credential (``access_token``, ``client_secret``...). The name then decides, in the query,
which rule the value must pass. Column hints (``phone``) reach the validators as constants.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chwarden.analysis.names import classify_name
from chwarden.clickhouse.sql import quote_string as quote
from chwarden.discover.validators import NAMES_HINT

SEPARATOR = "\\x1f"  # SQL escape of the unit separator between name and value
NAME_COLUMN = re.compile(
    r"(?i)^(?:key|key_name|name|param|parameter|param_name|setting|setting_name|variable|var|var_name|property|"
    r"prop|config_key|option|option_name|field|attribute|attr|env|env_var|secret_name|k)$"
)
# Second choice, when no column above names the rows: a reference into a secret manager (``remote_ref``,
# ``secret_path``) or the key the value is synced to (``target_key``); never ``secret_key``, which holds one.
REFERENCE_COLUMN = re.compile(
    r"(?i)^(?:[a-z]+_)?(?:ref|reference|path|key_name)$|^(?:remote|target|source|dest|destination|item|entry|env)_key$"
)
VALUE_COLUMN = re.compile(
    r"(?i)^(?:value|val|v|setting_value|param_value|config_value|property_value|option_value|secret|secret_value|data)$"
)
# Key names a bare secret goes by beyond the shared vocabulary's secret words (analysis/name_hints.json).
MORE_SECRET_NAMES = re.compile(
    r"(?i)(?:signing[_.-]?key|encryption[_.-]?key|auth[_.-]?key|client[_.-]?key|master[_.-]?key|unseal[_.-]?key|"
    r"recovery[_.-]?key|passphrase|passcode|(?:\b|_)pass\b|dsn|conn(?:ection)?[_.-]?str|"
    r"(?:\b|_)pass[_.-]?hash|(?:\b|_)pw(?:\b|_)|pswd|(?:issued|raw|plain(?:text)?|full)[_.-]?key)"
)
HINTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("phone", re.compile(r"(?i)(?:phone|mobile|msisdn|\btel\b|^tel_|_tel$|telephone|fax|cell)")),
    ("version", re.compile(r"(?i)(?:version|^ver$|_ver$|^ver_|build|release|firmware|user_?agent)")),
)

Column = tuple[str, str, str]  # name, type, text expression


def _secret_name(name: str) -> bool:
    return "secret" in classify_name(column=name) or MORE_SECRET_NAMES.search(name) is not None


def names_column(columns: Sequence[str]) -> str | None:
    """The column holding a key-value table's names (the one ``pairs`` reads beside a value column), if any;
    never ``env``, which may hold a whole ``.env`` file."""
    if not any(VALUE_COLUMN.match(c) for c in columns):
        return None
    names = [c for c in columns if NAME_COLUMN.match(c)]
    return names[0] if names and not names[0].lower().startswith("env") else None


def column_hints(name: str, names_of: str | None = None) -> frozenset[str]:
    """What a column's name says of its values: phone numbers, versions, or (``names_of``: the table's
    ``names_column``) names, not assignments. A ``name`` column without a value beside it is plain text."""
    hints = {kind for kind, pattern in HINTS if pattern.search(name)}
    if names_of is not None and name == names_of:
        hints.add(NAMES_HINT)
    return frozenset(hints)


def pairs(columns: Sequence[Column]) -> list[Column]:
    """Pair targets: (value column, its type, ``concat(<name>, '\\x1f', <value>)``)."""
    out: list[Column] = []
    names = [c for c in columns if NAME_COLUMN.match(c[0])] or [c for c in columns if REFERENCE_COLUMN.match(c[0])]
    for name, type_name, expression in columns:
        if names and VALUE_COLUMN.match(name):
            key = names[0][2]
            out.append((name, type_name, f"concat({key}, '{SEPARATOR}', {expression})"))
        elif _secret_name(name) and not NAME_COLUMN.match(name) and not REFERENCE_COLUMN.match(name):
            out.append((name, type_name, f"concat({quote(name)}, '{SEPARATOR}', {expression})"))
    return out
