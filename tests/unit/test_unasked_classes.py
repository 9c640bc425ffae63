"""Classes the blind ``unasked`` corpus split found missed or mis-judged, fixed as classes (as
test_unheeded_classes.py: rows through chwarden's rules here, through both engines' validating queries in
tests/integration/test_discover.py)."""

from __future__ import annotations

import pytest

from chwarden.discover import load_rules
from chwarden.discover.validators import validate
from tests.unit.test_unlisted_classes import found

# Each positive: (row, detector that must report it).
POSITIVES = [
    # hashes: WebSphere Liberty's {hash}, FortiOS' AK1, Oracle's DES hash under IDENTIFIED BY VALUES
    (
        '<user name="cdradmin" password="{hash}AgAAABTdv1u0+BB9LI6tOY0AE0dcYwm3VQAAACBjE+CLCF+oEPt/QLaHis9jOOZ0yK0gN56'
        '1AAUBROJuvA=="/>',
        "password_hash",
    ),
    (
        'config system admin\\n    edit "admin"\\n        set password ENC '
        "AK1nq5T7ZJxKM1IFbIdGAmaEklUjH6u/JwiSZDUSP8DrPk=",
        "password_hash",
    ),
    ("ALTER USER legacy_cdr IDENTIFIED BY VALUES '708E284C9C7F7143';", "password_hash"),
    (
        "[INF] neo4j:SHA-256,D9BFFCB19A828D3543A30281B22283195A019599701D5F81052C72A0A296FB0D,"
        "8177FABCE508720710D3107796C0AC4C,1024:",
        "password_hash",
    ),
    (
        '"credentials": {"solr": "fHuy9R72qt0ZknRWMalqziUwkiwGshXhMZYNx3ttVBw= '
        'IqcUP8Irk+d0vipZV2yTO0qslzl9HXPeCGPejV55W4o="}',
        "password_hash",
    ),
    ("setAcl /cdr/config digest:super:/MUJcUdcSbouB2Yvck850K/wXHw=:cdrwa", "password_hash"),
    (
        "$s1$0e0801$TbmFHJ9dIXaEEUcu3hJ3MA==$LGHIp2pT8at/mDcZKkE24A6YPFdolEVhiY14+ihqNdqFyTYj2ff77YFi7GBO5vu5nyPlA07kNNaZ",
        "password_hash",
    ),
    # AWS secrets under a Java system property or a Zabbix macro (its value on the next line)
    ('JAVA_OPTS="$JAVA_OPTS -Daws.secretKey=sS4AhRAGf8UXGZZGig6uIh/R5XfL7U+Z6wgPRz9K"', "aws_secret_access_key"),
    (
        "macros:\n  - macro: '{$AWS.SECRET.ACCESS.KEY}'\n    value: 'LO2MPGRbobagYIe0VEaj+xdAzeV/D67GoWkYZ8KO'",
        "aws_secret_access_key",
    ),
    ("macros:\n  - macro: '{$DB.PASSWORD}'\n    value: 'Hq8sLx2Pq9vT'", "password_assignment"),
    # a cookie named with auth or token, first in its Cookie header
    ("Display: Cookie: ZM_AUTH_TOKEN=0_8d798c4b53214482ab2af14f8946582972432844_03436b6a8095a92b", "session_cookie"),
    ("Cookie: access-token=8KfJ2mQx9LwT4vNc8RdP3sHj6ZaGe1Uo; theme=dark", "session_cookie"),
    ("user: hi client_ip=203.0.113.4 session=sess_0123456789abcdef", "session_cookie"),  # not words: a session id
    # a PHP session's serialized password
    ('a:2:{s:5:"email";s:3:"x@y";s:8:"password";s:12:"Khujand3399?";}', "password_assignment"),
    # any Authorization scheme, an x-…-key header
    ("Authorization: DeepL-Auth-Key 2ad040fc-d645-40b7-8c8f-ae76b49e55d0", "generic_secret"),
    ("Authorization: SSWS 00M9TiZDQbJUi8lqiaQeJZ2po9NjNBwKf_n_2PL84n", "generic_secret"),
    ("‹x-gladia-key: f5665517-75c5-41bc-85db-47de83c97753›", "generic_secret"),
    # a NATS nkey seed, a phone with a slash after its country code
    (
        "-----BEGIN USER NKEY SEED-----\nSUSGLI7YFWR2OVWH5MHQINYO34LYOWTTCZCPOCXQHDST5SERBNVDIT7VC3\n"
        "------END USER NKEY SEED------",
        "private_key",
    ),
    ("UT005023: Ntetsetse ho +266/50192644", "phone"),
    # credential phrases: Malagasy, Tajik, Sesotho, Wolof, Samoan, Tetum, Zulu
    ("Ny tenimiafina Wi-Fi dia Mahe1352?", "credential_phrase"),
    ("Рамзи Wi-Fi: bhbi-hbyr-kmhc18", "credential_phrase"),
    ("Phasewete ya ka ke tick-kqdn-gaaa51, ke etse jwang?", "credential_phrase"),
    ("Baatu jàll bu Wi-Fi bi mooy Mbabane5474$", "credential_phrase"),
    ("O la'u upu fa'alilolilo o le Thimphu165!, se a se mea e fai?", "credential_phrase"),
    ("Ita-nia senha foun mak Dili7928?", "credential_phrase"),
    ("Iphasiwedi yakho yesikhashana ngu-A1Yc&o5ljGwcJn", "credential_phrase"),
    # chat markup: Phi-2's Instruct/Output, <s>Human:, Baize's [|Human|], <role> tags
    ("[|Human|]:Firy ora ny dia?[|AI|]:Matetika eo amin'ny valo ka hatramin'ny folo ora.", "chat_template"),
    (
        "<role>SYSTEM</role>Be brief.<role>HUMAN</role>How long is the bus?<role>ASSISTANT</role>Two hours.",
        "chat_template",
    ),
    ("prompt: Instruct: You are a helpful assistant.\\nSummarise this contract.\\nOutput:, config", "chat_template"),
    ("prompt: <s>Human: Why does my script fail?\\n\\nAssistant: </s>, generate config", "chat_template"),
    # chat exports: Inflection's Human items, Vertex's author, Botpress' directions
    ('{"context": [{"type": "Instruction", "text": "Be brief."}, {"type": "Human", "text": "hi"}]}', "chat_role_json"),
    ('{"messages": [{"author": "user", "content": "Summarise this contract."}]}', "chat_role_json"),
    (
        '{"messages": [{"direction": "incoming", "payload": {"type": "text", "text": "hello"}}]}',
        "chat_role_json",
    ),
]

# Each negative: (row, detector that must not report it).
NEGATIVES = [
    ("UT005023: X509v3 extension 2.5.29.17 (subjectAltName) critical=false", "ipv4"),
    ("attribute 2.5.4.3 (commonName) = api.acme.io", "ipv4"),
    # values kept encrypted: WebLogic {AES256}, Liberty {aes}, Jasypt ENC(…)
    (
        "username={AES256}P/E92ijpyfNKIzS7KylCfARvfekrQYRhxPc0CrGGxfu8HI3kmdX22g==\\npassword={AES256}wBnh8iB6EBKnVRgb2"
        "3ffN//obyKA9eeZt7Z8QdT1FZd+BF9JWsvpS8OTHDtbIeExtlKhLC0BEH+pEKOcuXQ=",
        "password_assignment",
    ),
    ('<user name="cdradmin" password="{aes}AZaLECRlaxHzvt2q10Ip8QWuzyrVEGZe25w0aAlb"/>', "password_assignment"),
    ("spring.datasource.password=ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)", "password_assignment"),
    # a Liberty {hash} is a hash, not a password
    (
        '<user name="cdradmin" password="{hash}AgAAABTdv1u0+BB9LI6tOY0AE0dcYwm3VQAAACBjE+CLCF+oEPt/QLaHis9jOOZ0yK0gN56'
        '1AAUBROJuvA=="/>',
        "password_assignment",
    ),
    ("pass:sso/okta/ssws-token.gpg", "credential_phrase"),
    # a cookie's auth/token name only in a Cookie header; a CSRF cookie never
    ("export ZM_AUTH_TOKEN=0_8d798c4b53214482ab2af14f8946582972432844", "session_cookie"),
    ("Cookie: XSRF-TOKEN=8KfJ2mQx9LwT4vNc8RdP3sHj6ZaGe1Uo", "session_cookie"),
    # Bearer and Basic keep their own detectors; Digest holds no reusable secret
    ("Authorization: Bearer 8KfJ2mQx9LwT4vNc8RdP3sHj6ZaGe1Uo", "generic_secret"),
    ("Authorization: Basic ZGVwbG95OlJrN3ZRMnhMbTk=", "generic_secret"),
    ('Authorization: Digest username="deploy", realm="api", nonce="dcd98b7102dd2f0e8b"', "generic_secret"),
    ("Cookie: _ga=GA1.2.1234567890.1700000000; theme=dark", "session_cookie"),
    # load balancers', bot managers' and consent tools' cookies: no session (the corpus' hard negatives)
    ("Cookie: AWSALB=JxzxtSpME8gSZdeRvH+kf67F3anu+TzxBpHcmA4ikvR3Oy6CF; AWSALBCORS=x", "session_cookie"),
    ("[DBG] Cookie: cockpit=dj0yO2s9ODY1MDMwYmRlY2Q1MmQyNTdjM2RmYzM0YWY4MDg3YmY3MzRm", "session_cookie"),
    ("Cookie: device_id=550e8400-e29b-41d4-a716-446655440000", "session_cookie"),
    ("nats account: user public key UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4", "private_key"),
    # a chat template's Jinja source: markup with no conversation (context only, never reported)
    (
        "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] "
        "+ '<|im_end|>' }}"
        "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}",
        "chat_template",
    ),
    # an author or a direction that names no chat role
    ('{"author": "dependabot[bot]", "message": "bump lodash"}', "chat_role_json"),
    ('{"direction": "inbound", "payload": {"type": "text"}}', "chat_role_json"),
]


def test_a_key_value_tables_name_column_holds_names_not_assignments() -> None:
    """``key``/``name``/``setting`` beside a value: context detectors leave it (an ``env`` column may hold a .env)."""
    from chwarden.discover import load_rules
    from chwarden.discover.named import column_hints, names_column
    from chwarden.discover.verdict import RowGroup, judge_rows

    detectors = tuple(d for d in load_rules().detectors if d.scope == "value")
    specific = [d for d in detectors if d.specific]
    rows = [
        "keychain:generic-password:svce=cdr-speechmatics",
        "pass:sso/okta/ssws-token.gpg",
        "db_password: Kq8!vZ2mLp",
        "AKIAZ3MHQW5XKJ7TBRNE",
    ]
    groups = [RowGroup(tuple(range(1, len(detectors) + 1)), (row,), 1) for row in rows]

    def found(column: str) -> set[str]:
        hints = column_hints(column, names_column([column, "value"]))
        return {v.detector.id for v in judge_rows(groups, detectors, hints, specific)[1]}

    assert names_column(["key", "value"]) == "key" and names_column(["id", "name"]) is None  # a value beside it
    assert names_column(["env", "value"]) is None and "names" not in column_hints("name")
    assert found("key") == {"aws_access_key_id"}  # a vendor's key is still its own, wherever it is
    assert {"password_assignment", "aws_access_key_id"} <= found("message") and "password_assignment" in found("env")


# The unbidden split's classes (after its first score): rows through chwarden's rules, and through both engines'
# validating queries in tests/integration/test_discover.py.
UNBIDDEN_POSITIVES = [
    ('prompt: "A chat between a curious human and an AI.###Human: I feel anxious.###Assistant:', "chat_template"),
    (
        '{"input": "<s>Source: system\\n\\n Be brief. <step> Source: user\\n\\n hi <step> Source: assistant"}',
        "chat_template",
    ),
    ('{"chat": [{"by": "you", "message": "hi"}, {"by": "khoj", "message": "hello"}]}', "chat_role_json"),
    (
        '{"payload": [{"content": "hi", "message_type": 0, "sender": {"type": "contact", "id": 9070}}]}',
        "chat_role_json",
    ),
    ("aws:\n  s3_backup:\n    secret_key: 7rT0MP1hOvwFdR+h7gf2D+I3h8VnWR00BmHm0Mxt", "aws_secret_access_key"),
    ("1768633981: Liloba ya sekele ya Wi-Fi ezali Orange5203?", "credential_phrase"),
    ("ዳግማይ ኣቐሚጠዮ፤ ግዜያዊ ምስጢራዊ ቃልካ Nukualofa2661% እዩ", "credential_phrase"),
    ("1768660542: [client.kyc]\n\tkey = AQABi72F4Eb7WM8L54gTC/O6fG9YCrNIXCjAxg==", "generic_secret"),
    (
        "userPassword: {PBKDF2_SHA256}AAB1MDuk6VgwUfD2TJXteV6eQ4qObRqKgC73BWLw3qRwJ+5NyMr52lr8Z2m7jAQ9JsJbij7Ohk",
        "password_hash",
    ),
    ("Authorization: Token token=api_live.MK3S4whW3BC.yMo9-s7ILyeZNkYN2pObbvhkAYIJpKsI", "generic_secret"),
]
UNBIDDEN_NEGATIVES = [
    (
        '[{"name": "OPENAI_API_KEY", "value": "@Microsoft.KeyVault(SecretUri=https://kv-remit.vault.azure.net/secrets/openai/)"}]',
        "generic_secret",
    ),
    (
        "userPassword: {PBKDF2_SHA256}AAB1MDuk6VgwUfD2TJXteV6eQ4qObRqKgC73BWLw3qRwJ+5NyMr52lr8Z2m7jAQ9JsJbij7Ohk",
        "password_assignment",
    ),
]


# The unsought split's classes (after its first score), written here with values of our own.
UNSOUGHT_POSITIVES = [
    # Django's unsalted hashers, FreeRADIUS' NT-Password, a Redis ACL's SHA-256
    ("UPDATE auth_user SET password = 'sha1$$fa5ba5f068e7764cf1fb170a5b4b9759b54852db' WHERE id = 7;", "password_hash"),
    ("legacy md5$$63c755b1a46ce528fa95cb125248402a imported", "password_hash"),
    ('bob  NT-Password := "AA9538BB341DA8605F1327E3E8881983"', "password_hash"),
    (
        "ACL SETUSER billing on #08ad9cfc7fbe8f7301207adf936580f799f9e7f965ff4c420f5c212d379f4f14 ~bill:* +get",
        "password_hash",
    ),
    (  # a users.acl line: the literal "on #" only with 32 hex digits after it ("on #42" is no candidate)
        "user reports on #b3f1b5ecc115813b38b6293476801dc825156e69acdb0744d0b86e8736f5efa2 ~rep:* +@read",
        "password_hash",
    ),
    # chat markups: Phind's headings, DeepSeek-VL2's roles, Idefics2's end of utterance, openPangu's tokens
    ("### System Prompt\nYou are terse.\n\n### User Message\nhi\n\n### Assistant\n", "chat_template"),
    ("Be brief.\n\n<|User|>: hello there\n\n<|Assistant|>: Hi!", "chat_template"),
    ("System: Be brief.<end_of_utterance>\nUser:hi<end_of_utterance>\nAssistant: hello", "chat_template"),
    ("[unused9]系统：Be brief.[unused10][unused9]用户：hi[unused10][unused9]助手：", "chat_template"),
    # help-desk exports' roles: Gorgias' from_agent, Help Scout's createdBy, LiveChat's users
    ('{"data": [{"channel": "chat", "from_agent": false, "body_text": "my order is late"}]}', "chat_role_json"),
    ('{"threads": [{"body": "late again", "createdBy": {"type": "customer", "first": "Ana"}}]}', "chat_role_json"),
    ('{"chat": {"users": [{"id": "u-19", "type": "customer"}, {"id": "a-2", "type": "agent"}]}}', "chat_role_json"),
    # cards grouped by no-break spaces, underscores, or dots in Amex's 4-6-5
    ("card on file 4539\u00a08230\u00a03273\u00a01389 charged twice", "payment_card"),
    ("refund to 6011_3149_9646_7318_797 pending", "payment_card"),
    ("amex 3717.654502.92288 declined", "payment_card"),
    ("NormalizedEmail: ANA.SILVA@CONTOSO.PT", "email"),  # an address in capitals throughout is one
    # phrases: Haitian Creole's modpas, Maori's copula ko, European Portuguese's palavra-passe
    ("Modpas Wi-Fi a se Kq8-vbnm-zxcv12", "credential_phrase"),
    ("Kua tautuhi anō ahau; ko tō kupuhipa rangitahi ko Hq8sLx2Pq9vT", "credential_phrase"),
    ("A sua palavra-passe temporária é Lisboa4821?", "credential_phrase"),
    ("Ez nikarim têkevim. Şîfreya min Qv7-rtpx-kdme41 e, ez çi bikim?", "credential_phrase"),  # Kurmanji: value, copula
    # a public key id as Basic auth's user (Razorpay): its secret is the password; OpenVPN's inline credentials
    ("Authorization: Basic cnpwX3Rlc3RfS3E4bVozclQxdld4WTk6SHE4c0x4MlBxOXZUelI0bU43YkN3Mg==", "basic_auth"),
    ("<auth-user-pass>\nops\nHq8sLx2Pq9vT\n</auth-user-pass>", "password_assignment"),
]
UNSOUGHT_NEGATIVES = [
    ('"token": "tok_Qm3ZcW7yLp2NfXb8RtV1", "last4": "4242"', "auth_token_assignment"),  # a tokenised card
    ("auth_token: /etc/nomad.d/bootstrap.token", "auth_token_assignment"),  # where it lives
    ("scm.git.password=keys/project/billing/git.password", "password_assignment"),  # a key storage path
    ("Summary: svc-backup@CORP.ACME.IO principal renewed (krb5)", "email"),  # a Kerberos principal
    ("UPDATE auth_user SET password = 'sha1$$fa5ba5f068e7764cf1fb170a5b4b9759b54852db';", "password_assignment"),
    ("Ko te kupuhipa ko tēnei", "credential_phrase"),  # a word after the copula
    ("Şîfreya min hatiye guhertin e", "credential_phrase"),  # words before the copula
    ("<auth-user-pass>\nalice\npassword\n</auth-user-pass>", "password_assignment"),  # a placeholder
]


def test_unsought_names_read_a_shared_secret_and_a_named_digest() -> None:
    assert validate("named_secret", "freeradius:clients.ap-3.secret\x1fKigali4821-")  # a shared secret, chosen
    assert not validate("named_secret", "freeradius:clients.ap-3.secret\x1fenabled")  # a word
    named_hash = next(d for d in load_rules().detectors if d.id == "named_password_hash")
    for digest in (
        "0xAA9538BB341DA8605F1327E3E8881983",  # FreeRADIUS' NT hash
        "#08ad9cfc7fbe8f7301207adf936580f799f9e7f965ff4c420f5c212d379f4f14",  # a Redis ACL's SHA-256
    ):
        pair = "password_hash\x1f" + digest
        assert named_hash.regex.search(pair) and validate("named_password_hash", pair)
        assert not validate("named_password_hash", "password\x1f" + digest[:1] + "0" * (len(digest) - 1))


@pytest.mark.parametrize(("line", "detector"), [*POSITIVES, *UNBIDDEN_POSITIVES, *UNSOUGHT_POSITIVES])
def test_reported(line: str, detector: str) -> None:
    assert detector in found(line), line


@pytest.mark.parametrize(("line", "detector"), [*NEGATIVES, *UNBIDDEN_NEGATIVES, *UNSOUGHT_NEGATIVES])
def test_not_reported(line: str, detector: str) -> None:
    assert detector not in found(line), line
