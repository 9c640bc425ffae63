"""How exposed an account is, for the severity of the findings about it (issue 13's calibration).

One rule for every check that weighs an account: high is for ``default``, for accounts any address
may use, for passwordless ones and for well-known passwords; a password-protected account limited
to listed networks is a medium matter, and one reachable from the server host only is a low one.
"""

from __future__ import annotations

from typing import Literal

from chwarden.analysis.deployment_reach import contained
from chwarden.analysis.principals import is_passwordless
from chwarden.analysis.reach import SCOPE_RANK, refused_everywhere, user_reach, user_scope
from chwarden.facts import Snapshot, UserFacts
from chwarden.model import Severity

Exposure = Literal["open", "exposed", "restricted", "local"]


def account_exposure(snapshot: Snapshot, user: UserFacts) -> Exposure:
    """``open``: no password and reachable beyond the host; ``exposed``: default, any address, a
    well-known password, or networks unknown; ``restricted``: a password and listed networks;
    ``local``: only processes on the server host (or the installation's own pods) can use it."""
    reach = user_reach(snapshot, user)
    admitted = user_scope(snapshot, user)
    # A user whose networks list nothing is read as unknown, not as "nobody": hand-made and partial facts
    # look like that, and an admin right is not to be waved through on a guess.
    local = (
        refused_everywhere(snapshot, user)
        or contained(snapshot, user)
        or (reach is not None and admitted != "none" and SCOPE_RANK[reach] <= SCOPE_RANK["loopback"])
    )
    if is_passwordless(user):
        return "local" if local else "open"
    if local:
        return "local"
    if user.name == "default" or user.well_known_password or admitted in (None, "any", "none"):
        return "exposed"
    return "restricted"


EXPOSURE_SEVERITY: dict[str, Severity] = {
    "open": Severity.CRITICAL,
    "exposed": Severity.HIGH,
    "restricted": Severity.MEDIUM,
    "local": Severity.LOW,
}


def admin_severity(snapshot: Snapshot, user: UserFacts | None) -> Severity:
    """The severity of an admin-level right held by ``user`` (unknown users count as exposed)."""
    if user is None:
        return Severity.HIGH
    exposure = account_exposure(snapshot, user)
    if exposure == "local" and is_passwordless(user):
        return Severity.MEDIUM  # any process on the host is that admin
    return EXPOSURE_SEVERITY[exposure]
