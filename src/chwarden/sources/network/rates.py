"""How fast the scanner may open connections, by where they go.

A rate limit protects the networks a scan crosses and the hosts in them, not chwarden: so the
default depends on the address a connection goes to, decided per connection after name
resolution (a name is paced like the address it resolves to).

* ``loopback`` (127.0.0.0/8, ::1): unlimited. The packets never leave this machine; the only
  bound that matters is how many connections are open at once (``--concurrency``).
* ``private`` (RFC 1918 10/8, 172.16/12, 192.168/16, link-local 169.254/16 and fe80::/10,
  unique-local fc00::/7): 2,000 new connections per second. The operator's own network: a LAN
  takes thousands of connection attempts per second, and a /24 on every ClickHouse port
  (3,810 probes) then takes about 2 s.
* ``public``: everything else, including carrier-grade NAT (100.64/10, shared with other
  customers of a provider) and addresses that are in no list: 500 new connections per second,
  the rate chwarden always used. Slow enough not to flood a provider's range or trip abuse
  detection on a /16, fast enough that one host's 15 ports take no noticeable time.

Each class has its own pacer, so loopback or LAN probes never speed up the public ones.
``--rate`` replaces the whole policy with one limit for every connection (0 = unlimited).
"""

from __future__ import annotations

import functools
import ipaddress
from dataclasses import dataclass, field
from typing import Literal

AddressClass = Literal["loopback", "private", "public"]

DEFAULT_RATES: dict[AddressClass, float] = {"loopback": 0.0, "private": 2000.0, "public": 500.0}

_PRIVATE = tuple(
    ipaddress.ip_network(n)
    for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "fc00::/7", "fe80::/10")
)


@functools.lru_cache(maxsize=4096)  # asked once per connection; a scan has at most 65,536 hosts
def address_class(address: str) -> AddressClass:
    """``loopback``, ``private`` or ``public`` for an IP address; anything unparsable is public."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # fe80::1%eth0: the zone is not part of it
    except ValueError:
        return "public"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "loopback"
    if any(ip in network for network in _PRIVATE if network.version == ip.version):
        return "private"
    return "public"


@dataclass(frozen=True)
class RatePolicy:
    """New connections per second for each address class (0 = unlimited)."""

    rates: dict[AddressClass, float] = field(default_factory=lambda: dict(DEFAULT_RATES))
    uniform: bool = False  # one limit shared by every connection (``--rate``)

    @classmethod
    def of(cls, rate: float | None) -> RatePolicy:
        """The default policy for ``None``, one shared limit for an explicit ``--rate``."""
        if rate is None:
            return cls()
        return cls(dict.fromkeys(DEFAULT_RATES, rate), uniform=True)

    def pacer_key(self, address: str) -> AddressClass | Literal["all"]:
        """Which pacer a connection to ``address`` waits on."""
        return "all" if self.uniform else address_class(address)

    def rate_for(self, address: str) -> float:
        return self.rates[address_class(address)]


def describe(pacing: dict[str, float]) -> str:
    """``loopback unlimited, public 500/s``: the limits a run used, for its summary line."""
    return ", ".join(f"{key} {'unlimited' if rate <= 0 else f'{rate:g}/s'}" for key, rate in pacing.items()) or "none"
