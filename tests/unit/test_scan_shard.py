"""scan --shard: the cyclic-group permutation and the sharded target space (pure logic)."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chwarden.cli import app
from chwarden.cli.common import parse_shard
from chwarden.scan.permutation import CyclicPermutation, is_generator, is_prime, next_prime, prime_factors
from chwarden.scan.shard import sharded_targets
from chwarden.scan.targets import HARD_LIMIT, TargetSpecError, parse_targets, parse_zmap_csv, read_target_file


def test_primes_and_generators() -> None:
    assert [n for n in range(30) if is_prime(n)] == [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]
    assert next_prime(2**32) == 4294967311 and is_prime(4294967311)
    assert prime_factors(4294967310) == [2, 3, 5, 131, 364289]
    assert is_generator(3, 7, prime_factors(6)) and not is_generator(2, 7, prime_factors(6))


@pytest.mark.parametrize("size", [1, 2, 3, 10, 254, 1000, 4093])
@pytest.mark.parametrize("count", [1, 2, 3, 7, 16])
def test_shards_partition_the_range(size: int, count: int) -> None:
    permutation = CyclicPermutation(size, seed=42)
    shards = [list(permutation.shard(i, count)) for i in range(count)]
    flat = [x for shard in shards for x in shard]
    assert sorted(flat) == list(range(size))  # every index in exactly one shard
    if count > 1 and size >= 100:
        sizes = [len(s) for s in shards]
        assert max(sizes) - min(sizes) <= 0.2 * size / count + 2  # balanced


def test_order_is_random_per_seed_and_deterministic() -> None:
    a = list(CyclicPermutation(1000, seed=1))
    assert a == list(CyclicPermutation(1000, seed=1))
    assert a != list(CyclicPermutation(1000, seed=2))
    assert a != sorted(a)
    # neighbours in the walk are spread over the range, not consecutive
    assert sum(abs(x - y) == 1 for x, y in itertools.pairwise(a)) < 20


def test_a_shard_of_the_whole_ipv4_space_costs_its_own_size() -> None:
    began = time.monotonic()
    plan = sharded_targets(["0.0.0.0/0"], 12345, 2**16, seed=7, allow_large=True)
    assert plan.total == 2**32 - 2
    assert 65_000 <= len(plan.targets) <= HARD_LIMIT
    assert time.monotonic() - began < 20  # never enumerates 4 billion addresses


def test_sharded_targets_cover_every_address_once() -> None:
    specs = ["10.0.0.0/24", "10.0.0.0/26", "10.0.0.7:9000", "db.internal:8123", "10.0.1.9", "[::1]:9000"]
    shards = [sharded_targets(specs, i, 5, seed=3, allow_large=True).targets for i in range(5)]
    hosts = [t.host for shard in shards for t in shard]
    assert len(hosts) == len(set(hosts)) == 254 + 3  # the /26 and 10.0.0.7 fall inside the /24
    unsharded = {t.host for t in parse_targets(specs, allow_large=True)}
    assert set(hosts) == unsharded
    assert hosts != sorted(hosts)  # walked in the permutation's order


def test_shard_limits() -> None:
    with pytest.raises(TargetSpecError, match="use at least"):
        sharded_targets(["10.0.0.0/8"], 0, 16, seed=1, allow_large=True)
    assert len(sharded_targets(["10.0.0.0/8"], 3, 256, seed=1, allow_large=True).targets) <= HARD_LIMIT
    with pytest.raises(TargetSpecError, match="--yes-large-range"):
        sharded_targets(["10.0.0.0/22"], 0, 2, seed=1)
    with pytest.raises(TargetSpecError, match="invalid CIDR"):
        sharded_targets(["10.0.0.0/33"], 0, 2, seed=1)


ZMAP = """saddr,daddr,sport,dport,seqnum,acknum,window,classification,success,repeat,cooldown,timestamp_str
127.0.0.9,127.0.0.1,9000,48211,0,1,65535,synack,1,0,0,2026-01-01T00:00:00.000+0000
127.0.0.9,127.0.0.1,8123,48211,0,1,65535,synack,1,0,0,2026-01-01T00:00:00.000+0000
127.0.0.9,127.0.0.1,9000,48211,0,1,65535,synack,1,1,0,2026-01-01T00:00:00.000+0000
127.0.0.10,127.0.0.1,9000,48211,0,0,0,rst,0,0,0,2026-01-01T00:00:00.000+0000
"""


def test_zmap_csv(tmp_path: Path) -> None:
    targets = parse_zmap_csv(ZMAP)
    assert [(t.host, t.ports) for t in targets] == [("127.0.0.9", (9000, 8123))]
    path = tmp_path / "zmap.csv"
    path.write_text(ZMAP)
    assert [(t.host, t.ports) for t in read_target_file(path)] == [("127.0.0.9", (9000, 8123))]
    path.write_text("saddr\n127.0.0.9\n127.0.0.11\n")  # zmap's default single field: --ports decide
    assert [(t.host, t.ports) for t in read_target_file(path)] == [("127.0.0.9", None), ("127.0.0.11", None)]
    with pytest.raises(TargetSpecError, match=r"zmap\.csv:2"):
        parse_zmap_csv("saddr,sport\nnot-an-address!,9000\n", "zmap.csv")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--shard", "1/2"], "--shard needs --seed"),
        (["--shard", "2/2", "--seed", "1"], "I must be 0..1"),
        (["--shard", "x", "--seed", "1"], "--shard must be I/N"),
    ],
)
def test_shard_usage_errors(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["scan", "10.0.0.0/24", "--no-progress", *args])
    assert result.exit_code == 2 and message in result.stderr


def test_parse_shard() -> None:
    assert parse_shard(None) == (0, 1) and parse_shard("3/8") == (3, 8)
