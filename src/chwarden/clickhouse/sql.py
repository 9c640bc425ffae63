"""ClickHouse SQL and XML text: string literals and identifiers, quoted the way the server reads them.

``xml_escape`` is ``xml.sax.saxutils.escape`` without its import cost: that module pulls in
``urllib.request``, ``http.client`` and ``ssl`` (tens of milliseconds at every start).
"""

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


def xml_escape(value: str) -> str:
    """Text for an XML element: ``&``, ``<`` and ``>`` escaped (attributes are never written from data)."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
