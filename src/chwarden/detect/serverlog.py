"""Login events from a local server's own log file, for servers whose SQL logs record no logins.

18.x writes nothing to ``system.query_log`` for a failed login and has no ``session_log``; its log
file does, at the ``information``/``debug``/``trace`` levels Debian ships (``trace``): the failure
(``<Error> HTTPHandler: Code: 193, ... Wrong password for user alice``) and, on an earlier line of
the same thread, the client address (``HTTP Request for HTTPHandler-factory. Method: GET,
Address: 127.0.9.8:34881`` or ``TCP Request. Address: ...``). The two lines are paired by thread
number. At ``warning`` level the addresses are not written: failures are counted per user with the
address unknown. The file is read from a remembered offset (the watermark), bounded per cycle;
a rotated or truncated file is read from its start.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_BYTES_PER_CYCLE = 64 * 1024 * 1024
_LINE = re.compile(
    r"^(?P<ts>\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}:\d{2})(?:\.\d+)? \[\s*(?P<thread>\d+)\s*\] \{[^}]*\} <(?P<level>\w+)> "
    r"(?P<logger>[^:]+): (?P<message>.*)$"
)
_ADDRESS = re.compile(
    r"(?:HTTP Request for [\w-]+\. Method: \w+, Address|TCP Request\. Address): (?P<address>\S+?)(?:,|$)"
)
_FAILURE = re.compile(
    r"Code: (?P<code>19[234]|516)\b.*?(?:"
    r"(?:Wrong password for user|Unknown user|Password required for user) (?P<user>[^\s,]+)"
    r"|DB::Exception: (?P<user2>[^\s:]+): Authentication failed)"
)
_SUCCESS = re.compile(r"\(from (?P<address>\S+?), user: (?P<user>[^)]+)\)")


@dataclass(frozen=True)
class LoginEvent:
    at: int  # unix seconds
    user: str
    address: str  # "" when the log level did not record it
    success: bool


def _host_of(address: str) -> str:
    """``127.0.9.8:34881`` / ``[::1]:5000`` / ``[::ffff:127.0.0.1]:1`` -> the address alone."""
    text = address.strip()
    if text.startswith("["):
        text = text[1 : text.find("]")] if "]" in text else text[1:]
    elif text.count(":") == 1:
        text = text.split(":", 1)[0]
    return text.removeprefix("::ffff:")


def parse_lines(lines: list[str]) -> list[LoginEvent]:
    """Failed logins (with the thread's last client address) and successful queries' logins."""
    last_address: dict[str, str] = {}
    events: list[LoginEvent] = []
    for line in lines:
        m = _LINE.match(line)
        if m is None:
            continue
        thread, message = m.group("thread"), m.group("message")
        addressed = _ADDRESS.search(message)
        if addressed:
            last_address[thread] = _host_of(addressed.group("address"))
            continue
        at = int(time.mktime(time.strptime(m.group("ts"), "%Y.%m.%d %H:%M:%S")))
        failed = _FAILURE.search(message)
        if failed and m.group("level") in ("Error", "Warning", "Information"):
            user = failed.group("user") or failed.group("user2") or ""
            events.append(LoginEvent(at, user, last_address.pop(thread, ""), success=False))
            continue
        ok = _SUCCESS.search(message)
        if ok and m.group("logger").startswith("executeQuery"):
            events.append(LoginEvent(at, ok.group("user").strip(), _host_of(ok.group("address")), success=True))
    return events


@dataclass(frozen=True)
class LogRead:
    events: list[LoginEvent]
    position: dict[str, Any]
    note: str = ""


def read_new(path: Path, position: dict[str, Any] | None) -> LogRead:
    """Events written since ``position`` ({inode, offset}); OSError when the file cannot be read."""
    info = os.stat(path)
    offset = int((position or {}).get("offset", 0))
    note = ""
    if position is not None and (position.get("inode") != info.st_ino or info.st_size < offset):
        offset, note = 0, "the log file was rotated or truncated: read from its start"
    if position is None:
        offset = info.st_size  # the first cycle starts at the end: history is not an alert
    end = min(info.st_size, offset + MAX_BYTES_PER_CYCLE)
    with open(path, "rb") as fh:
        fh.seek(offset)
        data = fh.read(end - offset)
    cut = data.rfind(b"\n") + 1  # only whole lines; the rest is read next time
    lines = data[:cut].decode("utf-8", "replace").splitlines()
    if end < info.st_size:
        note = note or f"more than {MAX_BYTES_PER_CYCLE} bytes of new log: the rest is read next cycle"
    return LogRead(parse_lines(lines), {"inode": info.st_ino, "offset": offset + cut}, note)


def locate(config_log: str | None, server_pid: int | None) -> Path | None:
    """The server's log file: ``<logger><log>`` from its config, else what its stdout points to."""
    if config_log:
        path = Path(config_log)
        return path if path.is_file() else None
    if server_pid is not None:
        for fd in (1, 2):
            try:
                target = Path(os.readlink(f"/proc/{server_pid}/fd/{fd}"))
            except OSError:
                continue
            if target.is_file():
                return target
    return None
