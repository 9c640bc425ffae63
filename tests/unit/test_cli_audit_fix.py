"""`audit --fix` prints the reviewable fix script after the report (dry run, nothing applied)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from chwarden.cli import app

DEBIAN = Path(__file__).resolve().parents[1] / "data" / "configs" / "debian_18_16"


def test_audit_fix_prints_the_script(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = CliRunner().invoke(app, ["audit", "--config", str(DEBIAN), "--fix", "-f", "json", "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert out.exists()
    assert "chwarden fix script" in result.stdout
    assert "default_user_without_password" in result.stdout
    assert '<password remove="1"/>' in result.stdout


def test_audit_without_fix_prints_no_script(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = CliRunner().invoke(app, ["audit", "--config", str(DEBIAN), "-f", "json", "-o", str(out)])
    assert "chwarden fix script" not in result.stdout
