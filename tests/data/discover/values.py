"""Generated sensitive values and their hard negatives, several formats per class.

Every generator takes a ``random.Random`` and returns a text snippet: a positive snippet holds one
value of its class (in one of several shapes a real log, config dump, header or chat message would
show it), a negative snippet looks like the class but is not a finding (placeholders, documented
example keys, bad checksums, Luhn-invalid numbers, version strings, DSNs...). Nothing here is a
real credential: tokens are random with the right shape and, where the class has one, a valid
checksum.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import itertools
import json
import random
import re
import string
import uuid
import zlib
from collections.abc import Callable

import phonenumbers

Gen = Callable[[random.Random], str]

ALNUM = string.ascii_letters + string.digits
UPPER = string.ascii_uppercase + string.digits
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
CRYPT64 = "./" + string.digits + string.ascii_uppercase + string.ascii_lowercase


def rand(rnd: random.Random, alphabet: str, n: int) -> str:
    return "".join(rnd.choice(alphabet) for _ in range(n))


def pick(rnd: random.Random, *options: str) -> str:
    return rnd.choice(options)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _crc_base62(body: str) -> str:
    n = zlib.crc32(body.encode())
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = BASE62[r] + out
    return out.rjust(6, "0")


def github_token(rnd: random.Random, prefix: str, valid: bool = True) -> str:
    body = rand(rnd, ALNUM, 30)
    check = _crc_base62(body)
    if not valid:
        check = check[:-1] + ("A" if check[-1] != "A" else "B")
    return f"{prefix}_{body}{check}"


def assign(rnd: random.Random, key: str, value: str) -> str:
    """``key=value`` in one of the shapes configs and logs use."""
    shape = rnd.randrange(6)
    if shape == 0:
        return f"{key}={value}"
    if shape == 1:
        return f'"{key}": "{value}"'
    if shape == 2:
        return f"{key.upper()}={value}"
    if shape == 3:
        return f"{key}: {value}"
    if shape == 4:
        return f"{key} = '{value}'"
    return f"--{key.replace('_', '-')}={value}"


# ---------------------------------------------------------------------------- vendor tokens


def openai_legacy(r: random.Random) -> str:
    return "sk-" + rand(r, ALNUM, 20) + "T3BlbkFJ" + rand(r, ALNUM, 20)


def openai_project(r: random.Random) -> str:
    kind = pick(r, "proj", "proj", "svcacct", "admin")
    return f"sk-{kind}-" + rand(r, ALNUM + "_-", r.choice((48, 74, 120, 156)))


def anthropic(r: random.Random) -> str:
    return "sk-ant-" + pick(r, "api03", "admin01") + "-" + rand(r, ALNUM + "_-", 93) + "AA"


def deepseek(r: random.Random) -> str:
    return "sk-" + rand(r, HEX, 32)


def aws_key_id(r: random.Random) -> str:
    return pick(r, "AKIA", "ASIA") + rand(r, string.ascii_uppercase + "234567", 16)


def aws_secret(r: random.Random) -> str:
    return rand(r, ALNUM + "+/", 40)


def aws_session_token(r: random.Random) -> str:
    prefix = pick(r, "IQoJb3JpZ2luX2Vj", "IQoJb3JpZ2luX2VjE", "FwoGZXIvYXdzE", "FQoGZXIvYXdzE")
    return prefix + rand(r, B64, r.randrange(200, 700)) + pick(r, "", "=", "==")


def slack_token(r: random.Random) -> str:
    return f"xox{pick(r, 'b', 'p', 'a')}-{r.randrange(10**10, 10**12)}-{r.randrange(10**11, 10**13)}-" + rand(
        r, ALNUM, 24
    )


def slack_token_with_card_run(r: random.Random) -> str:
    """A Slack token whose team number is a Luhn-valid, card-like run (about one real token in ten)."""
    team = str(r.randrange(2, 7)) + "".join(r.choice(string.digits) for _ in range(10))
    return f"xox{pick(r, 'b', 'p')}-{team}{_luhn_digit(team)}-{r.randrange(10**11, 10**13)}-" + rand(r, ALNUM, 24)


def stripe_key(r: random.Random) -> str:
    return pick(r, "sk_live_", "rk_live_", "sk_test_") + rand(r, ALNUM, r.choice((24, 34, 99)))


def gcp_token(r: random.Random) -> str:
    if r.random() < 0.7:
        return "ya29." + rand(r, B64URL, r.randrange(120, 220))
    return "1//0" + rand(r, B64URL, r.randrange(60, 100))


def clickhouse_secret(r: random.Random) -> str:
    return "4b1d" + rand(r, ALNUM, 38)


def jwt(r: random.Random) -> str:
    alg = pick(r, "HS256", "RS256", "ES256")
    header: dict[str, str] = {"alg": alg, "typ": "JWT"}
    if r.random() < 0.4:
        header["kid"] = rand(r, HEX, 16)
    payload = {
        "sub": pick(r, "u-", "user_", "") + rand(r, ALNUM, 10),
        "iat": 1767225600 + r.randrange(10**6),
        "exp": 1767229200 + r.randrange(10**6),
    }
    if r.random() < 0.5:
        payload["scope"] = pick(r, "read write", "chat:completions", "admin")
    sig_len = {"HS256": 32, "RS256": 256, "ES256": 64}[alg]
    sep = pick(r, ",", ", ")
    head = json.dumps(header, separators=(sep, ":"))
    body = json.dumps(payload, separators=(sep, ":"))
    return f"{b64url(head.encode())}.{b64url(body.encode())}.{b64url(r.randbytes(sig_len))}"


def pem_key(r: random.Random) -> str:
    kind = pick(r, "RSA ", "EC ", "OPENSSH ", "")
    nl = pick(r, "\\n", "\n", "\\n")
    lines = nl.join(b64(r.randbytes(48)) for _ in range(r.randrange(2, 5)))
    return f"-----BEGIN {kind}PRIVATE KEY-----{nl}{lines}{nl}-----END {kind}PRIVATE KEY-----"


def password(r: random.Random) -> str:
    """A password a person or a generator would choose (not a dictionary word alone)."""
    shape = r.randrange(4)
    if shape == 0:
        return rand(r, ALNUM, r.randrange(10, 20))
    if shape == 1:
        word = pick(r, "Summer", "Winter", "Falcon", "Berlin", "Kitten", "Orange", "Dragon", "Marble")
        return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "$", "?", "")
    if shape == 2:
        return rand(r, ALNUM + "!#$&*-_", r.randrange(12, 24))
    return "-".join(rand(r, string.ascii_lowercase, 4) for _ in range(3)) + str(r.randrange(10, 99))


def opaque_token(r: random.Random) -> str:
    return rand(r, ALNUM + pick(r, "", "-_", "."), r.randrange(24, 64))


def azure_account_key(r: random.Random) -> str:
    return b64(r.randbytes(64))


def azure_sas_sig(r: random.Random) -> str:
    raw = b64(r.randbytes(32))
    return raw.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


# ---------------------------------------------------------------------------- password hashes


def password_hash(r: random.Random) -> str:
    kind = r.randrange(10)
    salt16 = rand(r, CRYPT64, 16)
    if kind == 0:
        return f"$2{pick(r, 'a', 'b', 'y')}${pick(r, '10', '12', '14')}$" + rand(r, CRYPT64, 53)
    if kind == 1:
        return (
            f"$argon2{pick(r, 'id', 'i')}$v=19$m={pick(r, '65536', '19456', '102400')},t={r.randrange(2, 4)},"
            f"p={r.randrange(1, 5)}${b64(r.randbytes(16)).rstrip('=')}${b64(r.randbytes(32)).rstrip('=')}"
        )
    if kind == 2:
        rounds = pick(r, "", "rounds=656000$", "rounds=5000$")
        return f"$6${rounds}{salt16}$" + rand(r, CRYPT64, 86)
    if kind == 3:
        return f"$5${salt16}$" + rand(r, CRYPT64, 43)
    if kind == 4:
        return f"${pick(r, '1', 'apr1')}${rand(r, CRYPT64, 8)}$" + rand(r, CRYPT64, 22)
    if kind == 5:  # Django
        return f"pbkdf2_sha256${pick(r, '260000', '600000', '870000')}${rand(r, ALNUM, 22)}$" + b64(r.randbytes(32))
    if kind == 6:  # werkzeug
        return (
            f"pbkdf2:sha256:{pick(r, '600000', '260000')}${rand(r, ALNUM, 16)}$"
            + hashlib.sha256(r.randbytes(16)).hexdigest()
        )
    if kind == 7:  # werkzeug scrypt
        return f"scrypt:32768:8:1${rand(r, ALNUM, 16)}$" + hashlib.sha512(r.randbytes(16)).hexdigest()
    if kind == 8:  # Django argon2 / bcrypt_sha256
        if r.random() < 0.5:
            return f"argon2$argon2id$v=19$m=102400,t=2,p=8${rand(r, ALNUM, 22)}${rand(r, ALNUM + '+/', 43)}"
        return "bcrypt_sha256$$2b$12$" + rand(r, CRYPT64, 53)
    return f"$scrypt$ln=16,r=8,p=1${b64(r.randbytes(16)).rstrip('=')}${b64(r.randbytes(32)).rstrip('=')}"


# ---------------------------------------------------------------------------- personal data


def card_number(r: random.Random) -> str:
    brand = r.randrange(9)
    prefix, length = [
        (pick(r, "4"), r.choice((16, 16, 16, 19))),
        (str(r.randrange(51, 56)), 16),
        (str(r.randrange(2221, 2721)), 16),
        (pick(r, "34", "37"), 15),
        (pick(r, "6011", "65", "644"), 16),
        ("62" + str(r.randrange(10, 99)), r.choice((16, 17, 19))),
        (str(r.randrange(3528, 3590)), 16),
        (pick(r, "300", "305", "36", "38"), 14),
        (pick(r, "5018", "5020", "6304", "6759"), r.choice((12, 16, 19))),
    ][brand]
    body = prefix + "".join(r.choice(string.digits) for _ in range(length - len(prefix) - 1))
    return body + _luhn_digit(body)


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def group_card(r: random.Random, digits: str) -> str:
    sep = pick(r, " ", "-", "", " ")
    if not sep:
        return digits
    if len(digits) == 15:
        sizes = [4, 6, 5]
    elif len(digits) == 14:
        sizes = [4, 6, 4]
    else:
        sizes = [4] * (len(digits) // 4) + ([len(digits) % 4] if len(digits) % 4 else [])
    return grouped(digits, sizes, sep)


def card(r: random.Random) -> str:
    return group_card(r, card_number(r))


def wrong_last_digit(r: random.Random, text: str) -> str:
    """``text`` with its last digit changed, so that a Luhn check that held now fails."""
    return text[:-1] + str((int(text[-1]) + r.randrange(1, 10)) % 10)


def luhn_invalid_card(r: random.Random) -> str:
    return group_card(r, wrong_last_digit(r, card_number(r)))


IBAN_COUNTRIES = {"DE": 18, "FR": 23, "GB": 18, "NL": 14, "ES": 20, "IT": 23, "CH": 17, "AT": 16, "BE": 12, "PL": 24}


def iban_check_digits(country: str, bban: str) -> int:
    """The mod-97 check digits of ``country`` + ``bban`` (ISO 13616)."""
    numeric = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    return 98 - numeric % 97


def _iban_of(r: random.Random, country: str, bban: str, valid: bool) -> str:
    """``country`` + mod-97 check digits (wrong ones unless ``valid``) + ``bban``, half of the time
    printed in groups of four."""
    check = iban_check_digits(country, bban)
    if not valid:
        check = (check + r.randrange(1, 90)) % 100 or 1
    value = f"{country}{check:02d}{bban}"
    if r.random() < 0.5:
        value = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return value


def iban(r: random.Random, valid: bool = True) -> str:
    country = r.choice(sorted(IBAN_COUNTRIES))
    n = IBAN_COUNTRIES[country]
    if country in ("GB", "NL"):
        bban = rand(r, string.ascii_uppercase, 4) + rand(r, string.digits, n - 4)
    elif country == "IT":
        bban = r.choice(string.ascii_uppercase) + rand(r, string.digits, n - 1)
    else:
        bban = rand(r, string.digits, n)
    return _iban_of(r, country, bban, valid)


PHONE_REGIONS: list[str] = ["US", "DE", "CN", "IN", "GB"]  # the split's regions (set by build_corpus)


def phone(r: random.Random, regions: tuple[str, ...] = (), international_only: bool = False) -> str:
    """A valid number (libphonenumber metadata) in an international or national written form."""
    region = r.choice(regions or tuple(PHONE_REGIONS))
    kind = pick(r, "MOBILE", "MOBILE", "FIXED_LINE")
    example = phonenumbers.example_number_for_type(region, getattr(phonenumbers.PhoneNumberType, kind))
    assert example is not None
    national = str(example.national_number)
    keep = 3
    candidate = example
    for _ in range(200):
        digits = national[:keep] + "".join(r.choice(string.digits) for _ in range(len(national) - keep))
        number = phonenumbers.parse(f"+{example.country_code}{digits}")
        fiction = region in ("US", "CA") and digits[3:6] == "555"
        if phonenumbers.is_valid_number(number) and not fiction and len(set(digits)) > 3:
            candidate = number
            break
    pnf = phonenumbers.PhoneNumberFormat
    fmt = r.choice((0, 1, 2, 3)) if international_only else r.randrange(6)
    if fmt == 0:
        return phonenumbers.format_number(candidate, pnf.INTERNATIONAL)
    if fmt == 1:
        return phonenumbers.format_number(candidate, pnf.E164)
    if fmt == 2:
        return "00" + phonenumbers.format_number(candidate, pnf.INTERNATIONAL)[1:].replace("-", " ")
    if fmt == 3:
        text = phonenumbers.format_number(candidate, pnf.INTERNATIONAL)
        return text.replace(" ", pick(r, ".", "-", " ")).replace("-", pick(r, "-", " "))
    return phonenumbers.format_number(candidate, pnf.NATIONAL)


def email(r: random.Random) -> str:
    first = pick(r, "anna", "li.wei", "j.smith", "maria", "olu", "sven", "priya", "kenji", "fatima", "noah")
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}.{rand(r, string.ascii_lowercase, 5)}")
    domain = pick(
        r, "gmx.de", "gmail.com", "outlook.com", "qq.com", "yahoo.co.jp", "acme-corp.io", "mail.ru", "uni.edu"
    )
    return f"{local}@{domain}"


def ipv4(r: random.Random) -> str:
    first = r.choice((81, 94, 185, 203, 52, 34, 10, 172, 192, 100))
    return f"{first}.{r.randrange(0, 256)}.{r.randrange(0, 256)}.{r.randrange(1, 255)}"


def ipv6(r: random.Random) -> str:
    groups = [pick(r, "2a01", "2001", "2600", "2c0f")] + [f"{r.randrange(0, 65536):x}" for _ in range(7)]
    if r.random() < 0.5:
        return ":".join(groups[:4]) + "::" + groups[-1]
    return ":".join(groups)


# The hidden split's IBAN countries (none in ``IBAN_COUNTRIES``): BBAN length and shape from the IBAN registry.
HIDDEN_IBAN_COUNTRIES = {"CR": "n18", "RS": "n18", "QA": "a4c21", "KZ": "n3c13", "HR": "n17", "GE": "a2n16"}


def hidden_iban(r: random.Random, valid: bool = True) -> str:
    """An IBAN of Costa Rica, Serbia, Qatar, Kazakhstan, Croatia or Georgia, printed with spaces or compact."""
    country = r.choice(sorted(HIDDEN_IBAN_COUNTRIES))
    shape = HIDDEN_IBAN_COUNTRIES[country]
    if shape == "a4c21":
        bban = rand(r, string.ascii_uppercase, 4) + rand(r, string.digits, 21)
    elif shape == "n3c13":
        bban = rand(r, string.digits, 3) + rand(r, string.digits, 13)
    elif shape == "a2n16":
        bban = rand(r, string.ascii_uppercase, 2) + rand(r, string.digits, 16)
    else:
        bban = rand(r, string.digits, int(shape[1:]))
    if country == "CR":
        bban = "0" + bban[1:]  # a reserved leading zero
    return _iban_of(r, country, bban, valid)


# The unheard split's IBAN countries (in neither list above): BBAN shape from the IBAN registry, the
# alphanumeric parts drawn as digits, as their banks issue them.
UNHEARD_IBAN_COUNTRIES = {"SK": (0, 20), "IS": (0, 22), "LT": (0, 16), "JO": (4, 22), "PK": (4, 16), "AZ": (4, 20)}


def unheard_iban(r: random.Random, valid: bool = True, grouped: bool = True) -> str:
    """An IBAN of Slovakia, Iceland, Lithuania, Jordan, Pakistan or Azerbaijan (a bank code in letters first for
    the last three); compact unless ``grouped`` lets it be printed in groups of four."""
    country = r.choice(sorted(UNHEARD_IBAN_COUNTRIES))
    letters, digits = UNHEARD_IBAN_COUNTRIES[country]
    bban = rand(r, string.ascii_uppercase, letters) + rand(r, string.digits, digits)
    value = _iban_of(r, country, bban, valid)
    return value if grouped else value.replace(" ", "")


# ---------------------------------------------------------------------------- the untold split's own values
#
# Written for the eleventh split only, by a session that did not read the rules; nothing above calls them, so
# the other splits draw the same numbers as before. Every generator's output is checked mechanically in the
# session that wrote it (libphonenumber, Luhn, mod-97, hash lengths and alphabets).

BCRYPT64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def _radix64(data: bytes, alphabet: str) -> str:
    """Bytes as 6-bit groups, most significant bits first (bcrypt's and passlib's "ab64" base64, no padding)."""
    bits = "".join(f"{byte:08b}" for byte in data)
    bits += "0" * (-len(bits) % 6)
    return "".join(alphabet[int(bits[i : i + 6], 2)] for i in range(0, len(bits), 6))


def ab64(data: bytes) -> str:
    """passlib's adapted base64: ``.`` for ``+``, no padding."""
    return b64(data).rstrip("=").replace("+", ".")


UNTOLD_HASH_FAMILIES = (
    "bcrypt",
    "argon2id",
    "argon2i",
    "sha256_crypt",
    "sha512_crypt",
    "md5_crypt",
    "apr1",
    "django_pbkdf2",
    "werkzeug_pbkdf2",
    "passlib_pbkdf2",
    "passlib_scrypt",
    "werkzeug_scrypt",
    "yescrypt",
    "ldap_ssha",
)


def untold_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family, with that family's lengths and alphabets (``family`` empty: any)."""
    family = family or r.choice(UNTOLD_HASH_FAMILIES)
    if family == "bcrypt":  # 22 salt characters (16 bytes), 31 hash characters (23 bytes)
        cost = r.choice(("10", "11", "12", "13"))
        salt, digest = _radix64(r.randbytes(16), BCRYPT64)[:22], _radix64(r.randbytes(23), BCRYPT64)[:31]
        return f"$2{pick(r, 'a', 'b', 'y')}${cost}${salt}{digest}"
    if family in ("argon2id", "argon2i"):
        memory = pick(r, "65536", "47104", "19456", "262144")
        params = f"m={memory},t={r.randrange(1, 5)},p={r.randrange(1, 5)}"
        return f"${family}$v=19${params}${b64(r.randbytes(16)).rstrip('=')}${b64(r.randbytes(32)).rstrip('=')}"
    if family == "sha256_crypt":
        rounds = pick(r, "rounds=535000$", "rounds=80000$", "")
        return f"$5${rounds}{rand(r, CRYPT64, 16)}${rand(r, CRYPT64, 43)}"
    if family == "sha512_crypt":
        rounds = pick(r, "rounds=656000$", "rounds=100000$", "")
        return f"$6${rounds}{rand(r, CRYPT64, r.choice((8, 16)))}${rand(r, CRYPT64, 86)}"
    if family in ("md5_crypt", "apr1"):
        tag = "1" if family == "md5_crypt" else "apr1"
        return f"${tag}${rand(r, CRYPT64, 8)}${rand(r, CRYPT64, 22)}"
    if family == "django_pbkdf2":
        algo, size = r.choice((("pbkdf2_sha256", 32), ("pbkdf2_sha1", 20)))
        return f"{algo}${pick(r, '720000', '870000', '1000000')}${rand(r, ALNUM, 22)}${b64(r.randbytes(size))}"
    if family == "werkzeug_pbkdf2":
        return f"pbkdf2:sha256:{pick(r, '600000', '1000000')}${rand(r, ALNUM, 16)}${r.randbytes(32).hex()}"
    if family == "passlib_pbkdf2":
        algo, size = r.choice((("pbkdf2-sha256", 32), ("pbkdf2-sha512", 64)))
        return f"${algo}${pick(r, '29000', '25000')}${ab64(r.randbytes(16))}${ab64(r.randbytes(size))}"
    if family == "passlib_scrypt":
        cost = r.randrange(14, 18)
        return f"$scrypt$ln={cost},r=8,p=1${b64(r.randbytes(16)).rstrip('=')}${b64(r.randbytes(32)).rstrip('=')}"
    if family == "werkzeug_scrypt":
        return f"scrypt:32768:8:1${rand(r, ALNUM, 16)}${r.randbytes(64).hex()}"
    if family == "yescrypt":
        return f"$y$j9T${rand(r, CRYPT64, 22)}${rand(r, CRYPT64, 43)}"
    assert family == "ldap_ssha"
    scheme, size = r.choice((("{SSHA}", 20), ("{SSHA256}", 32), ("{SSHA512}", 64)))
    return scheme + b64(r.randbytes(size) + r.randbytes(r.choice((4, 8))))


# Brand, prefixes, lengths and how the brand's cards are printed (digit-group sizes).
UNTOLD_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4",), (16, 16, 19)),
    "mastercard2": (tuple(str(n) for n in (2221, 2305, 2411, 2520, 2634, 2720)), (16,)),
    "mastercard5": (("51", "53", "55"), (16,)),
    "amex": (("34", "37"), (15,)),
    "discover": (("6011", "644", "647", "65"), (16,)),
    "jcb": (("3528", "3541", "3566", "3589"), (16,)),
    "unionpay": (("62", "6212", "6250"), (16, 19)),
    "diners": (("36", "38", "300", "305"), (14,)),
    "maestro": (("5018", "5020", "5038", "6304", "6759"), (12, 16, 19)),
}


def luhn_ok(digits: str) -> bool:
    return digits.isdigit() and _luhn_digit(digits[:-1]) == digits[-1]


def luhn_free_number(r: random.Random, low: int, high: int) -> str:
    """A long number (a nanosecond time, a build number) drawn until it fails Luhn, so that it can be no card."""
    while True:
        digits = str(r.randrange(low, high))
        if not luhn_ok(digits):
            return digits


def untold_card_number(r: random.Random, brand: str = "") -> str:
    brand = brand or r.choice(sorted(UNTOLD_CARD_BRANDS))
    prefixes, lengths = UNTOLD_CARD_BRANDS[brand]
    prefix, length = r.choice(prefixes), r.choice(lengths)
    body = prefix + rand(r, string.digits, length - len(prefix) - 1)
    return body + _luhn_digit(body)


def grouped(digits: str, sizes: list[int] | tuple[int, ...], sep: str) -> str:
    """``digits`` cut into runs of ``sizes`` (as a card is printed), joined by ``sep``."""
    starts = [sum(sizes[:k]) for k in range(len(sizes))]
    return sep.join(digits[start : start + size] for start, size in zip(starts, sizes, strict=True))


def card_groups(digits: str) -> list[int]:
    """The group sizes a card of this length is printed in (Amex 4-6-5, Diners 4-6-4, others by four)."""
    if len(digits) == 15 and digits[:2] in ("34", "37"):
        return [4, 6, 5]
    if len(digits) == 14:
        return [4, 6, 4]
    return [4] * (len(digits) // 4) + ([len(digits) % 4] if len(digits) % 4 else [])


def untold_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    digits = untold_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    return grouped(digits, card_groups(digits), sep)


# The untold split's IBAN countries (in no list above), BBAN as (letters, digits) from the IBAN registry; none
# has fixed check digits.
UNTOLD_IBAN_COUNTRIES = {"LV": (4, 13), "RO": (4, 16), "DO": (4, 20), "AE": (0, 19), "IE": (4, 14), "DK": (0, 14)}


def untold_iban(r: random.Random, valid: bool = True, country: str = "") -> str:
    """An IBAN of Latvia, Romania, the Dominican Republic, the UAE, Ireland or Denmark, compact or in groups of four."""
    country = country or r.choice(sorted(UNTOLD_IBAN_COUNTRIES))
    letters, digits = UNTOLD_IBAN_COUNTRIES[country]
    bban = rand(r, string.ascii_uppercase, letters) + rand(r, string.digits, digits)
    return _iban_of(r, country, bban, valid)


def iban_ok(text: str) -> bool:
    value = text.replace(" ", "")
    numeric = int("".join(str(int(c, 36)) for c in value[4:] + value[:4]))
    return numeric % 97 == 1


def _valid_number(r: random.Random, region: str) -> phonenumbers.PhoneNumber:
    kind = pick(r, "MOBILE", "MOBILE", "FIXED_LINE")
    example = phonenumbers.example_number_for_type(region, getattr(phonenumbers.PhoneNumberType, kind))
    assert example is not None
    national = str(example.national_number)
    for _ in range(500):
        digits = national[:3] + rand(r, string.digits, len(national) - 3)
        number = phonenumbers.parse(f"+{example.country_code}{digits}")
        fiction = example.country_code == 1 and (digits[3:6] == "555" or digits[3] in "01")
        if phonenumbers.is_valid_number(number) and not fiction and len(set(digits)) > 3:
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def _regroup(text: str, sep: str) -> str:
    return text.replace(" ", sep).replace("-", sep)


def untold_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions``, written as people write it: ``+`` or ``00``, dots, dashes, spaces,
    a ``(0)`` trunk prefix, or the national form with the area code in parentheses. Checked: it parses back
    (with its region as default) to the same valid number."""
    region = r.choice(regions)
    number = _valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    trunk = national.lstrip("(").startswith("0")
    forms = [
        intl,
        phonenumbers.format_number(number, pnf.E164),
        "00" + intl[1:],
        _regroup(intl, "."),
        _regroup(intl, "-"),
        f"{cc} (0){rest}" if trunk else f"({cc}) {rest}",
    ]
    if not international_only:
        bare = national.replace("(", "").replace(")", "")
        forms += [national, _regroup(bare, "."), _regroup(bare, "-")]
        if trunk and " " in bare:
            area, tail = bare.split(" ", 1)
            forms.append(f"({area}) {tail}")
    if number.country_code == 1:  # North America dials out with 011, and writes a leading 1 at home
        forms[2] = "1-" + _regroup(
            phonenumbers.format_number(number, pnf.NATIONAL).replace("(", "").replace(")", ""), "-"
        )
    # a dotted form of four short groups (Danish 34.45.03.25) would be an IPv4 address too: not written so here
    return r.choice([t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.fullmatch(t)])


_IP_LIKE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")


def _reads_back(text: str, region: str, number: phonenumbers.PhoneNumber) -> bool:
    again = phonenumbers.parse(text, region)
    return phonenumbers.is_valid_number(again) and again == number


def untold_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number in international form that is no valid number: a valid one with a digit dropped or added,
    drawn until libphonenumber rejects it."""
    for _ in range(500):
        number = _valid_number(r, r.choice(regions))
        digits = str(number.national_number)
        digits = digits[:-1] if r.random() < 0.5 else digits + r.choice(string.digits)
        text = f"+{number.country_code} {digits[:2]} {digits[2:5]} {digits[5:]}".strip()
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)):
            return text
    raise AssertionError("no invalid number drawn")


def untold_sts_token(r: random.Random) -> str:
    """An STS session token as AssumeRole returns it (``IQoJb3JpZ2luX2Vj`` is base64 of its ``\\x21\\x0a\\x09origin_ec``
    header), about 700-1100 characters."""
    return "IQoJb3JpZ2luX2Vj" + pick(r, "E", "EP", "EH") + rand(r, B64, r.randrange(600, 1000)) + pick(r, "", "=", "==")


def untold_gcp_access_token(r: random.Random) -> str:
    """A ``ya29.`` access token: a user's (``a0``) or a service account's (``c.``)."""
    if r.random() < 0.5:
        return "ya29.a0" + rand(r, B64URL, r.randrange(150, 230))
    return "ya29.c.c0" + rand(r, B64URL, r.randrange(400, 900))


# ---------------------------------------------------------------------------- the unspoken split's own values
#
# Written for the twelfth split only, by a sixth session that did not read the rules; nothing above calls them,
# so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97 and the IBAN registry's lengths, hash lengths and alphabets).

# IBAN countries no other split uses: (letters, digits) of the BBAN, lengths from the IBAN registry (alphanumeric
# parts drawn as digits, as their banks issue them).
UNSPOKEN_IBAN_COUNTRIES = {
    "FI": (0, 14),
    "BG": (4, 14),
    "AL": (0, 24),
    "MK": (0, 15),
    "KW": (4, 22),
    "LU": (0, 16),
    "MT": (4, 23),
    "CY": (0, 24),
}
UNSPOKEN_IBAN_LENGTHS = {"FI": 18, "BG": 22, "AL": 28, "MK": 19, "KW": 30, "LU": 20, "MT": 31, "CY": 28}


def unspoken_iban(r: random.Random, valid: bool = True, country: str = "") -> str:
    """An IBAN of Finland, Bulgaria, Albania, North Macedonia, Kuwait, Luxembourg, Malta or Cyprus."""
    country = country or r.choice(sorted(UNSPOKEN_IBAN_COUNTRIES))
    letters, digits = UNSPOKEN_IBAN_COUNTRIES[country]
    bban = rand(r, string.ascii_uppercase, letters) + rand(r, string.digits, digits)
    return _iban_of(r, country, bban, valid)


# Regions whose numbers people write nationally with a trunk 0; the others (Mongolia, Kuwait, Bolivia) are
# written here in international form only, since eight bare digits name no country.
_TRUNK_REGIONS = frozenset({"FI", "BG", "AZ", "AL", "MK"})


def unspoken_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as people write it: ``+``/``00``, dots, dashes, spaces, ``(+CC)``,
    ``+CC (0)``, or nationally with a trunk 0 (spaces, dashes, slashes, the area code in parentheses). Checked:
    it parses back (with its region as default) to the same valid number."""
    region = r.choice(regions)
    number = _valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    forms = [
        intl,
        phonenumbers.format_number(number, pnf.E164),
        "00" + intl[1:],
        "00" + _regroup(intl[1:], "-"),
        _regroup(intl, "."),
        f"({cc}) {rest}",
        f"{cc}-{_regroup(rest, '-')}",
    ]
    national = phonenumbers.format_number(number, pnf.NATIONAL).replace("(", "").replace(")", "")
    if region in _TRUNK_REGIONS:
        forms.append(f"{cc} (0){rest}")
        if not international_only:
            forms += [national, _regroup(national, "-"), _regroup(national, ".")]
            if " " in national:
                area, tail = national.split(" ", 1)
                forms += [f"({area}) {tail}", f"{area}/{tail.replace(' ', '')}"]
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.fullmatch(t)]
    return r.choice(choices)


def unspoken_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like a phone number that is valid for none of ``regions`` (nor anywhere, read with its
    ``+``): a valid one with a digit dropped or added."""
    for _ in range(500):
        number = _valid_number(r, r.choice(regions))
        digits = str(number.national_number)
        digits = digits[:-1] if r.random() < 0.5 else digits + r.choice(string.digits)
        text = f"+{number.country_code} {digits[:2]} {digits[2:5]} {digits[5:]}".strip()
        parsed = phonenumbers.parse(text)
        if not phonenumbers.is_valid_number(parsed) and not any(
            phonenumbers.is_valid_number(
                phonenumbers.parse(text.replace(" ", "")[len(str(number.country_code)) + 1 :], g)
            )
            for g in regions
        ):
            return text
    raise AssertionError("no invalid number drawn")


# Card brands beyond the big ones (national schemes), and the big ones again: prefixes, lengths.
UNSPOKEN_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4",), (13, 16, 19)),
    "mastercard": (("51", "52", "54", "2221", "2500", "2720"), (16,)),
    "amex": (("34", "37"), (15,)),
    "discover": (("6011", "649", "65", "622126"), (16, 19)),
    "jcb": (("3530", "3558", "3580"), (16, 19)),
    "unionpay": (("62", "6280"), (16, 17, 18, 19)),
    "diners": (("301", "304", "36", "39"), (14, 16)),
    "maestro": (("6759", "6761", "6763", "5893"), (13, 16, 19)),
    "mir": (("2200", "2201", "2202", "2204"), (16,)),
    "rupay": (("6521", "6522", "6080"), (16,)),
    "elo": (("636368", "504175", "509048"), (16,)),
    "troy": (("9792",), (16,)),
    "dankort": (("5019",), (16,)),
    "verve": (("506099", "650002"), (16, 19)),
}


def unspoken_card_number(r: random.Random, brand: str = "") -> str:
    brand = brand or r.choice(sorted(UNSPOKEN_CARD_BRANDS))
    prefixes, lengths = UNSPOKEN_CARD_BRANDS[brand]
    prefix, length = r.choice(prefixes), r.choice(lengths)
    body = prefix + rand(r, string.digits, length - len(prefix) - 1)
    return body + _luhn_digit(body)


def unspoken_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` in its printed grouping (19 digits as 4-4-4-4-3 or 6-13, 13 as 4-4-5)."""
    digits = unspoken_card_number(r, brand)
    sep = pick(r, " ", "-", "", " ") if sep is None else sep
    if len(digits) == 19 and r.random() < 0.3:
        sizes = [6, 13]
    elif len(digits) == 13:
        sizes = [4, 4, 5]
    else:
        sizes = card_groups(digits)
    return grouped(digits, sizes, sep)


UNSPOKEN_HASH_FAMILIES = (
    "bcrypt",
    "bcrypt_sha256",
    "argon2id",
    "argon2d",
    "sha256_crypt",
    "sha512_crypt",
    "md5_crypt",
    "apr1",
    "django_pbkdf2",
    "werkzeug_pbkdf2",
    "passlib_pbkdf2",
    "aspnet_identity",
    "scrypt",
    "yescrypt",
    "ldap_ssha",
    "ldap_crypt",
    "clickhouse_sha256",
    "clickhouse_double_sha1",
    "phpass",
    "drupal7",
    "scram_sha256",
)


def aspnet_identity_hash(r: random.Random) -> str:
    """ASP.NET Core Identity's V3 hash: 0x01, PRF (1 = HMAC-SHA256, 2 = HMAC-SHA512), iterations, salt length
    (big-endian 32-bit), a 16-byte salt and a 32-byte subkey, base64 (``AQAAAAEAACcQAAAAE...`` or
    ``AQAAAAIAAYagAAAAE...``)."""
    prf, iterations = r.choice(((1, 10_000), (2, 100_000)))
    raw = bytes([1]) + prf.to_bytes(4, "big") + iterations.to_bytes(4, "big") + (16).to_bytes(4, "big")
    return b64(raw + r.randbytes(16) + r.randbytes(32))


def unspoken_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family with that family's lengths and alphabets (``family`` empty: any). The
    ClickHouse ones are the bare hex digests ``users.xml`` holds in ``password_sha256_hex`` /
    ``password_double_sha1_hex``."""
    family = family or r.choice(UNSPOKEN_HASH_FAMILIES)
    if family == "bcrypt":
        salt, digest = _radix64(r.randbytes(16), BCRYPT64)[:22], _radix64(r.randbytes(23), BCRYPT64)[:31]
        return f"$2{pick(r, 'a', 'b', 'y')}${pick(r, '08', '10', '12', '14')}${salt}{digest}"
    if family == "bcrypt_sha256":  # passlib's v2 format
        salt, digest = _radix64(r.randbytes(16), BCRYPT64)[:22], _radix64(r.randbytes(23), BCRYPT64)[:31]
        return f"$bcrypt-sha256$v=2,t=2b,r=12${salt}${digest}"
    if family in ("argon2id", "argon2d"):
        params = f"m={pick(r, '65536', '131072', '7168')},t={r.randrange(1, 6)},p={r.randrange(1, 9)}"
        return f"${family}$v=19${params}${b64(r.randbytes(16)).rstrip('=')}${b64(r.randbytes(32)).rstrip('=')}"
    if family == "sha256_crypt":
        rounds = pick(r, "rounds=5000$", "rounds=1000000$", "", "")
        return f"$5${rounds}{rand(r, CRYPT64, r.choice((12, 16)))}${rand(r, CRYPT64, 43)}"
    if family == "sha512_crypt":
        rounds = pick(r, "rounds=5000$", "rounds=500000$", "", "")
        return f"$6${rounds}{rand(r, CRYPT64, 16)}${rand(r, CRYPT64, 86)}"
    if family in ("md5_crypt", "apr1"):
        tag = "1" if family == "md5_crypt" else "apr1"
        return f"${tag}${rand(r, CRYPT64, r.choice((4, 8)))}${rand(r, CRYPT64, 22)}"
    if family == "django_pbkdf2":
        return f"pbkdf2_sha256$1200000${rand(r, ALNUM, 22)}${b64(r.randbytes(32))}"
    if family == "werkzeug_pbkdf2":
        return f"pbkdf2:sha512:{pick(r, '600000', '1000000')}${rand(r, ALNUM, 16)}${r.randbytes(64).hex()}"
    if family == "passlib_pbkdf2":
        return f"$pbkdf2${pick(r, '131000', '60000')}${ab64(r.randbytes(16))}${ab64(r.randbytes(20))}"
    if family == "aspnet_identity":
        return aspnet_identity_hash(r)
    if family == "scrypt":
        return f"$7$C6..../....{rand(r, CRYPT64, 43)}${rand(r, CRYPT64, 43)}"
    if family == "yescrypt":
        return f"$y$j9T${rand(r, CRYPT64, 22)}${rand(r, CRYPT64, 43)}"
    if family == "ldap_ssha":
        scheme, size = r.choice((("{SSHA}", 20), ("{SSHA256}", 32), ("{SMD5}", 16)))
        return scheme + b64(r.randbytes(size) + r.randbytes(8))
    if family == "ldap_crypt":
        return "{CRYPT}" + pick(r, "$6$", "$5$") + rand(r, CRYPT64, 16) + "$" + rand(r, CRYPT64, 43)
    if family == "clickhouse_sha256":
        return hashlib.sha256(r.randbytes(24)).hexdigest()
    if family == "clickhouse_double_sha1":
        return hashlib.sha1(hashlib.sha1(r.randbytes(12)).digest()).hexdigest()
    if family == "phpass":  # WordPress / phpBB portable hashes
        return f"${pick(r, 'P', 'H')}$B{rand(r, CRYPT64, 8)}{rand(r, CRYPT64, 22)}"
    if family == "drupal7":
        return f"$S$D{rand(r, CRYPT64, 8)}{rand(r, CRYPT64, 43)}"
    assert family == "scram_sha256"  # PostgreSQL's pg_authid.rolpassword
    return f"SCRAM-SHA-256$4096:{b64(r.randbytes(16))}${b64(r.randbytes(32))}:{b64(r.randbytes(32))}"


def entra_access_token(r: random.Random) -> str:
    """A Microsoft Entra ID (Azure AD) v1 access token for Microsoft Graph: a signed JWT."""
    header = {"typ": "JWT", "nonce": b64url(r.randbytes(32)), "alg": "RS256", "x5t": rand(r, ALNUM, 27)}
    header["kid"] = header["x5t"]
    tenant = str(uuid.UUID(int=r.getrandbits(128), version=4))
    payload = {
        "aud": "https://graph.microsoft.com",
        "iss": f"https://sts.windows.net/{tenant}/",
        "iat": 1768200000 + r.randrange(10**6),
        "nbf": 1768200000 + r.randrange(10**6),
        "exp": 1768210000 + r.randrange(10**6),
        "app_displayname": "acme-etl",
        "appid": str(uuid.UUID(int=r.getrandbits(128), version=4)),
        "idtyp": "app",
        "oid": str(uuid.UUID(int=r.getrandbits(128), version=4)),
        "roles": ["Files.Read.All"],
        "tid": tenant,
        "ver": "1.0",
    }
    head = b64url(json.dumps(header, separators=(",", ":")).encode())
    body = b64url(json.dumps(payload, separators=(",", ":")).encode())
    return f"{head}.{body}.{b64url(r.randbytes(256))}"


# ---------------------------------------------------------------------------- the unnamed split's own values
#
# Written for the thirteenth split only, by a seventh session that did not read the rules; nothing above calls them,
# so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97 and the IBAN registry's lengths, hash lengths and alphabets).

# IBAN countries no other split uses: (letters, digits, trailing alphanumerics) of the BBAN, as the IBAN registry
# gives their lengths (alphanumeric parts drawn as their banks fill them: bank codes in letters, account digits).
UNNAMED_IBAN_COUNTRIES = {
    "PT": (0, 21, 0),
    "GR": (0, 23, 0),
    "SE": (0, 20, 0),
    "HU": (0, 24, 0),
    "CZ": (0, 20, 0),
    "TR": (0, 22, 0),
    "SA": (0, 20, 0),
    "IL": (0, 19, 0),
    "UA": (0, 25, 0),
    "BR": (0, 23, 2),
    "LB": (0, 24, 0),
    "GT": (4, 20, 0),
    "SV": (4, 20, 0),
    "ME": (0, 18, 0),
}
UNNAMED_IBAN_LENGTHS = {
    "PT": 25,
    "GR": 27,
    "SE": 24,
    "HU": 28,
    "CZ": 24,
    "TR": 26,
    "SA": 24,
    "IL": 23,
    "UA": 29,
    "BR": 29,
    "LB": 28,
    "GT": 28,
    "SV": 28,
    "ME": 22,
}


def unnamed_iban(r: random.Random, valid: bool = True, country: str = "") -> str:
    """An IBAN of one of fourteen countries no other split uses (Turkey's reserved digit a zero, Brazil's account
    type and holder position letters)."""
    country = country or r.choice(sorted(UNNAMED_IBAN_COUNTRIES))
    letters, digits, tail = UNNAMED_IBAN_COUNTRIES[country]
    bban = rand(r, string.ascii_uppercase, letters) + rand(r, string.digits, digits)
    if country == "TR":
        bban = bban[:5] + "0" + bban[6:]
    if tail:
        bban += r.choice("CP") + r.choice("123")
    value = _iban_of(r, country, bban, valid)
    while not valid and iban_ok(value):  # wrong check digits can wrap round to equivalent ones (98 and 01)
        value = _iban_of(r, country, bban, valid)
    return value


# Regions written nationally with their trunk 0 (Lebanon's and Georgia's fixed lines); the others' national forms
# (eight bare digits, or nine without a trunk prefix) name no country, so they are written internationally here.
def unnamed_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as people write it: ``+``/``00``, E.164, dots, dashes, no spaces after
    the country code, ``(00CC)``, or nationally with a trunk 0. Checked: it parses back (with its region as default)
    to the same valid number."""
    region = r.choice(regions)
    number = _valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    forms = [
        intl,
        phonenumbers.format_number(number, pnf.E164),
        "00" + _regroup(intl[1:], " "),
        f"{cc} {rest.replace(' ', '').replace('-', '')}",
        _regroup(intl, "-"),
        f"(00{number.country_code}) {rest}",
        f"{cc}.{_regroup(rest, '.')}",
    ]
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    if national.startswith("0") and not international_only:
        forms += [national, _regroup(national, "-"), national.replace(" ", "")]
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.fullmatch(t)]
    return r.choice(choices)


def invalid_phone(r: random.Random, regions: tuple[str, ...], cuts: tuple[int, ...], nationally: bool = True) -> str:
    """A number written like an international phone number that is valid nowhere: a valid one of ``regions`` with a
    digit dropped or added, its national digits split at ``cuts``, drawn until libphonenumber rejects it read with
    its ``+`` (and, ``nationally``, as a national number of every region)."""
    for _ in range(500):
        number = _valid_number(r, r.choice(regions))
        digits = str(number.national_number)
        digits = digits[:-1] if r.random() < 0.5 else digits + r.choice(string.digits)
        bounds = (0, *cuts, len(digits))
        text = f"+{number.country_code} " + " ".join(digits[a:b] for a, b in itertools.pairwise(bounds))
        national = []
        for g in regions if nationally else ():
            with contextlib.suppress(phonenumbers.NumberParseException):
                national.append(phonenumbers.parse(digits, g))
        if not phonenumbers.is_valid_number(phonenumbers.parse(text.strip())) and not any(
            phonenumbers.is_valid_number(p) for p in national
        ):
            return text.strip()
    raise AssertionError("no invalid number drawn")


def unnamed_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number that is valid nowhere: a valid one of ``regions``
    with a digit dropped or added, drawn until libphonenumber rejects it read with its ``+``."""
    return invalid_phone(r, regions, (3,), nationally=False)


# Card schemes no other split draws (Uzbekistan's Humo and Uzcard, Brazil's Hipercard, UATP, Belgium's Bancontact,
# InterPayment) and old 13-digit Visa: prefixes, lengths, and the group sizes they are printed in.
UNNAMED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], int, tuple[int, ...]]] = {
    "humo": (("9860",), 16, (4, 4, 4, 4)),
    "uzcard": (("8600",), 16, (4, 4, 4, 4)),
    "hipercard": (("606282",), 16, (4, 4, 4, 4)),
    "uatp": (("1",), 15, (4, 5, 6)),
    "bancontact": (("6703",), 17, (4, 4, 4, 4, 1)),
    "interpayment": (("636",), 16, (4, 4, 4, 4)),
    "visa13": (("4",), 13, (4, 3, 3, 3)),
    "visa": (("4",), 16, (4, 4, 4, 4)),
    "mastercard": (("5", "2"), 16, (4, 4, 4, 4)),
}


def unnamed_card_number(r: random.Random, brand: str = "") -> str:
    brand = brand or r.choice(sorted(UNNAMED_CARD_BRANDS))
    prefixes, length, _groups = UNNAMED_CARD_BRANDS[brand]
    prefix = r.choice(prefixes)
    if brand == "mastercard":
        prefix = str(r.randrange(51, 56)) if prefix == "5" else str(r.randrange(2221, 2721))
    body = prefix + rand(r, string.digits, length - len(prefix) - 1)
    return body + _luhn_digit(body)


def unnamed_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` printed in its scheme's grouping (spaces, dashes, or none)."""
    brand = brand or r.choice(sorted(UNNAMED_CARD_BRANDS))
    digits = unnamed_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    return grouped(digits, UNNAMED_CARD_BRANDS[brand][2], sep)


UNNAMED_HASH_FAMILIES = (
    "spring_bcrypt",
    "spring_pbkdf2",
    "spring_scrypt",
    "spring_argon2",
    "pkcs5s2",
    "mssql2012",
    "postgres_md5",
    "cisco8",
    "cisco9",
    "wordpress_wp",
    "nextcloud",
    "mediawiki",
    "shiro",
    "rabbitmq",
    "dovecot_argon2",
    "bcrypt",
    "argon2id",
    "mysql_native",
)


def unnamed_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family with that family's lengths and alphabets (``family`` empty: any): Spring
    Security's ``{id}`` encodings, Atlassian's PKCS5S2, SQL Server 2012+, PostgreSQL md5, Cisco types 8 and 9,
    WordPress 6.8, Nextcloud, MediaWiki, Apache Shiro, RabbitMQ, Dovecot, and the common ones again."""
    family = family or r.choice(UNNAMED_HASH_FAMILIES)
    bcrypt = f"{_radix64(r.randbytes(16), BCRYPT64)[:22]}{_radix64(r.randbytes(23), BCRYPT64)[:31]}"
    argon = f"{b64(r.randbytes(16)).rstrip('=')}${b64(r.randbytes(32)).rstrip('=')}"
    if family == "spring_bcrypt":
        return f"{{bcrypt}}$2a$10${bcrypt}"
    if family == "spring_pbkdf2":  # Pbkdf2PasswordEncoder: hex of a 16-byte salt and a 32-byte key
        return "{pbkdf2}" + r.randbytes(48).hex()
    if family == "spring_scrypt":  # SCryptPasswordEncoder: $params$salt$key, base64 with padding
        return f"{{scrypt}}$e0801${b64(r.randbytes(16))}${b64(r.randbytes(32))}"
    if family == "spring_argon2":
        return f"{{argon2}}$argon2id$v=19$m=16384,t=2,p=1${argon}"
    if family == "pkcs5s2":  # Atlassian Crowd/Jira/Confluence: 16-byte salt and 32-byte key, base64
        return "{PKCS5S2}" + b64(r.randbytes(48))
    if family == "mssql2012":  # sys.sql_logins.password_hash: 0x0200, a 4-byte salt, SHA-512
        return "0x0200" + r.randbytes(68).hex().upper()
    if family == "postgres_md5":  # pg_authid.rolpassword before SCRAM
        return "md5" + r.randbytes(16).hex()
    if family == "cisco8":  # PBKDF2-SHA256, a 14-character salt, Cisco's base64
        return f"$8${rand(r, CRYPT64, 14)}${rand(r, CRYPT64, 43)}"
    if family == "cisco9":  # scrypt
        return f"$9${rand(r, CRYPT64, 14)}${rand(r, CRYPT64, 43)}"
    if family == "wordpress_wp":  # WordPress 6.8: bcrypt of an HMAC-SHA384 of the password, tagged $wp
        return f"$wp$2y$10${bcrypt}"
    if family == "nextcloud":  # a version, a bar, the PHP password_hash output
        if r.random() < 0.5:
            return f"3|$argon2id$v=19$m=65536,t=4,p=1${argon}"
        return f"2|$2y$10${bcrypt}"
    if family == "mediawiki":  # :pbkdf2:algo:iterations:length:salt:hash
        return f":pbkdf2:sha512:30000:64:{b64(r.randbytes(16))}:{b64(r.randbytes(64))}"
    if family == "shiro":  # Apache Shiro 1 (Shiro's command-line hasher)
        return f"$shiro1$SHA-256$500000${b64(r.randbytes(16))}${b64(r.randbytes(32))}"
    if family == "rabbitmq":  # rabbit_password_hashing_sha256: base64 of a 4-byte salt and the digest
        return b64(r.randbytes(36))
    if family == "dovecot_argon2":
        return f"{{ARGON2ID}}$argon2id$v=19$m=65536,t=3,p=1${argon}"
    if family == "bcrypt":
        return f"$2{pick(r, 'a', 'b', 'y')}${pick(r, '10', '11', '12')}${bcrypt}"
    if family == "argon2id":
        return f"$argon2id$v=19$m={pick(r, '19456', '65536')},t=2,p=1${argon}"
    assert family == "mysql_native"  # mysql.user.authentication_string: * and SHA1(SHA1(password)) in hex
    return "*" + r.randbytes(20).hex().upper()


def unnamed_proj_key(r: random.Random) -> str:
    """An OpenAI project or service-account key as issued since 2024: the ``T3BlbkFJ`` marker in the middle."""
    kind = pick(r, "proj", "proj", "svcacct")
    return f"sk-{kind}-" + rand(r, ALNUM + "_-", 74) + "T3BlbkFJ" + rand(r, ALNUM + "_-", 74)


def entra_client_secret(r: random.Random) -> str:
    """A Microsoft Entra ID application client secret: three characters, ``8Q~``, then 34 more."""
    return rand(r, ALNUM, 3) + "8Q~" + rand(r, ALNUM + "~._-", 34)


def supabase_key(r: random.Random, role: str) -> str:
    """A Supabase project API key: an HS256 JWT naming the project and its role."""
    head = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    iat = 1_740_000_000 + r.randrange(10**7)
    claims = {"iss": "supabase", "ref": rand(r, string.ascii_lowercase, 20), "role": role, "iat": iat}
    claims["exp"] = iat + 315_360_000
    body = b64url(json.dumps(claims, separators=(",", ":")).encode())
    return f"{head}.{body}.{b64url(r.randbytes(32))}"


def firebase_id_token(r: random.Random) -> str:
    """A Firebase Auth ID token: RS256, issued by securetoken.google.com for a project."""
    header = {"alg": "RS256", "kid": r.randbytes(20).hex(), "typ": "JWT"}
    iat = 1_768_200_000 + r.randrange(10**6)
    project = pick(r, "acme-lu", "acme-mobile-prod")
    claims = {
        "iss": f"https://securetoken.google.com/{project}",
        "aud": project,
        "auth_time": iat,
        "user_id": rand(r, ALNUM, 28),
        "sub": rand(r, ALNUM, 28),
        "iat": iat,
        "exp": iat + 3600,
        "firebase": {"identities": {}, "sign_in_provider": "anonymous"},
    }
    head = b64url(json.dumps(header, separators=(",", ":")).encode())
    body = b64url(json.dumps(claims, separators=(",", ":")).encode())
    return f"{head}.{body}.{b64url(r.randbytes(256))}"


def slack_workflow_hook(r: random.Random) -> str:
    """A Slack Workflow Builder webhook or a workflow trigger URL (its secret is the last path segment)."""
    team = "T" + rand(r, string.ascii_uppercase + string.digits, 10)
    if r.random() < 0.5:
        return (
            f"https://hooks.slack.com/workflows/{team}/A{rand(r, string.ascii_uppercase + string.digits, 10)}/"
            f"{r.randrange(10**17, 10**18)}/{rand(r, ALNUM, 24)}"
        )
    return f"https://hooks.slack.com/triggers/{team}/{r.randrange(10**12, 10**13)}/{rand(r, HEX, 32)}"


# ---------------------------------------------------------------------------- the unmarked split's own values
#
# Written for the fourteenth split only, by an eighth session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97 and the IBAN registry's lengths, hash lengths and alphabets).

# IBAN countries no other split uses: BBAN as (letters, digits, alphanumerics) from the IBAN registry. Bosnia and
# Portugal print fixed check digits (39 and 50: their national check digits make mod-97 land there).
UNMARKED_IBAN_COUNTRIES = {
    "BY": (4, 4, 16),
    "BH": (4, 0, 14),
    "SV": (4, 20, 0),
    "BA": (0, 16, 0),
    "PT": (0, 21, 0),
    "NO": (0, 11, 0),
    "TR": (0, 22, 0),
    "IL": (0, 19, 0),
}
UNMARKED_IBAN_LENGTHS = {"BY": 28, "BH": 22, "SV": 28, "BA": 20, "PT": 25, "NO": 15, "TR": 26, "IL": 23}
_FIXED_CHECK = {"BA": 39, "PT": 50}


def unmarked_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Belarus, Bahrain, El Salvador, Bosnia, Portugal, Norway, Turkey or Israel, compact or in groups
    of four (``grouped`` None: either). Turkey's BBAN has its reserved zero after the bank code; the alphanumeric
    parts of Belarus and Bahrain are drawn as banks issue them (mostly digits, a letter now and then)."""
    country = country or r.choice(sorted(UNMARKED_IBAN_COUNTRIES))
    letters, digits, alnum = UNMARKED_IBAN_COUNTRIES[country]
    while True:
        bban = rand(r, string.ascii_uppercase, letters) + rand(r, string.digits, digits)
        bban += "".join(
            r.choice(string.ascii_uppercase) if r.random() < 0.1 else r.choice(string.digits) for _ in range(alnum)
        )
        if country == "TR":
            bban = bban[:5] + "0" + bban[6:]
        check = iban_check_digits(country, bban)
        if country not in _FIXED_CHECK or check == _FIXED_CHECK[country]:
            break
    if not valid:
        check = (check + r.randrange(1, 90)) % 100 or 1
    value = f"{country}{check:02d}{bban}"
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


# Regions whose people write numbers nationally with a trunk prefix (Zimbabwe and Uganda 0, Belarus 8 0); the
# others (eight digits, no trunk) are written here in international form only.
_UNMARKED_TRUNK = frozenset({"ZW", "UG", "BY"})


def unmarked_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as people there write it: ``+``/``00``, E.164, the area code in
    parentheses (``+375 (29) 491-19-11``), dashes, dots, no separators after the country code, or nationally
    (``0772 123456``, ``8 (029) 491-19-11``, ``8029 4911911``). Checked: it parses back (with its region as
    default) to the same valid number."""
    region = r.choice(regions)
    number = _valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    national_digits = str(number.national_number)
    forms = [
        intl,
        phonenumbers.format_number(number, pnf.E164),
        "00" + intl[1:],
        f"{cc} {national_digits}",
        f"{cc}-{_regroup(rest, '-')}",
        _regroup(intl, "."),
    ]
    if region in _UNMARKED_TRUNK and " " in rest:  # an area or operator code people put in parentheses
        area, tail = rest.split(" ", 1)
        forms.append(f"{cc} ({area}) {tail}")
    if region in _UNMARKED_TRUNK and not international_only:
        national = phonenumbers.format_number(number, pnf.NATIONAL)
        bare = national.replace("(", "").replace(")", "")
        forms += [national, _regroup(bare, "-")]
        if region == "BY":
            area, tail = bare[2:].split(" ", 1)
            forms += [f"8 ({area}) {tail}", f"8{area} {tail.replace('-', '')}"]
        else:
            forms.append(bare.replace(" ", ""))
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.fullmatch(t)]
    return r.choice(choices)


def unmarked_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number that is valid nowhere: a valid one of ``regions``
    with a digit dropped or added, drawn until libphonenumber rejects it read with its ``+`` and nationally."""
    return invalid_phone(r, regions, (3,))


def no_phone_digits(r: random.Random, n: int, regions: tuple[str, ...]) -> str:
    """``n`` digits (no leading zero) that are no valid number of ``regions`` nationally nor anywhere with a
    ``+``, and fail Luhn (so that they are no card either)."""
    while True:
        digits = r.choice("123456789") + rand(r, string.digits, n - 1)
        parsed = []
        for text, region in [(digits, g) for g in regions] + [("+" + digits, None)]:
            try:
                parsed.append(phonenumbers.parse(text, region))
            except phonenumbers.NumberParseException:
                continue
        if not any(phonenumbers.is_valid_number(p) for p in parsed) and not luhn_ok(digits):
            return digits


# Card schemes no other split uses (national and closed-loop networks that pass Luhn), with prefixes, lengths and
# how they are printed.
UNMARKED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "belkart": (("9112",), (16,)),
    "uatp": (("1",), (15,)),
    "hipercard": (("606282",), (16, 19)),
    "cabal": (("604201", "604209", "604400"), (16,)),
    "napas": (("9704",), (16, 19)),
    "uzcard": (("8600",), (16,)),
    "humo": (("9860",), (16,)),
    "meeza": (("507803", "507808"), (16,)),
    "bancontact": (("6703",), (17, 19)),
    "visa": (("4",), (16,)),
    "mastercard": (("53", "2223"), (16,)),
}


def card_of_brand(r: random.Random, brands: dict[str, tuple[tuple[str, ...], tuple[int, ...]]], brand: str = "") -> str:
    """A Luhn-valid number of ``brand`` (empty: any) from a table of (prefixes, lengths) per brand."""
    brand = brand or r.choice(sorted(brands))
    prefixes, lengths = brands[brand]
    prefix, length = r.choice(prefixes), r.choice(lengths)
    body = prefix + rand(r, string.digits, length - len(prefix) - 1)
    return body + _luhn_digit(body)


def unmarked_card_number(r: random.Random, brand: str = "") -> str:
    return card_of_brand(r, UNMARKED_CARD_BRANDS, brand)


def unmarked_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` as it is printed or pasted: UATP in 4-5-6, 17 digits in 4-4-4-5, 19 in
    4-4-4-4-3, the rest by four; separated by spaces, dashes, no-break spaces (copied from a banking page) or
    nothing."""
    digits = unmarked_card_number(r, brand)
    sep = pick(r, " ", "\u00a0", "-", "", " ") if sep is None else sep
    if digits[0] == "1" and len(digits) == 15:
        sizes = [4, 5, 6]
    elif len(digits) == 17:
        sizes = [4, 4, 4, 5]
    else:
        sizes = card_groups(digits)
    return grouped(digits, sizes, sep)


UNMARKED_HASH_FAMILIES = (
    "cisco_type8",
    "cisco_type9",
    "sha1_crypt",
    "gost_yescrypt",
    "django_scrypt",
    "spring_scrypt",
    "spring_bcrypt",
    "atlassian_pkcs5s2",
    "ldap_sha",
    "postgres_md5",
    "mssql_2012",
    "oracle_12c",
    "redis_acl",
    "sun_md5",
    "dovecot_argon2",
)


def unmarked_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family with that family's lengths and alphabets (``family`` empty: any): Cisco
    type 8/9, NetBSD sha1crypt, gost-yescrypt, Django's scrypt, Spring Security's ``{scrypt}``/``{bcrypt}``,
    Atlassian's ``{PKCS5S2}``, LDAP ``{SHA}``, PostgreSQL's ``md5``, SQL Server 2012+'s ``0x0200``, Oracle 12c's
    ``S:…;T:…``, a Redis ACL ``#sha256``, Solaris' ``$md5,rounds=`` and Dovecot's ``{ARGON2ID}``."""
    family = family or r.choice(UNMARKED_HASH_FAMILIES)
    if family == "cisco_type8":
        return f"$8${rand(r, CRYPT64, 14)}${rand(r, CRYPT64, 43)}"
    if family == "cisco_type9":
        return f"$9${rand(r, CRYPT64, 14)}${rand(r, CRYPT64, 43)}"
    if family == "sha1_crypt":
        return f"$sha1${r.randrange(20000, 480000)}${rand(r, CRYPT64, 8)}${rand(r, CRYPT64, 28)}"
    if family == "gost_yescrypt":
        return f"$gy$j9T${rand(r, CRYPT64, 22)}${rand(r, CRYPT64, 43)}"
    if family == "django_scrypt":
        return f"scrypt$16384${rand(r, ALNUM, 22)}$8$1${b64(r.randbytes(64))}"
    if family == "spring_scrypt":
        return f"{{scrypt}}$e0801${b64(r.randbytes(64))}${b64(r.randbytes(32))}"
    if family == "spring_bcrypt":
        salt, digest = _radix64(r.randbytes(16), BCRYPT64)[:22], _radix64(r.randbytes(23), BCRYPT64)[:31]
        return f"{{bcrypt}}$2a$10${salt}{digest}"
    if family == "atlassian_pkcs5s2":
        return "{PKCS5S2}" + b64(r.randbytes(48))
    if family == "ldap_sha":
        return "{SHA}" + b64(hashlib.sha1(r.randbytes(12)).digest())
    if family == "postgres_md5":
        return "md5" + hashlib.md5(r.randbytes(16)).hexdigest()
    if family == "mssql_2012":
        return "0x0200" + r.randbytes(4).hex().upper() + hashlib.sha512(r.randbytes(16)).hexdigest().upper()
    if family == "oracle_12c":
        s_part = hashlib.sha1(r.randbytes(12)).hexdigest().upper() + r.randbytes(10).hex().upper()
        return f"S:{s_part};T:{r.randbytes(80).hex().upper()}"
    if family == "redis_acl":
        return "#" + hashlib.sha256(r.randbytes(16)).hexdigest()
    if family == "sun_md5":
        return f"$md5,rounds={r.choice((904, 5000, 10000))}${rand(r, CRYPT64, 8)}$${rand(r, CRYPT64, 22)}"
    assert family == "dovecot_argon2"
    params = f"m={pick(r, '65536', '262144')},t=3,p=1"
    return f"{{ARGON2ID}}$argon2id$v=19${params}${b64(r.randbytes(16)).rstrip('=')}${b64(r.randbytes(32)).rstrip('=')}"


def unmarked_email(r: random.Random) -> str:
    """An address of the split's people: Basque, Galician, Bosnian, Khmer, Punjabi, Belarusian, Omani, Ugandan and
    Zimbabwean names, with plus tags, dots, digits and their regions' providers."""
    first = pick(
        r,
        "aitor.etxeberria",
        "uxue",
        "breixo.lopez",
        "amra.hodzic",
        "sokha.chan",
        "gurpreet.kaur",
        "tendai.moyo",
        "nakato",
        "alesia.k",
        "salim.alharthi",
        "ximena.ortega",
        "eider",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'billing', 'news', 'cv', 'ebay')}")
    domain = pick(
        r,
        "gmail.com",
        "euskaltel.net",
        "proton.me",
        "yahoo.es",
        "bih.net.ba",
        "omantel.net.om",
        "tut.by",
        "outlook.com",
        "mail.com",
        "hotmail.co.uk",
        "sapo.pt",
    )
    return f"{local}@{domain}"


# ---------------------------------------------------------------------------- the unwritten split's own values
#
# Written for the fifteenth split only, by a ninth session that did not read the rules; nothing above calls them, so
# the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97 and the IBAN registry's lengths and examples, the French RIB key and the Italian CIN,
# hash lengths and alphabets).

# IBAN countries no other split uses: the BBAN's parts as (kind, length) with kind ``n`` digits, ``a`` capital
# letters, ``c`` an account as banks fill it (digits, a letter now and then), ``k`` the French RIB key (Monaco) and
# ``x`` the Italian CIN check letter (San Marino); lengths from the IBAN registry.
UNWRITTEN_IBAN_COUNTRIES: dict[str, tuple[tuple[str, int], ...]] = {
    "AD": (("n", 4), ("n", 4), ("c", 12)),
    "LI": (("n", 5), ("c", 12)),
    "MC": (("n", 5), ("n", 5), ("c", 11), ("k", 2)),
    "SM": (("x", 1), ("n", 5), ("n", 5), ("c", 12)),
    "GI": (("a", 4), ("c", 15)),
    "EG": (("n", 4), ("n", 4), ("n", 17)),
    "IQ": (("a", 4), ("n", 3), ("n", 12)),
    "XK": (("n", 4), ("n", 10), ("n", 2)),
    "MU": (("a", 4), ("n", 2), ("n", 2), ("n", 12), ("z", 3), ("a", 3)),
}
UNWRITTEN_IBAN_LENGTHS = {"AD": 24, "LI": 21, "MC": 27, "SM": 27, "GI": 23, "EG": 29, "IQ": 23, "XK": 20, "MU": 30}
# Bank codes of the letter-coded countries as their banks issue them, and Mauritius' account currencies.
_UNWRITTEN_BANKS = {"GI": ("NWBK", "GIBC", "TURK"), "IQ": ("NBIQ", "RDBI", "TRBI"), "MU": ("BOMM", "MCBL", "SBMM")}
_MU_CURRENCIES = ("MUR", "USD", "EUR")

# Odd-position values of the Italian CIN (digits then letters; the even positions count 0-9 and A=0 ... Z=25).
_CIN_ODD = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23)


def italian_cin(abi: str, cab: str, account: str) -> str:
    """The CIN check letter of an Italian (or San Marino) account: ABI, CAB and the 12-character account number."""
    total = 0
    for i, ch in enumerate(abi + cab + account):
        index = int(ch) if ch.isdigit() else ord(ch) - ord("A")
        total += _CIN_ODD[index] if i % 2 == 0 else index
    return chr(ord("A") + total % 26)


def rib_key(bank: str, branch: str, account: str) -> str:
    """The two-digit French RIB key (Monaco's accounts carry it too); letters in the account count as digits."""
    letters = {c: str((i % 9) + 1 if c < "S" else (i % 9) + 2) for i, c in enumerate(string.ascii_uppercase)}
    numeric = "".join(letters.get(ch, ch) for ch in account)
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(numeric)) % 97:02d}"


def _uw_account(r: random.Random, n: int) -> str:
    return "".join(r.choice(string.ascii_uppercase) if r.random() < 0.06 else r.choice(string.digits) for _ in range(n))


def unwritten_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Andorra, Liechtenstein, Monaco, San Marino, Gibraltar, Egypt, Iraq, Kosovo or Mauritius, compact or
    in groups of four (``grouped`` None: either); Monaco's with its RIB key, San Marino's with its CIN."""
    country = country or r.choice(sorted(UNWRITTEN_IBAN_COUNTRIES))
    parts: list[str] = []
    for kind, n in UNWRITTEN_IBAN_COUNTRIES[country]:
        if kind == "n":
            parts.append(rand(r, string.digits, n))
        elif kind == "c":
            parts.append(_uw_account(r, n))
        elif kind == "a":
            parts.append(r.choice(_UNWRITTEN_BANKS[country]) if n == 4 else r.choice(_MU_CURRENCIES))
        elif kind == "z":
            parts.append("0" * n)
        else:
            parts.append("")  # a check part, filled in below
    if country == "MC":
        parts[3] = rib_key(parts[0], parts[1], parts[2])
    if country == "SM":
        parts[0] = italian_cin(parts[1], parts[2], parts[3])
    bban = "".join(parts)
    check = iban_check_digits(country, bban)
    if not valid:
        check = (check + r.randrange(1, 90)) % 100 or 1
        while check in (iban_check_digits(country, bban), (iban_check_digits(country, bban) + 97) % 100):
            check = (check + 1) % 100 or 1
    value = f"{country}{check:02d}{bban}"
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


# Regions whose people write numbers nationally with a trunk 0 (Rwanda, Moldova, Kyrgyzstan, Algeria, Montenegro) or
# in North America's way (Jamaica); Cameroon's and Mozambique's nine digits have no trunk prefix and are written
# here in international form only.
_UNWRITTEN_TRUNK = frozenset({"RW", "MD", "KG", "DZ", "ME"})


def unwritten_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as people there write it: ``+``/``00``, E.164, ``(+CC)``, dashes, no
    spaces after the country code, the operator code in parentheses (``+996 (555) 12-34-56``), or nationally
    (``0788 123 456``, ``067/123-456``, ``05 51 23 45 67``, ``(876) 210-1234``). Checked: it parses back (with its
    region as default) to the same valid number."""
    region = r.choice(regions)
    number = _valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    digits = str(number.national_number)
    forms = [
        intl,
        phonenumbers.format_number(number, pnf.E164),
        "00" + _regroup(intl[1:], " "),
        f"({cc}) {digits}",
        f"{cc}-{_regroup(rest, '-')}",
        f"{cc} {digits}",
    ]
    if region == "KG" and len(digits) == 9:
        forms.append(f"{cc} ({digits[:3]}) {digits[3:5]}-{digits[5:7]}-{digits[7:]}")
    if region == "JM":
        forms += [f"1 ({digits[:3]}) {digits[3:6]}-{digits[6:]}", f"{digits[:3]}.{digits[3:6]}.{digits[6:]}"]
        if not international_only:
            forms += [f"({digits[:3]}) {digits[3:6]}-{digits[6:]}", f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"]
    if region in _UNWRITTEN_TRUNK and not international_only:
        national = phonenumbers.format_number(number, pnf.NATIONAL)
        trunk = "0" + digits
        forms += [national, trunk, _regroup(national, "-")]
        if region in ("ME", "MD") and " " in national:
            area, tail = national.split(" ", 1)
            forms.append(f"{area}/{tail.replace(' ', '-')}")
        if region == "DZ" and len(trunk) == 10:
            forms.append(" ".join(trunk[i : i + 2] for i in range(0, 10, 2)))
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.fullmatch(t)]
    return r.choice(choices)


def unwritten_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number that is valid nowhere: a valid one of ``regions`` with a
    digit dropped or added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    return invalid_phone(r, regions, (3, 6))


# Card schemes no other split draws (national and regional networks whose numbers pass Luhn), with their prefixes and
# lengths: Serbia's DinaCard, Bulgaria's Borica, Ukraine's Prostir, Mexico's Carnet, Argentina's Naranja, Iran's Shetab
# banks, China T-Union, InstaPayment, Sri Lanka's LankaPay, Denmark's Forbrugsforeningen, Visa Electron and 19-digit
# Visa.
UNWRITTEN_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "dinacard": (("9891",), (16,)),
    "borica": (("2205",), (16,)),
    "prostir": (("9804",), (16,)),
    "carnet": (("506199", "506302", "506450"), (16,)),
    "naranja": (("589562",), (16,)),
    "shetab": (("603799", "589210", "627412", "610433"), (16,)),
    "tunion": (("31",), (19,)),
    "instapayment": (("637", "638", "639"), (16,)),
    "lankapay": (("357111",), (16,)),
    "forbrugsforeningen": (("600722",), (16,)),
    "visa_electron": (("4026", "417500", "4508", "4844", "4913", "4917"), (16,)),
    "visa19": (("4",), (19,)),
}


def unwritten_card_number(r: random.Random, brand: str = "") -> str:
    return card_of_brand(r, UNWRITTEN_CARD_BRANDS, brand)


def unwritten_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` as it is printed: by four (19 digits as 4-4-4-4-3, or 6-13 for T-Union as its
    cards show it), with spaces, dashes or nothing."""
    digits = unwritten_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    sizes = [6, 13] if digits.startswith("31") and len(digits) == 19 and r.random() < 0.5 else card_groups(digits)
    return grouped(digits, sizes, sep)


UNWRITTEN_HASH_FAMILIES = (
    "mysql_caching_sha2",
    "django_sha1",
    "freebsd_nthash",
    "cisco_asa",
    "sap_issha",
    "jenkins_jbcrypt",
    "grafana_pbkdf2",
    "bsdi_crypt",
    "aspnet_identity_v2",
    "openldap_pbkdf2",
    "oracle_11g",
    "mosquitto",
    "fortigate_sh2",
    "magento2",
    "keycloak_pbkdf2",
)


def unwritten_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family with that family's lengths and alphabets (``family`` empty: any): MySQL's
    ``caching_sha2_password`` (``$A$005$``), Django's old ``sha1$``, FreeBSD's NT hash (``$3$$``), Cisco ASA's
    PBKDF2 (``$sha512$5000$``), SAP's ``{x-issha, 1024}``, Jenkins' ``#jbcrypt:``, Grafana's hex PBKDF2, BSDi
    extended DES (``_J9..``), ASP.NET Identity V2 (base64 starting with a zero byte), OpenLDAP's
    ``{PBKDF2-SHA512}``, Oracle 11g's ``S:``, Mosquitto's ``$7$``, FortiOS' ``SH2``, Magento 2's ``hash:salt:version``
    and Keycloak's stored credential (``secret_data`` JSON)."""
    family = family or r.choice(UNWRITTEN_HASH_FAMILIES)
    if family == "mysql_caching_sha2":
        return f"$A$005${rand(r, ALNUM + './', 20)}{rand(r, CRYPT64, 43)}"
    if family == "django_sha1":
        return f"sha1${rand(r, HEX, 5)}${hashlib.sha1(r.randbytes(16)).hexdigest()}"
    if family == "freebsd_nthash":
        return "$3$$" + r.randbytes(16).hex()
    if family == "cisco_asa":
        return f"$sha512$5000${b64(r.randbytes(16))}${b64(r.randbytes(16))}"
    if family == "sap_issha":
        return "{x-issha, 1024}" + b64(r.randbytes(20) + r.randbytes(12))
    if family == "jenkins_jbcrypt":
        salt, digest = _radix64(r.randbytes(16), BCRYPT64)[:22], _radix64(r.randbytes(23), BCRYPT64)[:31]
        return f"#jbcrypt:$2a$10${salt}{digest}"
    if family == "grafana_pbkdf2":  # PBKDF2-SHA256, 10000 rounds, 50 bytes, hex
        return r.randbytes(50).hex()
    if family == "bsdi_crypt":
        return "_" + pick(r, "J9..", "K1..", "7C/.") + rand(r, CRYPT64, 4) + rand(r, CRYPT64, 11)
    if family == "aspnet_identity_v2":  # a zero byte, a 16-byte salt, a 32-byte PBKDF2-SHA1 subkey
        return b64(bytes([0]) + r.randbytes(16) + r.randbytes(32))
    if family == "openldap_pbkdf2":
        return f"{{PBKDF2-SHA512}}10000${ab64(r.randbytes(16))}${ab64(r.randbytes(64))}"
    if family == "oracle_11g":  # SHA-1 of password and salt, then the 10-byte salt
        return "S:" + hashlib.sha1(r.randbytes(12)).hexdigest().upper() + r.randbytes(10).hex().upper()
    if family == "mosquitto":  # mosquitto_passwd: PBKDF2-SHA512, 101 rounds, a 12-byte salt
        return f"$7$101${b64(r.randbytes(12))}${b64(r.randbytes(64))}"
    if family == "fortigate_sh2":  # SH2, then base64 of a 12-byte salt and a SHA-256 digest
        return "SH2" + b64(r.randbytes(12) + r.randbytes(32))
    if family == "magento2":
        if r.random() < 0.5:
            return f"{hashlib.sha256(r.randbytes(16)).hexdigest()}:{rand(r, ALNUM, 32)}:1"
        return f"{r.randbytes(32).hex()}:{rand(r, ALNUM, 32)}:3_32_2_67108864"
    assert family == "keycloak_pbkdf2"
    return json.dumps(
        {"value": b64(r.randbytes(64)), "salt": b64(r.randbytes(16)), "additionalParameters": {}},
        separators=(",", ":"),
    )


def unwritten_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(r, "Eryri", "Aberaeron", "Marsaxlokk", "Mdina", "Osogbo", "Ibadan", "Lalibela", "Sigiriya", "Galle")
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "%", "?", "*", "")


def unwritten_email(r: random.Random) -> str:
    """An address of the split's people: Welsh, Maltese, Yoruba, Amharic and Sinhala names, with dots, digits, plus
    tags and their places' providers."""
    first = pick(
        r,
        "carys.hughes",
        "dafydd",
        "gwenllian.p",
        "maria.borg",
        "joseph.camilleri",
        "ayodele.adeyemi",
        "folake",
        "meseret.t",
        "tigist.alemu",
        "nuwan.perera",
        "dilini.s",
        "iolo.m",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'bank', 'jobs', 'shop')}")
    domain = pick(
        r,
        "btinternet.com",
        "gmail.com",
        "maltanet.net",
        "yahoo.co.uk",
        "ethionet.et",
        "sltnet.lk",
        "outlook.com",
        "icloud.com",
        "mtnonline.com",
    )
    return f"{local}@{domain}"


UNWRITTEN_ACCOUNT = "537204918862"  # an AWS account: twelve digits, not Luhn-valid, no valid number of the regions


def _signed_jwt(r: random.Random, header: dict[str, object], claims: dict[str, object], sig_bytes: int) -> str:
    head = b64url(json.dumps(header, separators=(",", ":")).encode())
    body = b64url(json.dumps(claims, separators=(",", ":")).encode())
    return f"{head}.{body}.{b64url(r.randbytes(sig_bytes))}"


def ibm_iam_token(r: random.Random) -> str:
    """An IBM Cloud IAM access token (what watsonx.ai takes as a bearer): RS256, issued for a service ID's API key."""
    service = f"ServiceId-{uuid.UUID(int=r.getrandbits(128), version=4)}"
    iat = 1_768_200_000 + r.randrange(10**6)
    claims = {
        "iam_id": f"iam-{service}",
        "id": f"iam-{service}",
        "realmid": "iam",
        "jti": str(uuid.UUID(int=r.getrandbits(128), version=4)),
        "identifier": service,
        "name": pick(r, "watsonx-gateway", "llm-eval"),
        "sub": service,
        "sub_type": "ServiceId",
        "account": {"valid": True, "bss": r.randbytes(16).hex(), "frozen": True},
        "iat": iat,
        "exp": iat + 3600,
        "iss": "https://iam.cloud.ibm.com/identity",
        "grant_type": "urn:ibm:params:oauth:grant-type:apikey",
        "scope": "ibm openid",
        "client_id": "default",
        "acr": 1,
        "amr": ["pwd"],
    }
    return _signed_jwt(r, {"kid": f"2026011{r.randrange(0, 10)}08", "alg": "RS256"}, claims, 256)


def k8s_service_account_token(r: random.Random) -> str:
    """A Kubernetes service account token (projected, RS256): the cluster as issuer and audience."""
    iat = 1_768_200_000 + r.randrange(10**6)
    namespace, name = pick(r, "ci", "argocd", "monitoring"), pick(r, "deployer", "image-updater", "scraper")
    claims = {
        "aud": ["https://kubernetes.default.svc.cluster.local"],
        "exp": iat + 31_536_000,
        "iat": iat,
        "iss": "https://kubernetes.default.svc.cluster.local",
        "kubernetes.io": {
            "namespace": namespace,
            "serviceaccount": {"name": name, "uid": str(uuid.UUID(int=r.getrandbits(128), version=4))},
        },
        "nbf": iat,
        "sub": f"system:serviceaccount:{namespace}:{name}",
    }
    return _signed_jwt(r, {"alg": "RS256", "kid": b64url(r.randbytes(32))}, claims, 256)


def alb_oidc_data(r: random.Random) -> str:
    """The ``x-amzn-oidc-data`` header an AWS Application Load Balancer signs for its targets: an ES256 JWT whose
    header names the load balancer."""
    exp = 1_768_200_000 + r.randrange(10**6)
    header = {
        "typ": "JWT",
        "kid": str(uuid.UUID(int=r.getrandbits(128), version=4)),
        "alg": "ES256",
        "iss": "https://sso.acme.cymru/realms/acme",
        "client": pick(r, "portal", "grafana", "kiosk"),
        "signer": f"arn:aws:elasticloadbalancing:eu-west-2:{UNWRITTEN_ACCOUNT}:loadbalancer/app/portal/"
        + r.randbytes(8).hex(),
        "exp": exp,
    }
    claims = {"sub": str(uuid.UUID(int=r.getrandbits(128), version=4)), "exp": exp, "iss": header["iss"]}
    return _signed_jwt(r, header, claims, 64)


# ---------------------------------------------------------------------------- the unsaid split's own values
#
# Written for the sixteenth split only, by a tenth session that did not read the rules; nothing above calls them, so
# the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97 and the IBAN registry's lengths and examples, hash lengths and alphabets).

# IBAN countries no other split uses: the BBAN's parts as (kind, length) with kind ``n`` digits, ``a`` a bank code in
# capital letters, ``c`` an account as banks fill it (digits, a letter now and then) and ``y`` a currency code
# (Seychelles); lengths from the IBAN registry. Slovenia prints fixed check digits (56: its national check digits make
# mod-97 land there).
UNSAID_IBAN_COUNTRIES: dict[str, tuple[tuple[str, int], ...]] = {
    "EE": (("n", 2), ("n", 14)),
    "FO": (("n", 4), ("n", 9), ("n", 1)),
    "GL": (("n", 4), ("n", 9), ("n", 1)),
    "SC": (("a", 4), ("n", 2), ("n", 2), ("n", 16), ("y", 3)),
    "VA": (("n", 3), ("n", 15)),
    "VG": (("a", 4), ("n", 16)),
    "LY": (("n", 3), ("n", 3), ("n", 15)),
    "PS": (("a", 4), ("c", 21)),
    "SI": (("n", 5), ("n", 8), ("n", 2)),
}
UNSAID_IBAN_LENGTHS = {"EE": 20, "FO": 18, "GL": 18, "SC": 31, "VA": 22, "VG": 24, "LY": 25, "PS": 29, "SI": 19}
_UNSAID_BANKS = {"SC": ("SSCB", "BARC", "NOVH"), "VG": ("VPVG", "BVIB", "FCIB"), "PS": ("PALS", "ARAB", "QUDS")}
_SC_CURRENCIES = ("SCR", "USD", "EUR")
_UNSAID_FIXED_CHECK = {"SI": 56}


def unsaid_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Estonia, the Faroes, Greenland, the Seychelles, the Vatican, the British Virgin Islands, Libya,
    Palestine or Slovenia, compact or in groups of four (``grouped`` None: either)."""
    country = country or r.choice(sorted(UNSAID_IBAN_COUNTRIES))
    while True:
        parts: list[str] = []
        for kind, n in UNSAID_IBAN_COUNTRIES[country]:
            if kind == "n":
                parts.append(rand(r, string.digits, n))
            elif kind == "c":
                parts.append(
                    "".join(r.choice(string.ascii_uppercase) if r.random() < 0.05 else r.choice(string.digits)
                            for _ in range(n))
                )  # fmt: skip
            elif kind == "a":
                parts.append(r.choice(_UNSAID_BANKS[country]))
            else:
                parts.append(r.choice(_SC_CURRENCIES))
        bban = "".join(parts)
        check = iban_check_digits(country, bban)
        if country not in _UNSAID_FIXED_CHECK or check == _UNSAID_FIXED_CHECK[country]:
            break
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100 or 1
        while check in (right, (right + 97) % 100):
            check = (check + 1) % 100 or 1
    value = f"{country}{check:02d}{bban}"
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


# Regions whose people write numbers nationally with a trunk 0 (Laos, Zambia, Namibia, Malawi, Armenia) or in North
# America's way (Trinidad and Tobago); Botswana's and Mauritius' numbers have no trunk prefix and are written here in
# international form only.
_UNSAID_TRUNK = frozenset({"LA", "ZM", "NA", "MW", "AM"})


def unsaid_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as people there write it: ``+``/``00``, E.164, ``+CC (0)``, dashes, the
    country code in parentheses, no spaces after the country code (``+260 955123456``), Armenian pairs
    (``077-12-34-56``), Trinidad's ``1-868-...``, or nationally with the trunk 0. Checked: it parses back (with its
    region as default) to the same valid number."""
    region = r.choice(regions)
    number = _valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    digits = str(number.national_number)
    forms = [
        intl,
        phonenumbers.format_number(number, pnf.E164),
        "00" + intl[1:],
        f"({cc}) {rest}",
        f"{cc}-{_regroup(rest, '-')}",
        f"{cc} {digits}",
    ]
    if region in _UNSAID_TRUNK:
        forms.append(f"{cc} (0){digits}")
    if region == "TT":
        forms += [f"1-{digits[:3]}-{digits[3:6]}-{digits[6:]}", f"+1 ({digits[:3]}) {digits[3:6]}-{digits[6:]}"]
        if not international_only:
            forms += [f"{digits[:3]}-{digits[3:6]}-{digits[6:]}", f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"]
    if region in _UNSAID_TRUNK and not international_only:
        national = phonenumbers.format_number(number, pnf.NATIONAL)
        trunk = "0" + digits
        forms += [national, trunk, _regroup(national, "-")]
        if region == "AM" and len(trunk) == 9:
            forms.append(f"{trunk[:3]}-{trunk[3:5]}-{trunk[5:7]}-{trunk[7:]}")
        if region == "LA" and len(trunk) == 11:
            forms.append(f"{trunk[:3]} {trunk[3:7]} {trunk[7:]}")
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.fullmatch(t)]
    return r.choice(choices)


def unsaid_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number that is valid nowhere: a valid one of ``regions`` with a
    digit dropped or added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    return invalid_phone(r, tuple(g for g in regions if g != "CI"), (2, 5))  # CI's numbers: drawn apart, above


# Card schemes no other split draws (national, regional and retired networks whose numbers pass Luhn), with their
# prefixes and lengths: Ukraine's UkrCard, Australia's Bankcard, Ireland's Laser, the UK's Solo and Switch, UnionPay's
# 81 range, Saudi Arabia's mada, Transnistria's NPS, Visa/Dankort co-badged cards and Maestro UK.
UNSAID_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "ukrcard": (("604001", "604100", "604200"), (16,)),
    "bankcard": (("5610", "560221", "560225"), (16,)),
    "laser": (("6304", "6706", "6709", "6771"), (16, 19)),
    "solo": (("6334", "6767"), (16, 18, 19)),
    "switch": (("4903", "4905", "4911", "4936"), (16, 18, 19)),
    "unionpay81": (("8100", "8131", "8171"), (16, 19)),
    "mada": (("588845", "968208", "440647"), (16,)),
    "nps": (("605474",), (16,)),
    "visa_dankort": (("4571",), (16,)),
    "maestro_uk": (("676770", "676774"), (16,)),
}


def unsaid_card_number(r: random.Random, brand: str = "") -> str:
    return card_of_brand(r, UNSAID_CARD_BRANDS, brand)


def unsaid_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` as it is printed: by four (18 digits as 4-4-4-4-2, 19 as 4-4-4-4-3), with
    spaces, dashes or nothing."""
    digits = unsaid_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    return grouped(digits, card_groups(digits), sep)


UNSAID_HASH_FAMILIES = (
    "mssql_2005",
    "mongodb_scram_sha1",
    "mongodb_scram_sha256",
    "kafka_scram",
    "aix_ssha256",
    "django_md5",
    "joomla_md5",
    "ldap_md5",
    "ldap_pbkdf2_sha256",
    "sm3_crypt",
    "defuse_pbkdf2",
    "spring_sha256",
    "grub_pbkdf2",
)


def unsaid_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family with that family's lengths and alphabets (``family`` empty: any): SQL Server
    2005's ``0x0100``, MongoDB's SCRAM credentials (SHA-1 and SHA-256, as ``system.users`` stores them), a Kafka SCRAM
    credential as ZooKeeper holds it, AIX's ``{ssha256}``, Django's salted ``md5$``, Joomla 2.5's ``hash:salt``, LDAP
    ``{MD5}`` and ``{PBKDF2-SHA256}``, libxcrypt's ``$sm3$``, defuse's ``sha1:64000:18:`` PBKDF2 format, Spring
    Security's old ``{sha256}`` and GRUB 2's ``grub.pbkdf2.sha512``."""
    family = family or r.choice(UNSAID_HASH_FAMILIES)
    if family == "mssql_2005":
        return "0x0100" + r.randbytes(4).hex().upper() + hashlib.sha1(r.randbytes(16)).hexdigest().upper()
    if family in ("mongodb_scram_sha1", "mongodb_scram_sha256"):
        if family == "mongodb_scram_sha1":
            name, salt, key, rounds = "SCRAM-SHA-1", 16, 20, 10000
        else:
            name, salt, key, rounds = "SCRAM-SHA-256", 28, 32, 15000
        cred = {"iterationCount": rounds, "salt": b64(r.randbytes(salt))}
        cred |= {"storedKey": b64(r.randbytes(key)), "serverKey": b64(r.randbytes(key))}
        return json.dumps({name: cred}, separators=(",", ":"))
    if family == "kafka_scram":
        return (
            f"salt={b64(rand(r, string.ascii_lowercase + string.digits, 20).encode())},stored_key="
            f"{b64(r.randbytes(64))},server_key={b64(r.randbytes(64))},iterations={pick(r, '4096', '8192')}"
        )
    if family == "aix_ssha256":
        return f"{{ssha256}}06${rand(r, CRYPT64, 16)}${rand(r, CRYPT64, 43)}"
    if family == "django_md5":
        return f"md5${rand(r, ALNUM, 22)}${hashlib.md5(r.randbytes(16)).hexdigest()}"
    if family == "joomla_md5":
        return f"{hashlib.md5(r.randbytes(16)).hexdigest()}:{rand(r, ALNUM, 32)}"
    if family == "ldap_md5":
        return "{MD5}" + b64(hashlib.md5(r.randbytes(12)).digest())
    if family == "ldap_pbkdf2_sha256":
        return f"{{PBKDF2-SHA256}}{pick(r, '10000', '60000')}${ab64(r.randbytes(16))}${ab64(r.randbytes(32))}"
    if family == "sm3_crypt":
        return f"$sm3${rand(r, CRYPT64, 16)}${rand(r, CRYPT64, 43)}"
    if family == "defuse_pbkdf2":
        return f"sha1:64000:18:{b64(r.randbytes(24))}:{b64(r.randbytes(18))}"
    if family == "spring_sha256":
        return "{sha256}" + r.randbytes(8).hex() + hashlib.sha256(r.randbytes(16)).hexdigest()
    assert family == "grub_pbkdf2"
    return f"grub.pbkdf2.sha512.10000.{r.randbytes(64).hex().upper()}.{r.randbytes(64).hex().upper()}"


def unsaid_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(r, "Vientiane", "Lusaka", "Gaborone", "Windhoek", "Tobago", "Lilongwe", "Yerevan", "Gaillimh", "Pune")
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "?", "*", "")


def unsaid_email(r: random.Random) -> str:
    """An address of the split's people: Marathi, Telugu, Zulu, Irish, Lao, Zambian, Armenian and Trinidadian names,
    with dots, digits, plus tags and their places' providers."""
    first = pick(
        r,
        "aarti.kulkarni",
        "sachin.patil",
        "srinivas.reddy",
        "lakshmi.n",
        "sipho.dlamini",
        "thandeka.m",
        "aoife.obrien",
        "cian.mac",
        "souksavanh",
        "chanda.mwale",
        "ani.petrosyan",
        "keisha.ramdial",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'invoices', 'work', 'alerts')}")
    domain = pick(
        r,
        "rediffmail.com",
        "gmail.com",
        "eircom.net",
        "yahoo.co.in",
        "laotel.com",
        "zamtel.zm",
        "outlook.com",
        "mail.am",
        "tstt.net.tt",
        "icloud.com",
    )
    return f"{local}@{domain}"


UNSAID_ACCOUNT = "739016482257"  # an AWS account: twelve digits, not Luhn-valid, no valid number of the regions


def unsaid_pplx_key(r: random.Random) -> str:
    """A Perplexity API key (``pplx-`` and 48 characters)."""
    return "pplx-" + rand(r, ALNUM, 48)


def unsaid_xai_key(r: random.Random) -> str:
    """An xAI API key (``xai-`` and 80 characters)."""
    return "xai-" + rand(r, ALNUM, 80)


def unsaid_fireworks_key(r: random.Random) -> str:
    """A Fireworks AI API key (``fw_`` and 24 characters)."""
    return "fw_" + rand(r, ALNUM, 24)


def unsaid_replicate_token(r: random.Random) -> str:
    """A Replicate API token (``r8_`` and 37 characters)."""
    return "r8_" + rand(r, ALNUM, 37)


# ---------------------------------------------------------------------------- the unvoiced split's own values
#
# Written for the seventeenth split only, by an eleventh session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97 and the IBAN registry's lengths and examples, hash lengths and alphabets).

# IBAN countries no other split uses, with the BBAN's parts as (kind, length): ``n`` digits, ``a`` a bank code in
# capital letters, ``c`` an account as banks fill it (digits, a letter now and then); lengths from the IBAN registry.
# Tunisia and Mauritania print fixed check digits (59 and 13: their national keys make mod-97 land there).
UNVOICED_IBAN_COUNTRIES: dict[str, tuple[tuple[str, int], ...]] = {
    "MN": (("n", 4), ("n", 12)),
    "OM": (("n", 3), ("c", 16)),
    "TN": (("n", 2), ("n", 3), ("n", 13), ("n", 2)),
    "MR": (("n", 5), ("n", 5), ("n", 11), ("n", 2)),
    "FK": (("a", 2), ("n", 12)),
    "SD": (("n", 2), ("n", 12)),
    "SO": (("n", 4), ("n", 3), ("n", 12)),
    "YE": (("a", 4), ("n", 4), ("c", 18)),
    "RU": (("n", 9), ("n", 5), ("c", 15)),
    "LC": (("a", 4), ("c", 24)),
}
UNVOICED_IBAN_LENGTHS = {
    "MN": 20,
    "OM": 23,
    "TN": 24,
    "MR": 27,
    "FK": 18,
    "SD": 18,
    "SO": 23,
    "YE": 30,
    "RU": 33,
    "LC": 32,
}
_UNVOICED_BANKS = {"FK": ("SC",), "YE": ("CBYE", "IBYE", "YKBA"), "LC": ("HEMM", "BOSL", "RBTT")}
_UNVOICED_FIXED_CHECK = {"TN": 59, "MR": 13}


def unvoiced_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Mongolia, Oman, Tunisia, Mauritania, the Falklands, Sudan, Somalia, Yemen, Russia or Saint Lucia,
    compact or in groups of four (``grouped`` None: either); ``valid`` False: the check digits are wrong."""
    country = country or r.choice(sorted(UNVOICED_IBAN_COUNTRIES))
    while True:
        parts: list[str] = []
        for kind, n in UNVOICED_IBAN_COUNTRIES[country]:
            if kind == "n":
                parts.append(rand(r, string.digits, n))
            elif kind == "c":
                parts.append(
                    "".join(r.choice(string.ascii_uppercase) if r.random() < 0.05 else r.choice(string.digits)
                            for _ in range(n))
                )  # fmt: skip
            else:
                parts.append(r.choice(_UNVOICED_BANKS[country]))
        bban = "".join(parts)
        check = iban_check_digits(country, bban)
        if country not in _UNVOICED_FIXED_CHECK or check == _UNVOICED_FIXED_CHECK[country]:
            break
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100 or 1
        while check in (right, (right + 97) % 100):
            check = (check + 1) % 100 or 1
    value = f"{country}{check:02d}{bban}"
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


# Regions whose people write numbers nationally with a trunk 0 (Madagascar, Myanmar, Iraq); Somalia's, Niger's,
# Tajikistan's, Angola's and Fiji's numbers are written here in international form only.
_UNVOICED_TRUNK = frozenset({"MG", "MM", "IQ"})


def unvoiced_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as people there write it: ``+``/``00``, E.164, ``+CC-`` with dashes,
    the country code and the rest run together after a space, dots, a ``(0)`` trunk, Niger's pairs, or nationally
    with the trunk 0 (Madagascar's ``032 12 345 67``, Myanmar's ``09 ...``, Iraq's ``0791 ...``). Checked: it parses
    back (with its region as default) to the same valid number."""
    region = r.choice(regions)
    number = _valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    digits = str(number.national_number)
    forms = [
        intl,
        phonenumbers.format_number(number, pnf.E164),
        "00" + intl[1:],
        f"{cc}-{_regroup(rest, '-')}",
        f"{cc} {digits}",
        f"{cc}.{_regroup(rest, '.')}",
    ]
    if region in _UNVOICED_TRUNK:
        forms.append(f"{cc} (0){rest}")
    if region == "NE" and len(digits) == 8:
        forms.append(f"(+227) {digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}")
    if region in _UNVOICED_TRUNK and not international_only:
        national = phonenumbers.format_number(number, pnf.NATIONAL)
        forms += [national, "0" + digits, _regroup(national, "-"), _regroup(national, ".")]
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.fullmatch(t)]
    return r.choice(choices)


def unvoiced_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number that is valid nowhere: a valid one of ``regions`` with a
    digit dropped or added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    return invalid_phone(r, regions, (2, 6))


# Card schemes and ranges no other split draws (all pass Luhn): JCB's old 15-digit 1800 and 2131 ranges, Discover's
# 644-649 range and its UnionPay co-brand range 622126-622925, Diners Club International's 38 and 39, Diners Club
# US & Canada in Mastercard's range, short Maestro numbers (12 and 13 digits), Switch's 564182 and 633110, Dankort's
# 4175 co-badge and Hipercard's 384 ranges.
UNVOICED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "jcb15": (("1800", "2131"), (15,)),
    "discover644": (("644", "645", "646", "647", "648", "649"), (16, 19)),
    "discover_cup": (("622126", "622318", "622555", "622925"), (16,)),
    "diners38": (("38", "39"), (14,)),
    "diners_us": (("54", "55"), (16,)),
    "maestro_short": (("5020", "5038", "6390"), (12, 13)),
    "switch564": (("564182", "633110"), (16, 18, 19)),
    "dankort4175": (("4175",), (16,)),
    "hipercard384": (("384100", "384140", "384160"), (16, 19)),
}


def unvoiced_card_number(r: random.Random, brand: str = "") -> str:
    return card_of_brand(r, UNVOICED_CARD_BRANDS, brand)


def unvoiced_card_groups(digits: str) -> list[int]:
    """The groups a card of this length is printed in: 15 as 4-6-5, 14 as 4-6-4, 13 as 4-4-5, 19 as 4-4-4-4-3,
    18 as 4-4-4-4-2, the rest by four."""
    sizes = {15: [4, 6, 5], 14: [4, 6, 4], 13: [4, 4, 5], 19: [4, 4, 4, 4, 3], 18: [4, 4, 4, 4, 2]}
    return sizes.get(len(digits), [4] * (len(digits) // 4))


def unvoiced_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) as it is printed, with spaces, dashes or nothing."""
    digits = unvoiced_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    return grouped(digits, unvoiced_card_groups(digits), sep)


UNVOICED_HASH_FAMILIES = (
    "des_crypt",
    "ldap_ssha512",
    "couchdb_pbkdf2",
    "sybase_ase",
    "macos_pbkdf2",
    "netscaler_sha1",
    "netscaler_sha512",
    "episerver",
    "django_pbkdf2_sha1",
    "tomcat_pbkdf2",
    "jupyter_sha1",
    "jupyter_argon2",
    "prosody_scram",
    "dovecot_cram_md5",
    "authme_sha256",
)


def unvoiced_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family with that family's lengths and alphabets (``family`` empty: any): traditional DES
    crypt (13 characters), LDAP ``{SSHA512}``, CouchDB's ``-pbkdf2-`` admin hashes (SHA-1 and 3.4's SHA-256), Sybase
    ASE's ``0xc007``, macOS's salted PBKDF2-SHA512 as ``$ml$``, Citrix NetScaler's SHA-1 and SHA-512, EPiServer's
    ``$episerver$``, Django's ``pbkdf2_sha1``, Tomcat's ``salt$iterations$hash``, Jupyter's ``sha1:`` and
    ``argon2:`` passwords, a Prosody SCRAM account file, Dovecot's ``{CRAM-MD5}`` and AuthMe's ``$SHA$``."""
    family = family or r.choice(UNVOICED_HASH_FAMILIES)
    if family == "des_crypt":
        return rand(r, CRYPT64, 13)
    if family == "ldap_ssha512":
        return "{SSHA512}" + b64(hashlib.sha512(r.randbytes(16)).digest() + r.randbytes(8))
    if family == "couchdb_pbkdf2":
        if r.random() < 0.5:
            return f"-pbkdf2-{hashlib.sha1(r.randbytes(16)).hexdigest()},{r.randbytes(16).hex()},10"
        return f"-pbkdf2:sha256-{hashlib.sha256(r.randbytes(16)).hexdigest()},{r.randbytes(16).hex()},600000"
    if family == "sybase_ase":
        return "0xc007" + r.randbytes(8).hex() + hashlib.sha256(r.randbytes(16)).hexdigest()
    if family == "macos_pbkdf2":
        return f"$ml${r.randrange(30000, 60000)}${r.randbytes(32).hex()}${r.randbytes(64).hex()}"
    if family == "netscaler_sha1":
        return "1" + r.randbytes(4).hex() + hashlib.sha1(r.randbytes(16)).hexdigest()
    if family == "netscaler_sha512":
        return "2" + r.randbytes(4).hex() + hashlib.sha512(r.randbytes(16)).hexdigest()
    if family == "episerver":
        return f"$episerver$*0*{b64(r.randbytes(16))}*{b64(r.randbytes(20)).rstrip('=')}"
    if family == "django_pbkdf2_sha1":
        return f"pbkdf2_sha1${pick(r, '260000', '600000')}${rand(r, ALNUM, 12)}${b64(r.randbytes(20))}"
    if family == "tomcat_pbkdf2":
        return f"{r.randbytes(16).hex()}${pick(r, '20000', '100000')}${r.randbytes(32).hex()}"
    if family == "jupyter_sha1":
        return f"sha1:{r.randbytes(6).hex()}:{hashlib.sha1(r.randbytes(16)).hexdigest()}"
    if family == "jupyter_argon2":
        salt, digest = b64(r.randbytes(16)).rstrip("="), b64(r.randbytes(32)).rstrip("=")
        return f"argon2:$argon2id$v=19$m=10240,t=10,p=8${salt}${digest}"
    if family == "prosody_scram":
        salt = str(uuid.UUID(int=r.getrandbits(128), version=4))
        return (
            f'{{["iteration_count"] = 10000; ["salt"] = "{salt}"; '
            f'["server_key"] = "{r.randbytes(20).hex()}"; ["stored_key"] = "{r.randbytes(20).hex()}"}}'
        )
    if family == "dovecot_cram_md5":
        return "{CRAM-MD5}" + r.randbytes(32).hex()
    assert family == "authme_sha256"
    return f"$SHA${r.randbytes(8).hex()}${hashlib.sha256(r.randbytes(16)).hexdigest()}"


def unvoiced_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r, "Ahmedabad", "Mysuru", "Kano", "Hargeisa", "Bishkek", "Antananarivo", "Dushanbe", "Niamey", "Suva", "Luanda"
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "$", "%", "")


def unvoiced_email(r: random.Random) -> str:
    """An address of the split's people: Gujarati, Kannada, Hausa, Somali, Kyrgyz, Malagasy, Tajik and Fijian
    names, with dots, digits, underscores, plus tags and their places' providers."""
    first = pick(
        r,
        "hetal.patel",
        "jignesh.shah",
        "kavya.gowda",
        "manjunath.hs",
        "aminu.bello",
        "zainab_musa",
        "hodan.warsame",
        "abdirahman.ali",
        "aibek.toktogulov",
        "nurzat.k",
        "rakoto.andry",
        "farrukh.nazarov",
        "mere.tuilagi",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'billing', 'gpu', 'alerts')}")
    domain = pick(
        r,
        "gmail.com",
        "yahoo.co.in",
        "rediffmail.com",
        "hotmail.com",
        "mail.ru",
        "yandex.ru",
        "proton.me",
        "outlook.com",
        "moov.mg",
        "connect.com.fj",
    )
    return f"{local}@{domain}"


UNVOICED_ACCOUNT = "604218375513"  # an AWS account: twelve digits, not Luhn-valid, no valid number of the regions


def unvoiced_cerebras_key(r: random.Random) -> str:
    """A Cerebras Cloud API key (``csk-`` and 48 lower-case letters and digits)."""
    return "csk-" + rand(r, string.ascii_lowercase + string.digits, 48)


def unvoiced_voyage_key(r: random.Random) -> str:
    """A Voyage AI API key (``pa-`` and 43 URL-safe base64 characters)."""
    return "pa-" + rand(r, B64URL, 43)


def unvoiced_jina_key(r: random.Random) -> str:
    """A Jina AI API key (``jina_``, 32 hex digits and 28 letters and digits)."""
    return "jina_" + rand(r, HEX, 32) + rand(r, ALNUM, 28)


def unvoiced_dashscope_key(r: random.Random) -> str:
    """An Alibaba Cloud Model Studio (DashScope) API key: ``sk-`` and 32 hex digits."""
    return "sk-" + rand(r, HEX, 32)


def unvoiced_zhipu_key(r: random.Random) -> str:
    """A Zhipu AI (BigModel) API key: a 32-hex id, a dot, a 16-character secret."""
    return rand(r, HEX, 32) + "." + rand(r, ALNUM, 16)


def unvoiced_nebius_token(r: random.Random) -> str:
    """A Nebius AI Studio API key: an RS256 JWT naming the service account it was issued to."""
    iat = 1_760_000_000 + r.randrange(10**7)
    header = {"alg": "RS256", "kid": "public:" + rand(r, string.ascii_lowercase + string.digits, 20), "typ": "JWT"}
    claims = {
        "sub": "serviceaccount-" + rand(r, string.ascii_lowercase + string.digits, 20),
        "iss": "https://auth.studio.nebius.com/",
        "iat": iat,
        "exp": iat + 31_536_000,
    }
    return _signed_jwt(r, header, claims, 256)


def unvoiced_databricks_pat(r: random.Random) -> str:
    """A Databricks personal access token (``dapi`` and 32 hex digits, sometimes ``-2`` and such after)."""
    return "dapi" + rand(r, HEX, 32) + pick(r, "", "", "-2", "-3")


def unvoiced_atlassian_token(r: random.Random) -> str:
    """An Atlassian Cloud API token (``ATATT3xFfGF0``, a long base64url body and an 8-hex checksum after ``=``)."""
    return "ATATT3xFfGF0" + rand(r, B64URL, 170) + "=" + rand(r, "0123456789ABCDEF", 8)


def unvoiced_op_service_token(r: random.Random) -> str:
    """A 1Password service-account token: ``ops_`` and the base64 of a JSON document with the account's keys."""
    doc = {
        "signInAddress": "acme-ai.1password.com",
        "userAuth": {
            "method": "SRPg-4096",
            "alg": "PBES2g-HS256",
            "iterations": 650000,
            "salt": b64url(r.randbytes(16)),
        },
        "email": rand(r, string.ascii_lowercase + string.digits, 26) + "@1passwordserviceaccounts.com",
        "srpX": r.randbytes(32).hex(),
        "muk": {"alg": "A256GCM", "ext": True, "k": b64url(r.randbytes(32)), "key_ops": ["encrypt", "decrypt"]},
        "secretKey": "A3-" + rand(r, string.ascii_uppercase + string.digits, 6) + "-" + rand(r, UPPER, 26),
        "deviceUuid": rand(r, string.ascii_lowercase + string.digits, 26),
    }
    return "ops_" + b64(json.dumps(doc, separators=(",", ":")).encode()).rstrip("=")


def unvoiced_pinecone_key(r: random.Random) -> str:
    """A Pinecone API key (``pcsk_``, a 5-character id, ``_`` and a 64-character secret)."""
    return "pcsk_" + rand(r, ALNUM, 5) + "_" + rand(r, ALNUM, 64)


def unvoiced_langsmith_key(r: random.Random) -> str:
    """A LangSmith personal access token (``lsv2_pt_``, 32 hex digits, ``_``, 10 hex digits)."""
    return "lsv2_pt_" + rand(r, HEX, 32) + "_" + rand(r, HEX, 10)


def unvoiced_newrelic_key(r: random.Random) -> str:
    """A New Relic user API key (``NRAK-`` and 27 capital letters and digits)."""
    return "NRAK-" + rand(r, UPPER, 27)


def unvoiced_linear_key(r: random.Random) -> str:
    """A Linear personal API key (``lin_api_`` and 40 letters and digits)."""
    return "lin_api_" + rand(r, ALNUM, 40)


def unvoiced_notion_token(r: random.Random) -> str:
    """A Notion internal integration token (``ntn_``, digits, then letters and digits: 50 characters)."""
    return "ntn_" + rand(r, string.digits, 11) + rand(r, ALNUM, 35)


def unvoiced_openrouter_key(r: random.Random) -> str:
    """An OpenRouter API key (``sk-or-v1-`` and 64 hex digits)."""
    return "sk-or-v1-" + rand(r, HEX, 64)


def unvoiced_planetscale_password(r: random.Random) -> str:
    """A PlanetScale database password (``pscale_pw_`` and 43 characters)."""
    return "pscale_pw_" + rand(r, ALNUM + "_-", 43)


def unvoiced_neon_password(r: random.Random) -> str:
    """A Neon role password as the console generates it now (``npg_`` and 12 letters and digits)."""
    return "npg_" + rand(r, ALNUM, 12)


# ---------------------------------------------------------------------------- the unsung split's own values
#
# Written for the eighteenth split only, by a twelfth session that did not read the rules; nothing above calls them,
# so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97 and the IBAN registry's lengths and examples, hash lengths and alphabets).

# IBAN countries no other split uses, with the BBAN's parts as (kind, length): ``n`` digits, ``a`` a bank code in
# capital letters, ``c`` an account as banks fill it (digits, a letter now and then); lengths from the IBAN registry.
# Timor-Leste prints fixed check digits (38: its national key makes mod-97 land there).
UNSUNG_IBAN_COUNTRIES: dict[str, tuple[tuple[str, int], ...]] = {
    "MD": (("a", 2), ("c", 18)),
    "BI": (("n", 5), ("n", 5), ("n", 11), ("n", 2)),
    "DJ": (("n", 5), ("n", 5), ("n", 11), ("n", 2)),
    "NI": (("a", 4), ("n", 20)),
    "ST": (("n", 4), ("n", 4), ("n", 11), ("n", 2)),
    "TL": (("n", 3), ("n", 14), ("n", 2)),
}
UNSUNG_IBAN_LENGTHS = {"MD": 24, "BI": 27, "DJ": 27, "NI": 28, "ST": 25, "TL": 23}
_UNSUNG_BANKS = {"MD": ("AG", "ML", "VI", "MO", "EX"), "NI": ("BAPR", "BCCE", "LAFI", "FICO")}
_UNSUNG_FIXED_CHECK = {"TL": 38}


def unsung_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Moldova, Burundi, Djibouti, Nicaragua, São Tomé and Príncipe or Timor-Leste, compact or in groups of
    four (``grouped`` None: either); ``valid`` False: the check digits are wrong."""
    country = country or r.choice(sorted(UNSUNG_IBAN_COUNTRIES))
    while True:
        parts: list[str] = []
        for kind, n in UNSUNG_IBAN_COUNTRIES[country]:
            if kind == "n":
                parts.append(rand(r, string.digits, n))
            elif kind == "c":
                parts.append(
                    "".join(r.choice(string.ascii_uppercase) if r.random() < 0.05 else r.choice(string.digits)
                            for _ in range(n))
                )  # fmt: skip
            else:
                parts.append(r.choice(_UNSUNG_BANKS[country]))
        bban = "".join(parts)
        check = iban_check_digits(country, bban)
        if country not in _UNSUNG_FIXED_CHECK or check == _UNSUNG_FIXED_CHECK[country]:
            break
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100 or 1
        while check in (right, (right + 97) % 100):
            check = (check + 1) % 100 or 1
    value = f"{country}{check:02d}{bban}"
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


# Regions whose people write numbers nationally with a trunk 0 (Afghanistan, Bosnia and Herzegovina); Hong Kong's,
# Côte d'Ivoire's, Papua New Guinea's, Haiti's, Brunei's and Guyana's national numbers name no country, so they are
# written here in international form only.
_UNSUNG_TRUNK = frozenset({"AF", "BA"})


def _unsung_valid_number(r: random.Random, region: str) -> phonenumbers.PhoneNumber:
    """A valid number of ``region``; Côte d'Ivoire's ten digits (since 2021) are drawn after an operator's or a fixed
    line's prefix (its example number's first three digits leave too few valid ones)."""
    if region != "CI":
        return _valid_number(r, region)
    for _ in range(500):
        digits = pick(r, "0707", "0505", "0102", "0140", "0757", "0545", "2722") + rand(r, string.digits, 6)
        number = phonenumbers.parse(f"+225{digits}")
        if phonenumbers.is_valid_number(number) and len(set(digits)) > 3:
            return number
    raise AssertionError("no valid number drawn for CI")


def unsung_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as people there write it: ``+``/``00``, E.164, ``(+CC)``, dashes, dots,
    the rest run together, Côte d'Ivoire's pairs, Haiti's ``3410-1234``, Bosnia's ``+387 61/123-456``, a ``(0)``
    trunk, or nationally with the trunk 0 (``070 123 4567``, ``061/123-456``). Checked: it parses back (with its
    region as default) to the same valid number."""
    region = r.choice(regions)
    number = _unsung_valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    digits = str(number.national_number)
    forms = [
        intl,
        phonenumbers.format_number(number, pnf.E164),
        "00" + _regroup(intl[1:], " "),
        f"({cc}) {rest}",
        f"{cc}-{_regroup(rest, '-')}",
        f"{cc} {digits}",
        f"{cc}.{_regroup(rest, '.')}",
    ]
    if region == "CI" and len(digits) == 10:
        forms.append(f"{cc} " + " ".join(digits[i : i + 2] for i in range(0, 10, 2)))
    if region == "HT" and len(digits) == 8:
        forms.append(f"{cc} {digits[:4]}-{digits[4:]}")
    if region == "BA":
        forms.append(f"{cc} {digits[:2]}/{digits[2:5]}-{digits[5:]}")
    if region in _UNSUNG_TRUNK:
        forms.append(f"{cc} (0){rest}")
    if region in _UNSUNG_TRUNK and not international_only:
        national = phonenumbers.format_number(number, pnf.NATIONAL)
        forms += [national, "0" + digits, _regroup(national, "-")]
        if region == "BA":
            forms.append(f"0{digits[:2]}/{digits[2:5]}-{digits[5:]}")
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.fullmatch(t)]
    return r.choice(choices)


def unsung_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number that is valid nowhere: a valid one of ``regions`` with a
    digit dropped or added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    return invalid_phone(r, tuple(g for g in regions if g != "CI"), (2, 5))  # CI's numbers: drawn apart, above


# Card ranges no other split draws (all pass Luhn): Indonesia's GPN (9360), RuPay's 508 and 607 and 652 ranges, Elo's
# 438935, 451416, 506727, 650031 and 650485, Mir's 2203, JCB's 3537, 3569 and 3575 with 16 to 19 digits, Amex,
# Mastercard's 2310, 2601 and 52, Visa's 41 and 47, Discover's 6011 and 65, UnionPay's 6214, 6253 and 6282 with 16 to
# 19 digits, Diners Club's 3095, Maestro's 6762 and Verve's 507900.
UNSUNG_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "gpn": (("9360",), (16, 19)),
    "rupay": (("508527", "607153", "652200"), (16,)),
    "elo": (("438935", "451416", "506727", "650031", "650485"), (16,)),
    "mir": (("2203",), (16,)),
    "jcb": (("3537", "3569", "3575"), (16, 17, 18, 19)),
    "amex": (("34", "37"), (15,)),
    "mastercard": (("2310", "2601", "52"), (16,)),
    "visa": (("41", "47"), (16,)),
    "discover": (("6011", "65"), (16, 19)),
    "unionpay": (("6214", "6253", "6282"), (16, 17, 18, 19)),
    "diners": (("3095",), (14, 16)),
    "maestro": (("6762",), (16, 19)),
    "verve": (("507900",), (16, 19)),
}


def unsung_card_number(r: random.Random, brand: str = "") -> str:
    return card_of_brand(r, UNSUNG_CARD_BRANDS, brand)


def unsung_card_groups(digits: str) -> list[int]:
    """The groups a card of this length is printed in: 15 as 4-6-5, 14 as 4-6-4, 17 as 4-4-4-5, 18 as 4-4-4-6,
    19 as 4-4-4-4-3, the rest by four."""
    sizes = {15: [4, 6, 5], 14: [4, 6, 4], 17: [4, 4, 4, 5], 18: [4, 4, 4, 6], 19: [4, 4, 4, 4, 3]}
    return sizes.get(len(digits), [4] * (len(digits) // 4))


def unsung_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) as it is printed, with spaces, dashes or nothing."""
    digits = unsung_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    return grouped(digits, unsung_card_groups(digits), sep)


def luhn_number(r: random.Random, prefix: str, length: int) -> str:
    """``length`` digits starting with ``prefix`` whose last digit makes them pass Luhn."""
    body = prefix + rand(r, string.digits, length - len(prefix) - 1)
    return body + _luhn_digit(body)


UNSUNG_HASH_FAMILIES = (
    "dcc2",
    "ldap_argon2",
    "es_pbkdf2",
    "simple_scrypt",
    "b64_bcrypt",
    "wildfly_digest",
    "gitea_pbkdf2",
    "kratos_pbkdf2",
    "java_pbkdf2",
    "bcrypt_2x",
    "sha512_crypt",
    "yescrypt",
    "argon2id",
)


def unsung_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family with that family's lengths and alphabets (``family`` empty: any): Windows cached
    domain credentials (``$DCC2$``), OpenLDAP's ``{ARGON2}``, Elasticsearch's ``{PBKDF2}`` and ``{PBKDF2_STRETCH}``,
    Go simple-scrypt's ``N$r$p$salt$key``, a bcrypt hash in base64 (Home Assistant, Caddy before 2.7), WildFly's
    ``mgmt-users.properties`` digest (32 hex digits), Gitea's PBKDF2 key (100 hex digits), Ory Kratos' PHC PBKDF2,
    the Java ``iterations:salt:hash`` PBKDF2 layout, crypt_blowfish's ``$2x$``, SHA-512 crypt with rounds,
    yescrypt and argon2id."""
    family = family or r.choice(UNSUNG_HASH_FAMILIES)
    if family == "dcc2":
        user = pick(r, "administrator", "anil.nair", "svc_backup", "ingrid.h", "wali")
        return f"$DCC2$10240#{user}#{r.randbytes(16).hex()}"
    if family == "ldap_argon2":
        salt, digest = b64(r.randbytes(16)).rstrip("="), b64(r.randbytes(32)).rstrip("=")
        return f"{{ARGON2}}$argon2id$v=19$m=65536,t=2,p=1${salt}${digest}"
    if family == "es_pbkdf2":
        scheme = pick(r, "{PBKDF2}", "{PBKDF2_STRETCH}")
        return f"{scheme}{pick(r, '10000', '1000')}${b64(r.randbytes(32))}${b64(r.randbytes(32))}"
    if family == "simple_scrypt":
        return f"16384$8$1${r.randbytes(16).hex()}${r.randbytes(32).hex()}"
    if family == "b64_bcrypt":
        return b64(f"$2a$14${rand(r, CRYPT64, 53)}".encode())
    if family == "wildfly_digest":
        return r.randbytes(16).hex()
    if family == "gitea_pbkdf2":
        return r.randbytes(50).hex()
    if family == "kratos_pbkdf2":
        salt, digest = b64(r.randbytes(16)).rstrip("="), b64(r.randbytes(32)).rstrip("=")
        return f"$pbkdf2-sha256$i={pick(r, '100000', '310000')},l=32${salt}${digest}"
    if family == "java_pbkdf2":
        return f"{pick(r, '1000', '65536', '120000')}:{r.randbytes(16).hex()}:{r.randbytes(32).hex()}"
    if family == "bcrypt_2x":
        return f"$2x${pick(r, '10', '11')}$" + rand(r, CRYPT64, 53)
    if family == "sha512_crypt":
        return f"$6$rounds={pick(r, '4096', '656000')}${rand(r, CRYPT64, 16)}$" + rand(r, CRYPT64, 86)
    if family == "yescrypt":
        return f"$y$j9T${rand(r, CRYPT64, 22)}${rand(r, CRYPT64, 43)}"
    assert family == "argon2id"
    salt, digest = b64(r.randbytes(32)).rstrip("="), b64(r.randbytes(32)).rstrip("=")
    return f"$argon2id$v=19$m=65540,t=3,p=4${salt}${digest}"


def unsung_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r, "Kozhikode", "Mandalay", "Enugu", "Kandahar", "Bergen", "Sarajevo", "Abidjan", "Kowloon", "Georgetown", "Lae"
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "$", "%", "")


def unsung_email(r: random.Random) -> str:
    """An address of the split's people: Malayali, Burmese, Igbo, Pashtun, Norwegian, Bosnian, Ivorian and Hong Kong
    names, with dots, digits, underscores, hyphens, plus tags and their places' providers."""
    first = pick(
        r,
        "anil.nair",
        "deepa.menon",
        "aung.kyaw",
        "thandar_win",
        "chinedu.okafor",
        "ngozi.eze",
        "wali.ahmadzai",
        "farishta.k",
        "ingrid.haugen",
        "emir.hodzic",
        "kouassi.yao",
        "ka-wai.chan",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'payouts', 'alerts', 'eval')}")
    domain = pick(
        r,
        "gmail.com",
        "online.no",
        "icloud.com",
        "proton.me",
        "outlook.com",
        "yahoo.com",
        "live.no",
        "zoho.com",
        "fastmail.com",
        "netvigator.com",
        "bih.net.ba",
    )
    return f"{local}@{domain}"


def unsung_tavily_key(r: random.Random) -> str:
    """A Tavily API key (``tvly-``, sometimes ``dev-``, and 32 letters and digits)."""
    return "tvly-" + pick(r, "", "dev-") + rand(r, ALNUM, 32)


def unsung_firecrawl_key(r: random.Random) -> str:
    """A Firecrawl API key (``fc-`` and 32 hex digits)."""
    return "fc-" + rand(r, HEX, 32)


def unsung_nvidia_key(r: random.Random) -> str:
    """An NVIDIA API catalog key (``nvapi-`` and 64 URL-safe characters)."""
    return "nvapi-" + rand(r, B64URL, 64)


def unsung_brevo_key(r: random.Random) -> str:
    """A Brevo (Sendinblue) API v3 key: ``xkeysib-``, 64 hex digits, ``-`` and 16 letters and digits."""
    return "xkeysib-" + rand(r, HEX, 64) + "-" + rand(r, ALNUM, 16)


def unsung_posthog_personal_key(r: random.Random) -> str:
    """A PostHog personal API key (``phx_`` and 47 letters and digits); the project key ``phc_`` is public."""
    return "phx_" + rand(r, ALNUM, 47)


def unsung_sentry_user_token(r: random.Random) -> str:
    """A Sentry user auth token (``sntryu_`` and 64 hex digits)."""
    return "sntryu_" + rand(r, HEX, 64)


def unsung_grafana_sa_token(r: random.Random) -> str:
    """A Grafana service-account token (``glsa_``, 32 letters and digits, ``_`` and an 8-hex checksum)."""
    return "glsa_" + rand(r, ALNUM, 32) + "_" + rand(r, HEX, 8)


def unsung_flutterwave_key(r: random.Random) -> str:
    """A Flutterwave live secret key (``FLWSECK-``, 32 hex digits, ``-X``)."""
    return "FLWSECK-" + rand(r, HEX, 32) + "-X"


def unsung_square_token(r: random.Random) -> str:
    """A Square production access token (``EAAA`` and 60 URL-safe characters)."""
    return "EAAA" + rand(r, B64URL, 60)


def unsung_braintree_token(r: random.Random) -> str:
    """A Braintree (PayPal) access token: ``access_token$production$``, the merchant id, ``$`` and 32 hex digits."""
    return f"access_token$production${rand(r, string.ascii_lowercase + string.digits, 16)}${rand(r, HEX, 32)}"


def unsung_nuget_key(r: random.Random) -> str:
    """A NuGet.org API key (``oy2`` and 43 lower-case letters and digits)."""
    return "oy2" + rand(r, string.ascii_lowercase + string.digits, 43)


def unsung_rubygems_key(r: random.Random) -> str:
    """A RubyGems.org API key (``rubygems_`` and 48 hex digits)."""
    return "rubygems_" + rand(r, HEX, 48)


def unsung_contentful_pat(r: random.Random) -> str:
    """A Contentful personal access token (``CFPAT-`` and 43 URL-safe characters)."""
    return "CFPAT-" + rand(r, B64URL, 43)


def unsung_figma_pat(r: random.Random) -> str:
    """A Figma personal access token (``figd_`` and 40 URL-safe characters)."""
    return "figd_" + rand(r, B64URL, 40)


def unsung_tailscale_key(r: random.Random) -> str:
    """A Tailscale auth key (``tskey-auth-``, the key id with ``CNTRL``, ``-`` and the 33-character secret)."""
    return "tskey-auth-k" + rand(r, ALNUM, 10) + "CNTRL-" + rand(r, ALNUM, 33)


def unsung_sourcegraph_token(r: random.Random) -> str:
    """A Sourcegraph access token (``sgp_``, a 16-hex instance id, ``_`` and 40 hex digits)."""
    return "sgp_" + rand(r, HEX, 16) + "_" + rand(r, HEX, 40)


def unsung_mapbox_token(r: random.Random, secret: bool = True) -> str:
    """A Mapbox token: ``sk.`` (secret) or ``pk.`` (public), base64url of the user and key id, ``.``, 22 characters."""
    claims = b64url(
        json.dumps(
            {"u": "acme-ai", "a": rand(r, string.ascii_lowercase + string.digits, 25)}, separators=(",", ":")
        ).encode()
    )
    return ("sk." if secret else "pk.") + claims + "." + rand(r, B64URL, 22)


def unsung_supabase_secret(r: random.Random) -> str:
    """A Supabase secret API key of the new kind (``sb_secret_`` and 31 URL-safe characters)."""
    return "sb_secret_" + rand(r, B64URL, 31)


def unsung_airtable_pat(r: random.Random) -> str:
    """An Airtable personal access token (``pat``, 14 letters and digits, ``.`` and 64 hex digits)."""
    return "pat" + rand(r, ALNUM, 14) + "." + rand(r, HEX, 64)


def unsung_asana_pat(r: random.Random) -> str:
    """An Asana personal access token (``2/``, the user id, ``/``, the token id, ``:`` and 32 hex digits)."""
    user, token = luhn_free_number(r, 10**15, 2 * 10**15), luhn_free_number(r, 10**15, 2 * 10**15)  # no card-like run
    return f"2/{user}/{token}:{rand(r, HEX, 32)}"


def unsung_okta_token(r: random.Random) -> str:
    """An Okta API token (``00`` and 40 URL-safe characters)."""
    return "00" + rand(r, B64URL, 40)


def unsung_hubspot_pat(r: random.Random) -> str:
    """A HubSpot private app token (``pat-``, the data centre, ``-`` and a UUID)."""
    return f"pat-{pick(r, 'na1', 'eu1')}-{uuid.UUID(int=r.getrandbits(128), version=4)}"


def unsung_mailchimp_key(r: random.Random) -> str:
    """A Mailchimp API key (32 hex digits, ``-us`` and the data centre)."""
    return rand(r, HEX, 32) + f"-us{r.randrange(1, 22)}"


def unsung_discord_bot_token(r: random.Random) -> str:
    """A Discord bot token: the base64 of the bot's snowflake id, ``.``, a 6-character time, ``.``, the HMAC."""
    bot_id = str(r.randrange(10**17, 13 * 10**17))
    return b64(bot_id.encode()).rstrip("=") + "." + rand(r, B64URL, 6) + "." + rand(r, B64URL, 38)


def unsung_yandex_iam_token(r: random.Random) -> str:
    """A Yandex Cloud IAM token (``t1.`` and two base64url parts)."""
    return "t1.9euelZ" + rand(r, B64URL, 110) + "." + rand(r, B64URL, 86)


def unsung_qianfan_key(r: random.Random) -> str:
    """A Baidu Qianfan (ERNIE) API key: ``bce-v3/ALTAK-``, the access key, ``/`` and 40 hex digits."""
    return "bce-v3/ALTAK-" + rand(r, ALNUM, 21) + "/" + rand(r, HEX, 40)


UNSUNG_IMEI_TACS = ("35290611", "35391110", "86891204", "35875609", "01326300")  # type allocation codes of handsets


def unsung_imei(r: random.Random) -> str:
    """A handset's IMEI: a type allocation code, a 6-digit serial and the Luhn check digit (15 digits, no card)."""
    return luhn_number(r, r.choice(UNSUNG_IMEI_TACS), 15)


def unsung_iccid(r: random.Random) -> str:
    """A SIM card's ICCID: ``89``, a country and issuer, the serial and the Luhn check digit (19 digits, no card)."""
    return luhn_number(r, pick(r, "89852", "89234", "8993", "89675"), 19)


# ---------------------------------------------------------------------------- the unlisted split's own values
#
# Written for the nineteenth split only, by a thirteenth session that did not read the rules; nothing above calls them,
# so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97 and the lengths of the IBANs these countries' banks print).

# IBAN countries no other split uses, with the BBAN's parts as (kind, length): ``n`` digits, ``b`` the bank's code
# (the West African Monetary Union's start with the country's letters), ``a`` a bank code in capital letters. Honduras
# is in the SWIFT registry; Benin, Togo, Senegal and Burkina Faso (UEMOA, 28 characters) and Cameroon and Madagascar
# (27 characters) print IBANs their central banks defined and that pass mod-97.
UNLISTED_IBAN_COUNTRIES: dict[str, tuple[tuple[str, int], ...]] = {
    "HN": (("a", 4), ("n", 20)),
    "BJ": (("b", 5), ("n", 5), ("n", 12), ("n", 2)),
    "TG": (("b", 5), ("n", 5), ("n", 12), ("n", 2)),
    "SN": (("b", 5), ("n", 5), ("n", 12), ("n", 2)),
    "BF": (("b", 5), ("n", 5), ("n", 12), ("n", 2)),
    "CM": (("n", 5), ("n", 5), ("n", 11), ("n", 2)),
    "MG": (("n", 5), ("n", 5), ("n", 11), ("n", 2)),
}
UNLISTED_IBAN_LENGTHS = {"HN": 28, "BJ": 28, "TG": 28, "SN": 28, "BF": 28, "CM": 27, "MG": 27}
_UNLISTED_HN_BANKS = ("CABF", "BACH", "BMIL", "FICH", "BATL")


def unlisted_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Honduras, Benin, Togo, Senegal, Burkina Faso, Cameroon or Madagascar, compact or in groups of four
    (``grouped`` None: either); ``valid`` False: the check digits are wrong."""
    country = country or r.choice(sorted(UNLISTED_IBAN_COUNTRIES))
    parts: list[str] = []
    for kind, n in UNLISTED_IBAN_COUNTRIES[country]:
        if kind == "n":
            parts.append(rand(r, string.digits, n))
        elif kind == "b":
            parts.append(country + rand(r, string.digits, n - 2))
        else:
            parts.append(r.choice(_UNLISTED_HN_BANKS))
    bban = "".join(parts)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100 or 1
        while check in (right, (right + 97) % 100):
            check = (check + 1) % 100 or 1
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNLISTED_IBAN_LENGTHS[country]
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


# Regions whose people write numbers nationally with a trunk 0 (Liberia, Sierra Leone), and Puerto Rico, whose numbers
# are North American ones (``(787) 234-5678``, ``1-787-234-5678``); Suriname's, Belize's, Benin's, Togo's and the
# Maldives' national numbers name no country, so they are written here in international form only.
_UNLISTED_TRUNK = frozenset({"LR", "SL"})


def _unlisted_valid_number(r: random.Random, region: str) -> phonenumbers.PhoneNumber:
    """A valid number of ``region``; Benin's ten digits (since 2024, ``01`` and eight more) are drawn whole (its example
    number's first three digits leave too few valid ones)."""
    if region != "BJ":
        return _valid_number(r, region)
    for _ in range(2000):
        digits = "01" + rand(r, string.digits, 8)
        number = phonenumbers.parse(f"+229{digits}")
        if phonenumbers.is_valid_number(number) and len(set(digits)) > 3:
            return number
    raise AssertionError("no valid number drawn for BJ")


def unlisted_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as people there write it: ``+``/``00``, E.164, ``(+CC)``, dashes, dots,
    the rest run together, Benin's and Togo's pairs, the Maldives' ``+960 771 2345``, Puerto Rico's ``1 (787)``
    forms, or nationally (``077 012 3456``, ``(025) 123456``, ``(787) 234-5678``). Checked: it parses back (with its
    region as default) to the same valid number."""
    region = r.choice(regions)
    number = _unlisted_valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    digits = str(number.national_number)
    if region == "BJ":  # its national number keeps the leading 0
        digits = "0" + digits if len(digits) == 9 else digits
    forms = [
        intl,
        phonenumbers.format_number(number, pnf.E164),
        "00" + _regroup(intl[1:], " "),
        f"({cc}) {rest}",
        f"{cc} {_regroup(rest, ' ')}",
        f"{cc}.{_regroup(rest, '.')}",
        f"{cc} {digits}",
    ]
    if region in ("BJ", "TG"):
        forms.append(f"{cc} " + " ".join(digits[i : i + 2] for i in range(0, len(digits), 2)))
        forms.append(f"{cc}-" + "-".join(digits[i : i + 2] for i in range(0, len(digits), 2)))
    if region == "PR":
        forms += [f"+1 ({digits[:3]}) {digits[3:6]}-{digits[6:]}", f"+1.{digits[:3]}.{digits[3:6]}.{digits[6:]}"]
        if not international_only:
            forms += [
                phonenumbers.format_number(number, pnf.NATIONAL),
                f"1-{digits[:3]}-{digits[3:6]}-{digits[6:]}",
                f"{digits[:3]}-{digits[3:6]}-{digits[6:]}",
                f"1 ({digits[:3]}) {digits[3:6]}-{digits[6:]}",
            ]
    if region in _UNLISTED_TRUNK and not international_only:
        national = phonenumbers.format_number(number, pnf.NATIONAL)
        bare = national.replace("(", "").replace(")", "")
        forms += [national, "0" + digits, bare, bare.replace(" ", "-")]
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.fullmatch(t)]
    return r.choice(choices)


def unlisted_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number that is valid nowhere: a valid one of ``regions`` (not
    Puerto Rico's, whose digits read as other NANP numbers) with a digit dropped or added, drawn until libphonenumber
    rejects it with its ``+`` and nationally in every region."""
    return invalid_phone(r, tuple(g for g in regions if g not in ("PR", "BJ")), (2, 5))


# Card ranges this split draws (all pass Luhn), printed with spaces, dashes, dots, no-break spaces, two spaces or
# nothing: Visa's 4539, 4916, 4485 and 4024007, Mastercard's 2300, 2452, 2699 and 5425, Amex, Discover's 6440 and
# 6500, JCB's 3528 and 3589, UnionPay's 6229 and 6288, Diners Club's 3056 and 3852, and national schemes: ArCa
# (Armenia, 9051), Aura (Brazil, 5078), Sorocred (627892), Cabal (589657), Argencard (501105), Cencosud (603493),
# Verve (506105, 506150) and Maestro's 6799.
UNLISTED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4539", "4916", "4485", "4024007"), (16,)),
    "mastercard": (("2300", "2452", "2699", "5425"), (16,)),
    "amex": (("34", "37"), (15,)),
    "discover": (("6440", "6500"), (16,)),
    "jcb": (("3528", "3589"), (16,)),
    "unionpay": (("6229", "6288"), (16, 19)),
    "diners": (("3056", "3852"), (14,)),
    "arca": (("9051",), (16,)),
    "aura": (("5078",), (16, 19)),
    "sorocred": (("627892",), (16,)),
    "cabal": (("589657",), (16,)),
    "argencard": (("501105",), (16,)),
    "cencosud": (("603493",), (16,)),
    "verve": (("506105", "506150"), (16, 19)),
    "maestro": (("6799",), (16, 19)),
}


def unlisted_card_number(r: random.Random, brand: str = "") -> str:
    return card_of_brand(r, UNLISTED_CARD_BRANDS, brand)


def unlisted_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) as it is printed: by four (15 as 4-6-5, 14 as 4-6-4, 19 as
    4-4-4-4-3) with a space, a dash, a dot, a no-break space, two spaces or nothing."""
    digits = unlisted_card_number(r, brand)
    sep = pick(r, " ", "-", ".", "\u00a0", "  ", "") if sep is None else sep
    return grouped(digits, unsung_card_groups(digits), sep)


UNLISTED_HASH_FAMILIES = (
    "scrypt_7",
    "dovecot_sha256_crypt",
    "cisco_type4",
    "phps",
    "domino6",
    "mariadb_ed25519",
    "firebase_scrypt",
    "bcrypt_2a_12",
    "bcrypt_2y_pfsense",
    "argon2id_owasp",
    "sha256_crypt_rounds",
    "discourse_pbkdf2",
)


def unlisted_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family with that family's lengths and alphabets (``family`` empty: any): libsodium's
    scrypt (``$7$``), Dovecot's ``{SHA256-CRYPT}``, Cisco's type 4 (43 characters of the crypt alphabet), PHP's
    salted MD5 (``$PHPS$``), Lotus Domino 6 (``(G...)``), MariaDB's ed25519 (43 base64 characters), Firebase's
    scrypt export (88 base64 characters), bcrypt with cost 12, pfSense's ``$2y$10$``, argon2id with OWASP's
    parameters, SHA-256 crypt with rounds and Discourse's PBKDF2 digest (64 hex digits)."""
    family = family or r.choice(UNLISTED_HASH_FAMILIES)
    if family == "scrypt_7":
        return f"$7$C6..../....{rand(r, CRYPT64, 16)}${rand(r, CRYPT64, 43)}"
    if family == "dovecot_sha256_crypt":
        return f"{{SHA256-CRYPT}}$5${rand(r, CRYPT64, 16)}${rand(r, CRYPT64, 43)}"
    if family == "cisco_type4":
        return rand(r, CRYPT64, 43)
    if family == "phps":
        return f"$PHPS${r.randbytes(7).hex()}${r.randbytes(16).hex()}"
    if family == "domino6":
        return f"(G{rand(r, ALNUM + '+/', 19)})"
    if family == "mariadb_ed25519":
        return b64(r.randbytes(32)).rstrip("=")
    if family == "firebase_scrypt":
        return b64(r.randbytes(64))
    if family == "bcrypt_2a_12":
        return "$2a$12$" + rand(r, CRYPT64, 53)
    if family == "bcrypt_2y_pfsense":
        return "$2y$10$" + rand(r, CRYPT64, 53)
    if family == "argon2id_owasp":
        salt, digest = b64(r.randbytes(16)).rstrip("="), b64(r.randbytes(32)).rstrip("=")
        return f"$argon2id$v=19$m=19456,t=2,p=1${salt}${digest}"
    if family == "sha256_crypt_rounds":
        return f"$5$rounds={pick(r, '535000', '80000')}${rand(r, CRYPT64, 16)}${rand(r, CRYPT64, 43)}"
    assert family == "discourse_pbkdf2"
    return r.randbytes(32).hex()


def unlisted_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r,
        "Mayaguez",
        "Paramaribo",
        "Belmopan",
        "Cotonou",
        "Kpalime",
        "Monrovia",
        "Makeni",
        "Maafushi",
        "Mary",
        "Surabaya",
        "Gqeberha",
        "Kashgar",
        "Esch",
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "$", "%", "*", "")


def unlisted_email(r: random.Random) -> str:
    """An address of the split's people: Puerto Rican, Surinamese, Belizean, Beninese, Togolese, Liberian, Sierra
    Leonean, Maldivian, Turkmen, Javanese, Xhosa, Uyghur and Luxembourgish names, with dots, digits, underscores,
    hyphens, plus tags and their places' providers."""
    first = pick(
        r,
        "yaritza.colon",
        "jan.pinas",
        "shanice_flowers",
        "koffi.agbodjan",
        "afi.amegah",
        "momo.kollie",
        "fatmata.kamara",
        "aishath.shiuna",
        "merdan.orazov",
        "sri.wahyuni",
        "siphokazi.mbeki",
        "dilnur.turdi",
        "jos.weber",
        "ahmed-nashid",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'evals', 'billing', 'labels')}")
    domain = pick(
        r,
        "gmail.com",
        "outlook.com",
        "yahoo.com",
        "icloud.com",
        "proton.me",
        "pt.lu",
        "post.lu",
        "sr.net",
        "btl.net",
        "dhivehinet.net.mv",
        "orange.sn",
        "hotmail.fr",
    )
    return f"{local}@{domain}"


def unlisted_upstage_key(r: random.Random) -> str:
    """An Upstage (Solar) API key: ``up_`` and 29 letters and digits."""
    return "up_" + rand(r, ALNUM, 29)


def unlisted_siliconflow_key(r: random.Random) -> str:
    """A SiliconFlow API key: ``sk-`` and 48 lower-case letters."""
    return "sk-" + rand(r, string.ascii_lowercase, 48)


def unlisted_moonshot_key(r: random.Random) -> str:
    """A Moonshot (Kimi) API key: ``sk-`` and 48 letters and digits (no OpenAI marker in it)."""
    while True:
        key = "sk-" + rand(r, ALNUM, 48)
        if "T3BlbkFJ" not in key:
            return key


def unlisted_anyscale_key(r: random.Random) -> str:
    """An Anyscale Endpoints key: ``esecret_`` and 26 lower-case letters and digits."""
    return "esecret_" + rand(r, string.ascii_lowercase + string.digits, 26)


def unlisted_octoai_token(r: random.Random) -> str:
    """An OctoAI token: a JWT (RS256) whose claims name the tenant and the token's kind."""
    header = {"typ": "JWT", "alg": "RS256", "kid": str(uuid.UUID(int=r.getrandbits(128), version=4))}
    claims = {
        "sub": str(uuid.UUID(int=r.getrandbits(128), version=4)),
        "tenantId": str(uuid.UUID(int=r.getrandbits(128), version=4)),
        "type": "userAccessToken",
        "iss": "https://identity.octoai.cloud",
        "iat": 1767225600 + r.randrange(10**6),
    }
    head = b64url(json.dumps(header, separators=(",", ":")).encode())
    body = b64url(json.dumps(claims, separators=(",", ":")).encode())
    return f"{head}.{body}.{b64url(r.randbytes(256))}"


def unlisted_predibase_key(r: random.Random) -> str:
    """A Predibase API token: ``pb_`` and 22 URL-safe characters."""
    return "pb_" + rand(r, B64URL, 22)


def unlisted_qdrant_key(r: random.Random) -> str:
    """A Qdrant Cloud database API key as this corpus draws it (54 letters, digits, ``-`` and ``_``), sent in an
    ``api-key`` header."""
    return rand(r, ALNUM, 8) + "-" + rand(r, ALNUM + "_", 45)


def unlisted_helicone_key(r: random.Random) -> str:
    """A Helicone API key: ``sk-helicone-`` and four groups of seven lower-case letters and digits."""
    return "sk-helicone-" + "-".join(rand(r, string.ascii_lowercase + string.digits, 7) for _ in range(4))


def unlisted_portkey_key(r: random.Random) -> str:
    """A Portkey API key as this corpus draws it (32 letters, digits, ``+`` and ``/``), sent in
    ``x-portkey-api-key``."""
    return rand(r, ALNUM + "+/", 32)


def unlisted_wandb_key(r: random.Random) -> str:
    """A Weights & Biases API key (40 hex digits)."""
    return rand(r, HEX, 40)


def unlisted_modal_token(r: random.Random, secret: bool = True) -> str:
    """A Modal token secret (``as-``) or its id (``ak-``, not secret by itself), each with 22 letters and digits."""
    return ("as-" if secret else "ak-") + rand(r, ALNUM, 22)


def unlisted_elevenlabs_key(r: random.Random) -> str:
    """An ElevenLabs API key: ``sk_`` and 48 hex digits."""
    return "sk_" + rand(r, HEX, 48)


def unlisted_sarvam_key(r: random.Random) -> str:
    """A Sarvam AI subscription key: ``sk_``, 8 lower-case letters and digits, ``_`` and 24 letters and digits."""
    return "sk_" + rand(r, string.ascii_lowercase + string.digits, 8) + "_" + rand(r, ALNUM, 24)


def unlisted_langfuse_key(r: random.Random, secret: bool = True) -> str:
    """A Langfuse secret key (``sk-lf-`` and a UUID) or its public key (``pk-lf-``, no secret)."""
    return ("sk-lf-" if secret else "pk-lf-") + str(uuid.UUID(int=r.getrandbits(128), version=4))


def unlisted_resend_key(r: random.Random) -> str:
    """A Resend API key: ``re_``, 8 letters and digits, ``_`` and 24 letters and digits."""
    return "re_" + rand(r, ALNUM, 8) + "_" + rand(r, ALNUM, 24)


def unlisted_netlify_token(r: random.Random) -> str:
    """A Netlify personal access token: ``nfp_`` and 36 letters and digits, then four hex digits."""
    return "nfp_" + rand(r, ALNUM, 36) + rand(r, HEX, 4)


def unlisted_fly_token(r: random.Random) -> str:
    """A Fly.io API token: ``FlyV1 fm2_`` and a long base64 macaroon."""
    return "FlyV1 fm2_" + b64(r.randbytes(r.randrange(180, 260))).rstrip("=")


def unlisted_render_key(r: random.Random) -> str:
    """A Render API key: ``rnd_`` and 32 letters and digits."""
    return "rnd_" + rand(r, ALNUM, 32)


def unlisted_cloudflare_token(r: random.Random) -> str:
    """A Cloudflare API token (40 letters, digits, ``-`` and ``_``)."""
    return rand(r, ALNUM + "-_", 40)


def unlisted_turso_token(r: random.Random) -> str:
    """A Turso database auth token: a JWT signed with EdDSA."""
    header = b64url(b'{"alg":"EdDSA","typ":"JWT"}')
    claims = {"a": "rw", "iat": 1767225600 + r.randrange(10**6), "id": str(uuid.UUID(int=r.getrandbits(128)))}
    return f"{header}.{b64url(json.dumps(claims, separators=(',', ':')).encode())}.{b64url(r.randbytes(64))}"


def unlisted_convex_key(r: random.Random) -> str:
    """A Convex deploy key: ``prod:``, the deployment's name, ``|`` and a base64 secret."""
    name = pick(r, "happy-otter", "quiet-heron", "brave-lynx") + "-" + str(r.randrange(100, 999))
    return f"prod:{name}|" + b64(r.randbytes(48)).rstrip("=")


def unlisted_order_number(r: random.Random) -> str:
    """An order number of 16 digits that fails Luhn (no card)."""
    return luhn_free_number(r, 10**15, 10**16)


# ---------------------------------------------------------------------------- the unheeded split's own values
#
# Written for the twentieth split only, by a fourteenth session that did not read the rules; nothing above calls them,
# so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97 and the lengths of the IBANs these countries' banks print).

# IBAN countries no other split uses, with the BBAN's parts as (kind, length): ``n`` digits, ``b`` the bank's code
# (the West African Monetary Union's start with the country's letters). Gabon, Congo, Chad and Equatorial Guinea
# (CEMAC, 27 characters), Côte d'Ivoire, Niger and Mali (UEMOA, 28 characters), Mozambique, Angola and Cape Verde (25
# characters) print IBANs their central banks defined and that pass mod-97.
UNHEEDED_IBAN_COUNTRIES: dict[str, tuple[tuple[str, int], ...]] = {
    "GA": (("n", 5), ("n", 5), ("n", 11), ("n", 2)),
    "CG": (("n", 5), ("n", 5), ("n", 11), ("n", 2)),
    "TD": (("n", 5), ("n", 5), ("n", 11), ("n", 2)),
    "GQ": (("n", 5), ("n", 5), ("n", 11), ("n", 2)),
    "CI": (("b", 5), ("n", 5), ("n", 12), ("n", 2)),
    "NE": (("b", 5), ("n", 5), ("n", 12), ("n", 2)),
    "ML": (("b", 5), ("n", 5), ("n", 12), ("n", 2)),
    "MZ": (("n", 4), ("n", 4), ("n", 11), ("n", 2)),
    "AO": (("n", 4), ("n", 4), ("n", 11), ("n", 2)),
    "CV": (("n", 4), ("n", 4), ("n", 11), ("n", 2)),
}
UNHEEDED_IBAN_LENGTHS = {
    "GA": 27,
    "CG": 27,
    "TD": 27,
    "GQ": 27,
    "CI": 28,
    "NE": 28,
    "ML": 28,
    "MZ": 25,
    "AO": 25,
    "CV": 25,
}


def unheeded_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Gabon, Congo, Chad, Equatorial Guinea, Côte d'Ivoire, Niger, Mali, Mozambique, Angola or Cape Verde,
    compact or in groups of four (``grouped`` None: either); ``valid`` False: the check digits are wrong."""
    country = country or r.choice(sorted(UNHEEDED_IBAN_COUNTRIES))
    parts: list[str] = []
    for kind, n in UNHEEDED_IBAN_COUNTRIES[country]:
        if kind == "n":
            parts.append(rand(r, string.digits, n))
        else:
            parts.append(country + rand(r, string.digits, n - 2))
    bban = "".join(parts)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100 or 1
        while check in (right, (right + 97) % 100):
            check = (check + 1) % 100 or 1
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNHEEDED_IBAN_LENGTHS[country]
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


# Regions whose people write numbers nationally with their leading 0 (Gabon's ``06 03 12 34``, Congo's ``06 123
# 4567``), Barbados and the Bahamas, whose numbers are North American ones (``(246) 250-1234``, ``1-242-359-1234``);
# Chad's, Djibouti's, Vanuatu's and Samoa's national numbers name no country, so they are written here in international
# form only. Vanuatu's and Samoa's fixed lines (five digits) are not drawn: only their mobiles.
_UNHEEDED_NATIONAL = frozenset({"GA", "CG"})
_UNHEEDED_NANP = frozenset({"BB", "BS"})


def _unheeded_valid_number(r: random.Random, region: str) -> phonenumbers.PhoneNumber:
    """A valid number of ``region``; Vanuatu's and Samoa's mobiles only, Gabon's and Congo's with their leading 0."""
    if region not in ("VU", "WS", "GA", "CG"):
        return _valid_number(r, region)
    kind = "MOBILE" if region in ("VU", "WS") or r.random() < 0.7 else "FIXED_LINE"
    example = phonenumbers.example_number_for_type(region, getattr(phonenumbers.PhoneNumberType, kind))
    assert example is not None
    national = phonenumbers.national_significant_number(example)
    for _ in range(2000):
        digits = national[:3] + rand(r, string.digits, len(national) - 3)
        number = phonenumbers.parse(f"+{example.country_code}{digits}")
        if phonenumbers.is_valid_number(number) and len(set(digits)) > 3:
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def unheeded_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as people there write it: ``+``/``00``, E.164, ``(+CC)``, dashes, dots,
    the rest run together, the pairs of Chad, Djibouti and Gabon, ``+1 (246)`` forms, or nationally (``06 03 12 34``,
    ``06-123-4567``, ``(242) 359-1234``, ``1-246-250-1234``). Checked: it parses back (with its region as default) to
    the same valid number."""
    region = r.choice(regions)
    number = _unheeded_valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    digits = phonenumbers.national_significant_number(number)
    forms = [
        intl,
        phonenumbers.format_number(number, pnf.E164),
        "00" + _regroup(intl[1:], " "),
        f"({cc}) {rest}",
        f"{cc}-{_regroup(rest, '-')}",
        f"{cc}.{_regroup(rest, '.')}",
        f"{cc} {digits}",
    ]
    if region in ("TD", "DJ", "GA") and len(digits) % 2 == 0:
        forms.append(f"{cc} " + " ".join(digits[i : i + 2] for i in range(0, len(digits), 2)))
        forms.append(f"{cc} " + ".".join(digits[i : i + 2] for i in range(0, len(digits), 2)))
    if region in _UNHEEDED_NANP:
        forms += [f"+1 ({digits[:3]}) {digits[3:6]}-{digits[6:]}", f"+1 {digits[:3]} {digits[3:6]} {digits[6:]}"]
        if not international_only:
            forms += [
                phonenumbers.format_number(number, pnf.NATIONAL),
                f"1-{digits[:3]}-{digits[3:6]}-{digits[6:]}",
                f"{digits[:3]}-{digits[3:6]}-{digits[6:]}",
                f"{digits[:3]}.{digits[3:6]}.{digits[6:]}",
            ]
    if region in _UNHEEDED_NATIONAL and not international_only:
        national = phonenumbers.format_number(number, pnf.NATIONAL)
        forms += [national, national.replace(" ", ""), national.replace(" ", "-"), national.replace(" ", ".")]
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.fullmatch(t)]
    return r.choice(choices)


def unheeded_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number that is valid nowhere: a valid one of ``regions`` (not
    the North American ones, nor Gabon's and Congo's with their leading 0) with a digit dropped or added, drawn until
    libphonenumber rejects it with its ``+`` and nationally in every region."""
    return invalid_phone(r, tuple(g for g in regions if g not in ("BB", "BS", "GA", "CG")), (2, 4))


# Card ranges this split draws (all pass Luhn): Visa's 4556, 4929, 4716 and 4532 (16 digits, and the old 13),
# Mastercard's 2221, 2720, 5204, 5356 and 5580, Amex, Discover's 6011, 6445 and 6587 (16 and 19 digits), JCB's 3531,
# 3562 and 3574, UnionPay's 6210 and 6259 (19 digits) and its 81 range (8100, 8141, 8171), Diners Club International's
# 3600 and 3800, Maestro's 5641 and 5869 (13, 16 and 19 digits) and Kyrgyzstan's Elcart (9417).
UNHEEDED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4556", "4929", "4716", "4532"), (16, 16, 13)),
    "mastercard": (("2221", "2720", "5204", "5356", "5580"), (16,)),
    "amex": (("34", "37"), (15,)),
    "discover": (("6011", "6445", "6587"), (16, 19)),
    "jcb": (("3531", "3562", "3574"), (16,)),
    "unionpay": (("6210", "6259"), (19,)),
    "unionpay81": (("8100", "8141", "8171"), (16,)),
    "diners": (("3600", "3800"), (14,)),
    "maestro": (("5641", "5869"), (13, 16, 19)),
    "elcart": (("9417",), (16,)),
}


def unheeded_card_number(r: random.Random, brand: str = "") -> str:
    return card_of_brand(r, UNHEEDED_CARD_BRANDS, brand)


def unheeded_card_groups(digits: str) -> list[int]:
    """How a card of this length is printed: 13 as 4-3-3-3, 14 as 4-6-4, 15 as 4-6-5, 19 as 6-13 (as Chinese banks
    print UnionPay) or 4-4-4-4-3, 16 by four."""
    n = len(digits)
    if n == 13:
        return [4, 3, 3, 3]
    if n == 14:
        return [4, 6, 4]
    if n == 15:
        return [4, 6, 5]
    if n == 19:
        return [6, 13] if digits.startswith("62") else [4, 4, 4, 4, 3]
    return [4, 4, 4, 4]


def unheeded_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) as it is printed, with a space, a dash, `` - ``, a narrow no-break
    space or nothing between its groups."""
    digits = unheeded_card_number(r, brand)
    sep = pick(r, " ", " ", "-", " - ", "\u202f", "") if sep is None else sep
    return grouped(digits, unheeded_card_groups(digits), sep)


UNHEEDED_HASH_FAMILIES = (
    "racf",
    "scrypt_tarsnap",
    "aix_ssha1",
    "bcrypt_2b_14",
    "argon2id_m65536",
    "ruby_scrypt",
    "hmailserver",
    "nt_hex",
    "argon2i_nov",
    "sha512_crypt_656000",
)


def unheeded_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family with that family's lengths and alphabets (``family`` empty: any): IBM RACF
    (``$racf$*USER*`` and 16 hex digits), a Tarsnap scrypt blob in base64 (``c2NyeXB0``), AIX's ``{ssha1}``, bcrypt
    with cost 14, argon2id with 64 MiB, the Ruby ``scrypt`` gem's ``400$8$1$salt$digest``, hMailServer's salted
    SHA-256 (70 hex digits), an NT hash (32 hex digits), argon2i of libargon2 1.0 (no ``v=``) and SHA-512 crypt with
    passlib's 656000 rounds."""
    family = family or r.choice(UNHEEDED_HASH_FAMILIES)
    if family == "racf":
        user = pick(r, "ACMEADM", "FTRUNNER", "VOICEOP", "IBMUSER")
        return f"$racf$*{user}*{r.randbytes(8).hex().upper()}"
    if family == "scrypt_tarsnap":
        blob = b"scrypt\x00" + bytes([14]) + (8).to_bytes(4, "big") + (1).to_bytes(4, "big") + r.randbytes(80)
        return b64(blob)
    if family == "aix_ssha1":
        return f"{{ssha1}}12${rand(r, CRYPT64, 16)}${rand(r, CRYPT64, 27)}"
    if family == "bcrypt_2b_14":
        return "$2b$14$" + rand(r, CRYPT64, 53)
    if family == "argon2id_m65536":
        salt, digest = b64(r.randbytes(16)).rstrip("="), b64(r.randbytes(32)).rstrip("=")
        return f"$argon2id$v=19$m=65536,t=3,p=4${salt}${digest}"
    if family == "ruby_scrypt":
        return f"400$8$1${r.randbytes(32).hex()}${r.randbytes(32).hex()}"
    if family == "hmailserver":
        return r.randbytes(3).hex() + r.randbytes(32).hex()
    if family == "nt_hex":
        return r.randbytes(16).hex()
    if family == "argon2i_nov":
        salt, digest = b64(r.randbytes(16)).rstrip("="), b64(r.randbytes(32)).rstrip("=")
        return f"$argon2i$m=4096,t=3,p=1${salt}${digest}"
    assert family == "sha512_crypt_656000"
    return f"$6$rounds=656000${rand(r, CRYPT64, 16)}${rand(r, CRYPT64, 86)}"


def unheeded_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r,
        "Libreville",
        "Brazzaville",
        "Ndjamena",
        "Tadjourah",
        "Bridgetown",
        "Nassau",
        "Luganville",
        "Apia",
        "Nyungwe",
        "Kazan",
        "Ollantay",
        "Chitungwiza",
        "Hulhumale",
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "$", "%", "&", "")


def unheeded_email(r: random.Random) -> str:
    """An address of the split's people: Gabonese, Congolese, Chadian, Djiboutian, Barbadian, Bahamian, ni-Vanuatu,
    Samoan, Rwandan, Tatar, Quechua, Shona and Maldivian names, with dots, digits, underscores, hyphens, plus tags and
    their places' providers."""
    first = pick(
        r,
        "nadege.mba",
        "bienvenu.ngoma",
        "mahamat.abakar",
        "hodan.djama",
        "kimberly_greaves",
        "deangelo.rolle",
        "jeanette.tari",
        "sefo.leaupepe",
        "uwase.aline",
        "ilnur.gabdrakhmanov",
        "yupanqui.quispe",
        "tendai.moyo",
        "mariyam-shifa",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'voice', 'ft', 'billing')}")
    domain = pick(
        r,
        "gmail.com",
        "outlook.com",
        "yahoo.fr",
        "icloud.com",
        "proton.me",
        "caribsurf.com",
        "batelnet.bs",
        "vanuatu.com.vu",
        "ipasifika.net",
        "mtn.co.rw",
        "yandex.ru",
        "zol.co.zw",
        "dhiraagu.com.mv",
    )
    return f"{local}@{domain}"


def unheeded_llamacloud_key(r: random.Random) -> str:
    """A LlamaCloud (LlamaParse) API key: ``llx-`` and 48 letters and digits."""
    return "llx-" + rand(r, ALNUM, 48)


def unheeded_e2b_key(r: random.Random) -> str:
    """An E2B sandbox API key: ``e2b_`` and 40 hex digits."""
    return "e2b_" + rand(r, HEX, 40)


def unheeded_browserbase_key(r: random.Random) -> str:
    """A Browserbase API key: ``bb_live_`` and 27 URL-safe characters."""
    return "bb_live_" + rand(r, B64URL, 27)


def unheeded_openpipe_key(r: random.Random) -> str:
    """An OpenPipe API key: ``opk_`` and 40 hex digits."""
    return "opk_" + rand(r, HEX, 40)


def unheeded_exa_key(r: random.Random) -> str:
    """An Exa search API key: a UUID, sent in ``x-api-key``."""
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def unheeded_serper_key(r: random.Random) -> str:
    """A Serper API key: 40 hex digits, sent in ``X-API-KEY``."""
    return rand(r, HEX, 40)


def unheeded_brave_key(r: random.Random) -> str:
    """A Brave Search API key: ``BSA`` and 28 letters, digits, ``-`` and ``_``, sent in ``X-Subscription-Token``."""
    return "BSA" + rand(r, ALNUM + "-_", 28)


def unheeded_mixedbread_key(r: random.Random) -> str:
    """A Mixedbread API key: ``mxb_`` and 40 letters and digits."""
    return "mxb_" + rand(r, ALNUM, 40)


def unheeded_nomic_key(r: random.Random) -> str:
    """A Nomic Atlas API key: ``nk-`` and 43 URL-safe characters."""
    return "nk-" + rand(r, B64URL, 43)


def unheeded_baseten_key(r: random.Random) -> str:
    """A Baseten API key: 8 letters and digits, a dot, 32 letters and digits (sent as ``Api-Key``)."""
    return rand(r, ALNUM, 8) + "." + rand(r, ALNUM, 32)


def unheeded_runpod_key(r: random.Random) -> str:
    """A RunPod API key: ``rpa_`` and 40 capital letters and digits."""
    return "rpa_" + rand(r, UPPER, 40)


def unheeded_lambda_key(r: random.Random) -> str:
    """A Lambda Cloud API key: ``secret_``, the key's name, ``_``, 32 hex digits, a dot and 32 letters and digits."""
    name = pick(r, "voice-gpu", "ft-runner", "acme-train")
    return f"secret_{name}_{rand(r, HEX, 32)}.{rand(r, ALNUM, 32)}"


def unheeded_daytona_key(r: random.Random) -> str:
    """A Daytona sandbox API key: ``dtn_`` and 64 hex digits."""
    return "dtn_" + rand(r, HEX, 64)


def unheeded_deepgram_key(r: random.Random) -> str:
    """A Deepgram API key (40 hex digits), sent as ``Authorization: Token``."""
    return rand(r, HEX, 40)


def unheeded_assemblyai_key(r: random.Random) -> str:
    """An AssemblyAI API key (32 hex digits), sent bare in ``authorization``."""
    return rand(r, HEX, 32)


def unheeded_cartesia_key(r: random.Random) -> str:
    """A Cartesia API key: ``sk_car_`` and 40 letters and digits, sent in ``X-API-Key``."""
    return "sk_car_" + rand(r, ALNUM, 40)


def unheeded_aleph_token(r: random.Random) -> str:
    """An Aleph Alpha API token: a JWT (HS256) whose claims name the user and the token's id."""
    header = b64url(b'{"alg":"HS256","typ":"JWT"}')
    claims = {"user_id": r.randrange(1000, 99999), "token_id": r.randrange(100, 9999)}
    return f"{header}.{b64url(json.dumps(claims, separators=(',', ':')).encode())}.{b64url(r.randbytes(32))}"


def unheeded_order_number(r: random.Random) -> str:
    """An order number of 16 digits that fails Luhn (no card)."""
    return luhn_free_number(r, 10**15, 10**16)


def unheeded_filetime(r: random.Random) -> str:
    """A Windows FILETIME of January 2026 (100 ns ticks since 1601; 18 digits) that fails Luhn."""
    seconds = 1767225600 + r.randrange(0, 31 * 86400) + 11644473600
    low = seconds * 10**7
    return luhn_free_number(r, low, low + 10**7)


def unheeded_luhn_filetime(r: random.Random) -> str:
    """A Windows FILETIME of January 2026 whose 18 digits happen to pass Luhn (a time, no card)."""
    while True:
        seconds = 1767225600 + r.randrange(0, 31 * 86400) + 11644473600
        digits = str(seconds * 10**7 + r.randrange(0, 10**7))
        if luhn_ok(digits):
            return digits


# ---------------------------------------------------------------------------- the unasked split's own values
#
# Written for the twenty-first split only, by a fifteenth session that did not read the rules; nothing above calls them,
# so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, the lengths of the IBANs these countries' banks print, hash lengths and alphabets).

# IBAN countries no other split uses, with the BBAN's parts as (kind, length): ``n`` digits, ``b`` the bank's code
# (Guinea-Bissau's starts with the country's letters). Algeria (26 characters), Morocco (28: bank, town, account and the
# two-digit RIB key), Iran (26: a three-digit bank code first), the Central African Republic and the Comoros (27, as in
# the rest of the CEMAC and BEAC zone) and Guinea-Bissau (25, UEMOA) print IBANs that pass mod-97.
UNASKED_IBAN_COUNTRIES: dict[str, tuple[tuple[str, int], ...]] = {
    "DZ": (("n", 3), ("n", 5), ("n", 12), ("n", 2)),
    "MA": (("n", 3), ("n", 3), ("n", 16), ("n", 2)),
    "IR": (("i", 3), ("n", 19)),
    "CF": (("n", 5), ("n", 5), ("n", 11), ("n", 2)),
    "KM": (("n", 5), ("n", 5), ("n", 11), ("n", 2)),
    "GW": (("b", 4), ("n", 4), ("n", 11), ("n", 2)),
}
UNASKED_IBAN_LENGTHS = {"DZ": 26, "MA": 28, "IR": 26, "CF": 27, "KM": 27, "GW": 25}
_UNASKED_IR_BANKS = ("012", "015", "016", "017", "054", "056", "062")  # Mellat, Sepah, Keshavarzi, Melli, Parsian...


def unasked_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Algeria, Morocco, Iran, the Central African Republic, the Comoros or Guinea-Bissau, compact or in
    groups of four (``grouped`` None: either); ``valid`` False: the check digits are wrong."""
    country = country or r.choice(sorted(UNASKED_IBAN_COUNTRIES))
    parts: list[str] = []
    for kind, n in UNASKED_IBAN_COUNTRIES[country]:
        if kind == "n":
            parts.append(rand(r, string.digits, n))
        elif kind == "i":
            parts.append(r.choice(_UNASKED_IR_BANKS))
        else:
            parts.append(country + rand(r, string.digits, n - 2))
    bban = "".join(parts)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100 or 1
        while check in (right, (right + 97) % 100):
            check = (check + 1) % 100 or 1
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNASKED_IBAN_LENGTHS[country]
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


# None of this split's regions (Seychelles, the Comoros, Lesotho, Eswatini, Mauritania, Burkina Faso, Timor-Leste and
# Bhutan) dials a trunk prefix at home, so a national number names no country: every number is written here in an
# international form (as these countries' own sites print them: Mauritania's, Burkina Faso's and Bhutan's eight digits
# in pairs, Lesotho's, Eswatini's and Timor-Leste's in fours, the Comoros' ``321 23 45``), never a dotted form that
# holds an IPv4-like run.
_UNASKED_PAIRS = frozenset({"MR", "BF", "BT"})
_UNASKED_FOURS = frozenset({"LS", "SZ", "TL"})


def unasked_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = True) -> str:
    """A valid number of one of ``regions`` in an international form: ``+``/``00``, E.164, ``(+CC)``, dashes, slashes,
    the rest run together, pairs or fours with spaces or dashes. ``international_only`` is accepted for the callers'
    sake: no form here is national. Checked: it parses back (with its region as default) to the same valid number and
    holds no run that reads as an IPv4 address."""
    del international_only
    region = r.choice(regions)
    number = _valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    digits = phonenumbers.national_significant_number(number)
    forms = [
        intl,
        phonenumbers.format_number(number, pnf.E164),
        "00" + _regroup(intl[1:], " "),
        f"00{number.country_code}{digits}",
        f"({cc}) {rest}",
        f"{cc}-{_regroup(rest, '-')}",
        f"{cc} {digits}",
        f"{cc}/{digits}",
        f"(00{number.country_code}) {rest}",
    ]
    if region in _UNASKED_PAIRS and len(digits) == 8:
        forms.append(f"{cc} " + "-".join(digits[i : i + 2] for i in range(0, 8, 2)))
        forms.append(f"{cc}-" + "-".join(digits[i : i + 2] for i in range(0, 8, 2)))
    if region in _UNASKED_FOURS and len(digits) == 8:
        forms.append(f"{cc} {digits[:4]}-{digits[4:]}")
        forms.append(f"00 {number.country_code} {digits[:4]} {digits[4:]}")
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unasked_phone_compact(r: random.Random, regions: tuple[str, ...]) -> str:
    """A valid number as a PBX's call records print it: E.164, or ``00`` and the digits run together."""
    region = r.choice(regions)
    number = _valid_number(r, region)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    text = pick(r, e164, "00" + e164[1:])
    assert _reads_back(text, region, number)
    return text


def unasked_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number that is valid nowhere: a valid one of ``regions`` with a
    digit dropped or added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    return invalid_phone(r, regions, (2, 4))


# Card ranges this split draws (all pass Luhn, none drawn by another split): Visa's 4176, 4462 and 4899, Mastercard's
# 5167, 5311, 2266 and 2598, Amex, JCB's 3540 and 3585, UnionPay's 6217 and 6235 (16 and 19 digits), Diners Club's
# 3052 and Discover's 6582; printed with spaces, dashes, dots, a no-break space or nothing between the groups.
UNASKED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4176", "4462", "4899"), (16,)),
    "mastercard": (("5167", "5311", "2266", "2598"), (16,)),
    "amex": (("34", "37"), (15,)),
    "jcb": (("3540", "3585"), (16,)),
    "unionpay": (("6217", "6235"), (16, 19)),
    "diners": (("3052",), (14,)),
    "discover": (("6582",), (16,)),
}


def unasked_card_number(r: random.Random, brand: str = "") -> str:
    return card_of_brand(r, UNASKED_CARD_BRANDS, brand)


def unasked_card_groups(digits: str) -> list[int]:
    """How a card of this length is printed: 14 as 4-6-4, 15 as 4-6-5, 19 as 4-4-4-4-3, 16 by four."""
    n = len(digits)
    if n == 14:
        return [4, 6, 4]
    if n == 15:
        return [4, 6, 5]
    if n == 19:
        return [4, 4, 4, 4, 3]
    return [4, 4, 4, 4]


def unasked_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) as it is printed, with a space, a dash, a dot, a no-break space or
    nothing between its groups."""
    digits = unasked_card_number(r, brand)
    sep = pick(r, " ", " ", "-", ".", "\u00a0", "") if sep is None else sep
    return grouped(digits, unasked_card_groups(digits), sep)


UNASKED_HASH_FAMILIES = (
    "fortigate_ak1",
    "sap_codvn_g",
    "oracle_des",
    "libscrypt_s1",
    "mssql_2000",
    "domino8",
    "cockroach_bcrypt",
    "neo4j_sha256",
    "bcrypt_sha256_v1",
    "solr_sha256",
    "zookeeper_digest",
)


def unasked_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family with that family's lengths and alphabets (``family`` empty: any): FortiOS'
    ``AK1`` (base64 of a 12-byte salt and a SHA-1), SAP's CODVN G ``USER$`` and 40 hex digits, Oracle 7-10g's DES
    hash (16 hex digits), libscrypt's ``$s1$0e0801$``, SQL Server 2000's ``0x0100`` (salt, then the mixed- and the
    upper-case SHA-1), Lotus Domino 8's ``(H...)``, CockroachDB's ``CRDB-BCRYPT$2a$``, Neo4j's ``SHA-256,hash,salt,
    1024``, passlib's ``$bcrypt-sha256$`` of version 1, Solr's ``security.json`` (base64 hash, a space, base64 salt) and
    a ZooKeeper digest ACL's ``user:base64(SHA-1)``."""
    family = family or r.choice(UNASKED_HASH_FAMILIES)
    if family == "fortigate_ak1":
        return "AK1" + b64(r.randbytes(12) + hashlib.sha1(r.randbytes(16)).digest())
    if family == "sap_codvn_g":
        user = pick(r, "DDIC", "SAP*", "VOICE_RFC", "BWREMOTE", "TMS_ADM")
        return f"{user}${hashlib.sha1(r.randbytes(16)).hexdigest().upper()}"
    if family == "oracle_des":
        return r.randbytes(8).hex().upper()
    if family == "libscrypt_s1":
        return f"$s1$0e0801${b64(r.randbytes(16))}${b64(r.randbytes(64))}"
    if family == "mssql_2000":
        salt = r.randbytes(4).hex().upper()
        return "0x0100" + salt + hashlib.sha1(r.randbytes(16)).hexdigest().upper() + r.randbytes(20).hex().upper()
    if family == "domino8":
        return "(H" + rand(r, ALNUM + "+/", 48) + ")"
    if family == "cockroach_bcrypt":
        salt, digest = _radix64(r.randbytes(16), BCRYPT64)[:22], _radix64(r.randbytes(23), BCRYPT64)[:31]
        return f"CRDB-BCRYPT$2a${pick(r, '10', '11')}${salt}{digest}"
    if family == "neo4j_sha256":
        return f"SHA-256,{r.randbytes(32).hex().upper()},{r.randbytes(16).hex().upper()},1024"
    if family == "bcrypt_sha256_v1":
        salt, digest = _radix64(r.randbytes(16), BCRYPT64)[:22], _radix64(r.randbytes(23), BCRYPT64)[:31]
        return f"$bcrypt-sha256${pick(r, '2a', '2b')},12${salt}${digest}"
    if family == "solr_sha256":
        return f"{b64(r.randbytes(32))} {b64(r.randbytes(32))}"
    assert family == "zookeeper_digest"
    user = pick(r, "super", "voice-admin", "kafka", "ops")
    return f"{user}:{b64(hashlib.sha1(r.randbytes(16)).digest())}"


def unasked_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r,
        "Mahe",
        "Moroni",
        "Maseru",
        "Mbabane",
        "Nouakchott",
        "Ouaga",
        "Dili",
        "Thimphu",
        "Antsirabe",
        "Khujand",
        "Teyateyaneng",
        "Ziguinchor",
        "Savaii",
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "$", "*", "?", "")


def unasked_email(r: random.Random) -> str:
    """An address of the split's people: Seychellois, Comorian, Basotho, Swazi, Mauritanian, Burkinabè, Timorese,
    Bhutanese, Malagasy, Tajik, Senegalese and Samoan names, with dots, digits, hyphens, underscores, plus tags and
    their places' providers."""
    first = pick(
        r,
        "marie-claire.hoareau",
        "fatima.said.ali",
        "palesa.mokoena",
        "sibusiso_dlamini",
        "mariem.mint.ahmed",
        "aminata.ouedraogo",
        "jacinta.da.costa",
        "tshering.wangmo",
        "rivo.rakotomalala",
        "firuza.rahimova",
        "moussa.diop",
        "sina.leota",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'cdr', 'sso', 'models')}")
    domain = pick(
        r,
        "gmail.com",
        "yahoo.fr",
        "outlook.com",
        "hotmail.fr",
        "icloud.com",
        "intelvision.sc",
        "comorestelecom.km",
        "leo.co.ls",
        "swazi.net",
        "mauritel.mr",
        "fasonet.bf",
        "timortelecom.tl",
        "druknet.bt",
        "moov.mg",
        "tojikiston.tj",
        "orange.sn",
        "samoa.ws",
    )
    return f"{local}@{domain}"


def unasked_coze_pat(r: random.Random) -> str:
    """A Coze personal access token: ``pat_`` and 64 letters and digits."""
    return "pat_" + rand(r, ALNUM, 64)


def unasked_friendli_token(r: random.Random) -> str:
    """A Friendli personal access token: ``flp_`` and 43 letters and digits."""
    return "flp_" + rand(r, ALNUM, 43)


def unasked_featherless_key(r: random.Random) -> str:
    """A Featherless API key: ``rc_`` and 64 hex digits."""
    return "rc_" + rand(r, HEX, 64)


def unasked_chutes_key(r: random.Random) -> str:
    """A Chutes API key: ``cpk_``, 32 hex digits, a dot, 32 hex digits, a dot and 32 letters and digits."""
    return f"cpk_{rand(r, HEX, 32)}.{rand(r, HEX, 32)}.{rand(r, ALNUM, 32)}"


def unasked_scaleway_key(r: random.Random) -> str:
    """A Scaleway secret key (what its Generative APIs take as a bearer): a UUID."""
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def unasked_sensenova_token(r: random.Random) -> str:
    """A SenseNova API token: an HS256 JWT the client signs with its secret key, naming the access key as issuer."""
    iat = 1_768_200_000 + r.randrange(10**6)
    claims = {"iss": rand(r, UPPER, 32), "exp": iat + 1800, "nbf": iat - 5}
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unasked_minimax_key(r: random.Random) -> str:
    """A MiniMax API key: an RS256 JWT naming the group, the user and the subject, with its empty phone and mail."""
    claims = {
        "GroupName": pick(r, "acme-voice", "acme-models"),
        "UserName": pick(r, "voice-bot", "cdr-summarizer"),
        "Account": "",
        "SubjectID": str(r.randrange(10**18, 2 * 10**18)),
        "Phone": "",
        "GroupID": str(r.randrange(10**18, 2 * 10**18)),
        "PageName": "",
        "Mail": "",
        "CreateTime": f"2026-01-{r.randrange(10, 28)} {r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:00",
        "TokenType": 1,
        "iss": "minimax",
    }
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT"}, claims, 256)


def unasked_stability_key(r: random.Random) -> str:
    """A Stability AI API key: ``sk-`` and 48 letters and digits (no OpenAI key: no ``T3BlbkFJ`` in it)."""
    while True:
        key = "sk-" + rand(r, ALNUM, 48)
        if "T3BlbkFJ" not in key:
            return key


def unasked_deepl_key(r: random.Random) -> str:
    """A DeepL API authentication key: a UUID, then ``:fx`` for the free API."""
    return f"{uuid.UUID(int=r.getrandbits(128), version=4)}{pick(r, ':fx', '')}"


def unasked_fal_key(r: random.Random) -> str:
    """A fal.ai key: the key's id (a UUID), a colon and its secret (32 hex digits), sent as ``Authorization: Key``."""
    return f"{uuid.UUID(int=r.getrandbits(128), version=4)}:{rand(r, HEX, 32)}"


def unasked_gladia_key(r: random.Random) -> str:
    """A Gladia API key (a UUID), sent in ``x-gladia-key``."""
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def unasked_hume_key(r: random.Random) -> str:
    """A Hume AI API key: 48 letters and digits, sent in ``X-Hume-Api-Key``."""
    return rand(r, ALNUM, 48)


def unasked_humanloop_key(r: random.Random) -> str:
    """A Humanloop API key: ``hl_sk_`` and 40 hex digits."""
    return "hl_sk_" + rand(r, HEX, 40)


def unasked_neptune_token(r: random.Random) -> str:
    """A Neptune API token: base64 of a JSON object with the API's address and a UUID key (one segment: no JWT)."""
    doc = {
        "api_address": "https://app.neptune.ai",
        "api_url": "https://app.neptune.ai",
        "api_key": str(uuid.UUID(int=r.getrandbits(128), version=4)),
    }
    return b64(json.dumps(doc, separators=(",", ":")).encode())


def unasked_clearml_secret(r: random.Random) -> str:
    """A ClearML API secret key: 64 letters and digits (its access key is 24 capital letters and digits)."""
    return rand(r, ALNUM, 64)


def unasked_mem0_key(r: random.Random) -> str:
    """A Mem0 platform API key: ``m0-`` and 40 letters and digits, sent as ``Authorization: Token``."""
    return "m0-" + rand(r, ALNUM, 40)


def unasked_zep_key(r: random.Random) -> str:
    """A Zep Cloud project API key: ``z_`` and a base64url JWT-like body of 120 characters, sent as ``Api-Key``."""
    return "z_" + rand(r, B64URL, 120)


def unasked_chroma_token(r: random.Random) -> str:
    """A Chroma Cloud API key: ``ck-`` and 44 letters and digits, sent in ``x-chroma-token``."""
    return "ck-" + rand(r, ALNUM, 44)


def unasked_turbopuffer_key(r: random.Random) -> str:
    """A turbopuffer API key: ``tpuf_`` and 32 letters and digits."""
    return "tpuf_" + rand(r, ALNUM, 32)


def unasked_apify_token(r: random.Random) -> str:
    """An Apify API token: ``apify_api_`` and 36 letters and digits."""
    return "apify_api_" + rand(r, ALNUM, 36)


def unasked_speechmatics_key(r: random.Random) -> str:
    """A Speechmatics API key: 32 letters and digits, sent as a bearer."""
    return rand(r, ALNUM, 32)


def unasked_order_number(r: random.Random) -> str:
    """An order number of 16 digits that fails Luhn (no card)."""
    return luhn_free_number(r, 10**15, 10**16)


def gs1_check_digit(body: str) -> str:
    """The GS1 mod-10 check digit (weights 3 and 1 from the right) of ``body``."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def unasked_sscc(r: random.Random) -> str:
    """A GS1 serial shipping container code (18 digits, extension digit 0, its GS1 check digit) whose digits happen to
    pass Luhn too: a pallet label's number, no card (no card starts with 0)."""
    while True:
        body = "0" + pick(r, "614141", "376104", "620000") + rand(r, string.digits, 10)
        digits = body + gs1_check_digit(body)
        if luhn_ok(digits):
            return digits


def upu_s10(r: random.Random, country: str) -> str:
    """A UPU S10 postal item number (``RR``/``EE``/``CP``, eight digits, the S10 check digit, the country): a tracking
    number, no phone."""
    body = rand(r, string.digits, 8)
    weights = (8, 6, 4, 2, 3, 5, 9, 7)
    check = 11 - sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
    check = {10: 0, 11: 5}.get(check, check)
    return f"{pick(r, 'RR', 'EE', 'CP', 'LX')}{body}{check}{country}"


def unasked_ulid(r: random.Random) -> str:
    """A ULID: 26 characters of Crockford's base32 (a time, then randomness)."""
    return pick(r, "01K", "01J") + rand(r, "0123456789ABCDEFGHJKMNPQRSTVWXYZ", 23)


# ---------------------------------------------------------------------------- the unbidden split's own values
#
# Written for the twenty-second split only, by a sixteenth session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, IBAN lengths, hash lengths and alphabets).

# IBAN countries this split draws (every registry country is drawn by some earlier split, so these are printed in
# shapes of their own instead: ``corpus`` and ``classes`` put them in SEPA XML, EPC QR payloads, MT940 ``:25:`` fields
# and camt.053 JSON): Montenegro (22), the Vatican (22), Kosovo (20), Palestine (29, four letters of the bank first),
# Greenland (18) and San Marino (27, a CIN letter first). The BBAN's parts as (kind, length): ``n`` digits, ``a``
# capital letters.
UNBIDDEN_IBAN_COUNTRIES: dict[str, tuple[tuple[str, int], ...]] = {
    "ME": (("n", 3), ("n", 13), ("n", 2)),
    "VA": (("n", 3), ("n", 15)),
    "XK": (("n", 4), ("n", 10), ("n", 2)),
    "PS": (("a", 4), ("n", 21)),
    "GL": (("n", 4), ("n", 9), ("n", 1)),
    "SM": (("a", 1), ("n", 5), ("n", 5), ("n", 12)),
}
UNBIDDEN_IBAN_LENGTHS = {"ME": 22, "VA": 22, "XK": 20, "PS": 29, "GL": 18, "SM": 27}


def unbidden_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Montenegro, the Vatican, Kosovo, Palestine, Greenland or San Marino, compact or in groups of four
    (``grouped`` None: either); ``valid`` False: the check digits are wrong (neither the right ones nor those 97
    apart)."""
    country = country or r.choice(sorted(UNBIDDEN_IBAN_COUNTRIES))
    parts = [
        rand(r, string.digits, n) if kind == "n" else rand(r, string.ascii_uppercase, n)
        for kind, n in UNBIDDEN_IBAN_COUNTRIES[country]
    ]
    bban = "".join(parts)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100 or 1
        while check in (right, (right + 97) % 100):
            check = (check + 1) % 100 or 1
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNBIDDEN_IBAN_LENGTHS[country]
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


# This split's regions: the Gambia, Guinea-Bissau, Equatorial Guinea, São Tomé and Príncipe, Eritrea, South Sudan,
# Burundi and Kiribati. Eritrea and South Sudan dial a trunk ``0`` at home, so a national number there names no country
# without its region: every number here is written in an international form (RFC 3966 ``tel:`` URIs, ``+`` or ``00``,
# Burundi's pairs, the others' threes, Eritrea's and South Sudan's ``(0)`` written after the country code), never with
# a dotted run that reads as an IPv4 address.
_UNBIDDEN_PAIRS = frozenset({"BI"})
_UNBIDDEN_TRUNK = frozenset({"ER", "SS"})


def unbidden_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = True) -> str:
    """A valid number of one of ``regions`` in an international form: ``tel:`` URIs, E.164, ``+``/``00`` with spaces,
    dashes or nothing, ``+CC (0)`` for the regions with a trunk prefix, pairs for Burundi. ``international_only`` is
    accepted for the callers' sake: no form here is national. Checked: it parses back (with its region as default) to
    the same valid number and holds no run that reads as an IPv4 address."""
    del international_only
    region = r.choice(regions)
    number = _valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    rfc = phonenumbers.format_number(number, pnf.RFC3966)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    digits = phonenumbers.national_significant_number(number)
    forms = [
        intl,
        rfc,
        rfc.removeprefix("tel:"),
        phonenumbers.format_number(number, pnf.E164),
        f"00{number.country_code} {rest}",
        f"00-{number.country_code}-{_regroup(rest, '-')}",
        f"{cc}  {rest}",
        f"[{cc}] {digits}",
    ]
    if region in _UNBIDDEN_TRUNK:
        forms.append(f"{cc} (0){rest}")
        forms.append(f"{cc} (0) {digits}")
    if region in _UNBIDDEN_PAIRS and len(digits) == 8:
        forms.append(f"{cc} " + "/".join(digits[i : i + 2] for i in range(0, 8, 2)))
    choices = [t for t in forms if _reads_back(t.removeprefix("tel:"), region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unbidden_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number that is valid nowhere: a valid one of ``regions`` with a
    digit dropped or added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    return invalid_phone(r, regions, (1, 3))


# Card ranges this split draws (all pass Luhn, none drawn by another split): Visa's 4024, 4263 and 4658, Mastercard's
# 2367 and 2411, Dankort's 5019, Troy's 9792 and Elo's 5090; printed in fours with spaces, dashes, slashes, a thin
# space or nothing between the groups.
UNBIDDEN_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4024", "4263", "4658"), (16,)),
    "mastercard": (("2367", "2411"), (16,)),
    "dankort": (("5019",), (16,)),
    "troy": (("9792",), (16,)),
    "elo": (("5090",), (16,)),
}


def unbidden_card_number(r: random.Random, brand: str = "") -> str:
    return card_of_brand(r, UNBIDDEN_CARD_BRANDS, brand)


def unbidden_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in groups of four, with a space, a dash, a slash, a thin space or
    nothing between them."""
    digits = unbidden_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "/", "\u2009", "") if sep is None else sep
    return grouped(digits, [4, 4, 4, 4], sep)


UNBIDDEN_HASH_FAMILIES = (
    "phpass_p",
    "phpbb3_h",
    "ds389_pbkdf2",
    "ldap_sha512",
    "ldap_sha256",
    "keycloak_pbkdf2",
)


def unbidden_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family with that family's lengths and alphabets (``family`` empty: any): phpass' ``$P$``
    (WordPress) and phpBB3's ``$H$`` (a cost letter, eight characters of salt, 22 of digest in crypt's base64), 389
    Directory Server's ``{PBKDF2_SHA256}`` (base64 of the iterations, a 64-byte salt and a 256-byte digest), LDAP's
    unsalted ``{SHA512}`` and ``{SHA256}`` (base64 of the digest) and Keycloak's stored credential (its ``secretData``
    and ``credentialData`` JSON: a base64 PBKDF2 digest and salt with the algorithm and its iterations)."""
    family = family or r.choice(UNBIDDEN_HASH_FAMILIES)
    if family in ("phpass_p", "phpbb3_h"):
        mark = "$P$" if family == "phpass_p" else "$H$"
        return mark + pick(r, "B", "9", "D") + rand(r, CRYPT64, 8) + rand(r, CRYPT64, 22)
    if family == "ds389_pbkdf2":
        return "{PBKDF2_SHA256}" + b64((30000).to_bytes(4, "big") + r.randbytes(64) + r.randbytes(256))
    if family == "ldap_sha512":
        return "{SHA512}" + b64(hashlib.sha512(r.randbytes(16)).digest())
    if family == "ldap_sha256":
        return "{SHA256}" + b64(hashlib.sha256(r.randbytes(16)).digest())
    assert family == "keycloak_pbkdf2"
    secret = {"value": b64(r.randbytes(64)), "salt": b64(r.randbytes(16)), "additionalParameters": {}}
    data = {"hashIterations": r.choice((27500, 210000)), "algorithm": pick(r, "pbkdf2-sha256", "pbkdf2-sha512")}
    return json.dumps({"secretData": json.dumps(secret), "credentialData": json.dumps(data)})


def unbidden_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r,
        "Banjul",
        "Bissau",
        "Malabo",
        "Bata",
        "Trindade",
        "Asmara",
        "Massawa",
        "Juba",
        "Gitega",
        "Bujumbura",
        "Tarawa",
        "Kinshasa",
        "Suva",
        "Nukualofa",
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "%", "&", "_", ".", "")


def unbidden_email(r: random.Random) -> str:
    """An address of the split's people: Gambian, Bissau-Guinean, Equatoguinean, São Toméan, Eritrean, South Sudanese,
    Burundian, I-Kiribati, Congolese, Fijian and Tongan names, with dots, digits, hyphens, underscores, plus tags and
    their places' providers."""
    first = pick(
        r,
        "fatou.jallow",
        "lamin_ceesay",
        "mamadu.balde",
        "obiang.nsue",
        "neusa.da.graca",
        "yonas.tesfamariam",
        "akuol.deng",
        "nduwimana.claudine",
        "teeta.tabane",
        "mbuyi.kabeya",
        "litia.vunibola",
        "sione.fifita",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'kyc', 'remit', 'docs')}")
    domain = pick(
        r,
        "gmail.com",
        "yahoo.com",
        "outlook.fr",
        "proton.me",
        "qcell.gm",
        "orange-bissau.gw",
        "getesa.gq",
        "cstome.net",
        "tse.com.er",
        "zain.ss",
        "econet.bi",
        "tskl.net.ki",
        "vodacom.cd",
        "connect.com.fj",
        "kalianet.to",
    )
    return f"{local}@{domain}"


def unbidden_deepinfra_key(r: random.Random) -> str:
    """A DeepInfra API token: 32 letters and digits, sent as a bearer."""
    return rand(r, ALNUM, 32)


def unbidden_novita_key(r: random.Random) -> str:
    """A Novita AI key: ``sk_`` and 43 base64url characters."""
    return "sk_" + rand(r, B64URL, 43)


def unbidden_sambanova_key(r: random.Random) -> str:
    """A SambaNova Cloud API key: a UUID, sent as a bearer."""
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def unbidden_hyperbolic_token(r: random.Random) -> str:
    """A Hyperbolic API key: an HS256 JWT naming the account's id and when it was made."""
    iat = 1_768_200_000 + r.randrange(10**6)
    claims = {"sub": rand(r, HEX, 24), "iat": iat}
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unbidden_xsuaa_token(r: random.Random) -> str:
    """An SAP BTP XSUAA access token (what AI Core's orchestration takes): RS256, for a service key's client."""
    iat = 1_768_200_000 + r.randrange(10**6)
    client = f"sb-{uuid.UUID(int=r.getrandbits(128), version=4)}!b{r.randrange(10000, 99999)}|aicore!b540"
    claims = {
        "jti": rand(r, HEX, 32),
        "ext_attr": {"enhancer": "XSUAA", "subaccountid": str(uuid.UUID(int=r.getrandbits(128), version=4))},
        "sub": client,
        "scope": ["uaa.resource"],
        "client_id": client,
        "cid": client,
        "grant_type": "client_credentials",
        "iat": iat,
        "exp": iat + 43199,
        "iss": "https://acme-remit.authentication.eu10.hana.ondemand.com/oauth/token",
        "zid": str(uuid.UUID(int=r.getrandbits(128), version=4)),
    }
    return _signed_jwt(
        r,
        {
            "alg": "RS256",
            "jku": "https://acme-remit.authentication.eu10.hana.ondemand.com/token_keys",
            "kid": "default-jwt-key-1",
            "typ": "JWT",
        },
        claims,
        256,
    )


def unbidden_wise_token(r: random.Random) -> str:
    """A Wise (TransferWise) API token: a UUID, sent as a bearer."""
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def unbidden_onfido_token(r: random.Random) -> str:
    """An Onfido API token: ``api_live.``, an 11-character id, a dot and 32 base64url characters, sent as ``Token
    token=``."""
    return f"api_live.{rand(r, B64URL, 11)}.{rand(r, B64URL, 32)}"


def unbidden_smileid_key(r: random.Random) -> str:
    """A Smile ID API key (what its signature is made with): a UUID."""
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def unbidden_termii_key(r: random.Random) -> str:
    """A Termii (SMS) API key: ``TL`` and 58 letters and digits."""
    return "TL" + rand(r, ALNUM, 58)


def unbidden_reference(r: random.Random) -> str:
    """A remittance reference of 16 digits that fails Luhn (no card) and starts with 2026."""
    while True:
        digits = "2026" + rand(r, string.digits, 12)
        if not luhn_ok(digits):
            return digits


def unbidden_imei(r: random.Random) -> str:
    """An IMEI: 15 digits with its Luhn check digit (a handset, no card: no card range starts with 35 and has 15
    digits)."""
    return luhn_number(r, pick(r, "35", "86", "01"), 15)


# ---------------------------------------------------------------------------- the unsought split's own values
#
# Written for the twenty-third split only, by a seventeenth session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, IBAN lengths, hash lengths and alphabets).

# IBAN countries this split draws (every registry country is drawn by some earlier split, so these are printed in
# shapes of their own instead: ``corpus`` and ``classes`` put them in SWIFT MT103 ``:59:`` fields, RFC 8905 ``payto://``
# URIs, Open Banking account JSON and a bank's CSV export): Libya (25: bank, branch, account), Yemen (30: four letters
# of the bank first), Andorra (24, an alphanumeric account), Monaco (27, as France's with its RIB key), Somalia (23) and
# Sudan (18). The BBAN's parts as (kind, length): ``n`` digits, ``a`` capital letters, ``c`` capitals and digits.
UNSOUGHT_IBAN_COUNTRIES: dict[str, tuple[tuple[str, int], ...]] = {
    "LY": (("n", 3), ("n", 3), ("n", 15)),
    "YE": (("a", 4), ("n", 4), ("n", 18)),
    "AD": (("n", 4), ("n", 4), ("c", 12)),
    "MC": (("n", 5), ("n", 5), ("c", 11), ("n", 2)),
    "SO": (("n", 4), ("n", 3), ("n", 12)),
    "SD": (("n", 2), ("n", 12)),
}
UNSOUGHT_IBAN_LENGTHS = {"LY": 25, "YE": 30, "AD": 24, "MC": 27, "SO": 23, "SD": 18}


def unsought_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Libya, Yemen, Andorra, Monaco, Somalia or Sudan, compact or in groups of four (``grouped`` None:
    either); ``valid`` False: the check digits are wrong (neither the right ones nor those 97 apart)."""
    country = country or r.choice(sorted(UNSOUGHT_IBAN_COUNTRIES))
    alphabet = {"n": string.digits, "a": string.ascii_uppercase, "c": string.ascii_uppercase + string.digits}
    bban = "".join(rand(r, alphabet[kind], n) for kind, n in UNSOUGHT_IBAN_COUNTRIES[country])
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100 or 1
        while check in (right, (right + 97) % 100):
            check = (check + 1) % 100 or 1
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNSOUGHT_IBAN_LENGTHS[country]
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


# This split's regions: Cabo Verde, Libya, Yemen, Turkmenistan, Andorra, Monaco, the Solomon Islands and Tonga. Libya,
# Yemen and Turkmenistan dial a trunk prefix at home (``0``, ``0`` and ``8``), so a national number there names no
# country without its region: every number here is written in an international form (``+`` or ``00``, dots are never
# used, Monaco's and Andorra's pairs and threes, ``(0)`` or ``(8)`` after the country code for the trunk regions, a
# ``+CC-`` prefix with the rest unbroken, and the ``tel:`` URI with an extension-free ``;phone-context``-free body).
_UNSOUGHT_TRUNK = {"LY": "0", "YE": "0", "TM": "8"}


def unsought_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = True) -> str:
    """A valid number of one of ``regions`` in an international form: E.164, ``+``/``00`` with spaces, dashes, a
    middle dot or nothing, ``+CC (trunk)`` for the regions with a trunk prefix, ``(+CC)`` in parentheses and
    ``+CC-digits``. ``international_only`` is accepted for the callers' sake: no form here is national. Checked: it
    parses back (with its region as default) to the same valid number and holds no run that reads as an IPv4
    address."""
    del international_only
    region = r.choice(regions)
    number = _valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    digits = phonenumbers.national_significant_number(number)
    forms = [
        intl,
        phonenumbers.format_number(number, pnf.E164),
        f"00{number.country_code}{digits}",
        f"00 {number.country_code} {rest}",
        f"({cc}) {rest}",
        f"{cc}-{digits}",
        f"{cc} {_regroup(rest, '-')}",
        f"{cc} {digits[:3]} {digits[3:]}",
    ]
    if region in _UNSOUGHT_TRUNK:
        forms.append(f"{cc} ({_UNSOUGHT_TRUNK[region]}){rest}")
    if region in ("MC", "AD") and len(digits) in (6, 8):
        forms.append(f"{cc} " + " ".join(digits[i : i + 2] for i in range(0, len(digits), 2)))
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unsought_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number that is valid nowhere: a valid one of ``regions`` with a
    digit dropped or added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    return invalid_phone(r, regions, (2, 5))


# Card ranges this split draws (all pass Luhn, none drawn by another split): Nigeria's Verve (5061, 650002 and 650021,
# 16 and 19 digits), Kyrgyzstan's Elcart (9417), Visa's 4571 and 4917, Mastercard's 2720 and 5425, JCB's 3588 and Amex's
# 3427; printed in fours (Amex 4-6-5, 19 digits 4-4-4-4-3) with no-break spaces, dots, two spaces or underscores.
UNSOUGHT_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "verve": (("5061", "650002", "650021"), (16, 19)),
    "elcart": (("9417",), (16,)),
    "visa": (("4571", "4917"), (16,)),
    "mastercard": (("2720", "5425"), (16,)),
    "jcb": (("3588",), (16,)),
    "amex": (("3427",), (15,)),
}


def unsought_card_number(r: random.Random, brand: str = "") -> str:
    return card_of_brand(r, UNSOUGHT_CARD_BRANDS, brand)


def unsought_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in its groups, with a no-break space, a dot, two spaces, an
    underscore, a space or nothing between them."""
    digits = unsought_card_number(r, brand)
    assert luhn_ok(digits)
    sep = pick(r, " ", "\u00a0", ".", "  ", "_", "") if sep is None else sep
    sizes = {15: [4, 6, 5], 16: [4, 4, 4, 4], 19: [4, 4, 4, 4, 3]}[len(digits)]
    return grouped(digits, sizes, sep)


UNSOUGHT_HASH_FAMILIES = (
    "sun_md5",
    "django_sha1",
    "django_md5",
    "radius_nt",
    "redis_acl",
    "kamailio_ha1",
)


def unsought_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family with that family's lengths and alphabets (``family`` empty: any): Sun's MD5 crypt
    (``$md5$``, eight characters of salt, ``$``, 22 of digest in crypt's base64), Django's unsalted SHA-1 and MD5
    (``sha1$$`` and ``md5$$`` with the hex digest), an NT hash as FreeRADIUS' ``NT-Password`` holds it (``0x`` and 32
    capital hex digits), a Redis ACL's ``#`` and SHA-256 hex digest, and Kamailio's ``ha1`` (the MD5 of
    user:realm:password, 32 hex digits)."""
    family = family or r.choice(UNSOUGHT_HASH_FAMILIES)
    if family == "sun_md5":
        return f"$md5${rand(r, CRYPT64, 8)}${rand(r, CRYPT64, 22)}"
    if family == "django_sha1":
        return "sha1$$" + hashlib.sha1(r.randbytes(12)).hexdigest()
    if family == "django_md5":
        return "md5$$" + hashlib.md5(r.randbytes(12)).hexdigest()
    if family == "radius_nt":
        return "0x" + hashlib.md5(r.randbytes(12)).hexdigest().upper()
    if family == "redis_acl":
        return "#" + hashlib.sha256(r.randbytes(12)).hexdigest()
    assert family == "kamailio_ha1"
    return hashlib.md5(r.randbytes(20)).hexdigest()


def unsought_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r,
        "Praia",
        "Mindelo",
        "Benghazi",
        "Misrata",
        "Aden",
        "Mukalla",
        "Ashgabat",
        "Mary",
        "Ordino",
        "Encamp",
        "Fontvieille",
        "Honiara",
        "Gizo",
        "Neiafu",
        "Gonaives",
        "Rotorua",
        "Lilongwe",
        "Cuttack",
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "%", "*", "-", "?", "")


def unsought_email(r: random.Random) -> str:
    """An address of the split's people: Cabo Verdean, Libyan, Yemeni, Turkmen, Andorran, Monegasque, Solomon Islander,
    Tongan, Haitian, Māori, Malawian, Odia and Kurdish names, with dots, digits, hyphens, plus tags and their places'
    providers."""
    first = pick(
        r,
        "djenifer.tavares",
        "nilton_semedo",
        "salma.elmabrouk",
        "abdulrahman.alhaddad",
        "arzuw.orazova",
        "meret_annayev",
        "nuria.cerqueda",
        "loic.pastor-gaggero",
        "john.maneipuri",
        "mele.taufa",
        "widline.pierre",
        "aroha.ngata",
        "chisomo.banda",
        "subhashree.mohanty",
        "rojda.amed",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'claims', 'visit', 'ride')}")
    domain = pick(
        r,
        "gmail.com",
        "outlook.com",
        "icloud.com",
        "cvtelecom.cv",
        "libyana.ly",
        "y.net.ye",
        "online.tm",
        "andorra.ad",
        "monaco.mc",
        "solomon.com.sb",
        "tcc.to",
        "hainet.net",
        "xtra.co.nz",
        "malawi.net",
        "rediffmail.com",
    )
    return f"{local}@{domain}"


def unsought_groq_key(r: random.Random) -> str:
    """A Groq API key: ``gsk_`` and 52 letters and digits."""
    return "gsk_" + rand(r, ALNUM, 52)


def unsought_ai21_key(r: random.Random) -> str:
    """An AI21 Studio API key: 32 letters and digits, sent as a bearer."""
    return rand(r, ALNUM, 32)


def unsought_daily_key(r: random.Random) -> str:
    """A Daily (video calls) REST API key: 64 hex digits, sent as a bearer."""
    return rand(r, HEX, 64)


def unsought_tomtom_key(r: random.Random) -> str:
    """A TomTom Maps API key: 32 letters and digits, sent as ``key=`` in the query."""
    return rand(r, ALNUM, 32)


def unsought_here_key(r: random.Random) -> str:
    """A HERE platform API key: 43 base64url characters, sent as ``apiKey=``."""
    return rand(r, B64URL, 43)


def unsought_razorpay_pair(r: random.Random) -> tuple[str, str]:
    """A Razorpay key id (``rzp_live_`` and 14 letters and digits) and its secret (24 letters and digits), sent with
    Basic auth."""
    return "rzp_live_" + rand(r, ALNUM, 14), rand(r, ALNUM, 24)


def unsought_mollie_key(r: random.Random) -> str:
    """A Mollie API key: ``live_`` and 30 letters and digits, sent as a bearer."""
    return "live_" + rand(r, ALNUM, 30)


def unsought_telnyx_key(r: random.Random) -> str:
    """A Telnyx API v2 key: ``KEY``, 32 capital hex digits, ``_`` and 22 letters and digits, sent as a bearer."""
    return "KEY" + rand(r, HEX, 32).upper() + "_" + rand(r, ALNUM, 22)


def unsought_plaid_secret(r: random.Random) -> str:
    """A Plaid secret: 30 hex digits (sent in the body next to a 24-hex client id)."""
    return rand(r, HEX, 30)


def unsought_vonage_secret(r: random.Random) -> str:
    """A Vonage (Nexmo) API secret: 16 letters and digits, next to an 8-hex API key."""
    return rand(r, ALNUM, 16)


def unsought_infobip_key(r: random.Random) -> str:
    """An Infobip API key: 32 hex digits, a dash and a UUID's 36 characters, sent as ``Authorization: App``."""
    return rand(r, HEX, 32) + "-" + str(uuid.UUID(int=r.getrandbits(128), version=4))


def unsought_teleport_token(r: random.Random) -> str:
    """A Teleport join token: 32 hex digits."""
    return rand(r, HEX, 32)


def unsought_zoom_token(r: random.Random) -> str:
    """A Zoom Server-to-Server OAuth access token: an HS512 JWT with the account's and app's ids."""
    iat = 1_768_200_000 + r.randrange(10**6)
    claims = {
        "aud": "https://oauth.zoom.us",
        "uid": rand(r, B64URL, 22),
        "ver": 10,
        "auid": rand(r, HEX, 64),
        "nbf": iat,
        "code": rand(r, B64URL, 34),
        "iss": "zm:cid:" + rand(r, ALNUM, 22),
        "gno": 0,
        "exp": iat + 3600,
        "type": 3,
        "iat": iat,
        "aid": rand(r, B64URL, 22),
    }
    return _signed_jwt(
        r, {"alg": "HS512", "v": "2.0", "kid": str(uuid.UUID(int=r.getrandbits(128), version=4))}, claims, 64
    )


def unsought_claim_number(r: random.Random) -> str:
    """An insurance claim number of 16 digits that fails Luhn (no card), starting with the year."""
    while True:
        digits = "2026" + rand(r, string.digits, 12)
        if not luhn_ok(digits):
            return digits


def unsought_npi(r: random.Random, regions: tuple[str, ...] = ()) -> str:
    """A US National Provider Identifier: ten digits whose check digit is the Luhn digit of ``80840`` and the first
    nine (a provider's public id; no card has ten digits), drawn until it is no valid number of ``regions``
    nationally nor anywhere with a ``+``."""
    while True:
        body = pick(r, "1", "2") + rand(r, string.digits, 8)
        npi = body + _luhn_digit("80840" + body)
        parsed = []
        for text, region in [(npi, g) for g in regions] + [("+" + npi, None)]:
            with contextlib.suppress(phonenumbers.NumberParseException):
                parsed.append(phonenumbers.parse(text, region))
        if not any(phonenumbers.is_valid_number(p) for p in parsed):
            return npi


def unsought_uuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


# ---------------------------------------------------------------------------- the unclaimed split's own values
#
# Written for the twenty-fourth split only, by an eighteenth session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97 and the national checks named below, hash lengths and alphabets).

# IBAN countries this split draws, printed in payment shapes no other split uses (``corpus`` and ``classes`` put them
# in Czech SPD payment strings, BezahlCode ``bank://`` URIs, Swiss QR-bill payloads, Slovenian UPN QR payloads and
# OFX statements, and a payroll's bank column): Czechia (24: bank, prefix and account, both with their mod-11 check),
# Germany (22), Austria (20), Switzerland and Liechtenstein (21, an alphanumeric account), Slovenia (19: its national
# check digits make the IBAN's check digits 56, as on every real Slovenian IBAN), Saint Lucia (32: four letters of the
# bank, then 24 letters and digits) and the British Virgin Islands (24). The BBAN's parts as (kind, length) or fixed
# text: ``n`` digits, ``a`` capital letters, ``c`` capitals and digits.
UNCLAIMED_IBAN_LENGTHS = {"CZ": 24, "DE": 22, "AT": 20, "CH": 21, "LI": 21, "SI": 19, "LC": 32, "VG": 24}
_UC_BANKS = {
    "CZ": ("0100", "0300", "0800", "2010", "0600", "5500", "3030", "6210"),
    "DE": ("37040044", "10010010", "50010517", "20041133", "43060967", "70150000"),
    "AT": ("12000", "20111", "32000", "14000", "60000", "20815"),
    "CH": ("00762", "04835", "09000", "00235", "30000", "31999"),
    "LI": ("08800", "08810", "08812"),
    "SI": ("02", "04", "05", "10", "19", "33", "61"),
    "LC": ("HEMM", "BOSL"),
    "VG": ("VPVG", "FCIB", "BVIB"),
}


def _cz_mod11(r: random.Random, weights: tuple[int, ...], zero_ok: bool) -> str:
    """Digits whose weighted sum is divisible by 11 (a Czech account prefix or number), the last weight being 1."""
    while True:
        body = rand(r, string.digits, len(weights) - 1)
        if not zero_ok and body.lstrip("0") == "":
            continue
        total = sum(int(d) * w for d, w in zip(body, weights, strict=False))
        last = (-total) % 11
        if last < 10:
            return body + str(last)


def _uc_bban(r: random.Random, country: str) -> str:
    bank = r.choice(_UC_BANKS[country])
    if country == "CZ":
        prefix = "000000" if r.random() < 0.6 else _cz_mod11(r, (10, 5, 8, 4, 2, 1), zero_ok=False)
        return bank + prefix + _cz_mod11(r, (6, 3, 7, 9, 10, 5, 8, 4, 2, 1), zero_ok=False)
    if country == "DE":
        return bank + rand(r, string.digits, 10)
    if country == "AT":
        return bank + rand(r, string.digits, 11)
    if country in ("CH", "LI"):  # mostly digits, zero-padded; a few banks end the account with letters
        tail = rand(r, string.ascii_uppercase, r.choice((1, 2))) if r.random() < 0.3 else ""
        zeros = "0" * r.randrange(0, 5)
        return bank + zeros + rand(r, string.digits, 12 - len(zeros) - len(tail)) + tail
    if country == "SI":
        body = bank + rand(r, string.digits, 11)
        for check in range(100):  # the national check digits that make the IBAN's own 56, as the banks issue them
            if iban_check_digits("SI", f"{body}{check:02d}") == 56:
                return f"{body}{check:02d}"
        raise AssertionError("no Slovenian check digits")
    if country == "LC":
        return bank + "000" + rand(r, string.digits, 21)
    return bank + rand(r, string.digits, 16)


def unclaimed_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Czechia, Germany, Austria, Switzerland, Liechtenstein, Slovenia, Saint Lucia or the British Virgin
    Islands, compact or in groups of four (``grouped`` None: either); ``valid`` False: the check digits are wrong
    (neither the right ones nor those 97 apart)."""
    country = country or r.choice(sorted(UNCLAIMED_IBAN_LENGTHS))
    bban = _uc_bban(r, country)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100 or 1
        while check in (right, (right + 97) % 100):
            check = (check + 1) % 100 or 1
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNCLAIMED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


# This split's regions: Saint Lucia, Grenada, Dominica, Saint Kitts and Nevis, Antigua and Barbuda, Saint Vincent and
# the Grenadines (all six in the North American plan, +1 and a three-digit area code), Palau (+680) and the Marshall
# Islands (+692), seven digits each with no trunk prefix. Every number is written in an international form: ``+1``
# with dashes, spaces, the area code in parentheses or nothing, ``00 1`` and ``001`` as a European dials it, ``tel:``
# URIs, and Palau's and the Marshall Islands' numbers as three and four digits or unbroken.
def unclaimed_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = True) -> str:
    """A valid number of one of ``regions`` in an international form. ``international_only`` is accepted for the
    callers' sake: no form here is national. Checked: it parses back (with its region as default) to the same valid
    number and holds no run that reads as an IPv4 address."""
    del international_only
    region = r.choice(regions)
    number = _valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    cc = f"+{number.country_code}"
    digits = phonenumbers.national_significant_number(number)
    if number.country_code == 1:
        area, exchange, line = digits[:3], digits[3:6], digits[6:]
        forms = [
            intl,
            phonenumbers.format_number(number, pnf.E164),
            f"+1 ({area}) {exchange}-{line}",
            f"+1-{area}-{exchange}-{line}",
            f"+1 {area} {exchange} {line}",
            f"00 1 {area} {exchange} {line}",
            f"001{digits}",
            f"tel:+1-{area}-{exchange}-{line}",
        ]
    else:
        head, tail = digits[:3], digits[3:]
        forms = [
            intl,
            phonenumbers.format_number(number, pnf.E164),
            f"{cc} {head} {tail}",
            f"{cc}-{head}-{tail}",
            f"({cc}) {digits}",
            f"00{number.country_code} {head} {tail}",
            f"tel:{cc}-{head}-{tail}",
        ]
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unclaimed_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number that is valid nowhere: a valid one of ``regions`` with a
    digit dropped or added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    return invalid_phone(r, regions, (3, 6))


# Card numbers this split draws: every scheme and most ranges are drawn by some earlier split, so these take BINs no
# split has drawn (Visa's 4147, 4400 and 4622, Mastercard's 2342, 2489, 2655 and 5143, Amex's 3714 and 3787, Discover's
# 6559, JCB's 3560 and UnionPay's 6222 and 6270) and are printed in shapes of their own: groups joined by an en dash, a
# middle dot or a figure space (copied from a PDF folio or a booking extranet), a card's magnetic-stripe track 1 and 2
# as a hotel's or a pharmacy's card reader logs them, and an EMV tag 5A (the PAN) in a terminal's TLV dump.
UNCLAIMED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4147", "4400", "4622"), (16,)),
    "mastercard": (("2342", "2489", "2655", "5143"), (16,)),
    "amex": (("3714", "3787"), (15,)),
    "discover": (("6559",), (16,)),
    "jcb": (("3560",), (16,)),
    "unionpay": (("6222", "6270"), (16, 19)),
}


def unclaimed_card_number(r: random.Random, brand: str = "") -> str:
    return card_of_brand(r, UNCLAIMED_CARD_BRANDS, brand)


def unclaimed_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in its groups (Amex 4-6-5, 19 digits 4-4-4-4-3, the rest by four),
    joined by an en dash, a middle dot, a figure space, a space, a dash or nothing."""
    digits = unclaimed_card_number(r, brand)
    assert luhn_ok(digits)
    sep = pick(r, "\u2013", "\u00b7", "\u2007", " ", "-", "") if sep is None else sep
    sizes = {15: [4, 6, 5], 16: [4, 4, 4, 4], 19: [4, 4, 4, 4, 3]}[len(digits)]
    return grouped(digits, sizes, sep)


def unclaimed_track(r: random.Random, track: int = 0) -> str:
    """A card's magnetic-stripe data as a reader emits it (``track`` 1 or 2, 0: either): track 1 ``%B`` PAN ``^``
    SURNAME/GIVEN ``^`` YYMM, service code and discretionary data ``?``; track 2 ``;`` PAN ``=`` YYMM, service code and
    discretionary data ``?``."""
    pan = unclaimed_card_number(r, pick(r, "visa", "mastercard", "discover"))
    expiry = f"{r.randrange(26, 31)}{r.randrange(1, 13):02d}"
    service = pick(r, "101", "201", "221")
    track = track or r.choice((1, 2))
    if track == 1:
        name = pick(r, "JOSEPH/KEZIA", "CHARLES/SHERNELL", "LIBURD/TAVON", "NGIRMANG/LORRAINE", "KABUA/JEBRO")
        return f"%B{pan}^{name}^{expiry}{service}{rand(r, string.digits, 13)}?"
    return f";{pan}={expiry}{service}{rand(r, string.digits, 13)}?"


def unclaimed_emv_tlv(r: random.Random) -> str:
    """An EMV terminal's TLV dump of a chip read: the amount (9F02), the PAN under tag 5A (eight bytes, the sixteen
    digits in the clear), the expiry (5F24) and the PAN sequence number (5F34)."""
    pan = unclaimed_card_number(r, pick(r, "visa", "mastercard", "jcb"))
    amount = f"{r.randrange(100, 99999):012d}"
    return f"9F0206{amount}5A08{pan}5F2403{r.randrange(26, 31)}{r.randrange(1, 13):02d}315F340101"


UNCLAIMED_HASH_FAMILIES = (
    "mybb",
    "xenforo",
    "bugzilla",
    "centreon",
    "magento1",
    "aix_smd5",
)


def unclaimed_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family with that family's lengths and alphabets (``family`` empty: any): MyBB's salted
    MD5 (32 hex digits, ``:`` and the eight-character salt, as exported), XenForo 1's PHP-serialized
    ``xf_user_authenticate`` data (its SHA-256 scheme with a 64-hex salt, or its bcrypt scheme), Bugzilla's
    ``bz_crypt`` (an eight-character salt, the base64 SHA-256 without padding and ``{SHA-256}``), Centreon's
    ``contact_passwd`` (``md5__`` or ``sha1__`` and the hex digest), Magento 1.9's salted SHA-256 (64 hex digits,
    ``:`` and a 32-character salt) and AIX's ``{smd5}`` (eight characters of salt, ``$``, 22 of digest in crypt's
    base64)."""
    family = family or r.choice(UNCLAIMED_HASH_FAMILIES)
    if family == "mybb":
        return hashlib.md5(r.randbytes(12)).hexdigest() + ":" + rand(r, ALNUM, 8)
    if family == "xenforo":
        if r.random() < 0.5:
            digest, salt = hashlib.sha256(r.randbytes(12)).hexdigest(), hashlib.sha256(r.randbytes(12)).hexdigest()
            return f'a:3:{{s:4:"hash";s:64:"{digest}";s:4:"salt";s:64:"{salt}";s:8:"hashFunc";s:6:"sha256";}}'
        return f'a:1:{{s:4:"hash";s:60:"$2y$10${rand(r, CRYPT64, 53)}";}}'
    if family == "bugzilla":
        return rand(r, ALNUM, 8) + b64(hashlib.sha256(r.randbytes(12)).digest()).rstrip("=") + "{SHA-256}"
    if family == "centreon":
        if r.random() < 0.7:
            return "md5__" + hashlib.md5(r.randbytes(12)).hexdigest()
        return "sha1__" + hashlib.sha1(r.randbytes(12)).hexdigest()
    if family == "magento1":
        return hashlib.sha256(r.randbytes(12)).hexdigest() + ":" + rand(r, ALNUM, 32)
    assert family == "aix_smd5"
    return f"{{smd5}}{rand(r, CRYPT64, 8)}${rand(r, CRYPT64, 22)}"


def unclaimed_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r,
        "Castries",
        "Soufriere",
        "Grenville",
        "Carriacou",
        "Roseau",
        "Portsmouth",
        "Basseterre",
        "Charlestown",
        "Falmouth",
        "Kingstown",
        "Bequia",
        "Koror",
        "Melekeok",
        "Majuro",
        "Ebeye",
        "Gaborone",
        "Klaksvik",
        "Larkana",
        "Thimphu",
        "Goroka",
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "")


def unclaimed_email(r: random.Random) -> str:
    """An address of the split's people: Saint Lucian, Grenadian, Dominican, Kittitian, Antiguan, Vincentian, Palauan,
    Marshallese, Motswana, Faroese, Sindhi, Bhutanese and Papua New Guinean names, with dots, digits, hyphens, plus tags
    and their places' providers."""
    first = pick(
        r,
        "kezia.joseph",
        "marcus.jn-baptiste",
        "shernell.charles",
        "ronnie.st.jean",
        "tavon.liburd",
        "latoya.samuel",
        "kemron_cato",
        "lorraine.ngirmang",
        "jebro.kabua",
        "kagiso.molefe",
        "joannes.joensen",
        "sassui.memon",
        "tshering.wangmo",
        "kila.wari",
        "naledi_sebina",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'payroll', 'rx', 'stay')}")
    domain = pick(
        r,
        "gmail.com",
        "outlook.com",
        "yahoo.com",
        "candw.lc",
        "spiceisle.com",
        "cwdom.dm",
        "sisterisles.kn",
        "candw.ag",
        "vincysurf.com",
        "palaunet.com",
        "ntamar.net",
        "botsnet.bw",
        "olivant.fo",
        "druknet.bt",
        "datec.net.pg",
    )
    return f"{local}@{domain}"


def unclaimed_uuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def unclaimed_fal_key(r: random.Random) -> str:
    """A fal.ai API key: a UUID, ``:`` and 32 hex digits (sent as ``Authorization: Key ...``)."""
    return f"{unclaimed_uuid(r)}:{rand(r, HEX, 32)}"


def unclaimed_bfl_key(r: random.Random) -> str:
    """A Black Forest Labs API key: a UUID, sent in the ``x-key`` header."""
    return unclaimed_uuid(r)


def unclaimed_cf_aig_token(r: random.Random) -> str:
    """A Cloudflare API token for an authenticated AI Gateway: 40 letters, digits, ``_`` and ``-`` (sent as
    ``cf-aig-authorization: Bearer ...``)."""
    return rand(r, ALNUM + "_-", 40)


def unclaimed_mercadopago_token(r: random.Random) -> str:
    """A Mercado Pago production access token: ``APP_USR-``, the application's 16 digits, a six-digit date, 32 hex
    digits and the user's id."""
    return (
        f"APP_USR-{rand(r, string.digits, 16)}-{r.randrange(10, 13)}{r.randrange(10, 29)}{r.randrange(10, 24)}-"
        f"{rand(r, HEX, 32)}-{r.randrange(10**8, 10**9)}"
    )


def unclaimed_axiom_token(r: random.Random) -> str:
    """An Axiom API token: ``xaat-`` and a UUID."""
    return f"xaat-{unclaimed_uuid(r)}"


def unclaimed_paddle_key(r: random.Random) -> str:
    """A Paddle Billing live API key: ``pdl_live_apikey_``, a ULID and the secret part."""
    crockford = "0123456789abcdefghjkmnpqrstvwxyz"
    return f"pdl_live_apikey_01{rand(r, crockford, 24)}_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 3)}"


def unclaimed_xendit_key(r: random.Random) -> str:
    """A Xendit secret key: ``xnd_production_`` and 60 letters and digits (sent as the Basic user, no password)."""
    return "xnd_production_" + rand(r, ALNUM, 60)


def unclaimed_midtrans_key(r: random.Random) -> str:
    """A Midtrans server key: ``Mid-server-`` and 24 letters, digits, ``-`` and ``_`` (sent as the Basic user)."""
    return "Mid-server-" + rand(r, ALNUM + "-_", 24)


def unclaimed_plivo_pair(r: random.Random) -> tuple[str, str]:
    """A Plivo auth id (``MA`` and 18 capitals and digits) and its auth token (40 letters and digits)."""
    return "MA" + rand(r, UPPER, 18), rand(r, ALNUM, 40)


def unclaimed_stytch_pair(r: random.Random) -> tuple[str, str]:
    """A Stytch project id and secret, sent with Basic auth."""
    return f"project-live-{unclaimed_uuid(r)}", "secret-live-" + rand(r, B64URL, 36)


def unclaimed_launchdarkly_token(r: random.Random) -> str:
    """A LaunchDarkly REST API access token (``api-`` and a UUID; sent as ``Authorization`` with no scheme)."""
    return f"api-{unclaimed_uuid(r)}"


def unclaimed_statsig_secret(r: random.Random) -> str:
    """A Statsig server secret key: ``secret-`` and 43 letters and digits."""
    return "secret-" + rand(r, ALNUM, 43)


def unclaimed_mews_token(r: random.Random) -> str:
    """A Mews Connector API token: 32 capital hex digits, ``-`` and 31 more."""
    return rand(r, HEX, 32).upper() + "-" + rand(r, HEX, 31).upper()


def unclaimed_cloudinary_url(r: random.Random) -> str:
    """A Cloudinary environment URL: the API key (15 digits) and secret (27 characters) as the URL's user-info."""
    return (
        f"cloudinary://{rand(r, string.digits, 15)}:{rand(r, ALNUM + '-_', 27)}@{pick(r, 'pitons-stays', 'rx-labels')}"
    )


def unclaimed_aiven_token(r: random.Random) -> str:
    """An Aiven API token as its client sends it (``aivenv1`` scheme): a long base64 string."""
    return b64(r.randbytes(180))


def unclaimed_lemonsqueezy_key(r: random.Random) -> str:
    """A Lemon Squeezy API key: a Laravel Passport RS256 JWT (the API's client as audience, the user as subject)."""
    iat = 1_768_200_000 + r.randrange(10**6)
    claims = {
        "aud": "94d59cef-dbb8-4ea5-b178-d2540fcd6919",
        "jti": rand(r, HEX, 80),
        "iat": iat + round(r.random(), 6),
        "nbf": iat + round(r.random(), 6),
        "exp": iat + 31_536_000 + round(r.random(), 6),
        "sub": str(r.randrange(10**5, 10**7)),
        "scopes": [],
    }
    return _signed_jwt(r, {"typ": "JWT", "alg": "RS256"}, claims, 256)


def unclaimed_asc_token(r: random.Random) -> str:
    """An App Store Connect API token: ES256, the key id in the header, the issuer's UUID and ``appstoreconnect-v1``."""
    iat = 1_768_200_000 + r.randrange(10**6)
    claims = {"iss": unclaimed_uuid(r), "iat": iat, "exp": iat + 1200, "aud": "appstoreconnect-v1"}
    return _signed_jwt(r, {"alg": "ES256", "kid": rand(r, UPPER, 10), "typ": "JWT"}, claims, 64)


def unclaimed_twilio_access_token(r: random.Random) -> str:
    """A Twilio Access Token for a front desk's softphone: HS256 with ``cty: twilio-fpa;v=1``, an API key as issuer,
    the account as subject and a voice grant."""
    iat = 1_768_200_000 + r.randrange(10**6)
    key = "SK" + rand(r, HEX, 32)
    claims = {
        "jti": f"{key}-{iat}",
        "grants": {"identity": f"frontdesk-{r.randrange(1, 40):02d}", "voice": {"incoming": {"allow": True}}},
        "iat": iat,
        "exp": iat + 3600,
        "iss": key,
        "sub": "AC" + rand(r, HEX, 32),
    }
    return _signed_jwt(r, {"typ": "JWT", "alg": "HS256", "cty": "twilio-fpa;v=1"}, claims, 32)


def unclaimed_gha_oidc_token(r: random.Random) -> str:
    """A GitHub Actions OIDC token a workflow exchanges for cloud credentials: RS256, the repository and ref as
    subject."""
    iat = 1_768_200_000 + r.randrange(10**6)
    repo = pick(r, "pitons-stays/payroll-export", "pitons-stays/rate-sync", "rx-island/dispense-api")
    claims = {
        "jti": unclaimed_uuid(r),
        "sub": f"repo:{repo}:ref:refs/heads/main",
        "aud": "sts.amazonaws.com",
        "ref": "refs/heads/main",
        "sha": rand(r, HEX, 40),
        "repository": repo,
        "repository_owner": repo.split("/")[0],
        "run_id": str(r.randrange(10**9, 10**10)),
        "event_name": "push",
        "iss": "https://token.actions.githubusercontent.com",
        "nbf": iat - 5,
        "exp": iat + 300,
        "iat": iat,
    }
    return _signed_jwt(r, {"typ": "JWT", "alg": "RS256", "kid": rand(r, HEX, 40)}, claims, 256)


def unclaimed_folio(r: random.Random) -> str:
    """A hotel folio number: 16 digits starting with the property code that fail Luhn (no card) and read as no valid
    number anywhere with a ``+``."""
    while True:
        digits = pick(r, "7580", "4730", "2680") + rand(r, string.digits, 12)
        with contextlib.suppress(phonenumbers.NumberParseException):
            if phonenumbers.is_valid_number(phonenumbers.parse("+" + digits)):
                continue
        if not luhn_ok(digits):
            return digits


def unclaimed_gtin(r: random.Random, regions: tuple[str, ...] = ()) -> str:
    """A GTIN-14 of a medicine pack (indicator digit, GS1 prefix, item and GS1's mod-10 check digit), drawn until it
    is no valid number of ``regions`` nationally nor anywhere with a ``+``."""
    while True:
        body = "0" + pick(r, "0300", "5000", "7501", "8901") + rand(r, string.digits, 8)
        total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
        gtin = body + str((10 - total % 10) % 10)
        parsed = []
        for text, region in [(gtin, g) for g in regions] + [("+" + gtin, None)]:
            with contextlib.suppress(phonenumbers.NumberParseException):
                parsed.append(phonenumbers.parse(text, region))
        if not any(phonenumbers.is_valid_number(p) for p in parsed):
            return gtin


# ---------------------------------------------------------------------------- the unheralded split's own values
#
# Written for the twenty-fifth split only, by a nineteenth session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97 and the national checks named below, hash lengths and alphabets).

# IBAN countries this split draws. Every country of the IBAN registry is drawn by some earlier split, most of these
# six only by the first split's generator with random national parts; here each account carries its country's own
# check digits, as a bank issues it: France (27: bank, branch, account and the RIB key), Belgium (16: the account's
# mod-97 pair), Spain (24: the two control digits of bank and branch and of the account), the Netherlands (18: the
# bank's four letters and an account that passes the eleven test, ING's old Postbank numbers padded with zeros),
# Italy (27: the CIN letter over ABI, CAB and account) and Poland (28: the sort code's own check digit). ``corpus`` and
# ``classes`` print them in shapes no other split uses: Peppol UBL invoices, Factur-X (CII) invoices, FatturaPA
# payment details, Spanish Norma 19.14 direct-debit records, French RIB blocks, Belgian invoices with a structured
# communication, Dutch direct-debit mandates and GoCardless bank-account bodies.
UNHERALDED_IBAN_LENGTHS = {"FR": 27, "BE": 16, "ES": 24, "NL": 18, "IT": 27, "PL": 28}
_UHD_BANKS = {
    "FR": ("15589", "12006", "30004", "10278", "16006", "20041"),
    "BE": ("001", "068", "310", "363", "734", "751"),
    "ES": ("2100", "0049", "0182", "2038", "0081", "2080"),
    "NL": ("ABNA", "RABO", "INGB", "SNSB", "TRIO", "ASNB", "KNAB"),
    "IT": ("03069", "02008", "05034", "01030", "03111"),
    "PL": ("102", "105", "109", "114", "116", "124"),
}


def _es_control(digits: str) -> str:
    """A Spanish control digit over ten digits (weights 1, 2, 4, 8, 5, 10, 9, 7, 3, 6; 10 reads 1, 11 reads 0)."""
    total = sum(int(d) * w for d, w in zip(digits, (1, 2, 4, 8, 5, 10, 9, 7, 3, 6), strict=True))
    check = 11 - total % 11
    return str({10: 1, 11: 0}.get(check, check))


def _nl_account(r: random.Random) -> str:
    """Ten digits whose weighted sum (weights 10 down to 1) is divisible by eleven: the Dutch eleven test."""
    while True:
        digits = r.choice("123456789") + rand(r, string.digits, 9)
        if sum(int(d) * (10 - i) for i, d in enumerate(digits)) % 11 == 0:
            return digits


def _uhd_bban(r: random.Random, country: str) -> str:
    bank = r.choice(_UHD_BANKS[country])
    if country == "FR":
        branch, account = rand(r, string.digits, 5), "000" + rand(r, string.digits, 8)
        return bank + branch + account + rib_key(bank, branch, account)
    if country == "BE":
        body = bank + rand(r, string.digits, 7)
        check = int(body) % 97 or 97
        return f"{body}{check:02d}"
    if country == "ES":
        branch, account = rand(r, string.digits, 4), rand(r, string.digits, 10)
        return bank + branch + _es_control("00" + bank + branch) + _es_control(account) + account
    if country == "NL":
        if bank == "INGB":  # an old Postbank number: seven digits, padded, no eleven test
            return bank + "000" + r.choice("123456789") + rand(r, string.digits, 6)
        return bank + _nl_account(r)
    if country == "IT":
        cab = rand(r, string.digits, 5)
        account = "0000" + rand(r, string.digits, 8)
        return italian_cin(bank, cab, account) + bank + cab + account
    body = bank + rand(r, string.digits, 4)
    check = (10 - sum(int(d) * w for d, w in zip(body, (3, 9, 7, 1, 3, 9, 7), strict=True)) % 10) % 10
    return body + str(check) + rand(r, string.digits, 16)


def unheralded_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of France, Belgium, Spain, the Netherlands, Italy or Poland with its national check digits, compact or
    in groups of four (``grouped`` None: either); ``valid`` False: the IBAN's check digits are wrong (neither the
    right ones nor those 97 apart)."""
    country = country or r.choice(sorted(UNHERALDED_IBAN_LENGTHS))
    bban = _uhd_bban(r, country)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100 or 1
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNHERALDED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


def unheralded_creditor_id(r: random.Random, country: str = "") -> str:
    """A SEPA creditor identifier (a school's or a clinic's direct-debit id): the country, mod-97 check digits over the
    national id, the business code ``ZZZ`` (left out of the check) and the national id. It looks like an IBAN and is
    none."""
    country = country or pick(r, "FR", "NL", "ES", "BE")
    national = {
        "FR": lambda: rand(r, string.ascii_uppercase + string.digits, 6),
        "NL": lambda: rand(r, string.digits, 8) + "0000",
        "ES": lambda: r.choice("ABGJ") + rand(r, string.digits, 8),
        "BE": lambda: "0" + rand(r, string.digits, 9),
    }[country]()
    return f"{country}{iban_check_digits(country, national):02d}ZZZ{national}"


def unheralded_ogm(r: random.Random) -> str:
    """A Belgian structured communication (``+++123/4567/89012+++``): ten digits and their mod-97 pair (97 for 0)."""
    body = rand(r, string.digits, 10)
    digits = f"{body}{int(body) % 97 or 97:02d}"
    return f"+++{digits[:3]}/{digits[3:7]}/{digits[7:]}+++"


# This split's regions: Nauru (+674), Tuvalu (+688, five to seven digits), the Federated States of Micronesia (+691),
# and five territories in the North American plan: the Cayman Islands (345), Bermuda (441), Anguilla (264), Montserrat
# (664) and the Turks and Caicos Islands (649). Every number is written in an international form: ``+`` with the
# area code glued to the country code, a dot or a hyphen between the groups, the whole number unbroken after the
# country code, ``00`` as a European dials Nauru, Tuvalu or Micronesia, and ``(+674)`` in parentheses.
def unheralded_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = True) -> str:
    """A valid number of one of ``regions`` in an international form. ``international_only`` is accepted for the
    callers' sake: no form here is national. Checked: it parses back (with its region as default) to the same valid
    number and holds no run that reads as an IPv4 address."""
    del international_only
    region = r.choice(regions)
    number = _valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    cc = f"+{number.country_code}"
    digits = phonenumbers.national_significant_number(number)
    if number.country_code == 1:
        area, exchange, line = digits[:3], digits[3:6], digits[6:]
        forms = [
            intl,
            phonenumbers.format_number(number, pnf.E164),
            f"+1{area} {exchange} {line}",
            f"+1 {area} {exchange}{line}",
            f"+1({area}){exchange}-{line}",
            f"+1 {area}.{exchange}.{line}",
            f"+1 {area} {exchange}-{line}",
            f"+1-{area}-{exchange}{line}",
        ]
    else:
        cut = 2 if len(digits) < 7 else 3
        head, tail = digits[:cut], digits[cut:]
        forms = [
            intl,
            phonenumbers.format_number(number, pnf.E164),
            f"{cc} {digits}",
            f"{cc}-{head}-{tail}",
            f"{cc}.{head}.{tail}",
            f"(+{number.country_code}) {head} {tail}",
            f"00{number.country_code} {head} {tail}",
            f"{cc} {head}-{tail}",
        ]
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unheralded_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number that is valid nowhere: a valid one of ``regions`` with a
    digit dropped or added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    return invalid_phone(r, regions, (3,))


# Card numbers this split draws, from BIN ranges no split has drawn (Visa's 4184, 4293 and 4390, Mastercard's 2286,
# 5289 and 5466, Amex's 3759, Diners' 3066, JCB's 3533 and UnionPay's 6243), printed in shapes of their own: groups
# joined by a zero-width space (what a mail client or a chat app puts in a long number so that it can wrap) or by a
# tab (four card fields pasted from a form or a spreadsheet row), an ISO 8583 field 2 in a payment switch's trace,
# and the number as a bare JSON integer.
UNHERALDED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4184", "4293", "4390"), (16,)),
    "mastercard": (("2286", "5289", "5466"), (16,)),
    "amex": (("3759",), (15,)),
    "diners": (("3066",), (14,)),
    "jcb": (("3533",), (16,)),
    "unionpay": (("6243",), (16, 19)),
}


def unheralded_card_number(r: random.Random, brand: str = "") -> str:
    return card_of_brand(r, UNHERALDED_CARD_BRANDS, brand)


def unheralded_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in its groups (Amex 4-6-5, Diners 4-6-4, 19 digits 4-4-4-4-3, the
    rest by four), joined by a zero-width space, a tab, a space, a dash or nothing."""
    digits = unheralded_card_number(r, brand)
    assert luhn_ok(digits)
    sep = pick(r, "\u200b", "\t", " ", " ", "-", "") if sep is None else sep
    sizes = {14: [4, 6, 4], 15: [4, 6, 5], 16: [4, 4, 4, 4], 19: [4, 4, 4, 4, 3]}[len(digits)]
    return grouped(digits, sizes, sep)


def unheralded_iso8583(r: random.Random, masked: bool = False) -> str:
    """A payment switch's trace of an ISO 8583 authorization request: MTI 0100, the PAN as field 2 (LLVAR, its length
    in brackets), processing code, amount, STAN, expiry and the terminal id; ``masked`` prints the PAN as its first six
    and last four digits, as PCI-compliant switches log it."""
    pan = unheralded_card_number(r, pick(r, "visa", "mastercard", "jcb", "unionpay"))
    shown = pan[:6] + "*" * (len(pan) - 10) + pan[-4:] if masked else pan
    amount = f"{r.randrange(500, 90000):012d}"
    return (
        f"MTI 0100 | DE002 [{len(pan):02d}] {shown} | DE003 003000 | DE004 {amount} "
        f"| DE011 {r.randrange(1, 999999):06d}"
        f" | DE014 {r.randrange(27, 31)}{r.randrange(1, 13):02d} | DE041 VETPOS{r.randrange(10, 99)}"
    )


UNHERALDED_HASH_FAMILIES = (
    "seafile",
    "qnx",
    "sap_codvn_f",
    "macos_salted_sha512",
    "screenos",
    "liferay",
    "woltlab",
    "derby",
)


def unheralded_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family with that family's lengths and alphabets (``family`` empty: any): Seafile's
    ``PBKDF2SHA256$10000$`` with a 64-hex salt and digest, QNX's shadow (``@m@``, ``@s@`` or ``@S@``: MD5, SHA-256 or
    SHA-512 in hex, ``@`` and a 16-hex salt), SAP's CODVN F ``PASSCODE`` as exported with the user (``BNAME$`` and 40
    capital hex digits), Mac OS X 10.7's salted SHA-512 (eight hex digits of salt and 128 of digest), Juniper
    ScreenOS' admin hash (30 characters with ``n``, ``r``, ``c``, ``s``, ``t`` and ``n`` at fixed places), Liferay's
    ``{PBKDF2_WITH_HMAC_SHA1}`` (base64 of the key size, rounds, salt and digest), WoltLab Suite's ``Bcrypt:`` or
    legacy double-bcrypt ``wcf1:`` and Apache Derby's configurable hash (``3b62``, the digest, the salt, the
    algorithm and the iterations)."""
    family = family or r.choice(UNHERALDED_HASH_FAMILIES)
    if family == "seafile":
        return f"PBKDF2SHA256$10000${rand(r, HEX, 64)}${hashlib.sha256(r.randbytes(16)).hexdigest()}"
    if family == "qnx":
        kind, size = r.choice((("m", 16), ("s", 32), ("S", 64)))
        return f"@{kind}@{r.randbytes(size).hex()}@{rand(r, HEX, 16)}"
    if family == "sap_codvn_f":
        user = pick(r, "FREIGHT01", "WMS_BATCH", "CUSTOMS2", "DISPATCH", "EDI_RFC")
        return f"{user}${hashlib.sha1(r.randbytes(16)).hexdigest().upper()}"
    if family == "macos_salted_sha512":
        return rand(r, HEX, 8) + hashlib.sha512(r.randbytes(16)).hexdigest()
    if family == "screenos":
        chars = [r.choice(ALNUM + "+/") for _ in range(30)]
        for place, letter in zip((0, 6, 12, 17, 23, 29), "nrcstn", strict=True):
            chars[place] = letter
        return "".join(chars)
    if family == "liferay":
        blob = (160).to_bytes(4, "big") + (128_000).to_bytes(4, "big") + r.randbytes(8) + r.randbytes(20)
        return "{PBKDF2_WITH_HMAC_SHA1}" + b64(blob)
    if family == "woltlab":
        if r.random() < 0.5:
            return f"Bcrypt:$2y$10${rand(r, CRYPT64, 53)}"
        return f"wcf1:$2a$08${rand(r, CRYPT64, 53)}"
    assert family == "derby"
    return f"3b62{hashlib.sha256(r.randbytes(16)).hexdigest()}:{rand(r, HEX, 32)}:SHA-256:1000"


def unheralded_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r,
        "Yaren",
        "Anibare",
        "Funafuti",
        "Nukufetau",
        "Kolonia",
        "Palikir",
        "Weno",
        "Bodden",
        "Hamilton",
        "Somerset",
        "Sandy-Ground",
        "Brades",
        "Cockburn",
        "Providenciales",
        "Kemper",
        "Lannuon",
        "Ljouwert",
        "Snits",
        "Aiacciu",
        "Bastia",
        "Kailua",
        "Hilo",
        "Encarnacion",
        "Caacupe",
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "$")


def unheralded_email(r: random.Random) -> str:
    """An address of the split's people: Nauruan, Tuvaluan, Micronesian, Caymanian, Bermudian, Anguillan,
    Montserratian, Turks and Caicos, Breton, Frisian, Corsican, Hawaiian and Paraguayan names, with dots, digits,
    hyphens, plus tags and their places' providers."""
    first = pick(
        r,
        "tauia.deiye",
        "seve.paeniu",
        "kasio.ehsa",
        "shaneka.ebanks",
        "tariq.outerbridge",
        "keisha.hodge",
        "jermaine.ryan",
        "delano.forbes",
        "gwenola.le-gall",
        "sjoerd.de.vries",
        "ghjuvan_santoni",
        "kealoha.kahananui",
        "ramona.benitez",
        "maiwenn.kerbrat",
        "lili.aukai",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'school', 'vet', 'parcels')}")
    domain = pick(
        r,
        "gmail.com",
        "outlook.com",
        "icloud.com",
        "candw.ky",
        "logic.bm",
        "tciway.tc",
        "mail.fm",
        "orange.fr",
        "laposte.net",
        "ziggo.nl",
        "hawaii.rr.com",
        "tigo.com.py",
        "cwnauru.nr",
    )
    return f"{local}@{domain}"


def unheralded_uuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def unheralded_llama_api_key(r: random.Random) -> str:
    """A Meta Llama API key: ``LLM|``, the app's 16-digit id (drawn until it fails Luhn: no card inside the key),
    ``|`` and 27 letters, digits, ``-`` and ``_``."""
    app = str(r.randrange(10**15, 10**16))
    while luhn_ok(app):
        app = str(r.randrange(10**15, 10**16))
    return f"LLM|{app}|{rand(r, B64URL, 27)}"


def unheralded_gocardless_token(r: random.Random) -> str:
    """A GoCardless live access token: ``live_`` and 40 letters, digits, ``-`` and ``_``."""
    return "live_" + rand(r, B64URL, 40)


def unheralded_canvas_token(r: random.Random) -> str:
    """A Canvas LMS access token: the shard's number, ``~`` and 64 letters and digits."""
    return f"{r.randrange(1, 30000)}~{rand(r, ALNUM, 64)}"


def unheralded_samsara_token(r: random.Random) -> str:
    """A Samsara API token: ``samsara_api_`` and 30 letters and digits."""
    return "samsara_api_" + rand(r, ALNUM, 30)


def unheralded_shippo_token(r: random.Random) -> str:
    """A Shippo live API token (``shippo_live_`` and 40 hex digits), sent with the ``ShippoToken`` scheme."""
    return "shippo_live_" + rand(r, HEX, 40)


def unheralded_easypost_key(r: random.Random) -> str:
    """An EasyPost production API key (``EZAK`` and 54 hex digits), sent as the Basic user with no password."""
    return "EZAK" + rand(r, HEX, 54)


def unheralded_aftership_key(r: random.Random) -> str:
    """An AfterShip API key (``asat_`` and 32 hex digits), sent in the ``as-api-key`` header."""
    return "asat_" + rand(r, HEX, 32)


def unheralded_pagerduty_key(r: random.Random) -> str:
    """A PagerDuty REST API key (20 letters, digits, ``_``, ``-`` and ``+``; user keys start with ``u+``)."""
    return pick(r, "u+", "") + rand(r, ALNUM + "_-", 20)


def unheralded_moodle_token(r: random.Random) -> str:
    """A Moodle web service token (32 hex digits, sent as ``wstoken``)."""
    return rand(r, HEX, 32)


def unheralded_ors_key(r: random.Random) -> str:
    """An openrouteservice API key: the service's fixed 24-hex prefix and 32 hex digits."""
    return "5b3ce3597851110001cf6248" + rand(r, HEX, 32)


def unheralded_sendcloud_pair(r: random.Random) -> tuple[str, str]:
    """A Sendcloud integration's public and secret keys (32 hex digits each), sent with Basic auth."""
    return rand(r, HEX, 32), rand(r, HEX, 32)


def unheralded_clicksend_pair(r: random.Random) -> tuple[str, str]:
    """A ClickSend username and API key (a capital UUID), sent with Basic auth."""
    return pick(r, "vetclinic.kona", "frontdesk-hilo", "reminders"), unheralded_uuid(r).upper()


def unheralded_elks_pair(r: random.Random) -> tuple[str, str]:
    """A 46elks API username (``u`` and 32 hex digits) and password (32 capital hex digits), sent with Basic auth."""
    return "u" + rand(r, HEX, 32), rand(r, HEX, 32).upper()


def unheralded_bitbucket_app_password(r: random.Random) -> str:
    """A Bitbucket app password: ``ATBB``, 28 letters and digits and an eight-hex checksum."""
    return "ATBB" + rand(r, ALNUM, 28) + rand(r, "0123456789ABCDEF", 8)


def unheralded_fastly_token(r: random.Random) -> str:
    """A Fastly API token (32 letters, digits, ``-`` and ``_``), sent in the ``Fastly-Key`` header."""
    return rand(r, B64URL, 32)


def unheralded_dropbox_token(r: random.Random) -> str:
    """A Dropbox short-lived access token: ``sl.``, a capital and a long base64url body."""
    return "sl." + r.choice(string.ascii_uppercase) + rand(r, B64URL, 138)


def unheralded_adyen_key(r: random.Random) -> str:
    """An Adyen API key (``AQE``, a long base64 body with ``/`` and ``+`` and ``=``), sent in ``X-API-Key``."""
    return "AQE" + rand(r, B64, 40) + "=-" + rand(r, B64, 44) + "=-" + rand(r, B64URL, 16)


def unheralded_sumup_key(r: random.Random) -> str:
    """A SumUp secret API key: ``sup_sk_`` and 32 letters and digits."""
    return "sup_sk_" + rand(r, ALNUM, 32)


def unheralded_paypal_pair(r: random.Random) -> tuple[str, str]:
    """A PayPal REST app's client id (``A`` and 79 characters) and secret (``E`` and 79), sent with Basic auth."""
    return "A" + rand(r, B64URL, 79), "E" + rand(r, B64URL, 79)


def unheralded_fcm_server_key(r: random.Random) -> str:
    """A Firebase Cloud Messaging legacy server key: ``AAAA``, seven characters, ``:APA91b`` and 134 more."""
    return "AAAA" + rand(r, B64URL, 7) + ":APA91b" + rand(r, B64URL, 134)


def unheralded_onesignal_key(r: random.Random) -> str:
    """A OneSignal app API key: ``os_v2_app_`` and 113 lower-case base32 characters."""
    return "os_v2_app_" + rand(r, string.ascii_lowercase + "234567", 113)


def unheralded_africastalking_key(r: random.Random) -> str:
    """An Africa's Talking API key: ``atsk_`` and 64 hex digits, sent in the ``apiKey`` header."""
    return "atsk_" + rand(r, HEX, 64)


def unheralded_cognito_token(r: random.Random) -> str:
    """An Amazon Cognito user pool access token: RS256, the pool as issuer, ``token_use: access`` and the app client."""
    iat = 1_768_200_000 + r.randrange(10**6)
    pool = f"{pick(r, 'eu-west-1', 'us-west-2', 'us-east-1')}_{rand(r, ALNUM, 9)}"
    claims = {
        "sub": unheralded_uuid(r),
        "cognito:groups": [pick(r, "dispatchers", "teachers", "frontdesk")],
        "iss": f"https://cognito-idp.{pool.split('_')[0]}.amazonaws.com/{pool}",
        "client_id": rand(r, string.ascii_lowercase + string.digits, 26),
        "origin_jti": unheralded_uuid(r),
        "event_id": unheralded_uuid(r),
        "token_use": "access",
        "scope": "aws.cognito.signin.user.admin",
        "auth_time": iat,
        "exp": iat + 3600,
        "iat": iat,
        "jti": unheralded_uuid(r),
        "username": unheralded_uuid(r),
    }
    return _signed_jwt(r, {"kid": b64(r.randbytes(32)), "alg": "RS256"}, claims, 256)


def unheralded_clerk_token(r: random.Random) -> str:
    """A Clerk session token (the ``__session`` cookie's value): RS256, the Frontend API as issuer, the session and
    the user."""
    iat = 1_768_200_000 + r.randrange(10**6)
    claims = {
        "azp": "https://parents.pupunaleo.example",
        "exp": iat + 60,
        "iat": iat,
        "iss": f"https://clerk.{pick(r, 'pupunaleo', 'scola-corsa', 'diwan-kemper')}.example",
        "nbf": iat - 10,
        "sid": "sess_" + rand(r, ALNUM, 27),
        "sub": "user_" + rand(r, ALNUM, 27),
        "v": 2,
    }
    return _signed_jwt(r, {"alg": "RS256", "kid": "ins_" + rand(r, ALNUM, 27), "typ": "JWT"}, claims, 256)


def unheralded_zitadel_token(r: random.Random) -> str:
    """A ZITADEL access token in JWT form: RS256, the instance as issuer, the project's roles claim."""
    iat = 1_768_200_000 + r.randrange(10**6)
    instance = pick(r, "dispatch-hub-x1kq", "vetcare-ops-7hd2")
    claims = {
        "aud": [str(r.randrange(10**17, 10**18))],
        "client_id": f"{r.randrange(10**17, 10**18)}@{instance.split('-')[0]}",
        "exp": iat + 43_200,
        "iat": iat,
        "iss": f"https://{instance}.zitadel.cloud",
        "jti": str(r.randrange(10**17, 10**18)),
        "nbf": iat,
        "sub": str(r.randrange(10**17, 10**18)),
        "urn:zitadel:iam:org:project:roles": {pick(r, "dispatcher", "vet", "reception"): {"2801": "ops"}},
    }
    return _signed_jwt(r, {"alg": "RS256", "kid": str(r.randrange(10**17, 10**18)), "typ": "JWT"}, claims, 256)


def unheralded_ovh_ai_token(r: random.Random) -> str:
    """An OVHcloud AI Endpoints access token: an EdDSA JWT naming the project and the token's id."""
    iat = 1_768_200_000 + r.randrange(10**6)
    claims = {
        "iss": "ai-endpoints",
        "sub": f"{rand(r, string.ascii_lowercase, 2)}{r.randrange(10**5, 10**6)}-ovh",
        "aud": "ai-endpoints.ovh.net",
        "project": rand(r, HEX, 32),
        "token_id": unheralded_uuid(r),
        "iat": iat,
    }
    return _signed_jwt(r, {"alg": "EdDSA", "kid": rand(r, HEX, 16), "typ": "JWT"}, claims, 64)


def unheralded_microchip(r: random.Random, regions: tuple[str, ...] = ()) -> str:
    """A pet's ISO 11784/11785 microchip number: 15 digits, a manufacturer's (900-series) or a country's code first,
    drawn until it fails Luhn and reads as no valid number of ``regions`` nationally nor anywhere with a ``+``."""
    while True:
        digits = pick(r, "900", "941", "981", "250", "528", "380") + rand(r, string.digits, 12)
        parsed = []
        for text, region in [(digits, g) for g in regions] + [("+" + digits, None)]:
            with contextlib.suppress(phonenumbers.NumberParseException):
                parsed.append(phonenumbers.parse(text, region))
        if not luhn_ok(digits) and not any(phonenumbers.is_valid_number(p) for p in parsed):
            return digits


def unheralded_container_no(r: random.Random) -> str:
    """An ISO 6346 shipping container number: owner code, ``U``, six digits and the check digit."""
    owner = pick(r, "MSC", "MAE", "CMA", "HLX", "ONE", "TGH")
    serial = rand(r, string.digits, 6)
    values = {c: v for c, v in zip(string.ascii_uppercase, [x for x in range(10, 39) if x % 11], strict=False)}
    total = sum((values[c] if c.isalpha() else int(c)) * 2**i for i, c in enumerate(owner + "U" + serial))
    return f"{owner}U{serial}{total % 11 % 10}"


def unheralded_ups_tracking(r: random.Random) -> str:
    """A UPS tracking number: ``1Z``, the shipper's six characters, the service's two digits and eight digits."""
    return (
        "1Z"
        + rand(r, string.ascii_uppercase + string.digits, 6)
        + pick(r, "01", "02", "03", "66")
        + rand(r, string.digits, 8)
    )


# ---------------------------------------------------------------------------- the unnoticed split's own values
#
# Written for the twenty-sixth split only, by a twentieth session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97 and the national checks named below, hash lengths and alphabets).

# IBAN countries this split draws, all in the registry and drawn by earlier splits, here each with its national parts
# as a bank issues them: Greenland (18: a Danish-style four-digit bank registration number and ten account digits),
# Gibraltar (23: the bank's four letters and fifteen account characters), Liechtenstein (21: a five-digit clearing
# number and twelve account characters), San Marino (27: the CIN letter over ABI, CAB and account), France (27: with
# the RIB key; the banks of New Caledonia and French Polynesia issue French IBANs) and Italy (27: the CIN letter, a
# Sardinian bank among them). ``corpus`` and ``classes`` print them in shapes no other split uses: ISO 20022 pacs.008
# transfers, SWIFT MT101 requests, SAP Business Partner bank entities, Xero contacts, Revolut Business counterparties,
# Airwallex beneficiaries, Stripe Connect external-account form bodies, an airline's refund remark and a utility's
# direct-debit notice.
UNNOTICED_IBAN_LENGTHS = {"GL": 18, "GI": 23, "LI": 21, "SM": 27, "FR": 27, "IT": 27}
_UNT_BANKS = {
    "GL": ("6471", "6460", "6470"),
    "GI": ("NWBK", "BARC", "JYSK", "GIBC"),
    "LI": ("08800", "08810", "08811", "08812", "08805"),
    "SM": ("03034", "06067", "03225", "08540"),
    "FR": ("14889", "17499", "12149", "17469", "12239", "18319"),
    "IT": ("01015", "03069", "02008", "05387"),
}


def _unt_account(r: random.Random, n: int, letters: float = 0.0) -> str:
    """``n`` account characters: digits, a letter now and then (``letters``: its chance per place)."""
    return "".join(
        r.choice(string.ascii_uppercase) if r.random() < letters else r.choice(string.digits) for _ in range(n)
    )


def _unt_bban(r: random.Random, country: str) -> str:
    bank = r.choice(_UNT_BANKS[country])
    if country == "GL":
        return bank + "000" + rand(r, string.digits, 7)
    if country == "GI":
        return bank + "0000000" + rand(r, string.digits, 8)
    if country == "LI":
        return bank + "000" + _unt_account(r, 9, 0.08)
    if country in ("SM", "IT"):
        cab = rand(r, string.digits, 5)
        account = "0000" + _unt_account(r, 8, 0.04)
        return italian_cin(bank, cab, account) + bank + cab + account
    branch, account = rand(r, string.digits, 5), "0" + rand(r, string.digits, 10)
    return bank + branch + account + rib_key(bank, branch, account)


def unnoticed_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Greenland, Gibraltar, Liechtenstein, San Marino, France or Italy with its national parts, compact or
    in groups of four (``grouped`` None: either); ``valid`` False: its check digits are wrong (neither the right ones
    nor those 97 apart)."""
    country = country or r.choice(sorted(UNNOTICED_IBAN_LENGTHS))
    bban = _unt_bban(r, country)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNNOTICED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


def unnoticed_rf_reference(r: random.Random) -> str:
    """An ISO 11649 structured creditor reference (``RF``, mod-97 check digits, up to 21 characters of reference) in
    groups of four: it passes the IBAN's check and is none ("RF" is no country)."""
    ref = rand(r, string.digits, r.randrange(9, 16))
    value = f"RF{iban_check_digits('RF', ref):02d}{ref}"
    assert iban_ok(value)
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


def unnoticed_lei(r: random.Random) -> str:
    """An ISO 17442 Legal Entity Identifier: the LOU's four characters, two zeros, twelve characters and two mod-97
    check digits; an IBAN-like run that is no account."""
    body = pick(r, "5299", "8156", "3912", "2138") + "00" + rand(r, string.ascii_uppercase + string.digits, 12)
    numeric = int("".join(str(int(c, 36)) for c in body + "00"))
    return f"{body}{98 - numeric % 97:02d}"


def unnoticed_isin(r: random.Random, country: str = "") -> str:
    """An ISIN of Liechtenstein, San Marino or France: the country, nine characters and the Luhn digit over its letters
    read as numbers; twelve characters, no IBAN."""
    country = country or pick(r, "LI", "FR", "XS")
    body = country + rand(r, string.digits, 9)
    expanded = "".join(str(int(c, 36)) for c in body)
    return body + _luhn_digit(expanded)


def unnoticed_metering_point(r: random.Random) -> str:
    """A Swiss metering-point id as Graubünden's and Liechtenstein's utilities print it: ``CH``, the grid operator's
    number, zeros and the point's number (33 characters): it starts like an IBAN and is none."""
    return "CH10" + rand(r, string.digits, 3) + "01234" + "0" * 14 + rand(r, string.digits, 7)


# This split's regions: Greenland (+299, six digits), Gibraltar (+350, eight), Aruba (+297, seven), Curaçao (+599 9,
# eight), New Caledonia (+687, six, written in pairs with dots), French Polynesia (+689, eight, in pairs), Liechtenstein
# (+423, seven or nine) and San Marino (+378, fixed lines with their 0549 prefix). Numbers are written nationally as
# people there write them (``22 19 14``, ``200 12345``, ``560-7783``, ``9 434 1586``, ``75.18.65``, ``87 12 28 30``,
# ``234 06 82``, ``0549 886377``) and internationally (``+299 221914``, ``00350 57163608``, ``+5999 434 1586`` with
# the 9 glued to the country code, ``(+687) 75.18.65``, ``+378 0549 886377``).
def _unt_valid_number(r: random.Random, region: str) -> phonenumbers.PhoneNumber:
    """A valid number of ``region``: its example number's first digits (its leading zero kept, as San Marino's fixed
    lines need) and random ones after them."""
    kind = pick(r, "MOBILE", "MOBILE", "FIXED_LINE")
    example = phonenumbers.example_number_for_type(region, getattr(phonenumbers.PhoneNumberType, kind))
    assert example is not None
    national = phonenumbers.national_significant_number(example)
    keep = 2 if len(national) <= 7 else 3
    for _ in range(500):
        digits = national[:keep] + rand(r, string.digits, len(national) - keep)
        number = phonenumbers.parse(f"+{example.country_code}{digits}")
        if phonenumbers.is_valid_number(number) and len(set(digits)) > 3:
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def unnoticed_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` in a form its people use, international or (unless ``international_only``)
    national. Checked: it parses back (with its region as default) to the same valid number and holds no run that
    reads as an IPv4 address."""
    region = r.choice(regions)
    number = _unt_valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    cc = f"+{number.country_code}"
    digits = phonenumbers.national_significant_number(number)
    rest = intl[len(cc) :].strip()
    forms = [
        intl,
        phonenumbers.format_number(number, pnf.E164),
        f"{cc} {digits}",
        f"00{number.country_code} {rest}",
        f"({cc}) {rest}",
    ]
    if region == "CW":  # Curaçao glues the 9 to the country code
        forms += [f"+5999 {digits[1:4]} {digits[4:]}", f"(+5999) {digits[1:4]}-{digits[4:]}"]
    if not international_only:
        forms += [national, national.replace(" ", "")]
        if region == "AW":
            forms.append(f"{digits[:3]}-{digits[3:]}")
        if region == "CW":
            forms.append(f"{digits[1:4]}-{digits[4:]}")
        if region == "NC":
            forms.append(" ".join(digits[i : i + 2] for i in range(0, len(digits), 2)))
        if region == "GI":
            forms.append(f"{digits[:4]} {digits[4:]}")
        if region == "LI":
            forms.append(f"{digits[:3]} {digits[3:]}")
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unnoticed_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number of ``regions`` that is valid nowhere: a valid one with a
    digit dropped or added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    for _ in range(500):
        number = _unt_valid_number(r, r.choice(regions))
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-1] if r.random() < 0.5 else digits + r.choice(string.digits)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        national = []
        for g in regions:
            with contextlib.suppress(phonenumbers.NumberParseException):
                national.append(phonenumbers.parse(digits, g))
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and not any(
            phonenumbers.is_valid_number(p) for p in national
        ):
            return text
    raise AssertionError("no invalid number drawn")


def unnoticed_digits(r: random.Random, n: int, regions: tuple[str, ...] = (), lead: str = "") -> str:
    """``n`` digits (``lead`` first) that are no valid number of ``regions`` nationally nor anywhere with a ``+`` and
    fail Luhn: an e-ticket, a meter's serial, a kit number; no phone, no card."""
    regions = regions or tuple(PHONE_REGIONS)
    while True:
        head = lead or r.choice("123456789")
        digits = head + rand(r, string.digits, n - len(head))
        parsed = []
        for text, region in [(digits, g) for g in regions] + [("+" + digits, None)]:
            with contextlib.suppress(phonenumbers.NumberParseException):
                parsed.append(phonenumbers.parse(text, region))
        if not any(phonenumbers.is_valid_number(p) for p in parsed) and not luhn_ok(digits):
            return digits


def unnoticed_ticket_number(r: random.Random, regions: tuple[str, ...] = ()) -> str:
    """An IATA e-ticket number: the airline's three-digit code (Air Tahiti Nui 244, Air Greenland 631, Aircalin 063,
    Air Tahiti 135) and ten digits, written joined or with a dash after the code; drawn until the thirteen digits fail
    Luhn and read as no phone number."""
    airline = pick(r, "244", "631", "063", "135")
    digits = unnoticed_digits(r, 13, regions, lead=airline + pick(r, "2", "4"))
    return pick(r, digits, f"{digits[:3]}-{digits[3:]}")


def unnoticed_record_locator(r: random.Random) -> str:
    """A six-character PNR record locator (no vowels confusable with digits, as GDSs draw them)."""
    return rand(r, "BCDFGHJKLMNPQRSTVWXYZ23456789", 6)


# Card numbers this split draws, from BIN ranges no split has drawn (Visa's 4462, 4659 and 4779, Mastercard's 5188 and
# 2299, Amex's 3715, Diners' 3602, JCB's 3555 and UnionPay's 6258), printed in shapes of their own: groups joined by a
# soft hyphen (copied from a page the browser hyphenated) or a word joiner, digits in full width (typed with a
# Japanese or Chinese input method), the four groups on four lines (read off a photographed card), an airline's
# form-of-payment element (``FP CCVI...``), a CyberSource SOAP ``<accountNumber>``, an Authorize.net AIM form's
# ``x_card_num`` and a checkout's query string.
UNNOTICED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4462", "4659", "4779"), (16,)),
    "mastercard": (("5188", "2299"), (16,)),
    "amex": (("3715",), (15,)),
    "diners": (("3602",), (14,)),
    "jcb": (("3555",), (16,)),
    "unionpay": (("6258",), (16, 19)),
}
UNNOTICED_GDS_CODES = {"visa": "VI", "mastercard": "CA", "amex": "AX", "diners": "DC", "jcb": "JC", "unionpay": "UP"}


def unnoticed_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNNOTICED_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def unnoticed_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in its groups (Amex 4-6-5, Diners 4-6-4, 19 digits 4-4-4-4-3, the
    rest by four), joined by a soft hyphen, a word joiner, a space, a dash or nothing."""
    digits = unnoticed_card_number(r, brand)
    sep = pick(r, "\u00ad", "\u2060", " ", " ", "-", "") if sep is None else sep
    sizes = {14: [4, 6, 4], 15: [4, 6, 5], 16: [4, 4, 4, 4], 19: [4, 4, 4, 4, 3]}[len(digits)]
    return grouped(digits, sizes, sep)


def unnoticed_fullwidth(text: str) -> str:
    """``text`` with its digits in full width (U+FF10 to U+FF19) and its spaces ideographic, as an IME types them."""
    return "".join(chr(0xFF10 + int(c)) if c.isdigit() else ("\u3000" if c == " " else c) for c in text)


def unnoticed_fop(r: random.Random, masked: bool = False) -> str:
    """A PNR's form-of-payment element: ``FP CC``, the brand's two-letter code, the number (or its last four behind
    ``X``), ``/`` and the expiry (MMYY)."""
    brand = pick(r, "visa", "visa", "mastercard", "amex", "jcb")
    pan = unnoticed_card_number(r, brand)
    shown = "X" * (len(pan) - 4) + pan[-4:] if masked else pan
    return f"FP CC{UNNOTICED_GDS_CODES[brand]}{shown}/{r.randrange(1, 13):02d}{r.randrange(27, 31)}"


UNNOTICED_HASH_FAMILIES = (
    "jellyfin",
    "pihole_balloon",
    "okta_sha256",
    "jetty",
    "smbpasswd",
    "django_bcrypt",
    "graylog_sha2",
    "aspnet_membership",
)


def unnoticed_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family in the form its system stores it (``family`` empty: any): Jellyfin's
    ``$PBKDF2-SHA512$iterations=210000$`` with a 16-byte salt and a 64-byte digest in capital hex, Pi-hole v6's
    ``$BALLOON-SHA256$v=1$s=1024,t=32$`` with base64 salt and digest, an Okta user-import hash object (SHA-256 with its
    salt and ``saltOrder``), Jetty's realm credential (``MD5:`` and 32 hex digits or ``CRYPT:`` and a DES crypt), a
    Samba ``smbpasswd`` line (no LM hash, the NT hash, the account flags and ``LCT-``), Django's plain ``bcrypt$``
    (no SHA-256 pre-hash), Graylog's ``root_password_sha2`` (64 hex digits, named) and an ASP.NET Membership row
    (base64 SHA-1 digest and salt, ``PasswordFormat`` 1)."""
    family = family or r.choice(UNNOTICED_HASH_FAMILIES)
    if family == "jellyfin":
        salt, digest = r.randbytes(16).hex().upper(), hashlib.sha512(r.randbytes(16)).hexdigest().upper()
        return f"$PBKDF2-SHA512$iterations=210000${salt}${digest}"
    if family == "pihole_balloon":
        return f"$BALLOON-SHA256$v=1$s=1024,t=32${b64(r.randbytes(16))}${b64(hashlib.sha256(r.randbytes(16)).digest())}"
    if family == "okta_sha256":
        body = {
            "hash": {
                "algorithm": "SHA-256",
                "salt": b64(r.randbytes(16)),
                "saltOrder": pick(r, "PREFIX", "POSTFIX"),
                "value": b64(hashlib.sha256(r.randbytes(16)).digest()),
            }
        }
        return json.dumps(body)
    if family == "jetty":
        if r.random() < 0.6:
            return "MD5:" + hashlib.md5(r.randbytes(16)).hexdigest()
        return "CRYPT:" + rand(r, CRYPT64, 13)
    if family == "smbpasswd":
        user = pick(r, "scanner", "meterops", "crew-roster", "pharmacist", "visits")
        return (
            f"{user}:{r.randrange(1001, 1200)}:XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX:"
            f"{hashlib.md5(r.randbytes(16)).hexdigest().upper()}:[U          ]:LCT-{rand(r, '0123456789ABCDEF', 8)}:"
        )
    if family == "django_bcrypt":
        return f"bcrypt$$2b${pick(r, '12', '13')}${rand(r, CRYPT64, 53)}"
    if family == "graylog_sha2":
        return f"root_password_sha2 = {hashlib.sha256(r.randbytes(16)).hexdigest()}"
    assert family == "aspnet_membership"
    return (
        f"Password={b64(hashlib.sha1(r.randbytes(16)).digest())};PasswordSalt={b64(r.randbytes(16))};PasswordFormat=1"
    )


def unnoticed_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r,
        "Nuuk",
        "Ilulissat",
        "Sisimiut",
        "Catalan-Bay",
        "Europa-Point",
        "Oranjestad",
        "Arikok",
        "Willemstad",
        "Punda",
        "Noumea",
        "Lifou",
        "Papeete",
        "Moorea",
        "Raiatea",
        "Vaduz",
        "Triesenberg",
        "Malbun",
        "Borgo",
        "Titano",
        "Mustair",
        "Scuol",
        "Alghero",
        "Nuoro",
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%")


def unnoticed_email(r: random.Random) -> str:
    """An address of the split's people: Greenlandic, Gibraltarian, Aruban, Curaçaoan, Kanak and Caldoche,
    Tahitian, Liechtenstein, Sammarinese, Romansh and Sardinian names, with dots, digits, underscores, plus tags and
    their places' providers."""
    first = pick(
        r,
        "aviaja.lynge",
        "nuka.kleist",
        "malik.hegelund",
        "kieran.bossino",
        "gemma_sanchez",
        "jurgen.croes",
        "shanaira.martina",
        "giovanni.ricardo",
        "wakaya.wahnyamalla",
        "hina.teriierooiterai",
        "teva.tetuanui",
        "marco.buechel",
        "corinne.frommelt",
        "matteo.gatti",
        "ursina.caduff",
        "giuanne.piras",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'flights', 'study', 'meter')}")
    domain = pick(
        r,
        "gmail.com",
        "outlook.com",
        "icloud.com",
        "greennet.gl",
        "gibtelecom.net",
        "setarnet.aw",
        "onenet.cw",
        "lagoon.nc",
        "mail.pf",
        "vodanet.li",
        "omniway.sm",
        "bluewin.ch",
        "tiscali.it",
        "gmx.ch",
    )
    return f"{local}@{domain}"


def unnoticed_ssr_ctce(email_address: str) -> str:
    """An e-mail address as an SSR CTCE element carries it: ``@`` as ``//``, ``_`` as ``..``, ``-`` as ``./`` and in
    capitals (IATA's reserved characters)."""
    return email_address.upper().replace("_", "..").replace("-", "./").replace("@", "//")


def unnoticed_uuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def unnoticed_ulid(r: random.Random) -> str:
    return "01J" + rand(r, "0123456789ABCDEFGHJKMNPQRSTVWXYZ", 23)


# Keys of vendors no earlier split draws, in their documented shapes.
def unnoticed_clickup_token(r: random.Random) -> str:
    """A ClickUp personal API token: ``pk_``, the user's id, ``_`` and 32 capital letters and digits (sent bare in
    ``Authorization``)."""
    return f"pk_{r.randrange(10**7, 10**8)}_{rand(r, string.ascii_uppercase + string.digits, 32)}"


def unnoticed_supabase_pat(r: random.Random) -> str:
    """A Supabase personal access token for the Management API: ``sbp_`` and 40 hex digits."""
    return "sbp_" + rand(r, HEX, 40)


def unnoticed_hubspot_token(r: random.Random) -> str:
    """A HubSpot private-app access token: ``pat-``, the data centre (``na1``, ``eu1``), ``-`` and a UUID."""
    return f"pat-{pick(r, 'na1', 'eu1')}-{unnoticed_uuid(r)}"


def unnoticed_typeform_token(r: random.Random) -> str:
    """A Typeform personal access token: ``tfp_``, 44 letters and digits, ``_`` and 14 more."""
    return f"tfp_{rand(r, ALNUM, 44)}_{rand(r, ALNUM, 14)}"


def unnoticed_dynatrace_token(r: random.Random) -> str:
    """A Dynatrace API token: ``dt0c01.``, the token's 24-character public id and its 64-character secret (base32)."""
    alphabet = string.ascii_uppercase + "234567"
    return f"dt0c01.{rand(r, alphabet, 24)}.{rand(r, alphabet, 64)}"


def unnoticed_grafana_cloud_token(r: random.Random) -> str:
    """A Grafana Cloud access-policy token: ``glc_`` and base64 of the JSON naming the org, the token and the region."""
    body = {
        "o": str(r.randrange(10**5, 10**6)),
        "n": f"stack-{r.randrange(10**5, 10**6)}-{pick(r, 'meter-ingest', 'alloy', 'otlp-write')}",
        "k": rand(r, ALNUM, 24),
        "m": {"r": pick(r, "prod-eu-west-2", "prod-eu-west-3", "prod-ap-southeast-1")},
    }
    return "glc_" + b64(json.dumps(body, separators=(",", ":")).encode())


def unnoticed_postman_key(r: random.Random) -> str:
    """A Postman API key: ``PMAK-``, 24 hex digits, ``-`` and 34 hex digits."""
    return f"PMAK-{rand(r, HEX, 24)}-{rand(r, HEX, 34)}"


def unnoticed_buildkite_token(r: random.Random) -> str:
    """A Buildkite API access token: ``bkua_`` and 40 hex digits."""
    return "bkua_" + rand(r, HEX, 40)


def unnoticed_jfrog_token(r: random.Random) -> str:
    """A JFrog reference token: base64 of ``reftkn:01:``, the expiry and 27 random characters (64 characters, always
    starting ``cmVmdGtuOjAxOj``)."""
    raw = f"reftkn:01:{r.randrange(1_780_000_000, 1_900_000_000)}:{rand(r, ALNUM, 27)}"
    return b64(raw.encode())


def unnoticed_heroku_key(r: random.Random) -> str:
    """A Heroku API key in the 2024 format: ``HRKU-AA`` and 58 letters, digits, ``-`` and ``_``."""
    return "HRKU-AA" + rand(r, B64URL, 58)


def unnoticed_doppler_pat(r: random.Random) -> str:
    """A Doppler personal token: ``dp.pt.`` and 43 letters and digits."""
    return "dp.pt." + rand(r, ALNUM, 43)


def unnoticed_op_service_token(r: random.Random) -> str:
    """A 1Password service-account token: ``ops_`` and base64url of the JSON with the sign-in address, the SRP
    parameters and the account key."""
    body = {
        "signInAddress": pick(r, "my.1password.eu", "my.1password.com"),
        "userAuth": {
            "method": "SRPg-4096",
            "alg": "PBES2g-HS256",
            "iterations": 650000,
            "salt": b64url(r.randbytes(16)),
        },
        "email": f"{rand(r, string.ascii_lowercase + string.digits, 13)}@1passwordserviceaccounts.eu",
        "srpX": r.randbytes(32).hex(),
        "muk": {"alg": "A256GCM", "ext": True, "k": b64url(r.randbytes(32)), "key_ops": ["encrypt", "decrypt"],
                "kty": "oct", "kid": "mp"},
        "secretKey": f"A3-{rand(r, UPPER, 6)}-{rand(r, UPPER, 6)}-{rand(r, UPPER, 5)}-{rand(r, UPPER, 5)}",
        "throttleSecret": {"seed": r.randbytes(32).hex(), "uuid": rand(r, string.ascii_lowercase + string.digits, 26)},
        "deviceUuid": rand(r, string.ascii_lowercase + string.digits, 26),
    }  # fmt: skip
    return "ops_" + b64url(json.dumps(body, separators=(",", ":")).encode())


def unnoticed_honeycomb_key(r: random.Random) -> str:
    """A Honeycomb ingest key: ``hcaik_``, a 26-character ULID and 32 characters of secret (lower-case)."""
    return (
        "hcaik_01"
        + rand(r, "0123456789abcdefghjkmnpqrstvwxyz", 24)
        + rand(r, string.ascii_lowercase + string.digits, 32)
    )


def unnoticed_coralogix_key(r: random.Random) -> str:
    """A Coralogix Send-Your-Data API key: ``cxtp_`` and 30 letters and digits."""
    return "cxtp_" + rand(r, ALNUM, 30)


def unnoticed_checkly_key(r: random.Random) -> str:
    """A Checkly user API key: ``cu_`` and 32 hex digits."""
    return "cu_" + rand(r, HEX, 32)


def unnoticed_exoscale_pair(r: random.Random) -> tuple[str, str]:
    """An Exoscale API key (``EXO`` and 24 hex digits, an id) and its secret (43 base64url characters)."""
    return "EXO" + rand(r, HEX, 24), rand(r, B64URL, 43)


def unnoticed_confluent_pair(r: random.Random) -> tuple[str, str]:
    """A Confluent Cloud API key (16 capital letters and digits) and its secret (64 letters, digits, ``+`` and
    ``/``)."""
    return rand(r, string.ascii_uppercase + string.digits, 16), rand(r, B64, 64)


def unnoticed_chargebee_key(r: random.Random) -> str:
    """A Chargebee live API key (``live_`` and 32 letters and digits), sent as the Basic user with no password."""
    return "live_" + rand(r, ALNUM, 32)


def unnoticed_authnet_pair(r: random.Random) -> tuple[str, str]:
    """An Authorize.net API login id (9 to 12 characters) and transaction key (16 letters and digits)."""
    return rand(r, ALNUM, r.randrange(9, 13)), rand(r, ALNUM, 16)


def unnoticed_cdp_key_name(r: random.Random) -> str:
    """A Coinbase Developer Platform API key's name (an id, no secret): the organization and the key."""
    return f"organizations/{unnoticed_uuid(r)}/apiKeys/{unnoticed_uuid(r)}"


def unnoticed_ec_pem(r: random.Random, nl: str = "\n") -> str:
    """An EC private key in PEM (the secret half of a Coinbase CDP key, a DLMS head-end's key)."""
    body = b64(r.randbytes(121))
    lines = nl.join(body[i : i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN EC PRIVATE KEY-----{nl}{lines}{nl}-----END EC PRIVATE KEY-----"


def unnoticed_pipedrive_token(r: random.Random) -> str:
    """A Pipedrive API token (40 hex digits, sent as ``api_token``)."""
    return rand(r, HEX, 40)


def unnoticed_duo_pair(r: random.Random) -> tuple[str, str]:
    """A Duo application's integration key (``DI`` and 18 capitals and digits, an id) and secret key (40 characters)."""
    return "DI" + rand(r, string.ascii_uppercase + string.digits, 18), rand(r, ALNUM, 40)


def unnoticed_cloudflare_global_key(r: random.Random) -> str:
    """A Cloudflare Global API Key (37 hex digits, sent as ``X-Auth-Key`` with the account's e-mail)."""
    return rand(r, HEX, 37)


def unnoticed_sanity_token(r: random.Random) -> str:
    """A Sanity API token: ``sk`` and 180 letters and digits."""
    return "sk" + rand(r, ALNUM, 180)


def unnoticed_contentstack_token(r: random.Random) -> str:
    """A Contentstack management token: ``cs`` and 32 hex digits."""
    return "cs" + rand(r, HEX, 32)


def unnoticed_vultr_key(r: random.Random) -> str:
    """A Vultr API key: 36 capital letters and digits."""
    return rand(r, string.ascii_uppercase + string.digits, 36)


def unnoticed_bunny_key(r: random.Random) -> str:
    """A bunny.net account API key: two UUIDs run together (72 characters)."""
    return unnoticed_uuid(r) + unnoticed_uuid(r)


def unnoticed_salesforce_token(r: random.Random) -> str:
    """A Salesforce access token (a session id): the 15-character org id (``00D``...), ``!`` and 96 characters."""
    return f"00D{rand(r, ALNUM, 12)}!AQ{rand(r, ALNUM + '._', 94)}"


def unnoticed_bedrock_key(r: random.Random) -> str:
    """An Amazon Bedrock long-term API key: ``ABSK`` and base64 of ``BedrockAPIKey-``, an id, the account and the
    secret."""
    raw = f"BedrockAPIKey-{rand(r, string.ascii_lowercase + string.digits, 4)}-at-{r.randrange(10**11, 10**12)}:"
    return "ABSK" + b64((raw + rand(r, B64, 48)).encode())


def unnoticed_nlpcloud_token(r: random.Random) -> str:
    """An NLP Cloud API token (40 hex digits, sent with the ``Token`` scheme)."""
    return rand(r, HEX, 40)


def unnoticed_redcap_token(r: random.Random) -> str:
    """A REDCap project API token: 32 capital hex digits."""
    return rand(r, "0123456789ABCDEF", 32)


def unnoticed_edenai_key(r: random.Random) -> str:
    """An Eden AI API key: an HS256 JWT naming the user and ``api_token``."""
    claims = {"user_id": unnoticed_uuid(r), "type": pick(r, "api_token", "sandbox_api_token")}
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unnoticed_supabase_jwt(r: random.Random) -> str:
    """A Supabase Auth access token: HS256, the project's ``/auth/v1`` as issuer, the ``authenticated`` role, the AAL
    and the session."""
    iat = 1_768_200_000 + r.randrange(10**6)
    ref = rand(r, string.ascii_lowercase, 20)
    claims = {
        "iss": f"https://{ref}.supabase.co/auth/v1",
        "sub": unnoticed_uuid(r),
        "aud": "authenticated",
        "exp": iat + 3600,
        "iat": iat,
        "role": "authenticated",
        "aal": "aal1",
        "amr": [{"method": pick(r, "otp", "password"), "timestamp": iat}],
        "session_id": unnoticed_uuid(r),
        "is_anonymous": False,
    }
    return _signed_jwt(r, {"alg": "HS256", "kid": rand(r, ALNUM, 16), "typ": "JWT"}, claims, 32)


def unnoticed_workos_jwt(r: random.Random) -> str:
    """A WorkOS AuthKit access token: RS256, the client's user-management issuer, the session, org and role."""
    iat = 1_768_200_000 + r.randrange(10**6)
    claims = {
        "iss": f"https://api.workos.com/user_management/client_{unnoticed_ulid(r)}",
        "sub": f"user_{unnoticed_ulid(r)}",
        "sid": f"session_{unnoticed_ulid(r)}",
        "jti": unnoticed_ulid(r),
        "org_id": f"org_{unnoticed_ulid(r)}",
        "role": pick(r, "member", "admin", "coordinator"),
        "permissions": [],
        "exp": iat + 300,
        "iat": iat,
    }
    return _signed_jwt(r, {"alg": "RS256", "kid": f"sso_oidc_key_pair_{unnoticed_ulid(r)}"}, claims, 256)


def unnoticed_apple_id_token(r: random.Random) -> str:
    """A Sign in with Apple identity token: RS256, Apple as issuer, the app's bundle id as audience, the user's
    team-scoped id."""
    iat = 1_768_200_000 + r.randrange(10**6)
    claims = {
        "iss": "https://appleid.apple.com",
        "aud": pick(r, "pf.airtahitinui.booking", "gl.airgreenland.app", "li.lkw.kundenportal"),
        "exp": iat + 86400,
        "iat": iat,
        "sub": f"00{r.randrange(1000, 9999)}.{rand(r, HEX, 32)}.{r.randrange(1000, 9999)}",
        "c_hash": b64url(r.randbytes(16)),
        "auth_time": iat,
        "nonce_supported": True,
    }
    return _signed_jwt(r, {"kid": rand(r, ALNUM, 10), "alg": "RS256"}, claims, 256)


def unnoticed_mux_jwt(r: random.Random) -> str:
    """A Mux signed-playback token: RS256, the signing key's id as ``kid``, the playback id as subject, ``v`` (video)
    as audience."""
    iat = 1_768_200_000 + r.randrange(10**6)
    claims = {"sub": rand(r, ALNUM, 44), "aud": "v", "exp": iat + 3600, "kid": rand(r, ALNUM, 30)}
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT", "kid": str(claims["kid"])}, claims, 256)


def unnoticed_pingone_jwt(r: random.Random) -> str:
    """A PingOne access token: RS256, the environment's ``/as`` as issuer, the client and the scopes."""
    iat = 1_768_200_000 + r.randrange(10**6)
    env = unnoticed_uuid(r)
    claims = {
        "client_id": unnoticed_uuid(r),
        "iss": f"https://auth.pingone.{pick(r, 'eu', 'com', 'ca')}/{env}/as",
        "jti": unnoticed_uuid(r),
        "iat": iat,
        "exp": iat + 3600,
        "aud": ["https://api.pingone.eu"],
        "scope": "openid profile p1:read:user",
        "sub": unnoticed_uuid(r),
        "sid": unnoticed_uuid(r),
        "env": env,
        "org": unnoticed_uuid(r),
    }
    return _signed_jwt(r, {"kid": unnoticed_uuid(r), "alg": "RS256"}, claims, 256)


def unnoticed_fusionauth_jwt(r: random.Random) -> str:
    """A FusionAuth access token: HS256, the tenant's issuer, the application as audience, its roles and the
    authentication type."""
    iat = 1_768_200_000 + r.randrange(10**6)
    app = unnoticed_uuid(r)
    claims = {
        "aud": app,
        "exp": iat + 3600,
        "iat": iat,
        "iss": pick(r, "auth.sardtrial.example", "login.meterco.example"),
        "sub": unnoticed_uuid(r),
        "jti": unnoticed_uuid(r),
        "authenticationType": "PASSWORD",
        "applicationId": app,
        "roles": [pick(r, "coordinator", "monitor", "reader")],
        "sid": unnoticed_uuid(r),
        "auth_time": iat,
        "tid": unnoticed_uuid(r),
    }
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT", "kid": rand(r, HEX, 9)}, claims, 32)


# ---------------------------------------------------------------------------- the unremarked split's own values
#
# Written for the twenty-seventh split only, by a twenty-first session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, the Russian account key and the national checks named below, hash lengths and
# alphabets).

# IBAN countries this split draws, all drawn by earlier splits, here each with its national parts as a bank issues
# them: Russia (33: the bank's nine-digit BIK and the twenty-digit account number, its control key computed with the
# BIK), Kosovo (20: a four-digit bank and branch code, ten account digits and two national check digits), Mali and
# Senegal (28, UEMOA: a five-character bank code that starts with the country's letters, a five-digit branch, twelve
# account digits and the two-digit RIB key) and France (27, with the RIB key: the banks of Réunion issue French IBANs).
# ``corpus`` and ``classes`` print them in shapes no other split uses: ISO 20022 pain.001 initiations and camt.054
# notifications, Paysera, Tipalti, Deel, Currencycloud and Rapyd bodies, a BCEAO transfer order and a car rental's
# refund remark.
UNREMARKED_IBAN_LENGTHS = {"RU": 33, "XK": 20, "ML": 28, "SN": 28, "FR": 27}
_URM_BANKS = {
    "RU": ("044525225", "044525974", "044525593", "046577674", "040349602", "045004641"),
    "XK": ("1212", "1110", "1501", "1901", "2001"),
    "ML": ("ML016", "ML043", "ML102", "ML090", "ML112"),
    "SN": ("SN010", "SN012", "SN094", "SN213", "SN039"),
    "FR": ("19906", "11315", "18719", "10107", "14445"),
}
_URM_RU_WEIGHTS = ((7, 1, 3) * 8)[:23]


def unremarked_ru_account(r: random.Random, bik: str = "") -> tuple[str, str]:
    """A Russian bank account number (20 digits: the balance account, 810 for roubles, the control key, the branch and
    the account) and its bank's BIK; the key is the one the Bank of Russia's rule gives with the BIK's last three
    digits (weights 7, 1, 3; the sum of the products' last digits ends in 0)."""
    bik = bik or r.choice(_URM_BANKS["RU"])
    base = pick(r, "40817", "40817", "40702", "40802") + "810" + "0" + rand(r, string.digits, 11)
    digits = bik[-3:] + base
    total = sum((int(d) * w) % 10 for d, w in zip(digits, _URM_RU_WEIGHTS, strict=True))
    account = base[:8] + str((total % 10) * 3 % 10) + base[9:]
    check = sum((int(d) * w) % 10 for d, w in zip(bik[-3:] + account, _URM_RU_WEIGHTS, strict=True))
    assert check % 10 == 0, account
    return account, bik


def _urm_digit_value(ch: str) -> str:
    """A RIB character as a digit (letters as the French and BCEAO keys read them: A-I 1-9, J-R 1-9, S-Z 2-9)."""
    if ch.isdigit():
        return ch
    i = string.ascii_uppercase.index(ch)
    return str((i % 9) + 1 if ch < "S" else (i % 9) + 2)


def unremarked_rib_key(bank: str, branch: str, account: str) -> str:
    """The two-digit RIB key of France and of the UEMOA (whose bank codes start with letters)."""
    num = ["".join(_urm_digit_value(c) for c in part) for part in (bank, branch, account)]
    return f"{97 - (89 * int(num[0]) + 15 * int(num[1]) + 3 * int(num[2])) % 97:02d}"


def _urm_bban(r: random.Random, country: str) -> str:
    bank = r.choice(_URM_BANKS[country])
    if country == "RU":
        account, _ = unremarked_ru_account(r, bank)
        return bank + account
    if country == "XK":
        account = rand(r, string.digits, 10)
        return bank + account + f"{98 - int(bank + account + '00') % 97:02d}"
    branch = rand(r, string.digits, 5)
    account = rand(r, string.digits, 12 if country in ("ML", "SN") else 11)
    if country == "FR":
        account = "0" + account[1:]
    return bank + branch + account + unremarked_rib_key(bank, branch, account)


def unremarked_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Russia, Kosovo, Mali, Senegal or France (Réunion's banks) with its national parts, compact or in
    groups of four (``grouped`` None: either); ``valid`` False: its check digits are wrong (neither the right ones nor
    those 97 apart)."""
    country = country or r.choice(sorted(UNREMARKED_IBAN_LENGTHS))
    bban = _urm_bban(r, country)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNREMARKED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


def unremarked_uemoa_rib(r: random.Random, country: str = "") -> str:
    """A UEMOA account in its national RIB form (bank code, branch, account, key; no country and no IBAN check digits),
    as a Malian or Senegalese bank prints it on a statement: an account number that is no IBAN (drawn until no run of
    its groups passes Luhn: no card either)."""
    country = country or pick(r, "ML", "SN")
    while True:
        bank, branch, account = r.choice(_URM_BANKS[country]), rand(r, string.digits, 5), rand(r, string.digits, 12)
        key = unremarked_rib_key(bank, branch, account)
        if not any(luhn_ok(run) for run in (branch + account, account + key, branch + account + key)):
            return f"{bank} {branch} {account} {key}"


def _urm_no_phone(digits: str) -> bool:
    """Whether ``digits`` read as no valid number of the split's regions nationally nor anywhere with a ``+``."""
    parsed = []
    for text, region in [(digits, g) for g in PHONE_REGIONS] + [("+" + digits, None)]:
        with contextlib.suppress(phonenumbers.NumberParseException):
            parsed.append(phonenumbers.parse(text, region))
    return not any(phonenumbers.is_valid_number(p) for p in parsed)


def unremarked_inn(r: random.Random, person: bool = False) -> str:
    """A Russian taxpayer number (ИНН): ten digits for a company, twelve for a person, with their check digits; drawn
    until it reads as no phone number and fails Luhn."""

    def check(digits: str, weights: tuple[int, ...]) -> str:
        return str(sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 % 10)

    while True:
        if not person:
            body = pick(r, "77", "78", "66", "23") + rand(r, string.digits, 7)
            body += check(body, (2, 4, 10, 3, 5, 9, 4, 6, 8))
        else:
            body = pick(r, "77", "78", "66", "23") + rand(r, string.digits, 8)
            body += check(body, (7, 2, 4, 10, 3, 5, 9, 4, 6, 8))
            body += check(body, (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8))
        if _urm_no_phone(body) and not luhn_ok(body):
            return body


def unremarked_snils(r: random.Random) -> str:
    """A Russian insurance number (СНИЛС) as it is printed, ``123-456-789 01``, with its check number; drawn until its
    eleven digits read as no phone number."""
    while True:
        body = rand(r, string.digits, 9)
        total = sum(int(d) * (9 - i) for i, d in enumerate(body))
        key = total % 101 if total >= 100 else total
        key = 0 if key in (100, 101) else key
        if _urm_no_phone(f"{body}{key:02d}") and _urm_no_phone(body):
            return f"{body[:3]}-{body[3:6]}-{body[6:]} {key:02d}"


# This split's regions: Russia (+7, ten digits, written nationally with the trunk 8 and the code in parentheses),
# Macau (+853, eight), Réunion (+262, nine, written nationally as French numbers are, in pairs after 0692), the DR
# Congo (+243, nine, nationally with a 0), Guinea (+224, nine), Mali (+223, eight), Kosovo (+383, eight, nationally
# with a 0 and often a slash) and Guam (+1 671, a North American number). Macau's, Guinea's and Mali's national
# numbers (eight or nine digits without a trunk prefix) name no country, so they are written in international form
# only; the others in both.
_URM_INTERNATIONAL_ONLY = frozenset({"MO", "GN", "ML"})


def _urm_valid_number(r: random.Random, region: str) -> phonenumbers.PhoneNumber:
    """A valid number of ``region``: its example number's first digits and random ones after them (Guam's exchange
    kept whole, never a 555 line)."""
    kind = pick(r, "MOBILE", "MOBILE", "FIXED_LINE") if region != "CD" else "MOBILE"  # Kinshasa's lines are mobiles
    example = phonenumbers.example_number_for_type(region, getattr(phonenumbers.PhoneNumberType, kind))
    assert example is not None
    national = phonenumbers.national_significant_number(example)
    keep = {"GU": 4, "RU": 3, "MO": 2, "ML": 2, "GN": 3, "XK": 2, "CD": 2, "RE": 4}[region]
    for _ in range(500):
        digits = national[:keep] + rand(r, string.digits, len(national) - keep)
        number = phonenumbers.parse(f"+{example.country_code}{digits}")
        fiction = region == "GU" and (digits[3:6] == "555" or digits[3] in "01")
        if phonenumbers.is_valid_number(number) and not fiction and len(set(digits)) > 3:
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def unremarked_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` in a form its people use, international or (unless ``international_only``,
    and never for Macau, Guinea and Mali) national. Checked: it parses back (with its region as default) to the same
    valid number and holds no run that reads as an IPv4 address."""
    region = r.choice(regions)
    number = _urm_valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    cc = f"+{number.country_code}"
    digits = phonenumbers.national_significant_number(number)
    rest = intl[len(cc) :].strip()
    forms = [intl, phonenumbers.format_number(number, pnf.E164), f"00{number.country_code} {rest}"]
    if region == "RU":  # +7 (912) 345-67-89, as Russian sites print it
        forms += [f"+7 ({digits[:3]}) {digits[3:6]}-{digits[6:8]}-{digits[8:]}", f"+7{digits}"]
    if region == "GU":
        forms = [intl, f"+1 ({digits[:3]}) {digits[3:6]}-{digits[6:]}", f"+1{digits}"]
    if region in ("RE", "XK"):  # the trunk 0 in parentheses after the country code
        forms.append(f"{cc} (0){rest}")
    if region in ("MO", "GN", "ML"):
        forms.append(f"({cc}) {rest}")
    if not international_only and region not in _URM_INTERNATIONAL_ONLY:
        forms += [national, national.replace(" ", "")]
        if region == "RU":
            forms += [f"8 {digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}", f"8-{digits[:3]}-{digits[3:6]}-"
                      f"{digits[6:8]}-{digits[8:]}", "8" + digits]  # fmt: skip
        if region == "RE":
            pairs = "0" + digits
            forms.append(" ".join(pairs[i : i + 2] for i in range(0, len(pairs), 2)))
        if region == "XK":
            forms.append(f"0{digits[:2]}/{digits[2:5]}-{digits[5:]}")
        if region == "CD":
            forms.append(f"0{digits[:2]} {digits[2:5]} {digits[5:]}")
        if region == "GU":
            forms += [f"{digits[:3]}-{digits[3:6]}-{digits[6:]}", f"1-{digits[:3]}-{digits[3:6]}-{digits[6:]}"]
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unremarked_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number of ``regions`` that is valid nowhere: a valid one with a
    digit dropped or added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    for _ in range(500):
        number = _urm_valid_number(r, r.choice(regions))
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-1] if r.random() < 0.5 else digits + r.choice(string.digits)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        national = []
        for g in regions:
            with contextlib.suppress(phonenumbers.NumberParseException):
                national.append(phonenumbers.parse(digits, g))
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and not any(
            phonenumbers.is_valid_number(p) for p in national
        ):
            return text
    raise AssertionError("no invalid number drawn")


def unremarked_digits(r: random.Random, n: int, regions: tuple[str, ...] = (), lead: str = "") -> str:
    """``n`` digits (``lead`` first) that are no valid number of ``regions`` nationally nor anywhere with a ``+`` and
    fail Luhn: a VIN's serial, a device serial, a mobile-money reference; no phone, no card."""
    regions = regions or tuple(PHONE_REGIONS)
    while True:
        head = lead or r.choice("123456789")
        digits = head + rand(r, string.digits, n - len(head))
        parsed = []
        for text, region in [(digits, g) for g in regions] + [("+" + digits, None)]:
            with contextlib.suppress(phonenumbers.NumberParseException):
                parsed.append(phonenumbers.parse(text, region))
        if not any(phonenumbers.is_valid_number(p) for p in parsed) and not luhn_ok(digits):
            return digits


def _urm_luhn_windows(digits: str) -> bool:
    """Whether a run of 12 to 19 digits inside ``digits`` passes Luhn (a card could be read out of it)."""
    return any(luhn_ok(digits[i : i + n]) for n in range(12, 20) for i in range(0, len(digits) - n + 1))


def unremarked_sts_token(r: random.Random) -> str:
    """A prepaid meter's or a pay-as-you-go solar kit's 20-digit unlock token in groups of four, drawn until no run of
    12 to 19 of its digits passes Luhn and no group of digits reads as a phone number."""
    while True:
        digits = rand(r, string.digits, 20)
        if not _urm_luhn_windows(digits) and digits[0] != "0":
            return " ".join(digits[i : i + 4] for i in range(0, 20, 4))


def unremarked_imsi(r: random.Random) -> str:
    """A SIM's IMSI: the network (MCC and MNC: MegaFon 250 02, Orange RDC 630 86, Orange Mali 610 02, Orange Guinée
    611 01, Vala 221 01) and ten digits; 15 digits, no phone, no card."""
    while True:
        text = pick(r, "25002", "63086", "61002", "61101", "22101") + rand(r, string.digits, 10)
        if not luhn_ok(text):
            return text


def unremarked_imei(r: random.Random) -> str:
    """A handset's IMEI: an eight-digit TAC, a six-digit serial and the Luhn check digit (it passes Luhn and is no
    card)."""
    body = pick(r, "35", "86", "01", "49") + rand(r, string.digits, 12)
    return body + _luhn_digit(body)


def unremarked_iccid(r: random.Random) -> str:
    """A SIM's ICCID: 89, the country code (7, 243, 223, 224), the issuer, the serial and the Luhn digit; 19 digits
    that pass Luhn and are no card."""
    head = "89" + pick(r, "701", "24386", "22302", "22401")
    body = head + rand(r, string.digits, 18 - len(head))
    return body + _luhn_digit(body)


_URM_VIN_VALUES = {**{str(d): d for d in range(10)}, **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
                   **dict(zip("JKLMN", range(1, 6), strict=True)), "P": 7, "R": 9,
                   **dict(zip("STUVWXYZ", range(2, 10), strict=True))}  # fmt: skip
_URM_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def unremarked_vin(r: random.Random) -> str:
    """A vehicle identification number (17 characters, no I, O or Q) of a rental fleet's Toyota, Renault, Hyundai or
    Kia, with the check digit in the ninth place: letters and a long run of digits, no key, no card."""
    alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    wmi = pick(r, "JTD", "VF1", "KMH", "KNA", "MR0")
    vin = wmi + rand(r, alphabet, 5) + "0" + pick(r, "R", "S", "P") + rand(r, alphabet, 1) + rand(r, string.digits, 6)
    total = sum(_URM_VIN_VALUES[c] * w for c, w in zip(vin, _URM_VIN_WEIGHTS, strict=True))
    check = "X" if total % 11 == 10 else str(total % 11)
    return vin[:8] + check + vin[9:]


def unremarked_mrz(r: random.Random, surname: str, given: str, nationality: str) -> str:
    """The two lines of a passport's machine-readable zone (ICAO 9303 TD3), check digits computed: a document number,
    birth date and expiry full of digits and ``<``, no card and no phone."""

    def check(text: str) -> str:
        values = {**{str(d): d for d in range(10)}, "<": 0,
                  **{c: 10 + i for i, c in enumerate(string.ascii_uppercase)}}  # fmt: skip
        return str(sum(values[c] * (7, 3, 1)[i % 3] for i, c in enumerate(text)) % 10)

    line1 = f"P<{nationality}{surname}<<{given}".ljust(44, "<")[:44]
    number = pick(r, "7", "P", "A") + rand(r, string.digits, 8)
    birth = f"{r.randrange(60, 99)}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}"
    expiry = f"{r.randrange(27, 35)}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}"
    sex = pick(r, "M", "F")
    personal = "<" * 14
    body = f"{number}{check(number)}{nationality}{birth}{check(birth)}{sex}{expiry}{check(expiry)}{personal}"
    body += check(personal)
    composite = number + check(number) + birth + check(birth) + expiry + check(expiry) + personal + check(personal)
    line2 = body + check(composite)
    assert len(line2) == 44, line2
    return f"{line1}\n{line2}"


# Card numbers this split draws, from BIN ranges and lengths no split has drawn (Mir's 2200 and 2201 in 19 digits as
# well as 16, Visa's 4276, 4377 and 4149, Mastercard's 5469, 5213 and 2710, UnionPay's 6234 and 6226, JCB's 3582 and
# Amex's 3742), printed in shapes of their own: in pairs (a voice bot's transcript of a caller reading the card out),
# between Discord's ``||`` spoiler bars or Markdown backticks, as an IVR's DTMF capture ending in ``#``, in Lyra's
# (PayZen) ``vads_card_number`` form field, a YooKassa ``payment_method_data`` and a Checkout.com ``source``.
UNREMARKED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "mir": (("2200", "2201"), (16, 19)),
    "visa": (("4276", "4377", "4149"), (16,)),
    "mastercard": (("5469", "5213", "2710"), (16,)),
    "unionpay": (("6234", "6226"), (16, 19)),
    "jcb": (("3582",), (16,)),
    "amex": (("3742",), (15,)),
}


def unremarked_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNREMARKED_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def unremarked_card(r: random.Random, brand: str = "", sep: str | None = None, pairs: bool = False) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in its groups (Amex 4-6-5, 19 digits 4-4-4-4-3, the rest by four)
    or in pairs as a caller reads it out (``pairs``), joined by ``sep`` (a space, a dash or nothing)."""
    digits = unremarked_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    if pairs:
        return " ".join(digits[i : i + 2] for i in range(0, len(digits), 2))
    return grouped(digits, card_groups(digits), sep)


UNREMARKED_HASH_FAMILIES = (
    "samba_unicodepwd",
    "guacamole_sha256",
    "arangodb_simple",
    "zencart_md5",
    "vbulletin5",
    "werkzeug_sha1",
    "passlib_pbkdf2_sha1",
    "redmine_sha1",
)


def unremarked_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family in the form its system stores it (``family`` empty: any): a Samba AD user's
    ``unicodePwd::`` (base64 of the 16-byte NT hash, as ``ldbsearch --show-binary`` prints it), Apache Guacamole's
    ``guacamole_user`` row (SHA-256 of the password and its salt as hex literals, with the salt), ArangoDB's ``_users``
    ``authData.simple`` (SHA-256, salt and method), Zen Cart's and osCommerce's ``md5:salt``, a vBulletin 5
    ``token`` with its ``scheme``, Werkzeug's old salted ``sha1$salt$hex``, passlib's ``$pbkdf2$`` (PBKDF2-SHA1 in
    its adapted base64) and a Redmine user's ``hashed_password`` with its salt."""
    family = family or r.choice(UNREMARKED_HASH_FAMILIES)
    if family == "samba_unicodepwd":
        return f"unicodePwd:: {b64(hashlib.md5(r.randbytes(16)).digest())}"
    if family == "guacamole_sha256":
        digest = hashlib.sha256(r.randbytes(16)).hexdigest().upper()
        return f"password_hash=x'{digest}', password_salt=x'{r.randbytes(32).hex().upper()}'"
    if family == "arangodb_simple":
        body = {"simple": {"hash": hashlib.sha256(r.randbytes(16)).hexdigest(), "salt": r.randbytes(4).hex(),
                           "method": "sha256"}}  # fmt: skip
        return json.dumps(body, separators=(",", ":"))
    if family == "zencart_md5":
        return f"{hashlib.md5(r.randbytes(16)).hexdigest()}:{rand(r, HEX, 2)}"
    if family == "vbulletin5":
        token = f"$2y${pick(r, '10', '11')}${rand(r, CRYPT64, 53)}"
        return json.dumps({"userid": r.randrange(2, 90000), "token": token, "scheme": f"blowfish:{token[4:6]}"})
    if family == "werkzeug_sha1":
        return f"sha1${rand(r, ALNUM, 8)}${hashlib.sha1(r.randbytes(16)).hexdigest()}"
    if family == "passlib_pbkdf2_sha1":
        rounds, salt = pick(r, "29000", "131000"), ab64(r.randbytes(16))
        return f"$pbkdf2${rounds}${salt}${ab64(hashlib.sha1(r.randbytes(8)).digest())}"
    assert family == "redmine_sha1"
    return f"hashed_password={hashlib.sha1(r.randbytes(16)).hexdigest()} salt={r.randbytes(16).hex()}"


def unremarked_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r,
        "Ufa",
        "Agidel",
        "Taipa",
        "Coloane",
        "SaintDenis",
        "Cilaos",
        "Mafate",
        "Kinshasa",
        "Gombe",
        "Conakry",
        "Kaloum",
        "Bamako",
        "Djoliba",
        "Prishtina",
        "Prizren",
        "Hagatna",
        "Tumon",
        "Peyrusse",
        "Lochaber",
        "Vilnius",
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "$")


def unremarked_email(r: random.Random) -> str:
    """An address of the split's people: Russian and Bashkir, Macanese, Réunionnais, Congolese, Guinean, Malian,
    Kosovar and Chamorro names, with dots, digits, underscores, plus tags and their places' providers."""
    first = pick(
        r,
        "aigul.yusupova",
        "dmitry.sokolov",
        "ilnur.gabdullin",
        "ka.wai.leong",
        "sofia_ferreira",
        "jean-marc.payet",
        "nadege.hoarau",
        "gloire.mbuyi",
        "patient.kabongo",
        "mamadou.diallo",
        "fatoumata.bah",
        "oumar.traore",
        "aminata.coulibaly",
        "arben.krasniqi",
        "vlora_berisha",
        "joaquin.taitano",
        "maria.cruz",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'visa', 'rental', 'solar')}")
    domain = pick(
        r,
        "gmail.com",
        "yandex.ru",
        "mail.ru",
        "bk.ru",
        "macau.ctm.net",
        "orange.fr",
        "wanadoo.fr",
        "yahoo.fr",
        "outlook.com",
        "ipko.net",
        "kujtesa.net",
        "guam.net",
        "ite.net",
    )
    return f"{local}@{domain}"


def unremarked_uuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def unremarked_ulid(r: random.Random) -> str:
    return "01J" + rand(r, "0123456789ABCDEFGHJKMNPQRSTVWXYZ", 23)


# Keys of vendors no earlier split draws, in their documented shapes (the bodies random).
def unremarked_openai_svcacct(r: random.Random) -> str:
    """An OpenAI service-account key: ``sk-svcacct-``, 74 characters with ``T3BlbkFJ`` inside, more after it."""
    return f"sk-svcacct-{rand(r, B64URL, 74)}T3BlbkFJ{rand(r, B64URL, 74)}"


def unremarked_anthropic_admin(r: random.Random) -> str:
    """An Anthropic Admin API key: ``sk-ant-admin01-``, 93 characters and ``AA``."""
    return f"sk-ant-admin01-{rand(r, B64URL, 93)}AA"


def unremarked_yandex_api_key(r: random.Random) -> str:
    """A Yandex Cloud service account's API key (``AQVN`` and 36 letters, digits, ``_`` and ``-``), sent with the
    ``Api-Key`` scheme."""
    return "AQVN" + rand(r, B64URL, 36)


def unremarked_yandex_oauth(r: random.Random) -> str:
    """A Yandex ID OAuth token: ``y0_`` and 55 letters, digits, ``_`` and ``-`` (sent with the ``OAuth`` scheme)."""
    return "y0_" + rand(r, B64URL, 55)


def unremarked_vk_token(r: random.Random) -> str:
    """A VK API access token: ``vk1.a.`` and about 220 base64url characters."""
    return "vk1.a." + rand(r, B64URL, r.randrange(200, 230))


def unremarked_tinvest_token(r: random.Random) -> str:
    """A T-Bank (Tinkoff) Invest API token: ``t.`` and 86 base64url characters."""
    return "t." + rand(r, B64URL, 86)


def unremarked_dadata_pair(r: random.Random) -> tuple[str, str]:
    """A DaData API key and secret (40 hex digits each; the key as ``Token``, the secret as ``X-Secret``)."""
    return rand(r, HEX, 40), rand(r, HEX, 40)


def unremarked_fusionbrain_pair(r: random.Random) -> tuple[str, str]:
    """A FusionBrain (Kandinsky) API key and secret key: 32 capital hex digits each."""
    return rand(r, "0123456789ABCDEF", 32), rand(r, "0123456789ABCDEF", 32)


def unremarked_elevenlabs_key(r: random.Random) -> str:
    """An ElevenLabs API key in today's format: ``sk_`` and 48 hex digits."""
    return "sk_" + rand(r, HEX, 48)


def unremarked_deepgram_key(r: random.Random) -> str:
    """A Deepgram API key: 40 hex digits, sent with the ``Token`` scheme."""
    return rand(r, HEX, 40)


def unremarked_assemblyai_key(r: random.Random) -> str:
    """An AssemblyAI API key: 32 hex digits, sent bare in ``authorization``."""
    return rand(r, HEX, 32)


def unremarked_stability_key(r: random.Random) -> str:
    """A Stability AI API key: ``sk-`` and 48 letters and digits (no ``T3BlbkFJ``: no OpenAI key)."""
    while True:
        key = "sk-" + rand(r, ALNUM, 48)
        if "T3BlbkFJ" not in key:
            return key


def unremarked_luma_key(r: random.Random) -> str:
    """A Luma AI API key: ``luma-``, a UUID, ``-`` and another UUID."""
    return f"luma-{unremarked_uuid(r)}-{unremarked_uuid(r)}"


def unremarked_runway_key(r: random.Random) -> str:
    """A Runway API secret: ``key_`` and 128 hex digits."""
    return "key_" + rand(r, HEX, 128)


def unremarked_airtable_pat(r: random.Random) -> str:
    """An Airtable personal access token: ``pat``, 14 letters and digits, ``.`` and 64 hex digits."""
    return f"pat{rand(r, ALNUM, 14)}.{rand(r, HEX, 64)}"


def unremarked_mapbox_secret(r: random.Random) -> str:
    """A Mapbox secret token: ``sk.``, base64 of the JSON naming the user and the token, ``.`` and 22 characters."""
    body = json.dumps({"u": pick(r, "kinroute", "guamrides", "macaudrive"), "a": rand(r, ALNUM, 25)},
                      separators=(",", ":"))  # fmt: skip
    return f"sk.{b64url(body.encode())}.{rand(r, B64URL, 22)}"


def unremarked_plaid_access(r: random.Random) -> str:
    """A Plaid access token: ``access-production-`` and a UUID."""
    return "access-production-" + unremarked_uuid(r)


def unremarked_planetscale_token(r: random.Random) -> str:
    """A PlanetScale service token (``pscale_tkn_`` and 43 characters)."""
    return "pscale_tkn_" + rand(r, B64URL, 43)


def unremarked_planetscale_password(r: random.Random) -> str:
    """A PlanetScale database branch password: ``pscale_pw_`` and 43 characters."""
    return "pscale_pw_" + rand(r, B64URL, 43)


def unremarked_xata_key(r: random.Random) -> str:
    """A Xata API key: ``xau_`` and 32 letters and digits."""
    return "xau_" + rand(r, ALNUM, 32)


def unremarked_mailersend_token(r: random.Random) -> str:
    """A MailerSend API token: ``mlsn.`` and 64 hex digits."""
    return "mlsn." + rand(r, HEX, 64)


def unremarked_alibaba_pair(r: random.Random) -> tuple[str, str]:
    """An Alibaba Cloud AccessKey (``LTAI`` and 20 letters and digits, an id) and its 30-character secret."""
    return "LTAI5t" + rand(r, ALNUM, 18), rand(r, ALNUM, 30)


def unremarked_tencent_pair(r: random.Random) -> tuple[str, str]:
    """A Tencent Cloud SecretId (``AKID`` and 32 letters and digits, an id) and its 32-character SecretKey."""
    return "AKID" + rand(r, ALNUM, 32), rand(r, ALNUM, 32)


def _urm_akab(r: random.Random) -> str:
    return (
        f"{rand(r, string.ascii_lowercase + string.digits, 16)}-{rand(r, string.ascii_lowercase + string.digits, 16)}"
    )


def unremarked_akamai_edgerc(r: random.Random) -> str:
    """An Akamai EdgeGrid ``.edgerc`` section as a deploy job printed it: the client secret (base64, 44 characters), the
    API host (``akab-`` and two groups of 16: a hostname, no credential) and the body limit."""
    return (
        f"[default]\nclient_secret = {b64(r.randbytes(32))}\n"
        f"host = akab-{_urm_akab(r)}.luna.akamaiapis.net\n"
        "max-body = 131072"
    )


def unremarked_newrelic_insert(r: random.Random) -> str:
    """A New Relic insert key: ``NRII-`` and 32 characters."""
    return "NRII-" + rand(r, B64URL, 32)


def unremarked_meta_token(r: random.Random) -> str:
    """A Meta (WhatsApp Cloud API) system-user access token: ``EAAG`` or ``EAAB`` and about 190 letters and digits."""
    return pick(r, "EAAG", "EAAB", "EAAJ") + rand(r, ALNUM, r.randrange(180, 200))


def unremarked_momo_key(r: random.Random) -> str:
    """An MTN MoMo API product subscription key (the ``Ocp-Apim-Subscription-Key``): 32 hex digits."""
    return rand(r, HEX, 32)


def unremarked_paydunya_keys(r: random.Random) -> tuple[str, str, str]:
    """PayDunya's master key (a dashed id), private key (``live_private_`` and 20 characters) and token (20)."""
    master = "-".join(rand(r, ALNUM, n) for n in (8, 4, 4, 4, 12))
    return master, "live_private_" + rand(r, ALNUM, 20), rand(r, ALNUM, 20)


def unremarked_yookassa_secret(r: random.Random) -> str:
    """A YooKassa shop's secret key: ``live_`` and 43 base64url characters (the shop id is the Basic user)."""
    return "live_" + rand(r, B64URL, 43)


def unremarked_bitrix_webhook(r: random.Random) -> str:
    """A Bitrix24 inbound webhook: the portal, the user's id and the webhook's 16-character secret code in the path."""
    portal = pick(r, "ufa-rent", "kinroute", "visa-bashkortostan")
    return (
        f"https://{portal}.bitrix24.ru/rest/{r.randrange(1, 40)}/"
        f"{rand(r, string.ascii_lowercase + string.digits, 16)}/crm.lead.add.json"
    )


def unremarked_strapi_token(r: random.Random) -> str:
    """A Strapi API token (full access): 256 hex digits."""
    return rand(r, HEX, 256)


def unremarked_relay_credentials(r: random.Random) -> str:
    """A Sentry Relay's ``credentials.json``: the secret key (43 base64url characters), the public key and the id."""
    body = {"secret_key": rand(r, B64URL, 43), "public_key": rand(r, B64URL, 43), "id": unremarked_uuid(r)}
    return json.dumps(body, indent=2)


def _urm_iat(r: random.Random) -> int:
    return 1_768_200_000 + r.randrange(10**6)


def unremarked_logto_jwt(r: random.Random) -> str:
    """A Logto access token: ES384, the tenant's ``/oidc`` as issuer, the API resource as audience and scopes."""
    iat = _urm_iat(r)
    tenant = rand(r, string.ascii_lowercase + string.digits, 6)
    claims = {"jti": rand(r, B64URL, 21), "sub": rand(r, string.ascii_lowercase + string.digits, 12), "iat": iat,
              "exp": iat + 3600, "scope": "read:bookings write:bookings", "client_id": rand(r, ALNUM, 21),
              "iss": f"https://{tenant}.logto.app/oidc", "aud": "https://api.kinroute.example"}  # fmt: skip
    return _signed_jwt(r, {"alg": "ES384", "typ": "at+jwt", "kid": rand(r, B64URL, 43)}, claims, 96)


def unremarked_casdoor_jwt(r: random.Random) -> str:
    """A Casdoor access token: RS256, the user's profile as claims (owner, name, id, type) and the Casdoor host as
    issuer."""
    iat = _urm_iat(r)
    claims = {"owner": "guam-rides", "name": rand(r, string.ascii_lowercase, 8), "id": unremarked_uuid(r),
              "type": "normal-user", "tokenType": "access-token", "scope": "read",
              "iss": "https://door.guamrides.example", "sub": unremarked_uuid(r), "aud": [rand(r, HEX, 20)],
              "exp": iat + 604800, "nbf": iat, "iat": iat, "jti": f"admin/{unremarked_uuid(r)}"}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": "cert-built-in", "typ": "JWT"}, claims, 256)


def unremarked_descope_jwt(r: random.Random) -> str:
    """A Descope session token: RS256, the project (``P2`` and 27 characters) in the issuer, the user and tenants."""
    iat = _urm_iat(r)
    project = "P2" + rand(r, ALNUM, 27)
    claims = {"amr": ["otp"], "drn": "DS", "exp": iat + 600, "iat": iat, "iss": f"https://api.descope.com/{project}",
              "sub": "U2" + rand(r, ALNUM, 27), "tenants": {}}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": f"SK{rand(r, ALNUM, 27)}", "typ": "JWT"}, claims, 256)


def unremarked_kinde_jwt(r: random.Random) -> str:
    """A Kinde access token: RS256, the business domain as issuer, the organisation code and permissions."""
    iat = _urm_iat(r)
    claims = {"aud": [], "azp": rand(r, HEX, 32), "exp": iat + 86400, "iat": iat,
              "iss": f"https://{pick(r, 'kinroute', 'sunbox')}.kinde.com", "jti": unremarked_uuid(r),
              "org_code": "org_" + rand(r, HEX, 11), "permissions": [], "scp": ["openid", "profile", "offline"],
              "sub": "kp_" + rand(r, HEX, 32)}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": rand(r, HEX, 32), "typ": "JWT"}, claims, 256)


def unremarked_ory_jwt(r: random.Random) -> str:
    """An Ory Network session tokenized as a JWT: ES256, the project's ``oryapis.com`` slug as issuer, the session and
    the identity."""
    iat = _urm_iat(r)
    slug = f"{pick(r, 'brave', 'quirky', 'stoic')}-{pick(r, 'khayyam', 'lamarr', 'noether')}-{rand(r, HEX, 8)}"
    claims = {"iss": f"https://{slug}.projects.oryapis.com", "sub": unremarked_uuid(r), "sid": unremarked_uuid(r),
              "iat": iat, "exp": iat + 900, "nbf": iat, "jti": unremarked_uuid(r)}  # fmt: skip
    return _signed_jwt(r, {"alg": "ES256", "kid": unremarked_uuid(r), "typ": "JWT"}, claims, 64)


def unremarked_iap_jwt(r: random.Random) -> str:
    """A Google Cloud IAP assertion (``x-goog-iap-jwt-assertion``): ES256, IAP as issuer, the backend as audience."""
    iat = _urm_iat(r)
    claims = {"aud": f"/projects/{r.randrange(10**11, 10**12)}/global/backendServices/{r.randrange(10**17, 10**18)}",
              "exp": iat + 600, "iat": iat, "iss": "https://cloud.google.com/iap",
              "sub": f"accounts.google.com:{r.randrange(10**20, 10**21)}", "hd": "visa-desk.example"}  # fmt: skip
    return _signed_jwt(r, {"alg": "ES256", "kid": rand(r, ALNUM, 6), "typ": "JWT"}, claims, 64)


def unremarked_gitlab_ci_jwt(r: random.Random) -> str:
    """A GitLab CI/CD ID token (``id_tokens``): RS256, gitlab.com as issuer, the project, pipeline and ref."""
    iat = _urm_iat(r)
    project = r.randrange(10**7, 10**8)
    claims = {"namespace_id": str(r.randrange(10**7, 10**8)), "namespace_path": "kinroute",
              "project_id": str(project), "project_path": "kinroute/payg-backend", "pipeline_id": str(
                  r.randrange(10**9, 2 * 10**9)), "ref": "main", "ref_type": "branch", "ref_protected": "true",
              "jti": unremarked_uuid(r), "iss": "https://gitlab.com", "iat": iat, "nbf": iat - 5, "exp": iat + 300,
              "sub": "project_path:kinroute/payg-backend:ref_type:branch:ref:main",
              "aud": "https://vault.kinroute.example"}  # fmt: skip
    return _signed_jwt(r, {"kid": rand(r, B64URL, 43), "typ": "JWT", "alg": "RS256"}, claims, 256)


def unremarked_stream_chat_jwt(r: random.Random) -> str:
    """A Stream Chat user token: HS256 with the user's id only (signed by the app's secret)."""
    claims: dict[str, object] = {"user_id": pick(r, "rider-", "driver-", "agent-") + rand(r, HEX, 10)}
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unremarked_ionos_jwt(r: random.Random) -> str:
    """An IONOS Cloud API token (what the AI Model Hub takes as a bearer): RS256, the identity service as issuer."""
    iat = _urm_iat(r)
    claims = {"iss": "ionoscloud", "iat": iat, "exp": iat + 31536000,
              "identity": {"privileges": ["ACCESS_AND_MANAGE_AI_MODEL_HUB"], "uuid": unremarked_uuid(r),
                           "contractNumber": r.randrange(10**7, 10**8), "role": "user", "regDomain": "ionos.de",
                           "isParent": False}}  # fmt: skip
    return _signed_jwt(r, {"typ": "JWT", "kid": unremarked_uuid(r), "alg": "RS256"}, claims, 256)


# ---------------------------------------------------------------------------- the unforeseen split's own values
#
# Written for the twenty-eighth split only, by a twenty-second session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, hash lengths and alphabets).

# IBAN countries this split draws: the Faroe Islands (18: a four-digit bank, nine account digits and a check digit),
# Iran (26: a zero, the three-digit bank id and eighteen account digits), Sudan (18: a two-digit bank and twelve
# account digits), Palestine (29: the bank's four letters and 21 account characters), the United Kingdom (22: the banks
# of Jersey and the Isle of Man issue GB IBANs, a bank's four letters, the sort code and the account) and France (27,
# with the RIB key: the banks of French Guiana issue French IBANs). Syria has no IBAN: its account numbers are
# negatives.
UNFORESEEN_IBAN_LENGTHS = {"FO": 18, "IR": 26, "SD": 18, "PS": 29, "GB": 22, "FR": 27}
_UFS_BANKS = {
    "FO": ("6460", "9181", "7600", "9865"),
    "IR": ("017", "012", "056", "015", "062", "055"),
    "SD": ("29", "21", "31", "42", "11"),
    "PS": ("PALS", "ARAB", "QUDS", "PIBC", "ISBK"),
    "GB": ("RBOS16", "BARC20", "LOYD30", "HBUK40", "NWBK60", "ISBK55"),
    "FR": ("12169", "19806", "18719", "10011"),
}


def _ufs_bban(r: random.Random, country: str) -> str:
    bank = r.choice(_UFS_BANKS[country])
    if country == "FO":
        return bank + rand(r, string.digits, 10)
    if country == "IR":
        return "0" + bank + rand(r, string.digits, 18)
    if country == "SD":
        return bank + rand(r, string.digits, 12)
    if country == "PS":
        return bank + "0" * r.randrange(3, 7) + rand(r, string.digits, 21)[: 21 - 0][:21]
    if country == "GB":
        return bank + rand(r, string.digits, 12)
    branch, account = rand(r, string.digits, 5), "0" + rand(r, string.digits, 10)
    return bank + branch + account + unremarked_rib_key(bank, branch, account)


def unforeseen_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of the Faroe Islands, Iran, Sudan, Palestine, the United Kingdom (Jersey's and the Isle of Man's banks)
    or France (French Guiana's banks), compact or in groups of four (``grouped`` None: either); ``valid`` False: its
    check digits are wrong (neither the right ones nor those 97 apart)."""
    country = country or r.choice(sorted(UNFORESEEN_IBAN_LENGTHS))
    bban = _ufs_bban(r, country)
    bban = bban[: UNFORESEEN_IBAN_LENGTHS[country] - 4]
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNFORESEEN_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


def unforeseen_syrian_account(r: random.Random) -> str:
    """A Syrian bank account as a statement prints it (a branch, a type and a serial; Syria issues no IBAN), drawn
    until no run of it passes Luhn and it reads as no phone number of the split's regions."""
    while True:
        branch, kind, serial = rand(r, string.digits, 3), pick(r, "101", "110", "200"), rand(r, string.digits, 9)
        digits = branch + kind + serial
        if not _urm_luhn_windows(digits) and _ufs_no_phone(digits) and _ufs_no_phone(serial):
            return f"{branch}-{kind}-{serial}"


def _ufs_no_phone(digits: str) -> bool:
    parsed = []
    for text, region in [(digits, g) for g in PHONE_REGIONS] + [("+" + digits, None)]:
        with contextlib.suppress(phonenumbers.NumberParseException):
            parsed.append(phonenumbers.parse(text, region))
    return not any(phonenumbers.is_valid_number(p) for p in parsed)


# This split's regions: the Faroe Islands (+298, six digits and no trunk prefix: written in international form only),
# Iran (+98, ten digits, nationally with a 0, often in Persian digits), Sudan (+249, nine), Syria (+963, nine),
# Palestine (+970, nine or eight), Jersey and the Isle of Man (+44, British numbers whose ranges are the islands' own:
# 07797/01534 and 07624/01624) and French Guiana (+594, nine, nationally in pairs after 0694 or 0594).
_UFS_INTERNATIONAL_ONLY = frozenset({"FO"})
_UFS_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_UFS_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _ufs_valid_number(r: random.Random, region: str) -> phonenumbers.PhoneNumber:
    kind = pick(r, "MOBILE", "MOBILE", "FIXED_LINE")
    example = phonenumbers.example_number_for_type(region, getattr(phonenumbers.PhoneNumberType, kind))
    assert example is not None
    national = phonenumbers.national_significant_number(example)
    keep = {"FO": 1, "IR": 3, "SD": 2, "SY": 2, "PS": 3, "JE": 4, "IM": 4, "GF": 4}[region]
    islands = {"IM": ("7624", "7524", "1624"), "JE": ("7797", "7700", "7829", "1534")}
    for _ in range(500):
        head = r.choice(islands[region]) if region in islands else national[:keep]
        digits = head + rand(r, string.digits, len(national) - keep)
        number = phonenumbers.parse(f"+{example.country_code}{digits}")
        if (
            phonenumbers.is_valid_number(number)
            and phonenumbers.region_code_for_number(number) == region
            and len(set(digits)) > 3
        ):
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def unforeseen_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` in a form its people use, international or (unless ``international_only``,
    and never for the Faroe Islands) national; Iranian numbers now and then in Persian digits and Sudanese, Syrian and
    Palestinian ones in Arabic-Indic digits, as people type them on their phones. Checked: it parses back (with its
    region as default) to the same valid number and holds no run that reads as an IPv4 address."""
    region = r.choice(regions)
    number = _ufs_valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    cc = f"+{number.country_code}"
    digits = phonenumbers.national_significant_number(number)
    rest = intl[len(cc) :].strip()
    forms = [intl, phonenumbers.format_number(number, pnf.E164), f"00{number.country_code} {rest}"]
    if region in ("JE", "IM"):
        forms.append(f"+44 (0){rest}")
    if region == "FO":
        forms.append(f"(+298) {digits}")
    if region == "GF":
        forms.append(f"+594 (0){rest}")
    if not international_only and region not in _UFS_INTERNATIONAL_ONLY:
        forms += [national, national.replace(" ", "")]
        if region == "IR":
            forms += [national.translate(_UFS_PERSIAN), "0" + digits]
        if region in ("SD", "SY", "PS"):
            forms += [("0" + digits).translate(_UFS_ARABIC), f"0{digits[:3]}-{digits[3:6]}-{digits[6:]}"]
        if region == "GF":
            pairs = "0" + digits
            forms.append(".".join(pairs[i : i + 2] for i in range(0, len(pairs), 2)))
        if region in ("JE", "IM"):
            forms.append(f"0{digits[:4]}-{digits[4:]}")
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unforeseen_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number of ``regions`` that is valid nowhere: a valid one with a
    digit dropped or added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    for _ in range(500):
        number = _ufs_valid_number(r, r.choice(regions))
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-1] if r.random() < 0.5 else digits + r.choice(string.digits)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        national = []
        for g in regions:
            with contextlib.suppress(phonenumbers.NumberParseException):
                national.append(phonenumbers.parse(digits, g))
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and not any(
            phonenumbers.is_valid_number(p) for p in national
        ):
            return text
    raise AssertionError("no invalid number drawn")


def unforeseen_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits that are no valid number of the split's regions nor anywhere with a ``+``, and fail Luhn."""
    return unremarked_digits(r, n, tuple(PHONE_REGIONS), lead)


def unforeseen_isbn13(r: random.Random) -> str:
    """An ISBN-13 (978 or 979, its check digit computed), hyphenated as a catalogue prints it; drawn until it fails
    Luhn and reads as no phone number: a book, no card."""
    while True:
        body = pick(r, "978", "979") + rand(r, string.digits, 9)
        check = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
        digits = body + str(check)
        if not luhn_ok(digits) and _ufs_no_phone(digits):
            return f"{digits[:3]}-{digits[3]}-{digits[4:8]}-{digits[8:12]}-{digits[12]}"


def unforeseen_tracking(r: random.Random) -> str:
    """A UPU S10 parcel tracking number (two letters, eight digits, the mod-11 check digit, the country): no card."""
    serial = rand(r, string.digits, 8)
    total = sum(int(d) * w for d, w in zip(serial, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = 11 - total % 11
    check = 0 if check == 10 else 5 if check == 11 else check
    return f"{pick(r, 'RR', 'CP', 'EE', 'LX')}{serial}{check}{pick(r, 'FO', 'JE', 'GB', 'FR')}"


# Card numbers this split draws, from BIN ranges no split has drawn: Iran's Shetab cards of Saman, Ayandeh, Pasargad and
# Parsian (621986, 636214, 502229, 622106), Visa's 4847 and 4023, Mastercard's 5322 and 2303, Amex's 3779 and JCB's
# 3537, printed in shapes of their own: in Persian digits, split over two lines, with a dot between groups, inside an
# OCPP ``DataTransfer``, an Adyen-style encrypted-fields-free card body, a Moyasar-style source and a PAX terminal log.
UNFORESEEN_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "shetab": (("621986", "636214", "502229", "622106"), (16,)),
    "visa": (("4847", "4023"), (16,)),
    "mastercard": (("5322", "2303"), (16,)),
    "amex": (("3779",), (15,)),
    "jcb": (("3537",), (16,)),
}


def unforeseen_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNFORESEEN_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def unforeseen_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in its groups, joined by ``sep`` (a space, a dash, a dot or
    nothing)."""
    digits = unforeseen_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "", ".") if sep is None else sep
    return grouped(digits, card_groups(digits), sep)


UNFORESEEN_HASH_FAMILIES = (
    "drupal7",
    "postgres_scram",
    "authme_sha256",
    "opencart_sha1",
    "ipb_md5",
    "htdigest",
    "ejabberd_scram",
    "umbraco_hmacsha256",
)


def unforeseen_password_hash(r: random.Random, family: str = "") -> str:
    """A password hash of one family in the form its system stores it (``family`` empty: any): Drupal 7's ``$S$``
    (SHA-512, phpass' base64), PostgreSQL's ``SCRAM-SHA-256$4096:salt$StoredKey:ServerKey``, AuthMe's
    ``$SHA$salt$hex``, OpenCart's salted SHA-1 with its nine-character salt, Invision Power Board's
    ``members_pass_hash`` with its five-character salt, an Apache ``htdigest`` line (``user:realm:md5``), ejabberd's
    SCRAM row (stored key, server key, salt, iterations) and Umbraco's HMACSHA256 (base64 of salt and hash) with its
    ``passwordConfig``."""
    family = family or r.choice(UNFORESEEN_HASH_FAMILIES)
    if family == "drupal7":
        return f"$S$D{rand(r, CRYPT64, 8)}{rand(r, CRYPT64, 43)}"
    if family == "postgres_scram":
        salt, stored, server = b64(r.randbytes(16)), b64(r.randbytes(32)), b64(r.randbytes(32))
        return f"SCRAM-SHA-256$4096:{salt}${stored}:{server}"
    if family == "authme_sha256":
        return f"$SHA${rand(r, HEX, 16)}${hashlib.sha256(r.randbytes(16)).hexdigest()}"
    if family == "opencart_sha1":
        return f"password='{hashlib.sha1(r.randbytes(16)).hexdigest()}', salt='{rand(r, ALNUM, 9)}'"
    if family == "ipb_md5":
        salt = rand(r, ALNUM + "!#$%&()*+,-./:;<=>?@[]^_{|}~", 5).replace("'", "")
        return f"members_pass_hash={hashlib.md5(r.randbytes(16)).hexdigest()} members_pass_salt={salt}"
    if family == "htdigest":
        user = pick(r, "ops", "frontdesk", "tinna", "hakim", "wardens")
        return f"{user}:{pick(r, 'Staff only', 'hub-admin', 'Cowork Admin')}:{hashlib.md5(r.randbytes(16)).hexdigest()}"
    if family == "ejabberd_scram":
        return (
            f"password='{b64(r.randbytes(20))}', serverkey='{b64(r.randbytes(20))}', salt='{b64(r.randbytes(16))}', "
            "iterationcount=4096"
        )
    assert family == "umbraco_hmacsha256"
    return f'{{"password": "{b64(r.randbytes(48))}", "passwordConfig": "{{\\"hashAlgorithm\\":\\"HMACSHA256\\"}}"}}'


def unforeseen_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r, "Torshavn", "Klaksvik", "Tabriz", "Shiraz", "Isfahan", "Omdurman", "Kassala", "Aleppo", "Latakia",
        "Nablus", "Jericho", "StHelier", "Gorey", "Douglas", "Peel", "Ramsey", "Cayenne", "Kourou", "Maripasoula",
        "Sinnamary",
    )  # fmt: skip
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_")


def unforeseen_email(r: random.Random) -> str:
    """An address of the split's people: Faroese, Iranian, Sudanese, Syrian, Palestinian, Jersey, Manx and Guianese
    names, with dots, digits, underscores, plus tags and their places' providers."""
    first = pick(
        r, "tinna.joensen", "runi.hansen", "sjurdur_petersen", "maryam.ahmadi", "reza.karimi", "sara.hosseini",
        "amna.osman", "mohamed.elnour", "layla.haddad", "omar.alkhatib", "rania.khoury", "yousef.odeh",
        "noor.barghouti", "elise.lecornu", "tom.quinn", "juan.kinvig", "aimee.corlett", "marie-line.tiburce",
        "kevin.edouard",
    )  # fmt: skip
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'hub', 'clinic', 'ev', 'aid')}")
    domain = pick(
        r, "gmail.com", "olivant.fo", "post.olivant.fo", "yahoo.com", "chmail.ir", "outlook.com", "hotmail.com",
        "sudani.sd", "syriatel.sy", "palnet.com", "jerseymail.co.uk", "manx.net", "wanadoo.fr", "orange.fr",
        "protonmail.com",
    )  # fmt: skip
    return f"{local}@{domain}"


def unforeseen_uuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def unforeseen_kavenegar_key(r: random.Random) -> str:
    """A Kavenegar (Iranian SMS) API key: 88 capital letters and digits, sent in the URL's path."""
    return rand(r, UPPER, 88)


def unforeseen_ghasedak_key(r: random.Random) -> str:
    """A Ghasedak SMS API key (the ``apikey`` header): 64 hex digits."""
    return rand(r, HEX, 64)


def unforeseen_arvan_key(r: random.Random) -> str:
    """An ArvanCloud machine-user API key (``Authorization: Apikey <uuid>``)."""
    return unforeseen_uuid(r)


def unforeseen_agora_cert(r: random.Random) -> str:
    """An Agora project's App Certificate: 32 hex digits."""
    return rand(r, HEX, 32)


def unforeseen_livekit_pair(r: random.Random) -> tuple[str, str]:
    """A LiveKit API key (``API`` and 12 letters and digits: an id) and its secret (43 letters and digits)."""
    return "API" + rand(r, ALNUM, 12), rand(r, ALNUM, 43)


def unforeseen_messagebird_key(r: random.Random) -> str:
    """A MessageBird (Bird) live access key: 25 letters and digits (``Authorization: AccessKey ...``)."""
    return rand(r, ALNUM, 25)


def unforeseen_mailgun_key(r: random.Random) -> str:
    """A Mailgun private API key: 32 hex digits, a dash and two groups of eight hex digits."""
    return f"{rand(r, HEX, 32)}-{rand(r, HEX, 8)}-{rand(r, HEX, 8)}"


def unforeseen_novu_key(r: random.Random) -> str:
    """A Novu API key (``Authorization: ApiKey ...``): 32 hex digits."""
    return rand(r, HEX, 32)


def unforeseen_mixpanel_secret(r: random.Random) -> str:
    """A Mixpanel service account's secret: 32 letters and digits (the account's user name is the Basic user)."""
    return rand(r, ALNUM, 32)


def unforeseen_amplitude_pair(r: random.Random) -> tuple[str, str]:
    """An Amplitude project's API key (32 hex digits, public in the browser) and secret key (32 hex digits)."""
    return rand(r, HEX, 32), rand(r, HEX, 32)


def unforeseen_snyk_token(r: random.Random) -> str:
    """A Snyk API token (``Authorization: token <uuid>``)."""
    return unforeseen_uuid(r)


def unforeseen_sonar_token(r: random.Random) -> str:
    """A SonarQube/SonarCloud user token: ``squ_`` and 40 hex digits."""
    return "squ_" + rand(r, HEX, 40)


def unforeseen_meili_key(r: random.Random) -> str:
    """A Meilisearch admin API key: 64 hex digits (a bearer)."""
    return rand(r, HEX, 64)


def unforeseen_typesense_key(r: random.Random) -> str:
    """A Typesense admin API key (``X-TYPESENSE-API-KEY``): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unforeseen_appwrite_key(r: random.Random) -> str:
    """An Appwrite server API key (``X-Appwrite-Key``): ``standard_`` and 256 hex digits."""
    return "standard_" + rand(r, HEX, 256)


def unforeseen_listmonk_token(r: random.Random) -> str:
    """A listmonk API user's token (``Authorization: token user:token``): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unforeseen_hetzner_token(r: random.Random) -> str:
    """A Hetzner Cloud API token: 64 letters and digits (a bearer)."""
    return rand(r, ALNUM, 64)


def unforeseen_backblaze_pair(r: random.Random) -> tuple[str, str]:
    """A Backblaze B2 application key id (``005`` and 22 hex digits: an id) and key (``K005`` and 27 characters)."""
    return "005" + rand(r, HEX, 22), "K005" + rand(r, ALNUM + "+/", 27)


def unforeseen_bunny_key(r: random.Random) -> str:
    """A bunny.net account API key (``AccessKey`` header): a UUID and 36 more characters, dashed like two UUIDs."""
    tail = f"{rand(r, HEX, 8)}-{rand(r, HEX, 4)}-{rand(r, HEX, 4)}-{rand(r, HEX, 4)}-{rand(r, HEX, 12)}"
    return unforeseen_uuid(r) + tail


def unforeseen_vimeo_token(r: random.Random) -> str:
    """A Vimeo API access token: 32 hex digits (a bearer)."""
    return rand(r, HEX, 32)


def unforeseen_leonardo_key(r: random.Random) -> str:
    """A Leonardo.Ai API key: a UUID (a bearer)."""
    return unforeseen_uuid(r)


def unforeseen_ideogram_key(r: random.Random) -> str:
    """An Ideogram API key (``Api-Key`` header): 86 base64url characters."""
    return rand(r, B64URL, 86)


def unforeseen_heygen_key(r: random.Random) -> str:
    """A HeyGen API key (``X-Api-Key``): base64 of 48 bytes."""
    return b64(r.randbytes(48))


def unforeseen_synthesia_key(r: random.Random) -> str:
    """A Synthesia API key (sent bare in ``Authorization``): 32 hex digits."""
    return rand(r, HEX, 32)


def unforeseen_did_basic(r: random.Random) -> str:
    """D-ID's Basic credentials: base64 of the account's e-mail, a colon and the key (itself base64-like)."""
    user = pick(r, "ops@tabibi.example", "media@hubnord.example")
    return b64(f"{b64(user.encode())}:{rand(r, ALNUM + '_-', 21)}".encode())


def unforeseen_cartesia_key(r: random.Random) -> str:
    """A Cartesia API key (``X-API-Key``): ``sk_car_`` and 22 letters and digits."""
    return "sk_car_" + rand(r, ALNUM, 22)


def unforeseen_playht_pair(r: random.Random) -> tuple[str, str]:
    """A PlayHT user id (28 letters and digits, an id) and secret key (32 hex digits, the ``AUTHORIZATION`` header)."""
    return rand(r, ALNUM, 28), rand(r, HEX, 32)


def unforeseen_resemble_token(r: random.Random) -> str:
    """A Resemble AI API token (``Authorization: Token token=...``): 24 letters and digits and ``tt``."""
    return rand(r, ALNUM, 24) + "tt"


def unforeseen_picovoice_key(r: random.Random) -> str:
    """A Picovoice AccessKey: base64 of 42 bytes (56 characters, ending ``==`` never: 42 bytes)."""
    return b64(r.randbytes(42))


def unforeseen_sinch_pair(r: random.Random) -> tuple[str, str]:
    """A Sinch access key id (a UUID, an id) and its secret (26 letters, digits, ``_`` and ``-``)."""
    return unforeseen_uuid(r), rand(r, B64URL, 26)


def unforeseen_exoscale_pair(r: random.Random) -> tuple[str, str]:
    """An Exoscale API key (``EXO`` and 24 hex digits: an id) and secret (43 base64url characters)."""
    return "EXO" + rand(r, HEX, 24), rand(r, B64URL, 43)


def unforeseen_ocpi_token(r: random.Random) -> str:
    """An OCPI 2.2 credentials token (``Authorization: Token <base64>``): base64 of a UUID."""
    return b64(unforeseen_uuid(r).encode())


def unforeseen_tapkey_secret(r: random.Random) -> str:
    """A smart-lock platform's OAuth client secret (Nuki Web API / Tapkey style): 64 letters and digits."""
    return rand(r, ALNUM, 64)


def _ufs_iat(r: random.Random) -> int:
    return 1_768_900_000 + r.randrange(10**6)


def unforeseen_hanko_jwt(r: random.Random) -> str:
    """A Hanko session token: RS256, the tenant's API URL as issuer, the user and session ids."""
    iat = _ufs_iat(r)
    claims = {"aud": ["hubnord.example"], "exp": iat + 43200, "iat": iat, "session_id": unforeseen_uuid(r),
              "sub": unforeseen_uuid(r), "iss": f"https://{unforeseen_uuid(r)}.hanko.io"}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": unforeseen_uuid(r), "typ": "JWT"}, claims, 256)


def unforeseen_supertokens_jwt(r: random.Random) -> str:
    """A SuperTokens v3 access token: RS256 with a ``d-`` key id, the session handle, refresh-token hash and tenant."""
    iat = _ufs_iat(r)
    claims = {"iat": iat, "exp": iat + 3600, "sub": unforeseen_uuid(r), "tId": "public",
              "rsub": unforeseen_uuid(r), "sessionHandle": unforeseen_uuid(r),
              "refreshTokenHash1": rand(r, HEX, 64), "parentRefreshTokenHash1": None, "antiCsrfToken": None,
              "iss": "https://auth.tabibi.example/auth"}  # fmt: skip
    return _signed_jwt(r, {"kid": f"d-{r.randrange(10**12, 2 * 10**12)}", "typ": "JWT", "version": "5",
                           "alg": "RS256"}, claims, 256)  # fmt: skip


def unforeseen_pocketbase_jwt(r: random.Random) -> str:
    """A PocketBase auth record token: HS256, the collection, the record id, ``type: auth`` and ``refreshable``."""
    iat = _ufs_iat(r)
    claims = {"collectionId": "_pb_users_auth_", "exp": iat + 604800, "id": rand(r, string.ascii_lowercase +
              string.digits, 15), "refreshable": True, "type": "auth"}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unforeseen_appwrite_jwt(r: random.Random) -> str:
    """An Appwrite account JWT: HS256 with the user's and session's ids (20 hex digits each)."""
    claims = {"userId": rand(r, HEX, 20), "sessionId": rand(r, HEX, 20), "exp": _ufs_iat(r) + 900}
    return _signed_jwt(r, {"typ": "JWT", "alg": "HS256"}, claims, 32)


def unforeseen_frontegg_jwt(r: random.Random) -> str:
    """A Frontegg user access token: RS256, the workspace's Frontegg host as issuer, tenant, roles and permissions."""
    iat = _ufs_iat(r)
    claims = {"sub": unforeseen_uuid(r), "name": pick(r, "Tinna Joensen", "Elise Le Cornu"),
              "email": "", "email_verified": True, "metadata": {}, "roles": ["Admin"],
              "permissions": ["fe.secure.read.*"], "tenantId": unforeseen_uuid(r),
              "tenantIds": [unforeseen_uuid(r)], "profilePictureUrl": None, "type": "userToken",
              "iss": f"https://app-{rand(r, string.ascii_lowercase + string.digits, 12)}.frontegg.com",
              "iat": iat, "exp": iat + 86400}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT", "kid": rand(r, ALNUM, 8)}, claims, 256)


def unforeseen_livekit_jwt(r: random.Random) -> str:
    """A LiveKit access token: HS256, the API key as issuer, the participant's identity and the room grant."""
    iat = _ufs_iat(r)
    key, _ = unforeseen_livekit_pair(r)
    claims = {"video": {"room": f"consult-{rand(r, HEX, 10)}", "roomJoin": True, "canPublish": True,
                        "canSubscribe": True}, "iss": key, "exp": iat + 21600, "nbf": 0,
              "sub": pick(r, "patient-", "dr-") + rand(r, HEX, 8)}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256"}, claims, 32)


def unforeseen_lemmy_jwt(r: random.Random) -> str:
    """A Lemmy login token (the ``jwt`` cookie): HS256, the local user's id as subject, the instance as issuer."""
    claims = {"sub": str(r.randrange(2, 90000)), "iss": pick(r, "lemmy.fo", "feddit.example"), "iat": _ufs_iat(r)}
    return _signed_jwt(r, {"typ": "JWT", "alg": "HS256"}, claims, 32)


def unforeseen_directus_jwt(r: random.Random) -> str:
    """A Directus access token: HS256 with the user's id, role, app and admin access and ``directus`` as issuer."""
    iat = _ufs_iat(r)
    claims = {"id": unforeseen_uuid(r), "role": unforeseen_uuid(r), "app_access": True,
              "admin_access": r.random() < 0.3, "iat": iat, "exp": iat + 900, "iss": "directus"}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unforeseen_n8n_jwt(r: random.Random) -> str:
    """n8n's ``n8n-auth`` cookie: HS256 with the user's id, a hash of their credentials and the browser id."""
    iat = _ufs_iat(r)
    claims = {"id": unforeseen_uuid(r), "hash": rand(r, B64URL, 10), "browserId": b64(r.randbytes(32)),
              "usedMfa": False, "iat": iat, "exp": iat + 604800}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unforeseen_zitadel_jwt(r: random.Random) -> str:
    """A ZITADEL access token (JWT type): RS256, the instance's domain as issuer, the project as audience."""
    iat = _ufs_iat(r)
    claims = {"aud": [str(r.randrange(10**17, 10**18))], "client_id": f"{r.randrange(10**17, 10**18)}@ev",
              "exp": iat + 43200, "iat": iat, "iss": f"https://ev-grid-{rand(r, HEX, 6)}.zitadel.cloud",
              "jti": str(r.randrange(10**17, 10**18)), "nbf": iat, "sub": str(r.randrange(10**17, 10**18))}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": str(r.randrange(10**17, 10**18)), "typ": "JWT"}, claims, 256)


# ---------------------------------------------------------------------------- the unguessed split's own values
#
# Written for the twenty-ninth split only, by a twenty-third session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, the RIB key, the Finnish account check digit, hash lengths and alphabets).


def unguessed_uuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def _ugs_no_phone(digits: str) -> bool:
    """Whether ``digits`` reads as no valid number of the split's regions nationally nor anywhere with a ``+``."""
    parsed = []
    for text, region in [(digits, g) for g in PHONE_REGIONS] + [("+" + digits, None)]:
        with contextlib.suppress(phonenumbers.NumberParseException):
            parsed.append(phonenumbers.parse(text, region))
    return not any(phonenumbers.is_valid_number(p) for p in parsed)


def unguessed_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits that are no valid number of the split's regions nor anywhere with a ``+``, and fail Luhn."""
    return unremarked_digits(r, n, tuple(PHONE_REGIONS), lead)


def unguessed_clean_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``unguessed_digits``, and also no run of 12 to 19 of them passes Luhn (no card can be read out of them)."""
    while True:
        digits = unguessed_digits(r, n, lead)
        if not _urm_luhn_windows(digits):
            return digits


# This split's regions: Cuba (+53, eight digits, nationally with a 0: mobiles 05, Havana (07)), the Åland Islands (+358
# 18, Finnish numbering, nationally 018; Åland's mobiles are Finnish ranges, so only its fixed lines are drawn),
# Guadeloupe (+590) and Martinique (+596) (nine digits, nationally 0690/0590 and 0696/0596 in pairs), the Central
# African Republic (+236, eight digits in pairs, no trunk prefix), the US Virgin Islands (+1 340, NANP), the Caribbean
# Netherlands (+599 7 Bonaire, 318 and 416 Sint Eustatius and Saba, seven digits) and Niue (+683, four-digit fixed lines
# and seven-digit mobiles).
_UGS_HEADS = {"AX": ("18",), "CU": ("5", "7"), "BQ": ("7", "3", "4")}


def _ugs_valid_number(r: random.Random, region: str) -> phonenumbers.PhoneNumber:
    kind = "FIXED_LINE" if region == "AX" else pick(r, "MOBILE", "MOBILE", "FIXED_LINE")
    example = phonenumbers.example_number_for_type(region, getattr(phonenumbers.PhoneNumberType, kind))
    assert example is not None
    national = phonenumbers.national_significant_number(example)
    keep = {"CU": 1, "AX": 2, "GP": 3, "MQ": 3, "CF": 2, "VI": 4, "BQ": 1, "NU": 1}[region]
    for _ in range(800):
        head = r.choice(_UGS_HEADS[region]) if region in _UGS_HEADS else national[:keep]
        digits = head + rand(r, string.digits, len(national) - len(head))
        number = phonenumbers.parse(f"+{example.country_code}{digits}")
        if (
            phonenumbers.is_valid_number(number)
            and phonenumbers.region_code_for_number(number) == region
            and len(set(digits)) > 3
            and not (region == "VI" and digits[3:6] == "555")
        ):
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def unguessed_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` in a form its people use, international (``+``, E.164, ``00``, the
    Caribbean's ``+1 (340)`` and the French Antilles' ``+590 (0)``) or, unless ``international_only``, national
    (Cuba's 05 and (07), Åland's 018, the Antilles' pairs, the NANP's ``(340) 642-1234``, ``340.642.1234`` and
    ``1-340-...``). Checked: it parses back (with its region as default) to the same valid number and holds no run that
    reads as an IPv4 address."""
    region = r.choice(regions)
    number = _ugs_valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    cc = f"+{number.country_code}"
    digits = phonenumbers.national_significant_number(number)
    rest = intl[len(cc) :].strip()
    forms = [intl, phonenumbers.format_number(number, pnf.E164), f"00{number.country_code} {rest}"]
    if region in ("GP", "MQ"):
        forms.append(f"{cc} (0){rest}")
    if region == "VI":
        forms += [f"+1 ({digits[:3]}) {digits[3:6]}-{digits[6:]}", f"+1-{digits[:3]}-{digits[3:6]}-{digits[6:]}"]
    if not international_only:
        forms += [national, national.replace(" ", "")]
        if region == "VI":
            forms += [f"{digits[:3]}.{digits[3:6]}.{digits[6:]}", f"1-{digits[:3]}-{digits[3:6]}-{digits[6:]}"]
        if region in ("GP", "MQ"):
            pairs = "0" + digits
            forms.append("-".join(pairs[i : i + 2] for i in range(0, len(pairs), 2)))
        if region == "CU":
            forms.append(f"0{digits[0]} {digits[1:4]} {digits[4:]}")
        if region == "AX":
            forms.append(f"018-{digits[2:]}")
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unguessed_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number of ``regions`` that is valid nowhere: a valid one with a
    digit dropped or added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    for _ in range(800):
        number = _ugs_valid_number(r, r.choice(regions))
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-1] if r.random() < 0.5 else digits + r.choice(string.digits)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        national = []
        for g in regions:
            with contextlib.suppress(phonenumbers.NumberParseException):
                national.append(phonenumbers.parse(digits, g))
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and not any(
            phonenumbers.is_valid_number(p) for p in national
        ):
            return text
    raise AssertionError("no invalid number drawn")


# IBAN countries this split draws: Finland (18: the Åland Islands' banks issue Finnish IBANs; the fourteen-digit
# account ends with its own Luhn digit), Sweden (24: a three-digit clearing bank and seventeen digits: Åland's people
# bank in Sweden too), France (27, with the RIB key: the banks of Guadeloupe and Martinique issue French IBANs) and the
# Central African Republic (27, CEMAC: a five-character bank, a five-digit branch, eleven account digits and the RIB
# key). Cuba, the US Virgin Islands, the Caribbean Netherlands and Niue have no IBAN: their account numbers (Cuban
# sixteen-digit accounts, ABA routing and account numbers, Bonaire's banks' account numbers, New Zealand's
# bank-branch-account-suffix) are negatives.
UNGUESSED_IBAN_LENGTHS = {"FI": 18, "SE": 24, "FR": 27, "CF": 27}
_UGS_BANKS = {
    "FI": ("660", "661", "669", "100", "500", "800"),
    "SE": ("500", "800", "600", "300", "957"),
    "FR": ("10107", "11315", "13335", "16275"),
    "CF": ("20001", "20002", "20003", "20004"),
}


def _ugs_bban(r: random.Random, country: str) -> str:
    bank = r.choice(_UGS_BANKS[country])
    if country == "FI":
        body = bank + rand(r, string.digits, 13 - len(bank))
        return body + _luhn_digit(body)
    if country == "SE":
        return bank + rand(r, string.digits, 17)
    branch, account = rand(r, string.digits, 5), rand(r, string.digits, 11)
    return bank + branch + account + unremarked_rib_key(bank, branch, account)


def unguessed_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Finland (Åland's banks), Sweden, France (the Antilles' banks) or the Central African Republic, compact
    or in groups of four (``grouped`` None: either); ``valid`` False: its check digits are wrong (neither the right
    ones nor those 97 apart)."""
    country = country or r.choice(sorted(UNGUESSED_IBAN_LENGTHS))
    bban = _ugs_bban(r, country)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNGUESSED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


def unguessed_rf_reference(r: random.Random) -> str:
    """An ISO 11649 creditor reference (``RF``, two mod-97 check digits, up to 21 characters): a bill's reference that
    passes the same check as an IBAN but names no account. Printed in groups of four as Finnish bills print it."""
    ref = str(r.randrange(1, 9)) + rand(r, string.digits, r.randrange(6, 15))
    check = iban_check_digits("RF", ref)
    value = f"RF{check:02d}{ref}"
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


def unguessed_fi_reference(r: random.Random) -> str:
    """A Finnish domestic payment reference (viitenumero: digits and a 7-3-1 weighted check digit), in groups of
    five."""
    while True:  # drawn until it reads as no phone number (and no card)
        body = str(r.randrange(1, 10)) + rand(r, string.digits, r.randrange(5, 12))
        total = sum(int(d) * w for d, w in zip(reversed(body), itertools.cycle((7, 3, 1))))
        digits = body + str((10 - total % 10) % 10)
        if _ugs_no_phone(digits) and not _urm_luhn_windows(digits):
            break
    head = len(digits) % 5
    groups = ([digits[:head]] if head else []) + [digits[i : i + 5] for i in range(head, len(digits), 5)]
    return " ".join(groups)


def unguessed_cuban_account(r: random.Random) -> str:
    """A Cuban bank account (BANDEC, BPA, BM: sixteen digits, Cuba has no IBAN), grouped in four as a Transfermóvil
    receipt prints it, drawn until it fails Luhn and no run reads as a phone number."""
    while True:
        digits = pick(r, "0598", "0599", "0699", "1299") + rand(r, string.digits, 12)
        if not _urm_luhn_windows(digits) and _ugs_no_phone(digits) and _ugs_no_phone(digits[4:]):
            return " ".join(digits[i : i + 4] for i in range(0, 16, 4))


def unguessed_aba(r: random.Random) -> str:
    """An ABA routing number (nine digits, the 3-7-1 check) of a bank in the US Virgin Islands' Federal Reserve
    district, and an account number: neither an IBAN nor a card nor a phone number."""
    while True:
        body = "0" + str(r.randrange(1, 3)) + rand(r, string.digits, 6)
        total = sum(int(d) * w for d, w in zip(body, (3, 7, 1, 3, 7, 1, 3, 7), strict=True))
        routing = body + str((10 - total % 10) % 10)
        account = rand(r, string.digits, r.randrange(8, 11))
        if _ugs_no_phone(routing) and _ugs_no_phone(account) and not _urm_luhn_windows(routing + account):
            return f"ABA {routing} acct {account}"


def unguessed_nz_account(r: random.Random) -> str:
    """A New Zealand bank account as Niue's people hold them (bank, branch, account, suffix: ``02-0500-0123456-00``)."""
    while True:
        bank = pick(r, "01", "02", "03", "06", "12")
        text = f"{bank}-{r.randrange(1000, 9999)}-{rand(r, string.digits, 7)}-0{r.randrange(0, 4)}"
        digits = text.replace("-", "")
        if _ugs_no_phone(digits) and not _urm_luhn_windows(digits):
            return text


def unguessed_iccid(r: random.Random) -> str:
    """A SIM card's ICCID (``89``, the country code, the issuer, the serial and a Luhn check digit: 19 digits): a number
    that passes Luhn and is no payment card."""
    while True:
        head = "89" + pick(r, "53", "35", "236", "1340", "599", "683")
        body = head + rand(r, string.digits, 18 - len(head))
        digits = body + _luhn_digit(body)
        if _ugs_no_phone(digits):
            return digits


def unguessed_imei(r: random.Random) -> str:
    """A handset's IMEI (an eight-digit type allocation code, a six-digit serial and a Luhn check digit): fifteen
    digits that pass Luhn and are no payment card."""
    while True:
        body = pick(r, "35", "86", "01", "49") + rand(r, string.digits, 12)
        digits = body + _luhn_digit(body)
        if _ugs_no_phone(digits):
            return digits


def unguessed_isbn13(r: random.Random) -> str:
    """An ISBN-13 as a catalogue prints it (no card: drawn until it fails Luhn; no phone number)."""
    while True:
        body = pick(r, "978", "979") + rand(r, string.digits, 9)
        check = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
        digits = body + str(check)
        if not luhn_ok(digits) and _ugs_no_phone(digits):
            return f"{digits[:3]}-{digits[3]}-{digits[4:7]}-{digits[7:12]}-{digits[12]}"


def unguessed_ups_tracking(r: random.Random) -> str:
    """A UPS tracking number: ``1Z``, a six-character shipper number, a service code, seven digits and a check digit."""
    return "1Z" + rand(r, UPPER, 6) + pick(r, "01", "02", "03", "12") + unguessed_clean_digits(r, 8)


# Card numbers this split draws, from BIN ranges no split has drawn: Visa's 4596 and 4169, Mastercard's 5587 and 2297,
# Amex's 3741, Diners Club's 3056, Discover's 6011 (16 and 19 digits), Troy's 9792, Elo's 636297 and UnionPay's 6259
# (19 digits), printed by four, in Amex's 4-6-5, Diners' 4-6-4, UnionPay's 6-13 or 4-4-4-4-3, with spaces, dashes, two
# spaces (a receipt) or nothing.
UNGUESSED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4596", "4169"), (16,)),
    "mastercard": (("5587", "2297"), (16,)),
    "amex": (("3741",), (15,)),
    "diners": (("3056",), (14,)),
    "discover": (("6011",), (16, 19)),
    "troy": (("9792",), (16,)),
    "elo": (("636297",), (16,)),
    "unionpay": (("6259",), (19,)),
}


def unguessed_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNGUESSED_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def unguessed_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in its groups, joined by ``sep`` (a space, a dash, two spaces or
    nothing)."""
    digits = unguessed_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "", "  ") if sep is None else sep
    if len(digits) == 19:
        sizes: list[int] = r.choice(([6, 13], [4, 4, 4, 4, 3]))
    elif len(digits) == 15:
        sizes = [4, 6, 5]
    elif len(digits) == 14:
        sizes = [4, 6, 4]
    else:
        sizes = [4, 4, 4, 4]
    return grouped(digits, sizes, sep)


UNGUESSED_HASH_FAMILIES = (
    "netntlmv2",
    "krb5asrep",
    "wpa_pmkid",
    "emqx_sha256",
    "coturn_hmackey",
    "traccar_pbkdf2",
    "smf_sha1",
    "punbb_sha1",
)


def unguessed_password_hash(r: random.Random, family: str = "") -> str:
    """Password-derived material of one family as it is stored or captured (``family`` empty: any): a NetNTLMv2
    challenge-response (``user::DOMAIN:challenge:NTProofStr:blob``, what Responder captures, cracked like a hash), a
    Kerberos AS-REP (``$krb5asrep$23$``), a Wi-Fi PMKID line (hashcat's ``WPA*01*``), EMQX's built-in authentication
    row (SHA-256 with a salt), coturn's long-term credential key (``user=name:0x`` and the MD5 of user, realm and
    password), Traccar's PBKDF2-SHA1 (24 bytes in hex, with its salt), Simple Machines Forum's SHA-1 of the name and
    password and PunBB's salted SHA-1."""
    family = family or r.choice(UNGUESSED_HASH_FAMILIES)
    user = pick(r, "yanelis", "elin.e", "maeva", "aristide", "keisha", "ruthmilda", "moka", "bosun")
    if family == "netntlmv2":
        blob = "0101000000000000" + rand(r, HEX, 16) + rand(r, HEX, 16) + "00000000" + rand(r, HEX, 120)
        return f"{user}::{pick(r, 'FERRYAX', 'DIVEBQ', 'TOPUP')}:{rand(r, HEX, 16)}:{rand(r, HEX, 32).upper()}:{blob}"
    if family == "krb5asrep":
        realm = pick(r, "FERRY.AX", "CORP.DIVEBQ.LOCAL", "TOPUP.INTERNAL")
        return f"$krb5asrep$23${user}@{realm}:{rand(r, HEX, 32)}${rand(r, HEX, 232)}"
    if family == "wpa_pmkid":
        essid = pick(r, "FerryGuest", "BonaireDive", "Reception-5G").encode().hex()
        return f"WPA*01*{rand(r, HEX, 32)}*{rand(r, HEX, 12)}*{rand(r, HEX, 12)}*{essid}***"
    if family == "emqx_sha256":
        row = {"user_id": f"{user}-sensor", "password_hash": hashlib.sha256(r.randbytes(16)).hexdigest(),
               "salt": rand(r, HEX, 16), "is_superuser": False}  # fmt: skip
        return json.dumps(row)
    if family == "coturn_hmackey":
        return f"user={user}:0x{hashlib.md5(r.randbytes(16)).hexdigest()}"
    if family == "traccar_pbkdf2":
        return f"hashedpassword={r.randbytes(24).hex()}, salt={r.randbytes(24).hex()}"
    if family == "smf_sha1":
        return f"member_name={user}, passwd={hashlib.sha1(r.randbytes(16)).hexdigest()}"
    assert family == "punbb_sha1"
    return f"password='{hashlib.sha1(r.randbytes(16)).hexdigest()}', salt='{rand(r, ALNUM, 12)}'"


def unguessed_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r, "Mariehamn", "Eckero", "Vardo", "Habana", "Cienfuegos", "Trinidad", "Bangui", "Berberati", "Pointe",
        "Basseterre", "Fortde", "Trinite", "Lamentin", "Charlotte", "Frederiksted", "Kralendijk", "Rincon",
        "Oranjestad", "Alofi", "Avatele",
    )  # fmt: skip
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_", "$")


def unguessed_email(r: random.Random) -> str:
    """An address of the split's people: Cuban, Ålander, Guadeloupean, Martinican, Central African, Virgin Islander,
    Bonairean and Niuean names, with dots, digits, underscores, plus tags and their places' providers."""
    first = pick(
        r, "yanelis.perez", "osmany.rguez", "daymi_castro", "elin.eriksson", "mats.sundblom", "maeva.bellony",
        "jean-claude.adelaide", "ketty.rose", "aristide.ngaba", "clarisse.yakite", "keisha.benjamin",
        "dwayne.smith340", "ruthmilda.martis", "shurendy.frans", "moka.tukuitonga", "sione.talagi",
    )  # fmt: skip
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'ferry', 'dive', 'topup', 'app')}")
    domain = pick(
        r, "nauta.cu", "infomed.sld.cu", "gmail.com", "aland.net", "mail.ax", "orange.fr", "wanadoo.fr", "outlook.fr",
        "yahoo.fr", "hotmail.com", "viaccess.net", "flamingotv.com", "telbo.net", "niue.nu", "icloud.com",
    )  # fmt: skip
    return f"{local}@{domain}"


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def unguessed_retell_key(r: random.Random) -> str:
    """A Retell AI API key (a bearer): ``key_`` and 28 hex digits."""
    return "key_" + rand(r, HEX, 28)


def unguessed_soniox_key(r: random.Random) -> str:
    """A Soniox API key (a bearer): 64 hex digits."""
    return rand(r, HEX, 64)


def unguessed_lmnt_key(r: random.Random) -> str:
    """An LMNT API key (``X-API-Key``): 32 hex digits."""
    return rand(r, HEX, 32)


def unguessed_murf_key(r: random.Random) -> str:
    """A Murf AI API key (``api-key`` header): ``ap2_`` and a UUID."""
    return "ap2_" + unguessed_uuid(r)


def unguessed_hedra_key(r: random.Random) -> str:
    """A Hedra API key (``X-API-Key``): ``sk_hedra_`` and 40 letters, digits, ``_`` and ``-``."""
    return "sk_hedra_" + rand(r, B64URL, 40)


def unguessed_meshy_key(r: random.Random) -> str:
    """A Meshy API key (a bearer): ``msy_`` and 36 letters and digits."""
    return "msy_" + rand(r, ALNUM, 36)


def unguessed_recraft_key(r: random.Random) -> str:
    """A Recraft API token (a bearer): 64 letters and digits."""
    return rand(r, ALNUM, 64)


def unguessed_kling_pair(r: random.Random) -> tuple[str, str]:
    """A Kling AI access key (32 letters and digits, the JWT's issuer: an id) and secret key (32 letters and digits)."""
    return rand(r, ALNUM, 32), rand(r, ALNUM, 32)


def unguessed_mindee_key(r: random.Random) -> str:
    """A Mindee API key (``Authorization: Token ...``): 32 hex digits."""
    return rand(r, HEX, 32)


def unguessed_veryfi_pair(r: random.Random) -> tuple[str, str, str]:
    """A Veryfi client id (``vrf`` and 37 letters and digits: an id), its user name and API key (32 hex digits)."""
    return "vrf" + rand(r, ALNUM, 37), pick(r, "ops.ferry", "dive-desk"), rand(r, HEX, 32)


def unguessed_nanonets_key(r: random.Random) -> str:
    """A Nanonets API key (the Basic user, no password): a UUID without dashes, upper and lower case mixed."""
    return "".join(c.upper() if r.random() < 0.5 else c for c in unguessed_uuid(r).replace("-", ""))


def unguessed_uploadcare_pair(r: random.Random) -> tuple[str, str]:
    """An Uploadcare public key (20 hex digits, shipped to browsers) and secret key (20 hex digits)."""
    return rand(r, HEX, 20), rand(r, HEX, 20)


def unguessed_imagekit_pair(r: random.Random) -> tuple[str, str]:
    """An ImageKit public key (``public_`` and 28 base64 characters) and private key (``private_`` and 28)."""
    return "public_" + rand(r, B64, 27) + "=", "private_" + rand(r, B64, 27) + "="


def unguessed_klaviyo_pair(r: random.Random) -> tuple[str, str]:
    """A Klaviyo public API key (the six-character site id, public) and a private API key (``pk_`` and 34 hex digits:
    despite the prefix, the secret one)."""
    return rand(r, ALNUM, 6), "pk_" + rand(r, HEX, 34)


def unguessed_iterable_key(r: random.Random) -> str:
    """An Iterable API key (``Api-Key`` header): 32 hex digits."""
    return rand(r, HEX, 32)


def unguessed_sparkpost_key(r: random.Random) -> str:
    """A SparkPost API key (sent bare in ``Authorization``): 40 hex digits."""
    return rand(r, HEX, 40)


def unguessed_mailjet_pair(r: random.Random) -> tuple[str, str]:
    """A Mailjet API key and secret key (32 hex digits each: the Basic user and password)."""
    return rand(r, HEX, 32), rand(r, HEX, 32)


def unguessed_mandrill_key(r: random.Random) -> str:
    """A Mandrill (Mailchimp Transactional) API key (``"key"`` in every body): ``md-`` and 22 characters."""
    return "md-" + rand(r, B64URL, 22)


def unguessed_nylas_key(r: random.Random) -> str:
    """A Nylas v3 API key (a bearer): ``nyk_v0_`` and 48 letters and digits."""
    return "nyk_v0_" + rand(r, ALNUM, 48)


def unguessed_strava_token(r: random.Random) -> str:
    """A Strava access or refresh token: 40 hex digits."""
    return rand(r, HEX, 40)


def unguessed_pexels_key(r: random.Random) -> str:
    """A Pexels API key (sent bare in ``Authorization``): 56 letters and digits."""
    return rand(r, ALNUM, 56)


def unguessed_dropbox_token(r: random.Random) -> str:
    """A Dropbox short-lived access token (a bearer): ``sl.B`` and 134 base64url characters."""
    return "sl.B" + rand(r, B64URL, 134)


def unguessed_trello_pair(r: random.Random) -> tuple[str, str]:
    """A Trello API key (32 hex digits, the app's identifier) and a user token (``ATTA``, 64 hex digits and 8 more)."""
    return rand(r, HEX, 32), "ATTA" + rand(r, HEX, 64) + rand(r, HEX, 8).upper()


def unguessed_smartsheet_token(r: random.Random) -> str:
    """A Smartsheet API access token (a bearer): 37 letters and digits."""
    return rand(r, ALNUM, 37)


def unguessed_retool_token(r: random.Random) -> str:
    """A Retool API access token (a bearer): ``retool_`` and 32 hex digits."""
    return "retool_" + rand(r, HEX, 32)


def unguessed_tines_token(r: random.Random) -> str:
    """A Tines user API token (``x-user-token`` header): 20 letters and digits."""
    return rand(r, ALNUM, 20)


def unguessed_koyeb_token(r: random.Random) -> str:
    """A Koyeb API access token (a bearer): 64 letters and digits."""
    return rand(r, ALNUM, 64)


def unguessed_scrapingbee_key(r: random.Random) -> str:
    """A ScrapingBee API key (``api_key`` query parameter): 80 capital letters and digits."""
    return rand(r, UPPER, 80)


def unguessed_browserless_token(r: random.Random) -> str:
    """A Browserless API token (``token`` query parameter): 64 hex digits after a ``2`` and a letter."""
    return "2" + pick(r, "A", "B", "C") + rand(r, HEX, 48)


def unguessed_cometchat_key(r: random.Random) -> str:
    """A CometChat REST API key (``apikey`` header): 40 hex digits."""
    return rand(r, HEX, 40)


def unguessed_dyte_pair(r: random.Random) -> tuple[str, str]:
    """A Dyte (Cloudflare RealtimeKit) organisation id (a UUID: an id) and API key (20 hex digits)."""
    return unguessed_uuid(r), rand(r, HEX, 20)


def unguessed_reloadly_secret(r: random.Random) -> str:
    """A Reloadly client secret (the OAuth client credentials' secret): 56 letters, digits and ``-``."""
    return rand(r, ALNUM + "-", 56)


def unguessed_ding_key(r: random.Random) -> str:
    """A DingConnect API key (``api_key`` header): 22 letters and digits."""
    return rand(r, ALNUM, 22)


def unguessed_gatewayapi_token(r: random.Random) -> str:
    """A GatewayAPI (Nordic SMS) API token: 64 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 64)


def unguessed_discord_hook(r: random.Random) -> str:
    """A Discord channel webhook: the snowflake id (drawn until it holds no Luhn-valid or phone-like run) and the
    68-character token."""
    snowflake = unguessed_clean_digits(r, 19, "1")
    return f"https://discord.com/api/webhooks/{snowflake}/{rand(r, B64URL, 68)}"


def unguessed_teams_hook(r: random.Random) -> str:
    """A Microsoft Teams incoming webhook (Office 365 connector): tenant and group GUIDs, the connector's hex id and
    its GUID (the secret is the whole URL)."""
    return (
        f"https://ferryax.webhook.office.com/webhookb2/{unguessed_uuid(r)}@{unguessed_uuid(r)}/IncomingWebhook/"
        f"{rand(r, HEX, 32)}/{unguessed_uuid(r)}"
    )


def _ugs_iat(r: random.Random) -> int:
    return 1_769_400_000 + r.randrange(10**6)


def unguessed_kling_jwt(r: random.Random) -> str:
    """The JWT a Kling AI client signs with its secret key: HS256, the access key as issuer, thirty minutes."""
    iat = _ugs_iat(r)
    access, _ = unguessed_kling_pair(r)
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, {"iss": access, "exp": iat + 1800, "nbf": iat - 5}, 32)


def unguessed_hms_jwt(r: random.Random) -> str:
    """A 100ms management token: HS256, the app access key, ``type: management``, a jti and a day's validity."""
    iat = _ugs_iat(r)
    claims = {"access_key": rand(r, HEX, 24), "type": "management", "version": 2, "jti": unguessed_uuid(r),
              "iat": iat, "nbf": iat, "exp": iat + 86400}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unguessed_whereby_jwt(r: random.Random) -> str:
    """A Whereby Embedded API key (a JWT): RS256, Whereby's accounts service as issuer, the organisation."""
    iat = _ugs_iat(r)
    claims = {"iss": "https://accounts.srv.whereby.com", "iat": iat, "sub": rand(r, ALNUM, 20),
              "organizationId": str(r.randrange(10**5, 10**6)), "jti": unguessed_uuid(r)}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT"}, claims, 256)


def unguessed_calendly_jwt(r: random.Random) -> str:
    """A Calendly personal access token: HS512, Calendly's auth service as issuer, the user's id, a JTI."""
    iat = _ugs_iat(r)
    claims = {"iss": "https://auth.calendly.com", "iat": iat, "jti": unguessed_uuid(r),
              "user_uuid": unguessed_uuid(r)}  # fmt: skip
    return _signed_jwt(r, {"kid": "1ce1e136", "typ": "PAT", "alg": "ES512"}, claims, 132)


def unguessed_monday_jwt(r: random.Random) -> str:
    """A monday.com API token: HS256 with the token, account and user ids, the permissions and the region."""
    claims = {"tid": r.randrange(10**8, 10**9), "aai": r.randrange(10, 99), "uid": r.randrange(10**7, 10**8),
              "iad": "2026-01-20T10:00:00.000Z", "per": "me:write", "actid": r.randrange(10**6, 10**7),
              "rgn": "euc1"}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256"}, claims, 32)


def unguessed_fitbit_jwt(r: random.Random) -> str:
    """A Fitbit OAuth 2 access token: HS256, ``Fitbit`` as issuer, the client and user ids, the scopes."""
    iat = _ugs_iat(r)
    claims = {"aud": rand(r, UPPER, 6), "sub": rand(r, UPPER, 6), "iss": "Fitbit", "typ": "access_token",
              "scopes": "rhr rpro rsle ract", "exp": iat + 28800, "iat": iat}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unguessed_reddit_jwt(r: random.Random) -> str:
    """A Reddit OAuth access token (a JWT since 2024): RS256 with its ``SHA256:`` key id, the app's scopes."""
    iat = _ugs_iat(r)
    claims = {"sub": "user", "exp": iat + 86400, "iat": iat, "jti": rand(r, B64URL, 30),
              "cid": rand(r, B64URL, 22), "lid": "t2_" + rand(r, string.ascii_lowercase + string.digits, 8),
              "aid": "t2_" + rand(r, string.ascii_lowercase + string.digits, 8), "lca": iat * 1000 - 10**9,
              "scp": "eJyKVtJSigUEAAD__wzVAvQ", "flo": 9}  # fmt: skip
    head = {"alg": "RS256", "kid": "SHA256:" + rand(r, B64, 43), "typ": "JWT"}
    return _signed_jwt(r, head, claims, 256)


def unguessed_kanidm_jwt(r: random.Random) -> str:
    """A Kanidm OAuth2 access token: ES256, the instance's OAuth2 client path as issuer, the user's UUID."""
    iat = _ugs_iat(r)
    claims = {"iss": "https://idm.ferry.ax/oauth2/openid/ferry-portal", "sub": unguessed_uuid(r),
              "aud": "ferry-portal", "iat": iat, "nbf": iat, "exp": iat + 900, "auth_time": iat,
              "scopes": ["openid", "email"], "sid": unguessed_uuid(r)}  # fmt: skip
    return _signed_jwt(r, {"alg": "ES256", "typ": "JWT", "kid": rand(r, HEX, 32)}, claims, 64)


def unguessed_forgejo_jwt(r: random.Random) -> str:
    """A Forgejo OAuth2 access token (a JWT): HS256 with the grant id, the token type and its expiry."""
    iat = _ugs_iat(r)
    claims = {"gnt": r.randrange(1, 900), "tt": 0, "exp": iat + 3600, "iat": iat}
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unguessed_msisdn(r: random.Random, region: str) -> str:
    """A valid number of ``region`` as SMS gateways take it: its E.164 digits without the ``+``."""
    number = _ugs_valid_number(r, region)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[1:]


# ---------------------------------------------------------------------------- the unannounced split's own values
#
# Written for the thirtieth split only, by a twenty-fourth session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, the RIB key, the LEI and GTIN check digits, hash lengths and alphabets).


def unannounced_uuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def _uan_no_phone(digits: str) -> bool:
    """Whether ``digits`` reads as no valid number of the split's regions nationally nor anywhere with a ``+``."""
    parsed = []
    for text, region in [(digits, g) for g in PHONE_REGIONS] + [("+" + digits, None)]:
        with contextlib.suppress(phonenumbers.NumberParseException):
            parsed.append(phonenumbers.parse(text, region))
    return not any(phonenumbers.is_valid_number(p) for p in parsed)


def unannounced_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits that are no valid number of the split's regions nor anywhere with a ``+``, and fail Luhn."""
    return unremarked_digits(r, n, tuple(PHONE_REGIONS), lead)


def unannounced_clean_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``unannounced_digits``, and also no run of 12 to 19 of them passes Luhn (no card can be read out of them)."""
    while True:
        digits = unannounced_digits(r, n, lead)
        if not _urm_luhn_windows(digits):
            return digits


# This split's regions: Guernsey (+44 1481 fixed lines, 7781/7839/7911 mobiles, nationally with a 0), North Korea
# (+850, Pyongyang's 02 and the 0191/0192 mobiles), the French part of Saint Martin (+590 590 fixed lines: its
# mobiles share Guadeloupe's ranges, so only fixed lines are drawn), Sint Maarten (+1 721) and the British Virgin
# Islands (+1 284) (NANP), Wallis and Futuna (+681, six digits, no trunk prefix), Mayotte (+262 269 fixed lines and
# 639 mobiles, nationally 0269/0639 in pairs) and the Falkland Islands (+500, five digits, no trunk prefix).
_UAN_HEADS: dict[str, dict[str, tuple[str, ...]]] = {
    "GG": {"MOBILE": ("7781", "7839", "7911"), "FIXED_LINE": ("1481",)},
    "KP": {"MOBILE": ("191", "192"), "FIXED_LINE": ("2",)},
    "MF": {"FIXED_LINE": ("590",)},
    "SX": {"MOBILE": ("721",), "FIXED_LINE": ("721",)},
    "VG": {"MOBILE": ("284",), "FIXED_LINE": ("284",)},
    "WF": {"MOBILE": ("82", "83"), "FIXED_LINE": ("72",)},
    "YT": {"MOBILE": ("639",), "FIXED_LINE": ("269",)},
    "FK": {"MOBILE": ("5", "6"), "FIXED_LINE": ("2", "3")},
}


def _uan_valid_number(r: random.Random, region: str) -> phonenumbers.PhoneNumber:
    heads = _UAN_HEADS[region]
    kind = r.choice(sorted(heads))
    example = phonenumbers.example_number_for_type(region, getattr(phonenumbers.PhoneNumberType, kind))
    if example is None:  # MF: its mobiles are Guadeloupe's
        example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.FIXED_LINE)
    assert example is not None
    size = len(phonenumbers.national_significant_number(example))
    for _ in range(2000):
        head = r.choice(heads[kind])
        digits = head + rand(r, string.digits, size - len(head))
        number = phonenumbers.parse(f"+{example.country_code}{digits}")
        nanp_fiction = example.country_code == 1 and (digits[3:6] == "555" or digits[3] in "01")
        if (
            phonenumbers.is_valid_number(number)
            and phonenumbers.region_code_for_number(number) == region
            and len(set(digits)) > 2
            and not nanp_fiction
        ):
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def unannounced_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as its people write it: international (``+``, E.164, ``00``, ``+44 (0)``,
    the French ``+262 (0)``, NANP's ``+1 (721)`` and ``+1.284.``) or, unless ``international_only``, national
    (Guernsey's ``01481 256789`` and ``(01481) 256789``, Mayotte's and Saint Martin's pairs with spaces, dots or
    dashes, NANP's ``(721) 542-5678`` and ``721-542-5678``, North Korea's ``02-381-2345``, Wallis and Futuna's six and
    the Falklands' five digits). Checked: it parses back (with its region as default) to the same valid number and
    holds no run that reads as an IPv4 address."""
    region = r.choice(regions)
    number = _uan_valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    cc = f"+{number.country_code}"
    digits = phonenumbers.national_significant_number(number)
    rest = intl[len(cc) :].strip()
    forms = [intl, phonenumbers.format_number(number, pnf.E164), f"00{number.country_code} {rest}"]
    if region in ("GG", "YT", "MF"):
        forms.append(f"{cc} (0){rest}")
    if region in ("SX", "VG"):
        forms += [f"+1 ({digits[:3]}) {digits[3:6]}-{digits[6:]}", f"+1.{digits[:3]}.{digits[3:6]}.{digits[6:]}"]
    if region in ("WF", "FK"):
        forms.append(f"({cc}) {rest}")
    if not international_only:
        forms += [national, national.replace(" ", "")]
        if region == "GG":
            forms += [f"({national[:5]}) {national[6:]}", f"{national[:5]}-{national[6:]}"]
        if region in ("YT", "MF"):
            pairs = ["0" + digits[:1]] + [digits[i : i + 2] for i in range(1, len(digits), 2)]
            forms += [" ".join(pairs), "-".join(pairs), ".".join(pairs)]
        if region in ("SX", "VG"):
            forms += [f"{digits[:3]}-{digits[3:6]}-{digits[6:]}", f"1 {digits[:3]} {digits[3:6]} {digits[6:]}"]
        if region == "KP":
            forms.append(national.replace(" ", "-"))
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unannounced_msisdn(r: random.Random, region: str) -> str:
    """A valid number of ``region`` as SMS gateways take it: its E.164 digits without the ``+``."""
    number = _uan_valid_number(r, region)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[1:]


def unannounced_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number of ``regions`` that is valid nowhere: a valid one with a
    digit dropped or two added, drawn until libphonenumber rejects it with its ``+`` and nationally in every
    region."""
    for _ in range(800):
        number = _uan_valid_number(r, r.choice(regions))
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-1] if r.random() < 0.5 else digits + rand(r, string.digits, 2)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        national = []
        for g in regions:
            with contextlib.suppress(phonenumbers.NumberParseException):
                national.append(phonenumbers.parse(digits, g))
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and not any(
            phonenumbers.is_valid_number(p) for p in national
        ):
            return text
    raise AssertionError("no invalid number drawn")


def unannounced_mmsi(r: random.Random) -> str:
    """A ship's MMSI (nine digits: the maritime identification digits of the flag, 378 for the British Virgin Islands,
    306 for Sint Maarten, 235 for the UK, 227 for France, then six), drawn until it reads as no phone number."""
    while True:
        digits = pick(r, "378", "306", "235", "227", "232") + rand(r, string.digits, 6)
        if _uan_no_phone(digits):
            return digits


def unannounced_steam_id(r: random.Random) -> str:
    """A Steam ID64 (17 digits from 76561197960265728): a player's id, no card even when it passes Luhn."""
    while True:
        digits = str(76561197960265728 + r.randrange(10**8, 10**9 + 5 * 10**8))
        if _uan_no_phone(digits):
            return digits


def unannounced_gtin13(r: random.Random, luhn: bool = True) -> str:
    """A GTIN-13 of a blood bag or a reagent kit (EAN check digit) drawn until it also passes Luhn (``luhn``: thirteen
    digits that begin with 4 like a Visa card, and are no card) or until it fails it."""
    while True:
        body = pick(r, "40", "41", "42", "43") + rand(r, string.digits, 10)
        check = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
        digits = body + str(check)
        if luhn_ok(digits) == luhn and _uan_no_phone(digits):
            return digits


def unannounced_isbt_din(r: random.Random) -> str:
    """An ISBT 128 donation identification number: the facility (a letter and four characters), the two-digit year,
    the six-digit sequence and its ISO 7064 mod 37-2 check character, as the bag label prints it."""
    facility = r.choice("ABGW") + rand(r, string.digits, 4)
    seq = rand(r, string.digits, 6)
    body = f"{facility}26{seq}"
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*"
    total = 0
    for ch in body:
        total = ((total + alphabet.index(ch)) * 2) % 37
    check = alphabet[(38 - total) % 37]
    return f"{facility} 26 {seq} {check}"


def unannounced_lei(r: random.Random) -> str:
    """A Legal Entity Identifier (ISO 17442): a four-character issuer prefix, ``00``, twelve characters and two ISO
    7064 mod 97-10 check digits (it passes the same check as an IBAN and names no account)."""
    body = pick(r, "2138", "5493", "9695", "2549") + "00" + rand(r, string.ascii_uppercase + string.digits, 12)
    numeric = int("".join(str(int(c, 36)) for c in body + "00"))
    return f"{body}{98 - numeric % 97:02d}"


# Card numbers this split draws, from BIN ranges no split has drawn: Visa's 4310 and 4737, Mastercard's 5491 and
# 2356, Amex's 3768, JCB's 3548, Diners Club's 3027, UnionPay's 6261 (16 and 19 digits), Discover's 6513 and RuPay's
# 6070.
UNANNOUNCED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4310", "4737"), (16,)),
    "mastercard": (("5491", "2356"), (16,)),
    "amex": (("3768",), (15,)),
    "jcb": (("3548",), (16,)),
    "diners": (("3027",), (14,)),
    "unionpay": (("6261",), (16, 19)),
    "discover": (("6513",), (16,)),
    "rupay": (("6070",), (16,)),
}


def unannounced_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNANNOUNCED_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def unannounced_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in its groups (Amex 4-6-5, Diners 4-6-4, 19 digits 4-4-4-4-3,
    the rest by four), joined by ``sep`` (a space, a dash, a dot, a slash or nothing)."""
    digits = unannounced_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "", ".", " / ") if sep is None else sep
    if len(digits) == 19:
        sizes = [4, 4, 4, 4, 3]
    elif len(digits) == 15:
        sizes = [4, 6, 5]
    elif len(digits) == 14:
        sizes = [4, 6, 4]
    else:
        sizes = [4, 4, 4, 4]
    return grouped(digits, sizes, sep)


# IBAN countries this split draws: the United Kingdom (22: Guernsey's banks issue GB IBANs with a four-letter bank
# code and a Channel Islands sort code), France (27 with the RIB key: the banks of Mayotte, Saint Martin and Wallis and
# Futuna issue French IBANs), the Falkland Islands (18: two letters and twelve digits) and the British Virgin Islands
# (24: four letters and sixteen digits). North Korea and Sint Maarten have no IBAN: their account numbers are
# negatives.
UNANNOUNCED_IBAN_LENGTHS = {"GB": 22, "FR": 27, "FK": 18, "VG": 24}
_UAN_BANKS = {
    "GB": ("RBOS", "BARC", "HBUK", "LOYD", "NWBK", "BUKB"),
    "FR": ("11899", "10278", "14445", "12579"),
    "FK": ("SC",),
    "VG": ("VPVG", "FCIB", "BOVI", "RBCV"),
}


def _uan_bban(r: random.Random, country: str) -> str:
    bank = r.choice(_UAN_BANKS[country])
    if country == "GB":
        return bank + pick(r, "40", "60", "30", "20") + rand(r, string.digits, 4) + rand(r, string.digits, 8)
    if country == "FK":
        return bank + rand(r, string.digits, 12)
    if country == "VG":
        return bank + rand(r, string.digits, 16)
    branch, account = rand(r, string.digits, 5), rand(r, string.digits, 11)
    return bank + branch + account + unremarked_rib_key(bank, branch, account)


def unannounced_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of the United Kingdom (Guernsey's banks), France (Mayotte's, Saint Martin's and Wallis and Futuna's),
    the Falklands or the British Virgin Islands, compact or in groups of four (``grouped`` None: either); ``valid``
    False: its check digits are wrong (neither the right ones nor those 97 apart)."""
    country = country or r.choice(sorted(UNANNOUNCED_IBAN_LENGTHS))
    bban = _uan_bban(r, country)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNANNOUNCED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


def unannounced_rib(r: random.Random) -> str:
    """A French RIB (bank, branch, account, key) as a Mayotte bank's chequebook prints it: no IBAN."""
    while True:
        bank, branch, account = pick(r, "11899", "14445"), rand(r, string.digits, 5), rand(r, string.digits, 11)
        key = unremarked_rib_key(bank, branch, account)
        if not _urm_luhn_windows(bank + branch + account + key) and _uan_no_phone(account):
            return f"{bank} {branch} {account} {key}"


def unannounced_sort_code_account(r: random.Random) -> str:
    """A Channel Islands sort code and account number (``40-17-42 31926819``): a domestic account, no IBAN."""
    while True:
        account = rand(r, string.digits, 8)
        code = f"{pick(r, '40', '60', '30')}-{r.randrange(10, 99)}-{r.randrange(10, 99)}"
        digits = code.replace("-", "") + account
        if _uan_no_phone(account) and _uan_no_phone(digits) and not _urm_luhn_windows(digits):
            return f"{code} {account}"


def unannounced_kp_account(r: random.Random) -> str:
    """An account at the Foreign Trade Bank of the DPRK as a sanctions notice prints it (no IBAN: North Korea has
    none)."""
    while True:
        digits = rand(r, string.digits, 12)
        if _uan_no_phone(digits) and not _urm_luhn_windows(digits):
            return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"


UNANNOUNCED_HASH_FAMILIES = (
    "krb5tgs",
    "netntlmv1",
    "snmpv3",
    "postgres_challenge",
    "mschapv2",
    "authlogic_sha512",
    "jackrabbit_sha256",
    "android_pin",
)


def unannounced_password_hash(r: random.Random, family: str = "") -> str:
    """Password-derived material of one family as it is stored or captured (``family`` empty: any): a Kerberoasted
    service ticket (``$krb5tgs$23$``), a NetNTLMv1 challenge-response (``user::DOMAIN:lm:nt:challenge``), an SNMPv3
    message with its authentication parameter (hashcat's ``$SNMPv3$``), a PostgreSQL MD5 challenge-response sniffed
    off the wire (``$postgres$``), an MS-CHAPv2 exchange as freeradius-wpe writes it for John (``$NETNTLM$``),
    Authlogic's SHA-512 with its salt (Canvas, older Rails apps), Jackrabbit Oak's ``{SHA-256}salt-iterations-hash``
    (AEM) and an Android lock screen's ``password.key`` (SHA-1 and MD5 of the PIN and its salt)."""
    family = family or r.choice(UNANNOUNCED_HASH_FAMILIES)
    user = pick(r, "hleale", "mbrehaut", "ahamadi", "zainaba", "lpage", "svc_backup", "skipper", "nurse.ogier")
    if family == "krb5tgs":
        realm = pick(r, "MARINA.SX", "BLOODBANK.GG", "CORP.STUDIO.LOCAL")
        spn = pick(r, "MSSQLSvc/sql01:1433", "HTTP/intranet", "CIFS/files01")
        svc = pick(r, "svc_sql", "svc_web", "svc_backup")
        return f"$krb5tgs$23$*{svc}${realm}${spn}*${rand(r, HEX, 32)}${rand(r, HEX, 2 * r.randrange(520, 700))}"
    if family == "netntlmv1":
        lm = rand(r, HEX, 16) + "0" * 32
        return f"{user}::{pick(r, 'MARINA', 'BLOODBANK', 'STUDIO')}:{lm}:{rand(r, HEX, 48)}:{rand(r, HEX, 16)}"
    if family == "snmpv3":
        packet = "30818f020103301102" + rand(r, HEX, 274)  # 146 bytes, as a captured SNMPv3 request
        engine = "80001f8880" + rand(r, HEX, 24)
        return f"$SNMPv3$0${r.randrange(10**7, 10**8)}${packet}${engine}${rand(r, HEX, 24)}"
    if family == "postgres_challenge":
        return f"$postgres${pick(r, 'postgres', 'supabase_auth_admin', 'outline', 'vikunja')}*{rand(r, HEX, 8)}*" + (
            hashlib.md5(r.randbytes(16)).hexdigest()
        )
    if family == "mschapv2":
        return f"jtr NETNTLM: {user}:$NETNTLM${rand(r, HEX, 16)}${rand(r, HEX, 48)}"
    if family == "authlogic_sha512":
        salt = rand(r, ALNUM + "_-", 20)
        return f"crypted_password={hashlib.sha512(r.randbytes(16)).hexdigest()}, password_salt={salt}"
    if family == "jackrabbit_sha256":
        return f"{{SHA-256}}{rand(r, HEX, 16)}-{pick(r, '1000', '10000')}-{hashlib.sha256(r.randbytes(16)).hexdigest()}"
    assert family == "android_pin"
    while True:
        salt = unannounced_clean_digits(r, 19, pick(r, "1", "2", "3", "4", "5", "6", "7", "8"))
        if int(salt) < 2**63:
            break
    key = hashlib.sha1(r.randbytes(16)).hexdigest().upper() + hashlib.md5(r.randbytes(16)).hexdigest().upper()
    return f"password.key={key}, lockscreen.password_salt={pick(r, '-', '')}{salt}"


def unannounced_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r, "Philipsburg", "Simpsonbay", "Marigot", "Grandcase", "Roadtown", "Virgingorda", "Jostvandyke", "Mamoudzou",
        "Dzaoudzi", "Matautu", "Alofivai", "Stanley", "Goosegreen", "Sarnia", "Stpeterport", "Vale", "Pyongyang",
    )  # fmt: skip
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_", "$", "?")


def unannounced_email(r: random.Random) -> str:
    """An address of the split's people: Guernsey, Saint Martin, Sint Maarten, Virgin Islands, Mayotte, Wallis and
    Futuna and Falklands names, with dots, digits, hyphens, underscores and plus tags, and their places' providers."""
    first = pick(
        r, "hannah.leale", "matthieu.brehaut", "le.page.j", "soraya.richardson", "kenrick_gumbs", "ashanti.hodge",
        "delroy.penn", "zainaba.ahamadi", "faidati-m", "soane.tui", "malia.takala", "rosie.biggs", "callum.short",
        "ji.hyun.kim",
    )  # fmt: skip
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'berth', 'donor', 'game', 'bvi')}")
    domain = pick(
        r, "cwgsy.net", "suremail.gg", "orange.fr", "wanadoo.fr", "sfr.fr", "caribserve.net", "surfbvi.com",
        "mayotte.fr", "gmail.com", "outlook.com", "horizon.co.fk", "icloud.com", "proton.me", "hotmail.fr",
    )  # fmt: skip
    return f"{local}@{domain}"


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def unannounced_paystack_pair(r: random.Random) -> tuple[str, str]:
    """A Paystack public key (``pk_live_`` and 40 hex digits, shipped to browsers) and secret key (``sk_live_``)."""
    return "pk_live_" + rand(r, HEX, 40), "sk_live_" + rand(r, HEX, 40)


def unannounced_binance_pair(r: random.Random) -> tuple[str, str]:
    """A Binance API key (``X-MBX-APIKEY``) and secret key (the HMAC key): 64 letters and digits each."""
    return rand(r, ALNUM, 64), rand(r, ALNUM, 64)


def unannounced_polygon_key(r: random.Random) -> str:
    """A Polygon.io API key (``apiKey`` query parameter): 32 letters, digits and underscores."""
    return rand(r, ALNUM + "_", 32)


def unannounced_finnhub_token(r: random.Random) -> str:
    """A Finnhub API token (``X-Finnhub-Token`` or ``token=``): 20 lower-case letters and digits."""
    return rand(r, string.ascii_lowercase + string.digits, 20)


def unannounced_owm_key(r: random.Random) -> str:
    """An OpenWeatherMap API key (``appid`` query parameter): 32 hex digits."""
    return rand(r, HEX, 32)


def unannounced_newsapi_key(r: random.Random) -> str:
    """A NewsAPI key (``X-Api-Key``): 32 hex digits."""
    return rand(r, HEX, 32)


def unannounced_spotify_pair(r: random.Random) -> tuple[str, str, str]:
    """A Spotify client id (32 hex digits, public), client secret (32 hex digits) and access token (``BQ`` and 150
    base64url characters)."""
    return rand(r, HEX, 32), rand(r, HEX, 32), "BQ" + rand(r, B64URL, 150)


def unannounced_twitch_pair(r: random.Random) -> tuple[str, str]:
    """A Twitch client id (30 lower-case letters and digits, public: the ``Client-Id`` header) and a user access
    token (30 of them)."""
    alphabet = string.ascii_lowercase + string.digits
    return rand(r, alphabet, 30), rand(r, alphabet, 30)


def unannounced_ably_key(r: random.Random) -> str:
    """An Ably API key: the app id, a dot, the key id (the key's name: public), a colon and the 43-character
    secret."""
    return f"{rand(r, ALNUM, 6)}.{rand(r, ALNUM + '_-', 6)}:{rand(r, ALNUM + '_-', 43)}"


def unannounced_pubnub_keys(r: random.Random) -> tuple[str, str, str]:
    """PubNub publish and subscribe keys (``pub-c-``/``sub-c-`` and a UUID: shipped in clients) and the secret key
    (``sec-c-`` and 48 base64 characters: the one that grants access)."""
    return "pub-c-" + unannounced_uuid(r), "sub-c-" + unannounced_uuid(r), "sec-c-" + rand(r, ALNUM, 48)


def unannounced_shipstation_pair(r: random.Random) -> tuple[str, str]:
    """A ShipStation API key and secret (32 hex digits each: the Basic user and password)."""
    return rand(r, HEX, 32), rand(r, HEX, 32)


def unannounced_kaggle_key(r: random.Random) -> str:
    """A Kaggle API key (``kaggle.json``'s ``key``): 32 hex digits."""
    return rand(r, HEX, 32)


def unannounced_zerotier_token(r: random.Random) -> str:
    """A ZeroTier Central API token (``Authorization: token ...``): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unannounced_etherscan_key(r: random.Random) -> str:
    """An Etherscan API key (``apikey`` query parameter): 34 capital letters and digits."""
    return rand(r, UPPER, 34)


def unannounced_blockfrost_id(r: random.Random) -> str:
    """A Blockfrost project id (the ``project_id`` header, the key itself): the network and 32 letters and digits."""
    return pick(r, "mainnet", "preprod") + rand(r, ALNUM, 32)


def unannounced_coingecko_key(r: random.Random) -> str:
    """A CoinGecko Pro API key (``x-cg-pro-api-key``): ``CG-`` and 24 letters and digits."""
    return "CG-" + rand(r, ALNUM, 24)


def unannounced_cmc_key(r: random.Random) -> str:
    """A CoinMarketCap API key (``X-CMC_PRO_API_KEY``): a UUID."""
    return unannounced_uuid(r)


def unannounced_tiingo_token(r: random.Random) -> str:
    """A Tiingo API token (``Authorization: Token ...``): 40 hex digits."""
    return rand(r, HEX, 40)


def unannounced_alphavantage_key(r: random.Random) -> str:
    """An Alpha Vantage API key (``apikey`` query parameter): 16 capital letters and digits."""
    return rand(r, UPPER, 16)


def unannounced_fixer_key(r: random.Random) -> str:
    """A Fixer (apilayer) access key (``access_key`` query parameter): 32 hex digits."""
    return rand(r, HEX, 32)


def unannounced_ipinfo_token(r: random.Random) -> str:
    """An ipinfo access token (``token=`` or a bearer): 14 hex digits."""
    return rand(r, HEX, 14)


def unannounced_abuseipdb_key(r: random.Random) -> str:
    """An AbuseIPDB API key (the ``Key`` header): 80 hex digits."""
    return rand(r, HEX, 80)


def unannounced_virustotal_key(r: random.Random) -> str:
    """A VirusTotal API key (``x-apikey``): 64 hex digits."""
    return rand(r, HEX, 64)


def unannounced_shodan_key(r: random.Random) -> str:
    """A Shodan API key (``key`` query parameter): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unannounced_censys_pair(r: random.Random) -> tuple[str, str]:
    """A Censys Search API id (a UUID) and secret (32 letters and digits): the Basic user and password."""
    return unannounced_uuid(r), rand(r, ALNUM, 32)


def unannounced_urlscan_key(r: random.Random) -> str:
    """A urlscan.io API key (``API-Key`` header): a UUID."""
    return unannounced_uuid(r)


def unannounced_hibp_key(r: random.Random) -> str:
    """A Have I Been Pwned API key (``hibp-api-key``): 32 hex digits."""
    return rand(r, HEX, 32)


def unannounced_hunter_key(r: random.Random) -> str:
    """A Hunter.io API key (``api_key`` query parameter): 40 hex digits."""
    return rand(r, HEX, 40)


def unannounced_lastfm_pair(r: random.Random) -> tuple[str, str]:
    """A Last.fm API key (32 hex digits, sent with every call from clients) and shared secret (32 hex digits: it
    signs calls)."""
    return rand(r, HEX, 32), rand(r, HEX, 32)


def unannounced_discogs_token(r: random.Random) -> str:
    """A Discogs personal access token (``Authorization: Discogs token=...``): 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unannounced_tmdb_key(r: random.Random) -> str:
    """A TMDB v3 API key (``api_key`` query parameter): 32 hex digits."""
    return rand(r, HEX, 32)


def unannounced_steam_key(r: random.Random) -> str:
    """A Steam Web API key (``key`` query parameter): 32 hex digits in capitals."""
    return rand(r, HEX, 32).upper()


def unannounced_riot_key(r: random.Random) -> str:
    """A Riot Games API key (``X-Riot-Token``): ``RGAPI-`` and a UUID."""
    return "RGAPI-" + unannounced_uuid(r)


def unannounced_playfab_pair(r: random.Random) -> tuple[str, str]:
    """A PlayFab title id (five hex digits in capitals: public, in every client) and title secret key
    (``X-SecretKey``: 56 capital letters and digits)."""
    return rand(r, "0123456789ABCDEF", 5), rand(r, UPPER, 56)


def unannounced_geoapify_key(r: random.Random) -> str:
    """A Geoapify API key (``apiKey`` query parameter): 32 hex digits."""
    return rand(r, HEX, 32)


def unannounced_opencage_key(r: random.Random) -> str:
    """An OpenCage geocoding key (``key`` query parameter): 32 hex digits."""
    return rand(r, HEX, 32)


def unannounced_locationiq_key(r: random.Random) -> str:
    """A LocationIQ access token (``key`` query parameter): ``pk.`` and 32 hex digits (a private token despite the
    prefix)."""
    return "pk." + rand(r, HEX, 32)


def unannounced_radar_pair(r: random.Random) -> tuple[str, str]:
    """A Radar publishable key (``prj_live_pk_`` and 40 hex digits: in apps) and secret key (``prj_live_sk_``, sent
    bare in ``Authorization``)."""
    return "prj_live_pk_" + rand(r, HEX, 40), "prj_live_sk_" + rand(r, HEX, 40)


def unannounced_foursquare_key(r: random.Random) -> str:
    """A Foursquare Places API key (sent bare in ``Authorization``): ``fsq3`` and 44 base64 characters."""
    return "fsq3" + rand(r, ALNUM + "+/", 44)


def unannounced_yelp_key(r: random.Random) -> str:
    """A Yelp Fusion API key (a bearer): 128 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 128)


def unannounced_smarty_pair(r: random.Random) -> tuple[str, str]:
    """A Smarty (SmartyStreets) auth id (a UUID) and auth token (20 letters and digits), both in the query."""
    return unannounced_uuid(r), rand(r, ALNUM, 20)


def unannounced_msg91_key(r: random.Random) -> str:
    """An MSG91 auth key (``authkey`` header): six digits and 18 letters and digits."""
    return rand(r, string.digits, 6) + rand(r, ALNUM, 18)


def unannounced_stormglass_key(r: random.Random) -> str:
    """A Stormglass API key (sent bare in ``Authorization``): two UUIDs joined by a dash."""
    return f"{unannounced_uuid(r)}-{unannounced_uuid(r)}"


def unannounced_windy_key(r: random.Random) -> str:
    """A Windy Point Forecast API key (the body's ``key``): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def _uan_iat(r: random.Random) -> int:
    return 1_769_500_000 + r.randrange(10**6)


def unannounced_moralis_key(r: random.Random) -> str:
    """A Moralis Web3 API key (``X-API-Key``, a JWT): HS256 with a nonce, the organisation and user ids and the
    project's type id, no expiry."""
    claims = {"nonce": unannounced_uuid(r), "orgId": str(r.randrange(10**5, 10**6)),
              "userId": str(r.randrange(10**5, 10**6)), "typeId": unannounced_uuid(r), "type": "PROJECT",
              "iat": _uan_iat(r), "exp": 4_923_000_000 + r.randrange(10**6)}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unannounced_tmdb_jwt(r: random.Random) -> str:
    """A TMDB v4 API read access token (a bearer): HS256 with the v3 key as audience, the account and its scope."""
    claims = {"aud": rand(r, HEX, 32), "nbf": _uan_iat(r) + 0.123, "sub": rand(r, HEX, 24), "scopes": ["api_read"],
              "version": 1}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256"}, claims, 32)


def unannounced_mapkit_jwt(r: random.Random) -> str:
    """An Apple MapKit JS token signed with a developer's ``.p8`` key: ES256, the key id, the team as issuer and the
    marina's site as origin."""
    iat = _uan_iat(r)
    claims = {"iss": rand(r, UPPER, 10), "iat": iat, "exp": iat + 86400 * 30,
              "origin": pick(r, "https://berths.marina-sx.example", "https://book.bvi-moorings.example")}  # fmt: skip
    return _signed_jwt(r, {"alg": "ES256", "kid": rand(r, UPPER, 10), "typ": "JWT"}, claims, 64)


def unannounced_smart_assertion(r: random.Random) -> str:
    """A SMART on FHIR backend service's client assertion (``client_assertion`` to Epic's token endpoint): RS384, the
    client id as issuer and subject, a JTI and five minutes."""
    iat = _uan_iat(r)
    client = unannounced_uuid(r)
    claims = {"iss": client, "sub": client, "aud": "https://fhir.epic.com/interconnect-fhir-oauth/oauth2/token",
              "jti": rand(r, HEX, 32), "exp": iat + 300, "nbf": iat, "iat": iat}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS384", "typ": "JWT", "kid": rand(r, B64URL, 43)}, claims, 256)


def unannounced_atlassian_jwt(r: random.Random) -> str:
    """An Atlassian Connect app's JWT to Jira: HS256, the app key as issuer, the query string hash (``qsh``) and
    three minutes."""
    iat = _uan_iat(r)
    claims = {"iss": pick(r, "gg.bloodbank.jira-sync", "com.studio.support-bridge"), "iat": iat, "exp": iat + 180,
              "qsh": rand(r, HEX, 64)}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unannounced_unity_jwt(r: random.Random) -> str:
    """A Unity Authentication player access token: RS256, Unity's player-auth service as issuer, the project,
    environment and player ids."""
    iat = _uan_iat(r)
    claims = {"aud": [f"upid:{unannounced_uuid(r)}", f"envId:{unannounced_uuid(r)}", "envName:production"],
              "exp": iat + 3600, "iat": iat, "nbf": iat, "iss": "https://player-auth.services.api.unity.com",
              "jti": unannounced_uuid(r), "sub": rand(r, ALNUM, 28), "sign_in_provider": "anonymous",
              "project_id": unannounced_uuid(r)}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": unannounced_uuid(r), "typ": "JWT"}, claims, 256)


def unannounced_nakama_jwt(r: random.Random) -> str:
    """A Nakama session token: HS256 with the token id, the user id, the user name, session variables and the
    expiry."""
    iat = _uan_iat(r)
    claims = {"tid": unannounced_uuid(r), "uid": unannounced_uuid(r),
              "usn": pick(r, "reef_raider", "skipper_ji", "mataoa"), "vrs": {"region": "eu"}, "exp": iat + 7200,
              "iat": iat}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unannounced_eos_jwt(r: random.Random) -> str:
    """An Epic Online Services ID token: RS512, EOS's auth service as issuer, the product user, the client, sandbox
    and deployment, and the external account it was issued for."""
    iat = _uan_iat(r)
    claims = {"iss": "https://api.epicgames.dev/auth/v1/oauth", "sub": rand(r, HEX, 32),
              "aud": "xyza" + rand(r, ALNUM, 28), "exp": iat + 3600, "iat": iat, "jti": rand(r, HEX, 32),
              "pfsid": rand(r, HEX, 32), "pfdid": rand(r, HEX, 32), "pfpid": rand(r, HEX, 32),
              "act": {"eat": "epicgames", "eaid": rand(r, HEX, 32), "pltfm": "other"}}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS512", "kid": rand(r, B64URL, 43), "typ": "JWT"}, claims, 512)


def unannounced_docusign_assertion(r: random.Random) -> str:
    """A DocuSign JWT grant assertion (consent forms for donors): RS256, the integration key as issuer, the user as
    subject, the account server as audience and the ``signature impersonation`` scope."""
    iat = _uan_iat(r)
    claims = {"iss": unannounced_uuid(r), "sub": unannounced_uuid(r), "aud": "account.docusign.com", "iat": iat,
              "exp": iat + 3600, "scope": "signature impersonation"}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT"}, claims, 256)


# ---------------------------------------------------------------------------- the unbeknown split's own values
#
# Written for the thirty-first split only, by a twenty-fifth session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, the Norwegian and Hungarian national check digits, the IMO, ABN and Norwegian
# organisation number checks, hash lengths and alphabets).


def unbeknown_uuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def _ubk_no_phone(digits: str) -> bool:
    """Whether ``digits`` reads as no valid number of the split's regions nationally nor anywhere with a ``+``."""
    return _ubk_no_phone_in(digits, tuple(PHONE_REGIONS))


@functools.lru_cache(maxsize=65536)
def _ubk_no_phone_in(digits: str, regions: tuple[str, ...]) -> bool:
    """``_ubk_no_phone`` for these regions, remembered: the split's timestamps draw short fractions again and again
    until one reads as no phone number (building the split took 90 s before, most of the test run's corpus time)."""
    parsed = []
    for text, region in [(digits, g) for g in regions] + [("+" + digits, None)]:
        with contextlib.suppress(phonenumbers.NumberParseException):
            parsed.append(phonenumbers.parse(text, region))
    return not any(phonenumbers.is_valid_number(p) for p in parsed)


def unbeknown_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits that are no valid number of the split's regions nor anywhere with a ``+``, and fail Luhn."""
    return unremarked_digits(r, n, tuple(PHONE_REGIONS), lead)


def unbeknown_clean_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``unbeknown_digits``, and also no run of 12 to 19 of them passes Luhn (no card can be read out of them)."""
    while True:
        digits = unbeknown_digits(r, n, lead)
        if not _urm_luhn_windows(digits):
            return digits


# This split's regions: Ascension (+247, five digits: 6 fixed lines, [2-47] mobiles), Saint Helena (+290, five
# digits: 2 fixed lines, 5 and 6 mobiles) and Tristan da Cunha (+290 8, four digits), the Cocos (Keeling) Islands and
# Christmas Island (+61 8 9162 and +61 8 9164 fixed lines: their mobiles are Australia's, so only fixed lines are
# drawn), Norfolk Island (+672 3, six digits: islanders dial the last five), Western Sahara (+212 5288/5289 fixed lines,
# which libphonenumber validates for EH but attributes to Morocco; its mobiles are Morocco's) and Svalbard (+47 79 fixed
# lines: its mobiles are Norway's).
_UBK_HEADS: dict[str, dict[str, tuple[str, ...]]] = {
    "AC": {"MOBILE": ("4", "2", "3", "7"), "FIXED_LINE": ("6",)},
    "SH": {"MOBILE": ("5", "6"), "FIXED_LINE": ("2",)},
    "TA": {"FIXED_LINE": ("8",)},
    "CC": {"FIXED_LINE": ("89162",)},
    "CX": {"FIXED_LINE": ("89164",)},
    "NF": {"MOBILE": ("35", "38"), "FIXED_LINE": ("32", "31")},
    "EH": {"FIXED_LINE": ("5288", "5289")},
    "SJ": {"FIXED_LINE": ("79",)},
}
_UBK_SIZES = {"AC": 5, "SH": 5, "TA": 4, "CC": 9, "CX": 9, "NF": 6, "EH": 9, "SJ": 8}
_UBK_CODES = {"AC": 247, "SH": 290, "TA": 290, "CC": 61, "CX": 61, "NF": 672, "EH": 212, "SJ": 47}


def _ubk_valid_number(r: random.Random, region: str) -> phonenumbers.PhoneNumber:
    heads = _UBK_HEADS[region]
    kind = r.choice(sorted(heads))
    size, code = _UBK_SIZES[region], _UBK_CODES[region]
    for _ in range(2000):
        head = r.choice(heads[kind])
        digits = head + rand(r, string.digits, size - len(head))
        number = phonenumbers.parse(f"+{code}{digits}")
        if (
            phonenumbers.is_valid_number(number)
            and phonenumbers.is_valid_number_for_region(number, region)
            and len(set(digits)) > 2
        ):
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def unbeknown_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as its people write it: international (``+``, E.164, ``00``, Australia's
    ``0011 61`` and ``+61 (0)8``, Morocco's ``+212 (0)5``, ``(+290)`` and ``+247-`` for the islands, Norway's ``+47 790
    12 345``) or, unless ``international_only``, national (the islands' bare five or four digits, Cocos and Christmas
    Island's ``(08) 9162 1234`` and ``08-9164-1234``, Norfolk's five local digits, Western Sahara's ``05 28 ...`` and
    ``0528-...``, Svalbard's eight digits in pairs or as ``790 12 345``). Checked: it parses back (with its region as
    default) to the same valid number and holds no run that reads as an IPv4 address."""
    region = r.choice(regions)
    number = _ubk_valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    cc = f"+{number.country_code}"
    digits = phonenumbers.national_significant_number(number)
    rest = intl[len(cc) :].strip()
    forms = [intl, phonenumbers.format_number(number, pnf.E164), f"00{number.country_code} {rest}"]
    if region in ("AC", "SH", "TA"):
        forms += [f"({cc}) {rest}", f"{cc}-{digits}"]
    if region in ("CC", "CX"):
        forms += [f"{cc} (0){rest}", f"0011 61 {rest}", f"{cc}-{digits[0]}-{digits[1:5]}-{digits[5:]}"]
    if region == "NF":
        forms.append(f"{cc} {digits[:2]} {digits[2:]}")
    if region == "EH":
        forms += [f"{cc} (0){rest}", f"{cc} {digits[:4]}-{digits[4:]}"]
    if region == "SJ":
        forms.append(f"{cc} {digits[:3]} {digits[3:5]} {digits[5:]}")
    if not international_only:
        forms.append(national)
        if region in ("CC", "CX"):
            forms += [national.replace("(", "").replace(")", ""), f"0{digits[0]}-{digits[1:5]}-{digits[5:]}"]
        if region == "NF":
            forms.append(digits[1:])
        if region == "EH":
            forms += [f"0{digits[:3]}-{digits[3:]}", f"0{digits[:3]} {digits[3:5]} {digits[5:7]} {digits[7:]}"]
        if region == "SJ":
            forms += [f"{digits[:3]} {digits[3:5]} {digits[5:]}", digits]
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unbeknown_msisdn(r: random.Random, region: str) -> str:
    """A valid number of ``region`` as SMS gateways take it: its E.164 digits without the ``+``."""
    number = _ubk_valid_number(r, region)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[1:]


def unbeknown_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number of ``regions`` that is valid nowhere: a valid one with a
    digit dropped or two added, drawn until libphonenumber rejects it with its ``+`` and nationally in every
    region."""
    for _ in range(800):
        number = _ubk_valid_number(r, r.choice(regions))
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-1] if r.random() < 0.5 else digits + rand(r, string.digits, 2)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        national = []
        for g in regions:
            with contextlib.suppress(phonenumbers.NumberParseException):
                national.append(phonenumbers.parse(digits, g))
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and not any(
            phonenumbers.is_valid_number(p) for p in national
        ):
            return text
    raise AssertionError("no invalid number drawn")


def unbeknown_imo(r: random.Random) -> str:
    """A ship's IMO number (seven digits: six and a check digit, the weighted sum 7..2 modulo 10), drawn until it reads
    as no phone number."""
    while True:
        body = r.choice("9") + rand(r, string.digits, 5)
        check = sum(int(d) * w for d, w in zip(body, range(7, 1, -1), strict=True)) % 10
        digits = body + str(check)
        if _ubk_no_phone(digits):
            return digits


def unbeknown_abn(r: random.Random) -> str:
    """An Australian Business Number (eleven digits whose weighted sum, the first digit less one, is divisible by 89) as
    ``51 824 753 556``: a Cocos or Christmas Island business, no phone."""
    weights = (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)
    while True:
        digits = r.choice("123456789") + rand(r, string.digits, 10)
        total = sum(w * (int(d) - (1 if i == 0 else 0)) for i, (d, w) in enumerate(zip(digits, weights, strict=True)))
        if total % 89 == 0 and _ubk_no_phone(digits) and not luhn_ok(digits):
            return f"{digits[:2]} {digits[2:5]} {digits[5:8]} {digits[8:]}"


def unbeknown_orgnr(r: random.Random) -> str:
    """A Norwegian organisation number (nine digits, mod-11 check with weights 3, 2, 7, 6, 5, 4, 3, 2) as ``923 456
    789``: a Longyearbyen company, no phone."""
    while True:
        body = r.choice("89") + rand(r, string.digits, 7)
        rest = sum(int(d) * w for d, w in zip(body, (3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
        check = 0 if rest == 0 else 11 - rest
        if check == 10:
            continue
        digits = body + str(check)
        if _ubk_no_phone(digits):
            return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def unbeknown_kid(r: random.Random) -> str:
    """A Norwegian payment reference (KID) of 16 digits with a MOD10 (Luhn) check digit, starting with ``0`` as a
    customer number padded with zeros does: it passes Luhn and is no card."""
    while True:
        body = "00" + rand(r, string.digits, 13)
        digits = body + _luhn_digit(body)
        if _ubk_no_phone(digits):
            return digits


def unbeknown_rrn(r: random.Random) -> str:
    """A card transaction's retrieval reference number (twelve digits: the year's last digit, the day of the year, the
    hour and a sequence) drawn until it passes Luhn: a reference, no card."""
    while True:
        digits = f"6{r.randrange(10, 28):03d}{r.randrange(0, 24):02d}" + rand(r, string.digits, 6)
        if luhn_ok(digits) and _ubk_no_phone(digits):
            return digits


# Card numbers this split draws, from BIN ranges no split has drawn: Visa's 4137 and 4988, Mastercard's 5413 and
# 2618, Amex's 3782, JCB's 3571, Diners Club's 3034, Discover's 6599 and UnionPay's 6215 (16 and 19 digits).
UNBEKNOWN_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4137", "4988"), (16,)),
    "mastercard": (("5413", "2618"), (16,)),
    "amex": (("3782",), (15,)),
    "jcb": (("3571",), (16,)),
    "diners": (("3034",), (14,)),
    "discover": (("6599",), (16,)),
    "unionpay": (("6215",), (16, 19)),
}


def unbeknown_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNBEKNOWN_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def unbeknown_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in its groups (Amex 4-6-5, Diners 4-6-4, 19 digits 4-4-4-4-3, the
    rest by four), joined by ``sep`` (a space, a dash, two spaces, a thin space copied from a formatted page, or
    nothing)."""
    digits = unbeknown_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "", "  ", "\u2009") if sep is None else sep
    return grouped(digits, card_groups(digits) if len(digits) != 19 else [4, 4, 4, 4, 3], sep)


_UBK_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def unbeknown_card_words(pan: str) -> str:
    """A card number as a speech-to-text service writes it when the caller reads it out: its digits as words, the
    groups of four separated by commas."""
    words = [" ".join(_UBK_DIGIT_WORDS[int(d)] for d in pan[i : i + 4]) for i in range(0, len(pan), 4)]
    return ", ".join(words)


# IBAN countries this split draws: Norway (15: the banks of Longyearbyen are Norwegian, with the account's mod-11
# check digit), Greece (27: the shipping agents of Piraeus), Hungary (28: with the national check digits of the bank
# and branch and of the account) and Ukraine (29: the bank's six-digit MFO code and a 19-digit account). Ascension,
# Saint Helena, Tristan da Cunha, the Australian territories and Western Sahara have no IBAN: their accounts are
# negatives.
UNBEKNOWN_IBAN_LENGTHS = {"NO": 15, "GR": 27, "HU": 28, "UA": 29}
_UBK_BANKS = {
    "NO": ("4500", "1503", "1506", "4730", "9710"),
    "GR": ("011", "014", "017", "026"),
    "HU": ("117", "104", "120", "116"),
    "UA": ("305299", "322001", "300528", "320478"),
}


def _ubk_no_check(digits: str) -> int:
    """The Norwegian account number's mod-11 check digit over its first ten digits (10: no valid number)."""
    rest = sum(int(d) * w for d, w in zip(digits, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
    return 0 if rest == 0 else 11 - rest


def _ubk_hu_check(digits: str) -> str:
    """A Hungarian account number block's check digit (weights 9, 7, 3, 1 repeated, to a multiple of ten)."""
    total = sum(int(d) * (9, 7, 3, 1)[i % 4] for i, d in enumerate(digits))
    return str((10 - total % 10) % 10)


def _ubk_bban(r: random.Random, country: str) -> str:
    bank = r.choice(_UBK_BANKS[country])
    if country == "NO":
        while True:
            body = bank + rand(r, string.digits, 6)
            check = _ubk_no_check(body)
            if check != 10:
                return body + str(check)
    if country == "GR":
        return bank + rand(r, string.digits, 4) + rand(r, string.digits, 16)
    if country == "HU":
        branch = bank + rand(r, string.digits, 4)
        account = rand(r, string.digits, 15)
        return branch + _ubk_hu_check(branch) + account + _ubk_hu_check(account)
    return bank + "00000" + pick(r, "26", "26", "25") + rand(r, string.digits, 12)


def unbeknown_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Norway, Greece, Hungary or Ukraine, compact or in groups of four (``grouped`` None: either);
    ``valid`` False: its check digits are wrong (neither the right ones nor those 97 apart)."""
    country = country or r.choice(sorted(UNBEKNOWN_IBAN_LENGTHS))
    bban = _ubk_bban(r, country)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNBEKNOWN_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


def unbeknown_no_account(r: random.Random) -> str:
    """A Norwegian domestic account number (``4500.12.34567``: bank, group, account and mod-11 check), no IBAN."""
    while True:
        body = r.choice(_UBK_BANKS["NO"]) + rand(r, string.digits, 6)
        check = _ubk_no_check(body)
        if check != 10 and _ubk_no_phone(body + str(check)):
            digits = body + str(check)
            return f"{digits[:4]}.{digits[4:6]}.{digits[6:]}"


def unbeknown_bsb_account(r: random.Random) -> str:
    """An Australian BSB and account number (``BSB 066-170 acct 10234567``) of a Cocos, Christmas or Norfolk Island
    customer: a domestic account, no IBAN, no card, no phone."""
    while True:
        bsb = f"{pick(r, '06', '03', '08', '01')}{r.randrange(0, 10)}-{r.randrange(100, 1000)}"
        account = rand(r, string.digits, r.choice((8, 9)))
        digits = bsb.replace("-", "") + account
        if _ubk_no_phone(account) and _ubk_no_phone(digits) and not _urm_luhn_windows(digits):
            return f"BSB {bsb} acct {account}"


def unbeknown_hu_giro(r: random.Random) -> str:
    """A Hungarian domestic (GIRO) account number in two or three blocks of eight (``11773016-11111018-00000000``, the
    check digits right: the first block's over the bank and branch, the last over the account), no IBAN: drawn until no
    run of it passes Luhn."""
    while True:
        first = r.choice(_UBK_BANKS["HU"]) + rand(r, string.digits, 4)
        if r.random() < 0.5:
            second = rand(r, string.digits, 7)
            blocks = [first + _ubk_hu_check(first), second + _ubk_hu_check(second), "00000000"]
        else:
            account = rand(r, string.digits, 15)
            account += _ubk_hu_check(account)
            blocks = [first + _ubk_hu_check(first), account[:8], account[8:]]
        if not _urm_luhn_windows("".join(blocks)) and all(_ubk_no_phone(b) for b in blocks):
            return "-".join(blocks)


def unbeknown_sh_account(r: random.Random) -> str:
    """An account at the Bank of Saint Helena (seven digits): no IBAN, no phone of the islands."""
    while True:
        digits = "00" + rand(r, string.digits, 5)
        if _ubk_no_phone(digits) and _ubk_no_phone(digits[2:]):
            return digits


UNBEKNOWN_HASH_FAMILIES = (
    "ipmi2_rakp",
    "tacacs_plus",
    "ike_psk",
    "vnc_des",
    "chap_md5",
    "sip_digest",
    "dpapi_masterkey",
    "krb5pa_18",
)


def unbeknown_password_hash(r: random.Random, family: str = "") -> str:
    """Password-derived material of one family as it is captured or stored (``family`` empty: any): an IPMI 2.0 RAKP
    HMAC-SHA1 dumped from a BMC (hashcat's ``salt:hash``, the salt the RAKP message with the user name), a TACACS+
    authentication packet (``$tacacs-plus$0$``), an IKE aggressive-mode PSK exchange as ``ike-scan --pskcrack`` writes
    it (nine hex fields), a VNC DES challenge-response (``$vnc$*``), an iSCSI or PPP CHAP-MD5 exchange (``hash:challenge
    :id``), a SIP digest authentication (``$sip$*``), a Windows DPAPI master key (``$DPAPImk$2*``) and a Kerberos 5
    AES-256 pre-authentication timestamp (``$krb5pa$18$``)."""
    family = family or r.choice(UNBEKNOWN_HASH_FAMILIES)
    user = pick(r, "sigrid.olsen", "ADMIN", "root", "t.repetto", "svc_backup", "lars", "m.quintal", "ops")
    if family == "ipmi2_rakp":
        name = pick(r, "ADMIN", "root", "Administrator", "ipmiuser").encode()
        message = r.randbytes(4) + r.randbytes(4) + r.randbytes(16) + r.randbytes(16) + r.randbytes(16)
        salt = (message + bytes([0x14, len(name)]) + name).hex()
        return f"{salt}:{hashlib.sha1(r.randbytes(16)).hexdigest()}"
    if family == "tacacs_plus":
        return f"$tacacs-plus$0${rand(r, HEX, 8)}${r.randbytes(r.randrange(6, 24)).hex()}$c0{pick(r, '02', '06')}"
    if family == "ike_psk":
        fields = [
            r.randbytes(128).hex(),
            r.randbytes(128).hex(),
            rand(r, HEX, 16),
            rand(r, HEX, 16),
            "00000001000000010000009801010004" + r.randbytes(64).hex(),
            "01000000" + r.randbytes(4).hex(),
            r.randbytes(20).hex(),
            r.randbytes(20).hex(),
            hashlib.md5(r.randbytes(16)).hexdigest() if r.random() < 0.5 else hashlib.sha1(r.randbytes(16)).hexdigest(),
        ]
        return ":".join(fields)
    if family == "vnc_des":
        return f"$vnc$*{r.randbytes(16).hex().upper()}*{r.randbytes(16).hex().upper()}"
    if family == "chap_md5":
        return f"{hashlib.md5(r.randbytes(16)).hexdigest()}:{r.randbytes(16).hex()}:{r.randrange(0, 256):02x}"
    if family == "sip_digest":
        server = pick(r, "pbx.lyb-expeditions.example", "voip.sainthelena.example", "sip.dakhla-kite.example")
        client = pick(r, "desk-phone-3.lan", "softphone.lan", "gate-intercom.lan")
        return (
            f"$sip$*{server}*{client}*{pick(r, '1001', '2040', 'reception', 'guide7')}*asterisk*REGISTER*sip*{server}"
            f"**{rand(r, HEX, 8)}****MD5*{hashlib.md5(r.randbytes(16)).hexdigest()}"
        )
    if family == "dpapi_masterkey":
        sid = "-".join(str(r.randrange(10**9, 4 * 10**9)) for _ in range(3))
        return (
            f"$DPAPImk$2*1*S-1-5-21-{sid}-{r.randrange(1000, 1200)}*aes256*sha512*8000*{r.randbytes(16).hex()}*288*"
            f"{r.randbytes(144).hex()}"
        )
    assert family == "krb5pa_18"
    realm = pick(r, "LYB.EXPEDITIONS.LOCAL", "CORP.SAINTHELENA.LOCAL", "AD.DAKHLAKITE.LOCAL")
    return f"$krb5pa$18${user}${realm}${r.randbytes(52).hex()}"


def unbeknown_filezilla_hash(r: random.Random) -> str:
    """A FileZilla Server 1.x ``users.xml`` password: PBKDF2-HMAC-SHA256, the hash and salt in base64, the
    iterations."""
    return (
        f'<password index="1"><hash>{b64(r.randbytes(32))}</hash><salt>{b64(r.randbytes(32))}</salt>'
        f"<iterations>{pick(r, '100000', '600000')}</iterations></password>"
    )


def unbeknown_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r, "Longyearbyen", "Barentsburg", "Adventdalen", "Nybyen", "Jamestown", "Longwood", "Georgetown",
        "Greenmountain", "Edinburgh7seas", "Kingston", "Burntpine", "Flyingfish", "Homeisland", "Westisland", "Dakhla",
        "Laayoune", "Smara", "Boujdour",
    )  # fmt: skip
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_", "$", "?", "~")


def unbeknown_email(r: random.Random) -> str:
    """An address of the split's people: Saint Helena, Tristan da Cunha, Norfolk Island, Cocos Malay, Christmas Island,
    Sahrawi and Svalbard names with dots, digits, hyphens, underscores and plus tags, at their islands' and
    countries' providers (and the ``.sh``, ``.ac``, ``.nf``, ``.cc`` and ``.cx`` domains)."""
    first = pick(
        r, "sigrid.olsen", "ingrid_haugen", "t.repetto", "james.glass", "lavarello.k", "nadine.yon", "crowie.b",
        "m.quintal", "rhonda-buffett", "nobbs.d", "anwar.bin.ibrahim", "siti.noraini", "lim.kah.wai", "fatimetou.m",
        "brahim-salem", "mahjouba.l", "oleg.pavlov", "nattaya.s",
    )  # fmt: skip
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'tours', 'kite', 'cargo', 'svalbard')}")
    domain = pick(
        r, "online.no", "telia.no", "svalbard.net", "helanta.co.sh", "sure.co.sh", "mail.gov.ac", "norfolk.net.nf",
        "iinet.net.au", "bigpond.com", "cocos.cc", "shire.gov.cx", "menara.ma", "gmail.com", "outlook.com",
        "proton.me", "ukr.net", "freemail.hu",
    )  # fmt: skip
    return f"{local}@{domain}"


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def unbeknown_duffel_token(r: random.Random) -> str:
    """A Duffel access token (a bearer): ``duffel_live_`` and 43 base64url characters."""
    return "duffel_live_" + rand(r, B64URL, 43)


def unbeknown_tequila_key(r: random.Random) -> str:
    """A Kiwi.com Tequila API key (the ``apikey`` header): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unbeknown_travelpayouts_token(r: random.Random) -> str:
    """A Travelpayouts (Aviasales) API token (``X-Access-Token`` or ``token=``): 32 hex digits."""
    return rand(r, HEX, 32)


def unbeknown_aeroapi_key(r: random.Random) -> str:
    """A FlightAware AeroAPI key (``x-apikey``): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unbeknown_aviationstack_key(r: random.Random) -> str:
    """An aviationstack access key (``access_key`` query parameter): 32 hex digits."""
    return rand(r, HEX, 32)


def unbeknown_w3w_key(r: random.Random) -> str:
    """A what3words API key (``key`` query parameter or ``X-Api-Key``): eight capital letters and digits."""
    return rand(r, UPPER, 8)


def unbeknown_tomorrow_key(r: random.Random) -> str:
    """A Tomorrow.io API key (``apikey`` query parameter): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unbeknown_visualcrossing_key(r: random.Random) -> str:
    """A Visual Crossing weather key (``key`` query parameter): 25 capital letters and digits."""
    return rand(r, UPPER, 25)


def unbeknown_weatherapi_key(r: random.Random) -> str:
    """A WeatherAPI.com key (``key`` query parameter): 31 hex digits."""
    return rand(r, HEX, 31)


def unbeknown_accuweather_key(r: random.Random) -> str:
    """An AccuWeather API key (``apikey`` query parameter): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unbeknown_meteomatics_pair(r: random.Random) -> tuple[str, str]:
    """A Meteomatics API account (a user name and a ten-character password, sent as Basic)."""
    return f"{pick(r, 'lybexpeditions', 'dakhlakite', 'shfreight')}_{rand(r, string.ascii_lowercase, 6)}", rand(
        r, ALNUM, 10
    )


def unbeknown_pushover_pair(r: random.Random) -> tuple[str, str]:
    """A Pushover application token and a user (or group) key: 30 letters and digits each."""
    return rand(r, ALNUM, 30), rand(r, ALNUM, 30)


def unbeknown_pushbullet_token(r: random.Random) -> str:
    """A Pushbullet access token (``Access-Token`` header): ``o.`` and 32 letters and digits."""
    return "o." + rand(r, ALNUM, 32)


def unbeknown_gotify_token(r: random.Random) -> str:
    """A Gotify application token (``X-Gotify-Key`` or ``token=``): ``A`` and 14 letters, digits, ``.``, ``-`` and
    ``_``."""
    return "A" + rand(r, ALNUM + ".-_", 14)


def unbeknown_woo_pair(r: random.Random) -> tuple[str, str]:
    """A WooCommerce REST API consumer key and secret (``ck_`` and ``cs_`` and 40 hex digits each)."""
    return "ck_" + rand(r, HEX, 40), "cs_" + rand(r, HEX, 40)


def unbeknown_printful_token(r: random.Random) -> str:
    """A Printful private token (a bearer): 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unbeknown_etsy_keystring(r: random.Random) -> str:
    """An Etsy app's keystring (``x-api-key``): 24 lower-case letters and digits."""
    return rand(r, string.ascii_lowercase + string.digits, 24)


def unbeknown_jotform_key(r: random.Random) -> str:
    """A Jotform API key (``APIKEY`` header or ``apiKey=``): 32 hex digits."""
    return rand(r, HEX, 32)


def unbeknown_eventbrite_token(r: random.Random) -> str:
    """An Eventbrite private token (a bearer): 20 capital letters and digits."""
    return rand(r, UPPER, 20)


def unbeknown_helius_key(r: random.Random) -> str:
    """A Helius RPC API key (``api-key`` query parameter): a UUID."""
    return unbeknown_uuid(r)


def unbeknown_mapillary_token(r: random.Random) -> str:
    """A Mapillary client access token: ``MLY|``, the 16-digit client id (no run of it passes Luhn), ``|`` and 32 hex
    digits."""
    return f"MLY|{unbeknown_clean_digits(r, 16)}|{rand(r, HEX, 32)}"


def unbeknown_ocm_key(r: random.Random) -> str:
    """An Open Charge Map API key (``X-API-Key`` or ``key=``): a UUID."""
    return unbeknown_uuid(r)


def unbeknown_ticketmaster_key(r: random.Random) -> str:
    """A Ticketmaster Discovery API consumer key (``apikey`` query parameter): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unbeknown_rome2rio_key(r: random.Random) -> str:
    """A Rome2rio API key (``key`` query parameter): eight letters and digits."""
    return rand(r, ALNUM, 8)


def unbeknown_recurly_key(r: random.Random) -> str:
    """A Recurly private API key (the Basic user, no password): 32 hex digits."""
    return rand(r, HEX, 32)


def unbeknown_truelayer_pair(r: random.Random) -> tuple[str, str]:
    """A TrueLayer client id (the app's name and six hex digits, public) and client secret (a UUID)."""
    return f"{pick(r, 'lybexpeditions', 'shfreight')}-{rand(r, HEX, 6)}", unbeknown_uuid(r)


def unbeknown_nordigen_pair(r: random.Random) -> tuple[str, str]:
    """A GoCardless Bank Account Data (Nordigen) secret id (a UUID, the key's name) and secret key (128 hex
    digits)."""
    return unbeknown_uuid(r), rand(r, HEX, 128)


def unbeknown_yapily_pair(r: random.Random) -> tuple[str, str]:
    """A Yapily application UUID (the Basic user, an id) and application secret (a UUID)."""
    return unbeknown_uuid(r), unbeknown_uuid(r)


def unbeknown_vipps_pair(r: random.Random) -> tuple[str, str]:
    """A Vipps MobilePay subscription key (``Ocp-Apim-Subscription-Key``: 32 hex digits) and client secret (43
    base64url characters and ``=``)."""
    return rand(r, HEX, 32), rand(r, B64URL, 43) + "="


def unbeknown_bokun_pair(r: random.Random) -> tuple[str, str]:
    """A Bókun access key (32 hex digits, sent as ``X-Bokun-AccessKey``: it names the key) and secret key (32 hex
    digits: it signs each request and is never sent)."""
    return rand(r, HEX, 32), rand(r, HEX, 32)


def unbeknown_bokun_signature(r: random.Random) -> str:
    """A Bókun request signature (``X-Bokun-Signature``: base64 of an HMAC-SHA1 over the date, key, method and path):
    derived for one request, no secret."""
    return b64(r.randbytes(20))


def unbeknown_fareharbor_pair(r: random.Random) -> tuple[str, str]:
    """FareHarbor's app key and user key (``X-FareHarbor-API-App`` and ``X-FareHarbor-API-User``): UUIDs."""
    return unbeknown_uuid(r), unbeknown_uuid(r)


def unbeknown_rezdy_key(r: random.Random) -> str:
    """A Rezdy API key (``apiKey`` query parameter): 32 hex digits."""
    return rand(r, HEX, 32)


def unbeknown_checkfront_pair(r: random.Random) -> tuple[str, str]:
    """A Checkfront API key (40 hex digits) and secret (64 hex digits), sent as Basic."""
    return rand(r, HEX, 40), rand(r, HEX, 64)


def unbeknown_cobot_token(r: random.Random) -> str:
    """A Cobot access token (a bearer): 32 hex digits."""
    return rand(r, HEX, 32)


def unbeknown_loyverse_token(r: random.Random) -> str:
    """A Loyverse API access token (a bearer): 32 hex digits."""
    return rand(r, HEX, 32)


def unbeknown_talon_key(r: random.Random) -> str:
    """A Talon.One integration API key (``Authorization: ApiKey-v1 ...``): 64 hex digits."""
    return rand(r, HEX, 64)


def unbeknown_voucherify_pair(r: random.Random) -> tuple[str, str]:
    """A Voucherify application id (``X-App-Id``: a UUID, an id) and secret key (``X-App-Token``: a UUID)."""
    return unbeknown_uuid(r), unbeknown_uuid(r)


def unbeknown_mybring_key(r: random.Random) -> str:
    """A Mybring API key (``X-Mybring-API-Key``, with the user's e-mail in ``X-Mybring-API-Uid``): a UUID."""
    return unbeknown_uuid(r)


def unbeknown_svv_key(r: random.Random) -> str:
    """A Statens vegvesen vehicle-lookup API key (``SVV-Authorization: Apikey ...``): a UUID."""
    return unbeknown_uuid(r)


def unbeknown_fiken_token(r: random.Random) -> str:
    """A Fiken personal API token (a bearer): 40 letters and digits, a dot and 24 more."""
    return f"{rand(r, ALNUM, 40)}.{rand(r, ALNUM, 24)}"


def unbeknown_tripletex_session(r: random.Random) -> str:
    """A Tripletex session token (the Basic password, with ``0`` as the user): base64 of its JSON id and token."""
    body = json.dumps({"tokenId": r.randrange(10**6, 10**7), "token": unbeknown_uuid(r)}, separators=(",", ":"))
    return b64(body.encode())


def unbeknown_auspost_key(r: random.Random) -> str:
    """An Australia Post shipping API key (``AUTH-KEY`` header): 36 letters, digits and dashes (a UUID's shape)."""
    return unbeknown_uuid(r)


def unbeknown_myob_key(r: random.Random) -> str:
    """A MYOB developer key (``x-myobapi-key``): 24 lower-case letters and digits."""
    return rand(r, string.ascii_lowercase + string.digits, 24)


def unbeknown_eway_pair(r: random.Random) -> tuple[str, str]:
    """An eWAY Rapid API key (base64, about 60 characters) and its API password (eight characters), sent as Basic."""
    return b64(r.randbytes(45)), rand(r, ALNUM, 8)


def unbeknown_pin_key(r: random.Random) -> str:
    """A Pin Payments secret API key (the Basic user, no password): 22 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 22)


def unbeknown_sendle_pair(r: random.Random) -> tuple[str, str]:
    """A Sendle id (the account's name, public) and API key (24 letters and digits), sent as Basic."""
    return f"{pick(r, 'cocos_traders', 'cx_dive_shop', 'norfolk_honey')}", rand(r, ALNUM, 24)


def unbeknown_officernd_pair(r: random.Random) -> tuple[str, str]:
    """An OfficeRnD client id (24 hex digits, public) and client secret (32 letters and digits)."""
    return rand(r, HEX, 24), rand(r, ALNUM, 32)


def unbeknown_nexudus_pair(r: random.Random) -> tuple[str, str]:
    """A Nexudus admin's e-mail and password, sent as Basic."""
    return unbeknown_email(r), unbeknown_password(r)


def _ubk_iat(r: random.Random) -> int:
    return 1_769_600_000 + r.randrange(10**6)


def unbeknown_zettle_key(r: random.Random) -> str:
    """A Zettle (PayPal) API key: a JWT (RS256) with the client, the scopes and the organisation, no expiry; it is the
    ``assertion`` of the JWT-bearer grant."""
    claims = {"iss": "iZettle", "aud": "API", "use": "API_KEY", "sub": unbeknown_uuid(r),
              "client_id": unbeknown_uuid(r), "scopes": ["READ:PURCHASE", "READ:FINANCE"],
              "iat": _ubk_iat(r)}  # fmt: skip
    return _signed_jwt(r, {"kid": "1", "typ": "JWT", "alg": "RS256"}, claims, 256)


def unbeknown_mercure_jwt(r: random.Random) -> str:
    """A Mercure hub publisher's (or subscriber's) JWT: HS256 with the ``mercure`` claim listing the topics."""
    topic = (
        f"https://{pick(r, 'tours.lyb-expeditions.example', 'camp.dakhla-kite.example')}/{pick(r, 'tours', 'slots')}"
    )
    claims = {"mercure": {"publish": [f"{topic}/{{id}}"], "subscribe": [f"{topic}/{{id}}"]}, "exp": _ubk_iat(r) + 3600}
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unbeknown_jaas_jwt(r: random.Random) -> str:
    """A Jitsi as a Service (8x8) meeting JWT: RS256 with the API key id, the tenant, the room and the user's
    context."""
    tenant = "vpaas-magic-cookie-" + rand(r, HEX, 32)
    iat = _ubk_iat(r)
    claims = {"aud": "jitsi", "iss": "chat", "iat": iat, "exp": iat + 7200, "nbf": iat - 10, "sub": tenant,
              "context": {"features": {"livestreaming": False, "recording": True},
                          "user": {"moderator": "true", "name": pick(r, "Guide Sigrid", "Dispatch"),
                                   "id": rand(r, ALNUM, 20), "avatar": ""}},
              "room": "*"}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": f"{tenant}/{rand(r, HEX, 6)}", "typ": "JWT"}, claims, 256)


def unbeknown_metabase_jwt(r: random.Random) -> str:
    """A Metabase static embedding token: HS256 with the dashboard, the locked parameters and ten minutes."""
    claims = {"resource": {"dashboard": r.randrange(2, 40)}, "params": {"operator": pick(r, "lyb", "dakhla")},
              "exp": _ubk_iat(r) + 600}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unbeknown_hasura_jwt(r: random.Random) -> str:
    """A Hasura GraphQL Engine token: RS256 with its claims namespace (allowed and default roles, the user id)."""
    iat = _ubk_iat(r)
    claims = {"sub": unbeknown_uuid(r), "iat": iat, "exp": iat + 900,
              "https://hasura.io/jwt/claims": {"x-hasura-allowed-roles": ["guide", "user"],
                                               "x-hasura-default-role": "guide",
                                               "x-hasura-user-id": unbeknown_uuid(r)}}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT", "kid": rand(r, B64URL, 22)}, claims, 256)


def unbeknown_cube_jwt(r: random.Random) -> str:
    """A Cube (cube.dev) API token: HS256 whose payload is the security context (the tenant and roles)."""
    iat = _ubk_iat(r)
    claims = {"tenant_id": pick(r, "lyb-expeditions", "sh-freight"), "roles": ["analyst"], "iat": iat,
              "exp": iat + 86400}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unbeknown_tinybird_jwt(r: random.Random) -> str:
    """A Tinybird JWT token: HS256 with the workspace id, the token's name, the pipe it may read and a fixed
    parameter."""
    claims = {"workspace_id": unbeknown_uuid(r), "name": "tours_dashboard", "exp": _ubk_iat(r) + 3600,
              "scopes": [{"type": "PIPES:READ", "resource": "bookings_by_day",
                          "fixed_params": {"operator": pick(r, "lyb", "dakhla")}}]}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unbeknown_box_assertion(r: random.Random) -> str:
    """A Box JWT app's assertion (the ``assertion`` of its token request): RS512, the public key id, the client id as
    issuer, the enterprise as subject and a minute."""
    iat = _ubk_iat(r)
    claims = {"iss": rand(r, string.ascii_lowercase + string.digits, 32), "sub": str(r.randrange(10**8, 10**9)),
              "box_sub_type": "enterprise", "aud": "https://api.box.com/oauth2/token", "jti": rand(r, ALNUM, 32),
              "exp": iat + 45}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS512", "typ": "JWT", "kid": rand(r, string.ascii_lowercase + string.digits, 8)},
                       claims, 256)  # fmt: skip


def unbeknown_centrifugo_jwt(r: random.Random) -> str:
    """A Centrifugo connection token: HS256 with the user, the channels it may subscribe to and the user's info."""
    claims = {"sub": str(r.randrange(10, 9999)), "exp": _ubk_iat(r) + 3600, "channels": [f"cargo:{rand(r, HEX, 8)}"],
              "info": {"name": pick(r, "consignee", "agent")}}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unbeknown_liveblocks_jwt(r: random.Random) -> str:
    """A Liveblocks access token: RS256 with the project, the user and the rooms' permissions."""
    iat = _ubk_iat(r)
    claims = {"k": "acc", "pid": rand(r, HEX, 24), "uid": f"user-{r.randrange(10, 999)}",
              "perms": {"manifest-*": ["room:write"]}, "iat": iat, "exp": iat + 3600}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT"}, claims, 256)


# ---------------------------------------------------------------------------- the unreported split's own values
#
# Written for the thirty-second split only, by a twenty-sixth session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, the French RIB key, the ABA routing checksum, hash lengths and alphabets).


def unreported_uuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def _urp_no_phone(digits: str) -> bool:
    """Whether ``digits`` reads as no valid number of the split's regions nationally nor anywhere with a ``+``."""
    parsed = []
    for text, region in [(digits, g) for g in PHONE_REGIONS] + [("+" + digits, None)]:
        with contextlib.suppress(phonenumbers.NumberParseException):
            parsed.append(phonenumbers.parse(text, region))
    return not any(phonenumbers.is_valid_number(p) for p in parsed)


def unreported_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits that are no valid number of the split's regions nor anywhere with a ``+``, and fail Luhn."""
    return unremarked_digits(r, n, tuple(PHONE_REGIONS), lead)


def unreported_clean_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``unreported_digits``, and also no run of 12 to 19 of them passes Luhn (no card can be read out of them)."""
    while True:
        digits = unreported_digits(r, n, lead)
        if not _urm_luhn_windows(digits):
            return digits


# This split's regions: American Samoa (+1 684) and the Northern Mariana Islands (+1 670), both in the North American
# plan with ten digits; Saint Barthélemy (+590: fixed lines 0590 27, 29 and 87, mobiles 0690 shared with Guadeloupe and
# Saint Martin); the Cook Islands (+682, five digits: fixed 2x and 41-45, mobiles 5, 7 and 8); the British Indian Ocean
# Territory (+246, seven digits: 37 fixed, 38 mobile); Saint Pierre and Miquelon (+508, six digits: 41 and 43 fixed, 55
# mobile); Tokelau (+690: four-digit fixed lines, seven-digit mobiles from 72 to 74) and the Vatican (+39 06 698: only
# its fixed lines, its mobiles are Italy's).
_URP_KINDS: dict[str, dict[str, tuple[tuple[str, ...], int]]] = {
    "AS": {"FIXED_LINE": (("684633", "684699", "684622", "684688"), 10),
           "MOBILE": (("684733", "684770", "684258", "684252", "684782"), 10)},
    "MP": {"MOBILE": (("670234", "670235", "670256", "670287", "670322", "670483", "670588", "670664", "670783",
                       "670989"), 10)},
    "BL": {"FIXED_LINE": (("59027", "59029", "59087"), 9), "MOBILE": (("690",), 9)},
    "CK": {"FIXED_LINE": (("2", "4"), 5), "MOBILE": (("5", "7", "8"), 5)},
    "IO": {"FIXED_LINE": (("37",), 7), "MOBILE": (("38",), 7)},
    "PM": {"FIXED_LINE": (("41", "43"), 6), "MOBILE": (("55",), 6)},
    "TK": {"FIXED_LINE": (("2", "3", "4"), 4), "MOBILE": (("72", "73", "74"), 7)},
    "VA": {"FIXED_LINE": (("06698",), 10)},
}  # fmt: skip
_URP_CODES = {"AS": 1, "MP": 1, "BL": 590, "CK": 682, "IO": 246, "PM": 508, "TK": 690, "VA": 39}


def _urp_valid_number(r: random.Random, region: str) -> phonenumbers.PhoneNumber:
    kinds = _URP_KINDS[region]
    heads, size = kinds[r.choice(sorted(kinds))]
    code = _URP_CODES[region]
    for _ in range(2000):
        head = r.choice(heads)
        digits = head + rand(r, string.digits, size - len(head))
        number = phonenumbers.parse(f"+{code}{digits}")
        if (
            phonenumbers.is_valid_number(number)
            and phonenumbers.is_valid_number_for_region(number, region)
            and len(set(digits)) > 2
            and not digits.endswith(("000", "555"))
        ):
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def unreported_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as its people write it: international (``+``, E.164, ``00``, the North
    American ``+1 (684) 633-1234`` and ``1-670-234-5678``, ``(+682)`` and ``(+246)`` for the islands, Saint Pierre's
    ``+508 41.23.45``, Rome's ``+39 06 698 12345``) or, unless ``international_only``, national (American Samoa's and
    the Marianas' ``(670) 234-5678``, ``670-234-5678`` and ``670.234.5678``, Saint Barthélemy's ``0590 27 12 34`` and
    ``05 90 27 12 34``, the Cook Islands' five digits, Diego Garcia's ``380 1234``, Saint Pierre's ``41 23 45`` and
    ``41.23.45``, the Vatican's ``06 6981 2345``; never Tokelau's four bare digits). Checked: it parses back (with its
    region as default) to the same valid number and holds no run that reads as an IPv4 address."""
    region = r.choice(regions)
    number = _urp_valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    cc = f"+{number.country_code}"
    digits = phonenumbers.national_significant_number(number)
    rest = intl[len(cc) :].strip()
    forms = [intl, phonenumbers.format_number(number, pnf.E164), f"00{number.country_code} {rest}"]
    if region in ("AS", "MP"):
        forms += [f"+1 ({digits[:3]}) {digits[3:6]}-{digits[6:]}", f"1-{digits[:3]}-{digits[3:6]}-{digits[6:]}"]
    if region in ("CK", "IO", "TK"):
        forms.append(f"({cc}) {rest}")
    if region == "PM":
        forms.append(f"{cc} {digits[:2]}.{digits[2:4]}.{digits[4:]}")
    if region == "BL":
        forms.append(f"{cc} {digits[:3]} {digits[3:5]} {digits[5:7]} {digits[7:]}")
    if region == "VA":
        forms.append(f"{cc} {digits[:2]} {digits[2:5]} {digits[5:]}")
    if not international_only and region != "TK":
        if region != "PM":  # libphonenumber writes Saint Pierre's with a 0 its people do not dial: left out
            forms.append(national)
        if region in ("AS", "MP"):
            forms += [f"{digits[:3]}-{digits[3:6]}-{digits[6:]}", f"{digits[:3]}.{digits[3:6]}.{digits[6:]}"]
        if region == "BL":
            forms.append(f"0{digits[:1]} {digits[1:3]} {digits[3:5]} {digits[5:7]} {digits[7:]}")
        if region == "CK":
            forms.append(digits)
        if region == "IO":
            forms.append(f"{digits[:3]}-{digits[3:]}")
        if region == "PM":
            forms += [f"{digits[:2]} {digits[2:4]} {digits[4:]}", f"{digits[:2]}.{digits[2:4]}.{digits[4:]}"]
        if region == "VA":
            forms.append(f"{digits[:2]} {digits[2:5]} {digits[5:]}")
    choices = [t for t in forms if _reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unreported_msisdn(r: random.Random, region: str) -> str:
    """A valid number of ``region`` as SMS gateways take it: its E.164 digits without the ``+``."""
    number = _urp_valid_number(r, region)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[1:]


def unreported_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number of ``regions`` that is valid nowhere: a valid one with a
    digit dropped or two added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    for _ in range(800):
        number = _urp_valid_number(r, r.choice(regions))
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-1] if r.random() < 0.5 else digits + rand(r, string.digits, 2)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        national = []
        for g in regions:
            with contextlib.suppress(phonenumbers.NumberParseException):
                national.append(phonenumbers.parse(digits, g))
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and not any(
            phonenumbers.is_valid_number(p) for p in national
        ):
            return text
    raise AssertionError("no invalid number drawn")


def unreported_fictional_nanp(r: random.Random) -> str:
    """A North American number in the range reserved for fiction (``555-0100`` to ``555-0199``) with the Marianas' or
    American Samoa's area code: invalid for libphonenumber, no phone."""
    while True:
        text = f"({pick(r, '670', '684')}) 555-01{r.randrange(0, 100):02d}"
        if not phonenumbers.is_valid_number(phonenumbers.parse(text, "US")):
            return text


# Card numbers this split draws, from BIN ranges no split has drawn: Visa's 4035 and 4281, Mastercard's 5237 and 2470,
# Amex's 3763, JCB's 3545, Diners Club's 3040, Discover's 6517 and UnionPay's 6231 (16 and 19 digits).
UNREPORTED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4035", "4281"), (16,)),
    "mastercard": (("5237", "2470"), (16,)),
    "amex": (("3763",), (15,)),
    "jcb": (("3545",), (16,)),
    "diners": (("3040",), (14,)),
    "discover": (("6517",), (16,)),
    "unionpay": (("6231",), (16, 19)),
}


def unreported_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNREPORTED_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def unreported_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in its groups (Amex 4-6-5, Diners 4-6-4, 19 digits 4-4-4-4-3, the
    rest by four), joined by ``sep`` (a space, a dash, nothing, or the narrow no-break space French pages group digits
    with)."""
    digits = unreported_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "", "\u202f") if sep is None else sep
    return grouped(digits, card_groups(digits) if len(digits) != 19 else [4, 4, 4, 4, 3], sep)


def unreported_siret(r: random.Random) -> str:
    """A French SIRET (a Saint-Barthélemy or Saint-Pierre business: the nine-digit SIREN and a five-digit
    establishment number; the fourteen digits pass Luhn, as SIRETs do) in its ``813 402 957 00019`` grouping: no card,
    no phone."""
    while True:
        body = r.choice("4589") + rand(r, string.digits, 8) + "000" + rand(r, string.digits, 1)
        digits = body + _luhn_digit(body)
        if _urp_no_phone(digits) and _urp_no_phone(digits[:9]):
            return f"{digits[:3]} {digits[3:6]} {digits[6:9]} {digits[9:]}"


def unreported_aba(r: random.Random) -> str:
    """A nine-digit ABA routing number of the San Francisco district (``1214...``, Saipan's and Pago Pago's banks), its
    check digit right (weights 3, 7, 1): no phone, no card."""
    while True:
        body = "1214" + rand(r, string.digits, 4)
        total = sum(int(d) * w for d, w in zip(body, (3, 7, 1, 3, 7, 1, 3, 7), strict=True))
        digits = body + str((10 - total % 10) % 10)
        if _urp_no_phone(digits):
            return digits


def unreported_us_account(r: random.Random) -> str:
    """A Saipan or Pago Pago customer's routing and account number (``ABA 121405115 acct 2004518761``): a domestic
    account, no IBAN, no card, no phone."""
    while True:
        routing, account = unreported_aba(r), rand(r, string.digits, r.choice((9, 10)))
        if _urp_no_phone(account) and not _urm_luhn_windows(routing + account) and not luhn_ok(account):
            return f"ABA {routing} acct {account}"


def unreported_nz_account(r: random.Random) -> str:
    """A bank account in New Zealand's format as the Cook Islands' and Tokelau's banks write it (bank, branch, account
    and suffix: ``01-0641-0123456-00``): a domestic account, no IBAN, no phone, no card."""
    while True:
        bank, branch = pick(r, "01", "02", "12"), f"{r.randrange(100, 1000):04d}"
        text = f"{bank}-{branch}-{rand(r, string.digits, 7)}-{r.randrange(0, 100):02d}"
        digits = text.replace("-", "")
        if not _urm_luhn_windows(digits) and all(_urp_no_phone(p) for p in text.split("-")) and _urp_no_phone(digits):
            return text


# IBAN countries this split draws: France (27: the banks of Saint-Barthélemy and Saint-Pierre use French IBANs, with the
# RIB key), the Vatican (22), Germany (22: the savings banks of Lusatia, where Sorbian is spoken), the Seychelles (31:
# the bank, branch, account and currency) and Türkiye (26: Istanbul's banks, where Ladino is spoken). American Samoa,
# the Marianas, the Cook Islands, Tokelau and Diego Garcia have no IBAN: their accounts are negatives.
UNREPORTED_IBAN_LENGTHS = {"FR": 27, "VA": 22, "DE": 22, "SC": 31, "TR": 26}
_URP_BANKS = {
    "FR": ("10107", "11315", "20041", "30004", "18719"),
    "VA": ("001",),
    "DE": ("85550000", "18050000", "85050300", "85090000"),
    "SC": ("SSCB", "MCBL", "BARC", "NOVH"),
    "TR": ("00010", "00062", "00046", "00064", "00067"),
}


def _urp_rib_key(bank: str, branch: str, account: str) -> str:
    """The French RIB key of a bank code, branch code and eleven-digit account number."""
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97:02d}"


def _urp_bban(r: random.Random, country: str) -> str:
    bank = r.choice(_URP_BANKS[country])
    if country == "FR":
        branch, account = rand(r, string.digits, 5), rand(r, string.digits, 11)
        return bank + branch + account + _urp_rib_key(bank, branch, account)
    if country == "VA":
        return bank + rand(r, string.digits, 15)
    if country == "DE":
        return bank + rand(r, string.digits, 10)
    if country == "SC":
        return (
            bank
            + pick(r, "11", "12")
            + pick(r, "01", "02", "03")
            + rand(r, string.digits, 16)
            + pick(r, "SCR", "SCR", "USD", "EUR")
        )
    return bank + "0" + rand(r, string.digits, 16)


def unreported_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of France, the Vatican, Germany, the Seychelles or Türkiye, compact or in groups of four (``grouped``
    None: either); ``valid`` False: its check digits are wrong (neither the right ones nor those 97 apart)."""
    country = country or r.choice(sorted(UNREPORTED_IBAN_LENGTHS))
    bban = _urp_bban(r, country)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNREPORTED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


def unreported_rib(r: random.Random) -> str:
    """A French RIB as a Saint-Pierre bank prints it (bank, branch, account, key in four fields, no IBAN around it)."""
    while True:
        bban = _urp_bban(r, "FR")
        if not _urm_luhn_windows(bban) and _urp_no_phone(bban[10:21]):
            return f"{bban[:5]} {bban[5:10]} {bban[10:21]} {bban[21:]}"


UNREPORTED_HASH_FAMILIES = (
    "wpa_eapol",
    "office2013",
    "pdf_r4",
    "zip2_aes",
    "rar5",
    "sevenzip",
    "keepass_kdbx",
    "bitlocker",
)


def unreported_password_hash(r: random.Random, family: str = "") -> str:
    """Password-derived material of one family as ``hashcat``'s or John's extractors write it (``family`` empty: any):
    a captured WPA 4-way handshake (``WPA*02*``, hashcat's 22000 line with the MIC, the MACs, the ESSID, the ANonce and
    the EAPOL frame), an Office 2013 document's verifier (``$office$*2013*``), a PDF's revision-4 user and owner keys
    (``$pdf$4*4*128*``), a WinZip AES entry (``$zip2$*0*3*0*...*$/zip2$``), a RAR5 archive's password check
    (``$rar5$``), a 7-Zip archive's AES header (``$7z$0$19$``), a KeePass 2 database's seeds and expected bytes
    (``$keepass$*2*``) and a BitLocker volume's password protector (``$bitlocker$0$``)."""
    family = family or r.choice(UNREPORTED_HASH_FAMILIES)
    if family == "wpa_eapol":
        essid = pick(r, "RaroWhales-Guest", "KMAR-Studio", "AtafuClinic", "Gustavia-Staff", "SPM-Radio").encode().hex()
        eapol = (
            "0103007502010a" + r.randbytes(8).hex() + r.randbytes(32).hex() + "00" * 48
            + "001630140100000fac040100000fac040100000fac020000"
        )  # fmt: skip
        return "*".join(
            ["WPA", "02", r.randbytes(16).hex(), r.randbytes(6).hex(), r.randbytes(6).hex(), essid,
             r.randbytes(32).hex(), eapol, pick(r, "00", "02", "80")]
        )  # fmt: skip
    if family == "office2013":
        return f"$office$*2013*100000*256*16*{r.randbytes(16).hex()}*{r.randbytes(16).hex()}*{r.randbytes(32).hex()}"
    if family == "pdf_r4":
        return (
            f"$pdf$4*4*128*{pick(r, '-1028', '-1060', '-3904')}*1*16*{r.randbytes(16).hex()}*32*"
            f"{r.randbytes(32).hex()}*32*{r.randbytes(32).hex()}"
        )
    if family == "zip2_aes":
        n = r.randrange(40, 120)
        return (
            f"$zip2$*0*3*0*{r.randbytes(16).hex()}*{r.randbytes(2).hex()}*{n:x}*{r.randbytes(n).hex()}*"
            f"{r.randbytes(10).hex()}*$/zip2$"
        )
    if family == "rar5":
        return f"$rar5$16${r.randbytes(16).hex()}$15${r.randbytes(16).hex()}$8${r.randbytes(8).hex()}"
    if family == "sevenzip":
        while True:
            crc = str(r.randrange(10**8, 4 * 10**9))
            if _urp_no_phone(crc) and not luhn_ok(crc):
                break
        n = r.choice((96, 112, 128))
        return f"$7z$0$19$0$$16${r.randbytes(16).hex()}${crc}${n}${n - r.randrange(1, 15)}${r.randbytes(n).hex()}"
    if family == "keepass_kdbx":
        return (
            f"$keepass$*2*{pick(r, '60000', '100000', '6000')}*0*{r.randbytes(32).hex()}*{r.randbytes(32).hex()}*"
            f"{r.randbytes(16).hex()}*{r.randbytes(32).hex()}*{r.randbytes(32).hex()}"
        )
    assert family == "bitlocker"
    return f"$bitlocker$0$16${r.randbytes(16).hex()}$1048576$12${r.randbytes(12).hex()}$60${r.randbytes(60).hex()}"


def unreported_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r, "Rarotonga", "Aitutaki", "Avarua", "Muri", "PagoPago", "Tutuila", "Saipan", "Garapan", "Tinian", "Gustavia",
        "Colombier", "Miquelon", "Langlade", "Fakaofo", "Nukunonu", "Atafu", "DiegoGarcia", "Trastevere", "Borgo",
    )  # fmt: skip
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_", "$", "?", "~")


def unreported_email(r: random.Random) -> str:
    """An address of the split's people: Cook Islands, Samoan, Chamorro and Carolinian, Saint-Barth and Saint-Pierre,
    Tokelauan, Chagossian and Roman names with dots, digits, hyphens, underscores and plus tags, at their islands'
    providers and the big ones."""
    first = pick(
        r, "teina.marsters", "mata_tupa", "tangi.george", "faleolo.s", "tavita.lauina", "jesse.camacho",
        "rosa-taitano", "j.tenorio", "lino.olopai", "m.lahitte", "c.detcheverry", "yves.girardin", "anne-so.briand",
        "iosefa.perez", "kele.lui", "n.mandarin", "giulia.ferri", "p.ambrosini",
    )  # fmt: skip
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'whales', 'radio', 'clinic', 'donate')}")
    domain = pick(
        r, "oyster.net.ck", "bluesky.co.ck", "samoatel.net", "blueskysamoa.as", "pticom.com", "itecnmi.com",
        "wanadoo.fr", "orange.fr", "cheznoo.net", "spm-telecom.net", "tokelau.org.nz", "vatican.va", "libero.it",
        "gmail.com", "outlook.com", "icloud.com", "proton.me",
    )  # fmt: skip
    return f"{local}@{domain}"


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def unreported_rollbar_token(r: random.Random) -> str:
    """A Rollbar project access token (``X-Rollbar-Access-Token``): 32 hex digits."""
    return rand(r, HEX, 32)


def unreported_bugsnag_key(r: random.Random) -> str:
    """A Bugsnag project API key (``Bugsnag-Api-Key``): 32 hex digits."""
    return rand(r, HEX, 32)


def unreported_honeybadger_key(r: random.Random) -> str:
    """A Honeybadger project API key (``X-API-Key``): ``hbp_`` and 30 letters and digits."""
    return "hbp_" + rand(r, ALNUM, 30)


def unreported_betterstack_token(r: random.Random) -> str:
    """A Better Stack (Logtail) source token (a bearer): 24 letters and digits."""
    return rand(r, ALNUM, 24)


def unreported_papertrail_token(r: random.Random) -> str:
    """A Papertrail API token (``X-Papertrail-Token``): 20 letters and digits."""
    return rand(r, ALNUM, 20)


def unreported_loops_key(r: random.Random) -> str:
    """A Loops API key (a bearer): 32 hex digits."""
    return rand(r, HEX, 32)


def unreported_beehiiv_key(r: random.Random) -> str:
    """A beehiiv API key (a bearer): 64 letters and digits."""
    return rand(r, ALNUM, 64)


def unreported_kit_key(r: random.Random) -> str:
    """A Kit (ConvertKit) v4 API key (``X-Kit-Api-Key``): ``kit_`` and 32 hex digits."""
    return "kit_" + rand(r, HEX, 32)


def unreported_buttondown_key(r: random.Random) -> str:
    """A Buttondown API key (``Authorization: Token ...``): a UUID."""
    return unreported_uuid(r)


def unreported_cal_key(r: random.Random) -> str:
    """A Cal.com API key: ``cal_live_`` and 32 hex digits (a bearer in v2, ``apiKey=`` in v1)."""
    return "cal_live_" + rand(r, HEX, 32)


def unreported_permit_key(r: random.Random) -> str:
    """A Permit.io API key (a bearer): ``permit_key_`` and 80 letters and digits."""
    return "permit_key_" + rand(r, ALNUM, 80)


def unreported_polar_token(r: random.Random) -> str:
    """A Polar organization access token (a bearer): ``polar_oat_`` and 43 letters and digits."""
    return "polar_oat_" + rand(r, ALNUM, 43)


def unreported_lightspeed_token(r: random.Random) -> str:
    """A Lightspeed Retail (X-Series) personal token (a bearer): ``lsxs_pt_`` and 32 letters and digits."""
    return "lsxs_pt_" + rand(r, ALNUM, 32)


def unreported_bigcommerce_token(r: random.Random) -> str:
    """A BigCommerce store API account's access token (``X-Auth-Token``): 31 lower-case letters and digits."""
    return rand(r, string.ascii_lowercase + string.digits, 31)


def unreported_freshbooks_token(r: random.Random) -> str:
    """A FreshBooks OAuth access token (a bearer): 64 hex digits."""
    return rand(r, HEX, 64)


def unreported_chartmogul_key(r: random.Random) -> str:
    """A ChartMogul API key (the Basic user, no password): 32 hex digits."""
    return rand(r, HEX, 32)


def unreported_fastspring_pair(r: random.Random) -> tuple[str, str]:
    """A FastSpring API credential (a user name and a password, sent as Basic)."""
    return "FSAPI" + rand(r, string.ascii_uppercase, 10), rand(r, ALNUM + "-_", 22)


def unreported_maxio_key(r: random.Random) -> str:
    """A Maxio (Chargify) API key (the Basic user, ``x`` as password): 43 letters and digits."""
    return rand(r, ALNUM, 43)


def unreported_gumroad_token(r: random.Random) -> str:
    """A Gumroad application access token (``access_token=``): 43 base64url characters."""
    return rand(r, B64URL, 43)


def unreported_patreon_token(r: random.Random) -> str:
    """A Patreon creator access token (a bearer): 43 base64url characters."""
    return rand(r, B64URL, 43)


def unreported_memberful_key(r: random.Random) -> str:
    """A Memberful API key (a bearer): 24 letters and digits."""
    return rand(r, ALNUM, 24)


def unreported_kofi_token(r: random.Random) -> str:
    """A Ko-fi webhook verification token (in the webhook's ``data`` JSON): a UUID."""
    return unreported_uuid(r)


def unreported_make_token(r: random.Random) -> str:
    """A Make (Integromat) API token (``Authorization: Token ...``): a UUID."""
    return unreported_uuid(r)


def unreported_vastai_key(r: random.Random) -> str:
    """A Vast.ai API key (a bearer): 64 hex digits."""
    return rand(r, HEX, 64)


def unreported_paperspace_key(r: random.Random) -> str:
    """A Paperspace API key (a bearer): 32 hex digits."""
    return rand(r, HEX, 32)


def unreported_revai_token(r: random.Random) -> str:
    """A Rev.ai access token (a bearer): ``02`` and 62 letters, digits, ``-`` and ``_``."""
    return "02" + rand(r, B64URL, 62)


def unreported_cliniko_key(r: random.Random) -> str:
    """A Cliniko API key (the Basic user, no password): base64 of the key and the shard suffix (``-au1``, ``-uk2``)."""
    return b64(r.randbytes(36)).rstrip("=") + pick(r, "-au1", "-au2", "-uk1", "-ca1")


def unreported_medplum_pair(r: random.Random) -> tuple[str, str]:
    """A Medplum client application's id (a UUID, public) and secret (64 hex digits)."""
    return unreported_uuid(r), rand(r, HEX, 64)


def unreported_metriport_key(r: random.Random) -> str:
    """A Metriport API key (``x-api-key``): base64 of the key id and the secret."""
    return b64(f"{rand(r, ALNUM, 22)}:{rand(r, ALNUM, 40)}".encode())


def unreported_veriff_pair(r: random.Random) -> tuple[str, str]:
    """A Veriff integration's public API key (``X-AUTH-CLIENT``: a UUID, an id) and shared secret (a UUID: it signs each
    request and is never sent)."""
    return unreported_uuid(r), unreported_uuid(r)


def unreported_veriff_signature(r: random.Random) -> str:
    """A Veriff request signature (``X-HMAC-SIGNATURE``: an HMAC-SHA256 over the body in hex): derived, no secret."""
    return rand(r, HEX, 64)


def unreported_azuracast_key(r: random.Random) -> str:
    """An AzuraCast API key (``X-API-Key``): its 16-hex-digit identifier, a colon and a 32-hex-digit verifier."""
    return f"{rand(r, HEX, 16)}:{rand(r, HEX, 32)}"


def unreported_spinitron_key(r: random.Random) -> str:
    """A Spinitron API key (a bearer): 24 letters and digits."""
    return rand(r, ALNUM, 24)


def unreported_mixcloud_token(r: random.Random) -> str:
    """A Mixcloud OAuth access token (``access_token=``): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unreported_libretime_key(r: random.Random) -> str:
    """A LibreTime API key (``Authorization: Api-Key ...``): 20 capital letters and digits."""
    return rand(r, UPPER, 20)


def unreported_donorbox_pair(r: random.Random) -> tuple[str, str]:
    """A Donorbox API user (the organisation's e-mail) and API key (Basic): 50 letters and digits."""
    return pick(r, "tech@kmar-radio.example", "board@kmar-radio.example"), rand(r, ALNUM, 50)


def unreported_givebutter_key(r: random.Random) -> str:
    """A Givebutter API key (a bearer): a Sanctum token, its numeric id, ``|`` and 40 letters and digits."""
    return f"{r.randrange(100, 999)}|{rand(r, ALNUM, 40)}"


def unreported_bloomerang_key(r: random.Random) -> str:
    """A Bloomerang private API key (``X-API-KEY``): 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unreported_kindful_token(r: random.Random) -> str:
    """A Kindful API token (``Authorization: Token token="..."``): 64 hex digits."""
    return rand(r, HEX, 64)


def unreported_classy_pair(r: random.Random) -> tuple[str, str]:
    """A Classy (GoFundMe Pro) API client id and secret (20 and 40 letters and digits)."""
    return rand(r, ALNUM, 20), rand(r, ALNUM, 40)


def unreported_maptiler_key(r: random.Random) -> str:
    """A MapTiler API key (``key=``): 20 letters and digits."""
    return rand(r, ALNUM, 20)


def unreported_stadia_key(r: random.Random) -> str:
    """A Stadia Maps API key (``api_key=``): a UUID."""
    return unreported_uuid(r)


def unreported_worldtides_key(r: random.Random) -> str:
    """A WorldTides API key (``key=``): a UUID."""
    return unreported_uuid(r)


def unreported_noaa_token(r: random.Random) -> str:
    """A NOAA Climate Data Online token (``token`` header): 32 letters."""
    return rand(r, string.ascii_letters, 32)


def unreported_admiralty_key(r: random.Random) -> str:
    """An Admiralty (UKHO) Tidal API subscription key (``Ocp-Apim-Subscription-Key``): 32 hex digits."""
    return rand(r, HEX, 32)


def unreported_xola_key(r: random.Random) -> str:
    """A Xola API key (``X-API-KEY``): 32 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 32)


def unreported_ventrata_token(r: random.Random) -> str:
    """A Ventrata (OCTO) API token (a bearer): a UUID."""
    return unreported_uuid(r)


def unreported_textmagic_key(r: random.Random) -> str:
    """A TextMagic API key (``X-TM-Key``, with the user in ``X-TM-Username``): 30 letters and digits."""
    return rand(r, ALNUM, 30)


def unreported_clickatell_key(r: random.Random) -> str:
    """A Clickatell Platform API key (``Authorization: ...`` with no scheme): 22 base64url characters and ``==``."""
    return rand(r, B64URL, 22) + "=="


def unreported_bulksms_pair(r: random.Random) -> tuple[str, str]:
    """A BulkSMS API token id and secret (32 hex digits and 32 letters and digits, sent as Basic)."""
    return rand(r, "0123456789ABCDEF", 32), rand(r, ALNUM, 32)


def unreported_appsflyer_key(r: random.Random) -> str:
    """An AppsFlyer dev key (the S2S ``authentication`` header): 22 letters and digits."""
    return rand(r, ALNUM, 22)


def unreported_umami_key(r: random.Random) -> str:
    """An Umami Cloud API key (``x-umami-api-key``): ``api_`` and 32 letters and digits."""
    return "api_" + rand(r, ALNUM, 32)


def unreported_flagsmith_server_key(r: random.Random) -> str:
    """A Flagsmith server-side environment key (``X-Environment-Key``): ``ser.`` and 22 letters and digits."""
    return "ser." + rand(r, ALNUM, 22)


def unreported_flagsmith_client_key(r: random.Random) -> str:
    """A Flagsmith client-side environment key (22 letters and digits): it ships in the browser bundle, no secret."""
    return rand(r, ALNUM, 22)


def unreported_flagsmith_admin_key(r: random.Random) -> str:
    """A Flagsmith organisation API key (``Authorization: Api-Key ...``): 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unreported_glitchtip_token(r: random.Random) -> str:
    """A GlitchTip API token (a bearer): 64 hex digits."""
    return rand(r, HEX, 64)


def unreported_budibase_key(r: random.Random) -> str:
    """A Budibase public API key (``x-budibase-api-key``): 32 hex digits, a dash and 64 hex digits."""
    return f"{rand(r, HEX, 32)}-{rand(r, HEX, 64)}"


def unreported_gitea_token(r: random.Random) -> str:
    """A Gitea access token (``Authorization: token ...``): 40 hex digits."""
    return rand(r, HEX, 40)


def unreported_runner_token(r: random.Random) -> str:
    """A Gitea Actions runner registration token: 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unreported_semaphore_token(r: random.Random) -> str:
    """A Semaphore UI API token (a bearer): 32 random bytes in base64url, lower-cased as Semaphore issues them."""
    return (b64url(r.randbytes(32)) + "=").lower()


def unreported_nocodb_token(r: random.Random) -> str:
    """A NocoDB API token (``xc-token``): 40 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 40)


def unreported_baserow_token(r: random.Random) -> str:
    """A Baserow database token (``Authorization: Token ...``): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unreported_mautic_pair(r: random.Random) -> tuple[str, str]:
    """A Mautic API user and password (Basic)."""
    return pick(r, "api-sync", "crm-bridge"), unreported_password(r)


def unreported_bluesky_app_password(r: random.Random) -> str:
    """A Bluesky app password: four groups of four lower-case letters and digits."""
    return "-".join(rand(r, string.ascii_lowercase + string.digits, 4) for _ in range(4))


def _urp_iat(r: random.Random) -> int:
    return 1_770_100_000 + r.randrange(10**6)


def unreported_inat_jwt(r: random.Random) -> str:
    """An iNaturalist API token (``/users/api_token``): HS512 with the user's id and a day's expiry."""
    claims = {"user_id": r.randrange(10**6, 9 * 10**6), "exp": _urp_iat(r) + 86400}
    return _signed_jwt(r, {"alg": "HS512"}, claims, 64)


def unreported_firefly_pat(r: random.Random) -> str:
    """A Firefly III personal access token (Laravel Passport): RS256 with the client, the token id, the user and a
    year."""
    iat = _urp_iat(r)
    claims = {"aud": str(r.randrange(1, 9)), "jti": rand(r, HEX, 80), "iat": iat, "nbf": iat, "exp": iat + 31_536_000,
              "sub": str(r.randrange(1, 9)), "scopes": []}  # fmt: skip
    return _signed_jwt(r, {"typ": "JWT", "alg": "RS256"}, claims, 512)


def unreported_vonage_video_jwt(r: random.Random) -> str:
    """A Vonage Video (OpenTok) project token: HS256 with the project's API key as issuer."""
    iat = _urp_iat(r)
    claims = {"iss": str(r.randrange(40_000_000, 48_000_000)), "ist": "project", "iat": iat, "exp": iat + 180,
              "jti": unreported_uuid(r)}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unreported_cerebrium_jwt(r: random.Random) -> str:
    """A Cerebrium service account token: RS256 with the project and the service account."""
    iat = _urp_iat(r)
    claims = {"sub": f"p-{rand(r, HEX, 8)}", "iss": "https://api.cerebrium.ai", "iat": iat,
              "token_type": "service_account", "name": pick(r, "clinic-triage", "radio-captions")}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT", "kid": rand(r, HEX, 16)}, claims, 256)


def unreported_powersync_jwt(r: random.Random) -> str:
    """A PowerSync client token: RS256 with the user and the instance's URL as audience."""
    iat = _urp_iat(r)
    claims = {"sub": unreported_uuid(r), "aud": f"https://{rand(r, HEX, 24)}.powersync.journeyapps.com", "iat": iat,
              "exp": iat + 300}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": "powersync-" + rand(r, HEX, 10)}, claims, 256)


def unreported_bmac_jwt(r: random.Random) -> str:
    """A Buy Me a Coffee API access token: RS256 with the creator as subject."""
    iat = _urp_iat(r)
    claims = {"aud": "1", "jti": rand(r, HEX, 80), "iat": iat, "nbf": iat, "exp": iat + 31_536_000,
              "sub": str(r.randrange(10**5, 9 * 10**5)), "scopes": ["read-only"]}  # fmt: skip
    return _signed_jwt(r, {"typ": "JWT", "alg": "RS256"}, claims, 512)


def unreported_medplum_jwt(r: random.Random) -> str:
    """A Medplum access token: ES256 with the login, the profile and the FHIR scopes."""
    iat = _urp_iat(r)
    claims = {"login_id": unreported_uuid(r), "sub": unreported_uuid(r), "username": unreported_uuid(r),
              "scope": "openid fhirUser patient/*.read", "profile": f"Practitioner/{unreported_uuid(r)}",
              "iat": iat, "iss": "https://api.medplum.com/", "aud": unreported_uuid(r), "exp": iat + 3600}  # fmt: skip
    return _signed_jwt(r, {"alg": "ES256", "kid": unreported_uuid(r), "typ": "JWT"}, claims, 64)


def unreported_baserow_jwt(r: random.Random) -> str:
    """A Baserow access token (djangorestframework-simplejwt): HS256 with its type, the user and ten minutes."""
    iat = _urp_iat(r)
    claims = {"token_type": "access", "exp": iat + 600, "iat": iat, "jti": rand(r, HEX, 32),
              "user_id": r.randrange(1, 99)}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unreported_nocodb_jwt(r: random.Random) -> str:
    """A NocoDB ``xc-auth`` token: HS256 with the user's e-mail, id and roles."""
    iat = _urp_iat(r)
    claims = {"email": pick(r, "ops@atafu-clinic.example", "data@kmar-radio.example"), "id": "us" + rand(r, ALNUM, 14),
              "roles": "org-level-creator,super", "token_version": rand(r, HEX, 128)[:40], "iat": iat,
              "exp": iat + 36000}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unreported_navidrome_jwt(r: random.Random) -> str:
    """A Navidrome session token (``x-nd-authorization: Bearer ...``): HS256 with the admin flag, ``ND`` as issuer and
    the user."""
    iat = _urp_iat(r)
    claims = {"adm": True, "exp": iat + 172_800, "iat": iat, "iss": "ND", "sub": pick(r, "studio", "admin"),
              "uid": rand(r, ALNUM, 22)}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unreported_bluesky_jwt(r: random.Random) -> str:
    """A Bluesky (AT Protocol) session's ``accessJwt``: ES256K with the account's DID and the PDS as audience."""
    iat = _urp_iat(r)
    host = pick(r, "morel.us-east.host.bsky.network", "amanita.us-east.host.bsky.network")
    claims = {"scope": "com.atproto.appPass", "sub": "did:plc:" + rand(r, "abcdefghijklmnopqrstuvwxyz234567", 24),
              "iat": iat, "exp": iat + 7200, "aud": "did:web:" + host}  # fmt: skip
    return _signed_jwt(r, {"typ": "at+jwt", "alg": "ES256K"}, claims, 64)


# ---------------------------------------------------------------------------- the uncharted split's own values
#
# Written for the thirty-third split only, by a twenty-seventh session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, hash lengths and alphabets).


def uncharted_uuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def _unc_no_phone(digits: str) -> bool:
    """Whether ``digits`` reads as no valid number of the split's regions nationally nor anywhere with a ``+``."""
    parsed = []
    for text, region in [(digits, g) for g in PHONE_REGIONS] + [("+" + digits, None)]:
        with contextlib.suppress(phonenumbers.NumberParseException):
            parsed.append(phonenumbers.parse(text, region))
    return not any(phonenumbers.is_valid_number(p) for p in parsed)


def uncharted_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits that are no valid number of the split's regions nor anywhere with a ``+``, and fail Luhn."""
    return unremarked_digits(r, n, tuple(PHONE_REGIONS), lead)


def uncharted_clean_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``uncharted_digits``, and also no run of 12 to 19 of them passes Luhn (no card can be read out of them)."""
    while True:
        digits = uncharted_digits(r, n, lead)
        if not _urm_luhn_windows(digits):
            return digits


def uncharted_millis(r: random.Random) -> int:
    """Epoch milliseconds in February 2026, drawn until no run of them passes Luhn and they read as no phone (epoch
    seconds are not written by this split at all: ten digits from ``177`` are a Bangladeshi mobile, Grameenphone's 017,
    nationally)."""
    while True:
        millis = 1_770_100_000_000 + r.randrange(2 * 10**9)
        if not _urm_luhn_windows(str(millis)) and _unc_no_phone(str(millis)):
            return millis


# This split's regions, eight populous ones: the Philippines (+63: mobiles 09xx, Manila's 02), Indonesia (+62: mobiles
# 08xx, Jakarta's 021), Nigeria (+234: mobiles 080x/070x/090x/081x, Lagos' 01 and 0201), Pakistan (+92: mobiles 03xx,
# Karachi's 021 and Lahore's 042), Bangladesh (+880: mobiles 01[3-9], Dhaka's 02), Egypt (+20: mobiles 010/011/012/015,
# Cairo's 02), Brazil (+55: two-digit area codes, mobiles with a leading 9, the long-distance carrier code after the
# trunk 0) and Mexico (+52: ten digits since 2019, no trunk prefix, no mobile 1).
_UNC_HEADS: dict[str, dict[str, tuple[tuple[str, ...], tuple[int, ...]]]] = {
    "PH": {"MOBILE": (("917", "918", "905", "927", "998", "939"), (10,)), "FIXED_LINE": (("28", "32"), (9,))},
    "ID": {"MOBILE": (("812", "813", "821", "857", "878"), (10, 11)), "FIXED_LINE": (("21", "22", "31"), (9, 10))},
    "NG": {"MOBILE": (("803", "806", "813", "703", "805", "907"), (10,)), "FIXED_LINE": (("201", "209"), (10,))},
    "PK": {"MOBILE": (("300", "301", "321", "333", "345"), (10,)), "FIXED_LINE": (("21", "42", "51"), (10,))},
    "BD": {"MOBILE": (("171", "181", "191", "151", "131"), (10,)), "FIXED_LINE": (("2",), (8, 9, 10))},
    "EG": {"MOBILE": (("10", "11", "12", "15"), (10,)), "FIXED_LINE": (("2",), (9,))},
    "BR": {"MOBILE": (("119", "219", "819", "619", "519"), (11,)), "FIXED_LINE": (("113", "213", "313", "413"), (10,))},
    "MX": {"MOBILE": (("55", "33", "81", "222"), (10,)), "FIXED_LINE": (("55", "33", "81"), (10,))},
}
_UNC_CODES = {"PH": 63, "ID": 62, "NG": 234, "PK": 92, "BD": 880, "EG": 20, "BR": 55, "MX": 52}
_UNC_TRUNK = {"PH", "ID", "NG", "PK", "BD", "EG", "BR"}


def _unc_valid_number(r: random.Random, region: str, kind: str = "") -> phonenumbers.PhoneNumber:
    kind = kind or pick(r, "MOBILE", "MOBILE", "FIXED_LINE")
    heads, sizes = _UNC_HEADS[region][kind]
    for _ in range(3000):
        head = r.choice(heads)
        digits = head + rand(r, string.digits, r.choice(sizes) - len(head))
        number = phonenumbers.parse(f"+{_UNC_CODES[region]}{digits}")
        if (
            phonenumbers.is_valid_number_for_region(number, region)
            and len(set(digits)) > 3
            and not digits.endswith(("000", "555"))
        ):
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def _unc_reads_back(text: str, region: str, number: phonenumbers.PhoneNumber, leading_zero: bool = False) -> bool:
    """Whether ``text`` parses (with ``region`` as default) to a valid number equal to ``number`` but for an
    extension (``leading_zero``: and with the same Italian leading zero, as unvisited checks)."""
    try:
        again = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return False
    return (
        phonenumbers.is_valid_number(again)
        and again.country_code == number.country_code
        and again.national_number == number.national_number
        and (not leading_zero or again.italian_leading_zero == number.italian_leading_zero)
    )


def uncharted_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as its people or their systems write it: international with the trunk
    ``(0)`` kept (``+63 (0)917 123 4567``), with the area or operator code in parentheses and nothing else spaced
    (``+62(812)34567890``), dashed, dotted or E.164, ``00`` or a fixed line with an extension (``ext. 204``, ``x204``,
    ``;ext=204``); or, unless ``international_only``, national (the Philippine ``0917-123-4567``, the Pakistani
    ``0300-1234567``, the Bangladeshi ``01712-345678``, the Egyptian ``010 1234 5678``, the Nigerian ``0803 123 4567``,
    the Brazilian ``(11) 91234-5678`` and ``0 21 11 91234-5678`` with the long-distance carrier's code, the Mexican
    ``55 1234 5678``). Checked: it parses back (with its region as default) to the same valid number and holds no run
    that reads as an IPv4 address."""
    region = r.choice(regions)
    number = _unc_valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    e164 = phonenumbers.format_number(number, pnf.E164)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    nsn = phonenumbers.national_significant_number(number)
    groups = rest.replace("-", " ").split(" ")
    forms = [intl, e164, f"00{number.country_code} {rest}", f"{cc}-{'-'.join(groups)}"]
    if len(groups) > 1:
        forms.append(f"{cc}({groups[0]}){''.join(groups[1:])}")
    if region in _UNC_TRUNK:
        forms.append(f"{cc} (0){rest}")
    if phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE:
        ext = str(r.randrange(10, 999))
        forms += [f"{intl} ext. {ext}", f"{intl} x{ext}", f"{e164};ext={ext}"]
    if not international_only:
        bare = national.replace("(", "").replace(")", "")
        forms += [national, bare.replace(" ", "-"), bare.replace(" ", "").replace("-", "")]
        if region == "PK" and nsn.startswith("3"):
            forms.append(f"0{nsn[:3]}-{nsn[3:]}")
        if region == "EG" and nsn.startswith("1"):
            forms.append(f"0{nsn[:2]} {nsn[2:6]} {nsn[6:]}")
        if region == "BR":
            forms.append(f"0 {pick(r, '21', '15', '41', '31')} {nsn[:2]} {nsn[2:-4]}-{nsn[-4:]}")
        if region == "PH" and nsn.startswith("9"):
            forms.append(f"0{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}")
    choices = [t for t in forms if _unc_reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def uncharted_e164(r: random.Random, region: str, kind: str = "") -> str:
    """A valid number of ``region`` in E.164 (``+639171234567``)."""
    return phonenumbers.format_number(_unc_valid_number(r, region, kind), phonenumbers.PhoneNumberFormat.E164)


def uncharted_phone_uri(r: random.Random, regions: tuple[str, ...]) -> str:
    """A valid number of one of ``regions`` inside a URI: an RFC 3966 ``tel:`` link with dashes, a SIP URI with
    ``user=phone``, a WhatsApp click-to-chat link (``wa.me`` takes the digits without ``+``) or a Viber ``chat``
    link."""
    region = r.choice(regions)
    number = _unc_valid_number(r, region)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    intl = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    shape = r.randrange(4)
    if shape == 0:
        return "tel:" + intl.replace(" ", "-")
    if shape == 1:
        return f"sip:{e164}@{pick(r, 'sip.vonage.example', 'pbx.help-desk.example', 'trunk.voip.example')};user=phone"
    if shape == 2:
        return f"https://wa.me/{e164[1:]}?text={pick(r, 'Hi', 'Hola', 'Halo', 'Kumusta')}"
    return f"viber://chat?number=%2B{e164[1:]}"


def uncharted_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number of ``regions`` that is valid nowhere: a valid one with a
    digit dropped or two added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    for _ in range(800):
        number = _unc_valid_number(r, r.choice(regions))
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-1] if r.random() < 0.5 else digits + rand(r, string.digits, 2)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        national = []
        for g in regions:
            with contextlib.suppress(phonenumbers.NumberParseException):
                national.append(phonenumbers.parse(digits, g))
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and not any(
            phonenumbers.is_valid_number(p) for p in national
        ):
            return text
    raise AssertionError("no invalid number drawn")


def uncharted_order_ref(r: random.Random) -> str:
    """An order, invoice or waybill reference grouped like a phone number (``0917-204-3318``, ``INV 0802 771 4410``),
    its digits drawn until they read as no number of the split's regions, nationally or with a ``+``: no phone."""
    while True:
        digits = "0" + uncharted_digits(r, 10)
        if _unc_no_phone(digits) and _unc_no_phone(digits[1:]):
            break
    shape = r.randrange(3)
    if shape == 0:
        return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
    if shape == 1:
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    return f"{digits[:5]}-{digits[5:]}"


# Card numbers this split draws, from BIN ranges no split has drawn: Visa's 4147 and 4895, Mastercard's 5399 and 2306,
# Elo's 636368 and 504175 and Hipercard's 606282 (Brazil), Verve's 506099 to 506198 (Nigeria, 16 and 19 digits), Meeza's
# 507803 (Egypt) and UnionPay's 6244.
UNCHARTED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4147", "4895"), (16,)),
    "mastercard": (("5399", "2306"), (16,)),
    "elo": (("636368", "504175"), (16,)),
    "hipercard": (("606282",), (16,)),
    "verve": (("506099", "506105", "506118"), (16, 19)),
    "meeza": (("507803",), (16,)),
    "unionpay": (("6244",), (16,)),
}


def uncharted_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNCHARTED_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def uncharted_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) by fours (19 digits 4-4-4-4-3), joined by ``sep`` (a space, a dash,
    a dot as some Brazilian receipts print them, or nothing)."""
    digits = uncharted_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "", ".") if sep is None else sep
    return grouped(digits, card_groups(digits) if len(digits) != 19 else [4, 4, 4, 4, 3], sep)


def uncharted_clabe(r: random.Random) -> str:
    """A Mexican CLABE (18 digits: bank, city, account and the weighted check digit): a domestic account, no IBAN, no
    card, no phone."""
    while True:
        body = pick(r, "002", "012", "014", "021", "072") + pick(r, "180", "320", "580") + rand(r, string.digits, 11)
        total = sum(int(d) * w for d, w in zip(body, itertools.cycle((3, 7, 1)))) % 10
        digits = body + str((10 - total) % 10)
        if not _urm_luhn_windows(digits) and _unc_no_phone(digits):
            return digits


def uncharted_nuban(r: random.Random) -> str:
    """A Nigerian NUBAN account number (ten digits) drawn until it reads as no phone number: a domestic account."""
    while True:
        digits = pick(r, "0", "1", "2", "3") + rand(r, string.digits, 9)
        if _unc_no_phone(digits) and _unc_no_phone("0" + digits):
            return digits


def uncharted_nik(r: random.Random) -> str:
    """An Indonesian NIK (16 digits: the province, regency and district of Surabaya, Bandung or Jakarta, the birth date,
    a serial): a national identity number, no card even when it happens to pass Luhn."""
    area = pick(r, "357801", "327301", "317401", "357808")
    day = r.randrange(1, 29) + r.choice((0, 40))
    return f"{area}{day:02d}{r.randrange(1, 13):02d}{r.randrange(60, 100):02d}{r.randrange(1, 9999):04d}"


def uncharted_cnic(r: random.Random) -> str:
    """A Pakistani CNIC (``35202-1234567-1``): a national identity number, no phone (its groups are checked)."""
    while True:
        text = f"{pick(r, '35202', '42101', '61101', '37405')}-{rand(r, string.digits, 7)}-{r.randrange(1, 10)}"
        if all(_unc_no_phone(p) for p in (text.replace("-", ""), text.split("-")[1])):
            return text


def uncharted_cpf(r: random.Random) -> str:
    """A Brazilian CPF (``123.456.789-09``, its two check digits right): a taxpayer number, no phone, no card."""
    while True:
        body = [int(d) for d in rand(r, string.digits, 9)]
        for size in (9, 10):
            total = sum(d * w for d, w in zip(body, range(size + 1, 1, -1), strict=True))
            body.append((total * 10 % 11) % 10)
        digits = "".join(map(str, body))
        if _unc_no_phone(digits) and len(set(digits)) > 2:
            return f"{digits[:3]}.{digits[3:6]}.{digits[6:9]}-{digits[9:]}"


# IBAN countries this split draws: Pakistan (24: four letters of the bank and sixteen digits), Egypt (29: bank, branch
# and a seventeen-digit account) and Brazil (29: the bank's ISPB, the branch, the account, its type letter and the
# holder's position). The Philippines, Indonesia, Nigeria, Bangladesh and Mexico have no IBAN: their accounts are
# negatives.
UNCHARTED_IBAN_LENGTHS = {"PK": 24, "EG": 29, "BR": 29}
_UNC_BANKS = {
    "PK": ("HABB", "MEZN", "UNIL", "SCBL", "ALFH", "MUCB"),
    "EG": ("0019", "0003", "0002", "0037"),
    "BR": ("00000000", "00360305", "60701190", "90400888"),
}


def _unc_bban(r: random.Random, country: str) -> str:
    bank = r.choice(_UNC_BANKS[country])
    if country == "PK":
        return bank + "00" + rand(r, string.digits, 14)
    if country == "EG":
        return bank + rand(r, string.digits, 4) + rand(r, string.digits, 17)
    return bank + rand(r, string.digits, 5) + rand(r, string.digits, 10) + pick(r, "C", "P") + pick(r, "1", "2")


def uncharted_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Pakistan, Egypt or Brazil, compact or in groups of four (``grouped`` None: either); ``valid`` False:
    its check digits are wrong (neither the right ones nor those 97 apart)."""
    country = country or r.choice(sorted(UNCHARTED_IBAN_LENGTHS))
    bban = _unc_bban(r, country)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNCHARTED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


UNCHARTED_HASH_FAMILIES = (
    "ethereum_scrypt",
    "electrum",
    "bitcoin_wallet",
    "metamask",
    "bitwarden",
    "telegram_desktop",
    "itunes_backup",
    "vmx",
)


def _hexbytes(r: random.Random, n: int) -> str:
    """``n`` random bytes in hex, drawn until no run of twelve decimal digits shows in them (which could read as a card
    or a phone number): every split's generators since uncharted draw their hex this way."""
    while True:
        text = r.randbytes(n).hex()
        if not re.search(r"\d{12}", text):
            return text


def uncharted_password_hash(r: random.Random, family: str = "") -> str:
    """Password-derived material of one family as hashcat's and John's extractors write it (``family`` empty: any): an
    Ethereum keystore's scrypt parameters, salt, ciphertext and MAC (``$ethereum$s*``), an Electrum wallet's salt-type 4
    check (``$electrum$4*``), a Bitcoin Core ``wallet.dat``'s encrypted master key (``$bitcoin$96$``), a MetaMask
    vault (``$metamask$``), a Bitwarden master password hash with the account's e-mail in base64 (``$bitwarden$2*``), a
    Telegram Desktop local passcode (``$telegram$2*``), an iTunes backup's keybag (``$itunes_backup$*10*``) and a VMware
    VMX's encryption key data (``$vmx$0$``)."""
    family = family or r.choice(UNCHARTED_HASH_FAMILIES)
    if family == "ethereum_scrypt":
        return f"$ethereum$s*{pick(r, '262144', '8192')}*8*1*{_hexbytes(r, 32)}*{_hexbytes(r, 32)}*{_hexbytes(r, 32)}"
    if family == "electrum":
        return f"$electrum$4*{pick(r, '02', '03')}{_hexbytes(r, 32)}*{_hexbytes(r, 64)}*{_hexbytes(r, 32)}"
    if family == "bitcoin_wallet":
        while True:
            rounds = str(r.randrange(60_000, 250_000))
            if _unc_no_phone(rounds):
                break
        return f"$bitcoin$96${_hexbytes(r, 48)}$16${_hexbytes(r, 8)}${rounds}$2$00$2$00"
    if family == "metamask":
        return f"$metamask${b64(r.randbytes(32))}${b64(r.randbytes(16))}${b64(r.randbytes(r.randrange(160, 320)))}"
    if family == "bitwarden":
        mail = pick(r, "ops@padala.example", "finance@tindahan.example", "it@lagoshub.example").encode()
        return f"$bitwarden$2*{pick(r, '100000', '600000')}*{b64(mail)}*{b64(r.randbytes(32))}"
    if family == "telegram_desktop":
        return f"$telegram$2*100000*{_hexbytes(r, 32)}*{_hexbytes(r, 288)}"
    if family == "itunes_backup":
        return f"$itunes_backup$*10*{_hexbytes(r, 40)}*10000*{_hexbytes(r, 20)}*10000000*{_hexbytes(r, 20)}"
    assert family == "vmx"
    return f"$vmx$0$10000${_hexbytes(r, 16)}${_hexbytes(r, 32)}"


def uncharted_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r, "Bandung", "Cimahi", "Garut", "Laoag", "Vigan", "Batac", "Kumasi", "Accra", "Tamale", "Napoli", "Vomero",
        "Kampala", "Entebbe", "Jinja", "Lahore", "Dhaka", "Giza", "Recife", "Puebla", "Cebu",
    )  # fmt: skip
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_", "$", "?", "=")


def uncharted_email(r: random.Random) -> str:
    """An address of the split's people: Sundanese, Ilocano, Akan, Neapolitan, Ganda, Pakistani, Bangladeshi, Egyptian,
    Brazilian and Mexican names with dots, digits, hyphens, underscores and plus tags, at their providers and the big
    ones."""
    first = pick(
        r, "asep.sunandar", "euis_rahayu", "dadang.k", "maricel.agbayani", "j.pascua", "rosalinda-ramos",
        "kwame.mensah", "abena_owusu", "k.asante", "gennaro.esposito", "ciro.russo", "nakato.sarah", "ssebuliba.j",
        "ayesha.malik", "r.hossain", "mona.abdelaziz", "thiago.souza", "lupita.hdz",
    )  # fmt: skip
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'venue', 'lessons', 'moving', 'help')}")
    domain = pick(
        r, "yahoo.co.id", "telkom.net", "pldtdsl.net", "globe.com.ph", "ghana.com", "libero.it", "tiscali.it",
        "africaonline.co.ug", "cyber.net.pk", "bdmail.net", "link.net", "uol.com.br", "bol.com.br", "prodigy.net.mx",
        "gmail.com", "outlook.com", "icloud.com", "proton.me",
    )  # fmt: skip
    return f"{local}@{domain}"


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def uncharted_paymongo_key(r: random.Random, secret: bool = True) -> str:
    """A PayMongo API key: ``sk_live_`` (secret, Basic user) or ``pk_live_`` (public, in the checkout page) and 24
    letters and digits."""
    return ("sk_live_" if secret else "pk_live_") + rand(r, ALNUM, 24)


def uncharted_conekta_key(r: random.Random) -> str:
    """A Conekta private API key (a bearer): ``key_`` and 22 letters and digits."""
    return "key_" + rand(r, ALNUM, 22)


def uncharted_openpay_pair(r: random.Random) -> tuple[str, str]:
    """An Openpay (Mexico) merchant id (``m`` and 19 lower-case letters and digits, in the URL) and private key
    (``sk_`` and 32 hex digits, the Basic user)."""
    return "m" + rand(r, string.ascii_lowercase + string.digits, 19), "sk_" + rand(r, HEX, 32)


def uncharted_asaas_key(r: random.Random) -> str:
    """An Asaas API key (the ``access_token`` header): ``$aact_prod_`` and base64 of the key's parts."""
    return "$aact_prod_000" + b64(f"{rand(r, HEX, 32)}::{uncharted_uuid(r)}::$aach_{uncharted_uuid(r)}".encode())


def uncharted_pagbank_token(r: random.Random) -> str:
    """A PagBank (PagSeguro) API token (a bearer): a UUID run into 64 hex digits."""
    return uncharted_uuid(r) + rand(r, HEX, 64)


def uncharted_cielo_pair(r: random.Random) -> tuple[str, str]:
    """A Cielo API 3.0 ``MerchantId`` (a UUID, an id) and ``MerchantKey`` (40 capital letters and digits)."""
    return uncharted_uuid(r), rand(r, string.ascii_uppercase + string.digits, 40)


def uncharted_paymob_key(r: random.Random, secret: bool = True) -> str:
    """A Paymob Intention API key: ``egy_sk_live_`` and 64 hex digits (secret, ``Authorization: Token``) or
    ``egy_pk_live_`` and 32 letters and digits (public, in the checkout's URL)."""
    return "egy_sk_live_" + rand(r, HEX, 64) if secret else "egy_pk_live_" + rand(r, ALNUM, 32)


def uncharted_fawry_key(r: random.Random) -> str:
    """A Fawry merchant security key (it signs each request and is never sent): 32 hex digits."""
    return rand(r, HEX, 32)


def uncharted_jazzcash_secret(r: random.Random) -> str:
    """A JazzCash merchant password or integrity salt: ten letters and digits."""
    return rand(r, ALNUM, 10)


def uncharted_easypaisa_key(r: random.Random) -> str:
    """An Easypaisa store's hash key: 16 capital letters and digits."""
    return rand(r, string.ascii_uppercase + string.digits, 16)


def uncharted_bkash_pair(r: random.Random) -> tuple[str, str]:
    """A bKash tokenized checkout app key (an id) and app secret (50 letters and digits)."""
    return rand(r, ALNUM, 25), rand(r, ALNUM, 50)


def uncharted_sslcommerz_password(r: random.Random) -> str:
    """An SSLCommerz store password: the store's name, hex digits and ``@ssl``."""
    return pick(r, "dhaka", "movers", "venue") + rand(r, HEX, 12) + "@ssl"


def uncharted_roboflow_key(r: random.Random) -> str:
    """A Roboflow API key (``api_key=``): 20 letters and digits."""
    return rand(r, ALNUM, 20)


def uncharted_scale_key(r: random.Random) -> str:
    """A Scale AI API key (the Basic user, no password): ``live_`` and 32 hex digits."""
    return "live_" + rand(r, HEX, 32)


def uncharted_promptlayer_key(r: random.Random) -> str:
    """A PromptLayer API key (``X-API-KEY``): ``pl_`` and 32 hex digits."""
    return "pl_" + rand(r, HEX, 32)


def uncharted_galileo_key(r: random.Random) -> str:
    """A Galileo API key (``Galileo-API-Key``): 43 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 43)


def uncharted_zyte_key(r: random.Random) -> str:
    """A Zyte API key (the Basic user, no password): 32 hex digits."""
    return rand(r, HEX, 32)


def uncharted_diffbot_token(r: random.Random) -> str:
    """A Diffbot token (``token=``): 32 hex digits."""
    return rand(r, HEX, 32)


def uncharted_datocms_token(r: random.Random) -> str:
    """A DatoCMS API token (a bearer): 30 hex digits."""
    return rand(r, HEX, 30)


def uncharted_builder_key(r: random.Random, private: bool = True) -> str:
    """A Builder.io private key (``bpk-`` and 32 hex digits, a bearer) or public API key (32 hex digits, in the
    page)."""
    return ("bpk-" if private else "") + rand(r, HEX, 32)


def uncharted_elastic_key(r: random.Random) -> str:
    """An Elasticsearch / Elastic Cloud API key (``Authorization: ApiKey ...``): base64 of its id and secret."""
    return b64(f"{rand(r, B64URL, 20)}:{rand(r, B64URL, 22)}".encode())


def uncharted_fauna_secret(r: random.Random) -> str:
    """A Fauna database secret (a bearer): ``fn`` and 38 letters, digits, ``-`` and ``_``."""
    return "fn" + rand(r, B64URL, 38)


def uncharted_customerio_pair(r: random.Random) -> tuple[str, str]:
    """A Customer.io Track API site id and API key (20 hex digits each, sent as Basic)."""
    return rand(r, HEX, 20), rand(r, HEX, 20)


def uncharted_hubspot_token(r: random.Random) -> str:
    """A HubSpot private app access token (a bearer): ``pat-na1-`` or ``pat-eu1-`` and a UUID."""
    return f"pat-{pick(r, 'na1', 'eu1')}-{uncharted_uuid(r)}"


def uncharted_attio_token(r: random.Random) -> str:
    """An Attio API access token (a bearer): 64 hex digits."""
    return rand(r, HEX, 64)


def uncharted_knock_key(r: random.Random, secret: bool = True) -> str:
    """A Knock API key: ``sk_`` (secret, a bearer) or ``pk_`` (public, in the app) and 43 base64url characters."""
    return ("sk_" if secret else "pk_") + rand(r, B64URL, 43)


def uncharted_tally_key(r: random.Random) -> str:
    """A Tally API key (a bearer): ``tly-`` and 32 letters and digits."""
    return "tly-" + rand(r, ALNUM, 32)


def uncharted_qualtrics_token(r: random.Random) -> str:
    """A Qualtrics API token (``X-API-TOKEN``): 40 letters and digits."""
    return rand(r, ALNUM, 40)


def uncharted_fullstory_key(r: random.Random) -> str:
    """A FullStory API key (``Authorization: Basic`` and the key itself, not base64 of a pair): ``na1.`` and base64."""
    return "na1." + b64(r.randbytes(36))


def uncharted_webex_token(r: random.Random) -> str:
    """A Webex bot access token (a bearer): 64 letters and digits, ``_``, the cluster (``PF84``) and the org's UUID."""
    return f"{rand(r, ALNUM, 64)}_PF84_{uncharted_uuid(r)}"


def uncharted_lark_secret(r: random.Random) -> str:
    """A Feishu / Lark app secret (32 letters and digits) for an app id ``cli_`` and 16 hex digits."""
    return rand(r, ALNUM, 32)


def uncharted_lark_tenant_token(r: random.Random) -> str:
    """A Feishu / Lark ``tenant_access_token`` (a bearer): ``t-`` and a hex-and-letters body."""
    return "t-g" + rand(r, HEX, 40) + rand(r, string.ascii_uppercase, 4)


def uncharted_dingtalk_token(r: random.Random) -> str:
    """A DingTalk custom robot's ``access_token`` (in the webhook URL): 64 hex digits."""
    return rand(r, HEX, 64)


def uncharted_dingtalk_sign_secret(r: random.Random) -> str:
    """A DingTalk robot's signing secret: ``SEC`` and 64 hex digits."""
    return "SEC" + rand(r, HEX, 64)


def uncharted_wecom_key(r: random.Random) -> str:
    """A WeCom (WeChat Work) group robot's webhook ``key``: a UUID."""
    return uncharted_uuid(r)


def uncharted_wecom_corpsecret(r: random.Random) -> str:
    """A WeCom application's ``corpsecret``: 43 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 43)


def uncharted_zalo_token(r: random.Random) -> str:
    """A Zalo Official Account access token (the ``access_token`` header): some 200 base64url characters."""
    return rand(r, B64URL, r.randrange(180, 230))


def uncharted_x_bearer(r: random.Random) -> str:
    """An X (Twitter) API v2 app-only bearer token: 22 ``A``s' worth of zero bytes, then URL-encoded base64."""
    body = b64(r.randbytes(30)).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
    return "A" * 22 + rand(r, ALNUM, 20) + "%2B" + body + rand(r, ALNUM, 40)


def uncharted_tiktok_token(r: random.Random) -> str:
    """A TikTok for Business API access token (the ``Access-Token`` header): 40 hex digits."""
    return rand(r, HEX, 40)


def uncharted_pinterest_token(r: random.Random) -> str:
    """A Pinterest API access token (a bearer): ``pina_`` and a base32-like body."""
    return "pina_" + rand(r, string.ascii_uppercase + "234567", 88)


def uncharted_missive_token(r: random.Random) -> str:
    """A Missive API token (a bearer): ``missive_pat-`` and base64url."""
    return "missive_pat-" + rand(r, B64URL, 86)


def uncharted_gupshup_key(r: random.Random) -> str:
    """A Gupshup API key (the ``apikey`` header): 32 hex digits."""
    return rand(r, HEX, 32)


def uncharted_typebot_token(r: random.Random) -> str:
    """A Typebot API token (a bearer): 24 letters and digits."""
    return rand(r, ALNUM, 24)


def uncharted_formbricks_key(r: random.Random) -> str:
    """A Formbricks management API key (``x-api-key``): 32 hex digits."""
    return rand(r, HEX, 32)


def uncharted_netbox_token(r: random.Random) -> str:
    """A NetBox API token (``Authorization: Token ...``): 40 hex digits."""
    return rand(r, HEX, 40)


def uncharted_argilla_key(r: random.Random) -> str:
    """An Argilla API key (``X-Argilla-Api-Key``): 43 base64url characters (the quickstart's is ``argilla.apikey``)."""
    return rand(r, B64URL, 43)


def uncharted_karakeep_key(r: random.Random) -> str:
    """A Karakeep (Hoarder) API key (a bearer): ``ak1_``, the key's id and its secret in hex."""
    return f"ak1_{rand(r, HEX, 20)}_{rand(r, HEX, 20)}"


def uncharted_tandoor_token(r: random.Random) -> str:
    """A Tandoor Recipes API token (a bearer): ``tda_`` and a UUID with underscores."""
    return "tda_" + uncharted_uuid(r).replace("-", "_")


def uncharted_unkey_root_key(r: random.Random) -> str:
    """An Unkey root key (a bearer): ``unkey_`` and base58."""
    return "unkey_" + rand(r, "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", 24)


def uncharted_documenso_token(r: random.Random) -> str:
    """A Documenso API token (``Authorization: ...`` with no scheme): ``api_`` and 16 letters and digits."""
    return "api_" + rand(r, string.ascii_lowercase + string.digits, 16)


def uncharted_stirling_key(r: random.Random) -> str:
    """A Stirling-PDF API key (``X-API-KEY``): a UUID."""
    return uncharted_uuid(r)


def uncharted_shlink_key(r: random.Random) -> str:
    """A Shlink API key (``X-Api-Key``): a UUID."""
    return uncharted_uuid(r)


def uncharted_healthchecks_key(r: random.Random) -> str:
    """A Healthchecks.io project API key (``X-Api-Key``): 32 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 32)


def uncharted_dokploy_key(r: random.Random) -> str:
    """A Dokploy API key (``x-api-key``): letters and digits."""
    return rand(r, ALNUM, 48)


def _unc_iat(r: random.Random) -> int:
    return 1_770_100_000 + r.randrange(10**6)


def uncharted_labelbox_jwt(r: random.Random) -> str:
    """A Labelbox API key (a JWT: the organisation, the user, the key's id)."""
    iat = _unc_iat(r)
    claims = {"organizationId": rand(r, string.ascii_lowercase + string.digits, 25),
              "userId": rand(r, string.ascii_lowercase + string.digits, 25), "accountType": "developer",
              "apiKeyId": rand(r, string.ascii_lowercase + string.digits, 25), "iat": iat,
              "exp": iat + 63_072_000}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def uncharted_hygraph_jwt(r: random.Random) -> str:
    """A Hygraph permanent auth token: RS256 with the project's audience and the token's id."""
    iat = _unc_iat(r)
    claims = {"version": 3, "iat": iat, "aud": ["https://api-eu-central-1.hygraph.com/v2/" + rand(r, ALNUM, 25) +
              "/master", "https://management.hygraph.com/"], "iss": "https://management.hygraph.com/",
              "sub": uncharted_uuid(r), "jti": rand(r, string.ascii_lowercase + string.digits, 25)}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT", "kid": "gcms-main-production"}, claims, 256)


def uncharted_wati_jwt(r: random.Random) -> str:
    """A WATI (WhatsApp Team Inbox) API access token: HS256 with the tenant and the role."""
    iat = _unc_iat(r)
    claims = {"jti": uncharted_uuid(r), "nameid": uncharted_uuid(r), "tenant_id": str(r.randrange(100, 999)),
              "db_name": f"mt-prod-Tenants-{r.randrange(10, 99)}", "role": "ADMINISTRATOR", "exp": iat + 31_536_000,
              "iss": "Clare_AI", "aud": "Clare_AI"}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def uncharted_caprover_jwt(r: random.Random) -> str:
    """A CapRover dashboard token (``x-captain-auth``): HS256 with the namespace and token version."""
    iat = _unc_iat(r)
    claims = {"data": {"namespace": "captain", "tokenVersion": uncharted_uuid(r)}, "iat": iat, "exp": iat + 172_800}
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def uncharted_linkwarden_jwt(r: random.Random) -> str:
    """A Linkwarden access token (a bearer): HS256 with the user's id and the token's id."""
    iat = _unc_iat(r)
    claims = {"id": r.randrange(1, 99), "jti": uncharted_uuid(r), "iat": iat, "exp": iat + 2_592_000}
    return _signed_jwt(r, {"alg": "HS256"}, claims, 32)


def uncharted_beams_jwt(r: random.Random) -> str:
    """A Pusher Beams user token: HS256 with the instance as issuer and the user."""
    iat = _unc_iat(r)
    claims = {"sub": f"user-{rand(r, HEX, 8)}", "exp": iat + 86_400,
              "iss": f"https://{uncharted_uuid(r)}.pushnotifications.pusher.com"}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def uncharted_nhost_jwt(r: random.Random) -> str:
    """An Nhost access token: HS256 with Hasura's claims, the user and fifteen minutes."""
    iat = _unc_iat(r)
    user = uncharted_uuid(r)
    claims = {"https://hasura.io/jwt/claims": {"x-hasura-allowed-roles": ["user", "me"],
                                               "x-hasura-default-role": "user", "x-hasura-user-id": user,
                                               "x-hasura-user-is-anonymous": "false"},
              "sub": user, "iss": "hasura-auth", "iat": iat, "exp": iat + 900}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def uncharted_privy_jwt(r: random.Random) -> str:
    """A Privy access token: ES256 with ``privy.io`` as issuer, the app as audience and the user's DID."""
    iat = _unc_iat(r)
    claims = {"sid": rand(r, string.ascii_lowercase + string.digits, 25), "iss": "privy.io", "iat": iat,
              "aud": rand(r, string.ascii_lowercase + string.digits, 25),
              "sub": "did:privy:" + rand(r, string.ascii_lowercase + string.digits, 25), "exp": iat + 3600}  # fmt: skip
    return _signed_jwt(r, {"alg": "ES256", "typ": "JWT", "kid": rand(r, B64URL, 43)}, claims, 64)


def uncharted_tableau_jwt(r: random.Random) -> str:
    """A Tableau connected app's embedding JWT: HS256 with the client id as issuer, the secret's id as ``kid``."""
    iat = _unc_iat(r)
    claims = {"iss": uncharted_uuid(r), "exp": iat + 600, "jti": uncharted_uuid(r), "aud": "tableau",
              "sub": pick(r, "embed-svc", "viewer.portal"), "scp": ["tableau:views:embed"]}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "kid": uncharted_uuid(r), "iss": claims["iss"]}, claims, 32)


def uncharted_lightdash_jwt(r: random.Random) -> str:
    """A Lightdash embed token: HS256 with the dashboard to show and an hour."""
    iat = _unc_iat(r)
    claims = {"content": {"type": "dashboard", "dashboardUuid": uncharted_uuid(r)}, "userAttributes": {},
              "iat": iat, "exp": iat + 3600}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


# ---------------------------------------------------------------------------- the untrodden split's own values
#
# Written for the thirty-fourth split only, by a twenty-eighth session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, hash lengths and alphabets).


def untrodden_uuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def untrodden_no_phone_in(digits: str, regions: tuple[str, ...]) -> bool:
    """Whether ``digits`` reads as no valid number of ``regions`` nationally nor anywhere with a ``+``."""
    parsed = []
    for text, region in [(digits, g) for g in regions] + [("+" + digits, None)]:
        with contextlib.suppress(phonenumbers.NumberParseException):
            parsed.append(phonenumbers.parse(text, region))
    return not any(phonenumbers.is_valid_number(p) for p in parsed)


def _utd_no_phone(digits: str) -> bool:
    """Whether ``digits`` reads as no valid number of the split's regions nationally nor anywhere with a ``+``."""
    parsed = []
    for text, region in [(digits, g) for g in PHONE_REGIONS] + [("+" + digits, None)]:
        with contextlib.suppress(phonenumbers.NumberParseException):
            parsed.append(phonenumbers.parse(text, region))
    return not any(phonenumbers.is_valid_number(p) for p in parsed)


def untrodden_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits that are no valid number of the split's regions nor anywhere with a ``+``, and fail Luhn."""
    return unremarked_digits(r, n, tuple(PHONE_REGIONS), lead)


def untrodden_clean_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``untrodden_digits``, and also no run of 12 to 19 of them passes Luhn (no card can be read out of them)."""
    while True:
        digits = untrodden_digits(r, n, lead)
        if not _urm_luhn_windows(digits):
            return digits


def untrodden_epoch(r: random.Random, millis: bool = False) -> int:
    """Epoch seconds (or milliseconds) in March 2026, drawn until no run of them passes Luhn and they read as no phone
    number of the split's regions."""
    while True:
        seconds = 1_772_400_000 + r.randrange(2_500_000)
        value = seconds * 1000 + r.randrange(1000) if millis else seconds
        if not _urm_luhn_windows(str(value)) and _utd_no_phone(str(value)):
            return value


# This split's regions: Vietnam (+84: ten-digit mobiles 03x/05x/07x/08x/09x, Hanoi's 024 and Saigon's 028), Thailand
# (+66: mobiles 06/08/09, Bangkok's 02), Turkey (+90: mobiles 05xx, Istanbul's 0212/0216, Ankara's 0312), Saudi Arabia
# (+966: mobiles 05x, Riyadh's 011, Jeddah's 012), Argentina (+54: mobiles written internationally with a 9 and
# nationally with 15 after the area code, Buenos Aires' 011, Córdoba's 0351), Colombia (+57: mobiles 3xx, fixed lines
# 60x since 2021), Kenya (+254: mobiles 07xx and 01xx, Nairobi's 020) and South Africa (+27: mobiles 06x/07x/08x,
# Johannesburg's 011 and Cape Town's 021).
_UTD_HEADS: dict[str, dict[str, tuple[tuple[str, ...], int]]] = {
    "VN": {"MOBILE": (("91", "98", "90", "86", "35", "38", "70", "77", "83", "88"), 9),
           "FIXED_LINE": (("24", "28"), 10)},
    "TH": {"MOBILE": (("81", "86", "89", "92", "95", "61", "63"), 9), "FIXED_LINE": (("2",), 8)},
    "TR": {"MOBILE": (("532", "533", "542", "505", "544", "553"), 10), "FIXED_LINE": (("212", "216", "312"), 10)},
    "SA": {"MOBILE": (("50", "53", "54", "55", "56", "59"), 9), "FIXED_LINE": (("11", "12"), 9)},
    "AR": {"MOBILE": (("911", "9351", "9341"), 11), "FIXED_LINE": (("11", "351"), 10)},
    "CO": {"MOBILE": (("300", "301", "310", "311", "315", "320", "321", "350"), 10),
           "FIXED_LINE": (("601", "604"), 10)},
    "KE": {"MOBILE": (("712", "722", "733", "745", "110", "115"), 9), "FIXED_LINE": (("20",), 9)},
    "ZA": {"MOBILE": (("82", "83", "72", "73", "84", "60", "71", "79"), 9), "FIXED_LINE": (("11", "21"), 9)},
}  # fmt: skip
_UTD_CODES = {"VN": 84, "TH": 66, "TR": 90, "SA": 966, "AR": 54, "CO": 57, "KE": 254, "ZA": 27}


def _headed_number(
    r: random.Random,
    heads_of: dict[str, dict[str, tuple[tuple[str, ...], int]]],
    codes: dict[str, int],
    region: str,
    kind: str = "",
) -> phonenumbers.PhoneNumber:
    """A valid number of ``region`` drawn from a split's table of leading digits and national length (one length per
    kind: untrodden's and unvisited's tables; uncharted's draws a length too, so it keeps its own)."""
    kind = kind or pick(r, "MOBILE", "MOBILE", "FIXED_LINE")
    heads, size = heads_of[region][kind]
    for _ in range(3000):
        head = r.choice(heads)
        digits = head + rand(r, string.digits, size - len(head))
        number = phonenumbers.parse(f"+{codes[region]}{digits}")
        if (
            phonenumbers.is_valid_number_for_region(number, region)
            and len(set(digits)) > 3
            and not digits.endswith(("000", "555"))
        ):
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def _utd_valid_number(r: random.Random, region: str, kind: str = "") -> phonenumbers.PhoneNumber:
    return _headed_number(r, _UTD_HEADS, _UTD_CODES, region, kind)


def untrodden_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as its people or their systems write it: international (spaced, E.164,
    ``00``, dashed, the South African and Kenyan ``+27 (0)82 ...``), or, unless ``international_only``, national: the
    Vietnamese dotted ``0912.345.678``, the Thai dashed ``08-1234-5678``, the Turkish ``0532 123 45 67`` and
    ``(0212) 345 67 89``, the Saudi ``050 123 4567``, the Argentine ``011 15-2345-6789`` (the mobile's 15 after the area
    code), the Colombian ``(601) 2345678`` and ``300 1234567``, the Kenyan ``0712-345678`` and the South African
    ``082 123 4567``. Checked: it parses back (with its region as default) to the same valid number and holds no run
    that reads as an IPv4 address."""
    region = r.choice(regions)
    number = _utd_valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    e164 = phonenumbers.format_number(number, pnf.E164)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    nsn = phonenumbers.national_significant_number(number)
    forms = [intl, e164, f"00{number.country_code} {rest}", f"{cc}-{rest.replace(' ', '-')}"]
    if region in ("ZA", "KE", "TR"):
        forms.append(f"{cc} (0){rest}")
    if not international_only:
        bare = national.replace("(", "").replace(")", "")
        forms += [national, bare.replace(" ", "-"), bare.replace(" ", "").replace("-", "")]
        if region == "VN":
            forms.append(f"0{nsn[:3]}.{nsn[3:6]}.{nsn[6:]}")
        if region == "TH" and nsn[0] != "2":
            forms.append(f"0{nsn[:1]}-{nsn[1:5]}-{nsn[5:]}")
        if region == "KE":
            forms.append(f"0{nsn[:3]}-{nsn[3:]}")
    choices = [t for t in forms if _unc_reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def untrodden_e164(r: random.Random, region: str, kind: str = "") -> str:
    """A valid number of ``region`` in E.164 (``+905321234567``)."""
    return phonenumbers.format_number(_utd_valid_number(r, region, kind), phonenumbers.PhoneNumberFormat.E164)


def untrodden_national(r: random.Random, region: str, kind: str = "") -> str:
    """A valid number of ``region`` in its national format (``0532 123 45 67``, ``011 15-2345-6789``)."""
    number = _utd_valid_number(r, region, kind)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def untrodden_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number of ``regions`` that is valid nowhere: a valid one with a
    digit dropped or two added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    for _ in range(800):
        number = _utd_valid_number(r, r.choice(regions))
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-1] if r.random() < 0.5 else digits + rand(r, string.digits, 2)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        national = []
        for g in regions:
            with contextlib.suppress(phonenumbers.NumberParseException):
                national.append(phonenumbers.parse(digits, g))
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and not any(
            phonenumbers.is_valid_number(p) for p in national
        ):
            return text
    raise AssertionError("no invalid number drawn")


def untrodden_ref(r: random.Random, lead: str = "0") -> str:
    """A booking, tracking or ticket reference grouped like a phone number (``0532 771 44 10``, ``0912.204.331``), its
    digits drawn until they read as no number of the split's regions, nationally or with a ``+``, and fail Luhn."""
    while True:
        digits = lead + untrodden_digits(r, 10 - len(lead))
        if _utd_no_phone(digits) and _utd_no_phone(digits[1:]) and not luhn_ok(digits):
            break
    shape = r.randrange(3)
    if shape == 0:
        return f"{digits[:4]} {digits[4:7]} {digits[7:9]} {digits[9:]}"
    if shape == 1:
        return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"


# Card numbers this split draws, from BIN ranges no split has drawn: Colombia's Codensa (590712), Argentina's Tarjeta
# Shopping (603488) and Tarjeta Nevada (504363), Korea's BC Card (9410, 9430), and Visa's 4599, Mastercard's 5406 and
# 2223, Troy's 9792 and mada's 588848 (co-badged) for the split's regions.
UNTRODDEN_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4599", "4033"), (16,)),
    "mastercard": (("5406", "2223"), (16,)),
    "codensa": (("590712",), (16,)),
    "shopping": (("603488",), (16,)),
    "nevada": (("504363",), (16,)),
    "bccard": (("9410", "9430"), (16,)),
    "troy": (("9792",), (16,)),
    "mada": (("588848",), (16,)),
}


def untrodden_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNTRODDEN_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def untrodden_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) by fours, or in two halves of eight as some call-centre notes write
    it, joined by ``sep``."""
    digits = untrodden_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "", ".") if sep is None else sep
    if r.random() < 0.2 and sep:
        return f"{digits[:8]}{sep}{digits[8:]}"
    return grouped(digits, card_groups(digits), sep)


def untrodden_imei(r: random.Random) -> str:
    """A handset's IMEI (15 digits, TAC of a common phone, Luhn-valid): a device id, no card."""
    body = pick(r, "35391110", "35290611", "86765104", "35609110") + rand(r, string.digits, 6)
    return body + _luhn_digit(body)


def untrodden_iccid(r: random.Random) -> str:
    """A SIM's ICCID (89, the country code, the issuer, Luhn-valid, 19 or 20 digits): a SIM serial, no card."""
    country = pick(r, "84", "66", "90", "966", "54", "57", "254", "27")
    body = "89" + country + rand(r, string.digits, 16 - len(country))
    return body + _luhn_digit(body)


# IBAN countries this split draws: every country of the IBAN registry has been drawn by some split, so this one draws
# its regions' neighbours in containers no split has: Turkey (26: five-digit bank code, a reserved zero, sixteen
# digits), Saudi Arabia (24: two-digit bank code, eighteen characters) and the United Arab Emirates (23: three-digit
# bank code, sixteen digits). Vietnam, Thailand, Argentina (CBU), Colombia, Kenya and South Africa have no IBAN: their
# accounts are negatives.
UNTRODDEN_IBAN_LENGTHS = {"TR": 26, "SA": 24, "AE": 23}
_UTD_BANKS = {"TR": ("00010", "00012", "00046", "00062", "00064"), "SA": ("80", "10", "20", "45", "05"),
              "AE": ("033", "035", "026", "030")}  # fmt: skip


def untrodden_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Turkey, Saudi Arabia or the UAE, compact or in groups of four (``grouped`` None: either); ``valid``
    False: its check digits are wrong (neither the right ones nor those 97 apart)."""
    country = country or r.choice(sorted(UNTRODDEN_IBAN_LENGTHS))
    bank = r.choice(_UTD_BANKS[country])
    if country == "TR":
        bban = bank + "0" + rand(r, string.digits, 16)
    elif country == "SA":
        bban = bank + "0000" + rand(r, string.digits, 14)
    else:
        bban = bank + rand(r, string.digits, 16)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNTRODDEN_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


def untrodden_cbu(r: random.Random) -> str:
    """An Argentine CBU (22 digits: bank, branch and their check digit, the account and its check digit): a domestic
    account, no IBAN; drawn until no run of it passes Luhn as a card would and it reads as no phone."""
    while True:
        block1 = pick(r, "0110", "0070", "0170", "0150") + rand(r, string.digits, 3)
        d1 = (10 - sum(int(d) * w for d, w in zip(block1, (7, 1, 3, 9, 7, 1, 3), strict=True)) % 10) % 10
        block2 = rand(r, string.digits, 13)
        d2 = (10 - sum(int(d) * w for d, w in zip(block2, itertools.cycle((3, 9, 7, 1)))) % 10) % 10
        digits = f"{block1}{d1}{block2}{d2}"
        if not _urm_luhn_windows(digits) and _utd_no_phone(digits):
            return digits


UNTRODDEN_HASH_FAMILIES = (
    "pwsafe3",
    "mozilla_key4",
    "filevault2",
    "axcrypt",
    "android_backup",
    "ansible_vault",
    "multibit",
    "blockchain_wallet",
)


def untrodden_password_hash(r: random.Random, family: str = "") -> str:
    """Password-derived material of one family as hashcat's and John's extractors write it (``family`` empty: any): a
    Password Safe v3 database (``$pwsafe$*3*``), a Firefox ``key4.db`` primary password check (``$mozilla$*AES*``),
    a FileVault 2 volume (``$fvde$1$16$``), an AxCrypt 1 file (``$axcrypt$*1*``), an Android ``adb backup``
    (``$ab$5*0*``), an Ansible Vault file (``$ansible$0*0*``), a MultiBit Classic key file (``$multibit$1*``) and a
    Blockchain.com wallet (``$blockchain$v2$``)."""
    family = family or r.choice(UNTRODDEN_HASH_FAMILIES)
    if family == "pwsafe3":
        return f"$pwsafe$*3*{_hexbytes(r, 32)}*{pick(r, '2048', '262144', '86000')}*{_hexbytes(r, 32)}"
    if family == "mozilla_key4":
        return f"$mozilla$*AES*{_hexbytes(r, 20)}*{_hexbytes(r, 32)}*10000*{_hexbytes(r, 14)}*{_hexbytes(r, 16)}"
    if family == "filevault2":
        return f"$fvde$1$16${_hexbytes(r, 16)}${pick(r, '41000', '86000', '120000')}${_hexbytes(r, 24)}"
    if family == "axcrypt":
        return f"$axcrypt$*1*{pick(r, '10000', '15000', '20000')}*{_hexbytes(r, 16)}*{_hexbytes(r, 24)}"
    if family == "android_backup":
        return f"$ab$5*0*10000*{_hexbytes(r, 64)}*{_hexbytes(r, 64)}*{_hexbytes(r, 16)}*{_hexbytes(r, 96)}"
    if family == "ansible_vault":
        return f"$ansible$0*0*{_hexbytes(r, 32)}*{_hexbytes(r, r.randrange(48, 96))}*{_hexbytes(r, 32)}"
    if family == "multibit":
        return f"$multibit$1*{_hexbytes(r, 8)}*{_hexbytes(r, 32)}"
    assert family == "blockchain_wallet"
    size = r.choice((256, 384, 512))
    return f"$blockchain$v2${pick(r, '5000', '10000')}${size}${_hexbytes(r, size)}"


def untrodden_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r, "Goreme", "Urgup", "Avanos", "Salento", "Pitalito", "Huila", "Nyeri", "Kisumu", "Thika", "Polokwane",
        "Giyani", "Tzaneen", "ChiangMai", "Sapa", "Hoian", "Rosario", "Mendoza", "Jeddah", "Abha", "Medellin",
    )  # fmt: skip
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_", "$", "?", ".")


def untrodden_email(r: random.Random) -> str:
    """An address of the split's people: Kikuyu, Luo, Pedi, Tsonga, Hmong, Turkish, Saudi, Argentine, Colombian, Thai
    and Vietnamese names with dots, digits, hyphens, underscores and plus tags, at their providers and the big ones."""
    first = pick(
        r, "wanjiru.kamau", "njeri_m", "otieno.achieng", "ochieng.o", "lesiba.mokoena", "tebogo-maake", "hlengani.b",
        "nyiko_maluleke", "pa.vang", "yer.thao", "elif.yilmaz", "burak.demir", "reem.alharbi", "f.alqahtani",
        "lucia.fernandez", "martin.gomez", "valentina.rios", "nattaporn.s", "nguyen.thi.lan",
    )  # fmt: skip
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'flight', 'coffee', 'class', 'help')}")
    domain = pick(
        r, "safaricom.co.ke", "africaonline.co.ke", "telkomsa.net", "mweb.co.za", "ttnet.com.tr", "yandex.com.tr",
        "stc.com.sa", "fibertel.com.ar", "une.net.co", "etb.net.co", "truemail.co.th", "vnn.vn", "fpt.vn",
        "gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "proton.me",
    )  # fmt: skip
    return f"{local}@{domain}"


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def untrodden_vnpay_pair(r: random.Random) -> tuple[str, str]:
    """A VNPAY terminal code (``vnp_TmnCode``, 8 capitals and digits, an id) and hash secret (``vnp_HashSecret``, 32
    capitals)."""
    return rand(r, UPPER, 8), rand(r, string.ascii_uppercase, 32)


def untrodden_zalopay_pair(r: random.Random) -> tuple[str, str]:
    """A ZaloPay app id (four digits, an id) and its ``key1`` MAC key (32 letters and digits)."""
    return str(r.randrange(2000, 9999)), rand(r, ALNUM, 32)


def untrodden_omise_key(r: random.Random, secret: bool = True) -> str:
    """An Omise (Thailand) live key: ``skey_`` (secret, the Basic user) or ``pkey_`` (public, in Omise.js), ``5`` and
    18 lower-case letters and digits."""
    return ("skey_5" if secret else "pkey_5") + rand(r, string.ascii_lowercase + string.digits, 18)


def untrodden_2c2p_secret(r: random.Random) -> str:
    """A 2C2P merchant secret key (it signs the payment token JWT): 64 capital hex digits."""
    return rand(r, "0123456789ABCDEF", 64)


def untrodden_iyzico_pair(r: random.Random) -> tuple[str, str]:
    """An iyzico API key and secret key (32 letters and digits each, the sandbox's with ``sandbox-``)."""
    return rand(r, ALNUM, 32), rand(r, ALNUM, 32)


def untrodden_paytr_pair(r: random.Random) -> tuple[str, str]:
    """A PayTR ``merchant_key`` and ``merchant_salt`` (16 letters and digits each)."""
    return rand(r, ALNUM, 16), rand(r, ALNUM, 16)


def untrodden_craftgate_pair(r: random.Random) -> tuple[str, str]:
    """A Craftgate API key (``x-api-key``, an id) and secret key (it signs ``x-signature``), ``api-`` and 32 letters."""
    return "api-" + rand(r, ALNUM, 32), "sec-" + rand(r, ALNUM, 32)


def untrodden_papara_key(r: random.Random) -> str:
    """A Papara merchant API key (the ``ApiKey`` header): base64 of 64 bytes."""
    return b64(r.randbytes(64))


def untrodden_hyperpay_token(r: random.Random) -> str:
    """A HyperPay / Peach Payments (ACI) access token (a bearer): base64 of a 32-hex user id, ``|`` and a password."""
    return b64(f"8ac{rand(r, HEX, 29)}|{rand(r, ALNUM, r.randrange(10, 16))}".encode())


def untrodden_wompi_key(r: random.Random, kind: str = "private") -> str:
    """A Wompi (Colombia) key: ``prv_prod_`` (private, a bearer), ``pub_prod_`` (public), ``prod_events_`` (events
    secret) or ``prod_integrity_`` (integrity secret), and 32 letters and digits."""
    prefix = {"private": "prv_prod_", "public": "pub_prod_", "events": "prod_events_", "integrity": "prod_integrity_"}
    return prefix[kind] + rand(r, ALNUM, 32)


def untrodden_epayco_pair(r: random.Random) -> tuple[str, str]:
    """An ePayco ``PUBLIC_KEY`` and ``PRIVATE_KEY`` (32 hex digits each)."""
    return rand(r, HEX, 32), rand(r, HEX, 32)


def untrodden_daraja_pair(r: random.Random) -> tuple[str, str]:
    """An M-Pesa Daraja app's consumer key (48 letters and digits) and consumer secret (64)."""
    return rand(r, ALNUM, 48), rand(r, ALNUM, 64)


def untrodden_daraja_passkey(r: random.Random) -> str:
    """An M-Pesa Express (STK push) passkey: 64 hex digits."""
    return rand(r, HEX, 64)


def untrodden_daraja_token(r: random.Random) -> str:
    """An M-Pesa Daraja OAuth access token (a bearer): 28 letters and digits."""
    return rand(r, ALNUM, 28)


def untrodden_pesapal_pair(r: random.Random) -> tuple[str, str]:
    """A Pesapal API 3.0 consumer key (28 letters, digits, ``+`` and ``/``) and consumer secret (base64 of 20 bytes)."""
    return rand(r, ALNUM + "+/", 28), b64(r.randbytes(20))


def untrodden_ozow_pair(r: random.Random) -> tuple[str, str]:
    """An Ozow (South Africa) ``ApiKey`` and ``PrivateKey`` (32 letters and digits each)."""
    return rand(r, ALNUM, 32), rand(r, ALNUM, 32)


def untrodden_payfast_pair(r: random.Random) -> tuple[str, str]:
    """A PayFast merchant key (13 lower-case letters and digits, an id sent with every payment) and its salt
    passphrase."""
    return rand(r, string.ascii_lowercase + string.digits, 13), untrodden_password(r)


def untrodden_esms_pair(r: random.Random) -> tuple[str, str]:
    """An eSMS.vn ``ApiKey`` and ``SecretKey`` (32 capital hex digits each)."""
    return rand(r, "0123456789ABCDEF", 32), rand(r, "0123456789ABCDEF", 32)


def untrodden_unifonic_appsid(r: random.Random) -> str:
    """A Unifonic (Saudi Arabia) ``AppSid``: 30 letters and digits."""
    return rand(r, ALNUM, 30)


def untrodden_taqnyat_token(r: random.Random) -> str:
    """A Taqnyat (Saudi Arabia) SMS bearer token: 32 hex digits."""
    return rand(r, HEX, 32)


def untrodden_msegat_key(r: random.Random) -> str:
    """A Msegat (Saudi Arabia) ``apiKey``: 32 hex digits."""
    return rand(r, HEX, 32)


def untrodden_thaibulksms_pair(r: random.Random) -> tuple[str, str]:
    """A ThaiBulkSMS API key and secret (sent as Basic): 32 letters and digits each."""
    return rand(r, ALNUM, 32), rand(r, ALNUM, 32)


def untrodden_smsportal_pair(r: random.Random) -> tuple[str, str]:
    """An SMSPortal (South Africa) client id (a UUID) and API secret (40 letters and digits), sent as Basic."""
    return untrodden_uuid(r), rand(r, ALNUM, 40)


def untrodden_advanta_key(r: random.Random) -> str:
    """An Advanta (Kenya) bulk SMS ``apikey``: 32 hex digits."""
    return rand(r, HEX, 32)


def untrodden_netgsm_password(r: random.Random) -> str:
    """A Netgsm (Turkey) sub-user's API password."""
    return untrodden_password(r)


def untrodden_exa_key(r: random.Random) -> str:
    """An Exa search API key (``x-api-key``): a UUID."""
    return untrodden_uuid(r)


def untrodden_trigger_key(r: random.Random) -> str:
    """A Trigger.dev secret key (a bearer): ``tr_prod_`` or ``tr_dev_`` and 20 letters and digits."""
    return pick(r, "tr_prod_", "tr_dev_", "tr_stg_") + rand(r, ALNUM, 20)


def untrodden_langwatch_key(r: random.Random) -> str:
    """A LangWatch API key (``X-Auth-Token``): ``sk-lw-`` and 48 letters and digits."""
    return "sk-lw-" + rand(r, ALNUM, 48)


def untrodden_lunary_pair(r: random.Random) -> tuple[str, str]:
    """A Lunary project's public key (a UUID, in the browser) and private key (a UUID, a bearer)."""
    return untrodden_uuid(r), untrodden_uuid(r)


def untrodden_zenrows_key(r: random.Random) -> str:
    """A ZenRows API key (``apikey=``): 40 hex digits."""
    return rand(r, HEX, 40)


def untrodden_scrapfly_key(r: random.Random) -> str:
    """A Scrapfly API key (``key=``): ``scp-live-`` and 32 hex digits."""
    return "scp-live-" + rand(r, HEX, 32)


def untrodden_hyperbrowser_key(r: random.Random) -> str:
    """A Hyperbrowser API key (``x-api-key``): ``hb_`` and 40 hex digits."""
    return "hb_" + rand(r, HEX, 40)


def untrodden_steel_key(r: random.Random) -> str:
    """A Steel browser API key (``steel-api-key``): ``ste-`` and 60 letters and digits."""
    return "ste-" + rand(r, ALNUM, 60)


def untrodden_ultravox_key(r: random.Random) -> str:
    """An Ultravox API key (``X-API-Key``): an eight-character id, a dot and a 32-character secret."""
    return f"{rand(r, ALNUM, 8)}.{rand(r, ALNUM, 32)}"


def untrodden_perigon_key(r: random.Random) -> str:
    """A Perigon news API key (``apiKey=``): a UUID."""
    return untrodden_uuid(r)


def untrodden_pinata_pair(r: random.Random) -> tuple[str, str]:
    """A Pinata legacy API key (20 hex digits, ``pinata_api_key``, an id) and secret (64 hex digits)."""
    return rand(r, HEX, 20), rand(r, HEX, 64)


def untrodden_infura_pair(r: random.Random) -> tuple[str, str]:
    """An Infura API key (32 hex digits, in the endpoint URL) and its API key secret (32 letters and digits, the Basic
    password)."""
    return rand(r, HEX, 32), rand(r, ALNUM, 32)


def untrodden_storj_grant(r: random.Random) -> str:
    """A Storj access grant (serialized macaroon and encryption key): ``1`` and some 300 base58 characters."""
    return "1" + rand(r, "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", r.randrange(280, 340))


def untrodden_trendyol_pair(r: random.Random) -> tuple[str, str]:
    """A Trendyol seller API key and secret (20 letters and digits each, sent as Basic)."""
    return rand(r, ALNUM, 20), rand(r, ALNUM, 20)


def untrodden_courier_token(r: random.Random) -> str:
    """A Courier auth token (a bearer, although it begins ``pk_``): ``pk_prod_`` and 28 capitals and digits."""
    return "pk_prod_" + rand(r, UPPER, 28)


def untrodden_mux_pair(r: random.Random) -> tuple[str, str]:
    """A Mux access token id (a UUID) and secret key (base64 of 56 bytes, no padding), sent as Basic."""
    return untrodden_uuid(r), b64(r.randbytes(56)).rstrip("=")


def untrodden_pipedream_pair(r: random.Random) -> tuple[str, str]:
    """A Pipedream OAuth client id (32 letters and digits, an id) and client secret (43 base64url characters)."""
    return rand(r, ALNUM, 32), rand(r, B64URL, 43)


def untrodden_activepieces_key(r: random.Random) -> str:
    """An Activepieces platform API key (a bearer): ``sk-`` and 64 hex digits."""
    return "sk-" + rand(r, HEX, 64)


def untrodden_line_token(r: random.Random) -> str:
    """A LINE Messaging API long-lived channel access token (a bearer): some 172 base64 characters ending ``=``."""
    return b64(r.randbytes(128)).rstrip("=")[:171] + "="


def untrodden_line_secret(r: random.Random) -> str:
    """A LINE channel secret (32 hex digits; it signs ``x-line-signature``)."""
    return rand(r, HEX, 32)


def _utd_iat(r: random.Random) -> int:
    return 1_772_400_000 + r.randrange(10**6)


def untrodden_pesapal_jwt(r: random.Random) -> str:
    """A Pesapal API 3.0 access token (HS256, the merchant's consumer key inside, five minutes)."""
    iat = _utd_iat(r)
    claims = {"http://schemas.microsoft.com/ws/2008/06/identity/claims/userdata": rand(r, ALNUM + "+/", 28),
              "uniqueid": rand(r, ALNUM + "+/", 28), "accountid": untrodden_uuid(r),
              "iss": "https://pay.pesapal.com/v3/", "aud": "https://pay.pesapal.com/v3/", "nbf": iat,
              "exp": iat + 300}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def untrodden_pinata_jwt(r: random.Random) -> str:
    """A Pinata API JWT (HS256 with the user's information and the key's scoped key and secret ids)."""
    iat = _utd_iat(r)
    claims = {"userInformation": {"id": untrodden_uuid(r), "email_verified": True, "status": "ACTIVE",
                                  "mfa_enabled": False},
              "authenticationType": "scopedKey", "scopedKeyKey": rand(r, HEX, 20), "scopedKeySecret": rand(r, HEX, 64),
              "exp": iat + 31_536_000, "iat": iat}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def untrodden_tamara_jwt(r: random.Random) -> str:
    """A Tamara (Saudi Arabia) merchant API token (RS256, the merchant's id as subject)."""
    iat = _utd_iat(r)
    claims = {"accountId": untrodden_uuid(r), "type": "merchant", "salt": rand(r, HEX, 32), "roles": ["ROLE_MERCHANT"],
              "iat": iat, "iss": "Tamara"}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT"}, claims, 256)


def untrodden_medusa_jwt(r: random.Random) -> str:
    """A Medusa v2 admin session token (HS256: the actor and its type, the auth identity)."""
    iat = _utd_iat(r)
    claims = {"actor_id": "user_01J" + rand(r, "0123456789ABCDEFGHJKMNPQRSTVWXYZ", 23), "actor_type": "user",
              "auth_identity_id": "authid_01J" + rand(r, "0123456789ABCDEFGHJKMNPQRSTVWXYZ", 23),
              "app_metadata": {"user_id": "user_01J" + rand(r, "0123456789ABCDEFGHJKMNPQRSTVWXYZ", 23)},
              "iat": iat, "exp": iat + 86_400}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def untrodden_saleor_jwt(r: random.Random) -> str:
    """A Saleor access token (RS256 with the ``kid``, the shop's GraphQL URL as issuer, ``token: access``)."""
    iat = _utd_iat(r)
    claims = {"iat": iat, "owner": "saleor", "iss": "https://shop.coffee-huila.example/graphql/", "exp": iat + 300,
              "token": rand(r, ALNUM, 12), "email": "", "type": "access", "user_id": b64(
                  f"User:{r.randrange(10, 999)}".encode()), "is_staff": True}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT", "kid": str(r.randrange(1, 9))}, claims, 256)


def untrodden_pocketbase_jwt(r: random.Random) -> str:
    """A PocketBase auth record token (HS256: the collection, the record id, ``type: auth``)."""
    iat = _utd_iat(r)
    claims = {"collectionId": "_pb_users_auth_", "exp": iat + 604_800, "id": rand(r, string.ascii_lowercase +
              string.digits, 15), "refreshable": True, "type": "auth"}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def untrodden_2c2p_payment_token(r: random.Random) -> str:
    """A 2C2P PGW v4 ``paymentToken`` request (HS256 over the payload: merchant, invoice, amount)."""
    claims = {
        "merchantID": str(r.randrange(700000000, 799999999)) + "TH",
        "invoiceNo": _utd_word(r, 10),
        "description": "Thai cooking class",
        "amount": float(r.randrange(900, 4000)),
        "currencyCode": "THB",
    }
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def untrodden_trigger_jwt(r: random.Random) -> str:
    """A Trigger.dev public access token for a run (HS256 with the run's scopes, an hour)."""
    iat = _utd_iat(r)
    claims = {"sub": "env_" + rand(r, string.ascii_lowercase + string.digits, 20), "pub": True,
              "scopes": ["read:runs:run_" + rand(r, string.ascii_lowercase + string.digits, 24)], "iat": iat,
              "exp": iat + 3600, "iss": "https://id.trigger.dev", "aud": "https://api.trigger.dev"}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256"}, claims, 32)


def untrodden_lunary_jwt(r: random.Random) -> str:
    """A Lunary dashboard session token (HS256: the user's id, the org, a day)."""
    iat = _utd_iat(r)
    claims = {"userId": untrodden_uuid(r), "orgId": untrodden_uuid(r), "iat": iat, "exp": iat + 86_400}
    return _signed_jwt(r, {"alg": "HS256"}, claims, 32)


def _utd_word(r: random.Random, n: int) -> str:
    """``n`` hex digits with a letter among them and no run of four decimal digits (which could read as a number)."""
    while True:
        word = rand(r, HEX, n)
        if not any(word[i : i + 4].isdigit() for i in range(max(1, n - 3))):
            return word


# ---------------------------------------------------------------------------- the unvisited split's own values
#
# Written for the thirty-fifth split only, by a twenty-ninth session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97 and the national check digits of the IBANs).


def unvisited_uuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def _uvs_no_phone(digits: str) -> bool:
    """Whether ``digits`` reads as no valid number of the split's regions nationally nor anywhere with a ``+``."""
    parsed = []
    for text, region in [(digits, g) for g in PHONE_REGIONS] + [("+" + digits, None)]:
        with contextlib.suppress(phonenumbers.NumberParseException):
            parsed.append(phonenumbers.parse(text, region))
    return not any(phonenumbers.is_valid_number(p) for p in parsed)


def unvisited_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits that are no valid number of the split's regions nor anywhere with a ``+``, and fail Luhn."""
    return unremarked_digits(r, n, tuple(PHONE_REGIONS), lead)


def unvisited_clean_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``unvisited_digits``, and also no run of 12 to 19 of them passes Luhn (no card can be read out of them)."""
    while True:
        digits = unvisited_digits(r, n, lead)
        if not _urm_luhn_windows(digits):
            return digits


def _uvs_no_intl_phone(digits: str) -> bool:
    """Whether ``+`` and ``digits`` is no valid number anywhere."""
    with contextlib.suppress(phonenumbers.NumberParseException):
        return not phonenumbers.is_valid_number(phonenumbers.parse("+" + digits))
    return True


def unvisited_epoch(r: random.Random, millis: bool = False) -> int:
    """Epoch seconds (or milliseconds) in April 2026, drawn until no run of them passes Luhn and they read as no phone
    number with a ``+`` (every ten digits beginning ``17`` is a valid New Zealand number for libphonenumber, so the
    national reading cannot be avoided: an epoch is no phone number all the same)."""
    while True:
        seconds = 1_775_000_000 + r.randrange(2_500_000)
        value = seconds * 1000 + r.randrange(1000) if millis else seconds
        if not _urm_luhn_windows(str(value)) and _uvs_no_intl_phone(str(value)):
            return value


def _uvs_word(r: random.Random, n: int) -> str:
    """``n`` hex digits with a letter among them and no run of four decimal digits (which could read as a number)."""
    while True:
        word = rand(r, HEX, n)
        if not any(word[i : i + 4].isdigit() for i in range(max(1, n - 3))) and not word.isdigit():
            return word


# This split's regions: Italy (+39: mobiles 3xx of ten digits, fixed lines keep their 0: Milan 02, Rome 06, Turin
# 011, Florence 055, Naples 081), Spain (+34: nine digits, mobiles 6/7, Madrid 91, Barcelona 93), Poland (+48: nine
# digits, mobiles 5/6/7/8, Warsaw 22, Kraków 12), the Netherlands (+31: mobiles 06, Amsterdam 020, Rotterdam 010),
# Sweden (+46: mobiles 07x, Stockholm 08, Gothenburg 031), Malaysia (+60: mobiles 01x, Kuala Lumpur 03), New Zealand
# (+64: mobiles 021/022/027, Auckland 09, Wellington 04) and Ireland (+353: mobiles 083-089, Dublin 01, Cork 021).
_UVS_HEADS: dict[str, dict[str, tuple[tuple[str, ...], int]]] = {
    "IT": {"MOBILE": (("320", "328", "333", "338", "340", "347", "348", "349", "351", "366", "380", "392"), 10),
           "FIXED_LINE": (("02", "06", "011", "055", "081"), 10)},
    "ES": {"MOBILE": (("600", "612", "622", "633", "644", "655", "666", "677", "688", "699", "711", "722"), 9),
           "FIXED_LINE": (("91", "93", "95", "96"), 9)},
    "PL": {"MOBILE": (("50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"), 9),
           "FIXED_LINE": (("22", "12", "61", "71", "58"), 9)},
    "NL": {"MOBILE": (("61", "62", "63", "64", "65"), 9), "FIXED_LINE": (("20", "10", "30", "70", "40"), 9)},
    "SE": {"MOBILE": (("70", "72", "73", "76", "79"), 9), "FIXED_LINE": (("8", "31", "40"), 9)},
    "MY": {"MOBILE": (("12", "13", "16", "17", "19"), 9), "FIXED_LINE": (("3",), 9)},
    "NZ": {"MOBILE": (("21", "22", "27"), 9), "FIXED_LINE": (("9", "4", "3"), 8)},
    "IE": {"MOBILE": (("83", "85", "86", "87", "89"), 9), "FIXED_LINE": (("1",), 8)},
}  # fmt: skip
_UVS_CODES = {"IT": 39, "ES": 34, "PL": 48, "NL": 31, "SE": 46, "MY": 60, "NZ": 64, "IE": 353}


def _uvs_valid_number(r: random.Random, region: str, kind: str = "") -> phonenumbers.PhoneNumber:
    return _headed_number(r, _UVS_HEADS, _UVS_CODES, region, kind)


def unvisited_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as its people or their systems write it: international (spaced, E.164,
    ``00``, the Dutch, Swedish, Irish and New Zealand ``+31 (0)6 ...``, the Malaysian ``+6012-345 6789``), or, unless
    ``international_only``, national: the Italian ``333 1234567`` and old ``333/1234567``, the Spanish ``612 34 56 78``
    and ``612-345-678``, the Polish ``512-345-678`` and ``(22) 123 45 67``, the Dutch ``06-12345678`` and
    ``020-1234567``, the Swedish ``070-123 45 67``, the Malaysian ``012-345 6789``, the New Zealand ``(021) 123 4567``
    and the Irish ``(087) 123 4567``. Checked: it parses back (with its region as default) to the same valid number and
    holds no run that reads as an IPv4 address."""
    region = r.choice(regions)
    number = _uvs_valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    e164 = phonenumbers.format_number(number, pnf.E164)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    nsn = phonenumbers.national_significant_number(number)
    forms = [intl, e164, f"00{number.country_code} {rest}"]
    if region in ("NL", "SE", "IE", "NZ"):
        forms.append(f"{cc} (0){rest}")
    if region == "MY":
        forms.append(f"{cc}{nsn[:2]}-{nsn[2:5]} {nsn[5:]}")
    if region == "ES":
        forms.append(f"{cc} {nsn[:3]} {nsn[3:6]} {nsn[6:]}")
    if not international_only:
        forms.append(national)
        if region == "IT" and nsn.startswith("3"):
            forms += [f"{nsn[:3]} {nsn[3:]}", f"{nsn[:3]}/{nsn[3:]}"]
        if region == "ES":
            forms += [f"{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}", f"{nsn[:3]} {nsn[3:5]} {nsn[5:7]} {nsn[7:]}"]
        if region == "PL":
            forms += [f"{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}", f"({nsn[:2]}) {nsn[2:5]} {nsn[5:7]} {nsn[7:]}"]
        if region == "NL":
            forms += [f"0{nsn[:1]}-{nsn[1:]}" if nsn[0] == "6" else f"0{nsn[:2]}-{nsn[2:]}"]
        if region == "SE" and nsn[0] == "7":
            forms.append(f"0{nsn[:2]}-{nsn[2:5]} {nsn[5:7]} {nsn[7:]}")
        if region == "MY" and nsn[0] == "1":
            forms.append(f"0{nsn[:2]}-{nsn[2:5]} {nsn[5:]}")
        if region in ("NZ", "IE") and nsn[0] in "28":
            forms.append(f"(0{nsn[:2]}) {nsn[2:5]} {nsn[5:]}")
    choices = [t for t in forms if _unc_reads_back(t, region, number, leading_zero=True) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unvisited_e164(r: random.Random, region: str, kind: str = "") -> str:
    """A valid number of ``region`` in E.164 (``+393331234567``)."""
    return phonenumbers.format_number(_uvs_valid_number(r, region, kind), phonenumbers.PhoneNumberFormat.E164)


def unvisited_national(r: random.Random, region: str, kind: str = "") -> str:
    """A valid number of ``region`` in its national format (``06 12345678``, ``070-123 45 67``)."""
    number = _uvs_valid_number(r, region, kind)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def unvisited_invalid_phone(r: random.Random, regions: tuple[str, ...]) -> str:
    """A number written like an international phone number of ``regions`` that is valid nowhere: a valid one with a
    digit dropped or two added, drawn until libphonenumber rejects it with its ``+`` and nationally in every region."""
    for _ in range(800):
        number = _uvs_valid_number(r, r.choice(regions), "MOBILE")
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-1] if r.random() < 0.5 else digits + rand(r, string.digits, 2)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        national = []
        for g in regions:
            with contextlib.suppress(phonenumbers.NumberParseException):
                national.append(phonenumbers.parse(digits, g))
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and not any(
            phonenumbers.is_valid_number(p) for p in national
        ):
            return text
    raise AssertionError("no invalid number drawn")


def unvisited_grouped_id(r: random.Random, sizes: tuple[int, ...], sep: str, lead: str = "") -> str:
    """Digits grouped like a phone number (a VAT number, an organisation number, a parcel id), drawn until they read as
    no number of the split's regions, nationally or with a ``+``, with or without their first digit, and fail Luhn."""
    n = sum(sizes)
    for _ in range(400):
        digits = unvisited_digits(r, n, lead)
        if _uvs_no_phone(digits[1:]) and not _urm_luhn_windows(digits):
            break
    else:
        raise AssertionError(f"no id of {n} digits drawn")
    out, i = [], 0
    for size in sizes:
        out.append(digits[i : i + size])
        i += size
    return sep.join(out)


def unvisited_luhn_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits whose last is a Luhn check digit (a Swedish OCR payment reference, a pagoPA notice number, a
    loyalty card): no payment card, although it passes Luhn; drawn until no run reads as a phone of the regions."""
    while True:
        body = lead + rand(r, string.digits, n - 1 - len(lead))
        digits = body + _luhn_digit(body)
        if digits[0] != "0" and _uvs_no_phone(digits):
            return digits


def unvisited_personnummer(r: random.Random) -> str:
    """A Swedish personal identity number with the century, ``19YYMMDD-NNNC``: the check digit is Luhn's over the ten
    digits, so the twelve pass Luhn too (the century 19 adds ten). No card."""
    while True:
        ten = f"{r.randrange(40, 99):02d}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}{r.randrange(100, 999)}"
        digits = ten + _luhn_digit(ten)
        if _uvs_no_phone("19" + digits) and _uvs_no_phone(digits):
            return f"19{digits[:6]}-{digits[6:]}"


# Card numbers this split draws, from ranges the other splits do not: Visa's 4745 and 4970 (the latter co-badged with
# Cartes Bancaires), Visa V Pay's 4908, Mastercard's 5132, 5264 (a MyDebit co-badge) and 2228, Amex's 3751, JCB's
# 3539, and UnionPay's 19-digit 6212 (written 6-13, as Malaysian receipts print it, or in fours).
UNVISITED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4745", "4970"), (16,)),
    "vpay": (("4908",), (16,)),
    "mastercard": (("5132", "2228"), (16,)),
    "mydebit": (("5264",), (16,)),
    "amex": (("3751",), (15,)),
    "jcb": (("3539",), (16,)),
    "unionpay19": (("6212",), (19,)),
}


def unvisited_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNVISITED_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def unvisited_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) as people write it: Amex in 4-6-5, 19 digits in 6-13 or in fours,
    the others in fours, joined by ``sep``."""
    digits = unvisited_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    if len(digits) == 19 and r.random() < 0.5:
        return f"{digits[:6]}{sep or ' '}{digits[6:]}"
    return grouped(digits, card_groups(digits), sep)


# IBANs this split draws: Italy (27: the CIN check letter, five-digit ABI and CAB, twelve characters of account),
# Spain (24: bank, branch, the two control digits of the CCC, ten digits of account), Poland (28: the eight-digit
# sort code with its check digit, sixteen digits), the Netherlands (18: four letters of the bank, ten digits passing
# the eleven test), Sweden (24: three-digit bank code, seventeen digits) and Ireland (22: four letters of the bank, the
# six-digit sort code, eight digits). Every country of the registry has been drawn before; the containers are new.
UNVISITED_IBAN_LENGTHS = {"IT": 27, "ES": 24, "PL": 28, "NL": 18, "SE": 24, "IE": 22}
_UVS_CIN_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def _uvs_cin(bban22: str) -> str:
    total = 0
    for i, ch in enumerate(bban22):
        k = int(ch) if ch.isdigit() else ord(ch) - ord("A")
        total += _UVS_CIN_ODD[k] if i % 2 == 0 else k
    return chr(ord("A") + total % 26)


def _uvs_ccc_digit(digits: str) -> str:
    weights = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)
    value = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return str({10: 1, 11: 0}.get(value, value))


def _uvs_bban(r: random.Random, country: str) -> str:
    if country == "IT":
        rest = (
            pick(r, "03069", "02008", "05034", "01030", "03111")
            + rand(r, string.digits, 5)
            + rand(r, string.digits, 12)
        )
        return _uvs_cin(rest) + rest
    if country == "ES":
        bank = pick(r, "2100", "0049", "0182", "2080", "0081") + rand(r, string.digits, 4)
        account = rand(r, string.digits, 10)
        return bank + _uvs_ccc_digit("00" + bank) + _uvs_ccc_digit(account) + account
    if country == "PL":
        sort7 = pick(r, "1090", "1140", "1020", "1240", "1160") + rand(r, string.digits, 3)
        check = (10 - sum(int(d) * w for d, w in zip(sort7, (3, 9, 7, 1, 3, 9, 7), strict=True)) % 10) % 10
        return sort7 + str(check) + rand(r, string.digits, 16)
    if country == "NL":
        bank = pick(r, "ABNA", "RABO", "TRIO", "SNSB", "ASNB", "KNAB")
        while True:
            account = rand(r, string.digits, 10)
            if sum(int(d) * w for d, w in zip(account, range(10, 0, -1), strict=True)) % 11 == 0:
                return bank + account
    if country == "SE":
        return pick(r, "500", "800", "300", "600", "120") + rand(r, string.digits, 17)
    assert country == "IE"
    return pick(r, "AIBK", "BOFI", "IPBS", "ULSB") + pick(r, "93", "90", "99", "98") + rand(r, string.digits, 12)


def unvisited_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Italy, Spain, Poland, the Netherlands, Sweden or Ireland with its national check digits right,
    compact or in groups of four (``grouped`` None: either); ``valid`` False: its IBAN check digits are wrong."""
    country = country or r.choice(sorted(UNVISITED_IBAN_LENGTHS))
    bban = _uvs_bban(r, country)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNVISITED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


def unvisited_nz_account(r: random.Random) -> str:
    """A New Zealand bank account (bank, branch, account, suffix: ``12-3140-0123456-00``): no IBAN (New Zealand has
    none), drawn until its digits read as no phone and pass no Luhn."""
    while True:
        bank = pick(r, "01", "02", "06", "12", "38")
        text = f"{bank}-{rand(r, string.digits, 4)}-{rand(r, string.digits, 7)}-0{r.randrange(0, 4)}"
        digits = text.replace("-", "")
        if _uvs_no_phone(digits) and not _urm_luhn_windows(digits):
            return text


def unvisited_bankgiro(r: random.Random) -> str:
    """A Swedish Bankgiro number (seven or eight digits, the last a Luhn check digit, ``5050-1055``): a payee id."""
    body = r.choice("1234589") + rand(r, string.digits, r.choice((5, 6)))
    digits = body + _luhn_digit(body)
    return f"{digits[:-4]}-{digits[-4:]}"


UNVISITED_HASH_FAMILIES = ("odf", "dmg", "sshng", "gpg", "keystore", "pkzip2", "kwallet", "ecryptfs")


def unvisited_password_hash(r: random.Random, family: str = "") -> str:
    """Password-derived material of one family as John the Ripper's extractors write it (``family`` empty: any): an
    OpenDocument file (``odf2john``: ``$odf$*1*1*100000*32*``), an Apple disk image (``dmg2john``: ``$dmg$1*20*``), an
    encrypted OpenSSH key (``ssh2john``: ``$sshng$6$16$``), a GnuPG secret key (``gpg2john``: ``$gpg$*1*``), a Java
    keystore (``keystore2john``: ``$keystore$0$``), a PKZIP archive (``zip2john``: ``$pkzip2$1*2*2*0*``), a KDE wallet
    (``kwallet2john``: ``$kwallet$112$``) and an eCryptfs wrapped passphrase (``$ecryptfs$0$1$``)."""
    family = family or r.choice(UNVISITED_HASH_FAMILIES)
    h = functools.partial(_hexbytes, r)
    if family == "odf":
        return f"$odf$*1*1*100000*32*{h(32)}*16*{h(16)}*16*{h(16)}*0*{h(r.choice((256, 512, 1024)))}"
    if family == "dmg":
        return f"$dmg$1*20*{h(20)}*48*{h(48)}*48*{h(48)}"
    if family == "sshng":
        size = r.choice((1056, 1824, 2608))
        return f"$sshng$6$16${h(16)}${size}${h(size // 8)}$16${pick(r, '16', '24', '64')}"
    if family == "gpg":
        return f"$gpg$*1*668*2048*{h(334)}*3*254*2*7*16*{h(16)}*65011712*{h(8)}"
    if family == "keystore":
        size = r.randrange(900, 1400)
        return f"$keystore$0${size}${h(96)}${h(20)}$1$1190${h(64)}"
    if family == "pkzip2":
        crc, size = h(4), r.randrange(300, 900)
        return f"$pkzip2$1*2*2*0*{size:x}*{size + 120:x}*{crc}*0*2e*8*{size:x}*{crc[:4]}*{h(64)}*$/pkzip2$"
    if family == "kwallet":
        return f"$kwallet$112${h(112)}$1$56${h(56)}$50000"
    assert family == "ecryptfs"
    return f"$ecryptfs$0$1${h(8)}${h(8)}"


def unvisited_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r, "Montalcino", "Pienza", "Chianti", "Huesca", "Jaca", "Kartuzy", "Kaszuby", "Maastricht", "Venlo",
        "Sodermalm", "Skeppsholmen", "Penang", "Balik", "Raglan", "Kaikoura", "Dingle", "Kinsale", "Burano",
    )  # fmt: skip
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_", "$", "?", ".")


def unvisited_email(r: random.Random) -> str:
    """An address of the split's people: Italian, Venetian, Aragonese, Spanish, Kashubian, Polish, Limburgish, Dutch,
    Swedish, Iban, Malay, Chinese-Malaysian, Māori, Irish and New Zealand names with dots, digits, hyphens and plus
    tags, at their providers and the big ones."""
    first = pick(
        r, "giulia.ferrari", "marco_bianchi", "nicolo.zanon", "bepi.scarpa", "chorche.lanuza", "lucia.sanchez",
        "kasia.kowalska", "jon.formela", "bartek-nowak", "sjra.hermans", "noor.vandijk", "lars.eriksson",
        "astrid_l", "jimbun.anak.ngau", "nur.aisyah", "tan.wei.ming", "aroha.ngata", "siobhan.oconnor",
        "padraig.walsh",
    )  # fmt: skip
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'sauna', 'durian', 'farm', 'bookings')}")
    domain = pick(
        r, "libero.it", "tiscali.it", "alice.it", "telefonica.net", "movistar.es", "wp.pl", "onet.pl", "o2.pl",
        "ziggo.nl", "kpnmail.nl", "telia.com", "bredband.net", "tm.net.my", "streamyx.com", "xtra.co.nz",
        "slingshot.co.nz", "eircom.net", "gmail.com", "outlook.com", "icloud.com", "proton.me",
    )  # fmt: skip
    return f"{local}@{domain}"


def unvisited_ref(r: random.Random) -> str:
    """A booking, parcel or ticket reference grouped like a phone number (``0333 771 4410``, ``06-4410 2291``), its
    digits drawn until they read as no number of the split's regions, nationally or with a ``+``, and fail Luhn."""
    digits = "0" + unvisited_digits(r, 9)
    while not (_uvs_no_phone(digits) and _uvs_no_phone(digits[1:]) and not luhn_ok(digits)):
        digits = "0" + unvisited_digits(r, 9)
    shape = r.randrange(3)
    if shape == 0:
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    if shape == 1:
        return f"{digits[:2]}-{digits[2:6]} {digits[6:]}"
    return f"{digits[:3]}/{digits[3:]}"


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def unvisited_nexi_key(r: random.Random) -> str:
    """A Nexi XPay (Italy) API key (``X-Api-Key``): a UUID."""
    return unvisited_uuid(r)


def unvisited_skebby_pair(r: random.Random) -> tuple[str, str]:
    """A Skebby (Italy) SMS session: the ``user_key`` (digits, an id) and the ``Access_token`` (32 letters and
    digits)."""
    return str(r.randrange(100000, 999999)), rand(r, ALNUM, 32)


def unvisited_scalapay_key(r: random.Random) -> str:
    """A Scalapay merchant API key (a bearer): 32 lower-case letters and digits."""
    return rand(r, string.ascii_lowercase + string.digits, 32)


def unvisited_holded_key(r: random.Random) -> str:
    """A Holded (Spain) API key (the ``key`` header): 32 hex digits."""
    return rand(r, HEX, 32)


def unvisited_altiria_pair(r: random.Random) -> tuple[str, str]:
    """An Altiria (Spain) SMS API key and secret (10 and 16 letters and digits)."""
    return rand(r, ALNUM, 10), rand(r, ALNUM, 16)


def unvisited_paycomet_token(r: random.Random) -> str:
    """A PAYCOMET (Spain) REST API token (``PAYCOMET-API-TOKEN``): 40 hex digits."""
    return rand(r, HEX, 40)


def unvisited_factorial_key(r: random.Random) -> str:
    """A Factorial HR (Spain) API key (``x-api-key``): 64 hex digits."""
    return rand(r, HEX, 64)


def unvisited_signaturit_token(r: random.Random) -> str:
    """A Signaturit (Spain) access token (a bearer): 86 letters and digits."""
    return rand(r, ALNUM, 86)


def unvisited_p24_pair(r: random.Random) -> tuple[str, str, str]:
    """A Przelewy24 (Poland) merchant: the POS id (digits, an id), the API reports key (32 hex digits, the Basic
    password) and the CRC key (16 hex digits, it signs transactions)."""
    return str(r.randrange(100000, 399999)), rand(r, HEX, 32), rand(r, HEX, 16)


def unvisited_payu_pair(r: random.Random) -> tuple[str, str]:
    """A PayU (Poland) POS's OAuth ``client_id`` (digits, an id) and ``client_secret`` (32 hex digits)."""
    return str(r.randrange(300000, 499999)), rand(r, HEX, 32)


def unvisited_smsapi_token(r: random.Random) -> str:
    """An SMSAPI.pl OAuth token (a bearer): 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unvisited_allegro_pair(r: random.Random) -> tuple[str, str]:
    """An Allegro (Poland) app's client id (32 hex digits) and client secret (64 letters and digits), sent as Basic."""
    return rand(r, HEX, 32), rand(r, ALNUM, 64)


def unvisited_fakturownia_token(r: random.Random) -> str:
    """A Fakturownia (Poland) ``api_token``: 20 letters and digits, a slash and the account's subdomain."""
    return rand(r, ALNUM, 20) + "/" + pick(r, "kaszebe-rowery", "sauna-flotte", "agriturismo-pienza")


def unvisited_baselinker_token(r: random.Random) -> str:
    """A BaseLinker (Poland) API token (``X-BLToken``): the user id, the token id and 40 capitals and digits."""
    return f"{r.randrange(1000, 9999)}-{r.randrange(10000, 99999)}-{rand(r, UPPER, 40)}"


def unvisited_buckaroo_pair(r: random.Random) -> tuple[str, str]:
    """A Buckaroo (Netherlands) website key (10 letters and digits, an id) and secret key (32 letters and digits)."""
    return rand(r, ALNUM, 10), rand(r, ALNUM, 32)


def unvisited_exact_token(r: random.Random) -> str:
    """An Exact Online (Netherlands) OAuth access token (a bearer): ``stampNL001.`` and a long base64url body."""
    return "stampNL001." + rand(r, B64URL, r.randrange(300, 420))


def unvisited_moneybird_token(r: random.Random) -> str:
    """A Moneybird (Netherlands) API token (a bearer): 43 base64url characters."""
    return rand(r, B64URL, 43)


def unvisited_postnl_key(r: random.Random) -> str:
    """A PostNL API key (the ``apikey`` header): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unvisited_klarna_pair(r: random.Random) -> tuple[str, str]:
    """A Klarna API credential: the username (``K`` and the merchant id, an underscore and hex) and the password
    (``klarna_live_api_`` and a long letters-and-digits body), sent as Basic."""
    user = f"K{r.randrange(100000, 999999)}_{rand(r, HEX, 12)}"
    return user, "klarna_live_api_" + rand(r, ALNUM + "_-", 80)


def unvisited_fortnox_pair(r: random.Random) -> tuple[str, str]:
    """A Fortnox (Sweden) legacy integration's ``Access-Token`` (a UUID) and ``Client-Secret`` (10 letters)."""
    return unvisited_uuid(r), rand(r, ALNUM, 10)


def unvisited_billplz_key(r: random.Random) -> str:
    """A Billplz (Malaysia) API secret key (a UUID; the Basic user with an empty password)."""
    return unvisited_uuid(r)


def unvisited_toyyibpay_key(r: random.Random) -> str:
    """A toyyibPay (Malaysia) ``userSecretKey``: four groups of letters and digits, dashed."""
    return "-".join(rand(r, string.ascii_lowercase + string.digits, 8) for _ in range(4))


def unvisited_senangpay_pair(r: random.Random) -> tuple[str, str]:
    """A senangPay (Malaysia) merchant id (15 digits, an id) and secret key (a 19-character key with dashes)."""
    return rand(r, string.digits, 15), f"{r.randrange(1000, 9999)}-{r.randrange(100, 999)}-{rand(r, UPPER, 10)}"


def unvisited_molpay_pair(r: random.Random) -> tuple[str, str]:
    """A Razer Merchant Services (MOLPay) verify key and secret key (32 hex digits each)."""
    return rand(r, HEX, 32), rand(r, HEX, 32)


def unvisited_easyparcel_key(r: random.Random) -> str:
    """An EasyParcel (Malaysia) API key: ``EP-`` and 9 capitals and digits."""
    return "EP-" + rand(r, UPPER, 9)


def unvisited_windcave_pair(r: random.Random) -> tuple[str, str]:
    """A Windcave (New Zealand) REST username and API key (64 hex digits), sent as Basic; PxPay takes the same key."""
    return pick(r, "SaunaFlotteREST", "RaglanSurfREST", "KaikouraToursREST"), rand(r, HEX, 64)


def unvisited_laybuy_pair(r: random.Random) -> tuple[str, str]:
    """A Laybuy (New Zealand) merchant id (digits) and API key (40 letters and digits), sent as Basic."""
    return str(r.randrange(100000, 999999)), rand(r, ALNUM, 40)


def unvisited_teamwork_key(r: random.Random) -> str:
    """A Teamwork.com (Ireland) API key (the Basic user, the password any letter): ``twp_`` and 28 letters and
    digits."""
    return "twp_" + rand(r, ALNUM, 28)


def unvisited_realex_secret(r: random.Random) -> str:
    """A Global Payments (Realex, Ireland) shared secret: 10 letters and digits."""
    return rand(r, ALNUM, 10)


def unvisited_mathpix_key(r: random.Random) -> str:
    """A Mathpix ``app_key``: 64 hex digits (the ``app_id`` beside it is a name)."""
    return rand(r, HEX, 64)


def unvisited_twelvelabs_key(r: random.Random) -> str:
    """A Twelve Labs API key (``x-api-key``): ``tlk_`` and 34 capitals and digits."""
    return "tlk_" + rand(r, UPPER, 34)


def unvisited_tavus_key(r: random.Random) -> str:
    """A Tavus API key (``x-api-key``): 32 hex digits."""
    return rand(r, HEX, 32)


def unvisited_agentops_key(r: random.Random) -> str:
    """An AgentOps API key (``X-Agentops-Api-Key``): a UUID."""
    return unvisited_uuid(r)


def unvisited_agenta_key(r: random.Random) -> str:
    """An Agenta API key (``Authorization: ApiKey``): an eight-character prefix, a dot and 64 letters and digits."""
    return f"{rand(r, ALNUM, 8)}.{rand(r, ALNUM, 64)}"


def unvisited_cognee_key(r: random.Random) -> str:
    """A cognee cloud API key (``X-Api-Key``): 48 letters and digits."""
    return rand(r, ALNUM, 48)


def unvisited_krea_token(r: random.Random) -> str:
    """A Krea API token (a bearer): a UUID, a colon and 32 letters and digits."""
    return f"{unvisited_uuid(r)}:{rand(r, ALNUM, 32)}"


def unvisited_reducto_key(r: random.Random) -> str:
    """A Reducto API key (a bearer): 64 hex digits."""
    return rand(r, HEX, 64)


def unvisited_contextual_key(r: random.Random) -> str:
    """A Contextual AI API key (a bearer): ``key-`` and 40 letters, digits and dashes."""
    return "key-" + rand(r, ALNUM + "-", 40)


def unvisited_inferless_key(r: random.Random) -> str:
    """An Inferless workspace API key (a bearer): 48 letters and digits."""
    return rand(r, ALNUM, 48)


def unvisited_miro_token(r: random.Random) -> str:
    """A Miro REST API access token (a bearer): base64url of ``{"miro.origin":"eu01"}``, an underscore and 27
    base64url characters (one segment, no JWT)."""
    return "eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_" + rand(r, B64URL, 27)


def unvisited_coda_token(r: random.Random) -> str:
    """A Coda API token (a bearer): a UUID."""
    return unvisited_uuid(r)


def unvisited_lemlist_key(r: random.Random) -> str:
    """A lemlist API key (the Basic password with an empty user): 32 hex digits."""
    return rand(r, HEX, 32)


def unvisited_instantly_key(r: random.Random) -> str:
    """An Instantly v2 API key (a bearer): base64 of a UUID, a colon and 12 letters."""
    return b64(f"{unvisited_uuid(r)}:{rand(r, string.ascii_letters, 12)}".encode())


def unvisited_smartlead_key(r: random.Random) -> str:
    """A Smartlead API key (``?api_key=``): a UUID and an underscore and six letters and digits."""
    return f"{unvisited_uuid(r)}_{rand(r, string.ascii_lowercase + string.digits, 6)}"


def unvisited_clearbit_key(r: random.Random) -> str:
    """A Clearbit secret key (a bearer): ``sk_`` and 32 hex digits."""
    return "sk_" + rand(r, HEX, 32)


def unvisited_lusha_key(r: random.Random) -> str:
    """A Lusha API key (the ``api_key`` header): a UUID."""
    return unvisited_uuid(r)


def unvisited_gong_pair(r: random.Random) -> tuple[str, str]:
    """A Gong access key (32 capitals and digits) and access key secret (a long base64url string), sent as Basic."""
    return rand(r, UPPER, 32), rand(r, B64URL, 120)


def unvisited_fathom_key(r: random.Random) -> str:
    """A Fathom (meeting notes) API key (``X-Api-Key``): 40 base64url characters."""
    return rand(r, B64URL, 40)


def unvisited_fireflies_key(r: random.Random) -> str:
    """A Fireflies.ai API key (a bearer): a UUID."""
    return unvisited_uuid(r)


def unvisited_bubble_token(r: random.Random) -> str:
    """A Bubble Data API token (a bearer): 32 hex digits."""
    return rand(r, HEX, 32)


def unvisited_storyblok_token(r: random.Random) -> str:
    """A Storyblok preview access token (the ``token`` query parameter of draft content): 22 letters and digits and
    ``tt``."""
    return rand(r, ALNUM, 22) + "tt"


def unvisited_comet_key(r: random.Random) -> str:
    """A Comet (Opik) API key: 25 letters and digits."""
    return rand(r, ALNUM, 25)


def unvisited_bandwidth_pair(r: random.Random) -> tuple[str, str]:
    """A Bandwidth API user and password, sent as Basic."""
    return pick(r, "sauna-sms", "durian-orders", "farmstay-voice"), password(r)


def _uvs_iat(r: random.Random) -> int:
    return 1_775_000_000 + r.randrange(10**6)


def unvisited_inpost_jwt(r: random.Random) -> str:
    """An InPost ShipX API token (RS256, the organisation's scopes, issued by InPost's login)."""
    iat = _uvs_iat(r)
    claims = {"exp": iat + 315_360_000, "iat": iat, "jti": unvisited_uuid(r),
              "iss": "https://login.inpost.pl/auth/realms/external",
              "sub": f"f:{unvisited_uuid(r)}:{r.randrange(10**5, 10**6)}",
              "typ": "Bearer", "azp": "shipx", "scope": "openid api:apipoints api:shipx",
              "allowed_refs": "", "email": ""}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT", "kid": rand(r, B64URL, 43)}, claims, 256)


def unvisited_allegro_jwt(r: random.Random) -> str:
    """An Allegro REST API access token (RS256: the user, the client id and the authorities)."""
    iat = _uvs_iat(r)
    claims = {"user_name": str(r.randrange(10**7, 10**8)),
              "scope": ["allegro:api:orders:read", "allegro:api:sale:offers:write"],
              "allegro_api": True, "iss": "https://allegro.pl", "exp": iat + 43_200, "jti": unvisited_uuid(r),
              "client_id": rand(r, HEX, 32)}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT"}, claims, 256)


def unvisited_bol_jwt(r: random.Random) -> str:
    """A bol.com Retailer API access token (RS256, client credentials, five minutes)."""
    iat = _uvs_iat(r)
    claims = {"sub": unvisited_uuid(r), "aud": "https://api.bol.com", "iss": "https://login.bol.com", "iat": iat,
              "exp": iat + 299, "scope": ["RETAILER"], "client_id": unvisited_uuid(r)}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": rand(r, HEX, 8), "typ": "JWT"}, claims, 256)


def unvisited_fortnox_jwt(r: random.Random) -> str:
    """A Fortnox OAuth access token (RS256: the tenant, the scopes, an hour)."""
    iat = _uvs_iat(r)
    claims = {"iss": "https://apps.fortnox.se/oauth-v1", "aud": "fortnox-api", "sub": unvisited_uuid(r),
              "tenantId": r.randrange(10**6, 10**7), "scope": "invoice customer bookkeeping", "iat": iat,
              "exp": iat + 3600, "authsource": "OAUTH2"}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT", "kid": "fnox-" + rand(r, HEX, 6)}, claims, 256)


def unvisited_klarna_client_token(r: random.Random) -> str:
    """A Klarna Payments session ``client_token`` (ES256: the session, the merchant, the base URL)."""
    claims = {"session_id": unvisited_uuid(r), "base_url": "https://js.klarna.com/eu/kp/legacy/payments",
              "design": "klarna", "language": pick(r, "sv", "nl", "en", "pl"),
              "purchase_country": pick(r, "SE", "NL", "PL"),
              "environment": "production", "merchant_name": pick(r, "Sauna Flotte AB", "Kaszëbë Rowery"),
              "session_type": "PAYMENTS", "client_event_base_url": "https://eu.klarnaevt.com"}  # fmt: skip
    return _signed_jwt(r, {"alg": "ES256", "kid": unvisited_uuid(r), "typ": "JWT"}, claims, 64)


def unvisited_payload_jwt(r: random.Random) -> str:
    """A Payload CMS login token (the ``payload-token`` cookie): HS256 with the user's id, collection and e-mail
    claim left empty here, two hours."""
    iat = _uvs_iat(r)
    claims = {"id": rand(r, HEX, 24), "collection": "users", "sid": unvisited_uuid(r), "iat": iat,
              "exp": iat + 7200}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unvisited_picnic_jwt(r: random.Random) -> str:
    """A Picnic (grocery delivery) app's ``x-picnic-auth`` token (HS512: the customer, the country, the client)."""
    iat = _uvs_iat(r)
    claims = {"sub": f"{r.randrange(100, 999)}-{r.randrange(100, 999)}-{r.randrange(1000, 9999)}",
              "iss": "picnic-dev", "aud": "picnic-app", "pc:clid": 30100, "pc:did": rand(r, HEX, 16).upper(),
              "pc:pv:enabled": True, "pc:2fa": "VERIFIED", "pc:role": "STANDARD_USER", "pc:loc": pick(r, "NL", "DE"),
              "iat": iat, "exp": iat + 15_552_000}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS512", "typ": "JWT"}, claims, 64)


def unvisited_teamleader_jwt(r: random.Random) -> str:
    """A Teamleader Focus OAuth access token (RS256: the user and the app, an hour)."""
    iat = _uvs_iat(r)
    claims = {"aud": rand(r, HEX, 32), "jti": rand(r, HEX, 80), "iat": iat, "nbf": iat, "exp": iat + 3600,
              "sub": f"{r.randrange(10**4, 10**5)}:{r.randrange(10**5, 10**6)}", "scopes": []}  # fmt: skip
    return _signed_jwt(r, {"typ": "JWT", "alg": "RS256"}, claims, 256)


def unvisited_directus_jwt(r: random.Random) -> str:
    """A Directus access token (HS256: the user, the role, app and admin access, ``iss: directus``)."""
    iat = _uvs_iat(r)
    claims = {"id": unvisited_uuid(r), "role": unvisited_uuid(r), "app_access": True, "admin_access": False,
              "session": rand(r, B64URL, 64), "iat": iat, "exp": iat + 900, "iss": "directus"}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


# ---------------------------------------------------------------------------- the unwatched split's own values
#
# Written for the thirty-sixth split only, by a thirtieth session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, the French RIB key and the Belgian account check). Digit runs of nine or ten digits
# are kept out of the negatives: with the split's regions nearly every such run is some valid phone number.

UNWATCHED_REGIONS = ("US", "GB", "DE", "FR", "JP", "KR", "CA", "AU")


def unwatched_uuid(r: random.Random) -> str:
    """A version-4 UUID, drawn until no twelve decimal digits stand together (across a dash either), so that no card or
    phone can be read out of it."""
    while True:
        text = str(uuid.UUID(int=r.getrandbits(128), version=4))
        if not re.search(r"\d{12}", text.replace("-", "")):
            return text


def _uwd_word(r: random.Random, n: int) -> str:
    """``n`` hex digits with a letter among them and no run of four decimal digits (which could read as a number)."""
    while True:
        word = rand(r, HEX, n)
        if not any(word[i : i + 4].isdigit() for i in range(max(1, n - 3))) and not word.isdigit():
            return word


def _uwd_no_phone(digits: str, regions: tuple[str, ...] = UNWATCHED_REGIONS) -> bool:
    """Whether ``digits`` reads as no valid number of ``regions`` nationally nor anywhere with a ``+``."""
    for text, region in [(digits, g) for g in regions] + [("+" + digits, None)]:
        with contextlib.suppress(phonenumbers.NumberParseException):
            if phonenumbers.is_valid_number(phonenumbers.parse(text, region)):
                return False
    return True


def unwatched_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits (``lead`` first) that read as no phone number of the split's regions, nationally or with a ``+``,
    and of which no run of 12 to 19 passes Luhn (no card can be read out of them). Nine and ten digits cannot be drawn
    so (some region always takes them), nor can fewer than four."""
    assert n not in (9, 10) and n >= 4, n
    while True:
        head = lead or r.choice("123456789")
        digits = head + rand(r, string.digits, n - len(head))
        if not luhn_ok(digits) and not _urm_luhn_windows(digits) and _uwd_no_phone(digits):
            return digits


def unwatched_epoch(r: random.Random, millis: bool = False) -> int:
    """Epoch seconds (or milliseconds) in April 2026, drawn until no run of them passes Luhn and they read as no phone
    number with a ``+`` (ten digits beginning ``17`` are a valid German mobile for libphonenumber, so the national
    reading cannot be avoided for seconds: an epoch is no phone number all the same)."""
    while True:
        seconds = 1_775_000_000 + r.randrange(2_500_000)
        value = seconds * 1000 + r.randrange(1000) if millis else seconds
        text = str(value)
        if _urm_luhn_windows(text) or luhn_ok(text):
            continue
        with contextlib.suppress(phonenumbers.NumberParseException):
            if phonenumbers.is_valid_number(phonenumbers.parse("+" + text)):
                continue
        if millis and not _uwd_no_phone(text):
            continue
        return value


# This split's regions: the United States and Canada (+1: ten digits, no 555 exchange; Honolulu 808, Manhattan 212,
# Seattle 206, Toronto 416, Vancouver 604, Montreal 514), the United Kingdom (+44: mobiles 07xxx, London 020, Truro
# 01872, Penzance 01736), Germany (+49: mobiles 015x-017x, Berlin 030, Munich 089, Cologne 0221), France (+33: nine
# digits, mobiles 06/07, Paris 01, Amiens and Lille 03), Japan (+81: mobiles 090/080/070, Tokyo 03, Osaka 06, Kyoto
# 075, Sapporo 011, Kutchan 0136), South Korea (+82: mobiles 010, Seoul 02, Gyeonggi 031, Busan 051) and Australia
# (+61: mobiles 04xx, Sydney 02, Melbourne 03, Brisbane 07, Perth 08).
_UWD_HEADS: dict[str, dict[str, tuple[tuple[str, ...], tuple[int, ...]]]] = {
    "US": {
        "MOBILE": (("808", "212", "206", "312", "415", "617"), (10,)),
        "FIXED_LINE": (("808", "212", "206", "312", "415", "617"), (10,)),
    },
    "CA": {
        "MOBILE": (("416", "604", "514", "403", "613"), (10,)),
        "FIXED_LINE": (("416", "604", "514", "403", "613"), (10,)),
    },
    "GB": {
        "MOBILE": (("7911", "7825", "7733", "7480", "7956", "7412"), (10,)),
        "FIXED_LINE": (("20", "1872", "1736", "161", "131"), (10,)),
    },
    "DE": {
        "MOBILE": (("151", "152", "160", "170", "171", "176"), (10, 11)),
        "FIXED_LINE": (("30", "89", "221", "40"), (9, 10)),
    },
    "FR": {"MOBILE": (("6", "7"), (9,)), "FIXED_LINE": (("1", "3", "4", "5"), (9,))},
    "JP": {"MOBILE": (("90", "80", "70"), (10,)), "FIXED_LINE": (("3", "6", "75", "11", "136"), (9,))},
    "KR": {"MOBILE": (("10",), (10,)), "FIXED_LINE": (("2", "31", "51"), (9, 10))},
    "AU": {"MOBILE": (("4",), (9,)), "FIXED_LINE": (("2", "3", "7", "8"), (9,))},
}
_UWD_CODES = {"US": 1, "CA": 1, "GB": 44, "DE": 49, "FR": 33, "JP": 81, "KR": 82, "AU": 61}


def _uwd_valid_number(r: random.Random, region: str, kind: str = "") -> phonenumbers.PhoneNumber:
    kind = kind or pick(r, "MOBILE", "MOBILE", "FIXED_LINE")
    heads, sizes = _UWD_HEADS[region][kind]
    for _ in range(3000):
        head = r.choice(heads)
        digits = head + rand(r, string.digits, r.choice(sizes) - len(head))
        if _UWD_CODES[region] == 1 and (digits[3:6] == "555" or digits[3] in "01"):
            continue
        if region == "GB" and digits.startswith(("207946", "7700900")):  # Ofcom's drama ranges
            continue
        number = phonenumbers.parse(f"+{_UWD_CODES[region]}{digits}")
        if (
            phonenumbers.is_valid_number_for_region(number, region)
            and len(set(digits)) > 3
            and not digits.endswith(("000", "1234"))
        ):
            return number
    raise AssertionError(f"no valid number drawn for {region}")


_UWD_FULLWIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


def unwatched_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as its people or their systems write it: international (spaced, E.164,
    ``00``, the British, German, French and Australian ``+44 (0)7911 ...``, the North American ``+1 (808) 321-4567``,
    the Japanese and Korean ``+81-3-1234-5678``), or, unless ``international_only``, national: the North American
    ``(808) 321-4567``, ``808-321-4567`` and ``1-808-321-4567``, the British ``07911 123456`` and ``(020) 7123 4567``,
    the German ``030/1234567`` and ``(089) 1234567``, the French ``06 12 34 56 78`` and ``0612345678``, the Japanese
    市外局番 forms ``03-1234-5678``, ``(03)1234-5678``, ``03(1234)5678`` and in full-width digits, the Korean
    ``010-1234-5678``, ``01012345678`` and ``010 1234 5678``, the Australian ``0412 345 678``, ``0412-345-678``,
    ``(02) 9123 4567`` and ``02 9123 4567``. Checked: it parses back (with its region as default) to the same valid
    number and holds no run that reads as an IPv4 address."""
    region = r.choice(regions)
    number = _uwd_valid_number(r, region)
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    e164 = phonenumbers.format_number(number, pnf.E164)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    nsn = phonenumbers.national_significant_number(number)
    forms = [intl, e164, f"00{number.country_code} {rest}"]
    if region in ("GB", "DE", "FR", "AU"):
        forms.append(f"{cc} (0){rest}")
    if region in ("US", "CA"):
        forms.append(f"+1 ({nsn[:3]}) {nsn[3:6]}-{nsn[6:]}")
    if region in ("JP", "KR"):
        forms.append(f"{cc}-{rest.replace(' ', '-')}")
    if not international_only:
        forms.append(national)
        if region in ("US", "CA"):
            forms += [f"{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}", f"1-{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}"]
        if region == "GB" and " " in national:
            area, tail = national.split(" ", 1)
            forms.append(f"({area}) {tail}")
        if region == "DE" and " " in national:
            area, tail = national.split(" ", 1)
            forms += [f"{area}/{tail.replace(' ', '')}", f"({area}) {tail}"]
        if region == "FR":
            forms.append(national.replace(" ", ""))
        if region == "JP" and national.count("-") == 2:
            area, local, line = national.split("-")
            forms += [f"({area}){local}-{line}", f"{area}({local}){line}", national.translate(_UWD_FULLWIDTH)]
        if region == "KR":
            forms += [national.replace("-", ""), national.replace("-", " ")]
        if region == "AU" and " " in national:
            if national.startswith("04"):
                forms.append(national.replace(" ", "-"))
            else:
                forms.append(national.replace("(", "").replace(")", ""))
    choices = [t for t in forms if _unc_reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unwatched_e164(r: random.Random, region: str, kind: str = "") -> str:
    """A valid number of ``region`` in E.164 (``+819012345678``)."""
    return phonenumbers.format_number(_uwd_valid_number(r, region, kind), phonenumbers.PhoneNumberFormat.E164)


def unwatched_national(r: random.Random, region: str, kind: str = "") -> str:
    """A valid number of ``region`` in its national format (``090-1234-5678``, ``0412 345 678``)."""
    number = _uwd_valid_number(r, region, kind)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def unwatched_nsn(r: random.Random, region: str, kind: str = "") -> str:
    """A valid number of ``region`` as its national significant digits (``412345678``, Xero's ``PhoneNumber``)."""
    return phonenumbers.national_significant_number(_uwd_valid_number(r, region, kind))


def unwatched_invalid_phone(r: random.Random, regions: tuple[str, ...] = UNWATCHED_REGIONS) -> str:
    """A number written like an international phone number of ``regions`` that is valid nowhere: a valid one with two
    digits dropped or three added, drawn until libphonenumber rejects it with its ``+`` and nationally in every
    region."""
    for _ in range(800):
        number = _uwd_valid_number(r, r.choice(regions), "MOBILE")
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-2] if r.random() < 0.5 else digits + rand(r, string.digits, 3)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and _uwd_no_phone(digits, regions):
            return text
    raise AssertionError("no invalid number drawn")


def unwatched_grouped_id(r: random.Random, sizes: tuple[int, ...], sep: str, lead: str = "") -> str:
    """Digits grouped like a phone number (an order, a parcel, a ticket), drawn until they read as no number of the
    split's regions, nationally or with a ``+``, with or without their first digit, and no run passes Luhn."""
    n = sum(sizes)
    assert n - 1 not in (9, 10), sizes
    for _ in range(400):
        digits = unwatched_digits(r, n, lead)
        if _uwd_no_phone(digits[1:]):
            break
    else:
        raise AssertionError(f"no id of {n} digits drawn")
    out, i = [], 0
    for size in sizes:
        out.append(digits[i : i + size])
        i += size
    return sep.join(out)


def unwatched_luhn_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits whose last is a Luhn check digit (a loyalty card, a device id): no payment card, although it passes
    Luhn; drawn until it reads as no phone of the regions."""
    while True:
        body = lead + rand(r, string.digits, n - 1 - len(lead))
        digits = body + _luhn_digit(body)
        if digits[0] != "0" and _uwd_no_phone(digits):
            return digits


def unwatched_imei(r: random.Random) -> str:
    """An IMEI (eight digits of a type allocation code, six of a serial, a Luhn check digit): 15 digits that pass Luhn
    and are no card; drawn until they read as no phone of the regions."""
    while True:
        body = pick(r, "35", "86", "01", "99") + rand(r, string.digits, 12)
        digits = body + _luhn_digit(body)
        if _uwd_no_phone(digits):
            return digits


def unwatched_rrn(r: random.Random) -> str:
    """A South Korean resident registration number (``YYMMDD-SBBBBNC``; the check digit is the old mod-11 one): a
    national id, no card, no phone; drawn until neither its 13 digits nor its halves' join pass Luhn or read as a
    phone."""
    while True:
        front = f"{r.randrange(60, 99):02d}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}"
        back = r.choice("12") + rand(r, string.digits, 5)
        body = front + back
        check = (
            11 - sum(int(d) * w for d, w in zip(body, (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5), strict=True)) % 11
        ) % 10
        digits = body + str(check)
        if not luhn_ok(digits) and _uwd_no_phone(digits):
            return f"{front}-{back}{check}"


def unwatched_my_number(r: random.Random) -> str:
    """A Japanese individual number (マイナンバー, twelve digits, the last a mod-11 check digit), printed in fours; no
    card (it fails Luhn), no phone."""
    while True:
        body = rand(r, string.digits, 11)
        total = sum(int(d) * (n + 1 if n <= 6 else n - 5) for n, d in enumerate(reversed(body), start=1))
        check = 0 if total % 11 <= 1 else 11 - total % 11
        digits = body + str(check)
        if digits[0] != "0" and not luhn_ok(digits) and _uwd_no_phone(digits):
            return f"{digits[:4]} {digits[4:8]} {digits[8:]}"


# Card numbers this split draws, from ranges the other splits do not: Visa's 4216 and 4539, Mastercard's 5425 and
# 2223 (a Japanese and a Korean issuer's), Amex's 3714, JCB's 3530 and 3558, Discover's 6440, Diners Club's 3095 and
# UnionPay's 16-digit 6200 (a Korean co-badge).
UNWATCHED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4216", "4539"), (16,)),
    "mastercard": (("5425", "2223"), (16,)),
    "amex": (("3714",), (15,)),
    "jcb": (("3530", "3558"), (16,)),
    "discover": (("6440",), (16,)),
    "diners": (("3095",), (14,)),
    "unionpay": (("6200",), (16,)),
}


def unwatched_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNWATCHED_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def unwatched_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) as people write it: Amex in 4-6-5, Diners in 4-6-4, the others in
    fours, joined by ``sep`` (spaces, dashes, nothing)."""
    digits = unwatched_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    return grouped(digits, card_groups(digits), sep)


# IBANs this split draws: Germany (22: the eight-digit Bankleitzahl, ten digits of account), France (27: five digits of
# bank, five of branch, eleven of account and the two-digit RIB key), Monaco (27, the French layout and key), the
# United Kingdom (22: four letters of the bank, the six-digit sort code, eight digits), Belgium (16: twelve digits whose
# last two are the first ten mod 97) and Luxembourg (20: three digits of bank, thirteen of account). Every country has
# been drawn before; the containers are new.
UNWATCHED_IBAN_LENGTHS = {"DE": 22, "FR": 27, "MC": 27, "GB": 22, "BE": 16, "LU": 20}


def _uwd_rib_key(bank: str, branch: str, account: str) -> str:
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97:02d}"


def _uwd_bban(r: random.Random, country: str) -> str:
    if country == "DE":
        return pick(r, "10070000", "70020270", "37040044", "50010517", "43060967", "70150000") + rand(
            r, string.digits, 10
        )
    if country in ("FR", "MC"):
        bank = pick(r, "30004", "30003", "20041", "10278", "12739") if country == "FR" else pick(r, "12739", "11808")
        branch, account = rand(r, string.digits, 5), rand(r, string.digits, 11)
        return bank + branch + account + _uwd_rib_key(bank, branch, account)
    if country == "GB":
        return (
            pick(r, "NWBK", "BARC", "LOYD", "HBUK", "MIDL", "MONZ")
            + rand(r, string.digits, 6)
            + rand(r, string.digits, 8)
        )
    if country == "BE":
        ten = pick(r, "001", "068", "310", "363", "735") + rand(r, string.digits, 7)
        return ten + f"{int(ten) % 97 or 97:02d}"
    assert country == "LU"
    return pick(r, "001", "002", "019", "030") + rand(r, string.digits, 13)


def unwatched_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Germany, France, Monaco, the United Kingdom, Belgium or Luxembourg with its national check digits
    right, compact or in groups of four (``grouped`` None: either); ``valid`` False: its IBAN check digits are
    wrong."""
    country = country or r.choice(sorted(UNWATCHED_IBAN_LENGTHS))
    bban = _uwd_bban(r, country)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNWATCHED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


def unwatched_zengin(r: random.Random) -> str:
    """A Japanese domestic account as a 全銀 transfer names it (bank code, branch code, 普通 and seven digits of
    account): no IBAN (Japan has none); drawn until the digits read as no phone and pass no Luhn."""
    while True:
        bank = pick(r, "0005", "0009", "0001", "0033", "0036")
        branch, account = rand(r, string.digits, 3), rand(r, string.digits, 7)
        digits = bank + branch + account
        if _uwd_no_phone(digits) and not _urm_luhn_windows(digits) and _uwd_no_phone(account):
            return f"{bank}-{branch} 普通 {account}"


def unwatched_kr_account(r: random.Random) -> str:
    """A Korean bank account as a transfer slip prints it (KB's 6-2-6 digits): no IBAN; drawn until its digits read as
    no phone and pass no Luhn."""
    while True:
        text = f"{rand(r, string.digits, 6)}-{pick(r, '01', '04', '21', '25')}-{rand(r, string.digits, 6)}"
        digits = text.replace("-", "")
        if digits[0] != "0" and _uwd_no_phone(digits) and not _urm_luhn_windows(digits):
            return text


def unwatched_bsb_account(r: random.Random) -> str:
    """An Australian BSB and account (``062-000 1234 5678``): no IBAN; drawn until neither the account nor the join
    reads as a phone and no run passes Luhn."""
    while True:
        bsb = pick(r, "062", "033", "083", "012", "732") + rand(r, string.digits, 3)
        account = rand(r, string.digits, 8)
        if (
            _uwd_no_phone(bsb + account)
            and _uwd_no_phone(account)
            and not _urm_luhn_windows(bsb + account)
            and account[0] != "0"
        ):
            return f"BSB {bsb[:3]}-{bsb[3:]} Acct {account[:4]} {account[4:]}"


def unwatched_ca_transit(r: random.Random) -> str:
    """A Canadian deposit account as a void cheque's MICR line gives it (transit, institution, account: five, three and
    seven digits): no IBAN; drawn until the digits read as no phone and pass no Luhn."""
    while True:
        transit, inst, account = (
            rand(r, string.digits, 5),
            pick(r, "003", "004", "006", "010"),
            rand(r, string.digits, 7),
        )
        digits = transit + inst + account
        if transit[0] != "0" and _uwd_no_phone(digits) and not _urm_luhn_windows(digits) and _uwd_no_phone(account):
            return f"transit {transit}-{inst} account {account}"


UNWATCHED_HASH_FAMILIES = ("iwork", "keychain", "asn", "fde", "winhello", "rar3hp", "vbox", "solarwinds")


def unwatched_hex_digest(r: random.Random, n: int = 32) -> str:
    """A digest of ``n`` random bytes in hex (a checksum, a content hash), drawn until no run of twelve decimal digits
    shows in it."""
    return _hexbytes(r, n)


def unwatched_password_hash(r: random.Random, family: str = "") -> str:
    """Password-derived material of one family as hashcat's example hashes and John's extractors write it (``family``
    empty: any): an Apple iWork document (``$iwork$2$1$4$4000$``), a macOS keychain (``$keychain$*``), Apple Secure
    Notes (``$ASN$*1*20000*``), Android full-disk encryption (``$fde$16$``), a Windows Hello PIN (``$WINHELLO$*SHA512*
    10000*``), a RAR3 archive with encrypted headers (``$RAR3$*0*``), a VirtualBox disk (``$vbox$0$``) and a SolarWinds
    Orion account (``$solarwinds$0$``)."""
    family = family or r.choice(UNWATCHED_HASH_FAMILIES)
    h = functools.partial(_hexbytes, r)
    if family == "iwork":
        return f"$iwork$2$1$4$4000${h(8)}${h(16)}${h(64)}"
    if family == "keychain":
        return f"$keychain$*{h(20)}*{h(8)}*{h(48)}"
    if family == "asn":
        return f"$ASN$*{r.randrange(1, 40)}*{pick(r, '20000', '40000', '100000')}*{h(16)}*{h(24)}"
    if family == "fde":
        return f"$fde$16${h(16)}$16${h(16)}${h(r.choice((384, 512)))}"
    if family == "winhello":
        return f"$WINHELLO$*SHA512*10000*{h(4)}*{h(32)}*{h(32)}*{h(256)}*{h(16)}*{h(384)}*{h(32)}"
    if family == "rar3hp":
        return f"$RAR3$*0*{h(8)}*{h(16)}"
    if family == "vbox":
        return f"$vbox$0${r.randrange(100000, 700000)}${h(32)}$16${h(64)}${r.randrange(10000, 30000)}${h(32)}${h(32)}"
    assert family == "solarwinds"
    user = pick(r, "admin", "noc", "orion_ro", "helpdesk")
    return f"$solarwinds$0${user}${b64(r.randbytes(64))}"


def unwatched_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r,
        "Niseko",
        "Kutchan",
        "Hirafu",
        "Yotei",
        "Insadong",
        "Bukchon",
        "Jongno",
        "Schwabing",
        "Haidhausen",
        "Truro",
        "Penzance",
        "Kernow",
        "Amiens",
        "Picardie",
        "Katowice",
        "Gliwice",
        "Kailua",
        "Waimea",
        "Manoa",
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_", "$", "?", ".")


def unwatched_email(r: random.Random) -> str:
    """An address of the split's people: Japanese, Korean, Hawaiian, Cornish, Bavarian, Picard, Silesian, Canadian and
    Australian names with dots, digits, hyphens and plus tags, at their providers and the big ones."""
    first = pick(
        r,
        "haruka.sato",
        "kenta_suzuki",
        "yui.tanaka",
        "minji.kim",
        "jihoon.park",
        "seoyeon_lee",
        "keoni.kahale",
        "leilani.akana",
        "tamsin.trelawny",
        "jory.pascoe",
        "sepp.huber",
        "resi.obermaier",
        "martin.lefebvre",
        "ginette.dupuis",
        "zofia.pyka",
        "hanys.kempa",
        "chloe.tremblay",
        "liam.nguyen",
        "matilda.obrien",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'ski', 'hanbok', 'piano', 'orders')}")
    domain = pick(
        r,
        "docomo.ne.jp",
        "ezweb.ne.jp",
        "softbank.ne.jp",
        "naver.com",
        "daum.net",
        "hanmail.net",
        "web.de",
        "t-online.de",
        "gmx.net",
        "orange.fr",
        "free.fr",
        "laposte.net",
        "btinternet.com",
        "sky.com",
        "bigpond.com",
        "optusnet.com.au",
        "shaw.ca",
        "videotron.ca",
        "hawaiiantel.net",
        "gmail.com",
        "icloud.com",
        "outlook.com",
        "proton.me",
    )
    return f"{local}@{domain}"


def unwatched_ref(r: random.Random) -> str:
    """A booking, parcel or ticket reference grouped like a phone number (``3712 845 90214``, ``48-2210-66931``), its
    digits drawn until they read as no number of the split's regions, nationally or with a ``+``, with or without
    their first digit, and pass no Luhn."""
    shape = r.randrange(3)
    if shape == 0:
        return unwatched_grouped_id(r, (4, 3, 5), " ")
    if shape == 1:
        return unwatched_grouped_id(r, (2, 4, 6), "-")
    return unwatched_grouped_id(r, (3, 4, 5), "/")


def unwatched_tracking(r: random.Random, carrier: str = "") -> str:
    """A parcel tracking number of the split's carriers: Yamato's and Sagawa's twelve digits in fours,
    USPS' 22 digits, Canada Post's 16, Australia Post's article id; drawn until no run passes Luhn or
    reads as a phone."""
    carrier = carrier or pick(r, "yamato", "sagawa", "usps", "canadapost", "auspost")
    if carrier == "yamato":
        return "ヤマト運輸 " + unwatched_grouped_id(r, (4, 4, 4), "-")
    if carrier == "sagawa":
        return "佐川急便 " + unwatched_grouped_id(r, (4, 4, 4), " ")
    if carrier == "usps":
        return "USPS " + unwatched_grouped_id(r, (4, 4, 4, 4, 4, 2), " ", "9400")
    if carrier == "canadapost":
        return "Canada Post " + unwatched_grouped_id(r, (16,), "", "7")
    return f"AusPost 33{rand(r, string.ascii_uppercase, 3)}{unwatched_digits(r, 13)}"


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def unwatched_paypay_pair(r: random.Random) -> tuple[str, str, str]:
    """A PayPay for Developers (Japan) merchant: the merchant id (digits, an id), the API key (``a_``, ten letters and
    digits, ``_`` and four) and the API secret (44 base64 characters, it signs the ``hmac OPA-Auth`` header)."""
    key = f"a_{rand(r, ALNUM, 10)}_{rand(r, ALNUM, 4)}"
    return str(r.randrange(10**17, 10**18)), key, b64(r.randbytes(33))


def unwatched_komoju_key(r: random.Random) -> str:
    """A KOMOJU (Japan) secret key (the Basic user, empty password): ``sk_`` and 40 hex digits."""
    return "sk_" + _hexbytes(r, 20)


def unwatched_payjp_key(r: random.Random) -> str:
    """A PAY.JP secret key (the Basic user, empty password): ``sk_live_`` and 48 hex digits."""
    return "sk_live_" + _hexbytes(r, 24)


def unwatched_freee_token(r: random.Random) -> str:
    """A freee (Japan) OAuth access token (a bearer): 64 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 64)


def unwatched_smarthr_token(r: random.Random) -> str:
    """A SmartHR (Japan) API access token (a bearer): ``shr_``, four hex digits, ``_`` and 64 letters and digits."""
    return f"shr_{_hexbytes(r, 2)}_{rand(r, ALNUM, 64)}"


def unwatched_sansan_key(r: random.Random) -> str:
    """A Sansan (Japan) API key (``X-Sansan-Api-Key``): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unwatched_kintone_token(r: random.Random) -> str:
    """A kintone (Cybozu, Japan) app API token (``X-Cybozu-API-Token``): 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unwatched_backlog_key(r: random.Random) -> str:
    """A Backlog (Nulab, Japan) API key (the ``apiKey`` query parameter): 64 letters and digits."""
    return rand(r, ALNUM, 64)


def unwatched_chatwork_token(r: random.Random) -> str:
    """A Chatwork (Japan) API token (``X-ChatWorkToken``): 32 hex digits."""
    return _hexbytes(r, 16)


def unwatched_moneyforward_token(r: random.Random) -> str:
    """A Money Forward Cloud (Japan) OAuth access token (a bearer): 43 base64url characters."""
    return rand(r, B64URL, 43)


def unwatched_td_key(r: random.Random) -> str:
    """A Treasure Data (Japan) master API key (``Authorization: TD1``): the account id, a slash and 40 hex digits."""
    return f"{r.randrange(1000, 99999)}/{_hexbytes(r, 20)}"


def unwatched_rakuten_pair(r: random.Random) -> tuple[str, str]:
    """A Rakuten RMS (Japan) service secret and license key (``SP`` and ``SL`` and 16 letters and digits each), sent
    base64-joined in the ``ESA`` scheme."""
    return "SP" + rand(r, UPPER, 16), "SL" + rand(r, UPPER, 16)


def unwatched_toss_key(r: random.Random) -> str:
    """A Toss Payments (Korea) secret key (the Basic user, empty password): ``live_sk_`` and 20 letters and digits."""
    return "live_sk_" + rand(r, ALNUM, 20)


def unwatched_portone_secret(r: random.Random) -> str:
    """A PortOne V2 (Korea) API secret (``Authorization: PortOne``): 80 letters and digits."""
    return rand(r, ALNUM, 80)


def unwatched_solapi_pair(r: random.Random) -> tuple[str, str]:
    """A Solapi (CoolSMS, Korea) API key (``NCS`` and 13 capitals and digits, named in the signed header) and API secret
    (32 capitals and digits, it signs)."""
    return "NCS" + rand(r, UPPER, 13), rand(r, UPPER, 32)


def unwatched_aligo_key(r: random.Random) -> str:
    """An Aligo (Korea) SMS API key (the ``key`` form field): 32 lower-case letters and digits."""
    return rand(r, string.ascii_lowercase + string.digits, 32)


def unwatched_cafe24_token(r: random.Random) -> str:
    """A Cafe24 (Korea) OAuth access token (a bearer): 22 letters and digits."""
    return rand(r, ALNUM, 22)


def unwatched_nicepay_pair(r: random.Random) -> tuple[str, str]:
    """A NICEPAY (Korea) client key (``R2_`` and 32 hex digits, public) and secret key (32 hex digits), as Basic."""
    return "R2_" + _hexbytes(r, 16), _hexbytes(r, 16)


def unwatched_channeltalk_pair(r: random.Random) -> tuple[str, str]:
    """A Channel Talk (Korea) API access key and access secret (24 and 32 hex digits; ``x-access-key`` and
    ``x-access-secret``)."""
    return _hexbytes(r, 12), _hexbytes(r, 16)


def unwatched_afterpay_pair(r: random.Random) -> tuple[str, str]:
    """An Afterpay (Australia) merchant id (digits) and secret key (128 hex digits), sent as Basic."""
    return str(r.randrange(30000, 99999)), _hexbytes(r, 64)


def unwatched_tyro_token(r: random.Random) -> str:
    """A Tyro (Australia) connect access token (a bearer): 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unwatched_deputy_token(r: random.Random) -> str:
    """A Deputy (Australia) permanent token (``Authorization: OAuth``): 32 hex digits."""
    return _hexbytes(r, 16)


def unwatched_ehero_token(r: random.Random) -> str:
    """An Employment Hero (Australia) API token (a bearer): 64 hex digits."""
    return _hexbytes(r, 32)


def unwatched_safetyculture_token(r: random.Random) -> str:
    """A SafetyCulture (Australia) API token (a bearer): 64 hex digits."""
    return _hexbytes(r, 32)


def unwatched_servicem8_key(r: random.Random) -> str:
    """A ServiceM8 (Australia) API key (``X-API-Key``): ``smk-``, six hex digits, ``-`` and 16 hex digits."""
    return f"smk-{_hexbytes(r, 3)}-{_hexbytes(r, 8)}"


def unwatched_helcim_token(r: random.Random) -> str:
    """A Helcim (Canada) API token (the ``api-token`` header): 40 letters, digits, ``.``, ``-`` and ``_``."""
    return rand(r, ALNUM + ".-_", 40)


def unwatched_clio_token(r: random.Random) -> str:
    """A Clio (Canada) OAuth access token (a bearer): 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unwatched_dialpad_key(r: random.Random) -> str:
    """A Dialpad API key (a bearer): 60 letters and digits."""
    return rand(r, ALNUM, 60)


def unwatched_flinks_key(r: random.Random) -> str:
    """A Flinks (Canada) API secret (``x-api-key``): a UUID."""
    return unwatched_uuid(r)


def unwatched_plooto_token(r: random.Random) -> str:
    """A Plooto (Canada) access token (a bearer): 48 letters and digits."""
    return rand(r, ALNUM, 48)


def unwatched_payfit_key(r: random.Random) -> str:
    """A PayFit (France) partner API key (a bearer): ``pfk_`` and 40 letters and digits."""
    return "pfk_" + rand(r, ALNUM, 40)


def unwatched_lydia_pair(r: random.Random) -> tuple[str, str]:
    """A Lydia (France) business account's ``vendor_token`` (public, 24 hex digits) and ``private_token`` (24 hex
    digits)."""
    return _hexbytes(r, 12), _hexbytes(r, 12)


def unwatched_stancer_key(r: random.Random) -> str:
    """A Stancer (France) secret key (the Basic user, empty password): ``sprod_`` and 24 letters and digits."""
    return "sprod_" + rand(r, ALNUM, 24)


def unwatched_swile_token(r: random.Random) -> str:
    """A Swile (France) partner API token (a bearer): 56 letters and digits."""
    return rand(r, ALNUM, 56)


def unwatched_agicap_token(r: random.Random) -> str:
    """An Agicap (France) API token (a bearer): ``agk_`` and 48 letters and digits."""
    return "agk_" + rand(r, ALNUM, 48)


def unwatched_lexoffice_key(r: random.Random) -> str:
    """A lexoffice (Germany) public API key (a bearer): 43 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 43)


def unwatched_sevdesk_token(r: random.Random) -> str:
    """A sevDesk (Germany) API token (the ``token`` query parameter of the old API): 32 hex digits."""
    return _hexbytes(r, 16)


def unwatched_billbee_pair(r: random.Random) -> tuple[str, str]:
    """A Billbee (Germany) developer key (``X-Billbee-Api-Key``, a UUID) and a user's API password (Basic)."""
    return unwatched_uuid(r).upper(), rand(r, ALNUM, 20)


def unwatched_parcellab_token(r: random.Random) -> str:
    """A parcelLab (Germany) API token (the ``token`` header, beside a numeric ``user``): 30 letters and digits."""
    return rand(r, ALNUM, 30)


def unwatched_commercetools_pair(r: random.Random) -> tuple[str, str]:
    """A commercetools (Germany) API client id (24 letters and digits) and secret (32 letters, digits, ``-`` and
    ``_``), sent as Basic to the token endpoint."""
    return rand(r, ALNUM, 24), rand(r, B64URL, 32)


def unwatched_semgrep_token(r: random.Random) -> str:
    """A Semgrep App token (a bearer, ``SEMGREP_APP_TOKEN``): 64 hex digits."""
    return _hexbytes(r, 32)


def unwatched_depot_token(r: random.Random) -> str:
    """A Depot organisation token (a bearer): ``depot_org_`` and 64 hex digits."""
    return "depot_org_" + _hexbytes(r, 32)


def unwatched_bitrise_token(r: random.Random) -> str:
    """A Bitrise personal access token: 86 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 86)


def unwatched_codemagic_token(r: random.Random) -> str:
    """A Codemagic API token (``x-auth-token``): 43 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 43)


def unwatched_incidentio_key(r: random.Random) -> str:
    """An incident.io API key (a bearer): 64 letters and digits."""
    return rand(r, ALNUM, 64)


def unwatched_rootly_key(r: random.Random) -> str:
    """A Rootly API key (a bearer): ``rootly_`` and 64 hex digits."""
    return "rootly_" + _hexbytes(r, 32)


def unwatched_firehydrant_token(r: random.Random) -> str:
    """A FireHydrant bot token (a bearer): ``fhb-`` and 32 hex digits."""
    return "fhb-" + _hexbytes(r, 16)


def unwatched_zilliz_key(r: random.Random) -> str:
    """A Zilliz Cloud API key (a bearer): 104 hex digits."""
    return _hexbytes(r, 52)


def unwatched_pandadoc_key(r: random.Random) -> str:
    """A PandaDoc API key (``Authorization: API-Key``): 40 hex digits."""
    return _hexbytes(r, 20)


def unwatched_braze_key(r: random.Random) -> str:
    """A Braze REST API key (a bearer): a UUID."""
    return unwatched_uuid(r)


def unwatched_rudderstack_key(r: random.Random) -> str:
    """A RudderStack source write key (the Basic user, empty password): 27 letters and digits."""
    return rand(r, ALNUM, 27)


def unwatched_optimizely_token(r: random.Random) -> str:
    """An Optimizely personal access token (a bearer): ``2:`` and 43 letters, digits, ``-`` and ``_``."""
    return "2:" + rand(r, B64URL, 43)


def unwatched_transloadit_secret(r: random.Random) -> str:
    """A Transloadit auth secret (it signs the ``params``; the auth key beside it is named): 40 hex digits."""
    return _hexbytes(r, 20)


def unwatched_five9_pair(r: random.Random) -> tuple[str, str]:
    """A Five9 admin web service user and password, sent as Basic."""
    return pick(r, "api.niseko.rental", "ws-reports", "five9-sync"), password(r)


def unwatched_aircall_pair(r: random.Random) -> tuple[str, str]:
    """An Aircall API id and API token (32 hex digits each), sent as Basic."""
    return _hexbytes(r, 16), _hexbytes(r, 16)


def unwatched_twilio_pair(r: random.Random) -> tuple[str, str]:
    """A Twilio account SID (``AC`` and 32 hex digits, an id) and auth token (32 hex digits), sent as Basic."""
    return "AC" + _hexbytes(r, 16), _hexbytes(r, 16)


def _uwd_iat(r: random.Random) -> int:
    return 1_775_000_000 + r.randrange(10**6)


def unwatched_line_jwt(r: random.Random) -> str:
    """A LINE Login ID token (HS256 with the channel secret: ``iss`` ``https://access.line.me``, the channel id as
    ``aud``)."""
    iat = _uwd_iat(r)
    claims = {
        "iss": "https://access.line.me",
        "sub": "U" + _hexbytes(r, 16),
        "aud": str(r.randrange(10**9, 2 * 10**9)),
        "exp": iat + 3600,
        "iat": iat,
        "amr": ["linesso"],
        "name": pick(r, "Haruka", "Minji", "Keoni"),
    }
    return _signed_jwt(r, {"typ": "JWT", "alg": "HS256"}, claims, 32)


def unwatched_kakao_jwt(r: random.Random) -> str:
    """A Kakao Login OpenID Connect ID token (RS256, ``iss`` ``https://kauth.kakao.com``)."""
    iat = _uwd_iat(r)
    claims = {
        "aud": _hexbytes(r, 16),
        "sub": str(r.randrange(10**9, 4 * 10**9)),
        "auth_time": iat,
        "iss": "https://kauth.kakao.com",
        "exp": iat + 21599,
        "iat": iat,
        "nickname": "민지",
    }
    return _signed_jwt(r, {"kid": _hexbytes(r, 16), "typ": "JWT", "alg": "RS256"}, claims, 256)


def unwatched_yahoo_jp_jwt(r: random.Random) -> str:
    """A Yahoo! JAPAN ID連携 ID token (RS256, ``iss`` ``https://auth.login.yahoo.co.jp/yconnect/v2``)."""
    iat = _uwd_iat(r)
    claims = {
        "iss": "https://auth.login.yahoo.co.jp/yconnect/v2",
        "sub": rand(r, UPPER, 26),
        "aud": [rand(r, B64URL, 56)],
        "exp": iat + 600,
        "iat": iat,
        "auth_time": iat,
        "nonce": rand(r, ALNUM, 22),
        "amr": ["pwd"],
        "at_hash": rand(r, B64URL, 22),
    }
    return _signed_jwt(r, {"typ": "JWT", "alg": "RS256", "kid": _hexbytes(r, 16)}, claims, 256)


def unwatched_xero_jwt(r: random.Random) -> str:
    """A Xero OAuth 2.0 access token (RS256, ``iss`` ``https://identity.xero.com``, the accounting scopes)."""
    iat = _uwd_iat(r)
    claims = {
        "nbf": iat,
        "exp": iat + 1800,
        "iss": "https://identity.xero.com",
        "aud": "https://identity.xero.com/resources",
        "client_id": rand(r, UPPER, 32),
        "sub": _hexbytes(r, 16),
        "auth_time": iat,
        "xero_userid": unwatched_uuid(r),
        "global_session_id": _hexbytes(r, 16),
        "jti": _hexbytes(r, 16),
        "authentication_event_id": unwatched_uuid(r),
        "scope": ["email", "profile", "openid", "accounting.transactions", "accounting.contacts", "offline_access"],
    }
    return _signed_jwt(
        r, {"alg": "RS256", "kid": rand(r, UPPER, 32), "typ": "JWT", "x5t": rand(r, B64URL, 27)}, claims, 256
    )


def unwatched_franceconnect_jwt(r: random.Random) -> str:
    """A FranceConnect v2 ID token (RS256, ``iss`` ``https://oidc.franceconnect.gouv.fr/api/v2``, an ``eidas1``
    level)."""
    iat = _uwd_iat(r)
    claims = {
        "sub": _hexbytes(r, 32) + "v1",
        "auth_time": iat,
        "acr": "eidas1",
        "amr": ["pwd"],
        "nonce": rand(r, ALNUM, 32),
        "aud": _hexbytes(r, 32),
        "exp": iat + 60,
        "iat": iat,
        "iss": "https://oidc.franceconnect.gouv.fr/api/v2",
    }
    return _signed_jwt(r, {"alg": "RS256", "kid": "pkcs11:" + _hexbytes(r, 6)}, claims, 256)


def unwatched_verimi_jwt(r: random.Random) -> str:
    """A Verimi (Germany) access token (RS256, ``iss`` ``https://web.verimi.de``, the ``login`` and ``read_basket``
    scopes)."""
    iat = _uwd_iat(r)
    claims = {
        "iss": "https://web.verimi.de",
        "sub": unwatched_uuid(r),
        "aud": pick(r, "klavierhaus", "skiverleih"),
        "scope": "openid login read_basket",
        "iat": iat,
        "exp": iat + 300,
        "jti": unwatched_uuid(r),
    }
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT", "kid": rand(r, B64URL, 43)}, claims, 256)


def unwatched_freee_jwt(r: random.Random) -> str:
    """A freee (Japan) OpenID Connect ID token (RS256, ``iss`` ``https://accounts.secure.freee.co.jp``)."""
    iat = _uwd_iat(r)
    claims = {
        "iss": "https://accounts.secure.freee.co.jp",
        "sub": str(r.randrange(10**6, 10**7)),
        "aud": str(r.randrange(10**14, 10**15)),
        "exp": iat + 3600,
        "iat": iat,
        "company_id": r.randrange(10**6, 10**7),
    }
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT", "kid": _hexbytes(r, 8)}, claims, 256)


def unwatched_myid_jwt(r: random.Random) -> str:
    """An Australian myID (Digital ID) token exchanged by a relying party (RS256, ``iss`` ``https://auth.myid.gov.au``,
    a ``IP2`` identity strength)."""
    iat = _uwd_iat(r)
    claims = {
        "iss": "https://auth.myid.gov.au",
        "sub": unwatched_uuid(r),
        "aud": "urn:au:piano-rental:rp",
        "acr": "urn:id.gov.au:tdif:acr:ip2:cl2",
        "iat": iat,
        "exp": iat + 900,
        "jti": unwatched_uuid(r),
    }
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT", "kid": rand(r, B64URL, 43)}, claims, 256)


def unwatched_naver_works_assertion(r: random.Random) -> str:
    """A NAVER WORKS (LINE WORKS) API 2.0 service account assertion (RS256 with the app's private key: the client id as
    ``iss``, the service account as ``sub``), what the token endpoint takes for an access token."""
    iat = _uwd_iat(r)
    claims = {
        "iss": rand(r, ALNUM, 20),
        "sub": f"{rand(r, string.ascii_lowercase + string.digits, 5)}.serviceaccount@hanbok-seoul",
        "iat": iat,
        "exp": iat + 3600,
    }
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT"}, claims, 256)


# ---------------------------------------------------------------------------- the unexplored split's own values
#
# Written for the thirty-seventh split only, by a thirty-first session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, the Spanish, Italian and Polish national check digits, Brazil's CPF and CNPJ, India's
# Aadhaar (Verhoeff), Russia's INN and SNILS, Poland's PESEL and NIP, Ukraine's RNOKPP, Italy's partita IVA, China's
# resident identity number and the UPU S10 check digit). Digit runs of nine or ten digits are drawn until they read as
# no phone number of the split's regions, nationally or with a ``+`` (only about one run in fourteen does).

UNEXPLORED_REGIONS = ("CN", "IN", "BR", "RU", "ES", "IT", "PL", "UA")


def unexplored_uuid(r: random.Random) -> str:
    """A version-4 UUID with no twelve decimal digits together: unwatched's draw."""
    return unwatched_uuid(r)


def _uex_word(r: random.Random, n: int) -> str:
    """``n`` hex digits with a letter and no four decimal digits together: unwatched's draw."""
    return _uwd_word(r, n)


def _uex_no_phone(digits: str, regions: tuple[str, ...] = UNEXPLORED_REGIONS) -> bool:
    """Whether ``digits`` reads as no valid number of ``regions`` (this split's) nor anywhere with a ``+``."""
    return _uwd_no_phone(digits, regions)


def _uex_clean(digits: str) -> bool:
    """No phone of the split's regions, no card: neither the whole nor a run of 12 to 19 digits passes Luhn."""
    return not luhn_ok(digits) and not _urm_luhn_windows(digits) and _uex_no_phone(digits)


def unexplored_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits (``lead`` first) that read as no phone number of the split's regions and hold no Luhn-valid run
    of 12 to 19 digits."""
    assert n >= 4, n
    while True:
        head = lead or r.choice("123456789")
        digits = head + rand(r, string.digits, n - len(head))
        if _uex_clean(digits):
            return digits


def unexplored_epoch(r: random.Random, millis: bool = False) -> int:
    """Epoch seconds (or milliseconds) in April 2026, drawn until no run of them passes Luhn and they read as no phone
    number with a ``+`` (milliseconds: nor nationally; ten digits beginning ``177`` are valid Indian and Brazilian
    numbers for libphonenumber, so the national reading cannot be avoided for seconds: an epoch is no phone number all
    the same)."""
    while True:
        seconds = 1_775_600_000 + r.randrange(1_900_000)
        value = seconds * 1000 + r.randrange(1000) if millis else seconds
        text = str(value)
        if millis and _uex_clean(text):
            return value
        if not millis and not luhn_ok(text) and _uex_no_phone(text, ()):
            return value


def unexplored_hex_digest(r: random.Random, n: int = 32) -> str:
    """A digest of ``n`` random bytes in hex (a checksum, a content hash), drawn until no run of twelve decimal digits
    shows in it."""
    return _hexbytes(r, n)


# This split's regions: China (+86: mobiles 13x-19x in eleven digits, Beijing 010, Shanghai 021, Guangzhou 020, Chengdu
# 028, Hangzhou 0571, Shenzhen 0755), India (+91: mobiles 6-9 in ten digits, Delhi 011, Mumbai 022, Kolkata 033,
# Chennai 044, Bengaluru 080, Kochi 0484, Thiruvananthapuram 0471), Brazil (+55: the two-digit area code, mobiles with
# a leading 9 in nine digits, lines in eight), Russia (+7: mobiles 9xx, Moscow 495/499, Saint Petersburg 812,
# Yekaterinburg 343, Novosibirsk 383, Kazan 843), Spain (+34: nine digits, mobiles 6/7, Madrid 91, Barcelona 93),
# Italy (+39: mobiles 3xx, fixed lines keeping their leading 0: Milan 02, Rome 06, Turin 011, Florence 055, Naples
# 081), Poland (+48: nine digits, Warsaw 22, Kraków 12, Poznań 61) and Ukraine (+380: nine digits, mobiles 50, 63,
# 66-68, 73, 93, 95-99, Kyiv 44, Lviv 32, Dnipro 56, Kharkiv 57).
_UEX_HEADS: dict[str, dict[str, tuple[tuple[str, ...], tuple[int, ...]]]] = {
    "CN": {
        "MOBILE": (("138", "139", "150", "186", "177", "135", "158", "187"), (11,)),
        "FIXED_LINE": (("10", "21", "20", "28", "571", "755"), (10, 11)),
    },
    "IN": {
        "MOBILE": (("98", "97", "99", "94", "70", "88", "63", "90"), (10,)),
        "FIXED_LINE": (("11", "22", "33", "44", "80", "484", "471"), (10,)),
    },
    "BR": {
        "MOBILE": (("119", "219", "319", "619", "719", "819", "859", "419"), (11,)),
        "FIXED_LINE": (("112", "113", "213", "313", "613", "713", "513"), (10,)),
    },
    "RU": {
        "MOBILE": (("912", "915", "916", "926", "903", "985", "999", "921"), (10,)),
        "FIXED_LINE": (("495", "499", "812", "343", "383", "843"), (10,)),
    },
    "ES": {"MOBILE": (("6", "71", "72"), (9,)), "FIXED_LINE": (("91", "93", "96", "95", "94", "971"), (9,))},
    "IT": {
        "MOBILE": (("33", "34", "32", "35", "36", "38", "39"), (10,)),
        "FIXED_LINE": (("02", "06", "011", "055", "081", "051", "041"), (9, 10)),
    },
    "PL": {
        "MOBILE": (("50", "51", "53", "57", "60", "66", "69", "72", "78", "79", "88"), (9,)),
        "FIXED_LINE": (("22", "12", "61", "71", "58", "42"), (9,)),
    },
    "UA": {
        "MOBILE": (("50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99"), (9,)),
        "FIXED_LINE": (("44", "32", "56", "57", "48"), (9,)),
    },
}
_UEX_CODES = {"CN": 86, "IN": 91, "BR": 55, "RU": 7, "ES": 34, "IT": 39, "PL": 48, "UA": 380}


def _uex_valid_number(r: random.Random, region: str, kind: str = "") -> phonenumbers.PhoneNumber:
    kind = kind or pick(r, "MOBILE", "MOBILE", "FIXED_LINE")
    heads, sizes = _UEX_HEADS[region][kind]
    for _ in range(3000):
        head = r.choice(heads)
        digits = head + rand(r, string.digits, r.choice(sizes) - len(head))
        number = phonenumbers.parse(f"+{_UEX_CODES[region]}{digits}")
        if (
            phonenumbers.is_valid_number_for_region(number, region)
            and len(set(digits)) > 3
            and not digits.endswith(("000", "1234"))
        ):
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def _uex_reads_back(text: str, region: str, number: phonenumbers.PhoneNumber) -> bool:
    try:
        again = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return False
    return (
        phonenumbers.is_valid_number(again)
        and again.country_code == number.country_code
        and again.national_number == number.national_number
        and again.italian_leading_zero == number.italian_leading_zero
    )


def _uex_forms(number: phonenumbers.PhoneNumber, region: str, international_only: bool) -> list[str]:
    """The ways the split's people and systems write ``number`` (see ``unexplored_phone``), unchecked."""
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    e164 = phonenumbers.format_number(number, pnf.E164)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    nsn = phonenumbers.national_significant_number(number)
    mobile = phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
    forms = [intl, e164, f"00{number.country_code} {rest}"]
    if region == "CN":
        forms += [f"+86-{rest.replace(' ', '-')}", f"(+86) {rest}"]
    if region == "IN":
        forms += [f"+91-{rest.replace(' ', '-')}", f"+91 {nsn}"]
    if region == "BR":
        area, tail = nsn[:2], nsn[2:]
        forms.append(f"+55 ({area}) {tail[:-4]}-{tail[-4:]}")
        if mobile:
            forms.append(f"+55 {area} 9 {tail[1:5]}-{tail[5:]}")
    if region == "RU":
        forms += [f"+7 ({nsn[:3]}) {nsn[3:6]}-{nsn[6:8]}-{nsn[8:]}", f"+7-{nsn[:3]}-{nsn[3:6]}-{nsn[6:8]}-{nsn[8:]}"]
    if region == "ES":
        forms.append(f"(+34) {nsn[:3]} {nsn[3:6]} {nsn[6:]}")
    if region == "IT":
        forms += [f"(+39) {nsn}", f"+39 {nsn}"]
    if region == "PL":
        forms.append(f"+48 {nsn[:3]}-{nsn[3:6]}-{nsn[6:]}")
    if region == "UA":
        forms += [
            f"+38 (0{nsn[:2]}) {nsn[2:5]}-{nsn[5:7]}-{nsn[7:]}",
            f"+380 ({nsn[:2]}) {nsn[2:5]}-{nsn[5:7]}-{nsn[7:]}",
        ]
    if international_only:
        return forms
    forms.append(national)
    if region == "CN":
        if mobile:
            forms += [nsn, f"{nsn[:3]}-{nsn[3:7]}-{nsn[7:]}"]
        else:
            area, tail = national.split(" ", 1)
            forms += [f"{area}-{tail.replace(' ', '')}", f"({area}) {tail}"]
    if region == "IN":
        if mobile:
            forms += [nsn, f"{nsn[:5]} {nsn[5:]}", f"0{nsn[:5]}-{nsn[5:]}"]
        else:
            forms.append(national.replace(" ", "-", 1))
    if region == "BR":
        area, tail = nsn[:2], nsn[2:]
        forms += [f"{area} {tail[:-4]}-{tail[-4:]}", nsn, f"0{area} {tail[:-4]}-{tail[-4:]}"]
    if region == "RU":
        forms += [
            f"8-{nsn[:3]}-{nsn[3:6]}-{nsn[6:8]}-{nsn[8:]}",
            f"8{nsn}",
            f"8 {nsn[:3]} {nsn[3:6]} {nsn[6:8]} {nsn[8:]}",
        ]
    if region == "ES":
        forms += [f"{nsn[:3]} {nsn[3:6]} {nsn[6:]}", nsn]
    if region == "IT":
        if mobile:
            forms += [f"{nsn[:3]} {nsn[3:]}", nsn]
        else:
            area, tail = national.split(" ", 1)
            forms += [f"{area}-{tail.replace(' ', '')}", f"{area} {tail.replace(' ', '')}"]
    if region == "PL":
        if mobile:
            forms += [f"{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}", nsn]
        else:
            forms += [f"({nsn[:2]}) {nsn[2:5]}-{nsn[5:7]}-{nsn[7:]}", f"(0-{nsn[:2]}) {nsn[2:5]} {nsn[5:7]} {nsn[7:]}"]
    if region == "UA":
        forms += [
            f"(0{nsn[:2]}) {nsn[2:5]}-{nsn[5:7]}-{nsn[7:]}",
            f"0{nsn}",
            f"0{nsn[:2]} {nsn[2:5]} {nsn[5:7]} {nsn[7:]}",
        ]
    return forms


def unexplored_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as its people or their systems write it: international (spaced, E.164,
    ``00``, China's ``(+86) 138 0013 8000`` and ``+86-138-0013-8000``, India's ``+91-98765-43210``, Brazil's ``+55 (11)
    91234-5678`` and ``+55 11 9 1234-5678``, Russia's ``+7 (912) 345-67-89``, Spain's ``(+34) 612 345 678``, Italy's
    ``(+39) 3331234567``, Poland's ``+48 512-345-678``, Ukraine's ``+38 (067) 123-45-67``) or, unless
    ``international_only``, national: ``138-0013-8000``, ``010-12345678``, ``(0571) 8888 6666``, ``098765 43210``,
    ``98765 43210``, ``(11) 91234-5678``, ``011 91234-5678``, ``8 (912) 345-67-89``, ``8-912-345-67-89``,
    ``89123456789``, ``612 34 56 78``, ``333 1234567``, ``06-12345678``, ``512-345-678``, ``(22) 123-45-67``, ``(0-22)
    123 45 67``, ``(067) 123-45-67``, ``0671234567``. Checked: it parses back (with its region as default) to the same
    valid number and holds no run that reads as an IPv4 address."""
    region = r.choice(regions)
    number = _uex_valid_number(r, region)
    forms = _uex_forms(number, region, international_only)
    choices = [t for t in forms if _uex_reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unexplored_e164(r: random.Random, region: str, kind: str = "") -> str:
    """A valid number of ``region`` in E.164 (``+79123456789``)."""
    return phonenumbers.format_number(_uex_valid_number(r, region, kind), phonenumbers.PhoneNumberFormat.E164)


def unexplored_national(r: random.Random, region: str, kind: str = "") -> str:
    """A valid number of ``region`` in its national format (``8 (912) 345-67-89``, ``(11) 91234-5678``)."""
    number = _uex_valid_number(r, region, kind)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def unexplored_nsn(r: random.Random, region: str, kind: str = "") -> str:
    """A valid number of ``region`` as its national significant digits (``9876543210``)."""
    return phonenumbers.national_significant_number(_uex_valid_number(r, region, kind))


def unexplored_invalid_phone(r: random.Random, regions: tuple[str, ...] = UNEXPLORED_REGIONS) -> str:
    """A number written like an international phone number of ``regions`` that is valid nowhere: a valid mobile with
    two digits dropped or three added, drawn until libphonenumber rejects it with its ``+`` and nationally in every
    region."""
    for _ in range(800):
        number = _uex_valid_number(r, r.choice(regions), "MOBILE")
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-2] if r.random() < 0.5 else digits + rand(r, string.digits, 3)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and _uex_no_phone(digits, regions):
            return text
    raise AssertionError("no invalid number drawn")


def unexplored_grouped_id(r: random.Random, sizes: tuple[int, ...], sep: str, lead: str = "") -> str:
    """Digits grouped like a phone number (an order, a parcel, a ticket), drawn until they read as no number of the
    split's regions, with or without their first digit, and no run passes Luhn."""
    n = sum(sizes)
    for _ in range(2000):
        digits = unexplored_digits(r, n, lead)
        if _uex_no_phone(digits[1:]):
            break
    else:
        raise AssertionError(f"no id of {n} digits drawn")
    return grouped(digits, sizes, sep)


def unexplored_ref(r: random.Random) -> str:
    """A booking, parcel or ticket reference grouped like a phone number (``3712 845 90214``, ``48-2210-66931``)."""
    shape = r.randrange(3)
    if shape == 0:
        return unexplored_grouped_id(r, (4, 3, 5), " ")
    if shape == 1:
        return unexplored_grouped_id(r, (2, 4, 6), "-")
    return unexplored_grouped_id(r, (3, 4, 5), "/")


def _uex_s10(r: random.Random, service: str, country: str) -> str:
    """A UPU S10 item id (two letters, eight digits, the mod-11 check digit, the country): Correios, Poste Italiane,
    Correos, Poczta Polska, Ukrposhta and Russian Post print them on every registered letter and parcel."""
    body = rand(r, string.digits, 8)
    total = sum(int(d) * w for d, w in zip(body, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = 11 - total % 11
    check = 0 if check == 10 else 5 if check == 11 else check
    return f"{service}{body}{check}{country}"


def unexplored_tracking(r: random.Random, carrier: str = "") -> str:
    """A parcel tracking number of the split's carriers: SF Express' ``SF`` and 13 digits, Nova Poshta's 14-digit
    express waybill, Delhivery's 13-digit AWB and UPU S10 ids of Correios, Poste Italiane, Correos, Poczta Polska and
    Russian Post; drawn until no run passes Luhn or reads as a phone."""
    carrier = carrier or pick(r, "sf", "novaposhta", "delhivery", "correios", "poste", "correos", "poczta", "pochta")
    if carrier == "sf":
        return "顺丰 SF" + unexplored_digits(r, 13, "1")
    if carrier == "novaposhta":
        return "ТТН Нова пошта " + unexplored_digits(r, 14, pick(r, "20", "59"))
    if carrier == "delhivery":
        return "Delhivery AWB " + unexplored_digits(r, 13, "1")
    service, country, name = {
        "correios": ("OB", "BR", "Correios"),
        "poste": ("RR", "IT", "Poste Italiane"),
        "correos": ("PQ", "ES", "Correos"),
        "poczta": ("RR", "PL", "Poczta Polska"),
        "pochta": ("RA", "RU", "Почта России"),
    }[carrier]
    return f"{name} {_uex_s10(r, service, country)}"


def unexplored_luhn_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits whose last is a Luhn check digit (a loyalty or transit card, a device id): no payment card, although
    it passes Luhn; drawn until it reads as no phone of the regions."""
    while True:
        body = lead + rand(r, string.digits, n - 1 - len(lead))
        digits = body + _luhn_digit(body)
        if digits[0] != "0" and _uex_no_phone(digits):
            return digits


# National identifiers of the split's countries, each with its own check digits: none is a phone, a card or an IBAN.
def unexplored_cpf(r: random.Random) -> str:
    """A Brazilian CPF (nine digits and two mod-11 check digits) as printed: ``123.456.789-09``."""
    while True:
        body = [r.randrange(10) for _ in range(9)]
        for size in (10, 11):
            total = sum(d * w for d, w in zip(body, range(size, 1, -1), strict=True))
            body.append(0 if total % 11 < 2 else 11 - total % 11)
        digits = "".join(map(str, body))
        if len(set(digits)) > 2 and _uex_no_phone(digits):
            return f"{digits[:3]}.{digits[3:6]}.{digits[6:9]}-{digits[9:]}"


def unexplored_cnpj(r: random.Random) -> str:
    """A Brazilian CNPJ (eight digits of the company, ``0001`` for the head office, two check digits):
    ``12.345.678/0001-95``."""
    while True:
        body = [r.randrange(10) for _ in range(8)] + [0, 0, 0, 1]
        for weights in ((5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2), (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)):
            total = sum(d * w for d, w in zip(body, weights, strict=True))
            body.append(0 if total % 11 < 2 else 11 - total % 11)
        digits = "".join(map(str, body))
        if _uex_clean(digits):
            return f"{digits[:2]}.{digits[2:5]}.{digits[5:8]}/{digits[8:12]}-{digits[12:]}"


_VERHOEFF_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_VERHOEFF_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 8, 7, 6, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]
_VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def _verhoeff_digit(body: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[(i + 1) % 8][int(ch)]]
    return str(_VERHOEFF_INV[c])


def unexplored_aadhaar(r: random.Random, masked: bool = False) -> str:
    """An Indian Aadhaar number (twelve digits, never starting with 0 or 1, the last a Verhoeff check digit) in fours,
    or as the masked Aadhaar shows it (``XXXX XXXX 1234``); drawn until it passes no Luhn and reads as no phone."""
    while True:
        body = r.choice("23456789") + rand(r, string.digits, 10)
        digits = body + _verhoeff_digit(body)
        if not luhn_ok(digits) and _uex_no_phone(digits):
            if masked:
                return f"XXXX XXXX {digits[8:]}"
            return f"{digits[:4]} {digits[4:8]} {digits[8:]}"


def unexplored_pan(r: random.Random) -> str:
    """An Indian PAN (five letters, the fourth the holder's kind, four digits, a letter)."""
    return (
        rand(r, string.ascii_uppercase, 3)
        + pick(r, "P", "C", "F")
        + rand(r, string.ascii_uppercase, 1)
        + (rand(r, string.digits, 4) + rand(r, string.ascii_uppercase, 1))
    )


def unexplored_gstin(r: random.Random) -> str:
    """An Indian GSTIN: the state code (32 for Kerala), the PAN, the entity number, ``Z`` and a check character."""
    return f"32{unexplored_pan(r)}{r.randrange(1, 10)}Z{rand(r, UPPER, 1)}"


def _inn_digit(digits: str, weights: tuple[int, ...]) -> str:
    return str(sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 % 10)


def unexplored_inn(r: random.Random, person: bool = False) -> str:
    """A Russian INN: ten digits for an organisation (one check digit), twelve for a person (two), the first two the
    region (77 Moscow, 78 Saint Petersburg, 16 Tatarstan, 38 Irkutsk); drawn until it reads as no phone."""
    while True:
        body = pick(r, "77", "78", "16", "38", "54") + rand(r, string.digits, 8 if person else 7)
        if person:
            body += _inn_digit(body, (7, 2, 4, 10, 3, 5, 9, 4, 6, 8))
            digits = body + _inn_digit(body, (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8))
        else:
            digits = body + _inn_digit(body, (2, 4, 10, 3, 5, 9, 4, 6, 8))
        if _uex_clean(digits):
            return digits


def unexplored_snils(r: random.Random) -> str:
    """A Russian SNILS (nine digits and a two-digit checksum) as printed: ``123-456-789 01``."""
    while True:
        body = rand(r, string.digits, 9)
        total = sum(int(d) * w for d, w in zip(body, range(9, 0, -1), strict=True))
        check = total % 101
        digits = body + f"{0 if check == 100 else check:02d}"
        if body[0] != "0" and _uex_clean(digits):
            return f"{body[:3]}-{body[3:6]}-{body[6:]} {digits[9:]}"


def unexplored_pesel(r: random.Random) -> str:
    """A Polish PESEL (the birth date, a serial, the sex digit and a check digit): eleven digits."""
    while True:
        year, month, day = r.randrange(50, 100), r.randrange(1, 13), r.randrange(1, 29)
        body = f"{year:02d}{month:02d}{day:02d}" + rand(r, string.digits, 4)
        total = sum(int(d) * w for d, w in zip(body, (1, 3, 7, 9, 1, 3, 7, 9, 1, 3), strict=True))
        digits = body + str((10 - total % 10) % 10)
        if _uex_clean(digits):
            return digits


def unexplored_nip(r: random.Random) -> str:
    """A Polish NIP (tax id: three digits of the tax office, seven, the last a mod-11 check digit) as printed:
    ``526-104-08-28``; drawn until its ten digits read as no phone."""
    while True:
        body = pick(r, "526", "527", "676", "779", "951") + rand(r, string.digits, 6)
        check = sum(int(d) * w for d, w in zip(body, (6, 5, 7, 2, 3, 4, 5, 6, 7), strict=True)) % 11
        if check == 10:
            continue
        digits = body + str(check)
        if _uex_clean(digits):
            return f"{digits[:3]}-{digits[3:6]}-{digits[6:8]}-{digits[8:]}"


def unexplored_rnokpp(r: random.Random) -> str:
    """A Ukrainian RNOKPP (the individual tax number: ten digits, the last a check digit); drawn until it reads as no
    phone."""
    while True:
        body = r.choice("123") + rand(r, string.digits, 8)
        total = sum(int(d) * w for d, w in zip(body, (-1, 5, 7, 9, 4, 6, 10, 5, 7), strict=True))
        digits = body + str(total % 11 % 10)
        if _uex_clean(digits):
            return digits


def unexplored_edrpou(r: random.Random) -> str:
    """A Ukrainian EDRPOU company code: eight digits."""
    return unexplored_digits(r, 8, pick(r, "3", "4"))


def unexplored_partita_iva(r: random.Random) -> str:
    """An Italian partita IVA (seven digits of the company, three of the province office, a Luhn check digit): eleven
    digits that pass Luhn, too short for a card; drawn until it reads as no phone."""
    while True:
        body = rand(r, string.digits, 7) + pick(r, "001", "058", "015", "063")
        digits = body + _luhn_digit(body)
        if _uex_no_phone(digits):
            return digits


def unexplored_codice_fiscale(r: random.Random) -> str:
    """An Italian codice fiscale: six letters of the name, the birth year, month letter and day, the town's code, the
    check letter."""
    month = pick(r, "A", "B", "C", "D", "E", "H", "L", "M", "P", "R", "S", "T")
    town = pick(r, "L219", "H501", "F205", "D612", "F839")
    return (
        rand(r, string.ascii_uppercase, 6)
        + f"{r.randrange(50, 99)}{month}{r.randrange(1, 71):02d}{town}"
        + rand(r, string.ascii_uppercase, 1)
    )


def unexplored_dni(r: random.Random) -> str:
    """A Spanish DNI (eight digits and the mod-23 letter) or NIE (``X``/``Y``/``Z``, seven digits, the letter)."""
    letters = "TRWAGMYFPDXBNJZSQVHLCKE"
    if r.random() < 0.6:
        number = r.randrange(10**7, 10**8)
        return f"{number}{letters[number % 23]}"
    lead = r.choice("XYZ")
    number = r.randrange(10**6, 10**7)
    return f"{lead}{number}{letters[int('XYZ'.index(lead) * 10**7 + number) % 23]}"


def unexplored_cn_resident_id(r: random.Random, masked: bool = False) -> str:
    """A Chinese resident identity number (the six-digit area, the birth date, a sequence, the ISO 7064 mod-11-2
    check character, ``X`` for ten): eighteen characters, no card (drawn to fail Luhn), no phone; or masked as apps
    show it (``510107********1234``)."""
    while True:
        area = pick(r, "510107", "110105", "310115", "440305", "330106")
        body = (
            area
            + f"{r.randrange(1960, 2006)}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}"
            + rand(r, string.digits, 3)
        )
        weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
        check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]
        text = body + check
        digits = text.rstrip("X")
        if not luhn_ok(digits) and not _urm_luhn_windows(digits) and _uex_no_phone(digits):
            return f"{text[:6]}********{text[14:]}" if masked else text


def unexplored_passport(r: random.Random) -> str:
    """A passport number of the split's countries: a Russian internal passport's series and number (``45 12
    345678``), a Chinese ``E`` and eight digits, an Indian letter and seven digits, a Ukrainian ``FE`` and six digits;
    the runs of digits drawn to read as no phone."""
    shape = r.randrange(4)
    if shape == 0:
        while True:
            digits = unexplored_digits(r, 10, pick(r, "45", "40", "50"))
            if _uex_no_phone(digits[4:]):
                return f"{digits[:2]} {digits[2:4]} {digits[4:]}"
    if shape == 1:
        return "E" + unexplored_digits(r, 8)
    if shape == 2:
        return rand(r, "JKLMNPRSTUVWZ", 1) + unexplored_digits(r, 7)
    return "FE" + unexplored_digits(r, 6)


def unexplored_boleto(r: random.Random) -> str:
    """A Brazilian boleto's typed line (linha digitável: five fields of 10, 11, 11, 1 and 14 digits) as a bank app
    prints it; drawn until no field (its dot taken out) passes Luhn or reads as a phone (47 digits joined always hold
    some Luhn-valid run: the fields stand apart)."""
    while True:
        digits = pick(r, "237", "341", "001", "104") + "9" + rand(r, string.digits, 43)
        fields = (digits[:10], digits[10:21], digits[21:32], digits[33:47])
        if any(luhn_ok(f) or _urm_luhn_windows(f) or not _uex_no_phone(f) for f in fields):
            continue
        return (
            f"{digits[:5]}.{digits[5:10]} {digits[10:15]}.{digits[15:21]} {digits[21:26]}.{digits[26:32]} "
            f"{digits[32]} {digits[33:47]}"
        )


# Card numbers this split draws, from ranges no earlier split draws: Visa's 4276 and 4817 (a Russian and an Indian
# issuer's), Mastercard's 5469 and 5375, Mir's 2200-2204, UnionPay's 6217, 6222 and 6228 in 16 and 19 digits, RuPay's
# 6521, 6522 and 6070, Elo's 6363, 5067 and 4389, Hipercard's 606282 and Maestro's 6759 in 19 digits.
UNEXPLORED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4276", "4817"), (16,)),
    "mastercard": (("5469", "5375"), (16,)),
    "mir": (("2200", "2202", "2204"), (16,)),
    "unionpay": (("6217", "6222", "6228"), (16, 19)),
    "rupay": (("6521", "6522", "6070"), (16,)),
    "elo": (("6363", "5067", "4389"), (16,)),
    "hipercard": (("606282",), (16,)),
    "maestro": (("6759",), (19,)),
}


def unexplored_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNEXPLORED_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def unexplored_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) as people write it: 19 digits in 4-4-4-4-3 (or 6-13 as Chinese
    bank apps group a UnionPay card half of the time), the others in fours, joined by ``sep`` (spaces, dashes,
    nothing)."""
    digits = unexplored_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    if len(digits) == 19 and digits.startswith("62") and sep and r.random() < 0.5:
        return grouped(digits, (6, 13), sep)
    return grouped(digits, card_groups(digits), sep)


# IBANs this split draws: Spain (24: four digits of bank, four of branch, the two national check digits, ten of
# account), Italy and San Marino (27: the CIN letter, five digits of ABI, five of CAB, twelve characters of account),
# Poland (28: the eight-digit sort code whose last digit checks the other seven, sixteen of account), Ukraine (29: the
# six-digit MFO, nineteen of account) and Brazil (29: eight digits of bank, five of branch, ten of account, the
# account's type and its holder's position).
UNEXPLORED_IBAN_LENGTHS = {"ES": 24, "IT": 27, "SM": 27, "PL": 28, "UA": 29, "BR": 29}

_CIN_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def _uex_cin(bban: str) -> str:
    """The Italian CIN letter of ABI, CAB and account (odd positions through the odd table, even ones by value)."""
    total = 0
    for i, ch in enumerate(bban, start=1):
        value = int(ch) if ch.isdigit() else ord(ch) - ord("A")
        total += _CIN_ODD[value] if i % 2 else value
    return chr(ord("A") + total % 26)


def _uex_es_dc(digits: str) -> str:
    weights = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)
    d = 11 - sum(int(c) * w for c, w in zip(digits, weights, strict=True)) % 11
    return str({11: 0, 10: 1}.get(d, d))


def _uex_bban(r: random.Random, country: str) -> str:
    if country == "ES":
        bank = pick(r, "2100", "0049", "0182", "2085", "0081", "1465")
        branch, account = rand(r, string.digits, 4), rand(r, string.digits, 10)
        return bank + branch + _uex_es_dc("00" + bank + branch) + _uex_es_dc(account) + account
    if country in ("IT", "SM"):
        abi = pick(r, "03069", "02008", "05034", "01030") if country == "IT" else pick(r, "03225", "06067", "08540")
        tail = abi + rand(r, string.digits, 5) + rand(r, string.digits, 12)
        return _uex_cin(tail) + tail
    if country == "PL":
        seven = pick(r, "1090101", "1020102", "1140200", "1050101", "1240105")
        check = (10 - sum(int(d) * w for d, w in zip(seven, (3, 9, 7, 1, 3, 9, 7), strict=True)) % 10) % 10
        return seven + str(check) + rand(r, string.digits, 16)
    if country == "UA":
        return pick(r, "322313", "305299", "320649", "300528") + "0000" + rand(r, string.digits, 15)
    assert country == "BR"
    return (
        pick(r, "00000000", "00360305", "60701190", "18236120")
        + rand(r, string.digits, 5)
        + rand(r, string.digits, 10)
        + pick(r, "C", "P")
        + "1"
    )


def unexplored_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Spain, Italy, San Marino, Poland, Ukraine or Brazil with its national check digits right, compact or
    in groups of four (``grouped`` None: either); ``valid`` False: its IBAN check digits are wrong."""
    country = country or r.choice(sorted(UNEXPLORED_IBAN_LENGTHS))
    bban = _uex_bban(r, country)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNEXPLORED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


def unexplored_ru_account(r: random.Random) -> str:
    """A Russian settlement account and the bank's BIK as a payment order gives them (``р/с 40702810...``, ``БИК
    044525225``): no IBAN (Russia has none); drawn until no run of the account passes Luhn and the BIK reads as no
    phone."""
    while True:
        account = pick(r, "40702810", "40802810", "40817810") + rand(r, string.digits, 12)
        if not _urm_luhn_windows(account):
            break
    while True:
        bik = "04" + rand(r, string.digits, 7)
        if _uex_no_phone(bik):
            return f"р/с {account}, БИК {bik}"


def unexplored_in_account(r: random.Random) -> str:
    """An Indian bank account with its IFSC (``A/c 50100123456789, IFSC HDFC0001234``): no IBAN; the account drawn
    until it reads as no phone and passes no Luhn."""
    account = unexplored_digits(r, 14, "50")
    bank = pick(r, "HDFC", "SBIN", "ICIC", "FDRL", "UTIB")
    return f"A/c {account}, IFSC {bank}0{unexplored_digits(r, 6)}"


def unexplored_br_account(r: random.Random) -> str:
    """A Brazilian branch and account as a Pix or TED form asks for them (``Ag. 1234-5 C/C 12345-6``): no IBAN."""
    return (
        f"{pick(r, 'Itaú', 'Bradesco', 'Banco do Brasil', 'Caixa', 'Nubank')} Ag. {unexplored_digits(r, 4)}-"
        f"{r.randrange(10)} C/C {unexplored_digits(r, 5)}-{r.randrange(10)}"
    )


UNEXPLORED_HASH_FAMILIES = (
    "bitrix",
    "radmin3",
    "agilekeychain",
    "juniper_ive",
    "exodus",
    "sqlcipher",
    "bestcrypt",
    "diskcryptor",
)


def unexplored_password_hash(r: random.Random, family: str = "") -> str:
    """Password-derived material of one family as its software stores it or as hashcat's examples and John's
    extractors write it (``family`` empty: any): 1C-Bitrix's old ``b_user.PASSWORD`` (eight characters of salt and the
    MD5 of salt and password), Radmin Server 3's SRP verifier (``$radmin3$``), a 1Password agile keychain
    (``1000:salt:data``), a Juniper IVE (Pulse Secure) admin hash (base64 beginning ``3u+UR6n8AgAB``), an Exodus wallet
    seed file (``EXODUS:16384:8:1:``), an SQLCipher database (``SQLCIPHER*1*``), a BestCrypt v3 volume
    (``$bcve$3$``) and a DiskCryptor volume header (``$diskcryptor$0*``)."""
    family = family or r.choice(UNEXPLORED_HASH_FAMILIES)
    h = functools.partial(_hexbytes, r)
    if family == "bitrix":
        return rand(r, ALNUM, 8) + h(16)
    if family == "radmin3":
        user = pick(r, "admin", "ops", "anil", "igor").encode("utf-16-le").hex()  # no long decimal run in the hex
        return f"$radmin3${user}*{h(32)}*{h(256)}"
    if family == "agilekeychain":
        return f"{pick(r, '1000', '10000', '25000')}:{h(8)}:{h(520)}"
    if family == "juniper_ive":
        return b64(bytes.fromhex("deef9447a9fc020001") + r.randbytes(67))
    if family == "exodus":
        return (
            f"EXODUS:16384:8:1:{b64(r.randbytes(32))}:{b64(r.randbytes(12))}:{b64(r.randbytes(16))}:"
            f"{b64(r.randbytes(r.choice((48, 64))))}"
        )
    if family == "sqlcipher":
        return f"SQLCIPHER*1*{pick(r, '64000', '256000')}*{h(16)}*{h(16)}*{h(16)}"
    if family == "bestcrypt":
        return f"$bcve$3$08${h(8)}${h(96)}"
    assert family == "diskcryptor"
    return f"$diskcryptor$0*{h(1024)}"


def unexplored_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r,
        "Alleppey",
        "Kumarakom",
        "Vembanad",
        "Kochi",
        "Mangueira",
        "Sapucai",
        "Madureira",
        "Irkutsk",
        "Baikal",
        "Kazan",
        "Harbin",
        "Torino",
        "Langhe",
        "Bakhchysarai",
        "Sudak",
        "Tainan",
        "Lucknow",
        "Ayodhya",
        "Lviv",
        "Krakow",
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_", "$", "?", ".")


def unexplored_email(r: random.Random) -> str:
    """An address of the split's people: Malayali, Brazilian, Russian, Chinese, Spanish, Italian, Polish, Ukrainian,
    Piedmontese, Crimean Tatar, Taiwanese and Awadhi names with dots, digits, hyphens and plus tags, at their
    countries' providers and the big ones."""
    first = pick(
        r,
        "anil.menon",
        "lakshmi_nair",
        "thiago.souza",
        "ana.paula.lima",
        "igor.petrov",
        "olga_smirnova",
        "wang.fang",
        "zhang-min",
        "carmen.ruiz",
        "javier_moreno",
        "giulia.rossi",
        "marco.bianchi",
        "agnieszka.nowak",
        "piotr.kowalski",
        "oksana.kovalenko",
        "taras.shevchuk",
        "bepe.rosso",
        "emine.seitova",
        "kuan.ting.lin",
        "ramesh.yadav",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'boat', 'samba', 'rail', 'orders')}")
    domain = pick(
        r,
        "qq.com",
        "163.com",
        "126.com",
        "yandex.ru",
        "mail.ru",
        "rambler.ru",
        "ukr.net",
        "i.ua",
        "rediffmail.com",
        "wp.pl",
        "onet.pl",
        "o2.pl",
        "libero.it",
        "virgilio.it",
        "tiscali.it",
        "telefonica.net",
        "uol.com.br",
        "bol.com.br",
        "terra.com.br",
        "gmail.com",
        "outlook.com",
        "proton.me",
    )
    return f"{local}@{domain}"


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def unexplored_cashfree_pair(r: random.Random) -> tuple[str, str]:
    """A Cashfree Payments (India) app id (``x-client-id``, digits and hex: an id) and secret key (``x-client-secret``:
    ``cfsk_ma_prod_``, 32 hex digits, ``_`` and eight)."""
    return f"{r.randrange(10**5, 10**6)}{_uex_word(r, 24)}", f"cfsk_ma_prod_{_hexbytes(r, 16)}_{_hexbytes(r, 4)}"


def unexplored_instamojo_pair(r: random.Random) -> tuple[str, str]:
    """An Instamojo (India) private API key and auth token (``X-Api-Key`` and ``X-Auth-Token``, 32 hex digits each)."""
    return _hexbytes(r, 16), _hexbytes(r, 16)


def unexplored_exotel_pair(r: random.Random) -> tuple[str, str]:
    """An Exotel (India) API key and API token (sent as Basic): 48 and 40 hex digits."""
    return _hexbytes(r, 24), _hexbytes(r, 20)


def unexplored_kite_pair(r: random.Random) -> tuple[str, str]:
    """A Zerodha Kite Connect (India) API key (16 lower-case letters and digits, sent with every call) and the day's
    access token (32 letters and digits), sent together in the ``token`` scheme."""
    return rand(r, string.ascii_lowercase + string.digits, 16), rand(r, ALNUM, 32)


def unexplored_delhivery_token(r: random.Random) -> str:
    """A Delhivery (India) API token (``Authorization: Token``): 40 hex digits."""
    return _hexbytes(r, 20)


def unexplored_phonepe_token(r: random.Random) -> str:
    """A PhonePe PG v2 (India) OAuth access token (``Authorization: O-Bearer``): 40 base64url characters."""
    return rand(r, B64URL, 40)


def unexplored_phonepe_salt(r: random.Random) -> str:
    """A PhonePe (India) salt key (it signs ``X-VERIFY``): a UUID."""
    return unexplored_uuid(r)


def unexplored_paytm_key(r: random.Random) -> str:
    """A Paytm (India) merchant key (it signs the checksum): 16 letters, digits and ``@#&%``."""
    return rand(r, ALNUM + "@#&%", 16)


def unexplored_pagarme_key(r: random.Random) -> str:
    """A Pagar.me v5 (Brazil) secret key (the Basic user, empty password): ``sk_`` and 32 hex digits."""
    return "sk_" + _hexbytes(r, 16)


def unexplored_iugu_token(r: random.Random) -> str:
    """An iugu (Brazil) API token (the Basic user, empty password): 64 upper-case hex digits."""
    return _hexbytes(r, 32).upper()


def unexplored_blip_key(r: random.Random) -> str:
    """A Take Blip (Brazil) bot authorization key (``Authorization: Key``): base64 of the bot's id, ``:`` and its
    access key."""
    bot = pick(r, "sambaatendimento", "fantasiasbot", "lapa-costumes")
    return b64(f"{bot}:{rand(r, ALNUM, 20)}".encode())


def unexplored_zenvia_token(r: random.Random) -> str:
    """A Zenvia (Brazil) API token (``X-API-TOKEN``): 40 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 40)


def unexplored_omie_pair(r: random.Random) -> tuple[str, str]:
    """An Omie (Brazil) ERP app key (digits, an id) and app secret (32 hex digits), both in the JSON body of every
    call."""
    return unexplored_digits(r, 12), _hexbytes(r, 16)


def unexplored_tiny_token(r: random.Random) -> str:
    """A Tiny ERP (Brazil) API token (the ``token`` form field): 64 hex digits."""
    return _hexbytes(r, 32)


def unexplored_vtex_pair(r: random.Random) -> tuple[str, str]:
    """A VTEX app key (``X-VTEX-API-AppKey``: ``vtexappkey-``, the account and six capitals, an id) and app token
    (``X-VTEX-API-AppToken``: 160 capitals)."""
    return f"vtexappkey-fantasiaslapa-{rand(r, string.ascii_uppercase, 6)}", rand(r, string.ascii_uppercase, 160)


def unexplored_efi_pair(r: random.Random) -> tuple[str, str]:
    """An Efí Bank (Gerencianet, Brazil) client id and secret: ``Client_Id_`` and ``Client_Secret_`` and 40 hex
    digits each, sent as Basic to the token endpoint."""
    return f"Client_Id_{_hexbytes(r, 20)}", f"Client_Secret_{_hexbytes(r, 20)}"


def unexplored_cloudpayments_pair(r: random.Random) -> tuple[str, str]:
    """A CloudPayments (Russia) public id (``pk_`` and 29 hex digits, public) and API secret (32 hex digits), sent as
    Basic."""
    return "pk_" + _hexbytes(r, 15)[:29], _hexbytes(r, 16)


def unexplored_smsru_id(r: random.Random) -> str:
    """An SMS.ru (Russia) ``api_id``: a UUID in capitals."""
    return unexplored_uuid(r).upper()


def unexplored_retailcrm_key(r: random.Random) -> str:
    """A RetailCRM (Russia) API key (``X-API-KEY``): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unexplored_moysklad_token(r: random.Random) -> str:
    """A MoySklad (Russia) JSON API 1.2 access token (a bearer): 40 hex digits."""
    return _hexbytes(r, 20)


def unexplored_ozon_pair(r: random.Random) -> tuple[str, str]:
    """An Ozon Seller API client id (``Client-Id``: digits, an id) and API key (``Api-Key``: a UUID)."""
    return unexplored_digits(r, 7), unexplored_uuid(r)


def unexplored_unisender_key(r: random.Random) -> str:
    """A Unisender (Russia) API key (the ``api_key`` parameter): 40 lower-case letters and digits."""
    return rand(r, string.ascii_lowercase + string.digits, 40)


def unexplored_cdek_pair(r: random.Random) -> tuple[str, str]:
    """A CDEK (Russia) integration account (32 letters and digits, an id) and secure password (32), sent as
    ``client_id`` and ``client_secret`` to the token endpoint."""
    return rand(r, ALNUM, 32), rand(r, ALNUM, 32)


def unexplored_aplazame_key(r: random.Random) -> str:
    """An Aplazame (Spain) private API key (a bearer): 40 hex digits."""
    return _hexbytes(r, 20)


def unexplored_sequra_pair(r: random.Random) -> tuple[str, str]:
    """A SeQura (Spain) merchant user and password (sent as Basic)."""
    return pick(r, "rail_tours_es", "tours_eu", "fiestas_samba"), rand(r, ALNUM, 24)


def unexplored_idealista_pair(r: random.Random) -> tuple[str, str]:
    """An idealista (Spain) API key and secret (32 lower-case letters and digits and 12 letters and digits), sent as
    Basic to the OAuth endpoint."""
    return rand(r, string.ascii_lowercase + string.digits, 32), rand(r, ALNUM, 12)


def unexplored_fic_token(r: random.Random) -> str:
    """A Fatture in Cloud (Italy) access token (a bearer): ``a/`` and 120 base64url characters."""
    return "a/" + rand(r, B64URL, 120)


def unexplored_fabrick_key(r: random.Random) -> str:
    """A Fabrick (Italy) platform API key (``Api-Key``, with ``Auth-Schema: S2S``): 32 capitals and digits."""
    return rand(r, UPPER, 32)


def unexplored_tpay_pair(r: random.Random) -> tuple[str, str]:
    """A Tpay (Poland) OpenAPI client id (digits, ``-`` and 40 hex digits, an id) and secret (64 hex digits), sent as
    Basic to the token endpoint."""
    return f"{r.randrange(10**4, 10**6)}-{_hexbytes(r, 20)}", _hexbytes(r, 32)


def unexplored_wfirma_keys(r: random.Random) -> tuple[str, str, str]:
    """A wFirma (Poland) ``accessKey``, ``secretKey`` and ``appKey`` (32 hex digits each; the secret key is the
    secret, the others name the user and the application)."""
    return _hexbytes(r, 16), _hexbytes(r, 16), _hexbytes(r, 16)


def unexplored_autopay_key(r: random.Random) -> str:
    """An Autopay (Blue Media, Poland) shared key (it hashes the ITN and the payment start): 40 hex digits."""
    return _hexbytes(r, 20)


def unexplored_liqpay_pair(r: random.Random) -> tuple[str, str]:
    """A LiqPay (Ukraine) public key (``i`` and eleven digits, public) and private key (40 letters and digits, it signs
    the ``data``)."""
    return f"i{unexplored_digits(r, 11)}", rand(r, ALNUM, 40)


def unexplored_monobank_token(r: random.Random) -> str:
    """A monobank (Ukraine) API token (``X-Token``): 44 base64url characters."""
    return rand(r, B64URL, 44)


def unexplored_novaposhta_key(r: random.Random) -> str:
    """A Nova Poshta (Ukraine) API key (``apiKey`` in the JSON body): 32 hex digits."""
    return _hexbytes(r, 16)


def unexplored_ukrposhta_token(r: random.Random) -> str:
    """An Ukrposhta (Ukraine) bearer or counterparty token: a UUID."""
    return unexplored_uuid(r)


def unexplored_wayforpay_secret(r: random.Random) -> str:
    """A WayForPay (Ukraine) merchant secret key (it signs ``merchantSignature``): 40 hex digits."""
    return _hexbytes(r, 20)


def unexplored_fondy_secret(r: random.Random) -> str:
    """A Fondy (Ukraine) merchant payment key (it signs ``signature``): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unexplored_checkbox_key(r: random.Random) -> str:
    """A Checkbox (Ukraine) cash register license key (``X-License-Key``): 24 hex digits."""
    return _hexbytes(r, 12)


def unexplored_wechatpay_pair(r: random.Random) -> tuple[str, str, str]:
    """A WeChat Pay merchant: the merchant id (``mchid``, digits), the API certificate's serial number (40 hex digits
    in capitals, public) and the APIv3 key (32 letters and digits, it decrypts callbacks)."""
    return str(r.randrange(10**9, 2 * 10**9)), _hexbytes(r, 20).upper(), rand(r, ALNUM, 32)


def unexplored_wechat_app(r: random.Random) -> tuple[str, str]:
    """A WeChat Official Account's AppID (``wx`` and 16 hex digits, public) and AppSecret (32 hex digits)."""
    return "wx" + _hexbytes(r, 8), _hexbytes(r, 16)


def unexplored_wechat_access_token(r: random.Random) -> str:
    """A WeChat Official Account access token (``access_token`` in the query): 136 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 136)


def unexplored_gitee_token(r: random.Random) -> str:
    """A Gitee (China) personal access token (``access_token``): 32 hex digits."""
    return _hexbytes(r, 16)


def unexplored_qiniu_pair(r: random.Random) -> tuple[str, str]:
    """A Qiniu Cloud (China) access key (40 base64url characters, named in the signed ``Qiniu`` header) and secret key
    (40)."""
    return rand(r, B64URL, 40), rand(r, B64URL, 40)


def unexplored_huawei_pair(r: random.Random) -> tuple[str, str]:
    """A Huawei Cloud access key id (20 capitals and digits, named in the signed header) and secret access key (40
    letters and digits)."""
    return rand(r, UPPER, 20), rand(r, ALNUM, 40)


def unexplored_huawei_iam_token(r: random.Random) -> str:
    """A Huawei Cloud IAM token (``X-Auth-Token``): ``MII`` and base64 of a CMS structure, some thousand characters."""
    return "MII" + rand(r, B64URL, r.randrange(900, 1400))


def unexplored_amap_pair(r: random.Random) -> tuple[str, str]:
    """An Amap (Gaode) JS API key (32 hex digits, public: it ships in the page) and its ``securityJsCode`` (32 hex
    digits, kept on the proxy)."""
    return _hexbytes(r, 16), _hexbytes(r, 16)


def _uex_iat(r: random.Random) -> int:
    return 1_775_600_000 + r.randrange(10**6)


def unexplored_shiprocket_jwt(r: random.Random) -> str:
    """A Shiprocket (India) API token (HS256, issued by ``apiv2.shiprocket.in`` for ten days)."""
    iat = _uex_iat(r)
    claims = {
        "sub": r.randrange(10**6, 10**7),
        "iss": "https://apiv2.shiprocket.in/v1/external/auth/login",
        "iat": iat,
        "exp": iat + 864000,
        "nbf": iat,
        "jti": rand(r, ALNUM, 16),
    }
    return _signed_jwt(r, {"typ": "JWT", "alg": "HS256"}, claims, 32)


def unexplored_melhorenvio_jwt(r: random.Random) -> str:
    """A Melhor Envio (Brazil) OAuth access token (RS256, the app's id as ``aud``, the shipping scopes)."""
    iat = _uex_iat(r)
    claims = {
        "aud": str(r.randrange(1000, 9999)),
        "jti": _hexbytes(r, 40),
        "iat": iat,
        "nbf": iat,
        "exp": iat + 2592000,
        "sub": unexplored_uuid(r),
        "scopes": ["cart-read", "cart-write", "shipping-calculate", "shipping-generate", "orders-read"],
    }
    return _signed_jwt(r, {"typ": "JWT", "alg": "RS256", "jti": _hexbytes(r, 40)}, claims, 256)


def unexplored_wildberries_jwt(r: random.Random) -> str:
    """A Wildberries (Russia) seller API token (ES256; sent bare in ``Authorization``, no scheme)."""
    iat = _uex_iat(r)
    claims = {
        "ent": 1,
        "exp": iat + 15552000,
        "id": unexplored_uuid(r),
        "iid": r.randrange(10**7, 10**8),
        "oid": r.randrange(10**5, 10**6),
        "s": r.choice((1073741822, 510, 4094)),
        "sid": unexplored_uuid(r),
        "t": False,
        "uid": r.randrange(10**7, 10**8),
    }
    return _signed_jwt(r, {"alg": "ES256", "kid": "20250321v1", "typ": "JWT"}, claims, 64)


def unexplored_esia_jwt(r: random.Random) -> str:
    """A Gosuslugi (ESIA, Russia) access token (RS256, ``iss`` ``http://esia.gosuslugi.ru/``, the person's oid)."""
    iat = _uex_iat(r)
    claims = {
        "nbf": iat,
        "scope": "fullname?oid=1000123456 snils?oid=1000123456 openid",
        "iss": "http://esia.gosuslugi.ru/",
        "urn:esia:sid": unexplored_uuid(r),
        "urn:esia:sbj_id": r.randrange(10**9, 2 * 10**9),
        "exp": iat + 3600,
        "iat": iat,
        "client_id": "RAILTOURS01",
    }
    return _signed_jwt(r, {"ver": 1, "typ": "JWT", "sbt": "access", "alg": "RS256"}, claims, 256)


def unexplored_govbr_jwt(r: random.Random) -> str:
    """A gov.br (Brazil) ID token (RS256, ``iss`` ``https://sso.acesso.gov.br/``, the ``amr`` of the login)."""
    iat = _uex_iat(r)
    claims = {
        "sub": unexplored_uuid(r),
        "amr": [pick(r, "passwd", "app", "bank")],
        "iss": "https://sso.acesso.gov.br/",
        "aud": f"fantasias-lapa.{_uex_word(r, 6)}",
        "exp": iat + 600,
        "iat": iat,
        "nonce": rand(r, ALNUM, 16),
        "name": pick(r, "Thiago Souza", "Ana Paula Lima"),
    }
    return _signed_jwt(r, {"kid": "rsa1", "alg": "RS256"}, claims, 256)


def unexplored_cie_jwt(r: random.Random) -> str:
    """An Italian CIE OpenID Connect ID token (RS256, ``iss`` the Ministry of the Interior's OP, ``acr`` level 2)."""
    iat = _uex_iat(r)
    claims = {
        "iss": "https://oidc.idserver.servizicie.interno.gov.it",
        "sub": _hexbytes(r, 32),
        "aud": "https://tours.example.it/oidc/rp",
        "acr": "https://www.spid.gov.it/SpidL2",
        "iat": iat,
        "exp": iat + 300,
        "jti": unexplored_uuid(r),
        "nonce": rand(r, ALNUM, 24),
    }
    return _signed_jwt(r, {"alg": "RS256", "kid": rand(r, B64URL, 43), "typ": "JWT"}, claims, 256)


def unexplored_huawei_id_jwt(r: random.Random) -> str:
    """A HUAWEI ID (Account Kit) ID token (RS256, ``iss`` ``https://accounts.huawei.com``)."""
    iat = _uex_iat(r)
    claims = {
        "iss": "https://accounts.huawei.com",
        "sub": _hexbytes(r, 16),
        "aud": str(r.randrange(10**8, 10**9)),
        "exp": iat + 3600,
        "iat": iat,
        "at_hash": rand(r, B64URL, 22),
        "display_name": pick(r, "王芳", "张敏", "林冠廷"),
    }
    return _signed_jwt(r, {"kid": _hexbytes(r, 20), "typ": "JWT", "alg": "RS256"}, claims, 256)


def unexplored_checkbox_jwt(r: random.Random) -> str:
    """A Checkbox (Ukraine) cashier's access token (HS256, after ``/api/v1/cashier/signin``)."""
    iat = _uex_iat(r)
    claims = {"sub": unexplored_uuid(r), "nbf": iat, "exp": iat + 86400, "iat": iat, "type": "cashier"}
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


# ---------------------------------------------------------------------------- the unmapped split's own values
#
# Written for the thirty-eighth split only, by a thirty-second session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, Japan's My Number and corporate number, Korea's resident registration and business
# numbers, Türkiye's T.C. kimlik and vergi numbers, Mexico's CLABE, Nigeria's NUBAN and the UPU S10 check digit). Digit
# runs of eight to twelve digits are drawn until they read as no phone number of the split's regions, nationally or
# with a ``+``.

UNMAPPED_REGIONS = ("JP", "KR", "VN", "TR", "EG", "NG", "MX", "ID")


def _ump_no_phone(digits: str) -> bool:
    return _uex_no_phone(digits, UNMAPPED_REGIONS)


def _clean_of(digits: str, regions: tuple[str, ...]) -> bool:
    """No phone of ``regions``, no card: neither the whole nor a run of 12 to 19 digits passes Luhn."""
    return not luhn_ok(digits) and not _urm_luhn_windows(digits) and _uex_no_phone(digits, regions)


def _ump_clean(digits: str) -> bool:
    return _clean_of(digits, UNMAPPED_REGIONS)


def _clean_digits(r: random.Random, n: int, lead: str, regions: tuple[str, ...]) -> str:
    """``n`` digits (``lead`` first) that read as no phone number of ``regions`` and hold no Luhn-valid run of 12 to 19
    digits (the later splits' ``*_digits``: each draws from its own stream, with its own regions)."""
    assert n >= 4, n
    while True:
        head = lead or r.choice("123456789")
        digits = head + rand(r, string.digits, n - len(head))
        if _clean_of(digits, regions):
            return digits


def unmapped_digits(r: random.Random, n: int, lead: str = "") -> str:
    return _clean_digits(r, n, lead, UNMAPPED_REGIONS)


def _clean_epoch(r: random.Random, start: int, millis: bool, regions: tuple[str, ...]) -> int:
    """Epoch seconds (or milliseconds) from ``start`` on, drawn until no run of them passes Luhn and they read as no
    phone number with a ``+`` (milliseconds: nor nationally in ``regions``)."""
    while True:
        seconds = start + r.randrange(2_000_000)
        value = seconds * 1000 + r.randrange(1000) if millis else seconds
        text = str(value)
        if millis and _clean_of(text, regions):
            return value
        if not millis and not luhn_ok(text) and _uex_no_phone(text, ()):
            return value


def unmapped_epoch(r: random.Random, millis: bool = False) -> int:
    """In May 2026."""
    return _clean_epoch(r, 1_777_600_000, millis, UNMAPPED_REGIONS)


def _ump_word(r: random.Random, n: int) -> str:
    """``n`` letters and digits, a letter first, with no run of four decimal digits."""
    while True:
        word = r.choice(string.ascii_lowercase) + rand(r, string.ascii_lowercase + string.digits, n - 1)
        if not re.search(r"\d{4}", word):
            return word


# This split's regions: Japan (+81: mobiles 70/80/90 in ten digits, Tokyo 3 and Osaka 6 in nine, Kyoto 75, Sapporo 11,
# Fukuoka 92, Nagoya 52, Yokohama 45), Korea (+82: mobiles 10 in ten digits, Seoul 2, Gyeonggi 31, Incheon 32, Busan
# 51, Daegu 53, Jeju 64), Vietnam (+84: mobiles 3x, 7x, 8x, 9x in nine digits, Hanoi 24 and Ho Chi Minh City 28 in
# ten), Türkiye (+90: mobiles 5xx, Istanbul 212/216, Ankara 312, Izmir 232, Antalya 242, Bursa 224), Egypt (+20:
# mobiles 10, 11, 12, 15 in ten digits, Cairo 2, Alexandria 3), Nigeria (+234: mobiles 70x, 80x, 81x, 90x in ten
# digits, Lagos 201 and Abuja 209 in the ten-digit plan), Mexico (+52: ten digits, Mexico City 55, Guadalajara 33,
# Monterrey 81, Oaxaca 951,
# Cancún 998, Puebla 222) and Indonesia (+62: mobiles 81x-89x in ten to twelve digits, Jakarta 21, Bandung 22,
# Surabaya 31, Denpasar 361, Yogyakarta 274).
_UMP_HEADS: dict[str, dict[str, tuple[tuple[str, ...], tuple[int, ...]]]] = {
    "JP": {"MOBILE": (("90", "80", "70"), (10,)), "FIXED_LINE": (("3", "6", "75", "11", "92", "52", "45"), (9,))},
    "KR": {"MOBILE": (("10",), (10,)), "FIXED_LINE": (("2", "31", "32", "51", "53", "64"), (9, 10))},
    "VN": {
        "MOBILE": (("90", "91", "93", "94", "96", "97", "98", "32", "33", "35", "38", "70", "77", "79", "83", "86"),
                   (9,)),
        "FIXED_LINE": (("24", "28"), (10,)),
    },
    "TR": {
        "MOBILE": (("530", "532", "533", "535", "536", "505", "506", "542", "544", "546", "555", "552"), (10,)),
        "FIXED_LINE": (("212", "216", "312", "232", "242", "224"), (10,)),
    },
    "EG": {"MOBILE": (("10", "11", "12", "15"), (10,)), "FIXED_LINE": (("2", "3"), (8, 9))},
    "NG": {
        "MOBILE": (("803", "806", "813", "816", "703", "706", "903", "805", "802", "808", "812", "701", "907"), (10,)),
        "FIXED_LINE": (("201", "209"), (10,)),
    },
    "MX": {
        "MOBILE": (("55", "33", "81", "951", "998", "222"), (10,)),
        "FIXED_LINE": (("55", "33", "81", "951", "998", "222"), (10,)),
    },
    "ID": {
        "MOBILE": (("811", "812", "813", "821", "822", "852", "817", "818", "859", "877", "815", "857", "896", "881"),
                   (10, 11, 12)),
        "FIXED_LINE": (("21", "22", "31", "361", "274"), (9, 10)),
    },
}  # fmt: skip
_UMP_CODES = {"JP": 81, "KR": 82, "VN": 84, "TR": 90, "EG": 20, "NG": 234, "MX": 52, "ID": 62}


def _ump_valid_number(r: random.Random, region: str, kind: str = "") -> phonenumbers.PhoneNumber:
    kind = kind or pick(r, "MOBILE", "MOBILE", "FIXED_LINE")
    heads, sizes = _UMP_HEADS[region][kind]
    for _ in range(3000):
        head = r.choice(heads)
        digits = head + rand(r, string.digits, r.choice(sizes) - len(head))
        number = phonenumbers.parse(f"+{_UMP_CODES[region]}{digits}")
        if (
            phonenumbers.is_valid_number_for_region(number, region)
            and len(set(digits)) > 3
            and not digits.endswith(("000", "1234"))
        ):
            return number
    raise AssertionError(f"no valid number drawn for {region}")


_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _ump_forms(number: phonenumbers.PhoneNumber, region: str, international_only: bool) -> list[str]:
    """The ways the split's people and systems write ``number`` (see ``unmapped_phone``), unchecked."""
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    e164 = phonenumbers.format_number(number, pnf.E164)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    nsn = phonenumbers.national_significant_number(number)
    mobile = phonenumbers.number_type(number) in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )
    forms = [intl, e164, f"00{number.country_code} {rest}"]
    if region == "JP":
        forms += [f"+81-{rest}", f"+81 (0){rest}"]
    if region == "KR":
        forms += [f"+82-{rest}", f"+82 (0){rest}"]
    if region == "VN":
        forms += [f"+84 {nsn[:2]} {nsn[2:5]} {nsn[5:]}", f"(+84) {nsn}"]
    if region == "TR":
        forms += [f"+90 ({nsn[:3]}) {nsn[3:6]} {nsn[6:8]} {nsn[8:]}", f"+90-{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}"]
    if region == "EG":
        forms += [f"(+20) {nsn}", f"+20-{nsn[:2]}-{nsn[2:]}"]
    if region == "NG":
        forms += [f"234{nsn}", f"+234 (0) {nsn[:3]} {nsn[3:6]} {nsn[6:]}"]
    area = 2 if nsn[:2] in ("55", "33", "81") else 3
    if region == "MX":
        forms += [f"+52 ({nsn[:area]}) {nsn[area:6]}-{nsn[6:]}", f"+52 {nsn}"]
    if region == "ID":
        forms += [f"62{nsn}", f"+62-{nsn[:3]}-{nsn[3:7]}-{nsn[7:]}"]
    if international_only:
        return forms
    forms.append(national)
    if region == "JP":
        area, _sep, tail = national.partition("-")
        forms += [national.replace("-", " "), f"{area}({tail.replace('-', ')', 1)}", national.translate(_FULL_WIDTH)]
    if region == "KR":
        forms += [national.replace("-", " "), "0" + nsn, national.replace("-", ".")]
    if region == "VN":
        forms += [f"0{nsn[:3]}.{nsn[3:6]}.{nsn[6:]}", f"0{nsn}", f"0{nsn[:3]} {nsn[3:6]} {nsn[6:]}"]
    if region == "TR":
        forms += [f"0 ({nsn[:3]}) {nsn[3:6]} {nsn[6:8]} {nsn[8:]}", f"0{nsn}", f"0{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}"]
    if region == "EG":
        forms += [f"0{nsn}", ("0" + nsn).translate(_ARABIC_INDIC), national.replace(" ", "-")]
    if region == "NG":
        forms += [f"0{nsn}", f"0{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}"]
    if region == "MX":
        forms += [f"({nsn[:area]}) {nsn[area:6]}-{nsn[6:]}", nsn, f"{nsn[:3]} {nsn[3:6]} {nsn[6:]}"]
    if region == "ID":
        forms += [f"0{nsn}", f"0{nsn[:3]}-{nsn[3:7]}-{nsn[7:]}", f"(0{nsn[:2]}) {nsn[2:]}" if not mobile else f"0{nsn}"]
    return forms


def unmapped_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as its people or their systems write it: international (spaced, E.164,
    ``00``, Japan's and Korea's ``+81 (0)90-1234-5678``, Vietnam's ``(+84) 912345678``, Türkiye's ``+90 (532) 123 45
    67``, Egypt's ``+20-10-12345678``, Nigeria's ``2348031234567`` and ``+234 (0) 803 123 4567``, Mexico's ``+52 (55)
    1234-5678``, Indonesia's ``6281234567890``) or, unless ``international_only``, national: ``090-1234-5678``,
    ``03(1234)5678``, full-width ``０９０－１２３４－５６７８``, ``010.1234.5678``, ``0912.345.678``, ``0 (532) 123 45
    67``, ``01012345678`` in Arabic-Indic digits, ``0803-123-4567``, ``(55) 1234-5678``, ``0812-3456-7890``. Checked:
    it parses back (with its region as default) to the same valid number and holds no run that reads as an IPv4
    address."""
    region = r.choice(regions)
    number = _ump_valid_number(r, region)
    forms = _ump_forms(number, region, international_only)
    choices = [t for t in forms if _uex_reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unmapped_e164(r: random.Random, region: str, kind: str = "") -> str:
    """A valid number of ``region`` in E.164 (``+819012345678``)."""
    return phonenumbers.format_number(_ump_valid_number(r, region, kind), phonenumbers.PhoneNumberFormat.E164)


def unmapped_national(r: random.Random, region: str, kind: str = "") -> str:
    """A valid number of ``region`` in its national format (``090-1234-5678``, ``0803 123 4567``)."""
    return phonenumbers.format_number(_ump_valid_number(r, region, kind), phonenumbers.PhoneNumberFormat.NATIONAL)


def unmapped_nsn(r: random.Random, region: str, kind: str = "") -> str:
    """A valid number of ``region`` as its national significant digits."""
    return phonenumbers.national_significant_number(_ump_valid_number(r, region, kind))


def unmapped_invalid_phone(r: random.Random) -> str:
    """A number written like an international phone number of the regions that is valid nowhere: a valid mobile with
    two digits dropped or three added, drawn until libphonenumber rejects it with its ``+`` and nationally."""
    for _ in range(800):
        number = _ump_valid_number(r, r.choice(UNMAPPED_REGIONS), "MOBILE")
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-2] if r.random() < 0.5 else digits + rand(r, string.digits, 3)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and _ump_no_phone(digits):
            return text
    raise AssertionError("no invalid number drawn")


def unmapped_grouped_id(r: random.Random, sizes: tuple[int, ...], sep: str, lead: str = "") -> str:
    """Digits grouped like a phone number (an order, a parcel, a ticket), drawn until they read as no number of the
    split's regions, with or without their first digit, and no run passes Luhn."""
    n = sum(sizes)
    for _ in range(2000):
        digits = unmapped_digits(r, n, lead)
        if _ump_no_phone(digits[1:]) and _ump_no_phone("0" + digits):
            return grouped(digits, sizes, sep)
    raise AssertionError(f"no id of {n} digits drawn")


def _ump_s10(r: random.Random, service: str, country: str) -> str:
    body = rand(r, string.digits, 8)
    total = sum(int(d) * w for d, w in zip(body, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = 11 - total % 11
    check = 0 if check == 10 else 5 if check == 11 else check
    return f"{service}{body}{check}{country}"


def unmapped_tracking(r: random.Random, carrier: str = "") -> str:
    """A parcel tracking number of the split's carriers: Yamato's and Sagawa's twelve digits (Yamato in fours, as the
    slip prints them), CJ Logistics' twelve, GHN's letters, J&T's ``JX`` and ten digits, Yurtiçi Kargo's twelve,
    Estafeta's 22 digits and UPU S10 ids of Japan Post, Korea Post, PTT and Correos de México; drawn until no run
    passes Luhn or reads as a phone."""
    carrier = carrier or pick(r, "yamato", "sagawa", "cj", "ghn", "jnt", "yurtici", "estafeta", "jp", "kp", "ptt", "mx")
    if carrier == "yamato":
        return "ヤマト運輸 伝票番号 " + unmapped_grouped_id(r, (4, 4, 4), "-", "4")
    if carrier == "sagawa":
        return "佐川急便 お問い合せ送り状No. " + unmapped_digits(r, 12, "3")
    if carrier == "cj":
        return "CJ대한통운 운송장번호 " + unmapped_digits(r, 12, "6")
    if carrier == "ghn":
        return "GHN mã vận đơn " + rand(r, "ABCDEFGHKLMNPQRTUVXY", 8)
    if carrier == "jnt":
        return "J&T Express resi JX" + unmapped_digits(r, 10)
    if carrier == "yurtici":
        return "Yurtiçi Kargo takip no " + unmapped_digits(r, 12, "2")
    if carrier == "estafeta":
        return "Estafeta guía " + unmapped_digits(r, 22, "7")
    service, country, name = {
        "jp": ("EJ", "JP", "日本郵便"),
        "kp": ("RR", "KR", "우체국"),
        "ptt": ("RR", "TR", "PTT Kargo"),
        "mx": ("CP", "MX", "Correos de México"),
    }[carrier]
    return f"{name} {_ump_s10(r, service, country)}"


def unmapped_luhn_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits whose last is a Luhn check digit (a point card, a transit card, a device id): no payment card,
    although it passes Luhn; drawn until it reads as no phone of the regions."""
    while True:
        body = lead + rand(r, string.digits, n - 1 - len(lead))
        digits = body + _luhn_digit(body)
        if digits[0] != "0" and _ump_no_phone(digits):
            return digits


# National identifiers of the split's countries, with their check digits where they have one: none is a phone, a card
# or an IBAN.
def unmapped_my_number(r: random.Random) -> str:
    """A Japanese individual number (マイナンバー: eleven digits and a mod-11 check digit) in fours."""
    while True:
        body = rand(r, string.digits, 11)
        total = sum(int(d) * (n + 1 if n <= 6 else n - 5) for n, d in enumerate(reversed(body), start=1))
        check = 0 if total % 11 <= 1 else 11 - total % 11
        digits = body + str(check)
        if body[0] != "0" and _ump_clean(digits):
            return f"{digits[:4]} {digits[4:8]} {digits[8:]}"


def unmapped_jp_corporate(r: random.Random) -> str:
    """A Japanese corporate number (法人番号: a check digit and twelve digits)."""
    while True:
        body = rand(r, string.digits, 12)
        total = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(reversed(body)))
        digits = str(9 - total % 9) + body
        if _ump_clean(digits):
            return digits


def unmapped_rrn(r: random.Random, masked: bool = False) -> str:
    """A Korean resident registration number (주민등록번호: the birth date, the sex and century digit, five digits and a
    check digit) as ``900101-1234567``, or masked as services show it (``900101-1******``)."""
    while True:
        birth = f"{r.randrange(60, 100):02d}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}"
        body = birth + r.choice("12") + rand(r, string.digits, 5)
        total = sum(int(d) * w for d, w in zip(body, (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5), strict=True))
        digits = body + str((11 - total % 11) % 10)
        if _ump_clean(digits) and _ump_no_phone(digits[6:]):
            return f"{digits[:6]}-{digits[6]}******" if masked else f"{digits[:6]}-{digits[6:]}"


def unmapped_kr_brn(r: random.Random) -> str:
    """A Korean business registration number (사업자등록번호: ten digits, the last a check digit): ``123-45-67890``."""
    while True:
        body = rand(r, string.digits, 9)
        weights = (1, 3, 7, 1, 3, 7, 1, 3, 5)
        total = sum(int(d) * w for d, w in zip(body, weights, strict=True)) + int(body[8]) * 5 // 10
        digits = body + str((10 - total % 10) % 10)
        if body[0] != "0" and _ump_clean(digits) and _ump_no_phone("0" + digits):
            return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


def unmapped_cccd(r: random.Random) -> str:
    """A Vietnamese citizen identity card number (CCCD: the province, the sex and century digit, the birth year, six
    digits): twelve digits."""
    while True:
        digits = pick(r, "001", "079", "048", "031", "092") + r.choice("0123") + rand(r, string.digits, 8)
        if _ump_clean(digits) and _ump_no_phone(digits[1:]):
            return digits


def unmapped_tc_kimlik(r: random.Random) -> str:
    """A Turkish identity number (T.C. kimlik no: nine digits and two check digits)."""
    while True:
        d = [r.randrange(1, 10)] + [r.randrange(10) for _ in range(8)]
        tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
        eleventh = (sum(d) + tenth) % 10
        digits = "".join(map(str, d)) + f"{tenth}{eleventh}"
        if _ump_clean(digits) and _ump_no_phone(digits[1:]):
            return digits


def unmapped_vergi_no(r: random.Random) -> str:
    """A Turkish tax number (vergi kimlik no: nine digits and a check digit)."""
    while True:
        body = rand(r, string.digits, 9)
        total = 0
        for i, ch in enumerate(body):
            t = (int(ch) + 10 - (i + 1)) % 10
            total += 9 if t == 9 else (t * 2 ** (10 - (i + 1))) % 9
        digits = body + str((10 - total % 10) % 10)
        if _ump_clean(digits) and _ump_no_phone("0" + digits):
            return digits


def unmapped_eg_national_id(r: random.Random) -> str:
    """An Egyptian national id (الرقم القومي: the century, the birth date, the governorate, four digits whose last gives
    the sex, a check digit): fourteen digits."""
    while True:
        birth = f"{r.randrange(60, 100):02d}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}"
        digits = "2" + birth + pick(r, "01", "02", "21", "88") + rand(r, string.digits, 5)
        if _ump_clean(digits) and _ump_no_phone(digits[1:]):
            return digits


def unmapped_nin(r: random.Random) -> str:
    """A Nigerian National Identification Number (NIN) or Bank Verification Number (BVN, ``22`` first): eleven
    digits."""
    while True:
        lead = pick(r, "22", "3", "5", "7")
        digits = lead + rand(r, string.digits, 11 - len(lead))
        if _ump_clean(digits) and _ump_no_phone(digits[1:]) and _ump_no_phone("0" + digits[1:]):
            return digits


def unmapped_curp(r: random.Random) -> str:
    """A Mexican CURP: four letters of the name, the birth date, the sex, the state, three consonants, a character and
    a check digit."""
    birth = f"{r.randrange(60, 100):02d}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}"
    return (
        rand(r, "BCDFGHLMNPRSTVZ", 1)
        + rand(r, "AEIOU", 1)
        + rand(r, string.ascii_uppercase, 2)
        + birth
        + pick(r, "H", "M")
        + pick(r, "OC", "DF", "JC", "NL", "PL")
        + rand(r, "BCDFGHJKLMNPQRSTVWXYZ", 3)
        + rand(r, "0A", 1)
        + str(r.randrange(10))
    )


def unmapped_rfc(r: random.Random) -> str:
    """A Mexican RFC of a company (three letters, the founding date, a three-character homoclave)."""
    return (
        rand(r, string.ascii_uppercase, 3)
        + f"{r.randrange(0, 25):02d}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}"
        + rand(r, UPPER, 3)
    )


def unmapped_nik(r: random.Random) -> str:
    """An Indonesian population id (NIK: province, regency and district, the birth date with 40 added for women, four
    digits): sixteen digits, drawn to fail Luhn and read as no phone."""
    while True:
        day = r.randrange(1, 29) + (40 if r.random() < 0.5 else 0)
        digits = (
            pick(r, "317101", "327301", "357801", "510301", "340401")
            + f"{day:02d}{r.randrange(1, 13):02d}{r.randrange(60, 100):02d}"
            + rand(r, string.digits, 4)
        )
        if _ump_clean(digits):
            return digits


def unmapped_npwp(r: random.Random) -> str:
    """An Indonesian tax number (NPWP) as printed: ``01.234.567.8-901.000``."""
    digits = unmapped_digits(r, 12, "0" + r.choice("1239"))
    return f"{digits[:2]}.{digits[2:5]}.{digits[5:8]}.{digits[8]}-{digits[9:12]}.000"


def unmapped_clabe(r: random.Random) -> str:
    """A Mexican CLABE (eighteen digits: the bank, the city, eleven of account and a check digit): a bank account, no
    IBAN (Mexico has none); drawn until no run passes Luhn and no part reads as a phone."""
    while True:
        body = (
            pick(r, "002", "012", "014", "021", "072", "646")
            + pick(r, "180", "320", "610", "010")
            + rand(r, string.digits, 11)
        )
        total = sum(int(d) * (3, 7, 1)[i % 3] % 10 for i, d in enumerate(body))
        digits = body + str((10 - total % 10) % 10)
        if _ump_clean(digits) and _ump_no_phone(digits[6:16]) and _ump_no_phone(digits[-10:]):
            return digits


def unmapped_nuban(r: random.Random) -> str:
    """A Nigerian NUBAN account (ten digits, the last a check digit over the bank code): drawn until it reads as no
    phone with or without a leading 0."""
    while True:
        bank = pick(r, "058", "044", "011", "057", "214")
        body = rand(r, string.digits, 9)
        total = sum(int(d) * w for d, w in zip(bank + body, (3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3), strict=True))
        digits = body + str((10 - total % 10) % 10)
        if _ump_clean(digits) and _ump_no_phone("0" + digits):
            return digits


def unmapped_jp_account(r: random.Random) -> str:
    """A Japanese bank account as a transfer form gives it (bank, branch number, 普通 and seven digits): no IBAN."""
    bank = pick(r, "三菱UFJ銀行", "みずほ銀行", "ゆうちょ銀行", "楽天銀行")
    return f"{bank} 支店番号{r.randrange(100, 999)} 普通 {unmapped_digits(r, 7)}"


# Card numbers this split draws, from issuer ranges no earlier split draws: Visa's 4599 and 4983, Mastercard's 5362 and
# 2265, JCB's 3563 and 3587, Amex' 3795, Troy's 979202 and 979280, Verve's 506102, 506118 and 650021 in 16 and 19
# digits, Napas' 970436, 970415 and 970422 in 16 and 19, Meeza's 507805, Carnet's 506204 and 506280 and GPN's 936009.
UNMAPPED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4599", "4983"), (16,)),
    "mastercard": (("5362", "2265"), (16,)),
    "jcb": (("3563", "3587"), (16,)),
    "amex": (("3795",), (15,)),
    "troy": (("979202", "979280"), (16,)),
    "verve": (("506102", "506118", "650021"), (16, 19)),
    "napas": (("970436", "970415", "970422"), (16, 19)),
    "meeza": (("507805",), (16,)),
    "carnet": (("506204", "506280"), (16,)),
    "gpn": (("936009",), (16,)),
}


def unmapped_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNMAPPED_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def unmapped_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) as people write it: in its groups (19 digits in 4-4-4-4-3, Amex in
    4-6-5), joined by ``sep`` (spaces, dashes, nothing)."""
    digits = unmapped_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    return grouped(digits, card_groups(digits), sep)


# IBANs this split draws: Türkiye (26: five digits of bank, a reserved 0, sixteen of account), Egypt (29: four of bank,
# four of branch, seventeen of account), Saudi Arabia (24: two of bank, eighteen of account), the United Arab Emirates
# (23: three of bank, sixteen of account), Qatar (29: the bank's four letters, 21 characters) and Kuwait (30: the bank's
# four letters, 22 characters): where the split's workers and suppliers are paid from and to.
UNMAPPED_IBAN_LENGTHS = {"TR": 26, "EG": 29, "SA": 24, "AE": 23, "QA": 29, "KW": 30}


def _ump_bban(r: random.Random, country: str) -> str:
    if country == "TR":
        return pick(r, "00010", "00012", "00046", "00062", "00064", "00067") + "0" + rand(r, string.digits, 16)
    if country == "EG":
        return pick(r, "0019", "0002", "0003", "0030") + rand(r, string.digits, 4) + rand(r, string.digits, 17)
    if country == "SA":
        return pick(r, "10", "20", "45", "80") + rand(r, string.digits, 18)
    if country == "AE":
        return pick(r, "026", "033", "035", "030") + rand(r, string.digits, 16)
    if country == "QA":
        return pick(r, "QNBA", "DOHB", "CBQA", "QIIB") + rand(r, string.digits, 21)
    assert country == "KW"
    return pick(r, "NBOK", "KFHO", "GULB", "BBYN") + rand(r, string.digits, 22)


def unmapped_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Türkiye, Egypt, Saudi Arabia, the UAE, Qatar or Kuwait, compact or in groups of four (``grouped``
    None: either); ``valid`` False: its check digits are wrong."""
    country = country or r.choice(sorted(UNMAPPED_IBAN_LENGTHS))
    bban = _ump_bban(r, country)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNMAPPED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


UNMAPPED_HASH_FAMILIES = (
    "gnuboard",
    "rhymix",
    "mediawiki_b",
    "mongodb_scram",
    "sspr",
    "mysql_sha2",
    "nextcloud",
    "ejabberd_scram",
)


def unmapped_password_hash(r: random.Random, family: str = "") -> str:
    """Password-derived material of one family as its software stores it or as hashcat's examples write it (``family``
    empty: any): Gnuboard 5's ``sha256:12000:salt:hash`` (Korea), Rhymix's and XpressEngine's
    ``sha256:0008192:salt:hash`` (Korea), MediaWiki's ``:B:salt:md5``, a MongoDB SCRAM credential as hashcat takes it
    (``$mongodb-scram$*``), NetIQ SSPR's ``$sspr$``, MySQL 8's ``caching_sha2_password`` (``$mysql$A$005*``),
    Nextcloud's versioned ``3|$argon2id$`` and ejabberd's SCRAM tuple as its Mnesia export writes it."""
    family = family or r.choice(UNMAPPED_HASH_FAMILIES)
    h = functools.partial(_hexbytes, r)
    if family == "gnuboard":
        return f"sha256:12000:{b64(r.randbytes(24))}:{b64(r.randbytes(24))}"
    if family == "rhymix":
        return f"sha256:0008192:{rand(r, ALNUM, 12)}:{rand(r, ALNUM + '+/', 32)}"
    if family == "mediawiki_b":
        return f":B:{h(4)}:{h(16)}"
    if family == "mongodb_scram":
        user = b64(pick(r, "dahab_app", "mezcal_etl", "events_ro").encode())
        return f"$mongodb-scram$*0*{user}*{pick(r, '10000', '15000')}*{b64(r.randbytes(16))}*{b64(r.randbytes(20))}"
    if family == "sspr":
        kind = r.choice((2, 3, 4))
        return f"$sspr${kind}$100000${rand(r, ALNUM, 32)}${h({2: 20, 3: 32, 4: 64}[kind])}"
    if family == "mysql_sha2":
        return f"$mysql$A$005*{h(20).upper()}*{h(32).upper()}"
    if family == "nextcloud":
        return f"3|$argon2id$v=19$m=65536,t=4,p=1${b64(r.randbytes(16)).rstrip('=')}${b64(r.randbytes(32)).rstrip('=')}"
    assert family == "ejabberd_scram"
    return (
        f'{{scram,<<"{b64(r.randbytes(20))}">>,<<"{b64(r.randbytes(20))}">>,<<"{b64(r.randbytes(16))}">>,'
        f"{pick(r, '4096', '10000')}}}"
    )


def unmapped_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r,
        "Oaxaca",
        "Mitla",
        "Tlacolula",
        "Aswan",
        "Luxor",
        "Edfu",
        "Lekki",
        "Ikoyi",
        "Surulere",
        "Hakone",
        "Jeonju",
        "Hoian",
        "Bandung",
        "Ubud",
        "Bodrum",
        "Padang",
        "Dili",
        "Zamboanga",
        "Komombo",
        "Tenochtitlan",
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_", "$", "?", ".")


def unmapped_email(r: random.Random) -> str:
    """An address of the split's people: Japanese, Korean, Vietnamese, Turkish, Egyptian, Nigerian, Mexican,
    Indonesian, Minangkabau, Balinese, Nahua, Timorese and Zamboangueño names with dots, digits, hyphens and plus tags,
    at their countries' providers and the big ones."""
    first = pick(
        r,
        "yuki.tanaka",
        "haruto_sato",
        "minji.kim",
        "jiwoo.park",
        "nguyen.thi.lan",
        "tran-minh-duc",
        "ayse.yilmaz",
        "mehmet_kaya",
        "mohamed.hassan",
        "nour.elsayed",
        "chinedu.okafor",
        "aisha_bello",
        "tunde.adeyemi",
        "ximena.lopez",
        "jose.luis.garcia",
        "putu.ayu",
        "budi.santoso",
        "rahmat.sutan",
        "tlaloc.xochitl",
        "ana.soares.tl",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'nile', 'mezcal', 'party', 'bookings')}")
    domain = pick(
        r,
        "docomo.ne.jp",
        "ezweb.ne.jp",
        "yahoo.co.jp",
        "naver.com",
        "daum.net",
        "kakao.com",
        "vnn.vn",
        "fpt.vn",
        "ttmail.com",
        "hotmail.com.tr",
        "link.net",
        "te.eg",
        "yahoo.com.ng",
        "prodigy.net.mx",
        "telkom.net",
        "yahoo.co.id",
        "gmail.com",
        "outlook.com",
        "icloud.com",
    )
    return f"{local}@{domain}"


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def unmapped_line_channel_token(r: random.Random) -> str:
    """A LINE Messaging API long-lived channel access token (a bearer): 172 base64 characters ending ``=``."""
    return rand(r, ALNUM + "+/", 171) + "="


def unmapped_line_channel_secret(r: random.Random) -> str:
    """A LINE channel secret (it signs ``X-Line-Signature``): 32 hex digits."""
    return _hexbytes(r, 16)


def unmapped_gmo_shop(r: random.Random) -> tuple[str, str]:
    """A GMO Payment Gateway (Japan) shop id (``tshop`` and eight digits, an id) and shop password (eight letters and
    digits)."""
    return f"tshop{unmapped_digits(r, 8, '0')}", rand(r, string.ascii_lowercase + string.digits, 8)


def unmapped_misoca_token(r: random.Random) -> str:
    """A Misoca (Japan) OAuth access token (a bearer): 64 hex digits."""
    return _hexbytes(r, 32)


def unmapped_base_token(r: random.Random) -> str:
    """A BASE (thebase.in, Japan) OAuth access token (a bearer): 32 hex digits."""
    return _hexbytes(r, 16)


def unmapped_smaregi_pair(r: random.Random) -> tuple[str, str]:
    """A Smaregi (Japan) platform app's client id (32 hex digits, an id) and client secret (64 hex digits), sent as
    Basic to the token endpoint."""
    return _hexbytes(r, 16), _hexbytes(r, 32)


def unmapped_portone_secret(r: random.Random) -> str:
    """A PortOne v2 (Korea) API secret (``Authorization: PortOne``): 80 letters and digits."""
    return rand(r, ALNUM, 80)


def unmapped_kakao_rest_key(r: random.Random) -> str:
    """A Kakao Developers REST API key (``Authorization: KakaoAK``): 32 hex digits."""
    return _hexbytes(r, 16)


def unmapped_kakaopay_secret(r: random.Random) -> str:
    """A KakaoPay secret key (``Authorization: SECRET_KEY``): ``DEV`` or ``PRD`` and 37 capitals and digits."""
    return pick(r, "DEV", "PRD") + rand(r, "0123456789ABCDEF", 37)


def unmapped_ncp_pair(r: random.Random) -> tuple[str, str]:
    """A NAVER Cloud Platform API Gateway key id (``X-NCP-APIGW-API-KEY-ID``: ten lower-case letters and digits, an id)
    and key (``X-NCP-APIGW-API-KEY``: 40 letters and digits)."""
    return rand(r, string.ascii_lowercase + string.digits, 10), rand(r, ALNUM, 40)


def unmapped_naver_pair(r: random.Random) -> tuple[str, str]:
    """A NAVER Developers application's client id (20 letters and digits, public) and client secret (ten)."""
    return rand(r, ALNUM + "_", 20), rand(r, ALNUM, 10)


def unmapped_inicis_key(r: random.Random) -> str:
    """A KG Inicis INIAPI key (it hashes the request): 16 letters and digits."""
    return rand(r, ALNUM, 16)


def unmapped_coupang_pair(r: random.Random) -> tuple[str, str]:
    """A Coupang Open API access key (a UUID, named in the signed header) and secret key (40 hex digits)."""
    return unexplored_uuid(r), _hexbytes(r, 20)


def unmapped_sweettracker_key(r: random.Random) -> str:
    """A Sweet Tracker (Korea) parcel API key (``t_key``): 22 letters and digits."""
    return rand(r, ALNUM, 22)


def unmapped_ghn_pair(r: random.Random) -> tuple[str, str]:
    """A Giao Hàng Nhanh (Vietnam) shop id (``ShopId``, digits, an id) and token (``Token``, a UUID)."""
    return str(r.randrange(10**5, 10**7)), unexplored_uuid(r)


def unmapped_ghtk_token(r: random.Random) -> str:
    """A Giao Hàng Tiết Kiệm (Vietnam) API token (``Token`` header): 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unmapped_payos_keys(r: random.Random) -> tuple[str, str, str]:
    """A payOS (Vietnam) channel: the client id (``x-client-id``, a UUID, an id), the API key (``x-api-key``, a UUID)
    and the checksum key (64 hex digits, it signs the body)."""
    return unexplored_uuid(r), unexplored_uuid(r), _hexbytes(r, 32)


def unmapped_sepay_token(r: random.Random) -> str:
    """A SePay (Vietnam) API token (a bearer): 64 capitals and digits."""
    return rand(r, UPPER, 64)


def unmapped_kiotviet_pair(r: random.Random) -> tuple[str, str]:
    """A KiotViet (Vietnam) client id (a UUID, an id) and client secret (40 hex digits in capitals)."""
    return unexplored_uuid(r), _hexbytes(r, 20).upper()


def unmapped_haravan_token(r: random.Random) -> str:
    """A Haravan (Vietnam) private app access token (a bearer): 64 hex digits in capitals."""
    return _hexbytes(r, 32).upper()


def unmapped_zalo_oa_token(r: random.Random) -> str:
    """A Zalo Official Account access token (the ``access_token`` header): some 200 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, r.randrange(180, 230))


def unmapped_hepsiburada_pair(r: random.Random) -> tuple[str, str]:
    """A Hepsiburada (Türkiye) merchant id (a UUID, the Basic user) and service password (the Basic password)."""
    return unexplored_uuid(r), rand(r, ALNUM, 16)


def unmapped_parasut_pair(r: random.Random) -> tuple[str, str]:
    """A Paraşüt (Türkiye) OAuth application's client id and client secret (64 hex digits each, the id public)."""
    return _hexbytes(r, 32), _hexbytes(r, 32)


def unmapped_parasut_token(r: random.Random) -> str:
    """A Paraşüt access token (a bearer): 43 base64url characters."""
    return rand(r, B64URL, 43)


def unmapped_sipay_pair(r: random.Random) -> tuple[str, str]:
    """A Sipay (Türkiye) app id (32 hex digits, an id) and app secret (32 hex digits)."""
    return _hexbytes(r, 16), _hexbytes(r, 16)


def unmapped_bosta_key(r: random.Random) -> str:
    """A Bosta (Egypt) API key (bare in ``Authorization``): 64 hex digits."""
    return _hexbytes(r, 32)


def unmapped_kashier_pair(r: random.Random) -> tuple[str, str]:
    """A Kashier (Egypt) merchant id (``MID-`` and digits, an id) and payment API key (a UUID)."""
    return f"MID-{r.randrange(1000, 99999)}-{r.randrange(100, 999)}", unexplored_uuid(r)


def unmapped_geidea_pair(r: random.Random) -> tuple[str, str]:
    """A Geidea (Egypt, Saudi Arabia) merchant public key (a UUID, the Basic user) and API password (a UUID)."""
    return unexplored_uuid(r), unexplored_uuid(r)


def unmapped_monnify_pair(r: random.Random) -> tuple[str, str]:
    """A Monnify (Nigeria) API key (``MK_PROD_`` and ten capitals) and secret key (32 capitals and digits), sent as
    Basic to the login endpoint."""
    return "MK_PROD_" + rand(r, string.ascii_uppercase + string.digits, 10), rand(r, UPPER, 32)


def unmapped_squad_key(r: random.Random) -> str:
    """A Squad (GTCO, Nigeria) secret key (a bearer): ``sk_`` and 40 hex digits, or ``sandbox_sk_`` and 46."""
    if r.random() < 0.5:
        return "sk_" + _hexbytes(r, 20)
    return "sandbox_sk_" + _hexbytes(r, 23)


def unmapped_korapay_pair(r: random.Random) -> tuple[str, str]:
    """A Korapay (Nigeria) public key (``pk_live_``, public) and secret key (``sk_live_``): 40 letters and digits
    each."""
    return "pk_live_" + rand(r, ALNUM, 40), "sk_live_" + rand(r, ALNUM, 40)


def unmapped_mono_key(r: random.Random) -> str:
    """A Mono (Nigeria) secret key (``mono-sec-key``): ``live_sk_`` and 20 letters and digits."""
    return "live_sk_" + rand(r, string.ascii_lowercase + string.digits, 20)


def unmapped_termii_key(r: random.Random) -> str:
    """A Termii (Nigeria) API key (``api_key`` in the JSON body): ``TL`` and 58 letters and digits."""
    return "TL" + rand(r, ALNUM, 58)


def unmapped_interswitch_pair(r: random.Random) -> tuple[str, str]:
    """An Interswitch Passport (Nigeria) client id (``IKIA`` and 36 hex digits in capitals, an id) and secret (44
    base64 characters), sent as Basic."""
    return "IKIA" + _hexbytes(r, 18).upper(), b64(r.randbytes(33))


def unmapped_vtpass_keys(r: random.Random) -> tuple[str, str, str]:
    """VTpass (Nigeria) API keys: the ``api-key`` (32 hex digits), the public key (``PK_`` and 40, public) and the
    secret key (``SK_`` and 40)."""
    return _hexbytes(r, 16), "PK_" + rand(r, ALNUM, 40), "SK_" + rand(r, ALNUM, 40)


def unmapped_sendchamp_key(r: random.Random) -> str:
    """A Sendchamp (Nigeria) public access key (a bearer): ``sendchamp_live_`` and a string that reads like a bcrypt
    hash (``$2a$10$`` and 53 characters) although it is a key."""
    return "sendchamp_live_$2a$10$" + rand(r, ALNUM + "./", 53)


def unmapped_facturapi_key(r: random.Random) -> str:
    """A Facturapi (Mexico) organisation secret key (a bearer): ``sk_live_`` and 40 letters and digits."""
    return "sk_live_" + rand(r, ALNUM, 40)


def unmapped_skydropx_key(r: random.Random) -> str:
    """A Skydropx (Mexico) API key (``Authorization: Token token=``): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unmapped_belvo_pair(r: random.Random) -> tuple[str, str]:
    """A Belvo (Mexico) secret key id (a UUID) and password (64 letters, digits, ``#``, ``*`` and ``_``), sent as
    Basic."""
    return unexplored_uuid(r), rand(r, ALNUM + "#*_", 64)


def unmapped_clip_pair(r: random.Random) -> tuple[str, str]:
    """A Clip (Mexico) API key (a UUID) and secret key (a UUID), sent together as Basic."""
    return unexplored_uuid(r), unexplored_uuid(r)


def unmapped_bitso_pair(r: random.Random) -> tuple[str, str]:
    """A Bitso (Mexico) API key (ten letters, named in the signed header) and secret (32 hex digits)."""
    return rand(r, string.ascii_letters, 10), _hexbytes(r, 16)


def unmapped_doku_pair(r: random.Random) -> tuple[str, str]:
    """A DOKU (Indonesia) client id (``BRN-`` and digits, an id) and secret key (``SK-`` and 20 letters and digits)."""
    return f"BRN-{unmapped_digits(r, 4, '0')}-{unmapped_digits(r, 13)}", "SK-" + rand(r, ALNUM, 20)


def unmapped_tripay_keys(r: random.Random) -> tuple[str, str]:
    """A Tripay (Indonesia) API key (a bearer: ``DEV-`` and 40 letters and digits) and private key (five groups of
    five, it signs the transaction)."""
    private = "-".join(rand(r, ALNUM, 5) for _ in range(5))
    return pick(r, "DEV-", "") + rand(r, ALNUM, 40), private


def unmapped_ipaymu_key(r: random.Random) -> str:
    """An iPaymu (Indonesia) API key (it signs the request): ``SANDBOX`` and a UUID in capitals, or the UUID alone."""
    return pick(r, "SANDBOX", "") + unexplored_uuid(r).upper()


def unmapped_qiscus_pair(r: random.Random) -> tuple[str, str]:
    """A Qiscus (Indonesia) app id (``Qiscus-App-Id``: letters and a dash, public) and secret key
    (``Qiscus-Secret-Key``: 32 hex digits)."""
    return f"{rand(r, string.ascii_lowercase, 4)}-{rand(r, string.ascii_lowercase, 8)}", _hexbytes(r, 16)


def unmapped_wablas_token(r: random.Random) -> str:
    """A Wablas (Indonesia) device token (bare in ``Authorization``): 60 letters and digits, ``.`` and the 8-character
    secret key."""
    return rand(r, ALNUM, 60) + "." + rand(r, ALNUM, 8)


def unmapped_fonnte_token(r: random.Random) -> str:
    """A Fonnte (Indonesia) device token (bare in ``Authorization``): 20 letters, digits, ``!``, ``#`` and ``+``."""
    return rand(r, ALNUM + "!#+", 20)


def unmapped_rajaongkir_key(r: random.Random) -> str:
    """A RajaOngkir (Indonesia) API key (the ``key`` header): 32 hex digits."""
    return _hexbytes(r, 16)


def unmapped_durianpay_key(r: random.Random) -> str:
    """A Durianpay (Indonesia) secret key (the Basic user, empty password): ``dp_live_`` and 24 letters and digits."""
    return "dp_live_" + rand(r, ALNUM, 24)


def unmapped_oy_key(r: random.Random) -> str:
    """An OY! Indonesia API key (``x-api-key``, with the username in ``x-oy-username``): a UUID."""
    return unexplored_uuid(r)


def unmapped_flip_secret(r: random.Random) -> str:
    """A Flip (Indonesia) secret key (the Basic user, empty password): base64 of a bcrypt-shaped string, ``JDJ5JDEz``
    first."""
    return b64(("$2y$13$" + rand(r, ALNUM + "./", 53)).encode())


def unmapped_zenziva_pair(r: random.Random) -> tuple[str, str]:
    """A Zenziva (Indonesia) user key (six letters and digits, an id) and API key (``passkey``: 20 hex digits)."""
    return rand(r, string.ascii_lowercase + string.digits, 6), _hexbytes(r, 10)


def unmapped_lancedb_key(r: random.Random) -> str:
    """A LanceDB Cloud API key (``x-api-key``): ``sk_`` and 52 letters and digits."""
    return "sk_" + rand(r, string.ascii_lowercase + string.digits, 52)


def unmapped_marqo_key(r: random.Random) -> str:
    """A Marqo Cloud API key (``x-api-key``): 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unmapped_vespa_token(r: random.Random) -> str:
    """A Vespa Cloud data-plane token (a bearer): ``vespa_cloud_`` and 51 letters and digits."""
    return "vespa_cloud_" + rand(r, ALNUM, 51)


def _ump_iat(r: random.Random) -> int:
    return 1_777_600_000 + r.randrange(10**6)


def unmapped_line_id_token(r: random.Random) -> str:
    """A LINE Login ID token (HS256, ``iss`` ``https://access.line.me``, the channel id as ``aud``)."""
    iat = _ump_iat(r)
    claims = {
        "iss": "https://access.line.me",
        "sub": "U" + _hexbytes(r, 16),
        "aud": str(r.randrange(1_600_000_000, 2_000_000_000)),
        "exp": iat + 3600,
        "iat": iat,
        "amr": ["linesso"],
        "name": pick(r, "田中 結衣", "佐藤 陽翔"),
    }
    return _signed_jwt(r, {"typ": "JWT", "alg": "HS256"}, claims, 32)


def unmapped_kakao_id_token(r: random.Random) -> str:
    """A Kakao Login OpenID Connect ID token (RS256, ``iss`` ``https://kauth.kakao.com``)."""
    iat = _ump_iat(r)
    claims = {
        "aud": _hexbytes(r, 16),
        "sub": str(r.randrange(10**9, 4 * 10**9)),
        "auth_time": iat,
        "iss": "https://kauth.kakao.com",
        "nickname": pick(r, "민지", "지우"),
        "exp": iat + 21599,
        "iat": iat,
    }
    return _signed_jwt(r, {"kid": _hexbytes(r, 16), "typ": "JWT", "alg": "RS256"}, claims, 256)


def unmapped_yahoojp_id_token(r: random.Random) -> str:
    """A Yahoo! JAPAN ID ID token (RS256, ``iss`` ``https://auth.login.yahoo.co.jp/yconnect/v2``)."""
    iat = _ump_iat(r)
    claims = {
        "iss": "https://auth.login.yahoo.co.jp/yconnect/v2",
        "sub": rand(r, string.ascii_uppercase + string.digits, 26),
        "aud": [rand(r, B64URL, 56)],
        "exp": iat + 600,
        "iat": iat,
        "amr": ["pwd"],
        "nonce": rand(r, ALNUM, 22),
        "at_hash": rand(r, B64URL, 22),
    }
    return _signed_jwt(r, {"typ": "JWT", "alg": "RS256", "kid": _hexbytes(r, 16)}, claims, 256)


def unmapped_biteship_key(r: random.Random) -> str:
    """A Biteship (Indonesia) API key: ``biteship_live.`` and an HS256 JWT naming the organisation."""
    iat = _ump_iat(r)
    claims = {"name": pick(r, "mezcal-club-id", "dahabiya-shop"), "userId": _hexbytes(r, 12), "iat": iat}
    return "biteship_live." + _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unmapped_kuda_jwt(r: random.Random) -> str:
    """A Kuda Open API (Nigeria) access token (HS256, after ``/Account/GetToken``)."""
    iat = _ump_iat(r)
    claims = {
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name": pick(r, "owambe-rentals", "lekki-events"),
        "exp": iat + 900,
        "iss": "https://kuda-openapi.kuda.com",
        "aud": "https://kuda-openapi.kuda.com",
    }
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unmapped_interswitch_jwt(r: random.Random) -> str:
    """An Interswitch Passport (Nigeria) OAuth access token (RS256, the merchant code among the claims)."""
    iat = _ump_iat(r)
    claims = {
        "aud": ["api-gateway", "isw-collections", "passport", "vas"],
        "merchant_code": "MX" + str(r.randrange(10**4, 10**6)),
        "scope": ["profile"],
        "exp": iat + 86400,
        "client_id": "IKIA" + _hexbytes(r, 18).upper(),
        "jti": unexplored_uuid(r),
    }
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT"}, claims, 256)


def unmapped_viettelpost_jwt(r: random.Random) -> str:
    """A Viettel Post (Vietnam) partner token (HS256; sent in the ``Token`` header)."""
    iat = _ump_iat(r)
    claims = {
        "UserId": r.randrange(10**6, 10**7),
        "Phone": "",
        "SOURCE": 0,
        "Partner": r.randrange(1000, 9999),
        "exp": iat + 2592000,
    }
    return _signed_jwt(r, {"alg": "HS256"}, claims, 32)


# ---------------------------------------------------------------------------- the unsurveyed split's own values
#
# Written for the thirty-ninth split only, by a thirty-third session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, India's Aadhaar Verhoeff digit, Brazil's CPF and CNPJ digits, the UK's NHS number
# digit). Digit runs are drawn until they read as no phone number of the split's regions, nationally or with a ``+``.

UNSURVEYED_REGIONS = ("US", "IN", "GB", "DE", "BR", "CN", "FR", "AE")


def _usv_no_phone(digits: str) -> bool:
    return _uex_no_phone(digits, UNSURVEYED_REGIONS)


def _usv_clean(digits: str) -> bool:
    return _clean_of(digits, UNSURVEYED_REGIONS)


def unsurveyed_digits(r: random.Random, n: int, lead: str = "") -> str:
    return _clean_digits(r, n, lead, UNSURVEYED_REGIONS)


def unsurveyed_epoch(r: random.Random, millis: bool = False) -> int:
    """In June 2026."""
    return _clean_epoch(r, 1_780_300_000, millis, UNSURVEYED_REGIONS)


def _usv_word(r: random.Random, n: int) -> str:
    """``n`` lowercase letters and digits, a letter first, with no run of four decimal digits."""
    while True:
        word = r.choice(string.ascii_lowercase) + rand(r, string.ascii_lowercase + string.digits, n - 1)
        if not re.search(r"\d{4}", word):
            return word


def unsurveyed_uuid(r: random.Random) -> str:
    """A version-4 UUID with no long decimal run (unexplored's draw)."""
    return unexplored_uuid(r)


# This split's regions: the United States (+1, ten digits, New York 212/646, San Francisco 415, Chicago 312, Boston
# 617, Seattle 206, Austin 512, Miami 305, Denver 720), India (+91: mobiles 6-9 in ten digits, Delhi 11, Mumbai 22,
# Bengaluru 80, Goa 832), the United Kingdom (+44: mobiles 7x in ten digits, London 20, Manchester 161, Edinburgh 131),
# Germany (+49: mobiles 151-179, Berlin 30, Munich 89, Hamburg 40, Cologne 221), Brazil (+55: mobiles 9 after the
# area code, São Paulo 11, Rio 21, Belo Horizonte 31, Salvador 71, Porto Alegre 51), China (+86: mobiles 13x-19x in
# eleven digits, Beijing 10, Shanghai 21, Guangzhou 20, Shenzhen 755), France (+33: mobiles 6 and 7, Paris 1, Lyon 4,
# Marseille 4, Bordeaux 5) and the UAE (+971: mobiles 50-58, Dubai 4, Abu Dhabi 2, Sharjah 6).
_USV_HEADS: dict[str, dict[str, tuple[tuple[str, ...], tuple[int, ...]]]] = {
    "US": {
        "MOBILE": (("212", "646", "415", "312", "617", "206", "512", "305", "720"), (10,)),
        "FIXED_LINE": (("212", "646", "415", "312", "617", "206", "512", "305", "720"), (10,)),
    },
    "IN": {"MOBILE": (("98", "99", "97", "96", "94", "88", "87", "70", "63", "91"), (10,)),
           "FIXED_LINE": (("11", "22", "80", "832"), (10,))},
    "GB": {"MOBILE": (("71", "73", "74", "75", "77", "78", "79"), (10,)),
           "FIXED_LINE": (("20", "161", "131", "117", "113"), (10,))},
    "DE": {"MOBILE": (("151", "152", "160", "162", "170", "171", "172", "176", "179"), (11, 10)),
           "FIXED_LINE": (("30", "89", "40", "221", "69"), (10, 11))},
    "BR": {"MOBILE": (("119", "219", "319", "719", "519", "619"), (11,)),
           "FIXED_LINE": (("112", "113", "213", "313", "513", "613"), (10,))},
    "CN": {"MOBILE": (("138", "139", "135", "136", "150", "151", "186", "187", "177", "199"), (11,)),
           "FIXED_LINE": (("10", "21", "20", "755"), (10,))},
    "FR": {"MOBILE": (("6", "7"), (9,)), "FIXED_LINE": (("1", "4", "5", "2", "3"), (9,))},
    "AE": {"MOBILE": (("50", "52", "54", "55", "56", "58"), (9,)), "FIXED_LINE": (("4", "2", "6"), (8,))},
}  # fmt: skip
_USV_CODES = {"US": 1, "IN": 91, "GB": 44, "DE": 49, "BR": 55, "CN": 86, "FR": 33, "AE": 971}


def _usv_valid_number(r: random.Random, region: str, kind: str = "") -> phonenumbers.PhoneNumber:
    kind = kind or pick(r, "MOBILE", "MOBILE", "FIXED_LINE")
    heads, sizes = _USV_HEADS[region][kind]
    for _ in range(3000):
        head = r.choice(heads)
        digits = head + rand(r, string.digits, r.choice(sizes) - len(head))
        number = phonenumbers.parse(f"+{_USV_CODES[region]}{digits}")
        if (
            phonenumbers.is_valid_number_for_region(number, region)
            and len(set(digits)) > 3
            and not digits.endswith(("000", "1234"))
            and "555" not in digits[3:6]
            and not any(luhn_ok(t) for t in (digits, "0" + digits, f"{_USV_CODES[region]}{digits}"))
        ):
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def _usv_forms(number: phonenumbers.PhoneNumber, region: str, international_only: bool) -> list[str]:
    """The ways the split's people and systems write ``number`` (see ``unsurveyed_phone``), unchecked."""
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    e164 = phonenumbers.format_number(number, pnf.E164)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    nsn = phonenumbers.national_significant_number(number)
    forms = [intl, e164, f"00{number.country_code} {rest}"]
    if region == "US":
        forms += [f"+1 ({nsn[:3]}) {nsn[3:6]}-{nsn[6:]}", f"+1.{nsn[:3]}.{nsn[3:6]}.{nsn[6:]}"]
    if region == "IN":
        forms += [f"+91-{nsn}", f"+91 {nsn[:5]}-{nsn[5:]}", f"(+91) {nsn}"]
    if region == "GB":
        forms += [f"+44 (0){rest}", f"+44 (0) {nsn[:4]} {nsn[4:]}"]
    if region == "DE":
        forms += [f"+49 (0){rest}", f"+49-{rest.replace(' ', '-')}", f"+49 {nsn[:3]} / {nsn[3:]}"]
    if region == "BR":
        forms += [f"+55 ({nsn[:2]}) {nsn[2:-4]}-{nsn[-4:]}", f"+55 {nsn[:2]} {nsn[2:]}"]
    if region == "CN":
        forms += [f"+86-{rest.replace(' ', '-')}", f"(+86) {nsn}", f"0086-{nsn}"]
    if region == "FR":
        forms += [f"+33 (0){nsn[0]} {' '.join(nsn[i : i + 2] for i in range(1, 9, 2))}", f"+33{nsn}"]
    if region == "AE":
        forms += [f"+971-{nsn[:-7]}-{nsn[-7:]}", f"00971{nsn}", f"(+971) {nsn[:-7]} {nsn[-7:-4]} {nsn[-4:]}"]
    if international_only:
        return forms
    forms.append(national)
    if region == "US":
        forms += [
            f"{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}",
            f"{nsn[:3]}.{nsn[3:6]}.{nsn[6:]}",
            f"1-{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}",
        ]
    if region == "IN":
        forms += [f"0{nsn}", f"{nsn[:5]} {nsn[5:]}", nsn]
    if region == "GB":
        forms += [f"0{nsn}", f"(0{nsn[:3]}) {nsn[3:6]} {nsn[6:]}" if nsn[0] != "7" else f"0{nsn[:4]}-{nsn[4:]}"]
    if region == "DE":
        forms += [f"0{nsn[:3]}/{nsn[3:]}", f"(0{nsn[:3]}) {nsn[3:]}", f"0{nsn[:3]}-{nsn[3:]}"]
    if region == "BR":
        forms += [f"({nsn[:2]}) {nsn[2:-4]}-{nsn[-4:]}", f"{nsn[:2]} {nsn[2:-4]}-{nsn[-4:]}", f"0{nsn[:2]} {nsn[2:]}"]
    if region == "CN":
        forms += [
            nsn if nsn[0] == "1" and len(nsn) == 11 else f"0{nsn[:-8]}-{nsn[-8:]}",
            f"{nsn[:3]}-{nsn[3:7]}-{nsn[7:]}",
        ]
    if region == "FR":
        pairs = [("0" + nsn)[i : i + 2] for i in range(0, 10, 2)]
        forms += [".".join(pairs), "-".join(pairs), "".join(pairs)]
    if region == "AE":
        forms += [f"0{nsn}", f"0{nsn[:-7]}-{nsn[-7:]}", f"0{nsn[:-7]} {nsn[-7:-4]} {nsn[-4:]}"]
    return forms


def unsurveyed_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as its people or their systems write it: international (spaced, E.164,
    ``00``, ``+1 (212) 867-5309``, ``+1.212.867.5309``, ``+91-9876543210``, ``+44 (0)7700 900123``, ``+49 (0)151
    23456789``, ``+49 151 / 23456789``, ``+55 (11) 91234-5678``, ``+86-138-0013-8000``, ``0086-13800138000``, ``+33
    (0)6 12 34 56 78``, ``+971-50-1234567``, ``00971501234567``) or, unless ``international_only``, national:
    ``(212) 867-5309``, ``212.867.5309``, ``1-212-867-5309``, ``098765 43210``, ``07700-900123``, ``0151/23456789``,
    ``(0151) 23456789``, ``(11) 91234-5678``, ``010-12345678``, ``138-0013-8000``, ``06.12.34.56.78``, ``050 123
    4567``. Checked: it parses back (with its region as default) to the same valid number and holds no run that reads
    as an IPv4 address."""
    region = r.choice(regions)
    number = _usv_valid_number(r, region)
    forms = _usv_forms(number, region, international_only)
    choices = [t for t in forms if _uex_reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unsurveyed_e164(r: random.Random, region: str, kind: str = "") -> str:
    return phonenumbers.format_number(_usv_valid_number(r, region, kind), phonenumbers.PhoneNumberFormat.E164)


def unsurveyed_national(r: random.Random, region: str, kind: str = "") -> str:
    return phonenumbers.format_number(_usv_valid_number(r, region, kind), phonenumbers.PhoneNumberFormat.NATIONAL)


def unsurveyed_nsn(r: random.Random, region: str, kind: str = "") -> str:
    return phonenumbers.national_significant_number(_usv_valid_number(r, region, kind))


def unsurveyed_invalid_phone(r: random.Random) -> str:
    """A number written like an international phone number of the regions that is valid nowhere: a valid mobile with
    two digits dropped or three added, drawn until libphonenumber rejects it."""
    for _ in range(800):
        number = _usv_valid_number(r, r.choice(UNSURVEYED_REGIONS), "MOBILE")
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-2] if r.random() < 0.5 else digits + rand(r, string.digits, 3)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and _usv_no_phone(digits):
            return text
    raise AssertionError("no invalid number drawn")


def unsurveyed_grouped_id(r: random.Random, sizes: tuple[int, ...], sep: str, lead: str = "") -> str:
    """Digits grouped like a phone number (an order, a parcel, a ticket), drawn until they read as no number of the
    split's regions, with or without their first digit, and no run passes Luhn."""
    n = sum(sizes)
    for _ in range(2000):
        digits = unsurveyed_digits(r, n, lead)
        if _usv_no_phone(digits[1:]) and _usv_no_phone("0" + digits):
            return grouped(digits, sizes, sep)
    raise AssertionError(f"no id of {n} digits drawn")


def unsurveyed_luhn_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits that pass Luhn (an IMEI, a loyalty card): not a payment card all the same."""
    body = lead + rand(r, string.digits, n - len(lead) - 1)
    return body + _luhn_digit(body)


_USV_VERHOEFF_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]  # fmt: skip
_USV_VERHOEFF_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]  # fmt: skip
_USV_VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def _usv_verhoeff_digit(body: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = _USV_VERHOEFF_D[c][_USV_VERHOEFF_P[(i + 1) % 8][int(ch)]]
    return str(_USV_VERHOEFF_INV[c])


def unsurveyed_aadhaar(r: random.Random, masked: bool = False) -> str:
    """An Aadhaar number (twelve digits, the first 2-9, the Verhoeff check digit last) in groups of four, or masked
    to its last four as UIDAI's e-Aadhaar prints it."""
    while True:
        body = r.choice("23456789") + rand(r, string.digits, 10)
        digits = body + _usv_verhoeff_digit(body)
        if _usv_clean(digits):
            break
    if masked:
        return f"XXXX XXXX {digits[8:]}"
    return f"{digits[:4]} {digits[4:8]} {digits[8:]}"


def unsurveyed_pan(r: random.Random) -> str:
    """An Indian PAN (five letters, four digits, a letter; the fourth letter P for a person)."""
    return (
        rand(r, string.ascii_uppercase, 3)
        + "P"
        + rand(r, string.ascii_uppercase, 1)
        + rand(r, string.digits, 4)
        + (rand(r, string.ascii_uppercase, 1))
    )


def _usv_cpf_digits(body: str) -> str:
    for _ in range(2):
        total = sum(int(d) * w for d, w in zip(body, range(len(body) + 1, 1, -1), strict=True))
        rest = total % 11
        body += "0" if rest < 2 else str(11 - rest)
    return body


def unsurveyed_cpf(r: random.Random) -> str:
    """A Brazilian CPF (eleven digits, two check digits) as ``123.456.789-09``."""
    while True:
        digits = _usv_cpf_digits(rand(r, string.digits, 9))
        if _usv_clean(digits) and len(set(digits)) > 2:
            return f"{digits[:3]}.{digits[3:6]}.{digits[6:9]}-{digits[9:]}"


def unsurveyed_cnpj(r: random.Random) -> str:
    """A Brazilian CNPJ (fourteen digits, two check digits) as ``12.345.678/0001-95``."""
    while True:
        body = rand(r, string.digits, 8) + "0001"
        for weights in ((5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2), (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)):
            rest = sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
            body += "0" if rest < 2 else str(11 - rest)
        if _usv_clean(body):
            return f"{body[:2]}.{body[2:5]}.{body[5:8]}/{body[8:12]}-{body[12:]}"


def unsurveyed_nhs(r: random.Random) -> str:
    """An NHS number (ten digits, mod-11 check digit) as ``943 476 5919``."""
    while True:
        body = rand(r, string.digits, 9)
        check = 11 - sum(int(d) * w for d, w in zip(body, range(10, 1, -1), strict=True)) % 11
        if check == 10:
            continue
        digits = body + ("0" if check == 11 else str(check))
        if _usv_clean(digits):
            return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def unsurveyed_steuer_id(r: random.Random) -> str:
    """A German Steuer-Identifikationsnummer shape (eleven digits, no leading zero) as ``12 345 678 901``."""
    digits = unsurveyed_digits(r, 11)
    return f"{digits[:2]} {digits[2:5]} {digits[5:8]} {digits[8:]}"


def unsurveyed_ssn_masked(r: random.Random) -> str:
    return f"***-**-{r.randrange(1000, 9999)}"


def unsurveyed_emirates_id(r: random.Random) -> str:
    """An Emirates ID number (``784-YYYY-NNNNNNN-N``, its last digit a Luhn check digit: a Luhn-valid run of fifteen
    digits that is no card)."""
    body = "784" + str(r.randrange(1960, 2005)) + rand(r, string.digits, 7)
    digits = body + _luhn_digit(body)
    return f"{digits[:3]}-{digits[3:7]}-{digits[7:14]}-{digits[14:]}"


def unsurveyed_cn_resident_id(r: random.Random) -> str:
    """A Chinese resident identity number (eighteen characters: region, birth date, sequence, ISO 7064 check)."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    while True:
        body = pick(r, "110105", "310104", "440305", "330106") + f"19{r.randrange(60, 99)}"
        body += f"{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}" + rand(r, string.digits, 3)
        check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]
        if _usv_clean(body + ("0" if check == "X" else check)):
            return body + check


def unsurveyed_tracking(r: random.Random, carrier: str = "") -> str:
    """A parcel number: UPS ``1Z``, Royal Mail ``AB123456789GB``, DHL Paket's twenty digits, Correios ``AA123456789BR``,
    SF Express ``SF`` and twelve digits, Colissimo ``6A`` and eleven digits, Aramex's eleven digits."""
    carrier = carrier or pick(r, "ups", "royalmail", "dhl", "correios", "sf", "colissimo", "aramex")
    if carrier == "ups":
        return "1Z" + rand(r, string.ascii_uppercase + string.digits, 6) + unsurveyed_digits(r, 10)
    if carrier == "royalmail":
        return rand(r, string.ascii_uppercase, 2) + unsurveyed_digits(r, 9) + "GB"
    if carrier == "dhl":
        return "00340434" + unsurveyed_digits(r, 12)
    if carrier == "correios":
        return pick(r, "QB", "NX", "OU", "LB") + unsurveyed_digits(r, 9) + "BR"
    if carrier == "sf":
        return "SF" + unsurveyed_digits(r, 13)
    if carrier == "colissimo":
        return "6A" + unsurveyed_digits(r, 11)
    return unsurveyed_digits(r, 11, "4")


UNSURVEYED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4147", "4532", "4916"), (16,)),
    "mastercard": (("5425", "5168", "2221"), (16,)),
    "amex": (("3714", "3782"), (15,)),
    "discover": (("6011", "6445"), (16,)),
    "rupay": (("6521", "6522", "6080"), (16,)),
    "elo": (("636368", "504175", "627780"), (16,)),
    "hipercard": (("606282",), (16,)),
    "unionpay": (("6210", "6228", "6258"), (16, 19)),
    "diners": (("3056", "3852"), (14,)),
    "maestro": (("6759", "6761"), (16, 18)),
}


def unsurveyed_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNSURVEYED_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def unsurveyed_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in its groups (Amex 4-6-5, Diners 4-6-4, 19 digits 4-4-4-4-3),
    joined by spaces, dashes or nothing."""
    digits = unsurveyed_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    return grouped(digits, card_groups(digits), sep)


# IBANs this split draws: the United Kingdom (22: the bank's four letters, sort code, account), Germany (22:
# Bankleitzahl and account), France (27: bank, branch, account, RIB key), Brazil (29: ISPB, branch, account, type and
# holder letters), the UAE (23) and Monaco (27), where the split's guests and suppliers pay from.
UNSURVEYED_IBAN_LENGTHS = {"GB": 22, "DE": 22, "FR": 27, "BR": 29, "AE": 23, "MC": 27}


def _usv_bban(r: random.Random, country: str) -> str:
    if country == "GB":
        return pick(r, "NWBK", "BARC", "LOYD", "HBUK", "MONZ", "SRLG") + rand(r, string.digits, 14)
    if country == "DE":
        return pick(r, "37040044", "10010010", "50070010", "70150000", "20050550") + rand(r, string.digits, 10)
    if country in ("FR", "MC"):
        return pick(r, "30004", "30003", "20041", "10278", "12739") + rand(r, string.digits, 18)
    if country == "BR":
        return pick(r, "00000000", "00360305", "60701190") + rand(r, string.digits, 15) + pick(r, "C1", "P1", "C2")
    assert country == "AE"
    return pick(r, "026", "033", "035", "030") + rand(r, string.digits, 16)


def unsurveyed_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of the United Kingdom, Germany, France, Brazil, the UAE or Monaco, compact or in groups of four
    (``grouped`` None: either); ``valid`` False: its check digits are wrong."""
    country = country or r.choice(sorted(UNSURVEYED_IBAN_LENGTHS))
    bban = _usv_bban(r, country)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNSURVEYED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


UNSURVEYED_HASH_FAMILIES = ("camunda", "kentico", "sitecore", "oxid", "argon2d", "openfire", "pimcore", "jtl")


def unsurveyed_password_hash(r: random.Random, family: str = "") -> str:
    """Password-derived material of one family as its software stores it (``family`` empty: any): Camunda's
    ``{SHA-512}`` digest (its salt in a column of its own), Kentico's salted SHA-2 hex, Sitecore's ASP.NET membership
    SHA-1 in base64 with its salt, OXID eShop's SHA-512 hex with ``OXPASSSALT``, an Argon2d PHC string, an Openfire
    SCRAM row (stored key, server key, salt, iterations), Pimcore's ``password_hash`` argon2id and JTL-Shop's
    ``$2y$`` bcrypt of its ``cPasswort`` column."""
    family = family or r.choice(UNSURVEYED_HASH_FAMILIES)
    h = functools.partial(_hexbytes, r)
    if family == "camunda":
        return "{SHA-512}" + b64(r.randbytes(64))
    if family == "kentico":
        return h(32).upper()
    if family == "sitecore":
        return f"{b64(r.randbytes(20))} (salt {b64(r.randbytes(16))})"
    if family == "oxid":
        return f"{h(64)}:{h(16)}"
    if family == "argon2d":
        return f"$argon2d$v=19$m=65536,t=3,p=4${b64(r.randbytes(16)).rstrip('=')}${b64(r.randbytes(32)).rstrip('=')}"
    if family == "openfire":
        return (
            f"storedKey={b64(r.randbytes(20))}, serverKey={b64(r.randbytes(20))}, salt={b64(r.randbytes(24))}, "
            "iterations=4096"
        )
    if family == "pimcore":
        return f"$argon2id$v=19$m=65536,t=4,p=1${b64(r.randbytes(16)).rstrip('=')}${b64(r.randbytes(32)).rstrip('=')}"
    assert family == "jtl"
    alphabet = "./" + string.ascii_letters + string.digits
    return f"$2y$10${rand(r, alphabet, 53)}"


def unsurveyed_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r,
        "Panjim",
        "Mapusa",
        "Candolim",
        "Xintiandi",
        "Jingan",
        "Huangpu",
        "Hatta",
        "Liwa",
        "Jumeirah",
        "Lafayette",
        "Bayou",
        "Lancaster",
        "Ephrata",
        "Margao",
        "Pudong",
        "Sharjah",
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_", "$", "?", ".")


def unsurveyed_email(r: random.Random) -> str:
    """An address of the split's people: Goan, Shanghainese, Emirati, Cajun, Pennsylvania Dutch, British, German,
    Brazilian and French names with dots, digits, hyphens and plus tags, at their countries' providers and big ones."""
    first = pick(
        r,
        "anjali.naik",
        "rohan_dsouza",
        "pedro.fernandes.goa",
        "wang.li",
        "chen-jiahui",
        "zhou.min",
        "fatima.almansoori",
        "khalid_alhashemi",
        "amelie.thibodeaux",
        "beau.landry",
        "jacob.stoltzfus",
        "rebecca.king",
        "oliver.hughes",
        "lena.schmitt",
        "joao.pereira",
        "camille.dubois",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'goa', 'qipao', 'desert', 'orders')}")
    domain = pick(
        r,
        "rediffmail.com",
        "yahoo.co.in",
        "163.com",
        "qq.com",
        "sina.com",
        "eim.ae",
        "emirates.net.ae",
        "cox.net",
        "btinternet.com",
        "web.de",
        "gmx.de",
        "uol.com.br",
        "bol.com.br",
        "orange.fr",
        "free.fr",
        "gmail.com",
        "outlook.com",
    )
    return f"{local}@{domain}"


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def unsurveyed_lithic_key(r: random.Random) -> str:
    """A Lithic API key (sent bare in ``Authorization``): a UUID."""
    return unsurveyed_uuid(r)


def unsurveyed_marqeta_pair(r: random.Random) -> tuple[str, str]:
    """Marqeta's application token and admin access token (a Basic pair)."""
    return unsurveyed_uuid(r), unsurveyed_uuid(r)


def unsurveyed_mt_pair(r: random.Random) -> tuple[str, str]:
    """Modern Treasury's organization id and API key (``live-`` and 64 letters and digits; a Basic pair)."""
    return unsurveyed_uuid(r), "live-" + rand(r, ALNUM, 64)


def unsurveyed_dwolla_token(r: random.Random) -> str:
    """A Dwolla application access token (a bearer): 50 letters and digits."""
    return rand(r, ALNUM, 50)


def unsurveyed_finix_pair(r: random.Random) -> tuple[str, str]:
    """Finix's API user name (``US`` and 22 letters and digits) and password (a UUID)."""
    return "US" + rand(r, ALNUM, 22), unsurveyed_uuid(r)


def unsurveyed_socure_key(r: random.Random) -> str:
    """A Socure ID+ API key (``Authorization: SocureApiKey``): a UUID."""
    return unsurveyed_uuid(r)


def unsurveyed_brex_token(r: random.Random) -> str:
    """A Brex user token (a bearer): ``bxt_`` and 40 letters and digits."""
    return "bxt_" + rand(r, ALNUM, 40)


def unsurveyed_mercury_token(r: random.Random) -> str:
    """A Mercury API token (a bearer): ``secret-token:mercury_production_`` and its random tail."""
    return f"secret-token:mercury_production_{rand(r, string.ascii_lowercase, 3)}_{rand(r, ALNUM, 42)}"


def unsurveyed_twingate_key(r: random.Random) -> str:
    """A Twingate API key (``X-API-KEY``): 64 letters, digits and ``-_``."""
    return rand(r, B64URL, 64)


def unsurveyed_treasuryprime_pair(r: random.Random) -> tuple[str, str]:
    """Treasury Prime's key id (``key_``) and secret key (a Basic pair)."""
    return "key_" + rand(r, string.ascii_lowercase + string.digits, 26), rand(r, ALNUM, 40)


def unsurveyed_juspay_key(r: random.Random) -> str:
    """A Juspay API key (Basic, the key as the user and an empty password): 30 upper-case hex digits."""
    return _hexbytes(r, 15).upper()


def unsurveyed_decentro_keys(r: random.Random) -> tuple[str, str, str]:
    """Decentro's ``client_id`` (a name), ``client_secret`` and ``module_secret`` (32 letters and digits each)."""
    return pick(r, "goa_homestay_prod", "dunes_camp_prod"), rand(r, ALNUM, 32), rand(r, ALNUM, 32)


def unsurveyed_karza_key(r: random.Random) -> str:
    """A Karza ``x-karza-key``: 16 letters and digits."""
    return rand(r, ALNUM, 16)


def unsurveyed_signzy_token(r: random.Random) -> str:
    """A Signzy access token (sent bare in ``Authorization``): 64 letters and digits."""
    return rand(r, ALNUM, 64)


def unsurveyed_digio_pair(r: random.Random) -> tuple[str, str]:
    """Digio's client id (``AI`` and 30) and client secret (32) for Basic."""
    return "AI" + rand(r, string.ascii_uppercase + string.digits, 30), rand(
        r, string.ascii_uppercase + string.digits, 32
    )


def unsurveyed_leegality_token(r: random.Random) -> str:
    """A Leegality ``X-Auth-Token``: 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unsurveyed_kaleyra_key(r: random.Random) -> str:
    """A Kaleyra ``api-key``: ``A`` and 32 hex digits."""
    return "A" + _hexbytes(r, 16)


def unsurveyed_interakt_key(r: random.Random) -> str:
    """An Interakt secret key, as its dashboard gives it (already base64; sent after ``Basic``)."""
    return b64(rand(r, ALNUM, 30).encode() + b":")


def unsurveyed_shadowfax_token(r: random.Random) -> str:
    """A Shadowfax ``Authorization: Token`` value: 40 hex digits."""
    return _hexbytes(r, 20)


def unsurveyed_clearbank_token(r: random.Random) -> str:
    """A ClearBank API token (a bearer): 120 base64 characters."""
    return b64(r.randbytes(90))


def unsurveyed_royalmail_key(r: random.Random) -> str:
    """A Royal Mail Click & Drop API key (sent bare in ``Authorization``): a UUID."""
    return unsurveyed_uuid(r)


def unsurveyed_esendex_pair(r: random.Random) -> tuple[str, str]:
    """Esendex's user name (an e-mail) and API password (``EX`` and 32 hex digits)."""
    return "ops@desertcamp.ae", "EX" + _hexbytes(r, 16)


def unsurveyed_textlocal_key(r: random.Random) -> str:
    """A Textlocal ``apikey``: 42 base64 characters and ``=``."""
    return rand(r, ALNUM + "+/", 43) + "="


def unsurveyed_starling_token(r: random.Random) -> str:
    """A Starling personal access token (a bearer): 64 letters and digits."""
    return rand(r, ALNUM, 64)


def unsurveyed_monzo_token(r: random.Random) -> str:
    """A Monzo access token (a bearer; its opaque form): 100 letters, digits and ``-_``."""
    return rand(r, B64URL, 100)


def unsurveyed_billie_token(r: random.Random) -> str:
    """A Billie OAuth access token (a bearer): 86 base64url characters."""
    return rand(r, B64URL, 86)


def unsurveyed_finapi_token(r: random.Random) -> str:
    """A finAPI access token (a bearer): 36 letters, digits and ``-``."""
    return rand(r, ALNUM + "-", 36)


def unsurveyed_dpd_token(r: random.Random) -> str:
    """A DPD ``authToken`` from its login service: 64 base64 characters."""
    return b64(r.randbytes(48))


def unsurveyed_rapidmail_pair(r: random.Random) -> tuple[str, str]:
    """rapidmail's API user name (32 hex) and password (40 hex)."""
    return _hexbytes(r, 16), _hexbytes(r, 20)


def unsurveyed_easybill_key(r: random.Random) -> str:
    """An easybill API key (a bearer): 64 letters and digits."""
    return rand(r, ALNUM, 64)


def unsurveyed_fastbill_pair(r: random.Random) -> tuple[str, str]:
    """FastBill's user (an e-mail) and API key (64 hex digits) for Basic."""
    return "buchhaltung@goa-stay.de", _hexbytes(r, 32)


def unsurveyed_computop_keys(r: random.Random) -> tuple[str, str, str]:
    """Computop's merchant id (public), Blowfish password (16) and HMAC key (32)."""
    return pick(r, "Generic3DSTest", "qipao_shop"), rand(r, ALNUM + "!=(*", 16), rand(r, ALNUM + "[]?)(", 32)


def unsurveyed_juno_token(r: random.Random) -> str:
    """A Juno ``X-Resource-Token``: 64 upper-case hex digits."""
    return _hexbytes(r, 32).upper()


def unsurveyed_picpay_tokens(r: random.Random) -> tuple[str, str]:
    """PicPay's ``x-picpay-token`` and ``x-seller-token`` (UUIDs)."""
    return unsurveyed_uuid(r), unsurveyed_uuid(r)


def unsurveyed_getnet_pair(r: random.Random) -> tuple[str, str]:
    """Getnet's client id and client secret (UUIDs) for Basic."""
    return unsurveyed_uuid(r), unsurveyed_uuid(r)


def unsurveyed_vindi_key(r: random.Random) -> str:
    """A Vindi private API key (Basic, the key as the user): 43 letters, digits and ``-_``."""
    return rand(r, B64URL, 43)


def unsurveyed_frenet_token(r: random.Random) -> str:
    """A Frenet ``token`` header: 32 upper-case hex digits and letters."""
    return rand(r, string.ascii_uppercase + string.digits, 32)


def unsurveyed_nfeio_key(r: random.Random) -> str:
    """An NFE.io API key (sent bare in ``Authorization``): 64 letters and digits."""
    return rand(r, ALNUM, 64)


def unsurveyed_focusnfe_token(r: random.Random) -> str:
    """A Focus NFe token (Basic, the token as the user): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unsurveyed_zapi_tokens(r: random.Random) -> tuple[str, str, str]:
    """Z-API's instance id, instance token (both 32 upper-case hex) and ``Client-Token`` (33 letters and digits)."""
    return _hexbytes(r, 16).upper(), _hexbytes(r, 16).upper(), "F" + rand(r, ALNUM, 32)


def unsurveyed_youzan_token(r: random.Random) -> str:
    """A Youzan open platform ``access_token``: 32 hex digits."""
    return _hexbytes(r, 16)


def unsurveyed_yunpian_key(r: random.Random) -> str:
    """A Yunpian ``apikey``: 32 hex digits."""
    return _hexbytes(r, 16)


def unsurveyed_jpush_pair(r: random.Random) -> tuple[str, str]:
    """JPush's AppKey and Master Secret (24 hex each) for Basic."""
    return _hexbytes(r, 12), _hexbytes(r, 12)


def unsurveyed_getui_token(r: random.Random) -> str:
    """A Getui push ``token`` header (64 hex digits, from ``/auth``)."""
    return _hexbytes(r, 32)


def unsurveyed_kuaidi100_pair(r: random.Random) -> tuple[str, str]:
    """Kuaidi100's ``customer`` (32 upper-case hex, public) and authorization ``key`` (16 letters)."""
    return _hexbytes(r, 16).upper(), rand(r, string.ascii_letters, 16)


def unsurveyed_umeng_pair(r: random.Random) -> tuple[str, str]:
    """Umeng's AppKey (24 hex, public) and App Master Secret (32 letters and digits)."""
    return _hexbytes(r, 12), rand(r, string.ascii_lowercase + string.digits, 32)


def unsurveyed_systempay_pair(r: random.Random) -> tuple[str, str]:
    """Lyra / Systempay's shop id (eight digits) and REST password (``prodpassword_`` and 46)."""
    return unsurveyed_digits(r, 8), "prodpassword_" + rand(r, ALNUM, 46)


def unsurveyed_hipay_pair(r: random.Random) -> tuple[str, str]:
    """HiPay Enterprise's API user name (94 hex) and password (40 hex) for Basic."""
    return _hexbytes(r, 16) + "." + _hexbytes(r, 8), _hexbytes(r, 20)


def unsurveyed_boxtal_pair(r: random.Random) -> tuple[str, str]:
    """Boxtal's API access key and secret (Basic)."""
    return rand(r, string.ascii_uppercase + string.digits, 20), rand(r, ALNUM, 40)


def unsurveyed_yousign_key(r: random.Random) -> str:
    """A Yousign API key (a bearer): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unsurveyed_powens_token(r: random.Random) -> str:
    """A Powens user access token (a bearer): 128 letters, digits, ``_`` and ``-``."""
    return rand(r, B64URL, 128)


def unsurveyed_ziina_key(r: random.Random) -> str:
    """A Ziina API key (a bearer): 64 base64 characters."""
    return b64(r.randbytes(48))


def unsurveyed_telr_key(r: random.Random) -> str:
    """A Telr ``ivp_authkey``: 15 characters with ``~`` and ``#`` among letters and digits."""
    return rand(r, ALNUM, 5) + "~" + rand(r, ALNUM, 4) + "#" + rand(r, ALNUM, 4)


def unsurveyed_quiqup_token(r: random.Random) -> str:
    """A Quiqup partner API token (a bearer): 64 hex digits."""
    return _hexbytes(r, 32)


def unsurveyed_shipa_key(r: random.Random) -> str:
    """A Shipa ``apikey`` query value: 32 letters and digits."""
    return rand(r, ALNUM, 32)


def _usv_iat(r: random.Random) -> int:
    return 1_780_300_000 + r.randrange(10**6)


def unsurveyed_aisensy_key(r: random.Random) -> str:
    """An AiSensy campaign API key (a JWT, HS256, the project and user named)."""
    claims = {"id": _hexbytes(r, 12), "name": pick(r, "Goa Spice Stay", "Dunes Camp"), "appName": "AiSensy",
              "clientId": _hexbytes(r, 12), "activePlan": "BASIC_MONTHLY", "iat": _usv_iat(r)}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unsurveyed_cleverreach_jwt(r: random.Random) -> str:
    """A CleverReach REST access token (a JWT, HS256, the client id and shard named)."""
    iat = _usv_iat(r)
    claims = {"iss": "rest.cleverreach.com", "iat": iat, "exp": iat + 2592000, "client_id": r.randrange(10**5, 10**6),
              "shard": "shard" + str(r.randrange(1, 9)), "zone": 1, "login": "api", "role": "client"}  # fmt: skip
    return _signed_jwt(r, {"typ": "JWT", "alg": "HS256"}, claims, 32)


def unsurveyed_plenty_jwt(r: random.Random) -> str:
    """A plentymarkets REST access token (a JWT, RS256, the user id and scopes)."""
    iat = _usv_iat(r)
    claims = {"aud": "1", "jti": _hexbytes(r, 40), "iat": iat, "nbf": iat, "exp": iat + 86400,
              "sub": str(r.randrange(2, 90)), "scopes": ["*"]}  # fmt: skip
    return _signed_jwt(r, {"typ": "JWT", "alg": "RS256", "jti": _hexbytes(r, 40)}, claims, 256)


def unsurveyed_jadlog_jwt(r: random.Random) -> str:
    """A Jadlog (Brazil) embarcador token (a JWT, HS512)."""
    claims = {"sub": str(r.randrange(10**4, 10**6)), "iat": _usv_iat(r), "aud": "embarcador"}
    return _signed_jwt(r, {"alg": "HS512"}, claims, 64)


def unsurveyed_treezor_jwt(r: random.Random) -> str:
    """A Treezor (France) OAuth access token (a JWT, RS256, scopes and the user type)."""
    iat = _usv_iat(r)
    claims = {"aud": unsurveyed_uuid(r), "jti": _hexbytes(r, 40), "iat": iat, "nbf": iat, "exp": iat + 3600,
              "sub": unsurveyed_uuid(r), "scopes": ["read_write", "admin"], "userType": "PROFESSIONAL"}  # fmt: skip
    return _signed_jwt(r, {"typ": "JWT", "alg": "RS256"}, claims, 256)


def unsurveyed_didomi_jwt(r: random.Random) -> str:
    """A Didomi API access token (a JWT, HS256, the organisation and user)."""
    iat = _usv_iat(r)
    claims = {"id": _hexbytes(r, 12), "type": "api-key", "organization_id": pick(r, "qipao-atelier", "goa-stay"),
              "iat": iat, "exp": iat + 3600, "iss": "https://api.didomi.io"}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


# ---------------------------------------------------------------------------- the unplumbed split's own values
#
# Written for the fortieth split only, by a thirty-fourth session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, South Africa's identity number Luhn digit, the Dutch BSN eleven-test, Thailand's and
# Argentina's mod-11 digits, Canada's SIN Luhn digit). Digit runs are drawn until they read as no phone number of the
# split's regions, nationally or with a ``+``.

UNPLUMBED_REGIONS = ("PK", "ZA", "SA", "AR", "TH", "MY", "NL", "CA")


def _upl_no_phone(digits: str) -> bool:
    return _uex_no_phone(digits, UNPLUMBED_REGIONS)


def _upl_clean(digits: str) -> bool:
    return not luhn_ok(digits) and not _urm_luhn_windows(digits) and _upl_no_phone(digits)


def unplumbed_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits (``lead`` first) that read as no phone number of the split's regions and hold no Luhn-valid run of
    12 to 19 digits."""
    assert n >= 4, n
    while True:
        head = lead or r.choice("123456789")
        digits = head + rand(r, string.digits, n - len(head))
        if _upl_clean(digits):
            return digits


def unplumbed_epoch(r: random.Random, millis: bool = False) -> int:
    """A Unix time in June 2026 that reads as no phone number of the split's regions (milliseconds: nor fails to)."""
    while True:
        seconds = 1_780_300_000 + r.randrange(2_000_000)
        value = seconds * 1000 + r.randrange(1000) if millis else seconds
        if _upl_clean(str(value)):
            return value


def unplumbed_uuid(r: random.Random) -> str:
    return unexplored_uuid(r)


def unplumbed_word(r: random.Random, n: int) -> str:
    return _uex_word(r, n)


# This split's regions: Pakistan (+92: mobiles 30x-34x in ten digits, Karachi 21, Lahore 42, Islamabad 51), South
# Africa (+27: mobiles 6x-8x in nine digits, Johannesburg 11, Cape Town 21, Durban 31), Saudi Arabia (+966: mobiles 5x
# in nine digits, Riyadh 11, Jeddah 12), Argentina (+54: mobiles with the 9 before the area code, Buenos Aires 11,
# Córdoba 351, Rosario 341), Thailand (+66: mobiles 6, 8 and 9, Bangkok 2, Chiang Mai 53), Malaysia (+60: mobiles 1x,
# Kuala Lumpur 3, Penang 4), the Netherlands (+31: mobiles 6, Amsterdam 20, Rotterdam 10, Utrecht 30) and Canada (+1:
# Toronto 416/647, Vancouver 604/778, Montreal 514, Calgary 403, Ottawa 613, Halifax 902).
_UPL_HEADS: dict[str, dict[str, tuple[tuple[str, ...], tuple[int, ...]]]] = {
    "PK": {"MOBILE": (("300", "301", "321", "333", "345", "312"), (10,)), "FIXED_LINE": (("213", "423", "512"), (10,))},
    "ZA": {"MOBILE": (("72", "73", "76", "82", "83", "84", "61"), (9,)), "FIXED_LINE": (("11", "21", "31"), (9,))},
    "SA": {"MOBILE": (("50", "53", "54", "55", "56", "59"), (9,)), "FIXED_LINE": (("112", "114", "122", "126"), (9,))},
    "AR": {"MOBILE": (("911", "9351", "9341"), (11,)), "FIXED_LINE": (("114", "115", "3514", "3414"), (10,))},
    "TH": {"MOBILE": (("81", "82", "86", "89", "91", "95", "62"), (9,)), "FIXED_LINE": (("2", "53"), (8,))},
    "MY": {"MOBILE": (("12", "13", "16", "17", "19", "11"), (9, 10)), "FIXED_LINE": (("3", "4"), (9, 8))},
    "NL": {"MOBILE": (("61", "62", "64", "65"), (9,)), "FIXED_LINE": (("20", "10", "30", "70"), (9,))},
    "CA": {
        "MOBILE": (("416", "647", "604", "778", "514", "403", "613", "902"), (10,)),
        "FIXED_LINE": (("416", "604", "514", "613"), (10,)),
    },
}
_UPL_CODES = {"PK": 92, "ZA": 27, "SA": 966, "AR": 54, "TH": 66, "MY": 60, "NL": 31, "CA": 1}


def _upl_valid_number(r: random.Random, region: str, kind: str = "") -> phonenumbers.PhoneNumber:
    kind = kind or pick(r, "MOBILE", "MOBILE", "FIXED_LINE")
    heads, sizes = _UPL_HEADS[region][kind]
    for _ in range(3000):
        head = r.choice(heads)
        digits = head + rand(r, string.digits, r.choice(sizes) - len(head))
        number = phonenumbers.parse(f"+{_UPL_CODES[region]}{digits}")
        if (
            phonenumbers.is_valid_number_for_region(number, region)
            and len(set(digits)) > 3
            and not digits.endswith(("000", "1234"))
            and "555" not in digits[3:6]
            and not any(luhn_ok(t) for t in (digits, "0" + digits, f"{_UPL_CODES[region]}{digits}"))
        ):
            return number
    raise AssertionError(f"no valid number drawn for {region}")


_UPL_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_UPL_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _upl_forms(number: phonenumbers.PhoneNumber, region: str, international_only: bool) -> list[str]:
    """The ways the split's people and systems write ``number`` (see ``unplumbed_phone``), unchecked."""
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    e164 = phonenumbers.format_number(number, pnf.E164)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    nsn = phonenumbers.national_significant_number(number)
    forms = [intl, e164, f"00{number.country_code} {rest}"]
    if region == "PK":
        forms += [f"+92-{nsn[:3]}-{nsn[3:]}", f"+92 ({nsn[:3]}) {nsn[3:]}", f"0092{nsn}"]
    if region == "ZA":
        forms += [f"+27 (0){nsn[:2]} {nsn[2:5]} {nsn[5:]}", f"+27-{nsn[:2]}-{nsn[2:5]}-{nsn[5:]}"]
    if region == "SA":
        forms += [f"+966-{nsn[:2]}-{nsn[2:5]}-{nsn[5:]}", f"00966{nsn}", f"‎+966 {nsn}".translate(_UPL_ARABIC_DIGITS)]
    if region == "AR":
        forms += [
            f"+54 9 {nsn[1:3]} {nsn[3:7]}-{nsn[7:]}" if nsn[0] == "9" else f"+54 {nsn[:2]} {nsn[2:6]}-{nsn[6:]}",
            f"+54{nsn}",
        ]
    if region == "TH":
        forms += [f"+66-{nsn[:2]}-{nsn[2:5]}-{nsn[5:]}", f"(+66) {nsn}"]
    if region == "MY":
        forms += [f"+60{nsn[:2]}-{nsn[2:]}", f"+60 {nsn[:2]}-{nsn[2:5]} {nsn[5:]}"]
    if region == "NL":
        forms += [f"+31 (0){nsn[0]} {nsn[1:]}", f"+31 (0)6-{nsn[1:]}" if nsn[0] == "6" else f"+31 (0){nsn}"]
    if region == "CA":
        forms += [f"+1 ({nsn[:3]}) {nsn[3:6]}-{nsn[6:]}", f"+1-{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}"]
    if international_only:
        return forms
    forms.append(national)
    if region == "PK":
        forms += [f"0{nsn[:3]}-{nsn[3:]}", f"0{nsn}", f"0{nsn[:3]} {nsn[3:]}"]
    if region == "ZA":
        forms += [f"0{nsn[:2]} {nsn[2:5]} {nsn[5:]}", f"0{nsn[:2]}-{nsn[2:5]}-{nsn[5:]}", f"0{nsn}"]
    if region == "SA":
        forms += [f"0{nsn}", f"0{nsn[:2]} {nsn[2:5]} {nsn[5:]}", f"0{nsn}".translate(_UPL_ARABIC_DIGITS)]
    if region == "AR":
        if nsn[0] == "9" and nsn[1:3] == "11":
            forms += [f"011 15-{nsn[3:7]}-{nsn[7:]}", f"(011) 15 {nsn[3:7]}-{nsn[7:]}"]
        elif nsn[0] != "9":
            forms += [f"0{nsn[:2]} {nsn[2:6]}-{nsn[6:]}", f"(0{nsn[:2]}) {nsn[2:6]}-{nsn[6:]}"]
    if region == "TH":
        forms += [f"0{nsn[:2]}-{nsn[2:5]}-{nsn[5:]}", f"0{nsn}", f"0{nsn}".translate(_UPL_THAI_DIGITS)]
    if region == "MY":
        forms += [f"0{nsn[:2]}-{nsn[2:]}", f"0{nsn[:2]}-{nsn[2:5]} {nsn[5:]}", f"0{nsn}"]
    if region == "NL":
        forms += [
            f"0{nsn[0]}-{nsn[1:]}" if nsn[0] == "6" else f"0{nsn[:2]}-{nsn[2:]}",
            f"0{nsn}",
            f"(0{nsn[:2]}) {nsn[2:5]} {nsn[5:]}",
        ]
    if region == "CA":
        forms += [
            f"{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}",
            f"({nsn[:3]}) {nsn[3:6]}-{nsn[6:]}",
            f"1 {nsn[:3]} {nsn[3:6]} {nsn[6:]}",
            f"{nsn[:3]}.{nsn[3:6]}.{nsn[6:]}",
        ]
    return forms


def unplumbed_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as the split's people write it: international (``+92 300 1234567``,
    ``+92-300-1234567``, ``0092 300 1234567``, ``+27 (0)82 123 4567``, ``00966501234567``, ``+966 501234567`` in
    Arabic-Indic digits, ``+54 9 11 2345-6789``, ``+66-81-234-5678``, ``+6012-3456789``, ``+31 (0)6 12345678``, ``+1
    (416) 234-5678``) or, unless ``international_only``, national: ``0300-1234567``, ``082 123 4567``, ``050 123 4567``
    (also in Arabic-Indic digits), ``011 15-2345-6789``, ``081-234-5678`` (also in Thai digits), ``012-345 6789``,
    ``06-12345678``, ``(020) 123 4567``, ``416-234-5678``. Checked: it parses back (with its region as default) to the
    same valid number and holds no run that reads as an IPv4 address."""
    region = r.choice(regions)
    number = _upl_valid_number(r, region)
    forms = _upl_forms(number, region, international_only)
    choices = [t for t in forms if _uex_reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unplumbed_e164(r: random.Random, region: str, kind: str = "") -> str:
    return phonenumbers.format_number(_upl_valid_number(r, region, kind), phonenumbers.PhoneNumberFormat.E164)


def unplumbed_nsn(r: random.Random, region: str, kind: str = "") -> str:
    return phonenumbers.national_significant_number(_upl_valid_number(r, region, kind))


def unplumbed_invalid_phone(r: random.Random) -> str:
    """A number of the split's regions with two digits dropped or three added, drawn until libphonenumber rejects it."""
    for _ in range(800):
        number = _upl_valid_number(r, r.choice(UNPLUMBED_REGIONS), "MOBILE")
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-2] if r.random() < 0.5 else digits + rand(r, string.digits, 3)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and _upl_no_phone(digits):
            return text
    raise AssertionError("no invalid number drawn")


# National numbers that are no phone numbers (checked to read as none of the split's regions').


def _unf_id_digits(r: random.Random, n: int, lead: str, region: str) -> str:
    """``n`` digits for a national number whose length the split's regions' phone plans share (nine and ten digits
    read as a Kenyan, Japanese, Egyptian or Philippine number nationally): checked to read as no number of its own
    region, nor anywhere with a ``+``, and to hold no Luhn-valid run."""
    while True:
        digits = lead + rand(r, string.digits, n - len(lead))
        if not luhn_ok(digits) and not _urm_luhn_windows(digits) and _uex_no_phone(digits, (region,)):
            return digits


def unplumbed_cnic(r: random.Random) -> str:
    """A Pakistani CNIC (``42101-1234567-1``: the region and district, the family number, the sex digit)."""
    while True:
        digits = pick(r, "42101", "35202", "61101", "37405") + rand(r, string.digits, 7) + r.choice("123456789")
        if _upl_clean(digits) and _upl_no_phone(digits[5:]):
            return f"{digits[:5]}-{digits[5:12]}-{digits[12]}"


def unplumbed_za_id(r: random.Random) -> str:
    """A South African identity number (date of birth, sequence, citizenship, ``8``, Luhn digit): Luhn-valid, no
    card."""
    while True:
        body = f"{r.randrange(60, 99)}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}{rand(r, string.digits, 4)}0"
        body += "8"
        digits = body + _luhn_digit(body)
        if _upl_no_phone(digits) and _upl_no_phone(digits[1:]):
            return digits


def unplumbed_saudi_id(r: random.Random) -> str:
    """A Saudi national id (``1`` and nine digits) or an iqama (``2``), drawn to read as no phone number."""
    while True:
        digits = r.choice("12") + rand(r, string.digits, 9)
        if _upl_clean(digits) and _upl_no_phone("0" + digits):
            return digits


def unplumbed_cuit(r: random.Random) -> str:
    """An Argentine CUIT/CUIL (``20-30123456-7``, mod-11 check digit)."""
    weights = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    while True:
        body = pick(r, "20", "27", "23", "30") + rand(r, string.digits, 8)
        rest = 11 - sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
        if rest == 10:
            continue
        digits = body + ("0" if rest == 11 else str(rest))
        if _upl_clean(digits):
            return f"{digits[:2]}-{digits[2:10]}-{digits[10]}"


def unplumbed_dni(r: random.Random) -> str:
    """An Argentine DNI with its dots (``30.123.456``)."""
    while True:
        digits = str(r.randrange(20_000_000, 45_000_000))
        if _upl_clean(digits):
            return f"{digits[:2]}.{digits[2:5]}.{digits[5:]}"


def unplumbed_thai_id(r: random.Random) -> str:
    """A Thai national id (13 digits, mod-11 check) in its ``1-2345-67890-12-3`` groups."""
    while True:
        body = r.choice("1358") + rand(r, string.digits, 11)
        check = (11 - sum(int(d) * (13 - i) for i, d in enumerate(body)) % 11) % 10
        digits = body + str(check)
        if _upl_clean(digits):
            return f"{digits[0]}-{digits[1:5]}-{digits[5:10]}-{digits[10:12]}-{digits[12]}"


def unplumbed_mykad(r: random.Random) -> str:
    """A Malaysian MyKad number (``900101-14-5678``: date of birth, state, sequence)."""
    while True:
        digits = f"{r.randrange(60, 99)}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}"
        digits += pick(r, "14", "10", "07", "01") + rand(r, string.digits, 4)
        if _upl_clean(digits) and _upl_no_phone(digits[6:]):
            return f"{digits[:6]}-{digits[6:8]}-{digits[8:]}"


def unplumbed_bsn(r: random.Random) -> str:
    """A Dutch BSN (nine digits passing the eleven-test)."""
    while True:
        digits = rand(r, string.digits, 9)
        total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
        if digits[0] != "0" and total % 11 == 0 and _upl_clean(digits):
            return digits


def unplumbed_sin(r: random.Random) -> str:
    """A Canadian SIN (nine digits, Luhn-valid) in its ``046 454 286`` groups."""
    while True:
        body = r.choice("12345679") + rand(r, string.digits, 7)
        digits = body + _luhn_digit(body)
        if _upl_no_phone(digits):
            return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def unplumbed_tracking(r: random.Random, carrier: str = "") -> str:
    """A tracking number of a carrier of the split's regions: PostNL's ``3S`` barcode, Thailand Post's ``EF…TH``, Pos
    Malaysia's ``EP…MY``, Canada Post's sixteen digits, Leopards Courier's ``LE`` and ten digits, TCS' twelve digits,
    Andreani's fifteen digits and SMSA's twelve digits."""
    carrier = carrier or pick(r, "postnl", "thaipost", "posmalaysia", "canadapost", "leopards", "tcs", "andreani")
    if carrier == "postnl":
        return "3S" + rand(r, string.ascii_uppercase, 4) + unplumbed_digits(r, 9)
    if carrier == "thaipost":
        return pick(r, "EF", "EG", "RB", "EMS") + unplumbed_digits(r, 9) + "TH"
    if carrier == "posmalaysia":
        return pick(r, "EP", "ER", "PL") + unplumbed_digits(r, 9) + "MY"
    if carrier == "canadapost":
        return unplumbed_digits(r, 16, "7")
    if carrier == "leopards":
        return "LE" + unplumbed_digits(r, 10)
    if carrier == "tcs":
        return unplumbed_digits(r, 12, "7")
    if carrier == "smsa":
        return unplumbed_digits(r, 12, "2")
    return unplumbed_digits(r, 15, "3")


def unplumbed_luhn_digits(r: random.Random, n: int, lead: str = "") -> str:
    body = lead + rand(r, string.digits, n - len(lead) - 1)
    return body + _luhn_digit(body)


# Cards this split draws: Visa, Mastercard, Amex, JCB (Thailand, Malaysia), UnionPay, mada (Saudi Arabia's debit
# scheme, its own BINs), Naranja and Cabal (Argentina), Diners.
UNPLUMBED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4571", "4263", "4402"), (16,)),
    "mastercard": (("5399", "5289", "2223"), (16,)),
    "amex": (("3759", "3400"), (15,)),
    "jcb": (("3528", "3566", "3589"), (16,)),
    "unionpay": (("6253", "6216"), (16, 19)),
    "mada": (("588845", "968208", "588850"), (16,)),
    "naranja": (("589562",), (16,)),
    "cabal": (("604201", "589657"), (16,)),
    "diners": (("3607", "3852"), (14,)),
}


def unplumbed_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNPLUMBED_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def unplumbed_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in its groups, joined by spaces, dashes or nothing."""
    digits = unplumbed_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    return grouped(digits, card_groups(digits), sep)


# IBANs this split draws: Pakistan (24: the bank's four letters, sixteen digits), Saudi Arabia (24: the bank's two
# digits, eighteen), the Netherlands (18: the bank's four letters, ten digits), Belgium (16, with its national mod-97
# pair), Luxembourg (20) and Ireland (22), where the split's guests, suppliers and growers pay from.
UNPLUMBED_IBAN_LENGTHS = {"PK": 24, "SA": 24, "NL": 18, "BE": 16, "LU": 20, "IE": 22}


def _upl_bban(r: random.Random, country: str) -> str:
    if country == "PK":
        return pick(r, "HABB", "MUCB", "UNIL", "MEZN", "SCBL", "ALFH") + rand(r, string.digits, 16)
    if country == "SA":
        return pick(r, "80", "10", "45", "05", "20") + rand(r, string.digits, 18)
    if country == "NL":
        return pick(r, "INGB", "ABNA", "RABO", "SNSB", "TRIO", "BUNQ", "KNAB") + rand(r, string.digits, 10)
    if country == "BE":
        first = pick(r, "001", "068", "310", "363", "732") + rand(r, string.digits, 7)
        check = int(first) % 97 or 97
        return f"{first}{check:02d}"
    if country == "LU":
        return pick(r, "001", "002", "019", "030") + rand(r, string.digits, 13)
    assert country == "IE"
    return pick(r, "AIBK", "BOFI", "IPBS") + rand(r, string.digits, 14)


def unplumbed_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Pakistan, Saudi Arabia, the Netherlands, Belgium, Luxembourg or Ireland, compact or in groups of four
    (``grouped`` None: either); ``valid`` False: its check digits are wrong."""
    country = country or r.choice(sorted(UNPLUMBED_IBAN_LENGTHS))
    bban = _upl_bban(r, country)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNPLUMBED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


UNPLUMBED_HASH_FAMILIES = ("phabricator", "pydio", "metabase", "hana", "openmrs", "vertica", "firebird", "dolibarr")


def unplumbed_password_hash(r: random.Random, family: str = "") -> str:
    """Password-derived material of one family as its software stores it (``family`` empty: any): Phabricator's
    ``bcryptp:`` bcrypt, Pydio Cells' ``sha256:1000:salt:hash`` PBKDF2, Metabase's bcrypt with its salt column, an SAP
    HANA ``SCRAMSHA256`` verifier, OpenMRS' SHA-512 hex with its salt, Vertica's ``sha512`` hex, a Firebird SRP
    verifier with its salt and Dolibarr's ``pass_crypted`` bcrypt."""
    family = family or r.choice(UNPLUMBED_HASH_FAMILIES)
    h = functools.partial(_hexbytes, r)
    alphabet = "./" + string.ascii_letters + string.digits
    if family == "phabricator":
        return f"bcryptp:$2y$11${rand(r, alphabet, 53)}"
    if family == "pydio":
        return f"sha256:1000:{b64(r.randbytes(32))}:{b64(r.randbytes(32))}"
    if family == "metabase":
        return f"$2a$10${rand(r, alphabet, 53)} | password_salt={unplumbed_uuid(r)}"
    if family == "hana":
        return f"SCRAMSHA256: salt={h(16).upper()} serverkey={h(32).upper()} clientkey={h(32).upper()}"
    if family == "openmrs":
        return f"{h(64)}, salt {h(64)}"
    if family == "vertica":
        return f"sha512{h(64)}"
    if family == "firebird":
        return f"PLG$VERIFIER={b64(r.randbytes(128))} PLG$SALT={b64(r.randbytes(32))}"
    assert family == "dolibarr"
    return f"$2y$10${rand(r, alphabet, 53)}"


def unplumbed_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r,
        "Chalong",
        "Patong",
        "Kata",
        "Gansbaai",
        "Hermanus",
        "Kleinbaai",
        "Lisse",
        "Hillegom",
        "Keukenhof",
        "Multan",
        "Bahawalpur",
        "Unaizah",
        "Qassim",
        "Saenluang",
        "Thohoyandou",
        "Vlissingen",
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_", "$", "?", ".")


def unplumbed_email(r: random.Random) -> str:
    """An address of the split's people: Thai, Saraiki, Najdi, Venda, Zeelandic, South African, Argentine, Malaysian
    and Canadian names with dots, digits, hyphens and plus tags, at their countries' providers and big ones."""
    first = pick(
        r,
        "somchai.k",
        "nattaya_s",
        "kittipong.w",
        "ahmed.bhatti",
        "sana-qureshi",
        "abdulaziz.alotaibi",
        "noura_alqahtani",
        "rudzani.mudau",
        "thandi.nkosi",
        "pieter.devisser",
        "maaike-janssen",
        "lucia.fernandez",
        "martin_gomez",
        "nurul.aisyah",
        "tan.weiming",
        "emily.tremblay",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'muaythai', 'dive', 'bulbs', 'orders')}")
    domain = pick(
        r,
        "hotmail.co.th",
        "cyber.net.pk",
        "mweb.co.za",
        "telkomsa.net",
        "vodamail.co.za",
        "fibertel.com.ar",
        "yahoo.com.ar",
        "tm.net.my",
        "ziggo.nl",
        "kpnmail.nl",
        "xs4all.nl",
        "rogers.com",
        "shaw.ca",
        "videotron.ca",
        "gmail.com",
        "outlook.com",
    )
    return f"{local}@{domain}"


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def unplumbed_safepay_key(r: random.Random) -> str:
    """A Safepay (Pakistan) secret key (``X-SFPY-MERCHANT-SECRET``): 64 hex digits."""
    return _hexbytes(r, 32)


def unplumbed_postex_token(r: random.Random) -> str:
    """A PostEx (Pakistan) merchant ``token`` header: base64 of 32 bytes."""
    return b64(r.randbytes(36))


def unplumbed_leopards_pair(r: random.Random) -> tuple[str, str]:
    """Leopards Courier's ``api_key`` (32 upper-case hex digits) and ``api_password``."""
    return _hexbytes(r, 16).upper(), rand(r, ALNUM, 12)


def unplumbed_trax_key(r: random.Random) -> str:
    """A Trax (Pakistan) ``Authorization`` key, sent bare: 48 letters and digits."""
    return rand(r, ALNUM, 48)


def unplumbed_sendpk_key(r: random.Random) -> str:
    """A SendPK ``api_key``: 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unplumbed_eocean_pair(r: random.Random) -> tuple[str, str]:
    """EOcean's SMS user and password."""
    return pick(r, "chalong_fit", "dive_kleinbaai"), rand(r, ALNUM, 14)


def unplumbed_daraz_secret(r: random.Random) -> str:
    """A Daraz Open Platform app secret: 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unplumbed_yoco_whsec(r: random.Random) -> str:
    """A Yoco (South Africa) webhook signing secret: ``whsec_`` and base64."""
    return "whsec_" + b64(r.randbytes(24))


def unplumbed_bobgo_token(r: random.Random) -> str:
    """A Bob Go (South Africa) API token (a bearer): 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unplumbed_shiplogic_key(r: random.Random) -> str:
    """A ShipLogic (The Courier Guy) API key (a bearer): 32 hex digits."""
    return _hexbytes(r, 16)


def unplumbed_netcash_key(r: random.Random) -> str:
    """A Netcash service key: a UUID."""
    return unplumbed_uuid(r)


def unplumbed_luno_pair(r: random.Random) -> tuple[str, str]:
    """Luno's API key id (13 lower-case letters and digits) and secret (43 base64url), a Basic pair."""
    return rand(r, string.ascii_lowercase + string.digits, 13), rand(r, B64URL, 43)


def unplumbed_valr_pair(r: random.Random) -> tuple[str, str]:
    """VALR's API key and secret (64 hex digits each)."""
    return _hexbytes(r, 32), _hexbytes(r, 32)


def unplumbed_salla_token(r: random.Random) -> str:
    """A Salla (Saudi Arabia) merchant access token (a bearer): ``ory_at_`` and base64url."""
    return f"ory_at_{rand(r, B64URL, 43)}.{rand(r, B64URL, 43)}"


def unplumbed_4jawaly_pair(r: random.Random) -> tuple[str, str]:
    """4jawaly's app key and app secret (a Basic pair)."""
    return rand(r, ALNUM, 40), rand(r, ALNUM, 40)


def unplumbed_qoyod_key(r: random.Random) -> str:
    """A Qoyod (Saudi Arabia) ``API-KEY`` header: 32 hex digits."""
    return _hexbytes(r, 16)


def unplumbed_wafeq_key(r: random.Random) -> str:
    """A Wafeq (Saudi Arabia) API key (``Authorization: Api-Key``): 40 letters and digits."""
    return rand(r, ALNUM, 8) + "." + rand(r, ALNUM, 32)


def unplumbed_rewaa_key(r: random.Random) -> str:
    """A Rewaa (Saudi Arabia) platform ``x-api-key``: 48 letters and digits."""
    return rand(r, ALNUM, 48)


def unplumbed_naqel_password(r: random.Random) -> str:
    """Naqel's ClientInfo password."""
    return unplumbed_password(r)


def unplumbed_tiendanube_token(r: random.Random) -> str:
    """A Tiendanube (Argentina) access token (``Authentication: bearer``): 40 hex digits."""
    return _hexbytes(r, 20)


def unplumbed_mobbex_pair(r: random.Random) -> tuple[str, str]:
    """Mobbex's ``x-api-key`` (40 letters and digits) and ``x-access-token`` (a UUID)."""
    return rand(r, ALNUM, 40), unplumbed_uuid(r)


def unplumbed_decidir_pair(r: random.Random) -> tuple[str, str]:
    """Decidir's (Payway) public ``apikey`` (for card tokens) and private ``apikey`` (for payments): 32 hex each."""
    return _hexbytes(r, 16), _hexbytes(r, 16)


def unplumbed_andreani_pair(r: random.Random) -> tuple[str, str]:
    """Andreani's API user and password (a Basic pair for ``/login``)."""
    return pick(r, "kleinbaai_api", "estancia_sur"), rand(r, ALNUM, 16)


def unplumbed_geopagos_secret(r: random.Random) -> str:
    """A Geopagos client secret: 64 letters and digits."""
    return rand(r, ALNUM, 64)


def unplumbed_gbprime_pair(r: random.Random) -> tuple[str, str]:
    """GB Prime Pay's public key (32) and secret key (32), the secret a Basic user."""
    return rand(r, ALNUM, 32), rand(r, ALNUM, 32)


def unplumbed_gbprime_token(r: random.Random) -> str:
    """A GB Prime Pay customer token (``token``): base64 of 96 bytes."""
    return b64(r.randbytes(96))


def unplumbed_ksher_token(r: random.Random) -> str:
    """A Ksher (Thailand) API token (``Authorization: Bearer``): 64 hex digits."""
    return _hexbytes(r, 32)


def unplumbed_chillpay_key(r: random.Random) -> str:
    """A ChillPay ``ApiKey``: 90 letters and digits."""
    return rand(r, ALNUM, 90)


def unplumbed_paysolutions_key(r: random.Random) -> str:
    """A Pay Solutions (Thailand) ``apikey`` header: 32 upper-case letters and digits."""
    return rand(r, string.ascii_uppercase + string.digits, 32)


def unplumbed_flash_key(r: random.Random) -> str:
    """A Flash Express merchant secret ``key``: 64 hex digits."""
    return _hexbytes(r, 32)


def unplumbed_shippop_key(r: random.Random) -> str:
    """A SHIPPOP ``api_key``: ``dv`` and 40 letters and digits."""
    return "dv" + rand(r, ALNUM, 40)


def unplumbed_fiuu_pair(r: random.Random) -> tuple[str, str]:
    """Fiuu's (formerly Razer Merchant Services) verify key and secret key (32 hex each)."""
    return _hexbytes(r, 16), _hexbytes(r, 16)


def unplumbed_chip_key(r: random.Random) -> str:
    """A CHIP (Malaysia) secret key (a bearer): 88 base64 characters, ``==`` included."""
    return b64(r.randbytes(64))


def unplumbed_delyva_token(r: random.Random) -> str:
    """A Delyva ``X-Delyvax-Access-Token``: 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unplumbed_ninjavan_pair(r: random.Random) -> tuple[str, str]:
    """Ninja Van's client id (32 hex) and client secret (32 hex)."""
    return _hexbytes(r, 16), _hexbytes(r, 16)


def unplumbed_ninjavan_token(r: random.Random) -> str:
    """A Ninja Van access token (a bearer): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unplumbed_mocean_pair(r: random.Random) -> tuple[str, str]:
    """Mocean's ``mocean-api-key`` (8 hex) and ``mocean-api-secret`` (8 hex)."""
    return _hexbytes(r, 4), _hexbytes(r, 4)


def unplumbed_multisafepay_key(r: random.Random) -> str:
    """A MultiSafepay website API key (``api_key`` query or header): 40 hex digits."""
    return _hexbytes(r, 20)


def unplumbed_paynl_pair(r: random.Random) -> tuple[str, str]:
    """Pay.nl's token code (``AT-`` and two groups of four digits) and API token (40 hex), a Basic pair."""
    return f"AT-{r.randrange(1000, 9999)}-{r.randrange(1000, 9999)}", _hexbytes(r, 20)


def unplumbed_spryng_token(r: random.Random) -> str:
    """A Spryng (Netherlands) SMS API token (a bearer): 64 letters and digits."""
    return rand(r, ALNUM, 64)


def unplumbed_cm_token(r: random.Random) -> str:
    """A CM.com product token (``X-CM-PRODUCTTOKEN``): a UUID, upper-case."""
    return unplumbed_uuid(r).upper()


def unplumbed_picqer_key(r: random.Random) -> str:
    """A Picqer API key (Basic, the key as the user, ``X`` as the password): 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unplumbed_channable_token(r: random.Random) -> str:
    """A Channable API token (a bearer): 40 hex digits."""
    return _hexbytes(r, 20)


def unplumbed_snelstart_key(r: random.Random) -> str:
    """A SnelStart ``Ocp-Apim-Subscription-Key``: 32 hex digits."""
    return _hexbytes(r, 16)


def unplumbed_myparcel_key(r: random.Random) -> str:
    """A MyParcel API key, base64-encoded as MyParcel wants it after ``basic`` (no colon inside)."""
    return b64(_hexbytes(r, 20).encode())


def unplumbed_nuvei_secret(r: random.Random) -> str:
    """A Nuvei (Canada) merchant secret key: 64 letters and digits."""
    return rand(r, ALNUM, 64)


def unplumbed_vopay_pair(r: random.Random) -> tuple[str, str]:
    """VoPay's account id (a number) and API key (40 hex)."""
    return str(r.randrange(100, 999)), _hexbytes(r, 20)


def unplumbed_wealthica_secret(r: random.Random) -> str:
    """A Wealthica API secret (a bearer): 48 base64url characters."""
    return rand(r, B64URL, 48)


def unplumbed_stallion_token(r: random.Random) -> str:
    """A Stallion Express API token (a bearer): 60 letters and digits."""
    return rand(r, ALNUM, 60)


def unplumbed_chitchats_token(r: random.Random) -> str:
    """A Chit Chats access token (sent bare in ``Authorization``): 32 hex digits."""
    return _hexbytes(r, 16)


def unplumbed_lalamove_pair(r: random.Random) -> tuple[str, str]:
    """Lalamove's public API key (``pk_prod_`` and 32 hex) and secret (``sk_prod_`` and base64)."""
    return "pk_prod_" + _hexbytes(r, 16), "sk_prod_" + b64(r.randbytes(48))


def _upl_iat(r: random.Random) -> int:
    return 1_780_300_000 + r.randrange(2_000_000)


def unplumbed_bykea_jwt(r: random.Random) -> str:
    """A Bykea (Pakistan) partner access token: HS256."""
    iat = _upl_iat(r)
    claims = {"_id": _hexbytes(r, 12), "type": "partner", "iss": "bykea", "iat": iat, "exp": iat + 86400}
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unplumbed_foodics_jwt(r: random.Random) -> str:
    """A Foodics (Saudi Arabia) personal access token: RS256, Laravel Passport claims."""
    iat = _upl_iat(r)
    claims = {
        "aud": str(r.randrange(1, 99)),
        "jti": _hexbytes(r, 40),
        "iat": iat,
        "nbf": iat,
        "exp": iat + 31536000,
        "sub": unplumbed_uuid(r),
        "scopes": ["general.read", "orders.limited.read"],
        "business": unplumbed_uuid(r),
    }
    return _signed_jwt(r, {"typ": "JWT", "alg": "RS256"}, claims, 256)


def unplumbed_stitch_jwt(r: random.Random) -> str:
    """A Stitch (South Africa) client token: RS256 from ``secure.stitch.money``."""
    iat = _upl_iat(r)
    claims = {
        "iss": "https://secure.stitch.money/connect",
        "aud": "https://api.stitch.money",
        "iat": iat,
        "exp": iat + 3600,
        "client_id": f"test-{unplumbed_uuid(r)}",
        "scope": ["client_paymentrequest"],
    }
    return _signed_jwt(r, {"alg": "RS256", "kid": _hexbytes(r, 16).upper(), "typ": "at+jwt"}, claims, 256)


def unplumbed_pomelo_jwt(r: random.Random) -> str:
    """A Pomelo (Argentina) client-credentials token: RS256 from ``auth.pomelo.la``."""
    iat = _upl_iat(r)
    claims = {
        "iss": "https://auth.pomelo.la/",
        "sub": f"{rand(r, ALNUM, 32)}@clients",
        "aud": "https://auth-sandbox.pomelo.la",
        "iat": iat,
        "exp": iat + 86400,
        "gty": "client-credentials",
    }
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT", "kid": rand(r, B64URL, 22)}, claims, 256)


def unplumbed_zumrails_jwt(r: random.Random) -> str:
    """A Zum Rails (Canada) API token: HS256, from its ``/authorize``."""
    iat = _upl_iat(r)
    claims = {
        "nameid": unplumbed_uuid(r),
        "role": "Customer",
        "nbf": iat,
        "exp": iat + 3600,
        "iat": iat,
        "iss": "https://api-app.zumrails.com",
        "aud": "https://api-app.zumrails.com",
    }
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unplumbed_bayarcash_jwt(r: random.Random) -> str:
    """A Bayarcash (Malaysia) personal access token: RS256, Laravel Passport claims."""
    iat = _upl_iat(r)
    claims = {
        "aud": str(r.randrange(1, 40)),
        "jti": _hexbytes(r, 40),
        "iat": iat,
        "nbf": iat,
        "exp": iat + 31536000,
        "sub": str(r.randrange(100, 9999)),
        "scopes": [],
    }
    return _signed_jwt(r, {"typ": "JWT", "alg": "RS256"}, claims, 256)


# ---------------------------------------------------------------------------- the unfathomed split's own values
#
# Written for the forty-first split only, by a thirty-fifth session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, Japan's My Number check digit, the NHS number's mod-11 digit, Aadhaar's Verhoeff
# digit, Egypt's national id layout, Colombia's NIT check digit). Digit runs are drawn until they read as no phone
# number of the split's regions, nationally or with a ``+``.

UNFATHOMED_REGIONS = ("KE", "PH", "JP", "GB", "US", "IN", "EG", "CO")


def _unf_no_phone(digits: str) -> bool:
    return _uex_no_phone(digits, UNFATHOMED_REGIONS)


def _unf_clean(digits: str) -> bool:
    return not luhn_ok(digits) and not _urm_luhn_windows(digits) and _unf_no_phone(digits)


def unfathomed_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits (``lead`` first) that read as no phone number of the split's regions and hold no Luhn-valid run of
    12 to 19 digits."""
    assert n >= 4, n
    while True:
        head = lead or r.choice("123456789")
        digits = head + rand(r, string.digits, n - len(head))
        if _unf_clean(digits):
            return digits


def unfathomed_epoch(r: random.Random, millis: bool = False) -> int:
    """A Unix time in June 2026 that reads as no phone number of the split's regions (milliseconds: nor fails to)."""
    while True:
        seconds = 1_780_300_000 + r.randrange(2_000_000)
        value = seconds * 1000 + r.randrange(1000) if millis else seconds
        if _unf_clean(str(value)):
            return value


def unfathomed_uuid(r: random.Random) -> str:
    return unexplored_uuid(r)


def unfathomed_word(r: random.Random, n: int) -> str:
    return _uex_word(r, n)


# This split's regions: Kenya (+254: mobiles 7xx and 1xx in nine digits, Nairobi 20), the Philippines (+63: mobiles 9xx
# in ten digits, Metro Manila 2 and eight digits, Cebu 32), Japan (+81: mobiles 70, 80 and 90, Tokyo 3, Osaka 6),
# the United Kingdom (+44: mobiles 7x, London 20, Manchester 161, Edinburgh 131), the United States (+1: New York 212,
# Chicago 312, San Francisco 415, Boston 617, Seattle 206), India (+91: mobiles 6-9 in ten digits, Mumbai 22, Delhi
# 11, Bengaluru 80), Egypt (+20: mobiles 10, 11, 12 and 15, Cairo 2, Alexandria 3) and Colombia (+57: mobiles 3xx,
# landlines 601 Bogotá, 604 Medellín, 602 Cali).
_UNF_HEADS: dict[str, dict[str, tuple[tuple[str, ...], tuple[int, ...]]]] = {
    "KE": {"MOBILE": (("712", "722", "733", "745", "768", "110", "111"), (9,)), "FIXED_LINE": (("202", "203"), (9,))},
    "PH": {"MOBILE": (("917", "918", "927", "928", "939", "966", "995"), (10,)), "FIXED_LINE": (("28",), (9,))},
    "JP": {"MOBILE": (("90", "80", "70"), (10,)), "FIXED_LINE": (("3", "66", "65"), (9,))},
    "GB": {"MOBILE": (("74", "75", "77", "78", "79"), (10,)), "FIXED_LINE": (("207", "208", "161", "131"), (10,))},
    "US": {
        "MOBILE": (("212", "312", "415", "617", "206", "512", "404"), (10,)),
        "FIXED_LINE": (("212", "312", "617"), (10,)),
    },
    "IN": {"MOBILE": (("98", "97", "96", "88", "81", "70", "63"), (10,)), "FIXED_LINE": (("222", "112", "802"), (10,))},
    "EG": {"MOBILE": (("10", "11", "12", "15"), (10,)), "FIXED_LINE": (("22", "23", "24"), (9,))},
    "CO": {"MOBILE": (("300", "310", "311", "315", "320", "321"), (10,)), "FIXED_LINE": (("601", "604", "602"), (10,))},
}
_UNF_CODES = {"KE": 254, "PH": 63, "JP": 81, "GB": 44, "US": 1, "IN": 91, "EG": 20, "CO": 57}


def _unf_valid_number(r: random.Random, region: str, kind: str = "") -> phonenumbers.PhoneNumber:
    kind = kind or pick(r, "MOBILE", "MOBILE", "FIXED_LINE")
    heads, sizes = _UNF_HEADS[region][kind]
    for _ in range(3000):
        head = r.choice(heads)
        digits = head + rand(r, string.digits, r.choice(sizes) - len(head))
        number = phonenumbers.parse(f"+{_UNF_CODES[region]}{digits}")
        if (
            phonenumbers.is_valid_number_for_region(number, region)
            and len(set(digits)) > 3
            and not digits.endswith(("000", "1234"))
            and "555" not in digits[3:6]
            and not (region == "US" and digits[3] in "01")
            and not any(luhn_ok(t) for t in (digits, "0" + digits, f"{_UNF_CODES[region]}{digits}"))
        ):
            return number
    raise AssertionError(f"no valid number drawn for {region}")


_UNF_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_UNF_DEVANAGARI_DIGITS = str.maketrans("0123456789", "०१२३४५६७८९")
_UNF_FULLWIDTH = str.maketrans("0123456789-+() ", "０１２３４５６７８９－＋（）\u3000")


def _unf_forms(number: phonenumbers.PhoneNumber, region: str, international_only: bool) -> list[str]:
    """The ways the split's people and systems write ``number`` (see ``unfathomed_phone``), unchecked: the grouped
    shapes of mobiles only for mobiles, landlines in their own groups."""
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    e164 = phonenumbers.format_number(number, pnf.E164)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    nsn = phonenumbers.national_significant_number(number)
    kinds = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
    mobile = phonenumbers.number_type(number) in kinds
    forms = [intl, e164, f"00{number.country_code} {rest}"]
    if region == "KE":
        forms += [f"+254-{rest.replace(' ', '-')}", f"254{nsn}", f"+254 (0){rest}"]
    if region == "PH":
        forms += [f"+63-{rest.replace(' ', '-')}", f"63{nsn}"]
        forms += [f"+63 ({nsn[:3]}) {nsn[3:6]} {nsn[6:]}"] if mobile else []
    if region == "JP":
        forms += [f"+81-{national[1:]}", f"+81 (0){national[1:]}"]
    if region == "GB":
        forms += [f"+44 (0){rest}", f"+44 (0) {rest}", f"0044 {rest}"]
    if region == "US":
        forms += [f"+1 ({nsn[:3]}) {nsn[3:6]}-{nsn[6:]}", f"+1.{nsn[:3]}.{nsn[3:6]}.{nsn[6:]}"]
    if region == "IN":
        forms += [f"+91-{nsn}", f"(+91) {nsn}"]
        forms += [f"+91 {nsn[:5]}-{nsn[5:]}"] if mobile else [f"+91-{rest.replace(' ', '-')}"]
    if region == "EG":
        forms += [f"0020{nsn}", f"‎+20 {nsn}".translate(_UNF_ARABIC_DIGITS)]
        forms += [f"+20 {nsn[:2]} {nsn[2:6]} {nsn[6:]}"] if mobile else []
    if region == "CO":
        forms += [f"+57 {nsn[:3]} {nsn[3:6]} {nsn[6:]}", f"+57-{nsn[:3]}-{nsn[3:]}", f"(+57) {nsn}"]
    if international_only:
        return forms
    forms.append(national)
    if region == "KE":
        forms += [f"0{nsn}", national.replace(" ", "-")]
        forms += [f"0{nsn[:3]} {nsn[3:6]} {nsn[6:]}", f"0{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}"] if mobile else []
    if region == "PH":
        forms += [f"0{nsn}"]
        forms += [f"0{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}", f"0{nsn[:3]} {nsn[3:6]} {nsn[6:]}"] if mobile else []
        forms += [] if mobile else [f"(02) {nsn[1:5]}-{nsn[5:]}"]
    if region == "JP":
        forms += [national.translate(_UNF_FULLWIDTH), f"0{nsn}", national.replace("-", " ")]
    if region == "GB":
        forms += [f"0{nsn}", national.replace(" ", "-")]
        forms += [f"0{nsn[:4]}-{nsn[4:7]}-{nsn[7:]}"] if mobile else []
    if region == "US":
        forms += [
            f"{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}",
            f"{nsn[:3]}.{nsn[3:6]}.{nsn[6:]}",
            f"1-{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}",
            f"({nsn[:3]}) {nsn[3:6]} {nsn[6:]}",
        ]
    if region == "IN":
        forms += [f"0{nsn}"]
        if mobile:
            forms += [f"{nsn[:5]} {nsn[5:]}", f"0{nsn[:5]} {nsn[5:]}".translate(_UNF_DEVANAGARI_DIGITS)]
        else:
            forms += [national.replace(" ", "-", 1)]
    if region == "EG":
        forms += [f"0{nsn}", f"0{nsn}".translate(_UNF_ARABIC_DIGITS)]
        forms += [f"0{nsn[:2]}-{nsn[2:6]}-{nsn[6:]}"] if mobile else []
    if region == "CO":
        forms += [f"{nsn[:3]} {nsn[3:6]} {nsn[6:]}", f"{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}", f"({nsn[:3]}) {nsn[3:]}"]
    return forms


def unfathomed_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as the split's people write it: international (``+254 712 345678``,
    ``254712345678``, ``+254 (0)712 345678``, ``+63-917-123-4567``, ``+81 (0)90-1234-5678``, ``+44 (0)7823 456789``,
    ``+1.212.456.7890``, ``+91 98765-43210``, ``+20 10 1234 5678`` and in Arabic-Indic digits, ``(+57) 3101234567``)
    or, unless ``international_only``, national: ``0712 345 678``, ``0917-123-4567``, ``(02) 8123 4567``,
    ``090-1234-5678`` and in full-width digits, ``07823-456-789``, ``1-212-456-7890``, ``98765 43210`` and in
    Devanagari digits, ``010 12345678``, ``(601) 2345678``. Checked: it parses back (with its region as default) to
    the same valid number and holds no run that reads as an IPv4 address."""
    region = r.choice(regions)
    number = _unf_valid_number(r, region)
    forms = _unf_forms(number, region, international_only)
    choices = [t for t in forms if _uex_reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unfathomed_e164(r: random.Random, region: str, kind: str = "") -> str:
    return phonenumbers.format_number(_unf_valid_number(r, region, kind), phonenumbers.PhoneNumberFormat.E164)


def unfathomed_nsn(r: random.Random, region: str, kind: str = "") -> str:
    return phonenumbers.national_significant_number(_unf_valid_number(r, region, kind))


def unfathomed_invalid_phone(r: random.Random) -> str:
    """A number of the split's regions with two digits dropped or three added, drawn until libphonenumber rejects it."""
    for _ in range(800):
        number = _unf_valid_number(r, r.choice(UNFATHOMED_REGIONS), "MOBILE")
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-2] if r.random() < 0.5 else digits + rand(r, string.digits, 3)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and _unf_no_phone(digits):
            return text
    raise AssertionError("no invalid number drawn")


# National numbers that are no phone numbers (checked to read as none of the split's regions').
def unfathomed_kra_pin(r: random.Random) -> str:
    """A Kenyan KRA PIN (``A`` or ``P``, nine digits, a letter)."""
    return r.choice("AP") + unfathomed_digits(r, 9, "0") + r.choice(string.ascii_uppercase)


def unfathomed_ke_id(r: random.Random) -> str:
    """A Kenyan national identity card number (eight digits)."""
    return _unf_id_digits(r, 8, r.choice("23"), "KE")


def unfathomed_philsys(r: random.Random) -> str:
    """A PhilSys card number (PCN: sixteen digits in groups of four), no Luhn run."""
    digits = unfathomed_digits(r, 16)
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def unfathomed_sss(r: random.Random) -> str:
    """A Philippine SSS number (``34-1234567-8``)."""
    digits = _unf_id_digits(r, 10, pick(r, "33", "34", "01", "02"), "PH")
    return f"{digits[:2]}-{digits[2:9]}-{digits[9]}"


def unfathomed_my_number(r: random.Random) -> str:
    """A Japanese My Number (twelve digits, the last its check digit) in its ``1234 5678 9012`` groups."""
    while True:
        body = rand(r, string.digits, 11)
        total = sum(int(d) * (i + 2 if i < 6 else i - 4) for i, d in enumerate(reversed(body)))
        check = 0 if total % 11 <= 1 else 11 - total % 11
        digits = body + str(check)
        if digits[0] != "0" and _unf_clean(digits):
            return f"{digits[:4]} {digits[4:8]} {digits[8:]}"


def unfathomed_nhs(r: random.Random) -> str:
    """An NHS number (ten digits, mod-11 check digit) in its ``943 476 5919`` groups: ten digits like a UK number."""
    while True:
        body = rand(r, string.digits, 9)
        check = 11 - sum(int(d) * (10 - i) for i, d in enumerate(body)) % 11
        if check == 10:
            continue
        digits = body + ("0" if check == 11 else str(check))
        if digits[0] != "0" and _unf_clean(digits):
            return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def unfathomed_nino(r: random.Random) -> str:
    """A UK National Insurance number (``QQ 12 34 56 C``)."""
    digits = unfathomed_digits(r, 6)
    prefix = r.choice("ABCEGHJKLMNPRSTWXYZ") + r.choice("ABCEGHJKLMNPRSTWXYZ")
    return f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {r.choice('ABCD')}"


def unfathomed_ssn(r: random.Random) -> str:
    """A US social security number in its ``123-45-6789`` groups (no 000, 666 or 9xx area)."""
    while True:
        digits = _unf_id_digits(r, 9, str(r.randrange(1, 9)), "US")
        if digits[:3] not in ("000", "666") and digits[3:5] != "00":
            return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


def _unf_verhoeff_digit(body: str) -> str:
    d = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]
    p = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]
    inv = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = d[c][p[(i + 1) % 8][int(ch)]]
    return str(inv[c])


def unfathomed_aadhaar(r: random.Random) -> str:
    """An Aadhaar number (twelve digits, not starting 0 or 1, Verhoeff check digit) in groups of four."""
    while True:
        body = r.choice("23456789") + rand(r, string.digits, 10)
        digits = body + _unf_verhoeff_digit(body)
        if _unf_clean(digits):
            return f"{digits[:4]} {digits[4:8]} {digits[8:]}"


def unfathomed_pan_in(r: random.Random) -> str:
    """An Indian PAN (``ABCPE1234F``)."""
    up = string.ascii_uppercase
    return rand(r, up, 3) + r.choice("PCFH") + r.choice(up) + unfathomed_digits(r, 4) + r.choice(up)


def unfathomed_eg_id(r: random.Random) -> str:
    """An Egyptian national id (fourteen digits: century, date of birth, governorate, sequence, check)."""
    while True:
        digits = r.choice("23") + f"{r.randrange(60, 99)}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}"
        digits += pick(r, "01", "02", "21", "88") + rand(r, string.digits, 5)
        if _unf_clean(digits):
            return digits


def unfathomed_cedula(r: random.Random) -> str:
    """A Colombian cédula de ciudadanía with its dots (``1.023.456.789``)."""
    digits = _unf_id_digits(r, 10, "10", "CO")
    return f"{digits[0]}.{digits[1:4]}.{digits[4:7]}.{digits[7:]}"


def unfathomed_nit(r: random.Random) -> str:
    """A Colombian NIT with its check digit (``900.123.456-7``, DIAN's prime weights)."""
    weights = (41, 37, 29, 23, 19, 17, 13, 7, 3)
    body = _unf_id_digits(r, 9, pick(r, "900", "901", "830", "860"), "CO")
    rest = sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
    check = rest if rest < 2 else 11 - rest
    return f"{body[:3]}.{body[3:6]}.{body[6:]}-{check}"


def unfathomed_tracking(r: random.Random, carrier: str = "") -> str:
    """A tracking number of a carrier of the split's regions: Sendy's ``SD`` order, LBC's twelve digits, Yamato's
    twelve digits, Japan Post's ``…JP``, Royal Mail's ``…GB``, a USPS twenty-two digit ``9400…``, Delhivery's
    thirteen-digit waybill and Servientrega's ten digits."""
    carrier = carrier or pick(
        r, "sendy", "lbc", "yamato", "japanpost", "royalmail", "usps", "delhivery", "servientrega"
    )
    if carrier == "sendy":
        return "SD" + rand(r, string.ascii_uppercase, 2) + unfathomed_digits(r, 8)
    if carrier == "lbc":
        return unfathomed_digits(r, 12, "1")
    if carrier == "yamato":
        return unfathomed_digits(r, 12, "4")
    if carrier == "japanpost":
        return pick(r, "EJ", "RR", "LX") + unfathomed_digits(r, 9) + "JP"
    if carrier == "royalmail":
        return pick(r, "TT", "JD", "RP") + unfathomed_digits(r, 9) + "GB"
    if carrier == "usps":
        return unfathomed_digits(r, 22, "9400")
    if carrier == "delhivery":
        return unfathomed_digits(r, 13, "2")
    return unfathomed_digits(r, 10, "2")


def unfathomed_luhn_digits(r: random.Random, n: int, lead: str = "") -> str:
    body = lead + rand(r, string.digits, n - len(lead) - 1)
    return body + _luhn_digit(body)


# Cards this split draws: Visa, Mastercard, Amex, JCB (Japan), RuPay (India), Discover (the United States), Meeza
# (Egypt's domestic scheme), Diners and UnionPay.
UNFATHOMED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4147", "4622", "4599"), (16,)),
    "mastercard": (("5176", "5425", "2720"), (16,)),
    "amex": (("3782", "3437"), (15,)),
    "jcb": (("3540", "3569", "3530"), (16,)),
    "rupay": (("6521", "6522", "6081", "8171"), (16,)),
    "discover": (("6011", "6445", "6500"), (16,)),
    "meeza": (("507803", "507808"), (16,)),
    "diners": (("3056", "3890"), (14,)),
    "unionpay": (("6229", "6210"), (16,)),
}


def unfathomed_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNFATHOMED_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def unfathomed_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in its groups, joined by spaces, dashes or nothing."""
    digits = unfathomed_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    return grouped(digits, card_groups(digits), sep)


# IBANs this split draws: Egypt (29: the bank's four digits, the branch's four, seventeen), the United Kingdom (22: the
# bank's four letters, the sort code, the account), Gibraltar (23), Jordan (30), Costa Rica (22) and the Dominican
# Republic (28), where the split's buyers, guests and suppliers pay from.
UNFATHOMED_IBAN_LENGTHS = {"EG": 29, "GB": 22, "GI": 23, "JO": 30, "CR": 22, "DO": 28}


def _unf_bban(r: random.Random, country: str) -> str:
    if country == "EG":
        return pick(r, "0003", "0019", "0037", "0002") + rand(r, string.digits, 21)
    if country == "GB":
        return pick(r, "NWBK", "BARC", "LOYD", "MIDL", "MONZ", "SRLG") + rand(r, string.digits, 14)
    if country == "GI":
        return pick(r, "NWBK", "GIBL", "BARC") + rand(r, string.digits + string.ascii_uppercase, 15)
    if country == "JO":
        return pick(r, "CBJO", "ARAB", "HBHO") + rand(r, string.digits, 22)
    if country == "CR":
        return "0" + pick(r, "152", "151", "102") + rand(r, string.digits, 14)
    assert country == "DO"
    return pick(r, "BAGR", "BCBH", "BPDO") + rand(r, string.digits, 20)


def unfathomed_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Egypt, the United Kingdom, Gibraltar, Jordan, Costa Rica or the Dominican Republic, compact or in
    groups of four (``grouped`` None: either); ``valid`` False: its check digits are wrong."""
    country = country or r.choice(sorted(UNFATHOMED_IBAN_LENGTHS))
    bban = _unf_bban(r, country)
    while any(luhn_ok(run) for run in re.findall(r"\d+", bban) if 13 <= len(run) <= 19):
        bban = _unf_bban(r, country)  # no run of card length in it passes Luhn
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNFATHOMED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


UNFATHOMED_HASH_FAMILIES = ("freeipa", "alfresco", "vtiger", "suitecrm", "ilias", "sakai", "chamilo", "akaunting")


def unfathomed_password_hash(r: random.Random, family: str = "") -> str:
    """Password-derived material of one family as its software stores it (``family`` empty: any): FreeIPA's (389 DS)
    ``{PBKDF2_SHA256}`` blob, Alfresco's ``bcrypt10`` with its hash indicator, vtiger's MD5-crypt ``user_hash``,
    SuiteCRM's ``$2y$`` bcrypt, ILIAS' ``bcryptphp`` with its salt column, Sakai's ``PBKDF2:`` base64, Chamilo's
    salted SHA-1 hex and Akaunting's (Laravel) bcrypt."""
    family = family or r.choice(UNFATHOMED_HASH_FAMILIES)
    alphabet = "./" + string.ascii_letters + string.digits
    if family == "freeipa":
        return "{PBKDF2_SHA256}" + b64(b"\x00\x00\x75\x30" + r.randbytes(320))
    if family == "alfresco":
        return f"hashIndicator=bcrypt10 passwordHash=$2a$10${rand(r, alphabet, 53)}"
    if family == "vtiger":
        return f"$1${rand(r, string.ascii_lowercase, 2)}000000${rand(r, alphabet, 22)}"
    if family == "suitecrm":
        return f"$2y$10${rand(r, alphabet, 53)}"
    if family == "ilias":
        return f"passwd_enc_type=bcryptphp passwd=$2y$12${rand(r, alphabet, 53)} passwd_salt={_hexbytes(r, 16)}"
    if family == "sakai":
        return "PBKDF2:" + b64(r.randbytes(40))
    if family == "chamilo":
        return f"{_hexbytes(r, 20)} salt={_hexbytes(r, 16)}"
    assert family == "akaunting"
    return f"$2y$10${rand(r, alphabet, 53)}"


def unfathomed_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r,
        "Nyeri",
        "Karatina",
        "Othaya",
        "Boracay",
        "Bulabog",
        "Malay",
        "Niseko",
        "Kutchan",
        "Hirafu",
        "Iloilo",
        "Tacloban",
        "Omdurman",
        "Ujjain",
        "Beaufort",
        "Aswan",
        "Salento",
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_", "$", "?", ".")


def unfathomed_email(r: random.Random) -> str:
    """An address of the split's people: Kenyan, Filipino, Japanese, British, American, Indian, Egyptian and Colombian
    names with dots, digits, hyphens and plus tags, at their countries' providers and big ones."""
    first = pick(
        r,
        "wanjiru.kamau",
        "otieno_j",
        "maricel.dela-cruz",
        "jun.bautista",
        "haruto.sato",
        "yui_tanaka",
        "oliver.hughes",
        "amelia-clarke",
        "tyler.brooks",
        "priya.iyer",
        "rohan_mehta",
        "mostafa.elsayed",
        "yasmin-fathy",
        "valentina.rios",
        "andres_ospina",
        "gullah.tours",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'coffee', 'kite', 'ski', 'orders')}")
    domain = pick(
        r,
        "safaricom.co.ke",
        "yahoo.co.ke",
        "pldtdsl.net",
        "globe.com.ph",
        "docomo.ne.jp",
        "ezweb.ne.jp",
        "yahoo.co.jp",
        "btinternet.com",
        "sky.com",
        "comcast.net",
        "rediffmail.com",
        "yahoo.co.in",
        "te.eg",
        "une.net.co",
        "gmail.com",
        "outlook.com",
    )
    return f"{local}@{domain}"


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def unfathomed_intasend_pair(r: random.Random) -> tuple[str, str]:
    """IntaSend's (Kenya) publishable key and secret key (``ISPubKey_live_`` / ``ISSecretKey_live_`` and a UUID)."""
    return f"ISPubKey_live_{unfathomed_uuid(r)}", f"ISSecretKey_live_{unfathomed_uuid(r)}"


def unfathomed_kopokopo_pair(r: random.Random) -> tuple[str, str]:
    """Kopo Kopo's client id and client secret (43 letters and digits each)."""
    return rand(r, B64URL, 43), rand(r, B64URL, 43)


def unfathomed_kopokopo_token(r: random.Random) -> str:
    """A Kopo Kopo access token (a bearer): 43 base64url."""
    return rand(r, B64URL, 43)


def unfathomed_jenga_key(r: random.Random) -> str:
    """A Jenga (Equity Bank) ``Api-Key``: base64 of 48 bytes."""
    return b64(r.randbytes(48))


def unfathomed_tingg_secret(r: random.Random) -> str:
    """A Tingg (Cellulant) client secret: 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unfathomed_sendy_key(r: random.Random) -> str:
    """A Sendy (Kenya) ``api_key``: 20 letters and digits."""
    return rand(r, ALNUM, 20)


def unfathomed_onfon_pair(r: random.Random) -> tuple[str, str]:
    """Onfon Media's ``ClientId`` (a UUID, public) and ``ApiKey`` (base64 of 32 bytes)."""
    return unfathomed_uuid(r), b64(r.randbytes(32))


def unfathomed_sasapay_secret(r: random.Random) -> str:
    """A SasaPay client secret: 64 letters and digits."""
    return rand(r, ALNUM, 64)


def unfathomed_maya_pair(r: random.Random) -> tuple[str, str]:
    """Maya's (PayMaya) public and secret keys (``pk-`` / ``sk-`` and 43 letters and digits)."""
    return "pk-" + rand(r, ALNUM, 43), "sk-" + rand(r, ALNUM, 43)


def unfathomed_dragonpay_pair(r: random.Random) -> tuple[str, str]:
    """Dragonpay's merchant id and password (a Basic pair)."""
    return pick(r, "BULABOGKITE", "NYERICOOP"), rand(r, ALNUM, 12)


def unfathomed_coinsph_key(r: random.Random) -> str:
    """A Coins.ph ``X-COINS-APIKEY``: 64 letters and digits."""
    return rand(r, ALNUM, 64)


def unfathomed_itexmo_pair(r: random.Random) -> tuple[str, str]:
    """iTexMo's ``ApiCode`` (``TR-`` and the user and five digits) and API password."""
    return f"TR-{pick(r, 'BULAB', 'KITEB')}{r.randrange(10000, 99999)}_{rand(r, ALNUM, 5)}", rand(r, ALNUM, 12)


def unfathomed_movider_pair(r: random.Random) -> tuple[str, str]:
    """Movider's ``api_key`` and ``api_secret`` (27 and 40 letters and digits)."""
    return rand(r, ALNUM, 27), rand(r, ALNUM, 40)


def unfathomed_brankas_key(r: random.Random) -> str:
    """A Brankas ``x-api-key``: 64 hex digits."""
    return _hexbytes(r, 32)


def unfathomed_fincode_pair(r: random.Random) -> tuple[str, str]:
    """fincode's (Japan) public and secret keys (``p_prod_`` / ``m_prod_`` and base64)."""
    return "p_prod_" + b64(r.randbytes(54)), "m_prod_" + b64(r.randbytes(54))


def unfathomed_veritrans_pair(r: random.Random) -> tuple[str, str]:
    """Veritrans' merchant CCID (``A100000000000001`` and hex, public) and merchant secret key (64 hex)."""
    return "A" + unfathomed_digits(r, 15) + _hexbytes(r, 4), _hexbytes(r, 32)


def unfathomed_sbps_hashkey(r: random.Random) -> str:
    """An SB Payment Service hash key: 40 hex digits."""
    return _hexbytes(r, 20)


def unfathomed_paidy_secret(r: random.Random) -> str:
    """A Paidy (Japan) secret key: ``sk_live_`` and 32 hex digits (not Stripe's)."""
    return "sk_live_" + _hexbytes(r, 16)


def unfathomed_mercari_token(r: random.Random) -> str:
    """A Mercari Shops API access token (a bearer): ``mshop_`` and 48 base64url."""
    return "mshop_" + rand(r, B64URL, 48)


def unfathomed_airregi_pair(r: random.Random) -> tuple[str, str]:
    """Airレジ's (Airregi) ``X-AirRegi-App-Token`` (32 hex) and ``X-AirRegi-Api-Token`` (64 hex)."""
    return _hexbytes(r, 16), _hexbytes(r, 32)


def unfathomed_ecommpay_secret(r: random.Random) -> str:
    """An ECOMMPAY (UK) project secret key: 64 hex digits."""
    return _hexbytes(r, 32)


def unfathomed_opayo_pair(r: random.Random) -> tuple[str, str]:
    """Opayo's integration key (``hJYxsw7H…``, 50 letters and digits) and integration password (a Basic pair)."""
    return rand(r, ALNUM, 50), rand(r, ALNUM, 50)


def unfathomed_evri_secret(r: random.Random) -> str:
    """An Evri (UK) client secret: 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unfathomed_veeqo_key(r: random.Random) -> str:
    """A Veeqo ``x-api-key``: ``Vqt/`` and 32 hex digits."""
    return "Vqt/" + _hexbytes(r, 16)


def unfathomed_linnworks_secret(r: random.Random) -> str:
    """A Linnworks application secret: a UUID."""
    return unfathomed_uuid(r)


def unfathomed_justeat_key(r: random.Random) -> str:
    """A Just Eat partner API key (``Authorization: JE-API-KEY``): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unfathomed_ometria_key(r: random.Random) -> str:
    """An Ometria ``X-Ometria-Auth`` key: 40 hex digits."""
    return _hexbytes(r, 20)


def unfathomed_freeagent_token(r: random.Random) -> str:
    """A FreeAgent OAuth access token (a bearer): ``1`` and 41 letters, digits, ``-`` and ``_``."""
    return "1" + rand(r, B64URL, 41)


def unfathomed_tilled_key(r: random.Random) -> str:
    """A Tilled (US) secret key: ``sk_`` and 72 letters and digits."""
    return "sk_" + rand(r, ALNUM, 72)


def unfathomed_justifi_pair(r: random.Random) -> tuple[str, str]:
    """JustiFi's client id (``live_`` and 24, public) and client secret (``live_`` and 64)."""
    return "live_" + rand(r, ALNUM, 24), "live_" + rand(r, ALNUM, 64)


def unfathomed_tradier_token(r: random.Random) -> str:
    """A Tradier access token (a bearer): 28 letters and digits."""
    return rand(r, ALNUM, 28)


def unfathomed_copper_token(r: random.Random) -> str:
    """A Copper CRM ``X-PW-AccessToken``: 32 hex digits."""
    return _hexbytes(r, 16)


def unfathomed_freshsales_key(r: random.Random) -> str:
    """A Freshsales API key (``Authorization: Token token=``): 22 letters, digits and ``-``."""
    return rand(r, ALNUM + "-", 22)


def unfathomed_gusto_token(r: random.Random) -> str:
    """A Gusto API access token (a bearer): 43 base64url."""
    return rand(r, B64URL, 43)


def unfathomed_easebuzz_pair(r: random.Random) -> tuple[str, str]:
    """Easebuzz' merchant key (10 upper-case letters and digits, public-ish) and salt (10)."""
    return rand(r, string.ascii_uppercase + string.digits, 10), rand(r, string.ascii_uppercase + string.digits, 10)


def unfathomed_ccavenue_pair(r: random.Random) -> tuple[str, str]:
    """CCAvenue's access code (``AVxx`` and 16, public) and working key (32 hex)."""
    return "AV" + rand(r, string.ascii_uppercase + string.digits, 18), _hexbytes(r, 16).upper()


def unfathomed_zaakpay_secret(r: random.Random) -> str:
    """A Zaakpay secret key: 32 hex digits."""
    return _hexbytes(r, 16)


def unfathomed_idfy_pair(r: random.Random) -> tuple[str, str]:
    """IDfy's ``account-id`` (a UUID, public) and ``api-key`` (a UUID)."""
    return unfathomed_uuid(r), unfathomed_uuid(r)


def unfathomed_2factor_key(r: random.Random) -> str:
    """A 2Factor.in API key (in the URL path): a UUID."""
    return unfathomed_uuid(r)


def unfathomed_fast2sms_key(r: random.Random) -> str:
    """A Fast2SMS ``authorization`` key: 80 letters and digits."""
    return rand(r, ALNUM, 80)


def unfathomed_borzo_token(r: random.Random) -> str:
    """A Borzo (formerly WeFast, India) ``X-DV-Auth-Token``: 40 upper-case hex digits."""
    return _hexbytes(r, 20).upper()


def unfathomed_nimbuspost_token(r: random.Random) -> str:
    """A NimbusPost API token (a bearer): 64 hex digits."""
    return _hexbytes(r, 32)


def unfathomed_shipway_key(r: random.Random) -> str:
    """A Shipway licence key (the Basic password beside the account's e-mail): 32 hex digits."""
    return _hexbytes(r, 16)


def unfathomed_paysky_key(r: random.Random) -> str:
    """A PaySky (Egypt) secure hash key: 64 upper-case hex digits."""
    return _hexbytes(r, 32).upper()


def unfathomed_sympl_key(r: random.Random) -> str:
    """A Sympl (Egypt) ``x-api-key``: 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unfathomed_khazna_token(r: random.Random) -> str:
    """A Khazna (Egypt) partner token (a bearer): 48 letters and digits."""
    return rand(r, ALNUM, 48)


def unfathomed_kushki_pair(r: random.Random) -> tuple[str, str]:
    """Kushki's ``Public-Merchant-Id`` and ``Private-Merchant-Id`` (32 hex each)."""
    return _hexbytes(r, 16), _hexbytes(r, 16)


def unfathomed_placetopay_pair(r: random.Random) -> tuple[str, str]:
    """PlacetoPay's login (32 hex, public) and secret key (16 letters and digits)."""
    return _hexbytes(r, 16), rand(r, ALNUM, 16)


def unfathomed_siigo_key(r: random.Random) -> str:
    """A Siigo (Colombia) ``access_key``: base64 of 48 bytes."""
    return b64(r.randbytes(48))


def unfathomed_alegra_token(r: random.Random) -> str:
    """An Alegra API token (the Basic password beside the account's e-mail): 20 hex digits."""
    return _hexbytes(r, 10)


def unfathomed_hablame_pair(r: random.Random) -> tuple[str, str]:
    """Hablame's ``Account`` (a number, public) and ``ApiKey`` (32 letters and digits)."""
    return str(r.randrange(10000, 99999)), rand(r, ALNUM, 32)


def unfathomed_tpaga_key(r: random.Random) -> str:
    """A Tpaga private key (the Basic user, empty password): 32 hex digits."""
    return _hexbytes(r, 16)


def unfathomed_melonn_key(r: random.Random) -> str:
    """A Melonn (Colombia) ``x-api-key``: 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unfathomed_mensajeros_token(r: random.Random) -> str:
    """A Mensajeros Urbanos ``access_token``: 40 hex digits."""
    return _hexbytes(r, 20)


def _unf_iat(r: random.Random) -> int:
    return 1_780_300_000 + r.randrange(2_000_000)


def unfathomed_stax_jwt(r: random.Random) -> str:
    """A Stax (US) API key: an HS256 JWT from ``apiprod.fattlabs.com``."""
    iat = _unf_iat(r)
    claims = {"godUser": False, "merchant": unfathomed_uuid(r), "sub": unfathomed_uuid(r),
              "iss": "http://apiprod.fattlabs.com/team/apikey", "iat": iat, "nbf": iat,
              "jti": rand(r, ALNUM, 16)}  # fmt: skip
    return _signed_jwt(r, {"typ": "JWT", "alg": "HS256"}, claims, 32)


def unfathomed_truora_jwt(r: random.Random) -> str:
    """A Truora (Colombia) ``Truora-API-Key``: an HS256 JWT."""
    iat = _unf_iat(r)
    claims = {"additional_data": "{}", "client_id": "TCI" + _hexbytes(r, 16), "exp": iat + 31536000,
              "grant": "", "iat": iat, "iss": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_truora",
              "key_name": "kite-checks", "key_type": "backend", "username": "truora-" + _hexbytes(r, 8)}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unfathomed_univapay_jwt(r: random.Random) -> str:
    """A UnivaPay (Japan) application token: an HS256 JWT (``typ`` ``app_token``)."""
    iat = _unf_iat(r)
    claims = {"iss": "jp.univapay.com", "sub": "apptoken", "iat": iat, "jti": _hexbytes(r, 16),
              "store_id": unfathomed_uuid(r), "domains": ["niseko-lodge.jp"], "mode": "live"}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unfathomed_siigo_jwt(r: random.Random) -> str:
    """A Siigo API access token: RS256 from ``services.siigo.com``."""
    iat = _unf_iat(r)
    claims = {"nbf": iat, "exp": iat + 86400, "iss": "http://ms-security:5000",
              "aud": ["http://ms-security:5000/resources", "ms-siigoapi"],
              "client_id": "SiigoAPI", "sub": str(r.randrange(10**5, 10**6)), "auth_time": iat, "idp": "local",
              "tenant_id": "0x" + _hexbytes(r, 16), "scope": ["WebApi", "offline_access"]}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": _hexbytes(r, 16).upper(), "typ": "at+jwt"}, claims, 256)


def unfathomed_xpressbees_jwt(r: random.Random) -> str:
    """An Xpressbees (India) shipping API token from its ``/users/login``: HS256."""
    iat = _unf_iat(r)
    claims = {"id": r.randrange(10**5, 10**6), "email": "ops@bulabogkite.ph", "iat": iat, "exp": iat + 21600}
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unfathomed_breadfast_jwt(r: random.Random) -> str:
    """A Breadfast (Egypt) partner token: RS256."""
    iat = _unf_iat(r)
    claims = {"iss": "https://auth.breadfast.com", "aud": "partner-api", "sub": f"partner|{_hexbytes(r, 12)}",
              "iat": iat, "exp": iat + 3600, "scope": "orders:read orders:write"}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "typ": "JWT", "kid": rand(r, B64URL, 22)}, claims, 256)


# ---------------------------------------------------------------------------- the unsounded split's own values
#
# Written for the forty-second split only, by a thirty-sixth session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, Peru's RUC and Chile's RUT check digits, Ukraine's RNOKPP, Romania's CNP, Greece's AFM
# and AMKA, Hungary's TAJ and tax id, Israel's Teudat Zehut, Taiwan's national id and unified business number). Digit
# runs are drawn until they read as no phone number of the split's regions, nationally or with a ``+``.

UNSOUNDED_REGIONS = ("PE", "CL", "UA", "RO", "GR", "HU", "IL", "TW")


def _uns_no_phone(digits: str, regions: tuple[str, ...] = UNSOUNDED_REGIONS) -> bool:
    return _uex_no_phone(digits, regions)


def _uns_clean(digits: str) -> bool:
    return not luhn_ok(digits) and not _urm_luhn_windows(digits) and _uns_no_phone(digits)


def uns_quiet(text: str, regions: tuple[str, ...] = UNSOUNDED_REGIONS) -> bool:
    """Whether libphonenumber's matcher (``Leniency.VALID``) finds no number of ``regions`` anywhere in ``text``: what
    the split's line prefixes and times are drawn until (its digits may run into the text around them)."""
    for region in regions:
        for _ in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            return False
    return True


def unsounded_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits (``lead`` first) that read as no phone number of the split's regions and hold no Luhn-valid run of
    12 to 19 digits; for nine and ten digits, which some region nearly always takes, the draw settles after a while
    for digits that read as no number with a ``+`` and none of the regions that begin with the same digit."""
    assert n >= 4, n
    for attempt in range(6000):
        head = lead or r.choice("123456789")
        digits = head + rand(r, string.digits, n - len(head))
        if luhn_ok(digits) or _urm_luhn_windows(digits):
            continue
        if _uns_no_phone(digits) or (attempt >= 3000 and _uns_no_phone(digits, ())):
            return digits
    raise AssertionError(f"no digits drawn for n={n} lead={lead!r}")


def unsounded_epoch(r: random.Random, millis: bool = False) -> int:
    """A Unix time in September 2026 that reads as no phone number of the split's regions nor with a ``+`` (and holds
    no Luhn-valid run)."""
    while True:
        seconds = 1_788_250_000 + r.randrange(2_500_000)
        value = seconds * 1000 + r.randrange(1000) if millis else seconds
        if _uns_clean(str(value)):
            return value


def unsounded_uuid(r: random.Random) -> str:
    return unexplored_uuid(r)


def unsounded_word(r: random.Random, n: int) -> str:
    return _uex_word(r, n)


# This split's regions: Peru (+51: mobiles 9 and eight digits, Lima 1 and seven, Arequipa 54), Chile (+56: mobiles 9
# and eight digits, Santiago 22, Valparaíso 32, Concepción 41), Ukraine (+380: mobiles 50, 63, 66-68, 73, 93, 95-99,
# Kyiv 44, Lviv 322, Kharkiv 57), Romania (+40: mobiles 72-78, Bucharest 21 and 31, Cluj 264, Craiova 251), Greece (+30:
# mobiles 69x in ten digits, Athens 210, Thessaloniki 2310, Heraklion 2810), Hungary (+36: mobiles 20, 30, 31, 50, 70,
# Budapest 1, Debrecen 52, Szeged 62), Israel (+972: mobiles 50-58, Jerusalem 2, Tel Aviv 3, Haifa 4, Beersheba 8,
# Sharon 9) and Taiwan (+886: mobiles 9 and eight digits, Taipei 2 and eight, Kaohsiung 7 and seven).
_UNS_HEADS: dict[str, dict[str, tuple[tuple[str, ...], tuple[int, ...]]]] = {
    "PE": {
        "MOBILE": (("91", "94", "95", "96", "97", "98", "99"), (9,)),
        "FIXED_LINE": (("12", "14", "17", "54"), (8,)),
    },
    "CL": {"MOBILE": (("93", "95", "96", "97", "98", "99"), (9,)), "FIXED_LINE": (("22", "32", "41"), (9,))},
    "UA": {
        "MOBILE": (("50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99"), (9,)),
        "FIXED_LINE": (("44", "322", "57"), (9,)),
    },
    "RO": {"MOBILE": (("72", "73", "74", "75", "76", "78"), (9,)), "FIXED_LINE": (("21", "31", "264", "251"), (9,))},
    "GR": {
        "MOBILE": (("690", "693", "694", "695", "697", "698", "699"), (10,)),
        "FIXED_LINE": (("210", "2310", "2810"), (10,)),
    },
    "HU": {"MOBILE": (("20", "30", "31", "50", "70"), (9,)), "FIXED_LINE": (("1", "52", "62"), (8,))},
    "IL": {"MOBILE": (("50", "52", "53", "54", "55", "58"), (9,)), "FIXED_LINE": (("2", "3", "4", "8", "9"), (8,))},
    "TW": {
        "MOBILE": (("912", "921", "932", "955", "963", "975", "988"), (9,)),
        "FIXED_LINE": (("22", "23", "27", "28", "7"), (9, 8)),
    },
}
_UNS_CODES = {"PE": 51, "CL": 56, "UA": 380, "RO": 40, "GR": 30, "HU": 36, "IL": 972, "TW": 886}


def _uns_valid_number(r: random.Random, region: str, kind: str = "") -> phonenumbers.PhoneNumber:
    kind = kind or pick(r, "MOBILE", "MOBILE", "FIXED_LINE")
    heads, sizes = _UNS_HEADS[region][kind]
    for _ in range(3000):
        head = r.choice(heads)
        digits = head + rand(r, string.digits, r.choice(sizes) - len(head))
        number = phonenumbers.parse(f"+{_UNS_CODES[region]}{digits}")
        if (
            phonenumbers.is_valid_number_for_region(number, region)
            and len(set(digits)) > 3
            and not digits.endswith(("000", "1234"))
            and not any(luhn_ok(t) for t in (digits, "0" + digits, f"{_UNS_CODES[region]}{digits}"))
        ):
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def _uns_forms(number: phonenumbers.PhoneNumber, region: str, international_only: bool) -> list[str]:
    """The ways the split's people and systems write ``number`` (see ``unsounded_phone``), unchecked."""
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    e164 = phonenumbers.format_number(number, pnf.E164)
    cc = f"+{number.country_code}"
    rest = intl[len(cc) :].strip()
    n = phonenumbers.national_significant_number(number)
    mobile = n.startswith(_UNS_HEADS[region]["MOBILE"][0])  # (Chile's nine-digit landlines read as either)
    forms = [intl, e164, f"00{number.country_code} {rest}"]
    if region == "PE":
        forms += [f"+51-{rest.replace(' ', '-')}", f"51{n}"]
        forms += [f"(+51) {n[:3]} {n[3:6]} {n[6:]}"] if mobile else []
    if region == "CL":
        forms += [f"56{n}", f"+56 ({n[0]}) {n[1:5]} {n[5:]}"] if mobile else [f"56{n}"]
    if region == "UA":
        forms += [f"380{n}", f"+38 (0{n[:2]}) {n[2:5]}-{n[5:7]}-{n[7:]}"] if mobile else [f"380{n}"]
        forms += [f"+380-{n[:2]}-{n[2:5]}-{n[5:7]}-{n[7:]}"] if mobile else []
    if region == "RO":
        forms += [f"+40 (0){rest}", f"0040{n}", f"+40-{n[:3]}-{n[3:6]}-{n[6:]}"] if mobile else [f"0040{n}"]
    if region == "GR":
        forms += [f"+30-{n}", f"0030{n}"] + ([f"+30 {n[:3]} {n[3:5]} {n[5:7]} {n[7:]}"] if mobile else [])
    if region == "HU":
        forms += [f"+36 ({n[:2]}) {n[2:5]}-{n[5:]}", f"+36-{n[:2]}/{n[2:5]}-{n[5:]}", f"36{n}"] if mobile else []
    if region == "IL":
        forms += [f"+972-{n[:2]}-{n[2:]}", f"972{n}", f"+972 (0){n[:2]}-{n[2:5]}-{n[5:]}"] if mobile else [f"972{n}"]
    if region == "TW":
        forms += [f"+886-{n[:3]}-{n[3:6]}-{n[6:]}", f"886{n}", f"+886 (0){n[:3]} {n[3:6]} {n[6:]}"] if mobile else []
        forms += [] if mobile else [f"+886-{n[0]}-{n[1:-4]}-{n[-4:]}"]
    if international_only:
        return forms
    forms.append(national)
    if region == "PE":
        forms += [f"{n[:3]} {n[3:6]} {n[6:]}", n, f"{n[:3]}-{n[3:6]}-{n[6:]}"] if mobile else []
        forms += [f"01-{n[1:4]}-{n[4:]}", f"(01) {n[1:4]}-{n[4:]}"] if not mobile and n[0] == "1" else []
    if region == "CL":
        forms += [f"{n[0]} {n[1:5]} {n[5:]}", n, f"({n[0]}) {n[1:5]} {n[5:]}"] if mobile else []
        if not mobile:
            forms += [f"({n[0]}) {n[1:5]} {n[5:]}", n] if n[0] == "2" else [f"({n[:2]}) {n[2:5]} {n[5:]}", n]
    if region == "UA":
        forms += [f"0{n}", f"(0{n[:2]}) {n[2:5]}-{n[5:7]}-{n[7:]}"] if len(n) == 9 and n[:3] != "322" else [f"0{n}"]
        forms += [f"0{n[:2]}-{n[2:5]}-{n[5:7]}-{n[7:]}"] if mobile else []
    if region == "RO":
        forms += [f"0{n}", f"0{n[:3]}.{n[3:6]}.{n[6:]}", f"0{n[:3]}-{n[3:6]}-{n[6:]}"] if mobile else [f"0{n}"]
        forms += [f"(0{n[:2]}) {n[2:5]}.{n[5:7]}.{n[7:]}"] if not mobile and n[:2] in ("21", "31") else []
    if region == "GR":
        if mobile:
            forms += [n, f"{n[:3]}-{n[3:]}", f"{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}"]
        else:
            forms += [n, f"210-{n[3:]}"] if n.startswith("210") else [n, f"{n[:4]} {n[4:]}", f"{n[:4]}-{n[4:]}"]
    if region == "HU":
        if mobile:
            forms += [f"06-{n[:2]}-{n[2:5]}-{n[5:]}", f"06 ({n[:2]}) {n[2:5]}-{n[5:]}", f"06{n}"]
            forms += [f"06-{n[:2]}/{n[2:5]}-{n[5:]}", f"06 {n[:2]} {n[2:5]} {n[5:]}"]
        elif n[0] == "1":
            forms += [f"(1) {n[1:4]}-{n[4:]}", f"06-1-{n[1:4]}-{n[4:]}"]
        else:
            forms += [f"06-{n[:2]}-{n[2:5]}-{n[5:]}", f"({n[:2]}) {n[2:5]}-{n[5:]}"]
    if region == "IL":
        if mobile:
            forms += [f"0{n[:2]}-{n[2:]}", f"0{n}", f"0{n[:2]} {n[2:5]} {n[5:]}", f"0{n[:2]}-{n[2:5]}-{n[5:]}"]
        else:
            forms += [f"0{n[0]}-{n[1:]}", f"0{n}", f"0{n[0]}-{n[1:4]}-{n[4:]}"]
    if region == "TW":
        if mobile:
            forms += [f"0{n[:3]}-{n[3:6]}-{n[6:]}", f"0{n}", f"0{n[:3]} {n[3:6]} {n[6:]}", f"0{n[:3]}-{n[3:]}"]
        else:
            forms += [f"(0{n[0]}) {n[1:-4]}-{n[-4:]}", f"0{n[0]}-{n[1:-4]}-{n[-4:]}", f"(0{n[0]}){n[1:-4]}-{n[-4:]}"]
    return forms


def unsounded_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as the split's people write it: international (``+51 987 654 321``,
    ``(+51) 987 654 321``, ``+56 (9) 8765 4321``, ``+38 (067) 123-45-67``, ``380671234567``, ``+40 (0)722 123 456``,
    ``0030 694 123 4567``, ``+36 (30) 123-4567``, ``+36-30/123-4567``, ``+972-50-1234567``, ``+886 (0)912 345 678``)
    or, unless ``international_only``, national: ``987-654-321``, ``(01) 234-5678``, ``9 8765 4321``, ``(067)
    123-45-67``, ``0722.123.456``, ``(021) 123.45.67``, ``694 12 34 567``, ``06-30/123-4567``, ``06 (30) 123-4567``,
    ``(1) 234-5678``, ``050-1234567``, ``03-123-4567``, ``0912-345-678``, ``(02)2345-6789``. Checked: it parses back
    (with its region as default) to the same valid number and holds no run that reads as an IPv4 address."""
    region = r.choice(regions)
    number = _uns_valid_number(r, region)
    forms = _uns_forms(number, region, international_only)
    choices = [t for t in forms if _uex_reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unsounded_e164(r: random.Random, region: str, kind: str = "") -> str:
    return phonenumbers.format_number(_uns_valid_number(r, region, kind), phonenumbers.PhoneNumberFormat.E164)


def unsounded_nsn(r: random.Random, region: str, kind: str = "") -> str:
    return phonenumbers.national_significant_number(_uns_valid_number(r, region, kind))


def unsounded_invalid_phone(r: random.Random) -> str:
    """A number of the split's regions with two digits dropped or three added, drawn until libphonenumber rejects it."""
    for _ in range(800):
        number = _uns_valid_number(r, r.choice(UNSOUNDED_REGIONS), "MOBILE")
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-2] if r.random() < 0.5 else digits + rand(r, string.digits, 3)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        if not phonenumbers.is_valid_number(phonenumbers.parse(text)) and _uns_no_phone(digits):
            return text
    raise AssertionError("no invalid number drawn")


# National numbers that are no phone numbers: drawn until they read as no number of the split's regions (for eight to
# ten digits, where that takes long, of their own region) nor anywhere with a ``+``, and hold no Luhn-valid run (the
# Teudat Zehut and the AMKA are Luhn-valid by design: only their phone reading is checked).


def _uns_id_ok(digits: str, region: str, attempt: int, luhn_by_design: bool = False) -> bool:
    if not luhn_by_design and (luhn_ok(digits) or _urm_luhn_windows(digits)):
        return False
    if luhn_by_design and _urm_luhn_windows(digits):
        return False
    return _uns_no_phone(digits, UNSOUNDED_REGIONS if attempt < 400 else (region,))


def unsounded_pe_dni(r: random.Random) -> str:
    """A Peruvian DNI (eight digits)."""
    for attempt in range(6000):
        digits = r.choice("0124567") + rand(r, string.digits, 7)
        if _uns_id_ok(digits, "PE", attempt):
            return digits
    raise AssertionError("no DNI drawn")


def _uns_ruc_digit(body: str) -> str:
    rest = 11 - sum(int(d) * w for d, w in zip(body, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
    return str({10: 0, 11: 1}.get(rest, rest))


def unsounded_pe_ruc(r: random.Random) -> str:
    """A Peruvian RUC (eleven digits: ``10`` and a DNI for a person, ``20`` for a company, and its check digit)."""
    for attempt in range(6000):
        body = pick(r, "10", "20", "20") + rand(r, string.digits, 8)
        digits = body + _uns_ruc_digit(body)
        if _uns_id_ok(digits, "PE", attempt):
            return digits
    raise AssertionError("no RUC drawn")


def unsounded_cl_rut(r: random.Random) -> str:
    """A Chilean RUT with its dots and check digit (``12.345.678-5``, ``K`` for ten), drawn until no number of the
    split's regions can be read out of it."""
    while True:
        body = str(r.randrange(6_000_000, 26_000_000))
        total = sum(int(d) * (2 + i % 6) for i, d in enumerate(reversed(body)))
        check = {10: "K", 11: "0"}.get(11 - total % 11, str(11 - total % 11))
        text = f"{body[:-6]}.{body[-6:-3]}.{body[-3:]}-{check}"
        if uns_quiet(text) and _uns_no_phone(body + check.replace("K", "")):
            return text


def unsounded_ua_rnokpp(r: random.Random) -> str:
    """A Ukrainian RNOKPP (ten digits: days since 31 December 1899, a serial whose ninth digit is the sex, a check)."""
    weights = (-1, 5, 7, 9, 4, 6, 10, 5, 7)
    for attempt in range(6000):
        body = f"{r.randrange(20000, 38000):05d}" + rand(r, string.digits, 4)
        check = sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11 % 10
        digits = body + str(check)
        if _uns_id_ok(digits, "UA", attempt):
            return digits
    raise AssertionError("no RNOKPP drawn")


def unsounded_ro_cnp(r: random.Random) -> str:
    """A Romanian CNP (thirteen digits: sex and century, date of birth, county, serial, the ``279146358279`` check)."""
    for attempt in range(6000):
        sex = r.choice("1256")
        year = r.randrange(60, 100) if sex in "12" else r.randrange(0, 8)
        body = f"{sex}{year:02d}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}{r.randrange(1, 47):02d}"
        body += f"{r.randrange(1, 1000):03d}"
        rest = sum(int(d) * int(w) for d, w in zip(body, "279146358279", strict=True)) % 11
        digits = body + ("1" if rest == 10 else str(rest))
        if _uns_id_ok(digits, "RO", attempt):
            return digits
    raise AssertionError("no CNP drawn")


def unsounded_gr_afm(r: random.Random) -> str:
    """A Greek tax number (AFM: nine digits, the last ``sum(d·2^k) mod 11 mod 10``)."""
    for attempt in range(6000):
        body = r.choice("01") + rand(r, string.digits, 7)
        check = sum(int(d) * 2 ** (8 - i) for i, d in enumerate(body)) % 11 % 10
        digits = body + str(check)
        if _uns_id_ok(digits, "GR", attempt):
            return digits
    raise AssertionError("no AFM drawn")


def unsounded_gr_amka(r: random.Random) -> str:
    """A Greek social security number (AMKA: the date of birth ``DDMMYY``, four digits and a Luhn check digit)."""
    for attempt in range(6000):
        body = f"{r.randrange(1, 29):02d}{r.randrange(1, 13):02d}{r.randrange(50, 100):02d}" + rand(r, string.digits, 4)
        digits = body + _luhn_digit(body)
        if _uns_id_ok(digits, "GR", attempt, luhn_by_design=True):
            return digits
    raise AssertionError("no AMKA drawn")


def unsounded_hu_taj(r: random.Random) -> str:
    """A Hungarian TAJ number in its ``123 456 789`` groups (the ninth digit: odd places ×3, even ×7, mod 10)."""
    for attempt in range(6000):
        body = rand(r, string.digits, 8)
        check = sum(int(d) * (3 if i % 2 == 0 else 7) for i, d in enumerate(body)) % 10
        digits = body + str(check)
        if _uns_id_ok(digits, "HU", attempt):
            return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    raise AssertionError("no TAJ drawn")


def unsounded_hu_tax_id(r: random.Random) -> str:
    """A Hungarian tax id (adóazonosító jel: ``8``, days since 1 January 1867, a serial, ``Σ d·i mod 11``)."""
    for attempt in range(6000):
        body = "8" + f"{r.randrange(31000, 50000):05d}" + rand(r, string.digits, 3)
        check = sum(int(d) * (i + 1) for i, d in enumerate(body)) % 11
        if check == 10:
            continue
        digits = body + str(check)
        if _uns_id_ok(digits, "HU", attempt):
            return digits
    raise AssertionError("no tax id drawn")


def unsounded_il_tz(r: random.Random) -> str:
    """An Israeli Teudat Zehut (nine digits whose check digit is Luhn's)."""
    for attempt in range(6000):
        body = r.choice("0123") + rand(r, string.digits, 7)
        digits = body + _luhn_digit(body)
        if _uns_id_ok(digits, "IL", attempt, luhn_by_design=True):
            return digits
    raise AssertionError("no Teudat Zehut drawn")


_UNS_TW_LETTERS = {
    "A": 10, "B": 11, "C": 12, "D": 13, "E": 14, "F": 15, "G": 16, "H": 17, "I": 34, "J": 18, "K": 19, "L": 20, "M": 21,
    "N": 22, "O": 35, "P": 23, "Q": 24, "R": 25, "S": 26, "T": 27, "U": 28, "V": 29, "W": 32, "X": 30, "Y": 31, "Z": 33,
}  # fmt: skip


def unsounded_tw_id(r: random.Random) -> str:
    """A Taiwanese national id (a letter for the place of registration, ``1`` or ``2`` for the sex, seven digits and a
    check digit over the letter's two digits)."""
    for attempt in range(6000):
        letter = r.choice("ABDEFHKMNOQRSTUVWXYZ")
        body = r.choice("12") + rand(r, string.digits, 7)
        code = _UNS_TW_LETTERS[letter]
        total = code // 10 + (code % 10) * 9 + sum(int(d) * w for d, w in zip(body, range(8, 0, -1), strict=True))
        digits = body + str((10 - total % 10) % 10)
        if _uns_id_ok(digits, "TW", attempt):
            return letter + digits
    raise AssertionError("no Taiwanese id drawn")


def unsounded_tw_ubn(r: random.Random) -> str:
    """A Taiwanese unified business number (統一編號: eight digits whose weighted digit sum is divisible by 5)."""
    for attempt in range(6000):
        digits = rand(r, string.digits, 8)
        total = sum(sum(divmod(int(d) * w, 10)) for d, w in zip(digits, (1, 2, 1, 2, 1, 2, 4, 1), strict=True))
        if total % 5 == 0 and _uns_id_ok(digits, "TW", attempt):
            return digits
    raise AssertionError("no unified business number drawn")


def unsounded_tracking(r: random.Random, carrier: str = "") -> str:
    """A tracking number of a carrier of the split's regions: Olva's, Chilexpress' twelve digits, Nova Poshta's
    fourteen-digit express waybill, FAN Courier's thirteen-digit AWB, Sameday's, ACS' ten digits, Foxpost's ``CLFOX``,
    Israel Post's ``…IL`` and Chunghwa Post's ``…TW``."""
    carrier = carrier or pick(
        r, "olva", "chilexpress", "novaposhta", "fancourier", "sameday", "acs", "foxpost", "israelpost", "chunghwa"
    )
    if carrier == "olva":
        return "OL" + unsounded_digits(r, 11)
    if carrier == "chilexpress":
        return unsounded_digits(r, 12, "99")
    if carrier == "novaposhta":
        return unsounded_digits(r, 14, pick(r, "2045", "5900"))
    if carrier == "fancourier":
        return unsounded_digits(r, 13, "2")
    if carrier == "sameday":
        return "1ONB" + unsounded_digits(r, 11)
    if carrier == "acs":
        return unsounded_digits(r, 10, "7")
    if carrier == "foxpost":
        return "CLFOX" + unsounded_digits(r, 10)
    if carrier == "israelpost":
        return pick(r, "RR", "LY", "EE") + unsounded_digits(r, 9) + "IL"
    return pick(r, "RR", "EE", "RB") + unsounded_digits(r, 9) + "TW"


def unsounded_luhn_digits(r: random.Random, n: int, lead: str = "") -> str:
    body = lead + rand(r, string.digits, n - len(lead) - 1)
    return body + _luhn_digit(body)


# Cards this split draws: Visa, Mastercard, Amex, Diners (Peru), JCB (Taiwan), Maestro, UnionPay and PROSTIR (Ukraine's
# domestic scheme).
UNSOUNDED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4557", "4213", "4510", "4169"), (16,)),
    "mastercard": (("5491", "5167", "2221", "5375"), (16,)),
    "amex": (("3714", "3487"), (15,)),
    "diners": (("3600", "3095"), (14,)),
    "jcb": (("3528", "3589"), (16,)),
    "maestro": (("6759", "5018", "6304"), (16, 19)),
    "unionpay": (("6250", "6212"), (16,)),
    "prostir": (("9804",), (16,)),
}


def unsounded_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNSOUNDED_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def unsounded_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in its groups, joined by spaces, dashes or nothing."""
    digits = unsounded_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    return grouped(digits, card_groups(digits), sep)


# IBANs this split draws. Every country of the IBAN registry was drawn by an earlier split; these are the ones only
# the three oldest blind splits drew, each once (Romania, Azerbaijan, Georgia, Kazakhstan, Serbia, Croatia, Lithuania,
# Latvia), where the split's guests, buyers and suppliers bank.
UNSOUNDED_IBAN_LENGTHS = {"RO": 24, "AZ": 28, "GE": 22, "KZ": 20, "RS": 22, "HR": 21, "LT": 20, "LV": 21}


def _uns_bban(r: random.Random, country: str) -> str:
    if country == "RO":
        return (
            pick(r, "BTRL", "RNCB", "BRDE", "INGB", "RZBR", "BACX")
            + pick(r, "RONCRT", "EURCRT")
            + rand(r, string.digits, 10)
        )
    if country == "AZ":
        return pick(r, "NABZ", "IBAZ", "PAHA", "AIIB", "KAPI") + rand(r, string.digits, 20)
    if country == "GE":
        return pick(r, "NB", "TB", "BG") + rand(r, string.digits, 16)
    if country == "KZ":
        return pick(r, "125", "722", "601", "914", "826") + "KZT" + rand(r, string.digits, 10)
    if country == "RS":
        return pick(r, "160", "265", "205", "170", "325") + rand(r, string.digits, 15)
    if country == "HR":
        return pick(r, "2340009", "2360000", "2484008", "2402006", "2330003") + rand(r, string.digits, 10)
    if country == "LT":
        return pick(r, "73000", "70440", "32500", "35000", "40100") + rand(r, string.digits, 11)
    assert country == "LV"
    return pick(r, "HABA", "UNLA", "RIKO", "PARX") + rand(r, string.digits, 13)


def unsounded_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Romania, Azerbaijan, Georgia, Kazakhstan, Serbia, Croatia, Lithuania or Latvia, compact or in groups
    of four (``grouped`` None: either); ``valid`` False: its check digits are wrong. No run of 12 to 19 digits inside
    its BBAN passes Luhn (the groups of four cannot be read as a card)."""
    country = country or r.choice(sorted(UNSOUNDED_IBAN_LENGTHS))
    bban = _uns_bban(r, country)
    while any(_urm_luhn_windows(run) for run in re.findall(r"\d+", bban)):
        bban = _uns_bban(r, country)
    check = iban_check_digits(country, bban)
    if not valid:
        right = check
        check = (check + r.randrange(1, 90)) % 100
        while check in (right, (right + 97) % 100) or check < 2:
            check = (check + 1) % 100
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNSOUNDED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


UNSOUNDED_HASH_FAMILIES = (
    "nav_sha512",
    "prestashop",
    "moodle",
    "odoo",
    "rocketchat",
    "nopcommerce",
    "blf_crypt",
    "peoplesoft",
)


def unsounded_password_hash(r: random.Random, family: str = "") -> str:
    """Password-derived material of one family as its software stores it (``family`` empty: any): the Hungarian tax
    office's (NAV Online Számla) technical user's ``passwordHash`` (SHA-512 in upper-case hex), PrestaShop 1.6's
    ``passwd`` (MD5 of the cookie key and the password), Moodle 4.3's SHA-512 crypt with 10000 rounds, Odoo's passlib
    ``$pbkdf2-sha512$600000$``, Rocket.Chat's ``services.password.bcrypt``, nopCommerce's upper-case SHA-512 with its
    ``PasswordSalt``, mailcow's (Dovecot) ``{BLF-CRYPT}`` and PeopleSoft's ``OPERPSWD`` (base64 SHA-1)."""
    family = family or r.choice(UNSOUNDED_HASH_FAMILIES)
    alphabet = "./" + string.ascii_letters + string.digits
    if family == "nav_sha512":
        digest = hashlib.sha512(unsounded_password(r).encode()).hexdigest().upper()
        return f'<passwordHash cryptoType="SHA-512">{digest}</passwordHash>'
    if family == "prestashop":
        return hashlib.md5(r.randbytes(24)).hexdigest()  # how PrestaShop 1.6 stored it
    if family == "moodle":
        return f"$6$rounds=10000${rand(r, alphabet, 16)}${rand(r, alphabet, 86)}"
    if family == "odoo":
        return f"$pbkdf2-sha512$600000${ab64(r.randbytes(16))}${ab64(r.randbytes(64))}"
    if family == "rocketchat":
        return json.dumps({"password": {"bcrypt": f"$2b$10${rand(r, alphabet, 53)}"}})
    if family == "nopcommerce":
        return f"{_hexbytes(r, 64).upper()} salt={b64(r.randbytes(5))}"
    if family == "blf_crypt":
        return "{BLF-CRYPT}$2y$05$" + rand(r, alphabet, 53)
    assert family == "peoplesoft"
    return b64(r.randbytes(20))


def unsounded_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r,
        "Atacama",
        "Toconao",
        "Licancabur",
        "Puno",
        "Arequipa",
        "Tokaj",
        "Tarcal",
        "Mad",
        "Miskolc",
        "Uzhhorod",
        "Mukachevo",
        "Constanta",
        "Naxos",
        "Lavrio",
        "Syros",
        "Haifa",
        "Meinong",
        "Hsinchu",
    )
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_", "$", "?", ".")


def unsounded_email(r: random.Random) -> str:
    """An address of the split's people: Peruvian, Chilean, Ukrainian, Romanian, Greek, Hungarian, Israeli and
    Taiwanese names with dots, digits, hyphens and plus tags, at their countries' providers and big ones."""
    first = pick(
        r,
        "lucia.quispe",
        "mateo_huaman",
        "camila.munoz",
        "benjamin-soto",
        "oksana.kovalenko",
        "taras_bondar",
        "andreea.popescu",
        "mihai-ionescu",
        "eleni.papadopoulou",
        "giorgos_kar",
        "zsofia.nagy",
        "bence-kovacs",
        "noa.levi",
        "yossi_cohen",
        "chen.yating",
        "weilin.huang",
    )
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'stars', 'wine', 'yacht', 'orders')}")
    domain = pick(
        r,
        "terra.com.pe",
        "vtr.net",
        "ukr.net",
        "i.ua",
        "yahoo.ro",
        "otenet.gr",
        "freemail.hu",
        "citromail.hu",
        "walla.co.il",
        "netvision.net.il",
        "yahoo.com.tw",
        "ms45.hinet.net",
        "gmail.com",
        "outlook.com",
        "hotmail.com",
    )
    return f"{local}@{domain}"


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def unsounded_culqi_pair(r: random.Random) -> tuple[str, str]:
    """Culqi's (Peru) public and secret keys (``pk_live_`` / ``sk_live_`` and sixteen hex digits)."""
    return "pk_live_" + _hexbytes(r, 8), "sk_live_" + _hexbytes(r, 8)


def unsounded_niubiz_pair(r: random.Random) -> tuple[str, str]:
    """Niubiz' (Peru) security API user and password (a Basic pair)."""
    return pick(r, "integraciones@atacamastars.cl", "pagos.niubiz@tokajpince.hu"), rand(r, ALNUM + "!#$_", 14)


def unsounded_izipay_pair(r: random.Random) -> tuple[str, str]:
    """Izipay's (Peru, Lyra) REST shop id and password (``prodpassword_`` and 45 letters and digits)."""
    return unsounded_digits(r, 8), "prodpassword_" + rand(r, ALNUM, 45)


def unsounded_pagoefectivo_pair(r: random.Random) -> tuple[str, str]:
    """PagoEfectivo's (Peru) access key (public) and secret key (base64 of 30 bytes)."""
    return rand(r, string.ascii_uppercase + string.digits, 20), b64(r.randbytes(30))


def unsounded_nubefact_token(r: random.Random) -> str:
    """A Nubefact (Peru) e-invoicing token (``Authorization: Token token="…"``): 64 hex digits."""
    return _hexbytes(r, 32)


def unsounded_flow_pair(r: random.Random) -> tuple[str, str]:
    """Flow's (Chile) apiKey (a UUID in upper case, public) and secretKey (40 hex digits)."""
    return unsounded_uuid(r).upper(), _hexbytes(r, 20)


def unsounded_khipu_key(r: random.Random) -> str:
    """A Khipu (Chile) v3 ``x-api-key``: a UUID."""
    return unsounded_uuid(r)


def unsounded_transbank_pair(r: random.Random) -> tuple[str, str]:
    """Transbank Webpay Plus' ``Tbk-Api-Key-Id`` (the commerce code, public) and ``Tbk-Api-Key-Secret`` (64 upper-case
    hex digits)."""
    return unsounded_digits(r, 12, "5970"), _hexbytes(r, 32).upper()


def unsounded_bsale_token(r: random.Random) -> str:
    """A Bsale (Chile) ``access_token``: 40 hex digits."""
    return _hexbytes(r, 20)


def unsounded_chilexpress_key(r: random.Random) -> str:
    """A Chilexpress ``Ocp-Apim-Subscription-Key``: 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_fintoc_pair(r: random.Random) -> tuple[str, str]:
    """Fintoc's (Chile) public and secret keys (``pk_live_`` / ``sk_live_`` and 32 letters, digits, ``-``, ``_``)."""
    return "pk_live_" + rand(r, B64URL, 32), "sk_live_" + rand(r, B64URL, 32)


def unsounded_shipit_token(r: random.Random) -> str:
    """A Shipit (Chile) ``X-Shipit-Access-Token``: 20 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 20)


def unsounded_openfactura_key(r: random.Random) -> str:
    """An OpenFactura (Haulmer, Chile) ``apikey``: 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_turbosms_token(r: random.Random) -> str:
    """A TurboSMS (Ukraine) API token (a bearer): 40 hex digits."""
    return _hexbytes(r, 20)


def unsounded_checkbox_license(r: random.Random) -> str:
    """A Checkbox (Ukraine, cloud cash register) ``X-License-Key``: 24 hex digits."""
    return _hexbytes(r, 12)


def unsounded_rozetka_token(r: random.Random) -> str:
    """A Rozetka seller API access token (a bearer): 32 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 32)


def unsounded_prom_token(r: random.Random) -> str:
    """A Prom.ua API token (a bearer): 40 hex digits."""
    return _hexbytes(r, 20)


def unsounded_keycrm_token(r: random.Random) -> str:
    """A KeyCRM (Ukraine) API key (a bearer): base64 of 40 hex digits, unpadded."""
    return b64(_hexbytes(r, 20).encode()).rstrip("=")


def unsounded_horoshop_token(r: random.Random) -> str:
    """A Horoshop (Ukraine) API session token from ``/api/auth``: 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_salesdrive_key(r: random.Random) -> str:
    """A SalesDrive (Ukraine) ``X-Api-Key``: 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unsounded_esputnik_key(r: random.Random) -> str:
    """An eSputnik (Ukraine) API key (the Basic password, any user): 32 upper-case hex digits."""
    return _hexbytes(r, 16).upper()


def unsounded_netopia_key(r: random.Random) -> str:
    """A NETOPIA Payments (Romania) v2 API key (a bare ``Authorization``): 43 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 43)


def unsounded_euplatesc_key(r: random.Random) -> str:
    """An EuPlătesc (Romania) merchant key (the HMAC key of ``fp_hash``): 64 upper-case hex digits."""
    return _hexbytes(r, 32).upper()


def unsounded_smartbill_token(r: random.Random) -> str:
    """A SmartBill (Romania) API token (the Basic password beside the account's e-mail): 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_oblio_secret(r: random.Random) -> str:
    """An Oblio (Romania) API client secret: 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_oblio_token(r: random.Random) -> str:
    """An Oblio access token (a bearer): 40 hex digits."""
    return _hexbytes(r, 20)


def unsounded_fancourier_token(r: random.Random) -> str:
    """A FAN Courier (Romania) v2 API token (a bearer): Laravel Sanctum's ``id|`` and 40 letters and digits."""
    return f"{r.randrange(100000, 999999)}|{rand(r, ALNUM, 40)}"


def unsounded_sameday_token(r: random.Random) -> str:
    """A Sameday (Romania) ``X-AUTH-TOKEN``: 40 hex digits."""
    return _hexbytes(r, 20)


def unsounded_cargus_key(r: random.Random) -> str:
    """A Cargus (Romania) ``Ocp-Apim-Subscription-Key``: 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_smslink_pair(r: random.Random) -> tuple[str, str]:
    """SMSLink's (Romania) connection id (public-ish) and password."""
    return "-".join(rand(r, string.ascii_uppercase + string.digits, 4) for _ in range(4)), rand(r, ALNUM, 16)


def unsounded_twispay_key(r: random.Random) -> str:
    """A Twispay (Romania) private key (a bare ``Authorization``): 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_viva_pair(r: random.Random) -> tuple[str, str]:
    """Viva's (Greece) merchant id (a UUID) and API key (a Basic pair; the key is short and has symbols)."""
    return unsounded_uuid(r), rand(r, ALNUM + "!%_+&", 8)


def unsounded_viva_client(r: random.Random) -> tuple[str, str]:
    """Viva's OAuth client id (``….apps.vivapayments.com``, public) and client secret (32 letters and digits)."""
    return f"{rand(r, string.ascii_lowercase + string.digits, 40)}.apps.vivapayments.com", rand(r, ALNUM, 32)


def unsounded_everypay_key(r: random.Random) -> str:
    """An Everypay (Greece) secret key (the Basic user, empty password): ``sk_`` and 32 letters and digits."""
    return "sk_" + rand(r, ALNUM, 32)


def unsounded_acs_key(r: random.Random) -> str:
    """An ACS Courier (Greece) ``AcsApiKey``: 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_skroutz_token(r: random.Random) -> str:
    """A Skroutz merchants API token (a bearer): 52 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 52)


def unsounded_boxnow_token(r: random.Random) -> str:
    """A BOX NOW (Greece) access token (a bearer): 64 hex digits."""
    return _hexbytes(r, 32)


def unsounded_routee_pair(r: random.Random) -> tuple[str, str]:
    """Routee's (Greece) application id (24 hex digits) and secret (ten letters and digits): the Basic pair of its
    ``/oauth/token``."""
    return _hexbytes(r, 12), rand(r, ALNUM, 10)


def unsounded_mydata_key(r: random.Random) -> str:
    """A myDATA (Greece's tax office) ``Ocp-Apim-Subscription-Key``: 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_barion_poskey(r: random.Random) -> str:
    """A Barion (Hungary) ``POSKey``: 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_simplepay_secret(r: random.Random) -> str:
    """A SimplePay (OTP, Hungary) merchant secret key: 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unsounded_szamlazz_key(r: random.Random) -> str:
    """A Számlázz.hu agent key (``szamlaagentkulcs``): 42 lower-case letters, digits and underscores."""
    return rand(r, string.ascii_lowercase + string.digits, 34) + "_" + rand(r, string.ascii_lowercase, 7)


def unsounded_billingo_key(r: random.Random) -> str:
    """A Billingo (Hungary) v3 ``X-API-KEY``: a UUID."""
    return unsounded_uuid(r)


def unsounded_foxpost_pair(r: random.Random) -> tuple[str, str]:
    """Foxpost's (Hungary) API user and password (a Basic pair)."""
    return pick(r, "tokajpince", "pincewebshop"), rand(r, ALNUM + "#!", 14)


def unsounded_nav_keys(r: random.Random) -> tuple[str, str]:
    """NAV Online Számla's technical user's XML signing key (``aa-bbbb-…``, 32 characters) and exchange key (16)."""
    sign = "-".join((_hexbytes(r, 1), _hexbytes(r, 2), _hexbytes(r, 6), _hexbytes(r, 3)[:5])) + rand(r, HEX, 3)
    return sign, _hexbytes(r, 8)


def unsounded_unas_key(r: random.Random) -> str:
    """An UNAS (Hungary) webshop API key: 40 hex digits."""
    return _hexbytes(r, 20)


def unsounded_shoprenter_key(r: random.Random) -> str:
    """A Shoprenter (Hungary) API key (the Basic password beside the API user): 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_tranzila_pair(r: random.Random) -> tuple[str, str]:
    """Tranzila's (Israel) API app key (public) and private key (the HMAC key of its access token)."""
    return rand(r, ALNUM, 40), rand(r, ALNUM, 40)


def unsounded_cardcom_pair(r: random.Random) -> tuple[str, str]:
    """Cardcom's (Israel) ``ApiName`` and ``ApiPassword``."""
    return rand(r, ALNUM, 12), rand(r, ALNUM, 16)


def unsounded_payplus_pair(r: random.Random) -> tuple[str, str]:
    """PayPlus' (Israel) api key and secret key (UUIDs, sent as JSON in ``Authorization``)."""
    return unsounded_uuid(r), unsounded_uuid(r)


def unsounded_grow_key(r: random.Random) -> str:
    """A Grow (Meshulam, Israel) ``apiKey``: twelve hex digits."""
    return _hexbytes(r, 6)


def unsounded_greeninvoice_pair(r: random.Random) -> tuple[str, str]:
    """Green Invoice's (Morning, Israel) API key id (a UUID) and secret (22 letters, digits, ``-`` and ``_``)."""
    return unsounded_uuid(r), rand(r, B64URL, 22)


def unsounded_icount_token(r: random.Random) -> str:
    """An iCount (Israel) API token (a bearer): ``API3E8-`` and 48 letters and digits."""
    return "API3E8-" + rand(r, ALNUM, 48)


def unsounded_inforu_token(r: random.Random) -> str:
    """An InforU (Israel) ``ApiToken``: a UUID."""
    return unsounded_uuid(r)


def unsounded_ecpay_pair(r: random.Random) -> tuple[str, str]:
    """ECPay's (Taiwan) HashKey and HashIV (sixteen letters and digits each)."""
    return rand(r, ALNUM, 16), rand(r, ALNUM, 16)


def unsounded_newebpay_pair(r: random.Random) -> tuple[str, str]:
    """NewebPay's (Taiwan) HashKey (32 letters and digits) and HashIV (16)."""
    return rand(r, ALNUM, 32), rand(r, ALNUM, 16)


def unsounded_tappay_pair(r: random.Random) -> tuple[str, str]:
    """TapPay's (Taiwan) app key (``app_``, for the web SDK, public) and partner key (``partner_``, the
    ``x-api-key``)."""
    return "app_" + rand(r, ALNUM, 60), "partner_" + rand(r, ALNUM, 60)


def unsounded_linepay_secret(r: random.Random) -> str:
    """A LINE Pay channel secret key: 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_jkopay_key(r: random.Random) -> str:
    """A JKOPAY (Taiwan) ``API-KEY``: 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_every8d_pair(r: random.Random) -> tuple[str, str]:
    """EVERY8D's (Taiwan) SMS account and password."""
    return pick(r, "aegeansail", "atacamastars"), rand(r, ALNUM, 10)


def unsounded_mitake_pair(r: random.Random) -> tuple[str, str]:
    """Mitake's (Taiwan) SMS username and password."""
    return pick(r, "54981234", "charterTW"), rand(r, ALNUM, 10)


def unsounded_todoist_token(r: random.Random) -> str:
    """A Todoist API token (a bearer): 40 hex digits."""
    return _hexbytes(r, 20)


def unsounded_prismic_token(r: random.Random) -> str:
    """A Prismic permanent access token: ``MC5`` and base64 of its id and secret, joined by dots."""
    return "MC5" + rand(r, B64, 24) + "." + rand(r, B64, 42)


def unsounded_configcat_pair(r: random.Random) -> tuple[str, str]:
    """ConfigCat's Public Management API credentials (a Basic pair: a user name and a password)."""
    return rand(r, B64URL, 22), rand(r, B64, 44)


def unsounded_configcat_sdk_key(r: random.Random) -> str:
    """A ConfigCat SDK key (``configcat-sdk-1/`` and two runs of 22): meant for client apps, not a secret."""
    return f"configcat-sdk-1/{rand(r, B64URL, 22)}/{rand(r, B64URL, 22)}"


def unsounded_clockify_key(r: random.Random) -> str:
    """A Clockify ``X-Api-Key``: 48 letters and digits."""
    return rand(r, ALNUM, 48)


def unsounded_toggl_token(r: random.Random) -> str:
    """A Toggl Track API token (the Basic user, password ``api_token``): 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_crowdin_token(r: random.Random) -> str:
    """A Crowdin personal access token (a bearer): 80 hex digits."""
    return _hexbytes(r, 40)


def unsounded_lokalise_token(r: random.Random) -> str:
    """A Lokalise ``X-Api-Token``: 40 hex digits."""
    return _hexbytes(r, 20)


def unsounded_smartling_secret(r: random.Random) -> str:
    """A Smartling API user secret: 55 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 55)


def unsounded_ipgeolocation_key(r: random.Random) -> str:
    """An ipgeolocation.io ``apiKey``: 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_abstract_key(r: random.Random) -> str:
    """An Abstract API ``api_key``: 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_surveymonkey_token(r: random.Random) -> str:
    """A SurveyMonkey access token (a bearer): 64 letters, digits, ``-`` and ``.``."""
    return rand(r, ALNUM + "-.", 64)


def unsounded_browserstack_pair(r: random.Random) -> tuple[str, str]:
    """BrowserStack's user name and access key (20 letters and digits)."""
    return f"{pick(r, 'atacamaqa', 'aegeanqa')}_{rand(r, ALNUM, 6)}", rand(r, ALNUM, 20)


def unsounded_lambdatest_key(r: random.Random) -> str:
    """A LambdaTest access key: ``LT_`` and 47 letters and digits."""
    return "LT_" + rand(r, ALNUM, 47)


def unsounded_percy_token(r: random.Random) -> str:
    """A Percy project token: ``web_`` and 64 hex digits."""
    return "web_" + _hexbytes(r, 32)


def unsounded_chromatic_token(r: random.Random) -> str:
    """A Chromatic project token: ``chpt_`` and 14 hex digits."""
    return "chpt_" + _hexbytes(r, 7)


def unsounded_logzio_token(r: random.Random) -> str:
    """A Logz.io shipping token: 32 letters."""
    return rand(r, string.ascii_letters, 32)


def unsounded_cronitor_key(r: random.Random) -> str:
    """A Cronitor API key (the Basic user, empty password): 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_uptimerobot_key(r: random.Random) -> str:
    """An UptimeRobot main API key: ``u``, the account number, ``-`` and 24 hex digits."""
    return f"u{r.randrange(1000000, 3000000)}-{_hexbytes(r, 12)}"


def unsounded_statuspage_key(r: random.Random) -> str:
    """A Statuspage API key (``Authorization: OAuth``): a UUID."""
    return unsounded_uuid(r)


def unsounded_inception_key(r: random.Random) -> str:
    """An Inception Labs (Mercury) API key (a bearer): ``sk_`` and 32 hex digits."""
    return "sk_" + _hexbytes(r, 16)


def unsounded_lingyi_key(r: random.Random) -> str:
    """A 01.AI (Lingyiwanwu, Yi) API key (a bearer): 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_textsynth_key(r: random.Random) -> str:
    """A TextSynth API key (a bearer): 32 hex digits."""
    return _hexbytes(r, 16)


def unsounded_ffm_key(r: random.Random) -> str:
    """A Taiwan AI Labs FFM (AFS on TWCC) ``X-API-KEY``: a UUID."""
    return unsounded_uuid(r)


def unsounded_arcee_key(r: random.Random) -> str:
    """An Arcee AI (Conductor) API key (a bearer): 48 letters and digits."""
    return rand(r, ALNUM, 48)


def _uns_iat(r: random.Random) -> int:
    return 1_788_250_000 + r.randrange(2_500_000)


def unsounded_checkbox_jwt(r: random.Random) -> str:
    """A Checkbox (Ukraine) cashier's access token from ``/api/v1/cashier/signin``: HS256."""
    iat = _uns_iat(r)
    claims = {"sub": unsounded_uuid(r), "type": "cashier", "nbf": iat, "exp": iat + 86400 * 30,
              "iss": "checkbox", "jti": unsounded_uuid(r)}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unsounded_greeninvoice_jwt(r: random.Random) -> str:
    """A Green Invoice (Morning, Israel) API token from ``/account/token``: HS256."""
    iat = _uns_iat(r)
    claims = {"id": unsounded_uuid(r), "bid": unsounded_uuid(r), "aud": "api", "iat": iat, "exp": iat + 3600,
              "type": "API"}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unsounded_viva_jwt(r: random.Random) -> str:
    """A Viva (Greece) OAuth access token: RS256 from ``accounts.vivapayments.com``."""
    iat = _uns_iat(r)
    claims = {"nbf": iat, "exp": iat + 3600, "iss": "https://accounts.vivapayments.com",
              "aud": "core_api", "client_id": unsounded_viva_client(r)[0],
              "scope": ["urn:viva:payments:core:api:redirectcheckout"]}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": _hexbytes(r, 16).upper(), "typ": "at+jwt"}, claims, 256)


def unsounded_niubiz_jwt(r: random.Random) -> str:
    """A Niubiz (Peru) security token from ``/api.security/v1/security``: HS256."""
    iat = _uns_iat(r)
    claims = {"iss": "VisaNet", "sub": "integraciones@atacamastars.cl", "iat": iat, "exp": iat + 3600,
              "merchantId": unsounded_digits(r, 9, "6")}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


def unsounded_shopline_jwt(r: random.Random) -> str:
    """A SHOPLINE (Taiwan) Open API access token: HS256 with the merchant and application ids."""
    iat = _uns_iat(r)
    claims = {"data": {"model": "User", "merchant_id": _hexbytes(r, 12), "application_id": _hexbytes(r, 12)},
              "iss": "https://developers.shopline.com", "iat": iat, "exp": iat + 31536000}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "typ": "JWT"}, claims, 32)


# ---------------------------------------------------------------------------- the untapped split's own values
#
# Written for the forty-third split only, by a thirty-seventh session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, the Czech account number's and IČO's mod-11 weights, the rodné číslo's divisibility by
# eleven, Portugal's NIF, NISS and NIB check digits, Norway's fødselsnummer, organisasjonsnummer and account number
# check digits, New Zealand's IRD and NHI check characters, the Moroccan ICE's and RIB's keys, Chile's RUT, Singapore's
# NRIC and FIN check letters, Thailand's national id, the UPU S10 check digit of postal items). Digit runs are drawn
# until they read as no phone number of the split's regions, nationally or with a ``+``.

UNTAPPED_REGIONS = ("CZ", "PT", "NO", "NZ", "MA", "CL", "SG", "TH")


def _utp_no_phone(digits: str, regions: tuple[str, ...] = UNTAPPED_REGIONS) -> bool:
    return _uex_no_phone(digits, regions)


def _utp_clean(digits: str) -> bool:
    return not luhn_ok(digits) and not _urm_luhn_windows(digits) and _utp_no_phone(digits)


def utp_quiet(text: str, regions: tuple[str, ...] = UNTAPPED_REGIONS) -> bool:
    """Whether libphonenumber's matcher (``Leniency.VALID``) finds no number of ``regions`` anywhere in ``text``: what
    the split's line prefixes, times and ids are drawn until (their digits may run into the text around them)."""
    for region in regions:
        for _ in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            return False
    return True


def untapped_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits (``lead`` first) that read as no phone number of the split's regions and hold no Luhn-valid run of
    12 to 19 digits; for eight to ten digits, which some region nearly always takes, the draw settles after a while
    for digits that read as no number with a ``+``."""
    assert n >= 4, n
    for attempt in range(8000):
        head = lead or r.choice("123456789")
        digits = head + rand(r, string.digits, n - len(head))
        if luhn_ok(digits) or _urm_luhn_windows(digits):
            continue
        if _utp_no_phone(digits) or (attempt >= 4000 and _utp_no_phone(digits, ())):
            return digits
    raise AssertionError(f"no digits drawn for n={n} lead={lead!r}")


def untapped_epoch(r: random.Random, millis: bool = False) -> int:
    """A Unix time in October 2026 that holds no Luhn-valid run and reads as no phone number with a ``+`` (milliseconds:
    nor of the split's regions; ten digits beginning ``179`` all read as New Zealand numbers for libphonenumber, so
    the national reading cannot be avoided for seconds: an epoch is no phone number all the same)."""
    while True:
        seconds = 1_790_850_000 + r.randrange(2_600_000)
        value = seconds * 1000 + r.randrange(1000) if millis else seconds
        text = str(value)
        if millis and _utp_clean(text):
            return value
        if not millis and not luhn_ok(text) and _utp_no_phone(text, ()):
            return value


def untapped_uuid(r: random.Random) -> str:
    """A version-4 UUID with no twelve decimal digits together, drawn until no number of the split's regions reads out
    of it (Singapore's and Norway's eight digits hide in two groups of four)."""
    while True:
        text = unexplored_uuid(r)
        if utp_quiet(text):
            return text


def untapped_word(r: random.Random, n: int) -> str:
    return _uex_word(r, n)


# This split's regions: Czechia (+420: nine digits, mobiles 60x, 72x, 73x, 77x, Prague 2, Plzeň 37, Brno 54, Ostrava
# 59), Portugal (+351: nine digits, mobiles 91-93 and 96, Lisbon 21, Porto 22, Faro 289), Norway (+47: eight digits,
# mobiles 4 and 9, Oslo 22-23, Bergen 55, Trondheim 73), New Zealand (+64: mobiles 21, 22, 27, 29, Queenstown and
# Christchurch 3, Wellington 4, Auckland 9), Morocco (+212: nine digits, mobiles 6 and 7, Casablanca 522, Rabat 537,
# Marrakech 524), Chile (+56: mobiles 9 and eight digits, Santiago 22, Valparaíso 32), Singapore (+65: eight digits,
# mobiles 8 and 9, fixed lines 6) and Thailand (+66: mobiles 6, 8 and 9 in nine digits, Bangkok 2 and seven, Chiang
# Mai 53, Phuket 76).
_UTP_HEADS: dict[str, dict[str, tuple[tuple[str, ...], tuple[int, ...]]]] = {
    "CZ": {
        "MOBILE": (("602", "603", "604", "605", "606", "608", "720", "721", "731", "732", "736", "737", "739", "773",
                    "774", "775", "776", "777"), (9,)),
        "FIXED_LINE": (("2", "37", "54", "59", "38", "46"), (9,)),
    },
    "PT": {"MOBILE": (("91", "92", "93", "96"), (9,)), "FIXED_LINE": (("21", "22", "239", "253", "289"), (9,))},
    "NO": {
        "MOBILE": (("40", "41", "45", "46", "47", "48", "90", "91", "92", "93", "94", "95", "97", "98"), (8,)),
        "FIXED_LINE": (("22", "23", "55", "73", "51"), (8,)),
    },
    "NZ": {"MOBILE": (("21", "22", "27", "29"), (9,)), "FIXED_LINE": (("34", "33", "44", "49", "95", "96"), (8,))},
    "MA": {
        "MOBILE": (("61", "62", "66", "67", "70", "77", "69", "65", "60"), (9,)),
        "FIXED_LINE": (("522", "537", "535", "528", "523"), (9,)),
    },
    "CL": {"MOBILE": (("93", "95", "96", "97", "98", "99"), (9,)), "FIXED_LINE": (("22", "32", "41"), (9,))},
    "SG": {
        "MOBILE": (("81", "82", "83", "84", "85", "86", "87", "88", "90", "91", "92", "93", "94", "96", "97", "98"),
                   (8,)),
        "FIXED_LINE": (("61", "62", "63", "64", "65", "66", "67", "68"), (8,)),
    },
    "TH": {
        "MOBILE": (("61", "62", "63", "64", "80", "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91",
                    "92", "93", "94", "95", "96", "97", "98", "99"), (9,)),
        "FIXED_LINE": (("2", "53", "76", "38", "44", "74"), (8,)),
    },
}  # fmt: skip
_UTP_CODES = {"CZ": 420, "PT": 351, "NO": 47, "NZ": 64, "MA": 212, "CL": 56, "SG": 65, "TH": 66}


def _utp_valid_number(r: random.Random, region: str, kind: str = "") -> phonenumbers.PhoneNumber:
    kind = kind or pick(r, "MOBILE", "MOBILE", "FIXED_LINE")
    heads, sizes = _UTP_HEADS[region][kind]
    for _ in range(3000):
        head = r.choice(heads)
        digits = head + rand(r, string.digits, r.choice(sizes) - len(head))
        number = phonenumbers.parse(f"+{_UTP_CODES[region]}{digits}")
        if (
            phonenumbers.is_valid_number_for_region(number, region)
            and len(set(digits)) > 3
            and not digits.endswith(("000", "1234"))
            and not any(
                luhn_ok(t) or _urm_luhn_windows(t)
                for t in (digits, "0" + digits, f"{_UTP_CODES[region]}{digits}", f"00{_UTP_CODES[region]}{digits}")
            )
        ):
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def _utp_forms(number: phonenumbers.PhoneNumber, region: str, international_only: bool) -> list[str]:
    """The ways the split's people and systems write ``number`` (see ``untapped_phone``), unchecked."""
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    e164 = phonenumbers.format_number(number, pnf.E164)
    cc = number.country_code
    rest = intl[len(f"+{cc}") :].strip()
    n = phonenumbers.national_significant_number(number)
    mobile = n.startswith(_UTP_HEADS[region]["MOBILE"][0])
    forms = [intl, e164, f"00{cc} {rest}"]
    if region == "CZ":
        forms += [f"+420 {n}", f"420{n}", f"+420-{n[:3]}-{n[3:6]}-{n[6:]}", f"(+420) {n[:3]} {n[3:6]} {n[6:]}"]
    if region == "PT":
        forms += [f"(+351) {n[:3]} {n[3:6]} {n[6:]}", f"+351 {n}", f"351{n}", f"00351{n}"]
    if region == "NO":
        forms += [f"+47 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}", f"(+47) {n[:3]} {n[3:5]} {n[5:]}", f"0047{n}", f"47{n}"]
    if region == "NZ":
        forms += [f"+64 (0){rest}", f"+64-{rest.replace(' ', '-')}", f"64{n}"]
    if region == "MA":
        forms += [
            f"+212 {n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:]}",
            f"+212 (0){n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:]}",
        ]
        forms += [f"(+212) {n[:3]}-{n[3:]}", f"212{n}"]
    if region == "CL":
        forms += (
            [f"+569 {n[1:5]} {n[5:]}", f"(+56 9) {n[1:5]} {n[5:]}"] if mobile else [f"+56 {n[:1]} {n[1:5]} {n[5:]}"]
        )
    if region == "SG":
        forms += [f"+65-{n[:4]}-{n[4:]}", f"(+65) {n[:4]} {n[4:]}", f"+65 {n}", f"65{n}"]
    if region == "TH":
        forms += [f"+66 (0) {rest}", f"+66-{rest.replace(' ', '-')}", f"66{n}"]
    if international_only:
        return forms
    forms.append(national)
    if region == "CZ":
        forms += [n, f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}"]
    if region == "PT":
        forms += [n, f"{n[:3]} {n[3:6]} {n[6:]}"] + ([f"{n[:2]} {n[2:5]} {n[5:]}"] if n[:2] in ("21", "22") else [])
    if region == "NO":
        forms += [n, f"{n[:3]} {n[3:5]} {n[5:]}", f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:]}"]
    if region == "NZ":
        if mobile:
            forms += [
                f"0{n[:2]} {n[2:5]} {n[5:]}",
                f"0{n[:2]}-{n[2:5]}-{n[5:]}",
                f"(0{n[:2]}) {n[2:5]} {n[5:]}",
                f"0{n}",
            ]
        else:
            forms += [f"(0{n[0]}) {n[1:4]} {n[4:]}", f"0{n[0]}-{n[1:4]} {n[4:]}", f"0{n[0]} {n[1:4]} {n[4:]}"]
    if region == "MA":
        if mobile:
            forms += [f"0{n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:]}", f"0{n[:3]}-{n[3:]}", f"0{n}"]
            forms += [f"0{n[0]}.{n[1:3]}.{n[3:5]}.{n[5:7]}.{n[7:]}"]
        else:
            forms += [f"0{n[:3]}-{n[3:]}", f"0{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8:]}", f"0{n}"]
    if region == "CL":
        forms += [f"{n[0]} {n[1:5]} {n[5:]}", n, f"0{n[0]} {n[1:5]} {n[5:]}"] if mobile else [n]
        forms += [] if mobile else [f"({n[0]}) {n[1:5]} {n[5:]}" if n[0] == "2" else f"({n[:2]}) {n[2:5]} {n[5:]}"]
    if region == "SG":
        forms += [n, f"{n[:4]} {n[4:]}", f"{n[:4]}-{n[4:]}"]
    if region == "TH":
        if mobile:
            forms += [f"0{n[:2]}-{n[2:5]}-{n[5:]}", f"0{n[:2]} {n[2:5]} {n[5:]}", f"0{n}", f"0{n[:2]}-{n[2:6]}-{n[6:]}"]
        elif n[0] == "2":
            forms += [f"0{n[0]}-{n[1:4]}-{n[4:]}", f"0{n[0]} {n[1:4]} {n[4:]}", f"0{n}"]
        else:
            forms += [f"0{n[:2]}-{n[2:5]}-{n[5:]}", f"0{n}"]
    return forms


def untapped_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as the split's people write it: international (``+420 602 123 456``,
    ``(+420) 602 123 456``, ``+351 912 345 678``, ``(+351) 912 345 678``, ``+47 41 23 45 67``, ``0047 41234567``,
    ``+64 (0)21 123 4567``, ``+212 6 12 34 56 78``, ``+569 8765 4321``, ``+65-9123-4567``, ``+66 (0) 81 234 5678``)
    or, unless ``international_only``, national: ``602 123 456``, ``912 345 678``, ``21 345 6789``, ``412 34 567``,
    ``41 23 45 67``, ``021-123-4567``, ``(03) 441 1234``, ``06 12 34 56 78``, ``0612-345678``, ``9 8765 4321``,
    ``9123 4567``, ``081-234-5678``, ``02-123-4567``. Checked: it parses back (with its region as default) to the same
    valid number and holds no run that reads as an IPv4 address."""
    region = r.choice(regions)
    number = _utp_valid_number(r, region)
    forms = _utp_forms(number, region, international_only)
    choices = [t for t in forms if _uex_reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def untapped_e164(r: random.Random, region: str, kind: str = "") -> str:
    return phonenumbers.format_number(_utp_valid_number(r, region, kind), phonenumbers.PhoneNumberFormat.E164)


def untapped_nsn(r: random.Random, region: str, kind: str = "") -> str:
    return phonenumbers.national_significant_number(_utp_valid_number(r, region, kind))


def untapped_invalid_phone(r: random.Random) -> str:
    """A number of the split's regions with two digits dropped or three added, drawn until libphonenumber rejects it."""
    for _ in range(800):
        number = _utp_valid_number(r, r.choice(UNTAPPED_REGIONS), "MOBILE")
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-2] if r.random() < 0.5 else digits + rand(r, string.digits, 3)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        if (
            not phonenumbers.is_valid_number(phonenumbers.parse(text))
            and _utp_no_phone(digits)
            and utp_quiet(text)
            and not _urm_luhn_windows(f"{number.country_code}{digits}")
        ):
            return text
    raise AssertionError("no invalid number drawn")


# National numbers that are no phone numbers: drawn until they read as no number of the split's regions (after a while,
# where that takes long, of their own region) nor anywhere with a ``+``, and hold no Luhn-valid run.


def _utp_id_ok(digits: str, region: str, attempt: int) -> bool:
    if luhn_ok(digits) or _urm_luhn_windows(digits):
        return False
    return _utp_no_phone(digits, UNTAPPED_REGIONS if attempt < 400 else (region,))


def untapped_cz_rodne_cislo(r: random.Random) -> str:
    """A Czech birth number (rodné číslo: ``YYMMDD/XXXX``, women's months plus 50, the ten digits divisible by 11)."""
    for attempt in range(6000):
        year, month, day = r.randrange(54, 100), r.randrange(1, 13), r.randrange(1, 29)
        month += 50 if r.random() < 0.5 else 0
        head = f"{year:02d}{month:02d}{day:02d}" + rand(r, string.digits, 3)
        check = -int(head) * 10 % 11
        if check == 10:
            continue
        digits = head + str(check)
        if _utp_id_ok(digits, "CZ", attempt) and utp_quiet(f"{digits[:6]}/{digits[6:]}"):
            return f"{digits[:6]}/{digits[6:]}"
    raise AssertionError("no rodné číslo drawn")


def untapped_cz_ico(r: random.Random) -> str:
    """A Czech company number (IČO: eight digits, the last ``(11 - Σ d·w mod 11) mod 10`` with weights 8 to 2)."""
    for attempt in range(6000):
        body = r.choice("0124") + rand(r, string.digits, 6)
        total = sum(int(d) * w for d, w in zip(body, range(8, 1, -1), strict=True))
        digits = body + str((11 - total % 11) % 10)
        if _utp_id_ok(digits, "CZ", attempt):
            return digits
    raise AssertionError("no IČO drawn")


def untapped_pt_nif(r: random.Random) -> str:
    """A Portuguese tax number (NIF: nine digits, the last ``11 - Σ d·w mod 11`` with weights 9 to 2, 0 for 10 or
    11)."""
    for attempt in range(6000):
        body = r.choice("1235") + rand(r, string.digits, 7)
        rest = 11 - sum(int(d) * w for d, w in zip(body, range(9, 1, -1), strict=True)) % 11
        digits = body + str(0 if rest >= 10 else rest)
        if _utp_id_ok(digits, "PT", attempt):
            return digits
    raise AssertionError("no NIF drawn")


def untapped_pt_niss(r: random.Random) -> str:
    """A Portuguese social security number (NISS: eleven digits, ``1`` or ``2`` first, the last ``9 - Σ d·w mod 10``
    with the weights 29, 23, 19, 17, 13, 11, 7, 5, 3, 2)."""
    weights = (29, 23, 19, 17, 13, 11, 7, 5, 3, 2)
    for attempt in range(6000):
        body = r.choice("12") + rand(r, string.digits, 9)
        digits = body + str(9 - sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 10)
        if _utp_id_ok(digits, "PT", attempt):
            return digits
    raise AssertionError("no NISS drawn")


def _utp_mod11(digits: str, weights: tuple[int, ...]) -> int:
    rest = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return 0 if rest == 11 else rest


def untapped_no_fnr(r: random.Random) -> str:
    """A Norwegian national identity number (fødselsnummer: ``DDMMYY``, an individual number and two mod-11 check
    digits)."""
    for attempt in range(6000):
        body = f"{r.randrange(1, 29):02d}{r.randrange(1, 13):02d}{r.randrange(50, 100):02d}{r.randrange(0, 500):03d}"
        k1 = _utp_mod11(body, (3, 7, 6, 1, 8, 9, 4, 5, 2))
        if k1 == 10:
            continue
        k2 = _utp_mod11(body + str(k1), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))
        if k2 == 10:
            continue
        digits = f"{body}{k1}{k2}"
        if _utp_id_ok(digits, "NO", attempt):
            return digits
    raise AssertionError("no fødselsnummer drawn")


def untapped_no_orgnr(r: random.Random) -> str:
    """A Norwegian organisation number (nine digits, ``8`` or ``9`` first, a mod-11 check digit), in groups of three
    half of the time."""
    for attempt in range(6000):
        body = r.choice("89") + rand(r, string.digits, 7)
        check = _utp_mod11(body, (3, 2, 7, 6, 5, 4, 3, 2))
        if check == 10:
            continue
        digits = body + str(check)
        if _utp_id_ok(digits, "NO", attempt):
            return f"{digits[:3]} {digits[3:6]} {digits[6:]}" if r.random() < 0.5 else digits
    raise AssertionError("no organisasjonsnummer drawn")


def untapped_nz_ird(r: random.Random) -> str:
    """A New Zealand IRD number (eight or nine digits, a mod-11 check digit with the secondary weights when the primary
    give ten), written ``123-456-789`` or ``12-345-678``."""
    for attempt in range(6000):
        base = r.randrange(10_000_000, 150_000_000) // 10
        body = f"{base:08d}"
        check = 11 - sum(int(d) * w for d, w in zip(body, (3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
        if check == 10:
            check = 11 - sum(int(d) * w for d, w in zip(body, (7, 4, 3, 2, 5, 2, 7, 6), strict=True)) % 11
            if check == 10:
                continue
        digits = str(base) + str(0 if check == 11 else check)
        if not _utp_id_ok(digits, "NZ", attempt):
            continue
        text = (
            f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
            if len(digits) == 9
            else f"{digits[:2]}-{digits[2:5]}-{digits[5:]}"
        )
        if utp_quiet(text):
            return text
    raise AssertionError("no IRD number drawn")


def untapped_nz_nhi(r: random.Random) -> str:
    """A New Zealand National Health Index number in its old shape (three letters, no I or O, three digits and a
    mod-11 check digit)."""
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    while True:
        alpha = rand(r, letters, 3)
        nums = rand(r, string.digits, 3)
        total = sum((letters.index(c) + 1) * w for c, w in zip(alpha, (7, 6, 5), strict=True))
        total += sum(int(d) * w for d, w in zip(nums, (4, 3, 2), strict=True))
        check = 11 - total % 11
        if check != 11:
            return f"{alpha}{nums}{check % 10}"


def untapped_ma_cin(r: random.Random) -> str:
    """A Moroccan national identity card number (CIN: one or two letters of the issuing region and five or six
    digits)."""
    return pick(r, "A", "B", "BE", "BK", "C", "CD", "D", "EE", "G", "J", "JA", "K", "L", "T", "X") + untapped_digits(
        r, r.choice((5, 6))
    )


def untapped_ma_ice(r: random.Random) -> str:
    """A Moroccan company identifier (ICE: fifteen digits, the last two a mod-97 key)."""
    for attempt in range(20000):
        body = "00" + rand(r, string.digits, 11)
        digits = body + f"{97 - int(body) * 100 % 97:02d}"
        if _utp_id_ok(digits, "MA", attempt):
            return digits
    raise AssertionError("no ICE drawn")


def untapped_ma_rib(r: random.Random) -> str:
    """A Moroccan bank account (RIB: a bank code, a city code, sixteen account digits and a two-digit key, 24 digits,
    no IBAN) in its groups, drawn until no run of 12 to 19 of its digits passes Luhn."""
    for _ in range(200000):
        bank = pick(r, "007", "011", "022", "145", "190", "230", "350")
        body = bank + pick(r, "780", "640", "810", "450") + rand(r, string.digits, 16)
        digits = body + f"{97 - int(body) * 100 % 97:02d}"
        if not _urm_luhn_windows(digits) and not luhn_ok(digits):
            return f"{digits[:3]} {digits[3:6]} {digits[6:22]} {digits[22:]}"
    raise AssertionError("no RIB drawn")


def untapped_cl_rut(r: random.Random) -> str:
    """A Chilean RUT with its dots and check digit, drawn until no number of the split's regions can be read out of
    it."""
    while True:
        body = str(r.randrange(6_000_000, 26_000_000))
        total = sum(int(d) * (2 + i % 6) for i, d in enumerate(reversed(body)))
        check = {10: "K", 11: "0"}.get(11 - total % 11, str(11 - total % 11))
        text = f"{body[:-6]}.{body[-6:-3]}.{body[-3:]}-{check}"
        if utp_quiet(text) and _utp_no_phone(body + check.replace("K", "")):
            return text


def untapped_sg_nric(r: random.Random) -> str:
    """A Singapore NRIC or FIN (``S``/``T`` for citizens, ``F``/``G`` for foreigners, seven digits and the check
    letter)."""
    while True:
        prefix = pick(r, "S", "T", "F", "G")
        digits = rand(r, string.digits, 7)
        total = sum(int(d) * w for d, w in zip(digits, (2, 7, 6, 5, 4, 3, 2), strict=True))
        total += 4 if prefix in "TG" else 0
        table = "JZIHGFEDCBA" if prefix in "ST" else "XWUTRQPNMLK"
        if _utp_no_phone(digits):
            return prefix + digits + table[total % 11]


def untapped_sg_uen(r: random.Random) -> str:
    """A Singapore Unique Entity Number in the shapes ACRA gives businesses (eight digits and a letter) and local
    companies (the year, five digits and a letter)."""
    while True:
        if r.random() < 0.5:
            digits = rand(r, string.digits, 8)
            text = digits + r.choice("ABCDEFGHJKLMWXZ")
        else:
            digits = str(r.randrange(1990, 2026)) + rand(r, string.digits, 5)
            text = digits + r.choice("ABCDEGHJKMNRWZ")
        if _utp_no_phone(digits) and not luhn_ok(digits):
            return text


def untapped_th_id(r: random.Random) -> str:
    """A Thai national id (thirteen digits, the last ``(11 - Σ d·w mod 11) mod 10`` with weights 13 to 2), written
    ``1-2345-67890-12-3`` half of the time."""
    for attempt in range(6000):
        body = r.choice("1235") + rand(r, string.digits, 11)
        total = sum(int(d) * w for d, w in zip(body, range(13, 1, -1), strict=True))
        digits = body + str((11 - total % 11) % 10)
        if _utp_id_ok(digits, "TH", attempt):
            if r.random() < 0.5:
                return f"{digits[0]}-{digits[1:5]}-{digits[5:10]}-{digits[10:12]}-{digits[12]}"
            return digits
    raise AssertionError("no Thai id drawn")


def untapped_nz_bank_account(r: random.Random) -> str:
    """A New Zealand bank account in its ``BB-bbbb-AAAAAAA-SSS`` groups (no IBAN: New Zealand has none)."""
    while True:
        text = (
            f"{pick(r, '01', '02', '03', '06', '12', '38')}-{r.randrange(1, 9999):04d}-"
            f"{untapped_digits(r, 7)}-{r.randrange(0, 100):03d}"
        )
        if utp_quiet(text) and not _urm_luhn_windows(re.sub(r"\D", "", text)):
            return text


def untapped_th_bank_account(r: random.Random) -> str:
    """A Thai bank account in its ``123-4-56789-0`` groups."""
    while True:
        digits = untapped_digits(r, 10)
        text = f"{digits[:3]}-{digits[3]}-{digits[4:9]}-{digits[9]}"
        if utp_quiet(text):
            return text


_UTP_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def untapped_s10(r: random.Random, country: str) -> str:
    """A UPU S10 postal item id (two letters, eight digits, the mod-11 check digit and the posting country)."""
    while True:
        serial = rand(r, string.digits, 8)
        check = 11 - sum(int(d) * w for d, w in zip(serial, _UTP_S10_WEIGHTS, strict=True)) % 11
        digits = serial + str({10: 0, 11: 5}.get(check, check))
        if _utp_no_phone(digits):
            return f"{pick(r, 'RR', 'EE', 'CP', 'LX', 'RB', 'UA')}{digits}{country}"


def untapped_tracking(r: random.Random, carrier: str = "") -> str:
    """A tracking number of a carrier of the split's regions: Česká pošta's, CTT's, Posten's, NZ Post's, Barid
    Al-Maghrib's, Correos de Chile's, SingPost's and Thailand Post's S10 ids, Packeta's ``Z`` numbers, PPL's eleven
    digits, J&T Express Thailand's twelve, Ninja Van's ``NVSG`` ids and Bluexpress' ten digits."""
    carrier = carrier or pick(
        r, "ceskaposta", "ctt", "posten", "nzpost", "barid", "correos", "singpost", "thaipost", "packeta", "ppl", "jt",
        "ninjavan", "bluexpress",
    )  # fmt: skip
    countries = {"ceskaposta": "CZ", "ctt": "PT", "posten": "NO", "nzpost": "NZ", "barid": "MA", "correos": "CL",
                 "singpost": "SG", "thaipost": "TH"}  # fmt: skip
    if carrier in countries:
        return untapped_s10(r, countries[carrier])
    if carrier == "packeta":
        return "Z " + " ".join(_utp_chunks(untapped_digits(r, 10), 3))
    if carrier == "ppl":
        return untapped_digits(r, 11, "4")
    if carrier == "jt":
        return untapped_digits(r, 12, "8")
    if carrier == "ninjavan":
        return "NVSG" + rand(r, string.ascii_uppercase, 6) + untapped_digits(r, 6)
    return untapped_digits(r, 10, "5")


def _utp_chunks(digits: str, size: int) -> list[str]:
    return [digits[i : i + size] for i in range(0, len(digits), size)]


def untapped_luhn_digits(r: random.Random, n: int, lead: str = "") -> str:
    body = lead + rand(r, string.digits, n - len(lead) - 1)
    return body + _luhn_digit(body)


def untapped_kid(r: random.Random) -> str:
    """A Norwegian payment reference (KID) of fifteen to seventeen digits with its MOD10 (Luhn) check digit: ``00`` and
    the invoice and customer numbers, drawn until it reads as no phone number."""
    while True:
        digits = untapped_luhn_digits(r, r.choice((15, 16, 17)), "00")
        if _utp_no_phone(digits) and _utp_no_phone(digits.lstrip("0")):
            return digits


def untapped_multibanco(r: random.Random) -> tuple[str, str]:
    """A Multibanco payment's entity (five digits) and reference (nine digits in groups of three), drawn until the
    reference reads as no phone number."""
    while True:
        reference = untapped_digits(r, 9, r.choice("13457"))
        text = " ".join(_utp_chunks(reference, 3))
        if utp_quiet(text):
            return pick(r, "21098", "11249", "10241", "12101"), text


# Cards this split draws: Visa, Mastercard (51-55 and the 2-series), Amex, Diners, JCB, Maestro, UnionPay and Discover.
UNTAPPED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4539", "4024", "4916", "4485", "4716"), (16,)),
    "mastercard": (("5425", "5105", "5200", "2223", "2720", "5555"), (16,)),
    "amex": (("3782", "3714", "3400"), (15,)),
    "diners": (("3056", "3852", "3600"), (14,)),
    "jcb": (("3530", "3566"), (16,)),
    "maestro": (("6759", "6761", "5018"), (16, 19)),
    "unionpay": (("6221", "6240", "6282"), (16, 19)),
    "discover": (("6011", "6445", "6500"), (16,)),
}


def untapped_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNTAPPED_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def untapped_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in its groups, joined by spaces, dashes or nothing."""
    digits = untapped_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    return grouped(digits, card_groups(digits), sep)


# IBANs this split draws: Czechia, Portugal and Norway (the split's own banks), Slovakia, Austria, Denmark and Belgium
# (where its buyers and suppliers bank). Every country of the registry was drawn by an earlier split; the forms they are
# written in here were not (see classes.py).
UNTAPPED_IBAN_LENGTHS = {"CZ": 24, "PT": 25, "NO": 15, "SK": 24, "AT": 20, "DK": 18, "BE": 16}


def _utp_cz_account(r: random.Random) -> str:
    """A Czech or Slovak account: a six-digit prefix (mostly zeros) and a ten-digit number, each passing its mod-11
    check (weights 10, 5, 8, 4, 2, 1 and 6, 3, 7, 9, 10, 5, 8, 4, 2, 1)."""
    while True:
        prefix = "000000" if r.random() < 0.7 else f"{r.randrange(19, 9999):06d}"
        number = f"{r.randrange(10**5, 10**10):010d}"
        ok_prefix = sum(int(d) * w for d, w in zip(prefix, (10, 5, 8, 4, 2, 1), strict=True)) % 11 == 0
        ok_number = sum(int(d) * w for d, w in zip(number, (6, 3, 7, 9, 10, 5, 8, 4, 2, 1), strict=True)) % 11 == 0
        if ok_prefix and ok_number:
            return prefix + number


def _utp_pt_nib(r: random.Random) -> str:
    """A Portuguese NIB: a bank, a branch, eleven account digits and two check digits (``98 - n·100 mod 97``)."""
    body = pick(r, "0035", "0033", "0007", "0010", "0036", "0018", "0045") + rand(r, string.digits, 4)
    body += rand(r, string.digits, 11)
    return body + f"{98 - int(body) * 100 % 97:02d}"


def _utp_no_account(r: random.Random) -> str:
    """A Norwegian account number: a four-digit bank, six digits and a mod-11 check digit (never 10)."""
    while True:
        body = pick(r, "1503", "1506", "1607", "3000", "8601", "9710", "1254") + rand(r, string.digits, 6)
        check = _utp_mod11(body, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))
        if check != 10:
            return body + str(check)


def _utp_bban(r: random.Random, country: str) -> str:
    if country in ("CZ", "SK"):
        banks = (
            ("0100", "0300", "0800", "2010", "0600", "5500", "3030") if country == "CZ" else ("0900", "1100", "0200")
        )
        return r.choice(banks) + _utp_cz_account(r)
    if country == "PT":
        return _utp_pt_nib(r)
    if country == "NO":
        return _utp_no_account(r)
    if country == "AT":
        return pick(r, "20111", "12000", "32000", "14000", "19043") + rand(r, string.digits, 11)
    if country == "DK":
        return pick(r, "3000", "2000", "0400", "1551", "9570") + rand(r, string.digits, 10)
    assert country == "BE"
    body = pick(r, "001", "068", "363", "539", "735") + rand(r, string.digits, 7)
    return body + f"{int(body) % 97 or 97:02d}"


def untapped_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Czechia, Portugal, Norway, Slovakia, Austria, Denmark or Belgium, compact or in groups of four
    (``grouped`` None: either); ``valid`` False: its check digits are wrong. No run of 12 to 19 digits after its
    country code (the check digits and the BBAN) passes Luhn (neither the groups of four nor the bank-internal number
    can be read as a card)."""
    country = country or r.choice(sorted(UNTAPPED_IBAN_LENGTHS))
    while True:
        bban = _utp_bban(r, country)
        check = iban_check_digits(country, bban)
        if not valid:
            right = check
            check = (check + r.randrange(1, 90)) % 100
            while check in (right, (right + 97) % 100) or check < 2:
                check = (check + 1) % 100
        if not _urm_luhn_windows(f"{check:02d}{bban}"):
            break
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNTAPPED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


UNTAPPED_HASH_FAMILIES = (
    "unifi_shadow",
    "opnsense",
    "proxmox",
    "karaf",
    "glassfish",
    "fos_sha512",
    "ips4",
    "nagios_apr1",
)


def untapped_password_hash(r: random.Random, family: str = "") -> str:
    """Password-derived material of one family as its software stores it (``family`` empty: any): UniFi Network's
    ``x_shadow`` (SHA-512 crypt in its MongoDB ``admin`` document), OPNsense's ``config.xml`` user ``<password>``
    (bcrypt), Proxmox VE's ``/etc/pve/priv/shadow.cfg`` line (SHA-256 crypt), Apache Karaf's ``users.properties``
    (``{CRYPT}`` SHA-256 hex ``{CRYPT}``), GlassFish's ``keyfile`` (``{SSHA256}``), FOSUserBundle's (wallabag's)
    base64 SHA-512 with its salt, Invision Community's ``members_pass_hash`` with ``members_pass_salt`` and Nagios'
    ``htpasswd.users`` (APR1-MD5)."""
    family = family or r.choice(UNTAPPED_HASH_FAMILIES)
    alphabet = "./" + string.ascii_letters + string.digits
    if family == "unifi_shadow":
        doc = {"_id": {"$oid": _hexbytes(r, 12)}, "name": pick(r, "admin", "bungee-ops", "netadmin"),
               "x_shadow": f"$6${rand(r, alphabet, 16)}${rand(r, alphabet, 86)}"}  # fmt: skip
        return json.dumps(doc)
    if family == "opnsense":
        return (
            f"<user><name>{pick(r, 'root', 'kegops', 'azulejo')}</name><password>$2y$11${rand(r, alphabet, 53)}"
            "</password><scope>system</scope></user>"
        )
    if family == "proxmox":
        return f"{pick(r, 'kegops', 'backup', 'ops')}@pve:$5${rand(r, alphabet, 16)}${rand(r, alphabet, 43)}:"
    if family == "karaf":
        return f"{pick(r, 'karaf', 'kegadmin', 'tiles')} = {{CRYPT}}{_hexbytes(r, 32)}{{CRYPT}},_g_:admingroup"
    if family == "glassfish":
        return f"{pick(r, 'admin', 'kegs')};{{SSHA256}}{b64(r.randbytes(40))};asadmin"
    if family == "fos_sha512":
        return f"password={b64(r.randbytes(64))} salt={rand(r, alphabet, 43)}"
    if family == "ips4":
        return f"members_pass_hash='$2y$13${rand(r, alphabet, 53)}' members_pass_salt='{rand(r, alphabet, 22)}'"
    assert family == "nagios_apr1"
    return f"{pick(r, 'nagiosadmin', 'brewops')}:$apr1${rand(r, alphabet, 8)}${rand(r, alphabet, 22)}"


def untapped_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r, "Queenstown", "Kawarau", "Wanaka", "Plzen", "Pilsner", "Budvar", "Alfama", "Sintra", "Azulejo", "Bergen",
        "Tromso", "Lofoten", "Essaouira", "Chefchaouen", "Valpo", "Chiloe", "Sentosa", "Tiong", "ChiangMai", "Krabi",
    )  # fmt: skip
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_", "$", "?", ".")


def untapped_email(r: random.Random) -> str:
    """An address of the split's people: Czech, Portuguese, Norwegian, New Zealand, Moroccan, Chilean, Singaporean and
    Thai names with dots, digits, hyphens and plus tags, at their countries' providers and big ones."""
    first = pick(
        r, "jan.novak", "petra_svobodova", "tomas-dvorak", "joao.silva", "ines_ferreira", "rui-costa", "ingrid.hansen",
        "ola_nordmann", "aroha.ngata", "liam-wilson", "youssef.elamrani", "fatima_zahra", "catalina.rojas",
        "matias-gonzalez", "wei.ling.tan", "siti_nurhaliza", "somchai.k", "ploy_srisuk",
    )  # fmt: skip
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'bungee', 'tiles', 'kegs', 'orders')}")
    domain = pick(
        r, "seznam.cz", "email.cz", "centrum.cz", "sapo.pt", "netcabo.pt", "online.no", "broadpark.no", "xtra.co.nz",
        "slingshot.co.nz", "menara.ma", "gmail.com", "singnet.com.sg", "hotmail.co.th", "outlook.com", "icloud.com",
        "proton.me",
    )  # fmt: skip
    return f"{local}@{domain}"


def untapped_ipv4(r: random.Random) -> str:
    return ipv4(r)


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def untapped_gopay_pair(r: random.Random) -> tuple[str, str]:
    """GoPay's (Czechia) OAuth ClientID (ten digits, public) and ClientSecret (eight letters and digits)."""
    return untapped_digits(r, 10, "1"), rand(r, ALNUM, 8)


def untapped_gopay_token(r: random.Random) -> str:
    """A GoPay access token (a bearer): 64 letters, digits, ``-`` and ``_``."""
    return "AAA" + rand(r, B64URL, 61)


def untapped_gopay_goid(r: random.Random) -> str:
    """A GoPay ``goid`` (the merchant's id, public): ten digits."""
    return untapped_digits(r, 10, "8")


def untapped_comgate_pair(r: random.Random) -> tuple[str, str]:
    """Comgate's (Czechia) merchant id (six digits, public) and secret (32 letters and digits)."""
    return untapped_digits(r, 6, "4"), rand(r, ALNUM, 32)


def untapped_fio_token(r: random.Random) -> str:
    """A Fio banka API token (in the URL's path): 64 letters and digits."""
    return rand(r, ALNUM, 64)


def untapped_fakturoid_pair(r: random.Random) -> tuple[str, str]:
    """Fakturoid's (Czechia) OAuth client id and client secret (40 hex digits each): a Basic pair for its token."""
    return _hexbytes(r, 20), _hexbytes(r, 20)


def untapped_fakturoid_token(r: random.Random) -> str:
    """A Fakturoid v3 access token (a bearer): 64 hex digits."""
    return _hexbytes(r, 32)


def untapped_packeta_pair(r: random.Random) -> tuple[str, str]:
    """Packeta's (Zásilkovna) API key (sixteen hex digits, for widgets) and API password (32 hex digits)."""
    return _hexbytes(r, 8), _hexbytes(r, 16)


def untapped_shoptet_token(r: random.Random) -> str:
    """A Shoptet private API token: the shop's number, ``-p-``, the token's number and 32 letters and digits."""
    tail = rand(r, string.ascii_lowercase + string.digits, 32)
    return f"{untapped_digits(r, 6, '3')}-p-{untapped_digits(r, 6, '1')}-{tail}"


def untapped_pohoda_pair(r: random.Random) -> tuple[str, str]:
    """POHODA mServer's (Stormware) user and password (a Basic pair in ``STW-Authorization``)."""
    return pick(r, "mserver", "eshop", "Admin"), rand(r, ALNUM + "!#", 12)


def untapped_raynet_pair(r: random.Random) -> tuple[str, str]:
    """RAYNET CRM's API user (an e-mail, inside the Basic pair only) and API key (``crm-`` and 32 hex digits)."""
    return pick(r, "obchod@pivovar-tapster.cz", "api@kegs.cz"), "crm-" + _hexbytes(r, 16)


def untapped_balikobot_pair(r: random.Random) -> tuple[str, str]:
    """Balíkobot's API user and API key (a Basic pair)."""
    return f"tapster{untapped_digits(r, 4)}", rand(r, ALNUM, 24)


def untapped_ecomail_key(r: random.Random) -> str:
    """An Ecomail (Czechia) API key (the ``key`` header): 62 letters and digits."""
    return rand(r, string.ascii_lowercase + string.digits, 62)


def untapped_smartemailing_pair(r: random.Random) -> tuple[str, str]:
    """SmartEmailing's user name and API key (40 hex digits): a Basic pair."""
    return "marketing@tapster", _hexbytes(r, 20)


def untapped_csas_key(r: random.Random) -> str:
    """A Česká spořitelna ``WEB-API-key``: a UUID."""
    return untapped_uuid(r)


def untapped_idoklad_pair(r: random.Random) -> tuple[str, str]:
    """iDoklad's client id (a UUID, public) and client secret (a UUID)."""
    return untapped_uuid(r), untapped_uuid(r)


def untapped_easypay_pair(r: random.Random) -> tuple[str, str]:
    """Easypay's (Portugal) ``AccountId`` (a UUID, public) and ``ApiKey`` (a UUID)."""
    return untapped_uuid(r), untapped_uuid(r)


def untapped_ifthenpay_backoffice_key(r: random.Random) -> str:
    """An ifthenpay (Portugal) backoffice key: four groups of four digits, drawn until no run of it passes Luhn and no
    group reads as a phone number."""
    while True:
        digits = rand(r, string.digits, 16)
        text = "-".join(_utp_chunks(digits, 4))
        if not luhn_ok(digits) and not _urm_luhn_windows(digits) and utp_quiet(text) and _utp_no_phone(digits):
            return text


def untapped_mbway_key(r: random.Random) -> str:
    """An ifthenpay MB WAY key (three letters, ``-`` and six digits): the account's id, public."""
    return rand(r, string.ascii_uppercase, 3) + "-" + untapped_digits(r, 6)


def untapped_sibs_pair(r: random.Random) -> tuple[str, str]:
    """SIBS Gateway's (Portugal) ``X-IBM-Client-Id`` (a UUID, public) and bearer token (hex, a dot and base64url)."""
    return untapped_uuid(r), f"0{_hexbytes(r, 16)}.{rand(r, B64URL, 48)}"


def untapped_moloni_token(r: random.Random) -> str:
    """A Moloni (Portugal) ``access_token`` (in the query string): 40 hex digits."""
    return _hexbytes(r, 20)


def untapped_moloni_secret(r: random.Random) -> str:
    """A Moloni developer's ``client_secret``: 40 hex digits."""
    return _hexbytes(r, 20)


def untapped_invoicexpress_key(r: random.Random) -> str:
    """An InvoiceXpress ``api_key`` (in the query string): 40 hex digits."""
    return _hexbytes(r, 20)


def untapped_vendus_key(r: random.Random) -> str:
    """A Vendus (Portugal) API key (the Basic user, empty password): 32 hex digits."""
    return _hexbytes(r, 16)


def untapped_eupago_key(r: random.Random) -> str:
    """An Eupago (Portugal) ``ApiKey``: five groups of four letters and digits."""
    return "-".join(rand(r, string.ascii_lowercase + string.digits, 4) for _ in range(5))


def untapped_egoi_key(r: random.Random) -> str:
    """An E-goi (Portugal) ``Apikey``: 40 hex digits."""
    return _hexbytes(r, 20)


def untapped_bring_key(r: random.Random) -> str:
    """A Mybring (Posten Bring, Norway) ``X-Mybring-API-Key``: a UUID."""
    return untapped_uuid(r)


def untapped_dintero_pair(r: random.Random) -> tuple[str, str]:
    """Dintero's (Norway) client id and client secret (UUIDs): a Basic pair for its ``auth/token``."""
    return untapped_uuid(r), untapped_uuid(r)


def untapped_poweroffice_pair(r: random.Random) -> tuple[str, str]:
    """PowerOffice Go's (Norway) application key and client key (UUIDs): a Basic pair."""
    return untapped_uuid(r), untapped_uuid(r)


def untapped_kassal_key(r: random.Random) -> str:
    """A Kassalapp (Norway) API key (a bearer): 40 letters and digits."""
    return rand(r, ALNUM, 40)


def untapped_entur_client(r: random.Random) -> str:
    """An Entur ``ET-Client-Name`` (the company and the app: no secret)."""
    return pick(r, "tapster-keglogistics", "azulejo-atelier-webshop", "kawarau-bungee-transfers")


def untapped_akahu_pair(r: random.Random) -> tuple[str, str]:
    """Akahu's (New Zealand) app id token (``app_token_…``, public) and a user access token (``user_token_…``)."""
    return "app_token_" + rand(r, string.ascii_lowercase + string.digits, 25), "user_token_" + rand(
        r, string.ascii_lowercase + string.digits, 25
    )


def untapped_akahu_secret(r: random.Random) -> str:
    """An Akahu app secret: 32 hex digits."""
    return _hexbytes(r, 16)


def untapped_trademe_pair(r: random.Random) -> tuple[str, str, str, str]:
    """Trade Me's OAuth 1.0 consumer key and secret and access token and secret (32 upper-case hex digits each)."""
    key, secret, token, token_secret = (_hexbytes(r, 16).upper() for _ in range(4))
    return key, secret, token, token_secret


def untapped_poli_pair(r: random.Random) -> tuple[str, str]:
    """POLi Payments' (New Zealand) merchant code (public-ish) and authentication code: a Basic pair."""
    return "SS" + untapped_digits(r, 8, "6"), rand(r, ALNUM, 10)


def untapped_gosweetspot_key(r: random.Random) -> str:
    """A GoSweetSpot (New Zealand) ``access_key``: 32 upper-case letters and digits."""
    return rand(r, string.ascii_uppercase + string.digits, 32)


def untapped_nzpost_pair(r: random.Random) -> tuple[str, str]:
    """NZ Post's API client id (32 hex digits, public) and client secret (32 hex digits)."""
    return _hexbytes(r, 16), _hexbytes(r, 16)


def untapped_eway_pair(r: random.Random) -> tuple[str, str]:
    """eWAY Rapid's (New Zealand and Australia) API key (base64-like, 68 characters) and API password: a Basic pair."""
    return rand(r, ALNUM + "+/", 66) + "==", rand(r, ALNUM, 8)


def untapped_cmi_storekey(r: random.Random) -> str:
    """A CMI (Morocco) store key (the HMAC key of its ``HASH``): twelve to sixteen letters and digits."""
    return rand(r, ALNUM, r.randrange(12, 17))


def untapped_cmi_clientid(r: random.Random) -> str:
    """A CMI merchant id (``clientid``, public): nine digits."""
    return untapped_digits(r, 9, "10")


def untapped_youcan_pair(r: random.Random) -> tuple[str, str]:
    """YouCan Pay's (Morocco) public key (``pub_…``) and private key (``pri_…``): UUIDs with their prefixes."""
    return "pub_" + untapped_uuid(r), "pri_" + untapped_uuid(r)


def untapped_sendit_token(r: random.Random) -> str:
    """A Sendit (Morocco) API token (a bearer): Laravel Sanctum's ``id|`` and 40 letters and digits."""
    return f"{r.randrange(1000, 99999)}|{rand(r, ALNUM, 40)}"


def untapped_jumpseller_pair(r: random.Random) -> tuple[str, str]:
    """Jumpseller's (Chile) API ``login`` (32 hex digits, the store's) and ``authtoken`` (32 hex digits)."""
    return _hexbytes(r, 16), _hexbytes(r, 16)


def untapped_bluexpress_token(r: random.Random) -> str:
    """A Bluexpress (Chile) ``BX-TOKEN``: 32 hex digits."""
    return _hexbytes(r, 16)


def untapped_buk_token(r: random.Random) -> str:
    """A Buk (Chile, HR) ``auth_token``: 24 letters and digits."""
    return rand(r, ALNUM, 24)


def untapped_toku_key(r: random.Random) -> str:
    """A Toku (Chile) ``x-api-key``: ``sk_prod_`` and 40 letters and digits."""
    return "sk_prod_" + rand(r, ALNUM, 40)


def untapped_enviame_key(r: random.Random) -> str:
    """An Envíame (Chile) ``api-key``: 32 hex digits."""
    return _hexbytes(r, 16)


def untapped_payku_pair(r: random.Random) -> tuple[str, str]:
    """Payku's (Chile) public token (``tkpu…``) and private token (``tkpi…``): 32 hex digits each."""
    return "tkpu" + _hexbytes(r, 16), "tkpi" + _hexbytes(r, 16)


def untapped_hitpay_key(r: random.Random) -> str:
    """A HitPay (Singapore) ``X-BUSINESS-API-KEY``: 64 hex digits."""
    return _hexbytes(r, 32)


def untapped_hitpay_salt(r: random.Random) -> str:
    """A HitPay webhook salt (the HMAC key of its ``hmac``): 64 letters and digits."""
    return rand(r, ALNUM, 64)


def untapped_detrack_key(r: random.Random) -> str:
    """A Detrack (Singapore) ``X-API-KEY``: 40 hex digits."""
    return _hexbytes(r, 20)


def untapped_fazz_pair(r: random.Random) -> tuple[str, str]:
    """Fazz (Xfers, Singapore) API key and secret key: a Basic pair."""
    return rand(r, ALNUM, 32), rand(r, ALNUM, 44)


def untapped_scb_pair(r: random.Random) -> tuple[str, str]:
    """SCB Open API's (Thailand) application key (sent as ``resourceOwnerId``, public) and application secret."""
    return "l7" + rand(r, string.ascii_lowercase + string.digits, 30), rand(
        r, string.ascii_lowercase + string.digits, 32
    )


def untapped_scb_token(r: random.Random) -> str:
    """An SCB Open API access token (a bearer): a UUID."""
    return untapped_uuid(r)


def untapped_kbank_pair(r: random.Random) -> tuple[str, str]:
    """KBank's (Kasikornbank) consumer id and consumer secret: a Basic pair for its OAuth token."""
    return rand(r, ALNUM, 32), rand(r, ALNUM, 16)


def untapped_peak_pair(r: random.Random) -> tuple[str, str]:
    """PEAK's (Thai accounting) ``Client-Token`` and ``User-Token`` (UUIDs)."""
    return untapped_uuid(r), untapped_uuid(r)


def untapped_flowaccount_token(r: random.Random) -> str:
    """A FlowAccount (Thailand) access token (a bearer): 64 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 64)


def untapped_zort_pair(r: random.Random) -> tuple[str, str]:
    """ZORT's (Thailand) ``apikey`` and ``apisecret`` (base64 of 32 bytes each)."""
    return b64(r.randbytes(24)), b64(r.randbytes(24))


def untapped_smsmkt_pair(r: random.Random) -> tuple[str, str]:
    """SMSMKT's (Thailand) ``api_key`` and ``secret_key`` (32 hex digits and sixteen letters and digits)."""
    return _hexbytes(r, 16), rand(r, ALNUM, 16)


def untapped_modernmt_key(r: random.Random) -> str:
    """A ModernMT ``MMT-ApiKey``: 36 upper-case hex digits and dashes (a UUID's shape)."""
    return untapped_uuid(r).upper()


def untapped_lakera_key(r: random.Random) -> str:
    """A Lakera Guard API key (a bearer): 64 hex digits."""
    return _hexbytes(r, 32)


def untapped_sightengine_pair(r: random.Random) -> tuple[str, str]:
    """Sightengine's ``api_user`` (ten digits, public) and ``api_secret`` (32 letters and digits)."""
    return untapped_digits(r, 10, "1"), rand(r, ALNUM, 32)


def untapped_coveralls_token(r: random.Random) -> str:
    """A Coveralls ``repo_token``: 33 letters and digits."""
    return rand(r, ALNUM, 33)


def untapped_travis_token(r: random.Random) -> str:
    """A Travis CI API token (``Authorization: token …``): 22 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 22)


def untapped_appveyor_token(r: random.Random) -> str:
    """An AppVeyor API key (a bearer): ``v2.`` and 20 letters and digits."""
    return "v2." + rand(r, string.ascii_lowercase + string.digits, 20)


def untapped_octopus_key(r: random.Random) -> str:
    """An Octopus Deploy ``X-Octopus-ApiKey``: ``API-`` and 26 upper-case letters and digits."""
    return "API-" + rand(r, string.ascii_uppercase + string.digits, 26)


def untapped_cloudsmith_key(r: random.Random) -> str:
    """A Cloudsmith ``X-Api-Key``: 40 hex digits."""
    return _hexbytes(r, 20)


def untapped_gemfury_token(r: random.Random) -> str:
    """A Gemfury push token (the user in its push URL): 20 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 20)


def untapped_gitbook_token(r: random.Random) -> str:
    """A GitBook API token (a bearer): ``gb_api_`` and 40 letters and digits."""
    return "gb_api_" + rand(r, ALNUM, 40)


def untapped_swaggerhub_key(r: random.Random) -> str:
    """A SwaggerHub API key (a bare ``Authorization``): a UUID."""
    return untapped_uuid(r)


def untapped_rapidapi_key(r: random.Random) -> str:
    """A RapidAPI ``X-RapidAPI-Key``: 50 letters and digits."""
    return rand(r, ALNUM, 50)


def untapped_konnect_token(r: random.Random) -> str:
    """A Kong Konnect personal access token (a bearer): ``kpat_`` and 48 letters and digits."""
    return "kpat_" + rand(r, ALNUM, 48)


def untapped_hyperping_token(r: random.Random) -> str:
    """A Hyperping API token (a bearer): ``sk_`` and 40 hex digits."""
    return "sk_" + _hexbytes(r, 20)


def untapped_zenduty_token(r: random.Random) -> str:
    """A Zenduty API token (``Authorization: Token …``): 40 hex digits."""
    return _hexbytes(r, 20)


def untapped_victorops_pair(r: random.Random) -> tuple[str, str]:
    """Splunk On-Call's (VictorOps) ``X-VO-Api-Id`` (eight hex digits, public) and ``X-VO-Api-Key`` (32 hex digits)."""
    return _hexbytes(r, 4), _hexbytes(r, 16)


def untapped_loggly_token(r: random.Random) -> str:
    """A Loggly customer token (in the input URL's path): a UUID."""
    return untapped_uuid(r)


def untapped_sumologic_pair(r: random.Random) -> tuple[str, str]:
    """Sumo Logic's access id (``su`` and twelve letters and digits) and access key (64 letters and digits)."""
    return "su" + rand(r, ALNUM, 12), rand(r, ALNUM, 64)


def untapped_mezmo_key(r: random.Random) -> str:
    """A Mezmo (LogDNA) ingestion key (the Basic user, empty password): 32 hex digits."""
    return _hexbytes(r, 16)


def untapped_raygun_key(r: random.Random) -> str:
    """A Raygun ``X-ApiKey``: 22 letters and digits."""
    return rand(r, ALNUM, 22)


def untapped_airbrake_key(r: random.Random) -> str:
    """An Airbrake project key (``?key=``): 32 hex digits."""
    return _hexbytes(r, 16)


def untapped_magicbell_pair(r: random.Random) -> tuple[str, str]:
    """MagicBell's API key (public, for the inbox) and API secret (40 hex digits each)."""
    return _hexbytes(r, 20), _hexbytes(r, 20)


def untapped_tolgee_key(r: random.Random) -> str:
    """A Tolgee project API key (``X-API-Key``): ``tgpak_`` and 38 lower-case letters and digits."""
    return "tgpak_" + rand(r, string.ascii_lowercase + string.digits, 38)


def untapped_transifex_token(r: random.Random) -> str:
    """A Transifex API token (a bearer): ``1/`` and 40 hex digits."""
    return "1/" + _hexbytes(r, 20)


def untapped_poeditor_token(r: random.Random) -> str:
    """A POEditor ``api_token`` (form field): 32 hex digits."""
    return _hexbytes(r, 16)


def untapped_wellsaid_key(r: random.Random) -> str:
    """A WellSaid Labs ``X-Api-Key``: a UUID."""
    return untapped_uuid(r)


def untapped_whylabs_key(r: random.Random) -> str:
    """A WhyLabs API key: ten letters and digits, a dot, 54 letters and digits, ``:`` and the org id."""
    return f"{rand(r, ALNUM, 10)}.{rand(r, ALNUM, 54)}:org-{rand(r, ALNUM, 6)}"


def untapped_parea_key(r: random.Random) -> str:
    """A Parea AI ``x-api-key``: 40 letters and digits."""
    return rand(r, ALNUM, 40)


def untapped_keywordsai_key(r: random.Random) -> str:
    """A Keywords AI API key (a bearer): eight letters and digits, a dot and 32."""
    return f"{rand(r, ALNUM, 8)}.{rand(r, ALNUM, 32)}"


def untapped_stackit_token(r: random.Random) -> str:
    """A STACKIT AI Model Serving auth token (a bearer): 64 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 64)


def untapped_infomaniak_token(r: random.Random) -> str:
    """An Infomaniak API token (a bearer): 72 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 72)


def _utp_iat(r: random.Random) -> int:
    return 1_790_850_000 + r.randrange(2_600_000)


def untapped_idoklad_jwt(r: random.Random) -> str:
    """An iDoklad (Czechia) access token from ``identity.idoklad.cz``: RS256."""
    iat = _utp_iat(r)
    claims = {"iss": "https://identity.idoklad.cz", "nbf": iat, "iat": iat, "exp": iat + 3600,
              "aud": ["https://identity.idoklad.cz/resources", "idoklad_api"], "scope": ["idoklad_api"],
              "client_id": untapped_uuid(r), "jti": _hexbytes(r, 16).upper()}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": _hexbytes(r, 16).upper(), "typ": "at+jwt"}, claims, 256)


def untapped_jasmin_jwt(r: random.Random) -> str:
    """A PRIMAVERA Jasmin (Portugal) access token from ``identity.primaverabss.com``: RS256."""
    iat = _utp_iat(r)
    claims = {"nbf": iat, "exp": iat + 1200, "iss": "https://identity.primaverabss.com",
              "aud": ["https://identity.primaverabss.com/resources", "jasmin"], "client_id": "AZULEJO-ERP",
              "scope": ["application"]}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": _hexbytes(r, 16).upper(), "typ": "JWT"}, claims, 256)


def untapped_dintero_jwt(r: random.Random) -> str:
    """A Dintero (Norway) access token for an account: RS256 with the account id in the issuer."""
    iat = _utp_iat(r)
    account = "P" + untapped_digits(r, 8, "1")
    claims = {"iss": f"https://api.dintero.com/v1/accounts/{account}/auth/token",
              "aud": f"https://api.dintero.com/v1/accounts/{account}", "sub": untapped_uuid(r), "iat": iat,
              "exp": iat + 3600, "scopes": "write:checkout read:checkout"}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": _hexbytes(r, 8), "typ": "JWT"}, claims, 256)


def untapped_maskinporten_assertion(r: random.Random) -> str:
    """A Maskinporten (Norway) JWT grant the client signs (RS256 with its ``kid``): the client id as issuer."""
    iat = _utp_iat(r)
    claims = {"aud": "https://maskinporten.no/", "iss": untapped_uuid(r), "scope": "skatteetaten:mvameldingvalidering",
              "iat": iat, "exp": iat + 120, "jti": untapped_uuid(r)}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": f"tapster-{_hexbytes(r, 4)}"}, claims, 256)


def untapped_onemap_jwt(r: random.Random) -> str:
    """A OneMap (Singapore) API token: HS256 with the account's user id."""
    iat = _utp_iat(r)
    claims = {"sub": untapped_digits(r, 5, "4"), "iss": "https://www.onemap.gov.sg/api/auth/post/getToken",
              "iat": iat, "exp": iat + 259200, "nbf": iat, "jti": rand(r, ALNUM, 16),
              "user_id": r.randrange(1000, 99999), "forever": False}  # fmt: skip
    return _signed_jwt(r, {"typ": "JWT", "alg": "HS256"}, claims, 32)


def untapped_singpass_assertion(r: random.Random) -> str:
    """A Singpass/Myinfo client assertion (the relying party's ES256 JWT for the token endpoint)."""
    iat = _utp_iat(r)
    client = rand(r, ALNUM, 32)
    claims = {"sub": client, "iss": client, "aud": "https://id.singpass.gov.sg", "iat": iat, "exp": iat + 120,
              "jti": rand(r, B64URL, 32)}  # fmt: skip
    return _signed_jwt(r, {"alg": "ES256", "typ": "JWT", "kid": f"sig-{_hexbytes(r, 6)}"}, claims, 64)


# ---------------------------------------------------------------------------- the unweighed split's own values
#
# Written for the forty-fourth split only, by a thirty-eighth session that did not read the rules; nothing above calls
# them, so the other splits draw the same numbers as before. Checked mechanically in the session that wrote them
# (libphonenumber, Luhn, mod-97, the Danish CPR's and CVR's mod-11 weights, the Austrian social insurance number's and
# UID's check digits, the Swiss AHV number's EAN-13 and UID's mod-11 check, the Finnish henkilötunnus' mod-31 character
# and Y-tunnus' mod-11 digit, the Kazakh IIN's and BIN's two-pass mod-11 digit, Venezuela's RIF check digit, the Finnish
# and RF creditor references' check digits, the UPU S10 check digit of postal items). Digit runs are drawn until they
# read as no phone number of the split's regions, nationally or with a ``+`` (where a region takes nearly every run of
# that length, as Austria does, the draw settles after a while for its own region or for no region at all).

UNWEIGHED_REGIONS = ("DK", "AT", "CH", "FI", "KZ", "LK", "NG", "VE")


def _uwg_no_phone(digits: str, regions: tuple[str, ...] = UNWEIGHED_REGIONS) -> bool:
    return _uex_no_phone(digits, regions)


def _uwg_clean(digits: str) -> bool:
    return not luhn_ok(digits) and not _urm_luhn_windows(digits) and _uwg_no_phone(digits)


def uwg_quiet(text: str, regions: tuple[str, ...] = UNWEIGHED_REGIONS) -> bool:
    """Whether libphonenumber's matcher (``Leniency.VALID``) finds no number of ``regions`` anywhere in ``text``: what
    the split's line prefixes, times and ids are drawn until (their digits may run into the text around them)."""
    for region in regions:
        for _ in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            return False
    return True


def unweighed_digits(r: random.Random, n: int, lead: str = "") -> str:
    """``n`` digits (``lead`` first) that read as no phone number of the split's regions and hold no Luhn-valid run of
    12 to 19 digits; for lengths some region nearly always takes (Austria takes most), the draw settles after a while
    for digits that read as no number with a ``+``."""
    assert n >= 4, n
    for attempt in range(8000):
        head = lead or r.choice("123456789")
        digits = head + rand(r, string.digits, n - len(head))
        if luhn_ok(digits) or _urm_luhn_windows(digits):
            continue
        if _uwg_no_phone(digits) or (attempt >= 200 and _uwg_no_phone(digits, ())):
            return digits
    raise AssertionError(f"no digits drawn for n={n} lead={lead!r}")


def unweighed_epoch(r: random.Random, millis: bool = False) -> int:
    """A Unix time in late October 2026 that holds no Luhn-valid run and reads as no phone number with a ``+`` (thirteen
    digits beginning ``179`` are a valid Vienna number for libphonenumber, ten a valid Kazakh or Nigerian one, so the
    national reading cannot be avoided: an epoch is no phone number all the same)."""
    while True:
        seconds = 1_792_800_000 + r.randrange(1_200_000)
        value = seconds * 1000 + r.randrange(1000) if millis else seconds
        text = str(value)
        if not luhn_ok(text) and not _urm_luhn_windows(text) and _uwg_no_phone(text, ()):
            return value


def unweighed_uuid(r: random.Random) -> str:
    """A version-4 UUID with no twelve decimal digits together, drawn until no number of the split's regions reads out
    of it."""
    while True:
        text = unexplored_uuid(r)
        if uwg_quiet(text):
            return text


def unweighed_word(r: random.Random, n: int) -> str:
    return _uex_word(r, n)


# This split's regions: Denmark (+45: eight digits, mobiles 2, 30-31, 40-42, 50-53, 60-61, 71, 81, 91-93; Copenhagen
# 3), Austria (+43: mobiles 650-699 with seven digits after them, Vienna 1, Graz 316, Linz 732, Salzburg 662,
# Innsbruck 512), Switzerland (+41: nine digits, mobiles 75-79, Zurich 44, Geneva 22, Bern 31, Biel 32, Basel 61,
# Lausanne 21), Finland (+358: mobiles 40-50 in nine or ten digits, Helsinki 9, Turku 2, Tampere 3, Rovaniemi 16),
# Kazakhstan (+7: ten digits, mobiles 700-708, 747 and 771-778, Almaty 727, Astana 7172, Karaganda 7212), Sri Lanka
# (+94: nine digits, mobiles 70-78, Colombo 11, Kandy 81, Galle 91), Nigeria (+234: mobiles 70x, 80x, 81x and 90x-91x
# in ten digits, Lagos 201 and Abuja 209 in ten) and Venezuela (+58: ten digits, mobiles 412, 414, 416, 424 and 426,
# Caracas 212, Maracaibo 261, Valencia 241).
_UWG_HEADS: dict[str, dict[str, tuple[tuple[str, ...], tuple[int, ...]]]] = {
    "DK": {
        "MOBILE": (("20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "40", "41", "42", "50",
                    "51", "52", "53", "60", "61", "71", "81", "91", "93"), (8,)),
        "FIXED_LINE": (("32", "33", "35", "36", "38", "39", "43", "44", "45", "46", "47", "48", "62", "63", "64", "65",
                        "66", "69", "72", "73", "74", "75", "76", "86", "87", "89", "96", "97", "98", "99"), (8,)),
    },
    "AT": {
        "MOBILE": (("650", "660", "664", "676", "677", "678", "680", "681", "688", "699"), (10,)),
        "FIXED_LINE": (("1", "316", "732", "662", "512", "2742"), (8, 9, 10)),
    },
    "CH": {
        "MOBILE": (("75", "76", "77", "78", "79"), (9,)),
        "FIXED_LINE": (("21", "22", "26", "31", "32", "41", "44", "61", "71", "91"), (9,)),
    },
    "FI": {
        "MOBILE": (("40", "41", "44", "45", "46", "50"), (9, 10)),
        "FIXED_LINE": (("9", "2", "3", "16", "13", "14"), (8, 9)),
    },
    "KZ": {
        "MOBILE": (("700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"), (10,)),
        "FIXED_LINE": (("727", "7172", "7212", "7232", "7252"), (10,)),
    },
    "LK": {
        "MOBILE": (("70", "71", "72", "74", "75", "76", "77", "78"), (9,)),
        "FIXED_LINE": (("11", "81", "91", "31", "33", "38"), (9,)),
    },
    "NG": {
        "MOBILE": (("703", "706", "803", "806", "810", "813", "814", "816", "903", "906", "802", "808", "812", "701",
                    "708", "902", "907", "805", "807", "815", "905"), (10,)),
        "FIXED_LINE": (("201", "209"), (10,)),
    },
    "VE": {
        "MOBILE": (("412", "414", "416", "424", "426"), (10,)),
        "FIXED_LINE": (("212", "261", "241", "251", "281"), (10,)),
    },
}  # fmt: skip
_UWG_CODES = {"DK": 45, "AT": 43, "CH": 41, "FI": 358, "KZ": 7, "LK": 94, "NG": 234, "VE": 58}


def _uwg_valid_number(r: random.Random, region: str, kind: str = "") -> phonenumbers.PhoneNumber:
    kind = kind or pick(r, "MOBILE", "MOBILE", "FIXED_LINE")
    heads, sizes = _UWG_HEADS[region][kind]
    for _ in range(3000):
        head = r.choice(heads)
        digits = head + rand(r, string.digits, r.choice(sizes) - len(head))
        number = phonenumbers.parse(f"+{_UWG_CODES[region]}{digits}")
        if (
            phonenumbers.is_valid_number_for_region(number, region)
            and len(set(digits)) > 3
            and not digits.endswith(("000", "1234"))
            and not any(
                luhn_ok(t) or _urm_luhn_windows(t)
                for t in (digits, "0" + digits, f"{_UWG_CODES[region]}{digits}", f"00{_UWG_CODES[region]}{digits}")
            )
        ):
            return number
    raise AssertionError(f"no valid number drawn for {region}")


def _uwg_forms(number: phonenumbers.PhoneNumber, region: str, international_only: bool) -> list[str]:
    """The ways the split's people and systems write ``number`` (see ``unweighed_phone``), unchecked."""
    pnf = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(number, pnf.INTERNATIONAL)
    national = phonenumbers.format_number(number, pnf.NATIONAL)
    e164 = phonenumbers.format_number(number, pnf.E164)
    cc = number.country_code
    rest = intl[len(f"+{cc}") :].strip()
    n = phonenumbers.national_significant_number(number)
    mobile = n.startswith(_UWG_HEADS[region]["MOBILE"][0])
    forms = [intl, e164, f"00{cc} {rest}"]
    if region == "DK":
        forms += [f"+45 {n[:4]} {n[4:]}", f"(+45) {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}", f"0045{n}", f"+45-{n}"]
    if region == "AT":
        forms += [f"+43 (0){rest}", f"+43 {rest.replace(' ', '/', 1)}", f"0043 {rest}", f"+43-{rest.replace(' ', '-')}"]
    if region == "CH":
        forms += [f"+41 (0){rest}", f"+41 {n[:2]} {n[2:]}", f"0041 {n[:2]} {n[2:5]} {n[5:7]} {n[7:]}", f"+41{n}"]
    if region == "FI":
        forms += [f"+358 (0){rest}", f"+358 {n[:2]} {n[2:5]} {n[5:]}", f"00358 {n}", f"+358-{n}"]
    area = n[:4] if n.startswith(("7172", "7212", "7232", "7252")) else n[:3]
    local = f"{n[len(area) : -4]}-{n[-4:-2]}-{n[-2:]}"
    if region == "KZ":
        forms += [f"+7 ({area}) {local}", f"+7-{area}-{local}", f"+7 {n}"]
    if region == "LK":
        forms += [f"+94 (0){rest}", f"+94-{n[:2]}-{n[2:]}", f"0094 {n}", f"+94 {n[:2]} {n[2:5]} {n[5:]}"]
    if region == "NG":
        forms += [f"+234 (0){rest}", f"+234-{rest.replace(' ', '-')}", f"234{n}", f"+234{n}"]
    if region == "VE":
        forms += [f"+58 ({n[:3]}) {n[3:6]} {n[6:]}", f"+58 {n[:3]} {n[3:6]} {n[6:8]} {n[8:]}", f"0058 {n[:3]} {n[3:]}"]
    if international_only:
        return forms
    forms.append(national)
    if region == "DK":
        forms += [n, f"{n[:4]} {n[4:]}", f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:]}"]
    if region == "AT":
        head = national.split(" ")[0]
        tail = n[len(head) - 1 :]
        forms += [f"{head}/{tail}", f"{head}-{tail}", f"({head}) {tail}", f"{head} {tail[:3]} {tail[3:5]} {tail[5:]}"]
    if region == "CH":
        forms += [f"0{n}", f"0{n[:2]} {n[2:]}", f"0{n[:2]}/{n[2:5]} {n[5:7]} {n[7:]}", f"0{n[:2]} {n[2:5]}-{n[5:]}"]
    if region == "FI":
        if mobile:
            forms += [f"0{n[:2]} {n[2:5]} {n[5:]}", f"0{n[:2]}-{n[2:]}", f"0{n}", f"0{n[:2]} {n[2:]}"]
        else:
            forms += [f"0{n}", f"(0{n[0]}) {n[1:]}"]
    if region == "KZ":
        forms += [f"8 ({area}) {local}", f"8 {area} {local.replace('-', ' ')}", f"8{n}", f"8-{area}-{local}"]
    if region == "LK":
        forms += [f"0{n[:2]} {n[2:5]} {n[5:]}", f"0{n[:2]}-{n[2:]}", f"0{n}", f"0{n[:2]} {n[2:4]} {n[4:6]} {n[6:]}"]
    if region == "NG":
        forms += [f"0{n[:3]} {n[3:6]} {n[6:]}", f"0{n[:3]}-{n[3:6]}-{n[6:]}", f"0{n}", f"0{n[:3]} {n[3:7]} {n[7:]}"]
    if region == "VE":
        forms += [
            f"0{n[:3]}-{n[3:]}",
            f"0{n[:3]} {n[3:6]} {n[6:]}",
            f"(0{n[:3]}) {n[3:6]}.{n[6:8]}.{n[8:]}",
            f"0{n}",
            f"(0{n[:3]}) {n[3:6]}-{n[6:]}",
        ]
    return forms


def unweighed_phone(r: random.Random, regions: tuple[str, ...], international_only: bool = False) -> str:
    """A valid number of one of ``regions`` as the split's people write it: international (``+45 21 23 45 67``,
    ``(+45) 21 23 45 67``, ``+43 664 1234567``, ``+43 (0)664 1234567``, ``+41 79 123 45 67``, ``0041 79 123 45 67``,
    ``+358 40 1234567``, ``+7 (701) 123-45-67``, ``+94 77 123 4567``, ``+234 803 123 4567``, ``2348031234567``,
    ``+58 412-1234567``, ``+58 (412) 123 4567``) or, unless ``international_only``, national: ``21 23 45 67``,
    ``0664/1234567``, ``(0664) 1234567``, ``01 2345678``, ``079 123 45 67``, ``032 123 45 67``, ``040 123 4567``,
    ``8 (701) 123-45-67``, ``8 (727) 123-45-67``, ``077 123 4567``, ``011 234 5678``, ``0803 123 4567``,
    ``0201 234 5678``, ``0412-1234567``, ``(0412) 123.45.67``, ``(0212) 123-4567``. Checked: it parses back (with its
    region as default) to the same valid number and holds no run that reads as an IPv4 address."""
    region = r.choice(regions)
    number = _uwg_valid_number(r, region)
    forms = _uwg_forms(number, region, international_only)
    choices = [t for t in forms if _uex_reads_back(t, region, number) and not _IP_LIKE.search(t)]
    return r.choice(choices)


def unweighed_e164(r: random.Random, region: str, kind: str = "") -> str:
    return phonenumbers.format_number(_uwg_valid_number(r, region, kind), phonenumbers.PhoneNumberFormat.E164)


def unweighed_nsn(r: random.Random, region: str, kind: str = "") -> str:
    return phonenumbers.national_significant_number(_uwg_valid_number(r, region, kind))


def unweighed_invalid_phone(r: random.Random) -> str:
    """A number of the split's regions with two digits dropped or three added, drawn until libphonenumber rejects it."""
    for _ in range(3000):
        number = _uwg_valid_number(r, r.choice(UNWEIGHED_REGIONS), "MOBILE")
        digits = phonenumbers.national_significant_number(number)
        digits = digits[:-2] if r.random() < 0.5 else digits + rand(r, string.digits, 3)
        text = f"+{number.country_code} {digits[:3]} {digits[3:]}"
        if (
            not phonenumbers.is_valid_number(phonenumbers.parse(text))
            and _uwg_no_phone(digits)
            and uwg_quiet(text)
            and not _urm_luhn_windows(f"{number.country_code}{digits}")
        ):
            return text
    raise AssertionError("no invalid number drawn")


# National numbers that are no phone numbers: drawn until they read as no number of the split's regions (after a while,
# where that takes long, of their own region only) nor anywhere with a ``+``, and hold no Luhn-valid run.


def _uwg_id_ok(digits: str, region: str, attempt: int) -> bool:
    if luhn_ok(digits) or _urm_luhn_windows(digits):
        return False
    if attempt < 400:
        return _uwg_no_phone(digits)
    if attempt < 3000:
        return _uwg_no_phone(digits, (region,))
    return _uwg_no_phone(digits, ())


def unweighed_dk_cpr(r: random.Random) -> str:
    """A Danish CPR number (``DDMMYY-SSSS``, the ten digits passing the old mod-11 check with weights 4, 3, 2, 7, 6, 5,
    4, 3, 2, 1), with its dash most of the time."""
    weights = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
    for attempt in range(20000):
        digits = f"{r.randrange(1, 29):02d}{r.randrange(1, 13):02d}{r.randrange(40, 100):02d}" + rand(
            r, string.digits, 4
        )
        if sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11:
            continue
        text = f"{digits[:6]}-{digits[6:]}" if r.random() < 0.8 else digits
        if _uwg_id_ok(digits, "DK", attempt) and uwg_quiet(text):
            return text
    raise AssertionError("no CPR drawn")


def unweighed_dk_cvr(r: random.Random) -> str:
    """A Danish company number (CVR: eight digits passing mod 11 with weights 2, 7, 6, 5, 4, 3, 2, 1)."""
    weights = (2, 7, 6, 5, 4, 3, 2, 1)
    for attempt in range(20000):
        digits = r.choice("123456789") + rand(r, string.digits, 7)
        if sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11:
            continue
        if _uwg_id_ok(digits, "DK", attempt):
            return digits
    raise AssertionError("no CVR drawn")


def unweighed_at_svnr(r: random.Random) -> str:
    """An Austrian social insurance number (``NNNC DDMMYY``: a serial, the check digit with weights 3, 7, 9 and 5, 8,
    4, 2, 1, 6 over the birth date, mod 11, never 10)."""
    for attempt in range(20000):
        serial = str(r.randrange(100, 1000))
        date = f"{r.randrange(1, 29):02d}{r.randrange(1, 13):02d}{r.randrange(40, 100):02d}"
        total = sum(int(d) * w for d, w in zip(serial + date, (3, 7, 9, 5, 8, 4, 2, 1, 6), strict=True))
        check = total % 11
        if check == 10:
            continue
        digits = f"{serial}{check}{date}"
        text = f"{digits[:4]} {digits[4:]}"
        if _uwg_id_ok(digits, "AT", attempt) and uwg_quiet(text):
            return text
    raise AssertionError("no SVNR drawn")


def unweighed_at_uid(r: random.Random) -> str:
    """An Austrian VAT number (``ATU`` and eight digits, the last ``(96 - R) mod 10`` where R sums the odd digits and
    the digit sums of the doubled even ones)."""
    for attempt in range(20000):
        body = rand(r, string.digits, 7)
        total = 0
        for i, d in enumerate(body):
            x = int(d) * (2 if i % 2 else 1)
            total += x // 10 + x % 10
        digits = body + str((96 - total) % 10)
        if _uwg_id_ok(digits, "AT", attempt):
            return "ATU" + digits
    raise AssertionError("no UID drawn")


def unweighed_ch_ahv(r: random.Random) -> str:
    """A Swiss social security number (AHV/AVS: ``756.XXXX.XXXX.XC``, thirteen digits with an EAN-13 check digit)."""
    for attempt in range(20000):
        body = "756" + rand(r, string.digits, 9)
        total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
        digits = body + str((10 - total % 10) % 10)
        text = f"{digits[:3]}.{digits[3:7]}.{digits[7:11]}.{digits[11:]}"
        if _uwg_id_ok(digits, "CH", attempt) and uwg_quiet(text):
            return text
    raise AssertionError("no AHV number drawn")


def unweighed_ch_uid(r: random.Random) -> str:
    """A Swiss enterprise id (UID: ``CHE-123.456.789``, the last digit ``11 - Σ d·w mod 11`` with weights 5, 4, 3, 2,
    7, 6, 5, 4, never 10)."""
    for attempt in range(20000):
        body = r.choice("123456789") + rand(r, string.digits, 7)
        rest = 11 - sum(int(d) * w for d, w in zip(body, (5, 4, 3, 2, 7, 6, 5, 4), strict=True)) % 11
        if rest == 10:
            continue
        digits = body + str(0 if rest == 11 else rest)
        text = f"CHE-{digits[:3]}.{digits[3:6]}.{digits[6:]}"
        if _uwg_id_ok(digits, "CH", attempt) and uwg_quiet(text):
            return text
    raise AssertionError("no UID drawn")


_UWG_HETU_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def unweighed_fi_hetu(r: random.Random) -> str:
    """A Finnish personal identity code (henkilötunnus: ``DDMMYY``, the century sign, an individual number and the
    mod-31 check character)."""
    for attempt in range(20000):
        date = f"{r.randrange(1, 29):02d}{r.randrange(1, 13):02d}{r.randrange(0, 100):02d}"
        sign = "-" if int(date[4:]) > 25 else pick(r, "A", "-")
        serial = f"{r.randrange(2, 900):03d}"
        text = f"{date}{sign}{serial}{_UWG_HETU_CHARS[int(date + serial) % 31]}"
        if _uwg_id_ok(date + serial, "FI", attempt) and uwg_quiet(text):
            return text
    raise AssertionError("no henkilötunnus drawn")


def unweighed_fi_ytunnus(r: random.Random) -> str:
    """A Finnish business id (Y-tunnus: seven digits, ``-`` and a mod-11 check digit with weights 7, 9, 10, 5, 8, 4,
    2; remainder 1 never given)."""
    for attempt in range(20000):
        body = r.choice("0123") + rand(r, string.digits, 6)
        rest = sum(int(d) * w for d, w in zip(body, (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
        if rest == 1:
            continue
        digits = body + str(0 if rest == 0 else 11 - rest)
        text = f"{body}-{digits[-1]}"
        if _uwg_id_ok(digits, "FI", attempt) and uwg_quiet(text):
            return text
    raise AssertionError("no Y-tunnus drawn")


def _uwg_kz_check(body: str) -> int:
    first = sum(int(d) * w for d, w in zip(body, range(1, 12), strict=True)) % 11
    if first != 10:
        return first
    return sum(int(d) * w for d, w in zip(body, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11


def unweighed_kz_iin(r: random.Random) -> str:
    """A Kazakh individual identification number (IIN/ЖСН: ``YYMMDD``, the century and sex digit, four serial digits
    and the two-pass mod-11 check digit, never 10)."""
    for attempt in range(20000):
        year = r.randrange(50, 100) if r.random() < 0.7 else r.randrange(0, 8)
        century = r.choice("34") if year >= 50 else r.choice("56")
        body = f"{year:02d}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}{century}" + rand(r, string.digits, 4)
        check = _uwg_kz_check(body)
        if check == 10:
            continue
        digits = body + str(check)
        if _uwg_id_ok(digits, "KZ", attempt):
            return digits
    raise AssertionError("no IIN drawn")


def unweighed_kz_bin(r: random.Random) -> str:
    """A Kazakh business identification number (BIN/БСН: ``YYMM``, the entity type, its kind, five serial digits and
    the IIN's check digit)."""
    for attempt in range(20000):
        body = f"{r.randrange(0, 26):02d}{r.randrange(1, 13):02d}{r.choice('456')}{r.choice('0124')}"
        body += rand(r, string.digits, 5)
        check = _uwg_kz_check(body)
        if check == 10:
            continue
        digits = body + str(check)
        if _uwg_id_ok(digits, "KZ", attempt):
            return digits
    raise AssertionError("no BIN drawn")


def unweighed_lk_nic(r: random.Random) -> str:
    """A Sri Lankan national identity card number: the old nine digits and ``V`` (the year, the day of the year plus
    500 for women, a serial) or the new twelve digits (the full year, the day, a serial)."""
    for attempt in range(20000):
        day = r.randrange(1, 366) + (500 if r.random() < 0.5 else 0)
        if r.random() < 0.5:
            digits = f"{r.randrange(50, 100):02d}{day:03d}" + rand(r, string.digits, 4)
            text = digits + pick(r, "V", "V", "X")
        else:
            digits = f"{r.randrange(1950, 2008)}{day:03d}" + rand(r, string.digits, 5)
            text = digits
        if _uwg_id_ok(digits, "LK", attempt) and uwg_quiet(text):
            return text
    raise AssertionError("no NIC drawn")


def unweighed_ng_nin(r: random.Random) -> str:
    """A Nigerian National Identification Number (eleven digits)."""
    for attempt in range(20000):
        digits = r.choice("1234567") + rand(r, string.digits, 10)
        if _uwg_id_ok(digits, "NG", attempt):
            return digits
    raise AssertionError("no NIN drawn")


def unweighed_ng_bvn(r: random.Random) -> str:
    """A Nigerian Bank Verification Number (eleven digits, ``22`` first)."""
    for attempt in range(20000):
        digits = "22" + rand(r, string.digits, 9)
        if _uwg_id_ok(digits, "NG", attempt):
            return digits
    raise AssertionError("no BVN drawn")


def unweighed_ve_rif(r: random.Random) -> str:
    """A Venezuelan tax id (RIF: ``J-12345678-9``; the letter's value times 4 and the digits with weights 3, 2, 7, 6,
    5, 4, 3, 2, the check digit ``11 - sum mod 11``, 0 for 10 and 11)."""
    values = {"V": 1, "E": 2, "J": 3, "P": 4, "G": 5}
    for attempt in range(20000):
        letter = pick(r, "J", "J", "V", "E", "G")
        body = f"{r.randrange(1_000_000, 50_000_000):08d}"
        total = values[letter] * 4 + sum(int(d) * w for d, w in zip(body, (3, 2, 7, 6, 5, 4, 3, 2), strict=True))
        rest = 11 - total % 11
        digits = body + str(0 if rest >= 10 else rest)
        text = f"{letter}-{body}-{digits[-1]}"
        if _uwg_id_ok(digits, "VE", attempt) and uwg_quiet(text):
            return text
    raise AssertionError("no RIF drawn")


def unweighed_ve_cedula(r: random.Random) -> str:
    """A Venezuelan identity card number (cédula: ``V-12.345.678``), drawn until no number reads out of it."""
    while True:
        body = str(r.randrange(4_000_000, 32_000_000))
        text = f"{pick(r, 'V', 'V', 'E')}-{body[:-6]}.{body[-6:-3]}.{body[-3:]}"
        if uwg_quiet(text) and _uwg_no_phone(body):
            return text


def unweighed_fi_reference(r: random.Random) -> str:
    """A Finnish payment reference (viitenumero: a base and a check digit with the repeating weights 7, 3, 1 from the
    right), in groups of five from the right."""
    for attempt in range(20000):
        base = r.choice("123456789") + rand(r, string.digits, r.randrange(5, 12))
        total = sum(int(d) * (7, 3, 1)[i % 3] for i, d in enumerate(reversed(base)))
        digits = base + str((10 - total % 10) % 10)
        groups = [digits[max(0, i - 5) : i] for i in range(len(digits), 0, -5)][::-1]
        text = " ".join(groups)
        if _uwg_id_ok(digits, "FI", attempt) and uwg_quiet(text):
            return text
    raise AssertionError("no viitenumero drawn")


def unweighed_rf_reference(r: random.Random) -> str:
    """An ISO 11649 creditor reference (``RF``, two mod-97 check digits and letters and digits), in groups of four."""
    while True:
        body = rand(r, string.ascii_uppercase, 2) + rand(r, string.digits, 3) + rand(r, string.ascii_uppercase, 1)
        body += rand(r, string.digits, 3)
        numeric = int("".join(str(int(c, 36)) for c in body + "RF00"))
        value = f"RF{98 - numeric % 97:02d}{body}"
        text = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
        if uwg_quiet(text):
            return text


_UWG_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def unweighed_s10(r: random.Random, country: str) -> str:
    """A UPU S10 postal item id (two letters, eight digits, the mod-11 check digit and the posting country)."""
    while True:
        serial = rand(r, string.digits, 8)
        check = 11 - sum(int(d) * w for d, w in zip(serial, _UWG_S10_WEIGHTS, strict=True)) % 11
        digits = serial + str({10: 0, 11: 5}.get(check, check))
        if _uwg_no_phone(digits) and not luhn_ok(digits):
            return f"{pick(r, 'RR', 'EE', 'CP', 'LX', 'RB', 'LA')}{digits}{country}"


def unweighed_tracking(r: random.Random, carrier: str = "") -> str:
    """A tracking number of a carrier of the split's regions: PostNord's, Österreichische Post's, Swiss Post's,
    Posti's, Kazpost's, Sri Lanka Post's, NIPOST's and IPOSTEL's S10 ids, Posti's ``JJFI`` parcel ids, GLS' eleven
    digits, GIG Logistics' waybills and DHL Express' ten digits (drawn until they read as no phone number)."""
    carrier = carrier or pick(
        r,
        "postnord",
        "postat",
        "postch",
        "posti",
        "kazpost",
        "slpost",
        "nipost",
        "ipostel",
        "jjfi",
        "gls",
        "gig",
        "dhl",
    )
    countries = {"postnord": "DK", "postat": "AT", "postch": "CH", "posti": "FI", "kazpost": "KZ", "slpost": "LK",
                 "nipost": "NG", "ipostel": "VE"}  # fmt: skip
    if carrier in countries:
        return unweighed_s10(r, countries[carrier])
    if carrier == "jjfi":
        return "JJFI" + unweighed_digits(r, 5) + rand(r, string.ascii_uppercase, 2) + unweighed_digits(r, 5)
    if carrier == "gls":
        return unweighed_digits(r, 11, "6")
    if carrier == "gig":
        return "GIG" + rand(r, string.ascii_uppercase, 2) + unweighed_digits(r, 7)
    return unweighed_digits(r, 10, "1")


def unweighed_luhn_digits(r: random.Random, n: int, lead: str = "") -> str:
    body = lead + rand(r, string.digits, n - len(lead) - 1)
    return body + _luhn_digit(body)


def unweighed_fik(r: random.Random) -> str:
    """A Danish FI-kort payment line (``+71<15-digit payment id>+<8-digit creditor no.><``; the payment id's last digit
    a Luhn check), drawn until the creditor number reads as no phone number."""
    while True:
        payment = unweighed_luhn_digits(r, 15, "0")
        creditor = unweighed_digits(r, 8, r.choice("89"))
        if _uwg_no_phone(payment.lstrip("0")) and _uwg_no_phone(creditor):
            return f"+71<{payment}+{creditor}<"


# Cards this split draws: Visa (the Visa/Dankort 4571 range too), Mastercard (51-55 and the 2-series), Amex, Diners,
# JCB, Maestro, UnionPay, Discover, Dankort (5019) and Verve (Nigeria's 506099-506198 and 650002-650027).
UNWEIGHED_CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4571", "4539", "4024", "4916", "4485"), (16,)),
    "mastercard": (("5425", "5105", "5200", "2221", "2720", "5555"), (16,)),
    "amex": (("3782", "3714", "3400"), (15,)),
    "diners": (("3056", "3852", "3600"), (14,)),
    "jcb": (("3528", "3589"), (16,)),
    "maestro": (("6759", "6761", "5018"), (16, 19)),
    "unionpay": (("6212", "6250", "6282"), (16, 19)),
    "discover": (("6011", "6441", "6500"), (16,)),
    "dankort": (("5019",), (16,)),
    "verve": (("506100", "506118", "650004", "650021"), (16, 19)),
}


def unweighed_card_number(r: random.Random, brand: str = "") -> str:
    digits = card_of_brand(r, UNWEIGHED_CARD_BRANDS, brand)
    assert luhn_ok(digits)
    return digits


def unweighed_card(r: random.Random, brand: str = "", sep: str | None = None) -> str:
    """A Luhn-valid card of ``brand`` (empty: any) in its groups, joined by spaces, dashes or nothing."""
    digits = unweighed_card_number(r, brand)
    sep = pick(r, " ", " ", "-", "") if sep is None else sep
    return grouped(digits, card_groups(digits), sep)


# IBANs this split draws: Denmark, Austria, Switzerland, Finland and Kazakhstan (the split's banks) and Liechtenstein
# (where a Swiss watch client banks). Every country of the registry was drawn by an earlier split; the forms they are
# written in here were not (see classes.py).
UNWEIGHED_IBAN_LENGTHS = {"DK": 18, "AT": 20, "CH": 21, "FI": 18, "KZ": 20, "LI": 21}


def _uwg_bban(r: random.Random, country: str) -> str:
    if country == "DK":
        return pick(r, "3000", "2000", "0400", "5301", "9070", "1551") + rand(r, string.digits, 10)
    if country == "AT":
        return pick(r, "20111", "12000", "32000", "14000", "38000", "60000") + rand(r, string.digits, 11)
    if country == "CH":
        return pick(r, "00762", "00235", "00700", "80808", "09000", "00767") + rand(r, string.digits, 12)
    if country == "FI":
        return pick(r, "100012", "800014", "157130", "422000", "312345", "500001") + rand(r, string.digits, 8)
    if country == "KZ":
        return pick(r, "601", "722", "998", "826", "914", "856") + r.choice("ACKST") + rand(r, string.digits, 12)
    assert country == "LI"
    return pick(r, "08810", "08800", "08803", "08806") + rand(r, string.digits, 12)


def unweighed_iban(r: random.Random, valid: bool = True, country: str = "", grouped: bool | None = None) -> str:
    """An IBAN of Denmark, Austria, Switzerland, Finland, Kazakhstan or Liechtenstein, compact or in groups of four
    (``grouped`` None: either); ``valid`` False: its check digits are wrong. No run of 12 to 19 digits after its
    country code passes Luhn, and the run reads as no phone number of the split's regions with a ``+``."""
    country = country or r.choice(sorted(UNWEIGHED_IBAN_LENGTHS))
    while True:
        bban = _uwg_bban(r, country)
        check = iban_check_digits(country, bban)
        if not valid:
            right = check
            check = (check + r.randrange(1, 90)) % 100
            while check in (right, (right + 97) % 100) or check < 2:
                check = (check + 1) % 100
        if not _urm_luhn_windows(f"{check:02d}{bban}"):
            break
    value = f"{country}{check:02d}{bban}"
    assert len(value) == UNWEIGHED_IBAN_LENGTHS[country], value
    assert iban_ok(value) == valid
    if grouped is None:
        grouped = r.random() < 0.5
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if grouped else value


UNWEIGHED_HASH_FAMILIES = (
    "pihole_v6",
    "pihole_v5",
    "openhab",
    "teamspeak",
    "shaarli",
    "ttrss",
    "code_server",
    "nodered",
    "freeradius",
    "asterisk",
)


def unweighed_password_hash(r: random.Random, family: str = "") -> str:
    """Password-derived material of one family as its software stores it (``family`` empty: any): Pi-hole v6's
    ``pihole.toml`` (``pwhash`` in Balloon-SHA256), Pi-hole v5's ``setupVars.conf`` (``WEBPASSWORD``, a double SHA-256
    in hex), openHAB's ``users.json`` (PBKDF2 ``passwordHash`` with its ``passwordSalt``), a TeamSpeak 3 server's
    ``clients`` row (``client_login_password``, a base64 SHA-1), Shaarli's ``config.json.php`` (a salted SHA-1 with
    its salt), Tiny Tiny RSS' ``ttrss_users`` (``MODE2:`` salted SHA-256), code-server's ``config.yaml``
    (``hashed-password``, argon2), Node-RED's ``settings.js`` ``adminAuth`` (bcrypt), a FreeRADIUS ``users`` entry
    (``Crypt-Password`` in SHA-512 crypt) and an Asterisk ``sip.conf`` peer (``md5secret``, the MD5 of user, realm and
    password)."""
    family = family or r.choice(UNWEIGHED_HASH_FAMILIES)
    alphabet = "./" + string.ascii_letters + string.digits
    if family == "pihole_v6":
        return (
            f'[webserver.api]\npwhash = "$BALLOON-SHA256$v=1$s=1024,t=32${b64(r.randbytes(32))}${b64(r.randbytes(32))}"'
        )
    if family == "pihole_v5":
        return f"/etc/pihole/setupVars.conf WEBPASSWORD={_hexbytes(r, 32)}"
    if family == "openhab":
        user = pick(r, "admin", "huskyops", "watchshop")
        value = {"name": user, "passwordHash": b64(r.randbytes(64)), "passwordSalt": b64(r.randbytes(64)),
                 "roles": ["administrator"], "sessions": []}  # fmt: skip
        doc = {user: {"class": "org.openhab.core.auth.ManagedUser", "value": value}}
        return json.dumps(doc)
    if family == "teamspeak":
        return (
            "INSERT INTO clients (client_id, server_id, client_unique_id, client_nickname, client_login_name, "
            f"client_login_password) VALUES ({r.randrange(2, 90)}, 1, 'serveradmin', 'ServerAdmin', "
            f"'{pick(r, 'serveradmin', 'guide-kaisa', 'lobby')}', '{b64(r.randbytes(20))}');"
        )
    if family == "shaarli":
        doc = {"credentials": {"login": pick(r, "helmi", "kaamos", "ulla"), "hash": _hexbytes(r, 20),
                               "salt": _hexbytes(r, 20)}}  # fmt: skip
        return "<?php /* " + json.dumps(doc) + " */ ?>"
    if family == "ttrss":
        return (
            f"ttrss_users login={pick(r, 'admin', 'olli')} pwd_hash=MODE2:{_hexbytes(r, 32)} salt={_hexbytes(r, 125)}"
        )
    if family == "code_server":
        salt = b64(r.randbytes(16)).rstrip("=")
        return f'hashed-password: "$argon2i$v=19$m=4096,t=3,p=1${salt}${b64(r.randbytes(32)).rstrip("=")}"'
    if family == "nodered":
        return (
            f'adminAuth: {{ type: "credentials", users: [{{ username: "{pick(r, "admin", "flows")}", password: '
            f'"$2b$08${rand(r, alphabet, 53)}", permissions: "*" }}] }}'
        )
    if family == "freeradius":
        who = pick(r, "kaisa", "guide-01", "lapland-ap")
        return f'{who} Crypt-Password := "$6${rand(r, alphabet, 16)}${rand(r, alphabet, 86)}"'
    assert family == "asterisk"
    return f"[{r.randrange(200, 299)}]\ntype=friend\nhost=dynamic\nmd5secret={_hexbytes(r, 16)}\ncontext=workshop"


def unweighed_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return password(r)
    word = pick(
        r, "Nyhavn", "Aarhus", "Hallstatt", "Salzburg", "Bienne", "Jura", "Matterhorn", "Rovaniemi", "Inari", "Kaamos",
        "Almaty", "Medeu", "Ratnapura", "Kandy", "Sigiriya", "Lekki", "Ikoyi", "Jollof", "Caracas", "Avila",
    )  # fmt: skip
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "@", "*", "-", "+", "", "%", "&", "_", "$", "?", ".")


def unweighed_email(r: random.Random) -> str:
    """An address of the split's people: Danish, Austrian, Swiss, Finnish, Kazakh, Sri Lankan, Nigerian and Venezuelan
    names with dots, digits, hyphens and plus tags, at their countries' providers and big ones."""
    first = pick(
        r, "mette.jensen", "rasmus_nielsen", "lukas.gruber", "anna-huber", "reto.meier", "chantal_rochat",
        "aino.virtanen", "mikko-korhonen", "aigerim.nurlanovna", "daniyar_akhmetov", "nimal.perera", "dilani-fernando",
        "chinedu.okafor", "aisha_bello", "adaeze-eze", "jose.gonzalez", "mariangel_rodriguez",
    )  # fmt: skip
    local = pick(r, first, f"{first}{r.randrange(1, 99)}", f"{first}+{pick(r, 'watch', 'husky', 'gems', 'orders')}")
    domain = pick(
        r, "jubii.dk", "mail.dk", "gmx.at", "aon.at", "bluewin.ch", "gmx.ch", "kolumbus.fi", "suomi24.fi", "mail.kz",
        "inbox.kz", "sltnet.lk", "yahoo.com", "gmail.com", "cantv.net", "outlook.com", "icloud.com", "proton.me",
    )  # fmt: skip
    return f"{local}@{domain}"


# Keys of vendors no earlier split draws, in their documented or observed shapes (the bodies random).
def _uwg_iat(r: random.Random) -> int:
    return 1_792_800_000 + r.randrange(1_200_000)


def unweighed_dinero_jwt(r: random.Random) -> str:
    """A Visma Connect access token for Dinero (Denmark): RS256 with the tenant and the client."""
    iat = _uwg_iat(r)
    claims = {"iss": "https://connect.visma.com", "nbf": iat, "iat": iat, "exp": iat + 3600,
              "aud": "https://api.dinero.dk", "scope": ["dineropublicapi:read", "dineropublicapi:write"],
              "client_id": "isv_watchshop", "sub": unweighed_uuid(r), "tid": unweighed_uuid(r),
              "jti": _hexbytes(r, 16).upper()}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": _hexbytes(r, 20).upper(), "typ": "at+jwt"}, claims, 256)


def unweighed_economic_pair(r: random.Random) -> tuple[str, str]:
    """e-conomic's (Denmark) ``X-AppSecretToken`` and ``X-AgreementGrantToken`` (43 letters and digits each)."""
    return rand(r, ALNUM, 43), rand(r, ALNUM, 43)


def unweighed_billy_token(r: random.Random) -> str:
    """A Billy (Denmark) ``X-Access-Token``: 40 hex digits."""
    return _hexbytes(r, 20)


def unweighed_quickpay_key(r: random.Random) -> str:
    """A QuickPay (Denmark) API user key (the Basic password, empty user): 64 hex digits."""
    return _hexbytes(r, 32)


def unweighed_frisbii_key(r: random.Random) -> str:
    """A Frisbii (Reepay, Denmark) private API key (the Basic user, empty password): ``priv_`` and 32 hex digits."""
    return "priv_" + _hexbytes(r, 16)


def unweighed_shipmondo_pair(r: random.Random) -> tuple[str, str]:
    """Shipmondo's (Denmark) API user (a UUID) and API key (a UUID): a Basic pair."""
    return unweighed_uuid(r), unweighed_uuid(r)


def unweighed_cpsms_pair(r: random.Random) -> tuple[str, str]:
    """CPSMS' (Denmark) user name and API key (a UUID): a Basic pair."""
    return pick(r, "urmager-aarhus", "nyhavn-ure"), unweighed_uuid(r)


def unweighed_planday_jwt(r: random.Random) -> str:
    """A Planday (Denmark) access token from ``id.planday.com``: RS256 with the portal and the client."""
    iat = _uwg_iat(r)
    claims = {"iss": "https://id.planday.com", "nbf": iat, "iat": iat, "exp": iat + 3600, "aud": "openapi",
              "client_id": unweighed_uuid(r), "sub": str(r.randrange(100000, 999999)),
              "portal_id": r.randrange(1000, 99999), "scope": ["openid", "employee:read", "shift:read"]}  # fmt: skip
    return _signed_jwt(r, {"alg": "RS256", "kid": _hexbytes(r, 16).upper(), "typ": "at+jwt"}, claims, 256)


def unweighed_planday_client(r: random.Random) -> str:
    """A Planday ``X-ClientId`` (the app's id, public): a UUID."""
    return unweighed_uuid(r)


def unweighed_bitpanda_key(r: random.Random) -> str:
    """A Bitpanda (Austria) ``X-Api-Key``: 128 hex digits."""
    return _hexbytes(r, 64)


def unweighed_bitmovin_key(r: random.Random) -> str:
    """A Bitmovin (Austria) ``X-Api-Key``: a UUID."""
    return unweighed_uuid(r)


def unweighed_usersnap_key(r: random.Random) -> str:
    """A Usersnap (Austria) API key (a bearer): 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unweighed_fiskaltrust_pair(r: random.Random) -> tuple[str, str]:
    """fiskaltrust's (Austria, RKSV) ``cashboxid`` (a UUID, public) and ``accesstoken`` (base64 of 64 bytes)."""
    return unweighed_uuid(r), b64(r.randbytes(64))


def unweighed_payrexx_key(r: random.Random) -> str:
    """A Payrexx (Switzerland) API secret (``X-API-KEY``): 30 letters and digits."""
    return rand(r, ALNUM, 30)


def unweighed_postfinance_jwt(r: random.Random) -> str:
    """A PostFinance Checkout (wallee) request token: HS256 over the application user's id, the request's path and
    method, signed with the user's authentication key."""
    iat = _uwg_iat(r)
    claims = {"sub": str(r.randrange(10000, 99999)), "iat": iat,
              "requestPath": f"/api/transaction/create?spaceId={r.randrange(10000, 99999)}",
              "requestMethod": "POST"}  # fmt: skip
    return _signed_jwt(r, {"alg": "HS256", "type": "JWT", "ver": 1}, claims, 32)


def unweighed_bexio_jwt(r: random.Random) -> str:
    """A bexio (Switzerland) personal access token: RS256 from ``idp.bexio.com``."""
    iat = _uwg_iat(r)
    claims = {"sub": f"{pick(r, 'reto.meier', 'atelier')}@uhrenwerkstatt.ch", "company_id": rand(r, ALNUM, 12).lower(),
              "user_id": r.randrange(1, 90), "azp": "pat", "scope": "openid profile company_profile",
              "iss": "https://idp.bexio.com", "exp": iat + 31_536_000, "iat": iat,
              "jti": unweighed_uuid(r)}  # fmt: skip
    return _signed_jwt(r, {"kid": unweighed_uuid(r), "alg": "RS256"}, claims, 256)


def unweighed_frontify_token(r: random.Random) -> str:
    """A Frontify (Switzerland) personal access token (a bearer): 40 letters and digits."""
    return rand(r, ALNUM, 40)


def unweighed_threema_pair(r: random.Random) -> tuple[str, str]:
    """A Threema Gateway (Switzerland) id (``*`` and seven letters and digits, public) and its secret (sixteen)."""
    return "*" + rand(r, string.ascii_uppercase + string.digits, 7), rand(r, ALNUM, 16)


def unweighed_beekeeper_token(r: random.Random) -> str:
    """A Beekeeper (Switzerland) bot token (``Authorization: Token …``): a UUID."""
    return unweighed_uuid(r)


def unweighed_paytrail_pair(r: random.Random) -> tuple[str, str]:
    """Paytrail's (Finland) merchant id (``checkout-account``, public: six digits) and secret key (the HMAC key)."""
    return unweighed_digits(r, 6, "3"), rand(r, ALNUM, 30)


def unweighed_netvisor_pair(r: random.Random) -> tuple[str, str]:
    """Netvisor's (Finland) customer key and partner key (the MAC's keys: 30 letters and digits each)."""
    return rand(r, string.ascii_uppercase + string.digits, 30), rand(r, string.ascii_uppercase + string.digits, 30)


def unweighed_procountor_pair(r: random.Random) -> tuple[str, str]:
    """Procountor's (Finland) client id (``watchshop`` and a suffix, public) and client secret (``secret_`` and 40)."""
    return f"husky-safaris{rand(r, string.ascii_lowercase, 4)}", "secret_" + rand(r, ALNUM, 40)


def unweighed_procountor_token(r: random.Random) -> str:
    """A Procountor access token (a bearer): 64 letters and digits."""
    return rand(r, ALNUM, 64)


def unweighed_holvi_token(r: random.Random) -> str:
    """A Holvi (Finland) API token (``Authorization: Token …``): 40 hex digits."""
    return _hexbytes(r, 20)


def unweighed_maventa_key(r: random.Random) -> str:
    """A Maventa (Finland) user ``api_key``: a UUID."""
    return unweighed_uuid(r)


def unweighed_op_key(r: random.Random) -> str:
    """An OP Financial Group (Finland) developer ``x-api-key``: 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unweighed_kaspi_token(r: random.Random) -> str:
    """A Kaspi.kz merchant ``X-Auth-Token``: base64 of 32 bytes."""
    return b64(r.randbytes(32))


def unweighed_halyk_pair(r: random.Random) -> tuple[str, str]:
    """Halyk ePay's (Kazakhstan) ``client_id`` (the shop's, public) and ``client_secret`` (32 letters, digits, ``)``,
    ``(`` and ``!``)."""
    return pick(r, "GEMLAB_KZ", "ALMATY_GEMS"), rand(r, ALNUM + "()!", 32)


def unweighed_halyk_token(r: random.Random) -> str:
    """A Halyk ePay access token (a bearer): 32 upper-case letters and digits."""
    return rand(r, string.ascii_uppercase + string.digits, 32)


def unweighed_ioka_key(r: random.Random) -> str:
    """An ioka (Kazakhstan) ``API-KEY``: the shop's id, ``.`` and 64 letters and digits."""
    return f"shp_{rand(r, string.ascii_uppercase + string.digits, 10)}.{rand(r, ALNUM, 64)}"


def unweighed_mobizon_key(r: random.Random) -> str:
    """A Mobizon.kz ``apiKey`` (in the query string): ``kz`` and 58 hex digits."""
    return "kz" + rand(r, HEX, 58)


def unweighed_freedompay_secret(r: random.Random) -> str:
    """A Freedom Pay (PayBox.money, Kazakhstan) merchant's secret key (the ``pg_sig`` key): sixteen letters and
    digits."""
    return rand(r, ALNUM, 16)


def unweighed_payhere_pair(r: random.Random) -> tuple[str, str]:
    """PayHere's (Sri Lanka) app id (public) and app secret: a Basic pair for its OAuth token."""
    return rand(r, string.digits + string.ascii_uppercase, 28), rand(r, string.digits + string.ascii_uppercase, 52)


def unweighed_payhere_merchant_secret(r: random.Random) -> str:
    """A PayHere merchant secret (the MD5 ``hash``'s key): base64 of 40 bytes."""
    return b64(r.randbytes(40))


def unweighed_ideamart_password(r: random.Random) -> str:
    """A Dialog Ideamart (Sri Lanka) application password: 32 hex digits."""
    return _hexbytes(r, 16)


def unweighed_notifylk_key(r: random.Random) -> str:
    """A Notify.lk ``api_key`` (query string): 20 letters and digits."""
    return rand(r, ALNUM, 20)


def unweighed_textlk_token(r: random.Random) -> str:
    """A Text.lk (Sri Lanka) API token (a bearer): Laravel Sanctum's ``id|`` and 48 letters and digits."""
    return f"{r.randrange(100, 9999)}|{rand(r, ALNUM, 48)}"


def unweighed_koombiyo_key(r: random.Random) -> str:
    """A Koombiyo Delivery (Sri Lanka) ``apikey`` (form field): 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unweighed_webxpay_secret(r: random.Random) -> str:
    """A WebXPay (Sri Lanka) secret key: a UUID."""
    return unweighed_uuid(r)


def unweighed_dojah_pair(r: random.Random) -> tuple[str, str]:
    """Dojah's (Nigeria) ``AppId`` (24 hex digits, public) and secret key (a bare ``Authorization``: ``prod_sk_`` and
    27 letters and digits)."""
    return _hexbytes(r, 12), "prod_sk_" + rand(r, ALNUM, 27)


def unweighed_prembly_pair(r: random.Random) -> tuple[str, str]:
    """Prembly's (IdentityPass, Nigeria) ``app-id`` (a UUID, public) and ``x-api-key`` (40 letters and digits)."""
    return unweighed_uuid(r), rand(r, ALNUM, 40)


def unweighed_youverify_token(r: random.Random) -> str:
    """A Youverify (Nigeria) API ``token`` header: 32 letters and digits."""
    return rand(r, ALNUM, 32)


def unweighed_seerbit_pair(r: random.Random) -> tuple[str, str]:
    """SeerBit's (Nigeria) public key (``SBPUBK_`` and 32 upper-case letters and digits) and the encrypted key it
    issues (a bearer: base64 of 72 bytes)."""
    return "SBPUBK_" + rand(r, string.ascii_uppercase + string.digits, 32), b64(r.randbytes(72))


def unweighed_shipbubble_key(r: random.Random) -> str:
    """A Shipbubble (Nigeria) API key (a bearer): ``sb_prod_`` and 48 hex digits."""
    return "sb_prod_" + _hexbytes(r, 24)


def unweighed_anchor_key(r: random.Random) -> str:
    """An Anchor (Nigeria, banking as a service) ``x-anchor-key``: 36 letters and digits, ``.`` and 64 hex digits."""
    return f"{rand(r, ALNUM, 36)}.{_hexbytes(r, 32)}"


def unweighed_fincra_pair(r: random.Random) -> tuple[str, str]:
    """Fincra's (Nigeria) public key (``x-pub-key``: ``pk_prod_`` and 40, public) and secret ``api-key`` (32)."""
    return "pk_prod_" + rand(r, ALNUM, 40), rand(r, ALNUM, 32)


def unweighed_instapago_pair(r: random.Random) -> tuple[str, str]:
    """Instapago's (Venezuela) ``KeyId`` (the private key: a UUID in upper case) and ``PublicKeyId`` (32 hex)."""
    return unweighed_uuid(r).upper(), _hexbytes(r, 16)


def unweighed_megasoft_pair(r: random.Random) -> tuple[str, str]:
    """Megasoft's (Venezuela) payment gateway user and password: a Basic pair."""
    return pick(r, "gemasvzla", "joyeria_ccs"), rand(r, ALNUM + "*#", 14)


def unweighed_imgix_key(r: random.Random) -> str:
    """An imgix API key (a bearer): ``ak_`` and 64 hex digits."""
    return "ak_" + _hexbytes(r, 32)


def unweighed_apivideo_key(r: random.Random) -> str:
    """An api.video API key (the Basic user, empty password): 43 letters and digits."""
    return rand(r, ALNUM, 43)


def unweighed_sieve_key(r: random.Random) -> str:
    """A Sieve ``X-API-Key``: 43 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 43)


def unweighed_beam_token(r: random.Random) -> str:
    """A Beam (beam.cloud) API token (a bearer): 86 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 86)


def unweighed_honeyhive_key(r: random.Random) -> str:
    """A HoneyHive API key (a bearer): 44 letters and digits."""
    return rand(r, ALNUM, 44)


def unweighed_pezzo_pair(r: random.Random) -> tuple[str, str]:
    """Pezzo's project id (public) and ``X-Pezzo-Api-Key`` (``pez_`` and 32 hex digits)."""
    return rand(r, string.ascii_lowercase + string.digits, 25), "pez_" + _hexbytes(r, 16)


def unweighed_jigsawstack_key(r: random.Random) -> str:
    """A JigsawStack ``x-api-key``: ``sk_`` and 96 hex digits."""
    return "sk_" + _hexbytes(r, 48)


def unweighed_scraperapi_key(r: random.Random) -> str:
    """A ScraperAPI ``api_key`` (query string): 32 hex digits."""
    return _hexbytes(r, 16)


def unweighed_composio_key(r: random.Random) -> str:
    """A Composio ``x-api-key``: 22 lower-case letters and digits."""
    return rand(r, string.ascii_lowercase + string.digits, 22)


def unweighed_arcade_key(r: random.Random) -> str:
    """An Arcade API key (a bearer): ``arc_`` and 44 letters and digits."""
    return "arc_" + rand(r, ALNUM, 44)


def unweighed_toolhouse_key(r: random.Random) -> str:
    """A Toolhouse API key (a bearer): a UUID."""
    return unweighed_uuid(r)


def unweighed_ragie_key(r: random.Random) -> str:
    """A Ragie API key (a bearer): ``tnt_`` and 11 letters and digits, ``_`` and 32."""
    return f"tnt_{rand(r, ALNUM, 11)}_{rand(r, ALNUM, 32)}"


def unweighed_lingvanex_key(r: random.Random) -> str:
    """A Lingvanex API key (a bearer): ``a_`` and 50 letters and digits."""
    return "a_" + rand(r, ALNUM, 50)


def unweighed_weglot_key(r: random.Random) -> str:
    """A Weglot private ``api_key`` (query string): ``wg_`` and 32 hex digits."""
    return "wg_" + _hexbytes(r, 16)


def unweighed_coveo_token(r: random.Random) -> str:
    """A Coveo API key (a bearer): ``xx`` and a UUID."""
    return "xx" + unweighed_uuid(r)


def unweighed_telesign_pair(r: random.Random) -> tuple[str, str]:
    """Telesign's customer id (a UUID in upper case) and API key (base64 of 64 bytes): a Basic pair."""
    return unweighed_uuid(r).upper(), b64(r.randbytes(64))


def unweighed_speechify_key(r: random.Random) -> str:
    """A Speechify API key (a bearer): 43 letters, digits, ``-`` and ``_`` and ``=``."""
    return rand(r, B64URL, 43) + "="


def unweighed_neets_key(r: random.Random) -> str:
    """A Neets.ai ``X-API-Key``: 32 hex digits."""
    return _hexbytes(r, 16)


def unweighed_unrealspeech_key(r: random.Random) -> str:
    """An Unreal Speech API key (a bearer): 60 letters and digits."""
    return rand(r, ALNUM, 60)


def unweighed_nuclia_jwt(r: random.Random) -> str:
    """A Nuclia service account key (``X-NUCLIA-SERVICEACCOUNT: Bearer …``): an ES256 JWT for the knowledge box."""
    iat = _uwg_iat(r)
    claims = {"iss": "https://europe-1.nuclia.cloud/", "sub": unweighed_uuid(r), "aud": "https://europe-1.nuclia.cloud/",
              "iat": iat, "exp": iat + 31_536_000, "jti": unweighed_uuid(r), "key": unweighed_uuid(r),
              "kbid": unweighed_uuid(r)}  # fmt: skip
    return _signed_jwt(r, {"alg": "ES256", "typ": "JWT", "kid": f"sa-{_hexbytes(r, 6)}"}, claims, 64)


def unweighed_render_key(r: random.Random) -> str:
    """A Render API key (a bearer): ``rnd_`` and 28 letters and digits."""
    return "rnd_" + rand(r, ALNUM, 28)


def unweighed_northflank_token(r: random.Random) -> str:
    """A Northflank API token (a bearer): 64 letters and digits."""
    return rand(r, ALNUM, 64)


def unweighed_growthbook_key(r: random.Random) -> str:
    """A GrowthBook secret API key (a bearer): ``secret_`` and 43 letters and digits."""
    return "secret_" + rand(r, ALNUM, 43)


def unweighed_gradient_key(r: random.Random) -> str:
    """A DigitalOcean Gradient agent access key (a bearer): 32 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 32)


def unweighed_modelscope_token(r: random.Random) -> str:
    """A ModelScope API-Inference access token (a bearer): ``ms-`` and a UUID."""
    return "ms-" + unweighed_uuid(r)


def unweighed_ppio_key(r: random.Random) -> str:
    """A PPIO API key (a bearer): ``sk_`` and 43 letters, digits, ``-`` and ``_``."""
    return "sk_" + rand(r, B64URL, 43)


def unweighed_nous_key(r: random.Random) -> str:
    """A Nous Research Portal API key (a bearer): 64 letters, digits, ``-`` and ``_``."""
    return rand(r, B64URL, 64)


def unweighed_arli_key(r: random.Random) -> str:
    """An Arli AI API key (a bearer): a UUID."""
    return unweighed_uuid(r)
