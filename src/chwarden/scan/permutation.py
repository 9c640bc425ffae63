"""A seeded random permutation of ``0..size-1`` split into shards, the way ZMap walks IPv4.

The integers ``1..p-1`` modulo a prime ``p > size`` form a cyclic group under multiplication;
a generator ``g`` (a primitive root, picked at random from the seed) visits every element exactly
once: ``x, x*g, x*g^2, ...``. Elements above ``size`` are skipped, so every index appears exactly
once, in an order that looks random and depends only on the seed. Shard ``i`` of ``N`` takes the
steps ``i, i+N, i+2N, ...`` of that one walk (start ``x*g^i``, step ``g^N``): the shards are
disjoint, together they cover every index, each in random order, and each machine computes its own
shard without the others and without enumerating the whole range. Every machine must use the same
seed. (ZMap, Durumeric et al., USENIX Security 2013, section 3.1; its shard parameters are the same:
first element, last element, factor ``g^N``, modulus ``p``.)
"""

from __future__ import annotations

import random
from collections.abc import Iterator

_WITNESSES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)  # deterministic Miller-Rabin below 3.3e24


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    for p in _WITNESSES:
        if n % p == 0:
            return n == p
    d, r = n - 1, 0
    while d % 2 == 0:
        d, r = d // 2, r + 1
    for a in _WITNESSES:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def next_prime(n: int) -> int:
    """The smallest prime greater than ``n``."""
    candidate = n + 1
    while not is_prime(candidate):
        candidate += 1
    return candidate


def prime_factors(n: int) -> list[int]:
    """Distinct prime factors by trial division (fast enough below 2**40: at most ~10**6 steps)."""
    factors: list[int] = []
    d = 2
    while d * d <= n:
        if n % d == 0:
            factors.append(d)
            while n % d == 0:
                n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        factors.append(n)
    return factors


def is_generator(g: int, p: int, factors: list[int]) -> bool:
    """``g`` generates the whole multiplicative group modulo the prime ``p``."""
    return all(pow(g, (p - 1) // q, p) != 1 for q in factors)


class CyclicPermutation:
    """The permutation of ``range(size)`` chosen by ``seed``; ``shard(i, n)`` yields shard i of n."""

    def __init__(self, size: int, seed: int) -> None:
        self.size = size
        self.prime = next_prime(max(size, 1))
        rnd = random.Random(seed)
        if self.prime == 2:
            self.generator, self.start = 1, 1
            return
        factors = prime_factors(self.prime - 1)
        while True:  # primitive roots are common (phi(p-1)/(p-1) of the candidates), so this ends fast
            g = rnd.randrange(2, self.prime)
            if is_generator(g, self.prime, factors):
                break
        self.generator = g
        self.start = rnd.randrange(1, self.prime)

    def shard_size(self, index: int, count: int) -> int:
        """Steps of the walk shard ``index`` makes (an upper bound on the indices it yields)."""
        steps = self.prime - 1
        return max(0, (steps - index + count - 1) // count)

    def shard(self, index: int, count: int) -> Iterator[int]:
        """Indices of shard ``index`` (0-based) of ``count``, in the permutation's order."""
        if not 0 <= index < count:
            raise ValueError(f"shard {index} of {count}")
        if self.size == 0:
            return
        x = self.start * pow(self.generator, index, self.prime) % self.prime
        step = pow(self.generator, count, self.prime)
        for _ in range(self.shard_size(index, count)):
            if x <= self.size:
                yield x - 1
            x = x * step % self.prime

    def __iter__(self) -> Iterator[int]:
        return self.shard(0, 1)
