"""ClickHouse SQL text: string literals and identifiers, quoted the way the server reads them."""

from __future__ import annotations


def escape_string(value: str) -> str:
    """The inside of a string literal: backslashes and single quotes escaped."""
    return value.replace("\\", "\\\\").replace("'", "\\'")


def quote_string(value: str) -> str:
    """A string literal: ``'it\\'s'``."""
    return "'" + escape_string(value) + "'"


def quote_ident(name: str) -> str:
    """A quoted identifier (database, table, column, user): ``\\`my db\\```."""
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`"
