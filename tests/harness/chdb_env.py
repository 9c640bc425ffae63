"""chdb (embedded ClickHouse 26.x) sessions on a scenario config.

Pitfalls this module handles (see testbed notes): users are read only when ``<users_config>``
names a file (here: the config file itself); chdb always logs in as ``default`` with an empty
password, so every scenario's ``default`` is passwordless with local networks; one engine per
process, so a session must be closed before the next one opens (``chdb_session`` does).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The scenario most tests need: ``default`` without a password, from anywhere, allowed to manage access.
OPEN_DEFAULT_USER = (
    "<profiles><default/></profiles><quotas><default/></quotas><users><default><password></password>"
    "<networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota>"
    "<access_management>1</access_management></default></users>"
)


def write_chdb_config(path: Path | str, users_xml_body: str) -> Path:
    """Write a chdb config whose users/roles/profiles/quotas are ``users_xml_body``; return its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<?xml version="1.0"?>\n<clickhouse>\n    <users_config>{path}</users_config>\n'
        f"{users_xml_body}\n</clickhouse>\n",
        encoding="utf-8",
    )
    return path


@dataclass(frozen=True)
class ChdbEnv:
    session: Any
    config_path: Path
    data_dir: Path


@contextmanager
def chdb_environment(users_xml_body: str, root: Path | None = None) -> Iterator[ChdbEnv]:
    """Open a chdb Session on a fresh data dir with this scenario; close it on exit."""
    from chdb import session as chdb_session

    with tempfile.TemporaryDirectory(prefix="chwarden-chdb-", dir=root) as tmp:
        config = write_chdb_config(Path(tmp) / "config.xml", users_xml_body)
        data_dir = Path(tmp) / "data"
        session = chdb_session.Session(f"{data_dir}?config-file={config}")
        try:
            yield ChdbEnv(session=session, config_path=config, data_dir=data_dir)
        finally:
            session.close()


@contextmanager
def chdb_session(config_xml_text: str, root: Path | None = None) -> Iterator[Any]:
    """The Session alone (``config_xml_text`` is the users/roles/profiles/quotas body)."""
    with chdb_environment(config_xml_text, root) as env:
        yield env.session


def query_rows(session: Any, sql: str) -> list[list[Any]]:
    """Rows of a query as JSON values (test helper; chwarden's own reads use its transport)."""
    import json

    raw = session.query(sql, "JSONCompact").bytes()
    return list(json.loads(raw)["data"]) if raw.strip() else []
