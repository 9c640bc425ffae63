"""Acceptance 4: generated secrets have >= 128 bits, live only in a 0600 file, and reach no output.

Runs the real `chwarden` command in subprocesses (with umask 000, so a 0600 file proves chwarden
set the mode itself) and looks for every generated value in stdout, stderr, the other generated
files, the fix script and the audit report.
"""

from __future__ import annotations

import base64
import json
import stat
import subprocess
from pathlib import Path

from chwarden.remediate.secrets_store import SecretStore, new_secret
from tests.harness.cli import run_chwarden

SECRET_KEY_PREFIX = "CHWARDEN_"


def chwarden(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI under umask 000: the 0600 mode must not depend on the caller's umask."""
    return run_chwarden(*args, timeout=120, umask=0)


def secrets_of(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if line.startswith(SECRET_KEY_PREFIX))
    return dict(pairs)


def bits(secret: str) -> int:
    return len(base64.urlsafe_b64decode(secret + "=" * (-len(secret) % 4))) * 8


def test_each_secret_has_at_least_128_random_bits() -> None:
    values = {new_secret() for _ in range(2000)}
    assert len(values) == 2000
    assert min(bits(v) for v in values) >= 128
    alphabet = set("".join(values))
    assert len(alphabet) == 64  # the full URL-safe alphabet shows up: no low-entropy character set


def test_harden_keeps_secrets_in_one_0600_file(tmp_path: Path) -> None:
    out = tmp_path / "hardened"
    result = chwarden(
        "harden",
        "--out",
        str(out),
        "--target-version",
        "24.8",
        "--tls-cert",
        "/c.pem",
        "--tls-key",
        "/k.pem",
        "--cluster",
    )
    assert result.returncode == 0, result.stderr
    secrets_file = out / "secrets.env"
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600
    values = secrets_of(secrets_file)
    assert {
        "CHWARDEN_ADMIN_PASSWORD",
        "CHWARDEN_READER_PASSWORD",
        "CHWARDEN_WRITER_PASSWORD",
        "CHWARDEN_INTERSERVER_PASSWORD",
        "CHWARDEN_CLUSTER_SECRET",
        "CHWARDEN_KEEPER_IDENTITY",
    } <= set(values)
    assert all(bits(v.removeprefix("chwarden:")) >= 128 for v in values.values())
    printed = result.stdout + result.stderr
    others = "".join(p.read_text() for p in out.rglob("*.xml"))
    for value in values.values():
        assert value not in printed and value not in others
    report_file = tmp_path / "report.json"
    audited = chwarden("audit", "--config", str(out), "-f", "json", "-o", str(report_file))
    assert "Traceback" not in audited.stderr
    report = report_file.read_text()
    assert json.loads(report)["findings"] is not None
    assert not any(v in report or v in audited.stdout + audited.stderr for v in values.values())


def test_secrets_are_printed_only_when_asked(tmp_path: Path) -> None:
    result = chwarden("harden", "--out", str(tmp_path / "o"), "--show-secrets")
    values = secrets_of(tmp_path / "o/secrets.env")
    assert all(f"{k}={v}" in result.stdout for k, v in values.items())


def test_fix_secrets_go_to_a_0600_file_only(tmp_path: Path) -> None:
    report = {
        "command": "audit",
        "started_at": "t",
        "finished_at": "t",
        "endpoints": [{"host": "h", "port": 8123, "protocol": "http", "clickhouse": True, "version": "18.16.1"}],
        "findings": [
            {
                "check_id": "default_user_without_password",
                "title": "no password",
                "severity": "critical",
                "target": "h:8123",
                "resource": "user:default",
                "remediation": {
                    "xml": "<clickhouse><users><default><password_sha256_hex>"
                    '<!-- echo -n "$PASSWORD" | sha256sum --></password_sha256_hex></default></users></clickhouse>'
                },
            }
        ],
    }
    (tmp_path / "r.json").write_text(json.dumps(report))
    result = chwarden(
        "fix", str(tmp_path / "r.json"), "--xml-dir", str(tmp_path / "x"), "-o", str(tmp_path / "fix.sql")
    )
    assert result.returncode == 0, result.stderr
    secrets_file = tmp_path / "x" / "chwarden-fix-secrets.env"  # beside the XML patches (issue 17)
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600
    (value,) = secrets_of(secrets_file).values()
    assert bits(value) >= 128
    written = "".join(p.read_text() for p in (tmp_path / "x").rglob("*.xml")) + (tmp_path / "fix.sql").read_text()
    assert value not in written and value not in result.stdout + result.stderr
    assert "<password_sha256_hex>" in written


def test_secret_store_never_shows_values() -> None:
    store = SecretStore()
    value = store.get("CHWARDEN_X_PASSWORD")
    assert value not in repr(store) and value not in str(store)
