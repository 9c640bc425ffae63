"""The chdb connection string the worker opens (pure logic, no engine needed)."""

from __future__ import annotations

import pytest

from chwarden.connect.engine_worker import connection_string


@pytest.mark.parametrize(
    ("config", "readonly", "expected"),
    [
        (None, False, "/data"),
        (None, True, "/data?mode=ro"),
        ("/etc/c.xml", False, "/data?config-file=/etc/c.xml"),
        ("/etc/c.xml", True, "/data?config-file=/etc/c.xml&mode=ro"),
    ],
)
def test_connection_string(config: str | None, readonly: bool, expected: str) -> None:
    assert connection_string("/data", config, readonly) == expected
