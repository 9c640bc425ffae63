"""Client-side validation of matched fragments: checksums, entropy, and known examples.

The server finds candidates with regular expressions; these functions decide, on a bounded sample
of fragments, whether a candidate is real. A validator gets the secret value and the text just
before the match (for context such as ``version 1.2.3.4``) and returns True for a real finding.
Each is registered by name so that the rules file can refer to it.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import itertools
import json
import math
import re
import zlib
from collections import Counter
from collections.abc import Callable

Validator = Callable[[str, str], bool]

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

# Values published in vendor documentation, tutorials and test suites: never real findings.
DOCUMENTED_EXAMPLES = frozenset(
    {
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
        "4111111111111111",
        "4242424242424242",
        "4012888888881881",
        "4000056655665556",
        "5555555555554444",
        "5105105105105100",
        "2223003122003222",
        "378282246310005",
        "371449635398431",
        "6011111111111117",
        "6011000990139424",
        "3056930009020004",
        "GB82WEST12345698765432",
        "DE89370400440532013000",
        "FR1420041010050500013M02606",
        "GB33BUKB20201555555555",
    }
)
_PLACEHOLDER_WORDS = (
    "example",
    "sample",
    "placeholder",
    "your_",
    "your-",
    "yourpassword",
    "your",
    "xxxx",
    "****",
    "redacted",
    "hidden",
    "changeit",
    "dummy",
    "insert",
    "replace",
    "<",
    ">",
    "${",
    "{{",
    "%s",
    "$(",
)
_PLACEHOLDER_VALUES = frozenset(
    {
        "password",
        "passwd",
        "pass",
        "secret",
        "token",
        "none",
        "null",
        "nil",
        "true",
        "false",
        "undefined",
        "required",
        "optional",
        "string",
        "value",
        "test",
        "testing",
        "username",
        "user",
        "admin",
        "empty",
        "hunter2x",
    }
)
_JWT_EXAMPLE_SUBJECT = "1234567890"  # jwt.io's documented token (sub 1234567890, John Doe)


def shannon_entropy(value: str) -> float:
    """Bits per character; random base64 keys score above 4, words and repeats well below."""
    if not value:
        return 0.0
    counts = Counter(value)
    total = len(value)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def is_sequential(value: str) -> bool:
    """``abcdefgh``, ``12345678`` and long runs of one character are typed, not generated."""
    if len(set(value)) <= 2:
        return True
    steps = [ord(b) - ord(a) for a, b in itertools.pairwise(value)]
    return bool(steps) and (all(s == 1 for s in steps) or all(s == -1 for s in steps))


def is_placeholder(value: str) -> bool:
    lower = value.lower().strip("'\"")
    if lower in _PLACEHOLDER_VALUES or value in DOCUMENTED_EXAMPLES:
        return True
    if re.fullmatch(r"[A-Z][A-Z0-9_]*_[A-Z0-9_]*", value):  # MY_API_KEY, YOUR_TOKEN_HERE
        return True
    return any(word in lower for word in _PLACEHOLDER_WORDS) or is_sequential(lower)


def random_enough(value: str, minimum: float) -> bool:
    return not is_placeholder(value) and shannon_entropy(value) >= minimum


def luhn_valid(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) < 12:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


# IBAN lengths by country (ISO 13616 registry).
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
    "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
    "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
    "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
    "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29,
    "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip


def iban_valid(value: str) -> bool:
    iban = value.replace(" ", "").upper()
    if iban in DOCUMENTED_EXAMPLES or IBAN_LENGTHS.get(iban[:2]) != len(iban):
        return False
    rearranged = iban[4:] + iban[:4]
    try:
        number = int("".join(str(int(c, 36)) for c in rearranged))
    except ValueError:
        return False
    return number % 97 == 1


def base62_crc32(data: str) -> str:
    """GitHub's token checksum: CRC32 of the random part, base62, left-padded to 6 characters."""
    n = zlib.crc32(data.encode())
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = BASE62[r] + out
    return out.rjust(6, "0")


def github_checksum_valid(token: str) -> bool:
    """``ghp_`` + 30 random + 6 checksum characters (also gho_, ghu_, ghs_, ghr_)."""
    body = token.split("_", 1)[1] if "_" in token else ""
    if len(body) != 36:
        return False
    return base62_crc32(body[:30]) == body[30:]


def _b64url_json(part: str) -> object:
    padded = part + "=" * (-len(part) % 4)
    return json.loads(base64.urlsafe_b64decode(padded))


def jwt_valid(token: str) -> bool:
    parts = token.split(".")
    if len(parts) != 3:
        return False
    try:
        header, payload = _b64url_json(parts[0]), _b64url_json(parts[1])
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return False
    if not isinstance(header, dict) or "alg" not in header or not isinstance(payload, dict):
        return False
    return not (payload.get("sub") == _JWT_EXAMPLE_SUBJECT and payload.get("name") == "John Doe")


def basic_auth_valid(value: str, _before: str = "") -> bool:
    try:
        decoded = base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode("utf-8")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return False
    user, sep, password = decoded.partition(":")
    return bool(sep and user and password) and decoded.isprintable() and not is_placeholder(password)


_VERSION_CONTEXT = re.compile(r"(?i)(?:\bv|version|ver\.?|release|build|firmware|\bos|/|[0-9]\.|[0-9])\s*$")


def ipv4_valid(value: str, before: str) -> bool:
    octets = value.split(".")
    if len(octets) != 4 or any(len(o) > 1 and o.startswith("0") for o in octets):
        return False
    if any(int(o) > 255 for o in octets) or _VERSION_CONTEXT.search(before):
        return False
    addr = ipaddress.IPv4Address(value)
    return not (addr.is_unspecified or addr.is_loopback or addr.is_multicast or value.startswith("255."))


def ipv6_valid(value: str, before: str) -> bool:
    try:
        addr = ipaddress.IPv6Address(value)
    except ValueError:
        return False
    if addr.is_loopback or addr.is_unspecified or before.endswith((":", "::")):
        return False
    groups = [g for g in value.split(":") if g]
    return len(groups) >= 3 and (value.count(":") >= 7 or "::" in value)


def phone_valid(value: str, before: str) -> bool:
    digits = re.sub(r"\D", "", value)
    if not 10 <= len(digits) <= 15 or len(set(digits)) <= 2:
        return False
    national = digits[-10:]
    # NANP 555-0100..0199 are reserved for fiction and documentation.
    if national[3:6] == "555" and national[6:8] == "01":
        return False
    return not re.search(r"(?i)(?:id|#|no\.?|order|invoice|ref)\s*[:=]?\s*$", before)


def card_valid(value: str, _before: str) -> bool:
    digits = re.sub(r"\D", "", value)
    if digits in DOCUMENTED_EXAMPLES or not 13 <= len(digits) <= 19:
        return False
    separators = set(re.sub(r"\d", "", value))
    if len(separators) > 1:
        return False
    if separators:  # grouped as printed on cards: 4-4-4-4(-3) or Amex 4-6-5, never 8-4-4 (UUIDs)
        groups = [len(g) for g in re.split(r"[ -]", value)]
        if groups[:-1] != [4] * (len(groups) - 1) and groups != [4, 6, 5]:
            return False
    return luhn_valid(digits)


_EXAMPLE_EMAIL_DOMAIN = re.compile(
    r"(?i)@(?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net)|example|localhost|test|invalid|local)$"
)
_FILE_SUFFIX = re.compile(r"(?i)\.(?:png|jpe?g|gif|svg|webp|ico|css|js)$")


def email_valid(value: str, before: str) -> bool:
    local = value.split("@", 1)[0].lower()
    if _EXAMPLE_EMAIL_DOMAIN.search(value) or _FILE_SUFFIX.search(value):
        return False
    if re.search(r"://[^\s/@]*:$", before):
        return False  # user:password@host of a URL, not an address
    return local not in ("user", "username", "name", "email", "someone", "foo", "john.doe", "jane.doe")


def _entropy(minimum: float) -> Validator:
    return lambda value, _before: random_enough(value, minimum)


def _not_placeholder(value: str, _before: str) -> bool:
    return not is_placeholder(value)


def _aws_key_id(value: str, _before: str) -> bool:
    return "EXAMPLE" not in value and value not in DOCUMENTED_EXAMPLES and not is_sequential(value[4:])


def _github(value: str, _before: str) -> bool:
    return github_checksum_valid(value)


def _jwt(value: str, _before: str) -> bool:
    return jwt_valid(value)


def _password(value: str, _before: str) -> bool:
    return not is_placeholder(value) and not re.fullmatch(r"[*.#xX•-]+", value) and len(set(value)) > 3


VALIDATORS: dict[str, Validator] = {
    "none": lambda _v, _b: True,
    "not_placeholder": _not_placeholder,
    "entropy_3": _entropy(3.0),
    "entropy_3_5": _entropy(3.5),
    "password": _password,
    "aws_key_id": _aws_key_id,
    "github_checksum": _github,
    "jwt": _jwt,
    "basic_auth": basic_auth_valid,
    "luhn": card_valid,
    "iban": lambda v, _b: iban_valid(v),
    "email": email_valid,
    "ipv4": ipv4_valid,
    "ipv6": ipv6_valid,
    "phone": phone_valid,
}


def validate(name: str, value: str, before: str = "") -> bool:
    """Run the named validator; documented example values never pass."""
    if value in DOCUMENTED_EXAMPLES:
        return False
    return VALIDATORS[name](value, before)
