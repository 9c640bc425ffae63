"""Attack paths from the network to the sensitive data (`chwarden assess`).

``assess`` collects live targets; ``assess_report`` / ``attack_paths`` work on snapshots already
collected (the demo, saved snapshots). The effective-privilege model the paths are built on is
``chwarden.analysis.access.AccessModel``, shared with the checks.
"""

from __future__ import annotations

from chwarden.assess.run import (
    Assessment,
    AssessOptions,
    assess,
    assess_report,
    assess_target,
    attack_paths,
)

__all__ = [
    "AssessOptions",
    "Assessment",
    "assess",
    "assess_report",
    "assess_target",
    "attack_paths",
]
