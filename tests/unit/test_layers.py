"""The floor plan holds (scripts/check_layers.py), and the check fails when a change breaks it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "check_layers.py"
PACKAGE = ROOT / "src" / "chwarden"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60)


def test_the_tree_follows_the_floor_plan() -> None:
    result = _run()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 upward, 0 between peers, 0 circles between packages, 0 between modules" in result.stdout


@pytest.fixture(scope="module")
def clean_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the package, checked clean once, so each test below fails only by its own change."""
    copy = tmp_path_factory.mktemp("clean") / "chwarden"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert _run("--root", str(copy)).returncode == 0
    return copy


@pytest.fixture
def tree(clean_tree: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "chwarden"
    shutil.copytree(clean_tree, copy)
    return copy


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_an_upward_import_fails(tree: Path) -> None:
    _append(tree / "clickhouse" / "version.py", "\nfrom chwarden.checks.registry import all_checks  # noqa\n")
    result = _run("--root", str(tree))
    assert result.returncode == 1
    assert "upward import: chwarden.clickhouse.version" in result.stdout
    assert "-> chwarden.checks.registry (floor checks)" in result.stdout


def test_an_import_between_peer_commands_fails(tree: Path) -> None:
    _append(tree / "discover" / "run.py", "\nimport chwarden.scan  # noqa\n")
    result = _run("--root", str(tree))
    assert result.returncode == 1
    assert "peer import: chwarden.discover.run" in result.stdout


def test_a_circle_between_packages_is_reported(tree: Path) -> None:
    _append(tree / "facts.py", "\nimport chwarden.sources.merge  # noqa\n")
    result = _run("--root", str(tree))
    assert result.returncode == 1
    circles = [line for line in result.stdout.splitlines() if line.startswith("circle between packages:")]
    assert len(circles) == 1 and {"facts", "sources"} <= set(circles[0].split(": ", 1)[1].split(" <-> "))
    assert "circle between modules: chwarden.facts <-> chwarden.sources.merge" in result.stdout


def test_a_function_level_import_needs_a_reason(tree: Path) -> None:
    _append(tree / "redact.py", "\n\ndef _late() -> None:\n    import json\n\n    json.dumps(1)\n")
    result = _run("--root", str(tree))
    assert result.returncode == 1
    assert "function-level import without a reason comment: chwarden.redact" in result.stdout


def test_a_function_level_import_with_its_reason_passes(tree: Path) -> None:
    _append(tree / "redact.py", "\n\ndef _late() -> None:\n    import json  # lazy: a reason\n\n    json.dumps(1)\n")
    assert _run("--root", str(tree)).returncode == 0


def test_a_package_off_the_plan_fails(tree: Path) -> None:
    (tree / "unplaced_command").mkdir()
    (tree / "unplaced_command" / "__init__.py").write_text('"""A new command."""\n', encoding="utf-8")
    result = _run("--root", str(tree))
    assert result.returncode == 1
    assert "package not on the floor plan: chwarden.unplaced_command" in result.stdout


def test_a_long_checks_module_fails(tree: Path) -> None:
    _append(tree / "checks" / "tls.py", "\n" * 400)
    result = _run("--root", str(tree))
    assert result.returncode == 1
    assert "chwarden.checks.tls has" in result.stdout
