"""Validation of matched values: checksums, entropy, context, and known examples (reference rules).

The server finds candidates with regular expressions and validates them itself (``sqlcheck.py``
holds the same rules as SQL, so ``--full`` counts are exact and computed where the data lives);
these Python functions are the reference the SQL is tested against, pick the examples a report
shows, and add what SQL cannot do (phone numbers through libphonenumber). A validator gets the
value, the text just before the match (``version 1.2.3.4``), the whole match and the column's name
hints (a ``phone`` column makes a national number a phone number).
"""

from __future__ import annotations

import base64
import binascii
import functools
import ipaddress
import itertools
import json
import math
import os
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

# Values published in vendor documentation, tutorials, emulators and test suites: never findings.
AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
# The Azure Cosmos DB emulator's fixed key (Microsoft's emulator documentation).
COSMOS_EMULATOR_KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="
JWT_IO_EXAMPLE = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
    ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)


def _documented_numbers() -> frozenset[str]:
    """Payment providers' test cards and the IBAN registry's examples (``documented_examples.json``):
    documentation and test suites are full of them, and a scan must not report them as data."""
    with open(os.path.join(os.path.dirname(__file__), "documented_examples.json"), encoding="utf-8") as fh:
        listed = json.load(fh)
    return frozenset(listed["test_cards"]) | frozenset(listed["example_ibans"])


DOCUMENTED_EXAMPLES = (
    frozenset(
        {
            "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
            "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
            "Aladdin:open sesame",  # RFC 2617's Basic example (QWxhZGRpbjpvcGVuIHNlc2FtZQ==)
            "aladdin:opensesame",  # RFC 7617's (YWxhZGRpbjpvcGVuc2VzYW1l)
            AZURITE_KEY,
            COSMOS_EMULATOR_KEY,
            JWT_IO_EXAMPLE,
            # Nacos' default token secret, as its docs and sample application.properties ship it (raw before 2.2.0.1,
            # base64 since): published, so nobody's secret
            "SecretKey012345678901234567890123456789012345678901234567890123456789",
            "VGhpc0lzTXlDdXN0b21TZWNyZXRLZXkwMTIzNDU2Nzg=",
            # Transbank's integration (test) API key secret and ECPay's test merchant's HashKey and HashIV, as their
            # SDKs and documentation publish them
            "579B532A7440BB0C9079DED94D31EA1615BACEB56610332264630D42D0A36B1C",
            "5294y06JbISpM5x9",
            "v77hoKGq4kWxNNIS",
        }
    )
    | _documented_numbers()
)
PLACEHOLDER_WORDS = (
    "example",
    "sample",
    "placeholder",
    "your_",
    "your-",
    "yourpassword",
    "your",
    "****",
    "redacted",
    "blank_value",  # n8n writes __n8n_BLANK_VALUE_<hex> where a credential's field is empty
    "%{",  # Stalwart's macros: %{env:ADMIN_SECRET}%, %{file:/run/secrets/s3}%
    "hidden",
    "*data*deleted*",  # Windows Setup's logs write *SENSITIVE*DATA*DELETED* where an answer file held a password
    "changeit",
    "changeme",
    "change_me",
    "dummy",
    "insert",
    "replace",
    "<",
    ">",
    "${",
    "{{",
    "}}",
    "%s",
    "%(",
    "$(",
    "%env(",
)
# One scan for all of them (the words are literals: containment, as the SQL form checks it).
_PLACEHOLDER_WORD = re.compile("|".join(re.escape(w) for w in PLACEHOLDER_WORDS))
# A run of x's masks a value only in one case (``sk-xxxx``, ``XXXX-XXXX``): a random token holds
# ``XxXx`` now and then, and is still a token.
MASK_RUNS = ("xxxx", "XXXX")
PLACEHOLDER_VALUES = (
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
    "vault",
    "hunter2x",
)
# $DB_PASSWORD, $password, $dbPassword: a variable's name reads as words in one case (or camelCase);
# ``$Q4uUIL2cpcQxD`` is a password that starts with a dollar sign.
SHELL_VARIABLE = r"^\$(?:[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_]*|[a-z]+(?:[A-Z][a-z]+)+[0-9]*)$"
CONSTANT_NAME = r"^[A-Z][A-Z0-9_]*_[A-Z0-9_]*$"  # MY_API_KEY, YOUR_TOKEN_HERE
# A variable's name in lower case, written where its value goes: ``base64(application_token:admin_access_token)``,
# ``api_key=client_secret`` in a template; words only, the last one a credential's.
SNAKE_NAME = r"^[a-z]+(?:_[a-z]+)*_(?:token|key|secret|password|passwd|pass|pwd|credentials?)$"
# A name between a template tool's delimiters, replaced at deploy time: ``__DB_PASS__`` (sed and token-replace
# tasks), ``@DB_PASS@`` (autoconf), ``%DB_PASS%`` (a Windows variable), ``#{DB_PASS}`` (Octopus variables).
DELIMITED_NAME = r"^(?:__|@@?|%|#\{)[A-Za-z_][A-Za-z0-9_.]*(?:__|@@?|%|\})$"
BRACED = r"^\{[A-Za-z_][A-Za-z0-9_.]*\}?$"  # {password}; its closing brace may end the match's value
# A value that names where the secret lives: settings.SECRET_KEY, process.env.API_KEY, self._token
# (dotted identifiers without digits; a token with dots, such as an Azure client secret, has them).
# Each part reads as a name: snake_case, CONSTANT_CASE, or camelCase of at most four words (at most three
# lower-to-upper steps, an acronym of five capitals at most inside it: ``parseJSONValue``);
# ``jdKnhlkhWeEFQkrKrNelm.pLML`` changes case at random and is a token, as is Flagsmith's
# ``ser.aESlfcikBRILZSOJWkelPr``.
# Written without overlapping classes, so a backtracking engine stays linear on it.
_NAME_PART = r"[A-Z_$]*(?:[a-z][a-z_$]*[A-Z][A-Z_$]{0,4}){0,3}(?:[a-z][a-z_$]*)?"
CODE_REFERENCE = rf"^{_NAME_PART}(?:\.{_NAME_PART})+$"
# LiteLLM's and similar configs' pointer to an environment variable: ``api_key: os.environ/ANTHROPIC_API_KEY``, and
# the code that reads one (``os.environ['SECRET_KEY']``, ``os.getenv("X", "")``, ``process.env.X``, Ruby's
# ``ENV.fetch('X')``, Java's ``System.getenv("X")``, .NET's ``Environment.GetEnvironmentVariable("X")``), and
# Grafana's provisioning expansions (``$__env{CLICKHOUSE_PASSWORD}``, ``$__file{/run/secrets/pw}``, ``$__vault{…}``).
_ENV_VAR = r"[A-Za-z_][A-Za-z0-9_]*"
ENV_REFERENCE = (
    rf"^(?:os\.environ/{_ENV_VAR}|process\.env(?:\.{_ENV_VAR}|\[['\"]{_ENV_VAR}['\"]\])"
    r"|\$__(?:env|file|vault)\{[^}\s]{1,120}\}?"
    r"|(?:os\.environ(?:\.get)?|os\.getenv|getenv|ENV(?:\.fetch)?|System\.getenv|Environment\.GetEnvironmentVariable|env)"
    rf"[\[(] ?['\"]?{_ENV_VAR}['\"]?(?: ?,[^)\]]*)?[\])])$"
)
# A secret manager's name for a secret, where it lives: GCP's ``projects/p/secrets/name/versions/3``, an AWS
# Secrets Manager ARN.
SECRET_REFERENCE = (
    r"^(?:projects/[^/\s]+/secrets/[^/\s]+(?:/versions/[^/\s]+)?|arn:aws[a-z-]*:secretsmanager:[^\s]+"
    r"|credentialsJSON:[^\s'\"]+|@Microsoft\.KeyVault\([^\s'\"]*)$"  # TeamCity's, App Service's Key Vault reference
    r"|^\$(?:var|res):[A-Za-z0-9_./-]+$"  # Windmill's variable and resource paths
    r"|^@\{[A-Za-z0-9_-]+:[A-Za-z0-9_./-]+\}$"  # Telegraf's secret-store reference (@{store:key})
    r"|^op://[^\s/'\"]+/[^\s'\"]+$"  # 1Password's secret reference (op://vault/item/field)
)
# Terraform's and HCL's reference to where the value comes from: ``data.vault_kv_secret_v2.aws.data["key"]``.
HCL_REFERENCE = r"^(?:var|local|data|module)\.[A-Za-z_][A-Za-z0-9_.\[\]\"-]*$"
# What an audit log writes in place of a secret: HashiCorp Vault's audit device keeps only a keyed
# digest of every value (``hmac-sha256:8e40...``), which reveals nothing without Vault's salt.
KEYED_DIGEST = r"^hmac-sha(?:1|224|256|384|512):[0-9a-f]{16,}$"
# An LDAP password scheme tag cut off before its hash (``userPassword: {CRYPT}$6$...``): the hash's.
SCHEME_TAG = r"^\{[A-Z][A-Z0-9-]*\}?$"
# A YAML tag in place of the value: Ansibles ``password: !vault |`` (the ciphertext follows on the next
# lines), Home Assistants ``!secret db_password``, ``!ENV ${DB_PASS}``: a reference, not the secret.
YAML_TAG = r"^!(?:vault|secret|env|env_var|ENV|Ref|Sub|GetAtt|ImportValue|include|reference)$"  # not "!oWRJvizmp4T"
# Keys a vendor publishes to every browser or app, made to be public (client identifiers, not credentials):
# PostHog's project key ``phc_``, Mapbox's public token ``pk.eyJ…``, Stripe's, Clerk's and Paystack's publishable
# ``pk_live_``/``pk_test_``, Supabase's ``sb_publishable_``, Flutterwave's ``FLWPUBK-``, Square's application id
# ``sq0idp-``, Razorpay's key id ``rzp_live_``. Their secret twins (``sk_live_``, ``phx_``, ``sk.eyJ``,
# ``sb_secret_``, ``FLWSECK-``, ``sq0atp-``) stay secrets. Not every ``pk_`` is public: a courier's API token reads
# ``pk_prod_…`` (a public key is known by its header's name instead, ``x-pub-key``: ``NOT_SECRET_TOKEN``).
PUBLIC_KEY = r"^[\"']?(?:phc_|pk\.eyJ|pk_(?:live|test)_|sb_publishable_|FLWPUBK(?:_TEST)?-|sq0idp-|rzp_(?:live|test)_)"
MASKED = r"^[*.#xX•-]+$"
# A value encrypted where it is stored: useless without a key chwarden never sees (Jenkins' ``{AQAAAB…}``, Sealed
# Secrets' ``AgB…``, SOPS' ``ENC[AES256_GCM,…]``, Ansible Vault, Vault transit's ``vault:v1:``, a KMS blob ``AQICAH…``).
# A cipher's tag before the ciphertext names it too: WebLogic's ``{AES256}``, WebSphere Liberty's ``{aes}``, Jasypt's
# ``ENC(…)`` (``{xor}`` is an encoding anyone reverses: it stays a secret).
CIPHERTEXT = (
    r"^(?:\{AQAAAB[A-Za-z0-9+/=]{20,}\}?|AgB[A-Za-z0-9+/]{100,}|ENC\[[A-Z0-9_]+,|\$ANSIBLE_VAULT;|vault:v[0-9]+:"
    r"|AQICAH[A-Za-z0-9+/]{40,}|\{(?i:aes(?:128|192|256)?(?:-?gcm)?|3des|des3|encrypted|cipher)\}|ENC\([A-Za-z0-9+/=]{16,}"
    r"|!\[[A-Za-z0-9+/=]{16,}\]|![A-Za-z0-9]{40}$)"
)  # and MuleSoft's secure property ``![…]``, Django's unusable password (``!`` and 40 random characters)
# Where a secret lives, not the secret: ``/run/secrets/db_pass``, ``~/.pgpass``, ``./certs/key.pem``.
# Each segment reads as a name (lower case, or one capital then lower case): a base64 value that
# starts with ``/`` has mixed case inside its segments, ``+`` or ``=``, and stays a value.
# A relative path to a file (``sso/okta/ssws-token.gpg``, a ``pass`` store's entry): lower case, a slash, an extension.
# A lookup table's type may lead the path (Postfix's ``lmdb:/etc/postfix/sasl_passwd``, ``hash:/…``).
FILE_PATH = (
    r"^(?:[a-z][a-z0-9]{1,15}:)?(?:~|\.{1,2}|@)?(?:/(?:[a-z0-9._@-]*|[A-Z][a-z0-9._@-]*))+$"  # @/…: Bacula's include
    r"|^[a-z0-9_.-]+(?:/[a-z0-9_.@-]+)+\.[a-z0-9]{2,5}$"
    r"|^keys/[A-Za-z0-9_.@-]+(?:/[A-Za-z0-9_.@-]+)+$"  # a path in Rundeck's key storage: where the value lives
    r"|^file:(?://)?/[^\s]*$"  # a file: URI (``PASSWD_URI = file:/run/secrets/db_password``)
)
TEMPLATE_NAME = "|".join(
    f"(?:{p})"
    for p in (
        CONSTANT_NAME,
        SNAKE_NAME,
        DELIMITED_NAME,
        SHELL_VARIABLE,
        BRACED,
        CODE_REFERENCE,
        ENV_REFERENCE,
        HCL_REFERENCE,
        SECRET_REFERENCE,
        KEYED_DIGEST,
        SCHEME_TAG,
        YAML_TAG,
        PUBLIC_KEY,  # not a name, but never a secret either: every placeholder check skips it
        CIPHERTEXT,  # nor a value kept encrypted
    )
)
_TEMPLATE_NAMES = re.compile(TEMPLATE_NAME)


@dataclass(frozen=True)
class Context:
    """Where a value was found: the text before the match, the whole match, the column's hints."""

    before: str = ""
    match: str = ""
    hints: frozenset[str] = field(default_factory=frozenset)


Validator = Callable[[str, Context], bool]


def shannon_entropy(value: str) -> float:
    """Bits per character; random base64 keys score above 4, words and repeats well below."""
    if not value:
        return 0.0
    counts = Counter(value)
    total = len(value)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


ASCII_RUN = "".join(chr(i) for i in range(32, 127))


def is_sequential(value: str) -> bool:
    """``abcdefgh``, ``12345678`` and long runs of one character are typed, not generated."""
    if len(set(value)) <= 2:
        return True
    if value.isascii():  # a run of the ASCII table, either way (the SQL form of this check)
        return len(value) > 1 and (value in ASCII_RUN or value in ASCII_RUN[::-1])
    steps = [ord(b) - ord(a) for a, b in itertools.pairwise(value)]
    return bool(steps) and (all(s == 1 for s in steps) or all(s == -1 for s in steps))


# A JWT's first part and its dot, nothing after: what a redaction leaves (``eyJhbGciOi...J9.<redacted>``).
JWT_HEADER_ONLY = r"^eyJ[A-Za-z0-9_-]{10,}\.$"


def is_placeholder(value: str) -> bool:
    lower = value.lower().strip("'\"")
    if lower in PLACEHOLDER_VALUES or value in DOCUMENTED_EXAMPLES or re.match(JWT_HEADER_ONLY, value):
        return True
    if _TEMPLATE_NAMES.search(value) or any(run in value for run in MASK_RUNS):
        return True
    return _PLACEHOLDER_WORD.search(lower) is not None or is_sequential(lower)


# Hex digits carry 4 bits at most, so a random hex token scores lower than a random base64 one of its length:
# below 3.5 bits, one random 32-digit token in five (18.8 % of 20,000 drawn; 55 % at 24 digits, 78 % at 20 as
# Pusher's secrets have), below 3.0 one in 6,700 (0.5 % at 24 digits, 2.9 % at 20). A hex value of 20 digits or more
# is held to 3.0: typed repeats (``deadbeef…``, ``0000…1111``) stay below.
HEX_VALUE = r"^(?:[0-9a-f]{20,}|[0-9A-F]{20,})$"
HEX_ENTROPY = 3.0
# A short key is short of symbols to repeat: 4.7 % of random 16-character keys of letters and digits score below
# 3.5 bits, 0.4 % below 3.3 (20,000 drawn; 0.1 % below 3.5 at 20 characters). 16 to 19 letters and digits with
# both cases and a digit are held to 3.3; words made into a key ("SuperSecretKey2024") score about as high either way.
SHORT_KEY = r"^[A-Za-z0-9]{16,19}$"
SHORT_KEY_ENTROPY = 3.3
# The kinds of character a password or a key mixes: lower case, upper case, digits, the rest (``strong_password``);
# a short key holds the first three (``short_key``). One pattern each, as RE2 has no lookahead to join them.
CHARACTER_KINDS = ("[a-z]", "[A-Z]", "[0-9]", "[^A-Za-z0-9]")
KEY_KINDS = CHARACTER_KINDS[:3]


def short_key(value: str) -> bool:
    """``SHORT_KEY`` with a lower-case letter, an upper-case letter and a digit."""
    return re.match(SHORT_KEY, value) is not None and all(re.search(k, value) for k in KEY_KINDS)


@functools.lru_cache(maxsize=4096)
def random_enough(value: str, minimum: float) -> bool:
    """Not a placeholder and random enough (``HEX_ENTROPY`` for a long hex value, ``SHORT_KEY_ENTROPY`` for a
    short key); cached because a leaked key recurs in row after row."""
    if minimum > HEX_ENTROPY and re.match(HEX_VALUE, value):
        minimum = HEX_ENTROPY
    elif minimum > SHORT_KEY_ENTROPY and short_key(value):
        minimum = SHORT_KEY_ENTROPY
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
    # joined the registry since 2020
    "BI": 27, "DJ": 27, "FK": 18, "LY": 25, "MN": 20, "NI": 28, "OM": 23, "RU": 33, "SD": 18, "SO": 23,
    "HN": 28, "YE": 30,
    # not in the registry, yet their banks print IBANs in this form (the West and Central African monetary
    # unions, North Africa, the Indian Ocean, Lusophone Africa, Iran), with the registry's mod-97 check
    "AO": 25, "BF": 28, "BJ": 28, "CF": 27, "CG": 27, "CI": 28, "CM": 27, "CV": 25, "DZ": 26, "GA": 27,
    "GQ": 27, "GW": 25, "IR": 26, "KM": 27, "MA": 28, "MG": 27, "ML": 28, "MZ": 25, "NE": 28, "SN": 28,
    "TD": 27, "TG": 28,
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
    if len(parts) != 3 or token in DOCUMENTED_EXAMPLES:
        return False
    try:
        header, payload = _b64url_json(parts[0]), _b64url_json(parts[1])
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return False
    if not isinstance(header, dict) or "alg" not in header or not isinstance(payload, dict):
        return False
    return not (payload.get("sub") == "1234567890" and payload.get("name") == "John Doe")


def b64_decoded(value: str) -> str | None:
    """Standard or URL-safe base64 as text (invalid UTF-8 replaced), None when it is not base64."""
    try:
        raw = base64.b64decode(value.replace("-", "+").replace("_", "/") + "=" * (-len(value) % 4), validate=True)
    except (ValueError, binascii.Error):
        return None
    return raw.decode("utf-8", "replace")


def basic_auth_valid(value: str, _before: str = "") -> bool:
    decoded = b64_decoded(value)
    if decoded is None or re.search(r"[\x00-\x1f\x7f]", decoded):
        return False
    user, sep, password = decoded.partition(":")
    # A secret key alone: with no colon (MyParcel's ``basic <base64 of the key>``), as the user with no password, the
    # dummy ``X`` (Stripe, Xendit, Midtrans; Freshdesk, Harvest) or ``api_token`` (Toggl), or as the password with no
    # user (``:key``). One test for all three, as the SQL's ``_basic`` writes it.
    if not sep or not user or password in DUMMY_PASSWORDS:
        key = decoded if not sep else user or password
        return len(key) >= KEY_AS_USER and not re.search(r"\s", key) and random_enough(key, 3.5)
    # A public key id as the user (Razorpay's ``rzp_live_…:secret``): the secret after it decides. A placeholder
    # in the user (``board@radio.example``) does not make a key-length password one.
    whole = re.match(PUBLIC_KEY, user) is None and is_placeholder(decoded) and len(password) < KEY_AS_USER
    return not is_placeholder(password) and not whole


KEY_AS_USER = 20  # the shortest user read as a key when Basic auth has no password (``sk_live_…:``)
DUMMY_PASSWORDS = ("", "x", "X", "api_token")  # what follows a key sent as Basic auth's user (Toggl: api_token)


# Words after which a dotted quad is a version: software and release words, alone or naming a role
# ("ClickHouse client 23.8.1.2"). A role word alone is a network role ("from client 203.0.113.5",
# "node 10.0.0.3 joined"): a version only when written as one ("client v1.2.3.4", "agent/1.2.3.4").
_SOFTWARE_WORDS = (
    r"\bv|\bver|version|release|build|firmware|\bfw|\bos|sdk|kernel|chrome|firefox|safari|clickhouse|python|java|"
    r"ruby|php|nginx|apache|openssl|ubuntu|debian|windows|android|ios|macos|library|\blib|package|\bpkg|driver|"
    r"runtime|upgraded to|updated to|downgraded to|linux|darwin|freebsd|centos|rhel|alpine|fedora|\boid|section|"
    r"clause|chapter|§|openjdk|\bjdk|\bjre|erlang|elixir|\botp|keycloak|grafana|kibana|elasticsearch|opensearch|"
    r"postgres|mysql|mariadb|redis|kafka|zookeeper|tomcat|jetty|wildfly|dotnet|\.net|gradle|maven|terraform|"
    r"kubernetes|docker|helm|consul|envoy|istio|traefik|haproxy|caddy|django|rails|laravel|node\.?js|"
    r"torch|cuda|tensorflow|numpy|transformers|vllm|onnx|vrmf"
)
_ROLE_WORDS = r"client|server|agent|\bapp|node|edge"
# A .NET assembly or NuGet package name (``Microsoft.AspNetCore.App 8.0.1.31``): dotted, every part
# capitalised (host names are written in lower case), then the version.
# A package file or directory name joined to its version by a hyphen (``spark-3.5.1.1-amzn-2``).
_PACKAGE_FILE = r"\b[A-Za-z][A-Za-z0-9]+-$"
_PACKAGE_NAME = r"\b[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)+[ /@]v?$"
# A version stamped after a Unix time inside a token (Cloudflare's ``__cf_bm=…-1733212345-1.0.1.1-…``).
_AFTER_TIMESTAMP = r"\b[0-9]{9,11}-$"
# A name then its tag: the dotted quad after the name is a version. The value of a model's, an image's or a
# deployment's key (``"model": "GigaChat-Pro:1.0.26.20"``, ``"engine_id": "davinci-2.0.1.5"``); a container
# image's last path segment (``registry.io/team/api:4.12.0.3``, ``repo/app@1.2.3.4``); a quoted name written as
# a model's, camelCase or a capitalised word and its number (``"GigaChat-Pro:…"``, ``"Llama-3-Instruct:…"``, its
# key cut off the context), not a header's (``"Client-IP:…"``), ``"IPv4:…"`` nor a host alias's (docker's
# ``"db-primary-01:…"``). ``inet addr:10.0.0.5``, ``"client_ip": "81.2.69.142"``, ``ftp://admin@10.0.0.1`` and
# ``X-Forwarded-For: 198.51.100.23`` stay addresses.
_TAGGED_NAME = (
    r"(?i:(?:\b|_)(?:model|image|engine|deployment|checkpoint)(?:[_-]?(?:name|id|tag|ref|version))?\\?[\"']?"
    r"[ \t]*[:=][ \t]*\\?[\"']?[A-Za-z][A-Za-z0-9._/-]{0,40}[:@/-])$"
    r"|[A-Za-z0-9._-]/[A-Za-z0-9._-]{0,40}[A-Za-z][A-Za-z0-9._-]{0,40}[:@]$"
    r"|[\"'][A-Za-z0-9._-]{0,40}(?:[a-z][A-Z]|[A-Z][a-z]{2,}-?[0-9]|[A-Z]{3,}-?[0-9])[A-Za-z0-9._-]{0,40}[:@]$"
)  # bounded repeats: a long run of name characters costs a backtracking engine little
# A product's name and a slash (``Chrome/120.0.6099.109``, ``/releases/1.2.3.4``): a version. A host's name
# (``gateway.acme.internal/10.1.2.3``, with its dots) or a colon (reactor-netty's ``L:/10.0.0.5``, a URL's
# ``http://``) before the slash: an address.
_PRODUCT_SLASH = r"(?:^|[^A-Za-z0-9_.:-])[A-Za-z0-9_-]+/$"
# A Java archive's name, then its version (logback's packaging data: ``~[app-1.2.3.4.jar:1.2.3.4]``).
_ARCHIVE = r"(?i:\.(?:jar|war|ear|aar)(?:!/)?:)$"
# A vendor's word, a product's name or two in capitals, then its version (``Apache NiFi 1.24.0.3``, ``Microsoft SQL
# Server 15.0.2000.5``) of a software vendor, not a network's or a cloud's (``Cisco ASA 10.0.0.1``, ``AWS ALB 10.0.1.5``
# are addresses), nor a camel-cased word alone (``ClientIP 81.2.69.160``).
_VENDOR_PRODUCT = (
    r"(?i:\b(?:apache|microsoft|oracle|ibm|red ?hat|elastic|hashicorp|confluent|cloudera|atlassian|jetbrains|adobe|"
    r"eclipse|mozilla))(?: [A-Z][A-Za-z0-9]{1,20}){1,2} v?$"
)
VERSION_CONTEXT = (
    rf"(?i:(?:{_SOFTWARE_WORDS})(?:[ -](?:{_ROLE_WORDS}))?[ \t=:/_@()\\\"'-]{{0,5}}v?)$|{_VENDOR_PRODUCT}"
    rf"|(?i:(?:{_ROLE_WORDS})[ \t=:_@()-]{{0,3}}v)$|(?i:[0-9a-z]\.)$|{_PRODUCT_SLASH}|{_PACKAGE_NAME}|{_PACKAGE_FILE}"
    rf"|{_AFTER_TIMESTAMP}|{_TAGGED_NAME}|{_ARCHIVE}"
)
# Three single-digit parts first (``1.0.0.12``, ``2.4.1.3``): a version numbering's shape, after any word
# (``bootloader 1.0.0.12``). The few public addresses of that shape are resolvers' (1.1.1.1, 8.8.8.8, 9.9.9.9):
# nobody's personal address.
# And the X.500 directory's arcs (``2.5.4.3`` commonName, ``2.5.29.17`` subjectAltName): an OID in a certificate's
# log line, whatever word comes before it.
SMALL_VERSION = r"^(?:[0-9]\.[0-9]\.[0-9]\.|2\.5\.(?:4|29)\.)"
# A network, not a host: a dotted quad ending in 0 then a prefix length (``10.0.0.0/8``, ``172.16.0.0/12``).
NETWORK_SUFFIX = "/"
# A dotted quad then a port is an endpoint (``host:port``), also after a software's name: a proxy's log names its
# client so (``haproxy: 100.151.74.55:47749``); a version is not written with a port.
ENDPOINT_PORT = ":[0-9]{2,5}$"


VERSION_HINT = "version"
# A key-value table's name column (``key``, ``name``, ``setting``...): it holds names (``keychain:generic-password:…``,
# ``pass:sso/okta/token.gpg``), not assignments; the context (generic) detectors leave it to the value column's pairs.
NAMES_HINT = "names"


def ipv4_valid(value: str, before: str, hints: frozenset[str] = frozenset(), match: str = "") -> bool:
    octets = value.split(".")
    if VERSION_HINT in hints:  # a dotted quad in a version/build column is a version
        return False
    if len(octets) != 4 or any(len(o) > 1 and o.startswith("0") for o in octets):
        return False
    if any(int(o) > 255 for o in octets) or re.match(SMALL_VERSION, value):
        return False
    if re.search(VERSION_CONTEXT, before) and not re.search(ENDPOINT_PORT, match):
        return False
    if octets[3] == "0" and match.endswith(NETWORK_SUFFIX):
        return False
    if match.endswith("+"):  # semver's build metadata: forgejo 1.21.8.5+gitea-1.22.0
        return False
    addr = ipaddress.IPv4Address(value)
    return not (addr.is_unspecified or addr.is_loopback or addr.is_multicast or value.startswith("255."))


# Eight groups of two hex digits: a fingerprint's or an EUI-64's bytes, not an address.
BYTE_PAIRS = r"^(?:[0-9a-fA-F]{2}:){7}[0-9a-fA-F]{2}$"
# A date's last field, a double colon, then a clock: Erlang/OTP writes ``25-Jan-2026::07:39:13`` (its error
# reports, RabbitMQ's and ejabberd's logs), not an address.
CLOCK_AFTER_DATE = r"^[0-9]{1,4}::(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$"


def ipv6_valid(value: str, before: str) -> bool:
    try:
        addr = ipaddress.IPv6Address(value)
    except ValueError:
        return False
    if addr.is_loopback or addr.is_unspecified or before.endswith((":", "::")):
        return False
    groups = [g for g in value.split(":") if g]
    if re.match(BYTE_PAIRS, value) or re.match(CLOCK_AFTER_DATE, value):
        return False
    return len(groups) >= 3 and (value.count(":") >= 7 or "::" in value)


PHONE_CONTEXT = (
    r"(?i)(?:\b(?:tel|mob|cell|sms|fax|call (?:me|us|my [a-z]{2,12})|on call|caller|callfrom|callto)\b|"
    r"phone|fòn|mobile|whatsapp|"
    r"\bsimu\b|courier|skipper|msisdn|contact|reach me|"
    r"\bwa\.me/|\bdestination|\brecipient|"
    r"telefon|handy|rufnummer|anrufen|t[ée]l[ée]phone|\bt[ée]l|portable|tel[ée]fono|m[óo]vil|celular|telefone|cellulare|"
    r"телефон|[Тт]ел[.:]|[Ττ]ηλ(?:[.:]|έφωνο)|számon|\bdst_?addr|номер|telef[oó]n|"
    r"电话|電話|手机|手機|联系|聯繫|携帯|전화|휴대폰|핸드폰|연락처|"
    r"फोन|फ़ोन|मोबाइल|मोबाईल|नंबर|नम्बर|संपर्क|सम्पर्क|selfoon|telepono|mobiel|هاتف|جوال|جوّال|موبايل|تلفون|فون|تلفن|موبایل|"
    r"โทร|เบอร์|มือถือ)[^0-9\n]{0,16}$"
)
# A number named as an identifier, a time or a count (``order #``, ``user_id=``, ``"ts": ``, ``"last_seen_at": ``,
# ``__REALTIME_TIMESTAMP=``, a card payment's retrieval, trace or acquirer reference ``RRN``, ``STAN``, ``ARN``): a
# card- or phone-shaped run there is that, not a card or a phone.
ID_CONTEXT = (
    r"(?i)(?:(?:\b|_)(?:id|u?uid|guid|ts|time|epoch|nanos|micros|millis|offset|seq|sequence|nonce|pid|count|size|bytes)"
    r"|_at|#|\bno\.?|order|invoice|ref|txn|transaction|trace|ticket|build|version|timestamp|\bv|\brrn|\bstan|\barn)"
    r"\\?[\"']?\s*[:=]?\s*\\?[\"']?$"
)
# Digits glued to a letter (``sms-worker-a37449897``) or ending a hyphenated or snake_case identifier
# (``sms-worker-37449897``, ``job_12345678``): part of a name (a pod's, a host's), not a phone number; unless
# what they are glued to is the phone word itself (``Phone07700900123``, ``tel-0151 2345678``).
PHONE_GLUED = r"(?:[A-Za-z0-9][_-]|[A-Za-z])$"
PHONE_WORD_END = r"(?i)(?:tel|fax|mob|cell|sms|phone|mobile|whatsapp|msisdn|telefon|handy|\bwa\.me)[_-]?$"
PHONE_HINT = "phone"
# "00" opening a group of a longer grouped number (``6297 0026 1941 3481 178``, a UnionPay card): no
# international prefix; one follows a word or a clock, not a group of 3 to 5 digits.
# So does a group of an IBAN written in fours (``ES47 0049 4085 …``): its bank code, not a dialling prefix.
DIGIT_GROUP_BEFORE = r"\b[0-9]{3,5}[ .-]$|\b[A-Z]{2}[0-9]{2} (?:[A-Z0-9]{4} )*$"
# A "+" after two more: a Belgian structured communication (``+++090/9337/55493+++``, a transfer's payment reference
# with its own check digits), written between three plus signs, not an international prefix.
PLUS_RUN_BEFORE = r"\+\+$"
# Four numbers of 0-255 between dots and nothing else (``"destination_ip": "185.41.228.7"``): an IPv4 address beside
# a word that also names a phone's field (destination, recipient, contact), not a number written with dots.
DOTTED_QUAD = r"^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$"
# Seven digits: a national number of a country with short numbers (Iceland, Estonia, Panama...),
# valid only in a region the column's own international numbers name (``phone_number_valid``).
NATIONAL_DIGITS_MIN = 7
# (415) 867-5309, (11) 96123-4567, 1-868-620-4417, 1.868.620.4417: written as phone numbers, no context needed
WRITTEN_PHONE = (
    r"\([2-9][0-9]{2}\)[ .-]?[2-9][0-9]{2}[ .-][0-9]{4}|\([1-9][0-9]\) ?[0-9]{4,5}-[0-9]{4}"
    r"|1-[2-9][0-9]{2}-[2-9][0-9]{2}-[0-9]{4}|1\.[2-9][0-9]{2}\.[2-9][0-9]{2}\.[0-9]{4}"
    r"|8 ?\([3-9][0-9]{2}\) ?[0-9]{3}-[0-9]{2}-[0-9]{2}"  # Russian and Kazakh: trunk 8, the code in parentheses
    r"|8-[3-9][0-9]{2}-[0-9]{3}-[0-9]{2}-[0-9]{2}"  # or after a dash, the subscriber's digits still split 3-2-2
)


def said_before(value: str, ctx: Context) -> str:
    """The text before ``value``: the context, then the match up to the value (a header the match began with)."""
    return ctx.before + ctx.match[: len(ctx.match) - len(value)] if ctx.match.endswith(value) else ctx.before


# An HL7 v2 telecom field (XTN: use code, equipment type, e-mail, then country code, area code and local number
# as components, ``^PRN^CP^^1^441^9284755``): the detector's value is ``cc^area^local``; its codes are its context.
XTN_VALUE = r"^([0-9]{0,3})\^([0-9]{0,5})\^([0-9]+)$"
XTN_WITH_COUNTRY = r"^[0-9]{1,3}\^"
# A WhatsApp Cloud API number (``"wa_id": "16505551234"``, a message's ``"to"`` or ``"from"``, a delivery status's
# ``"recipient_id"`` after its ``wamid.``), a Swish payer's (``"payerAlias"``) or an SMS API's recipient field
# (``"toNumber": "573108345192"``, ``from_number``, ``msisdn_num``; not ``phoneNumber``, which beside a dial code holds
# a national number): E.164 without its ``+``; the phone detector's value keeps the field's name, which says so (only
# those alternatives of its value regex keep a name: a value that opens with a quoted name is one of them).
E164_FIELD = r"^(?:wa_id|recipient_id|payerAlias|\\?[\"'][A-Za-z_]{2,20})\\?[\"']"


def xtn_number(value: str) -> str:
    """An XTN's components as a number written out (``+1 441 9284755``, or national ``555 1234567``), an airline
    booking's ``SSR CTCM`` digits (the value keeps their ``/``: country code first, no ``+``) and a WhatsApp number
    (``E164_FIELD``) with their ``+``; else ``value``."""
    if value.startswith("/"):
        return "+" + value[1:]
    if re.match(E164_FIELD, value):
        return "+" + re.sub(r"\D", "", value)
    parts = re.match(XTN_VALUE, value)
    if parts is None:
        return value
    country, area, local = parts.groups()
    return " ".join(p for p in (f"+{country}" if country else "", area, local) if p)


def phone_shape_valid(value: str, ctx: Context) -> bool:
    """What the engine checks: digit count, fiction ranges, and context for national forms."""
    value, written_as = xtn_number(value), value
    telecom = value != written_as  # an XTN's components or a CTCM's digits: their codes are the context
    if re.match(DOTTED_QUAD, value):
        return False
    digits = re.sub(r"\D", "", value)
    international = value.startswith(("+", "00"))
    if international and digits.startswith("00"):
        digits = digits[2:]
    shortest = NATIONAL_DIGITS_MIN - 1 if PHONE_HINT in ctx.hints else NATIONAL_DIGITS_MIN  # GL, FO: six digits
    if not shortest <= len(digits) <= 15 or len(set(digits)) <= 2:
        return False
    national = digits[-10:]
    if national[3:6] == "555" and national[6:8] == "01":  # NANP numbers reserved for fiction
        return False
    said = said_before(written_as, ctx)
    if re.search(ID_CONTEXT, said) or (re.search(PHONE_GLUED, said) and not re.search(PHONE_WORD_END, said)):
        return False
    if value.startswith("00") and re.search(DIGIT_GROUP_BEFORE, said):
        return False
    if value.startswith("+") and re.search(PLUS_RUN_BEFORE, said):
        return False
    written = telecom or re.fullmatch(WRITTEN_PHONE, value) is not None
    return international or written or PHONE_HINT in ctx.hints or re.search(PHONE_CONTEXT, said) is not None


_PHONE_REGIONS = ("US", "GB", "DE", "FR", "IN", "CN", "JP", "BR", "IT", "ES", "NL", "AU", "CA", "MX", "KR", "RU", "PL")
# A column's own countries, named by its international numbers, reach the phone check as hints
# ``region:AR``: national numbers of a Buenos Aires shop's customers are Argentine, although
# Argentina is not among the common regions every national number is tried in.
REGION_HINT = "region:"
COLUMN_REGIONS = 8  # at most this many of a column's own regions, the most frequent first


def _international(value: str) -> str | None:
    return "+" + value[2:] if value.startswith("00") else value if value.startswith("+") else None


def _without_plus(value: str) -> str | None:
    """``value`` as E.164 when it may be one written without its ``+`` (an MSISDN: ``2348031234567``,
    ``447911123456``): 11 to 15 digits, the first not a trunk ``0``. SMS gateways, carriers' APIs and
    subscriber tables write numbers so; libphonenumber reads them only with the ``+``."""
    digits = re.sub(r"[ .-]", "", value)
    return "+" + digits if digits.isdigit() and 11 <= len(digits) <= 15 and digits[0] != "0" else None


@functools.lru_cache(maxsize=4096)
def phone_number_valid(value: str, regions: tuple[str, ...] = ()) -> bool:
    """libphonenumber's verdict: valid in its own country (``+``/``00``), else in one of the common
    regions or of ``regions`` (the column's own), else as an international number without its ``+``
    (``_without_plus``: the value already stands where a phone number is named, ``phone_shape_valid``)."""
    import phonenumbers  # imported on first use: its metadata is not needed by other commands

    international = _international(value)
    text = international or value
    short = sum(c.isdigit() for c in value) < 8  # Iceland's 410 0211: only in the column's own regions
    tried: tuple[str | None, ...] = (None,) if international else regions if short else _PHONE_REGIONS + regions
    attempts = [(text, region) for region in tried]
    plus = None if international else _without_plus(value)
    attempts += [(plus, None)] if plus else []
    for written, region in attempts:
        try:
            number = phonenumbers.parse(written, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
    return False


def region_hints(values: Iterable[str], limit: int = 200) -> frozenset[str]:
    """``region:XX`` hints for the countries a column's international numbers belong to.

    Reads at most ``limit`` international numbers and keeps the ``COLUMN_REGIONS`` most frequent
    countries, so a national number is tried in a bounded number of regions.
    """
    seen: Counter[str] = Counter()
    read = 0
    for value in values:
        text = _international(value)
        if text is None:
            continue
        import phonenumbers  # only once a column holds an international number

        read += 1
        if read > limit:
            break
        try:
            number = phonenumbers.parse(text, None)
        except phonenumbers.NumberParseException:
            continue
        region = phonenumbers.region_code_for_number(number)
        if region and region not in _PHONE_REGIONS and phonenumbers.is_valid_number(number):
            seen[region] += 1
    return frozenset(REGION_HINT + region for region, _ in seen.most_common(COLUMN_REGIONS))


def phone_client_check(value: str, hints: frozenset[str]) -> bool:
    regions = tuple(sorted(h[len(REGION_HINT) :] for h in hints if h.startswith(REGION_HINT)))
    return phone_number_valid(xtn_number(value), regions)


def phone_valid(value: str, before: str, hints: frozenset[str] = frozenset()) -> bool:
    ctx = Context(before=before, hints=hints)
    return phone_shape_valid(value, ctx) and phone_client_check(value, hints)


CARD_BRANDS = (
    r"4(?:[0-9]{15}|[0-9]{18})",  # Visa
    r"5[1-5][0-9]{14}",  # Mastercard
    r"2(?:2[2-9][1-9]|2[3-9][0-9]|[3-6][0-9]{2}|7[01][0-9]|720)[0-9]{12}",  # Mastercard 2-series
    r"3[47][0-9]{13}",  # Amex
    # Diners: 14 digits, 16-19 on the Discover network (3095 too)
    r"3(?:0[0-5]|[689][0-9])[0-9]{11}(?:[0-9]{2,5})?|3095[0-9]{10}(?:[0-9]{2,5})?",
    r"6(?:011|5[0-9]{2}|4[4-9][0-9])[0-9]{12}(?:[0-9]{3})?",  # Discover
    r"35(?:2[89]|[3-8][0-9])[0-9]{12,15}|2131[0-9]{11}",  # JCB: 16-19 digits (15: 2131, and 1800 as UATP's)
    r"62[0-9]{14,17}|81(?:[0-6][0-9]|7[01])[0-9]{12,15}",  # UnionPay (81: the 8100-8171 ranges of 2022)
    r"(?:5[06-9]|6[0-9])[0-9]{10,17}",  # Maestro
    r"220[0-4][0-9]{12,15}",  # Mir
    # national schemes: Uzcard, Humo, Belkart, Troy, mada, GPN, ArCa, Elcart, DinaCard, ПРОСТІР, Borica, BC Card's
    # domestic 94 range
    r"(?:8600|9860|9112|9792|9682|9360|9051|9417|9891|9804|2205|94[0-9]{2})[0-9]{12}",
    r"1[0-9]{14}",  # UATP (airline cards): 15 digits, matched only as written 4-5-6 (and JCB's 1800)
)
CARD_NUMBER = "^(?:" + "|".join(CARD_BRANDS) + ")$"
# Groupings as printed: 4-4-4-4 (and longer: Bancontact's 4-4-4-5), Maestro's 13 digits 4-4-5, Amex/Diners and
# JCB's 15 digits 4-6-5, UATP's 4-5-6 (UATP only: an Amex number grouped so is not a card as printed), UnionPay 6-13,
# and 16 digits as two halves (8-8: a number read out over the phone).
# Separators typed or typeset between groups beyond ASCII ones: no-break, narrow no-break, figure, thin and ideographic
# spaces, en and em dashes, Unicode hyphens, the minus sign, the middle dot, a zero-width space, a soft hyphen and a
# word joiner (one character each).
WIDE_CARD_SEPARATORS = (
    "\u00a0", "\u202f", "\u2007", "\u2009", "\u2013", "\u2014", "\u00b7", "\u2010", "\u2011", "\u2212", "\u3000",
    "\u200b", "\u00ad", "\u2060",
)  # fmt: skip
_WIDE = "|".join(WIDE_CARD_SEPARATORS)
CARD_SEPARATOR = f"(?:[ ._-]| {{2}}| - |{_WIDE})"
CARD_GROUPS = (  # groups of four may also be set apart by dots, underscores, two spaces, " - " or wide separators
    rf"^(?:[0-9]{{12,19}}|[0-9]{{4}}(?:{CARD_SEPARATOR}[0-9]{{4}}){{2,3}}(?:{CARD_SEPARATOR}[0-9]{{1,5}})?"  # one kind
    r"|[0-9]{4}[ -][0-9]{4}[ -][0-9]{5}"
    rf"|[0-9]{{4}}(?:[ ._-]|{_WIDE})[0-9]{{6}}(?:[ ._-]|{_WIDE})[0-9]{{4,5}}"
    r"|1[0-9]{3}[ -][0-9]{5}[ -][0-9]{6}|[0-9]{6}(?:[ -]| - )[0-9]{13}|[0-9]{8}(?:[ -]| - )[0-9]{8}"
    r"|[0-9](?: [0-9]){11,18})$"  # keyed one digit at a time, as an IVR logs the digits it collected
)
IBAN_BEFORE = r"[A-Z]{2}[0-9]{2} ?(?:[A-Z0-9]{4} ?)*$"
# Digits inside an IBAN belong to the IBAN; digits joined to a longer token by a hyphen or ``/`` are a segment of
# it (a UUID's ``cf188363-5043-4588-8326-…``, a base64 key's): neither is a card. Nor is a number after a ``+``
# (``sip:+6285724388062@trunk``, ``tel:+…``): a phone's international form, which can pass Luhn; no card has one.
CARD_BEFORE = IBAN_BEFORE + r"|[0-9A-Za-z][-/]$|\+$"


def card_valid(value: str, before: str) -> bool:
    digits = re.sub(r"\D", "", value)
    if digits in DOCUMENTED_EXAMPLES or not re.fullmatch(CARD_NUMBER, digits):
        return False
    if len(set(re.sub(r"\d", "", value.replace(" - ", "-")))) > 1 or not re.fullmatch(CARD_GROUPS, value):
        return False
    if re.search(CARD_BEFORE, before):  # inside an IBAN or a longer token
        return False
    if digits == value and re.search(ID_CONTEXT, before):
        return False
    return luhn_valid(digits)


EXAMPLE_EMAIL_DOMAIN = r"(?i)@(?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net)|example|localhost|test|invalid|local)$"
# A Kerberos principal names its realm in capitals after a name in lower case (``ride-ops@RIDES.AD``,
# ``HTTP/web@CORP.EXAMPLE``): an account, not a mailbox. An address in capitals throughout is a mailbox written
# so (ASP.NET Identity's ``NormalizedEmail``).
KERBEROS_REALM = r"^[^@\s]*[a-z/][^@\s]*@[A-Z0-9-]*[A-Z][A-Z0-9-]*(?:\.[A-Z0-9-]+)+$"
# an asset, or a systemd unit of a template (``payg-sync@momo.service``): no mailbox
FILE_SUFFIX = r"(?i)\.(?:png|jpe?g|gif|svg|webp|ico|css|js|service|socket|timer|target|mount|slice|scope)$"
URL_USERINFO = r"://[^\s/'\"]*$"  # https://key@sentry.io/1, https://user:pass@host, a decoded p@ss@host
SIP_URI = r"\b(?i:sips?):\+?$"  # sip:+6785913176@pbx.acme.vu: a phone line's address, not a mailbox
# The "local part" starts right after a character e-mail addresses rarely hold but passwords and
# tokens do: the tail of a longer token (a URL's password past the context window), not an address.
LOCAL_PART_CUT = r"[!#$&*^`{|}~][-._+]*$"  # Zj7$-x@cluster0.mongodb.net: a password's tail
# A fediverse handle (``@sigrid@svalbard.social``): an account on a server, written with an ``@`` before its
# name; no mailbox.
FEDIVERSE_HANDLE_BEFORE = r"(?:^|[\s(\[\"'>,;])@$"
# A message's identifier, written as an address (RFC 5322's msg-id ``<id@host>``): after a Message-ID,
# In-Reply-To, References or Content-ID header (``X-Message-Id``, a JSON ``"message_id"``), a ``cid:`` URL, or
# after another msg-id in a References list (``<a@host> <b@host>``; addresses in a list take commas).
MESSAGE_ID_BEFORE = (
    r"(?i)(?:(?:message|msg|content)[_-]?id|in[_-]reply[_-]to|references)\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?<?$"
    r"|\bcid:$|[A-Za-z0-9.-]>\s+<$"
    r"|(?i:(?:message|msg)[_-]?id[\"']?[ \t]*[:=][ \t]*[\"']?<[^\s<>@\"']{1,60}=)$"
)  # Gmail's ``<CAF=abc@mail.gmail.com>``: the id's ``=`` is no local part's start
# An Erlang node's name (Couchbase's ``ns_1@cb-1.internal``, RabbitMQ's ``rabbit@mq-0``) after the word that says
# so: a process on a host, not a mailbox. (Before its process id, ``ns_1@host:<0.42.0>``, the match takes the ``:``.)
ERLANG_NODE_BEFORE = r"(?i:\bnode(?:[ _]?name)?)\s*[:=]?\s*['\"]?$"
EXAMPLE_LOCAL_PARTS = ("user", "username", "name", "email", "someone", "foo", "john.doe", "jane.doe")


# A login after an SSH-family command and its options (``ssh -J jump@bastion.ops.internal``, ``scp -i k.pem
# deploy@host``): a user on a host, not a mailbox.
SSH_LOGIN_BEFORE = (
    r"\b(?:ssh|scp|sftp|rsync|mosh|ssh-copy-id)(?:[ \t]+-{1,2}[A-Za-z][A-Za-z0-9=-]*(?:[ \t]+[^\s@-][^\s@]*)?)*[ \t]+$"
)


def iata_email(value: str) -> str:
    """An address as an airline's booking writes it (``SSR CTCE``: ``//`` for ``@``, ``..`` for ``_``, ``./`` for
    ``-``), decoded; any other value as it is."""
    if "@" in value or "//" not in value:
        return value
    return value.replace("//", "@", 1).replace("..", "_").replace("./", "-")


def email_valid(value: str, before: str, match: str = "") -> bool:
    value = iata_email(value)
    local = value.split("@", 1)[0].lower()
    if re.search(EXAMPLE_EMAIL_DOMAIN, value) or re.search(FILE_SUFFIX, value) or re.search(KERBEROS_REALM, value):
        return False
    # a DSN's key, an SSH remote (git@host:org/repo), an Erlang node before its process id (ns_1@host:<0.42.0>)
    if re.search(URL_USERINFO, before) or ":" in match:
        return False
    if re.search(LOCAL_PART_CUT, before) or re.search(MESSAGE_ID_BEFORE, before) or re.search(SIP_URI, before):
        return False
    if re.search(SSH_LOGIN_BEFORE, before) or re.search(FEDIVERSE_HANDLE_BEFORE, before):
        return False
    return local not in EXAMPLE_LOCAL_PARTS and re.search(ERLANG_NODE_BEFORE, before) is None


# A date (``password_last_set=13/01/2026``, ``pwd_changed=2026-01-13``): when, not what. So is a clock time
# (``12:50:40``, ``09:38:15.059``): ``<password>    12:50:40 AM`` is a placeholder, then the log line's time.
DATE_VALUE = r"^[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}$|^[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]{1,9})?)?$"
# The rest of a URL's query string after a value (``x&next=2``, in markup ``x&amp;next=2``): parameters, not
# one password with an "&".
QUERY_PARAMETER = r"&(?:amp;)?[A-Za-z_][A-Za-z0-9_.-]*="


# A PowerShell cmdlet that reads or builds the password (``$pwd = Read-Host -AsSecureString``, ``$cred =
# Get-Credential``, ``ConvertTo-SecureString``): an approved verb, a hyphen, a capitalised noun. Code, not a value.
POWERSHELL_CMDLET = (
    r"^(?:Add|Approve|Assert|Backup|Block|Build|Checkpoint|Clear|Close|Compare|Complete|Compress|Confirm|Connect|"
    r"Convert(?:From|To)?|Copy|Debug|Deny|Deploy|Disable|Disconnect|Dismount|Edit|Enable|Enter|Exit|Expand|Export|Find|"
    r"Format|Get|Grant|Group|Hide|Import|Initialize|Install|Invoke|Join|Limit|Lock|Measure|Merge|Mount|Move|New|"
    r"Optimize|Out|Ping|Pop|Protect|Publish|Push|Read|Receive|Redo|Register|Remove|Rename|Repair|Request|Reset|Resize|"
    r"Resolve|Restart|Restore|Resume|Revoke|Save|Search|Select|Send|Set|Show|Skip|Split|Start|Step|Stop|Submit|Suspend|"
    r"Switch|Sync|Test|Trace|Unblock|Undo|Uninstall|Unlock|Unprotect|Unpublish|Unregister|Update|Use|Wait|Watch|Write)"
    r"-[A-Z][A-Za-z]*(?:[0-9]+[A-Z][A-Za-z]*)*$"
)


# Lower-case words joined by ``_`` or ``-`` (``change_me``, ``not-set``): a name, not a password.
LOWER_WORDS = r"^[a-z]+(?:[_-][a-z]+)*$"


def password_like(value: str) -> bool:
    """A value that can be a password: not a placeholder, mask, path, URL, call, cmdlet, date or plain word."""
    if is_placeholder(value) or re.fullmatch(MASKED, value) or len(set(value)) <= 3:
        return False
    if re.fullmatch(DATE_VALUE, value) or re.search(QUERY_PARAMETER, value) or re.match(POWERSHELL_CMDLET, value):
        return False
    if re.match(FILE_PATH, value) or "://" in value or "(" in value:
        return False
    return re.fullmatch(LOWER_WORDS, value) is None


# A salt kept beside a password's hash is named after the password (``password_salt=…``, ``lockscreen.password_salt``):
# it is not the password (the hash beside it is ``password_hash``'s). Nor is the address of the page that resets
# one (``forgot_password_url=/auth/forgot``, ``password_reset_link``), nor the name of the scheme that stores one
# (Kentico's ``UserPasswordFormat=SHA2SALT``, ``password_algorithm: argon2id``, ``password_scheme=SSHA``).
NOT_A_PASSWORD_NAME = r"(?i:salt|format|algorithm|algo|scheme|encoding|_(?:url|uri|link|endpoint))\W{0,4}(?:=>|[:=])"
# A hex digest and its salt (Joomla's ``md5:salt``, in the password column of an ``INSERT``) is the password's stored
# hash, not the password.
SALTED_HEX_DIGEST = r"^[0-9a-f]{32}(?:[0-9a-f]{8}|[0-9a-f]{32}|[0-9a-f]{96})?:[A-Za-z0-9./+]{2,50}$"


# What may follow IDENTIFIED BY without being a password: Oracle's hash form and MySQL's generated one.
WORDS_AFTER_IDENTIFIED_BY = ("values", "random")


def identified_password_like(value: str) -> bool:
    """A password after IDENTIFIED BY: Oracle also writes it unquoted, so its keywords are not one."""
    return password_like(value) and value.lower() not in WORDS_AFTER_IDENTIFIED_BY


# A version or an address after "password" is what the sentence is about, not the password: "password v1.2.3".
DOTTED_NUMBER = r"[vV]?[0-9]+(?:\.[0-9]+)+"
# An algorithm's name after "password" names how it is stored, not what it is: "password sha256 hash".
ALGORITHM_NAME = (
    r"(?i)(?:sha|md|sm|aes|rsa|des|crc|utf|base|pbkdf|argon|scrypt|bcrypt|hmac)[-_]?[0-9]+(?:[-_][a-z0-9]+)*"
)


# One word of any script, capitalised or not, maybe ending a sentence ("bloqué", "Passwort", "пароль."):
# what follows "password" in prose about it, not a password. As RE2 writes it (the validating query's).
PLAIN_WORD = r"^\p{L}[\p{Ll}\p{Lo}\p{Lm}]*[.!?]?$"
_WORD_TAIL = frozenset(("Ll", "Lo", "Lm"))


def is_plain_word(value: str) -> bool:
    """``PLAIN_WORD`` in Python (whose ``re`` has no Unicode categories)."""
    body = value[:-1] if value[-1:] in (".", "!", "?") else value
    return (
        bool(body)
        and unicodedata.category(body[0])[0] == "L"
        and all(unicodedata.category(ch) in _WORD_TAIL for ch in body[1:])
    )


# A length a policy asks for, glued to the word in languages written without spaces (``パスワードは8文字以上``,
# ``密码长度为8-20位``, ``비밀번호는 8자리 이상``): a rule, not a password.
LENGTH_RULE = r"[0-9]{1,3}(?:[-~～][0-9]{1,3})?\s*(?:文字|字符|个字符|個字元|字元|位|桁|자리|글자|자)"


def phrase_password_like(value: str) -> bool:
    """In a sentence the next word is often just a word: require more than letters, six characters and
    not an algorithm's name, a version or a policy's length."""
    if len(value) < 6 or re.fullmatch(ALGORITHM_NAME, value) or re.fullmatch(DOTTED_NUMBER, value):
        return False
    if re.match(LENGTH_RULE, value):  # a policy's length, glued to the word
        return False
    return password_like(value) and not is_plain_word(value)


def strong_password(value: str) -> bool:
    """Eight characters or more of three kinds (lower case, upper case, digits, others): a password's shape."""
    kinds = sum(re.search(k, value) is not None for k in CHARACTER_KINDS)
    return len(value) >= 8 and kinds >= 3


# A value ending in a bracket it never opened: the sentence's bracket closes around it (``(cmdline=password is
# $DB_PASSWORD)``, ``[BACKEND: /ocpi/2.2/tokens] the password``), the value is what the bracket held or named.
UNOPENED_CLOSE = r"^[^\[]*\]$|\)$"


# A phrase naming a login, not a password (``the laptop login is now …``, ``log in with …``): a login is also a user
# name, so the value must look like a password on its own.
LOGIN_NAMED = r"^(?i:log-?\s?in)\b"


def phrase_password_valid(value: str, match: str) -> bool:
    """A password in a sentence; one written before the words naming it ("Xk29!mQ7 is my password", the value at
    the match's start) has no word before it vouching for it, so it must look like a password on its own: a
    "jdoe2024" or "SKU-4411" before "is the password" is someone's login or a product, not their password. Nor
    does a login vouch for one. A value after its words that ends in a bracket it never opened ends the sentence's
    bracket (``[your temporary password is umws-punl-wnka64]``): the value is what comes before it."""
    after_words = match.find(value) > 2
    if re.search(UNOPENED_CLOSE, value):
        if not after_words:
            return False
        value = value[:-1]
    vouched = after_words and re.match(LOGIN_NAMED, match) is None
    return phrase_password_like(value) and (vouched or strong_password(value))


# What is not the digest: an LDAP scheme's ``{SSHA}``, a TACACS+ capture's version and sequence (``$c006``).
HASH_TAIL = r"^\{[A-Z0-9]+\}|\$c0[0-9a-f]{2}$"


# The NT hash of the empty password (a pwdump line of an account without one): a well-known constant, no secret.
EMPTY_NT_HASH = "31d6cfe0d16ae931b73c59d7e0c089c0"


def password_hash_valid(value: str) -> bool:
    tail = re.sub(HASH_TAIL, "", value).split("$")[-1]
    if EMPTY_NT_HASH in value:
        return False
    if value.startswith(("$2a$", "$2b$", "$2y$", "$2x$")) and not 4 <= int(value[4:6]) <= 31:
        return False
    return shannon_entropy(tail) >= 3.0 and not is_sequential(tail)


def azure_sas_valid(value: str) -> bool:
    """``sig=`` carries an HMAC-SHA256: 32 bytes, 44 base64 characters once percent-decoded."""
    raw = unquote(value)
    return re.fullmatch(r"[A-Za-z0-9+/]{43}=", raw) is not None and random_enough(raw, 3.5)


# Session cookies by name, also with a ``__Secure-``/``__Host-`` prefix; Shopify's ``_secure_session_id`` and
# Rails' ``_session_id`` hold 32 hex digits, an id's shape, and are sessions by their names.
KNOWN_SESSION_COOKIES = (
    r"(?i)^(?:__(?:secure|host)-)?(?:[a-z0-9_]*sessid|[a-z0-9_.]*sessionid|connect\.sid|sid|"
    r"_?[a-z0-9_]+_session|mrhsession|[a-z0-9_.-]*session[-_.]token|_[a-z]+_sess|rack\.session|laravel_session|"
    r"s?sess[0-9a-f]{32}|wordpress_(?:logged_in|sec)_[0-9a-f]{32}|\.?aspxauth|mmauthtoken|_?oauth2_proxy[a-z0-9_-]*|"
    r"_?pomerium|remember_(?:[a-z]{1,12}_)?token|bitrix_sm_uidh|_?secure_session_id|_session_id|keycloak_identity(?:_legacy)?|"
    r"\.aspnetcore\.(?:cookies|identity\.application)|"
    r"_?forward_auth|[fb]e_typo_user|iplanetdirectorypro|rc_token|__ac|cftoken|simplesamlauthtoken|pveauthcookie|i_like_[a-z]{2,12}|gerritaccount|[a-z_]{0,20}logincookie|"
    r"castgc|mellon-cookie|oamauthncookie[a-z0-9_.:-]*|unifises|semaphore)$"
)
# hapi's iron-sealed cookie (``Fe26.2**…``): a session sealed by the server, whatever the cookie's name.
SEALED_COOKIE_VALUE = "Fe26.2**"
# An id, not a session: a UUID, up to 32 hex digits, or a Twilio resource SID (``MG`` + 32 hex digits).
UUID_OR_HEX = (
    r"(?i)^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{1,32}|[a-z]{2}[0-9a-f]{32})$"
)


COOKIE_NAME_HEAD = r"[A-Za-z0-9_.-]*$"  # the start of a cookie name before the matched sess/sid
# Analytics and consent cookies: a visitor's or a visit's id for Hotjar (``_hjSession_123``, ``_hjSessionUser_123``),
# Google (``_ga``, ``_gid``, ``_gcl_au``), Meta (``_fbp``), Clarity, Bing UET, Matomo (``_pk_ses.1.ab12``), Segment
# (``ajs_*``), Amplitude, Mixpanel, HubSpot, OneTrust and Cookiebot: they sign no one in. A session cookie's name can
# also be any name with ``auth`` or ``token`` when it comes first in a ``Cookie:`` header (Zimbra's ``ZM_AUTH_TOKEN``).
ANALYTICS_COOKIES = (
    r"(?i)^(?:_hj[a-z0-9_]*|_ga(?:_[a-z0-9]+)?|_gid|_gat[a-z0-9_]*|_gcl_[a-z0-9_]+|_fb[pc]|_cl(?:ck|sk)|_uet(?:sid|vid)"
    r"|_pk_(?:ses|id|ref|cvar|hsr)[a-z0-9._]*|ajs_[a-z0-9_]+|amp_[a-z0-9_]*|amplitude_id[a-z0-9_]*|mp_[a-z0-9_]+_mixpanel"
    r"|__hs(?:sc|sr|tc)|hubspotutk|__utm[a-z]|optanon(?:consent|alertboxclosed)|cookieconsent|cookielawinfo[a-z0-9_-]*"
    r"|[a-z0-9_.-]*[cx]srf[a-z0-9_.-]*|[a-z0-9_.-]*consent[a-z0-9_.-]*)$"
)  # and a CSRF token's cookie (``XSRF-TOKEN``, ``csrftoken``): it proves a form came from the site, signs no one in;
# and any consent manager's cookie (``cookieyes-consent``, ``euconsent-v2``, ``cmplz_consent_status``)


# A cookie header makes an id-shaped value a session's only under a name saying so: any name is read in the
# header's first place, ``Cookie: device_id=<uuid>`` is a device's id.
SESSION_WORD = r"(?i)sess|sid|auth|token"
# Three or more short lower-case words joined by dots or hyphens (``jane.doe.writer.2024``): a preference's or a
# name's value, not a session's (``sess_<16 hex>`` is one; Odoo's base64url ids mix cases).
WORDY_COOKIE_VALUE = r"^[a-z]+(?:[._-][a-z0-9]{1,12}){2,}$"
# PHP's session id (26 or 32 lower-case letters and digits, as ``session.sid_length`` and ``sid_bits_per_character``
# make it) under the name an application gives its session (Icinga Web's ``Icingaweb2``, GLPI's ``glpi_<hash>``,
# phpMyAdmin's, Nextcloud's ``oc<id>``): a session wherever a ``Cookie:`` header sends it, whatever the name.
PHP_SESSION_ID = r"^[a-z0-9]{26,32}$"  # with a digit and a letter past f (``php_session_id``)


# A cookie a site's edge sets, long and random but signing no one in: bot management (Cloudflare's ``__cf_bm`` and
# ``cf_clearance``, Akamai's ``_abck``, ``ak_bmsc``, ``bm_sv``, Imperva's, DataDome's, PerimeterX's ``_px*``), load
# balancer stickiness (AWS ``AWSALB*``, F5 ``BIGipServer*`` and its ``TS01…`` policy cookies) and ad cookies (Google's
# ``NID``, ``IDE``, ``__gads``).
MACHINE_COOKIES = (
    r"(?i)^(?:__cf_bm|cf_clearance|__cfruid|_cfuvid|awsalb(?:cors|tg|tgcors)?|awselb(?:cors)?|_abck|ak_bmsc|"
    r"bm_[a-z]{2,4}|datadome|incap_ses_[0-9_]+|visid_incap_[0-9_]+|nlbi_[0-9_]+|reese84|_px[a-z0-9]*|nid|ide|"
    r"__gads|__gpi|__eoi|ts01[0-9a-f]{4,}|bigipserver[a-z0-9_.~-]*)$"
)
# Sixty-four characters and more of a value no one reads (Baidu's ``BDUSS``, Weibo's ``SUB``, Blackboard's
# ``BbRouter``): a signed or encrypted session, whatever the cookie is called. Hex that long is a digest (a SHA-256
# device fingerprint) up to 64 digits; an encrypted ticket beyond (DNN's and ASP.NET's forms tickets, hundreds of
# hex digits).
OPAQUE_SESSION_CHARS = 64
OPAQUE_HEX_DIGITS = 96
OPAQUE_SESSION_ENTROPY = 4.0


def opaque_session_value(value: str) -> bool:
    """Long, very random and not a digest's shape (``OPAQUE_HEX_DIGITS``)."""
    return (
        len(value) >= OPAQUE_SESSION_CHARS
        and (re.match(BARE_HEX, value) is None or len(value) >= OPAQUE_HEX_DIGITS)
        and random_enough(value, OPAQUE_SESSION_ENTROPY)
    )


# A cookie name that says it holds a sign-in: the words of the detector's header alternatives, and the named cookies
# of its first alternative that ``KNOWN_SESSION_COOKIES`` leaves to the pattern (Spring's ``remember-me``, OTRS's,
# Splunk's).
HEADER_SESSION_NAME = (  # ``tk`` as a name's last word: a token's short name (Taobao's and Tmall's ``_m_h5_tk``)
    r"(?i)sess|sid|auth|token|(?:^|[_.-])tk$|credential|cookie|remember|otrs(?:agent|customer)interface|splunkd_"
)


def php_session_id(value: str) -> bool:
    """A digit and a letter past ``f`` (all hex, it is an id's shape: ``Cookie: device=<hex>`` is a device's)."""
    return (
        re.match(PHP_SESSION_ID, value) is not None
        and re.search("[0-9]", value) is not None
        and re.search("[g-z]", value) is not None
    )


def session_cookie_valid(pair: str, before: str) -> bool:
    """A session cookie value: random enough; an id-shaped value only under a cookie name or header; never an
    analytics or consent cookie (``ANALYTICS_COOKIES``). ``before`` ends where the pair starts (a ``Cookie:``
    header the match began with included). In a cookie header, a long and very random value is a session's
    whatever its name (``opaque_session_value``)."""
    tail, _, value = pair.partition("=")
    head = re.search(COOKIE_NAME_HEAD, before)
    name = (head.group(0) if head else "") + tail
    if re.search(ANALYTICS_COOKIES, name) or re.search(WORDY_COOKIE_VALUE, value):
        return False
    header = re.search(r"(?i)cookie", before) is not None
    in_header = header and (re.search(SESSION_WORD, name) is not None or php_session_id(value))
    known = re.search(KNOWN_SESSION_COOKIES, name) is not None or in_header or value.startswith(SEALED_COOKIE_VALUE)
    if header and not known and re.search(HEADER_SESSION_NAME, name) is None:  # a name that says nothing
        return re.search(MACHINE_COOKIES, name) is None and opaque_session_value(value)
    if not random_enough(value, 3.0) or len(value) < 16:
        return False
    return known or re.search(UUID_OR_HEX, value) is None


ASSIGNMENT_INSIDE = r"[=:].*[^=]"
BASE64_PREFIXED = r"^base64:[A-Za-z0-9+/]{32,}={0,2}$"  # a key written so (Laravel's APP_KEY), not an assignment
# A URL's or URI's name, not the ``uri`` inside ``security`` (``gitea:security.SECRET_KEY`` is a key's); a public key
# (a site's reCAPTCHA key, a publishable one, a pub/sub service's publish and subscribe keys, which its clients
# embed: PubNub's secret is the ``sec-c-`` key) and a key of data, not of a lock (partition, routing, cache, object
# keys).
# A count is a name of its own (``retry_count``, ``maxCount``), not the end of "account" (``SERVICE_ACCOUNT_SECRET``).
COUNT_WORD = r"(?:^|[^a-z])count|(?-i:[a-z]Count)"
# So is a file (``password_file``, ``passwordFile``), not the end of a product's name
# (``seafile.conf.database.password``).
FILE_WORD = r"(?:^|[^a-z])file|(?-i:[a-z]File)"
NAMED_SECRET_EXCLUDED = (
    r"(?i)(?:hash|digest|fingerprint|checksum|sha(?:1|256|512)|md5|_id$|\bid$|" + COUNT_WORD + r"|length|"
    r"_len|ttl|expir|timeout|"
    r"days|seconds|minutes|type(?:$|[^a-z])|name|prefix|hint|last4|masked|(?:^|[^a-z])ur[il]|ur[il](?:$|[^a-z])|endpoint|header|path|"
    + FILE_WORD
    + r"|algorithm|algo|"
    r"policy|enabled|rotation|(?:\b|_)(?:min|max)(?:imum)?(?:\b|_)|backend|format|version|created|updated|_at$|strength|required|"
    r"label|description|comment|scope|encrypted|public|publish(?:able|[_.-]?key)|subscribe[_.-]?key|site[_.-]?key|"
    r"idempot|partition|routing|"
    r"sort[_.-]?key|cache[_.-]?key|dedup|object[_.-]?key|primary|foreign|lookup)"
)


# A secret manager's version suffix is not part of the name: ``projects/p/secrets/db-password/versions/3``, nor
# Azure App Configuration's label (``Gateway:OpenAI:ApiKey [label=prod]``).
# The words that say what a value is are at the end of a dotted or pathed name: its last two segments
# (``…sasl.jaas.config.password``: a password, although ``listener.name`` opens it; ``jwt.public.key``: not a secret).
NAME_LEAF = r"[^./:]*(?:[./:][^./:]*)?$"
NAME_VERSION_SUFFIX = r"(?i)/versions/(?:[0-9]+|latest)$|[ \t]*\[label=[^\]]*\]$"
# Names whose value is a password: pass/pwd, one ending in ``auth`` (a Redis AUTH string), not ``oauth``, or
# in ``credential`` (an LDAP bind credential; a JSON credentials file holds assignments and is left alone).
# A name ending in ``secret`` (a RADIUS client's, an EAP or IPsec ``secrets.<id>.secret``) holds a shared secret a
# person chose: read as a password, not held to a random token's length. So is one ending in ``pw`` (OpenLDAP's
# ``rootpw``, nslcd's ``bindpw``, Kamailio's ``DBRWPW``), and SSSD's ``ldap_default_authtok`` (its bind password).
PASSWORD_NAME = r"(?i)pass|pwd|pw(?:\b|_|$)|(?:\b|_)auth$|credentials?$|[._:-]secret$|authtok"


# The SHA-256 digest an API gateway keeps in place of a key, under the key's name: LiteLLM stores and logs
# only sha256(key) as lowercase hex (its spend logs' ``api_key``, its metadata's ``user_api_key``, its
# verification ``token``); the key itself starts with ``sk-`` (``deepseek_api_key`` finds one of 64 hex).
HASHED_KEY_VALUE = r"^[0-9a-f]{64}$"
HASHED_KEY_NAME = r"(?i)(?:\b|_)api_key\b|^\\?\"?(?:hashed_)?token(?:$|\\?\")"
# Tokens that are not credentials, named beside credentials' names: a page cursor's (``next_token`` as AWS
# and Google APIs page), an anti-CSRF token's (Rails' ``authenticity_token``), an idempotency key's; and keys of
# data, not of a lock, in a ``<Word>-Key:`` header (``Idempotency-Key``, ``Routing-Key``, ``Cache-Key``).
# Read in lower case (18.16's regex prefilter takes a required literal case-sensitively, whatever the flags say).
NOT_SECRET_TOKEN = (
    r"(?:page|next|resume|csrf|xsrf|authenticity|cursor|continuation|sync|idempotency)[_-]?token\b"
    r"|\b(?:idempotency|public|pub|cache|sort|primary|partition|routing|dedup[a-z]*|object|foreign|lookup|request|trace|"
    r"correlation|message|license|product|serial)-key\b"
    r"|authorization\W{1,6}client-id "  # Unsplash's and Imgur's scheme: a public client id (the secret stays home)
    r"|authorization\W{1,6}oauth oauth_"  # OAuth 1.0's parameters: a consumer key's id, one request's signature
    r"|authorization\W{1,6}(?:[a-z0-9]+-)?hmac\b"  # an HMAC scheme's key id and signature: one request's, no secret
    # so is a scheme named by its digest (WeChat Pay's ``WECHATPAY2-SHA256-RSA2048``) or signing with its time
    # (Baidu's ``bce-auth-v1/<key id>/<timestamp>/...``)
    r"|authorization\W{1,6}[a-z0-9]+(?:-[a-z0-9]+)*-sha(?:1|256|384|512)\b|authorization\W{1,6}[a-z0-9]+-auth-v[0-9]/"
    # or naming its algorithm first (Coupang's ``CEA algorithm=HmacSHA256, …, signature=…``), or a key id and the
    # request's time in milliseconds or seconds before its signature (Bitso's ``Bitso <key>:<nonce>:<signature>``)
    r"|authorization\W{1,6}[a-z0-9-]+[ \t]+algorithm="
    r"|authorization\W{1,6}[a-z0-9-]+[ \t]+[a-z0-9_-]{2,40}:[0-9]{10,13}(?:$|:)"
    # or, in the form of AWS's first signatures, a key id and one HMAC digest in base64 (20 bytes of SHA-1 or 32 of
    # SHA-256, in 28 or 44 characters with their ``=``): Alibaba's ``OSS``, Qiniu's ``QBox``, UPYUN, Azure ``SharedKey``
    r"|authorization\W{1,6}[a-z0-9-]+[ \t]+[a-z0-9_.-]{2,64}:(?:[a-z0-9+/_-]{27}|[a-z0-9+/_-]{43})=$"
    r"|public[_.-]?api[_.-]?key"  # a public API key (``publicApiKey``, Decidir's, Mobbex's): a browser holds it
)
# The same said before the key's name, a word apart: ``public apikey: …``.
PUBLIC_BEFORE = r"\b(?i:public)[ \t]+$"
# A payment processor's object id under a ``token`` key: a tokenised card (``tok_``), a payment method (``pm_``),
# a source or a setup intent stands for the card and is useless without the account's secret key.
PAYMENT_OBJECT_ID = r"^(?:tok|pm|card|src|btok|seti|ba)_[A-Za-z0-9]{14,}$"


# A key sent in a URL's query string (``&api_key=…``, SerpApi's 64 hex digits) is the key itself: nobody sends a digest.
QUERY_KEY_NAME = r"[?&][A-Za-z_]*api_key="


def hashed_key(value: str, named: str) -> bool:
    """A stored SHA-256 digest of an API key (``HASHED_KEY_NAME`` read in ``named``: a key's name or a match)."""
    return (
        re.match(HASHED_KEY_VALUE, value) is not None
        and re.search(HASHED_KEY_NAME, named) is not None
        and re.search(QUERY_KEY_NAME, named) is None
    )


# A bare ``secret`` set on a config line of its own (a FreeRADIUS client's ``secret = testing123``, a TACACS+ or an
# IPsec peer's): a shared secret a person chose, shorter and less random than a generated key; read as a password
# with a letter and a digit (``secret = changeme``, ``secret = true`` and ``secret = v1.2.3`` are not one).
CONFIG_LINE_SECRET = r"(?:^|\n|\\n)[ \t]*(?i:secret)[ \t]*="
SHORTEST_KEY = 16  # a generated key or token: a shorter value is one only as a chosen secret (CONFIG_LINE_SECRET)


# A random UUID as the credential of an Authorization scheme (``Authorization: Apikey 62d56c74-e667-4cca-…``:
# Meilisearch, Heroku and others issue UUIDs as keys) or under an API or service key's name (``&key=4da80870-…``:
# WorldTides, Helius, Stadia Maps; Netcash's ``ServiceKey=``): 122 random bits, although hex digits and dashes
# score below 3.5 bits a character.
SCHEMED_UUID = (  # (?i:…) around the word only: 18.16 looks for a leading (?i)'s required text case-sensitively
    r"(?:(?i:authorization)\W{1,6}[A-Za-z][A-Za-z0-9_-]{1,30}[ \t]+"
    r"|(?i:api[_.-]?key|auth[_.-]key|access[_.-]key|service[_.-]?key)\W{1,6}|[?&](?i:key)=)"
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"
)


def keyword_secret_valid(value: str, match: str, before: str = "") -> bool:
    """A secret after its keyword: random enough, not the stored digest of an API key, not a token named as
    a cursor's, a CSRF token's or an idempotency key's (``NOT_SECRET_TOKEN``), not the path of the file that
    holds it (``auth_token: /var/lib/…/token``) nor a payment processor's object id (``PAYMENT_OBJECT_ID``)."""
    if re.match(FILE_PATH, value) or re.match(PAYMENT_OBJECT_ID, value):
        return False
    if len(value) < SHORTEST_KEY:
        return re.search(CONFIG_LINE_SECRET, match) is not None and chosen_secret(value)
    return (
        (random_enough(value, 3.5) or re.search(SCHEMED_UUID, match) is not None)
        and not hashed_key(value, before[-1] + match if before.endswith(("?", "&")) else match)  # a query's key
        and re.search(NOT_SECRET_TOKEN, match.lower()) is None
        and re.search(PUBLIC_BEFORE, before) is None
    )


def chosen_secret(value: str) -> bool:
    """A digit and a letter, no version, a password's shape (the SQL's ``_keyword_secret`` tests the same)."""
    has_both = re.search("[0-9]", value) is not None and re.search("[A-Za-z]", value) is not None
    return has_both and re.match(DOTTED_NUMBER, value) is None and password_like(value)


# A password hash named only by its key or column (``password``, ``pwd_hash``, ``user_pass``): a bare hex
# digest (Grafana's PBKDF2 hex), one with its salt and version (Joomla ``md5:salt``, Magento
# ``sha256:salt:1``) or an ASP.NET Identity v2 blob (a 0x00 format byte, salt and subkey: 68 base64
# characters; v3 names itself, ``password_hash``). Not a reset token's, an OTP's or a salt's name.
PASSWORD_HASH_NAME = r"(?i)passw|(?:\b|_)pass(?:\b|_|hash)|pwd|pswd|(?:\b|_)pw(?:\b|_|hash)"
PASSWORD_HASH_NAME_EXCLUDED = (
    r"(?i)token|reset|salt|otp|nonce|code|key|secret|hint|length|policy|expir|" + COUNT_WORD + r"|date|"
    r"time|_at$|algo|type|"
    r"format|rounds|iter|version|url|path|file"
)
HASH_VALUE = (
    r"^(?:[0-9a-fA-F]{32}[0-9a-fA-F]{0,50}[0-9a-fA-F]{0,50}[0-9a-fA-F]{0,30}"
    r"(?:[:$][A-Za-z0-9./+]{1,50}[0-9a-f]{0,30}){0,2}(?::[A-Za-z0-9_]{1,40})?(?: salt=[A-Za-z0-9./+]{1,50}={0,2})?"
    r"|A[A-P][A-Za-z0-9+/]{50}[A-Za-z0-9+/]{13}[AQgw]==)$"
)
# A traditional DES crypt (13 characters of ``./0-9A-Za-z``) reads as a password too: a hash only under a
# name that says so (``password_hash``, ``pw_crypt``), never under a bare ``password``.
DES_CRYPT = r"^[./0-9A-Za-z]{13}$"
# So does a bare base64 digest: 32 bytes (SHA-256, MariaDB's ed25519, Cisco's type 4 in its own alphabet), 64 bytes
# (Firebase's scrypt export, SHA-512), 20 or 16 bytes (SHA-1: PeopleSoft's OPERPSWD; MD5), or Domino's parenthesised
# ``(G…)``/``(H…)``: hashes under a hash's name only.
B64_DIGEST = (
    r"^(?:[+/.0-9A-Za-z]{43}=?|[+/0-9A-Za-z]{43}[+/0-9A-Za-z]{43}==|[+/0-9A-Za-z]{27}=|[+/0-9A-Za-z]{22}=="
    r"|\((?:G[+/0-9A-Za-z]{19}|H[+/0-9A-Za-z]{48,49})\))$"
)
# And, under a hash's name only, shapes too plain to read alone: 16 hex digits (Oracle's DES hash, MySQL's
# OLD_PASSWORD), Neo4j's ``SHA-256,digest,salt,iterations``, Solr's pair of base64 values (digest, salt).
NAMED_DIGEST = (
    r"^(?:[0-9A-Fa-f]{16}|SHA-(?:1|256|512),[0-9A-F]{40}[0-9A-F]{0,88},[0-9A-F]{32},[0-9]{1,7}"
    r"|[+/0-9A-Za-z]{43}= [+/0-9A-Za-z]{43}=|0x[0-9A-Fa-f]{32}|#[0-9a-f]{64}"
    r"|(?:sha1|md5)\$\$[0-9a-f]{32}(?:[0-9a-f]{8})?"
    r"|n[+/.0-9A-Za-z]{5}r[+/.0-9A-Za-z]{5}c[+/.0-9A-Za-z]{4}s[+/.0-9A-Za-z]{5}t[+/.0-9A-Za-z]{5}n)$"
)  # and FreeRADIUS's 0x NT hash, a Redis ACL's #SHA-256, Django's unsalted sha1$$ and md5$$, ScreenOS's n…r…c…s…t…n
HASH_NAME = r"(?i)hash|crypt"
# An environment variable's value is configuration: bare hex under ``JVB_AUTH_PASSWORD`` or ``DB_PASSWORD`` is a
# generated password (``openssl rand -hex 16``), not a stored digest, unless the name says it is one. Read
# case-sensitively: a table's ``password`` column of hex is a legacy digest (MD5 of the password).
ENV_VAR_NAME = r"(?:^|[:./])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$"
DIGEST_NAME = r"(?i)hash|crypt|md5|sha|digest"
BARE_HEX = r"^[0-9a-fA-F]+$"
NAME_ONLY_DIGEST = f"{DES_CRYPT}|{B64_DIGEST}|{NAMED_DIGEST}"  # hash-shaped only under a hash's name
HASH_DIGEST = r"^(?:(?:sha1|md5)\$\$)?[^:$]*"  # the digest before its salt and version (Django's unsalted: after $$)


def named_hash_shaped(name: str, value: str) -> bool:
    """A hash-shaped value under a password's name (``named_password_hash`` decides; ``named_secret`` leaves it)."""
    return (
        re.search(PASSWORD_HASH_NAME, name) is not None
        and re.search(PASSWORD_HASH_NAME_EXCLUDED, name) is None
        and (
            re.match(HASH_VALUE, value) is not None
            or (re.match(NAME_ONLY_DIGEST, value) is not None and re.search(HASH_NAME, name) is not None)
        )
        and not generated_hex(name, value)
    )


def generated_hex(name: str, value: str) -> bool:
    """Bare hex under an environment variable's name that does not say digest: a generated password."""
    return (
        re.match(BARE_HEX, value) is not None
        and re.search(ENV_VAR_NAME, name) is not None
        and re.search(DIGEST_NAME, name) is None
    )


def named_password_hash_valid(pair: str) -> bool:
    """``name\\x1fvalue``: a hash-shaped value under a password's name, its digest random enough."""
    name, _, value = pair.partition("\x1f")
    if not named_hash_shaped(re.sub(NAME_VERSION_SUFFIX, "", name), value):
        return False
    digest = re.match(HASH_DIGEST, value)
    tail = digest.group(0) if digest else value
    return shannon_entropy(tail) >= 3.0 and not is_sequential(tail)


def named_secret_valid(pair: str) -> bool:
    """``name\\x1fvalue``: a password under a password name, a random token under any secret name."""
    name, _, value = pair.partition("\x1f")
    name = re.sub(NAME_VERSION_SUFFIX, "", name)
    if named_hash_shaped(name, value):  # a password hash: named_password_hash's
        return False
    leaf = re.search(NAME_LEAF, name)
    if re.search(NAMED_SECRET_EXCLUDED, leaf.group() if leaf else name) or re.fullmatch(
        r"[0-9.]+|true|false|yes|no|on|off", value.lower()
    ):
        return False
    if re.search(ASSIGNMENT_INSIDE, value) and not re.match(BASE64_PREFIXED, value):  # key=value text: others read it
        return False
    if re.match(SECRET_REFERENCE, value) or hashed_key(value, name):  # where it lives, or a key's digest
        return False
    if re.search(PASSWORD_NAME, name):
        return password_like(value)
    token = value.isascii() and len(value) >= 16 and "://" not in value and not re.match(FILE_PATH, value)
    return token and random_enough(value, 3.5)


def _aws_key_id(value: str) -> bool:
    return "EXAMPLE" not in value and value not in DOCUMENTED_EXAMPLES and not is_sequential(value[4:])


# Checks only Python can make, run on the sampled values of a column (the engine counts the rows).
CLIENT_CHECKS: dict[str, Callable[[str, frozenset[str]], bool]] = {"phone": phone_client_check}

# Validators that read the value alone (not its context, match or hints): a column's repeated value is
# judged once (``verdict.judge_rows`` keeps their answers per column).
_OF_VALUE: dict[str, Callable[[str], bool]] = {
    "none": lambda _v: True,
    "not_placeholder": lambda v: not is_placeholder(v),
    "entropy_3": lambda v: random_enough(v, 3.0),
    "entropy_3_5": lambda v: random_enough(v, 3.5),
    "identified_password": identified_password_like,
    "password_hash": password_hash_valid,
    "aws_key_id": _aws_key_id,
    "github_checksum": github_checksum_valid,
    "jwt": jwt_valid,
    "azure_sas": azure_sas_valid,
    "named_secret": named_secret_valid,
    "named_password_hash": named_password_hash_valid,
    "iban": iban_valid,
}
VALUE_ONLY: frozenset[str] = frozenset(_OF_VALUE)


def _of_value(check: Callable[[str], bool]) -> Validator:
    return lambda value, _ctx: check(value)


VALIDATORS: dict[str, Validator] = {
    **{name: _of_value(check) for name, check in _OF_VALUE.items()},
    "password": lambda v, c: (
        password_like(v) and re.search(NOT_A_PASSWORD_NAME, c.match) is None and re.match(SALTED_HEX_DIGEST, v) is None
    ),
    "basic_auth": lambda v, c: basic_auth_valid(v, c.before),
    "session_cookie": lambda v, c: session_cookie_valid(v, said_before(v, c)),
    "luhn": lambda v, c: card_valid(v, c.before),
    "email": lambda v, c: email_valid(v, c.before, c.match),
    "ipv4": lambda v, c: ipv4_valid(v, c.before, c.hints, c.match),
    "ipv6": lambda v, c: ipv6_valid(v, c.before),
    "keyword_secret": lambda v, c: keyword_secret_valid(v, c.match, c.before),
    "phrase_password": lambda v, c: phrase_password_valid(v, c.match),
    "phone": phone_shape_valid,
}


def validate(name: str, value: str, before: str = "", *, match: str = "", hints: frozenset[str] = frozenset()) -> bool:
    """Run the named validator; documented example values never pass."""
    if value in DOCUMENTED_EXAMPLES:
        return False
    return VALIDATORS[name](value, Context(before=before, match=match or value, hints=hints))
