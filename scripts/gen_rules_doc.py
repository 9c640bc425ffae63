"""Regenerate docs/rules.md from the detection catalogue: `python scripts/gen_rules_doc.py`.

tests/unit/test_docs_current.py fails when the file is out of date, so the rules in the docs are
the ones watch runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render() -> str:
    # importing the package here keeps this script importable by the test without side effects
    from chwarden.detect import builtin_rules
    from chwarden.detect.reliability import HEALTH_CHECKS

    rules = builtin_rules()
    lines = [
        "# Detection rules",
        "",
        "Generated from `src/chwarden/detect/rules.yaml` by `python scripts/gen_rules_doc.py`; "
        "`chwarden rules --format json` prints the same with each variant's SQL.",
        "",
        f"{len(rules)} rules run by `chwarden watch` on each target's own logs, and {len(HEALTH_CHECKS)} checks "
        "of the logs themselves. A rule whose log or columns the server lacks is reported as not checked, "
        "with the reason.",
        "",
        "| id | severity | ATT&CK | reads | thresholds | what it reports |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in rules:
        logs = " or ".join(
            f"{v.log or r.log} ({', '.join(c for c in v.requires if c not in ('query_id', 'address', 'user', 'type'))})"
            if [c for c in v.requires if c not in ("query_id", "address", "user", "type")]
            else (v.log or r.log)
            for v in r.variants
        )
        thresholds = ", ".join(f"{k}={int(v) if float(v).is_integer() else v}" for k, v in r.thresholds.items())
        lookback = f"; lookback {r.lookback}s" if r.lookback else ""
        lines.append(
            f"| `{r.id}` | {r.severity.value} | {r.technique.id} {_cell(r.technique.name)} | {_cell(logs)} | "
            f"{thresholds or '-'}{lookback} | {_cell(r.description)} |"
        )
    lines += ["", "## Checks of the logs", "", "| id | severity | title |", "| --- | --- | --- |"]
    lines += [f"| `{h.id}` | {h.severity.value} | {_cell(h.description)} |" for h in HEALTH_CHECKS]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")
