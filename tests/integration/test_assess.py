"""Issue 6 acceptance 1 and 2: `chwarden assess` against real ClickHouse 18.16 servers.

1. A DeepSeek replica (open `default`, a `log_stream` with planted `sk-` keys and chat text): the
   top path runs anonymous -> default -> log_stream -> secret + conversation, with counts. The test
   servers listen on a loopback address only, and assess reads their config: since issue 13 the path
   says "local processes on the server host" and weighs accordingly (the critical path of a server
   listening on the network is asserted on a hand-built snapshot in tests/unit/test_assess_graph.py).
2. A password-protected server where a weak user (plaintext password, any host) reads a table of
   emails: that path is high; the admin's path to the same table (loopback, hashed password) ranks
   lower.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from chwarden.demo.instance import demo_rows
from tests.harness import configs
from tests.harness.ch18 import ClickHouse18Server

SCHEMA = json.loads(
    (Path(__file__).parents[2] / "src/chwarden/report/schemas/report-v2.schema.json").read_text(encoding="utf-8")
)
LOG_STREAM_DDL = (
    "CREATE TABLE default.log_stream (timestamp DateTime, span_name String, `string.values` String, "
    "_service String, _source String) ENGINE = MergeTree ORDER BY timestamp"
)


def discover_available() -> bool:
    try:
        module = importlib.import_module("chwarden.discover")
    except ImportError:
        return False
    return hasattr(module, "discover_live")


def assess_json(tmp_path: Path, *args: str, password: str | None = None) -> tuple[int, dict[str, Any], str]:
    out = tmp_path / "assess.json"
    env = {k: v for k, v in os.environ.items() if k not in ("CLICKHOUSE_PASSWORD", "CLICKHOUSE_USER")}
    if password is not None:
        env["CLICKHOUSE_PASSWORD"] = password
    result = subprocess.run(
        [sys.executable, "-m", "chwarden", "assess", *args, "--format", "json", "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert out.exists(), result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(report, SCHEMA)
    return result.returncode, report, result.stderr


def step(path: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(s for s in path["steps"] if s["kind"] == kind)


def load_tsv(server: ClickHouse18Server, table: str, rows: list[tuple[Any, ...]], **auth: str) -> None:
    body = "\n".join("\t".join(str(v).replace("\\", "\\\\").replace("\t", " ") for v in row) for row in rows)
    server.admin_query(f"INSERT INTO {table} FORMAT TabSeparated\n{body}\n", **auth)


def test_deepseek_replica_top_path_is_critical_anonymous_to_log_stream(ch18_factory: Any, tmp_path: Path) -> None:
    server: ClickHouse18Server = ch18_factory()
    server.admin_query(LOG_STREAM_DDL)
    rows = demo_rows(2000)
    load_tsv(server, "default.log_stream", rows)
    code, report, stderr = assess_json(tmp_path, server.http_url)
    assert code == 1
    assert report["command"] == "assess"
    top = report["attack_paths"][0]
    principal, table, data = step(top, "principal"), step(top, "table"), step(top, "data")
    assert principal["user"] == "default" and principal["anonymous"] is True
    network = step(top, "network")  # issue 13: listen_host (a loopback address here) x default's ::/0
    assert network["reach"] == "loopback" and network["label"] == "local processes on the server host"
    assert network["server_listens"] == "loopback" and network["user_networks"] == "any"
    assert top["severity"] != "critical", top["summary"]
    assert (table["database"], table["table"]) == ("default", "log_stream")
    assert table["rows"] == 2000
    classes = {c["category"]: c for c in data["classes"]}
    assert {"secret", "conversation"} <= set(classes)
    for category in ("secret", "conversation"):
        assert 0 < classes[category]["rows"] <= 2000
    # discover counts the planted keys (about 2 rows in 5 hold one); without it (not installed, or
    # it failed and the target says why), the names are the evidence and the path says "inferred"
    discover_errors = [e for e in report["targets"][0]["errors"] if e.startswith("discover")]
    if discover_available() and not discover_errors:
        assert classes["secret"]["source"] == "discover" and classes["secret"]["rows"] < 2000
    else:
        assert classes["secret"]["source"] == "inferred" and "inferred from names" in top["summary"]
    assert "anonymous → user default" in top["summary"] and "default.log_stream" in top["summary"]
    assert "secret (" in top["summary"] and "conversation (" in top["summary"]
    assert "cheapest fix: set a password for user default" in top["summary"]
    fix = principal["cut"]
    assert fix["xml"] and "<password" in fix["xml"]  # an 18.16 server: the fix is XML
    assert f"1. [{top['severity']}]" in stderr  # the top paths are printed
    for text in json.dumps(report).split("sk-")[1:]:  # no planted key leaks unredacted
        assert not text[:32].isalnum() or "redacted" in text[:80]


WEAK_PASSWORD = "summer2024"
ADMIN_PASSWORD = "Adm-7f3a9c-long-passphrase"
DEFAULT_PASSWORD = "Def-51be07-long-passphrase"


def test_weak_user_path_is_high_and_admin_path_ranks_lower(ch18_factory: Any, tmp_path: Path) -> None:
    users = configs.users_file(
        configs.LOGGED_PROFILE,
        configs.user("default", sha256_of=DEFAULT_PASSWORD, databases=("system",))
        + configs.user("weak", password=WEAK_PASSWORD)
        + configs.user("admin", sha256_of=ADMIN_PASSWORD, networks=configs.LOOPBACK),
        configs.UNLIMITED_QUOTA,
    )
    variant = configs.Variant(
        users,
        passwords={"default": DEFAULT_PASSWORD, "weak": WEAK_PASSWORD, "admin": ADMIN_PASSWORD},
        admin=("admin", ADMIN_PASSWORD),
    )
    server: ClickHouse18Server = ch18_factory(variant=variant)
    server.admin_query(
        "CREATE TABLE default.customers (id UInt32, email String, plan String) ENGINE = MergeTree ORDER BY id"
    )
    load_tsv(server, "default.customers", [(i, f"customer{i}@northwind-mail.com", "pro") for i in range(1, 1001)])
    code, report, _ = assess_json(tmp_path, server.http_url, "--user", "admin", password=ADMIN_PASSWORD)
    assert code == 1
    to_customers = [p for p in report["attack_paths"] if step(p, "table")["table"] == "customers"]
    by_user = {step(p, "principal")["user"]: (i, p) for i, p in enumerate(to_customers)}
    assert set(by_user) == {"weak", "admin"}, [p["summary"] for p in to_customers]  # default may read system only
    weak_rank, weak = by_user["weak"]
    admin_rank, admin = by_user["admin"]
    assert step(weak, "principal")["auth"] == "plaintext password"
    # issue 13: the server listens on a loopback address, so both come from the server host only
    assert step(weak, "network")["reach"] == "loopback" and step(weak, "network")["user_networks"] == "any"
    assert "personal" in {c["category"] for c in step(weak, "data")["classes"]}
    assert weak_rank < admin_rank
    assert step(admin, "data")["score"] < step(weak, "data")["score"]
    assert admin["severity"] in ("low", "info", "medium")
    assert step(admin, "network")["reach"] == "loopback"
    # the cheapest cut of the weak path changes the weak user, not the table
    cut = next(s["cut"] for s in weak["steps"] if "cut" in s)
    assert "weak" in cut["action"]


@pytest.mark.parametrize("fmt", ["dot", "mermaid"])
def test_graph_exports(ch18_factory: Any, tmp_path: Path, fmt: str) -> None:
    server: ClickHouse18Server = ch18_factory()
    server.admin_query(LOG_STREAM_DDL)
    load_tsv(server, "default.log_stream", demo_rows(50))
    out = tmp_path / f"graph.{fmt}"
    result = subprocess.run(
        [sys.executable, "-m", "chwarden", "assess", server.http_url, "--no-discover", "-f", fmt, "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "log_stream" in text and "default" in text
    assert text.startswith("digraph attack_paths {" if fmt == "dot" else "flowchart LR")
