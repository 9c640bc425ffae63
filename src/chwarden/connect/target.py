"""Target URLs and credentials: turn what the user typed into a guarded connection.

Accepted targets:
  http://host[:8123]  https://host[:8443]           HTTP interface
  clickhouse://host[:9000]  clickhouses://host[:9440]  native protocol (plain / TLS)
  chdb:///data/path[?config=/path/config.xml]        embedded engine (chdb)
A user name may appear in the URL; a password never may (it would sit in shell history and ps).
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from chwarden.connect.base import GuardedConnection, Transport
from chwarden.connect.guard import DEFAULT_MAX_EXECUTION_TIME, DEFAULT_MAX_RESULT_ROWS
from chwarden.errors import InputError
from chwarden.inputfiles import PASSWORD_FILE_BYTES, InputFileError, read_capped

DEFAULT_PORTS = {"http": 8123, "https": 8443, "clickhouse": 9000, "clickhouses": 9440}
PROTOCOL_OF_SCHEME = {"http": "http", "https": "https", "clickhouse": "native", "clickhouses": "native_tls"}


class TargetError(InputError, ValueError):
    """The target or the credentials given are unusable (exit code 2)."""


@dataclass(frozen=True)
class Target:
    scheme: str  # http | https | clickhouse | clickhouses | chdb
    host: str = ""
    port: int = 0
    user: str | None = None
    path: str = ""  # chdb data path
    config_file: str | None = None  # chdb config

    @property
    def protocol(self) -> str:
        return PROTOCOL_OF_SCHEME.get(self.scheme, "embedded")

    @property
    def tls(self) -> bool:
        return self.scheme in ("https", "clickhouses")

    @property
    def display(self) -> str:
        """Printable name without credentials: host:port or chdb:path."""
        if self.scheme == "chdb":
            return f"chdb:{self.path}"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def url(self) -> str:
        if self.scheme == "chdb":
            return f"chdb://{self.path}"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}"


def cluster_node(first: Target, host: str, native_port: int) -> Target:
    """Another node of ``first``'s cluster, reached the same way.

    ``system.clusters`` gives each node's native port; over HTTP(S) the node is assumed to listen on
    the same port as the first one (clusters are usually configured alike).
    """
    port = native_port if first.scheme in ("clickhouse", "clickhouses") else first.port
    return Target(scheme=first.scheme, host=host, port=port, user=first.user)


@dataclass(frozen=True)
class Credentials:
    user: str = "default"
    password: str = ""

    def __repr__(self) -> str:  # never show the password in logs or tracebacks
        return f"Credentials(user={self.user!r}, password={'***' if self.password else ''!r})"


def parse_target(text: str) -> Target:
    text = text.strip()
    if not text:
        raise TargetError("empty target")
    if "://" not in text:
        raise TargetError(
            f"target {text!r} needs a scheme: http://, https://, clickhouse://, clickhouses:// or chdb://"
        )
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme == "chdb":
        query = parse_qs(parts.query)
        path = unquote(parts.netloc + parts.path) or ""
        if not path:
            raise TargetError("chdb target needs a data path: chdb:///path/to/data")
        config = query.get("config", [None])[0]
        return Target(scheme="chdb", path=path, config_file=config)
    if scheme not in DEFAULT_PORTS:
        raise TargetError(f"unsupported scheme {scheme!r} in {text!r}")
    if parts.password is not None:
        raise TargetError(
            "a password in the URL is refused: use CLICKHOUSE_PASSWORD, --password-file or --ask-password"
        )
    host = parts.hostname
    if not host:
        raise TargetError(f"no host in {text!r}")
    try:
        port = parts.port or DEFAULT_PORTS[scheme]
    except ValueError as exc:
        raise TargetError(f"invalid port in {text!r}") from exc
    return Target(scheme=scheme, host=host, port=port, user=unquote(parts.username) if parts.username else None)


def resolve_credentials(
    target: Target,
    user: str | None = None,
    password_file: str | None = None,
    ask_password: bool = False,
    env: dict[str, str] | None = None,
) -> Credentials:
    """User from --user, the URL or CLICKHOUSE_USER; password from env, a file or a prompt."""
    env = dict(os.environ) if env is None else env
    name = user or target.user or env.get("CLICKHOUSE_USER") or "default"
    password = ""
    if password_file:
        try:
            raw = read_capped(password_file, PASSWORD_FILE_BYTES, "password file")
        except InputFileError as exc:
            raise TargetError(str(exc)) from exc
        password = raw.decode("utf-8", "replace").rstrip("\r\n")
    elif ask_password:
        password = getpass.getpass(f"Password for {name}@{target.display}: ")
    elif "CLICKHOUSE_PASSWORD" in env:
        password = env["CLICKHOUSE_PASSWORD"]
    return Credentials(user=name, password=password)


def open_transport(
    target: Target,
    credentials: Credentials,
    *,
    verify_tls: bool = True,
    ca_file: str | None = None,
    connect_timeout: float = 5.0,
) -> Transport:
    network_transport: type[Transport] | None = None
    if target.scheme in ("http", "https"):
        from chwarden.connect.http import HttpTransport  # lazy: httpcore loads only for HTTP targets

        network_transport = HttpTransport
    elif target.scheme in ("clickhouse", "clickhouses"):
        from chwarden.connect.native import NativeTransport  # lazy: native targets only (see HttpTransport)

        network_transport = NativeTransport
    if network_transport is not None:
        return network_transport(  # type: ignore[call-arg]
            target.host,
            target.port,
            secure=target.tls,
            user=credentials.user,
            password=credentials.password,
            verify=verify_tls,
            connect_timeout=connect_timeout,
            ca_file=ca_file,
        )
    from chwarden.connect.embedded import EmbeddedTransport  # lazy: the engine worker for chdb targets only

    return EmbeddedTransport(target.path, target.config_file)


def connect(
    target: Target,
    credentials: Credentials,
    *,
    verify_tls: bool = True,
    ca_file: str | None = None,
    connect_timeout: float = 5.0,
    max_execution_time: int = DEFAULT_MAX_EXECUTION_TIME,
    max_result_rows: int = DEFAULT_MAX_RESULT_ROWS,
    deadline: float | None = None,
    table_functions: tuple[str, ...] = (),
) -> GuardedConnection:
    """Open a read-only guarded connection; nothing is sent until the first query.

    ``deadline`` (a ``time.monotonic()`` value) is the run deadline: no request runs past it.
    """
    transport = open_transport(
        target, credentials, verify_tls=verify_tls, ca_file=ca_file, connect_timeout=connect_timeout
    )
    return GuardedConnection(
        transport,
        description=target.display,
        max_execution_time=max_execution_time,
        max_result_rows=max_result_rows,
        deadline=deadline,
        table_functions=table_functions,
    )
