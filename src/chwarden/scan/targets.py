"""What to scan: hosts, addresses, CIDRs, host:port, URLs, ``@file`` lists and port-scanner results.

``@FILE`` reads one target per line (``#`` comments), or, recognised by content, the XML of
``nmap -oX``, the JSON of ``masscan -oJ`` or the CSV of ``zmap -O csv``: their open ports are probed
directly, so discovery at internet scale stays with those tools (``scan.shard`` splits a range
across machines when chwarden itself walks it). Ranges above ``LARGE_RANGE`` addresses need an
explicit confirmation; ``HARD_LIMIT`` is never exceeded. Parsing does no DNS: names are resolved
by the scanner, so an unresolvable name becomes a failed target, not a crash.
"""

from __future__ import annotations

import csv
import io
import ipaddress
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from chwarden.clickhouse.ports import SCAN_PORTS
from chwarden.errors import InputError
from chwarden.inputfiles import InputFileError, read_capped_text
from chwarden.sources.network.scanner import ScanTarget

LARGE_RANGE = 256  # a /24: more needs --yes-large-range
HARD_LIMIT = 65_536  # a /16: beyond that, use masscan and import its results
MAX_FILE_BYTES = 50 * 1024 * 1024
URL_PORTS = {"http": 8123, "https": 8443, "clickhouse": 9000, "clickhouses": 9440, "tcp": 9000}
_HOSTNAME = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_-]{1,63})*\.?$")


class TargetSpecError(InputError, ValueError):
    """A target could not be understood, or the range is too large (exit code 2)."""


def parse_targets(specs: Iterable[str], *, allow_large: bool = False) -> list[ScanTarget]:
    """Every target of ``specs`` in order, merged per host; raises TargetSpecError on bad input."""
    merged: dict[str, ScanTarget] = {}
    count = 0
    for spec in specs:
        for target in expand_spec(spec.strip()):
            count += 1
            if count > HARD_LIMIT:
                raise TargetSpecError(
                    f"more than {HARD_LIMIT} addresses: too large for chwarden; "
                    "discover open ports with masscan -oJ and scan @results.json"
                )
            merged[target.host] = merge_target(merged.get(target.host), target)
    if not merged:
        raise TargetSpecError("no target given")
    if len(merged) > LARGE_RANGE and not allow_large:
        raise TargetSpecError(
            f"{len(merged)} addresses to scan (more than {LARGE_RANGE}); add --yes-large-range to confirm"
        )
    return list(merged.values())


def merge_target(old: ScanTarget | None, new: ScanTarget) -> ScanTarget:
    if old is None:
        return new
    if old.ports is None or new.ports is None:
        return ScanTarget(old.host, None, old.source)
    return ScanTarget(old.host, tuple(dict.fromkeys(old.ports + new.ports)), old.source)


def expand_spec(spec: str) -> Iterator[ScanTarget]:
    if not spec:
        raise TargetSpecError("empty target")
    if spec.startswith("@"):
        yield from read_target_file(Path(spec[1:]))
        return
    if "://" in spec:
        yield _from_url(spec)
        return
    if "/" in spec:
        yield from _from_cidr(spec)
        return
    host, port = _split_host_port(spec)
    yield ScanTarget(_host(host, spec), (port,) if port else None, spec)


def _from_url(spec: str) -> ScanTarget:
    parts = urlsplit(spec)
    scheme = parts.scheme.lower()
    if scheme not in URL_PORTS:
        raise TargetSpecError(f"unsupported scheme {scheme!r} in {spec!r} (use {', '.join(URL_PORTS)})")
    if parts.password is not None:
        raise TargetSpecError("a password in a target URL is refused: use --try-credentials FILE")
    if not parts.hostname:
        raise TargetSpecError(f"no host in {spec!r}")
    try:
        port = parts.port or URL_PORTS[scheme]
    except ValueError as exc:
        raise TargetSpecError(f"invalid port in {spec!r}") from exc
    return ScanTarget(_host(parts.hostname, spec), (port,), spec)


def _from_cidr(spec: str) -> Iterator[ScanTarget]:
    try:
        network = ipaddress.ip_network(spec, strict=False)
    except ValueError as exc:
        raise TargetSpecError(f"invalid CIDR {spec!r}: {exc}") from exc
    if network.num_addresses > HARD_LIMIT:
        raise TargetSpecError(
            f"{spec} holds {network.num_addresses} addresses, more than chwarden scans ({HARD_LIMIT}); "
            "discover open ports with masscan -oJ and scan @results.json"
        )
    hosts = network.hosts() if network.num_addresses > 2 else iter(network)
    for address in hosts:
        yield ScanTarget(str(address), None, spec)


def _split_host_port(spec: str) -> tuple[str, int | None]:
    """``host``, ``host:port``, ``[v6]:port`` or a bare IPv6 address."""
    if spec.startswith("["):
        host, sep, rest = spec[1:].partition("]")
        if not sep or (rest and not rest.startswith(":")):
            raise TargetSpecError(f"invalid target {spec!r}")
        return host, _port(rest[1:], spec) if rest else None
    if spec.count(":") == 1:
        host, _, port = spec.partition(":")
        return host, _port(port, spec)
    return spec, None


def _port(text: str, spec: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise TargetSpecError(f"invalid port in {spec!r}")
    return int(text)


def _host(host: str, spec: str) -> str:
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    if re.fullmatch(r"[\d.]+", host) or not _HOSTNAME.match(host):
        raise TargetSpecError(f"invalid address or host name {host!r} in {spec!r}")
    return host.rstrip(".").lower()


# --------------------------------------------------------------------------- files


def read_target_file(path: Path) -> list[ScanTarget]:
    """A target list, an nmap XML, a masscan JSON or a ZMap CSV file, recognised by its content."""
    try:
        text = read_capped_text(path, MAX_FILE_BYTES, "target file")
    except InputFileError as exc:
        raise TargetSpecError(str(exc)) from exc
    head = text.lstrip()[:512]
    if head.startswith("<"):
        return parse_nmap_xml(text, str(path))
    if head.startswith(("[", "{")):
        return parse_masscan_json(text, str(path))
    if "saddr" in [field.strip() for field in head.split("\n", 1)[0].split(",")]:
        return parse_zmap_csv(text, str(path))
    targets: list[ScanTarget] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("@"):
            raise TargetSpecError(f"{path}:{number}: nested @file lists are not followed")
        try:
            targets.extend(expand_spec(line))
        except TargetSpecError as exc:
            raise TargetSpecError(f"{path}:{number}: {exc}") from exc
    return targets


def parse_nmap_xml(text: str, origin: str = "nmap XML") -> list[ScanTarget]:
    """Open TCP ports of every host in ``nmap -oX`` output (hosts without open ports are skipped)."""
    try:
        root = SafeET.fromstring(text)
    except (SafeET.ParseError, DefusedXmlException) as exc:
        raise TargetSpecError(f"{origin} is not valid nmap XML: {exc}") from exc
    if root.tag != "nmaprun":
        raise TargetSpecError(f"{origin}: XML root is <{root.tag}>, not nmap's <nmaprun>")
    targets: list[ScanTarget] = []
    for host in root.iter("host"):
        address = next((a.get("addr") for a in host.iter("address") if a.get("addrtype") in ("ipv4", "ipv6")), None)
        ports = tuple(
            int(p.get("portid", "0"))
            for p in host.iter("port")
            if p.get("protocol", "tcp") == "tcp"
            and (p.find("state") is not None)
            and p.find("state").get("state") == "open"  # type: ignore[union-attr]
        )
        if address and ports:
            targets.append(ScanTarget(_host(address, origin), ports, origin))
    return targets


def parse_masscan_json(text: str, origin: str = "masscan JSON") -> list[ScanTarget]:
    """Open TCP ports from ``masscan -oJ`` (also its older, not-quite-JSON output)."""
    try:
        records = json.loads(text)
    except json.JSONDecodeError:
        records = _lenient_masscan(text, origin)
    if isinstance(records, dict):
        records = [records]
    if not isinstance(records, list):
        raise TargetSpecError(f"{origin}: expected a JSON list of masscan records")
    by_host: dict[str, list[int]] = {}
    for record in records:
        if not isinstance(record, dict) or "ip" not in record:
            continue
        for port in record.get("ports") or []:
            if not isinstance(port, dict):
                continue
            if port.get("proto", "tcp") == "tcp" and port.get("status", "open") == "open":
                try:
                    by_host.setdefault(_host(str(record["ip"]), origin), []).append(int(port["port"]))
                except (KeyError, TypeError, ValueError) as exc:
                    raise TargetSpecError(f"{origin}: bad port entry {port!r}") from exc
    return [ScanTarget(host, tuple(dict.fromkeys(ports)), origin) for host, ports in by_host.items()]


def parse_zmap_csv(text: str, origin: str = "ZMap CSV") -> list[ScanTarget]:
    """Hosts that answered in ``zmap -O csv`` output (header line of field names, ``saddr`` required).

    ``saddr`` is the address that answered; ``sport`` (when present) the port it answered from,
    i.e. the scanned port; rows with ``success`` 0 (a RST) or ``repeat`` 1 (a duplicate answer) are
    skipped. Without ``sport`` the scan's own ports (``--ports``) are probed on each host.
    """
    reader = csv.DictReader(io.StringIO(text))
    fields = reader.fieldnames or []
    if "saddr" not in fields:
        raise TargetSpecError(f"{origin}: a ZMap CSV needs a header line with saddr")
    by_host: dict[str, list[int] | None] = {}
    for number, row in enumerate(reader, 2):
        if row.get("success", "1").strip() != "1" or row.get("repeat", "0").strip() == "1":
            continue
        try:
            host = _host((row.get("saddr") or "").strip(), origin)
            port = _port((row.get("sport") or "").strip(), origin) if "sport" in fields else None
        except TargetSpecError as exc:
            raise TargetSpecError(f"{origin}:{number}: {exc}") from exc
        ports = by_host.setdefault(host, [] if port is not None else None)
        if ports is not None and port is not None:
            ports.append(port)
    return [ScanTarget(host, tuple(dict.fromkeys(p)) if p else None, origin) for host, p in by_host.items()]


def _lenient_masscan(text: str, origin: str) -> list[object]:
    """Old masscan wrote a trailing comma and ``{finished: 1}``: parse record by record."""
    records: list[object] = []
    for line in text.splitlines():
        line = line.strip().rstrip(",")
        if not line.startswith("{") or "finished" in line:
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise TargetSpecError(f"{origin} is not masscan -oJ output: {exc}") from exc
    if not records:
        raise TargetSpecError(f"{origin} is neither a target list nor masscan -oJ output")
    return records


def default_ports() -> tuple[int, ...]:
    return tuple(SCAN_PORTS)
