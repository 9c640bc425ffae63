"""``scan --shard I/N --seed S``: one machine's share of a range, in a random order all machines agree on.

The targets form one index space: first the single targets (host names, ``host:port``, URLs, file
entries; merged per host as without sharding), then the host addresses of every CIDR (a CIDR inside
another one counts once; a single address inside a CIDR is covered by it). ``CyclicPermutation``
(ZMap's cyclic-group walk) orders that space from the seed and hands shard I its steps, so every
address belongs to exactly one shard and no machine enumerates the whole range: a shard costs time
in proportion to its own size. The limits of an unsharded scan apply to the shard (the addresses
this machine probes), so a range too large for one machine can be split until each part fits.
"""

from __future__ import annotations

import bisect
import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

from chwarden.scan.permutation import CyclicPermutation
from chwarden.scan.targets import HARD_LIMIT, LARGE_RANGE, TargetSpecError, expand_spec, merge_target
from chwarden.sources.network.scanner import ScanTarget

MAX_SPACE = 2**34  # the whole IPv4 space four times over; larger IPv6 ranges are refused

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class _Range:
    first: int  # integer value of the first host address
    size: int
    version: int
    source: str

    def covers(self, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        return address.version == self.version and self.first <= int(address) < self.first + self.size

    def target(self, offset: int) -> ScanTarget:
        value = self.first + offset
        address = ipaddress.IPv4Address(value) if self.version == 4 else ipaddress.IPv6Address(value)
        return ScanTarget(str(address), None, self.source)


def _host_range(network: Network, source: str) -> _Range:
    """The addresses ``network.hosts()`` would give, as a contiguous range (no network/broadcast)."""
    start = int(network.network_address)
    if network.num_addresses <= 2:
        return _Range(start, network.num_addresses, network.version, source)
    size = network.num_addresses - 2 if network.version == 4 else network.num_addresses - 1
    return _Range(start + 1, size, network.version, source)


def _networks(specs: Iterable[tuple[Network, str]]) -> list[_Range]:
    """Host ranges of the CIDRs, each once: CIDRs are disjoint or nested, nested ones are dropped."""
    unique = dict(specs)
    kept = [
        (n, s)
        for n, s in unique.items()
        if not any(o != n and o.version == n.version and n.subnet_of(o) for o in unique)  # type: ignore[arg-type]
    ]
    return [_host_range(n, s) for n, s in kept]


@dataclass
class ShardPlan:
    """The whole index space and this shard's targets in walk order."""

    total: int
    targets: list[ScanTarget]


def sharded_targets(specs: Iterable[str], index: int, count: int, seed: int, *, allow_large: bool = False) -> ShardPlan:
    """Shard ``index`` (0-based) of ``count`` of the targets in ``specs``, ordered by ``seed``."""
    singles: dict[str, ScanTarget] = {}
    cidrs: list[tuple[Network, str]] = []
    for raw in specs:
        spec = raw.strip()
        if "/" in spec and "://" not in spec and not spec.startswith("@"):
            try:
                cidrs.append((ipaddress.ip_network(spec, strict=False), spec))
            except ValueError as exc:
                raise TargetSpecError(f"invalid CIDR {spec!r}: {exc}") from exc
            continue
        for target in expand_spec(spec):
            singles[target.host] = merge_target(singles.get(target.host), target)
    ranges = _networks(cidrs)
    items = [t for t in singles.values() if not _covered(t.host, ranges)]
    total = len(items) + sum(r.size for r in ranges)
    if total == 0:
        raise TargetSpecError("no target given")
    if total > MAX_SPACE:
        raise TargetSpecError(f"{total} addresses: more than chwarden can order ({MAX_SPACE})")
    if total / count > HARD_LIMIT + 1:
        raise TargetSpecError(
            f"shard {index}/{count} of {total} addresses holds about {total // count}, more than chwarden scans "
            f"on one machine ({HARD_LIMIT}): use at least {-(-total // HARD_LIMIT)} shards"
        )
    starts = [0]
    for r in ranges:
        starts.append(starts[-1] + r.size)
    permutation = CyclicPermutation(total, seed)
    chosen: list[ScanTarget] = []
    for position in permutation.shard(index, count):
        if len(chosen) >= HARD_LIMIT:
            raise TargetSpecError(f"shard {index}/{count} holds more than {HARD_LIMIT} addresses: use more shards")
        if position < len(items):
            chosen.append(items[position])
            continue
        offset = position - len(items)
        which = bisect.bisect_right(starts, offset) - 1
        chosen.append(ranges[which].target(offset - starts[which]))
    if len(chosen) > LARGE_RANGE and not allow_large:
        raise TargetSpecError(
            f"{len(chosen)} addresses in this shard (more than {LARGE_RANGE}); add --yes-large-range to confirm"
        )
    return ShardPlan(total, chosen)


def _covered(host: str, ranges: list[_Range]) -> bool:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False  # a name: never inside a CIDR before it is resolved
    return any(r.covers(address) for r in ranges)
