"""The scan's default rate limits: which addresses count as loopback, private or public, and that
each class is paced on its own while an explicit ``--rate`` paces every connection together."""

from __future__ import annotations

import asyncio
import time

import pytest

from chwarden.sources.network.rates import DEFAULT_RATES, RatePolicy, address_class, describe
from chwarden.sources.network.wire import Net, Pacer


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("127.0.0.1", "loopback"),
        ("127.201.7.9", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.0.0.1", "private"),
        ("10.255.255.255", "private"),
        ("172.16.0.0", "private"),
        ("172.31.255.255", "private"),
        ("192.168.1.20", "private"),
        ("169.254.10.1", "private"),
        ("::ffff:10.1.2.3", "private"),
        ("fd12:3456::1", "private"),
        ("fe80::1", "private"),
        ("fe80::1%eth0", "private"),
        ("172.15.255.255", "public"),
        ("172.32.0.0", "public"),
        ("192.169.0.1", "public"),
        ("100.64.0.1", "public"),  # carrier-grade NAT: shared with a provider's other customers
        ("11.0.0.1", "public"),
        ("8.8.8.8", "public"),
        ("2001:db8::1", "public"),
        ("2a00:1450::1", "public"),
        ("::ffff:8.8.8.8", "public"),
        ("not-an-address", "public"),
        ("", "public"),
    ],
)
def test_address_classes(address: str, expected: str) -> None:
    assert address_class(address) == expected


def test_public_ranges_keep_the_conservative_default() -> None:
    assert DEFAULT_RATES == {"loopback": 0.0, "private": 2000.0, "public": 500.0}
    policy = RatePolicy.of(None)
    assert [policy.rate_for(a) for a in ("127.0.0.1", "192.168.0.5", "203.0.113.9")] == [0.0, 2000.0, 500.0]


def test_explicit_rate_applies_to_every_address_with_one_pacer() -> None:
    policy = RatePolicy.of(50.0)
    assert {policy.rate_for(a) for a in ("127.0.0.1", "10.0.0.1", "8.8.8.8")} == {50.0}
    assert {policy.pacer_key(a) for a in ("127.0.0.1", "10.0.0.1", "8.8.8.8")} == {"all"}
    assert RatePolicy.of(0).rate_for("8.8.8.8") == 0


def test_each_class_has_its_own_pacer_and_the_run_reports_them() -> None:
    net = Net(timeout=1.0, concurrency=4)
    assert net.pacer("127.0.0.1") is net.pacer("127.9.9.9")
    assert net.pacer("127.0.0.1") is not net.pacer("10.0.0.1")
    net.pacer("203.0.113.9")
    assert net.pacing() == {"loopback": 0.0, "private": 2000.0, "public": 500.0}
    assert describe(net.pacing()) == "loopback unlimited, private 2000/s, public 500/s"
    uniform = Net(timeout=1.0, concurrency=4, rates=RatePolicy.of(300))
    assert uniform.pacer("127.0.0.1") is uniform.pacer("8.8.8.8")
    assert describe(uniform.pacing()) == "all 300/s"


def test_pacer_spaces_connections_and_unlimited_never_waits() -> None:
    async def waits(pacer: Pacer, count: int) -> float:
        started = time.monotonic()
        for _ in range(count):
            await pacer.wait()
        return time.monotonic() - started

    assert asyncio.run(waits(Pacer(0.0), 10_000)) < 1.0  # never waits: only loop overhead
    assert asyncio.run(waits(Pacer(200.0), 11)) >= 10 / 200 * 0.95  # 11 connections: 10 gaps of 5 ms
