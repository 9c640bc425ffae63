"""Which config keys a real server binary reads: the identifiers compiled into it.

ClickHouse ignores config keys it does not know, in silence. A hardened config or a fix patch
that uses a key the target version lacks looks right, makes the check go quiet, and protects
nothing. The words of Debian's 18.16 server binary and its ClickHouse/Poco libraries are the
oracle: every element a generated file sets must be one of them.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

ROOTS = frozenset({"yandex", "clickhouse"})


@functools.lru_cache(maxsize=1)
def words_the_server_knows() -> frozenset[str]:
    binary = shutil.which("clickhouse-server") or "/usr/sbin/clickhouse-server"
    linked = subprocess.run(["ldd", binary], capture_output=True, text=True, check=False, timeout=30).stdout
    files = [binary] + [m.group(1) for m in re.finditer(r"=> (\S*(?:clickhouse|Poco)\S*)", linked)]
    words: set[str] = set()
    for name in files:
        words |= {w.decode() for w in re.findall(rb"[A-Za-z_][A-Za-z0-9_]+", Path(name).read_bytes())}
    return frozenset(words)


def keys_set_by(texts: list[str]) -> set[str]:
    """Element names the documents set (elements that only remove something are left out)."""
    keys: set[str] = set()
    for text in texts:
        for element in ET.fromstring(text.split("?>", 1)[-1].strip()).iter():
            if isinstance(element.tag, str) and "remove" not in element.attrib:
                keys.add(element.tag)
    return keys - ROOTS


def unknown_keys(texts: list[str], names: set[str]) -> set[str]:
    """Keys the server binary does not know, after the user/profile/quota/cluster ``names`` addressed."""
    return keys_set_by(texts) - names - words_the_server_knows()
