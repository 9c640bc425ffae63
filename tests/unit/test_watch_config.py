"""watch.yaml: durations, defaults, credentials from env/files, target lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from chwarden.watch.config import (
    WatchConfigError,
    effective,
    load_config,
    parse_duration,
    password_of,
    targets_from_args,
)
from chwarden.watch.setup import CliOverrides, build_targets


def test_durations() -> None:
    assert [parse_duration(v) for v in (30, "45", "30s", "5m", "2h", "1d", 1.5)] == [30, 45, 30, 300, 7200, 86400, 1.5]
    with pytest.raises(ValueError):
        parse_duration("soon")


def test_config_defaults_and_credentials(tmp_path: Path) -> None:
    secret = tmp_path / "pw"
    secret.write_text("from-file\n")
    path = tmp_path / "watch.yaml"
    path.write_text(
        f"""
interval: 10m
defaults:
  user: auditor
  password_env: CH_PW
  discover: {{every: 3}}
targets:
  - url: http://db1:8123
  - url: https://db2:8443
    name: db2
    password_file: {secret}
    interval: 1m
alerts:
  channels:
    - {{type: slack, url_env: SLACK_URL}}
    - {{type: email, host: 127.0.0.1, from: a@example.org, to: [b@example.org]}}
"""
    )
    config = load_config(path)
    assert config.interval == 600
    targets = build_targets(config, CliOverrides(), env={"CH_PW": "from-env"})
    assert [(t.name, t.credentials.user, t.credentials.password, t.interval) for t in targets] == [
        ("db1:8123", "auditor", "from-env", 600),
        ("db2", "auditor", "from-file", 60),
    ]
    assert "from-env" not in repr(targets) and "from-file" not in repr(targets[1].credentials)
    first = effective(config.targets[0], config.defaults)
    assert first.discover is not None and first.discover.every == 3
    with pytest.raises(WatchConfigError, match="CH_PW"):
        password_of(first, env={})


def test_unknown_keys_and_bad_yaml_are_usage_errors(tmp_path: Path) -> None:
    path = tmp_path / "watch.yaml"
    path.write_text("targets:\n  - url: http://x\n    pasword: nope\n")
    with pytest.raises(WatchConfigError, match="pasword"):
        load_config(path)
    path.write_text("targets: [\n")
    with pytest.raises(WatchConfigError, match="not valid YAML"):
        load_config(path)


def test_targets_from_args_and_files(tmp_path: Path) -> None:
    listing = tmp_path / "targets.txt"
    listing.write_text("# fleet\nhttp://a:8123\n\nclickhouse://b:9000  # native\n")
    assert [t.url for t in targets_from_args(["http://c:8123", f"@{listing}"])] == [
        "http://c:8123",
        "http://a:8123",
        "clickhouse://b:9000",
    ]
    with pytest.raises(WatchConfigError):
        targets_from_args(["@/nonexistent/list"])
