"""Running the chwarden CLI from tests the way a user does: a subprocess with a clean credential env."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

CREDENTIAL_VARS = ("CLICKHOUSE_PASSWORD", "CLICKHOUSE_USER")
# A user's shell may set these; a test of defaults and output conventions must not inherit them.
USER_SETTING_PREFIXES = ("CLICKHOUSE_", "CHWARDEN_", "FORCE_COLOR", "NO_COLOR")


def run_chwarden(
    *args: str,
    env: dict[str, str] | None = None,
    stdin: str = "",
    timeout: float = 240,
    umask: int | None = None,
    cwd: Path | None = None,
    clean: bool = False,
) -> subprocess.CompletedProcess[str]:
    """`python -m chwarden ARGS`; credentials come only from ``env`` (never from the test runner).

    ``clean`` also drops every ``CLICKHOUSE_*``/``CHWARDEN_*`` variable and the colour switches.
    """
    dropped = USER_SETTING_PREFIXES if clean else CREDENTIAL_VARS
    full = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    full.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "chwarden", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full,
        input=stdin,
        check=False,
        cwd=cwd,
        preexec_fn=None if umask is None else (lambda: os.umask(umask)),
    )


def audit_json(target: str | Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """The JSON audit report of a server URL (or, for a Path, of a config directory); no traceback."""
    what = ["--config", str(target)] if isinstance(target, Path) else [target]
    result = run_chwarden("audit", *what, "--format", "json", "--output", str(out), *extra, env=env)
    assert "Traceback" not in result.stderr and out.exists(), result.stderr
    report: dict[str, Any] = json.loads(out.read_text())
    return report


def read_secrets(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of a secrets.env (comments skipped)."""
    lines = [line for line in path.read_text().splitlines() if line and not line.startswith("#")]
    return dict(line.split("=", 1) for line in lines)
