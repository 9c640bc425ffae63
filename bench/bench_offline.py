"""Offline audit of 1,000 generated config directories: median and p95 per directory.

Each directory is different: XML or YAML, 1-40 users with every auth kind, 0-6 config.d/users.d
override files using replace/remove, incl from a metrika.xml, from_env, clusters, log sections.
A baseline (only parsing every file with defusedxml/yaml, no merge, no facts, no checks) says
what merging, fact mapping and every check cost on top of parsing. One round is a pass over all
directories; the baseline pass and the audit pass alternate for ``--rounds`` rounds (A B A B,
``bench/interleave.py``), in one process after a warm-up audit (imports, check registry).
Printed: per-directory median/p95/max over every round, min/median of the passes, the ratios and
the machine load.

Run: .venv/bin/python bench/bench_offline.py [--dirs 1000] [--seed 7] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml
from defusedxml.ElementTree import parse as defused_parse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.interleave import Side, interleave, summary

from chwarden.audit import AuditOptions, audit_config

AUTH = (
    "<password></password>",
    "<password>plain-{n}</password>",
    "<password_sha256_hex>{h}</password_sha256_hex>",
    "<password_double_sha1_hex>{h40}</password_double_sha1_hex>",
    "<no_password/>",
)
NETWORKS = ("<ip>::/0</ip>", "<ip>127.0.0.1</ip>", "<ip>10.0.0.0/8</ip>", "<host>app{n}.example</host>", "")


def _user(rng: random.Random, n: int) -> str:
    auth = rng.choice(AUTH).format(n=n, h=f"{n:064x}", h40=f"{n:040x}")
    networks = rng.choice(NETWORKS).format(n=n)
    extra = "<access_management>1</access_management>" if rng.random() < 0.1 else ""
    dbs = f"<allow_databases><database>db{n}</database></allow_databases>" if rng.random() < 0.3 else ""
    return (
        f"<u{n}>{auth}<networks>{networks}</networks><profile>{rng.choice(['default', 'readonly'])}</profile>"
        f"<quota>default</quota>{extra}{dbs}</u{n}>"
    )


def _users_xml(rng: random.Random) -> str:
    users = "".join(_user(rng, n) for n in range(rng.randint(1, 40)))
    limits = "<max_memory_usage>10000000000</max_memory_usage>" if rng.random() < 0.5 else ""
    return (
        f"<clickhouse><profiles><default>{limits}</default><readonly><readonly>1</readonly></readonly></profiles>"
        f"<users><default><password></password><networks><ip>::/0</ip></networks><profile>default</profile>"
        f"<quota>default</quota></default>{users}</users>"
        "<quotas><default><interval><duration>3600</duration><queries>0</queries></interval></default></quotas>"
        "</clickhouse>"
    )


def _config_xml(rng: random.Random) -> str:
    parts = ["<logger><level>{}</level></logger>".format(rng.choice(["trace", "information", "warning"]))]
    parts += ["<http_port>8123</http_port>", "<tcp_port>9000</tcp_port>"]
    if rng.random() < 0.4:
        parts.append(
            "<https_port>8443</https_port><openSSL><server><certificateFile>c</certificateFile></server></openSSL>"
        )
    if rng.random() < 0.5:
        parts.append("<query_log><database>system</database><table>query_log</table></query_log>")
    if rng.random() < 0.3:
        parts.append('<remote_servers incl="clusters"/><include_from>metrika.xml</include_from>')
    if rng.random() < 0.2:
        parts.append('<display_name from_env="HOSTNAME"/>')
    return "<clickhouse>" + "".join(parts) + "</clickhouse>"


OVERRIDES = (
    "<clickhouse><listen_host>::</listen_host></clickhouse>",
    '<clickhouse><http_port remove="1"/></clickhouse>',
    '<clickhouse><logger replace="1"><level>warning</level></logger></clickhouse>',
    "<clickhouse><mysql_port>9004</mysql_port></clickhouse>",
    "<clickhouse><session_log><database>system</database></session_log></clickhouse>",
)
USER_OVERRIDES = (
    '<clickhouse><users><default><password remove="1"/><password_sha256_hex>{h}</password_sha256_hex>'
    "</default></users></clickhouse>",
    '<clickhouse><users><default><networks replace="replace"><ip>::1</ip></networks></default></users></clickhouse>',
    '<clickhouse><users><u0 remove="remove"/></users></clickhouse>',
)
METRIKA = (
    "<clickhouse><clusters><c><shard><replica><host>h</host><port>9000</port></replica></shard></c></clusters>"
    "</clickhouse>"
)


def make_dir(root: Path, index: int, rng: random.Random) -> Path:
    directory = root / f"d{index:04d}"
    (directory / "config.d").mkdir(parents=True)
    (directory / "users.d").mkdir()
    (directory / "config.xml").write_text(_config_xml(rng))
    users = _users_xml(rng)
    if rng.random() < 0.2:  # the YAML spelling of the same users file
        (directory / "users.yaml").write_text(yaml.safe_dump({"clickhouse": {"profiles": {"default": {}}}}))
        (directory / "users.d" / "from_xml.xml").write_text(users)
    else:
        (directory / "users.xml").write_text(users)
    for i in range(rng.randint(0, 3)):
        (directory / "config.d" / f"{i:02d}.xml").write_text(rng.choice(OVERRIDES))
    for i in range(rng.randint(0, 3)):
        (directory / "users.d" / f"{i:02d}.xml").write_text(rng.choice(USER_OVERRIDES).format(h="a" * 64))
    (directory / "metrika.xml").write_text(METRIKA)
    return directory


def baseline(directory: Path) -> None:
    for path in directory.rglob("*"):
        if path.suffix == ".xml":
            defused_parse(str(path))
        elif path.suffix == ".yaml":
            yaml.safe_load(path.read_bytes())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dirs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    options = AuditOptions()
    audit_ms: list[float] = []
    base_ms: list[float] = []
    findings: list[int] = []

    def parse_pass() -> float:
        started = time.perf_counter()
        for directory in dirs:
            one = time.perf_counter()
            baseline(directory)
            base_ms.append((time.perf_counter() - one) * 1000)
        return time.perf_counter() - started

    def audit_pass() -> float:
        started, count = time.perf_counter(), 0
        for directory in dirs:
            one = time.perf_counter()
            report, _ = audit_config(str(directory), options)
            audit_ms.append((time.perf_counter() - one) * 1000)
            count += len(report.findings)
        findings.append(count)
        return time.perf_counter() - started

    with tempfile.TemporaryDirectory(prefix="chwarden-bench-offline-") as tmp:
        dirs = [make_dir(Path(tmp), i, rng) for i in range(args.dirs)]
        audit_config(str(dirs[0]), options)  # warm imports and the check registry
        result = interleave([Side("parse only", parse_pass), Side("offline audit", audit_pass)], args.rounds)
    median, base_median = statistics.median(audit_ms), statistics.median(base_ms)
    print(f"directories: {len(dirs)}  findings per pass: {findings[-1]}")
    print(
        f"offline audit per directory (every round): median {median:.2f} ms, p95 {percentile(audit_ms, 0.95):.2f} ms, "
        f"max {max(audit_ms):.2f} ms"
    )
    print(
        f"parse only per directory (every round): median {base_median:.2f} ms, p95 {percentile(base_ms, 0.95):.2f} ms"
    )
    print(f"per-directory ratio audit/parse (medians): {median / base_median:.1f}x")
    summary(result, [("offline audit", "parse only")])
    print(f"target: median < 50 ms per directory: {'met' if median < 50 else 'MISSED'}")


if __name__ == "__main__":
    main()
