"""Turn watch.yaml and command-line options into ready targets, a store, channels and a ``Watch``."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chwarden.connect import Credentials, TargetError, parse_target, resolve_credentials
from chwarden.detect.catalog import load_rules, select_rules
from chwarden.watch.config import (
    TargetConfig,
    WatchConfig,
    WatchConfigError,
    effective,
    password_of,
)
from chwarden.watch.cycle import WatchTarget


@dataclass
class CliOverrides:
    """Options given on the command line; they win over watch.yaml's defaults."""

    user: str | None = None
    password_file: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)  # TargetSettings fields


def build_targets(config: WatchConfig, overrides: CliOverrides, env: dict[str, str] | None = None) -> list[WatchTarget]:
    env = dict(os.environ) if env is None else env
    defaults = config.defaults.model_copy(update={k: v for k, v in overrides.settings.items() if v is not None})
    built: list[WatchTarget] = []
    names: set[str] = set()
    for raw in config.targets:
        settings = effective(raw, defaults)
        try:
            target = parse_target(settings.url)
        except TargetError as exc:
            raise WatchConfigError(str(exc)) from exc
        password = password_of(settings, env)
        if password is None:
            credentials = resolve_credentials(
                target, user=settings.user or overrides.user, password_file=overrides.password_file, env=env
            )
        else:
            credentials = Credentials(
                user=settings.user or target.user or env.get("CLICKHOUSE_USER") or "default", password=password
            )
        name = settings.name or target.display
        if name in names:
            raise WatchConfigError(f"two targets are named {name!r}: give each a distinct name")
        names.add(name)
        rules_cfg = settings.rules
        rules = load_rules(Path(rules_cfg.file) if rules_cfg and rules_cfg.file else None)
        if rules_cfg:
            rules = select_rules(rules, tuple(rules_cfg.enable), tuple(rules_cfg.disable))
        built.append(
            WatchTarget(
                name=name,
                target=target,
                credentials=credentials,
                settings=settings,
                rules=rules,
                interval=float(settings.interval or config.interval),
            )
        )
    return built


def merge_targets(config: WatchConfig, extra: list[TargetConfig]) -> WatchConfig:
    return config.model_copy(update={"targets": [*config.targets, *extra]})
