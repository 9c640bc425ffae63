"""Network reach checks: which users may connect from where, and on which addresses the server listens."""

from __future__ import annotations

import re
from collections.abc import Iterator

from chwarden.analysis.deployment_reach import contained
from chwarden.analysis.principals import admin_users, allowed_from_any_host, anonymous_login_accepted, is_passwordless
from chwarden.analysis.reach import (
    SCOPE_LABELS,
    SCOPE_RANK,
    Listener,
    Scope,
    beyond_loopback,
    client_listeners,
    connection_scope,
    narrower,
    user_reach,
    user_scope,
    user_scope_reason,
    widest,
)
from chwarden.analysis.server_config import WILDCARD_LISTEN, config_value
from chwarden.analysis.versions import version_of
from chwarden.checks.authentication import PASSWORD_FIXES
from chwarden.checks.fixes import user_fix, users_d_xml, xml_fragment
from chwarden.checks.references import REF_DEEPSEEK, REF_PORTS, REF_SERVER_SETTINGS, REF_USERS
from chwarden.checks.registry import Hit, Undecided, check
from chwarden.clickhouse.features import IPV4_PREFIXES_MATCH_SINCE, ipv4_netmask_form
from chwarden.clickhouse.sql import quote_ident, xml_escape
from chwarden.facts import FactMissing, Snapshot, UserFacts
from chwarden.model import Remediation, Severity


@check(
    "user_allowed_from_any_host",
    title="A user may connect from any address",
    severity=Severity.MEDIUM,
    category="network",
    rationale=(
        "`::/0`, `0.0.0.0/0`, HOST ANY or LIKE '%' make the account usable from the whole internet as soon "
        "as a port is reachable; the shipped `default` user is configured this way."
    ),
    remediation="Restrict the user to the client networks that need it (HOST IP '10.0.0.0/8', HOST LOCAL).",
    references=(REF_USERS, "https://clickhouse.com/docs/sql-reference/statements/create/user"),
    needs=("users",),
)
def user_allowed_from_any_host(snapshot: Snapshot) -> Iterator[Hit | Undecided]:
    admins = admin_users(snapshot)
    for user in snapshot.need("users"):
        admitted = user_scope(snapshot, user)
        if admitted is None and not user.networks_known and user.storage == "users_xml":
            yield Undecided(f"user:{user.name}", user_scope_reason(snapshot, user))
            continue
        if admitted != "any" and not (user.networks_known and allowed_from_any_host(user)):
            continue
        passwordless = is_passwordless(user)
        if passwordless:
            severity = Severity.CRITICAL
        elif user.name == "default" or user.name in admins:
            severity = Severity.HIGH
        else:
            severity = Severity.MEDIUM
        reach = user_reach(snapshot, user)
        outside = user_reach(snapshot, user, published_only=True)
        if outside is not None and not beyond_loopback(outside):
            # Issue 13: the server itself is reachable from its host (or its deployment's own network)
            # only; the user's networks are the second wall, not an open door.
            severity = Severity.LOW
        yield Hit(
            resource=f"user:{user.name}",
            evidence={
                "host_ip": user.host_ip,
                "host_names_like": user.host_names_like,
                "host_names_regexp": user.host_names_regexp,
                "networks": "none written: every address (20.x+)" if not user.networks_known else None,
                "passwordless": passwordless,
                "admin": user.name in admins,
                "reachable_by": SCOPE_LABELS[reach] if reach is not None else "unknown (listen addresses not known)",
            },
            remediation=_restrict_hosts_fix(snapshot, user),
            severity=severity,
            location=user.networks_location or user.password_location or user.location,
            caused_by=tuple((c, f"user:{user.name}") for c in PASSWORD_FIXES) if passwordless else (),
        )


def _restrict_hosts_fix(snapshot: Snapshot, user: UserFacts) -> Remediation:
    return user_fix(
        snapshot,
        user,
        sql=f"ALTER USER {quote_ident(user.name)} HOST LOCAL, IP '<client network/CIDR>';",
        xml=users_d_xml(
            user.name,
            '<networks replace="replace">',
            "  <ip>::1</ip>",
            "  <ip>127.0.0.1</ip>",
            "  <ip>CLIENT_NETWORK/CIDR</ip>",
            "</networks>",
        ),
    )


_IPV4_PREFIX = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}/(\d{1,2})$")


@check(
    "legacy_ipv4_cidr_network_open",
    title="An IPv4 prefix in <networks> lets every client in on this 18.x server",
    severity=Severity.HIGH,
    category="network",
    rationale=(
        "On 18.x-era servers (measured on Debian's 18.16 build) `<ip>a.b.c.d/NN</ip>` matches every client "
        "address, so a user that looks restricted to 10.0.0.0/8 is open to the world."
    ),
    remediation="Write IPv4 networks with a netmask (10.0.0.0/255.0.0.0) or as ::ffff:10.0.0.0/104; upgrade.",
    references=(REF_USERS,),
    needs=("users",),
)
def legacy_ipv4_cidr_network_open(snapshot: Snapshot) -> Iterator[Hit]:
    candidates = [
        (u, [ip for ip in u.host_ip if (m := _IPV4_PREFIX.match(ip.strip())) and int(m.group(1)) > 0])
        for u in snapshot.need("users")
    ]
    candidates = [(u, ips) for u, ips in candidates if ips]
    if not candidates:
        return
    version = version_of(snapshot)
    if version is None:
        raise FactMissing("server.version", "IPv4 prefixes found; whether they are broken depends on the version")
    if version.at_least(IPV4_PREFIXES_MATCH_SINCE):
        return
    for user, ips in candidates:
        yield Hit(
            resource=f"user:{user.name}",
            evidence={"networks": ips, "server_version": snapshot.server.version},
            remediation=Remediation(xml=users_d_xml(user.name, _networks_with_netmasks(user, ips))),
            location=user.networks_location or user.location,
        )


def _networks_with_netmasks(user: UserFacts, prefixes: list[str]) -> str:
    """The user's whole <networks> (it is replaced), with only the broken IPv4 prefixes rewritten."""
    entries = [f"<ip>{ipv4_netmask_form(ip) if ip in prefixes else ip}</ip>" for ip in user.host_ip]
    if user.host_local and not {"127.0.0.1", "::1"} & set(user.host_ip):
        entries += ["<ip>127.0.0.1</ip>", "<ip>::1</ip>"]
    entries += [f"<host>{xml_escape(h)}</host>" for h in user.host_names]
    entries += [f"<host_regexp>{xml_escape(r)}</host_regexp>" for r in user.host_names_regexp]
    return '<networks replace="replace">' + "".join(entries) + "</networks>"


@check(
    "listen_host_wildcard",
    title="The server listens on every network interface",
    severity=Severity.MEDIUM,
    category="network",
    rationale=(
        "Without listen_host the server binds loopback only; `::` or `0.0.0.0` expose every enabled port "
        "on every interface - together with a passwordless user this is the DeepSeek setup."
    ),
    remediation="Bind listen_host to the specific internal address(es) and firewall the ClickHouse ports.",
    references=(REF_SERVER_SETTINGS, REF_PORTS),
    needs=("server_config",),
)
def listen_host_wildcard(snapshot: Snapshot) -> Iterator[Hit]:
    value = config_value(snapshot, "listen_host")
    if value is None:
        return  # absent: loopback only
    wildcards = [h for h in value.values if h.strip().lower() in WILDCARD_LISTEN]
    if not wildcards:
        return
    open_users = [u.name for u in snapshot.users or [] if is_passwordless(u) and allowed_from_any_host(u)]
    reach = widest([x.scope for x in client_listeners(snapshot) or []])
    # Issue 13: the open door itself is `passwordless_login_from_network` (critical); this finding is
    # the listener, weighed by what a deployment publishes (a container's wildcard behind no published
    # port faces the deployment's own network only).
    yield Hit(
        resource="setting:listen_host",
        evidence={
            "listen_host": value.values,
            "passwordless_users_open_to_any_host": open_users,
            "client_ports_reachable_by": SCOPE_LABELS[reach],
        },
        remediation=Remediation(
            xml=xml_fragment('<listen_host replace="replace">INTERNAL_ADDRESS</listen_host>'),
        ),
        severity=Severity.LOW if SCOPE_RANK[reach] <= SCOPE_RANK["internal"] and snapshot.deployment else None,
        location=value.location,
    )


@check(
    "passwordless_login_from_network",
    title="A user without a password can log in from beyond the server host",
    severity=Severity.CRITICAL,
    category="network",
    rationale=(
        "The breach condition: an account with an empty password, allowed from addresses beyond loopback, on "
        "a server that listens beyond loopback on a client port (HTTP, native, MySQL, PostgreSQL, gRPC). "
        "Anyone on those networks runs queries as that account without knowing anything - the DeepSeek "
        "exposure. Each wall alone (a password, loopback-only networks, loopback-only listen_host) closes it."
    ),
    remediation=(
        "Give the account a strong password hash (users.d), or restrict its <networks> to loopback, and bind "
        "listen_host to the addresses clients really use."
    ),
    references=(REF_USERS, REF_SERVER_SETTINGS, REF_DEEPSEEK),
)
def passwordless_login_from_network(snapshot: Snapshot) -> Iterator[Hit | Undecided]:
    accepted = anonymous_login_accepted(snapshot)
    users = list(snapshot.users or [])
    if snapshot.users is None and not accepted:
        snapshot.need("users")
    if accepted and not any(u.name == "default" for u in users):
        users.append(UserFacts(name="default", auth_types=["no_password"], networks_known=False, storage="login"))
    listening = client_listeners(snapshot)
    proven_reach = connection_scope(snapshot)
    for user in users:
        proven = user.name == "default" and bool(accepted)
        if not (is_passwordless(user) or proven):
            continue
        if not proven and contained(snapshot, user):
            continue  # issue 21: loopback or the installation's own pods only (the operator's design)
        admitted = user_scope(snapshot, user)
        if proven and proven_reach is not None:
            admitted = widest([admitted or "none", proven_reach])  # the server let us in from there
        if admitted is None:
            yield Undecided(f"user:{user.name}", user_scope_reason(snapshot, user))
            continue
        if not beyond_loopback(admitted):
            continue
        ports = [x for x in listening or [] if beyond_loopback(narrower(x.scope, admitted))]
        if listening is None and proven_reach is None:
            yield Undecided(
                f"user:{user.name}", "the addresses the server listens on are not known (audit its config files)"
            )
            continue
        reaches = [narrower(x.scope, admitted) for x in ports]
        if proven and proven_reach is not None:
            reaches.append(proven_reach)
        reach = widest(reaches)
        if not beyond_loopback(reach):
            continue
        yield _breach_hit(snapshot, user, admitted, reach, ports, accepted if proven else [], proven_reach)


def _breach_hit(
    snapshot: Snapshot,
    user: UserFacts,
    admitted: Scope,
    reach: Scope,
    ports: list[Listener],
    accepted: list[str],
    proven_reach: str | None,
) -> Hit:
    evidence: dict[str, object] = {
        "passwordless": True,
        "user_networks": SCOPE_LABELS[admitted],
        "client_ports": [f"{x.key} {x.port} ({x.protocol}, {', '.join(x.addresses)}{_via(x)})" for x in ports],
        "reachable_by": SCOPE_LABELS[reach],
    }
    if accepted:
        evidence["anonymous_login_accepted_on"] = accepted
    first = ports[0].location if ports else None
    return Hit(
        resource=f"user:{user.name}",
        evidence=evidence,
        remediation=user_fix(
            snapshot,
            user,
            sql=f"ALTER USER {quote_ident(user.name)} IDENTIFIED WITH sha256_password BY '<strong password>';",
            xml=users_d_xml(
                user.name,
                '<password remove="1"/>',
                '<no_password remove="1"/>',
                '<password_sha256_hex><!-- echo -n "$PASSWORD" | sha256sum --></password_sha256_hex>',
            ),
        ),
        location=user.password_location or user.location or first,
        confidence="proven" if accepted and proven_reach is not None else "inferred",
        caused_by=tuple((c, f"user:{user.name}") for c in PASSWORD_FIXES),
    )


def _via(listener: Listener) -> str:
    return f"; {listener.exposure}" if listener.exposure else ""
