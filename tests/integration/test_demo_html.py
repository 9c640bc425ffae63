"""Issue 6 acceptance 4: `chwarden demo` from a clean directory in under 60 s, and its HTML report
opens in headless Chromium (Debian's `chromium`) with the attack graph drawn.

The screenshot must not be blank, and the DOM Chromium built must hold the inline SVG with the
top path's nodes (anonymous default, log_stream, the secret and conversation classes).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from tests.harness.require import require

pytestmark = pytest.mark.embedded

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,2000",
)
CHROMIUM_TIMEOUT = 90.0


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    require(found is not None, "Debian's chromium is not installed: apt-get install -y chromium")
    assert found is not None
    return found


def run_chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    """Chromium in its own process group, killed as a group if it outlives the timeout."""
    proc = subprocess.Popen(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=CHROMIUM_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate(timeout=10)
        pytest.fail(f"chromium did not finish within {CHROMIUM_TIMEOUT}s: {err[-500:]}")
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def png_ink(data: bytes) -> tuple[int, int, float]:
    """(width, height, share of non-zero filtered bytes): a blank page filters to almost all zeros."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    return width, height, sum(1 for b in raw if b) / max(len(raw), 1)


def test_demo_html_renders_the_attack_graph_in_chromium(tmp_path: Path) -> None:
    workdir = tmp_path / "fresh"
    workdir.mkdir()
    html = workdir / "report.html"
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "chwarden", "demo", "--html", str(html)],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert elapsed < 60, f"demo took {elapsed:.1f}s"
    assert "critical" in result.stdout and "log_stream" in result.stdout  # the top path is printed
    text = html.read_text(encoding="utf-8")
    assert "<svg" in text and "<script" not in text.lower()
    # reference links are fine; nothing may be loaded from elsewhere
    assert not re.search(r"""\bsrc=|<link\b|url\(\s*['"]?(https?:)?//|@import""", text), "external asset in the report"

    shot = tmp_path / "shot.png"
    run_chromium([f"--screenshot={shot}", html.as_uri()], tmp_path / "profile-shot")
    assert shot.exists() and shot.stat().st_size > 10_000
    width, height, ink = png_ink(shot.read_bytes())
    assert (width, height) == (1400, 2000)
    assert ink > 0.02, f"screenshot looks blank ({ink:.3%} non-zero bytes)"

    dom = run_chromium(["--dump-dom", html.as_uri()], tmp_path / "profile-dom").stdout
    svg = dom[dom.index("<svg") : dom.index("</svg>")]
    nodes = re.findall(r'<g class="node kind-(\w+)" id="node-([^"]+)">\s*<title>([^<]*)</title>', svg)
    kinds = {kind for kind, _id, _title in nodes}
    assert {"network", "endpoint", "principal", "table", "data"} <= kinds, nodes
    titles = " | ".join(title for _k, _i, title in nodes)
    assert "anonymous → user default" in titles
    assert "default.log_stream" in titles
    assert "secret (" in titles and "conversation (" in titles
    assert svg.count('class="edge sev-critical"') >= 4  # the critical path is drawn end to end
    print(f"demo {elapsed:.1f}s; screenshot {width}x{height}, {ink:.1%} ink; {len(nodes)} SVG nodes")
