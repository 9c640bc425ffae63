"""Shipping (issue 17): a wheel and an sdist that build and pass `twine check`, the installed wheel (not
the checkout) running the demo, the pre-commit hook on a repository, the Dockerfile and the GitHub
Action linted. Everything here works offline: the wheel is built once per session without build
isolation and installed with --no-index --no-deps; its dependencies come from the test venv.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.unit.test_docs_current import readme_block

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert found, f"{name} is not installed: pip install -e '.[test]'"
    return found


def _run(argv: list[str], cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 300):  # type: ignore[no-untyped-def]
    return subprocess.run(argv, capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout, check=False)


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """wheel + sdist of the checkout, built once, from a clean copy (the checkout gets no build/ files)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(REPO / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    out = tmp_path_factory.mktemp("dist")
    built = _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)])
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    yield out


def test_wheel_and_sdist_pass_twine_check(dist: Path) -> None:
    files = sorted(dist.iterdir())
    assert sorted(f.suffix for f in files) == [".gz", ".whl"]
    result = _run([_tool("twine"), "check", "--strict", *map(str, files)])
    assert result.returncode == 0 and result.stdout.count("PASSED") == 2, result.stdout + result.stderr


def test_wheel_carries_its_data_and_no_tests(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "chwarden/report/templates/report.html.j2",
        "chwarden/report/schemas/report-v1.schema.json",
        "chwarden/checks/evidence_fields.json",
        "chwarden/advisories/advisories.json",
        "chwarden/analysis/name_hints.json",
        "chwarden/discover/rules.json",
    ):
        assert needed in names, needed
    assert not any(n.startswith("tests/") for n in names)
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "Provides-Extra: embedded" in text and "Requires-Dist: chdb-core" in text  # the engine stays an extra
    base = [line for line in text.splitlines() if line.startswith("Requires-Dist:") and "extra ==" not in line]
    assert not any("chdb" in line for line in base)


def test_the_installed_wheel_runs_the_demo(dist: Path, tmp_path: Path) -> None:
    """A fresh venv with only the wheel in it; dependencies reach it as a plain path (no .pth processing),
    so the checkout's editable install is invisible and `import chwarden` can only find the wheel."""
    venv = tmp_path / "venv"
    created = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    assert created.returncode == 0, created.stderr
    python = venv / "bin" / "python"
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    (site / "test-venv-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    (wheel,) = dist.glob("*.whl")
    installed = _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-index", "--no-deps", str(wheel)]
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    where = _run([str(python), "-c", "import chwarden; print(chwarden.__file__)"], cwd=tmp_path)
    assert where.stdout.strip().startswith(str(venv)), where.stdout + where.stderr
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NO_COLOR", "FORCE_COLOR")}
    env["COLUMNS"] = "80"
    argv = [str(venv / "bin" / "chwarden"), "demo", "--no-watch", "--html", str(tmp_path / "demo.html")]
    demo = _run(argv, cwd=tmp_path, env=env)
    assert demo.returncode == 0, demo.stderr[-2000:]
    assert "Fix first" in demo.stdout and "log_stream" in demo.stdout
    assert (tmp_path / "demo.html").stat().st_size > 10_000
    # README's quick start shows this first screen: it must be what the installed package prints
    shown = readme_block("The first screen of `chwarden demo`")
    printed = re.sub(r"/tmp/chwarden-demo-[a-z0-9_]+", "/tmp/chwarden-demo-XXXX", demo.stdout).splitlines()
    assert printed[: len(shown)] == shown, "README's demo output is stale: capture it again"


# --- pre-commit -----------------------------------------------------------------------------------


def _git_repo(root: Path) -> None:
    for argv in (
        ["git", "init", "-q"],
        ["git", "add", "-A"],
        ["git", "-c", "user.email=ci@example.invalid", "-c", "user.name=ci", "commit", "-qm", "init"],
    ):
        done = _run(argv, cwd=root)
        assert done.returncode == 0, done.stderr


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return _run([_tool("pre-commit"), "try-repo", str(REPO), "chwarden-config", "--all-files"], cwd=repo, env=env)


def test_pre_commit_hook_finds_the_config_with_no_arguments(tmp_path: Path, pre_commit_home: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "tests" / "data" / "configs" / "debian_18_16", repo / "deploy" / "clickhouse")
    (repo / "README.md").write_text("a service\n", encoding="utf-8")
    _git_repo(repo)
    result = _try_repo(repo, pre_commit_home)
    assert result.returncode == 1, result.stdout[-3000:]
    assert "chwarden (offline ClickHouse config audit)" in result.stdout and "Failed" in result.stdout
    assert "deploy/clickhouse/users.xml:46" in result.stdout  # found it, and says where in the repository


def test_pre_commit_hook_says_which_path_to_pass(tmp_path: Path) -> None:
    """The hook's command as the manifest declares it (entry + args) in a repository without a config.

    The test above has pre-commit install and run the hook (try-repo builds a fresh environment each
    time, about 30 s on 2 cores); this one runs the same command line with the checkout's chwarden.
    """
    repo = tmp_path / "repo"
    (repo / "conf").mkdir(parents=True)
    (repo / "conf" / "app.xml").write_text("<app><port>1</port></app>\n", encoding="utf-8")
    _git_repo(repo)
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    program, *entry = hook["entry"].split()
    assert program == "chwarden" and hook["pass_filenames"] is False and hook["language"] == "python"
    result = _run([_tool("chwarden"), *entry, *hook["args"]], cwd=repo)
    said = result.stdout + result.stderr  # pre-commit shows both, and fails the hook on any exit but 0
    assert result.returncode == 2, said
    assert "no ClickHouse config directory" in said and "args: [--config, PATH]" in said


# --- Dockerfile and GitHub Action -----------------------------------------------------------------


def test_dockerfile_passes_hadolint_and_runs_the_cli_as_a_user() -> None:
    result = _run([_tool("hadolint"), "--no-color", str(REPO / "Dockerfile")])
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line.strip() for line in (REPO / "Dockerfile").read_text().splitlines() if line.strip()]
    froms = [line for line in lines if line.startswith("FROM ")]
    assert froms and all("-slim-bookworm" in line for line in froms)  # Debian slim
    user = [line for line in lines if line.startswith("USER ")]
    assert user and user[-1].split()[1] not in ("0", "root")
    assert lines.index(user[-1]) > max(i for i, line in enumerate(lines) if line.startswith("RUN "))
    assert 'ENTRYPOINT ["chwarden"]' in lines


def test_action_is_a_valid_composite_action() -> None:
    action = REPO / "action.yml"
    check = _run([_tool("check-jsonschema"), "--builtin-schema", "vendor.github-actions", str(action)])
    assert check.returncode == 0, check.stdout + check.stderr
    spec = yaml.safe_load(action.read_text())
    assert spec["runs"]["using"] == "composite"
    steps = spec["runs"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    assert "pip install" in runs and "chwarden audit" in runs and "--format sarif" in runs
    assert any(str(step.get("uses", "")).startswith("github/codeql-action/upload-sarif@") for step in steps)
    assert "${{" not in runs  # inputs reach the scripts through env, never pasted into shell text


def test_example_workflow_is_valid_and_documented() -> None:
    example = REPO / "docs" / "examples" / "chwarden-workflow.yml"
    check = _run([_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(example)])
    assert check.returncode == 0, check.stdout + check.stderr
    workflow = yaml.safe_load(example.read_text())
    assert workflow["permissions"]["security-events"] == "write"
    assert "docs/examples/chwarden-workflow.yml" in (REPO / "docs" / "ci.md").read_text()
