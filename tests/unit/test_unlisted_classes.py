"""Classes the blind ``unlisted`` corpus split found missed or mis-judged, fixed as classes: each class's
positives are reported and its negatives are not (row by row, as ``discover`` reads a value column; the
server's own validation of the same rows is compared in tests/integration/test_unlisted_sql_parity.py)."""

from __future__ import annotations

import functools

import pytest

from chwarden.discover import load_rules
from chwarden.discover.rules import Detector
from chwarden.discover.verdict import RowGroup, row_findings


@functools.cache
def _detectors(scope: str = "value") -> tuple[tuple[Detector, ...], tuple[Detector, ...]]:
    chosen = tuple(d for d in load_rules().detectors if d.scope == scope)
    return chosen, tuple(d for d in load_rules().detectors if d.specific)


def found(line: str, scope: str = "value") -> dict[str, list[str]]:
    """Detector id -> matches with a valid value in one row."""
    chosen, specific = _detectors(scope)
    group = RowGroup(windows=(line,), candidates=tuple(range(1, len(chosen) + 1)), n=1)
    return {chosen[i - 1].id: m for i, m in row_findings(group, chosen, frozenset(), specific).items()}


def iban(country: str, bban: str) -> str:
    """A valid IBAN: the check digits computed (ISO 7064 mod 97-10)."""
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{country}{98 - int(digits) % 97:02d}{bban}"


# Each positive: (row, detector that must report it).
POSITIVES = [
    # a dotted quad after a host name's slash or a colon's: reactor-netty's wiretap, a URL
    ("[ffd00e3a-7, L:/185.100.29.171:52496 - R:llm-gateway.acme.internal/100.102.108.202:443] WRITE", "ipv4"),
    ("GET http://81.2.69.142/healthz", "ipv4"),
    # a password word that inflects (Turkmen, Uyghur), has its own verb (Javanese, Xhosa, Luxembourgish)
    ("Men ony täzeden düzdüm; wagtlaýyn parolyňyz Summer8129!", "credential_phrase"),
    ("Aku ora isa mlebu. Tembung sandhiku m&vPa*iBa!31, kudu piye?", "credential_phrase"),
    ("[15:06:41 WRN] Tembung sandhi Wi-Fi omah yaiku Summer9678", "credential_phrase"),
    ("Igama lam lokugqithisa lithi rhzr-vetn-hxtp39, ndenze njani?", "credential_phrase"),
    ("Igama lokugqithisa le-Wi-Fi lithi Wo!$JIpAjz07n-iI1kV", "credential_phrase"),
    ("يېڭى پارولىڭىز Kashgar6037!", "credential_phrase"),
    ("D'WLAN-Passwuert ass Kitten6058$", "credential_phrase"),
    # IBANs of countries outside the registry whose banks print them
    (f"RIB/IBAN {iban('TG', 'TG0140156596791989361726')}", "iban"),
    (f"IBAN du bénéficiaire : {iban('BJ', 'BJ0610100100144390000769')}", "iban"),
    (f"IBAN {iban('CM', '10005000300000000000123')}", "iban"),
    (f"virement vers {iban('SN', 'SN0100152000048500003035')}", "iban"),
    # chat markup and exports
    ('"prompt": "<|SYSTEM|>You are a helpful assistant.<|USER|>hi there<|ASSISTANT|>"', "chat_template"),
    ("system text<|Human|>: how long to boil?<eoh>\\n<|MOSS|>:", "chat_template"),
    ('{"name": "User", "is_user": true, "is_system": false, "mes": "hello"}', "chat_role_json"),
    # a token given as a command's argument, Fly.io's token with its scheme word
    (
        "modal token set --token-id ak-4vB08HRBuWRNXt1LQf8wVK --token-secret as-Q49rDqy3QnxaqrlaK7gwmU",
        "auth_token_assignment",
    ),
    (
        'FLY_API_TOKEN="FlyV1 fm2_Es5tZvjDNfSS/JTIi8XXh9raMT0WncvMOqeHSOCoaTsd+p+FSgTTW6D8t95Tx"',
        "auth_token_assignment",
    ),
    # API Management subscription keys, deploy keys, LaunchDarkly server-side SDK keys
    ('{"log": "api-subscription-key: sk_gw4z9zb5_t7ButyTKRYzlRvteftf6WGQd"}', "generic_secret"),
    ("Ocp-Apim-Subscription-Key: 7c1f0e9b2a4d4e6f8a0b3c5d7e9f1a2b", "generic_secret"),
    (
        "CONVEX_DEPLOY_KEY='prod:brave-lynx-979|3LlVpg8aO2g363oYn1nFQ4TDOoFzQ1zX9VtWAHd2zJvFLt3Offgl0S1Xf8X'",
        "generic_secret",
    ),
    ('{"field": "sdk_key", "to": "sdk-84e9b43b-cb18-42b8-a366-837a76b77367"}', "generic_secret"),
    # a support bot's transcript: the user's turn as a customer or visitor, the bot's as a (support) bot
    ("Customer: my card got declined twice today\nBot: Let me check the payment for you.", "chat_transcript"),
    ("Visitor: hello there\nSupport bot: how can I help?", "chat_transcript"),
    # passwords on a command line and in a server's log
    ("42 Query\tSET PASSWORD FOR 'rag'@'%' = 'hlqp-ravh-cuho78'", "password_assignment"),
    ('1767664787.116775 [0 unix:/run/redis/redis.sock] "AUTH" "Makeni8775#"', "password_assignment"),
    ("redis-cli -s /run/redis/redis.sock -a 'Kashgar2522#' --no-auth-warning info", "password_assignment"),
    ("docker login -u evals -p 'Makeni1399!' registry.acme.lu", "password_assignment"),
    ('dsn := "evals:Esch6396%21@tcp(mysql-evals:3306)/evals?parseTime=true"', "url_credentials"),
    # hash families: under a password-hash key, MariaDB ed25519, Cisco type 4, $PHPS$, Domino
    (
        '{"passwordHash": "aU/t3aWYHHW5T3Odagj890ligVmC1V2CWZQnFrU75AhNS52WsRlrB4w3i22e1+TgmtOTFY==", "salt": "u9"}',
        "password_hash",
    ),
    (
        "CREATE USER 'rag'@'%' IDENTIFIED VIA ed25519 USING 'SDZqfAbpsbwszDsfrK6pxEd/L98UdTbr3G4do2PNZks';",
        "password_hash",
    ),
    ("username netops privilege 15 secret 4 J9UpMtYjCOVMTGrgxJuoJxbaOPSsFRQHSfq1EPXnMqr", "password_hash"),
    ("42,jos.weber,$PHPS$f677cdcefef6e1$077b39999cf3fceee1b5d840f51e8d3b,2026-01-12", "password_hash"),
    ("HTTPPassword: (GfJKidFZGjSQXmmpS5WK)", "password_hash"),
    ("<_system>Du bass en Assistent.<_user>Ech hu muer en Interview.<_bot>Dat ass ganz normal.", "chat_template"),
    (
        "<human>: Can you help me write an email to my landlord?\n<bot>: Of course. Start by describing it.",
        "chat_template",
    ),
    ("[Round 1]\n\n问：从乌鲁木齐到喀什坐火车要多久？\n\n答：一般十几个小时。", "chat_template"),
    # ArCa cards; groups set apart by dots or two spaces
    ("ArCa 9051-6625-1391-9601", "payment_card"),
    ("Argencard 5011.0569.9734.7487", "payment_card"),
    ("Tarjeta Cencosud 6034  9329  3938  1548", "payment_card"),
]

# Each negative: (row, detector that must not report it).
NEGATIVES = [
    # Erlang/OTP's date and time, not a compressed IPv6 address
    ("=WARNING REPORT==== 25-Jan-2026::07:39:13.260257 ===", "ipv6"),
    ("=INFO REPORT==== 3-Feb-2026::23:09:02 ===", "ipv6"),
    # the RFCs' Basic examples
    ("Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l  (RFC 7617's example)", "basic_auth"),
    ("Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "basic_auth"),
    # a message template's placeholder, its closing brace after the value's characters
    ("[13:26:03 ERR] password={password}", "password_assignment"),
    ('_logger.LogWarning("login failed, password={Password}")', "password_assignment"),
    # a product's version after its slash
    ("Mozilla/5.0 (X11) Chrome/120.0.6099.109 Safari/537.36", "ipv4"),
    ("see /releases/1.2.3.4/notes", "ipv4"),
    # the new words without a password after them
    ("parolni unutdim, yordam bering", "credential_phrase"),
    ("Men parolymy täzeledim we indi girip bilýärin", "credential_phrase"),
    ("the sandhi rules of Sanskrit are complex", "credential_phrase"),
    ("Igama lokugqithisa lithi ntoni? Andiyikhumbuli", "credential_phrase"),
    # a masked SDK key, a client-side id
    ('{"field": "sdk_key", "from": "sdk-****e3c0"}', "generic_secret"),
    # a hash's key is not a password's; a variable or a function in place of the password
    (
        '{"passwordHash": "aU/t3aWYHHW5T3Odagj890ligVmC1V2CWZQnFrU75AhNS52WsRlrB4w3i22e1+TgmtOTFY==", "salt": "u9"}',
        "password_assignment",
    ),
    ("docker login -u evals -p $REGISTRY_PASSWORD registry.acme.lu", "password_assignment"),
    ("DSN=root:${DB_PASS}@tcp(db:3306)/app", "url_credentials"),
    ("client: acme\nmodel: gpt-4o", "chat_transcript"),
    # dotted groups that fail Luhn or a card's ranges
    ("version 2024.0101.1234.5678", "payment_card"),
    ("build 5011.0569.9734.7488", "payment_card"),
    ("Domino (GitHubActionsRunner) done", "password_hash"),
]


@pytest.mark.parametrize(("line", "detector"), POSITIVES)
def test_reported(line: str, detector: str) -> None:
    assert detector in found(line), line


@pytest.mark.parametrize(("line", "detector"), NEGATIVES)
def test_not_reported(line: str, detector: str) -> None:
    assert detector not in found(line), line


def test_an_azure_app_configuration_label_is_not_part_of_the_name() -> None:
    value = "sk-wLrlmWTdzLPZq2mgFuzn3ijV5b89M6wYCn24d8IW1H92Q7fX"
    assert "named_secret" in found(f"ChatGateway:Moonshot:ApiKey [label=prod]\x1f{value}", "named")
    assert "named_secret" in found(f"ChatGateway:Moonshot:ApiKey\x1f{value}", "named")
    assert "named_secret" not in found(f"ChatGateway:Moonshot:ApiKeyLabel\x1f{value}", "named")


@pytest.mark.parametrize(
    "digest",
    [
        "H2yzMOS9Hp1aF.UpCbMiTVyyAluWqQr9RUYj/kiH8qa",  # Cisco type 4
        "NNfZ+2e24KJiXYVm2qAaH3WKiHmxwPKYl7jaiLNGB/Y",  # MariaDB ed25519
        "HAaDA8+c40ynvAUv1v7AoDzUGOFTdYLfYqdj7nwDf/DhvnP/zB8KKlYX3dbHS1yZSQJ0OgCTOfwG3E8d6fTDYw==",  # Firebase scrypt
        "(GZLrohvvY7cYEnWKs0BJ)",  # Domino 6
    ],
)
def test_a_bare_base64_digest_is_a_hash_under_a_hash_name_only(digest: str) -> None:
    assert "named_password_hash" in found(f"password_hash\x1f{digest}", "named")
    assert "named_password_hash" not in found(f"password\x1f{digest}", "named")  # a generated password's shape too
