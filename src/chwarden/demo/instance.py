"""Builds the demo instance: the January 2025 misconfiguration, reproduced on chdb.

`default` has no password and may connect from anywhere, `listen_host` is 0.0.0.0 with the
plain ports open, and a `log_stream` table holds chat history with API keys in plain text.
All keys are generated at run time from a seeded RNG: none is real.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from pathlib import Path

from chwarden.clickhouse.sql import quote_string

DEMO_CONFIG = """<clickhouse>
    <!-- The exposed setup: every interface, plain ports, passwordless default from anywhere. -->
    <listen_host>0.0.0.0</listen_host>
    <http_port>8123</http_port>
    <tcp_port>9000</tcp_port>
    <interserver_http_port>9009</interserver_http_port>
    <users_config>{config_path}</users_config>
    <profiles>
        <default>
            <max_memory_usage>0</max_memory_usage>
            <log_queries>1</log_queries>
        </default>
    </profiles>
    <users>
        <default>
            <password></password>
            <networks><ip>::/0</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
            <access_management>1</access_management>
        </default>
    </users>
    <quotas>
        <default>
            <interval>
                <duration>3600</duration>
                <queries>0</queries><errors>0</errors><result_rows>0</result_rows>
                <read_rows>0</read_rows><execution_time>0</execution_time>
            </interval>
        </default>
    </quotas>
</clickhouse>
"""

_PROMPTS = [
    "How do I reset my account password?",
    "Summarise this contract for me please",
    "Write a python script that calls the chat completions API",
    "My key is not working, here it is: {key}",
    "Translate 'good morning' into French",
    "Why does my docker build fail with exit code 137?",
]
_ANSWERS = [
    "Sure! Here is a summary of the main points.",
    "You can call the API with the Authorization: Bearer {key} header.",
    "Exit code 137 means the process was killed for using too much memory.",
    "Bonjour !",
]
_SPANS = ["/api/v0/chat/completion", "/api/v0/users/current", "/api/v0/billing/usage", "/auth/oauth2callback"]


def _fake_key(rng: random.Random) -> str:
    return "sk-" + "".join(rng.choice(string.hexdigits.lower()[:16]) for _ in range(32))


def demo_rows(count: int, seed: int = 2025) -> list[tuple[str, str, str, str, str]]:
    """(timestamp, span_name, message, _service, _source) rows of synthetic chat logs."""
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        key = _fake_key(rng)
        if i % 2 == 0:
            text = "user: " + rng.choice(_PROMPTS).format(key=key)
        else:
            text = "assistant: " + rng.choice(_ANSWERS).format(key=key)
        ip = f"203.0.113.{rng.randrange(1, 255)}"
        rows.append(
            (
                f"2025-01-06 {rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}",
                rng.choice(_SPANS),
                f"{text} client_ip={ip} session=sess_{rng.getrandbits(64):016x}",
                "chat-backend",
                "api-gateway",
            )
        )
    return rows


def write_demo_config(workdir: Path) -> Path:
    workdir.mkdir(parents=True, exist_ok=True)
    config = workdir / "config.xml"
    config.write_text(DEMO_CONFIG.format(config_path=config), encoding="utf-8")
    return config


def seed_demo_data(execute: Callable[[str], object], rows: int = 2000) -> None:
    """Create and fill `log_stream` (the demo's own setup: the audit later runs read-only).

    ``execute`` runs one statement on a read-write engine (a writer worker's or a session's query).
    """
    execute(
        "CREATE TABLE IF NOT EXISTS default.log_stream (timestamp DateTime, span_name String, "
        "`string.values` String, _service LowCardinality(String), _source String) "
        "ENGINE = MergeTree ORDER BY timestamp"
    )
    execute("TRUNCATE TABLE default.log_stream")
    values = ",".join("(" + ",".join(quote_string(v) for v in row) + ")" for row in demo_rows(rows))
    execute(f"INSERT INTO default.log_stream VALUES {values}")
