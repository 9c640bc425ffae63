"""Classes the blind ``unheeded`` corpus split found missed or mis-judged, fixed as classes (as
test_unlisted_classes.py: rows through chwarden's rules here, through both engines' validating queries in
tests/integration/test_discover.py)."""

from __future__ import annotations

import pytest

from tests.unit.test_unlisted_classes import found

# Each positive: (row, detector that must report it).
POSITIVES = [
    # chat markup: Vicuna's and Koala's inline turns, Saiga, Yuan
    ("Prompt: \\nYou are a helpful assistant. USER: How long is the bus to Kazan? ASSISTANT:", "chat_template"),
    ('{"prompt": "BEGINNING OF CONVERSATION: USER: hi there GPT:"}', "chat_template"),
    ("<s>system\\nYou are helpful.</s><s>user\\nHow do I cook it?</s><s>bot\\n", "chat_template"),
    ("</s><s>[USER]I have a job interview tomorrow.[SEP][BOT]", "chat_template"),
    # chat exports: a message's sender (Claude.ai, Zendesk), Intercom's author type
    (
        '{"chat_messages": [{"text": "hi", "sender": "human"}, {"text": "hello", "sender": "assistant"}]}',
        "chat_role_json",
    ),
    ('{"messages": [{"sender": "visitor", "text": "hi"}, {"sender": "bot", "text": "hello"}]}', "chat_role_json"),
    ('{"source": {"type": "conversation", "body": "<p>hi</p>", "author": {"type": "user"}}}', "chat_role_json"),
    # Shona's copula, Kinyarwanda's word
    ("Handikwanise kupinda. Pasiwedhi yangu ndeye Marble504$, ndoita sei?", "credential_phrase"),
    ("Sinshobora kwinjira. Ijambo ry'ibanga ryanjye ni codn-hqto-tfnb20, nakora iki?", "credential_phrase"),
    # cards: " - " between groups, UnionPay 6-13, Elcart
    ("card 4556 - 7375 - 8689 - 9855 please", "payment_card"),
    ("charge the overage to 621000 - 0049077581235 please", "payment_card"),
    ("my card 9417 7331 7535 1265 was charged twice", "payment_card"),
    # hashes: Ruby's scrypt gem, argon2 without its version
    (
        "crypted_password: 400$8$1$23b1bc917c8657a8aa7696502831132020c64152d36da7f254$"
        "0123456789abcdef0123456789abcdef0123456789abcdef",
        "password_hash",
    ),
    (
        '{"password": "$argon2i$m=4096,t=3,p=1$nDRF0PK7twBihetuxZ9SEw$utUsdtcxCcodZpSjczqdDY60oAD1M0ktz/MsFJwjzyE"}',
        "password_hash",
    ),
    # an AWS secret in a Gradle block
    (
        "aws {\\n    accessKey = System.getenv('AWS_KEY_ID')\\n"
        "    secretKey = 'NK5lr7/6OOhbrOUN5vsJBXYSxeplcF1zB/QU5lT/'\\n}",
        "aws_secret_access_key",
    ),
    # Tatar's, Quechua's and Dhivehi's words for the password, with their suffixes
    ("2026/01/14 13:57:33 kid4| Wi-Fi серсүзе: oJQTkOT5szXwkOyiDo", "credential_phrase"),
    ("[c.a.j.rest.v2] Wi-Fi pakasqa simiqa Kitten243?", "credential_phrase"),
    ("WARN ވައިފައި ޕާސްވޯޑަކީ Summer1516!", "credential_phrase"),
    # an API key under a subscription token header or another Authorization scheme
    ("res_pjsip.c: X-Subscription-Token: BSAifSwdDxzQlvE_ZUmo3aNxHymzjqy", "generic_secret"),
    ("pbx.c: Authorization: Token bc36cfe6e67b0d1a328e81f7d763433d1c5fc956", "generic_secret"),
    ("postfix/cleanup[6340]: Authorization: Api-Key 4mP4t0Nx.hqEv3AGPt8clNELxLXYz2Vvv6DEYVfnb", "generic_secret"),
    # pwdump/secretsdump lines, RACF, Yuan's <sep>/<eod>, Chainlit's step types, a PuTTY key file's private lines
    ("Administrator:500:aad3b435b51404eeaad3b435b51404ee:3c9df3e876e83715bb60e6c995ecc613:::", "password_hash"),
    ("RACF hash extracted: $racf$*IBMUSER*D8F9D7FB32C81295", "password_hash"),
    ("Ndingabika sei sadza?<sep>Isa upfu zvishoma nezvishoma.<eod>", "chat_template"),
    (
        '{"steps": [{"type": "system_message", "output": "Be helpful."}, {"type": "user_message", "output": "hi"}]}',
        "chat_role_json",
    ),
    (
        "PuTTY-User-Key-File-3: ssh-ed25519\\nEncryption: none\\nPrivate-Lines: 1\\n"
        "AAAAIHk3Qm9xV2pTeHpMcVJ0Yk5kV3ZMbUhqS2ZQcU5yWnhC",
        "private_key",
    ),
    # a token right after a JSON-escaped line break or tab (once or twice escaped) starts a word
    ('{"m": "aws configure list\\nAKIA4QZ7XK2MB5NPLW3Q set"}', "aws_access_key_id"),
    ('{"m": "keys:\\\\nAKIA4QZ7XK2MB5NPLW3Q"}', "aws_access_key_id"),
    ('{"m": "id\\tAKIA4QZ7XK2MB5NPLW3Q"}', "aws_access_key_id"),
    # a SIP URI's number is a phone
    ('{"msg": "From: <sip:+6785913176@pbx.acme.vu>;tag=as5f2e"}', "phone"),
]

# Each negative: (row, detector that must not report it).
NEGATIVES = [
    ("Host(mq-voice-01) Installation(Installation1) VRMF(9.3.0.6) QMgr(QM_VOICE)", "ipv4"),
    ("##teamcity[setParameter name='env.OPENAI_API_KEY' value='credentialsJSON:9b1f0c2e-openai']", "generic_secret"),
    ('{"msg": "From: <sip:+6785913176@pbx.acme.vu>;tag=as5f2e"}', "email"),
    (
        '{"password": "$argon2i$m=4096,t=3,p=1$nDRF0PK7twBihetuxZ9SEw$utUsdtcxCcodZpSjczqdDY60oAD1M0ktz/MsFJwjzyE"}',
        "password_assignment",
    ),
    ("aws {\\n    secretKey = 'NK5lr7/6OOhbrOUN5vsJBXYSxeplcF1zB/QU5lT/'\\n}", "generic_secret"),
    ("user USER: root logged in", "chat_template"),
    ("Authorization: Token ${API_TOKEN}", "generic_secret"),
    ("Guest:501:aad3b435b51404eeaad3b435b51404ee:31d6cfe0d16ae931b73c59d7e0c089c0:::", "password_hash"),
    ("pakasqa simita qunqanin", "credential_phrase"),
    ('{"role": "customer", "name": "acme"}', "chat_role_json"),
    ("card 4556 - 7375 - 8689 - 9856 please", "payment_card"),  # fails Luhn
    ("token = ENC[AES256_GCM,data:Zm9vYmFyYmF6,iv:abc,tag:def,type:str]", "auth_token_assignment"),
]


@pytest.mark.parametrize(("line", "detector"), POSITIVES)
def test_reported(line: str, detector: str) -> None:
    assert detector in found(line), line


@pytest.mark.parametrize(("line", "detector"), NEGATIVES)
def test_not_reported(line: str, detector: str) -> None:
    assert detector not in found(line), line


@pytest.mark.parametrize(
    "pair",
    [
        "sealedsecret:voice/llm-keys:encryptedData.E2B_API_KEY\x1fAgBpqTq9OWFXj1lXRbIY0/KnU+r7F1jHRF1v/UL67J7U6y+FnA64Z2"
        "krN6DTJdSnVHhtjqSajAqbbeBy6+cJ738R1uMqCzG1DDtZAo9We1/4SAQPZR5uE2oP",
        "jenkins:credentials/system/_/llamacloud-api-key:secret\x1f{AQAAABAAAAAQaHYG+NL70OaPJotYHrDK2geL7L0FeYXFgbPBdi+bb"
        "pHgk7UhXP2zYj8OmmS1XvcA}",
    ],
)
def test_a_value_kept_encrypted_is_no_finding(pair: str) -> None:
    assert found(pair, "named") == {}


def test_a_column_holding_the_issued_key_itself() -> None:
    assert "named_secret" in found("issued_key\x1facme_live_3F5QCe5FmC6OUb7CMYuNjkwyiUrvGmj9", "named")
    assert "named_secret" not in found("issued_key\x1facme_live_7qgE…JNxC", "named")
