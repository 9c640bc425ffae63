"""Debian's Chromium driven by Playwright (the system browser by path: nothing is downloaded).

One browser per test module (``chromium()``); each test opens its own context (own cookies).
``blank_fraction`` decodes a screenshot inside the browser itself (an ``about:blank`` page, a
canvas) and says how much of it is one flat colour, so "non-blank" needs no image library.
"""

from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

from tests.harness.require import require

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


@contextmanager
def chromium() -> Iterator[Browser]:
    require(CHROMIUM.exists() or shutil.which("chromium") is not None, "Debian's chromium is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=list(FLAGS))
        try:
            yield browser
        finally:
            browser.close()


_DECODE = """async (data) => {
  const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], {type: "image/png"}));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(bitmap, 0, 0);
  const pixels = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
  const counts = new Map();
  for (let i = 0; i < pixels.length; i += 4 * 7) {
    const key = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const total = Math.ceil(pixels.length / 28);
  return {width: bitmap.width, height: bitmap.height, colours: counts.size,
          dominant: Math.max(...counts.values()) / total};
}"""


def image_stats(browser: Browser, png: bytes) -> dict[str, Any]:
    """Width, height, number of distinct colours (sampled) and the share of the most common one."""
    page = browser.new_page()
    try:
        stats: dict[str, Any] = page.evaluate(_DECODE, base64.b64encode(png).decode())
    finally:
        page.close()
    return stats


def log_in(page: Page, base: str, user: str, password: str) -> None:
    page.goto(base + "/login")
    page.fill("#username", user)
    page.fill("#password", password)
    page.click("#login")
    page.wait_for_url(base + "/")
