"""The detector catalogue: ``rules.json`` validated into typed ``Detector`` objects.

Detectors are data so that adding one needs no code: an id, a category (secret, personal,
conversation), a pattern that RE2 (``match``/``extractAll``), Vectorscan (``multiMatch*``) and
Python ``re`` all read the same way, the literal keywords every match contains (the cheap
``multiSearchAny`` prefilter), the name of a validator in ``validators.py``, a severity, a
positive example and hard negatives (both exercised by the tests).
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Literal
from urllib.parse import unquote_plus

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from chwarden.discover.validators import VALIDATORS
from chwarden.errors import InputError
from chwarden.model import Severity

Category = Literal["secret", "personal", "conversation"]
Scope = Literal["value", "named"]
MAX_BOUNDED_REPEAT = 50  # Vectorscan rejects larger bounded repeats (code 447) by default
_REPEAT = re.compile(r"\{(\d+)(?:,(\d*))?\}")


# What a regex reads as syntax outside a character class (Python's ``re``, RE2 and Vectorscan alike).
_SYNTAX = re.compile(r"[.^$*+?{}\[\]\\|()]")


def literal_text(text: str) -> str:
    """``text`` as a regex that matches it literally, escaping only regex syntax: ``re.escape`` also escapes
    ``-``, spaces, ``#``, ``&`` and ``~`` (187 needless backslashes in the keywords; a backslash is doubled in a
    ClickHouse string, and those in the validating query took 220 bytes of it)."""
    return _SYNTAX.sub(lambda m: "\\" + m.group(), text)


class Detector(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    category: Category
    severity: Severity
    pattern: str
    keywords: tuple[str, ...] = ()
    keywords_case_sensitive: bool = False
    # A cheap regex found in every text the pattern matches (18.x's one combined row filter): by
    # default the keywords; written out where a keyword alone is too common a word or there is none.
    prefilter: str | None = None
    # ``necessary`` as RE2 reads it (18.x's one combined filter, the validating query) where the keywords are many
    # literals that one short class covers (password_hash's 52 ``$…$`` markers as ``\$[A-Za-z0-9_=,-]+[$*]``): RE2
    # builds a DFA state per literal prefix, and those 52 took 18.16's combined filter past its DFA budget (30,000
    # rows: 9.4 s against 1.05 s). Vectorscan keeps the literals (``literal_necessary``): the class cost it 0.27 s
    # more on 10 M chat rows (1.78 s against 2.05 s for the literal set, min of 3).
    re2_prefilter: str | None = None
    # Regexes beside the keywords in the row filter, for a literal too common alone that is one only with
    # what follows it (a Redis ACL's ``on #`` before 32 hex digits; "on #42" is an issue number).
    keyword_patterns: tuple[str, ...] = ()
    validator: str = "none"
    value: str | None = None  # Python regex whose group 1 is the secret inside the match
    # Tried before ``value``: group 1 is the secret where the match puts it before the words that name it
    # ("Xk29!mQ7 est sa paràula segreta"). Its own regex, anchored at both ends of the match, because one
    # group cannot be paired with its own surroundings: ``value``'s "word then value" would read such a
    # match's first word as the value, this one a "password is Sunny-Day" match's.
    value_first: str | None = None
    # A context detector (password=, Bearer, cookies...): it yields a value to a specific detector
    # (vendor key, JWT, hash...) whose pattern matches that value: one verdict per value.
    generic: bool = False
    # Context detectors whose match around this one's value names that value instead: a more
    # precise context for the same value (a token-named cookie is a session cookie).
    yields_to: tuple[str, ...] = ()
    # Detectors (without a validator) whose match anywhere in the same row names the row instead: a
    # transcript's "User:"/"Assistant:" turns inside a chat template's markup are the template's.
    row_yields_to: tuple[str, ...] = ()
    # False for a context-only detector: never a finding, only a row that others yield to (a chat template's
    # Jinja source holds the markup of a conversation but no conversation).
    reported: bool = True
    # "named" detectors read ``<name>\x1f<value>`` pairs: a key-value table's sibling name column,
    # or a column's own name, as the context of a bare value.
    scope: Scope = "value"
    # The detector id a finding is reported under: a named-scope twin of a value detector (a password
    # hash named only by its column) reports as that detector; ``run.entries`` merges the two per column.
    reports_as: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")
    # "literal": every top-level alternative starts at a literal (or at ^), so the pattern belongs
    # in the literal Vectorscan set although no single keyword is in every match (phone numbers).
    tier: Literal["auto", "literal"] = "auto"
    # Keyword-free detectors only: a cheap pattern found in every match (digit- or capital-led, no
    # literal). The keyword-free Vectorscan set runs only on rows where one gate of the set matches:
    # the gates are one automaton pass over every row, the set's own patterns then run on few rows.
    # Short and without a bounded repeat up to a last character: on 10 M chat rows the gates cost
    # 1.05 s over a 1.71 s bare read as a digit and five separators or digits plus two capitals and
    # two digits, 2.27 s over 1.76 s as the longer patterns they are prefixes of (bench_discover.py
    # --breakdown); a few more of the bench's rows pass them (2.2 % against 1.6 %).
    gate: str | None = None
    example: str
    negatives: tuple[str, ...] = ()

    @field_validator("pattern")
    @classmethod
    def _portable(cls, pattern: str) -> str:
        re.compile(pattern)
        for m in _REPEAT.finditer(pattern):
            if any(int(n) > MAX_BOUNDED_REPEAT for n in m.groups() if n):
                raise ValueError(f"bounded repeat {m.group(0)} above {MAX_BOUNDED_REPEAT}: split it")
        plain = re.sub(r"\[(?:\\.|[^\]])*\]", "", re.sub(r"\\.", "", pattern))  # no escapes, no classes
        if re.search(r"\((?!\?)", plain):
            raise ValueError("capturing groups change extractAll's result: use (?:...)")
        return pattern

    @field_validator("prefilter", "re2_prefilter", "gate")
    @classmethod
    def _portable_prefilter(cls, prefilter: str | None) -> str | None:
        if prefilter is not None:
            cls._portable(prefilter)
        return prefilter

    @field_validator("keyword_patterns")
    @classmethod
    def _portable_keyword_patterns(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            cls._portable(pattern)
        return patterns

    @field_validator("validator")
    @classmethod
    def _known_validator(cls, name: str) -> str:
        if name not in VALIDATORS:
            raise ValueError(f"unknown validator {name!r}")
        return name

    @model_validator(mode="after")
    def _value_regex(self) -> Detector:
        for value in (self.value, self.value_first):
            if value is not None and re.compile(value).groups != 1:
                raise ValueError("value and value_first must have exactly one group")
        if self.value_first is not None and self.value is None:
            raise ValueError("value_first: only beside value")
        if self.gate is not None and self.literal_led:
            raise ValueError("gate: only keyword-free detectors run behind the free tier's gates")
        return self

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        # ASCII: ``\b``, ``\w``, ``\s`` as RE2 and Vectorscan read them (Python would count は as a word character)
        return re.compile(self.pattern, re.ASCII)

    @functools.cached_property
    def end_regex(self) -> re.Pattern[str]:
        """The match at the end of a fragment (fragments are left context + match)."""
        return re.compile(f"(?:{self.pattern})\\Z", re.ASCII)

    @functools.cached_property
    def value_regex(self) -> re.Pattern[str] | None:
        return re.compile(self.value, re.ASCII) if self.value else None

    @functools.cached_property
    def value_first_regex(self) -> re.Pattern[str] | None:
        return re.compile(self.value_first, re.ASCII) if self.value_first else None

    @property
    def reported_id(self) -> str:
        """The id findings carry (``reports_as``, else the detector's own)."""
        return self.reports_as or self.id

    @property
    def anchored(self) -> bool:
        """True when every match contains one of the keywords (the prefilter is safe)."""
        return bool(self.keywords)

    @property
    def necessary(self) -> str:
        """The row filter: ``re2_prefilter`` or ``prefilter``, else the keywords, else the pattern itself; plus any
        escaped non-ASCII character where a keyword is non-ASCII (``escaped_keywords``)."""
        return self._necessary(self.escaped_keywords, self.re2_prefilter)

    @property
    def literal_necessary(self) -> str:
        """``necessary`` as Vectorscan compiles it (the keywords, not ``re2_prefilter``)."""
        return self._necessary(self.escaped_keywords)

    def _necessary(self, escaped: str | None, re2: str | None = None) -> str:
        given = re2 or self.prefilter
        if given:
            found = given
        elif not self.keywords:
            return self.pattern
        else:
            words = "|".join(literal_text(k) for k in self.keywords)
            found = f"(?:{words})" if self.keywords_case_sensitive else f"(?i:{words})"
            found = "|".join([found, *self.keyword_patterns])
        return f"{found}|{escaped}" if escaped else found

    @property
    def escaped_keywords(self) -> str | None:
        """For a detector with non-ASCII keywords: any character outside ASCII as a JSON encoder that escapes
        everything outside ASCII writes it (``\\u5bc6\\u7801`` for 密码, ``l\\u00f6senord``) or as UTF-8 byte
        escapes (``\\xe5\\xaf\\x86``: Redis ``MONITOR``, Python ``bytes``, C logs): the row is a candidate,
        and chwarden reads it with the escapes decoded (``readable``).

        One pattern for every keyword, a superset of each one's escaped forms (the candidate is validated once
        decoded). Written out per keyword, byte escapes took 18.16's one combined RE2 filter past its DFA's memory,
        and RE2 fell back to a hundred times slower matching (30,000 log rows: 7.4 s against 0.07 s; 60 more
        case-insensitive words did the same); the JSON forms, each keyword in three cases cut after its third
        escape, took 4,400 bytes of the validating query (``credential_phrase``'s 3,470), where this takes 80 per
        detector. The price: a row whose non-ASCII text is all escaped is a candidate of these detectors (three).
        """
        if all(k.isascii() for k in self.keywords):
            return None
        return f"(?i:{JSON_NON_ASCII_ESCAPE}|{UTF8_BYTE_ESCAPES})"

    @property
    def literal_led(self) -> bool:
        """Cheap for Vectorscan's literal matcher: keyword-anchored, or declared literal-led."""
        return self.anchored or self.tier == "literal"

    @property
    def specific(self) -> bool:
        """A secret named by its own shape (a vendor's token, a JWT, a hash), not by its context."""
        return self.category == "secret" and not self.generic

    @property
    def yields_to_specific(self) -> bool:
        """Its value is not its own inside a specific secret detector's match (one verdict per value).

        A context detector (``generic``) found a vendor's token by its surroundings; personal data
        detectors see digits, dots and ``@`` that are often part of a token (a card-like run inside
        a Slack token, a phone-like one inside a bot token): the specific detector names the value.
        A named twin (``reports_as``) already names its value as a specific detector does: it yields to
        none (``password_hash``'s ``password_sha256_hex`` pattern reads the pair a named hash is in).
        """
        return (self.generic and self.reports_as is None) or self.category == "personal"

    def secret_of(self, matched: str) -> str:
        """The sensitive value inside a matched fragment (the whole match by default)."""
        if self.value_regex is None:
            return matched
        first = self.value_first_regex.search(matched) if self.value_first_regex else None
        m = first or self.value_regex.search(matched)
        return m.group(1) if m else matched


# A character outside ASCII written as UTF-8 byte escapes: a lead byte (0xc2-0xf4), then a continuation byte.
UTF8_BYTE_ESCAPES = r"\\x[c-f][0-9a-f]\\x[89ab][0-9a-f]"
# A character outside ASCII as JSON escapes it: ``\\u0080`` to ``\\uffff`` (a surrogate pair's first half too).
JSON_NON_ASCII_ESCAPE = r"\\u(?:00[89a-f]|0[1-9a-f][0-9a-f]|[1-9a-f][0-9a-f]{2})[0-9a-f]"


# A run of escaped bytes that UTF-8 continues (each 0x80 or above): the written bytes of non-ASCII text.
_ESCAPED_BYTES = re.compile(r"(?:\\x[89a-fA-F][0-9a-fA-F])+")


# JSON writes ``\\u`` (lower case) and four hex digits of either case; ``\\U0001f600`` is Python's, not JSON's.
_ESCAPED_PAIR = re.compile(r"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})")
_ESCAPED_ONE = re.compile(r"\\u([0-9a-fA-F]{4})")


# A JSON object that names its value beside it (Kubernetes and ECS env entries, SSM parameters, tags)
# is read as the pair it holds: {"name": "DB_PASSWORD", "value": "x"} as {"DB_PASSWORD": "x"}, with
# plain or escaped quotes (the object inside a JSON string). The SQL twin is in ``sql.unescaped``.
NAMED_VALUE_QUOTES = ('"', '\\"')


def named_value_pattern(quote: str) -> str:
    """A named value written with ``quote`` around each string; group 1 is the name (RE2 and ``re``)."""
    q = re.escape(quote)
    return f"{q}(?:name|Name|key|Key){q}\\s*:\\s*{q}([A-Za-z0-9_.-]{{1,64}}){q}\\s*,\\s*{q}(?:value|Value){q}\\s*:"


def named_value_replacement(quote: str) -> str:
    """The pair as ``"name":`` (``\\1`` is the name; a backslash doubled, as ``re`` and ClickHouse read it)."""
    q = quote.replace("\\", "\\\\")
    return f"{q}\\1{q}:"


# The same pair in YAML, a Kubernetes container's env list (``- name: DB_PASSWORD`` and, on the next
# line, ``value: x``) or a flow mapping (``{name: DB_PASSWORD, value: x}``): read as ``DB_PASSWORD: x``.
# A Zabbix template's user macro (``- macro: '{$DB.PASSWORD}'`` then ``value: x``) alike.
NAMED_VALUE_YAML = (
    "\\b(?:name|macro):[ \\t]*[\"']?(?:\\{\\$)?([A-Za-z0-9_.-]{1,64})\\}?[\"']?[ \\t]*(?:,[ \\t]*|\\r?\\n[ \\t]+)value:"
)
# And as XML attributes (a JPA ``<property name="javax.persistence.jdbc.password" value="x"/>``, a .NET
# ``<add key="DbPassword" value="x"/>``, quotes plain or escaped): read as ``name="x"``.
NAMED_VALUE_XML = "\\b(?:name|key)=\\\\?[\"']([A-Za-z0-9_.:-]{1,64})\\\\?[\"'][ \\t]+value="
# And as an element named by its attribute, the value its text (Hibernate's and NHibernate's
# ``<property name="hibernate.connection.password">x</property>``): read as ``name=x</property>``.
NAMED_VALUE_ELEMENT = "<[A-Za-z][A-Za-z0-9_:-]{0,30}[ \\t]+name=\\\\?[\"']([A-Za-z0-9_.:-]{1,64})\\\\?[\"'][ \\t]*>"
# And as a Terraform/HCL variable's default (``variable "webhook_secret" {`` then, inside its block, ``type``,
# ``description``, ``sensitive = true`` and ``default = "x"``): read as ``webhook_secret = "x"``.
NAMED_VALUE_HCL = '\\bvariable[ \\t]+\\\\?"([A-Za-z0-9_.-]{1,64})\\\\?"[ \\t]*\\{[^{}]{0,400}?\\bdefault[ \\t]*='
# (pattern, replacement): each pair as ``name:`` / ``name=`` (``\1`` is the name), by ``re`` and ClickHouse alike.
NAMED_VALUE_REWRITES = (
    (NAMED_VALUE_YAML, "\\1:"),
    (NAMED_VALUE_XML, "\\1="),
    (NAMED_VALUE_ELEMENT, "\\1="),
    (NAMED_VALUE_HCL, "\\1 ="),
)
_NAMED_VALUES = (
    *((re.compile(named_value_pattern(q)), named_value_replacement(q)) for q in NAMED_VALUE_QUOTES),
    *((re.compile(pattern), replacement) for pattern, replacement in NAMED_VALUE_REWRITES),
)


# JSON's escaped line breaks and tab, read as whitespace (by ``readable`` and the validating query alike).
ESCAPED_SPACES = (("n", "\n"), ("r", "\r"), ("t", "\t"))


# Arabic-Indic (U+0660-0669) and Persian (U+06F0-06F9) digits: Arabic, Persian, Urdu and Pashto text writes a phone
# or a card number with them (``۰۹۱۲ ۸۸۹ ۷۳۰۹``, ``شماره کارتم ۶۳۶۲ ۱۴۰۶ …``); so do Japanese, Chinese and Korean
# input methods with full-width digits (U+FF10-FF19) and signs (``０９０－５７２７－７８３８``, ``＋８１``); and so do
# Thai, Lao, Hindi, Marathi, Nepali and Bengali forms and lists with their own digits (``๐๘๑ ๒๒๘ ๙๘๒๘``: U+0E50-0E59,
# U+0ED0-0ED9, U+0966-096F, U+09E6-09EF; their UTF-8 opens with the byte 0xE0, which ``sql._decodable`` looks for).
# Detectors read them as the ASCII digits and signs they are (one character for one: offsets stay). The SQL twin
# is ``sql.western_digits``.
EASTERN_DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９๐๑๒๓๔๕๖๗๘๙໐໑໒໓໔໕໖໗໘໙०१२३४५६७८९০১২৩৪৫৬৭৮৯"
WIDE_SIGNS: tuple[tuple[str, str], ...] = (("＋", "+"), ("－", "-"), ("（", "("), ("）", ")"))  # (full-width, ASCII)
EASTERN_DIGIT = "[٠-٩۰-۹０-９๐-๙໐-໙०-९০-৯＋－（）]"
_EASTERN_DIGIT = re.compile(EASTERN_DIGIT)
_WESTERN = str.maketrans(
    EASTERN_DIGITS + "".join(wide for wide, _ in WIDE_SIGNS),
    "0123456789" * (len(EASTERN_DIGITS) // 10) + "".join(sign for _, sign in WIDE_SIGNS),
)


def readable(text: str) -> str:
    """``text`` with JSON ``\\uXXXX`` and byte ``\\xHH`` escapes decoded, ``\\=``, ``\\/``, ``\\n``, ``\\r``,
    ``\\t`` unescaped, URL-encoded words decoded (``url_decoded``) and Arabic-Indic or Persian digits read as
    digits (``EASTERN_DIGITS``), so detectors read what a person reads.

    Encoders that escape everything outside ASCII (Python's ``json.dumps`` by default) write
    ``contrase\\u00f1a`` and ``\\u5bc6\\u7801``; Go's escapes ``<``, ``>`` and ``&``. Surrogate pairs
    become one character; a lone surrogate stays as written.
    """
    if "\\=" in text:  # CEF, Java properties and LDAP escape the separator: key\=value
        text = text.replace("\\=", "=")
    if "\\/" in text:  # JSON's optional escape of "/" (PHP's json_encode, Slack exports): https:\/\/
        text = text.replace("\\/", "/")
    if "\\n" in text or "\\t" in text or "\\r" in text:  # JSON's escaped line breaks and tabs, escaped once or
        for letter, char in ESCAPED_SPACES:  # more (JSON in JSON): a token after one starts a word
            text = re.sub(rf"\\+{letter}", char, text)
    if "alue" in text or "name=" in text or "variable" in text:
        for named, replacement in _NAMED_VALUES:
            text = named.sub(replacement, text)
    if "\\x" in text:
        text = _ESCAPED_BYTES.sub(_bytes, text)
    if "\\u" in text:
        text = _ESCAPED_ONE.sub(_one, _ESCAPED_PAIR.sub(_pair, text))
    text = url_decoded(text) if "%" in text else text
    return text.translate(_WESTERN) if _EASTERN_DIGIT.search(text) else text


# A word (between spaces or quotes) that holds a percent escape is URL-encoded: ``+`` is a space in
# it (form encoding; an encoder writes a real ``+`` as ``%2B``) and ``%HH`` a byte; a space goes before
# each ``&`` that separates parameters, so a value ends where its parameter does. A word whose escaped
# bytes are not UTF-8 (``%a8`` in a random cookie) stays as written. The SQL twin is ``sql.url_words``.
URL_WORD = "[^ \\t\\n\\r\\f\"']+"
URL_ESCAPE = "%[0-9A-Fa-f]{2}"
URL_HIGH_ESCAPE = "%[89A-Fa-f][0-9A-Fa-f]"
_C = "%[89ABab][0-9A-Fa-f]"  # a continuation byte
URL_UTF8_SEQUENCE = (
    f"%[Cc][2-9A-Fa-f]{_C}|%[Dd][0-9A-Fa-f]{_C}|%[Ee]0%[ABab][0-9A-Fa-f]{_C}|%[Ee][1-9A-Ca-c]{_C}{_C}"
    f"|%[Ee][Dd]%[89][0-9A-Fa-f]{_C}|%[Ee][EFef]{_C}{_C}|%[Ff]0%[9ABab][0-9A-Fa-f]{_C}{_C}"
    f"|%[Ff][1-3]{_C}{_C}{_C}|%[Ff]4%8[0-9A-Fa-f]{_C}{_C}"
)
_URL_WORD = re.compile(URL_WORD)
_URL_ESCAPE = re.compile(URL_ESCAPE)
_URL_HIGH_ESCAPE = re.compile(URL_HIGH_ESCAPE)
_URL_UTF8_SEQUENCE = re.compile(URL_UTF8_SEQUENCE)


def url_decoded(text: str) -> str:
    """``text`` with each URL-encoded word decoded (see ``URL_WORD``)."""
    return _URL_WORD.sub(_url_word, text)


def _url_word(m: re.Match[str]) -> str:
    word = m.group(0)
    if not _URL_ESCAPE.search(word) or _URL_HIGH_ESCAPE.search(_URL_UTF8_SEQUENCE.sub("", word)):
        return word
    return unquote_plus(word.replace("&", " &"), errors="strict")


def _bytes(m: re.Match[str]) -> str:
    """UTF-8 text from escaped bytes; bytes that are not UTF-8 (binary data) stay as written."""
    try:
        return bytes.fromhex(m.group(0).replace("\\x", "")).decode("utf-8")
    except UnicodeDecodeError:
        return m.group(0)


def _pair(m: re.Match[str]) -> str:
    high, low = int(m.group(1), 16), int(m.group(2), 16)
    return chr(0x10000 + ((high - 0xD800) << 10) + low - 0xDC00)


def _one(m: re.Match[str]) -> str:
    code = int(m.group(1), 16)
    return m.group(0) if 0xD800 <= code < 0xE000 else chr(code)


class RuleSet(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    detectors: tuple[Detector, ...]

    @model_validator(mode="after")
    def _unique(self) -> RuleSet:
        ids = [d.id for d in self.detectors]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate detector ids: {', '.join(dupes)}")
        generic = {d.id for d in self.detectors if d.generic}
        for d in self.detectors:
            if (not d.generic and d.yields_to) or not set(d.yields_to) <= generic - {d.id}:
                raise ValueError(f"{d.id}: yields_to names other context (generic) detectors, from one")
        unvalidated = {d.id for d in self.detectors if d.validator == "none"}
        for d in self.detectors:
            if not set(d.row_yields_to) <= unvalidated - {d.id}:
                raise ValueError(f"{d.id}: row_yields_to names other detectors without a validator")
        return self


@functools.lru_cache(maxsize=1)
def load_rules() -> RuleSet:
    text = resources.files("chwarden.discover").joinpath("rules.json").read_text(encoding="utf-8")
    return RuleSet.model_validate(json.loads(text))


@functools.lru_cache(maxsize=64)
def preferred_to(detector: Detector) -> tuple[Detector, ...]:
    """The detectors ``detector`` yields its value to (``Detector.yields_to``), from the rules."""
    known = {d.id: d for d in load_rules().detectors}
    return tuple(known[i] for i in detector.yields_to if i in known)


class UnknownDetectorError(InputError, ValueError):
    """A detector id given on the command line is not in the rules (a usage error)."""


def select_detectors(ids: tuple[str, ...] | None) -> tuple[Detector, ...]:
    """All detectors, or the named ones; unknown ids raise UnknownDetectorError naming the valid choices."""
    detectors = load_rules().detectors
    if not ids:
        return detectors
    known = {d.id: d for d in detectors}
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise UnknownDetectorError(f"unknown detector id(s): {', '.join(unknown)} (see `chwarden detectors`)")
    chosen = [known[i] for i in ids]  # and the twins reporting as a chosen detector
    chosen += [d for d in detectors if d.reports_as in ids and d.id not in ids]
    return tuple(chosen)
