"""What a ClickHouse release line reads, supports and defaults to: one threshold per feature.

Thresholds are the first release line carrying the feature (conservative where the exact release is
unknown: a later threshold only leaves a hardening out or a finding unreported, an earlier one could
stop the server from starting on an unknown profile setting). ``harden`` builds a config only from
what its target line has (``Features``); checks and fixes ask ``Version.at_least`` of the server's
version, so a patch is never written for a key the server would ignore in silence.
"""

from __future__ import annotations

from dataclasses import dataclass

from chwarden.clickhouse.version import Branch, parse_version
from chwarden.errors import InputError

RBAC_SINCE: Branch = (20, 5)  # SQL users/roles and system.users/grants
XML_GRANTS_SINCE: Branch = (23, 5)  # <grants> in a users.xml user
XML_ROLES_SINCE: Branch = (23, 6)  # <roles> in users.xml (PR #50278)
CONSTRAINTS_SINCE: Branch = (19, 14)  # <constraints> in settings profiles
MASKING_SINCE: Branch = (19, 14)  # <query_masking_rules>
LOG_TTL_SINCE: Branch = (21, 1)  # <ttl> in system log sections (PR #17438)
SESSION_LOG_SINCE: Branch = (21, 9)
CLICKHOUSE_ROOT_SINCE: Branch = (22, 1)  # <clickhouse> root element (older files use <yandex>)
MYSQL_PORT_SINCE: Branch = (20, 1)
INSECURE_PASSWORD_SWITCHES_SINCE: Branch = (22, 8)  # allow_plaintext_password / allow_no_password
# The same switches as the check judges them: "unset means the insecure default" is claimed only from
# this later, approximate line on, so a 22.8/22.9 server without them is not reported.
INSECURE_PASSWORD_DEFAULTS_JUDGED_SINCE: Branch = (22, 10)
ACCESS_IMPROVEMENTS_SINCE: Branch = (22, 1)  # access_control_improvements
DISPLAY_SECRETS_SINCE: Branch = (23, 5)  # display_secrets_in_show_and_select (secrets masked in SHOW from here)
BCRYPT_SINCE: Branch = (23, 5)  # bcrypt_password (SQL only: users.xml has no bcrypt key)
CLUSTER_SECRET_SINCE: Branch = (20, 10)
INTERSERVER_CREDENTIALS_SINCE: Branch = (18, 16)  # in Debian's 18.16 binary; older lines unverified
VERBOSE_REPLICAS_SWITCH_SINCE: Branch = (23, 1)
REMOTE_URL_ALLOW_HOSTS_SINCE: Branch = (19, 17)  # approximate; absent from Debian's 18.16 binary
# users.xml <databases><db><table><filter>: Debian's 18.16 ignores them (measured: all rows visible);
# they arrived in the 19.x line, exact release unverified, so 20.1 is the bound used
XML_ROW_FILTERS_SINCE: Branch = (20, 1)
VALID_UNTIL_SINCE: Branch = (23, 9)  # CREATE USER ... VALID UNTIL
SYSTEM_DB_GRANT_SWITCH_SINCE: Branch = (22, 11)  # access_control_improvements.select_from_system_db_requires_grant
TABLE_ENGINES_GRANT_SWITCH_SINCE: Branch = (23, 7)  # access_control_improvements.table_engines_require_grant
# 18.16's replication thread reads tcp_port to announce the replica ("Not found: tcp_port" without
# it); newer lines are assumed to fall back to a default (not verified here: no newer server).
REPLICATION_WITHOUT_TCP_PORT_SINCE: Branch = (19, 1)
# 18.x matches every client against an IPv4 network written as a.b.c.d/NN (a server bug fixed in 19.1);
# only the netmask form a.b.c.d/255.x.x.x is matched correctly there.
IPV4_PREFIXES_MATCH_SINCE: Branch = (19, 1)
# A users.xml user without <networks>: refused everywhere on 18.x (measured on Debian's 18.16: code 195),
# open to every address once users.xml became an access storage (20.x: a User admits any host unless
# <networks> narrows it). The 19.x lines are unverified and counted with 18.x.
NETWORKS_DEFAULT_ANY_SINCE: Branch = (20, 1)

CURRENT: Branch = (26, 9)


class VersionError(InputError, ValueError):
    """The --target-version value is not a ClickHouse release line."""


def parse_release_line(text: str) -> Branch:
    """``24.8`` (or a build of that line) -> ``(24, 8)``, the line a hardened config is written for."""
    version = parse_version(text)
    major = (text or "").strip().removeprefix("v").split(".", 1)[0]
    if (version is not None and version.is_legacy) or (version is None and major.isdigit() and int(major) < 18):
        raise VersionError(f"ClickHouse {text} predates the 18.x config format chwarden generates")
    if version is None or version.is_cloud:
        raise VersionError(f"--target-version must look like 18.16 or 24.8, not {text!r}")
    return version.branch


def ipv4_netmask_form(cidr: str) -> str:
    """10.0.0.0/8 -> 10.0.0.0/255.0.0.0: the only IPv4 network form 18.x matches correctly."""
    address, _, bits = cidr.partition("/")
    mask = (0xFFFFFFFF << (32 - int(bits))) & 0xFFFFFFFF if int(bits) <= 32 else 0xFFFFFFFF
    return f"{address}/{'.'.join(str((mask >> s) & 0xFF) for s in (24, 16, 8, 0))}"


@dataclass(frozen=True)
class Features:
    """Feature switches of one target version."""

    version: Branch

    def has(self, since: Branch) -> bool:
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
