"""``discover chdb://...`` aims its prewarmed engine worker: the target and the guarded warm-up of its scan."""

from __future__ import annotations

import pytest

from chwarden.cli.discover import _aim_engine
from chwarden.connect import engine_worker
from chwarden.connect.guard import check_statement
from chwarden.discover import select_detectors, sql


@pytest.fixture
def aimed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str | None]]:
    calls: list[tuple[str, str | None]] = []
    monkeypatch.setattr(engine_worker, "aim", lambda target, warm_up=None: calls.append((target, warm_up)))
    return calls


def test_the_read_only_engine_of_the_target_compiles_the_scan_s_own_sets(aimed: list) -> None:
    every = select_detectors(None)
    _aim_engine("chdb:///data/ch", every)
    chosen = select_detectors(("email", "ipv4"))
    _aim_engine("chdb:///data/ch?config=/etc/ch.xml", chosen)
    assert aimed == [
        ("/data/ch?mode=ro", check_statement(sql.warm_up_query(every))),
        ("/data/ch?config-file=/etc/ch.xml&mode=ro", check_statement(sql.warm_up_query(chosen))),
    ]
    assert len(aimed[1][1] or "") < len(aimed[0][1] or "") / 3  # only the chosen detectors' sets


@pytest.mark.parametrize("target", ["http://127.0.0.1:8123", "clickhouse://127.0.0.1", "chdb://"])
def test_a_server_or_a_target_that_does_not_parse_aims_nothing(aimed: list, target: str) -> None:
    _aim_engine(target, select_detectors(None))
    assert aimed == []
