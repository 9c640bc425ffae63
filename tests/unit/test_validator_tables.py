"""Truth tables for the discover validators: clear facts, each just inside and just outside a rule.

Valid values were built with the published algorithms (ISO 13616 mod-97 check digits, Luhn check
digit, GitHub's CRC32/base62 checksum); invalid ones break exactly one rule. A comment names the
mutant of discover/validators.py a row kills when the row exists for that.
"""

from __future__ import annotations

import base64
import json

import pytest

from chwarden.discover.validators import (
    VALIDATORS,
    VALUE_ONLY,
    base62_crc32,
    basic_auth_valid,
    card_valid,
    email_valid,
    github_checksum_valid,
    iban_valid,
    ipv4_valid,
    ipv6_valid,
    is_placeholder,
    is_sequential,
    jwt_valid,
    luhn_valid,
    phone_valid,
    random_enough,
    shannon_entropy,
    validate,
)


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode().rstrip("=")


def _b64url_json(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def _jwt(header: object, payload: object) -> str:
    return f"{_b64url_json(header)}.{_b64url_json(payload)}.c2lnbmF0dXJl"


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("DE62370400440532013001", True),
        ("GB02NWBK60161331926820", True),
        ("FR0517569000305892717438121", True),
        ("FR7630006000011234567890189", False),  # a bank's documented example (documented_examples.json)
        ("de62 3704 0044 0532 0130 01", True),  # spaces and lower case as people write them
        ("DE053704004405320130010", False),  # correct mod-97, one digit too long for DE (22)
        ("DE6237040044053201300", False),  # one digit short
        ("DE61370400440532013001", False),  # remainder 0 instead of 1
        ("DE63370400440532013001", False),  # remainder 2
        ("ZZ62370400440532013001", False),  # no such country
        ("DE6237040044053201300-", False),  # a character that is no base-36 digit (except ValueError -> True)
        ("GB82WEST12345698765432", False),  # the documented example
    ],
)
def test_iban(value: str, valid: bool) -> None:
    assert iban_valid(value) is valid


def test_iban_of_the_wrong_length_is_refused() -> None:
    """Kills the IBAN length check dropped: the mod-97 sum is right, the length for DE is not."""
    assert iban_valid("DE053704004405320130010") is False


def test_iban_with_remainder_0_is_refused() -> None:
    """Kills `number % 97 == 1` relaxed to accept remainder 0 (or any remainder)."""
    assert iban_valid("DE61370400440532013001") is False


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("4539578763621486", True),
        ("4539578763621487", False),  # last digit off by one
        ("4539578763621468", False),  # two digits swapped: the doubling catches it (i % 2 == 2)
        ("453957876361", True),  # 12 digits: the shortest Luhn number checked (< 12, <= 12, < 13)
        ("45395787636", False),  # 11 digits, even if the sum works out
        ("00000000000", False),  # 11 zeros: the sum is 0, still too short (return True mutant)
    ],
)
def test_luhn(number: str, valid: bool) -> None:
    assert luhn_valid(number) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("4539578763621486", True),
        ("4539 5787 6362 1486", True),
        ("4539-5787-6362-1486", True),
        ("4539 5787-6362 1486", False),  # two kinds of separator
        ("4539578763628", False),  # 13 digits: Visa's retired length, not in the brand table
        ("501800000009", True),  # 12 digits, the shortest card (Maestro)
        ("453957876361", False),  # 12 digits: Luhn-valid, too short for a card
        ("6011000000000000001", True),  # 19 digits, the longest card
        ("6011 0000 0000 0000 001", True),  # 19 digits grouped 4-4-4-4-3 (longer than 19 with spaces)
        ("60110000000000000004", False),  # 20 digits, Luhn-valid: too long (<= 20 mutant)
        ("3712 345678 90120", True),  # Amex grouping 4-6-5
        ("3712 3456 7890 120", True),  # 4-4-4-3
        ("37123 45678 90120", False),  # 5-5-5 is no card layout
        ("3712 34567 890120", False),  # 4-5-6
        ("3712 345678 9012 0", False),  # 4-6-4-1
        ("45395787-6362-1486", False),  # 8-4-4 (UUID-like)
        ("4111111111111111", False),  # the documented test card
    ],
)
def test_card(value: str, valid: bool) -> None:
    assert card_valid(value, "") is valid


@pytest.mark.parametrize(
    ("value", "before", "valid"),
    [
        ("10.1.2.3", "from ", True),
        ("10.0.0.1", "", True),  # a single 0 octet is fine (len(o) >= 1 mutant)
        ("10.01.2.3", "", False),  # a leading zero (len(o) > 2 mutant)
        ("1.2.3.4.5", "", False),  # five parts
        ("1.2.3", "", False),
        ("10.1.2.255", "", True),  # 255 is a valid octet (>= 255 mutant)
        ("10.1.2.256", "", False),
        ("0.0.0.0", "", False),
        ("127.0.0.1", "", False),  # loopback (is_loopback and ... mutant)
        ("224.0.0.1", "", False),  # multicast (is_multicast and ... mutant)
        ("255.255.255.0", "", False),  # a netmask
        ("1.2.3.4", "version ", False),
        ("1.2.3.4", "v", False),
        # A role word alone is a network role; with a software name, or written as a version, a version.
        ("203.0.113.5", "accepted connection from client ", True),
        ("10.0.0.3", "node ", True),
        ("10.0.0.3", "server=", True),
        ("81.169.145.23", "app ", True),
        ("23.8.1.2", "connected with ClickHouse client ", False),
        ("1.2.3.4", "client v", False),
        ("1.2.3.4", "agent/", False),
        ("18.2.0.1", "python ", False),
    ],
)
def test_ipv4(value: str, before: str, valid: bool) -> None:
    assert ipv4_valid(value, before) is valid


@pytest.mark.parametrize(
    ("value", "before", "valid"),
    [
        ("2001:db8::1", "", True),  # three groups with :: (> 3, >= 4 mutants)
        ("2001:db8:0:0:1:2:3:4", "", True),  # full form: 7 colons (> 7, >= 8, "XX:XX" mutants)
        ("fe80::1", "", False),  # two groups only (>= 3 or ... mutant)
        ("2001:db8:1:2", "", False),  # neither :: nor 8 groups
        ("::1", "", False),
        ("0:0:0:0:0:0:0:1", "", False),  # loopback written out (is_loopback and ... mutant)
        ("::", "", False),
        ("2001:db8::1:2", "abc:", False),  # the tail of a longer colon run (endswith mutants)
        ("not:an:ip", "", False),  # except ValueError -> True mutant
    ],
)
def test_ipv6(value: str, before: str, valid: bool) -> None:
    assert ipv6_valid(value, before) is valid


@pytest.mark.parametrize(
    ("value", "before", "valid"),
    [
        (
            "415 867 5309",
            "call me at ",
            True,
        ),  # 10 digits, the shortest (11 <=, 10 < mutants); national: a phone word before
        ("+1 415 867 5309", "", True),
        ("+49 30 12345678901", "", True),  # 15 digits, the longest (< 15 mutant)
        ("+44 1234 567 890 1234", "", False),  # 16 digits
        ("415 867 530", "", False),  # 9 digits
        ("121 212 1213", "tel ", True),  # three distinct digits (<= 3 mutant)
        ("121 212 1212", "tel ", False),  # two distinct digits
        ("+1 212 555 0123", "", False),  # 555-01xx is reserved for fiction (digits[-11:] mutant)
        ("+1 212 555 1234", "", True),  # 555 outside 01xx is a real exchange (and -> or mutant)
        ("415 867 5309", "order #", False),
        ("415 867 5309", "invoice no. ", False),
    ],
)
def test_phone(value: str, before: str, valid: bool) -> None:
    assert phone_valid(value, before) is valid


PLACEHOLDER_LOCAL_PARTS = ["user", "username", "name", "email", "someone", "foo", "john.doe", "jane.doe"]


@pytest.mark.parametrize("local", PLACEHOLDER_LOCAL_PARTS)
def test_email_placeholder_local_parts(local: str) -> None:
    """Each documented placeholder name, in any case, is no person (kills each string's mutants)."""
    assert email_valid(f"{local}@acme-corp.io", "") is False
    assert email_valid(f"{local.upper()}@acme-corp.io", "") is False


@pytest.mark.parametrize(
    ("value", "before", "valid"),
    [
        ("maria.lopez@acme-corp.io", "", True),
        ("maria.lopez@example.com", "", False),
        ("maria.lopez@corp.local", "", False),
        ("logo@acme-corp.png", "", False),
        ("s3cret@db.acme-corp.io", "mysql://bob:", False),  # password@host of a URL
    ],
)
def test_email(value: str, before: str, valid: bool) -> None:
    assert email_valid(value, before) is valid


GOOD_BODY = "Q7w3E9r1T5y2U8i4O6p0A1s2D3f4Gh"
UNDERSCORE_BODY = "abc_Q7w3E9r1T5y2U8i4O6p0A1s2D3"


@pytest.mark.parametrize(
    ("token", "valid"),
    [
        (f"ghp_{GOOD_BODY}{base62_crc32(GOOD_BODY)}", True),
        ("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", True),  # the same, written out
        ("ghp_Q7w3E9r1T5y2U8i4O6p0A1s2D3f4Gh0dPaBn", False),  # checksum off by one character
        ("ghp_abc_Q7w3E9r1T5y2U8i4O6p0A1s2D3337cxk", True),  # only the first `_` splits (split mutants)
        ("ghp_Q7w3E9r1T5y2U8i4O6p0A1s2D3f4Gh0dPaB", False),  # 35 characters (return True mutant)
        ("ghpQ7w3E9r1T5y2U8i4O6p0A1s2D3f4Gh0dPaBm", False),  # no `_` at all
    ],
)
def test_github_checksum(token: str, valid: bool) -> None:
    assert github_checksum_valid(token) is valid


def test_base62_checksum_is_left_padded_to_6() -> None:
    assert len(base62_crc32(UNDERSCORE_BODY)) == 6
    assert base62_crc32(GOOD_BODY) == "0dPaBm"


@pytest.mark.parametrize(
    ("token", "valid"),
    [
        (_jwt({"alg": "HS256", "typ": "JWT"}, {"sub": "42", "name": "Alice"}), True),
        (_jwt({"alg": "HS256"}, {"sub": "1234567890", "name": "Alice"}), True),  # only sub matches jwt.io
        (_jwt({"alg": "HS256"}, {"sub": "1234567890", "name": "John Doe"}), False),  # jwt.io's token
        (_jwt({"typ": "JWT"}, {"sub": "42"}), False),  # no alg in the header
        (_jwt(["alg"], {"sub": "42"}), False),  # header not an object
        (_jwt({"alg": "HS256"}, ["sub"]), False),  # payload not an object
        ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9", False),  # two parts
        ("!!!.!!!.!!!", False),  # not base64url
    ],
)
def test_jwt(token: str, valid: bool) -> None:
    assert jwt_valid(token) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        (_b64("alice:s3cr3t-pw"), True),  # length % 4 == 0
        (_b64("alice:s3cr3t-pw!"), True),  # unpadded, length % 4 == 2 (padding mutants)
        (_b64("erin:Tr0ub4dor"), True),  # unpadded, length % 4 == 3 (+len(value) % 4 mutant)
        (_b64("alice:s3cr3t-pw") + "!", False),  # not base64 (validate=False mutant)
        (_b64(":Tr0ub4dor"), False),  # no user (and/or mutants)
        (_b64("alice:"), False),  # no password
        (_b64("alice"), False),  # no colon
        (_b64("bob:x9:zz"), True),  # the password may hold a colon (rpartition mutant)
        (_b64("alice:password"), False),  # a placeholder password
    ],
)
def test_basic_auth(value: str, valid: bool) -> None:
    assert basic_auth_valid(value) is valid


@pytest.mark.parametrize(
    ("value", "sequential"),
    [
        ("aaaa", True),  # one character repeated (return False mutant)
        ("abab", True),  # two distinct characters (< 2 mutant)
        ("abcabc", False),  # three distinct, not a run (<= 3 mutant)
        ("abcdefgh", True),
        ("87654321", True),  # a descending run (s == +1, s == -2 mutants)
        ("q7w3e9r1", False),
    ],
)
def test_is_sequential(value: str, sequential: bool) -> None:
    assert is_sequential(value) is sequential


@pytest.mark.parametrize(
    ("value", "placeholder"),
    [
        ("'password'", True),  # quotes around a placeholder word are stripped (strip(None) mutant)
        ("MY_API_KEY", True),  # an environment-variable name (the regex mutant)
        ("your-token-here", True),
        ("${DB_PASSWORD}", True),
        ("Tr0ub4dor&3", False),
        ("sk-xxxxxxxxxxxxxxxx", True),  # a masked key: a run of x's in one case
        ("XXXX-XXXX-XXXX", True),
        ("uew7AO7pFAXxXxa_hx5rvmUUDAN6dyfL5-rKesnu", False),  # a random token that holds XxXx
        ("$Q4uUIL2cpcQxD", False),  # a password that starts with "$", not a variable's name
        ("$dbPassword", True),
    ],
)
def test_is_placeholder(value: str, placeholder: bool) -> None:
    assert is_placeholder(value) is placeholder


def test_entropy_of_nothing_is_zero_and_the_threshold_is_inclusive() -> None:
    assert shannon_entropy("") == 0.0
    assert shannon_entropy("q7w3e9r1") == 3.0  # 8 distinct characters: exactly 3 bits each
    assert random_enough("q7w3e9r1", 3.0) is True  # at the threshold (> instead of >= mutant)
    assert random_enough("q7w3e9r1", 3.01) is False


@pytest.mark.parametrize(
    ("name", "value", "valid"),
    [
        ("entropy_3", "q7w3e9r1", True),
        ("entropy_3", "aaaaaaaa", False),
        ("entropy_3_5", "q7w3e9r1", False),  # 3.0 bits is below 3.5
        ("not_placeholder", "Tr0ub4dor&3", True),
        ("not_placeholder", "changeit", False),
        ("password", "q7w3q7w3", True),  # four distinct characters (> 4 mutant)
        ("password", "q7wq7w", False),  # three (>= 3 mutant)
        ("password", "*.#-*.#-", False),  # a mask, not a password (the regex mutants)
        ("password", "X*.#-X*.#-", False),
        ("password", "x*.#-x*.#-", False),
        ("aws_key_id", "AKIAZBCDEFGHIJKLMNOP", True),  # only the part after the 4-letter prefix counts
        ("aws_key_id", "AKIAABCDEFGHIJKLMNOP", False),  # a typed run
        ("aws_key_id", "AKIAEXAMPLE1234Q7W3X", False),  # EXAMPLE anywhere (and/or, string mutants)
        ("iban", "DE62370400440532013001", True),
        ("iban", "DE61370400440532013001", False),
        ("luhn", "4539 5787 6362 1486", True),
        ("none", "anything", True),
        ("jwt", _jwt({"alg": "none"}, {"sub": "42"}), True),
        ("github_checksum", "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", True),
        ("github_checksum", "ghp_Q7w3E9r1T5y2U8i4O6p0A1s2D3f4Gh0dPaBn", False),
        ("ipv4", "4111111111111111", False),  # a documented example never passes, whatever the validator
    ],
)
def test_validate_dispatches_by_name(name: str, value: str, valid: bool) -> None:
    assert validate(name, value) is valid


class _Unread:
    """A context no value-only validator may read (judge_rows keeps their answers by value alone)."""

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"a VALUE_ONLY validator read the context's {name}")


@pytest.mark.parametrize("name", sorted(VALUE_ONLY))
def test_value_only_validators_never_read_the_context(name: str) -> None:
    values = ["q7w3e9r1", "changeit", "DE62370400440532013001", "$2b$12$" + "a" * 53, "ghp_" + "Q7w3" * 9, "x=y"]
    for value in values:
        VALIDATORS[name](value, _Unread())  # type: ignore[arg-type]
    assert {"ipv4", "email", "luhn", "phone"}.isdisjoint(VALUE_ONLY)  # these read the text before the value


def test_documented_numbers_are_the_numbers_they_claim_to_be() -> None:
    """Every listed test card passes Luhn and every example IBAN mod-97 (a typo would list nothing)."""
    import json
    from pathlib import Path

    from chwarden.discover import validators

    listed = json.loads((Path(validators.__file__).parent / "documented_examples.json").read_text(encoding="utf-8"))
    assert all(validators.luhn_valid(card) for card in listed["test_cards"])
    for iban in listed["example_ibans"]:
        rearranged = iban[4:] + iban[:4]
        assert int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1, iban
        assert not validators.iban_valid(iban)  # listed: never a finding
