"""Config keys an old server does not know: ClickHouse ignores unknown keys in silence.

Measured from Debian's 18.16 server binary (``tests/harness/config_oracle.py``): for an 18.x server
these keys are no facts at all, whatever its files say.
"""

from __future__ import annotations

from chwarden.clickhouse.version import Version

UNKNOWN_TO_18 = frozenset(
    {
        "access_control_improvements",
        "allow_implicit_no_password",
        "allow_no_password",
        "allow_plaintext_password",
        "bcrypt_workfactor",
        "default_password_type",
        "display_secrets_in_show_and_select",
        "enable_verbose_replicas_status",
        "grpc",
        "grpc_port",
        "http_options_response",
        "keeper_server",
        "mysql_port",
        "named_collections",
        "postgresql_port",
        "prometheus",
        "query_masking_rules",
        "remote_url_allow_hosts",
        "session_log",
        "text_log",
    }
)
LAST_MAJOR_WITHOUT_THEM = 18


def ignored_key(version: Version | None, path: str) -> bool:
    """A server of ``version`` does not read this (dotted) config key; unknown versions read all."""
    return version is not None and version.major <= LAST_MAJOR_WITHOUT_THEM and path.split(".", 1)[0] in UNKNOWN_TO_18
