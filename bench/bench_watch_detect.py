"""Benchmark: detection rate and false alerts of `chwarden watch` on a real 18.16 server, next to a
naive baseline, over the scripted attack catalogue and 10,000 benign queries per round.

Each round starts a fresh server (trace-level log file, query logging on), runs 2,000 benign
queries, one watch cycle (learning), 8,000 more benign queries and the attack catalogue from
distinct loopback addresses (127.0.9.x), then evaluates in turn:
  A  chwarden: one `watch --once` cycle, every rule as shipped;
  B  baseline: "alert on every failed query" (the query most people write first:
     SELECT address, user FROM system.query_log WHERE type IN (3, 4)).
Detection rate: expected (rule, address, user, query id) alerts found, and attacks whose address
any alert names. False alerts: alerting detections from an address no attack used.

    PYTHONPATH=. .venv/bin/python bench/bench_watch_detect.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.harness import attacks  # noqa: E402
from tests.harness.addresses import SubnetAllocator  # noqa: E402
from tests.harness.ch18 import ClickHouse18Server  # noqa: E402
from tests.harness.watching import detections, missed, settle, watch_once, write_config  # noqa: E402

ALERTING = ("medium", "high", "critical")


def baseline(server: ClickHouse18Server, since: int) -> list[tuple[str, str]]:
    """(address, user) of every failed query since ``since``: the naive rule's alerts."""
    text = server.admin_query(
        "SELECT DISTINCT replaceRegexpOne(IPv6NumToString(address), '^::ffff:', ''), user FROM system.query_log "
        f"WHERE type IN (3, 4) AND event_time > toDateTime({since}) FORMAT TSV"
    )
    return [tuple(line.split("\t")) for line in text.splitlines() if line]  # type: ignore[misc]


def one_round(allocator: SubnetAllocator, root: Path, seed: int) -> dict[str, float]:
    host = allocator.next_host()
    server = ClickHouse18Server(
        f"detect-{seed}",
        host,
        root / f"server-{seed}",
        attacks.configs.Variant(attacks.users_xml()),
        config_xml=attacks.scenario_config(host, root / f"server-{seed}"),
    )
    server.start()
    try:
        attacks.setup_data(attacks.Actor(server.http_url, "127.0.0.1", "default"))
        config = write_config(
            root / f"watch-{seed}.yaml",
            [{"url": server.http_url, "name": "bench", "log_lag": 1, "allow": {"principals": ["app"]}}],
        )
        store, home = str(root / f"store-{seed}"), root / "home"
        attacks.benign_workload(server.http_url, 2_000, seed=seed)
        settle(server)
        watch_once(config, store, home)
        since = int(server.admin_query("SELECT toUInt32(now())").strip())
        attacks.benign_workload(server.http_url, 8_000, seed=seed + 1000)
        with attacks.listener(server.host, 18080) as listener_url:
            expected = attacks.attack_catalogue(server.http_url, listener_url, server.config_dir / "users.xml")
        settle(server)
        started = time.monotonic()
        found = detections(watch_once(config, store, home))
        cycle_s = time.monotonic() - started
        naive = baseline(server, since)
    finally:
        server.stop()
    attack_addresses = {e.address for e in expected if e.address}
    alerting = [d for d in found if d["severity"] in ALERTING]
    ours_attacks = {a for a in attack_addresses if any(a in d["address"].split(",") for d in alerting)}
    theirs_attacks = {a for a in attack_addresses if any(a == address for address, _ in naive)}
    return {
        "expected": len(expected),
        "ours_matched": len(expected) - len(missed(expected, found)),
        "ours_attacks": len(ours_attacks),
        "ours_false": sum(
            1 for d in alerting if not any(a.startswith(attacks.ATTACK_PREFIX) for a in d["address"].split(","))
        ),
        "theirs_attacks": len(theirs_attacks),
        "theirs_false": sum(1 for address, _ in naive if not address.startswith(attacks.ATTACK_PREFIX)),
        "attacks": len(attack_addresses),
        "cycle_s": cycle_s,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    allocator = SubnetAllocator()
    root = Path(tempfile.mkdtemp(prefix="chwarden-bench-detect-"))
    rounds = []
    try:
        for n in range(args.rounds):
            r = one_round(allocator, root, seed=11 + n)
            rounds.append(r)
            print(
                f"round {n + 1}: A chwarden {r['ours_matched']:.0f}/{r['expected']:.0f} expected alerts, "
                f"{r['ours_attacks']:.0f}/{r['attacks']:.0f} attacks, {r['ours_false']:.0f} false alerts, "
                f"cycle {r['cycle_s']:.1f}s | B failed-query baseline {r['theirs_attacks']:.0f}/{r['attacks']:.0f} "
                f"attacks, {r['theirs_false']:.0f} false alerts"
            )
    finally:
        allocator.release()
        shutil.rmtree(root, ignore_errors=True)

    def med(key: str) -> float:
        return statistics.median(r[key] for r in rounds)

    print(
        f"chwarden: detection rate {med('ours_matched') / med('expected'):.3f} (median of {len(rounds)} rounds; "
        f"attacks named {med('ours_attacks'):.0f}/{med('attacks'):.0f}), false alerts median {med('ours_false'):.0f} "
        f"max {max(r['ours_false'] for r in rounds):.0f} over 10,000 benign queries per round"
    )
    print(
        f"baseline: attacks named {med('theirs_attacks'):.0f}/{med('attacks'):.0f}, "
        f"false alerts median {med('theirs_false'):.0f}"
    )
    print(f"watch cycle min {min(r['cycle_s'] for r in rounds):.1f}s median {med('cycle_s'):.1f}s")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0 if all(r["ours_false"] == 0 and r["ours_matched"] == r["expected"] for r in rounds) else 1


if __name__ == "__main__":
    raise SystemExit(main())
