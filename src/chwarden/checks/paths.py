"""Server paths that hand the host's files to SQL: where file(), executable() and library dictionaries look.

``file()`` reads any file under ``user_files_path``; ``executable()`` and executable UDFs run any
program under ``user_scripts_path``; library dictionaries load shared objects from
``dictionaries_lib_path``. Pointed at ``/``, a system directory or ClickHouse's own data directory
(or a parent of it), they expose configs, password hashes, table data and the host itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from chwarden.analysis.server_config import config_value
from chwarden.checks.fixes import xml_fragment
from chwarden.checks.references import REF_SERVER_SETTINGS
from chwarden.checks.registry import Hit, check
from chwarden.facts import Snapshot
from chwarden.model import Remediation, Severity

DEFAULT_DATA_PATH = "/var/lib/clickhouse/"
# Directories whose files are the host's own: reading them leaks accounts, keys and configs; running
# programs from them is running the host's binaries.
SYSTEM_DIRS = frozenset(
    PurePosixPath(p)
    for p in (
        "/etc",
        "/root",
        "/home",
        "/var",
        "/usr",
        "/bin",
        "/sbin",
        "/lib",
        "/lib64",
        "/boot",
        "/opt",
        "/srv",
        "/run",
        "/proc",
        "/sys",
        "/dev",
        "/tmp",
        "/var/lib",
        "/var/log",
        "/usr/bin",
        "/usr/sbin",
        "/usr/lib",
        "/usr/local",
        "/usr/local/bin",
        "/usr/local/lib",
        "/etc/clickhouse-server",
    )
)
# Sub-directories of the data path that hold what no query should read as files.
DATA_INTERNALS = ("data", "metadata", "store", "access", "preprocessed_configs", "shadow", "disks")


@dataclass(frozen=True)
class ServerPath:
    key: str
    default: str
    what: str  # what SQL does with it


SERVER_PATHS = (
    ServerPath("user_files_path", "/var/lib/clickhouse/user_files/", "file() and the File engine read files under it"),
    ServerPath(
        "user_scripts_path", "/var/lib/clickhouse/user_scripts/", "executable() and executable UDFs run programs in it"
    ),
    ServerPath(
        "dictionaries_lib_path",
        "/var/lib/clickhouse/dictionaries_lib/",
        "library dictionaries load shared objects from it",
    ),
)


def _path(text: str) -> PurePosixPath | None:
    text = text.strip()
    return PurePosixPath(text) if text.startswith("/") else None


def why_dangerous(path: PurePosixPath, data_path: PurePosixPath) -> str | None:
    """Why a root for file access is dangerous, or None."""
    if path == PurePosixPath("/"):
        return "the root of the filesystem"
    if path in SYSTEM_DIRS:
        return f"a system directory ({path})"
    if path == data_path:
        return "ClickHouse's own data path (table data, metadata, access storage)"
    if path in data_path.parents:
        return f"a parent of the data path {data_path}"
    if any(path == data_path / inner or data_path / inner in path.parents for inner in DATA_INTERNALS):
        return f"inside the data path's own files ({path})"
    return None


@check(
    "dangerous_server_path",
    title="file(), executable() or library dictionaries reach system or data directories",
    severity=Severity.HIGH,
    category="privileges",
    rationale=(
        "user_files_path, user_scripts_path and dictionaries_lib_path are the roots SQL may read files from, run "
        "programs from and load libraries from. Set to `/`, a system directory (/etc, /root, /home, /var, /usr) "
        "or the data path (or a parent of it), `SELECT * FROM file(...)` reads configs, password hashes and raw "
        "table data of other users, and executable() runs the host's own programs."
    ),
    remediation="Point each at its own dedicated, empty directory under the data path (the shipped defaults).",
    references=(REF_SERVER_SETTINGS,),
    needs=("server_config",),
)
def dangerous_server_path(snapshot: Snapshot) -> Iterator[Hit]:
    configured = config_value(snapshot, "path")
    data_path = _path(configured.value if configured is not None else "") or PurePosixPath(DEFAULT_DATA_PATH)
    for spec in SERVER_PATHS:
        value = config_value(snapshot, spec.key)
        path = _path(value.value) if value is not None else None
        if value is None or path is None:
            continue
        why = why_dangerous(path, data_path)
        if why is None:
            continue
        yield Hit(
            resource=f"setting:{spec.key}",
            evidence={
                spec.key: value.value,
                "why": why,
                "what_sql_does_with_it": spec.what,
                "data_path": str(data_path),
            },
            remediation=Remediation(xml=xml_fragment(f"<{spec.key}>{spec.default}</{spec.key}>")),
            severity=Severity.CRITICAL
            if spec.key == "user_scripts_path" and path.name in ("", "bin", "sbin")
            else None,
            location=value.location,
        )
