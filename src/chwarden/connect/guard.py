"""The read-only guard: the one place that decides whether chwarden may send a statement.

Two locks, both applied to every query:
1. client side, before anything is sent: one statement only, and it must start with an
   allowlisted read keyword (SELECT, SHOW, DESCRIBE/DESC, EXISTS, WITH ... SELECT);
2. server side, per query: ``readonly=2`` plus time and result-size limits, so that even a
   statement the allowlist misjudged cannot write. (Where the account is already read-only and
   may not change settings, the server's own readonly=1 plays that role; see ``limits_settings``.)
"""

from __future__ import annotations

import re

ALLOWED_FIRST_WORDS = frozenset({"SELECT", "SHOW", "DESCRIBE", "DESC", "EXISTS", "WITH"})

# Write forms that must not hide inside a WITH statement (identifiers such as `system.settings`
# must stay usable, so only full write phrases are matched).
_WRITE_PHRASES = re.compile(
    r"\b(INSERT\s+INTO|(?:CREATE|ALTER|DROP|TRUNCATE|ATTACH|DETACH|RENAME)\s+"
    r"(?:TEMPORARY\s+)?(?:TABLE|DATABASE|USER|ROLE|VIEW|DICTIONARY|FUNCTION|QUOTA|POLICY|ROW|PROFILE|SETTINGS))\b",
    re.IGNORECASE,
)

DEFAULT_MAX_EXECUTION_TIME = 20  # seconds per query
DEFAULT_MAX_RESULT_ROWS = 100_000


class WriteRefused(Exception):
    """A statement was refused by the guard before being sent."""


def _strip_comments_and_strings(sql: str) -> tuple[str, bool]:
    """Remove comments and string/identifier literals so keywords inside them are ignored.

    Returns the remaining code and whether every literal and block comment was closed.
    """
    out: list[str] = []
    closed = True
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if sql.startswith("--", i) or ch == "#":
            j = sql.find("\n", i)
            i = n if j < 0 else j
            out.append(" ")
        elif sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            closed = closed and j >= 0
            i = n if j < 0 else j + 2
            out.append(" ")
        elif ch in "'\"`":
            j = i + 1
            while j < n:
                if sql[j] == "\\":
                    j += 2
                    continue
                if sql[j] == ch:
                    if j + 1 < n and sql[j + 1] == ch:  # doubled quote
                        j += 2
                        continue
                    break
                j += 1
            closed = closed and j < n
            i = j + 1
            out.append(" '' ")
        else:
            out.append(ch)
            i += 1
    return "".join(out), closed


def check_statement(sql: str) -> str:
    """Return the statement (trailing semicolon removed) if it is read-only; raise WriteRefused."""
    code, closed = _strip_comments_and_strings(sql)
    code = code.strip()
    if code.endswith(";"):
        code = code[:-1].rstrip()
        sql = sql.rstrip().rstrip(";")
    if not code:
        raise WriteRefused("empty statement")
    if ";" in code:
        raise WriteRefused("more than one statement")
    if not closed:
        raise WriteRefused("unterminated string or comment")
    first = code.lstrip("( \t\r\n").split(None, 1)[0].upper().rstrip("(")
    if first not in ALLOWED_FIRST_WORDS:
        raise WriteRefused(f"statement starting with {first!r} is not read-only")
    if first == "WITH" and not re.search(r"\bSELECT\b", code, re.IGNORECASE):
        raise WriteRefused("WITH without SELECT")
    if first in ("SELECT", "WITH"):
        # INTO OUTFILE makes the client write a file; write phrases cannot appear in a real read.
        if re.search(r"\bINTO\s+OUTFILE\b", code, re.IGNORECASE):
            raise WriteRefused("INTO OUTFILE is not allowed")
        m = _WRITE_PHRASES.search(code)
        if m:
            raise WriteRefused(f"write phrase {m.group(1).upper()!r} in a read statement")
    return sql.strip()


def limits_settings(
    max_execution_time: int = DEFAULT_MAX_EXECUTION_TIME,
    max_result_rows: int = DEFAULT_MAX_RESULT_ROWS,
) -> dict[str, int | str]:
    """Server-side settings sent with every query (the second lock)."""
    return {
        "readonly": 2,
        "max_execution_time": max_execution_time,
        "max_result_rows": max_result_rows,
        "result_overflow_mode": "throw",
    }
