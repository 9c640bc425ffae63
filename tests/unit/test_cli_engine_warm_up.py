"""``discover chdb://...`` aims its prewarmed engine worker: the target and the guarded warm-up, or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from chwarden.cli import _engine_warm_up
from chwarden.connect.guard import check_statement
from chwarden.discover import load_rules, sql


@pytest.fixture(autouse=True)
def no_options_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CHWARDEN_OPTIONS", "")


def test_every_detector_warms_the_read_only_engine_of_the_target() -> None:
    aimed = _engine_warm_up(["discover", "chdb:///data/ch", "--full"])
    assert aimed and aimed[0] == "/data/ch?mode=ro"
    assert aimed[1] == check_statement(sql.warm_up_query(load_rules().detectors))


@pytest.mark.parametrize(
    "args",
    [
        ["discover", "chdb:///data/ch", "--detector", "email"],  # the scan runs other sets
        ["discover", "chdb:///data/ch", "--detector=email"],
        ["discover", "chdb://"],  # no path: the command reports it
    ],
)
def test_no_warm_up_when_detectors_are_chosen_or_the_target_does_not_parse(args: list[str]) -> None:
    assert _engine_warm_up(args) == ()


def test_detectors_chosen_in_the_options_file_also_leave_the_warm_up_out(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    options = tmp_path / "chwarden.toml"
    options.write_text('[discover]\ndetector = ["email"]\n')
    monkeypatch.setenv("CHWARDEN_OPTIONS", str(options))
    assert _engine_warm_up(["discover", "chdb:///data/ch"]) == ()
