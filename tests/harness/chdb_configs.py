"""Two access-control scenarios for chdb 26.x, as ``<users_config>`` bodies.

MODERN_BAD collects what an audit must flag; MODERN_GOOD what it must accept. ``default`` stays
passwordless in both (chdb always logs in as ``default``/""), so in MODERN_GOOD it is narrowed to
the loopback addresses and acts as a read-only auditor that may see access metadata.
Plain-text secrets are listed in ``MODERN_BAD_SECRETS`` so tests can prove they never leak.
"""

from __future__ import annotations

from tests.harness.configs import sha256_hex

PLAIN_PASSWORD = "Plain-Text-Pw-9d41"
DOUBLE_SHA1_HEX = "2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19"  # double sha1 of "password"
BAD_SHA256_PASSWORD = "unsalted-sha-pw"
GOOD_PASSWORDS = {"alice": "Alice-long-passphrase-41", "bob": "Bob-long-passphrase-77"}
MODERN_BAD_SECRETS = (PLAIN_PASSWORD,)

_OPEN = "<networks><ip>::/0</ip></networks>"


def _user(name: str, auth: str, extra: str = "", profile: str = "default", quota: str = "unlimited") -> str:
    return f"<{name}>{auth}{_OPEN}<profile>{profile}</profile><quota>{quota}</quota>{extra}</{name}>"


def _grants(*queries: str) -> str:
    return "<grants>" + "".join(f"<query>{q}</query>" for q in queries) + "</grants>"


MODERN_BAD = f"""
<profiles>
    <default/>
    <writable><readonly>0</readonly></writable>
    <readonly2><readonly>2</readonly></readonly2>
</profiles>
<roles>
    <analyst>{_grants("GRANT SELECT ON app.*")}</analyst>
</roles>
<users>
    {
    _user(
        "default",
        "<password></password>",
        "<access_management>1</access_management><named_collection_control>1</named_collection_control>"
        "<show_named_collections>1</show_named_collections>"
        "<show_named_collections_secrets>1</show_named_collections_secrets>",
    )
}
    {_user("plain_user", f"<password>{PLAIN_PASSWORD}</password>", _grants("GRANT SELECT ON app.*"))}
    {_user("nopass_user", "<no_password/>", _grants("GRANT SELECT ON app.events"))}
    {
    _user(
        "dsha1_user",
        f"<password_double_sha1_hex>{DOUBLE_SHA1_HEX}</password_double_sha1_hex>",
        _grants("GRANT SELECT, INSERT ON app.*"),
        profile="writable",
    )
}
    {
    _user(
        "sha_user",
        f"<password_sha256_hex>{sha256_hex(BAD_SHA256_PASSWORD)}</password_sha256_hex>",
        _grants("GRANT SHOW TABLES ON *.*"),
        profile="readonly2",
    )
}
    {
    _user(
        "superuser",
        f"<password_sha256_hex>{sha256_hex('super-pw')}</password_sha256_hex>",
        _grants("GRANT ALL ON *.* WITH GRANT OPTION"),
    )
}
    {
    _user(
        "etl",
        f"<password_sha256_hex>{sha256_hex('etl-pw')}</password_sha256_hex>",
        _grants("GRANT FILE, URL, REMOTE, S3 ON *.*", "GRANT SYSTEM ON *.*", "GRANT INTROSPECTION ON *.*"),
    )
}
    {
    _user(
        "lead",
        f"<password_sha256_hex>{sha256_hex('lead-pw')}</password_sha256_hex>",
        _grants("GRANT analyst WITH ADMIN OPTION"),
    )
}
</users>
<quotas>
    <unlimited>
        <interval>
            <duration>3600</duration>
            <queries>0</queries><errors>0</errors><result_rows>0</result_rows>
            <read_rows>0</read_rows><execution_time>0</execution_time>
        </interval>
    </unlimited>
</quotas>
"""

MODERN_BAD_USERS = (
    "default",
    "dsha1_user",
    "etl",
    "lead",
    "nopass_user",
    "plain_user",
    "sha_user",
    "superuser",
)

_LOCAL = "<networks><ip>::1</ip><ip>127.0.0.1</ip></networks>"

MODERN_GOOD = f"""
<profiles>
    <default>
        <readonly>1</readonly>
        <max_memory_usage>1000000000</max_memory_usage>
        <max_execution_time>30</max_execution_time>
        <max_result_rows>100000</max_result_rows>
        <constraints>
            <readonly><const/></readonly>
            <max_memory_usage><max>2000000000</max></max_memory_usage>
            <max_execution_time><const/></max_execution_time>
        </constraints>
    </default>
    <analyst_profile>
        <readonly>1</readonly>
        <max_memory_usage>4000000000</max_memory_usage>
        <max_execution_time>60</max_execution_time>
        <constraints>
            <readonly><const/></readonly>
            <max_memory_usage><max>8000000000</max></max_memory_usage>
        </constraints>
    </analyst_profile>
</profiles>
<roles>
    <access_auditor>{_grants("GRANT SHOW ACCESS ON *.*", "GRANT SELECT ON system.*")}</access_auditor>
    <analyst>{_grants("GRANT SELECT ON app.*")}</analyst>
    <loader>{_grants("GRANT INSERT ON app.events")}</loader>
</roles>
<users>
    <default>
        <password></password>{_LOCAL}
        <profile>default</profile><quota>limited</quota>
        {_grants("GRANT access_auditor")}
    </default>
    <alice>
        <password_sha256_hex>{sha256_hex(GOOD_PASSWORDS["alice"])}</password_sha256_hex>
        <networks><ip>10.20.30.0/24</ip></networks>
        <profile>analyst_profile</profile><quota>limited</quota>
        {_grants("GRANT analyst")}
        <databases><app><events><filter>tenant_id = 1</filter></events></app></databases>
    </alice>
    <bob>
        <password_sha256_hex>{sha256_hex(GOOD_PASSWORDS["bob"])}</password_sha256_hex>
        <networks><ip>10.20.31.5</ip></networks>
        <profile>analyst_profile</profile><quota>limited</quota>
        {_grants("GRANT loader")}
    </bob>
</users>
<quotas>
    <limited>
        <interval>
            <duration>3600</duration>
            <queries>1000</queries><errors>100</errors><result_rows>10000000</result_rows>
            <read_rows>1000000000</read_rows><execution_time>600</execution_time>
        </interval>
    </limited>
</quotas>
"""

MODERN_GOOD_USERS = ("alice", "bob", "default")
