"""Target and port parsing of `chwarden scan`: every accepted form, the size limits, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from chwarden.clickhouse.ports import SCAN_PORTS
from chwarden.scan import read_credentials
from chwarden.scan.ports import PortSpecError, parse_ports
from chwarden.scan.targets import (
    HARD_LIMIT,
    LARGE_RANGE,
    ScanTarget,
    TargetSpecError,
    parse_masscan_json,
    parse_nmap_xml,
    parse_targets,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "scan"


def test_single_forms() -> None:
    targets = parse_targets(
        [
            "10.1.2.3",
            "ch.example.test",
            "10.1.2.4:9000",
            "[2001:db8::1]:8443",
            "2001:db8::2",
            "https://db.example.test:8444/play",
            "clickhouses://10.1.2.5",
        ]
    )
    assert targets == [
        ScanTarget("10.1.2.3", None, "10.1.2.3"),
        ScanTarget("ch.example.test", None, "ch.example.test"),
        ScanTarget("10.1.2.4", (9000,), "10.1.2.4:9000"),
        ScanTarget("2001:db8::1", (8443,), "[2001:db8::1]:8443"),
        ScanTarget("2001:db8::2", None, "2001:db8::2"),
        ScanTarget("db.example.test", (8444,), "https://db.example.test:8444/play"),
        ScanTarget("10.1.2.5", (9440,), "clickhouses://10.1.2.5"),
    ]


def test_cidr_skips_network_and_broadcast_and_merges_duplicates() -> None:
    targets = parse_targets(["192.0.2.0/29", "192.0.2.1:8123"])
    assert [t.host for t in targets] == [f"192.0.2.{i}" for i in range(1, 7)]
    assert targets[0].ports is None  # "all default ports" wins over one explicit port
    assert [t.host for t in parse_targets(["192.0.2.7/32"])] == ["192.0.2.7"]
    assert len(parse_targets(["2001:db8::/124"])) == 15


def test_ports_are_merged_for_one_host() -> None:
    (target,) = parse_targets(["10.0.0.1:8123", "10.0.0.1:9000", "10.0.0.1:8123"])
    assert target.ports == (8123, 9000)


def test_large_ranges_need_confirmation_and_have_a_hard_limit() -> None:
    assert len(parse_targets(["10.0.0.0/24"])) == 254
    with pytest.raises(TargetSpecError, match="--yes-large-range"):
        parse_targets(["10.0.0.0/23"])
    assert len(parse_targets(["10.0.0.0/23"], allow_large=True)) == 510
    with pytest.raises(TargetSpecError, match="masscan"):
        parse_targets(["10.0.0.0/8"], allow_large=True)
    assert LARGE_RANGE < HARD_LIMIT


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("10.0.0.0/33", "invalid CIDR"),
        ("300.1.2.3/24", "invalid CIDR"),
        ("10.0.0.1:99999", "invalid port"),
        ("10.0.0.1:http", "invalid port"),
        ("999.1.1.1", "invalid address"),
        ("bad host!", "invalid address"),
        ("ftp://x.example.test", "unsupported scheme"),
        ("http://user:pw@x.example.test", "password in a target URL"),
        ("", "empty target"),
        ("@/nonexistent/targets.txt", "cannot read target file"),
    ],
)
def test_bad_targets_are_clear_errors(spec: str, message: str) -> None:
    with pytest.raises(TargetSpecError, match=message):
        parse_targets([spec])


def test_target_file_with_comments(tmp_path: Path) -> None:
    listing = tmp_path / "targets.txt"
    listing.write_text("# production\n10.0.0.1\n\n10.0.0.2:9000  # native only\nch.example.test\n")
    assert [(t.host, t.ports) for t in parse_targets([f"@{listing}"])] == [
        ("10.0.0.1", None),
        ("10.0.0.2", (9000,)),
        ("ch.example.test", None),
    ]
    listing.write_text("10.0.0.1\n10.0.0.0/40\n")
    with pytest.raises(TargetSpecError, match=r"targets.txt:2: invalid CIDR"):
        parse_targets([f"@{listing}"])


def test_nmap_xml_import() -> None:
    targets = parse_targets([f"@{DATA / 'nmap-sample.xml'}"])
    assert [(t.host, t.ports) for t in targets] == [("192.0.2.10", (8123, 9000)), ("2001:db8::5", (9440,))]


def test_masscan_json_import() -> None:
    targets = parse_targets([f"@{DATA / 'masscan-sample.json'}"])
    assert [(t.host, t.ports) for t in targets] == [("192.0.2.20", (8123, 9000)), ("192.0.2.21", (9181,))]


def test_masscan_legacy_output_with_finished_marker() -> None:
    targets = parse_masscan_json((DATA / "masscan-legacy.json").read_text())
    assert [(t.host, t.ports) for t in targets] == [("192.0.2.30", (8123,))]  # the UDP record is ignored


def test_garbage_import_files() -> None:
    with pytest.raises(TargetSpecError, match="not valid nmap XML"):
        parse_nmap_xml("<nmaprun><host>")
    with pytest.raises(TargetSpecError, match="not nmap"):
        parse_nmap_xml("<html></html>")
    with pytest.raises(TargetSpecError, match="masscan"):
        parse_masscan_json("[ not json")
    with pytest.raises(TargetSpecError, match="expected a JSON list"):
        parse_masscan_json('"text"')


def test_nmap_xml_entities_are_refused() -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><nmaprun>&a;</nmaprun>'
    with pytest.raises(TargetSpecError):
        parse_nmap_xml(bomb)


def test_ports() -> None:
    assert parse_ports("default") == tuple(SCAN_PORTS)
    assert parse_ports("8123, 9000-9002,8123") == (8123, 9000, 9001, 9002)
    assert {8123, 8443, 9000, 9440, 9004, 9005, 9009, 9010, 9100, 9181, 9281, 9234, 2181, 9363, 9022} == set(SCAN_PORTS)
    for bad in ("", "http", "0", "70000", "9010-9000", "1-2000"):
        with pytest.raises(PortSpecError):
            parse_ports(bad)


def test_credentials_file_format() -> None:
    creds = read_credentials("# defaults\ndefault\ndefault:clickhouse\nadmin:a:b\n")
    assert [(c.user, c.password) for c in creds] == [("default", ""), ("default", "clickhouse"), ("admin", "a:b")]
    assert "clickhouse" not in repr(creds)
    with pytest.raises(TargetSpecError, match="no credential"):
        read_credentials("# nothing\n")
    with pytest.raises(TargetSpecError, match="at most"):
        read_credentials("\n".join(f"u{i}:p" for i in range(50)))
