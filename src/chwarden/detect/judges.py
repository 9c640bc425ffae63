"""Python post-filters for what a rule's SQL cannot know: allowlists, trusted networks, baselines.

Each judge takes the rows a rule's SQL returned and the context of this target, and returns the
rows that are detections (a row may carry ``_severity`` to override the rule's). Judges are
named in the rule file (``judge: allowlist``), like discover's validators.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from chwarden.connect.querytag import QueryTagger
from chwarden.detect.catalog import Rule

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
DEFAULT_TRUSTED = ("127.0.0.1/32", "::1/128")


def networks(values: Iterable[str]) -> list[Network]:
    """Parse CIDRs/addresses; a bad entry is a usage error (ValueError with the value)."""
    parsed: list[Network] = []
    for value in values:
        try:
            parsed.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError as exc:
            raise ValueError(f"not an address or network: {value!r}") from exc
    return parsed


def in_networks(address: str, nets: Iterable[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return any(ip.version == net.version and ip in net for net in nets)


@dataclass
class JudgeContext:
    """What the judges of one target know besides the rows."""

    target: str
    trusted_networks: list[Network] = field(default_factory=lambda: networks(DEFAULT_TRUSTED))
    allow_principals: frozenset[str] = frozenset()
    allow_networks: list[Network] = field(default_factory=list)
    known_addresses: dict[str, set[str]] = field(default_factory=dict)
    usage_history: dict[str, list[dict[str, int]]] = field(default_factory=dict)
    tagger: QueryTagger | None = None
    tag_max_age: int = 3600
    sensitive_tables: dict[str, str] = field(default_factory=dict)  # lower(name or db.name) -> db.name
    own_rows_read: int = 0  # filled by the selftag judge: what chwarden's verified queries read
    own_queries: int = 0


Row = dict[str, Any]
Judge = Callable[[Rule, list[Row], JudgeContext], list[Row]]


def _allowed(row: Row, ctx: JudgeContext) -> bool:
    return str(row.get("user", "")) in ctx.allow_principals or in_networks(
        str(row.get("address", "")), ctx.allow_networks
    )


def untrusted_address(rule: Rule, rows: list[Row], ctx: JudgeContext) -> list[Row]:
    return [r for r in rows if not in_networks(str(r.get("address", "")), ctx.trusted_networks)]


def new_address(rule: Rule, rows: list[Row], ctx: JudgeContext) -> list[Row]:
    """Only users the store already knows, from addresses it has never seen them use."""
    out = []
    for row in rows:
        known = ctx.known_addresses.get(str(row.get("user", "")))
        if known and str(row.get("address", "")) not in known:
            out.append(row)
    return out


BASELINE_METRICS = ("query_rows", "query_bytes", "window_rows", "window_bytes")


def baseline(rule: Rule, rows: list[Row], ctx: JudgeContext) -> list[Row]:
    """Over a threshold (SQL) and, with enough history, far over the user's largest query/window so far."""
    factor = rule.threshold("baseline_factor", 10)
    needed = int(rule.threshold("baseline_windows", 3))
    out = []
    for row in rows:
        over = [m for m in BASELINE_METRICS if int(row.get(m, 0)) >= rule.threshold(m, float("inf"))]
        history = ctx.usage_history.get(str(row.get("user", "")), [])
        if len(history) >= needed:
            largest = {m: max(int(h.get(m, 0)) for h in history) for m in over}
            over = [m for m in over if int(row.get(m, 0)) > factor * largest[m]]
            if over:
                row = {**row, "baseline_max": {m: largest[m] for m in over}}
        if over:
            out.append({**row, "exceeded": over})
    return out


def _canonical_table(row: Row, ctx: JudgeContext) -> Row:
    raw = str(row.get("table", ""))
    if not raw:
        return row
    key = re.sub(r"[`\"\s]", "", raw).lower()
    return {**row, "table": ctx.sensitive_tables.get(key, key)}


def allowlist(rule: Rule, rows: list[Row], ctx: JudgeContext) -> list[Row]:
    return [_canonical_table(r, ctx) for r in rows if not _allowed(r, ctx)]


def severity_map(rule: Rule, rows: list[Row], ctx: JudgeContext) -> list[Row]:
    out = []
    for row in rows:
        command = str(row.get("command", ""))
        severity = next((s for pattern, s in rule.severity_map.items() if re.search(pattern, command)), None)
        out.append({**row, "_severity": severity} if severity is not None else row)
    return out


def selftag(rule: Rule, rows: list[Row], ctx: JudgeContext) -> list[Row]:
    """Drop chwarden's own verified queries (counting what they read); keep forged or replayed tags."""
    forged = []
    for row in rows:
        tag, logged_at = str(row.get("tag", "")), int(row.get("logged_at", 0))
        genuine = ctx.tagger is not None and ctx.tagger.verify(tag, logged_at, ctx.tag_max_age)
        if genuine and int(row.get("events", 0)) <= 1:
            ctx.own_queries += 1
            ctx.own_rows_read += int(row.get("read_rows", 0))
            continue
        reason = "replayed (the id was used more than once)" if genuine else "the tag does not verify"
        forged.append({**row, "reason": reason})
    return forged


JUDGE_FUNCTIONS: dict[str, Judge] = {
    "untrusted_address": untrusted_address,
    "new_address": new_address,
    "baseline": baseline,
    "allowlist": allowlist,
    "severity_map": severity_map,
    "selftag": selftag,
}
