"""TLS checks judged on small hand-built snapshots."""

from __future__ import annotations

from typing import Any

import pytest

from chwarden.checks.registry import get_check, run_check
from chwarden.checks.tls import weak_cipher_tokens
from chwarden.facts import ClusterNodeFacts, ConfigValue, ConnectionInfo, Snapshot
from chwarden.model import Finding, Location, NotChecked
from tests.unit.snapshots import missing_facts

LOC = Location(file="config.d/ssl.xml", line=4)


def cfg(origin: str = "config", **values: str | list[str]) -> dict[str, ConfigValue]:
    """Config values; keys use `__` for dots."""
    return {
        k.replace("__", "."): ConfigValue(values=v if isinstance(v, list) else [v], location=LOC, origin=origin)  # type: ignore[arg-type]
        for k, v in values.items()
    }


def snap(config: dict[str, ConfigValue] | None = None, **extra: Any) -> Snapshot:
    return Snapshot(target="t", server_config=config, **extra)


def run(check_id: str, snapshot: Snapshot) -> tuple[list[Finding], list[NotChecked]]:
    return run_check(get_check(check_id), snapshot)


TLS_ON = {"https_port": "8443", "openSSL__server__certificateFile": "/etc/ch/server.crt"}


@pytest.mark.parametrize(
    "check_id",
    [
        "tls_old_protocols_allowed",
        "tls_weak_ciphers",
        "outbound_tls_not_verified",
        "distributed_queries_without_tls",
    ],
)
def test_not_collected_is_not_checked(check_id: str) -> None:
    findings, missing = run(check_id, snap(None, gaps={"server_config": "permission denied"}))
    assert findings == [] and len(missing) == 1


@pytest.mark.parametrize(
    ("disabled", "allowed"),
    [
        ("sslv2,sslv3", ["tlsv1", "tlsv1_1"]),
        ("sslv2,sslv3,tlsv1", ["tlsv1_1"]),
        ("sslv2,sslv3,tlsv1,tlsv1_1", []),
    ],
)
def test_old_protocols(disabled: str, allowed: list[str]) -> None:
    findings, _ = run("tls_old_protocols_allowed", snap(cfg(**TLS_ON, openSSL__server__disableProtocols=disabled)))
    assert [f.evidence["still_allowed"] for f in findings] == ([allowed] if allowed else [])


def test_old_protocols_only_when_tls_is_configured() -> None:
    assert run("tls_old_protocols_allowed", snap(cfg(http_port="8123")))[0] == []
    required = cfg(**TLS_ON, openSSL__server__requireTLSv1_2="true")
    assert run("tls_old_protocols_allowed", snap(required))[0] == []


def test_old_protocols_from_server_settings() -> None:
    live = cfg("server_settings", openSSL__server__certificateFile="/c.crt", openSSL__server__disableProtocols="")
    findings, _ = run("tls_old_protocols_allowed", snap(live))
    assert findings[0].evidence["still_allowed"] == ["tlsv1", "tlsv1_1"]
    no_cert = cfg("server_settings", openSSL__server__certificateFile="", openSSL__server__disableProtocols="")
    assert run("tls_old_protocols_allowed", snap(no_cert))[0] == []
    _, missing = run("tls_old_protocols_allowed", snap(cfg("server_settings", max_connections="1")))
    assert missing_facts(missing) == ["server_config"]


@pytest.mark.parametrize(
    ("ciphers", "weak"),
    [
        ("ALL:!ADH:!LOW:!EXP:!MD5:!3DES:@STRENGTH", []),
        ("ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL", []),
        ("HIGH:RC4-SHA:DES-CBC3-SHA", ["RC4-SHA", "DES-CBC3-SHA"]),
        ("ALL:EXPORT:aNULL", ["EXPORT", "aNULL"]),
    ],
)
def test_weak_cipher_tokens(ciphers: str, weak: list[str]) -> None:
    assert weak_cipher_tokens(ciphers) == weak


def test_weak_ciphers_check() -> None:
    findings, _ = run("tls_weak_ciphers", snap(cfg(**TLS_ON, openSSL__server__cipherList="HIGH:RC4")))
    assert findings[0].evidence["weak_entries"] == ["RC4"] and findings[0].location == LOC
    assert run("tls_weak_ciphers", snap(cfg(**TLS_ON)))[0] == []


def test_outbound_tls_not_verified() -> None:
    bad = cfg(
        openSSL__client__verificationMode="none",
        openSSL__client__invalidCertificateHandler__name="AcceptCertificateHandler",
    )
    findings, _ = run("outbound_tls_not_verified", snap(bad))
    assert set(findings[0].evidence) == {"verificationMode", "invalidCertificateHandler"}
    good = cfg(
        openSSL__client__verificationMode="relaxed",
        openSSL__client__invalidCertificateHandler__name="RejectCertificateHandler",
    )
    assert run("outbound_tls_not_verified", snap(good))[0] == []
    assert run("outbound_tls_not_verified", snap(cfg(http_port="8123")))[0] == []


def test_distributed_without_tls_from_config() -> None:
    config = cfg(
        remote_servers__plain__shard__replica__host=["10.0.0.1", "10.0.0.2", "localhost"],
        remote_servers__plain__shard__replica__port=["9000", "9440", "9000"],
        remote_servers__plain__shard__replica__secure=["0", "1", "0"],
        remote_servers__tls__shard__replica__host=["10.0.0.3"],
        remote_servers__tls__shard__replica__secure="1",
        remote_servers__local__shard__replica__host="127.0.0.1",
    )
    findings, _ = run("distributed_queries_without_tls", snap(config))
    assert [(f.resource, f.evidence["plain_replicas"]) for f in findings] == [("cluster:plain", ["10.0.0.1:9000"])]


def test_distributed_without_tls_live() -> None:
    nodes = [
        ClusterNodeFacts(cluster="c", shard_num=1, replica_num=1, host_name="db1", port=9000),
        ClusterNodeFacts(cluster="c", shard_num=2, replica_num=1, host_name="db2", port=9440),
        ClusterNodeFacts(cluster="c", shard_num=3, replica_num=1, host_name="me", port=9000, is_local=True),
        ClusterNodeFacts(cluster="s", shard_num=1, replica_num=1, host_name="db3", port=9000, secure=True),
    ]
    findings, _ = run("distributed_queries_without_tls", snap(cfg("server_settings", x="1"), clusters=nodes))
    assert [(f.resource, f.evidence["plain_replicas"]) for f in findings] == [("cluster:c", ["db1:9000"])]


@pytest.mark.parametrize(
    ("connection", "expected"),
    [
        (ConnectionInfo(protocol="http", host="10.1.1.1", port=8123, password_given=True, user="a"), 1),
        (ConnectionInfo(protocol="native", host="db.example", port=9000, password_given=True), 1),
        (ConnectionInfo(protocol="https", host="10.1.1.1", port=8443, password_given=True, tls=True), 0),
        (ConnectionInfo(protocol="http", host="127.0.0.1", port=8123, password_given=True), 0),
        (ConnectionInfo(protocol="http", host="10.1.1.1", port=8123, password_given=False), 0),
        (ConnectionInfo(kind="embedded", protocol="embedded"), 0),
    ],
)
def test_audit_connection_unencrypted(connection: ConnectionInfo, expected: int) -> None:
    findings, missing = run("audit_connection_unencrypted", snap(None, connection=connection))
    assert len(findings) == expected and missing == []
    assert all("password" not in str(f.evidence).lower() for f in findings)
