"""The validators of ``validators.py`` as SQL, so the server validates every candidate itself.

``--full`` counts are exact because no row is judged from a sample: each detector's candidates are
checked in the query (checksums, Luhn, mod-97, entropy, placeholders, context) with functions that
ClickHouse 18.16 already has. Each builder returns a boolean SQL expression over three names bound
by the caller: ``val`` (the value), ``m`` (the whole match) and ``bef`` (the text before it).
Lambda-bound names stand in for repeated sub-expressions (``arrayExists(x -> body, [expr])`` is a
``let``), which keeps queries short enough for 18.16's HTTP interface.
``test_discover.py`` checks on every corpus candidate that these agree with the Python rules.
"""

from __future__ import annotations

import base64
import functools
import zlib
from collections.abc import Callable

from chwarden.clickhouse.sql import quote_string as quote
from chwarden.discover import validators as py

Builder = Callable[["Ctx"], str]

B64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_POW62 = (916132832, 14776336, 238328, 3844, 62, 1)  # 62^5 .. 62^0


def strings(values: tuple[str, ...] | frozenset[str] | list[str]) -> str:
    return "[" + ", ".join(quote(v) for v in sorted(values)) + "]"


class Ctx:
    """Names of the bound value, match and left context, plus the server's capabilities."""

    def __init__(self, modern: bool, hints: frozenset[str] = frozenset(), specific: bool = False) -> None:
        self.modern = modern
        self.hints = hints
        self.specific = specific  # ``_specific`` (the specific detectors' alternation) is bound
        self._n = 0

    def fresh(self, stem: str) -> str:
        """A lambda parameter name not used elsewhere in the query."""
        self._n += 1
        return f"_{stem}{self._n}"

    def let(self, expr: str, body: Callable[[str], str]) -> str:
        """``body(name)`` with ``name`` bound to ``expr`` (evaluated once)."""
        name = self.fresh("v")
        return f"arrayExists({name} -> {body(name)}, [{expr}])"


def chars(c: Ctx, x: str) -> str:
    i = c.fresh("i")
    return f"arrayMap({i} -> substring({x}, {i} + 1, 1), range(length({x})))"


def entropy_at_least(c: Ctx, x: str, minimum: float | str) -> str:
    def body(cs: str) -> str:
        k, u = c.fresh("k"), c.fresh("u")
        return (
            f"-arraySum(arrayMap({k} -> ({k} / length({cs})) * log2({k} / length({cs})), "
            f"arrayMap({u} -> countEqual({cs}, {u}), arrayDistinct({cs})))) >= {minimum}"
        )

    return f"(length({x}) > 0 AND {c.let(chars(c, x), body)})"


def distinct_chars(c: Ctx, x: str) -> str:
    return f"length(arrayDistinct({chars(c, x)}))"


def sequential(c: Ctx, x: str) -> str:
    """``is_sequential`` without lambdas: at most two distinct characters, or a run of the ASCII table."""

    def body(y: str) -> str:
        if c.modern:  # 18.x wants a constant needle in replaceAll
            rest = f"replaceAll({y}, substring({y}, 1, 1), '')"
            two = f"replaceAll({rest}, substring({rest}, 1, 1), '') = ''"
        else:
            two = f"{distinct_chars(c, y)} <= 2"
        return f"({two} OR (length({y}) > 1 AND (position(_asc, {y}) > 0 OR position(_cas, {y}) > 0)))"

    return c.let(x, body)


def constants(modern: bool) -> dict[str, str]:
    """Literals the validators share, bound once per query with ``WITH <literal> AS <name>``."""
    out = {
        "_docs": strings(py.DOCUMENTED_EXAMPLES),
        "_phv": strings(py.PLACEHOLDER_VALUES),
        "_phw": strings(py.PLACEHOLDER_WORDS),
        "_phm": strings(py.MASK_RUNS),
        "_phre": quote(py.TEMPLATE_NAME),
        "_pscmd": quote(py.POWERSHELL_CMDLET),
        "_asc": quote(py.ASCII_RUN),  # ``sequential`` names the ASCII table each way (14 times in one query)
        "_cas": quote(py.ASCII_RUN[::-1]),
        "_fpath": quote(py.FILE_PATH),
        # each named at every placeholder, password or card and phone check (12, 4 and 2 copies took 1.4 kB)
        "_jwth": quote(py.JWT_HEADER_ONLY),
        "_quotes": quote("^['\"]+|['\"]+$"),
        "_idc": quote(py.ID_CONTEXT),
        "_date": quote(py.DATE_VALUE),
        "_qparam": quote(py.QUERY_PARAMETER),
        "_hexv": quote(py.HEX_VALUE),
        "_lword": quote(py.LOWER_WORDS),
        "_pow97": "[" + ", ".join(map(str, _pow10_mod97())) + "]",
    }
    if not modern:
        out["_crc"] = "[" + ", ".join(map(str, _crc_terms())) + "]"
    return out


def placeholder(c: Ctx, x: str) -> str:
    def body(lw: str) -> str:
        w = c.fresh("w")
        return (
            f"(has(_phv, {lw}) OR has(_docs, {x}) OR match({x}, _phre) OR match({x}, _jwth) "
            f"OR arrayExists({w} -> position({lw}, {w}) > 0, _phw) OR arrayExists({w} -> position({x}, {w}) > 0, _phm) "
            f"OR {sequential(c, lw)})"
        )

    return c.let(f"replaceRegexpAll(lower({x}), _quotes, '')", body)


def random_enough(c: Ctx, x: str, minimum: float) -> str:
    """``validators.random_enough``: a long hex value held to ``HEX_ENTROPY``, a short key to ``SHORT_KEY_ENTROPY``
    where ``minimum`` is higher."""
    floor: float | str = minimum
    if minimum > py.SHORT_KEY_ENTROPY:
        kinds = " AND ".join(f"match({x}, {quote(k)})" for k in py.KEY_KINDS)
        short = f"match({x}, {quote(py.SHORT_KEY)}) AND {kinds}"
        floor = f"if({short}, {py.SHORT_KEY_ENTROPY}, {floor})"
    if minimum > py.HEX_ENTROPY:
        floor = f"if(match({x}, _hexv), {py.HEX_ENTROPY}, {floor})"
    return f"(NOT {placeholder(c, x)} AND {entropy_at_least(c, x, floor)})"


def password_like(c: Ctx, x: str) -> str:
    return (
        f"(NOT {placeholder(c, x)} AND NOT match({x}, {quote(py.MASKED)}) AND {distinct_chars(c, x)} > 3 "
        f"AND NOT match({x}, _date) AND NOT match({x}, _qparam) "
        f"AND NOT match({x}, _pscmd) "
        f"AND NOT (match({x}, _fpath) "
        f"OR position({x}, '://') > 0 OR position({x}, '(') > 0) AND NOT match({x}, _lword))"
    )


def b64_decode(c: Ctx, x: str) -> str:
    """Base64 text to bytes: tryBase64Decode where the server has it, arithmetic on 18.x."""
    padded = f"concat({x}, substring('===', 1, (4 - length({x}) % 4) % 4))"
    if c.modern:
        return f"tryBase64Decode({padded})"

    def body(s: str) -> str:
        j = c.fresh("j")

        def sextet(k: int) -> str:
            ch = f"substring({s}, intDiv({j}, 3) * 4 + {k + 1}, 1)"
            return f"greatest(toInt64(position({quote(B64_ALPHABET)}, {ch})) - 1, 0)"

        group = " + ".join(f"{sextet(k)} * {64 ** (3 - k)}" for k in range(4))
        pads = f"(endsWith({s}, '=') + endsWith({s}, '=='))"
        byte = f"bitAnd(bitShiftRight({group}, 16 - 8 * ({j} % 3)), 255)"
        return f"arrayStringConcat(arrayMap({j} -> reinterpretAsString(toUInt8({byte})), range(toUInt64(greatest(toInt64(intDiv(length({s}) * 3, 4)) - {pads}, 0)))))"  # noqa: E501

    name = c.fresh("s")
    return f"arrayMap({name} -> {body(name)}, [{padded}])[1]"


@functools.cache
def b64_needles(needle: bytes) -> tuple[str, ...]:
    """Base64url substrings that appear, at one of the three alignments, wherever ``needle`` is encoded."""
    out = []
    for offset in range(3):
        encoded = base64.urlsafe_b64encode(b"\0" * offset + needle).decode()
        first = -(-8 * offset // 6)
        last = (8 * (offset + len(needle))) // 6
        out.append(encoded[first:last])
    return tuple(out)


def b64_contains(x: str, needle: bytes) -> str:
    return "(" + " OR ".join(f"position({x}, {quote(n)}) > 0" for n in b64_needles(needle)) + ")"


def crc32(c: Ctx, x: str) -> str:
    """CRC-32 of ``x``: the function on current servers; on 18.x, for 30 bytes, as XOR of per-bit terms."""
    if c.modern:
        return f"CRC32({x})"
    k, t = c.fresh("k"), c.fresh("t")
    bit = f"bitAnd(bitShiftRight(reinterpretAsUInt8(substring({x}, intDiv({k}, 8) + 1, 1)), {k} % 8), 1)"
    return (
        f"bitXor({zlib.crc32(bytes(30))}, arrayReduce('groupBitXor', "
        f"arrayMap(({k}, {t}) -> {t} * {bit}, range(240), _crc)))"
    )


@functools.cache
def _crc_terms() -> tuple[int, ...]:
    """CRC-32 is affine: crc(x) = crc(0) ^ XOR over set bits k of (crc(e_k) ^ crc(0)), for 30-byte x."""
    zero = zlib.crc32(bytes(30))
    out = []
    for k in range(240):
        data = bytearray(30)
        data[k // 8] = 1 << (k % 8)
        out.append(zlib.crc32(bytes(data)) ^ zero)
    return tuple(out)


def base62_6(c: Ctx, n: str) -> str:
    p = c.fresh("p")
    return (
        f"arrayStringConcat(arrayMap({p} -> substring({quote(py.BASE62)}, toUInt32(intDiv({n}, {p}) % 62) + 1, 1), "
        f"[{', '.join(map(str, _POW62))}]))"
    )


# ---------------------------------------------------------------------------- one builder per validator


def _none(_c: Ctx) -> str:
    return "1"


def _not_placeholder(c: Ctx) -> str:
    return f"NOT {placeholder(c, 'val')}"


def _entropy(minimum: float) -> Builder:
    return lambda c: random_enough(c, "val", minimum)


def _password(c: Ctx) -> str:
    return (
        f"({password_like(c, 'val')} AND NOT match(m, {quote(py.NOT_A_PASSWORD_NAME)}) "
        f"AND NOT match(val, {quote(py.SALTED_HEX_DIGEST)}))"
    )


def _identified_password(c: Ctx) -> str:
    words = ", ".join(quote(w) for w in py.WORDS_AFTER_IDENTIFIED_BY)
    return f"({password_like(c, 'val')} AND lower(val) NOT IN ({words}))"


def _phrase_password(c: Ctx) -> str:
    """``validators.phrase_password_valid``: ``w`` is the value without the sentence's closing bracket."""
    named_thing = quote(f"^(?:(?:{py.ALGORITHM_NAME}|{py.DOTTED_NUMBER})$|{py.LENGTH_RULE})")  # one pass
    unopened = quote(py.UNOPENED_CLOSE)

    def body(w: str) -> str:
        return (
            f"(lengthUTF8({w}) >= 6 AND NOT match({w}, {named_thing}) AND ({w} = val "
            f"OR positionUTF8(m, val) > 3) AND {password_like(c, w)} AND NOT match({w}, {quote(py.PLAIN_WORD)}) "
            f"AND ((positionUTF8(m, val) > 3 AND NOT match(m, {quote(py.LOGIN_NAMED)})) OR {strong_password(w)}))"
        )

    return c.let(f"if(match(val, {unopened}), replaceRegexpOne(val, '.$', ''), val)", body)  # 18.x: no substringUTF8


def strong_password(x: str) -> str:
    """``validators.strong_password``: eight characters or more of three ``CHARACTER_KINDS``."""
    kinds = " + ".join(f"match({x}, {quote(k)})" for k in py.CHARACTER_KINDS)
    return f"(lengthUTF8({x}) >= 8 AND {kinds} >= 3)"


def _password_hash(c: Ctx) -> str:
    tail = f"arrayElement(splitByChar('$', replaceRegexpOne(val, {quote(py.HASH_TAIL)}, '')), -1)"
    cost = "toUInt8OrZero(substring(val, 5, 2))"
    bcrypt = "match(val, '^\\\\$2[abxy]\\\\$')"
    return c.let(
        tail,
        lambda t: (
            f"(NOT {bcrypt} OR ({cost} >= 4 AND {cost} <= 31)) AND position(val, {quote(py.EMPTY_NT_HASH)}) = 0 "
            f"AND {entropy_at_least(c, t, 3.0)} "
            f"AND NOT {sequential(c, t)}"
        ),
    )


def _aws_key_id(c: Ctx) -> str:
    return f"(position(val, 'EXAMPLE') = 0 AND NOT {sequential(c, 'substring(val, 5)')})"


def _github(c: Ctx) -> str:
    def body(b: str) -> str:
        return f"length({b}) = 36 AND {base62_6(c, crc32(c, f'substring({b}, 1, 30)'))} = substring({b}, 31)"

    return c.let("substring(val, position(val, '_') + 1)", body)


def _jwt(c: Ctx) -> str:
    header, payload = "splitByChar('.', val)[1]", "splitByChar('.', val)[2]"
    example = f"({b64_contains(payload, b'1234567890')} AND {b64_contains(payload, b'John Doe')})"
    alg = b64_contains(header, b'"alg"')
    return f"(length(splitByChar('.', val)) = 3 AND {alg} AND NOT {example})"


def _basic(c: Ctx) -> str:
    def body(d: str) -> str:
        colon = f"position({d}, ':')"
        user = f"substring({d}, 1, greatest({colon}, 1) - 1)"  # 18.x evaluates both branches of ``if``
        # A secret key alone, as the user (no password), as the password (no user) or with no colon: one test.
        key = f"if({colon} = 0, {d}, if({colon} = 1, substring({d}, 2), {user}))"
        key_alone = c.let(
            key,
            lambda k: f"length({k}) >= {py.KEY_AS_USER} AND NOT match({k}, '\\\\s') AND {random_enough(c, k, 3.5)}",
        )
        password = f"substring({d}, {colon} + 1)"
        with_password = (
            f"NOT {placeholder(c, password)} "
            f"AND (match({d}, {quote(py.PUBLIC_KEY)}) OR NOT {placeholder(c, d)} "
            f"OR length({password}) >= {py.KEY_AS_USER})"
        )
        dummy = " OR ".join(f"{password} = {quote(p)}" for p in py.DUMMY_PASSWORDS)
        return (
            f"NOT match({d}, '[\\\\x00-\\\\x1f\\\\x7f]') AND if({colon} <= 1 OR {dummy}, {key_alone}, {with_password})"
        )

    return f"(match(val, '^[A-Za-z0-9+/_-]+=*$') AND {c.let(b64_decode(c, 'val'), body)})"


def _azure_sas(c: Ctx) -> str:
    return c.let(
        "decodeURLComponent(val)", lambda r: f"match({r}, '^[A-Za-z0-9+/]{{43}}=$') AND {random_enough(c, r, 3.5)}"
    )


# ``validators.said_before``: the text before the value, the match up to it included (a header the match began with).
SAID_BEFORE = "if(endsWith(m, val), concat(bef, substring(m, 1, length(m) - length(val))), bef)"


def _session_cookie(c: Ctx) -> str:

    def named(b: str) -> str:
        name = f"concat(extract({b}, {quote(py.COOKIE_NAME_HEAD)}), substring(val, 1, position(val, '=') - 1))"

        def body(n: str) -> str:
            def judged(v: str) -> str:
                php_id = f"(match({v}, {quote(py.PHP_SESSION_ID)}) AND match({v}, '[0-9]') AND match({v}, '[g-z]'))"
                # not ``match(…, '(?i)cookie')``: 18.16 takes the required literal case-sensitively, whatever the flag
                header = f"positionCaseInsensitive({b}, 'cookie') > 0"
                in_header = f"({header} AND (match({n}, {quote(py.SESSION_WORD)}) OR {php_id}))"
                sealed = f"startsWith({v}, {quote(py.SEALED_COOKIE_VALUE)})"
                known = f"(match({n}, {quote(py.KNOWN_SESSION_COOKIES)}) OR {in_header} OR {sealed})"

                def decided(k: str) -> str:
                    # a header's cookie whose name says nothing: a session only when its value is opaque
                    # (``opaque_session_value``: held to 4 bits, or hex's 3 as ``random_enough`` holds it)
                    unnamed = f"({header} AND NOT {k} AND NOT match({n}, {quote(py.HEADER_SESSION_NAME)}))"
                    opaque = (
                        f"NOT match({n}, {quote(py.MACHINE_COOKIES)}) AND length({v}) >= {py.OPAQUE_SESSION_CHARS} "
                        f"AND (NOT match({v}, {quote(py.BARE_HEX)}) OR length({v}) >= {py.OPAQUE_HEX_DIGITS})"
                    )
                    plain = f"length({v}) >= 16 AND ({k} OR NOT match({v}, {quote(py.UUID_OR_HEX)}))"
                    hexed = f"if(match({v}, _hexv), {py.HEX_ENTROPY}, {py.OPAQUE_SESSION_ENTROPY})"

                    def judged_as(u: str) -> str:
                        floor = f"if({u}, {hexed}, 3.0)"
                        random = f"NOT {placeholder(c, v)} AND {entropy_at_least(c, v, floor)}"
                        return f"{random} AND if({u}, {opaque}, {plain})"

                    return c.let(unnamed, judged_as)

                return (
                    f"NOT match({n}, {quote(py.ANALYTICS_COOKIES)}) AND NOT match({v}, {quote(py.WORDY_COOKIE_VALUE)}) "
                    f"AND {c.let(known, decided)}"
                )

            return c.let("substring(val, position(val, '=') + 1)", judged)

        return c.let(name, body)

    return c.let(SAID_BEFORE, named)


def _hash_shaped(name: str, v: str) -> str:
    """``named_hash_shaped``: a hash-shaped value under a password's name."""
    excluded = quote(py.PASSWORD_HASH_NAME_EXCLUDED)
    return (
        f"(match({name}, {quote(py.PASSWORD_HASH_NAME)}) AND NOT match({name}, {excluded}) "
        f"AND (match({v}, {quote(py.HASH_VALUE)}) OR (match({v}, {quote(py.NAME_ONLY_DIGEST)}) "
        f"AND match({name}, {quote(py.HASH_NAME)}))) "
        f"AND NOT (match({v}, {quote(py.BARE_HEX)}) AND match({name}, {quote(py.ENV_VAR_NAME)}) "
        f"AND NOT match({name}, {quote(py.DIGEST_NAME)})))"
    )


def _named_pair(c: Ctx, body: Callable[[str, str], str]) -> str:
    """``body(name, value)`` over the pair ``val`` (``name\\x1fvalue``), the name's version suffix cut once."""
    name = f"replaceRegexpOne(substring(val, 1, position(val, '\\x1f') - 1), {quote(py.NAME_VERSION_SUFFIX)}, '')"
    value = "substring(val, position(val, '\\x1f') + 1)"
    return c.let(name, lambda n: c.let(value, lambda v: body(n, v)))


def _hashed_key(v: str, named: str) -> str:
    """``hashed_key``: a stored SHA-256 digest of an API key."""
    return (
        f"(match({v}, {quote(py.HASHED_KEY_VALUE)}) AND match({named}, {quote(py.HASHED_KEY_NAME)}) "
        f"AND NOT match({named}, {quote(py.QUERY_KEY_NAME)}))"
    )


def _keyword_secret(c: Ctx) -> str:
    cursor = f"(match(lower(m), {quote(py.NOT_SECRET_TOKEN)}) OR match(bef, {quote(py.PUBLIC_BEFORE)}))"
    elsewhere = f"(match(val, _fpath) OR match(val, {quote(py.PAYMENT_OBJECT_ID)}))"
    chosen = (
        f"match(m, {quote(py.CONFIG_LINE_SECRET)}) AND match(val, '[0-9]') AND match(val, '[A-Za-z]') "
        f"AND NOT match(val, {quote('^' + py.DOTTED_NUMBER)}) AND {password_like(c, 'val')}"
    )
    with_query = "if(match(bef, '[?&]$'), concat(substring(bef, length(bef), 1), m), m)"  # a query's key
    random = f"({random_enough(c, 'val', 3.5)} OR match(m, {quote(py.SCHEMED_UUID)}))"
    generated = f"{random} AND NOT {_hashed_key('val', with_query)} AND NOT {cursor}"
    return f"(NOT {elsewhere} AND if(length(val) < {py.SHORTEST_KEY}, {chosen}, {generated}))"


def _named_password_hash(c: Ctx) -> str:
    def body(name: str, v: str) -> str:
        def random_digest(d: str) -> str:
            return f"{entropy_at_least(c, d, 3.0)} AND NOT {sequential(c, d)}"

        return f"{_hash_shaped(name, v)} AND {c.let(f'extract({v}, {quote(py.HASH_DIGEST)})', random_digest)}"

    return _named_pair(c, body)


def _named(c: Ctx) -> str:
    def body(name: str, v: str) -> str:
        token = (
            f"match({v}, '^[\\\\x00-\\\\x7f]+$') AND length({v}) >= 16 AND position({v}, '://') = 0 "
            f"AND NOT match({v}, _fpath) AND {random_enough(c, v, 3.5)}"
        )
        return (
            f"NOT {_hash_shaped(name, v)} "
            f"AND NOT match(extract({name}, {quote(py.NAME_LEAF)}), {quote(py.NAMED_SECRET_EXCLUDED)}) "
            f"AND NOT match(lower({v}), '^(?:[0-9.]+|true|false|yes|no|on|off)$') "
            f"AND (match({v}, {quote(py.BASE64_PREFIXED)}) OR NOT match({v}, {quote(py.ASSIGNMENT_INSIDE)})) "
            f"AND NOT match({v}, {quote(py.SECRET_REFERENCE)}) AND NOT {_hashed_key(v, name)} "
            f"AND if(match({name}, {quote(py.PASSWORD_NAME)}), {password_like(c, v)}, {token})"
        )

    return _named_pair(c, body)


def luhn(c: Ctx, digits: str) -> str:
    i, d, k = c.fresh("i"), c.fresh("d"), c.fresh("k")
    values = f"arrayReverse(arrayMap({i} -> reinterpretAsUInt8(substring({digits}, {i} + 1, 1)) - 48, range(length({digits}))))"  # noqa: E501
    doubled = f"if({k} % 2 = 1, if({d} * 2 > 9, {d} * 2 - 9, {d} * 2), {d})"
    return f"(length({digits}) >= 12 AND arraySum(arrayMap(({d}, {k}) -> {doubled}, {values}, range(length({digits})))) % 10 = 0)"  # noqa: E501


def _card(c: Ctx) -> str:
    # A wide separator is two or three bytes: one byte each here, so a number grouped by them has one kind of separator.
    spaces = "replaceAll(val, ' - ', '-')"
    for byte, wide in enumerate(py.WIDE_CARD_SEPARATORS, start=1):
        spaces = f"replaceAll({spaces}, {quote(wide)}, '\\x{byte:02x}')"
    separators = distinct_chars(c, f"replaceRegexpAll({spaces}, '[0-9]', '')")

    def body(g: str) -> str:
        return (
            f"NOT has(_docs, {g}) AND match({g}, {quote(py.CARD_NUMBER)}) "
            f"AND {separators} <= 1 AND match(val, {quote(py.CARD_GROUPS)}) "
            f"AND NOT match(bef, {quote(py.CARD_BEFORE)}) AND NOT ({g} = val AND match(bef, _idc)) "
            f"AND {luhn(c, g)}"
        )

    return c.let("replaceRegexpAll(val, '[^0-9]', '')", body)


@functools.cache
def _pow10_mod97() -> tuple[int, ...]:
    return tuple(pow(10, k, 97) for k in range(80))


def _iban(c: Ctx) -> str:
    countries = sorted(py.IBAN_LENGTHS)
    lengths = ", ".join(str(py.IBAN_LENGTHS[k]) for k in countries)

    def numeric(i: str) -> str:
        ch = c.fresh("c")
        rearranged = f"concat(substring({i}, 5), substring({i}, 1, 4))"
        return (
            f"arrayStringConcat(arrayMap({ch} -> "
            f"if(match({ch}, '[0-9]'), {ch}, toString(reinterpretAsUInt8({ch}) - 55)), "
            f"{chars(c, rearranged)}))"
        )

    def mod97(n: str) -> str:
        k, d, w = c.fresh("k"), c.fresh("d"), c.fresh("w")
        digits = (
            f"arrayReverse(arrayMap({k} -> reinterpretAsUInt8(substring({n}, {k} + 1, 1)) - 48, range(length({n}))))"
        )
        weights = f"arraySlice(_pow97, 1, length({n}))"
        return f"length({n}) <= 80 AND arraySum(arrayMap(({d}, {w}) -> {d} * {w}, {digits}, {weights})) % 97 = 1"

    def body(i: str) -> str:
        expected = f"[{lengths}][indexOf({strings(countries)}, substring({i}, 1, 2))]"
        return f"NOT has(_docs, {i}) AND length({i}) = {expected} AND {c.let(numeric(i), mod97)}"

    return c.let("upper(replaceAll(val, ' ', ''))", body)


def _email(c: Ctx) -> str:
    # ``iata_email``: an airline booking's ``//`` for ``@``, ``..`` for ``_``, ``./`` for ``-``
    decoded = (
        "if(position(val, '@') = 0 AND position(val, '//') > 0, "
        "replaceAll(replaceAll(replaceOne(val, '//', '@'), '..', '_'), './', '-'), val)"
    )

    def body(e: str) -> str:
        local = f"lower(substring({e}, 1, position({e}, '@') - 1))"
        return (
            f"(NOT match({e}, {quote(py.EXAMPLE_EMAIL_DOMAIN)}) AND NOT match({e}, {quote(py.FILE_SUFFIX)}) "
            f"AND NOT match({e}, {quote(py.KERBEROS_REALM)}) "
            f"AND NOT match(bef, {quote(py.URL_USERINFO)}) AND NOT match(bef, {quote(py.LOCAL_PART_CUT)}) "
            f"AND NOT match(bef, {quote(py.MESSAGE_ID_BEFORE)}) AND NOT match(bef, {quote(py.SIP_URI)}) "
            f"AND NOT match(bef, {quote(py.SSH_LOGIN_BEFORE)}) AND NOT match(bef, {quote(py.FEDIVERSE_HANDLE_BEFORE)}) "
            f"AND NOT match(bef, {quote(py.ERLANG_NODE_BEFORE)}) "
            "AND position(m, ':') = 0 "
            f"AND NOT has({strings(py.EXAMPLE_LOCAL_PARTS)}, {local}))"
        )

    return c.let(decoded, body)


def _ipv4(c: Ctx) -> str:
    if py.VERSION_HINT in c.hints:
        return "0"

    def body(o: str) -> str:
        a, b = c.fresh("o"), c.fresh("o")
        first = f"toUInt32OrZero({o}[1])"
        return (
            f"length({o}) = 4 AND NOT arrayExists({a} -> length({a}) > 1 AND startsWith({a}, '0'), {o}) "
            f"AND arrayAll({b} -> toUInt32OrZero({b}) <= 255, {o}) "
            f"AND (NOT match(bef, {quote(py.VERSION_CONTEXT)}) OR match(m, {quote(py.ENDPOINT_PORT)})) "
            f"AND NOT match(val, {quote(py.SMALL_VERSION)}) "
            f"AND NOT ({o}[4] = '0' AND endsWith(m, {quote(py.NETWORK_SUFFIX)})) "
            "AND NOT endsWith(m, '+') "
            f"AND val != '0.0.0.0' AND {first} != 127 AND NOT ({first} >= 224 AND {first} <= 239) AND {first} != 255"
        )

    return c.let("splitByChar('.', val)", body)


def _ipv6(c: Ctx) -> str:
    doubles = "intDiv(length(val) - length(replaceAll(val, '::', '')), 2)"
    colons = "(length(val) - length(replaceAll(val, ':', '')))"
    g = c.fresh("g")
    groups = f"length(arrayFilter({g} -> {g} != '', splitByChar(':', val)))"
    return (
        f"(match(val, '^[0-9a-fA-F:]+$') AND {doubles} <= 1 AND if({doubles} = 1, {groups} <= 7, {groups} = 8) "
        f"AND NOT endsWith(bef, ':') AND {groups} >= 3 AND ({colons} >= 7 OR {doubles} = 1) "
        f"AND NOT match(val, {quote(py.BYTE_PAIRS)}) AND NOT match(val, {quote(py.CLOCK_AFTER_DATE)}))"
    )


def _phone(c: Ctx) -> str:
    hinted = "1" if py.PHONE_HINT in c.hints else "0"
    xtn_country = f"match(val, {quote(py.XTN_WITH_COUNTRY)})"  # an HL7 XTN's country code: international
    # and an airline booking's SSR CTCM digits (``/`` then country code), a WhatsApp number: ``xtn_number``
    international = (
        f"(startsWith(val, '+') OR startsWith(val, '00') OR {xtn_country} OR startsWith(val, '/') "
        f"OR match(val, {quote(py.E164_FIELD)}))"
    )
    shortest = py.NATIONAL_DIGITS_MIN - 1 if py.PHONE_HINT in c.hints else py.NATIONAL_DIGITS_MIN
    written = quote(f"^(?:{py.WRITTEN_PHONE})$")

    def body(raw: str) -> str:
        def inner(d: str) -> str:
            last10 = f"substring({d}, greatest(toInt64(length({d})) - 9, 1))"
            return (
                f"NOT match(val, {quote(py.DOTTED_QUAD)}) "
                f"AND length({d}) >= {shortest} AND length({d}) <= 15 AND {distinct_chars(c, d)} > 2 "
                f"AND NOT (substring({last10}, 4, 3) = '555' AND substring({last10}, 7, 2) = '01') "
                f"AND {c.let(SAID_BEFORE, lambda s: context(s))}"
            )

        def context(s: str) -> str:
            return (
                f"NOT match({s}, _idc) "
                f"AND NOT (match({s}, {quote(py.PHONE_GLUED)}) AND NOT match({s}, {quote(py.PHONE_WORD_END)})) "
                f"AND NOT (startsWith(val, '00') AND match({s}, {quote(py.DIGIT_GROUP_BEFORE)})) "
                f"AND NOT (startsWith(val, '+') AND match({s}, {quote(py.PLUS_RUN_BEFORE)})) "
                f"AND ({international} OR match(val, {written}) OR position(val, '^') > 0 OR {hinted} "
                f"OR match({s}, {quote(py.PHONE_CONTEXT)}))"
            )

        return c.let(f"if({international} AND startsWith({raw}, '00'), substring({raw}, 3), {raw})", inner)

    return c.let("replaceRegexpAll(val, '[^0-9]', '')", body)


BUILDERS: dict[str, Builder] = {
    "none": _none,
    "not_placeholder": _not_placeholder,
    "entropy_3": _entropy(3.0),
    "entropy_3_5": _entropy(3.5),
    "password": _password,
    "phrase_password": _phrase_password,
    "identified_password": _identified_password,
    "password_hash": _password_hash,
    "aws_key_id": _aws_key_id,
    "github_checksum": _github,
    "jwt": _jwt,
    "basic_auth": _basic,
    "azure_sas": _azure_sas,
    "session_cookie": _session_cookie,
    "keyword_secret": _keyword_secret,
    "named_secret": _named,
    "named_password_hash": _named_password_hash,
    "luhn": _card,
    "iban": _iban,
    "email": _email,
    "ipv4": _ipv4,
    "ipv6": _ipv6,
    "phone": _phone,
}


def validator_sql(name: str, ctx: Ctx) -> str:
    """The named validator over ``val``/``m``/``bef``; documented example values never pass."""
    return f"(NOT has(_docs, val) AND {BUILDERS[name](ctx)})"
