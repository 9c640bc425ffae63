"""A throw-away Apache ZooKeeper (Debian's `zookeeper` package) on one private loopback address.

Standalone mode, its own data directory, no admin HTTP server, only `ruok` among the four-letter
words; it dies with the pytest process like the ClickHouse test servers.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from tests.harness.ch18 import ServerError, launch

JAR = Path("/usr/share/java/zookeeper.jar")
CONF_DIR = Path("/etc/zookeeper/conf")  # log4j settings of the package
READY_TIMEOUT = 20.0


def zookeeper_available() -> bool:
    return JAR.is_file() and shutil.which("java") is not None


class ZooKeeperServer:
    def __init__(self, host: str, root: Path, port: int = 2181) -> None:
        self.host, self.port, self.root = host, port, root
        self.log_file = root / "zookeeper.log"
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self) -> ZooKeeperServer:
        if not zookeeper_available():
            raise ServerError("ZooKeeper is not installed: apt-get install zookeeper")
        (self.root / "data").mkdir(parents=True, exist_ok=True)
        config = self.root / "zoo.cfg"
        config.write_text(
            "tickTime=500\n"
            f"dataDir={self.root / 'data'}\n"
            f"clientPort={self.port}\nclientPortAddress={self.host}\n"
            "admin.enableServer=false\n4lw.commands.whitelist=ruok\n"
        )
        java = shutil.which("java") or "java"
        main = "org.apache.zookeeper.server.ZooKeeperServerMain"
        argv = [java, "-Xmx128m", "-cp", f"{JAR}:{CONF_DIR}", main, str(config)]
        self._proc = launch(argv, self.root, self.log_file, {})
        deadline = time.monotonic() + READY_TIMEOUT
        while not self._ruok():
            if self._proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise ServerError(f"ZooKeeper on {self.address} did not start:\n{self.log_file.read_text()[-2000:]}")
            time.sleep(0.05)
        return self

    def _ruok(self) -> bool:
        try:
            with socket.create_connection((self.host, self.port), timeout=0.5) as s:
                s.sendall(b"ruok")
                return s.recv(4) == b"imok"
        except OSError:
            return False

    def stop(self) -> None:
        if self._proc is None or self._proc.poll() is not None:
            return
        self._proc.send_signal(signal.SIGTERM)
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=10)
