"""Log shapes probed before the blind ``unasked`` split was scored (not taken from any split): version and
network numbers that look like addresses, grouped digit runs that hold an international prefix's ``00``,
message identifiers written as addresses; passwords under a bracketed key, in curl's ``-u`` and a
Dockerfile's ``ENV``; a bare ``secret`` or ``token`` key (not an ARN's ``:secret:`` segment, not a CSRF
token's header). Each class's positives are reported and its negatives are not; the engines' validating
queries judge the same rows in tests/integration/test_discover.py."""

from __future__ import annotations

import pytest

from tests.unit.test_unlisted_classes import found

# Each positive: (row, detector that must report it).
POSITIVES = [
    ("route 10.0.0.0/8 via 192.168.1.1", "ipv4"),  # the gateway is a host
    ("allow 10.1.2.3/32 only", "ipv4"),  # a host's own prefix
    ("login from 81.169.145.23 ok", "ipv4"),
    ("resolved upstream 100.64.2.9:443", "ipv4"),
    ("call me 0049 151 2345 6789", "phone"),
    ("at 12:30:45 0049 151 2345 6789 called", "phone"),  # a clock before it, not a digit group
    ("ring 00269 332 12 34 please", "phone"),
    ("Reply-To: ops.oncall@acme-corp.io", "email"),
    ("email=jane@acme-corp.io", "email"),
    ("unionpay 6297 0026 1941 3481 178", "payment_card"),
    # passwords: a key in brackets (PHP arrays, Python dicts), curl's user:password, a Dockerfile's ENV
    ("$config['db_password'] = 'Kz8!vQ2mLp';", "password_assignment"),
    ('os.environ["DB_PASSWORD"] = "Hq8sLx2Pq9"', "password_assignment"),
    ("curl -u deploy:Rk7vQ2xLm9 https://nexus.acme.net/repo", "password_assignment"),
    ("curl -s --user 'ci-bot:Tz6#nQ1vLw' https://nexus.acme.net", "password_assignment"),
    ("ENV REDIS_PASSWORD Wz3vLq8xMp", "password_assignment"),
    # a bare secret or token key: JSON, YAML, .env, a URL's query
    ('{"secret":"whsec_8KfJ2mQx9LwT4vNc8RdP3sHj6ZaGe1Uo"}', "generic_secret"),
    ("secret=8KfJ2mQx9LwT4vNc8RdP3sHj6ZaGe1Uo", "generic_secret"),
    ('token: "glsa_AbCdEfGhIjKlMnOpQrStUvWxYz012345_0a1b2c3d"', "auth_token_assignment"),
    ("GET /api/reset?token=8KfJ2mQx9LwT4vNc8RdP3sHj6ZaGe1Uo HTTP/1.1", "auth_token_assignment"),
]

# Each negative: (row, detector that must not report it).
NEGATIVES = [
    ("  at com.example.Foo.bar(Foo.java:123) ~[app-1.2.3.4.jar:1.2.3.4]", "ipv4"),
    ("  at org.acme.Api.run(Api.java:88) [acme-core.war!/:2.11.4.7]", "ipv4"),
    ("firmware 2.4.10.3 bootloader 1.0.0.12 serial SN-20240115-000123", "ipv4"),
    ("plugin loaded: 3.1.4.15 (stable)", "ipv4"),
    ("route 10.0.0.0/8 via gw", "ipv4"),
    ("CIDR 172.16.0.0/12 allowed", "ipv4"),
    ('{"allow": ["100.64.0.0/10", "192.168.10.0/24"]}', "ipv4"),
    ("unionpay 6297 0026 1941 3481 178", "phone"),  # its "00" opens a group of the card
    ("acct 4410 0049 1511 2345 closed", "phone"),
    ("Message-ID: <CAF=abc123XyZ@mail.gmail.com>", "email"),
    ('{"message_id": "<CAE+x=Q7n2p@mail.example-mx.net>"}', "email"),
    ('curl -u "$USER:$TOKEN" https://nexus.acme.net', "password_assignment"),
    ("curl -u admin:${NEXUS_PASS} https://nexus.acme.net", "password_assignment"),
    ("ENV POSTGRES_PASSWORD_FILE /run/secrets/db", "password_assignment"),
    ("$config['db_password'] = getenv('DB_PASSWORD');", "password_assignment"),
    ("arn:aws:secretsmanager:eu-west-2:537204918862:secret:prod/deploy/ssh-JpeYjF", "generic_secret"),
    ("secret: false", "generic_secret"),
    ('"secret": "${WEBHOOK_SECRET}"', "generic_secret"),
    ("X-CSRF-Token: 8KfJ2mQx9LwT4vNc8RdP3sHj6ZaGe1Uo", "auth_token_assignment"),
    ("token: expired", "auth_token_assignment"),
    ("GET /list?page_token=CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA2 HTTP/1.1", "auth_token_assignment"),
]


@pytest.mark.parametrize(("line", "detector"), POSITIVES)
def test_reported(line: str, detector: str) -> None:
    assert detector in found(line), line


@pytest.mark.parametrize(("line", "detector"), NEGATIVES)
def test_not_reported(line: str, detector: str) -> None:
    assert detector not in found(line), line
