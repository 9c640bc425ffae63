"""The list of config keys chwarden treats as unknown to 18.x is measured, not remembered."""

from __future__ import annotations

import pytest

from chwarden.clickhouse.config_keys import UNKNOWN_TO_18
from tests.harness.config_oracle import words_the_server_knows
from tests.harness.session import Ch18Env

pytestmark = pytest.mark.server


@pytest.fixture
def words(ch18_env: Ch18Env) -> frozenset[str]:
    """The session's 18.16 environment fails under CI when the server is missing, else skips."""
    return words_the_server_knows()


def test_every_key_treated_as_unknown_is_absent_from_the_18_16_binary(words: frozenset[str]) -> None:
    assert sorted(UNKNOWN_TO_18 & words) == []


def test_the_oracle_knows_what_18_16_reads(words: frozenset[str]) -> None:
    """Guards the oracle itself: keys 18.16 certainly reads are found (server binary and libraries)."""
    keys = ("listen_host", "interserver_http_credentials", "tcp_port_secure", "allow_databases", "openSSL")
    assert [key for key in keys if key not in words] == []
