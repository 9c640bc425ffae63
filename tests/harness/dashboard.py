"""Running ``chwarden serve`` from tests the way a user does (a subprocess), and logging in to it.

The server listens on a private loopback address of the test session; it is ready when its login
page answers (bounded wait). Its output goes to a file (never a pipe that could fill and block).
"""

from __future__ import annotations

import os
import re
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.harness.cli import CREDENTIAL_VARS

PORT = 8765
START_TIMEOUT = 90.0
STOP_TIMEOUT = 15.0
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Dashboard:
    url: str
    host: str
    auth_dir: Path
    log: Path
    ca_file: str | None = None
    clients: list[httpx.Client] = field(default_factory=list)
    exit_code: int | None = None  # once the serving process ended

    def password(self, user: str = "admin") -> str:
        return (self.auth_dir / f"{user}.password").read_text(encoding="utf-8").strip()

    @property
    def verify(self) -> ssl.SSLContext | bool:
        return ssl.create_default_context(cafile=self.ca_file) if self.ca_file else True

    def client(self, source: str | None = None) -> httpx.Client:
        """An HTTP client (from its own loopback source address, for the per-address login limit)."""
        verify = self.verify
        transport = httpx.HTTPTransport(local_address=source, verify=verify) if source else None
        client = httpx.Client(base_url=self.url, follow_redirects=False, timeout=60, transport=transport, verify=verify)
        self.clients.append(client)  # closed before the server stops: no keep-alive connection delays it
        return client


def csrf_of(html: str) -> str:
    found = TOKEN.search(html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def login(client: httpx.Client, user: str, password: str) -> str:
    """Log in; returns the session's CSRF token (from the page every logged-in page carries)."""
    form = client.get("/login")
    answer = client.post(
        "/login", data={"username": user, "password": password, "csrf_token": csrf_of(form.text), "next": "/"}
    )
    assert answer.status_code == 303, (answer.status_code, answer.text[:500])
    return csrf_of(client.get("/alerts").text)


@contextmanager
def running_dashboard(
    store: str, host: str, auth_dir: Path, *extra: str, env: dict[str, str] | None = None, tls_ca: str | None = None
) -> Iterator[Dashboard]:
    """``chwarden serve --store STORE --host HOST --port 8765 --auth-dir DIR [EXTRA]`` until the block ends."""
    argv = ["serve", "--store", store, "--host", host, "--port", str(PORT), "--auth-dir", str(auth_dir), *extra]
    scheme = "https" if tls_ca else "http"
    dashboard = Dashboard(
        f"{scheme}://{host}:{PORT}", host, auth_dir, auth_dir.parent / f"serve-{auth_dir.name}.log", tls_ca
    )
    with serving(argv, dashboard, env):
        yield dashboard


@contextmanager
def serving(
    argv: list[str], dashboard: Dashboard, env: dict[str, str] | None = None, timeout: float = START_TIMEOUT
) -> Iterator[None]:
    """``python -m chwarden ARGV``, a command that serves ``dashboard.url``, from the moment its login
    page answers (within ``timeout``) until the block ends (then SIGTERM; its exit code lands in
    ``dashboard.exit_code``); its output goes to ``dashboard.log``."""
    full = {k: v for k, v in os.environ.items() if k not in CREDENTIAL_VARS}
    full.update(env or {})
    with dashboard.log.open("w", encoding="utf-8") as output:
        proc = subprocess.Popen([sys.executable, "-m", "chwarden", *argv], stdout=output, stderr=output, env=full)
    log = dashboard.log
    try:
        verify = dashboard.verify
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise AssertionError(f"chwarden {argv[0]} exited {proc.returncode}: {log.read_text()[-3000:]}")
            try:
                if httpx.get(dashboard.url + "/login", timeout=2, verify=verify).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"chwarden {argv[0]} did not answer in {START_TIMEOUT} s: {log.read_text()[-3000:]}"
                )
            time.sleep(0.1)
        yield None
    finally:
        for client in dashboard.clients:
            client.close()
        proc.terminate()
        try:
            proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=STOP_TIMEOUT)
        dashboard.exit_code = proc.returncode
