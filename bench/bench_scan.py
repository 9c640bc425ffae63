"""Benchmark: `chwarden scan` next to `nmap -sV` on the same loopback /24, in the same run.

Starts a few real ClickHouse 18.16 servers (open, password, TLS, restricted) and two impostors
(a web server on 8123, a garbage service on 9000) on one private loopback /24, then scans the
whole /24 on every default ClickHouse port with both tools. Prints wall time, probes/s, and how
many open ports each tool classified correctly as ClickHouse or not (nmap: its service/product
names mention ClickHouse), then the speed ratio. Kills every process it started.

    PYTHONPATH=. .venv/bin/python bench/bench_scan.py [--runs 2] [--ports 9000,9440] [--nmap-timeout 900]

Expect nmap to need minutes on the default ports: its HTTP probes of a ClickHouse HTTP port wait
out the server's keep-alive (8123 alone took more than 55 s here). When nmap runs past
``--nmap-timeout`` its time is reported as at least that long and the ratio as a lower bound.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.harness import configs  # noqa: E402
from tests.harness.addresses import SubnetAllocator  # noqa: E402
from tests.harness.certs import make_self_signed  # noqa: E402
from tests.harness.ch18 import ClickHouse18Server, start_all, stop_all  # noqa: E402
from tests.harness.fake_services import tcp_service, web_server  # noqa: E402

from chwarden.scan import ScanOptions, parse_targets, run_scan  # noqa: E402
from chwarden.scan.ports import parse_ports  # noqa: E402


def chwarden_run(network: str, ports: tuple[int, ...]) -> tuple[float, int, dict[tuple[str, int], bool]]:
    options = ScanOptions(ports=ports, timeout=2.0, concurrency=256, rate=0, max_time=120)
    started = time.monotonic()
    outcome = run_scan(parse_targets([network]), options)
    elapsed = time.monotonic() - started
    seen = {(e.host, e.port): e.clickhouse for e in outcome.report.endpoints}
    return elapsed, outcome.run.probes, seen


def nmap_run(
    nmap: str, network: str, ports: tuple[int, ...], limit: float
) -> tuple[float, dict[tuple[str, int], bool]] | None:
    """Wall time and classification of ``nmap -sV``; None when it ran past ``limit`` seconds."""
    cmd = [nmap, "-sV", "-Pn", "-n", "-p", ",".join(map(str, ports)), "-oX", "-", network]
    started = time.monotonic()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return None
    elapsed = time.monotonic() - started
    seen: dict[tuple[str, int], bool] = {}
    for host in ET.fromstring(done.stdout).iter("host"):
        address = next(a.get("addr") for a in host.iter("address"))
        for port in host.iter("port"):
            state = port.find("state")
            if state is None or state.get("state") != "open":
                continue
            service = port.find("service")
            names = (
                " ".join((service.get(k) or "") for k in ("name", "product", "extrainfo"))
                if service is not None
                else ""
            )
            seen[(str(address), int(port.get("portid", "0")))] = "clickhouse" in names.lower()
    return elapsed, seen


def accuracy(truth: dict[tuple[str, int], bool], seen: dict[tuple[str, int], bool]) -> tuple[int, int]:
    """Open ports classified right (found, and ClickHouse-or-not as in truth)."""
    return sum(1 for key, is_ch in truth.items() if key in seen and seen[key] == is_ch), len(truth)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--nmap", default=shutil.which("nmap") or "nmap")
    parser.add_argument("--ports", default="default", help="ports of both scans (default: every ClickHouse port)")
    parser.add_argument("--nmap-timeout", type=float, default=900.0)
    args = parser.parse_args()
    ports = parse_ports(args.ports)
    if not Path(args.nmap).exists() and shutil.which(args.nmap) is None:
        print("nmap not found: apt-get install -y nmap", file=sys.stderr)
        return 2
    allocator = SubnetAllocator()
    root = Path(tempfile.mkdtemp(prefix="chwarden-bench-scan-"))
    cert = make_self_signed(root / "certs", [f"{allocator.prefix}.{i}" for i in range(1, 20)])
    variants = {
        "open": configs.OPEN,
        "password": configs.PASSWORD,
        "tls": configs.TLS,
        "restricted": configs.RESTRICTED,
    }
    servers = [
        ClickHouse18Server(name, allocator.next_host(), root / name, variant, cert=cert)
        for name, variant in variants.items()
    ]
    web, garbage = allocator.next_host(), allocator.next_host()
    network = f"{allocator.prefix}.0/24"
    try:
        start_all(servers)
        truth: dict[tuple[str, int], bool] = {}
        for s in servers:
            for port in (s.http_port, s.tcp_port, s.https_port, s.tcp_port_secure):
                if port in ports:
                    truth[(s.host, port)] = True
        truth.update({k: False for k in ((web, 8123), (garbage, 9000)) if k[1] in ports})
        with ExitStack() as stack:
            stack.enter_context(web_server(web, 8123))
            stack.enter_context(tcp_service(garbage, 9000, "garbage"))
            ours = [chwarden_run(network, ports) for _ in range(args.runs)]
            theirs = [nmap_run(args.nmap, network, ports, args.nmap_timeout) for _ in range(args.runs)]
    finally:
        stop_all(servers)
        allocator.release()
        shutil.rmtree(root, ignore_errors=True)
    best_ours = min(ours, key=lambda r: r[0])
    finished = [r for r in theirs if r is not None]
    best_theirs = min(finished, key=lambda r: r[0]) if finished else (args.nmap_timeout, {})
    bound = "" if finished else ">= "
    probes = best_ours[1]
    ours_ok, total = accuracy(truth, best_ours[2])
    theirs_ok, _ = accuracy(truth, best_theirs[1])
    print(f"targets: {network}, {len(ports)} ports each = {probes} probes; {len(truth)} open ports")
    print(f"chwarden scan: {best_ours[0]:.2f}s ({probes / best_ours[0]:.0f} probes/s), correct {ours_ok}/{total}")
    nmap_line = f"{bound}{best_theirs[0]:.2f}s ({probes / best_theirs[0]:.0f} probes/s)"
    print(f"nmap -sV     : {nmap_line}, correct {theirs_ok if finished else '?'}/{total}")
    ratio = best_theirs[0] / best_ours[0]
    print(f"ratio: chwarden is {bound}{ratio:.1f}x faster than nmap -sV (min of {args.runs} runs)")
    ok = (ours_ok >= theirs_ok or not finished) and ours_ok == total and best_ours[0] < best_theirs[0]
    print("verdict:", "chwarden at least as accurate and faster" if ok else "NOT better than nmap on this run")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
