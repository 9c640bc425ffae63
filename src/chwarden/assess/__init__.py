"""Attack paths from the network to the sensitive data (`chwarden assess`).

``assess`` collects live targets; ``assess_report`` / ``attack_paths`` work on snapshots already
collected (the demo, saved snapshots). ``privileges.AccessModel`` is the effective-privilege
engine the paths are built on.
"""

from __future__ import annotations

from chwarden.analysis.access import AccessModel, Grant, TableAccess
from chwarden.assess.engine import (
    Assessment,
    AssessOptions,
    assess,
    assess_report,
    assess_target,
    attack_paths,
)

__all__ = [
    "AccessModel",
    "AssessOptions",
    "Assessment",
    "Grant",
    "TableAccess",
    "assess",
    "assess_report",
    "assess_target",
    "attack_paths",
]
