"""Names that promise a read-only account: a user, profile or role called reader, viewer, readonly...

A promise only: the checks compare it with what the account can really do. Words are matched as
whole tokens of the name (``app_ro``, ``BIReader``, ``grafana-viewer``), never as substrings
(``root`` is not ``ro``, ``spreadsheet`` is not ``read``).
"""

from __future__ import annotations

import itertools
import re

READ_ONLY_WORDS = frozenset(
    {
        "ro",
        "read",
        "reader",
        "readers",
        "readonly",
        "viewer",
        "viewers",
        "view",
        "analyst",
        "analysts",
        "report",
        "reports",
        "reporting",
        "reporter",
        "bi",
        "dashboard",
        "dashboards",
        "grafana",
        "metabase",
        "superset",
        "redash",
        "tableau",
        "looker",
        "guest",
        "guests",
        "auditor",
        "observer",
        "select",
    }
)
READ_ONLY_PAIRS = frozenset({("read", "only"), ("read", "access")})
# Words that say the account writes after all (``report_writer``, ``rw``, ``etl_reader_loader``).
WRITE_WORDS = frozenset({"write", "writer", "writers", "rw", "etl", "ingest", "ingestor", "loader", "admin", "owner"})
_TOKEN = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def tokens(name: str) -> list[str]:
    """``grafana-viewer`` -> grafana, viewer; ``BIReader`` -> bi, reader; ``app_ro2`` -> app, ro, 2."""
    return [t.lower() for t in _TOKEN.findall(name)]


def says_read_only(name: str) -> bool:
    words = tokens(name)
    if any(w in WRITE_WORDS for w in words):
        return False
    return any(w in READ_ONLY_WORDS for w in words) or any(
        pair in READ_ONLY_PAIRS for pair in itertools.pairwise(words)
    )
