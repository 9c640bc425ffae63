"""The read-only guard: the one place that decides whether chwarden may send a statement.

Two locks, both applied to every query:
1. client side, before anything is sent: the statement is tokenized the way ClickHouse tokenizes
   it (``connect/lexer.py``) and must be one read statement (SELECT, WITH ... SELECT, SHOW,
   DESCRIBE/DESC, EXISTS) with no write keyword, no INTO (OUTFILE), no table function outside the
   allowlist below, no SETTINGS that would loosen the server-side lock, and nothing the lexer or
   this module does not understand (fail closed);
2. server side, per query: ``readonly=1`` plus time and result-size limits, so that even a
   statement the allowlist misjudged can neither write nor reach out through a table function
   (``limits_settings``). The connection never drops them (``connect/base.py``).

Everything chwarden itself never sends is refused rather than interpreted: dollar-quoted strings,
nested or ``//`` comments, query parameters, quoted function names. Where ClickHouse versions
read a construct differently (18.x neither nests comments nor knows heredocs), refusing it is the
only reading that is safe on every version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from chwarden.connect.errors import QueryFailed
from chwarden.connect.lexer import Kind, Token, tokenize

READ_STATEMENTS = frozenset({"SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXISTS"})
ALLOWED_FIRST_WORDS = READ_STATEMENTS  # the name older code and tests use

# Keywords that start or form a write; as bare words (not `db.x`/`x.y`, not `name(`) they have no
# place in a read statement. SHOW CREATE ... is the one read that contains one of them.
WRITE_WORDS = frozenset(
    {
        "INSERT", "CREATE", "ALTER", "DROP", "TRUNCATE", "ATTACH", "DETACH", "RENAME", "EXCHANGE",
        "GRANT", "REVOKE", "OPTIMIZE", "KILL", "DELETE", "UPDATE", "UNDROP", "BACKUP", "RESTORE",
        "MOVE", "REPLACE", "INTO",
    }
)  # fmt: skip

# The table functions chwarden itself uses, each with the reason; a connection enables a subset.
TABLE_FUNCTIONS: dict[str, str] = {
    "clusterallreplicas": "watch and investigate read the system logs (query_log, session_log) of every "
    "replica of the cluster the user names for a target (logs are node-local); a read like any other",
    "file": "discover reads the local files the user names through its own embedded engine "
    "(enabled only on that connection, which runs readonly=2 for it; never on a server)",
}

# Functions that read or send data elsewhere (other hosts, object stores, databases, programs,
# the server's files): refused wherever they appear unless the connection enabled them above.
EXTERNAL_FUNCTIONS = frozenset(
    {
        "url", "urlcluster", "file", "filecluster", "remote", "remotesecure", "cluster",
        "clusterallreplicas", "mysql", "postgresql", "mongodb", "redis", "sqlite", "odbc", "jdbc",
        "executable", "input", "gcs", "oss", "cosn", "arrowflight", "ytsaurus", "dictionary",
    }
)  # fmt: skip
EXTERNAL_FAMILIES = ("s3", "hdfs", "azureblobstorage", "iceberg", "deltalake", "hudi", "paimon")

# Words after which `name(` reads a table function (and DESCRIBE TABLE name(...)).
_TABLE_POSITION_WORDS = frozenset({"FROM", "JOIN", "DESCRIBE", "DESC"})
# Words that end a FROM list at the same bracket depth (a comma after them is not a new table).
_CLAUSE_WORDS = frozenset(
    {
        "WHERE", "PREWHERE", "GROUP", "ORDER", "LIMIT", "HAVING", "SETTINGS", "FORMAT", "UNION",
        "EXCEPT", "INTERSECT", "WINDOW", "QUALIFY", "OFFSET", "SELECT",
    }
)  # fmt: skip
# Functions whose arguments use FROM without a table: extract(day FROM d), trim(BOTH ' ' FROM s)...
_FROM_IN_ARGUMENTS = frozenset({"EXTRACT", "SUBSTRING", "SUBSTR", "TRIM", "POSITION", "OVERLAY"})
# Words that may follow a column named `settings` (then it is no SETTINGS clause).
_NOT_A_SETTING = frozenset(
    {
        "FROM", "AS", "LIKE", "ILIKE", "NOT", "PROFILE", "PROFILES", "WHERE", "AND", "OR", "IN", "IS",
        "ORDER", "GROUP", "LIMIT", "HAVING", "UNION", "FORMAT", "ASC", "DESC", "BETWEEN", "PREWHERE",
    }
)  # fmt: skip
# Tokens chwarden never sends: query parameters, placeholders, MySQL-isms, the client's \G.
_UNUSED_OPERATORS = frozenset({"$", "{", "}", "?", "@", "@@", "\\G", "|"})

DEFAULT_MAX_EXECUTION_TIME = 20  # seconds per query
DEFAULT_MAX_RESULT_ROWS = 100_000
MAX_STATEMENT_CHARS = 1_000_000


class WriteRefused(QueryFailed):
    """A statement was refused by the guard before being sent (a failed query: nothing was sent)."""

    def __init__(self, message: str) -> None:
        super().__init__(f"refused by chwarden's read-only guard: {message}")


@dataclass(frozen=True)
class Policy:
    """What one connection may additionally allow: the lock it runs under, its table functions."""

    max_execution_time: int | None = None
    max_result_rows: int | None = None
    table_functions: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = self.table_functions - TABLE_FUNCTIONS.keys()
        if unknown:
            raise ValueError(f"table functions without a reason in guard.TABLE_FUNCTIONS: {sorted(unknown)}")


def _positive_int(token: Token) -> int | None:
    text = token.text.replace("_", "")
    return int(text) if token.kind is Kind.NUMBER and text.isdigit() and int(text) > 0 else None


def _at_most(limit_of: Callable[[Policy], int | None]) -> Callable[[Token, Policy], bool]:
    """A lock setting: a positive whole number no larger than the connection's own limit."""

    def check(value: Token, policy: Policy) -> bool:
        number, limit = _positive_int(value), limit_of(policy)
        return number is not None and limit is not None and number <= limit

    return check


def _one_of(*words: str) -> Callable[[Token, Policy], bool]:
    return lambda value, _policy: value.kind is Kind.STRING and value.text.lower() in {f"'{w}'" for w in words}


def _positive(value: Token, _policy: Policy) -> bool:
    return _positive_int(value) is not None


def _off(value: Token, _policy: Policy) -> bool:
    """A planner switch turned off (0): it changes how a query is planned, never what it may read."""
    return value.kind is Kind.NUMBER and value.text == "0"


@dataclass(frozen=True)
class SettingRule:
    reason: str
    accepts: Callable[[Token, Policy], bool]


# The settings a statement may carry in its SETTINGS clause, each with the reason. Nothing else:
# readonly, profile, result_overflow_mode, `= DEFAULT`, shorthand `SETTINGS name` are all refused.
QUERY_SETTINGS: dict[str, SettingRule] = {
    "max_execution_time": SettingRule(
        "discover bounds each query; only at or below the connection's limit (tightens the lock)",
        _at_most(lambda p: p.max_execution_time),
    ),
    "max_result_rows": SettingRule(
        "only at or below the connection's limit (tightens the lock)", _at_most(lambda p: p.max_result_rows)
    ),
    "timeout_overflow_mode": SettingRule("a timeout must stay an error ('throw')", _one_of("throw")),
    "max_bytes_to_read": SettingRule("discover --max-bytes: an extra bound on what a query reads", _positive),
    "read_overflow_mode": SettingRule("with max_bytes_to_read: stop reading or fail", _one_of("throw", "break")),
    "max_threads": SettingRule("fewer threads means less load on the target", _positive),
    "max_block_size": SettingRule("smaller blocks, same answer", _positive),
    "query_plan_merge_expressions": SettingRule(
        "only off: discover's in-server validating query is planned in half the time, same answer", _off
    ),
}


class _Statement:
    """The significant tokens of one statement and the checks over them."""

    def __init__(self, code: list[Token], policy: Policy) -> None:
        self.code = code
        self.policy = policy

    def at(self, index: int) -> Token | None:
        return self.code[index] if 0 <= index < len(self.code) else None

    def text_at(self, index: int) -> str:
        token = self.at(index)
        return token.text if token is not None else ""

    def qualified(self, index: int) -> bool:
        """`db.name` or `name.field`: a name, never a keyword."""
        return self.text_at(index - 1) == "." or self.text_at(index + 1) == "."

    def check(self) -> None:
        self._first_word()
        from_lists: list[bool] = [False]  # per bracket depth: inside a FROM list
        openers: list[str] = []  # the word before each open bracket
        for index, token in enumerate(self.code):
            text = token.text
            if text in ("(", "["):
                openers.append(self.text_at(index - 1).upper())
                from_lists.append(False)
            elif text in (")", "]") and len(from_lists) > 1:
                openers.pop()
                from_lists.pop()
            calls = self.text_at(index + 1) == "(" and token.kind in (Kind.WORD, Kind.QUOTED_ID)
            table_position = calls and self._table_position(index, from_lists)  # before the word acts
            if token.kind is Kind.WORD and not self.qualified(index):
                self._word(index, token.text.upper(), from_lists, openers)
            if calls:
                self._function(index, token, table_position=table_position)

    def _first_word(self) -> None:
        first = next((t for t in self.code if t.text != "("), None)
        if first is None:
            raise WriteRefused("empty statement")
        word = first.text.upper()
        if first.kind is not Kind.WORD or word not in READ_STATEMENTS:
            raise WriteRefused(f"statement starting with {word[:40]!r} is not read-only")
        if word == "WITH" and not any(t.is_word("SELECT") for t in self.code):
            raise WriteRefused("WITH without SELECT")

    def _word(self, index: int, word: str, from_lists: list[bool], openers: list[str]) -> None:
        if word == "INTO":
            after = self.text_at(index + 1).upper()
            raise WriteRefused("INTO OUTFILE is not allowed" if after == "OUTFILE" else "INTO is not allowed")
        show_create = word == "CREATE" and self.text_at(index - 1).upper() == "SHOW"
        if word in WRITE_WORDS and self.text_at(index + 1) != "(" and not show_create:
            raise WriteRefused(f"write keyword {word!r} in a read statement")
        if word == "SETTINGS":
            self._settings(index)
        table_from = word == "FROM" and not (openers and openers[-1] in _FROM_IN_ARGUMENTS)
        table_join = word == "JOIN" and self.text_at(index - 1).upper() != "ARRAY"
        if table_from or table_join:
            from_lists[-1] = True
        elif word in _CLAUSE_WORDS or word == "JOIN":
            from_lists[-1] = False

    def _table_position(self, index: int, from_lists: list[bool]) -> bool:
        before = self.at(index - 1)
        if before is None or self.qualified(index):
            return False
        if before.text == ",":
            return from_lists[-1]
        if before.kind is not Kind.WORD:
            return False
        word = before.text.upper()
        if word == "TABLE":
            return self.text_at(index - 2).upper() in ("DESCRIBE", "DESC")
        if word not in _TABLE_POSITION_WORDS:
            return False
        if word == "FROM":
            return from_lists[-1]
        return not (word == "JOIN" and self.text_at(index - 2).upper() == "ARRAY")

    def _function(self, index: int, token: Token, *, table_position: bool) -> None:
        if token.kind is Kind.QUOTED_ID:
            raise WriteRefused(f"quoted function name {token.text[:40]} is not allowed")
        name = token.text.lower()
        if name in self.policy.table_functions:
            return
        if name in EXTERNAL_FUNCTIONS or name.startswith(EXTERNAL_FAMILIES):
            raise WriteRefused(f"{token.text}() reaches outside the server and is not allowed")
        if table_position:
            allowed = ", ".join(sorted(self.policy.table_functions)) or "none on this connection"
            raise WriteRefused(f"table function {token.text}() is not allowed (allowed: {allowed})")

    def _settings(self, index: int) -> None:
        """Every name = value of a SETTINGS clause must be allowed with an allowed value."""
        first = self.at(index + 1)
        if first is None or first.kind not in (Kind.WORD, Kind.QUOTED_ID):
            return  # `settings` as a column (`SELECT settings`, `Settings[...]`)
        assigns = self.text_at(index + 2) == "="
        if not assigns and first.kind is Kind.WORD and first.text.upper() in _NOT_A_SETTING:
            return  # SHOW SETTINGS LIKE ..., SHOW CREATE SETTINGS PROFILE, `settings AS x`
        position = index + 1
        while True:  # every turn consumes a name and its value, or raises
            name_token = self.at(position)
            if name_token is None or name_token.kind not in (Kind.WORD, Kind.QUOTED_ID):
                raise WriteRefused("SETTINGS clause not understood")
            name = _setting_name(name_token)
            rule = QUERY_SETTINGS.get(name.lower())
            if rule is None:
                raise WriteRefused(f"SETTINGS {name[:60]} is not allowed")
            if self.text_at(position + 1) != "=":
                raise WriteRefused(f"SETTINGS {name} without a value is not allowed")
            value = self.at(position + 2)
            if value is None or not rule.accepts(value, self.policy):
                shown = value.text[:40] if value is not None else "nothing"
                raise WriteRefused(f"SETTINGS {name} = {shown} is not allowed ({rule.reason})")
            position += 3
            if self.text_at(position) != ",":
                return
            position += 1


def literal_token(value: object) -> Token | None:
    """A Python setting value as the token a statement would hold (for ``SettingRule.accepts``)."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return None
    if isinstance(value, int):
        return Token(Kind.NUMBER, str(value), 0) if value >= 0 else None
    escaped = value.replace("\\", "\\\\").replace("'", "\\'")
    return Token(Kind.STRING, f"'{escaped}'", 0)


def _setting_name(token: Token) -> str:
    if token.kind is Kind.WORD:
        return token.text
    inner = token.text[1:-1]
    if "\\" in inner or token.text[0] in inner:
        raise WriteRefused("escaped setting names are not allowed")
    return inner


def _refuse_unusual(tokens: list[Token]) -> None:
    """Errors and the constructs chwarden never sends (their meaning differs between versions)."""
    for token in tokens:
        if token.kind is Kind.ERROR:
            raise WriteRefused(f"cannot tokenize the statement: {token.error}")
        if token.kind is Kind.HEREDOC or (token.kind is Kind.WORD and token.text.startswith("$")):
            raise WriteRefused("dollar-quoted strings are not allowed")
        if token.kind is Kind.COMMENT and token.text.startswith("//"):
            raise WriteRefused("// comments are not allowed")
        if token.kind is Kind.COMMENT and token.text.startswith("/*") and "/*" in token.text[2:]:
            raise WriteRefused("nested /* comments are not allowed (ClickHouse versions read them differently)")
        if token.kind is Kind.OPERATOR and token.text in _UNUSED_OPERATORS:
            raise WriteRefused(f"{token.text!r} is not allowed")


def single_statement(sql: str) -> bool:
    """Exactly one statement (a trailing semicolon allowed), and nothing the lexer cannot read."""
    tokens = tokenize(sql)
    if any(t.kind is Kind.ERROR for t in tokens):
        return False
    code = [t for t in tokens if t.significant]
    if code and code[-1].text == ";":
        code.pop()
    return bool(code) and not any(t.text == ";" for t in code)


def check_statement(sql: str, policy: Policy | None = None) -> str:
    """Return the statement (trailing semicolon removed) if it is read-only; raise WriteRefused."""
    if not isinstance(sql, str):
        raise WriteRefused("a statement must be text")
    if len(sql) > MAX_STATEMENT_CHARS:
        raise WriteRefused(f"statement longer than {MAX_STATEMENT_CHARS} characters")
    if "\x00" in sql:
        raise WriteRefused("NUL character in the statement")
    try:
        sql.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise WriteRefused("statement is not valid UTF-8 text") from exc
    tokens = tokenize(sql)
    _refuse_unusual(tokens)
    code = [t for t in tokens if t.significant]
    end = len(sql)
    if code and code[-1].text == ";":
        end = code[-1].start
        code = code[:-1]
    if not code:
        raise WriteRefused("empty statement")
    if any(t.text == ";" for t in code):
        raise WriteRefused("more than one statement")
    _Statement(code, policy or Policy()).check()
    return sql[:end].strip()


def limits_settings(
    max_execution_time: int = DEFAULT_MAX_EXECUTION_TIME,
    max_result_rows: int = DEFAULT_MAX_RESULT_ROWS,
    readonly: int = 1,
) -> dict[str, int | str]:
    """Server-side settings sent with every query (the second lock).

    ``readonly=1`` is the strictest: no write, no setting change inside the statement, no table
    function (so no url()/remote()/s3()... request leaves the server, measured on 18.16 and chdb
    26.9, where readonly=2 let them through). Only discover's file connection, whose engine is
    chwarden's own and must run file(), uses 2. The limits come before readonly: servers apply
    a request's settings together, and this order also works where they are applied one by one.
    """
    if readonly not in (1, 2):
        raise ValueError("the server-side lock is readonly=1 or readonly=2")
    return {
        "max_execution_time": max_execution_time,
        "max_result_rows": max_result_rows,
        "result_overflow_mode": "throw",
        "readonly": readonly,
    }
