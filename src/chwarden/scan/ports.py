"""``--ports`` parsing: a list and ranges of ports, ``default`` for every port ClickHouse can open."""

from __future__ import annotations

from chwarden.clickhouse.ports import SCAN_PORTS
from chwarden.errors import InputError

MAX_PORTS = 1024


class PortSpecError(InputError, ValueError):
    """``--ports`` could not be understood."""


def parse_ports(text: str) -> tuple[int, ...]:
    """``8123,9000-9010`` -> ports in order; ``default`` stands for the standard set."""
    ports: list[int] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        if part == "default":
            ports.extend(SCAN_PORTS)
            continue
        low, sep, high = part.partition("-")
        try:
            first, last = int(low), int(high) if sep else int(low)
        except ValueError as exc:
            raise PortSpecError(f"invalid port {part!r} in --ports (use e.g. 8123,9000-9010)") from exc
        if not (1 <= first <= last <= 65535):
            raise PortSpecError(f"port range {part!r} is outside 1-65535")
        ports.extend(range(first, last + 1))
    unique = tuple(dict.fromkeys(ports))
    if not unique:
        raise PortSpecError("--ports names no port")
    if len(unique) > MAX_PORTS:
        raise PortSpecError(f"--ports names {len(unique)} ports; at most {MAX_PORTS} (use masscan for port discovery)")
    return unique
