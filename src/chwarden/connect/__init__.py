"""Connections to ClickHouse: HTTP, native, embedded. The read-only guard lives here only."""

from chwarden.connect.base import (
    AuthenticationFailed,
    ChwardenConnectError,
    ConnectionLost,
    DeadlineReached,
    GuardedConnection,
    NoAnswer,
    NoServerLock,
    NotClickHouse,
    QueryFailed,
    QueryResult,
    Unreachable,
)
from chwarden.connect.guard import WriteRefused
from chwarden.connect.target import (
    Credentials,
    Target,
    TargetError,
    cluster_node,
    connect,
    parse_target,
    resolve_credentials,
)

__all__ = [
    "AuthenticationFailed",
    "ChwardenConnectError",
    "ConnectionLost",
    "Credentials",
    "DeadlineReached",
    "GuardedConnection",
    "NoAnswer",
    "NoServerLock",
    "NotClickHouse",
    "QueryFailed",
    "QueryResult",
    "Target",
    "TargetError",
    "Unreachable",
    "WriteRefused",
    "cluster_node",
    "connect",
    "parse_target",
    "resolve_credentials",
]
