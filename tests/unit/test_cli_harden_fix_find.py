"""harden takes its version from a report, fix keeps its secrets beside the patches in the server's
root element, and --find-config finds a repository's ClickHouse inputs (issue 17)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from chwarden.sources.configfiles.search import find_config_inputs
from tests.harness.cli import run_chwarden

DATA = Path(__file__).resolve().parents[1] / "data"
DEBIAN = DATA / "configs" / "debian_18_16"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_chwarden(*args, cwd=cwd, clean=True, timeout=120)


def _offline_report(tmp_path: Path, config: Path = DEBIAN) -> Path:
    out = tmp_path / "report.json"
    assert run("audit", "--config", str(config), "-q", "-f", "json", "-o", str(out)).returncode == 1
    return out


def test_fix_keeps_secrets_beside_the_patches_in_the_servers_root_element(tmp_path: Path) -> None:
    report = _offline_report(tmp_path)
    patches = tmp_path / "patches"
    result = run("fix", str(report), "--xml-dir", str(patches))
    assert result.returncode == 0, result.stderr
    secrets = patches / "chwarden-fix-secrets.env"
    assert secrets.is_file() and oct(secrets.stat().st_mode & 0o777) == "0o600"
    assert not (tmp_path / "chwarden-fix-secrets.env").exists()
    files = sorted(patches.rglob("*.xml"))
    assert files
    roots = {f.read_text().split("\n", 2)[1].strip() for f in files}
    assert roots == {"<yandex>"}  # debian 18.16's files say <yandex>: so does every patch (no version known)
    assert "<yandex>" in result.stdout and "<clickhouse>" not in result.stdout


def test_fix_uses_clickhouse_root_for_a_server_whose_files_do(tmp_path: Path) -> None:
    report = _offline_report(tmp_path, DATA / "configs" / "modern")
    assert json.loads(report.read_text())["targets"][0]["config_root_element"] == "clickhouse"
    patches = tmp_path / "patches"
    assert run("fix", str(report), "--xml-dir", str(patches)).returncode == 0
    assert {f.read_text().split("\n", 2)[1].strip() for f in patches.rglob("*.xml")} == {"<clickhouse>"}


def test_harden_from_a_report_of_a_live_server(tmp_path: Path) -> None:
    report = {
        "command": "audit",
        "started_at": "2026-03-01T10:00:00Z",
        "finished_at": "2026-03-01T10:00:01Z",
        "endpoints": [{"host": "db1", "port": 8123, "protocol": "http", "clickhouse": True, "version": "23.8.16.16"}],
    }
    path = tmp_path / "live.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    result = run("harden", "--out", str(tmp_path / "h"), "--from-report", str(path))
    assert result.returncode == 0, result.stderr
    assert f"target version: 23.8 (from {path}: 23.8.16.16)" in result.stdout
    steps = result.stdout[result.stdout.index("next steps:") :]
    assert "chwarden audit --config /etc/clickhouse-server" in steps and "secrets.env" in steps


def test_harden_from_an_offline_report_says_what_to_use(tmp_path: Path) -> None:
    result = run("harden", "--out", str(tmp_path / "h"), "--from-report", str(_offline_report(tmp_path)))
    assert result.returncode == 2
    assert "does not say the server's version" in result.stderr and "--version-from URL" in result.stderr
    both = run("harden", "--out", str(tmp_path / "h"), "--target-version", "24.8", "--version-from", "http://x:1")
    assert both.returncode == 2 and "give one of" in both.stderr


def test_find_config_inputs_of_a_repository(tmp_path: Path) -> None:
    shutil.copytree(DEBIAN, tmp_path / "deploy" / "clickhouse")
    shutil.copytree(DATA / "configs" / "k8s_chi_open", tmp_path / "k8s")
    shutil.copytree(DATA / "configs" / "docker_skip_setup", tmp_path / "compose")
    (tmp_path / "node_modules" / "x").mkdir(parents=True)
    shutil.copy(DEBIAN / "config.xml", tmp_path / "node_modules" / "x" / "config.xml")  # skipped
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "config.xml").write_text("<app/>", encoding="utf-8")  # not ClickHouse
    found = find_config_inputs(tmp_path)
    assert found == [
        Path("compose/compose.yaml"),
        Path("deploy/clickhouse"),
        Path("k8s/clickhouse-installation.yaml"),
    ]


def test_audit_find_config_reports_repository_paths(tmp_path: Path) -> None:
    shutil.copytree(DEBIAN, tmp_path / "deploy" / "clickhouse")
    out = tmp_path / "r.sarif"
    result = run("audit", "--find-config", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 1 and "found 1 ClickHouse input(s): deploy/clickhouse" in result.stderr
    (sarif_run,) = json.loads(out.read_text())["runs"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif_run["results"]}
    assert "deploy/clickhouse/users.xml" in uris
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = run("audit", "--find-config", cwd=empty)
    assert nothing.returncode == 2 and "pass --config PATH" in nothing.stderr
