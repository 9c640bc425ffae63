"""Who can reach a server: its listen addresses x each user's allowed networks x the port's protocol.

One model for every check and for ``assess``. Scopes, narrowest first:

* ``none``: nobody (a user whose ``<networks>`` admit no address, or a pre-20 user without any);
* ``loopback``: processes on the server host (``127.0.0.0/8``, ``::1``, ``localhost``);
* ``internal``: the internal network: private ranges (RFC 1918, ``fc00::/7``, link-local, the
  carrier-grade NAT range), a compose network or the cluster's pods, an exact host name or an
  anchored host regexp (DNS the operator controls);
* ``public``: listed networks that hold public addresses (a partner's range), not every address;
* ``any``: every address (``::/0``, ``HOST ANY``, an unanchored or match-all regexp, a pre-19 IPv4
  ``a.b.c.d/NN``, no ``<networks>`` on 20.x+), or, for a listener, every network the host is on
  (a wildcard or public listen address, a port published on every host interface).

A listener's scope comes from the listen addresses of its port (``listen_host``, the interserver
port's ``interserver_listen_host``, a ``<protocols>`` entry's own ``host``), narrowed for a container
by how its deployment publishes the port (``PortExposure``, issue 21): a server listening on every
interface of a container whose port is not published is reachable from the compose network only.
A user reaches a client port when both admit it: the scope is the narrower of the two.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import Literal

from chwarden.analysis.server_config import config_known, unresolved_under
from chwarden.analysis.versions import version_at_least
from chwarden.clickhouse.features import CLICKHOUSE_ROOT_SINCE, IPV4_PREFIXES_MATCH_SINCE, NETWORKS_DEFAULT_ANY_SINCE
from chwarden.facts import PortExposure, Snapshot, UserFacts
from chwarden.model import Location

Scope = Literal["none", "loopback", "internal", "public", "any"]
SCOPE_RANK: dict[str, int] = {"none": 0, "loopback": 1, "internal": 2, "public": 3, "any": 4}
SCOPE_LABELS: dict[str, str] = {
    "none": "nobody",
    "loopback": "processes on the server host only",
    "internal": "the internal network (private addresses, the deployment's own network)",
    "public": "listed outside networks",
    "any": "any network the server faces, the internet included",
}

Net = ipaddress.IPv4Network | ipaddress.IPv6Network
LOOPBACK_NETS: tuple[Net, ...] = (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128"))
INTERNAL_NETS: tuple[Net, ...] = tuple(
    ipaddress.ip_network(n)
    for n in (
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "169.254.0.0/16",  # link-local
        "100.64.0.0/10",  # carrier-grade NAT: not routed on the internet
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
    )
)
LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
WILDCARD_ADDRESSES = frozenset({"::", "0.0.0.0", "::0", "0:0:0:0:0:0:0:0", "*", "[::]"})
MATCH_ALL_PATTERNS = frozenset({".*", "^.*$", ".+", "^.*", "^.+$", ".*$", "^.+", "%"})
_IPV4_PREFIX = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}/\d{1,2}$")


def widest(scopes: list[Scope]) -> Scope:
    return max(scopes, key=lambda s: SCOPE_RANK[s], default="none")


def narrower(a: Scope, b: Scope) -> Scope:
    return a if SCOPE_RANK[a] <= SCOPE_RANK[b] else b


def beyond_loopback(scope: Scope | None) -> bool:
    return scope is not None and SCOPE_RANK[scope] >= SCOPE_RANK["internal"]


def parse_network(text: str) -> Net | None:
    """``10.0.0.0/8``, ``10.0.0.0/255.0.0.0``, ``::ffff:10.0.0.0/104`` or an address; None if not one."""
    try:
        net: Net = ipaddress.ip_network(text.strip().strip("[]"), strict=False)
    except ValueError:
        return None
    if isinstance(net, ipaddress.IPv6Network) and net.prefixlen >= 96:
        mapped = net.network_address.ipv4_mapped
        if mapped is not None:  # ::ffff:a.b.c.d/N is how ClickHouse matches IPv4 clients
            return ipaddress.ip_network(f"{mapped}/{net.prefixlen - 96}", strict=False)
    return net


def _within(net: Net, ranges: tuple[Net, ...]) -> bool:
    return any(net.version == r.version and net.subnet_of(r) for r in ranges)  # type: ignore[arg-type]


def network_scope(net: Net) -> Scope:
    """Whom an allowed network admits."""
    if net.prefixlen == 0:
        return "any"
    if _within(net, LOOPBACK_NETS):
        return "loopback"
    if _within(net, INTERNAL_NETS):
        return "internal"
    return "public"


def address_scope(text: str) -> Scope:
    """Whom a listen address serves: a wildcard or public address every network the host is on."""
    value = text.strip().lower()
    if value in WILDCARD_ADDRESSES:
        return "any"
    if value in LOCAL_NAMES:
        return "loopback"
    net = parse_network(value)
    if net is None:
        return "internal"  # a host name: its address is not known offline
    scope = network_scope(net)
    return "any" if scope == "public" else scope


def is_loopback_network(text: str) -> bool:
    """127.0.0.0/8 (any address or subnet of it), ::1 and localhost: this machine only."""
    value = text.strip().lower()
    if value in LOCAL_NAMES:
        return True
    net = parse_network(value)
    return net is not None and network_scope(net) == "loopback"


# ---- users: which client addresses an account admits -------------------------------------------


def legacy_prefixes_match_all(snapshot: Snapshot) -> bool | None:
    """Whether ``a.b.c.d/NN`` admits every client (an 18.x server bug); None when the version is unknown."""
    at_least = version_at_least(snapshot, IPV4_PREFIXES_MATCH_SINCE)
    if at_least is None and inferred_at_least(snapshot, IPV4_PREFIXES_MATCH_SINCE):
        return False
    return None if at_least is None else not at_least


def inferred_at_least(snapshot: Snapshot, since: tuple[int, ...]) -> bool:
    """What the config's own form proves about the version: a ``<clickhouse>`` root is 22.1 or later."""
    inputs = snapshot.inputs
    return bool(inputs and "clickhouse" in inputs.root_elements) and since <= CLICKHOUSE_ROOT_SINCE


def networks_default(snapshot: Snapshot) -> Scope | None:
    """Whom a users.xml user without ``<networks>`` admits: everyone on 20.x+, nobody before; None: unknown."""
    at_least = version_at_least(snapshot, NETWORKS_DEFAULT_ANY_SINCE)
    if at_least is None and inferred_at_least(snapshot, NETWORKS_DEFAULT_ANY_SINCE):
        at_least = True
    if at_least is None:
        return None
    return "any" if at_least else "none"


NO_NETWORKS_UNKNOWN = (
    "no <networks>: on 20.x and later the user may connect from every address, on 18.x from none; the "
    "server version is unknown (give --server-version, or audit the live server)"
)


def _regexp_scope(pattern: str) -> Scope:
    text = pattern.strip()
    if text in MATCH_ALL_PATTERNS or not text.endswith("$"):
        return "any"  # an unanchored regexp also matches names an attacker's PTR record chooses
    if re.fullmatch(r"\^?(localhost|localhost\\\.localdomain)\$", text):
        return "loopback"
    return "internal"


def user_scope(snapshot: Snapshot, user: UserFacts) -> Scope | None:
    """Whom ``user`` admits (its networks, version-aware); None when that depends on an unknown version."""
    if not user.networks_known:
        # users.xml without <networks> (config files say so); any other user: only the login is known
        return networks_default(snapshot) if user.storage == "users_xml" else None
    scopes: list[Scope] = ["loopback"] if user.host_local else []
    legacy = legacy_prefixes_match_all(snapshot)
    for text in user.host_ip:
        net = parse_network(text)
        if text.strip().lower() in WILDCARD_ADDRESSES:
            scopes.append("any")  # read as "every address", as chwarden always has
        elif net is None:
            scopes.append("any" if text.strip() in ("", "%") else "internal")
        elif legacy and isinstance(net, ipaddress.IPv4Network) and _IPV4_PREFIX.match(text.strip()):
            scopes.append("any")
        else:
            scopes.append(network_scope(net))
    scopes += ["loopback" if h.strip().lower() in LOCAL_NAMES else "internal" for h in user.host_names]
    scopes += [_regexp_scope(r) for r in user.host_names_regexp]
    scopes += ["any" if like.strip() == "%" else "internal" for like in user.host_names_like]
    return widest(scopes)


def refused_everywhere(snapshot: Snapshot, user: UserFacts) -> bool:
    """A users.xml user no address may use: `<networks>` that list nothing, or none on 18.x."""
    return user.storage == "users_xml" and user_scope(snapshot, user) == "none"


def user_scope_reason(snapshot: Snapshot, user: UserFacts) -> str:
    """Why ``user_scope`` is None (for a not_checked entry)."""
    if user.storage != "users_xml" and not user.networks_known:
        return "the hosts this user may connect from are not known"
    return NO_NETWORKS_UNKNOWN


# ---- listeners: which ports the server opens, and to whom -----------------------------------------

PortKind = Literal["client", "interserver", "keeper", "metrics"]


@dataclass(frozen=True)
class PortSpec:
    key: str  # config key (dotted)
    protocol: str
    kind: PortKind
    tls: bool


PORT_SPECS: tuple[PortSpec, ...] = (
    PortSpec("http_port", "http", "client", False),
    PortSpec("https_port", "https", "client", True),
    PortSpec("tcp_port", "native", "client", False),
    PortSpec("tcp_port_secure", "native_tls", "client", True),
    PortSpec("mysql_port", "mysql", "client", False),
    PortSpec("postgresql_port", "postgresql", "client", False),
    PortSpec("grpc_port", "grpc", "client", False),
    PortSpec("tcp_with_proxy_port", "native_proxy", "client", False),
    PortSpec("interserver_http_port", "interserver", "interserver", False),
    PortSpec("interserver_https_port", "interserver_https", "interserver", True),
    PortSpec("keeper_server.tcp_port", "keeper", "keeper", False),
    PortSpec("keeper_server.tcp_port_secure", "keeper_tls", "keeper", True),
    PortSpec("prometheus.port", "prometheus", "metrics", False),
)
CLIENT_PORT_KEYS = tuple(s.key for s in PORT_SPECS if s.kind == "client")
LOOPBACK_DEFAULT = ("::1", "127.0.0.1")  # what a server without listen_host binds


@dataclass(frozen=True)
class Listener:
    """One open port and who can reach it."""

    key: str
    port: int
    protocol: str
    kind: PortKind
    tls: bool
    addresses: tuple[str, ...]
    scope: Scope
    exposure: str | None = None  # how a deployment publishes it, when it is a container
    location: Location | None = None
    published: bool | None = None  # a container's port: published beyond the deployment's network

    @property
    def deployment_only(self) -> bool:
        """A container port only the deployment's own network (or the container) reaches."""
        return self.published is False

    @property
    def client(self) -> bool:
        return self.kind == "client"


def _port(snapshot: Snapshot, key: str) -> tuple[int, Location | None] | None:
    value = (snapshot.server_config or {}).get(key)
    text = value.value.strip() if value is not None else ""
    if not text.isdigit() or text == "0":
        return None
    return int(text), value.location if value is not None else None


def listen_addresses(snapshot: Snapshot, key: str = "listen_host") -> tuple[str, ...]:
    value = (snapshot.server_config or {}).get(key)
    hosts = tuple(h.strip() for h in (value.values if value is not None else []) if h.strip())
    return hosts


def _exposures(snapshot: Snapshot) -> list[PortExposure]:
    deployment = snapshot.deployment
    if deployment is None:
        return []
    return [*deployment.exposure, *(e for c in deployment.containers for e in c.exposure)]


def _exposure_scope(exposure: PortExposure) -> Scope:
    if exposure.scope == "address":
        return address_scope(exposure.host_ip) if exposure.host_ip else "internal"
    scopes: dict[str, Scope] = {"any": "any", "loopback": "loopback", "internal": "internal"}
    return scopes[exposure.scope]


def _container_scope(snapshot: Snapshot, port: int, inside: Scope) -> tuple[Scope, str, bool]:
    """A container's port: loopback inside it stays there; otherwise its publication decides."""
    if inside == "loopback":
        return "loopback", "the container's own loopback", False
    published = [e for e in _exposures(snapshot) if e.container_port == port]
    if not published:
        return "internal", "not published: the deployment's own network only", False
    chosen = max(published, key=lambda e: SCOPE_RANK[_exposure_scope(e)])
    return _exposure_scope(chosen), chosen.via, True


def listeners(snapshot: Snapshot) -> list[Listener] | None:
    """Every port the config opens with its reach; None when the config is unknown."""
    if not config_known(snapshot) or unresolved_under(snapshot, "listen_host"):
        return None  # the addresses are not known (a from_env/from_zk listen_host counts as unknown)
    default_hosts = listen_addresses(snapshot) or LOOPBACK_DEFAULT
    interserver_hosts = listen_addresses(snapshot, "interserver_listen_host") or default_hosts
    found: list[Listener] = []
    for spec in PORT_SPECS:
        port = _port(snapshot, spec.key)
        if port is None:
            continue
        hosts = interserver_hosts if spec.kind == "interserver" else default_hosts
        found.append(_listener(snapshot, spec, port[0], hosts, port[1]))
    found.extend(_protocol_listeners(snapshot, default_hosts))
    return found


def _listener(
    snapshot: Snapshot, spec: PortSpec, port: int, hosts: tuple[str, ...], location: Location | None
) -> Listener:
    scope = widest([address_scope(h) for h in hosts])
    exposure, published = None, None
    if snapshot.deployment is not None:
        scope, exposure, published = _container_scope(snapshot, port, scope)
    return Listener(spec.key, port, spec.protocol, spec.kind, spec.tls, hosts, scope, exposure, location, published)


PROTOCOL_TYPES = {"http": "http", "tcp": "native", "mysql": "mysql", "postgres": "postgresql", "grpc": "grpc"}


def _protocol_listeners(snapshot: Snapshot, default_hosts: tuple[str, ...]) -> list[Listener]:
    """``<protocols>`` entries (composable listeners): their own port, host and TLS layer."""
    config = snapshot.server_config or {}
    names = sorted({k.split(".")[1] for k in config if k.startswith("protocols.") and k.count(".") >= 2})
    found: list[Listener] = []
    for name in names:
        port = _port(snapshot, f"protocols.{name}.port")
        kind = config.get(f"protocols.{name}.type") or config.get(f"protocols.{name}.impl")
        if port is None or kind is None:
            continue
        protocol = PROTOCOL_TYPES.get(kind.value.strip().lower())
        if protocol is None:
            continue
        layers = {(v.value or "").strip().lower() for k, v in config.items() if k.startswith(f"protocols.{name}.")}
        hosts = listen_addresses(snapshot, f"protocols.{name}.host") or default_hosts
        spec = PortSpec(f"protocols.{name}.port", protocol, "client", "tls" in layers)
        found.append(_listener(snapshot, spec, port[0], hosts, port[1]))
    return found


def client_listeners(snapshot: Snapshot) -> list[Listener] | None:
    found = listeners(snapshot)
    return None if found is None else [x for x in found if x.client]


def client_scope(snapshot: Snapshot, *, published_only: bool = False) -> Scope | None:
    """The widest reach of a client port; from a live connection when the config is unknown.

    ``published_only``: leave out container ports the deployment does not publish (issue 21 weighs
    some findings by what reaches the server from outside its deployment).
    """
    found = client_listeners(snapshot)
    if found is not None:
        kept = [x for x in found if not (published_only and x.deployment_only)]
        return widest([x.scope for x in kept]) if kept or not found else "loopback"
    return connection_scope(snapshot)


def connection_scope(snapshot: Snapshot) -> Scope | None:
    """What a live audit proved by connecting: the server answers on that address (loopback proves
    nothing about other interfaces)."""
    host = snapshot.connection.host
    if snapshot.connection.kind not in ("live",) or not host or parse_network(host) is None:
        return None  # a host name: its address (and so whom it serves) is not known here
    scope = address_scope(host)
    return scope if scope != "loopback" else None


def user_reach(snapshot: Snapshot, user: UserFacts, *, published_only: bool = False) -> Scope | None:
    """Who can log in as ``user`` on some client port: the narrower of its networks and the listeners."""
    admitted = user_scope(snapshot, user)
    listening = client_scope(snapshot, published_only=published_only)
    if admitted is None or listening is None:
        return None
    return narrower(admitted, listening)
