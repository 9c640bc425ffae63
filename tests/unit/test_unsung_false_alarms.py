"""False alarms of the blind ``unsung`` corpus split, fixed as classes: each class's negatives are no longer
reported and the true positives beside them still are (row by row, as ``discover`` reads a value column)."""

from __future__ import annotations

import functools

import pytest

from chwarden.discover import load_rules
from chwarden.discover import validators as v
from chwarden.discover.rules import Detector
from chwarden.discover.verdict import RowGroup, row_findings


@functools.cache
def _detectors() -> tuple[tuple[Detector, ...], tuple[Detector, ...]]:
    value = tuple(d for d in load_rules().detectors if d.scope == "value")
    return value, tuple(d for d in value if d.specific)


def found(line: str) -> dict[str, list[str]]:
    """Detector id -> matches with a valid value in one row."""
    value, specific = _detectors()
    group = RowGroup(windows=(line,), candidates=tuple(range(1, len(value) + 1)), n=1)
    return {value[i - 1].id: m for i, m in row_findings(group, value, frozenset(), specific).items()}


# ---------------------------------------------------------------- 1. a dotted quad tagging a model or an image


@pytest.mark.parametrize(
    "line",
    [
        '"model": "GigaChat-Lite:2.0.28.2"',
        '{"model_name": "Mixtral-8x7B-Instruct:3.1.4.15", "ok": true}',
        "model_id=qwen2@1.3.0.2",
        'modelId: "claude@3.5.2.1"',
        "image: ghcr.io/acme/web-api:3.2.1.9",
        "image: registry.corp.io/team/api-server:4.12.0.3",
        "docker pull nginx/nginx:1.25.3.1",
        '"engine": "text-davinci:1.0.14.2"',
        "deployment: gpt4o-eus:2.7.1.3",
        '{"base_model": "YandexGPT-Pro:5.0.12.8"}',
        '"Qwen2.5-72B-Instruct:1.0.26.20"',
    ],
)
def test_a_dotted_quad_after_a_model_or_image_name_is_a_version(line: str) -> None:
    assert "ipv4" not in found(line)


@pytest.mark.parametrize(
    "line",
    [
        "inet addr:192.168.14.10  Bcast:192.168.14.255",
        "X-Real-IP: 203.0.113.77",
        "X-Forwarded-For: 198.51.100.23, 10.0.0.7",
        '"client_ip": "81.2.69.160"',
        '"host": "172.16.4.20"',
        '"remote_addr": "100.64.12.9"',
        "connected to mongodb at 52.14.7.33:27017",
        '"model": "10.1.2.3"',  # no name before it: an address under a model's key
        'extra_hosts: ["db-primary-01:10.0.0.5"]',  # docker's host alias
        '"Client-IP:203.0.113.9"',
        '"IPv4:203.0.113.9"',
        "ssh://deploy@10.4.4.8",
        "ftp://admin@192.168.1.1/",
    ],
)
def test_addresses_stay_addresses(line: str) -> None:
    assert "ipv4" in found(line)


# ---------------------------------------------------------------- 2. a message's identifier is not an address


@pytest.mark.parametrize(
    "line",
    [
        "Message-ID: <CAH7pQx9L2mZ+uT4vB8nRwKq3sYd5eJf6gA@mail.gmail.com>",
        "Message-Id: <20240101120000.ABC123DEF@smtp.mailer.corp-mail.net>",
        "In-Reply-To: <5f1e2d3c.1c69fb81.a2b3c.9d4e@mx.google.com>",
        "References: <alpha.123@lists.corp.io> <beta.456@lists.corp.io>",
        "Content-ID: <image001.png@01D9C2A3.corpmail.com>",
        "X-Message-ID: <c0ffee42-77aa@relay.acme.org>",
        '{"message_id": "<0100018c2f3a4b5c-6d7e@email.amazonses.com>"}',
        "msg_id=9f8e7d6c.5b4a@outbound.sendgrid.net",
        '<img src="cid:logo123@acme.mailer.com">',
    ],
)
def test_a_message_id_is_not_an_email_address(line: str) -> None:
    assert "email" not in found(line)


@pytest.mark.parametrize(
    "line",
    [
        "From: <anna.k@corp.org>",
        "From: Anna Kowalska <anna.kowalska@acme.pl>",
        "Reply-To: bob@corp.io",
        "To: john.smith@contoso.com, mary.jones@contoso.com",
        "Cc: <peter.p@initech.com>",
        "contact us at sales@globex.io",
        '{"email": "marta.nowak@onet.pl"}',
    ],
)
def test_addresses_in_headers_stay_email_addresses(line: str) -> None:
    assert "email" in found(line)


def test_every_address_of_a_list_is_found() -> None:
    assert len(found("To: john.smith@contoso.com, mary.jones@contoso.com")["email"]) == 2


# ---------------------------------------------------------------- 3. public client keys are not secrets


@pytest.mark.parametrize(
    "line",
    [
        "POSTHOG_PROJECT_API_KEY=phc_Xe4uQ0JvN8mL2kYt6PbR1sW9cHdZ3aFgVoTiEyB7nMq",
        'posthog_api_key: "phc_Zr8Lm2QwXk5TnVb7YcPd9HsJf3Ga6EuRo1WiKy4BtNq"',
        'stripe.api_key = "pk_test_51Mz8Lm2QwXk5TnVb7YcPd9HsJf3Ga6EuRo1WiKy4BtNq"',
        "STRIPE_PUBLISHABLE_KEY=pk_live_51HqLm2QwXk5TnVb7YcPd9HsJf3Ga6EuRo1WiKy4BtNqZr8",
        "MAPBOX_ACCESS_TOKEN=pk.eyJ1IjoiZ2Vvc3R1ZGlvIiwiYSI6ImNrOHh5ejEyMzAwMDAzbXBlY2h5dGZ2ZzEifQ.Zm9vYmFyYmF6cXV4MTIzNA",
        '"accessToken": "pk.eyJ1IjoibWFwcy1kZW1vIiwiYSI6ImNsbzBhYmMxMjNkZWY0NTZnaGlqIn0.QWxwaGFCZXRhR2FtbWE"',
        "Authorization: Bearer pk.eyJ1IjoiZ2Vvc3R1ZGlvIiwiYSI6ImNrOHh5ejEyMzAwMDAzbXBlY2h5In0.Zm9vYmFyYmF6cXV4",
        "SUPABASE_PUBLISHABLE_KEY=sb_publishable_Xk5TnVb7YcPd9HsJf3Ga6E_uRo1WiKy4",
        "flutterwave_api_key: FLWPUBK-3e8a1f9c2b7d4e6f0a5b8c1d9e2f4a7b-X",
        "FLW_PUBLIC_API_KEY=FLWPUBK_TEST-8f3c9a2b7d1e4f6a0b5c8d2e9f1a3b7c-X",
    ],
)
def test_a_public_client_key_is_not_a_secret(line: str) -> None:
    assert found(line) == {}


@pytest.mark.parametrize(
    "line",
    [
        "STRIPE_SECRET_KEY=sk_live_51HqLm2QwXk5TnVb7YcPd9HsJf3Ga6EuRo1WiKy4BtNqZr8",
        "POSTHOG_PERSONAL_API_KEY=phx_Zr8Lm2QwXk5TnVb7YcPd9HsJf3Ga6EuRo1WiKy4BtNq",
        "MAPBOX_SECRET_TOKEN=sk.eyJ1IjoiZ2Vvc3R1ZGlvIiwiYSI6ImNrOHh5ejEyMzAwMDAzbXBlY2h5dGZ2ZzEifQ.Zm9vYmFyYmF6cXV4MTIzNA",
        "SUPABASE_SECRET_KEY=sb_secret_Xk5TnVb7YcPd9HsJf3Ga6E_uRo1WiKy4",
        "FLW_SECRET_KEY=FLWSECK-3e8a1f9c2b7d4e6f0a5b8c1d9e2f4a7b-X",
    ],
)
def test_their_secret_twins_stay_secrets(line: str) -> None:
    assert found(line) != {}


@pytest.mark.parametrize(
    ("name", "value", "secret"),
    [
        ("pillar:posthog:project_api_key", "phc_b7Yq2mXk9LwT4vNc8RdP3sHj6ZaGe1UoTiWy5BnMfKz", False),
        ("mapbox.public_token", "pk.eyJ1IjoiYWNtZSIsImEiOiJja2V5MTIzNDU2Nzg5MGFiY2RlZiJ9.T2hNeVB1YmxpY0tleQ", False),
        ("stripe_publishable_key", "pk_live_51Qw8Lm2QwXk5TnVb7YcPd9HsJf3Ga6EuRo1WiKy4BtNq", False),
        ("supabase/api_key", "sb_publishable_Xk5TnVb7YcPd9HsJf3Ga6E_uRo1WiKy4", False),
        ("pillar:posthog:personal_api_key", "phx_b7Yq2mXk9LwT4vNc8RdP3sHj6ZaGe1UoTiWy5BnMfKz", True),
        ("stripe_secret_key", "sk_live_51Qw8Lm2QwXk5TnVb7YcPd9HsJf3Ga6EuRo1WiKy4BtNq", True),
    ],
)
def test_a_named_public_key_is_not_a_secret(name: str, value: str, secret: bool) -> None:
    assert v.validate("named_secret", f"{name}\x1f{value}") is secret


# ---------------------------------------------------------------- 4. a PowerShell cmdlet is not a password


@pytest.mark.parametrize(
    "line",
    [
        "$userPwd = Read-Host -AsSecureString 'Enter PIN'",
        "$cred = Get-Credential -UserName admin",
        "$password = ConvertTo-SecureString $plain -AsPlainText -Force",
        "$dbPassword = Get-Content C:\\secrets\\db.txt",
        "$adminPwd = Get-AzKeyVaultSecret -VaultName kv",
        "$pwd = Read-S3Object -BucketName x",
        "$password = Import-Clixml -Path .\\cred.xml",
    ],
)
def test_a_powershell_cmdlet_is_not_a_password(line: str) -> None:
    assert "password_assignment" not in found(line)


@pytest.mark.parametrize(
    "value",
    ["Read-Host", "ConvertTo-SecureString", "Get-Credential", "New-Object", "Get-AzKeyVaultSecret", "Read-S3Object"],
)
def test_password_like_rejects_cmdlets(value: str) -> None:
    assert not v.password_like(value)


@pytest.mark.parametrize(
    "line",
    [
        "password = Kx9!mQ2-vLp7",
        "$password = 'T7#kPq2!zW'",
        "db_password: Summer-2024x",
        "password=Open-Sesame9",
        "pwd=Welcome-Home42",
    ],
)
def test_passwords_stay_passwords(line: str) -> None:
    assert "password_assignment" in found(line)


# ---------------------------------------------------------------- 5. analytics cookies are not sessions


@pytest.mark.parametrize(
    "line",
    [
        "Cookie: _hjSessionUser_4471902=eyJpZCI6ImE3YjQ0MzlmZGQ4M2U0ZmUiLCJjcmVhdGVkIjoxNzAwMDAwMDAwMDAwfQ==",
        "Cookie: _hjSession_3481207=eyJpZCI6ImQ5NmY3ZTFhLWI4YzItNGU2My05ZjFhLTNiMmM0ZDVlNmY3YSIsImMiOjE3MDB9",
        "Set-Cookie: _hjSessionUser_128833=eyJpZCI6IjFhMmIzYzRkNWU2ZjdhOGIiLCJjcmVhdGVkIjoxNzAwfQ==; Path=/",
        "Cookie: ajs_session_id=a8F3kQ9zLm2WxR7tVb4N; x=1",
        "Cookie: _uetsid=Zk3mQ9xLp2Wr7TbV4nYc8HdJ; x=1",
        "Cookie: _pk_ses.1.9a3f=Zk3mQ9xLp2Wr7TbV4nYc8HdJ",
        "Cookie: amp_session_7f3a=Zk3mQ9xLp2Wr7TbV4nYc8HdJ",
    ],
)
def test_an_analytics_cookie_is_not_a_session(line: str) -> None:
    assert "session_cookie" not in found(line)


@pytest.mark.parametrize(
    "name",
    [
        "_hjSessionUser_9600526",
        "_hjSession_9600526",
        "_ga",
        "_ga_X1Y2Z3",
        "_gid",
        "_gcl_au",
        "_fbp",
        "_clck",
        "_clsk",
        "_uetsid",
        "_uetvid",
        "_pk_ses.1.1fff",
        "_pk_id.3.9a9e",
        "ajs_user_id",
        "amp_3b1f2a",
        "mp_0123abcd_mixpanel",
        "OptanonConsent",
        "CookieConsent",
    ],
)
def test_analytics_cookie_names(name: str) -> None:
    assert v.re.search(v.ANALYTICS_COOKIES, name)


@pytest.mark.parametrize(
    "line",
    [
        "Cookie: sessionid=k8Jf3nQ2xLp9Zr7WmT4vYb6Hc; csrftoken=abc",
        "Cookie: PHPSESSID=9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c",
        "Set-Cookie: _myapp_session=Qm9vZ2llV29vZ2llLS1hYmNkZWYxMjM0NTY3ODkw--deadbeef; HttpOnly",
        "Cookie: connect.sid=s%3AQx7mK2pLw9RtYb3NcVs8PdHj4ZaGe1Uo.Ti8Wy6BnMvCqZr5",
        "Cookie: JSESSIONID=Zk3mQ9xLp2Wr7TbV4nYc8HdJ",
    ],
)
def test_session_cookies_stay_sessions(line: str) -> None:
    assert "session_cookie" in found(line)


# ---------------------------------------------------------------- 6. digits inside a name are not a phone number


@pytest.mark.parametrize(
    "line",
    [
        "pod sms-worker-a37449897 restarted",
        "sms-sender-b82736451 OOMKilled",
        "host fax-relay-12-48213977 up",
        "Back-off restarting failed container sms-dispatch-q61829374",
        "tel-gw-node-58172649 NotReady",
    ],
)
def test_digits_inside_a_hyphenated_name_are_not_a_phone(line: str) -> None:
    assert "phone" not in found(line)


@pytest.mark.parametrize(
    "line",
    [
        "sms +49 151 23456789",
        "Mobile: 0151 2345 6789",
        "call me on 07911 123456",
        "call me 0151 2345 6789",
        "tel:+442071838750",
        "phone: (415) 867-5309",
        "手机13812345678",
        "Phone07911123456",
        "sms 07911 123456",
    ],
)
def test_phone_numbers_stay_phone_numbers(line: str) -> None:
    assert "phone" in found(line)
