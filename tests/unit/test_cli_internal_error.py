"""A bug inside chwarden still ends with one clear line and its own exit code, not a traceback."""

from __future__ import annotations

import pytest

from chwarden import cli


def test_unexpected_exception_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(**_: object) -> None:  # main() calls app(prog_name=...)
        raise KeyError("boom")

    monkeypatch.setattr(cli, "app", broken)
    monkeypatch.delenv("CHWARDEN_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == cli.EXIT_INTERNAL == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error: KeyError" in err and "Traceback" not in err


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**_: object) -> None:  # main() calls app(prog_name=...)
        raise KeyError("boom")

    monkeypatch.setattr(cli, "app", broken)
    monkeypatch.setenv("CHWARDEN_DEBUG", "1")
    with pytest.raises(KeyError):
        cli.main()
