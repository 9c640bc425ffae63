"""The detector catalogue and its validators (pure logic; engines are in test_discover.py)."""

from __future__ import annotations

import json
import re
import time

import pytest
from pydantic import ValidationError

from chwarden.discover.coarse import coarse
from chwarden.discover.rules import Detector, RuleSet, load_rules, readable, select_detectors
from chwarden.discover.sql import alternatives
from chwarden.discover.validators import (
    base62_crc32,
    card_valid,
    github_checksum_valid,
    iban_valid,
    ipv4_valid,
    is_placeholder,
    jwt_valid,
    luhn_valid,
    phone_valid,
    region_hints,
    shannon_entropy,
)
from chwarden.discover.verdict import Group, RowGroup, judge, judge_rows, redacted_example, row_findings

DETECTORS = load_rules().detectors
SPECIFIC = [d for d in DETECTORS if d.category == "secret" and not d.generic]


def _valid_matches(d: Detector, text: str) -> list[str]:
    """What the Python rules find for ``d`` in ``text`` (the path every candidate row takes)."""
    return row_findings(RowGroup((1,), (text,), 1), [d], frozenset(), SPECIFIC).get(1, [])


def test_catalogue_size_and_categories() -> None:
    secrets = [d for d in DETECTORS if d.category == "secret"]
    assert len(secrets) >= 30
    assert {d.category for d in DETECTORS} == {"secret", "personal", "conversation"}
    assert {"email", "ipv4", "ipv6", "phone", "payment_card", "iban"} <= {d.id for d in DETECTORS}


@pytest.mark.parametrize("detector", DETECTORS, ids=lambda d: d.id)
def test_example_is_found_and_negatives_are_not(detector: Detector) -> None:
    assert _valid_matches(detector, detector.example), detector.example
    assert detector.negatives, "every detector needs hard negatives"
    for negative in detector.negatives:
        assert _valid_matches(detector, negative) == [], negative


@pytest.mark.parametrize("detector", [d for d in DETECTORS if d.keywords], ids=lambda d: d.id)
def test_every_match_holds_a_keyword(detector: Detector) -> None:
    matches = list(detector.regex.finditer(detector.example))
    assert len(matches) >= 1  # the example matches, so the loop checks something
    for m in matches:
        text = m.group(0) if detector.keywords_case_sensitive else m.group(0).lower()
        keys = detector.keywords if detector.keywords_case_sensitive else [k.lower() for k in detector.keywords]
        assert any(k in text for k in keys)


@pytest.mark.parametrize("detector", DETECTORS, ids=lambda d: d.id)
def test_redacted_example_hides_the_value(detector: Detector) -> None:
    m = detector.regex.search(detector.example)
    assert m is not None
    value = detector.secret_of(m.group(0))
    shown = redacted_example(detector, m.group(0))
    assert "redacted, sha256:" in shown
    if len(value) >= 8:
        assert value not in shown


def test_luhn_iban_and_cards() -> None:
    assert luhn_valid("4556737586899855") and not luhn_valid("4556737586899856")
    assert card_valid("4556 7375 8689 9855", "") and not card_valid("4111111111111111", "")
    assert not card_valid("42262356-3381-4167", "")  # UUID digits, Luhn-valid by chance
    assert iban_valid("DE44 5001 0517 5407 3249 31")
    assert not iban_valid("DE44 5001 0517 5407 3249 32")
    assert not iban_valid("DE89370400440532013000")  # documented example


def test_github_checksum() -> None:
    body = "a" * 10 + "B" * 10 + "c1" * 5
    token = "ghp_" + body + base62_crc32(body)
    assert github_checksum_valid(token)
    assert not github_checksum_valid(token[:-1] + ("A" if token[-1] != "A" else "B"))


def test_entropy_placeholders_and_context_validators() -> None:
    assert shannon_entropy("aaaaaaaa") == 0.0 and shannon_entropy("aB3$xZ9q") == 3.0
    assert is_placeholder("YOUR_API_KEY") and is_placeholder("${TOKEN}") and is_placeholder("abcdefgh")
    assert not ipv4_valid("10.2.3.4", "upgraded to version ")
    assert ipv4_valid("81.169.145.23", "login from ")
    assert not phone_valid("(415) 555-0123", "call ")  # reserved for fiction
    documented = (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
        ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    )
    assert not jwt_valid(documented)


def test_rules_model_rejects_unportable_patterns() -> None:
    base = json.loads(Detector.model_validate(DETECTORS[0].model_dump()).model_dump_json())
    for bad in ({"pattern": "x[a-z]{51}"}, {"pattern": "(a)b"}, {"validator": "nope"}, {"value": "no group"}):
        with pytest.raises(ValidationError):
            Detector.model_validate({**base, **bad})
    with pytest.raises(ValidationError):
        RuleSet.model_validate({"version": 1, "detectors": [base, base]})


def test_select_detectors() -> None:
    assert select_detectors(("email", "jwt"))[1].id == "jwt"
    with pytest.raises(ValueError, match="unknown detector"):
        select_detectors(("nope",))


def _by_id(detector_id: str) -> Detector:
    return next(d for d in DETECTORS if d.id == detector_id)


def test_judge_counts_are_exact_sums_of_server_counts() -> None:
    """The server validated every row: counts are sums, never scaled from the sampled fragments."""
    email, phone = _by_id("email"), _by_id("phone")
    groups = [
        Group(hits=(), n=900),
        Group(hits=(1,), n=70, samples=(("to anna.k@gmx.de",), ())),
        Group(hits=(1, 2), n=30, samples=(("mail li.wei@qq.com",), ("call +49 151 23456789",))),
    ]
    rows, verdicts = judge(groups, [email, phone])
    assert rows == 1000
    assert [(v.detector.id, v.rows_matched) for v in verdicts] == [("email", 100), ("phone", 30)]
    assert all("anna" not in e and "li.wei" not in e for e in verdicts[0].examples)
    # libphonenumber has the last word on phones: shape-valid but unassigned numbers are not reported
    fake = [Group(hits=(1,), n=5, samples=(("call +49 000 00000000",),))]
    assert judge(fake, [phone])[1] == []


def test_judge_rows_counts_each_row_once_and_lets_the_specific_detector_name_a_value() -> None:
    key = "sk-proj-" + "Xk29mQpL7vWnR4tY8uI1oP3aS5dF6gH7jK9lZ0xC2vB4nM6qW8e"
    ordered = [_by_id("openai_project_key"), _by_id("bearer_token"), _by_id("email")]
    groups = [
        RowGroup((), (), 5000),
        RowGroup((1, 2), (f"Authorization: Bearer {key}",), 7),
        RowGroup((2, 3), ("Authorization: Bearer Zx81kPq02LmNa7Vb3CdEfGh anna.k@gmx.de anna.k@gmx.de",), 3),
        RowGroup((3,), ("contact user@example.com",), 11),
    ]
    rows, verdicts = judge_rows(groups, ordered, frozenset(), SPECIFIC)
    assert rows == 5021
    assert {v.detector.id: v.rows_matched for v in verdicts} == {"openai_project_key": 7, "bearer_token": 3, "email": 3}
    again = judge_rows(list(reversed(groups)), ordered, frozenset(), SPECIFIC)[1]
    assert [v.examples for v in again] == [v.examples for v in verdicts]  # the same on every run


@pytest.mark.parametrize(
    ("pair", "expected"),
    [
        ("velero:cloud.aws_secret_access_key\x1fMZpZLX9zisqPb5Q48VBbYC9SU/z0FiIH0lcrIBLB", {"aws_secret_access_key"}),
        ("wazuh:authd.pass\x1fyYUMFB2IqPk3vpwFZE", {"named_secret"}),
        ("stripe_secret_key\x1fMZpZLX9zisqPb5Q48VBbYC9SU/z0FiIH0lcrIBLB", {"named_secret"}),
    ],
)
def test_a_key_value_tables_aws_secret_is_reported_as_the_aws_detector(pair: str, expected: set[str]) -> None:
    """One verdict per value: the key names the value as an AWS secret access key, the most specific detector."""
    ordered = [_by_id("named_secret"), _by_id("named_password_hash"), _by_id("named_aws_secret_access_key")]
    _, verdicts = judge_rows([RowGroup((1, 2, 3), (pair,), 1)], ordered, frozenset(), SPECIFIC)
    assert {v.detector.reported_id for v in verdicts} == expected


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("slack_bot_token=xoxp-284324463658-670039186762-UqWmuwwDW37Q3Ny3RyfB7p11", {"slack_token"}),
        (
            "token xoxp-284324463658-670039186762-UqWmuwwDW37Q3Ny3RyfB7p11 paid with 4556 7375 8689 9855",
            {"slack_token", "payment_card"},
        ),
    ],
)
def test_a_personal_value_inside_a_specific_secret_is_that_secret(row: str, expected: set[str]) -> None:
    """A card-like run inside a Slack token is the token's (in Python and in the validating query);
    the same number elsewhere in the row is still a card."""
    ordered = [_by_id("slack_token"), _by_id("payment_card"), _by_id("phone")]
    _, verdicts = judge_rows([RowGroup((1, 2, 3), (row,), 1)], ordered, frozenset(), SPECIFIC)
    assert {v.detector.id for v in verdicts} == expected
    assert _by_id("payment_card").yields_to_specific and not _by_id("slack_token").yields_to_specific


@pytest.mark.parametrize(
    ("escaped", "plain"),
    [
        (r"tu contrase\u00f1a es Xk29mQpL7", "tu contraseña es Xk29mQpL7"),
        (r"\u5bc6\u7801\u662f Xk29mQpL7", "密码是 Xk29mQpL7"),
        (r"emoji \ud83d\ude00 and \uD83D\uDE00", "emoji 😀 and 😀"),
        (r"a lone \ud83d stays", r"a lone \ud83d stays"),
        (r"Go: \u003cpassword\u003e \u0026 more", "Go: <password> & more"),
        ("no escapes at all", "no escapes at all"),
        (r"Python's \U0001f600 is not JSON's", r"Python's \U0001f600 is not JSON's"),
        (r"CEF msg=password\=Xk29mQpL7 src\=gw", "CEF msg=password=Xk29mQpL7 src=gw"),
        (r"contrase\u00f1a\=Xk29mQpL7", "contraseña=Xk29mQpL7"),
        # bytes escaped as Redis MONITOR, Python bytes reprs and C logs print them
        (r'"\xe5\xaf\x86\xe7\xa0\x81\xe6\x98\xaf Xk29mQpL7"', '"密码是 Xk29mQpL7"'),
        (r"contrase\xC3\xB1a: Xk29mQpL7", "contraseña: Xk29mQpL7"),
        (r"binary \xff\xfe\x00 and \x41 stay", r"binary \xff\xfe\x00 and \x41 stay"),
    ],
)
def test_readable_decodes_json_escapes(escaped: str, plain: str) -> None:
    assert readable(escaped) == plain


@pytest.mark.parametrize(
    ("row", "found"),
    [
        (r'{"log": "tu contrase\u00f1a temporal es Vq8mZ3rT1vWx\n"}', True),
        (r'{"log": "\u30d1\u30b9\u30ef\u30fc\u30c9\u306f 5n0UykWzHsyZ \u3067\u3059"}', True),
        (r'{"msg": "\u041f\u0430\u0440\u043e\u043b\u044c: Vq8mZ3rT1vWx"}', True),
        (r'{"msg": "\u5bc6\u7801\u9519\u8bef\uff0c\u8bf7\u91cd\u8bd5"}', False),  # "wrong password, retry"
        (
            r'1768742032.908060 [2 lua] "SET" "note" "\xd0\x9f\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbb\xd1\x8c: Vq8mZ3rT1vWx"',
            True,
        ),
        (r'"LPUSH" "q" "\xe5\xaf\x86\xe7\xa0\x81\xe9\x94\x99\xe8\xaf\xaf"', False),  # "wrong password"
    ],
)
def test_a_credential_phrase_in_ascii_only_json_is_found(row: str, found: bool) -> None:
    """JSON encoders and byte-escaping printers that escape everything outside ASCII hide non-ASCII
    keywords: the escaped forms make the row a candidate (in the engine), chwarden reads it decoded."""
    phrase = _by_id("credential_phrase")
    assert re.search(phrase.necessary, row)
    _, verdicts = judge_rows([RowGroup((1,), (row,), 1)], [phrase], frozenset(), SPECIFIC)
    assert bool(verdicts) is found


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "Cookie: _ga=GA1.2.85100512.92565586; __Secure-next-auth.session-token=Vb7QmX2kLp9RzT4nWc8sHd3Jy6Fg",
            "session_cookie",
        ),
        ('{"session_token": "Vb7QmX2kLp9RzT4nWc8sHd3Jy6Fg"}', "auth_token_assignment"),
        ("access_token=Vb7QmX2kLp9RzT4nWc8sHd3Jy6Fg&expires_in=3600", "auth_token_assignment"),
    ],
)
def test_a_token_named_cookie_is_a_session_cookie(row: str, expected: str) -> None:
    """Two context detectors, one value: the cookie context names it (``yields_to``), in JSON the token one."""
    ordered = [_by_id("session_cookie"), _by_id("auth_token_assignment")]
    _, verdicts = judge_rows([RowGroup((1, 2), (row,), 1)], ordered, frozenset(), SPECIFIC)
    assert [v.detector.id for v in verdicts] == [expected]


# Each class issue 16 names or a split showed, with its false alarms: (detector, text, found).
ISSUE_16_CASES = [
    ("password_hash", "$2y$10$" + "a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ./AbCdEfGhIjKlMnOp"[:53], True),
    (
        "password_hash",
        "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$" + "R9h/cIPz0gi+URNNX3kh2OPST9/PgBkqqu",
        True,
    ),
    ("password_hash", "$6$rounds=656000$Kq8mZ3rT1vWxY9aB$" + "x" * 86, False),  # no hash, a placeholder
    ("password_hash", "werkzeug pbkdf2:sha256:600000$Kq8mZ3rT$" + "3f2b8c1e9d4a4b7e8f216c5d9e0a1b2c" * 2, True),
    ("azure_sas_token", "?sv=2022-11-02&sp=r&sig=kq8Zt3mN1vWxR9aBcD2eF%2BGhIjKlMnOpQrStUvWxYz4%3D", True),
    (
        "azure_storage_connection_string",
        "AccountKey=" + "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
        False,
    ),
    ("session_cookie", "Set-Cookie: myapp_session=Zx81kPq02LmNa7Vb3CdEfGhIjKl; Path=/", True),
    ("session_cookie", "cookie: connect.sid=s%3AZx81kPq02LmNa7Vb3CdE.fGhIjKlMnOpQrStUv", True),
    ("session_cookie", "chat session_id=3f2b8c1e-9d4a-4b7e-8f21-6c5d9e0a1b2c opened", False),
    ("ipv4", "ClickHouse 24.3.1.2871 started", False),
    ("ipv4", "okhttp build=7.52.0.1", False),
    ("ipv4", "client v1.2.3.4 connected", False),
    ("ipv4", "login from 81.169.145.23", True),
    ("email", "https://3f2b8c1e9d4a@o44123.ingest.sentry.io/551", False),
    ("email", "git@github.com:org/repo.git", False),
    ("payment_card", "UnionPay 6212 3456 7890 1234 569", True),
    ("payment_card", "JCB 3530111333300000", False),  # a documented test number
    ("payment_card", "Amex 3782 822463 10005", False),
    ("payment_card", "payout to DE44 5001 0517 5407 3249 31 scheduled", False),
    ("iban", "payout to DE44 5001 0517 5407 3249 31 scheduled", True),
    ("phone", "联系电话：13812345678", True),
    ("phone", "order id 13812345678", False),
    ("phone", "0151 23456789", False),  # a national number needs context
    ("password_assignment", "password=%(password)s", False),
    ("password_assignment", "password: {{ db_password }}", False),
    ("password_assignment", "DB_PASSWORD=$DB_PASSWORD", False),
    ("password_assignment", "clickhouse-client --password Xk29mQpL7vWn", True),
    ("credential_phrase", "我的密码是Xk29mQpL7", True),
    ("credential_phrase", "the password is incorrect", False),
    ("bearer_token", "Authorization: Bearer sk-proj-Xk29mQpL7vWnR4tY8uI1oP3aS5dF6gH7jK9lZ0xC2vB4nM6q", False),
    ("clickhouse_cloud_key", "CLICKHOUSE_KEY_SECRET=4b1dKq8Zt3mN1vWxR9aBcD2eFGhIjKlMnOpQrStUvW", True),
    # JSON inside another format: quotes escaped (logfmt, a JSON string) or doubled (CSV)
    ("auth_token_assignment", r'msg="{\"refresh_token\": \"Zq7LmW2vXk9RtB4nYp8sHc3D\"}"', True),
    ("auth_token_assignment", 'web,"{""access_token"": ""Zq7LmW2vXk9RtB4nYp8sHc3D""}"', True),
    ("generic_secret", r'body="{\"client_secret\": \"Hq3VnX8kLm2PzR7tWc5YbJ9s\"}"', True),
    ("generic_secret", 'ingest,"{""api_key"": ""Hq3VnX8kLm2PzR7tWc5YbJ9s""}"', True),
    ("aws_secret_access_key", '"{""aws_secret_access_key"": ""Hq3VnX8kLm2PzR7tWc5YbJ9sQa4Ue6Io0Pd1Fg2H""}"', True),
    ("password_assignment", r'msg="{\"user\": \"a.lee\", \"password\": \"vy7Q-kpLm-83zr\"}"', True),
    ("password_assignment", '"{""user"": ""a.lee"", ""password"": ""vy7Q-kpLm-83zr""}"', True),
    ("password_assignment", r'msg="{\"password\": \"${DB_PASSWORD}\"}"', False),
    # a number named as an identifier or a time is not a card, in any quoting
    ("payment_card", "__REALTIME_TIMESTAMP=4071456446533432\nMESSAGE=ok", False),
    ("payment_card", '{"order_id": "4071456446533432", "status": "paid"}', False),
    ("payment_card", '{"card_number": "4071456446533432", "status": "paid"}', True),
    # an address cut out of a longer token (a URL's password past the context) is not an e-mail
    ("email", "mongodb+srv://svc_zqsm:8kkoXVYBwaTY-c!N7KIA8y@cluster0.ab1cd.mongodb.net/prod", False),
    ("email", "reply to 'dana.k@acme-mail.io' today", True),
    # JSON inside JSON inside JSON: the quotes carry any number of backslashes
    ("generic_secret", r'{"message": "{\"msg\": \"{\\\"api_key\\\": \\\"nzi5hP1MHghFd75t6GeHOzcz\\\"}\"}"}', True),
    ("password_assignment", r'"{\"log\": \"{\\\"password\\\": \\\"vy7Q-kpLm-83zr\\\"}\"}"', True),
    # a token with dots (an Azure client secret has them) is a token; a dotted path names one
    ("generic_secret", "client_secret = 'ajcFbL4Q.MExNoqTrCxxeUnaj'", True),
    ("generic_secret", "AZURE_CLIENT_SECRET client_secret=Xy8Q~4pT.abcD3f_GhiJkl-MnOpQrStUvWx1", True),
    ("generic_secret", "api_key = process.env.OPENAI_API_KEY", False),
    ("generic_secret", "secret_key: settings.django_secret_key", False),
    ("generic_secret", "encryption_key=self._encryption_key_bytes", False),
    # a password in a SQL string literal: its quotes doubled, or escaped in a program's string
    ("sql_identified_by", "INSERT INTO audit VALUES ('ALTER USER app IDENTIFIED BY ''rkIPYCrP7jo''');", True),
    ("sql_identified_by", r"run('ALTER USER app IDENTIFIED BY \'rkIPYCrP7jo\'')", True),
    ("sql_identified_by", "INSERT INTO audit VALUES ('CREATE USER a IDENTIFIED BY ''[HIDDEN]''');", False),
    # a base64 secret may start with "/"; a path to a secret file names where it lives
    ("named_secret", "aws_secret_access_key\x1f/x8Kd9QpZ+Lm2vB7Tq3nR5yW1kPz0aQ", True),
    # an AWS secret access key under an AWS or S3 secret's name is the AWS detector's (its named twin)
    ("named_aws_secret_access_key", "barman:AWS_SECRET_ACCESS_KEY\x1fd/PRqszKCsFwLe1Wv+obxmXiPge9dd/+/nSlFaAl", True),
    ("named_aws_secret_access_key", "flink:s3.secret-key\x1fHg0muSUC1tnClajj8J4gs9vSpC1cz6Tt36rwER7y", True),
    ("named_aws_secret_access_key", "stripe_secret_key\x1fd/PRqszKCsFwLe1Wv+obxmXiPge9dd/+/nSlFaAl", False),
    ("named_aws_secret_access_key", "aws_secret_access_key\x1fwJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", False),
    ("named_aws_secret_access_key", "aws_secret_access_key\x1f/x8Kd9QpZ+Lm2vB7Tq3nR5yW1kPz0aQ", False),
    ("named_secret", "db_secret\x1f/run/secrets/db-secret-key", False),
    # a secret manager's version suffix is not in the name; a name ending in auth holds a password
    (
        "named_secret",
        "projects/acme/secrets/api-signing-key/versions/7\x1fZq8Lm2Xp5Rt9Wv3Yb6Nc1Kd4Fg7Hj0Ps2Qu5E=",
        True,
    ),
    ("named_secret", "projects/acme/secrets/cache-auth/versions/latest\x1fHx72kqPz9mW", True),
    ("named_secret", "kv/app#api_secret_version\x1f12", False),
    ("named_secret", "smtp_auth\x1fplain", False),
    # "account" is not a count: a service account's secret is a secret; a retry count is not
    ("named_secret", "mixpanel:MIXPANEL_SERVICE_ACCOUNT_SECRET\x1fpdNtMxN4EdVV95G4cgC62OPdSmNIUJGy", True),
    ("named_secret", "worker:retryCount\x1fpdNtMxN4EdVV95G4cgC62OPdSmNIUJGy", False),
    ("named_secret", "projects/p/secrets/key/versions/4\x1fprojects/p/secrets/key/versions/4", False),
    ("password_assignment", "password=/Kz81!mQp2Lx9", True),
    ("password_assignment", "password_file=/run/secrets/db_pass", False),
    ("password_assignment", "password: ~/.pgpass", False),
    # a phrase does not bridge into the next JSON field
    ("credential_phrase", '{"msg": "mot de passe oublié", "timestamp": 1720676278}', False),
    ("credential_phrase", '{"msg":"mot de passe oublié","ts":1720676278}', False),
    ("credential_phrase", '{"msg":"Mot de passe temporaire : Zq81.mPw3K"}', True),
    # a password that starts with "$" is not a shell variable: a variable's name reads as words
    ("url_credentials", "clickhouse://etl:$Q4uUIL2cpcQxD@ch-1.internal:9000/default", True),
    ("url_credentials", "clickhouse://etl:$CH_PASSWORD@ch-1.internal:9000/default", False),
    ("password_assignment", "password=$dbPassword", False),
    # a SQL literal inside a single-quoted shell argument: its quotes written as the shell writes them
    ("sql_identified_by", """git commit -am 'CREATE USER etl IDENTIFIED BY '"'"'Dragon4069?'"'"''""", True),
    ("sql_identified_by", r"""echo 'ALTER USER a IDENTIFIED BY '\''Kq8mZ3rT1v'\'''""", True),
    ("sql_identified_by", """echo 'CREATE USER a IDENTIFIED BY '"'"'[HIDDEN]'"'"''""", False),
    # a secret's name with an application's prefix or a known suffix (env dumps, Rails, Flask, Django)
    ("generic_secret", r'"NOTES" = "FLASK_SECRET_KEY=\"Rm4v9QzLp2Xk7TnW3cYb8HdJ\""', True),
    ("generic_secret", "DJANGO_SECRET_KEY=k7Rm4v9QzLp2Xk7TnW3cYb8HdJ", True),
    ("generic_secret", "secret_key_base: " + "9c4f1e7a2b5d8306" * 8, True),
    ("generic_secret", "api_key_id = 7f3c9a1e5b2d4f6a8c0e", False),  # an identifier of a key, not the key
    ("generic_secret", "DJANGO_SECRET_KEY = settings.django_secret_key", False),
    # chat roles as every provider spells them (Cohere: USER / CHATBOT)
    ("chat_role_json", '{"chat_history": [{"role": "USER", "message": "hi"}, {"role": "CHATBOT"}]}', True),
    ("chat_role_json", '{"user": "ana", "role": "admin"}', False),
    # a password in a sentence, in more languages (connector words included)
    ("credential_phrase", "la teva contrasenya nova és Gx71!pQmZ9", True),
    ("credential_phrase", "Вашата временна парола е: Tz8qLm2Wx9", True),
    ("credential_phrase", "Vaša nova lozinka je Hq3!vN8kLm", True),
    ("credential_phrase", "הסיסמה החדשה: Kq81!mZp4T", True),  # "the new password": the article is part of the word
    ("credential_phrase", "סיסמה: Kq81!mZp4T", True),
    ("credential_phrase", "Mật khẩu: Zr5!kWq8Lm", True),
    ("credential_phrase", "Ваша нова лозинка: see the e-mail", False),
    # a keyword with a suffix written into it (Georgian, Turkish, Finnish; Chinese has no spaces)
    ("credential_phrase", "თქვენი დროებითი პაროლია: Wq5!zRt8Lm", True),
    ("credential_phrase", "Şifreniz: Kd83!pLm2Q", True),
    ("credential_phrase", "密码已重置为：Xk29mQpL7", True),
    ("credential_phrase", "密码错误：请重试", False),
    # the English word borrowed into another language's sentence, with that language's connector
    ("credential_phrase", "Ang bago mong password ay Xk29!mQpL7", True),  # Tagalog
    ("credential_phrase", "la tua nuova password è Gq82!mZp4T", True),  # Italian
    ("credential_phrase", "kata sandi Anda adalah Zr5!kWq8Lm", True),  # Indonesian keyword, connector
    ("credential_phrase", "Dit nye password er Wq5!zRt8Lm", True),  # Danish
    ("credential_phrase", "la password è scaduta", False),  # a word, not a password
    ("credential_phrase", "changed the password on server01", False),  # English "on" is not a connector
    # a token passed as a command-line flag
    ("auth_token_assignment", "kubectl --token=G0H5dOtnt3i8SLvDh2.PV6EZlrH2Ntu -n prod get pods", True),
    ("auth_token_assignment", "vault login --auth-token=hvs7Kq8Zt3mN1vWxR9aBcD2eF", True),
    # a query string as an access log writes it: URL-encoded, a value ending at its "&"
    ("credential_phrase", '"GET /x?note=your+temporary+password+is+%21skSo4OVM-1U%24RVyh5BSN%21&t=1 HTTP/2"', True),
    ("email", '"GET /api/notes?msg=maria11%40uni.edu HTTP/1.1" 200', True),
    ("email", '"GET /api/notes?msg=maria11@uni HTTP/1.1" 200', False),
    ("phone", "GET /v1/feedback?q=sms+verification+sent+to+%2B593991361319&trace=1", True),
    # JSON's escaped "/" (PHP, Slack exports): read as "/"
    ("url_credentials", r'{"text": "REDIS_URL=redis:\/\/default:5FNeqh9fUVIP@cache.internal:6379\/0"}', True),
    ("email", r'{"text": "lftp ftp:\/\/backup:F24TOyWmuO3ag@ftp.acme.io\/dumps\/"}', False),
    (
        "slack_webhook",
        r'"https:\/\/hooks.slack.com\/services\/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"',
        True,
    ),
    # a value named beside it: Kubernetes / ECS env entries, plain and inside a JSON string
    ("password_assignment", '"env":[{"name":"DB_PASSWORD","value":"Berlin7413?"}]', True),
    # the same pair in YAML: a container's env list over two lines, a flow mapping
    (
        "password_assignment",
        "env:\n  - name: PGPASSWORD\n    value: Harbor2231!x\n  - name: TZ\n    value: UTC",
        True,
    ),
    ("generic_secret", "{name: APP_SECRET, value: Qm7vT2xK9pL4wZ8rN1cY6bH3sF5dJ0aE}", True),
    ("password_assignment", "- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: {name: db, key: pw}", False),
    ("generic_secret", r'"{\"name\": \"APP_SECRET\", \"value\": \"S0PWrtaieCe3s37xOuNUrYa9ky1sQu1k\"}"', True),
    (
        "aws_secret_access_key",
        '{"name": "AWS_SECRET_ACCESS_KEY", "value": "CR3kDjc6MguaqeUtbpIYIfnCzOWm0yDaXxqd/Meg"}',
        True,
    ),
    (
        "auth_token_assignment",
        '{"name":"id_token","value":"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.<redacted>"}',
        False,
    ),
    # names as code writes them, values as frameworks draw them
    ("generic_secret", "  jwtSigningKey: 6a02a4afca06d26096373583a1c8cede1936fd313f9cd5d5bcce24d243bc1e85", True),
    (
        "generic_secret",
        "SECRET_KEY = '$r%uz_5zd$^+2vvnejaoq_$l4=zyvcye2@mmhho98u%r+$9ii)'",
        True,
    ),  # Django's alphabet
    ("auth_token_assignment", "VAULT_TOKEN=hvs.wlfXrk5A5ZLf7D_9LIou-KG-91gohRgKMiHGQBskTmOlvAQQscghXUKlZnC", True),
    (
        "sql_identified_by",
        r'"CREATE USER scott IDENTIFIED BY \"VL$JcQAab4qvk1mTxZq#-\" DEFAULT TABLESPACE users;"',
        True,
    ),
    ("sql_identified_by", 'ALTER USER app IDENTIFIED BY "Marble4628$"', True),
    # ClickHouse's own password hashes
    (
        "password_hash",
        "<password_sha256_hex>0bc4e4e0b46824997b38b3a627d86c7d73824a461de43414cec89351487dd79e</password_sha256_hex>",
        True,
    ),
    ("password_hash", "password_double_sha1_hex: e395796d6546b1b65db9d665cd43f0e858dd4303", True),
    # passwords in sentences: Afrikaans, Urdu (the value before the verb), Hindi
    ("credential_phrase", "Jou tydelike wagwoord is vPAqOgwQ3l0JrnaR1IuYDF", True),
    ("credential_phrase", "آپ کا عارضی پاس ورڈ izhs-tawf-cicm37 ہے", True),
    ("credential_phrase", "आपका पासवर्ड Xk29!mQpL7 है", True),
    ("credential_phrase", "آپ کا پاس ورڈ غیرمحفوظ ہے", False),  # "your password is insecure"
    # "if you forgot your password", then a CI log's next line: a suffix is no sentence
    ("credential_phrase", "パスワードを忘れた場合\n2026-01-19T23:42:11.1179833Z ##[error]", False),
    # documented values and byte strings that only look like data
    ("payment_card", "card 4000 0025 0000 3155 (Stripe 3-D Secure test card)", False),
    ("iban", "IBAN: SK31 1200 0000 1987 4263 7541", False),  # the IBAN registry's example
    ("ipv6", "SHA256 Fingerprint=98:73:81:9C:08:93:E3:66:1D:EC:63:D5:19:61:94:FB", False),
    ("email", "mongodb+srv://svc_ntao:L#v4Uqb9zmHA_p7Zj7$-x@cluster0.ab1cd.mongodb.net/prod", False),
    ("phone", "moje telefónne číslo je 0912 436 166", True),
    # blind splits unnamed and unmarked: hash families, national card schemes, chat markup, vendor tokens
    # password sentences in Arabic (the connector "هي"), Kazakh, Bosnian, Uzbek, Azerbaijani and Mongolian: the
    # sentence pattern is split by script so that Vectorscan compiles it; Italian "parola" stays a word
    ("credential_phrase", "كلمة المرور الجديدة هي psiw-bprc-vqce25", True),
    ("credential_phrase", "Сіздің жаңа құпия сөзіңіз: Dragon7303$", True),
    ("credential_phrase", "Moja šifra je O!irYPPwYexUNx0XD#JGpbh, ali ne mogu", True),
    ("credential_phrase", "Yangi parolingiz: vwdy-snut-pzzk39", True),
    ("credential_phrase", "Sizin yeni şifrəniz: Kx82!pLmQ9", True),
    ("credential_phrase", "Таны нууц үг: Hx72qPz!9a", True),
    ("credential_phrase", "Atkūriau prieigą, jūsų laikinas slaptažodis yra HQx5fhOyAdj", True),
    ("credential_phrase", "Не могу да се пријавим, моја лозинка је Kitten2055!, шта да радим?", True),
    ("credential_phrase", "ਮੇਰਾ ਪਾਸਵਰਡ 5qTqeATrlZiMxKf ਹੈ ਪਰ ਲੌਗਇਨ ਨਹੀਂ ਹੋ ਰਿਹਾ", True),
    ("credential_phrase", "ਮੇਰਾ ਪਾਸਵਰਡ ਗਲਤ ਹੈ", False),  # "my password is wrong"
    ("credential_phrase", "la parola è bellissima oggi", False),
    ("credential_phrase", "Parola chiave: sicurezza", False),
    # a password assigned as an encoder-tagged hash is the hash; a YAML tag is a reference, not the value
    (
        "password_assignment",
        "spring.security.user.password={bcrypt}$2a$10$0ammaykDt8iUoTBdLBexIeVhh.ALbb8CAmUtk8IHWua15z3Lq0cWGrW",
        False,
    ),
    ("password_assignment", "spring.security.user.password={noop}Marble4628x", True),
    ("password_assignment", "password: !vault |", False),
    ("password_assignment", "db_password: !secret db_password", False),
    ("password_assignment", "db_password: !oWRJvizmp4T", True),  # a password that starts with "!"
    (
        "aws_secret_access_key",
        "spring.cloud.aws.credentials.secret-key=izTvnIUTFdkk7OypzLye82iV+1zrETYPuvWJWkgM",
        True,
    ),
    ("password_hash", "enable secret 8 $8$tBH7vN72IhKYL9$e0HMDnfMIzgSnNDGM.RKWVvmcSngrjnM.fYHQxwV46R", True),
    (
        "password_hash",
        "username admin privilege 15 secret 9 $9$4L8g/7UUSmD/2M$s97cjI5H0YF67VaWMNtlvMIuR01OTc/B7jGinxwxhg/",
        True,
    ),
    (
        "password_hash",
        "root:$gy$j9T$1T.rYajp4dayBmOSj9Lba.$9JONoOkPV93GxixoFkuZop754NC.abirPvSECL/93VI:19700:0:99999:7:::",
        True,
    ),
    ("password_hash", "$md5,rounds=904$GAdIsWbQ$$imwVOCUdCosVh9wx1IIVL1", True),
    ("password_hash", "$sha1$48000$CU42XkT2$sHzclsvVO7u0oCkpZqjWk2U.k29z", True),
    (
        "password_hash",
        "$shiro1$SHA-256$500000$Nx3K6E1GbMv9MbNMyN5fFG==$3USpzd3OFJQHSdLoxAdKh1OPn3TGSFhb8lH5MkP3QwX=",
        True,
    ),
    (
        "password_hash",
        "CREATE USER 'app'@'%' IDENTIFIED WITH mysql_native_password AS '*4945EBB999A0952DA54F4D7595D6F3065A8AFB58'",
        True,
    ),
    (
        "password_hash",
        "password_hash=0x02005232054C3F60DC0B0E2644F9AB646463A741367CEF2B8CA026B486733BD4130DCA8BCB73AC53"
        "09805FDEC8F26CDC4B15AACA9399BB6591C7727589750CBC5DB00E4B2B65",
        True,
    ),
    ("password_hash", "{PKCS5S2}4Obc+QGrITq53uh/cGqSi9kdApukn9mQwQf6t6hawrYviL7u741V/Yj7qy2VKXzv", True),
    (
        "password_hash",
        "{pbkdf2}ba0cb002a384dcf8b61b3b26cac3d2ba39c50b1945dc14f41d4b8d7a50d1bfb647c9888bc2d717783e2835f367b2709a",
        True,
    ),
    (
        "password_hash",
        "{scrypt}$e0801$MjXYiivawh6Gpm6WlfYD2cu4Y7R5pEKNhuhKyAElf+cvZCyb7t3t/KeeYrZBwMOlIOQN5etJBcoQW1dBn"
        "wASAh==$qMHum08ln3FYUP7U6XnZJv3/I+lCSaM/nG5dVEv+1L/=",
        True,
    ),
    (
        "password_hash",
        ":pbkdf2:sha512:30000:64:svuLM37OMipZ/ucRFaVSqK==:GadtaRbV25xA+R0DIIyJy6tQcySYRjJlsDkxs9V8QMQ8TCz"
        "ai8Mg7RgNYdS8hpEjHat6EUVHEStsKTNCi3ILOZ==",
        True,
    ),
    ("password_hash", "ALTER ROLE report PASSWORD 'md53974a867aabcdd3794185158062f0b20';", True),
    (
        "password_hash",
        "IDENTIFIED BY VALUES 'S:75B35E2850E433BA23C61998246E3206667B6CD99194F38F00707B170FBE'",
        True,
    ),
    (
        "password_hash",
        "scrypt$16384$g8EUMbQTJ81SjB17FcPV9a$8$1$Slgp5VL86uQPQlvqD7byaiQYcik5P9qdtnzzIoDjpHpLiAF1vxJI032O"
        "YlL6RX2Z8zQdIC33I6hS/mRqX7eCk7==",
        True,
    ),
    ("password_hash", "file checksum md5 d41d8cd98f00b204e9800998ecf8427e", False),
    ("ipv4", '{"app":"files","version":"30.0.2.1","message":"job done"}', False),
    ("ipv4", "see section 4.2.1.3 of RFC 5280", False),
    ("session_cookie", '"log"=>"MessagingServiceSid=MG951c00e9fc5ee8da0a4abd0a4614dd9d"', False),
    ("chat_template", "<BOS_TOKEN><|START_OF_TURN_TOKEN|><|USER_TOKEN|>hello<|END_OF_TURN_TOKEN|>", True),
    ("chat_template", "<｜begin▁of▁sentence｜>You are helpful.<｜User｜>hi<｜Assistant｜>Hello!", True),
    (
        "chat_role_json",
        '[{"role": "userMessage", "content": "hi"}, {"role": "apiMessage", "content": "hello"}]',
        True,
    ),
    (
        "slack_webhook",
        "https://hooks.slack.com/triggers/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",
        True,
    ),
    (
        "slack_webhook",
        "https://hooks.slack.com/workflows/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",
        True,
    ),
    (
        "pypi_token",
        "password = pypi-AgENdGVzdC5weXBpLm9yZwFOaBetPXvlnQWK4lAZsCdN0IRnVoXWi_fuCsnPP7Z2bZTphkOqooW9HUse-J_H41pvY0gA",
        True,
    ),
    ("gitlab_token", "gitlab.scim.token=glsoat-0dOvQGNp6Udm76gj4lrh", True),
    ("gitlab_token", "--set config.token=glagent-9Y84SS7pF1vSBqe5uWNrEIwatghfW0OCbMf6RsciIqa7uHceeJ", True),
    ("gitlab_token", '--registration-token "GR1348941ye4RoeXWxeTMhpGuKInz"', True),
    ("huggingface_token", "HF_API_TOKEN=api_org_qC09fcQwbVn5m3yexd4TKu98hEXcUOGqOM", True),
    (
        "anthropic_api_key",
        "CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-6hpvvHa7msDzw7nxllXEeAkUqVCT8QLtQc8Q7X7y0csaHSFz39Ab-tfpU6y"
        "swqxarJXRsGPazTwRhRPw6rEbTpOsKIpsTSJ",
        True,
    ),
    (
        "slack_token",
        "Authorization: Bearer xoxc-633167839296-581036671355-1453493045790-"
        "bc2f6260c97c9d38ba5deb5dbceac4bb5b69cee4a8fd63a68e24e2c5668d3e7c",
        True,
    ),
    ("payment_card", "karta raqami: 8600 4168 9175 0635", True),
    ("payment_card", "karta raqami: 9860 8317 7632 0457", True),
    ("payment_card", "karta raqami: 9792 3973 3710 3538", True),
    ("payment_card", "karta raqami: 8600109512609444", False),
    # stop 34: a base64-encoded PEM key (a Kubernetes Secret's data, a Helm value)
    (
        "private_key",
        'data:\n  tls.key: "LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0tCk1IY0NBUUVFSUJrNG5RN3ZZcDJMd1g5c1pyM'
        '21UcTh1SGM1ZkpkMWFHZTZiS28waVBsNE5vQW9HQ0NxR1NNNDkKLS0tLS1FTkQgRUMgUFJJVkFURSBLRVktLS0tLQo="',
        True,
    ),
    (
        "private_key",
        "SSH_KEY_B64=LS0tLS1CRUdJTiBPUEVOU1NIIFBSSVZBVEUgS0VZLS0tLS0KYjNCbGJuTnphQzFyWlhrdGRqRUFBQUFBQkc1"
        "dmJtVUFBQUFFYm05dVpRQUFBQUFBQUFBQkFBQUFNd0FBQUF0emMyZ3RaVwotLS0tLUVORCBPUEVOU1NIIFBSSVZBVEUgS0VZ"
        "LS0tLS0K",
        True,
    ),
    ("private_key", "ca.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lVYTNrOW1a", False),
    # Oracle's unquoted IDENTIFIED BY; the keywords that may follow BY are not passwords
    ("sql_identified_by", "create user REPORTING identified by Rp7x_Wq2#kz default tablespace users", True),
    ("sql_identified_by", "ALTER USER hr IDENTIFIED BY VALUES 'S:8F2C1A9B'", False),
    ("sql_identified_by", "ALTER USER 'app'@'%' IDENTIFIED BY RANDOM PASSWORD", False),
    # npm's legacy UUID token under .npmrc's _authToken is npm's, not a generic token assignment
    ("npm_token", "//npm.pkg.example.com/:_authToken=9d2c4e7a-1b3f-4a6d-8e5c-7f0a2b4c6d81", True),
    ("auth_token_assignment", "//npm.pkg.example.com/:_authToken=9d2c4e7a-1b3f-4a6d-8e5c-7f0a2b4c6d81", False),
    ("auth_token_assignment", "X-Vault-Token: hvs.CAESIJk3pQ8vWm2LxR7tZ4nB9yF1cK6dH0sA5eG2jU8oT3iV", True),
    ("generic_secret", "GITHUB_WEBHOOK_SECRET=Qm7vT2xK9pL4wZ8rN1cY6bH3sF5dJ0aE", True),
    ("generic_secret", 'cookie_secret = "Hk3vR9qZ2mW7xL4pT8nB1cY6sF5dJ0aEuG"', True),
    ("generic_secret", "jwt.secret=Zq8mVx2LpR4tKc7NwB3yHf6Dj9Gs1AeUo5", True),
    ("generic_secret", "slack.signing-secret=8f3a1c9e7b5d2a4c6e0f1b3d5a7c9e2f", True),
    # a password in XML attributes: JPA's property, .NET's appSettings
    ("password_assignment", '<property name="hibernate.connection.password" value="Tq4-Zr8!mWx2"/>', True),
    ("password_assignment", '<add key="SmtpPassword" value="Vn3#pLq8Wz"/>', True),
    ("password_assignment", '<input type="password" name="password" value="">', False),
    # Oracle's unquoted password may be letters only
    ("sql_identified_by", "ALTER USER system IDENTIFIED BY kQwPzmRtYvLs ACCOUNT UNLOCK;", True),
    # Compose doubles each $ of an htpasswd hash (Traefik basicauth labels)
    (
        "password_hash",
        "traefik.http.middlewares.a.basicauth.users=ops:$$apr1$$Hq2xK8pT$$Zm4vN7wQ1sR5tY9uB3cE6f",
        True,
    ),
    # a PEM body whose lines carry the logger's prefix
    (
        "private_key",
        "2026-02-01 10:00:00.12 spid7     -----BEGIN ENCRYPTED PRIVATE KEY-----\n"
        "2026-02-01 10:00:00.12 spid7     MIIFLTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQIx7Lq2p9Vz4kCAggA",
        True,
    ),
    # sentences: words between "password" and its verb; Basque and Khmer word order
    ("credential_phrase", "the password for the staging database is Lantern4417!", True),
    ("credential_phrase", "the password for the staging database is expired", False),
    ("credential_phrase", "Zerbitzariaren pasahitza Gorbea7731? da", True),
    ("credential_phrase", "ពាក្យសម្ងាត់ថ្មីរបស់អ្នកគឺ Qp7#xLm2Vw9z", True),
    # a JDBC URL's password parameter is the URL's credential (one verdict: not also an assignment)
    (
        "url_credentials",
        "jdbc:sqlserver://sql01:1433;databaseName=crm;user=sa;password=Kx9#mQ2vLp;encrypt=true",
        True,
    ),
    ("url_credentials", "jdbc:postgresql://pg:5432/app?ssl=true&user=app&password=Wq7-Lm2z-Tx9", True),
    ("password_assignment", "jdbc:postgresql://pg:5432/app?ssl=true&user=app&password=Wq7-Lm2z-Tx9", False),
    ("url_credentials", "mongodb+srv://svc:Qw&7Lm;2Zx$9@cluster0.ab1cd.mongodb.net/prod", True),
    # ClickHouse's *_hash methods take a hash: the hash's finding, not a password's
    (
        "password_hash",
        "CREATE USER ro IDENTIFIED WITH double_sha1_hash BY 'E9A4F1C07B3D5A26C8E0F2B4D6A8C1E3F5A7B9D2'",
        True,
    ),
    (
        "sql_identified_by",
        "CREATE USER ro IDENTIFIED WITH double_sha1_hash BY 'E9A4F1C07B3D5A26C8E0F2B4D6A8C1E3F5A7B9D2'",
        False,
    ),
    ("sql_identified_by", "ALTER USER 'x'@'%' IDENTIFIED WITH caching_sha2_password BY 'Qz7!pLm2Wx'", True),
    # references and dates where a secret would be
    ("generic_secret", "model_list:\n  - litellm_params:\n      api_key: os.environ/OPENROUTER_API_KEY", False),
    ("password_assignment", "user=jdoe password_last_set=2026-01-13 status=active", False),
    (
        "azure_storage_connection_string",
        "AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8"
        "mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
        False,
    ),
    # more hash families: MySQL caching_sha2, Django sha1, FreeBSD NT, Cisco ASA, SAP, OpenLDAP PBKDF2,
    # Mosquitto, FortiOS, Keycloak's stored credential
    ("password_hash", "$A$005$Ak9xQ2mW7pL4zR8tY1vB3nC6dF0gH5jK2sE4uI7oP9aS1dF3gH6jK8lZ0xC2vB4nM6qW8eR1tY3u", True),
    ("password_hash", "sha1$9f2ca$4b7d1e0a3c6f9b2e5d8a1c4f7b0e3d6a9c2f5b8e", True),
    ("password_hash", "$3$$1d2f3a4b5c6e7f8091a2b3c4d5e6f708", True),
    ("password_hash", "enable password $sha512$5000$Zk3pQ8vWm2LxR7tZ4nB9yA==$Hq1xK8pT2zWm4vN7wQ1sR5==", True),
    ("password_hash", "PASSCODE = {x-issha, 1024}Qm7vT2xK9pL4wZ8rN1cY6bH3sF5dJ0aEuG1i=", True),
    ("password_hash", "userPassword: {PBKDF2-SHA256}10000$Zk3pQ8vWm2LxR7tZ$Hq1xK8pT2zWm4vN7wQ1sR5tY9uB3cE6f", True),
    (
        "password_hash",
        "sensor:$7$101$Zk3pQ8vWm2LxR7tZ$Hq1xK8pT2zWm4vN7wQ1sR5tY9uB3cE6fAk9xQ2mW7pL4zR8tY1vB3nC6dF0gH5jK2sE4u==",
        True,
    ),
    ("password_hash", "git commit sha1$ is 4b7d1e0a3c6f9b2e5d8a1c4f7b0e3d6a9c2f5b8e", False),
    # chat markup: Granite, gpt-oss harmony, OpenChat, GLM-4
    ("chat_template", "<|start_of_role|>user<|end_of_role|>hello<|end_of_text|>", True),
    ("chat_template", "<|start|>user<|message|>What is 2+2?<|end|><|start|>assistant", True),
    ("chat_template", "GPT4 Correct User: hi<|end_of_turn|>GPT4 Correct Assistant:", True),
    ("chat_template", "[gMASK]<sop><|user|>\nhello<|assistant|>", True),
    # AWS: an STS answer's XML, Hadoop's S3A setting
    ("aws_secret_access_key", "<SecretAccessKey>Hq1xK8pT2zWm4vN7wQ1sR5tY9uB3cE6fAk9xQ2mW</SecretAccessKey>", True),
    (
        "aws_secret_access_key",
        "--conf spark.hadoop.fs.s3a.secret.key=Hq1xK8pT2zWm4vN7wQ1sR5tY9uB3cE6fAk9xQ2mW",
        True,
    ),
    # session cookies: Shibboleth's long names, F5 APM, a session cookie whose name has underscores, ForgeRock
    (
        "session_cookie",
        "Cookie: _shibsession_64656661756c7468747470733a2f2f73702e6578616d706c652e6f7267"
        "=_9c2f5b8e4b7d1e0a3c6f9b2e5d8a1c4f",
        True,
    ),
    ("session_cookie", "Cookie: LastMRH_Session=0a1b2c3d; MRHSession=4b7d1e0a3c6f9b2e5d8a1c4f7b0e3d6a", True),
    ("session_cookie", "Cookie: mod_auth_openidc_session=9d2c4e7a-1b3f-4a6d-8e5c-7f0a2b4c6d81", True),
    (
        "session_cookie",
        "Cookie: iPlanetDirectoryPro=AQIC5wM2LY4SfczK8pT2zWm4vN7wQ1sR5tY9uB3cE6f.*AAJTSQACMDEAAlNL*",
        True,
    ),
    # password sentences: words before a colon, Welsh mutation, Maltese, Amharic and Sinhala word order
    ("credential_phrase", "Reset done; temporary password read out on the call: Tarn7720!q", True),
    ("credential_phrase", "password reset link: https://id.example.com/reset?t=abc", False),
    ("credential_phrase", "Dyma dy gyfrinair newydd: Llyn8831*x", True),
    ("credential_phrase", "Il-password il-ġdida tiegħek hija Mdina4412!", True),
    ("credential_phrase", "የይለፍ ቃልዎ Axum5521#q ነው", True),
    ("credential_phrase", "ඔබේ මුරපදය Kandy8830!z වේ", True),
    # a software name before a dotted version
    ("ipv4", "runtime: OpenJDK 21.0.2.7 (build 21.0.5+11-LTS)", False),
    ("ipv4", "Keycloak 26.0.2.1 started", False),
    # UATP's 4-5-6 grouping and Bancontact's 17 digits as 4-4-4-5
    ("payment_card", "UATP 1928 34756 019287 charged", True),
    ("payment_card", "order 1928 34756 019288 shipped", False),
    ("payment_card", "Bancontact 6703 0000 0000 00003", True),
    # auth cookies whose names hold neither sess nor sid
    (
        "session_cookie",
        "Cookie: _ga=GA1.1.1.1; .ASPXAUTH=0A7F3C9E1B5D2A8C4E6F0B3D7A9C1E5F2B8D4A6C0E3F7B9D1A5C",
        True,
    ),
    (
        "session_cookie",
        "Set-Cookie: _oauth2_proxy=cHJveHktc2Vzc2lvbi1kYXRhLWZvci1qYW5l|1733310000|x9Qk; Secure",
        True,
    ),
    ("session_cookie", "Cookie: MMAUTHTOKEN=qw8ezr4hjk7fma9pxt3nbcv2ud; MMCSRF=abc", True),
    (
        "session_cookie",
        "Cookie: remember_user_token=W1s0Ml0sIiQyYSQxMSRrbVpYIiwiMTczMzMxMDAwMC4xIl0%3D--9f1c2e",
        True,
    ),
    ("session_cookie", "Cookie: author=jane.doe.writer.2024; theme=dark", False),
    # a dotted version stamped after a Unix time inside a cookie (Cloudflare's __cf_bm)
    ("ipv4", "Cookie: __cf_bm=Jx7pQ2mV9rLk4sT8wZ1yB6nC3dF5gH0jK2mN4pQ6rS8-1733310000-1.0.1.1-Zb3nX7qW", False),
    ("ipv4", "peer 1733310000 connected from 10.20.30.40", True),
    # after the unsaid split: SCRAM verifiers, AIX, SM3 crypt, defuse PBKDF2, GRUB, {MD5}, Django's 22-char salts
    (
        "password_hash",
        '{"SCRAM-SHA-256":{"iterationCount":15000,"salt":"Zm9vYmFyYmF6cXV4MTIzNDU2Nzg=",'
        '"storedKey":"Qm9v7xPz4Kq2LmN8rT5vW1yZ3aB6cD9eF0gH2iJ4kL'
        '8=","serverKey":"xY7zQ2mN9pL4kR8tV1wS6uB3cD5eF0gH2="}}',
        True,
    ),
    (
        "password_hash",
        "salt=ZmFrZXNhbHQ=,stored_key=Tq9mWx3Lp8Rz2Kv7Nb4Hc6Jd1Fs5Gy0Ae3Bw8Cx2Dz7==,iterations=4096",
        True,
    ),
    ("password_hash", "password = {ssha512}07$Xk2mQ9pL4rT7vW1y$Jd8Fs5Gy0Ae3Bw8Cx2Dz7Ev4Fu9Gt1Hs6Iq3Jr8K", True),
    (
        "password_hash",
        "root:$sm3$Ab3Cd5Ef7Gh9Ij1K$Lm3No5Pq7Rs9Tu1Vw3Xy5Za7Bc9De1Fg3Hi5Jk7Lm9No:19800:0:99999:7:::",
        True,
    ),
    ("password_hash", "sha256:100000:24:Qm9v7xPz4Kq2LmN8rT5vW1yZ3aB6cD9e:Xk2mQ9pL4rT7vW1yJd8Fs5Gy0Ae3Bw8C", True),
    ("password_hash", "{MD5}X03MO1qnZdYdgyfeuILPmQ==", True),
    ("password_hash", "md5$Qw8ErT2yUi9oPa3sDf6gHj$9b1c4e7a2d5f8b3e6a9c2f5e8b1d4a7c", True),
    (
        "password_hash",
        "pull ghcr.io/acme/api@sha256:9b1c4e7a2d5f8b3e6a9c2f5e8b1d4a7c9b1c4e7a2d5f8b3e6a9c2f5e8b1d4a7c",
        False,
    ),
    ("password_hash", "storedKey is computed as H(ClientKey)", False),
    # chat markup named by any special token around a role; Mistral's [SYSTEM_PROMPT]; Llama 2's <<SYS>>
    ("chat_template", "<|begin_of_text|><|header_start|>user<|header_end|>\n\nhi there<|eot|>", True),
    ("chat_template", "<|im_user|>user<|im_middle|>what is the weather<|im_end|>", True),
    ("chat_template", "<s>[SYSTEM_PROMPT]You are terse.[/SYSTEM_PROMPT][INST]hi[/INST]", True),
    ("chat_template", "use <|endoftext|> as the separator token", False),
    ("chat_role_json", '[{"parts": [{"content": "hello", "part_kind": "user-prompt"}], "kind": "request"}]', True),
    # the value right after the word: an ASCII run in a non-Latin sentence, one with a digit in English
    ("credential_phrase", "ನಿಮ್ಮ ಹೊಸ ಪಾಸ್\u200cವರ್ಡ್ Kt7mQ2xPz9", True),
    ("credential_phrase", "ລະຫັດຜ່ານໃໝ່ຂອງທ່ານແມ່ນ Rq8vT3nWx5", True),
    ("credential_phrase", "Iphasiwedi yakho entsha ithi Harbor8841", True),
    ("credential_phrase", "vpn login: user k.banda, password Qv8#Lm2Xp5Rt. thanks", True),
    ("credential_phrase", "reset the password sha256 then retry", False),
    ("credential_phrase", "the password 2FA is enabled", False),
    ("credential_phrase", "password v1.2.3 released to staging", False),
    ("credential_phrase", "Password 10.0.0.5 host unreachable", False),
    ("credential_phrase", "password field2 label", False),
    ("credential_phrase", "az vm create -n jump-1 --admin-password 'nyoi-azfi-btuv31'", False),  # a flag's
    ("credential_phrase", "κωδικός παραγγελίας 88213345 εστάλη", False),
    ("credential_phrase", "పాస్\u200cవర్డ్ మర్చిపోయారా? ఇక్కడ క్లిక్ చేయండి", False),
    # auth cookies of Rocket.Chat, Plone, ColdFusion, SimpleSAMLphp and Proxmox; YAML's Basic credentials
    (
        "session_cookie",
        "Cookie: rc_uid=Hq8Lm2Xp5Rt9Wv3Yb; rc_token=Zq8Lm2Xp5Rt9Wv3Yb6Nc1Kd4Fg7Hj0Ps2Qu5Ew8Ty1A",
        True,
    ),
    ("session_cookie", 'Cookie: __ac="Yq3Lm8Xp2Rt5Wv9Yb1Nc7Kd4Fg0Hj6Ps3Qu8Ew2Ty5Ab9Cd1Ef3Gh5Ij7Kl9Mn1=="', True),
    ("session_cookie", "Cookie: CFID=81234; CFTOKEN=6d2f1a9c-5b7e-4c3d-9a1f-2e8b7c6d5f4a", True),
    ("session_cookie", "Cookie: PVEAuthCookie=PVE%3Aroot%40pam%3A6790B2C1%3A%3AXk29dLq0pZ7mWn3RtY6vBc8Hs1", True),
    ("session_cookie", "the __ac flag was removed from the config", False),
    ("basic_auth", "authorization:\n    type: Basic\n    credentials: YWxlcnQ6SGFyYm9yODg0MXg=", True),
    ("basic_auth", "authorization:\n    type: Basic\n    credentials_file: /etc/prometheus/basic.txt", False),
    # a Terraform reference is where the secret lives; IBANs of countries that joined the registry lately
    ("generic_secret", 'secret_key = data.vault_kv_secret_v2.aws.data["secret_key"]', False),
    ("iban", "please send to LY16 0210 4800 0020 1001 2036 1 thanks", True),
    # a password in an element named by its attribute (Hibernate), and in PHP's and Ruby's hashes
    ("password_assignment", '<property name="hibernate.connection.password">Qm8vLx2Pz7Rt</property>', True),
    ("password_assignment", "'password' => 'Kestrel8841*',", True),
    ("password_assignment", ':password => "Harbor2290x",', True),
    ("password_assignment", '<input type="password" name="password"><label>Password</label>', False),
    ("password_assignment", "'password' => env('DB_PASSWORD'),", False),
    # an AWS secret key named only by its block: a Terraform aws provider, an "AWS" settings object
    (
        "aws_secret_access_key",
        'provider "aws" {\n  region = "eu-west-1"\n  secret_key = "Tq9mWx3Lp8Rz2Kv7Nb4Hc6Jd1Fs5Gy0Ae3Bw8Cx2"\n}',
        True,
    ),
    (
        "aws_secret_access_key",
        '{"AWS": {"Region": "eu-west-1", "SecretKey": "Tq9mWx3Lp8Rz2Kv7Nb4Hc6Jd1Fs5Gy0Ae3Bw8Cx2"}}',
        True,
    ),
    (
        "aws_secret_access_key",
        'provider "aws" {\n  region = "eu-west-1"\n  secret_key = var.aws_secret_key\n}',
        False,
    ),
    ("payment_card", "card 5610 5910 8101 8250 (Bankcard test number)", False),
    # issue 16's second round: password hashes named by their column, age keys, PEM keys in prefixed log
    # lines, mada and UnionPay 81 cards, framework keys, Terraform variables, dotted keys, '&' in passwords,
    # percent-escaped URL passwords, XML elements, NANP and Devanagari phones, ngrok, sk- keys, cookies (age
    # keys are private keys, an ngrok authtoken a token assignment, as labelled data names them)
    ("named_password_hash", "password\x1f9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c", True),
    ("named_password_hash", "passwd\x1f9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c3a7d5e1f", True),
    ("named_password_hash", "pwd_hash\x1f9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c3a7d5e1f0b9c8d7e6f5a4b3c2d1e0f9a", True),
    ("named_password_hash", "user_pass\x1f9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c:Zq7LmW2vXk9RtB4nYp8sHc3DaF6gJ1eK", True),
    (
        "named_password_hash",
        "password_hash\x1f9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c3a7d5e1f0b9"
        "c8d7e6f5a4b3c2d1e0f9a:Zq7LmW2vXk9RtB4nYp8sHc3DaF6gJ1eK:1",
        True,
    ),
    (
        "named_password_hash",
        "password_hash\x1f9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c3a7d5e1f0b9c8d7e6f"
        "5a4b3c2d1e0f9a:Zq7LmW2vXk9RtB4nYp8sHc3DaF6gJ1eK:3_32_2_67108864",
        True,
    ),
    (
        "named_password_hash",
        "password\x1f9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c3a7d5e1f0b9c8d"
        "7e6f5a4b3c2d1e0f9a9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c3a7d",
        True,
    ),
    (
        "named_password_hash",
        "PasswordHash\x1fAKVNyhglMLsdbRMs3tYjey7ZHj9yH8sZcRdElNZJPJ1cNGC+MSAeaf7aoO7ouZl/XA==",
        True,
    ),
    ("named_password_hash", "sha256\x1f9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c3a7d5e1f0b9c8d7e6f5a4b3c2d1e0f9a", False),
    ("named_password_hash", "checksum\x1f9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c3a7d5e1f0b9c8d7e6f5a4b3c2d1e0f9a", False),
    (
        "named_password_hash",
        "content_hash\x1f9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c3a7d5e1f0b9c8d7e6f5a4b3c2d1e0f9a",
        False,
    ),
    ("named_password_hash", "etag\x1f9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c", False),
    ("named_password_hash", "commit\x1f9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c3a7d5e1f", False),
    (
        "named_password_hash",
        "password_reset_token\x1f9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c3a7d5e1f0b9c8d7e6f5a4b3c2d1e0f9a",
        False,
    ),
    ("named_password_hash", "password_salt\x1f9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c", False),
    ("named_password_hash", "password\x1f00000000000000000000000000000000", False),
    ("named_password_hash", "password\x1fKz81!mQp2Lx9", False),
    ("named_secret", "password\x1f9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c", False),
    (
        "named_secret",
        "password_reset_token\x1f9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c3a7d5e1f0b9c8d7e6f5a4b3c2d1e0f9a",
        True,
    ),
    ("named_secret", "db_password\x1fKz81!mQp2Lx9", True),
    (
        "private_key",
        "SOPS_AGE_KEY=AGE-SECRET-KEY-19JE0MKZCJCTFQ2SRHAU05NU7NW3WH6PP2NMQDCLMQLENA6PGLU9S9YY6YL",
        True,
    ),
    (
        "private_key",
        "# created: 2026-01-02\nAGE-SECRET-KEY-19JE0MKZCJCTFQ2SRHAU05NU7NW3WH6PP2NMQDCLMQLENA6PGLU9S9YY6YL\n",
        True,
    ),
    ("private_key", "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ", False),
    ("private_key", "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p", False),
    (
        "private_key",
        "Jan  2 03:04:05 web1 app[812]: -----BEGIN RSA PRIVATE KEY-----\n"
        "Jan  2 03:04:05 web1 app[812]: MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw\n",
        True,
    ),
    (
        "private_key",
        "2026-01-02T03:04:05Z app[web.1]: -----BEGIN OPENSSH PRIVATE KEY-----\\n2026-01-02T03:0"
        "4:05Z app[web.1]: b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz\\n",
        True,
    ),
    (
        "private_key",
        "[web.1] -----BEGIN EC PRIVATE KEY-----\n"
        "[web.1] MHcCAQEEIBkq8Zt3mN1vWxR9aBcD2eFGhIjKlMnOpQrStUvWxYz4oAoGCCqGSM49\n",
        True,
    ),
    (
        "private_key",
        "Jan  2 03:04:05 web1 app[812]: -----BEGIN RSA PRIVATE KEY-----\nJan  2 03:04:05 web1 app[812]: <redacted>\n",
        False,
    ),
    (
        "private_key",
        "app[web.1]: -----BEGIN PUBLIC KEY-----\n"
        "app[web.1]: MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgO\n",
        False,
    ),
    ("payment_card", "mada card 9682 0112 3456 7892 charged", True),
    ("payment_card", "mada card 9682011234567892", True),
    ("payment_card", "mada card 9682 0112 3456 7893 charged", False),
    ("payment_card", "card 8100123456789012347 ok", True),
    ("payment_card", "unionpay 8171 0012 3456 7893 ok", True),
    ("payment_card", "unionpay 8181 0012 3456 7891 ok", False),
    ("payment_card", "payout to SA03 8171 0012 3456 7893 scheduled", False),
    ("payment_card", "payout to SA03 8100 0000 6080 1016 7519 scheduled", False),
    ("generic_secret", "APP_KEY=base64:Zx81kPq02LmNa7Vb3CdEfGhIjKlMnOpQrStUvWxYz01+/A=", True),
    ("generic_secret", '"APP_KEY": "base64:Zx81kPq02LmNa7Vb3CdEfGhIjKlMnOpQrStUvWxYz01+/A="', True),
    ("generic_secret", "PUSHER_APP_KEY=a1b2c3d4e5f6a7b8c9d0", False),
    ("generic_secret", "APP_KEY=base64:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", False),
    (
        "generic_secret",
        "SECRET_KEY_BASE=9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c3a7d5e1f0b9c8d7e6f5a4b3c2"
        "d1e0f9a9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c3a7d5e1f0b9c8d7e6f5a4b3c2d1e0f9a",
        True,
    ),
    ("generic_secret", "DJANGO_SECRET_KEY=x8#k@!zq(3mn_w=7r+p&v2l%y9c^b1t*u6e-4h0j)s5d2f8g7a", True),
    ("generic_secret", "SECRET_KEY=x8#k@!zq(3mn_w=7r+p&v2l%y9c^b1t*u6e-4h0j)s5d2f8g7a", True),
    ("generic_secret", "api_key=abc&user=alice&page=2&sort=asc&filter=name&limit=100&offset=200", False),
    (
        "generic_secret",
        'variable "webhook_secret" {\n  type      = string\n'
        '  sensitive = true\n  default   = "Zx81kPq02LmNa7Vb3CdEfGh"\n}',
        True,
    ),
    (
        "password_assignment",
        'variable "db_password" {\n  description = "database password"\n  default = "Qm8vLx2Pz7Rt"\n}',
        True,
    ),
    ("auth_token_assignment", 'variable "api_token" {\n  default = "Zq7LmW2vXk9RtB4nYp8sHc3D"\n}', True),
    ("generic_secret", 'variable "webhook_secret" {\n  type = string\n  default = var.fallback\n}', False),
    ("generic_secret", 'variable "region" {\n  default = "eu-west-1-Zx81kPq02LmNa7Vb3C"\n}', False),
    ("generic_secret", "credentials.secret=Zx81kPq02LmNa7Vb3CdEfGh", True),
    ("generic_secret", "keycloak.credentials.secret: Zx81kPq02LmNa7Vb3CdEfGh", True),
    ("generic_secret", "client.secret: Zx81kPq02LmNa7Vb3CdEfGh", True),
    ("password_assignment", "spring.datasource.password=Qm8vLx2Pz7Rt", True),
    ("generic_secret", "credentials.secret=${KEYCLOAK_CLIENT_SECRET}", False),
    ("generic_secret", "secret.name=my-application-credentials-store", False),
    ("password_assignment", "password=Ab&c!9xYz next", True),
    ("password_assignment", 'password="Ab&c!9xYz"', True),
    ("password_assignment", "/login?user=al&password=x&next=%2Fhome", False),
    ("password_assignment", "GET /cb?a=1&password=x&b=2 HTTP/1.1", False),
    ("url_credentials", "postgres://app:p%40ss%21w0rd9@db.internal:5432/x", True),
    ("url_credentials", "redis://default:Zq%23m%40Lp9x@cache:6379/0", True),
    ("url_credentials", "postgres://user:password@localhost:5432/db", False),
    ("email", "postgres://app:p%40ss%21w0rd9@db.internal:5432/x", False),
    ("email", "postgres://app:p%40ssw0rd9@db.internal.io:5432/x", False),
    ("auth_token_assignment", "<RefreshToken>Zx81kPq02LmNa7Vb3CdEfGh</RefreshToken>", True),
    ("auth_token_assignment", "<AccessToken>Zx81kPq02LmNa7Vb3CdEfGhIjK</AccessToken>", True),
    ("auth_token_assignment", "<SessionToken>Zx81kPq02LmNa7Vb3CdEfGhIjK</SessionToken>", True),
    ("generic_secret", "<ClientSecret>Zx81kPq02LmNa7Vb3CdEfGh</ClientSecret>", True),
    ("auth_token_assignment", "<AccessToken>REPLACE_WITH_YOUR_ACCESS_TOKEN</AccessToken>", False),
    ("generic_secret", "<ClientSecret></ClientSecret>", False),
    ("phone", "call 1-868-620-4417 now", True),
    ("phone", "call 1.868.620.4417 now", True),
    ("phone", "call 1-868-555-0123 now", False),
    ("phone", "release 1-200-300-4000 build", False),
    ("phone", "मेरा फोन नंबर9876543210है", True),
    ("phone", "कृपया संपर्क करें9876543210", True),
    ("phone", "ऑर्डर9876543210", False),
    (
        "deepseek_api_key",
        "key sk-9f2b8c1e9d4a4b7e8f216c5d9e0a1b2c3a7d5e1f0b9c8d7e6f5a4b3c2d1e0f9a for the proxy",
        True,
    ),
    (
        "auth_token_assignment",
        "ngrok config add-authtoken 2fKq8Zt3mN1vWxR9aBcD2eFGhIj_4LmNpQ7sTuVwXyZ2aB3cD5eF",
        True,
    ),
    ("auth_token_assignment", "NGROK_AUTHTOKEN=2fKq8Zt3mN1vWxR9aBcD2eFGhIj_4LmNpQ7sTuVwXyZ2aB3cD5eF", True),
    ("auth_token_assignment", "version: 2\nauthtoken: 2fKq8Zt3mN1vWxR9aBcD2eFGhIj_4LmNpQ7sTuVwXyZ2aB3cD5eF", True),
    ("auth_token_assignment", "ngrok config add-authtoken <YOUR_AUTHTOKEN>", False),
    ("session_cookie", "_secure_session_id=8f3a2b1c9d4e5f60718293a4b5c6d7e8", True),
    ("session_cookie", "Set-Cookie: __Host-session=8f3a2b1c9d4e5f60718293a4b5c6d7e8; Secure", True),
    ("session_cookie", "chat session_id=3f2b8c1e-9d4a-4b7e-8f21-6c5d9e0a1b2c opened", False),
    # a LiteLLM virtual key is stored and logged as its SHA-256 hex digest: under a key's name that is no key
    (
        "generic_secret",
        '{"user_api_key": "cf3d48471d3fe6dae79a3f8f2af7edd3d87fcc855018f039ea68e2df29957120"}',
        False,
    ),
    ("named_secret", "api_key\x1fcf3d48471d3fe6dae79a3f8f2af7edd3d87fcc855018f039ea68e2df29957120", False),
    ("named_secret", "hmac_signing_key\x1fcf3d48471d3fe6dae79a3f8f2af7edd3d87fcc855018f039ea68e2df29957120", True),
    ("generic_secret", "jwtSigningKey: cf3d48471d3fe6dae79a3f8f2af7edd3d87fcc855018f039ea68e2df29957120", True),
    # passlib's pbkdf2 and bcrypt-sha256; a 19-digit card printed 6-13; a card before its expiry
    ("password_hash", "$pbkdf2$60000$IxBnK2Xh8hxcdmeh6kmpYg$VmucC28n0kC0ejdUM8pn4DWk84k", True),
    ("password_hash", "$bcrypt-sha256$v=2,t=2b,r=12$FC8l2ezSjPZDqTWbO1bQ7e$WmmNZmFLMLCLYaIHECNBFUefzuBJB8q", True),
    ("payment_card", "card 471171-3001342862269 on file", True),
    ("payment_card", "card 4556 7375 8689 9855 11/27 on file", True),
    # an "&" in markup is a separator, in a connection string's password part of it
    ("password_assignment", "<msg>reset_password=true&amp;password_length=12</msg>", False),
    ("password_assignment", "Server=db;Password=ab&cd12;Database=x", True),
    # a hash under a ClickHouse user's password_sha256_hex key; an empty URL user; Gitea's session cookie
    (
        "named_password_hash",
        "users.default.password_sha256_hex\x1f5da69376dd6ba83cfef1d246e6a14f9b03423321ac899e8fddc85a77039d61d5",
        True,
    ),
    ("url_credentials", "CELERY_BROKER_URL=redis://:Wint3r9470%21@redis.internal:6379/1", True),
    ("session_cookie", "Cookie: lang=en; i_like_gitea=e25d976e122f9a45", True),
    ("session_cookie", "i_like_gitea=0000000000000000", False),
    (
        "private_key",
        '{"error": {"message": "# public key: age1kxm36\\n'
        'AGE-SECRET-KEY-19JE0MKZCJCTFQ2SRHAU05NU7NW3WH6PP2NMQDCLMQLENA6PGLU9S9YY6YL"}}',
        True,
    ),
    # unvoiced: hash families that name themselves (CouchDB, Sybase ASE, macOS, EPiServer, AuthMe, Dovecot,
    # Jupyter, Prosody) and Tomcat's salt$iterations$hash (a round iteration count is its literal)
    (
        "password_hash",
        "[admins]\nops = -pbkdf2-d40cca85f0f54f30445a3577e18a0a5abcca95bf,8e2f8559f823cdef7f73edd77b6c2916,10",
        True,
    ),
    ("password_hash", "-pbkdf2- iterations=10 for the admins section", False),
    (
        "password_hash",
        "sa 0xc0073d00d68df6db75d0c3f7eb9340051e467ab4a36ee0987b3544242b30e58d656ec4f3378c19cd5840",
        True,
    ),
    ("password_hash", "flags 0xc007 and 0xc0070d0f set", False),
    (
        "password_hash",
        "ShadowHashData $ml$35000$f1aec544ad77bf39768915e2ed4a22437740af0dc481ee214e69886dd9078d3f"
        "$e0a0887bee1afbfa45289e0082c358452358902ff3177e7e8c92637e64b6ba0865ef5aa370e2e30bdb0e7ab8d7e349effade",
        True,
    ),
    (
        "password_hash",
        "pwd $episerver$*1*9WfiMxrKAisT/2+ydFfYIg==*fxJTsdKFoSiP9nLVHTRLsLGKiDwSuFy101KsCzPTemo=",
        True,
    ),
    (
        "password_hash",
        "SET password = '$SHA$e82f142f51d1c30e$a83859dafc1eb03300183873de573ecad06b0974afa74193'",
        True,
    ),
    ("password_hash", "price $SHA$ 12 and $SHA$cafe$beef", False),
    ("password_hash", "anna:{CRAM-MD5}83b5ae08e9df0b3f13052ba131525fa27a6abde3911a95891fca76a9e28becdc::::", True),
    ("password_hash", '"password": "sha1:b820372c310f:04040699f0c60d9df89af707b1de74f1f7144a62"', True),
    ("password_hash", "git sha1:b820372c checked", False),
    ("password_hash", '["stored_key"] = "75c17bab6a01898f97ac27a8ebfff1c03bb48ea3";', True),
    (
        "password_hash",
        'password="62a997702652f2b23a015da2219027c3$10000$0d5c984b859a94e7bbe96cc3e2ecff4615441050c5bf87362df0"',
        True,
    ),
    ("password_hash", "paid 1000$ and 62a997702652f2b2$1000$ fees", False),
    # the hash assigned to a password name is the hash's finding, not a password assignment
    (
        "password_assignment",
        'password="62a997702652f2b23a015da2219027c3$10000$0d5c984b859a94e7bbe96cc3e2ecff4615441050c5bf87362df0"',
        False,
    ),
    # named: NetScaler's long digest, Tomcat's triple, a DES crypt only under a hash's name
    (
        "named_password_hash",
        "passwd_hash\x1f2288ae22ce7cacb013b22d5f6388268acb850c813fd521dd77cdcf02347c1f59ff479045dc1ca731e44dd703db"
        "3280e59f722493741e69ec5cf4f96cdc308ead908dc5c7d",
        True,
    ),
    (
        "named_password_hash",
        "password\x1f62a997702652f2b23a015da2219027c3$10000$0d5c984b859a94e7bbe96cc3e2ecff4615441050c5bf87362df0",
        True,
    ),
    ("named_password_hash", "pw_crypt\x1fIZeFHGL.CWq2U", True),
    ("named_password_hash", "password\x1fIZeFHGL.CWq2U", False),
    ("named_secret", "password\x1fIZeFHGL.CWq2U", True),
    ("named_secret", "password_hash\x1fIZeFHGL.CWq2U", False),
    # chat markup of Nemotron, Seed-OSS and Baichuan 2
    ("chat_template", "<extra_id_0>System\nBe brief.\n\n<extra_id_1>User\nhi\n<extra_id_1>Assistant\n", True),
    ("chat_template", "<seed:bos>user\nhello there<seed:eos><seed:bos>assistant\n", True),
    ("chat_template", "Be brief.<reserved_106>how long to boil rice?<reserved_107>About twenty minutes.", True),
    ("chat_template", "T5 sentinel <extra_id_0> fills the gap, seed:bos is a flag", False),
    # cards: JCB's 15 digits (1800, 2131), Maestro's 13 as 4-4-5; never a segment of a UUID or a key
    ("payment_card", "JCB 213126703119434 exp 09/28", True),
    ("payment_card", "charge 1800 711999 70313 instead", True),
    ("payment_card", "Maestro 5038 2332 80523 please", True),
    ("payment_card", "run 9c1e77ab-4822-4712-7376-0b5de1c0f2aa failed", False),
    ("payment_card", "key Zk81Qm/4556737586899855+Xw==", False),
    ("payment_card", "order 1800 7119 9970 shipped", False),
    # a remember-me cookie (Spring, Shiro, Atlassian's seraph)
    ("session_cookie", "Cookie: seraph.rememberme.cookie=52311%3Af0c4a9d2e87b61c35a0e49d7b2c8f1e6a3d5b709", True),
    ("session_cookie", "Set-Cookie: remember-me=Ak8EQdqiWVVEMRWkZpcuqbJWwAYCfHjk; Path=/", True),
    ("session_cookie", "Cookie: rememberMe=deleteMe", False),
    # tokens under any snake_case *_token name or a bare "token" key; not a page cursor's or a CSRF token's
    ("auth_token_assignment", '{"integration_token": "ntn_Ak8EQdqiWVVEMRWkZpcuqbJWwAYCfHjk"}', True),
    (
        "auth_token_assignment",
        '{"host": "adb-1.azuredatabricks.net", "token": "dapiAk8EQdqiWVVEMRWkZpcuqbJWwAYC"}',
        True,
    ),
    ("auth_token_assignment", 'notion_token = "ntn_Ak8EQdqiWVVEMRWkZpcuqbJWwAYCfHjk"', True),
    ("auth_token_assignment", '{"next_page_token": "Ak8EQdqiWVVEMRWkZpcuqbJWwAYCfHjk"}', False),
    ("auth_token_assignment", '{"csrf_token": "Ak8EQdqiWVVEMRWkZpcuqbJWwAYCfHjk"}', False),
    ("auth_token_assignment", '{"next_token": "eyJsYXN0X2lkIjoxMjM0NTY3ODkwfQ==", "items": []}', False),
    ("auth_token_assignment", "authenticity_token=Qm9yTmd4ZWtQc2JzU0x2M2pLcTRmQT09&commit=Save", False),
    (
        "auth_token_assignment",
        '{"idempotency_token": "3f1c2b7e-8a4d-4e2f-9b1a-6c5d4e3f2a1b", "amount": 100}',
        False,
    ),
    ("auth_token_assignment", '{"session_token": "3f1c2b7e-8a4d-4e2f-9b1a-6c5d4e3f2a1b"}', True),
    (
        "auth_token_assignment",
        '{"token": "3f9a1c0e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f"}',
        False,
    ),
    # a Postman collection's bearer auth is the bearer token's, not a token assignment
    (
        "bearer_token",
        '"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "Ak8EQdqiWVVEMRWkZpcuqbJWwAYCfHjk"}]}',
        True,
    ),
    (
        "auth_token_assignment",
        '"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "Ak8EQdqiWVVEMRWkZpcuqbJWwAYCfHjk"}]}',
        False,
    ),
    ("bearer_token", '"bearer": [{"key": "token", "value": "YOUR_ACCESS_TOKEN_HERE_PLEASE"}]', False),
    # passlib's and Django's prefixed bcrypt and argon2 are found by their inner hash
    ("password_hash", "bcrypt_sha256$$2b$12$" + "Kq8mZ3rT1vWxY9aBcD2eFuGhIjKlMnOpQrStUvWxYz0123456789a", True),
    ("password_hash", "argon2$argon2id$v=19$m=102400,t=2,p=8$Kq8mZ3rT1vWxY9aB$cD2eFuGhIjKlMnOpQrStUv", True),
    # Redis requirepass/masterauth; SQL's PASSWORD clause is an assignment, not a phrase
    ("password_assignment", '"msg": "requirepass Kq8mZ3rT1vWx@"', True),
    ("password_assignment", "masterauth Kq8mZ3rT1vWx9", True),
    ("password_assignment", 'requirepass ""', False),
    ("password_assignment", "CREATE ROLE reader WITH LOGIN PASSWORD 'Kq8mZ3rT1v$';", True),
    ("credential_phrase", "CREATE ROLE reader WITH LOGIN PASSWORD 'Kq8mZ3rT1v$';", False),
    ("credential_phrase", "your password Kq8mZ3rT1v is set", True),
    # Somali and Hausa copulas; an English password named by a longer thing
    ("credential_phrase", "Furahaaga cusub waa Kq8mZ3rT1vWx", True),
    ("credential_phrase", "Furahayga sirta ah waa Kq8m$Z3rT1v", True),
    ("credential_phrase", "Sabuwar kalmar sirrinka ita ce Kq8mZ3rT1v!", True),
    ("credential_phrase", "furaha waa la lumiyay", False),
    ("credential_phrase", "the VPN password for the shared lab box is Kq8mZ3rT1", True),
    # a dotted quad after an ML library's name is its version
    ("ipv4", '"error": "torch 2.7.1.59 cu124"', False),
    ("ipv4", "cuda 12.4.1.3 loaded, peer 81.169.145.23 connected", True),
    ("iban", "payout to YE67KIBY0004207718390552614478 done", True),
    ("iban", "payout to YE67KIBY0004207718390552614479 done", False),
    # four words between the word and its copula; one word of any script after it is prose, not a password
    ("credential_phrase", "kalmar sirrinka ta wucin gadi ita ce 7COsZhXGwZiqP7", True),
    ("credential_phrase", "mot de passe oublié pour le compte est bloqué maintenant", False),
    ("credential_phrase", "Das Passwort für den neuen Server ist abgelaufen und muss erneuert werden", False),
    # a dotted value that changes case at random is a token, a dotted name a reference to one
    ("auth_token_assignment", "oauth ok access_token=jdKnhlkhWeEFQkrKrNelmCqMcpcbmii.pLML expires_in=3600", True),
    ("auth_token_assignment", "access_token=config.apiToken", False),
    ("auth_token_assignment", "auth_token=settings.GITHUB_TOKEN", False),
    # unsung: a password key in other languages is an assignment (the phrase yields its value to it)
    ("password_assignment", "database:\n  bruker: payouts\n  passord: Orange539#", True),
    ("credential_phrase", "database:\n  bruker: payouts\n  passord: Orange539#", False),
    ("password_assignment", '"error": "baza.lozinka=Kitten866!"', True),
    ("password_assignment", "config.contraseña = 'Tr1g0#Verde'", True),
    ("password_assignment", "passord: <skriv inn>", False),
    # a password given in parentheses after how it was sent, or set to a value; an Igbo copula
    ("credential_phrase", "sent the online banking password by mail (Bergen5259%), told them", True),
    ("credential_phrase", "new password (Xk29mQpL7) for the kiosk", True),
    ("credential_phrase", "password reset (ticket#12345) done", False),
    ("credential_phrase", "the password (optional) must be set", False),
    ("credential_phrase", 'msg="password is %env(API_KEY)%"', False),
    ("credential_phrase", "I'd set the password to XJ0JKuqWbZCB49tM5Ho, can you unlock?", True),
    ("credential_phrase", "reset your password to continue", False),
    ("credential_phrase", "okwuntughe nwa oge gị bụ Berlin645#", True),
    # PHC PBKDF2 with named parameters (Ory Kratos); the assignment around it yields to the hash
    (
        "password_hash",
        '"hashed_password": "$pbkdf2-sha256$i=100000,l=32$8Q199zOqAbxw7bkSVnO6Bw$'
        'OGvV5qqe5FKPldINOialq83hYu0mqHKMQexNuGxqabA"',
        True,
    ),
    (
        "password_assignment",
        '\\"password\\": \\"$pbkdf2-sha256$i=100000,l=32$8Q199zOqAbxw7bkSVnO6Bw$'
        'OGvV5qqe5FKPldINOialq83hYu0mqHKMQexNuGxqabA\\"',
        False,
    ),
    # EXAONE, Hunyuan and ERNIE 4.5 markup; capitalised role keys (Tencent's API)
    ("chat_template", '{"prompt": "[|system|]You are EXAONE.[|endofturn|]\\n[|user|]hi\\n[|assistant|]"}', True),
    ("chat_template", "<|startoftext|>Du er en hjelpsom assistent.<|extra_4|>Hei<|extra_0|>", True),
    ("chat_template", "<|begin_of_sentence|>You are helpful.\nUser: hi\nAssistant: hello<|end_of_sentence|>", True),
    ("chat_template", "matrix [|1, 2|] and list [| x |]", False),
    ("chat_role_json", '{"Messages": [{"Role": "user", "Content": "hola"}]}', True),
    # a bearer token of hex digits behind a vendor prefix (entropy under 3.5 bits: at most 4 in hex)
    ("bearer_token", "Authorization: Bearer fc-a19095537d319d9c888f81f3fd85b501", True),
    ("bearer_token", "Authorization: Bearer xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", False),
    # a password element's text; a password on a database client's or sshpass's command line
    ("password_assignment", "<server>\\n  <id>nexus</id>\\n  <password>mxZ7GeFQZ1GlG</password>", True),
    ("password_assignment", "mysql -u payouts -p'Kozhikode6267$' -h db-payouts payouts < fix.sql", True),
    ("password_assignment", "mysqldump -uroot -pKq8mZ3rT1v shop", True),
    ("password_assignment", "mysql -u root -p mydatabase < dump.sql", False),
    ("password_assignment", "sshpass -p 'Lae742$' scp payouts.csv bank-sftp:/inbox/", True),
    ("password_assignment", "sshpass -p $SSHPASS ssh host", False),
    # Letta's and MiniMax's message objects; MiniMax's markup
    ("chat_role_json", '[{"message_type": "system_message", "content": "x"}]', True),
    ("chat_role_json", '{"messages": [{"sender_type": "USER", "sender_name": "a", "text": "hi"}]}', True),
    ("chat_role_json", '{"message_type": "error", "sender_type": "system"}', False),
    ("chat_template", "<beginning_of_sentence>system ai_setting=assistant\\nhello<end_of_sentence>", True),
    # DCC2 (hashcat's mscash2), Elasticsearch's {PBKDF2}, a bcrypt hash written in base64 (Caddy, Home
    # Assistant); GPN (9360), JCB of 17-19 digits, Diners 3095 on 16 digits
    ("password_hash", "ACME.LOCAL/administrator:$DCC2$10240#administrator#a64fb683bcba61be1e9b2b4a409367e0", True),
    ("password_hash", "$DCC2$10240#administrator#a64fb683", False),
    (
        "password_hash",
        "elastic:{PBKDF2}10000$0ipcz78h5nOWBQ/S2kfaFUbhRmRmTkXGDoGwYVHyNBo=$fv+bGPhrJi/jOYpBRu8t+fSDRWJCjjJ5thyi3yxlzsM=",
        True,
    ),
    (
        "password_hash",
        "basicauth /admin/* {\\n    wali JDJhJDE0JGhFZ1l3V1Z5NGFpSU5JbjllU3FvMVF3TDhJdmNH"
        "VzguZDV6UFJYa2lvSzVjQXVUVU01Ykl2",
        True,
    ),
    ("password_hash", "the base64 of $2a$ is JDJhJA==", False),
    ("payment_card", "GPN 9360258053897095 debit", True),
    ("payment_card", "GPN 9360258053897096 debit", False),
    ("payment_card", "<CardNumber>353715828484731917</CardNumber>", True),
    ("payment_card", "AMEX 3095 5342 2942 7479 CID ****", True),
    # a key given as a command-line flag (dotnet nuget push, CLIs of APIs); a variable or a placeholder is not
    ("generic_secret", "dotnet nuget push a.nupkg --api-key oy2ti8liva34vdlfuni50kcu320y2g4x1rq1pgv7t", True),
    ("generic_secret", "nuget push x.nupkg --api-key $NUGET_API_KEY", False),
    ("generic_secret", "usage: tool --api-key KEY --secret-key SECRET", False),
    ("generic_secret", "aws configure set --access-key AKIAEXAMPLEEXAMPLE --profile dev", False),
    # a 32-digit hex token is held to what random hex reaches (3.41 bits here, under 3.5); a typed repeat is not
    ("auth_token_assignment", "auth_db [authorize.c:178]: auth_token: 08911771165a131a647b66e859218462", True),
    ("generic_secret", "api_key=deadbeefdeadbeefdeadbeefdeadbeef", False),
    # an API key as a URL's bare ``key`` parameter (map and geocoding APIs); a path or a mask is no key
    ("generic_secret", "GET /routing/1/calculateRoute/52.5,13.4/json?key=FF5yD8Z7EPrM9FhW83jXgzJgttZbq2xa", True),
    ("generic_secret", "GET /files?key=uploads/2024/report.pdf", False),
    ("generic_secret", "GET /maps/api/tile?key=XXXXXXXXXXXXXXXXXXXXXXXX&z=4", False),
    # a chosen shared secret on a config line of its own (FreeRADIUS clients.conf), not a word, version or variable
    ("generic_secret", "client ap-07 {\n\tipaddr = 10.0.0.7\n\tsecret = wXUvkVVvYBT1\n}", True),
    ("generic_secret", "client ap-07 {\\n  secret = testing123\\n}", True),
    ("generic_secret", "client ap-07 {\n  secret = changeme\n}", False),
    ("generic_secret", "secret = v1.2.3-beta", False),
    ("generic_secret", "secret = ${RADIUS_SECRET}", False),
    ("generic_secret", "the secret = 42, said the guide", False),
    # PHP's session id under an application's own cookie name; all hex, it is an id (a device's)
    ("session_cookie", "GET / HTTP/1.1\\nCookie: Icingaweb2=jiix2y80oo3fd9z5fd67dfn3fi", True),
    ("session_cookie", "Cookie: glpi_8ac3914e6e7f6e1a2b3c=u1osu5pr9j9ht5qwfemfiufq3a; lang=en", True),
    ("session_cookie", "Cookie: device=3f2b8c1e9d4a4b7e8f216c5d9e", False),
    ("session_cookie", "Cookie: cart=abcdefghijklmnopqrstuvwxyz", False),
    ("session_cookie", "Cookie: _ga=ga1x2x1234567890x1234567890ab", False),
    # symmetric keys and passwords by their names in a key-value table (OpenVPN, IPsec, OpenLDAP, Kamailio)
    (
        "named_secret",
        "openvpn:tls-crypt.static-key\x1f72673f23ca06ee183e8534e40712a29f905eca5d6c054931cfa592c66c5c26bb",
        True,
    ),
    ("named_secret", "ipsec.peer.psk\x1fq8Zr2LmX0vNc7TbW4yHa", True),
    ("named_secret", "slapd.rootpw\x1fAden8324x", True),
    ("named_secret", "kamailio:DBRWPW\x1fAden8324", True),
    ("named_secret", "kamailio:DBRWPW\x1fchangeme", False),
    ("named_secret", "ipsec.peer.psk_length\x1f32", False),
    # unclaimed's classes: a "uri" inside "security" excludes nothing, a name ending in ".key" or "EncryptKey",
    # a public key's or a data key's name, code reading an environment variable
    ("named_secret", "gitea:security.SECRET_KEY\x1fmnOUXUMplDKEDdtOSzxPCnURyqPIh1FUcvtjLNmHHpcBfgjPK3", True),
    ("named_secret", "nifi:nifi.sensitive.props.key\x1fRcqqhCwkGSgFWjntyuFVPQjo", True),
    ("named_secret", "mattermost:SqlSettings.AtRestEncryptKey\x1f1ZFqWkYRqaNqL6LwzFPelsQn0wiYWBxQ", True),
    ("named_secret", "recaptcha.site.key\x1f6LcX8kQpAAAAAJ2mZr7Vq1TnYw3Bf9HdLs0KpE4u", False),
    ("named_secret", "events.partition.key\x1fq8Zr2LmX0vNc7TbW4yHaKd", False),
    ("named_secret", "monkey\x1fRcqqhCwkGSgFWjntyuFVPQjo", False),
    ("named_secret", "superset:SECRET_KEY:ref\x1fos.environ['SUPERSET_SECRET_KEY']", False),
    ("named_secret", "app:api_key\x1fprocess.env.ACME_API_KEY", False),
    ("named_secret", 'app:api_key\x1fSystem.getenv("ACME_API_KEY")', False),
    ("named_secret", "snipeit:APP_KEY\x1fbase64:5io4sur+OhH0MTMqaSTKiNrZteSKpS5iv66szgKSZS8=", True),
    (
        "named_secret",
        "mule:carrier.client_secret:enc\x1f![ed3oqnhS5/QOVFQD0R2FzgNcr9aMVyde1Fh8SjDX2xWf51fXESI0]",
        False,
    ),
    # cards grouped by en dashes, middle dots, figure spaces (one kind per number), a magnetic stripe's track 1
    ("payment_card", '{"type": "VCC", "card": "4400\u20137407\u20134183\u20136596", "exp": "03/27"}', True),
    ("payment_card", "kortinum hj\u00e1 m\u00e6r 6270\u00b76741\u00b76979\u00b72704, kunnu", True),
    ("payment_card", "\u06aa\u0627\u0631\u068a 3714\u2013460719\u201320231 \u0645\u0627\u0646", True),
    ("payment_card", "co-pay card 6270\u00b76028\u00b73236\u00b73044\u00b7471", True),
    ("payment_card", "4111\u20131111 1111 1111 mixed", False),
    ("payment_card", "swipe data %B2489523613498085^CHARLES/SHERNELL^26052217711319161612?", True),
    ("payment_card", "swipe data %B2489523613498086^CHARLES/SHERNELL^2605", False),
    # Basic auth whose user is a secret key and whose password is empty; a short user is no key
    ("basic_auth", "Authorization: Basic TWlkLXNlcnZlci1JMFN1M3lydUVCSG82aUxZbkVSR0dPQ0o6", True),
    ("basic_auth", "Authorization: Basic YWRtaW5pc3RyYXRvcjo=", False),
    # a header holding a bare key (no scheme word), X-Key, an access key written in words
    ("generic_secret", "Authorization: api-8e913106-750b-467f-9691-28a3c516b06f", True),
    ("generic_secret", "X-Key: a8578137-ec18-4004-83f5-369e2788ac6f", True),
    ("generic_secret", "Authorization: Negotiate", False),
    ("aws_secret_access_key", "PutS3Object[x] Secret Access Key = RrUdmMYnfwOQTDDtmCmsi4t4QwoDFS/YedvtFUZy", True),
    # a file: URI is where a password lives; a hash under a password's name is the hash's
    ("password_assignment", "PASSWD_URI = file:/run/secrets/gitea_db_password", False),
    (
        "password_assignment",
        "UPDATE contact SET contact_passwd = 'sha1__354f8c7d08b5c52ae462d4d3fab6fe3732a9c075';",
        False,
    ),
    # Bugzilla, Centreon, AIX and XenForo hashes
    ("password_hash", "1J5EAY7zGVoBAQIFfA0FLbQ7xLO/nW4owt7tBkNgu6t1+CuZ6w0{SHA-256}", True),
    ("password_hash", "sha1__06b6de031fe0145ad0a612d14efe2aaa4749e997", True),
    ("password_hash", "md5__903a69cf27598b987c86c0084ab411a2", True),
    ("password_hash", "md5__00000000000000000000000000000000", False),
    ("password_hash", "{smd5}fYz.mAFO$6iXCo38TPaNHVLAg66vfj0", True),
    (
        "password_hash",
        'a:3:{s:4:"hash";s:64:"49dcbee321e4c91649ff9b58380e7764eb2483fc9a060a7c5fe4238927fcb0d1";s:4:"salt"',
        True,
    ),
    (
        "password_hash",
        '{"password_hash": "4994640030e81b206ccfd8003bb0db6e5848da74a3412f37921afc39b0c534dc:YX5gN67OCbV0hZQm"}',
        True,
    ),
    # Faroese, Setswana, Tok Pisin, Haitian (sé), Sindhi and Dzongkha (the value before the copula)
    ("credential_phrase", "t\u00edtt fyribils loyniorð er Falmouth4213-", True),
    ("credential_phrase", "Lefoko la me la sephiri ke Soufriere1944!, ke dire eng?", True),
    ("credential_phrase", "Paswod bilong Wi-Fi em Larkana9355-", True),
    ("credential_phrase", "Modpas wifi-a s\u00e9 Grenville7315!", True),
    (
        "credential_phrase",
        "Wi-Fi \u062c\u0648 \u067e\u0627\u0633\u0648\u0631\u068a Winter5137# \u0622\u0647\u064a",
        True,
    ),
    (
        "credential_phrase",
        "Wi-Fi \u0f42\u0f72\u0f0b\u0f46\u0f7c\u0f42\u0f0b\u0f61\u0f72\u0f42\u0f0b"
        " nmyb-udkk-upcx52 \u0f68\u0f72\u0f53\u0f0d",
        True,
    ),
    ("credential_phrase", "Lefoko la sephiri ke eng?", False),
    # Functionary's and Magicoder's prompts, rinna's turns; Front, Freshchat, Teams and Rocket.Chat messages
    ("chat_template", "<|from|>system\\n<|recipient|>all\\n<|content|>You are helpful.\\n<|from|>user", True),
    ("chat_template", "Be brief.\\n\\n@@ Instruction\\nHow far is Lae?\\n\\n@@ Response\\n", True),
    ("chat_template", "\u30e6\u30fc\u30b6\u30fc: hi<NL>\u30b7\u30b9\u30c6\u30e0: hello", True),
    ("chat_role_json", '[{"id": "m1", "is_inbound": true, "author": null, "text": "hi"}]', True),
    (
        "chat_role_json",
        '{"messages": [{"message_parts": [{"text": {"content": "hi"}}], "actor_type": "user"}]}',
        True,
    ),
    (
        "chat_role_json",
        '{"value": [{"messageType": "message", "from": {"user": {"id": "a", "displayName": "G"}}}]}',
        True,
    ),
    (
        "chat_role_json",
        '{"messages": [{"_id": "x1", "msg": "hi", "u": {"_id": "ib7b3", "username": "guest-4821"}}]}',
        True,
    ),
    ("chat_role_json", '{"event": "login", "actor_type": "user", "actor_id": "u-42"}', False),
    ("chat_role_json", '{"from": {"emailAddress": {"name": "Ops", "address": "ops@acme.io"}}}', False),
    # unheralded's classes: QNX, Seafile, SAP CODVN F, Derby, H2, Liferay and OS X hashes
    (
        "password_hash",
        "root:@s@dc3f500be0feefec211f6aea2b08e94ca69d9c7d5a627a654dc07a11ee620b45@581a01c86e8427e4:0:0",
        True,
    ),
    (
        "password_hash",
        "passwd = 'PBKDF2SHA256$10000$"
        "5d1c3a8e9f0b7264e13fa9c805d2b4e7a6c1f3098e2d5b7a4c6e1f0d3b9a8c72$e4a7c2f19b3d0865a1c7e3f5d9b2046c8e1a5f3d7b9c0e2a4f6d8b1c3e5a7f90'",
        True,
    ),
    ("password_hash", "USR02 export (CODVN F): CUSTOMS2$3C7C117CC43063232EE2C4B419EB466DF638F88B", True),
    ("password_hash", "price $2500 and $3000", False),
    (
        "password_hash",
        "derby.user.wms=3b622e057955baac4dd6f04a6b7e797f6527272f43d6e5f818c4b15758ec0a1b2c3d9e:b4b1706e034be96f69645bed5dc2c2a8:SHA-256:1000",
        True,
    ),
    (
        "password_hash",
        "CREATE USER WMS SALT 'aac0fe450567c3da' HASH '"
        "fb50968cafbafada231c9187f9f88672095ca9a5fac9751adda939b1d5a33f9e' ADMIN;",
        True,
    ),
    (
        "password_hash",
        "password_ = '{PBKDF2_WITH_HMAC_SHA1}AAAAoAAB9ADmxItsXkeNu15D9OgWuKfkFgbd3HiuhS+vf+XI'",
        True,
    ),
    (
        "password_hash",
        "ShadowHashData SALTED-SHA512: "
        "aadceed117b5ad97c4b999d9903d76169b2b8ae84463c30a84d30f4edcaaec90762a819e7fa1f79a482edf3a91d894a932649908d13b5994406f116206110043f44ac04f",
        True,
    ),
    ("named_password_hash", "password_hash\x1fn6iRACrkqTKfcn2p3sFH/fYtXYrLIn", True),
    ("named_password_hash", "password\x1fn6iRACrkqTKfcn2p3sFH/fYtXYrLIn", False),
    # and its chat markup (YandexGPT, PLaMo, GigaChat, StepFun, Grok 2) and exports (Onyx, LivePerson, FastGPT,
    # Telegram, Discord)
    (
        "chat_template",
        "<s> \u0421\u0438\u0441\u0442\u0435\u043c\u0430: Be brief.\\n\\n "
        "\u041f\u043e\u043b\u044c\u0437\u043e\u0432\u0430\u0442\u0435\u043b\u044c: hi",
        True,
    ),
    ("chat_template", "<|plamo:op|>dataset\\nchat\\n<|plamo:op|>message role:user\\nhi", True),
    ("chat_template", "<s>system<|role_sep|>\\nBe brief.<|message_sep|>", True),
    ("chat_template", "<|BOT|>system\\nBe brief.<|EOT|><|BOT|>human\\nhi<|EOT|>", True),
    ("chat_template", "System: Be brief.<|separator|>\\n\\nHuman: hi<|separator|>", True),
    ("chat_role_json", '{"messages": [{"message_id": 1, "message": "hi", "message_type": "user"}]}', True),
    (
        "chat_role_json",
        '{"messageRecords": [{"messageData": {"msg": {"text": "hi"}}, "sentBy": "Consumer"}]}',
        True,
    ),
    ("chat_role_json", '{"list": [{"obj": "Human", "value": [{"text": {"content": "hi"}}]}]}', True),
    ("chat_role_json", '{"result": {"from": {"id": 65, "is_bot": true, "first_name": "P"}, "text": "hi"}}', True),
    (
        "chat_role_json",
        '[{"id": "186", "channel_id": "1662852359524330951", "author": {"id": "19", "bot": true}}]',
        True,
    ),
    # a Moodle web-service token and a token-named header; a CSRF token in a URL is none
    (
        "auth_token_assignment",
        "/webservice/rest/server.php?wstoken=e1b0062c0d8ffc83379d7b515279a9aa&wsfunction=x",
        True,
    ),
    ("auth_token_assignment", "X-Postmark-Server-Token: d936bfc1-3000-4c73-939c-9062b3f1c7be", True),
    ("auth_token_assignment", "GET /form?csrftoken=8KfJ2mQx9LwT4vNc8RdP3sHj6ZaGe1Uo", False),
    # a Llama API or Sanctum key with "|" in a bearer, FCM's legacy key, CAS's ticket-granting cookie
    ("bearer_token", "Authorization: Bearer LLM|1777297851229036|-Ri1582W4Cpg4k1WC8m_e7FWpdE", True),
    ("generic_secret", "Authorization: key=AAAAKs6D-1p:APA91b_6bkVEZXFTFtRMWXu50zcBe7PWZGE6it3hRRW", True),
    ("session_cookie", "Cookie: CASTGC=TGT-7385-YyLoSRqiQoh4nUwcjsX33mB3riGhufmTj-JLzgaYAI4makBmNX-cas03", True),
    # SSSD's and Moodle's passwords; Mule's and Django's stored forms are no password
    ("password_assignment", "ldap_default_authtok = Kemper8668-", True),
    ("password_assignment", "$CFG->dbpass = 'Sandy-Ground7483$';", True),
    ("password_assignment", "password=![TdUbjh6Pwph4oAWrvycrBXTmRmqhELzjBiPgnOD+tf0=]", False),
    ("password_assignment", "SET password = '!2BjQ8k7gOpWAAaw6RcEwYTCHFlS5Ss1Yv0X9ZNQF'", False),
    # an EDIFACT contact's e-mail before its qualifier; an SSH remote and a host's port are none
    ("email", "CTA+IC+:RECEIVING'COM+shaneka.ebanks@logic.bm:EM'", True),
    ("email", "git@github.com:acme/api.git", False),
    ("email", "admin@db.acme.io:5432", False),
    # a phrase in Corsican, Guarani, Breton; a card grouped by zero-width spaces; an IBAN's group is no phone
    ("credential_phrase", "a vostra parolla d'intrata pruvisoria h\u00e8 ydjl-lxqa-qcoj46", True),
    ("credential_phrase", "Che \u00f1e'\u1ebd\u00f1emi ha'e izqb-tldd-xech60, mba'e?", True),
    ("credential_phrase", "Ger-tremen ar Wi-Fi : Summer4708", True),
    ("payment_card", "card 6243\u200b1317\u200b0965\u200b6545\u200b694 declined", True),
    ("phone", "IBAN ES47 0049 4085 9282 6520 6946", False),
    # a software vendor's product, then its version; a network's or a cloud's device, then its address
    ("ipv4", "VCL_Log        Apache NiFi 1.24.0.3 started", False),
    ("ipv4", "Microsoft SQL Server 15.0.2000.5 ready", False),
    ("ipv4", "Cisco ASA 81.2.69.160 denied", True),
    ("ipv4", "ClientIP 81.2.69.160", True),
    # a vendor's ``<Word>-Key`` header; keys of data in such a header are none; a password as an XML element
    ("generic_secret", "[function:parse scan] Fastly-Key: xm15OrjosAJJskgwcSlIwIo9Y_BsvR4a", True),
    ("generic_secret", '{"Fastly-Key": "xm15OrjosAJJskgwcSlIwIo9Y_BsvR4a"}', True),
    ("generic_secret", "Idempotency-Key: 5f0c2a9e-8d41-4b7a-9c3e-2f6d1b8a7e40", False),
    ("generic_secret", "Cache-Key: tenant42-eu-west-1-chat-history-v2", False),
    ("password_assignment", "... started 05:18:03.\n<pass>Lmz0fUHM2cE3V3s</pass>\n", True),
    ("password_assignment", "<passage>The quick brown fox</passage>", False),
    ("password_assignment", "D! [outputs.influxdb_v2] <pass>__DB_PASS__</pass>", False),
    ("password_assignment", "db.password=@DB_PASSWORD@", False),
    ("password_assignment", "password: '#{Octopus.Db.Password}'", False),
    ("password_assignment", "set DB_PASSWORD=%DB_PASSWORD%", False),
    # an IBAN behind a fixed-width record's type letter (Norma 19.14's ``A``); a glued reference is none
    ("iban", "GIMENEZ ACOSTA LUIS          AES0700499311138893891447    CUOTA", True),
    ("iban", "ref XDE00123456789012345678 queued", False),
    # names: a ``…pass`` and SSSD's ``authtok``; hex under an environment variable's password name is a password
    ("named_secret", "moodle:smtppass\x1fHamilton745", True),
    ("named_secret", "sssd:ldap_default_authtok\x1fNukufetau4469+", True),
    ("named_secret", "proxy:bypass\x1fcorp-internal-hosts", False),
    ("named_secret", "jitsi:JVB_AUTH_PASSWORD\x1f9125e380eb825bd8a5093ce11e471c13", True),
    ("named_password_hash", "jitsi:JVB_AUTH_PASSWORD\x1f9125e380eb825bd8a5093ce11e471c13", False),
    ("named_password_hash", "users:password\x1f9125e380eb825bd8a5093ce11e471c13", True),
    ("named_password_hash", "ADMIN_PASSWORD_MD5\x1f9125e380eb825bd8a5093ce11e471c13", True),
    # an AWS secret key under ``secret_key`` in an AWS service's config section (Telegraf's cloudwatch, kinesis)
    (
        "aws_secret_access_key",
        'W! [outputs.http] [[outputs.cloudwatch]]\n  secret_key = "9dgDA0yx8BaIujR/+Xap7bykn/lj9OajHd5XXrkh"',
        True,
    ),
    ("aws_secret_access_key", '[[inputs.kinesis_consumer]]\n  secret_key = "${AWS_SECRET}"', False),
    # ScreenOS's admin hash where its config writes it (its fixed letters make it one anywhere)
    ("password_hash", 'set admin password "n8rGHCrQYZxjcgIYZs3ZX6ytyyd1Zn"', True),
    ("credential_phrase", 'set admin password "n8rGHCrQYZxjcgIYZs3ZX6ytyyd1Zn"', False),
    # an HL7 v2 telecom field's components (country, area, local number); an invalid number there is none
    ("phone", "PID|1||P-74051^^^CLINIC||Mango^^^^^^B||||||^PRN^CP^^691^^3509541\rOBR|1|164768||CBC", True),
    ("phone", "PID|1||P-10021^^^CLINIC||Mango||||||^PRN^CP^^1^264^4621486\rOBR|1|273929||CBC", True),
    ("phone", "PID|1||P-10021^^^CLINIC||Mango||||||^PRN^PH^^1^000^0000000\rOBR|1|273929||CBC", False),
    # the unnoticed split's: hash families, an airline booking's PNR fields, sealed and SSO session cookies,
    # a Salesforce session id as a bearer, an Erlang header tuple, a key in a query string, SSH logins
    (
        "password_hash",
        "$PBKDF2-SHA512$iterations=210000$AD1E0E572A351AE85A8F9618846870FB$BD8E5B2CAD1C2EBF1C0BFD6E41C18034B4D8E14A45"
        "D22C1506EE68D79DADEB51168734667C9F844412702522CEBA5328C6F209E3C0A9214ED3DD227C82F68A3C",
        True,
    ),
    (
        "password_hash",
        "$BALLOON-SHA256$v=1$s=1024,t=32$uzLhw4LnGw6W9plXOXJW7w==$DA6AwuHFHaV/3EThzixqH3jFZhHishDAnjm78yvpsxU=",
        True,
    ),
    (
        "password_hash",
        '{"hash": {"algorithm": "SHA-256", "salt": "iDGe8RQkBqhaMNbl2+0Aww==", "saltOrder": "PREFIX", '
        '"value": "3pQB2OjuRzeCLaAUARpuwT6djOI3Ojm8AqvlugRdQCA="}}',
        True,
    ),
    ("password_hash", "realm: MD5:85f4a70e24d98ca6bafe58eae549d2a1", True),
    (
        "password_hash",
        "crew:1014:XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX:DA30B51B6A5B7F4AF70F1E98503033D5:[U          ]:LCT-A6E8365:",
        False,
    ),
    (
        "password_hash",
        "crew:1014:XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX:DA30B51B6A5B7F4AF70F1E98503033D5:[U          ]:LCT-A6E83658:",
        True,
    ),
    (
        "password_hash",
        "root_password_sha2 = 4eb862741bbd225b985cd36139f4e60af186b1a100c28e78fc8f580c2d7bc365",
        True,
    ),
    (
        "password_assignment",
        "root_password_sha2 = 4eb862741bbd225b985cd36139f4e60af186b1a100c28e78fc8f580c2d7bc365",
        False,
    ),
    (
        "password_hash",
        "Password=0YTqfD3IYP+vifbrUKoMzc26pw4=;PasswordSalt=DBnxuxLufNMYRnDT5BDaEw==;PasswordFormat=1",
        True,
    ),
    ("email", "SSR CTCE YY HK1/GEMMA..SANCHEZ+FLIGHTS//TISCALI.IT", True),
    ("email", "SSR CTCE YY HK1/NOBODY//EXAMPLE.COM", False),
    ("email", '[error="ssh -J jump@bastion.ops.internal meterops@mdm-he-03"]', False),
    ("email", "contact the ssh team at jump@bastion.acme.io", True),
    ("phone", "SSR CTCM YY HK1/299221837", True),
    ("phone", "SSR CTCM YY HK1/1000000000", False),
    ("payment_card", "FP CCVI4659613513396081/0427", True),
    ("payment_card", "FP CCVI4659613513396082/0427", False),
    ("payment_card", "card no. 3602\u00ad046557\u00ad1152 (copied from the confirmation page)", True),
    ("payment_card", "card 4539\u20601488\u20600343\u20606467 on file", True),
    ("payment_card", "card 4539\u20601488\u00ad0343\u20606467 on file", False),  # one kind of separator
    ("session_cookie", "Cookie: mellon-cookie=f5fab0f4effea6480e42ba829a8aa9b5", True),
    ("session_cookie", "Cookie: OAMAuthnCookie_app.acme.example:443=L0IU4r+zpMqejKGAnwgDQUwYOEChgOxSZuRs", True),
    (
        "session_cookie",
        "Cookie: security_authentication=Fe26.2**124813aa57d640d0753d367cc5f52df6*9IQNWAMU_bLEQ54BILgxwg*Xj2rmR9H",
        True,
    ),
    ("bearer_token", "Authorization: Bearer 00DWAPO4qgXzs8T!AQQQUMIFzDwABV9.C.JlFh4FOnqqdNNMvhjqccuaEchYt6", True),
    ("generic_secret", '[{<<"authorization">>,<<"Token 457559d6fe0abddd9c9edba94d6123fc8bdb84aa">>}]', True),
    ("generic_secret", "GET /s?q=x&api_key=70b458e4020aa853c1b3fe35d2c10f64f11d0f77c403dfec7c62058b6645b524", True),
    ("generic_secret", '{"api_key": "70b458e4020aa853c1b3fe35d2c10f64f11d0f77c403dfec7c62058b6645b524"}', False),
    ("basic_auth", '"full_log": "Authorization: Basic OnVrNF9DVlY4N0VtUEpadmtzVU1rTkYxdTJHaDlEOTFkSUl0bg=="', True),
    ("basic_auth", "Authorization: Basic OmNoYW5nZW1l", False),
    ("generic_secret", '{"name": "4wSqjLZnAMF8", "transactionKey": "qKesx2WxaBXoO0jD"}', True),
    ("named_secret", "edc:typeform.token\x1ftfp_4g31qhC9oBjWVGdSPh2bVpB9FV8GpTdyoY3lQfDO6fh3_KRH8Yw", True),
    ("named_secret", "auth.token_type\x1fBearerTokenLongValue1234", False),
    # Papiamento's, Romansh's, Sardinian's and Kalaallisut's words for the password, with their copulas
    ("credential_phrase", "E kontraseña di e Wi-Fi ta Marble2625!", True),
    ("credential_phrase", "mi kontraseña ta un secreto", False),
    ("credential_phrase", "Il pled-clav dal WLAN è Borgo3848%", True),
    ("credential_phrase", "sa paràula segreta temporànea tua est yKE5GVj&IQaXo", True),
    ("credential_phrase", 'msg="Wi-Fi-p isertaataa tassaavoq Catalan-Bay3614!"', True),
    # the password before the words naming it, in a sentence of any language; a login or a product there is not
    ("credential_phrase", "Non potzo intrare. GiJrCRacD6MeHJ6xYE est sa paràula segreta mea, ite depo?", True),
    ("credential_phrase", "Jau na poss betg m'annunziar. zxmg-dwyd-fwdj53 è mes pled-clav, tge far?", True),
    ("credential_phrase", "notice: O Arikok8798- te parau huna o te Wi-Fi", True),
    ("credential_phrase", "locked out again. Nuuk7851% is what I set yesterday, the login is my email", True),
    ("credential_phrase", "Xk29!mQ7vz ist mein neues Passwort", True),
    ("credential_phrase", "(Xk29!mQ7 is the wifi password)", True),
    ("credential_phrase", "请记住Xk29!mQ7是你的新密码", True),
    ("credential_phrase", "Xk29!mQ7이 제 비밀번호예요", True),
    ("credential_phrase", "user jdoe2024 is the password owner", False),
    ("credential_phrase", "user j.doe2024 changed password", False),
    ("credential_phrase", "release 2024.10.1 is the new password policy", False),
    ("credential_phrase", "Passwort ist Sonnen-Blau7", True),  # the value after the word: as before
    # a short generated key (16-19 letters and digits of both cases) a little below 3.5 bits a character
    ("generic_secret", "grant_type=client_credentials&client_id=abc&client_secret=fCZQp6p2uZFkZCgY", True),
    ("generic_secret", "grant_type=client_credentials&client_id=abc&client_secret=aaaaBBBB1111cccc", False),
    ("generic_secret", "grant_type=client_credentials&client_id=abc&client_secret=fczqp6p2uzfkzcgy", False),
    ("credential_phrase", "main.go:76] use Osogbo654! as the password for the shared printer account", True),
    ("credential_phrase", "Ọ̀rọ̀ aṣínà tuntun rẹ ni n9ApkU7qOa2yWfhqIZb_", True),
    ("credential_phrase", "Ṣé o gbàgbé ọ̀rọ̀ aṣínà rẹ?", False),
    # PHP's define(), Windows unattend.xml, reqwest's bearer_auth, SignalR/Web PubSub connection strings
    ("password_assignment", "NOTICE: PHP message: define( 'DB_PASSWORD', 'Ibadan5726*' );", True),
    ("password_assignment", "define('DB_PASSWORD','Ibadan5726*');", True),
    ("password_assignment", "define( 'DB_PASSWORD', 'password_here' );", False),
    ("password_assignment", "<AdministratorPassword>\n  <Value>Osogbo3828#</Value>", True),
    ("password_assignment", "<AdministratorPassword>\n  <Value>*SENSITIVE*DATA*DELETED*</Value>", False),
    ("bearer_token", 'let resp = client.get(url).bearer_auth("uiYvpDrsxfsM2ykNWFNmkS5L5").send().await?;', True),
    ("bearer_token", 'client.get(url).bearer_auth("aaaaaaaaaaaaaaaaaaaaaaaa")', False),
    (
        "azure_storage_connection_string",
        "Endpoint=https://acme-chat.webpubsub.azure.com;AccessKey=oMAejEzSs21qdgijYcBp0YULfetwp+KwaCXrlTUYEKE=;Version=1.0;",
        True,
    ),
    ("generic_secret", "[error] <0.29122.0> PUSHER_APP_SECRET=7bf88b148a91990dabdf", True),
    ("generic_secret", "[error] <0.29122.0> PUSHER_APP_SECRET=0000000000aaaaaaaaaa", False),
    ("payment_card", "DinaCard 9891 3453 3200 0894", True),
    ("payment_card", "Borica 2205-3505-6370-1570 declined", True),
    ("payment_card", "DinaCard 9891 3453 3200 0895", False),
    # unremarked's: a dash after the value, a password in parentheses, value-first phrases in Gaelic, Esperanto,
    # Yiddish and Bashkir; a systemd unit, a Windmill reference; Redmine, Guacamole, Samba, ArangoDB and Zen Cart
    # hashes; Anthropic's legacy prompt, <s> turns, Japanese Alpaca, Claire; five chat exports; Russian phones
    ("credential_phrase", "client bloqué dans l'appli, son mot de passe est Prishtina3721 — réinitialiser", True),
    ("credential_phrase", "applicant wrote her portal password on the form (dhha-svjt-yhwk44), advised", True),
    ("credential_phrase", "Chan urrainn dhomh logadh a-steach. 'S e Kitten6153$ am facal-faire agam", True),
    ("credential_phrase", "Mi ne povas ensaluti. jbhe-rbhg-rrwo32 estas mia pasvorto, kion mi faru?", True),
    ("credential_phrase", "La pasvorto de la Wi-Fi estas 8#Bncvbq-OaCki-4U", True),
    ("credential_phrase", "איך קען נישט אַרײַנלאָגירן. RqN9O8hSnZYQHCi3 איז מײַן פּאַסוואָרט, וואָס?", True),
    ("credential_phrase", "Инә алмайым. kTPK69Q3tsBSHAmP — минең серһүҙем, нимә эшләйем?", True),
    ("credential_phrase", "Falcon9721 איז דער פּאַראָל פֿונעם Wi-Fi", True),
    ("credential_phrase", "Онотҡан серһүҙемде нисек тергеҙергә?", False),
    ("email", "systemctl restart payg-sync@momo.service", False),
    ("generic_secret", '{"value": {"api_key": "$var:f/secrets/openai_key"}}', False),
    ("password_hash", "hashed_password=c4a47eeda2f4de3ad2ead7add5ddd8e72853e4a0 salt=a55f24498a4e1c8f", True),
    ("password_assignment", "login=d27 hashed_password=c4a47eeda2f4de3ad2ead7add5ddd8e72853e4a0 salt=a5", False),
    ("password_hash", "password_hash=x'7708FEE8BACF45879D3341D5ACCD2C8C7622874DB64B5BE5FA0278AB6C5479E4'", True),
    ("password_hash", "unicodePwd:: N1au/+pFc++naXCA7y18/w==", True),
    ("password_hash", '{"simple":{"hash":"241fc3ba1743e2a3d516b70789339b87e5f9b3320a63f731afec1c97e45b6955"', True),
    ("password_hash", "msg=\"customers_password = '0e559e5e2ac154d07d6316aa5b696fdf:b5'\"", True),
    ("password_assignment", "msg=\"customers_password = '0e559e5e2ac154d07d6316aa5b696fdf:b5'\"", False),
    ("chat_template", '{"prompt": "Be brief.\\n\\nHuman: translate it\\n\\nAssistant:", "max_tokens": 9}', True),
    ("chat_template", "A chat between a human and an AI.\n\nHuman: <s>hi</s>Assistant: <s>Hello.</s>", True),
    ("chat_template", "### 指示:\nBonjorn?\n\n### 応答:\nÒc.", True),
    ("chat_template", "[Intervenant 1:] Quand pòdi venir?\n[Intervenant 2:] Deman.", True),
    ("chat_role_json", '{"items": [{"kind": "MessageToOperator", "nickname": "Visitor 966", "body": "hi"}]}', True),
    ("chat_role_json", '{"messages": [{"type": "MESG", "message_id": 5945769963, "message": "hi"}]}', True),
    ("chat_role_json", '{"messages": [{"timestamp": 1769116650, "type": "visitor", "message": "hi"}]}', True),
    ("chat_role_json", '[{"body_text": "hi", "id": 58941625816, "incoming": true, "private": false}]', True),
    ("chat_role_json", '{"items": [{"date": 1768587211, "id": 2, "out": 1, "peer_id": 500455511}]}', True),
    ("chat_role_json", '{"type": "agent", "name": "Support", "status": "online"}', False),
    ("phone", "renter asks to be called before the inspection: 8 (912) 907-57-86", True),
    ("phone", "order 8 (912) 907-57-86 shipped", False),
    ("phone", "linkerd_app_core::serve: Cuir fòn thugam air 671-366-3077", True),
    # an MSISDN: E.164 without its "+" where the number is named (an SMS gateway's delivery report)
    ("phone", "dlr msisdn=2348031234567 status=DELIVRD err=000", True),
    ("phone", '{"msisdn": "447911123456", "operator": "EE"}', True),
    ("phone", "msisdn=99999999999999 status=DELIVRD", False),
    ("phone", "order_id=447911123456 amount=12", False),
    # unforeseen's: RWKV, BELLE, KoAlpaca and Question/Answer prompts; HappyFox, Re:amaze, WhatsApp Cloud, Zulip and
    # Kayako exports; a digest beside its salt, hash algorithm or iteration count; htdigest; Tailscale node keys;
    # OpenCart's OCSESSID; header lists' pairs; Manx, Chuvash, Asturian and Cebuano phrases; n8n's blank value
    ("chat_template", "You are helpful.\n\nBob: my door card stopped working\n\nAlice: I re-issued it.", True),
    ("chat_template", "Human: Summarise this contract.\n\nBelle: Here is a short summary.", True),
    ("chat_template", "### 질문: La tarxeta nun funciona.\n\n### 답변: Activemos una nueva.", True),
    (
        "chat_template",
        '{"prompt": "\\n\\nQuestion: Can you help me write an email?\\n\\nAnswer:", "max_tokens": 9}',
        True,
    ),
    ("chat_template", "FAQ\nQuestion: how do I reset?\nAnswer: click reset", False),
    ("chat_role_json", '{"updates": [{"by": {"type": "contact", "id": 8972}, "message": {"text": "hi"}}]}', True),
    ("chat_role_json", '{"messages": [{"body": "hi", "user": {"name": "Customer", "staff?": false}}]}', True),
    ("chat_role_json", '{"messages": [{"id": 476968, "sender_full_name": "Member", "content": "hi"}]}', True),
    ("chat_role_json", '{"creator": {"id": 6713, "resource_type": "user", "role": "customer"}}', True),
    (
        "chat_role_json",
        '{"messaging_product": "whatsapp", "messages": [{"type": "text", "text": {"body": "hi"}}]}',
        True,
    ),
    ("chat_role_json", '{"messaging_product": "whatsapp", "statuses": [{"status": "delivered"}]}', False),
    ("password_hash", "password='09bed7983b9ba56f2a89fc3b8e75b71093122263', salt='kRn5nwLxS'", True),
    (
        "password_hash",
        "password='3CBoYlnr/kaZvK5Upmc7fAEzCJY=', serverkey='R/YRYa6XuKHAGVLkzPhwdvNoCUM=', iterationcount=4096",
        True,
    ),
    (
        "password_hash",
        '{"password": "F9KNcwuvLAU68+iObM6xQy5eUAPorolusTIjaUmamkkAdofs", "hashAlgorithm": "HMACSHA256"}',
        True,
    ),
    ("password_assignment", "password='09bed7983b9ba56f2a89fc3b8e75b71093122263', salt='kRn5nwLxS'", False),
    ("password_hash", "db password=hunter2hunter2 and the salt shaker", False),
    ("password_hash", 'msg="/etc/apache2/.htdigest: hakim:Staff only:01244a61b7e17555ba7afd1b6e36bfce"', True),
    ("password_hash", "cache:etag:0123456789abcdef0123456789abcdef", False),
    (
        "private_key",
        "cat noise_private.key\nprivkey:c869300c9aeeeff26445efe16a639b160a37b354bc7707d533fae58b7db9aff0",
        True,
    ),
    ("session_cookie", "Cookie: language=en-gb; currency=EUR; OCSESSID=06c2bd70308605649e538a1ac6", True),
    (
        "generic_secret",
        "[('Authorization', '51b6ffea8fc884ee36f53b9fa7295137'), ('Content-type', 'application/json')]",
        True,
    ),
    ("generic_secret", '{:headers {"authorization" "51ea65af165cb68db8fe34c1fa51512e", "accept" "*/*"}}', True),
    (
        "generic_secret",
        "ERROR [ENDPOINT: /v1/sessions] Authorization: token api-sync:oXusSPKFCNwnyWUIjYHA1fJSPBLX3BJw",
        True,
    ),
    ("generic_secret", "[('Authorization', 'Bearer {{token}}')]", False),
    ("generic_secret", "meilisearch::routes: Authorization: Apikey 62d56c74-e667-4cca-a025-259262dbd60c", True),
    ("generic_secret", "Authorization: Apikey 00000000-0000-0000-0000-000000000000", False),
    # Arabic-Indic and Persian digits read as digits
    ("payment_card", "شماره کارتم ۶۳۶۲ ۱۴۰۶ ۶۱۰۹ ۰۵۶۶ هست", True),
    ("phone", "WhatsApp +۹۸ ۹۱۲ ۸۸۹ ۷۳۰۹", True),
    ("payment_card", "شماره کارتم ۶۳۶۲ ۱۴۰۶ ۶۱۰۹ ۰۵۶۷ هست", False),
    # unguessed's: Stalwart's %{env:…}% macros, Client-ID headers, semver build metadata; multi-line and LLaVA
    # templates; Langflow, Matrix, WeChat, Trengo, Zoho Desk, Helpshift and Kakao i exports; roasted Kerberos,
    # PMKID and NetNTLMv2 captures; i_like_*, Gerrit and Bugzilla cookies; an s3 section's and Vault's AWS keys;
    # Low German, Antillean Creole, Assamese, Bhojpuri and Friulian phrases
    ("generic_secret", 'provider = "anthropic"\napi_key = "%{env:ANTHROPIC_API_KEY}%"', False),
    ("generic_secret", "unsplash: Authorization: Client-ID W3sqc0c_yy2wb9MKoTqUofEHYkWNNFKd-ivMDj7O1Ha", False),
    ("generic_secret", 'msg="Authorization: Uploadcare.Simple 025d4f48dfe7f53a62d8:c9a5a71435680f5a7c85"', True),
    ("ipv4", "2026-01-10 09:21:31 ERROR: forgejo 1.21.8.5+gitea-1.22.0", False),
    (
        "chat_template",
        "SYSTEM: Be brief.\nUSER: My doctor said my blood pressure is high?\nASSISTANT: Eat less salt.",
        True,
    ),
    ("chat_template", "You are helpful.\n\n### Instruction\ntranslate it\n\n### Response\nBuenos días.", True),
    # without a system line, USER:/ASSISTANT: turns are a transcript, not a prompt's template
    ("chat_template", "USER: Can you help me?\nASSISTANT: Of course.", False),
    ("chat_template", "You are helpful. USER: <image>\nDat Opladen is nich ankamen. ASSISTANT:", True),
    (
        "chat_role_json",
        '{"outputs": [{"message": {"text": "Padon.", "sender": "Machine", "sender_name": "AI"}}]}',
        True,
    ),
    (
        "chat_role_json",
        '{"chunk": [{"type": "m.room.message", "sender": "@guest:matrix.x", "content": {"body": "hi"}}]}',
        True,
    ),
    ("chat_role_json", "<xml><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content></xml>", True),
    ("chat_role_json", '{"data": [{"id": 331333, "type": "INBOUND", "message": "Summarise this."}]}', True),
    ("chat_role_json", '{"messages": [{"author": {"name": "Guest", "roles": ["user"]}, "body": "hi"}]}', True),
    ("chat_role_json", '{"request": {"userRequest": {"timezone": "Asia/Seoul", "utterance": "hi"}}}', True),
    ("chat_role_json", '{"data": [{"direction": "in", "author": {"type": "END_USER", "name": "Guest"}}]}', True),
    ("chat_role_json", '{"user": {"name": "ops", "roles": ["admin"]}}', False),
    (
        "password_hash",
        "$krb5asrep$23$maeva@FERRY.AX:cede6d90c07ee74c55e5ce3140bb969e$f4b41f5e922f0b3f7ab008bd4c40d76113dbf81f54d68d0efe"
        "360e444678501ac2df8507f98231b0f9b6c285083a1dadd8335bdd7140226af377b5b856bd041fb15fbf61d",
        True,
    ),
    (
        "password_hash",
        "WPA*01*2ac40fe1da23d416a535ce1ee32f6393*24918db3a030*d3ea54b8c611*526563657074696f6e2d3547***",
        True,
    ),
    (
        "password_hash",
        "[SMB] NTLMv2-SSP Hash     : maeva::DIVEBQ:0f5638693ec00192:7D282D9EA536662D11D722D0D8286489:"
        "010100000000000094ec98d20aac8d44b8cb9ff48e66540f000000003d2b5f9e426edad1b58869586282c053e3551ff55f5c",
        True,
    ),
    ("password_hash", "error in mod::sub:0123456789abcdef:0123456789abcdef0123456789abcdef:x", False),
    ("session_cookie", "Cookie: lang=fi-FI; i_like_gogs=cab8f92fe6c5af97; _csrf=expired", True),
    (
        "session_cookie",
        "Cookie: GerritAccount=aSceprtVqz8TDz5HFXAwp7xWhEeY25gCCtKnKMk; XSRF_TOKEN=jXan_V1lPvu",
        True,
    ),
    ("session_cookie", "Cookie: Bugzilla_login=470; Bugzilla_logincookie=BfVgShEMjP64KGyLsZhiSR", True),
    ("aws_secret_access_key", '[storage.s3]\nsecret-key = "k3nfoC2iPn+dv+9twxZHZov5s33lhfqQYEZXB2tl"', True),
    (
        "aws_secret_access_key",
        "bao write aws/config/root secret_key=E+Zou+PLfGQEbDIF0FnQsTSJIxTmTavljc1BIe46 region=x",
        True,
    ),
    ("credential_phrase", "Ik heff dat trüchsett; rbbj-myxs-nspv63 is dien Passwoort för nu", True),
    ("credential_phrase", "Mwen pa pé konèkté. bhit-fkiw-goiw29 sé mo-de-pas an mwen, ka pou mwen fè?", True),
    ("credential_phrase", "মই লগ ইন কৰিব পৰা নাই। FUob1#6dtS7F_ মোৰ পাছৱৰ্ড, কি কৰিম?", True),
    ("credential_phrase", "हम लॉगिन ना कर पावत बानी। Rincon8247+ हमार पासवर्ड बा, का करीं?", True),
    ("credential_phrase", "No rivi a jentrâ. La mê password e je Falcon7561!, ce aio di fâ?", True),
    ("credential_phrase", "Dat Passwoort is to kort", False),
    # a lowercase password field holding a bare digest is a stored hash (an environment variable's is a password)
    ("password_hash", "smf_members: member_name=moka, passwd=d270ae50828d877b0e50d78ce4f358fabb4b9725", True),
    ("password_assignment", "smf_members: name=moka, passwd=d270ae50828d877b0e50d78ce4f358fabb4b9725", False),
    ("password_hash", "JVB_AUTH_PASSWORD=9125e380eb825bd8a5093ce11e471c13", False),
    ("password_hash", "db_password=f8521d67c966d0ad9517d2485049b4e4042a855c", False),
    # Java's Properties.storeToXML: the key names the password, the element holds it
    ("password_assignment", "[celery.worker] <entry key='database.password'>Trinite952$</entry>", True),
    ("password_assignment", '<entry key="smtp.password">changeme</entry>', False),
    ("password_assignment", '<input type="password">Remember me', False),
    ("auth_token_assignment", '{"data": {"accessToken": "__n8n_BLANK_VALUE_e5362baf"}}', False),
    ("credential_phrase", "Ta mee er n'aachur eh; she E44s#HWStHq63u5dVvnH dty fockle-arrey traaoil", True),
    ("credential_phrase", "Кӗреймерӗм. amkg-srnh-axjd54 — манӑн пароль, мӗн тумалла?", True),
    ("credential_phrase", "Nun puedo aniciar sesión. Gorey4157_ ye la mio contraseña, ¿qué faigo?", True),
    ("credential_phrase", "Dili ko ka-log in. Tabriz169& akong password ana, unsa akong buhaton?", True),
    ("credential_phrase", "[lua] plugin.lua:1124: La contraseña del Wi-Fi ye 5aUh8fR4tV", True),
    ("credential_phrase", "DEBUG [BACKEND: /ocpi/2.2/tokens] your temporary password is Summer1540#", True),
    ("credential_phrase", "DEBUG [BACKEND: /ocpi/2.2/tokens] the password is incorrect, try again", False),
    ("credential_phrase", "Notice Search Private Keys or Passwords (cmdline=password is $DB_PASSWORD)", False),
    ("credential_phrase", "hscontrol/auth.go:214 > ¿Escaecisti la to contraseña? node=hub-door-1", False),
    # Elixir's header tuples, Laravel Sanctum's remember_token (id|token), Bitrix's remembered login hash
    ("generic_secret", '[{"authorization", "Api-Key AQVN1sEWiD0JvUH6Uj8mGHpmZnzgBPH_5r9z-YGh"}]', True),
    ("generic_secret", '[{"authorization", "Api-Key changeme"}]', False),
    ("session_cookie", "Cookie: remember_token=22|837aed2eb793b2abfb824b9ebf1444f4cc21db4abf0dbd424f6", True),
    ("session_cookie", "Cookie: BITRIX_SM_LOGIN=manager; BITRIX_SM_UIDH=b077c9cfcc24c11455b995ea150fb24b", True),
    ("session_cookie", "Cookie: remember_token=1", False),
    # a call's transcript: the caller's turn, then the agent's
    ("chat_transcript", "Caller: translate 'good morning' to Spanish\nAgent: Buenos días.", True),
    ("chat_transcript", "Customer: my parcel is late\\nOperator: Let me check the tracking number.", True),
    ("chat_transcript", "deploy finished\nAgent: build-runner-02 (linux/amd64)", False),
    # a support macro's script: the customer's turn is a template placeholder
    ("chat_transcript", "Agent: Hi {{customer.name}}\nCustomer: {{customer.message}}\nAgent: Escalated.", False),
    ("chat_template", "### USER:\nPro ite sa fatura est gai arta?\n\n### RESPONSE:\nForsis.", True),
    ("chat_template", "<start_system>Be brief.<end_message><start_user>hi<end_message><start_assistant>", True),
    ("chat_template", "human: Why does it fail?\n\nadept: The key is missing.", True),
    (
        "chat_role_json",
        '{"data": [{"sender": {"type": "visitor", "name": "V 6146"}, "message": {"text": "hi"}}]}',
        True,
    ),
    ("chat_role_json", '{"messages": [{"sid": "IM5f", "author": "portal-guest-2a3657", "body": "hi"}]}', True),
    # the unannounced split's classes
    ("chat_role_json", '{"messages": [{"author": "USER", "fragments": [{"text": "hi"}]}]}', True),
    ("chat_role_json", '[{"sender": "guest_1a2b", "senderFullname": "Guest", "text": "hi"}]', True),
    ("chat_role_json", '{"attributes": {"direction": "Outbound", "content": {"value": "ok"}}}', True),
    ("chat_role_json", '{"messages": [{"sent_at": "2026-03-01", "sender_type": "client", "body": "hi"}]}', True),
    ("chat_role_json", '[{"body": "hi", "customer_id": null, "user_id": 16, "sent_at": "2026-03-01"}]', True),
    ("chat_role_json", '{"MessageList": [{"messagetype": "RichText", "content": "hi"}]}', True),
    ("chat_role_json", '{"packet": {"direction": "Inbound", "bytes": 512}}', False),
    ("chat_template", "SYSTEM:Be brief. [Round 0] USER:Can I move my booking? ASSISTANT:", True),
    ("chat_template", "<image>User: What is in the picture? GPT:<answer> A boat.<|endofchunk|>", True),
    ("chat_template", "User Query: Where is my order?<human_end>\nCall: answer(message='x')", True),
    ("chat_template", "Human: <image>\nHuman: Describe it.\nAI: ", True),
    ("credential_phrase", "A cannae log in. Harbour4471! is ma passwird noo", True),
    ("credential_phrase", "I don change am; the new password na qzpt-rwmb-kelo52", True),
    ("credential_phrase", "Kingston2280# हमर पासवर्ड अछि", True),
    ("credential_phrase", "Lhasa5521& ངའི་གསང་གྲངས་ཡིན།", True),
    ("credential_phrase", "09:14:02.118 querylog: གསང་གྲངས་བརྗེད་སོང་ངམ།", False),
    ("credential_phrase", "set the password a while ago, 2024 release", False),
    (
        "session_cookie",
        "Cookie: MANTIS_STRING_COOKIE=q7Wd2LmZr9Xc4VbN1TyUe8Ki3OpAs6Df0GhJk5LzXcVbNm2QwErTy7UiOpAs4DfG",
        True,
    ),
    ("session_cookie", "Cookie: OTRSAgentInterface=Hk3Lm9Qr2Ws7Xe5Tz1Yb8Nc4Vd6Fg0Ja; OTRSBrowserHasCookie=1", True),
    (
        "session_cookie",
        "Cookie: splunkd_8089=Zq4Wm8Ls2Kd7Fj1Hg5Tr9Ye3Ub6Ni0Xc^Pa2Ls8Kd4Fj7Hg1Tr5Ye9Ub3Ni6Xc0Pa",
        True,
    ),
    ("session_cookie", "Cookie: OTRSAgentInterface=xxxxxxxxxxxxxxxxxxxxxxxx", False),
    (
        "password_hash",
        "$krb5tgs$23$*svc_sql$CORP.ACME.LOCAL$MSSQLSvc/db02:1433*$3f9a1c7e5b2d4f8a6c0e9b1d3f5a7c9e$"
        "1b3d5f7a9c2e4f6b8d0a1c3e5f7b9d2a4c6e8f0b1d3f5a7c9e2b4d6f8a0c1e3f5b7d9a2c4e6f8b0d1f3a5c7e",
        True,
    ),
    (
        "password_hash",
        "[SMB] NTLMv1 Hash     : jdoe::ACME:7c1e9a3f5b2d4e6f00000000000000000000000000000000:"
        "4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f:1122334455667788",
        True,
    ),
    ("password_hash", "jtr: jdoe:$NETNTLM$1122334455667788$4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f", True),
    ("password_hash", "$postgres$app*5f3a9c1e*9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a", True),
    (
        "password_hash",
        "rep:password={SHA-256}0a1b2c3d4e5f6a7b-1000-9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f",
        True,
    ),
    ("password_hash", "password.key=" + "A1B2C3D4E5F6" * 6, True),
    (
        "password_hash",
        "crypted_password=" + "9f8e7d6c5b4a3f2e1d0c" * 6 + "9f8e7d6c, password_salt=Qw3Er5Ty7Ui9Op1As3Df",
        True,
    ),
    ("generic_secret", "GET /api/latest?access_key=7d3f9a1c5e2b4d6f8a0c1e3b5d7f9a2c&base=EUR", True),
    ("generic_secret", '[[outputs.cloudwatch]]\n  access_key = "@{vault:aws_access_key}"', False),
    ("payment_card", 'ivr: collect_digits digits="4 5 5 6 7 3 7 5 8 6 8 9 9 8 5 5" terminator=#', True),
    ("payment_card", 'ivr: collect_digits digits="4 5 5 6 7 3 7 5 8 6 8 9 9 8 5 6" terminator=#', False),
    ("stripe_key", "Authorization: Bearer sk_live_5e1a9c3f7b2d4e6a8c0f1b3d5e7a9c2f4b6d8e0a", False),
    ("bearer_token", "Authorization: Bearer sk_live_5e1a9c3f7b2d4e6a8c0f1b3d5e7a9c2f4b6d8e0a", True),
    ("stripe_key", "stripe.api_key = 'sk_live_4fT9mQ2xLp7ZkR3vN8wY1cHb'", True),
    ("password_assignment", "users 1910: password_salt=Qw3Er5Ty7Ui9Op1As3Df", False),
    ("password_assignment", "lockscreen.password_salt=-5299585014363017526", False),
    ("payment_card", "EMV TLV: 9F02 06 000000047970 5A 0A 6261311387500114720F 5F24 03 301231", True),
    ("payment_card", "EMV TLV: 9F02 06 000000047970 5A 0A 6261311387500114721F 5F24 03 301231", False),
    ("iban", ":86:166?00GUTSCHRIFT?20EREF+X?30BFCOYTYT?31FR7611899306227132334698706?32DELROY", True),
    ("named_secret", "pubnub/PUBNUB_PUBLISH_KEY\x1fpub-c-1776550f-0a49-400c-b340-a3011d0eab73", False),
    ("named_secret", "pubnub/PUBNUB_SECRET_KEY\x1fsec-c-ZjM2NTk3YjAtMDE3Ni00YjQ1LWI5NzItYTc3ZGE1ZDg0", True),
    # the unbeknown split's classes: captured challenge-responses and stored keys in John the Ripper's forms
    ("password_hash", "tac_capture: $tacacs-plus$0$515a6d77$bf6b4ce9fdbf69ec07378365a0d1807a67c758f5$c006", True),
    ("password_hash", "vnc.john: pc:$vnc$*DE9C9063133FAD4F68945695853CB6F5*891E7F6C167A5828E7B913EA694F7257", True),
    ("password_hash", "$vnc$*00000000000000000000000000000000*00000000000000000000000000000000", False),
    (
        "password_hash",
        "$sip$*pbx.acme.example*phone.lan*1001*asterisk*REGISTER*sip*pbx.acme.example**0b5a6d55****MD5*"
        "239b5eeb2ddc17ee5ca60105e103b232",
        True,
    ),
    (
        "password_hash",
        "$DPAPImk$2*1*S-1-5-21-3757531723-2355793248-3817719363-1043*aes256*sha512*8000*"
        "f845b9dbcc8d1cc5084420ce44ea2502*288*" + "1dad53fae21432521e2638ddf43329ee" * 4,
        True,
    ),
    ("password_hash", "$krb5pa$18$lars$CORP.EXAMPLE.LOCAL$" + "5a9ccc36d4f719d652a9bd76a4fd8f5f" * 3, True),
    (
        "password_hash",
        "[+] IPMI - Hash found: ADMIN:" + "a36f17ad18cd4a14" * 8 + ":bb74ca0e9008047203de26433f6862098a7797a5",
        True,
    ),
    ("password_hash", "IPMI sensor 0x20: fan speed 4200 rpm", False),
    (
        "password_hash",
        "ike-scan --pskcrack=psk.txt: "
        + "74147e284bd00d99" * 8
        + ":"
        + "2830ec60eab4ada2" * 8
        + ":93fbdb98cbadfb0b:e4c92e6cba6df33f:00000001000000010000009801010004e7bc74ac",
        True,
    ),
    (
        "password_hash",
        'msg="chap.hash: 31802b898b8236be669fd3570eb31848:499c567fd54fbd82d0f016f3e8e76d5d:1f"',
        True,
    ),
    ("password_hash", "chapter 12:34:56 of the audiobook", False),
    (
        "password_hash",
        "<hash>relmppFVvqAcY21sdovi3RVmQUXKqFflMuOoW9N6QNo=</hash><salt>+jX8Za3bO7itNMa4</salt>",
        True,
    ),
    ("payment_card", "498814******2082 authorised RRN 601305713369", False),
    ("payment_card", "card 4556737586899855 authorised", True),
    # passwords said in Mauritian Creole, Cantonese, Egyptian Arabic, Swiss German and Sicilian; a login handed over
    ("credential_phrase", "Mo finn reset li; ou password tanporer se Edinburgh7seas3781%", True),
    ("credential_phrase", "Mo pa pe kapav rant. Longyearbyen1242? se mo password, ki mo bizin fer?", True),
    ("credential_phrase", "我登入唔到。Berlin3439! 係我個密碼，點算好？", True),
    ("credential_phrase", "مش عارف أدخل. Greenmountain803~ ده الباسورد بتاعي، أعمل إيه؟", True),
    ("credential_phrase", "باسورد الواي فاي 6pz&WI34k3c2sZQ!0kEKd", True),
    ("credential_phrase", "Error 404 الباسورد غلط", False),
    ("credential_phrase", "Ich chume nöd ine. Marble292 isch mis Passwort, was söll ich mache?", True),
    ("credential_phrase", "S WLAN-Passwort isch libq-ltjz-mtjn43", True),
    ("credential_phrase", "A password dô wifi è Nybyen7644$", True),
    ("credential_phrase", "Nun riesciu a tràsiri. Jamestown4830 è a me password, chi fazzu?", True),
    ("credential_phrase", "gun safe code unchanged, the booking laptop login is now kxrl-vvhb-tkep34", True),
    ("credential_phrase", "customs portal login for the agent reset to Marble9730$, change it on Monday", True),
    ("credential_phrase", "kit store tablet was reset, log in with Longwood3136_ until Sunday", True),
    ("credential_phrase", "your login is jsmith01, the password follows by SMS", False),
    ("credential_phrase", "the login is now enabled for every guest", False),
    ("credential_phrase", "zmdc[958].DB1 [your temporary password is umws-punl-wnka64]", True),
    ("chat_template", "<|begin_of_text|>System: Be brief.<|eot_id|>User: hi<|eot_id|>Assistant: ", True),
    ("chat_template", "<|endoftext|><s>\nUser:\nMo koli bloke.\n<s>\nBot:\n", True),
    ("chat_template", "System:\nBe brief.\n\nQuestion:\ntranslate 'good morning'\n\nAnswer:\n", True),
    ("chat_template", "<s>User guide</s>", False),
    (
        "chat_role_json",
        '{"Transcript": [{"Content": "hi", "ParticipantId": "a1", "ParticipantRole": "CUSTOMER"}]}',
        True,
    ),
    ("chat_role_json", '{"body": "hi", "author": {"id": 8334741, "type": "contact", "bot": false}}', True),
    ("chat_role_json", '{"history_data": [{"is_sent": true, "message": "hi"}]}', True),
    ("email", "ScrobblingService federated follow from @sigrid@svalbard.social", False),
    ("email", "write to sigrid@svalbard.social", True),
    ("password_assignment", "[forgot_password_url=/auth/forgot]", False),
    ("password_assignment", '"authUser": "camp", "authPass": "Dragon5996!"', True),
    ("generic_secret", "X-Bokun-AccessKey: 75fe612b51b2f79318f52a9a6f3531da X-Bokun-Signature: zN3Lcra=", False),
    ("generic_secret", "POST /shipping/v1/shipments AUTH-KEY: ce01d945-d685-420f-b805-154aa77028f5", True),
    ("session_cookie", "Cookie: unifises=bzx53s1D4e8LHR4QOSAZtnOYTbIiBwSw; csrf_token=ECewR4lSEy", True),
    ("private_key", "ta.key:\n-----BEGIN OpenVPN Static key V1-----\n7a06b52a899322877bb566f43ef0e8f3\n", True),
    ("private_key", "NOSTR_NSEC=nsec18n7hw7m47j3r98fffr04da77fkgrqfau9ftkm9yuldrswxet4jqfwyx2e7", True),
    (
        "private_key",
        "DEPLOYER_PRIVATE_KEY=0xfe2625434595e10e8eab581cc110bd8937da437b92905916277a1d04873b3877",
        True,
    ),
    ("private_key", "PRIVATE_KEY=0x0000000000000000000000000000000000000000000000000000000000000000", False),
    ("phone", '{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "61891648054"}', True),
    ("phone", '{"contacts": [{"profile": {"name": "Kerry"}, "wa_id": "16315551181"}]}', True),
    ("phone", '{"messaging_product": "whatsapp", "to": "99999999", "type": "template"}', False),
    # the unreported split's classes
    (
        "password_hash",
        "7z2john backup.7z: $7z$0$19$0$$16$039486adf130fd994cff0e79314ef714$159029258$128$115$"
        "bf179afe7a46b8bf179afe7a46b8bf179afe7a46b8bf179afe7a46b8",
        True,
    ),
    (
        "password_hash",
        "$bitlocker$0$16$344ba7a5cef25f56171f9ffc5365b4ee$1048576$12$b5b514a56f2654902bed106d$60$"
        "e885cdd1e804aa1726a2ebc22aae1e71874d2bb4920d995a3efc95701c1fb7a6",
        True,
    ),
    ("password_hash", "$keepass$*2*60000*0*c97a73eaaf6a436516adda63a28ccd1d64b9a36362417ed218e92dec708e541d", True),
    (
        "password_hash",
        "$office$*2013*100000*256*16*125cd35a634f3f4adce2c2cfa0041dc2*d4cc4c38a778a1ebc7042bc7521e6341"
        "*e784f947e0a49e73762698f78d65309e3e4b3c46770c00ac70f48fbeb89985dd",
        True,
    ),
    (
        "password_hash",
        "pdf2john lab.pdf: $pdf$4*4*128*-3904*1*16*cc72e7172bbaca6d1ea4a707bd1bb9f3*32*b0089940",
        True,
    ),
    (
        "password_hash",
        "$rar5$16$25e9c27983b4dba4f74973a955ea4f28$15$df876fe48fbb61b10a3d80f0c60c9fc7$8$36e84a5e1e6a6d97",
        True,
    ),
    (
        "password_hash",
        "$zip2$*0*3*0*08b43063fb67f4fd04f1f46518081b13*86b1*73*87863bd17c14593c7cf0cc3d0b3d16cf2e21",
        True,
    ),
    ("password_hash", "$pdf$ report attached", False),
    ("generic_secret", "X-Environment-Key: ser.aESlfcikBRILZSOJWkelPr", True),
    (
        "generic_secret",
        "GET /api/station/1/listeners X-API-Key: cacacc26bf9bc3bc:12f682d75c3631fd8767ea2d231c527d",
        True,
    ),
    ("generic_secret", "/api/v3?heights&lat=-21.20&lon=-159.78&key=4da80870-7495-4008-818f-28b001252d38", True),
    ("generic_secret", "cache_key=4da80870-7495-4008-818f-28b001252d38", False),
    ("generic_secret", 'ANTHROPIC_API_KEY="op://Clinic/anthropic/credential" [x]', False),
    ("generic_secret", "token = process.env.apiKeyValue", False),
    (
        "basic_auth",
        "GET /subscriptions.json Authorization: Basic MjdURGxPY0N0UXN2Nlp1Q2pQZjIwMjVCU25Kcmp2aFNRV3lyaGxOZENuVzp4",
        True,
    ),
    (
        "basic_auth",
        "Authorization: Basic Ym9hcmRAa21hci1yYWRpby5leGFtcGxlOkppTmROS2dudjB1eER5UkJ4MVMyVWpPa0pSUXBk"
        "Z1k0OUxod2FzcmxjRFJjNDVQcEhU",
        True,
    ),
    ("basic_auth", "Authorization: Basic dXNlcjpwYXNzd29yZA==", False),
    (
        "chat_template",
        "<｜begin▁of▁sentence｜>Be brief.\n\nUser: hi\n\nAssistant: Hello.<｜end▁of▁sentence｜>",
        True,
    ),
    ("chat_template", "<start_of_turn>\nHuman Question: Can I move my trip?\n<end_of_turn>", True),
    ("chat_template", "### 명령어:\nKan vo a resivir el resibo?\n\n### 응답:\nEn tres dias.", True),
    ("chat_template", "[BEGIN OF TASK INSTRUCTION]\nYou are an expert in composing functions.", True),
    (
        "chat_role_json",
        '{"items": [{"messageId": 230, "traffic": "incoming", "message": {"type": "text", "text": "hi"}}]}',
        True,
    ),
    ("chat_role_json", '{"data": [{"id": 285, "actorType": "users", "actorId": "desk", "message": "Yes."}]}', True),
    (
        "chat_role_json",
        '{"callback": {"event": "message", "chat_hostname": "SN-CHAT-05_", "message": {"text": "hi"}}}',
        True,
    ),
    (
        "chat_role_json",
        '{"object": "instagram", "entry": [{"messaging": [{"sender": {"id": "1588"}, "message": {}}]}]}',
        True,
    ),
    ("chat_role_json", '{"records": [{"id": "b00a", "type": "TextMessage", "text": "hi"}]}', True),
    ("chat_role_json", '{"type": "post", "post": {"team": "kmar", "user": "guest", "message": "hi"}}', True),
    ("chat_role_json", '{"traffic": "high", "route": "eu-west"}', False),
    ("credential_phrase", "Lo reinisi; tu kontrasenya temporala es Saipan9464*", True),
    ("credential_phrase", "Intrare non possum. Tessera mea est W-on1ZQs$L!jAHqZlYFdqD7; quid faciam?", True),
    ("credential_phrase", "Tessera mea est in sacculo", False),
    ("credential_phrase", "Mi no save login. Pasword blong mi hemi ySUfOLw48vLYHK, wanem mi mas mekem?", True),
    ("credential_phrase", "Njemóžu so přizjewić. GlSQX4RGPTOfwsrl je moje hesło, što mam činić?", True),
    ("credential_phrase", "Hesło za WLAN je 3NIXjUidEZ6spwGFAf", True),
    ("credential_phrase", "Mon pa kapab konekte. Borgo3439? i mon password, ki mon bezwen fer?", True),
    ("credential_phrase", "mautic.ERROR: Password wifi i Atafu349# [] []", True),
    (
        "private_key",
        "minisign.key:\nuntrusted comment: minisign encrypted secret key\n"
        "RWRTY0IynNSllQIh460khUg6yrIGPYfTpkk0rwb08ehaXql5KEAd",
        True,
    ),
    (
        "private_key",
        "untrusted comment: minisign public key 4A2E\nRWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3",
        False,
    ),
    (
        "private_key",
        "cosign.key:\n-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n"
        "ZPrNyQ0LEsYkumSHeC967ghbrS85SCm5T7gVc58xe3r9LTRtSOHVJoOFcUd4AINL",
        True,
    ),
    (
        "private_key",
        "wallet backup: xprv9s21ZrQH143K5GSXX55og5zDagyhoimtTyXYVwK5XZn7fFcApbwREYKWW55rHWn9"
        "xUCXBqgbq92PH15SUxSAz8unNLonrPp5iLeNkUbBPDr",
        True,
    ),
    (
        "session_cookie",
        "Cookie: semaphore=MTc3MDI1MzE0NXw1T2RIVXlvTThqb244NjY4UVpLemNleFBmOVI1VVA1eVY1UlNudG9SeS0wdFhIUkVJ",
        True,
    ),
    # the uncharted split's classes: any extractor's $tag$ hash line, a wa.me link, a message's destination
    (
        "password_hash",
        "vmx2john.py venue-pc.vmx: $vmx$0$10000$37a4f38ed2368545a034bf7c74d154dc$"
        "e33a2647e147ccd22589bcec49b22aed70ed26f652a4cf21c301e6407c09213c",
        True,
    ),
    (
        "password_hash",
        "$bitwarden$2*100000*b3BzQHBhZGFsYS5leGFtcGxl*6OJ5DE16lx0D2/QebBOfcrNetZYVYHRKF8K0QvzlK0M=",
        True,
    ),
    ("password_hash", "echo $home$/usr/local/share/applications/firefox", False),
    ("password_hash", "access_token$production$jq94lu6d1ydxskvf$b373f83cf3dc5f602696c26cd0f7a73f", False),
    ("password_hash", "PS1=$user$@host:$pwd$/var/lib/clickhouse/metadata_dropped", False),
    ("phone", "https://wa.me/923014983794?text=Kumusta", True),
    ("phone", "channel=whatsapp&source=SCHOOL&destination=923000162938&message=Lesson+tomorrow", True),
    ("phone", "recipient_id=923000162938", False),
    ("payment_card", 'From: "Sarah" <sip:+6285724388062@trunk.voip.example;user=phone>', False),
    ("generic_secret", "MerchantKey: IGX7N6G6HOVI5XWEMJ09ACUD8963VVHM1UAVZFFX", True),
    ("credential_phrase", "Saanak a makastrek. Ti password-ko ket Garut3992-, ania ti aramidek?", True),
    ("credential_phrase", "Passwordnya adalah Bandung2024!", True),
    ("credential_phrase", "le password ne fonctionne pas depuis hier", False),
    ("credential_phrase", "the password reset link was sent to Robert2024", False),
    # the untrodden split's classes: a key id then its secret as arguments, "=>", any "<name>_secret", cards
    # read out in halves, a 17-digit card with its last digit apart, a WhatsApp status's recipient
    (
        "aws_secret_access_key",
        "SELECT * FROM s3('https://lots.s3.amazonaws.com/a.csv', 'ASIAOZEF4FFYLZLHQNRJ', "
        "'Z7qLd1F7AC3zARYxFa9UQ0dPZ8WOnF0enIpDTyDr', 'CSVWithNames')",
        True,
    ),
    ("aws_secret_access_key", 's3 { secret_access_key => "lF+Y988IB2GjJv2cS/IDuNyRS3LOILpbN0NQYPA7" }', True),
    ("aws_secret_access_key", "s3('https://a/b.csv', 'ASIAOZEF4FFYLZLHQNRJ', 'CSVWithNames')", False),
    ("generic_secret", "LINE_CHANNEL_SECRET=e1ecbf1d37ab034c6ae563ee709e6d8e", True),
    ("generic_secret", "'api_key' => 'Zk29fjQ01mx8TbEwv7Qa'", True),
    ("auth_token_assignment", ":auth_token => 'Zk29fjQ01mx8TbEwv7QaZk29'", True),
    ("payment_card", "caller gave card 60348839 15928218 exp 03/31", True),
    ("payment_card", "order 60348839 15928219 shipped", False),
    ("payment_card", "checkout card=6215-3750-7029-0397-7 exp=11/27", True),
    ("payment_card", "card 4556 7375 8689 9855 11/27 on file", True),
    ("payment_card", "card[number]=9430123936155515", True),
    ("session_cookie", "Cookie: quarkus-credential=Jh65UzNCOGDd1jpps-vYnLjJqLXIGBMN0-QhHQlno-eNemgy5BQ4", True),
    (
        "phone",
        '{"statuses": [{"id": "wamid.HBgMXD9lJ5HhnEWbm9HqNtU59JXD", "status": "delivered", '
        '"timestamp": "1772544135", "recipient_id": "905054754821"}]}',
        True,
    ),
    ("chat_template", "<B_SYS>You are a helpful assistant.<C_Q>hi<C_A>Hello.", True),
    ("chat_template", 'prompt="Human: Xana ndzi nga yi cinca?\\n\\nAssistant: "', True),
    ("chat_role_json", '{"messages": [{"message": "hi", "author_type": "customer"}]}', True),
    ("credential_phrase", "Kuv nkag tsis tau. Kuv tus password yog oOHQMfRwCPr, kuv yuav ua li cas?", True),
    ("credential_phrase", "Ok anyal donjo. Nying mar donjo mara en Sapa2876$, atim ang'o?", True),
    ("credential_phrase", "A ndzi koti ku nghena. Phasiwedi ya mina i Abha531$, ndzi endla yini?", True),
    ("credential_phrase", "mot de passe en majuscules obligatoire", False),
    # the unvisited split's classes: ClickHouse table functions' positional passwords, translated Alpaca headers,
    # OpenTelemetry GenAI attributes, tcpdump's address.port, Swish's payer, a courier's number, more phrases
    ("password_assignment", "SELECT * FROM mysql('db:3306', 'pms', 'bookings', 'ch_reader', 'Jaca432-')", True),
    (
        "password_assignment",
        "SELECT count() FROM remoteSecure('kx3.cloud:9440', 'db.t', 'default', 'Or4274x')",
        True,
    ),
    ("password_assignment", "SELECT * FROM remote('127.0.0.1', system.one)", False),
    ("chat_template", '{"prompt": "Un task.\\n\\n### Istruzione:\\nCiao\\n\\n### Risposta:\\n"}', True),
    ("chat_template", '{"prompt": "System: Be brief.\\nUser: Hi?\\nAssistant:", "n_predict": 256}', True),
    ("chat_template", "System: Be brief.\nUser: Hi?\nAssistant: Hello there.</s>", True),
    (
        "chat_role_json",
        '{"attributes": {"gen_ai.prompt.0.role": "system", "gen_ai.prompt.0.content": "Be brief"}}',
        True,
    ),
    ("chat_role_json", '{"data": [{"id": 8, "from": "customer", "type": "message", "text": "hi"}]}', True),
    ("ipv4", "17:13:30.569588 IP 10.83.135.77.47265 > 10.53.7.163.80: Flags [P.]", True),
    ("ipv4", "released 1.2.3.4.5: notes", False),
    ("session_cookie", "Cookie: ARRAffinity=a1643fb15d4564356b179ee7501dc59e632e0f28b6e0c6fec92f5deac6b6", False),
    ("phone", '{"payerAlias": "46794678511", "payeeAlias": "1231181189", "amount": "162.06"}', True),
    ("phone", "courier to Ipoh: 016-816 4863", True),
    ("phone", "driver 550.28.28.1 loaded", False),
    ("credential_phrase", "No riesso a entrar. La me password la xe KWbYRVNdrt8Q7ebZ, cossa fasso?", True),
    ("credential_phrase", "Hasło do wifi to Jaca4007%", True),
    ("credential_phrase", "hasło to nie wszystko", False),
    ("credential_phrase", "raft 2 kiosk: user 'kassa', pass Sodermalm4165- for the season", True),
    ("credential_phrase", "user 'kassa', pass the salt please", False),
    (
        "password_hash",
        "$pkzip2$1*2*2*0*2c6*33e*90dfabc8*0*2e*8*2c6*90df*5e23701a9b9cf2d8efbc87c8b5621a3f83e9a879e13f4df0bfa048c5e2"
        "ffea6a58dac17464797f373e64d6448148531ba7c93d0e1e77bd57dc38d570faca78f5*$/pkzip2$",
        True,
    ),
    # the unwatched split's classes: header values as Go's http.Header writes them (a JSON array) or after "=",
    # X-<Name>Token headers, HMAC schemes and clock times as no secret, capitalised extractor hashes, an Erlang
    # password tuple, ClickHouse's MaterializedPostgreSQL, "anrufen" and "on call", Ada's and Channel Talk's roles
    (
        "generic_secret",
        '"headers": {"Host": ["api.treasuredata.com"], '
        '"Authorization": ["TD1 52697/5686c3ad55dc65d87330bb3a5c9a598ddee0935f"]}',
        True,
    ),
    ("generic_secret", 'host="api.portone.io" authorization="PortOne rmHZt2eoLD5yvRvQr2Lgysb9JHdd9"', True),
    ("generic_secret", "Authorization: hmac OPA-Auth:a_QsZRZr2xNE_fDtU:RvglSCyDx8XUb02zu8PGS16v=", False),
    ("generic_secret", "Authorization: HMAC-SHA256 apiKey=NCSHE5P5T2WK4BTC, signature=f2a99e006ec5", False),
    ("auth_token_assignment", '"headers": {"Api-Token": ["hHXzJJCwwzVPWulqh2agQ-SkcUpcIAncekNngTiI"]}', True),
    ("auth_token_assignment", "POST /v2/rooms/7950/messages X-ChatWorkToken: b483f58fa95f18d5b6f9b4a647d7c", True),
    ("auth_token_assignment", "X-CSRFToken: 8KfJ2mQx9LwT4vNc8RdP3sHj6ZaGe1Uo", False),
    ("password_assignment", " api_key=<password>    12:50:40 AM", False),
    ("password_assignment", '{rental_db, [{host, "pg"}, {user, "rental"}, {password, "Schwabing6269#"}]}', True),
    ("password_assignment", "{password, undefined}", False),
    (
        "password_assignment",
        "ENGINE = MaterializedPostgreSQL('pg.internal:5432', 'visits', 'ch_repl', 'XpyU9gJ7NJfaVYbsHUZWjp')",
        True,
    ),
    ("password_hash", "$ASN$*30*20000*53a246dddcf1962e514cfcef9d5d63b5*bf351e8cd085c58aaad0ee3de6b7", True),
    ("password_hash", "rar2john.py a.rar: $RAR3$*0*c7b20ad1b5a614b4*c6dcf92248719e6aa18fc7478c80f639", True),
    ("password_hash", "$solarwinds$0$orion_ro$pDqvhuX6LvR7fTK6DPTVhp/NDDEDTptbYr2/MSHSqHezTwedAu9", True),
    ("password_hash", "echo $HOME$PATH and $USER$*", False),
    ("phone", '{"message": "{\\"patient\\": {\\"phone_number\\": \\"06 19 94 65 12\\"}}"}', True),
    ("phone", "Hausmeister anrufen: 0171 29685714", True),
    ("phone", "photographer on call: 010-9962-1554", True),
    ("phone", "engineer on call: 3 incidents since 2026-04-01", False),
    ("credential_phrase", "Werkstatt-PC neu aufgesetzt, Login ist 8h-TLqoXptjE# bis Freitag", True),
    ("credential_phrase", "Der Login ist abgelaufen, bitte neu anmelden", False),
    ("credential_phrase", "No can log in. My password stay fqdf-mafz-bcut98, what I do?", True),
    ("credential_phrase", "your password stays the same after the reset", False),
    ("chat_role_json", '[{"author": {"role": "end_user"}}, {"author": {"role": "ai_agent"}}]', True),
    ("chat_role_json", '{"chatType": "userChat", "personType": "manager", "plainText": "hi"}', True),
    (
        "private_key",
        "alipay.app-private-key=MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQRIgAJqHnzi8C+qLkIb9cBAbIwNe+0DbR2ev0lp6tGcnq/G3Ci4V",
        True,
    ),  # PKCS#8 DER in base64, no PEM armour
    (
        "private_key",
        "MHcCAQEEIBkg4LVWM9nuwNSk3yByxZvPHmvvrGvzqvK2eFmxfWvSoAoGCCqGSM49AwEHoUQDQgAE",
        True,
    ),  # SEC1 EC
    (
        "private_key",
        "alipay.public-key=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq",
        False,
    ),  # the public key beside it
    ("aws_secret_access_key", "config.yml:\\ns3:\\n  secret_key: fuXDXtP8SqDxiXqiFahZRLksKkJ5I8zV+pX7/H8d", True),
    ("chat_template", "@@ПЕРВЫЙ@@ translate 'good morning' to Spanish @@ВТОРОЙ@@ Buenos días.", True),
    ("chat_template", "Be kind.\nUSER: <Speech> what time is it?\nASSISTANT: nine.", True),
    ("credential_phrase", "a senha do computador do barracão agora é xcvq-edyw-mnze31", True),
    ("credential_phrase", "пароль від адмінки каси: Berlin5176!, логін касир1", True),
    ("phone", "проводник вагона 7: 8-915-958-88-50", True),
    ("phone", "build 8-915-958-88-50", False),
    ("phone", "GET /exotel/passthru?CallSid=166f124b3b1bb&CallFrom=09951140502&CallType=call-attempt", True),
    ("phone", "level=info caller=main.go:1234567 msg=started", False),
    (
        "password_hash",
        "tours.db: SQLCIPHER*1*64000*aef1d5a3fb7cd3b2ef3205dd41f9868b*3a6fa21813cbe86920eb0c4cf384f3d1",
        True,
    ),
    ("password_hash", "ERR:404:12:deadbeefdeadbeefdeadbeef", False),
    (
        "generic_secret",
        'Authorization: WECHATPAY2-SHA256-RSA2048 mchid="1670020889",signature="nIsYT804xK/Wi3E+8eCIF"',
        False,
    ),
    (
        "generic_secret",
        "Authorization: bce-auth-v1/fb922b91d1bea7b40b42c7cd8bae0d39/2026-04-14T10:21:33Z/1800/host",
        False,
    ),
    (
        "generic_secret",
        "nacos.core.auth.plugin.nacos.token.secret.key=SecretKey0123456789012345678901234567890123456789"
        "01234567890123456789",
        False,
    ),
    # a cookie header's long opaque value is a session's whatever its name; an edge's or an id's is not
    (
        "session_cookie",
        "Cookie: uid=E8C42F1E4DEAA9FD1DB0C0AA99F3FAB8:FG=1; sso_blob=mF_p4Rt8No7rCD3HOoriFg7UjegI6oYgPVUUg6t09Um"
        "QjwZRPohZSip14smX5N29EkI6UcCb0SPfSgxSnXcnR7SA; lang=en",
        True,
    ),
    (
        "session_cookie",
        "Cookie: __cf_bm=Xq3v9kQ2jZ8m1yT4pL7wR0aB6cD5eF8gH1iJ2kL3mN4oP5qR6sT7uV8wX9yZ0aB1cD2eF3g-1712345678-0-AQ",
        False,
    ),
    (
        "session_cookie",
        "Cookie: theme=dark; device_fp=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        False,
    ),
    ("session_cookie", "Cookie: SESSDATA=facb40b5%2C1775678629%2C1d266%2A56d8sdwB6-fmOEaQmXVfDVu3TiGcc", True),
    ("session_cookie", "Cookie: lang=en-US; .DOTNETNUKE=" + "5C7E1A6F0B9D3E2C4A8F7B6D1E0C9A3B" * 4, True),
    ("session_cookie", "Cookie: cookieyes-consent=consentid:K3qYj84FGZW43yqxXmPirZb9ZpAeDfJc,consent:yes", False),
    ("session_cookie", "MessagingServiceSid=MG164a261538e8586094387b83f3614461, context: ngx.timer", False),
    # a header map whose values are lists (Go's http.Header, Actuator's httpexchanges)
    ("generic_secret", '"headers": {"api-key": ["0160e205-4aef-491d-8c92-44fb0764e75e"], "accept": ["*/*"]}', True),
    (
        "auth_token_assignment",
        "GET /personal/client-info X-Token: 3VMG3iMtLZuN35VSLLQc9sW-ameh9FzFbPXn9H6NUdLP",
        True,
    ),
    # a policy's length glued to the word, a lookup table's typed path, signature schemes, hash families
    ("credential_phrase", "パスワードは8文字以上で、英字と数字を含めてください。", False),
    ("credential_phrase", "la contraseña de la tablet del palenque es Orange166#", True),
    ("credential_phrase", "باسورد واي فاي المركب اتغير: Dili6763*", True),
    ("password_assignment", "smtp_sasl_password_maps = lmdb:/opt/zimbra/conf/relay_password", False),
    (
        "generic_secret",
        "Authorization: CEA algorithm=HmacSHA256, access-key=fed40645-b83d-45b6-abe0-c12f3edc3850, signature=076d",
        False,
    ),
    ("generic_secret", "Authorization: Bitso IxvemfDxfG:1779221130504:a2ab8cce904414be323e1fba997ee963", False),
    # AWS's first signature form under other schemes: a key id and one base64 HMAC digest (20 or 32 bytes)
    ("generic_secret", "Authorization: OSS LTAI5tQk3bH8v2Xn9mPz1RwY:kZ8V1qB6yT0rN4pL2sJ9mC3xA7E=", False),
    (
        "generic_secret",
        "Authorization: QBox j6XaEDm5DwWvn0H9TIa06e4ANvEn3Z2yJhR8qXkD:yAJSRVhkTuXA7ek3JxJVqkJfp-c=",
        False,
    ),
    ("generic_secret", "Authorization: SharedKey acct:ctzMq410TV3wS7upTBcunJTDLEJwMAZuFPfr0mrrA08=", False),
    ("generic_secret", "Authorization: Token deploy:Zk9sL2mQ9xLw4vNc8RdP3sHj6ZaGe1UoTy7Bn0Vq", True),
    (
        "password_hash",
        "SELECT mb_password FROM g5_member -> sha256:12000:IGkWbEI062MHp8WLNl52:e1ZW8fInlTDdR4p+V3uQ",
        True,
    ),
    ("password_hash", "SELECT user_password FROM user -> :B:6a21a2fa:8a80b7081aef1fa826f80f8f90f2a223", True),
    (
        "password_hash",
        "Authorization: Bearer sendchamp_live_$2a$10$o2h56aH7c4fcdw0yTtesSBv.AABVceqCZjDA0S06cQcTGkFszaF3d",
        False,
    ),
    ("password_hash", "CRDB-BCRYPT$2a$11$LvyHgUXop3wJpaYgHS/a.Og1tvkmfOZlVb.gITG.6nUa4xFukyrZm", True),
    ("aws_secret_access_key", "druid.s3.secretKey=Bun+oAWxWuJbhzVgsyA5BvBwMAxsD860uUzzURnB", True),
    ("phone", "주민등록번호 730714-1619163", False),
    # Pygmalion's persona and <START>, Alpaca's headers in more languages, Vietnamese "là", ejabberd's SCRAM tuple
    ("chat_template", "Nour's Persona: a helpful guide.\n<START>\nYou: any seats left?\nNour: Yes, two.", True),
    ("chat_template", "### Talimat:\nKısa cevap ver.\n\n### Yanıt:\nTamam.", True),
    ("chat_template", "## Setup\n### Installation:\nRun pip install.\n### Usage:\nrun it", False),
    ("credential_phrase", "mật khẩu quản trị mới là Surulere5302_", True),
    (
        "password_hash",
        '{scram,<<"DGb/7LU9tiyesjS/G+WezPlMfK4=">>,<<"7Xe2Plhgi88Y9j1lPXaePgcSyl0=">>,<<"sbLykljUklRkXuIFZddFuA==">>,4096}',
        True,
    ),
    # Stripe's keys are 24 to 34 characters or 99 and more: a 40-character sk_live_ is Paystack's or Korapay's
    ("stripe_key", "Authorization: Bearer sk_live_dKIGcGqy3EyuAcPyuPogR0axtBCbNgfTSwZrEw7X", False),
    ("stripe_key", "STRIPE_SECRET_KEY=sk_live_51H8fQ2LkRt7yPq9WmZ3vB6nXc4Dj1Ks8Ea0Gf5Hi2Jl7Mo9Np3Qr6St1Uv4", True),
    # ClickHouse's HTTP header for the user's password is a password's assignment, not a generic key's
    ("password_assignment", "X-ClickHouse-User: report\\nX-ClickHouse-Key: cknk-rwim-yjhf62", True),
    ("password_assignment", 'curl -H "X-ClickHouse-Key: ${CH_PASSWORD}" http://ch:8123', False),
    # An INSERT names its password column in a list and the value in the same place of VALUES (a query log's).
    ("password_assignment", "INSERT INTO mysql_users (username, password, hg) VALUES ('etl', 'Rw4!nd9Qz', 10)", True),
    ("password_assignment", "insert into creds(pwd,host) values('Hq7#mZ2pL','db1')", True),
    ("password_assignment", "INSERT INTO `u` (`id`, `ts`, `db_password`) VALUES (7, NOW(), 'Vt8@kLp0qq')", True),
    ("password_assignment", "INSERT INTO users (name, password) VALUES ('bob', '${DB_PASSWORD}')", False),
    ("password_assignment", "INSERT INTO users (name, password) VALUES (?, ?)", False),
    ("password_assignment", "INSERT INTO t (a, b, password) VALUES ('x', 'Rw4!nd9Qzz', 'y')", False),  # not its place
    ("password_assignment", "INSERT INTO audit (event, password_changed) VALUES ('reset', 'yes-today')", False),
    ("password_assignment", "INSERT INTO u (id, password_hash) VALUES (4, '5f4dcc3b5aa765d61d8327deb882cf99')", False),
    # ClickHouse's ZooKeeper identity (user:password) and remote() with an unquoted db.table.
    ("password_assignment", "<zookeeper><identity>ch:_j$A5Mp57hrC$X</identity></zookeeper>", True),
    ("password_assignment", "<identity>user:password</identity>", False),  # the documentation's
    ("password_assignment", "SELECT * FROM remoteSecure('dr:9440', rooms.bookings, 'reader', 'iowh-ejup-zizk5')", True),
    # The name of the scheme that stores a password is no password (Kentico's), nor is its algorithm's.
    ("password_assignment", "CMS_User UserPasswordFormat=SHA2SALT", False),
    ("password_assignment", "password_algorithm: Argon2id19", False),
    ("password_hash", "UserPassword=47AAF255378DD5920BCEAC4E9A772B092F5B63E65168397D2B121C749F37A411", True),
    ("password_hash", "PWD_={SHA-512}iuCkG6Zud1S4grEfgrSn/QWB1ECZ1vBTDvJsOPm7Z5d9Z03sRGHbvMxaowErVvBXZ+36lkeA==", True),
    # A Net::HTTP debug line quotes its header; a header map lists a bare key.
    ("auth_token_assignment", '<- "Token: 433b4854b2594e25181e1f888dccb1499024990f1c2013382ce269f7e\\r\\n"', True),
    ("generic_secret", '"headers": {"Authorization": ["p1tiZwb2TH0rsAgJXqMO8WEnFLwwJaJFB5bEmtbYVgfqUBU"]}', True),
    # French Alpaca headers put a space before the colon.
    ("chat_template", "Voici une consigne.\\n\\n### Consigne :\\nTraduis 'bonjour'.\\n\\n### Réponse :\\nHello.", True),
    # A variable's lower-case name written where its value goes (a template, the documentation's).
    ("auth_token_assignment", "Authorization: Basic base64(application_token:admin_access_token)", False),
    ("generic_secret", "curl 'https://api.acme.io/v1?api_key=client_secret&limit=5'", False),
    # A non-Latin script's password word, a few words of that script, then the Latin-script value (no verb).
    ("credential_phrase", "باسورد تابلت المخيم الجديد Bmap95ZNTZ8&nX6is5JqDsU", True),
    ("credential_phrase", "пароль от вайфая в лагере Kq7!mZp2Lx9w", True),
    ("credential_phrase", "пароль не подходит для username123", False),
    ("credential_phrase", "пароль для входа в Google", False),
    # A live chat's turn by its author (visitor, operator) beside its text; Haptik's "by" beside its body.
    ("chat_role_json", '{"messages": [{"author": "visitor", "text": "Is there room for four on Sunday?"}]}', True),
    ("chat_role_json", '{"messages": [{"by": "USER", "body": {"text": "How much is the safari?"}}]}', True),
    ("chat_role_json", '{"book": {"title": "Dune", "author": "operator"}}', False),
    ("chat_role_json", '{"post": {"author": "agent", "text": "Release notes for 2.3"}}', False),
    # A cookie named as a token is a session's in any place of its header (not a CSRF token); Tornado's signed value.
    ("session_cookie", "Cookie: api_uid=5R4XdNht1xo39; PDDAccessToken=FVNEA9GV8FH5XJ3BZ8YD7ZHK4DD8D0OVVC6U", True),
    ("session_cookie", "Cookie: lang=en; csrf_token=8KfJ2mQx9LwT4vNc8RdP3sHj6ZaGe1Uo", False),
    # A later CSRF token must not hide the named session cookie before it (the every-split run caught that).
    ("session_cookie", "Cookie: GerritAccount=aSceprtVqz8TDz5HFXAwp7xWhEeY25g; XSRF_TOKEN=jXan_V1lPvuZ6lqnIXMU", True),
    # A salted hex digest is the password's hash (Joomla's md5:salt), in an INSERT's password place too.
    ("password_hash", "password: 183b5d7e4e1eb157719816cee1a3f0ca:q1UkyfG8vq7Q9O18", True),
    ("password_assignment", "INSERT INTO u (n, password) VALUES ('a', '183b5d7e4e1eb157719816cee1a3f0ca:q1Uk')", False),
    (
        "session_cookie",
        "Cookie: _zap=0c2bfbb9; z_c0=2|1:0|10:1781967014|4:z_c0|80:erQJLXtCndxzuRYJxk/mTr7O7SQ4dQ6hBC7/iIynA2iok2bafE"
        "|832f249a9e342c665be5e70611e7d91f2ea9f0c2013382ce269f7ee08ea3d1",
        True,
    ),
    # unplumbed's classes: Alpaca markup in any language, <|token|> prompts, messages typed by their sender
    ("chat_template", "### التعليمات:\nأنت مساعد.\n### المستخدم:\nمرحبا\n### المساعد:\nأهلا", True),
    ("chat_template", "### Arahan:\nAnda pembantu.\n\n### Pengguna:\nHai\n\n### Pembantu:\n", True),
    ("chat_template", "<|context|>You are a guide.<|question|>Is the sea calm?<|answer|>Yes, today.", True),
    ("chat_template", "### Step 1:\nopen the page\n### Step 2:\nclick save\n### Step 3:\ndone", False),
    ("chat_role_json", '{"messages": [{"type": "contact", "text": "hi"}, {"type": "agent", "text": "hello"}]}', True),
    ("chat_role_json", '{"messages": [{"direction": "inbound", "body": "is it open?"}]}', True),
    ("chat_role_json", '{"messages": [{"fromCustomer": true, "message": "help"}]}', True),
    ("chat_role_json", '{"name": "Acme", "is_customer": true, "plan": "pro"}', False),
    # digits of other scripts, more phone words, a Belgian structured communication
    ("phone", "मोबाइल +९१ ९८७६५ ४३२१०", True),
    ("phone", "Gelieve te betalen met mededeling +++927/1347/36666+++ vóór 30/06", False),
    # password material: glued digests, SCRAM and SRP beside their salt, a hex digest and its salt
    ("password_hash", "v_catalog.passwords: sha512" + "4a" * 64, False),
    (
        "password_hash",
        "v_catalog.passwords: sha51245d1635a12a4e017b6f7a5e4df250da8fbed3ae07104f81348bfafcc66d253"
        "6381b8731594a5ade2dfdfbfa30feeff0a2bbdba2c58d55fb84175dbdef04b8436",
        True,
    ),
    (
        "password_hash",
        "SCRAMSHA256: salt=53103E377CB852B70EF0D3042F9BF700 serverkey=98C0296A4AB959D64ADD45F2E27D86E2"
        "206790706E2A61020D0CFFD3D6CCE8A6",
        True,
    ),
    (
        "password_hash",
        "PLG$VERIFIER=eIY1bwYeEHtuulesQvoErTKWmqi5H71jYnSN7UKqZZAclS76H88hrrs3wJBPAo2Q8Y7j3zePs= "
        "PLG$SALT=DWvY7FFH3U71hvJLYOK2CDYZouaZYmHBFR8d0VK6hFo=",
        True,
    ),
    (
        "password_hash",
        "e1c44f7a76cd59bf42f916954f0e5ea92effbf621432e2fbece0b8f528eea30f, salt a7c537463d96ec83d9057921",
        True,
    ),
    # phrases: Thai words glued to the name, a verb's value that is only a word
    ("credential_phrase", "ตั้งรหัสผ่านใหม่ให้แล้ว: Chalong2224*", True),
    ("credential_phrase", "รหัสไวไฟยิมใหม่ Lisse2740.", True),
    ("credential_phrase", "Nuwe wagwoord vir die boot se tablet: Chalong5632%", True),
    ("credential_phrase", "'t nieuwe wachtwoord van de koelcel-pc is dxtFnRKWnuq", True),
    ("credential_phrase", "O le upu fa'alilolilo o le Wi-Fi o le Dili6153?", True),  # not "Wi-Fi": five characters
    ("password_assignment", "rootpw --plaintext Xk29mQpL7w", True),
    # keys and passwords in ClickHouse places; a service key; a public key
    ("generic_secret", "netcash ServiceKey=7f8f896e-3977-4478-a4d5-32668dd5a58d&MethodId=101", True),
    ("generic_secret", "decidir public apikey: 45ee73f909ff551d32e850bd6fb0361d", False),
    ("generic_secret", '{"publicApiKey": "45ee73f909ff551d32e850bd6fb0361d"}', False),
    (
        "generic_secret",
        "ENGINE = YTsaurus('http://yt-proxy:80', '//home/runs', 'r9z2uOkCc1sJSBE7JnImXnsCr0EdFBLT')",
        True,
    ),
    ("generic_secret", "<disks><s><type>encrypted</type><disk>s3</disk><key>ngnOaq6pPzg4PCfy</key></s></disks>", True),
    (
        "password_assignment",
        "CREATE TABLE c (k String) ENGINE = Redis('keydb:6379', 0, 'Kata7292%') PRIMARY KEY k",
        True,
    ),
    ("password_assignment", "SELECT * FROM arrowFlight('flight:8815', 'sales', 'reader', 'Xk29mQpL7w')", True),
    ("password_assignment", "slapd.conf rootpw rrp!I-zvducDc9ZUg", True),
    (
        "basic_auth",
        "POST /shipments Authorization: basic MDE3YzhjMmE3M2Q0MDlmNjdkNzJhMDEyYmRlZDk4M2Y4MmUxZDcxYQ==",
        True,
    ),
    ("basic_auth", "Authorization: Basic dXNlcg==", False),
    ("session_cookie", "Cookie: _m_h5_tk=9a646cd48f70720f69dab0a4504db04e_1781925202737; _m_h5_tk_enc=182e08a6", True),
    (
        "aws_secret_access_key",
        "SELECT * FROM icebergS3('https://s3.amazonaws.com/c/', 'AKIA…', 'KurFr4af8QV034baN3Cydn4qA2jKxMXOFncR/n41')",
        True,
    ),
    # unfathomed's classes: a KDF-tagged base64 hash, a message's actor, an IPv4 address beside a phone field's word
    ("password_hash", "USER.PW=PBKDF2:6TUa1z7qF06+FgvlOmi/quzi4MDL/S+bzXKKbKlvj5qZHCLOk/Vkew==", True),
    ("password_hash", "derive the key with PBKDF2:sha256 and 600000 rounds", False),
    ("chat_role_json", '{"conversation": [{"actor": "end_user", "text": "hi"}, {"actor": "virtual_agent"}]}', True),
    ("chat_role_json", '{"actor": "octocat", "action": "repo.create", "repo": "octo/app"}', False),
    ("phone", '{"destination_ip": "185.41.228.7", "destination_port": "443"}', False),
    ("phone", '{"destination": "+254 712 345678", "text": "your lot is graded"}', True),
    ("phone", "job Compression Policy [1002]: Telepono: 07488153828", True),  # Tagalog, Cebuano, Waray
    ("generic_secret", "(auth) X-Ometria-Auth: 49a4c1e4b05c4dbe07105508a0ccab047221180d", True),
    ("generic_secret", "the pre-auth step: done", False),
    ("password_assignment", "guia SOAP <clave>Winter6487?</clave><id_cliente>33016</id_cliente>", True),
    ("password_assignment", "<senha>Verao2024!x</senha>", True),
    ("password_assignment", "<clave>ABC</clave>", False),
    # an SMS API's recipient field: E.164 without its "+", in JSON or a Python dict's repr
    ("phone", '{"toNumber": "573205577585", "sms": "Su pedido de cafe salio hoy"}', True),
    ("phone", "msg=\"{'toNumber': '573108345192', 'sms': 'Su pedido'}\"", True),
    ("phone", '{"from_number": "254712345678"}', True),
    # a phone field beside its dial code holds the national number: read as before, not as E.164 (uncharted's)
    ("phone", '{"contact": {"dialCode": "+62", "country": "ID", "phoneNumber": "81216525611"}}', True),
    ("phone", '{"order_no": "57320557758512", "to_number": "00000000000"}', False),
    # unsounded's classes (the forty-second split), written anew here
    # an Erlang node's name (before its process id, or named as a node) is no mailbox; a mailbox after a word is one
    (
        "email",
        "[ns_server:debug,2026-05-01T08:00:00.000Z,ns_1@kv-3.prod.internal:<0.77.0>:ns_memcached] flushed",
        False,
    ),
    ("email", "rebalance: node ns_1@kv-3.prod.internal joined the cluster", False),
    ("email", "escalate to node.owner@kv-team.io before the window", True),
    # a cookie's value is the cookie detector's: the generic one does not name it a second time
    ("generic_secret", "Cookie: auth-token-secret=7e3f9c2a1b8d4e6f0a5c3b9d2e8f1a4c; theme=dark", False),
    ("session_cookie", "Cookie: auth-token-secret=7e3f9c2a1b8d4e6f0a5c3b9d2e8f1a4c; theme=dark", True),
    # a payment provider's published integration secret is nobody's
    ("generic_secret", "Tbk-Api-Key-Secret: 579B532A7440BB0C9079DED94D31EA1615BACEB56610332264630D42D0A36B1C", False),
    ("generic_secret", "Tbk-Api-Key-Secret: 8E21C7B0A94D3F6E5B2C1D0A9F8E7D6C5B4A39281706F5E4D3C2B1A09F8E7D6C", True),
    # a speaker given as an object's type, a flag, a numbered direction or a nested participant
    (
        "chat_role_json",
        '{"messages": [{"from": {"type": "Client"}, "text": "hola"}, {"from": {"type": "Agent"}}]}',
        True,
    ),
    ("chat_role_json", '{"posts": [{"author": {"type": "Customer"}, "body": "where is my order"}]}', True),
    ("chat_role_json", '{"thread": [{"person": {"id": 4, "is_agent": false}, "message": "<p>help</p>"}]}', True),
    ("chat_role_json", '{"dialog": [{"direction": 2, "type": "text", "data": {"text": "ok"}}]}', True),
    ("chat_role_json", '{"replies": [{"author": {"contact": {"id": "c-1"}}, "html": "<p>thanks</p>"}]}', True),
    ("chat_role_json", '{"station": 7, "wind": {"direction": 270, "type": "gust"}}', False),
    # a digest named as a password's hash in markup, or beside its salt in capitals
    (
        "password_hash",
        '<passwordHash algo="SHA-256">9F86D081884C7D659A2FEAE0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08</passwordHash>',
        True,
    ),
    ("password_hash", "digest 9F86D081884C7D659A2FEAE0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08 salt=Qm9sZDE=", True),
    ("password_hash", "<hashCode>9F86D081884C7D659A2FEAE0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08</hashCode>", False),
    # the password word in Romanian, Hungarian (inflected), Ukrainian and Rusyn, and a Greek Wi-Fi code
    ("credential_phrase", "Parola contului este Brasov7731!", True),
    ("credential_phrase", "Az új jelszavam: Fenyo-toll-84", True),
    ("credential_phrase", "Нове гасло є Karpaty2290#", True),
    ("credential_phrase", "Ο κωδικός του Wi-Fi στο δωμάτιο: Kos8812room", True),
    ("credential_phrase", "la parola si scrive con due zeta", False),
    ("credential_phrase", "Κωδικός παραγγελίας: ORD-2291-KX", False),
    # a phone after a Cyrillic or Greek abbreviation, an SMS gateway's destination field, "call my … on"
    ("phone", "Тел.: +380 67 123 4567", True),
    ("phone", "Тел.: 067 123 4567", True),
    ("phone", "Τηλ.: 210 3456789", True),
    ("phone", "POST /api/mt/send dstaddr=07911123456&msg=hello", True),
    ("phone", "please call my sister on 07911 123456 tonight", True),
    # a password in ExternalDistributed's arguments, and after a command's -u user -p
    (
        "password_assignment",
        "ENGINE = ExternalDistributed('PostgreSQL', 'pg-1:5432|pg-2:5432', 'sales', 'orders', 'reader', 'r3Ad-0nly!x')",
        True,
    ),
    ("password_assignment", "pcs cluster auth node-a node-b -u hacluster -p 'Cl0ud-Ops#7'", True),
    ("password_assignment", "docker run -u 1000 -p 8080:80 nginx:1.27", False),
    # a secret after a masked key id in a table function
    (
        "aws_secret_access_key",
        "SELECT * FROM s3('https://b.s3.amazonaws.com/x.parquet', 'AKIA****************', "
        "'q8Zt3vXw1Yk5Lm7Np9Rs2Uv4Wx6Yz8Ab0Cd2Ef4G')",
        True,
    ),
    # a key as Basic auth's user, with Toggl's api_token as the password
    ("basic_auth", "Authorization: Basic OWYyYzRlNmE4YjBkMWYzZTVhN2M5YjJkNGY2ZThhMGM6YXBpX3Rva2Vu", True),
    # a private key that is a bare token (a payment gateway's), not a PEM file's path
    ("generic_secret", "PAYGATE_PRIVATE_KEY=Zq8Xv3Lm1Nb7Kc5Jd9Hf2Gs4Ta6Wy0Re", True),
    ("generic_secret", "private_key_path=/etc/ssl/private/gw.pem", False),
    # a WireGuard interface's private key is a private key (and the generic detector's no longer)
    ("private_key", "[Interface]\nPrivateKey = mB3t0Zq8Xv3Lm1Nb7Kc5Jd9Hf2Gs4Ta6Wy0ReuQ9k2E=\nListenPort = 51820", True),
    (
        "generic_secret",
        "[Interface]\nPrivateKey = mB3t0Zq8Xv3Lm1Nb7Kc5Jd9Hf2Gs4Ta6Wy0ReuQ9k2E=\nListenPort = 51820",
        False,
    ),
    (
        "private_key",
        "[Peer]\nPublicKey = mB3t0Zq8Xv3Lm1Nb7Kc5Jd9Hf2Gs4Ta6Wy0ReuQ9k2E=\nPersistentKeepalive = 25",
        False,
    ),
    # a Rails token header names its token with quotes too (a generic secret, as without them)
    (
        "generic_secret",
        'Authorization: Token token="4f9a1c7e2b8d3f6a0c5e9b1d7a3f8c2e6b0d4a9f1c7e3b8d2a6f0c5e9b1d7a3f"',
        True,
    ),
    # untapped's classes (the forty-third split), written anew here
    # a Czech "číslo" (number) alone names no phone: a birth number is an id; the phone word still does
    ("phone", "rodné číslo 851204/2291", False),
    ("phone", "moje telefónne číslo je +421 905 123 456", True),
    # Bacula's @/path reads the secret from a file; OAuth 1.0's parameters are no secret of the generic kind
    ("password_assignment", 'Director { Name = vault-dir; Password = "@/etc/bacula/dir.password" }', False),
    ("generic_secret", 'SecretKey = "@/etc/bacula/s3.secret"', False),
    (
        "generic_secret",
        'Authorization: OAuth oauth_consumer_key="9B1D4F6A8C0E2B4D6F8A0C2E4B6D8F0A", oauth_version="1.0"',
        False,
    ),
    # an AWS secret named beside a key id (masked or not), in any syntax, and pgBackRest's s3-key-secret
    (
        "aws_secret_access_key",
        "{access_key: AKIAQ3ZZ7YKDLW5NRP4H, secret_key: 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}",
        True,
    ),
    ("aws_secret_access_key", 'AccessKey = "AKIA…"; SecretKey = "8yOAn2vBUmgQZ5/Eo7zpMnj9OKF/BsvLQ9hZA7J4" }', True),
    ("aws_secret_access_key", "[global] repo1-s3-key-secret=fNa56qhEPffkx9Vk1NmiKUyJtUPn6bg+8HYtc9cm", True),
    # a hyphenated option's -pass=, MariaDB's IDENTIFIED VIA … USING PASSWORD(), a phrase's word five words away
    ("password_assignment", "[global] repo1-cipher-type=aes-256-cbc repo1-cipher-pass=Brno-Tram-2291", True),
    ("credential_phrase", "[global] repo1-cipher-pass=Brno-Tram-2291", False),
    (
        "sql_identified_by",
        "CREATE USER 'kegs'@'%' IDENTIFIED VIA mysql_native_password USING PASSWORD('Pilsner-77x');",
        True,
    ),
    (
        "credential_phrase",
        "CREATE USER 'kegs'@'%' IDENTIFIED VIA mysql_native_password USING PASSWORD('Pilsner-77x');",
        False,
    ),
    ("credential_phrase", "Nové heslo k terminálu ve skladu: Pivovar-4471", True),
    # a dotted name's last two segments say what it holds
    ("named_secret", "kafka:listener.name.sasl_ssl.sasl.jaas.config.password\x1fKarst-88-Velo", True),
    ("named_secret", "auth:jwt.public.key\x1fZq8Xv3Lm1Nb7Kc5Jd9Hf2Gs4Ta6Wy0Re", False),
    # a base64 SHA-1 or MD5 digest under a hash's name, or a hex digest with its salt beside it
    ("named_password_hash", "password_hash\x1f1e0J2kbkKTehX8FzC9cTI0kiOew=", True),
    ("named_password_hash", "pwd_hash\x1fX03MO1qnZdYdgyfeuILPmQ==", True),
    (
        "named_password_hash",
        "password_hash\x1fC3275D077A2FDFE23030298E4FEE962483F76566D6A5119568C94EF6D3DFBBF2 salt=TsjhCFY=",
        True,
    ),
    ("named_secret", "password\x1f1e0J2kbkKTehX8FzC9cTI0kiOew=", True),
    # unweighed: an ad-blocker's web password as it stores it (a double SHA-256), a PBX peer's md5secret, a JSON
    # account's hex digest beside its salt
    ("password_hash", "setupVars.conf: WEBPASSWORD=" + "5be0a3c1" * 8, True),
    ("password_hash", "[peer-17]\ntype=peer\nmd5secret=0d4f6a2c9b8e7d1f3a5c6e8b0d2f4a61\nhost=dynamic", True),
    ("password_hash", '{"user": "eino", "hash": "5be0a3c19f8e7d6c5b4a39281706f5e4d3c2b1a0", "salt": "x9"}', True),
    ("password_hash", "WEBPASSWORD=", False),
    ("password_hash", '{"file": "backup.tar", "hash": "5be0a3c19f8e7d6c5b4a39281706f5e4d3c2b1a0", "size": 12}', False),
    ("password_assignment", "WEBPASSWORD=" + "5be0a3c1" * 8, False),
    # a lower-case IBAN after its name (a form body), checked as one: a keyword-led twin of the IBAN detector, which
    # as a second gate of the IBAN detector cost 0.36 s more per 10 M chat rows
    ("iban_in_lower_case", "payout_form name=Aino+Virtanen&iban=fi8944332211009876&note=x", True),
    ("iban_in_lower_case", "payout_form name=Aino+Virtanen&iban=fi8944332211009877&note=x", False),
    # a note between a password's name and its colon
    ("password_assignment", "root password (build VM): Tq7!vR2m9Lx", True),
    ("password_assignment", "password (optional): required", False),
    ("credential_phrase", "ඔබගේ මුරපදය (කාර්යාල PC): Hx82kq0Lm3", True),
    # Krio and Sranan: "na" is "is"
    ("credential_phrase", "Mi paswɔd na Kokobe-5512, a nɔ ebul fɔ go insay", True),
    ("credential_phrase", "yu paswɔd na di wan we yu bin yuz", False),
    # an LDAP client's bind password after -w (-W prompts for it)
    ("password_assignment", 'ldapsearch -x -H ldaps://dc1 -D "cn=svc-backup" -w Fjord-2291x -b dc=corp', True),
    ("password_assignment", 'ldapsearch -x -H ldaps://dc1.corp -D "cn=svc-backup,ou=svc" -W -b dc=corp', False),
    # Grafana's provisioning expansions name where the value lives; a key sent as a public key's header is public (a
    # pk_ prefix alone says nothing: a courier's API token starts pk_prod_)
    ("password_assignment", "jsonData: {password: $__file{/run/secrets/ch_password}}", False),
    ("generic_secret", "payments x-pub-key: pk_sandbox_3nVq8Lr2Xw9Tz5Km7Pd1Hs4Gb6Jc0Fy", False),
    ("auth_token_assignment", "COURIER_AUTH_TOKEN=pk_prod_DJ7GYJFMIMN22JFC5C5WWQ65NIPC", True),
]


@pytest.mark.parametrize(("detector_id", "text", "found"), ISSUE_16_CASES)
def test_issue_16_classes_and_false_alarms(detector_id: str, text: str, found: bool) -> None:
    assert bool(_valid_matches(_by_id(detector_id), text)) is found


def test_a_rule_row_yields_only_to_a_detector_without_a_validator() -> None:
    """``row_yields_to`` drops a finding wherever the other detector matches: only a match that needs no
    validation can decide that alike in chwarden and in the server's validating query."""
    rules = [json.loads(d.model_dump_json()) for d in load_rules().detectors]
    transcript = next(d for d in rules if d["id"] == "chat_transcript")
    assert transcript["row_yields_to"] == ["chat_template", "chat_template_source"]
    transcript["row_yields_to"] = ["email"]
    with pytest.raises(ValidationError, match="row_yields_to"):
        RuleSet.model_validate({"version": 1, "detectors": rules})


def test_a_transcript_inside_a_chat_template_is_the_templates() -> None:
    ordered = [d for d in load_rules().detectors if d.id in ("chat_template", "chat_transcript")]
    every = tuple(range(1, len(ordered) + 1))
    for row, expected in (
        ("<|begin_of_sentence|>Be brief.\nUser: hi there\nAssistant: hello<|end_of_sentence|>", {"chat_template"}),
        ("User: hi there\nAssistant: hello", {"chat_transcript"}),
    ):
        found = row_findings(RowGroup(candidates=every, windows=(row,), n=1), ordered, frozenset(), ())
        assert {ordered[i - 1].id for i in found} == expected, row


def test_on_call_lets_a_row_through_the_engine_only_before_digits() -> None:
    """ "on call" is a phone word only before a number: as a bare word it let every chat row about a rota through
    18.x's filter and into the phone check (measured on 3 M chat rows: 7,744 rows passed instead of 2,304, and
    discover ran at 0.058x the bare read instead of about 0.1x)."""
    necessary = re.compile(_by_id("phone").necessary)
    assert necessary.search("who is on call tonight? ask the desk") is None
    assert necessary.search("photographer on call: 010-9962-1554") is not None


def test_phone_hint_makes_a_national_number_a_phone() -> None:
    assert phone_valid("0151 23456789", "", frozenset({"phone"}))
    assert not phone_valid("0151 23456789", "", frozenset())


def test_a_columns_own_regions_validate_its_national_numbers() -> None:
    """Argentina is not a common region: its national mobiles count where the column names it."""
    column = ["+54 9 11 3456-7812", "0044 20 7946 0958", "011 15-3456-7812", "+54 9 351 642-1987"]
    regions = region_hints(column)
    assert regions == frozenset({"region:AR"})  # GB is a common region already
    assert not phone_valid("011 15-3456-7812", "", frozenset({"phone"}))
    assert phone_valid("011 15-3456-7812", "", frozenset({"phone"}) | regions)
    assert region_hints(["+54 9 11 3456-7812"] * 3 + ["+234 803 123 4567"] * 9, limit=3) == frozenset({"region:AR"})
    assert region_hints(["+54 1", "+54 9 11 3456"]) == frozenset()  # not valid numbers: no country named


def test_a_column_names_at_most_eight_regions_the_most_frequent_first() -> None:
    numbers = ["+5491123456789", "+573211234567", "+905012345678", "+201001234567", "+84912345678"]
    numbers += ["+639051234567", "+62812345678", "+66812345678"]
    column = [n for n in numbers for _ in range(2)] + ["+2348021234567"]  # Nigeria once, the others twice
    assert len(region_hints(column)) == 8 and "region:NG" not in region_hints(column)


def _texts_for(detector: Detector) -> list[str]:
    from tests.data.discover.corpus import build_corpus

    cells = [v for t in build_corpus("dev") for column in t.columns.values() for v in column]
    return [detector.example, *detector.negatives, *cells]


@pytest.mark.parametrize("detector", [d for d in DETECTORS if d.scope == "value"], ids=lambda d: d.id)
def test_row_filter_is_a_necessary_condition(detector: Detector) -> None:
    """18.x skips rows without any detector's ``necessary`` text: wherever a pattern matches, it is there."""
    necessary = re.compile(detector.necessary, re.ASCII)
    missed = [t for t in _texts_for(detector) if detector.regex.search(t) and not necessary.search(t)]
    assert missed == []
    # 18.x's filter holds the coarser form of it (``coarse``): wherever the condition matches, so does that form.
    coarser = re.compile(coarse(detector.necessary), re.ASCII)
    assert [t for t in _texts_for(detector) if necessary.search(t) and not coarser.search(t)] == []
    # Every class case found passes it too, as chwarden reads the row (a URL-encoded or Eastern-digit row passes the
    # filter as decodable, and is read decoded): the filter (and chdb's candidate patterns, written alike) let
    # through neither "password è …" nor remoteSecure() until this check was added. RE2 folds case beyond ASCII.
    folding = re.compile(detector.necessary)
    cases = [text for i, text, found in ISSUE_16_CASES if found and i == detector.id]
    assert [t for t in cases if not folding.search(readable(t))] == []


def test_a_reference_column_names_the_value_when_no_key_column_does() -> None:
    """A secrets-sync table: ``remote_ref`` names each synced value; ``secret_ref`` is not a credential."""
    from chwarden.discover.named import pairs

    columns = [("remote_ref", "String", "remote_ref"), ("target_key", "String", "target_key"), ("value", "String", "v")]
    assert [(name, expr) for name, _t, expr in pairs(columns)] == [("value", "concat(remote_ref, '\\x1f', v)")]
    assert pairs([("secret_ref", "String", "secret_ref"), ("secret", "String", "s")])[0][2].startswith(
        "concat(secret_ref"
    )


def test_a_named_pair_is_searched_from_its_start_only() -> None:
    """A key-value pair's patterns are anchored at the name: searched from every position, a 2 kB value with spaces
    cost 45 ms per pair (the unheard split's pairs took 19-39 s of its 44 s), anchored 0.02 ms."""
    named = [d for d in DETECTORS if d.scope == "named"]
    assert named and all(d.pattern.startswith("^") for d in named)
    pairs = [f"app:prompt_template_{i}\x1f" + "You are a helpful assistant. " * 70 for i in range(100)]
    started = time.perf_counter()
    for d in named:
        for pair in pairs:
            list(d.regex.finditer(pair))
    assert time.perf_counter() - started < 1.0  # unanchored: 4.5 s for named_secret alone on the project machine


def _phone_words_of_the_rule() -> list[str]:
    """The phone words as rules.json's ``phone`` pattern lists them (its one ``(?i:`` group that names whatsapp)."""
    pattern = _by_id("phone").pattern
    start = pattern.index("(?i:", pattern.index("\\([1-9]\\d\\)"))
    depth, end = 0, start
    for end in range(start, len(pattern)):  # bounded by the pattern's length
        depth += {"(": 1, ")": -1}.get(pattern[end], 0) if pattern[end - 1] != "\\" else 0
        if depth == 0:
            break
    group = pattern[start + len("(?i:") : end]
    assert "whatsapp" in group and group.endswith("सम्पर्क")
    return alternatives(f"(?:{group})")  # the query builder's own split: nested groups kept whole


def _phone_words_of_the_validator() -> list[str]:
    from chwarden.discover.validators import PHONE_CONTEXT

    head, tail = "(?i)(?:", ")[^0-9\\n]{0,16}$"
    assert PHONE_CONTEXT.startswith(head) and PHONE_CONTEXT.endswith(tail)
    return alternatives(f"(?:{PHONE_CONTEXT[len(head) : -len(tail)]})")


_PHONE_WORD_LISTS = {"rules.json pattern": _phone_words_of_the_rule, "PHONE_CONTEXT": _phone_words_of_the_validator}


@pytest.mark.parametrize("source", sorted(_PHONE_WORD_LISTS))
def test_every_phone_word_passes_the_pattern_the_engines_prefilter_and_the_validator(source: str) -> None:
    """The phone words are written three times: in rules.json's pattern, in its prefilter (what lets a row
    through the engine) and in ``PHONE_CONTEXT`` (what makes a national number a phone in Python). A word added
    to one and not the others is found in one place and lost in another; every word of each list, in each form
    its regex spells (hypothesis draws them), must pass all three before a national number."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from chwarden.discover.validators import PHONE_CONTEXT

    phone = _by_id("phone")
    pattern, necessary, context = re.compile(phone.pattern), re.compile(phone.necessary), re.compile(PHONE_CONTEXT)
    words = _PHONE_WORD_LISTS[source]()
    assert len(words) > 40

    def passes_all_three(word: str) -> None:
        text = f"{word}: 030 1234 5678"
        assert pattern.search(text), text
        assert necessary.search(text), text
        assert context.search(text[: text.index("030")]), text

    for word in words:  # each word, in a few of the forms its regex spells
        forms = st.from_regex(re.compile(word), fullmatch=True)
        settings(max_examples=8, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))(
            given(forms)(passes_all_three)
        )()


# Markers with long runs between them that never complete a pattern: where a pattern writes one long gap as several
# adjacent bounded repeats of one class (``[^<\n]{0,50}`` six times), Python's backtracking tries every way to split a
# run among them (a Granite body's ``<|…|>`` tokens took one rule past two minutes on one row of the unwritten split).
_BACKTRACKING_STRESS = (
    "<|start_of_role|>system<|end_of_role|>" + "x" * 290 + "<|end_of_text|>\n<|start_of_role|>" + "y" * 290 + "<|x",
    "### Instruction:\n" + "a" * 240 + "\n### Input:\n" + "b" * 240 + "\n### Output",
    "Human: " + "h " * 150 + "\n\nAssistant" + " a" * 150,
    "<disks><type>encrypted</type>" + "z" * 400 + "<key",
    "USER: " + "u" * 300 + " ASSISTANT" + "a" * 300,
    "password " + "word " * 80 + ": ",
    "Cookie: " + "; ".join(f"c{i}=v{i}" for i in range(80)),
    "0123456789abcdef" * 40 + " salt",
    "+1 " + "2 " * 200,
    "Authorization: Basic " + "QUFB" * 200,
)


@pytest.mark.parametrize("text", _BACKTRACKING_STRESS, ids=range(len(_BACKTRACKING_STRESS)))
def test_no_detector_backtracks_on_long_runs_between_its_markers(text: str) -> None:
    for detector in load_rules().detectors:
        start = time.perf_counter()
        list(detector.regex.finditer(text * 2))
        elapsed = time.perf_counter() - start
        assert elapsed < 0.5, (detector.id, elapsed)
