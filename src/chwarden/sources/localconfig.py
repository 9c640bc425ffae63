"""Find the config file of a clickhouse-server running on this machine and listening on host:port.

Reads only /proc: the listening socket's inode (/proc/net/tcp, tcp6), the process holding it
(/proc/<pid>/fd links), and its command line. Every scan is bounded, and anything unreadable
(permissions, a process that exits mid-scan) simply yields no match.
"""

from __future__ import annotations

import ipaddress
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

PROC = Path("/proc")
DEFAULT_CONFIG = "/etc/clickhouse-server/config.xml"
LISTEN_STATE = "0A"
MAX_PROCESSES = 5000
MAX_FDS_PER_PROCESS = 20000
SCAN_SECONDS = 3.0
ANY_ADDRESSES = frozenset({ipaddress.ip_address("0.0.0.0"), ipaddress.ip_address("::")})
CONFIG_OPTIONS = ("--config-file", "--config", "-C")


@dataclass(frozen=True)
class LocalServer:
    """A local clickhouse-server: its pid, main config file and `-- --key=value` overrides."""

    pid: int
    config_file: str
    overrides: dict[str, str] = field(default_factory=dict)


def _decode_address(hex_address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """/proc/net/tcp addresses are 32-bit words in host (little-endian) byte order."""
    raw = bytes.fromhex(hex_address)
    swapped = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    address = ipaddress.ip_address(swapped)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _wanted(host: str) -> set[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    if host in ("localhost", ""):
        return {ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1")}
    try:
        return {ipaddress.ip_address(host.strip("[]"))}
    except ValueError:
        return set()  # no DNS lookups: a name other than localhost cannot be matched offline


def listening_inodes(host: str, port: int, proc: Path = PROC) -> set[str]:
    """Inodes of LISTEN sockets bound to host:port (or to the wildcard address on that port)."""
    wanted = _wanted(host)
    inodes: set[str] = set()
    for table in ("tcp", "tcp6"):
        try:
            lines = (proc / "net" / table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if len(fields) < 10 or fields[3] != LISTEN_STATE:
                continue
            address_hex, _, port_hex = fields[1].partition(":")
            try:
                address, local_port = _decode_address(address_hex), int(port_hex, 16)
            except ValueError:
                continue
            if local_port == port and (address in wanted or address in ANY_ADDRESSES):
                inodes.add(fields[9])
    return inodes


def _cmdline(pid_dir: Path) -> list[str]:
    try:
        raw = (pid_dir / "cmdline").read_bytes()
    except OSError:
        return []
    return [a.decode("utf-8", "replace") for a in raw.split(b"\0") if a]


def is_clickhouse_server(argv: list[str]) -> bool:
    if not argv:
        return False
    program = os.path.basename(argv[0])
    return program.startswith("clickhouse-server") or (
        program == "clickhouse" and len(argv) > 1 and argv[1] == "server"
    )


def parse_server_args(argv: list[str]) -> tuple[str | None, dict[str, str]]:
    """(config file option, overrides after `--`) from a clickhouse-server command line."""
    config: str | None = None
    overrides: dict[str, str] = {}
    args = argv[1:]
    if "--" in args:
        split = args.index("--")
        args, extra = args[:split], args[split + 1 :]
        index = 0
        while index < len(extra):
            item = extra[index]
            index += 1
            if not item.startswith("--"):
                continue
            key, has_value, value = item[2:].partition("=")
            if not has_value and index < len(extra) and not extra[index].startswith("--"):
                value, index = extra[index], index + 1
            overrides[key] = value
    for index, arg in enumerate(args):
        following = args[index + 1] if index + 1 < len(args) else None
        for option in CONFIG_OPTIONS:
            if arg == option and following is not None:
                config = following
            elif arg.startswith(option + "="):
                config = arg[len(option) + 1 :]
        if arg.startswith("-C") and len(arg) > 2 and arg[2] != "=":
            config = arg[2:]  # getopt style: -Cconfig.xml
    return config, overrides


def _holds_socket(pid_dir: Path, targets: set[str], deadline: float) -> bool:
    try:
        fds = os.scandir(pid_dir / "fd")
    except OSError:
        return False
    with fds:
        for count, entry in enumerate(fds):
            if count >= MAX_FDS_PER_PROCESS or time.monotonic() > deadline:
                return False
            try:
                link = os.readlink(entry.path)
            except OSError:
                continue
            if link in targets:
                return True
    return False


def _config_path(pid_dir: Path, option: str | None) -> str:
    try:
        cwd = Path(os.readlink(pid_dir / "cwd"))
    except OSError:
        cwd = None
    if option is None:
        # The server falls back to ./config.xml in its working directory, then the packaged path.
        if cwd is not None and (cwd / "config.xml").is_file():
            return str(cwd / "config.xml")
        return DEFAULT_CONFIG
    path = Path(option)
    if not path.is_absolute() and cwd is not None:
        path = cwd / path
    return str(path)


def find_local_server(host: str, port: int, proc: Path = PROC) -> LocalServer | None:
    """The clickhouse-server process listening on host:port on this machine, or None."""
    inodes = listening_inodes(host, port, proc)
    if not inodes:
        return None
    targets = {f"socket:[{inode}]" for inode in inodes}
    deadline = time.monotonic() + SCAN_SECONDS
    try:
        pid_dirs = [p for p in proc.iterdir() if p.name.isdigit()][:MAX_PROCESSES]
    except OSError:
        return None
    for pid_dir in pid_dirs:
        if time.monotonic() > deadline:
            return None
        argv = _cmdline(pid_dir)
        if not is_clickhouse_server(argv) or not _holds_socket(pid_dir, targets, deadline):
            continue
        option, overrides = parse_server_args(argv)
        return LocalServer(pid=int(pid_dir.name), config_file=_config_path(pid_dir, option), overrides=overrides)
    return None


def find_local_server_config(host: str, port: int) -> str | None:
    """Main config file of the local clickhouse-server listening on host:port, if any."""
    server = find_local_server(host, port)
    return server.config_file if server is not None else None
