"""Running ``chwarden watch --once`` from tests the way cron would, and checking its summary."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from tests.harness.attacks import Expected
from tests.harness.ch18 import ClickHouse18Server
from tests.harness.cli import run_chwarden

SETTLE_TIMEOUT = 15.0


def settle(server: ClickHouse18Server, lag: int = 1) -> None:
    """Flush the server's logs and wait until its clock has passed the flush by ``lag`` seconds.

    A watch cycle reads log rows up to ``now() - lag``; rows of that second are complete once the
    flush that followed them is done.
    """
    server.admin_query("SYSTEM FLUSH LOGS")
    flushed = int(server.admin_query("SELECT toUInt32(now())").strip())
    deadline = time.monotonic() + SETTLE_TIMEOUT
    while int(server.admin_query("SELECT toUInt32(now())").strip()) <= flushed + lag:
        if time.monotonic() > deadline:
            raise AssertionError("the server clock did not move")
        time.sleep(0.05)


def write_config(path: Path, targets: list[dict[str, Any]], **extra: Any) -> Path:
    path.write_text(yaml.safe_dump({"targets": targets, **extra}, sort_keys=False), encoding="utf-8")
    return path


def watch_once(config: Path, store: str, home: Path, *extra: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """One ``watch --once --format json`` cycle; the summary (exit code under ``exit_code``)."""
    result = run_chwarden(
        "watch", "--config", str(config), "--once", "--format", "json", "--store", store, *extra,
        env={"XDG_DATA_HOME": str(home), **(env or {})},
        timeout=300,
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode in (0, 1, 3), (result.returncode, result.stderr[-3000:])
    summary: dict[str, Any] = json.loads(result.stdout)
    summary["exit_code"] = result.returncode
    return summary


def detections(summary: dict[str, Any]) -> list[dict[str, Any]]:
    return [d for t in summary["targets"] for d in t["detections"]]


def matches(expected: Expected, detection: dict[str, Any]) -> bool:
    if detection["rule_id"] != expected.rule:
        return False
    if expected.address and expected.address not in detection["address"].split(","):
        return False
    if expected.user and expected.user not in detection["user"].split(","):
        return False
    return not expected.query_ids or bool(set(expected.query_ids) & set(detection["query_ids"]))


def missed(expected: Iterable[Expected], found: list[dict[str, Any]]) -> list[Expected]:
    return [e for e in expected if not any(matches(e, d) for d in found)]
