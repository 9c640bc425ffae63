"""Make the README's dashboard screenshots (docs/img/dashboard-*.png) from a real dashboard.

The store holds the demo's three watch cycles (the DeepSeek-like target: drift, attack, cleanup)
plus a generated fleet of 11 more targets with 60 days of daily cycles (tests/harness/fleet_store.py),
so the fleet and trends pages have something to show. ``chwarden serve`` runs over it; Debian's
Chromium (Playwright, system browser) logs in and takes the pictures.

    PYTHONPATH=. .venv/bin/python scripts/dashboard_screenshots.py [--out docs/img]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.harness.addresses import SubnetAllocator  # noqa: E402
from tests.harness.browser import chromium, log_in  # noqa: E402
from tests.harness.dashboard import running_dashboard  # noqa: E402
from tests.harness.fleet_store import generate  # noqa: E402

from chwarden.demo.watch import run_watch_demo  # noqa: E402
from chwarden.store import StoreSpec, open_store  # noqa: E402

SHOTS = (  # name, path, width, height, full page
    ("fleet", "/?sort=score", 1280, 760, False),
    ("target", "/target?name=deepseek-like", 1280, 900, False),
    ("trends", "/trends?days=90", 1280, 900, False),
    ("alerts-800", "/alerts", 800, 900, False),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="chwarden-shots-"))
    allocator = SubnetAllocator()
    try:
        run_watch_demo(work, cleanup=True)
        with open_store(StoreSpec(str(work / "store"))) as store:
            generate(store, targets=11, days=60, say=lambda _line: None)
        with running_dashboard(str(work / "store"), allocator.next_host(), work / "auth") as dashboard, chromium() as b:
            for name, path, width, height, full in SHOTS:
                page = b.new_page(viewport={"width": width, "height": height})
                log_in(page, dashboard.url, "admin", dashboard.password())
                page.goto(dashboard.url + path)
                target = args.out / f"dashboard-{name}.png"
                page.screenshot(path=str(target), full_page=full)
                print(f"{target} ({target.stat().st_size // 1024} KiB)")
                page.close()
    finally:
        allocator.release()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
