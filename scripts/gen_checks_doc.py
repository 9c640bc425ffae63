"""Regenerate docs/checks.md from the check registry: `python scripts/gen_checks_doc.py`.

tests/unit/test_docs_current.py fails when the file is out of date, so the catalogue in the
docs is always the one the code runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "checks.md"


def render() -> str:
    from chwarden.checks.registry import all_checks

    checks = all_checks()
    lines = [
        "# Check catalogue",
        "",
        "Generated from the registry by `python scripts/gen_checks_doc.py`; "
        "`chwarden checks --format json` prints the same with rationale, remediation and references.",
        "",
        f"{len(checks)} checks.",
        "",
        "| id | severity | category | title | needs |",
        "| --- | --- | --- | --- | --- |",
    ]
    for c in checks:
        title = c.meta.title.replace("|", "\\|")
        needs = ", ".join(f"`{n}`" for n in c.meta.needs)
        lines.append(f"| `{c.meta.id}` | {c.meta.severity.value} | {c.meta.category} | {title} | {needs} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")
