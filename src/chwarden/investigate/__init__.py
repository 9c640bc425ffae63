"""``chwarden investigate``: who read the sensitive data, from where, how much, when (a command).

Floor plan: a command, beside watch; it reads the target through the guarded connection (via
detect's dialect) and, when there is one, the store (inventory and past detections).
"""

from chwarden.investigate.engine import InvestigateOptions, Investigation, Investigator
from chwarden.investigate.run import investigate_target

__all__ = ["InvestigateOptions", "Investigation", "Investigator", "investigate_target"]
