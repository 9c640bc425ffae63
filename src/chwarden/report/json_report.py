"""JSON report (schema_version 2): the stable machine contract, see schemas/report-v2.schema.json
(report-v1.schema.json describes the reports of older chwarden versions).

Key order follows the model's field order, so two runs with the same result give identical bytes.
"""

from __future__ import annotations

import json

from chwarden.model import Report
from chwarden.report._common import RenderOptions


def render_json(report: Report, options: RenderOptions) -> str:
    payload = report.model_dump(mode="json")
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
