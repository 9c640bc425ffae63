"""Acceptance 1: a config generated for 18.16 runs a real 18.16 server that audits clean and enforces roles.

`chwarden harden --target-version 18.16` writes the directory; the server starts from it unchanged
(TLS only, on a private loopback address); real queries prove admin/writer/reader/anonymous
behave as intended; live and offline audits find nothing critical or high besides the version
advisories of 18.16 itself.
"""

from __future__ import annotations

import json
import socket
import ssl
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.harness.ch18 import ConfigDirServer
from tests.harness.cli import audit_json, read_secrets
from tests.harness.cli import run_chwarden as chwarden
from tests.harness.config_oracle import unknown_keys
from tests.harness.session import Ch18Env

pytestmark = pytest.mark.server

VERSION_CHECKS = {"vulnerable_version", "unsupported_release_line", "secrets_not_masked_by_version"}


class Hardened18:
    def __init__(self, server: ConfigDirServer, host: str, out: Path, secrets: dict[str, str], ca: str) -> None:
        self.server, self.host, self.out, self.secrets, self.ca = server, host, out, secrets, ca

    @property
    def url(self) -> str:
        return f"https://{self.host}:8443"

    def query(self, sql: str, user: str | None = None) -> httpx.Response:
        headers = {}
        if user is not None:
            headers = {"X-ClickHouse-User": user, "X-ClickHouse-Key": self.secrets[f"CHWARDEN_{user.upper()}_PASSWORD"]}
        with httpx.Client(verify=ssl.create_default_context(cafile=self.ca), timeout=20) as client:
            return client.post(self.url + "/", content=sql.encode(), headers=headers)


@pytest.fixture
def hardened(ch18_env: Ch18Env, ch18_dir_factory: Callable[..., ConfigDirServer], tmp_path: Path) -> Hardened18:
    host = ch18_env.next_host()
    out = tmp_path / "hardened"
    result = chwarden(
        "harden",
        "--out",
        str(out),
        "--target-version",
        "18.16",
        "--listen-host",
        host,
        "--tls-cert",
        str(ch18_env.cert.cert_file),
        "--tls-key",
        str(ch18_env.cert.key_file),
        "--data-path",
        str(tmp_path / "data"),
        "--log-dir",
        str(tmp_path / "log"),
    )
    assert result.returncode == 0, result.stderr
    secrets = read_secrets(out / "secrets.env")
    assert not any(v in result.stdout + result.stderr for v in secrets.values())
    ca = str(ch18_env.cert.cert_file)
    server = ch18_dir_factory(out / "config.xml", f"https://{host}:8443/ping", ca_file=ca)
    return Hardened18(server, host, out, secrets, ca)


def test_roles_are_enforced_by_a_real_18_16(hardened: Hardened18) -> None:
    anonymous = hardened.query("SELECT 1")
    assert anonymous.status_code == 401 and "Code: 192" in anonymous.text  # default user removed
    with socket.socket() as sock:
        sock.settimeout(2)
        assert sock.connect_ex((hardened.host, 8123)) != 0  # no plain-text HTTP port
        assert sock.connect_ex((hardened.host, 9000)) != 0
    admin = hardened.query("CREATE TABLE default.orders (id UInt32) ENGINE = MergeTree ORDER BY id", "admin")
    assert admin.status_code == 200, admin.text
    assert hardened.query("INSERT INTO default.orders VALUES (1)", "writer").status_code == 200
    ddl = hardened.query("CREATE TABLE default.w (x UInt8) ENGINE = Memory", "writer")
    assert ddl.status_code != 200 and "DDL" in ddl.text  # allow_ddl = 0
    read = hardened.query("SELECT count() FROM default.orders", "reader")
    assert read.status_code == 200 and read.text.strip() == "1"
    write = hardened.query("INSERT INTO default.orders VALUES (2)", "reader")
    assert write.status_code != 200 and "Code: 164" in write.text  # readonly
    change = hardened.query("SELECT 1 SETTINGS readonly = 0", "reader")
    assert change.status_code != 200
    assert hardened.query("SELECT count() FROM default.orders", "admin").text.strip() == "1"


def serious(report: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (f["check_id"], f["resource"])
        for f in report["findings"]
        if f["severity"] in ("critical", "high") and f["check_id"] not in VERSION_CHECKS
    ]


def test_live_and_offline_audits_find_nothing_serious(hardened: Hardened18, tmp_path: Path) -> None:
    live = audit_json(
        hardened.url,
        tmp_path / "live.json",
        *("--user", "admin", "--ca-file", hardened.ca, "--config", str(hardened.out)),
        env={"CLICKHOUSE_PASSWORD": hardened.secrets["CHWARDEN_ADMIN_PASSWORD"]},
    )
    assert live["targets"][0]["status"] in ("complete", "partial")
    assert live["endpoints"] and all(e["tls"] for e in live["endpoints"] if e["clickhouse"])
    assert serious(live) == []
    assert {f["check_id"] for f in live["findings"]} & VERSION_CHECKS  # 18.16's own advisories remain
    offline = audit_json(hardened.out, tmp_path / "offline.json")
    assert serious(offline) == []
    dumped = json.dumps(live) + json.dumps(offline)
    logs = "".join(p.read_text(errors="replace") for p in (tmp_path / "log").glob("*.log"))
    logs += hardened.server.log_file.read_text(errors="replace")
    for value in hardened.secrets.values():
        assert value not in dumped and value not in logs


def test_every_key_harden_sets_is_one_18_16_reads(hardened: Hardened18) -> None:
    """A key 18.16 lacks would be ignored in silence and protect nothing."""
    files = sorted(p for p in hardened.out.rglob("*.xml"))
    assert len(files) >= 4
    names = {"admin", "reader", "writer", "default", "readonly", "app"}
    unknown = unknown_keys([p.read_text() for p in files], names)
    assert not unknown, f"harden writes keys 18.16 does not read: {sorted(unknown)}"
