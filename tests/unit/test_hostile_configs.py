"""Hostile input gives a clear one-line error within bounded time and memory, never a traceback."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chwarden.cli import app
from chwarden.sources.configfiles import ConfigError, snapshot_from_config

TIME_LIMIT_S = 3.0
MEMORY_LIMIT = 64 * 1024 * 1024

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + b"".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'.encode() for i in range(1, 10)
    )
    + b"]>\n<clickhouse><display_name>&lol9;</display_name></clickhouse>\n"
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b"<clickhouse><display_name>&xxe;</display_name></clickhouse>\n"
)
YAML_BOMB = b"a: &a ['x','x','x','x','x','x','x','x','x']\n" + b"".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n".encode() for i in range(8)
)
MANIFEST_BOMB = b"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  " + YAML_BOMB.replace(b"\n", b"\n  ")


def _config_dir(tmp_path: Path, config: bytes, name: str = "config.xml") -> Path:
    (tmp_path / name).write_bytes(config)
    return tmp_path


def _big_file(tmp_path: Path) -> Path:
    path = tmp_path / "config.xml"
    with open(path, "wb") as handle:
        handle.write(b"<clickhouse>")
        handle.truncate(100 * 1024 * 1024)  # a 100 MB file (sparse: cheap to create)
    return tmp_path


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "broken_xml": (
        lambda p: _config_dir(p, b"<clickhouse><listen_host>::</clickhouse>"),
        r"config.xml:1: malformed XML",
    ),
    "entity_bomb": (lambda p: _config_dir(p, BILLION_LAUGHS), r"forbidden XML construct"),
    "external_entity": (lambda p: _config_dir(p, EXTERNAL_ENTITY), r"forbidden XML construct"),
    "hundred_mb": (_big_file, r"over the 10485760 byte limit"),
    "binary": (lambda p: _config_dir(p, b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64), r"binary file"),
    "yaml_alias_bomb": (lambda p: _config_dir(p, YAML_BOMB, "config.yaml"), r"alias bomb"),
    "manifest_alias_bomb": (lambda p: _config_dir(p, MANIFEST_BOMB, "manifest.yaml") / "manifest.yaml", r"alias bomb"),
    "deep_nesting": (
        lambda p: _config_dir(p, b"<clickhouse>" + b"<a>" * 200 + b"</a>" * 200 + b"</clickhouse>"),
        r"nested deeper",
    ),
    "not_a_config": (lambda p: _config_dir(p, b"just some text\n"), r"malformed XML"),
    "compose_bad_yaml": (
        lambda p: _config_dir(p, b"services:\n  db: [\n", "compose.yaml") / "compose.yaml",
        r"malformed YAML",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_fails_clearly_and_quickly(tmp_path: Path, case: str) -> None:
    make, message = CASES[case]
    path = make(tmp_path)
    tracemalloc.start()
    started = time.process_time()  # CPU seconds: what a bomb burns, whatever else the machine runs
    try:
        with pytest.raises(ConfigError, match=message) as raised:
            snapshot_from_config(path)
        elapsed = time.process_time() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "\n" not in str(raised.value)
    assert elapsed < TIME_LIMIT_S and peak < MEMORY_LIMIT, (elapsed, peak)


def test_unknown_keys_are_accepted_and_ignored(tmp_path: Path) -> None:
    """Unknown elements are not errors (servers of other versions have other keys); nothing breaks."""
    text = b"<clickhouse><no_such_setting>1</no_such_setting><weird><deeper a='1'>x</deeper></weird></clickhouse>"
    snapshot = snapshot_from_config(_config_dir(tmp_path, text))
    assert snapshot.server_config is not None and snapshot.server_config["weird.deeper"].values == ["x"]


def test_unknown_keys_in_manifests_are_ignored(tmp_path: Path) -> None:
    text = (
        "apiVersion: clickhouse.altinity.com/v1\nkind: ClickHouseInstallation\nmetadata: {name: x}\n"
        "spec:\n  futureField: {a: 1}\n  configuration:\n    unknownSection: {b: 2}\n"
    )
    (tmp_path / "chi.yaml").write_text(text)
    users = snapshot_from_config(tmp_path / "chi.yaml").users or []
    assert [(u.name, u.auth_types) for u in users] == [("default", ["plaintext_password"])]  # the operator's default


@pytest.mark.parametrize("case", ["entity_bomb", "binary", "yaml_alias_bomb"])
def test_cli_reports_hostile_input_without_traceback(tmp_path: Path, case: str) -> None:
    make, _message = CASES[case]
    result = CliRunner().invoke(app, ["audit", "--config", str(make(tmp_path))])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and result.stderr.startswith("chwarden: error: ")
