"""TLS checks: protocol versions, ciphers, certificate verification and unencrypted links."""

from __future__ import annotations

import re
from collections.abc import Iterator

from chwarden.analysis.reach import is_loopback_network
from chwarden.analysis.server_config import config_known, config_section, config_value, is_true, port_enabled
from chwarden.checks.fixes import xml_fragment
from chwarden.checks.references import REF_CLUSTERS, REF_DISTRIBUTED, REF_SERVER_SETTINGS, REF_SSL
from chwarden.checks.registry import Hit, check
from chwarden.facts import ConfigValue, FactMissing, Snapshot
from chwarden.model import Location, Remediation, Severity

OLD_PROTOCOLS = ("tlsv1", "tlsv1_1")
WEAK_CIPHER_PARTS = frozenset(
    {
        "RC4",
        "DES",
        "3DES",
        "CBC3",
        "MD5",
        "NULL",
        "ANULL",
        "ENULL",
        "EXPORT",
        "EXP",
        "ADH",
        "AECDH",
        "LOW",
        "MEDIUM",
    }
)


def _tls_configured(snapshot: Snapshot) -> bool:
    """A certificate or a TLS port: the server speaks TLS to clients."""
    cert = config_value(snapshot, "openSSL.server.certificateFile")
    if cert is not None and cert.value.strip():
        return True
    if not config_known(snapshot):
        return False
    return any(port_enabled(config_value(snapshot, k)) for k in ("https_port", "tcp_port_secure"))


@check(
    "tls_old_protocols_allowed",
    title="The server still accepts TLS 1.0 / 1.1",
    severity=Severity.MEDIUM,
    category="tls",
    rationale=(
        "openSSL.server.disableProtocols ships as `sslv2,sslv3`, leaving TLS 1.0 and 1.1 enabled: "
        "deprecated protocols with known downgrade and cipher weaknesses."
    ),
    remediation="Set openSSL.server.disableProtocols to sslv2,sslv3,tlsv1,tlsv1_1.",
    references=(REF_SSL, REF_SERVER_SETTINGS),
    needs=("server_config",),
)
def tls_old_protocols_allowed(snapshot: Snapshot) -> Iterator[Hit]:
    if not _tls_configured(snapshot):
        return
    value = config_value(snapshot, "openSSL.server.disableProtocols")
    require12 = config_value(snapshot, "openSSL.server.requireTLSv1_2") if config_known(snapshot) else None
    if require12 is not None and is_true(require12.value):
        return
    disabled = {p.strip().lower() for p in (value.value if value else "").replace(" ", ",").split(",")}
    allowed = [p for p in OLD_PROTOCOLS if p not in disabled]
    if not allowed:
        return
    yield Hit(
        resource="setting:openSSL.server.disableProtocols",
        evidence={"disableProtocols": value.value if value else None, "still_allowed": allowed},
        remediation=Remediation(
            xml=xml_fragment(
                "<openSSL><server>",
                "  <disableProtocols>sslv2,sslv3,tlsv1,tlsv1_1</disableProtocols>",
                "</server></openSSL>",
            )
        ),
        location=value.location if value else None,
    )


def weak_cipher_tokens(cipher_list: str) -> list[str]:
    """Cipher-list entries that switch weak suites on (exclusions like `!MD5` are fine)."""
    weak: list[str] = []
    for token in re.split(r"[:,\s]+", cipher_list):
        if not token or token[0] in "!-@":
            continue
        if any(part in WEAK_CIPHER_PARTS for part in re.split(r"[+\-_]", token.lstrip("+").upper())):
            weak.append(token)
    return weak


@check(
    "tls_weak_ciphers",
    title="The server's TLS cipher list enables weak suites",
    severity=Severity.MEDIUM,
    category="tls",
    rationale=(
        "Entries such as RC4, DES/3DES, MD5, NULL, EXPORT or anonymous (ADH) suites let an attacker on "
        "the path decrypt or tamper with the TLS session."
    ),
    remediation="Use a modern cipherList such as ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!MD5:!3DES.",
    references=(REF_SSL, REF_SERVER_SETTINGS),
    needs=("server_config",),
)
def tls_weak_ciphers(snapshot: Snapshot) -> Iterator[Hit]:
    if not _tls_configured(snapshot):
        return
    value = config_value(snapshot, "openSSL.server.cipherList")
    if value is None:
        return  # the built-in default excludes weak suites
    weak = weak_cipher_tokens(value.value)
    if not weak:
        return
    yield Hit(
        resource="setting:openSSL.server.cipherList",
        evidence={"cipherList": value.value, "weak_entries": weak},
        remediation=Remediation(
            xml=xml_fragment(
                "<openSSL><server>",
                "  <cipherList>ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!MD5:!3DES</cipherList>",
                "</server></openSSL>",
            )
        ),
        location=value.location,
    )


@check(
    "outbound_tls_not_verified",
    title="Outbound TLS connections do not verify certificates",
    severity=Severity.MEDIUM,
    category="tls",
    rationale=(
        "openSSL.client is used for remote(), dictionaries, S3, ZooKeeper and replicas; verificationMode "
        "none or AcceptCertificateHandler lets anyone on the path impersonate those services."
    ),
    remediation="Set openSSL.client.verificationMode to relaxed/strict and use RejectCertificateHandler.",
    references=(REF_SSL, REF_SERVER_SETTINGS),
    needs=("server_config",),
)
def outbound_tls_not_verified(snapshot: Snapshot) -> Iterator[Hit]:
    mode = config_value(snapshot, "openSSL.client.verificationMode")
    handler = config_value(snapshot, "openSSL.client.invalidCertificateHandler.name")
    problems: dict[str, str] = {}
    if mode is not None and mode.value.strip().lower() == "none":
        problems["verificationMode"] = mode.value
    if handler is not None and handler.value.strip() == "AcceptCertificateHandler":
        problems["invalidCertificateHandler"] = handler.value
    if not problems:
        return
    yield Hit(
        resource="setting:openSSL.client",
        evidence=problems,
        remediation=Remediation(
            xml=xml_fragment(
                "<openSSL><client>",
                "  <verificationMode>relaxed</verificationMode>",
                "  <invalidCertificateHandler>",
                "    <name>RejectCertificateHandler</name>",
                "  </invalidCertificateHandler>",
                "</client></openSSL>",
            )
        ),
        location=_first_location(mode if "verificationMode" in problems else None, handler),
    )


def _first_location(*values: ConfigValue | None) -> Location | None:
    return next((v.location for v in values if v is not None and v.location is not None), None)


def _is_loopback_host(host: str) -> bool:
    return is_loopback_network(host)


def _plain_cluster_hosts(keys: dict[str, ConfigValue]) -> list[str]:
    """Remote replica hosts of one remote_servers cluster reached without `secure`.

    Repeated replicas flatten into value lists, so hosts and secure flags are matched by position.
    """
    hosts = keys.get("shard.replica.host")
    if hosts is None:
        return []
    secure = keys.get("shard.replica.secure")
    ports = keys.get("shard.replica.port")
    flags = list(secure.values) if secure and len(secure.values) == len(hosts.values) else []
    port_list = list(ports.values) if ports and len(ports.values) == len(hosts.values) else []
    plain: list[str] = []
    for i, host in enumerate(hosts.values):
        is_secure = is_true(flags[i]) if flags else bool(secure and all(is_true(v) for v in secure.values))
        if not is_secure and not _is_loopback_host(host):
            plain.append(f"{host}:{port_list[i]}" if port_list else host)
    return plain


@check(
    "distributed_queries_without_tls",
    title="Distributed queries reach remote shards over plain TCP",
    severity=Severity.MEDIUM,
    category="tls",
    rationale=(
        "Cluster replicas without <secure>1</secure> are reached on the plain native port: query text, "
        "results and the cluster credentials cross the network in clear."
    ),
    remediation="Set <secure>1</secure> and port 9440 on every remote replica of remote_servers.",
    references=(REF_DISTRIBUTED, REF_CLUSTERS),
)
def distributed_queries_without_tls(snapshot: Snapshot) -> Iterator[Hit]:
    if config_known(snapshot):
        grouped: dict[str, dict[str, ConfigValue]] = {}
        for key, value in config_section(snapshot, "remote_servers").items():
            parts = key.split(".")
            if len(parts) >= 3:
                grouped.setdefault(parts[1], {})[".".join(parts[2:])] = value
        for name, keys in sorted(grouped.items()):
            plain = _plain_cluster_hosts(keys)
            if plain:
                yield _cluster_hit(name, plain, keys["shard.replica.host"])
        return
    clusters = snapshot.need("clusters")
    by_cluster: dict[str, list[str]] = {}
    for node in clusters:
        if node.is_local or _is_loopback_host(node.host_address or node.host_name):
            continue
        if node.secure or (node.secure is None and node.port == 9440):
            continue
        by_cluster.setdefault(node.cluster, []).append(f"{node.host_name}:{node.port}")
    for name, nodes in sorted(by_cluster.items()):
        yield _cluster_hit(name, nodes, None)


def _cluster_hit(name: str, nodes: list[str], where: ConfigValue | None) -> Hit:
    return Hit(
        resource=f"cluster:{name}",
        evidence={"plain_replicas": nodes},
        remediation=Remediation(
            xml=xml_fragment(
                f"<remote_servers><{name}><shard><replica>",
                "  <host>REPLICA_HOST</host><port>9440</port><secure>1</secure>",
                f"</replica></shard></{name}></remote_servers>",
            )
        ),
        location=where.location if where else None,
    )


@check(
    "audit_connection_unencrypted",
    title="chwarden sent a password over an unencrypted connection",
    severity=Severity.LOW,
    category="tls",
    rationale=(
        "This audit itself logged in with a password over plain HTTP/native to a non-loopback host: the "
        "password crossed the network in clear, as every other client's does."
    ),
    remediation="Audit (and connect) through https:// or the secure native port (9440).",
    references=(REF_SSL,),
)
def audit_connection_unencrypted(snapshot: Snapshot) -> Iterator[Hit]:
    conn = snapshot.connection
    if conn.kind != "live" or conn.tls or not conn.password_given:
        return
    if conn.protocol not in ("http", "native") or conn.host is None:
        if conn.protocol is None:
            raise FactMissing("connection", "the protocol of the audit connection is unknown")
        return
    if _is_loopback_host(conn.host):
        return
    yield Hit(
        resource=f"endpoint:{conn.host}:{conn.port}" if conn.port else f"endpoint:{conn.host}",
        evidence={"protocol": conn.protocol, "tls": False, "user": conn.user},
    )


__all__ = ["weak_cipher_tokens"]
