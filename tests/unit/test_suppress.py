# ruff: noqa: E501
"""Suppression files: matching by check + resource (+ target glob) or fingerprint, expiry, errors, CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chwarden.audit import AuditOptions, audit_config
from chwarden.cli import app
from chwarden.model import Finding, Report, Severity
from chwarden.suppress import EXPIRED_CHECK, Suppression, SuppressionError, apply, load

CONFIGS = Path(__file__).resolve().parent.parent / "data" / "configs"
TODAY = dt.date(2026, 1, 15)


def report() -> Report:
    result, _ = audit_config(str(CONFIGS / "debian_18_16"), AuditOptions())
    return result


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / ".chwarden.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_check_and_resource_glob(tmp_path: Path) -> None:
    rules = load(
        write(
            tmp_path,
            "suppressions:\n  - check: test_clusters_configured\n    resource: 'cluster:test_*'\n    reason: sample clusters kept for smoke tests\n",
        )
    )
    applied = apply(report(), rules, TODAY)
    assert len(applied.suppressed) == 3
    assert not any(f.check_id == "test_clusters_configured" for f in applied.report.findings)
    assert len(applied.report.findings) == len(report().findings) - 3


def test_target_glob_must_match_too(tmp_path: Path) -> None:
    text = "suppressions:\n  - check: no_tls_ports\n    resource: '*'\n    target: '*/prod/*'\n    reason: other env\n"
    applied = apply(report(), load(write(tmp_path, text)), TODAY)
    assert applied.suppressed == [] and len(applied.unused) == 1


def test_fingerprint_matches(tmp_path: Path) -> None:
    finding = next(f for f in report().findings if f.check_id == "no_tls_ports")
    text = f"suppressions:\n  - fingerprint: {finding.fingerprint}\n    reason: TLS terminates at the proxy\n"
    applied = apply(report(), load(write(tmp_path, text)), TODAY)
    assert [f.check_id for f in applied.suppressed] == ["no_tls_ports"]


def test_expired_suppression_stops_hiding_and_is_reported(tmp_path: Path) -> None:
    text = "suppressions:\n  - check: no_tls_ports\n    resource: port:https_port\n    reason: until the cert arrives\n    expires: 2025-12-31\n"
    path = write(tmp_path, text)
    applied = apply(report(), load(path), TODAY)
    ids = [f.check_id for f in applied.report.findings]
    assert "no_tls_ports" in ids and EXPIRED_CHECK in ids and applied.suppressed == []
    expired = next(f for f in applied.report.findings if f.check_id == EXPIRED_CHECK)
    assert expired.severity.value == "low" and expired.location is not None and expired.location.line == 2
    still_valid = apply(report(), load(path), dt.date(2025, 12, 31))
    assert [f.check_id for f in still_valid.suppressed] == ["no_tls_ports"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("suppressions:\n  - check: x\n", r":2: invalid suppression: .*reason"),
        ("suppressions:\n  - reason: no key\n", r":2: invalid suppression: .*check"),
        ("suppressions:\n  - check: x\n    reason: r\n    expires: someday\n", r":2: invalid suppression"),
        ("suppressions:\n  - check: x\n    reason: r\n    colour: red\n", r":2: invalid suppression"),
        ("suppress: []\n", "expected a `suppressions:` list"),
        ("suppressions: [\n", "malformed YAML"),
    ],
)
def test_bad_files_give_clear_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SuppressionError, match=message):
        load(write(tmp_path, text))


def test_cli_reads_dot_chwarden_yaml_from_the_scanned_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "cfg"
    config.mkdir()
    for name in ("config.xml", "users.xml"):
        (config / name).write_bytes((CONFIGS / "debian_18_16" / name).read_bytes())
    write(
        config,
        "suppressions:\n  - check: default_user_without_password\n    resource: user:default\n    reason: lab box\n",
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["audit", "--config", str(config), "-f", "json"])
    # issue 13: the shipped 18.16 config listens on loopback only, so nothing else it has is high
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert "default_user_without_password" not in {f["check_id"] for f in body["findings"]}
    assert "1 findings suppressed" in result.stderr


def test_cli_bad_suppression_file_is_a_usage_error(tmp_path: Path) -> None:
    bad = write(tmp_path, "suppressions:\n  - check: x\n")
    result = CliRunner().invoke(app, ["audit", "--config", str(CONFIGS / "modern"), "--suppressions", str(bad)])
    assert result.exit_code == 2 and "invalid suppression" in result.stderr


def test_the_target_glob_also_bounds_a_fingerprint_entry() -> None:
    """A drift alert's fingerprint does not name its target (the dashboard suppresses per target)."""
    entry = Suppression(fingerprint="0123456789abcdef", target="prod-*", reason="accepted")
    same = Finding(check_id="port_opened", title="t", severity=Severity.MEDIUM, target="prod-1", resource="r",
                   fingerprint="0123456789abcdef")  # fmt: skip
    assert entry.matches(same)
    assert not entry.matches(same.model_copy(update={"target": "staging-1"}))
    assert Suppression(fingerprint="0123456789abcdef", reason="any target").matches(
        same.model_copy(update={"target": "x"})
    )
