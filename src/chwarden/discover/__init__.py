"""``chwarden discover``: secrets, personal data and chat logs inside tables, logs and files.

Public API (also used by ``chwarden assess``)::

    discover_live(conn, target_display, DiscoverOptions(...)) -> DiscoverResult
    discover_files(paths, DiscoverOptions(...)) -> DiscoverResult

Matching runs inside ClickHouse (or chdb for files); only counts and a bounded sample of matched
fragments come back, and only redacted examples leave the package.
"""

from chwarden.discover.column_scan import ScopeNotFound, check_scope
from chwarden.discover.files import discover_files
from chwarden.discover.rules import Detector, load_rules, select_detectors
from chwarden.discover.run import DiscoverOptions, DiscoverResult, discover_live

__all__ = [
    "Detector",
    "DiscoverOptions",
    "DiscoverResult",
    "ScopeNotFound",
    "check_scope",
    "discover_files",
    "discover_live",
    "load_rules",
    "select_detectors",
]
