"""Per detector: snippet generators of real findings (several shapes) and of hard negatives.

``POSITIVES[id]`` and ``NEGATIVES[id]`` are lists of generators; each call returns one snippet
that a context template (``contexts.py``) wraps into a log line, a JSON record, a header or a chat
message. A positive snippet holds exactly one value of its detector and nothing else sensitive
(a vendor token inside a Bearer header or an assignment is that vendor's finding only: the most
specific detector names a value); a negative snippet holds nothing a correct scanner reports
(``NEGATIVE_LABELS`` lists the few that truthfully hold another class).
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import random
import string
import urllib.parse
import uuid

import phonenumbers
from tests.data.discover import values as v
from tests.data.discover.values import ALNUM, HEX, Gen, assign, pick, rand


def _p(*gens: Gen) -> list[Gen]:
    return list(gens)


_PLACEHOLDERS = (
    "<password>",
    "${DB_PASSWORD}",
    "$DB_PASSWORD",
    "{{ db_password }}",
    "%(password)s",
    "{password}",
    "YOUR_PASSWORD_HERE",
    "********",
    "[REDACTED]",
    "xxxxxxxxxxxx",
    "changeme",
    "<redacted>",
    "${{ secrets.API_TOKEN }}",
    "{{ .Values.apiKey }}",
    "%env(API_KEY)%",
)


def placeholder(r: random.Random) -> str:
    return r.choice(_PLACEHOLDERS)


POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f"Authorization: Bearer {v.openai_legacy(r)}",
        lambda r: assign(r, "openai_api_key", v.openai_legacy(r)),
        lambda r: f"using key {v.openai_legacy(r)} for model gpt-4",
    ),
    "openai_project_key": _p(
        lambda r: assign(r, "OPENAI_API_KEY", v.openai_project(r)),
        lambda r: f"client = OpenAI(api_key='{v.openai_project(r)}')",
        lambda r: f"key {v.openai_project(r)} rejected: insufficient_quota",
    ),
    "anthropic_api_key": _p(
        lambda r: f"x-api-key: {v.anthropic(r)}",
        lambda r: assign(r, "anthropic_key", v.anthropic(r)),
        lambda r: f'Anthropic(api_key="{v.anthropic(r)}")',
    ),
    "deepseek_api_key": _p(
        lambda r: f"Authorization: Bearer {v.deepseek(r)}",
        lambda r: assign(r, "deepseek_key", v.deepseek(r)),
        lambda r: f"api.deepseek.com call with {v.deepseek(r)} ok",
    ),
    "aws_access_key_id": _p(
        lambda r: assign(r, "aws_access_key_id", v.aws_key_id(r)),
        lambda r: f"Credential={v.aws_key_id(r)}/20260112/eu-west-1/s3/aws4_request",
        lambda r: f"s3 upload as {v.aws_key_id(r)} failed: AccessDenied",
    ),
    "aws_secret_access_key": _p(
        lambda r: f"aws_secret_access_key={v.aws_secret(r)}",
        lambda r: f'"SecretAccessKey": "{v.aws_secret(r)}"',
        lambda r: f"AWS_SECRET_ACCESS_KEY: {v.aws_secret(r)}",
    ),
    "aws_session_token": _p(
        lambda r: f"aws_session_token={v.aws_session_token(r)}",
        lambda r: f"X-Amz-Security-Token: {v.aws_session_token(r)}",
        lambda r: f'"SessionToken": "{v.aws_session_token(r)}"',
        lambda r: (
            "X-Amz-Security-Token="
            + v.aws_session_token(r).replace("/", "%2F").replace("+", "%2B").replace("=", "%3D")
            + "&X-Amz-Signature="
            + rand(r, HEX, 64)
        ),
    ),
    "github_classic_token": _p(
        lambda r: f"token {v.github_token(r, 'ghp')}",
        lambda r: assign(r, "GH_TOKEN", v.github_token(r, "ghp")),
        lambda r: f"Authorization: token {v.github_token(r, 'ghp')}",
    ),
    "github_oauth_token": _p(lambda r: f"oauth stored {v.github_token(r, 'gho')}", lambda r: v.github_token(r, "gho")),
    "github_app_token": _p(
        lambda r: f"installation token {v.github_token(r, pick(r, 'ghs', 'ghu'))} expires in 3600s",
        lambda r: v.github_token(r, "ghs"),
    ),
    "github_refresh_token": _p(
        lambda r: f"refresh with {v.github_token(r, 'ghr')}", lambda r: v.github_token(r, "ghr")
    ),
    "github_fine_grained_token": _p(
        lambda r: assign(r, "GH_TOKEN", "github_pat_" + rand(r, ALNUM, 22) + "_" + rand(r, ALNUM, 59)),
        lambda r: "pushing with github_pat_" + rand(r, ALNUM, 22) + "_" + rand(r, ALNUM, 59),
    ),
    "gitlab_token": _p(
        lambda r: f"PRIVATE-TOKEN: glpat-{rand(r, ALNUM + '_-', 20)}",
        lambda r: f"runner registered glrt-{rand(r, ALNUM + '_-', 24)}",
    ),
    "slack_token": _p(
        lambda r: assign(r, "slack_bot_token", v.slack_token(r)), lambda r: f"slack auth {v.slack_token(r)}"
    ),
    "slack_webhook": _p(
        lambda r: (
            "https://hooks.slack.com/services/T"
            + rand(r, string.ascii_uppercase + string.digits, 10)
            + "/B"
            + rand(r, string.ascii_uppercase + string.digits, 10)
            + "/"
            + rand(r, ALNUM, 24)
        ),
    ),
    "stripe_key": _p(
        lambda r: f"stripe.api_key = '{v.stripe_key(r)}'",
        lambda r: f"Authorization: Bearer {v.stripe_key(r)}",
        lambda r: f"charge failed with key {v.stripe_key(r)}",
    ),
    "google_api_key": _p(
        lambda r: f"maps request key=AIza{rand(r, ALNUM + '_-', 35)}&q=berlin",
        lambda r: f"GOOGLE_API_KEY: AIza{rand(r, ALNUM + '_-', 35)}",
    ),
    "google_oauth_client_secret": _p(lambda r: f"oauth client GOCSPX-{rand(r, ALNUM + '_-', 28)} loaded"),
    "gcp_oauth_token": _p(
        lambda r: f"Authorization: Bearer {v.gcp_token(r)}",
        lambda r: f'{{"access_token": "{v.gcp_token(r)}", "expires_in": 3599, "token_type": "Bearer"}}',
        lambda r: f"gcloud token {v.gcp_token(r)}",
    ),
    "twilio_api_key": _p(lambda r: f"twilio client key SK{rand(r, HEX, 32)} loaded"),
    "sendgrid_api_key": _p(
        lambda r: f"SENDGRID_API_KEY=SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}",
        lambda r: f"mail via SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}",
    ),
    "huggingface_token": _p(
        lambda r: f"HF_TOKEN=hf_{rand(r, ALNUM, 34)}",
        lambda r: f"huggingface-cli login --token hf_{rand(r, ALNUM, 34)}",
    ),
    "npm_token": _p(lambda r: f"//registry.npmjs.org/:_authToken=npm_{rand(r, ALNUM, 36)}"),
    "pypi_token": _p(lambda r: f"TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 70)}"),
    "shopify_token": _p(lambda r: f"X-Shopify-Access-Token: shpat_{rand(r, HEX, 32)}"),
    "digitalocean_token": _p(lambda r: f"doctl auth init -t dop_v1_{rand(r, HEX, 64)}"),
    "telegram_bot_token": _p(
        lambda r: f"https://api.telegram.org/bot{r.randrange(10**8, 10**10)}:AA{rand(r, ALNUM + '_-', 33)}/sendMessage"
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "DefaultEndpointsProtocol=https;AccountName=acme"
            + rand(r, string.ascii_lowercase, 5)
            + ";AccountKey="
            + v.azure_account_key(r)
            + ";EndpointSuffix=core.windows.net"
        ),
        lambda r: (
            "Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
            + "SharedAccessKey="
            + v.b64(r.randbytes(32))
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            f"https://acme.blob.core.windows.net/logs/app.log?sv=2022-11-02&ss=b&srt=o&sp=r"
            f"&se=2026-02-01T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}"
        ),
        lambda r: (
            f"SharedAccessSignature=sv=2021-06-08&ss=bfqt&srt=sco&sp=rwdlacupx&se=2026-03-01T00:00:00Z"
            f"&sig={v.azure_sas_sig(r)}"
        ),
        lambda r: (
            f"upload to ?sp=racwdl&st=2026-01-01T00:00:00Z&se=2026-01-02T00:00:00Z&sv=2022-11-02&sr=c"
            f"&sig={v.azure_sas_sig(r)}"
        ),
    ),
    "clickhouse_cloud_key": _p(
        lambda r: assign(r, "CLICKHOUSE_KEY_SECRET", v.clickhouse_secret(r)),
        lambda r: (
            f"curl --user {rand(r, ALNUM, 20)}:{v.clickhouse_secret(r)} https://api.clickhouse.cloud/v1/organizations"
        ),
        lambda r: assign(r, "clickhouse_api_key_id", rand(r, ALNUM, 20)),
    ),
    "jwt": _p(
        lambda r: f"Authorization: Bearer {v.jwt(r)}",
        lambda r: f"id_token={v.jwt(r)}",
        lambda r: f"Cookie: theme=dark; {pick(r, 'auth', 'jwt', 'access', 'at')}={v.jwt(r)}",
        lambda r: f"token {v.jwt(r)} expired",
    ),
    "private_key": _p(lambda r: f"deploy key: {v.pem_key(r)}", lambda r: f'"private_key": "{v.pem_key(r)}"'),
    "url_credentials": _p(
        lambda r: f"connecting to postgresql://app:{v.password(r)}@db-primary.internal:5432/orders",
        lambda r: f"REDIS_URL=redis://default:{v.password(r)}@cache.internal:6379/0",
        lambda r: (
            f"mongodb+srv://svc_{rand(r, string.ascii_lowercase, 4)}:{v.password(r)}@cluster0.ab1cd.mongodb.net/prod"
        ),
        lambda r: f"clickhouse://etl:{v.password(r)}@ch-{r.randrange(1, 9)}.internal:9000/default",
    ),
    "password_assignment": _p(
        lambda r: assign(r, pick(r, "password", "db_password", "smtp_password", "mysql_root_password"), v.password(r)),
        lambda r: f'login attempt {{"user": "m.keller", "password": "{v.password(r)}"}}',
        lambda r: f"pwd={v.password(r)}",
        lambda r: f"spring.datasource.password={v.password(r)}",
    ),
    "sql_identified_by": _p(
        lambda r: f"CREATE USER etl IDENTIFIED WITH sha256_password BY '{v.password(r)}'",
        lambda r: f"ALTER USER app IDENTIFIED BY '{v.password(r)}'",
    ),
    "bearer_token": _p(
        lambda r: f"Authorization: Bearer {v.opaque_token(r)}",
        lambda r: f"curl -H 'Authorization: bearer {v.opaque_token(r)}' https://api.internal/v1/me",
    ),
    "basic_auth": _p(
        lambda r: "Authorization: Basic " + v.b64(f"svc-{rand(r, string.ascii_lowercase, 5)}:{v.password(r)}".encode()),
        lambda r: (
            "proxy-authorization: basic " + v.b64(f"{rand(r, string.ascii_lowercase, 6)}:{v.password(r)}".encode())
        ),
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: theme=dark; PHPSESSID={rand(r, string.ascii_lowercase + string.digits, 26)}; lang=en",
        lambda r: (
            f"Set-Cookie: {pick(r, 'laravel_session', 'myapp_session', '_shop_session', 'sessionid')}="
            f"{rand(r, ALNUM, 40)}; Path=/; HttpOnly"
        ),
        lambda r: f"cookie: connect.sid=s%3A{rand(r, ALNUM + '-_', 32)}.{rand(r, ALNUM + '+/', 43)}",
        lambda r: f"Cookie: JSESSIONID={rand(r, '0123456789ABCDEF', 32)}",
        lambda r: (
            f"Cookie: _ga=GA1.2.{r.randrange(10**9)}.{r.randrange(10**9)}; "
            f"{pick(r, '__Secure-next-auth.session-token', 'sid', 'ASP.NET_SessionId', '_gh_sess')}="
            f"{rand(r, ALNUM + '%', 48)}"
        ),
    ),
    "auth_token_assignment": _p(
        lambda r: f"oauth exchange ok access_token={v.opaque_token(r)} expires_in=3600",
        lambda r: assign(r, pick(r, "refresh_token", "api_token", "auth_token"), v.opaque_token(r)),
    ),
    "generic_secret": _p(
        lambda r: assign(r, pick(r, "client_secret", "api_secret", "signing_key", "encryption_key"), v.opaque_token(r)),
        lambda r: f'config loaded {{"api_key": "{rand(r, ALNUM, 32)}"}}',
    ),
    "password_hash": _p(
        lambda r: v.password_hash(r),
        lambda r: f'user row {{"email_verified": true, "password_hash": "{v.password_hash(r)}"}}',
        lambda r: f"admin:{v.password_hash(r)}",
        lambda r: f"UPDATE users SET pass = '{v.password_hash(r)}' WHERE id = {r.randrange(10**5)}",
    ),
    "credential_phrase": _p(
        lambda r: f"your temporary password is {v.password(r)}",
        lambda r: f"Ihr neues Passwort lautet: {v.password(r)}",
        lambda r: f"votre mot de passe : {v.password(r)}",
        lambda r: f"tu contraseña temporal es {v.password(r)}",
        lambda r: f"sua senha: {v.password(r)}",
        lambda r: f"ваш пароль: {v.password(r)}",
        lambda r: f"临时密码：{v.password(r)}",
        lambda r: f"パスワードは {v.password(r)} です",
        lambda r: f"비밀번호: {v.password(r)}",
        lambda r: f"het wachtwoord is {v.password(r)}",
        lambda r: f"login: admin / pass: {v.password(r)}",
    ),
    "email": _p(
        lambda r: f"password reset mail sent to {v.email(r)}",
        lambda r: f'{{"email": "{v.email(r)}", "plan": "pro"}}',
        lambda r: f"From: Anna <{v.email(r)}>",
        lambda r: v.email(r),
    ),
    "ipv4": _p(
        lambda r: f"login ok from {v.ipv4(r)} user=42",
        lambda r: f'{{"client_ip": "{v.ipv4(r)}"}}',
        lambda r: f"X-Forwarded-For: {v.ipv4(r)}, 10.0.0.1",
        lambda r: f'{v.ipv4(r)} - - [12/Jan/2026:08:00:01 +0000] "GET / HTTP/1.1" 200',
    ),
    "ipv6": _p(lambda r: f"client {v.ipv6(r)} connected", lambda r: f'{{"remote_addr": "{v.ipv6(r)}"}}'),
    "phone": _p(
        lambda r: f"sms verification sent to {v.phone(r, international_only=True)}",
        lambda r: f'{{"phone": "{v.phone(r, international_only=True)}"}}',
        lambda r: f"please call me at {v.phone(r)}",
        lambda r: f"Tel: {v.phone(r)}",
        lambda r: f"my mobile number is {v.phone(r)}",
        lambda r: f"手机号 {v.phone(r, ('CN',))}",
    ),
    "payment_card": _p(
        lambda r: f"checkout card={v.card(r)} exp=11/27",
        lambda r: f'{{"card_number": "{v.card(r)}", "cvc": "{r.randrange(100, 999)}"}}',
        lambda r: f"my card is {v.card(r)} can you check the charge",
        lambda r: v.card(r),
    ),
    "iban": _p(
        lambda r: f"payout to {v.iban(r)} scheduled",
        lambda r: f"IBAN: {v.iban(r)}",
        lambda r: f'{{"iban": "{v.iban(r)}"}}',
    ),
}

NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: "key sk-XXXXXXXXXXXXXXXXXXXXT3BlbkFJXXXXXXXXXXXXXXXXXXXX"),
    "openai_project_key": _p(
        lambda r: "OPENAI_API_KEY=sk-proj-your-openai-project-key-goes-here-xxxxxxxx",
        lambda r: f"OPENAI_API_KEY={placeholder(r)}",
    ),
    "anthropic_api_key": _p(lambda r: "x-api-key: sk-ant-api03-REPLACE_WITH_YOUR_ANTHROPIC_KEY_xxxxxxxxxxxxxxxx"),
    "deepseek_api_key": _p(
        lambda r: "key sk-00000000000000000000000000000000 (unset)",
        lambda r: f"disk-{rand(r, HEX, 32)} attached",
        lambda r: f"task-{rand(r, HEX, 32)} finished",
    ),
    "aws_access_key_id": _p(
        lambda r: "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
        lambda r: "role arn:aws:iam::123456789012:role/AKIAROLE assumed",
    ),
    "aws_secret_access_key": _p(
        lambda r: "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        lambda r: f"aws_secret_access_key={placeholder(r)}",
    ),
    "aws_session_token": _p(
        lambda r: "aws_session_token=<session-token>",
        lambda r: f"session {rand(r, HEX, 64)} refreshed",
    ),
    "github_classic_token": _p(lambda r: f"token {v.github_token(r, 'ghp', valid=False)} (checksum wrong)"),
    "github_oauth_token": _p(lambda r: f"token={v.github_token(r, 'gho', valid=False)}"),
    "github_app_token": _p(lambda r: f"installation token {v.github_token(r, 'ghs', valid=False)}"),
    "github_refresh_token": _p(lambda r: f"refresh failed for {v.github_token(r, 'ghr', valid=False)}"),
    "github_fine_grained_token": _p(lambda r: "GH_TOKEN=github_pat_" + "X" * 22 + "_" + "X" * 59),
    "gitlab_token": _p(lambda r: "PRIVATE-TOKEN: glpat-xxxxxxxxxxxxxxxxxxxx"),
    "slack_token": _p(lambda r: "token=xoxb-00000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx"),
    "slack_webhook": _p(
        lambda r: "docs: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"
    ),
    "stripe_key": _p(
        lambda r: "stripe.api_key = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc'",
        lambda r: f"price id price_{rand(r, ALNUM, 24)} created",
    ),
    "google_api_key": _p(lambda r: "key=AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
    "google_oauth_client_secret": _p(lambda r: "client_secret=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    "gcp_oauth_token": _p(
        lambda r: "Authorization: Bearer ya29.<ACCESS_TOKEN>",
        lambda r: "export TOKEN=ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    ),
    "twilio_api_key": _p(lambda r: "twilio rest client key SK00000000000000000000000000000000"),
    "sendgrid_api_key": _p(
        lambda r: "SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    ),
    "huggingface_token": _p(lambda r: "HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    "npm_token": _p(
        lambda r: "_authToken=npm_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", lambda r: "_authToken=${NPM_TOKEN}"
    ),
    "pypi_token": _p(lambda r: "TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc" + "x" * 60),
    "shopify_token": _p(lambda r: "X-Shopify-Access-Token: shpat_00000000000000000000000000000000"),
    "digitalocean_token": _p(lambda r: "-t dop_v1_" + "0" * 64),
    "telegram_bot_token": _p(lambda r: "bot123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/sendMessage"),
    "azure_storage_connection_string": _p(
        lambda r: (
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"
        ),
        lambda r: "AccountName=devstoreaccount1;AccountKey=<your-account-key-here>",
        lambda r: "UseDevelopmentStorage=true",
    ),
    "azure_sas_token": _p(
        lambda r: "https://acme.blob.core.windows.net/c/f?sv=2022-11-02&sp=r&sig=<signature>",
        lambda r: "?sv=2022-11-02&se=2026-01-01&sig=REDACTED",
        lambda r: f"signature sig={rand(r, HEX, 16)} verified",
    ),
    "clickhouse_cloud_key": _p(
        lambda r: "CLICKHOUSE_KEY_SECRET=4b1dXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
        lambda r: f"clickhouse_api_key_id={placeholder(r)}",
        lambda r: f"build 4b1d{rand(r, HEX, 6)} deployed",
    ),
    "jwt": _p(
        lambda r: (
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0"
            "IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
        ),
        lambda r: "Authorization: Bearer <jwt>",
        lambda r: (
            "header eyJ" + rand(r, ALNUM, 12) + ".eyJ" + rand(r, ALNUM, 12) + "." + rand(r, ALNUM, 12) + " broken"
        ),
    ),
    "private_key": _p(
        lambda r: "-----BEGIN PRIVATE KEY-----\\n...your key here...\\n-----END PRIVATE KEY-----",
        lambda r: "-----BEGIN PUBLIC KEY-----\\n" + v.b64(r.randbytes(48)),
        lambda r: "-----BEGIN CERTIFICATE-----\\n" + v.b64(r.randbytes(48)),
    ),
    "url_credentials": _p(
        lambda r: "DATABASE_URL=postgres://user:password@localhost:5432/db",
        lambda r: "mysql://root:${MYSQL_PASSWORD}@db:3306/app",
        lambda r: "redis://:********@cache:6379",
        lambda r: f"https://{rand(r, HEX, 32)}@o{r.randrange(10**5)}.ingest.sentry.io/{r.randrange(10**6)}",
        lambda r: "git@github.com:acme/infra.git",
        lambda r: "postgres://app:%(password)s@db/app",
    ),
    "password_assignment": _p(
        lambda r: f"password={placeholder(r)}",
        lambda r: "reset_password=true&password_length=12",
        lambda r: f"password_min_length={r.randrange(8, 16)}",
        lambda r: "password: <redacted>",
        lambda r: "forgot_password_url=/auth/forgot",
        lambda r: "password_policy=strong",
    ),
    "sql_identified_by": _p(
        lambda r: "CREATE USER etl IDENTIFIED WITH sha256_password BY '[HIDDEN]'",
        lambda r: "CREATE USER app IDENTIFIED BY '{password}'",
    ),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer YOUR_ACCESS_TOKEN_HERE_PLEASE",
        lambda r: "use a bearer token in the header",
        lambda r: "Authorization: Bearer ${TOKEN}",
        lambda r: "Authorization: Bearer {{ token }}",
    ),
    "basic_auth": _p(
        lambda r: "basic configuration loaded",
        lambda r: "Authorization: Basic dXNlcm5hbWU6cGFzc3dvcmQ=",
        lambda r: "Authorization: Basic <credentials>",
    ),
    "session_cookie": _p(
        lambda r: "Cookie: session=xxxxxxxxxxxxxxxxxxxxxxxx",
        lambda r: "session=expired_session_placeholder_value",
        lambda r: f"session_timeout={r.randrange(100, 9999)}",
        lambda r: "Set-Cookie: session=; Max-Age=0",
        lambda r: f"chat session {r.randrange(10**6)} closed",
    ),
    "auth_token_assignment": _p(
        lambda r: "access_token=REPLACE_ME_WITH_REAL_TOKEN",
        lambda r: "refresh_token=null&access_token=undefined000000",
        lambda r: f"access_token={placeholder(r)}",
        lambda r: "auth_token_ttl=3600",
    ),
    "generic_secret": _p(
        lambda r: "api_key=XXXXXXXXXXXXXXXXXXXXXXXX",
        lambda r: "secret_key=changeme_changeme_changeme",
        lambda r: "api_key=00000000-0000-0000-0000-000000000000",
        lambda r: f"api_key={placeholder(r)}",
        lambda r: (
            # a reference to where the secret lives, not the secret
            f"{pick(r, 'api_key', 'client_secret')} = {pick(r, 'process.env', 'settings', 'self.config')}."
            f"{pick(r, 'API_KEY', 'client_secret', 'signingSecret')}"
        ),
    ),
    "password_hash": _p(
        lambda r: "$2b$12$xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        lambda r: f"price $5${r.randrange(10, 99)} discount",
        lambda r: "hash algorithm pbkdf2_sha256 with 600000 iterations",
        lambda r: "$1$ per request",
    ),
    "credential_phrase": _p(
        lambda r: "your password is too short",
        lambda r: "the password is incorrect, try again",
        lambda r: "Passwort vergessen? Klicken Sie hier",
        lambda r: "mot de passe oublié",
        lambda r: "密码错误，请重试",
        lambda r: "パスワードを忘れた場合",
        lambda r: f"password is {placeholder(r)}",
    ),
    "email": _p(
        lambda r: "contact user@example.com for help",
        lambda r: "asset icon@2x.png loaded",
        lambda r: f"https://{rand(r, HEX, 32)}@o{r.randrange(10**5)}.ingest.sentry.io/{r.randrange(10**6)}",
        lambda r: f"git clone git@github.com:acme/{pick(r, 'infra', 'web', 'ml-pipeline')}.git",
        lambda r: f"ssh deploy@build-{r.randrange(10)}.internal:~/releases",
        lambda r: "pip install requests@2.31.0",
    ),
    "ipv4": _p(
        lambda r: (
            f"upgraded clickhouse to version {r.randrange(22, 26)}.{r.randrange(1, 12)}."
            f"{r.randrange(1, 9)}.{r.randrange(1, 99)}"
        ),
        lambda r: f"build={r.randrange(1, 9)}.{r.randrange(10, 60)}.0.{r.randrange(1, 9)}",
        lambda r: f"client v{r.randrange(1, 5)}.{r.randrange(0, 9)}.{r.randrange(0, 9)}.{r.randrange(0, 9)}",
        lambda r: "Mozilla/5.0 Chrome/120.0.6099.109 Safari/537.36",
        lambda r: "oid 1.3.6.1.4.1.2021 polled",
        lambda r: "bind 0.0.0.0 port 80",
        lambda r: (
            f"ClickHouse {r.randrange(22, 26)}.{r.randrange(1, 12)}.{r.randrange(1, 9)}."
            f"{r.randrange(100, 2999)} (official build)"
        ),
    ),
    "ipv6": _p(lambda r: "ts 12:30:45 done", lambda r: "mac 00:1a:2b:3c:4d:5e", lambda r: "listen [::1]:8080"),
    "phone": _p(
        lambda r: "call (415) 555-0123 for the demo",
        lambda r: f"order 2026-01-{r.randrange(10, 28)} shipped",
        lambda r: "+1 000 000 0000",
        lambda r: f"order id {r.randrange(10**9, 10**10)} placed",
        lambda r: f"took {r.randrange(100, 999)}.{r.randrange(100, 999)} ms at 2026-01-12 08:{r.randrange(10, 59)}:00",
        lambda r: f"trace {r.randrange(10**11, 10**12)}-{r.randrange(1000, 9999)}",
        lambda r: f"version {r.randrange(1, 9)}.{r.randrange(10, 99)}.{r.randrange(100, 999)}",
    ),
    "payment_card": _p(
        lambda r: "card=4111111111111111 (test)",
        lambda r: f"txn id {v.luhn_invalid_card(r).replace(' ', '').replace('-', '')} retry",
        lambda r: f"refund for card {v.luhn_invalid_card(r)} declined",
        lambda r: f"payout to {v.iban(r)} scheduled",
        lambda r: f"request {v.rand(r, '0123456789', 8)}-{v.rand(r, '0123456789', 4)}-{v.rand(r, '0123456789', 4)}",
        lambda r: "card ending 4242",
        lambda r: assign(r, "slack_bot_token", v.slack_token_with_card_run(r)),  # the token's, not a card
    ),
    "iban": _p(
        lambda r: "iban=DE89370400440532013000",
        lambda r: "sku AB12 CDEF GHIJ KLMN",
        lambda r: f"account {v.iban(r, valid=False)}",
    ),
}

# Negative snippets that truthfully hold another class: a payout to an IBAN is an IBAN finding, never a card.
NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("payment_card", 3): frozenset({"iban"}),
    ("payment_card", 6): frozenset({"slack_token"}),
}


# ---------------------------------------------------------------------------- the hidden split's own shapes
#
# Written for the ninth split only (``build_corpus("hidden")`` puts them before the shared generators, so
# every one is drawn): values in the syntaxes of shells, CLI flags, env and INI dumps, LDIF, URLs and
# other languages, and look-alikes that are not findings. Same rule: one value of the class, nothing else.


def _tel_uri(text: str) -> str:
    """An international number as an RFC 3966 ``tel:`` URI (what a ``href="tel:..."`` link holds)."""
    number = phonenumbers.parse("+" + text[2:] if text.startswith("00") else text)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.RFC3966)


def _url_password(r: random.Random) -> str:
    """A password as it sits in a URL's user-info: percent-encoded."""
    return urllib.parse.quote(v.password(r), safe="")


def _pem_indented(r: random.Random) -> str:
    """A private key in a YAML literal block, every line indented."""
    body = "\n".join("  " + v.b64(r.randbytes(48)) for _ in range(r.randrange(2, 5)))
    return f"ssh_private_key: |\n  -----BEGIN OPENSSH PRIVATE KEY-----\n{body}\n  -----END OPENSSH PRIVATE KEY-----"


HIDDEN_POSITIVES: dict[str, list[Gen]] = {
    "openai_project_key": _p(
        lambda r: f'export OPENAI_API_KEY="{v.openai_project(r)}"',
        lambda r: f'curl https://api.openai.com/v1/models -H "Authorization: Bearer {v.openai_project(r)}"',
    ),
    "anthropic_api_key": _p(lambda r: f"ANTHROPIC_API_KEY='{v.anthropic(r)}' python run_eval.py --suite smoke"),
    "aws_access_key_id": _p(lambda r: f"aws configure set aws_access_key_id {v.aws_key_id(r)} --profile ci"),
    "aws_secret_access_key": _p(
        lambda r: f"aws configure set aws_secret_access_key {v.aws_secret(r)} --profile ci",
        lambda r: f"[ci]\naws_secret_access_key = {v.aws_secret(r)}\nregion = eu-central-1",
    ),
    "github_classic_token": _p(lambda r: f"echo {v.github_token(r, 'ghp')} | gh auth login --with-token"),
    "gitlab_token": _p(
        lambda r: (
            f'curl --header "PRIVATE-TOKEN: glpat-{rand(r, ALNUM + "_-", 20)}" '
            '"https://gitlab.acme.io/api/v4/projects?membership=true"'
        )
    ),
    "slack_webhook": _p(
        lambda r: (
            'SLACK_WEBHOOK_URL="https://hooks.slack.com/services/T'
            + rand(r, string.ascii_uppercase + string.digits, 10)
            + "/B"
            + rand(r, string.ascii_uppercase + string.digits, 10)
            + "/"
            + rand(r, ALNUM, 24)
            + '"'
        ),
    ),
    "stripe_key": _p(lambda r: f"curl https://api.stripe.com/v1/balance -u {v.stripe_key(r)}:"),
    "google_api_key": _p(
        lambda r: (
            "GET https://maps.googleapis.com/maps/api/geocode/json?address=Montevideo"
            f"&key=AIza{rand(r, ALNUM + '_-', 35)}"
        )
    ),
    "huggingface_token": _p(
        lambda r: f'curl -H "Authorization: Bearer hf_{rand(r, ALNUM, 34)}" https://huggingface.co/api/whoami-v2'
    ),
    "jwt": _p(lambda r: f"websocket wss://chat.acme.io/socket?access_token={v.jwt(r)}&vsn=2.0.0 closed 1006"),
    "private_key": _p(_pem_indented),
    "url_credentials": _p(
        lambda r: (
            f'DATABASE_URL="mysql://billing:{_url_password(r)}@mysql-primary.internal:3306/billing?ssl-mode=REQUIRED"'
        ),
        lambda r: f"celery broker amqp://orders:{_url_password(r)}@rabbitmq.internal:5672/%2F unreachable",
    ),
    "password_assignment": _p(
        lambda r: f"mysqldump --user=backup --password='{v.password(r)}' --single-transaction --all-databases",
        lambda r: f"PGPASSWORD='{v.password(r)}' pg_dump -h db.internal -U app orders",
    ),
    "sql_identified_by": _p(lambda r: f"CREATE USER 'report'@'%' IDENTIFIED BY '{v.password(r)}';"),
    "bearer_token": _p(lambda r: f'wscat -c wss://stream.acme.io/v1 -H "authorization: Bearer {v.opaque_token(r)}"'),
    "session_cookie": _p(
        lambda r: f"Set-Cookie: __Host-session={rand(r, ALNUM, 43)}; Path=/; Secure; HttpOnly; SameSite=Lax",
        lambda r: (
            f"curl -b 'SESSION={v.b64(str(uuid.UUID(int=r.getrandbits(128), version=4)).encode())}' https://app.acme.io/"
        ),
    ),
    "auth_token_assignment": _p(lambda r: f"kubectl --token={v.opaque_token(r)} -n prod get pods"),
    "generic_secret": _p(
        lambda r: f"secret_key_base: {rand(r, HEX, 128)}",
        lambda r: f'FLASK_SECRET_KEY="{rand(r, ALNUM, 40)}"',
    ),
    "password_hash": _p(
        lambda r: f"userPassword: {{SSHA}}{v.b64(r.randbytes(24))}",
        lambda r: f"deploy:{v.password_hash(r)}:19734:0:99999:7:::",
    ),
    "credential_phrase": _p(
        lambda r: f"Din midlertidige adgangskode er: {v.password(r)}",
        lambda r: f"la teva contrasenya nova és {v.password(r)}",
        lambda r: f"Вашата временна парола е: {v.password(r)}",
        lambda r: f"თქვენი დროებითი პაროლია: {v.password(r)}",
        lambda r: f"Ang bago mong password ay {v.password(r)}",
    ),
    "email": _p(
        lambda r: f"mailto:{v.email(r)}?subject=Factura%20pendiente",
        lambda r: f'To: "Rojas, Valentina" <{v.email(r)}>',
    ),
    "phone": _p(
        lambda r: f'<a href="{_tel_uri(v.phone(r, international_only=True))}">Llámanos</a>',
        lambda r: f"WhatsApp: {v.phone(r)}",
        lambda r: f"contact_phone={v.phone(r, international_only=True)}",
    ),
    "payment_card": _p(
        lambda r: f"PAN={v.card_number(r)} EXP=0829",
        lambda r: f"mi tarjeta es la {v.card(r)}, ¿me devuelven el cargo?",
    ),
    "iban": _p(
        lambda r: f"transfer to {v.hidden_iban(r)} confirmed",
        lambda r: f'{{"beneficiary_iban": "{v.hidden_iban(r)}"}}',
        lambda r: f"IBAN: {v.hidden_iban(r)}",
    ),
    "ipv4": _p(lambda r: f'"x-real-ip": "{v.ipv4(r)}"'),
    "ipv6": _p(lambda r: f'Forwarded: for="[{v.ipv6(r)}]:{r.randrange(1024, 65535)}";proto=https'),
}

HIDDEN_NEGATIVES: dict[str, list[Gen]] = {
    "aws_access_key_id": _p(lambda r: "aws configure set aws_access_key_id AKIAI44QH8DHBEXAMPLE"),
    "aws_secret_access_key": _p(lambda r: "aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"),
    "stripe_key": _p(lambda r: f"Stripe('pk_live_{rand(r, ALNUM, 24)}')  // publishable key, shipped to browsers"),
    "private_key": _p(
        lambda r: "paste your deploy key (it starts with -----BEGIN OPENSSH PRIVATE KEY-----) into the form",
        lambda r: f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{rand(r, ALNUM + '+/', 43)} ci-deploy",
    ),
    "url_credentials": _p(
        lambda r: "DATABASE_URL=postgresql://app@db.internal:5432/orders?sslmode=verify-full",
        lambda r: f"restore from s3://acme-backups/pg/2026-01-{r.randrange(10, 28)}/base.tar.gz",
    ),
    "password_assignment": _p(
        lambda r: 'echo "$REGISTRY_TOKEN" | docker login registry.acme.io -u ci --password-stdin',
        lambda r: "PGPASSWORD=$(vault kv get -field=password secret/db) pg_dump -h db.internal orders",
        lambda r: "password_hash_algorithm=argon2id",
    ),
    "bearer_token": _p(lambda r: 'curl -H "Authorization: Bearer $(gcloud auth print-access-token)" https://run.app/'),
    "basic_auth": _p(lambda r: 'WWW-Authenticate: Basic realm="Restricted", charset="UTF-8"'),
    "session_cookie": _p(
        lambda r: "Set-Cookie: __Host-session=deleted; expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure",
        lambda r: "Cookie: cookie_consent=accepted; theme=light; lang=ca",
    ),
    "generic_secret": _p(
        lambda r: 'secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>',
        lambda r: "api_key_header: X-API-Key",
    ),
    "password_hash": _p(lambda r: f"{hashlib.sha256(r.randbytes(32)).hexdigest()}  release-2026.01.tar.gz"),
    "credential_phrase": _p(
        lambda r: "Har du glemt din adgangskode?",
        lambda r: "Грешна парола, опитайте отново",
        lambda r: "პაროლი არასწორია",
        lambda r: "Has oblidat la contrasenya?",
        lambda r: "Mali ang password, subukan muli",
    ),
    "email": _p(
        lambda r: f"docker pull ghcr.io/acme/api@sha256:{rand(r, HEX, 64)}",
        lambda r: "npx create-next-app@14.2.3 web",
    ),
    "phone": _p(
        lambda r: "ISBN 978-3-16-148410-0",
        lambda r: f"NodePort range 30000-32767, service port {r.randrange(30000, 32767)}",
    ),
    "payment_card": _p(
        lambda r: "imei 356938035643809 registered",
        lambda r: "card 5555 5555 5555 4444 (stripe test card)",
    ),
    "iban": _p(lambda r: f"account {v.hidden_iban(r, valid=False)}"),
    "ipv4": _p(lambda r: f"Microsoft Windows [Version 10.0.22631.{r.randrange(1000, 4000)}]"),
    "ipv6": _p(lambda r: "route 2001:db8::/32 is the documentation prefix"),
}


# ---------------------------------------------------------------------------- the unheard split's own shapes
#
# Written for the tenth split only, by a session that did not read the rules (``build_corpus("unheard")`` puts
# them before the shared generators, as for hidden): values as CI jobs, Kubernetes objects, SDK constructors,
# OAuth and service-account JSON, mail and sshd logs, vCards, SEPA XML and chat in Slovak, Urdu, Afrikaans,
# Icelandic and Malay show them, and look-alikes those sources print that are not findings (CI-masked values,
# ``secretKeyRef``s, action and package pins, SRI hashes, .NET versions, TLS fingerprints...).


def _e164(text: str) -> str:
    """A generated phone number (``+``/``00`` international form) in E.164."""
    number = phonenumbers.parse("+" + text[2:] if text.startswith("00") else text)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _flask_session(r: random.Random) -> str:
    """A Flask (itsdangerous) session cookie: base64url JSON, a timestamp, an HMAC-SHA1; not a JWT."""
    payload = v.b64url(f'{{"_fresh":true,"_user_id":"{r.randrange(1, 10**5)}"}}'.encode())
    return f"{payload}.{v.b64url(r.randbytes(4))}.{v.b64url(r.randbytes(20))}"


def _yescrypt(r: random.Random) -> str:
    crypt64 = v.CRYPT64
    return f"$y$j9T${rand(r, crypt64, 22)}${rand(r, crypt64, 43)}"


def _company_id(r: random.Random) -> str:
    """A Slovak company number (IČO) as invoices print it, drawn until it is no valid number of the split's phone
    regions either (so that nothing but its label tells it apart from a phone)."""
    digits = str(r.randrange(30_000_000, 56_000_000))
    for _ in range(100):
        if not any(phonenumbers.is_valid_number(phonenumbers.parse(digits, region)) for region in v.PHONE_REGIONS):
            break
        digits = str(r.randrange(30_000_000, 56_000_000))
    return f"{digits[:2]} {digits[2:5]} {digits[5:]}"


def _django_secret(r: random.Random) -> str:
    return rand(r, string.ascii_lowercase + string.digits + "!@#$%^&*(-_=+)", 50)


UNHEARD_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: f'openai.api_key = "{v.openai_legacy(r)}"'),
    "openai_project_key": _p(
        lambda r: f'llm = ChatOpenAI(model="gpt-4o-mini", temperature=0, api_key="{v.openai_project(r)}")',
        lambda r: f"OPENAI_API_KEY={v.openai_project(r)}",
    ),
    "anthropic_api_key": _p(
        lambda r: f"+ curl -sS https://api.anthropic.com/v1/messages -H 'x-api-key: {v.anthropic(r)}' -d @req.json",
        lambda r: f'ChatAnthropic(model="claude-3-5-sonnet-latest", anthropic_api_key="{v.anthropic(r)}")',
    ),
    "deepseek_api_key": _p(
        lambda r: f'client = OpenAI(api_key="{v.deepseek(r)}", base_url="https://api.deepseek.com")'
    ),
    "aws_access_key_id": _p(
        lambda r: (
            "GET https://acme-exports.s3.eu-west-1.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            f"&X-Amz-Credential=AKIA{rand(r, string.ascii_uppercase + '234567', 16)}%2F20260112%2Feu-west-1%2Fs3"
            f"%2Faws4_request&X-Amz-Date=20260112T080001Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"
            f"&X-Amz-Signature={rand(r, HEX, 64)}"
        ),
    ),
    "aws_secret_access_key": _p(
        lambda r: f"docker run --rm -e AWS_SECRET_ACCESS_KEY={v.aws_secret(r)} amazon/aws-cli s3 ls",
        lambda r: f'{{"name": "AWS_SECRET_ACCESS_KEY", "value": "{v.aws_secret(r)}"}}',
    ),
    "aws_session_token": _p(lambda r: f'export AWS_SESSION_TOKEN="{v.aws_session_token(r)}"'),
    "github_classic_token": _p(
        lambda r: f"git clone https://{v.github_token(r, 'ghp')}@github.com/acme/infra.git",
        lambda r: f"  GITHUB_TOKEN: {v.github_token(r, 'ghp')}",
    ),
    "github_oauth_token": _p(
        lambda r: f'{{"access_token":"{v.github_token(r, "gho")}","token_type":"bearer","scope":"repo,gist"}}'
    ),
    "github_app_token": _p(
        lambda r: f"git remote set-url origin https://x-access-token:{v.github_token(r, 'ghs')}@github.com/acme/api.git"
    ),
    "github_refresh_token": _p(
        lambda r: f'{{"refresh_token": "{v.github_token(r, "ghr")}", "refresh_token_expires_in": 15811200}}'
    ),
    "github_fine_grained_token": _p(
        lambda r: "Authorization: Bearer github_pat_" + rand(r, ALNUM, 22) + "_" + rand(r, ALNUM, 59)
    ),
    "gitlab_token": _p(
        lambda r: f"git clone https://oauth2:glpat-{rand(r, ALNUM + '_-', 20)}@gitlab.acme.io/platform/charts.git",
        lambda r: (
            f"gitlab-runner register --non-interactive --url https://gitlab.acme.io --token glrt-"
            f"{rand(r, ALNUM + '_-', 24)} --executor docker"
        ),
    ),
    "slack_token": _p(
        lambda r: f'curl -H "Authorization: Bearer {v.slack_token(r)}" https://slack.com/api/chat.postMessage',
        lambda r: f'client = WebClient(token="{v.slack_token(r)}")',
    ),
    "slack_webhook": _p(
        lambda r: (
            "curl -X POST -H 'Content-type: application/json' --data '{\"text\":\"deploy finished\"}' "
            "https://hooks.slack.com/services/T"
            + rand(r, string.ascii_uppercase + string.digits, 10)
            + "/B"
            + rand(r, string.ascii_uppercase + string.digits, 10)
            + "/"
            + rand(r, ALNUM, 24)
        ),
    ),
    "stripe_key": _p(
        lambda r: f"Stripe.api_key = '{v.stripe_key(r)}'",
        lambda r: f"  STRIPE_SECRET_KEY: {v.stripe_key(r)}",
    ),
    "google_api_key": _p(
        lambda r: (
            f'<script src="https://maps.googleapis.com/maps/api/js?key=AIza{rand(r, ALNUM + "_-", 35)}'
            '&callback=initMap" async></script>'
        ),
        lambda r: f'const firebaseConfig = {{ apiKey: "AIza{rand(r, ALNUM + "_-", 35)}", projectId: "acme-prod" }};',
    ),
    "google_oauth_client_secret": _p(
        lambda r: (
            f'{{"installed":{{"client_id":"{r.randrange(10**11, 10**12)}-'
            f'{rand(r, string.ascii_lowercase + string.digits, 32)}.apps.googleusercontent.com",'
            f'"client_secret":"GOCSPX-{rand(r, ALNUM + "_-", 28)}",'
            '"redirect_uris":["http://localhost"]}}'
        )
    ),
    "gcp_oauth_token": _p(
        lambda r: (
            f'{{"account": "", "refresh_token": "1//0{rand(r, v.B64URL, r.randrange(60, 100))}", '
            '"type": "authorized_user", "universe_domain": "googleapis.com"}'
        ),
        lambda r: (
            f'curl -H "Authorization: Bearer ya29.{rand(r, v.B64URL, r.randrange(120, 220))}" '
            "https://storage.googleapis.com/storage/v1/b/acme-exports/o"
        ),
    ),
    "twilio_api_key": _p(lambda r: f"TWILIO_API_KEY_SID=SK{rand(r, HEX, 32)}"),
    "sendgrid_api_key": _p(
        lambda r: f'sg = SendGridAPIClient("SG.{rand(r, ALNUM + "_-", 22)}.{rand(r, ALNUM + "_-", 43)}")'
    ),
    "huggingface_token": _p(
        lambda r: f'login(token="hf_{rand(r, ALNUM, 34)}")',
        lambda r: f"git clone https://ml-bot:hf_{rand(r, ALNUM, 34)}@huggingface.co/acme/intent-classifier",
    ),
    "npm_token": _p(lambda r: f"  NODE_AUTH_TOKEN: npm_{rand(r, ALNUM, 36)}"),
    "pypi_token": _p(
        lambda r: f"poetry config pypi-token.pypi pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 70)}",
        lambda r: f"[pypi]\n  username = __token__\n  password = pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 70)}",
    ),
    "shopify_token": _p(
        lambda r: f'ShopifyAPI::Session.new(domain: "acme.myshopify.com", token: "shpat_{rand(r, HEX, 32)}")'
    ),
    "digitalocean_token": _p(lambda r: f"DIGITALOCEAN_ACCESS_TOKEN=dop_v1_{rand(r, HEX, 64)}"),
    "telegram_bot_token": _p(
        lambda r: f'bot = telebot.TeleBot("{r.randrange(10**8, 10**10)}:AA{rand(r, ALNUM + "_-", 33)}")'
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "EVENTHUB_CONNECTION=Endpoint=sb://acme-events.servicebus.windows.net/;SharedAccessKeyName=send;"
            f"SharedAccessKey={v.b64(r.randbytes(32))};EntityPath=clicks"
        ),
        lambda r: (
            'export AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acmelogs'
            f'{rand(r, string.ascii_lowercase, 4)};AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net"'
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            "azcopy copy 'https://acmebackup.blob.core.windows.net/pg/base.tar.gz?sp=r&st=2026-01-12T08:00:00Z"
            f"&se=2026-01-12T20:00:00Z&spr=https&sv=2022-11-02&sr=b&sig={v.azure_sas_sig(r)}' /restore/"
        ),
    ),
    "clickhouse_cloud_key": _p(lambda r: f'  token_secret    = "{v.clickhouse_secret(r)}"'),
    "jwt": _p(
        lambda r: f'{{"access_token": "{v.jwt(r)}", "token_type": "Bearer", "expires_in": 3600}}',
        lambda r: (
            f'{{"operationName":"Me","variables":{{"token":"{v.jwt(r)}"}},"query":"query Me($token: String!) '
            '{ me(token: $token) { id } }"}'
        ),
    ),
    "private_key": _p(
        lambda r: (
            '{"type": "service_account", "project_id": "acme-prod", "private_key": "'
            + v.pem_key(r).replace("\n", "\\n")
            + '"}'
        ),
    ),
    "url_credentials": _p(
        lambda r: (
            f"sqlalchemy.url = mssql+pyodbc://sa:{_url_password(r)}@sql01.internal:1433/erp"
            "?driver=ODBC+Driver+18+for+SQL+Server"
        ),
        lambda r: (
            f"pip install --index-url https://ci:{_url_password(r)}@nexus.acme.io/repository/pypi/simple acme-sdk"
        ),
        lambda r: f"lftp ftp://backup:{_url_password(r)}@ftp.acme.io/dumps/ -e 'mirror -R /var/backups; quit'",
    ),
    "password_assignment": _p(
        lambda r: f"helm upgrade --install pg bitnami/postgresql --set auth.postgresPassword={v.password(r)}",
        lambda r: f"'PASSWORD': '{v.password(r)}',",
        lambda r: f'{{"name": "DB_PASSWORD", "value": "{v.password(r)}"}}',
        lambda r: f"java -Djavax.net.ssl.trustStorePassword={v.password(r)} -jar app.jar",
    ),
    "sql_identified_by": _p(
        lambda r: f"GRANT ALL PRIVILEGES ON app.* TO 'app'@'10.%' IDENTIFIED BY '{v.password(r)}';",
        lambda r: f'CREATE USER scott IDENTIFIED BY "{v.password(r)}" DEFAULT TABLESPACE users;',
        lambda r: f"CREATE USER IF NOT EXISTS reader IDENTIFIED WITH plaintext_password BY '{v.password(r)}'",
    ),
    "bearer_token": _p(
        lambda r: f'{{"name": "authorization", "value": "Bearer {v.opaque_token(r)}"}}',
        lambda r: f'http GET https://api.internal/v1/me "Authorization:Bearer {v.opaque_token(r)}"',
    ),
    "basic_auth": _p(
        lambda r: (
            f'{{"name": "Authorization", "value": "Basic '
            f'{v.b64(f"svc-{rand(r, string.ascii_lowercase, 5)}:{v.password(r)}".encode())}"}}'
        ),
        lambda r: (
            "headers={'Authorization': 'Basic "
            + v.b64(f"{rand(r, string.ascii_lowercase, 6)}:{v.password(r)}".encode())
            + "'}"
        ),
    ),
    "session_cookie": _p(
        lambda r: (
            f"Set-Cookie: _acme_session={urllib.parse.quote(v.b64(r.randbytes(r.randrange(60, 120))), safe='')}--"
            f"{rand(r, HEX, 40)}; path=/; "
            "secure; HttpOnly; SameSite=Lax"
        ),
        lambda r: f"Set-Cookie: session={_flask_session(r)}; HttpOnly; Path=/",
        lambda r: f"Cookie: .AspNetCore.Session=CfDJ8{rand(r, v.B64URL, 120)}",
    ),
    "auth_token_assignment": _p(
        lambda r: f"VAULT_TOKEN=hvs.{rand(r, v.B64URL, 90)}",
        lambda r: f"X-Auth-Token: {v.opaque_token(r)}",
    ),
    "generic_secret": _p(
        lambda r: f"SECRET_KEY = '{_django_secret(r)}'",
        lambda r: f"  jwtSigningKey: {rand(r, HEX, 64)}",
        lambda r: f'{{"name": "APP_SECRET", "value": "{rand(r, ALNUM, 32)}"}}',
    ),
    "password_hash": _p(
        lambda r: f"deploy:{_yescrypt(r)}:20101:0:99999:7:::",
        lambda r: f"maria:{{SHA512-CRYPT}}$6${rand(r, v.CRYPT64, 16)}${rand(r, v.CRYPT64, 86)}::::::",
        lambda r: f"<password_sha256_hex>{hashlib.sha256(r.randbytes(16)).hexdigest()}</password_sha256_hex>",
    ),
    "credential_phrase": _p(
        lambda r: f"Vaše dočasné heslo je: {v.password(r)}",
        lambda r: f"آپ کا عارضی پاس ورڈ یہ ہے: {v.password(r)}",
        lambda r: f"Jou tydelike wagwoord is {v.password(r)}",
        lambda r: f"Tímabundna lykilorðið þitt er {v.password(r)}",
        lambda r: f"Kata laluan sementara anda ialah {v.password(r)}",
    ),
    "email": _p(
        lambda r: (
            f"postfix/pipe[{r.randrange(100, 99999)}]: 4F3A21C0E2: to=<{v.email(r)}>, relay=dovecot, delay=0.12, "
            "delays=0.05/0.01/0/0.06, dsn=2.0.0, status=sent (delivered via dovecot service)"
        ),
        lambda r: f"1tQ3xK-000Fq2-2b <= {v.email(r)} U=www-data P=local S={r.randrange(900, 90000)}",
        lambda r: f"EMAIL;TYPE=INTERNET:{v.email(r)}",
        lambda r: f"Signed-off-by: Maria Keller <{v.email(r)}>",
    ),
    "ipv4": _p(
        lambda r: (
            f"haproxy[{r.randrange(100, 9999)}]: {v.ipv4(r)}:{r.randrange(1024, 65535)} [12/Jan/2026:08:00:01.123] "
            'fe_https~ be_api/api-2 0/0/1/12/13 200 512 - - ---- 12/12/0/0/0 0/0 "GET /healthz HTTP/1.1"'
        ),
        lambda r: (
            f"2026/01/12 08:00:01 [error] 311#311: *4521 upstream timed out (110: Connection timed out) while reading "
            f'response header from upstream, client: {v.ipv4(r)}, server: api.acme.io, request: "GET /v1/items '
            'HTTP/1.1", upstream: "http://unix:/run/gunicorn.sock:/v1/items", host: "api.acme.io"'
        ),
        lambda r: (
            f"sshd[{r.randrange(100, 99999)}]: Failed password for invalid user admin from {v.ipv4(r)} port "
            f"{r.randrange(1024, 65535)} ssh2"
        ),
    ),
    "ipv6": _p(
        lambda r: (
            f"sshd[{r.randrange(100, 99999)}]: Accepted publickey for deploy from {v.ipv6(r)} port "
            f"{r.randrange(1024, 65535)} ssh2: ED25519 SHA256:{v.b64(r.randbytes(32)).rstrip('=')}"
        ),
    ),
    "phone": _p(
        lambda r: f"TEL;TYPE=CELL:{v.phone(r, international_only=True)}",
        lambda r: (
            f"twilio inbound sms From={urllib.parse.quote(_e164(v.phone(r, international_only=True)), safe='')}"
            "&Body=STOP&NumMedia=0"
        ),
        lambda r: f"moje telefónne číslo je {v.phone(r)}",
        lambda r: f"síminn minn er {v.phone(r)}",
        lambda r: f"nombor telefon saya {v.phone(r)}",
    ),
    "payment_card": _p(
        lambda r: (
            f"card[number]={v.card_number(r)}&card[exp_month]={r.randrange(1, 13)}&card[exp_year]=20"
            f"{r.randrange(27, 32)}&card[cvc]={r.randrange(100, 1000)}"
        ),
        lambda r: (
            f'{{"paymentMethod": {{"type": "scheme", "number": "{v.card_number(r)}", "expiryMonth": "03", '
            '"expiryYear": "2030", "holderName": "J. Smith"}}'
        ),
        lambda r: f"nombor kad kredit saya {v.card(r)}, tolong semak caj ini",
    ),
    "iban": _p(
        lambda r: f"<CdtrAcct><Id><IBAN>{v.unheard_iban(r, grouped=False)}</IBAN></Id></CdtrAcct>",
        lambda r: f"Stuur asseblief die geld na {v.unheard_iban(r)}",
        lambda r: f"IBAN: {v.unheard_iban(r)}",
    ),
}

UNHEARD_NEGATIVES: dict[str, list[Gen]] = {
    "openai_project_key": _p(lambda r: "  OPENAI_API_KEY: ***"),
    "anthropic_api_key": _p(lambda r: f"x-api-key: sk-ant-api03-…{rand(r, ALNUM, 4)}"),
    "aws_access_key_id": _p(
        lambda r: f'"RoleId": "AROA{rand(r, string.ascii_uppercase + "234567", 17)}"',
        lambda r: "  AWS_ACCESS_KEY_ID: ***",
    ),
    "aws_session_token": _p(lambda r: "  AWS_SESSION_TOKEN: ***"),
    "github_classic_token": _p(lambda r: "  GITHUB_TOKEN: ***"),
    "gitlab_token": _p(
        lambda r: "PRIVATE-TOKEN: [MASKED]",
        lambda r: 'curl --header "JOB-TOKEN: $CI_JOB_TOKEN" "${CI_API_V4_URL}/projects/42/packages"',
    ),
    "slack_webhook": _p(lambda r: "  SLACK_WEBHOOK_URL: ${{ secrets.SLACK_WEBHOOK_URL }}"),
    "stripe_key": _p(lambda r: "Stripe('pk_test_TYooMQauvdEDq54NiTphI7jx')"),
    "jwt": _p(lambda r: "id_token=eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.<redacted>"),
    "private_key": _p(
        lambda r: (
            "Your identification has been saved in /home/ci/.ssh/id_ed25519\nThe key fingerprint is: "
            f"SHA256:{v.b64(r.randbytes(32)).rstrip('=')} ci@runner"
        ),
        lambda r: "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" + v.b64(r.randbytes(48)),
    ),
    "url_credentials": _p(
        lambda r: "postgresql://app:***@db.internal:5432/orders",
        lambda r: "mongodb://${MONGO_USER}:${MONGO_PASS}@mongo:27017/app?authSource=admin",
    ),
    "password_assignment": _p(
        lambda r: '{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}}',
        lambda r: "  MYSQL_ROOT_PASSWORD: ***",
        lambda r: "PASSWORD_HASHERS = ['django.contrib.auth.hashers.Argon2PasswordHasher']",
        lambda r: f'"passwordLastChanged": "2026-01-{r.randrange(10, 28)}T{r.randrange(0, 24):02d}:00:00Z"',
    ),
    "sql_identified_by": _p(
        lambda r: "CREATE USER 'backup'@'localhost' IDENTIFIED WITH auth_socket;",
        lambda r: "ALTER USER ? IDENTIFIED BY ?",
    ),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer ***",
        lambda r: 'WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="The token expired"',
    ),
    "basic_auth": _p(lambda r: 'auth_basic "Restricted"; auth_basic_user_file /etc/nginx/.htpasswd;'),
    "session_cookie": _p(
        lambda r: 'Set-Cookie: sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/',
        lambda r: "SESSION_COOKIE_AGE=1209600",
    ),
    "auth_token_assignment": _p(
        lambda r: f'{{"max_tokens": {r.randrange(256, 8192)}, "tokens_used": {r.randrange(10, 4000)}}}',
        lambda r: "VAULT_TOKEN=$(cat /run/secrets/vault-token)",
        lambda r: "token_endpoint_auth_method=client_secret_basic",
    ),
    "generic_secret": _p(
        lambda r: 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
        lambda r: '"tls": [{"hosts": ["api.acme.io"], "secretName": "api-acme-io-tls"}]',
    ),
    "password_hash": _p(
        lambda r: f'"integrity": "sha512-{v.b64(r.randbytes(64))}"',
        lambda r: f"oid sha256:{rand(r, HEX, 64)}\nsize {r.randrange(10**4, 10**8)}",
    ),
    "credential_phrase": _p(
        lambda r: "Zabudli ste heslo?",
        lambda r: "پاس ورڈ غلط ہے، دوبارہ کوشش کریں",
        lambda r: "Wagwoord vergeet? Klik hier om dit terug te stel.",
        lambda r: "Rangt lykilorð, reyndu aftur",
        lambda r: "Kata laluan mesti sekurang-kurangnya 8 aksara",
        lambda r: "Password changed successfully.",
    ),
    "email": _p(
        lambda r: f"      - uses: actions/checkout@v{r.randrange(3, 5)}",
        lambda r: f"npm install @acme/ui-kit@{r.randrange(1, 5)}.{r.randrange(0, 20)}.{r.randrange(0, 9)}",
        lambda r: '"email": "[REDACTED]"',
    ),
    "ipv4": _p(
        lambda r: (
            f"System.Text.Json, Version={r.randrange(6, 10)}.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"
        ),
        lambda r: f"Windows 10 Pro 10.0.19045.{r.randrange(3000, 5300)}",
    ),
    "ipv6": _p(
        lambda r: "SHA256 Fingerprint=" + ":".join(f"{b:02X}" for b in r.randbytes(32)),
        lambda r: "std::vector<std::string>::iterator it = names.begin();",
    ),
    "phone": _p(
        lambda r: f"IČO: {_company_id(r)}",
        lambda r: f"Run ID {r.randrange(10**10, 10**11)} attempt {r.randrange(1, 4)}",
    ),
    "payment_card": _p(
        lambda r: "card 4000 0025 0000 3155 (Stripe 3-D Secure test card)",
        lambda r: f"card_fingerprint={rand(r, ALNUM, 16)} brand=visa last4={rand(r, string.digits, 4)}",
        lambda r: "4111 11•• •••• 1111",
    ),
    "iban": _p(
        lambda r: "IBAN: SK31 1200 0000 1987 4263 7541 (example from the IBAN registry)",
        lambda r: f"account {v.unheard_iban(r, valid=False)}",
    ),
}


# ---------------------------------------------------------------------------- the untold split's own shapes
#
# Written for the eleventh split only, by a fifth session that did not read the rules (``build_corpus("untold")``
# puts them before the shared generators, as for hidden and unheard): values as PowerShell, Windows ``setx``,
# Laravel ``.env``/PHP, .NET ``appsettings``, Terraform providers, Airflow connections, Ansible variables, gh/glab
# configs, Alertmanager, Android ``google-services.json``, STS/metadata-server JSON, Azure user-delegation, table
# and Service Bus SAS, password hashes of every family in shadow/htpasswd/LDIF/dovecot/SQL rows, cards of every
# brand in their groupings, IBANs of six new countries, phone numbers of eight new regions as people write them,
# and chat in Latvian, Estonian, Croatian, Slovenian and Armenian; and look-alikes that are not findings
# (templating placeholders of Jinja/Ansible, Helm, Terraform, GitHub, Spring, CloudFormation, documented example
# keys, masked values, Vault audit ``hmac-sha256:`` digests, LangChain secret references, SRI and image digests,
# load-balancer and CSRF cookies, invalid phone numbers, coordinates, Luhn-failing and documented test cards).
# ``UNTOLD_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class (indices
# into ``UNTOLD_NEGATIVES[id]``).


def _untold_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _laravel_session(r: random.Random) -> str:
    """Laravel's encrypted session cookie: base64 of a JSON envelope (iv, value, mac), URL-encoded; not a JWT."""
    envelope = {
        "iv": v.b64(r.randbytes(16)),
        "value": v.b64(r.randbytes(r.choice((48, 64, 80)))),
        "mac": r.randbytes(32).hex(),
        "tag": "",
    }
    return urllib.parse.quote(v.b64(json.dumps(envelope, separators=(",", ":")).encode()), safe="")


def _sas_sig(r: random.Random) -> str:
    return v.azure_sas_sig(r)


def _iban_with_card_run(r: random.Random) -> str:
    """A UAE IBAN whose 19-digit BBAN passes Luhn: a card-like run that is the IBAN's, not a card."""
    while True:
        value = v.untold_iban(r, country="AE")
        if v.luhn_ok(value.replace(" ", "")[4:]):
            return value


def _vault_hmac(r: random.Random) -> str:
    return "hmac-sha256:" + r.randbytes(32).hex()


def _untold_password(r: random.Random) -> str:
    """A password for the untold split: the shared generator's, or a Baltic/Balkan word with digits and a mark."""
    if r.random() < 0.6:
        return v.password(r)
    word = pick(r, "Saulite", "Kalakukk", "Jadransko", "Triglav", "Ararat", "Daugava", "Pohorje", "Sevan")
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "%", "*", "")


UNTOLD_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f'$env:OPENAI_API_KEY = "{v.openai_legacy(r)}"',
        lambda r: f'Variable.set("openai_api_key", "{v.openai_legacy(r)}")',
    ),
    "openai_project_key": _p(
        lambda r: f'setx OPENAI_API_KEY "{v.openai_project(r)}"',
        lambda r: f'litellm_params: {{"model": "openai/gpt-4o-mini", "api_key": "{v.openai_project(r)}"}}',
        lambda r: f'OpenAI.api_key = ENV.fetch("OPENAI_API_KEY", "{v.openai_project(r)}")',
    ),
    "anthropic_api_key": _p(
        lambda r: f'$env:ANTHROPIC_API_KEY = "{v.anthropic(r)}"',
        lambda r: f"ANTHROPIC_API_KEY={v.anthropic(r)}",
    ),
    "deepseek_api_key": _p(
        lambda r: f"DEEPSEEK_API_KEY={v.deepseek(r)}",
        lambda r: f"litellm --model deepseek/deepseek-chat --api_key {v.deepseek(r)} --port 4000",
    ),
    "aws_access_key_id": _p(
        lambda r: (
            f'const s3 = new S3Client({{ region: "eu-north-1", credentials: {{ accessKeyId: "{v.aws_key_id(r)}" }} }});'
        ),
        lambda r: f"[profile etl]\naws_access_key_id = {v.aws_key_id(r)}\nregion = eu-north-1",
        lambda r: f"AWS_ACCESS_KEY_ID={v.aws_key_id(r)} aws s3 sync ./dist s3://acme-static --delete",
    ),
    "aws_secret_access_key": _p(
        lambda r: f'$env:AWS_SECRET_ACCESS_KEY = "{v.aws_secret(r)}"',
        lambda r: f'credentials: {{ secretAccessKey: "{v.aws_secret(r)}" }}',
        lambda r: f'provider "aws" {{\n  region     = "eu-north-1"\n  secret_key = "{v.aws_secret(r)}"\n}}',
    ),
    "aws_session_token": _p(
        lambda r: (
            f'{{"Credentials": {{"SessionToken": "{v.untold_sts_token(r)}", '
            '"Expiration": "2026-01-12T09:00:01+00:00"}, "AssumedRoleUser": {"AssumedRoleId": "etl-session"}}'
        ),
        lambda r: f"[assumed]\naws_session_token = {v.untold_sts_token(r)}",
        lambda r: f'$env:AWS_SESSION_TOKEN = "{v.untold_sts_token(r)}"',
        lambda r: f'credentials: {{ sessionToken: "{v.untold_sts_token(r)}" }}',
    ),
    "github_classic_token": _p(
        lambda r: f"machine github.com login ci-bot password {v.github_token(r, 'ghp')}",
        lambda r: (
            f'git config --global url."https://{v.github_token(r, "ghp")}@github.com/".insteadOf "https://github.com/"'
        ),
    ),
    "github_oauth_token": _p(
        lambda r: (
            f"github.com:\n    user: ilze-o\n    oauth_token: {v.github_token(r, 'gho')}\n    git_protocol: https"
        ),
        lambda r: f"$ gh auth token\n{v.github_token(r, 'gho')}",
    ),
    "github_app_token": _p(
        lambda r: f"Authorization: token {v.github_token(r, 'ghs')}",
        lambda r: f"GITHUB_TOKEN={v.github_token(r, 'ghs')}",
    ),
    "github_refresh_token": _p(
        lambda r: f"grant_type=refresh_token&refresh_token={v.github_token(r, 'ghr')}&client_id=Iv1.{rand(r, HEX, 16)}",
    ),
    "github_fine_grained_token": _p(
        lambda r: "GITHUB_PAT=github_pat_" + rand(r, ALNUM, 22) + "_" + rand(r, ALNUM, 59),
        lambda r: "//npm.pkg.github.com/:_authToken=github_pat_" + rand(r, ALNUM, 22) + "_" + rand(r, ALNUM, 59),
    ),
    "gitlab_token": _p(
        lambda r: f"//gitlab.acme.io/api/v4/projects/42/packages/npm/:_authToken=glpat-{rand(r, ALNUM + '_-', 20)}",
        lambda r: f"GITLAB_DEPLOY_TOKEN=gldt-{rand(r, ALNUM + '_-', 20)}",
        lambda r: (
            f'[[runners]]\n  name = "ch-runner-{r.randrange(1, 9)}"\n  url = "https://gitlab.acme.io"\n'
            f'  token = "glrt-{rand(r, ALNUM + "_-", 24)}"\n  executor = "docker"'
        ),
    ),
    "slack_token": _p(
        lambda r: f"SLACK_BOT_TOKEN={v.slack_token(r)}",
        lambda r: (
            f"SLACK_APP_TOKEN=xapp-1-A0{rand(r, string.ascii_uppercase + string.digits, 9)}-"
            f"{r.randrange(10**12, 10**13)}-{rand(r, HEX, 64)}"
        ),
    ),
    "slack_webhook": _p(
        lambda r: (
            "receivers:\n  - name: oncall\n    slack_configs:\n      - api_url: https://hooks.slack.com/services/T"
            + rand(r, string.ascii_uppercase + string.digits, 10)
            + "/B"
            + rand(r, string.ascii_uppercase + string.digits, 10)
            + "/"
            + rand(r, ALNUM, 24)
            + "\n        channel: '#alerts'"
        ),
    ),
    "stripe_key": _p(
        lambda r: f"STRIPE_SECRET={v.stripe_key(r)}",
        lambda r: f"\\Stripe\\Stripe::setApiKey('{v.stripe_key(r)}');",
    ),
    "google_api_key": _p(
        lambda r: (
            "POST https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent"
            f"?key=AIza{rand(r, ALNUM + '_-', 35)}"
        ),
        lambda r: f'"api_key": [{{"current_key": "AIza{rand(r, ALNUM + "_-", 35)}"}}]',
    ),
    "google_oauth_client_secret": _p(
        lambda r: f"GOOGLE_CLIENT_SECRET=GOCSPX-{rand(r, ALNUM + '_-', 28)}",
        lambda r: f"'client_secret' => 'GOCSPX-{rand(r, ALNUM + '_-', 28)}',",
    ),
    "gcp_oauth_token": _p(
        lambda r: f'{{"access_token":"{v.untold_gcp_access_token(r)}","expires_in":3599,"token_type":"Bearer"}}',
        lambda r: f"$ gcloud auth print-access-token\n{v.untold_gcp_access_token(r)}",
        lambda r: f"GOOGLE_OAUTH_ACCESS_TOKEN={v.untold_gcp_access_token(r)}",
        lambda r: f"Authorization: Bearer {v.untold_gcp_access_token(r)}",
    ),
    "clickhouse_cloud_key": _p(
        lambda r: f"CLICKHOUSE_CLOUD_KEY_SECRET={v.clickhouse_secret(r)}",
        lambda r: (
            f'provider "clickhouse" {{\n  organization_id = "{uuid.UUID(int=r.getrandbits(128), version=4)}"\n'
            f'  token_key       = var.token_key\n  token_secret    = "{v.clickhouse_secret(r)}"\n}}'
        ),
        lambda r: f"export CLICKHOUSE_CLOUD_KEY_ID={rand(r, ALNUM, 20)}",
    ),
    "twilio_api_key": _p(lambda r: f"TWILIO_API_KEY=SK{rand(r, HEX, 32)}"),
    "sendgrid_api_key": _p(
        lambda r: (
            f"MAIL_MAILER=smtp\nMAIL_USERNAME=apikey\nMAIL_PASSWORD=SG.{rand(r, ALNUM + '_-', 22)}."
            f"{rand(r, ALNUM + '_-', 43)}"
        ),
    ),
    "huggingface_token": _p(
        lambda r: f"HUGGING_FACE_HUB_TOKEN=hf_{rand(r, ALNUM, 34)}",
        lambda r: f'from huggingface_hub import login; login("hf_{rand(r, ALNUM, 34)}")',
    ),
    "npm_token": _p(
        lambda r: f"NPM_TOKEN=npm_{rand(r, ALNUM, 36)}",
        lambda r: f"npm config set //registry.npmjs.org/:_authToken npm_{rand(r, ALNUM, 36)}",
    ),
    "pypi_token": _p(
        lambda r: f"UV_PUBLISH_TOKEN=pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}",
        lambda r: f"twine upload -u __token__ -p pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)} dist/*",
    ),
    "shopify_token": _p(lambda r: f"SHOPIFY_ACCESS_TOKEN=shpat_{rand(r, HEX, 32)}"),
    "digitalocean_token": _p(
        lambda r: f"DIGITALOCEAN_TOKEN=dop_v1_{rand(r, HEX, 64)}",
        lambda r: f'provider "digitalocean" {{\n  token = "dop_v1_{rand(r, HEX, 64)}"\n}}',
    ),
    "telegram_bot_token": _p(
        lambda r: f"TELEGRAM_BOT_TOKEN={r.randrange(10**8, 10**10)}:AA{rand(r, ALNUM + '_-', 33)}",
        lambda r: (
            f"curl -s https://api.telegram.org/bot{r.randrange(10**8, 10**10)}:AA{rand(r, ALNUM + '_-', 33)}/getUpdates"
        ),
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            '"AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=acmefn'
            f'{rand(r, string.ascii_lowercase, 5)};AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net"'
        ),
        lambda r: (
            'az storage blob upload --connection-string "DefaultEndpointsProtocol=https;AccountName=acmeexp'
            f'{rand(r, string.ascii_lowercase, 4)};AccountKey={v.azure_account_key(r)}"'
            " -c exports -f out.csv -n out.csv"
        ),
        lambda r: (
            "Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=listen;"
            f"SharedAccessKey={v.b64(r.randbytes(32))};EntityPath=orders"
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            "https://acmelake.blob.core.windows.net/raw/2026/01/events.parquet"
            f"?skoid={uuid.UUID(int=r.getrandbits(128), version=4)}"
            f"&sktid={uuid.UUID(int=r.getrandbits(128), version=4)}&skt=2026-01-12T08:00:00Z&ske=2026-01-13T08:00:00Z"
            f"&sks=b&skv=2022-11-02&sv=2022-11-02&sr=b&sp=r&sig={_sas_sig(r)}"
        ),
        lambda r: (
            "https://acmetables.table.core.windows.net/Orders?tn=Orders&sv=2019-02-02&sp=raud"
            f"&se=2026-01-20T00:00:00Z&sig={_sas_sig(r)}"
        ),
        lambda r: (
            "Authorization: SharedAccessSignature sr=https%3A%2F%2Facme-orders.servicebus.windows.net%2Forders"
            f"&sig={_sas_sig(r)}&se={1_768_000_000 + r.randrange(10**6)}&skn=send"
        ),
        lambda r: (
            'AZURE_STORAGE_SAS_TOKEN="?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2026-02-01T00:00:00Z'
            f'&st=2026-01-01T00:00:00Z&spr=https&sig={_sas_sig(r)}"'
        ),
    ),
    "jwt": _p(
        lambda r: f"X-Goog-IAP-JWT-Assertion: {v.jwt(r)}",
        lambda r: f"Cookie: __session={v.jwt(r)}",
        lambda r: f"kubectl config set-credentials ci --token={v.jwt(r)}",
    ),
    "private_key": _p(
        lambda r: f'ansible_ssh_private_key: "{v.pem_key(r).replace(chr(10), chr(92) + "n")}"',
        lambda r: f'"SigningKey": "{v.pem_key(r).replace(chr(10), chr(92) + "n")}"',
        lambda r: f"$ cat ~/.ssh/deploy_key\n{v.pem_key(r)}",
    ),
    "url_credentials": _p(
        lambda r: f"AIRFLOW_CONN_WAREHOUSE='clickhouse://etl:{_url_password(r)}@ch.internal:9440/dw?secure=True'",
        lambda r: f"amqps://orders:{_url_password(r)}@b-3f1c.mq.eu-north-1.amazonaws.com:5671",
        lambda r: f"MAIL_URL=smtp://mailer:{_url_password(r)}@smtp.eu.mailgun.org:587",
        lambda r: f"sftp://backup:{_url_password(r)}@files.acme.io:22/exports/",
        lambda r: f"git push https://deploy:{_url_password(r)}@git.acme.io/platform/api.git main",
    ),
    "password_assignment": _p(
        lambda r: f"DB_PASSWORD={_untold_password(r)}",
        lambda r: f"ansible_become_password: {_untold_password(r)}",
        lambda r: f'"Smtp": {{"Host": "smtp.acme.io", "Port": 587, "Password": "{_untold_password(r)}"}}',
        lambda r: (
            f"az vm create -g rg-prod -n jump-1 --admin-username azureuser --admin-password '{_untold_password(r)}'"
        ),
    ),
    "sql_identified_by": _p(
        lambda r: f"CREATE USER IF NOT EXISTS airflow IDENTIFIED WITH double_sha1_password BY '{_untold_password(r)}'",
        lambda r: f"ALTER USER 'app'@'%' IDENTIFIED WITH caching_sha2_password BY '{_untold_password(r)}';",
        lambda r: f'ALTER USER hr IDENTIFIED BY "{_untold_password(r)}" ACCOUNT UNLOCK;',
        lambda r: (
            f"CREATE USER grafana IDENTIFIED WITH bcrypt_password BY '{_untold_password(r)}' SETTINGS readonly = 1"
        ),
    ),
    "bearer_token": _p(
        lambda r: f'requests.get(url, headers={{"Authorization": "Bearer {v.opaque_token(r)}"}}, timeout=10)',
        lambda r: f'req.Header = http.Header{{"Authorization": []string{{"Bearer {v.opaque_token(r)}"}}}}',
        lambda r: f"Authorization: Bearer {v.opaque_token(r)}",
    ),
    "basic_auth": _p(
        lambda r: (
            'curl -H "Authorization: Basic '
            + v.b64(f"{pick(r, 'ilze', 'marko', 'kadri')}:{_untold_password(r)}".encode())
            + '" https://registry.acme.io/v2/_catalog'
        ),
        lambda r: '"authorization": "Basic ' + v.b64(f"jenkins:{_untold_password(r)}".encode()) + '"',
        lambda r: "Proxy-Authorization: Basic " + v.b64(f"proxyuser:{_untold_password(r)}".encode()),
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: _gitlab_session={rand(r, HEX, 32)}; event_filter=all",
        lambda r: (
            f"Set-Cookie: ci_session={rand(r, HEX, 40)}; expires=Mon, 12-Jan-2026 10:00:01 GMT; Max-Age=7200; path=/; "
            "HttpOnly; SameSite=Lax"
        ),
        lambda r: f"Cookie: JSESSIONID=node0{rand(r, string.ascii_lowercase + string.digits, 26)}.node0",
        lambda r: f"Cookie: laravel_session={_laravel_session(r)}",
        lambda r: (
            f"Cookie: grafana_session={rand(r, HEX, 32)}; grafana_session_expiry={1_768_000_000 + r.randrange(10**6)}"
        ),
        lambda r: f"Cookie: SSESS{rand(r, HEX, 32)}={rand(r, v.B64URL, 43)}",
        lambda r: (
            f"Cookie: wordpress_logged_in_{rand(r, HEX, 32)}=ilze%7C{1_768_000_000 + r.randrange(10**6)}%7C"
            f"{rand(r, ALNUM, 43)}%7C{rand(r, HEX, 64)}"
        ),
        lambda r: f"Cookie: ASPSESSIONIDQQGDRBSA={rand(r, string.ascii_uppercase, 24)}",
    ),
    "auth_token_assignment": _p(
        lambda r: f"auth_token: {v.opaque_token(r)}",
        lambda r: f'"refreshToken": "{v.opaque_token(r)}"',
        lambda r: f'api_token = "{v.opaque_token(r)}"',
        lambda r: f"ACCESS_TOKEN={v.opaque_token(r)}",
    ),
    "generic_secret": _p(
        lambda r: f"client_secret: {v.opaque_token(r)}",
        lambda r: f"APP_SECRET={rand(r, HEX, 32)}",
        lambda r: f'"signingSecret": "{rand(r, ALNUM, 32)}"',
        lambda r: f'webhook_secret = "{rand(r, ALNUM + "_-", 48)}"',
    ),
    "password_hash": _p(
        lambda r: f"ilze:{v.untold_password_hash(r, 'sha512_crypt')}:20101:0:99999:7:::",
        lambda r: f"marko:{v.untold_password_hash(r, 'apr1')}",
        lambda r: f"userPassword: {v.untold_password_hash(r, 'ldap_ssha')}",
        lambda r: f"kadri:{{BLF-CRYPT}}{v.untold_password_hash(r, 'bcrypt')}",
        lambda r: (
            "INSERT INTO auth_user (id, username, password) VALUES "
            f"({r.randrange(2, 999)}, 'ana', '{v.untold_password_hash(r, 'django_pbkdf2')}');"
        ),
        lambda r: f'{{"username": "lusine", "password_hash": "{v.untold_password_hash(r, "argon2id")}"}}',
        lambda r: f"root:{v.untold_password_hash(r, 'yescrypt')}:20101:0:99999:7:::",
        lambda r: f"hashed_password = '{v.untold_password_hash(r)}'",
    ),
    "credential_phrase": _p(
        lambda r: f"Jūsu pagaidu parole ir {_untold_password(r)}",
        lambda r: f"Teie ajutine parool on: {_untold_password(r)}",
        lambda r: f"Vaša privremena lozinka je {_untold_password(r)}",
        lambda r: f"Vaše začasno geslo je {_untold_password(r)}",
        lambda r: f"Ձեր ժամանակավոր գաղտնաբառն է՝ {_untold_password(r)}",
        lambda r: f"the wifi password is {_untold_password(r)}",
        lambda r: f"Jūsų laikinas slaptažodis: {_untold_password(r)}",
        lambda r: f"Eich cyfrinair dros dro yw {_untold_password(r)}",
    ),
    "email": _p(
        lambda r: f'"userPrincipalName": "{v.email(r)}"',
        lambda r: f"Reply-To: {v.email(r)}",
        lambda r: f"subject=CN=Ilze Ozola,emailAddress={v.email(r)},O=Acme,C=LV",
        lambda r: f'git config --global user.email "{v.email(r)}"',
        lambda r: f"bounce for {v.email(r)}: 550 5.1.1 user unknown",
    ),
    "ipv4": _p(
        lambda r: f'"requestContext": {{"identity": {{"sourceIp": "{v.ipv4(r)}"}}}}',
        lambda r: f"ok: [{v.ipv4(r)}]",
        lambda r: f"Received: from mail.acme.lv (unknown [{v.ipv4(r)}])",
        lambda r: f"client_addr={v.ipv4(r)} backend_start=2026-01-12 08:00:01",
    ),
    "ipv6": _p(
        lambda r: f'"requestContext": {{"http": {{"sourceIp": "{v.ipv6(r)}"}}}}',
        lambda r: f"inet6 {v.ipv6(r)}/64 scope global dynamic",
        lambda r: f"connect to [{v.ipv6(r)}]:443 failed: Connection refused",
    ),
    "phone": _p(
        lambda r: f"zvaniet man uz {v.untold_phone(r, _untold_regions())}",
        lambda r: f"helistage mulle numbril {v.untold_phone(r, _untold_regions())}",
        lambda r: f"nazovite me na {v.untold_phone(r, _untold_regions())}",
        lambda r: f"pokličite me na {v.untold_phone(r, _untold_regions())}",
        lambda r: f'{{"msisdn": "{v.untold_phone(r, _untold_regions(), international_only=True)}"}}',
        lambda r: f"ring til mig på {v.untold_phone(r, _untold_regions())}",
        lambda r: f"sunați-mă la {v.untold_phone(r, _untold_regions())}",
        lambda r: f"Tel.: {v.untold_phone(r, _untold_regions())}",
    ),
    "payment_card": _p(
        lambda r: f"Amex {v.untold_card(r, 'amex')} exp 09/28",
        lambda r: f'{{"pan": "{v.untold_card(r, sep="")}", "expiry": "1129"}}',
        lambda r: f"mana karte ir {v.untold_card(r, 'mastercard2')}, lūdzu pārbaudiet maksājumu",
        lambda r: f"Diners {v.untold_card(r, 'diners')}",
        lambda r: f"moja kartica je {v.untold_card(r, 'maestro')}",
        lambda r: f"UnionPay {v.untold_card(r, 'unionpay')} declined: insufficient funds",
        lambda r: f"card_number={v.untold_card(r, pick(r, 'jcb', 'discover'))}",
        lambda r: f"Visa {v.untold_card(r, 'visa')}",
    ),
    "iban": _p(
        lambda r: f"pārskaitījums uz {v.untold_iban(r)} apstiprināts",
        lambda r: f'{{"creditorAccount": {{"iban": "{v.untold_iban(r).replace(" ", "")}"}}}}',
        lambda r: f"IBAN: {v.untold_iban(r)}",
        lambda r: f":25:{v.untold_iban(r).replace(' ', '')}",
    ),
}

UNTOLD_NEGATIVES: dict[str, list[Gen]] = {
    "openai_project_key": _p(
        lambda r: '"openai_api_key": {"lc": 1, "type": "secret", "id": ["OPENAI_API_KEY"]}',
        lambda r: f"OPENAI_API_KEY=sk-proj-...{rand(r, ALNUM, 4)}",
        lambda r: "OPENAI_API_KEY: '{{ vault_openai_api_key }}'",
    ),
    "anthropic_api_key": _p(lambda r: 'ANTHROPIC_API_KEY="${{ secrets.ANTHROPIC_API_KEY }}"'),
    "aws_access_key_id": _p(
        lambda r: '"AccessKeyId": "ASIAJEXAMPLEXEG2JICEA"',
        lambda r: f'"UserId": "AIDA{rand(r, string.ascii_uppercase + "234567", 17)}"',
        lambda r: "access_key = var.aws_access_key_id",
    ),
    "aws_secret_access_key": _p(
        lambda r: '"SecretAccessKey": "{{resolve:secretsmanager:prod/aws/etl:SecretString:secret_access_key}}"',
        lambda r: 'aws_secret_access_key: "{{ vault_aws_secret_access_key }}"',
        lambda r: "secret_key = var.aws_secret_key",
    ),
    "aws_session_token": _p(
        lambda r: "aws_session_token = ${AWS_SESSION_TOKEN}",
        lambda r: '"SessionToken": "<redacted>"',
    ),
    "github_classic_token": _p(lambda r: "GH_TOKEN=${{ secrets.GITHUB_TOKEN }}"),
    "gitlab_token": _p(lambda r: "CI_JOB_TOKEN=[MASKED]"),
    "slack_webhook": _p(lambda r: "api_url_file: /etc/alertmanager/secrets/slack_webhook"),
    "google_api_key": _p(lambda r: "GOOGLE_API_KEY={{ .Values.google.apiKey }}"),
    "gcp_oauth_token": _p(lambda r: "Authorization: Bearer ya29.<redacted>"),
    "clickhouse_cloud_key": _p(
        lambda r: "token_secret = var.clickhouse_token_secret",
        lambda r: "CLICKHOUSE_CLOUD_KEY_SECRET=${{ secrets.CH_KEY_SECRET }}",
        lambda r: f"commit 4b1d{rand(r, HEX, 36)}",
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            'AZURITE_ACCOUNTS="devstoreaccount1:Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/'
            'K1SZFPTOtr/KBHBeksoGMGw=="'
        ),
        lambda r: '"AzureWebJobsStorage": "UseDevelopmentStorage=true"',
    ),
    "azure_sas_token": _p(
        lambda r: "https://acmelake.blob.core.windows.net/raw/events.parquet?sv=2022-11-02&sig=${SAS_SIG}",
        lambda r: "AZURE_STORAGE_SAS_TOKEN={{ .Values.storage.sasToken }}",
        lambda r: "https://acmelake.blob.core.windows.net/raw?restype=container&comp=list&sv=2022-11-02",
    ),
    "jwt": _p(
        lambda r: (
            f'{{"kty": "RSA", "kid": "{rand(r, HEX, 16)}", "use": "sig", "alg": "RS256", '
            f'"n": "{v.b64url(r.randbytes(256))}", "e": "AQAB"}}'
        ),
        lambda r: "Authorization: Bearer eyJhbGciOi...",
    ),
    "private_key": _p(
        lambda r: "-----BEGIN CERTIFICATE REQUEST-----\n" + v.b64(r.randbytes(48)),
        lambda r: f"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ{rand(r, ALNUM + '+/', 80)} ilze@laptop",
        lambda r: "private_key_file = /etc/ssl/private/acme.key",
    ),
    "url_credentials": _p(
        lambda r: "postgresql://{{ db_user }}:{{ vault_db_password }}@{{ db_host }}:5432/app",
        lambda r: "spring.datasource.url=jdbc:postgresql://${DB_HOST}:5432/app",
        lambda r: (
            'connection_string = "postgres://${var.db_user}:${var.db_password}@${aws_db_instance.main.address}/app"'
        ),
        lambda r: "AIRFLOW_CONN_WAREHOUSE='clickhouse://etl@ch.internal:9440/dw?secure=True'",
    ),
    "password_assignment": _p(
        lambda r: (
            f'{{"request": {{"path": "secret/data/db"}}, "response": {{"data": {{"password": "{_vault_hmac(r)}"}}}}}}'
        ),
        lambda r: 'password: "{{ vault_db_password }}"',
        lambda r: "spring.datasource.password=${SPRING_DATASOURCE_PASSWORD}",
        lambda r: "password = var.db_password",
        lambda r: "PASSWORD_EXPIRY_DAYS=90",
        lambda r: "--password-file /run/secrets/db_password",
        lambda r: "DB_PASSWORD=",
    ),
    "sql_identified_by": _p(
        lambda r: "CREATE USER sso IDENTIFIED WITH ldap SERVER 'corp_ldap'",
        lambda r: "ALTER USER app IDENTIFIED BY '********'",
    ),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer {{ .Env.API_TOKEN }}",
        lambda r: f"Authorization: Bearer sk-...{rand(r, ALNUM, 4)}",
    ),
    "basic_auth": _p(lambda r: 'Authorization: Basic {{ (printf "%s:%s" .Values.user .Values.pass) | b64enc }}'),
    "session_cookie": _p(
        lambda r: f"Cookie: AWSALB={v.b64(r.randbytes(100))}; AWSALBCORS={v.b64(r.randbytes(100))}",
        lambda r: f"Cookie: csrftoken={rand(r, ALNUM, 32)}; django_language=hr",
        lambda r: "Set-Cookie: laravel_session=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT; Max-Age=0; path=/",
        lambda r: "SESSION_COOKIE=laravel_session",
        lambda r: (
            f"Cookie: _ga=GA1.1.{r.randrange(10**8, 10**9)}.{1_768_000_000 + r.randrange(10**6)}; "
            "cookielawinfo-checkbox-necessary=yes"
        ),
    ),
    "auth_token_assignment": _p(
        lambda r: f'{{"auth": {{"client_token": "{_vault_hmac(r)}", "accessor": "{_vault_hmac(r)}"}}}}',
        lambda r: "access_token_lifetime: 3600",
        lambda r: "refresh_token: null",
        lambda r: '"accessToken": "{{ .Env.ACCESS_TOKEN }}"',
    ),
    "generic_secret": _p(
        lambda r: "client_secret = var.client_secret",
        lambda r: "secret: {{ .Values.appSecret | b64enc | quote }}",
        lambda r: "SECRET_KEY_FILE=/run/secrets/django_secret_key",
        lambda r: f"Idempotency-Key: {uuid.UUID(int=r.getrandbits(128), version=4)}",
        lambda r: "api_key: ${API_KEY}",
    ),
    "password_hash": _p(
        lambda r: (
            f'<script src="/app.js" integrity="sha384-{v.b64(r.randbytes(48))}" crossorigin="anonymous"></script>'
        ),
        lambda r: f'"Digest": "sha256:{rand(r, HEX, 64)}"',
        lambda r: f"$ git rev-parse HEAD\n{rand(r, HEX, 40)}",
        lambda r: f"{hashlib.md5(r.randbytes(8)).hexdigest()}  backup-2026-01-12.tar.zst",
        lambda r: "bcrypt cost: $2b$12$ means 2^12 rounds",
    ),
    "credential_phrase": _p(
        lambda r: "Aizmirsāt paroli?",
        lambda r: "Vale parool, proovige uuesti",
        lambda r: "Pogrešna lozinka. Pokušajte ponovno.",
        lambda r: "Pozabljeno geslo?",
        lambda r: "Սխալ գաղտնաբառ",
        lambda r: "the password is in the team vault, ask Ilze",
    ),
    "email": _p(
        lambda r: "git remote add origin ssh://git@gitlab.acme.io:2222/platform/api.git",
        lambda r: "postgres://reporter@db.internal:5432/analytics",
        lambda r: '@Value("${mail.from}")',
        lambda r: "npm i lodash@4.17.21",
        lambda r: "{{ user.email }}",
    ),
    "ipv4": _p(
        lambda r: f"Chrome/131.0.{r.randrange(6000, 7000)}.{r.randrange(10, 300)}",
        lambda r: f"Linux 6.1.0.{r.randrange(10, 40)}-amd64",
        lambda r: f"Microsoft.AspNetCore.App 8.0.{r.randrange(1, 12)}.{r.randrange(10, 99)}",
        lambda r: "snmpget -v2c -c public ch-1 1.3.6.1.2.1.1.3.0",
    ),
    "ipv6": _p(
        lambda r: "Illuminate::Database::QueryException",
        lambda r: "magic cafe:babe:dead:beef",
        lambda r: f"elapsed 00:{r.randrange(10, 59)}:{r.randrange(10, 59)}:{r.randrange(100, 999)}",
    ),
    "phone": _p(
        lambda r: f"call {v.untold_invalid_phone(r, _untold_regions())}",
        lambda r: f"Tel.: {v.untold_invalid_phone(r, _untold_regions())}",
        lambda r: f"location 56.{r.randrange(9000, 9999)}, 24.{r.randrange(1000, 1999)}",
        lambda r: f"order LV-2026-{r.randrange(100000, 999999)} shipped",
        lambda r: f"2026-01-{r.randrange(10, 28)} 08:00:01.{r.randrange(100000, 999999)}",
    ),
    "payment_card": _p(
        lambda r: f"refund to card {_luhn_broken(r)} failed: invalid number",
        lambda r: "card 5200 8282 8282 8210 (Stripe test card)",
        lambda r: "Amex test card 3782 822463 10005",
        lambda r: f"card ****{rand(r, string.digits, 4)} expires 09/28",
        lambda r: f"{rand(r, string.digits, 6)}••••••{rand(r, string.digits, 4)}",
        lambda r: f"transfer to {_iban_with_card_run(r)} booked",
    ),
    "iban": _p(
        lambda r: f"account {v.untold_iban(r, valid=False)}",
        lambda r: "SWIFT/BIC: HABALV22",
        lambda r: "IBAN: RO49 AAAA 1B31 0075 9384 0000 (example from the IBAN registry)",
    ),
}

# Own negatives that truthfully hold another class: a card-like run inside an IBAN is the IBAN.
UNTOLD_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {("payment_card", 5): frozenset({"iban"})}


def _luhn_broken(r: random.Random) -> str:
    """A card of any brand, printed in its grouping, with its last digit changed so that Luhn fails."""
    return v.wrong_last_digit(r, v.untold_card(r))


# ---------------------------------------------------------------------------- the unspoken split's own shapes
#
# Written for the twelfth split only, by a sixth session that did not read the rules (``build_corpus("unspoken")``
# puts them before the shared generators, as for hidden, unheard and untold): values as Docker inspect ``Env``
# lists, systemd ``Environment=`` lines, Kubernetes ``env`` YAML, rclone/gsutil/boto configs, Azure Data Factory
# linked services, Entra ID tokens, OkHttp and Celery reprs, mysql.user / pg_authid / users.xml / htpasswd /
# ASP.NET Identity rows, password hashes of every family, cards of national schemes (Mir, RuPay, Elo, Troy,
# Dankort, Verve) and the big brands in their groupings, IBANs of eight new countries, phone numbers of eight new
# regions, sentences in Azerbaijani, Albanian, Macedonian, Mongolian and Nepali; and look-alikes that are not
# findings (Go templates, Liquid, Mustache, Twig, ERB, Pulumi and Bicep placeholders, vendor example keys, masked
# values, file digests, npm/Go module versions, ARRAffinity/GCLB/CSRF cookies, invalid numbers, map coordinates,
# Luhn-failing numbers and a card-like run inside an IBAN). ``UNSPOKEN_NEGATIVE_LABELS`` gives the true labels of
# the few own negatives that hold another class (indices into ``UNSPOKEN_NEGATIVES[id]``).


def _unspoken_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _unspoken_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's languages with digits and a mark."""
    if r.random() < 0.6:
        return v.password(r)
    word = pick(r, "Xezer", "Shkodra", "Ohrid", "Tuul", "Pokhara", "Gobi", "Vardar", "Kura")
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "@", "%", "+", "")


def _uuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def _phoenix_session(r: random.Random) -> str:
    """A Phoenix (Plug) signed session cookie: ``SFMyNTY`` (base64 of "SHA256"), the term, the signature."""
    return f"SFMyNTY.{v.b64url(r.randbytes(r.randrange(60, 140)))}.{v.b64url(r.randbytes(32))}"


def _iban_with_luhn_run(r: random.Random) -> str:
    """A Luxembourg IBAN whose 16-digit BBAN passes Luhn: a card-like run that is the IBAN's, not a card."""
    while True:
        value = v.unspoken_iban(r, country="LU")
        if v.luhn_ok(value.replace(" ", "")[4:]):
            return value


# The families whose text names them (not the bare hex digests ClickHouse keeps, nor ASP.NET's base64 blob).
_PREFIXED_HASHES = tuple(f for f in v.UNSPOKEN_HASH_FAMILIES if not f.startswith(("clickhouse", "aspnet")))


def _luhn_failing(r: random.Random) -> str:
    return v.wrong_last_digit(r, v.unspoken_card(r))


UNSPOKEN_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f'"Env": ["PATH=/usr/local/bin:/usr/bin", "OPENAI_API_KEY={v.openai_legacy(r)}"]'
    ),
    "openai_project_key": _p(
        lambda r: f'Environment="OPENAI_API_KEY={v.openai_project(r)}"',
        lambda r: f"        - name: OPENAI_API_KEY\n          value: {v.openai_project(r)}",
    ),
    "anthropic_api_key": _p(
        lambda r: f'Environment="ANTHROPIC_API_KEY={v.anthropic(r)}"',
        lambda r: f"ValueError('upstream 401 for key {v.anthropic(r)}')",
    ),
    "deepseek_api_key": _p(lambda r: f'"Env": ["TZ=UTC", "DEEPSEEK_API_KEY={v.deepseek(r)}"]'),
    "aws_access_key_id": _p(
        lambda r: f"[s3-prod]\ntype = s3\nprovider = AWS\naccess_key_id = {v.aws_key_id(r)}\nregion = eu-north-1",
        lambda r: f'Environment="AWS_ACCESS_KEY_ID={v.aws_key_id(r)}"',
    ),
    "aws_secret_access_key": _p(
        lambda r: f"[s3-prod]\ntype = s3\nprovider = AWS\nsecret_access_key = {v.aws_secret(r)}\nregion = eu-north-1",
        lambda r: f"[Credentials]\naws_secret_access_key = {v.aws_secret(r)}",
    ),
    "aws_session_token": _p(
        lambda r: f'"Env": ["AWS_REGION=eu-north-1", "AWS_SESSION_TOKEN={v.untold_sts_token(r)}"]',
        lambda r: f"export AWS_SECURITY_TOKEN={v.aws_session_token(r)}",
        lambda r: f"x-amz-security-token: {v.untold_sts_token(r)}",
        lambda r: f"aws configure set aws_session_token {v.untold_sts_token(r)} --profile etl",
    ),
    "github_classic_token": _p(lambda r: f'Environment="GITHUB_TOKEN={v.github_token(r, "ghp")}"'),
    "github_oauth_token": _p(lambda r: f"https://ilir:{v.github_token(r, 'gho')}@github.com"),
    "github_app_token": _p(lambda r: f"        - name: GH_APP_TOKEN\n          value: {v.github_token(r, 'ghs')}"),
    "github_refresh_token": _p(lambda r: f"GITHUB_REFRESH_TOKEN={v.github_token(r, 'ghr')}"),
    "github_fine_grained_token": _p(
        lambda r: 'Environment="GH_TOKEN=github_pat_' + rand(r, ALNUM, 22) + "_" + rand(r, ALNUM, 59) + '"'
    ),
    "gitlab_token": _p(
        lambda r: f'Environment="GITLAB_TOKEN=glpat-{rand(r, ALNUM + "_-", 20)}"',
        lambda r: f"GITLAB_FEED_TOKEN=glft-{rand(r, ALNUM + '_-', 20)}",
    ),
    "slack_token": _p(lambda r: f"        - name: SLACK_TOKEN\n          value: {v.slack_token(r)}"),
    "slack_webhook": _p(
        lambda r: (
            '"Env": ["SLACK_WEBHOOK=https://hooks.slack.com/services/T'
            + rand(r, string.ascii_uppercase + string.digits, 10)
            + "/B"
            + rand(r, string.ascii_uppercase + string.digits, 10)
            + "/"
            + rand(r, ALNUM, 24)
            + '"]'
        ),
    ),
    "stripe_key": _p(
        lambda r: f'Environment="STRIPE_API_KEY={v.stripe_key(r)}"',
        lambda r: f"Stripe::StripeClient.new('{v.stripe_key(r)}')",
    ),
    "google_api_key": _p(lambda r: f'"Env": ["GEMINI_API_KEY=AIza{rand(r, ALNUM + "_-", 35)}"]'),
    "google_oauth_client_secret": _p(
        lambda r: f"        - name: GOOGLE_CLIENT_SECRET\n          value: GOCSPX-{rand(r, ALNUM + '_-', 28)}"
    ),
    "gcp_oauth_token": _p(
        lambda r: f"CLOUDSDK_AUTH_ACCESS_TOKEN={v.untold_gcp_access_token(r)}",
        lambda r: f"[Credentials]\ngs_oauth2_refresh_token = 1//0{rand(r, v.B64URL, r.randrange(60, 100))}",
        lambda r: (
            f"GET https://storage.googleapis.com/storage/v1/b/acme-raw/o?access_token={v.untold_gcp_access_token(r)}"
        ),
    ),
    "clickhouse_cloud_key": _p(
        lambda r: f'Environment="CLICKHOUSE_CLOUD_API_SECRET={v.clickhouse_secret(r)}"',
        lambda r: f'provider "clickhouse" {{\n  token_key = "{rand(r, ALNUM, 20)}"\n  token_secret = var.ch_secret\n}}',
        lambda r: f"        - name: CLICKHOUSE_KEY_SECRET\n          value: {v.clickhouse_secret(r)}",
    ),
    "twilio_api_key": _p(lambda r: f'Environment="TWILIO_API_KEY=SK{rand(r, HEX, 32)}"'),
    "sendgrid_api_key": _p(
        lambda r: f'"Env": ["SENDGRID_API_KEY=SG.{rand(r, ALNUM + "_-", 22)}.{rand(r, ALNUM + "_-", 43)}"]'
    ),
    "huggingface_token": _p(lambda r: f"        - name: HF_TOKEN\n          value: hf_{rand(r, ALNUM, 34)}"),
    "npm_token": _p(lambda r: f'Environment="NPM_TOKEN=npm_{rand(r, ALNUM, 36)}"'),
    "pypi_token": _p(lambda r: f"UV_INDEX_PYPI_PASSWORD=pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}"),
    "shopify_token": _p(lambda r: f'"Env": ["SHOPIFY_ADMIN_TOKEN=shpat_{rand(r, HEX, 32)}"]'),
    "digitalocean_token": _p(lambda r: f'Environment="DO_TOKEN=dop_v1_{rand(r, HEX, 64)}"'),
    "telegram_bot_token": _p(
        lambda r: (
            f'        - name: BOT_TOKEN\n          value: "{r.randrange(10**8, 10**10)}:AA{rand(r, ALNUM + "_-", 33)}"'
        )
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            '"typeProperties": {"connectionString": "DefaultEndpointsProtocol=https;AccountName=acmeadf'
            f"{rand(r, string.ascii_lowercase, 4)};AccountKey={v.azure_account_key(r)};"
            'EndpointSuffix=core.windows.net"}'
        ),
        lambda r: (
            f"[azblob]\ntype = azureblob\naccount = acmearch{rand(r, string.ascii_lowercase, 4)}\n"
            f"key = {v.azure_account_key(r)}"
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            f'"typeProperties": {{"sasUri": "https://acmeadf.blob.core.windows.net/landing?sv=2022-11-02&sr=c&sp=rl'
            f'&se=2026-02-10T00:00:00Z&sig={v.azure_sas_sig(r)}"}}'
        ),
        lambda r: (
            f"[azsas]\ntype = azureblob\nsas_url = https://acmearch.blob.core.windows.net/cold?sv=2022-11-02&sr=c"
            f"&sp=racwdl&se=2026-03-01T00:00:00Z&sig={v.azure_sas_sig(r)}"
        ),
        lambda r: f'"se=2026-02-{r.randrange(10, 28)}T00%3A00Z&sp=r&sv=2022-11-02&sr=c&sig={v.azure_sas_sig(r)}"',
    ),
    "jwt": _p(
        lambda r: f"Authorization: Bearer {v.entra_access_token(r)}",
        lambda r: (
            f'{{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"{v.entra_access_token(r)}"}}'
        ),
        lambda r: f"        - name: SERVICE_JWT\n          value: {v.jwt(r)}",
    ),
    "private_key": _p(
        lambda r: f'"Env": ["TLS_KEY={v.pem_key(r).replace(chr(10), chr(92) + "n")}"]',
        lambda r: (
            "        - name: SIGNING_KEY\n          value: |\n"
            + "\n".join("            " + line for line in v.pem_key(r).replace("\\n", "\n").split("\n"))
        ),
    ),
    "url_credentials": _p(
        lambda r: f'Environment="DATABASE_URL=postgres://orders:{_url_password(r)}@pg.internal:5432/orders"',
        lambda r: f"CELERY_BROKER_URL=redis://:{_url_password(r)}@redis.internal:6379/1",
        lambda r: f"nats://worker:{_url_password(r)}@nats.internal:4222",
        lambda r: f"mqtts://sensor:{_url_password(r)}@mqtt.acme.mk:8883",
    ),
    "password_assignment": _p(
        lambda r: f'Environment="PGPASSWORD={_unspoken_password(r)}"',
        lambda r: f'        - name: MYSQL_PASSWORD\n          value: "{_unspoken_password(r)}"',
        lambda r: f"[smtp]\nuser = noreply\npass = {_unspoken_password(r)}",
        lambda r: f"$securePwd = ConvertTo-SecureString '{_unspoken_password(r)}' -AsPlainText -Force",
    ),
    "sql_identified_by": _p(
        lambda r: f"CREATE USER spark_etl IDENTIFIED WITH sha256_password BY '{_unspoken_password(r)}' HOST ANY",
        lambda r: (
            f"ALTER USER 'bi'@'%' IDENTIFIED BY '{_unspoken_password(r)}' PASSWORD EXPIRE INTERVAL 90 DAY FAILED_LOGIN_"
            "ATTEMPTS 5"
        ),
    ),
    "bearer_token": _p(
        lambda r: f"Authorization: Bearer {v.opaque_token(r)}\n--> END POST ({r.randrange(100, 900)}-byte body)",
        lambda r: f"fetch(url, {{ headers: {{ Authorization: `Bearer {v.opaque_token(r)}` }} }})",
    ),
    "basic_auth": _p(
        lambda r: "Authorization: Basic " + v.b64(f"celery:{_unspoken_password(r)}".encode()),
        lambda r: '"headers": {"authorization": "Basic ' + v.b64(f"svc-ge:{_unspoken_password(r)}".encode()) + '"}',
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: MoodleSession={rand(r, string.ascii_lowercase + string.digits, 26)}",
        lambda r: (
            f"Cookie: roundcube_sessid={rand(r, string.ascii_lowercase + string.digits, 32)}; roundcube_cookies=enabled"
        ),
        lambda r: f"Cookie: lang=sq-AL; i_like_gitea={rand(r, HEX, 16)}",
        lambda r: (
            f"Cookie: MMAUTHTOKEN={rand(r, string.ascii_lowercase + string.digits, 26)}; "
            f"MMUSERID={rand(r, string.ascii_lowercase + string.digits, 26)}"
        ),
        lambda r: f"Set-Cookie: _acme_key={_phoenix_session(r)}; path=/; HttpOnly; SameSite=Lax",
        lambda r: f"Cookie: beegosessionID={rand(r, HEX, 32)}",
        lambda r: f"Cookie: sails.sid=s%3A{rand(r, ALNUM + '-_', 32)}.{rand(r, ALNUM + '%', 43)}",
        lambda r: f"Cookie: SAP_SESSIONID_PRD_100={rand(r, ALNUM + '%', 44)}%3d",
        lambda r: f"Cookie: .ASPXAUTH={rand(r, '0123456789ABCDEF', 320)}",
        lambda r: f"Cookie: phpMyAdmin={rand(r, string.ascii_lowercase + string.digits, 32)}; pma_lang=mk",
    ),
    "auth_token_assignment": _p(
        lambda r: f'Environment="ACCESS_TOKEN={v.opaque_token(r)}"',
        lambda r: f"        - name: REFRESH_TOKEN\n          value: {v.opaque_token(r)}",
        lambda r: f"{{'auth_token': '{v.opaque_token(r)}', 'retry': 3}}",
    ),
    "generic_secret": _p(
        lambda r: f'Environment="APP_SECRET_KEY={rand(r, ALNUM, 48)}"',
        lambda r: f"        - name: WEBHOOK_SIGNING_SECRET\n          value: {rand(r, ALNUM, 40)}",
        lambda r: f'"Env": ["NEXTAUTH_SECRET={v.b64(r.randbytes(32))}"]',
    ),
    "password_hash": _p(
        lambda r: f"| 'etl'@'%' | mysql_native_password | *{rand(r, '0123456789ABCDEF', 40)} |",
        lambda r: f"rolname=app rolpassword={v.unspoken_password_hash(r, 'scram_sha256')}",
        lambda r: f"<password_sha256_hex>{v.unspoken_password_hash(r, 'clickhouse_sha256')}</password_sha256_hex>",
        lambda r: (
            f"<password_double_sha1_hex>{v.unspoken_password_hash(r, 'clickhouse_double_sha1')}"
            "</password_double_sha1_hex>"
        ),
        lambda r: f'"PasswordHash": "{v.unspoken_password_hash(r, "aspnet_identity")}"',
        lambda r: f"ilir:{v.unspoken_password_hash(r, pick(r, 'apr1', 'bcrypt', 'sha512_crypt'))}",
        lambda r: f"user_pass = '{v.unspoken_password_hash(r, 'phpass')}'",
        lambda r: f"userPassword: {v.unspoken_password_hash(r, 'ldap_crypt')}",
        lambda r: f"pass = '{v.unspoken_password_hash(r, 'drupal7')}'",
        lambda r: f"hash={v.unspoken_password_hash(r, r.choice(_PREFIXED_HASHES))}",
    ),
    "credential_phrase": _p(
        lambda r: f"Müvəqqəti şifrəniz: {_unspoken_password(r)}",
        lambda r: f"Fjalëkalimi juaj i ri është {_unspoken_password(r)}",
        lambda r: f"Вашата нова лозинка е {_unspoken_password(r)}",
        lambda r: f"Таны нууц үг: {_unspoken_password(r)}",
        lambda r: f"तपाईंको नयाँ पासवर्ड {_unspoken_password(r)} हो",
        lambda r: f"the root pw for the jump host is {_unspoken_password(r)}",
    ),
    "email": _p(
        lambda r: f'"principalEmail": "{v.email(r)}"',
        lambda r: f"Task acme.tasks.send_invoice[{_uuid(r)}] received: ('{v.email(r)}',)",
        lambda r: f"git log -1 --format=%ae\n{v.email(r)}",
        lambda r: f"Username: {v.email(r)}",
    ),
    "ipv4": _p(
        lambda r: f'"remoteIp": "{v.ipv4(r)}"',
        lambda r: f"cf-connecting-ip: {v.ipv4(r)}",
        lambda r: f"Client Address: {v.ipv4(r)}",
    ),
    "ipv6": _p(
        lambda r: f'"remoteIp": "{v.ipv6(r)}"',
        lambda r: f"cf-connecting-ip: {v.ipv6(r)}",
    ),
    "phone": _p(
        lambda r: f"thirrni në {v.unspoken_phone(r, _unspoken_regions())}",
        lambda r: f"јавете ми се на {v.unspoken_phone(r, _unspoken_regions())}",
        lambda r: f"mənə {v.unspoken_phone(r, _unspoken_regions())} nömrəsinə zəng edin",
        lambda r: f"утас: {v.unspoken_phone(r, _unspoken_regions(), international_only=True)}",
        lambda r: f'"phoneNumber": "{v.unspoken_phone(r, _unspoken_regions(), international_only=True)}"',
        lambda r: f"soita {v.unspoken_phone(r, _unspoken_regions())}",
        lambda r: f"Mob: {v.unspoken_phone(r, _unspoken_regions())}",
    ),
    "payment_card": _p(
        lambda r: f"Мир {v.unspoken_card(r, 'mir')}",
        lambda r: f"RuPay card {v.unspoken_card(r, 'rupay')} declined",
        lambda r: f'"cardNumber": "{v.unspoken_card(r, pick(r, "elo", "troy", "dankort", "verve"), sep="")}"',
        lambda r: f"karta ime është {v.unspoken_card(r, pick(r, 'visa', 'mastercard', 'maestro'))}",
        lambda r: f"Amex {v.unspoken_card(r, 'amex')}",
        lambda r: f"pan={v.unspoken_card(r, pick(r, 'unionpay', 'jcb', 'discover', 'diners'), sep='')}",
    ),
    "iban": _p(
        lambda r: f"IBAN: {v.unspoken_iban(r)}",
        lambda r: f'"debtorAccount": {{"iban": "{v.unspoken_iban(r).replace(" ", "")}"}}',
        lambda r: f"llogaria {v.unspoken_iban(r, country='AL')}",
        lambda r: f"сметка {v.unspoken_iban(r, country='MK')}",
    ),
}

UNSPOKEN_NEGATIVES: dict[str, list[Gen]] = {
    "openai_project_key": _p(
        lambda r: 'Environment="OPENAI_API_KEY={{ .Values.openai.key }}"',
        lambda r: f'"Env": ["OPENAI_API_KEY=sk-proj-****{rand(r, ALNUM, 4)}"]',
    ),
    "anthropic_api_key": _p(lambda r: "x-api-key: {{ anthropic_key }}"),
    "aws_access_key_id": _p(
        lambda r: "[s3-prod]\ntype = s3\nprovider = AWS\nenv_auth = true\nregion = eu-north-1",
        lambda r: f'"PrincipalId": "AROA{rand(r, string.ascii_uppercase + "234567", 17)}:etl-session"',
    ),
    "aws_secret_access_key": _p(
        lambda r: "secret_access_key: !Ref AwsSecretAccessKeyParam",
        lambda r: "aws_secret_access_key = {{ aws_secret }}",
    ),
    "aws_session_token": _p(lambda r: 'Environment="AWS_SESSION_TOKEN=%d/aws-session-token"'),
    "github_classic_token": _p(lambda r: "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    "gitlab_token": _p(lambda r: "PRIVATE-TOKEN: <your_access_token>"),
    "slack_token": _p(lambda r: "SLACK_TOKEN=xoxb-your-token"),
    "stripe_key": _p(lambda r: f"price_{rand(r, ALNUM, 24)} attached to prod_{rand(r, ALNUM, 14)}"),
    "google_api_key": _p(lambda r: "GEMINI_API_KEY=\"<%= ENV.fetch('GEMINI_API_KEY') %>\""),
    "gcp_oauth_token": _p(lambda r: "CLOUDSDK_AUTH_ACCESS_TOKEN=$(gcloud auth print-access-token)"),
    "clickhouse_cloud_key": _p(
        lambda r: 'token_secret = pulumi.secret(config.require("chSecret"))',
        lambda r: f"image clickhouse/clickhouse-server:24.{r.randrange(1, 12)} digest 4b1d{rand(r, HEX, 60)}",
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "param storageConnection string = 'DefaultEndpointsProtocol=https;AccountName=${name};AccountKey=${key}'"
        ),
    ),
    "azure_sas_token": _p(
        lambda r: "sas_url = {{ .Env.AZ_SAS_URL }}",
        lambda r: "https://acmeadf.blob.core.windows.net/landing?sv=2022-11-02&sr=c&sp=rl&sig=*****",
    ),
    "jwt": _p(
        lambda r: "Authorization: Bearer {{ access_token }}",
        lambda r: f'"x5t": "{rand(r, ALNUM, 27)}", "kid": "{rand(r, ALNUM, 27)}"',
    ),
    "private_key": _p(
        lambda r: (
            "        - name: SIGNING_KEY\n          valueFrom:\n            secretKeyRef: {name: signing, key: tls.key}"
        ),
        lambda r: "-----BEGIN ENCRYPTED PRIVATE KEY----- block expected but not found",
    ),
    "url_credentials": _p(
        lambda r: "CELERY_BROKER_URL=redis://redis.internal:6379/1",
        lambda r: "DATABASE_URL=postgres://{{ .User }}:{{ .Password }}@{{ .Host }}/orders",
        lambda r: "nats://worker:[REDACTED]@nats.internal:4222",
    ),
    "password_assignment": _p(
        lambda r: "password: {{ site.data.secrets.smtp_password }}",
        lambda r: "password = {% raw %}{{ password }}{% endraw %}",
        lambda r: f"password_changed_at={r.randrange(2019, 2026)}-0{r.randrange(1, 9)}-1{r.randrange(0, 9)}",
        lambda r: "PASSWORD_RESET_TIMEOUT=259200",
        lambda r: "$securePwd = Read-Host -AsSecureString 'Password'",
    ),
    "sql_identified_by": _p(lambda r: "CREATE USER ldap_reader IDENTIFIED WITH ldap SERVER 'corp' HOST ANY"),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer ██████████",
        lambda r: "Authorization: Bearer {{.Token}}",
    ),
    "basic_auth": _p(lambda r: 'Authorization: Basic {{ printf "%s:%s" .User .Pass | b64enc }}'),
    "session_cookie": _p(
        lambda r: f"Cookie: ARRAffinity={rand(r, HEX, 64)}; ARRAffinitySameSite={rand(r, HEX, 64)}",
        lambda r: f'Cookie: GCLB="{rand(r, HEX, 16)}"',
        lambda r: f"Cookie: XSRF-TOKEN={rand(r, ALNUM, 40)}",
        lambda r: (
            "Cookie: atlassian.xsrf.token="
            + "-".join(rand(r, "ABCDEF0123456789", 4) for _ in range(4))
            + f"_{rand(r, HEX, 40)}_lin"
        ),
        lambda r: f"Cookie: _xsrf=2|{rand(r, HEX, 8)}|{rand(r, HEX, 32)}|{_luhn_free_ts(r)}",
        lambda r: "Set-Cookie: MoodleSession=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT; Max-Age=0",
        lambda r: "Cookie: ROUTEID=.node2; pma_lang=sq",
    ),
    "auth_token_assignment": _p(
        lambda r: "ACCESS_TOKEN_EXPIRE_MINUTES=30",
        lambda r: "{'auth_token': None, 'retry': 3}",
        lambda r: "refresh_token_rotation: enabled",
    ),
    "generic_secret": _p(
        lambda r: "APP_SECRET_KEY={{ secret_key }}",
        lambda r: 'NEXTAUTH_SECRET="${NEXTAUTH_SECRET:?missing}"',
        lambda r: f"secret_version=projects/acme-prod/secrets/api-key/versions/{r.randrange(1, 40)}",
    ),
    "password_hash": _p(
        lambda r: f"sha256sum: {rand(r, HEX, 64)}  spark-3.5.3-bin-hadoop3.tgz",
        lambda r: f"go.sum: golang.org/x/crypto v0.31.0 h1:{v.b64(r.randbytes(32))}",
        lambda r: f'ETag: "{rand(r, HEX, 32)}"',
        lambda r: "PASSWORD_HASHERS = ['django.contrib.auth.hashers.ScryptPasswordHasher']",
        lambda r: "prices from $5 to $6 per seat",
    ),
    "credential_phrase": _p(
        lambda r: "Şifrəni unutmusunuz?",
        lambda r: "Fjalëkalimi është i gabuar",
        lambda r: "Погрешна лозинка, обидете се повторно",
        lambda r: "Нууц үгээ мартсан уу?",
        lambda r: "पासवर्ड बिर्सनुभयो?",
        lambda r: "the password must contain at least 12 characters",
    ),
    "email": _p(
        lambda r: "go get github.com/acme/sdk@v1.4.2",
        lambda r: "redis://default@redis.internal:6379/1",
        lambda r: "{{ page.author_email }}",
        lambda r: "ops@example.org",
        lambda r: "@acme/web@3.1.0 build",
    ),
    "ipv4": _p(
        lambda r: f"PSVersion: 5.1.{r.randrange(17000, 26000)}.{r.randrange(1000, 5000)}",
        lambda r: f"spark-3.5.{r.randrange(0, 4)}.1-amzn-{r.randrange(0, 3)}",
        lambda r: f"Firefox/{r.randrange(120, 135)}.0.1.{r.randrange(1, 9)}",
        lambda r: "ASN.1 OID 2.5.4.3 commonName",
    ),
    "ipv6": _p(
        lambda r: f"[2026-01-12 08:{r.randrange(10, 59)}:{r.randrange(10, 59)},123: INFO/MainProcess]",
        lambda r: "scope acme::billing::invoice",
    ),
    "phone": _p(
        lambda r: f"call {v.unspoken_invalid_phone(r, _unspoken_regions())}",
        lambda r: (
            f"geo {r.randrange(40, 49)}.{r.randrange(100000, 999999)}, "
            f"{r.randrange(19, 24)}.{r.randrange(100000, 999999)}"
        ),
        lambda r: f"TID {r.randrange(100, 999)} stage {r.randrange(10, 99)}.0 partition {r.randrange(100000, 999999)}",
        lambda r: f"order AL-{_no_phone(r, 8)}",
    ),
    "payment_card": _p(
        lambda r: f"card {_luhn_failing(r)} rejected: invalid number",
        lambda r: f"transfer to {_iban_with_luhn_run(r)} booked",
        lambda r: "card 6011 1111 1111 1117 (Discover test card)",
        lambda r: f"card {rand(r, string.digits, 6)}******{rand(r, string.digits, 4)} authorised",
    ),
    "iban": _p(
        lambda r: f"account {v.unspoken_iban(r, valid=False)}",
        lambda r: "BIC: NBBGBGSF",
        lambda r: "IBAN: FI21 1234 5600 0007 85 (example from the IBAN registry)",
    ),
}

# Own negatives that truthfully hold another class: a card-like run inside an IBAN is the IBAN.
UNSPOKEN_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {("payment_card", 1): frozenset({"iban"})}


def _luhn_free_ts(r: random.Random) -> str:
    """A millisecond time that fails Luhn (so that it is no card)."""
    while True:
        digits = str(r.randrange(1_767_830_400_000, 1_769_299_200_000))
        if not v.luhn_ok(digits):
            return digits


def _no_phone(r: random.Random, n: int) -> str:
    """``n`` digits (no leading zero) that are no valid number of the split's regions, read nationally or with a
    ``+``."""
    while True:
        digits = r.choice("123456789") + rand(r, string.digits, n - 1)
        parsed = []
        for text, region in [(digits, g) for g in v.PHONE_REGIONS] + [("+" + digits, None)]:
            with contextlib.suppress(phonenumbers.NumberParseException):
                parsed.append(phonenumbers.parse(text, region))
        if not any(phonenumbers.is_valid_number(p) for p in parsed):
            return digits


# ---------------------------------------------------------------------------- the unnamed split's own shapes
#
# Written for the thirteenth split only, by a seventh session that did not read the rules (``build_corpus("unnamed")``
# puts them before the shared generators, as for the four splits before it): values as ``.properties`` files,
# ``appsettings.json`` sections, Helm ``values.yaml`` paths and ``--set`` flags, Maven ``settings.xml``, ``web.config``,
# Quarkus and Spring keys, Go, Rust and Node client code, Docker ``-e`` flags, proxy variables, OAuth and Supabase /
# Firebase tokens, vendor tokens in the formats their vendors issue today (OpenAI keys with the ``T3BlbkFJ`` marker,
# Anthropic OAuth tokens, GitLab trigger / agent / SCIM tokens, Slack rotating tokens and workflow webhooks, Shopify
# custom-app tokens, DigitalOcean OAuth tokens, TestPyPI tokens, Stripe ``51``-keys, Entra client secrets), password
# hashes of Spring, Atlassian, SQL Server, PostgreSQL, Cisco, WordPress 6.8, Nextcloud, MediaWiki, Shiro, RabbitMQ and
# Dovecot, session cookies of Kibana, oauth2-proxy, Odoo, Zabbix, Koa, Keycloak, Jenkins, Authelia, Nextcloud and
# Pomerium, cards of Humo, Uzcard, Hipercard, UATP, Bancontact and InterPayment, IBANs of fourteen new countries,
# phone numbers of eight new regions, and sentences in Lithuanian, Serbian, Belarusian, Kazakh and Uzbek; and
# look-alikes that are not findings (identifiers vendors print beside keys: OpenAI org and project ids, Anthropic
# message and request ids, Twilio account and message SIDs, Stripe object ids, GitHub App client ids; masked and
# redacted values, Azure DevOps / Maven / Ansible Vault / Jasypt references, file and image digests, git SHAs, UUIDs,
# four-part versions, Application Insights keys, pagination tokens, webhook signatures, analytics and load-balancer
# cookies, invalid and order numbers, Luhn-failing cards and a card-like run inside an IBAN).
# ``UNNAMED_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class (indices into
# ``UNNAMED_NEGATIVES[id]``).


def _unnamed_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _unnamed_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return v.password(r)
    word = pick(r, "Neris", "Drina", "Nesvizh", "Altai", "Samarqand", "Byblos", "Mdina", "Tbilisi")
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "%", "&", "")


def _slack_rotating(r: random.Random) -> str:
    """A Slack rotating (token-rotation) access token: ``xoxe.xoxb-1-`` or ``xoxe.xoxp-1-`` and a long body."""
    return f"xoxe.xox{pick(r, 'b', 'p')}-1-" + rand(r, ALNUM, r.randrange(140, 170))


def _kibana_sid(r: random.Random, data_bytes: tuple[int, int] = (96, 200)) -> str:
    """A Kibana (hapi ``@hapi/iron``) sealed session cookie: ``Fe26.2**salt*iv*data**salt*hmac``."""
    return (
        f"Fe26.2**{rand(r, HEX, 64)}*{v.b64url(r.randbytes(16))}*{v.b64url(r.randbytes(r.randrange(*data_bytes)))}"
        f"**{rand(r, HEX, 64)}*{v.b64url(r.randbytes(32))}"
    )


def _oauth2_proxy_cookie(r: random.Random) -> str:
    """oauth2-proxy's session cookie: the encrypted session, its time, its signature, bar-separated."""
    session, stamp = v.b64url(r.randbytes(r.randrange(300, 500))), 1_768_000_000 + r.randrange(10**6)
    return f"{session}|{stamp}|{v.b64url(r.randbytes(32))}"


def _zabbix_session(r: random.Random) -> str:
    """Zabbix 6's ``zbx_session``: base64 of a JSON with the session id and its signature."""
    data = {
        "sessionid": rand(r, HEX, 32),
        "serverCheckResult": True,
        "serverCheckTime": 1_768_000_000 + r.randrange(10**6),
        "sign": rand(r, HEX, 64),
    }
    return urllib.parse.quote(v.b64(json.dumps(data, separators=(",", ":")).encode()), safe="")


def _koa_session(r: random.Random) -> str:
    data = {"userId": r.randrange(1, 10**5), "_expire": int(_luhn_free_ms(r)), "_maxAge": 86_400_000}
    return (
        f"koa.sess={v.b64(json.dumps(data, separators=(',', ':')).encode())}; koa.sess.sig={v.b64url(r.randbytes(20))}"
    )


def _luhn_free_ms(r: random.Random) -> str:
    """A millisecond time that fails Luhn (so that it is no card)."""
    while True:
        digits = str(r.randrange(1_768_000_000_000, 1_769_000_000_000))
        if not v.luhn_ok(digits):
            return digits


def _iban_with_card_run_il(r: random.Random) -> str:
    """An Israeli IBAN whose 19-digit BBAN passes Luhn: a card-like run that is the IBAN's, not a card."""
    while True:
        value = v.unnamed_iban(r, country="IL")
        if v.luhn_ok(value.replace(" ", "")[4:]):
            return value


def _sentry_org_token(r: random.Random) -> str:
    """A Sentry organization auth token: ``sntrys_``, base64 of its JSON claims, ``_``, the secret."""
    claims = {
        "iat": 1_768_000_000 + r.randrange(10**6),
        "url": "https://sentry.io",
        "region_url": "https://de.sentry.io",
        "org": pick(r, "acme-lu", "acme"),
    }
    return f"sntrys_{v.b64(json.dumps(claims, separators=(',', ':')).encode()).rstrip('=')}_{rand(r, ALNUM + '+/', 43)}"


def _wa_digits(text: str) -> str:
    """An international number as a ``wa.me`` link writes it: the country code and number, digits only."""
    digits = "".join(ch for ch in text if ch.isdigit())
    return digits[2:] if digits.startswith("00") else digits


def _unnamed_luhn_failing(r: random.Random) -> str:
    return v.wrong_last_digit(r, v.unnamed_card(r))


def _b64_pem(r: random.Random) -> str:
    """A PEM private key base64-encoded again, as a Kubernetes Secret's ``data`` holds it."""
    pem = v.pem_key(r).replace("\\n", "\n")
    return v.b64(pem.encode())


def _pgp_private(r: random.Random) -> str:
    lines = "\n".join(v.b64(r.randbytes(48)) for _ in range(r.randrange(3, 6)))
    checksum = v.b64(r.randbytes(3))
    return f"-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n{lines}\n={checksum}\n-----END PGP PRIVATE KEY BLOCK-----"


def _encrypted_pem(r: random.Random) -> str:
    lines = "\\n".join(v.b64(r.randbytes(48)) for _ in range(r.randrange(3, 6)))
    return f"-----BEGIN ENCRYPTED PRIVATE KEY-----\\n{lines}\\n-----END ENCRYPTED PRIVATE KEY-----"


def _ansible_vault(r: random.Random) -> str:
    body = r.randbytes(r.randrange(60, 120)).hex()
    return "$ANSIBLE_VAULT;1.1;AES256\n" + "\n".join("          " + body[i : i + 80] for i in range(0, len(body), 80))


UNNAMED_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f"openai.api.key={v.openai_legacy(r)}",
        lambda r: f'client := openai.NewClient(option.WithAPIKey("{v.openai_legacy(r)}"))',
    ),
    "openai_project_key": _p(
        lambda r: f'"OpenAI": {{ "ApiKey": "{v.unnamed_proj_key(r)}", "Model": "gpt-4o-mini" }}',
        lambda r: f"docker run -e OPENAI_API_KEY={v.unnamed_proj_key(r)} ghcr.io/acme/agent:1.4",
        lambda r: f"--set openai.apiKey={v.unnamed_proj_key(r)}",
    ),
    "anthropic_api_key": _p(
        lambda r: f"CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-{rand(r, ALNUM + '_-', 93)}AA",
        lambda r: f'let client = Client::new("{v.anthropic(r)}");',
        lambda r: f"anthropic.api-key={v.anthropic(r)}",
    ),
    "deepseek_api_key": _p(
        lambda r: f"--set deepseek.apiKey={v.deepseek(r)}",
        lambda r: f'"DeepSeek": {{ "ApiKey": "{v.deepseek(r)}", "BaseUrl": "https://api.deepseek.com" }}',
    ),
    "aws_access_key_id": _p(
        lambda r: f"aws.accessKeyId={v.aws_key_id(r)}",
        lambda r: f"docker run -e AWS_ACCESS_KEY_ID={v.aws_key_id(r)} -e AWS_REGION=eu-central-1 acme/export",
        lambda r: (
            "cfg, _ := config.LoadDefaultConfig(ctx, config.WithCredentialsProvider("
            f'credentials.NewStaticCredentialsProvider("{v.aws_key_id(r)}", secret, "")))'
        ),
    ),
    "aws_secret_access_key": _p(
        lambda r: f"aws.secretAccessKey={v.aws_secret(r)}",
        lambda r: f'"AWS": {{ "Region": "eu-central-1", "SecretKey": "{v.aws_secret(r)}" }}',
        lambda r: f"--set s3.credentials.secretAccessKey={v.aws_secret(r)}",
    ),
    "aws_session_token": _p(
        lambda r: f"aws.sessionToken={v.untold_sts_token(r)}",
        lambda r: f'"AWS": {{ "SessionToken": "{v.untold_sts_token(r)}" }}',
    ),
    "github_classic_token": _p(
        lambda r: (
            "<server><id>github</id><username>ci-bot</username>"
            f"<password>{v.github_token(r, 'ghp')}</password></server>"
        ),
        lambda r: f"github.token={v.github_token(r, 'ghp')}",
    ),
    "github_oauth_token": _p(lambda r: f'"GitHub": {{ "AccessToken": "{v.github_token(r, "gho")}" }}'),
    "github_app_token": _p(
        lambda r: f"remote: Invalid username or password for x-access-token:{v.github_token(r, 'ghu')}",
        lambda r: f"--set github.installationToken={v.github_token(r, 'ghs')}",
    ),
    "github_refresh_token": _p(lambda r: f"github.refresh-token={v.github_token(r, 'ghr')}"),
    "github_fine_grained_token": _p(
        lambda r: "<password>github_pat_" + rand(r, ALNUM, 22) + "_" + rand(r, ALNUM, 59) + "</password>",
    ),
    "gitlab_token": _p(
        lambda r: (
            f"curl -X POST --fail -F token=glptt-{rand(r, HEX, 40)} -F ref=main "
            "https://gitlab.acme.lu/api/v4/projects/17/trigger/pipeline"
        ),
        lambda r: f"--set config.token=glagent-{rand(r, ALNUM + '_-', 50)}",
        lambda r: f"gitlab.scim.token=glsoat-{rand(r, ALNUM + '_-', 20)}",
    ),
    "slack_token": _p(
        lambda r: f"slack.bot-token={_slack_rotating(r)}",
        lambda r: f'"Slack": {{ "BotToken": "{v.slack_token(r)}" }}',
    ),
    "slack_webhook": _p(
        lambda r: f"notify.slack.url={v.slack_workflow_hook(r)}",
        lambda r: f'"SlackWebhookUrl": "{v.slack_workflow_hook(r)}"',
    ),
    "stripe_key": _p(
        lambda r: f"stripe.secret-key=sk_live_51{rand(r, ALNUM, 97)}",
        lambda r: f'"Stripe": {{ "SecretKey": "rk_live_51{rand(r, ALNUM, 97)}" }}',
    ),
    "google_api_key": _p(
        lambda r: f"google.maps.api-key=AIza{rand(r, ALNUM + '_-', 35)}",
        lambda r: f"GET /youtube/v3/search?part=snippet&q=ska&key=AIza{rand(r, ALNUM + '_-', 35)} HTTP/1.1",
    ),
    "google_oauth_client_secret": _p(
        lambda r: f'"Authentication": {{ "Google": {{ "ClientSecret": "GOCSPX-{rand(r, ALNUM + "_-", 28)}" }} }}',
        lambda r: f"spring.security.oauth2.client.registration.google.client-secret=GOCSPX-{rand(r, ALNUM + '_-', 28)}",
    ),
    "gcp_oauth_token": _p(
        lambda r: f'{{"refresh_token":"1//0{rand(r, v.B64URL, r.randrange(60, 100))}","scope":"openid"}}',
        lambda r: f'req.Header.Set("Authorization", "Bearer {v.untold_gcp_access_token(r)}")',
    ),
    "clickhouse_cloud_key": _p(
        lambda r: f"clickhouse.cloud.key-secret={v.clickhouse_secret(r)}",
        lambda r: f"--set clickhouseCloud.keySecret={v.clickhouse_secret(r)}",
    ),
    "twilio_api_key": _p(lambda r: f'"Twilio": {{ "ApiKeySid": "SK{rand(r, HEX, 32)}" }}'),
    "sendgrid_api_key": _p(
        lambda r: f"spring.sendgrid.api-key=SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}",
    ),
    "huggingface_token": _p(
        lambda r: f"--set hf.token=hf_{rand(r, ALNUM, 34)}",
        lambda r: f"huggingface.api-token=api_org_{rand(r, ALNUM, 34)}",
    ),
    "npm_token": _p(lambda r: f"docker build --build-arg NPM_TOKEN=npm_{rand(r, ALNUM, 36)} -t acme/web ."),
    "pypi_token": _p(
        lambda r: (
            f"[testpypi]\nusername = __token__\npassword = pypi-AgENdGVzdC5weXBpLm9yZw{rand(r, ALNUM + '_-', 80)}"
        ),
    ),
    "shopify_token": _p(
        lambda r: f"shopify.admin-token=shpca_{rand(r, HEX, 32)}",
        lambda r: f'"Shopify": {{ "AccessToken": "shppa_{rand(r, HEX, 32)}" }}',
    ),
    "digitalocean_token": _p(
        lambda r: f'{{"access_token":"doo_v1_{rand(r, HEX, 64)}","token_type":"bearer","expires_in":2592000}}',
        lambda r: f"digitalocean.refresh-token=dor_v1_{rand(r, HEX, 64)}",
    ),
    "telegram_bot_token": _p(
        lambda r: f"telegram.bot.token={r.randrange(10**8, 10**10)}:AA{rand(r, ALNUM + '_-', 33)}"
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            '"ConnectionStrings": { "Blobs": "DefaultEndpointsProtocol=https;AccountName=acmelu'
            f"{rand(r, string.ascii_lowercase, 4)};AccountKey={v.azure_account_key(r)};"
            'EndpointSuffix=core.windows.net" }'
        ),
        lambda r: (
            f"iothub.connection=HostName=acme-iot.azure-devices.net;SharedAccessKeyName=iothubowner;"
            f"SharedAccessKey={v.b64(r.randbytes(32))}"
        ),
        lambda r: (
            f"cosmos.connection=AccountEndpoint=https://acme-lu.documents.azure.com:443/;AccountKey="
            f"{v.azure_account_key(r)};"
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            "GET https://acmeshare.file.core.windows.net/exports/2026/01/ledger.csv?sv=2022-11-02&ss=f&srt=o&sp=r"
            f"&se=2026-02-01T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)} HTTP/1.1"
        ),
        lambda r: (
            f"azure.queue.sas=sv=2022-11-02&ss=q&srt=sco&sp=rwdlacup&se=2026-03-01T00:00:00Z&sig={v.azure_sas_sig(r)}"
        ),
    ),
    "jwt": _p(
        lambda r: f"SUPABASE_SERVICE_ROLE_KEY={v.supabase_key(r, 'service_role')}",
        lambda r: f'fetch("/api/me", {{ headers: {{ authorization: "Bearer {v.firebase_id_token(r)}" }} }})',
        lambda r: f'"Jwt": {{ "Token": "{v.jwt(r)}" }}',
    ),
    "private_key": _p(
        lambda r: f"  tls.key: {_b64_pem(r)}",
        lambda r: _pgp_private(r),
        lambda r: f'"private_key": "{_encrypted_pem(r)}"',
    ),
    "url_credentials": _p(
        lambda r: f"https_proxy=http://svc-proxy:{_url_password(r)}@proxy.acme.lu:3128",
        lambda r: f"jdbc:postgresql://pg.internal:5432/ledger?user=ledger&password={_url_password(r)}&sslmode=require",
        lambda r: f"spring.elasticsearch.uris=https://elastic:{_url_password(r)}@es.internal:9200",
        lambda r: f"mongodb://root:{_url_password(r)}@mongo-0.mongo,mongo-1.mongo/?replicaSet=rs0&authSource=admin",
    ),
    "password_assignment": _p(
        lambda r: f"quarkus.datasource.password={_unnamed_password(r)}",
        lambda r: f'<add key="SmtpPassword" value="{_unnamed_password(r)}" />',
        lambda r: f"docker run -d -e POSTGRES_PASSWORD={_unnamed_password(r)} postgres:17",
        lambda r: f"--set-string redis.auth.password={_unnamed_password(r)}",
        lambda r: f'"Database": {{ "User": "ledger", "Password": "{_unnamed_password(r)}" }}',
    ),
    "sql_identified_by": _p(
        lambda r: (
            f"ALTER USER system IDENTIFIED BY {rand(r, string.ascii_letters, 6)}{r.randrange(10, 99)}Q ACCOUNT UNLOCK;"
        ),
        lambda r: f"ALTER USER ledger IDENTIFIED WITH scram_sha256_password BY '{_unnamed_password(r)}'",
        lambda r: f"CREATE USER 'ledger'@'%' IDENTIFIED BY '{_unnamed_password(r)}' REQUIRE SSL;",
    ),
    "bearer_token": _p(
        lambda r: f"map[Accept:[application/json] Authorization:[Bearer {v.opaque_token(r)}]]",
        lambda r: f"curl https://api.mistral.ai/v1/models -H 'Authorization: Bearer {rand(r, ALNUM, 32)}'",
        lambda r: f"metadata: {{'authorization': 'bearer {v.opaque_token(r)}', 'x-request-id': 'r-17'}}",
    ),
    "basic_auth": _p(
        lambda r: f'proxy_set_header Authorization "Basic {v.b64(f"ledger:{_unnamed_password(r)}".encode())}";',
        lambda r: f'http-request set-header Authorization "Basic {v.b64(f"probe:{_unnamed_password(r)}".encode())}"',
        lambda r: f"map[Authorization:[Basic {v.b64(f'svc-uz:{_unnamed_password(r)}'.encode())}]]",
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: sid={_kibana_sid(r)}",
        lambda r: f"Cookie: _oauth2_proxy={_oauth2_proxy_cookie(r)}",
        lambda r: f"Cookie: frontend_lang=lt_LT; session_id={rand(r, ALNUM + '-_', 84)}",
        lambda r: f"Cookie: zbx_session={_zabbix_session(r)}",
        lambda r: f"Cookie: {_koa_session(r)}",
        lambda r: (
            f"Cookie: AUTH_SESSION_ID={uuid.UUID(int=r.getrandbits(128), version=4)}.keycloak-0; "
            f"KEYCLOAK_SESSION=acme/{uuid.UUID(int=r.getrandbits(128), version=4)}/"
            f"{uuid.UUID(int=r.getrandbits(128), version=4)}"
        ),
        lambda r: (
            f"Cookie: JSESSIONID.{rand(r, HEX, 8)}=node0{rand(r, string.ascii_lowercase + string.digits, 26)}.node0"
        ),
        lambda r: f"Set-Cookie: authelia_session={rand(r, ALNUM, 32)}; expires=Tue, 13 Jan 2026 08:00:01 GMT; HttpOnly",
        lambda r: (
            f"Cookie: oc{rand(r, string.ascii_lowercase + string.digits, 10)}="
            f"{rand(r, string.ascii_lowercase + string.digits, 26)}; nc_sameSiteCookielax=true"
        ),
        lambda r: f"Cookie: _pomerium={v.b64url(r.randbytes(r.randrange(200, 320)))}",
    ),
    "auth_token_assignment": _p(
        lambda r: f"ngrok config add-authtoken 2{rand(r, ALNUM, 26)}_{rand(r, ALNUM, 21)}",
        lambda r: f"sentry.auth-token={_sentry_org_token(r)}",
        lambda r: f'"Api": {{ "AccessToken": "{v.opaque_token(r)}" }}',
        lambda r: f"--set api.refreshToken={v.opaque_token(r)}",
    ),
    "generic_secret": _p(
        lambda r: (
            '"AzureAd": { "Instance": "https://login.microsoftonline.com/", '
            f'"ClientSecret": "{v.entra_client_secret(r)}" }}'
        ),
        lambda r: f'cookie_secret = "{v.b64url(r.randbytes(32))}"',
        lambda r: f"jwt.secret={rand(r, ALNUM, 64)}",
        lambda r: f"MINIO_SECRET_KEY={rand(r, ALNUM, 40)}",
        lambda r: f"slack.signing-secret={rand(r, HEX, 32)}",
    ),
    "password_hash": _p(
        lambda r: f"spring.security.user.password={v.unnamed_password_hash(r, 'spring_bcrypt')}",
        lambda r: f"| ledger | {v.unnamed_password_hash(r, 'spring_pbkdf2')} | ROLE_ADMIN |",
        lambda r: f"credential: {v.unnamed_password_hash(r, 'pkcs5s2')}",
        lambda r: f"name=etl_login password_hash={v.unnamed_password_hash(r, 'mssql2012')}",
        lambda r: f"rolname=ledger rolpassword={v.unnamed_password_hash(r, 'postgres_md5')}",
        lambda r: f"username admin privilege 15 secret 9 {v.unnamed_password_hash(r, 'cisco9')}",
        lambda r: f"user_pass = '{v.unnamed_password_hash(r, 'wordpress_wp')}'",
        lambda r: f"oc_users.password = '{v.unnamed_password_hash(r, 'nextcloud')}'",
        lambda r: f"user_password: {v.unnamed_password_hash(r, 'mediawiki')}",
        lambda r: f"admin = {v.unnamed_password_hash(r, 'shiro')}, admin",
        lambda r: (
            f'{{"name": "ledger", "password_hash": "{v.unnamed_password_hash(r, "rabbitmq")}", '
            '"hashing_algorithm": "rabbit_password_hashing_sha256", "tags": ["management"]}'
        ),
        lambda r: f"ledger:{v.unnamed_password_hash(r, 'dovecot_argon2')}",
        lambda r: f"user default on #{hashlib.sha256(r.randbytes(16)).hexdigest()} ~* &* +@all",
    ),
    "credential_phrase": _p(
        lambda r: f"Jūsų naujas slaptažodis: {_unnamed_password(r)}",
        lambda r: f"Ваша нова лозинка је {_unnamed_password(r)}",
        lambda r: f"Vaša nova lozinka je {_unnamed_password(r)}",
        lambda r: f"Ваш новы пароль: {_unnamed_password(r)}",
        lambda r: f"Сіздің жаңа құпия сөзіңіз: {_unnamed_password(r)}",
        lambda r: f"Yangi parolingiz: {_unnamed_password(r)}",
        lambda r: f"the guest wifi pass is {_unnamed_password(r)}",
        lambda r: f"كلمة المرور الجديدة هي {_unnamed_password(r)}",
    ),
    "email": _p(
        lambda r: f"RCPT TO:<{v.email(r)}>\n250 2.1.5 Ok",
        lambda r: f"Authentication-Results: mx.acme.lu; spf=pass smtp.mailfrom={v.email(r)}",
        lambda r: f'"user": {{"id": "{r.randrange(1, 10**5)}", "email": "{v.email(r)}"}}',
        lambda r: f"эл. пошта: {v.email(r)}",
    ),
    "ipv4": _p(
        lambda r: f'"ClientHost":"{v.ipv4(r)}"',
        lambda r: f"remote_ip={v.ipv4(r)} remote_port={r.randrange(1024, 65535)}",
        lambda r: f'Started POST "/webhooks/stripe" for {v.ipv4(r)} at 2026-01-12 08:00:01 +0100',
    ),
    "ipv6": _p(
        lambda r: f'"remote_ip":"{v.ipv6(r)}","remote_port":"{r.randrange(1024, 65535)}"',
        lambda r: f'Started GET "/" for {v.ipv6(r)} at 2026-01-12 08:00:01 +0100',
    ),
    "phone": _p(
        lambda r: f"skambinkite man {v.unnamed_phone(r, _unnamed_regions())}",
        lambda r: f"позовите ме на {v.unnamed_phone(r, _unnamed_regions())}",
        lambda r: f"menga {v.unnamed_phone(r, _unnamed_regions())} raqamiga qo'ng'iroq qiling",
        lambda r: f"llámame al {v.unnamed_phone(r, _unnamed_regions())}",
        lambda r: f"https://wa.me/{_wa_digits(v.unnamed_phone(r, _unnamed_regions(), international_only=True))}",
        lambda r: f"ċempilli fuq {v.unnamed_phone(r, _unnamed_regions())}",
        lambda r: f"support.phone={v.unnamed_phone(r, _unnamed_regions(), international_only=True)}",
    ),
    "payment_card": _p(
        lambda r: f"Humo {v.unnamed_card(r, 'humo')}",
        lambda r: f"Uzcard karta raqami: {v.unnamed_card(r, 'uzcard')}",
        lambda r: f'"cardNumber": "{v.unnamed_card(r, "hipercard", sep="")}"',
        lambda r: f"UATP {v.unnamed_card(r, 'uatp')}",
        lambda r: f"Bancontact {v.unnamed_card(r, 'bancontact')}",
        lambda r: f"мая картка {v.unnamed_card(r, pick(r, 'visa13', 'visa', 'mastercard'))}",
        lambda r: f"card.number={v.unnamed_card(r, 'interpayment', sep='')}",
    ),
    "iban": _p(
        lambda r: f"IBAN: {v.unnamed_iban(r)}",
        lambda r: f'"beneficiary": {{"iban": "{v.unnamed_iban(r).replace(" ", "")}"}}',
        lambda r: f"transferencia a {v.unnamed_iban(r, country=pick(r, 'GT', 'SV'))} aplicada",
        lambda r: f"payout.iban={v.unnamed_iban(r, country=pick(r, 'LB', 'TR', 'UA', 'BR'))}",
    ),
}

UNNAMED_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: f"OpenAI-Organization: org-{rand(r, ALNUM, 24)}"),
    "openai_project_key": _p(
        lambda r: f"OpenAI-Project: proj_{rand(r, ALNUM, 24)}",
        lambda r: '"OpenAI": { "ApiKey": "$(OpenAiApiKey)" }',
        lambda r: f"openai.api-key=sk-proj-{'*' * 20}{rand(r, ALNUM, 4)}",
        lambda r: (
            f'{{"id": "chatcmpl-{rand(r, ALNUM, 29)}", "object": "chat.completion", '
            f'"system_fingerprint": "fp_{rand(r, HEX, 10)}"}}'
        ),
    ),
    "anthropic_api_key": _p(
        lambda r: f'{{"id": "msg_01{rand(r, ALNUM, 22)}", "type": "message", "role": "assistant", "content": []}}',
        lambda r: f"request-id: req_011C{rand(r, ALNUM, 20)}",
        lambda r: "anthropic.api-key=[REDACTED]",
    ),
    "deepseek_api_key": _p(
        lambda r: f"deepseek.api-key=sk-{rand(r, HEX, 4)}{'*' * 24}{rand(r, HEX, 4)}",
        lambda r: f"{hashlib.md5(r.randbytes(8)).hexdigest()}  ledger-export.csv",
    ),
    "aws_access_key_id": _p(
        lambda r: f'"PolicyId": "ANPA{rand(r, string.ascii_uppercase + "234567", 17)}"',
        lambda r: f"aws.accessKeyId=AKIA{'*' * 12}{rand(r, string.ascii_uppercase, 4)}",
    ),
    "aws_secret_access_key": _p(
        lambda r: '"AWS": { "SecretKey": "#{AwsSecretKey}#" }',
        lambda r: f"aws.secretAccessKey=ENC({v.b64(r.randbytes(48))})",
    ),
    "aws_session_token": _p(lambda r: "aws.sessionToken=${AWS_SESSION_TOKEN:}"),
    "github_classic_token": _p(
        lambda r: f"GITHUB_SHA={rand(r, HEX, 40)}",
        lambda r: "<password>${env.GITHUB_TOKEN}</password>",
    ),
    "github_oauth_token": _p(
        lambda r: f'"GitHub": {{ "ClientId": "Ov23li{rand(r, ALNUM, 14)}", "AccessToken": "gho_****" }}',
    ),
    "github_app_token": _p(lambda r: f"github.app.client-id=Iv23li{rand(r, ALNUM, 14)}"),
    "github_refresh_token": _p(
        lambda r: f'{{"refresh_token": "[REDACTED]", "refresh_token_expires_in": {r.randrange(10**6, 2 * 10**7)}}}',
    ),
    "github_fine_grained_token": _p(lambda r: "<password>github_pat_${GH_PAT_SUFFIX}</password>"),
    "gitlab_token": _p(
        lambda r: "-F token=$CI_JOB_TOKEN -F ref=main",
        lambda r: f"gitlab.scim.token=glsoat-{'*' * 20}",
    ),
    "slack_token": _p(
        lambda r: (
            f'"channel": "C0{rand(r, string.ascii_uppercase + string.digits, 9)}", '
            f'"app_id": "A0{rand(r, string.ascii_uppercase + string.digits, 9)}"'
        ),
        lambda r: "slack.bot-token=xoxb-****",
    ),
    "slack_webhook": _p(lambda r: "notify.slack.url=https://hooks.slack.com/services/${SLACK_WEBHOOK_PATH}"),
    "stripe_key": _p(
        lambda r: (
            f'{{"id": "pi_3{rand(r, ALNUM, 23)}", "customer": "cus_{rand(r, ALNUM, 14)}", '
            f'"latest_charge": "ch_3{rand(r, ALNUM, 23)}"}}'
        ),
        lambda r: f"stripe.secret-key=sk_live_{'•' * 12}{rand(r, ALNUM, 4)}",
        lambda r: f"stripe.publishable-key=pk_live_51{rand(r, ALNUM, 97)}",
    ),
    "google_api_key": _p(lambda r: "google.maps.api-key=${GOOGLE_MAPS_KEY}"),
    "google_oauth_client_secret": _p(
        lambda r: (
            f'"ClientId": "{r.randrange(10**11, 10**12)}-{rand(r, string.ascii_lowercase + string.digits, 32)}'
            '.apps.googleusercontent.com"'
        )
    ),
    "gcp_oauth_token": _p(lambda r: '{"access_token":"[REDACTED]","expires_in":3599,"token_type":"Bearer"}'),
    "clickhouse_cloud_key": _p(
        lambda r: f"clickhouse.cloud.service-id={uuid.UUID(int=r.getrandbits(128), version=4)}",
        lambda r: f"build-id: 4b1d{rand(r, HEX, 36)}",
    ),
    "twilio_api_key": _p(
        lambda r: f'{{"sid": "SM{rand(r, HEX, 32)}", "account_sid": "AC{rand(r, HEX, 32)}", "status": "delivered"}}',
        lambda r: f"MessagingServiceSid=MG{rand(r, HEX, 32)}",
    ),
    "sendgrid_api_key": _p(
        lambda r: f'"sg_message_id": "{rand(r, ALNUM + "_-", 22)}.filterdrecv-{r.randrange(100, 999)}-1-0"'
    ),
    "huggingface_token": _p(
        lambda r: "HF_HUB_ENABLE_HF_TRANSFER=1 huggingface-cli download acme/intent-lt --revision main",
        lambda r: (
            f"hf_hub_download(repo_id='acme/ner-kk', filename='model.safetensors', revision='{rand(r, HEX, 40)}')"
        ),
    ),
    "npm_token": _p(
        lambda r: f"npm_package_version=1.{r.randrange(0, 20)}.{r.randrange(0, 9)} npm_config_cache=/tmp/.npm"
    ),
    "pypi_token": _p(lambda r: "password = pypi-AgENdGVzdC5weXBpLm9yZw...(truncated)"),
    "shopify_token": _p(lambda r: f"shop_id={r.randrange(10**7, 10**8)} shopify.admin-token=shpca_****"),
    "digitalocean_token": _p(lambda r: f"droplet {r.randrange(10**8, 10**9)} created from snapshot ubuntu-24-04-x64"),
    "telegram_bot_token": _p(lambda r: "https://api.telegram.org/bot<BOT_TOKEN>/getMe"),
    "azure_storage_connection_string": _p(
        lambda r: (
            f"InstrumentationKey={uuid.UUID(int=r.getrandbits(128), version=4)};IngestionEndpoint="
            "https://westeurope-5.in.applicationinsights.azure.com/"
        ),
        lambda r: '"ConnectionStrings": { "Blobs": "#{BlobConnectionString}#" }',
    ),
    "azure_sas_token": _p(
        lambda r: "https://acmeshare.file.core.windows.net/exports/ledger.csv?sv=2022-11-02&sp=r&sig=[REDACTED]"
    ),
    "jwt": _p(
        lambda r: "SUPABASE_ANON_KEY=your-anon-key",
        lambda r: f"kid header eyJhbGciOiJSUzI1NiIsImtpZCI6I{rand(r, ALNUM, 20)} rejected",
    ),
    "private_key": _p(
        lambda r: '  tls.key: ""',
        lambda r: f"-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n{v.b64(r.randbytes(48))}",
        lambda r: f"ssh-keygen -lf id_ed25519.pub\n256 SHA256:{v.b64(r.randbytes(32)).rstrip('=')} ci@runner (ED25519)",
    ),
    "url_credentials": _p(
        lambda r: "amqp://guest:guest@localhost:5672/",
        lambda r: "https_proxy=http://proxy.acme.lu:3128",
        lambda r: "jdbc:postgresql://pg.internal:5432/ledger?user=ledger&password=${DB_PASSWORD}",
    ),
    "password_assignment": _p(
        lambda r: f"password: !vault |\n          {_ansible_vault(r)}",
        lambda r: f"quarkus.datasource.password=ENC({v.b64(r.randbytes(32))})",
        lambda r: '"Database": { "Password": "$(DbPassword)" }',
        lambda r: "<password>${env.NEXUS_PASSWORD}</password>",
        lambda r: f"password.reset.token.ttl={r.randrange(600, 86400)}",
        lambda r: "passwordless.enabled=true",
    ),
    "sql_identified_by": _p(
        lambda r: f"CREATE USER 'legacy'@'%' IDENTIFIED BY PASSWORD '*{r.randbytes(20).hex().upper()}';",
        lambda r: "CREATE USER probe IDENTIFIED WITH no_password",
        lambda r: "CREATE USER app IDENTIFIED EXTERNALLY AS 'CN=app,O=Acme'",
    ),
    "bearer_token": _p(
        lambda r: "map[Authorization:[Bearer [REDACTED]]]",
        lambda r: f'{{"token_type": "Bearer", "expires_in": {r.randrange(300, 7200)}}}',
    ),
    "basic_auth": _p(
        lambda r: "Authorization: Basic Og==",
        lambda r: 'http-request auth realm "ledger" unless { http_auth(ops_users) }',
    ),
    "session_cookie": _p(
        lambda r: (
            f"Cookie: __cf_bm={v.b64url(r.randbytes(40))}-{1_768_000_000 + r.randrange(10**6)}-1.0.1.1-"
            f"{v.b64url(r.randbytes(60))}"
        ),
        lambda r: f"Cookie: SERVERID=srv{r.randrange(1, 5)}; NEXT_LOCALE=lt; theme=dark",
        lambda r: "Set-Cookie: session_id=; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/",
        lambda r: (
            f"Cookie: OptanonConsent=isGpcEnabled=0&datestamp=Mon+Jan+12+2026&version=202409.1.0&consentId="
            f"{uuid.UUID(int=r.getrandbits(128), version=4)}"
        ),
        lambda r: "sessionStorage.setItem('draft', JSON.stringify(form))",
    ),
    "auth_token_assignment": _p(
        lambda r: f'"next_page_token": "{v.b64(r.randbytes(24))}"',
        lambda r: "sentry.auth-token=${SENTRY_AUTH_TOKEN}",
        lambda r: f"api.accessTokenLifetimeMinutes={r.randrange(5, 120)}",
    ),
    "generic_secret": _p(
        lambda r: "auth.existingSecret: ledger-credentials",
        lambda r: f'"AzureAd": {{ "ClientId": "{uuid.UUID(int=r.getrandbits(128), version=4)}", "ClientSecret": "" }}',
        lambda r: f"Stripe-Signature: t={1_768_000_000 + r.randrange(10**6)},v1={rand(r, HEX, 64)}",
        lambda r: f"X-Hub-Signature-256: sha256={rand(r, HEX, 64)}",
        lambda r: "jwt.secret-ref=projects/acme-lu/secrets/jwt-signing/versions/latest",
    ),
    "password_hash": _p(
        lambda r: f"{rand(r, HEX, 64)}  vector-0.43.1-x86_64-unknown-linux-gnu.tar.gz",
        lambda r: f"commit {rand(r, HEX, 40)} (HEAD -> main, tag: v2026.1.12)",
        lambda r: f"image: ghcr.io/acme/ledger@sha256:{rand(r, HEX, 64)}",
        lambda r: "spring.security.user.password={noop}${ADMIN_PASSWORD}",
        lambda r: "hash format: $argon2id$v=19$m=<memory>,t=<time>,p=<lanes>$<salt>$<hash>",
    ),
    "credential_phrase": _p(
        lambda r: "Pamiršote slaptažodį?",
        lambda r: "Погрешна лозинка, покушајте поново",
        lambda r: "Няправільны пароль, паспрабуйце яшчэ раз",
        lambda r: "Құпия сөзді ұмыттыңыз ба?",
        lambda r: "Parol kamida 8 ta belgidan iborat bo'lishi kerak",
        lambda r: "the password was rotated, ask the on-call for the new one",
    ),
    "email": _p(
        lambda r: f"j{'*' * 5}@g{'*' * 4}.com requested a reset",
        lambda r: "pnpm add zod@3.24.1",
        lambda r: "To: <your-email@domain>",
        lambda r: "@channel deploy finished",
    ),
    "ipv4": _p(
        lambda r: "see section 4.2.1.3 of RFC 5280",
        lambda r: f"Edg/131.0.{r.randrange(2000, 3000)}.{r.randrange(10, 99)}",
        lambda r: (
            f"firmware {r.randrange(1, 9)}.{r.randrange(0, 20)}.{r.randrange(0, 30)}.{r.randrange(0, 9)} installed"
        ),
    ),
    "ipv6": _p(
        lambda r: "hwaddr ec:9a:0c:1f:22:3b",
        lambda r: "let buf = Vec::<u8>::with_capacity(4096);",
        lambda r: "test fixture uses 2001:db8::10 (documentation range)",
    ),
    "phone": _p(
        lambda r: f"call {v.unnamed_invalid_phone(r, _unnamed_regions())}",
        lambda r: f"pedido {_no_phone(r, 8)} enviado",
        lambda r: f"at 2026-01-12 08:{r.randrange(10, 59)}:{r.randrange(10, 59)}.{r.randrange(100000, 999999)} +0100",
        lambda r: f"coords 41.{r.randrange(100000, 999999)}, 44.{r.randrange(100000, 999999)}",
        lambda r: f"offset {r.randrange(10**7, 10**8)} partition {r.randrange(0, 12)}",
    ),
    "payment_card": _p(
        lambda r: f"card {_unnamed_luhn_failing(r)} declined: invalid number",
        lambda r: f"transfer to {_iban_with_card_run_il(r)} booked",
        lambda r: "card 4242 4242 4242 4242 (Stripe test card)",
        lambda r: f"Humo 9860 **** **** {rand(r, string.digits, 4)}",
    ),
    "iban": _p(
        lambda r: f"account {v.unnamed_iban(r, valid=False)}",
        lambda r: "SWIFT: BLOMLBBX",
        lambda r: "IBAN: PT50 0002 0123 1234 5678 9015 4 (example from the IBAN registry)",
    ),
}

# Own negatives that truthfully hold another class: MySQL's ``IDENTIFIED BY PASSWORD`` takes a hash, not a password,
# and a card-like run inside an IBAN is the IBAN.
UNNAMED_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("sql_identified_by", 0): frozenset({"password_hash"}),
    ("payment_card", 1): frozenset({"iban"}),
}


# ---------------------------------------------------------------------------- the unmarked split's own shapes
#
# Written for the fourteenth split only, by an eighth session that did not read the rules (``build_corpus("unmarked")``
# puts them before the shared generators, as for the splits since hidden): values as Spring Boot properties and
# YAML, Terraform, boto3 and SDK constructors, ``.env`` and compose files, Postfix ``sasl_passwd``, Android and iOS
# Firebase configs, Renovate and Dependabot configs, GitHub Actions ``::add-mask::``, rclone, Grafana contact points,
# Go and JDBC DSNs, ADO.NET connection strings, Oracle database links, Postman collections, HashiCorp tokens, vendor
# token kinds no other split draws (GitLab trigger, CI job, OAuth-app and agent tokens and runner registration
# tokens; Slack rotating, refresh and client tokens and workflow triggers; Shopify custom-app, private-app and
# shared secrets; DigitalOcean OAuth and refresh tokens; Hugging Face org tokens; TestPyPI tokens; legacy npm UUID
# tokens; Cosmos DB, IoT Hub and SignalR connection strings; queue, file and Data Lake SAS), password hashes of
# fifteen more families, session cookies of Kibana, Jupyter, oauth2-proxy, Nextcloud, Keycloak, Odoo, Authelia,
# Magento and cookie-session, cards of nine more networks (also with no-break spaces), IBANs of eight new countries,
# phone numbers of eight new regions as their people write them, and sentences in Basque, Galician, Bosnian, Khmer
# and Punjabi; and look-alikes that are not findings (vendor documentation keys, masked and redacted values,
# Spring/Terraform/Helm/compose placeholders, file digests, git SHAs, UUIDs in non-secret fields, four-part
# versions, Cloudflare and load-balancer cookies, ICCIDs and Luhn-failing numbers, registry example IBANs, invalid
# phone numbers, order and transaction numbers, password hashes where a password should be).
# ``UNMARKED_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class (indices into
# ``UNMARKED_NEGATIVES[id]``).


def _um_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _um_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return v.password(r)
    word = pick(r, "Itsasoa", "Breixo", "Baščaršija", "Angkor", "Amritsar", "Nemiga", "Muttrah", "Kampala")
    return word + str(r.randrange(10, 9999)) + pick(r, "!", "#", "%", "+", ".", "")


def _um_url_password(r: random.Random) -> str:
    return urllib.parse.quote(_um_password(r), safe="")


def _slack_id(r: random.Random, lead: str, n: int = 10) -> str:
    return lead + rand(r, string.ascii_uppercase + string.digits, n)


def _keycloak_jwt(r: random.Random) -> str:
    """A Keycloak access token: RS256, the realm as issuer, the user's id and name, no e-mail claim."""
    header = {"alg": "RS256", "typ": "JWT", "kid": rand(r, v.B64URL, 43)}
    now = 1768200000 + r.randrange(10**6)
    payload = {
        "exp": now + 300,
        "iat": now,
        "jti": _uuid(r),
        "iss": "https://sso.acme.eus/realms/acme",
        "aud": "account",
        "sub": _uuid(r),
        "typ": "Bearer",
        "azp": pick(r, "portal", "billing-spa", "grafana"),
        "scope": "openid profile",
        "preferred_username": pick(r, "uxue", "breixo", "amra", "sokha", "gurpreet"),
    }
    head = v.b64url(json.dumps(header, separators=(",", ":")).encode())
    body = v.b64url(json.dumps(payload, separators=(",", ":")).encode())
    return f"{head}.{body}.{v.b64url(r.randbytes(256))}"


def _supabase_service_jwt(r: random.Random) -> str:
    """A Supabase ``service_role`` key: an HS256 JWT that bypasses row-level security."""
    payload = {"iss": "supabase", "ref": rand(r, string.ascii_lowercase, 20), "role": "service_role"}
    payload |= {"iat": 1767225600 + r.randrange(10**6), "exp": 2082801600 + r.randrange(10**6)}
    head = v.b64url(b'{"alg":"HS256","typ":"JWT"}')
    return f"{head}.{v.b64url(json.dumps(payload, separators=(',', ':')).encode())}.{v.b64url(r.randbytes(32))}"


def _entra_client_secret(r: random.Random) -> str:
    """A Microsoft Entra application's client secret as the portal shows it once: ``xxx8Q~`` and 34 characters."""
    return rand(r, ALNUM, 3) + "8Q~" + rand(r, ALNUM + "~._-", 34)


def _jupyter_cookie(r: random.Random) -> str:
    """Jupyter's login cookie: a Tornado v2 signed value (name, time, the session's base64, an HMAC)."""
    name = f"username-{pick(r, 'localhost-8888', 'jupyter-acme-eus', '127-0-0-1-8888')}"
    payload = v.b64(r.randbytes(32))
    stamp = 1768200000 + r.randrange(10**6)
    return f'{name}="2|1:0|10:{stamp}|{len(name)}:{name}|{len(payload)}:{payload}|{rand(r, HEX, 64)}"'


def _um_oauth2_proxy_cookie(r: random.Random) -> str:
    """oauth2-proxy's ``_oauth2_proxy`` cookie: the encrypted session, the time, an HMAC."""
    session = v.b64url(r.randbytes(r.randrange(180, 320)))
    return f"_oauth2_proxy={session}|{1768200000 + r.randrange(10**6)}|{v.b64url(r.randbytes(32))}="


def _iccid(r: random.Random) -> str:
    """A SIM card's ICCID: 89, the country code, the issuer, the serial and a Luhn check digit (card-like, not a
    card)."""
    body = "89" + pick(r, "256", "263", "375", "968") + rand(r, string.digits, 13)
    return body + v._luhn_digit(body)


def _um_luhn_failing(r: random.Random) -> str:
    return v.wrong_last_digit(r, v.unmarked_card(r, sep=" "))


def _gitlab_token(r: random.Random, kind: int = -1) -> str:
    """A GitLab token of a kind no other split draws, as GitLab issues it (``kind`` -1: any)."""
    kind = r.randrange(5) if kind < 0 else kind
    if kind == 0:
        return "glptt-" + rand(r, HEX, 40)  # pipeline trigger token
    if kind == 1:
        return "glcbt-" + rand(r, ALNUM + "_-", 20)  # CI/CD job token
    if kind == 2:
        return "gloas-" + rand(r, HEX, 64)  # OAuth application secret
    if kind == 3:
        return "glagent-" + rand(r, ALNUM + "_-", 50)  # Kubernetes agent token
    return "GR1348941" + rand(r, ALNUM + "_-", 20)  # runner registration token


def _slack_token(r: random.Random) -> str:
    """A Slack token of a kind no other split draws: rotating user/bot tokens, refresh tokens, client tokens."""
    kind = r.randrange(3)
    if kind == 0:
        return f"xoxe.xox{pick(r, 'p', 'b')}-1-{rand(r, ALNUM, 140)}"
    if kind == 1:
        return f"xoxe-1-{rand(r, ALNUM, 140)}"
    team, user = r.randrange(10**10, 10**12), r.randrange(10**10, 10**12)
    return f"xoxc-{team}-{user}-{r.randrange(10**11, 10**13)}-{rand(r, HEX, 64)}"


UNMARKED_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f"spring.ai.openai.api-key={v.openai_legacy(r)}",
        lambda r: f'{{"provider": "openai", "credentials": {{"openai_api_key": "{v.openai_legacy(r)}"}}}}',
    ),
    "openai_project_key": _p(
        lambda r: f"spring.ai.openai.api-key={v.openai_project(r)}",
        lambda r: f"OPENAI_API_KEYS={v.openai_project(r)}",
        lambda r: f'variable "openai_api_key" {{\n  default = "{v.openai_project(r)}"\n}}',
        lambda r: f'{{"provider": "openai", "credentials": {{"openai_api_key": "{v.openai_project(r)}"}}}}',
        lambda r: f"$ langfuse-cli llm add --provider openai --key {v.openai_project(r)}",
    ),
    "anthropic_api_key": _p(
        lambda r: f"spring.ai.anthropic.api-key={v.anthropic(r)}",
        lambda r: (
            "model_list:\n  - model_name: claude\n    litellm_params:\n"
            "      model: anthropic/claude-3-5-sonnet-latest\n"
            f"      api_key: {v.anthropic(r)}"
        ),
        lambda r: (
            "client = anthropic.AnthropicVertex(region='europe-west1') if VERTEX else "
            f"anthropic.Anthropic(api_key='{v.anthropic(r)}')"
        ),
    ),
    "deepseek_api_key": _p(
        lambda r: f'{{"provider": "deepseek", "credentials": {{"api_key": "{v.deepseek(r)}"}}}}',
        lambda r: f"spring.ai.openai.api-key={v.deepseek(r)}\nspring.ai.openai.base-url=https://api.deepseek.com",
    ),
    "aws_access_key_id": _p(
        lambda r: f"spring.cloud.aws.credentials.access-key={v.aws_key_id(r)}",
        lambda r: f's3 = boto3.client("s3", region_name="me-south-1", aws_access_key_id="{v.aws_key_id(r)}")',
        lambda r: f'provider "aws" {{\n  region     = "me-central-1"\n  access_key = "{v.aws_key_id(r)}"\n}}',
        lambda r: f"  - AWS_ACCESS_KEY_ID={v.aws_key_id(r)}",
    ),
    "aws_secret_access_key": _p(
        lambda r: f"spring.cloud.aws.credentials.secret-key={v.aws_secret(r)}",
        lambda r: f'boto3.Session(aws_secret_access_key="{v.aws_secret(r)}", region_name="me-south-1")',
        lambda r: f"  - AWS_SECRET_ACCESS_KEY={v.aws_secret(r)}",
    ),
    "aws_session_token": _p(
        lambda r: f"spring.cloud.aws.credentials.session-token={v.untold_sts_token(r)}",
        lambda r: f'boto3.Session(aws_session_token="{v.untold_sts_token(r)}")',
        lambda r: f"  - AWS_SESSION_TOKEN={v.untold_sts_token(r)}",
    ),
    "github_classic_token": _p(
        lambda r: f'{{"platform": "github", "token": "{v.github_token(r, "ghp")}", "onboarding": false}}',
        lambda r: (
            "registries:\n  github-octocat:\n    type: git\n    url: https://github.com\n"
            "    username: x-access-token\n"
            f"    password: {v.github_token(r, 'ghp')}"
        ),
    ),
    "github_oauth_token": _p(
        lambda r: f"  ✓ Logged in to github.com account breixo (keyring)\n  - Token: {v.github_token(r, 'gho')}",
    ),
    "github_app_token": _p(
        lambda r: f"::add-mask::{v.github_token(r, 'ghs')}",
        lambda r: f'{{"token": "{v.github_token(r, "ghs")}", "expires_at": "2026-01-12T09:00:01Z"}}',
        lambda r: f'{{"access_token": "{v.github_token(r, "ghu")}", "expires_in": 28800, "token_type": "bearer"}}',
    ),
    "github_refresh_token": _p(lambda r: f"GITHUB_APP_REFRESH_TOKEN={v.github_token(r, 'ghr')}"),
    "github_fine_grained_token": _p(
        lambda r: 'RENOVATE_TOKEN="github_pat_' + rand(r, ALNUM, 22) + "_" + rand(r, ALNUM, 59) + '"',
    ),
    "gitlab_token": _p(
        lambda r: (
            f"curl -X POST --fail -F token={_gitlab_token(r, 0)} -F ref=main https://gitlab.acme.eus/api/v4/projects/7/trigger/pipeline"
        ),
        lambda r: f"CI_JOB_TOKEN={_gitlab_token(r, 1)}",
        lambda r: f"gitlab_application_secret: {_gitlab_token(r, 2)}",
        lambda r: f"helm upgrade --install agent gitlab/gitlab-agent --set config.token={_gitlab_token(r, 3)}",
        lambda r: f'gitlab-runner register --url https://gitlab.acme.eus --registration-token "{_gitlab_token(r, 4)}"',
    ),
    "slack_token": _p(
        lambda r: f'{{"ok": true, "token": "{_slack_token(r)}", "exp": {1768200000 + r.randrange(10**5)}}}',
        lambda r: f"SLACK_USER_TOKEN={_slack_token(r)}",
        lambda r: f"curl -s -H 'Authorization: Bearer {_slack_token(r)}' https://slack.com/api/auth.test",
    ),
    "slack_webhook": _p(
        lambda r: (
            f"https://hooks.slack.com/triggers/{_slack_id(r, 'T0', 9)}/{r.randrange(10**12, 10**13)}/{rand(r, HEX, 32)}"
        ),
        lambda r: (
            '{"type": "slack", "settings": {"url": "https://hooks.slack.com/services/'
            f'{_slack_id(r, "T0", 9)}/{_slack_id(r, "B0", 9)}/{rand(r, ALNUM, 24)}", "recipient": "#alerts"}}}}'
        ),
    ),
    "stripe_key": _p(
        lambda r: f"STRIPE_SECRET_KEY=sk_live_51{rand(r, ALNUM, 97)}",
        lambda r: f"stripe.api_key = 'rk_live_51{rand(r, ALNUM, 97)}'",
        lambda r: f"spring.stripe.secret-key=sk_test_51{rand(r, ALNUM, 97)}",
    ),
    "google_api_key": _p(
        lambda r: (
            '<meta-data android:name="com.google.android.geo.API_KEY" '
            f'android:value="AIza{rand(r, ALNUM + "_-", 35)}"/>'
        ),
        lambda r: f"<key>API_KEY</key>\n<string>AIza{rand(r, ALNUM + '_-', 35)}</string>",
    ),
    "google_oauth_client_secret": _p(
        lambda r: f"spring.security.oauth2.client.registration.google.client-secret=GOCSPX-{rand(r, ALNUM + '_-', 28)}",
        lambda r: (
            f'{{"web":{{"client_id":"{r.randrange(10**11, 10**12)}-'
            f"{rand(r, string.ascii_lowercase + string.digits, 32)}"
            f'.apps.googleusercontent.com","project_id":"acme-eus","client_secret":"{rand(r, ALNUM + "_-", 24)}",'
            '"auth_uri":"https://accounts.google.com/o/oauth2/auth"}}'
        ),
    ),
    "gcp_oauth_token": _p(
        lambda r: (
            f'token = {{"access_token":"{v.untold_gcp_access_token(r)}","token_type":"Bearer",'
            f'"refresh_token":"1//03{rand(r, v.B64URL, 80)}","expiry":"2026-01-12T09:00:01.123Z"}}'
        ),
        lambda r: f"$ gcloud auth application-default print-access-token\n{v.untold_gcp_access_token(r)}",
    ),
    "clickhouse_cloud_key": _p(
        lambda r: (
            f"curl -s -u {rand(r, ALNUM, 20)}:{v.clickhouse_secret(r)} https://api.clickhouse.cloud/v1/organizations"
        ),
        lambda r: f"CLICKHOUSE_CLOUD_API_SECRET: {v.clickhouse_secret(r)}",
    ),
    "twilio_api_key": _p(
        lambda r: f"const client = twilio('SK{rand(r, HEX, 32)}', process.env.TWILIO_API_SECRET, {{ accountSid }});",
        lambda r: f"twilio.api-key=SK{rand(r, HEX, 32)}",
    ),
    "sendgrid_api_key": _p(
        lambda r: f"[smtp.sendgrid.net]:587 apikey:SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}",
        lambda r: f"spring.sendgrid.api-key=SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}",
    ),
    "huggingface_token": _p(
        lambda r: f"HF_API_TOKEN=api_org_{rand(r, ALNUM, 34)}",
        lambda r: f"$ cat ~/.cache/huggingface/token\nhf_{rand(r, ALNUM, 34)}",
        lambda r: f'InferenceClient(model="meta-llama/Llama-3.1-8B-Instruct", token="hf_{rand(r, ALNUM, 34)}")',
    ),
    "npm_token": _p(
        lambda r: f'npmRegistries:\n  "https://registry.npmjs.org":\n    npmAuthToken: npm_{rand(r, ALNUM, 36)}',
        lambda r: f"//registry.npmjs.org/:_authToken={_uuid(r)}",
    ),
    "pypi_token": _p(
        lambda r: f"POETRY_PYPI_TOKEN_PYPI=pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}",
        lambda r: (
            f"twine upload -r testpypi -u __token__ -p pypi-AgENdGVzdC5weXBpLm9yZw{rand(r, ALNUM + '_-', 80)} dist/*"
        ),
    ),
    "shopify_token": _p(
        lambda r: f"SHOPIFY_ADMIN_API_ACCESS_TOKEN=shpca_{rand(r, HEX, 32)}",
        lambda r: f"X-Shopify-Access-Token: shppa_{rand(r, HEX, 32)}",
        lambda r: f"SHOPIFY_API_SECRET=shpss_{rand(r, HEX, 32)}",
    ),
    "digitalocean_token": _p(
        lambda r: f'{{"access_token":"doo_v1_{rand(r, HEX, 64)}","token_type":"bearer","expires_in":2592000}}',
        lambda r: f"refresh_token=dor_v1_{rand(r, HEX, 64)}&grant_type=refresh_token",
    ),
    "telegram_bot_token": _p(
        lambda r: (
            f'app = Application.builder().token("{r.randrange(10**9, 8 * 10**9)}:AAE'
            f'{rand(r, ALNUM + "_-", 32)}").build()'
        ),
        lambda r: f"  - TELEGRAM_TOKEN={r.randrange(10**9, 8 * 10**9)}:AAH{rand(r, ALNUM + '_-', 32)}",
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            f"AccountEndpoint=https://acme-{rand(r, string.ascii_lowercase, 4)}.documents.azure.com:443/;"
            f"AccountKey={v.azure_account_key(r)};"
        ),
        lambda r: (
            f"HostName=acme-iot.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey={v.b64(r.randbytes(32))}"
        ),
        lambda r: (
            "spring.cloud.azure.storage.blob.connection-string=DefaultEndpointsProtocol=https;AccountName=acmeeus"
            f"{rand(r, string.ascii_lowercase, 3)};AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net"
        ),
        lambda r: f"Endpoint=https://acme-hub.service.signalr.net;AccessKey={v.b64(r.randbytes(32))};Version=1.0;",
    ),
    "azure_sas_token": _p(
        lambda r: (
            "https://acmeq.queue.core.windows.net/jobs/messages?sv=2022-11-02&ss=q&srt=o&sp=rap"
            f"&se=2026-02-{r.randrange(10, 28)}T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}"
        ),
        lambda r: (
            "https://acmefiles.file.core.windows.net/exports/2026/report.csv?sv=2022-11-02&sr=f&sp=r"
            f"&se=2026-01-20T00:00:00Z&sig={v.azure_sas_sig(r)}"
        ),
        lambda r: (
            "https://acmelake.dfs.core.windows.net/raw/events?sv=2022-11-02&sr=d&sdd=1&sp=rl"
            f"&se=2026-02-01T00:00:00Z&sig={v.azure_sas_sig(r)}"
        ),
    ),
    "jwt": _p(
        lambda r: f"Cookie: CF_Authorization={v.jwt(r)}",
        lambda r: f"SUPABASE_SERVICE_ROLE_KEY={_supabase_service_jwt(r)}",
        lambda r: f'{{"access_token":"{_keycloak_jwt(r)}","expires_in":300,"token_type":"Bearer"}}',
    ),
    "private_key": _p(
        lambda r: (
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
            + "\n".join(v.b64(r.randbytes(48)) for _ in range(4))
            + "\n-----END ENCRYPTED PRIVATE KEY-----"
        ),
        lambda r: (
            "-----BEGIN DSA PRIVATE KEY-----\\n"
            + "\\n".join(v.b64(r.randbytes(48)) for _ in range(3))
            + "\\n-----END DSA PRIVATE KEY-----"
        ),
        lambda r: (
            "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n"
            + "\n".join(v.b64(r.randbytes(48)) for _ in range(4))
            + f"\n={v.b64(r.randbytes(3))}\n-----END PGP PRIVATE KEY BLOCK-----"
        ),
    ),
    "url_credentials": _p(
        lambda r: f"DSN=app:{_um_url_password(r)}@tcp(mysql.internal:3306)/orders?parseTime=true&loc=UTC",
        lambda r: f"sqlserver://sa:{_um_url_password(r)}@mssql.internal:1433?database=erp&encrypt=true",
        lambda r: f"jdbc:postgresql://pg.internal:5432/orders?user=app&password={_um_url_password(r)}&ssl=true",
        lambda r: f"smb://backup:{_um_url_password(r)}@nas.internal/exports",
        lambda r: f"rediss://default:{_um_url_password(r)}@cache.acme.eus:6380/0",
    ),
    "password_assignment": _p(
        lambda r: (
            "Server=tcp:acme-sql.database.windows.net,1433;Initial Catalog=erp;User ID=app;"
            f"Password={_um_password(r)};Encrypt=True;"
        ),
        lambda r: f'  administrator_login_password = "{_um_password(r)}"',
        lambda r: f"  - POSTGRES_PASSWORD={_um_password(r)}",
        lambda r: f"keytool -importkeystore -srckeystore app.p12 -srcstorepass {_um_password(r)} -destkeystore app.jks",
        lambda r: f"spring:\n  datasource:\n    url: jdbc:mysql://db:3306/app\n    password: {_um_password(r)}",
        lambda r: f'<property name="javax.persistence.jdbc.password" value="{_um_password(r)}"/>',
    ),
    "sql_identified_by": _p(
        lambda r: f"ALTER USER system IDENTIFIED BY {rand(r, ALNUM, 12)} ACCOUNT UNLOCK;",
        lambda r: (
            f"CREATE DATABASE LINK erp_link CONNECT TO erp_ro IDENTIFIED BY \"{_um_password(r)}\" USING 'ERPPDB';"
        ),
        lambda r: f"CREATE USER loader IDENTIFIED WITH scram_sha256_password BY '{_um_password(r)}' HOST ANY",
        lambda r: f"CREATE USER 'bi'@'%' IDENTIFIED WITH mysql_native_password BY '{_um_password(r)}' REQUIRE SSL;",
    ),
    "bearer_token": _p(
        lambda r: (
            '"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "'
            f'{v.opaque_token(r)}", "type": "string"}}]}}'
        ),
        lambda r: f'Invoke-RestMethod -Uri $uri -Headers @{{ Authorization = "Bearer {v.opaque_token(r)}" }}',
        lambda r: f"grpcurl -H 'authorization: Bearer {v.opaque_token(r)}' api.acme.eus:443 list",
    ),
    "basic_auth": _p(
        lambda r: 'proxy_set_header Authorization "Basic ' + v.b64(f"upstream:{_um_password(r)}".encode()) + '";',
        lambda r: (
            "wget --header='Authorization: Basic "
            + v.b64(f"mirror:{_um_password(r)}".encode())
            + "' https://repo.acme.eus/"
        ),
        lambda r: 'http-request set-header Authorization "Basic ' + v.b64(f"haproxy:{_um_password(r)}".encode()) + '"',
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: sid={_kibana_sid(r, (96, 160))}",
        lambda r: (
            f"Cookie: _xsrf=2|{rand(r, HEX, 8)}|{rand(r, HEX, 32)}|{v.luhn_free_number(r, 1768200000, 1769200000)}; "
            f"{_jupyter_cookie(r)}"
        ),
        lambda r: f"Cookie: {_um_oauth2_proxy_cookie(r)}",
        lambda r: (
            f"Cookie: oc{rand(r, string.ascii_lowercase + string.digits, 10)}="
            f"{rand(r, string.ascii_lowercase + string.digits, 26)}; "
            f"oc_sessionPassphrase={urllib.parse.quote(v.b64(r.randbytes(96)), safe='')}; nc_sameSiteCookielax=true"
        ),
        lambda r: f"Cookie: KEYCLOAK_SESSION=acme/{_uuid(r)}/{_uuid(r)}",
        lambda r: f"Cookie: frontend_lang=eu_ES; session_id={rand(r, HEX, 40)}",
        lambda r: (
            f"Set-Cookie: authelia_session={rand(r, ALNUM, 32)}; expires=Mon, 12 Jan 2026 10:00:01 GMT; path=/; "
            "secure; HttpOnly"
        ),
        lambda r: (
            f"Cookie: frontend={rand(r, string.ascii_lowercase + string.digits, 26)}; frontend_cid={rand(r, ALNUM, 16)}"
        ),
        lambda r: (
            f"Cookie: session={v.b64(json.dumps({'passport': {'user': r.randrange(1, 10**5)}}).encode())}; "
            f"session.sig={rand(r, v.B64URL, 27)}"
        ),
    ),
    "auth_token_assignment": _p(
        lambda r: f"CONSUL_HTTP_TOKEN={_uuid(r)}",
        lambda r: f"export NOMAD_TOKEN={_uuid(r)}",
        lambda r: f"X-Vault-Token: hvb.{rand(r, v.B64URL, 138)}",
        lambda r: (
            f'credentials "app.terraform.io" {{\n  token = "{rand(r, ALNUM, 14)}.atlasv1.{rand(r, ALNUM, 67)}"\n}}'
        ),
        lambda r: f"PULUMI_ACCESS_TOKEN=pul-{rand(r, HEX, 40)}",
        lambda r: f"DOPPLER_TOKEN=dp.st.prd.{rand(r, ALNUM, 43)}",
    ),
    "generic_secret": _p(
        lambda r: f"STRIPE_WEBHOOK_SECRET=whsec_{rand(r, ALNUM, 32)}",
        lambda r: f"spring.security.oauth2.client.registration.azure.client-secret={_entra_client_secret(r)}",
        lambda r: f"OAUTH2_PROXY_COOKIE_SECRET={v.b64url(r.randbytes(32))}",
        lambda r: f"RAILS_MASTER_KEY={rand(r, HEX, 32)}",
        lambda r: f"app:\n  jwt:\n    secret-key: {rand(r, ALNUM, 48)}",
        lambda r: f"Api-Key: {rand(r, HEX, 32)}",
    ),
    "password_hash": _p(
        lambda r: f"username admin privilege 15 secret 9 {v.unmarked_password_hash(r, 'cisco_type9')}",
        lambda r: f"enable secret 8 {v.unmarked_password_hash(r, 'cisco_type8')}",
        lambda r: f"Administrator:500:aad3b435b51404eeaad3b435b51404ee:{rand(r, HEX, 32)}:::",
        lambda r: f"user app on #{hashlib.sha256(r.randbytes(16)).hexdigest()} ~orders:* &* +@all -@dangerous",
        lambda r: f"ALTER ROLE report PASSWORD '{v.unmarked_password_hash(r, 'postgres_md5')}';",
        lambda r: f"admin:{{SHA}}{v.b64(hashlib.sha1(r.randbytes(12)).digest())}",
        lambda r: (
            "INSERT INTO cwd_user (user_name, credential) VALUES "
            f"('amra', '{v.unmarked_password_hash(r, 'atlassian_pkcs5s2')}');"
        ),
        lambda r: (
            f"spring.security.user.password={v.unmarked_password_hash(r, pick(r, 'spring_bcrypt', 'spring_scrypt'))}"
        ),
        lambda r: f'{{"password": "{v.unmarked_password_hash(r, "django_scrypt")}", "is_staff": true}}',
        lambda r: f"sokha:{v.unmarked_password_hash(r, pick(r, 'sha1_crypt', 'gost_yescrypt', 'sun_md5'))}:20101::::::",
        lambda r: f"| sa | {v.unmarked_password_hash(r, 'mssql_2012')} |",
        lambda r: f"SPARE4: {v.unmarked_password_hash(r, 'oracle_12c')}",
        lambda r: f"gurpreet:{v.unmarked_password_hash(r, 'dovecot_argon2')}::::::",
    ),
    "credential_phrase": _p(
        lambda r: f"Zure aldi baterako pasahitza {_um_password(r)} da",
        lambda r: f"O teu contrasinal temporal é {_um_password(r)}",
        lambda r: f"Vaša privremena šifra je {_um_password(r)}",
        lambda r: f"ពាក្យសម្ងាត់បណ្ដោះអាសន្នរបស់អ្នកគឺ {_um_password(r)}",
        lambda r: f"ਤੁਹਾਡਾ ਆਰਜ਼ੀ ਪਾਸਵਰਡ {_um_password(r)} ਹੈ",
        lambda r: f"the passphrase for the backup key is {_um_password(r)}",
        lambda r: f"Ваш часовы пароль: {_um_password(r)}",
        lambda r: f"wifi: Acme-Guest / pass {_um_password(r)}",
    ),
    "email": _p(
        lambda r: f"mail: {v.unmarked_email(r)}",
        lambda r: f'"Ximena Ortega","{v.unmarked_email(r)}","San Salvador"',
        lambda r: f"X-Original-To: {v.unmarked_email(r)}",
        lambda r: f'{{"signInNames": [{{"type": "emailAddress", "value": "{v.unmarked_email(r)}"}}]}}',
        lambda r: f"ਮੇਰੀ ਈਮੇਲ {v.unmarked_email(r)} ਹੈ",
    ),
    "ipv4": _p(
        lambda r: f"iptables -A INPUT -s {v.ipv4(r)} -j DROP",
        lambda r: f'"ClientIP": "{v.ipv4(r)}"',
        lambda r: f"[Peer]\nPublicKey = {v.b64(r.randbytes(32))}\nEndpoint = {v.ipv4(r)}:51820",
        lambda r: f"x-envoy-external-address: {v.ipv4(r)}",
    ),
    "ipv6": _p(
        lambda r: f'"clientAddress": "[{v.ipv6(r)}]:{r.randrange(1024, 65535)}"',
        lambda r: f"ip6tables -A INPUT -s {v.ipv6(r)} -j DROP",
        lambda r: f"x-envoy-external-address: {v.ipv6(r)}",
    ),
    "phone": _p(
        lambda r: f"deitu iezadazu {v.unmarked_phone(r, _um_regions())} zenbakira",
        lambda r: f"chámame ao {v.unmarked_phone(r, _um_regions())}",
        lambda r: f"nazovite me na {v.unmarked_phone(r, _um_regions())}",
        lambda r: f"ਮੈਨੂੰ {v.unmarked_phone(r, _um_regions())} ਤੇ ਫ਼ੋਨ ਕਰੋ",
        lambda r: f"https://wa.me/{_e164(v.unmarked_phone(r, _um_regions(), international_only=True))[1:]}?text=hello",
        lambda r: f'"mobile": "{v.unmarked_phone(r, _um_regions(), international_only=True)}"',
        lambda r: f"Tel/WhatsApp: {v.unmarked_phone(r, ('UG', 'ZW'))}",
        lambda r: f"тэл.: {v.unmarked_phone(r, ('BY',))}",
    ),
    "payment_card": _p(
        lambda r: f"Белкарт {v.unmarked_card(r, 'belkart')}",
        lambda r: f"UATP {v.unmarked_card(r, 'uatp')} issued for the corporate travel account",
        lambda r: f'"cardNumber": "{v.unmarked_card(r, pick(r, "hipercard", "cabal"), sep="")}"',
        lambda r: f"thẻ NAPAS {v.unmarked_card(r, 'napas')}",
        lambda r: f"karta: {v.unmarked_card(r, pick(r, 'uzcard', 'humo'))}",
        lambda r: f"Meeza {v.unmarked_card(r, 'meeza')} declined",
        lambda r: f"Bancontact {v.unmarked_card(r, 'bancontact')}",
        lambda r: f"nire txartela {v.unmarked_card(r, pick(r, 'visa', 'mastercard'), sep=chr(0xA0))} da",
    ),
    "iban": _p(
        lambda r: f"IBAN: {v.unmarked_iban(r)}",
        lambda r: f'{{"beneficiary": {{"iban": "{v.unmarked_iban(r, grouped=False)}"}}}}',
        lambda r: f"transferencia a {v.unmarked_iban(r, country='PT')}",
        lambda r: f"račun {v.unmarked_iban(r, country='BA')}",
        lambda r: f"<IBAN>{v.unmarked_iban(r, grouped=False)}</IBAN>",
    ),
}

UNMARKED_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: "spring.ai.openai.api-key=${OPENAI_API_KEY}"),
    "openai_project_key": _p(
        lambda r: f"OPENAI_API_KEYS=sk-proj-{'*' * 8}{rand(r, ALNUM, 4)}",
        lambda r: 'variable "openai_api_key" {\n  type      = string\n  sensitive = true\n}',
        lambda r: '{"provider": "openai", "credentials": {"openai_api_key": "[__HIDDEN__]"}}',
    ),
    "anthropic_api_key": _p(lambda r: "      api_key: os.environ/ANTHROPIC_API_KEY"),
    "deepseek_api_key": _p(
        lambda r: f"asset {hashlib.md5(r.randbytes(8)).hexdigest()}.js built",
        lambda r: f"etag=sk-{rand(r, HEX, 31)}",
    ),
    "aws_access_key_id": _p(
        lambda r: "spring.cloud.aws.credentials.access-key=${AWS_ACCESS_KEY_ID}",
        lambda r: f'"AccessKeyId": "AKIA{"*" * 12}{rand(r, string.ascii_uppercase, 4)}"',
        lambda r: f'"CanonicalUserId": "{rand(r, HEX, 64)}"',
    ),
    "aws_secret_access_key": _p(
        lambda r: "spring.cloud.aws.credentials.secret-key=${AWS_SECRET_ACCESS_KEY}",
        lambda r: "  - AWS_SECRET_ACCESS_KEY",
        lambda r: f"aws_secret_access_key = {rand(r, HEX, 40)[:4]}************************************",
    ),
    "aws_session_token": _p(lambda r: "boto3.Session(aws_session_token=os.environ['AWS_SESSION_TOKEN'])"),
    "github_classic_token": _p(
        lambda r: '{"platform": "github", "token": "{{ secrets.RENOVATE_TOKEN }}"}',
        lambda r: f"commit {rand(r, HEX, 40)} (HEAD -> main, origin/main)",
    ),
    "github_app_token": _p(lambda r: "::add-mask::${{ steps.app-token.outputs.token }}"),
    "gitlab_token": _p(
        lambda r: (
            "curl -X POST -F token=$TRIGGER_TOKEN -F ref=main https://gitlab.acme.eus/api/v4/projects/7/trigger/pipeline"
        ),
        lambda r: "gitlab-runner register --registration-token REDACTED",
    ),
    "slack_token": _p(lambda r: '{"ok": false, "error": "invalid_auth", "token": "xoxb-***"}'),
    "slack_webhook": _p(
        lambda r: '{"type": "slack", "settings": {"url": "[REDACTED]", "recipient": "#alerts"}}',
        lambda r: "https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX",
    ),
    "stripe_key": _p(
        lambda r: "STRIPE_SECRET_KEY=sk_live_...",
        lambda r: f"customer cus_{rand(r, ALNUM, 14)} charged via acct_1{rand(r, ALNUM, 15)}",
    ),
    "google_api_key": _p(
        lambda r: '<meta-data android:name="com.google.android.geo.API_KEY" android:value="${MAPS_API_KEY}"/>'
    ),
    "google_oauth_client_secret": _p(
        lambda r: "spring.security.oauth2.client.registration.google.client-secret=${GOOGLE_CLIENT_SECRET}"
    ),
    "gcp_oauth_token": _p(lambda r: 'token = {"access_token":"","token_type":"","expiry":"0001-01-01T00:00:00Z"}'),
    "clickhouse_cloud_key": _p(lambda r: "CLICKHOUSE_CLOUD_API_SECRET: ${{ secrets.CH_CLOUD_SECRET }}"),
    "twilio_api_key": _p(lambda r: f"Message SM{rand(r, HEX, 32)} delivered"),
    "sendgrid_api_key": _p(lambda r: "[smtp.sendgrid.net]:587 apikey:${SENDGRID_API_KEY}"),
    "huggingface_token": _p(lambda r: f"revision {rand(r, HEX, 40)} of meta-llama/Llama-3.1-8B-Instruct downloaded"),
    "npm_token": _p(
        lambda r: (
            '"resolved": "https://registry.npmjs.org/uuid/-/uuid-9.0.1.tgz", '
            f'"integrity": "sha512-{v.b64(r.randbytes(64))}"'
        ),
        lambda r: f'"requestId": "{_uuid(r)}"',
    ),
    "pypi_token": _p(lambda r: "POETRY_PYPI_TOKEN_PYPI=${{ secrets.PYPI_TOKEN }}"),
    "shopify_token": _p(lambda r: "X-Shopify-Access-Token: {{ shopify_token }}"),
    "digitalocean_token": _p(
        lambda r: f'{{"droplet": {{"id": {r.randrange(10**8, 5 * 10**8)}, "image": "ubuntu-24-04-x64"}}}}'
    ),
    "telegram_bot_token": _p(
        lambda r: f"chat_id={-r.randrange(10**12, 2 * 10**12)} message_id={r.randrange(100, 9999)}"
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="
        ),
        lambda r: "spring.cloud.azure.storage.blob.connection-string=${AZURE_STORAGE_CONNECTION_STRING}",
    ),
    "azure_sas_token": _p(
        lambda r: "https://acmeq.queue.core.windows.net/jobs/messages?sv=2022-11-02&sp=rap&sig=[REDACTED]",
        lambda r: f"x-ms-request-id: {_uuid(r)}\nx-ms-version: 2022-11-02",
    ),
    "jwt": _p(
        lambda r: "SUPABASE_SERVICE_ROLE_KEY=your-service-role-key",
        lambda r: f"Cookie: CF_Authorization=; __cf_bm={v.b64url(r.randbytes(32))}",
    ),
    "private_key": _p(
        lambda r: "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" + v.b64(r.randbytes(48)),
        lambda r: "ssl_certificate_key /etc/nginx/tls/acme.eus.key;",
        lambda r: f"Public key fingerprint: SHA256:{v.b64(r.randbytes(32)).rstrip('=')}",
    ),
    "url_credentials": _p(
        lambda r: "DSN=app:${MYSQL_PASSWORD}@tcp(mysql.internal:3306)/orders?parseTime=true",
        lambda r: "jdbc:postgresql://pg.internal:5432/orders?user=app&password=&ssl=true",
        lambda r: "sqlserver://sa:****@mssql.internal:1433?database=erp",
        lambda r: f"https://{rand(r, string.ascii_lowercase, 6)}.acme.eus:8443/path?next=/login@home",
    ),
    "password_assignment": _p(
        lambda r: "Server=tcp:acme-sql.database.windows.net,1433;Authentication=Active Directory Default;",
        lambda r: "  administrator_login_password = random_password.sql.result",
        lambda r: "  - POSTGRES_PASSWORD_FILE=/run/secrets/pg_password",
        lambda r: "spring:\n  datasource:\n    password: ${DB_PASSWORD:}",
        lambda r: f"password_last_set={r.randrange(1, 28)}/01/2026",
        lambda r: f"password: {v.unmarked_password_hash(r, 'spring_bcrypt')}",
    ),
    "sql_identified_by": _p(
        lambda r: f"ALTER USER app IDENTIFIED BY VALUES '{v.unmarked_password_hash(r, 'oracle_12c')}';",
        lambda r: (
            f"CREATE USER ro IDENTIFIED WITH sha256_hash BY '{hashlib.sha256(r.randbytes(16)).hexdigest().upper()}'"
        ),
        lambda r: "CREATE USER ops IDENTIFIED EXTERNALLY;",
        lambda r: "ALTER USER :username IDENTIFIED BY :new_password",
    ),
    "bearer_token": _p(
        lambda r: (
            '"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{accessToken}}", "type": "string"}]}'
        ),
        lambda r: 'Invoke-RestMethod -Uri $uri -Headers @{ Authorization = "Bearer $token" }',
        lambda r: "Authorization: Bearer [REDACTED]",
    ),
    "basic_auth": _p(
        lambda r: (
            '- "traefik.http.middlewares.auth.basicauth.users=admin:'
            f'{v.untold_password_hash(r, "apr1").replace("$", "$$")}"'
        ),
        lambda r: 'proxy_set_header Authorization "";',
    ),
    "session_cookie": _p(
        lambda r: (
            f"Cookie: __cf_bm={v.b64url(r.randbytes(32))}-{v.luhn_free_number(r, 1768200000, 1769200000)}-1.0.1.1-"
            f"{v.b64url(r.randbytes(64))}"
        ),
        lambda r: f"Cookie: BIGipServerpool_api={r.randrange(10**9, 4 * 10**9)}.{r.randrange(20000, 40000)}.0000",
        lambda r: (
            f"Cookie: _fbp=fb.1.{v.luhn_free_number(r, 1767830400000, 1769299200000)}."
            f"{v.no_phone_digits(r, 10, _um_regions())}"
        ),
        lambda r: "Cookie: SERVERID=app2; OptanonAlertBoxClosed=2026-01-12T08:00:01.123Z",
        lambda r: "Set-Cookie: authelia_session=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/",
        lambda r: "session:\n  name: authelia_session\n  expiration: 1h",
    ),
    "auth_token_assignment": _p(
        lambda r: "CONSUL_HTTP_TOKEN_FILE=/etc/consul.d/token",
        lambda r: 'credentials "app.terraform.io" {\n  token = var.tfc_token\n}',
        lambda r: f'{{"trace_id": "{_uuid(r)}", "token_count": {r.randrange(10, 9000)}}}',
    ),
    "generic_secret": _p(
        lambda r: "STRIPE_WEBHOOK_SECRET=whsec_...",
        lambda r: f'"keyId": "{_uuid(r)}", "secretName": "api-client-secret"',
        lambda r: f"app:\n  jwt:\n    secret-key: ${{JWT_SECRET:}}\n    expiration: {r.randrange(300, 86400)}",
        lambda r: f"Api-Key: {'*' * 28}{rand(r, HEX, 4)}",
    ),
    "password_hash": _p(
        lambda r: f"{rand(r, HEX, 40)}  acme-agent-{r.randrange(1, 9)}.{r.randrange(0, 20)}.{r.randrange(0, 9)}.tar.gz",
        lambda r: f"Merge: {rand(r, HEX, 7)} {rand(r, HEX, 7)}",
        lambda r: f'"checksum": "md5:{hashlib.md5(r.randbytes(8)).hexdigest()}"',
        lambda r: "the cost is $9 per seat; $8 for students",
        lambda r: f"Docker-Content-Digest: sha256:{rand(r, HEX, 64)}",
    ),
    "credential_phrase": _p(
        lambda r: "Pasahitza ahaztu duzu?",
        lambda r: "Esqueciches o contrasinal?",
        lambda r: "Pogrešna šifra, pokušajte ponovo",
        lambda r: "ភ្លេចពាក្យសម្ងាត់?",
        lambda r: "ਪਾਸਵਰਡ ਗਲਤ ਹੈ, ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ",
        lambda r: "the password is stored in 1Password under 'prod db'",
    ),
    "email": _p(
        lambda r: f"postgres@db-{r.randrange(1, 9)}:~$ psql -c 'select 1'",
        lambda r: f"pnpm add @tanstack/react-query@5.{r.randrange(10, 60)}.0",
        lambda r: '<button @click="save">Gorde</button>',
        lambda r: "@media (min-width: 768px) { .nav { display: flex } }",
        lambda r: '"email": "***@***"',
    ),
    "ipv4": _p(
        lambda r: f'[assembly: AssemblyVersion("{r.randrange(1, 9)}.{r.randrange(0, 9)}.{r.randrange(0, 9)}.0")]',
        lambda r: (
            f"see section {r.randrange(1, 9)}.{r.randrange(1, 9)}.{r.randrange(1, 9)}.{r.randrange(1, 9)} "
            "of the contract"
        ),
        lambda r: "Oracle Database 19c Enterprise Edition Release 19.0.0.0.0 - Production",
        lambda r: f"Nextcloud 30.0.{r.randrange(1, 6)}.{r.randrange(1, 3)} is available",
    ),
    "ipv6": _p(
        lambda r: "use tokio::sync::mpsc;",
        lambda r: "example address 2001:db8:85a3::8a2e:370:7334 (RFC 3849)",
        lambda r: f"uptime 3d 04:{r.randrange(10, 59)}:{r.randrange(10, 59)}",
    ),
    "phone": _p(
        lambda r: f"call {v.unmarked_invalid_phone(r, _um_regions())}",
        lambda r: f"MoMo transaction ID {v.no_phone_digits(r, 11, _um_regions())}",
        lambda r: f"GPS 12.{r.randrange(100000, 999999)}, -86.{r.randrange(100000, 999999)}",
        lambda r: f"invoice BH-2026-{r.randrange(100000, 999999)}",
        lambda r: f"ZWG {r.randrange(1, 999)} {r.randrange(100, 999)} {r.randrange(100, 999)}.00 paid",
    ),
    "payment_card": _p(
        lambda r: f"card {_um_luhn_failing(r)} rejected: invalid number",
        lambda r: f"ICCID {_iccid(r)} activated",
        lambda r: "card 4000 0566 5566 5556 (Stripe test debit card)",
        lambda r: f"card {rand(r, string.digits, 6)}XXXXXX{rand(r, string.digits, 4)} authorised",
        lambda r: f"transfer to {v.unmarked_iban(r, country='NO')} booked",
    ),
    "iban": _p(
        lambda r: f"account {v.unmarked_iban(r, valid=False)}",
        lambda r: "IBAN: BY13 NBRB 3600 9000 0000 2Z00 AB00 (example from the IBAN registry)",
        lambda r: "SWIFT: BMAGBHBM",
        lambda r: f"UETR {_uuid(r)}",
    ),
}

# Own negatives that truthfully hold another class: a hash where a password should be, a hash in place of an
# IDENTIFIED BY password, an htpasswd hash in a Traefik label, an IBAN in a card-like negative.
UNMARKED_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("password_assignment", 5): frozenset({"password_hash"}),
    ("sql_identified_by", 0): frozenset({"password_hash"}),
    ("sql_identified_by", 1): frozenset({"password_hash"}),
    ("basic_auth", 0): frozenset({"password_hash"}),
    ("payment_card", 4): frozenset({"iban"}),
}


# ---------------------------------------------------------------------------- the unwritten split's own shapes
#
# Written for the fifteenth split only, by a ninth session that did not read the rules (``build_corpus("unwritten")``
# puts them before the shared generators, as for the splits since hidden): values as Jupyter ``%env`` magics, R's
# ``Sys.setenv``, Streamlit ``secrets.toml``, AutoGen, CrewAI and Semantic Kernel constructors, STS XML replies,
# Hadoop ``fs.s3a`` properties, Thanos object-store configs, Composer ``github-oauth`` and ``auth.json``, ``git
# credential fill`` output, ``git -c http.extraHeader``, Octokit and Bolt clients, glab configs, GitLab feature-flag
# (Unleash) clients, Argo CD notification secrets, Stripe and Shopify CLIs, Dart and Python Gemini clients, Grafana
# ini sections, oauth2-proxy variables, Pulumi secrets, Bun and Yarn registry configs, Hatch and Flit uploads, pydo,
# aiogram and Telegraf bots, Event Hubs' Kafka JAAS, Web PubSub connection strings, PowerShell downloads, kubeconfigs,
# ALB OIDC headers, PuTTY keys, APNs ``.p8`` JSON, Terraform state, pip.conf, JDBC for SQL Server, Neo4j, WebDAV and
# CouchDB URLs, ``wp-config.php``, Windows ``unattend.xml``, Elixir configs, ``kubectl create secret``, ``ALTER LOGIN``,
# psycopg, fetchmail, SQL dialects (Oracle common users, ClickHouse ``VALID UNTIL``, MySQL ``RETAIN CURRENT
# PASSWORD``, Exasol), ``curl --oauth2-bearer``, reqwest's ``bearer_auth``, Caddy ``header_up``, session cookies of
# Shibboleth, mod_auth_openidc, ForgeRock AM, SiteMinder, F5 APM, TYPO3, Shopify, MediaWiki and Discourse, tokens of
# Fly.io, Netlify and Codecov, secrets of LiveKit, Pusher and Auth.js, password hashes of fifteen more families (MySQL
# ``caching_sha2``, Cisco ASA, FortiOS, SAP, Jenkins, Mosquitto, OpenLDAP PBKDF2, Magento 2...), cards of twelve more
# networks, IBANs of nine new countries (Monaco's with its RIB key, San Marino's with its CIN), phone numbers of eight
# new regions as their people write them, and sentences in Welsh, Maltese, Yoruba, Amharic and Sinhala; and
# look-alikes that are not findings (vendor error messages that mask the key, admin-API key ids, AWS ids of other
# kinds, ``x-amz-id-2``, ``pypi-attestations``, ``npm_config_*``, lookalike prefixes inside words, detached JWS,
# RFC 4716 public keys, certificates in ``tls.crt``, ``Bearer undefined``, load-balancer and consent cookies, Twilio
# call SIDs, checksums in HTTP headers, OIDs and four-part versions, tax numbers and invalid phone numbers, documented
# test cards, registry example IBANs). ``UNWRITTEN_NEGATIVE_LABELS`` gives the true labels of the few own negatives
# that hold another class (indices into ``UNWRITTEN_NEGATIVES[id]``).


def _uw_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _uw_password(r: random.Random) -> str:
    return v.unwritten_password(r)


def _uw_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unwritten_password(r), safe="")


def _uw_luhn_failing(r: random.Random) -> str:
    return v.wrong_last_digit(r, v.unwritten_card(r))


def _uw_b64_16(r: random.Random) -> str:
    return v.b64(r.randbytes(16))


def _shib_session(r: random.Random) -> str:
    """A Shibboleth SP session cookie: ``_shibsession_`` and a hash of the application, the session key."""
    return f"_shibsession_{rand(r, HEX, 64)}=_{rand(r, HEX, 32)}"


def _forgerock_token(r: random.Random) -> str:
    """A ForgeRock AM (OpenAM) SSO token as ``iPlanetDirectoryPro`` holds it."""
    return f"AQIC5wM2LY4Sfc{rand(r, ALNUM + '-_', 48)}.*AAJTSQACMDEAAlNLABQt{r.randrange(10**18, 10**19)}AAJTMQAA*"


def _rails7_encrypted(r: random.Random) -> str:
    """A Rails 7 encrypted cookie (data, iv, auth tag; base64, URL-encoded)."""
    parts = (v.b64(r.randbytes(r.randrange(120, 220))), v.b64(r.randbytes(12)), v.b64(r.randbytes(16)))
    return "--".join(urllib.parse.quote(p, safe="") for p in parts)


def _putty_key(r: random.Random) -> str:
    """An unencrypted PuTTY private key file (PPK version 3) for an Ed25519 key."""
    public = v.b64(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + r.randbytes(32))
    private = v.b64(b"\x00\x00\x00\x20" + r.randbytes(32))
    return (
        "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n"
        f"Comment: {pick(r, 'carys@gwaith', 'deploy@mdina', 'ci@kandy')}\nPublic-Lines: 2\n"
        f"{public[:64]}\n{public[64:]}\nPrivate-Lines: 1\n{private}\nPrivate-MAC: {rand(r, HEX, 64)}"
    )


_P256_PKCS8_HEAD = bytes.fromhex("308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420")


def _p8_key(r: random.Random) -> str:
    """An Apple ``.p8`` key (PKCS#8, EC P-256) as a PEM with its lines joined by ``\\n`` (a JSON string)."""
    der = _P256_PKCS8_HEAD + r.randbytes(32) + bytes.fromhex("a14403420004") + r.randbytes(64)
    body = v.b64(der)
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "\\n".join(["-----BEGIN PRIVATE KEY-----", *lines, "-----END PRIVATE KEY-----"])


def _rsa_pem_escaped(r: random.Random) -> str:
    body = v.b64(r.randbytes(r.randrange(300, 420)))
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "\\n".join(["-----BEGIN RSA PRIVATE KEY-----", *lines, "-----END RSA PRIVATE KEY-----"]) + "\\n"


def _iban_with_card_run_eg(r: random.Random) -> str:
    """An Egyptian IBAN whose last 16 digits pass Luhn: a card-like run that is the IBAN's, not a card."""
    while True:
        value = v.unwritten_iban(r, country="EG", grouped=False)
        if v.luhn_ok(value[-16:]):
            return value


UNWRITTEN_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f"%env OPENAI_API_KEY={v.openai_legacy(r)}",
        lambda r: f'Sys.setenv(OPENAI_API_KEY = "{v.openai_legacy(r)}")',
    ),
    "openai_project_key": _p(
        lambda r: f'[openai]\napi_key = "{v.openai_project(r)}"\nmodel = "gpt-4o-mini"',
        lambda r: f'model_client = OpenAIChatCompletionClient(model="gpt-4o", api_key="{v.openai_project(r)}")',
        lambda r: (
            f'kernel.add_service(OpenAIChatCompletion(ai_model_id="gpt-4o-mini", api_key="{v.unnamed_proj_key(r)}"))'
        ),
        lambda r: f"llm:\n  provider: openai\n  config:\n    model: gpt-4o-mini\n    api_key: {v.openai_project(r)}",
    ),
    "anthropic_api_key": _p(
        lambda r: f'Sys.setenv(ANTHROPIC_API_KEY = "{v.anthropic(r)}")',
        lambda r: f'llm = LLM(model="anthropic/claude-3-7-sonnet-latest", api_key="{v.anthropic(r)}")',
        lambda r: f'export const anthropic = new Anthropic({{ apiKey: "{v.anthropic(r)}" }});',
    ),
    "deepseek_api_key": _p(
        lambda r: f"%env DEEPSEEK_API_KEY={v.deepseek(r)}",
        lambda r: f'llm = LLM(model="deepseek/deepseek-chat", api_key="{v.deepseek(r)}")',
    ),
    "aws_access_key_id": _p(
        lambda r: f"<AccessKeyId>{v.aws_key_id(r)}</AccessKeyId>",
        lambda r: f'Sys.setenv(AWS_ACCESS_KEY_ID = "{v.aws_key_id(r)}")',
        lambda r: f"spark.hadoop.fs.s3a.access.key={v.aws_key_id(r)}",
    ),
    "aws_secret_access_key": _p(
        lambda r: f"<SecretAccessKey>{v.aws_secret(r)}</SecretAccessKey>",
        lambda r: f"spark.hadoop.fs.s3a.secret.key={v.aws_secret(r)}",
        lambda r: (
            "type: S3\nconfig:\n  bucket: acme-thanos\n  endpoint: s3.eu-west-2.amazonaws.com\n"
            f'  secret_key: "{v.aws_secret(r)}"'
        ),
    ),
    "aws_session_token": _p(
        lambda r: f"<SessionToken>{v.untold_sts_token(r)}</SessionToken>",
        lambda r: f"spark.hadoop.fs.s3a.session.token={v.untold_sts_token(r)}",
        lambda r: f'Sys.setenv(AWS_SESSION_TOKEN = "{v.aws_session_token(r)}")',
    ),
    "github_classic_token": _p(
        lambda r: f"composer config --global github-oauth.github.com {v.github_token(r, 'ghp')}",
        lambda r: f"GITHUB_TOKEN={v.github_token(r, 'ghp')} goreleaser release --clean",
    ),
    "github_oauth_token": _p(
        lambda r: (
            "$ git credential fill\nprotocol=https\nhost=github.com\nusername=carys-h\n"
            f"password={v.github_token(r, 'gho')}"
        ),
    ),
    "github_app_token": _p(
        lambda r: f'client = Octokit::Client.new(access_token: "{v.github_token(r, "ghs")}")',
        lambda r: f'echo "token={v.github_token(r, "ghs")}" >> "$GITHUB_OUTPUT"',
    ),
    "github_refresh_token": _p(
        lambda r: f"github:\n  refresh_token: {v.github_token(r, 'ghr')}\n  refresh_token_expires_at: 2026-07-12",
    ),
    "github_fine_grained_token": _p(
        lambda r: (
            'git -c http.extraHeader="Authorization: Bearer github_pat_'
            + rand(r, ALNUM, 22)
            + "_"
            + rand(r, ALNUM, 59)
            + '" clone https://github.com/acme/infra.git'
        ),
        lambda r: '[github]\ntoken = "github_pat_' + rand(r, ALNUM, 22) + "_" + rand(r, ALNUM, 59) + '"',
    ),
    "gitlab_token": _p(
        lambda r: (
            f"hosts:\n    gitlab.acme.cymru:\n        token: glpat-{rand(r, ALNUM + '_-', 20)}\n"
            "        api_protocol: https"
        ),
        lambda r: (
            "unleash: url=https://gitlab.acme.cymru/api/v4/feature_flags/unleash/42 "
            f"instance_id=glffct-{rand(r, ALNUM + '_-', 20)} app_name=production"
        ),
        lambda r: (
            f"git clone https://gitlab-ci-token:glcbt-{rand(r, ALNUM + '_-', 20)}@gitlab.acme.cymru/ops/infra.git"
        ),
    ),
    "slack_token": _p(
        lambda r: f'app = App(token="{v.slack_token(r)}", signing_secret=os.environ["SLACK_SIGNING_SECRET"])',
        lambda r: f"stringData:\n  slack-token: {v.slack_token(r)}",
    ),
    "slack_webhook": _p(
        lambda r: (
            "service.webhook.slack: |\n  url: https://hooks.slack.com/services/T"
            + rand(r, string.ascii_uppercase + string.digits, 10)
            + "/B"
            + rand(r, string.ascii_uppercase + string.digits, 10)
            + "/"
            + rand(r, ALNUM, 24)
        ),
        lambda r: (
            'requests.post("https://hooks.slack.com/services/T'
            + rand(r, string.ascii_uppercase + string.digits, 10)
            + "/B"
            + rand(r, string.ascii_uppercase + string.digits, 10)
            + "/"
            + rand(r, ALNUM, 24)
            + '", json={"text": msg}, timeout=5)'
        ),
    ),
    "stripe_key": _p(
        lambda r: f'Stripe.apiKey = "{v.stripe_key(r)}";',
        lambda r: f"stripe listen --api-key rk_live_51{rand(r, ALNUM, 97)} --forward-to localhost:4242/webhook",
    ),
    "google_api_key": _p(
        lambda r: f'genai.configure(api_key="AIza{rand(r, ALNUM + "_-", 35)}")',
        lambda r: (
            f"final model = GenerativeModel(model: 'gemini-1.5-flash', apiKey: 'AIza{rand(r, ALNUM + '_-', 35)}');"
        ),
    ),
    "google_oauth_client_secret": _p(
        lambda r: f"[auth.google]\nenabled = true\nclient_secret = GOCSPX-{rand(r, ALNUM + '_-', 28)}",
        lambda r: f"OAUTH2_PROXY_CLIENT_SECRET=GOCSPX-{rand(r, ALNUM + '_-', 28)}",
    ),
    "gcp_oauth_token": _p(
        lambda r: f'creds = google.oauth2.credentials.Credentials(token="{v.untold_gcp_access_token(r)}")',
        lambda r: (
            f"curl -H 'X-Goog-User-Project: acme-cymru' --oauth2-bearer {v.untold_gcp_access_token(r)} "
            "https://bigquery.googleapis.com/bigquery/v2/projects/acme-cymru/datasets"
        ),
    ),
    "clickhouse_cloud_key": _p(
        lambda r: f"pulumi config set --secret clickhouse:tokenSecret {v.clickhouse_secret(r)}",
        lambda r: (
            f'requests.get("https://api.clickhouse.cloud/v1/organizations", auth=("{rand(r, ALNUM, 20)}", '
            f'"{v.clickhouse_secret(r)}"))'
        ),
    ),
    "twilio_api_key": _p(
        lambda r: f'client = Client("SK{rand(r, HEX, 32)}", os.environ["TWILIO_API_SECRET"], account_sid)',
        lambda r: f"$twilio = new Client('SK{rand(r, HEX, 32)}', getenv('TWILIO_API_SECRET'), $accountSid);",
    ),
    "sendgrid_api_key": _p(
        lambda r: f"sgMail.setApiKey('SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}');",
        lambda r: f'EMAIL_HOST_PASSWORD = "SG.{rand(r, ALNUM + "_-", 22)}.{rand(r, ALNUM + "_-", 43)}"',
    ),
    "huggingface_token": _p(
        lambda r: (
            f'pipe = pipeline("text-generation", model="meta-llama/Llama-3.2-1B", token="hf_{rand(r, ALNUM, 34)}")'
        ),
        lambda r: f'HfApi(token="hf_{rand(r, ALNUM, 34)}").upload_folder(folder_path="out", repo_id="acme/ner-cy")',
    ),
    "npm_token": _p(
        lambda r: (
            '[install.scopes]\n"@acme" = { token = "npm_'
            + rand(r, ALNUM, 36)
            + '", url = "https://registry.npmjs.org/" }'
        ),
        lambda r: f'"//registry.npmjs.org/:_authToken" "npm_{rand(r, ALNUM, 36)}"',
    ),
    "pypi_token": _p(
        lambda r: f"hatch publish -u __token__ -a pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}",
        lambda r: f"FLIT_PASSWORD=pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)} flit publish",
    ),
    "shopify_token": _p(
        lambda r: f'const session = {{ shop: "acme-mt.myshopify.com", accessToken: "shpat_{rand(r, HEX, 32)}" }};',
        lambda r: f"shopify theme push --store acme-mt --password shptka_{rand(r, HEX, 32)}",
    ),
    "digitalocean_token": _p(
        lambda r: f'client = pydo.Client(token="dop_v1_{rand(r, HEX, 64)}")',
        lambda r: f"- community.digitalocean.digital_ocean_droplet:\n    oauth_token: dop_v1_{rand(r, HEX, 64)}",
    ),
    "telegram_bot_token": _p(
        lambda r: f'bot = Bot(token="{r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + "_-", 33)}")',
        lambda r: f'const bot = new Telegraf("{r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + "_-", 33)}");',
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
            'username="$ConnectionString" password="Endpoint=sb://acme-cymru.servicebus.windows.net/;'
            f'SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={v.b64(r.randbytes(32))}";'
        ),
        lambda r: (
            'BlobServiceClient.from_connection_string("DefaultEndpointsProtocol=https;AccountName=acmecymru'
            f"{rand(r, string.ascii_lowercase, 3)};AccountKey={v.azure_account_key(r)};"
            'EndpointSuffix=core.windows.net")'
        ),
        lambda r: f"Endpoint=https://acme-chat.webpubsub.azure.com;AccessKey={v.b64(r.randbytes(32))};Version=1.0;",
    ),
    "azure_sas_token": _p(
        lambda r: (
            'Invoke-WebRequest -Uri "https://acmecymru.blob.core.windows.net/backups/erp.bak?sv=2022-11-02&sr=b&sp=r'
            f'&se=2026-01-20T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}" -OutFile erp.bak'
        ),
        lambda r: (
            'BlobClient.from_blob_url("https://acmemt.blob.core.windows.net/exports/orders.parquet?sp=r'
            f'&st=2026-01-12T08:00:00Z&se=2026-01-13T08:00:00Z&spr=https&sv=2022-11-02&sr=b&sig={v.azure_sas_sig(r)}")'
        ),
    ),
    "jwt": _p(
        lambda r: f"users:\n- name: deployer\n  user:\n    token: {v.k8s_service_account_token(r)}",
        lambda r: f"x-amzn-oidc-data: {v.alb_oidc_data(r)}",
        lambda r: f'{{"id_token": "{v.jwt(r)}", "token_type": "Bearer", "expires_in": 300}}',
    ),
    "private_key": _p(
        _putty_key,
        lambda r: (
            f'{{"apns": {{"keyId": "{rand(r, string.ascii_uppercase + string.digits, 10)}", "key": "{_p8_key(r)}"}}}}'
        ),
        lambda r: (
            '"type": "tls_private_key", "name": "deploy", "instances": [{"attributes": {"algorithm": "RSA", '
            f'"private_key_pem": "{_rsa_pem_escaped(r)}"}}}}]'
        ),
    ),
    "url_credentials": _p(
        lambda r: f"[global]\nindex-url = https://ci:{_uw_url_password(r)}@pypi.acme.cymru/simple/",
        lambda r: (
            f"jdbc:sqlserver://mssql.internal:1433;databaseName=erp;user=sa;password={_uw_password(r)};encrypt=true"
        ),
        lambda r: f"NEO4J_URI=neo4j+s://neo4j:{_uw_url_password(r)}@graph.acme.internal:7687",
        lambda r: f"davs://backup:{_uw_url_password(r)}@cloud.acme.cymru/remote.php/dav/files/backup/",
        lambda r: f"COUCHDB_URL=http://admin:{_uw_url_password(r)}@couchdb.internal:5984",
    ),
    "password_assignment": _p(
        lambda r: f"define( 'DB_PASSWORD', '{_uw_password(r)}' );",
        lambda r: (
            f"<AdministratorPassword>\n  <Value>{_uw_password(r)}</Value>\n  <PlainText>true</PlainText>\n"
            "</AdministratorPassword>"
        ),
        lambda r: (
            f'config :acme, Acme.Repo, username: "postgres", password: "{_uw_password(r)}", hostname: "db.internal"'
        ),
        lambda r: f"kubectl create secret generic mysql --from-literal=password='{_uw_password(r)}'",
        lambda r: f"ALTER LOGIN sa WITH PASSWORD = '{_uw_password(r)}';",
        lambda r: f'psycopg.connect(host="db.internal", dbname="orders", user="app", password="{_uw_password(r)}")',
        lambda r: f'poll imap.acme.cymru protocol IMAP user "carys" password "{_uw_password(r)}" ssl',
        lambda r: (
            f'{{"http-basic": {{"repo.packagist.com": {{"username": "token", "password": "{_uw_password(r)}"}}}}}}'
        ),
    ),
    "sql_identified_by": _p(
        lambda r: (
            f"CREATE USER c##etl IDENTIFIED BY {rand(r, string.ascii_letters, 8)}{r.randrange(10, 99)} CONTAINER=ALL;"
        ),
        lambda r: (
            f"ALTER USER reporter IDENTIFIED WITH sha256_password BY '{_uw_password(r)}' VALID UNTIL '2026-12-31'"
        ),
        lambda r: f"ALTER USER 'app'@'%' IDENTIFIED BY '{_uw_password(r)}' RETAIN CURRENT PASSWORD;",
        lambda r: f'CREATE USER loader IDENTIFIED BY "{_uw_password(r)}";\nGRANT CREATE SESSION TO loader;',
    ),
    "bearer_token": _p(
        lambda r: f"curl --oauth2-bearer {v.opaque_token(r)} https://api.acme.cymru/v1/me",
        lambda r: f'let resp = client.get(url).bearer_auth("{v.opaque_token(r)}").send().await?;',
        lambda r: f'git -c http.extraHeader="Authorization: Bearer {v.opaque_token(r)}" fetch origin',
    ),
    "basic_auth": _p(
        lambda r: (
            'reverse_proxy localhost:9000 {\n  header_up Authorization "Basic '
            + v.b64(f"minio:{_uw_password(r)}".encode())
            + '"\n}'
        ),
        lambda r: (
            'conn.setRequestProperty("Authorization", "Basic ' + v.b64(f"svc-mdina:{_uw_password(r)}".encode()) + '");'
        ),
        lambda r: (
            'git -c http.extraHeader="Authorization: Basic '
            + v.b64(f"ci:{_uw_password(r)}".encode())
            + '" clone https://git.acme.cymru/ops/infra.git'
        ),
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: {_shib_session(r)}",
        lambda r: f"Cookie: mod_auth_openidc_session={_uuid(r)}",
        lambda r: f"Cookie: amlbcookie=01; iPlanetDirectoryPro={_forgerock_token(r)}",
        lambda r: f"Cookie: SMSESSION={v.b64(r.randbytes(r.randrange(240, 400)))}",
        lambda r: f"Cookie: LastMRH_Session={rand(r, HEX, 8)}; MRHSession={rand(r, HEX, 32)}",
        lambda r: f"Cookie: fe_typo_user={rand(r, HEX, 32)}",
        lambda r: f"Cookie: _shopify_y={_uuid(r)}; _secure_session_id={rand(r, HEX, 32)}",
        lambda r: (
            f"Cookie: wikidb_session={rand(r, string.ascii_lowercase + string.digits, 32)}; "
            f"wikidbUserID={r.randrange(2, 9000)}; wikidbUserName=Carys"
        ),
        lambda r: f"Cookie: _forum_session={_rails7_encrypted(r)}",
    ),
    "auth_token_assignment": _p(
        lambda r: f'tok := &oauth2.Token{{AccessToken: "{v.opaque_token(r)}", TokenType: "Bearer"}}',
        lambda r: f"CODECOV_TOKEN={_uuid(r)}",
        lambda r: f"FLY_API_TOKEN=FlyV1 fm2_{v.b64(r.randbytes(r.randrange(180, 260)))}",
        lambda r: f"NETLIFY_AUTH_TOKEN=nfp_{rand(r, ALNUM, 36)}",
    ),
    "generic_secret": _p(
        lambda r: f"[auth.generic_oauth]\nname = Keycloak\nclient_id = grafana\nclient_secret = {v.opaque_token(r)}",
        lambda r: f'AUTH_SECRET="{v.b64(r.randbytes(32))}"',
        lambda r: f"LIVEKIT_API_SECRET={rand(r, ALNUM, 43)}",
        lambda r: f"PUSHER_APP_SECRET={rand(r, HEX, 20)}",
        lambda r: f'{{"apiKey": "{rand(r, ALNUM, 12)}", "apiSecret": "{rand(r, ALNUM, 32)}"}}',
    ),
    "password_hash": _p(
        lambda r: f"basicauth /admin/* {{\n\tcarys {v.untold_password_hash(r, 'bcrypt')}\n}}",
        lambda r: f"sensor-{r.randrange(1, 40)}:{v.unwritten_password_hash(r, 'mosquitto')}",
        lambda r: f"<passwordHash>{v.unwritten_password_hash(r, 'jenkins_jbcrypt')}</passwordHash>",
        lambda r: f"username admin password {v.unwritten_password_hash(r, 'cisco_asa')} pbkdf2 privilege 15",
        lambda r: f"    set password ENC {v.unwritten_password_hash(r, 'fortigate_sh2')}",
        lambda r: f"| app  | %  | caching_sha2_password | {v.unwritten_password_hash(r, 'mysql_caching_sha2')} |",
        lambda r: f"userPassword: {v.unwritten_password_hash(r, 'openldap_pbkdf2')}",
        lambda r: (
            "UPDATE customer_entity SET password_hash = "
            f"'{v.unwritten_password_hash(r, 'magento2')}' WHERE entity_id = {r.randrange(2, 99999)};"
        ),
    ),
    "credential_phrase": _p(
        lambda r: f"Dyma dy gyfrinair newydd: {_uw_password(r)}",
        lambda r: f"Il-password il-ġdida tiegħek hija {_uw_password(r)}",
        lambda r: f"Ọ̀rọ̀ aṣínà tuntun rẹ ni {_uw_password(r)}",
        lambda r: f"አዲሱ የይለፍ ቃልዎ {_uw_password(r)} ነው",
        lambda r: f"ඔබේ නව මුරපදය {_uw_password(r)} වේ",
        lambda r: f"the VPN password for the Mdina office is {_uw_password(r)}",
        lambda r: f"use {_uw_password(r)} as the password for the shared printer account",
        lambda r: f"Cyfrinair y rhwydwaith yw {_uw_password(r)}",
    ),
    "email": _p(
        lambda r: f"Return-Path: <{v.unwritten_email(r)}>",
        lambda r: f'{{"username": "{v.unwritten_email(r)}", "enabled": true, "emailVerified": false}}',
        lambda r: f"ORGANIZER;CN=Carys Hughes:mailto:{v.unwritten_email(r)}",
        lambda r: f"    42\tCarys Hughes <{v.unwritten_email(r)}>",
        lambda r: f"ibgħatli email fuq {v.unwritten_email(r)}",
    ),
    "ipv4": _p(
        lambda r: f"ufw allow from {v.ipv4(r)} to any port 22 proto tcp",
        lambda r: f"fail2ban.actions [{r.randrange(100, 9999)}]: NOTICE [sshd] Ban {v.ipv4(r)}",
        lambda r: f"allow {v.ipv4(r)};",
        lambda r: (
            f'type="LOGIN_ERROR", realmName="acme", clientId="portal", userId="null", ipAddress="{v.ipv4(r)}", '
            'error="invalid_user_credentials"'
        ),
    ),
    "ipv6": _p(
        lambda r: f"ufw allow from {v.ipv6(r)} to any port 443 proto tcp",
        lambda r: f"fail2ban.actions [{r.randrange(100, 9999)}]: NOTICE [nginx-limit-req] Ban {v.ipv6(r)}",
        lambda r: (
            f'type="LOGIN", realmName="acme", clientId="grafana", ipAddress="{v.ipv6(r)}", auth_method="openid-connect"'
        ),
    ),
    "phone": _p(
        lambda r: f"ffonia fi ar {v.unwritten_phone(r, _uw_regions())}",
        lambda r: f"ibgħatli messaġġ fuq {v.unwritten_phone(r, _uw_regions())}",
        lambda r: f"pè mí sí {v.unwritten_phone(r, _uw_regions())}",
        lambda r: f"በ {v.unwritten_phone(r, _uw_regions())} ይደውሉልኝ",
        lambda r: f"මට {v.unwritten_phone(r, _uw_regions())} අංකයට කතා කරන්න",
        lambda r: f"appelez-moi au {v.unwritten_phone(r, ('CM', 'DZ'))}",
        lambda r: f"позвоните мне по номеру {v.unwritten_phone(r, ('MD', 'KG'))}",
        lambda r: f'"contactPhone": "{v.unwritten_phone(r, _uw_regions(), international_only=True)}"',
    ),
    "payment_card": _p(
        lambda r: f"DinaCard {v.unwritten_card(r, 'dinacard')}",
        lambda r: f"Borica {v.unwritten_card(r, 'borica')} declined",
        lambda r: f"картка ПРОСТІР {v.unwritten_card(r, 'prostir')}",
        lambda r: f"tarjeta Carnet {v.unwritten_card(r, 'carnet')}",
        lambda r: f'"pan": "{v.unwritten_card(r, pick(r, "naranja", "instapayment"), sep="")}"',
        lambda r: f"کارت شتاب {v.unwritten_card(r, 'shetab')}",
        lambda r: f"China T-Union {v.unwritten_card(r, 'tunion')}",
        lambda r: (
            f"card_no={v.unwritten_card(r, pick(r, 'lankapay', 'forbrugsforeningen', 'visa_electron', 'visa19'))}"
        ),
    ),
    "iban": _p(
        lambda r: f"IBAN: {v.unwritten_iban(r)}",
        lambda r: f"Bénéficiaire : Acme Monaco SAM, IBAN {v.unwritten_iban(r, country='MC')}",
        lambda r: f"Bonifico a {v.unwritten_iban(r, country='SM')} eseguito",
        lambda r: f"تحويل إلى الحساب {v.unwritten_iban(r, country=pick(r, 'EG', 'IQ'))}",
        lambda r: f"Überweisung auf {v.unwritten_iban(r, country='LI', grouped=False)}",
    ),
}

UNWRITTEN_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: 'Sys.setenv(OPENAI_API_KEY = Sys.getenv("OPENAI_KEY_PROD"))'),
    "openai_project_key": _p(
        lambda r: (
            "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: "
            f"sk-proj-{'*' * 40}{rand(r, ALNUM, 4)}.', 'type': 'invalid_request_error', 'code': 'invalid_api_key'}}}}"
        ),
        lambda r: 'model_client = OpenAIChatCompletionClient(model="gpt-4o", api_key=os.environ["OPENAI_API_KEY"])',
        lambda r: f'{{"object": "organization.admin_api_key", "id": "key_{rand(r, ALNUM, 16)}", "name": "ci"}}',
    ),
    "anthropic_api_key": _p(
        lambda r: '{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}',
        lambda r: (
            f'{{"type": "api_key", "id": "apikey_01{rand(r, ALNUM, 22)}", "name": "gateway", "status": "active"}}'
        ),
    ),
    "deepseek_api_key": _p(
        lambda r: f"kiosk-{rand(r, HEX, 32)} registered",
        lambda r: f"desk-{rand(r, HEX, 32)} assigned to queue cy-support",
    ),
    "aws_access_key_id": _p(
        lambda r: f'"GroupId": "AGPA{rand(r, string.ascii_uppercase + "234567", 17)}"',
        lambda r: f'"InstanceProfileId": "AIPA{rand(r, string.ascii_uppercase + "234567", 17)}"',
        lambda r: "spark.hadoop.fs.s3a.access.key=${env.AWS_ACCESS_KEY_ID}",
    ),
    "aws_secret_access_key": _p(
        lambda r: f"x-amz-id-2: {v.b64(r.randbytes(57))}",
        lambda r: "spark.hadoop.fs.s3a.secret.key=${env.AWS_SECRET_ACCESS_KEY}",
        lambda r: "<SecretAccessKey>[sensitive]</SecretAccessKey>",
    ),
    "aws_session_token": _p(lambda r: "spark.hadoop.fs.s3a.session.token="),
    "github_classic_token": _p(
        lambda r: "composer config --global github-oauth.github.com $GITHUB_TOKEN",
        lambda r: f"v1.4.2-{r.randrange(1, 40)}-g{rand(r, HEX, 7)}",
    ),
    "github_oauth_token": _p(lambda r: "$ git credential fill\nprotocol=https\nhost=github.com\nusername=carys-h"),
    "github_app_token": _p(lambda r: 'echo "token=***" >> "$GITHUB_OUTPUT"'),
    "github_fine_grained_token": _p(lambda r: '[github]\ntoken = "github_pat_<redacted>"'),
    "gitlab_token": _p(
        lambda r: "PRIVATE-TOKEN: [FILTERED]",
        lambda r: "unleash: url=https://gitlab.acme.cymru/api/v4/feature_flags/unleash/42 instance_id=${UNLEASH_ID}",
    ),
    "slack_token": _p(lambda r: 'app = App(token="xoxb-your-bot-token", signing_secret="your-signing-secret")'),
    "slack_webhook": _p(lambda r: "url: https://hooks.slack.com/services/$SLACK_WEBHOOK_PATH"),
    "stripe_key": _p(
        lambda r: f'{{"id": "evt_1{rand(r, ALNUM, 23)}", "object": "event", "type": "payment_intent.succeeded"}}',
        lambda r: "stripe listen --api-key $STRIPE_SECRET_KEY --forward-to localhost:4242/webhook",
    ),
    "google_api_key": _p(
        lambda r: "final model = GenerativeModel(model: 'gemini-1.5-flash', apiKey: 'YOUR_GEMINI_API_KEY');",
        lambda r: f"API key not valid. key=AIzaSy...{rand(r, ALNUM, 4)}",
    ),
    "google_oauth_client_secret": _p(lambda r: "[auth.google]\nclient_secret = $__env{GF_AUTH_GOOGLE_CLIENT_SECRET}"),
    "gcp_oauth_token": _p(lambda r: "creds = google.oauth2.credentials.Credentials(token=None, refresh_token=rt)"),
    "clickhouse_cloud_key": _p(
        lambda r: "pulumi config set --secret clickhouse:tokenSecret",
        lambda r: (
            f"organization 4b1d{rand(r, HEX, 4)}-{rand(r, HEX, 4)}-4{rand(r, HEX, 3)}-a{rand(r, HEX, 3)}-"
            f"{rand(r, HEX, 12)}"
        ),
    ),
    "twilio_api_key": _p(
        lambda r: f"CallSid=CA{rand(r, HEX, 32)}&CallStatus=completed",
        lambda r: f"IncomingPhoneNumber PN{rand(r, HEX, 32)} released",
    ),
    "sendgrid_api_key": _p(lambda r: "sgMail.setApiKey(process.env.SENDGRID_API_KEY);"),
    "huggingface_token": _p(
        lambda r: f"hf_transfer 0.1.{r.randrange(4, 9)} installed",
        lambda r: "HfApi(token=os.environ.get('HF_TOKEN')).whoami()",
    ),
    "npm_token": _p(
        lambda r: f"npm_config_user_agent=npm/10.{r.randrange(1, 9)}.{r.randrange(0, 9)} node/v22.12.0 linux x64",
        lambda r: '"//registry.npmjs.org/:_authToken" "${NPM_TOKEN}"',
    ),
    "pypi_token": _p(lambda r: f"pypi-attestations==0.0.{r.randrange(10, 30)}"),
    "shopify_token": _p(lambda r: f"shopify theme push --store acme-mt --password {'•' * 12}"),
    "digitalocean_token": _p(lambda r: 'client = pydo.Client(token=os.getenv("DIGITALOCEAN_TOKEN"))'),
    "telegram_bot_token": _p(lambda r: "const bot = new Telegraf(process.env.BOT_TOKEN);"),
    "azure_storage_connection_string": _p(
        lambda r: "AccountName=acmecymru;AccountKey=<storage-account-key>;EndpointSuffix=core.windows.net",
        lambda r: (
            "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
            'username="$ConnectionString" password="${EVENTHUB_CONNECTION_STRING}";'
        ),
    ),
    "azure_sas_token": _p(
        lambda r: "https://acmecymru.blob.core.windows.net/backups/erp.bak?sv=2022-11-02&sr=b&sp=r&se=2026-01-20",
    ),
    "jwt": _p(
        lambda r: f"x-jws-signature: eyJhbGciOiJFUzI1NiJ9..{v.b64url(r.randbytes(64))}",
        lambda r: f"x-amzn-oidc-identity: {_uuid(r)}",
        lambda r: 'users:\n- name: deployer\n  user:\n    token: ""',
    ),
    "private_key": _p(
        lambda r: (
            '---- BEGIN SSH2 PUBLIC KEY ----\nComment: "carys@gwaith"\n'
            f"{v.b64(b'AAAA' + r.randbytes(45))}\n---- END SSH2 PUBLIC KEY ----"
        ),
        lambda r: f"  tls.crt: {v.b64(('-----BEGIN CERTIFICATE-----' + chr(10) + v.b64(r.randbytes(48))).encode())}",
        lambda r: "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: aes256-cbc\nComment: imported-openssh-key",
    ),
    "url_credentials": _p(
        lambda r: "https_proxy=http://proxy.acme.internal:3128",
        lambda r: "jdbc:sqlserver://mssql.internal:1433;databaseName=erp;integratedSecurity=true;encrypt=true",
        lambda r: "NEO4J_URI=neo4j+s://graph.acme.internal:7687",
    ),
    "password_assignment": _p(
        lambda r: "define( 'DB_PASSWORD', getenv( 'WORDPRESS_DB_PASSWORD' ) );",
        lambda r: 'config :acme, Acme.Repo, password: System.get_env("DB_PASSWORD")',
        lambda r: "kubectl create secret generic mysql --from-file=password=./password.txt",
        lambda r: "ALTER LOGIN sa WITH PASSWORD = N'$(SA_PASSWORD)';",
        lambda r: f"<PasswordExpires>{r.randrange(30, 180)}</PasswordExpires>",
        lambda r: f'psycopg.connect(host="db.internal", user="app", password="{v.untold_password_hash(r, "bcrypt")}")',
    ),
    "sql_identified_by": _p(
        lambda r: "CREATE USER 'rotate'@'%' IDENTIFIED BY RANDOM PASSWORD;",
        lambda r: "CREATE USER c##sso IDENTIFIED GLOBALLY AS 'CN=sso,OU=apps,DC=acme,DC=cymru';",
        lambda r: (
            "CREATE USER 'legacy'@'%' IDENTIFIED WITH caching_sha2_password AS "
            f"'{v.unwritten_password_hash(r, 'mysql_caching_sha2')}';"
        ),
        lambda r: "CREATE USER krb IDENTIFIED WITH kerberos REALM 'ACME.CYMRU'",
    ),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer undefined",
        lambda r: 'curl --oauth2-bearer "$TOKEN" https://api.acme.cymru/v1/me',
        lambda r: "let resp = client.get(url).bearer_auth(&token).send().await?;",
    ),
    "basic_auth": _p(
        lambda r: 'header_up Authorization "Basic {env.MINIO_BASIC}"',
        lambda r: "auth_basic off;",
    ),
    "session_cookie": _p(
        lambda r: "Cookie: amlbcookie=01; AMAuthCookie=",
        lambda r: f"Cookie: NSC_wt_bqj_443=ffffffff09{rand(r, HEX, 8)}45525d5f4f58455e445a4a423660",
        lambda r: f"Cookie: wp-settings-time-1={_luhn_free_ts(r)[:10]}; wordpress_test_cookie=WP%20Cookie%20check",
        lambda r: "Set-Cookie: MRHSession=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/",
        lambda r: f"Cookie: _shopify_y={_uuid(r)}; cart_currency=EUR; localization=MT",
        lambda r: "Set-Cookie: mod_auth_openidc_session=; Max-Age=0; Path=/; Secure; HttpOnly",
    ),
    "auth_token_assignment": _p(
        lambda r: "CODECOV_TOKEN: ${{ secrets.CODECOV_TOKEN }}",
        lambda r: f"max_output_tokens={r.randrange(256, 8192)}",
        lambda r: "FLY_API_TOKEN=$(fly tokens create deploy -x 999999h)",
    ),
    "generic_secret": _p(
        lambda r: "define( 'AUTH_KEY', 'put your unique phrase here' );",
        lambda r: "[auth.generic_oauth]\nclient_secret = $__file{/etc/grafana/oauth_secret}",
        lambda r: '{"apiKey": "pk_cy_public", "apiSecret": "********"}',
    ),
    "password_hash": _p(
        lambda r: f"X-Goog-Hash: crc32c={v.b64(r.randbytes(4))},md5={v.b64(r.randbytes(16))}",
        lambda r: f"Content-MD5: {v.b64(r.randbytes(16))}",
        lambda r: f'ETag: W/"{rand(r, HEX, 40)}"',
        lambda r: f"{rand(r, HEX, 7)} Merge pull request #{r.randrange(100, 999)} from acme/cy-translations",
        lambda r: f'"contentSha1": "{rand(r, HEX, 40)}", "fileName": "backups/erp.bak"',
    ),
    "credential_phrase": _p(
        lambda r: "Wedi anghofio eich cyfrinair?",
        lambda r: "Il-password mhix korretta, erġa' pprova",
        lambda r: "Ṣé o gbàgbé ọ̀rọ̀ aṣínà rẹ?",
        lambda r: "የይለፍ ቃልዎን ረሱ?",
        lambda r: "මුරපදය අමතකද?",
        lambda r: "Password: see the 'Mdina VPN' item in the team vault",
    ),
    "email": _p(
        lambda r: "@Transactional(readOnly = true)",
        lambda r: "git@gitlab.acme.cymru:platform/api.git",
        lambda r: "contact: {{ support_email }}",
        lambda r: "name@example.org",
        lambda r: f"@carys.hughes reviewed PR #{r.randrange(100, 999)}",
    ),
    "ipv4": _p(
        lambda r: "OID 2.5.4.3 (commonName)",
        lambda r: f"OpenJDK 21.0.{r.randrange(1, 9)}.{r.randrange(1, 12)} (build 21.0.5+11-LTS)",
        lambda r: f"Elixir 1.17.{r.randrange(0, 4)}.0 / OTP 27",
        lambda r: f"Keycloak 26.0.{r.randrange(1, 8)}.1 started",
    ),
    "ipv6": _p(
        lambda r: f"arn:aws:iam::{v.UNWRITTEN_ACCOUNT}:role/deploy",
        lambda r: f"uptime 12:{r.randrange(10, 59)}:{r.randrange(10, 59)}:{r.randrange(10, 59)}",
        lambda r: "** (FunctionClauseError) no function clause matching in Acme.Worker.handle_info/2",
    ),
    "phone": _p(
        lambda r: f"call {v.unwritten_invalid_phone(r, _uw_regions())}",
        lambda r: f"TIN {v.no_phone_digits(r, 9, _uw_regions())}",
        lambda r: f"ticket MZ-{v.no_phone_digits(r, 8, _uw_regions())} closed",
        lambda r: "+1 876 000 0000",
    ),
    "payment_card": _p(
        lambda r: f"card {_uw_luhn_failing(r)} rejected: invalid number",
        lambda r: "card 3530 1113 3330 0000 (JCB test card)",
        lambda r: "card 6011 0009 9013 9424 (Discover test card)",
        lambda r: f"DinaCard 9891 **** **** {rand(r, string.digits, 4)}",
        lambda r: f"transfer to {_iban_with_card_run_eg(r)} booked",
    ),
    "iban": _p(
        lambda r: f"account {v.unwritten_iban(r, valid=False)}",
        lambda r: "IBAN: SM86 U032 2509 8000 0000 0270 100 (example from the IBAN registry)",
        lambda r: "BIC: BPMOMCMX",
    ),
}

# Own negatives that truthfully hold another class: a bcrypt hash where a password should be, a caching_sha2 hash in
# ``IDENTIFIED ... AS``, and a card-like run inside an IBAN.
UNWRITTEN_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("password_assignment", 5): frozenset({"password_hash"}),
    ("sql_identified_by", 2): frozenset({"password_hash"}),
    ("payment_card", 4): frozenset({"iban"}),
}


# ---------------------------------------------------------------------------- the unsaid split's own shapes
#
# Written for the sixteenth split only, by a tenth session that did not read the rules (``build_corpus("unsaid")`` puts
# them before the shared generators, as for the splits since hidden): values in MCP server configs, Claude Code
# settings, DSPy and Pydantic AI constructors, LiteLLM proxy YAML, rclone and ``.netrc`` files, ``gh`` and ``glab``
# host files, GitLab runner ``config.toml``, Terraform provider blocks (AWS, GitHub, GitLab, Google, DigitalOcean,
# ClickHouse), boto3 calls, ECS container credentials, Postfix ``sasl_passwd``, Yarn Berry and ``.pypirc`` registries,
# ``uv publish``, python-telegram-bot, Android manifests, azcopy, IAP assertions, age and OpenSSH keys in Kubernetes
# Secrets, Celery, SQLAlchemy, MQTT and FTP URLs, Quarkus and Hibernate properties, ``my.cnf``, URL-encoded OAuth form
# bodies, Laravel configs, Ansible variables, old MySQL ``GRANT ... IDENTIFIED BY``, ClickHouse ``plaintext_password``,
# wget and gRPC headers, Prometheus ``authorization`` blocks, session cookies of Metabase, Rancher, Rocket.Chat, Plone,
# ColdFusion, ASP.NET Core, SimpleSAMLphp and Proxmox, Cloudflare and Infisical tokens, Langfuse and Laravel secrets,
# password hashes of thirteen more families (SQL Server 2005, MongoDB and Kafka SCRAM, AIX, Django MD5, Joomla, LDAP
# MD5 and PBKDF2-SHA256, SM3 crypt, defuse, Spring's old ``{sha256}``, GRUB 2), cards of ten more networks, IBANs of
# nine new countries, phone numbers of eight new regions and sentences in Marathi, Telugu, Zulu, Irish, Lao and
# Chichewa; and look-alikes that are not findings (environment references, Langfuse public keys, AWS role and policy
# ids, IAM signatures, bad checksums, Slack and Twilio ids, publishable keys, ``age`` recipients and SSH public keys,
# default broker credentials, WWW-Authenticate challenges, device and consent cookies, file digests and LFS pointers,
# CUDA versions, Bluetooth addresses, ISBNs, IMEIs that pass Luhn, documented test cards and registry example IBANs).
# ``UNSAID_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class.


def _us_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _us_password(r: random.Random) -> str:
    return v.unsaid_password(r)


def _us_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unsaid_password(r), safe="")


def _us_phone(r: random.Random) -> str:
    return v.unsaid_phone(r, _us_regions())


def _us_luhn_failing(r: random.Random) -> str:
    return v.wrong_last_digit(r, v.unsaid_card(r))


def _us_slack_hook(r: random.Random) -> str:
    return (
        "https://hooks.slack.com/services/T"
        + rand(r, string.ascii_uppercase + string.digits, 10)
        + "/B"
        + rand(r, string.ascii_uppercase + string.digits, 10)
        + "/"
        + rand(r, ALNUM, 24)
    )


def _us_openssh_key(r: random.Random) -> str:
    body = v.b64(b"openssh-key-v1\x00" + r.randbytes(r.randrange(200, 260)))
    lines = [body[i : i + 70] for i in range(0, len(body), 70)]
    return "\n".join(["-----BEGIN OPENSSH PRIVATE KEY-----", *lines, "-----END OPENSSH PRIVATE KEY-----"])


_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _age_secret(r: random.Random) -> str:
    """An age X25519 identity: ``AGE-SECRET-KEY-1`` and 58 bech32 characters, upper case."""
    return "AGE-SECRET-KEY-1" + rand(r, _BECH32, 58).upper()


def _imei(r: random.Random) -> str:
    """A device IMEI (a TAC, a serial, a Luhn check digit): 15 digits that pass Luhn and are no card."""
    body = pick(r, "35209900", "35332811", "86691504", "35875408") + rand(r, string.digits, 6)
    digits = body + v._luhn_digit(body)
    return f"{digits[:2]}-{digits[2:8]}-{digits[8:14]}-{digits[14]}"


def _us_client_id(r: random.Random) -> str:
    digits = v.no_phone_digits(r, 12, _us_regions())
    return f"{digits}-{rand(r, string.ascii_lowercase + string.digits, 32)}.apps.googleusercontent.com"


def _proxmox_ticket(r: random.Random) -> str:
    """A Proxmox VE ``PVEAuthCookie``: ``PVE:user@realm:hex time::`` and a base64 signature (URL-encoded)."""
    ticket = f"PVE:{pick(r, 'root@pam', 'ops@pve', 'chanda@pve')}:{rand(r, '0123456789ABCDEF', 8)}::"
    return urllib.parse.quote(ticket + v.b64(r.randbytes(r.randrange(200, 260))), safe="")


def _us_gl_example(r: random.Random) -> str:
    return "GL89 6471 0001 0002 06"


UNSAID_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: (
            '{"mcpServers": {"openai": {"command": "npx", "args": ["-y", "@acme/openai-mcp"], '
            f'"env": {{"OPENAI_API_KEY": "{v.openai_legacy(r)}"}}}}}}'
        ),
        lambda r: f"[llm]\nprovider = openai\nopenai.api_key = {v.openai_legacy(r)}\nmodel = gpt-3.5-turbo",
    ),
    "openai_project_key": _p(
        lambda r: f'lm = dspy.LM("openai/gpt-4o-mini", api_key="{v.openai_project(r)}")',
        lambda r: f'model = OpenAIModel("gpt-4o", provider=OpenAIProvider(api_key="{v.openai_project(r)}"))',
        lambda r: json.dumps(json.dumps({"OPENAI_API_KEY": v.openai_project(r), "OPENAI_ORG": "org-acme"})),
        lambda r: (
            '{"mcpServers": {"search": {"command": "uvx", "args": ["acme-search-mcp"], '
            f'"env": {{"OPENAI_API_KEY": "{v.openai_project(r)}"}}}}}}'
        ),
    ),
    "anthropic_api_key": _p(
        lambda r: f'{{"env": {{"ANTHROPIC_API_KEY": "{v.anthropic(r)}"}}, "model": "claude-sonnet-4-5"}}',
        lambda r: f"docker run -e ANTHROPIC_API_KEY={v.anthropic(r)} ghcr.io/acme/agent:1.4 --task nightly",
        lambda r: (
            "model_list:\n  - model_name: claude\n    litellm_params:\n"
            "      model: anthropic/claude-3-5-sonnet-latest\n"
            f"      api_key: {v.anthropic(r)}"
        ),
    ),
    "deepseek_api_key": _p(
        lambda r: f'lm = dspy.LM("deepseek/deepseek-chat", api_key="{v.deepseek(r)}")',
        lambda r: f'[providers.deepseek]\napi_key = "{v.deepseek(r)}"\nbase_url = "https://api.deepseek.com"',
    ),
    "aws_access_key_id": _p(
        lambda r: f"[s3-backup]\ntype = s3\nprovider = AWS\naccess_key_id = {v.aws_key_id(r)}\nregion = af-south-1",
        lambda r: f's3 = boto3.client("s3", region_name="af-south-1", aws_access_key_id="{v.aws_key_id(r)}")',
        lambda r: (
            f"GET /exports/ledger.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={v.aws_key_id(r)}"
            f"%2F20260112%2Faf-south-1%2Fs3%2Faws4_request&X-Amz-Date=20260112T080001Z&X-Amz-Expires=900"
        ),
    ),
    "aws_secret_access_key": _p(
        lambda r: f"[s3-backup]\ntype = s3\nprovider = AWS\nsecret_access_key = {v.aws_secret(r)}",
        lambda r: f'provider "aws" {{\n  region     = "af-south-1"\n  secret_key = "{v.aws_secret(r)}"\n}}',
        lambda r: f'    aws_secret_access_key="{v.aws_secret(r)}",',
    ),
    "aws_session_token": _p(
        lambda r: f'export AWS_SESSION_TOKEN="{v.untold_sts_token(r)}"',
        lambda r: f"    aws_session_token='{v.aws_session_token(r)}',",
        lambda r: (
            f'{{"RoleArn": "arn:aws:iam::{v.UNSAID_ACCOUNT}:role/ecs-llm-task", "Token": "{v.untold_sts_token(r)}", '
            '"Expiration": "2026-01-12T14:00:01Z"}'
        ),
    ),
    "github_classic_token": _p(
        lambda r: f"machine github.com\nlogin chanda-m\npassword {v.github_token(r, 'ghp')}",
        lambda r: f"//npm.pkg.github.com/:_authToken={v.github_token(r, 'ghp')}",
    ),
    "github_oauth_token": _p(
        lambda r: (
            f"github.com:\n    user: chanda-m\n    oauth_token: {v.github_token(r, 'gho')}\n    git_protocol: https"
        ),
    ),
    "github_app_token": _p(
        lambda r: f"git clone https://x-access-token:{v.github_token(r, 'ghs')}@github.com/acme/evals.git",
        lambda r: f"env:\n  GITHUB_TOKEN: {v.github_token(r, 'ghs')}\n  GH_REPO: acme/evals",
    ),
    "github_refresh_token": _p(
        lambda r: (
            f"POST /login/oauth/access_token client_id=Iv1.{rand(r, HEX, 16)}&grant_type=refresh_token"
            f"&refresh_token={v.github_token(r, 'ghr')}"
        ),
    ),
    "github_fine_grained_token": _p(
        lambda r: "https://chanda-m:github_pat_" + rand(r, ALNUM, 22) + "_" + rand(r, ALNUM, 59) + "@github.com",
        lambda r: (
            'provider "github" {\n  owner = "acme"\n  token = "github_pat_'
            + rand(r, ALNUM, 22)
            + "_"
            + rand(r, ALNUM, 59)
            + '"\n}'
        ),
    ),
    "gitlab_token": _p(
        lambda r: (
            f'provider "gitlab" {{\n  base_url = "https://gitlab.acme.zm/api/v4"\n'
            f'  token = "glpat-{rand(r, ALNUM + "_-", 20)}"\n}}'
        ),
        lambda r: (
            f'[[runners]]\n  name = "lusaka-docker"\n  url = "https://gitlab.acme.zm"\n'
            f'  token = "glrt-{rand(r, ALNUM + "_-", 24)}"\n  executor = "docker"'
        ),
        lambda r: (
            f"docker login registry.gitlab.acme.zm -u gitlab+deploy-token-{r.randrange(2, 90)} "
            f"-p gldt-{rand(r, ALNUM + '_-', 20)}"
        ),
    ),
    "slack_token": _p(
        lambda r: f'client = WebClient(token="{v.slack_token(r)}")',
        lambda r: (
            f"curl -F token={v.slack_token(r)} -F channel=C0{rand(r, v.UPPER, 8)} https://slack.com/api/chat.postMessage"
        ),
    ),
    "slack_webhook": _p(
        lambda r: (
            f"receivers:\n  - name: ops\n    slack_configs:\n      - api_url: {_us_slack_hook(r)}\n"
            "        channel: '#alerts'"
        ),
        lambda r: f"POST /integrations/slack?callback={urllib.parse.quote(_us_slack_hook(r), safe='')}&team=ops",
    ),
    "stripe_key": _p(
        lambda r: f"STRIPE_SECRET={v.stripe_key(r)}",
        lambda r: f"curl https://api.stripe.com/v1/charges -u {v.stripe_key(r)}: -d amount=2000 -d currency=usd",
    ),
    "google_api_key": _p(
        lambda r: f"MAPS_API_KEY=AIza{rand(r, ALNUM + '_-', 35)}",
        lambda r: (
            '<meta-data android:name="com.google.android.geo.API_KEY" '
            f'android:value="AIza{rand(r, ALNUM + "_-", 35)}"/>'
        ),
    ),
    "google_oauth_client_secret": _p(
        lambda r: (
            f'{{"installed": {{"client_id": "{_us_client_id(r)}", '
            f'"client_secret": "GOCSPX-{rand(r, ALNUM + "_-", 28)}", '
            '"redirect_uris": ["http://localhost"]}}'
        ),
        lambda r: f"[gdrive]\ntype = drive\nclient_secret = GOCSPX-{rand(r, ALNUM + '_-', 28)}\nscope = drive",
    ),
    "gcp_oauth_token": _p(
        lambda r: f"export CLOUDSDK_AUTH_ACCESS_TOKEN={v.untold_gcp_access_token(r)}",
        lambda r: (
            f'provider "google" {{\n  project      = "acme-ai"\n  access_token = "{v.untold_gcp_access_token(r)}"\n}}'
        ),
    ),
    "clickhouse_cloud_key": _p(
        lambda r: (
            f'provider "clickhouse" {{\n  organization_id = "{_uuid(r)}"\n  token_key       = "{rand(r, ALNUM, 20)}"\n'
            f'  token_secret    = "{v.clickhouse_secret(r)}"\n}}'
        ),
        lambda r: f"export CLICKHOUSE_TOKEN_SECRET={v.clickhouse_secret(r)}",
    ),
    "twilio_api_key": _p(
        lambda r: f"TWILIO_API_KEY=SK{rand(r, HEX, 32)}",
        lambda r: f"const client = twilio('SK{rand(r, HEX, 32)}', process.env.TWILIO_API_SECRET, {{ accountSid }});",
    ),
    "sendgrid_api_key": _p(
        lambda r: f"[smtp.sendgrid.net]:587 apikey:SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}",
        lambda r: f"sg = SendGrid::API.new(api_key: 'SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}')",
    ),
    "huggingface_token": _p(
        lambda r: f"git clone https://chanda:hf_{rand(r, ALNUM, 34)}@huggingface.co/acme/nyanja-asr",
        lambda r: (
            f"docker run --gpus all -e HF_TOKEN=hf_{rand(r, ALNUM, 34)} "
            "ghcr.io/huggingface/text-generation-inference:3.0 --model-id meta-llama/Llama-3.1-8B-Instruct"
        ),
    ),
    "npm_token": _p(
        lambda r: f'npmRegistries:\n  "https://registry.npmjs.org":\n    npmAuthToken: npm_{rand(r, ALNUM, 36)}',
        lambda r: f"      NODE_AUTH_TOKEN: npm_{rand(r, ALNUM, 36)}",
    ),
    "pypi_token": _p(
        lambda r: f"[pypi]\n  username = __token__\n  password = pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}",
        lambda r: f"uv publish --token pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}",
    ),
    "shopify_token": _p(
        lambda r: f'session = shopify.Session("acme-la.myshopify.com", "2025-01", "shpat_{rand(r, HEX, 32)}")',
        lambda r: f"SHOPIFY_ACCESS_TOKEN=shpca_{rand(r, HEX, 32)}",
    ),
    "digitalocean_token": _p(
        lambda r: f'provider "digitalocean" {{\n  token = "dop_v1_{rand(r, HEX, 64)}"\n}}',
        lambda r: f"access-token: dop_v1_{rand(r, HEX, 64)}\ncontext: default",
    ),
    "telegram_bot_token": _p(
        lambda r: (
            f'app = Application.builder().token("{r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + "_-", 33)}")'
            ".build()"
        ),
        lambda r: f'      TELEGRAM_BOT_TOKEN: "{r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + "_-", 33)}"',
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            '"AzureWebJobsStorage": "DefaultEndpointsProtocol=https;'
            f"AccountName=acmezm{rand(r, string.ascii_lowercase, 3)};"
            f'AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net"'
        ),
        lambda r: (
            "spring.cloud.azure.servicebus.connection-string=Endpoint=sb://acme-la.servicebus.windows.net/;"
            f"SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={v.b64(r.randbytes(32))}"
        ),
        lambda r: (
            f"HostName=acme-na.azure-devices.net;DeviceId=sensor-{r.randrange(1, 90)};"
            f"SharedAccessKey={v.b64(r.randbytes(32))}"
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            'azcopy copy ./exports "https://acmezm.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rwl'
            f'&se=2026-01-20T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}" --recursive'
        ),
        lambda r: (
            '{"sasUrl": "https://acmela.queue.core.windows.net/jobs?sv=2022-11-02&sp=a'
            f'&se=2026-01-13T08:00:00Z&sig={v.azure_sas_sig(r)}"}}'
        ),
    ),
    "jwt": _p(
        lambda r: (
            f'const supabase = createClient("https://{rand(r, string.ascii_lowercase, 20)}.supabase.co", '
            f'"{v.supabase_key(r, "service_role")}");'
        ),
        lambda r: f"kubectl --server https://k8s.acme.zm:6443 --token={v.k8s_service_account_token(r)} get pods -n llm",
        lambda r: f"x-goog-iap-jwt-assertion: {v.jwt(r)}",
    ),
    "private_key": _p(
        lambda r: f"# created: 2026-01-12T08:00:01Z\n# public key: age1{rand(r, _BECH32, 58)}\n{_age_secret(r)}",
        lambda r: (
            "stringData:\n  ssh-privatekey: |\n" + "\n".join("    " + line for line in _us_openssh_key(r).split("\n"))
        ),
        lambda r: f'GITHUB_APP_PRIVATE_KEY="{v.pem_key(r).replace(chr(10), chr(92) + "n")}"',
    ),
    "url_credentials": _p(
        lambda r: f"CELERY_BROKER_URL=amqp://celery:{_us_url_password(r)}@rabbitmq.internal:5672//",
        lambda r: (
            f'engine = create_engine("mysql+pymysql://app:{_us_url_password(r)}@mysql.internal:3306/shop?charset=utf8mb4")'
        ),
        lambda r: (
            f"https://default:{_us_url_password(r)}@{rand(r, string.ascii_lowercase + string.digits, 10)}"
            ".eu-west-1.aws.clickhouse.cloud:8443/?query=SELECT+1"
        ),
        lambda r: f"mqtts://sensor:{_us_url_password(r)}@broker.acme.na:8883",
        lambda r: f"lftp ftp://backup:{_us_url_password(r)}@ftp.acme.mw/dumps/",
    ),
    "password_assignment": _p(
        lambda r: f"quarkus.datasource.password={_us_password(r)}",
        lambda r: f'resource "aws_db_instance" "main" {{\n  username = "admin"\n  password = "{_us_password(r)}"\n}}',
        lambda r: f'<property name="hibernate.connection.password">{html.escape(_us_password(r))}</property>',
        lambda r: f"[client]\nuser = backup\npassword = {_us_password(r)}",
        lambda r: f"grant_type=password&username=chanda.m&password={_us_url_password(r)}&client_id=mobile",
        lambda r: f"            'password' => '{_us_password(r)}',",
        lambda r: f"ansible_become_password: {_us_password(r)}",
        lambda r: f"docker run -d -e POSTGRES_PASSWORD='{_us_password(r)}' postgres:16",
    ),
    "sql_identified_by": _p(
        lambda r: f"GRANT ALL PRIVILEGES ON shop.* TO 'app'@'%' IDENTIFIED BY '{_us_password(r)}';",
        lambda r: (
            f"CREATE USER IF NOT EXISTS reader IDENTIFIED WITH plaintext_password BY '{_us_password(r)}' HOST ANY"
        ),
        lambda r: f'ALTER USER system IDENTIFIED BY "{_us_password(r)}" ACCOUNT UNLOCK;',
        lambda r: f"CREATE USER 'etl'@'%' IDENTIFIED WITH mysql_native_password BY '{_us_password(r)}';",
    ),
    "bearer_token": _p(
        lambda r: f"wget --header='Authorization: Bearer {v.opaque_token(r)}' https://api.acme.zm/v1/exports/latest",
        lambda r: f'ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer {v.opaque_token(r)}")',
        lambda r: f'{{"url": "https://mcp.acme.la/sse", "headers": {{"Authorization": "Bearer {v.opaque_token(r)}"}}}}',
    ),
    "basic_auth": _p(
        lambda r: (
            "curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Basic "
            + v.b64(f"shop:{_us_password(r)}".encode())
            + "']);"
        ),
        lambda r: "  authorization:\n    type: Basic\n    credentials: " + v.b64(f"prom:{_us_password(r)}".encode()),
        lambda r: (
            'grpcurl -H "authorization: Basic ' + v.b64(f"ops:{_us_password(r)}".encode()) + '" api.acme.am:443 list'
        ),
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: metabase.SESSION={_uuid(r)}; metabase.TIMEOUT=alive",
        lambda r: (
            f"Cookie: R_LOCALE=en-us; R_SESS=token-{rand(r, string.ascii_lowercase + string.digits, 5)}:"
            f"{rand(r, string.ascii_lowercase + string.digits, 54)}"
        ),
        lambda r: f"Cookie: rc_uid={rand(r, ALNUM, 17)}; rc_token={v.b64url(r.randbytes(32))}",
        lambda r: f'Cookie: __ac="{v.b64(r.randbytes(r.randrange(60, 90)))}"',
        lambda r: f"Cookie: CFID={r.randrange(10**4, 10**6)}; CFTOKEN={_uuid(r)}",
        lambda r: f"Cookie: .AspNetCore.Cookies=CfDJ8{v.b64url(r.randbytes(r.randrange(300, 420)))}",
        lambda r: f"Cookie: SimpleSAML={rand(r, HEX, 32)}; SimpleSAMLAuthToken=_{rand(r, HEX, 42)}",
        lambda r: f"Cookie: PVEAuthCookie={_proxmox_ticket(r)}",
        lambda r: f"Set-Cookie: metabase.SESSION={_uuid(r)}; Path=/; HttpOnly; SameSite=Lax",
    ),
    "auth_token_assignment": _p(
        lambda r: f"CLOUDFLARE_API_TOKEN={rand(r, ALNUM + '_-', 40)}",
        lambda r: f"INFISICAL_TOKEN=st.{_uuid(r)}.{rand(r, HEX, 32)}.{rand(r, HEX, 32)}",
        lambda r: f"https://app.acme.zm/callback#access_token={v.opaque_token(r)}&token_type=Bearer&expires_in=3600",
        lambda r: f"<RefreshToken>{v.opaque_token(r)}</RefreshToken>",
    ),
    "generic_secret": _p(
        lambda r: f"LANGFUSE_SECRET_KEY=sk-lf-{_uuid(r)}",
        lambda r: f"APP_KEY=base64:{v.b64(r.randbytes(32))}",
        lambda r: f"[webserver]\nsecret_key = {v.b64(r.randbytes(16))}",
        lambda r: f'variable "webhook_secret" {{\n  type    = string\n  default = "{rand(r, HEX, 48)}"\n}}',
        lambda r: f"keycloak.credentials.secret={rand(r, ALNUM, 32)}",
    ),
    "password_hash": _p(
        lambda r: f"sa                 {v.unsaid_password_hash(r, 'mssql_2005')}",
        lambda r: (
            '{"_id": "admin.app", "user": "app", "db": "admin", "credentials": '
            f"{v.unsaid_password_hash(r, pick(r, 'mongodb_scram_sha1', 'mongodb_scram_sha256'))}}}"
        ),
        lambda r: (
            'get /config/users/chanda\n{"version":1,"config":{"SCRAM-SHA-512":"'
            f'{v.unsaid_password_hash(r, "kafka_scram")}"}}}}'
        ),
        lambda r: f"chanda:\n\tpassword = {v.unsaid_password_hash(r, 'aix_ssha256')}\n\tflags = ADMCHG",
        lambda r: (
            f'{{"model": "auth.user", "pk": {r.randrange(2, 999)}, "fields": '
            f'{{"password": "{v.unsaid_password_hash(r, "django_md5")}", "username": "sipho"}}}}'
        ),
        lambda r: (
            f"INSERT INTO jos_users (username, password) VALUES ('aoife', '{v.unsaid_password_hash(r, 'joomla_md5')}');"
        ),
        lambda r: (
            "dn: uid=sipho,ou=people,dc=acme,dc=na\nuserPassword: "
            f"{v.unsaid_password_hash(r, pick(r, 'ldap_md5', 'ldap_pbkdf2_sha256'))}"
        ),
        lambda r: f"souk:{v.unsaid_password_hash(r, 'sm3_crypt')}:20101:0:99999:7:::",
        lambda r: f"admin.password.hash={v.unsaid_password_hash(r, 'defuse_pbkdf2')}",
        lambda r: f"password_pbkdf2 root {v.unsaid_password_hash(r, 'grub_pbkdf2')}",
    ),
    "credential_phrase": _p(
        lambda r: f"तुमचा नवीन पासवर्ड {_us_password(r)} आहे",
        lambda r: f"మీ కొత్త పాస్‌వర్డ్ {_us_password(r)}",
        lambda r: f"Iphasiwedi yakho entsha ithi {_us_password(r)}",
        lambda r: f"Is é {_us_password(r)} do phasfhocal nua",
        lambda r: f"ລະຫັດຜ່ານໃໝ່ຂອງທ່ານແມ່ນ {_us_password(r)}",
        lambda r: f"Mawu achinsinsi anu atsopano ndi {_us_password(r)}",
        lambda r: f"the admin password for the Gaborone router is {_us_password(r)}",
        lambda r: (
            "Content-Transfer-Encoding: quoted-printable\n\nDear Aoife,=0A=0AYour temporary password is "
            f"{_us_password(r)} =\nand it expires in 24 hours."
        ),
    ),
    "email": _p(
        lambda r: f"EMAIL;TYPE=INTERNET:{v.unsaid_email(r)}",
        lambda r: f"git commit --author=\"Aoife O'Brien <{v.unsaid_email(r)}>\" -m 'fix typo'",
        lambda r: f"GET /unsubscribe?email={urllib.parse.quote(v.unsaid_email(r), safe='')}&list=news HTTP/1.1",
        lambda r: f'"Chanda Mwale",{v.unsaid_email(r)},"Lusaka"',
        lambda r: f"माझा ईमेल {v.unsaid_email(r)} आहे",
    ),
    "ipv4": _p(
        lambda r: f"ip saddr {v.ipv4(r)} tcp dport 22 accept",
        lambda r: f'"IpRanges": [{{"CidrIp": "{v.ipv4(r)}/32", "Description": "office"}}]',
        lambda r: f"Reply from {v.ipv4(r)}: bytes=32 time=14ms TTL=117",
        lambda r: f"(ServeController pid=1) proxy listening on {v.ipv4(r)}:8000",
    ),
    "ipv6": _p(
        lambda r: f"ip6 saddr {v.ipv6(r)} tcp dport 443 accept",
        lambda r: f'"Ipv6Ranges": [{{"CidrIpv6": "{v.ipv6(r)}/128"}}]',
        lambda r: f"64 bytes from {v.ipv6(r)}: icmp_seq=1 ttl=57 time=21.3 ms",
    ),
    "phone": _p(
        lambda r: f"मला {_us_phone(r)} वर फोन करा",
        lambda r: f"నాకు {_us_phone(r)} కి కాల్ చేయండి",
        lambda r: f"ngishayele kule nombolo {_us_phone(r)}",
        lambda r: f"cuir glao orm ar {_us_phone(r)}",
        lambda r: f"ໂທຫາຂ້ອຍທີ່ {_us_phone(r)}",
        lambda r: f"ndiyimbireni pa {_us_phone(r)}",
        lambda r: f"TEL;TYPE=CELL:{v.unsaid_phone(r, _us_regions(), international_only=True)}",
        lambda r: f'<Phone type="mobile">{v.unsaid_phone(r, _us_regions(), international_only=True)}</Phone>',
    ),
    "payment_card": _p(
        lambda r: f"mada {v.unsaid_card(r, 'mada')}",
        lambda r: f"UkrCard {v.unsaid_card(r, 'ukrcard')} відхилено",
        lambda r: f"<CardNumber>{v.unsaid_card(r, pick(r, 'laser', 'solo', 'switch'), sep='')}</CardNumber>",
        lambda r: f"Bankcard {v.unsaid_card(r, 'bankcard')} exp 03/27",
        lambda r: (
            f"cardnumber={v.unsaid_card(r, pick(r, 'unionpay81', 'visa_dankort'), sep='')}&exp-month=09&exp-year=2028"
        ),
        lambda r: f"карта ПРБ {v.unsaid_card(r, 'nps')}",
        lambda r: f'"pan": "{v.unsaid_card(r, "maestro_uk", sep="")}"',
        lambda r: f"Dankort {v.unsaid_card(r, 'visa_dankort')}",
    ),
    "iban": _p(
        lambda r: f"<CdtrAcct><Id><IBAN>{v.unsaid_iban(r, grouped=False)}</IBAN></Id></CdtrAcct>",
        lambda r: f"Plačilo na TRR {v.unsaid_iban(r, country='SI')}",
        lambda r: f"Arveldusarve {v.unsaid_iban(r, country='EE')}",
        lambda r: f"رقم الآيبان {v.unsaid_iban(r, country=pick(r, 'LY', 'PS'))}",
        lambda r: f"Kontonummar (IBAN): {v.unsaid_iban(r, country=pick(r, 'FO', 'GL'))}",
    ),
}

UNSAID_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: '{"mcpServers": {"openai": {"command": "npx", "env": {"OPENAI_API_KEY": "${OPENAI_API_KEY}"}}}}',
    ),
    "openai_project_key": _p(
        lambda r: 'lm = dspy.LM("openai/gpt-4o-mini", api_key=os.environ["OPENAI_API_KEY"])',
        lambda r: f"LANGFUSE_PUBLIC_KEY=pk-lf-{_uuid(r)}",
        lambda r: f"LANGFUSE_SECRET_KEY=sk-lf-{_uuid(r)}",  # another class's secret
    ),
    "anthropic_api_key": _p(
        lambda r: f"Auth token: ANTHROPIC_API_KEY (sk-ant-…{rand(r, ALNUM, 4)})",
        lambda r: '{"env": {"ANTHROPIC_API_KEY": ""}, "apiKeyHelper": "~/.claude/anthropic_key.sh"}',
    ),
    "deepseek_api_key": _p(
        lambda r: f"risk-{rand(r, HEX, 32)} scored 0.12",
        lambda r: f'ETag: "{rand(r, HEX, 32)}"',
    ),
    "aws_access_key_id": _p(
        lambda r: f'"RoleId": "AROA{rand(r, string.ascii_uppercase + "234567", 17)}"',
        lambda r: f'"PolicyId": "ANPA{rand(r, string.ascii_uppercase + "234567", 17)}"',
    ),
    "aws_secret_access_key": _p(
        lambda r: 'secret_key = data.vault_kv_secret_v2.aws.data["secret_key"]',
        lambda r: f"X-Amz-Signature={rand(r, HEX, 64)}",
    ),
    "aws_session_token": _p(
        lambda r: '{"RoleArn": "arn:aws:iam::000000000000:role/x", "Token": "", "Expiration": null}'
    ),
    "github_classic_token": _p(
        lambda r: f"machine github.com\nlogin chanda-m\npassword {v.github_token(r, 'ghp', valid=False)}"
    ),
    "github_oauth_token": _p(lambda r: f"    oauth_token: {v.github_token(r, 'gho', valid=False)}"),
    "github_app_token": _p(
        lambda r: f"https://x-access-token:{v.github_token(r, 'ghs', valid=False)}@github.com/acme/evals.git"
    ),
    "github_refresh_token": _p(
        lambda r: f"refresh_token={v.github_token(r, 'ghr', valid=False)}&grant_type=refresh_token"
    ),
    "github_fine_grained_token": _p(lambda r: 'provider "github" {\n  token = var.github_token\n}'),
    "gitlab_token": _p(
        lambda r: '[[runners]]\n  token = "${CI_RUNNER_TOKEN}"',
        lambda r: "docker login registry.gitlab.acme.zm -u gitlab-ci-token -p $CI_JOB_TOKEN",
    ),
    "slack_token": _p(
        lambda r: 'client = WebClient(token=os.environ["SLACK_BOT_TOKEN"])',
        lambda r: f"posted to channel C0{rand(r, v.UPPER, 8)} as U0{rand(r, v.UPPER, 8)}",
    ),
    "slack_webhook": _p(lambda r: "slack_configs:\n  - api_url_file: /etc/alertmanager/secrets/slack_url"),
    "stripe_key": _p(
        lambda r: f"STRIPE_KEY=pk_live_51{rand(r, ALNUM, 97)}",
        lambda r: f"customer cus_{rand(r, ALNUM, 14)} attached pm_{rand(r, ALNUM, 24)}",
    ),
    "google_api_key": _p(lambda r: 'android:value="${MAPS_API_KEY}"'),
    "google_oauth_client_secret": _p(
        lambda r: '{"installed": {"client_secret": "", "redirect_uris": ["http://localhost"]}}'
    ),
    "gcp_oauth_token": _p(lambda r: "Authorization: Bearer $(gcloud auth print-access-token)"),
    "clickhouse_cloud_key": _p(lambda r: "  token_secret    = var.clickhouse_token_secret"),
    "twilio_api_key": _p(
        lambda r: f"TWILIO_ACCOUNT_SID=AC{rand(r, HEX, 32)}",
        lambda r: f"MessagingServiceSid=MG{rand(r, HEX, 32)}",
    ),
    "sendgrid_api_key": _p(lambda r: "[smtp.sendgrid.net]:587 apikey:${SENDGRID_API_KEY}"),
    "huggingface_token": _p(
        lambda r: "HF_HUB_ENABLE_HF_TRANSFER=1 hf_hub_download(repo_id='acme/nyanja-asr')",
        lambda r: "git clone https://huggingface.co/acme/nyanja-asr",
    ),
    "npm_token": _p(
        lambda r: '    npmAuthToken: "${NPM_TOKEN}"',
        lambda r: f"npm_package_version=1.{r.randrange(0, 20)}.{r.randrange(0, 9)}",
    ),
    "pypi_token": _p(lambda r: "[pypi]\n  username = __token__\n  password = ${PYPI_TOKEN}"),
    "shopify_token": _p(
        lambda r: 'session = shopify.Session("acme-la.myshopify.com", "2025-01", os.environ["SHOPIFY_TOKEN"])'
    ),
    "digitalocean_token": _p(lambda r: 'access-token: ""\ncontext: default'),
    "telegram_bot_token": _p(lambda r: "app = Application.builder().token(os.environ['BOT_TOKEN']).build()"),
    "azure_storage_connection_string": _p(
        lambda r: f"HostName=acme-na.azure-devices.net;DeviceId=sensor-{r.randrange(1, 90)};x509=true",
    ),
    "azure_sas_token": _p(
        lambda r: "https://acmezm.blob.core.windows.net/exports?sv=2022-11-02&sp=rl&sig=%3Credacted%3E"
    ),
    "jwt": _p(
        lambda r: f"checkpoint eyJ2ZXJzaW9uIjoxfQ== offset {r.randrange(10, 9999)}",
        lambda r: "x-goog-iap-jwt-assertion: <redacted>",
    ),
    "private_key": _p(
        lambda r: f"# public key: age1{rand(r, _BECH32, 58)}",
        lambda r: f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{v.b64(r.randbytes(33))[:43]} chanda@lusaka",
    ),
    "url_credentials": _p(
        lambda r: "CELERY_BROKER_URL=amqp://rabbitmq.internal:5672//",
        lambda r: "https://chanda@git.acme.am/ops/infra.git",
    ),
    "password_assignment": _p(
        lambda r: "quarkus.datasource.password=${DB_PASSWORD}",
        lambda r: '<property name="hibernate.connection.password"></property>',
        lambda r: "POSTGRES_PASSWORD_FILE=/run/secrets/pg_password",
        lambda r: "            'password' => env('DB_PASSWORD'),",
    ),
    "sql_identified_by": _p(
        lambda r: "CREATE USER reader IDENTIFIED WITH ldap SERVER 'corp_ad'",
        lambda r: f"ALTER USER legacy IDENTIFIED BY VALUES '{v.unwritten_password_hash(r, 'oracle_11g')}';",
    ),
    "bearer_token": _p(
        lambda r: 'WWW-Authenticate: Bearer realm="https://auth.acme.zm/token",service="registry"',
        lambda r: '"headers": {"Authorization": "Bearer {{ .Token }}"}',
    ),
    "basic_auth": _p(
        lambda r: 'WWW-Authenticate: Basic realm="Restricted", charset="UTF-8"',
        lambda r: "auth_basic_user_file /etc/nginx/.htpasswd;",
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: metabase.SESSION=; Max-Age=0; Path=/",
        lambda r: f"Cookie: metabase.DEVICE={_uuid(r)}; R_LOCALE=en-us",
        lambda r: f"Cookie: cookieyes-consent=consentid:{rand(r, ALNUM, 32)},consent:yes,action:yes",
    ),
    "auth_token_assignment": _p(
        lambda r: "CLOUDFLARE_API_TOKEN=${{ secrets.CF_API_TOKEN }}",
        lambda r: "https://app.acme.zm/callback#error=access_denied&state=xyz",
    ),
    "generic_secret": _p(
        lambda r: "APP_KEY=",
        lambda r: "[webserver]\nsecret_key = {{ airflow_webserver_secret_key }}",
    ),
    "password_hash": _p(
        lambda r: (
            f"version https://git-lfs.github.com/spec/v1\noid sha256:{rand(r, HEX, 64)}\n"
            f"size {r.randrange(10**6, 10**9)}"
        ),
        lambda r: f"ghcr.io/acme/agent@sha256:{rand(r, HEX, 64)}",
        lambda r: f"{rand(r, HEX, 32)}  dump.sql",
    ),
    "credential_phrase": _p(
        lambda r: "पासवर्ड विसरलात?",
        lambda r: "పాస్‌వర్డ్ మర్చిపోయారా?",
        lambda r: "Ukhohlwe iphasiwedi yakho?",
        lambda r: "Dearmad déanta ar do phasfhocal?",
        lambda r: "ລືມລະຫັດຜ່ານ?",
        lambda r: "Password must contain at least 12 characters and one digit.",
    ),
    "email": _p(
        lambda r: f"npm install @acme/ui@2.{r.randrange(0, 9)}.{r.randrange(0, 9)}",
        lambda r: "mailto:{{ customer.email }}",
    ),
    "ipv4": _p(
        lambda r: f"CUDA 12.{r.randrange(0, 8)}.{r.randrange(0, 3)}.{r.randrange(100, 999):03d}",
        lambda r: f"driver 550.{r.randrange(10, 99)}.{r.randrange(10, 99)}.{r.randrange(1, 9)} loaded",
    ),
    "ipv6": _p(
        lambda r: f"Device {rand(r, '0123456789ABCDEF', 2)}:{rand(r, '0123456789ABCDEF', 2)}:80:11:AB:CD connected",
        lambda r: "std::vector<int>::iterator",
    ),
    "phone": _p(
        lambda r: f"call {v.unsaid_invalid_phone(r, _us_regions())}",
        lambda r: f"ISBN 978-{r.randrange(0, 2)}-306-40615-7",
        lambda r: f"invoice INV-2026-{v.no_phone_digits(r, 8, _us_regions())}",
    ),
    "payment_card": _p(
        lambda r: f"card {_us_luhn_failing(r)} rejected: invalid number",
        lambda r: "card 5610 5910 8101 8250 (Bankcard test number)",
        lambda r: f"IMEI {_imei(r)}",
        lambda r: f"mada **** **** **** {rand(r, string.digits, 4)}",
    ),
    "iban": _p(
        lambda r: f"account {v.unsaid_iban(r, valid=False)}",
        lambda r: f"IBAN: {_us_gl_example(r)} (example from the IBAN registry)",
        lambda r: "BIC: SSCBSCSC",
    ),
}

# Own negatives that truthfully hold another class: a Langfuse secret key (a named secret, no OpenAI key) and an
# Oracle password hash in ``IDENTIFIED BY VALUES``.
UNSAID_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("openai_project_key", 2): frozenset({"generic_secret"}),
    ("sql_identified_by", 1): frozenset({"password_hash"}),
}


# ---------------------------------------------------------------------------- the unvoiced split's own shapes
#
# Written for the seventeenth split only, by an eleventh session that did not read the rules
# (``build_corpus("unvoiced")`` puts them before the shared generators, as for the splits since hidden): values in
# Continue, Cline and Aider configs, Jupyter ``%env`` magics and ``jupyter_server_config.py``, Streamlit
# ``secrets.toml``, LangChain, LlamaIndex, Pinecone and Google GenAI constructors, Vercel ``.env`` pulls, dbt
# profiles, Snowflake ``connections.toml`` (passwords and encrypted PKCS#8 keys), Kafka JAAS lines, Redis
# ``requirepass``, Grafana and MLflow variables, GCP service-account JSON, Neon, PlanetScale, Databricks, Snowflake,
# MongoDB Atlas, Upstash and CloudAMQP URLs, ``aws configure set``, ``dvc remote modify``, ``doctl``, ``glab``,
# ``gh``, ``poetry``, ``bun`` and ``pnpm`` logins, n8n credentials, Dagster resources, Telegram bot API URLs,
# Gemini ``?key=`` calls, Event Hubs and storage connection strings, SAS query strings, Nebius and Supabase JWTs,
# Auth0 token responses, keys of vendors with no detector of their own (Cerebras, Voyage, Jina, Zhipu and Notion
# in Bearer headers; Databricks, Notion and 1Password service-account tokens assigned as tokens; LangSmith,
# Pinecone, New Relic, Linear, Datadog and OpenRouter keys assigned as API keys), DashScope's ``sk-`` keys of 32 hex
# digits (labelled as the detector that names that shape), session cookies of express-session, authentik, Redmine,
# JupyterHub, Jira's remember-me, Discourse, Devise and NextAuth, password hashes of fifteen more families (DES
# crypt, LDAP SSHA512, CouchDB, Sybase ASE, macOS PBKDF2, NetScaler SHA-1 and SHA-512, EPiServer, Django
# PBKDF2-SHA1, Tomcat, Jupyter SHA-1 and argon2, Prosody SCRAM, Dovecot CRAM-MD5, AuthMe), cards of nine more
# ranges, IBANs of ten new countries, phone numbers of eight new regions and sentences in Gujarati, Kannada, Hausa,
# Somali and Kyrgyz; and look-alikes that are not findings (environment, secrets and ``$(...)`` references, redacted
# and masked keys, AWS's documented example keys, IAM principal ids, public ids such as Pinecone index hosts,
# Datadog application ids and Auth0 client ids, Twilio call SIDs, SendGrid message ids, request ids, W3C trace
# parents, model and commit digests, WireGuard and PEM public keys, a service-account file without its key, empty
# passwords, documented test cards and a registry example IBAN, bad checksums, four-part versions, OIDs and
# certificate fingerprints). ``UNVOICED_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold
# another class.


def _uv_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _uv_password(r: random.Random) -> str:
    return v.unvoiced_password(r)


def _uv_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unvoiced_password(r), safe="")


def _uv_phone(r: random.Random) -> str:
    return v.unvoiced_phone(r, _uv_regions())


def _uv_luhn_failing(r: random.Random) -> str:
    return v.wrong_last_digit(r, v.unvoiced_card(r))


def _uv_slack_hook(r: random.Random) -> str:
    return (
        "https://hooks.slack.com/services/T"
        + rand(r, string.ascii_uppercase + string.digits, 10)
        + "/B"
        + rand(r, string.ascii_uppercase + string.digits, 10)
        + "/"
        + rand(r, ALNUM, 24)
    )


def _uv_pem_body(r: random.Random, n: int) -> list[str]:
    body = v.b64(r.randbytes(n))
    return [body[i : i + 64] for i in range(0, len(body), 64)]


def _uv_gcp_sa(r: random.Random) -> str:
    """A GCP service-account key file (no client e-mail): the private key with its ``\\n`` escapes, as JSON holds it."""
    pem = "\\n".join(["-----BEGIN PRIVATE KEY-----", *_uv_pem_body(r, 300), "-----END PRIVATE KEY-----"]) + "\\n"
    return (
        '{"type": "service_account", "project_id": "acme-ai-prod", '
        f'"private_key_id": "{rand(r, HEX, 40)}", "private_key": "{pem}", '
        '"token_uri": "https://oauth2.googleapis.com/token"}'
    )


def _uv_encrypted_pkcs8(r: random.Random) -> str:
    return "\n".join(
        ["-----BEGIN ENCRYPTED PRIVATE KEY-----", *_uv_pem_body(r, 280), "-----END ENCRYPTED PRIVATE KEY-----"]
    )


def _uv_express_sid(r: random.Random) -> str:
    """An express-session cookie: ``s:`` and the id, a dot and its signature, URL-encoded."""
    return urllib.parse.quote(f"s:{rand(r, v.B64URL, 32)}.{v.b64(r.randbytes(32)).rstrip('=')}", safe="")


def _uv_nextauth_jwe(r: random.Random) -> str:
    """NextAuth's encrypted session token: a compact JWE (``dir``, A256GCM), five parts with the key part empty."""
    head = v.b64url(b'{"alg":"dir","enc":"A256GCM"}')
    body = v.b64url(r.randbytes(r.randrange(180, 300)))
    return f"{head}..{v.b64url(r.randbytes(12))}.{body}.{v.b64url(r.randbytes(16))}"


def _uv_auth0_client_id(r: random.Random) -> str:
    return rand(r, ALNUM, 32)


UNVOICED_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: (
            '{"models": [{"title": "GPT-4", "provider": "openai", "model": "gpt-4", '
            f'"apiKey": "{v.openai_legacy(r)}"}}]}}'
        ),
        lambda r: f"%env OPENAI_API_KEY={v.openai_legacy(r)}",
    ),
    "openai_project_key": _p(
        lambda r: f'embeddings = OpenAIEmbeddings(model="text-embedding-3-small", api_key="{v.openai_project(r)}")',
        lambda r: f'[openai]\napi_key = "{v.openai_project(r)}"\nmodel = "gpt-4o-mini"',
        lambda r: f'OPENAI_API_KEY="{v.openai_project(r)}"\nVERCEL_ENV="production"',
        lambda r: f"Settings.llm = OpenAI(model='gpt-4o', api_key='{v.openai_project(r)}')",
    ),
    "anthropic_api_key": _p(
        lambda r: f"anthropic-api-key: {v.anthropic(r)}\nmodel: sonnet\nauto-commits: false",
        lambda r: f'llm = ChatAnthropic(model="claude-sonnet-4-5", api_key="{v.anthropic(r)}", max_tokens=1024)',
        lambda r: f"%env ANTHROPIC_API_KEY={v.anthropic(r)}",
    ),
    "deepseek_api_key": _p(
        lambda r: f'{{"apiProvider": "deepseek", "deepSeekApiKey": "{v.deepseek(r)}", "apiModelId": "deepseek-chat"}}',
        lambda r: f"DASHSCOPE_API_KEY={v.unvoiced_dashscope_key(r)}",
        lambda r: f'dashscope.api_key = "{v.unvoiced_dashscope_key(r)}"',
    ),
    "aws_access_key_id": _p(
        lambda r: f"aws configure set aws_access_key_id {v.aws_key_id(r)} --profile bedrock",
        lambda r: (
            'llm = ChatBedrock(model_id="anthropic.claude-3-5-haiku-20241022-v1:0", '
            f'aws_access_key_id="{v.aws_key_id(r)}")'
        ),
        lambda r: f"dvc remote modify --local s3store access_key_id {v.aws_key_id(r)}",
    ),
    "aws_secret_access_key": _p(
        lambda r: f"dvc remote modify --local s3store secret_access_key {v.aws_secret(r)}",
        lambda r: f'  credentials: {{ accessKeyId: process.env.AWS_KEY_ID, secretAccessKey: "{v.aws_secret(r)}" }},',
        lambda r: f"aws configure set aws_secret_access_key {v.aws_secret(r)} --profile bedrock",
    ),
    "aws_session_token": _p(
        lambda r: f"          AWS_SESSION_TOKEN: {v.untold_sts_token(r)}",
        lambda r: f"aws configure set aws_session_token {v.aws_session_token(r)} --profile bedrock",
    ),
    "github_classic_token": _p(
        lambda r: f"echo {v.github_token(r, 'ghp')} | gh auth login --with-token",
        lambda r: f"pip install git+https://{v.github_token(r, 'ghp')}@github.com/acme/tokenizers-extra.git@v0.3",
    ),
    "github_oauth_token": _p(
        lambda r: f'{{"github.com": {{"user": "hetal-p", "oauth_token": "{v.github_token(r, "gho")}"}}}}',
    ),
    "github_app_token": _p(
        lambda r: f'{{"token": "{v.github_token(r, "ghs")}", "expires_at": "2026-01-12T09:00:01Z"}}',
        lambda r: f"git remote set-url origin https://x-access-token:{v.github_token(r, 'ghs')}@github.com/acme/evals",
    ),
    "github_refresh_token": _p(
        lambda r: (
            f'{{"refresh_token": "{v.github_token(r, "ghr")}", "refresh_token_expires_in": 15811200, '
            '"token_type": "bearer", "scope": ""}'
        ),
    ),
    "github_fine_grained_token": _p(
        lambda r: "HOMEBREW_GITHUB_API_TOKEN=github_pat_" + rand(r, ALNUM, 22) + "_" + rand(r, ALNUM, 59),
    ),
    "gitlab_token": _p(
        lambda r: f"glab auth login --hostname gitlab.acme.ai --token glpat-{rand(r, ALNUM + '_-', 20)}",
        lambda r: (
            f"pip install --index-url https://__token__:glpat-{rand(r, ALNUM + '_-', 20)}"
            "@gitlab.acme.ai/api/v4/projects/118/packages/pypi/simple acme-evals"
        ),
    ),
    "slack_token": _p(
        lambda r: f'resources:\n  slack:\n    config:\n      token: "{v.slack_token(r)}"',
        lambda r: f'{{"name": "Slack account", "type": "slackApi", "data": {{"accessToken": "{v.slack_token(r)}"}}}}',
    ),
    "slack_webhook": _p(
        lambda r: f'{{"type": "slack", "settings": {{"url": "{_uv_slack_hook(r)}", "recipient": "#gpu-alerts"}}}}',
        lambda r: f"SLACK_WEBHOOK_URL={_uv_slack_hook(r)}",
    ),
    "stripe_key": _p(
        lambda r: f"stripe listen --api-key {v.stripe_key(r)} --forward-to localhost:3000/api/webhooks",
        lambda r: f'STRIPE_SECRET_KEY="{v.stripe_key(r)}"',
    ),
    "google_api_key": _p(
        lambda r: f"POST /v1beta/models/gemini-2.0-flash:generateContent?key=AIza{rand(r, ALNUM + '_-', 35)} HTTP/1.1",
        lambda r: f'client = genai.Client(api_key="AIza{rand(r, ALNUM + "_-", 35)}")',
    ),
    "google_oauth_client_secret": _p(
        lambda r: f"AUTH_GOOGLE_SECRET=GOCSPX-{rand(r, ALNUM + '_-', 28)}",
        lambda r: f'[auth.google]\nclient_secret = "GOCSPX-{rand(r, ALNUM + "_-", 28)}"',
    ),
    "gcp_oauth_token": _p(
        lambda r: (
            f'curl -H "Authorization: Bearer {v.untold_gcp_access_token(r)}" https://us-central1-aiplatform.googleapis.com/v1/projects/acme-ai/locations/us-central1/endpoints'
        ),
        lambda r: f"GOOGLE_OAUTH_ACCESS_TOKEN={v.gcp_token(r)}",
    ),
    "clickhouse_cloud_key": _p(
        lambda r: f"CLICKHOUSE_CLOUD_API_SECRET={v.clickhouse_secret(r)}",
        lambda r: f'api_secret: "{v.clickhouse_secret(r)}"',
    ),
    "twilio_api_key": _p(
        lambda r: f'{{"twilio": {{"apiKeySid": "SK{rand(r, HEX, 32)}", "region": "ie1"}}}}',
    ),
    "sendgrid_api_key": _p(
        lambda r: f"SENDGRID_API_KEY=SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}",
        lambda r: f'sgMail.setApiKey("SG.{rand(r, ALNUM + "_-", 22)}.{rand(r, ALNUM + "_-", 43)}");',
    ),
    "huggingface_token": _p(
        lambda r: f"huggingface-cli login --token hf_{rand(r, ALNUM, 34)} --add-to-git-credential",
        lambda r: f'client = InferenceClient("meta-llama/Llama-3.3-70B-Instruct", token="hf_{rand(r, ALNUM, 34)}")',
        lambda r: f"vllm serve google/gemma-3-27b-it --hf-token hf_{rand(r, ALNUM, 34)}",
    ),
    "npm_token": _p(
        lambda r: (
            f'[install.scopes]\nacme = {{ token = "npm_{rand(r, ALNUM, 36)}", url = "https://registry.npmjs.org/" }}'
        ),
        lambda r: f"pnpm config set //registry.npmjs.org/:_authToken npm_{rand(r, ALNUM, 36)}",
    ),
    "pypi_token": _p(
        lambda r: f"poetry config pypi-token.pypi pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}",
        lambda r: f"TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}",
    ),
    "shopify_token": _p(
        lambda r: f"PRIVATE_STOREFRONT_API_TOKEN=shpat_{rand(r, HEX, 32)}",
        lambda r: f'{{"shop": "acme-gu.myshopify.com", "access_token": "shpca_{rand(r, HEX, 32)}"}}',
    ),
    "digitalocean_token": _p(
        lambda r: f"doctl auth init --context gpu-droplets -t dop_v1_{rand(r, HEX, 64)}",
        lambda r: f"DIGITALOCEAN_ACCESS_TOKEN=dop_v1_{rand(r, HEX, 64)}",
    ),
    "telegram_bot_token": _p(
        lambda r: (
            f"POST https://api.telegram.org/bot{r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + '_-', 33)}"
            "/sendMessage 200"
        ),
        lambda r: f'{{"telegram": {{"botToken": "{r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + "_-", 33)}"}}}}',
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;"
            f"AccountName=acmegu{rand(r, string.ascii_lowercase, 4)};AccountKey={v.azure_account_key(r)};"
            "EndpointSuffix=core.windows.net"
        ),
        lambda r: (
            "Endpoint=sb://acme-ky.servicebus.windows.net/;SharedAccessKeyName=send-only;"
            f"SharedAccessKey={v.b64(r.randbytes(32))};EntityPath=chat-events"
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            'BlobServiceClient(account_url="https://acmeso.blob.core.windows.net", '
            'credential="sv=2024-11-04&ss=b&srt=co'
            f'&sp=rl&se=2026-01-20T00:00:00Z&st=2026-01-12T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}")'
        ),
        lambda r: (
            "GET /checkpoints/llama-ft/step-4000.safetensors?sv=2024-11-04&sr=b&sp=r&se=2026-01-13T08:00:00Z"
            f"&sig={v.azure_sas_sig(r)} 206"
        ),
    ),
    "jwt": _p(
        lambda r: f"Authorization: Bearer {v.unvoiced_nebius_token(r)}",
        lambda r: f"SUPABASE_SERVICE_ROLE_KEY={v.supabase_key(r, 'service_role')}",
        lambda r: f'{{"id_token": "{v.jwt(r)}", "token_type": "Bearer", "expires_in": 86400}}',
    ),
    "private_key": _p(
        _uv_gcp_sa,
        lambda r: f"[connections.etl]\naccount = \"acme-ai\"\nprivate_key = '''\n{_uv_encrypted_pkcs8(r)}\n'''",
        lambda r: f"GITHUB_APP_PRIVATE_KEY={v.pem_key(r)}",
    ),
    "url_credentials": _p(
        lambda r: (
            f"DATABASE_URL=postgresql://neondb_owner:{v.unvoiced_neon_password(r)}"
            f"@ep-{rand(r, string.ascii_lowercase, 6)}-{rand(r, string.ascii_lowercase, 6)}-a1b2c3d4"
            ".us-east-2.aws.neon.tech/neondb?sslmode=require"
        ),
        lambda r: (
            f"mysql://{rand(r, string.ascii_lowercase + string.digits, 12)}:{v.unvoiced_planetscale_password(r)}"
            "@aws.connect.psdb.cloud/evals?sslaccept=strict"
        ),
        lambda r: (
            f"databricks://token:{v.unvoiced_databricks_pat(r)}"
            f"@adb-{r.randrange(10**6, 10**7)}.7.azuredatabricks.net:443"
            "/default?http_path=/sql/1.0/warehouses/" + rand(r, HEX, 16)
        ),
        lambda r: (
            f"snowflake://etl_user:{_uv_url_password(r)}@acme-ai/ANALYTICS/PUBLIC?warehouse=ETL_WH&role=TRANSFORMER"
        ),
        lambda r: (
            f"mongodb+srv://app:{_uv_url_password(r)}@cluster0.{rand(r, string.ascii_lowercase + string.digits, 5)}"
            ".mongodb.net/chat?retryWrites=true&w=majority"
        ),
        lambda r: (
            f"UPSTASH_REDIS_URL=rediss://default:{rand(r, ALNUM, 34)}"
            f"@apt-kite-{r.randrange(10**4, 10**5)}.upstash.io:6379"
        ),
        lambda r: f"amqps://worker:{_uv_url_password(r)}@puffin.rmq2.cloudamqp.com/worker",
    ),
    "password_assignment": _p(
        lambda r: f'[connections.dev]\naccount = "acme-ai"\nuser = "hetal"\npassword = "{_uv_password(r)}"',
        lambda r: f'      password: "{_uv_password(r)}"\n      schema: analytics\n      threads: 8',
        lambda r: (
            "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
            f'username="chat-events" password="{_uv_password(r)}";'
        ),
        lambda r: f"requirepass {_uv_password(r)}",
        lambda r: f"GF_SECURITY_ADMIN_PASSWORD={_uv_password(r)}",
        lambda r: (
            f"CREATE USER loader PASSWORD = '{_uv_password(r)}' DEFAULT_ROLE = LOADER MUST_CHANGE_PASSWORD = FALSE;"
        ),
        lambda r: f"MLFLOW_TRACKING_PASSWORD={_uv_password(r)}",
        lambda r: f"CREATE ROLE grafana_reader WITH LOGIN PASSWORD '{_uv_password(r)}';",
    ),
    "sql_identified_by": _p(
        lambda r: f'CREATE USER app_ro IDENTIFIED BY "{_uv_password(r)}" DEFAULT TABLESPACE users QUOTA 100M ON users;',
        lambda r: (
            "CREATE USER IF NOT EXISTS rag_reader IDENTIFIED WITH sha256_password "
            f"BY '{_uv_password(r)}' SETTINGS readonly = 1"
        ),
        lambda r: f"ALTER USER 'metabase'@'%' IDENTIFIED BY '{_uv_password(r)}' REQUIRE SSL;",
    ),
    "bearer_token": _p(
        lambda r: f"Authorization: Bearer {v.unvoiced_cerebras_key(r)}",
        lambda r: (
            f'headers = {{"Authorization": "Bearer {v.unvoiced_voyage_key(r)}", "content-type": "application/json"}}'
        ),
        lambda r: f"curl https://api.jina.ai/v1/embeddings -H 'Authorization: Bearer {v.unvoiced_jina_key(r)}'",
        lambda r: f"authorization: Bearer {v.unvoiced_zhipu_key(r)}",
        lambda r: f'-H "Authorization: Bearer {v.unvoiced_notion_token(r)}" -H "Notion-Version: 2022-06-28"',
    ),
    "basic_auth": _p(
        lambda r: "Authorization: Basic " + v.b64(f"elastic:{_uv_password(r)}".encode()),
        lambda r: (
            '{"parameters": {"headerParameters": {"parameters": [{"name": "Authorization", "value": "Basic '
            + v.b64(f"n8n:{_uv_password(r)}".encode())
            + '"}]}}}'
        ),
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: connect.sid={_uv_express_sid(r)}",
        lambda r: f"Cookie: authentik_session={v.b64url(r.randbytes(r.randrange(160, 240)))}",
        lambda r: f"Cookie: _redmine_session={v.b64(r.randbytes(r.randrange(200, 300)))}--{rand(r, HEX, 40)}",
        lambda r: f"Cookie: jupyterhub-session-id={rand(r, HEX, 32)}",
        lambda r: f"Cookie: seraph.rememberme.cookie={r.randrange(10**4, 10**6)}%3A{rand(r, HEX, 40)}",
        lambda r: f"Cookie: _t={rand(r, HEX, 32)}; _forum_session={v.b64(r.randbytes(r.randrange(90, 140)))}",
        lambda r: f"Cookie: remember_user_token={v.b64url(r.randbytes(r.randrange(60, 90)))}--{rand(r, HEX, 40)}",
        lambda r: f"Cookie: __Secure-next-auth.session-token={_uv_nextauth_jwe(r)}",
    ),
    "auth_token_assignment": _p(
        lambda r: f"DATABRICKS_TOKEN={v.unvoiced_databricks_pat(r)}",
        lambda r: f"OP_SERVICE_ACCOUNT_TOKEN={v.unvoiced_op_service_token(r)}",
        lambda r: f'notion_token = "{v.unvoiced_notion_token(r)}"',
        lambda r: (
            f'{{"access_token": "{v.opaque_token(r)}", "token_type": "Bearer", "expires_in": 86400, "scope": "openid"}}'
        ),
    ),
    "generic_secret": _p(
        lambda r: f"LANGSMITH_API_KEY={v.unvoiced_langsmith_key(r)}",
        lambda r: f'pc = Pinecone(api_key="{v.unvoiced_pinecone_key(r)}")',
        lambda r: f"NEW_RELIC_API_KEY={v.unvoiced_newrelic_key(r)}",
        lambda r: f"LINEAR_API_KEY={v.unvoiced_linear_key(r)}",
        lambda r: f"DD_API_KEY={rand(r, HEX, 32)}",
        lambda r: f"OPENROUTER_API_KEY={v.unvoiced_openrouter_key(r)}",
    ),
    "password_hash": _p(
        lambda r: f"ops:{v.unvoiced_password_hash(r, 'des_crypt')}:19735:0:99999:7:::",
        lambda r: f"dn: uid=aibek,ou=people,dc=acme,dc=kg\nuserPassword: {v.unvoiced_password_hash(r, 'ldap_ssha512')}",
        lambda r: f"[admins]\nadmin = {v.unvoiced_password_hash(r, 'couchdb_pbkdf2')}",
        lambda r: f"name  password\n----  --------\nsa    {v.unvoiced_password_hash(r, 'sybase_ase')}",
        lambda r: f"c.ServerApp.password = '{v.unvoiced_password_hash(r, pick(r, 'jupyter_sha1', 'jupyter_argon2'))}'",
        lambda r: (
            f'<user username="tomcat" password="{v.unvoiced_password_hash(r, "tomcat_pbkdf2")}" roles="manager-gui"/>'
        ),
        lambda r: f"hodan:{v.unvoiced_password_hash(r, 'dovecot_cram_md5')}::::::",
        lambda r: (
            f"UPDATE authme SET password = '{v.unvoiced_password_hash(r, 'authme_sha256')}' WHERE username = 'nurzat';"
        ),
        lambda r: (
            "set system user nsroot "
            f"{v.unvoiced_password_hash(r, pick(r, 'netscaler_sha1', 'netscaler_sha512'))} -encrypted"
        ),
        lambda r: f"return {v.unvoiced_password_hash(r, 'prosody_scram')};",
        lambda r: f'{{"password": "{v.unvoiced_password_hash(r, "django_pbkdf2_sha1")}", "username": "aminu"}}',
        lambda r: f"aspnet_Membership.Password = '{v.unvoiced_password_hash(r, 'episerver')}'",
        lambda r: f"ShadowHashData SALTED-SHA512-PBKDF2 {v.unvoiced_password_hash(r, 'macos_pbkdf2')}",
    ),
    "credential_phrase": _p(
        lambda r: f"તમારો નવો પાસવર્ડ {_uv_password(r)} છે",
        lambda r: f"ನಿಮ್ಮ ಹೊಸ ಪಾಸ್‌ವರ್ಡ್ {_uv_password(r)}",
        lambda r: f"Sabuwar kalmar sirrinka ita ce {_uv_password(r)}",
        lambda r: f"Furahaaga cusub waa {_uv_password(r)}",
        lambda r: f"Жаңы сырсөзүңүз: {_uv_password(r)}",
        lambda r: f"the Jupyter password for the shared GPU box is {_uv_password(r)}",
        lambda r: f"Your one-time password for the Bishkek VPN is {_uv_password(r)}, change it after you sign in.",
    ),
    "email": _p(
        lambda r: f"Co-authored-by: Hetal Patel <{v.unvoiced_email(r)}>",
        lambda r: f"subjects:\n- kind: User\n  name: {v.unvoiced_email(r)}\n  apiGroup: rbac.authorization.k8s.io",
        lambda r: f"gcloud config set account {v.unvoiced_email(r)}",
        lambda r: f"mail: {v.unvoiced_email(r)}",
        lambda r: f"Reply-To: {v.unvoiced_email(r)}",
    ),
    "ipv4": _p(
        lambda r: f"[Peer]\nEndpoint = {v.ipv4(r)}:51820\nPersistentKeepalive = 25",
        lambda r: f"x-envoy-external-address: {v.ipv4(r)}",
        lambda r: f'"sourceIPAddress": "{v.ipv4(r)}"',
    ),
    "ipv6": _p(
        lambda r: f"[Peer]\nEndpoint = [{v.ipv6(r)}]:51820",
        lambda r: f"x-envoy-external-address: {v.ipv6(r)}",
    ),
    "phone": _p(
        lambda r: f"મને {_uv_phone(r)} પર ફોન કરો",
        lambda r: f"ನನಗೆ {_uv_phone(r)} ಗೆ ಕರೆ ಮಾಡಿ",
        lambda r: f"kira ni a lamba {_uv_phone(r)}",
        lambda r: f"iga soo wac {_uv_phone(r)}",
        lambda r: f"мага {_uv_phone(r)} номерине чалыңыз",
        lambda r: (
            f'<a href="tel:{v.unvoiced_phone(r, _uv_regions(), international_only=True).replace(" ", "")}">call us</a>'
        ),
        lambda r: (
            f'"phone_number": "{v.unvoiced_phone(r, _uv_regions(), international_only=True)}", "phone_verified": true'
        ),
    ),
    "payment_card": _p(
        lambda r: f"JCB {v.unvoiced_card(r, 'jcb15')} exp 04/27",
        lambda r: (
            f'"card": {{"number": "{v.unvoiced_card(r, pick(r, "discover644", "discover_cup"), sep="")}", '
            '"cvc": "***"}'
        ),
        lambda r: f"Diners Club {v.unvoiced_card(r, pick(r, 'diners38', 'diners_us'))}",
        lambda r: f"Maestro {v.unvoiced_card(r, 'maestro_short')} declined",
        lambda r: f"<PAN>{v.unvoiced_card(r, 'switch564', sep='')}</PAN>",
        lambda r: f"Dankort {v.unvoiced_card(r, 'dankort4175')}",
        lambda r: f"cartão Hipercard {v.unvoiced_card(r, 'hipercard384')}",
        lambda r: f"card_number={v.unvoiced_card(r, sep='')}&exp_month=11&exp_year=2027",
    ),
    "iban": _p(
        lambda r: f"<DbtrAcct><Id><IBAN>{v.unvoiced_iban(r, grouped=False)}</IBAN></Id></DbtrAcct>",
        lambda r: f"RIB / IBAN : {v.unvoiced_iban(r, country=pick(r, 'TN', 'MR'))}",
        lambda r: f"Номер счёта IBAN {v.unvoiced_iban(r, country='RU')}",
        lambda r: f"Lambarka IBAN: {v.unvoiced_iban(r, country='SO')}",
        lambda r: f"رقم الحساب الدولي {v.unvoiced_iban(r, country=pick(r, 'OM', 'YE', 'SD'))}",
        lambda r: f"beneficiary IBAN {v.unvoiced_iban(r, country=pick(r, 'MN', 'FK', 'LC'))}",
    ),
}

UNVOICED_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: (
            '{"models": [{"title": "GPT-4", "provider": "openai", "model": "gpt-4", '
            '"apiKey": "${{ secrets.OPENAI }}"}]}'
        ),
    ),
    "openai_project_key": _p(
        lambda r: f"OPENAI_API_KEY=sk-proj-********************{rand(r, ALNUM, 4)}",
        lambda r: (
            'embeddings = OpenAIEmbeddings(model="text-embedding-3-small", api_key=st.secrets["openai"]["api_key"])'
        ),
        lambda r: f"OPENROUTER_API_KEY={v.unvoiced_openrouter_key(r)}",  # another class's secret
    ),
    "anthropic_api_key": _p(
        lambda r: "anthropic-api-key: ${ANTHROPIC_API_KEY}",
        lambda r: f"Invalid API key sk-ant-api03-...{rand(r, ALNUM, 4)}AA (401)",
    ),
    "deepseek_api_key": _p(
        lambda r: f"x-request-id: req-{rand(r, HEX, 32)}",
        lambda r: f"sha256:{rand(r, HEX, 64)} pulled",
    ),
    "aws_access_key_id": _p(
        lambda r: f'"PrincipalId": "AIDA{rand(r, string.ascii_uppercase + "234567", 17)}"',
        lambda r: "aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE --profile docs",
    ),
    "aws_secret_access_key": _p(
        lambda r: "aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY --profile docs",
        lambda r: "dvc remote modify --local s3store secret_access_key $(pass show aws/dvc)",
    ),
    "aws_session_token": _p(lambda r: "          AWS_SESSION_TOKEN: ${{ steps.creds.outputs.aws-session-token }}"),
    "github_classic_token": _p(
        lambda r: (
            f"pip install git+https://{v.github_token(r, 'ghp', valid=False)}@github.com/acme/tokenizers-extra.git"
        )
    ),
    "github_oauth_token": _p(lambda r: '{"github.com": {"user": "hetal-p", "oauth_token": ""}}'),
    "github_app_token": _p(lambda r: f'{{"token": "{v.github_token(r, "ghs", valid=False)}", "expires_at": null}}'),
    "github_refresh_token": _p(
        lambda r: (
            '{"error": "bad_refresh_token", "error_description": "The refresh token passed is incorrect or expired."}'
        )
    ),
    "github_fine_grained_token": _p(lambda r: "HOMEBREW_GITHUB_API_TOKEN=github_pat_…"),
    "gitlab_token": _p(lambda r: "glab auth login --hostname gitlab.acme.ai --stdin < ~/.config/glab/token"),
    "slack_token": _p(
        lambda r: f"channel C0{rand(r, v.UPPER, 8)} ts={r.randrange(10**9, 2 * 10**9)}.{r.randrange(10**5, 10**6)}"
    ),
    "slack_webhook": _p(
        lambda r: "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"
    ),
    "stripe_key": _p(
        lambda r: f"NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_live_51{rand(r, ALNUM, 97)}",
        lambda r: f"evt_{rand(r, ALNUM, 24)} payment_intent.succeeded pi_{rand(r, ALNUM, 24)}",
    ),
    "google_api_key": _p(lambda r: "POST /v1beta/models/gemini-2.0-flash:generateContent?key=$GEMINI_API_KEY HTTP/1.1"),
    "google_oauth_client_secret": _p(lambda r: "AUTH_GOOGLE_SECRET=GOCSPX-<your-client-secret>"),
    "gcp_oauth_token": _p(
        lambda r: 'curl -H "Authorization: Bearer $(gcloud auth print-access-token)" https://aiplatform.googleapis.com'
    ),
    "clickhouse_cloud_key": _p(lambda r: "CLICKHOUSE_CLOUD_API_SECRET="),
    "twilio_api_key": _p(lambda r: f'{{"sid": "CA{rand(r, HEX, 32)}", "status": "completed"}}'),
    "sendgrid_api_key": _p(
        lambda r: f'sg_message_id: "{rand(r, ALNUM + "_-", 22)}.filterdrecv-{rand(r, HEX, 10)}-1-{rand(r, HEX, 8)}-2"'
    ),
    "huggingface_token": _p(
        lambda r: "huggingface-cli login --token $HF_TOKEN",
        lambda r: "hf_transfer enabled for repo hf-internal-testing/tiny-random-gpt2",
    ),
    "npm_token": _p(lambda r: '[install.scopes]\nacme = { token = "$NPM_TOKEN", url = "https://registry.npmjs.org/" }'),
    "pypi_token": _p(lambda r: "poetry config pypi-token.pypi ${{ secrets.PYPI_TOKEN }}"),
    "shopify_token": _p(lambda r: f"PUBLIC_STOREFRONT_ID={r.randrange(10**6, 10**7)}"),
    "digitalocean_token": _p(lambda r: "doctl auth init --context gpu-droplets -t $DIGITALOCEAN_TOKEN"),
    "telegram_bot_token": _p(lambda r: "POST https://api.telegram.org/bot<token>/sendMessage"),
    "azure_storage_connection_string": _p(lambda r: "AZURE_STORAGE_CONNECTION_STRING=UseDevelopmentStorage=true"),
    "azure_sas_token": _p(
        lambda r: "GET /checkpoints/llama-ft/step-4000.safetensors?sv=2024-11-04&sr=b&sp=r&sig=REDACTED 403"
    ),
    "jwt": _p(
        lambda r: f"traceparent: 00-{rand(r, HEX, 32)}-{rand(r, HEX, 16)}-01",
        lambda r: "SUPABASE_SERVICE_ROLE_KEY=<service-role-key>",
    ),
    "private_key": _p(
        lambda r: (
            f'{{"type": "service_account", "project_id": "acme-ai-prod", "private_key_id": "{rand(r, HEX, 40)}"}}'
        ),
        lambda r: f"[Interface]\nPublicKey = {v.b64(r.randbytes(32))}",
        lambda r: "-----BEGIN PUBLIC KEY-----\n" + "\n".join(_uv_pem_body(r, 270)) + "\n-----END PUBLIC KEY-----",
    ),
    "url_credentials": _p(
        lambda r: "DATABASE_URL=postgresql://neondb_owner@ep-cool-darkness-a1b2c3d4.us-east-2.aws.neon.tech/neondb",
        lambda r: "snowflake://etl_user:${SNOWFLAKE_PASSWORD}@acme-ai/ANALYTICS",
        lambda r: "mongodb+srv://<username>:<password>@cluster0.mongodb.net/",
    ),
    "password_assignment": _p(
        lambda r: '[connections.dev]\naccount = "acme-ai"\nauthenticator = "externalbrowser"',
        lambda r: "      password: \"{{ env_var('DBT_PASSWORD') }}\"",
        lambda r: 'requirepass ""',
        lambda r: "GF_SECURITY_ADMIN_PASSWORD__FILE=/run/secrets/grafana_admin",
    ),
    "sql_identified_by": _p(
        lambda r: "CREATE USER rag_reader IDENTIFIED WITH no_password SETTINGS readonly = 1",
        lambda r: "ALTER USER 'metabase'@'%' IDENTIFIED WITH caching_sha2_password REQUIRE SSL;",
    ),
    "bearer_token": _p(
        lambda r: 'headers = {"Authorization": f"Bearer {os.environ[\'VOYAGE_API_KEY\']}"}',
        lambda r: "Authorization: Bearer [FILTERED]",
    ),
    "basic_auth": _p(lambda r: "Authorization: Basic ${ELASTIC_BASIC_AUTH}"),
    "session_cookie": _p(
        lambda r: "Set-Cookie: connect.sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        lambda r: (
            f"Cookie: _ga=GA1.1.{r.randrange(10**8, 10**9)}.{r.randrange(10**9, 2 * 10**9)}; "
            f"ajs_anonymous_id={_uuid(r)}"
        ),
    ),
    "auth_token_assignment": _p(
        lambda r: "DATABRICKS_TOKEN={{ secrets.databricks_token }}",
        lambda r: '{"error": "invalid_grant", "error_description": "Unknown or invalid refresh token."}',
    ),
    "generic_secret": _p(
        lambda r: (
            f"PINECONE_INDEX_HOST=rag-{rand(r, string.ascii_lowercase + string.digits, 7)}"
            ".svc.aped-4627-b74a.pinecone.io"
        ),
        lambda r: f"DD_APPLICATION_ID={_uuid(r)}",
        lambda r: f"AUTH0_CLIENT_ID={_uv_auth0_client_id(r)}",
    ),
    "password_hash": _p(
        lambda r: f"ollama pull llama3.2 -- digest sha256:{rand(r, HEX, 64)}",
        lambda r: f"{rand(r, HEX, 40)}  model-00001-of-00004.safetensors",
        lambda r: f"commit {rand(r, HEX, 40)}\nAuthor: ci-bot",
    ),
    "credential_phrase": _p(
        lambda r: "પાસવર્ડ ભૂલી ગયા?",
        lambda r: "ಪಾಸ್‌ವರ್ಡ್ ಮರೆತಿರಾ?",
        lambda r: "Kin manta kalmar sirrinka?",
        lambda r: "Ma ilowday furahaaga sirta ah?",
        lambda r: "Сырсөзүңүздү унутуп калдыңызбы?",
        lambda r: "The password for the GPU box is in 1Password under 'Shared/Jupyter'.",
    ),
    "email": _p(
        lambda r: f"pip install acme-evals=={r.randrange(0, 3)}.{r.randrange(0, 20)}.{r.randrange(0, 9)}",
        lambda r: "@acme/ui-kit@4.2.0 installed",
    ),
    "ipv4": _p(
        lambda r: f"torch {r.randrange(1, 3)}.{r.randrange(0, 9)}.{r.randrange(0, 9)}.{r.randrange(0, 99)} cu124",
        lambda r: f"OID 1.3.6.{r.randrange(1, 9)}.4.1.{r.randrange(1000, 60000)}",
    ),
    "ipv6": _p(
        lambda r: "fn main() -> Result<(), Box<dyn std::error::Error>> {",
        lambda r: "SHA1 Fingerprint=" + ":".join(rand(r, "0123456789ABCDEF", 2) for _ in range(20)),
    ),
    "phone": _p(
        lambda r: f"call {v.unvoiced_invalid_phone(r, _uv_regions())}",
        lambda r: f"order #{v.no_phone_digits(r, 9, _uv_regions())} shipped",
        lambda r: f"build 2026.{r.randrange(1, 12)}.{r.randrange(100, 999)}",
    ),
    "payment_card": _p(
        lambda r: f"card {_uv_luhn_failing(r)} rejected: invalid number",
        lambda r: "test card 3852 000002 3237 (Diners Club test number)",
        lambda r: "test card 6011 0009 9013 9424 (Discover test number)",
        lambda r: f"JCB **** ****** {rand(r, string.digits, 5)}",
        lambda r: f"card_fingerprint={rand(r, ALNUM, 16)} last4={rand(r, string.digits, 4)}",
    ),
    "iban": _p(
        lambda r: f"account {v.unvoiced_iban(r, valid=False)}",
        lambda r: "IBAN: MN12 1234 1234 5678 9123 (example from the IBAN registry)",
        lambda r: "SWIFT/BIC: CBYEYESA",
    ),
}

# Own negatives that truthfully hold another class: an OpenRouter key assigned to a variable named as an API key (a
# generic secret, no OpenAI key).
UNVOICED_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("openai_project_key", 2): frozenset({"generic_secret"}),
}


# ---------------------------------------------------------------------------- the unsung split's own shapes
#
# Written for the eighteenth split only, by a twelfth session that did not read the rules (``build_corpus("unsung")``
# puts them before the shared generators, as for the splits since hidden): values in .NET ``web.config`` appSettings
# and ``OpenAI__ApiKey``-style environment variables, JS SDK constructors, GitHub Actions ``env:`` blocks, ``.s3cfg``
# and ``rclone.conf``, hub's config, ``git clone`` and ``git push`` URLs with tokens, ``.pypirc``, ``.yarnrc.yml``,
# Terraform provider blocks, ``azcopy`` and ``client_secrets.json``, WireGuard and JWK private keys, SFTP, NATS,
# Elasticsearch, SMTP and Nexus URLs, Maven ``settings.xml``, PowerShell, MySQL and psql command lines, Django
# ``DATABASES``, Norwegian and Bosnian key names, Oracle, MariaDB and ClickHouse ``IDENTIFIED BY``, keys of vendors
# with no detector of their own (Tavily, Firecrawl, NVIDIA, Airtable, HubSpot, Asana, Yandex IAM and Baidu Qianfan
# in Bearer headers; Sentry, Grafana, Tailscale, Contentful, Figma, Sourcegraph, Okta and Square tokens assigned as
# tokens; Tavily, Firecrawl, Brevo, PostHog, NuGet, RubyGems, Flutterwave and Mailchimp keys assigned as API keys),
# session cookies of Rack, express-openid-connect, Pomerium, Vouch, Ory Kratos, Ring, Laravel's remember-me and
# Auth.js, password hashes of thirteen families (DCC2, OpenLDAP ``{ARGON2}``, Elasticsearch ``{PBKDF2}``, Go
# simple-scrypt, base64 bcrypt of Home Assistant and Caddy, WildFly digests, Gitea PBKDF2, Ory Kratos PHC PBKDF2, Java
# ``iterations:salt:hash``, ``$2x$``, SHA-512 crypt with rounds, yescrypt, argon2id) in secretsdump, cn=config,
# Elasticsearch users files, Caddyfiles, kickstart and Vaultwarden carriers, cards of thirteen ranges, IBANs of six
# new countries, phone numbers of eight new regions and sentences in Malayalam, Burmese, Igbo, Pashto and Norwegian;
# and look-alikes that are not findings (Key Vault and 1Password references, AWS's second documented example keys,
# policy ids, public keys and ids such as PostHog project keys, Mapbox ``pk.`` tokens, Supabase publishable keys,
# Twilio account SIDs and Google OAuth client ids, CSRF, load-balancer and analytics cookies, idempotency and
# continuation tokens, ``WWW-Authenticate`` challenges, MIME Message-IDs and Content-IDs, MAC addresses and SSH
# fingerprints, Android build ids, UPU tracking numbers, IMEIs and ICCIDs that pass Luhn, documented test cards,
# 20-digit Luhn-valid numbers, a registry example IBAN and a BIC). ``UNSUNG_NEGATIVE_LABELS`` gives the true labels
# of the few own negatives that hold another class.


def _ug_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _ug_password(r: random.Random) -> str:
    return v.unsung_password(r)


def _ug_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unsung_password(r), safe="")


def _ug_phone(r: random.Random) -> str:
    return v.unsung_phone(r, _ug_regions())


def _ug_intl_phone(r: random.Random) -> str:
    return v.unsung_phone(r, _ug_regions(), international_only=True)


def _ug_slack_hook(r: random.Random) -> str:
    return (
        "https://hooks.slack.com/services/T"
        + rand(r, string.ascii_uppercase + string.digits, 10)
        + "/B"
        + rand(r, string.ascii_uppercase + string.digits, 10)
        + "/"
        + rand(r, ALNUM, 24)
    )


def _ug_wireguard(r: random.Random) -> str:
    """A WireGuard interface with its private key (the peer's public key is no secret)."""
    return (
        f"[Interface]\nPrivateKey = {v.b64(r.randbytes(32))}\nListenPort = 51820\n\n"
        f"[Peer]\nPublicKey = {v.b64(r.randbytes(32))}\nPersistentKeepalive = 25"
    )


def _ug_jwk(r: random.Random) -> str:
    """A private EC JWK (the ``d`` member is the private key)."""
    doc = {
        "kty": "EC",
        "crv": "P-256",
        "kid": f"payouts-signing-2026-{r.randrange(1, 12):02d}",
        "d": v.b64url(r.randbytes(32)),
        "x": v.b64url(r.randbytes(32)),
        "y": v.b64url(r.randbytes(32)),
    }
    return json.dumps(doc)


def _ug_pgp(r: random.Random) -> str:
    body = v.b64(r.randbytes(330))
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "\n".join(
        [
            "-----BEGIN PGP PRIVATE KEY BLOCK-----",
            "",
            *lines,
            "=" + v.b64(r.randbytes(3)),
            "-----END PGP PRIVATE KEY BLOCK-----",
        ]
    )


def _ug_basic(r: random.Random, user: str) -> str:
    return v.b64(f"{user}:{_ug_password(r)}".encode())


def _ug_cookie_b64(r: random.Random, lo: int, hi: int) -> str:
    return v.b64(r.randbytes(r.randrange(lo, hi)))


def _ug_authjs_jwe(r: random.Random) -> str:
    """Auth.js v5's encrypted session token: a compact JWE (``dir``, A256CBC-HS512), the key part empty."""
    head = v.b64url(b'{"alg":"dir","enc":"A256CBC-HS512","kid":"' + rand(r, ALNUM, 20).encode() + b'"}')
    body = v.b64url(r.randbytes(r.randrange(200, 320)))
    return f"{head}..{v.b64url(r.randbytes(16))}.{body}.{v.b64url(r.randbytes(32))}"


def _ug_wa_digits(r: random.Random) -> str:
    """A valid number of the split's regions as a ``wa.me`` link writes it: the country code and number, no ``+``."""
    number = v._unsung_valid_number(r, r.choice(_ug_regions()))
    return f"{number.country_code}{number.national_number}"


def _ug_luhn_failing(r: random.Random) -> str:
    return v.wrong_last_digit(r, v.unsung_card(r))


UNSUNG_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f'<add key="OpenAIKey" value="{v.openai_legacy(r)}" />',
        lambda r: f"openai.api_key = os.getenv('OPENAI_API_KEY', '{v.openai_legacy(r)}')",
        lambda r: f"OpenAI__ApiKey={v.openai_legacy(r)}",
    ),
    "openai_project_key": _p(
        lambda r: f"const openai = new OpenAI({{ apiKey: '{v.openai_project(r)}' }});",
        lambda r: f"    env:\n      OPENAI_API_KEY: {v.openai_project(r)}\n    run: pytest -m evals",
        lambda r: f'[llm]\nprovider = "openai"\nkey = "{v.openai_project(r)}"',
        lambda r: f"export OPENAI_API_KEY='{v.openai_project(r)}'  # TODO move to the vault",
    ),
    "anthropic_api_key": _p(
        lambda r: f"ANTHROPIC_API_KEY={v.anthropic(r)} claude -p 'summarise the payout failures'",
        lambda r: f'const client = new Anthropic({{ apiKey: "{v.anthropic(r)}" }});',
        lambda r: f'<add key="Anthropic:ApiKey" value="{v.anthropic(r)}" />',
    ),
    "deepseek_api_key": _p(
        lambda r: f'"deepseek": {{"api_key": "{v.deepseek(r)}", "base_url": "https://api.deepseek.com"}}',
        lambda r: f"litellm --model deepseek/deepseek-chat --api_key {v.deepseek(r)}",
    ),
    "aws_access_key_id": _p(
        lambda r: f"AWS_ACCESS_KEY_ID={v.aws_key_id(r)} terraform apply -auto-approve",
        lambda r: f'<add key="AWSAccessKey" value="{v.aws_key_id(r)}" />',
        lambda r: f"[default]\naccess_key = {v.aws_key_id(r)}\nhost_base = s3.eu-north-1.amazonaws.com",
    ),
    "aws_secret_access_key": _p(
        lambda r: f'<add key="AWSSecretKey" value="{v.aws_secret(r)}" />',
        lambda r: f"[s3-payouts]\ntype = s3\nprovider = AWS\nsecret_access_key = {v.aws_secret(r)}",
        lambda r: f"AWS_SECRET_ACCESS_KEY={v.aws_secret(r)} aws s3 sync ./exports s3://acme-payouts",
    ),
    "aws_session_token": _p(
        lambda r: f'credentials: {{ accessKeyId, secretAccessKey, sessionToken: "{v.aws_session_token(r)}" }}',
        lambda r: f"$Env:AWS_SESSION_TOKEN = '{v.aws_session_token(r)}'",
    ),
    "github_classic_token": _p(
        lambda r: f"git clone https://{v.github_token(r, 'ghp')}@github.com/acme/payouts.git",
        lambda r: f"GITHUB_TOKEN={v.github_token(r, 'ghp')} gh release create v2.3.0 --generate-notes",
    ),
    "github_oauth_token": _p(
        lambda r: f"github.com:\n- user: wali-a\n  oauth_token: {v.github_token(r, 'gho')}\n  protocol: https",
    ),
    "github_app_token": _p(
        lambda r: f"Authorization: token {v.github_token(r, 'ghs')}",
        lambda r: f"git push https://x-access-token:{v.github_token(r, 'ghs')}@github.com/acme/payouts HEAD:main",
    ),
    "github_refresh_token": _p(
        lambda r: f"grant_type=refresh_token&refresh_token={v.github_token(r, 'ghr')}&client_id=Iv1.{rand(r, HEX, 16)}",
    ),
    "github_fine_grained_token": _p(
        lambda r: "GH_PAT=github_pat_" + rand(r, ALNUM, 22) + "_" + rand(r, ALNUM, 59),
    ),
    "gitlab_token": _p(
        lambda r: f"git push https://oauth2:glpat-{rand(r, ALNUM + '_-', 20)}@gitlab.acme.no/payouts/api.git",
        lambda r: (
            f'curl --header "PRIVATE-TOKEN: glpat-{rand(r, ALNUM + "_-", 20)}" https://gitlab.acme.no/api/v4/projects'
        ),
    ),
    "slack_token": _p(
        lambda r: f"client = slack_sdk.WebClient(token='{v.slack_token(r)}')",
        lambda r: f'<add key="Slack:BotToken" value="{v.slack_token(r)}" />',
    ),
    "slack_webhook": _p(
        lambda r: (
            "curl -X POST -H 'Content-type: application/json' "
            f'--data \'{{"text":"payout batch failed"}}\' {_ug_slack_hook(r)}'
        ),
        lambda r: f'notify:\n  slack:\n    webhook_url: "{_ug_slack_hook(r)}"',
    ),
    "stripe_key": _p(
        lambda r: f"curl https://api.stripe.com/v1/payouts -u {v.stripe_key(r)}:",
        lambda r: f"stripe.api_key = os.environ.get('STRIPE_KEY', '{v.stripe_key(r)}')",
    ),
    "google_api_key": _p(
        lambda r: (
            f"GET https://maps.googleapis.com/maps/api/geocode/json?address=Kochi&key=AIza{rand(r, ALNUM + '_-', 35)}"
        ),
        lambda r: (
            '<meta-data android:name="com.google.android.geo.API_KEY" '
            f'android:value="AIza{rand(r, ALNUM + "_-", 35)}"/>'
        ),
    ),
    "google_oauth_client_secret": _p(
        lambda r: (
            f'{{"installed": {{"client_id": "{r.randrange(10**11, 10**12)}-'
            f"{rand(r, string.ascii_lowercase + string.digits, 32)}"
            f'.apps.googleusercontent.com", "client_secret": "GOCSPX-{rand(r, ALNUM + "_-", 28)}"}}}}'
        ),
    ),
    "gcp_oauth_token": _p(
        lambda r: f"access_token: {v.gcp_token(r)}\ntoken_type: Bearer\nexpires_in: 3599",
        lambda r: f"CLOUDSDK_AUTH_ACCESS_TOKEN={v.gcp_token(r)} gcloud storage ls gs://acme-payouts",
    ),
    "twilio_api_key": _p(lambda r: f"TWILIO_API_KEY=SK{rand(r, HEX, 32)}"),
    "sendgrid_api_key": _p(
        lambda r: f"smtp.sendgrid.net:587 user=apikey pass=SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}",
    ),
    "huggingface_token": _p(
        lambda r: f"git clone https://anil:hf_{rand(r, ALNUM, 34)}@huggingface.co/acme/malayalam-ner",
        lambda r: f"HUGGING_FACE_HUB_TOKEN=hf_{rand(r, ALNUM, 34)} text-generation-launcher --model-id acme/ner",
    ),
    "npm_token": _p(
        lambda r: f'npmScopes:\n  acme:\n    npmAuthToken: "npm_{rand(r, ALNUM, 36)}"',
        lambda r: f"NODE_AUTH_TOKEN=npm_{rand(r, ALNUM, 36)} npm publish --access public",
    ),
    "pypi_token": _p(
        lambda r: f"[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}",
        lambda r: f"uv publish --token pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}",
    ),
    "shopify_token": _p(lambda r: f"SHOPIFY_ADMIN_API_ACCESS_TOKEN=shpat_{rand(r, HEX, 32)}"),
    "digitalocean_token": _p(lambda r: f'provider "digitalocean" {{\n  token = "dop_v1_{rand(r, HEX, 64)}"\n}}'),
    "telegram_bot_token": _p(
        lambda r: (
            f"curl https://api.telegram.org/bot{r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + '_-', 33)}/getUpdates"
        ),
        lambda r: f"TELEGRAM_BOT_TOKEN={r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + '_-', 33)}",
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            '<add name="Storage" connectionString="DefaultEndpointsProtocol=https;AccountName=acmepayouts;'
            f'AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net" />'
        ),
        lambda r: (
            'var client = new ServiceBusClient("Endpoint=sb://acme-payouts.servicebus.windows.net/;'
            f'SharedAccessKeyName=sender;SharedAccessKey={v.b64(r.randbytes(32))}");'
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            "azcopy copy ./payouts.csv 'https://acmepayouts.blob.core.windows.net/exports/payouts.csv"
            f"?sv=2024-11-04&ss=b&srt=o&sp=cw&se=2026-01-31T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}'"
        ),
    ),
    "clickhouse_cloud_key": _p(
        lambda r: f'{{"keyId": "{rand(r, ALNUM, 20)}", "keySecret": "{v.clickhouse_secret(r)}"}}',
    ),
    "jwt": _p(
        lambda r: f"wss://chat.acme.no/socket?token={v.jwt(r)}&vsn=2.0.0",
        lambda r: f"grpc metadata authorization=Bearer {v.jwt(r)}",
        lambda r: f"X-Auth-Token: {v.jwt(r)}",
    ),
    "private_key": _p(
        _ug_wireguard,
        _ug_jwk,
        _ug_pgp,
        lambda r: f'signing:\n  key: "{v.pem_key(r)}"',
    ),
    "url_credentials": _p(
        lambda r: f"sftp://payouts:{_ug_url_password(r)}@sftp.bcr.md:22/outbox",
        lambda r: f"nats://gateway:{_ug_url_password(r)}@nats.internal:4222",
        lambda r: f"ELASTICSEARCH_URL=https://elastic:{_ug_url_password(r)}@es-prod.internal:9200",
        lambda r: f"smtp://postmaster%40mg.acme.no:{_ug_url_password(r)}@smtp.eu.mailgun.org:587",
        lambda r: (
            f"pip install --index-url https://deploy:{_ug_url_password(r)}@nexus.acme.no/repository/pypi/simple payouts"
        ),
        lambda r: f"mssql+pyodbc://sa:{_ug_url_password(r)}@sql-payouts:1433/payouts?driver=ODBC+Driver+18",
    ),
    "password_assignment": _p(
        lambda r: (
            "<server>\n  <id>nexus</id>\n  <username>deploy</username>\n"
            f"  <password>{_ug_password(r)}</password>\n</server>"
        ),
        lambda r: f"$securePwd = ConvertTo-SecureString '{_ug_password(r)}' -AsPlainText -Force",
        lambda r: f"mysql -u payouts -p'{_ug_password(r)}' -h db-payouts payouts < fix.sql",
        lambda r: f"        'PASSWORD': '{_ug_password(r)}',\n        'HOST': 'db-payouts',",
        lambda r: f"sshpass -p '{_ug_password(r)}' scp payouts.csv bank-sftp:/inbox/",
        lambda r: f"database:\n  bruker: payouts\n  passord: {_ug_password(r)}",
        lambda r: f"baza.lozinka={_ug_password(r)}",
        lambda r: f"PGPASSFILE line: db-payouts:5432:payouts:payouts:{_ug_password(r)}",
    ),
    "sql_identified_by": _p(
        lambda r: f'ALTER USER payouts IDENTIFIED BY "{_ug_password(r)}" ACCOUNT UNLOCK;',
        lambda r: f"GRANT SELECT ON payouts.* TO 'report'@'%' IDENTIFIED BY '{_ug_password(r)}';",
        lambda r: f"CREATE USER OR REPLACE sms_reader IDENTIFIED WITH sha256_password BY '{_ug_password(r)}'",
    ),
    "bearer_token": _p(
        lambda r: f"Authorization: Bearer {v.unsung_tavily_key(r)}",
        lambda r: f"curl https://api.firecrawl.dev/v1/scrape -H 'Authorization: Bearer {v.unsung_firecrawl_key(r)}'",
        lambda r: f'headers={{"Authorization": "Bearer {v.unsung_nvidia_key(r)}"}}',
        lambda r: f"authorization: Bearer {v.unsung_airtable_pat(r)}",
        lambda r: f"Authorization: Bearer {v.unsung_hubspot_pat(r)}",
        lambda r: f"-H 'Authorization: Bearer {v.unsung_asana_pat(r)}'",
        lambda r: f"Authorization: Bearer {v.unsung_yandex_iam_token(r)}",
        lambda r: f"Authorization: Bearer {v.unsung_qianfan_key(r)}",
    ),
    "basic_auth": _p(
        lambda r: f"Authorization: Basic {_ug_basic(r, _uuid(r))}",
        lambda r: f"wget --header='Authorization: Basic {_ug_basic(r, 'payouts')}' https://reports.acme.no/daily.csv",
        lambda r: f"http_headers:\n  Authorization: 'Basic {_ug_basic(r, 'grafana')}'",
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: rack.session={_ug_cookie_b64(r, 120, 200)}--{rand(r, HEX, 40)}",
        lambda r: f"Cookie: appSession={_ug_authjs_jwe(r)}",
        lambda r: f"Cookie: _pomerium={v.b64url(r.randbytes(r.randrange(150, 260)))}",
        lambda r: f"Cookie: VouchCookie={v.b64url(r.randbytes(r.randrange(200, 320)))}",
        lambda r: f"Cookie: ory_kratos_session=MTc2{v.b64url(r.randbytes(r.randrange(180, 260)))}",
        lambda r: f"Cookie: ring-session={_uuid(r)}",
        lambda r: f"Cookie: remember_web_59ba36addc2b2f9401580f014c7f58ea4e30989d={_ug_cookie_b64(r, 200, 300)}",
        lambda r: f"Cookie: __Secure-authjs.session-token={_ug_authjs_jwe(r)}",
    ),
    "auth_token_assignment": _p(
        lambda r: f"SENTRY_AUTH_TOKEN={v.unsung_sentry_user_token(r)}",
        lambda r: f'grafana_service_account_token = "{v.unsung_grafana_sa_token(r)}"',
        lambda r: f"TS_AUTHKEY={v.unsung_tailscale_key(r)}",
        lambda r: f"CONTENTFUL_MANAGEMENT_TOKEN={v.unsung_contentful_pat(r)}",
        lambda r: f'figma_token: "{v.unsung_figma_pat(r)}"',
        lambda r: f"SRC_ACCESS_TOKEN={v.unsung_sourcegraph_token(r)}",
        lambda r: f"OKTA_API_TOKEN={v.unsung_okta_token(r)}",
        lambda r: f"SQUARE_ACCESS_TOKEN={v.unsung_square_token(r)}",
    ),
    "generic_secret": _p(
        lambda r: f"TAVILY_API_KEY={v.unsung_tavily_key(r)}",
        lambda r: f"app = FirecrawlApp(api_key='{v.unsung_firecrawl_key(r)}')",
        lambda r: f"BREVO_API_KEY={v.unsung_brevo_key(r)}",
        lambda r: f"POSTHOG_PERSONAL_API_KEY={v.unsung_posthog_personal_key(r)}",
        lambda r: f"dotnet nuget push Acme.Payouts.2.3.0.nupkg --api-key {v.unsung_nuget_key(r)}",
        lambda r: f"GEM_HOST_API_KEY={v.unsung_rubygems_key(r)}",
        lambda r: f"FLW_SECRET_KEY={v.unsung_flutterwave_key(r)}",
        lambda r: f'mailchimp.setConfig({{ apiKey: "{v.unsung_mailchimp_key(r)}", server: "us14" }});',
    ),
    "password_hash": _p(
        lambda r: f"ACME.LOCAL/administrator:{v.unsung_password_hash(r, 'dcc2')}",
        lambda r: f"dn: olcDatabase={{1}}mdb,cn=config\nolcRootPW: {v.unsung_password_hash(r, 'ldap_argon2')}",
        lambda r: f"elastic:{v.unsung_password_hash(r, 'es_pbkdf2')}",
        lambda r: f"basicauth /admin/* {{\n    wali {v.unsung_password_hash(r, 'b64_bcrypt')}\n}}",
        lambda r: f"# mgmt-users.properties\nadmin={v.unsung_password_hash(r, 'wildfly_digest')}",
        lambda r: (
            '{"credentials": {"password": {"config": {"hashed_password": '
            f'"{v.unsung_password_hash(r, "kratos_pbkdf2")}"}}}}}}'
        ),
        lambda r: f"rootpw --iscrypted {v.unsung_password_hash(r, 'sha512_crypt')}",
        lambda r: f"ADMIN_TOKEN='{v.unsung_password_hash(r, 'argon2id')}'",
    ),
    "credential_phrase": _p(
        lambda r: f"നിങ്ങളുടെ പുതിയ പാസ്‌വേഡ് {_ug_password(r)} ആണ്",
        lambda r: f"သင့်စကားဝှက်အသစ်မှာ {_ug_password(r)} ဖြစ်သည်",
        lambda r: f"Okwuntughe ọhụrụ gị bụ {_ug_password(r)}",
        lambda r: f"ستاسو نوی پټنوم {_ug_password(r)} دی",
        lambda r: f"Det nye passordet ditt er {_ug_password(r)}",
        lambda r: f"Vaša nova lozinka je {_ug_password(r)}",
        lambda r: f"Mot de passe Wi-Fi invités : {_ug_password(r)}",
        lambda r: f"the break-glass admin password for the payouts box is {_ug_password(r)}, rotate it after use",
    ),
    "email": _p(
        lambda r: f"Signed-off-by: Ingrid Haugen <{v.unsung_email(r)}>",
        lambda r: f"MAILTO={v.unsung_email(r)}\n0 3 * * * /opt/payouts/export.sh",
        lambda r: f"[user]\n\tname = Anil Nair\n\temail = {v.unsung_email(r)}",
        lambda r: f"certbot register --email {v.unsung_email(r)} --agree-tos --no-eff-email",
        lambda r: f"ServerAdmin {v.unsung_email(r)}",
        lambda r: f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{v.b64(r.randbytes(32)).rstrip('=')} {v.unsung_email(r)}",
    ),
    "ipv4": _p(
        lambda r: (
            f"sshd[{r.randrange(300, 60000)}]: Failed password for invalid user admin from {v.ipv4(r)} "
            f"port {r.randrange(1024, 65535)} ssh2"
        ),
        lambda r: f"fail2ban.actions [{r.randrange(300, 9000)}]: NOTICE  [sshd] Ban {v.ipv4(r)}",
        lambda r: (
            f"kernel: [UFW BLOCK] IN=eth0 OUT= SRC={v.ipv4(r)} DST={v.ipv4(r)} PROTO=TCP "
            f"SPT={r.randrange(1024, 65535)} DPT=22"
        ),
        lambda r: f"X-Real-IP: {v.ipv4(r)}",
        lambda r: f'"status": {{"podIP": "{v.ipv4(r)}", "phase": "Running"}}',
    ),
    "ipv6": _p(
        lambda r: (
            f"sshd[{r.randrange(300, 60000)}]: Accepted publickey for deploy from {v.ipv6(r)} "
            f"port {r.randrange(1024, 65535)} ssh2"
        ),
        lambda r: f"X-Real-IP: {v.ipv6(r)}",
        lambda r: f"payouts.acme.no. 300 IN AAAA {v.ipv6(r)}",
    ),
    "phone": _p(
        lambda r: f"എന്നെ {_ug_phone(r)} എന്ന നമ്പറിൽ വിളിക്കൂ",
        lambda r: f"{_ug_phone(r)} ကို ဖုန်းဆက်ပါ",
        lambda r: f"kpọọ m na {_ug_phone(r)}",
        lambda r: f"ما ته په {_ug_phone(r)} زنګ ووهئ",
        lambda r: f"ring meg på {_ug_phone(r)}",
        lambda r: f"Tél. : {_ug_intl_phone(r)}",
        lambda r: f"BEGIN:VCARD\nVERSION:3.0\nFN:Emir Hodzic\nTEL;TYPE=CELL:{_ug_intl_phone(r)}\nEND:VCARD",
        lambda r: f'<a href="https://wa.me/{_ug_wa_digits(r)}">WhatsApp</a>',
    ),
    "payment_card": _p(
        lambda r: f"GPN {v.unsung_card(r, 'gpn')} debit",
        lambda r: f"RuPay card no. {v.unsung_card(r, 'rupay')}",
        lambda r: f"cartão Elo {v.unsung_card(r, 'elo')}",
        lambda r: f"Карта МИР {v.unsung_card(r, 'mir')}",
        lambda r: f"<CardNumber>{v.unsung_card(r, 'jcb', sep='')}</CardNumber>",
        lambda r: f"Verve {v.unsung_card(r, 'verve')} (NGN)",
        lambda r: f"pan={v.unsung_card(r, pick(r, 'unionpay', 'discover'), sep='')}&exp=0828",
        lambda r: f"AMEX {v.unsung_card(r, pick(r, 'amex', 'diners'))} CID ****",
    ),
    "iban": _p(
        lambda r: f"Cont IBAN: {v.unsung_iban(r, country='MD')}",
        lambda r: f"Numéro IBAN : {v.unsung_iban(r, country=pick(r, 'BI', 'DJ'))}",
        lambda r: f"Cuenta IBAN {v.unsung_iban(r, country='NI')}",
        lambda r: f"Conta IBAN: {v.unsung_iban(r, country=pick(r, 'ST', 'TL'))}",
        lambda r: f"<CdtrAcct><Id><IBAN>{v.unsung_iban(r, grouped=False)}</IBAN></Id></CdtrAcct>",
    ),
}

UNSUNG_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: "openai.api_key = os.getenv('OPENAI_API_KEY')"),
    "openai_project_key": _p(
        lambda r: "OpenAI__ApiKey=@Microsoft.KeyVault(SecretUri=https://kv-acme.vault.azure.net/secrets/openai/)",
        lambda r: "OPENAI_API_KEY=sk-proj-<redacted>",
        lambda r: f"OPENAI_API_KEY={v.unsung_nvidia_key(r)}  # NIM's OpenAI-compatible endpoint",  # another class
    ),
    "anthropic_api_key": _p(lambda r: 'ANTHROPIC_API_KEY="$(op read op://AI/Anthropic/credential)"'),
    "deepseek_api_key": _p(
        lambda r: f"risk-{rand(r, HEX, 32)} scored 0.12",
        lambda r: f"helpdesk-{rand(r, HEX, 32)} reopened",
    ),
    "aws_access_key_id": _p(
        lambda r: "aws_access_key_id = AKIAI44QH8DHBEXAMPLE",
        lambda r: f'"PolicyId": "ANPA{rand(r, string.ascii_uppercase + "234567", 17)}"',
    ),
    "aws_secret_access_key": _p(
        lambda r: "aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
        lambda r: "secret_access_key = {{ aws_secret }}",
    ),
    "aws_session_token": _p(lambda r: "$Env:AWS_SESSION_TOKEN = ''", lambda r: "x-amz-security-token: <redacted>"),
    "github_classic_token": _p(lambda r: "git clone https://${GITHUB_TOKEN}@github.com/acme/payouts.git"),
    "github_app_token": _p(lambda r: "Authorization: token ghs_<installation-token>"),
    "gitlab_token": _p(lambda r: "git push https://gitlab-ci-token:${CI_JOB_TOKEN}@gitlab.acme.no/payouts/api.git"),
    "slack_token": _p(lambda r: f"Slack user U0{rand(r, string.ascii_uppercase + string.digits, 9)} joined #payouts"),
    "slack_webhook": _p(lambda r: "webhook_url: https://hooks.slack.com/services/<team>/<channel>/<token>"),
    "stripe_key": _p(
        lambda r: f"acct_{rand(r, ALNUM, 16)} payouts enabled",
        lambda r: f"STRIPE_PUBLISHABLE_KEY=pk_live_51{rand(r, ALNUM, 97)}",
    ),
    "google_api_key": _p(
        lambda r: '<meta-data android:name="com.google.android.geo.API_KEY" android:value="${MAPS_API_KEY}"/>'
    ),
    "google_oauth_client_secret": _p(
        lambda r: (
            f"client_id={r.randrange(10**11, 10**12)}-{rand(r, string.ascii_lowercase + string.digits, 32)}"
            ".apps.googleusercontent.com"
        )
    ),
    "gcp_oauth_token": _p(lambda r: "access_token: ya29.[REDACTED]"),
    "twilio_api_key": _p(lambda r: f"TWILIO_ACCOUNT_SID=AC{rand(r, HEX, 32)}"),
    "sendgrid_api_key": _p(lambda r: f"X-Message-Id: {rand(r, ALNUM + '_-', 22)}"),
    "huggingface_token": _p(lambda r: "hf_hub_download(repo_id='acme/malayalam-ner', filename='model.safetensors')"),
    "npm_token": _p(lambda r: f"npm_package_version=3.{r.randrange(0, 20)}.{r.randrange(0, 9)}"),
    "pypi_token": _p(lambda r: "[pypi]\nusername = __token__\npassword = ${PYPI_TOKEN}"),
    "shopify_token": _p(lambda r: f"shop_id={r.randrange(10**10, 10**11)}"),
    "digitalocean_token": _p(lambda r: 'provider "digitalocean" {\n  token = var.do_token\n}'),
    "telegram_bot_token": _p(lambda r: f"chat_id=-100{r.randrange(10**9, 10**10)}"),
    "azure_storage_connection_string": _p(
        lambda r: "DefaultEndpointsProtocol=https;AccountName=acmepayouts;EndpointSuffix=core.windows.net",
    ),
    "azure_sas_token": _p(
        lambda r: "https://acmepayouts.blob.core.windows.net/exports/payouts.csv?sv=2024-11-04&sp=r&sig=%3Credacted%3E"
    ),
    "clickhouse_cloud_key": _p(
        lambda r: (
            f"CLICKHOUSE_HOST={rand(r, string.ascii_lowercase + string.digits, 10)}.eu-central-1.aws.clickhouse.cloud"
        )
    ),
    "jwt": _p(
        lambda r: "X-Meta: eyJmb28iOiJiYXIifQ==",
        lambda r: "wss://chat.acme.no/socket?token=<jwt>&vsn=2.0.0",
    ),
    "private_key": _p(
        lambda r: f"[Peer]\nPublicKey = {v.b64(r.randbytes(32))}\nEndpoint = vpn.acme.no:51820",
        lambda r: (
            f'{{"kty": "EC", "crv": "P-256", "x": "{v.b64url(r.randbytes(32))}", "y": "{v.b64url(r.randbytes(32))}"}}'
        ),
        lambda r: "IdentityFile ~/.ssh/id_ed25519",
    ),
    "url_credentials": _p(
        lambda r: "sftp://payouts@sftp.bcr.md:22/outbox",
        lambda r: "postgresql://payouts:@db-payouts:5432/payouts",
        lambda r: "https://USERNAME:PASSWORD@nexus.acme.no/repository/pypi/simple",
    ),
    "password_assignment": _p(
        lambda r: "<password>${env.NEXUS_PASSWORD}</password>",
        lambda r: "passord: ********",
        lambda r: "lozinka: <unesite lozinku>",
        lambda r: f"password_expiry_days={r.randrange(30, 365)}",
        lambda r: "$securePwd = Read-Host -AsSecureString 'Password'",
    ),
    "sql_identified_by": _p(
        lambda r: "ALTER USER payouts IDENTIFIED EXTERNALLY;",
        lambda r: "ALTER USER payouts IDENTIFIED BY :new_password;",
    ),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer $(az account get-access-token --query accessToken -o tsv)",
        lambda r: "Authorization: Bearer undefined",
        lambda r: "Authorization: Bearer tvly-YOUR_API_KEY",
    ),
    "basic_auth": _p(
        lambda r: 'WWW-Authenticate: Basic realm="payouts", charset="UTF-8"',
        lambda r: "Authorization: Basic " + v.b64(b"payouts:"),
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: __Host-authjs.csrf-token={rand(r, HEX, 64)}%7C{rand(r, HEX, 64)}",
        lambda r: f"Set-Cookie: AWSALBCORS={v.b64(r.randbytes(90))}; Expires=Mon, 19 Jan 2026 08:00:00 GMT; Path=/",
        lambda r: (
            f"Cookie: _hjSessionUser_{r.randrange(10**6, 10**7)}="
            f"{v.b64(json.dumps({'id': rand(r, HEX, 16), 'created': 1767225600000}).encode())}"
        ),
        lambda r: "Cookie: cookieconsent_status=dismiss; _clck=1x2y3z%7C2%7Cfsl%7C0",
    ),
    "auth_token_assignment": _p(
        lambda r: "SENTRY_AUTH_TOKEN=${{ secrets.SENTRY_AUTH_TOKEN }}",
        lambda r: f'"ClientToken": "{_uuid(r)}"',
        lambda r: f"continuation_token={v.b64url(json.dumps({'offset': r.randrange(100, 9000)}).encode())}",
    ),
    "generic_secret": _p(
        lambda r: f"POSTHOG_PROJECT_API_KEY=phc_{rand(r, ALNUM, 43)}",
        lambda r: f"NEXT_PUBLIC_MAPBOX_ACCESS_TOKEN={v.unsung_mapbox_token(r, secret=False)}",
        lambda r: f"SUPABASE_PUBLISHABLE_KEY=sb_publishable_{rand(r, v.B64URL, 31)}",
        lambda r: "TAVILY_API_KEY=tvly-YOUR_API_KEY",
    ),
    "password_hash": _p(
        lambda r: f"{rand(r, HEX, 64)}  payouts-2026-01.csv",
        lambda r: f'ETag: "{rand(r, HEX, 32)}"',
        lambda r: f"docker pull ghcr.io/acme/payouts@sha256:{rand(r, HEX, 64)}",
        lambda r: "$2y$10$ is the bcrypt prefix PHP writes",
    ),
    "credential_phrase": _p(
        lambda r: "പാസ്‌വേഡ് മറന്നോ?",
        lambda r: "စကားဝှက် မေ့နေပါသလား။",
        lambda r: "Ichefuru okwuntughe gị?",
        lambda r: "خپل پټنوم مو هېر کړی؟",
        lambda r: "Passordet må ha minst 12 tegn.",
        lambda r: "The password for the payouts SFTP is in the team vault under 'Banks/Moldova'.",
    ),
    "email": _p(
        lambda r: f"Message-ID: <CA+{rand(r, ALNUM, 40)}@mail.gmail.com>",
        lambda r: (
            f"Content-ID: <image00{r.randrange(1, 9)}.png@01DA{rand(r, '0123456789ABCDEF', 4)}."
            f"{rand(r, '0123456789ABCDEF', 8)}>"
        ),
        lambda r: "anil@build-01:~/payouts$ make release",
        lambda r: "@ngozi.eze mentioned you in #payouts",
    ),
    "ipv4": _p(
        lambda r: f"Android 14 build UP1A.{r.randrange(230000, 240000)}.{r.randrange(1, 99):03d}",
        lambda r: (
            f"section {r.randrange(1, 9)}.{r.randrange(1, 9)}.{r.randrange(1, 9)}.{r.randrange(1, 9)} "
            "of the payout agreement"
        ),
        lambda r: f"__version__ = '{r.randrange(1, 5)}.{r.randrange(0, 30)}.{r.randrange(0, 9)}.{r.randrange(0, 999)}'",
    ),
    "ipv6": _p(
        lambda r: "MAC " + ":".join(rand(r, HEX, 2) for _ in range(6)),
        lambda r: "MD5:" + ":".join(rand(r, HEX, 2) for _ in range(16)),
        lambda r: "auto start = std::chrono::steady_clock::now();",
    ),
    "phone": _p(
        lambda r: f"ring {v.unsung_invalid_phone(r, _ug_regions())}",
        lambda r: f"Bestillingsnummer {v.no_phone_digits(r, 10, _ug_regions())}",
        lambda r: f"tracking LX{r.randrange(10**8, 10**9)}NO",
        lambda r: "+852 XXXX XXXX",
    ),
    "payment_card": _p(
        lambda r: f"card {_ug_luhn_failing(r)} declined: invalid number",
        lambda r: f"IMEI {v.unsung_imei(r)}",
        lambda r: f"ICCID {v.unsung_iccid(r)}",
        lambda r: "test card 5200 8282 8282 8210 (Mastercard debit, test mode)",
        lambda r: f"ref {v.luhn_number(r, '47', 20)}",
        lambda r: f"6214 62** **** {rand(r, string.digits, 4)}",
    ),
    "iban": _p(
        lambda r: f"IBAN {v.unsung_iban(r, valid=False)} rejected: checksum",
        lambda r: "TL38 0080 0123 4567 8910 157 (IBAN registry example)",
        lambda r: "MD** **** **** **** **** " + rand(r, string.digits, 4),
        lambda r: "BIC/SWIFT: AGRNMD2X",
    ),
}

# Own negatives that truthfully hold another class: an NVIDIA key assigned to a variable named as OpenAI's API key (a
# generic secret, no OpenAI key).
UNSUNG_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("openai_project_key", 2): frozenset({"generic_secret"}),
}


# ---------------------------------------------------------------------------- the unlisted split's own shapes
#
# Written for the nineteenth split only, by a thirteenth session that did not read the rules
# (``build_corpus("unlisted")`` puts them before the shared generators, as for the splits since hidden): values in
# ``docker inspect`` Env arrays, ``helm get values`` dumps, ``kubectl get secret -o yaml`` data, systemd
# ``Environment=`` lines, Airflow connection variables and extras, Heroku, Fly.io and wrangler commands and configs,
# GitHub Actions and Jenkins consoles that did not mask a value, Terraform plans without ``sensitive``, Elixir
# ``config``, PHP, Rust, Bun and Deno clients, Composer's ``auth.json``, ``bunfig.toml``, GitLab runner configs, Dovecot
# passwd-files, pfSense and Domino configs, Firebase auth exports, Authelia users, MariaDB ``IDENTIFIED VIA ed25519``,
# PostgreSQL ``ALTER ROLE ... PASSWORD``, MySQL's general log, Redis MONITOR's ``AUTH`` over a unix socket, Go MySQL
# DSNs without a scheme, age identities, keys of vendors with no detector of their own (Upstage, SiliconFlow, Moonshot,
# Anyscale, Predibase, Helicone, Resend and Weaviate in Bearer headers; W&B and Jenkins API tokens in Basic credentials;
# Netlify, Fly.io, Railway, Cloudflare, Modal, Infisical and Upstash tokens assigned as tokens; W&B, ElevenLabs,
# Portkey, Sarvam, Langfuse, Resend, Render and Convex keys assigned or sent as API keys), session cookies of pgAdmin,
# Beaker, tower-sessions, Gradio, Harbor, Jenkins, Better Auth and Lucia, password hashes of twelve families (libsodium
# ``$7$``, Dovecot ``{SHA256-CRYPT}``, Cisco type 4, ``$PHPS$``, Domino 6, MariaDB ed25519, Firebase scrypt, bcrypt,
# pfSense bcrypt, argon2id with OWASP's parameters, SHA-256 crypt with rounds), cards of national schemes (ArCa, Aura,
# Sorocred, Cabal, Argencard, Cencosud) and new groupings, IBANs of seven new countries, phone numbers of eight new
# regions and sentences in Turkmen, Javanese, Xhosa, Uyghur, Luxembourgish, Spanish, French and Dutch; and look-alikes
# that are not findings (masked ``***`` values of CI logs, Terraform's ``(sensitive value)``, Fluent Bit redactions,
# documented example keys and the RFC's Basic example, public keys such as Langfuse's ``pk-lf-`` and Modal token ids,
# certificates in Kubernetes secrets and age recipients, SSH remotes, package scopes and container digests, SNMP OIDs
# and browser versions, C++ scopes, CSRF, analytics and cleared cookies, MySQL's ``<secret>`` mask, Luhn-failing
# numbers, masked IBANs and product codes). ``UNLISTED_NEGATIVE_LABELS`` gives the true labels of the few own negatives
# that hold another class.


def _ul_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _ul_password(r: random.Random) -> str:
    return v.unlisted_password(r)


def _ul_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unlisted_password(r), safe="")


def _ul_phone(r: random.Random) -> str:
    return v.unlisted_phone(r, _ul_regions())


def _ul_intl_phone(r: random.Random) -> str:
    return v.unlisted_phone(r, _ul_regions(), international_only=True)


def _ul_slack_hook(r: random.Random) -> str:
    return (
        "https://hooks.slack.com/services/T"
        + rand(r, string.ascii_uppercase + string.digits, 10)
        + "/B"
        + rand(r, string.ascii_uppercase + string.digits, 10)
        + "/"
        + rand(r, ALNUM, 24)
    )


def _ul_docker_env(r: random.Random, entry: str) -> str:
    """The ``Env`` array of ``docker inspect``: the image's variables around one of the run's."""
    env = [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        entry,
        f"PYTHON_VERSION=3.12.{r.randrange(1, 9)}",
        "PYTHONUNBUFFERED=1",
    ]
    return '"Env": [\n    ' + ",\n    ".join(json.dumps(e) for e in env) + "\n]"


def _ul_pem_b64(r: random.Random, kind: str) -> str:
    """A PEM block (a private key or a certificate) as a Kubernetes Secret's ``data`` holds it: base64 of the text."""
    body = "\n".join(v.b64(r.randbytes(48)) for _ in range(r.randrange(4, 7)))
    return v.b64(f"-----BEGIN {kind}-----\n{body}\n-----END {kind}-----\n".encode())


def _ul_age_identity(r: random.Random) -> str:
    bech = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    when = f"2026-01-{r.randrange(10, 28)}T{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:00Z"
    return f"# created: {when}\n# public key: age1{rand(r, bech, 58)}\nAGE-SECRET-KEY-1{rand(r, bech.upper(), 58)}"


def _ul_basic(r: random.Random, user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _ul_oracle_password(r: random.Random) -> str:
    """An Oracle password written as an unquoted identifier: a letter first, then letters, digits and ``_``."""
    return (
        pick(r, "Kpalime", "Maafushi", "Belmopan", "Kashgar", "Gqeberha")
        + str(r.randrange(10, 9999))
        + pick(r, "", "_x", "_Q")
    )


def _ul_luhn_failing(r: random.Random) -> str:
    return v.wrong_last_digit(r, v.unlisted_card(r))


UNLISTED_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: _ul_docker_env(r, f"OPENAI_API_KEY={v.openai_legacy(r)}"),
        lambda r: f'Environment="OPENAI_API_KEY={v.openai_legacy(r)}"',
        lambda r: f"$client = OpenAI::client('{v.openai_legacy(r)}');",
    ),
    "openai_project_key": _p(
        lambda r: f"USER-SUPPLIED VALUES:\ngateway:\n  openai:\n    apiKey: {v.openai_project(r)}\n  replicas: 2",
        lambda r: f'config :openai, api_key: "{v.openai_project(r)}", http_options: [recv_timeout: 60_000]',
        lambda r: f"Run python -m evals.run\n  env:\n    OPENAI_API_KEY: {v.openai_project(r)}\n    EVAL_SUITE: rag",
        lambda r: f'let config = OpenAIConfig::new().with_api_key("{v.openai_project(r)}");',
        lambda r: (
            f'const openai = new OpenAI({{ apiKey: Deno.env.get("OPENAI_API_KEY") ?? "{v.openai_project(r)}" }});'
        ),
    ),
    "anthropic_api_key": _p(
        lambda r: f"kubectl create secret generic anthropic --from-literal=api-key={v.anthropic(r)} -n evals",
        lambda r: f'config :anthropix, api_key: "{v.anthropic(r)}"',
        lambda r: f"fly secrets set ANTHROPIC_API_KEY={v.anthropic(r)} -a acme-evals",
    ),
    "deepseek_api_key": _p(
        lambda r: f'[vars]\nDEEPSEEK_API_KEY = "{v.deepseek(r)}"\nMODEL = "deepseek-chat"',
        lambda r: f"heroku config:set DEEPSEEK_API_KEY={v.deepseek(r)} -a acme-evals",
    ),
    "aws_access_key_id": _p(
        lambda r: _ul_docker_env(r, f"AWS_ACCESS_KEY_ID={v.aws_key_id(r)}"),
        lambda r: f'"userIdentity": {{"type": "AssumedRole", "accessKeyId": "{v.aws_key_id(r)}"}}',
        lambda r: f'AIRFLOW_CONN_AWS_EVALS=\'{{"conn_type": "aws", "login": "{v.aws_key_id(r)}"}}\'',
    ),
    "aws_secret_access_key": _p(
        lambda r: f'extra: {{"aws_secret_access_key": "{v.aws_secret(r)}", "region_name": "eu-west-1"}}',
        lambda r: f"docker run --rm -e AWS_SECRET_ACCESS_KEY={v.aws_secret(r)} amazon/aws-cli s3 ls s3://acme-evals",
        lambda r: f"USER-SUPPLIED VALUES:\naws:\n  secretAccessKey: {v.aws_secret(r)}\n  region: eu-west-1",
    ),
    "aws_session_token": _p(
        lambda r: _ul_docker_env(r, f"AWS_SESSION_TOKEN={v.aws_session_token(r)}"),
        lambda r: f"aws configure set aws_session_token {v.aws_session_token(r)} --profile evals",
    ),
    "github_classic_token": _p(
        lambda r: (
            f'AIRFLOW_CONN_GITHUB_DEFAULT=\'{{"conn_type": "github", "password": "{v.github_token(r, "ghp")}"}}\''
        ),
        lambda r: f"composer config --global github-oauth.github.com {v.github_token(r, 'ghp')}",
    ),
    "github_oauth_token": _p(
        lambda r: f'{{\n    "github-oauth": {{\n        "github.com": "{v.github_token(r, "gho")}"\n    }}\n}}',
    ),
    "github_app_token": _p(
        lambda r: f"+ git fetch https://x-access-token:{v.github_token(r, 'ghs')}@github.com/acme/evals.git main",
    ),
    "github_refresh_token": _p(lambda r: f"GITHUB_APP_REFRESH_TOKEN={v.github_token(r, 'ghr')}"),
    "github_fine_grained_token": _p(
        lambda r: (
            f'provider "github" {{\n  owner = "acme"\n'
            f'  token = "github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)}"\n}}'
        ),
    ),
    "gitlab_token": _p(
        lambda r: f"glab auth login --hostname gitlab.acme.lu --token glpat-{rand(r, ALNUM + '_-', 20)}",
        lambda r: (
            '[[runners]]\n  name = "evals-gpu"\n  url = "https://gitlab.acme.lu"\n'
            f'  token = "glrt-{rand(r, ALNUM + "_-", 20)}"'
        ),
    ),
    "slack_token": _p(
        lambda r: f"=== acme-evals Config Vars\nSLACK_BOT_TOKEN: {v.slack_token(r)}\nWEB_CONCURRENCY: 2",
    ),
    "slack_webhook": _p(
        lambda r: f"[OUTPUT]\n    Name     slack\n    Match    evals.*\n    Webhook  {_ul_slack_hook(r)}",
    ),
    "stripe_key": _p(
        lambda r: f"\\Stripe\\Stripe::setApiKey('{v.stripe_key(r)}');",
        lambda r: f"stripe listen --api-key {v.stripe_key(r)} --forward-to localhost:4000/webhooks/stripe",
    ),
    "google_api_key": _p(
        lambda r: f'const genAI = new GoogleGenerativeAI("AIza{rand(r, ALNUM + "_-", 35)}");',
        lambda r: f"GEMINI_API_KEY=AIza{rand(r, ALNUM + '_-', 35)} bun run evals.ts",
    ),
    "google_oauth_client_secret": _p(
        lambda r: f"USER-SUPPLIED VALUES:\noauth:\n  google:\n    clientSecret: GOCSPX-{rand(r, ALNUM + '_-', 28)}",
    ),
    "gcp_oauth_token": _p(
        lambda r: (
            f'curl -H "Authorization: Bearer {v.gcp_token(r)}" '
            "https://europe-west4-aiplatform.googleapis.com/v1/projects/acme-evals/locations/europe-west4/endpoints"
        ),
        lambda r: f'{{"access_token": "{v.gcp_token(r)}", "expires_in": 3599, "token_type": "Bearer"}}',
    ),
    "twilio_api_key": _p(lambda r: f'client = Client("SK{rand(r, HEX, 32)}", api_secret, account_sid)'),
    "sendgrid_api_key": _p(
        lambda r: f"$sendgrid = new \\SendGrid('SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}');",
    ),
    "huggingface_token": _p(
        lambda r: _ul_docker_env(r, f"HF_TOKEN=hf_{rand(r, ALNUM, 34)}"),
        lambda r: f"huggingface-cli login --token hf_{rand(r, ALNUM, 34)} --add-to-git-credential",
    ),
    "npm_token": _p(
        lambda r: (
            f'[install.scopes]\nacme = {{ token = "npm_{rand(r, ALNUM, 36)}", url = "https://registry.npmjs.org/" }}'
        ),
    ),
    "pypi_token": _p(
        lambda r: f"poetry config pypi-token.pypi pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}",
        lambda r: f"TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)} twine upload dist/*",
    ),
    "shopify_token": _p(lambda r: f"X-Shopify-Access-Token: shpat_{rand(r, HEX, 32)}"),
    "digitalocean_token": _p(lambda r: f"doctl auth init --context evals --access-token dop_v1_{rand(r, HEX, 64)}"),
    "telegram_bot_token": _p(
        lambda r: f'bot = telebot.TeleBot("{r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + "_-", 33)}")',
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "AzureWebJobsStorage=DefaultEndpointsProtocol=https;AccountName=acmeevals;"
            f"AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net"
        ),
        lambda r: (
            "Endpoint=sb://acme-evals.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
            f"SharedAccessKey={v.b64(r.randbytes(32))};EntityPath=traces"
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            "BlobEndpoint=https://acmeevals.blob.core.windows.net/;SharedAccessSignature=sv=2024-11-04&ss=b&srt=co"
            f"&sp=rl&se=2026-02-28T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}"
        ),
    ),
    "clickhouse_cloud_key": _p(
        lambda r: (
            f'provider "clickhouse" {{\n  organization_id = "{_uuid(r)}"\n'
            f'  token_secret    = "{v.clickhouse_secret(r)}"\n}}'
        ),
    ),
    "jwt": _p(
        lambda r: f"SUPABASE_SERVICE_ROLE_KEY={v.jwt(r)}",
        lambda r: f"TURSO_AUTH_TOKEN={v.unlisted_turso_token(r)}",
        lambda r: f"Authorization: Bearer {v.unlisted_octoai_token(r)}",
        lambda r: f"wss://rt.acme.lu/socket/websocket?access_token={v.jwt(r)}&vsn=2.0.0",
    ),
    "private_key": _p(
        lambda r: (
            f"apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.key: {_ul_pem_b64(r, 'PRIVATE KEY')}"
        ),
        _ul_age_identity,
        lambda r: (
            f"USER-SUPPLIED VALUES:\nsaml:\n  privateKey: |\n    {v.pem_key(r).replace(chr(10), chr(10) + '    ')}"
        ),
        lambda r: _ul_docker_env(r, f"SSH_PRIVATE_KEY={v.pem_key(r).replace(chr(10), chr(92) + 'n')}"),
    ),
    "url_credentials": _p(
        lambda r: f"AIRFLOW_CONN_POSTGRES_EVALS='postgresql://evals:{_ul_url_password(r)}@pg-evals:5432/evals'",
        lambda r: f"CELERY_BROKER_URL=redis://:{_ul_url_password(r)}@redis-evals:6379/0",
        lambda r: f"mongodb+srv://rag:{_ul_url_password(r)}@cluster0.ab1cd.mongodb.net/?retryWrites=true&w=majority",
        lambda r: f"jdbc:sqlserver://sql-evals:1433;databaseName=evals;user=sa;password={_ul_password(r)};encrypt=true",
        lambda r: f"DATABASE_URL=ecto://postgres:{_ul_url_password(r)}@db-evals/evals_prod",
        lambda r: f'dsn := "evals:{_ul_url_password(r)}@tcp(mysql-evals:3306)/evals?parseTime=true"',
        lambda r: f"clickhouse://default:{_ul_url_password(r)}@ch-evals:9000/evals?secure=false",
    ),
    "password_assignment": _p(
        lambda r: f"LOG:  statement: ALTER ROLE evals WITH PASSWORD '{_ul_password(r)}';",
        lambda r: f"\t\t   42 Query\tSET PASSWORD FOR 'rag'@'%' = '{_ul_password(r)}'",
        lambda r: (
            f"{r.randrange(1767225600, 1769904000)}.{r.randrange(0, 10**6):06d} [0 unix:/run/redis/redis.sock] "
            f'"AUTH" "{_ul_password(r)}"'
        ),
        lambda r: f"redis-cli -s /run/redis/redis.sock -a '{_ul_password(r)}' --no-auth-warning info replication",
        lambda r: f"[inet_http_server]\nport=*:9001\nusername=admin\npassword={_ul_password(r)}",
        lambda r: f"docker login -u evals -p '{_ul_password(r)}' registry.acme.lu",
        lambda r: f'      + master_password        = "{_ul_password(r)}"',
        lambda r: f"USER-SUPPLIED VALUES:\nauth:\n  postgresPassword: {_ul_password(r)}\n  database: evals",
        lambda r: f"database:\n  ulanyjy: evals\n  parol: {_ul_password(r)}",
        lambda r: f"Passwuert={_ul_password(r)}",
    ),
    "sql_identified_by": _p(
        lambda r: f"\t\t   57 Query\tCREATE USER IF NOT EXISTS 'rag'@'%' IDENTIFIED BY '{_ul_password(r)}'",
        lambda r: f"ALTER USER evals IDENTIFIED WITH sha256_password BY '{_ul_password(r)}' SETTINGS PROFILE 'default'",
        lambda r: f"ALTER USER rag_app IDENTIFIED BY {_ul_oracle_password(r)};",
    ),
    "bearer_token": _p(
        lambda r: f"Authorization: Bearer {v.unlisted_upstage_key(r)}",
        lambda r: (
            "TraceRequestStartParams(method='POST', url=URL('https://api.endpoints.anyscale.com/v1/chat/completions'), "
            f"headers=<CIMultiDict('Authorization': 'Bearer {v.unlisted_anyscale_key(r)}')>)"
        ),
        lambda r: f"[fetch] > Authorization: Bearer {v.unlisted_predibase_key(r)}",
        lambda r: f"Helicone-Auth: Bearer {v.unlisted_helicone_key(r)}",
        lambda r: (
            f'headers={{"authorization": "Bearer {v.unlisted_siliconflow_key(r)}", "content-type": "application/json"}}'
        ),
        lambda r: f'curl https://api.moonshot.cn/v1/models -H "Authorization: Bearer {v.unlisted_moonshot_key(r)}"',
        lambda r: f"Authorization: Bearer {v.unlisted_resend_key(r)}",
        lambda r: f"-H 'Authorization: Bearer {rand(r, ALNUM, 40)}' https://rag-acme.weaviate.cloud/v1/schema",
    ),
    "basic_auth": _p(
        lambda r: f"Authorization: Basic {_ul_basic(r, 'api', v.unlisted_wandb_key(r))}",
        lambda r: f"Authorization: Basic {_ul_basic(r, 'ci-bot', '11' + rand(r, HEX, 32))}",
        lambda r: f'proxy_set_header Authorization "Basic {_ul_basic(r, "evals", _ul_password(r))}";',
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: pga4_session={_uuid(r)}!{v.b64url(r.randbytes(30))}",
        lambda r: f"Cookie: beaker.session.id={rand(r, HEX, 32)}",
        lambda r: f"Cookie: id={v.b64url(r.randbytes(16))}",
        lambda r: f"Cookie: access-token={v.b64url(r.randbytes(32))}",
        lambda r: f"Cookie: harbor-lang=en-us; sid={rand(r, HEX, 32)}",
        lambda r: (
            f"Cookie: JSESSIONID.{rand(r, HEX, 8)}=node0{rand(r, string.ascii_lowercase + string.digits, 26)}.node0"
        ),
        lambda r: f"Cookie: __Secure-better-auth.session_token={rand(r, ALNUM, 32)}.{v.b64url(r.randbytes(32))}%3D",
        lambda r: f"Set-Cookie: auth_session={rand(r, string.ascii_lowercase + string.digits, 40)}; Path=/; HttpOnly",
    ),
    "auth_token_assignment": _p(
        lambda r: f"NETLIFY_AUTH_TOKEN={v.unlisted_netlify_token(r)}",
        lambda r: f'FLY_API_TOKEN="{v.unlisted_fly_token(r)}"',
        lambda r: f"RAILWAY_TOKEN={_uuid(r)}",
        lambda r: f"CLOUDFLARE_API_TOKEN={v.unlisted_cloudflare_token(r)}",
        lambda r: (
            f"modal token set --token-id {v.unlisted_modal_token(r, secret=False)} "
            f"--token-secret {v.unlisted_modal_token(r)}"
        ),
        lambda r: f"INFISICAL_TOKEN=st.{_uuid(r)}.{rand(r, HEX, 32)}.{rand(r, HEX, 32)}",
        lambda r: f"UPSTASH_REDIS_REST_TOKEN=AX{rand(r, ALNUM, 4)}AAIjcDE{rand(r, ALNUM, 50)}",
        lambda r: f"<authToken>{v.opaque_token(r)}</authToken>",
    ),
    "generic_secret": _p(
        lambda r: f"WANDB_API_KEY={v.unlisted_wandb_key(r)}",
        lambda r: f"xi-api-key: {v.unlisted_elevenlabs_key(r)}",
        lambda r: f"x-portkey-api-key: {v.unlisted_portkey_key(r)}",
        lambda r: f"api-subscription-key: {v.unlisted_sarvam_key(r)}",
        lambda r: f"LANGFUSE_SECRET_KEY={v.unlisted_langfuse_key(r)}",
        lambda r: f"RESEND_API_KEY={v.unlisted_resend_key(r)}",
        lambda r: f'render_api_key = "{v.unlisted_render_key(r)}"',
        lambda r: f"CONVEX_DEPLOY_KEY='{v.unlisted_convex_key(r)}'",
    ),
    "password_hash": _p(
        lambda r: (
            f"CREATE USER 'rag'@'%' IDENTIFIED VIA ed25519 USING '{v.unlisted_password_hash(r, 'mariadb_ed25519')}';"
        ),
        lambda r: f"merdan:{v.unlisted_password_hash(r, 'dovecot_sha256_crypt')}:1001:1001::/home/merdan::",
        lambda r: f"username netops privilege 15 secret 4 {v.unlisted_password_hash(r, 'cisco_type4')}",
        lambda r: f"42,jos.weber,{v.unlisted_password_hash(r, 'phps')},2026-01-12",
        lambda r: f"HTTPPassword: {v.unlisted_password_hash(r, 'domino6')}",
        lambda r: (
            f'{{"localId": "{rand(r, ALNUM, 28)}", "passwordHash": "{v.unlisted_password_hash(r, "firebase_scrypt")}", '
            f'"salt": "{v.b64(r.randbytes(12))}"}}'
        ),
        lambda r: f"<bcrypt-hash>{v.unlisted_password_hash(r, 'bcrypt_2y_pfsense')}</bcrypt-hash>",
        lambda r: (
            "users:\n  siphokazi:\n    displayname: 'Siphokazi M.'\n"
            f"    password: '{v.unlisted_password_hash(r, 'argon2id_owasp')}'"
        ),
        lambda r: f"evals:{v.unlisted_password_hash(r, 'scrypt_7')}",
    ),
    "credential_phrase": _p(
        lambda r: f"Täze parolyňyz: {_ul_password(r)}",
        lambda r: f"Tembung sandhi Wi-Fi omah yaiku {_ul_password(r)}",
        lambda r: f"Igama lokugqithisa le-Wi-Fi lithi {_ul_password(r)}",
        lambda r: f"يېڭى پارولىڭىز {_ul_password(r)}",
        lambda r: f"D'WLAN-Passwuert ass {_ul_password(r)}",
        lambda r: f"Tu contraseña temporal es {_ul_password(r)}",
        lambda r: f"Je nieuwe wachtwoord is {_ul_password(r)}",
        lambda r: f"heads up: the annotation tool's admin password is {_ul_password(r)} until Friday",
    ),
    "email": _p(
        lambda r: f"##[debug]Build.RequestedForEmail={v.unlisted_email(r)}",
        lambda r: f"Author: Jos Weber <{v.unlisted_email(r)}>\nDate:   Mon Jan 12 10:21:33 2026 +0100",
        lambda r: f"/evals/judges/ @acme/evals {v.unlisted_email(r)}",
        lambda r: f"maintainers:\n  - name: Dilnur Turdi\n    email: {v.unlisted_email(r)}",
        lambda r: f'"author": "Koffi Agbodjan <{v.unlisted_email(r)}>",',
        lambda r: f'"user": {{"id": "{r.randrange(1000, 99999)}", "email": "{v.unlisted_email(r)}"}}',
    ),
    "ipv4": _p(
        lambda r: f"upstream timed out (110: Connection timed out), client: {v.ipv4(r)}, server: api.acme.lu",
        lambda r: f'at=info method=POST path="/v1/evals" host=acme-evals.herokuapp.com fwd="{v.ipv4(r)}" status=200',
        lambda r: f"X-Forwarded-For: {v.ipv4(r)}",
        lambda r: f"LOG:  connection received: host={v.ipv4(r)} port={r.randrange(1024, 65535)}",
        lambda r: f"Accepted connection from {v.ipv4(r)}:{r.randrange(1024, 65535)}",
    ),
    "ipv6": _p(
        lambda r: f"no live upstreams while connecting to upstream, client: {v.ipv6(r)}, server: api.acme.lu",
        lambda r: f"Accepted connection from [{v.ipv6(r)}]:{r.randrange(1024, 65535)}",
        lambda r: f"    inet6 {v.ipv6(r)}/64 scope global dynamic mngtmpaddr",
    ),
    "phone": _p(
        lambda r: f"Maňa {_ul_phone(r)} belgä jaň ediň",
        lambda r: f"Telpon aku ing {_ul_phone(r)} ya",
        lambda r: f"Ndifowunele ku {_ul_phone(r)}",
        lambda r: f"{_ul_phone(r)} نومۇرىغا تېلېفون قىلىڭ",
        lambda r: f"Rufft mech un op {_ul_phone(r)}",
        lambda r: f"Appelez-moi au {_ul_intl_phone(r)}",
        lambda r: f"Llámame al {_ul_phone(r)}",
        lambda r: f'<a href="tel:{_ul_intl_phone(r).replace(" ", "")}">Call support</a>',
    ),
    "payment_card": _p(
        lambda r: f"ArCa {v.unlisted_card(r, 'arca')}",
        lambda r: f"Aura {v.unlisted_card(r, 'aura')} val. 09/28",
        lambda r: f"Cartão Sorocred: {v.unlisted_card(r, 'sorocred')}",
        lambda r: f"Tarjeta Cabal N° {v.unlisted_card(r, 'cabal')}",
        lambda r: f"Argencard {v.unlisted_card(r, 'argencard')}",
        lambda r: f"Tarjeta Cencosud {v.unlisted_card(r, 'cencosud')}",
        lambda r: f"card_number={v.unlisted_card(r, pick(r, 'visa', 'diners', 'jcb'), sep='')}&exp_month=11",
        lambda r: f"Kaartennummer: {v.unlisted_card(r, pick(r, 'mastercard', 'amex', 'unionpay'))}",
    ),
    "iban": _p(
        lambda r: f"RIB/IBAN {v.unlisted_iban(r, country='TG')}",
        lambda r: f"No. de cuenta (IBAN) {v.unlisted_iban(r, country='HN')}",
        lambda r: f"IBAN du bénéficiaire : {v.unlisted_iban(r, country=pick(r, 'SN', 'BJ'))}",
        lambda r: f"<IBAN>{v.unlisted_iban(r, country='BF', grouped=False)}</IBAN>",
        lambda r: f"Laharana kaonty (IBAN): {v.unlisted_iban(r, country=pick(r, 'MG', 'CM'))}",
    ),
}

UNLISTED_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: "OPENAI_API_KEY=sk-************************************************"),
    "openai_project_key": _p(
        lambda r: '    environment:\n      - "OPENAI_API_KEY=${OPENAI_API_KEY}"',
        lambda r: 'apiKey: "{{ .Values.gateway.openai.apiKey }}"',
        lambda r: f"OPENAI_API_KEY={v.unlisted_moonshot_key(r)}  # Kimi's OpenAI-compatible endpoint",  # another class
    ),
    "anthropic_api_key": _p(lambda r: "  env:\n    ANTHROPIC_API_KEY: ***"),
    "deepseek_api_key": _p(
        lambda r: f"eval-{rand(r, HEX, 32)} finished in {r.randrange(2, 90)}s",
        lambda r: f"adapter_id=acme/support-lora/{rand(r, HEX, 32)}",
    ),
    "aws_access_key_id": _p(
        lambda r: '"accessKeyId": "ASIA****************"',
        lambda r: "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
    ),
    "aws_secret_access_key": _p(
        lambda r: "      + secret_access_key = (sensitive value)",
        lambda r: "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    ),
    "aws_session_token": _p(lambda r: "AWS_SESSION_TOKEN="),
    "github_classic_token": _p(
        lambda r: "GITHUB_TOKEN: ***",
        lambda r: "composer config --global github-oauth.github.com $GITHUB_TOKEN",
    ),
    "github_app_token": _p(
        lambda r: "git fetch https://x-access-token:${{ steps.app-token.outputs.token }}@github.com/acme/evals.git"
    ),
    "gitlab_token": _p(lambda r: '[[runners]]\n  name = "evals-gpu"\n  token = "__REDACTED__"'),
    "slack_token": _p(lambda r: "SLACK_BOT_TOKEN=xoxb-your-bot-token"),
    "slack_webhook": _p(
        lambda r: "Webhook  https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"
    ),
    "stripe_key": _p(
        lambda r: "\\Stripe\\Stripe::setApiKey(getenv('STRIPE_SECRET'));",
        lambda r: "sk_test_4eC39HqLyjWDarjtT1zdp7dc (the key in Stripe's API reference)",
    ),
    "google_api_key": _p(lambda r: "GEMINI_API_KEY: ${{ secrets.GEMINI_API_KEY }}"),
    "google_oauth_client_secret": _p(lambda r: "clientSecret: GOCSPX-<redacted>"),
    "gcp_oauth_token": _p(lambda r: "Authorization: Bearer ya29.***"),
    "twilio_api_key": _p(lambda r: f"MessagingServiceSid=MG{rand(r, HEX, 32)}"),
    "sendgrid_api_key": _p(lambda r: "SENDGRID_API_KEY=SG.your_key_here"),
    "huggingface_token": _p(lambda r: "HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    "npm_token": _p(lambda r: "//registry.npmjs.org/:_authToken=${NPM_TOKEN}"),
    "pypi_token": _p(lambda r: "TWINE_PASSWORD: ***"),
    "shopify_token": _p(lambda r: "X-Shopify-Shop-Domain: acme-evals.myshopify.com"),
    "digitalocean_token": _p(lambda r: "doctl auth init --context evals"),
    "telegram_bot_token": _p(lambda r: f"bot_id={r.randrange(10**9, 8 * 10**9)} username=acme_evals_bot"),
    "azure_storage_connection_string": _p(
        lambda r: (
            "DefaultEndpointsProtocol=https;AccountName=acmeevals;AccountKey=[HIDDEN];EndpointSuffix=core.windows.net"
        )
    ),
    "azure_sas_token": _p(lambda r: "https://acmeevals.blob.core.windows.net/traces?sv=2024-11-04&sp=rl&sig=REDACTED"),
    "clickhouse_cloud_key": _p(lambda r: "token_secret    = var.clickhouse_token_secret"),
    "jwt": _p(
        lambda r: "X-Alg: eyJhbGciOiJIUzI1NiJ9",
        lambda r: '{"alg": "EdDSA", "typ": "JWT"}',
    ),
    "private_key": _p(
        lambda r: f"data:\n  tls.crt: {_ul_pem_b64(r, 'CERTIFICATE')}",
        lambda r: f"# public key: age1{rand(r, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58)}",
        lambda r: 'privateKey: |\n    {{ .Files.Get "saml.key" | indent 4 }}',
    ),
    "url_credentials": _p(
        lambda r: "postgresql://evals@pg-evals:5432/evals",
        lambda r: "AIRFLOW_CONN_AWS_DEFAULT='aws://?region_name=eu-west-1'",
        lambda r: "CELERY_BROKER_URL=redis://:${REDIS_PASSWORD}@redis-evals:6379/0",
        lambda r: "mongodb+srv://<username>:<password>@cluster0.ab1cd.mongodb.net/",
    ),
    "password_assignment": _p(
        lambda r: "      + master_password        = (sensitive value)",
        lambda r: "LOG:  statement: ALTER ROLE evals WITH PASSWORD NULL;",
        lambda r: (
            f"{r.randrange(1767225600, 1769904000)}.{r.randrange(0, 10**6):06d} [0 unix:/run/redis/redis.sock] "
            '"AUTH" "(redacted)"'
        ),
        lambda r: "Passwuert: ********",
        lambda r: f"password_reset_token_ttl={r.randrange(600, 7200)}",
    ),
    "sql_identified_by": _p(
        lambda r: "\t\t   57 Query\tCREATE USER 'rag'@'%' IDENTIFIED BY <secret>",
        lambda r: "CREATE USER evals IDENTIFIED WITH no_password",
    ),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer <token>",
        lambda r: "Helicone-Auth: Bearer sk-helicone-<your-key>",
        lambda r: "[fetch] > Authorization: Bearer ${UPSTAGE_API_KEY}",
    ),
    "basic_auth": _p(
        lambda r: "Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l  (RFC 7617's example)",
        lambda r: 'WWW-Authenticate: Basic realm="Jenkins"',
    ),
    "session_cookie": _p(
        lambda r: (
            f"Cookie: _streamlit_xsrf=2|{rand(r, HEX, 8)}|{rand(r, HEX, 32)}|{r.randrange(1767225600, 1769904000)}"
        ),
        lambda r: "Set-Cookie: pga4_session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
        lambda r: f"Cookie: ph_phc_{rand(r, ALNUM, 43)}_posthog=%7B%22distinct_id%22%3A%22{_uuid(r)}%22%7D",
        lambda r: "Cookie: NEXT_LOCALE=lb; sidebar_state=true",
    ),
    "auth_token_assignment": _p(
        lambda r: "NETLIFY_AUTH_TOKEN: ***",
        lambda r: "RAILWAY_TOKEN=<project-token>",
        lambda r: f"token_ttl={r.randrange(600, 86400)}",
    ),
    "generic_secret": _p(
        lambda r: f"LANGFUSE_PUBLIC_KEY={v.unlisted_langfuse_key(r, secret=False)}",
        lambda r: f"MODAL_TOKEN_ID={v.unlisted_modal_token(r, secret=False)}",
        lambda r: "api-key: <QDRANT_API_KEY>",
    ),
    "password_hash": _p(
        lambda r: f"image: ghcr.io/acme/eval-runner@sha256:{rand(r, HEX, 64)}",
        lambda r: f"commit {rand(r, HEX, 40)}",
        lambda r: f"{rand(r, HEX, 32)}  adapter_model.safetensors",
    ),
    "credential_phrase": _p(
        lambda r: "Parolyňyzy ýatdan çykardyňyzmy?",
        lambda r: "Tembung sandhi paling ora kudu 12 aksara.",
        lambda r: "Ulilibele igama lakho lokugqithisa?",
        lambda r: "پارولىڭىزنى ئۇنتۇپ قالدىڭىزمۇ؟",
        lambda r: "D'Passwuert muss mindestens 12 Zeeche laang sinn.",
        lambda r: "I rotated the annotation tool password; it's in 1Password under Evals/Annotators.",
    ),
    "email": _p(
        lambda r: "git@github.com:acme/evals.git",
        lambda r: "@dilnur.turdi can you rerun the judge?",
        lambda r: f"npm i @acme/evals@{r.randrange(1, 5)}.{r.randrange(0, 20)}.{r.randrange(0, 9)}",
    ),
    "ipv4": _p(
        lambda r: f"snmpget -v2c -c public nas01 1.3.6.1.4.1.2021.10.1.3.{r.randrange(1, 4)}",
        lambda r: f"Chrome/131.0.{r.randrange(6000, 7000)}.{r.randrange(10, 200)}",
        lambda r: "OID 2.5.4.3 (commonName)",
    ),
    "ipv6": _p(
        lambda r: "std::unordered_map<std::string, int>",
        lambda r: f"elapsed 00:{r.randrange(10, 59)}:{r.randrange(10, 59)}:{r.randrange(100, 999)}",
    ),
    "phone": _p(
        lambda r: f"ring {v.unlisted_invalid_phone(r, _ul_regions())}",
        lambda r: f"order #{v.no_phone_digits(r, 10, _ul_regions())}",
        lambda r: "+229 XX XX XX XX",
    ),
    "payment_card": _p(
        lambda r: f"card {_ul_luhn_failing(r)} declined: invalid number",
        lambda r: "test card 4000 0566 5566 5556 (Visa debit, test mode)",
        lambda r: f"order {v.unlisted_order_number(r)}",
        lambda r: f"ArCa 9051 **** **** {rand(r, string.digits, 4)}",
    ),
    "iban": _p(
        lambda r: f"IBAN {v.unlisted_iban(r, valid=False)} rejected: checksum",
        lambda r: "SN** **** **** **** **** **** " + rand(r, string.digits, 4),
        lambda r: f"SKU BJ66-BJ061-{rand(r, string.digits, 4)} (product code)",
        lambda r: "BIC: CBAOSNDA",
    ),
}

# Own negatives that truthfully hold another class: a Moonshot key assigned to a variable named as OpenAI's API key (a
# generic secret, no OpenAI key).
UNLISTED_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("openai_project_key", 2): frozenset({"generic_secret"}),
}


# ---------------------------------------------------------------------------- the unheeded split's own shapes
#
# Written for the twentieth split only, by a fourteenth session that did not read the rules
# (``build_corpus("unheeded")`` puts them before the shared generators, as for the splits since hidden): values in
# Kotlin, Swift, Dart, R and Elixir clients, Nextflow and rclone configs, dbt profiles, Drone and Woodpecker secrets,
# TeamCity ``setParameter`` messages, git's credential protocol, ``.netrc``, Postfix ``sasl_passwd`` maps, Asterisk
# ``pjsip.conf`` and FreeSWITCH directory entries, IBM ACE ``mqsisetdbparms``, AIX ``/etc/security/passwd`` stanzas,
# ``secretsdump`` NT hashes, RACF, a Google service-account key file, PuTTY ``.ppk`` files, Squid's
# ``Proxy-Authorization``, ISO 8583 traces and magnetic-stripe track 2, SIP headers and Windows logon events; keys of
# vendors with no detector of their own (LlamaCloud, OpenPipe, Mixedbread, Nomic, RunPod, Lambda and Daytona in Bearer
# headers; E2B, Browserbase, Exa, Serper, Brave, Cartesia, Deepgram, AssemblyAI and Baseten sent or assigned as API
# keys; Drone, InfluxDB and CircleCI tokens assigned as tokens), session cookies of AWS ALB, Sourcegraph, AdonisJS,
# Vapor, Ghost, GitHub, TWiki and actix, password hashes of ten families (RACF, Tarsnap scrypt, AIX ``{ssha1}``,
# bcrypt cost 14, argon2id with 64 MiB, the Ruby scrypt gem, hMailServer, NT, argon2i without ``v=``, SHA-512 crypt with
# 656000 rounds), cards of ten ranges (Visa's 13 digits, UnionPay's 81 range and 19 digits as 6-13, Elcart) and IBANs of
# ten new countries, phone numbers of eight new regions and sentences in Kinyarwanda, Tatar, Quechua, Shona, Dhivehi,
# French, Bislama and Samoan; and look-alikes that are not findings (SOPS ``ENC[...]`` values, Sealed Secrets and KMS
# ciphertexts, FreeSWITCH variables, httpx's ``[secure]``, Jenkins' ``{AQAAAB...}`` secrets, placeholders, public
# keys, the empty LM hash, Twilio call SIDs, Luhn-failing PANs and FILETIMEs, invalid numbers, masked and failing IBANs,
# product codes). ``UNHEEDED_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class.


def _uh_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _uh_password(r: random.Random) -> str:
    return v.unheeded_password(r)


def _uh_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unheeded_password(r), safe="")


def _uh_phone(r: random.Random) -> str:
    return v.unheeded_phone(r, _uh_regions())


def _uh_intl_phone(r: random.Random) -> str:
    return v.unheeded_phone(r, _uh_regions(), international_only=True)


def _uh_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _uh_slack_hook(r: random.Random) -> str:
    return (
        "https://hooks.slack.com/services/T"
        + rand(r, string.ascii_uppercase + string.digits, 10)
        + "/B"
        + rand(r, string.ascii_uppercase + string.digits, 10)
        + "/"
        + rand(r, ALNUM, 24)
    )


def _uh_sa_key(r: random.Random) -> str:
    """A Google service-account key file: the key's id (no secret) and its PEM private key with ``\\n`` escapes."""
    body = "\\n".join(v.b64(r.randbytes(48)) for _ in range(r.randrange(4, 7)))
    doc = {
        "type": "service_account",
        "project_id": "acme-voice-prod",
        "private_key_id": rand(r, HEX, 40),
        "private_key": "-----BEGIN PRIVATE KEY-----\\n" + body + "\\n-----END PRIVATE KEY-----\\n",
        "client_id": str(r.randrange(10**20, 10**21)),
    }
    return json.dumps(doc, indent=1).replace("\\\\n", "\\n")


def _uh_ppk(r: random.Random) -> str:
    """A PuTTY key file (version 3, unencrypted ed25519): public and private lines, then the MAC."""
    return (
        "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ft-runner@voice\nPublic-Lines: 2\n"
        f"AAAAC3NzaC1lZDI1NTE5AAAAI{v.b64(r.randbytes(33))[:43]}\n{v.b64(r.randbytes(6))}\nPrivate-Lines: 1\n"
        f"AAAAI{v.b64(r.randbytes(33))[:43]}\nPrivate-MAC: {rand(r, HEX, 64)}"
    )


def _uh_track2(r: random.Random) -> str:
    digits = v.unheeded_card_number(r, pick(r, "visa", "mastercard", "discover"))
    return f";{digits}={r.randrange(27, 31)}{r.randrange(1, 13):02d}101{rand(r, string.digits, 10)}?"


def _uh_luhn_failing(r: random.Random) -> str:
    return v.wrong_last_digit(r, v.unheeded_card(r, sep=""))


def _uh_sops(r: random.Random) -> str:
    data = v.b64(r.randbytes(r.randrange(20, 60)))
    return f"ENC[AES256_GCM,data:{data},iv:{v.b64(r.randbytes(32))},tag:{v.b64(r.randbytes(16))},type:str]"


def _uh_sealed(r: random.Random) -> str:
    """A Sealed Secrets ciphertext (``AgB`` and a long base64 blob): encrypted for the controller, no leak."""
    return "AgB" + v.b64(r.randbytes(r.randrange(300, 420)))


UNHEEDED_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f'Sys.setenv(OPENAI_API_KEY = "{v.openai_legacy(r)}")',
        lambda r: f"##teamcity[setParameter name='env.OPENAI_API_KEY' value='{v.openai_legacy(r)}']",
        lambda r: f"+ export OPENAI_API_KEY={v.openai_legacy(r)}",
    ),
    "openai_project_key": _p(
        lambda r: f'val openAI = OpenAI(token = "{v.openai_project(r)}", timeout = Timeout(socket = 60.seconds))',
        lambda r: f'let openAI = OpenAI(apiToken: "{v.openai_project(r)}")',
        lambda r: f"OpenAI.apiKey = '{v.openai_project(r)}';",
        lambda r: f"env {{\n    OPENAI_API_KEY = '{v.openai_project(r)}'\n    FT_SUITE = 'voice'\n}}",
        lambda r: f"drone secret add --repository acme/voice-agent --name openai_api_key --data {v.openai_project(r)}",
    ),
    "anthropic_api_key": _p(
        lambda r: f'plug Tesla.Middleware.Headers, [{{"x-api-key", "{v.anthropic(r)}"}}]',
        lambda r: f'chat <- ellmer::chat_anthropic(api_key = "{v.anthropic(r)}")',
        lambda r: (
            f"woodpecker-cli secret add --repository acme/voice-agent --name anthropic_key --value {v.anthropic(r)}"
        ),
    ),
    "deepseek_api_key": _p(
        lambda r: f'header(HttpHeaders.Authorization, "Bearer {v.deepseek(r)}")',
        lambda r: f"##teamcity[setParameter name='env.DEEPSEEK_API_KEY' value='{v.deepseek(r)}']",
    ),
    "aws_access_key_id": _p(
        lambda r: f"aws {{\n    region = 'eu-west-1'\n    accessKey = '{v.aws_key_id(r)}'\n}}",
        lambda r: f"[voice-s3]\ntype = s3\nprovider = AWS\naccess_key_id = {v.aws_key_id(r)}",
        lambda r: f"      s3_staging_dir: s3://acme-voice-athena/\n      aws_access_key_id: {v.aws_key_id(r)}",
    ),
    "aws_secret_access_key": _p(
        lambda r: f"aws {{\n    accessKey = System.getenv('AWS_KEY_ID')\n    secretKey = '{v.aws_secret(r)}'\n}}",
        lambda r: f"[voice-s3]\ntype = s3\nprovider = AWS\nsecret_access_key = {v.aws_secret(r)}",
        lambda r: f"      aws_secret_access_key: {v.aws_secret(r)}\n      region_name: eu-west-1",
    ),
    "aws_session_token": _p(
        lambda r: f'$env:AWS_SESSION_TOKEN="{v.aws_session_token(r)}"',
        lambda r: f"[voice-s3]\ntype = s3\nsession_token = {v.aws_session_token(r)}",
    ),
    "github_classic_token": _p(
        lambda r: f"protocol=https\nhost=github.com\nusername=ft-runner\npassword={v.github_token(r, 'ghp')}",
        lambda r: f'Sys.setenv(GITHUB_PAT = "{v.github_token(r, "ghp")}")',
    ),
    "github_oauth_token": _p(
        lambda r: f"machine api.github.com\n  login ft-runner\n  password {v.github_token(r, 'gho')}",
    ),
    "github_app_token": _p(
        lambda r: f"##teamcity[setParameter name='env.GH_TOKEN' value='{v.github_token(r, 'ghs')}']",
    ),
    "github_refresh_token": _p(
        lambda r: (
            f'{{"access_token": "ghu_***", "expires_in": 28800, "refresh_token": "{v.github_token(r, "ghr")}", '
            '"refresh_token_expires_in": 15897600}'
        ),
    ),
    "github_fine_grained_token": _p(
        lambda r: (
            "drone secret add --repository acme/voice-agent --name gh_token "
            f"--data github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)}"
        ),
    ),
    "gitlab_token": _p(
        lambda r: f"machine gitlab.com login oauth2 password glpat-{rand(r, ALNUM + '_-', 20)}",
        lambda r: (
            "helm repo add voice https://gitlab.com/api/v4/projects/4821/packages/helm/stable --username deploy "
            f"--password gldt-{rand(r, ALNUM + '_-', 20)}"
        ),
    ),
    "slack_token": _p(
        lambda r: f'slackr_setup(channel = "#voice-alerts", token = "{v.slack_token(r)}")',
        lambda r: f'config :slack, api_token: "{v.slack_token(r)}"',
    ),
    "slack_webhook": _p(
        lambda r: f"- name: notify\n  image: plugins/slack\n  settings:\n    webhook: {_uh_slack_hook(r)}",
    ),
    "stripe_key": _p(
        lambda r: f'Stripe.apiKey = "{v.stripe_key(r)}"',
        lambda r: f"STRIPE_SECRET_KEY: {v.stripe_key(r)}  # TODO move to Drone secrets",
    ),
    "google_api_key": _p(
        lambda r: f'let model = GenerativeModel(name: "gemini-2.0-flash", apiKey: "AIza{rand(r, ALNUM + "_-", 35)}")',
        lambda r: (
            f"final model = GenerativeModel(model: 'gemini-1.5-flash', apiKey: 'AIza{rand(r, ALNUM + '_-', 35)}');"
        ),
    ),
    "google_oauth_client_secret": _p(
        lambda r: (
            f'{{"installed": {{"client_id": "{r.randrange(10**11, 10**12)}-'
            f"{rand(r, string.ascii_lowercase + string.digits, 32)}"
            f'.apps.googleusercontent.com", "client_secret": "GOCSPX-{rand(r, ALNUM + "_-", 28)}"}}}}'
        ),
    ),
    "gcp_oauth_token": _p(
        lambda r: f'bearerAuth("{v.gcp_token(r)}")',
        lambda r: f"$ gcloud auth print-access-token\n{v.gcp_token(r)}",
    ),
    "twilio_api_key": _p(
        lambda r: f"TWILIO_API_KEY=SK{rand(r, HEX, 32)}\nTWILIO_REGION=ie1",
    ),
    "sendgrid_api_key": _p(
        lambda r: f"[smtp.sendgrid.net]:587 apikey:SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}",
    ),
    "huggingface_token": _p(
        lambda r: f"env.HF_TOKEN = 'hf_{rand(r, ALNUM, 34)}'",
        lambda r: f"final hf = HfInference('hf_{rand(r, ALNUM, 34)}');",
    ),
    "npm_token": _p(lambda r: f'npmScopes:\n  acme:\n    npmAuthToken: "npm_{rand(r, ALNUM, 36)}"'),
    "pypi_token": _p(lambda r: f"uv publish --token pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}"),
    "shopify_token": _p(lambda r: f"SHOPIFY_ACCESS_TOKEN=shpat_{rand(r, HEX, 32)}"),
    "digitalocean_token": _p(lambda r: f"DIGITALOCEAN_ACCESS_TOKEN: dop_v1_{rand(r, HEX, 64)}"),
    "telegram_bot_token": _p(
        lambda r: (
            f"GET https://api.telegram.org/bot{r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + '_-', 33)}"
            f"/sendMessage?chat_id=-100{r.randrange(10**9, 10**10)} - HIER_DIRECT"
        ),
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acmevoicerec;'
            f'AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net"'
        ),
        lambda r: (
            "eventhub_conn = Endpoint=sb://acme-voice.servicebus.windows.net/;SharedAccessKeyName=send;"
            f"SharedAccessKey={v.b64(r.randbytes(32))};EntityPath=call-events"
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            "PUT https://acmevoicerec.blob.core.windows.net/recordings/call.wav?sv=2025-01-05&ss=b&srt=o&sp=cw"
            f"&se=2026-02-01T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)} - HIER_DIRECT"
        ),
    ),
    "clickhouse_cloud_key": _p(
        lambda r: f"CLICKHOUSE_CLOUD_KEY_SECRET={v.clickhouse_secret(r)}",
    ),
    "jwt": _p(
        lambda r: f"Cookie: n8n-auth={v.jwt(r)}",
        lambda r: f"Cookie: argocd.token={v.jwt(r)}",
        lambda r: f"Authorization: Bearer {v.unheeded_aleph_token(r)}",
        lambda r: f"Set-Cookie: access_token_lf={v.jwt(r)}; Path=/; SameSite=lax",
        lambda r: f"WOODPECKER_TOKEN={v.jwt(r)}",
    ),
    "private_key": _p(
        _uh_sa_key,
        _uh_ppk,
        lambda r: (
            f"- name: deploy\n  environment:\n    SSH_KEY: |\n      {v.pem_key(r).replace(chr(10), chr(10) + '      ')}"
        ),
    ),
    "url_credentials": _p(
        lambda r: f"sftp://ftuser:{_uh_url_password(r)}@sftp.acme-voice.ga:22/exports/",
        lambda r: f"AMQP_URL=amqp://voice:{_uh_url_password(r)}@rabbit-voice:5672/calls",
        lambda r: f"rediss://default:{_uh_url_password(r)}@eu1-voice-cache.upstash.io:6379",
        lambda r: f"nats://agent:{_uh_url_password(r)}@nats-voice:4222",
        lambda r: f"rtsp://admin:{_uh_url_password(r)}@cam-lobby.acme.local:554/Streaming/Channels/101",
    ),
    "password_assignment": _p(
        lambda r: f"[1001]\ntype=auth\nauth_type=userpass\nusername=1001\npassword={_uh_password(r)}",
        lambda r: f'<param name="password" value="{_uh_password(r)}"/>',
        lambda r: (
            "voice:\n  target: prod\n  outputs:\n    prod:\n      type: postgres\n      user: dbt\n"
            f"      password: {_uh_password(r)}"
        ),
        lambda r: f"mqsisetdbparms -n jdbc::voicedb -u voice -p '{_uh_password(r)}'",
        lambda r: f"params.db_password = '{_uh_password(r)}'",
    ),
    "sql_identified_by": _p(
        lambda r: f"GRANT ALL PRIVILEGES ON voice.* TO 'ft'@'%' IDENTIFIED BY '{_uh_password(r)}';",
        lambda r: f"CREATE USER ft_runner IDENTIFIED WITH plaintext_password BY '{_uh_password(r)}' HOST ANY",
        lambda r: f'CREATE USER voice IDENTIFIED BY "{_uh_password(r)}" DEFAULT TABLESPACE users;',
    ),
    "bearer_token": _p(
        lambda r: f"-> Authorization: Bearer {v.unheeded_llamacloud_key(r)}",
        lambda r: f" authorization: Bearer {v.unheeded_openpipe_key(r)}",
        lambda r: f'\t-H "Authorization: Bearer {v.unheeded_mixedbread_key(r)}" \\',
        lambda r: f"Authorization: Bearer {v.unheeded_nomic_key(r)}",
        lambda r: f'{{"authorization", "Bearer {v.unheeded_runpod_key(r)}"}}',
        lambda r: f"Authorization: Bearer {v.unheeded_lambda_key(r)}",
        lambda r: f"Authorization: Bearer {v.unheeded_daytona_key(r)}",
    ),
    "basic_auth": _p(
        lambda r: f"Proxy-Authorization: Basic {_uh_basic('ft-runner', _uh_password(r))}",
        lambda r: f"-> Authorization: Basic {_uh_basic('voice', _uh_password(r))}",
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: AWSELBAuthSessionCookie-0={v.b64(r.randbytes(r.randrange(300, 500)))}",
        lambda r: f"Cookie: sgs={v.b64url(r.randbytes(48))}",
        lambda r: f"Cookie: adonis-session=s%3A{v.b64url(r.randbytes(24))}.{v.b64url(r.randbytes(32))}",
        lambda r: f"Cookie: vapor-session={v.b64(r.randbytes(32))}",
        lambda r: f"Cookie: ghost-admin-api-session=s%3A{rand(r, ALNUM + '-_', 32)}.{v.b64url(r.randbytes(32))}",
        lambda r: f"Cookie: user_session={rand(r, ALNUM + '-_', 48)}; logged_in=yes",
        lambda r: f"Cookie: TWIKISID={rand(r, HEX, 32)}",
        lambda r: f"Set-Cookie: id={v.b64(r.randbytes(64))}; HttpOnly; SameSite=Lax; Path=/",
    ),
    "auth_token_assignment": _p(
        lambda r: f"DRONE_TOKEN={rand(r, ALNUM, 32)}",
        lambda r: f'INFLUX_TOKEN="{v.b64url(r.randbytes(64))}=="',
        lambda r: f"CIRCLE_TOKEN=CCIPAT_{rand(r, ALNUM, 22)}_{rand(r, HEX, 40)}",
        lambda r: f"grant_type=refresh_token&refresh_token={rand(r, ALNUM + '-_', 64)}&client_id=voice-console",
    ),
    "generic_secret": _p(
        lambda r: f"X-API-KEY: {v.unheeded_serper_key(r)}",
        lambda r: f"x-api-key: {v.unheeded_exa_key(r)}",
        lambda r: f"X-Subscription-Token: {v.unheeded_brave_key(r)}",
        lambda r: f"X-BB-API-Key: {v.unheeded_browserbase_key(r)}",
        lambda r: f"Authorization: Token {v.unheeded_deepgram_key(r)}",
        lambda r: f"Authorization: Api-Key {v.unheeded_baseten_key(r)}",
        lambda r: f"E2B_API_KEY={v.unheeded_e2b_key(r)}",
        lambda r: f"LLAMA_CLOUD_API_KEY={v.unheeded_llamacloud_key(r)}",
        lambda r: f'"X-API-Key": "{v.unheeded_cartesia_key(r)}"',
        lambda r: f"HASURA_GRAPHQL_ADMIN_SECRET={rand(r, ALNUM, 32)}",
    ),
    "password_hash": _p(
        lambda r: f"Administrator:500:aad3b435b51404eeaad3b435b51404ee:{v.unheeded_password_hash(r, 'nt_hex')}:::",
        lambda r: (
            f"ftuser:\n        password = {v.unheeded_password_hash(r, 'aix_ssha1')}\n        lastupdate = 1769326753"
        ),
        lambda r: f"CREATE USER ft IDENTIFIED WITH bcrypt_hash BY '{v.unheeded_password_hash(r, 'bcrypt_2b_14')}'",
        lambda r: f"ADMIN_TOKEN='{v.unheeded_password_hash(r, 'argon2id_m65536')}'",
        lambda r: f"crypted_password: {v.unheeded_password_hash(r, 'ruby_scrypt')}",
        lambda r: f'"passwordHash": "{v.unheeded_password_hash(r, "scrypt_tarsnap")}"',
        lambda r: f"RACF hash extracted: {v.unheeded_password_hash(r, 'racf')}",
        lambda r: f'{{"username": "voiceop", "password": "{v.unheeded_password_hash(r, "argon2i_nov")}"}}',
        lambda r: f"ftuser:{v.unheeded_password_hash(r, 'sha512_crypt_656000')}:20478:0:99999:7:::",
    ),
    "credential_phrase": _p(
        lambda r: f"Ijambo ry'ibanga rya Wi-Fi ni {_uh_password(r)}",
        lambda r: f"Wi-Fi серсүзе: {_uh_password(r)}",
        lambda r: f"Wi-Fi pakasqa simiqa {_uh_password(r)}",
        lambda r: f"Pasiwedhi yeWi-Fi ndeye {_uh_password(r)}",
        lambda r: f"ވައިފައި ޕާސްވޯޑަކީ {_uh_password(r)}",
        lambda r: f"Votre mot de passe provisoire est {_uh_password(r)}",
        lambda r: f"Pasword blong yu hemi {_uh_password(r)}",
        lambda r: f"O lau upu faalilolilo fou o le {_uh_password(r)}",
    ),
    "email": _p(
        lambda r: f"4F3A21C0E2: from=<{v.unheeded_email(r)}>, size={r.randrange(900, 90000)}, nrcpt=1 (queue active)",
        lambda r: f"client=unknown, sasl_method=PLAIN, sasl_username={v.unheeded_email(r)}",
        lambda r: f"      type: snowflake\n      user: {v.unheeded_email(r)}\n      authenticator: externalbrowser",
        lambda r: f"EMAIL;TYPE=work:{v.unheeded_email(r)}",
        lambda r: f"dn: uid=tmoyo,ou=people,dc=acme,dc=co,dc=zw\nmail: {v.unheeded_email(r)}",
    ),
    "ipv4": _p(
        lambda r: f"Failed password for invalid user admin from {v.ipv4(r)} port {r.randrange(1024, 65535)} ssh2",
        lambda r: f'<Data Name="IpAddress">{v.ipv4(r)}</Data>\n<Data Name="IpPort">{r.randrange(1024, 65535)}</Data>',
        lambda r: f"Endpoint 1001 is now Reachable; contact sip:1001@{v.ipv4(r)}:5060",
        lambda r: f"connect from unknown[{v.ipv4(r)}]",
    ),
    "ipv6": _p(
        lambda r: f"Accepted publickey for deploy from {v.ipv6(r)} port {r.randrange(1024, 65535)} ssh2",
        lambda r: f'<Data Name="IpAddress">{v.ipv6(r)}</Data>',
        lambda r: f"connect from unknown[{v.ipv6(r)}]",
    ),
    "phone": _p(
        lambda r: f"Mpamagara kuri {_uh_phone(r)}",
        lambda r: f"Миңа {_uh_phone(r)} номерына шалтыратыгыз",
        lambda r: f"Kay yupayman waqyamuway: {_uh_phone(r)}",
        lambda r: f"Ndifonere pa {_uh_phone(r)}",
        lambda r: f"{_uh_phone(r)} އަށް ގުޅުއްވާ",
        lambda r: f"Appelez-moi au {_uh_phone(r)}",
        lambda r: (
            f"From: <sip:{_uh_intl_phone(r).replace(' ', '').replace('-', '').replace('.', '')}@pbx.acme.vu>;tag=as5f2e"
        ),
        lambda r: f"Set(CALLERID(num)={_uh_intl_phone(r).replace(' ', '')})",
    ),
    "payment_card": _p(
        lambda r: f"[002] PAN (LLVAR) .............: {v.unheeded_card_number(r)}",
        _uh_track2,
        lambda r: f"Elcart {v.unheeded_card(r, 'elcart')}",
        lambda r: f"银联卡号：{v.unheeded_card(r, 'unionpay', sep=' ')}",
        lambda r: f"Visa (13) {v.unheeded_card(r, 'visa')}",
        lambda r: f"caller: yes the card number is {v.unheeded_card(r, pick(r, 'mastercard', 'amex', 'jcb'), sep=' ')}",
        lambda r: f"UnionPay {v.unheeded_card(r, 'unionpay81')}",
        lambda r: f'"pan": "{v.unheeded_card_number(r, pick(r, "diners", "maestro", "discover"))}"',
    ),
    "iban": _p(
        lambda r: f"RIB / IBAN : {v.unheeded_iban(r, country=pick(r, 'GA', 'CG', 'TD', 'GQ'))}",
        lambda r: f"IBAN: {v.unheeded_iban(r, country=pick(r, 'AO', 'MZ'))}",
        lambda r: f"Compte IBAN {v.unheeded_iban(r, country=pick(r, 'CI', 'NE', 'ML'))}",
        lambda r: f"<CdtrAcct><Id><IBAN>{v.unheeded_iban(r, grouped=False)}</IBAN></Id></CdtrAcct>",
        lambda r: f"NIB/IBAN {v.unheeded_iban(r, country='CV')}",
    ),
}

UNHEEDED_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: 'Sys.setenv(OPENAI_API_KEY = Sys.getenv("OPENAI_KEY_VAULT"))'),
    "openai_project_key": _p(
        lambda r: f"OPENAI_API_KEY: {_uh_sops(r)}",
        lambda r: "val openAI = OpenAI(token = BuildConfig.OPENAI_API_KEY)",
        lambda r: "##teamcity[setParameter name='env.OPENAI_API_KEY' value='credentialsJSON:9b1f0c2e-openai']",
        lambda r: f"OPENAI_API_KEY={v.unheeded_llamacloud_key(r)}  # LlamaCloud's key put in the wrong variable",
    ),
    "anthropic_api_key": _p(
        lambda r: '{"x-api-key", System.fetch_env!("ANTHROPIC_API_KEY")}',
        lambda r: "anthropic_key: <secret hidden> (from secret store)",
    ),
    "deepseek_api_key": _p(
        lambda r: f"run sk-{rand(r, HEX, 12)} finished",
        lambda r: f"checkpoint ft-{rand(r, HEX, 32)}.safetensors",
    ),
    "aws_access_key_id": _p(
        lambda r: "accessKey = System.getenv('AWS_ACCESS_KEY_ID')",
        lambda r: f"arn:aws:iam::{v.luhn_free_number(r, 10**11, 10**12)}:role/voice-ft-runner",
    ),
    "aws_secret_access_key": _p(
        lambda r: f"secret_access_key = {_uh_sops(r)}",
        lambda r: "secretKey = '<your-secret-key>'",
    ),
    "aws_session_token": _p(lambda r: "session_token = ${AWS_SESSION_TOKEN}"),
    "github_classic_token": _p(
        lambda r: "protocol=https\nhost=github.com\nusername=ft-runner\npassword=********",
        lambda r: f"commit {rand(r, HEX, 40)} (HEAD -> main, origin/main)",
    ),
    "github_app_token": _p(lambda r: "##teamcity[setParameter name='env.GH_TOKEN' value='%vcs.github.token%']"),
    "gitlab_token": _p(
        lambda r: "machine gitlab.com login oauth2 password $CI_JOB_TOKEN",
        lambda r: f"pipeline #{r.randrange(10**6, 10**8)} triggered by glptt-**** (trigger {r.randrange(10, 99)})",
    ),
    "slack_token": _p(lambda r: 'slackr_setup(token = Sys.getenv("SLACK_TOKEN"))'),
    "slack_webhook": _p(
        lambda r: "  settings:\n    webhook:\n      from_secret: slack_webhook",
    ),
    "stripe_key": _p(
        lambda r: f'Stripe.publishableKey = "pk_live_{rand(r, ALNUM, 24)}"',
        lambda r: f"charge ch_{rand(r, ALNUM, 24)} succeeded",
    ),
    "google_api_key": _p(lambda r: 'GenerativeModel(name: "gemini-2.0-flash", apiKey: APIKey.default)'),
    "google_oauth_client_secret": _p(
        lambda r: f'{{"installed": {{"client_id": "{r.randrange(10**11, 10**12)}-abc.apps.googleusercontent.com"}}}}'
    ),
    "gcp_oauth_token": _p(lambda r: "bearerAuth(tokenProvider.current())"),
    "twilio_api_key": _p(
        lambda r: f"CallSid=CA{rand(r, HEX, 32)}&AccountSid=AC{rand(r, HEX, 32)}&CallStatus=completed",
        lambda r: f"RecordingSid: RE{rand(r, HEX, 32)}",
    ),
    "sendgrid_api_key": _p(lambda r: "[smtp.sendgrid.net]:587 apikey:${SENDGRID_API_KEY}"),
    "huggingface_token": _p(lambda r: f"model: hf.co/acme/voice-ft-{rand(r, HEX, 8)}:Q4_K_M"),
    "npm_token": _p(lambda r: 'npmAuthToken: "${NPM_TOKEN}"'),
    "pypi_token": _p(lambda r: "uv publish --trusted-publishing always"),
    "shopify_token": _p(lambda r: "SHOPIFY_SHOP=acme-voice.myshopify.com"),
    "digitalocean_token": _p(lambda r: "DIGITALOCEAN_ACCESS_TOKEN: ${{ secrets.DO_TOKEN }}"),
    "telegram_bot_token": _p(lambda r: "GET https://api.telegram.org/bot<token>/getMe"),
    "azure_storage_connection_string": _p(
        lambda r: (
            "DefaultEndpointsProtocol=https;AccountName=acmevoicerec;AccountKey=****;EndpointSuffix=core.windows.net"
        )
    ),
    "azure_sas_token": _p(
        lambda r: "PUT https://acmevoicerec.blob.core.windows.net/recordings/call.wav?sv=2025-01-05&sp=cw&sig=*** - 201"
    ),
    "clickhouse_cloud_key": _p(lambda r: f"CLICKHOUSE_CLOUD_KEY_ID={_uuid(r)}  # id only, secret in bws"),
    "jwt": _p(
        lambda r: "Cookie: argocd.token=",
        lambda r: f"eyJ{rand(r, ALNUM, 6)} (truncated)",
        lambda r: f"kid={rand(r, HEX, 16)} alg=RS256 use=sig",
    ),
    "private_key": _p(
        lambda r: f'"private_key_id": "{rand(r, HEX, 40)}",',
        lambda r: f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{v.b64(r.randbytes(33))[:43]} ft-runner@voice",
        lambda r: "SSH_KEY:\n  from_secret: deploy_key",
        lambda r: (
            "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: aes256-cbc\nComment: ft-runner@voice\n"
            "Key-Derivation: Argon2id"
        ),
    ),
    "url_credentials": _p(
        lambda r: "sftp://ftuser@sftp.acme-voice.ga:22/exports/",
        lambda r: "AMQP_URL=amqp://voice:${RABBIT_PASSWORD}@rabbit-voice:5672/calls",
        lambda r: "rtsp://cam-lobby.acme.local:554/Streaming/Channels/101",
        lambda r: "nats://nats-voice:4222",
    ),
    "password_assignment": _p(
        lambda r: "[voice-sftp]\ntype = sftp\nuser = ftuser\nkey_file = ~/.ssh/id_ed25519",
        lambda r: '<param name="password" value="$${default_password}"/>',
        lambda r: "      password: \"{{ env_var('DBT_PASSWORD') }}\"",
        lambda r: f"password_min_length = {r.randrange(10, 16)}",
        lambda r: "Password: <hidden>",
    ),
    "sql_identified_by": _p(
        lambda r: "CREATE USER ft_runner IDENTIFIED WITH ssl_certificate CN 'ft-runner'",
        lambda r: "CREATE USER voice IDENTIFIED EXTERNALLY;",
    ),
    "bearer_token": _p(
        lambda r: (
            "Headers({'host': 'api.cloud.llamaindex.ai', 'authorization': '[secure]', "
            "'content-type': 'application/json'})"
        ),
        lambda r: "-> Authorization: Bearer ${env.RUNPOD_API_KEY}",
        lambda r: "Authorization: Bearer <redacted>",
    ),
    "basic_auth": _p(
        lambda r: 'Proxy-Authenticate: Basic realm="Squid proxy-caching web server"',
        lambda r: "-> Authorization: Basic ***",
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: AWSELBAuthSessionCookie-0=; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        lambda r: (
            f"Cookie: _octo=GH1.1.{r.randrange(10**8, 10**9)}.{r.randrange(1767225600, 1769904000)}; "
            "tz=Africa%2FLibreville"
        ),
        lambda r: "Cookie: color_mode=%7B%22color_mode%22%3A%22auto%22%7D; preferred_color_mode=dark",
    ),
    "auth_token_assignment": _p(
        lambda r: "DRONE_TOKEN=",
        lambda r: f"token_expires_at={r.randrange(1767225600, 1769904000)}",
        lambda r: "INFLUX_TOKEN=${INFLUX_TOKEN:?set it}",
    ),
    "generic_secret": _p(
        lambda r: f"X-Request-Id: {_uuid(r)}",
        lambda r: f"X-API-KEY: {_uh_sops(r)}",
        lambda r: f"E2B_TEMPLATE_ID={rand(r, string.ascii_lowercase + string.digits, 20)}",
        lambda r: f"BROWSERBASE_PROJECT_ID={_uuid(r)}",
        lambda r: "Authorization: Token <DEEPGRAM_API_KEY>",
        lambda r: f"jenkins secret: {{AQAAABAAAAAQ{v.b64(r.randbytes(48))}}}",
        lambda r: f"sealedsecret data: {_uh_sealed(r)}",
    ),
    "password_hash": _p(
        lambda r: "Guest:501:aad3b435b51404eeaad3b435b51404ee:*disabled*:::",
        lambda r: f"sha256:{rand(r, HEX, 64)}  voice-ft-2026-01.jsonl",
        lambda r: f'ETag: "{rand(r, HEX, 32)}"',
        lambda r: "ftuser:!:20478:0:99999:7:::",
    ),
    "credential_phrase": _p(
        lambda r: "Wibagiwe ijambo ry'ibanga ryawe?",
        lambda r: "Серсүзегезне оныттыгызмы?",
        lambda r: "Pakasqa simiqa aswan pisimanta 12 sanampayuq kanan.",
        lambda r: "Wakakanganwa pasiwedhi yako here?",
        lambda r: "ޕާސްވޯޑު ހަނދާން ނެތިއްޖެތަ؟",
        lambda r: "Pasword i mas gat 12 leta o moa.",
    ),
    "email": _p(
        lambda r: "from=<>, size=2841, nrcpt=1 (queue active)",
        lambda r: "sasl_method=PLAIN, sasl_username=ft-runner",
        lambda r: f"Message-ID: <{rand(r, HEX, 16)}.{r.randrange(10**9, 10**10)}@mx1>",
        lambda r: "EMAIL;TYPE=work:",
    ),
    "ipv4": _p(
        lambda r: f"VRMF(9.3.0.{r.randrange(0, 20)})",
        lambda r: f"SIP/2.0 {r.choice((200, 401, 486))} OK;received=pbx.acme.vu",
        lambda r: f"version {r.randrange(1, 9)}.{r.randrange(0, 20)}.{r.randrange(0, 9)}.{r.randrange(0, 9999)}",
    ),
    "ipv6": _p(
        lambda r: (
            f"[{r.randrange(0, 8)}]{rand(r, '0123456789ABCDEF', 4)}.{rand(r, '0123456789ABCDEF', 4)}::"
            f"{v.unheeded_filetime(r)} [AcmeVoiceAgent]"
        ),
        lambda r: f"C-{rand(r, HEX, 8)}::{rand(r, HEX, 4)}",
    ),
    "phone": _p(
        lambda r: f"ring {v.unheeded_invalid_phone(r, _uh_regions())}",
        lambda r: f"ticks {v.unheeded_filetime(r)}",
        lambda r: f"job {v.no_phone_digits(r, 9, _uh_regions())} queued",
        lambda r: "+241 0X XX XX XX",
        lambda r: f"batch 20260{r.randrange(110, 128)} 0{r.randrange(10, 99)}913",
    ),
    "payment_card": _p(
        lambda r: f"[002] PAN (LLVAR) .............: {_uh_luhn_failing(r)}  (rejected: check digit)",
        lambda r: f"FILETIME {v.unheeded_luhn_filetime(r)}",
        lambda r: f"order {v.unheeded_order_number(r)}",
        lambda r: f"Elcart 9417 **** **** {rand(r, string.digits, 4)}",
        lambda r: f"[002] PAN (LLVAR) .............: {v.unheeded_card_number(r)[:6]}******{rand(r, string.digits, 4)}",
    ),
    "iban": _p(
        lambda r: f"IBAN {v.unheeded_iban(r, valid=False)} rejected: checksum",
        lambda r: "GA** **** **** **** **** **** " + rand(r, string.digits, 3),
        lambda r: f"SKU AO06-{rand(r, string.digits, 4)}-MZ (spare part)",
        lambda r: "BIC: BGFIGALI",
    ),
}

# Own negatives that truthfully hold another class: a LlamaCloud key assigned to a variable named as OpenAI's API key (a
# generic secret, no OpenAI key).
UNHEEDED_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("openai_project_key", 3): frozenset({"generic_secret"}),
}


# ---------------------------------------------------------------------------- the unasked split's own shapes
#
# Written for the twenty-first split only, by a fifteenth session that did not read the rules
# (``build_corpus("unasked")`` puts them before the shared generators, as for the splits since hidden): values in Java
# EE descriptors, WebLogic ``boot.properties``, WildFly ``standalone.xml`` and ``standalone.conf``, WebSphere Liberty
# ``server.xml`` (with its ``{hash}`` and ``{aes}`` encodings), ``.bazelrc`` and Bazel commands, Unreal Engine ``.ini``
# files, Zabbix host macros, media types and ``zabbix_server.conf``, NATS server configs and ``.creds`` files, Exim's
# ``passwd.client``, Cassandra's ``cqlshrc``, Solr's ``security.json``, ZooKeeper ACLs, Neo4j's auth file, FortiOS
# ``config system admin``, SAP and SQL Server 2000 hash dumps, CockroachDB statements, Okta System Log and IdP JSON, PHP
# Symfony, Go resty, Kotlin Fuel, Haskell, Swift and Deno clients, SWIFT MT103 fields and EMV tags; keys of vendors with
# no detector of their own (Coze, Friendli, Featherless, Chutes, Scaleway, turbopuffer, Stability and Speechmatics in
# Bearer headers; DeepL, fal.ai, Gladia, Hume, Mem0, Zep, Okta's SSWS and Humanloop sent or assigned as API keys;
# Neptune, Apify, Zabbix and NATS tokens assigned as tokens), SenseNova and MiniMax JWTs, session cookies of cPanel,
# Zimbra, Matomo, Sentry, OpenProject, Cockpit, Apache Shiro and GLPI, password hashes of eight families (FortiOS
# ``AK1``, SAP CODVN G, Oracle's DES hash, CockroachDB's ``CRDB-BCRYPT``, Neo4j, Solr, ZooKeeper digests, Liberty
# ``{hash}``), cards of new ranges with dots and no-break spaces, IBANs of six new countries, phone numbers of eight new
# regions and sentences in Malagasy, Tajik, Sesotho, Wolof, Samoan, Tetum and siSwati; and look-alikes that are not
# findings (WebLogic ``{AES256}`` and Liberty ``{aes}`` ciphertexts, WildFly vault references, Azure's and Telegram's
# documented example keys, NATS public nkeys, DKIM public keys, encrypted PKCS#8, Shiro's ``rememberMe=deleteMe``,
# Matomo visitor ids, Transmission's CSRF header, SendGrid's ``X-SG-EID``, X.509 and EC curve OIDs, MAC addresses and
# C++ scopes, UPU tracking numbers, GS1 SSCCs and Cassandra tokens that pass Luhn, masked and failing IBANs).
# ``UNASKED_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class.


def _ua_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _ua_password(r: random.Random) -> str:
    return v.unasked_password(r)


def _ua_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unasked_password(r), safe="")


def _ua_phone(r: random.Random) -> str:
    return v.unasked_phone(r, _ua_regions())


def _ua_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _ua_slack_hook(r: random.Random) -> str:
    return (
        "https://hooks.slack.com/services/T"
        + rand(r, string.ascii_uppercase + string.digits, 10)
        + "/B"
        + rand(r, string.ascii_uppercase + string.digits, 10)
        + "/"
        + rand(r, ALNUM, 24)
    )


def _ua_nkey(r: random.Random, prefix: str) -> str:
    """A NATS nkey: a prefix (``SU`` a user's seed, ``U`` a user's public key) and base32 up to 56 or 58 characters."""
    return prefix + rand(r, string.ascii_uppercase + "234567", 58 - len(prefix) if prefix == "SU" else 55)


def _ua_nats_creds(r: random.Random) -> str:
    """The seed half of a NATS ``.creds`` file: the warning, then the user's nkey seed between its armour lines."""
    return (
        "************************* IMPORTANT *************************\n"
        "NKEY Seed printed below can be used to sign and prove identity.\n"
        "NKEYs are sensitive and should be treated as secrets.\n\n"
        f"-----BEGIN USER NKEY SEED-----\n{_ua_nkey(r, 'SU')}\n------END USER NKEY SEED------"
    )


def _ua_liberty_hash(r: random.Random) -> str:
    """WebSphere Liberty's ``securityUtility encode --encoding=hash`` output: ``{hash}`` and base64 of the algorithm's
    header, salt and PBKDF2 digest."""
    return "{hash}" + v.b64(b"\x02\x00\x00\x00\x14" + r.randbytes(20) + b"\x00\x00\x00\x20" + r.randbytes(32))


def _ua_liberty_aes(r: random.Random) -> str:
    """WebSphere Liberty's ``{aes}`` encoding: the password encrypted with the server's key (no leak by itself)."""
    return "{aes}" + v.b64(b"\x01" + r.randbytes(r.randrange(40, 70)))


def _ua_weblogic_aes(r: random.Random) -> str:
    """A WebLogic ``{AES256}`` ciphertext (what ``boot.properties`` holds after the first start)."""
    return "{AES256}" + v.b64(r.randbytes(r.randrange(32, 64)))


def _ua_cassandra_token(r: random.Random) -> str:
    """A Cassandra Murmur3 token of 19 digits (negative, starting with 1) that happens to pass Luhn: no card."""
    return "-" + v.luhn_number(r, "1", 19)


def _ua_pem(r: random.Random, kind: str) -> str:
    lines = "\n".join(v.b64(r.randbytes(48)) for _ in range(r.randrange(3, 6)))
    return f"-----BEGIN {kind}-----\n{lines}\n-----END {kind}-----"


UNASKED_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: (
            "<env-entry>\n  <env-entry-name>openai/apiKey</env-entry-name>\n  <env-entry-type>java.lang.String"
            f"</env-entry-type>\n  <env-entry-value>{v.openai_legacy(r)}</env-entry-value>\n</env-entry>"
        ),
        lambda r: f"build --action_env=OPENAI_API_KEY={v.openai_legacy(r)}",
        lambda r: f"[/Script/VoiceChat.CdrSettings]\nOpenAIApiKey={v.openai_legacy(r)}",
    ),
    "openai_project_key": _p(
        lambda r: f'<variable name="OPENAI_API_KEY" value="{v.openai_project(r)}"/>',
        lambda r: f"macros:\n  - macro: '{{$OPENAI.API.KEY}}'\n    value: {v.openai_project(r)}",
        lambda r: f'addRequestHeader hAuthorization "Bearer {v.openai_project(r)}" req',
        lambda r: f'request.setValue("Bearer {v.openai_project(r)}", forHTTPHeaderField: "Authorization")',
    ),
    "anthropic_api_key": _p(
        lambda r: f"'headers' => ['x-api-key' => '{v.anthropic(r)}', 'anthropic-version' => '2023-06-01'],",
        lambda r: f'SetHeader("x-api-key", "{v.anthropic(r)}").',
        lambda r: f'[/Script/VoiceChat.CdrSettings]\nAnthropicKey="{v.anthropic(r)}"',
    ),
    "deepseek_api_key": _p(
        lambda r: (
            f'Fuel.post("https://api.deepseek.com/chat/completions").header("Authorization", "Bearer {v.deepseek(r)}")'
        ),
        lambda r: f"test --test_env=DEEPSEEK_API_KEY={v.deepseek(r)}",
    ),
    "aws_access_key_id": _p(
        lambda r: f'JAVA_OPTS="$JAVA_OPTS -Daws.accessKeyId={v.aws_key_id(r)} -Daws.region=eu-west-3"',
        lambda r: f"macros:\n  - macro: '{{$AWS.ACCESS.KEY.ID}}'\n    value: {v.aws_key_id(r)}",
        lambda r: f"[/Script/CdrUploader.S3Settings]\nAccessKeyId={v.aws_key_id(r)}\nBucket=cdr-archive-af",
    ),
    "aws_secret_access_key": _p(
        lambda r: f'JAVA_OPTS="$JAVA_OPTS -Daws.secretKey={v.aws_secret(r)}"',
        lambda r: f"macros:\n  - macro: '{{$AWS.SECRET.ACCESS.KEY}}'\n    value: '{v.aws_secret(r)}'",
        lambda r: f"[/Script/CdrUploader.S3Settings]\nSecretAccessKey={v.aws_secret(r)}",
    ),
    "aws_session_token": _p(
        lambda r: f'JAVA_OPTS="$JAVA_OPTS -Daws.sessionToken={v.aws_session_token(r)}"',
        lambda r: f"set -gx AWS_SESSION_TOKEN {v.aws_session_token(r)}",
    ),
    "github_classic_token": _p(
        lambda r: f"bazel run //tools/release:publish -- --github-token={v.github_token(r, 'ghp')}",
        lambda r: f'{{"name": "github_token", "value": "{v.github_token(r, "ghp")}"}}',
    ),
    "github_oauth_token": _p(
        lambda r: (
            "github.com\n  ✓ Logged in to github.com account cdr-bot (keyring)\n  - Active account: true\n"
            f"  - Git operations protocol: https\n  - Token: {v.github_token(r, 'gho')}"
        ),
    ),
    "github_app_token": _p(lambda r: f"GITHUB_TOKEN={v.github_token(r, 'ghs')} bazel run //release:upload_assets"),
    "github_refresh_token": _p(
        lambda r: f"refresh_token={v.github_token(r, 'ghr')}&grant_type=refresh_token&client_id=Iv23liCdrBot0192"
    ),
    "github_fine_grained_token": _p(
        lambda r: f"GH_TOKEN=github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)} gh release upload v2.4.1 dist/*",
    ),
    "gitlab_token": _p(
        lambda r: f"git clone https://oauth2:glpat-{rand(r, ALNUM + '_-', 20)}@gitlab.acme.mr/voice/cdr-rules.git",
        lambda r: f'[/Script/CdrUploader.GitSettings]\nPrivateToken="glpat-{rand(r, ALNUM + "_-", 20)}"',
    ),
    "slack_token": _p(
        lambda r: f"parameters:\n  - name: bot_token\n    value: {v.slack_token(r)}",
        lambda r: f"[/Script/VoiceChat.Alerts]\nSlackBotToken={v.slack_token(r)}",
    ),
    "slack_webhook": _p(
        lambda r: (
            "curl -X POST -H 'Content-type: application/json' --data '{\"text\":\"CDR export failed\"}' "
            + _ua_slack_hook(r)
        ),
    ),
    "stripe_key": _p(
        lambda r: f"\\Stripe\\Stripe::setApiKey('{v.stripe_key(r)}');",
        lambda r: f'stripeConfig = StripeConfig (StripeKey "{v.stripe_key(r)}") Nothing',
    ),
    "google_api_key": _p(
        lambda r: f"[/Script/GoogleSpeech.Settings]\nApiKey=AIza{rand(r, ALNUM + '_-', 35)}",
        lambda r: f'GMSServices.provideAPIKey("AIza{rand(r, ALNUM + "_-", 35)}")',
    ),
    "google_oauth_client_secret": _p(
        lambda r: (
            '"protocol": {"type": "OIDC", "credentials": {"client": {"client_id": '
            f'"{r.randrange(10**11, 10**12)}-{rand(r, string.ascii_lowercase + string.digits, 32)}'
            f'.apps.googleusercontent.com", "client_secret": "GOCSPX-{rand(r, ALNUM + "_-", 28)}"}}}}}}'
        ),
    ),
    "gcp_oauth_token": _p(
        lambda r: f'requestHeaders = [("Authorization","Bearer {v.gcp_token(r)}"),("Content-Type","application/json")]',
        lambda r: f'build:ci --remote_header=Authorization="Bearer {v.gcp_token(r)}"',
    ),
    "twilio_api_key": _p(lambda r: f"[twilio-sip]\naccount = cdr-trunk\napi_key = SK{rand(r, HEX, 32)}"),
    "sendgrid_api_key": _p(
        lambda r: f"*.sendgrid.net:apikey:SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}",
    ),
    "huggingface_token": _p(
        lambda r: f"build --action_env=HF_TOKEN=hf_{rand(r, ALNUM, 34)}",
        lambda r: f"huggingface-cli login --token hf_{rand(r, ALNUM, 34)} --add-to-git-credential",
    ),
    "npm_token": _p(lambda r: f"yarn config set npmAuthToken npm_{rand(r, ALNUM, 36)}"),
    "pypi_token": _p(
        lambda r: (
            "bazel run //:wheel.publish -- --username __token__ --password "
            f"pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}"
        ),
    ),
    "shopify_token": _p(lambda r: f"'headers' => ['X-Shopify-Access-Token' => 'shpat_{rand(r, HEX, 32)}'],"),
    "digitalocean_token": _p(
        lambda r: (
            f'source "digitalocean" "cdr" {{\n  api_token = "dop_v1_{rand(r, HEX, 64)}"\n  region    = "fra1"\n}}'
        ),
    ),
    "telegram_bot_token": _p(
        lambda r: f'{{"name": "api_token", "value": "{r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + "_-", 33)}"}}',
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            '<property name="azure.storage.connection-string" value="DefaultEndpointsProtocol=https;'
            f'AccountName=cdrarchive;AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net"/>'
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            "$ctx = New-AzStorageContext -StorageAccountName cdrarchive -SasToken "
            f'"?sv=2025-01-05&ss=b&srt=co&sp=rl&se=2026-03-01T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}"'
        ),
    ),
    "clickhouse_cloud_key": _p(
        lambda r: (
            f'curl --user "{rand(r, ALNUM, 20)}:{v.clickhouse_secret(r)}" https://api.clickhouse.cloud/v1/organizations'
        ),
    ),
    "jwt": _p(
        lambda r: f"Cookie: PLAY_SESSION={v.jwt(r)}",
        lambda r: f"Cookie: JWT-SESSION={v.jwt(r)}",
        lambda r: f"Authorization: Bearer {v.unasked_sensenova_token(r)}",
        lambda r: f"Authorization: Bearer {v.unasked_minimax_key(r)}",
        lambda r: f'"id_token": "{v.jwt(r)}", "token_type": "Bearer", "expires_in": 3600',
    ),
    "private_key": _p(
        _ua_nats_creds,
        lambda r: f"$ cat /etc/exim4/dkim/acme.bf.key\n{_ua_pem(r, 'RSA PRIVATE KEY')}",
        lambda r: (
            "$ kubectl -n sso get secret okta-sp-signing -o jsonpath='{.data.tls\\.key}' | base64 -d\n"
            f"{_ua_pem(r, 'PRIVATE KEY')}"
        ),
    ),
    "url_credentials": _p(
        lambda r: f"cockroachdb://cdr:{_ua_url_password(r)}@crdb-public.cdr:26257/cdr?sslmode=verify-full",
        lambda r: f'leafnodes {{ remotes = [ {{ url: "tls://cdr:{_ua_url_password(r)}@nats-leaf.acme.bf:7422" }} ] }}',
        lambda r: f"t3s://weblogic:{_ua_url_password(r)}@wls-cdr-01.acme.sc:7002",
        lambda r: f"MYSQLX_URI=mysqlx://cdr:{_ua_url_password(r)}@mysql-cdr:33060/cdr",
        lambda r: f"notify_url = smtps://relay-cdr:{_ua_url_password(r)}@smtp.mauritel.mr:465",
    ),
    "password_assignment": _p(
        lambda r: f"# servers/AdminServer/security/boot.properties\nusername=weblogic\npassword={_ua_password(r)}",
        lambda r: (
            "<security>\n    <user-name>cdr</user-name>\n"
            f"    <password>{html.escape(_ua_password(r))}</password>\n</security>"
        ),
        lambda r: (
            f'<properties.postgresql serverName="pg-sso" databaseName="sso" user="sso" '
            f'password="{html.escape(_ua_password(r))}"/>'
        ),
        lambda r: f'authorization {{\n  user: cdr\n  password: "{_ua_password(r)}"\n}}',
        lambda r: f"[authentication]\nusername = cdr_reader\npassword = {_ua_password(r)}",
        lambda r: f"DBHost=mysql-zbx\nDBName=zabbix\nDBUser=zabbix\nDBPassword={_ua_password(r)}",
        lambda r: f"ALTER USER cdr_writer WITH PASSWORD '{_ua_password(r)}';",
        lambda r: f'JAVA_OPTS="$JAVA_OPTS -Djavax.net.ssl.keyStorePassword={_ua_password(r)}"',
    ),
    "sql_identified_by": _p(
        lambda r: f'ALTER USER voice_ro IDENTIFIED BY "{_ua_password(r)}" ACCOUNT UNLOCK PASSWORD EXPIRE;',
        lambda r: (
            f"CREATE USER 'cdr'@'10.%' IDENTIFIED WITH caching_sha2_password BY '{_ua_password(r)}' "
            "REQUIRE SSL PASSWORD HISTORY 5;"
        ),
    ),
    "bearer_token": _p(
        lambda r: f"\tAuthorization: Bearer {v.unasked_coze_pat(r)}",
        lambda r: f'-H "Authorization: Bearer {v.unasked_friendli_token(r)}" \\',
        lambda r: f'    authorization: "Bearer {v.unasked_featherless_key(r)}",',
        lambda r: f'["Authorization": "Bearer {v.unasked_chutes_key(r)}", "Content-Type": "application/json"]',
        lambda r: f"'headers' => ['Authorization' => 'Bearer {v.unasked_scaleway_key(r)}'],",
        lambda r: f"Authorization: Bearer {v.unasked_turbopuffer_key(r)}",
        lambda r: (
            f"curl -f -sS https://api.stability.ai/v2beta/stable-image/generate/core "
            f'-H "authorization: Bearer {v.unasked_stability_key(r)}" -F prompt="call centre icon"'
        ),
        lambda r: f"Authorization: Bearer {v.unasked_speechmatics_key(r)}",
    ),
    "basic_auth": _p(
        lambda r: f"headers:\n  - name: Authorization\n    value: 'Basic {_ua_basic('zbx-http', _ua_password(r))}'",
        lambda r: (
            f'curl -s -H "Authorization: Basic {_ua_basic("weblogic", _ua_password(r))}" '
            "https://wls-cdr-01.acme.sc:7002/management/weblogic/latest/domainRuntime/serverRuntimes"
        ),
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: cpsession=cdradmin%3a{rand(r, ALNUM + '_', 16)}%2c{rand(r, HEX, 32)}",
        lambda r: f"Cookie: ZM_AUTH_TOKEN=0_{rand(r, HEX, 40)}_{rand(r, HEX, 80)}",
        lambda r: f"Cookie: MATOMO_SESSID={rand(r, string.ascii_lowercase + string.digits, 26)}",
        lambda r: (
            f"Cookie: sentrysid=.eJy{rand(r, ALNUM + '-_', 60)}:1v{rand(r, ALNUM, 4)}:{rand(r, ALNUM + '-_', 43)}"
        ),
        lambda r: f"Cookie: _open_project_session={rand(r, HEX, 32)}",
        lambda r: f"Cookie: cockpit={v.b64(('v=2;k=' + rand(r, HEX, 64)).encode())}",
        lambda r: f"Cookie: rememberMe={v.b64(r.randbytes(r.randrange(160, 320)))}",
        lambda r: f"Cookie: glpi_{rand(r, HEX, 32)}={rand(r, string.ascii_lowercase + string.digits, 26)}",
    ),
    "auth_token_assignment": _p(
        lambda r: f'NEPTUNE_API_TOKEN="{v.unasked_neptune_token(r)}"',
        lambda r: f"APIFY_TOKEN={v.unasked_apify_token(r)}",
        lambda r: f"ZABBIX_AUTH_TOKEN={rand(r, HEX, 64)}",
        lambda r: f'authorization {{\n  token: "{v.opaque_token(r)}"\n}}',
    ),
    "generic_secret": _p(
        lambda r: f"Authorization: DeepL-Auth-Key {v.unasked_deepl_key(r)}",
        lambda r: f"Authorization: Key {v.unasked_fal_key(r)}",
        lambda r: f"x-gladia-key: {v.unasked_gladia_key(r)}",
        lambda r: f"X-Hume-Api-Key: {v.unasked_hume_key(r)}",
        lambda r: f"Authorization: Token {v.unasked_mem0_key(r)}",
        lambda r: f"Authorization: Api-Key {v.unasked_zep_key(r)}",
        lambda r: f"Authorization: SSWS 00{rand(r, ALNUM + '-_', 40)}",
        lambda r: f"HUMANLOOP_API_KEY={v.unasked_humanloop_key(r)}",
    ),
    "password_hash": _p(
        lambda r: (
            'config system admin\n    edit "admin"\n        set password ENC '
            + v.unasked_password_hash(r, "fortigate_ak1")
        ),
        lambda r: f"USR02 PASSCODE (CODVN G): {v.unasked_password_hash(r, 'sap_codvn_g')}",
        lambda r: f"ALTER USER cdr_ro IDENTIFIED BY VALUES '{v.unasked_password_hash(r, 'oracle_des')}';",
        lambda r: f"CREATE USER cdr WITH PASSWORD '{v.unasked_password_hash(r, 'cockroach_bcrypt')}';",
        lambda r: f"neo4j:{v.unasked_password_hash(r, 'neo4j_sha256')}:",
        lambda r: f'"credentials": {{"solr": "{v.unasked_password_hash(r, "solr_sha256")}"}}',
        lambda r: f"setAcl /cdr/config digest:{v.unasked_password_hash(r, 'zookeeper_digest')}:cdrwa",
        lambda r: f'<user name="cdradmin" password="{_ua_liberty_hash(r)}"/>',
    ),
    "credential_phrase": _p(
        lambda r: f"Ny tenimiafina Wi-Fi dia {_ua_password(r)}",
        lambda r: f"Рамзи Wi-Fi: {_ua_password(r)}",
        lambda r: f"Phasewete ya Wi-Fi ke {_ua_password(r)}",
        lambda r: f"Baatu jàll bu Wi-Fi bi mooy {_ua_password(r)}",
        lambda r: f"O le upu fa'alilolilo o le Wi-Fi o le {_ua_password(r)}",
        lambda r: f"Ita-nia senha foun mak {_ua_password(r)}",
        lambda r: f"Iphasiwedi yakho yesikhashana ngu-{_ua_password(r)}",
        lambda r: f"SMS: Moov Money — your new temporary password is {_ua_password(r)}",
    ),
    "email": _p(
        lambda r: f'<= {v.unasked_email(r)} U=cdr P=local S={r.randrange(900, 90000)} T="CDR export 2026-01"',
        lambda r: f'"actor": {{"type": "User", "alternateId": "{v.unasked_email(r)}", "displayName": "CDR bot"}}',
        lambda r: f"INSERT INTO sso.users (id, email) VALUES ({_uuid(r)}, '{v.unasked_email(r)}');",
        lambda r: (
            f"<Security> <BEA-090078> <User {v.unasked_email(r)} in security realm myrealm has had 5 invalid "
            "login attempts>"
        ),
        lambda r: f"media:\n  - mediatypeid: '1'\n    sendto: {v.unasked_email(r)}",
    ),
    "ipv4": _p(
        lambda r: f"{v.ipv4(r)}:{r.randrange(1024, 65535)} - cid:{r.randrange(1, 9999)} - authorization violation",
        lambda r: f"H=(mail.example) [{v.ipv4(r)}]:{r.randrange(1024, 65535)} rejected RCPT: relay not permitted",
        lambda r: f"Accepted {v.ipv4(r)}:{r.randrange(1024, 65535)}",
        lambda r: f"Host '{v.ipv4(r)}' is blocked because of many connection errors",
    ),
    "ipv6": _p(
        lambda r: f"[{v.ipv6(r)}]:{r.randrange(1024, 65535)} - cid:{r.randrange(1, 9999)} - Client connection created",
        lambda r: f"Accepted [{v.ipv6(r)}]:{r.randrange(1024, 65535)}",
        lambda r: f"Host '{v.ipv6(r)}' is not allowed to connect to this MySQL server",
    ),
    "phone": _p(
        lambda r: f"Antsoy amin'ny {_ua_phone(r)} aho",
        lambda r: f"Ба рақами {_ua_phone(r)} занг занед",
        lambda r: f"Ntetsetse ho {_ua_phone(r)}",
        lambda r: f"Woo ma ci {_ua_phone(r)}",
        lambda r: f"Vala'au mai i le {_ua_phone(r)}",
        lambda r: f"TEL;TYPE=cell:{_ua_phone(r)}",
        lambda r: f"media:\n  - mediatypeid: '3'\n    sendto: '{_ua_phone(r)}'",
        lambda r: f'src="{v.unasked_phone_compact(r, _ua_regions())}" dst="1001" dcontext="from-trunk"',
    ),
    "payment_card": _p(
        lambda r: f"Tag 5A (Application PAN): {v.unasked_card_number(r)}",
        lambda r: f"Carte n° {v.unasked_card(r)}",
        lambda r: f"carte bancaire : {v.unasked_card(r, 'visa', sep=' ')} exp 09/28",
        lambda r: f"Laharan'ny karatra: {v.unasked_card(r, 'mastercard')}",
        lambda r: f'"cardNumber": "{v.unasked_card_number(r, pick(r, "jcb", "discover"))}"',
        lambda r: f"银联 {v.unasked_card(r, 'unionpay', sep=' ')}",
        lambda r: f"AMEX {v.unasked_card(r, 'amex', sep=chr(0xA0))}",
        lambda r: f"Diners Club {v.unasked_card(r, 'diners', sep='-')}",
    ),
    "iban": _p(
        lambda r: f"RIB / IBAN : {v.unasked_iban(r, country='MA', grouped=True)}",
        lambda r: f"رقم الحساب الدولي IBAN: {v.unasked_iban(r, country='DZ')}",
        lambda r: f"شماره شبا: {v.unasked_iban(r, country='IR', grouped=False)}",
        lambda r: f":59:/{v.unasked_iban(r, country=pick(r, 'KM', 'CF'), grouped=False)}\nCOMPTE CLIENT CDR",
        lambda r: f"IBAN: {v.unasked_iban(r, country='GW')}",
    ),
}

UNASKED_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: "[/Script/VoiceChat.CdrSettings]\nOpenAIApiKey="),
    "openai_project_key": _p(
        lambda r: '<variable name="OPENAI_API_KEY" value="${env.OPENAI_API_KEY}"/>',
        lambda r: "OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxx  # replace with your key",
        lambda r: f"OPENAI_API_KEY={v.unasked_stability_key(r)}  # Stability's key put in the wrong variable",
    ),
    "anthropic_api_key": _p(
        lambda r: "'headers' => ['x-api-key' => $_ENV['ANTHROPIC_API_KEY']],",
        lambda r: f"anthropic key sk-ant-api03-{rand(r, ALNUM, 4)}… revoked on 2026-01-12",
    ),
    "deepseek_api_key": _p(
        lambda r: f"device kiosk-{rand(r, HEX, 32)} registered",
        lambda r: f"task-{rand(r, HEX, 32)} finished in 41.2s",
    ),
    "aws_access_key_id": _p(
        lambda r: 'JAVA_OPTS="$JAVA_OPTS -Daws.accessKeyId=${AWS_ACCESS_KEY_ID}"',
        lambda r: "[/Script/CdrUploader.S3Settings]\nAccessKeyId=AKIAIOSFODNN7EXAMPLE",
    ),
    "aws_secret_access_key": _p(
        lambda r: "macros:\n  - macro: '{$AWS.SECRET.ACCESS.KEY}'\n    type: SECRET_TEXT",
        lambda r: "SecretAccessKey=****************************************",
    ),
    "aws_session_token": _p(lambda r: "set -gx AWS_SESSION_TOKEN (okta-aws-cli web --format env | string collect)"),
    "github_classic_token": _p(
        lambda r: "  - Token: ghp_************************************",
        lambda r: f"Merge pull request #{r.randrange(100, 9999)} from acme/cdr-{rand(r, HEX, 7)}",
    ),
    "github_app_token": _p(
        lambda r: f"release upload: installation token {v.github_token(r, 'ghs', valid=False)} rejected (bad checksum)"
    ),
    "gitlab_token": _p(
        lambda r: "git clone https://oauth2:${CI_JOB_TOKEN}@gitlab.acme.mr/voice/cdr-rules.git",
        lambda r: 'PrivateToken="glpat-xxxxxxxxxxxxxxxxxxxx"',
    ),
    "slack_token": _p(lambda r: "parameters:\n  - name: bot_token\n    value: '{ALERT.SENDTO}'"),
    "slack_webhook": _p(
        lambda r: "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
    ),
    "stripe_key": _p(
        lambda r: (
            f"\\Stripe\\Stripe::setApiKey(getenv('STRIPE_SECRET_KEY')); // pk_test_{rand(r, ALNUM, 24)} is public"
        ),
        lambda r: f"Stripe key sk_live_••••{rand(r, ALNUM, 4)} rotated",
    ),
    "google_api_key": _p(lambda r: 'GMSServices.provideAPIKey(Bundle.main.object(forInfoDictionaryKey: "GMSApiKey"))'),
    "google_oauth_client_secret": _p(lambda r: '"client": {"client_id": "cdr-sso", "client_secret": "<redacted>"}'),
    "gcp_oauth_token": _p(lambda r: f"token ya29.a0{rand(r, ALNUM, 6)}… expired (401)"),
    "twilio_api_key": _p(
        lambda r: f"MessagingServiceSid=MG{rand(r, HEX, 32)}&To=%2B<redacted>",
        lambda r: f"IncomingPhoneNumberSid: PN{rand(r, HEX, 32)}",
    ),
    "sendgrid_api_key": _p(lambda r: f"X-SG-EID: {v.b64(r.randbytes(r.randrange(90, 140)))}"),
    "huggingface_token": _p(lambda r: "HF_HUB_ENABLE_HF_TRANSFER=1 huggingface-cli download acme/cdr-intent-mg"),
    "npm_token": _p(lambda r: "npm_config_cache=/tmp/.npm npm_package_version=2.4.1 npm_lifecycle_event=build"),
    "pypi_token": _p(lambda r: f"twine upload: 403 for token pypi-AgEI{rand(r, ALNUM, 5)}… (scope: project)"),
    "shopify_token": _p(lambda r: "'headers' => ['X-Shopify-Access-Token' => $this->token],"),
    "digitalocean_token": _p(lambda r: 'api_token = "${var.do_token}"'),
    "telegram_bot_token": _p(lambda r: "https://api.telegram.org/bot123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11/getMe"),
    "azure_storage_connection_string": _p(lambda r: "AzureWebJobsStorage=UseDevelopmentStorage=true"),
    "azure_sas_token": _p(
        lambda r: "https://cdrarchive.blob.core.windows.net/cdr/2026-01.parquet?sv=2025-01-05&sp=r&se=2026-03-01",
    ),
    "clickhouse_cloud_key": _p(lambda r: f"key id {rand(r, ALNUM, 20)} (secret shown once, not stored)"),
    "jwt": _p(
        lambda r: "Set-Cookie: PLAY_SESSION=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
        lambda r: f"alg=none header eyJhbGciOiJub25lIn0 rejected (kid {rand(r, HEX, 8)})",
        lambda r: f'NEPTUNE_API_TOKEN="{v.unasked_neptune_token(r)}"',
    ),
    "private_key": _p(
        lambda r: (
            f"-----BEGIN ENCRYPTED PRIVATE KEY-----\n{v.b64(r.randbytes(48))}\n-----END ENCRYPTED PRIVATE KEY-----"
        ),
        lambda r: f"nats account: user public key {_ua_nkey(r, 'U')}",
        lambda r: (
            'dkim._domainkey.acme.bf. 3600 IN TXT "v=DKIM1; k=rsa; '
            f'p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A{v.b64(r.randbytes(60))}"'
        ),
    ),
    "url_credentials": _p(
        lambda r: "cockroachdb://cdr@crdb-public.cdr:26257/cdr?sslmode=verify-full&sslrootcert=certs/ca.crt",
        lambda r: "t3s://wls-cdr-01.acme.sc:7002",
        lambda r: "MYSQLX_URI=mysqlx://cdr:${MYSQL_PWD}@mysql-cdr:33060/cdr",
    ),
    "password_assignment": _p(
        lambda r: f"username={_ua_weblogic_aes(r)}\npassword={_ua_weblogic_aes(r)}",
        lambda r: "<password>${VAULT::ds_cdr::password::1}</password>",
        lambda r: f'<properties.postgresql serverName="pg-sso" user="sso" password="{_ua_liberty_aes(r)}"/>',
        lambda r: "authorization {\n  user: cdr\n  password: $NATS_PASSWORD\n}",
        lambda r: "# DBPassword=\nDBPassword=",
        lambda r: "ALTER USER cdr_writer WITH PASSWORD NULL;",
    ),
    "sql_identified_by": _p(
        lambda r: "Query\tCREATE USER 'cdr'@'10.%' IDENTIFIED WITH 'caching_sha2_password' AS '<secret>' REQUIRE SSL",
        lambda r: "CREATE USER sso_app IDENTIFIED GLOBALLY AS 'CN=sso_app,OU=apps,DC=acme,DC=bf';",
        lambda r: f"ALTER USER legacy_cdr IDENTIFIED BY VALUES '{v.unasked_password_hash(r, 'oracle_des')}';",
    ),
    "bearer_token": _p(
        lambda r: 'requestHeaders = [("Authorization","<REDACTED>"),("Content-Type","application/json")]',
        lambda r: "\tAuthorization: Bearer <COZE_PAT>",
        lambda r: 'WWW-Authenticate: Bearer realm="cdr", error="invalid_token", error_description="expired"',
    ),
    "basic_auth": _p(
        lambda r: 'WWW-Authenticate: Basic realm="Zabbix"',
        lambda r: "Authorization: Basic Og==",
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: rememberMe=deleteMe; Path=/cdr; Max-Age=0; Expires=Sun, 11-Jan-2026 10:41:07 GMT",
        lambda r: f"Cookie: _pk_id.1.1fff={rand(r, HEX, 16)}.{r.randrange(1767225600, 1769904000)}.; _pk_ses.1.1fff=1",
        lambda r: f"X-Transmission-Session-Id: {rand(r, ALNUM, 48)}",
        lambda r: "Cookie: cookielawinfo-checkbox-necessary=yes; viewed_cookie_policy=yes",
    ),
    "auth_token_assignment": _p(
        lambda r: "ZABBIX_AUTH_TOKEN=",
        lambda r: "authorization {\n  token: $NATS_TOKEN\n}",
        lambda r: f"token_lifetime={r.randrange(1, 30)}d",
    ),
    "generic_secret": _p(
        lambda r: "x-gladia-key: <YOUR_GLADIA_KEY>",
        lambda r: "DEEPL_AUTH_KEY=${DEEPL_AUTH_KEY:?missing}",
        lambda r: "X-Hume-Api-Key: ********",
        lambda r: "Authorization: SSWS {{ okta_api_token }}",
        lambda r: (
            "SetCredentialEncrypted=hume-key: \\\n        "
            f"k6iUCUh0RJCQyvL8k8q1UyAAAAABAAAADAAAABAAAAD{v.b64(r.randbytes(60))}"
        ),
        lambda r: f"-----BEGIN AGE ENCRYPTED FILE-----\n{v.b64(r.randbytes(48))}\n-----END AGE ENCRYPTED FILE-----",
    ),
    "password_hash": _p(
        lambda r: "cdr:x:1001:1001:CDR exporter:/home/cdr:/usr/sbin/nologin",
        lambda r: f"sha256:{rand(r, HEX, 64)}  cdr-2026-01.parquet",
        lambda r: f"BUILD_SCM_REVISION {rand(r, HEX, 40)}",
        lambda r: f'<user name="cdradmin" password="{_ua_liberty_aes(r)}"/>',
    ),
    "credential_phrase": _p(
        lambda r: "Hadinonao ve ny tenimiafinao?",
        lambda r: "Рамзи худро фаромӯш кардед?",
        lambda r: "Na o lebetse phasewete ya hao?",
        lambda r: "Ndax fàtte nga sa baatu jàll?",
        lambda r: "Ua galo lau upu fa'alilolilo?",
        lambda r: "Your password must be at least 12 characters and must not contain your phone number.",
    ),
    "email": _p(
        lambda r: '<img src="/static/logo@3x.webp" srcset="/static/logo@2x.webp 2x">',
        lambda r: "pnpm add @acme/cdr-sdk@2.4.1",
        lambda r: "From: <sip:2001@pbx.acme.bf>;tag=as7c1e2d",
        lambda r: "<= <> R=1vQbKZ-000Ab3-7F U=Debian-exim P=local S=2214",
        lambda r: "brew install python@3.12 mysql-client@8.4",
    ),
    "ipv4": _p(
        lambda r: "X509v3 extension 2.5.29.17 (subjectAltName) critical=false",
        lambda r: "curve OID 1.3.132.0.34 (secp384r1)",
        lambda r: f"WebLogic Server 12.2.1.4.0 Thu Sep 12 04:04:29 GMT 2019 {r.randrange(100000, 999999)}",
    ),
    "ipv6": _p(
        lambda r: "UVoiceChatSubsystem::HandleLoginComplete failed",
        lambda r: f"wlan0 ether {':'.join(rand(r, '0123456789abcdef', 2) for _ in range(6))}",
        lambda r: f"[1/12/26, {r.randrange(10, 23)}:41:07:512 UTC] 0000004a",
    ),
    "phone": _p(
        lambda r: f"ring {v.unasked_invalid_phone(r, _ua_regions())}",
        lambda r: f"colis {v.upu_s10(r, pick(r, 'MR', 'BF', 'KM', 'SC'))} en transit",
        lambda r: f"{r.randrange(100, 9999):>6}:202601{r.randrange(10, 28)}:104107.512 housekeeper deleted 0 records",
        lambda r: "+226 XX XX XX XX",
        lambda r: f"job {v.no_phone_digits(r, 8, _ua_regions())} queued",
    ),
    "payment_card": _p(
        lambda r: f"SSCC (00){v.unasked_sscc(r)}",
        lambda r: f"token range ({_ua_cassandra_token(r)}, {_ua_cassandra_token(r)}]",
        lambda r: f"order {v.unasked_order_number(r)}",
        lambda r: f"Carte n° {v.unasked_card_number(r)[:6]}••••••{rand(r, string.digits, 4)}",
        lambda r: (
            f"Tag 5A (Application PAN): {v.wrong_last_digit(r, v.unasked_card_number(r))}  (rejected: check digit)"
        ),
    ),
    "iban": _p(
        lambda r: f"IBAN {v.unasked_iban(r, valid=False)} rejected: checksum",
        lambda r: "MA64 **** **** **** **** **** " + rand(r, string.digits, 4),
        lambda r: "BIC: BMCEMAMC",
        lambda r: f"ticket DZ26-CDR-{rand(r, string.digits, 4)}",
    ),
}

# Own negatives that truthfully hold another class: a Stability AI key assigned to a variable named as OpenAI's API key
# (a generic secret, no OpenAI key), a Neptune token assigned as a token (base64 JSON in one segment: no JWT) and an
# Oracle password hash in ``IDENTIFIED BY VALUES``.
UNASKED_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("openai_project_key", 2): frozenset({"generic_secret"}),
    ("jwt", 2): frozenset({"auth_token_assignment"}),
    ("sql_identified_by", 2): frozenset({"password_hash"}),
}

# ---------------------------------------------------------------------------- the unbidden split's own shapes
#
# Written for the twenty-second split only, by a sixteenth session that did not read the rules
# (``build_corpus("unbidden")`` puts them before the shared generators, as for the splits since hidden): values in
# Odoo's ``odoo.conf`` and ``ir.config_parameter``, Salt pillar files and ``gitfs_remotes``, Puppet Hiera YAML and
# agent diffs, Mosquitto bridge configs and client lines, Home Assistant ``secrets.yaml``, ``rest_command`` and
# ``notify`` blocks, Ceph keyrings and dashboard lines, ECS task definition variables, Azure App Service settings, LDIF
# entries, WordPress, phpBB and Keycloak rows, SEPA XML, EPC QR payloads, MT940 and camt.053 fields; keys of vendors
# with no detector of their own (DeepInfra, Novita, SambaNova and Wise in Bearer headers; Onfido's ``Token token=``,
# Smile ID's and Termii's keys and Ceph auth keys sent or assigned as API keys), Hyperbolic and SAP XSUAA JWTs, session
# cookies of OpenMediaVault, SOGo, vBulletin, Tomcat's SSO valve, Gitea and PrestaShop, password hashes of six families
# (phpass ``$P$``, phpBB3 ``$H$``, 389 Directory Server's ``{PBKDF2_SHA256}``, LDAP ``{SHA512}`` and ``{SHA256}``,
# Keycloak's stored credentials), cards of new ranges (Troy, Dankort, Elo, Visa's 4024, 4263 and 4658, Mastercard's
# 2367 and 2411) with slashes and thin spaces, IBANs of six countries in new shapes, phone numbers of eight new regions
# and sentences in Lingala, Fijian, Tongan, Kirundi and Tigrinya; and look-alikes that are not findings (hiera-eyaml
# ``ENC[PKCS7,...]`` and PGP-encrypted values, Azure Key Vault references, ECS ``valueFrom`` ARNs, Home Assistant
# ``!secret`` references, the AWS documentation's example keys, IMEIs that pass Luhn, S10 tracking numbers, Kerberos
# principals, Matrix ids and MQTT topics that look like addresses, SNMP and LDAP OIDs, a four-part Ceph version, Zigbee
# IEEE addresses, masked and failing IBANs). ``UNBIDDEN_NEGATIVE_LABELS`` gives the true labels of the few own
# negatives that hold another class.


def _ub_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _ub_password(r: random.Random) -> str:
    return v.unbidden_password(r)


def _ub_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unbidden_password(r), safe="")


def _ub_phone(r: random.Random) -> str:
    return v.unbidden_phone(r, _ub_regions())


def _ub_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _ub_ceph_key(r: random.Random) -> str:
    """A Ceph auth key: base64 of a 12-byte header (``AQ`` first) and a 16-byte secret, 40 characters."""
    return v.b64(b"\x01\x00" + r.randbytes(10) + r.randbytes(16))


def _ub_eyaml(r: random.Random) -> str:
    """A hiera-eyaml ciphertext (the value is encrypted with the Puppet server's public key: no leak by itself)."""
    return f"ENC[PKCS7,MIIBiQYJKoZIhvcNAQcDoIIBejCCAXYCAQAxggEhMIIBHQIBADAFMAACAQEw{v.b64(r.randbytes(180))}]"


def _ub_pgp(r: random.Random) -> str:
    body = "\n".join(v.b64(r.randbytes(48)) for _ in range(r.randrange(2, 4)))
    return f"-----BEGIN PGP MESSAGE-----\n\nhQIMA{v.b64(r.randbytes(30))}\n{body}\n-----END PGP MESSAGE-----"


def _ub_pem(r: random.Random, kind: str) -> str:
    lines = "\n".join(v.b64(r.randbytes(48)) for _ in range(r.randrange(3, 6)))
    return f"-----BEGIN {kind}-----\n{lines}\n-----END {kind}-----"


def _ub_sepa(iban: str) -> str:
    return f"<CdtrAcct>\n  <Id>\n    <IBAN>{iban}</IBAN>\n  </Id>\n</CdtrAcct>"


def _ub_epc_qr(r: random.Random, iban: str) -> str:
    """An EPC QR code's payload (the SEPA credit transfer a banking app scans): BCD, version, charset, SCT, BIC, name,
    IBAN, amount, purpose, reference and text on lines of their own."""
    return (
        f"BCD\n002\n1\nSCT\n\nRemit Partners SRL\n{iban}\nEUR{r.randrange(10, 2000)}.{r.randrange(0, 100):02d}\n\n"
        f"\nCommission 2026-01"
    )


UNBIDDEN_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f"remit:\n  assistant:\n    openai_api_key: {v.openai_legacy(r)}",
        lambda r: f'{{"name": "OPENAI_API_KEY", "value": "{v.openai_legacy(r)}"}}',
    ),
    "openai_project_key": _p(
        lambda r: f"openai_api_key: {v.openai_project(r)}",
        lambda r: f'[{{"name": "OPENAI_API_KEY", "value": "{v.openai_project(r)}", "slotSetting": false}}]',
        lambda r: f"@@ -3,0 +3,1 @@\n+openai_key = {v.openai_project(r)}",
    ),
    "anthropic_api_key": _p(
        lambda r: f"remit::assistant::anthropic_key: '{v.anthropic(r)}'",
        lambda r: f"rest_command:\n  summarize:\n    headers:\n      x-api-key: {v.anthropic(r)}",
    ),
    "deepseek_api_key": _p(
        lambda r: f'{{"name": "DEEPSEEK_API_KEY", "value": "{v.deepseek(r)}"}}',
        lambda r: f"deepseek_api_key = {v.deepseek(r)}",
    ),
    "aws_access_key_id": _p(
        lambda r: f"aws:\n  s3_backup:\n    access_key: {v.aws_key_id(r)}",
        lambda r: f'{{"name": "AWS_ACCESS_KEY_ID", "value": "{v.aws_key_id(r)}"}}',
        lambda r: f"rgw: created user remit-backup, access_key {v.aws_key_id(r)}",
    ),
    "aws_secret_access_key": _p(
        lambda r: f"aws:\n  s3_backup:\n    secret_key: {v.aws_secret(r)}",
        lambda r: f'{{"name": "AWS_SECRET_ACCESS_KEY", "value": "{v.aws_secret(r)}"}}',
    ),
    "aws_session_token": _p(
        lambda r: f'{{"name": "AWS_SESSION_TOKEN", "value": "{v.aws_session_token(r)}"}}',
    ),
    "github_classic_token": _p(
        lambda r: f"remit::deploy::github_token: {v.github_token(r, 'ghp')}",
        lambda r: f"salt-call git.latest https://{v.github_token(r, 'ghp')}@github.com/acme/remit-rules.git",
    ),
    "github_oauth_token": _p(lambda r: f"ha_github:\n  access_token: {v.github_token(r, 'gho')}"),
    "github_app_token": _p(lambda r: f'{{"name": "GITHUB_TOKEN", "value": "{v.github_token(r, "ghs")}"}}'),
    "github_refresh_token": _p(lambda r: f'{{"refresh_token": "{v.github_token(r, "ghr")}", "expires_in": 15811200}}'),
    "github_fine_grained_token": _p(
        lambda r: f"remit::deploy::gh_pat: github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)}",
    ),
    "gitlab_token": _p(
        lambda r: (
            f"gitfs_remotes:\n  - https://oauth2:glpat-{rand(r, ALNUM + '_-', 20)}@gitlab.acme.gm/salt/states.git"
        ),
    ),
    "slack_token": _p(lambda r: f"notify:\n  - platform: slack\n    api_key: {v.slack_token(r)}"),
    "slack_webhook": _p(
        lambda r: (
            "rest_command:\n  alert:\n    url: https://hooks.slack.com/services/T"
            f"{rand(r, string.ascii_uppercase + string.digits, 10)}"
            f"/B{rand(r, string.ascii_uppercase + string.digits, 10)}"
            f"/{rand(r, ALNUM, 24)}"
        ),
    ),
    "stripe_key": _p(
        lambda r: f"stripe_secret_key = {v.stripe_key(r)}",
        lambda r: f'{{"name": "STRIPE_SECRET_KEY", "value": "{v.stripe_key(r)}"}}',
    ),
    "google_api_key": _p(lambda r: f"google_maps:\n  api_key: AIza{rand(r, ALNUM + '_-', 35)}"),
    "google_oauth_client_secret": _p(
        lambda r: f"auth_oauth.provider.google.client_secret = GOCSPX-{rand(r, ALNUM + '_-', 28)}",
    ),
    "gcp_oauth_token": _p(
        lambda r: f"curl -s -H 'Authorization: Bearer {v.gcp_token(r)}' https://dialogflow.googleapis.com"
    ),
    "twilio_api_key": _p(lambda r: f"sms:\n  twilio_api_key_sid: SK{rand(r, HEX, 32)}"),
    "sendgrid_api_key": _p(lambda r: f"smtp_password = SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}"),
    "huggingface_token": _p(lambda r: f'{{"name": "HF_TOKEN", "value": "hf_{rand(r, ALNUM, 34)}"}}'),
    "npm_token": _p(lambda r: f"remit::build::npm_token: npm_{rand(r, ALNUM, 36)}"),
    "pypi_token": _p(lambda r: f"pypi_upload_token: pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}"),
    "shopify_token": _p(lambda r: f"shopify_access_token = shpat_{rand(r, HEX, 32)}"),
    "digitalocean_token": _p(lambda r: f"do_api_token: dop_v1_{rand(r, HEX, 64)}"),
    "telegram_bot_token": _p(
        lambda r: (
            "telegram_bot:\n  - platform: polling\n    api_key: "
            f"{r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + '_-', 33)}"
        ),
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            '[{"name": "AzureWebJobsStorage", "value": "DefaultEndpointsProtocol=https;AccountName=remitkyc;'
            f'AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net", "slotSetting": false}}]'
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            "kyc_upload_url: https://remitkyc.blob.core.windows.net/selfies?sv=2025-01-05&ss=b&srt=o&sp=cw"
            f"&se=2026-02-01T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}"
        ),
    ),
    "clickhouse_cloud_key": _p(
        lambda r: f"clickhouse_cloud:\n  key_id: {rand(r, ALNUM, 20)}\n  key_secret: {v.clickhouse_secret(r)}",
    ),
    "jwt": _p(
        lambda r: f"Authorization: Bearer {v.unbidden_hyperbolic_token(r)}",
        lambda r: f"Authorization: Bearer {v.unbidden_xsuaa_token(r)}",
        lambda r: f"Cookie: kc-access={v.jwt(r)}",
        lambda r: f"ceph dashboard: token={v.jwt(r)}",
    ),
    "private_key": _p(
        lambda r: (
            "bridge_keyfile /etc/mosquitto/certs/remit.key\n$ cat /etc/mosquitto/certs/remit.key\n"
            f"{_ub_pem(r, 'EC PRIVATE KEY')}"
        ),
        lambda r: f"remit::tls::key: |\n  {_ub_pem(r, 'PRIVATE KEY').replace(chr(10), chr(10) + '  ')}",
    ),
    "url_credentials": _p(
        lambda r: f"db_uri = postgresql://odoo:{_ub_url_password(r)}@pgbouncer.remit:6432/remit_prod",
        lambda r: f"address mqtts://ha-bridge:{_ub_url_password(r)}@mqtt.remit.gm:8883",
        lambda r: f"ext_pillar:\n  - redis: redis://:{_ub_url_password(r)}@redis-pillar:6379/0",
        lambda r: f"amqp://kyc:{_ub_url_password(r)}@rabbit.remit:5672/%2Fkyc",
    ),
    "password_assignment": _p(
        lambda r: f"[options]\nadmin_passwd = {_ub_password(r)}\ndb_host = pgbouncer.remit",
        lambda r: f"db_password = {_ub_password(r)}",
        lambda r: f"connection remit-bridge\nremote_username ha-bridge\nremote_password {_ub_password(r)}",
        lambda r: f"mqtt_password: {_ub_password(r)}",
        lambda r: f'{{"name": "DB_PASSWORD", "value": "{_ub_password(r)}"}}',
        lambda r: f"remit::db::password: '{_ub_password(r)}'",
    ),
    "sql_identified_by": _p(
        lambda r: f"SQL> CREATE USER remit_etl IDENTIFIED BY {_ub_password(r)} DEFAULT TABLESPACE remit_data;",
        lambda r: f"GRANT SELECT ON remit.* TO 'kyc_ro'@'%' IDENTIFIED BY '{_ub_password(r)}';",
    ),
    "bearer_token": _p(
        lambda r: f"Authorization: Bearer {v.unbidden_deepinfra_key(r)}",
        lambda r: f'"headers": {{"Authorization": "Bearer {v.unbidden_novita_key(r)}"}}',
        lambda r: f"authorization: Bearer {v.unbidden_sambanova_key(r)}",
        lambda r: f"rest_command:\n  payout:\n    headers:\n      Authorization: 'Bearer {v.unbidden_wise_token(r)}'",
    ),
    "basic_auth": _p(
        lambda r: f"Authorization: Basic {_ub_basic(rand(r, ALNUM, 48), rand(r, ALNUM, 64))}",
        lambda r: f"headers:\n  authorization: Basic {_ub_basic('ha-bridge', _ub_password(r))}",
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: X-OPENMEDIAVAULT-SESSIONID={rand(r, string.ascii_lowercase + string.digits, 26)}",
        lambda r: f"Cookie: 0xHIGHFLYxSOGo=basic%20{v.b64(r.randbytes(48))}",
        lambda r: f"Cookie: bbsessionhash={rand(r, HEX, 32)}; bblastvisit={r.randrange(1767225600, 1769904000)}",
        lambda r: f"Cookie: JSESSIONIDSSO={rand(r, HEX, 32).upper()}",
        lambda r: f"Cookie: i_like_gitea={rand(r, HEX, 16)}; lang=fr-FR",
        lambda r: f"Cookie: PrestaShop-{rand(r, HEX, 32)}={rand(r, ALNUM, 120)}",
    ),
    "auth_token_assignment": _p(
        lambda r: f"long_lived_access_token: {rand(r, ALNUM + '-_', 48)}",
        lambda r: f"MOSQUITTO_AUTH_TOKEN={v.opaque_token(r)}",
        lambda r: f"vault_token: hvs.{rand(r, ALNUM + '_-', 90)}",
    ),
    "generic_secret": _p(
        lambda r: f"Authorization: Token token={v.unbidden_onfido_token(r)}",
        lambda r: f'{{"partner_id": "{r.randrange(1000, 9999)}", "api_key": "{v.unbidden_smileid_key(r)}"}}',
        lambda r: f'{{"api_key": "{v.unbidden_termii_key(r)}", "type": "plain", "channel": "dnd"}}',
        lambda r: f"[client.kyc]\n\tkey = {_ub_ceph_key(r)}",
    ),
    "password_hash": _p(
        lambda r: f"UPDATE wp_users SET user_pass = '{v.unbidden_password_hash(r, 'phpass_p')}' WHERE ID = 1;",
        lambda r: f"phpbb_users: user_password={v.unbidden_password_hash(r, 'phpbb3_h')}",
        lambda r: (
            f"dn: uid=kyc-svc,ou=people,dc=remit,dc=gm\nuserPassword: {v.unbidden_password_hash(r, 'ds389_pbkdf2')}"
        ),
        lambda r: f"userPassword:: {v.b64(v.unbidden_password_hash(r, 'ldap_sha512').encode())}",
        lambda r: f"remit_app:{v.unbidden_password_hash(r, 'ldap_sha256')}",
        lambda r: (
            "INSERT INTO credential (type, secret_data) VALUES "
            f"('password', '{v.unbidden_password_hash(r, 'keycloak_pbkdf2')}');"
        ),
    ),
    "credential_phrase": _p(
        lambda r: f"Liloba ya sekele ya Wi-Fi ezali {_ub_password(r)}",
        lambda r: f"Na vosa vuni ni Wi-Fi na {_ub_password(r)}",
        lambda r: f"Ko e lea fakapulipuli ʻo e Wi-Fi ko e {_ub_password(r)}",
        lambda r: f"Ijambobanga rya Wi-Fi ni {_ub_password(r)}",
        lambda r: f"ምስጢራዊ ቃል Wi-Fi {_ub_password(r)} እዩ",
        lambda r: f"A sua senha provisória é {_ub_password(r)}",
        lambda r: f"SMS Africell: ton nouveau mot de passe est {_ub_password(r)}",
    ),
    "email": _p(
        lambda r: f"Client {v.unbidden_email(r)} connected: remit/kyc (p2, c1, k60)",
        lambda r: f"res.users: login {v.unbidden_email(r)} failed (wrong password)",
        lambda r: f'{{"name": "ALERT_EMAIL", "value": "{v.unbidden_email(r)}"}}',
        lambda r: f"mail: sent KYC rejection to <{v.unbidden_email(r)}>",
        lambda r: f"uid=kyc-svc,ou=people,dc=remit,dc=gm mail: {v.unbidden_email(r)}",
    ),
    "ipv4": _p(
        lambda r: f"New connection from {v.ipv4(r)}:{r.randrange(1024, 65535)} on port 8883.",
        lambda r: f"osd.{r.randrange(0, 40)} [v2:{v.ipv4(r)}:6802/{r.randrange(1000, 99999)}] boot",
        lambda r: f"Login attempt or request with invalid authentication from {v.ipv4(r)}",
    ),
    "ipv6": _p(
        lambda r: f"New connection from {v.ipv6(r)}:{r.randrange(1024, 65535)} on port 8883.",
        lambda r: f"Login attempt or request with invalid authentication from [{v.ipv6(r)}]",
    ),
    "phone": _p(
        lambda r: f"Benga ngai na {_ub_phone(r)}",
        lambda r: f"Qiri au ena {_ub_phone(r)}",
        lambda r: f"Tā mai ki he {_ub_phone(r)}",
        lambda r: f"Hamagara kuri {_ub_phone(r)}",
        lambda r: f"ናብ {_ub_phone(r)} ደውሉ",
        lambda r: f'{{"recipient_msisdn": "{_ub_phone(r)}"}}',
        lambda r: f"WhatsApp: {_ub_phone(r)}",
    ),
    "payment_card": _p(
        lambda r: f"Troy kart no: {v.unbidden_card(r, 'troy')}",
        lambda r: f"Dankort {v.unbidden_card(r, 'dankort', sep=' ')}",
        lambda r: f"cartão Elo {v.unbidden_card(r, 'elo')}",
        lambda r: f'"pan": "{v.unbidden_card_number(r, "mastercard")}"',
        lambda r: f"VISA {v.unbidden_card(r, 'visa', sep='/')}",
        lambda r: f"card {v.unbidden_card(r, sep=chr(0x2009))}",
    ),
    "iban": _p(
        lambda r: _ub_sepa(v.unbidden_iban(r, grouped=False)),
        lambda r: _ub_epc_qr(r, v.unbidden_iban(r, country=pick(r, "SM", "VA"), grouped=False)),
        lambda r: f":25:{v.unbidden_iban(r, country='ME', grouped=False)}\n:28C:00012/001",
        lambda r: (
            f'"CdtrAcct": {{"Id": {{"IBAN": "{v.unbidden_iban(r, country=pick(r, "XK", "PS"), grouped=False)}"}}}}'
        ),
        lambda r: f"Konto IBAN: {v.unbidden_iban(r, country='GL', grouped=True)}",
    ),
}

UNBIDDEN_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: "openai_api_key: ENC[PKCS7,MIIBiQYJKoZIhvcNAQcDoIIBejCCAXYCAQAx]"),
    "openai_project_key": _p(
        lambda r: (
            '{"name": "OPENAI_API_KEY", '
            '"valueFrom": "arn:aws:secretsmanager:eu-west-1:604173928815:secret:remit/openai-AbCdEf"}'
        ),
        lambda r: (
            '[{"name": "OPENAI_API_KEY", "value": "@Microsoft.KeyVault(SecretUri=https://kv-remit.vault.azure.net/secrets/openai/)"}]'
        ),
        lambda r: f"-openai_key = sk-proj-{rand(r, ALNUM, 4)}…\n+openai_key = ",
        lambda r: f"OPENAI_API_KEY={v.unbidden_novita_key(r)}  # Novita's key for its OpenAI-compatible endpoint",
    ),
    "anthropic_api_key": _p(lambda r: "x-api-key: !secret anthropic_key"),
    "deepseek_api_key": _p(
        lambda r: f"ceph-volume lvm activate {r.randrange(0, 40)} osd-fsid-{rand(r, HEX, 32)}",
        lambda r: f"container_id={rand(r, HEX, 32)}-{r.randrange(1000000000, 4000000000)}",
    ),
    "aws_access_key_id": _p(
        lambda r: "access_key: {{ pillar['aws']['access_key'] }}",
        lambda r: "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE  # from the AWS docs",
    ),
    "aws_secret_access_key": _p(lambda r: "secret_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    "github_classic_token": _p(
        lambda r: (
            "remit::deploy::github_token: >\n"
            "    ENC[PKCS7,MIIBiQYJKoZIhvcNAQcDoIIBejCCAXYCAQAxggEhMIIBHQIBADAFMAACAQEw]"
        ),
        lambda r: (
            "Notice: /Stage[main]/Remit::Deploy/Vcsrepo[/opt/remit]/revision: revision changed "
            f"'{rand(r, HEX, 40)}' to '{rand(r, HEX, 40)}'"
        ),
    ),
    "gitlab_token": _p(
        lambda r: "gitfs_remotes:\n  - https://gitlab.acme.gm/salt/states.git:\n    - password: {{ GITLAB_TOKEN }}"
    ),
    "slack_token": _p(lambda r: "notify:\n  - platform: slack\n    api_key: !secret slack_token"),
    "slack_webhook": _p(lambda r: "url: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
    "stripe_key": _p(lambda r: f"stripe_publishable_key = pk_live_{rand(r, ALNUM, 24)}  # public"),
    "google_api_key": _p(lambda r: "google_maps:\n  api_key: !secret google_maps_key"),
    "twilio_api_key": _p(lambda r: f"sms delivered: MessageSid=SM{rand(r, HEX, 32)} status=delivered"),
    "huggingface_token": _p(lambda r: "HF_HUB_OFFLINE=1 HF_HOME=/srv/hf remit-kyc-ocr --model acme/ocr-mrz"),
    "telegram_bot_token": _p(lambda r: "telegram_bot:\n  - platform: polling\n    api_key: !secret telegram_api_key"),
    "azure_storage_connection_string": _p(
        lambda r: (
            '[{"name": "AzureWebJobsStorage", "value": "@Microsoft.KeyVault(VaultName=kv-remit;SecretName=storage)"}]'
        ),
    ),
    "azure_sas_token": _p(
        lambda r: "kyc_upload_url: https://remitkyc.blob.core.windows.net/selfies?restype=container&comp=list",
    ),
    "jwt": _p(
        lambda r: "Cookie: kc-access=; Max-Age=0; Path=/auth",
        lambda r: f"ceph dashboard: token expired (jti {rand(r, HEX, 32)})",
        lambda r: "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.<signature>",
        lambda r: f"Authorization: Bearer {v.unbidden_sambanova_key(r)}",
    ),
    "private_key": _p(
        lambda r: f"bridge_cafile /etc/mosquitto/certs/ca.crt\n{_ub_pem(r, 'CERTIFICATE')}",
        lambda r: f"remit::tls::key: >\n    {_ub_eyaml(r)}",
        lambda r: _ub_pgp(r),
    ),
    "url_credentials": _p(
        lambda r: "db_uri = postgresql://odoo@pgbouncer.remit:6432/remit_prod?passfile=/etc/odoo/.pgpass",
        lambda r: "address mqtts://mqtt.remit.gm:8883",
        lambda r: "amqp://kyc:{{ salt['pillar.get']('rabbit:password') }}@rabbit.remit:5672/%2Fkyc",
    ),
    "password_assignment": _p(
        lambda r: "[options]\nadmin_passwd = False",
        lambda r: f"remit::db::password: >\n    {_ub_eyaml(r)}",
        lambda r: f"mqtt_password: |\n  {_ub_pgp(r).replace(chr(10), chr(10) + '  ')}",
        lambda r: "remote_password !secret mqtt_bridge_password",
        lambda r: '{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:604173928815:parameter/remit/db"}',
        lambda r: (
            "Notice: /Stage[main]/Remit::Config/File[/etc/remit/app.env]/content: content changed '{md5}"
            + rand(r, HEX, 32)
            + "' to '{md5}"
            + rand(r, HEX, 32)
            + "' (password redacted)"
        ),
        lambda r: "Ndenge nini nabongola liloba na ngai ya sekele? Nabosani yango.",
    ),
    "sql_identified_by": _p(
        lambda r: "CREATE ROLE odoo LOGIN PASSWORD NULL;",
        lambda r: "ALTER USER kyc_ro IDENTIFIED BY '********';",
    ),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer !secret wise_token",
        lambda r: '"headers": {"Authorization": "Bearer ${NOVITA_API_KEY}"}',
        lambda r: "authorization: Bearer [Filtered]",
    ),
    "basic_auth": _p(
        lambda r: 'WWW-Authenticate: Basic realm="Mosquitto Management"',
        lambda r: "headers:\n  authorization: Basic !secret bridge_basic",
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: X-OPENMEDIAVAULT-SESSIONID=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/",
        lambda r: f"Cookie: bblastvisit={r.randrange(1767225600, 1769904000)}; bblastactivity=0",
        lambda r: "Cookie: i_like_gitea=; lang=fr-FR",
        lambda r: (
            f"Cookie: _ga_{rand(r, string.ascii_uppercase + string.digits, 10)}=GS1.1."
            f"{r.randrange(1767225600, 1769904000)}.3.1.{r.randrange(1767225600, 1769904000)}.0.0.0"
        ),
    ),
    "auth_token_assignment": _p(
        lambda r: "long_lived_access_token: !secret ha_token",
        lambda r: "vault_token: hvs.CAESIJ-EXAMPLE-TOKEN",
        lambda r: f"token_ttl: {r.randrange(1, 72)}h",
    ),
    "generic_secret": _p(
        lambda r: (
            "[client.admin]\n\tkey = AQBx3k9aAAAAABAAm5pK8X8s8KXkPh7tpJhMSQ==  # the example key from the Ceph docs"
        ),
        lambda r: "Authorization: Token token=<ONFIDO_API_TOKEN>",
        lambda r: f"auth_key: {_ub_eyaml(r)}",
        lambda r: '{"partner_id": "1234", "api_key": "REPLACE_ME", "sid_server": 0}',
    ),
    "password_hash": _p(
        lambda r: f"Ceph version {r.randrange(17, 20)}.2.{r.randrange(0, 9)} ({rand(r, HEX, 40)}) quincy (stable)",
        lambda r: f"sha1:{rand(r, HEX, 40)} kyc-ocr-2026.01.tar.zst",
        lambda r: "UPDATE wp_users SET user_pass = '' WHERE ID = 1;",
        lambda r: "userPassword: {CLEAR}********",
    ),
    "credential_phrase": _p(
        lambda r: "Obosani liloba na yo ya sekele?",
        lambda r: "O guilecava na nomu vosa vuni?",
        lambda r: "Kuo ke ngalo ʻi hoʻo lea fakapulipuli?",
        lambda r: "Wibagiwe ijambobanga ryawe?",
        lambda r: "ምስጢራዊ ቃልካ ረሲዕካዮ ዲኻ?",
        lambda r: "Passwords must be 12 characters or more and may not repeat your last five.",
    ),
    "email": _p(
        lambda r: "kinit HTTP/remit-app-01.remit.gm@REMIT.GM",
        lambda r: "subscribe remit/+/kyc@v2/status qos 1",
        lambda r: "invite @fatou.jallow:matrix.remit.gm to #kyc-escalations:matrix.remit.gm",
        lambda r: "pveum user add kyc-viewer@pve --comment 'read-only'",
        lambda r: "@media (max-width: 600px) { .kyc-card { display: none } }",
    ),
    "ipv4": _p(
        lambda r: "snmpget -v2c -c public remit-sw-01 1.3.6.1.2.1.1.3.0",
        lambda r: "objectClass: 2.16.840.1.113730.3.2.2 (inetOrgPerson)",
        lambda r: f"ceph version 18.2.{r.randrange(0, 9)}.{r.randrange(100, 999)} reef",
    ),
    "ipv6": _p(
        lambda r: "Remit::Config::Odoo::Server.reload failed",
        lambda r: f"device 0x{rand(r, HEX, 16)} (IEEE) joined the zigbee mesh",
        lambda r: f"{r.randrange(10, 23)}:{r.randrange(10, 59)}:{r.randrange(10, 59)}:{r.randrange(100, 999)} elapsed",
    ),
    "phone": _p(
        lambda r: f"rappel {v.unbidden_invalid_phone(r, _ub_regions())}",
        lambda r: f"colis {v.upu_s10(r, pick(r, 'GM', 'BI', 'ST', 'KI'))} en route",
        lambda r: f"IMEI {v.unbidden_imei(r)}",
        lambda r: "+257 XX XX XX XX",
        lambda r: f"ref {v.no_phone_digits(r, 9, _ub_regions())}",
    ),
    "payment_card": _p(
        lambda r: f"IMEI {v.unbidden_imei(r)} registered",
        lambda r: f"reference {v.unbidden_reference(r)}",
        lambda r: f"Troy kart no: {v.unbidden_card_number(r, 'troy')[:6]}******{rand(r, string.digits, 4)}",
        lambda r: f"VISA {v.wrong_last_digit(r, v.unbidden_card_number(r, 'visa'))} declined: invalid number",
        lambda r: f"Ceph pg {r.randrange(1, 9)}.{rand(r, HEX, 2)} epoch {v.luhn_free_number(r, 10**15, 10**16)}",
    ),
    "iban": _p(
        lambda r: f"<IBAN>{v.unbidden_iban(r, valid=False, grouped=False)}</IBAN> <!-- rejected: checksum -->",
        lambda r: "ME25 **** **** **** **** " + rand(r, string.digits, 2),
        lambda r: "BIC: CKBCMEPG",
        lambda r: f"ticket SM-KYC-{rand(r, string.digits, 5)}",
    ),
}

# Own negatives that truthfully hold another class: a Novita key assigned to a variable named as OpenAI's API key (a
# generic secret, no OpenAI key) and a SambaNova key (a UUID) in a Bearer header (a bearer token, no JWT).
UNBIDDEN_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("openai_project_key", 3): frozenset({"generic_secret"}),
    ("jwt", 3): frozenset({"bearer_token"}),
}

# ---------------------------------------------------------------------------- the unsought split's own shapes
#
# Written for the twenty-third split only, by a seventeenth session that did not read the rules
# (``build_corpus("unsought")`` puts them before the shared generators, as for the splits since hidden): values in
# Teleport's ``teleport.yaml`` and ``tctl`` output, OpenVPN client configs and ``auth-user-pass`` files, strongSwan's
# ``ipsec.secrets`` and ``swanctl.conf``, Kamailio's ``kamctl`` and subscriber rows, Rundeck's ``framework.properties``
# and key storage, Flink's ``flink-conf.yaml``, Trino catalog properties, Icinga 2's ``ApiUser`` objects, FreeRADIUS'
# ``users`` and ``clients.conf``, Synapse's ``homeserver.yaml``, SWIFT MT103 fields, ``payto://`` URIs, Open Banking
# account JSON and a bank's CSV export; keys of vendors with no detector of their own (Groq, AI21, Daily, Mollie and
# Telnyx in Bearer headers; Razorpay in Basic auth; TomTom and HERE keys in query strings; Plaid, Vonage and Infobip
# keys sent or assigned as API keys), Zoom Server-to-Server JWTs, session cookies of Synapse's SSO, Rundeck, Icinga Web,
# Metabase, Superset and Jitsi's Prosody, password hashes of six families (Sun MD5 crypt ``$md5$``, Django's unsalted
# ``sha1$$`` and ``md5$$``, FreeRADIUS' ``NT-Password``, a Redis ACL's ``#`` digest, Kamailio's ``ha1``), cards of new
# ranges (Verve, Elcart, Visa's 4571 and 4917, Mastercard's 2720 and 5425, JCB's 3588, Amex's 3427) with no-break
# spaces, dots, two spaces and underscores, IBANs of six countries in new shapes, phone numbers of eight new regions
# and sentences in Haitian Creole, Māori, Chichewa, Odia and Kurdish Kurmanji; and look-alikes that are not findings
# (Teleport's ``tctl`` token listings with ``<redacted>``, OpenVPN ``auth-user-pass`` without a file, strongSwan's
# ``%prompt``, Rundeck ``keys/`` paths, Flink's ``${env}`` substitutions, Trino's ``${ENV:...}`` and ``${FILE:...}``,
# FreeRADIUS' ``%{...}`` expansions, NPI numbers, ICD-10 codes, ride ids, GPS fixes and H3 cells, masked and failing
# IBANs, claim numbers that fail Luhn, SIP URIs that look like addresses and Synapse's ``@user:server`` ids).
# ``UNSOUGHT_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class.


def _uo_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _uo_password(r: random.Random) -> str:
    return v.unsought_password(r)


def _uo_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unsought_password(r), safe="")


def _uo_phone(r: random.Random) -> str:
    return v.unsought_phone(r, _uo_regions())


def _uo_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _uo_pem(r: random.Random, kind: str) -> str:
    lines = "\n".join(v.b64(r.randbytes(48)) for _ in range(r.randrange(3, 6)))
    return f"-----BEGIN {kind}-----\n{lines}\n-----END {kind}-----"


def _uo_mt103(iban: str) -> str:
    """A SWIFT MT103's beneficiary field (``:59:`` with the account after a slash, then the name)."""
    return f":59:/{iban}\nSALMA ELMABROUK\nBENGHAZI"


def _uo_payto(r: random.Random, iban: str) -> str:
    """An RFC 8905 ``payto://`` URI for the IBAN, with an amount and a message."""
    return f"payto://iban/{iban}?amount=EUR:{r.randrange(10, 900)}.{r.randrange(0, 100):02d}&message=claim+settlement"


UNSOUGHT_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f"triage_assistant:\n  openai_api_key: {v.openai_legacy(r)}",
    ),
    "openai_project_key": _p(
        lambda r: f"experimental_features:\n  summarizer_openai_key: {v.openai_project(r)}",
        lambda r: f"OPENAI_API_KEY={v.openai_project(r)} rd-cli run -j claims/summarize",
    ),
    "anthropic_api_key": _p(
        lambda r: f"option.anthropic_key={v.anthropic(r)}",
        lambda r: f'{{"env": {{"ANTHROPIC_API_KEY": "{v.anthropic(r)}"}}, "image": "triage-bot:41"}}',
    ),
    "deepseek_api_key": _p(lambda r: f"deepseek.api-key: {v.deepseek(r)}"),
    "aws_access_key_id": _p(
        lambda r: f"hive.s3.aws-access-key={v.aws_key_id(r)}",
        lambda r: f"s3.access-key: {v.aws_key_id(r)}",
    ),
    "aws_secret_access_key": _p(
        lambda r: f"hive.s3.aws-secret-key={v.aws_secret(r)}",
        lambda r: f"s3.secret-key: {v.aws_secret(r)}",
    ),
    "aws_session_token": _p(lambda r: f"s3.session-token: {v.aws_session_token(r)}"),
    "github_classic_token": _p(
        lambda r: f"scm.git.password={v.github_token(r, 'ghp')}",
        lambda r: f"git clone https://oauth2:{v.github_token(r, 'ghp')}@github.com/acme/claims-rules.git",
    ),
    "github_oauth_token": _p(lambda r: f"github_oauth_token: {v.github_token(r, 'gho')}"),
    "github_app_token": _p(lambda r: f"tctl bots add ci --token-ttl=1h  # GH_TOKEN={v.github_token(r, 'ghs')}"),
    "github_refresh_token": _p(lambda r: f"refresh_token={v.github_token(r, 'ghr')}&grant_type=refresh_token"),
    "github_fine_grained_token": _p(
        lambda r: f"project.plugin.ScmImport.git-password=github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)}",
    ),
    "gitlab_token": _p(lambda r: f"gitlab_token: glpat-{rand(r, ALNUM + '_-', 20)}"),
    "slack_token": _p(lambda r: f'object NotificationCommand "slack" {{ vars.slack_token = "{v.slack_token(r)}" }}'),
    "slack_webhook": _p(
        lambda r: (
            "rundeck.notification.webhook=https://hooks.slack.com/services/T"
            f"{rand(r, string.ascii_uppercase + string.digits, 10)}"
            f"/B{rand(r, string.ascii_uppercase + string.digits, 10)}/{rand(r, ALNUM, 24)}"
        ),
    ),
    "stripe_key": _p(lambda r: f"payments:\n  stripe_secret: {v.stripe_key(r)}"),
    "google_api_key": _p(lambda r: f"maps.google.key=AIza{rand(r, ALNUM + '_-', 35)}"),
    "google_oauth_client_secret": _p(
        lambda r: (
            "oidc_providers:\n  - idp_id: google\n    client_id: 80427-abc.apps.googleusercontent.com\n"
            f"    client_secret: GOCSPX-{rand(r, ALNUM + '_-', 28)}"
        ),
    ),
    "gcp_oauth_token": _p(lambda r: f"gcs.oauth2.token={v.gcp_token(r)}"),
    "twilio_api_key": _p(lambda r: f"twilio.api-key-sid=SK{rand(r, HEX, 32)}"),
    "sendgrid_api_key": _p(
        lambda r: (
            f"email:\n  smtp_user: apikey\n  smtp_pass: SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}"
        )
    ),
    "huggingface_token": _p(lambda r: f"HUGGING_FACE_HUB_TOKEN=hf_{rand(r, ALNUM, 34)} flink run triage.jar"),
    "npm_token": _p(lambda r: f"//npm.pkg.github.com/:_authToken=npm_{rand(r, ALNUM, 36)}"),
    "pypi_token": _p(lambda r: f"twine upload -u __token__ -p pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)} dist/*"),
    "shopify_token": _p(lambda r: f"shop.access_token=shpat_{rand(r, HEX, 32)}"),
    "digitalocean_token": _p(lambda r: f"DIGITALOCEAN_TOKEN=dop_v1_{rand(r, HEX, 64)}"),
    "telegram_bot_token": _p(
        lambda r: f'vars.telegram_bot_token = "{r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + "_-", 33)}"',
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "fs.azure.account.key.claimsdocs.blob.core.windows.net="
            "DefaultEndpointsProtocol=https;AccountName=claimsdocs;"
            f"AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net"
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            "recording_url: https://telehealthrec.blob.core.windows.net/visits/v-2231.mp4?sv=2025-01-05&sr=b&sp=r"
            f"&se=2026-02-01T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}"
        ),
    ),
    "clickhouse_cloud_key": _p(
        lambda r: (
            f"connector.clickhouse.key-id={rand(r, ALNUM, 20)}\n"
            f"connector.clickhouse.key-secret={v.clickhouse_secret(r)}"
        ),
    ),
    "jwt": _p(
        lambda r: f"Authorization: Bearer {v.unsought_zoom_token(r)}",
        lambda r: f"Cookie: rd_token={v.jwt(r)}",
        lambda r: f"tsh login: identity token {v.jwt(r)}",
    ),
    "private_key": _p(
        lambda r: f"<key>\n{_uo_pem(r, 'PRIVATE KEY')}\n</key>",
        lambda r: f"# /etc/swanctl/private/hq.key\n{_uo_pem(r, 'RSA PRIVATE KEY')}",
        lambda r: f"signing_key: |\n  {_uo_pem(r, 'EC PRIVATE KEY').replace(chr(10), chr(10) + '  ')}",
    ),
    "url_credentials": _p(
        lambda r: f"connection-url=jdbc:postgresql://trino:{_uo_url_password(r)}@claims-db:5432/claims",
        lambda r: f"database:\n  args:\n    uri: postgres://synapse:{_uo_url_password(r)}@pg-matrix/synapse",
        lambda r: f"DBURL mysql://kamailio:{_uo_url_password(r)}@sip-db/kamailio",
        lambda r: f"nats://dispatch:{_uo_url_password(r)}@nats.rides:4222",
    ),
    "password_assignment": _p(
        lambda r: f"connection-password={_uo_password(r)}",
        lambda r: (
            f'object ApiUser "dashing" {{\n  password = "{_uo_password(r)}"\n  permissions = [ "status/query" ]\n}}'
        ),
        lambda r: f"rdeck.password={_uo_password(r)}",
        lambda r: f"<auth-user-pass>\nride-ops\n{_uo_password(r)}\n</auth-user-pass>",
    ),
    "sql_identified_by": _p(
        lambda r: f"CREATE USER 'kamailio'@'sip-edge' IDENTIFIED BY '{_uo_password(r)}';",
        lambda r: f'ALTER USER claims_etl IDENTIFIED BY "{_uo_password(r)}";',
    ),
    "bearer_token": _p(
        lambda r: f"Authorization: Bearer {v.unsought_groq_key(r)}",
        lambda r: f"authorization: Bearer {v.unsought_ai21_key(r)}",
        lambda r: f"Authorization: Bearer {v.unsought_daily_key(r)}",
        lambda r: f"-H 'Authorization: Bearer {v.unsought_mollie_key(r)}'",
        lambda r: f'"Authorization": "Bearer {v.unsought_telnyx_key(r)}"',
    ),
    "basic_auth": _p(
        lambda r: f"Authorization: Basic {_uo_basic(*v.unsought_razorpay_pair(r))}",
        lambda r: (
            f"curl -H 'Authorization: Basic {_uo_basic('icingaweb', _uo_password(r))}' https://icinga:5665/v1/status"
        ),
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: JSESSIONID={rand(r, string.ascii_lowercase + string.digits, 26)}; rundeck-ui-theme=dark",
        lambda r: f"Cookie: Icingaweb2={rand(r, string.ascii_lowercase + string.digits, 26)}",
        lambda r: f"Cookie: metabase.SESSION={v.unsought_uuid(r)}",
        lambda r: (
            f"Cookie: session=.{v.b64url(r.randbytes(60))}.{v.b64url(r.randbytes(6))}.{v.b64url(r.randbytes(20))}"
        ),
        lambda r: f"Cookie: oidc_session={v.b64url(r.randbytes(32))}; synapse-oidc-ui-auth=1",
    ),
    "auth_token_assignment": _p(
        lambda r: f"auth_token: {v.unsought_teleport_token(r)}",
        lambda r: f"access_token: syt_{v.b64url(b'dispatch-bot')}_{rand(r, ALNUM, 20)}_{rand(r, ALNUM, 6)}",
        lambda r: f"rundeck.api.token={rand(r, ALNUM, 32)}",
    ),
    "generic_secret": _p(
        lambda r: f'{{"client_id": "{rand(r, HEX, 24)}", "secret": "{v.unsought_plaid_secret(r)}"}}',
        lambda r: f"vonage:\n  api_key: {rand(r, HEX, 8)}\n  api_secret: {v.unsought_vonage_secret(r)}",
        lambda r: f"Authorization: App {v.unsought_infobip_key(r)}",
        lambda r: f"GET /routing/1/calculateRoute/52.5,13.4:52.4,13.3/json?key={v.unsought_tomtom_key(r)}",
        lambda r: f"https://router.hereapi.com/v8/routes?transportMode=car&apiKey={v.unsought_here_key(r)}",
        lambda r: f'macaroon_secret_key: "{rand(r, ALNUM + "-_.~", 50)}"',
        lambda r: f"client clinic-ap-07 {{\n\tipaddr = clinic-ap-07.wifi\n\tsecret = {_uo_password(r)}\n}}",
        lambda r: f'registration_shared_secret: "{_uo_password(r)}"',
        lambda r: f'secrets {{\n  eap-hq {{\n    id = ride-ops\n    secret = "{_uo_password(r)}"\n  }}\n}}',
    ),
    "password_hash": _p(
        lambda r: f"ops:{v.unsought_password_hash(r, 'sun_md5')}:20110::::::",
        lambda r: f"UPDATE auth_user SET password = '{v.unsought_password_hash(r, 'django_sha1')}' WHERE id = 4;",
        lambda r: f"UPDATE auth_user SET password = '{v.unsought_password_hash(r, 'django_md5')}' WHERE id = 9;",
        lambda r: f'nurse.ops  NT-Password := "{v.unsought_password_hash(r, "radius_nt")[2:]}"',
        lambda r: f"ACL SETUSER dispatch on {v.unsought_password_hash(r, 'redis_acl')} ~trips:* +@read",
        lambda r: (
            "INSERT INTO subscriber (username, domain, ha1) VALUES "
            f"('clinic-07', 'sip.clinic.ad', '{v.unsought_password_hash(r, 'kamailio_ha1')}');"
        ),
    ),
    "credential_phrase": _p(
        lambda r: f"Modpas Wi-Fi a se {_uo_password(r)}",
        lambda r: f"Ko te kupuhipa Wi-Fi ko {_uo_password(r)}",
        lambda r: f"Mawu achinsinsi a Wi-Fi ndi {_uo_password(r)}",
        lambda r: f"Wi-Fi ପାସୱାର୍ଡ ହେଉଛି {_uo_password(r)}",
        lambda r: f"Şîfreya Wi-Fi {_uo_password(r)} e",
        lambda r: f"A tua palavra-passe temporária é {_uo_password(r)}",
        lambda r: f"كلمة المرور الجديدة: {_uo_password(r)}",
    ),
    "email": _p(
        lambda r: f"user {v.unsought_email(r)} logged in via OIDC (connector google)",
        lambda r: f"Sent notification to {v.unsought_email(r)} for claim update",
        lambda r: f"threepid added: medium=email address={v.unsought_email(r)}",
        lambda r: f"Reply-To: <{v.unsought_email(r)}>",
    ),
    "ipv4": _p(
        lambda r: f"Peer Connection Initiated with [AF_INET]{v.ipv4(r)}:{r.randrange(1024, 65535)}",
        lambda r: f"Login OK: [nurse.ops] (from client clinic-ap-07 port 0 cli {v.ipv4(r)})",
        lambda r: f"received packet from {v.ipv4(r)}[500] to vpn-hq[500]",
    ),
    "ipv6": _p(
        lambda r: f"Peer Connection Initiated with [AF_INET6]{v.ipv6(r)}:{r.randrange(1024, 65535)}",
        lambda r: f"remote_addr={v.ipv6(r)} remote_port={r.randrange(1024, 65535)} user=clinic-07",
    ),
    "phone": _p(
        lambda r: f"Rele m nan {_uo_phone(r)}",
        lambda r: f"Waea mai ki {_uo_phone(r)}",
        lambda r: f"Ndiimbireni pa {_uo_phone(r)}",
        lambda r: f"ମୋତେ {_uo_phone(r)} ରେ ଫୋନ କରନ୍ତୁ",
        lambda r: f"Li {_uo_phone(r)} telefonî min bike",
        lambda r: f'{{"rider_phone": "{_uo_phone(r)}"}}',
        lambda r: f"Viber: {_uo_phone(r)}",
    ),
    "payment_card": _p(
        lambda r: f"Verve card {v.unsought_card(r, 'verve')}",
        lambda r: f"Элкарт {v.unsought_card(r, 'elcart')}",
        lambda r: f"co-pay card {v.unsought_card(r, 'visa', sep='.')}",
        lambda r: f'"card_number": "{v.unsought_card_number(r, "mastercard")}"',
        lambda r: f"JCB {v.unsought_card(r, 'jcb', sep=chr(0xA0))}",
        lambda r: f"AMEX {v.unsought_card(r, 'amex', sep='_')}",
    ),
    "iban": _p(
        lambda r: _uo_mt103(v.unsought_iban(r, country=pick(r, "LY", "YE"), grouped=False)),
        lambda r: _uo_payto(r, v.unsought_iban(r, country=pick(r, "AD", "MC"), grouped=False)),
        lambda r: (
            '{"Account": {"SchemeName": "UK.OBIE.IBAN", "Identification": '
            f'"{v.unsought_iban(r, country=pick(r, "SO", "SD"), grouped=False)}", "Name": "Claims Payout"}}}}'
        ),
        lambda r: f'"2026-01-14";"Settlement";"{v.unsought_iban(r, grouped=True)}";"-1250,00"',
        lambda r: f"IBAN: {v.unsought_iban(r, grouped=True)}",
    ),
}

UNSOUGHT_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: "triage_assistant:\n  openai_api_key: ${OPENAI_API_KEY}"),
    "openai_project_key": _p(
        lambda r: "summarizer_openai_key: keys/project/claims/openai.key",
        lambda r: f"OPENAI_API_KEY={v.unsought_groq_key(r)}  # Groq's OpenAI-compatible endpoint",
    ),
    "anthropic_api_key": _p(lambda r: "option.anthropic_key=${secure.option.anthropic_key}"),
    "deepseek_api_key": _p(
        lambda r: f"Job {rand(r, HEX, 32)} (trips-enrichment) switched from state RUNNING to FAILED.",
        lambda r: f"sid={rand(r, HEX, 32)} event=session.start",
    ),
    "aws_access_key_id": _p(lambda r: "hive.s3.aws-access-key=${ENV:AWS_ACCESS_KEY_ID}"),
    "aws_secret_access_key": _p(lambda r: "hive.s3.aws-secret-key=${FILE:/etc/trino/secrets/s3-secret}"),
    "github_classic_token": _p(
        lambda r: f"Rundeck SCM export: committed {rand(r, HEX, 40)} to origin/main",
        lambda r: "scm.git.password=keys/project/claims/git.password",
    ),
    "gitlab_token": _p(lambda r: f"gitlab_token: glpat-{'x' * 20}"),
    "slack_token": _p(lambda r: 'vars.slack_token = "$SLACK_TOKEN$"'),
    "slack_webhook": _p(lambda r: "rundeck.notification.webhook=https://hooks.slack.com/services/YOUR/WEBHOOK/URL"),
    "stripe_key": _p(lambda r: f"payments:\n  stripe_publishable: pk_live_{rand(r, ALNUM, 24)}"),
    "google_api_key": _p(lambda r: "maps.google.key=${env.GOOGLE_MAPS_KEY}"),
    "twilio_api_key": _p(lambda r: f"CallSid=CA{rand(r, HEX, 32)} CallStatus=completed"),
    "huggingface_token": _p(lambda r: "HF_HUB_OFFLINE=1 flink run -d triage.jar --model acme/icd10-coder"),
    "telegram_bot_token": _p(lambda r: f"Telegram chat_id -100{r.randrange(10**9, 2 * 10**9)} notified"),
    "azure_storage_connection_string": _p(
        lambda r: "fs.azure.account.auth.type=OAuth\nfs.azure.account.oauth.provider.type=ManagedIdentity",
    ),
    "azure_sas_token": _p(
        lambda r: "recording_url: https://telehealthrec.blob.core.windows.net/visits/v-2231.mp4 (private, use SAS)",
    ),
    "jwt": _p(
        lambda r: "Authorization: Bearer <ZOOM_S2S_TOKEN>",
        lambda r: (
            "tctl tokens ls\nToken    Type  Labels  Expiry Time (UTC)\n"
            f"<redacted> Node         {r.randrange(10, 28)} Jan 26"
        ),
        lambda r: f"Authorization: Bearer {v.unsought_daily_key(r)}",
    ),
    "private_key": _p(
        lambda r: f"<ca>\n{_uo_pem(r, 'CERTIFICATE')}\n</ca>",
        lambda r: "secrets {\n  private-hq {\n    file = hq.key\n    secret = %prompt\n  }\n}",
        lambda r: f"{_uo_pem(r, 'PUBLIC KEY')}",
    ),
    "url_credentials": _p(
        lambda r: "connection-url=jdbc:postgresql://claims-db:5432/claims?sslmode=verify-full",
        lambda r: "DBURL mysql://kamailio@sip-db/kamailio  # password from DBRWPW in kamctlrc",
        lambda r: "sip:clinic-07@sip.clinic.ad;transport=tls",
    ),
    "password_assignment": _p(
        lambda r: "connection-password=${ENV:CLAIMS_DB_PASSWORD}",
        lambda r: 'object ApiUser "dashing" {\n  client_cn = "dashing.icinga"\n}',
        lambda r: "auth-user-pass\nauth-nocache",
        lambda r: "rdeck.password=keys/project/claims/db.password",
        lambda r: "password_config:\n  policy:\n    minimum_length: 12\n    require_digit: true",
        lambda r: "Kijan pou m chanje modpas mwen? Mwen bliye l.",
    ),
    "sql_identified_by": _p(
        lambda r: "CREATE USER 'kamailio'@'sip-edge' IDENTIFIED WITH auth_socket;",
        lambda r: "ALTER USER claims_etl IDENTIFIED EXTERNALLY;",
    ),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer ${GROQ_API_KEY}",
        lambda r: 'WWW-Authenticate: Bearer realm="telnyx", error="invalid_token"',
        lambda r: "authorization: Bearer null",
    ),
    "basic_auth": _p(
        lambda r: 'WWW-Authenticate: Basic realm="Icinga 2"',
        lambda r: "Authorization: Basic <base64 of key_id:key_secret>",
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: JSESSIONID=; Path=/; Max-Age=0; HttpOnly",
        lambda r: "Cookie: rundeck-ui-theme=dark; metabase.DEVICE_LOCALE=ht",
        lambda r: f"Cookie: _hjSessionUser_{r.randrange(10**6, 10**7)}=eyJpZCI6InRlc3QifQ==",
    ),
    "auth_token_assignment": _p(
        lambda r: "auth_token: /var/lib/teleport/token",
        lambda r: f"token_ttl: {r.randrange(1, 48)}h",
        lambda r: "access_token: <redacted>",
    ),
    "generic_secret": _p(
        lambda r: '{"client_id": "PLAID_CLIENT_ID", "secret": "PLAID_SECRET"}',
        lambda r: "vonage:\n  api_secret: !vault secret/vonage#api_secret",
        lambda r: f"GET /search/2/geocode/Praia.json?key=***&countrySet=CV ({r.randrange(10, 400)} ms)",
        lambda r: f"macaroon_secret_key_path: /data/{r.choice(('macaroon', 'form'))}.key",
    ),
    "password_hash": _p(
        lambda r: f"md5sum: {rand(r, HEX, 32)}  tzdata2025c.tar.gz",
        lambda r: f"git object {rand(r, HEX, 40)} (blob)",
        lambda r: "nurse.ops  Auth-Type := Reject",
        lambda r: "ACL SETUSER dispatch on nopass ~trips:* +@read",
        lambda r: f"Flink checkpoint {r.randrange(1, 9999)} sha256:{rand(r, HEX, 64)} completed",
    ),
    "credential_phrase": _p(
        lambda r: "Ou bliye modpas ou?",
        lambda r: "Kua wareware koe i tō kupuhipa?",
        lambda r: "Mwaiwala mawu anu achinsinsi?",
        lambda r: "ଆପଣ ପାସୱାର୍ଡ ଭୁଲିଗଲେ କି?",
        lambda r: "Te şîfreya xwe ji bîr kir?",
        lambda r: "Passwords must be at least 12 characters and may not be reused.",
    ),
    "email": _p(
        lambda r: "@dispatch-bot:matrix.rides.ad joined !tripsroom:matrix.rides.ad",
        lambda r: "sip:clinic-07@sip.clinic.ad",
        lambda r: "ride-ops@RIDES.AD principal renewed (krb5)",
        lambda r: "pkg: icinga2@2.14.5 installed",
        lambda r: "git@github.com:acme/claims-rules.git",
    ),
    "ipv4": _p(
        lambda r: f"Flink version 1.{r.randrange(15, 20)}.{r.randrange(0, 5)}.{r.randrange(0, 9)}",
        lambda r: "oid 1.3.6.1.4.1.9.9.13 queried",
        lambda r: f"ICD-10 S52.{r.randrange(100, 999)}A.{r.randrange(1, 9)} (forearm)",
    ),
    "ipv6": _p(
        lambda r: (
            f"Trino query {r.randrange(10, 23)}:{r.randrange(10, 59)}:{r.randrange(10, 59)}:"
            f"{r.randrange(100, 999)} elapsed"
        ),
        lambda r: f"h3 cell {rand(r, HEX, 15)} (res 9) for pickup",
        lambda r: "std::vector<std::string>::iterator failed",
    ),
    "phone": _p(
        lambda r: f"rappel {v.unsought_invalid_phone(r, _uo_regions())}",
        lambda r: f"NPI {v.unsought_npi(r, _uo_regions())}",
        lambda r: f"ride id {v.no_phone_digits(r, 9, _uo_regions())}",
        lambda r: "+376 XXX XXX",
        lambda r: f"GPS {r.uniform(-21, -14):.6f},{r.uniform(-176, -173):.6f}",
    ),
    "payment_card": _p(
        lambda r: f"claim {v.unsought_claim_number(r)} received",
        lambda r: f"Verve {v.unsought_card_number(r, 'verve')[:6]}******{rand(r, string.digits, 4)}",
        lambda r: f"VISA {v.wrong_last_digit(r, v.unsought_card_number(r, 'visa'))} declined: invalid number",
        lambda r: f"flink job epoch {v.luhn_free_number(r, 10**15, 10**16)}",
    ),
    "iban": _p(
        lambda r: f":59:/{v.unsought_iban(r, valid=False, grouped=False)}\nREJECTED CHECKSUM",
        lambda r: "MC58 **** **** **** **** **** 189",
        lambda r: "BIC: CFCTMCMC",
        lambda r: f"payto://x-ach/{r.randrange(10**8, 10**9)}?amount=USD:10",
    ),
}

# Own negatives that truthfully hold another class: a Groq key assigned to a variable named as OpenAI's API key (a
# generic secret, no OpenAI key) and a Daily key (64 hex digits) in a Bearer header (a bearer token, no JWT).
UNSOUGHT_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("openai_project_key", 1): frozenset({"generic_secret"}),
    ("jwt", 2): frozenset({"bearer_token"}),
}

# ---------------------------------------------------------------------------- the unclaimed split's own shapes
#
# Written for the twenty-fourth split only, by an eighteenth session that did not read the rules
# (``build_corpus("unclaimed")`` puts them before the shared generators, as for the splits since hidden): values in
# Gitea's ``app.ini``, Mattermost's ``config.json`` and its AI plugin, Superset's ``superset_config.py``, SonarQube's
# ``sonar.properties``, NiFi's ``nifi.properties`` and processor properties, Authelia's and Artemis' configs, AIX's
# ``/etc/security/passwd``, MyBB, XenForo, Bugzilla, Centreon and Magento tables, OTA hotel XML, card readers' track
# data and EMV TLV dumps, Czech SPD strings, BezahlCode URIs, Swiss QR-bill and Slovenian UPN QR payloads and OFX
# statements; keys of vendors with no detector of their own (Mercado Pago, Axiom, Paddle, Hetzner and Linode tokens
# and Cloudflare AI Gateway tokens in Bearer headers; Xendit, Midtrans, Plivo and Stytch in Basic auth; fal.ai's
# ``Key`` scheme, Black Forest Labs' ``x-key``, Datadog's and Algolia's key headers, Statsig server secrets,
# LaunchDarkly access tokens and Aiven's ``aivenv1`` scheme), JWTs of new issuers (Lemon Squeezy API keys, App Store
# Connect tokens, Twilio Access Tokens, GitHub Actions OIDC tokens), session cookies of Zammad, XenForo, osTicket,
# CakePHP and Mastodon, password hashes of six families (MyBB, XenForo 1, Bugzilla, Centreon, Magento 1, AIX
# ``{smd5}``), cards of BINs no split drew with en dashes, middle dots and figure spaces, IBANs of eight countries in
# new payment shapes, phone numbers of eight new regions and sentences in Setswana, Faroese, Sindhi, Dzongkha, Tok Pisin
# and Saint Lucian Kwéyòl; and look-alikes that are not findings (NiFi's ``Sensitive value set``, Artemis' ``ENC(...)``
# masked passwords, Gitea's ``PASSWD_URI = file:...``, Superset's ``os.environ`` references, a JWKS public key, a
# lone JWT header, SSH public keys and CSRs, Statsig client keys, GTINs, folio numbers and Rx numbers, Stripe test
# cards, EMV cryptograms, masked IBANs, BICs, Swiss QR references, ISO 11649 ``RF`` creditor references and fictional
# ``555-01xx`` numbers). ``UNCLAIMED_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another
# class.


def _uc_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _uc_password(r: random.Random) -> str:
    return v.unclaimed_password(r)


def _uc_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unclaimed_password(r), safe="")


def _uc_phone(r: random.Random) -> str:
    return v.unclaimed_phone(r, _uc_regions())


def _uc_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _uc_pem(r: random.Random, kind: str, nl: str = "\n") -> str:
    lines = nl.join(v.b64(r.randbytes(48)) for _ in range(r.randrange(3, 6)))
    return f"-----BEGIN {kind}-----{nl}{lines}{nl}-----END {kind}-----"


def _uc_amount(r: random.Random) -> str:
    return f"{r.randrange(5, 900)}.{r.randrange(0, 100):02d}"


def _uc_spd(r: random.Random, iban: str) -> str:
    """A Czech Short Payment Descriptor (the QR Platba string) paying the IBAN."""
    vs = v.no_phone_digits(r, 10, _uc_regions())
    return f"SPD*1.0*ACC:{iban}*AM:{_uc_amount(r)}*CC:CZK*MSG:LEKARNA RECEPT 14.01.*X-VS:{vs}"


def _uc_bezahlcode(r: random.Random, iban: str) -> str:
    """A BezahlCode ``bank://singlepaymentsepa`` URI (as a German or Austrian pharmacy's invoice QR holds it)."""
    bic = pick(r, "COLSDE33XXX", "BYLADEM1001", "RZBAATWW", "BKAUATWW")
    amount = _uc_amount(r).replace(".", ",")
    return (
        f"bank://singlepaymentsepa?name=Apotheke%20am%20Markt&reason=Rezept%20{r.randrange(1000, 9999)}"
        f"&iban={iban}&bic={bic}&amount={amount}"
    )


def _uc_qrr(r: random.Random) -> str:
    """A Swiss QR reference: 26 digits and the recursive mod-10 check digit."""
    body = rand(r, string.digits, 26)
    table, carry = (0, 9, 4, 6, 8, 2, 7, 1, 3, 5), 0
    for d in body:
        carry = table[(carry + int(d)) % 10]
    return body + str((10 - carry) % 10)


def _uc_rf(r: random.Random) -> str:
    """An ISO 11649 creditor reference: ``RF``, mod-97 check digits and up to 21 characters (no IBAN: RF is no
    country)."""
    ref = rand(r, string.digits, r.randrange(8, 15))
    return f"RF{v.iban_check_digits('RF', ref):02d}{ref}"


def _uc_qrbill(r: random.Random, iban: str) -> str:
    """A Swiss QR-bill payload (``SPC``, version 0200): the creditor's account and address, the amount, the debtor,
    a QR reference for a QR-IBAN (IID 30000-31999) or a creditor reference otherwise, a message and ``EPD``."""
    compact = iban.replace(" ", "")
    if 30000 <= int(compact[4:9]) <= 31999:
        kind, ref = "QRR", _uc_qrr(r)
    else:
        kind, ref = pick(r, "SCOR", "NON"), ""
        ref = _uc_rf(r) if kind == "SCOR" else ""
    lines = ["SPC", "0200", "1", compact, "S", "Apotheke am Bahnhof", "Bahnhofstrasse", "12", "8001", "Zuerich", "CH"]
    lines += [""] * 7 + [_uc_amount(r), "CHF", "S", "Pitons Stays Ltd", "Jeremie Street", "4", "LC04 301", "Castries"]
    lines += ["LC", kind, ref, f"Rezept {r.randrange(1000, 9999)}", "EPD"]
    return "\n".join(lines)


def _uc_upn(r: random.Random, iban: str) -> str:
    """A Slovenian UPN QR payload: the payer left blank but for the name, the amount in cents on eleven digits, the
    purpose, the deadline and the recipient's IBAN, reference and address."""
    cents = f"{r.randrange(500, 90000):011d}"
    lines = ["UPNQR", "", "", "", "", "Pitons Stays Ltd", "Jeremie Street 4", "Castries", cents, "", "", "OTHR"]
    lines += ["Zdravila, racun 2026-0114", "14.02.2026", iban.replace(" ", ""), f"SI00 {r.randrange(10**6, 10**8)}"]
    lines += ["Lekarna Center", "Slovenska cesta 1", "1000 Ljubljana", str(r.randrange(100, 400))]
    return "\n".join(lines)


def _uc_ofx(r: random.Random, iban: str) -> str:
    """An OFX 1.x (SGML) statement's account block: the BIC as bank id, the IBAN as account id."""
    bic = pick(r, "COBADEFFXXX", "GIBACZPX", "UBSWCHZH80A", "LJBASI2X")
    return (
        f"<STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>{bic}<ACCTID>{iban.replace(' ', '')}<ACCTTYPE>CHECKING"
        f"</BANKACCTFROM><BANKTRANLIST><DTSTART>20260101<DTEND>20260131</BANKTRANLIST></STMTRS>"
    )


def _uc_xenforo_row(r: random.Random) -> str:
    """XenForo 1's ``xf_user_authenticate`` row: the scheme class names the hash's scheme (Core: salted SHA-256,
    Core12: bcrypt)."""
    data = v.unclaimed_password_hash(r, "xenforo")
    scheme = "XenForo_Authentication_Core12" if "$2y$" in data else "XenForo_Authentication_Core"
    return (
        "INSERT INTO xf_user_authenticate (user_id, scheme_class, data) VALUES "
        f"({r.randrange(1, 9999)}, '{scheme}', '{data}');"
    )


UNCLAIMED_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f'OPENAI_API_KEY = "{v.openai_legacy(r)}"  # superset_config.py, SQL assistant',
    ),
    "openai_project_key": _p(
        lambda r: (
            '"mattermost-ai": {"services": [{"name": "concierge", "type": "openai", '
            f'"apiKey": "{v.openai_project(r)}", "defaultModel": "gpt-4o-mini"}}]}}'
        ),
        lambda r: (
            f"    environment:\n      OPENAI_API_KEY: {v.openai_project(r)}\n      MM_SERVICESETTINGS_SITEURL: https://chat.pitons.lc"
        ),
    ),
    "anthropic_api_key": _p(
        lambda r: f'{{"type": "anthropic", "apiKey": "{v.anthropic(r)}", "defaultModel": "claude-3-5-haiku-latest"}}',
        lambda r: f"concierge-bot: ANTHROPIC_API_KEY={v.anthropic(r)} loaded from .env.production",
    ),
    "deepseek_api_key": _p(lambda r: f"deepseek:\n  base_url: https://api.deepseek.com\n  api_key: {v.deepseek(r)}"),
    "aws_access_key_id": _p(
        lambda r: f'"AmazonS3AccessKeyId": "{v.aws_key_id(r)}",',
        lambda r: f"PutS3Object[payslips-archive] Access Key ID = {v.aws_key_id(r)}",
    ),
    "aws_secret_access_key": _p(
        lambda r: f'"AmazonS3SecretAccessKey": "{v.aws_secret(r)}",',
        lambda r: f"PutS3Object[payslips-archive] Secret Access Key = {v.aws_secret(r)}",
    ),
    "aws_session_token": _p(
        lambda r: f"AWS_SESSION_TOKEN={v.aws_session_token(r)} aws s3 cp payslips.zip s3://payroll-archive/2026-01/",
    ),
    "github_classic_token": _p(
        lambda r: f"GITHUB_TOKEN={v.github_token(r, 'ghp')} ./sync-rates.sh --push",
        lambda r: f"push mirror of pitons-stays/rate-sync: token {v.github_token(r, 'ghp')} saved",
    ),
    "github_oauth_token": _p(
        lambda r: f"access_token={v.github_token(r, 'gho')}&scope=read%3Aorg&token_type=bearer",
    ),
    "github_app_token": _p(lambda r: f"Authorization: token {v.github_token(r, 'ghs')}"),
    "github_refresh_token": _p(
        lambda r: f'{{"refresh_token": "{v.github_token(r, "ghr")}", "refresh_token_expires_in": 15811200}}',
    ),
    "github_fine_grained_token": _p(
        lambda r: f'[mirror]\n"token": "github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)}"',
    ),
    "gitlab_token": _p(
        lambda r: (
            f"curl --header 'PRIVATE-TOKEN: glpat-{rand(r, ALNUM + '_-', 20)}' https://gitlab.pitons.lc/api/v4/projects"
        ),
    ),
    "slack_token": _p(lambda r: f'SLACK_API_TOKEN = "{v.slack_token(r)}"  # alerts & reports'),
    "slack_webhook": _p(
        lambda r: (
            "contact point night-audit: url=https://hooks.slack.com/services/T"
            f"{rand(r, v.UPPER, 10)}/B{rand(r, v.UPPER, 10)}/{rand(r, ALNUM, 24)}"
        ),
    ),
    "stripe_key": _p(lambda r: f"STRIPE_SECRET_KEY={v.stripe_key(r)}  # booking engine deposits"),
    "google_api_key": _p(lambda r: f'"GoogleDeveloperKey": "AIza{rand(r, ALNUM + "_-", 35)}",'),
    "google_oauth_client_secret": _p(
        lambda r: (
            "OAUTH_PROVIDERS = [{'name': 'google', 'remote_app': {'client_id': "
            f"'{r.randrange(10**11, 10**12)}-{rand(r, string.ascii_lowercase + string.digits, 32)}"
            f".apps.googleusercontent.com', 'client_secret': 'GOCSPX-{rand(r, ALNUM + '_-', 28)}'}}}}]"
        ),
    ),
    "gcp_oauth_token": _p(
        lambda r: f"GOOGLE_OAUTH_ACCESS_TOKEN={v.gcp_token(r)} gsutil cp folio.pdf gs://stays-folios/",
    ),
    "twilio_api_key": _p(lambda r: f"TWILIO_API_KEY=SK{rand(r, HEX, 32)}"),
    "sendgrid_api_key": _p(
        lambda r: (
            f'"SMTPUsername": "apikey", "SMTPPassword": "SG.{rand(r, ALNUM + "_-", 22)}.{rand(r, ALNUM + "_-", 43)}"'
        ),
    ),
    "huggingface_token": _p(
        lambda r: (
            f"HF_TOKEN=hf_{rand(r, ALNUM, 34)} text-generation-launcher --model-id meta-llama/Llama-3.1-8B-Instruct"
        ),
    ),
    "npm_token": _p(lambda r: f"NPM_TOKEN=npm_{rand(r, ALNUM, 36)} npm publish --access restricted"),
    "pypi_token": _p(
        lambda r: f"[pypi]\n  username = __token__\n  password = pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}",
    ),
    "shopify_token": _p(lambda r: f"shopify:\n  admin_api_access_token: shpat_{rand(r, HEX, 32)}"),
    "digitalocean_token": _p(lambda r: f"DIGITALOCEAN_ACCESS_TOKEN=dop_v1_{rand(r, HEX, 64)}"),
    "telegram_bot_token": _p(
        lambda r: f"night audit bot token {r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + '_-', 33)}",
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=stayfolios;"
            f"AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net"
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            "payslip link: https://payslipsstore.blob.core.windows.net/2026-01/E-04817.pdf?sv=2025-01-05"
            f"&st=2026-01-14T08:00:00Z&se=2026-01-21T08:00:00Z&sr=b&sp=r&sig={v.azure_sas_sig(r)}"
        ),
    ),
    "clickhouse_cloud_key": _p(
        lambda r: f"CLICKHOUSE_CLOUD_KEY_ID={rand(r, ALNUM, 20)}\nCLICKHOUSE_CLOUD_KEY_SECRET={v.clickhouse_secret(r)}",
    ),
    "jwt": _p(
        lambda r: f"Authorization: Bearer {v.unclaimed_lemonsqueezy_key(r)}",
        lambda r: f"Authorization: Bearer {v.unclaimed_asc_token(r)}",
        lambda r: f"softphone registered with token {v.unclaimed_twilio_access_token(r)}",
        lambda r: f"ACTIONS_ID_TOKEN={v.unclaimed_gha_oidc_token(r)}",
        lambda r: f"Cookie: __Secure-Authorization-Bearer={v.jwt(r)}",
    ),
    "private_key": _p(
        lambda r: (
            f'{{"key_id": "{rand(r, v.UPPER, 10)}", "private_key": "{_uc_pem(r, "PRIVATE KEY", chr(92) + "n")}"}}'
        ),
        lambda r: f"# /var/lib/gitea/ssh/gitea.rsa\n{_uc_pem(r, 'OPENSSH PRIVATE KEY')}",
        lambda r: f"nifi.security.keystore.pem:\n{_uc_pem(r, 'RSA PRIVATE KEY')}",
    ),
    "url_credentials": _p(
        lambda r: f'"DataSource": "postgres://mmuser:{_uc_url_password(r)}@mm-db:5432/mattermost?sslmode=disable"',
        lambda r: (
            f"SQLALCHEMY_DATABASE_URI = 'postgresql+psycopg2://superset:{_uc_url_password(r)}@superset-db/superset'"
        ),
        lambda r: f"CLOUDINARY_URL={v.unclaimed_cloudinary_url(r)}",
        lambda r: f"connector uri amqp://nifi:{_uc_url_password(r)}@artemis-0:5672",
    ),
    "password_assignment": _p(
        lambda r: f"sonar.jdbc.password={_uc_password(r)}",
        lambda r: f"nifi.security.keystorePasswd={_uc_password(r)}",
        lambda r: f"[mailer]\nENABLED = true\nUSER = gitea-mailer\nPASSWD = {_uc_password(r)}",
        lambda r: f"<cluster-user>artemis</cluster-user>\n<cluster-password>{_uc_password(r)}</cluster-password>",
    ),
    "sql_identified_by": _p(
        lambda r: f"CREATE USER 'sonar'@'%' IDENTIFIED BY '{_uc_password(r)}';",
        lambda r: f'CREATE USER pms_ro IDENTIFIED BY "{_uc_password(r)}" DEFAULT TABLESPACE users;',
    ),
    "bearer_token": _p(
        lambda r: f"Authorization: Bearer {v.unclaimed_mercadopago_token(r)}",
        lambda r: f"authorization: Bearer {v.unclaimed_axiom_token(r)}",
        lambda r: f"-H 'Authorization: Bearer {v.unclaimed_paddle_key(r)}'",
        lambda r: f"cf-aig-authorization: Bearer {v.unclaimed_cf_aig_token(r)}",
        lambda r: f'"Authorization": "Bearer {rand(r, ALNUM, 64)}"',
        lambda r: f"Authorization: Bearer {rand(r, HEX, 64)}",
    ),
    "basic_auth": _p(
        lambda r: f"Authorization: Basic {_uc_basic(v.unclaimed_xendit_key(r), '')}",
        lambda r: f"Authorization: Basic {_uc_basic(v.unclaimed_midtrans_key(r), '')}",
        lambda r: f"Authorization: Basic {_uc_basic(*v.unclaimed_plivo_pair(r))}",
        lambda r: f"authorization: basic {_uc_basic(*v.unclaimed_stytch_pair(r))}",
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: _zammad_session_{rand(r, HEX, 7)}={rand(r, HEX, 32)}",
        lambda r: f"Cookie: xf_csrf={rand(r, ALNUM + '_-', 16)}; xf_session={rand(r, ALNUM + '_-', 32)}",
        lambda r: f"Cookie: OSTSESSID={rand(r, string.ascii_lowercase + string.digits, 26)}",
        lambda r: f"Cookie: CAKEPHP={rand(r, string.ascii_lowercase + string.digits, 26)}; lang=en",
        lambda r: (
            f"Cookie: _mastodon_session={rand(r, ALNUM + '+/', 120)}%3D%3D--{rand(r, ALNUM + '+/', 22)}"
            f"--{rand(r, ALNUM + '+/', 22)}%3D%3D"
        ),
    ),
    "auth_token_assignment": _p(
        lambda r: f'"ClientToken": "pitons-stays", "AccessToken": "{v.unclaimed_mews_token(r)}"',
        lambda r: f"plivo auth_token={rand(r, ALNUM, 40)}",
        lambda r: f"zammad:\n  api_token: {rand(r, ALNUM + '-_', 64)}",
    ),
    "generic_secret": _p(
        lambda r: f"Authorization: Key {v.unclaimed_fal_key(r)}",
        lambda r: f"x-key: {v.unclaimed_bfl_key(r)}",
        lambda r: f"DD-API-KEY: {rand(r, HEX, 32)}",
        lambda r: f"X-Algolia-API-Key: {rand(r, HEX, 32)}\nX-Algolia-Application-Id: {rand(r, v.UPPER, 10)}",
        lambda r: f"statsig-api-key: {v.unclaimed_statsig_secret(r)}",
        lambda r: f"Authorization: {v.unclaimed_launchdarkly_token(r)}",
        lambda r: f"Authorization: aivenv1 {v.unclaimed_aiven_token(r)}",
        lambda r: f"SECRET_KEY = '{rand(r, ALNUM + '+/', 42)}'  # superset_config.py",
    ),
    "password_hash": _p(
        lambda r: f"kemron_cato:{v.unclaimed_password_hash(r, 'mybb')}",
        lambda r: _uc_xenforo_row(r),
        lambda r: (
            f"UPDATE profiles SET cryptpassword = '{v.unclaimed_password_hash(r, 'bugzilla')}' WHERE userid = 41;"
        ),
        lambda r: (
            f"UPDATE contact SET contact_passwd = '{v.unclaimed_password_hash(r, 'centreon')}' "
            "WHERE contact_alias = 'nightaudit';"
        ),
        lambda r: (
            f'{{"entity_id": {r.randrange(1, 99999)}, "password_hash": "{v.unclaimed_password_hash(r, "magento1")}"}}'
        ),
        lambda r: f"nightaudit:\n\tpassword = {v.unclaimed_password_hash(r, 'aix_smd5')}\n\tlastupdate = 1768300000",
    ),
    "credential_phrase": _p(
        lambda r: f"Lefoko la sephiri la Wi-Fi ke {_uc_password(r)}",
        lambda r: f"Loyniorðið til Wi-Fi er {_uc_password(r)}",
        lambda r: f"Wi-Fi جو پاسورڊ {_uc_password(r)} آهي",
        lambda r: f"Wi-Fi གི་ཆོག་ཡིག་ {_uc_password(r)} ཨིན།",
        lambda r: f"Paswod bilong Wi-Fi em {_uc_password(r)}",
        lambda r: f"Modpas wifi-a sé {_uc_password(r)}",
        lambda r: f"Your payslip PDF opens with the password {_uc_password(r)}",
        lambda r: f"night audit login for tonight: user frontdesk, password {_uc_password(r)}",
    ),
    "email": _p(
        lambda r: f"payslip for January sent to {v.unclaimed_email(r)}",
        lambda r: f"Guest: {v.unclaimed_email(r)} (Booking.com, Genius level 2)",
        lambda r: f"refill SMS failed, fell back to e-mail {v.unclaimed_email(r)}",
        lambda r: f"user {v.unclaimed_email(r)} passed first factor",
    ),
    "ipv4": _p(
        lambda r: f"remote_ip={v.ipv4(r)}",
        lambda r: f"Accepted socket connection from /{v.ipv4(r)}:{r.randrange(1024, 65535)}",
        lambda r: f"upstream connect error to {v.ipv4(r)}:8080, reset reason: connection failure",
    ),
    "ipv6": _p(
        lambda r: f"remote_ip={v.ipv6(r)}",
        lambda r: f"Accepted socket connection from /[{v.ipv6(r)}]:{r.randrange(1024, 65535)}",
    ),
    "phone": _p(
        lambda r: f"Ntetsetsa mo go {_uc_phone(r)}",
        lambda r: f"Ring til mín á {_uc_phone(r)}",
        lambda r: f"مون کي {_uc_phone(r)} تي فون ڪريو",
        lambda r: f"ང་ལུ་ {_uc_phone(r)} ལུ་ བརྒྱུད་འཕྲིན་གཏང་།",
        lambda r: f"Ringim mi long {_uc_phone(r)}",
        lambda r: f'{{"guest_phone": "{_uc_phone(r)}"}}',
        lambda r: f"refill alert SMS queued for {_uc_phone(r)}",
    ),
    "payment_card": _p(
        lambda r: f"Expedia VCC {v.unclaimed_card(r, 'mastercard', sep=chr(0x2013))} exp 03/27",
        lambda r: f"swipe data {v.unclaimed_track(r, 1)}",
        lambda r: f"reader=lane-2 track2={v.unclaimed_track(r, 2)}",
        lambda r: f"EMV tags {v.unclaimed_emv_tlv(r)}",
        lambda r: f'<PaymentCard CardCode="VI" CardNumber="{v.unclaimed_card_number(r, "visa")}" ExpireDate="1127"/>',
        lambda r: f"AMEX {v.unclaimed_card(r, 'amex', sep=chr(0x2007))}",
        lambda r: f"co-pay card {v.unclaimed_card(r, 'unionpay', sep=chr(0xB7))}",
    ),
    "iban": _p(
        lambda r: _uc_spd(r, v.unclaimed_iban(r, country="CZ", grouped=False)),
        lambda r: _uc_bezahlcode(r, v.unclaimed_iban(r, country=pick(r, "DE", "AT"), grouped=False)),
        lambda r: _uc_qrbill(r, v.unclaimed_iban(r, country=pick(r, "CH", "LI"), grouped=False)),
        lambda r: _uc_upn(r, v.unclaimed_iban(r, country="SI", grouped=False)),
        lambda r: _uc_ofx(r, v.unclaimed_iban(r)),
        lambda r: f"Salary account: {v.unclaimed_iban(r, country=pick(r, 'LC', 'VG'), grouped=True)}",
    ),
}

UNCLAIMED_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: 'OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY")  # superset_config.py'),
    "openai_project_key": _p(
        lambda r: '"services": [{"name": "concierge", "type": "openai", "apiKey": ""}]',
        lambda r: f"OpenAI key sk-proj-…{rand(r, ALNUM, 4)} (masked in the System Console)",
    ),
    "anthropic_api_key": _p(lambda r: "ANTHROPIC_API_KEY=${ANTHROPIC_API_KEY:?set in .env.production}"),
    "deepseek_api_key": _p(
        lambda r: f'ETag: "{rand(r, HEX, 32)}"',
        lambda r: f"flowfile uuid sk{rand(r, HEX, 6)} / {rand(r, HEX, 32)} routed to success",
    ),
    "aws_access_key_id": _p(
        lambda r: '"AmazonS3AccessKeyId": "",',
        lambda r: f"arn:aws:iam::{v.no_phone_digits(r, 12, _uc_regions())}:role/payslip-uploader assumed",
    ),
    "aws_secret_access_key": _p(lambda r: "PutS3Object[payslips-archive] Secret Access Key = Sensitive value set"),
    "aws_session_token": _p(
        lambda r: (
            "AWS_SESSION_TOKEN=$(aws sts assume-role --role-arn $ROLE --query Credentials.SessionToken --output text)"
        ),
    ),
    "github_classic_token": _p(
        lambda r: f"mirror of github.com/pitons-stays/rate-sync fetched {rand(r, HEX, 40)}",
        lambda r: "GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}",
    ),
    "github_oauth_token": _p(lambda r: "error=bad_verification_code&error_description=The+code+passed+is+incorrect"),
    "github_app_token": _p(lambda r: f"installation_id={r.randrange(10**7, 10**8)} app_id={r.randrange(10**5, 10**6)}"),
    "gitlab_token": _p(lambda r: f"token glpat-…{rand(r, ALNUM, 4)} expires 2026-03-01 (scopes: read_api)"),
    "slack_token": _p(lambda r: 'SLACK_API_TOKEN = os.getenv("SLACK_API_TOKEN")'),
    "slack_webhook": _p(lambda r: "contact point night-audit: url=<redacted> (type slack)"),
    "stripe_key": _p(
        lambda r: f"STRIPE_PUBLISHABLE_KEY=pk_live_{rand(r, ALNUM, 24)}",
        lambda r: f"charge ch_{rand(r, ALNUM, 24)} captured",
    ),
    "google_api_key": _p(lambda r: '"GoogleDeveloperKey": "",'),
    "google_oauth_client_secret": _p(lambda r: "'client_secret': os.environ['GOOGLE_CLIENT_SECRET']"),
    "gcp_oauth_token": _p(lambda r: "Authorization: Bearer $(gcloud auth print-access-token)"),
    "twilio_api_key": _p(lambda r: f"MessageSid=SM{rand(r, HEX, 32)}&MessageStatus=delivered"),
    "sendgrid_api_key": _p(lambda r: '"SMTPUsername": "apikey", "SMTPPassword": "",'),
    "huggingface_token": _p(lambda r: "HF_HOME=/models HF_HUB_ENABLE_HF_TRANSFER=1 text-generation-launcher"),
    "npm_token": _p(lambda r: "//npm.pkg.github.com/:_authToken=${NODE_AUTH_TOKEN}"),
    "pypi_token": _p(lambda r: "[pypi]\n  username = __token__\n  password = <from keyring>"),
    "shopify_token": _p(lambda r: f"X-Shopify-Hmac-Sha256: {v.b64(r.randbytes(32))}"),
    "digitalocean_token": _p(lambda r: "DIGITALOCEAN_ACCESS_TOKEN=  # set in CI"),
    "telegram_bot_token": _p(
        lambda r: f"chat_id=-100{r.randrange(10**9, 2 * 10**9)} message_id={r.randrange(10, 9999)}"
    ),
    "azure_storage_connection_string": _p(
        lambda r: "DefaultEndpointsProtocol=https;AccountName=stayfolios;AccountKey=;EndpointSuffix=core.windows.net",
    ),
    "azure_sas_token": _p(
        lambda r: "payslip link https://payslipsstore.blob.core.windows.net/2026-01/E-04817.pdf expired, ask HR",
    ),
    "clickhouse_cloud_key": _p(
        lambda r: "CLICKHOUSE_CLOUD_KEY_SECRET=$(vault kv get -field=secret kv/clickhouse)",
    ),
    "jwt": _p(
        lambda r: (
            f'{{"keys": [{{"kty": "EC", "crv": "P-256", "kid": "{rand(r, v.UPPER, 10)}", '
            f'"x": "{v.b64url(r.randbytes(32))}", "y": "{v.b64url(r.randbytes(32))}", "use": "sig"}}]}}'
        ),
        lambda r: (
            "invalid token header "
            + v.b64url(json.dumps({"alg": "ES256", "kid": rand(r, v.UPPER, 10), "typ": "JWT"}).encode())
            + " (no payload)"
        ),
        lambda r: "Authorization: Bearer <APP_STORE_CONNECT_JWT>",
        lambda r: f"Authorization: Bearer {v.unclaimed_mercadopago_token(r)}",
    ),
    "private_key": _p(
        lambda r: "nifi.security.keystore=./conf/keystore.p12\nnifi.security.keystoreType=PKCS12",
        lambda r: f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{rand(r, ALNUM + '+/', 43)} gitea@gitea-0",
        lambda r: _uc_pem(r, "CERTIFICATE REQUEST"),
    ),
    "url_credentials": _p(
        lambda r: '"DataSource": "postgres://mm-db:5432/mattermost?sslmode=require"',
        lambda r: "SQLALCHEMY_DATABASE_URI = f'postgresql://{DB_USER}:{DB_PASS}@{DB_HOST}/superset'",
        lambda r: "CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@pitons-stays",
        lambda r: "mysql://gitea@gitea-db:3306/gitea (password from PASSWD_URI)",
    ),
    "password_assignment": _p(
        lambda r: "sonar.jdbc.password=",
        lambda r: f"<cluster-password>ENC({rand(r, HEX, 32)})</cluster-password>",
        lambda r: "[database]\nPASSWD_URI = file:/run/secrets/gitea_db_password",
        lambda r: f"authentication_backend.password_policy.standard.min_length: {r.randrange(8, 16)}",
        lambda r: '"SMTPPassword": "",',
        lambda r: "Mo pa sa konèt modpas mwen, ki mannyè pou mwen chanjé'y?",
    ),
    "sql_identified_by": _p(
        lambda r: "CREATE USER 'sonar'@'localhost' IDENTIFIED WITH auth_socket;",
        lambda r: "CREATE USER pms_ro IDENTIFIED GLOBALLY AS 'CN=pms_ro,OU=apps,DC=pitons,DC=lc';",
    ),
    "bearer_token": _p(
        lambda r: "authorization: Bearer undefined",
        lambda r: 'WWW-Authenticate: Bearer realm="api.mercadopago.com", error="invalid_token"',
        lambda r: "cf-aig-authorization: Bearer $CF_AIG_TOKEN",
    ),
    "basic_auth": _p(
        lambda r: 'WWW-Authenticate: Basic realm="ActiveMQ Artemis"',
        lambda r: "Authorization: Basic Og==",
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: xf_session=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/",
        lambda r: f"Cookie: cookieconsent_status=dismiss; _zammad_session_{rand(r, HEX, 7)}=",
        lambda r: f"session.expiration: {r.randrange(1, 24)}h",
    ),
    "auth_token_assignment": _p(
        lambda r: f"access_token_ttl={r.randrange(300, 7200)}",
        lambda r: "zammad:\n  api_token: ${ZAMMAD_TOKEN}",
        lambda r: '"AccessToken": "<from the Mews Marketplace>"',
    ),
    "generic_secret": _p(
        lambda r: "x-key: ${BFL_API_KEY}",
        lambda r: f"DD-API-KEY: {'*' * 28}{rand(r, HEX, 4)}",
        lambda r: "SECRET_KEY = os.environ.get('SUPERSET_SECRET_KEY')",
        lambda r: f"statsig client key client-{rand(r, ALNUM, 43)} (public, embedded in the booking widget)",
        lambda r: "authentication_backend.file.path: /config/users_database.yml",
    ),
    "password_hash": _p(
        lambda r: f"md5sum {rand(r, HEX, 32)}  payslips-2026-01.zip",
        lambda r: f"solr doc id {rand(r, HEX, 32)}:{rand(r, ALNUM, 8)} indexed",
        lambda r: f"{{SHA-256}} checksum of formulary.csv: {v.b64(r.randbytes(32)).rstrip('=')}",
        lambda r: "nightaudit:\n\tpassword = *\n\tlastupdate = 1768300000",
        lambda r: f"X-Magento-Cache-Id: {rand(r, HEX, 64)}",
        lambda r: "UPDATE contact SET contact_passwd = NULL, contact_auth_type = 'ldap' WHERE contact_id = 7;",
    ),
    "credential_phrase": _p(
        lambda r: "O lebetse lefoko la gago la sephiri?",
        lambda r: "Hevur tú gloymt loyniorðið?",
        lambda r: "ڇا توهان پنهنجو پاسورڊ وساري ڇڏيو؟",
        lambda r: "ཁྱོད་ཀྱིས་ཆོག་ཡིག་བརྗེད་ཡི་ག?",
        lambda r: "Yu lusim paswod bilong yu?",
        lambda r: "Payslip PDFs are protected with your employee number and date of birth.",
    ),
    "email": _p(
        lambda r: "git@git.pitons.lc:payroll/export.git",
        lambda r: "@kezia.joseph mentioned you in ~front-desk",
        lambda r: "img/logo@3x.png",
        lambda r: "npm i @superset-ui/core@0.20.4",
        lambda r: "amqp://artemis-0:5672 connected as nifi@PITONS.LC (kerberos)",
    ),
    "ipv4": _p(
        lambda r: f"clause 4.2.1.{r.randrange(1, 9)} of the payroll policy applies",
        lambda r: f"oid 1.3.6.1.4.1.{r.randrange(1000, 60000)} polled",
        lambda r: f"Apache NiFi 1.{r.randrange(20, 29)}.0.{r.randrange(1, 9)} started",
    ),
    "ipv6": _p(
        lambda r: (
            f"leader since {r.randrange(10, 23)}:{r.randrange(10, 59)}:{r.randrange(10, 59)}:{r.randrange(100, 999)}"
        ),
        lambda r: f"MAC 02:42:{rand(r, HEX, 2)}:{rand(r, HEX, 2)}:{rand(r, HEX, 2)}:{rand(r, HEX, 2)}",
        lambda r: f"zxid 0x{rand(r, HEX, 9)} epoch 0x{rand(r, HEX, 2)}",
    ),
    "phone": _p(
        lambda r: f"rappel {v.unclaimed_invalid_phone(r, _uc_regions())}",
        lambda r: f"GTIN {v.unclaimed_gtin(r, _uc_regions())}",
        lambda r: f"Rx #{v.no_phone_digits(r, 7, _uc_regions())} refilled",
        lambda r: f"front desk (demo data): +1 758 555 01{r.randrange(10, 99)}",
        lambda r: f"GPS {r.uniform(13.7, 14.1):.6f},{r.uniform(-61.08, -60.87):.6f}",
    ),
    "payment_card": _p(
        lambda r: f"folio {v.unclaimed_folio(r)} closed",
        lambda r: f"VCC {v.unclaimed_card_number(r, 'mastercard')[:4]} **** **** {rand(r, string.digits, 4)}",
        lambda r: f"(01){v.unclaimed_gtin(r, _uc_regions())}(17)280331(10)L{r.randrange(1000, 9999)}",
        lambda r: f"EMV 9F26 {rand(r, HEX, 16).upper()} 9F36 00{r.randrange(10, 99)}",
        lambda r: "test card 4000 0000 0000 0077 (Stripe test mode, always succeeds)",
    ),
    "iban": _p(
        lambda r: (
            f"SPD*1.0*ACC:{v.unclaimed_iban(r, valid=False, country='CZ', grouped=False)}*AM:10.00 rejected: bad IBAN"
        ),
        lambda r: "IBAN: LC** **** **** **** **** **** 3015",
        lambda r: f"BIC: {pick(r, 'GIBACZPX', 'COLSDE33', 'RZBAATWW', 'UBSWCHZH80A', 'LJBASI2X')}",
        lambda r: f"QR reference {_uc_qrr(r)}",
        lambda r: f"creditor reference {_uc_rf(r)}",
    ),
}

# Own negatives that truthfully hold another class: a Mercado Pago access token in a Bearer header (a bearer token, no
# JWT).
UNCLAIMED_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("jwt", 3): frozenset({"bearer_token"}),
}

# ---------------------------------------------------------------------------- the unheralded split's own shapes
#
# Written for the twenty-fifth split only, by a nineteenth session that did not read the rules
# (``build_corpus("unheralded")`` puts them before the shared generators, as for the splits since hidden): values in
# MuleSoft secure properties, Camel routes, Node-RED flows and ``settings.js``, Mirth Connect's ``mirth.properties``,
# Orthanc's ``orthanc.json``, Frappe's ``site_config.json``, Moodle's ``config.php``, Koha's ``koha-conf.xml``, SSSD's
# ``sssd.conf``, Telegraf's ``telegraf.conf``, Jitsi's and BigBlueButton's configs, Apache Derby and H2 databases,
# Liferay, Seafile, WoltLab, QNX, SAP ``USR02`` exports, Mac OS X 10.7 shadow data and ScreenOS configs, Peppol UBL,
# Factur-X and FatturaPA invoices, Norma 19.14 records, French RIB blocks, Belgian invoices with a structured
# communication, Dutch direct-debit mandates, GoCardless bodies, EDIFACT ``COM`` segments, HL7 ``PID`` phone fields and
# ISO 8583 traces; keys of vendors with no detector of their own (Meta's Llama API, GoCardless, Samsara, Canvas LMS,
# Dropbox and SumUp in Bearer headers; EasyPost, Sendcloud, ClickSend, 46elks, PayPal and Bitbucket in Basic auth;
# Postmark, AfterShip, Adyen, Fastly and FCM in headers of their own, Opsgenie's ``GenieKey`` and PagerDuty's
# ``Token token=`` schemes, openrouteservice's query key, Moodle's ``wstoken``; ``corpus`` adds Shippo's
# ``ShippoToken`` scheme, AfterShip, Africa's Talking and OneSignal in its tables), JWTs of new issuers (Amazon
# Cognito, Clerk, ZITADEL, OVHcloud AI Endpoints), session cookies of Apereo
# CAS, Canvas, Koha, Snipe-IT and Dolibarr, password hashes of eight families and H2's ``SALT ... HASH``, cards of new
# BIN ranges joined by zero-width spaces or tabs, IBANs of six countries with their national check digits in new
# payment shapes, phone numbers of eight new regions and sentences in Breton, West Frisian, Corsican, Hawaiian and
# Guarani; and look-alikes that are not findings (Mule's ``![...]`` ciphertexts, Telegraf's ``@{store:key}``
# references, Koha's ``__DB_PASS__`` template, Postmark's documented test token, OneSignal app ids, Clerk publishable
# keys, SEPA creditor identifiers, Belgian structured communications, VAT numbers, masked ISO 8583 PANs, Excel's
# rounding of a card number, pet microchips, container numbers, UPS tracking numbers, printer MIB OIDs, Kerberos
# principals, MIME Content-IDs, Django's unusable passwords, SAP's empty passcode and locked QNX accounts).
# ``UNHERALDED_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class.


def _uhd_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _uhd_password(r: random.Random) -> str:
    return v.unheralded_password(r)


def _uhd_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unheralded_password(r), safe="")


def _uhd_phone(r: random.Random) -> str:
    return v.unheralded_phone(r, _uhd_regions())


def _uhd_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _uhd_pem(r: random.Random, kind: str, nl: str = "\n") -> str:
    lines = nl.join(v.b64(r.randbytes(48)) for _ in range(r.randrange(3, 6)))
    return f"-----BEGIN {kind}-----{nl}{lines}{nl}-----END {kind}-----"


def _uhd_amount(r: random.Random) -> str:
    return f"{r.randrange(20, 4000)}.{r.randrange(0, 100):02d}"


def _uhd_ubl(r: random.Random, iban: str) -> str:
    """A Peppol BIS 3.0 (UBL 2.1) invoice's payment means: credit transfer to the payee's account."""
    bic = pick(r, "RABONL2U", "INGBNL2A", "GEBABEBB", "KREDBEBB", "BPKOPLPW", "INGBPLPW")
    return (
        '<cac:PaymentMeans><cbc:PaymentMeansCode name="Credit transfer">30</cbc:PaymentMeansCode>'
        f"<cbc:PaymentID>INV-2026-{r.randrange(1000, 9999)}</cbc:PaymentID><cac:PayeeFinancialAccount>"
        f"<cbc:ID>{iban.replace(' ', '')}</cbc:ID><cbc:Name>Noordhaven Logistics</cbc:Name>"
        f"<cac:FinancialInstitutionBranch><cbc:ID>{bic}</cbc:ID></cac:FinancialInstitutionBranch>"
        "</cac:PayeeFinancialAccount></cac:PaymentMeans>"
    )


def _uhd_cii(r: random.Random, iban: str) -> str:
    """A Factur-X (UN/CEFACT CII) invoice's settlement payment means: SEPA credit transfer to the creditor's IBAN."""
    return (
        "<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode>"
        f"<ram:PayeePartyCreditorFinancialAccount><ram:IBANID>{iban.replace(' ', '')}</ram:IBANID>"
        "<ram:AccountName>Clinique veterinaire de l'Odet</ram:AccountName></ram:PayeePartyCreditorFinancialAccount>"
        "</ram:SpecifiedTradeSettlementPaymentMeans>"
    )


def _uhd_fatturapa(r: random.Random, iban: str) -> str:
    """An Italian FatturaPA invoice's payment details: bank transfer (MP05) to the supplier's IBAN."""
    return (
        "<DatiPagamento><CondizioniPagamento>TP02</CondizioniPagamento><DettaglioPagamento>"
        f"<ModalitaPagamento>MP05</ModalitaPagamento><DataScadenzaPagamento>2026-02-{r.randrange(10, 28)}"
        f"</DataScadenzaPagamento><ImportoPagamento>{_uhd_amount(r)}</ImportoPagamento>"
        f"<IstitutoFinanziario>{pick(r, 'Intesa Sanpaolo', 'UniCredit', 'Banco BPM')}</IstitutoFinanziario>"
        f"<IBAN>{iban.replace(' ', '')}</IBAN></DettaglioPagamento></DatiPagamento>"
    )


def _uhd_norma19(r: random.Random, iban: str) -> str:
    """A Spanish Norma 19.14 (SEPA core direct debit) individual record: record and version codes, the debit's and the
    mandate's references, the sequence, the amount in cents, the mandate's date, the debtor's BIC and name and
    ``A`` with the debtor's IBAN, in fixed-width fields."""
    ref = f"CUOTA-2026-01-{r.randrange(1000, 9999)}"
    mandate = f"MND-ESC-{r.randrange(10**5, 10**6)}"
    name = pick(r, "BENITEZ ROJAS RAMONA", "GIMENEZ ACOSTA LUIS", "VERA OVIEDO MIRTA")
    bic = pick(r, "CAIXESBBXXX", "BSCHESMMXXX", "BBVAESMMXXX")
    return (
        "0319143003"
        + ref.ljust(35)
        + mandate.ljust(35)
        + "RCUR"
        + " " * 4
        + f"{r.randrange(3000, 45000):011d}"
        + "20250901"
        + bic.ljust(11)
        + name.ljust(70)
        + " " * 50
        + "A"
        + iban.replace(" ", "").ljust(34)
        + " " * 4
        + "CUOTA ESCOLAR ENERO".ljust(140)
    )


def _uhd_rib(r: random.Random, iban: str) -> str:
    """A French RIB block as a bank's PDF prints it: the holder, the bank's parts, the RIB key, the IBAN and BIC."""
    compact = iban.replace(" ", "")
    grouped = " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    return (
        f"Titulaire du compte : SCOLA CORSA APE\nCode banque {compact[4:9]}  Code guichet {compact[9:14]}  "
        f"N° de compte {compact[14:25]}  Clé RIB {compact[25:27]}\nIBAN {grouped}\n"
        f"BIC {pick(r, 'AGRIFRPP820', 'CMBRFR2BARK', 'BNPAFRPPXXX', 'PSSTFRPPMAR')}"
    )


def _uhd_be_invoice(r: random.Random, iban: str) -> str:
    """A Belgian invoice's payment line: the IBAN and a structured communication (Dutch or French)."""
    ogm = v.unheralded_ogm(r)
    if r.random() < 0.5:
        return f"Te betalen vóór 14/02/2026 op rekening {iban} met gestructureerde mededeling {ogm}"
    return f"À payer avant le 14/02/2026 sur le compte {iban} avec la communication structurée {ogm}"


def _uhd_nl_mandate(r: random.Random, iban: str) -> str:
    """A Dutch SEPA direct-debit mandate (doorlopende machtiging): the creditor's id, the mandate's reference and the
    debtor's IBAN."""
    return (
        f"Doorlopende machtiging SEPA | Incassant ID: {v.unheralded_creditor_id(r, 'NL')} | Kenmerk machtiging: "
        f"OSG-{r.randrange(10**5, 10**6)} | Reden betaling: ouderbijdrage 2025-2026 | IBAN: {iban}"
    )


def _uhd_gocardless_body(r: random.Random, iban: str) -> str:
    """A GoCardless ``customer_bank_accounts`` request body with the account's IBAN."""
    body = {
        "customer_bank_accounts": {
            "account_holder_name": pick(r, "M Kerbrat", "S de Vries", "G Santoni"),
            "iban": iban.replace(" ", ""),
            "links": {"customer": "CU" + rand(r, v.UPPER, 12)},
        }
    }
    return json.dumps(body)


def _uhd_edifact_phone(r: random.Random) -> str:
    """An EDIFACT ``CTA``/``COM`` pair of a consignee: the phone number with its ``+`` released as ``?+``."""
    phone = _uhd_phone(r).replace("?", "??").replace("+", "?+").replace(":", "?:").replace("'", "?'")
    return f"CTA+IC+:DOCK OFFICE'COM+{phone}:TE'"


def _uhd_hl7_phone(r: random.Random) -> str:
    """An HL7 v2.5.1 ``PID`` segment's home phone (PID-13) as an XTN: use, equipment, country, area and local
    number in components."""
    regions = _uhd_regions()
    number = v.unheralded_phone(r, regions)
    parsed = phonenumbers.parse(number, regions[0])
    digits = phonenumbers.national_significant_number(parsed)
    area, local = (digits[:3], digits[3:]) if parsed.country_code == 1 else ("", digits)
    xtn = f"^PRN^CP^^{parsed.country_code}^{area}^{local}"
    return f"PID|1||P-{r.randrange(10000, 99999)}^^^CLINIC||Mango^^^^^^B||||||{xtn}"


def _uhd_snipeit_cookie(r: random.Random) -> str:
    """A Laravel encrypted session cookie (Snipe-IT): base64 of the JSON with ``iv``, ``value``, ``mac`` and ``tag``."""
    payload = {
        "iv": v.b64(r.randbytes(16)),
        "value": v.b64(r.randbytes(r.randrange(96, 160))),
        "mac": rand(r, HEX, 64),
        "tag": "",
    }
    return urllib.parse.quote(v.b64(json.dumps(payload, separators=(",", ":")).encode()), safe="")


def _uhd_cas_tgt(r: random.Random) -> str:
    """An Apereo CAS ticket-granting cookie value: ``TGT-``, the counter, a random id and the node's suffix."""
    return f"TGT-{r.randrange(1, 9999)}-{rand(r, ALNUM + '-', 50)}-cas0{r.randrange(1, 4)}"


UNHERALDED_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f"mule.openai.apiKey={v.openai_legacy(r)}",
    ),
    "openai_project_key": _p(
        lambda r: f'msg.headers = {{"Authorization": "Bearer {v.openai_project(r)}"}}; return msg;',
        lambda r: (
            '[[outputs.http]]\n  url = "https://api.openai.com/v1/embeddings"\n'
            f'  headers = {{"Authorization" = "Bearer {v.openai_project(r)}"}}'
        ),
    ),
    "anthropic_api_key": _p(
        lambda r: f'<http:header key="x-api-key" value="{v.anthropic(r)}"/>',
        lambda r: f"camel.component.langchain4j-chat.anthropic-api-key={v.anthropic(r)}",
    ),
    "deepseek_api_key": _p(
        lambda r: f"local_ai_summary: {{provider: deepseek, api_key: {v.deepseek(r)}}}",
    ),
    "aws_access_key_id": _p(
        lambda r: (
            f"Authorization: AWS4-HMAC-SHA256 Credential={v.aws_key_id(r)}/202601{r.randrange(10, 28)}/us-east-1/lex/"
            f"aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature={rand(r, HEX, 64)}"
        ),
        lambda r: f'[[outputs.cloudwatch]]\n  region = "eu-west-1"\n  access_key = "{v.aws_key_id(r)}"',
    ),
    "aws_secret_access_key": _p(
        lambda r: f'[[outputs.cloudwatch]]\n  secret_key = "{v.aws_secret(r)}"',
        lambda r: f"aws.secretKey={v.aws_secret(r)}",
    ),
    "aws_session_token": _p(
        lambda r: f'"sessionToken": "{v.aws_session_token(r)}",',
    ),
    "github_classic_token": _p(
        lambda r: f"git clone https://{v.github_token(r, 'ghp')}@github.com/noordhaven/edi-maps.git",
    ),
    "github_oauth_token": _p(lambda r: f'"github": {{"access_token": "{v.github_token(r, "gho")}"}}'),
    "github_app_token": _p(lambda r: f"x-access-token:{v.github_token(r, 'ghs')}"),
    "github_refresh_token": _p(lambda r: f"refresh_token={v.github_token(r, 'ghr')}&grant_type=refresh_token"),
    "github_fine_grained_token": _p(
        lambda r: f"GH_PAT: github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)}",
    ),
    "gitlab_token": _p(lambda r: f"moodle-plugin-ci: GITLAB_TOKEN=glpat-{rand(r, ALNUM + '_-', 20)}"),
    "slack_token": _p(lambda r: f'"slackToken": "{v.slack_token(r)}"'),
    "slack_webhook": _p(
        lambda r: (
            "[[outputs.http]]\n"
            f'  url = "https://hooks.slack.com/services/T{rand(r, v.UPPER, 10)}/B{rand(r, v.UPPER, 10)}'
            f'/{rand(r, ALNUM, 24)}"'
        ),
    ),
    "stripe_key": _p(lambda r: f"paymentProvider.stripe.secret={v.stripe_key(r)}"),
    "google_api_key": _p(
        lambda r: (
            "wss://generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1beta.GenerativeService."
            f"BidiGenerateContent?key=AIza{rand(r, ALNUM + '_-', 35)}"
        ),
    ),
    "google_oauth_client_secret": _p(
        lambda r: (
            f"$CFG->auth_oauth2_google = ['clientid' => '{r.randrange(10**11, 10**12)}-"
            f"{rand(r, string.ascii_lowercase + string.digits, 32)}.apps.googleusercontent.com', "
            f"'clientsecret' => 'GOCSPX-{rand(r, ALNUM + '_-', 28)}'];"
        ),
    ),
    "gcp_oauth_token": _p(lambda r: f"dialogflow detectIntent with ya29.{rand(r, v.B64URL, 150)} -> 200"),
    "twilio_api_key": _p(lambda r: f"mirth.twilio.apiKeySid=SK{rand(r, HEX, 32)}"),
    "sendgrid_api_key": _p(lambda r: f"$CFG->smtppass = 'SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}';"),
    "huggingface_token": _p(lambda r: f"llama-server --hf-repo org/model-GGUF --hf-token hf_{rand(r, ALNUM, 34)}"),
    "npm_token": _p(lambda r: f"//registry.npmjs.org/:_authToken=npm_{rand(r, ALNUM, 36)}  # node-red-contrib-carrier"),
    "pypi_token": _p(lambda r: f"TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)} twine upload dist/*"),
    "shopify_token": _p(lambda r: f'{{"shop": "pet-pantry-kona", "access_token": "shpat_{rand(r, HEX, 32)}"}}'),
    "digitalocean_token": _p(lambda r: f"doctl auth init -t dop_v1_{rand(r, HEX, 64)}"),
    "telegram_bot_token": _p(
        lambda r: (
            f"https://api.telegram.org/bot{r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + '_-', 33)}/sendMessage"
        ),
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "mirth.azure.blob=DefaultEndpointsProtocol=https;AccountName=vetlabresults;"
            f"AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net"
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            "https://labelsprint.blob.core.windows.net/labels/SSCC.zpl?sv=2025-01-05&se=2026-02-01T00:00:00Z&sr=b"
            f"&sp=rw&sig={v.azure_sas_sig(r)}"
        ),
    ),
    "clickhouse_cloud_key": _p(
        lambda r: f'[[outputs.sql]]\n  data_source_name = "default"\n  # key_secret = "{v.clickhouse_secret(r)}"',
    ),
    "jwt": _p(
        lambda r: f"Authorization: Bearer {v.unheralded_cognito_token(r)}",
        lambda r: f"Cookie: __session={v.unheralded_clerk_token(r)}; __client_uat=1768300000",
        lambda r: f"Authorization: Bearer {v.unheralded_zitadel_token(r)}",
        lambda r: f"OVH_AI_ENDPOINTS_ACCESS_TOKEN={v.unheralded_ovh_ai_token(r)}",
    ),
    "private_key": _p(
        lambda r: f'"tls": {{"key": "{_uhd_pem(r, "EC PRIVATE KEY", chr(92) + "n")}"}}',
        lambda r: f"keystore export for mirth TLS listener:\n{_uhd_pem(r, 'PRIVATE KEY')}",
        lambda r: f"# /etc/cups/ssl/print01.key\n{_uhd_pem(r, 'RSA PRIVATE KEY')}",
    ),
    "url_credentials": _p(
        lambda r: f'from("ftp://ediuser:{_uhd_url_password(r)}@edi.carrier.example/outbox?passiveMode=true")',
        lambda r: f"scan_to_folder=smb://SCHOOL;scanner:{_uhd_url_password(r)}@nas01/scans",
        lambda r: f'servers = ["tcp://docksensor:{_uhd_url_password(r)}@mqtt.dock.example:1883"]',
        lambda r: f"$CFG->external_db = 'mysqli://enrol:{_uhd_url_password(r)}@sis-db/sis';",
    ),
    "password_assignment": _p(
        lambda r: f"database.password = {_uhd_password(r)}",
        lambda r: f'"RegisteredUsers": {{"vet": "{_uhd_password(r)}"}}',
        lambda r: (
            "[domain/school.lan]\nldap_default_bind_dn = cn=sssd,ou=svc,dc=school,dc=lan\n"
            f"ldap_default_authtok = {_uhd_password(r)}"
        ),
        lambda r: f"<pass>{_uhd_password(r)}</pass>",
        lambda r: f"$CFG->dbpass = '{_uhd_password(r)}';",
        lambda r: f"JICOFO_AUTH_PASSWORD={_uhd_password(r)}",
    ),
    "sql_identified_by": _p(
        lambda r: f'ALTER USER TMS_APP IDENTIFIED BY "{_uhd_password(r)}" ACCOUNT UNLOCK;',
        lambda r: f"GRANT ALL ON moodle.* TO 'moodleuser'@'localhost' IDENTIFIED BY '{_uhd_password(r)}';",
    ),
    "bearer_token": _p(
        lambda r: f"Authorization: Bearer {v.unheralded_llama_api_key(r)}",
        lambda r: f"authorization: Bearer {v.unheralded_gocardless_token(r)}",
        lambda r: f"Authorization: Bearer {v.unheralded_samsara_token(r)}",
        lambda r: f"Authorization: Bearer {v.unheralded_canvas_token(r)}",
        lambda r: f"Authorization: Bearer {v.unheralded_dropbox_token(r)}",
        lambda r: f"Authorization: Bearer {v.unheralded_sumup_key(r)}",
    ),
    "basic_auth": _p(
        lambda r: f"Authorization: Basic {_uhd_basic(v.unheralded_easypost_key(r), '')}",
        lambda r: f"Authorization: Basic {_uhd_basic(*v.unheralded_sendcloud_pair(r))}",
        lambda r: f"Authorization: Basic {_uhd_basic(*v.unheralded_clicksend_pair(r))}",
        lambda r: f"authorization: Basic {_uhd_basic(*v.unheralded_elks_pair(r))}",
        lambda r: f"Authorization: Basic {_uhd_basic(*v.unheralded_paypal_pair(r))}",
        lambda r: f"Authorization: Basic {_uhd_basic('noordhaven-ci', v.unheralded_bitbucket_app_password(r))}",
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: CASTGC={_uhd_cas_tgt(r)}",
        lambda r: (
            f"Cookie: _normandy_session={rand(r, ALNUM + '-', 22)}+{rand(r, ALNUM, 180)}; "
            f"log_session_id={rand(r, HEX, 32)}"
        ),
        lambda r: f"Cookie: CGISESSID={rand(r, HEX, 32)}; KohaOpacLanguage=br",
        lambda r: f"Cookie: snipeit_session={_uhd_snipeit_cookie(r)}",
        lambda r: f"Cookie: DOLSESSID_{rand(r, HEX, 32)}={rand(r, string.ascii_lowercase + string.digits, 26)}",
    ),
    "auth_token_assignment": _p(
        lambda r: (
            "GET /webservice/rest/server.php?wstoken="
            f"{v.unheralded_moodle_token(r)}&wsfunction=core_enrol_get_enrolled_users&moodlewsrestformat=json"
        ),
        lambda r: (
            '[[outputs.influxdb_v2]]\n  urls = ["https://influx.dock.example:8086"]\n'
            f'  token = "{rand(r, ALNUM + "-_", 86)}=="'
        ),
        lambda r: f'"access_token": "{v.unheralded_dropbox_token(r)}", "token_type": "bearer"',
        lambda r: f"SAMSARA_TOKEN={v.unheralded_samsara_token(r)}",
    ),
    "generic_secret": _p(
        lambda r: f"X-Postmark-Server-Token: {v.unheralded_uuid(r)}",
        lambda r: f"as-api-key: {v.unheralded_aftership_key(r)}",
        lambda r: f"X-API-Key: {v.unheralded_adyen_key(r)}",
        lambda r: f"Fastly-Key: {v.unheralded_fastly_token(r)}",
        lambda r: f"Authorization: GenieKey {v.unheralded_uuid(r)}",
        lambda r: f"Authorization: Token token={v.unheralded_pagerduty_key(r)}",
        lambda r: f"Authorization: key={v.unheralded_fcm_server_key(r)}",
        lambda r: f"GET /v2/directions/driving-hgv?api_key={v.unheralded_ors_key(r)}&start=4.47,51.92&end=5.79,53.20",
    ),
    "password_hash": _p(
        lambda r: (
            f"UPDATE EmailUser SET passwd = '{v.unheralded_password_hash(r, 'seafile')}' "
            f"WHERE id = {r.randrange(2, 400)};"
        ),
        lambda r: f"root:{v.unheralded_password_hash(r, 'qnx')}:1768300000:0:0",
        lambda r: f"USR02 export (CODVN F): {v.unheralded_password_hash(r, 'sap_codvn_f')}",
        lambda r: f"ShadowHashData SALTED-SHA512: {v.unheralded_password_hash(r, 'macos_salted_sha512')}",
        lambda r: f'set admin password "{v.unheralded_password_hash(r, "screenos")}"',
        lambda r: (
            f"UPDATE User_ SET password_ = '{v.unheralded_password_hash(r, 'liferay')}' "
            f"WHERE userId = {r.randrange(20000, 40000)};"
        ),
        lambda r: f"derby.user.wms={v.unheralded_password_hash(r, 'derby')}",
        lambda r: f"CREATE USER IF NOT EXISTS \"WMS\" SALT '{rand(r, HEX, 16)}' HASH '{rand(r, HEX, 64)}' ADMIN;",
    ),
    "credential_phrase": _p(
        lambda r: f"Ger-tremen ar Wi-Fi : {_uhd_password(r)}",
        lambda r: f"{_uhd_password(r)} is it wachtwurd fan de wifi yn it klaslokaal",
        lambda r: f"A parolla d'intrata di u wifi hè {_uhd_password(r)}",
        lambda r: f"ʻO {_uhd_password(r)} ka ʻōlelo hūnā o ka Wi-Fi",
        lambda r: f"Wi-Fi ñe'ẽñemi ha'e {_uhd_password(r)}",
        lambda r: f"The waiting-room Wi-Fi password is {_uhd_password(r)}",
        lambda r: f"driver app PIN reset; new password {_uhd_password(r)} (change it at first login)",
    ),
    "email": _p(
        lambda r: f"enrolment confirmation queued for {v.unheralded_email(r)}",
        lambda r: f"COM+{v.unheralded_email(r)}:EM'",
        lambda r: f"reminder for Mango's booster sent to {v.unheralded_email(r)}",
        lambda r: f"CAS principal resolved to {v.unheralded_email(r)}",
    ),
    "ipv4": _p(
        lambda r: f'[[inputs.modbus.controllers]]\n  controller = "tcp://{v.ipv4(r)}:502"',
        lambda r: f"  Connection denied from {v.ipv4(r)}",
        lambda r: f"Client {r.randrange(1, 400)} from {v.ipv4(r)} sent Print-Job",
    ),
    "ipv6": _p(
        lambda r: f"ldap_uri = ldap://[{v.ipv6(r)}]",
        lambda r: f"  Connection denied from {v.ipv6(r)}",
    ),
    "phone": _p(
        lambda r: _uhd_edifact_phone(r),
        lambda r: _uhd_hl7_phone(r),
        lambda r: f"Pellgomzit din war {_uhd_phone(r)}",
        lambda r: f"Skilje my op {_uhd_phone(r)}",
        lambda r: f"Chjamatemi à u {_uhd_phone(r)}",
        lambda r: f"E kelepona mai iaʻu ma {_uhd_phone(r)}",
        lambda r: f"Chehenói ko número-pe: {_uhd_phone(r)}",
        lambda r: f'{{"to": "{_uhd_phone(r)}", "body": "Mango is due for a booster"}}',
    ),
    "payment_card": _p(
        lambda r: v.unheralded_iso8583(r),
        lambda r: f"card {v.unheralded_card(r, sep=chr(0x200B))} exp 04/28",
        lambda r: f"{v.unheralded_card(r, 'visa', sep=chr(9))}\t04\t28",
        lambda r: f'{{"pan": {v.unheralded_card_number(r, pick(r, "visa", "mastercard"))}, "exp": "0428"}}',
        lambda r: (
            f'{{"card": {{"number": "{v.unheralded_card_number(r)}", "expiry_month": "04", "expiry_year": "28"}}}}'
        ),
        lambda r: f"AMEX {v.unheralded_card(r, 'amex', sep=' ')}",
        lambda r: f"Diners {v.unheralded_card(r, 'diners')}",
    ),
    "iban": _p(
        lambda r: _uhd_ubl(r, v.unheralded_iban(r, country=pick(r, "NL", "BE", "PL"), grouped=False)),
        lambda r: _uhd_cii(r, v.unheralded_iban(r, country="FR", grouped=False)),
        lambda r: _uhd_fatturapa(r, v.unheralded_iban(r, country="IT", grouped=False)),
        lambda r: _uhd_norma19(r, v.unheralded_iban(r, country="ES", grouped=False)),
        lambda r: _uhd_rib(r, v.unheralded_iban(r, country="FR")),
        lambda r: _uhd_be_invoice(r, v.unheralded_iban(r, country="BE", grouped=True)),
        lambda r: _uhd_nl_mandate(r, v.unheralded_iban(r, country="NL")),
        lambda r: _uhd_gocardless_body(r, v.unheralded_iban(r)),
    ),
}

UNHERALDED_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: f"mule.openai.apiKey=![{v.b64(r.randbytes(48))}]"),
    "openai_project_key": _p(
        lambda r: 'msg.headers = {"Authorization": "Bearer " + env.get("OPENAI_API_KEY")}; return msg;',
    ),
    "anthropic_api_key": _p(lambda r: '<http:header key="x-api-key" value="${secure::anthropic.key}"/>'),
    "deepseek_api_key": _p(
        lambda r: f"mule event {rand(r, HEX, 8)}-{rand(r, HEX, 4)}-11f0-{rand(r, HEX, 4)}-{rand(r, HEX, 12)} done",
    ),
    "aws_access_key_id": _p(
        lambda r: '[[outputs.cloudwatch]]\n  access_key = "@{vault:aws_access_key}"',
        lambda r: (
            f"arn:aws:states:eu-west-1:{v.no_phone_digits(r, 12, _uhd_regions())}:execution:shipment-label:"
            f"{v.unheralded_uuid(r)}"
        ),
    ),
    "aws_secret_access_key": _p(lambda r: f"aws.secretKey=![{v.b64(r.randbytes(48))}]"),
    "aws_session_token": _p(lambda r: '"sessionToken": null,'),
    "github_classic_token": _p(lambda r: "git clone https://github.com/noordhaven/edi-maps.git"),
    "github_oauth_token": _p(lambda r: '"github": {"access_token": "", "scope": "read:user"}'),
    "github_app_token": _p(lambda r: f"x-access-token:{'*' * 8} (masked)"),
    "github_refresh_token": _p(lambda r: "refresh_token=&grant_type=refresh_token"),
    "github_fine_grained_token": _p(lambda r: "GH_PAT: ${{ secrets.GH_PAT }}"),
    "gitlab_token": _p(lambda r: f"CI_JOB_ID={r.randrange(10**8, 10**9)} CI_COMMIT_SHA={rand(r, HEX, 40)}"),
    "slack_token": _p(lambda r: '"slackToken": "@{secretstore:slack_token}"'),
    "slack_webhook": _p(lambda r: 'url = "https://hooks.slack.com/services/..."  # set in telegraf.d/secret.conf'),
    "stripe_key": _p(lambda r: f"paymentProvider.stripe.publishable=pk_live_{rand(r, ALNUM, 24)}"),
    "google_api_key": _p(
        lambda r: "wss://generativelanguage.googleapis.com/ws/...BidiGenerateContent?key=${GEMINI_KEY}"
    ),
    "google_oauth_client_secret": _p(lambda r: "'clientsecret' => getenv('GOOGLE_OAUTH_SECRET'),"),
    "gcp_oauth_token": _p(lambda r: "dialogflow detectIntent with [token omitted] -> 401"),
    "twilio_api_key": _p(lambda r: f"mirth.twilio.accountSid=AC{'x' * 32}"),
    "sendgrid_api_key": _p(lambda r: "$CFG->smtppass = '';"),
    "huggingface_token": _p(lambda r: "llama-server --hf-repo org/model-GGUF --hf-file model-Q4_K_M.gguf"),
    "npm_token": _p(lambda r: "//registry.npmjs.org/:_authToken=${NPM_TOKEN}"),
    "pypi_token": _p(lambda r: "TWINE_PASSWORD=$(keyring get pypi __token__) twine upload dist/*"),
    "shopify_token": _p(lambda r: '{"shop": "pet-pantry-kona", "access_token": "shpat_***"}'),
    "digitalocean_token": _p(lambda r: "doctl auth init --context vet-clinic"),
    "telegram_bot_token": _p(lambda r: "https://api.telegram.org/bot<token>/sendMessage"),
    "azure_storage_connection_string": _p(lambda r: "mirth.azure.blob=UseDevelopmentStorage=true"),
    "azure_sas_token": _p(lambda r: "https://labelsprint.blob.core.windows.net/labels/SSCC.zpl"),
    "clickhouse_cloud_key": _p(lambda r: '# key_secret = "@{secretstore:clickhouse}"'),
    "jwt": _p(
        lambda r: f"NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_live_{v.b64(b'clerk.pupunaleo.example$').rstrip('=')}",
        lambda r: "Authorization: Bearer [Redacted]",
        lambda r: (
            f'{{"keys": [{{"kid": "{v.b64(r.randbytes(32))}", "alg": "RS256", "kty": "RSA", "e": "AQAB", '
            f'"n": "{v.b64url(r.randbytes(256))}", "use": "sig"}}]}}'
        ),
        lambda r: f"Authorization: Bearer {v.unheralded_llama_api_key(r)}",
    ),
    "private_key": _p(
        lambda r: (
            f"-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n{v.b64(r.randbytes(48))}\n-----END PGP PUBLIC KEY BLOCK-----"
        ),
        lambda r: f'"tls": {{"cert": "{_uhd_pem(r, "CERTIFICATE", chr(92) + "n")}", "key": ""}}',
        lambda r: "keystore.path = ${dir.appdata}/keystore.jks",
    ),
    "url_credentials": _p(
        lambda r: 'from("ftp://edi.carrier.example/outbox?username=ediuser&password=RAW({{edi.password}})")',
        lambda r: "scan_to_folder=smb://nas01/scans (credentials from /etc/samba/scanner.cred)",
        lambda r: 'servers = ["tcp://mqtt.dock.example:1883"]',
        lambda r: "sftp://edi@edi.carrier.example:22/outbox (key auth)",
    ),
    "password_assignment": _p(
        lambda r: "ldap_default_authtok_type = password",
        lambda r: f"secure::db.password=![{v.b64(r.randbytes(32))}]",
        lambda r: "$CFG->dbpass = getenv('MOODLE_DB_PASSWORD');",
        lambda r: '"AuthenticationEnabled": true, "RegisteredUsers": {}',
        lambda r: "<pass>__DB_PASS__</pass>",
        lambda r: "JICOFO_AUTH_PASSWORD=",
    ),
    "sql_identified_by": _p(
        lambda r: "ALTER USER TMS_APP IDENTIFIED EXTERNALLY;",
        lambda r: "CREATE USER 'koha_lib'@'localhost' IDENTIFIED VIA unix_socket;",
    ),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer null",
        lambda r: 'WWW-Authenticate: Bearer realm="GoCardless", error="invalid_token"',
        lambda r: "authorization: Bearer {{canvas_token}}",
    ),
    "basic_auth": _p(
        lambda r: "Authorization: Basic [Redacted]",
        lambda r: 'WWW-Authenticate: Basic realm="Sendcloud Panel API"',
        lambda r: "Proxy-Authorization: Basic ${PROXY_AUTH}",
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: CASTGC=; Max-Age=0; Path=/cas; Secure; HttpOnly",
        lambda r: "Cookie: KohaOpacLanguage=br; bib_list=",
        lambda r: f"Cookie: XSRF-TOKEN={rand(r, ALNUM, 40)}%3D",
        lambda r: f"session.timeout={r.randrange(10, 120)}m",
    ),
    "auth_token_assignment": _p(
        lambda r: "GET /webservice/rest/server.php?wstoken=&wsfunction=core_webservice_get_site_info",
        lambda r: '[[outputs.influxdb_v2]]\n  token = "@{secretstore:influx_token}"',
        lambda r: f"token_expiry={r.randrange(300, 86400)}",
    ),
    "generic_secret": _p(
        lambda r: "X-Postmark-Server-Token: POSTMARK_API_TEST",
        lambda r: (
            f'{{"app_id": "{v.unheralded_uuid(r)}", '
            f'"include_aliases": {{"external_id": ["pet-owner-{r.randrange(100, 999)}"]}}}}'
        ),
        lambda r: f"FCM sender id {r.randrange(10**11, 10**12)} (public)",
        lambda r: "Fastly-Key: ${FASTLY_API_TOKEN}",
        lambda r: f"mule.key=![{v.b64(r.randbytes(24))}]",
    ),
    "password_hash": _p(
        lambda r: f"UPDATE auth_user SET password = '!{rand(r, ALNUM, 40)}' WHERE id = {r.randrange(2, 400)};",
        lambda r: "USR02 export (CODVN F): FREIGHT01$0000000000000000000000000000000000000000",
        lambda r: "root:*:1768300000:0:0",
        lambda r: f"sha512sum manifest-2026-01.csv: {hashlib.sha512(r.randbytes(16)).hexdigest()}",
        lambda r: "derby.authentication.builtin.algorithm=SHA-256",
        lambda r: "UPDATE User_ SET passwordEncrypted = 1, passwordReset = 1 WHERE userId = 20130;",
    ),
    "credential_phrase": _p(
        lambda r: "Ankouaet ho ker-tremen?",
        lambda r: "Wachtwurd fergetten?",
        lambda r: "Avete scurdatu a vostra parolla d'intrata?",
        lambda r: "Ua poina iā ʻoe kāu ʻōlelo hūnā?",
        lambda r: "Nde resarái piko nde ñe'ẽñemi?",
        lambda r: "The portal will ask you to choose a password at first login.",
    ),
    "email": _p(
        lambda r: (
            f"Content-ID: <image00{r.randrange(1, 9)}.png@01DC{rand(r, HEX, 4).upper()}.{rand(r, HEX, 8).upper()}>"
        ),
        lambda r: "kinit HTTP/cas01.school.lan@SCHOOL.LAN -k -t /etc/cas/http.keytab",
        lambda r: f"image registry.dock.example/vet-lab-bridge@sha256:{rand(r, HEX, 64)}",
        lambda r: "git@bitbucket.org:noordhaven/edi-maps.git",
    ),
    "ipv4": _p(
        lambda r: "printer-state OID 1.3.6.1.2.1.25.3.5.1.1 polled",
        lambda r: f"HS code 8471.{r.randrange(10, 99)}.{r.randrange(10, 99)}.00",
        lambda r: f"Moodle 4.5.{r.randrange(1, 6)}+ (Build: 202501{r.randrange(10, 28)})",
    ),
    "ipv6": _p(
        lambda r: (
            f"(2026-01-14 {r.randrange(10, 23)}:{r.randrange(10, 59)}:{r.randrange(10, 59)}:"
            f"{r.randrange(10**5, 10**6)})"
        ),
        lambda r: f"MSH-7 202601{r.randrange(10, 28)}{r.randrange(10, 23)}{r.randrange(10, 59)}{r.randrange(10, 59)}",
    ),
    "phone": _p(
        lambda r: f"rappel {v.unheralded_invalid_phone(r, _uhd_regions())}",
        lambda r: f"microchip {v.unheralded_microchip(r, _uhd_regions())}",
        lambda r: f"container {v.unheralded_container_no(r)} gated in",
        lambda r: f"UPS {v.unheralded_ups_tracking(r)}",
        lambda r: f"front desk (sample): +1 441 555 01{r.randrange(10, 99)}",
    ),
    "payment_card": _p(
        lambda r: v.unheralded_iso8583(r, masked=True),
        lambda r: f"card_number: {int(v.unheralded_card_number(r, 'visa')[:6]) / 10**5:.5f}E+15",
        lambda r: f"microchip {v.unheralded_microchip(r, _uhd_regions())} scanned",
        lambda r: f"BIN {v.unheralded_card_number(r, 'amex')[:6]} (American Express, US)",
    ),
    "iban": _p(
        lambda r: f"SEPA creditor id {v.unheralded_creditor_id(r)}",
        lambda r: f"mededeling {v.unheralded_ogm(r)}",
        lambda r: f"IBAN FR76 **** **** **** **** ***{rand(r, string.digits, 1)} {rand(r, string.digits, 3)}",
        lambda r: (
            f'{{"sepa_debit": {{"bank_code": "{rand(r, string.digits, 5)}", "country": "FR", '
            f'"last4": "{rand(r, string.digits, 4)}"}}}}'
        ),
        lambda r: f"TVA intracommunautaire FR{rand(r, string.digits, 2)}{rand(r, string.digits, 9)}",
        lambda r: f"mandate rejected: {v.unheralded_iban(r, valid=False, country='ES')} fails its check digits",
    ),
}

# Own negatives that truthfully hold another class: a Llama API key in a Bearer header (a bearer token, no JWT).
UNHERALDED_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("jwt", 3): frozenset({"bearer_token"}),
}

# ---------------------------------------------------------------------------- the unnoticed split's own shapes
#
# Written for the twenty-sixth split only, by a twentieth session that did not read the rules
# (``build_corpus("unnoticed")`` puts them before the shared generators, as for the splits since hidden): values in
# Airbyte connector configs, Argo Workflows templates and step output, Milvus' ``milvus.yaml``, Velero's credentials
# files, BentoML and BentoCloud commands, Label Studio's environment, Uptime Kuma's monitors and notifications,
# Redpanda's and Redpanda Console's configs, cloud-init user data, Wazuh's ``ossec.conf``, Portainer's git stacks,
# Jellyfin, Pi-hole, Jetty, Samba, Graylog and ASP.NET Membership stores, Okta user imports, REDCap's API, PNR
# elements (form of payment, SSR CTCE and CTCM), ISO 20022 pacs.008, SWIFT MT101, SAP Business Partner, Xero,
# Revolut Business, Airwallex and Stripe Connect bodies, CyberSource SOAP and Authorize.net AIM requests, iCalendar
# invitations and a utility's direct-debit notice; keys of vendors with no detector of their own (Supabase, HubSpot,
# Typeform, Buildkite, JFrog, Heroku, Doppler and Grafana Cloud as bearers; Chargebee, Confluent Cloud, Uptime Kuma,
# Medidata Rave, the Redpanda Admin API and the Wazuh API in Basic auth; Dynatrace's ``Api-Token`` and NLP Cloud's
# ``Token`` schemes, ClickUp's bare ``Authorization``, Postman's ``X-Api-Key``, Honeycomb's ``X-Honeycomb-Team``,
# SerpApi's query key, Authorize.net's ``transactionKey`` and Duo's ``skey``; 1Password service-account, Label Studio,
# REDCap and Pipedrive tokens as token assignments), JWTs of new issuers (Supabase Auth, WorkOS AuthKit, Sign in with
# Apple, Mux signed playback, PingOne, FusionAuth), session cookies of OpenSearch Dashboards (Wazuh's dashboard), AWX,
# Passbolt, mod_auth_mellon, mod_auth_cas, WebSphere LTPA and Oracle Access Manager, password hashes of eight
# families, cards of new BIN ranges joined by soft hyphens or word joiners, in full-width digits or on four lines,
# IBANs of six countries in new payment shapes, phone numbers of eight new regions and sentences in Kalaallisut,
# Tahitian, Papiamento, Romansh and Sardinian; and look-alikes that are not findings (Airbyte's ``**********`` masks,
# 1Password ``op://`` references, Kubernetes ``secretKeyRef``s, Twilio account SIDs, ``apikey`` as SendGrid's SMTP user,
# Duo's signed Basic header, mod_auth_mellon's ``cookietest``, App Service's unsigned principal header, Coinbase key
# names, RF creditor references, LEIs, ISINs, Swiss metering-point ids, Greenlandic account numbers without an IBAN,
# OBIS codes, EUI-64 radio addresses, C++ scopes, Message-IDs, scoped npm packages, e-ticket numbers, PNR locators,
# MedDRA codes, meter serials and firmware checksums). ``UNNOTICED_NEGATIVE_LABELS`` gives the true labels of the few
# own negatives that hold another class.


def _unt_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _unt_password(r: random.Random) -> str:
    return v.unnoticed_password(r)


def _unt_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unnoticed_password(r), safe="")


def _unt_phone(r: random.Random, international_only: bool = False) -> str:
    return v.unnoticed_phone(r, _unt_regions(), international_only)


def _unt_ctcm_digits(phone: str) -> str:
    """A phone number as an SSR CTCM element carries it: its digits only, the country code first, no ``+`` or ``00``."""
    return "".join(c for c in phone if c.isdigit()).removeprefix("00")


def _unt_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _unt_amount(r: random.Random) -> str:
    return f"{r.randrange(20, 4000)}.{r.randrange(0, 100):02d}"


def _unt_bic(r: random.Random, country: str) -> str:
    """A BIC of a bank in ``country`` (an identifier of the bank, no account)."""
    return pick(
        r,
        *{
            "GL": ("GRENGLGX", "BANKGLGX"),
            "GI": ("NWBKGIGI", "BARCGIGI", "JYBAGIGI"),
            "LI": ("LILALI2X", "BLFLLI2X", "VPBVLI2X"),
            "SM": ("CSSMSMSM", "BSDISMSD", "ICSMSMSM"),
            "FR": ("BNCANCNX", "BCINNCNC", "BPOLPFTP", "SOCBPFTX"),
            "IT": ("SARDIT31", "BCITITMM", "UNCRITMM"),
        }[country],
    )


def _unt_country(iban: str) -> str:
    return iban[:2]


def _unt_pacs008(r: random.Random, iban: str) -> str:
    """An ISO 20022 pacs.008 credit transfer's transaction: the debtor's account as its IBAN, the creditor's agent and
    a remittance line (one account only)."""
    compact = iban.replace(" ", "")
    return (
        f"<CdtTrfTxInf><PmtId><InstrId>RFND-{v.unnoticed_record_locator(r)}</InstrId><EndToEndId>E2E-"
        f'{v.rand(r, v.UPPER, 12)}</EndToEndId></PmtId><IntrBkSttlmAmt Ccy="EUR">{_unt_amount(r)}</IntrBkSttlmAmt>'
        f"<ChrgBr>SLEV</ChrgBr><Dbtr><Nm>{pick(r, 'Aircalin SA', 'LKW Energie AG', 'Sardegna Trials Srl')}</Nm></Dbtr>"
        f"<DbtrAcct><Id><IBAN>{compact}</IBAN></Id></DbtrAcct><DbtrAgt><FinInstnId><BICFI>"
        f"{_unt_bic(r, _unt_country(compact))}</BICFI></FinInstnId></DbtrAgt><RmtInf><Ustrd>refund "
        f"{v.unnoticed_record_locator(r)}</Ustrd></RmtInf></CdtTrfTxInf>"
    )


def _unt_mt101(r: random.Random, iban: str) -> str:
    """A SWIFT MT101 request for transfer's sequence A and B: the ordering customer's account as ``:50H:/IBAN``, the
    beneficiary by name and BIC only."""
    compact = iban.replace(" ", "")
    return "\n".join(
        (
            f":20:MT101-{r.randrange(10**5, 10**6)}",
            ":28D:1/1",
            f":50H:/{compact}",
            pick(r, "LKW ENERGIE AG", "AIR GREENLAND A/S", "CASSA TRIALS SRL"),
            f":30:2601{r.randrange(10, 28)}",
            f":21:PAY-{v.rand(r, v.UPPER, 8)}",
            f":32B:EUR{_unt_amount(r).replace('.', ',')}",
            f":57A:{pick(r, 'DEUTDEFF', 'COBADEFF', 'UBSWCHZH80A')}",
            f":59:{pick(r, 'HEAD-END SUPPLIER GMBH', 'CRO PARTNER LTD', 'FUEL SERVICES SA')}",
            ":71A:SHA",
        )
    )


def _unt_sap_bp(r: random.Random, iban: str) -> str:
    """An SAP S/4HANA ``API_BUSINESS_PARTNER`` bank entity (``A_BusinessPartnerBank``) with the partner's IBAN."""
    compact = iban.replace(" ", "")
    body = {
        "BusinessPartner": str(r.randrange(10**6, 10**7)),
        "BankIdentification": "0001",
        "BankCountryKey": _unt_country(compact),
        "BankName": {
            "GL": "GrønlandsBANKEN",
            "GI": "Gibraltar International Bank",
            "LI": "Liechtensteinische Landesbank",
            "SM": "Cassa di Risparmio della Repubblica di San Marino",
            "FR": "Banque de Nouvelle-Calédonie",
            "IT": "Banco di Sardegna",
        }[_unt_country(compact)],
        "BankNumber": compact[5:10]
        if compact[:2] in ("SM", "IT")
        else compact[4:8]
        if compact[:2] in ("GL", "GI")
        else compact[4:9],
        "SWIFTCode": _unt_bic(r, _unt_country(compact)),
        "BankAccountHolderName": pick(r, "Aviaja Lynge", "Kieran Bossino", "Ursina Caduff", "Giuanne Piras"),
        "IBAN": compact,
        "BankAccount": "",
    }
    return json.dumps(body)


def _unt_xero(r: random.Random, iban: str) -> str:
    """A Xero ``Contacts`` payload: the supplier's name and its bank details as Xero stores them (one string)."""
    body = {
        "Contacts": [
            {
                "Name": pick(r, "Nukissiorfiit", "Gibtelecom", "Aqualectra", "Enercal", "EDT Engie"),
                "IsSupplier": True,
                "BankAccountDetails": iban,
                "DefaultCurrency": "EUR",
            }
        ]
    }
    return json.dumps(body)


def _unt_revolut(r: random.Random, iban: str) -> str:
    """A Revolut Business ``/counterparty`` request: a company paid by IBAN and BIC."""
    compact = iban.replace(" ", "")
    body = {
        "company_name": pick(r, "Atelier Vaduz AG", "Borgo Ricerche Srl", "Pacific Catering SARL"),
        "bank_country": _unt_country(compact),
        "currency": "EUR",
        "iban": compact,
        "bic": _unt_bic(r, _unt_country(compact)),
    }
    return json.dumps(body)


def _unt_airwallex(r: random.Random, iban: str) -> str:
    """An Airwallex ``beneficiaries/create`` body: the beneficiary's bank details with its IBAN."""
    compact = iban.replace(" ", "")
    body = {
        "beneficiary": {
            "entity_type": "COMPANY",
            "company_name": pick(r, "Nuuk Ground Handling ApS", "Punda Site Services BV", "Titano Lab Srl"),
            "bank_details": {
                "account_currency": "EUR",
                "account_name": "Accounts Payable",
                "bank_country_code": _unt_country(compact),
                "iban": compact,
                "swift_code": _unt_bic(r, _unt_country(compact)),
            },
        },
        "transfer_methods": ["SWIFT"],
    }
    return json.dumps(body)


def _unt_stripe_form(r: random.Random, iban: str) -> str:
    """A Stripe Connect ``external_accounts`` request body (form-encoded) with the IBAN as the account number."""
    compact = iban.replace(" ", "")
    country = _unt_country(compact)
    fields = {
        "external_account[object]": "bank_account",
        "external_account[country]": country,
        "external_account[currency]": "eur",
        "external_account[account_holder_name]": pick(r, "Teva Tetuanui", "Corinne Frommelt", "Matteo Gatti"),
        "external_account[account_number]": compact,
    }
    return urllib.parse.urlencode(fields)


def _unt_debit_notice(r: random.Random, iban: str) -> str:
    """A utility's direct-debit notice on a bill (French, as New Caledonia's and Tahiti's utilities print it): the
    mandate's reference (RUM), the creditor's id (ICS) and the debited IBAN."""
    rum = f"RUM-{pick(r, 'ENC', 'EDT', 'EEC')}-{r.randrange(10**6, 10**7)}"
    ics = f"FR{r.randrange(10, 99)}ZZZ{r.randrange(100000, 999999)}"
    return (
        f"Prélèvement SEPA le 2026-02-{r.randrange(10, 28)} : {_unt_amount(r)} EUR | RUM {rum} | ICS {ics} | "
        f"compte débité {iban}"
    )


def _unt_iron(r: random.Random) -> str:
    """An @hapi/iron sealed value (``Fe26.2``): the password id (empty), the encryption salt and IV, the ciphertext,
    the expiry (empty), the HMAC salt and the HMAC."""
    return (
        f"Fe26.2**{rand(r, HEX, 64)}*{v.b64url(r.randbytes(16))}*{v.b64url(r.randbytes(r.randrange(96, 200)))}**"
        f"{rand(r, HEX, 64)}*{v.b64url(r.randbytes(32))}"
    )


def _unt_cybersource(r: random.Random, pan: str) -> str:
    """A CyberSource SOAP ``requestMessage``'s card element."""
    return (
        '<requestMessage xmlns="urn:schemas-cybersource-com:transaction-data-1.211">'
        "<merchantID>lkw_energie</merchantID>"
        f"<merchantReferenceCode>TOPUP-{rand(r, v.UPPER, 8)}</merchantReferenceCode><card><accountNumber>{pan}"
        f"</accountNumber><expirationMonth>{r.randrange(1, 13):02d}</expirationMonth><expirationYear>20"
        f'{r.randrange(27, 31)}</expirationYear></card><ccAuthService run="true"/></requestMessage>'
    )


def _unt_ocr_card(r: random.Random) -> str:
    """A card read off a photo by OCR: the cardholder's line, then the number's groups on lines of their own."""
    digits = v.unnoticed_card_number(r, pick(r, "visa", "mastercard", "jcb"))
    groups = "\n".join(digits[i : i + 4] for i in range(0, 16, 4))
    return f"ocr_text:\nVALID THRU {r.randrange(1, 13):02d}/{r.randrange(27, 31)}\n{groups}\nDEBIT"


def _unt_jaas(r: random.Random) -> str:
    """A Kafka client's JAAS line for Confluent Cloud: the API key as the user, its secret as the password."""
    key, secret = v.unnoticed_confluent_pair(r)
    return (
        "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
        f'username="{key}" password="{secret}";'
    )


def _unt_authnet(r: random.Random) -> str:
    """An Authorize.net JSON request's merchant authentication: the API login id and the transaction key."""
    login, key = v.unnoticed_authnet_pair(r)
    return (
        '{"createTransactionRequest": {"merchantAuthentication": '
        f'{{"name": "{login}", "transactionKey": "{key}"}}, "refId": "{r.randrange(10**5, 10**6)}"}}}}'
    )


def _unt_duo(r: random.Random) -> str:
    """A Duo application's section of ``authproxy.cfg``: the integration key, the secret key and the API host."""
    ikey, skey = v.unnoticed_duo_pair(r)
    return f"[duo_only_client]\nikey={ikey}\nskey={skey}\napi_host=api-{rand(r, HEX, 8)}.duosecurity.com"


UNNOTICED_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f"ml-backend env: OPENAI_API_KEY={v.openai_legacy(r)} LABEL_STUDIO_URL=http://label-studio:8080",
    ),
    "openai_project_key": _p(
        lambda r: (
            f'{{"destinationType": "milvus", "embedding": {{"mode": "openai", "openai_key": "{v.openai_project(r)}"}}, '
            '"indexing": {"collection": "fare_rules"}}'
        ),
        lambda r: f"bentoml secret create openai OPENAI_API_KEY={v.openai_project(r)}",
    ),
    "anthropic_api_key": _p(
        lambda r: f"env:\n  - name: ANTHROPIC_API_KEY\n    value: {v.anthropic(r)}",
        lambda r: f'{{"llm": {{"provider": "anthropic", "api_key": "{v.anthropic(r)}"}}}}',
    ),
    "deepseek_api_key": _p(
        lambda r: f'{{"type": "http", "headers": "{{\\"Authorization\\": \\"Bearer {v.deepseek(r)}\\"}}"}}',
    ),
    "aws_access_key_id": _p(
        lambda r: f"[default]\naws_access_key_id = {v.aws_key_id(r)}",
        lambda r: f"minio:\n  address: s3.eu-central-2.amazonaws.com\n  accessKeyID: {v.aws_key_id(r)}\n  useSSL: true",
    ),
    "aws_secret_access_key": _p(
        lambda r: f"[default]\naws_secret_access_key = {v.aws_secret(r)}",
        lambda r: f"minio:\n  secretAccessKey: {v.aws_secret(r)}\n  bucketName: milvus-trial-docs",
    ),
    "aws_session_token": _p(lambda r: f'export AWS_SESSION_TOKEN="{v.aws_session_token(r)}"'),
    "github_classic_token": _p(
        lambda r: (
            '{"RepositoryURL": "https://github.com/lkw-ops/meter-sync", "RepositoryAuthentication": true, '
            f'"RepositoryUsername": "lkw-bot", "RepositoryPassword": "{v.github_token(r, "ghp")}"}}'
        ),
    ),
    "github_oauth_token": _p(lambda r: f"  ✓ Token: {v.github_token(r, 'gho')}"),
    "github_app_token": _p(
        lambda r: (
            f'{{"sourceType": "github", "credentials": {{"option_title": "OAuth Credentials", '
            f'"access_token": "{v.github_token(r, "ghu")}"}}}}'
        ),
    ),
    "github_refresh_token": _p(
        lambda r: f'{{"refresh_token": "{v.github_token(r, "ghr")}", "refresh_token_expires_in": 15897600}}',
    ),
    "github_fine_grained_token": _p(lambda r: f"RENOVATE_TOKEN=github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)}"),
    "gitlab_token": _p(
        lambda r: f'{{"RepositoryUsername": "oauth2", "RepositoryPassword": "glpat-{rand(r, ALNUM + "_-", 20)}"}}',
    ),
    "slack_token": _p(
        lambda r: (
            '{"sourceType": "slack", "credentials": {"option_title": "API Token Credentials", '
            f'"api_token": "{v.slack_token(r)}"}}}}'
        ),
    ),
    "slack_webhook": _p(
        lambda r: (
            "<integration>\n  <name>slack</name>\n  <hook_url>https://hooks.slack.com/services/"
            f"T{rand(r, v.UPPER, 10)}/B{rand(r, v.UPPER, 10)}/{rand(r, ALNUM, 24)}</hook_url>\n"
            "  <level>10</level>\n  <alert_format>json</alert_format>\n</integration>"
        ),
    ),
    "stripe_key": _p(
        lambda r: (
            f'{{"sourceType": "stripe", "account_id": "acct_{rand(r, ALNUM, 16)}", "client_secret": '
            f'"{v.stripe_key(r)}", "start_date": "2025-01-01T00:00:00Z"}}'
        ),
    ),
    "google_api_key": _p(
        lambda r: (
            "https://maps.googleapis.com/maps/api/staticmap?center=NTAA&zoom=11&size=640x320"
            f"&key=AIza{rand(r, ALNUM + '_-', 35)}"
        ),
    ),
    "google_oauth_client_secret": _p(
        lambda r: (
            '{"sourceType": "google-sheets", "credentials": {"auth_type": "Client", "client_id": '
            f'"{r.randrange(10**11, 10**12)}-{rand(r, string.ascii_lowercase + string.digits, 32)}'
            f'.apps.googleusercontent.com", "client_secret": "GOCSPX-{rand(r, ALNUM + "_-", 28)}"}}}}'
        ),
    ),
    "gcp_oauth_token": _p(lambda r: f"$ gcloud auth print-access-token\nya29.{rand(r, v.B64URL, 160)}"),
    "twilio_api_key": _p(lambda r: f'{{"type": "twilio", "twilioApiKey": "SK{rand(r, HEX, 32)}"}}'),
    "sendgrid_api_key": _p(
        lambda r: (
            f"EMAIL_HOST=smtp.sendgrid.net EMAIL_HOST_PASSWORD=SG.{rand(r, ALNUM + '_-', 22)}."
            f"{rand(r, ALNUM + '_-', 43)}"
        ),
    ),
    "huggingface_token": _p(lambda r: f"bentoml secret create hf HF_TOKEN=hf_{rand(r, ALNUM, 34)}"),
    "npm_token": _p(lambda r: f"npm config set //registry.npmjs.org/:_authToken npm_{rand(r, ALNUM, 36)}"),
    "pypi_token": _p(lambda r: f"uv publish --token pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}"),
    "shopify_token": _p(
        lambda r: (
            '{"sourceType": "shopify", "shop": "tiare-duty-free", "credentials": {"auth_method": "api_password", '
            f'"api_password": "shpat_{rand(r, HEX, 32)}"}}}}'
        ),
    ),
    "digitalocean_token": _p(lambda r: f"DIGITALOCEAN_TOKEN=dop_v1_{rand(r, HEX, 64)}"),
    "telegram_bot_token": _p(
        lambda r: (
            f'{{"type": "telegram", "telegramBotToken": "{r.randrange(10**9, 8 * 10**9)}:AA'
            f'{rand(r, ALNUM + "_-", 33)}", "telegramChatID": "@lkw_meter_alerts"}}'
        ),
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "storage sync failed for connection DefaultEndpointsProtocol=https;AccountName=labelstoretrial;"
            f"AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net"
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            "https://labelstoretrial.blob.core.windows.net/tasks/ecg_0042.png?sv=2025-01-05&se=2026-02-01T00:00:00Z"
            f"&sr=b&sp=r&sig={v.azure_sas_sig(r)}"
        ),
    ),
    "clickhouse_cloud_key": _p(lambda r: f"CLICKHOUSE_CLOUD_KEY_SECRET={v.clickhouse_secret(r)}"),
    "jwt": _p(
        lambda r: f"Authorization: Bearer {v.unnoticed_supabase_jwt(r)}",
        lambda r: f"Authorization: Bearer {v.unnoticed_workos_jwt(r)}",
        lambda r: f'{{"identityToken": "{v.unnoticed_apple_id_token(r)}", "user": "{rand(r, HEX, 8)}"}}',
        lambda r: f"https://stream.mux.com/{rand(r, ALNUM, 44)}.m3u8?token={v.unnoticed_mux_jwt(r)}",
        lambda r: f"authorization: Bearer {v.unnoticed_pingone_jwt(r)}",
        lambda r: f"Cookie: app.at={v.unnoticed_fusionauth_jwt(r)}; app.at_exp=1768300000",
    ),
    "private_key": _p(
        lambda r: "ssh_keys:\n  ecdsa_private: |\n    " + v.unnoticed_ec_pem(r).replace("\n", "\n    "),
        lambda r: (
            f'{{"name": "{v.unnoticed_cdp_key_name(r)}", "privateKey": "{v.unnoticed_ec_pem(r, chr(92) + "n")}"}}'
        ),
        lambda r: f"head-end client key (DLMS gateway):\n{v.unnoticed_ec_pem(r)}",
    ),
    "url_credentials": _p(
        lambda r: f"dsn: postgres://meters:{_unt_url_password(r)}@pg-mdm.lkw.internal:5432/mdm?sslmode=require",
        lambda r: f"amqp://airbyte:{_unt_url_password(r)}@rabbitmq.ops.internal:5672/%2F",
        lambda r: f"sftp://ssim:{_unt_url_password(r)}@sftp.schedules.example/SSIM/inbound/",
        lambda r: f"mqtts://meter-gw:{_unt_url_password(r)}@broker.lkw.example:8883",
    ),
    "password_assignment": _p(
        lambda r: f"common:\n  security:\n    authorizationEnabled: true\n    defaultRootPassword: {_unt_password(r)}",
        lambda r: f"WAZUH_REGISTRATION_PASSWORD={_unt_password(r)}",
        lambda r: f"LABEL_STUDIO_PASSWORD={_unt_password(r)}",
        lambda r: f"chpasswd:\n  users:\n    - name: ops\n      password: {_unt_password(r)}\n      type: text",
        lambda r: f"kafka:\n  sasl:\n    enabled: true\n    username: console\n    password: {_unt_password(r)}",
        lambda r: _unt_jaas(r),
    ),
    "sql_identified_by": _p(
        lambda r: f"CREATE USER 'pss_ro'@'%' IDENTIFIED BY '{_unt_password(r)}' PASSWORD EXPIRE INTERVAL 90 DAY;",
        lambda r: f'CREATE USER EDC_SYNC IDENTIFIED BY "{_unt_password(r)}" DEFAULT TABLESPACE EDC_DATA;',
    ),
    "bearer_token": _p(
        lambda r: f"Authorization: Bearer {v.unnoticed_supabase_pat(r)}",
        lambda r: f"authorization: Bearer {v.unnoticed_hubspot_token(r)}",
        lambda r: f"Authorization: Bearer {v.unnoticed_typeform_token(r)}",
        lambda r: f"Authorization: Bearer {v.unnoticed_buildkite_token(r)}",
        lambda r: f"Authorization: Bearer {v.unnoticed_jfrog_token(r)}",
        lambda r: f"Authorization: Bearer {v.unnoticed_heroku_key(r)}",
        lambda r: f"Authorization: Bearer {v.unnoticed_doppler_pat(r)}",
        lambda r: f"Authorization: Bearer {v.unnoticed_grafana_cloud_token(r)}",
    ),
    "basic_auth": _p(
        lambda r: f"Authorization: Basic {_unt_basic(v.unnoticed_chargebee_key(r), '')}",
        lambda r: f"Authorization: Basic {_unt_basic(*v.unnoticed_confluent_pair(r))}",
        lambda r: f"Authorization: Basic {_unt_basic('', f'uk{r.randrange(1, 9)}_{rand(r, ALNUM, 32)}')}",
        lambda r: f"Authorization: Basic {_unt_basic('edc.sync', _unt_password(r))}",
        lambda r: f"authorization: Basic {_unt_basic('admin', _unt_password(r))}",
        lambda r: f"Authorization: Basic {_unt_basic('wazuh-wui', _unt_password(r))}",
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: security_authentication={_unt_iron(r)}",
        lambda r: f"Cookie: awx_sessionid={rand(r, string.ascii_lowercase + string.digits, 32)}; userLoggedIn=true",
        lambda r: f"Cookie: passbolt_session={rand(r, string.ascii_lowercase + string.digits, 26)}",
        lambda r: f"Cookie: mellon-cookie={rand(r, HEX, 32)}",
        lambda r: f"Cookie: MOD_AUTH_CAS_S={rand(r, HEX, 32)}",
        lambda r: f"Cookie: LtpaToken2={v.b64(r.randbytes(r.randrange(180, 300)))}",
        lambda r: f"Cookie: OAMAuthnCookie_booking.aircalin.example:443={v.b64(r.randbytes(r.randrange(200, 320)))}",
    ),
    "auth_token_assignment": _p(
        lambda r: f"OP_SERVICE_ACCOUNT_TOKEN={v.unnoticed_op_service_token(r)}",
        lambda r: f"LABEL_STUDIO_USER_TOKEN={rand(r, HEX, 40)}",
        lambda r: f"token={v.unnoticed_redcap_token(r)}&content=record&action=export&format=json&type=flat",
        lambda r: f"GET /v1/deals?status=open&api_token={v.unnoticed_pipedrive_token(r)}",
    ),
    "generic_secret": _p(
        lambda r: f"Authorization: Api-Token {v.unnoticed_dynatrace_token(r)}",
        lambda r: f"X-Api-Key: {v.unnoticed_postman_key(r)}",
        lambda r: f"Authorization: {v.unnoticed_clickup_token(r)}",
        lambda r: f"Authorization: Token {v.unnoticed_nlpcloud_token(r)}",
        lambda r: f"X-Honeycomb-Team: {v.unnoticed_honeycomb_key(r)}",
        lambda r: f"GET /search.json?engine=google_flights&departure_id=PPT&api_key={rand(r, HEX, 64)}",
        lambda r: _unt_authnet(r),
        lambda r: _unt_duo(r),
    ),
    "password_hash": _p(
        lambda r: (
            f"UPDATE Users SET Password = '{v.unnoticed_password_hash(r, 'jellyfin')}' "
            f"WHERE Username = '{pick(r, 'lounge-tv', 'crew-rest', 'kiosk')}';"
        ),
        lambda r: f'[webserver.api]\n  pwhash = "{v.unnoticed_password_hash(r, "pihole_balloon")}"',
        lambda r: (
            f'{{"profile": {{"firstName": "Hina", "lastName": "T."}}, "credentials": {{"password": '
            f"{v.unnoticed_password_hash(r, 'okta_sha256')}}}}}"
        ),
        lambda r: f"meterops: {v.unnoticed_password_hash(r, 'jetty')}, admin, reader",
        lambda r: v.unnoticed_password_hash(r, "smbpasswd"),
        lambda r: (
            f"UPDATE auth_user SET password = '{v.unnoticed_password_hash(r, 'django_bcrypt')}' "
            f"WHERE id = {r.randrange(2, 400)};"
        ),
        lambda r: v.unnoticed_password_hash(r, "graylog_sha2"),
        lambda r: f"aspnet_Membership UserId={v.unnoticed_uuid(r)} {v.unnoticed_password_hash(r, 'aspnet_membership')}",
    ),
    "credential_phrase": _p(
        lambda r: f"Wi-Fi-p isertaataa tassaavoq {_unt_password(r)}",
        lambda r: f"O {_unt_password(r)} te parau huna o te Wi-Fi",
        lambda r: f"E kontraseña di e Wi-Fi ta {_unt_password(r)}",
        lambda r: f"Il pled-clav dal WLAN è {_unt_password(r)}",
        lambda r: f"Sa paràula segreta de su Wi-Fi est {_unt_password(r)}",
        lambda r: f"Crew lounge Wi-Fi password: {_unt_password(r)} (changes monthly)",
        lambda r: f"meter reader handheld reset, new password {_unt_password(r)}",
    ),
    "email": _p(
        lambda r: f"SSR CTCE YY HK1/{v.unnoticed_ssr_ctce(v.unnoticed_email(r))}",
        lambda r: f"ATTENDEE;CN=Participant;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{v.unnoticed_email(r)}",
        lambda r: f"Delivered-To: {v.unnoticed_email(r)}",
        lambda r: f"git config user.email {v.unnoticed_email(r)}",
        lambda r: (
            f"<global>\n  <email_notification>yes</email_notification>\n  <email_to>{v.unnoticed_email(r)}</email_to>"
        ),
        lambda r: f'{{"type": "smtp", "smtpTo": "{v.unnoticed_email(r)}", "smtpSecure": true}}',
        lambda r: f"label-studio user --username {v.unnoticed_email(r)}",
        lambda r: f'[{{"record_id": "GL-003-{r.randrange(100, 999)}", "email": "{v.unnoticed_email(r)}"}}]',
    ),
    "ipv4": _p(
        lambda r: f"info: {v.ipv4(r)} booking.aircalin.example. A IN",
        lambda r: f'"data": {{"srcip": "{v.ipv4(r)}", "srcuser": "edc.sync"}}',
        lambda r: f"[address={v.ipv4(r)}:19530] [nodeID={r.randrange(1, 30)}]",
        lambda r: f"network:\n  ethernets:\n    eth0:\n      addresses: [{v.ipv4(r)}/24]",
        lambda r: f"kafka rpc peer {v.ipv4(r)}:{r.randrange(30000, 60000)} disconnected",
    ),
    "ipv6": _p(
        lambda r: f"info: {v.ipv6(r)} edc.sardtrial.example. AAAA IN",
        lambda r: f"advertised_kafka_api: [{{address: '{v.ipv6(r)}', port: 9092}}]",
    ),
    "phone": _p(
        lambda r: f"SSR CTCM YY HK1/{_unt_ctcm_digits(_unt_phone(r, True))}",
        lambda r: f"Sianerfigisinnaavinga normumut {_unt_phone(r)}",
        lambda r: f"A niuniu mai ia'u i ni'a i te {_unt_phone(r)}",
        lambda r: f"Yama mi na {_unt_phone(r)}",
        lambda r: f"Telefonai a mi sin il {_unt_phone(r)}",
        lambda r: f"Tzèrria·mi a su {_unt_phone(r)}",
        lambda r: f'[{{"record_id": "PF-011-{r.randrange(100, 999)}", "phone_number": "{_unt_phone(r)}"}}]',
        lambda r: f'{{"profile": {{"firstName": "Teva", "mobilePhone": "{_unt_phone(r, True)}"}}}}',
    ),
    "payment_card": _p(
        lambda r: f"  5 {v.unnoticed_fop(r)}",
        lambda r: _unt_cybersource(r, v.unnoticed_card_number(r)),
        lambda r: (
            f"x_login={rand(r, ALNUM, 10)}&x_type=AUTH_CAPTURE&x_amount={_unt_amount(r)}"
            f"&x_card_num={v.unnoticed_card_number(r)}&x_exp_date={r.randrange(1, 13):02d}{r.randrange(27, 31)}"
        ),
        lambda r: f"GET /pay/confirm?booking={v.unnoticed_record_locator(r)}&cc={v.unnoticed_card_number(r)}&exp=0928",
        lambda r: _unt_ocr_card(r),
        lambda r: f"card no. {v.unnoticed_card(r, sep=chr(0xAD))} (copied from the confirmation page)",
        lambda r: f"カード番号 {v.unnoticed_fullwidth(v.unnoticed_card(r, pick(r, 'jcb', 'visa'), sep=' '))} です",
        lambda r: (
            f'{{"clincard": {{"card_number": "{v.unnoticed_card_number(r, "mastercard")}", '
            f'"load_amount": "{r.randrange(25, 150)}.00", "visit": "V{r.randrange(2, 9)}"}}}}'
        ),
    ),
    "iban": _p(
        lambda r: _unt_pacs008(r, v.unnoticed_iban(r, country=pick(r, "FR", "IT", "LI"), grouped=False)),
        lambda r: _unt_mt101(r, v.unnoticed_iban(r, country=pick(r, "LI", "GI", "GL"), grouped=False)),
        lambda r: _unt_sap_bp(r, v.unnoticed_iban(r)),
        lambda r: _unt_xero(r, v.unnoticed_iban(r, grouped=True)),
        lambda r: _unt_revolut(r, v.unnoticed_iban(r, country=pick(r, "LI", "SM", "IT"))),
        lambda r: _unt_airwallex(r, v.unnoticed_iban(r, country=pick(r, "GL", "SM", "FR"))),
        lambda r: _unt_stripe_form(r, v.unnoticed_iban(r, country=pick(r, "FR", "IT", "LI"))),
        lambda r: _unt_debit_notice(r, v.unnoticed_iban(r, country="FR", grouped=True)),
    ),
}

UNNOTICED_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: "env:\n  - name: OPENAI_API_KEY\n    valueFrom:\n      secretKeyRef: {name: llm-keys, key: openai}",
    ),
    "openai_project_key": _p(
        lambda r: '{"destinationType": "milvus", "embedding": {"mode": "openai", "openai_key": "**********"}}',
    ),
    "anthropic_api_key": _p(
        lambda r: "bentoml secret create anthropic --from-literal ANTHROPIC_API_KEY=$ANTHROPIC_KEY"
    ),
    "deepseek_api_key": _p(lambda r: "DEEPSEEK_API_KEY=op://Ops/deepseek/credential"),
    "aws_access_key_id": _p(
        lambda r: f"arn:aws:iam::{v.unnoticed_digits(r, 12, _unt_regions())}:role/velero-backup assumed (IRSA)",
        lambda r: "credentialsFile: /credentials/cloud",
    ),
    "aws_secret_access_key": _p(lambda r: "minio:\n  secretAccessKey: ${MINIO_SECRET_KEY}"),
    "aws_session_token": _p(lambda r: 'export AWS_SESSION_TOKEN=""'),
    "github_classic_token": _p(
        lambda r: '{"RepositoryURL": "https://github.com/lkw-ops/meter-sync", "RepositoryAuthentication": false}',
    ),
    "github_oauth_token": _p(lambda r: "  ✓ Token: gho_************************************"),
    "github_app_token": _p(
        lambda r: f'{{"installation_id": {r.randrange(10**7, 10**8)}, "app_slug": "meter-sync-bot"}}'
    ),
    "github_refresh_token": _p(lambda r: '{"refresh_token_expires_in": 15897600, "scope": ""}'),
    "github_fine_grained_token": _p(lambda r: "RENOVATE_TOKEN=${{ secrets.RENOVATE_TOKEN }}"),
    "gitlab_token": _p(lambda r: 'gitlab-runner register --non-interactive --token "$RUNNER_TOKEN"'),
    "slack_token": _p(
        lambda r: '{"credentials": {"option_title": "API Token Credentials", "api_token": "**********"}}'
    ),
    "slack_webhook": _p(lambda r: "<integration>\n  <name>slack</name>\n  <hook_url>${SLACK_HOOK}</hook_url>"),
    "stripe_key": _p(lambda r: f'{{"sourceType": "stripe", "account_id": "acct_{rand(r, ALNUM, 16)}"}}'),
    "google_api_key": _p(
        lambda r: "https://maps.googleapis.com/maps/api/staticmap?center=NTAA&zoom=11&key=YOUR_API_KEY",
    ),
    "google_oauth_client_secret": _p(
        lambda r: (
            f'{{"client_id": "{r.randrange(10**11, 10**12)}-{rand(r, string.ascii_lowercase + string.digits, 32)}'
            '.apps.googleusercontent.com", "client_secret": "**********"}'
        ),
    ),
    "gcp_oauth_token": _p(
        lambda r: "$ gcloud auth print-access-token\nERROR: (gcloud.auth) You do not currently have an"
    ),
    "twilio_api_key": _p(lambda r: f'{{"type": "twilio", "twilioAccountSID": "AC{rand(r, HEX, 32)}"}}'),
    "sendgrid_api_key": _p(lambda r: "EMAIL_HOST=smtp.sendgrid.net EMAIL_HOST_USER=apikey EMAIL_PORT=587"),
    "huggingface_token": _p(lambda r: "bentoml secret create hf --from-env HF_TOKEN"),
    "npm_token": _p(lambda r: "$ npm config get //registry.npmjs.org/:_authToken\n(protected)"),
    "pypi_token": _p(lambda r: "uv publish --trusted-publishing always dist/*"),
    "shopify_token": _p(lambda r: '{"credentials": {"auth_method": "api_password", "api_password": "**********"}}'),
    "digitalocean_token": _p(lambda r: "DIGITALOCEAN_TOKEN="),
    "telegram_bot_token": _p(lambda r: '{"type": "telegram", "telegramBotToken": "", "telegramChatID": "@lkw_alerts"}'),
    "azure_storage_connection_string": _p(lambda r: "AccountName=labelstoretrial;AccountKey=**********"),
    "azure_sas_token": _p(lambda r: "https://labelstoretrial.blob.core.windows.net/tasks/ecg_0042.png"),
    "clickhouse_cloud_key": _p(lambda r: f"clickhouse cloud org {v.unnoticed_uuid(r)} service meter-reads"),
    "jwt": _p(
        lambda r: '{"identityToken": null, "authorizationCode": null}',
        lambda r: "Authorization: Bearer ${SUPABASE_ANON_KEY}",
        lambda r: (
            "x-ms-client-principal: "
            + v.b64(json.dumps({"auth_typ": "aad", "claims": [], "name_typ": "name", "role_typ": "roles"}).encode())
        ),
    ),
    "private_key": _p(
        lambda r: (
            f"ssh_authorized_keys:\n  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{rand(r, ALNUM + '+/', 43)} ops@nuuk"
        ),
        lambda r: "tls:\n  key_file: /etc/redpanda/certs/node.key\n  cert_file: /etc/redpanda/certs/node.crt",
        lambda r: f'{{"name": "{v.unnoticed_cdp_key_name(r)}", "privateKey": ""}}',
    ),
    "url_credentials": _p(
        lambda r: "amqp://airbyte@rabbitmq.ops.internal:5672/%2F",
        lambda r: "sftp://sftp.schedules.example/SSIM/inbound/ (key auth)",
        lambda r: "dsn: postgres://meters:${PGPASSWORD}@pg-mdm.lkw.internal:5432/mdm",
        lambda r: "mqtts://broker.lkw.example:8883 (username and password from /run/secrets/mqtt)",
    ),
    "password_assignment": _p(
        lambda r: "WAZUH_REGISTRATION_PASSWORD=",
        lambda r: "chpasswd:\n  expire: true",
        lambda r: "LABEL_STUDIO_PASSWORD_FILE=/run/secrets/ls_admin",
        lambda r: 'kafka:\n  sasl:\n    password: "{{ vault_redpanda_console_password }}"',
        lambda r: "ssh_pwauth: false\nlock_passwd: true",
    ),
    "sql_identified_by": _p(
        lambda r: "CREATE USER meter_ro IDENTIFIED WITH ldap SERVER 'lkw_ad';",
        lambda r: "CREATE USER EDC_AUDIT IDENTIFIED GLOBALLY AS 'CN=edc_audit,OU=svc,DC=sardtrial,DC=example';",
    ),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer **********",
        lambda r: "Authorization: Bearer $(cat /var/run/secrets/tokens/meter-sync)",
        lambda r: "Authorization: Bearer undefined",
    ),
    "basic_auth": _p(
        lambda r: (
            "GET /admin/v1/users?limit=100 HTTP/1.1\nHost: api-1a2b3c4d.duosecurity.com\n"
            f"X-Duo-Date: Tue, 14 Jan 2026 10:{r.randrange(10, 59)}:03 -0000\n"
            f"Authorization: Basic {_unt_basic(v.unnoticed_duo_pair(r)[0], rand(r, HEX, 40))}"
        ),
        lambda r: "Authorization: Basic Og==",
        lambda r: 'WWW-Authenticate: Basic realm="Redpanda Admin API"',
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: security_authentication=; Max-Age=0; Path=/; HttpOnly",
        lambda r: "Cookie: mellon-cookie=cookietest",
        lambda r: f"Cookie: csrftoken={rand(r, ALNUM, 64)}; django_language=rm",
        lambda r: 'Cookie: LtpaToken2=""',
        lambda r: f"Cookie: _pk_id.3.{rand(r, HEX, 4)}={rand(r, HEX, 16)}.1768300000.",
    ),
    "auth_token_assignment": _p(
        lambda r: "token=&content=metadata&format=json",
        lambda r: "LABEL_STUDIO_USER_TOKEN=${LS_TOKEN}",
        lambda r: "api_token_expires_at=2026-03-01T00:00:00Z",
    ),
    "generic_secret": _p(
        lambda r: "X-Api-Key: PMAK-xxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        lambda r: "X-Honeycomb-Team: ${HONEYCOMB_API_KEY}",
        lambda r: "[duo]\nikey = DIXXXXXXXXXXXXXXXXXX\nskey = <from vault: duo/meter-portal>",
        lambda r: f"coinbase cdp key {v.unnoticed_cdp_key_name(r)} (name only)",
        lambda r: "MEILI_MASTER_KEY=",
    ),
    "password_hash": _p(
        lambda r: "pbkdf2 iterations=210000 (Jellyfin default)",
        lambda r: (
            f"visits:{r.randrange(1001, 1200)}:NO PASSWORDXXXXXXXXXXXXXXXXXXXXX:NO PASSWORDXXXXXXXXXXXXXXXXXXXXX:"
            "[DU         ]:LCT-00000000:"
        ),
        lambda r: f"MD5 (meter-fw-4.2.{r.randrange(1, 9)}.bin) = {hashlib.md5(r.randbytes(16)).hexdigest()}",
        lambda r: '{"credentials": {"password": {"hook": {"type": "default"}}}}',
        lambda r: "root_password_sha2 = ",
    ),
    "credential_phrase": _p(
        lambda r: "Isertaatit puiguppiuk?",
        lambda r: "Ua mo'e ia 'oe tā 'oe parau huna?",
        lambda r: "Bo a lubidá bo kontraseña?",
        lambda r: "Emblidà Voss pled-clav?",
        lambda r: "T'est essida de mente sa paràula segreta?",
        lambda r: "Choose a password with at least 12 characters for the participant portal.",
    ),
    "email": _p(
        lambda r: f"npm install @bentoml/client@1.{r.randrange(0, 5)}.{r.randrange(0, 9)}",
        lambda r: f"Message-ID: <{rand(r, HEX, 16)}.{r.randrange(10**5, 10**6)}@mdm-he-03.lkw.internal>",
        lambda r: "SSR CTCE YY HK1/REFUSED",
        lambda r: "ssh -J jump@bastion.ops.internal meterops@mdm-he-03",
    ),
    "ipv4": _p(
        lambda r: f"OBIS 1.0.1.8.{r.randrange(0, 5)}.255 = {r.randrange(1000, 99999)}.{r.randrange(0, 999):03d} kWh",
        lambda r: f"Jellyfin.Server 10.10.{r.randrange(1, 8)}.0 started",
        lambda r: f"redpanda v25.{r.randrange(1, 3)}.{r.randrange(1, 9)} (rev {rand(r, HEX, 7)})",
    ),
    "ipv6": _p(
        lambda r: "exception: std::system_error (error system:111, Connection refused)",
        lambda r: "radio EUI-64 00:1A:2B:FF:FE:" + ":".join(rand(r, "0123456789ABCDEF", 2) for _ in range(3)),
        lambda r: f"seastar::timed_out_error after {r.randrange(1, 30)}s",
    ),
    "phone": _p(
        lambda r: f"rappel {v.unnoticed_invalid_phone(r, _unt_regions())}",
        lambda r: f"e-ticket {v.unnoticed_ticket_number(r, _unt_regions())}",
        lambda r: f"meter serial {v.unnoticed_digits(r, 8, _unt_regions())}",
        lambda r: f"MedDRA PT {v.unnoticed_digits(r, 8, _unt_regions(), lead='100')}",
        lambda r: f"NCT0{r.randrange(5000000, 7000000)} visit window ±3 days",
        lambda r: f"flight TN{r.randrange(10, 99)} / PNR {v.unnoticed_record_locator(r)}",
    ),
    "payment_card": _p(
        lambda r: f"  5 {v.unnoticed_fop(r, masked=True)}",
        lambda r: f"ETKT {v.unnoticed_ticket_number(r, _unt_regions()).replace('-', '')} issued",
        lambda r: _unt_cybersource(r, v.wrong_last_digit(r, v.unnoticed_card_number(r))),
        lambda r: f'{{"clincard": {{"card_last4": "{r.randrange(1000, 9999)}", "load_amount": "50.00"}}}}',
        lambda r: f"x_card_num=XXXX{r.randrange(1000, 9999)}&x_exp_date=XXXX",
        lambda r: f"kit {v.unnoticed_digits(r, 16, _unt_regions())} dispensed",
    ),
    "iban": _p(
        lambda r: f"Réf. paiement {v.unnoticed_rf_reference(r)}",
        lambda r: f"LEI {v.unnoticed_lei(r)}",
        lambda r: f"ISIN {v.unnoticed_isin(r)}",
        lambda r: f"metering point {v.unnoticed_metering_point(r)}",
        lambda r: f"Reg.nr. 6471 konto {v.unnoticed_digits(r, 10, _unt_regions())}",
        lambda r: f"IBAN GI** **** **** **** **** {r.randrange(100, 999)}",
        lambda r: f"payment rejected: {v.unnoticed_iban(r, valid=False, country=pick(r, 'GI', 'SM'))} (check digits)",
    ),
}

# Own negatives that truthfully hold another class: none so far.
UNNOTICED_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {}

# ---------------------------------------------------------------------------- the unremarked split's own shapes
#
# Written for the twenty-seventh split only, by a twenty-first session that did not read the rules
# (``build_corpus("unremarked")`` puts them before the shared generators, as for the splits since hidden): values in
# Dokku commands, Coolify environments and server keys, Tyk's ``tyk.conf``, Pulsar's ``client.conf``, Kestra flows and
# configuration, Windmill resources, Meltano commands and ``meltano.yml``, Linkerd's Helm values, Sentry Relay's
# credentials, Redash data sources and alert destinations, Strapi's ``.env`` and plugin configs, KEDA trigger
# authentications, Casdoor providers and users, Bitrix24 REST calls and ``dbconn.php``, YooKassa, Orange, MTN MoMo,
# PayDunya, Lyra (PayZen) and Checkout.com requests, an IVR's DTMF capture, a voice bot's transcript, ISO 20022 pain.001
# and camt.054 messages, Paysera, Tipalti, Deel, Currencycloud and Rapyd bodies, a BCEAO transfer order, vCards and a
# Sentry event; keys of vendors with no detector of their own (Stability AI, Luma, Runway, Airtable, Strapi, VK,
# T-Bank Invest and Meta as bearers; Yandex Cloud's ``Api-Key``, Deepgram's ``Token``, AssemblyAI's bare
# ``authorization``, FusionBrain's ``X-Key``/``X-Secret``, MTN MoMo's subscription key, PayDunya's headers, Akamai's
# ``.edgerc`` and Sentry Relay's ``credentials.json`` as secrets; YooKassa, Orange, Kestra, Pulsar and MoMo in Basic
# auth; PlanetScale, VK, Mapbox and T-Bank Invest tokens as token assignments), an OpenAI service-account key and an
# Anthropic Admin API key under their vendors' labels, JWTs of new issuers (Logto, Casdoor, Descope, Kinde, Ory
# Network, Google Cloud IAP, GitLab CI ID tokens, Stream Chat), session cookies of Coolify, Redash (Flask-Login's
# ``remember_token``), Appsmith (Spring Session's ``SESSION``), 1C-Bitrix, Casdoor, Ory Network and Windmill, password
# hashes of eight families, cards of new BIN ranges in pairs, spoiler bars, backticks, DTMF captures and payment
# forms, IBANs of five countries in new payment shapes, phone numbers of eight new regions and sentences in Bashkir,
# Occitan, Yiddish, Scottish Gaelic and Esperanto; and look-alikes that are not findings (Kestra ``{{ secret(...) }}``
# and Windmill ``$var:``/``$res:`` references, Coolify's ``SERVICE_PASSWORD_*`` magic variables, Stripe publishable
# keys, Tencent and Alibaba key ids, JWKS public keys, Yandex Metrica's ``_ym_uid``, GOST OIDs, 1C:Enterprise
# versions, Rust module paths, SSH MD5 fingerprints, systemd template units, image digests, Go module versions,
# Cloudflare's ``[email protected]``, Russian account numbers with their BIK, INNs, SNILS, UEMOA RIBs, IMSIs, IMEIs
# and ICCIDs, VINs, passport MRZs, STS unlock tokens and mobile-money references). ``UNREMARKED_NEGATIVE_LABELS`` gives
# the true labels of the few own negatives that hold another class.


def _urm_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _urm_password(r: random.Random) -> str:
    return v.unremarked_password(r)


def _urm_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unremarked_password(r), safe="")


def _urm_phone(r: random.Random, international_only: bool = False) -> str:
    return v.unremarked_phone(r, _urm_regions(), international_only)


def _urm_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _urm_amount(r: random.Random) -> str:
    return f"{r.randrange(20, 4000)}.{r.randrange(0, 100):02d}"


def _urm_bic(r: random.Random, country: str) -> str:
    """A BIC of a bank in ``country`` (an identifier of the bank, no account)."""
    return pick(
        r,
        *{
            "RU": ("SABRRUMM", "TICSRUMM", "ALFARUMM"),
            "XK": ("RBKOXKPR", "MBKOXKPR", "TEBKXKPR"),
            "ML": ("BDMAMLBA", "AFRIMLBA", "BIMAMLBA"),
            "SN": ("SGSNSNDA", "CBAOSNDA", "ECOCSNDA"),
            "FR": ("AGRIRERX", "BFCORERX", "CEPAFRPP"),
        }[country],
    )


def _urm_country(iban: str) -> str:
    return iban[:2]


def _urm_name(r: random.Random) -> str:
    return pick(
        r, "Aigul Yusupova", "Jean-Marc Payet", "Gloire Mbuyi", "Fatoumata Bah", "Oumar Traoré", "Arben Krasniqi",
        "Joaquin Taitano", "Leong Ka Wai",
    )  # fmt: skip


def _urm_pain001(r: random.Random, iban: str) -> str:
    """An ISO 20022 pain.001 payment information block: the debtor's account as the bank's own id (no IBAN), one
    transfer to the creditor's IBAN."""
    compact = iban.replace(" ", "")
    return (
        f"<PmtInf><PmtInfId>REFUNDS-{r.randrange(10**5, 10**6)}</PmtInfId><PmtMtd>TRF</PmtMtd><NbOfTxs>1</NbOfTxs>"
        f"<ReqdExctnDt><Dt>2026-01-{r.randrange(10, 28)}</Dt></ReqdExctnDt><Dbtr><Nm>Kinroute Location SAS</Nm></Dbtr>"
        f"<DbtrAcct><Id><Othr><Id>OPER-{rand(r, v.UPPER, 6)}</Id></Othr></Id></DbtrAcct><CdtTrfTxInf><PmtId>"
        f'<EndToEndId>DEP-{rand(r, v.UPPER, 10)}</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">{_urm_amount(r)}'
        f"</InstdAmt></Amt><CdtrAgt><FinInstnId><BICFI>{_urm_bic(r, _urm_country(compact))}</BICFI></FinInstnId>"
        f"</CdtrAgt><Cdtr><Nm>{_urm_name(r)}</Nm></Cdtr><CdtrAcct><Id><IBAN>{compact}</IBAN></Id></CdtrAcct>"
        "<RmtInf><Ustrd>caution location</Ustrd></RmtInf></CdtTrfTxInf></PmtInf>"
    )


def _urm_camt054(r: random.Random, iban: str) -> str:
    """An ISO 20022 camt.054 credit notification's entry: the amount, the booking date and the debtor's IBAN among the
    related parties."""
    compact = iban.replace(" ", "")
    return (
        f'<Ntry><Amt Ccy="EUR">{_urm_amount(r)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt>'
        f"<Dt>2026-01-{r.randrange(10, 28)}</Dt></BookgDt><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd>"
        "<SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls><Refs><EndToEndId>"
        f"VISA-{rand(r, v.UPPER, 9)}</EndToEndId></Refs><RltdPties><Dbtr><Pty><Nm>{_urm_name(r)}</Nm></Pty></Dbtr>"
        f"<DbtrAcct><Id><IBAN>{compact}</IBAN></Id></DbtrAcct></RltdPties></TxDtls></NtryDtls></Ntry>"
    )


def _urm_paysera(r: random.Random, iban: str) -> str:
    """A Paysera transfer request: the amount, the beneficiary's IBAN and the payer's Paysera account (EVP and digits,
    no IBAN)."""
    body = {
        "amount": {"amount": _urm_amount(r), "currency": "EUR"},
        "beneficiary": {"type": "bank", "name": _urm_name(r), "bank_account": {"iban": iban.replace(" ", "")}},
        "payer": {"account_number": "EVP" + v.unremarked_digits(r, 13, _urm_regions())},
        "purpose": {"details": f"kthim depozite {rand(r, v.UPPER, 6)}"},
    }
    return json.dumps(body, ensure_ascii=False)


def _urm_tipalti(r: random.Random, iban: str) -> str:
    """A Tipalti payee's payment details: bank transfer to an IBAN with the SWIFT code."""
    compact = iban.replace(" ", "")
    body = {
        "idap": f"driver-{rand(r, v.HEX, 10)}",
        "paymentMethod": "BankTransfer",
        "bankAccount": {"accountHolderName": _urm_name(r), "iban": compact, "swift": _urm_bic(r, compact[:2]),
                        "bankCountry": compact[:2], "currency": pick(r, "EUR", "XOF")},
    }  # fmt: skip
    return json.dumps(body)


def _urm_deel(r: random.Random, iban: str) -> str:
    """A Deel contractor's withdrawal method: a bank transfer with the IBAN and BIC."""
    compact = iban.replace(" ", "")
    body = {"data": {"type": "bank_transfer", "currency": "EUR",
                     "bank_details": {"account_holder": _urm_name(r), "iban": compact,
                                      "bic": _urm_bic(r, compact[:2]), "country": compact[:2]}}}  # fmt: skip
    return json.dumps(body)


def _urm_currencycloud(r: random.Random, iban: str) -> str:
    """A Currencycloud ``beneficiaries/create`` form body: the holder, the bank country, the IBAN and the BIC."""
    compact = iban.replace(" ", "")
    fields = {
        "name": f"refund-{rand(r, v.HEX, 6)}",
        "bank_account_holder_name": _urm_name(r),
        "bank_country": compact[:2],
        "currency": "EUR",
        "iban": compact,
        "bic_swift": _urm_bic(r, compact[:2]),
        "beneficiary_entity_type": "individual",
    }
    return urllib.parse.urlencode(fields)


def _urm_rapyd(r: random.Random, iban: str) -> str:
    """A Rapyd payout's beneficiary: an individual paid to a bank account by IBAN."""
    compact = iban.replace(" ", "")
    first, last = _urm_name(r).split(" ", 1)
    body = {"beneficiary": {"category": "bank", "country": compact[:2], "currency": pick(r, "XOF", "EUR"),
                            "entity_type": "individual", "first_name": first, "last_name": last, "iban": compact},
            "payout_method_type": f"{compact[:2].lower()}_general_bank"}  # fmt: skip
    return json.dumps(body, ensure_ascii=False)


def _urm_bceao_order(r: random.Random, iban: str) -> str:
    """A transfer order as a Malian or Senegalese agent types it (French): the beneficiary, the IBAN, the amount in
    CFA francs and the reason."""
    return (
        f"ORDRE DE VIREMENT N° {r.randrange(1000, 9999)} — Bénéficiaire : {_urm_name(r)} — IBAN : {iban} — Montant : "
        f"{r.randrange(10, 900)} 000 FCFA — Motif : commission agent kits solaires"
    )


def _urm_payzen(r: random.Random, pan: str) -> str:
    """A Lyra (PayZen) form post in silent mode: the ``vads_`` fields with the card number, its expiry and the form's
    signature (an HMAC, no secret)."""
    fields = {
        "vads_action_mode": "SILENT",
        "vads_amount": str(r.randrange(5000, 90000)),
        "vads_ctx_mode": "PRODUCTION",
        "vads_currency": "978",
        "vads_page_action": "PAYMENT",
        "vads_payment_config": "SINGLE",
        "vads_site_id": v.unremarked_digits(r, 8, _urm_regions()),
        "vads_trans_id": f"{r.randrange(0, 900000):06d}",
        "vads_version": "V2",
        "vads_card_number": pan,
        "vads_expiry_month": str(r.randrange(1, 13)),
        "vads_expiry_year": str(r.randrange(2027, 2031)),
        "signature": v.b64(r.randbytes(32)),
    }
    return urllib.parse.urlencode(fields)


def _urm_yookassa(r: random.Random, pan: str) -> str:
    """A YooKassa ``POST /v3/payments`` body with the card in ``payment_method_data``."""
    amount = {"value": f"{r.randrange(3000, 60000)}.00", "currency": "RUB"}
    card = {
        "number": pan,
        "expiry_year": str(r.randrange(2027, 2031)),
        "expiry_month": f"{r.randrange(1, 13):02d}",
        "cardholder": "AIGUL YUSUPOVA",
    }
    body = {
        "amount": amount,
        "payment_method_data": {"type": "bank_card", "card": card},
        "capture": False,
        "description": f"Залог за автомобиль, договор {rand(r, v.UPPER, 6)}",
    }
    return json.dumps(body, ensure_ascii=r.random() < 0.5)


def _urm_checkout(r: random.Random, pan: str) -> str:
    """A Checkout.com ``POST /payments`` body with a card source."""
    body = {
        "source": {"type": "card", "number": pan, "expiry_month": r.randrange(1, 13),
                   "expiry_year": r.randrange(2027, 2031), "name": "JOAQUIN TAITANO"},
        "amount": r.randrange(1000, 40000),
        "currency": "USD",
        "reference": f"VISA-FEE-{rand(r, v.UPPER, 8)}",
    }  # fmt: skip
    return json.dumps(body)


def _urm_dtmf(r: random.Random, pan: str) -> str:
    """An IVR's log of the digits a caller keyed in (a card number ended by ``#``)."""
    return (
        f"2026-01-{r.randrange(10, 28)}T{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:00Z ivr "
        f'call={v.unremarked_uuid(r)} node=deposit_card_entry collect: digits="{pan}#" attempts=1 timeout=false'
    )


def _urm_vcard(r: random.Random, line: str) -> str:
    return f"BEGIN:VCARD\nVERSION:3.0\nFN:{_urm_name(r)}\nORG:Kinroute\n{line}\nEND:VCARD"


def _urm_jwks(r: random.Random) -> str:
    """A JWKS document (public keys only)."""
    key = {"kty": "EC", "crv": "P-384", "kid": rand(r, v.B64URL, 43), "use": "sig", "alg": "ES384"}
    key |= {"x": v.b64url(r.randbytes(48)), "y": v.b64url(r.randbytes(48))}
    return json.dumps({"keys": [key]})


def _urm_linkerd_key(r: random.Random) -> str:
    """Linkerd's Helm values with the identity issuer's EC key inline."""
    body = v.b64(r.randbytes(121))
    pem = "\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    pem = f"-----BEGIN EC PRIVATE KEY-----\n{pem}\n-----END EC PRIVATE KEY-----"
    return "identity:\n  issuer:\n    tls:\n      keyPEM: |\n        " + pem.replace("\n", "\n        ")


def _urm_coolify_key(r: random.Random) -> str:
    """A Coolify server's private key as its API returns it (an OpenSSH key, newlines escaped)."""
    body = v.b64(b"openssh-key-v1\x00" + r.randbytes(r.randrange(300, 380)))
    lines = "\\n".join(body[i : i + 70] for i in range(0, len(body), 70))
    key = f"-----BEGIN OPENSSH PRIVATE KEY-----\\n{lines}\\n-----END OPENSSH PRIVATE KEY-----"
    server = rand(r, string.ascii_lowercase + string.digits, 24)
    return f'{{"uuid": "{server}", "name": "hetzner-fsn1", "private_key": "{key}"}}'


def _urm_dokku_cert(r: random.Random) -> str:
    """A heredoc writing a PKCS#8 key before ``dokku certs:add``."""
    body = v.b64(r.randbytes(r.randrange(600, 700)))
    lines = "\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    return (
        "cat > /tmp/payg.key <<'EOF'\n-----BEGIN PRIVATE KEY-----\n"
        f"{lines}\n-----END PRIVATE KEY-----\nEOF\ndokku certs:add payg-api /tmp/payg.crt /tmp/payg.key"
    )


def _urm_1c_export(r: random.Random) -> str:
    """A 1C:Enterprise client-bank export (``1CClientBankExchange``) of one payment order: Russian account numbers, BIKs
    and INNs, none an IBAN, a card or a phone number."""
    payer, payer_bik = v.unremarked_ru_account(r)
    payee, payee_bik = v.unremarked_ru_account(r)
    lines = [
        "1CClientBankExchange",
        "ВерсияФормата=1.03",
        "Кодировка=Windows",
        "СекцияДокумент=Платежное поручение",
        f"Номер={r.randrange(1, 999)}",
        f"Дата={r.randrange(10, 28)}.01.2026",
        f"Сумма={r.randrange(1000, 90000)}.00",
        f"ПлательщикСчет={payer}",
        f"ПлательщикИНН={v.unremarked_inn(r, person=True)}",
        f"ПлательщикБИК={payer_bik}",
        f"ПолучательСчет={payee}",
        f"ПолучательИНН={v.unremarked_inn(r)}",
        f"ПолучательБИК={payee_bik}",
        "НазначениеПлатежа=Оплата консульского сбора, без НДС",
        "КонецДокумента",
    ]
    return "\n".join(lines)


def _urm_msisdn(phone: str) -> str:
    """A phone number as mobile-money APIs take it: its digits only, the country code first, no ``+`` or ``00``."""
    return "".join(c for c in phone if c.isdigit()).removeprefix("00")


def _urm_fusionbrain_headers(r: random.Random) -> str:
    key, secret = v.unremarked_fusionbrain_pair(r)
    return f"X-Key: Key {key}\nX-Secret: Secret {secret}"


def _urm_paydunya_headers(r: random.Random) -> str:
    master, private, token = v.unremarked_paydunya_keys(r)
    return f"PAYDUNYA-MASTER-KEY: {master}\nPAYDUNYA-PRIVATE-KEY: {private}\nPAYDUNYA-TOKEN: {token}"


def _urm_ru_account_line(r: random.Random) -> str:
    """A Russian account number and its bank's BIK as a bill prints them (no IBAN)."""
    account, bik = v.unremarked_ru_account(r)
    return f"р/с {account} БИК {bik}"


UNREMARKED_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: f"dokku config:set llm-proxy OPENAI_API_KEY={v.openai_legacy(r)}"),
    "openai_project_key": _p(
        lambda r: (
            f'{{"path": "u/admin/openai", "resource_type": "openai", "value": {{"api_key": "{v.openai_project(r)}", '
            '"organization_id": null}}'
        ),
        lambda r: f"OPENAI_API_KEY={v.unremarked_openai_svcacct(r)}",
    ),
    "anthropic_api_key": _p(
        lambda r: (
            f"module.exports = {{ 'ai-assist': {{ enabled: true, config: {{ anthropicKey: '{v.anthropic(r)}' }} }} }};"
        ),
        lambda r: (
            "curl https://api.anthropic.com/v1/organizations/users?limit=20 -H 'anthropic-version: 2023-06-01' "
            f"-H 'x-api-key: {v.unremarked_anthropic_admin(r)}'"
        ),
    ),
    "deepseek_api_key": _p(
        lambda r: (
            "  - id: triage\n    type: io.kestra.plugin.ai.completion.ChatCompletion\n    provider:\n"
            f"      type: io.kestra.plugin.ai.provider.DeepSeek\n      apiKey: {v.deepseek(r)}"
        ),
    ),
    "aws_access_key_id": _p(
        lambda r: f"meltano config target-s3 set aws_access_key_id {v.aws_key_id(r)}",
        lambda r: (
            f'{{"name": "backups-fra", "key": "{v.aws_key_id(r)}", "bucket": "coolify-backups", '
            '"region": "eu-central-1"}'
        ),
    ),
    "aws_secret_access_key": _p(
        lambda r: f"dokku config:set --no-restart backups AWS_SECRET_ACCESS_KEY={v.aws_secret(r)}",
        lambda r: f'{{"name": "backups-fra", "aws_secret_access_key": "{v.aws_secret(r)}"}}',
    ),
    "aws_session_token": _p(
        lambda r: (
            f'{{"resource_type": "aws", "value": {{"awsSessionToken": "{v.aws_session_token(r)}", '
            '"region": "eu-west-3"}}'
        )
    ),
    "github_classic_token": _p(lambda r: f"dokku git:auth github.com kinroute-bot {v.github_token(r, 'ghp')}"),
    "github_oauth_token": _p(lambda r: f"machine github.com login kinroute-bot password {v.github_token(r, 'gho')}"),
    "github_app_token": _p(
        lambda r: (
            f'{{"path": "f/ops/github", "resource_type": "github", "value": {{"token": "{v.github_token(r, "ghs")}"}}}}'
        )
    ),
    "github_refresh_token": _p(
        lambda r: f'{{"provider": "provider_github", "accessToken": "", "refreshToken": "{v.github_token(r, "ghr")}"}}'
    ),
    "github_fine_grained_token": _p(
        lambda r: (
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: github-runner-pat\nstringData:\n  personalAccessToken: "
            f"github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)}"
        ),
    ),
    "gitlab_token": _p(
        lambda r: (
            "  - id: clone\n    type: io.kestra.plugin.git.Clone\n    url: https://gitlab.com/kinroute/payg.git\n"
            f"    username: oauth2\n    password: glpat-{rand(r, ALNUM + '_-', 20)}"
        ),
    ),
    "slack_token": _p(lambda r: f"meltano config tap-slack set token {v.slack_token(r)}"),
    "slack_webhook": _p(
        lambda r: (
            '{"name": "payg-alerts", "type": "slack", "options": {"url": "https://hooks.slack.com/services/'
            f'T{rand(r, v.UPPER, 10)}/B{rand(r, v.UPPER, 10)}/{rand(r, ALNUM, 24)}", "channel": "#payg-ops"}}}}'
        ),
    ),
    "stripe_key": _p(
        lambda r: f"  'strapi-stripe': {{ enabled: true, config: {{ stripeSecretKey: '{v.stripe_key(r)}' }} }},"
    ),
    "google_api_key": _p(
        lambda r: f'{{"maps": {{"provider": "google", "googleMapsApiKey": "AIza{rand(r, ALNUM + "_-", 35)}"}}}}'
    ),
    "google_oauth_client_secret": _p(
        lambda r: (
            '{"owner": "admin", "name": "provider_google", "category": "OAuth", "type": "Google", "clientId": '
            f'"{r.randrange(10**11, 10**12)}-{rand(r, string.ascii_lowercase + string.digits, 32)}'
            f'.apps.googleusercontent.com", "clientSecret": "GOCSPX-{rand(r, ALNUM + "_-", 28)}"}}'
        ),
    ),
    "gcp_oauth_token": _p(
        lambda r: (
            f'curl -s -H "Authorization: Bearer {v.gcp_token(r)}" https://iap.googleapis.com/v1/projects/visa-desk/iap_tunnel'
        )
    ),
    "twilio_api_key": _p(lambda r: f"TWILIO_API_KEY_SID=SK{rand(r, HEX, 32)}"),
    "sendgrid_api_key": _p(
        lambda r: (
            "  email: { config: { provider: 'sendgrid', providerOptions: { apiKey: "
            f"'SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}' }} }} }},"
        ),
    ),
    "huggingface_token": _p(
        lambda r: (
            f'{{"path": "u/ml/hf", "resource_type": "huggingface", "value": {{"token": "hf_{rand(r, ALNUM, 34)}"}}}}'
        )
    ),
    "npm_token": _p(
        lambda r: f"NIXPACKS_BUILD_CMD=npm config set //registry.npmjs.org/:_authToken npm_{rand(r, ALNUM, 36)}"
    ),
    "pypi_token": _p(lambda r: f"UV_PUBLISH_TOKEN=pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}"),
    "shopify_token": _p(lambda r: f"meltano config tap-shopify set access_token shpat_{rand(r, HEX, 32)}"),
    "digitalocean_token": _p(lambda r: f"dokku config:set --global DO_API_TOKEN=dop_v1_{rand(r, HEX, 64)}"),
    "telegram_bot_token": _p(
        lambda r: (
            "  - id: notify\n    type: io.kestra.plugin.notifications.telegram.TelegramSend\n"
            f'    token: "{r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + "_-", 33)}"\n    channel: "@payg_ops"'
        ),
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "    connectionString: DefaultEndpointsProtocol=https;AccountName=kinroutebackups;"
            f"AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net"
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            "uploading dump to https://kinroutebackups.blob.core.windows.net/coolify/pg-2026-01-14.dmp?sv=2025-01-05"
            f"&se=2026-01-21T00:00:00Z&sr=b&sp=cw&sig={v.azure_sas_sig(r)}"
        ),
    ),
    "clickhouse_cloud_key": _p(lambda r: f"CLICKHOUSE_CLOUD_API_SECRET={v.clickhouse_secret(r)}"),
    "jwt": _p(
        lambda r: f"Authorization: Bearer {v.unremarked_logto_jwt(r)}",
        lambda r: f"casdoor_token={v.unremarked_casdoor_jwt(r)}",
        lambda r: f"Cookie: DS={v.unremarked_descope_jwt(r)}",
        lambda r: f"authorization: Bearer {v.unremarked_kinde_jwt(r)}",
        lambda r: f'{{"session_jwt": "{v.unremarked_ory_jwt(r)}"}}',
        lambda r: f"x-goog-iap-jwt-assertion: {v.unremarked_iap_jwt(r)}",
        lambda r: f"VAULT_ID_TOKEN={v.unremarked_gitlab_ci_jwt(r)}",
        lambda r: f'client.connectUser({{ id: "rider-42" }}, "{v.unremarked_stream_chat_jwt(r)}")',
    ),
    "private_key": _p(_urm_linkerd_key, _urm_coolify_key, _urm_dokku_cert),
    "url_credentials": _p(
        lambda r: f"REDASH_DATABASE_URL=postgresql://redash:{_urm_url_password(r)}@pg-redash:5432/redash",
        lambda r: f"DATABASE_URL=postgres://windmill:{_urm_url_password(r)}@db:5432/windmill?sslmode=disable",
        lambda r: f"state_backend:\n  uri: postgresql://meltano:{_urm_url_password(r)}@pg-meltano:5432/meltano",
        lambda r: f"REDIS_URL=redis://:{_urm_url_password(r)}@dokku-redis-payg:6379",
    ),
    "password_assignment": _p(
        lambda r: f"dokku config:set payg-api DB_PASSWORD={_urm_password(r)}",
        lambda r: (
            "kestra:\n  server:\n    basic-auth:\n      enabled: true\n      username: ops\n"
            f'      password: "{_urm_password(r)}"'
        ),
        lambda r: (
            "authPlugin=org.apache.pulsar.client.impl.auth.AuthenticationBasic\n"
            f'authParams={{"userId":"payg-ingest","password":"{_urm_password(r)}"}}'
        ),
        lambda r: f"DATABASE_PASSWORD={_urm_password(r)}",
        lambda r: f'$DBPassword = "{_urm_password(r)}";',
        lambda r: f"meltano config tap-postgres set password '{_urm_password(r)}'",
        lambda r: f"CREATE ROLE windmill_user WITH LOGIN PASSWORD '{_urm_password(r)}';",
    ),
    "sql_identified_by": _p(
        lambda r: (
            f"CREATE USER redash_ro IDENTIFIED WITH sha256_password BY '{_urm_password(r)}' "
            "SETTINGS PROFILE 'readonly';"
        ),
        lambda r: f"GRANT ALL PRIVILEGES ON sitemanager.* TO 'bitrix0'@'localhost' IDENTIFIED BY '{_urm_password(r)}';",
    ),
    "bearer_token": _p(
        lambda r: f"Authorization: Bearer {v.unremarked_stability_key(r)}",
        lambda r: f"Authorization: Bearer {v.unremarked_luma_key(r)}",
        lambda r: f"Authorization: Bearer {v.unremarked_runway_key(r)}",
        lambda r: f"Authorization: Bearer {v.unremarked_airtable_pat(r)}",
        lambda r: f"Authorization: Bearer {v.unremarked_strapi_token(r)}",
        lambda r: f"Authorization: Bearer {v.unremarked_vk_token(r)}",
        lambda r: f"Authorization: Bearer {v.unremarked_tinvest_token(r)}",
        lambda r: f"Authorization: Bearer {v.unremarked_meta_token(r)}",
    ),
    "basic_auth": _p(
        lambda r: (
            f"Authorization: Basic {_urm_basic(str(r.randrange(100000, 999999)), v.unremarked_yookassa_secret(r))}"
        ),
        lambda r: f"Authorization: Basic {_urm_basic(rand(r, ALNUM, 32), rand(r, ALNUM, 16))}",
        lambda r: f"authorization: Basic {_urm_basic('ops', _urm_password(r))}",
        lambda r: f"Authorization: Basic {_urm_basic('payg-ingest', _urm_password(r))}",
        lambda r: f"Proxy-Authorization: Basic {_urm_basic('kinroute', _urm_password(r))}",
        lambda r: (
            f"POST /collection/token/ HTTP/1.1\nAuthorization: Basic "
            f"{_urm_basic(v.unremarked_uuid(r), v.unremarked_momo_key(r))}"
        ),
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: coolify_session=eyJpdiI6I{rand(r, ALNUM, 30)}In0%3D; XSRF-TOKEN=expired",
        lambda r: f"Cookie: remember_token={r.randrange(1, 400)}|{rand(r, HEX, 128)}",
        lambda r: f"Cookie: SESSION={v.b64(v.unremarked_uuid(r).encode())}",
        lambda r: f"Cookie: BITRIX_SM_LOGIN=manager; BITRIX_SM_UIDH={rand(r, HEX, 32)}",
        lambda r: f"Cookie: casdoor_session_id={rand(r, HEX, 32)}",
        lambda r: f"Cookie: ory_session_braveorchid={rand(r, v.B64URL, 180)}",
        lambda r: f"Cookie: token={rand(r, ALNUM, 32)}",
    ),
    "auth_token_assignment": _p(
        lambda r: f"PLANETSCALE_SERVICE_TOKEN={v.unremarked_planetscale_token(r)}",
        lambda r: (
            f"GET /method/messages.send?peer_id=-{v.unremarked_digits(r, 9, _urm_regions())}"
            f"&access_token={v.unremarked_vk_token(r)}&v=5.199"
        ),
        lambda r: (
            f"https://api.mapbox.com/directions/v5/mapbox/driving/15.31,-4.32;15.27,-4.38?access_token={v.unremarked_mapbox_secret(r)}"
        ),
        lambda r: f"INVEST_TOKEN={v.unremarked_tinvest_token(r)}",
    ),
    "generic_secret": _p(
        lambda r: f"Authorization: Api-Key {v.unremarked_yandex_api_key(r)}",
        lambda r: f"Authorization: Token {v.unremarked_deepgram_key(r)}",
        lambda r: f"authorization: {v.unremarked_assemblyai_key(r)}",
        _urm_fusionbrain_headers,
        lambda r: f"Ocp-Apim-Subscription-Key: {v.unremarked_momo_key(r)}",
        _urm_paydunya_headers,
        v.unremarked_akamai_edgerc,
        v.unremarked_relay_credentials,
    ),
    "password_hash": _p(
        lambda r: (
            f"dn: CN={pick(r, 'a.krasniqi', 'payg-svc', 'v.berisha')},CN=Users,DC=kinroute,DC=lan\n"
            f"{v.unremarked_password_hash(r, 'samba_unicodepwd')}"
        ),
        lambda r: (
            "UPDATE guacamole_user SET "
            + v.unremarked_password_hash(r, "guacamole_sha256").replace("=", " = ")
            + f" WHERE entity_id = {r.randrange(2, 60)};"
        ),
        lambda r: (
            f'{{"user": "payg-etl", "authData": {v.unremarked_password_hash(r, "arangodb_simple")}, "active": true}}'
        ),
        lambda r: f"customers_password = '{v.unremarked_password_hash(r, 'zencart_md5')}'",
        lambda r: v.unremarked_password_hash(r, "vbulletin5"),
        lambda r: (
            f"UPDATE users SET password_hash = '{v.unremarked_password_hash(r, 'werkzeug_sha1')}' "
            f"WHERE id = {r.randrange(2, 900)};"
        ),
        lambda r: f"admin_passwd = {v.unremarked_password_hash(r, 'passlib_pbkdf2_sha1')}",
        lambda r: f"login=driver{r.randrange(10, 99)} {v.unremarked_password_hash(r, 'redmine_sha1')}",
    ),
    "credential_phrase": _p(
        lambda r: f"{_urm_password(r)} — Wi-Fi-ҙың серһүҙе",
        lambda r: f"Lo senhal del Wi-Fi es {_urm_password(r)}",
        lambda r: f"{_urm_password(r)} איז דער פּאַראָל פֿונעם Wi-Fi",
        lambda r: f"'S e {_urm_password(r)} facal-faire an Wi-Fi",
        lambda r: f"La pasvorto de la Wi-Fi estas {_urm_password(r)}",
        lambda r: f"rental kiosk at the airport: the tablet's password is {_urm_password(r)}",
        lambda r: (
            f"agent visit: customer's app password {_urm_password(r)} written on the kit box, told her to change it"
        ),
    ),
    "email": _p(
        lambda r: (
            f'{{"fields": {{"TITLE": "Аренда авто", "EMAIL": [{{"VALUE": "{v.unremarked_email(r)}", '
            '"VALUE_TYPE": "WORK"}]}}'
        ),
        lambda r: _urm_vcard(r, f"EMAIL;TYPE=INTERNET:{v.unremarked_email(r)}"),
        lambda r: (
            f"status=sent to=<{pick(r, 'ilnur', 'aigul.y', 'dmitry.s')}@xn--80a1acny.xn--p1ai> "
            "relay=mx.kinroute.example"
        ),
        lambda r: f"Reply-To: {v.unremarked_email(r)}",
        lambda r: (
            "  - id: mail\n    type: io.kestra.plugin.notifications.mail.MailSend\n"
            f"    to: {v.unremarked_email(r)}\n    subject: Rendez-vous visa confirmé"
        ),
        lambda r: (
            f'{{"type": "email", "options": {{"addresses": "{v.unremarked_email(r)}", '
            '"subject_template": "PAYG alert"}}'
        ),
        lambda r: (
            f'{{"event_id": "{rand(r, HEX, 32)}", "user": {{"id": "{r.randrange(10, 99999)}", '
            f'"email": "{v.unremarked_email(r)}"}}}}'
        ),
        lambda r: (
            f'{{"owner": "guam-rides", "name": "{rand(r, string.ascii_lowercase, 7)}", '
            f'"email": "{v.unremarked_email(r)}", "emailVerified": true}}'
        ),
    ),
    "ipv4": _p(
        lambda r: f'{{"api_name": "Rentals API", "ip_address": "{v.ipv4(r)}", "response_code": 401}}',
        lambda r: f"[/{v.ipv4(r)}:{r.randrange(30000, 60000)}] Failed to authenticate: token expired",
        lambda r: f"rescue{{client.addr={v.ipv4(r)}:{r.randrange(30000, 60000)}}}: HTTP/1.1 request failed",
        lambda r: f"X-Forwarded-For: {v.ipv4(r)}",
        lambda r: f"Вход в личный кабинет с IP-адреса {v.ipv4(r)}",
    ),
    "ipv6": _p(
        lambda r: f"X-Real-IP: 2a02:6b8:{r.randrange(0, 65536):x}:{r.randrange(0, 65536):x}::{r.randrange(1, 65536):x}",
        lambda r: f"rescue{{client.addr=[{v.ipv6(r)}]:{r.randrange(30000, 60000)}}}: HTTP/1.1 request failed",
    ),
    "phone": _p(
        lambda r: (
            f'{{"amount": "{r.randrange(5, 90)}000", "currency": "CDF", "externalId": "{r.randrange(10**6, 10**7)}", '
            f'"payer": {{"partyIdType": "MSISDN", "partyId": "{_urm_msisdn(_urm_phone(r, True))}"}}}}'
        ),
        lambda r: (
            f'{{"fields": {{"TITLE": "Аренда авто", "PHONE": [{{"VALUE": "{_urm_phone(r)}", '
            '"VALUE_TYPE": "MOBILE"}]}}'
        ),
        lambda r: _urm_vcard(r, f"TEL;TYPE=CELL:{_urm_phone(r, True)}"),
        lambda r: f"Миңә {_urm_phone(r)} номерына шылтыратығыҙ",
        lambda r: f"Sonatz-me al {_urm_phone(r)}",
        lambda r: f"רופֿט מיך אָן אויף {_urm_phone(r)}",
        lambda r: f"Cuir fòn thugam air {_urm_phone(r)}",
        lambda r: f"Telefonu al mi ĉe {_urm_phone(r)}",
    ),
    "payment_card": _p(
        lambda r: f"||{v.unremarked_card(r, sep=' ')}|| exp {r.randrange(1, 13):02d}/{r.randrange(27, 31)}",
        lambda r: _urm_dtmf(r, v.unremarked_card_number(r)),
        lambda r: (
            "voicebot transcript: caller: yes the card number is "
            f"{v.unremarked_card(r, pick(r, 'visa', 'mastercard'), pairs=True)} and it expires in june"
        ),
        lambda r: _urm_payzen(r, v.unremarked_card_number(r, pick(r, "visa", "mastercard"))),
        lambda r: _urm_yookassa(r, v.unremarked_card_number(r, "mir")),
        lambda r: _urm_checkout(r, v.unremarked_card_number(r, pick(r, "visa", "amex", "jcb"))),
        lambda r: f"Вот номер карты для залога: `{v.unremarked_card(r, pick(r, 'mir', 'visa'), sep=' ')}`",
        lambda r: f"客戶來電要求更改按金卡號：{v.unremarked_card(r, 'unionpay', sep=' ')}",
    ),
    "iban": _p(
        lambda r: _urm_pain001(r, v.unremarked_iban(r, country=pick(r, "FR", "XK"))),
        lambda r: _urm_camt054(r, v.unremarked_iban(r, country=pick(r, "FR", "XK", "SN"))),
        lambda r: _urm_paysera(r, v.unremarked_iban(r, country="XK")),
        lambda r: _urm_tipalti(r, v.unremarked_iban(r, country=pick(r, "ML", "SN", "FR"))),
        lambda r: _urm_deel(r, v.unremarked_iban(r, country=pick(r, "RU", "XK", "FR"))),
        lambda r: _urm_currencycloud(r, v.unremarked_iban(r, country=pick(r, "FR", "XK"))),
        lambda r: _urm_rapyd(r, v.unremarked_iban(r, country=pick(r, "SN", "ML"))),
        lambda r: _urm_bceao_order(r, v.unremarked_iban(r, country=pick(r, "ML", "SN"), grouped=True)),
    ),
}

UNREMARKED_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: "dokku config:set llm-proxy OPENAI_API_KEY=$(cat /run/secrets/openai)"),
    "openai_project_key": _p(
        lambda r: (
            '{"path": "u/admin/openai", "resource_type": "openai", "value": {"api_key": "$var:f/secrets/openai_key"}}'
        ),
        lambda r: "OPENAI_API_KEY=•••••••••••• (locked)",
    ),
    "anthropic_api_key": _p(
        lambda r: "x-api-key: {{ secret('ANTHROPIC_API_KEY') }}",
        lambda r: f"admin key sk-ant-admin01-…{rand(r, ALNUM, 4)} (created 2026-01-12, last used never)",
    ),
    "deepseek_api_key": _p(lambda r: "      apiKey: \"{{ secret('DEEPSEEK_API_KEY') }}\""),
    "aws_access_key_id": _p(
        lambda r: (
            f"s3ManagedLedgerOffloadRole=arn:aws:iam::{v.unremarked_digits(r, 12, _urm_regions())}:role/pulsar-offload"
        ),
        lambda r: f"SecretId: {v.unremarked_tencent_pair(r)[0]} (Tencent Cloud, read-only)",
        lambda r: f"AccessKeyId={v.unremarked_alibaba_pair(r)[0]} disabled",
    ),
    "aws_secret_access_key": _p(lambda r: "  aws_secret_access_key: $AWS_SECRET_ACCESS_KEY"),
    "aws_session_token": _p(
        lambda r: '{"resource_type": "aws", "value": {"awsSessionToken": "", "region": "eu-west-3"}}'
    ),
    "github_classic_token": _p(lambda r: "dokku git:auth github.com kinroute-bot"),
    "github_oauth_token": _p(lambda r: "machine github.com login kinroute-bot password ****************"),
    "github_app_token": _p(lambda r: '{"resource_type": "github", "value": {"token": "$var:f/ops/github_token"}}'),
    "github_refresh_token": _p(lambda r: '{"provider": "provider_github", "accessToken": "", "refreshToken": ""}'),
    "github_fine_grained_token": _p(
        lambda r: "  metadata:\n    owner: kinroute\n    personalAccessTokenFromEnv: GITHUB_PAT"
    ),
    "gitlab_token": _p(lambda r: "    password: \"{{ secret('GITLAB_TOKEN') }}\""),
    "slack_token": _p(lambda r: "meltano config tap-slack set token $TAP_SLACK_TOKEN"),
    "slack_webhook": _p(
        lambda r: '{"name": "payg-alerts", "type": "slack", "options": {"url": "", "channel": "#payg-ops"}}'
    ),
    "stripe_key": _p(lambda r: f"STRIPE_PUBLISHABLE_KEY=pk_live_{rand(r, ALNUM, 99)}"),
    "google_api_key": _p(lambda r: '{"maps": {"provider": "google", "googleMapsApiKey": "${GOOGLE_MAPS_KEY}"}}'),
    "google_oauth_client_secret": _p(
        lambda r: '{"owner": "admin", "name": "provider_google", "type": "Google", "clientSecret": "***"}'
    ),
    "gcp_oauth_token": _p(
        lambda r: 'curl -s -H "Authorization: Bearer $(gcloud auth print-identity-token)" https://visa-desk.example'
    ),
    "twilio_api_key": _p(lambda r: f"TWILIO_ACCOUNT_SID=AC{rand(r, HEX, 32)}"),
    "sendgrid_api_key": _p(
        lambda r: "  email: { config: { provider: 'sendgrid', providerOptions: { apiKey: env('SENDGRID_API_KEY') } } },"
    ),
    "huggingface_token": _p(lambda r: '{"path": "u/ml/hf", "resource_type": "huggingface", "value": {"token": ""}}'),
    "npm_token": _p(lambda r: "$ npm whoami\nkinroute-ci"),
    "pypi_token": _p(lambda r: "UV_PUBLISH_TOKEN="),
    "shopify_token": _p(lambda r: "meltano config tap-shopify set shop kinroute-rentals.myshopify.com"),
    "digitalocean_token": _p(lambda r: "dokku config:unset --global DO_API_TOKEN"),
    "telegram_bot_token": _p(lambda r: '    token: "{{ secret(\'TELEGRAM_TOKEN\') }}"\n    channel: "@payg_ops"'),
    "azure_storage_connection_string": _p(lambda r: "AccountName=kinroutebackups;AccountKey="),
    "azure_sas_token": _p(
        lambda r: "https://kinroutebackups.blob.core.windows.net/coolify/pg-2026-01-14.dmp (private)"
    ),
    "clickhouse_cloud_key": _p(lambda r: f"clickhouse cloud service {v.unremarked_uuid(r)} idled after 15 minutes"),
    "jwt": _p(
        _urm_jwks,
        lambda r: "x-goog-iap-jwt-assertion: ",
        lambda r: f"kid={rand(r, v.B64URL, 43)} alg=ES384 typ=at+jwt (key rotated)",
    ),
    "private_key": _p(
        lambda r: (
            "identity:\n  issuer:\n    tls:\n      crtPEM: |\n        -----BEGIN CERTIFICATE-----\n        "
            + v.b64(r.randbytes(48))
        ),
        lambda r: '{"uuid": "ts9ll2tq0hcm", "name": "hetzner-fsn1", "private_key": "", "is_git_related": false}',
        lambda r: "dokku certs:add payg-api < cert-key.tar",
        lambda r: f'{{"public_key": "{rand(r, v.B64URL, 43)}", "id": "{v.unremarked_uuid(r)}"}}',
    ),
    "url_credentials": _p(
        lambda r: "REDASH_DATABASE_URL=postgresql://redash@pg-redash:5432/redash",
        lambda r: "REDIS_URL=redis://dokku-redis-payg:6379",
        lambda r: "brokerServiceUrl=pulsar+ssl://pulsar.payg.svc.cluster.local:6651",
        lambda r: "  uri: postgresql://meltano:${MELTANO_DB_PASSWORD}@pg-meltano:5432/meltano",
    ),
    "password_assignment": _p(
        lambda r: "dokku config:set payg-api DB_PASSWORD=",
        lambda r: "      password: \"{{ secret('KESTRA_PASSWORD') }}\"",
        lambda r: '$DBPassword = "";',
        lambda r: "POSTGRES_PASSWORD=$SERVICE_PASSWORD_POSTGRES",
        lambda r: "password_changed_at=2026-01-12T08:00:00Z password_expires_in_days=90",
    ),
    "sql_identified_by": _p(
        lambda r: "CREATE USER redash_ro IDENTIFIED WITH no_password SETTINGS PROFILE 'readonly';",
        lambda r: "CREATE USER bi_guam IDENTIFIED WITH kerberos REALM 'KINROUTE.LAN';",
    ),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer <strapi-api-token>",
        lambda r: "Authorization: Bearer null",
        lambda r: 'WWW-Authenticate: Bearer realm="kinroute", error="invalid_token"',
    ),
    "basic_auth": _p(
        lambda r: f"Authorization: Basic {_urm_basic(str(r.randrange(100000, 999999)), '')}",
        lambda r: "Authorization: Basic ${ORANGE_BASIC_AUTH}",
        lambda r: 'WWW-Authenticate: Basic realm="Kestra"',
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: coolify_session=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; path=/",
        lambda r: (
            f"Cookie: _ym_uid={v.unremarked_digits(r, 19, _urm_regions())}; "
            f"_ym_d={r.randrange(1_767_000_000, 1_769_000_000)}"
        ),
        lambda r: f"Cookie: BITRIX_SM_SALE_UID={r.randrange(100, 99999)}; BITRIX_SM_GUEST_ID={r.randrange(100, 99999)}",
        lambda r: "Set-Cookie: remember_token=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
        lambda r: f"Cookie: XSRF-TOKEN={rand(r, ALNUM, 40)}",
    ),
    "auth_token_assignment": _p(
        lambda r: "access_token=<VK_TOKEN>&v=5.199",
        lambda r: "token_type=bearer&expires_in=86400",
        lambda r: f"INVEST_TOKEN=t.****{rand(r, ALNUM, 4)}",
    ),
    "generic_secret": _p(
        lambda r: "X-Key: Key ${FUSIONBRAIN_KEY}\nX-Secret: Secret ${FUSIONBRAIN_SECRET}",
        lambda r: "Ocp-Apim-Subscription-Key: <subscription key>",
        lambda r: "Authorization: Api-Key ${YC_API_KEY}",
        lambda r: "PAYDUNYA-MODE: live",
        lambda r: f'{{"public_key": "{rand(r, v.B64URL, 43)}", "relay_id": "{v.unremarked_uuid(r)}"}}',
    ),
    "password_hash": _p(
        lambda r: "UPDATE guacamole_user SET password_hash = NULL, password_salt = NULL WHERE entity_id = 1;",
        lambda r: '{"user": "payg-etl", "authData": {"simple": {"method": "sha256"}}, "active": false}',
        lambda r: f"md5 {hashlib.md5(r.randbytes(16)).hexdigest()}  payg-controller-fw-3.{r.randrange(1, 9)}.bin",
        lambda r: "generate_password_hash(password, method='sha1')  # legacy, migrate to scrypt",
        lambda r: '{"userid": 17, "scheme": "legacy"}',
    ),
    "credential_phrase": _p(
        lambda r: "Серһүҙегеҙҙе оноттоғоҙмо?",
        lambda r: "Avètz oblidat vòstre senhal?",
        lambda r: "האָט איר פֿאַרגעסן אײַער פּאַראָל?",
        lambda r: "An do dhìochuimhnich thu am facal-faire agad?",
        lambda r: "Ĉu vi forgesis vian pasvorton?",
        lambda r: "The password must be at least 10 characters and differ from the last three.",
    ),
    "email": _p(
        lambda r: '<a href="/cdn-cgi/l/email-protection" class="__cf_email__">[email&#160;protected]</a>',
        lambda r: "systemctl restart payg-sync@momo.service",
        lambda r: f"image: ghcr.io/kinroute/payg-api@sha256:{rand(r, HEX, 64)}",
        lambda r: f"go: downloading github.com/kinroute/payg-sdk@v1.{r.randrange(0, 9)}.{r.randrange(0, 20)}",
        lambda r: f"{pick(r, 'a', 'd', 'i')}***@yandex.ru",
    ),
    "ipv4": _p(
        lambda r: f"1С:Предприятие 8.3.{r.randrange(20, 26)}.{r.randrange(1000, 2000)}",
        lambda r: "signature algorithm OID 1.2.643.7.1.1.3.2 (GOST R 34.10-2012, 256 bit)",
        lambda r: f"linkerd version stable-2.{r.randrange(12, 15)}.{r.randrange(1, 12)}",
        lambda r: f"payment date {r.randrange(10, 28)}.01.2026, contract {r.randrange(1, 9)}.{r.randrange(1, 9)}",
    ),
    "ipv6": _p(
        lambda r: "linkerd_app_core::errors::respond: request failed",
        lambda r: "MD5:43:51:43:a1:b5:fc:8b:b7:0a:3a:a9:b1:0f:66:73:a8 dokku@payg (RSA)",
        lambda r: f"pickup 2026-01-{r.randrange(10, 28)}T{r.randrange(0, 24):02d}:{r.randrange(10, 60)}:00",
    ),
    "phone": _p(
        lambda r: f"rappel {v.unremarked_invalid_phone(r, _urm_regions())}",
        lambda r: f"ИНН {v.unremarked_inn(r)}",
        lambda r: f"СНИЛС {v.unremarked_snils(r)}",
        lambda r: f"IMSI {v.unremarked_imsi(r)}",
        lambda r: f"MoMo financialTransactionId={v.unremarked_digits(r, 10, _urm_regions())}",
        lambda r: (
            f"Orange Money réf. MP2601{r.randrange(10, 28)}.{r.randrange(1000, 2359)}.C{r.randrange(10000, 99999)}"
        ),
        lambda r: f"BIR {r.randrange(1, 8)}/{r.randrange(100000, 999999)}/{r.randrange(0, 10)}",
        lambda r: f"GPS -4.{r.randrange(3000, 4000)}, 15.{r.randrange(2500, 3500)}",
    ),
    "payment_card": _p(
        lambda r: f"card {v.unremarked_card_number(r, 'mir')[:6]}******{r.randrange(1000, 9999)}",
        lambda r: f"unlock token {v.unremarked_sts_token(r)}",
        lambda r: f"IMEI {v.unremarked_imei(r)}",
        lambda r: f"ICCID {v.unremarked_iccid(r)}",
        lambda r: (
            f"vads_card_number={v.unremarked_card_number(r, 'visa')[:6]}XXXXXX{r.randrange(1000, 9999)}&vads_result=00"
        ),
        lambda r: (
            f'{{"bin": "{v.unremarked_card_number(r, "visa")[:6]}", "last4": "{r.randrange(1000, 9999)}", '
            '"scheme": "Visa"}'
        ),
        lambda r: f"declined: {v.wrong_last_digit(r, v.unremarked_card(r, sep=' '))}",
        lambda r: f"deposit refunded by transfer to {v.unremarked_iban(r, country='FR', grouped=True)}",
    ),
    "iban": _p(
        _urm_ru_account_line,
        lambda r: f"RIB {v.unremarked_uemoa_rib(r)}",
        lambda r: f"virement rejeté : {v.unremarked_iban(r, valid=False, country=pick(r, 'ML', 'XK', 'FR'))} (clé)",
        lambda r: f"IBAN XK05 **** **** **** {r.randrange(1000, 9999)}",
        lambda r: f"ИНН {v.unremarked_inn(r, person=True)} BIC SABRRUMM",
        lambda r: f"VIN {v.unremarked_vin(r)}",
        lambda r: "passport MRZ\n" + v.unremarked_mrz(r, "KRASNIQI", "ARBEN", "RKS"),
    ),
}

# Own negatives that truthfully hold another class: a card's refund paid out to an IBAN is an IBAN finding.
UNREMARKED_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("payment_card", 7): frozenset({"iban"}),
}

# ---------------------------------------------------------------------------- the unforeseen split's own shapes
#
# Written for the twenty-eighth split only, by a twenty-second session that did not read the rules
# (``build_corpus("unforeseen")`` puts them before the shared generators, as for the splits since hidden): values in
# ZITADEL's ``defaults.yaml`` and console, Vaultwarden's ``.env`` and admin page, Kyverno policies, Falco rules and
# alerts, Apache APISIX's ``config.yaml`` and Admin API calls, KrakenD's ``krakend.json``, Patroni's ``patroni.yml``,
# Meilisearch and Typesense calls, n8n credentials and workflow exports, VictoriaMetrics' ``vmagent`` flags, Headscale's
# ``config.yaml`` and CLI, LiveKit's ``livekit.yaml`` and server SDK calls, OCPP and OCPI messages of a charging
# network,
# Kavenegar, Ghasedak, ArvanCloud, Agora, MessageBird, Mailgun, Novu, Mixpanel, Amplitude, Snyk, SonarCloud, Appwrite,
# listmonk, Hetzner, Backblaze, bunny.net, Vimeo, Leonardo, Ideogram, HeyGen, Synthesia, D-ID, Cartesia, PlayHT,
# Resemble, Picovoice, Sinch and Exoscale requests (keys of vendors with no detector of their own: bearers, custom
# headers and schemes, Basic pairs, query tokens), JWTs of new issuers (Hanko, SuperTokens, PocketBase, Appwrite,
# Frontegg, LiveKit, Lemmy, Directus, n8n, ZITADEL), session cookies of OpenCart, WHMCS, Horde, SquirrelMail, Craft
# CMS, Kirby and listmonk, password hashes of eight families, cards of new BIN ranges in Persian digits, over two lines,
# with dots, in PayTabs bodies and terminal logs, IBANs of six countries in pain.008 debits, Bankline rows, Modulr
# bodies, a Faroese bank's CSV, an aid agency's cash manifest and Iranian payout bodies, phone numbers of eight new
# regions in Persian and Arabic-Indic digits, and sentences in Manx, Sorani Kurdish, Chuvash, Asturian and Cebuano; and
# look-alikes that are not findings (n8n ``{{ $credentials... }}`` and APISIX ``$env://`` references, Vaultwarden's
# ``ADMIN_TOKEN`` hashed by argon2 as its docs recommend (a password hash: a truthful label), masked keys, Mixpanel
# project tokens, Amplitude API keys, Backblaze key ids, LiveKit API keys and Exoscale key ids, Hanko's JWKS, EVSE ids,
# OCPP idTags, ISBNs, UPU tracking numbers, order and ticket numbers, version strings, git SHAs and content digests,
# Syrian account numbers, invalid IBANs and phone numbers, Persian dates and ``mailto:`` templates).
# ``UNFORESEEN_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class.


def _ufs_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _ufs_password(r: random.Random) -> str:
    return v.unforeseen_password(r)


def _ufs_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unforeseen_password(r), safe="")


def _ufs_phone(r: random.Random, international_only: bool = False) -> str:
    return v.unforeseen_phone(r, _ufs_regions(), international_only)


def _ufs_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _ufs_amount(r: random.Random) -> str:
    return f"{r.randrange(20, 4000)}.{r.randrange(0, 100):02d}"


def _ufs_name(r: random.Random) -> str:
    return pick(
        r, "Tinna Joensen", "Rúni Hansen", "Maryam Ahmadi", "Reza Karimi", "Amna Osman", "Layla Haddad",
        "Yousef Odeh", "Elise Le Cornu", "Juan Kinvig", "Marie-Line Tiburce",
    )  # fmt: skip


def _ufs_bic(r: random.Random, country: str) -> str:
    """A BIC of a bank in ``country`` (an identifier of the bank, no account)."""
    return pick(
        r,
        *{
            "FO": ("BANKFOTF", "BETRFOTF", "SUSPFOT1"),
            "IR": ("MELIIRTH", "BKMTIRTH", "SABCIRTH"),
            "SD": ("BKHASDKH", "FAISSDKH", "OMDUSDKH"),
            "PS": ("PALSPS22", "ARABPS22", "QUDBPS22"),
            "GB": ("RBOSJESH", "BARCJESH", "LOYDIMDG", "HBUKGB4B"),
            "FR": ("AGRIMQMX", "BNPAGFGX", "CEPAFRPP"),
        }[country],
    )


def _ufs_pain008(r: random.Random, iban: str) -> str:
    """An ISO 20022 pain.008 direct debit transaction: the mandate, the amount and the debtor's IBAN."""
    compact = iban.replace(" ", "")
    return (
        f"<DrctDbtTxInf><PmtId><EndToEndId>HUB-{rand(r, v.UPPER, 10)}</EndToEndId></PmtId>"
        f'<InstdAmt Ccy="EUR">{_ufs_amount(r)}</InstdAmt><DrctDbtTx><MndtRltdInf><MndtId>MBR-{rand(r, v.UPPER, 8)}'
        f"</MndtId><DtOfSgntr>2025-{r.randrange(10, 13)}-{r.randrange(10, 28)}</DtOfSgntr></MndtRltdInf></DrctDbtTx>"
        f"<DbtrAgt><FinInstnId><BICFI>{_ufs_bic(r, compact[:2])}</BICFI></FinInstnId></DbtrAgt><Dbtr><Nm>"
        f"{_ufs_name(r)}</Nm></Dbtr><DbtrAcct><Id><IBAN>{compact}</IBAN></Id></DbtrAcct><RmtInf><Ustrd>"
        "membership January</Ustrd></RmtInf></DrctDbtTxInf>"
    )


def _ufs_bankline(r: random.Random, iban: str) -> str:
    """A NatWest/RBS International Bankline bulk-payment CSV row (international payment): the beneficiary, the IBAN,
    the BIC, the amount and the reference."""
    compact = iban.replace(" ", "")
    return (
        f'"{_ufs_name(r)}","{compact}","{_ufs_bic(r, compact[:2])}","{_ufs_amount(r)}","GBP",'
        f'"HUB{r.randrange(1000, 9999)} deposit","SHA"'
    )


def _ufs_modulr(r: random.Random, iban: str) -> str:
    """A Modulr ``POST /payments`` body: the source account id (Modulr's own, no IBAN) and an IBAN destination."""
    body = {
        "sourceAccountId": "A1" + rand(r, v.UPPER, 7),
        "destination": {"type": "IBAN", "iban": iban.replace(" ", ""), "name": _ufs_name(r)},
        "currency": "EUR",
        "amount": float(_ufs_amount(r)),
        "reference": f"REFUND {rand(r, v.UPPER, 6)}",
    }
    return json.dumps(body, ensure_ascii=False)


def _ufs_faroese_csv(r: random.Random, iban: str) -> str:
    """A Faroese bank's CSV export row (semicolons, comma decimals): the date, the text naming the payer's IBAN and the
    amount."""
    return (
        f"{r.randrange(10, 28)}.01.2026;Flyting frá {iban};{r.randrange(100, 9000)},{r.randrange(0, 100):02d};"
        f"{r.randrange(1000, 90000)},{r.randrange(0, 100):02d}"
    )


def _ufs_aid_manifest(r: random.Random, iban: str) -> str:
    """A cash-assistance distribution manifest row (JSON) of an aid agency: the household, the transfer value and the
    head of household's bank account."""
    body = {
        "household_id": f"HH-{rand(r, v.UPPER, 3)}-{r.randrange(10000, 99999)}",
        "transfer_value": {"amount": r.randrange(100, 600), "currency": pick(r, "ILS", "USD")},
        "modality": "bank_transfer",
        "recipient": {"name": _ufs_name(r), "iban": iban},
        "cycle": f"2026-{r.randrange(1, 3):02d}",
    }
    return json.dumps(body, ensure_ascii=False)


def _ufs_payout_ir(r: random.Random, iban: str) -> str:
    """An Iranian payout (settlement) API's body: the destination IBAN (شبا), the amount in rials and a note."""
    body = {
        "amount": r.randrange(10, 900) * 100000,
        "destination": iban.replace(" ", ""),
        "destinationFirstName": pick(r, "مریم", "رضا", "سارا"),
        "destinationLastName": pick(r, "احمدی", "کریمی", "حسینی"),
        "description": "بازپرداخت هزینه مشاوره",
        "paymentID": str(r.randrange(10**6, 10**7)),
    }
    return json.dumps(body, ensure_ascii=r.random() < 0.5)


def _ufs_paytabs(r: random.Random, pan: str) -> str:
    """A PayTabs-style hosted-payment body posted by a merchant's server with the card data inline."""
    body = {
        "profile_id": r.randrange(10000, 99999),
        "tran_type": "sale",
        "tran_class": "ecom",
        "cart_id": f"consult-{rand(r, v.HEX, 8)}",
        "cart_amount": float(_ufs_amount(r)),
        "cart_currency": pick(r, "USD", "EUR"),
        "card_details": {"pan": pan, "expiry_month": r.randrange(1, 13), "expiry_year": r.randrange(2027, 2031),
                         "cvv": f"{r.randrange(100, 999)}"},
    }  # fmt: skip
    return json.dumps(body)


def _ufs_terminal(r: random.Random, pan: str) -> str:
    """A payment terminal's debug log line at a charging post (a PAN logged in clear by a misconfigured build)."""
    return (
        f"[EMV] {r.randrange(10, 28)}/01 {r.randrange(0, 24):02d}:{r.randrange(0, 60):02d} "
        f"TXN {r.randrange(1000, 9999)} "
        f"AID=A0000000{pick(r, '031010', '041010')} PAN={pan} EXP={r.randrange(27, 31)}{r.randrange(1, 13):02d} "
        f"ENTRY=CONTACTLESS AMT={_ufs_amount(r)}"
    )


def _ufs_persian_card(r: random.Random) -> str:
    """A Shetab card number in Persian digits, in groups of four as Iranians write it in a message."""
    digits = v.unforeseen_card_number(r, "shetab")
    return " ".join(digits[i : i + 4] for i in range(0, 16, 4)).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def _ufs_two_lines(r: random.Random) -> str:
    """A card pasted over two lines (the first eight digits, then the rest)."""
    digits = v.unforeseen_card_number(r, pick(r, "visa", "mastercard", "jcb"))
    return f"card:\n{digits[:4]} {digits[4:8]}\n{digits[8:12]} {digits[12:]}"


def _ufs_ocpp(action: str, payload: dict[str, object], r: random.Random) -> str:
    """An OCPP-J call frame as a charging station sends it: ``[2, id, action, payload]``."""
    return json.dumps([2, v.unforeseen_uuid(r), action, payload])


def _ufs_n8n_credential(r: random.Random, kind: str, data: dict[str, object]) -> str:
    """An n8n credential as ``n8n export:credentials --decrypted`` prints it."""
    body = [{"id": rand(r, ALNUM, 16), "name": f"{kind} account", "type": kind, "data": data}]
    return json.dumps(body)


def _ufs_hanko_jwks(r: random.Random) -> str:
    key = {"alg": "RS256", "e": "AQAB", "kid": v.unforeseen_uuid(r), "kty": "RSA", "n": v.b64url(r.randbytes(256)),
           "use": "sig"}  # fmt: skip
    return json.dumps({"keys": [key]})


def _ufs_escaped_key(r: random.Random) -> str:
    """A service account's key in a JSON export, its PEM's newlines escaped."""
    pem = _ufs_pem(r, "PRIVATE KEY", 640).replace("\n", "\\n")
    return f'{{"keys": [{{"kid": "sa-{rand(r, HEX, 8)}", "private_key": "{pem}"}}]}}'


def _ufs_headscale_key(r: random.Random) -> str:
    """Headscale's private noise key file (``noise_private.key``) as its container printed it on start."""
    return f"privkey:{rand(r, v.HEX, 64)}"


def _ufs_pem(r: random.Random, kind: str, n: int) -> str:
    body = v.b64(r.randbytes(n))
    lines = "\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN {kind}-----\n{lines}\n-----END {kind}-----"


UNFORESEEN_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: _ufs_n8n_credential(
            r, "openAiApi", {"apiKey": v.openai_legacy(r), "url": "https://api.openai.com/v1"}
        )
    ),
    "openai_project_key": _p(
        lambda r: (
            f'  "plugins": {{"ai-proxy": {{"auth": {{"header": '
            f'{{"Authorization": "Bearer {v.openai_project(r)}"}}}}}}}}'
        ),
        lambda r: f"docker run -e OPENAI_API_KEY={v.openai_project(r)} ghcr.io/livekit/agents-playground",
    ),
    "anthropic_api_key": _p(
        lambda r: _ufs_n8n_credential(r, "anthropicApi", {"apiKey": v.anthropic(r)}),
        lambda r: f"      - name: ANTHROPIC_API_KEY\n        value: {v.anthropic(r)}",
    ),
    "deepseek_api_key": _p(
        lambda r: (
            f'"backend": [{{"url_pattern": "/chat/completions", "extra_config": {{"modifier/martian": '
            f'{{"header.Modifier": {{"name": "Authorization", "value": "Bearer {v.deepseek(r)}"}}}}}}}}]'
        )
    ),
    "aws_access_key_id": _p(
        lambda r: (
            "vmagent -remoteWrite.url=https://aps-workspaces.eu-west-2.amazonaws.com/workspaces/ws-x/api/v1/"
            "remote_write "
            f"-remoteWrite.aws.accessKey={v.aws_key_id(r)}"
        ),
        lambda r: f"patroni: WAL-G config WALG_S3_PREFIX=s3://pg-tele/wal AWS_ACCESS_KEY_ID={v.aws_key_id(r)}",
    ),
    "aws_secret_access_key": _p(
        lambda r: f"-remoteWrite.aws.secretKey={v.aws_secret(r)} -remoteWrite.aws.region=eu-west-2",
        lambda r: _ufs_n8n_credential(r, "aws", {"region": "eu-west-1", "secretAccessKey": v.aws_secret(r)}),
    ),
    "aws_session_token": _p(
        lambda r: f"  s3:\n    session_token: {v.aws_session_token(r)}\n    bucket: livekit-egress"
    ),
    "github_classic_token": _p(
        lambda r: _ufs_n8n_credential(r, "githubApi", {"accessToken": v.github_token(r, "ghp")})
    ),
    "github_oauth_token": _p(lambda r: f"headscale: oidc debug github userinfo token={v.github_token(r, 'gho')}"),
    "github_app_token": _p(
        lambda r: f"kyverno image verify: registry auth ghcr.io password {v.github_token(r, 'ghs')}"
    ),
    "github_refresh_token": _p(lambda r: f'{{"idp": "github", "refresh_token": "{v.github_token(r, "ghr")}"}}'),
    "github_fine_grained_token": _p(lambda r: f"VW_GITHUB_PAT=github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)}"),
    "gitlab_token": _p(
        lambda r: f"git clone https://oauth2:glpat-{rand(r, ALNUM + '_-', 20)}@gitlab.com/hubnord/infra.git"
    ),
    "slack_token": _p(lambda r: _ufs_n8n_credential(r, "slackApi", {"accessToken": v.slack_token(r)})),
    "slack_webhook": _p(
        lambda r: (
            "  - name: slack\n    slack_configs:\n      - api_url: https://hooks.slack.com/services/"
            f"T{rand(r, v.UPPER, 10)}/B{rand(r, v.UPPER, 10)}/{rand(r, ALNUM, 24)}"
        )
    ),
    "stripe_key": _p(lambda r: f"STRIPE_SECRET_KEY={v.stripe_key(r)} # coworking day passes"),
    "google_api_key": _p(lambda r: f"GET /maps/api/geocode/json?address=Cayenne&key=AIza{rand(r, ALNUM + '_-', 35)}"),
    "google_oauth_client_secret": _p(
        lambda r: (
            "oidc:\n  issuer: https://accounts.google.com\n  client_id: "
            f"{r.randrange(10**11, 10**12)}-{rand(r, string.ascii_lowercase + string.digits, 32)}"
            ".apps.googleusercontent.com\n"
            f"  client_secret: GOCSPX-{rand(r, ALNUM + '_-', 28)}"
        )
    ),
    "gcp_oauth_token": _p(lambda r: f"livekit egress: gcp upload with token {v.gcp_token(r)} to gs://tele-recordings"),
    "twilio_api_key": _p(lambda r: _ufs_n8n_credential(r, "twilioApi", {"apiKeySid": f"SK{rand(r, HEX, 32)}"})),
    "sendgrid_api_key": _p(
        lambda r: f"SMTP_PASSWORD=SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)} SMTP_USERNAME=apikey"
    ),
    "huggingface_token": _p(lambda r: f"HF_TOKEN=hf_{rand(r, ALNUM, 34)} livekit-agents download-files"),
    "npm_token": _p(lambda r: f"//registry.npmjs.org/:_authToken=npm_{rand(r, ALNUM, 36)}"),
    "pypi_token": _p(lambda r: f"TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}"),
    "shopify_token": _p(lambda r: f"X-Shopify-Access-Token: shpat_{rand(r, HEX, 32)}"),
    "digitalocean_token": _p(lambda r: f"headscale dns: DO_AUTH_TOKEN=dop_v1_{rand(r, HEX, 64)}"),
    "telegram_bot_token": _p(
        lambda r: _ufs_n8n_credential(
            r, "telegramApi", {"accessToken": f"{r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + '_-', 33)}"}
        )
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            f"AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=telerec;AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net"
        )
    ),
    "azure_sas_token": _p(
        lambda r: (
            f"egress upload https://telerec.blob.core.windows.net/rooms/consult.mp4?sv=2024-11-04&sr=b&sp=cw&se=2026-01-30&sig={v.azure_sas_sig(r)}"
        )
    ),
    "clickhouse_cloud_key": _p(
        lambda r: f"vmagent -remoteWrite.basicAuth.password={v.clickhouse_secret(r)} (clickhouse cloud sink)"
    ),
    "jwt": _p(
        lambda r: f"Authorization: Bearer {v.unforeseen_hanko_jwt(r)}",
        lambda r: f"Cookie: sAccessToken={v.unforeseen_supertokens_jwt(r)}; sFrontToken=e30",
        lambda r: f'{{"token": "{v.unforeseen_pocketbase_jwt(r)}", "record": {{"collectionName": "users"}}}}',
        lambda r: f"X-Appwrite-JWT: {v.unforeseen_appwrite_jwt(r)}",
        lambda r: f"authorization: Bearer {v.unforeseen_frontegg_jwt(r)}",
        lambda r: f"wss://tele.example/rtc?access_token={v.unforeseen_livekit_jwt(r)}&auto_subscribe=1",
        lambda r: f"Cookie: jwt={v.unforeseen_lemmy_jwt(r)}",
        lambda r: f'{{"data": {{"access_token": "{v.unforeseen_directus_jwt(r)}", "expires": 900000}}}}',
    ),
    "private_key": _p(
        lambda r: "tls:\n  key: |\n    " + _ufs_pem(r, "EC PRIVATE KEY", 121).replace("\n", "\n    "),
        _ufs_escaped_key,
        lambda r: f"cat /var/lib/headscale/noise_private.key\n{_ufs_headscale_key(r)}",
    ),
    "url_credentials": _p(
        lambda r: (
            f"  restapi:\n    connect_address: patroni:8008\n  postgresql:\n    pgpass: /tmp/pgpass\n"
            f"  recovery_url: postgres://replicator:{_ufs_url_password(r)}@pg-1:5432/postgres"
        ),
        lambda r: f"DATABASE_URL=postgresql://vaultwarden:{_ufs_url_password(r)}@db:5432/vaultwarden",
        lambda r: f"DB_POSTGRESDB_URL=postgres://n8n:{_ufs_url_password(r)}@pg-n8n:5432/n8n",
        lambda r: f"-remoteWrite.url=https://vm:{_ufs_url_password(r)}@vm.ev-grid.example/api/v1/write",
    ),
    "password_assignment": _p(
        lambda r: (
            "postgresql:\n  authentication:\n    superuser:\n      username: postgres\n"
            f"      password: '{_ufs_password(r)}'"
        ),
        lambda r: f"SMTP_PASSWORD={_ufs_password(r)}",
        lambda r: f"DB_POSTGRESDB_PASSWORD={_ufs_password(r)}",
        lambda r: f'  "admin_key": [{{"name": "admin", "role": "admin", "password": "{_ufs_password(r)}"}}]',
        lambda r: f"-remoteWrite.basicAuth.password='{_ufs_password(r)}'",
        lambda r: _ufs_n8n_credential(r, "postgres", {"host": "pg-1", "user": "n8n", "password": _ufs_password(r)}),
        lambda r: f"zitadel admin setup --init-projections FirstInstance.Org.Human.Password={_ufs_password(r)}",
    ),
    "sql_identified_by": _p(
        lambda r: f"CREATE USER 'vw_ro'@'%' IDENTIFIED BY '{_ufs_password(r)}';",
        lambda r: f'ALTER USER grafana_reader IDENTIFIED BY "{_ufs_password(r)}";',
    ),
    "bearer_token": _p(
        lambda r: f"Authorization: Bearer {v.unforeseen_meili_key(r)}",
        lambda r: f"Authorization: Bearer {v.unforeseen_hetzner_token(r)}",
        lambda r: f"Authorization: Bearer {v.unforeseen_vimeo_token(r)}",
        lambda r: f"Authorization: Bearer {v.unforeseen_leonardo_key(r)}",
        lambda r: f"authorization: Bearer {rand(r, ALNUM, 48)}",
    ),
    "basic_auth": _p(
        lambda r: f"Authorization: Basic {_ufs_basic('api', v.unforeseen_mailgun_key(r))}",
        lambda r: (
            "Authorization: Basic "
            + _ufs_basic(f"hub-export.{rand(r, string.digits, 4)}.mp-service-account", v.unforeseen_mixpanel_secret(r))
        ),
        lambda r: f"Authorization: Basic {v.unforeseen_did_basic(r)}",
        lambda r: f"Authorization: Basic {_ufs_basic(*v.unforeseen_sinch_pair(r))}",
        lambda r: f"Authorization: Basic {_ufs_basic('patroni', _ufs_password(r))}",
        lambda r: f"Authorization: Basic {_ufs_basic(*v.unforeseen_amplitude_pair(r))}",
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: language=en-gb; currency=EUR; OCSESSID={rand(r, HEX, 26)}",
        lambda r: f"Cookie: WHMCS{rand(r, ALNUM, 12)}={rand(r, string.ascii_lowercase + string.digits, 26)}",
        lambda r: f"Cookie: Horde={rand(r, ALNUM, 26)}; horde_secret_key={rand(r, ALNUM, 26)}",
        lambda r: (
            f"Cookie: SQMSESSID={rand(r, string.ascii_lowercase + string.digits, 26)}; squirrelmail_language=fo_FO"
        ),
        lambda r: (
            f"Cookie: CraftSessionId={rand(r, string.ascii_lowercase + string.digits, 26)}; CRAFT_CSRF_TOKEN=expired"
        ),
        lambda r: (
            f"Cookie: kirby_session={rand(r, HEX, 40)}%2B{r.randrange(1_769_000_000, 1_770_000_000)}.{rand(r, HEX, 40)}"
        ),
        lambda r: f"Cookie: session={rand(r, ALNUM, 32)}; listmonk_lang=en",
    ),
    "auth_token_assignment": _p(
        lambda r: f"https://api.serpwow.example/live/search?q=ev+charger&api_key={rand(r, HEX, 32)}",
        lambda r: f"SONAR_TOKEN={v.unforeseen_sonar_token(r)}",
        lambda r: f"?token={v.unforeseen_ocpi_token(r)}&evse_uid=FR*UFS*E{r.randrange(100, 999)}",
        lambda r: f"VIMEO_ACCESS_TOKEN={v.unforeseen_vimeo_token(r)}",
    ),
    "generic_secret": _p(
        lambda r: f"apikey: {v.unforeseen_ghasedak_key(r)}",
        lambda r: f"Authorization: Apikey {v.unforeseen_arvan_key(r)}",
        lambda r: f"Authorization: AccessKey {v.unforeseen_messagebird_key(r)}",
        lambda r: f"Authorization: ApiKey {v.unforeseen_novu_key(r)}",
        lambda r: f"X-TYPESENSE-API-KEY: {v.unforeseen_typesense_key(r)}",
        lambda r: f"X-Appwrite-Project: hubnord\nX-Appwrite-Key: {v.unforeseen_appwrite_key(r)}",
        lambda r: f"Authorization: token api-sync:{v.unforeseen_listmonk_token(r)}",
        lambda r: f"GET https://api.kavenegar.com/v1/{v.unforeseen_kavenegar_key(r)}/sms/send.json?receptor=&message=",
    ),
    "password_hash": _p(
        lambda r: (
            f"UPDATE users SET pass = '{v.unforeseen_password_hash(r, 'drupal7')}' WHERE uid = {r.randrange(2, 900)};"
        ),
        lambda r: f"rolname=replicator rolpassword={v.unforeseen_password_hash(r, 'postgres_scram')}",
        lambda r: (
            "INSERT INTO authme (username, password) VALUES "
            f"('tinna', '{v.unforeseen_password_hash(r, 'authme_sha256')}');"
        ),
        lambda r: f"oc_customer: {v.unforeseen_password_hash(r, 'opencart_sha1')}",
        lambda r: v.unforeseen_password_hash(r, "ipb_md5"),
        lambda r: f"/etc/apache2/.htdigest: {v.unforeseen_password_hash(r, 'htdigest')}",
        lambda r: f"users: {v.unforeseen_password_hash(r, 'ejabberd_scram')}",
        lambda r: f"umbracoUser {r.randrange(2, 90)}: {v.unforeseen_password_hash(r, 'umbraco_hmacsha256')}",
    ),
    "credential_phrase": _p(
        lambda r: f"She {_ufs_password(r)} fockle-arrey yn Wi-Fi",
        lambda r: f"{_ufs_password(r)} وشەی نهێنیی وای فایەکەیە",
        lambda r: f"{_ufs_password(r)} — Wi-Fi пароль",
        lambda r: f"La contraseña del Wi-Fi ye {_ufs_password(r)}",
        lambda r: f"{_ufs_password(r)} ang password sa Wi-Fi sa hub",
        lambda r: f"front desk note: guest wifi changed, new password {_ufs_password(r)} — don't put it on the board",
        lambda r: f"the charger's service menu code is {_ufs_password(r)}, the technician set it that way",
    ),
    "email": _p(
        lambda r: f'{{"level": "info", "message": "invite sent", "metadata": {{"email": "{v.unforeseen_email(r)}"}}}}',
        lambda r: f"[vaultwarden::mail][INFO] Sending invite email to {v.unforeseen_email(r)}",
        lambda r: f'zitadel: user.human.added {{"preferredLoginName": "{v.unforeseen_email(r)}"}}',
        lambda r: f"listmonk subscriber: {v.unforeseen_email(r)} status=enabled lists=[members]",
        lambda r: f"headscale users create --email {v.unforeseen_email(r)} tinna",
        lambda r: f"To: {_ufs_name(r)} <{v.unforeseen_email(r)}>",
    ),
    "ipv4": _p(
        lambda r: f"headscale nodes list: hub-door-1 {v.ipv4(r)} online",
        lambda r: f"patroni: Lock owner: pg-1; I am pg-2; conninfo host={v.ipv4(r)} port=5432",
        lambda r: f'{{"remote_addr": "{v.ipv4(r)}", "route": "/ocpi/2.2/sessions", "status": 401}}',
        lambda r: f"falco: Outbound connection to {v.ipv4(r)}:4444 by nc",
        lambda r: f"آدرس آی‌پی ورود: {v.ipv4(r)}",
    ),
    "ipv6": _p(
        lambda r: f"livekit: ICE candidate {v.ipv6(r)} udp 7882",
        lambda r: f"X-Forwarded-For: {v.ipv6(r)}",
    ),
    "phone": _p(
        lambda r: (
            f'[2, "{v.unforeseen_uuid(r)}", "DataTransfer", {{"vendorId": "ufs", '
            f'"data": "{{\\"driverPhone\\":\\"{_ufs_phone(r, True)}\\"}}"}}]'
        ),
        lambda r: f"receptor={urllib.parse.quote(_ufs_phone(r, True))}&message=Your+consultation+starts+in+10+minutes",
        lambda r: f"Cur fys orrym er {_ufs_phone(r)}",
        lambda r: f"تکایە پەیوەندیم پێوە بکە لەسەر {_ufs_phone(r)}",
        lambda r: f"Шӑнкӑравлӑр мана {_ufs_phone(r)} номерпа",
        lambda r: f"Llámame al {_ufs_phone(r)}",
        lambda r: f"Tawagi ko sa {_ufs_phone(r)}",
        lambda r: f"TEL;TYPE=CELL:{_ufs_phone(r, True)}",
    ),
    "payment_card": _p(
        lambda r: f"شماره کارتم {_ufs_persian_card(r)} هست",
        _ufs_two_lines,
        lambda r: f"card {v.unforeseen_card(r, sep='.')} exp {r.randrange(1, 13):02d}/{r.randrange(27, 31)}",
        lambda r: _ufs_paytabs(r, v.unforeseen_card_number(r, pick(r, "visa", "mastercard", "amex"))),
        lambda r: _ufs_terminal(r, v.unforeseen_card_number(r, pick(r, "visa", "mastercard"))),
        lambda r: _ufs_ocpp(
            "DataTransfer",
            {
                "vendorId": "ufs.adhoc",
                "messageId": "CardPayment",
                "data": json.dumps({"pan": v.unforeseen_card_number(r, "visa"), "amount": _ufs_amount(r)}),
            },
            r,
        ),
        lambda r: f"Palihug i-charge sa akong card {v.unforeseen_card(r, 'jcb', sep=' ')}",
        lambda r: f"{v.unforeseen_card(r, 'shetab', sep='-')} کارتی بانکیمە",
    ),
    "iban": _p(
        lambda r: _ufs_pain008(r, v.unforeseen_iban(r, country=pick(r, "FR", "FO"))),
        lambda r: _ufs_bankline(r, v.unforeseen_iban(r, country="GB")),
        lambda r: _ufs_modulr(r, v.unforeseen_iban(r, country=pick(r, "GB", "FR", "FO"))),
        lambda r: _ufs_faroese_csv(r, v.unforeseen_iban(r, country="FO", grouped=True)),
        lambda r: _ufs_aid_manifest(r, v.unforeseen_iban(r, country=pick(r, "PS", "SD"), grouped=False)),
        lambda r: _ufs_payout_ir(r, v.unforeseen_iban(r, country="IR")),
        lambda r: f"شماره شبا: {v.unforeseen_iban(r, country='IR', grouped=True)}",
        lambda r: f"رقم الآيبان: {v.unforeseen_iban(r, country=pick(r, 'SD', 'PS'), grouped=False)}",
    ),
}

UNFORESEEN_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: '{"apiKey": "={{ $credentials.openAiApi.apiKey }}"}'),
    "openai_project_key": _p(
        lambda r: '"Authorization": "Bearer $env://OPENAI_API_KEY"',
        lambda r: f"OPENAI_API_KEY=sk-proj-…{rand(r, ALNUM, 4)} (set, hidden)",
    ),
    "anthropic_api_key": _p(
        lambda r: (
            "      - name: ANTHROPIC_API_KEY\n        valueFrom:\n          secretKeyRef: {name: llm, key: anthropic}"
        )
    ),
    "deepseek_api_key": _p(lambda r: '"value": "Bearer {{env \\"DEEPSEEK_KEY\\"}}"'),
    "aws_access_key_id": _p(
        lambda r: f"B2 keyID {v.unforeseen_backblaze_pair(r)[0]} (read-only, bucket tele-recordings)",
        lambda r: f"exoscale key {v.unforeseen_exoscale_pair(r)[0]} revoked",
    ),
    "aws_secret_access_key": _p(lambda r: "-remoteWrite.aws.secretKey=$(cat /run/secrets/aws_secret)"),
    "aws_session_token": _p(lambda r: "  s3:\n    session_token: ''\n    bucket: livekit-egress"),
    "github_classic_token": _p(
        lambda r: '{"type": "githubApi", "data": {"accessToken": "__n8n_BLANK_VALUE_e5362baf"}}'
    ),
    "github_oauth_token": _p(lambda r: "headscale: oidc github userinfo token=<redacted>"),
    "github_app_token": _p(lambda r: f"kyverno: image ghcr.io/hubnord/api@sha256:{rand(r, HEX, 64)} verified"),
    "github_refresh_token": _p(lambda r: '{"idp": "github", "refresh_token": null}'),
    "github_fine_grained_token": _p(lambda r: "VW_GITHUB_PAT=${{ secrets.VW_GITHUB_PAT }}"),
    "gitlab_token": _p(lambda r: f"git clone https://gitlab.com/hubnord/infra.git (commit {rand(r, HEX, 40)})"),
    "slack_token": _p(lambda r: '{"type": "slackApi", "data": {"accessToken": "={{ $env.SLACK_TOKEN }}"}}'),
    "slack_webhook": _p(lambda r: "      - api_url_file: /etc/alertmanager/slack_url"),
    "stripe_key": _p(lambda r: f"STRIPE_PUBLISHABLE_KEY=pk_live_{rand(r, ALNUM, 99)}"),
    "google_api_key": _p(lambda r: "GET /maps/api/geocode/json?address=Cayenne&key=YOUR_API_KEY"),
    "google_oauth_client_secret": _p(lambda r: "  client_secret_path: /etc/headscale/oidc_secret"),
    "gcp_oauth_token": _p(lambda r: "livekit egress: gcp credentials from workload identity (no token in config)"),
    "twilio_api_key": _p(lambda r: f"TWILIO_ACCOUNT_SID=AC{rand(r, HEX, 32)}"),
    "sendgrid_api_key": _p(lambda r: "SMTP_USERNAME=apikey SMTP_PASSWORD=<sendgrid key>"),
    "huggingface_token": _p(lambda r: "HF_TOKEN= livekit-agents download-files (anonymous)"),
    "npm_token": _p(lambda r: "//registry.npmjs.org/:_authToken=${NPM_TOKEN}"),
    "pypi_token": _p(lambda r: "TWINE_USERNAME=__token__"),
    "shopify_token": _p(lambda r: "X-Shopify-Shop-Domain: hubnord.myshopify.com"),
    "digitalocean_token": _p(lambda r: "headscale dns: DO_AUTH_TOKEN is not set, skipping ACME DNS-01"),
    "telegram_bot_token": _p(lambda r: f"telegram chat_id=-100{v.unforeseen_digits(r, 10)} message_thread_id=4"),
    "azure_storage_connection_string": _p(lambda r: "AZURE_STORAGE_CONNECTION_STRING=UseDevelopmentStorage=true"),
    "azure_sas_token": _p(
        lambda r: "egress upload https://telerec.blob.core.windows.net/rooms/consult.mp4 (managed identity)"
    ),
    "clickhouse_cloud_key": _p(lambda r: "-remoteWrite.basicAuth.passwordFile=/etc/vmagent/ch_password"),
    "jwt": _p(
        _ufs_hanko_jwks,
        lambda r: "Cookie: sAccessToken=; sFrontToken=remove",
        lambda r: f"jwt header {v.b64url(json.dumps({'alg': 'HS256', 'typ': 'JWT'}).encode())} only, payload missing",
        lambda r: f"LIVEKIT_API_KEY={v.unforeseen_livekit_pair(r)[0]}",
    ),
    "private_key": _p(
        lambda r: "tls:\n  cert: |\n    -----BEGIN CERTIFICATE-----\n    " + v.b64(r.randbytes(48)),
        lambda r: f"headscale: noise public key nodekey:{rand(r, HEX, 64)}",
        lambda r: "private_key_path: /var/lib/headscale/private.key",
    ),
    "url_credentials": _p(
        lambda r: "DATABASE_URL=postgresql://vaultwarden@db:5432/vaultwarden?sslmode=verify-full",
        lambda r: "DB_POSTGRESDB_URL=postgres://${DB_USER}:${DB_PASSWORD}@pg-n8n:5432/n8n",
        lambda r: "ftp://anonymous@mirror.fo/pub/",
    ),
    "password_assignment": _p(
        lambda r: "      password: ${PATRONI_SUPERUSER_PASSWORD}",
        lambda r: "SMTP_PASSWORD_FILE=/run/secrets/smtp",
        lambda r: '{"password": "={{ $credentials.password }}"}',
        lambda r: f"password_reset_ttl={r.randrange(10, 60)}m password_min_length=12",
        lambda r: (
            "ADMIN_TOKEN='$argon2id$v=19$m=65540,t=3,p=4$"
            + v.b64(r.randbytes(32)).rstrip("=")
            + "$"
            + v.b64(r.randbytes(32)).rstrip("=")
            + "'"
        ),
    ),
    "sql_identified_by": _p(lambda r: "CREATE USER 'vw_ro'@'%' IDENTIFIED WITH auth_socket;"),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer {{$json.token}}",
        lambda r: "Authorization: Bearer undefined",
        lambda r: f"Authorization: Bearer {rand(r, HEX, 4)}…{rand(r, HEX, 4)} (masked)",
    ),
    "basic_auth": _p(
        lambda r: f"Authorization: Basic {_ufs_basic('api', '')}",
        lambda r: 'WWW-Authenticate: Basic realm="Patroni REST API"',
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: OCSESSID=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/",
        lambda r: (
            f"Cookie: language=fo; currency=DKK; _ga=GA1.2.{v.unforeseen_digits(r, 9)}."
            f"{r.randrange(1_760_000_000, 1_770_000_000)}"
        ),
        lambda r: f"Cookie: CRAFT_CSRF_TOKEN={rand(r, ALNUM, 40)}",
    ),
    "auth_token_assignment": _p(
        lambda r: "GET https://api.kavenegar.com/v1/{API-KEY}/sms/send.json",
        lambda r: f'mixpanel.init("{rand(r, HEX, 32)}") // project token (public)',
        lambda r: f"amplitude.init('{v.unforeseen_amplitude_pair(r)[0]}') // browser API key",
        lambda r: f"token_type=Bearer&expires_in={r.randrange(600, 7200)}",
    ),
    "generic_secret": _p(
        lambda r: "apikey: <ghasedak api key>",
        lambda r: "Authorization: Apikey ${ARVAN_API_KEY}",
        lambda r: f"X-Appwrite-Project: hubnord-{rand(r, HEX, 6)}",
        lambda r: f"agora channel consult-{rand(r, HEX, 8)} uid={r.randrange(1, 99999)}",
    ),
    "password_hash": _p(
        lambda r: f"git commit {rand(r, HEX, 40)} (drupal core 7.{r.randrange(90, 103)})",
        lambda r: f"sha256sum {hashlib.sha256(r.randbytes(8)).hexdigest()}  meilisearch-linux-amd64",
        lambda r: "rolname=replicator rolpassword=NULL rolcanlogin=t",
        lambda r: f'ETag: "{hashlib.md5(r.randbytes(8)).hexdigest()}"',
    ),
    "credential_phrase": _p(
        lambda r: "Vel oo er yarrood dty fockle-arrey?",
        lambda r: "وشەی نهێنییەکەت لەبیر کردووە؟",
        lambda r: "Пароле манӑҫрӑр-и?",
        lambda r: "¿Escaecisti la to contraseña?",
        lambda r: "Nakalimtan nimo ang imong password?",
        lambda r: "Your password must be 12 characters and include a number.",
    ),
    "email": _p(
        lambda r: "mailto:{{ member.email }}?subject=Welcome",
        lambda r: "kyverno.io/v1/ClusterPolicy@restrict-secrets",
        lambda r: f"git@github.com:hubnord/ev-grid.git {rand(r, HEX, 7)}",
        lambda r: f"{pick(r, 't', 'm', 'r')}***@{pick(r, 'olivant.fo', 'chmail.ir', 'manx.net')}",
        lambda r: f"image: docker.io/livekit/livekit-server@sha256:{rand(r, HEX, 64)}",
    ),
    "ipv4": _p(
        lambda r: f"livekit-server v1.{r.randrange(5, 9)}.{r.randrange(0, 9)}.{r.randrange(0, 9)}",
        lambda r: f"OCPP 1.6 firmware 4.{r.randrange(0, 9)}.{r.randrange(10, 40)}.{r.randrange(100, 300)}",
        lambda r: f"OID 1.3.6.1.4.1.{r.randrange(10000, 60000)}.1",
        lambda r: f"مبلغ {r.randrange(1, 9)}.{r.randrange(100, 999)}.{r.randrange(100, 999)}.000 ریال",
    ),
    "ipv6": _p(
        lambda r: "hscontrol::poll::handler: map response sent",
        lambda r: f"door reader MAC {':'.join(rand(r, HEX, 2) for _ in range(6))}",
    ),
    "phone": _p(
        lambda r: f"callback {v.unforeseen_invalid_phone(r, _ufs_regions())}",
        lambda r: f"ISBN {v.unforeseen_isbn13(r)}",
        lambda r: f"tracking {v.unforeseen_tracking(r)}",
        lambda r: f"order #{v.unforeseen_digits(r, 10)}",
        lambda r: f"تاریخ ۱۴۰۴/۱۰/{r.randrange(10, 30)}".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")),
        lambda r: f"EVSE FR*UFS*E{v.unforeseen_digits(r, 9)}*1",
        lambda r: f"livekit room consult-{r.randrange(1_769_000_000, 1_770_000_000)}",
    ),
    "payment_card": _p(
        lambda r: f"card {v.unforeseen_card_number(r, 'shetab')[:6]}******{r.randrange(1000, 9999)}",
        lambda r: f"declined: {v.wrong_last_digit(r, v.unforeseen_card(r, sep=' '))}",
        lambda r: f"idTag {rand(r, v.HEX, 8).upper()} (RFID UID {v.unforeseen_digits(r, 16)})",
        lambda r: f"ISBN {v.unforeseen_isbn13(r).replace('-', '')}",
        lambda r: f"build {v.luhn_free_number(r, 10**15, 10**16)}",
        lambda r: f"refund sent to {v.unforeseen_iban(r, country='FO', grouped=True)}",
    ),
    "iban": _p(
        lambda r: f"حساب رقم {v.unforeseen_syrian_account(r)} المصرف التجاري السوري",
        lambda r: f"IBAN {v.unforeseen_iban(r, valid=False)} rejected (checksum)",
        lambda r: f"IBAN GB** **** **** **** **{r.randrange(1000, 9999)}",
        lambda r: (
            f"sort code {r.randrange(10, 99)}-{r.randrange(10, 99)}-{r.randrange(10, 99)} "
            f"account ending {r.randrange(1000, 9999)}"
        ),
        lambda r: f"EVSE id FR*UFS*E{rand(r, v.UPPER, 10)}",
    ),
}

# Own negatives that truthfully hold another class: Vaultwarden's argon2 ``ADMIN_TOKEN`` is a password hash; a refund
# paid out to an IBAN is an IBAN finding.
UNFORESEEN_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("password_assignment", 4): frozenset({"password_hash"}),
    ("payment_card", 5): frozenset({"iban"}),
}

# ---------------------------------------------------------------------------- the unguessed split's own shapes
#
# Written for the twenty-ninth split only, by a twenty-third session that did not read the rules
# (``build_corpus("unguessed")`` puts them before the shared generators, as for the splits since hidden): values in
# Forgejo's ``app.ini`` and CLI, PostgREST's configuration, EMQX's ``emqx.conf`` and REST API, Kanidm's server and CLI,
# Promtail's ``clients`` block, Stalwart's TOML, coturn's ``turnserver.conf``, Traccar's ``traccar.xml``, OpenBao's CLI
# and config, Paperless-ngx's environment, Inngest's signing and event keys and Valkey's ``ACL SETUSER``; Retell,
# Soniox, LMNT, Murf, Hedra, Meshy, Recraft, Kling, Mindee, Veryfi, Nanonets, Uploadcare, ImageKit, Klaviyo, Iterable,
# SparkPost, Mailjet, Mandrill, Nylas, Strava, Pexels, Dropbox, Trello, Smartsheet, Retool, Tines, Koyeb, ScrapingBee,
# Browserless, CometChat, Dyte, Reloadly, DingConnect, GatewayAPI, Bright Data and Oxylabs requests (keys of vendors
# with no detector of their own: bearers, custom headers and schemes, Basic pairs, query tokens, proxy URLs), Discord
# and Teams webhooks, JWTs of new issuers (Kling, 100ms, Whereby, Calendly, monday.com, Fitbit, Reddit, Kanidm,
# Forgejo), session cookies of Joomla, Phabricator, Gerrit, Bugzilla, Trac, Gogs and Focalboard, password-derived
# material of eight families, cards of new BIN ranges in ISO 8583 dumps, track 2 data, Clover bodies, receipts and chat,
# IBANs of four countries in MT103 messages, camt.053 entries, Finvoice invoices, CEMAC transfers, Swan GraphQL
# mutations and pacs.008 transfers, phone numbers of eight new regions in Reloadly and DingConnect bodies, vCards, CRM
# rows and sentences in Antillean Creole, Low German, Friulian, Assamese and Bhojpuri; and look-alikes that are not
# findings (Inngest's event key, Uploadcare, ImageKit and Klaviyo public keys, Trello's API key, Unsplash access keys,
# Veryfi client ids, Kling access keys and Dyte organisation ids next to their secrets, Mapbox public tokens, OpenBao
# ``{{ with secret }}`` templates, ``_FILE`` paths, ICCIDs and IMEIs (Luhn-valid, no cards), ISBNs, UPS tracking
# numbers, RF creditor references (they pass mod-97), Finnish payment references, Cuban accounts, ABA routing numbers,
# New Zealand accounts, invalid IBANs and phone numbers, versions, git SHAs, content digests, cache keys, container
# digests, coordinates and ``user@host`` strings that are no e-mails).
# ``UNGUESSED_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class.


def _ugs_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _ugs_password(r: random.Random) -> str:
    return v.unguessed_password(r)


def _ugs_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unguessed_password(r), safe="")


def _ugs_phone(r: random.Random, international_only: bool = False) -> str:
    return v.unguessed_phone(r, _ugs_regions(), international_only)


def _ugs_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _ugs_amount(r: random.Random) -> str:
    return f"{r.randrange(20, 4000)}.{r.randrange(0, 100):02d}"


def _ugs_name(r: random.Random) -> str:
    return pick(
        r, "Yanelis Pérez", "Elin Eriksson", "Mats Sundblom", "Maëva Bellony", "Ketty Rose", "Aristide Ngaba",
        "Keisha Benjamin", "Ruthmilda Martis", "Moka Tukuitonga", "Sione Talagi",
    )  # fmt: skip


def _ugs_pem(r: random.Random, kind: str, n: int) -> str:
    body = v.b64(r.randbytes(n))
    lines = "\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN {kind}-----\n{lines}\n-----END {kind}-----"


def _ugs_zero_padded(r: random.Random, n: int) -> str:
    """A zero-padded ISO 8583 number field of ``n`` digits (an amount, a trace number) that fails Luhn."""
    while True:
        text = str(r.randrange(100, 10**5)).rjust(n, "0")
        if not v.luhn_ok(text):
            return text


def _ugs_iso8583(r: random.Random, pan: str) -> str:
    """An acquirer's ISO 8583 debug dump of an authorisation request: the MTI, the PAN in field 2, the amount, the
    trace number, the terminal and the currency."""
    return (
        f"MTI=0100 [002] PAN={pan} [003] PROC=000000 [004] AMT={_ugs_zero_padded(r, 12)} "
        f"[011] STAN={_ugs_zero_padded(r, 6)} [041] TID=FERRY{r.randrange(10, 99)} [049] CUR={pick(r, '978', '840')}"
    )


def _ugs_track2(r: random.Random, pan: str) -> str:
    """A card reader's track 2 data as a misconfigured POS logged it: the PAN, ``=``, the expiry, the service code and
    discretionary data (drawn until no run after the separator passes Luhn)."""
    while True:
        tail = f"{r.randrange(27, 31)}{r.randrange(1, 13):02d}201" + "".join(r.choice(string.digits) for _ in range(9))
        if not v._urm_luhn_windows(tail):
            return f"swipe ok track2=;{pan}={tail}?"


def _ugs_clover(r: random.Random, pan: str) -> str:
    """A Clover e-commerce ``/v1/tokens`` body posted by a dive shop's server with the card inline."""
    body = {"card": {"number": pan, "exp_month": f"{r.randrange(1, 13):02d}", "exp_year": str(r.randrange(2027, 2032)),
                     "cvv": f"{r.randrange(100, 999)}", "brand": "VISA" if pan[0] == "4" else "MC"}}  # fmt: skip
    return json.dumps(body)


def _ugs_receipt(r: random.Random, card: str) -> str:
    """A ferry kiosk's receipt printed to its log, the full card number on it (a misconfigured template)."""
    return f"KVITTO / KUITTI\nViking Kiosk 04\nKORT: {card}\nSUMMA EUR {_ugs_amount(r)}\nGODKÄND"


def _ugs_mt103(r: random.Random, iban: str) -> str:
    """A SWIFT MT103's text block: the reference, the value date and amount, the ordering customer (a US account) and
    the beneficiary's IBAN and name."""
    compact = iban.replace(" ", "")
    return (
        f":20:UGS{rand(r, v.UPPER, 10)}\n:23B:CRED\n:32A:2601{r.randrange(10, 28)}EUR{r.randrange(100, 9000)},00\n"
        f":50K:/{v.unguessed_clean_digits(r, 10)}\nCARIB DIVE SUPPLY LLC\n:59:/{compact}\n{_ugs_name(r).upper()}\n"
        ":71A:SHA"
    )


def _ugs_camt053(r: random.Random, iban: str) -> str:
    """A camt.053 statement entry: the amount, the debtor's name and IBAN and the Finnish payment reference."""
    compact = iban.replace(" ", "")
    return (
        f'<Ntry><Amt Ccy="EUR">{_ugs_amount(r)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><NtryDtls><TxDtls><RltdPties><Dbtr>'
        f"<Nm>{_ugs_name(r)}</Nm></Dbtr><DbtrAcct><Id><IBAN>{compact}</IBAN></Id></DbtrAcct></RltdPties><RmtInf><Strd>"
        f"<CdtrRefInf><Ref>{v.unguessed_fi_reference(r).replace(' ', '')}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>"
        "</NtryDtls></Ntry>"
    )


def _ugs_finvoice(r: random.Random, iban: str) -> str:
    """A Finvoice 3.0 e-invoice's payment details: the seller's IBAN and BIC, the due date and the reference."""
    compact = iban.replace(" ", "")
    return (
        "<EpiDetails><EpiPartyDetails><EpiBeneficiaryPartyDetails><EpiNameAddressDetails>Ålands Dykcenter Ab"
        '</EpiNameAddressDetails></EpiBeneficiaryPartyDetails><EpiAccountID IdentificationSchemeName="IBAN">'
        f"{compact}</EpiAccountID></EpiPartyDetails><EpiPaymentInstructionDetails><EpiRemittanceInfoIdentifier "
        f'IdentificationSchemeName="SPY">{v.unguessed_fi_reference(r).replace(" ", "")}</EpiRemittanceInfoIdentifier>'
        f'<EpiDateOptionDate Format="CCYYMMDD">202602{r.randrange(10, 28)}</EpiDateOptionDate>'
        "</EpiPaymentInstructionDetails></EpiDetails>"
    )


def _ugs_cemac(r: random.Random, iban: str) -> str:
    """A CEMAC interbank transfer request (JSON) of a Bangui money-transfer agent: the beneficiary's IBAN, the amount in
    CFA francs and the purpose."""
    body = {
        "ordre": f"TRF-{rand(r, v.UPPER, 8)}",
        "beneficiaire": {"nom": _ugs_name(r), "iban": iban},
        "montant": {"valeur": r.randrange(10, 900) * 1000, "devise": "XAF"},
        "motif": "frais de scolarité",
    }
    return json.dumps(body, ensure_ascii=r.random() < 0.5)


def _ugs_swan(r: random.Random, iban: str) -> str:
    """A Swan GraphQL mutation initiating a SEPA credit transfer to an IBAN beneficiary."""
    compact = iban.replace(" ", "")
    return (
        'mutation { initiateCreditTransfers(input: { accountId: "' + v.unguessed_uuid(r) + '", creditTransfers: '
        f'[{{ sepaBeneficiary: {{ name: "{_ugs_name(r)}", iban: "{compact}", save: false }}, amount: '
        f'{{ value: "{_ugs_amount(r)}", currency: "EUR" }}, label: "refund {rand(r, v.UPPER, 6)}" }}] }}) '
        "{ __typename } }"
    )


def _ugs_pacs008(r: random.Random, iban: str) -> str:
    """An SCT Inst pacs.008 transaction: the end-to-end id, the amount and the creditor's IBAN."""
    compact = iban.replace(" ", "")
    return (
        f"<CdtTrfTxInf><PmtId><EndToEndId>E2E{rand(r, v.UPPER, 12)}</EndToEndId></PmtId>"
        f'<IntrBkSttlmAmt Ccy="EUR">{_ugs_amount(r)}</IntrBkSttlmAmt><Cdtr><Nm>{_ugs_name(r)}</Nm></Cdtr>'
        f"<CdtrAcct><Id><IBAN>{compact}</IBAN></Id></CdtrAcct></CdtTrfTxInf>"
    )


def _ugs_topup(r: random.Random, vendor: str) -> str:
    """A mobile top-up order as Reloadly's ``/topups`` (the number as the sender typed it, its country) or
    DingConnect's ``SendTransfer`` (the number's E.164 digits without the ``+``) takes it: the recipient's number (the
    operator's customer) and the amount."""
    phone = _ugs_phone(r, True)
    number = phonenumbers.parse(phone if phone.startswith("+") else "+" + phone[2:])
    if vendor == "reloadly":
        body: dict[str, object] = {
            "operatorId": r.randrange(100, 900),
            "amount": r.randrange(5, 50),
            "useLocalAmount": False,
            "customIdentifier": f"topup-{rand(r, v.HEX, 10)}",
            "recipientPhone": {"countryCode": phonenumbers.region_code_for_number(number), "number": phone},
        }
    else:
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        body = {"SkuCode": f"{phonenumbers.region_code_for_number(number)}_XX_TopUp", "SendValue": r.randrange(5, 50),
                "AccountNumber": e164[1:], "DistributorRef": rand(r, v.HEX, 12), "ValidateOnly": False}  # fmt: skip
    return json.dumps(body)


UNGUESSED_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: f"paperless-ai: OPENAI_API_KEY={v.openai_legacy(r)} (legacy, from 2023 .env)"),
    "openai_project_key": _p(
        lambda r: f'inngest.send({{ name: "ai/summarize", data: {{ key: "{v.openai_project(r)}" }} }})',
        lambda r: f"PAPERLESS_AI_LLM_API_KEY={v.openai_project(r)}",
    ),
    "anthropic_api_key": _p(
        lambda r: f'[ai]\nprovider = "anthropic"\napi_key = "{v.anthropic(r)}"',
        lambda r: f"forgejo actions secret ANTHROPIC_API_KEY set to {v.anthropic(r)} by ci-bot",
    ),
    "deepseek_api_key": _p(lambda r: f"OPENAI_BASE_URL=https://api.deepseek.com OPENAI_API_KEY={v.deepseek(r)}"),
    "aws_access_key_id": _p(
        lambda r: f"promtail: s3 sink access_key_id={v.aws_key_id(r)} bucket=ferry-logs",
        lambda r: f"PAPERLESS_CONSUMER_S3_KEY_ID={v.aws_key_id(r)}",
    ),
    "aws_secret_access_key": _p(
        lambda r: f'[storage.s3]\nsecret-key = "{v.aws_secret(r)}"',
        lambda r: f"bao write aws/config/root secret_key={v.aws_secret(r)} region=eu-north-1",
    ),
    "aws_session_token": _p(lambda r: f"traccar: <entry key='media.s3.sessionToken'>{v.aws_session_token(r)}</entry>"),
    "github_classic_token": _p(
        lambda r: f"forgejo migrate --clone-addr github --auth-token {v.github_token(r, 'ghp')}"
    ),
    "github_oauth_token": _p(lambda r: f'{{"provider": "github", "access_token": "{v.github_token(r, "gho")}"}}'),
    "github_app_token": _p(lambda r: f"forgejo mirror sync: pull with {v.github_token(r, 'ghs')}"),
    "github_refresh_token": _p(lambda r: f"oauth2 refresh github grant ok, stored {v.github_token(r, 'ghr')}"),
    "github_fine_grained_token": _p(
        lambda r: f"RENOVATE_GITHUB_COM_TOKEN=github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)}"
    ),
    "gitlab_token": _p(lambda r: f"forgejo migrate --service gitlab --auth-token glpat-{rand(r, ALNUM + '_-', 20)}"),
    "slack_token": _p(lambda r: f'[alerts.slack]\ntoken = "{v.slack_token(r)}"'),
    "slack_webhook": _p(
        lambda r: (
            f'  - url: "https://hooks.slack.com/services/T{rand(r, v.UPPER, 10)}/B{rand(r, v.UPPER, 10)}/'
            f'{rand(r, ALNUM, 24)}"'
        )
    ),
    "stripe_key": _p(lambda r: f"inngest step stripe.refunds.create key={v.stripe_key(r)}"),
    "google_api_key": _p(lambda r: f"traccar: <entry key='geocoder.key'>AIza{rand(r, ALNUM + '_-', 35)}</entry>"),
    "google_oauth_client_secret": _p(
        lambda r: f"kanidm system oauth2 create-google ferry --client-secret GOCSPX-{rand(r, ALNUM + '_-', 28)}"
    ),
    "gcp_oauth_token": _p(lambda r: f"promtail gcplog: bearer {v.gcp_token(r)} (pubsub pull)"),
    "twilio_api_key": _p(lambda r: f'[sms.twilio]\napi-key = "SK{rand(r, HEX, 32)}"'),
    "sendgrid_api_key": _p(
        lambda r: f"PAPERLESS_EMAIL_HOST_PASSWORD=SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}"
    ),
    "huggingface_token": _p(lambda r: f"paperless-ai: HUGGINGFACE_TOKEN hf_{rand(r, ALNUM, 34)} loaded"),
    "npm_token": _p(lambda r: f"forgejo runner: echo '//registry.npmjs.org/:_authToken=npm_{rand(r, ALNUM, 36)}'"),
    "pypi_token": _p(lambda r: f"uv publish --token pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}"),
    "shopify_token": _p(lambda r: f'{{"shop": "ferry-souvenirs", "access_token": "shpat_{rand(r, HEX, 32)}"}}'),
    "digitalocean_token": _p(lambda r: f"DO_API_TOKEN=dop_v1_{rand(r, HEX, 64)} promtail-droplet"),
    "telegram_bot_token": _p(
        lambda r: f'[notify.telegram]\nbot-token = "{r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + "_-", 33)}"'
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            f"PAPERLESS_STORAGE=DefaultEndpointsProtocol=https;AccountName=ferrydocs;AccountKey="
            f"{v.azure_account_key(r)};EndpointSuffix=core.windows.net"
        )
    ),
    "azure_sas_token": _p(
        lambda r: (
            f"promtail push https://ferrylogs.blob.core.windows.net/raw?sv=2025-01-05&ss=b&srt=o&sp=w&se=2026-02-01"
            f"&sig={v.azure_sas_sig(r)}"
        )
    ),
    "clickhouse_cloud_key": _p(lambda r: f'[clickhouse]\nkey-secret = "{v.clickhouse_secret(r)}"'),
    "jwt": _p(
        lambda r: f"Authorization: Bearer {v.unguessed_kling_jwt(r)}",
        lambda r: f"POST /v2/rooms Authorization: Bearer {v.unguessed_hms_jwt(r)}",
        lambda r: f'{{"whereby_api_key": "{v.unguessed_whereby_jwt(r)}"}}',
        lambda r: f"CALENDLY_TOKEN={v.unguessed_calendly_jwt(r)}",
        lambda r: f"monday graphql Authorization: {v.unguessed_monday_jwt(r)}",
        lambda r: f"GET /1/user/-/activities.json Authorization: Bearer {v.unguessed_fitbit_jwt(r)}",
        lambda r: f'{{"access_token": "{v.unguessed_reddit_jwt(r)}", "token_type": "bearer", "expires_in": 86400}}',
        lambda r: f"kanidm oauth2 token issued: {v.unguessed_kanidm_jwt(r)}",
        lambda r: f"git -c http.extraHeader='Authorization: Bearer {v.unguessed_forgejo_jwt(r)}' clone",
    ),
    "private_key": _p(
        lambda r: "[certificate.default]\nprivate-key = '''\n" + _ugs_pem(r, "PRIVATE KEY", 64) + "\n'''",
        lambda r: "pkey=/dev/stdin <<EOF\n" + _ugs_pem(r, "RSA PRIVATE KEY", 600) + "\nEOF",
        lambda r: f'bao write pki/config/ca pem_bundle="{_ugs_pem(r, "EC PRIVATE KEY", 121)}"'.replace("\n", "\\n"),
    ),
    "url_credentials": _p(
        lambda r: f'db-uri = "postgres://authenticator:{_ugs_url_password(r)}@pg:5432/ferry"',
        lambda r: f"[PAPERLESS_REDIS] redis://paperless:{_ugs_url_password(r)}@valkey:6379/0",
        lambda r: (
            f"http_proxy=http://brd-customer-hl_{rand(r, v.HEX, 8)}-zone-res:{rand(r, ALNUM, 12)}"
            "@brd.superproxy.io:33335"
        ),
        lambda r: f"--proxy-server=http://customer-divebq:{_ugs_url_password(r)}@pr.oxylabs.io:7777",
        lambda r: f"<entry key='database.url'>jdbc:mysql://traccar:{_ugs_url_password(r)}@mysql:3306/traccar</entry>",
    ),
    "password_assignment": _p(
        lambda r: f"<entry key='database.password'>{_ugs_password(r)}</entry>",
        lambda r: f'[authentication.fallback-admin]\nuser = "admin"\nsecret = "{_ugs_password(r)}"',
        lambda r: f"PAPERLESS_ADMIN_PASSWORD={_ugs_password(r)}",
        lambda r: f"kanidmd recover-account admin: new password {_ugs_password(r)}",
        lambda r: f'emqx ctl admins passwd admin "{_ugs_password(r)}"',
        lambda r: f"basic_auth:\n  username: promtail\n  password: {_ugs_password(r)}",
        lambda r: f"forgejo admin user create --username ops --password '{_ugs_password(r)}' --admin",
    ),
    "sql_identified_by": _p(
        lambda r: f"CREATE USER 'traccar'@'%' IDENTIFIED BY '{_ugs_password(r)}';",
        lambda r: f"ALTER ROLE authenticator WITH LOGIN PASSWORD '{_ugs_password(r)}';",
    ),
    "bearer_token": _p(
        lambda r: f"Authorization: Bearer {v.unguessed_retell_key(r)}",
        lambda r: f"Authorization: Bearer {v.unguessed_meshy_key(r)}",
        lambda r: f"Authorization: Bearer {v.unguessed_nylas_key(r)}",
        lambda r: f"Authorization: Bearer {v.unguessed_dropbox_token(r)}",
        lambda r: f"Authorization: Bearer {v.unguessed_smartsheet_token(r)}",
        lambda r: f"Authorization: Bearer {v.unguessed_retool_token(r)}",
        lambda r: f"Authorization: Bearer {v.unguessed_koyeb_token(r)}",
        lambda r: f"Authorization: Bearer sk_live_{rand(r, ALNUM, 24)}  (TalkJS REST API, app ferry-chat)",
    ),
    "basic_auth": _p(
        lambda r: f"Authorization: Basic {_ugs_basic(*v.unguessed_mailjet_pair(r))}",
        lambda r: f"Authorization: Basic {_ugs_basic(v.unguessed_nanonets_key(r), '')}",
        lambda r: f"Authorization: Basic {_ugs_basic(v.unguessed_imagekit_pair(r)[1], '')}",
        lambda r: f"Authorization: Basic {_ugs_basic(*v.unguessed_dyte_pair(r))}",
        lambda r: f"Authorization: Basic {_ugs_basic('ferry-app', v.unguessed_reloadly_secret(r))}",
        lambda r: f"Authorization: Basic {_ugs_basic(v.unguessed_gatewayapi_token(r), '')}",
    ),
    "session_cookie": _p(
        lambda r: (
            f"Cookie: {rand(r, HEX, 32)}={rand(r, string.ascii_lowercase + string.digits, 26)}; "
            "joomla_user_state=logged_in"
        ),
        lambda r: f"Cookie: phusr=ops; phsid={rand(r, string.ascii_lowercase + string.digits, 32)}",
        lambda r: f"Cookie: GerritAccount=aSceprt{rand(r, v.B64URL, 32)}; XSRF_TOKEN={rand(r, v.B64URL, 32)}",
        lambda r: f"Cookie: Bugzilla_login={r.randrange(2, 900)}; Bugzilla_logincookie={rand(r, ALNUM, 22)}",
        lambda r: f"Cookie: trac_form_token={rand(r, HEX, 24)}; trac_auth={rand(r, HEX, 32)}",
        lambda r: f"Cookie: lang=fi-FI; i_like_gogs={rand(r, HEX, 16)}; _csrf=expired",
        lambda r: f"Cookie: FOCALBOARDAUTHTOKEN={rand(r, string.ascii_lowercase + string.digits, 26)}",
    ),
    "auth_token_assignment": _p(
        lambda r: (
            f"GET https://app.scrapingbee.com/api/v1/?api_key={v.unguessed_scrapingbee_key(r)}&url=https%3A%2F%2Fexample.org"
        ),
        lambda r: f"wss://production-ams.browserless.io/chromium/playwright?token={v.unguessed_browserless_token(r)}",
        lambda r: f"STRAVA_REFRESH_TOKEN={v.unguessed_strava_token(r)}",
        lambda r: (
            f"https://api.trello.com/1/boards/{rand(r, HEX, 24)}/cards?key={v.unguessed_trello_pair(r)[0]}"
            f"&token={v.unguessed_trello_pair(r)[1]}"
        ),
        lambda r: f"INNGEST_SIGNING_KEY=signkey-prod-{rand(r, HEX, 64)}",
    ),
    "generic_secret": _p(
        lambda r: f"X-API-Key: {v.unguessed_lmnt_key(r)}",
        lambda r: f"api-key: {v.unguessed_murf_key(r)}",
        lambda r: f"X-API-Key: {v.unguessed_hedra_key(r)}",
        lambda r: f"Authorization: Token {v.unguessed_mindee_key(r)}",
        lambda r: f"Authorization: Uploadcare.Simple {':'.join(v.unguessed_uploadcare_pair(r))}",
        lambda r: f"Authorization: Klaviyo-API-Key {v.unguessed_klaviyo_pair(r)[1]}",
        lambda r: f"Api-Key: {v.unguessed_iterable_key(r)}",
        lambda r: f"Authorization: {v.unguessed_sparkpost_key(r)}",
        lambda r: f'{{"key": "{v.unguessed_mandrill_key(r)}", "message": {{"subject": "Your dive booking"}}}}',
        lambda r: f"x-user-token: {v.unguessed_tines_token(r)}",
        lambda r: f"apikey: {v.unguessed_cometchat_key(r)}",
        lambda r: f"api_key: {v.unguessed_ding_key(r)}",
        lambda r: f"DISCORD_WEBHOOK_URL={v.unguessed_discord_hook(r)}",
        lambda r: f"teams alert via {v.unguessed_teams_hook(r)}",
        lambda r: f"Authorization: {v.unguessed_pexels_key(r)}",
    ),
    "password_hash": _p(
        lambda r: f"[SMB] NTLMv2-SSP Hash     : {v.unguessed_password_hash(r, 'netntlmv2')}",
        lambda r: v.unguessed_password_hash(r, "krb5asrep"),
        lambda r: f"hcxpcapngtool: {v.unguessed_password_hash(r, 'wpa_pmkid')}",
        lambda r: f"emqx_authn_mnesia: {v.unguessed_password_hash(r, 'emqx_sha256')}",
        lambda r: v.unguessed_password_hash(r, "coturn_hmackey"),
        lambda r: f"tc_users {r.randrange(2, 90)}: {v.unguessed_password_hash(r, 'traccar_pbkdf2')}",
        lambda r: f"smf_members: {v.unguessed_password_hash(r, 'smf_sha1')}",
        lambda r: f"INSERT INTO punbb_users (username, password, salt) -- {v.unguessed_password_hash(r, 'punbb_sha1')}",
    ),
    "credential_phrase": _p(
        lambda r: f"{_ugs_password(r)} sé mo-de-pas wifi-la",
        lambda r: f"{_ugs_password(r)} is dat Passwoort för dat WLAN an Boord",
        lambda r: f"La password dal wifi e je {_ugs_password(r)}",
        lambda r: f"{_ugs_password(r)} ৱাই-ফাইৰ পাছৱৰ্ড",
        lambda r: f"वाईफाई के पासवर्ड {_ugs_password(r)} बा",
        lambda r: f"dive shop note: gear locker padlock and office PC login are both {_ugs_password(r)} now",
        lambda r: f"purser: the crew portal password was reset, it's {_ugs_password(r)} until Monday",
    ),
    "email": _p(
        lambda r: f"Stalwart: delivery to <{v.unguessed_email(r)}> deferred",
        lambda r: f'{{"level": "info", "msg": "booking confirmation queued", "to": "{v.unguessed_email(r)}"}}',
        lambda r: f'kanidm person create elin "Elin" --mail {v.unguessed_email(r)}',
        lambda r: f"forgejo: user registered, activation mail to {v.unguessed_email(r)}",
        lambda r: f"paperless.mail: consumed attachment from {v.unguessed_email(r)}",
        lambda r: f"Reply-To: {_ugs_name(r)} <{v.unguessed_email(r)}>",
    ),
    "ipv4": _p(
        lambda r: f"coturn: allocation refreshed for peer {v.ipv4(r)}",
        lambda r: f"traccar: device connected from {v.ipv4(r)} protocol=osmand",
        lambda r: f'{{"peername": "{v.ipv4(r)}:{r.randrange(1024, 65535)}", "clientid": "dive-gauge-7"}}',
        lambda r: f"Stalwart: connection from {v.ipv4(r)} rejected (blocklisted)",
        lambda r: f"Dirección IP de acceso: {v.ipv4(r)}",
    ),
    "ipv6": _p(
        lambda r: f"coturn: relay addr [{v.ipv6(r)}]:49160",
        lambda r: f'{{"remote": "[{v.ipv6(r)}]:443", "level": "warn"}}',
    ),
    "phone": _p(
        lambda r: _ugs_topup(r, "reloadly"),
        lambda r: _ugs_topup(r, "ding"),
        lambda r: f"BEGIN:VCARD\nVERSION:3.0\nFN:{_ugs_name(r)}\nTEL;TYPE=cell:{_ugs_phone(r, True)}\nEND:VCARD",
        lambda r: f"Rélé mwen osi o {_ugs_phone(r)}",
        lambda r: f"Roop mi an ünner {_ugs_phone(r)}",
        lambda r: f"Clamimi al {_ugs_phone(r)}",
        lambda r: f"মোক {_ugs_phone(r)} নম্বৰত ফোন কৰক",
        lambda r: f"हमरा के {_ugs_phone(r)} पर फोन करीं",
    ),
    "payment_card": _p(
        lambda r: _ugs_iso8583(r, v.unguessed_card_number(r, pick(r, "visa", "mastercard", "troy"))),
        lambda r: _ugs_track2(r, v.unguessed_card_number(r, pick(r, "visa", "mastercard"))),
        lambda r: _ugs_clover(r, v.unguessed_card_number(r, pick(r, "visa", "mastercard"))),
        lambda r: _ugs_receipt(r, v.unguessed_card(r, sep="  ")),
        lambda r: f"Mwen ka péyé épi kat-la {v.unguessed_card(r, 'amex', sep=' ')}",
        lambda r: (
            f"tarjeta {v.unguessed_card(r, 'unionpay', sep=' ')} vence {r.randrange(1, 13):02d}/{r.randrange(27, 31)}"
        ),
        lambda r: f"Diners {v.unguessed_card(r, 'diners', sep='-')} on file for the charter",
        lambda r: (
            f"{pick(r, 'elo', 'discover').title()} card {v.unguessed_card(r, pick(r, 'elo', 'discover'), sep='')}"
        ),
    ),
    "iban": _p(
        lambda r: _ugs_mt103(r, v.unguessed_iban(r, country=pick(r, "FI", "FR"))),
        lambda r: _ugs_camt053(r, v.unguessed_iban(r, country="FI")),
        lambda r: _ugs_finvoice(r, v.unguessed_iban(r, country="FI")),
        lambda r: _ugs_cemac(r, v.unguessed_iban(r, country="CF", grouped=False)),
        lambda r: _ugs_swan(r, v.unguessed_iban(r, country="FR")),
        lambda r: _ugs_pacs008(r, v.unguessed_iban(r, country=pick(r, "FI", "SE", "FR"))),
        lambda r: f"Kontonummer för återbetalning: {v.unguessed_iban(r, country='SE', grouped=True)}",
        lambda r: f"RIB pou ranbousman-la: {v.unguessed_iban(r, country='FR', grouped=True)}",
    ),
}

UNGUESSED_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: "OPENAI_API_KEY=sk-...T3BlbkFJ... (see 1Password, vault Ferry)"),
    "openai_project_key": _p(
        lambda r: "PAPERLESS_AI_LLM_API_KEY_FILE=/run/secrets/openai",
        lambda r: (
            'inngest.send({ name: "ai/summarize", data: { key: process.env.OPENAI_API_KEY, '
            f'id: "{rand(r, HEX, 12)}" }} }})'
        ),
    ),
    "anthropic_api_key": _p(lambda r: '[ai]\nprovider = "anthropic"\napi_key = "%{env:ANTHROPIC_API_KEY}%"'),
    "deepseek_api_key": _p(
        lambda r: f"OPENAI_BASE_URL=https://api.deepseek.com model=deepseek-chat request {rand(r, HEX, 32)}"
    ),
    "aws_access_key_id": _p(
        lambda r: f"kling access key {v.unguessed_kling_pair(r)[0]} (issuer only, the secret signs)",
        lambda r: f"arn:aws:iam::{v.unguessed_digits(r, 12)}:user/promtail-writer",
    ),
    "aws_secret_access_key": _p(lambda r: '[storage.s3]\nsecret-key = "%{file:/run/secrets/s3}%"'),
    "aws_session_token": _p(lambda r: "traccar: <entry key='media.s3.sessionToken'></entry>"),
    "github_classic_token": _p(lambda r: "forgejo migrate --clone-addr github --auth-token $GITHUB_TOKEN"),
    "github_oauth_token": _p(lambda r: '{"provider": "github", "access_token": "gho_****"}'),
    "github_app_token": _p(lambda r: f"forgejo mirror sync: commit {rand(r, HEX, 40)} fetched"),
    "github_refresh_token": _p(lambda r: "oauth2 refresh github grant failed: refresh_token expired"),
    "github_fine_grained_token": _p(lambda r: "RENOVATE_GITHUB_COM_TOKEN={{ secrets.RENOVATE_TOKEN }}"),
    "gitlab_token": _p(lambda r: f"forgejo migrate --service gitlab (public repo, no token) sha {rand(r, HEX, 12)}"),
    "slack_token": _p(lambda r: '[alerts.slack]\ntoken = "xoxb-…"'),
    "slack_webhook": _p(lambda r: '  - url_file: "/etc/alertmanager/slack-webhook"'),
    "stripe_key": _p(lambda r: f"stripe.js loaded with pk_live_{rand(r, ALNUM, 99)}"),
    "google_api_key": _p(lambda r: "traccar: <entry key='geocoder.key'>${GEOCODER_KEY}</entry>"),
    "google_oauth_client_secret": _p(
        lambda r: (
            f"kanidm oauth2 ferry client_id {r.randrange(10**11, 10**12)}-"
            f"{rand(r, string.ascii_lowercase + string.digits, 32)}.apps.googleusercontent.com"
        )
    ),
    "gcp_oauth_token": _p(lambda r: "promtail gcplog: using application default credentials"),
    "twilio_api_key": _p(lambda r: f'[sms.twilio]\naccount-sid = "AC{rand(r, HEX, 32)}"'),
    "sendgrid_api_key": _p(lambda r: "PAPERLESS_EMAIL_HOST_USER=apikey"),
    "huggingface_token": _p(lambda r: "paperless-ai: HUGGINGFACE_TOKEN not set, using public models"),
    "npm_token": _p(lambda r: "forgejo runner: //registry.npmjs.org/:_authToken=${{ secrets.NPM_TOKEN }}"),
    "pypi_token": _p(lambda r: "uv publish --trusted-publishing always"),
    "shopify_token": _p(lambda r: '{"shop": "ferry-souvenirs", "access_token": null}'),
    "digitalocean_token": _p(lambda r: f"droplet promtail-{rand(r, HEX, 8)} region=ams3"),
    "telegram_bot_token": _p(lambda r: f'[notify.telegram]\nchat-id = "-100{v.unguessed_digits(r, 10)}"'),
    "azure_storage_connection_string": _p(lambda r: "PAPERLESS_STORAGE=UseDevelopmentStorage=true"),
    "azure_sas_token": _p(lambda r: "promtail push https://ferrylogs.blob.core.windows.net/raw (workload identity)"),
    "clickhouse_cloud_key": _p(lambda r: f'[clickhouse]\nkey-id = "{rand(r, ALNUM, 20)}" # secret in OpenBao'),
    "jwt": _p(
        lambda r: f"kanidm: jwks kid {rand(r, HEX, 32)} alg ES256 published",
        lambda r: "Authorization: Bearer {{ whereby.apiKey }}",
        lambda r: f"jwt header {v.b64url(json.dumps({'alg': 'HS256', 'typ': 'JWT'}).encode())} (payload stripped)",
        lambda r: (
            f"MAPBOX_PUBLIC_TOKEN=pk.{v.b64url(json.dumps({'u': 'ferryax', 'a': rand(r, ALNUM, 12)}).encode())}."
            f"{rand(r, v.B64URL, 22)}"
        ),
    ),
    "private_key": _p(
        lambda r: (
            "[certificate.default]\ncert = '%{file:/etc/stalwart/cert.pem}%'\n"
            "private-key = '%{file:/etc/stalwart/key.pem}%'"
        ),
        lambda r: "cert=/etc/coturn/fullchain.pem\npkey=/etc/coturn/privkey.pem",
        lambda r: _ugs_pem(r, "PUBLIC KEY", 91),
    ),
    "url_credentials": _p(
        lambda r: 'db-uri = "postgres://authenticator@pg:5432/ferry"',
        lambda r: "http_proxy=http://brd.superproxy.io:33335 (credentials from env)",
        lambda r: "<entry key='database.url'>jdbc:mysql://mysql:3306/traccar?useSSL=true</entry>",
        lambda r: "redis://valkey:6379/0",
    ),
    "password_assignment": _p(
        lambda r: "<entry key='database.password'></entry>",
        lambda r: 'secret = "%{env:STALWART_ADMIN_SECRET}%"',
        lambda r: "PAPERLESS_ADMIN_PASSWORD_FILE=/run/secrets/paperless_admin",
        lambda r: "basic_auth:\n  username: promtail\n  password_file: /etc/promtail/loki_pw",
        lambda r: f"kanidm: password quality check failed (min length {r.randrange(10, 16)})",
        lambda r: '{{ with secret "database/creds/traccar" }}password={{ .Data.password }}{{ end }}',
    ),
    "sql_identified_by": _p(lambda r: "CREATE USER 'traccar'@'localhost' IDENTIFIED WITH auth_socket;"),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer $RETELL_API_KEY",
        lambda r: "Authorization: Bearer [Filtered]",
        lambda r: f"Authorization: Bearer nyk_v0_…{rand(r, ALNUM, 4)}",
    ),
    "basic_auth": _p(
        lambda r: 'WWW-Authenticate: Basic realm="Stalwart Mail Server"',
        lambda r: f"Authorization: Basic {_ugs_basic(v.unguessed_uploadcare_pair(r)[0], '')}",
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: phsid=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT",
        lambda r: "Cookie: phusr=ops; lang=fi; theme=dark; tz=Europe%2FMariehamn",
        lambda r: f"Cookie: XSRF_TOKEN={rand(r, v.B64URL, 32)}",
    ),
    "auth_token_assignment": _p(
        lambda r: f"UPLOADCARE_PUBLIC_KEY={v.unguessed_uploadcare_pair(r)[0]} # the upload widget's key (public)",
        lambda r: f"https://api.trello.com/1/boards/{rand(r, HEX, 24)}?key={v.unguessed_trello_pair(r)[0]}",
        lambda r: f"token_type=bearer&expires_in={r.randrange(600, 86400)}",
        lambda r: f"unsplash: Authorization: Client-ID {rand(r, v.B64URL, 43)} (access key, public)",
    ),
    "generic_secret": _p(
        lambda r: f"CLIENT-ID: {v.unguessed_veryfi_pair(r)[0]}",
        lambda r: f"imagekit publicKey={v.unguessed_imagekit_pair(r)[0]}",
        lambda r: f"klaviyo.js?company_id={v.unguessed_klaviyo_pair(r)[0]}",
        lambda r: f"dyte org {v.unguessed_dyte_pair(r)[0]} meeting created",
        lambda r: "X-API-Key: ${LMNT_API_KEY}",
        lambda r: "DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/<id>/<token>",
    ),
    "password_hash": _p(
        lambda r: f"git rev-parse HEAD {rand(r, HEX, 40)}",
        lambda r: f"sha256:{hashlib.sha256(r.randbytes(8)).hexdigest()}  paperless-ngx-2.14.tar.xz",
        lambda r: f"valkey cache key tiles:{hashlib.md5(r.randbytes(8)).hexdigest()}",
        lambda r: f"image: codeberg.org/forgejo/forgejo@sha256:{rand(r, HEX, 64)}",
        lambda r: "user=ferryops:0x (no key set, uses use-auth-secret)",
    ),
    "credential_phrase": _p(
        lambda r: "Ou bliyé mo-de-pas a-w?",
        lambda r: "Passwoort vergeten? Klick hier.",
        lambda r: "Âstu dismenteât la password?",
        lambda r: "পাছৱৰ্ড পাহৰি গৈছে নেকি?",
        lambda r: "पासवर्ड भुला गइल बानी?",
        lambda r: "The crew portal password must be changed every 90 days.",
    ),
    "email": _p(
        lambda r: "mailto:{{ booking.contact_email }}?subject=Dive%20booking",
        lambda r: f"ssh git@codeberg.org:ferryax/ops.git {rand(r, HEX, 7)}",
        lambda r: f'import {{ serve }} from "npm:inngest@3.{r.randrange(20, 40)}.0/express"',
        lambda r: f"{pick(r, 'y', 'e', 'm')}***@{pick(r, 'nauta.cu', 'aland.net', 'niue.nu')}",
        lambda r: f"webhook {v.unguessed_uuid(r)}@{v.unguessed_uuid(r)} registered",
        lambda r: "kanidm: spn ferry-portal@idm.ferry.ax",
    ),
    "ipv4": _p(
        lambda r: f"traccar-server 6.{r.randrange(0, 9)}.{r.randrange(0, 9)}.{r.randrange(0, 9)}",
        lambda r: f"emqx 5.{r.randrange(1, 9)}.{r.randrange(0, 9)}.{r.randrange(0, 9)} started",
        lambda r: f"position 60.{r.randrange(1000, 9999)},19.{r.randrange(1000, 9999)} (Mariehamn harbour)",
        lambda r: f"OID 1.3.6.1.4.1.{r.randrange(10000, 60000)}.2",
        lambda r: f"forgejo 1.{r.randrange(20, 23)}.{r.randrange(0, 9)}.{r.randrange(0, 9)}+gitea-1.22.0",
    ),
    "ipv6": _p(
        lambda r: (
            f"emqx: node emqx@core-{r.randrange(1, 4)} joined cluster, "
            f"uptime 12:{r.randrange(10, 59)}:{r.randrange(10, 59)}"
        ),
        lambda r: f"ble beacon {':'.join(rand(r, HEX, 2) for _ in range(6))}",
    ),
    "phone": _p(
        lambda r: f"callback {v.unguessed_invalid_phone(r, _ugs_regions())}",
        lambda r: f"ISBN {v.unguessed_isbn13(r)}",
        lambda r: f"tracking {v.unguessed_ups_tracking(r)}",
        lambda r: f"booking #{v.unguessed_digits(r, 10)}",
        lambda r: f"referens {v.unguessed_fi_reference(r)}",
        lambda r: f"lat 12.{r.randrange(100000, 999999)} lon -68.{r.randrange(100000, 999999)}",
        lambda r: f"ts {r.randrange(1_769_000_000, 1_770_000_000)}{r.randrange(100, 999)}",
    ),
    "payment_card": _p(
        lambda r: f"card {v.unguessed_card_number(r, 'visa')[:6]}******{r.randrange(1000, 9999)}",
        lambda r: f"declined: {v.wrong_last_digit(r, v.unguessed_card(r, sep=' '))}",
        lambda r: f"SIM ICCID {v.unguessed_iccid(r)}",
        lambda r: f"handset IMEI {v.unguessed_imei(r)}",
        lambda r: f"ISBN {v.unguessed_isbn13(r).replace('-', '')}",
        lambda r: f"cuenta {v.unguessed_cuban_account(r)}",
        lambda r: f"refund to {v.unguessed_iban(r, country='FI', grouped=True)}",
    ),
    "iban": _p(
        lambda r: f"viite {v.unguessed_rf_reference(r)}",
        lambda r: f"IBAN {v.unguessed_iban(r, valid=False)} rejected (checksum)",
        lambda r: f"wire to {v.unguessed_aba(r)}",
        lambda r: f"NZ account {v.unguessed_nz_account(r)}",
        lambda r: f"IBAN FI** **** **** **{r.randrange(10, 99)} {r.randrange(10, 99)}",
        lambda r: "IBAN: FIkk BBBB BBCC CCCC CK (format)",
    ),
}

# Own negatives that truthfully hold another class: a refund to an IBAN is an IBAN finding.
UNGUESSED_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("payment_card", 6): frozenset({"iban"}),
}

# ---------------------------------------------------------------------------- the unannounced split's own shapes
#
# Written for the thirtieth split only, by a twenty-fourth session that did not read the rules
# (``build_corpus("unannounced")`` puts them before the shared generators, as for the splits since hidden): values in
# Supabase Auth's (GoTrue) environment, Outline's ``.env``, NetBird's ``management.json``, Syncthing's ``config.xml``
# and REST API, AdGuard Home's ``AdGuardHome.yaml``, Zigbee2MQTT's ``configuration.yaml``, Frigate's ``config.yml``,
# ntfy's ``server.yml`` and CLI, Vikunja's ``config.yml``, Wiki.js' ``config.yml``, Concourse's ``fly`` and web flags
# and Backstage's ``app-config.yaml``; Paystack, Binance, Polygon.io, Finnhub, OpenWeatherMap, NewsAPI, Spotify, Twitch,
# Ably, PubNub, ShipStation, Kaggle, ZeroTier, Etherscan, Blockfrost, CoinGecko, CoinMarketCap, Tiingo, Alpha Vantage,
# Fixer, ipinfo, AbuseIPDB, VirusTotal, Shodan, Censys, urlscan.io, Have I Been Pwned, Hunter, Last.fm, Discogs, TMDB,
# Steam, Riot Games, PlayFab, Geoapify, OpenCage, LocationIQ, Radar, Foursquare, Yelp, Smarty, MSG91, Stormglass and
# Windy requests (keys of vendors with no detector of their own: bearers, custom headers and schemes, Basic pairs, query
# parameters, JSON bodies), JWTs of new issuers (Moralis, TMDB, Apple MapKit JS, a SMART on FHIR client assertion,
# Atlassian Connect, Unity Authentication, Nakama, Epic Online Services, DocuSign), session cookies of MantisBT,
# OTRS/Znuny, Splunk Web, TeamCity, Nexus Repository, Flarum and Bitbucket Server, password-derived material of eight
# families, cards of new BIN ranges in EMV TLV dumps, Worldpay cnpAPI XML, Authorize.Net JSON, IVR digit logs, OCR
# output, form-encoded bodies and JSON numbers, IBANs of four countries in EPC QR payloads, Berlin Group PSD2 payments,
# UK Open Banking consents, MT940 statements, Wise recipients and camt.056 recalls, phone numbers of eight new regions
# in FHIR resources, ntfy's ``X-Call``, MSG91 bodies and sentences in Scots, Nigerian Pidgin, Jamaican Patois, Maithili
# and Tibetan; and look-alikes that are not findings (Paystack, Radar and PubNub publishable keys, Twitch, Spotify and
# Last.fm client ids, PlayFab title ids and Ably key names next to their secrets, Concourse ``((var))`` and Backstage
# ``${VAR}`` references, ``_FILE`` paths, Steam IDs and GTIN-13s that pass Luhn, MMSIs, ISBT 128 donation numbers, LEIs
# (they pass mod-97), RIBs, Channel Islands sort codes, North Korean accounts, invalid IBANs and phone numbers, build
# numbers that read as addresses, container digests, AdGuard's bcrypt-free settings and ``user@host`` strings that are
# no e-mails).
# ``UNANNOUNCED_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class.


def _uan_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _uan_password(r: random.Random) -> str:
    return v.unannounced_password(r)


def _uan_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unannounced_password(r), safe="")


def _uan_phone(r: random.Random, international_only: bool = False) -> str:
    return v.unannounced_phone(r, _uan_regions(), international_only)


def _uan_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _uan_amount(r: random.Random) -> str:
    return f"{r.randrange(20, 4000)}.{r.randrange(0, 100):02d}"


def _uan_name(r: random.Random) -> str:
    return pick(
        r, "Hannah Leale", "Matthieu Brehaut", "Soraya Richardson", "Kenrick Gumbs", "Ashanti Hodge",
        "Zainaba Ahamadi", "Soane Tui", "Rosie Biggs", "Callum Short", "Delroy Penn",
    )  # fmt: skip


def _uan_pem(r: random.Random, kind: str, n: int) -> str:
    body = v.b64(r.randbytes(n))
    lines = "\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN {kind}-----\n{lines}\n-----END {kind}-----"


def _uan_hex_word(r: random.Random, n: int) -> str:
    """``n`` capital hex digits with no run of six decimal digits (an EMV cryptogram, a terminal id)."""
    while True:
        text = rand(r, "0123456789ABCDEF", n)
        if not any(text[i : i + 6].isdigit() for i in range(n - 5)):
            return text


def _uan_zero_padded(r: random.Random, n: int) -> str:
    """A zero-padded amount field of ``n`` digits that fails Luhn."""
    while True:
        text = str(r.randrange(100, 10**5)).rjust(n, "0")
        if not v.luhn_ok(text):
            return text


def _uan_brand(pan: str) -> str:
    return {"4": "VISA", "5": "MASTERCARD", "2": "MASTERCARD", "3": "AMEX" if pan[:2] == "37" else "JCB"}.get(
        pan[0], "DISCOVER"
    )


def _uan_emv_tlv(r: random.Random, pan: str) -> str:
    """A payment terminal's debug dump of an EMV transaction's TLV data: the amount (9F02), the PAN (5A, packed BCD,
    an ``F`` after an odd number of digits), the expiry (5F24), the terminal country (9F1A) and the cryptogram
    (9F26)."""
    digits = pan + ("F" if len(pan) % 2 else "")
    return (
        f"EMV TLV: 9F02 06 {_uan_zero_padded(r, 12)} 5A {len(digits) // 2:02X} {digits} 5F24 03 "
        f"{r.randrange(27, 31)}{r.randrange(1, 13):02d}31 9F1A 02 0{pick(r, '826', '250', '840')} 9F26 08 "
        f"{_uan_hex_word(r, 16)}"
    )


def _uan_cnp_xml(r: random.Random, pan: str) -> str:
    """A Worldpay (Vantiv) cnpAPI ``<sale>`` with the card inline, as a marina's booking engine logged it."""
    kind = {"4": "VI", "5": "MC", "2": "MC", "3": "AX" if pan[:2] == "37" else "JC", "6": "DI"}[pan[0]]
    return (
        f'<sale id="brth{rand(r, HEX, 8)}" reportGroup="Marina SX"><orderId>BRTH-{rand(r, string.ascii_uppercase, 6)}'
        f"</orderId><amount>{r.randrange(2000, 400000)}</amount><orderSource>ecommerce</orderSource><card><type>"
        f"{kind}</type><number>{pan}</number><expDate>{r.randrange(1, 13):02d}{r.randrange(27, 31)}</expDate>"
        f"<cardValidationNum>{r.randrange(100, 999)}</cardValidationNum></card></sale>"
    )


def _uan_authnet(r: random.Random, pan: str) -> str:
    """An Authorize.Net ``createTransactionRequest`` with the card inline (the transaction key masked)."""
    body = {
        "createTransactionRequest": {
            "merchantAuthentication": {"name": "studioStore", "transactionKey": "****************"},
            "refId": rand(r, string.ascii_uppercase, 8),
            "transactionRequest": {
                "transactionType": "authCaptureTransaction",
                "amount": _uan_amount(r),
                "payment": {"creditCard": {"cardNumber": pan, "expirationDate": f"20{r.randrange(27, 31)}-"
                                           f"{r.randrange(1, 13):02d}", "cardCode": str(r.randrange(100, 999))}},
            },
        }
    }  # fmt: skip
    return json.dumps(body)


def _uan_dtmf(r: random.Random, pan: str) -> str:
    """An IVR's debug line with the digits a caller keyed in for a card payment, one per tone."""
    return (
        f'ivr[{r.randrange(100, 9999)}]: collect_digits prompt=card_number digits="{" ".join(pan)}" '
        f"terminator=# attempts={r.randrange(1, 3)}"
    )


def _uan_ocr(r: random.Random, pan: str) -> str:
    """A card scanner's OCR output of a card's front: the brand, the number over two lines, the expiry, the name."""
    half = len(pan) // 2
    first, second = pan[:half], pan[half:]
    first = " ".join(first[i : i + 4] for i in range(0, len(first), 4))
    second = " ".join(second[i : i + 4] for i in range(0, len(second), 4))
    return (
        f"ocr card_front.jpg -> '{_uan_brand(pan)}\n{first}\n{second}\nVALID THRU {r.randrange(1, 13):02d}/"
        f"{r.randrange(27, 31)}\n{_uan_name(r).upper()}'"
    )


def _uan_form(r: random.Random, pan: str) -> str:
    """A form-encoded charge body posted with the card fields inline."""
    return (
        f"POST /v1/charges body=card%5Bnumber%5D={pan}&card%5Bexp_month%5D={r.randrange(1, 13)}&card%5Bexp_year%5D="
        f"20{r.randrange(27, 31)}&card%5Bcvc%5D={r.randrange(100, 999)}&currency=usd"
    )


def _uan_int_json(r: random.Random, pan: str) -> str:
    """A JSON record whose card number is a JSON number (no quotes), as a legacy export wrote it."""
    return json.dumps(
        {"holder": _uan_name(r), "pan": int(pan), "exp": f"{r.randrange(1, 13):02d}/{r.randrange(27, 31)}"}
    )


def _uan_epc_qr(r: random.Random, iban: str, purpose: str = "Frais de deplacement don du sang") -> str:
    """An EPC QR code's payload (GiroCode): the service tag, version, encoding, SCT, the BIC, the name, the IBAN, the
    amount and the remittance text (``purpose``), one per line."""
    bic = "RBOSGGSX" if iban.startswith("GB") else pick(r, "BFCOYTYT", "BNPAGPGP")
    return (
        f"qr payload: BCD\n002\n1\nSCT\n{bic}\n{_uan_name(r)}\n{iban.replace(' ', '')}\nEUR{_uan_amount(r)}\n\n\n"
        f"{purpose}"
    )


def _uan_psd2(r: random.Random, iban: str) -> str:
    """A Berlin Group NextGenPSD2 ``/v1/payments/sepa-credit-transfers`` body: the amount, the creditor's IBAN and
    name, the remittance."""
    body = {
        "instructedAmount": {"currency": "EUR", "amount": _uan_amount(r)},
        "creditorAccount": {"iban": iban.replace(" ", "")},
        "creditorName": _uan_name(r),
        "remittanceInformationUnstructured": f"Berth deposit refund {rand(r, string.ascii_uppercase, 6)}",
    }
    return json.dumps(body)


def _uan_obie(r: random.Random, iban: str) -> str:
    """A UK Open Banking domestic payment consent: the instruction, the amount, the creditor account as
    ``UK.OBIE.IBAN`` and the reference."""
    body = {
        "Data": {
            "Initiation": {
                "InstructionIdentification": rand(r, string.ascii_uppercase, 10),
                "EndToEndIdentification": rand(r, string.ascii_uppercase, 10),
                "InstructedAmount": {"Amount": _uan_amount(r), "Currency": "GBP"},
                "CreditorAccount": {"SchemeName": "UK.OBIE.IBAN", "Identification": iban.replace(" ", ""),
                                    "Name": _uan_name(r)},
                "RemittanceInformation": {"Reference": f"DONOR-{rand(r, string.ascii_uppercase, 5)}"},
            }
        },
        "Risk": {"PaymentContextCode": "PartyToParty"},
    }  # fmt: skip
    return json.dumps(body)


def _uan_mt940(r: random.Random, iban: str) -> str:
    """An MT940 statement's transaction: the ``:61:`` line and its structured ``:86:`` with the counterparty's BIC
    (``?30``), IBAN (``?31``) and name (``?32``)."""
    day = r.randrange(10, 28)
    return (
        f":61:2601{day}01{day}C{r.randrange(20, 4000)},{r.randrange(0, 100):02d}NTRFNONREF//{_uan_hex_word(r, 10)}\n"
        f":86:166?00GUTSCHRIFT?20EREF+BERTH{rand(r, string.ascii_uppercase, 6)}?21SVWZ+Berth deposit?30"
        f"{'RBOSGGSX' if iban.startswith('GB') else 'BFCOYTYT'}?31{iban.replace(' ', '')}?32{_uan_name(r).upper()}"
    )


def _uan_wise(r: random.Random, iban: str) -> str:
    """A Wise ``/v1/accounts`` recipient: the currency, the holder, the type and the IBAN."""
    body = {"currency": "EUR", "type": "iban", "accountHolderName": _uan_name(r), "legalType": "PRIVATE",
            "details": {"iban": iban.replace(" ", "")}}  # fmt: skip
    return json.dumps(body)


def _uan_camt056(r: random.Random, iban: str) -> str:
    """A camt.056 recall of a duplicate transfer: the cancellation id, the original end-to-end id, the amount, the
    reason and the debtor's IBAN."""
    return (
        f"<TxInf><CxlId>CXL{rand(r, string.ascii_uppercase, 10)}</CxlId><OrgnlEndToEndId>E2E"
        f'{rand(r, string.ascii_uppercase, 12)}</OrgnlEndToEndId><OrgnlIntrBkSttlmAmt Ccy="EUR">{_uan_amount(r)}'
        "</OrgnlIntrBkSttlmAmt><CxlRsnInf><Rsn><Cd>DUPL</Cd></Rsn></CxlRsnInf><OrgnlTxRef><DbtrAcct><Id><IBAN>"
        f"{iban.replace(' ', '')}</IBAN></Id></DbtrAcct></OrgnlTxRef></TxInf>"
    )


def _uan_fhir_telecom(r: random.Random, phone: str) -> str:
    """A FHIR ``Patient`` resource of a donor with one ``telecom`` entry (the phone)."""
    body = {"resourceType": "Patient", "id": rand(r, HEX, 16), "active": True,
            "telecom": [{"system": "phone", "value": phone, "use": pick(r, "mobile", "home")}]}  # fmt: skip
    return json.dumps(body)


def _uan_msg91(r: random.Random, msisdn: str) -> str:
    """An MSG91 flow API body: the template, the recipient's MSISDN (E.164 digits without ``+``) and the variable."""
    body = {"template_id": rand(r, HEX, 24), "short_url": "0", "recipients": [{"mobiles": msisdn, "var1": "B14"}]}
    return json.dumps(body)


UNANNOUNCED_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f"outline: AI answers enabled with OPENAI_API_KEY={v.openai_legacy(r)} (key from the 2023 .env)"
    ),
    "openai_project_key": _p(
        lambda r: f"genai:\n  provider: openai\n  api_key: {v.openai_project(r)}\n  model: gpt-4o-mini",
        lambda r: f"openai:\n  apiKey: {v.openai_project(r)}  # backstage ai-assistant plugin",
    ),
    "anthropic_api_key": _p(
        lambda r: f"fly -t ci set-pipeline -p triage -c triage.yml -v anthropic_api_key={v.anthropic(r)}",
        lambda r: f"vikunja: ai summary provider=anthropic key={v.anthropic(r)}",
    ),
    "deepseek_api_key": _p(
        lambda r: (
            f"curl https://api.deepseek.com/chat/completions -H 'Authorization: Bearer {v.deepseek(r)}' -d @q.json"
        )
    ),
    "aws_access_key_id": _p(
        lambda r: f"storage:\n  s3:\n    accessKeyId: {v.aws_key_id(r)}\n    bucket: wikijs-assets",
        lambda r: f"concourse s3 resource check: access_key_id={v.aws_key_id(r)} bucket=game-builds",
    ),
    "aws_secret_access_key": _p(
        lambda r: f"source:\n  bucket: game-builds\n  secret_access_key: {v.aws_secret(r)}",
        lambda r: (
            f"techdocs:\n  publisher:\n    awsS3:\n      credentials:\n        secretAccessKey: '{v.aws_secret(r)}'"
        ),
    ),
    "aws_session_token": _p(lambda r: f"params:\n  AWS_SESSION_TOKEN: {v.aws_session_token(r)}"),
    "github_classic_token": _p(
        lambda r: f"integrations:\n  github:\n    - host: github.com\n      token: {v.github_token(r, 'ghp')}"
    ),
    "github_oauth_token": _p(
        lambda r: f'outline integration saved {{"service": "github", "accessToken": "{v.github_token(r, "gho")}"}}'
    ),
    "github_app_token": _p(
        lambda r: (
            f"source:\n  uri: https://github.com/studio/patches.git\n  username: x-access-token\n  password: "
            f"{v.github_token(r, 'ghs')}"
        )
    ),
    "github_refresh_token": _p(lambda r: f"backstage auth github: stored refresh token {v.github_token(r, 'ghr')}"),
    "github_fine_grained_token": _p(
        lambda r: f"wiki.js git storage: authType=basic token=github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)}"
    ),
    "gitlab_token": _p(
        lambda r: f"integrations:\n  gitlab:\n    - host: gitlab.com\n      token: glpat-{rand(r, ALNUM + '_-', 20)}"
    ),
    "slack_token": _p(lambda r: f"SLACK_BOT_TOKEN={v.slack_token(r)}  # ntfy-to-slack relay for berth alerts"),
    "slack_webhook": _p(
        lambda r: (
            f"resources:\n- name: notify\n  type: slack-notification\n  source:\n    url: https://hooks.slack.com/"
            f"services/T{rand(r, v.UPPER, 10)}/B{rand(r, v.UPPER, 10)}/{rand(r, ALNUM, 24)}"
        )
    ),
    "stripe_key": _p(lambda r: f"MARINA_STRIPE_SECRET={v.stripe_key(r)} berth-deposit service"),
    "google_api_key": _p(
        lambda r: (
            f'berths map: <script src="https://maps.googleapis.com/maps/api/js?key=AIza'
            f'{rand(r, ALNUM + "_-", 35)}&callback=initPontoons"></script>'
        )
    ),
    "google_oauth_client_secret": _p(lambda r: f"GOOGLE_CLIENT_SECRET=GOCSPX-{rand(r, ALNUM + '_-', 28)}"),
    "gcp_oauth_token": _p(lambda r: f"backstage gcp-projects: Authorization: Bearer {v.gcp_token(r)}"),
    "twilio_api_key": _p(lambda r: f"donor sms: TWILIO_API_KEY=SK{rand(r, HEX, 32)}"),
    "sendgrid_api_key": _p(
        lambda r: (
            f"SMTP_HOST=smtp.sendgrid.net\nSMTP_USERNAME=apikey\nSMTP_PASSWORD=SG.{rand(r, ALNUM + '_-', 22)}."
            f"{rand(r, ALNUM + '_-', 43)}"
        )
    ),
    "huggingface_token": _p(lambda r: f"frigate: fetching face model with HF_TOKEN=hf_{rand(r, ALNUM, 34)}"),
    "npm_token": _p(
        lambda r: (
            f'run:\n  path: sh\n  args: [-c, "echo //registry.npmjs.org/:_authToken=npm_{rand(r, ALNUM, 36)} > .npmrc"]'
        )
    ),
    "pypi_token": _p(
        lambda r: f"[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 84)}"
    ),
    "shopify_token": _p(
        lambda r: f'{{"chandlery": {{"shop": "sxm-chandlery", "admin_api_access_token": "shpat_{rand(r, HEX, 32)}"}}}}'
    ),
    "digitalocean_token": _p(lambda r: f'provider "digitalocean" {{\n  token = "dop_v1_{rand(r, HEX, 64)}"\n}}'),
    "telegram_bot_token": _p(
        lambda r: f"telegram:\n  enabled: true\n  token: {r.randrange(10**9, 8 * 10**9)}:AA{rand(r, ALNUM + '_-', 33)}"
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "techdocs:\n  publisher:\n    azureBlobStorage:\n      connectionString: DefaultEndpointsProtocol=https;"
            f"AccountName=studiodocs;AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net"
        )
    ),
    "azure_sas_token": _p(
        lambda r: (
            "azcopy copy donors.tar.gz 'https://bloodbankgg.blob.core.windows.net/backups?sv=2025-05-05&ss=b&srt=o"
            f"&sp=cw&se=2026-03-01T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}'"
        )
    ),
    "clickhouse_cloud_key": _p(
        lambda r: (
            f'game-analytics key created {{"keyId": "{rand(r, ALNUM, 20)}", "keySecret": "{v.clickhouse_secret(r)}"}}'
        )
    ),
    "jwt": _p(
        lambda r: f"X-API-Key: {v.unannounced_moralis_key(r)}",
        lambda r: f"GET /3/movie/popular Authorization: Bearer {v.unannounced_tmdb_jwt(r)}",
        lambda r: f"mapkit.init({{ authorizationCallback: done => done('{v.unannounced_mapkit_jwt(r)}') }})",
        lambda r: (
            "grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type"
            f"%3Ajwt-bearer&client_assertion={v.unannounced_smart_assertion(r)}"
        ),
        lambda r: (
            f"GET /rest/api/3/issue/DON-{r.randrange(10, 999)} Authorization: JWT {v.unannounced_atlassian_jwt(r)}"
        ),
        lambda r: f'{{"idToken": "{v.unannounced_unity_jwt(r)}", "expiresIn": 3600, "userId": "{rand(r, ALNUM, 28)}"}}',
        lambda r: f'nakama session restored {{"token": "{v.unannounced_nakama_jwt(r)}", "created": false}}',
        lambda r: f"EOS_Connect_Login ok, id token {v.unannounced_eos_jwt(r)}",
        lambda r: (
            "POST /oauth/token grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion="
            f"{v.unannounced_docusign_assertion(r)}"
        ),
    ),
    "private_key": _p(
        lambda r: "syncthing key.pem:\n" + _uan_pem(r, "EC PRIVATE KEY", 121),
        lambda r: f'MAPKIT_KEY_P8="{_uan_pem(r, "PRIVATE KEY", 138)}"'.replace("\n", "\\n"),
        lambda r: 'CONCOURSE_SESSION_SIGNING_KEY="' + _uan_pem(r, "RSA PRIVATE KEY", 600) + '"',
    ),
    "url_credentials": _p(
        lambda r: f"GOTRUE_DB_DATABASE_URL=postgres://supabase_auth_admin:{_uan_url_password(r)}@db:5432/postgres",
        lambda r: f"REDIS_URL=redis://:{_uan_url_password(r)}@redis:6379/1",
        lambda r: (
            f"cameras:\n  pontoon_b:\n    ffmpeg:\n      inputs:\n        - path: rtsp://viewer:{_uan_url_password(r)}"
            "@cam-pontoon-b.lan:554/stream1"
        ),
        lambda r: f"mqtt:\n  server: mqtt://z2m:{_uan_url_password(r)}@mosquitto.lan:1883",
        lambda r: (
            f"backend:\n  database:\n    client: pg\n    connection: postgresql://backstage:{_uan_url_password(r)}"
            "@pg.lan:5432/backstage"
        ),
    ),
    "password_assignment": _p(
        lambda r: f"mqtt:\n  base_topic: zigbee2mqtt\n  user: z2m\n  password: '{_uan_password(r)}'",
        lambda r: f"FRIGATE_RTSP_PASSWORD={_uan_password(r)}",
        lambda r: f'database:\n  type: postgres\n  user: vikunja\n  password: "{_uan_password(r)}"',
        lambda r: f"db:\n  type: postgres\n  host: db\n  user: wikijs\n  pass: {_uan_password(r)}",
        lambda r: f"CONCOURSE_ADD_LOCAL_USER=ops:{_uan_password(r)}",
        lambda r: f"NTFY_PASSWORD='{_uan_password(r)}' ntfy user add --role=admin dockmaster",
        lambda r: f'"Password": "{_uan_password(r)}",  // netbird management.json TURNConfig',
    ),
    "sql_identified_by": _p(
        lambda r: f"ALTER USER supabase_auth_admin WITH PASSWORD '{_uan_password(r)}';",
        lambda r: f"CREATE USER 'wikijs'@'%' IDENTIFIED BY '{_uan_password(r)}';",
    ),
    "bearer_token": _p(
        lambda r: f"GET /v3/businesses/search?location=Philipsburg Authorization: Bearer {v.unannounced_yelp_key(r)}",
        lambda r: (
            f"Client-Id: {v.unannounced_twitch_pair(r)[0]}\nAuthorization: Bearer {v.unannounced_twitch_pair(r)[1]}"
        ),
        lambda r: f"GET /v1/me/player Authorization: Bearer {v.unannounced_spotify_pair(r)[2]}",
        lambda r: f"curl -H 'Authorization: Bearer {v.unannounced_ipinfo_token(r)}' https://api.ipinfo.io/lite/me",
        lambda r: f"POST /transaction/initialize Authorization: Bearer {v.unannounced_paystack_pair(r)[1]}",
    ),
    "basic_auth": _p(
        lambda r: f"POST /api/token Authorization: Basic {_uan_basic(*v.unannounced_spotify_pair(r)[:2])}",
        lambda r: (
            f"GET /orders?orderStatus=awaiting_shipment Authorization: Basic "
            f"{_uan_basic(*v.unannounced_shipstation_pair(r))}"
        ),
        lambda r: f"censys search: Authorization: Basic {_uan_basic(*v.unannounced_censys_pair(r))}",
        lambda r: f"POST /channels/berths/messages Authorization: Basic {v.b64(v.unannounced_ably_key(r).encode())}",
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: MANTIS_STRING_COOKIE={rand(r, ALNUM + '-_', 64)}; MANTIS_PROJECT_COOKIE=3",
        lambda r: f"Cookie: OTRSAgentInterface={rand(r, ALNUM, 32)}; OTRSBrowserHasCookie=1",
        lambda r: (
            f"Cookie: splunkweb_csrf_token_8000={v.unannounced_clean_digits(r, 19)}; splunkd_8000="
            f"{rand(r, ALNUM, 40)}^{rand(r, ALNUM + '_', 60)}^{rand(r, ALNUM, 30)}"
        ),
        lambda r: f"Cookie: TCSESSIONID={rand(r, '0123456789ABCDEF', 32)}; __test=1",
        lambda r: f"Cookie: NXSESSIONID={v.unannounced_uuid(r)}",
        lambda r: f"Cookie: flarum_remember=; flarum_session={rand(r, ALNUM, 40)}",
        lambda r: f"Cookie: BITBUCKETSESSIONID={rand(r, '0123456789ABCDEF', 32)}; _atl_bitbucket_remember_me=",
    ),
    "auth_token_assignment": _p(
        lambda r: (
            f"GET https://api.openweathermap.org/data/3.0/onecall?lat=18.04&lon=-63.05&appid={v.unannounced_owm_key(r)}"
        ),
        lambda r: f"GET /v2/aggs/ticker/AAPL/prev?apiKey={v.unannounced_polygon_key(r)}",
        lambda r: (
            f"https://api.etherscan.io/v2/api?chainid=1&module=account&action=balance&apikey="
            f"{v.unannounced_etherscan_key(r)}"
        ),
        lambda r: (
            f"https://www.alphavantage.co/query?function=FX_DAILY&from_symbol=EUR&to_symbol=USD&apikey="
            f"{v.unannounced_alphavantage_key(r)}"
        ),
        lambda r: f"GET /api/latest?access_key={v.unannounced_fixer_key(r)}&base=EUR&symbols=USD,ANG",
        lambda r: f"https://api.shodan.io/shodan/host/search?key={v.unannounced_shodan_key(r)}&query=port%3A554",
        lambda r: f"GET /v2/domain-search?domain=marina-sx.example&api_key={v.unannounced_hunter_key(r)}",
        lambda r: (
            f"GET /ISteamUser/GetPlayerSummaries/v2/?key={v.unannounced_steam_key(r)}&steamids="
            f"{v.unannounced_steam_id(r)}"
        ),
        lambda r: f"https://api.geoapify.com/v1/geocode/search?text=Marigot&apiKey={v.unannounced_geoapify_key(r)}",
        lambda r: f"https://api.opencagedata.com/geocode/v1/json?q=Road%20Town&key={v.unannounced_opencage_key(r)}",
        lambda r: f"https://eu1.locationiq.com/v1/reverse?key={v.unannounced_locationiq_key(r)}&lat=49.45&lon=-2.53",
        lambda r: "https://us-street.api.smarty.com/street-address?auth-id={}&auth-token={}&street=1%20Main".format(
            *v.unannounced_smarty_pair(r)
        ),
        lambda r: f"GET /3/search/movie?api_key={v.unannounced_tmdb_key(r)}&query=reef",
        lambda r: f"https://ipinfo.io/json?token={v.unannounced_ipinfo_token(r)}",
        lambda r: f"FINNHUB_URL=https://finnhub.io/api/v1/quote?symbol=RCL&token={v.unannounced_finnhub_token(r)}",
    ),
    "generic_secret": _p(
        lambda r: f"X-Finnhub-Token: {v.unannounced_finnhub_token(r)}",
        lambda r: f"GET /v2/everything?q=marina X-Api-Key: {v.unannounced_newsapi_key(r)}",
        lambda r: f"x-apikey: {v.unannounced_virustotal_key(r)}",
        lambda r: f"GET /api/v2/check?ipAddress=example Key: {v.unannounced_abuseipdb_key(r)}",
        lambda r: f"POST /api/v1/scan/ API-Key: {v.unannounced_urlscan_key(r)}",
        lambda r: f"hibp-api-key: {v.unannounced_hibp_key(r)}",
        lambda r: f"X-Riot-Token: {v.unannounced_riot_key(r)}",
        lambda r: "POST /Server/GetUserInventory X-SecretKey: " + v.unannounced_playfab_pair(r)[1],
        lambda r: f"Authorization: Token {v.unannounced_tiingo_token(r)}",
        lambda r: f"GET /api/network Authorization: token {v.unannounced_zerotier_token(r)}",
        lambda r: f"Authorization: Discogs token={v.unannounced_discogs_token(r)}",
        lambda r: f"POST /v1/trips Authorization: {v.unannounced_radar_pair(r)[1]}",
        lambda r: f"GET /v3/places/search?near=Road%20Town Authorization: {v.unannounced_foursquare_key(r)}",
        lambda r: f"GET /v2/weather/point?lat=18.02&lng=-63.1 Authorization: {v.unannounced_stormglass_key(r)}",
        lambda r: f"project_id: {v.unannounced_blockfrost_id(r)}",
        lambda r: f"x-cg-pro-api-key: {v.unannounced_coingecko_key(r)}",
        lambda r: f"X-CMC_PRO_API_KEY: {v.unannounced_cmc_key(r)}",
        lambda r: f"X-MBX-APIKEY: {v.unannounced_binance_pair(r)[0]}",
        lambda r: f"authkey: {v.unannounced_msg91_key(r)}",
        lambda r: (
            f'POST /api/point-forecast/v2 {{"lat": 18.42, "lon": -64.62, "model": "gfs", "key": '
            f'"{v.unannounced_windy_key(r)}"}}'
        ),
        lambda r: f'~/.kaggle/kaggle.json {{"username": "studio-ml", "key": "{v.unannounced_kaggle_key(r)}"}}',
        lambda r: f"const pubnub = new PubNub({{ secretKey: '{v.unannounced_pubnub_keys(r)[2]}', userId: 'server' }})",
        lambda r: f"lastfm: shared_secret={v.unannounced_lastfm_pair(r)[1]}",
    ),
    "password_hash": _p(
        lambda r: f"GetUserSPNs.py output: {v.unannounced_password_hash(r, 'krb5tgs')}",
        lambda r: f"[SMB] NTLMv1 Hash     : {v.unannounced_password_hash(r, 'netntlmv1')}",
        lambda r: f"snmpv3 capture: {v.unannounced_password_hash(r, 'snmpv3')}",
        lambda r: v.unannounced_password_hash(r, "postgres_challenge"),
        lambda r: f"freeradius-wpe: {v.unannounced_password_hash(r, 'mschapv2')}",
        lambda r: f"users {r.randrange(2, 9000)}: {v.unannounced_password_hash(r, 'authlogic_sha512')}",
        lambda r: f"rep:password={v.unannounced_password_hash(r, 'jackrabbit_sha256')}",
        lambda r: f"adb pull locksettings: {v.unannounced_password_hash(r, 'android_pin')}",
    ),
    "credential_phrase": _p(
        lambda r: f"{_uan_password(r)} is the passwird for the marina wifi",
        lambda r: f"The wifi password na {_uan_password(r)}",
        lambda r: f"Di wifi password a {_uan_password(r)}",
        lambda r: f"{_uan_password(r)} वाईफाईक पासवर्ड अछि",
        lambda r: f"{_uan_password(r)} ནི་ wifi ཡི་གསང་གྲངས་ཡིན།",
        lambda r: f"dockmaster: gate keypad and office PC both use {_uan_password(r)} from today",
        lambda r: f"donor clinic: the fridge logger login was reset, it's {_uan_password(r)} until Friday",
    ),
    "email": _p(
        lambda r: f"user signed up, confirmation sent to {v.unannounced_email(r)}",
        lambda r: f'{{"event": "users.invite", "email": "{v.unannounced_email(r)}", "role": "member"}}',
        lambda r: f"spec:\n  profile:\n    displayName: {_uan_name(r)}\n    email: {v.unannounced_email(r)}",
        lambda r: f"vikunja: sending task reminder to {v.unannounced_email(r)}",
        lambda r: f'{{"system": "email", "value": "{v.unannounced_email(r)}"}}',
        lambda r: f'To: "{_uan_name(r)}" <{v.unannounced_email(r)}>',
    ),
    "ipv4": _p(
        lambda r: f'querylog: {{"QH": "berths.marina-sx.example", "IP": "{v.ipv4(r)}", "Result": {{}}}}',
        lambda r: f"peer mooring-tablet-3 connected from {v.ipv4(r)}:{r.randrange(1024, 65535)}",
        lambda r: f"Established secure connection to HQ at {v.ipv4(r)}:22000-tcp-client/TLS1.3",
        lambda r: f'{{"remote_addr": "{v.ipv4(r)}", "msg": "request started"}}',
        lambda r: f"frigate: camera pontoon_c unreachable at {v.ipv4(r)}",
    ),
    "ipv6": _p(
        lambda r: f"Established secure connection to HQ at [{v.ipv6(r)}]:22000-quic-client",
        lambda r: f'querylog: {{"QH": "game-cdn.example", "IP": "{v.ipv6(r)}"}}',
    ),
    "phone": _p(
        lambda r: _uan_fhir_telecom(r, _uan_phone(r, True)),
        lambda r: f"curl -H 'X-Call: {_uan_phone(r, True)}' -d 'Pontoon B shore power tripped' ntfy.marina.lan/ops",
        lambda r: _uan_msg91(r, v.unannounced_msisdn(r, r.choice(_uan_regions()))),
        lambda r: f"Gie's a ring on {_uan_phone(r)}",
        lambda r: f"Call me for {_uan_phone(r)} abeg",
        lambda r: f"Call mi pon {_uan_phone(r)}",
        lambda r: f"हमरा {_uan_phone(r)} पर फोन करू",
        lambda r: f"ང་ལ་ {_uan_phone(r)} ལ་ཁ་པར་གཏོང་རོགས།",
        lambda r: f"VHF 16 or {_uan_phone(r)} for the harbour office",
    ),
    "payment_card": _p(
        lambda r: _uan_emv_tlv(r, v.unannounced_card_number(r, pick(r, "visa", "mastercard", "unionpay"))),
        lambda r: _uan_cnp_xml(r, v.unannounced_card_number(r, pick(r, "visa", "mastercard", "amex", "discover"))),
        lambda r: _uan_authnet(r, v.unannounced_card_number(r, pick(r, "visa", "jcb"))),
        lambda r: _uan_dtmf(r, v.unannounced_card_number(r, pick(r, "visa", "mastercard"))),
        lambda r: _uan_ocr(r, v.unannounced_card_number(r, pick(r, "visa", "mastercard"))),
        lambda r: _uan_form(r, v.unannounced_card_number(r, pick(r, "visa", "mastercard", "rupay"))),
        lambda r: _uan_int_json(r, v.unannounced_card_number(r, pick(r, "visa", "diners"))),
        lambda r: f"Ma caird's {v.unannounced_card(r, 'amex', sep=' ')}, tak the deposit aff that",
    ),
    "iban": _p(
        lambda r: _uan_epc_qr(r, v.unannounced_iban(r, country=pick(r, "FR", "GB"))),
        lambda r: _uan_psd2(r, v.unannounced_iban(r, country="FR")),
        lambda r: _uan_obie(r, v.unannounced_iban(r, country="GB")),
        lambda r: _uan_mt940(r, v.unannounced_iban(r, country=pick(r, "FR", "GB"))),
        lambda r: _uan_wise(r, v.unannounced_iban(r, country=pick(r, "FR", "GB"))),
        lambda r: _uan_camt056(r, v.unannounced_iban(r, country="FR")),
        lambda r: f"Beneficiary account (IBAN): {v.unannounced_iban(r, country='VG', grouped=True)}, BIC VPVGVGVG",
        lambda r: f"Stanley branch, IBAN {v.unannounced_iban(r, country='FK')}",
    ),
}

UNANNOUNCED_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: "outline: OPENAI_API_KEY is unset, AI answers disabled"),
    "openai_project_key": _p(
        lambda r: 'genai:\n  provider: openai\n  api_key: "{FRIGATE_OPENAI_API_KEY}"',
        lambda r: "openai:\n  apiKey: ${OPENAI_API_KEY}",
    ),
    "anthropic_api_key": _p(lambda r: "params:\n  ANTHROPIC_API_KEY: ((anthropic.api_key))"),
    "deepseek_api_key": _p(lambda r: f"request_id=chatcmpl-{rand(r, HEX, 32)} model=deepseek-chat finish_reason=stop"),
    "aws_access_key_id": _p(lambda r: "source:\n  bucket: game-builds\n  access_key_id: ((aws.access_key_id))"),
    "aws_secret_access_key": _p(lambda r: "credentials:\n  secretAccessKey: ${AWS_SECRET_ACCESS_KEY}"),
    "aws_session_token": _p(lambda r: "AWS_SESSION_TOKEN=   # empty: the runner uses static keys"),
    "github_classic_token": _p(
        lambda r: "integrations:\n  github:\n    - host: github.com\n      token: ${GITHUB_TOKEN}"
    ),
    "github_oauth_token": _p(lambda r: '{"service": "github", "accessToken": null, "scopes": ["repo"]}'),
    "github_app_token": _p(lambda r: "username: x-access-token\npassword: ((github_app.token))"),
    "github_refresh_token": _p(lambda r: "backstage auth github: refresh token missing, sign in again"),
    "github_fine_grained_token": _p(
        lambda r: f"wiki.js git storage: token github_pat_{rand(r, ALNUM, 6)}… (truncated)"
    ),
    "gitlab_token": _p(lambda r: "integrations:\n  gitlab:\n    - host: gitlab.com\n      token: ${GITLAB_TOKEN}"),
    "slack_token": _p(lambda r: "SLACK_BOT_TOKEN=xoxb-your-bot-token  # from the README"),
    "slack_webhook": _p(lambda r: "source:\n  url: ((slack.berth_alerts_webhook))"),
    "stripe_key": _p(lambda r: f"stripe: webhook endpoint we_{rand(r, ALNUM, 24)} enabled for charge.refunded"),
    "google_api_key": _p(lambda r: "GOOGLE_MAPS_KEY_FILE=/run/secrets/gmaps_browser_key"),
    "google_oauth_client_secret": _p(lambda r: "GOOGLE_CLIENT_SECRET=   # google sign-in disabled"),
    "gcp_oauth_token": _p(
        lambda r: (
            "gcloud auth print-access-token | docker login -u oauth2accesstoken --password-stdin europe-docker.pkg.dev"
        )
    ),
    "twilio_api_key": _p(lambda r: f"donor sms: messaging service MG{rand(r, HEX, 32)} selected"),
    "sendgrid_api_key": _p(lambda r: "SMTP_USERNAME=apikey\nSMTP_PASSWORD_FILE=/run/secrets/sendgrid"),
    "huggingface_token": _p(lambda r: "frigate: model downloaded from huggingface.co (public repo, no token)"),
    "npm_token": _p(lambda r: "npm notice Publishing to https://registry.npmjs.org/ with tag latest and public access"),
    "pypi_token": _p(lambda r: "[pypi]\nusername = __token__\npassword = %(PYPI_TOKEN)s"),
    "shopify_token": _p(lambda r: '{"shop": "sxm-chandlery", "admin_api_access_token": "shpat_' + "*" * 32 + '"}'),
    "digitalocean_token": _p(lambda r: 'provider "digitalocean" {\n  token = var.do_token\n}'),
    "telegram_bot_token": _p(lambda r: 'telegram:\n  enabled: true\n  token: "{FRIGATE_TELEGRAM_TOKEN}"'),
    "azure_storage_connection_string": _p(lambda r: "azureBlobStorage:\n  connectionString: ${TECHDOCS_AZURE_CONN}"),
    "azure_sas_token": _p(
        lambda r: (
            "azcopy login --identity && azcopy copy donors.tar.gz https://bloodbankgg.blob.core.windows.net/backups"
        )
    ),
    "clickhouse_cloud_key": _p(
        lambda r: f'{{"keyId": "{rand(r, ALNUM, 20)}", "keySecret": null, "state": "disabled"}}'
    ),
    "jwt": _p(
        lambda r: f"unity player-auth: jwks refreshed, kid {v.unannounced_uuid(r)} alg RS256",
        lambda r: "GET /rest/api/3/issue/DON-17 Authorization: JWT {{ atlassian.jwt }}",
        lambda r: f"nakama: session expired for user {v.unannounced_uuid(r)}, re-authenticating",
        lambda r: f"EOS_Connect_Login failed: EOS_InvalidAuth (id token for client xyza{rand(r, ALNUM, 28)})",
    ),
    "private_key": _p(
        lambda r: f"MAPKIT_KEY_P8_FILE=/run/secrets/AuthKey_{rand(r, v.UPPER, 10)}.p8",
        lambda r: "syncthing device ID " + "-".join(rand(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 7) for _ in range(8)),
        lambda r: f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{rand(r, ALNUM + '+/', 43)} dockmaster-laptop",
    ),
    "url_credentials": _p(
        lambda r: "path: rtsp://{FRIGATE_RTSP_USER}:{FRIGATE_RTSP_PASSWORD}@cam-pontoon-b.lan:554/stream1",
        lambda r: "GOTRUE_DB_DATABASE_URL=postgres://supabase_auth_admin@db:5432/postgres?sslmode=require",
        lambda r: "mqtt:\n  server: mqtt://mosquitto.lan:1883",
        lambda r: "REDIS_URL=redis://redis:6379/1",
    ),
    "password_assignment": _p(
        lambda r: "mqtt:\n  user: z2m\n  password: '!secret mqtt_password'",
        lambda r: "db:\n  user: wikijs\n  pass: $(DB_PASS)",
        lambda r: "mqtt:\n  user: frigate\n  password: '{FRIGATE_MQTT_PASSWORD}'",
        lambda r: "FRIGATE_RTSP_PASSWORD=",
        lambda r: f"auth-default-access: deny-all\nenable-login: true\npassword-min-length: {r.randrange(10, 16)}",
        lambda r: "CONCOURSE_ADD_LOCAL_USER=ops:((concourse.ops_password))",
    ),
    "sql_identified_by": _p(lambda r: "CREATE ROLE authenticator NOINHERIT LOGIN PASSWORD :'pgpass';"),
    "bearer_token": _p(
        lambda r: f"Client-Id: {v.unannounced_twitch_pair(r)[0]}\nAuthorization: Bearer $(cat /run/secrets/twitch)",
        lambda r: "Authorization: Bearer ${YELP_API_KEY}",
        lambda r: f"POST /transaction/initialize publicKey={v.unannounced_paystack_pair(r)[0]}",
    ),
    "basic_auth": _p(
        lambda r: f"Authorization: Basic {v.b64(v.unannounced_ably_key(r).split(':')[0].encode() + b':')}",
        lambda r: "censys: set CENSYS_API_ID and CENSYS_API_SECRET to use Basic auth",
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: MANTIS_STRING_COOKIE=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; path=/",
        lambda r: (
            f"Cookie: MANTIS_PROJECT_COOKIE=3; MANTIS_BUG_LIST_COOKIE={r.randrange(10, 99)},{r.randrange(100, 999)}"
        ),
        lambda r: "Cookie: OTRSBrowserHasCookie=1; lang=en",
        lambda r: "Set-Cookie: flarum_remember=; Max-Age=0",
    ),
    "auth_token_assignment": _p(
        lambda r: "https://www.alphavantage.co/query?function=TIME_SERIES_DAILY&symbol=IBM&apikey=demo",
        lambda r: "https://api.etherscan.io/v2/api?chainid=1&module=account&action=balance&apikey=YourApiKeyToken",
        lambda r: "GET /3/search/movie?api_key=<%= ENV['TMDB_KEY'] %>&query=reef",
        lambda r: (
            f"lastfm: api_key={v.unannounced_lastfm_pair(r)[0]} method=track.getInfo (signed calls use the secret)"
        ),
    ),
    "generic_secret": _p(
        lambda r: "X-Riot-Token: RGAPI-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
        lambda r: f"Radar.initialize('{v.unannounced_radar_pair(r)[0]}')",
        lambda r: "const pubnub = new PubNub({{ publishKey: '{}', subscribeKey: '{}' }})".format(
            *v.unannounced_pubnub_keys(r)[:2]
        ),
        lambda r: f"playfab: X-TitleId {v.unannounced_playfab_pair(r)[0]} (public title id)",
        lambda r: f"spotify client_id={v.unannounced_spotify_pair(r)[0]} redirect_uri=https://game.example/cb",
        lambda r: f"ably key name {v.unannounced_ably_key(r).split(':')[0]} (capabilities: publish)",
        lambda r: "Authorization: Token ${TIINGO_TOKEN}",
        lambda r: '~/.kaggle/kaggle.json {"username": "studio-ml", "key": "<redacted>"}',
    ),
    "password_hash": _p(
        lambda r: f'<script src="/berths.js" integrity="sha384-{v.b64(r.randbytes(48))}"></script>',
        lambda r: f'ETag: W/"{rand(r, HEX, 32)}"',
        lambda r: "GetUserSPNs.py: No entries found (no kerberoastable service accounts)",
        lambda r: "freeradius-wpe: no mschap exchanges captured",
        lambda r: f"frigate: snapshot {rand(r, HEX, 6)}.jpg md5 verified",
    ),
    "credential_phrase": _p(
        lambda r: "Forgot yer passwird? Click here.",
        lambda r: "You forget your password? Press here.",
        lambda r: "Yuh figet yuh password? Press yah so.",
        lambda r: "पासवर्ड बिसरि गेलहुँ?",
        lambda r: "གསང་གྲངས་བརྗེད་སོང་ངམ།",
        lambda r: "The donor portal password must have at least 12 characters.",
    ),
    "email": _p(
        lambda r: "From: noreply@{{ .Domain }}",
        lambda r: f"yarn add @backstage/plugin-catalog-backend@1.{r.randrange(20, 40)}.0",
        lambda r: "upsmon: monitoring ups@localhost (UPS on pontoon B)",
        lambda r: "matrix bridge: invited @skipper:matrix.marina-sx.example",
        lambda r: f"{pick(r, 'h', 'k', 'z')}****@{pick(r, 'cwgsy.net', 'surfbvi.com', 'mayotte.fr')}",
    ),
    "ipv4": _p(
        lambda r: f"kiosk: Windows 10.0.{r.randrange(19041, 26200)}.{r.randrange(100, 255)} updated",
        lambda r: (
            f"client_build {r.randrange(1, 9)}.{r.randrange(10, 60)}.{r.randrange(100, 255)}.{r.randrange(1, 255)}"
        ),
        lambda r: f"zigbee: Xiaomi sensor firmware 3.{r.randrange(0, 9)}.{r.randrange(0, 9)}.{r.randrange(0, 99)}",
        lambda r: f"ntfy v2.{r.randrange(5, 13)}.{r.randrange(0, 4)} started",
    ),
    "ipv6": _p(
        lambda r: f"zigbee: interview of {':'.join(rand(r, HEX, 2) for _ in range(8))} completed",
        lambda r: f"frigate: recording segment 2026-01-22 10:{r.randrange(10, 59)}:{r.randrange(10, 59)} saved",
    ),
    "phone": _p(
        lambda r: f"callback {v.unannounced_invalid_phone(r, _uan_regions())}",
        lambda r: f"AIS: MMSI {v.unannounced_mmsi(r)} berthed at B14",
        lambda r: f"DIN {v.unannounced_isbt_din(r)}",
        lambda r: f"steamid {v.unannounced_steam_id(r)}",
        lambda r: f"mobile +44 7781 ***{r.randrange(100, 999)}",
        lambda r: f"order #{v.unannounced_digits(r, 10)} shipped",
        lambda r: f"LOA 12.{r.randrange(10, 99)} m, draught 1.{r.randrange(10, 99)} m",
    ),
    "payment_card": _p(
        lambda r: f"card {v.unannounced_card_number(r, 'visa')[:6]}******{r.randrange(1000, 9999)}",
        lambda r: f"declined: {v.wrong_last_digit(r, v.unannounced_card(r, sep=' '))}",
        lambda r: f"GTIN {v.unannounced_gtin13(r)} (CPDA-1 blood bag)",
        lambda r: f"steamid64 {v.unannounced_steam_id(r)}",
        lambda r: f"EMV TLV: 5A 08 {v.unannounced_card_number(r, 'visa')[:6]}FFFFFF{r.randrange(1000, 9999)} (masked)",
        lambda r: f"gift code {'-'.join(rand(r, v.UPPER, 5) for _ in range(3))} redeemed",
        lambda r: f"refund to {v.unannounced_iban(r, country='GB', grouped=True)} instead of the card",
    ),
    "iban": _p(
        lambda r: f"LEI {v.unannounced_lei(r)}",
        lambda r: f"RIB {v.unannounced_rib(r)}",
        lambda r: f"sort code / account {v.unannounced_sort_code_account(r)}",
        lambda r: f"OFAC SDN: Foreign Trade Bank account {v.unannounced_kp_account(r)}",
        lambda r: f"IBAN {v.unannounced_iban(r, valid=False)} rejected (checksum)",
        lambda r: f"IBAN GB** **** **** **** **{r.randrange(10, 99)} {r.randrange(10, 99)}",
        lambda r: "IBAN FRkk BBBB BGGG GGCC CCCC CCCC CKK (format)",
    ),
}

# Own negatives that truthfully hold another class: a refund to an IBAN is an IBAN finding.
UNANNOUNCED_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("payment_card", 6): frozenset({"iban"}),
}

# ---------------------------------------------------------------------------- the unbeknown split's own shapes
#
# Written for the thirty-first split only, by a twenty-fifth session that did not read the rules
# (``build_corpus("unbeknown")`` puts them before the shared generators, as for the splits since hidden): values in
# Netdata's, Gatus', Rspamd's, SearXNG's, ZoneMinder's, Mealie's, FreshRSS', Jellyseerr's and qBittorrent's settings,
# rclone, ``gh``, ``glab``, ``uv``, ``docker login``, Renovate and Terraform; Duffel, Kiwi.com Tequila, Travelpayouts,
# FlightAware AeroAPI, aviationstack, what3words, Tomorrow.io, Visual Crossing, WeatherAPI.com, AccuWeather,
# Meteomatics, Pushover, Pushbullet, Gotify, WooCommerce, Printful, Etsy, Jotform, Eventbrite, Helius, Mapillary, Open
# Charge Map, Ticketmaster, Rome2rio, Recurly, TrueLayer, GoCardless Bank Account Data, Yapily, Vipps MobilePay,
# FareHarbor, Rezdy, Checkfront, Cobot, Loyverse, Talon.One, Voucherify, Statens vegvesen, Fiken, Tripletex, Australia
# Post, MYOB, eWAY, Pin Payments, Sendle, OfficeRnD and Nexudus requests (keys of vendors with no detector of their own:
# bearers, custom headers and schemes, Basic pairs, query parameters, form and JSON bodies), JWTs of new issuers (a
# Mercure hub, Jitsi as a Service, Metabase embedding, Hasura, Cube, Tinybird, a Box JWT app's assertion, Centrifugo,
# Liveblocks and Zettle's API keys), session cookies of UniFi Network, Plesk, ISPConfig, Checkmk, TYPO3, Kimai and
# Immich, private keys in ``rspamadm dkim_keygen`` output, OpenVPN static key files, .NET ``RSAKeyValue`` XML, Nostr
# ``nsec`` and Hardhat ``.env`` files, password-derived material of eight families (IPMI 2.0 RAKP, TACACS+, IKE PSK,
# VNC, CHAP, SIP digest, DPAPI master keys, Kerberos pre-authentication) and FileZilla Server's PBKDF2, cards of new BIN
# ranges in PHP-serialized WooCommerce meta, ``redis-cli MONITOR`` lines, GraphQL variables, a settlement file's fixed
# width records, speech-to-text transcripts (the digits as words), Moneris XML, URL paths and Google Pay's decrypted
# payloads, IBANs of four countries in NAV Online Számla invoices, Odoo JSON-RPC calls, EPC Verification of Payee
# requests, PrivatBank statements, acmt.023 verification requests and DATEV creditor records, phone numbers of eight new
# regions in iCalendar ``tel:`` URIs, SIP INVITEs, WhatsApp Cloud API bodies, ``tel:`` links and sentences in
# Cantonese, Egyptian Arabic, Swiss German, Mauritian Creole and Sicilian; and look-alikes that are not findings (Stripe
# publishable keys, Bókun access keys and request signatures, Voucherify app ids, client ids and public keys next to
# their secrets, documented test credentials and example IBANs of the IBAN registry, chezmoi, Ansible and n8n
# references, Norwegian KID references and retrieval reference numbers that pass Luhn, IMO ship numbers, Australian
# Business Numbers, Norwegian organisation numbers, Norwegian, Australian, Hungarian and Saint Helena domestic accounts,
# invalid IBANs and phone numbers, Mastodon handles and image digests with an ``@``, netmasks and four-part versions
# that read as addresses, SSH MD5 fingerprints).
# ``UNBEKNOWN_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class.


def _ubk_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _ubk_password(r: random.Random) -> str:
    return v.unbeknown_password(r)


def _ubk_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unbeknown_password(r), safe="")


def _ubk_phone(r: random.Random, international_only: bool = False) -> str:
    return v.unbeknown_phone(r, _ubk_regions(), international_only)


def _ubk_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _ubk_amount(r: random.Random) -> str:
    return f"{r.randrange(20, 6000)}.{r.randrange(0, 100):02d}"


def _ubk_name(r: random.Random) -> str:
    return pick(
        r, "Sigrid Olsen", "Ingrid Haugen", "Tony Repetto", "James Glass", "Nadine Yon", "Rhonda Buffett",
        "Darren Nobbs", "Siti Noraini", "Lim Kah Wai", "Fatimetou Mohamed", "Brahim Salem", "Oleg Pavlov",
    )  # fmt: skip


def _ubk_frac(r: random.Random, n: int) -> str:
    """``n`` fractional digits that read as no phone number of the split's regions and fail Luhn."""
    while True:
        digits = rand(r, string.digits, n)
        if v._ubk_no_phone(digits) and v._ubk_no_phone(digits.lstrip("0") or "0") and not v.luhn_ok(digits):
            return digits


def _ubk_hex_word(r: random.Random, n: int) -> str:
    """``n`` hex digits with a letter among them (a run of decimal digits could read as a number)."""
    while True:
        word = rand(r, HEX, n)
        if not word.isdigit():
            return word


def _ubk_millis(r: random.Random) -> str:
    """Epoch milliseconds in late January 2026, drawn until no run of them passes Luhn and none reads as a phone."""
    while True:
        millis = str(1_769_500_000_000 + r.randrange(10**9))
        if not v._urm_luhn_windows(millis) and v._ubk_no_phone(millis):
            return millis


def _ubk_expiry(r: random.Random) -> tuple[int, int]:
    return r.randrange(1, 13), 2000 + r.randrange(27, 31)


def _ubk_brand(pan: str) -> str:
    return {"4": "VISA", "5": "MASTERCARD", "2": "MASTERCARD", "6": "DISCOVER"}.get(
        pan[0], {"37": "AMEX", "35": "JCB", "30": "DINERS"}.get(pan[:2], "CARD")
    )


def _ubk_php_str(s: str) -> str:
    return f's:{len(s.encode())}:"{s}";'


def _ubk_woo_meta(r: random.Random, pan: str) -> str:
    """A WooCommerce order's meta as a legacy card plugin stored it in ``wp_postmeta``: a PHP-serialized array with the
    card number, the brand, the expiry and the CVV."""
    month, year = _ubk_expiry(r)
    items = {"card_number": pan, "card_type": _ubk_brand(pan).lower(), "exp_date": f"{month:02d}/{year % 100}",
             "cvv": str(r.randrange(100, 1000))}  # fmt: skip
    body = "".join(_ubk_php_str(k) + _ubk_php_str(val) for k, val in items.items())
    return f"post_id={r.randrange(100, 999)} meta_key=_wc_card_details meta_value=a:{len(items)}:{{{body}}}"


def _ubk_redis_monitor(r: random.Random, pan: str) -> str:
    """``redis-cli MONITOR`` of a checkout service writing a card into a hash (the client on the unix socket)."""
    month, year = _ubk_expiry(r)
    return (
        f'{1_769_500_000 + r.randrange(10**6)}.{_ubk_frac(r, 6)} [0 unix:/run/redis/redis.sock] "HSET" '
        f'"checkout:{_ubk_hex_word(r, 8)}" "pan" "{pan}" "exp" "{month:02d}{year % 100}" "amount" "{_ubk_amount(r)}"'
    )


def _ubk_graphql(r: random.Random, pan: str) -> str:
    """An Apollo server's request log of a GraphQL mutation whose variables carry the card."""
    month, year = _ubk_expiry(r)
    body = {
        "operationName": "AddPaymentCard",
        "query": "mutation AddPaymentCard($input: PaymentCardInput!) { addPaymentCard(input: $input) { id last4 } }",
        "variables": {"input": {"number": pan, "expMonth": month, "expYear": year, "cvc": str(r.randrange(100, 1000)),
                                "holder": _ubk_name(r)}},
    }  # fmt: skip
    return "apollo: incoming request " + json.dumps(body)


def _ubk_fixed_width(r: random.Random, pan: str) -> str:
    """A card settlement file's detail record (fixed width): the type, a sequence, the holder (20), the PAN
    left-aligned in 19, the expiry (YYMM), the amount in øre (12, zero-padded) and the currency."""
    while True:
        expiry = f"{r.randrange(27, 31)}{r.randrange(1, 13):02d}"
        amount = f"{r.randrange(10**4, 10**7):012d}"
        if not v._urm_luhn_windows(expiry + amount) and v._ubk_no_phone(expiry + amount):
            break
    seq = f"{r.randrange(1, 99999):07d}"
    return f"D{seq}{_ubk_name(r).upper():<20.20}{pan:<19}{expiry}{amount}NOK"


def _ubk_transcript(r: random.Random, pan: str) -> str:
    """A speech-to-text service's transcript of a caller reading a card out, the digits as words."""
    return (
        f"[00:01:{r.randrange(10, 59)}] spk_1: yes so the card number is {v.unbeknown_card_words(pan)}, and it "
        f"runs out in {pick(r, 'March', 'June', 'November')}"
    )


def _ubk_moneris(r: random.Random, pan: str) -> str:
    """A Moneris Gateway XML purchase with the card inline (the API token filtered by the logger)."""
    month, year = _ubk_expiry(r)
    return (
        f"<request><store_id>monca{rand(r, string.digits, 5)}</store_id><api_token>[FILTERED]</api_token><purchase>"
        f"<order_id>CX-{rand(r, string.ascii_uppercase, 6)}</order_id><amount>{_ubk_amount(r)}</amount><pan>{pan}</pan>"
        f"<expdate>{year % 100}{month:02d}</expdate><crypt_type>7</crypt_type></purchase></request>"
    )


def _ubk_card_path(r: random.Random, pan: str) -> str:
    """An access log line whose path carries the card (a balance lookup by PAN, no client address logged)."""
    return (
        f'"GET /api/v2/cards/{pan}/balance?currency=NOK HTTP/1.1" 200 {r.randrange(100, 999)} "-" "Dart/3.6 (dart:io)"'
    )


def _ubk_gpay(r: random.Random, pan: str) -> str:
    """Google Pay's decrypted payment data for a ``PAN_ONLY`` card (the real card number, not a device token)."""
    month, year = _ubk_expiry(r)
    body = {"gatewayMerchantId": "lybexpeditions", "messageExpiration": _ubk_millis(r),
            "messageId": "AH2Ej" + rand(r, v.B64URL, 40), "paymentMethod": "CARD",
            "paymentMethodDetails": {"expirationYear": year, "expirationMonth": month, "pan": pan,
                                     "authMethod": "PAN_ONLY"}}  # fmt: skip
    return "gpay decrypted: " + json.dumps(body)


def _ubk_nav_invoice(r: random.Random, iban: str) -> str:
    """A NAV Online Számla invoice's supplier block: the tax number, the name and the bank account as an IBAN."""
    return (
        f"<supplierInfo><supplierTaxNumber><base:taxpayerId>{v.unbeknown_clean_digits(r, 8)}</base:taxpayerId>"
        f"<base:vatCode>2</base:vatCode><base:countyCode>{r.randrange(10, 45)}</base:countyCode></supplierTaxNumber>"
        f"<supplierName>{pick(r, 'Sarki Kaland Kft.', 'Jégmező Utazás Kft.')}</supplierName><supplierBankAccountNumber>"
        f"{iban.replace(' ', '')}</supplierBankAccountNumber></supplierInfo>"
    )


def _ubk_odoo_bank(r: random.Random, iban: str) -> str:
    """An Odoo JSON-RPC call creating a partner's bank account (``res.partner.bank``) with the IBAN as its number."""
    body = {"jsonrpc": "2.0", "method": "call", "id": r.randrange(1, 99),
            "params": {"model": "res.partner.bank", "method": "create",
                       "args": [{"acc_number": iban, "partner_id": r.randrange(10, 999),
                                 "acc_holder_name": _ubk_name(r)}],
                       "kwargs": {"context": {"lang": "el_GR"}}}}  # fmt: skip
    return json.dumps(body, ensure_ascii=False)


def _ubk_vop(r: random.Random, iban: str) -> str:
    """An EPC Verification of Payee request: the payee's name and IBAN as the payer typed them."""
    body = {"partyName": _ubk_name(r), "partyAccount": {"iban": iban.replace(" ", "")},
            "requestingAgent": {"bicfi": pick(r, "DNBANOKK", "SPTRNO22", "ETHNGRAA", "OTPVHUHB")}}  # fmt: skip
    return "POST /vop/v1/name-verifications " + json.dumps(body)


def _ubk_privatbank(r: random.Random, iban: str) -> str:
    """A PrivatBank AutoClient statement transaction: the company's account, the counterparty's IBAN and name, the
    sum and the purpose."""
    row = {"AUT_MY_ACC": v.unbeknown_iban(r, country="UA", grouped=False), "AUT_CNTR_ACC": iban.replace(" ", ""),
           "AUT_CNTR_NAM": pick(r, "ТОВ Полярні Тури", "ФОП Павлов О.І."), "SUM": _ubk_amount(r), "CCY": "UAH",
           "OSND": "Оплата за експедицію на Шпіцберген", "DAT_OD": f"{r.randrange(10, 28)}.01.2026"}  # fmt: skip
    return json.dumps(row, ensure_ascii=r.random() < 0.5)


def _ubk_acmt023(r: random.Random, iban: str) -> str:
    """An ISO 20022 acmt.023 identification verification request: the assignment, the party's name and its IBAN."""
    return (
        f"<IdVrfctnReq><Assgnmt><MsgId>VRF{rand(r, string.ascii_uppercase, 10)}</MsgId><CreDtTm>2026-01-"
        f"{r.randrange(10, 28)}T{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:00</CreDtTm></Assgnmt><Vrfctn><Id>"
        f"{rand(r, string.ascii_uppercase, 8)}</Id><PtyAndAcctId><Pty><Nm>{_ubk_name(r)}</Nm></Pty><Acct><IBAN>"
        f"{iban.replace(' ', '')}</IBAN></Acct></PtyAndAcctId></Vrfctn></IdVrfctnReq>"
    )


def _ubk_datev(r: random.Random, iban: str) -> str:
    """A DATEV creditor master data line (semicolons, quoted text): the creditor number, the name, the IBAN, the BIC
    and the country."""
    while True:
        number = f"7{r.randrange(0, 10**5):05d}"
        if v._ubk_no_phone(number):
            break
    bic = {"NO": "DNBANOKKXXX", "GR": "ETHNGRAAXXX", "HU": "OTPVHUHBXXX", "UA": "PBANUA2XXXX"}[iban[:2]]
    name = pick(r, "Nordlys Ekspedisjoner AS", "Isfjord Guiding AS", "Adventdalen Hundesenter AS")
    return f'{number};"{name}";"";"";1;"{iban.replace(" ", "")}";"{bic}";"{iban[:2]}"'


def _ubk_tel_uri(r: random.Random) -> str:
    number = phonenumbers.parse("+" + v.unbeknown_msisdn(r, r.choice(_ubk_regions())))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.RFC3966)


def _ubk_ics(r: random.Random) -> str:
    """An iCalendar event whose attendee is a ``tel:`` URI (RFC 3966: dashes between the groups)."""
    return (
        f"BEGIN:VEVENT\nSUMMARY:{pick(r, 'Glacier hike', 'Kite lesson', 'Cargo pickup')}\n"
        f"ATTENDEE;CN=Guest;ROLE=REQ-PARTICIPANT:{_ubk_tel_uri(r)}\nEND:VEVENT"
    )


def _ubk_sip_invite(r: random.Random) -> str:
    """A SIP INVITE's request line and To header to a subscriber's number (E.164 in the SIP URI)."""
    msisdn = v.unbeknown_msisdn(r, r.choice(_ubk_regions()))
    host = pick(r, "sip.sure.co.sh", "trunk.norfolk.net.nf", "sip.lyb-expeditions.example")
    return f"INVITE sip:+{msisdn}@{host};user=phone SIP/2.0\nTo: <sip:+{msisdn}@{host};user=phone>"


def _ubk_whatsapp(r: random.Random) -> str:
    """A WhatsApp Cloud API template message: the recipient's number as E.164 digits without ``+``."""
    body = {"messaging_product": "whatsapp", "recipient_type": "individual",
            "to": v.unbeknown_msisdn(r, r.choice(_ubk_regions())), "type": "template",
            "template": {"name": pick(r, "tour_reminder", "cargo_arrived"), "language": {"code": "en"}}}  # fmt: skip
    return json.dumps(body)


UNBEKNOWN_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f"mealie: OPENAI_API_KEY={v.openai_legacy(r)} (recipe import, key from 2023)",
    ),
    "openai_project_key": _p(
        lambda r: f'gpt {{\n  type = "openai";\n  api_key = "{v.openai_project(r)}";\n  model = "gpt-4o-mini";\n}}',
        lambda r: f"searxng: plugins.ask_llm.api_key: {v.openai_project(r)}",
    ),
    "anthropic_api_key": _p(
        lambda r: f"client = anthropic.Anthropic(api_key=os.environ.get('ANTHROPIC_API_KEY', '{v.anthropic(r)}'))",
        lambda r: f"calibre-web: summaries via claude, ANTHROPIC_API_KEY={v.anthropic(r)}",
    ),
    "deepseek_api_key": _p(
        lambda r: (
            f'gpt {{\n  type = "openai";\n  url = "https://api.deepseek.com/v1/chat/completions";\n  api_key = '
            f'"{v.deepseek(r)}";\n}}'
        ),
    ),
    "aws_access_key_id": _p(
        lambda r: f"[zm-archive]\ntype = s3\nprovider = AWS\naccess_key_id = {v.aws_key_id(r)}\nregion = eu-north-1",
        lambda r: f"audiobookshelf: backup upload as {v.aws_key_id(r)} failed: SignatureDoesNotMatch",
    ),
    "aws_secret_access_key": _p(
        lambda r: f"[zm-archive]\ntype = s3\nsecret_access_key = {v.aws_secret(r)}",
    ),
    "aws_session_token": _p(
        lambda r: f"aws configure set aws_session_token {v.aws_session_token(r)} --profile zm-archive",
    ),
    "github_classic_token": _p(lambda r: f"gh auth login --with-token <<< {v.github_token(r, 'ghp')}"),
    "github_oauth_token": _p(
        lambda r: (
            f'mealie oidc: {{"access_token": "{v.github_token(r, "gho")}", "token_type": "bearer", "scope": '
            '"read:user"}'
        )
    ),
    "github_app_token": _p(
        lambda r: f"renovate: using installation token {v.github_token(r, 'ghs')} for lyb-expeditions/infra"
    ),
    "github_refresh_token": _p(
        lambda r: f"token refresh for app {r.randrange(100, 999)}: refresh_token={v.github_token(r, 'ghr')}"
    ),
    "github_fine_grained_token": _p(
        lambda r: f"docker login ghcr.io -u lyb-ci -p github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)}"
    ),
    "gitlab_token": _p(lambda r: f"glab auth login --hostname gitlab.com --token glpat-{rand(r, ALNUM + '_-', 20)}"),
    "slack_token": _p(lambda r: f"audiobookshelf: notification app slack token={v.slack_token(r)}"),
    "slack_webhook": _p(
        lambda r: (
            f'alerting:\n  slack:\n    webhook-url: "https://hooks.slack.com/services/T{rand(r, v.UPPER, 10)}/'
            f'B{rand(r, v.UPPER, 10)}/{rand(r, ALNUM, 24)}"'
        )
    ),
    "stripe_key": _p(lambda r: f"woocommerce_stripe_settings: live_secret_key={v.stripe_key(r)}"),
    "google_api_key": _p(
        lambda r: (
            f'<iframe src="https://www.google.com/maps/embed/v1/place?key=AIza{rand(r, ALNUM + "_-", 35)}'
            '&q=Dakhla+lagoon"></iframe>'
        )
    ),
    "google_oauth_client_secret": _p(
        lambda r: (
            f'"client_secret": "GOCSPX-{rand(r, ALNUM + "_-", 28)}", "redirect_uris": '
            '["https://tours.lyb-expeditions.example/auth/callback"]'
        )
    ),
    "gcp_oauth_token": _p(lambda r: f"kavita: google books lookup with access token {v.gcp_token(r)}"),
    "twilio_api_key": _p(lambda r: f"gatus alerting twilio: api key SK{rand(r, HEX, 32)} loaded"),
    "sendgrid_api_key": _p(
        lambda r: f"SMTP_USER=apikey\nSMTP_PASSWORD=SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}"
    ),
    "huggingface_token": _p(
        lambda r: f"HUGGING_FACE_HUB_TOKEN=hf_{rand(r, ALNUM, 34)} text-embeddings-router --model-id BAAI/bge-m3"
    ),
    "npm_token": _p(lambda r: f"npm config set //registry.npmjs.org/:_authToken npm_{rand(r, ALNUM, 36)}"),
    "pypi_token": _p(lambda r: f"uv publish --token pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}"),
    "shopify_token": _p(lambda r: f"shopify.Context.initialize({{ adminApiAccessToken: 'shpat_{rand(r, HEX, 32)}' }})"),
    "digitalocean_token": _p(lambda r: f"DIGITALOCEAN_ACCESS_TOKEN=dop_v1_{rand(r, HEX, 64)} terraform apply"),
    "telegram_bot_token": _p(
        lambda r: (
            f'notifications:\n  telegram:\n    bot_token: "{r.randrange(10**9, 8 * 10**9)}:AA'
            f'{rand(r, ALNUM + "_-", 33)}"'
        )
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "ZM_ARCHIVE=DefaultEndpointsProtocol=https;AccountName=zmarchive;AccountKey="
            f"{v.azure_account_key(r)};EndpointSuffix=core.windows.net"
        )
    ),
    "azure_sas_token": _p(
        lambda r: (
            f"https://zmarchive.blob.core.windows.net/clips/m3/2026-01-{r.randrange(10, 28)}.mp4?sp=r&st=2026-01-20T"
            f"08:00:00Z&se=2026-01-27T08:00:00Z&spr=https&sv=2024-11-04&sr=b&sig={v.azure_sas_sig(r)}"
        )
    ),
    "clickhouse_cloud_key": _p(
        lambda r: (
            f'provider "clickhouse" {{\n  organization_id = "{v.unbeknown_uuid(r)}"\n  token_key = '
            f'"{rand(r, ALNUM, 20)}"\n  token_secret = "{v.clickhouse_secret(r)}"\n}}'
        )
    ),
    "jwt": _p(
        lambda r: f"Cookie: mercureAuthorization={v.unbeknown_mercure_jwt(r)}",
        lambda r: (
            f'<iframe src="https://metabase.lyb-expeditions.example/embed/dashboard/{v.unbeknown_metabase_jwt(r)}'
            '#bordered=true&titled=false"></iframe>'
        ),
        lambda r: f"JitsiMeetExternalAPI('8x8.vc', {{ roomName: 'dispatch', jwt: '{v.unbeknown_jaas_jwt(r)}' }})",
        lambda r: f"https://api.tinybird.co/v0/pipes/bookings_by_day.json?token={v.unbeknown_tinybird_jwt(r)}",
        lambda r: (
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&client_id="
            f"{v.unbeknown_uuid(r)}&assertion={v.unbeknown_zettle_key(r)}"
        ),
        lambda r: (
            "new Centrifuge('wss://rt.sh-freight.example/connection/websocket', "
            f"{{ token: '{v.unbeknown_centrifugo_jwt(r)}' }})"
        ),
        lambda r: f'POST /v2/authorize-user 200 {{"token": "{v.unbeknown_liveblocks_jwt(r)}"}}',
        lambda r: (
            f"box: grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion={v.unbeknown_box_assertion(r)}"
        ),
        lambda r: f"POST /v1/graphql Authorization: Bearer {v.unbeknown_hasura_jwt(r)}",
        lambda r: f"GET /cubejs-api/v1/load?query=... Authorization: {v.unbeknown_cube_jwt(r)}",
    ),
    "private_key": _p(
        lambda r: (
            "rspamadm dkim_keygen -s lyb2026 -d lyb-expeditions.example -b 2048\n"
            + _uan_pem(r, "PRIVATE KEY", 1216)
            + f'\nlyb2026._domainkey IN TXT ( "v=DKIM1; k=rsa; " "p={v.b64(r.randbytes(270))}" ) ;'
        ),
        lambda r: (
            "ta.key:\n#\n# 2048 bit OpenVPN static key\n#\n-----BEGIN OpenVPN Static key V1-----\n"
            + "\n".join(r.randbytes(16).hex() for _ in range(16))
            + "\n-----END OpenVPN Static key V1-----"
        ),
        lambda r: (
            f"<RSAKeyValue><Modulus>{v.b64(r.randbytes(256))}</Modulus><Exponent>AQAB</Exponent><P>"
            f"{v.b64(r.randbytes(128))}</P><Q>{v.b64(r.randbytes(128))}</Q><DP>{v.b64(r.randbytes(128))}</DP><DQ>"
            f"{v.b64(r.randbytes(128))}</DQ><InverseQ>{v.b64(r.randbytes(128))}</InverseQ><D>{v.b64(r.randbytes(256))}"
            "</D></RSAKeyValue>"
        ),
        lambda r: f"nostr relay bot: NOSTR_NSEC=nsec1{rand(r, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58)}",
        lambda r: f"# hardhat .env\nDEPLOYER_PRIVATE_KEY=0x{rand(r, HEX, 64)}\nNETWORK=base-sepolia",
    ),
    "url_credentials": _p(
        lambda r: (
            f"FreshRSS: feed added https://guide:{_ubk_url_password(r)}@intranet.lyb-expeditions.example/news.atom"
        ),
        lambda r: f"ZoneMinder monitor 3 Path=http://viewer:{_ubk_url_password(r)}@cam-dock.lan/cgi-bin/mjpg/video.cgi",
        lambda r: f"jobs:\n  - name: local\n    dsn: 'postgres://netdata:{_ubk_url_password(r)}@db.lan:5432/postgres'",
        lambda r: f"POSTGRES_URL_OVERRIDE=postgresql://mealie:{_ubk_url_password(r)}@postgres:5432/mealie",
        lambda r: f"manifest upload to ftp://cargo:{_ubk_url_password(r)}@ftp.sh-freight.example/inbound/ failed",
        lambda r: f"outgoing:\n  proxies:\n    all://:\n      - socks5h://searx:{_ubk_url_password(r)}@proxy.lan:1080",
    ),
    "password_assignment": _p(
        lambda r: f'worker "controller" {{\n  password = "{_ubk_password(r)}";\n}}',
        lambda r: f"ZM_DB_PASS={_ubk_password(r)}",
        lambda r: f'ssh:\n  username: "probe"\n  password: "{_ubk_password(r)}"',
        lambda r: f"'db' => ['type' => 'pgsql', 'user' => 'freshrss', 'password' => '{_ubk_password(r)}'],",
        lambda r: (
            '"email": {"options": {"smtpHost": "smtp.online.no", "authUser": "camp", '
            f'"authPass": "{_ubk_password(r)}"}}}}'
        ),
        lambda r: f"mealie: SMTP_PASSWORD={_ubk_password(r)}",
    ),
    "sql_identified_by": _p(
        lambda r: f"CREATE USER zmuser@localhost IDENTIFIED BY '{_ubk_password(r)}';",
        lambda r: f"CREATE ROLE netdata WITH LOGIN PASSWORD '{_ubk_password(r)}';",
    ),
    "bearer_token": _p(
        lambda r: f"POST /air/offer_requests Duffel-Version: v2 Authorization: Bearer {v.unbeknown_duffel_token(r)}",
        lambda r: f"curl -H 'Authorization: Bearer {v.unbeknown_printful_token(r)}' https://api.printful.com/orders",
        lambda r: f"GET /v3/users/me/organizations/ Authorization: Bearer {v.unbeknown_eventbrite_token(r)}",
        lambda r: f"GET /api/admin/memberships Authorization: Bearer {v.unbeknown_cobot_token(r)}",
        lambda r: f"GET /v1.0/receipts?limit=50 Authorization: Bearer {v.unbeknown_loyverse_token(r)}",
        lambda r: f"GET /api/v2/invoices Authorization: Bearer {v.unbeknown_fiken_token(r)}",
    ),
    "basic_auth": _p(
        lambda r: f"GET /wp-json/wc/v3/orders Authorization: Basic {_ubk_basic(*v.unbeknown_woo_pair(r))}",
        lambda r: (
            "GET /2026-01-22T00:00:00Z/wind_speed_10m:ms/23.7,-15.9/json Authorization: Basic "
            f"{_ubk_basic(*v.unbeknown_meteomatics_pair(r))}"
        ),
        lambda r: f"GET /accounts Authorization: Basic {_ubk_basic(v.unbeknown_recurly_key(r), '')}",
        lambda r: f"GET /api/3.0/booking Authorization: Basic {_ubk_basic(*v.unbeknown_checkfront_pair(r))}",
        lambda r: f"GET /institutions Authorization: Basic {_ubk_basic(*v.unbeknown_yapily_pair(r))}",
        lambda r: f"GET /v2/customer Authorization: Basic {_ubk_basic('0', v.unbeknown_tripletex_session(r))}",
        lambda r: f"POST /Transaction Authorization: Basic {_ubk_basic(*v.unbeknown_eway_pair(r))}",
        lambda r: f"POST /1/charges Authorization: Basic {_ubk_basic(v.unbeknown_pin_key(r), '')}",
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: unifises={rand(r, ALNUM, 32)}; csrf_token={rand(r, ALNUM, 32)}",
        lambda r: f"Cookie: PLESKSESSID={rand(r, string.ascii_lowercase + string.digits, 26)}; locale=en-US",
        lambda r: f"Cookie: ISPCSESS={rand(r, string.ascii_lowercase + string.digits, 26)}",
        lambda r: f"Cookie: auth_lyb=cmkadmin:{v.unbeknown_uuid(r)}:{rand(r, HEX, 64)}",
        lambda r: f"Cookie: be_typo_user={rand(r, HEX, 32)}; be_lastLoginProvider=1433416747",
        lambda r: f"Cookie: KIMAI={rand(r, string.ascii_lowercase + string.digits, 32)}",
        lambda r: (
            f"Cookie: immich_access_token={rand(r, ALNUM, 43)}; immich_auth_type=password; immich_is_authenticated=true"
        ),
    ),
    "auth_token_assignment": _p(
        lambda r: (
            f"https://api.what3words.com/v3/convert-to-coordinates?words=glacier.bunk.husky&key={v.unbeknown_w3w_key(r)}"
        ),
        lambda r: f"https://mainnet.helius-rpc.com/?api-key={v.unbeknown_helius_key(r)}",
        lambda r: (
            f"https://graph.mapillary.com/images?access_token={v.unbeknown_mapillary_token(r)}&bbox=15.5,78.1,15.8,78.3"
        ),
        lambda r: (
            f"pushover: POST /1/messages.json token={v.unbeknown_pushover_pair(r)[0]}&user=g****&message=Ship+docked"
        ),
        lambda r: f"GET /discovery/v2/events.json?apikey={v.unbeknown_ticketmaster_key(r)}&city=Tromso",
        lambda r: f"GET /api/1.4/json/Search?key={v.unbeknown_rome2rio_key(r)}&oName=Oslo&dName=Longyearbyen",
        lambda r: f"GET /v1/products?apiKey={v.unbeknown_rezdy_key(r)}&limit=100",
        lambda r: f"GET /forecasts/v1/daily/5day/{r.randrange(100, 999)}?apikey={v.unbeknown_accuweather_key(r)}",
        lambda r: (
            f"GET https://api.aviationstack.com/v1/flights?access_key={v.unbeknown_aviationstack_key(r)}&arr_iata=LYR"
        ),
        lambda r: f"GET /v4/weather/forecast?location=23.7,-15.9&apikey={v.unbeknown_tomorrow_key(r)}",
        lambda r: (
            "https://weather.visualcrossing.com/VisualCrossingWebServices/rest/services/timeline/Longyearbyen?key="
            f"{v.unbeknown_visualcrossing_key(r)}"
        ),
        lambda r: f"http://api.weatherapi.com/v1/marine.json?key={v.unbeknown_weatherapi_key(r)}&q=-15.94,-5.72",
    ),
    "generic_secret": _p(
        lambda r: (
            f'{{"secret_id": "{v.unbeknown_nordigen_pair(r)[0]}", "secret_key": "{v.unbeknown_nordigen_pair(r)[1]}"}}'
        ),
        lambda r: f'server:\n  secret_key: "{rand(r, HEX, 64)}"\n  limiter: true',
        lambda r: f"x-api-key: {v.unbeknown_etsy_keystring(r)}",
        lambda r: f"GET /user/forms APIKEY: {v.unbeknown_jotform_key(r)}",
        lambda r: (
            f"client_id={v.unbeknown_truelayer_pair(r)[0]}&client_secret={v.unbeknown_truelayer_pair(r)[1]}&grant_type=client_credentials"
        ),
        lambda r: f"client_secret: {v.unbeknown_vipps_pair(r)[1]}",
        lambda r: f"X-FareHarbor-API-User: {v.unbeknown_fareharbor_pair(r)[1]}",
        lambda r: f"X-App-Token: {v.unbeknown_voucherify_pair(r)[1]}",
        lambda r: f"GET /v2/search?fly_from=OSL&fly_to=LYR apikey: {v.unbeknown_tequila_key(r)}",
        lambda r: f"X-Access-Token: {v.unbeknown_travelpayouts_token(r)}",
        lambda r: f"GET /aeroapi/flights/SAS4424 x-apikey: {v.unbeknown_aeroapi_key(r)}",
        lambda r: f"POST /v2/pushes Access-Token: {v.unbeknown_pushbullet_token(r)}",
        lambda r: f"POST /message X-Gotify-Key: {v.unbeknown_gotify_token(r)}",
        lambda r: f"POST /v1/sessions Authorization: ApiKey-v1 {v.unbeknown_talon_key(r)}",
        lambda r: f"GET /v3/poi/?countrycode=NO X-API-Key: {v.unbeknown_ocm_key(r)}",
        lambda r: f"SVV-Authorization: Apikey {v.unbeknown_svv_key(r)}",
        lambda r: f"AUTH-KEY: {v.unbeknown_auspost_key(r)}",
        lambda r: f"x-myobapi-key: {v.unbeknown_myob_key(r)}",
    ),
    "password_hash": _p(
        lambda r: f"filezilla users.xml: {v.unbeknown_filezilla_hash(r)}",
        lambda r: f"[+] IPMI - Hash found: ADMIN:{v.unbeknown_password_hash(r, 'ipmi2_rakp')}",
        lambda r: f"tac_capture: {v.unbeknown_password_hash(r, 'tacacs_plus')}",
        lambda r: f"ike-scan --pskcrack=psk.txt: {v.unbeknown_password_hash(r, 'ike_psk')}",
        lambda r: f"vnc.john: guide-pc:{v.unbeknown_password_hash(r, 'vnc_des')}",
        lambda r: f"chap.hash: {v.unbeknown_password_hash(r, 'chap_md5')}",
        lambda r: f"sipcrack dump: {v.unbeknown_password_hash(r, 'sip_digest')}",
        lambda r: f"DPAPImk2john: {v.unbeknown_password_hash(r, 'dpapi_masterkey')}",
        lambda r: f"krb5pa: {v.unbeknown_password_hash(r, 'krb5pa_18')}",
    ),
    "credential_phrase": _p(
        lambda r: f"Wi-Fi 密碼係 {_ubk_password(r)}",
        lambda r: f"باسورد الواي فاي {_ubk_password(r)}",
        lambda r: f"S WLAN-Passwort isch {_ubk_password(r)}",
        lambda r: f"Password wifi-la se {_ubk_password(r)}",
        lambda r: f"A password dô wifi è {_ubk_password(r)}",
        lambda r: f"guide hut: the satellite laptop login is {_ubk_password(r)} this season",
        lambda r: f"kit store tablet was reset, log in with {_ubk_password(r)} until Sunday",
    ),
    "email": _p(
        lambda r: f"GET /unsubscribe?email={urllib.parse.quote(v.unbeknown_email(r), safe='')}&list=tours",
        lambda r: f"jellyseerr: notification e-mail queued for {v.unbeknown_email(r)}",
        lambda r: f'{{"user": {{"email": "{v.unbeknown_email(r)}", "role": "guide"}}}}',
        lambda r: f"audiobookshelf: sent e-book to {v.unbeknown_email(r)}",
        lambda r: f"mealie: invitation for {v.unbeknown_email(r)} accepted",
        lambda r: f"Reply-To: {_ubk_name(r)} <{v.unbeknown_email(r)}>",
    ),
    "ipv4": _p(
        lambda r: f"ip: {v.ipv4(r)}, from: <>, (default: F (no action): [0.00/15.00])",
        lambda r: f"qBittorrent: banned peer {v.ipv4(r)}:{r.randrange(1024, 65535)} (failed the hash check)",
        lambda r: f"ZoneMinder: camera at {v.ipv4(r)} not responding",
        lambda r: f"botdetection: {v.ipv4(r)}/32 is rate limited (link_token missing)",
        lambda r: f"gatus: dns query for tours.lyb-expeditions.example resolved to {v.ipv4(r)}",
    ),
    "ipv6": _p(
        lambda r: f"qBittorrent: peer [{v.ipv6(r)}]:{r.randrange(1024, 65535)} connected",
        lambda r: f"ip: {v.ipv6(r)}, from: <>, (default: F (no action): [0.10/15.00])",
    ),
    "phone": _p(
        lambda r: _ubk_ics(r),
        lambda r: _ubk_sip_invite(r),
        lambda r: _ubk_whatsapp(r),
        lambda r: f"打 {_ubk_phone(r)} 搵我啦",
        lambda r: f"كلمني على {_ubk_phone(r)}",
        lambda r: f"Lüüt mer aa uf {_ubk_phone(r)}",
        lambda r: f"Sonn mwa lor {_ubk_phone(r)}",
        lambda r: f"Chiamami ô {_ubk_phone(r)}",
        lambda r: f'<a href="tel:+{v.unbeknown_msisdn(r, r.choice(_ubk_regions()))}">Call the camp</a>',
    ),
    "payment_card": _p(
        lambda r: _ubk_woo_meta(r, v.unbeknown_card_number(r, pick(r, "visa", "mastercard"))),
        lambda r: _ubk_redis_monitor(r, v.unbeknown_card_number(r, pick(r, "visa", "discover", "jcb"))),
        lambda r: _ubk_graphql(r, v.unbeknown_card_number(r, pick(r, "visa", "amex", "unionpay"))),
        lambda r: _ubk_fixed_width(r, v.unbeknown_card_number(r, pick(r, "visa", "mastercard", "diners"))),
        lambda r: _ubk_transcript(r, v.unbeknown_card_number(r, pick(r, "visa", "mastercard"))),
        lambda r: _ubk_moneris(r, v.unbeknown_card_number(r, pick(r, "visa", "mastercard", "amex"))),
        lambda r: _ubk_card_path(r, v.unbeknown_card_number(r, pick(r, "visa", "mastercard"))),
        lambda r: _ubk_gpay(r, v.unbeknown_card_number(r, pick(r, "visa", "mastercard", "discover"))),
    ),
    "iban": _p(
        lambda r: _ubk_nav_invoice(r, v.unbeknown_iban(r, country="HU")),
        lambda r: _ubk_odoo_bank(r, v.unbeknown_iban(r, country="GR")),
        lambda r: _ubk_vop(r, v.unbeknown_iban(r)),
        lambda r: _ubk_privatbank(r, v.unbeknown_iban(r, country="UA")),
        lambda r: _ubk_acmt023(r, v.unbeknown_iban(r, country=pick(r, "NO", "GR"))),
        lambda r: _ubk_datev(r, v.unbeknown_iban(r, country="NO")),
        lambda r: f"Mandami i sordi nta st'IBAN: {v.unbeknown_iban(r, grouped=True)}",
    ),
}

UNBEKNOWN_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: "mealie: OPENAI_API_KEY not set, recipe import falls back to the scraper"),
    "openai_project_key": _p(
        lambda r: 'gpt {\n  type = "openai";\n  api_key = "$OPENAI_API_KEY";\n}',
        lambda r: "OPENAI_API_KEY_FILE=/run/secrets/openai",
    ),
    "anthropic_api_key": _p(lambda r: "anthropic_api_key: \"{{ lookup('env', 'ANTHROPIC_API_KEY') }}\""),
    "deepseek_api_key": _p(lambda r: f"audiobookshelf: cover cache hit /metadata/cache/mask-{rand(r, HEX, 32)}.webp"),
    "aws_access_key_id": _p(lambda r: "[zm-archive]\ntype = s3\nprovider = AWS\nenv_auth = true"),
    "aws_secret_access_key": _p(
        lambda r: 'secret_access_key = {{ (bitwardenFields "item" "zm-archive").secret_access_key.value }}'
    ),
    "aws_session_token": _p(lambda r: "aws_session_token: (none: the instance role's credentials are used)"),
    "github_classic_token": _p(lambda r: "gh auth status: Logged in to github.com account lyb-ops (keyring)"),
    "github_oauth_token": _p(
        lambda r: '{"error": "bad_verification_code", "error_description": "The code passed is incorrect or expired."}'
    ),
    "github_app_token": _p(lambda r: "renovate: installation token refreshed, expires 2026-01-22T11:00:00Z"),
    "github_refresh_token": _p(lambda r: "refresh_token=ghr_" + "*" * 36),
    "github_fine_grained_token": _p(lambda r: "docker login ghcr.io -u lyb-ci --password-stdin < /run/secrets/ghcr"),
    "gitlab_token": _p(lambda r: "glab auth login --hostname gitlab.com --stdin < token.txt"),
    "slack_token": _p(lambda r: "audiobookshelf: notification app slack token=xoxb-…(redacted)"),
    "slack_webhook": _p(lambda r: 'alerting:\n  slack:\n    webhook-url: "${SLACK_WEBHOOK_URL}"'),
    "stripe_key": _p(lambda r: f"Stripe.js loaded with publishable key pk_live_{rand(r, ALNUM, 24)}"),
    "google_api_key": _p(lambda r: "GOOGLE_MAPS_API_KEY=  # in .env.local, never committed"),
    "google_oauth_client_secret": _p(
        lambda r: (
            f'"client_id": "{v.unbeknown_clean_digits(r, 12)}-{rand(r, string.ascii_lowercase + string.digits, 32)}'
            '.apps.googleusercontent.com"'
        )
    ),
    "gcp_oauth_token": _p(
        lambda r: 'curl -H "Authorization: Bearer $(gcloud auth print-access-token)" https://books.googleapis.com'
    ),
    "twilio_api_key": _p(lambda r: f"twilio: verify service VA{rand(r, HEX, 32)} created"),
    "sendgrid_api_key": _p(
        lambda r: (
            "sendgrid: event webhook verified with public key MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"
            f"{v.b64(r.randbytes(48))}"
        )
    ),
    "huggingface_token": _p(lambda r: "HUGGING_FACE_HUB_TOKEN=hf_**** (read-only, rotated monthly)"),
    "npm_token": _p(lambda r: "npm config get //registry.npmjs.org/:_authToken\n(protected)"),
    "pypi_token": _p(lambda r: "uv publish --trusted-publishing always"),
    "shopify_token": _p(lambda r: "shopify: webhook secret loaded from env SHOPIFY_API_SECRET (shpss_…)"),
    "digitalocean_token": _p(lambda r: "DIGITALOCEAN_ACCESS_TOKEN=$(pass show do/token) terraform apply"),
    "telegram_bot_token": _p(lambda r: "notifications:\n  telegram:\n    bot_token: !env TELEGRAM_BOT_TOKEN"),
    "azure_storage_connection_string": _p(
        lambda r: (
            "ZM_ARCHIVE=BlobEndpoint=https://zmarchive.blob.core.windows.net/;AccountName=zmarchive (managed identity)"
        )
    ),
    "azure_sas_token": _p(
        lambda r: "https://zmarchive.blob.core.windows.net/clips/m3/a.mp4?sv=2024-11-04&sr=b&sp=r (signature stripped)"
    ),
    "clickhouse_cloud_key": _p(
        lambda r: 'provider "clickhouse" {\n  token_key    = var.ch_key_id\n  token_secret = var.ch_key_secret\n}'
    ),
    "jwt": _p(
        lambda r: "mercure: JWT key rotated, subscribers must reconnect",
        lambda r: f"jwt verify failed: kid vpaas-magic-cookie-{rand(r, HEX, 32)}/{rand(r, HEX, 6)} not in the JWKS",
        lambda r: "JWT header eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9 (payload missing)",
        lambda r: "metabase: MB_EMBEDDING_SECRET_KEY is set, static embedding enabled for 3 dashboards",
    ),
    "private_key": _p(
        lambda r: f'lyb2026._domainkey IN TXT ( "v=DKIM1; k=rsa; " "p={v.b64(r.randbytes(270))}" ) ;',
        lambda r: f"<RSAKeyValue><Modulus>{v.b64(r.randbytes(256))}</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>",
        lambda r: f"nostr relay bot: npub1{rand(r, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58)}",
        lambda r: f"deployer address 0x{rand(r, HEX, 40)} funded",
    ),
    "url_credentials": _p(
        lambda r: "dsn: 'postgres://netdata@db.lan:5432/postgres?sslmode=verify-full'",
        lambda r: "manifest upload to ftp://anonymous@ftp.sh-freight.example/pub/ (anonymous)",
        lambda r: "ZoneMinder monitor 3 Path=rtsp://cam-dock.lan:554/stream1 (credentials in zm.conf)",
        lambda r: "socks5h://tor:9050",
    ),
    "password_assignment": _p(
        lambda r: "'db' => ['user' => 'freshrss', 'password' => getenv('DB_PASSWORD')],",
        lambda r: '"email": {"options": {"authUser": "", "authPass": ""}}',
        lambda r: 'ssh:\n  username: "probe"\n  password: "${GATUS_SSH_PASSWORD}"',
        lambda r: "WebUI\\Password_PBKDF2 is set (salted), WebUI\\LocalHostAuth=false",
    ),
    "sql_identified_by": _p(lambda r: "CREATE USER zmuser@localhost IDENTIFIED VIA unix_socket;"),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer {{ $env.PRINTFUL_TOKEN }}",
        lambda r: "Duffel-Version: v2 Authorization: Bearer [Filtered]",
        lambda r: 'WWW-Authenticate: Bearer realm="loyverse", error="invalid_token"',
    ),
    "basic_auth": _p(
        lambda r: 'WWW-Authenticate: Basic realm="qBittorrent Web UI", charset="UTF-8"',
        lambda r: "Authorization: Basic Og==",
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: unifises=; Max-Age=0; Path=/; Secure",
        lambda r: "Cookie: immich_is_authenticated=true; immich_auth_type=password",
        lambda r: "Cookie: be_lastLoginProvider=1433416747; fe_typo_user=",
        lambda r: f"Cookie: KIMAI_LANG=nb; sidebar={pick(r, 'open', 'closed')}",
    ),
    "auth_token_assignment": _p(
        lambda r: "http://api.weatherapi.com/v1/current.json?key=<YOUR_API_KEY>&q=Dakhla",
        lambda r: "https://api.what3words.com/v3/convert-to-coordinates?words=index.home.raft&key=[API-KEY]",
        lambda r: "https://graph.mapillary.com/images?access_token=MLY|<client_id>|<client_token>",
    ),
    "generic_secret": _p(
        lambda r: (
            f"X-Bokun-Date: 2026-01-{r.randrange(10, 28)} 10:00:00 X-Bokun-AccessKey: {v.unbeknown_bokun_pair(r)[0]} "
            f"X-Bokun-Signature: {v.unbeknown_bokun_signature(r)}"
        ),
        lambda r: f"X-App-Id: {v.unbeknown_voucherify_pair(r)[0]}",
        lambda r: "apikey: ${TEQUILA_API_KEY}",
        lambda r: f'{{"secret_id": "{v.unbeknown_nordigen_pair(r)[0]}", "secret_key": null}}',
        lambda r: f"Ocp-Apim-Subscription-Key: {'0' * 32}  # the Vipps test environment's placeholder",
    ),
    "password_hash": _p(
        lambda r: (
            f"Aggressive Mode Handshake returned HDR=(CKY-R={rand(r, HEX, 16)}) SA=(Enc=AES KeyLength=256 Hash=SHA1 "
            "Group=2:modp1024 Auth=PSK LifeType=Seconds LifeDuration=28800)"
        ),
        lambda r: "ipmitool: Cipher Suite 17 negotiated (RAKP-HMAC-SHA256), no hash captured",
        lambda r: f"Content-Digest: sha-256=:{v.b64(r.randbytes(32))}:",
        lambda r: "KDC_ERR_PREAUTH_REQUIRED for sigrid.olsen in LYB.EXPEDITIONS.LOCAL (no pre-authentication captured)",
    ),
    "credential_phrase": _p(
        lambda r: "忘記咗密碼？",
        lambda r: "نسيت الباسورد؟",
        lambda r: "Passwort vergässe?",
        lambda r: "Ou finn bliye ou password?",
        lambda r: "Ti scurdasti a password?",
        lambda r: "The guest Wi-Fi password is on the card at reception.",
    ),
    "email": _p(
        lambda r: f"federated follow from @{pick(r, 'lars', 'sigrid')}@svalbard.social",
        lambda r: f"docker pull ghcr.io/netdata/netdata@sha256:{rand(r, HEX, 64)}",
        lambda r: "allowed_signup_domains: *@lyb-expeditions.example",
        lambda r: "mailto:{{ guest.email }}",
    ),
    "ipv4": _p(
        lambda r: f"Kavita v0.{r.randrange(7, 9)}.{r.randrange(0, 9)}.{r.randrange(1, 20)} installed",
        lambda r: f"UniFi U6-Lite firmware 6.{r.randrange(0, 8)}.{r.randrange(10, 60)}.{r.randrange(10, 200)} staged",
        lambda r: "netmask 255.255.255.0 broadcast mode on the camp LAN",
    ),
    "ipv6": _p(
        lambda r: "ssh host key MD5:" + ":".join(rand(r, HEX, 2) for _ in range(16)),
        lambda r: "std::chrono::steady_clock drift corrected (zm_monitor.cpp)",
    ),
    "phone": _p(
        lambda r: f"callback {v.unbeknown_invalid_phone(r, _ubk_regions())}",
        lambda r: f"IMO {v.unbeknown_imo(r)} alongside at Jamestown",
        lambda r: f"ABN {v.unbeknown_abn(r)}",
        lambda r: f"org.nr. {v.unbeknown_orgnr(r)}",
        lambda r: f"mobile +290 5**{r.randrange(10, 99)}",
        lambda r: f"manifest SH-{v.unbeknown_clean_digits(r, 8)} closed",
        lambda r: "78°13′N 15°38′E, 21 m a.s.l.",
    ),
    "payment_card": _p(
        lambda r: f"KID {v.unbeknown_kid(r)}",
        lambda r: f"RRN {v.unbeknown_rrn(r)} approved",
        lambda r: f"pan={v.unbeknown_card_number(r, 'visa')[:6]}******{r.randrange(1000, 9999)}",
        lambda r: f"declined: {v.wrong_last_digit(r, v.unbeknown_card_number(r))}",
        lambda r: "<store_id>store5</store_id><api_token>yesguy</api_token><pan>4242424242424242</pan>",
        lambda r: f"BIN {v.unbeknown_card_number(r, 'mastercard')[:6]} -> MASTERCARD, NO",
        lambda r: f"refund to {v.unbeknown_iban(r, country='NO', grouped=True)} instead of the card",
    ),
    "iban": _p(
        lambda r: f"kontonummer {v.unbeknown_no_account(r)}",
        lambda r: v.unbeknown_bsb_account(r),
        lambda r: f"számlaszám {v.unbeknown_hu_giro(r)}",
        lambda r: f"Bank of St Helena account {v.unbeknown_sh_account(r)}",
        lambda r: f"IBAN {v.unbeknown_iban(r, valid=False)} rejected (checksum)",
        lambda r: f"IBAN NO** **** **** {r.randrange(100, 999)}",
        lambda r: "example: GR16 0110 1250 0000 0001 2300 695",
        lambda r: "IBAN (registry example) HU42117730161111101800000000",
    ),
}

# Own negatives that truthfully hold another class: a refund to an IBAN is an IBAN finding.
UNBEKNOWN_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("payment_card", 6): frozenset({"iban"}),
}

# ---------------------------------------------------------------------------- the unreported split's own shapes
#
# Written for the thirty-second split only, by a twenty-sixth session that did not read the rules
# (``build_corpus("unreported")`` puts them before the shared generators, as for the splits since hidden): values in
# the settings of the Gitea Actions runner, Semaphore UI, Umami, Baserow, NocoDB, Budibase, Huginn, Cal.com, Flagsmith,
# GlitchTip, Mautic, Firefly III, Icecast, AzuraCast and Miniflux; Rollbar, Bugsnag, Honeybadger, Better Stack,
# Papertrail, Loops, beehiiv, Kit, Buttondown, Cal.com, Permit.io, Polar, Lightspeed, BigCommerce, FreshBooks,
# ChartMogul, FastSpring, Maxio, Gumroad, Patreon, Memberful, Ko-fi, Make, Vast.ai, Paperspace, Rev.ai, Cliniko,
# Medplum, Metriport, AzuraCast, Spinitron, Mixcloud, LibreTime, Donorbox, Givebutter, Bloomerang, Kindful, Classy,
# MapTiler, Stadia Maps, WorldTides, NOAA, the Admiralty Tidal API, Xola, Ventrata, TextMagic, Clickatell, BulkSMS,
# AppsFlyer, Umami Cloud, Flagsmith, GlitchTip, Budibase, Gitea, Semaphore, NocoDB and Baserow requests (keys of vendors
# with no detector of their own: bearers, custom headers and schemes, Basic pairs, query parameters, form and JSON
# bodies), JWTs of new issuers (iNaturalist, Firefly III personal access tokens, Vonage Video, Cerebrium, PowerSync,
# Buy Me a Coffee, Medplum, Baserow, NocoDB, Navidrome and Bluesky sessions), session cookies of Huginn, BookStack,
# Firefly III, Semaphore, Kanboard, Miniflux and Grocy, private keys in minisign and signify secret key files, cosign's
# encrypted Sigstore keys and BIP32 ``xprv`` strings, password-derived material of eight families as hashcat's and
# John's extractors write it (WPA handshakes, Office 2013, PDF, WinZip AES, RAR5, 7-Zip, KeePass, BitLocker), cards of
# new BIN ranges in NMI Direct Post bodies, Elavon Converge XML, Payline SOAP, Saferpay, Unzer, Bambora and Paysafe
# bodies and a pledge drive terminal's merchant copy, IBANs of five countries in Qonto and bunq transfers, Pennylane
# suppliers, pain.013 requests to pay, Mangopay and Lemon Way bank accounts, phone numbers of eight new regions in
# vCards, TextMagic, Clickatell and BulkSMS bodies and sentences in Latin, Upper Sorbian, Ladino, Seychellois Creole and
# Bislama; and look-alikes that are not findings (Flagsmith client-side keys, Veriff public keys and request
# signatures, client ids next to their secrets, Icecast's documented ``hackme`` and Firefly III's documented
# ``SomeRandomStringOf32CharsExactly``, ``${...}``, ``{{ ... }}`` and ``op://`` references, SIRETs (Luhn-valid),
# authorisation codes and terminal ids, masked cards, ABA routing and New Zealand-format accounts, French RIBs without
# their IBAN, the IBAN registry's own examples, fictional 555 numbers, invalid numbers, checksums and digests, four-part
# versions and coordinates).
# ``UNREPORTED_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class.


def _urp_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _urp_password(r: random.Random) -> str:
    return v.unreported_password(r)


def _urp_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unreported_password(r), safe="")


def _urp_phone(r: random.Random, international_only: bool = False) -> str:
    return v.unreported_phone(r, _urp_regions(), international_only)


def _urp_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _urp_amount(r: random.Random) -> str:
    return f"{r.randrange(20, 900)}.{r.randrange(0, 100):02d}"


def _urp_name(r: random.Random) -> str:
    return pick(
        r, "Teina Marsters", "Mata Tupa", "Tangi George", "Faleolo Sione", "Tavita Lauina", "Jesse Camacho",
        "Rosa Taitano", "Lino Olopai", "Marc Lahitte", "Claire Detcheverry", "Iosefa Perez", "Kele Lui",
        "Giulia Ferri", "Nadia Mandarin",
    )  # fmt: skip


def _urp_hex_word(r: random.Random, n: int) -> str:
    """``n`` hex digits with a letter among them (a run of decimal digits could read as a number)."""
    while True:
        word = rand(r, HEX, n)
        if not word.isdigit() and not any(word[i : i + 4].isdigit() for i in range(n - 3)):
            return word


def _urp_expiry(r: random.Random) -> tuple[int, int]:
    return r.randrange(1, 13), 2000 + r.randrange(27, 31)


def _urp_brand(pan: str) -> str:
    return {"4": "VISA", "5": "MASTERCARD", "2": "MASTERCARD", "6": "DISCOVER"}.get(
        pan[0], {"37": "AMEX", "35": "JCB", "30": "DINERS"}.get(pan[:2], "CARD")
    )


def _urp_cvv(r: random.Random) -> str:
    return str(r.randrange(100, 1000))


def _urp_nmi(r: random.Random, pan: str) -> str:
    """An NMI Direct Post request as the booking engine logged it (the security key filtered): form fields with the
    card, its expiry and the CVV."""
    month, year = _urp_expiry(r)
    return (
        f"POST /api/transact.php type=sale&security_key=[FILTERED]&ccnumber={pan}&ccexp={month:02d}{year % 100}"
        f"&cvv={_urp_cvv(r)}&amount={_urp_amount(r)}&currency=NZD&orderid=RWW-{rand(r, string.ascii_uppercase, 6)}"
    )


def _urp_converge(r: random.Random, pan: str) -> str:
    """An Elavon Converge XML API ``ccsale`` (the PIN filtered) with the card inline."""
    month, year = _urp_expiry(r)
    return (
        f"xmldata=<txn><ssl_merchant_id>{v.unreported_clean_digits(r, 6)}</ssl_merchant_id><ssl_user_id>webpage"
        f"</ssl_user_id><ssl_pin>[FILTERED]</ssl_pin><ssl_transaction_type>ccsale</ssl_transaction_type>"
        f"<ssl_card_number>{pan}</ssl_card_number><ssl_exp_date>{month:02d}{year % 100}</ssl_exp_date><ssl_amount>"
        f"{_urp_amount(r)}</ssl_amount></txn>"
    )


def _urp_payline(r: random.Random, pan: str) -> str:
    """A Payline (Monext) SOAP ``doAuthorizationRequest``'s card block, as a Saint-Barthélemy shop logged it."""
    month, year = _urp_expiry(r)
    kind = {"4": "CB", "5": "CB", "2": "CB", "3": "AMEX"}.get(pan[0], "CB")
    return (
        f"<impl:doAuthorizationRequest><impl:payment><obj:amount>{r.randrange(1000, 90000)}</obj:amount>"
        f"<obj:currency>978</obj:currency><obj:action>101</obj:action><obj:mode>CPT</obj:mode></impl:payment>"
        f"<impl:card><obj:number>{pan}</obj:number><obj:type>{kind}</obj:type><obj:expirationDate>{month:02d}"
        f"{year % 100}</obj:expirationDate><obj:cvx>{_urp_cvv(r)}</obj:cvx></impl:card></impl:doAuthorizationRequest>"
    )


def _urp_saferpay(r: random.Random, pan: str) -> str:
    """A Saferpay JSON API ``Transaction/AuthorizeDirect`` body with the card's number inline."""
    month, year = _urp_expiry(r)
    body = {"RequestHeader": {"SpecVersion": "1.40", "CustomerId": v.unreported_clean_digits(r, 6),
                              "RequestId": v.unreported_uuid(r), "RetryIndicator": 0},
            "TerminalId": v.unreported_clean_digits(r, 8),
            "Payment": {"Amount": {"Value": str(r.randrange(1000, 90000)), "CurrencyCode": "EUR"},
                        "OrderId": f"VA-{rand(r, string.ascii_uppercase, 6)}"},
            "PaymentMeans": {"Card": {"Number": pan, "ExpYear": year, "ExpMonth": month,
                                      "HolderName": _urp_name(r)}}}  # fmt: skip
    return "POST /Payment/v1/Transaction/AuthorizeDirect " + json.dumps(body, ensure_ascii=False)


def _urp_unzer(r: random.Random, pan: str) -> str:
    """An Unzer ``POST /v1/types/card`` request (the card type created server-side) with the number and CVC."""
    month, year = _urp_expiry(r)
    body = {"number": pan, "expiryDate": f"{month:02d}/{year}", "cvc": _urp_cvv(r), "cardHolder": _urp_name(r)}
    return f"unzer request POST https://api.unzer.com/v1/types/card {json.dumps(body, ensure_ascii=False)}"


def _urp_bambora(r: random.Random, pan: str) -> str:
    """A Bambora (Worldline North America) payments body with the card inline."""
    month, year = _urp_expiry(r)
    body = {"order_number": f"KMAR-{rand(r, string.ascii_uppercase, 5)}", "amount": float(_urp_amount(r)),
            "payment_method": "card", "card": {"name": _urp_name(r), "number": pan, "expiry_month": f"{month:02d}",
                                               "expiry_year": f"{year % 100}", "cvd": _urp_cvv(r)}}  # fmt: skip
    return json.dumps(body)


def _urp_paysafe(r: random.Random, pan: str) -> str:
    """A Paysafe Card Payments API authorization with ``card.cardNum``."""
    month, year = _urp_expiry(r)
    body = {"merchantRefNum": f"atafu-{_urp_hex_word(r, 10)}", "amount": r.randrange(1000, 90000),
            "settleWithAuth": True, "card": {"cardNum": pan, "cardExpiry": {"month": month, "year": year},
                                             "cvv": _urp_cvv(r)}}  # fmt: skip
    return json.dumps(body)


def _urp_auth_code(r: random.Random) -> str:
    """A six-character authorisation code with a letter in it."""
    while True:
        code = rand(r, string.ascii_uppercase + string.digits, 6)
        if not code.isdigit() and any(c.isdigit() for c in code):
            return code


def _urp_receipt(r: random.Random, pan: str) -> str:
    """A pledge drive terminal's merchant copy as its print spool kept it (an old standalone terminal that prints the
    whole number on the merchant's copy)."""
    month, year = _urp_expiry(r)
    return (
        f"*** MERCHANT COPY ***\nMARIANAS COMMUNITY RADIO\nPLEDGE DRIVE\nCARD TYPE: {_urp_brand(pan)}\n"
        f"ACCT: {v.grouped(pan, v.card_groups(pan), ' ')}\nEXP: {month:02d}/{year % 100}   ENTRY: KEYED\n"
        f"AMOUNT: USD {_urp_amount(r)}\nAUTH CODE: {_urp_auth_code(r)}\nSIGNATURE ________________"
    )


_URP_BICS = {"10107": "BREDFRPPXXX", "11315": "CEPAFRPP313", "20041": "PSSTFRPPXXX", "30004": "BNPAFRPPXXX",
             "18719": "BFCOFRPPXXX", "SSCB": "SSCBSCSCXXX", "MCBL": "MCBLSCSCXXX", "BARC": "BARCSCSCXXX",
             "NOVH": "NOVHSCSCXXX", "85550000": "SOLADES1BAT", "18050000": "WELADED1CBN", "85050300": "OSDDDE81XXX",
             "85090000": "GENODEF1DRS", "00010": "TCZBTR2AXXX", "00062": "TGBATRISXXX", "00046": "AKBKTRISXXX",
             "00064": "ISBKTRISXXX", "00067": "YAPITRISXXX", "001": "IOPRVAVXXXX"}  # fmt: skip


def _urp_bic(iban: str) -> str:
    """The BIC of the bank an IBAN of this split belongs to (its bank code read back)."""
    compact = iban.replace(" ", "")
    bank = {"FR": compact[4:9], "SC": compact[4:8], "DE": compact[4:12], "TR": compact[4:9], "VA": compact[4:7]}
    return _URP_BICS[bank[compact[:2]]]


def _urp_qonto(r: random.Random, iban: str) -> str:
    """A Qonto API external transfer (the beneficiary's name, IBAN and BIC inline)."""
    body = {"external_transfer": {"beneficiary": {"name": _urp_name(r), "iban": iban.replace(" ", ""),
                                                  "bic": _urp_bic(iban)},
                                  "amount": _urp_amount(r), "currency": "EUR",
                                  "reference": f"Remboursement sortie baleines {rand(r, string.ascii_uppercase, 4)}",
                                  "note": "annulation meteo"}}  # fmt: skip
    return "POST /v2/external_transfers " + json.dumps(body, ensure_ascii=False)


def _urp_bunq(r: random.Random, iban: str) -> str:
    """A bunq API payment from a monetary account: the amount and the counterparty's IBAN alias and name."""
    body = {"amount": {"value": _urp_amount(r), "currency": "EUR"},
            "counterparty_alias": {"type": "IBAN", "value": iban.replace(" ", ""), "name": _urp_name(r)},
            "description": "Refund cancelled appointment"}  # fmt: skip
    user, account = v.unreported_clean_digits(r, 7), v.unreported_clean_digits(r, 7)
    return f"POST /v1/user/{user}/monetary-account/{account}/payment {json.dumps(body)}"


def _urp_pennylane(r: random.Random, iban: str) -> str:
    """A Pennylane API v2 supplier creation with the supplier's IBAN."""
    body = {"name": pick(r, "Gustavia Marine Services", "SPM Radio Diffusion", "Colombier Kayaks"),
            "iban": iban.replace(" ", ""), "payment_conditions": "30_days",
            "reg_no": v.unreported_siret(r).replace(" ", "")[:9]}  # fmt: skip
    return "POST /api/external/v2/suppliers " + json.dumps(body)


def _urp_pain013(r: random.Random, iban: str) -> str:
    """An ISO 20022 pain.013 creditor payment activation request (a SEPA request-to-pay): the creditor and its IBAN."""
    return (
        f"<CdtrPmtActvtnReq><GrpHdr><MsgId>RTP{rand(r, string.ascii_uppercase, 10)}</MsgId><NbOfTxs>1</NbOfTxs>"
        f'</GrpHdr><PmtInf><PmtMtd>TRF</PmtMtd><CdtTrfTx><Amt><InstdAmt Ccy="EUR">{_urp_amount(r)}</InstdAmt></Amt>'
        f"<Cdtr><Nm>{pick(r, 'Radio communautaire SPM', 'Atelier Colombier')}</Nm></Cdtr><CdtrAcct><Id><IBAN>"
        f"{iban.replace(' ', '')}</IBAN></Id></CdtrAcct></CdtTrfTx></PmtInf></CdtrPmtActvtnReq>"
    )


def _urp_mangopay(r: random.Random, iban: str) -> str:
    """A Mangopay ``POST .../bankaccounts/iban`` body: the owner, the address and the IBAN."""
    line, city, postcode, country = r.choice(
        (("Rue du Général de Gaulle", "Gustavia", "97133", "BL"), ("Rue Maître Georges Lefèvre", "Saint-Pierre",
         "97500", "PM"), ("Via della Conciliazione", "Roma", "00193", "IT"), ("Wendischer Graben", "Bautzen",
         "02625", "DE"))
    )  # fmt: skip
    body = {"OwnerName": _urp_name(r), "OwnerAddress": {"AddressLine1": line, "City": city, "PostalCode": postcode,
                                                         "Country": country},
            "IBAN": iban.replace(" ", ""), "Tag": "donor-payout"}  # fmt: skip
    user = v.unreported_clean_digits(r, 9)
    return f"POST /v2.01/kmar-radio/users/{user}/bankaccounts/iban {json.dumps(body, ensure_ascii=False)}"


def _urp_lemonway(r: random.Random, iban: str) -> str:
    """A Lemon Way ``RegisterIBAN`` call: the wallet, the holder, the BIC and the IBAN."""
    body = {"p": {"wallet": f"clinic-{_urp_hex_word(r, 6)}", "holder": _urp_name(r),
                  "bic": _urp_bic(iban), "iban": iban.replace(" ", ""),
                  "dom1": "", "wlLogin": "atafu-clinic", "language": "en"}}  # fmt: skip
    return "POST /MB/.../Service_json.asmx/RegisterIBAN " + json.dumps(body)


def _urp_vcard(r: random.Random) -> str:
    """A vCard 3.0 of a contact with one ``TEL`` property."""
    return (
        f"BEGIN:VCARD\nVERSION:3.0\nFN:{_urp_name(r)}\nORG:{pick(r, 'Rarotonga Whale Watch', 'Atafu Health Centre')}\n"
        f"TEL;TYPE={pick(r, 'CELL', 'WORK', 'HOME')}:{_urp_phone(r, True)}\nEND:VCARD"
    )


def _urp_textmagic(r: random.Random) -> str:
    """A TextMagic ``POST /api/v2/messages`` form body: the text and the recipient's E.164 digits."""
    msisdn = v.unreported_msisdn(r, r.choice(_urp_regions()))
    return f"text=Your+clinic+visit+is+tomorrow&phones={msisdn}"


def _urp_clickatell(r: random.Random) -> str:
    """A Clickatell Platform ``/v1/message`` body with the recipient's E.164 digits."""
    body = {"messages": [{"channel": "sms", "to": v.unreported_msisdn(r, r.choice(_urp_regions())),
                          "content": "Boat leaves 7:30, bring a jacket"}]}  # fmt: skip
    return json.dumps(body)


def _urp_bulksms(r: random.Random) -> str:
    """A BulkSMS JSON REST body with the recipient in international form."""
    to = "+" + v.unreported_msisdn(r, r.choice(_urp_regions()))
    return json.dumps({"to": to, "body": "Pledge received, thanks!"})


def _urp_minisign(r: random.Random) -> str:
    return "untrusted comment: minisign encrypted secret key\n" + v.b64(
        b"Ed" + b"Sc" + b"B2" + r.randbytes(8) + r.randbytes(32) + r.randbytes(8) + r.randbytes(104)
    )


def _urp_signify(r: random.Random) -> str:
    return "untrusted comment: signify secret key\n" + v.b64(b"Ed" + b"BK" + r.randbytes(4) + r.randbytes(96))


def _urp_cosign(r: random.Random) -> str:
    body = v.b64(r.randbytes(360))
    lines = "\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n{lines}\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----"


_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _urp_xprv(r: random.Random) -> str:
    return "xprv9s21ZrQH143K" + rand(r, _B58, 95)


UNREPORTED_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f"baserow: BASEROW_OPENAI_API_KEY={v.openai_legacy(r)} (AI field, key from 2023)",
    ),
    "openai_project_key": _p(
        lambda r: f'huginn: LLM agent options {{"api_key": "{v.openai_project(r)}", "model": "gpt-4o-mini"}}',
        lambda r: f"NC_AI_OPENAI_API_KEY={v.openai_project(r)}",
    ),
    "anthropic_api_key": _p(
        lambda r: f"budibase: AI_PROVIDER=anthropic ANTHROPIC_API_KEY={v.anthropic(r)}",
        lambda r: f"x-api-key: {v.anthropic(r)}",
    ),
    "deepseek_api_key": _p(
        lambda r: f'[llm]\nprovider = "deepseek"\napi_key = "{v.deepseek(r)}"\nbase_url = "https://api.deepseek.com"',
    ),
    "aws_access_key_id": _p(
        lambda r: f"AWS_ACCESS_KEY_ID={v.aws_key_id(r)}\nAWS_STORAGE_BUCKET_NAME=baserow-media",
        lambda r: f"semaphore: s3 backup with key {v.aws_key_id(r)} denied: AccessDenied",
    ),
    "aws_secret_access_key": _p(
        lambda r: f"AWS_SECRET_ACCESS_KEY={v.aws_secret(r)}\nAWS_S3_REGION_NAME=ap-southeast-2"
    ),
    "aws_session_token": _p(lambda r: f"export AWS_SESSION_TOKEN='{v.aws_session_token(r)}'"),
    "github_classic_token": _p(lambda r: f"act_runner: cloning actions/checkout with token {v.github_token(r, 'ghp')}"),
    "github_oauth_token": _p(
        lambda r: f'cal.com github app: {{"access_token": "{v.github_token(r, "gho")}", "scope": "repo"}}'
    ),
    "github_app_token": _p(lambda r: f"semaphore: git clone as installation, GIT_TOKEN={v.github_token(r, 'ghs')}"),
    "github_refresh_token": _p(lambda r: f"refresh_token={v.github_token(r, 'ghr')}&grant_type=refresh_token"),
    "github_fine_grained_token": _p(
        lambda r: f"GITEA_MIRROR_TOKEN=github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)}"
    ),
    "gitlab_token": _p(lambda r: f"act_runner: git fetch with PRIVATE-TOKEN: glpat-{rand(r, ALNUM + '_-', 20)}"),
    "slack_token": _p(lambda r: f"glitchtip: slack alert recipient token {v.slack_token(r)}"),
    "slack_webhook": _p(
        lambda r: (
            f"flagsmith audit webhook -> https://hooks.slack.com/services/T{rand(r, v.UPPER, 10)}/"
            f"B{rand(r, v.UPPER, 10)}/{rand(r, ALNUM, 24)}"
        )
    ),
    "stripe_key": _p(lambda r: f"STRIPE_PRIVATE_KEY={v.stripe_key(r)}\nSTRIPE_CLIENT_ID=ca_{rand(r, ALNUM, 32)}"),
    "google_api_key": _p(
        lambda r: f'<script src="https://maps.googleapis.com/maps/api/js?key=AIza{rand(r, ALNUM + "_-", 35)}"></script>'
    ),
    "google_oauth_client_secret": _p(
        lambda r: (
            f'GOOGLE_API_CREDENTIALS={{"web":{{"client_id":"{rand(r, string.digits, 12)}-'
            f'{rand(r, string.ascii_lowercase + string.digits, 32)}.apps.googleusercontent.com","client_secret":'
            f'"GOCSPX-{rand(r, ALNUM + "_-", 28)}"}}}}'
        )
    ),
    "gcp_oauth_token": _p(lambda r: f"huginn GoogleCalendarPublishAgent: access_token={v.gcp_token(r)}"),
    "twilio_api_key": _p(lambda r: f"TWILIO_API_KEY=SK{rand(r, HEX, 32)}"),
    "sendgrid_api_key": _p(lambda r: f"SENDGRID_API_KEY=SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}"),
    "huggingface_token": _p(lambda r: f"baserow: HF_TOKEN=hf_{rand(r, ALNUM, 34)} for the embeddings field"),
    "npm_token": _p(
        lambda r: (
            f"//registry.npmjs.org/:_authToken=npm_{rand(r, ALNUM, 36)}\n@budibase:registry=https://registry.npmjs.org/"
        )
    ),
    "pypi_token": _p(
        lambda r: f"TWINE_USERNAME=__token__ TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}"
    ),
    "shopify_token": _p(lambda r: f"X-Shopify-Access-Token: shpat_{rand(r, HEX, 32)}"),
    "digitalocean_token": _p(lambda r: f"doctl auth init --access-token dop_v1_{rand(r, HEX, 64)} --context glitchtip"),
    "telegram_bot_token": _p(
        lambda r: (
            f'huginn TelegramAgent options: {{"auth_token": "{r.randrange(10**9, 8 * 10**9)}:AA'
            f'{rand(r, ALNUM + "_-", 33)}"}}'
        )
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "BACKUP_TARGET=DefaultEndpointsProtocol=https;AccountName=kmarbackups;AccountKey="
            f"{v.azure_account_key(r)};EndpointSuffix=core.windows.net"
        )
    ),
    "azure_sas_token": _p(
        lambda r: (
            f"https://kmarbackups.blob.core.windows.net/shows/2026-02-{r.randrange(10, 28)}.mp3?sv=2024-11-04&ss=b&"
            f"srt=o&sp=r&se=2026-03-01T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}"
        )
    ),
    "clickhouse_cloud_key": _p(
        lambda r: (
            f"umami: CLICKHOUSE_CLOUD_KEY_ID={rand(r, ALNUM, 20)} CLICKHOUSE_CLOUD_KEY_SECRET={v.clickhouse_secret(r)}"
        )
    ),
    "jwt": _p(
        lambda r: f"GET /v1/observations?user_id=me Authorization: {v.unreported_inat_jwt(r)}",
        lambda r: f"firefly-iii-importer: FIREFLY_III_ACCESS_TOKEN={v.unreported_firefly_pat(r)}",
        lambda r: f"OT.initSession(apiKey, sessionId).connect('{v.unreported_vonage_video_jwt(r)}', cb)",
        lambda r: (
            f"curl -H 'Authorization: Bearer {v.unreported_cerebrium_jwt(r)}' https://api.cortex.cerebrium.ai/v4/run"
        ),
        lambda r: (
            f'fetchCredentials: {{"endpoint": "https://sync.example", "token": "{v.unreported_powersync_jwt(r)}"}}'
        ),
        lambda r: f"GET /api/v1/supporters Authorization: Bearer {v.unreported_bmac_jwt(r)}",
        lambda r: f"medplum: POST /fhir/R4/Appointment Authorization: Bearer {v.unreported_medplum_jwt(r)}",
        lambda r: f'POST /api/user/token-refresh/ 200 {{"access_token": "{v.unreported_baserow_jwt(r)}"}}',
        lambda r: f"xc-auth: {v.unreported_nocodb_jwt(r)}",
        lambda r: f"x-nd-authorization: Bearer {v.unreported_navidrome_jwt(r)}",
        lambda r: (
            f'com.atproto.server.createSession 200 {{"accessJwt": "{v.unreported_bluesky_jwt(r)}", "active": true}}'
        ),
    ),
    "private_key": _p(
        lambda r: "~/.minisign/minisign.key:\n" + _urp_minisign(r),
        lambda r: "/etc/signify/kmar-release.sec:\n" + _urp_signify(r),
        lambda r: "cosign.key:\n" + _urp_cosign(r),
        lambda r: f"donation wallet backup: {_urp_xprv(r)}",
    ),
    "url_credentials": _p(
        lambda r: f"DATABASE_URL=postgresql://umami:{_urp_url_password(r)}@db:5432/umami",
        lambda r: f"CALCOM_DATABASE_URL=postgres://calendso:{_urp_url_password(r)}@pg.lan:5432/calendso",
        lambda r: f"EMAIL_URL=smtp://glitchtip:{_urp_url_password(r)}@smtp.oyster.net.ck:587",
        lambda r: f"MAUTIC_MAILER_DSN=smtp://newsletter:{_urp_url_password(r)}@mail.kmar-radio.example:465",
        lambda r: f"icecast relay pulling http://relay:{_urp_url_password(r)}@studio.lan:8000/live",
        lambda r: f"BASEROW_REDIS_URL=redis://default:{_urp_url_password(r)}@redis:6379/0",
    ),
    "password_assignment": _p(
        lambda r: f"<authentication>\n  <source-password>{_urp_password(r)}</source-password>\n</authentication>",
        lambda r: f"SEMAPHORE_ADMIN_PASSWORD={_urp_password(r)}",
        lambda r: f"'db_password' => '{_urp_password(r)}',  // mautic app/config/local.php",
        lambda r: f"DB_PASSWORD={_urp_password(r)}",
        lambda r: f"BSKY_APP_PASSWORD={v.unreported_bluesky_app_password(r)}",
        lambda r: f"miniflux: ADMIN_USERNAME=studio ADMIN_PASSWORD='{_urp_password(r)}'",
    ),
    "sql_identified_by": _p(
        lambda r: f"CREATE USER 'umami'@'%' IDENTIFIED BY '{_urp_password(r)}';",
        lambda r: f"ALTER ROLE nocodb WITH LOGIN PASSWORD '{_urp_password(r)}';",
    ),
    "bearer_token": _p(
        lambda r: f"POST /v1/logs Authorization: Bearer {v.unreported_betterstack_token(r)}",
        lambda r: f"POST /api/v1/contacts/create Authorization: Bearer {v.unreported_loops_key(r)}",
        lambda r: f"GET /v2/publications Authorization: Bearer {v.unreported_beehiiv_key(r)}",
        lambda r: f"GET /v2/bookings Authorization: Bearer {v.unreported_cal_key(r)}",
        lambda r: f"POST /v1/orders Authorization: Bearer {v.unreported_polar_token(r)}",
        lambda r: f"GET /api/2.0/sales Authorization: Bearer {v.unreported_lightspeed_token(r)}",
        lambda r: f"GET /accounting/account/ab12/invoices Authorization: Bearer {v.unreported_freshbooks_token(r)}",
        lambda r: f"GET /api/oauth2/v2/campaigns Authorization: Bearer {v.unreported_patreon_token(r)}",
        lambda r: f"POST /api/graphql Authorization: Bearer {v.unreported_memberful_key(r)}",
        lambda r: f"GET /api/v0/instances/ Authorization: Bearer {v.unreported_vastai_key(r)}",
        lambda r: f"POST /speechtotext/v1/jobs Authorization: Bearer {v.unreported_revai_token(r)}",
        lambda r: f"GET /api/spins?count=20 Authorization: Bearer {v.unreported_spinitron_key(r)}",
        lambda r: f"GET /v1/campaigns Authorization: Bearer {v.unreported_givebutter_key(r)}",
        lambda r: f"POST /api/0/organizations/kmar/releases/ Authorization: Bearer {v.unreported_glitchtip_token(r)}",
        lambda r: f"GET /api/project/1/tasks Authorization: Bearer {v.unreported_semaphore_token(r)}",
        lambda r: f"GET /octo/availability Authorization: Bearer {v.unreported_ventrata_token(r)}",
    ),
    "basic_auth": _p(
        lambda r: f"GET /v1/customers Authorization: Basic {_urp_basic(v.unreported_chartmogul_key(r), '')}",
        lambda r: f"GET /orders Authorization: Basic {_urp_basic(*v.unreported_fastspring_pair(r))}",
        lambda r: f"GET /subscriptions.json Authorization: Basic {_urp_basic(v.unreported_maxio_key(r), 'x')}",
        lambda r: f"GET /api/v1/appointments Authorization: Basic {_urp_basic(v.unreported_cliniko_key(r), '')}",
        lambda r: f"POST /oauth2/token Authorization: Basic {_urp_basic(*v.unreported_medplum_pair(r))}",
        lambda r: f"GET /api/v1/donations Authorization: Basic {_urp_basic(*v.unreported_donorbox_pair(r))}",
        lambda r: f"POST /v1/messages Authorization: Basic {_urp_basic(*v.unreported_bulksms_pair(r))}",
        lambda r: f"GET /api/contacts Authorization: Basic {_urp_basic(*v.unreported_mautic_pair(r))}",
    ),
    "session_cookie": _p(
        lambda r: (
            f"Cookie: _huginn_session={v.b64(r.randbytes(r.randrange(90, 180))).replace('=', '%3D')}--"
            f"{v.b64(r.randbytes(12)).replace('=', '%3D')}--{v.b64(r.randbytes(16)).replace('=', '%3D')}"
        ),
        lambda r: (
            "Cookie: XSRF-TOKEN=; bookstack_session="
            + v.b64(
                json.dumps(
                    {"iv": v.b64(r.randbytes(16)), "value": v.b64(r.randbytes(96)), "mac": rand(r, HEX, 64), "tag": ""},
                    separators=(",", ":"),
                ).encode()
            ).rstrip("=")
        ),
        lambda r: (
            "Cookie: firefly_iii_session="
            + v.b64(
                json.dumps(
                    {
                        "iv": v.b64(r.randbytes(16)),
                        "value": v.b64(r.randbytes(128)),
                        "mac": rand(r, HEX, 64),
                        "tag": "",
                    },
                    separators=(",", ":"),
                ).encode()
            ).rstrip("=")
            + "; google2fa_token="
        ),
        lambda r: (
            "Cookie: semaphore="
            + v.b64url(
                f"{r.randrange(1_770_100_000, 1_771_000_000)}|{v.b64url(r.randbytes(64))}|".encode() + r.randbytes(32)
            )
        ),
        lambda r: f"Cookie: KB_SID={rand(r, string.ascii_lowercase + string.digits, 26)}; KB_RM=",
        lambda r: (
            f"Cookie: MinifluxAppSessionID={v.b64url(r.randbytes(32))}; "
            f"MinifluxUserSessionID={v.b64url(r.randbytes(32))}"
        ),
        lambda r: f"Cookie: grocy_session={rand(r, ALNUM, 50)}",
    ),
    "auth_token_assignment": _p(
        lambda r: f"GET /v1/users/me/products?access_token={v.unreported_gumroad_token(r)}",
        lambda r: f"https://api.mixcloud.com/upload/?access_token={v.unreported_mixcloud_token(r)}",
        lambda r: f"https://api.maptiler.com/maps/ocean/style.json?key={v.unreported_maptiler_key(r)}",
        lambda r: f"https://tiles.stadiamaps.com/tiles/outdoors/12/3812/2291.png?api_key={v.unreported_stadia_key(r)}",
        lambda r: (
            f"https://www.worldtides.info/api/v3?heights&lat=-21.20&lon=-159.78&key={v.unreported_worldtides_key(r)}"
        ),
        lambda r: f"GITEA_RUNNER_REGISTRATION_TOKEN={v.unreported_runner_token(r)}",
        lambda r: f"STATIC_CRON_TOKEN={rand(r, ALNUM, 32)}",
        lambda r: f"ROLLBAR_ACCESS_TOKEN={v.unreported_rollbar_token(r)}",
        lambda r: f"GET /v1/bookings?apiKey={v.unreported_cal_key(r)}&take=50",
    ),
    "generic_secret": _p(
        lambda r: f"Bugsnag-Api-Key: {v.unreported_bugsnag_key(r)}",
        lambda r: f"GET /api/v1/events.json X-Papertrail-Token: {v.unreported_papertrail_token(r)}",
        lambda r: f"POST /v4/subscribers X-Kit-Api-Key: {v.unreported_kit_key(r)}",
        lambda r: f"GET /v1/subscribers Authorization: Token {v.unreported_buttondown_key(r)}",
        lambda r: f"X-Auth-Token: {v.unreported_bigcommerce_token(r)}",
        lambda r: f'{{"verification_token": "{v.unreported_kofi_token(r)}", "type": "Donation", "amount": "5.00"}}',
        lambda r: "client_id={}&client_secret={}&grant_type=client_credentials".format(*v.unreported_classy_pair(r)),
        lambda r: f"POST /inappevent/com.kmar.radio authentication: {v.unreported_appsflyer_key(r)}",
        lambda r: f"X-Rollbar-Access-Token: {v.unreported_rollbar_token(r)}",
        lambda r: f"POST /v1/notices X-API-Key: {v.unreported_honeybadger_key(r)}",
        lambda r: f"GET /api/v2/scenarios Authorization: Token {v.unreported_make_token(r)}",
        lambda r: f"x-api-key: {v.unreported_metriport_key(r)}",
        lambda r: f"GET /api/station/1/nowplaying X-API-Key: {v.unreported_azuracast_key(r)}",
        lambda r: f"Authorization: Api-Key {v.unreported_libretime_key(r)}",
        lambda r: f"X-API-KEY: {v.unreported_bloomerang_key(r)}",
        lambda r: f'Authorization: Token token="{v.unreported_kindful_token(r)}"',
        lambda r: f"GET /cdo-web/api/v2/data?datasetid=GHCND token: {v.unreported_noaa_token(r)}",
        lambda r: f"Ocp-Apim-Subscription-Key: {v.unreported_admiralty_key(r)}",
        lambda r: f"GET /api/experiences X-API-KEY: {v.unreported_xola_key(r)}",
        lambda r: f"X-TM-Username: atafu-clinic\nX-TM-Key: {v.unreported_textmagic_key(r)}",
        lambda r: f"POST /v1/message Authorization: {v.unreported_clickatell_key(r)}",
        lambda r: f"x-umami-api-key: {v.unreported_umami_key(r)}",
        lambda r: f"X-Environment-Key: {v.unreported_flagsmith_server_key(r)}",
        lambda r: f"Authorization: Api-Key {v.unreported_flagsmith_admin_key(r)}",
        lambda r: f"x-budibase-api-key: {v.unreported_budibase_key(r)}",
        lambda r: f"GET /api/v1/repos/kmar/infra Authorization: token {v.unreported_gitea_token(r)}",
        lambda r: f"xc-token: {v.unreported_nocodb_token(r)}",
        lambda r: f"GET /api/database/rows/table/412/ Authorization: Token {v.unreported_baserow_token(r)}",
    ),
    "password_hash": _p(
        lambda r: f"hcxpcapngtool: {v.unreported_password_hash(r, 'wpa_eapol')}",
        lambda r: f"office2john intake-form.docx: {v.unreported_password_hash(r, 'office2013')}",
        lambda r: f"pdf2john lab-results.pdf: {v.unreported_password_hash(r, 'pdf_r4')}",
        lambda r: f"zip2john scans.zip: {v.unreported_password_hash(r, 'zip2_aes')}",
        lambda r: f"rar2john archive.rar: {v.unreported_password_hash(r, 'rar5')}",
        lambda r: f"7z2john backup.7z: {v.unreported_password_hash(r, 'sevenzip')}",
        lambda r: f"keepass2john studio.kdbx: {v.unreported_password_hash(r, 'keepass_kdbx')}",
        lambda r: f"bitlocker2john -i clinic-laptop.img: {v.unreported_password_hash(r, 'bitlocker')}",
    ),
    "credential_phrase": _p(
        lambda r: f"Tessera retis sine filo est {_urp_password(r)}",
        lambda r: f"Hesło za WLAN je {_urp_password(r)}",
        lambda r: f"La kontrasenya del wifi es {_urp_password(r)}",
        lambda r: f"Password wifi i {_urp_password(r)}",
        lambda r: f"Pasword blong wifi hemi {_urp_password(r)}",
        lambda r: f"boat tablet reset, the skipper's login is now {_urp_password(r)} until Friday",
        lambda r: f"studio PC: log in as 'onair' with {_urp_password(r)}, don't change it during the pledge drive",
    ),
    "email": _p(
        lambda r: f"mautic: contact {v.unreported_email(r)} added to segment donors-2026",
        lambda r: f"cal.com: booking confirmation sent to {v.unreported_email(r)}",
        lambda r: f'{{"donor": {{"email": "{v.unreported_email(r)}", "tier": "monthly"}}}}',
        lambda r: f"GET /unsubscribe?e={urllib.parse.quote(v.unreported_email(r), safe='')}&list=whale-season",
        lambda r: f"glitchtip: invite accepted by {v.unreported_email(r)}",
        lambda r: f"From: {_urp_name(r)} <{v.unreported_email(r)}>",
    ),
    "ipv4": _p(
        lambda r: f"umami: event from {v.ipv4(r)} dropped (bot filter)",
        lambda r: f"act_runner: registered from {v.ipv4(r)} labels=ubuntu-22.04",
        lambda r: f"icecast: source client connected from {v.ipv4(r)} on /live",
        lambda r: f"mautic: tracking pixel hit ip={v.ipv4(r)} contact=anonymous",
        lambda r: f"flagsmith: identity override requested by {v.ipv4(r)}",
    ),
    "ipv6": _p(
        lambda r: f"umami: event from [{v.ipv6(r)}] accepted",
        lambda r: f"icecast: listener {v.ipv6(r)} joined /live",
    ),
    "phone": _p(
        lambda r: _urp_vcard(r),
        lambda r: _urp_textmagic(r),
        lambda r: _urp_clickatell(r),
        lambda r: f"Telephona mihi: {_urp_phone(r)}",
        lambda r: f"Zazwońće mi na {_urp_phone(r)}",
        lambda r: f"Yamame al {_urp_phone(r)}",
        lambda r: f"Telefonn mwan lo {_urp_phone(r)}",
        lambda r: f"Ringim mi long {_urp_phone(r)}",
        lambda r: _urp_bulksms(r),
    ),
    "payment_card": _p(
        lambda r: _urp_nmi(r, v.unreported_card_number(r, pick(r, "visa", "mastercard"))),
        lambda r: _urp_converge(r, v.unreported_card_number(r, pick(r, "visa", "amex", "discover"))),
        lambda r: _urp_payline(r, v.unreported_card_number(r, pick(r, "visa", "mastercard"))),
        lambda r: _urp_saferpay(r, v.unreported_card_number(r, pick(r, "visa", "mastercard", "jcb"))),
        lambda r: _urp_unzer(r, v.unreported_card_number(r, pick(r, "visa", "unionpay"))),
        lambda r: _urp_bambora(r, v.unreported_card_number(r, pick(r, "visa", "mastercard", "diners"))),
        lambda r: _urp_paysafe(r, v.unreported_card_number(r, pick(r, "visa", "mastercard"))),
        lambda r: _urp_receipt(r, v.unreported_card_number(r, pick(r, "visa", "mastercard", "amex"))),
    ),
    "iban": _p(
        lambda r: _urp_qonto(r, v.unreported_iban(r, country="FR")),
        lambda r: _urp_bunq(r, v.unreported_iban(r, country=pick(r, "FR", "DE"))),
        lambda r: _urp_pennylane(r, v.unreported_iban(r, country="FR")),
        lambda r: _urp_pain013(r, v.unreported_iban(r, country=pick(r, "FR", "VA"))),
        lambda r: _urp_mangopay(r, v.unreported_iban(r, country=pick(r, "VA", "FR", "DE"))),
        lambda r: _urp_lemonway(r, v.unreported_iban(r, country=pick(r, "VA", "SC", "FR"))),
        lambda r: f"Mandadme las paras a este IBAN: {v.unreported_iban(r, country='TR', grouped=True)}",
    ),
}

UNREPORTED_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: "baserow: BASEROW_OPENAI_API_KEY is empty, the AI field is disabled"),
    "openai_project_key": _p(
        lambda r: 'huginn: LLM agent options {"api_key": "{% credential openai_key %}", "model": "gpt-4o-mini"}',
        lambda r: "NC_AI_OPENAI_API_KEY=${OPENAI_API_KEY}",
    ),
    "anthropic_api_key": _p(lambda r: 'ANTHROPIC_API_KEY="op://Clinic/anthropic/credential"'),
    "deepseek_api_key": _p(lambda r: f"umami: unknown referrer sk-{rand(r, HEX, 6)}.example ignored"),
    "aws_access_key_id": _p(lambda r: "AWS_ACCESS_KEY_ID=  # baserow uses the task role"),
    "aws_secret_access_key": _p(lambda r: "AWS_SECRET_ACCESS_KEY_FILE=/run/secrets/baserow_s3"),
    "aws_session_token": _p(lambda r: "aws sts get-session-token --duration-seconds 3600 --profile radio"),
    "github_classic_token": _p(lambda r: "act_runner: using GITHUB_TOKEN from the job's secrets (masked)"),
    "github_oauth_token": _p(
        lambda r: '{"error": "bad_refresh_token", "error_description": "The refresh token is invalid."}'
    ),
    "github_app_token": _p(lambda r: "semaphore: installation token expires 2026-02-20T09:00:00Z, refreshing"),
    "github_refresh_token": _p(lambda r: "refresh_token=ghr_<redacted>&grant_type=refresh_token"),
    "github_fine_grained_token": _p(lambda r: "GITEA_MIRROR_TOKEN=github_pat_… (expires in 30 days)"),
    "gitlab_token": _p(lambda r: "act_runner: git fetch with PRIVATE-TOKEN: [MASKED]"),
    "slack_token": _p(lambda r: "glitchtip: slack alert recipient token xoxb-**** (redacted)"),
    "slack_webhook": _p(lambda r: "flagsmith audit webhook -> {{ slack_webhook_url }}"),
    "stripe_key": _p(lambda r: f"NEXT_PUBLIC_STRIPE_PUBLIC_KEY=pk_live_{rand(r, ALNUM, 24)}"),
    "google_api_key": _p(lambda r: '<script src="https://maps.googleapis.com/maps/api/js?key=YOUR_API_KEY"></script>'),
    "google_oauth_client_secret": _p(
        lambda r: (
            f'"client_id":"{rand(r, string.digits, 12)}-{rand(r, string.ascii_lowercase + string.digits, 32)}'
            '.apps.googleusercontent.com"'
        )
    ),
    "gcp_oauth_token": _p(lambda r: "huginn GoogleCalendarPublishAgent: token expired, re-authorise in Services"),
    "twilio_api_key": _p(lambda r: f"twilio: message SM{rand(r, HEX, 32)} delivered"),
    "sendgrid_api_key": _p(
        lambda r: "SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    ),
    "huggingface_token": _p(lambda r: "baserow: HF_TOKEN not set, falling back to the public model"),
    "npm_token": _p(lambda r: "//registry.npmjs.org/:_authToken=${NPM_TOKEN}"),
    "pypi_token": _p(lambda r: "twine upload --repository testpypi dist/* (trusted publishing)"),
    "shopify_token": _p(lambda r: "X-Shopify-Access-Token: {{ $secrets.shopify }}"),
    "digitalocean_token": _p(lambda r: "doctl auth init --context glitchtip (token read from stdin)"),
    "telegram_bot_token": _p(lambda r: 'huginn TelegramAgent options: {"auth_token": "{% credential telegram %}"}'),
    "azure_storage_connection_string": _p(
        lambda r: "BACKUP_TARGET=BlobEndpoint=https://kmarbackups.blob.core.windows.net/ (managed identity)"
    ),
    "azure_sas_token": _p(
        lambda r: "https://kmarbackups.blob.core.windows.net/shows/?restype=container&comp=list (public read)"
    ),
    "clickhouse_cloud_key": _p(
        lambda r: "umami: CLICKHOUSE_URL=https://clickhouse.lan:8443 (user from secret umami-ch)"
    ),
    "jwt": _p(
        lambda r: "navidrome: x-nd-authorization missing, redirecting to /app/#/login",
        lambda r: f"iNaturalist: api_token expired ({rand(r, HEX, 8)}), fetch a new one from /users/api_token",
        lambda r: "jwt decode failed: only the header eyJhbGciOiJIUzI1NiJ9 was logged (payload cut)",
        lambda r: "firefly-iii-importer: FIREFLY_III_ACCESS_TOKEN is empty, using the client id flow",
    ),
    "private_key": _p(
        lambda r: "untrusted comment: minisign public key 5F1A2E9C0D7B3A41\n" + v.b64(b"Ed" + r.randbytes(40)),
        lambda r: "untrusted comment: signify public key\n" + v.b64(b"Ed" + r.randbytes(40)),
        lambda r: f"donation wallet watch-only: xpub661MyMwAqRbc{rand(r, _B58, 95)}",
    ),
    "url_credentials": _p(
        lambda r: "DATABASE_URL=postgresql://umami@db:5432/umami?sslmode=require",
        lambda r: "EMAIL_URL=smtp://smtp.oyster.net.ck:587 (no auth, relay by IP)",
        lambda r: "http://stream.lan:8000/live (listeners, no credentials)",
        lambda r: "BASEROW_REDIS_URL=redis://redis:6379/0",
    ),
    "password_assignment": _p(
        lambda r: (
            "<authentication>\n  <source-password>hackme</source-password>\n</authentication>"
            "  <!-- icecast.xml.dist -->"
        ),
        lambda r: "SEMAPHORE_ADMIN_PASSWORD=${SEMAPHORE_ADMIN_PASSWORD:?set me}",
        lambda r: "'db_password' => getenv('MAUTIC_DB_PASSWORD'),",
        lambda r: "DB_PASSWORD_FILE=/run/secrets/firefly_db",
    ),
    "sql_identified_by": _p(lambda r: "CREATE USER 'umami'@'%' IDENTIFIED WITH auth_socket;"),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer {{ $env.CAL_API_KEY }}",
        lambda r: "Authorization: Bearer [REDACTED]",
        lambda r: 'WWW-Authenticate: Bearer realm="glitchtip", error="invalid_token"',
    ),
    "basic_auth": _p(
        lambda r: 'WWW-Authenticate: Basic realm="Icecast2 Server"',
        lambda r: "Authorization: Basic <base64 of api_key:>",
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: _huginn_session=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly",
        lambda r: "Cookie: KB_RM=; kanboard_theme=dark",
        lambda r: f"Cookie: grocy_theme=dark; grocy_locale={pick(r, 'fr', 'en')}",
        lambda r: "Cookie: firefly_iii_locale=en_US; sidebar=collapsed",
    ),
    "auth_token_assignment": _p(
        lambda r: "https://api.maptiler.com/maps/ocean/style.json?key=YOUR_MAPTILER_API_KEY_HERE",
        lambda r: "https://www.worldtides.info/api/v3?heights&lat=-21.20&lon=-159.78&key=<your key>",
        lambda r: "GITEA_RUNNER_REGISTRATION_TOKEN_FILE=/run/secrets/runner_token",
    ),
    "generic_secret": _p(
        lambda r: f"X-Environment-Key: {v.unreported_flagsmith_client_key(r)}  # client-side key, shipped in the app",
        lambda r: (
            f"X-AUTH-CLIENT: {v.unreported_veriff_pair(r)[0]}\nX-HMAC-SIGNATURE: {v.unreported_veriff_signature(r)}"
        ),
        lambda r: f'{{"client_id": "{v.unreported_classy_pair(r)[0]}", "client_secret": null}}',
        lambda r: "X-Rollbar-Access-Token: POST_SERVER_ITEM_ACCESS_TOKEN",
        lambda r: "x-budibase-api-key: ${BUDIBASE_API_KEY}",
        lambda r: f"rollbar: item {rand(r, HEX, 32)} occurred {r.randrange(2, 90)} times",
    ),
    "password_hash": _p(
        lambda r: f"{hashlib.sha256(r.randbytes(8)).hexdigest()}  intake-form.docx",
        lambda r: "office2john intake-form.docx: file is not encrypted",
        lambda r: "hcxpcapngtool: 0 EAPOL pairs written (no handshake captured)",
        lambda r: f"7-Zip 24.09: Everything is Ok (CRC32 {rand(r, '0123456789ABCDEF', 8)})",
    ),
    "credential_phrase": _p(
        lambda r: "Tesserae oblitus es?",
        lambda r: "Sće hesło zabył?",
        lambda r: "Olvidates la kontrasenya?",
        lambda r: "Ou'n bliy ou password?",
        lambda r: "Yu fogetem pasword blong yu?",
        lambda r: "The studio password policy was updated: 14 characters minimum.",
    ),
    "email": _p(
        lambda r: f"bluesky: @{pick(r, 'kmar-radio', 'rarowhales')}.bsky.social followed you",
        lambda r: f"image: ghcr.io/umami-software/umami@sha256:{rand(r, HEX, 64)}",
        lambda r: "MAUTIC_MAILER_FROM_EMAIL=${MAILER_FROM}",
        lambda r: "mailto:{{ donor.email }}",
    ),
    "ipv4": _p(
        lambda r: (
            f"firefly iii v6.{r.randrange(0, 5)}.{r.randrange(0, 20)}.{r.randrange(1, 9)} (build {_urp_hex_word(r, 7)})"
        ),
        lambda r: (
            f"sighting at {r.choice((-21, -14, 15, 46, 41))}.{r.randrange(100, 999)}, "
            f"{r.choice((-159, -170, 145, -56))}.{r.randrange(100, 999)}"
        ),
        lambda r: "icecast: bind-address 0.0.0.0 port 8000",
    ),
    "ipv6": _p(
        lambda r: "::ffff: prefix stripped from the client address",
        lambda r: f"huginn: Agents::WebsiteAgent#check took {r.randrange(20, 900)}ms",
    ),
    "phone": _p(
        lambda r: f"callback {v.unreported_invalid_phone(r, _urp_regions())}",
        lambda r: f"test number {v.unreported_fictional_nanp(r)} (fictional, do not dial)",
        lambda r: f"SIRET {v.unreported_siret(r)}",
        lambda r: f"route {v.unreported_aba(r)}",
        lambda r: "mobile +682 7* ***",
        lambda r: f"appointment APT-{v.unreported_clean_digits(r, 7)} confirmed",
        lambda r: "Saipan, MP 96950",
    ),
    "payment_card": _p(
        lambda r: f"SIRET {v.unreported_siret(r)}",
        lambda r: (
            f"ACCT: {v.unreported_card_number(r, 'visa')[:4]} **** **** {r.randrange(1000, 9999)}   AUTH CODE: "
            f"{_urp_auth_code(r)}"
        ),
        lambda r: f"declined: {v.wrong_last_digit(r, v.unreported_card_number(r))}",
        lambda r: (
            f"<obj:number>{v.unreported_card_number(r, 'visa')[:6]}XXXXXX{r.randrange(1000, 9999)}</obj:number>"
            "<obj:type>CB</obj:type>"
        ),
        lambda r: f"BIN {v.unreported_card_number(r, 'mastercard')[:6]} -> MASTERCARD, FR",
        lambda r: f"TID {v.unreported_clean_digits(r, 8)} MID {v.unreported_clean_digits(r, 15)}",
        lambda r: f"refund to {v.unreported_iban(r, country='FR', grouped=True)} instead of the card",
    ),
    "iban": _p(
        lambda r: f"RIB {v.unreported_rib(r)}",
        lambda r: v.unreported_us_account(r),
        lambda r: f"ANZ Cook Islands {v.unreported_nz_account(r)}",
        lambda r: f"IBAN {v.unreported_iban(r, valid=False)} rejected (checksum)",
        lambda r: f"IBAN VA** **** **** **** **{r.randrange(10, 99)}",
        lambda r: "example: VA59 0011 2300 0012 3456 78",
        lambda r: "IBAN (registry example) SC18SSCB11010000000000001497USD",
    ),
}

# Own negatives that truthfully hold another class: a refund to an IBAN is an IBAN finding.
UNREPORTED_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("payment_card", 6): frozenset({"iban"}),
}

# ---------------------------------------------------------------------------- the uncharted split's own shapes
#
# Written for the thirty-third split only, by a twenty-seventh session that did not read the rules
# (``build_corpus("uncharted")`` puts them before the shared generators, as for the splits since hidden): values in the
# settings of Gotenberg, Penpot, HedgeDoc, Healthchecks.io, Typebot, Formbricks, NetBox, Argilla, Karakeep, Tandoor,
# CapRover, Unkey, Documenso, Stirling-PDF, Shlink and Dokploy; PayMongo, Conekta, Openpay, Asaas, PagBank, Cielo,
# Paymob, Fawry, JazzCash, Easypaisa, bKash, SSLCommerz, Nagad, Roboflow, Scale AI, PromptLayer, Galileo, Zyte,
# Diffbot, DatoCMS, Builder.io, Elastic Cloud, Fauna, Customer.io, HubSpot, Attio, Knock, Tally, Qualtrics, FullStory,
# Webex, Feishu/Lark, DingTalk, WeCom, Zalo, X, TikTok, Pinterest, Missive and Gupshup requests (keys of vendors with no
# detector of their own: bearers, custom headers and schemes, Basic pairs, query parameters, form and JSON bodies),
# JWTs of new issuers (Labelbox API keys, Hygraph permanent tokens, WATI, CapRover, Linkwarden, Pusher Beams, Nhost,
# Privy, Tableau connected apps, Lightdash embeds), session cookies of Bottle, gorilla/sessions (Gin, Echo), CherryPy,
# Vert.x, SharePoint (FedAuth), Concrete CMS and October CMS, Nagad's merchant private key, Android keystore and PKCS#8
# keys in a JSON service descriptor, password-derived material of eight families as hashcat's and John's extractors
# write it (Ethereum keystores, Electrum, Bitcoin Core wallets, MetaMask vaults, Bitwarden, Telegram Desktop, iTunes
# backups, VMware VMX), cards of new BIN ranges (Elo, Hipercard, Verve, Meeza among them) in Cielo, PayMongo, Openpay
# and Fawry bodies, a quoted-printable e-mail, a Markdown table and a YAML fixture, IBANs of Pakistan, Egypt and Brazil
# in Raast requests, InstaPay transfers, a bank's bulk-payment CSV, Nium beneficiaries and Zoho Books vendors, phone
# numbers of eight populous regions in jCards, SIP headers, ``tel:`` and ``wa.me`` links, split JSON fields, PBX caller
# ids and sentences in Sundanese, Ilocano, Twi, Neapolitan and Luganda; and look-alikes that are not findings
# (publishable and public keys next to their secrets, Cielo merchant ids, signatures and request hashes, Argilla's
# quickstart ``argilla.apikey``, ``${...}``, ``{{ ... }}`` and ``vault:`` references, CLABEs, NUBANs, NIKs (some
# Luhn-valid), CNICs, CPFs, masked cards and IBANs, the IBAN registry's own examples, order and invoice numbers grouped
# like phone numbers, invalid numbers, checksums and digests, four-part versions and coordinates).
# ``UNCHARTED_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class.


def _unc_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _unc_password(r: random.Random) -> str:
    return v.uncharted_password(r)


def _unc_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.uncharted_password(r), safe="")


def _unc_phone(r: random.Random, international_only: bool = False) -> str:
    return v.uncharted_phone(r, _unc_regions(), international_only)


def _unc_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _unc_amount(r: random.Random) -> str:
    return f"{r.randrange(20, 900)}.{r.randrange(0, 100):02d}"


def _unc_name(r: random.Random) -> str:
    return pick(
        r, "Asep Sunandar", "Euis Rahayu", "Maricel Agbayani", "Jomar Pascua", "Kwame Mensah", "Abena Owusu",
        "Gennaro Esposito", "Carmela Russo", "Sarah Nakato", "Joseph Ssebuliba", "Ayesha Malik", "Rafiq Hossain",
        "Mona Abdelaziz", "Thiago Souza", "Guadalupe Hernández", "Chinedu Okafor",
    )  # fmt: skip


def _unc_hex_word(r: random.Random, n: int) -> str:
    """``n`` hex digits with a letter among them and no run of four decimal digits (which could read as a number)."""
    while True:
        word = rand(r, HEX, n)
        if not any(word[i : i + 4].isdigit() for i in range(max(1, n - 3))):
            return word


def _unc_expiry(r: random.Random) -> tuple[int, int]:
    return r.randrange(1, 13), 2000 + r.randrange(27, 32)


def _unc_cvv(r: random.Random) -> str:
    return str(r.randrange(100, 1000))


def _unc_brand(pan: str) -> str:
    if pan.startswith(("636368", "504175")):
        return "Elo"
    if pan.startswith("606282"):
        return "Hipercard"
    if pan.startswith("5061") or pan.startswith("5060"):
        return "Verve"
    if pan.startswith("5078"):
        return "Meeza"
    return {"4": "Visa", "5": "Master", "2": "Master", "6": "UnionPay"}.get(pan[0], "Card")


def _unc_cielo(r: random.Random, pan: str) -> str:
    """A Cielo API 3.0 ``/1/sales`` body (the merchant headers filtered) with the card inline."""
    month, year = _unc_expiry(r)
    body = {"MerchantOrderId": f"MUD-{rand(r, string.ascii_uppercase, 6)}", "Customer": {"Name": _unc_name(r)},
            "Payment": {"Type": "CreditCard", "Amount": r.randrange(5000, 900000), "Installments": r.randrange(1, 7),
                        "SoftDescriptor": "MUDANCAS",
                        "CreditCard": {"CardNumber": pan, "Holder": _unc_name(r).upper(),
                                       "ExpirationDate": f"{month:02d}/{year}", "SecurityCode": _unc_cvv(r),
                                       "Brand": _unc_brand(pan)}}}  # fmt: skip
    return "POST /1/sales/ " + json.dumps(body, ensure_ascii=False)


def _unc_paymongo(r: random.Random, pan: str) -> str:
    """A PayMongo ``POST /v1/payment_methods`` body with the card's details inline."""
    month, year = _unc_expiry(r)
    body = {"data": {"attributes": {"type": "card", "details": {"card_number": pan, "exp_month": month,
                                                                 "exp_year": year, "cvc": _unc_cvv(r)},
                                    "billing": {"name": _unc_name(r)}}}}  # fmt: skip
    return "POST https://api.paymongo.com/v1/payment_methods " + json.dumps(body)


def _unc_openpay(r: random.Random, pan: str) -> str:
    """An Openpay (Mexico) ``/cards`` body: the holder, the number, the two-digit expiry and the CVV2."""
    month, year = _unc_expiry(r)
    body = {"holder_name": _unc_name(r), "card_number": pan, "cvv2": _unc_cvv(r),
            "expiration_month": f"{month:02d}", "expiration_year": f"{year % 100}"}  # fmt: skip
    return f"openpay POST /v1/{v.uncharted_openpay_pair(r)[0]}/cards {json.dumps(body, ensure_ascii=False)}"


def _unc_fawry(r: random.Random, pan: str) -> str:
    """A Fawry server-to-server card charge with ``cardNumber`` and the expiry (the signature a SHA-256 hex digest)."""
    month, year = _unc_expiry(r)
    body = {"merchantCode": rand(r, ALNUM, 24), "merchantRefNum": _unc_hex_word(r, 10), "paymentMethod": "CARD",
            "cardNumber": pan, "cardExpiryYear": f"{year % 100}", "cardExpiryMonth": f"{month:02d}",
            "cvv": _unc_cvv(r), "amount": _unc_amount(r), "currencyCode": "EGP",
            "signature": hashlib.sha256(r.randbytes(16)).hexdigest()}  # fmt: skip
    return "POST /ECommerceWeb/Fawry/payments/charge " + json.dumps(body)


def _unc_quoted_printable(r: random.Random, pan: str) -> str:
    """A customer's e-mail as the help desk stored it, quoted-printable, with a soft line break inside the card."""
    month, year = _unc_expiry(r)
    text = v.grouped(pan, v.card_groups(pan), " ")
    cut = r.randrange(6, len(text) - 4)
    return (
        "Content-Transfer-Encoding: quoted-printable\n\nHi, please use my card for the removal deposit: "
        f"{text[:cut]}=\n{text[cut:]} exp {month:02d}/{year % 100} =E2=80=94 thanks"
    )


def _unc_markdown_row(r: random.Random, pan: str) -> str:
    """A row of a Markdown table a planner pasted into the venue's wiki."""
    month, year = _unc_expiry(r)
    return (
        f"| {_unc_name(r)} | deposit {_unc_amount(r)} | {v.grouped(pan, v.card_groups(pan), ' ')} | "
        f"{month:02d}/{year % 100} | {_unc_cvv(r)} |"
    )


def _unc_yaml_card(r: random.Random, pan: str) -> str:
    """A YAML fixture somebody filled with a real card."""
    month, year = _unc_expiry(r)
    return f"payment:\n  card:\n    number: '{pan}'\n    exp: '{month:02d}/{year}'\n    cvc: '{_unc_cvv(r)}'"


_UNC_BICS = {"HABB": "HABBPKKA", "MEZN": "MEZNPKKA", "UNIL": "UNILPKKA", "SCBL": "SCBLPKKX", "ALFH": "ALFHPKKA",
             "MUCB": "MUCBPKKA", "0019": "NBEGEGCX", "0003": "BMISEGCX", "0002": "BMISEGCX", "0037": "CIBEEGCX",
             "00000000": "BRASBRRJ", "00360305": "CEFXBRSP", "60701190": "ITAUBRSP",
             "90400888": "BSCHBRSP"}  # fmt: skip


def _unc_bic(iban: str) -> str:
    compact = iban.replace(" ", "")
    bank = {"PK": compact[4:8], "EG": compact[4:8], "BR": compact[4:12]}[compact[:2]]
    return _UNC_BICS[bank]


def _unc_raast(r: random.Random, iban: str) -> str:
    """A Raast (Pakistan's instant payment system) P2P request from a bank's app with the payee's IBAN."""
    body = {"payer": {"alias": "raast-id:" + _unc_hex_word(r, 8)},
            "payee": {"iban": iban.replace(" ", ""), "title": _unc_name(r).upper()},
            "amount": {"value": f"{r.randrange(500, 90000)}.00", "currency": "PKR"}, "purposeCode": "0350",
            "remarks": "moving advance"}  # fmt: skip
    return "raast p2p request " + json.dumps(body)


def _unc_instapay(r: random.Random, iban: str) -> str:
    """An InstaPay (Egypt) transfer as the bank's statement export prints it."""
    return (
        f"InstaPay transfer | to: {_unc_name(r)} | IBAN: {iban} | amount: EGP {_unc_amount(r)} | "
        f"ref: IPN-{_unc_hex_word(r, 10).upper()}"
    )


def _unc_bulk_csv(r: random.Random, iban: str) -> str:
    """A line of a bank's bulk-payment upload (beneficiary, IBAN, amount, purpose)."""
    return f'"{_unc_name(r)}","{iban.replace(" ", "")}","{_unc_amount(r)}","SALARY","Driving instructor Feb"'


def _unc_nium(r: random.Random, iban: str) -> str:
    """A Nium payout beneficiary with the account as IBAN and the bank's SWIFT code."""
    body = {"beneficiaryName": _unc_name(r), "beneficiaryAccountType": "Individual",
            "beneficiaryAccountNumber": iban.replace(" ", ""), "routingCodeType1": "SWIFT",
            "routingCodeValue1": _unc_bic(iban), "destinationCountry": iban[:2],
            "payoutMethod": "LOCAL"}  # fmt: skip
    return "POST /api/v2/client/beneficiaries " + json.dumps(body, ensure_ascii=False)


def _unc_zoho_vendor(r: random.Random, iban: str) -> str:
    """A Zoho Books vendor with a bank account in IBAN form."""
    body = {"contact_name": pick(r, "Venue Linens Co.", "Cairo Movers", "Recife Mudanças Ltda"),
            "contact_type": "vendor",
            "bank_accounts": [{"account_holder_name": _unc_name(r), "bank_name": pick(r, "HBL", "NBE", "Caixa"),
                               "iban": iban.replace(" ", ""), "swift_code": _unc_bic(iban)}]}  # fmt: skip
    return "POST /books/v3/contacts " + json.dumps(body, ensure_ascii=False)


def _unc_jcard(r: random.Random) -> str:
    """A jCard (RFC 7095) contact with one ``tel`` property as a ``tel:`` URI."""
    number = v.uncharted_e164(r, r.choice(_unc_regions()))
    card = ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", _unc_name(r)],
                      ["tel", {"type": ["cell", "voice"]}, "uri", f"tel:{number}"]]]  # fmt: skip
    return json.dumps(card, ensure_ascii=False)


def _unc_sip_from(r: random.Random) -> str:
    """A SIP INVITE's ``From`` and ``Contact`` headers with the caller's number (a Kamailio debug capture)."""
    number = v.uncharted_e164(r, r.choice(_unc_regions()))
    tag = _unc_hex_word(r, 10)
    return f'From: "{_unc_name(r)}" <sip:{number}@trunk.voip.example;user=phone>;tag={tag}'


def _unc_split_phone(r: random.Random) -> str:
    """A form's JSON with the number split across a dial code and a national number."""
    region = r.choice(_unc_regions())
    number = v.uncharted_e164(r, region, "MOBILE")
    code = "+" + str(phonenumbers.parse(number).country_code)
    return json.dumps({"contact": {"dialCode": code, "country": region, "phoneNumber": number[len(code) :]}})


def _unc_callerid(r: random.Random) -> str:
    """An Asterisk CDR's ``clid`` with the caller's national number."""
    region = r.choice(_unc_regions())
    number = phonenumbers.parse(v.uncharted_e164(r, region, "MOBILE"))
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    national = national.replace(" ", "").replace("-", "").replace("(", "").replace(")", "")
    return f'clid="{_unc_name(r)}" <{national}>,dcontext=from-trunk,disposition=ANSWERED'


def _unc_nagad_key(r: random.Random) -> str:
    body = v.b64(r.randbytes(r.randrange(600, 700)))
    lines = "\\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN PRIVATE KEY-----\\n{lines}\\n-----END PRIVATE KEY-----"


UNCHARTED_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: f"typebot: OpenAI block credentials apiKey={v.openai_legacy(r)} (from 2023)"),
    "openai_project_key": _p(
        lambda r: f'karakeep: {{"OPENAI_API_KEY": "{v.openai_project(r)}", "INFERENCE_TEXT_MODEL": "gpt-4.1-mini"}}',
        lambda r: f"argilla: OPENAI_API_KEY={v.openai_project(r)} for the suggestion job",
    ),
    "anthropic_api_key": _p(
        lambda r: f"formbricks: AI_PROVIDER=anthropic AI_API_KEY={v.anthropic(r)}",
        lambda r: f"x-api-key: {v.anthropic(r)}",
    ),
    "deepseek_api_key": _p(lambda r: f'tandoor: {{"ai_provider": "deepseek", "api_key": "{v.deepseek(r)}"}}'),
    "aws_access_key_id": _p(
        lambda r: f"AWS_ACCESS_KEY_ID={v.aws_key_id(r)}\nS3_BUCKET=penpot-assets",
        lambda r: f"gotenberg webhook upload as {v.aws_key_id(r)} denied: SignatureDoesNotMatch",
    ),
    "aws_secret_access_key": _p(lambda r: f"AWS_SECRET_ACCESS_KEY={v.aws_secret(r)}\nAWS_REGION=ap-southeast-1"),
    "aws_session_token": _p(lambda r: f"set AWS_SESSION_TOKEN={v.aws_session_token(r)}"),
    "github_classic_token": _p(lambda r: f"caprover: deploy from github with token {v.github_token(r, 'ghp')}"),
    "github_oauth_token": _p(
        lambda r: f'hedgedoc github login: {{"access_token": "{v.github_token(r, "gho")}", "token_type": "bearer"}}'
    ),
    "github_app_token": _p(lambda r: f"dokploy: cloning as installation, token={v.github_token(r, 'ghs')}"),
    "github_refresh_token": _p(lambda r: f"grant_type=refresh_token&refresh_token={v.github_token(r, 'ghr')}"),
    "github_fine_grained_token": _p(
        lambda r: f"NETBOX_SCRIPTS_TOKEN=github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)}"
    ),
    "gitlab_token": _p(lambda r: f"caprover: git pull with PRIVATE-TOKEN: glpat-{rand(r, ALNUM + '_-', 20)}"),
    "slack_token": _p(lambda r: f"healthchecks: Slack integration token {v.slack_token(r)}"),
    "slack_webhook": _p(
        lambda r: (
            f"formbricks integration -> https://hooks.slack.com/services/T{rand(r, v.UPPER, 10)}/"
            f"B{rand(r, v.UPPER, 10)}/{rand(r, ALNUM, 24)}"
        )
    ),
    "stripe_key": _p(
        lambda r: f"STRIPE_SECRET_KEY={v.stripe_key(r)}\nSTRIPE_PUBLISHABLE_KEY=pk_live_{rand(r, ALNUM, 24)}"
    ),
    "google_api_key": _p(lambda r: f"GOOGLE_MAPS_KEY=AIza{rand(r, ALNUM + '_-', 35)} # venue map embed"),
    "google_oauth_client_secret": _p(
        lambda r: (
            f'{{"installed":{{"client_id":"{v.uncharted_digits(r, 12)}-'
            f'{rand(r, string.ascii_lowercase + string.digits, 32)}.apps.googleusercontent.com","client_secret":'
            f'"GOCSPX-{rand(r, ALNUM + "_-", 28)}"}}}}'
        )
    ),
    "gcp_oauth_token": _p(lambda r: f"hedgedoc google drive export: access_token={v.gcp_token(r)}"),
    "twilio_api_key": _p(lambda r: f"TWILIO_API_KEY_SID=SK{rand(r, HEX, 32)}"),
    "sendgrid_api_key": _p(lambda r: f"SMTP_PASSWORD=SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}"),
    "huggingface_token": _p(lambda r: f"argilla: HF_TOKEN=hf_{rand(r, ALNUM, 34)} to push the dataset"),
    "npm_token": _p(lambda r: f"NPM_CONFIG_//registry.npmjs.org/:_authToken=npm_{rand(r, ALNUM, 36)}"),
    "pypi_token": _p(
        lambda r: f"[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc{rand(r, ALNUM + '_-', 80)}"
    ),
    "shopify_token": _p(lambda r: f"typebot webhook headers: X-Shopify-Access-Token: shpat_{rand(r, HEX, 32)}"),
    "digitalocean_token": _p(lambda r: f"caprover: DO_TOKEN=dop_v1_{rand(r, HEX, 64)} for the droplet backups"),
    "telegram_bot_token": _p(
        lambda r: f"healthchecks: telegram bot {v.uncharted_digits(r, 10, '7')}:AA{rand(r, ALNUM + '_-', 33)} added"
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "STORAGE_URL=DefaultEndpointsProtocol=https;AccountName=venuedocs;AccountKey="
            f"{v.azure_account_key(r)};EndpointSuffix=core.windows.net"
        )
    ),
    "azure_sas_token": _p(
        lambda r: (
            f"https://venuedocs.blob.core.windows.net/contracts/{_unc_hex_word(r, 8)}.pdf?sv=2025-01-05&ss=b&"
            f"srt=o&sp=r&se=2026-03-01T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}"
        )
    ),
    "clickhouse_cloud_key": _p(
        lambda r: (
            f"unkey analytics: CLICKHOUSE_KEY_ID={rand(r, ALNUM, 20)} CLICKHOUSE_KEY_SECRET={v.clickhouse_secret(r)}"
        )
    ),
    "jwt": _p(
        lambda r: f"LABELBOX_API_KEY={v.uncharted_labelbox_jwt(r)}",
        lambda r: f"POST https://management.hygraph.com/graphql Authorization: Bearer {v.uncharted_hygraph_jwt(r)}",
        lambda r: f"POST /api/v1/sendSessionMessage/63... Authorization: Bearer {v.uncharted_wati_jwt(r)}",
        lambda r: f"x-captain-auth: {v.uncharted_caprover_jwt(r)}",
        lambda r: f"GET /api/v1/links Authorization: Bearer {v.uncharted_linkwarden_jwt(r)}",
        lambda r: f'beams tokenProvider response {{"token": "{v.uncharted_beams_jwt(r)}"}}',
        lambda r: f'nhost session {{"accessToken": "{v.uncharted_nhost_jwt(r)}", "accessTokenExpiresIn": 900}}',
        lambda r: f"Cookie: privy-token={v.uncharted_privy_jwt(r)}",
        lambda r: (
            "<tableau-viz src='https://eu-west-1a.online.tableau.com/views/Bookings' "
            f"token='{v.uncharted_tableau_jwt(r)}'>"
        ),
        lambda r: f"https://app.lightdash.cloud/embed/{v.uncharted_uuid(r)}#{v.uncharted_lightdash_jwt(r)}",
    ),
    "private_key": _p(
        lambda r: (
            f'nagad: {{"merchant_id": "{v.uncharted_clean_digits(r, 15)}", '
            f'"merchant_private_key": "{_unc_nagad_key(r)}"}}'
        ),
        lambda r: (
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
            + "\n".join(v.b64(r.randbytes(48)) for _ in range(4))
            + "\n-----END ENCRYPTED PRIVATE KEY-----"
        ),
    ),
    "url_credentials": _p(
        lambda r: f"DATABASE_URL=postgresql://typebot:{_unc_url_password(r)}@db:5432/typebot",
        lambda r: f"PENPOT_DATABASE_URI=postgresql://penpot:{_unc_url_password(r)}@postgres/penpot",
        lambda r: f"CMD_DB_URL=mysql://hedgedoc:{_unc_url_password(r)}@mariadb:3306/hedgedoc",
        lambda r: f"REDIS_URL=redis://default:{_unc_url_password(r)}@redis:6379/1",
        lambda r: f"SMTP_URL=smtps://venue-mailer:{_unc_url_password(r)}@smtp.mail.example:465",
    ),
    "password_assignment": _p(
        lambda r: (
            f"pp_MerchantID=MC{r.randrange(100, 999)}&pp_Password={v.uncharted_jazzcash_secret(r)}&pp_TxnType=MWALLET"
        ),
        lambda r: f"store_id=movers64f1a&store_passwd={v.uncharted_sslcommerz_password(r)}&total_amount=4500",
        lambda r: f"NETBOX_SUPERUSER_PASSWORD={_unc_password(r)}",
        lambda r: f"DB_PASSWORD={_unc_password(r)}",
        lambda r: f"bkash grant request headers: username=venue_merchant password={_unc_password(r)}",
        lambda r: f'penpot: PENPOT_SMTP_PASSWORD="{_unc_password(r)}"',
    ),
    "sql_identified_by": _p(
        lambda r: f"CREATE USER hedgedoc@'%' IDENTIFIED BY '{_unc_password(r)}';",
        lambda r: f"ALTER USER netbox WITH PASSWORD '{_unc_password(r)}';",
    ),
    "bearer_token": _p(
        lambda r: f"POST /v1/charges Authorization: Bearer {v.uncharted_conekta_key(r)}",
        lambda r: f"POST /orders Authorization: Bearer {v.uncharted_pagbank_token(r)}",
        lambda r: f"GET /api/v1/documents Authorization: Bearer {v.uncharted_datocms_token(r)}",
        lambda r: f"POST /api/v1/write Authorization: Bearer {v.uncharted_builder_key(r)}",
        lambda r: f"POST / Authorization: Bearer {v.uncharted_fauna_secret(r)}",
        lambda r: f"GET /crm/v3/objects/contacts Authorization: Bearer {v.uncharted_hubspot_token(r)}",
        lambda r: f"GET /v2/objects/people/records Authorization: Bearer {v.uncharted_attio_token(r)}",
        lambda r: f"POST /v1/workflows/reminder/trigger Authorization: Bearer {v.uncharted_knock_key(r)}",
        lambda r: f"GET /forms Authorization: Bearer {v.uncharted_tally_key(r)}",
        lambda r: f"POST /v1/messages Authorization: Bearer {v.uncharted_webex_token(r)}",
        lambda r: f"POST /open-apis/im/v1/messages Authorization: Bearer {v.uncharted_lark_tenant_token(r)}",
        lambda r: f"GET /2/tweets/search/recent Authorization: Bearer {v.uncharted_x_bearer(r)}",
        lambda r: f"GET /v5/boards Authorization: Bearer {v.uncharted_pinterest_token(r)}",
        lambda r: f"POST /v1/drafts Authorization: Bearer {v.uncharted_missive_token(r)}",
        lambda r: f"GET /api/v1/bookmarks Authorization: Bearer {v.uncharted_karakeep_key(r)}",
        lambda r: f"GET /api/recipe/ Authorization: Bearer {v.uncharted_tandoor_token(r)}",
        lambda r: f"POST /v1/keys.createKey Authorization: Bearer {v.uncharted_unkey_root_key(r)}",
        lambda r: f"GET /api/v1/typebots Authorization: Bearer {v.uncharted_typebot_token(r)}",
    ),
    "basic_auth": _p(
        lambda r: f"POST /v1/payment_intents Authorization: Basic {_unc_basic(v.uncharted_paymongo_key(r), '')}",
        lambda r: f"POST /v1/charges Authorization: Basic {_unc_basic(v.uncharted_openpay_pair(r)[1], '')}",
        lambda r: f"POST /v1/task/categorization Authorization: Basic {_unc_basic(v.uncharted_scale_key(r), '')}",
        lambda r: f"POST /v1/extract Authorization: Basic {_unc_basic(v.uncharted_zyte_key(r), '')}",
        lambda r: f"POST /api/v1/track Authorization: Basic {_unc_basic(*v.uncharted_customerio_pair(r))}",
        lambda r: f"GET /api/v2/users Authorization: Basic {v.uncharted_fullstory_key(r)}",
    ),
    "session_cookie": _p(
        lambda r: f'Cookie: account="!{v.b64(r.randbytes(16))}?{v.b64(r.randbytes(r.randrange(60, 120)))}"',
        lambda r: f"Cookie: mysession={v.b64url(b'MTc3' + r.randbytes(r.randrange(90, 160)))}",
        lambda r: f"Cookie: session_id={_unc_hex_word(r, 40)}",
        lambda r: f"Cookie: vertx-web.session={_unc_hex_word(r, 32)}",
        lambda r: (
            "Cookie: FedAuth="
            + v.b64(
                (
                    '\ufeff<?xml version="1.0" encoding="utf-8"?><SP>V13,0#.w|venue\\planner,'
                    + v.b64(r.randbytes(24))
                    + ",False,True,"
                    + rand(r, HEX, 32)
                    + "</SP>"
                ).encode()
            )
            + "; rtFa="
            + v.b64(r.randbytes(96))
        ),
        lambda r: f"Cookie: CONCRETE={rand(r, string.ascii_lowercase + string.digits, 26)}; CONCRETE_LOGIN=1",
        lambda r: (
            "Cookie: october_session="
            + v.b64(
                json.dumps(
                    {
                        "iv": v.b64(r.randbytes(16)),
                        "value": v.b64(r.randbytes(112)),
                        "mac": rand(r, HEX, 64),
                        "tag": "",
                    },
                    separators=(",", ":"),
                ).encode()
            ).rstrip("=")
        ),
    ),
    "auth_token_assignment": _p(
        lambda r: f"https://detect.roboflow.com/venue-seating/3?api_key={v.uncharted_roboflow_key(r)}",
        lambda r: (
            f"https://api.diffbot.com/v3/article?token={v.uncharted_diffbot_token(r)}&url=https%3A%2F%2Fnews.example"
        ),
        lambda r: f"https://oapi.dingtalk.com/robot/send?access_token={v.uncharted_dingtalk_token(r)}",
        lambda r: f"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={v.uncharted_wecom_key(r)}",
        lambda r: f"GET /cgi-bin/gettoken?corpid=ww{_unc_hex_word(r, 16)}&corpsecret={v.uncharted_wecom_corpsecret(r)}",
        lambda r: f"HUBSPOT_ACCESS_TOKEN={v.uncharted_hubspot_token(r)}",
        lambda r: f"TYPEBOT_API_TOKEN={v.uncharted_typebot_token(r)}",
    ),
    "generic_secret": _p(
        lambda r: f"access_token: {v.uncharted_asaas_key(r)}",
        lambda r: f"MerchantId: {v.uncharted_cielo_pair(r)[0]}\nMerchantKey: {v.uncharted_cielo_pair(r)[1]}",
        lambda r: f"POST /v1/intention/ Authorization: Token {v.uncharted_paymob_key(r)}",
        lambda r: f'{{"app_key": "{v.uncharted_bkash_pair(r)[0]}", "app_secret": "{v.uncharted_bkash_pair(r)[1]}"}}',
        lambda r: f"POST /rest/track-request X-API-KEY: {v.uncharted_promptlayer_key(r)}",
        lambda r: f"Galileo-API-Key: {v.uncharted_galileo_key(r)}",
        lambda r: f"GET /_search Authorization: ApiKey {v.uncharted_elastic_key(r)}",
        lambda r: f"X-API-TOKEN: {v.uncharted_qualtrics_token(r)}",
        lambda r: f'{{"app_id": "cli_{_unc_hex_word(r, 16)}", "app_secret": "{v.uncharted_lark_secret(r)}"}}',
        lambda r: f"dingtalk robot sign secret: {v.uncharted_dingtalk_sign_secret(r)}",
        lambda r: f"POST /v3.0/oa/message/cs access_token: {v.uncharted_zalo_token(r)}",
        lambda r: f"GET /open_api/v1.3/advertiser/info/ Access-Token: {v.uncharted_tiktok_token(r)}",
        lambda r: f"POST /wa/api/v1/msg apikey: {v.uncharted_gupshup_key(r)}",
        lambda r: f"GET /api/v1/management/responses x-api-key: {v.uncharted_formbricks_key(r)}",
        lambda r: f"GET /api/dcim/devices/ Authorization: Token {v.uncharted_netbox_token(r)}",
        lambda r: f"X-Argilla-Api-Key: {v.uncharted_argilla_key(r)}",
        lambda r: f"POST /api/v1/documents Authorization: {v.uncharted_documenso_token(r)}",
        lambda r: f"POST /api/v1/general/merge-pdfs X-API-KEY: {v.uncharted_stirling_key(r)}",
        lambda r: f"GET /rest/v3/short-urls X-Api-Key: {v.uncharted_shlink_key(r)}",
        lambda r: f"GET /api/v3/checks/ X-Api-Key: {v.uncharted_healthchecks_key(r)}",
        lambda r: f"x-api-key: {v.uncharted_dokploy_key(r)}",
    ),
    "password_hash": _p(
        lambda r: f"ethereum2john.py keystore.json: {v.uncharted_password_hash(r, 'ethereum_scrypt')}",
        lambda r: f"electrum2john.py default_wallet: {v.uncharted_password_hash(r, 'electrum')}",
        lambda r: f"bitcoin2john.py wallet.dat: {v.uncharted_password_hash(r, 'bitcoin_wallet')}",
        lambda r: f"metamask2hashcat.py vault.json: {v.uncharted_password_hash(r, 'metamask')}",
        lambda r: f"bitwarden2hashcat.py data.json: {v.uncharted_password_hash(r, 'bitwarden')}",
        lambda r: f"telegram2john.py tdata: {v.uncharted_password_hash(r, 'telegram_desktop')}",
        lambda r: f"itunes_backup2hashcat.pl Manifest.plist: {v.uncharted_password_hash(r, 'itunes_backup')}",
        lambda r: f"vmx2john.py venue-pc.vmx: {v.uncharted_password_hash(r, 'vmx')}",
    ),
    "credential_phrase": _p(
        lambda r: f"Kecap konci wifi nyaéta {_unc_password(r)}",
        lambda r: f"Ti password ti wifi ket {_unc_password(r)}",
        lambda r: f"Wifi password no ne {_unc_password(r)}",
        lambda r: f"'A password d'o wifi è {_unc_password(r)}",
        lambda r: f"Ekigambo eky'ekyama ekya wifi ye {_unc_password(r)}",
        lambda r: f"instructor tablet was reset, the login is now {_unc_password(r)} until IT comes back",
        lambda r: f"the venue's laptop: user 'planner', pass {_unc_password(r)} — don't change it before Saturday",
    ),
    "email": _p(
        lambda r: f"hedgedoc: note shared with {v.uncharted_email(r)}",
        lambda r: f"formbricks: response from {v.uncharted_email(r)} saved",
        lambda r: f'{{"learner": {{"email": "{v.uncharted_email(r)}", "package": "10 lessons"}}}}',
        lambda r: f"GET /unsubscribe?e={urllib.parse.quote(v.uncharted_email(r), safe='')}&list=venue-news",
        lambda r: f"Reply-To: {_unc_name(r)} <{v.uncharted_email(r)}>",
    ),
    "ipv4": _p(
        lambda r: f"gotenberg: request from {v.ipv4(r)} rejected (allow-list)",
        lambda r: f"netbox: login from {v.ipv4(r)} user=planner",
        lambda r: f"caprover: node joined swarm advertise-addr={v.ipv4(r)}",
        lambda r: f"unkey: ratelimit hit for ip {v.ipv4(r)}",
        lambda r: f"healthchecks: ping from {v.ipv4(r)} for check {_unc_hex_word(r, 8)}",
    ),
    "ipv6": _p(
        lambda r: f"karakeep: crawler fetched via [{v.ipv6(r)}]:443",
        lambda r: f"netbox: ipam address {v.ipv6(r)}/64 assigned",
    ),
    "phone": _p(
        lambda r: _unc_jcard(r),
        lambda r: _unc_sip_from(r),
        lambda r: _unc_split_phone(r),
        lambda r: _unc_callerid(r),
        lambda r: f'<a href="{v.uncharted_phone_uri(r, _unc_regions())}">Message us</a>',
        lambda r: f"Telepon abdi: {_unc_phone(r)}",
        lambda r: f"Tawagannak iti {_unc_phone(r)}",
        lambda r: f"Frɛ me wɔ {_unc_phone(r)}",
        lambda r: f"Chiammateme ô {_unc_phone(r)}",
        lambda r: f"Nkubira ku {_unc_phone(r)}",
    ),
    "payment_card": _p(
        lambda r: _unc_cielo(r, v.uncharted_card_number(r, pick(r, "elo", "hipercard", "visa"))),
        lambda r: _unc_paymongo(r, v.uncharted_card_number(r, pick(r, "visa", "mastercard"))),
        lambda r: _unc_openpay(r, v.uncharted_card_number(r, pick(r, "visa", "mastercard"))),
        lambda r: _unc_fawry(r, v.uncharted_card_number(r, pick(r, "meeza", "visa", "mastercard"))),
        lambda r: _unc_quoted_printable(r, v.uncharted_card_number(r, pick(r, "verve", "visa"))),
        lambda r: _unc_markdown_row(r, v.uncharted_card_number(r, pick(r, "mastercard", "unionpay"))),
        lambda r: _unc_yaml_card(r, v.uncharted_card_number(r)),
    ),
    "iban": _p(
        lambda r: _unc_raast(r, v.uncharted_iban(r, country="PK")),
        lambda r: _unc_instapay(r, v.uncharted_iban(r, country="EG", grouped=True)),
        lambda r: _unc_bulk_csv(r, v.uncharted_iban(r, country="PK")),
        lambda r: _unc_nium(r, v.uncharted_iban(r, country="BR")),
        lambda r: _unc_zoho_vendor(r, v.uncharted_iban(r)),
        lambda r: f"Dados bancários para o sinal: {v.uncharted_iban(r, country='BR', grouped=True)}",
    ),
}

UNCHARTED_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: "typebot: OpenAI block has no credentials selected"),
    "openai_project_key": _p(
        lambda r: 'karakeep: {"OPENAI_API_KEY": "${OPENAI_API_KEY}", "INFERENCE_TEXT_MODEL": "gpt-4.1-mini"}',
        lambda r: "argilla: OPENAI_API_KEY=vault:secret/data/argilla#openai",
    ),
    "anthropic_api_key": _p(lambda r: "formbricks: AI_API_KEY is unset, AI features disabled"),
    "deepseek_api_key": _p(lambda r: f"tandoor: imported recipe sk-{rand(r, HEX, 6)}-adobo.json"),
    "aws_access_key_id": _p(lambda r: "AWS_ACCESS_KEY_ID=  # penpot uses the instance profile"),
    "aws_secret_access_key": _p(lambda r: "AWS_SECRET_ACCESS_KEY={{ vault 'aws/penpot' }}"),
    "aws_session_token": _p(lambda r: "aws sso login --profile venue (session cached)"),
    "github_classic_token": _p(
        lambda r: "caprover: deploy from github with token ghp_************************************"
    ),
    "github_oauth_token": _p(
        lambda r: '{"error": "bad_verification_code", "error_description": "The code passed is incorrect"}'
    ),
    "github_app_token": _p(lambda r: "dokploy: installation token refreshed, expires in 3600s"),
    "github_refresh_token": _p(lambda r: "grant_type=refresh_token&refresh_token=${GH_REFRESH}"),
    "github_fine_grained_token": _p(lambda r: "NETBOX_SCRIPTS_TOKEN=github_pat_<fine-grained, read-only>"),
    "gitlab_token": _p(lambda r: "caprover: git pull with PRIVATE-TOKEN: [hidden]"),
    "slack_token": _p(lambda r: "healthchecks: Slack integration token revoked by workspace admin"),
    "slack_webhook": _p(lambda r: "formbricks integration -> https://hooks.slack.com/services/{{ SLACK_PATH }}"),
    "stripe_key": _p(lambda r: f"STRIPE_PUBLISHABLE_KEY=pk_live_{rand(r, ALNUM, 24)}"),
    "google_api_key": _p(lambda r: "GOOGLE_MAPS_KEY=AIzaSy...REPLACE_ME"),
    "google_oauth_client_secret": _p(
        lambda r: (
            f'{{"installed":{{"client_id":"{v.uncharted_digits(r, 12)}-'
            f'{rand(r, string.ascii_lowercase + string.digits, 32)}.apps.googleusercontent.com"}}}}'
        )
    ),
    "gcp_oauth_token": _p(lambda r: "hedgedoc google drive export: token expired, reconnect"),
    "twilio_api_key": _p(lambda r: f"twilio call CA{rand(r, HEX, 32)} completed"),
    "sendgrid_api_key": _p(lambda r: "SMTP_PASSWORD=SG.<redacted>"),
    "huggingface_token": _p(lambda r: "argilla: HF_TOKEN not set, dataset kept private on the server"),
    "npm_token": _p(lambda r: "NPM_CONFIG_//registry.npmjs.org/:_authToken=${NPM_TOKEN}"),
    "pypi_token": _p(lambda r: "[pypi]\nusername = __token__\npassword = <from keyring>"),
    "shopify_token": _p(lambda r: "X-Shopify-Access-Token: {{variables.shopifyToken}}"),
    "digitalocean_token": _p(lambda r: "caprover: DO_TOKEN is empty, backups go to local disk"),
    "telegram_bot_token": _p(lambda r: "healthchecks: telegram chat -100********** linked"),
    "azure_storage_connection_string": _p(lambda r: "STORAGE_URL=UseDevelopmentStorage=true"),
    "azure_sas_token": _p(lambda r: "https://venuedocs.blob.core.windows.net/public/floorplan.pdf (anonymous read)"),
    "clickhouse_cloud_key": _p(lambda r: "unkey analytics: CLICKHOUSE_URL=http://clickhouse:8123 (no auth, local)"),
    "jwt": _p(
        lambda r: "LABELBOX_API_KEY=<paste the key from Workspace settings>",
        lambda r: "x-captain-auth header missing, redirecting to /login",
        lambda r: "jwt: only the header eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9 was logged (payload dropped)",
        lambda r: f"privy: token for did:privy:{rand(r, string.ascii_lowercase + string.digits, 25)} expired",
    ),
    "private_key": _p(
        lambda r: (
            f'nagad: {{"merchant_id": "{v.uncharted_clean_digits(r, 15)}", "nagad_public_key": '
            f'"-----BEGIN PUBLIC KEY-----\\n{v.b64(r.randbytes(48))}\\n-----END PUBLIC KEY-----"}}'
        ),
        lambda r: (
            "-----BEGIN CERTIFICATE REQUEST-----\n" + v.b64(r.randbytes(48)) + "\n-----END CERTIFICATE REQUEST-----"
        ),
    ),
    "url_credentials": _p(
        lambda r: "DATABASE_URL=postgresql://typebot@db:5432/typebot?sslmode=require",
        lambda r: "PENPOT_DATABASE_URI=postgresql://postgres/penpot (password from PENPOT_DATABASE_PASSWORD)",
        lambda r: "SMTP_URL=smtps://smtp.mail.example:465",
        lambda r: "https://venue.example/@planner/board (a profile URL)",
    ),
    "password_assignment": _p(
        lambda r: "pp_Password=&pp_TxnType=MWALLET (sandbox form, left empty)",
        lambda r: "store_passwd=${SSLCOMMERZ_STORE_PASSWORD}",
        lambda r: "NETBOX_SUPERUSER_PASSWORD_FILE=/run/secrets/netbox_admin",
        lambda r: "DB_PASSWORD: !vault |",
    ),
    "sql_identified_by": _p(lambda r: "CREATE USER hedgedoc@'%' IDENTIFIED VIA unix_socket;"),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer {{ $secrets.HUBSPOT_TOKEN }}",
        lambda r: "Authorization: Bearer ***",
        lambda r: 'WWW-Authenticate: Bearer realm="karakeep", error="invalid_token"',
    ),
    "basic_auth": _p(
        lambda r: 'WWW-Authenticate: Basic realm="Stirling-PDF"',
        lambda r: "Authorization: Basic <base64(secret_key:)>",
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: october_session=deleted; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/",
        lambda r: "Cookie: concrete_theme=dark; CONCRETE_LOGIN=0",
        lambda r: "Cookie: FedAuth=; WSS_FullScreenMode=false",
        lambda r: f"Cookie: tandoor_lang={pick(r, 'fil', 'id', 'it')}; cookieconsent_status=dismiss",
    ),
    "auth_token_assignment": _p(
        lambda r: "https://detect.roboflow.com/venue-seating/3?api_key=YOUR_ROBOFLOW_API_KEY",
        lambda r: "https://oapi.dingtalk.com/robot/send?access_token=${DINGTALK_TOKEN}",
        lambda r: "TYPEBOT_API_TOKEN_FILE=/run/secrets/typebot",
    ),
    "generic_secret": _p(
        lambda r: f"PAYMONGO_PUBLIC_KEY={v.uncharted_paymongo_key(r, secret=False)}",
        lambda r: f"MerchantId: {v.uncharted_cielo_pair(r)[0]}",
        lambda r: (
            "<script src='https://accept.paymob.com/unifiedcheckout/?publicKey="
            f"{v.uncharted_paymob_key(r, secret=False)}'>"
        ),
        lambda r: "X-Argilla-Api-Key: argilla.apikey  # the quickstart image's default",
        lambda r: f"BUILDER_PUBLIC_KEY={v.uncharted_builder_key(r, private=False)}",
        lambda r: f"knock client: new Knock('{v.uncharted_knock_key(r, secret=False)}')",
        lambda r: f"fawry signature={hashlib.sha256(r.randbytes(16)).hexdigest()}",
        lambda r: f"pp_SecureHash={rand(r, HEX.upper(), 64)}",
    ),
    "password_hash": _p(
        lambda r: f"sha256sum wallet.dat: {hashlib.sha256(r.randbytes(8)).hexdigest()}",
        lambda r: "bitcoin2john.py: wallet.dat is not encrypted",
        lambda r: f'keystore {{"address": "{rand(r, HEX, 40)}", "crypto": {{"kdf": "scrypt"}}}} (truncated)',
        lambda r: f"Telegram Desktop {r.randrange(4, 6)}.{r.randrange(0, 20)}.{r.randrange(0, 9)} local passcode: off",
    ),
    "credential_phrase": _p(
        lambda r: "Hilap kecap konci?",
        lambda r: "Nalipatam ti password-mo?",
        lambda r: "Wo werɛ afi wo password?",
        lambda r: "T'è scurdata 'a password?",
        lambda r: "Weerabidde ekigambo ky'ekyama?",
        lambda r: "The venue's password policy now asks for 12 characters and a symbol.",
    ),
    "email": _p(
        lambda r: f"image: ghcr.io/karakeep-app/karakeep@sha256:{rand(r, HEX, 64)}",
        lambda r: "SMTP_FROM=${MAIL_FROM}",
        lambda r: "mailto:{{ learner.email }}",
        lambda r: f"instagram: @{pick(r, 'venue.cebu', 'recife.mudancas')} tagged you",
    ),
    "ipv4": _p(
        lambda r: (
            f"netbox v4.{r.randrange(0, 4)}.{r.randrange(0, 9)}.{r.randrange(1, 9)} (build {_unc_hex_word(r, 7)})"
        ),
        lambda r: (
            f"pickup at {r.choice((14, -6, 6, 30, -8))}.{r.randrange(100, 999)}, "
            f"{r.choice((121, 106, 3, 31, -34))}.{r.randrange(100, 999)}"
        ),
        lambda r: "gotenberg: api listening on 0.0.0.0:3000",
    ),
    "ipv6": _p(
        lambda r: "unkey: listening on [::]:8080",
        lambda r: "karakeep: selector article::before dropped from the readable view",
    ),
    "phone": _p(
        lambda r: f"callback {v.uncharted_invalid_phone(r, _unc_regions())}",
        lambda r: f"order {v.uncharted_order_ref(r)} packed",
        lambda r: f"invoice no. {v.uncharted_order_ref(r)}",
        lambda r: f"waybill {v.uncharted_order_ref(r)} out for delivery",
        lambda r: (
            f"exported 2026-02-{r.randrange(10, 28)} {r.randrange(10, 24)}:{r.randrange(10, 60)}:{r.randrange(10, 60)}"
        ),
        lambda r: f"CNIC {v.uncharted_cnic(r)}",
        lambda r: f"CPF {v.uncharted_cpf(r)}",
        lambda r: "mobile +63 9** *** **12",
    ),
    "payment_card": _p(
        lambda r: f"NIK {v.uncharted_nik(r)}",
        lambda r: f"CLABE {v.uncharted_clabe(r)}",
        lambda r: f"card {v.uncharted_card_number(r, 'elo')[:6]}******{r.randrange(1000, 9999)} approved",
        lambda r: f"declined: {v.wrong_last_digit(r, v.uncharted_card_number(r))}",
        lambda r: f"BIN {v.uncharted_card_number(r, 'verve')[:6]} -> Verve, NG",
        lambda r: f"terminal {v.uncharted_clean_digits(r, 8)} merchant {v.uncharted_clean_digits(r, 15)}",
        lambda r: f"refund to {v.uncharted_iban(r, country='PK', grouped=True)} instead of the card",
    ),
    "iban": _p(
        lambda r: f"CLABE {v.uncharted_clabe(r)}",
        lambda r: f"GTBank NUBAN {v.uncharted_nuban(r)}",
        lambda r: (
            f"Ag. {r.randrange(1000, 9999)}-{r.randrange(0, 10)} C/C {r.randrange(10000, 99999)}-{r.randrange(0, 10)}"
        ),
        lambda r: f"IBAN {v.uncharted_iban(r, valid=False)} rejected (checksum)",
        lambda r: f"IBAN EG** **** **** **** **** **** {r.randrange(1000, 9999)}",
        lambda r: "example: PK36SCBL0000001123456702",
        lambda r: "IBAN (registry example) BR1800360305000010009795493C1",
    ),
}

# Own negatives that truthfully hold another class: a refund to an IBAN is an IBAN finding.
UNCHARTED_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("payment_card", 6): frozenset({"iban"}),
}

# ---------------------------------------------------------------------------- the untrodden split's own shapes
#
# Written for the thirty-fourth split only, by a twenty-eighth session that did not read the rules
# (``build_corpus("untrodden")`` puts them before the shared generators, as for the splits since hidden): values in
# payment and messaging vendors' requests and settings of the split's regions (VNPAY, ZaloPay, Omise, 2C2P, iyzico,
# PayTR, Craftgate, Papara, HyperPay, Wompi, ePayco, M-Pesa Daraja, Pesapal, Ozow, eSMS.vn, Unifonic, Taqnyat, Msegat,
# ThaiBulkSMS, SMSPortal, Advanta, Netgsm, LINE) and of AI and SaaS tools (Exa, Trigger.dev, LangWatch, Lunary, ZenRows,
# Scrapfly, Hyperbrowser, Steel, Ultravox, Perigon, Pinata, Infura, Storj, Trendyol, Courier, Mux, Pipedream,
# Activepieces): keys of vendors with no detector of their own in bearers, Basic pairs, custom headers, query strings,
# form and JSON bodies; JWTs of new issuers (Pesapal, Pinata, Tamara, Medusa, Saleor, PocketBase, 2C2P payment tokens,
# Trigger.dev public tokens, Lunary); session cookies of cookie-session (Express), Quarkus form auth, FortiGate SSL-VPN,
# Pulse Secure, Azure App Service authentication, Symfony remember-me and RStudio Server; cloud credentials in
# ClickHouse ``s3()``/``azureBlobStorage()`` calls, Logstash and Java code, ``credential_process`` output and a
# Terraform state; password-derived material of eight families as hashcat's and John's extractors write it (Password
# Safe v3, Firefox key4.db, FileVault 2, AxCrypt, Android backups, Ansible Vault, MultiBit, Blockchain.com wallets);
# cards of Codensa, Tarjeta Shopping, Tarjeta Nevada, BC Card, Troy and mada ranges in iyzico, Wompi, Omise and HyperPay
# bodies, a call-centre note and an SMS; IBANs of Turkey, Saudi Arabia and the UAE in SARIE and FAST transfers, a UAE
# WPS salary file, an e-invoice and a KYB form; phone numbers of eight populous regions in Asterisk ``queue_log`` lines,
# WhatsApp status webhooks, carrier CDRs, schema.org JSON-LD, HTML microdata, RFC 3966 ``phone-context`` URIs, URL-
# encoded forms and SMS gateway CSVs, and sentences in Kikuyu, Dholuo, Sepedi, Xitsonga and White Hmong; and look-alikes
# that are not findings (IMEIs and ICCIDs that pass Luhn, CBUs, booking and tracking numbers grouped like phone numbers,
# ISBNs, build numbers, content digests, git and Docker and IPFS ids, trace ids, signed URLs of public assets, masked
# and documented keys, public keys and merchant ids next to their secrets, password policies and reset notices,
# decorators, package scopes and SSH targets).
# ``UNTRODDEN_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class.


def _utd_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _utd_password(r: random.Random) -> str:
    return v.untrodden_password(r)


def _utd_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.untrodden_password(r), safe="")


def _utd_phone(r: random.Random, international_only: bool = False) -> str:
    return v.untrodden_phone(r, _utd_regions(), international_only)


def _utd_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _utd_word(r: random.Random, n: int) -> str:
    return v._utd_word(r, n)


def _utd_name(r: random.Random) -> str:
    return pick(
        r, "Wanjiru Kamau", "Otieno Achieng", "Lesiba Mokoena", "Nyiko Maluleke", "Pa Vang", "Yer Thao", "Elif Yılmaz",
        "Burak Demir", "Reem Alharbi", "Faisal Alqahtani", "Lucía Fernández", "Martín Gómez", "Valentina Ríos",
        "Nattaporn Srisuk", "Nguyễn Thị Lan", "Trần Văn Minh",
    )  # fmt: skip


def _utd_amount(r: random.Random) -> str:
    return f"{r.randrange(20, 900)}.{r.randrange(0, 100):02d}"


def _utd_expiry(r: random.Random) -> tuple[int, int]:
    return r.randrange(1, 13), 2000 + r.randrange(27, 32)


def _utd_cvv(r: random.Random) -> str:
    return str(r.randrange(100, 1000))


def _utd_iyzico(r: random.Random, pan: str) -> str:
    """An iyzico ``POST /payment/auth`` body with the card inline (Troy and co-badged cards of Turkish banks)."""
    month, year = _utd_expiry(r)
    body = {"locale": "tr", "conversationId": _utd_word(r, 10), "price": _utd_amount(r), "paidPrice": _utd_amount(r),
            "currency": "TRY", "installment": r.choice((1, 3, 6)), "paymentChannel": "WEB",
            "paymentCard": {"cardHolderName": _utd_name(r), "cardNumber": pan, "expireMonth": f"{month:02d}",
                            "expireYear": str(year), "cvc": _utd_cvv(r), "registerCard": 0}}  # fmt: skip
    return "POST /payment/auth " + json.dumps(body, ensure_ascii=False)


def _utd_wompi(r: random.Random, pan: str) -> str:
    """A Wompi (Colombia) card tokenization request (``POST /v1/tokens/cards``)."""
    month, year = _utd_expiry(r)
    body = {"number": pan, "cvc": _utd_cvv(r), "exp_month": f"{month:02d}", "exp_year": f"{year % 100}",
            "card_holder": _utd_name(r)}  # fmt: skip
    return "POST https://production.wompi.co/v1/tokens/cards " + json.dumps(body, ensure_ascii=False)


def _utd_omise(r: random.Random, pan: str) -> str:
    """An Omise token request as a form body (``card[number]``), as the vault logged it."""
    month, year = _utd_expiry(r)
    form = urllib.parse.urlencode({"card[name]": _utd_name(r), "card[number]": pan, "card[expiration_month]": month,
                                   "card[expiration_year]": year, "card[security_code]": _utd_cvv(r)})  # fmt: skip
    return f"POST https://vault.omise.co/tokens {form}"


def _utd_hyperpay(r: random.Random, pan: str) -> str:
    """A HyperPay server-to-server debit (``POST /v1/payments``) with ``card.number`` in the form."""
    month, year = _utd_expiry(r)
    form = urllib.parse.urlencode({"entityId": "8ac" + rand(r, HEX, 29), "amount": _utd_amount(r), "currency": "SAR",
                                   "paymentBrand": pick(r, "MADA", "VISA", "MASTER"), "paymentType": "DB",
                                   "card.number": pan, "card.holder": _utd_name(r), "card.expiryMonth": f"{month:02d}",
                                   "card.expiryYear": str(year), "card.cvv": _utd_cvv(r)})  # fmt: skip
    return f"POST /v1/payments {form}"


def _utd_callcentre(r: random.Random, pan: str) -> str:
    """A call-centre agent's note with the number read out in two halves."""
    month, year = _utd_expiry(r)
    return (
        f"caller gave card {pan[:8]} {pan[8:]} exp {month:02d}/{year % 100}, wants the balloon flight moved to "
        "Thursday — charge the difference"
    )


def _utd_sms(r: random.Random, pan: str) -> str:
    """An SMS a customer sent to the school's number, as the gateway's inbox CSV stored it."""
    return (
        f'"{_utd_word(r, 12)}","inbound","pay with this card pls {v.grouped(pan, [4, 4, 4, 4], "")} cvv {_utd_cvv(r)}"'
    )


def _utd_sarie(r: random.Random, iban: str) -> str:
    """A SARIE (Saudi Arabia) transfer as an online bank's JSON export shows it."""
    body = {"transferType": "SARIE", "beneficiary": {"name": _utd_name(r), "iban": iban.replace(" ", ""),
                                                    "bank": pick(r, "Al Rajhi", "SNB", "Riyad Bank")},
            "amount": {"value": _utd_amount(r), "currency": "SAR"}, "purpose": "Family support"}  # fmt: skip
    return json.dumps(body, ensure_ascii=False)


def _utd_fast(r: random.Random, iban: str) -> str:
    """A Turkish FAST transfer receipt (dekont) line."""
    return f"FAST | Alıcı: {_utd_name(r)} | IBAN: {iban} | Tutar: {_utd_amount(r)} TL | Açıklama: balon turu kapora"


def _utd_wps(r: random.Random, iban: str) -> str:
    """An employee detail record (EDR) of a UAE WPS salary information file: the labour card number, the bank's routing
    code, the IBAN, the pay period and the amounts."""
    return (
        f"EDR,{v.untrodden_clean_digits(r, 14)},{v.untrodden_clean_digits(r, 9)},"
        f"{iban.replace(' ', '')},2026-03-01,2026-03-31,31,{r.randrange(3000, 9000)}.00,0.00,0"
    )


def _utd_einvoice(r: random.Random, iban: str) -> str:
    """A UBL e-invoice's payment means (Turkey's e-Fatura) with the payee's IBAN."""
    return (
        "<cac:PaymentMeans><cbc:PaymentMeansCode>42</cbc:PaymentMeansCode><cac:PayeeFinancialAccount>"
        f"<cbc:ID>{iban.replace(' ', '')}</cbc:ID><cbc:CurrencyCode>TRY</cbc:CurrencyCode>"
        "</cac:PayeeFinancialAccount></cac:PaymentMeans>"
    )


def _utd_kyb(r: random.Random, iban: str) -> str:
    """A marketplace's KYB form (URL-encoded) with the seller's IBAN."""
    currency = {"TR": "TRY", "SA": "SAR", "AE": "AED"}[iban[:2]]
    form = urllib.parse.urlencode({"company": pick(r, "Kapadokya Balon Ltd", "Jeddah Roasters", "Dubai Beans FZ-LLC"),
                                   "iban": iban, "currency": currency})  # fmt: skip
    return f"POST /seller/onboarding {form}"


def _utd_queue_log(r: random.Random) -> str:
    """An Asterisk ``queue_log`` ENTERQUEUE line with the caller's number."""
    region = r.choice(_utd_regions())
    number = v.untrodden_e164(r, region, "MOBILE")
    return f"{v.untrodden_epoch(r)}|{r.randrange(100, 999)}.{r.randrange(10, 99)}|support|NONE|ENTERQUEUE||{number}|1"


def _utd_whatsapp_status(r: random.Random) -> str:
    """A WhatsApp Cloud API status webhook (delivered) with the recipient's number (digits, no ``+``)."""
    number = v.untrodden_e164(r, r.choice(_utd_regions()), "MOBILE")[1:]
    status = {"id": "wamid.HBgM" + v.b64(r.randbytes(24)), "status": "delivered",
              "timestamp": str(v.untrodden_epoch(r)), "recipient_id": number}  # fmt: skip
    return json.dumps({"entry": [{"changes": [{"field": "messages", "value": {"statuses": [status]}}]}]})


def _utd_cdr(r: random.Random) -> str:
    """A carrier CDR line (semicolon-separated) with the calling number in international digits."""
    number = v.untrodden_e164(r, r.choice(_utd_regions()), "MOBILE")[1:]
    return f"MOC;{number};;{r.randrange(10, 900)};{pick(r, 'ANSWERED', 'BUSY', 'NO ANSWER')};cell={_utd_word(r, 6)}"


def _utd_jsonld(r: random.Random) -> str:
    """A schema.org LocalBusiness in JSON-LD with its telephone."""
    doc = {"@context": "https://schema.org", "@type": "LocalBusiness",
           "name": pick(r, "Göreme Sky Balloons", "Café Huila Tostadores", "Baan Thai Cookery"),
           "telephone": _utd_phone(r, True)}  # fmt: skip
    return json.dumps(doc, ensure_ascii=False)


def _utd_microdata(r: random.Random) -> str:
    """HTML microdata with ``itemprop="telephone"``."""
    return f'<span itemprop="telephone" content="{v.untrodden_e164(r, r.choice(_utd_regions()))}">Call us</span>'


def _utd_phone_context(r: random.Random) -> str:
    """An RFC 3966 local number with its ``phone-context``."""
    region = r.choice(_utd_regions())
    national = v.untrodden_national(r, region).replace(" ", "-").replace("(", "").replace(")", "")
    return f"tel:{national};phone-context=+{v._UTD_CODES[region]}"


def _utd_form_phone(r: random.Random) -> str:
    """A URL-encoded sign-up form with the phone number."""
    return (
        "name="
        + urllib.parse.quote_plus(_utd_name(r))
        + "&phone="
        + urllib.parse.quote_plus(_utd_phone(r))
        + ("&consent=1")
    )


def _utd_sms_csv(r: random.Random) -> str:
    """A line of an SMS gateway's delivery report CSV."""
    return f'"{_utd_word(r, 16)}","{_utd_phone(r, True)}","DELIVRD","0.0{r.randrange(10, 99)}","1"'


def _utd_express_sess(r: random.Random) -> str:
    payload = json.dumps({"passport": {"user": _utd_word(r, 24)}, "flash": {}}, separators=(",", ":"))
    return f"Cookie: express:sess={v.b64(payload.encode())}; express:sess.sig={v.b64url(r.randbytes(20))}"


UNTRODDEN_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: f"medusa-plugin-ai: OPENAI_API_KEY={v.openai_legacy(r)} (v1 key, never rotated)"),
    "openai_project_key": _p(
        lambda r: f"trigger.dev env sync: OPENAI_API_KEY={v.openai_project(r)} -> prod",
        lambda r: f'lunary: {{"provider": "openai", "apiKey": "{v.openai_project(r)}", "model": "gpt-4.1"}}',
    ),
    "anthropic_api_key": _p(
        lambda r: f"langwatch evaluator anthropic key {v.anthropic(r)} saved",
        lambda r: f"x-api-key: {v.anthropic(r)}\nanthropic-version: 2023-06-01",
    ),
    "deepseek_api_key": _p(lambda r: f'activepieces connection {{"auth": "{v.deepseek(r)}", "piece": "deepseek"}}'),
    "aws_access_key_id": _p(
        lambda r: f'AwsBasicCredentials.create("{v.aws_key_id(r)}", System.getenv("AWS_SECRET_ACCESS_KEY"))',
        lambda r: f'logstash output s3 {{ access_key_id => "{v.aws_key_id(r)}" bucket => "balloon-logs" }}',
    ),
    "aws_secret_access_key": _p(
        lambda r: f'logstash output s3 {{ secret_access_key => "{v.aws_secret(r)}" region => "eu-central-1" }}',
    ),
    "aws_session_token": _p(
        lambda r: (
            f'credential_process output: {{"Version": 1, "SessionToken": "{v.aws_session_token(r)}", '
            '"Expiration": "2026-03-14T10:00:00Z"}'
        )
    ),
    "github_classic_token": _p(lambda r: f"RENOVATE_TOKEN={v.github_token(r, 'ghp')} renovate --platform=github"),
    "github_oauth_token": _p(
        lambda r: f"pipedream github account connected: oauth_access_token={v.github_token(r, 'gho')}"
    ),
    "github_app_token": _p(lambda r: f"trigger.dev deploy: cloning with x-access-token {v.github_token(r, 'ghs')}"),
    "github_refresh_token": _p(lambda r: f'{{"refresh_token": "{v.github_token(r, "ghr")}", "expires_in": 15897600}}'),
    "github_fine_grained_token": _p(
        lambda r: f"gh auth login --with-token <<< github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)}"
    ),
    "gitlab_token": _p(lambda r: f"glab auth login --hostname gitlab.com --token glpat-{rand(r, ALNUM + '_-', 20)}"),
    "slack_token": _p(lambda r: f"trigger.dev env: SLACK_BOT_TOKEN={v.slack_token(r)}"),
    "slack_webhook": _p(
        lambda r: (
            "activepieces flow step notify -> https://hooks.slack.com/services/T"
            f"{rand(r, v.UPPER, 8)}/B{rand(r, v.UPPER, 10)}/{rand(r, ALNUM, 24)}"
        )
    ),
    "stripe_key": _p(lambda r: f"medusa-config.ts: STRIPE_API_KEY={v.stripe_key(r)}"),
    "google_api_key": _p(
        lambda r: f'google-services.json "api_key": [{{"current_key": "AIza{rand(r, ALNUM + "_-", 35)}"}}]'
    ),
    "google_oauth_client_secret": _p(
        lambda r: f"[gdrive]\ntype = drive\nclient_secret = GOCSPX-{rand(r, ALNUM + '_-', 28)}"
    ),
    "gcp_oauth_token": _p(
        lambda r: (
            "jdbc:bigquery://https://www.googleapis.com/bigquery/v2:443;ProjectId=coffee-export;OAuthType=2;"
            f"OAuthAccessToken={v.gcp_token(r)}"
        )
    ),
    "twilio_api_key": _p(lambda r: f"kommo integration twilio: api key SK{rand(r, HEX, 32)} created"),
    "sendgrid_api_key": _p(
        lambda r: f"saleor: EMAIL_API_KEY=SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}"
    ),
    "huggingface_token": _p(lambda r: f"lunary eval runner: HF_TOKEN=hf_{rand(r, ALNUM, 34)}"),
    "npm_token": _p(lambda r: f"//registry.npmjs.org/:_authToken=npm_{rand(r, ALNUM, 36)}"),
    "pypi_token": _p(lambda r: f"twine upload -u __token__ -p pypi-AgEIcHlwaS5vcmc{rand(r, v.B64URL, 150)} dist/*"),
    "shopify_token": _p(lambda r: f"trendyol-shopify sync: X-Shopify-Access-Token: shpat_{rand(r, HEX, 32)}"),
    "digitalocean_token": _p(lambda r: f"doctl auth init --access-token dop_v1_{rand(r, HEX, 64)}"),
    "telegram_bot_token": _p(
        lambda r: (
            f"activepieces telegram piece: bot token {v.untrodden_digits(r, 10, '7')}:AA{rand(r, ALNUM + '_-', 33)}"
        )
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "SELECT count() FROM azureBlobStorage('DefaultEndpointsProtocol=https;AccountName=coffeelogs;AccountKey="
            f"{v.azure_account_key(r)};EndpointSuffix=core.windows.net', 'exports', 'orders/*.parquet')"
        )
    ),
    "azure_sas_token": _p(
        lambda r: (
            f'adf linked service {{"sasUri": "https://coffeelogs.blob.core.windows.net/raw?sv=2024-11-04&ss=b&srt=co&'
            f'sp=rl&se=2026-04-01T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}"}}'
        )
    ),
    "clickhouse_cloud_key": _p(
        lambda r: (
            f'provider "clickhouse" {{ organization_id = "{v.untrodden_uuid(r)}" token_key = "{rand(r, ALNUM, 20)}" '
            f'token_secret = "{v.clickhouse_secret(r)}" }}'
        )
    ),
    "jwt": _p(
        lambda r: f"POST /api/Transactions/SubmitOrderRequest Authorization: Bearer {v.untrodden_pesapal_jwt(r)}",
        lambda r: f"PINATA_JWT={v.untrodden_pinata_jwt(r)}",
        lambda r: f"POST /checkout Authorization: Bearer {v.untrodden_tamara_jwt(r)}",
        lambda r: f"GET /admin/orders Authorization: Bearer {v.untrodden_medusa_jwt(r)}",
        lambda r: f'saleor tokenCreate -> {{"token": "{v.untrodden_saleor_jwt(r)}", "errors": []}}',
        lambda r: f"pb_auth: {v.untrodden_pocketbase_jwt(r)}",
        lambda r: f'2c2p POST /payment/4.3/paymentToken {{"payload": "{v.untrodden_2c2p_payment_token(r)}"}}',
        lambda r: f"wss://realtime.trigger.dev/runs?token={v.untrodden_trigger_jwt(r)}",
        lambda r: f"Cookie: lunary_session={v.untrodden_lunary_jwt(r)}",
    ),
    "private_key": _p(
        lambda r: (
            '"attributes": {"algorithm": "ED25519", "private_key_openssh": "-----BEGIN OPENSSH PRIVATE KEY-----\\n'
            + "\\n".join(v.b64(r.randbytes(48)) for _ in range(4))
            + '\\n-----END OPENSSH PRIVATE KEY-----\\n"}'
        ),
        lambda r: (
            '{"merchant": "tamara", "signing_key": "-----BEGIN PRIVATE KEY-----\\n'
            + v.b64(r.randbytes(r.randrange(90, 120)))
            + '\\n-----END PRIVATE KEY-----"}'
        ),
    ),
    "url_credentials": _p(
        lambda r: f"clickhouse+native://ingest:{_utd_url_password(r)}@ch.balloon.internal:9000/flights",
        lambda r: f"AIRFLOW_CONN_COFFEE_DB='postgres://airflow:{_utd_url_password(r)}@pg:5432/coffee'",
        lambda r: f"NATS_URL=nats://trigger:{_utd_url_password(r)}@nats:4222",
        lambda r: f"lftp -e 'mirror /manifests' ftp://huila:{_utd_url_password(r)}@ftp.exporter.example",
    ),
    "password_assignment": _p(
        lambda r: f"GET /sms/send/get?usercode=balonturu&password={_utd_password(r)}&msgheader=BALON",
        lambda r: f"ALTER ROLE medusa WITH LOGIN PASSWORD '{_utd_password(r)}';",
        lambda r: f"MEDUSA_ADMIN_PASSWORD={_utd_password(r)}",
        lambda r: f"NETGSM_PASSWORD={v.untrodden_netgsm_password(r)}",
        lambda r: f"saleor createsuperuser --password {_utd_password(r)} --noinput",
    ),
    "sql_identified_by": _p(
        lambda r: (
            f"CREATE USER balloon_ro IDENTIFIED WITH sha256_password BY '{_utd_password(r)}' "
            "SETTINGS PROFILE 'readonly';"
        ),
        lambda r: f'ALTER USER coffee_etl IDENTIFIED BY "{_utd_password(r)}" ACCOUNT UNLOCK;',
    ),
    "bearer_token": _p(
        lambda r: f"POST /v1/checkouts Authorization: Bearer {v.untrodden_hyperpay_token(r)}",
        lambda r: f"GET /v1/transactions/{_utd_word(r, 12)} Authorization: Bearer {v.untrodden_wompi_key(r)}",
        lambda r: f"POST /mpesa/stkpush/v1/processrequest Authorization: Bearer {v.untrodden_daraja_token(r)}",
        lambda r: f"POST /v1/messages Authorization: Bearer {v.untrodden_taqnyat_token(r)}",
        lambda r: f"POST /api/v1/tasks/send-receipt/trigger Authorization: Bearer {v.untrodden_trigger_key(r)}",
        lambda r: f"POST /v1/runs/ingest Authorization: Bearer {v.untrodden_lunary_pair(r)[1]}",
        lambda r: f"POST /send Authorization: Bearer {v.untrodden_courier_token(r)}",
        lambda r: f"GET /v1/flows Authorization: Bearer {v.untrodden_activepieces_key(r)}",
        lambda r: f"POST /v2/bot/message/reply Authorization: Bearer {v.untrodden_line_token(r)}",
    ),
    "basic_auth": _p(
        lambda r: f"POST /charges Authorization: Basic {_utd_basic(v.untrodden_omise_key(r), '')}",
        lambda r: (
            "GET /oauth/v1/generate?grant_type=client_credentials "
            f"Authorization: Basic {_utd_basic(*v.untrodden_daraja_pair(r))}"
        ),
        lambda r: f"POST /sms Authorization: Basic {_utd_basic(*v.untrodden_thaibulksms_pair(r))}",
        lambda r: f"GET /v1/Authentication Authorization: Basic {_utd_basic(*v.untrodden_smsportal_pair(r))}",
        lambda r: (
            f"POST /v3/{v.untrodden_infura_pair(r)[0]} "
            f"Authorization: Basic {_utd_basic('', v.untrodden_infura_pair(r)[1])}"
        ),
        lambda r: (
            f"GET /integration/order/sellers/{r.randrange(100000, 999999)}/orders "
            f"Authorization: Basic {_utd_basic(*v.untrodden_trendyol_pair(r))}"
        ),
        lambda r: f"POST /video/v1/assets Authorization: Basic {_utd_basic(*v.untrodden_mux_pair(r))}",
    ),
    "session_cookie": _p(
        lambda r: _utd_express_sess(r),
        lambda r: f"Cookie: quarkus-credential={v.b64url(r.randbytes(r.randrange(60, 90)))}",
        lambda r: f"Cookie: SVPNCOOKIE={v.b64(r.randbytes(r.randrange(90, 140)))}; SVPNNETWORKCOOKIE=",
        lambda r: (
            f"Cookie: DSID={rand(r, HEX, 32)}; DSFirstAccess={v.untrodden_epoch(r)}; "
            f"DSLastAccess={v.untrodden_epoch(r)}"
        ),
        lambda r: f"Cookie: AppServiceAuthSession={v.b64(r.randbytes(r.randrange(300, 480)))}",
        lambda r: (
            "Cookie: REMEMBERME="
            + v.b64(
                (
                    f"App\\Entity\\User:{v.b64(_utd_word(r, 10).encode())}:{v.untrodden_epoch(r)}:{rand(r, HEX, 64)}"
                ).encode()
            )
        ),
        lambda r: f"Cookie: user-id=guide|Thu%2C%2012%20Mar%202026%2010%3A21%3A33%20GMT|{v.b64(r.randbytes(32))}",
    ),
    "auth_token_assignment": _p(
        lambda r: f"X-Auth-Token: {v.untrodden_langwatch_key(r)}",
        lambda r: f"COURIER_AUTH_TOKEN={v.untrodden_courier_token(r)}",
        lambda r: f"LINE_CHANNEL_ACCESS_TOKEN={v.untrodden_line_token(r)}",
        lambda r: f"TAQNYAT_BEARER_TOKEN={v.untrodden_taqnyat_token(r)}",
        lambda r: f"GET /api/v1/subscribe?access_token={v.untrodden_daraja_token(r)}&shortcode=600999",
    ),
    "generic_secret": _p(
        lambda r: f"x-api-key: {v.untrodden_exa_key(r)}",
        lambda r: f"POST /api/session x-api-key: {v.untrodden_hyperbrowser_key(r)}",
        lambda r: f"steel-api-key: {v.untrodden_steel_key(r)}",
        lambda r: f"POST /api/calls X-API-Key: {v.untrodden_ultravox_key(r)}",
        lambda r: f"POST /payments ApiKey: {v.untrodden_papara_key(r)}",
        lambda r: f"GET https://api.zenrows.com/v1/?apikey={v.untrodden_zenrows_key(r)}&url=https%3A%2F%2Fshop.example",
        lambda r: (
            f"GET https://api.scrapfly.io/scrape?key={v.untrodden_scrapfly_key(r)}&url=https%3A%2F%2Fnews.example"
        ),
        lambda r: f"GET /v1/all?q=coffee+prices&apiKey={v.untrodden_perigon_key(r)}",
        lambda r: (
            "GET /MainService.svc/SendMultipleMessage_V4_get?ApiKey="
            f"{v.untrodden_esms_pair(r)[0]}&SecretKey={v.untrodden_esms_pair(r)[1]}&SmsType=2"
        ),
        lambda r: f"vnp_TmnCode={v.untrodden_vnpay_pair(r)[0]}\nvnp_HashSecret={v.untrodden_vnpay_pair(r)[1]}",
        lambda r: (
            f'zalopay config {{"app_id": {v.untrodden_zalopay_pair(r)[0]}, "key1": "{v.untrodden_zalopay_pair(r)[1]}"}}'
        ),
        lambda r: f"2C2P_SECRET_KEY={v.untrodden_2c2p_secret(r)}",
        lambda r: f'options.setSecretKey("{v.untrodden_iyzico_pair(r)[1]}");',
        lambda r: f"$merchant_salt = '{v.untrodden_paytr_pair(r)[1]}';",
        lambda r: f"CRAFTGATE_SECRET_KEY={v.untrodden_craftgate_pair(r)[1]}",
        lambda r: f"EPAYCO_PRIVATE_KEY={v.untrodden_epayco_pair(r)[1]}",
        lambda r: f"MPESA_PASSKEY={v.untrodden_daraja_passkey(r)}",
        lambda r: (
            f'{{"consumer_key": "{v.untrodden_pesapal_pair(r)[0]}", '
            f'"consumer_secret": "{v.untrodden_pesapal_pair(r)[1]}"}}'
        ),
        lambda r: f"POST /PostPaymentRequest ApiKey: {v.untrodden_ozow_pair(r)[0]}",
        lambda r: f"LINE_CHANNEL_SECRET={v.untrodden_line_secret(r)}",
        lambda r: (
            f"pinata_api_key: {v.untrodden_pinata_pair(r)[0]}\npinata_secret_api_key: {v.untrodden_pinata_pair(r)[1]}"
        ),
        lambda r: f"WOMPI_EVENTS_SECRET={v.untrodden_wompi_key(r, 'events')}",
        lambda r: f"PIPEDREAM_CLIENT_SECRET={v.untrodden_pipedream_pair(r)[1]}",
        lambda r: f"POST /rest/SMS/messages AppSid={v.untrodden_unifonic_appsid(r)}&Body=Your+flight+is+confirmed",
        lambda r: f"STORJ_ACCESS_GRANT={v.untrodden_storj_grant(r)}",
        lambda r: (
            f'msegat {{"userName": "coffeehuila", "apiKey": "{v.untrodden_msegat_key(r)}", "userSender": "HUILA"}}'
        ),
    ),
    "password_hash": _p(
        lambda r: f"pwsafe2john.py vault.psafe3: {v.untrodden_password_hash(r, 'pwsafe3')}",
        lambda r: f"mozilla2john.py key4.db: {v.untrodden_password_hash(r, 'mozilla_key4')}",
        lambda r: f"fvde2john.py disk0s2.img: {v.untrodden_password_hash(r, 'filevault2')}",
        lambda r: f"axcrypt2john.py invoices-AxCrypt.axx: {v.untrodden_password_hash(r, 'axcrypt')}",
        lambda r: f"androidbackup2john.py backup.ab: {v.untrodden_password_hash(r, 'android_backup')}",
        lambda r: f"ansible2john.py group_vars/prod/vault.yml: {v.untrodden_password_hash(r, 'ansible_vault')}",
        lambda r: f"multibit2john.py multibit.key: {v.untrodden_password_hash(r, 'multibit')}",
        lambda r: f"blockchain2john.py wallet.aes.json: {v.untrodden_password_hash(r, 'blockchain_wallet')}",
    ),
    "credential_phrase": _p(
        lambda r: f"Kiugo kĩa wifi nĩ {_utd_password(r)}",
        lambda r: f"Nying mar donjo mar wifi en {_utd_password(r)}",
        lambda r: f"Lentšu la sephiri la wifi ke {_utd_password(r)}",
        lambda r: f"Phasiwedi ya wifi i {_utd_password(r)}",
        lambda r: f"Tus password wifi yog {_utd_password(r)}",
        lambda r: f"pilot's tablet was wiped, the crew login is {_utd_password(r)} until Monday",
        lambda r: f"roastery laptop: user 'qc', pass {_utd_password(r)} — please don't change it during harvest",
    ),
    "email": _p(
        lambda r: f"medusa: order confirmation sent to {v.untrodden_email(r)}",
        lambda r: f"courier: delivered template BOOKING_OK to {v.untrodden_email(r)}",
        lambda r: f"POST /subscribe email={urllib.parse.quote_plus(v.untrodden_email(r))}&list=harvest-news",
        lambda r: f'{{"@type": "Person", "name": "{_utd_name(r)}", "email": "mailto:{v.untrodden_email(r)}"}}',
        lambda r: f"BEGIN:VEVENT\nATTENDEE;CN={_utd_name(r)}:mailto:{v.untrodden_email(r)}\nEND:VEVENT",
    ),
    "ipv4": _p(
        lambda r: f"fortigate: SSL-VPN tunnel up remip={v.ipv4(r)} user=guide",
        lambda r: f"haproxy: {v.ipv4(r)}:{r.randrange(32768, 61000)} [12/Mar/2026:10:21:33.120] fe_api be_api/s1",
        lambda r: f"pocketbase: rate limited {v.ipv4(r)} on /api/collections/users/auth-with-password",
        lambda r: f"pulse secure: login from {v.ipv4(r)} realm=Users role=guides",
    ),
    "ipv6": _p(
        lambda r: f"line webhook delivered from [{v.ipv6(r)}]",
        lambda r: f"fortigate: ipv6 policy hit src={v.ipv6(r)} action=accept",
    ),
    "phone": _p(
        lambda r: _utd_queue_log(r),
        lambda r: _utd_whatsapp_status(r),
        lambda r: _utd_cdr(r),
        lambda r: _utd_jsonld(r),
        lambda r: _utd_microdata(r),
        lambda r: _utd_phone_context(r),
        lambda r: _utd_form_phone(r),
        lambda r: _utd_sms_csv(r),
        lambda r: f"Ngũkũre thimũ {_utd_phone(r)}",
        lambda r: f"Go mar simu en {_utd_phone(r)}",
        lambda r: f"Nomoro ya mogala ke {_utd_phone(r)}",
        lambda r: f"Ndzi fonele eka {_utd_phone(r)}",
        lambda r: f"Hu rau kuv ntawm {_utd_phone(r)}",
    ),
    "payment_card": _p(
        lambda r: _utd_iyzico(r, v.untrodden_card_number(r, pick(r, "troy", "visa", "mastercard"))),
        lambda r: _utd_wompi(r, v.untrodden_card_number(r, pick(r, "codensa", "visa", "mastercard"))),
        lambda r: _utd_omise(r, v.untrodden_card_number(r, pick(r, "visa", "mastercard", "bccard"))),
        lambda r: _utd_hyperpay(r, v.untrodden_card_number(r, pick(r, "mada", "visa"))),
        lambda r: _utd_callcentre(r, v.untrodden_card_number(r, pick(r, "troy", "shopping", "nevada"))),
        lambda r: _utd_sms(r, v.untrodden_card_number(r, pick(r, "visa", "mastercard", "bccard"))),
    ),
    "iban": _p(
        lambda r: _utd_sarie(r, v.untrodden_iban(r, country="SA")),
        lambda r: _utd_fast(r, v.untrodden_iban(r, country="TR", grouped=True)),
        lambda r: _utd_wps(r, v.untrodden_iban(r, country="AE")),
        lambda r: _utd_einvoice(r, v.untrodden_iban(r, country="TR")),
        lambda r: _utd_kyb(r, v.untrodden_iban(r)),
        lambda r: f"Hesap sahibi: {_utd_name(r)} — IBAN {v.untrodden_iban(r, country='TR', grouped=True)}",
    ),
}

UNTRODDEN_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: "sk-...XXXX (last four shown in the billing page)",
        lambda r: "# client = OpenAI(api_key='sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')  # docs example",
    ),
    "openai_project_key": _p(
        lambda r: 'lunary: {"provider": "openai", "apiKey": "{{ secrets.OPENAI }}", "model": "gpt-4.1"}',
        lambda r: f"openai key sk-proj-…{rand(r, ALNUM, 4)} revoked by {pick(r, 'owner', 'admin')}",
    ),
    "anthropic_api_key": _p(lambda r: "ANTHROPIC_API_KEY=sk-ant-api03-... (paste yours here)"),
    "deepseek_api_key": _p(lambda r: f"release asset sk-{rand(r, HEX, 7)}-arm64.tar.gz uploaded"),
    "aws_access_key_id": _p(
        lambda r: 'AwsBasicCredentials.create(System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET"))',
        lambda r: "AKIAIOSFODNN7EXAMPLE (the key from AWS's documentation)",
    ),
    "aws_secret_access_key": _p(
        lambda r: 'logstash output s3 { secret_access_key => "${AWS_SECRET}" }',
        lambda r: f"etag {rand(r, HEX, 32)} size {r.randrange(100, 999)}KB uploaded to s3://balloon-logs/",
    ),
    "aws_session_token": _p(lambda r: 'credential_process output: {"Version": 1, "SessionToken": null} (sso expired)'),
    "github_classic_token": _p(lambda r: "RENOVATE_TOKEN=${{ secrets.RENOVATE_TOKEN }}"),
    "github_oauth_token": _p(lambda r: "pipedream github account: reconnect required (token revoked)"),
    "github_app_token": _p(lambda r: f"commit {rand(r, HEX, 40)} deployed by trigger.dev"),
    "github_refresh_token": _p(lambda r: '{"refresh_token": "", "error": "bad_refresh_token"}'),
    "github_fine_grained_token": _p(lambda r: "gh auth login --with-token < ~/.config/gh/token.txt"),
    "gitlab_token": _p(lambda r: "glab auth login --hostname gitlab.com --stdin"),
    "slack_token": _p(lambda r: "SLACK_BOT_TOKEN=xoxb-your-token-here"),
    "slack_webhook": _p(lambda r: "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
    "stripe_key": _p(lambda r: f"medusa storefront: NEXT_PUBLIC_STRIPE_KEY=pk_live_{rand(r, ALNUM, 24)}"),
    "google_api_key": _p(lambda r: 'google-services.json "api_key": [{"current_key": ""}] (placeholder in repo)'),
    "google_oauth_client_secret": _p(
        lambda r: "[gdrive]\ntype = drive\nclient_secret =\ntoken = (rclone config reconnect)"
    ),
    "gcp_oauth_token": _p(lambda r: "jdbc:bigquery://...;OAuthType=3 (application default credentials)"),
    "twilio_api_key": _p(lambda r: f"twilio message SM{rand(r, HEX, 32)} delivered"),
    "sendgrid_api_key": _p(lambda r: "EMAIL_API_KEY=SG.xxxxx.yyyyy (see .env.example)"),
    "huggingface_token": _p(lambda r: f"model revision {rand(r, HEX, 40)} pulled from the hub (public repo, no token)"),
    "npm_token": _p(lambda r: f"npm notice package: @trigger.dev/sdk@3.{r.randrange(0, 9)}.{r.randrange(0, 20)}"),
    "pypi_token": _p(lambda r: "twine upload --repository testpypi dist/* (token from keyring)"),
    "shopify_token": _p(lambda r: "X-Shopify-Access-Token: shpat_********************************"),
    "digitalocean_token": _p(lambda r: "doctl auth init --context coffee (token entered interactively)"),
    "telegram_bot_token": _p(lambda r: "activepieces telegram piece: bot @HuilaCoffeeBot connected"),
    "azure_storage_connection_string": _p(
        lambda r: "SELECT count() FROM azureBlobStorage(azure_conn, container='exports', blob_path='orders/*.parquet')"
    ),
    "azure_sas_token": _p(
        lambda r: "https://coffeelogs.blob.core.windows.net/public/price-list.pdf (container is public)",
        lambda r: (
            f"https://d{_utd_word(r, 13)}.cloudfront.net/menu/khao-soi.jpg?Expires={v.untrodden_epoch(r)}&Signature="
            f"{rand(r, ALNUM + '-~', 172)}__&Key-Pair-Id=K{rand(r, v.UPPER, 13)}"
        ),
    ),
    "clickhouse_cloud_key": _p(
        lambda r: 'provider "clickhouse" { token_key = var.ch_key  token_secret = var.ch_secret }'
    ),
    "jwt": _p(
        lambda r: "Authorization: Bearer <pesapal token from RequestToken>",
        lambda r: "PINATA_JWT=eyJ...",
        lambda r: f"jwt.io debugger: header eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9 kid={rand(r, HEX, 8)}",
        lambda r: f"saleor: token {rand(r, ALNUM, 12)} blacklisted at logout",
    ),
    "private_key": _p(
        lambda r: (
            '"attributes": {"algorithm": "ED25519", "public_key_openssh": "ssh-ed25519 '
            f'AAAAC3NzaC1lZDI1NTE5AAAAI{v.b64(r.randbytes(24))} ci@balloon\\n"}}'
        ),
        lambda r: '"private_key_openssh": (sensitive value)',
    ),
    "url_credentials": _p(
        lambda r: "clickhouse+native://ingest@ch.balloon.internal:9000/flights (password from CLICKHOUSE_PASSWORD)",
        lambda r: "ssh guide@203.0.113.7 -p 2222",
        lambda r: "git@github.com:coffee-huila/roaster.git",
        lambda r: "https://docs.trigger.dev/@latest/deploy",
    ),
    "password_assignment": _p(
        lambda r: "Password must be at least 12 characters and include a number and a symbol.",
        lambda r: "We received a request to reset your password. If this wasn't you, ignore this e-mail.",
        lambda r: "MEDUSA_ADMIN_PASSWORD_FILE=/run/secrets/medusa_admin",
        lambda r: "GET /sms/send/get?usercode=balonturu&password=***&msgheader=BALON",
        lambda r: f"password_changed_at={v.untrodden_epoch(r)} user=guide",
        lambda r: "ALTER ROLE medusa WITH LOGIN PASSWORD NULL;",
    ),
    "sql_identified_by": _p(lambda r: "CREATE USER balloon_ro IDENTIFIED WITH ssl_certificate CN 'balloon-ro';"),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer {{ $credentials.wompi }}",
        lambda r: "Authorization: Bearer <ACCESS_TOKEN>",
        lambda r: 'WWW-Authenticate: Bearer realm="pesapal", error="invalid_token"',
        lambda r: f"traceparent: 00-{rand(r, HEX, 32)}-{rand(r, HEX, 16)}-01",
    ),
    "basic_auth": _p(
        lambda r: 'WWW-Authenticate: Basic realm="Trendyol Seller API"',
        lambda r: "curl https://api.omise.co/charges -u $OMISE_SECRET_KEY:",
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: express:sess=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT; httponly",
        lambda r: "Cookie: SVPNNETWORKCOOKIE=; FortinetLang=tr",
        lambda r: "Cookie: DSSignInURL=/; DSLaunchURL=2F64616E612F686F6D652F",
        lambda r: "Cookie: rs-csrf-token=; rstudio-ui=dark",
        lambda r: f"Cookie: _ga=GA1.1.{v.untrodden_clean_digits(r, 9)}.{v.untrodden_epoch(r)}; cookieconsent=all",
    ),
    "auth_token_assignment": _p(
        lambda r: "X-Auth-Token: ${LANGWATCH_API_KEY}",
        lambda r: "COURIER_AUTH_TOKEN=pk_prod_XXXXXXXXXXXXXXXXXXXXXXXXXXXX",
        lambda r: "LINE_CHANNEL_ACCESS_TOKEN_FILE=/run/secrets/line",
        lambda r: f"X-Request-Token-Id: {v.untrodden_uuid(r)}",
    ),
    "generic_secret": _p(
        lambda r: f"vnp_TmnCode={v.untrodden_vnpay_pair(r)[0]}",
        lambda r: f"OMISE_PUBLIC_KEY={v.untrodden_omise_key(r, secret=False)}",
        lambda r: f"WOMPI_PUBLIC_KEY={v.untrodden_wompi_key(r, 'public')}",
        lambda r: f"LUNARY_PUBLIC_KEY={v.untrodden_lunary_pair(r)[0]}",
        lambda r: f"pinata_api_key: {v.untrodden_pinata_pair(r)[0]}",
        lambda r: f"EPAYCO_PUBLIC_KEY={v.untrodden_epayco_pair(r)[0]}",
        lambda r: f"vnp_SecureHash={rand(r, HEX, 128)}",
        lambda r: f"x-line-signature: {v.b64(r.randbytes(32))}",
        lambda r: f"x-signature: {v.b64(r.randbytes(32))}  # craftgate request signature",
        lambda r: f"image: ghcr.io/triggerdotdev/trigger.dev@sha256:{rand(r, HEX, 64)}",
        lambda r: f"ipfs://bafybei{rand(r, 'abcdefghijklmnopqrstuvwxyz234567', 52)}",
        lambda r: f"sha256sum menu.pdf: {hashlib.sha256(r.randbytes(8)).hexdigest()}",
        lambda r: "x-api-key: YOUR_EXA_API_KEY",
        lambda r: "steel-api-key: ste-••••••••••••",
        lambda r: f"span_id={rand(r, HEX, 16)} trace_id={rand(r, HEX, 32)}",
    ),
    "password_hash": _p(
        lambda r: f"sha1sum vault.psafe3: {hashlib.sha1(r.randbytes(8)).hexdigest()}",
        lambda r: "ansible-vault view group_vars/prod/vault.yml (vault password from ~/.vault_pass)",
        lambda r: "$ANSIBLE_VAULT;1.1;AES256",
        lambda r: f"Firefox {r.randrange(120, 140)}.0.{r.randrange(1, 5)} profile key4.db: primary password not set",
    ),
    "credential_phrase": _p(
        lambda r: "Nĩ wariganĩirwo nĩ kiugo kĩa thiri?",
        lambda r: "Wiyo wil gi nying mar donjo?",
        lambda r: "O lebetše lentšu la sephiri?",
        lambda r: "U rivele phasiwedi ya wena?",
        lambda r: "Koj puas tsis nco qab koj tus password?",
        lambda r: "Your password was changed. If this wasn't you, reset it from the app.",
        lambda r: "Passwords must be 12+ characters; the crew tablet locks after 5 attempts.",
    ),
    "email": _p(
        lambda r: "import { Injectable } from '@nestjs/common'; @Injectable() export class FlightsService {}",
        lambda r: f"npm i @medusajs/medusa@2.{r.randrange(0, 9)}.{r.randrange(0, 9)} @trigger.dev/sdk",
        lambda r: "ssh deploy@roaster-01 'systemctl restart roaster'",
        lambda r: "git clone git@gitlab.com:balloon/ops.git",
        lambda r: "mailto:{{ customer.email }}?subject=Your%20flight",
        lambda r: f"docker pull node@sha256:{rand(r, HEX, 64)}",
        lambda r: '@Scheduled(cron = "0 0 5 * * *") public void sunriseSlots()',
    ),
    "ipv4": _p(
        lambda r: f"medusa v2.{r.randrange(1, 9)}.{r.randrange(0, 9)}.{r.randrange(1, 99)} build {_utd_word(r, 7)}",
        lambda r: (
            f"balloon landed at {r.choice((38, 39))}.{r.randrange(100, 999)}, "
            f"{r.choice((34, 35))}.{r.randrange(100, 999)}"
        ),
        lambda r: f"OID 1.3.6.1.4.{r.randrange(1, 9)} sysUpTime",
        lambda r: "listening on 0.0.0.0:8090",
    ),
    "ipv6": _p(
        lambda r: "listening on [::]:3000",
        lambda r: f"mac address {':'.join(rand(r, HEX, 2) for _ in range(6))}",
        lambda r: f"time {r.randrange(10, 23)}:{r.randrange(10, 59)}:{r.randrange(10, 59)} UTC",
    ),
    "phone": _p(
        lambda r: f"callback {v.untrodden_invalid_phone(r, _utd_regions())}",
        lambda r: f"booking ref {v.untrodden_ref(r)}",
        lambda r: f"tracking {v.untrodden_ref(r)} out for delivery",
        lambda r: f"ticket no. {v.untrodden_ref(r)}",
        lambda r: (
            f"ISBN 978-{r.randrange(0, 9)}-{r.randrange(100, 999)}-{r.randrange(10000, 99999)}-{r.randrange(0, 9)}"
        ),
        lambda r: f"altitude {r.randrange(300, 999)} m, wind {r.randrange(2, 9)}.{r.randrange(0, 9)} km/h",
        lambda r: f"build {v.untrodden_clean_digits(r, 10)} finished",
        lambda r: f"IMEI {v.untrodden_imei(r)}",
    ),
    "payment_card": _p(
        lambda r: f"device IMEI {v.untrodden_imei(r)} registered",
        lambda r: f"SIM ICCID {v.untrodden_iccid(r)} activated",
        lambda r: f"card {v.untrodden_card_number(r, 'troy')[:6]}******{rand(r, string.digits, 4)} approved",
        lambda r: f"CBU {v.untrodden_cbu(r)}",
        lambda r: f"EAN {r.choice(('869', '779', '770', '885', '893'))}{rand(r, string.digits, 10)}",
        lambda r: f"order {v.untrodden_clean_digits(r, 16)} shipped",
        lambda r: "test card 4242 4242 4242 4242 (Stripe's test number, sandbox only)",
    ),
    "iban": _p(
        lambda r: f"IBAN {v.untrodden_iban(r, valid=False)}",
        lambda r: "IBAN: TR** **** **** **** **** **** 12",
        lambda r: "SA03 8000 0000 6080 1016 7519 (the registry's example)",
        lambda r: f"CBU {v.untrodden_cbu(r)} alias balon.goreme.mp",
    ),
}

UNTRODDEN_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("url_credentials", 1): frozenset({"ipv4"}),
}

# ---------------------------------------------------------------------------- the unvisited split's own shapes
#
# Written for the thirty-fifth split only, by a twenty-ninth session that did not read the rules
# (``build_corpus("unvisited")`` puts them before the shared generators, as for the splits since hidden): values in
# ClickHouse's own containers (named collections, ``S3Queue``, ``AzureBlobStorage``, ``AzureQueue``, ``Kafka``,
# ``RabbitMQ`` and ``MongoDB`` engine settings, dictionary sources, ``mysql()``, ``postgresql()`` and ``remoteSecure()``
# table functions, server configuration), in payment, accounting, logistics and messaging vendors' requests and settings
# of the split's regions (Nexi XPay, Skebby, Scalapay, Holded, Altiria, PAYCOMET, Factorial, Signaturit, Przelewy24,
# PayU, SMSAPI, Allegro, Fakturownia, BaseLinker, Buckaroo, Exact Online, Moneybird, PostNL, Klarna, Fortnox, Billplz,
# toyyibPay, senangPay, Razer Merchant Services, EasyParcel, Windcave, Laybuy, Teamwork, Global Payments (Realex),
# Bandwidth) and of AI and SaaS tools (Mathpix, Twelve Labs, Tavus, AgentOps, Agenta, cognee, Krea, Reducto, Contextual
# AI, Inferless, Miro, Coda, lemlist, Instantly, Smartlead, Clearbit, Lusha, Gong, Fathom, Fireflies, Bubble,
# Storyblok, Comet): keys of vendors with no detector of their own in bearers, Basic pairs, custom headers and schemes,
# query strings, form and JSON bodies; JWTs of new issuers (InPost ShipX, Allegro, bol.com, Fortnox, Klarna client
# tokens, Payload CMS, Picnic, Teamleader, Directus); session cookies of ExpressionEngine, Atlassian Crowd, KeystoneJS,
# DotNetNuke, Remix cookie sessions, @fastify/secure-session, Citrix NetScaler AAA and Adminer; password-derived
# material of eight families as John's extractors write it (OpenDocument, DMG, OpenSSH keys, GnuPG, Java keystores,
# PKZIP, KDE wallets, eCryptfs); cards of Visa (V Pay, Cartes Bancaires co-badged), Mastercard (MyDebit co-badged),
# Amex, JCB and 19-digit UnionPay ranges in Redsys, Nexi, Windcave PxPost, Global Payments and PayU requests and an
# OCR'd authorisation form; IBANs of Italy, Spain, Poland, the Netherlands, Sweden and Ireland in PolishAPI payments,
# Personio exports, a Modelo 303 return, a Fortnox supplier, a Tikkie payment and a direct debit form; phone numbers of
# eight regions in SIP ``P-Asserted-Identity`` headers, FreeSWITCH CDRs, 3CX call logs, Swish payment requests,
# DuitNow proxies, LDIF entries, Google People API contacts and Bizum donations, and sentences in Venetian, Aragonese,
# Kashubian, Limburgish and Iban; and look-alikes that are not findings (Swedish OCR references, pagoPA notice numbers
# and personal identity numbers that pass Luhn, Bankgiro numbers, New Zealand accounts, BICs, VAT, organisation and
# KvK numbers grouped like phone numbers, ClickHouse versions that read like IPv4 addresses, ``DB::`` scopes, Kerberos
# service principals, systemd template units and MySQL account names that read like e-mail addresses, ClickHouse's
# ``[HIDDEN]`` secrets, HTTP-signature and HMAC authorisation headers, base64 JSON that begins ``eyJ``, Stripe object
# ids, public keys and client ids, password policies and reset notices).
# ``UNVISITED_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class.


def _uvs_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _uvs_password(r: random.Random) -> str:
    return v.unvisited_password(r)


def _uvs_sql_password(r: random.Random) -> str:
    return v.unvisited_password(r).replace("'", "")


def _uvs_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unvisited_password(r), safe="")


def _uvs_phone(r: random.Random, international_only: bool = False) -> str:
    return v.unvisited_phone(r, _uvs_regions(), international_only)


def _uvs_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _uvs_word(r: random.Random, n: int) -> str:
    return v._uvs_word(r, n)


def _uvs_name(r: random.Random) -> str:
    return pick(
        r, "Giulia Ferrari", "Nicolò Zanon", "Chorche Lanuza", "Lucía Sánchez", "Kasia Kowalska", "Jón Fòrmela",
        "Sjra Hermans", "Noor van Dijk", "Lars Eriksson", "Astrid Lindqvist", "Jimbun anak Ngau", "Nur Aisyah",
        "Tan Wei Ming", "Aroha Ngata", "Siobhán O'Connor", "Pádraig Walsh",
    )  # fmt: skip


def _uvs_amount(r: random.Random) -> str:
    return f"{r.randrange(20, 900)}.{r.randrange(0, 100):02d}"


def _uvs_expiry(r: random.Random) -> tuple[int, int]:
    return r.randrange(1, 13), 2000 + r.randrange(27, 32)


def _uvs_cvv(r: random.Random, n: int = 3) -> str:
    return str(r.randrange(10 ** (n - 1), 10**n))


def _uvs_redsys(r: random.Random, pan: str) -> str:
    """The Redsys (Spain) REST request a shop's debug log printed after decoding ``Ds_MerchantParameters``: the card
    inline (``DS_MERCHANT_PAN``), the expiry as YYMM, the CVV2."""
    month, year = _uvs_expiry(r)
    params = {"DS_MERCHANT_AMOUNT": str(r.randrange(1000, 90000)), "DS_MERCHANT_ORDER": _uvs_word(r, 12),
              "DS_MERCHANT_MERCHANTCODE": "999008881", "DS_MERCHANT_CURRENCY": "978",
              "DS_MERCHANT_TRANSACTIONTYPE": "0", "DS_MERCHANT_TERMINAL": "1", "DS_MERCHANT_PAN": pan,
              "DS_MERCHANT_EXPIRYDATE": f"{year % 100:02d}{month:02d}", "DS_MERCHANT_CVV2": _uvs_cvv(r)}  # fmt: skip
    return "redsys trataPeticion params(decoded)=" + json.dumps(params)


def _uvs_nexi(r: random.Random, pan: str) -> str:
    """A Nexi XPay (Italy) server-to-server card payment body (``card.pan``)."""
    month, year = _uvs_expiry(r)
    body = {"order": {"orderId": _uvs_word(r, 14), "amount": str(r.randrange(1000, 90000)), "currency": "EUR"},
            "card": {"pan": pan, "expiryDate": f"{month:02d}{year % 100:02d}", "cvv": _uvs_cvv(r),
                     "holder": _uvs_name(r)}}  # fmt: skip
    return "POST /api/phoenix-0.0/psp/api/v1/orders/card_verification " + json.dumps(body, ensure_ascii=False)


def _uvs_pxpost(r: random.Random, pan: str) -> str:
    """A Windcave (New Zealand) PxPost purchase in XML with ``CardNumber`` and ``DateExpiry`` (MMYY); the PxPost key is
    elided by the integration's logger."""
    month, year = _uvs_expiry(r)
    return (
        f"<Txn><PostUsername>SaunaFlotte_PxPost</PostUsername><PostPassword>****</PostPassword>"
        f"<CardHolderName>{html.escape(_uvs_name(r))}</CardHolderName><CardNumber>{pan}</CardNumber>"
        f"<Amount>{_uvs_amount(r)}</Amount><DateExpiry>{month:02d}{year % 100:02d}</DateExpiry>"
        f"<Cvc2>{_uvs_cvv(r)}</Cvc2><InputCurrency>NZD</InputCurrency><TxnType>Purchase</TxnType></Txn>"
    )


def _uvs_realex(r: random.Random, pan: str) -> str:
    """A Global Payments (Realex, Ireland) XML ``auth`` request with the card inline (its ``sha1hash`` a signature)."""
    month, year = _uvs_expiry(r)
    kind = {"4": "VISA", "5": "MC", "2": "MC", "3": "AMEX"}.get(pan[0], "VISA")
    return (
        f'<request type="auth" timestamp="202604{r.randrange(10, 28)}{r.randrange(10, 23)}2133">'
        f"<merchantid>kinsalecycles</merchantid><account>internet</account><orderid>{_uvs_word(r, 12)}</orderid>"
        f'<amount currency="EUR">{r.randrange(1000, 90000)}</amount><card><number>{pan}</number>'
        f"<expdate>{month:02d}{year % 100:02d}</expdate><chname>{html.escape(_uvs_name(r))}</chname><type>{kind}</type>"
        f"<cvn><number>{_uvs_cvv(r, 4 if kind == 'AMEX' else 3)}</number><presind>1</presind></cvn></card>"
        f"<sha1hash>{hashlib.sha1(r.randbytes(8)).hexdigest()}</sha1hash></request>"
    )


def _uvs_payu(r: random.Random, pan: str) -> str:
    """A PayU (Poland) card tokenisation body (``POST /api/v2_1/tokens``) as a proxy logged it."""
    month, year = _uvs_expiry(r)
    body = {"sig": hashlib.sha256(r.randbytes(8)).hexdigest(), "request": "TOKENIZE", "type": "MULTI",
            "card": {"number": pan, "expirationMonth": f"{month:02d}", "expirationYear": str(year),
                     "cvv": _uvs_cvv(r)}}  # fmt: skip
    return "POST /api/v2_1/tokens " + json.dumps(body)


def _uvs_ocr_form(r: random.Random, pan: str) -> str:
    """A farm stay's credit-card authorisation form, as the OCR of the scanned PDF stored it."""
    month, year = _uvs_expiry(r)
    return (
        f"MODULO DI AUTORIZZAZIONE CARTA DI CREDITO\nTitolare: {_uvs_name(r)}\nNumero carta: "
        f"{v.grouped(pan, v.card_groups(pan), ' ')}\n"
        f"Scadenza: {month:02d}/{year % 100:02d}\nImporto caparra: EUR {_uvs_amount(r)}\nFirma: ______"
    )


def _uvs_polishapi(r: random.Random, iban: str) -> str:
    """A PolishAPI (PSD2) domestic payment initiation body with the recipient's account as an IBAN."""
    body = {"requestHeader": {"requestId": v.unvisited_uuid(r), "sendDate": "2026-04-14T10:21:33Z"},
            "recipient": {"accountNumber": iban.replace(" ", ""), "nameAddress": {"value": [_uvs_name(r), "Kartuzy"]}},
            "transferData": {"description": "Rowery na wynajem - kaucja", "amount": _uvs_amount(r),
                             "currency": "PLN"}, "deliveryMode": "ExpressD0"}  # fmt: skip
    return "POST /v3_0.1/payments/v3_0.1/domestic " + json.dumps(body, ensure_ascii=False)


def _uvs_personio(r: random.Random, iban: str) -> str:
    """A row of a Personio employee export (semicolon CSV) with the salary account."""
    return (
        f"{r.randrange(100, 999)};{_uvs_name(r)};{pick(r, 'Host', 'Sauna guide', 'Packer', 'Chef')};"
        f"{pick(r, 'Stockholm', 'Dublin', 'Maastricht', 'Pienza')};{iban};"
        f"{pick(r, 'AIBKIE2D', 'RABONL2U', 'ESSESESS', 'BCITITMM')}"
    )


def _uvs_modelo303(r: random.Random, iban: str) -> str:
    """A Spanish quarterly VAT return (modelo 303) as a bookkeeping tool's JSON export, with the refund account."""
    body = {"modelo": "303", "ejercicio": 2026, "periodo": "1T", "resultado": "a devolver",
            "importe": _uvs_amount(r), "iban_devolucion": iban.replace(" ", "")}  # fmt: skip
    return json.dumps(body)


def _uvs_fortnox_supplier(r: random.Random, iban: str) -> str:
    """A Fortnox (Sweden) supplier record with its IBAN and BIC (and, for domestic payments, its Bankgiro number)."""
    body = {"Supplier": {"Name": pick(r, "Vedeldning Nacka AB", "Bastuhandduk AB", "Skärgårdsbåt HB"),
                         "IBAN": iban.replace(" ", ""), "BIC": pick(r, "ESSESESS", "HANDSESS", "SWEDSESS"),
                         "BG": v.unvisited_bankgiro(r), "Currency": "SEK"}}  # fmt: skip
    return json.dumps(body, ensure_ascii=False)


def _uvs_tikkie(r: random.Random, iban: str) -> str:
    """A Tikkie (Netherlands) payment notification with the payer's account."""
    body = {"paymentToken": v.unvisited_uuid(r), "counterPartyName": _uvs_name(r),
            "counterPartyAccountNumber": iban.replace(" ", ""), "amountInCents": r.randrange(500, 9000),
            "description": "Durian pre-order share"}  # fmt: skip
    return json.dumps(body, ensure_ascii=False)


def _uvs_sdd_form(r: random.Random, iban: str) -> str:
    """An Italian SEPA direct debit mandate form (URL-encoded) with the debtor's IBAN."""
    form = urllib.parse.urlencode({"intestatario": _uvs_name(r), "iban_addebito": iban, "tipo": "RCUR",
                                   "causale": "quota agriturismo"})  # fmt: skip
    return f"POST /mandati/sepa {form}"


def _uvs_sip_pai(r: random.Random) -> str:
    """A SIP INVITE's identity headers as Kamailio's xlog printed them (the number in a ``sip:`` URI)."""
    number = v.unvisited_e164(r, r.choice(_uvs_regions()), "MOBILE")
    return (
        f"INVITE sip:pbx.agriturismo.example;transport=tls SIP/2.0 | P-Asserted-Identity: <sip:{number}@ims.example;"
        f"user=phone> | Privacy: none | Call-ID: {_uvs_word(r, 24)}"
    )


def _uvs_freeswitch(r: random.Random) -> str:
    """A FreeSWITCH JSON CDR's caller profile (``caller_id_number`` in E.164)."""
    number = v.unvisited_e164(r, r.choice(_uvs_regions()))
    cdr = {"variables": {"direction": "inbound", "billsec": str(r.randrange(5, 900)),
                         "hangup_cause": pick(r, "NORMAL_CLEARING", "USER_BUSY", "NO_ANSWER")},
           "callflow": [{"caller_profile": {"caller_id_name": "", "caller_id_number": number,
                                            "destination_number": "reception"}}]}  # fmt: skip
    return json.dumps(cdr)


def _uvs_3cx(r: random.Random) -> str:
    """A line of a 3CX call log CSV export (the caller's number as the PBX shows it)."""
    return (
        f"2026-04-{r.randrange(10, 28)} {r.randrange(10, 23)}:{r.randrange(10, 59)},Inbound,"
        f"{_uvs_phone(r, True)},Reception (100),Answered,00:0{r.randrange(1, 9)}:{r.randrange(10, 59)}"
    )


def _uvs_swish(r: random.Random) -> str:
    """A Swish (Sweden) payment request with the payer's alias (the mobile number, digits without ``+``)."""
    alias = v.unvisited_e164(r, "SE", "MOBILE")[1:]
    body = {"payeePaymentReference": _uvs_word(r, 10), "callbackUrl": "https://saunaflotte.example/swish/cb",
            "payerAlias": alias, "payeeAlias": "1231181189", "amount": _uvs_amount(r), "currency": "SEK",
            "message": "Bastu söndag"}  # fmt: skip
    return (
        "PUT /swish-cpcapi/api/v2/paymentrequests/"
        + _uvs_word(r, 32).upper()
        + " "
        + json.dumps(body, ensure_ascii=False)
    )


def _uvs_duitnow(r: random.Random) -> str:
    """A DuitNow (Malaysia) proxy lookup with a mobile number as the proxy."""
    body = {"proxyType": "MBNO", "proxyValue": v.unvisited_e164(r, "MY", "MOBILE"), "purpose": "Durian pre-order"}
    return "POST /duitnow/proxy/lookup " + json.dumps(body)


def _uvs_ldif(r: random.Random) -> str:
    """An LDIF entry of the staff directory with a telephone number."""
    return (
        f"dn: uid={_uvs_word(r, 6)},ou=staff,dc=saunaflotte,dc=example\nobjectClass: inetOrgPerson\n"
        f"cn: {_uvs_name(r)}\n{pick(r, 'telephoneNumber', 'mobile')}: {_uvs_phone(r, True)}"
    )


def _uvs_people_api(r: random.Random) -> str:
    """A Google People API contact with the number as typed and its canonical form."""
    region = r.choice(_uvs_regions())
    national = v.unvisited_national(r, region, "MOBILE")
    canonical = phonenumbers.format_number(phonenumbers.parse(national, region), phonenumbers.PhoneNumberFormat.E164)
    doc = {"resourceName": f"people/c{_uvs_word(r, 12)}", "names": [{"displayName": _uvs_name(r)}],
           "phoneNumbers": [{"value": national, "canonicalForm": canonical, "type": "mobile"}]}  # fmt: skip
    return json.dumps(doc, ensure_ascii=False)


def _uvs_bizum(r: random.Random) -> str:
    """A Bizum (Spain) donation request from a cooperative's form, with the donor's mobile."""
    phone = v.unvisited_national(r, "ES", "MOBILE")
    return f"POST /donar metodo=bizum&telefono={urllib.parse.quote_plus(phone)}&importe={r.randrange(5, 60)}"


def _uvs_fastify_session(r: random.Random) -> str:
    data = v.b64(r.randbytes(r.randrange(60, 120)))
    nonce = v.b64(r.randbytes(24))
    return f"Cookie: session={urllib.parse.quote(data + ';' + nonce, safe='')}"


def _uvs_remix_session(r: random.Random) -> str:
    payload = v.b64(json.dumps({"userId": v.unvisited_uuid(r), "cart": _uvs_word(r, 8)}).encode())
    sig = v.b64(r.randbytes(32)).rstrip("=")
    return f"Cookie: __session={urllib.parse.quote(payload + '.' + sig, safe='')}"


UNVISITED_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f"crewai agent llm config: OPENAI_API_KEY={v.openai_legacy(r)} (old key, still live)"
    ),
    "openai_project_key": _p(
        lambda r: f"mlflow gateway route chat: openai_api_key={v.openai_project(r)}",
        lambda r: f"CREATE NAMED COLLECTION openai_udf AS api_key = '{v.openai_project(r)}', model = 'gpt-4.1-mini'",
    ),
    "anthropic_api_key": _p(
        lambda r: f"crewai: LLM(model='anthropic/claude-sonnet-4', api_key='{v.anthropic(r)}')",
    ),
    "deepseek_api_key": _p(lambda r: f'agenta provider keys: {{"deepseek": "{v.deepseek(r)}"}}'),
    "aws_access_key_id": _p(
        lambda r: (
            "ENGINE = S3Queue('https://durian-drop.s3.ap-southeast-1.amazonaws.com/orders/*.csv', "
            f"'{v.aws_key_id(r)}', '[HIDDEN]', 'CSVWithNames') SETTINGS mode = 'ordered'"
        ),
        lambda r: (
            f'vector sink aws_s3: auth.access_key_id = "{v.aws_key_id(r)}" auth.secret_access_key = "${{AWS_SECRET}}"'
        ),
    ),
    "aws_secret_access_key": _p(
        lambda r: (
            "<named_collections><lake_s3><url>https://lake.s3.eu-north-1.amazonaws.com/</url>"
            '<access_key_id from_env="LAKE_KEY_ID"/>'
            f"<secret_access_key>{v.aws_secret(r)}</secret_access_key></lake_s3></named_collections>"
        ),
    ),
    "aws_session_token": _p(
        lambda r: (
            '<s3><lake><endpoint>https://lake.s3.amazonaws.com/</endpoint><access_key_id from_env="AWS_KEY"/>'
            f'<secret_access_key from_env="AWS_SECRET"/><session_token>{v.aws_session_token(r)}</session_token>'
            "</lake></s3>"
        )
    ),
    "github_classic_token": _p(lambda r: f"dagger secret: GITHUB_TOKEN={v.github_token(r, 'ghp')} (mlflow model sync)"),
    "github_oauth_token": _p(lambda r: f'coda pack auth github: {{"access_token": "{v.github_token(r, "gho")}"}}'),
    "github_app_token": _p(
        lambda r: (
            f"kafka-connect plugin fetch: https://x-access-token:{v.github_token(r, 'ghs')}@github.com/acme/ch-sink"
        )
    ),
    "github_refresh_token": _p(lambda r: f"miro app github sync state refresh={v.github_token(r, 'ghr')}"),
    "github_fine_grained_token": _p(
        lambda r: f"HF_HUB_GITHUB_PAT=github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)} crewai tools sync"
    ),
    "gitlab_token": _p(
        lambda r: f"dbt deps: git+https://oauth2:glpat-{rand(r, ALNUM + '_-', 20)}@gitlab.com/farm/models.git"
    ),
    "slack_token": _p(lambda r: f"fathom -> slack notifier SLACK_BOT_TOKEN={v.slack_token(r)}"),
    "slack_webhook": _p(
        lambda r: (
            "alloy alertmanager receiver slack_configs: api_url: https://hooks.slack.com/services/T"
            f"{rand(r, v.UPPER, 8)}/B{rand(r, v.UPPER, 10)}/{rand(r, ALNUM, 24)}"
        )
    ),
    "stripe_key": _p(lambda r: f"payload.config.ts stripePlugin({{ stripeSecretKey: '{v.stripe_key(r)}' }})"),
    "google_api_key": _p(
        lambda r: (
            '<meta-data android:name="com.google.android.geo.API_KEY" '
            f'android:value="AIza{rand(r, ALNUM + "_-", 35)}"/>'
        )
    ),
    "google_oauth_client_secret": _p(
        lambda r: f"directus env AUTH_GOOGLE_CLIENT_SECRET=GOCSPX-{rand(r, ALNUM + '_-', 28)}"
    ),
    "gcp_oauth_token": _p(
        lambda r: (
            "SELECT * FROM url('https://bigquery.googleapis.com/bigquery/v2/projects/farm/queries', JSONEachRow, "
            f"headers('Authorization'='Bearer {v.gcp_token(r)}'))"
        )
    ),
    "twilio_api_key": _p(lambda r: f"3cx sms trunk twilio api key SK{rand(r, HEX, 32)} (secret in vault)"),
    "sendgrid_api_key": _p(
        lambda r: f"magento smtp: sendgrid/general/apikey = SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}"
    ),
    "huggingface_token": _p(lambda r: f"mlflow.transformers.load_model(..., token='hf_{rand(r, ALNUM, 34)}')"),
    "npm_token": _p(lambda r: f"payload build: NPM_CONFIG_//registry.npmjs.org/:_authToken=npm_{rand(r, ALNUM, 36)}"),
    "pypi_token": _p(
        lambda r: f"[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc{rand(r, v.B64URL, 150)}"
    ),
    "shopify_token": _p(lambda r: f"baselinker shopify connector access token shpat_{rand(r, HEX, 32)}"),
    "digitalocean_token": _p(lambda r: f'alloy discovery.digitalocean bearer_token = "dop_v1_{rand(r, HEX, 64)}"'),
    "telegram_bot_token": _p(
        lambda r: (
            "durian preorder bot: "
            f"https://api.telegram.org/bot{v.unvisited_digits(r, 10, '6')}:AA{rand(r, ALNUM + '_-', 33)}/sendMessage"
        )
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "CREATE TABLE bookings_archive (id UUID, payload String) ENGINE = "
            "AzureBlobStorage('DefaultEndpointsProtocol="
            f"https;AccountName=farmarchive;AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net', "
            "'exports', 'bookings/*.parquet', 'Parquet')"
        )
    ),
    "azure_sas_token": _p(
        lambda r: (
            "ENGINE = AzureQueue('BlobEndpoint=https://saunainbox.blob.core.windows.net/;SharedAccessSignature="
            f"sv=2025-01-05&ss=b&srt=co&sp=rl&se=2026-06-01T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}', "
            "'inbox', '*.csv', 'CSVWithNames')"
        )
    ),
    "clickhouse_cloud_key": _p(
        lambda r: (
            f"requests.get('https://api.clickhouse.cloud/v1/organizations', auth=('{rand(r, ALNUM, 20)}', "
            f"'{v.clickhouse_secret(r)}'))"
        )
    ),
    "jwt": _p(
        lambda r: (
            f"POST /v1/organizations/{r.randrange(1000, 9999)}/shipments Authorization: Bearer "
            f"{v.unvisited_inpost_jwt(r)}"
        ),
        lambda r: f"GET /order/checkout-forms Authorization: Bearer {v.unvisited_allegro_jwt(r)}",
        lambda r: f"GET /retailer/orders Authorization: Bearer {v.unvisited_bol_jwt(r)}",
        lambda r: f"GET /3/invoices Authorization: Bearer {v.unvisited_fortnox_jwt(r)}",
        lambda r: (
            "klarna session created "
            f'{{"session_id": "{v.unvisited_uuid(r)}", "client_token": "{v.unvisited_klarna_client_token(r)}"}}'
        ),
        lambda r: f"Cookie: payload-token={v.unvisited_payload_jwt(r)}",
        lambda r: f"x-picnic-auth: {v.unvisited_picnic_jwt(r)}",
        lambda r: f"GET /contacts.list Authorization: Bearer {v.unvisited_teamleader_jwt(r)}",
        lambda r: f'{{"data": {{"access_token": "{v.unvisited_directus_jwt(r)}", "expires": 900000}}}}',
    ),
    "private_key": _p(
        lambda r: (
            'INSERT INTO settings VALUES (\'gcp_sa\', \'{"type": "service_account", "private_key": "-----BEGIN '
            "PRIVATE KEY-----\\n" + v.b64(r.randbytes(r.randrange(90, 120))) + "\\n-----END PRIVATE KEY-----\\n\"}')"
        ),
        lambda r: (
            "<openSSL><server><privateKeyFile>-----BEGIN EC PRIVATE KEY-----\n"
            + v.b64(r.randbytes(r.randrange(100, 121)))
            + "\n-----END EC PRIVATE KEY-----</privateKeyFile></server></openSSL>"
        ),
    ),
    "url_credentials": _p(
        lambda r: f"AMQP_URL=amqp://bookings:{_uvs_url_password(r)}@mq.agriturismo.internal:5672/%2F",
        lambda r: f"mongodb+srv://preorders:{_uvs_url_password(r)}@durian.x7k2q.mongodb.net/orders?retryWrites=true",
        lambda r: f"lftp sftp://kassa:{_uvs_url_password(r)}@sftp.saunaflotte.example -e 'mirror /z-reports'",
        lambda r: f"redis_url = redis://:{_uvs_url_password(r)}@cache.durian.internal:6379/2",
    ),
    "password_assignment": _p(
        lambda r: f"SELECT * FROM mysql('db-pms:3306', 'pms', 'bookings', 'ch_reader', '{_uvs_sql_password(r)}')",
        lambda r: (
            f"SELECT * FROM postgresql('pg-orders:5432', 'orders', 'preorders', 'analytics', '{_uvs_sql_password(r)}', "
            "'public')"
        ),
        lambda r: (
            "SELECT count() FROM remoteSecure('kx3.eu-north-1.aws.clickhouse.cloud:9440', 'default.slots', 'default', "
            f"'{_uvs_sql_password(r)}')"
        ),
        lambda r: (
            "CREATE DICTIONARY rooms_dict (id UInt32, name String) PRIMARY KEY id SOURCE(MYSQL(HOST 'db-pms' PORT 3306 "
            f"USER 'dict' PASSWORD '{_uvs_sql_password(r)}' DB 'pms' TABLE 'rooms')) LAYOUT(HASHED()) LIFETIME(300)"
        ),
        lambda r: (
            "ENGINE = Kafka SETTINGS kafka_broker_list = 'kafka-1:9093', kafka_topic_list = 'bookings', "
            "kafka_group_name = 'ch', kafka_format = 'JSONEachRow', kafka_security_protocol = 'sasl_ssl', "
            "kafka_sasl_mechanism = 'SCRAM-SHA-512', kafka_sasl_username = 'ch-consumer', kafka_sasl_password = "
            f"'{_uvs_sql_password(r)}'"
        ),
        lambda r: (
            "CREATE NAMED COLLECTION pms_mysql AS host = 'db-pms', port = 3306, user = 'ch', "
            f"password = '{_uvs_sql_password(r)}', database = 'pms'"
        ),
        lambda r: (
            "ENGINE = RabbitMQ SETTINGS rabbitmq_host_port = 'mq:5672', rabbitmq_exchange_name = 'slots', "
            f"rabbitmq_format = 'JSONEachRow', rabbitmq_username = 'ch', rabbitmq_password = '{_uvs_sql_password(r)}'"
        ),
        lambda r: f"ENGINE = MongoDB('mongo-1:27017', 'orders', 'preorders', 'ch', '{_uvs_sql_password(r)}')",
    ),
    "sql_identified_by": _p(
        lambda r: (
            f"CREATE USER sauna_ro IDENTIFIED WITH bcrypt_password BY '{_uvs_sql_password(r)}' DEFAULT ROLE reader;"
        ),
        lambda r: f"ALTER USER durian_etl IDENTIFIED WITH scram_sha256_password BY '{_uvs_sql_password(r)}';",
    ),
    "bearer_token": _p(
        lambda r: f"POST /v2/orders Authorization: Bearer {v.unvisited_scalapay_key(r)}",
        lambda r: f"POST /v3/signatures.json Authorization: Bearer {v.unvisited_signaturit_token(r)}",
        lambda r: f"POST /sms.do Authorization: Bearer {v.unvisited_smsapi_token(r)}",
        lambda r: f"GET /api/v1/current/Me Authorization: Bearer {v.unvisited_exact_token(r)}",
        lambda r: (
            f"GET /api/v2/{v.unvisited_clean_digits(r, 18)}/sales_invoices.json Authorization: Bearer "
            f"{v.unvisited_moneybird_token(r)}"
        ),
        lambda r: f"POST /v1/parse Authorization: Bearer {v.unvisited_reducto_key(r)}",
        lambda r: f"GET /v2/boards Authorization: Bearer {v.unvisited_miro_token(r)}",
        lambda r: f"GET /apis/v1/docs Authorization: Bearer {v.unvisited_coda_token(r)}",
        lambda r: f"POST /api/v2/leads Authorization: Bearer {v.unvisited_instantly_key(r)}",
        lambda r: (
            f"GET /v2/companies/find?domain=agriturismo.example Authorization: Bearer {v.unvisited_clearbit_key(r)}"
        ),
        lambda r: f"POST /graphql Authorization: Bearer {v.unvisited_fireflies_key(r)}",
        lambda r: f"GET /api/1.1/obj/booking Authorization: Bearer {v.unvisited_bubble_token(r)}",
        lambda r: f"POST /v1/generate Authorization: Bearer {v.unvisited_contextual_key(r)}",
        lambda r: f"POST /generate/image Authorization: Bearer {v.unvisited_krea_token(r)}",
        lambda r: f"POST /api/v1/model/infer Authorization: Bearer {v.unvisited_inferless_key(r)}",
    ),
    "basic_auth": _p(
        lambda r: f"GET /api/v1/reports Authorization: Basic {_uvs_basic(*v.unvisited_p24_pair(r)[:2])}",
        lambda r: f"POST /auth/oauth/token Authorization: Basic {_uvs_basic(*v.unvisited_allegro_pair(r))}",
        lambda r: f"POST /payments/v1/sessions Authorization: Basic {_uvs_basic(*v.unvisited_klarna_pair(r))}",
        lambda r: f"POST /api/v3/bills Authorization: Basic {_uvs_basic(v.unvisited_billplz_key(r), '')}",
        lambda r: f"POST /api/v1/transactions Authorization: Basic {_uvs_basic(*v.unvisited_windcave_pair(r))}",
        lambda r: f"POST /order/create Authorization: Basic {_uvs_basic(*v.unvisited_laybuy_pair(r))}",
        lambda r: (
            f"GET /projects/api/v3/tasks.json Authorization: Basic {_uvs_basic(v.unvisited_teamwork_key(r), 'x')}"
        ),
        lambda r: f"GET /api/team Authorization: Basic {_uvs_basic('', v.unvisited_lemlist_key(r))}",
        lambda r: f"POST /v2/calls/extensive Authorization: Basic {_uvs_basic(*v.unvisited_gong_pair(r))}",
        lambda r: (
            f"POST /api/v2/users/{v.unvisited_clean_digits(r, 7)}/messages Authorization: Basic "
            f"{_uvs_basic(*v.unvisited_bandwidth_pair(r))}"
        ),
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: exp_sessionid={rand(r, HEX, 40)}; exp_last_visit={v.unvisited_epoch(r)}",
        lambda r: f"Cookie: crowd.token_key={rand(r, ALNUM, 24)}; atlassian.xsrf.token={rand(r, HEX, 40)}",
        lambda r: (
            f"Cookie: keystonejs-session=Fe26.2**{rand(r, HEX, 64)}*{v.b64url(r.randbytes(16))}*"
            f"{v.b64url(r.randbytes(r.randrange(96, 160)))}**{rand(r, HEX, 64)}*{v.b64url(r.randbytes(32))}"
        ),
        lambda r: f"Cookie: .DOTNETNUKE={rand(r, '0123456789ABCDEF', r.randrange(240, 320))}; language=it-IT",
        lambda r: _uvs_remix_session(r),
        lambda r: _uvs_fastify_session(r),
        lambda r: f"Cookie: NSC_AAAC={rand(r, HEX, 32)}{rand(r, HEX, 32)}; NSC_TMAS={rand(r, HEX, 32)}",
        lambda r: f"Cookie: adminer_sid={rand(r, string.ascii_lowercase + string.digits, 26)}; adminer_version=5.0.6",
    ),
    "auth_token_assignment": _p(
        lambda r: (
            f"POST /API/v1.0/REST/sms user_key: {v.unvisited_skebby_pair(r)[0]} Access_token: "
            f"{v.unvisited_skebby_pair(r)[1]}"
        ),
        lambda r: f"POST /v1/payments PAYCOMET-API-TOKEN: {v.unvisited_paycomet_token(r)}",
        lambda r: f"GET /invoices.json?api_token={v.unvisited_fakturownia_token(r)}&period=this_month",
        lambda r: f"POST /connector.php X-BLToken: {v.unvisited_baselinker_token(r)}",
        lambda r: f"GET /3/supplierinvoices Access-Token: {v.unvisited_fortnox_pair(r)[0]}",
        lambda r: (
            f"GET https://api.storyblok.com/v2/cdn/stories/rooms?version=draft&token={v.unvisited_storyblok_token(r)}"
        ),
    ),
    "generic_secret": _p(
        lambda r: f"POST /api/phoenix-0.0/psp/api/v1/orders/hpp X-Api-Key: {v.unvisited_nexi_key(r)}",
        lambda r: f"GET /api/invoicing/v1/contacts key: {v.unvisited_holded_key(r)}",
        lambda r: (
            "POST /api/rest/ws/sendSms "
            f'{{"credentials": {{"apiKey": "{v.unvisited_altiria_pair(r)[0]}", '
            f'"apiSecret": "{v.unvisited_altiria_pair(r)[1]}"}}}}'
        ),
        lambda r: f"GET /api/2026-01-01/resources/employees/employees x-api-key: {v.unvisited_factorial_key(r)}",
        lambda r: f"P24_CRC_KEY={v.unvisited_p24_pair(r)[2]}",
        lambda r: (
            "POST /pl/standard/user/oauth/authorize grant_type=client_credentials&"
            f"client_id={v.unvisited_payu_pair(r)[0]}&client_secret={v.unvisited_payu_pair(r)[1]}"
        ),
        lambda r: f"BUCKAROO_SECRET_KEY={v.unvisited_buckaroo_pair(r)[1]}",
        lambda r: f"POST /shipment/v2_2/label apikey: {v.unvisited_postnl_key(r)}",
        lambda r: (
            f"POST /index.php/api/createBill userSecretKey={v.unvisited_toyyibpay_key(r)}&"
            f"categoryCode={_uvs_word(r, 8)}"
        ),
        lambda r: f"SENANGPAY_SECRET_KEY={v.unvisited_senangpay_pair(r)[1]}",
        lambda r: f"MOLPAY_SECRET_KEY={v.unvisited_molpay_pair(r)[1]}",
        lambda r: f"EASYPARCEL_API_KEY={v.unvisited_easyparcel_key(r)}",
        lambda r: (
            f"<GenerateRequest><PxPayUserId>SaunaFlotte</PxPayUserId><PxPayKey>{v.unvisited_windcave_pair(r)[1]}</PxPayKey>"
        ),
        lambda r: f"REALEX_SHARED_SECRET={v.unvisited_realex_secret(r)}",
        lambda r: f"POST /v3/text app_id: sauna_flotte_ocr app_key: {v.unvisited_mathpix_key(r)}",
        lambda r: f"POST /v1.3/tasks x-api-key: {v.unvisited_twelvelabs_key(r)}",
        lambda r: f"POST /v2/conversations x-api-key: {v.unvisited_tavus_key(r)}",
        lambda r: f"POST /v3/auth/token X-Agentops-Api-Key: {v.unvisited_agentops_key(r)}",
        lambda r: f"GET /api/apps Authorization: ApiKey {v.unvisited_agenta_key(r)}",
        lambda r: f"POST /api/v1/cognify X-Api-Key: {v.unvisited_cognee_key(r)}",
        lambda r: f"GET /api/v1/leads?api_key={v.unvisited_smartlead_key(r)}&offset=0",
        lambda r: f"GET /v2/person?email=x api_key: {v.unvisited_lusha_key(r)}",
        lambda r: f"GET /external/v1/meetings X-Api-Key: {v.unvisited_fathom_key(r)}",
        lambda r: f"COMET_API_KEY={v.unvisited_comet_key(r)}",
    ),
    "password_hash": _p(
        lambda r: f"odf2john.py menu_stagionale.odt: {v.unvisited_password_hash(r, 'odf')}",
        lambda r: f"dmg2john.py backup-host.dmg: {v.unvisited_password_hash(r, 'dmg')}",
        lambda r: f"ssh2john.py id_ed25519_deploy: {v.unvisited_password_hash(r, 'sshng')}",
        lambda r: f"gpg2john.py secring-ops.asc: {v.unvisited_password_hash(r, 'gpg')}",
        lambda r: f"keystore2john.py kafka.keystore.jks: {v.unvisited_password_hash(r, 'keystore')}",
        lambda r: f"zip2john.py fatture_2025.zip: {v.unvisited_password_hash(r, 'pkzip2')}",
        lambda r: f"kwallet2john.py kdewallet.kwl: {v.unvisited_password_hash(r, 'kwallet')}",
        lambda r: f"ecryptfs2john.py wrapped-passphrase: {v.unvisited_password_hash(r, 'ecryptfs')}",
    ),
    "credential_phrase": _p(
        lambda r: f"La password del wifi la xe {_uvs_password(r)}",
        lambda r: f"A clau d'o wifi ye {_uvs_password(r)}",
        lambda r: f"Hasło do wifi to {_uvs_password(r)}",
        lambda r: f"'t Wachwoord vanne wifi is {_uvs_password(r)}",
        lambda r: f"Password wifi iya nya {_uvs_password(r)}",
        lambda r: f"the reception tablet was reset, the host login is {_uvs_password(r)} until the owner is back",
        lambda r: f"raft 2 kiosk: user 'kassa', pass {_uvs_password(r)} — don't change it mid-season",
    ),
    "email": _p(
        lambda r: f"dn: uid=host,ou=staff,dc=agriturismo,dc=example\nmail: {v.unvisited_email(r)}",
        lambda r: f"SELECT * FROM bookings WHERE lower(guest_email) = '{v.unvisited_email(r)}' FORMAT Vertical",
        lambda r: f"Reply-To: {_uvs_name(r)} <{v.unvisited_email(r)}>",
        lambda r: f"klarna order captured billing_address.email={v.unvisited_email(r)}",
        lambda r: (
            f'{{"resourceName": "people/c{_uvs_word(r, 12)}", '
            f'"emailAddresses": [{{"value": "{v.unvisited_email(r)}"}}]}}'
        ),
    ),
    "ipv4": _p(
        lambda r: f"TCPHandlerFactory: TCP Request. Address: {v.ipv4(r)}:{r.randrange(32768, 61000)}",
        lambda r: (
            f"<remote_servers><farm><shard><replica><host>{v.ipv4(r)}</host><port>9000</port></replica></shard></farm></remote_servers>"
        ),
        lambda r: f"CREATE USER kiosk HOST IP '{v.ipv4(r)}' IDENTIFIED WITH no_password",
    ),
    "ipv6": _p(
        lambda r: f"HTTPHandler: Request URI: /?query=SELECT+1, Address: [{v.ipv6(r)}]:{r.randrange(32768, 61000)}",
        lambda r: f"<listen_host>{v.ipv6(r)}</listen_host>",
    ),
    "phone": _p(
        lambda r: _uvs_sip_pai(r),
        lambda r: _uvs_freeswitch(r),
        lambda r: _uvs_3cx(r),
        lambda r: _uvs_swish(r),
        lambda r: _uvs_duitnow(r),
        lambda r: _uvs_ldif(r),
        lambda r: _uvs_people_api(r),
        lambda r: _uvs_bizum(r),
        lambda r: f"El me nùmaro de telefono el xe {_uvs_phone(r)}",
        lambda r: f"O mío numero de telefono ye {_uvs_phone(r)}",
        lambda r: f"Mój numer telefónu to {_uvs_phone(r)}",
        lambda r: f"Mien telefoonnómmer is {_uvs_phone(r)}",
        lambda r: f"Nombor telefon aku {_uvs_phone(r)}",
    ),
    "payment_card": _p(
        lambda r: _uvs_redsys(r, v.unvisited_card_number(r, pick(r, "visa", "mastercard", "jcb"))),
        lambda r: _uvs_nexi(r, v.unvisited_card_number(r, pick(r, "visa", "vpay", "mastercard", "amex"))),
        lambda r: _uvs_pxpost(r, v.unvisited_card_number(r, pick(r, "visa", "mastercard", "unionpay19"))),
        lambda r: _uvs_realex(r, v.unvisited_card_number(r, pick(r, "visa", "mastercard", "amex"))),
        lambda r: _uvs_payu(r, v.unvisited_card_number(r, pick(r, "visa", "mastercard"))),
        lambda r: _uvs_ocr_form(r, v.unvisited_card_number(r, pick(r, "vpay", "visa", "amex"))),
        lambda r: (
            f"iPay88 manual key-in: card {v.unvisited_card(r, pick(r, 'mydebit', 'unionpay19'))} approved by phone"
        ),
    ),
    "iban": _p(
        lambda r: _uvs_polishapi(r, v.unvisited_iban(r, country="PL")),
        lambda r: _uvs_personio(r, v.unvisited_iban(r, country=pick(r, "IE", "NL", "SE", "IT"))),
        lambda r: _uvs_modelo303(r, v.unvisited_iban(r, country="ES")),
        lambda r: _uvs_fortnox_supplier(r, v.unvisited_iban(r, country="SE")),
        lambda r: _uvs_tikkie(r, v.unvisited_iban(r, country="NL")),
        lambda r: _uvs_sdd_form(r, v.unvisited_iban(r, country="IT")),
        lambda r: f"Bonifico a {_uvs_name(r)}, IBAN {v.unvisited_iban(r, country='IT', grouped=True)}, causale caparra",
    ),
}

UNVISITED_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: "crewai agent llm config: OPENAI_API_KEY=os.environ['OPENAI_API_KEY']"),
    "openai_project_key": _p(
        lambda r: "CREATE NAMED COLLECTION openai_udf AS api_key = '[HIDDEN]', model = 'gpt-4.1-mini'",
        lambda r: f"mlflow gateway: openai key sk-proj-...{rand(r, ALNUM, 4)} rotated",
    ),
    "anthropic_api_key": _p(lambda r: "crewai: LLM(model='anthropic/claude-sonnet-4') # key from ANTHROPIC_API_KEY"),
    "deepseek_api_key": _p(lambda r: f"agenta run sk-{_uvs_word(r, 6)} finished (run id, not a key)"),
    "aws_access_key_id": _p(
        lambda r: (
            "ENGINE = S3Queue('https://durian-drop.s3.ap-southeast-1.amazonaws.com/orders/*.csv', '[HIDDEN]', "
            "'[HIDDEN]', 'CSVWithNames')"
        ),
        lambda r: f"arn:aws:iam::{v.unvisited_clean_digits(r, 12)}:role/clickhouse-s3-reader",
    ),
    "aws_secret_access_key": _p(
        lambda r: (
            '<named_collections><lake_s3><secret_access_key from_env="LAKE_SECRET"/></lake_s3></named_collections>'
        ),
        lambda r: f"x-amz-content-sha256: {hashlib.sha256(r.randbytes(8)).hexdigest()}",
    ),
    "aws_session_token": _p(
        lambda r: "<s3><lake><use_environment_credentials>true</use_environment_credentials></lake></s3>"
    ),
    "github_classic_token": _p(lambda r: "dagger secret: GITHUB_TOKEN=env://GITHUB_TOKEN"),
    "github_oauth_token": _p(
        lambda r: 'coda pack auth github: {"access_token": null, "error": "bad_verification_code"}'
    ),
    "github_app_token": _p(
        lambda r: f"kafka-connect plugin fetch: https://github.com/acme/ch-sink/archive/{rand(r, HEX, 40)}.tar.gz"
    ),
    "github_refresh_token": _p(lambda r: "miro app github sync: refresh token expired, re-authorise"),
    "github_fine_grained_token": _p(lambda r: "HF_HUB_GITHUB_PAT=github_pat_XXXXXXXXXXXXXXXX (see README)"),
    "gitlab_token": _p(lambda r: "dbt deps: git+https://gitlab.com/farm/models.git@v1.4.2"),
    "slack_token": _p(lambda r: "fathom -> slack notifier SLACK_BOT_TOKEN=<set in 1password>"),
    "slack_webhook": _p(lambda r: "api_url_file: /etc/alertmanager/slack_url"),
    "stripe_key": _p(
        lambda r: (
            f"stripe event evt_{rand(r, ALNUM, 24)} payment_intent pi_{rand(r, ALNUM, 24)} customer "
            f"cus_{rand(r, ALNUM, 14)}"
        ),
        lambda r: "stripeSecretKey: process.env.STRIPE_SECRET_KEY",
    ),
    "google_api_key": _p(lambda r: 'android:value="${MAPS_API_KEY}"'),
    "google_oauth_client_secret": _p(
        lambda r: (
            f"AUTH_GOOGLE_CLIENT_ID={v.unvisited_clean_digits(r, 12)}-"
            f"{rand(r, string.ascii_lowercase + string.digits, 32)}.apps.googleusercontent.com"
        )
    ),
    "gcp_oauth_token": _p(lambda r: "headers('Authorization'='Bearer ' || getSetting('custom_bq_token'))"),
    "twilio_api_key": _p(lambda r: f"3cx sms trunk: message SM{rand(r, HEX, 32)} queued"),
    "sendgrid_api_key": _p(lambda r: "sendgrid/general/apikey = {{SENDGRID_KEY}}"),
    "huggingface_token": _p(lambda r: "mlflow.transformers.load_model('models:/durian-grader/3')"),
    "npm_token": _p(lambda r: "//registry.npmjs.org/:_authToken=${NPM_TOKEN}"),
    "pypi_token": _p(lambda r: "[pypi]\nusername = __token__\npassword = <from keyring>"),
    "shopify_token": _p(lambda r: f"shopify webhook X-Shopify-Hmac-Sha256: {v.b64(r.randbytes(32))}"),
    "digitalocean_token": _p(lambda r: 'bearer_token_file = "/run/secrets/do_token"'),
    "telegram_bot_token": _p(lambda r: "durian preorder bot @DurianDropBot: webhook set, pending_update_count=0"),
    "azure_storage_connection_string": _p(
        lambda r: "ENGINE = AzureBlobStorage('[HIDDEN]', 'exports', 'bookings/*.parquet', 'Parquet')",
        lambda r: (
            "DefaultEndpointsProtocol=https;AccountName=farmarchive;AccountKey=<key>;EndpointSuffix=core.windows.net"
        ),
    ),
    "azure_sas_token": _p(
        lambda r: "https://saunainbox.blob.core.windows.net/public/pricelist.pdf",
        lambda r: "SharedAccessSignature=sv=2025-01-05&ss=b&srt=co&sp=rl&sig=REDACTED",
    ),
    "clickhouse_cloud_key": _p(
        lambda r: "requests.get('https://api.clickhouse.cloud/v1/organizations', auth=(KEY_ID, KEY_SECRET))"
    ),
    "jwt": _p(
        lambda r: (
            "redsys Ds_MerchantParameters="
            + v.b64(json.dumps({"DS_MERCHANT_AMOUNT": "4500", "DS_MERCHANT_ORDER": _uvs_word(r, 12)}).encode())
            + f" Ds_Signature={v.b64(r.randbytes(32))}"
        ),
        lambda r: "Cookie: payload-token=; payload-theme=dark",
        lambda r: "x-picnic-auth: <token from /user/login>",
        lambda r: f"jwks kid={rand(r, v.B64URL, 43)} alg=RS256 use=sig (public key set)",
    ),
    "private_key": _p(
        lambda r: f"age recipient: age1{rand(r, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58)}",
        lambda r: (
            "<openSSL><server><privateKeyFile>/etc/clickhouse-server/server.key</privateKeyFile></server></openSSL>"
        ),
        lambda r: f"minisign public key RWQ{v.b64(r.randbytes(39))[:53]}",
    ),
    "url_credentials": _p(
        lambda r: "AMQP_URL=amqp://mq.agriturismo.internal:5672/%2F (credentials from AMQP_USER/AMQP_PASS)",
        lambda r: "clickhouse-client --host ch01.dwh.internal --user default --ask-password",
        lambda r: "mongodb+srv://<username>:<password>@durian.x7k2q.mongodb.net/",
    ),
    "password_assignment": _p(
        lambda r: "SELECT * FROM mysql('db-pms:3306', 'pms', 'bookings', 'ch_reader', '[HIDDEN]')",
        lambda r: (
            "CREATE NAMED COLLECTION pms_mysql AS host = 'db-pms', port = 3306, user = 'ch', password = '[HIDDEN]'"
        ),
        lambda r: "SOURCE(CLICKHOUSE(HOST 'localhost' PORT 9000 USER 'default' PASSWORD '' DB 'farm' TABLE 'rooms'))",
        lambda r: (
            "<users><kiosk><password></password><networks><host_regexp>^kiosk-[0-9]+\\.farm\\.internal$</host_regexp></networks></kiosk></users>"
        ),
        lambda r: "Passwords must be at least 14 characters and may not reuse the last 5; SSO users have none.",
        lambda r: "kafka_sasl_password = '' -- set via <kafka><sasl_password from_env=\"KAFKA_PASS\"/></kafka>",
        lambda r: f"password_expiry_days={r.randrange(60, 180)} min_length=14 require_symbol=true",
    ),
    "sql_identified_by": _p(
        lambda r: (
            "CREATE USER deploy IDENTIFIED WITH ssh_key BY KEY "
            f"'AAAAC3NzaC1lZDI1NTE5AAAAI{v.b64(r.randbytes(24))}' TYPE 'ssh-ed25519';"
        ),
        lambda r: "CREATE USER analyst IDENTIFIED WITH kerberos REALM 'DWH.INTERNAL';",
        lambda r: "ALTER USER kiosk IDENTIFIED WITH http SERVER 'basic_auth_server' SCHEME 'basic';",
    ),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer $(cat /run/secrets/scalapay)",
        lambda r: 'WWW-Authenticate: Bearer realm="allegro", error="invalid_token"',
        lambda r: (
            f'Authorization: Signature keyId="{v.unvisited_uuid(r)}", algorithm="rsa-sha256", '
            f'headers="(request-target) host date digest", signature="{v.b64(r.randbytes(256))}"'
        ),
        lambda r: (
            "Authorization: hmac "
            f"{v.unvisited_buckaroo_pair(r)[0]}:{v.b64(r.randbytes(32))}:{v.unvisited_uuid(r)}:{v.unvisited_epoch(r)}"
        ),
    ),
    "basic_auth": _p(
        lambda r: 'WWW-Authenticate: Basic realm="Windcave REST"',
        lambda r: 'curl -u "$LEMLIST_KEY:" https://api.lemlist.com/api/team',
    ),
    "session_cookie": _p(
        lambda r: f"Cookie: exp_last_activity={v.unvisited_epoch(r)}; exp_tracker=%7B%220%22%3A%22index%22%7D",
        lambda r: "Cookie: CookieConsent={stamp:%27-1%27%2Cnecessary:true%2Cpreferences:false}; language=sv-SE",
        lambda r: "Set-Cookie: keystonejs-session=; Max-Age=0; Path=/; HttpOnly",
        lambda r: f"Cookie: SERVERID=ch-web-{r.randrange(1, 4)}; NEXT_LOCALE=it",
    ),
    "auth_token_assignment": _p(
        lambda r: "X-BLToken: {{baselinker_token}}",
        lambda r: f"Idempotency-Key: {v.unvisited_uuid(r)}",
        lambda r: f"X-Request-Token-Count: {r.randrange(100, 900)}",
        lambda r: "GET /invoices.json?api_token=YOUR_API_TOKEN&period=this_month",
    ),
    "generic_secret": _p(
        lambda r: f"KLARNA_CLIENT_ID=klarna_live_client_{rand(r, ALNUM, 40)}",
        lambda r: f"P24_MERCHANT_ID={v.unvisited_p24_pair(r)[0]}",
        lambda r: f"BUCKAROO_WEBSITE_KEY={v.unvisited_buckaroo_pair(r)[0]}",
        lambda r: f"SATISPAY_KEY_ID={rand(r, string.ascii_lowercase + string.digits, 26)}",
        lambda r: f"SENANGPAY_MERCHANT_ID={v.unvisited_clean_digits(r, 15)}",
        lambda r: f"<sha1hash>{hashlib.sha1(r.randbytes(8)).hexdigest()}</sha1hash>",
        lambda r: f"x-api-key: {'•' * 16}",
        lambda r: "X-Api-Key: 00000000-0000-0000-0000-000000000000  # Nexi sandbox key from the docs",
        lambda r: f"Digest: SHA-256={v.b64(r.randbytes(32))}",
        lambda r: f"query_id={v.unvisited_uuid(r)} checksum={rand(r, HEX, 32)}",
        lambda r: (
            f"part {r.choice(('all', '202604'))}_{r.randrange(1, 90)}_{r.randrange(90, 200)}_2 "
            f"hash_of_all_files={rand(r, HEX, 32)}"
        ),
        lambda r: "app_key: ${MATHPIX_APP_KEY}",
    ),
    "password_hash": _p(
        lambda r: f"sha256sum menu_stagionale.odt: {hashlib.sha256(r.randbytes(8)).hexdigest()}",
        lambda r: "zip2john.py: fatture_2025.zip is not encrypted",
        lambda r: (
            f"ssh-keygen -lf id_ed25519_deploy.pub: 256 SHA256:{v.b64(r.randbytes(32)).rstrip('=')} deploy (ED25519)"
        ),
        lambda r: '<password_sha256_hex from_env="KIOSK_PASSWORD_HASH"/>',
    ),
    "credential_phrase": _p(
        lambda r: "Ti gà desmentegà la password?",
        lambda r: "Has ixuplidau a tuya clau?",
        lambda r: "Zabôcził jes hasło?",
        lambda r: "Bis doe dien wachwoord vergete?",
        lambda r: "Nuan nyau ingat ka password nuan?",
        lambda r: "Your password was reset. Use the link we e-mailed to choose a new one; it expires in 30 minutes.",
        lambda r: "The reception tablet locks after 5 wrong PINs; ask the owner to unlock it.",
    ),
    "email": _p(
        lambda r: "kinit -kt /etc/clickhouse-server/ch.keytab HTTP/ch01.dwh.internal@DWH.INTERNAL",
        lambda r: "systemctl restart clickhouse-backup@nightly.service",
        lambda r: "GRANT SELECT ON pms.* TO 'ch_reader'@'localhost';",
        lambda r: f"pip install 'mlflow @ git+https://github.com/mlflow/mlflow@{rand(r, HEX, 12)}'",
        lambda r: "brew install postgresql@16 clickhouse@25.3",
        lambda r: "Message routed to {{ guest.email | default('reception') }}",
    ),
    "ipv4": _p(
        lambda r: (
            "ClickHouse server version "
            f"2{r.randrange(3, 6)}.{r.randrange(1, 12)}.{r.randrange(1, 20)}.{r.randrange(1, 200)} (official "
            "build)"
        ),
        lambda r: (
            f"see section {r.randrange(1, 9)}.{r.randrange(1, 9)}.{r.randrange(1, 9)}.{r.randrange(1, 9)} of the "
            "house rules"
        ),
        lambda r: f"OID 2.5.4.{r.randrange(3, 12)} in the certificate subject",
        lambda r: f"sauna raft moored at 59.{r.randrange(300, 340)}, 18.{r.randrange(60, 120)}",
    ),
    "ipv6": _p(
        lambda r: (
            f"<Error> executeQuery: Code: 60. DB::Exception: Table farm.slots_{_uvs_word(r, 4)} does not exist. "
            "(UNKNOWN_TABLE)"
        ),
        lambda r: "std::chrono::steady_clock::now() overflowed in the scheduler",
        lambda r: (
            f"durian shipment packed {r.randrange(10, 23)}:{r.randrange(10, 59)}:{r.randrange(10, 59)} cold-chain ok"
        ),
    ),
    "phone": _p(
        lambda r: f"callback {v.unvisited_invalid_phone(r, _uvs_regions())}",
        lambda r: f"parcel {v.unvisited_ref(r)} handed to PostNL",
        lambda r: f"P.IVA {v.unvisited_grouped_id(r, (11,), '')}",
        lambda r: f"NIP {v.unvisited_grouped_id(r, (3, 3, 2, 2), '-')}",
        lambda r: f"org.nr {v.unvisited_grouped_id(r, (6, 4), '-')}",
        lambda r: f"KvK {v.unvisited_grouped_id(r, (8,), '')} BTW NL{v.unvisited_clean_digits(r, 9)}B01",
        lambda r: f"PPSN {v.unvisited_digits(r, 7)}{r.choice('ABCDEFGHKLMNPRTW')}{pick(r, 'A', 'W', '')}",
        lambda r: f"raft depth {r.randrange(2, 9)}.{r.randrange(0, 9)} m, {r.randrange(100, 990)} kg load",
        lambda r: f"Bankgiro {v.unvisited_bankgiro(r)}",
        lambda r: f"BLIK code {r.randrange(100, 999)} {r.randrange(100, 999)} expires in 2 min",
    ),
    "payment_card": _p(
        lambda r: f"OCR-nummer {v.unvisited_luhn_digits(r, 16, '7')} (Bankgiro reference)",
        lambda r: f"pagoPA codice avviso {v.unvisited_luhn_digits(r, 18, '30')}",
        lambda r: f"personnummer {v.unvisited_personnummer(r)}",
        lambda r: f"card {v.unvisited_card_number(r, 'visa')[:6]}******{rand(r, string.digits, 4)} approved",
        lambda r: "test card 4111 1111 1111 1111 (Redsys sandbox)",
        lambda r: f"loyalty card {v.unvisited_luhn_digits(r, 13, '2')} points={r.randrange(10, 900)}",
        lambda r: (
            "MyKad "
            f"{r.randrange(70, 99)}{r.randrange(1, 13):02d}{r.randrange(10, 28)}-"
            f"{r.choice(('07', '10', '14'))}-{r.randrange(1000, 9999)}"
        ),
    ),
    "iban": _p(
        lambda r: f"IBAN {v.unvisited_iban(r, valid=False)}",
        lambda r: f"NZ account {v.unvisited_nz_account(r)}",
        lambda r: "IBAN: NL** **** **** **43 21 (shown last 4)",
        lambda r: (
            f"BIC {pick(r, 'ABNANL2A', 'BCITITMM', 'ESSESESS', 'AIBKIE2D', 'PKOPPLPW', 'CAIXESBB')} for SEPA instant"
        ),
        lambda r: f"Maybank account {v.unvisited_clean_digits(r, 12)} (Malaysia has no IBAN)",
    ),
}

UNVISITED_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {}

# ---------------------------------------------------------------------------- the unwatched split's own shapes
#
# Written for the thirty-sixth split only, by a thirtieth session that did not read the rules
# (``build_corpus("unwatched")`` puts them before the shared generators, as for the splits since hidden): values where
# ClickHouse itself keeps them (``system.query_log`` text with ``s3()``, ``deltaLake()``, ``iceberg()``, ``url()``,
# ``azureBlobStorage()`` and ``remote()`` calls, ``BACKUP ... TO S3``/``AzureBlobStorage``, ``users.xml`` and
# interserver credentials, ``ALTER NAMED COLLECTION``, ``NATS`` and ``MaterializedPostgreSQL`` engines, dictionary
# ``HTTP`` and ``CLICKHOUSE`` sources), in payment, accounting, HR, messaging and developer vendors' requests and
# settings of the split's regions (PayPay, KOMOJU, PAY.JP, freee, SmartHR, Sansan, kintone, Backlog, Chatwork, Money
# Forward, Treasure Data, Rakuten RMS, Toss Payments, PortOne, Solapi, Aligo, Cafe24, NICEPAY, Channel Talk, Afterpay,
# Tyro, Deputy, Employment Hero, SafetyCulture, ServiceM8, Helcim, Clio, Dialpad, Flinks, Plooto, PayFit, Lydia,
# Stancer, Swile, Agicap, lexoffice, sevDesk, Billbee, parcelLab, commercetools) and of developer and SaaS tools
# (Semgrep, Depot, Bitrise, Codemagic, incident.io, Rootly, FireHydrant, Zilliz, PandaDoc, Braze, RudderStack,
# Optimizely, Transloadit, Five9, Aircall, Twilio): keys of vendors with no detector of their own in bearers, Basic
# pairs, custom headers and schemes (``TD1``, ``ESA``, ``PortOne``, ``OAuth``, ``API-Key``), query strings, form and
# JSON bodies; JWTs of new issuers (LINE Login, Kakao, Yahoo! JAPAN, Xero, FranceConnect, Verimi, freee, myID and a
# NAVER WORKS assertion); session cookies of Nuxt (``nuxt-session``), EC-CUBE, Rhymix, Shopware's context token,
# Contao, WooCommerce and Supabase's SSR cookie; password-derived material of eight families as hashcat and John write
# it (Apple iWork, macOS keychains, Apple Secure Notes, Android FDE, Windows Hello PINs, RAR3 with encrypted headers,
# VirtualBox disks, SolarWinds Orion); cards of Visa, Mastercard, Amex, JCB, Discover, Diners and UnionPay in KOMOJU,
# PAY.JP, Toss Payments, Helcim and Stancer requests and OCR'd Japanese and German authorisation forms; IBANs of
# Germany, France, Monaco, the United Kingdom, Belgium and Luxembourg in FinTS segments, sevDesk, Xero and PayFit
# records, an Agicap export, an Isabel export and a direct-debit mandate; phone numbers of eight regions in vCard 4
# ``tel:`` URIs, Twilio Studio executions, Genesys Cloud conversations, Five9 call logs, Aircall webhooks, KakaoTalk
# AlimTalk requests, Xero contacts, Doctolib-like bookings, Solapi sends, Interac e-Transfer recipients, Japanese
# booking mails and German imprints, and sentences in Hawaiian Pidgin, Cornish, Bavarian, Picard and Silesian; and
# look-alikes that are not findings (IMEIs, Korean resident numbers, Japanese individual numbers, loyalty cards that
# pass Luhn, 全銀, Korean, BSB and Canadian accounts, tracking numbers, four-part assembly versions that read like IPv4
# addresses, MAC addresses, C++ scopes, container digests, CSS at-rules, ClickHouse's ``[HIDDEN]`` secrets and
# ``from_env`` values, HMAC signatures, public keys and client ids, password policies and reset notices in six
# languages). ``UNWATCHED_NEGATIVE_LABELS`` gives the true labels of the few own negatives that hold another class.


def _uwd_any(*gens: Gen) -> Gen:
    """One generator drawing from several shapes (``log_lines`` draws eight positives a class: more shapes share a
    slot)."""
    return lambda r: r.choice(gens)(r)


def _uwd_regions() -> tuple[str, ...]:
    return tuple(v.PHONE_REGIONS)


def _uwd_password(r: random.Random) -> str:
    return v.unwatched_password(r)


def _uwd_sql_password(r: random.Random) -> str:
    return v.unwatched_password(r).replace("'", "").replace("\\", "")


def _uwd_url_password(r: random.Random) -> str:
    return urllib.parse.quote(v.unwatched_password(r), safe="")


def _uwd_xml_password(r: random.Random) -> str:
    return html.escape(v.unwatched_password(r), quote=False)


def _uwd_phone(r: random.Random, international_only: bool = False) -> str:
    return v.unwatched_phone(r, _uwd_regions(), international_only)


def _uwd_basic(user: str, secret: str) -> str:
    return v.b64(f"{user}:{secret}".encode())


def _uwd_word(r: random.Random, n: int) -> str:
    return v._uwd_word(r, n)


def _uwd_name(r: random.Random) -> str:
    return pick(
        r,
        "Haruka Sato",
        "Kenta Suzuki",
        "Kim Min-ji",
        "Park Ji-hoon",
        "Keoni Kahale",
        "Leilani Akana",
        "Tamsin Trelawny",
        "Jory Pascoe",
        "Sepp Huber",
        "Resi Obermaier",
        "Martin Lefebvre",
        "Ginette Dupuis",
        "Zofia Pyka",
        "Hanys Kempa",
        "Chloé Tremblay",
        "Liam Nguyen",
        "Matilda O'Brien",
    )


def _uwd_amount(r: random.Random) -> str:
    return f"{r.randrange(20, 900)}.{r.randrange(0, 100):02d}"


def _uwd_expiry(r: random.Random) -> tuple[int, int]:
    return r.randrange(1, 13), 2000 + r.randrange(27, 32)


def _uwd_cvv(r: random.Random, n: int = 3) -> str:
    return str(r.randrange(10 ** (n - 1), 10**n))


def _uwd_komoju(r: random.Random, pan: str) -> str:
    """A KOMOJU (Japan) payment body with the card inline (``payment_details``)."""
    month, year = _uwd_expiry(r)
    body = {
        "amount": r.randrange(3000, 90000),
        "currency": "JPY",
        "external_order_num": _uwd_word(r, 12),
        "payment_details": {
            "type": "credit_card",
            "number": pan,
            "month": month,
            "year": year,
            "verification_value": _uwd_cvv(r),
            "name": _uwd_name(r),
        },
    }
    return "POST /api/v1/payments " + json.dumps(body, ensure_ascii=False)


def _uwd_payjp(r: random.Random, pan: str) -> str:
    """A PAY.JP token request as a server-side integration logged its form (``card[number]``)."""
    month, year = _uwd_expiry(r)
    return (
        f"POST /v1/tokens card[number]={pan}&card[exp_month]={month:02d}&card[exp_year]={year}&"
        f"card[cvc]={_uwd_cvv(r)}&card[name]={urllib.parse.quote_plus(_uwd_name(r))}"
    )


def _uwd_toss(r: random.Random, pan: str) -> str:
    """A Toss Payments (Korea) key-in payment body (``cardNumber``, expiry year and month apart)."""
    month, year = _uwd_expiry(r)
    body = {
        "amount": r.randrange(20, 200) * 1000,
        "orderId": _uwd_word(r, 16),
        "orderName": "한복 대여 2인",
        "cardNumber": pan,
        "cardExpirationYear": f"{year % 100:02d}",
        "cardExpirationMonth": f"{month:02d}",
        "cardInstallmentPlan": 0,
    }
    return "POST /v1/payments/key-in " + json.dumps(body, ensure_ascii=False)


def _uwd_helcim(r: random.Random, pan: str) -> str:
    """A Helcim (Canada) purchase body with ``cardData``."""
    month, year = _uwd_expiry(r)
    body = {
        "currency": "CAD",
        "amount": float(_uwd_amount(r)),
        "cardData": {"cardNumber": pan, "cardExpiry": f"{month:02d}{year % 100:02d}", "cardCVV": _uwd_cvv(r)},
    }
    return "POST /v2/payment/purchase " + json.dumps(body)


def _uwd_stancer(r: random.Random, pan: str) -> str:
    """A Stancer (France) payment body with the card inline."""
    month, year = _uwd_expiry(r)
    body = {
        "amount": r.randrange(2000, 90000),
        "currency": "eur",
        "description": "Accord piano",
        "card": {"number": pan, "exp_month": month, "exp_year": year, "cvc": _uwd_cvv(r)},
    }
    return "POST /v1/checkout/ " + json.dumps(body)


def _uwd_jp_fax(r: random.Random, pan: str) -> str:
    """A Niseko lodge's card authorisation form sent by fax, as the OCR of the scan stored it."""
    month, year = _uwd_expiry(r)
    return (
        f"クレジットカード決済承認書\nご名義: {_uwd_name(r)}\nカード番号: {v.grouped(pan, v.card_groups(pan), '-')}\n"
        f"有効期限: {month:02d}/{year % 100:02d}\nデポジット: ¥{r.randrange(10, 90)},000\nご署名: ______"
    )


def _uwd_de_form(r: random.Random, pan: str) -> str:
    """A Munich piano house's card authorisation form, as the OCR of the scan stored it."""
    month, year = _uwd_expiry(r)
    return (
        f"Kreditkarten-Autorisierung\nKarteninhaber: {_uwd_name(r)}\nKartennummer: "
        f"{v.grouped(pan, v.card_groups(pan), ' ')}\nGültig bis: {month:02d}/{year % 100:02d}\n"
        f"Betrag: {_uwd_amount(r).replace('.', ',')} EUR\nUnterschrift: ______"
    )


def _uwd_fints(r: random.Random, iban: str) -> str:
    """A FinTS 3.0 ``HKCCS`` segment (a SEPA single transfer) as a banking client's trace printed it: the ordering
    account, then the pain.001 payload inline with the creditor's IBAN."""
    own = v.unwatched_iban(r, country="DE", grouped=False)
    return (
        f"HKCCS:3:1+{own}:{pick(r, 'SSKMDEMMXXX', 'HYVEDEMMXXX')}+urn?:iso?:std?:iso?:20022?:tech?:xsd?:"
        f"pain.001.001.09+@512@<CdtrAcct><Id><IBAN>{iban.replace(' ', '')}</IBAN></Id></CdtrAcct><RmtInf><Ustrd>"
        f"Klavierstimmung {_uwd_word(r, 6).upper()}</Ustrd></RmtInf>'"
    )


def _uwd_sevdesk(r: random.Random, iban: str) -> str:
    """A sevDesk (Germany) contact created through the API with its bank account."""
    body = {
        "name": pick(r, "Klavierhaus Obermaier", "Stimmwerk Huber GbR", "Notenladen Giesing"),
        "category": {"id": 3, "objectName": "Category"},
        "bankAccount": iban.replace(" ", ""),
        "bankNumber": pick(r, "SSKMDEMMXXX", "HYVEDEMMXXX", "GENODEM1GLS"),
    }
    return "POST /api/v1/Contact " + json.dumps(body, ensure_ascii=False)


def _uwd_xero_bank(r: random.Random, iban: str) -> str:
    """A Xero contact with ``BankAccountDetails`` (a supplier's IBAN)."""
    body = {
        "Contacts": [
            {
                "Name": pick(r, "Cornish Ski Wax Ltd", "Kernow Boards", "Truro Outdoor Supplies"),
                "BankAccountDetails": iban,
                "DefaultCurrency": pick(r, "GBP", "EUR"),
                "IsSupplier": True,
            }
        ]
    }
    return "POST /api.xro/2.0/Contacts " + json.dumps(body)


def _uwd_payfit(r: random.Random, iban: str) -> str:
    """A PayFit (France) payslip export row with the employee's salary account."""
    body = {
        "employee": _uwd_name(r),
        "period": "2026-03",
        "net_pay": _uwd_amount(r),
        "payment_method": "transfer",
        "iban": iban,
        "bic": pick(r, "BNPAFRPPXXX", "CMCIFRPP", "AGRIFRPP", "CMMCMCM1"),
    }
    return json.dumps(body, ensure_ascii=False)


def _uwd_agicap(r: random.Random, iban: str) -> str:
    """A row of an Agicap (France) supplier export (semicolon CSV) with the supplier's IBAN."""
    return (
        f"{pick(r, 'Atelier Picard', 'Lille Hanbok Import', 'Pianos du Nord')};fournisseur;"
        f"{iban};{pick(r, 'virement', 'prélèvement')};-{_uwd_amount(r).replace('.', ',')}"
    )


def _uwd_isabel(r: random.Random, iban: str) -> str:
    """A row of a Belgian Isabel 6 payments export (semicolon CSV) with the counterparty's IBAN."""
    return (
        f"14/04/2026;{pick(r, 'Hanbok Brussels SRL', 'Atelier Liège', 'Pianos Namur')};{iban};"
        f"-{_uwd_amount(r).replace('.', ',')};EUR;{pick(r, 'location costumes', 'accord piano', 'acompte')}"
    )


def _uwd_mandate(r: random.Random, iban: str) -> str:
    """A German SEPA direct-debit mandate form, as the OCR of the scan stored it."""
    return (
        f"SEPA-Lastschriftmandat\nZahlungsempfänger: Klavierhaus Obermaier\nMandatsreferenz: "
        f"KLV-{_uwd_word(r, 8).upper()}\nKontoinhaber: {_uwd_name(r)}\nIBAN: {iban}\nOrt, Datum: München, 14.04.2026"
    )


def _uwd_vcard(r: random.Random) -> str:
    """A vCard 4.0 with the number as a ``tel:`` URI (RFC 3966: dashes between the groups)."""
    region = r.choice(_uwd_regions())
    e164 = v.unwatched_e164(r, region)
    number = phonenumbers.parse(e164)
    uri = "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.RFC3966)[4:]
    return (
        f'BEGIN:VCARD\nVERSION:4.0\nFN:{_uwd_name(r)}\nTEL;VALUE=uri;TYPE="{pick(r, "cell", "work", "home")},voice":'
        f"{uri}\nEND:VCARD"
    )


def _uwd_twilio_studio(r: random.Random) -> str:
    """A Twilio Studio flow execution's context (the caller's number in ``trigger.call.From``)."""
    region = r.choice(_uwd_regions())
    doc = {
        "flow": {"flow_sid": "FW" + v.unwatched_hex_digest(r, 16), "channel": {"address": "voice"}},
        "trigger": {
            "call": {
                "From": v.unwatched_e164(r, region),
                "CallSid": "CA" + v.unwatched_hex_digest(r, 16),
                "Direction": "inbound",
                "CallerCountry": region,
            }
        },
        "widgets": {"gather_rental": {"Digits": str(r.randrange(1, 4))}},
    }
    return json.dumps(doc)


def _uwd_genesys(r: random.Random) -> str:
    """A Genesys Cloud conversation's customer participant (``ani`` as a ``tel:`` URI)."""
    doc = {
        "conversationId": v.unwatched_uuid(r),
        "participants": [
            {
                "purpose": "customer",
                "sessions": [
                    {
                        "mediaType": "voice",
                        "direction": "inbound",
                        "ani": "tel:" + v.unwatched_e164(r, r.choice(_uwd_regions())),
                        "dnis": "tel:rental-hotline",
                    }
                ],
            }
        ],
    }
    return json.dumps(doc)


def _uwd_five9(r: random.Random) -> str:
    """A row of a Five9 call log report (the caller's number as ten digits in ``ANI``)."""
    region = pick(r, "US", "CA")
    nsn = v.unwatched_nsn(r, region)
    return (
        f"{v.unwatched_digits(r, 13)},Tue 14 Apr 2026 {r.randrange(10, 23)}:{r.randrange(10, 59)},Ski Rentals,"
        f"Inbound,{nsn},rental_queue,{r.randrange(10, 900)}"
    )


def _uwd_aircall(r: random.Random) -> str:
    """An Aircall ``call.ended`` webhook (the caller's number in ``raw_digits``)."""
    doc = {
        "event": "call.ended",
        "resource": "call",
        "timestamp": v.unwatched_epoch(r),
        "data": {
            "id": r.randrange(1000, 9999),
            "direction": "inbound",
            "status": "done",
            "raw_digits": v.unwatched_phone(r, _uwd_regions(), True),
            "duration": r.randrange(5, 900),
        },
    }
    return json.dumps(doc, ensure_ascii=False)


def _uwd_alimtalk(r: random.Random) -> str:
    """A KakaoTalk AlimTalk send request (NHN Cloud Bizmessage) with the recipient's mobile as digits."""
    number = v.unwatched_national(r, "KR", "MOBILE").replace("-", "")
    doc = {
        "plusFriendId": "@hanbokseoul",
        "templateCode": "HANBOK_CONFIRM",
        "recipientList": [{"recipientNo": number, "templateParameter": {"store": "북촌점", "time": "10:30"}}],
    }
    return "POST /alimtalk/v2.3/appkeys/****/messages " + json.dumps(doc, ensure_ascii=False)


def _uwd_xero_phone(r: random.Random) -> str:
    """A Xero contact's phones (the mobile in its national form, the country code apart)."""
    region = pick(r, "AU", "GB", "US", "CA")
    doc = {
        "Contacts": [
            {
                "Name": _uwd_name(r),
                "Phones": [
                    {
                        "PhoneType": "MOBILE",
                        "PhoneNumber": v.unwatched_national(r, region, "MOBILE"),
                        "PhoneAreaCode": "",
                        "PhoneCountryCode": str(v._UWD_CODES[region]),
                    }
                ],
            }
        ]
    }
    return json.dumps(doc, ensure_ascii=False)


def _uwd_doctolib(r: random.Random) -> str:
    """A Doctolib-like appointment export of a French practice (the patient's mobile as written)."""
    doc = {
        "appointment": {
            "start_date": "2026-04-14T10:30:00+02:00",
            "visit_motive": "Séance de kinésithérapie",
            "patient": {
                "first_name": pick(r, "Ginette", "Martin", "Chloé"),
                "phone_number": v.unwatched_national(r, "FR", "MOBILE"),
            },
        }
    }
    return json.dumps(doc, ensure_ascii=False)


def _uwd_solapi(r: random.Random) -> str:
    """A Solapi (Korea) send body: the recipient's mobile as digits."""
    number = v.unwatched_national(r, "KR", "MOBILE").replace("-", "")
    doc = {"message": {"to": number, "from": "hanbok-sender", "text": "[한복서울] 예약이 확정되었습니다."}}
    return "POST /messages/v4/send " + json.dumps(doc, ensure_ascii=False)


def _uwd_interac(r: random.Random) -> str:
    """An Interac e-Transfer recipient (the notification handle is the mobile)."""
    doc = {
        "recipient": {
            "name": _uwd_name(r),
            "notificationPreference": [
                {"handle": v.unwatched_e164(r, "CA", "MOBILE"), "handleType": "phone", "active": True}
            ],
        }
    }
    return json.dumps(doc, ensure_ascii=False)


def _uwd_jp_mail(r: random.Random) -> str:
    """A Japanese booking confirmation mail's contact block."""
    return (
        f"【ご予約確認】ニセコ スキーレンタル\nお名前：{pick(r, '佐藤 遥', '鈴木 健太', '田中 結衣')} 様\n"
        f"お電話番号：{v.unwatched_national(r, 'JP')}\nご来店日：4月{r.randrange(10, 28)}日"
    )


def _uwd_impressum(r: random.Random) -> str:
    """A German imprint (Impressum) with the phone in the ``+49 (0)89`` form."""
    number = phonenumbers.parse(v.unwatched_e164(r, "DE", "FIXED_LINE"))
    rest = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)[4:]
    return f"Impressum: Klavierhaus Obermaier e.K. · Tel.: +49 (0){rest} · USt-IdNr. auf Anfrage"


def _uwd_nuxt_session(r: random.Random) -> str:
    body = v.b64url(r.randbytes(r.randrange(96, 160)))
    sealed = f"Fe26.2*1*{v.unwatched_hex_digest(r, 32)}*{v.b64url(r.randbytes(16))}*{body}"
    tail = f"{v.unwatched_epoch(r, millis=True)}*{v.unwatched_hex_digest(r, 32)}*{v.b64url(r.randbytes(32))}~2"
    return f"Cookie: nuxt-session={sealed}*{tail}"


def _uwd_woocommerce(r: random.Random) -> str:
    expiry = v.unwatched_epoch(r)
    value = f"t_{v.unwatched_hex_digest(r, 15)}||{expiry}||{expiry - 3600}||{v.unwatched_hex_digest(r, 16)}"
    return f"Cookie: wp_woocommerce_session_{v.unwatched_hex_digest(r, 16)}={urllib.parse.quote(value, safe='')}"


def _uwd_supabase(r: random.Random) -> str:
    payload = json.dumps(
        {
            "access_token": v.rand(r, v.B64URL, 180),
            "token_type": "bearer",
            "expires_in": 3600,
            "refresh_token": v.rand(r, ALNUM, 12),
        }
    )
    return f"Cookie: sb-{v.rand(r, string.ascii_lowercase, 20)}-auth-token=base64-{v.b64url(payload.encode())}"


UNWATCHED_POSITIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(
        lambda r: f"tornado settings dump: openai_key={v.openai_legacy(r)} (pre-2024 key, rotation pending)"
    ),
    "openai_project_key": _p(
        lambda r: f"NUXT_OPENAI_API_KEY={v.openai_project(r)}",
        lambda r: (
            "SELECT * FROM url('https://api.openai.com/v1/models', JSONEachRow, "
            f"headers('Authorization'='Bearer {v.openai_project(r)}'))"
        ),
    ),
    "anthropic_api_key": _p(
        lambda r: (
            f'Environment.get("ANTHROPIC_API_KEY") ?? "{v.anthropic(r)}"  // Vapor fallback, remove before release'
        ),
    ),
    "deepseek_api_key": _p(lambda r: f'{{deepseek, [{{api_key, "{v.deepseek(r)}"}}, {{model, "deepseek-chat"}}]}}.'),
    "aws_access_key_id": _p(
        lambda r: (
            "SELECT count() FROM deltaLake('https://rentals-lake.s3.ap-northeast-1.amazonaws.com/pickups/', "
            f"'{v.aws_key_id(r)}', '[HIDDEN]')"
        ),
        lambda r: (
            "BACKUP TABLE rentals.pickups TO S3('https://ch-backups.s3.ap-northeast-1.amazonaws.com/rentals/"
            "2026-04-14', "
            f"'{v.aws_key_id(r)}', '[HIDDEN]')"
        ),
    ),
    "aws_secret_access_key": _p(
        lambda r: (
            "SELECT * FROM s3(lake_s3, url = 'https://rentals-lake.s3.amazonaws.com/returns/*.parquet', "
            f"secret_access_key = '{v.aws_secret(r)}')"
        ),
        lambda r: (
            "<storage_configuration><disks><s3_cold><type>s3</type><endpoint>https://cold.s3.amazonaws.com/ch/</endpoint>"
            f'<access_key_id from_env="COLD_KEY_ID"/><secret_access_key>{v.aws_secret(r)}</secret_access_key>'
            "</s3_cold></disks></storage_configuration>"
        ),
    ),
    "aws_session_token": _p(
        lambda r: (
            f"assumed role rental-exporter, credentials expire 11:21Z, AWS_SESSION_TOKEN={v.aws_session_token(r)}"
        ),
    ),
    "github_classic_token": _p(lambda r: f"bitrise secret GITHUB_TOKEN={v.github_token(r, 'ghp')} (used by danger)"),
    "github_oauth_token": _p(lambda r: f'{{"provider": "github", "provider_token": "{v.github_token(r, "gho")}"}}'),
    "github_app_token": _p(
        lambda r: f"git clone https://x-access-token:{v.github_token(r, 'ghs')}@github.com/hanbok-seoul/booking.git"
    ),
    "github_refresh_token": _p(lambda r: f"semgrep app: github refresh_token={v.github_token(r, 'ghr')} stored"),
    "github_fine_grained_token": _p(
        lambda r: f"codemagic env group 'release': GH_PAT=github_pat_{rand(r, ALNUM, 22)}_{rand(r, ALNUM, 59)}"
    ),
    "gitlab_token": _p(
        lambda r: f"depot build --secret id=gitlab,env=CI_TOKEN CI_TOKEN=glpat-{rand(r, ALNUM + '_-', 20)}"
    ),
    "slack_token": _p(lambda r: f"incident.io -> slack fallback: SLACK_BOT_TOKEN={v.slack_token(r)}"),
    "slack_webhook": _p(
        lambda r: (
            "rootly workflow action: post to https://hooks.slack.com/services/T"
            f"{rand(r, v.UPPER, 8)}/B{rand(r, v.UPPER, 10)}/{rand(r, ALNUM, 24)}"
        )
    ),
    "stripe_key": _p(lambda r: f"runtimeConfig: {{ stripeSecret: '{v.stripe_key(r)}' }} // nuxt.config.ts"),
    "google_api_key": _p(
        lambda r: f"<key>GMSApiKey</key><string>AIza{rand(r, ALNUM + '_-', 35)}</string> <!-- Info.plist -->"
    ),
    "google_oauth_client_secret": _p(
        lambda r: f'{{"web": {{"client_id": "kiosk", "client_secret": "GOCSPX-{rand(r, ALNUM + "_-", 28)}"}}}}'
    ),
    "gcp_oauth_token": _p(
        lambda r: (
            "CREATE DICTIONARY fx_rates (ccy String, rate Float64) PRIMARY KEY ccy SOURCE(HTTP(URL "
            "'https://sheets.googleapis.com/v4/spreadsheets/fx/values/A:B' FORMAT 'JSONEachRow' HEADERS(HEADER(NAME "
            f"'Authorization' VALUE 'Bearer {v.gcp_token(r)}')))) LAYOUT(HASHED()) LIFETIME(3600)"
        )
    ),
    "twilio_api_key": _p(
        lambda r: f"studio flow deploy: TWILIO_API_KEY=SK{v.unwatched_hex_digest(r, 16)} (secret in vault)"
    ),
    "sendgrid_api_key": _p(
        lambda r: (
            "<target type='Mail' smtpUserName='apikey' smtpPassword="
            f"'SG.{rand(r, ALNUM + '_-', 22)}.{rand(r, ALNUM + '_-', 43)}'/>"
        )
    ),
    "huggingface_token": _p(lambda r: f"HUGGING_FACE_HUB_TOKEN=hf_{rand(r, ALNUM, 34)} docker model pull hf.co/org/x"),
    "npm_token": _p(lambda r: f"echo '//registry.npmjs.org/:_authToken=npm_{rand(r, ALNUM, 36)}' > ~/.npmrc"),
    "pypi_token": _p(lambda r: f"UV_PUBLISH_TOKEN=pypi-AgEIcHlwaS5vcmc{rand(r, v.B64URL, 150)} uv publish"),
    "shopify_token": _p(
        lambda r: f"rakuten->shopify bridge: X-Shopify-Access-Token: shpat_{v.unwatched_hex_digest(r, 16)}"
    ),
    "digitalocean_token": _p(
        lambda r: f"DIGITALOCEAN_ACCESS_TOKEN=dop_v1_{v.unwatched_hex_digest(r, 32)} doctl apps create"
    ),
    "telegram_bot_token": _p(
        lambda r: (
            "piano reminders bot: "
            f"https://api.telegram.org/bot{r.randrange(7_000_000_000, 8_000_000_000)}:AA{rand(r, ALNUM + '_-', 33)}"
            "/getUpdates"
        )
    ),
    "azure_storage_connection_string": _p(
        lambda r: (
            "BACKUP DATABASE hanbok TO AzureBlobStorage('DefaultEndpointsProtocol=https;AccountName=hanbokbackup;"
            f"AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net', 'backups', 'hanbok/2026-04-14')"
        ),
        lambda r: (
            '<target xsi:type="AzureBlobStorage" name="blob" connectionString="DefaultEndpointsProtocol=https;'
            f'AccountName=klavierlogs;AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net" />'
        ),
    ),
    "azure_sas_token": _p(
        lambda r: (
            "SELECT * FROM azureBlobStorage('https://hanbokphotos.blob.core.windows.net/fittings?sv=2025-01-05&ss=b"
            f"&srt=co&sp=rl&se=2026-05-01T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}', 'fittings', '*.jsonl')"
        ),
    ),
    "clickhouse_cloud_key": _p(
        lambda r: (
            f'provider "clickhouse" {{ organization_id = "{v.unwatched_uuid(r)}" token_key = "{rand(r, ALNUM, 20)}" '
            f'token_secret = "{v.clickhouse_secret(r)}" }}'
        )
    ),
    "jwt": _p(
        _uwd_any(
            lambda r: f'{{"token_type": "Bearer", "id_token": "{v.unwatched_line_jwt(r)}", "scope": "profile openid"}}',
            lambda r: (
                "POST /oauth2/v2.0/token grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&"
                f"assertion={v.unwatched_naver_works_assertion(r)}&scope=bot"
            ),
        ),
        lambda r: f'{{"token_type": "bearer", "id_token": "{v.unwatched_kakao_jwt(r)}", "expires_in": 21599}}',
        lambda r: f"yconnect callback id_token={v.unwatched_yahoo_jp_jwt(r)}",
        lambda r: f"GET /api.xro/2.0/Invoices Authorization: Bearer {v.unwatched_xero_jwt(r)}",
        lambda r: f"GET /api/v2/session/end?id_token_hint={v.unwatched_franceconnect_jwt(r)}&state={_uwd_word(r, 16)}",
        lambda r: f"GET /dipp/api/baskets Authorization: Bearer {v.unwatched_verimi_jwt(r)}",
        lambda r: f'freee oidc: {{"id_token": "{v.unwatched_freee_jwt(r)}"}}',
        lambda r: f"myID exchange ok token={v.unwatched_myid_jwt(r)}",
    ),
    "private_key": _p(
        lambda r: (
            "APNS_KEY_P8=-----BEGIN PRIVATE KEY-----\\n"
            + v.b64(r.randbytes(r.randrange(100, 121)))
            + "\\n-----END PRIVATE KEY-----"
        ),
        lambda r: (
            "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: klavier-deploy\nPublic-Lines: 2\n"
            f"AAAAC3NzaC1lZDI1NTE5AAAAI{v.b64(r.randbytes(24))}\n{v.b64(r.randbytes(12))}\nPrivate-Lines: 1\n"
            f"AAAAI{v.b64(r.randbytes(27))}\nPrivate-MAC: {v.unwatched_hex_digest(r, 32)}"
        ),
        lambda r: (
            '{"type": "service_account", "project_id": "hanbok-seoul", "private_key_id": "'
            + v.unwatched_hex_digest(r, 20)
            + '", "private_key": "-----BEGIN PRIVATE KEY-----\\n'
            + v.b64(r.randbytes(r.randrange(90, 120)))
            + '\\n-----END PRIVATE KEY-----\\n", "token_uri": "https://oauth2.googleapis.com/token"}'
        ),
    ),
    "url_credentials": _p(
        lambda r: f"DATABASE_URL=postgresql+asyncpg://rental:{_uwd_url_password(r)}@pg.niseko.internal:5432/rentals",
        lambda r: (
            f"<target xsi:type='Mail' smtpServer='smtps://tuner:{_uwd_url_password(r)}@mail.klavier.internal:465'/>"
        ),
        lambda r: f"mqtts://kiosk:{_uwd_url_password(r)}@broker.niseko.internal:8883/lockers",
        lambda r: f"nats://hanbok:{_uwd_url_password(r)}@nats.seoul.internal:4222",
        lambda r: (
            f"curl -T rechnung.pdf https://tuner:{_uwd_url_password(r)}@cloud.klavier.internal/remote.php/dav/files/"
        ),
    ),
    "password_assignment": _p(
        _uwd_any(
            lambda r: (
                "<clickhouse><users><kiosk><password>"
                f"{_uwd_xml_password(r)}</password><profile>readonly</profile></kiosk></users></clickhouse>"
            ),
            lambda r: f"NUXT_DB_PASSWORD={_uwd_password(r)}",
        ),
        _uwd_any(
            lambda r: (
                f"SELECT count() FROM remote('ch-2.niseko.internal:9000', 'rentals', 'pickups', 'reader', "
                f"'{_uwd_sql_password(r)}')"
            ),
            lambda r: f'{{rental_db, [{{host, "pg"}}, {{user, "rental"}}, {{password, "{_uwd_sql_password(r)}"}}]}}',
        ),
        lambda r: (
            "CREATE DICTIONARY gear_dict (id UInt32, name String) PRIMARY KEY id SOURCE(CLICKHOUSE(HOST 'ch-2' "
            f"PORT 9000 USER 'dict' PASSWORD '{_uwd_sql_password(r)}' DB 'rentals' TABLE 'gear')) LAYOUT(FLAT()) "
            "LIFETIME(600)"
        ),
        lambda r: f"ALTER NAMED COLLECTION lexoffice_pg SET password = '{_uwd_sql_password(r)}'",
        lambda r: (
            "ENGINE = NATS SETTINGS nats_url = 'nats.seoul.internal:4222', nats_subjects = 'fittings', "
            f"nats_format = 'JSONEachRow', nats_username = 'ch', nats_password = '{_uwd_sql_password(r)}'"
        ),
        lambda r: (
            "ENGINE = MaterializedPostgreSQL('pg.klavier.internal:5432', 'visits', 'ch_repl', "
            f"'{_uwd_sql_password(r)}')"
        ),
        lambda r: (
            "<interserver_http_credentials><user>interserver</user>"
            f"<password>{_uwd_xml_password(r)}</password></interserver_http_credentials>"
        ),
        lambda r: f"ALTER ROLE piano_etl WITH LOGIN PASSWORD '{_uwd_sql_password(r)}';",
    ),
    "sql_identified_by": _p(
        lambda r: (
            f"CREATE USER rental_ro IDENTIFIED WITH sha256_password BY '{_uwd_sql_password(r)}' DEFAULT ROLE reader"
        ),
        lambda r: f"ALTER USER hanbok_sync IDENTIFIED BY '{_uwd_sql_password(r)}' VALID UNTIL '2026-12-31'",
        lambda r: (
            f"CREATE USER IF NOT EXISTS tuner IDENTIFIED WITH bcrypt_password BY '{_uwd_sql_password(r)}' "
            "HOST REGEXP '.*\\\\.klavier\\\\.internal'"
        ),
    ),
    "bearer_token": _p(
        _uwd_any(
            lambda r: f"GET /api/1/deals?company_id=1 Authorization: Bearer {v.unwatched_freee_token(r)}",
            lambda r: f"POST /api/v2/call Authorization: Bearer {v.unwatched_dialpad_key(r)}",
            lambda r: f"POST /v1/incidents Authorization: Bearer {v.unwatched_rootly_key(r)}",
        ),
        _uwd_any(
            lambda r: f"GET /api/v1/crews Authorization: Bearer {v.unwatched_smarthr_token(r)}",
            lambda r: f"POST /v1/payments Authorization: Bearer {v.unwatched_plooto_token(r)}",
            lambda r: f"POST /v1/incidents Authorization: Bearer {v.unwatched_firehydrant_token(r)}",
        ),
        _uwd_any(
            lambda r: f"GET /api/v3/journals Authorization: Bearer {v.unwatched_moneyforward_token(r)}",
            lambda r: f"GET /companies/collaborators Authorization: Bearer {v.unwatched_payfit_key(r)}",
            lambda r: f"POST /v2/vectordb/entities/search Authorization: Bearer {v.unwatched_zilliz_key(r)}",
        ),
        _uwd_any(
            lambda r: f"GET /api/v2/admin/orders Authorization: Bearer {v.unwatched_cafe24_token(r)}",
            lambda r: f"GET /v1/employees Authorization: Bearer {v.unwatched_swile_token(r)}",
            lambda r: f"POST /users/track Authorization: Bearer {v.unwatched_braze_key(r)}",
        ),
        _uwd_any(
            lambda r: f"POST /connect/pay/requests Authorization: Bearer {v.unwatched_tyro_token(r)}",
            lambda r: f"GET /api/v1/transactions Authorization: Bearer {v.unwatched_agicap_token(r)}",
            lambda r: f"GET /v2/projects Authorization: Bearer {v.unwatched_optimizely_token(r)}",
        ),
        _uwd_any(
            lambda r: f"GET /api/v1/organisations Authorization: Bearer {v.unwatched_ehero_token(r)}",
            lambda r: f"GET /v1/vouchers Authorization: Bearer {v.unwatched_lexoffice_key(r)}",
        ),
        _uwd_any(
            lambda r: f"GET /audits/search Authorization: Bearer {v.unwatched_safetyculture_token(r)}",
            lambda r: f"POST /api/cli/scans Authorization: Bearer {v.unwatched_semgrep_token(r)}",
        ),
        _uwd_any(
            lambda r: f"GET /api/v4/matters.json Authorization: Bearer {v.unwatched_clio_token(r)}",
            lambda r: f"POST /v2/incidents Authorization: Bearer {v.unwatched_incidentio_key(r)}",
        ),
    ),
    "basic_auth": _p(
        _uwd_any(
            lambda r: f"POST /api/v1/payments Authorization: Basic {_uwd_basic(v.unwatched_komoju_key(r), '')}",
            lambda r: f"GET /v1/calls Authorization: Basic {_uwd_basic(*v.unwatched_aircall_pair(r))}",
        ),
        _uwd_any(
            lambda r: f"POST /v1/charges Authorization: Basic {_uwd_basic(v.unwatched_payjp_key(r), '')}",
            lambda r: f"GET /v2/Flows Authorization: Basic {_uwd_basic(*v.unwatched_twilio_pair(r))}",
        ),
        _uwd_any(
            lambda r: f"POST /v1/payments/confirm Authorization: Basic {_uwd_basic(v.unwatched_toss_key(r), '')}",
            lambda r: (
                "POST /oauth/token?grant_type=client_credentials Authorization: Basic "
                f"{_uwd_basic(*v.unwatched_commercetools_pair(r))}"
            ),
        ),
        _uwd_any(
            lambda r: f"POST /v1/payments/approve Authorization: Basic {_uwd_basic(*v.unwatched_nicepay_pair(r))}",
            lambda r: f"GET /api/v1/orders Authorization: Basic {_uwd_basic('tuner', v.unwatched_billbee_pair(r)[1])}",
        ),
        lambda r: f"POST /v2/checkouts Authorization: Basic {_uwd_basic(*v.unwatched_afterpay_pair(r))}",
        lambda r: f"POST /v1/checkout/ Authorization: Basic {_uwd_basic(v.unwatched_stancer_key(r), '')}",
        lambda r: f"POST /v1/batch Authorization: Basic {_uwd_basic(v.unwatched_rudderstack_key(r), '')}",
        lambda r: f"GET /wsadmin/v13/AdminWebService Authorization: Basic {_uwd_basic(*v.unwatched_five9_pair(r))}",
    ),
    "session_cookie": _p(
        lambda r: _uwd_nuxt_session(r),
        lambda r: f"Cookie: eccube={rand(r, string.ascii_lowercase + string.digits, 26)}; eccube_csrf=1",
        lambda r: (
            f"Cookie: rx_sesskey1={v.unwatched_hex_digest(r, 16)}; rx_sesskey2={v.unwatched_hex_digest(r, 16)}; "
            "rx_uatype=pc"
        ),
        lambda r: f"Cookie: sw-context-token={rand(r, ALNUM, 32)}; sw-states=",
        lambda r: f"Cookie: BE_USER_AUTH={v.unwatched_hex_digest(r, 20)}; BE_PAGE_OFFSET=0",
        lambda r: _uwd_woocommerce(r),
        lambda r: _uwd_supabase(r),
    ),
    "auth_token_assignment": _p(
        lambda r: f"GET /k/v1/records.json?app=12 X-Cybozu-API-Token: {v.unwatched_kintone_token(r)}",
        lambda r: f"POST /v2/rooms/{r.randrange(1000, 9999)}/messages X-ChatWorkToken: {v.unwatched_chatwork_token(r)}",
        lambda r: f"POST /builds x-auth-token: {v.unwatched_codemagic_token(r)}",
        lambda r: f"DEPOT_TOKEN={v.unwatched_depot_token(r)} depot build -t rentals:latest .",
        lambda r: f"POST /v2/payment/purchase api-token: {v.unwatched_helcim_token(r)}",
        lambda r: f"GET /api/v1/Invoice?token={v.unwatched_sevdesk_token(r)}&limit=50",
        lambda r: f"POST /track user: {r.randrange(1000, 9999)} token: {v.unwatched_parcellab_token(r)}",
        lambda r: (
            f"POST /api/request/do.json vendor_token={v.unwatched_lydia_pair(r)[0]}&"
            f"private_token={v.unwatched_lydia_pair(r)[1]}&amount=45"
        ),
    ),
    "generic_secret": _p(
        _uwd_any(
            lambda r: f"GET /v3.7/bizCards X-Sansan-Api-Key: {v.unwatched_sansan_key(r)}",
            lambda r: f"GET /api/v1/resource/Roster Authorization: OAuth {v.unwatched_deputy_token(r)}",
        ),
        _uwd_any(
            lambda r: f"GET /api/v2/issues?apiKey={v.unwatched_backlog_key(r)}&projectId[]=12",
            lambda r: f"GET /api_1.0/job.json X-API-Key: {v.unwatched_servicem8_key(r)}",
        ),
        _uwd_any(
            lambda r: f"GET /v3/job/list Authorization: TD1 {v.unwatched_td_key(r)}",
            lambda r: f"POST /v3/authorize x-api-key: {v.unwatched_flinks_key(r)}",
        ),
        _uwd_any(
            lambda r: f"GET /es/2.0/order/searchOrder Authorization: ESA {_uwd_basic(*v.unwatched_rakuten_pair(r))}",
            lambda r: f"GET /public/v1/documents Authorization: API-Key {v.unwatched_pandadoc_key(r)}",
        ),
        _uwd_any(
            lambda r: f"GET /payments Authorization: PortOne {v.unwatched_portone_secret(r)}",
            lambda r: f"TRANSLOADIT_SECRET={v.unwatched_transloadit_secret(r)}",
        ),
        _uwd_any(
            lambda r: f"SOLAPI_API_SECRET={v.unwatched_solapi_pair(r)[1]}",
            lambda r: f"PAYPAY_API_SECRET={v.unwatched_paypay_pair(r)[2]}",
        ),
        _uwd_any(
            lambda r: f"POST /send/ key={v.unwatched_aligo_key(r)}&user_id=hanbok&sender=hanbok-sender&msg=ok",
            lambda r: f"GET /api/v1/orders X-Billbee-Api-Key: {v.unwatched_billbee_pair(r)[0]}",
        ),
        _uwd_any(
            lambda r: (
                f"GET /open/v5/user-chats x-access-key: {v.unwatched_channeltalk_pair(r)[0]} x-access-secret: "
                f"{v.unwatched_channeltalk_pair(r)[1]}"
            ),
            lambda r: f'tornado.web.Application(handlers, cookie_secret="{v.b64(r.randbytes(32))}")',
        ),
    ),
    "password_hash": _p(
        lambda r: f"iwork2john.py Angebot.pages: {v.unwatched_password_hash(r, 'iwork')}",
        lambda r: f"keychain2john.py login.keychain-db: {v.unwatched_password_hash(r, 'keychain')}",
        lambda r: f"hashcat -m 16200 notes.hash  # {v.unwatched_password_hash(r, 'asn')}",
        lambda r: f"androidfde2john.py footer: {v.unwatched_password_hash(r, 'fde')}",
        lambda r: f"WINHELLO2hashcat.py kiosk-03: {v.unwatched_password_hash(r, 'winhello')}",
        lambda r: f"rar2john.py Rechnungen_2025.rar: {v.unwatched_password_hash(r, 'rar3hp')}",
        lambda r: f"virtualbox2john.py hanbok-pos.vdi: {v.unwatched_password_hash(r, 'vbox')}",
        lambda r: f"SELECT Username, PasswordHash FROM Accounts -> {v.unwatched_password_hash(r, 'solarwinds')}",
    ),
    "credential_phrase": _p(
        lambda r: f"Da wifi password stay {_uwd_password(r)}",
        lambda r: f"Ger-tremena an wifi yw {_uwd_password(r)}",
        lambda r: f"Des WLAN-Passwort is {_uwd_password(r)}",
        lambda r: f"El mot d'passe du wifi ch'est {_uwd_password(r)}",
        lambda r: f"Hasło ôd internetu je {_uwd_password(r)}",
        lambda r: f"the rental kiosk was reset, the shop login is {_uwd_password(r)} until the manager is back",
        lambda r: f"lockers: user 'kiosk', pass {_uwd_password(r)} — don't change it mid-season",
    ),
    "email": _p(
        lambda r: f"BEGIN:VCARD\nVERSION:4.0\nFN:{_uwd_name(r)}\nEMAIL;TYPE=work:{v.unwatched_email(r)}\nEND:VCARD",
        lambda r: f"差出人: 佐藤 遥 <{v.unwatched_email(r)}>",
        lambda r: f"SELECT * FROM rentals WHERE guest_email = '{v.unwatched_email(r)}' FORMAT PrettyCompact",
        lambda r: f'{{"Contacts": [{{"Name": "{_uwd_name(r)}", "EmailAddress": "{v.unwatched_email(r)}"}}]}}',
        lambda r: f"Author: {_uwd_name(r)} <{v.unwatched_email(r)}>",
        lambda r: f'<a href="mailto:{v.unwatched_email(r)}?subject=Stimmtermin">Termin anfragen</a>',
    ),
    "ipv4": _p(
        lambda r: f"200 GET /rentals/{_uwd_word(r, 8)} ({v.ipv4(r)}) {r.randrange(1, 90)}.{r.randrange(10, 99)}ms",
        lambda r: (
            "TCPHandler: Connected ClickHouse client version 25.3.0, revision: 54477, user: kiosk, address "
            f"{v.ipv4(r)}:{r.randrange(32768, 61000)}"
        ),
        lambda r: f"<networks><ip>{v.ipv4(r)}/32</ip></networks>",
    ),
    "ipv6": _p(
        lambda r: f"200 POST /fittings ({v.ipv6(r)}) {r.randrange(1, 90)}.{r.randrange(10, 99)}ms",
        lambda r: f'"requestContext": {{"http": {{"sourceIp": "{v.ipv6(r)}", "method": "POST"}}}}',
        lambda r: f"<networks><ip>{v.ipv6(r)}</ip></networks>",
    ),
    "phone": _p(
        _uwd_any(lambda r: _uwd_vcard(r), lambda r: _uwd_solapi(r), lambda r: f"Mōj numer telefōnu to {_uwd_phone(r)}"),
        _uwd_any(lambda r: _uwd_twilio_studio(r), lambda r: _uwd_interac(r)),
        _uwd_any(lambda r: _uwd_genesys(r), lambda r: _uwd_jp_mail(r)),
        _uwd_any(lambda r: _uwd_five9(r), lambda r: _uwd_impressum(r)),
        _uwd_any(lambda r: _uwd_aircall(r), lambda r: f"My numba stay {_uwd_phone(r)}"),
        _uwd_any(lambda r: _uwd_alimtalk(r), lambda r: f"Ow niver pellgowser yw {_uwd_phone(r)}"),
        _uwd_any(lambda r: _uwd_xero_phone(r), lambda r: f"Mei Telefonnummer is {_uwd_phone(r)}"),
        _uwd_any(lambda r: _uwd_doctolib(r), lambda r: f"Min numéro d'téléphone ch'est {_uwd_phone(r)}"),
    ),
    "payment_card": _p(
        lambda r: _uwd_komoju(r, v.unwatched_card_number(r, pick(r, "jcb", "visa", "mastercard"))),
        lambda r: _uwd_payjp(r, v.unwatched_card_number(r, pick(r, "jcb", "visa", "amex", "diners"))),
        lambda r: _uwd_toss(r, v.unwatched_card_number(r, pick(r, "visa", "mastercard", "unionpay"))),
        lambda r: _uwd_helcim(r, v.unwatched_card_number(r, pick(r, "visa", "mastercard", "amex", "discover"))),
        lambda r: _uwd_stancer(r, v.unwatched_card_number(r, pick(r, "visa", "mastercard"))),
        lambda r: _uwd_jp_fax(r, v.unwatched_card_number(r, pick(r, "jcb", "amex", "diners"))),
        lambda r: _uwd_de_form(r, v.unwatched_card_number(r, pick(r, "visa", "mastercard", "amex"))),
    ),
    "iban": _p(
        lambda r: _uwd_fints(r, v.unwatched_iban(r, country=pick(r, "DE", "LU", "BE"))),
        lambda r: _uwd_sevdesk(r, v.unwatched_iban(r, country="DE")),
        lambda r: _uwd_xero_bank(r, v.unwatched_iban(r, country="GB")),
        lambda r: _uwd_payfit(r, v.unwatched_iban(r, country=pick(r, "FR", "MC"))),
        lambda r: _uwd_agicap(r, v.unwatched_iban(r, country=pick(r, "FR", "MC"), grouped=True)),
        lambda r: _uwd_isabel(r, v.unwatched_iban(r, country="BE", grouped=True)),
        lambda r: _uwd_mandate(r, v.unwatched_iban(r, country="DE", grouped=True)),
    ),
}

UNWATCHED_NEGATIVES: dict[str, list[Gen]] = {
    "openai_legacy_key": _p(lambda r: "tornado settings dump: openai_key=os.environ.get('OPENAI_API_KEY')"),
    "openai_project_key": _p(
        lambda r: "NUXT_OPENAI_API_KEY=",
        lambda r: (
            "SELECT * FROM url('https://api.openai.com/v1/models', JSONEachRow, headers('Authorization'='[HIDDEN]'))"
        ),
    ),
    "anthropic_api_key": _p(lambda r: 'Environment.get("ANTHROPIC_API_KEY") ?? ""  // empty in CI'),
    "deepseek_api_key": _p(
        lambda r: f'{{deepseek, [{{api_key, {{env, "DEEPSEEK_KEY"}}}}, {{run, "sk-{_uwd_word(r, 6)}"}}]}}.'
    ),
    "aws_access_key_id": _p(
        lambda r: (
            "SELECT count() FROM deltaLake('https://rentals-lake.s3.ap-northeast-1.amazonaws.com/pickups/', "
            "'[HIDDEN]', '[HIDDEN]')"
        ),
        lambda r: f"arn:aws:lambda:ap-northeast-1:{v.unwatched_digits(r, 12)}:function:rental-api",
        lambda r: (
            "BACKUP TABLE rentals.pickups TO S3(ch_backups, 'rentals/2026-04-14')  -- credentials in the collection"
        ),
    ),
    "aws_secret_access_key": _p(
        lambda r: (
            '<s3_cold><access_key_id from_env="COLD_KEY_ID"/><secret_access_key from_env="COLD_SECRET"/></s3_cold>'
        ),
        lambda r: f"x-amz-content-sha256: {v.unwatched_hex_digest(r)}",
        lambda r: "<use_environment_credentials>true</use_environment_credentials>",
    ),
    "aws_session_token": _p(lambda r: "assumed role rental-exporter, credentials expire 11:21Z (token not logged)"),
    "github_classic_token": _p(lambda r: "bitrise secret GITHUB_TOKEN=$BITRISEIO_GITHUB_TOKEN (protected)"),
    "github_oauth_token": _p(lambda r: '{"provider": "github", "provider_token": null}'),
    "github_app_token": _p(lambda r: "git clone https://github.com/hanbok-seoul/booking.git --depth 1"),
    "github_refresh_token": _p(lambda r: "semgrep app: github refresh failed (bad_refresh_token), reconnect the app"),
    "github_fine_grained_token": _p(lambda r: "codemagic env group 'release': GH_PAT=Encrypted(...)"),
    "gitlab_token": _p(lambda r: "depot build --secret id=gitlab,env=CI_TOKEN  # CI_TOKEN from the runner"),
    "slack_token": _p(lambda r: "incident.io -> slack fallback: SLACK_BOT_TOKEN=<rotated 2026-04-01>"),
    "slack_webhook": _p(lambda r: "rootly workflow action: post to #rentals-ops (slack integration, no webhook)"),
    "stripe_key": _p(
        lambda r: f"stripe checkout session cs_live_{rand(r, ALNUM, 24)} completed for pi_{rand(r, ALNUM, 24)}",
        lambda r: "runtimeConfig: { stripeSecret: '' } // set NUXT_STRIPE_SECRET",
    ),
    "google_api_key": _p(lambda r: "<key>GMSApiKey</key><string>$(GMS_API_KEY)</string>"),
    "google_oauth_client_secret": _p(
        lambda r: (
            f'{{"web": {{"client_id": "{v.unwatched_digits(r, 12)}-'
            f'{rand(r, string.ascii_lowercase + string.digits, 32)}.apps.googleusercontent.com"}}}}'
        )
    ),
    "gcp_oauth_token": _p(
        lambda r: (
            "SOURCE(HTTP(URL 'https://sheets.googleapis.com/v4/spreadsheets/fx/values/A:B' FORMAT 'JSONEachRow' "
            "HEADERS(HEADER(NAME 'Authorization' VALUE '[HIDDEN]'))))"
        )
    ),
    "twilio_api_key": _p(
        lambda r: f"studio flow FW{v.unwatched_hex_digest(r, 16)} published, revision {r.randrange(2, 40)}"
    ),
    "sendgrid_api_key": _p(
        lambda r: "<target type='Mail' smtpUserName='apikey' smtpPassword='${environment:SENDGRID_KEY}'/>"
    ),
    "huggingface_token": _p(lambda r: "docker model pull hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF"),
    "npm_token": _p(lambda r: "//registry.npmjs.org/:_authToken=${NPM_TOKEN}"),
    "pypi_token": _p(lambda r: "uv publish --trusted-publishing always"),
    "shopify_token": _p(lambda r: f"rakuten->shopify bridge: X-Shopify-Hmac-Sha256: {v.b64(r.randbytes(32))}"),
    "digitalocean_token": _p(lambda r: "doctl auth init --context rentals  # token read from the prompt"),
    "telegram_bot_token": _p(lambda r: "piano reminders bot @KlavierErinnerungBot: webhook ok, pending_update_count=0"),
    "azure_storage_connection_string": _p(
        lambda r: "BACKUP DATABASE hanbok TO AzureBlobStorage('[HIDDEN]', 'backups', 'hanbok/2026-04-14')",
        lambda r: '<target xsi:type="AzureBlobStorage" name="blob" connectionString="${environment:BLOB_CONN}" />',
    ),
    "azure_sas_token": _p(
        lambda r: "https://hanbokphotos.blob.core.windows.net/public/lookbook-2026.pdf",
        lambda r: "SELECT * FROM azureBlobStorage(hanbok_photos, blob_path = 'fittings/*.jsonl')",
    ),
    "clickhouse_cloud_key": _p(
        lambda r: (
            f'provider "clickhouse" {{ organization_id = "{v.unwatched_uuid(r)}" token_key = var.key '
            "token_secret = var.secret }"
        )
    ),
    "jwt": _p(
        lambda r: f"x-line-signature: {v.b64(r.randbytes(32))}",
        lambda r: "GET /api/v2/session/end?id_token_hint=<ID_TOKEN>&state=",
        lambda r: (
            f'{{"keys": [{{"kty": "RSA", "kid": "{v.unwatched_hex_digest(r, 16)}", "use": "sig", "alg": "RS256", '
            '"e": "AQAB", '
            f'"n": "{v.b64url(r.randbytes(64))}"}}]}}'
        ),
        lambda r: "A JWT has three base64url parts separated by dots: header.payload.signature.",
    ),
    "private_key": _p(
        lambda r: f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{v.b64(r.randbytes(24))} klavier-deploy",
        lambda r: "APNS_KEY_PATH=/run/secrets/AuthKey_ABCDE12345.p8 APNS_KEY_ID=ABCDE12345",
        lambda r: f"-----BEGIN PUBLIC KEY-----\n{v.b64(r.randbytes(48))}\n-----END PUBLIC KEY-----",
    ),
    "url_credentials": _p(
        lambda r: "DATABASE_URL=postgresql+asyncpg://pg.niseko.internal:5432/rentals",
        lambda r: "mqtts://<user>:<password>@broker.niseko.internal:8883",
        lambda r: "git@github.com:hanbok-seoul/booking.git",
        lambda r: "nats://nats.seoul.internal:4222 (creds file /etc/nats/hanbok.creds)",
    ),
    "password_assignment": _p(
        lambda r: '<clickhouse><users><kiosk><password from_env="KIOSK_PASSWORD"/></kiosk></users></clickhouse>',
        lambda r: "SELECT count() FROM remote('ch-2.niseko.internal:9000', 'rentals', 'pickups', 'reader', '[HIDDEN]')",
        lambda r: "<users><probe><no_password/><networks><host>probe.niseko.internal</host></networks></probe></users>",
        lambda r: (
            "ENGINE = NATS SETTINGS nats_url = 'nats.seoul.internal:4222', nats_username = 'ch', nats_password = ''"
        ),
        lambda r: (
            f"<users><tuner><password_sha256_hex>{v.unwatched_hex_digest(r)}</password_sha256_hex></tuner></users>"
        ),
        lambda r: "Passwörter müssen mindestens 12 Zeichen haben; nach 5 Fehlversuchen wird das Konto gesperrt.",
        lambda r: f"password_reset_ttl={r.randrange(10, 60)}m password_min_length=12 password_history=5",
    ),
    "sql_identified_by": _p(
        lambda r: "CREATE USER kiosk IDENTIFIED WITH ssl_certificate CN 'kiosk-03.niseko.internal'",
        lambda r: (
            'ALTER USER hanbok_sync IDENTIFIED WITH jwt CLAIMS \'{"resource_access": {"hanbok": {"roles": ["sync"]}}}\''
        ),
        lambda r: (
            "SHOW CREATE USER tuner: CREATE USER tuner IDENTIFIED WITH sha256_hash BY "
            f"'{v.unwatched_hex_digest(r).upper()}' "
            f"SALT '{v.unwatched_hex_digest(r, 16).upper()}'"
        ),
        lambda r: "CREATE USER rental_ro IDENTIFIED WITH sha256_password BY '[HIDDEN]'",
    ),
    "bearer_token": _p(
        lambda r: "Authorization: Bearer ${FREEE_TOKEN}",
        lambda r: 'WWW-Authenticate: Bearer realm="smarthr", error="invalid_token", error_description="expired"',
        lambda r: (
            f"Authorization: hmac OPA-Auth:{v.unwatched_paypay_pair(r)[1]}:{v.b64(r.randbytes(32))}:"
            f"{_uwd_word(r, 8)}:{v.unwatched_epoch(r)}:{v.b64(r.randbytes(16))}"
        ),
        lambda r: (
            f"Authorization: HMAC-SHA256 apiKey={v.unwatched_solapi_pair(r)[0]}, date=2026-04-14T10:21:33Z, "
            f"salt={v.unwatched_hex_digest(r, 16)}, signature={v.unwatched_hex_digest(r, 32)}"
        ),
    ),
    "basic_auth": _p(
        lambda r: 'WWW-Authenticate: Basic realm="KOMOJU API"',
        lambda r: 'curl -u "$TOSS_SECRET_KEY:" https://api.tosspayments.com/v1/payments/confirm',
        lambda r: "Authorization: Basic <base64 of merchantId:secretKey>",
    ),
    "session_cookie": _p(
        lambda r: "Set-Cookie: nuxt-session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
        lambda r: "Cookie: eccube_csrf=1; cookie_consent=accepted; lang=ja",
        lambda r: f"Cookie: rx_uatype=pc; rx_lang=ko; _ga=GA1.1.{v.unwatched_digits(r, 8)}.{v.unwatched_epoch(r)}",
        lambda r: "Cookie: woocommerce_items_in_cart=1; woocommerce_recently_viewed=812%7C944",
    ),
    "auth_token_assignment": _p(
        lambda r: "X-Cybozu-API-Token: {{kintone_token}}",
        lambda r: f"X-ChatWorkToken-Hint: ends with {v.unwatched_hex_digest(r, 2)}",
        lambda r: f"X-Request-Token-Count: {r.randrange(100, 900)}",
        lambda r: "GET /api/v1/Invoice?token=YOUR_API_TOKEN&limit=50",
    ),
    "generic_secret": _p(
        lambda r: f"X-Sansan-Api-Key: {'•' * 12}",
        lambda r: (
            f"PAYPAY_MERCHANT_ID={v.unwatched_paypay_pair(r)[0]} PAYPAY_API_KEY_ID={v.unwatched_paypay_pair(r)[1]}"
        ),
        lambda r: f"NICEPAY_CLIENT_ID={v.unwatched_nicepay_pair(r)[0]}",
        lambda r: f"x-line-channel-id: {v.unwatched_digits(r, 11, '2')}",
        lambda r: f"Digest: SHA-256={v.b64(r.randbytes(32))}",
        lambda r: f"query_id={v.unwatched_uuid(r)} checksum={v.unwatched_hex_digest(r, 16)}",
        lambda r: f"docker pull ghcr.io/hanbok-seoul/booking@sha256:{v.unwatched_hex_digest(r)}",
        lambda r: "x-api-key: 00000000-0000-0000-0000-000000000000  # Flinks sandbox key from the docs",
        lambda r: "TRANSLOADIT_KEY=${TRANSLOADIT_KEY}",
        lambda r: f"X-Signature: t={v.unwatched_epoch(r)},v1={v.unwatched_hex_digest(r, 32)}",
    ),
    "password_hash": _p(
        lambda r: f"shasum -a 256 Angebot.pages: {v.unwatched_hex_digest(r)}",
        lambda r: "rar2john.py: Rechnungen_2025.rar is not encrypted",
        lambda r: f"md5 hanbok-pos.vdi = {v.unwatched_hex_digest(r, 16)}",
        lambda r: '<password_sha256_hex from_env="TUNER_PASSWORD_HASH"/>',
        lambda r: f"git commit {v.unwatched_hex_digest(r, 20)} (tag v{r.randrange(1, 9)}.{r.randrange(0, 20)}.0)",
    ),
    "credential_phrase": _p(
        lambda r: "You wen foget yo' password?",
        lambda r: "A wrussys ankevi dha ger-tremena?",
        lambda r: "Host dei Passwort vagessn?",
        lambda r: "T'as oblié tin mot d'passe?",
        lambda r: "Zapōmniołeś hasło?",
        lambda r: "Your password was reset. Use the link we e-mailed to choose a new one; it expires in 30 minutes.",
        lambda r: "Das Kassen-Tablet sperrt nach 5 falschen PINs; der Filialleiter kann es entsperren.",
    ),
    "email": _p(
        lambda r: "npm install @nuxt/ui@3.1.0 @pinia/nuxt@0.9.0",
        lambda r: f"docker pull ghcr.io/hanbok-seoul/booking@sha256:{v.unwatched_hex_digest(r)}",
        lambda r: "@media (max-width: 600px) { .rental-card { display: block } }",
        lambda r: "@MainActor final class RentalViewModel: ObservableObject {}",
        lambda r: "cc @haruka_s @minji.kim please review the fitting schedule",
        lambda r: "Message routed to {{ guest.email | default('front-desk') }}",
    ),
    "ipv4": _p(
        lambda r: (
            f"NLog, Version={r.randrange(4, 6)}.{r.randrange(0, 4)}.{r.randrange(0, 9)}.0, Culture=neutral, "
            f"PublicKeyToken={v.unwatched_hex_digest(r, 8)}"
        ),
        lambda r: (
            f"kiosk firmware {r.randrange(1, 4)}.{r.randrange(0, 12)}.{r.randrange(0, 30)}.{r.randrange(1, 200)} "
            "installed"
        ),
        lambda r: f"OID 1.3.6.1.4.1.{r.randrange(1000, 60000)}.1.2 in the kiosk's SNMP walk",
        lambda r: f"Niseko base station at 42.{r.randrange(800, 880)}, 140.{r.randrange(660, 720)} (lat, lon)",
    ),
    "ipv6": _p(
        lambda r: f"DB::StorageS3Queue::streamToViews: committed {r.randrange(1, 90)} files",
        lambda r: f"kiosk wlan0 ether {':'.join(f'{r.randrange(0, 256):02x}' for _ in range(6))}",
        lambda r: f"fitting slot {r.randrange(10, 18)}:{r.randrange(10, 59)}:{r.randrange(10, 59)} confirmed",
        lambda r: "=ERROR REPORT==== crash in rental_sup:handle_info/2 (badarg)",
    ),
    "phone": _p(
        lambda r: f"callback {v.unwatched_invalid_phone(r, _uwd_regions())}",
        lambda r: f"parcel {v.unwatched_tracking(r)}",
        lambda r: f"order {v.unwatched_ref(r)}",
        lambda r: f"マイナンバー {v.unwatched_my_number(r)} (本人確認書類)",
        lambda r: f"gear barcode {v.unwatched_grouped_id(r, (4, 4, 4), ' ')}",
        lambda r: f"Steuernummer (ELSTER) {v.unwatched_grouped_id(r, (13,), '')}",
        lambda r: f"法人番号 {v.unwatched_grouped_id(r, (13,), '')}",
        lambda r: f"SIRET {v.unwatched_grouped_id(r, (3, 3, 3, 5), ' ')}",
        lambda r: f"통신판매업 신고 제2026-서울종로-{r.randrange(1000, 9999)}호",
        lambda r: f"room {r.randrange(100, 999)}, {r.randrange(2, 9)} guests, {r.randrange(10, 99)} kg luggage",
        lambda r: (
            f"2026.04.{r.randrange(10, 28)} {r.randrange(10, 24)}:{r.randrange(10, 60)}:{r.randrange(10, 60)}.045703 "
            f"[ {r.randrange(100, 999)} ] {{}} <Information> Application: Ready for connections."
        ),
    ),
    "payment_card": _p(
        lambda r: f"IMEI {v.unwatched_imei(r)} (kiosk tablet)",
        lambda r: f"주민등록번호 {v.unwatched_rrn(r)}",
        lambda r: f"Ponta card {v.unwatched_luhn_digits(r, 15, '9')} points={r.randrange(10, 900)}",
        lambda r: f"card {v.unwatched_card_number(r, 'jcb')[:6]}******{rand(r, string.digits, 4)} approved",
        lambda r: "test card 4242 4242 4242 4242 (sandbox only)",
        lambda r: f"Canada Post {v.unwatched_grouped_id(r, (4, 4, 4, 4), ' ', '7')}",
        lambda r: f"card ending {rand(r, string.digits, 4)}, expires {r.randrange(1, 13):02d}/{r.randrange(27, 32)}",
    ),
    "iban": _p(
        lambda r: f"IBAN {v.unwatched_iban(r, valid=False)}",
        lambda r: f"振込先 {v.unwatched_zengin(r)}",
        lambda r: f"입금계좌 국민은행 {v.unwatched_kr_account(r)}",
        lambda r: v.unwatched_bsb_account(r),
        lambda r: v.unwatched_ca_transit(r),
        lambda r: "Gläubiger-Identifikationsnummer DE98ZZZ09999999999",
        lambda r: "IBAN: DE** **** **** **** **12 34 (last 4 shown)",
        lambda r: f"BIC {pick(r, 'SSKMDEMMXXX', 'BNPAFRPPXXX', 'NWBKGB2L', 'GEBABEBB', 'BCEELULL')} for SEPA instant",
    ),
}

UNWATCHED_NEGATIVE_LABELS: dict[tuple[str, int], frozenset[str]] = {
    ("password_assignment", 4): frozenset({"password_hash"}),
    ("sql_identified_by", 2): frozenset({"password_hash"}),
}
