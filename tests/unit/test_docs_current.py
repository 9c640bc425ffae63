"""The docs that list what the code does are regenerated from the code, and must be current."""

from __future__ import annotations

import importlib.util
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
