"""``watch.yaml`` and command-line targets, validated into per-target settings.

Credentials never sit in the file: a target names an environment variable (``password_env``) or
a file (``password_file``) holding its password; webhook URLs with tokens may come from the
environment too (``url_env``). Durations are seconds or ``30s``/``5m``/``2h``/``1d``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from chwarden.errors import InputError
from chwarden.model import Severity

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


class WatchConfigError(InputError, ValueError):
    """watch.yaml or a target list is unusable (exit code 2)."""


def parse_duration(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    m = _DURATION.match(str(value))
    if m is None:
        raise ValueError(f"not a duration: {value!r} (use seconds or 30s, 5m, 2h, 1d)")
    return float(m.group(1)) * _UNITS[m.group(2)]


Duration = Annotated[float, BeforeValidator(parse_duration)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DiscoverSettings(_Model):
    enabled: bool = True
    database: str | None = None  # only this database (default: every database)
    every: int = Field(default=6, ge=1, description="run discover every N cycles (and whenever the tables changed)")
    sample_rows: int = Field(default=10_000, ge=100)
    timeout: int = Field(default=60, ge=1)


class AllowSettings(_Model):
    """Who may read sensitive tables and system catalogues without an alert."""

    principals: list[str] = Field(default_factory=list)
    networks: list[str] = Field(default_factory=list)


class RuleSettings(_Model):
    enable: list[str] = Field(default_factory=list)  # only these (empty: all)
    disable: list[str] = Field(default_factory=list)
    file: str | None = None  # extra/overriding rules in the catalogue's format


class TargetSettings(_Model):
    """Per-target options; every field may also be set in ``defaults``."""

    user: str | None = None
    password_env: str | None = None
    password_file: str | None = None
    ca_file: str | None = None
    insecure: bool | None = None
    cluster: str | None = None  # read the logs of every replica (clusterAllReplicas) where the version has it
    interval: Duration | None = None
    timeout: int | None = None  # per query
    deadline: Duration | None = None  # per target cycle
    probe: bool | None = None  # scan the host's ClickHouse ports
    local_config: bool | None = None
    config: str | None = None  # config directory to combine with the live facts
    server_log: str | None = None  # the server's log file (18.x login failures); auto when local
    # where the system logs are read from when not system.* (an exported copy, e.g. audit.query_log)
    log_tables: dict[Literal["query_log", "session_log"], str] | None = None
    log_lag: int | None = None
    initial_lookback: Duration | None = None
    trusted_networks: list[str] | None = None
    allow: AllowSettings | None = None
    discover: DiscoverSettings | None = None
    rules: RuleSettings | None = None


class TargetConfig(TargetSettings):
    url: str
    name: str | None = None


class WebhookChannel(_Model):
    type: Literal["webhook", "slack"]
    url: str | None = None
    url_env: str | None = None
    min_severity: Severity = Severity.MEDIUM
    timeout: float = 10.0


class EmailChannel(_Model):
    type: Literal["email"]
    host: str
    port: int = 25
    starttls: bool = False
    tls: bool = False
    user: str | None = None
    password_env: str | None = None
    sender: str = Field(alias="from")
    to: list[str]
    min_severity: Severity = Severity.HIGH
    timeout: float = 10.0

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


Channel = Annotated[WebhookChannel | EmailChannel, Field(discriminator="type")]


class AlertSettings(_Model):
    channels: list[Channel] = Field(default_factory=list)
    min_severity: Severity = Severity.MEDIUM  # what becomes an alert at all (stored and counted)
    renotify_after: Duration = 86400.0  # a firing alert is sent again after this long
    resolve_after: Duration = 3600.0  # a detection alert resolves after this long without new events
    rate_per_minute: int = Field(default=20, ge=1)  # per channel; the rest is summarised in one message


class MetricsSettings(_Model):
    listen: str = "127.0.0.1:9464"


class WatchConfig(_Model):
    store: str | None = None
    store_cluster: str | None = None
    store_buffer: bool = False  # Buffer tables in front of the store's tables (many targets per worker)
    interval: Duration = 300.0
    jitter: float = Field(default=0.1, ge=0.0, le=1.0)  # fraction of the interval
    concurrency: int = Field(default=4, ge=1)
    fail_on: Severity = Severity.HIGH
    tag_key_file: str | None = None
    defaults: TargetSettings = Field(default_factory=TargetSettings)
    targets: list[TargetConfig] = Field(default_factory=list)
    alerts: AlertSettings = Field(default_factory=lambda: AlertSettings())
    metrics: MetricsSettings | None = None


def load_config(path: Path) -> WatchConfig:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise WatchConfigError(f"cannot read {path}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise WatchConfigError(f"{path} is not valid YAML: {str(exc).splitlines()[0]}") from exc
    try:
        return WatchConfig.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise WatchConfigError(f"{path}: {where}: {first.get('msg')}") from exc


def targets_from_args(values: list[str]) -> list[TargetConfig]:
    """Target URLs from arguments; ``@file`` reads one URL per line (``#`` comments)."""
    urls: list[str] = []
    for value in values:
        if value.startswith("@"):
            try:
                lines = Path(value[1:]).read_text(encoding="utf-8").splitlines()
            except OSError as exc:
                raise WatchConfigError(f"cannot read target list {value[1:]}: {exc.strerror}") from exc
            urls.extend(line.split("#", 1)[0].strip() for line in lines)
        else:
            urls.append(value)
    return [TargetConfig(url=u) for u in urls if u]


def effective(target: TargetConfig, defaults: TargetSettings) -> TargetConfig:
    """The target's settings with the defaults filled in where it left them unset."""
    merged = {k: v for k, v in defaults.model_dump(exclude_none=True).items()}
    merged.update(target.model_dump(exclude_none=True))
    return TargetConfig.model_validate(merged)


def password_of(target: TargetConfig, env: dict[str, str] | None = None) -> str | None:
    """The target's password from its env variable or file; None when it names neither."""
    env = dict(os.environ) if env is None else env
    if target.password_file:
        try:
            return Path(target.password_file).read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise WatchConfigError(f"cannot read password file {target.password_file}: {exc.strerror}") from exc
    if target.password_env:
        if target.password_env not in env:
            raise WatchConfigError(f"environment variable {target.password_env} (password of {target.url}) is not set")
        return env[target.password_env]
    return None
