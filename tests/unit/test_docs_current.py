"""The docs that list what the code does are regenerated from the code, and must be current."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_check_catalogue_doc_is_current() -> None:
    spec = importlib.util.spec_from_file_location("gen_checks_doc", ROOT / "scripts" / "gen_checks_doc.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "checks.md").read_text(encoding="utf-8") == module.render(), (
        "docs/checks.md is stale: run `python scripts/gen_checks_doc.py`"
    )


def test_rules_catalogue_doc_is_current() -> None:
    spec = importlib.util.spec_from_file_location("gen_rules_doc", ROOT / "scripts" / "gen_rules_doc.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == module.render(), (
        "docs/rules.md is stale: run `python scripts/gen_rules_doc.py`"
    )


def test_evidence_fields_of_explain_are_current() -> None:
    spec = importlib.util.spec_from_file_location("gen_evidence_fields", ROOT / "scripts" / "gen_evidence_fields.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    current = (ROOT / "src" / "chwarden" / "checks" / "evidence_fields.json").read_text(encoding="utf-8")
    assert json.loads(current) == module.generate(), (
        "evidence_fields.json is stale: run `python scripts/gen_evidence_fields.py`"
    )


def readme_block(after: str) -> list[str]:
    """The lines of the first ```text block of README.md that follows the sentence ``after``."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("```text\n", text.index(after)) + len("```text\n")
    lines = text[start : text.index("\n```", start)].splitlines()
    return lines[: lines.index("...")] if "..." in lines else lines


def test_readme_shows_the_real_first_screen_of_an_offline_audit(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "tests" / "data" / "configs" / "debian_18_16", tmp_path / "clickhouse-config")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLICKHOUSE_", "CHWARDEN_", "FORCE_COLOR"))}
    done = subprocess.run(
        [sys.executable, "-m", "chwarden", "audit", "--config", "clickhouse-config"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**env, "COLUMNS": "80"},
        timeout=120,
        check=False,
    )
    shown = readme_block("The first screen of an offline audit")
    assert len(shown) > 30
    assert done.stdout.splitlines()[: len(shown)] == shown, "README's audit output is stale: capture it again"
