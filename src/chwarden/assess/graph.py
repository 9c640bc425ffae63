"""The attack graph's nodes: who can reach the server, on which endpoint, as whom, to what data.

Each node carries the factor it contributes to a path's likelihood (network reach, endpoint,
authentication) or impact (data). Nodes have stable ids so the same user or table drawn on many
paths is one node of the picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chwarden.analysis.principals import is_passwordless
from chwarden.analysis.reach import PORT_SPECS, SCOPE_LABELS, client_scope, narrower, user_scope
from chwarden.facts import Snapshot, UserFacts
from chwarden.model import Endpoint

# Likelihood that an attacker gets in as a principal, by how it authenticates.
AUTH_FACTORS: tuple[tuple[frozenset[str], str, float], ...] = (
    (frozenset({"no_password"}), "no password", 1.0),
    (frozenset({"plaintext_password"}), "plaintext password", 0.6),
    (frozenset({"sha256_password", "double_sha1_password"}), "unsalted password hash", 0.4),
    (frozenset({"scram_sha256_password", "bcrypt_password"}), "salted password hash", 0.3),
    (frozenset({"ldap", "kerberos", "ssl_certificate", "ssh_key", "jwt", "http"}), "external authentication", 0.2),
)
UNKNOWN_AUTH = ("authentication unknown", 0.4)
REACH_FACTORS = {"any": 1.0, "unknown": 0.7, "listed": 0.5, "internal": 0.4, "loopback": 0.1, "none": 0.0}
TLS_FACTOR = 0.9  # a password cannot be sniffed on the way
LOGIN_PROTOCOLS = ("http", "https", "native", "native_tls")


@dataclass(frozen=True)
class Step:
    """One node on a path, as it appears in the report's ``steps``."""

    kind: str  # network | endpoint | principal | role | table | data
    id: str
    label: str
    factor: float = 1.0
    detail: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "label": self.label, "factor": round(self.factor, 3), **self.detail}


def _target_key(snapshot: Snapshot) -> str:
    return snapshot.target


def reach_step(snapshot: Snapshot, user: UserFacts) -> Step:
    """Where an attacker must be to log in as ``user``: its networks x what the server listens on.

    Issue 13: the one reach model of ``analysis/reach.py`` (loopback = 127.0.0.0/8 and ::1, private
    ranges = the internal network, version-aware networks, listen_host and published ports), so a
    loopback-only server is never "anyone on the internet".
    """
    key = _target_key(snapshot)
    admitted = user_scope(snapshot, user)
    if admitted is None:
        return Step("network", f"net:{key}:unknown", "clients on networks not known", REACH_FACTORS["unknown"])
    listening = client_scope(snapshot)
    scope = narrower(admitted, listening) if listening is not None else admitted
    detail: dict[str, Any] = {"user_networks": admitted, "server_listens": listening or "unknown"}
    if scope == "any":
        return Step("network", "net:any", "anyone on the internet", REACH_FACTORS["any"], {"reach": "any", **detail})
    if scope in ("loopback", "none"):
        label = "local processes on the server host" if scope == "loopback" else "nobody (no network admitted)"
        return Step("network", f"net:{key}:{scope}", label, REACH_FACTORS[scope], {"reach": scope, **detail})
    nets = [*user.host_ip, *user.host_names, *user.host_names_regexp, *user.host_names_like]
    shown = ", ".join(nets[:3]) + (" ..." if len(nets) > 3 else "")
    if scope == "internal":
        label = f"clients on the internal network ({shown})" if shown else SCOPE_LABELS["internal"]
        return Step(
            "network",
            f"net:{key}:internal:" + ",".join(sorted(nets)),
            label,
            REACH_FACTORS["internal"],
            {"reach": "internal", "networks": nets, **detail},
        )
    return Step(
        "network",
        f"net:{key}:" + ",".join(sorted(nets)),
        f"clients in {shown or 'listed networks'}",
        REACH_FACTORS["listed"],
        {"reach": "listed", "networks": nets, **detail},
    )


def auth_step(snapshot: Snapshot, user: UserFacts, reach: Step) -> Step:
    """The principal, with how hard it is to log in as it."""
    anonymous = is_passwordless(user) or (
        user.name == "default" and any(a.accepted for a in snapshot.anonymous_login or [])
    )
    if anonymous:
        how, factor = "no password", 1.0
    else:
        how, factor = UNKNOWN_AUTH
        for types, label, value in AUTH_FACTORS[1:]:
            if types & set(user.auth_types):
                how, factor = label, value
                break
    hosts = {
        "any": "any host",
        "public": "listed public hosts",
        "internal": "internal hosts",
        "listed": "listed hosts",
        "loopback": "local only",
    }.get(str(reach.detail.get("reach")), "hosts unknown")
    name = "anonymous → user default" if anonymous and user.name == "default" else f"user {user.name}"
    return Step(
        "principal",
        f"user:{_target_key(snapshot)}:{user.name}",
        f"{name} ({how}, {hosts})",
        factor,
        {"user": user.name, "auth": how, "anonymous": anonymous, "auth_types": list(user.auth_types)},
    )


def endpoint_steps(snapshot: Snapshot) -> list[Step]:
    """Login endpoints of the target (probed ports, else the one chwarden used)."""
    endpoints = [e for e in snapshot.endpoints or [] if e.clickhouse and e.protocol in LOGIN_PROTOCOLS]
    if not endpoints and snapshot.connection.host and snapshot.connection.port:
        endpoints = [
            Endpoint(
                host=snapshot.connection.host,
                port=snapshot.connection.port,
                protocol=snapshot.connection.protocol or "http",
                clickhouse=True,
                tls=snapshot.connection.tls,
            )
        ]
    if not endpoints:
        endpoints = configured_endpoints(snapshot)
    if not endpoints:
        label = "embedded engine" if snapshot.connection.kind == "embedded" else snapshot.target
        return [Step("endpoint", f"ep:{snapshot.target}", label, 1.0, {"tls": None})]
    accepted = {a.port for a in snapshot.anonymous_login or [] if a.accepted}
    ordered = sorted(endpoints, key=lambda e: (e.tls, e.port not in accepted, e.protocol != "http", e.port))
    return [
        Step(
            "endpoint",
            f"ep:{e.host}:{e.port}",
            f"{e.protocol} {e.host}:{e.port} ({'TLS' if e.tls else 'no TLS'})",
            TLS_FACTOR if e.tls else 1.0,
            {"host": e.host, "port": e.port, "protocol": e.protocol, "tls": e.tls},
        )
        for e in ordered
    ]


def role_step(snapshot: Snapshot, role: str) -> Step:
    return Step("role", f"role:{_target_key(snapshot)}:{role}", f"role {role}", 1.0, {"role": role})


# The client protocols an attack path reaches data over; their ports are read as reach reads them.
PATH_PROTOCOLS = ("http", "native", "https", "native_tls")
CONFIG_PORTS = tuple(
    sorted(
        ((s.key, s.protocol, s.tls) for s in PORT_SPECS if s.protocol in PATH_PROTOCOLS),
        key=lambda port: PATH_PROTOCOLS.index(port[1]),
    )
)


def configured_endpoints(snapshot: Snapshot) -> list[Endpoint]:
    """Endpoints the server config opens (listen_host x ports), for targets nobody could probe."""
    config = snapshot.server_config or {}
    listen = config.get("listen_host")
    hosts = listen.values if listen is not None and listen.values else ["127.0.0.1"]
    found: list[Endpoint] = []
    for key, protocol, tls in CONFIG_PORTS:
        value = config.get(key)
        if value is None or not value.value.strip().isdigit() or value.value.strip() == "0":
            continue
        found.extend(
            Endpoint(
                host=h, port=int(value.value), protocol=protocol, clickhouse=True, tls=tls, reveals={"from": "config"}
            )
            for h in hosts[:1]
        )
    return found
