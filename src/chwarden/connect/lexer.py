"""ClickHouse's SQL lexer, rule for rule, so the guard sees the tokens the server will see.

The rules follow ``src/Parsers/Lexer.cpp`` of ClickHouse (strings and quoted identifiers with
backslash escapes and doubled quotes, ``--``/``//``/``#``-space comments, nested ``/* */``
comments, ``$tag$`` heredocs, ``x'..'``/``b'..'`` literals, numbers that turn into identifiers).
A general-purpose SQL tokenizer (sqlglot's ClickHouse dialect was measured) disagrees with the
server on several of these (``#x``, ``a$b``, ``x'41'``...), and any disagreement about where a
string or comment ends is a way to smuggle code past the guard: hence this small module.

The lexer never guesses: an unterminated string, identifier or comment and an unrecognised
character are ``ERROR`` tokens, and the guard refuses any statement that has one.
"""

from __future__ import annotations

import enum
import functools
import re
from dataclasses import dataclass

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_DIGITS = frozenset("0123456789")
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_ASCII_SPACE = frozenset(" \t\n\r\f\v")
_QUOTE_OR_ESCAPE = {quote: re.compile(f"[{re.escape(quote)}\\\\]") for quote in "'\"`"}


class Kind(enum.Enum):
    WHITESPACE = "whitespace"
    COMMENT = "comment"
    WORD = "word"  # bare word: keyword or identifier
    QUOTED_ID = "quoted identifier"  # `x` or "x"
    STRING = "string"  # 'x', x'41', b'01'
    HEREDOC = "heredoc"  # $tag$ ... $tag$
    NUMBER = "number"
    OPERATOR = "operator"  # brackets, comma, semicolon, dot, arithmetic and comparison signs
    ERROR = "error"


@dataclass(frozen=True)
class Token:
    kind: Kind
    text: str
    start: int
    error: str = ""  # why an ERROR token is one

    @property
    def significant(self) -> bool:
        return self.kind not in (Kind.WHITESPACE, Kind.COMMENT)

    def is_word(self, *words: str) -> bool:
        return self.kind is Kind.WORD and self.text.upper() in words


def tokenize(sql: str) -> list[Token]:
    """Every token of ``sql``, whitespace and comments included; errors are ``Kind.ERROR`` tokens."""
    return list(_tokens(sql))


@functools.lru_cache(maxsize=8)
def _tokens(sql: str) -> tuple[Token, ...]:
    """The guard reads a statement twice (its check, then the embedded engine's one-statement test),
    and a discover query is hundreds of tokens: the last few statements' tokens are kept (tokens are
    frozen; each caller gets its own list)."""
    return tuple(_Lexer(sql).tokens())


class _Lexer:
    def __init__(self, sql: str) -> None:
        self.sql = sql
        self.end = len(sql)
        self.pos = 0
        self.prev_significant: Token | None = None

    def tokens(self) -> list[Token]:
        out: list[Token] = []
        while self.pos < self.end:  # every step consumes at least one character
            token = self._next()
            out.append(token)
            if token.significant:
                self.prev_significant = token
        return out

    # -- helpers ------------------------------------------------------------------------------

    def _token(self, kind: Kind, start: int, error: str = "") -> Token:
        return Token(kind, self.sql[start : self.pos], start, error)

    def _char(self, offset: int = 0) -> str:
        at = self.pos + offset
        return self.sql[at] if at < self.end else ""

    def _comment_to_line_end(self, start: int) -> Token:
        newline = self.sql.find("\n", self.pos)
        self.pos = self.end if newline < 0 else newline
        return self._token(Kind.COMMENT, start)

    # -- one token ----------------------------------------------------------------------------

    def _next(self) -> Token:
        start = self.pos
        ch = self.sql[start]
        if ch in _ASCII_SPACE:
            while self.pos < self.end and self.sql[self.pos] in _ASCII_SPACE:
                self.pos += 1
            return self._token(Kind.WHITESPACE, start)
        if ch in _DIGITS:
            return self._number(start)
        if ch in "'\"`":
            return self._quoted(start, ch)
        if ch == ".":
            return self._dot(start)
        if ch == "-":
            return self._minus(start)
        if ch == "/":
            return self._slash(start)
        if ch == "#":
            # a comment only when followed by a space or `!` (shebang); `#x` is not a token
            self.pos += 1
            if self._char() in (" ", "!"):
                return self._comment_to_line_end(start)
            return self._token(Kind.ERROR, start, "unrecognised token '#'")
        if ch in "()[]{},;+*%?":
            self.pos += 1
            return self._token(Kind.OPERATOR, start)
        if ch in "=!<>:|@\\":
            return self._operator(start, ch)
        return self._other(start, ch)

    def _number(self, start: int) -> Token:
        """Numbers as ClickHouse skips them; a number running into word characters is a word."""
        sql, end = self.sql, self.end
        if self.prev_significant is not None and self.prev_significant.text == ".":
            self.pos += 1
            while self.pos < end and (sql[self.pos] in _DIGITS or self._separator(False, False)):
                self.pos += 1
        else:
            block_start, hexadecimal = False, False
            if self.pos + 2 < end and sql[self.pos] == "0" and sql[self.pos + 1] in "xXbB":
                if sql[self.pos + 1] in "xX":
                    valid = sql[self.pos + 2] in _HEX_DIGITS
                    hexadecimal = valid
                else:
                    valid = sql[self.pos + 2] in "01"
                if valid:
                    self.pos += 2
                    block_start = True
                else:
                    self.pos += 1
            else:
                self.pos += 1
            digits = _HEX_DIGITS if hexadecimal else _DIGITS
            while self.pos < end and (sql[self.pos] in digits or self._separator(block_start, hexadecimal)):
                self.pos += 1
                block_start = False
            if self.pos < end and sql[self.pos] == ".":
                block_start = True
                self.pos += 1
                while self.pos < end and (sql[self.pos] in digits or self._separator(block_start, hexadecimal)):
                    self.pos += 1
                    block_start = False
            exponent = "pP" if hexadecimal else "eE"
            if self.pos + 1 < end and sql[self.pos] in exponent:
                block_start = True
                self.pos += 1
                if self.pos + 1 < end and sql[self.pos] in "+-":
                    self.pos += 1
                while self.pos < end and (sql[self.pos] in _DIGITS or self._separator(block_start, False)):
                    self.pos += 1
                    block_start = False
        if self.pos < end and sql[self.pos] in _WORD_CHARS:
            while self.pos < end and sql[self.pos] in _WORD_CHARS:
                self.pos += 1
            if all(c in _WORD_CHARS or c == "$" for c in sql[start : self.pos]):
                return self._token(Kind.WORD, start)
            return self._token(Kind.ERROR, start, "wrong number")
        return self._token(Kind.NUMBER, start)

    def _separator(self, block_start: bool, hexadecimal: bool) -> bool:
        """ClickHouse's isNumberSeparator: `_` between two digits (1_000_000)."""
        if block_start or self.pos + 1 >= self.end or self.sql[self.pos] != "_":
            return False
        digits = _HEX_DIGITS if hexadecimal else _DIGITS
        return self.sql[self.pos + 1] in digits

    def _quoted(self, start: int, quote: str) -> Token:
        """'string', "identifier", `identifier`: backslash escapes the next character, doubled quotes."""
        sql, end = self.sql, self.end
        stop = _QUOTE_OR_ESCAPE[quote]
        pos = start + 1
        while True:  # every turn moves past at least one character
            found = stop.search(sql, pos)
            if found is None:
                self.pos = end
                return self._token(Kind.ERROR, start, f"unterminated {quote} quote")
            pos = found.start()
            if sql[pos] == quote:
                pos += 1
                if pos < end and sql[pos] == quote:
                    pos += 1
                    continue
                self.pos = pos
                return self._token(Kind.STRING if quote == "'" else Kind.QUOTED_ID, start)
            pos += 2  # backslash and the escaped character
            if pos > end:
                self.pos = end
                return self._token(Kind.ERROR, start, f"unterminated {quote} quote")

    def _dot(self, start: int) -> Token:
        prev = self.prev_significant
        after_operand = prev is not None and (
            prev.text in (")", "]") or prev.kind in (Kind.WORD, Kind.QUOTED_ID, Kind.NUMBER)
        )
        if start > 0 and (self._char(1) not in _DIGITS or after_operand):
            self.pos += 1
            return self._token(Kind.OPERATOR, start)
        self.pos += 1
        block_start = True
        while self.pos < self.end and (self.sql[self.pos] in _DIGITS or self._separator(block_start, False)):
            self.pos += 1
            block_start = False
        if self.pos + 1 < self.end and self.sql[self.pos] in "eE":
            block_start = True
            self.pos += 1
            if self.pos + 1 < self.end and self.sql[self.pos] in "+-":
                self.pos += 1
            while self.pos < self.end and (self.sql[self.pos] in _DIGITS or self._separator(block_start, False)):
                self.pos += 1
                block_start = False
        return self._token(Kind.NUMBER, start)

    def _minus(self, start: int) -> Token:
        self.pos += 1
        if self._char() == ">":
            self.pos += 1
        elif self._char() == "-":
            self.pos += 1
            return self._comment_to_line_end(start)
        return self._token(Kind.OPERATOR, start)

    def _slash(self, start: int) -> Token:
        self.pos += 1
        if self._char() == "/":
            self.pos += 1
            return self._comment_to_line_end(start)
        if self._char() != "*":
            return self._token(Kind.OPERATOR, start)
        self.pos += 1
        depth = 1  # nested comments, as in the SQL standard (newer ClickHouse; 18.x does not nest)
        while self.pos + 2 <= self.end:
            pair = self.sql[self.pos : self.pos + 2]
            if pair == "/*":
                self.pos += 2
                depth += 1
            elif pair == "*/":
                self.pos += 2
                depth -= 1
                if depth == 0:
                    return self._token(Kind.COMMENT, start)
            else:
                self.pos += 1
        self.pos = self.end
        return self._token(Kind.ERROR, start, "unterminated /* comment")

    def _operator(self, start: int, ch: str) -> Token:
        self.pos += 1
        nxt = self._char()
        if ch == "!":
            if nxt != "=":
                return self._token(Kind.ERROR, start, "a lone '!'")
            self.pos += 1
        elif ch == "\\":
            if nxt != "G":
                return self._token(Kind.ERROR, start, "a lone backslash")
            self.pos += 1
        elif (ch, nxt) in (("=", "="), ("<", "="), ("<", ">"), (">", "="), (":", ":"), ("|", "|"), ("@", "@")):
            self.pos += 1
        return self._token(Kind.OPERATOR, start)

    def _other(self, start: int, ch: str) -> Token:
        sql, end = self.sql, self.end
        if ch == "$":
            close = sql.find("$", start + 1)
            if close >= 0:
                tag = sql[start : close + 1]
                finish = sql.find(tag, close + 1)
                if finish >= 0:
                    self.pos = finish + len(tag)
                    return self._token(Kind.HEREDOC, start)
            if start + 1 == end or sql[start + 1] not in _WORD_CHARS:
                self.pos += 1
                return self._token(Kind.OPERATOR, start)
        if start + 2 < end and sql[start + 1] == "'" and ch in "xXbB":
            return self._hex_or_binary_string(start, ch)
        if ch in _WORD_CHARS or ch == "$":
            self.pos += 1
            while self.pos < end and (sql[self.pos] in _WORD_CHARS or sql[self.pos] == "$"):
                self.pos += 1
            return self._token(Kind.WORD, start)
        # Anything else is an error here, including the Unicode white space newer servers skip:
        # chwarden never sends it, and refusing is the safe side of that difference.
        self.pos += 1
        return self._token(Kind.ERROR, start, f"unrecognised character {ch!r}")

    def _hex_or_binary_string(self, start: int, ch: str) -> Token:
        allowed = _HEX_DIGITS if ch in "xX" else frozenset("01")
        self.pos = start + 2
        while self.pos < self.end and self.sql[self.pos] in allowed:
            self.pos += 1
        if self.pos >= self.end or self.sql[self.pos] != "'":
            self.pos = self.end
            return self._token(Kind.ERROR, start, "unterminated ' quote")
        self.pos += 1
        return self._token(Kind.STRING, start)
