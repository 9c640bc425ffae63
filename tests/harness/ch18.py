"""One throw-away Debian ClickHouse 18.16 server: write config, start, wait for /ping, stop.

Layout under ``root``: ``etc/config.xml`` + ``etc/users.xml`` (``config_dir``, readable later by an
offline config reader), ``data/``, ``server.log``. The process dies with the pytest process
(PR_SET_PDEATHSIG) so an interrupted run leaves no server behind.
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import signal
import ssl
import subprocess
import time
from collections.abc import Iterable
from pathlib import Path

import httpx

from tests.harness.certs import CertPair
from tests.harness.configs import HTTP_PORT, HTTPS_PORT, TCP_PORT, TCP_PORT_SECURE, Variant, server_config

READY_TIMEOUT = 10.0
STOP_TIMEOUT = 10.0
_PR_SET_PDEATHSIG = 1
# 18.16 stores query_log.type as a number; newer servers as an Enum with these names
QUERY_LOG_TYPES = {
    "1": "QueryStart",
    "2": "QueryFinish",
    "3": "ExceptionBeforeStart",
    "4": "ExceptionWhileProcessing",
}


class ServerError(RuntimeError):
    """A test server did not start, or an admin (setup) query failed."""


def server_binary() -> str | None:
    return shutil.which("clickhouse-server") or next(
        (p for p in ("/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server") if os.access(p, os.X_OK)),
        None,
    )


def _die_with_parent() -> None:
    """Runs in the child before exec: SIGKILL the server when pytest dies."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def launch(argv: list[str], cwd: Path, log_file: Path, environment: dict[str, str]) -> subprocess.Popen[bytes]:
    """A test server process: output to ``log_file``, own session, killed when pytest dies."""
    with open(log_file, "ab") as log:
        return subprocess.Popen(
            argv,
            cwd=cwd,
            env={**os.environ, **environment},
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )


class ClickHouse18Server:
    """A server on its own loopback address with the standard ports."""

    def __init__(
        self,
        name: str,
        host: str,
        root: Path,
        variant: Variant,
        *,
        cert: CertPair | None = None,
        config_xml: str | None = None,
        users_xml: str | None = None,
    ) -> None:
        self.name = name
        self.host = host
        self.root = root
        self.variant = variant
        self.cert = cert
        self.config_dir = root / "etc"
        self.log_file = root / "server.log"
        self._config_xml = config_xml if config_xml is not None else server_config(host, root, variant, cert)
        self._users_xml = users_xml if users_xml is not None else variant.users_xml
        self.passwords: dict[str, str] = dict(variant.passwords)
        self._proc: subprocess.Popen[bytes] | None = None
        self.environment: dict[str, str] = {}  # extra variables for the server process (from_env values)

    # ---- addresses -----------------------------------------------------------------------------

    @property
    def http_port(self) -> int | None:
        return HTTP_PORT if self.variant.http else None

    @property
    def tcp_port(self) -> int | None:
        return TCP_PORT if self.variant.http else None

    @property
    def https_port(self) -> int | None:
        return HTTPS_PORT if self.variant.tls else None

    @property
    def tcp_port_secure(self) -> int | None:
        return TCP_PORT_SECURE if self.variant.tls else None

    def _url(self, scheme: str, port: int | None) -> str:
        if port is None:
            raise ServerError(f"server {self.name} has no {scheme} port")
        return f"{scheme}://{self.host}:{port}"

    @property
    def http_url(self) -> str:
        return self._url("http", self.http_port)

    @property
    def native_url(self) -> str:
        return self._url("clickhouse", self.tcp_port)

    @property
    def https_url(self) -> str:
        return self._url("https", self.https_port)

    @property
    def native_tls_url(self) -> str:
        return self._url("clickhouses", self.tcp_port_secure)

    @property
    def ca_file(self) -> str | None:
        return str(self.cert.cert_file) if self.cert else None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def password(self, user: str) -> str:
        return self.passwords.get(user, "")

    @property
    def admin_password(self) -> str:
        return self.password("admin")

    @property
    def auditor_password(self) -> str:
        return self.password("auditor")

    @property
    def default_password(self) -> str:
        return self.password("default")

    # ---- life cycle ----------------------------------------------------------------------------

    def spawn(self) -> None:
        """Write the config and start the process without waiting for it."""
        binary = server_binary()
        if binary is None:
            raise ServerError("clickhouse-server is not installed")
        self.config_dir.mkdir(parents=True, exist_ok=True)
        (self.config_dir / "config.xml").write_text(self._config_xml, encoding="utf-8")
        (self.config_dir / "users.xml").write_text(self._users_xml, encoding="utf-8")
        self.log_file.unlink(missing_ok=True)  # each start writes a fresh log
        argv = [binary, f"--config-file={self.config_dir / 'config.xml'}"]
        self._proc = launch(argv, self.root, self.log_file, self.environment)

    def _ping_url(self) -> str:
        return f"{self.http_url}/ping" if self.variant.http else f"{self.https_url}/ping"

    def wait_ready(self, deadline: float) -> None:
        """Poll /ping until it answers ``Ok.``; raise with the log tail if the server exits or stalls."""
        url = self._ping_url()
        with httpx.Client(verify=False, timeout=0.5) as client:
            while True:
                if self._proc is None or self._proc.poll() is not None:
                    raise ServerError(f"{self.name} exited at start:\n{self.log_tail()}")
                try:
                    if client.get(url).text.startswith("Ok."):
                        return
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise ServerError(f"{self.name} not ready after {READY_TIMEOUT}s:\n{self.log_tail()}")
                time.sleep(0.02)

    def start(self) -> ClickHouse18Server:
        self.spawn()
        try:
            self.wait_ready(time.monotonic() + READY_TIMEOUT)
        except ServerError:
            self.kill()
            raise
        return self

    def terminate(self) -> None:
        if self.running and self._proc is not None:
            self._proc.send_signal(signal.SIGTERM)

    def wait_stopped(self, deadline: float) -> None:
        """Wait until ``deadline`` for the process to exit, then SIGKILL it."""
        if self._proc is None:
            return
        try:
            self._proc.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=STOP_TIMEOUT)

    def stop(self) -> None:
        """SIGTERM, wait up to 10 s, then SIGKILL."""
        self.terminate()
        self.wait_stopped(time.monotonic() + STOP_TIMEOUT)

    def kill(self) -> None:
        """SIGKILL now (a server that dies in the middle of an audit)."""
        if self.running and self._proc is not None:
            self._proc.kill()
        if self._proc is not None:
            self._proc.wait(timeout=STOP_TIMEOUT)

    def log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    # ---- test setup ----------------------------------------------------------------------------

    def admin_query(self, sql: str, user: str | None = None, password: str | None = None, timeout: float = 30.0) -> str:
        """POST one statement over HTTP(S) for test SETUP (DDL, inserts, SYSTEM FLUSH LOGS).

        Tests may write; chwarden may not, which is why this bypasses chwarden entirely.
        """
        name = self.variant.admin[0] if user is None else user
        secret = (self.variant.admin[1] if user is None else self.password(user)) if password is None else password
        base = self.http_url if self.variant.http else self.https_url
        verify: bool | ssl.SSLContext = ssl.create_default_context(cafile=self.ca_file) if self.ca_file else False
        transport = httpx.HTTPTransport(verify=verify, local_address=self.variant.admin_source)
        with httpx.Client(transport=transport, timeout=timeout) as client:
            response = client.post(
                base + "/",
                content=sql.encode(),
                headers={"X-ClickHouse-User": name, "X-ClickHouse-Key": secret},
            )
        if response.status_code != 200:
            raise ServerError(f"admin query failed on {self.name} ({response.status_code}): {response.text[:500]}")
        return response.text

    def query_log(self, user: str, flush: bool = True) -> list[tuple[str, str]]:
        """(type, query) of every logged query by ``user``, after SYSTEM FLUSH LOGS."""
        if flush:
            self.admin_query("SYSTEM FLUSH LOGS")
        text = self.admin_query(
            "SELECT toString(type), query FROM system.query_log "
            f"WHERE user = '{user}' ORDER BY event_time, query_start_time FORMAT JSONCompact"
        )
        return [(QUERY_LOG_TYPES.get(str(kind), str(kind)), str(query)) for kind, query in json.loads(text)["data"]]

    def wait_logged(self, user: str, *texts: str, timeout: float = 5.0) -> list[tuple[str, str]]:
        """``query_log(user)`` once every text in ``texts`` appears in a logged query, or at ``timeout``.

        18.16 logs a query after it has answered it: a flush right after the answer can come first
        (seen in loaded full runs), so flush again until the entries are there (bounded)."""
        deadline = time.monotonic() + timeout
        logged = self.query_log(user)
        while not all(any(t in query for _kind, query in logged) for t in texts) and time.monotonic() < deadline:
            time.sleep(0.2)
            logged = self.query_log(user)
        return logged


def start_all(servers: Iterable[ClickHouse18Server], timeout: float = READY_TIMEOUT) -> None:
    """Spawn every server first, then wait for all of them: parallel start in one thread."""
    servers = list(servers)
    try:
        for server in servers:
            server.spawn()
        deadline = time.monotonic() + timeout
        for server in servers:
            server.wait_ready(deadline)
    except BaseException:
        stop_all(servers)
        raise


def stop_all(servers: Iterable[ClickHouse18Server], timeout: float = STOP_TIMEOUT) -> None:
    servers = list(servers)
    for server in servers:
        server.terminate()
    deadline = time.monotonic() + timeout
    for server in servers:
        server.wait_stopped(deadline)


class ConfigDirServer:
    """A server started from a complete config directory (e.g. `chwarden harden --out`), as is.

    Nothing is written into the directory; ``ping_url`` is the URL that answers ``Ok.`` once ready
    (https for TLS-only configs, verified with ``ca_file``).
    """

    def __init__(
        self,
        name: str,
        config_file: Path,
        root: Path,
        ping_url: str,
        ca_file: str | None = None,
        environment: dict[str, str] | None = None,
        overrides: dict[str, str] | None = None,
    ) -> None:
        self.name = name
        self.config_file = config_file
        # `clickhouse-server -- --key=value`: e.g. a loopback listen_host in place of the file's 0.0.0.0
        self.overrides = dict(overrides or {})
        self.root = root
        self.ping_url = ping_url
        self.ca_file = ca_file
        self.environment = dict(environment or {})  # e.g. the from_env values of secrets.env
        self.log_file = root / "server.log"
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> ConfigDirServer:
        binary = server_binary()
        if binary is None:
            raise ServerError("clickhouse-server is not installed")
        self.root.mkdir(parents=True, exist_ok=True)
        argv = [binary, f"--config-file={self.config_file}"]
        if self.overrides:
            argv += ["--", *(f"--{key}={value}" for key, value in self.overrides.items())]
        self._proc = launch(argv, self.root, self.log_file, self.environment)
        deadline = time.monotonic() + READY_TIMEOUT
        verify: bool | ssl.SSLContext = ssl.create_default_context(cafile=self.ca_file) if self.ca_file else False
        with httpx.Client(verify=verify, timeout=0.5) as client:
            while True:
                if self._proc.poll() is not None:
                    raise ServerError(f"{self.name} exited at start:\n{self.log_tail()}")
                try:
                    if client.get(self.ping_url).text.startswith("Ok."):
                        return self
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    self.stop()
                    raise ServerError(f"{self.name} not ready after {READY_TIMEOUT}s:\n{self.log_tail()}")
                time.sleep(0.02)

    def stop(self) -> None:
        """SIGTERM, wait up to 10 s, then SIGKILL."""
        if self._proc is None:
            return
        if self._proc.poll() is None:
            self._proc.send_signal(signal.SIGTERM)
            try:
                self._proc.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(timeout=STOP_TIMEOUT)

    def log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])
