"""One failing target never stops the others; bad input is one line and exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness.ch18 import ClickHouse18Server
from tests.harness.cli import run_chwarden
from tests.harness.session import Ch18Env
from tests.harness.watching import watch_once, write_config

pytestmark = pytest.mark.server


def test_a_dead_target_does_not_stop_the_others(
    ch18_tls: ClickHouse18Server, ch18_env: Ch18Env, tmp_path: Path
) -> None:
    dead = f"http://{ch18_env.unused_host()}:8123"
    config = write_config(
        tmp_path / "watch.yaml",
        [{"url": dead, "name": "dead", "probe": False}, {"url": ch18_tls.http_url, "name": "alive", "log_lag": 0}],
        concurrency=2,
    )
    summary = watch_once(config, str(tmp_path / "store"), tmp_path, "--no-discover")
    status = {t["name"]: t["status"] for t in summary["targets"]}
    assert status == {"dead": "failed", "alive": "complete"}
    assert summary["exit_code"] == 1  # the live target's findings decide; 3 only when nothing answered
    only_dead = write_config(tmp_path / "dead.yaml", [{"url": dead, "name": "dead", "probe": False}])
    assert watch_once(only_dead, str(tmp_path / "store"), tmp_path)["exit_code"] == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "no targets"),
        (("ftp://x",), "unsupported scheme"),
        (("http://x:8123", "--store", "ftp://store"), "unsupported store"),
        (("http://x:8123", "--config", "/nonexistent/watch.yaml"), "cannot read"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: tuple[str, ...], message: str, tmp_path: Path) -> None:
    result = run_chwarden("watch", "--once", *args, env={"XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
