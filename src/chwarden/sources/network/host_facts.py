"""Scan results as facts: one Snapshot per host that has an open port, judged like any other.

Everything a check needs is in the snapshot: endpoints (with what each revealed), the
anonymous-login results per protocol, the catalogue of an open endpoint, and under
``scan`` (``ScanFacts``) the credential attempts (user names and redacted passwords only) and the
redacted samples. No secret value is stored.
"""

from __future__ import annotations

from chwarden.facts import (
    AnonymousLogin,
    ConnectionInfo,
    CredentialAttemptFacts,
    MetadataSource,
    ScanFacts,
    ServerInfo,
    Snapshot,
)
from chwarden.model import Endpoint, utc_now
from chwarden.sources.network.scanner import HostResult

LOGIN_PROTOCOLS = ("http", "https", "native", "native_tls", "mysql", "postgresql")
NOT_QUERIED = "no endpoint of this host accepted a query from the scan"


def _login(endpoint: Endpoint) -> AnonymousLogin:
    code = endpoint.reveals.get("error_code")
    accepted = endpoint.auth == "none"
    detail = "accepted user default with an empty password" if accepted else f"refused (auth {endpoint.auth})"
    return AnonymousLogin(
        protocol=endpoint.protocol,
        port=endpoint.port,
        accepted=accepted,
        error_code=code if isinstance(code, int) else None,
        detail=detail,
    )


def _version(result: HostResult) -> str | None:
    if result.metadata is not None and result.metadata.version:
        return result.metadata.version
    versions = [e.version for e in result.endpoints if e.clickhouse and e.version]
    return max(versions, key=len) if versions else None  # the most precise one (18.16.1 over 18.16)


def host_snapshot(result: HostResult) -> Snapshot:
    host = result.target.host
    clickhouse = [e for e in result.endpoints if e.clickhouse]
    metadata = result.metadata
    snapshot = Snapshot(
        target=host,
        collected_at=utc_now(),
        connection=ConnectionInfo(
            kind="live",
            host=host,
            protocol=metadata.protocol if metadata else None,
            port=metadata.port if metadata else None,
            user=metadata.user if metadata else None,
            password_given=bool(metadata and metadata.user != "default"),
        ),
        server=ServerInfo(version=_version(result)),
        endpoints=list(result.endpoints),
        anonymous_login=[_login(e) for e in clickhouse if e.protocol in LOGIN_PROTOCOLS],
        errors=list(result.errors),
        partial=result.partial,
    )
    if not clickhouse:
        snapshot.mark_gap("server", "no ClickHouse endpoint found")
    if metadata is not None and metadata.tables is not None:
        snapshot.databases = metadata.databases
        snapshot.tables = metadata.tables
    else:
        snapshot.mark_gap("tables", NOT_QUERIED)
        snapshot.mark_gap("databases", NOT_QUERIED)
    snapshot.scan = ScanFacts(
        address=result.address,
        credentials_tried=[
            CredentialAttemptFacts(
                protocol=a.protocol,
                port=a.port,
                user=a.user,
                password=a.password,
                accepted=a.result.accepted,
                error_code=a.result.error_code,
            )
            for a in result.attempts
        ],
    )
    if metadata is not None:
        snapshot.scan.metadata_from = MetadataSource(protocol=metadata.protocol, port=metadata.port, user=metadata.user)
        snapshot.scan.queries_sent = metadata.queries
        snapshot.scan.session_lock = metadata.settings_mode
        snapshot.scan.samples = metadata.samples
    return snapshot


def snapshots_of(results: list[HostResult]) -> tuple[list[Snapshot], list[tuple[str, str]]]:
    """Snapshots of hosts with open ports, and (target, error) for hosts that could not be scanned."""
    snapshots: list[Snapshot] = []
    failed: list[tuple[str, str]] = []
    for r in results:
        if r.failed:
            failed.append((r.target.host, "; ".join(r.errors) or "not scanned"))
        elif r.endpoints or r.partial:
            snapshots.append(host_snapshot(r))
    return snapshots, failed
