"""A real server a test needs is missing: skipped on a developer machine, a failure under CI=true."""

from __future__ import annotations

import os

import pytest


def require(available: bool, reason: str) -> None:
    if available:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason + " (CI=true: a missing server is an error, not a skip)")
    pytest.skip(reason)
