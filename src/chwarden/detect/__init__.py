"""Threat detection on a target's own logs: rules as data, pushed down read-only, incremental.

Floor plan: beside ``checks`` (rules are judgement, expressed in SQL and run through the guarded
connection; log reliability uses the checks' helpers). Watch and investigate sit above it.
"""

from chwarden.detect.catalog import Rule, RuleError, builtin_rules, load_rules, select_rules
from chwarden.detect.engine import Detection, DetectOptions, Detector, DetectResult, DetectState
from chwarden.detect.judges import JudgeContext, networks

__all__ = [
    "DetectOptions",
    "DetectResult",
    "DetectState",
    "Detection",
    "Detector",
    "JudgeContext",
    "Rule",
    "RuleError",
    "builtin_rules",
    "load_rules",
    "networks",
    "select_rules",
]
