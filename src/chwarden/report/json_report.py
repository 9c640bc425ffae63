"""JSON report (schema_version 2): the stable machine contract, see schemas/report-v2.schema.json
(report-v1.schema.json describes the reports of older chwarden versions).

``summary`` holds the counts per severity, not checked, attack paths and targets.
Key order follows the model's field order, so two runs with the same result give identical bytes.
"""

from __future__ import annotations

import json

from chwarden.model import Report
from chwarden.report._common import RenderOptions


def render_json(report: Report, options: RenderOptions) -> str:
    """The report with ``summary`` counted now, so consumers need not count (and never read stale counts)."""
    payload = report.model_copy(update={"summary": report.counted()}).model_dump(mode="json")
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
