"""XML text for the 18.16 test servers: config.xml builders and users.xml variants.

Every generated config has ``<query_log>`` (flushed every 500 ms) and the generated profiles set
``log_queries=1``, so a test can prove from ``system.query_log`` what chwarden sent.
IPv4 networks are written as ``a.b.c.d/255.255.255.0``: 18.16 lets everyone in on ``a.b.c.d/NN``.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from tests.harness.certs import CertPair

HTTP_PORT, TCP_PORT, HTTPS_PORT, TCP_PORT_SECURE = 8123, 9000, 8443, 9440
DEBIAN_INTERSERVER_PORT = 19009  # Debian uses 9009; moved so it never meets a default instance
DEBIAN_CONFIG = Path("/etc/clickhouse-server/config.xml")
DEBIAN_USERS = Path("/etc/clickhouse-server/users.xml")

QUERY_LOG = (
    "<query_log><database>system</database><table>query_log</table>"
    "<flush_interval_milliseconds>500</flush_interval_milliseconds></query_log>"
)
# query_log parts are flushed every 500 ms and merged; the parts a merge replaced stay on disk for
# old_parts_lifetime (8 minutes by default), dozens of files each, so a session server held tens of
# thousands of files and removing them took half a minute at the end of the run. Ten seconds is
# enough for a throw-away server (it changes which files exist, not what a query reads).
MERGE_TREE = "<merge_tree><old_parts_lifetime>10</old_parts_lifetime></merge_tree>"
MODERN_CIPHERS = ":".join(
    [
        "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-AES128-GCM-SHA256",
        "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-CHACHA20-POLY1305",
        "ECDHE-RSA-CHACHA20-POLY1305",
    ]
)


def sha256_hex(password: str) -> str:
    return hashlib.sha256(password.encode()).hexdigest()


@dataclass(frozen=True)
class TlsOptions:
    disable_protocols: str = "sslv2,sslv3"
    cipher_list: str | None = None


@dataclass(frozen=True)
class Variant:
    """What makes one test server different from the others."""

    users_xml: str
    http: bool = True  # plain http_port/tcp_port
    tls: TlsOptions | None = None  # https_port/tcp_port_secure with this openSSL setup
    extra_config: str = ""  # raw elements added inside <yandex> of config.xml
    passwords: dict[str, str] = field(default_factory=dict)
    admin: tuple[str, str] = ("default", "")  # account admin_query uses for setup
    admin_source: str | None = None  # client address admin_query binds to (restricted networks)


def openssl_section(cert: CertPair, tls: TlsOptions) -> str:
    ciphers = f"<cipherList>{tls.cipher_list}</cipherList>" if tls.cipher_list else ""
    return (
        f"<openSSL><server><certificateFile>{cert.cert_file}</certificateFile>"
        f"<privateKeyFile>{cert.key_file}</privateKeyFile><verificationMode>none</verificationMode>"
        f"<loadDefaultCAFile>false</loadDefaultCAFile><cacheSessions>true</cacheSessions>"
        f"<disableProtocols>{tls.disable_protocols}</disableProtocols>{ciphers}"
        f"<preferServerCiphers>true</preferServerCiphers></server></openSSL>"
    )


def server_config(host: str, root: Path, variant: Variant, cert: CertPair | None) -> str:
    """config.xml for a generated variant; users live in the sibling users.xml."""
    ports = f"<http_port>{HTTP_PORT}</http_port><tcp_port>{TCP_PORT}</tcp_port>" if variant.http else ""
    tls = ""
    if variant.tls is not None:
        if cert is None:
            raise ValueError("a TLS variant needs a certificate")
        ports += f"<https_port>{HTTPS_PORT}</https_port><tcp_port_secure>{TCP_PORT_SECURE}</tcp_port_secure>"
        tls = openssl_section(cert, variant.tls)
    return f"""<?xml version="1.0"?>
<yandex>
    <logger><level>warning</level><console>1</console></logger>
    <listen_host>{host}</listen_host>
    {ports}
    <path>{root}/data/</path>
    <tmp_path>{root}/data/tmp/</tmp_path>
    <user_files_path>{root}/data/user_files/</user_files_path>
    <format_schema_path>{root}/data/format_schemas/</format_schema_path>
    <mark_cache_size>268435456</mark_cache_size>
    <users_config>users.xml</users_config>
    <default_profile>default</default_profile>
    {QUERY_LOG}
    {MERGE_TREE}
    {tls}
    {variant.extra_config}
</yandex>
"""


def debian_server_config(host: str, root: Path, source: Path = DEBIAN_CONFIG) -> str:
    """Debian's shipped config.xml with only what must change for a throw-away instance.

    Kept as shipped: ports 8123/9000, the interserver port (moved), the sample test clusters in
    remote_servers, dictionaries_config, the openSSL section, distributed_ddl, graphite example.
    Changed: listen_host (the allocated address), logs and data paths (into ``root``), the
    query_log flush interval (500 ms instead of 7.5 s, so tests need not wait).
    """
    tree = ET.parse(source)
    doc = tree.getroot()

    def put(tag: str, text: str, parent: ET.Element = doc) -> None:
        node = parent.find(tag)
        if node is None:
            node = ET.SubElement(parent, tag)
        node.text = text

    logger = doc.find("logger")
    if logger is None:
        logger = ET.SubElement(doc, "logger")
    put("log", f"{root}/log/clickhouse-server.log", logger)
    put("errorlog", f"{root}/log/clickhouse-server.err.log", logger)
    put("listen_host", host)
    put("interserver_http_port", str(DEBIAN_INTERSERVER_PORT))
    put("path", f"{root}/data/")
    put("tmp_path", f"{root}/data/tmp/")
    put("user_files_path", f"{root}/data/user_files/")
    put("format_schema_path", f"{root}/data/format_schemas/")
    put("users_config", "users.xml")
    query_log = doc.find("query_log")
    if query_log is not None:
        put("flush_interval_milliseconds", "500", query_log)
    return '<?xml version="1.0"?>\n' + ET.tostring(doc, encoding="unicode") + "\n"


# ---- users.xml variants -------------------------------------------------------------------------


def users_file(profiles: str, users: str, quotas: str) -> str:
    return (
        f'<?xml version="1.0"?>\n<yandex>\n<profiles>{profiles}</profiles>\n'
        f"<users>{users}</users>\n<quotas>{quotas}</quotas>\n</yandex>\n"
    )


def user(
    name: str,
    *,
    password: str = "",
    sha256_of: str | None = None,
    networks: tuple[str, ...] = ("::/0",),
    profile: str = "default",
    quota: str = "default",
    databases: tuple[str, ...] = (),
) -> str:
    """One <users> entry; ``sha256_of`` stores only the hash of that password."""
    secret = (
        f"<password_sha256_hex>{sha256_hex(sha256_of)}</password_sha256_hex>"
        if sha256_of is not None
        else f"<password>{password}</password>"
    )
    nets = "".join(f"<ip>{n}</ip>" for n in networks)
    allow = ""
    if databases:
        allow = "<allow_databases>" + "".join(f"<database>{d}</database>" for d in databases) + "</allow_databases>"
    return (
        f"<{name}>{secret}<networks>{nets}</networks><profile>{profile}</profile><quota>{quota}</quota>{allow}</{name}>"
    )


LOGGED_PROFILE = "<default><log_queries>1</log_queries></default>"
UNLIMITED_QUOTA = "<default/>"

DEFAULT_PASSWORD = "s3cret-default"
AUDITOR_PASSWORD = "auditor-pass"
HARDENED_PASSWORDS = {
    "default": "Def-locked-7f3a9c",
    "admin": "Adm-hardened-51be07",
    "auditor": "Aud-hardened-c4d2e8",
}
LOOPBACK = ("127.0.0.1", "::1")
ALLOWED_CLIENT = "127.0.2.7"  # the restricted variant admits 127.0.2.0/255.255.255.0 only

OPEN = Variant(users_file(LOGGED_PROFILE, user("default"), UNLIMITED_QUOTA))

PASSWORD = Variant(
    users_file(
        LOGGED_PROFILE,
        user("default", sha256_of=DEFAULT_PASSWORD) + user("auditor", password=AUDITOR_PASSWORD, databases=("system",)),
        UNLIMITED_QUOTA,
    ),
    passwords={"default": DEFAULT_PASSWORD, "auditor": AUDITOR_PASSWORD},
    admin=("default", DEFAULT_PASSWORD),
)

TLS = Variant(OPEN.users_xml, tls=TlsOptions())

RESTRICTED = Variant(
    users_file(
        LOGGED_PROFILE,
        user("default", networks=("127.0.2.0/255.255.255.0", "::1")),
        UNLIMITED_QUOTA,
    ),
    admin_source=ALLOWED_CLIENT,
)

_HARDENED_PROFILES = """
<default>
    <log_queries>1</log_queries>
    <max_memory_usage>2000000000</max_memory_usage>
    <max_execution_time>60</max_execution_time>
    <max_result_rows>1000000</max_result_rows>
    <result_overflow_mode>throw</result_overflow_mode>
</default>
<readonly>
    <readonly>1</readonly>
    <log_queries>1</log_queries>
    <max_memory_usage>1000000000</max_memory_usage>
    <max_execution_time>30</max_execution_time>
    <max_result_rows>100000</max_result_rows>
    <result_overflow_mode>throw</result_overflow_mode>
</readonly>
"""
_HARDENED_QUOTAS = """
<default><interval><duration>3600</duration><queries>2000</queries><errors>200</errors>
  <result_rows>100000000</result_rows><read_rows>10000000000</read_rows><execution_time>1800</execution_time></interval></default>
<auditor><interval><duration>3600</duration><queries>1000</queries><errors>200</errors>
  <result_rows>10000000</result_rows><read_rows>1000000000</read_rows><execution_time>600</execution_time></interval></auditor>
"""
HARDENED = Variant(
    users_file(
        _HARDENED_PROFILES,
        user("default", sha256_of=HARDENED_PASSWORDS["default"], networks=LOOPBACK, profile="readonly")
        + user("admin", sha256_of=HARDENED_PASSWORDS["admin"], networks=LOOPBACK, databases=("default", "system"))
        + user(
            "auditor",
            sha256_of=HARDENED_PASSWORDS["auditor"],
            networks=LOOPBACK,
            profile="readonly",
            quota="auditor",
            databases=("system",),
        ),
        _HARDENED_QUOTAS,
    ),
    http=False,
    tls=TlsOptions(disable_protocols="sslv2,sslv3,tlsv1,tlsv1_1", cipher_list=MODERN_CIPHERS),
    extra_config="<remote_servers></remote_servers>",
    passwords=dict(HARDENED_PASSWORDS),
    admin=("admin", HARDENED_PASSWORDS["admin"]),
)
