"""Network reach checks: which users may connect from where, and on which addresses the server listens."""

from __future__ import annotations

import re
from collections.abc import Iterator

from chwarden.analysis.principals import admin_users, allowed_from_any_host, is_passwordless
from chwarden.analysis.server_config import WILDCARD_LISTEN, config_value
from chwarden.analysis.versions import version_of
from chwarden.checks.fixes import user_fix, users_d_xml, xml_fragment
from chwarden.checks.references import REF_PORTS, REF_SERVER_SETTINGS, REF_USERS
from chwarden.checks.registry import Hit, check
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
def user_allowed_from_any_host(snapshot: Snapshot) -> Iterator[Hit]:
    admins = admin_users(snapshot)
    for user in snapshot.need("users"):
        if not user.networks_known or not allowed_from_any_host(user):
            continue
        if is_passwordless(user):
            severity = Severity.CRITICAL
        elif user.name == "default" or user.name in admins:
            severity = Severity.HIGH
        else:
            severity = Severity.MEDIUM
        yield Hit(
            resource=f"user:{user.name}",
            evidence={
                "host_ip": user.host_ip,
                "host_names_like": user.host_names_like,
                "host_names_regexp": user.host_names_regexp,
                "passwordless": is_passwordless(user),
                "admin": user.name in admins,
            },
            remediation=_restrict_hosts_fix(snapshot, user),
            severity=severity,
            location=user.networks_location or user.location,  # the line that opens it (issue 21)
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
    severity = Severity.CRITICAL if open_users else None
    yield Hit(
        resource="setting:listen_host",
        evidence={"listen_host": value.values, "passwordless_users_open_to_any_host": open_users},
        remediation=Remediation(
            xml=xml_fragment('<listen_host replace="replace">INTERNAL_ADDRESS</listen_host>'),
        ),
        severity=severity,
        location=value.location,
    )
