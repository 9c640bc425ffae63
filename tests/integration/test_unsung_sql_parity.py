"""The ``unsung`` false-alarm fixes as the server reads them: every fragment of the unit tests' rows (the value,
the match and the text before it, cut as ``discover`` cuts them) gets the same verdict from ``sqlcheck``'s SQL on
chdb (the modern query shape) and on ClickHouse 18.16 (the legacy shape, RE2 of 2018) as from ``validators.py``."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from chwarden.clickhouse.sql import quote_string as quote
from chwarden.discover import load_rules, sql, sqlcheck, validators
from chwarden.discover.sql import CONTEXT_CHARS
from tests.harness.chdb_env import OPEN_DEFAULT_USER, chdb_environment

USERS_18 = """<yandex><profiles><default/></profiles>
<users>
<default><password></password><networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota></default>
<admin><password>admin-pass-x</password><networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota></admin>
</users><quotas><default/></quotas></yandex>"""

# (detector id, row): positives kept and negatives removed for each class of the fix.
ROWS: tuple[tuple[str, str], ...] = (
    # 1. a dotted quad tagging a model or an image is a version
    ("ipv4", '"model": "GigaChat-Lite:2.0.28.2"'),
    ("ipv4", '{"model_name": "Mixtral-8x7B-Instruct:3.1.4.15"}'),
    ("ipv4", "model_id=qwen2@1.3.0.2"),
    ("ipv4", "image: ghcr.io/acme/web-api:3.2.1.9"),
    ("ipv4", '"engine": "text-davinci:1.0.14.2"'),
    ("ipv4", "inet addr:192.168.14.10  Bcast:192.168.14.255"),
    ("ipv4", "X-Real-IP: 203.0.113.77"),
    ("ipv4", '"client_ip": "81.2.69.160"'),
    ("ipv4", 'extra_hosts: ["db-primary-01:10.0.0.5"]'),
    ("ipv4", '"Client-IP:203.0.113.9"'),
    ("ipv4", "ftp://admin@192.168.1.1/"),
    # 2. a message's identifier is not an e-mail address
    ("email", "Message-ID: <CAH7pQx9L2mZ+uT4vB8nRwKq3sYd5eJf6gA@mail.gmail.com>"),
    ("email", "In-Reply-To: <5f1e2d3c.1c69fb81.a2b3c.9d4e@mx.google.com>"),
    ("email", "References: <alpha.123@lists.corp.io> <beta.456@lists.corp.io>"),
    ("email", '{"message_id": "<0100018c2f3a4b5c-6d7e@email.amazonses.com>"}'),
    ("email", '<img src="cid:logo123@acme.mailer.com">'),
    ("email", "From: <anna.k@corp.org>"),
    ("email", "Reply-To: bob@corp.io"),
    ("email", "To: john.smith@contoso.com, mary.jones@contoso.com"),
    # 3. public client keys are not secrets; their secret twins are
    ("generic_secret", "POSTHOG_PROJECT_API_KEY=phc_Xe4uQ0JvN8mL2kYt6PbR1sW9cHdZ3aFgVoTiEyB7nMq"),
    ("generic_secret", 'stripe.api_key = "pk_test_51Mz8Lm2QwXk5TnVb7YcPd9HsJf3Ga6EuRo1WiKy4BtNq"'),
    ("generic_secret", "flutterwave_api_key: FLWPUBK-3e8a1f9c2b7d4e6f0a5b8c1d9e2f4a7b-X"),
    ("generic_secret", "POSTHOG_PERSONAL_API_KEY=phx_Zr8Lm2QwXk5TnVb7YcPd9HsJf3Ga6EuRo1WiKy4BtNq"),
    ("generic_secret", "SUPABASE_SECRET_KEY=sb_secret_Xk5TnVb7YcPd9HsJf3Ga6E_uRo1WiKy4"),
    (
        "auth_token_assignment",
        "MAPBOX_ACCESS_TOKEN=pk.eyJ1IjoiZ2Vvc3R1ZGlvIiwiYSI6ImNrOHh5ejEyMzAwMDAzbXBlY2h5In0.Zm9vYmFy",
    ),
    (
        "auth_token_assignment",
        "MAPBOX_SECRET_TOKEN=sk.eyJ1IjoiZ2Vvc3R1ZGlvIiwiYSI6ImNrOHh5ejEyMzAwMDAzbXBlY2h5In0.Zm9vYmFy",
    ),
    ("bearer_token", "Authorization: Bearer pk.eyJ1IjoiZ2Vvc3R1ZGlvIiwiYSI6ImNrOHh5ejEyMzAwMDAzbXBlY2h5In0.Zm9v"),
    # 4. a PowerShell cmdlet is not a password
    ("password_assignment", "$userPwd = Read-Host -AsSecureString 'Enter PIN'"),
    ("password_assignment", "$password = ConvertTo-SecureString $plain -AsPlainText -Force"),
    ("password_assignment", "$adminPwd = Get-AzKeyVaultSecret -VaultName kv"),
    ("password_assignment", "$pwd = Read-S3Object -BucketName x"),
    ("password_assignment", "password = Kx9!mQ2-vLp7"),
    ("password_assignment", "password=Open-Sesame9"),
    # 5. analytics cookies are not sessions
    ("session_cookie", "Cookie: _hjSessionUser_4471902=eyJpZCI6ImE3YjQ0MzlmZGQ4M2U0ZmUiLCJjcmVhdGVkIjoxNzAwfQ=="),
    ("session_cookie", "Cookie: ajs_session_id=a8F3kQ9zLm2WxR7tVb4N; x=1"),
    ("session_cookie", "Cookie: _uetsid=Zk3mQ9xLp2Wr7TbV4nYc8HdJ; x=1"),
    ("session_cookie", "Cookie: sessionid=k8Jf3nQ2xLp9Zr7WmT4vYb6Hc; csrftoken=abc"),
    ("session_cookie", "Cookie: PHPSESSID=9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c"),
    # 6. digits inside a name are not a phone number
    ("phone", "pod sms-worker-a37449897 restarted"),
    ("phone", "host fax-relay-12-48213977 up"),
    ("phone", "tel-gw-node-58172649 NotReady"),
    ("phone", "sms +49 151 23456789"),
    ("phone", "call me 0151 2345 6789"),
    ("phone", "tel:+442071838750"),
    ("phone", "Phone07911123456"),
    ("phone", "手机13812345678"),
    # 7. probed log shapes: archive versions, small versions, networks, a card's "00" group, Gmail message ids
    ("ipv4", "~[app-1.2.3.4.jar:1.2.3.4]"),
    ("ipv4", "  at org.acme.Api.run(Api.java:88) [acme-core.war!/:2.11.4.7]"),
    ("ipv4", "bootloader 1.0.0.12 ok"),
    ("ipv4", "route 10.0.0.0/8 via 192.168.1.1"),
    ("ipv4", "allow 10.1.2.3/32 only"),
    ("phone", "unionpay 6297 0026 1941 3481 178"),
    ("phone", "at 12:30:45 0049 151 2345 6789 called"),
    ("email", "Message-ID: <CAF=abc123XyZ@mail.gmail.com>"),
    # 8. unsought's leftovers: a hex token's entropy, a URL's bare key, a chosen config-line secret, PHP session ids
    ("auth_token_assignment", "auth_db [authorize.c:178]: auth_token: 08911771165a131a647b66e859218462"),
    ("auth_token_assignment", "auth_token: 0000000011111111aaaaaaaabbbbbbbb"),
    ("generic_secret", "GET /routing/json?key=FF5yD8Z7EPrM9FhW83jXgzJgttZbq2xa"),
    ("generic_secret", "GET /maps/api/tile?key=XXXXXXXXXXXXXXXXXXXXXXXX"),
    ("generic_secret", "client ap-07 {\n\tsecret = wXUvkVVvYBT1\n}"),
    ("generic_secret", "client ap-07 {\\n  secret = testing123\\n}"),
    ("generic_secret", "client ap-07 {\\n  SECRET = Testing123\\n}"),  # 18.16 reads a leading (?i) case-sensitively
    ("email", "Contact: <SIP:+6785913176@pbx.acme.vu>;expires=3600"),
    ("generic_secret", "client ap-07 {\n  secret = changeme1\n}"),
    ("generic_secret", "secret = v1.2.3-beta"),
    ("generic_secret", "secret = Abcdefghij"),
    ("session_cookie", "Cookie: Icingaweb2=jiix2y80oo3fd9z5fd67dfn3fi"),
    ("session_cookie", "Cookie: device=3f2b8c1e9d4a4b7e8f216c5d9e"),
    ("session_cookie", "Cookie: cart=abcdefghijklmnopqrstuvwxyz"),
    # 9. unclaimed's classes: wide card separators and track 1, Basic auth with a key and no password, more hashes
    ("payment_card", '{"card": "4400\u20137407\u20134183\u20136596"}'),
    ("payment_card", "kortinum 6270\u00b76741\u00b76979\u00b72704, takk"),
    ("payment_card", "card 4147\u20077258\u20072102\u20078626 ok"),
    ("payment_card", "amex 3714\u2013460719\u201320231 ok"),
    ("payment_card", "co-pay 6270\u00b76028\u00b73236\u00b73044\u00b7471"),
    ("payment_card", "call 4111\u20131111\u20131111\u20131112 now"),
    ("payment_card", "4111\u20131111 1111 1111 mixed"),
    ("payment_card", "swipe %B2489523613498085^CHARLES/SHERNELL^2605"),
    (
        "basic_auth",
        "Authorization: Basic eG5kX3Byb2R1Y3Rpb25fVTVnRjViNm4yVXdPOXJJRXNOM1BhTmFUWXZtZmNFYm1LVGY3b015Z0VD"
        "bklrU0MwdGJTVnJMV1gxWWNsOg==",
    ),
    ("basic_auth", "Authorization: Basic YWRtaW5pc3RyYXRvcjo="),
    ("basic_auth", "Authorization: Basic c3ZjLXJlcG9ydDpxZXZ0ME1MYU1SVHZldA=="),
    ("password_assignment", "PASSWD_URI = file:/run/secrets/gitea_db_password"),
    ("password_assignment", "db_password = Kz81!mQp2Lx9"),
    (
        "credential_phrase",
        'msg="Wi-Fi \u062c\u0648 \u067e\u0627\u0633\u0648\u0631\u068a Winter5137# \u0622\u0647\u064a"',
    ),
    ("credential_phrase", "AMQ224000: Paswod bilong Wi-Fi em Larkana9355-"),
    ("credential_phrase", "Paswod bilong Wi-Fi em ChangeMe"),
    ("ipv4", "VCL_Log        Apache NiFi 1.24.0.3 started"),
    ("ipv4", "Cisco ASA 81.2.69.160 denied"),
    # 10. unheralded's: a token-named query parameter, a CSRF one, an IBAN's group, stored forms, an EDIFACT e-mail
    ("auth_token_assignment", "/server.php?wstoken=e1b0062c0d8ffc83379d7b515279a9aa&wsfunction=x"),
    ("auth_token_assignment", "GET /form?csrftoken=8KfJ2mQx9LwT4vNc8RdP3sHj6ZaGe1Uo"),
    ("phone", "IBAN ES47 0049 4085 9282 6520 6946"),
    ("phone", "call 0049 151 2345 6789 now"),
    ("password_assignment", "password=![TdUbjh6Pwph4oAWrvycrBXTmRmqhELzjBiPgnOD+tf0=]"),
    ("password_assignment", "SET password = '!2BjQ8k7gOpWAAaw6RcEwYTCHFlS5Ss1Yv0X9ZNQF'"),
    ("password_assignment", "ldap_default_authtok = Kemper8668-"),
    ("email", "CTA+IC+:RECEIVING'COM+shaneka.ebanks@logic.bm:EM'"),
    ("session_cookie", "Cookie: CASTGC=TGT-7385-YyLoSRqiQoh4nUwcjsX33mB3riGhufmTj-JLzgaYAI4makBmNX-cas03"),
    # 11. a vendor's ``<Word>-Key`` header and data keys in one, a password element, an IBAN behind a type letter
    ("generic_secret", "[function:parse scan] Fastly-Key: xm15OrjosAJJskgwcSlIwIo9Y_BsvR4a"),
    ("generic_secret", "Idempotency-Key: 5f0c2a9e-8d41-4b7a-9c3e-2f6d1b8a7e40"),
    ("generic_secret", "Cache-Key: tenant42-eu-west-1-chat-history-v2"),
    ("password_assignment", "<pass>Lmz0fUHM2cE3V3s</pass>"),
    ("password_assignment", "D! [outputs.influxdb_v2] <pass>__DB_PASS__</pass>"),
    ("password_assignment", "db.password=@DB_PASSWORD@"),
    ("iban", "GIMENEZ ACOSTA LUIS          AES0700499311138893891447    CUOTA"),
    ("iban", "ref XDE00123456789012345678 queued"),
    ("phone", "PID|1||P-74051^^^CLINIC||Mango^^^^^^B||||||^PRN^CP^^691^^3509541\rOBR|1|164768||CBC"),
    ("phone", "PID|1||P-10021^^^CLINIC||Mango||||||^PRN^PH^^^415^8675309\rOBR|1|273929||CBC"),
    ("phone", "PID|1||P-10021^^^CLINIC||Mango||||||^PRN^PH^^1^000^0000000\rOBR|1|273929||CBC"),
    # 12. unnoticed's: PNR fields, SSH logins, sealed and SSO cookies, a Salesforce bearer, keys in queries, hashes
    ("basic_auth", "Authorization: Basic OnVrNF9DVlY4N0VtUEpadmtzVU1rTkYxdTJHaDlEOTFkSUl0bg=="),
    ("basic_auth", "Authorization: Basic OmNoYW5nZW1l"),
    ("credential_phrase", "E kontraseña di e Wi-Fi ta Marble2625!"),
    ("credential_phrase", "sa paràula segreta temporànea tua est yKE5GVj&IQaXo"),
    # 14. a short generated key a little below 3.5 bits a character (both cases and a digit: 3.3)
    ("generic_secret", "grant_type=client_credentials&client_id=abc&client_secret=fCZQp6p2uZFkZCgY"),
    ("generic_secret", "grant_type=client_credentials&client_id=abc&client_secret=aaaaBBBB1111cccc"),
    ("generic_secret", "grant_type=client_credentials&client_id=abc&client_secret=fczqp6p2uzfkzcgy"),
    # 15. PHP's define(), unattend.xml, bearer_auth, Web PubSub, a 20-digit hex secret, national card schemes
    ("password_assignment", "NOTICE: PHP message: define( 'DB_PASSWORD', 'Ibadan5726*' );"),
    ("password_assignment", "define( 'DB_PASSWORD', 'password_here' );"),
    ("password_assignment", "<AdministratorPassword>\n  <Value>Osogbo3828#</Value>"),
    ("bearer_token", 'let resp = client.get(url).bearer_auth("uiYvpDrsxfsM2ykNWFNmkS5L5").send().await?;'),
    ("generic_secret", "[error] <0.29122.0> PUSHER_APP_SECRET=7bf88b148a91990dabdf"),
    ("generic_secret", "[error] <0.29122.0> PUSHER_APP_SECRET=0000000000aaaaaaaaaa"),
    ("payment_card", "DinaCard 9891 3453 3200 0894"),
    ("payment_card", "DinaCard 9891 3453 3200 0895"),
    ("credential_phrase", "main.go:76] use Osogbo654! as the password for the shared printer account"),
    # 16. unremarked's: a dash after the value, value-first phrases, a systemd unit, a Windmill reference, hashes
    ("credential_phrase", "client bloqué dans l'appli, son mot de passe est Prishtina3721 — réinitialiser"),
    ("credential_phrase", "Инә алмайым. kTPK69Q3tsBSHAmP — минең серһүҙем, нимә эшләйем?"),
    ("credential_phrase", "איך קען נישט אַרײַנלאָגירן. RqN9O8hSnZYQHCi3 איז מײַן פּאַסוואָרט, וואָס?"),
    ("email", "systemctl restart payg-sync@momo.service"),
    ("generic_secret", '{"value": {"api_key": "$var:f/secrets/openai_key"}}'),
    ("password_hash", "password_hash=x'7708FEE8BACF45879D3341D5ACCD2C8C7622874DB64B5BE5FA0278AB6C5479E4'"),
    ("password_hash", "unicodePwd:: N1au/+pFc++naXCA7y18/w=="),
    ("phone", "renter asks to be called before the inspection: 8 (912) 907-57-86"),
    ("phone", "order 8 (912) 907-57-86 shipped"),
    ("phone", "linkerd_app_core::serve: Cuir fòn thugam air 671-366-3077"),
    # 17. Elixir's header tuples, Laravel Sanctum's and Bitrix's cookies
    ("generic_secret", '[{"authorization", "Api-Key AQVN1sEWiD0JvUH6Uj8mGHpmZnzgBPH_5r9z-YGh"}]'),
    ("session_cookie", "Cookie: remember_token=22|837aed2eb793b2abfb824b9ebf1444f4cc21db4abf0dbd424f61d79789"),
    ("session_cookie", "Cookie: BITRIX_SM_LOGIN=manager; BITRIX_SM_UIDH=b077c9cfcc24c11455b995ea150fb24b"),
    # 18. MSISDNs: international numbers without their "+" where the number is named
    ("phone", "dlr msisdn=2348031234567 status=DELIVRD err=000"),
    ("phone", "msisdn=99999999999999 status=DELIVRD"),
    # 19. unforeseen's: prompts, exports, digests beside their salt, htdigest, node keys, header lists, phrases
    ("chat_template", "You are helpful.\n\nBob: my door card stopped working\n\nAlice: I re-issued it."),
    ("chat_template", '{"prompt": "\\n\\nQuestion: Can you help me write an email?\\n\\nAnswer:", "max_tokens": 9}'),
    ("chat_template", "### 질문: La tarxeta nun funciona.\n\n### 답변: Activemos una nueva."),
    ("chat_role_json", '{"updates": [{"by": {"type": "contact", "id": 8972}, "message": {"text": "hi"}}]}'),
    ("chat_role_json", '{"messaging_product": "whatsapp", "messages": [{"type": "text", "text": {"body": "hi"}}]}'),
    ("chat_role_json", '{"messages": [{"id": 476968, "sender_full_name": "Member", "content": "hi"}]}'),
    ("password_hash", "password='09bed7983b9ba56f2a89fc3b8e75b71093122263', salt='kRn5nwLxS'"),
    (
        "password_hash",
        '{"password": "F9KNcwuvLAU68+iObM6xQy5eUAPorolusTIjaUmamkkAdofs", "hashAlgorithm": "HMACSHA256"}',
    ),
    ("password_assignment", "password='09bed7983b9ba56f2a89fc3b8e75b71093122263', salt='kRn5nwLxS'"),
    ("password_hash", 'msg="/etc/apache2/.htdigest: hakim:Staff only:01244a61b7e17555ba7afd1b6e36bfce"'),
    ("private_key", "privkey:c869300c9aeeeff26445efe16a639b160a37b354bc7707d533fae58b7db9aff0"),
    ("session_cookie", "Cookie: language=en-gb; currency=EUR; OCSESSID=06c2bd70308605649e538a1ac6"),
    ("generic_secret", "[('Authorization', '51b6ffea8fc884ee36f53b9fa7295137'), ('Content-type', 'application/json')]"),
    ("generic_secret", '{:headers {"authorization" "51ea65af165cb68db8fe34c1fa51512e", "accept" "*/*"}}'),
    ("generic_secret", "ERROR [ENDPOINT: /v1/sessions] Authorization: token api-sync:oXusSPKFCNwnyWUIjYHA1fJSPBLX3BJw"),
    ("auth_token_assignment", '{"data": {"accessToken": "__n8n_BLANK_VALUE_e5362baf"}}'),
    ("generic_secret", "meilisearch::routes: Authorization: Apikey 62d56c74-e667-4cca-a025-259262dbd60c"),
    ("generic_secret", "Authorization: Apikey 00000000-0000-0000-0000-000000000000"),
    # 20. unguessed's: macros, Client-ID, semver builds, captures, cookies, AWS sections, five languages' phrases
    ("generic_secret", 'provider = "anthropic"\napi_key = "%{env:ANTHROPIC_API_KEY}%"'),
    ("generic_secret", "unsplash: Authorization: Client-ID W3sqc0c_yy2wb9MKoTqUofEHYkWNNFKd-ivMDj7O1Ha"),
    ("generic_secret", 'msg="Authorization: Uploadcare.Simple 025d4f48dfe7f53a62d8:c9a5a71435680f5a7c85"'),
    ("ipv4", "2026-01-10 09:21:31 ERROR: forgejo 1.21.8.5+gitea-1.22.0"),
    ("password_hash", "WPA*01*2ac40fe1da23d416a535ce1ee32f6393*24918db3a030*d3ea54b8c611*526563657074696f6e2d3547***"),
    ("session_cookie", "Cookie: lang=fi-FI; i_like_gogs=cab8f92fe6c5af97; _csrf=expired"),
    ("session_cookie", "Cookie: Bugzilla_login=470; Bugzilla_logincookie=BfVgShEMjP64KGyLsZhiSR"),
    ("aws_secret_access_key", '[storage.s3]\nsecret-key = "k3nfoC2iPn+dv+9twxZHZov5s33lhfqQYEZXB2tl"'),
    ("aws_secret_access_key", "bao write aws/config/root secret_key=E+Zou+PLfGQEbDIF0FnQsTSJIxTmTavljc1BIe46 region=x"),
    ("credential_phrase", "Ik heff dat trüchsett; rbbj-myxs-nspv63 is dien Passwoort för nu"),
    ("credential_phrase", "মই লগ ইন কৰিব পৰা নাই। FUob1#6dtS7F_ মোৰ পাছৱৰ্ড, কি কৰিম?"),
    ("credential_phrase", "No rivi a jentrâ. La mê password e je Falcon7561!, ce aio di fâ?"),
    ("password_hash", "smf_members: member_name=moka, passwd=d270ae50828d877b0e50d78ce4f358fabb4b9725"),
    ("password_assignment", "smf_members: member_name=moka, passwd=d270ae50828d877b0e50d78ce4f358fabb4b9725"),
    ("password_assignment", "[celery.worker] <entry key='database.password'>Trinite952$</entry>"),
    ("password_assignment", '<entry key="smtp.password">changeme</entry>'),
    ("credential_phrase", "Кӗреймерӗм. amkg-srnh-axjd54 — манӑн пароль, мӗн тумалла?"),
    ("credential_phrase", "Ta mee er n'aachur eh; she E44s#HWStHq63u5dVvnH dty fockle-arrey traaoil"),
    ("credential_phrase", "DEBUG [BACKEND: /ocpi/2.2/tokens] your temporary password is Summer1540#"),
    ("credential_phrase", "Notice Search Private Keys or Passwords (cmdline=password is $DB_PASSWORD)"),
    # 13. the password before the words naming it: a strong one only ("jdoe2024" is a login)
    ("credential_phrase", "Non potzo intrare. GiJrCRacD6MeHJ6xYE est sa paràula segreta mea, ite depo?"),
    ("credential_phrase", "请记住Xk29!mQ7是你的新密码"),
    ("credential_phrase", "user jdoe2024 is the password owner"),
    ("email", "SSR CTCE YY HK1/GEMMA..SANCHEZ+FLIGHTS//TISCALI.IT"),
    ("email", "SSR CTCE YY HK1/NOBODY//EXAMPLE.COM"),
    ("email", '[error="ssh -J jump@bastion.ops.internal meterops@mdm-he-03"]'),
    ("phone", "SSR CTCM YY HK1/299221837"),
    ("payment_card", "FP CCVI4659613513396081/0427"),
    ("payment_card", "card no. 3602\u00ad046557\u00ad1152 (copied)"),
    ("payment_card", "card 4539\u20601488\u00ad0343\u20606467 on file"),
    ("session_cookie", "Cookie: mellon-cookie=f5fab0f4effea6480e42ba829a8aa9b5"),
    ("session_cookie", "Cookie: security_authentication=Fe26.2**124813aa57d640d0753d367cc5f52df6*9IQNWAMU_bLEQ5*Xj2"),
    ("bearer_token", "Authorization: Bearer 00DWAPO4qgXzs8T!AQQQUMIFzDwABV9.C.JlFh4FOnqqdNNMvhjqccuaEchYt6"),
    ("generic_secret", "GET /s?q=x&api_key=70b458e4020aa853c1b3fe35d2c10f64f11d0f77c403dfec7c62058b6645b524"),
    ("generic_secret", '{"api_key": "70b458e4020aa853c1b3fe35d2c10f64f11d0f77c403dfec7c62058b6645b524"}'),
    (
        "password_hash",
        "$BALLOON-SHA256$v=1$s=1024,t=32$uzLhw4LnGw6W9plXOXJW7w==$DA6AwuHFHaV/3EThzixqH3jFZhHishDAnjm78yvpsxU=",
    ),
    (
        "password_hash",
        "crew:1014:XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX:DA30B51B6A5B7F4AF70F1E98503033D5:[U          ]:LCT-A6E83658:",
    ),
    # the unannounced split's classes
    ("chat_role_json", '{"messages": [{"author": "USER", "fragments": [{"text": "hi"}]}]}'),
    ("chat_role_json", '[{"sender": "guest_1a2b", "senderFullname": "Guest", "text": "hi"}]'),
    ("chat_role_json", '{"MessageList": [{"messagetype": "RichText", "content": "hi"}]}'),
    ("chat_template", "SYSTEM:Be brief. [Round 0] USER:Can I move my booking? ASSISTANT:"),
    ("chat_template", "<image>User: What is in the picture? GPT:<answer> A boat.<|endofchunk|>"),
    ("credential_phrase", "I don change am; the new password na qzpt-rwmb-kelo52"),
    ("credential_phrase", "Lhasa5521& ངའི་གསང་གྲངས་ཡིན།"),
    ("session_cookie", "Cookie: OTRSAgentInterface=Hk3Lm9Qr2Ws7Xe5Tz1Yb8Nc4Vd6Fg0Ja; OTRSBrowserHasCookie=1"),
    ("password_hash", "jtr: jdoe:$NETNTLM$1122334455667788$4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f"),
    ("password_hash", "$postgres$app*5f3a9c1e*9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a"),
    ("generic_secret", "GET /api/latest?access_key=7d3f9a1c5e2b4d6f8a0c1e3b5d7f9a2c&base=EUR"),
    ("generic_secret", 'access_key = "@{vault:aws_access_key}"'),
    ("payment_card", 'ivr: collect_digits digits="4 5 5 6 7 3 7 5 8 6 8 9 9 8 5 5" terminator=#'),
    ("password_assignment", "users 1910: crypted_password=9f8e7d6c5b4a3f2e, password_salt=Qw3Er5Ty7Ui9Op1As3Df"),
    ("iban", ":86:166?00GUTSCHRIFT?30BFCOYTYT?31FR7611899306227132334698706?32DELROY"),
    ("payment_card", "EMV TLV: 9F02 06 000000047970 5A 0A 6261311387500114720F 5F24 03 301231"),
    # the unbeknown split's classes
    ("password_hash", "tac_capture: $tacacs-plus$0$515a6d77$bf6b4ce9fdbf69ec07378365a0d1807a67c758f5$c006"),
    ("password_hash", 'msg="chap.hash: 31802b898b8236be669fd3570eb31848:499c567fd54fbd82d0f016f3e8e76d5d:1f"'),
    ("payment_card", "498814******2082 authorised RRN 601305713369"),
    ("credential_phrase", "Mo finn reset li; ou password tanporer se Edinburgh7seas3781%"),
    ("credential_phrase", "我登入唔到。Berlin3439! 係我個密碼，點算好？"),
    ("credential_phrase", "مش عارف أدخل. Greenmountain803~ ده الباسورد بتاعي، أعمل إيه؟"),
    ("credential_phrase", "gun safe code unchanged, the booking laptop login is now kxrl-vvhb-tkep34"),
    ("credential_phrase", "your login is jsmith01, the password follows by SMS"),
    ("credential_phrase", "zmdc[958].DB1 [your temporary password is umws-punl-wnka64]"),
    ("email", "ScrobblingService federated follow from @sigrid@svalbard.social"),
    ("password_assignment", "[forgot_password_url=/auth/forgot]"),
    ("phone", '{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "61891648054"}'),
    ("phone", '{"contacts": [{"profile": {"name": "Kerry"}, "wa_id": "16315551181"}]}'),
    # the unreported split's classes
    (
        "password_hash",
        "$rar5$16$25e9c27983b4dba4f74973a955ea4f28$15$df876fe48fbb61b10a3d80f0c60c9fc7$8$36e84a5e1e6a6d97",
    ),
    ("generic_secret", "X-Environment-Key: ser.aESlfcikBRILZSOJWkelPr"),
    ("generic_secret", "/api/v3?heights&lat=-21.20&lon=-159.78&key=4da80870-7495-4008-818f-28b001252d38"),
    ("generic_secret", 'ANTHROPIC_API_KEY="op://Clinic/anthropic/credential" [x]'),
    (
        "basic_auth",
        "GET /subscriptions.json Authorization: Basic MjdURGxPY0N0UXN2Nlp1Q2pQZjIwMjVCU25Kcmp2aFNRV3lyaGxOZENuVzp4",
    ),
    (
        "basic_auth",
        "Authorization: Basic Ym9hcmRAa21hci1yYWRpby5leGFtcGxlOkppTmROS2dudjB1eER5UkJ4MVMyVWpPa0pSUXBk"
        "Z1k0OUxod2FzcmxjRFJjNDVQcEhU",
    ),
    ("basic_auth", "Authorization: Basic dXNlcjpwYXNzd29yZA=="),
    ("credential_phrase", "Njemóžu so přizjewić. GlSQX4RGPTOfwsrl je moje hesło, što mam činić?"),
    (
        "private_key",
        "untrusted comment: signify secret key\nRWRCSxm5Ad5hzkQIDO4fJeMwUCRh3l3u1KINrfl0VrHqrZEwL+DY+exIPIab",
    ),
    (
        "session_cookie",
        "Cookie: semaphore=MTc3MDI1MzE0NXw1T2RIVXlvTThqb244NjY4UVpLemNleFBmOVI1VVA1eVY1UlNudG9SeS0wdFhIUkVJ",
    ),
    # the unplumbed split's: a Basic credential with no colon, a public API key, a service key, an encrypted disk's
    # key, a Belgian structured communication, a signed request's key id and digest, a *_tk cookie, glued digits
    ("basic_auth", "POST /shipments Authorization: basic MDE3YzhjMmE3M2Q0MDlmNjdkNzJhMDEyYmRlZDk4M2Y4MmUxZDcxYQ=="),
    ("basic_auth", "Authorization: Basic c2hvcnRrZXktMjAyNA=="),
    ("generic_secret", "decidir public apikey: 45ee73f909ff551d32e850bd6fb0361d"),
    ("generic_secret", "netcash ServiceKey=7f8f896e-3977-4478-a4d5-32668dd5a58d&MethodId=101"),
    ("generic_secret", "<disks><s><type>encrypted</type><disk>s3</disk><key>ngnOaq6pPzg4PCfy</key></s></disks>"),
    ("generic_secret", "Authorization: QBox j6XaEDm5DwWvn0H9TIa06e4ANvEn3Z2yJhR8qXkD:yAJSRVhkTuXA7ek3JxJVqkJfp-c="),
    ("phone", "Gelieve te betalen met mededeling +++927/1347/36666+++ vóór 30/06"),
    ("phone", "bel me op +32 470 12 34 56"),
    ("session_cookie", "Cookie: _m_h5_tk=9a646cd48f70720f69dab0a4504db04e_1781925202737; _m_h5_tk_enc=182e08a6"),
    (
        "password_hash",
        "SCRAMSHA256: salt=53103E377CB852B70EF0D3042F9BF700 serverkey="
        "98C0296A4AB959D64ADD45F2E27D86E2206790706E2A61020D0CFFD3D6CCE8A6",
    ),
)
# Named pairs (a key-value table's key beside its value).
PAIRS: tuple[str, ...] = (
    "pillar:posthog:project_api_key\x1fphc_b7Yq2mXk9LwT4vNc8RdP3sHj6ZaGe1UoTiWy5BnMfKz",
    "stripe_publishable_key\x1fpk_live_51Qw8Lm2QwXk5TnVb7YcPd9HsJf3Ga6EuRo1WiKy4BtNq",
    "pillar:posthog:personal_api_key\x1fphx_b7Yq2mXk9LwT4vNc8RdP3sHj6ZaGe1UoTiWy5BnMfKz",
    "admin_password\x1fGet-Credential",
    "admin_password\x1fWq7!rT2#pLm9",
    "pubnub/PUBNUB_PUBLISH_KEY\x1fpub-c-1776550f-0a49-400c-b340-a3011d0eab73",
    # the unlisted split's Azure App Configuration keys: the label is not part of the name
    "ChatGateway:Moonshot:ApiKey [label=prod]\x1fsk-wLrlmWTdzLPZq2mgFuzn3ijV5b89M6wYCn24d8IW1H92Q7fX",
    "ChatGateway:Moonshot:ApiKeyLabel\x1fsk-wLrlmWTdzLPZq2mgFuzn3ijV5b89M6wYCn24d8IW1H92Q7fX",
    # and its bare base64 digests: a hash under a hash's name (named_password_hash's), a password under a password's
    "password_hash\x1fNNfZ+2e24KJiXYVm2qAaH3WKiHmxwPKYl7jaiLNGB/Y",
    "password_hash\x1f(GZLrohvvY7cYEnWKs0BJ)",
    "db_password\x1fNNfZ+2e24KJiXYVm2qAaH3WKiHmxwPKYl7jaiLNGB/Y",
    # and unheeded's: values kept encrypted (Sealed Secrets, Jenkins), the issued key itself
    "sealedsecret:voice/llm-keys:encryptedData.E2B_API_KEY\x1fAgBpqTq9OWFXj1lXRbIY0/KnU+r7F1jHRF1v/UL67J7U6y+FnA64Z2"
    "krN6DTJdSnVHhtjqSajAqbbeBy6+cJ738R1uMqCzG1DDtZAo9We1/4SAQPZR5uE2oP",
    "llamacloud-api-key\x1f{AQAAABAAAAAQaHYG+NL70OaPJotYHrDK2geL7L0FeYXFgbPBdi+bbpHgk7UhXP2zYj8OmmS1XvcA}",
    "issued_key\x1facme_live_3F5QCe5FmC6OUb7CMYuNjkwyiUrvGmj9",
    # and unasked's digests plain enough to need a hash's name: Oracle's DES hash, Neo4j, Solr, Domino's (H…)
    "password_hash\x1f0846E665508F09DB",
    "password\x1f0846E665508F09DB",
    "password_hash\x1fSHA-256,6CD7E2D3B7BCDC09054C9918DC812B6BAD944DC1C49F411F09C385BE3C6A6051,B7AECB2535E7E4C94C120912C2FF61DD,1024",
    "password_hash\x1fuIuLyKX61kPP6jfo+Mqkn0wr9Syx69ZeqXD1V+jp5Bs= HK8MG0QeKIsL1WWRlGwTSKBFAyoC6B6nIt1Ja6Oacwc=",
    "password_hash\x1f(HhM0AK1Q4kVcOD8pLUX9YsJSfWedT71BZ2e1E3lLxWeb1TgtR)",
    # and unsought's: a static key, a password under a name ending in ``pw``
    "openvpn:tls-crypt.static-key\x1f72673f23ca06ee183e8534e40712a29f905eca5d6c054931cfa592c66c5c26bb",
    "kamailio:DBRWPW\x1fAden8324",
    "kamailio:DBRWPW\x1fchangeme",
    # and unclaimed's: "uri" inside "security", key names (props.key, EncryptKey), a public key, code reading a variable
    "nifi:nifi.security.truststorePasswd\x1fThimphu649!",
    "gitea:security.SECRET_KEY\x1fmnOUXUMplDKEDdtOSzxPCnURyqPIh1FUcvtjLNmHHpcBfgjPK3LLQ2VbLlyF42tY",
    "nifi:nifi.sensitive.props.key\x1fRcqqhCwkGSgFWjntyuFVPQjo",
    "mattermost:SqlSettings.AtRestEncryptKey\x1f1ZFqWkYRqaNqL6LwzFPelsQn0wiYWBxQ",
    "recaptcha.site.key\x1f6LcX8kQpAAAAAJ2mZr7Vq1TnYw3Bf9HdLs0KpE4u",
    "oauth.redirectUri\x1fhttps://app.acme.io/callback/x8Kd9QpZ",
    "superset:SECRET_KEY:ref\x1fos.environ['SUPERSET_SECRET_KEY']",
    "app:api_key\x1fprocess.env.ACME_API_KEY",
    "snipeit:APP_KEY\x1fbase64:5io4sur+OhH0MTMqaSTKiNrZteSKpS5iv66szgKSZS8=",
    "mule:carrier.client_secret:enc\x1f![ed3oqnhS5/QOVFQD0R2FzgNcr9aMVyde1Fh8SjDX2xWf51fXESI0]",
    "password_hash\x1fn6iRACrkqTKfcn2p3sFH/fYtXYrLIn",
    # and unheralded's: names ending in ``pass`` or ``authtok``, hex under an environment variable's password name
    "moodle:smtppass\x1fHamilton745",
    "sssd:ldap_default_authtok\x1fNukufetau4469+",
    "jitsi:JVB_AUTH_PASSWORD\x1f9125e380eb825bd8a5093ce11e471c13",
    "users:password\x1f9125e380eb825bd8a5093ce11e471c13",
    "ADMIN_PASSWORD_MD5\x1f9125e380eb825bd8a5093ce11e471c13",
    "edc:typeform.token\x1ftfp_4g31qhC9oBjWVGdSPh2bVpB9FV8GpTdyoY3lQfDO6fh3_KRH8Yw",
    "auth.token_type\x1fBearerTokenLongValue1234",
    "mixpanel:MIXPANEL_SERVICE_ACCOUNT_SECRET\x1fpdNtMxN4EdVV95G4cgC62OPdSmNIUJGy",
    "worker:retryCount\x1fpdNtMxN4EdVV95G4cgC62OPdSmNIUJGy",
    # and unplumbed's: a product's name ending in "file" names no file
    "seafile:seafile.conf.database.password\x1fLisse6367%",
    "smtp.password_file\x1f/run/secrets/smtp_password",
)


def _fragments() -> list[tuple[str, str, str, str]]:
    """(validator, value, match, before) of every match of the rows' detectors, as ``discover`` cuts them."""
    detectors = {d.id: d for d in load_rules().detectors}
    out = []
    for detector_id, row in ROWS:
        detector = detectors[detector_id]
        matches = list(detector.regex.finditer(row))
        assert matches, (detector_id, row)
        for m in matches:
            before = row[max(0, m.start() - CONTEXT_CHARS) : m.start()]
            out.append((detector.validator, detector.secret_of(m.group(0)), m.group(0), before))
    out += [("named_secret", pair, pair, "") for pair in PAIRS]
    return out


def _server_verdicts(query: Callable[[str], str], modern: bool) -> list[bool]:
    bound = ", ".join(f"{value} AS {name}" for name, value in sqlcheck.constants(modern).items())
    answers = []
    for validator, value, match, before in _fragments():
        expr = sqlcheck.validator_sql(validator, sqlcheck.Ctx(modern))
        # bound as the validating query binds them (lambdas: 18.16 reads no outer alias inside one)
        check = (
            f"arrayExists(val -> arrayExists(m -> arrayExists(bef -> {expr}, [{quote(before)}]), "
            f"[{quote(match)}]), [{quote(value)}])"
        )
        sql = f"WITH {bound} SELECT {check} FORMAT TabSeparatedRaw"
        answers.append(query(sql).strip() == "1")
    return answers


def _python_verdicts() -> list[bool]:
    return [validators.validate(name, value, before, match=match) for name, value, match, before in _fragments()]


def _disagreements(server: list[bool]) -> list[tuple[str, str, str, bool]]:
    python = _python_verdicts()
    return [(f[0], f[1], f[3], p) for f, p, s in zip(_fragments(), python, server, strict=True) if p != s]


def test_the_rows_hold_both_verdicts_for_every_class() -> None:
    verdicts = dict(zip(((f[0], f[1]) for f in _fragments()), _python_verdicts(), strict=False))
    for validator in ("ipv4", "email", "keyword_secret", "password", "session_cookie", "phone", "named_secret", "luhn"):
        seen = {ok for (name, _), ok in verdicts.items() if name == validator}
        assert seen == {True, False}, validator


@pytest.fixture(scope="module")
def chdb_env() -> Iterator[Any]:
    with chdb_environment(OPEN_DEFAULT_USER) as env:
        yield env


@pytest.fixture(scope="module")
def server18(ch18_env: Any) -> Iterator[Any]:
    from tests.harness import configs
    from tests.harness.ch18 import stop_all

    variant = configs.Variant(USERS_18, passwords={"admin": "admin-pass-x"}, admin=("admin", "admin-pass-x"))
    server = ch18_env.server("unsung", variant).start()
    try:
        yield server
    finally:
        stop_all([server])


# Rows whose value the server must cut as ``Detector.secret_of`` does: before the words (``value_first``) or after.
VALUE_ROWS: tuple[tuple[str, str], ...] = (
    ("credential_phrase", "Non potzo intrare. GiJrCRacD6MeHJ6xYE est sa paràula segreta mea, ite depo?"),
    ("credential_phrase", "[1768387951] unbound[7730:0] notice: O Arikok8798- te parau huna o te Wi-Fi"),
    ("credential_phrase", "请记住Xk29!mQ7是你的新密码"),
    ("credential_phrase", "Xk29!mQ7이 제 비밀번호예요"),
    ("credential_phrase", "(Xk29!mQ7 is the wifi password)"),
    ("credential_phrase", "Passwort ist Sonnen-Blau7"),
    ("credential_phrase", "the password is Sunny-Day!"),
    ("credential_phrase", "पासवर्ड Xk29!mQ7 है"),
    ("credential_phrase", "client bloqué dans l'appli, son mot de passe est Prishtina3721 — réinitialiser"),
    ("credential_phrase", "Инә алмайым. kTPK69Q3tsBSHAmP — минең серһүҙем, нимә эшләйем?"),
    ("password_assignment", "<AdministratorPassword>\n  <Value>Osogbo3828#</Value>"),
    ("credential_phrase", "Nuwe wagwoord vir die boot se tablet: Chalong5632%"),
    ("credential_phrase", "ตั้งรหัสผ่านใหม่ให้แล้ว: Chalong2224*"),
    ("generic_secret", "<disks><s><type>encrypted</type><disk>s3</disk><key>ngnOaq6pPzg4PCfy</key></s></disks>"),
)


def _value_disagreements(query: Callable[[str], str]) -> list[tuple[str, str, str]]:
    detectors = {d.id: d for d in load_rules().detectors}
    out = []
    for detector_id, row in VALUE_ROWS:
        d = detectors[detector_id]
        python = [d.secret_of(d.end_regex.search(f).group(0)) for f in _row_fragments(d, row)]
        sql_values = f"arrayMap(_t -> tupleElement(_t, 4), {sql.candidates(1, d, quote(row))})"
        server = query(f"SELECT arrayStringConcat({sql_values}, '\\n') FORMAT TabSeparatedRaw").rstrip("\n")
        if server.split("\n") != python:
            out.append((row, server, "\n".join(python)))
    return out


def _row_fragments(d: Any, row: str) -> list[str]:
    """Left context + match, as ``sql.candidates`` cuts them (``extractAll`` of the context pattern)."""
    import re

    return re.findall(f".{{0,{CONTEXT_CHARS}}}(?:{d.pattern})", row)


@pytest.mark.embedded
def test_chdb_cuts_values_as_chwarden_does(chdb_env: Any) -> None:
    assert _value_disagreements(lambda q: bytes(chdb_env.session.query(q).bytes()).decode()) == []


@pytest.mark.server
def test_18_16_cuts_values_as_chwarden_does(server18: Any) -> None:
    assert _value_disagreements(server18.admin_query) == []


@pytest.mark.embedded
def test_chdb_validates_the_unsung_classes_as_chwarden_does(chdb_env: Any) -> None:
    def query(sql: str) -> str:
        return bytes(chdb_env.session.query(sql).bytes()).decode()

    assert _disagreements(_server_verdicts(query, modern=True)) == []


@pytest.mark.server
def test_18_16_validates_the_unsung_classes_as_chwarden_does(server18: Any) -> None:
    assert _disagreements(_server_verdicts(server18.admin_query, modern=False)) == []


@pytest.mark.server
@pytest.mark.parametrize("split", ["dev", "unbidden", "unfathomed"])
def test_18_16_runs_the_row_filter_within_re2s_dfa_budget(server18: Any, split: str) -> None:
    """18.x's RE2 row filter (``sql._passes_18``: every coarsened condition in one match, the card's digit groups with
    one class of separators) must keep its DFA small enough for RE2: past its memory RE2 falls back to matching a
    hundred times slower, with the same answers, and near it RE2 keeps rebuilding its states. Measured on this check
    (30,000 corpus lines, the least of three runs): as one alternation of the conditions as written, 0.66-0.75 s at
    the start of one stop, 14.8 s once two more detectors' words were added; in two parts cut by length, 0.30 s on
    dev, 2.78 s on unbidden and 2.12 s on unfathomed (whose lines are denser in keywords and digits); coarsened, with
    the card's separators written out in a second match, 0.04-0.05 s on each; as now, 0.02-0.03 s. The bound leaves
    room for a loaded machine and fails long before the cliff."""
    from tests.data.discover.corpus import build_corpus

    lines = [v for t in build_corpus(split) for vals in t.columns.values() for v in vals if isinstance(v, str)][:400]
    rows = f"concat(arrayElement([{', '.join(quote(x) for x in lines)}], number % {len(lines)} + 1), toString(number))"
    detectors = [d for d in load_rules().detectors if d.scope == "value"]
    passes = sql._passes_18(sql.order(detectors)).replace("match(v, ", "match(r, ")
    times = []
    for _ in range(3):  # the least of three: another test's load on the machine only ever adds
        started = time.perf_counter()
        found = server18.admin_query(f"SELECT countIf({passes}) FROM (SELECT {rows} AS r FROM numbers(30000))")
        times.append(time.perf_counter() - started)
    assert int(found) > 0
    assert min(times) < 0.4, f"{min(times):.1f} s: a part of the row filter is past RE2's DFA budget"


# The rules write a class of ASCII word characters as ``\w`` and a lone digit class as ``\d`` or ``\D`` (7 and 2 bytes
# shorter in every query that holds them): each engine must read the short form as the class it stands for.
SHORTHANDS: tuple[tuple[str, str], ...] = (
    (r"\w", "[A-Za-z0-9_]"),
    (r"\d", "[0-9]"),
    (r"\D", "[^0-9]"),
    (r"[\w.-]", "[A-Za-z0-9_.-]"),
    (r"[^\w-]", "[^A-Za-z0-9_-]"),
)
# Every character of one to three UTF-8 bytes but the surrogates, built from numbers as 18.16 can (no ``char``).
_BYTE = "hex(toUInt8({}))"
EVERY_CHARACTER = (
    f"SELECT unhex({_BYTE.format('number + 1')}) AS c FROM numbers(127) UNION ALL "
    f"SELECT unhex(concat({_BYTE.format('192 + intDiv(number + 128, 64)')}, {_BYTE.format('128 + number % 64')})) "
    "FROM numbers(1920) UNION ALL "
    f"SELECT unhex(concat({_BYTE.format('224 + intDiv(cp, 4096)')}, {_BYTE.format('128 + intDiv(cp, 64) % 64')}, "
    f"{_BYTE.format('128 + cp % 64')})) FROM (SELECT number + 2048 AS cp FROM numbers(63488)) "
    "WHERE cp < 55296 OR cp > 57343"
)


def _shorthand_counts(query: Callable[[str], str], function: str) -> list[tuple[str, int, int, int]]:
    """(form, characters only the short form matches, only the long one, either) for each shorthand, plain and
    case-insensitive; ``function`` is ``match`` (RE2) or ``multiMatchAny`` (Vectorscan)."""

    def test(regex: str) -> str:
        text = quote(f"^(?:{regex})$")
        return f"match(c, {text})" if function == "match" else f"multiMatchAny(c, [{text}])"

    counts = []
    for short, long in SHORTHANDS:
        for form in ("{}", "(?i:{})"):
            s, lng = test(form.format(short)), test(form.format(long))
            answer = query(
                f"SELECT countIf({s} AND NOT {lng}), countIf({lng} AND NOT {s}), countIf({s} OR {lng}) "
                f"FROM ({EVERY_CHARACTER})"
            )
            only_short, only_long, either = (int(x) for x in answer.split())
            counts.append((form.format(short), only_short, only_long, either))
    return counts


@pytest.mark.server
def test_18_16_reads_the_class_shorthands_as_the_classes(server18: Any) -> None:
    counts = _shorthand_counts(server18.admin_query, "match")
    assert all(only_short == only_long == 0 and either > 0 for _, only_short, only_long, either in counts), counts


def test_chdb_reads_the_class_shorthands_as_the_classes(chdb_env: Any) -> None:
    """RE2 reads each short form exactly as its class. Vectorscan, which only finds candidates, over-matches negated
    classes (``[^A-Za-z0-9_-]`` matches ``a``; the short form too, differently): it must never miss a character
    that Python's ``re`` (ASCII, as the detectors compile) matches, and reads the positive short forms as their
    classes."""
    import json
    import re

    def run(sql_text: str) -> str:
        return bytes(chdb_env.session.query(sql_text, "TSV").bytes()).decode()

    counts = _shorthand_counts(run, "match")
    assert all(only_short == only_long == 0 and either > 0 for _, only_short, only_long, either in counts), counts
    vectorscan = _shorthand_counts(run, "multiMatchAny")
    plain_positive = [c for c in vectorscan if not c[0].startswith("(?i:") and "^" not in c[0] and r"\D" not in c[0]]
    assert all(only_short == only_long == 0 for _, only_short, only_long, _ in plain_positive), vectorscan
    for form, *_ in vectorscan:
        answer = chdb_env.session.query(
            f"SELECT groupArray(c) FROM ({EVERY_CHARACTER}) WHERE NOT multiMatchAny(c, [{quote(f'^(?:{form})$')}])",
            "JSONCompact",
        )
        missed = json.loads(bytes(answer.bytes()).decode())["data"][0][0]
        wrongly = [c for c in missed if re.fullmatch(form, c, re.ASCII)]
        assert wrongly == [], (form, wrongly[:10])
