"""`chwarden scan` against real 18.16 servers on the session's loopback subnet, plus impostors.

Protocols 18.16 does not have (MySQL/PostgreSQL wire, Keeper, /play, verbose replicas_status,
Prometheus) are exercised against scripted services that answer with the documented wire formats;
everything that collects from a server (logins, catalogue, query log) runs against real servers.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chwarden.cli import app
from chwarden.scan import ScanOptions, parse_targets, run_scan
from tests.harness import configs
from tests.harness.ch18 import ClickHouse18Server
from tests.harness.fake_services import tcp_service, web_server

pytestmark = pytest.mark.server

Answer = Callable[[bytes], bytes]


@contextmanager
def scripted_service(host: str, port: int, answer: Answer, greeting: bytes = b"") -> Iterator[None]:
    """Accept, send ``greeting``, read one request, send ``answer(request)``, close (bounded waits)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen(32)
    listener.settimeout(0.1)
    stop = threading.Event()

    def handle(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(2.0)
            try:
                if greeting:
                    conn.sendall(greeting)
                request = conn.recv(65536)
                reply = answer(request)
                if reply:
                    conn.sendall(reply)
            except OSError:
                pass

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


def http_answer(routes: dict[str, tuple[int, str]]) -> Answer:
    def answer(request: bytes) -> bytes:
        path = request.split(b" ", 2)[1].decode() if request.count(b" ") >= 2 else "/"
        status, body = routes.get(path, (404, "There is no handle " + path))
        raw = body.encode()
        head = (
            f"HTTP/1.1 {status} X\r\nContent-Length: {len(raw)}\r\nConnection: Close\r\n"
            "X-ClickHouse-Server-Display-Name: emulated\r\n\r\n"
        )
        return head.encode() + raw

    return answer


def mysql_greeting(version: str) -> bytes:
    body = bytes([10]) + version.encode() + b"\x00" + struct.pack("<I", 7) + b"a" * 8 + b"\x00" + b"\x00" * 30
    return len(body).to_bytes(3, "little") + b"\x00" + body


def pg_open(_request: bytes) -> bytes:
    def msg(kind: bytes, body: bytes) -> bytes:
        return kind + struct.pack(">i", len(body) + 4) + body

    return msg(b"R", struct.pack(">i", 0)) + msg(b"S", b"server_version\x0023.8.1.2992\x00") + msg(b"Z", b"I")


def keeper_answer(request: bytes) -> bytes:
    return {
        b"ruok": b"imok",
        b"srvr": b"ClickHouse Keeper version: v23.8.1.2992-lts-abcdef\nLatency min/avg/max: 0/0/0\nMode: standalone\n",
        b"mntr": b"zk_version\tv23.8.1.2992-lts-abcdef\nzk_server_state\tstandalone\nzk_znode_count\t12\n",
    }.get(request[:4], b"")


def covering_network(hosts: list[str]) -> str:
    """The smallest aligned network of the session subnet that holds every host (a /28 usually)."""
    last = max(int(h.rsplit(".", 1)[1]) for h in hosts)
    prefix = 28
    while last >= 2 ** (32 - prefix) - 1:
        prefix -= 1
    return str(ipaddress.ip_network(f"{hosts[0]}/{prefix}", strict=False))


def cli(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["scan", "--no-progress", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def by_port(report: dict[str, Any], host: str) -> dict[int, dict[str, Any]]:
    return {e["port"]: e for e in report["endpoints"] if e["host"] == host}


def findings(report: dict[str, Any], check_id: str, host: str | None = None) -> list[dict[str, Any]]:
    return [f for f in report["findings"] if f["check_id"] == check_id and (host is None or f["target"] == host)]


@pytest.fixture(scope="module")
def chat_table(ch18_open: ClickHouse18Server) -> str:
    """A DeepSeek-like table on the open server; its contents must never leave it unredacted."""
    ch18_open.admin_query("CREATE DATABASE IF NOT EXISTS app")
    ch18_open.admin_query(
        "CREATE TABLE IF NOT EXISTS app.log_stream (ts DateTime, user_id UInt64, message String, api_key String) "
        "ENGINE = MergeTree ORDER BY ts"
    )
    ch18_open.admin_query(
        "INSERT INTO app.log_stream VALUES (now(), 7, 'my chat secret', 'sk-live-0123456789abcdef0123456789')"
    )
    return "app.log_stream"


def test_subnet_is_classified(
    ch18_env: Any,
    ch18_open: ClickHouse18Server,
    ch18_password: ClickHouse18Server,
    ch18_tls: ClickHouse18Server,
    ch18_restricted: ClickHouse18Server,
    ch18_hardened: ClickHouse18Server,
    chat_table: str,
    tmp_path: Path,
) -> None:
    web, garbage = ch18_env.next_host(), ch18_env.next_host()
    servers = [ch18_open, ch18_password, ch18_tls, ch18_restricted, ch18_hardened]
    network = covering_network([s.host for s in servers] + [web, garbage])
    out = tmp_path / "scan.json"
    with web_server(web, 8123), tcp_service(garbage, 9000, "garbage"), tcp_service(garbage, 8123, "garbage"):
        started = time.monotonic()
        code, _stdout, stderr = cli([network, "--timeout", "1.5", "-f", "json", "-o", str(out)])
        elapsed = time.monotonic() - started
    assert elapsed < 30, elapsed
    assert code == 1, stderr  # critical findings
    report = json.loads(out.read_text())
    assert report["command"] == "scan"

    opened = by_port(report, ch18_open.host)
    assert {p: (e["protocol"], e["clickhouse"], e["auth"], e["version"]) for p, e in opened.items()} == {
        8123: ("http", True, "none", "18.16.1"),
        9000: ("native", True, "none", "18.16.1"),
    }
    (http_open,) = findings(report, "unauthenticated_http_access", ch18_open.host)
    assert http_open["severity"] == "critical"
    assert chat_table in [t["table"] for t in http_open["evidence"]["tables"]]
    assert http_open["evidence"]["total_rows"] >= 1
    assert findings(report, "unauthenticated_native_access", ch18_open.host)
    (sensitive,) = findings(report, "sensitive_tables_exposed", ch18_open.host)
    assert sensitive["resource"] == f"table:{chat_table}" and {"chat", "log", "credentials"} <= set(
        sensitive["evidence"]["looks_like"]
    )
    assert findings(report, "vulnerable_version", ch18_open.host)

    for server in (ch18_password, ch18_restricted):
        ports = by_port(report, server.host)
        assert {p: (e["clickhouse"], e["auth"]) for p, e in ports.items()} == {
            8123: (True, "required"),
            9000: (True, "required"),
        }, server.name
        assert not [f for f in report["findings"] if f["target"] == server.host and f["severity"] == "critical"]
        assert len(findings(report, "clickhouse_endpoint_reachable", server.host)) == 2
    assert by_port(report, ch18_restricted.host)[8123]["reveals"]["network_restricted"] is True

    tls = by_port(report, ch18_tls.host)
    assert {p: (e["protocol"], e["tls"], e["auth"]) for p, e in tls.items()} == {
        8123: ("http", False, "none"),
        8443: ("https", True, "none"),
        9000: ("native", False, "none"),
        9440: ("native_tls", True, "none"),
    }
    hardened = by_port(report, ch18_hardened.host)
    assert set(hardened) == {8443, 9440} and all(e["auth"] == "required" for e in hardened.values())

    for impostor in (web, garbage):
        ports = by_port(report, impostor)
        assert ports and not any(e["clickhouse"] for e in ports.values()), ports
        assert not [f for f in report["findings"] if f["target"] == impostor]
        assert not [n for n in report["not_checked"] if n["target"] == impostor]
    assert "my chat secret" not in out.read_text() and "sk-live" not in out.read_text()


def test_only_metadata_and_the_empty_password_without_opt_in(
    ch18_factory: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Safety: the query log shows catalogue queries only; no credential but default/'' is sent."""
    import chwarden.sources.network.metadata as metadata

    opened = ch18_factory()
    opened.admin_query("CREATE TABLE default.chat_history (ts DateTime, prompt String) ENGINE = MergeTree ORDER BY ts")
    opened.admin_query("INSERT INTO default.chat_history VALUES (now(), 'private prompt')")
    locked = ch18_factory(variant=configs.PASSWORD)
    sent: list[tuple[str, str]] = []
    original = metadata.connect

    def spy(target: Any, credentials: Any, **kwargs: Any) -> Any:
        sent.append((credentials.user, credentials.password))
        return original(target, credentials, **kwargs)

    monkeypatch.setattr(metadata, "connect", spy)
    outcome = run_scan(parse_targets([opened.host, locked.host]), ScanOptions(timeout=2.0))
    assert set(sent) == {("default", "")}
    assert all(s.scan is not None and s.scan.credentials_tried == [] for s in outcome.snapshots)

    scan_queries = [q for _kind, q in opened.query_log("default") if not q.startswith(("CREATE", "INSERT", "SYSTEM"))]
    scan_queries = [q for q in scan_queries if "FROM system.query_log" not in q]
    assert scan_queries, "the scan's queries are logged"
    for query in scan_queries:
        assert "chat_history" not in query, query
        assert "FROM system." in query or query.startswith("SELECT version()"), query
    assert "private prompt" not in json.dumps([s.model_dump(mode="json") for s in outcome.snapshots])
    log = locked.log_file.read_text(errors="replace")
    assert "Password required for user default" in log  # the server logs every refused login...
    assert "Wrong password" not in log and "Unknown user" not in log  # ...and no other was tried


def test_try_credentials_and_read_samples_are_opt_in_and_redacted(
    ch18_factory: Any, chat_table: str, ch18_open: ClickHouse18Server, tmp_path: Path
) -> None:
    locked = ch18_factory(variant=configs.PASSWORD)
    creds = tmp_path / "defaults.txt"
    creds.write_text(f"default:clickhouse\ndefault:{configs.DEFAULT_PASSWORD}\n")
    out = tmp_path / "creds.json"
    code, _, stderr = cli(
        [
            locked.host,
            ch18_open.host,
            "-p",
            "8123,9000",
            "--try-credentials",
            str(creds),
            "--read-samples",
            "-f",
            "json",
            "-o",
            str(out),
        ]
    )
    assert code == 1, stderr
    text = out.read_text()
    report = json.loads(text)
    accepted = findings(report, "default_credentials_accepted", locked.host)
    assert accepted and accepted[0]["evidence"]["user"] == "default"
    assert configs.DEFAULT_PASSWORD not in text and "redacted" in accepted[0]["evidence"]["password"]
    (sensitive,) = findings(report, "sensitive_tables_exposed", ch18_open.host)
    samples = sensitive["evidence"]["redacted_samples"]
    assert samples and all("redacted" in v for row in samples for v in row.values())
    assert "my chat secret" not in text and "sk-live-0123456789abcdef" not in text


def test_jsonl_streams_endpoints_first(ch18_open: ClickHouse18Server) -> None:
    code, stdout, _ = cli([ch18_open.host, "-p", "8123,9000,9004", "-f", "jsonl"])
    lines = [json.loads(line) for line in stdout.splitlines()]
    kinds = [line["type"] for line in lines]
    assert kinds[:2] == ["endpoint", "endpoint"] and kinds[-1] == "summary"
    assert "finding" in kinds and code == 1
    assert lines[-1]["probes"] == 3 and lines[-1]["probes_per_second"] > 0
    assert lines[-1]["rate_limits"] == {"loopback": 0.0}  # loopback is never throttled by default


def test_imports_drive_the_scan(
    ch18_open: ClickHouse18Server, ch18_password: ClickHouse18Server, tmp_path: Path
) -> None:
    nmap = tmp_path / "nmap.xml"
    nmap.write_text(
        f'<?xml version="1.0"?><nmaprun scanner="nmap"><host><status state="up"/>'
        f'<address addr="{ch18_open.host}" addrtype="ipv4"/><ports><port protocol="tcp" portid="9000">'
        '<state state="open" reason="syn-ack"/></port></ports></host></nmaprun>'
    )
    masscan = tmp_path / "masscan.json"
    masscan.write_text(
        json.dumps(
            [
                {
                    "ip": ch18_password.host,
                    "timestamp": "1",
                    "ports": [{"port": 8123, "proto": "tcp", "status": "open", "reason": "syn-ack", "ttl": 64}],
                }
            ]
        )
    )
    out = tmp_path / "imports.json"
    cli([f"@{nmap}", f"@{masscan}", "-f", "json", "-o", str(out)])
    report = json.loads(out.read_text())
    assert [(e["host"], e["port"], e["auth"]) for e in report["endpoints"]] == [
        (ch18_open.host, 9000, "none"),
        (ch18_password.host, 8123, "required"),
    ]


def test_emulated_protocols_and_extras(ch18_env: Any, tmp_path: Path) -> None:
    """Protocols 18.16 lacks, against services answering in the documented formats."""
    host = ch18_env.next_host()
    routes = {
        "/": (200, "Ok.\n"),
        "/?query=SELECT%20version%28%29": (200, "24.3.2.23\n"),
        "/play": (200, "<html><head><title>ClickHouse Query</title></head></html>"),
        "/replicas_status?verbose=1": (
            200,
            "shop.orders:\tAbsolute delay: 0. Relative delay: 0.\nshop.users:\tis readonly.\n",
        ),
        "/metrics": (200, "# HELP ClickHouseProfileEvents_Query Number of queries\nClickHouseProfileEvents_Query 5\n"),
    }
    with ExitStack() as stack:
        stack.enter_context(scripted_service(host, 8123, http_answer(routes)))
        stack.enter_context(
            scripted_service(
                host,
                9004,
                lambda _r: b"\x07\x00\x00\x02\x00\x00\x00\x02\x00\x00\x00",
                greeting=mysql_greeting("23.8.1.2992-ClickHouse"),
            )
        )
        stack.enter_context(scripted_service(host, 9005, pg_open))
        stack.enter_context(scripted_service(host, 9181, keeper_answer))
        out = tmp_path / "emulated.json"
        cli([host, "--timeout", "1", "-f", "json", "-o", str(out)])
    report = json.loads(out.read_text())
    ports = by_port(report, host)
    assert {p: (e["protocol"], e["clickhouse"], e["auth"]) for p, e in ports.items()} == {
        8123: ("http", True, "none"),
        9004: ("mysql", True, "none"),
        9005: ("postgresql", True, "none"),
        9181: ("keeper", True, "none"),
    }
    assert ports[9004]["version"] == "23.8.1.2992" and ports[9181]["version"] == "23.8.1.2992"
    (play,) = findings(report, "play_ui_exposed", host)
    assert play["severity"] == "high"  # /play next to an open login is a ready-made console
    (leak,) = findings(report, "table_names_leaked_by_replicas_status", host)
    assert leak["evidence"]["replicas_status_tables"] == ["shop.orders", "shop.users"]
    assert findings(report, "prometheus_metrics_exposed", host)
    assert set(findings(report, "keeper_four_letter_words_open", host)[0]["evidence"]["four_letter_words"]) == {
        "ruok",
        "srvr",
        "mntr",
    }
    assert findings(report, "unauthenticated_mysql_access", host)
    assert findings(report, "unauthenticated_postgresql_access", host)
    assert not findings(report, "dashboard_exposed", host)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["10.0.0.0/33"], 2, "invalid CIDR"),
        (["no-such-host.invalid"], 3, "cannot resolve"),
        (["10.0.0.0/8"], 2, "masscan"),
        (["10.0.0.0/22"], 2, "--yes-large-range"),
        (["127.0.0.1", "--ports", "90000"], 2, "outside 1-65535"),
        (["127.0.0.1", "--timeout", "0"], 2, "--timeout"),
        (["127.0.0.1", "--rate", "-1"], 2, "--rate"),
        (["@/nonexistent/list.txt"], 2, "cannot read target file"),
    ],
)
def test_bad_input_is_a_clear_error(args: list[str], code: int, message: str) -> None:
    exit_code, stdout, stderr = cli([*args, "-f", "json"])
    assert exit_code == code, (stdout, stderr)
    assert message in stderr and "Traceback" not in stderr + stdout


def test_garbage_half_open_and_silent_ports_are_bounded(ch18_env: Any, tmp_path: Path) -> None:
    host = ch18_env.next_host()
    with ExitStack() as stack:
        for port in (8123, 9000, 9181):
            stack.enter_context(tcp_service(host, port, "silent"))
        for port in (9440, 9004):
            stack.enter_context(tcp_service(host, port, "garbage"))
        stack.enter_context(scripted_service(host, 9005, lambda _r: b""))  # accepts, then hangs up
        stack.enter_context(
            scripted_service(host, 8443, lambda _r: b"HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\nshort")
        )
        out = tmp_path / "bad.json"
        started = time.monotonic()
        code, _, stderr = cli([host, "--timeout", "1", "--max-time", "20", "-f", "json", "-o", str(out)])
        elapsed = time.monotonic() - started
    assert elapsed < 12, elapsed
    assert code == 0 and "Traceback" not in stderr
    report = json.loads(out.read_text())
    ports = by_port(report, host)
    assert set(ports) == {8123, 9000, 9181, 9440, 9004, 9005, 8443}
    assert not any(e["clickhouse"] for e in ports.values())
    assert "silent" in ports[9000]["reveals"]["error"] and "silent" in ports[8123]["reveals"]["error"]
    assert report["findings"] == []


def test_total_time_limit_marks_hosts_partial(ch18_env: Any) -> None:
    host = ch18_env.next_host()
    with tcp_service(host, 9000, "silent"):
        started = time.monotonic()
        outcome = run_scan(parse_targets([host]), ScanOptions(ports=(9000,), timeout=5.0, max_time=1.0))
    assert time.monotonic() - started < 5
    (status,) = outcome.report.targets
    assert status.status == "partial" and "time limit" in status.errors[0]


@pytest.mark.parametrize("fmt", ["terminal", "json", "sarif", "markdown", "html"])
def test_every_report_format_renders_a_scan(ch18_open: ClickHouse18Server, chat_table: str, fmt: str) -> None:
    from chwarden.report import render

    outcome = run_scan(parse_targets([f"{ch18_open.host}:8123"]), ScanOptions(timeout=2.0))
    text = render(outcome.report, fmt)
    assert "unauthenticated_http_access" in text and ch18_open.host in text
    assert "my chat secret" not in text


def test_chunked_and_garbage_http_answers_are_parsed_safely() -> None:
    from chwarden.sources.network.codecs import http_complete, parse_http_reply, parse_native_reply, parse_pg_messages

    chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n18.\r\n5\r\n16.1\n\r\n0\r\n\r\n"
    assert http_complete(chunked) and parse_http_reply(chunked) is not None
    assert parse_http_reply(chunked).body == "18.16.1\n"  # type: ignore[union-attr]
    assert not http_complete(chunked[:-7])
    for junk in (b"", b"\xff\xfe\x00", b"HTTP/1.1 abc\r\n\r\n", b"SSH-2.0-x\r\n", b"\x02\x00\x00"):
        assert parse_http_reply(junk) is None or parse_http_reply(junk).status  # type: ignore[union-attr]
        assert parse_native_reply(junk) is None
        assert parse_pg_messages(junk) is None
