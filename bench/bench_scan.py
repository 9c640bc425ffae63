"""Benchmark: `chwarden scan` next to `nmap -sV`, both as whole commands, on the same loopback /24.

Starts four real ClickHouse 18.16 servers (open, password, TLS, restricted) and two impostors
(a web server on 8123, a garbage service on 9000) on one private loopback /24, then runs, in
turn for ``--rounds`` rounds (A B A B ...):

  chwarden   ``chwarden scan <the /24> -p PORTS`` as a user types it: every other option at its
             default (rate limit, timeouts, concurrency, catalogue of open servers, terminal
             report on stdout), a fresh process each time (interpreter start and imports included)
  nmap       ``nmap -sV -Pn -n -p PORTS -oX FILE <the /24>`` (no host discovery, no DNS: the
             fastest way nmap identifies services on a known range)

and prints min/median per side, the nmap/chwarden ratios of the mins and of the medians, and the
machine load. Classification is checked too: how many open ports each tool names rightly as
ClickHouse or not (chwarden from one extra run with ``--format json``, nmap from every round's
XML: its service/product names mention ClickHouse). Kills every process it started.

    apt-get install -y nmap       # Debian's nmap 7.93: the bench's one prerequisite
    .venv/bin/python bench/bench_scan.py [--rounds 3] [--ports 9000,9440,9004] [--nmap-timeout 900]
    git archive OLD src | tar -x -C /tmp/old && .venv/bin/python bench/bench_scan.py --compare-src /tmp/old/src

On every default port (``--ports default``) nmap needs minutes: its HTTP probes of a ClickHouse
HTTP port wait out the server's keep-alive. A round that runs past ``--nmap-timeout`` counts as
that long, and the ratio becomes a lower bound (printed with ``>=``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.interleave import Side, interleave, load_text, run_command, summary, warm_bytecode  # noqa: E402
from tests.harness import configs  # noqa: E402
from tests.harness.addresses import SubnetAllocator  # noqa: E402
from tests.harness.certs import make_self_signed  # noqa: E402
from tests.harness.ch18 import ClickHouse18Server, start_all, stop_all  # noqa: E402
from tests.harness.fake_services import tcp_service, web_server  # noqa: E402

from chwarden.scan.ports import parse_ports  # noqa: E402

Classification = dict[tuple[str, int], bool]
SUMMARY_LINE = re.compile(r"(\d+) probes in ([\d.]+)s")


def chwarden_argv() -> list[str]:
    """The console script next to this interpreter, as an installed chwarden is run."""
    script = Path(sys.executable).parent / "chwarden"
    return [str(script)] if script.exists() else [sys.executable, "-m", "chwarden"]


def chwarden_classification(network: str, ports: str, work: Path) -> tuple[Classification, int]:
    """One untimed run with the same defaults and a JSON report: what chwarden said per port."""
    out = work / "chwarden.json"
    subprocess.run(
        [*chwarden_argv(), "scan", network, "-p", ports, "--format", "json", "--output", str(out)],
        capture_output=True,
        check=False,
        timeout=900,
    )
    report = json.loads(out.read_text())
    seen = {(e["host"], int(e["port"])): bool(e["clickhouse"]) for e in report["endpoints"]}
    return seen, len(report["endpoints"])


def nmap_classification(xml_text: str) -> Classification:
    seen: Classification = {}
    for host in ET.fromstring(xml_text).iter("host"):
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
    return seen


def correct(truth: Classification, seen: Classification) -> int:
    """Open ports classified right (found, and ClickHouse-or-not as in truth)."""
    return sum(1 for key, is_ch in truth.items() if key in seen and seen[key] == is_ch)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--nmap", default=shutil.which("nmap") or "nmap")
    parser.add_argument(
        "--ports", default="9000,9440,9004", help="ports of both scans ('default' = every ClickHouse port)"
    )
    parser.add_argument("--nmap-timeout", type=float, default=900.0)
    parser.add_argument(
        "--compare-src",
        help="another chwarden source tree (its src/ directory, e.g. from `git archive OLD src`), "
        "timed the same way as a third side: before/after in one run",
    )
    args = parser.parse_args()
    ports = parse_ports(args.ports)
    ports_text = ",".join(map(str, ports))
    if shutil.which(args.nmap) is None:
        print("nmap not found: apt-get install -y nmap", file=sys.stderr)
        return 2
    warm_bytecode()
    if args.compare_src:
        warm_bytecode(Path(args.compare_src) / "chwarden")
    allocator = SubnetAllocator()
    work = Path(tempfile.mkdtemp(prefix="chwarden-bench-scan-"))
    cert = make_self_signed(work / "certs", [f"{allocator.prefix}.{i}" for i in range(1, 20)])
    variants = {
        "open": configs.OPEN,
        "password": configs.PASSWORD,
        "tls": configs.TLS,
        "restricted": configs.RESTRICTED,
    }
    servers = [
        ClickHouse18Server(name, allocator.next_host(), work / name, variant, cert=cert)
        for name, variant in variants.items()
    ]
    web, garbage = allocator.next_host(), allocator.next_host()
    network = f"{allocator.prefix}.0/24"
    scan_phase: list[float] = []
    cpu: dict[str, list[float]] = {}
    nmap_correct: list[int] = []
    try:
        start_all(servers)
        truth: Classification = {}
        for s in servers:
            for port in (s.http_port, s.tcp_port, s.https_port, s.tcp_port_secure):
                if port in ports:
                    truth[(s.host, port)] = True
        truth.update({k: False for k in ((web, 8123), (garbage, 9000)) if k[1] in ports})
        with ExitStack() as stack:
            stack.enter_context(web_server(web, 8123))
            stack.enter_context(tcp_service(garbage, 9000, "garbage"))
            ours, open_endpoints = chwarden_classification(network, ports_text, work)

            def chwarden_side(name: str, env: dict[str, str] | None = None) -> Side:
                def chwarden() -> float | None:
                    argv = [*chwarden_argv(), "scan", network, "-p", ports_text]
                    run = run_command(argv, ok=(0, 1), timeout=900, env=env)
                    if run is None:
                        return None
                    found = SUMMARY_LINE.search(run.stderr)
                    cpu.setdefault(name, []).append(run.cpu_seconds)
                    if found and env is None:
                        scan_phase.append(float(found.group(2)))
                    return run.seconds

                return Side(name, chwarden, limit=900)

            def nmap() -> float | None:
                xml_file = work / "nmap.xml"
                cmd = [args.nmap, "-sV", "-Pn", "-n", "-p", ports_text, "-oX", str(xml_file), network]
                run = run_command(cmd, timeout=args.nmap_timeout)
                if run is None:
                    return None
                nmap_correct.append(correct(truth, nmap_classification(xml_file.read_text())))
                cpu.setdefault("nmap -sV", []).append(run.cpu_seconds)
                return run.seconds

            print(f"targets: {network} x {len(ports)} ports = {254 * len(ports)} probes; {len(truth)} open ports")
            print(f"before: {load_text()}", flush=True)
            sides = [chwarden_side("chwarden scan"), Side("nmap -sV", nmap, limit=args.nmap_timeout)]
            if args.compare_src:
                sides.insert(1, chwarden_side("chwarden (compare-src)", {**os.environ, "PYTHONPATH": args.compare_src}))
            result = interleave(sides, args.rounds)
    finally:
        stop_all(servers)
        allocator.release()
        shutil.rmtree(work, ignore_errors=True)
    ratios = [("nmap -sV", "chwarden scan")]
    if args.compare_src:
        ratios += [("nmap -sV", "chwarden (compare-src)"), ("chwarden (compare-src)", "chwarden scan")]
    summary(result, ratios)
    ours_ok = correct(truth, ours)
    theirs = f"{min(nmap_correct)}-{max(nmap_correct)}" if nmap_correct else "?"
    print(f"  correctly classified open ports: chwarden {ours_ok}/{len(truth)}, nmap -sV {theirs}/{len(truth)}")
    if scan_phase:
        print(
            f"  chwarden's own scan phase (its summary line): min {min(scan_phase):.3f}s, "
            f"median {statistics.median(scan_phase):.3f}s; the rest is process start, imports, judging, output"
        )
    for name, seconds in cpu.items():
        print(f"  {name}: CPU time (user + system) min {min(seconds):.3f}s, median {statistics.median(seconds):.3f}s")
    print(f"  chwarden reported {open_endpoints} open endpoints")
    ok = (
        ours_ok == len(truth)
        and ours_ok >= max(nmap_correct, default=0)
        and result.median("chwarden scan") < result.median("nmap -sV")
    )
    print("verdict:", "chwarden at least as accurate and faster" if ok else "NOT better than nmap on this run")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
