"""Splitting a fleet among watch workers: ``watch --shard I/N`` keeps the targets whose name hashes to I.

Jump consistent hash (Lamping and Veach, 2014): each target name maps to one of N buckets,
deterministically (SHA-256 of the name, no state, the same answer on every machine), evenly, and
when N grows to N+1 only about 1/(N+1) of the targets move, all to the new worker, so adding a
worker does not reshuffle what the others already watch (their store history stays theirs).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypeVar

from chwarden.watch.cycle import WatchTarget

T = TypeVar("T")
_MASK = (1 << 64) - 1


def jump_hash(key: int, buckets: int) -> int:
    """The bucket (0..buckets-1) of a 64-bit key."""
    if buckets < 1:
        raise ValueError("at least one bucket")
    b, j = -1, 0
    while j < buckets:
        b = j
        key = (key * 2862933555777941757 + 1) & _MASK
        j = int((b + 1) * ((1 << 31) / ((key >> 33) + 1)))
    return b


def shard_of(name: str, count: int) -> int:
    """The worker (0..count-1) that watches the target called ``name``."""
    key = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")
    return jump_hash(key, count)


def select_shard(targets: Sequence[WatchTarget], index: int, count: int) -> list[WatchTarget]:
    """This worker's targets, in their configured order."""
    return [wt for wt in targets if shard_of(wt.name, count) == index]
