"""The HTML report fits an 800 px window without sideways scrolling (issue 17), measured by Chromium.

The report under test joins an offline audit (long resource names, file:line locations), the sample
report (endpoints, sensitive data, an attack path with its SVG graph) and a finding whose resource is
one 300-character token. A copy of the HTML gets a measuring script (the report itself forbids
scripts by its CSP, which the copy drops): it stores ``document.documentElement.scrollWidth`` and
the elements that stick out in the DOM Chromium dumps. A screenshot at 800 px must not be blank.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chwarden.audit import AuditOptions, audit_config
from chwarden.model import Finding, Location, Remediation, Report, Severity
from chwarden.report import render
from tests.integration.test_demo_html import png_ink, run_chromium

pytestmark = pytest.mark.embedded

DATA = Path(__file__).resolve().parents[1] / "data"
WIDTH = 800
_MEASURE = """<script>
var c = document.documentElement.clientWidth, wide = [];
document.querySelectorAll('body *').forEach(function (e) {
  var r = e.getBoundingClientRect(); if (r.right > c + 1) wide.push(e.tagName + '.' + e.className);
});
document.body.setAttribute('data-measure', document.documentElement.scrollWidth + ' ' + c + ' ' + wide.join(','));
</script></body>"""


def _report() -> Report:
    offline, _ = audit_config(str(DATA / "configs" / "debian_18_16"), AuditOptions())
    sample = Report.model_validate_json((DATA / "reports" / "sample-report.json").read_bytes())
    token = "setting:" + "very_long_setting_name_" * 13
    long = Finding(
        check_id="system_tables_readable_without_grant",
        title="A finding about one very long name",
        severity=Severity.HIGH,
        target="chdb:/var/lib/clickhouse/a/very/deep/data/directory/that/goes/on/and/on/and/on",
        resource=token,
        location=Location(file="config.d/" + "nested_" * 12 + "override.xml", line=12),
        evidence={"value": token, "list": [token, token]},
        remediation=Remediation(text="Fix it.", sql=f"ALTER USER x SETTINGS {token} = 0;"),
    )
    return offline.model_copy(
        update={
            "findings": [*offline.findings, *sample.findings, long],
            "attack_paths": sample.attack_paths,
            "sensitive_data": sample.sensitive_data,
            "endpoints": sample.endpoints,
            "targets": [*offline.targets, *sample.targets],
        }
    )


def test_html_report_fits_800_px(tmp_path: Path) -> None:
    html = render(_report(), "html")
    assert 'id="fix-first"' in html and 'id="run"' in html
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    measured = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html).replace("</body>", _MEASURE)
    probe = tmp_path / "probe.html"
    probe.write_text(measured, encoding="utf-8")
    flags = [f"--window-size={WIDTH},1000"]
    dom = run_chromium([*flags, "--dump-dom", probe.as_uri()], tmp_path / "profile-dom").stdout
    found = re.search(r'data-measure="(\d+) (\d+) ([^"]*)"', dom)
    assert found is not None, dom[-500:]
    scroll, client, wide = int(found.group(1)), int(found.group(2)), found.group(3)
    assert client <= WIDTH and scroll <= client, f"scrollWidth {scroll} > {client}: {wide[:300]}"
    shot = tmp_path / "shot.png"
    run_chromium([*flags, f"--screenshot={shot}", page.as_uri()], tmp_path / "profile-shot")
    width, _height, ink = png_ink(shot.read_bytes())
    assert width == WIDTH and ink > 0.02
