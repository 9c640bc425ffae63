"""The detection rule catalogue (``rules.yaml``), validated into typed rules.

Rules are data, like discover's detectors: what they read, the SQL they push down, thresholds
and ATT&CK technique. A rule file of one's own (``--rules FILE``) replaces or extends the built-in
catalogue with the same format; placeholders are checked when it loads, not when it first runs.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from chwarden.errors import InputError
from chwarden.model import Severity

LOGS = ("query_log", "session_log")
PLACEHOLDERS = frozenset(
    {
        "source",
        "window",
        "new_events",
        "not_own",
        "addr",
        "ended",
        "finished",
        "failed",
        "stmt",
        "sample",
        "user",
        "limit",
        "login_failure",
        "login_success",
        "passwordless_users",
        "sensitive_tables",
        "sensitive_tables_re",
        "reading",
    }
)
JUDGES = frozenset({"untrusted_address", "new_address", "baseline", "allowlist", "severity_map", "selftag"})
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class RuleError(InputError, ValueError):
    """A rule file is unusable (exit code 2)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Technique(_Model):
    id: str
    name: str


class Variant(_Model):
    requires: tuple[str, ...]
    sql: str
    log: Literal["query_log", "session_log"] | None = None  # overrides the rule's log


class LoginSpec(_Model):
    """How a session_log rule is evaluated on login events read from a server log file (18.x)."""

    kind: Literal["failures", "spraying", "success_after_failures"]
    per: Literal["address", "user"]


class Rule(_Model):
    id: str
    title: str
    severity: Severity
    technique: Technique
    description: str
    log: Literal["query_log", "session_log"]
    group_by: tuple[str, ...]
    lookback: int = 0
    thresholds: dict[str, float] = Field(default_factory=dict)
    judge: str | None = None
    severity_map: dict[str, Severity] = Field(default_factory=dict)
    needs_sensitive_tables: bool = False
    login: LoginSpec | None = None
    variants: tuple[Variant, ...]

    @model_validator(mode="after")
    def _check(self) -> Rule:
        if not _ID.match(self.id):
            raise ValueError(f"rule id {self.id!r} must be snake_case")
        if self.judge is not None and self.judge not in JUDGES:
            raise ValueError(f"rule {self.id}: unknown judge {self.judge!r} (known: {', '.join(sorted(JUDGES))})")
        if not self.variants:
            raise ValueError(f"rule {self.id}: no variants")
        for pattern in self.severity_map:
            re.compile(pattern)
        for variant in self.variants:
            fields = {name for _, name, _, _ in string.Formatter().parse(variant.sql) if name}
            unknown = fields - PLACEHOLDERS - set(self.thresholds)
            if unknown:
                raise ValueError(f"rule {self.id}: unknown placeholder(s) {', '.join(sorted(unknown))}")
        return self

    def threshold(self, name: str, default: float = 0.0) -> float:
        return float(self.thresholds.get(name, default))

    @property
    def logs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v.log or self.log for v in self.variants))


def parse_rules(data: Any, origin: str) -> list[Rule]:
    if not isinstance(data, list):
        raise RuleError(f"{origin}: expected a list of rules")
    rules: list[Rule] = []
    for index, entry in enumerate(data):
        try:
            rules.append(Rule.model_validate(entry))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            raise RuleError(f"{origin}: rule #{index + 1}: {where}: {first.get('msg')}") from exc
    ids = [r.id for r in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuleError(f"{origin}: duplicate rule id(s) {', '.join(duplicates)}")
    return rules


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    text = resources.files("chwarden.detect").joinpath("rules.yaml").read_text(encoding="utf-8")
    return tuple(parse_rules(yaml.safe_load(text), "built-in rules.yaml"))


def load_rules(path: Path | None = None) -> list[Rule]:
    """The built-in rules, with those of ``path`` replacing same-id rules and adding new ones."""
    rules = {r.id: r for r in builtin_rules()}
    if path is not None:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise RuleError(f"cannot read rule file {path}: {exc.strerror}") from exc
        except yaml.YAMLError as exc:
            raise RuleError(f"{path} is not valid YAML: {str(exc).splitlines()[0]}") from exc
        for rule in parse_rules(data, str(path)):
            rules[rule.id] = rule
    return list(rules.values())


def select_rules(rules: list[Rule], enable: tuple[str, ...] = (), disable: tuple[str, ...] = ()) -> list[Rule]:
    known = {r.id for r in rules}
    unknown = [i for i in (*enable, *disable) if i not in known]
    if unknown:
        raise RuleError(f"unknown rule id(s): {', '.join(unknown)} (see `chwarden rules`)")
    chosen = [r for r in rules if not enable or r.id in enable]
    return [r for r in chosen if r.id not in disable]
