"""What a ClickHouse version can express in its config files, so a baseline never uses a key it lacks.

Thresholds are the first release carrying the feature (conservative where the exact release is
unknown: a later threshold only leaves a hardening out, an earlier one could stop the server from
starting on an unknown profile setting).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Version = tuple[int, int]

RBAC_SINCE: Version = (20, 5)  # SQL users/roles and system.users/grants
XML_GRANTS_SINCE: Version = (23, 5)  # <grants> in a users.xml user
XML_ROLES_SINCE: Version = (23, 6)  # <roles> in users.xml (PR #50278)
CONSTRAINTS_SINCE: Version = (19, 14)  # <constraints> in settings profiles
MASKING_SINCE: Version = (19, 14)  # <query_masking_rules>
LOG_TTL_SINCE: Version = (21, 1)  # <ttl> in system log sections (PR #17438)
SESSION_LOG_SINCE: Version = (21, 9)
CLICKHOUSE_ROOT_SINCE: Version = (22, 1)  # <clickhouse> root element (older files use <yandex>)
MYSQL_PORT_SINCE: Version = (20, 1)
INSECURE_PASSWORD_SWITCHES_SINCE: Version = (22, 8)  # allow_plaintext_password / allow_no_password
ACCESS_IMPROVEMENTS_SINCE: Version = (22, 1)  # access_control_improvements
DISPLAY_SECRETS_SINCE: Version = (23, 5)
BCRYPT_SINCE: Version = (23, 5)  # bcrypt_password (SQL only: users.xml has no bcrypt key)
CLUSTER_SECRET_SINCE: Version = (20, 10)
INTERSERVER_CREDENTIALS_SINCE: Version = (18, 16)  # in Debian's 18.16 binary; older lines unverified
VERBOSE_REPLICAS_SWITCH_SINCE: Version = (23, 1)
REMOTE_URL_ALLOW_HOSTS_SINCE: Version = (19, 17)  # approximate; absent from Debian's 18.16 binary
# users.xml <databases><db><table><filter>: Debian's 18.16 ignores them (measured: all rows visible);
# they arrived in the 19.x line, exact release unverified, so 20.1 is the bound used
XML_ROW_FILTERS_SINCE: Version = (20, 1)

CURRENT: Version = (26, 9)


class VersionError(ValueError):
    """The --target-version value is not X.Y."""


def parse_version(text: str) -> Version:
    match = re.fullmatch(r"\s*v?(\d{1,2})\.(\d{1,2})(?:\.[\d.]*)?\s*", text or "")
    if not match:
        raise VersionError(f"--target-version must look like 18.16 or 24.8, not {text!r}")
    version = (int(match.group(1)), int(match.group(2)))
    if version < (18, 1):
        raise VersionError(f"ClickHouse {text} predates the 18.x config format chwarden generates")
    return version


@dataclass(frozen=True)
class Features:
    """Feature switches of one target version."""

    version: Version

    def has(self, since: Version) -> bool:
        return self.version >= since

    @property
    def label(self) -> str:
        return f"{self.version[0]}.{self.version[1]}"

    @property
    def rbac(self) -> bool:
        return self.has(RBAC_SINCE)

    @property
    def xml_roles(self) -> bool:
        return self.has(XML_ROLES_SINCE)

    @property
    def root(self) -> str:
        return "clickhouse" if self.has(CLICKHOUSE_ROOT_SINCE) else "yandex"

    @property
    def era(self) -> str:
        if self.xml_roles:
            return "rbac (roles and grants in users.d)"
        if self.rbac:
            return "rbac (legacy users.xml profiles; one loopback break-glass admin)"
        return "users.xml (profiles + allow_databases)"
