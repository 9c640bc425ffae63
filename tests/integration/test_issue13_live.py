"""Issue 13's verdicts proven on Debian's 18.16: each config directory is audited offline, then the very
same files run a real server, the behaviour the verdict claims is shown (a login that succeeds or
fails, a file() read, a profile switch that lifts readonly, a znode anyone may write), and a live
audit of that server with the same files gives the same verdict. Each has a hardened twin that does
not trigger, proven the same way.

The test bed is loopback-only: where the files say ``listen_host`` 0.0.0.0, the server is started with
``-- --listen_host=<a private loopback address>`` (the one change, on the command line), and "from
beyond the server's address" is shown with a client bound to another loopback source address.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from chwarden.audit import AuditOptions, audit, audit_config
from chwarden.connect import Credentials, parse_target
from chwarden.model import Finding, Report
from tests.harness.ch18 import ConfigDirServer
from tests.harness.session import Ch18Env
from tests.harness.zookeeper import ZooKeeperServer

pytestmark = pytest.mark.server

STRONG = "Vq9#mT2!xL7@rP4-zK8w"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def config_xml(root: Path, extra: str = "") -> str:
    return f"""<yandex>
    <logger><log>{root}/log/server.log</log><errorlog>{root}/log/server.err.log</errorlog><level>warning</level></logger>
    <http_port>8123</http_port>
    <tcp_port>9000</tcp_port>
    <path>{root}/data/</path>
    <tmp_path>{root}/data/tmp/</tmp_path>
    <user_files_path>{root}/data/user_files/</user_files_path>
    <mark_cache_size>268435456</mark_cache_size>
    <users_config>users.xml</users_config>
{extra}
</yandex>
"""


def users_xml(users: str, profiles: str = "<default/>") -> str:
    return f"""<yandex>
    <profiles>{profiles}</profiles>
    <users>{users}</users>
    <quotas><default/></quotas>
</yandex>
"""


def user(name: str, auth: str, networks: str = "<ip>::/0</ip>", profile: str = "default") -> str:
    return f"<{name}>{auth}<networks>{networks}</networks><profile>{profile}</profile><quota>default</quota></{name}>"


def write_dir(directory: Path, config: str, users: str, listen_any: bool = True) -> Path:
    (directory / "config.d").mkdir(parents=True)
    (directory / "config.xml").write_text(config)
    (directory / "users.xml").write_text(users)
    if listen_any:
        (directory / "config.d" / "listen.xml").write_text("<yandex><listen_host>0.0.0.0</listen_host></yandex>\n")
    return directory


def offline(directory: Path, version: str | None = "18.16.1") -> Report:
    report, _ = audit_config(str(directory), AuditOptions(server_version=version))
    return report


def found(report: Report, check_id: str) -> dict[str, Finding]:
    return {f.resource: f for f in report.findings if f.check_id == check_id}


def run(factory: Callable[..., ConfigDirServer], env: Ch18Env, directory: Path) -> str:
    """Start 18.16 on the directory's own files (listen_host on a loopback address); its host."""
    host = env.next_host()
    factory(directory / "config.xml", f"http://{host}:8123/ping", overrides={"listen_host": host})
    return host


def query(
    host: str, sql: str, user: str = "default", password: str = "", source: str | None = None, **params: str
) -> httpx.Response:
    transport = httpx.HTTPTransport(local_address=source) if source else None
    headers = {"X-ClickHouse-User": user, "X-ClickHouse-Key": password}
    with httpx.Client(transport=transport, timeout=15) as client:
        return client.post(f"http://{host}:8123/", params=params, content=sql.encode(), headers=headers)


def live_audit(host: str, directory: Path, user: str | None = None, password: str = "") -> Report:
    credentials = Credentials(user=user or "default", password=password)
    report, _ = audit(parse_target(f"http://{host}:8123"), credentials, AuditOptions(config_path=str(directory)))
    return report


def other_source(host: str) -> str:
    """A loopback source address other than the server's own: a client from another address."""
    a, b, c, _ = host.split(".")
    return f"{a}.{b}.{c}.250"


# --- the breach condition ------------------------------------------------------------------------


def test_breach_condition_offline_and_live(
    ch18_env: Ch18Env, ch18_dir_factory: Callable[..., ConfigDirServer], tmp_path: Path
) -> None:
    open_dir = write_dir(
        tmp_path / "open", config_xml(tmp_path / "open-root"), users_xml(user("default", "<password></password>"))
    )
    breach = found(offline(open_dir), "passwordless_login_from_network")
    assert breach["user:default"].severity.value == "critical"
    assert str(breach["user:default"].location) == "users.xml:3"  # the <password> line
    host = run(ch18_dir_factory, ch18_env, open_dir)
    accepted = query(host, "SELECT 1", source=other_source(host))  # no password, from another address
    assert accepted.status_code == 200 and accepted.text.strip() == "1", accepted.text
    live = found(live_audit(host, open_dir), "passwordless_login_from_network")["user:default"]
    assert live.severity.value == "critical" and live.evidence["anonymous_login_accepted_on"]

    locked_dir = write_dir(
        tmp_path / "locked",
        config_xml(tmp_path / "locked-root"),
        users_xml(user("default", f"<password_sha256_hex>{sha256(STRONG)}</password_sha256_hex>")),
    )
    assert found(offline(locked_dir), "passwordless_login_from_network") == {}
    host = run(ch18_dir_factory, ch18_env, locked_dir)
    assert query(host, "SELECT 1", source=other_source(host)).status_code != 200  # the empty password is refused
    assert query(host, "SELECT 1", password=STRONG).status_code == 200
    assert found(live_audit(host, locked_dir, "default", STRONG), "passwordless_login_from_network") == {}


# --- weak passwords --------------------------------------------------------------------------------


def test_weak_password_hash_is_guessed_and_a_strong_one_is_not(
    ch18_env: Ch18Env, ch18_dir_factory: Callable[..., ConfigDirServer], tmp_path: Path
) -> None:
    admin = user("default", f"<password_sha256_hex>{sha256(STRONG)}</password_sha256_hex>")
    weak = user("analytics", f"<password_sha256_hex>{sha256('changeme')}</password_sha256_hex>")
    directory = write_dir(tmp_path / "weak", config_xml(tmp_path / "weak-root"), users_xml(admin + weak))
    report = offline(directory)
    finding = found(report, "well_known_password")["user:analytics"]
    assert finding.severity.value == "high" and finding.evidence["why"] == "the hash of a well-known password"
    assert "changeme" not in report.model_dump_json()  # never printed
    host = run(ch18_dir_factory, ch18_env, directory)
    assert query(host, "SELECT 1", "analytics", "changeme").status_code == 200  # the guess logs in
    assert "changeme" not in live_audit(host, directory, "default", STRONG).model_dump_json()

    strong = user("analytics", f"<password_sha256_hex>{sha256('Kx7!q2Vm#9pLw3Rt')}</password_sha256_hex>")
    twin = write_dir(tmp_path / "strong", config_xml(tmp_path / "strong-root"), users_xml(admin + strong))
    assert found(offline(twin), "well_known_password") == {}
    host = run(ch18_dir_factory, ch18_env, twin)
    assert query(host, "SELECT 1", "analytics", "changeme").status_code != 200


# --- dangerous paths -----------------------------------------------------------------------------


def test_user_files_path_at_etc_lets_file_read_the_host(
    ch18_env: Ch18Env, ch18_dir_factory: Callable[..., ConfigDirServer], tmp_path: Path
) -> None:
    users = users_xml(user("default", f"<password_sha256_hex>{sha256(STRONG)}</password_sha256_hex>"))
    root = tmp_path / "etc-root"
    etc = write_dir(tmp_path / "etc", config_xml(root).replace(f"{root}/data/user_files/", "/etc/"), users)
    finding = found(offline(etc), "dangerous_server_path")["setting:user_files_path"]
    assert finding.severity.value == "high" and "system directory" in finding.evidence["why"]
    host = run(ch18_dir_factory, ch18_env, etc)
    read = query(host, "SELECT * FROM file('hostname', 'TSV', 'h String')", password=STRONG)
    hostname = Path("/etc/hostname").read_text().strip()
    assert read.status_code == 200 and read.text.strip() == hostname  # a host file read through SQL
    assert "setting:user_files_path" in found(live_audit(host, etc, "default", STRONG), "dangerous_server_path")

    default = write_dir(tmp_path / "default", config_xml(tmp_path / "default-root"), users)
    assert found(offline(default), "dangerous_server_path") == {}
    host = run(ch18_dir_factory, ch18_env, default)
    assert query(host, "SELECT * FROM file('hostname', 'TSV', 'h String')", password=STRONG).status_code != 200


# --- read-only that is not -----------------------------------------------------------------------

PROFILES = (
    "<default/><ro2><readonly>2</readonly></ro2><ro1><readonly>1</readonly></ro1>"
    "<loader><readonly>0</readonly></loader>"
)


def test_readonly_2_viewer_switches_profile_and_writes_but_readonly_1_does_not(
    ch18_env: Ch18Env, ch18_dir_factory: Callable[..., ConfigDirServer], tmp_path: Path
) -> None:
    admin = user("default", f"<password_sha256_hex>{sha256(STRONG)}</password_sha256_hex>")
    viewer = user("report_viewer", "<password>Rv-8k2Lq-91</password>", profile="ro2")
    directory = write_dir(tmp_path / "ro2", config_xml(tmp_path / "ro2-root"), users_xml(admin + viewer, PROFILES))
    finding = found(offline(directory), "readonly_not_enforced")["user:report_viewer"]
    assert finding.severity.value == "high" and "SET profile = 'loader'" in str(finding.evidence["bypass"])
    host = run(ch18_dir_factory, ch18_env, directory)
    plain = query(host, "CREATE TABLE default.t (x UInt8) ENGINE = Memory", "report_viewer", "Rv-8k2Lq-91")
    assert plain.status_code != 200  # readonly = 2 refuses the write as such
    lifted = query(
        host, "CREATE TABLE default.t (x UInt8) ENGINE = Memory", "report_viewer", "Rv-8k2Lq-91", profile="loader"
    )
    assert lifted.status_code == 200, lifted.text  # ...until the session switches to the writable profile
    report = live_audit(host, directory, "default", STRONG)
    assert "user:report_viewer" in found(report, "readonly_not_enforced")

    locked = user("report_viewer", "<password>Rv-8k2Lq-91</password>", profile="ro1")
    twin = write_dir(tmp_path / "ro1", config_xml(tmp_path / "ro1-root"), users_xml(admin + locked, PROFILES))
    assert found(offline(twin), "readonly_not_enforced") == {}  # readonly = 1 locks itself: no finding
    host = run(ch18_dir_factory, ch18_env, twin)
    refused = query(host, "SELECT 1", "report_viewer", "Rv-8k2Lq-91", profile="loader")
    assert refused.status_code != 200 and "readonly" in refused.text.lower()


# --- Keeper / ZooKeeper --------------------------------------------------------------------------


def _anonymous_write(zookeeper: ZooKeeperServer, parent: str) -> bool:
    from kazoo.client import KazooClient  # test-only dependency of the ZooKeeper tests
    from kazoo.exceptions import NoAuthError

    client = KazooClient(hosts=zookeeper.address, timeout=10)
    client.start(timeout=10)
    try:
        client.create(f"{parent}/planted-by-a-stranger", b"x")
        return True
    except NoAuthError:
        return False
    finally:
        client.stop()
        client.close()


DDL = "<distributed_ddl><path>/clickhouse/task_queue/ddl</path></distributed_ddl>"
ZK_DEADLINE = 20.0


def _until_ok(ask: Callable[[], httpx.Response]) -> httpx.Response:
    """The server's first ZooKeeper session can be refused while ZooKeeper finishes starting (it answers
    ruok before it serves sessions): ask again until it answers, within a deadline."""
    deadline = time.monotonic() + ZK_DEADLINE
    while True:
        response = ask()
        if response.status_code == 200 or time.monotonic() > deadline:
            return response
        time.sleep(0.2)


def test_zookeeper_without_identity_leaves_the_ddl_queue_writable(
    ch18_env: Ch18Env, ch18_dir_factory: Callable[..., ConfigDirServer], zookeeper: ZooKeeperServer, tmp_path: Path
) -> None:
    zk = f"<zookeeper><node><host>{zookeeper.host}</host><port>{zookeeper.port}</port></node></zookeeper>"
    users = users_xml(user("default", f"<password_sha256_hex>{sha256(STRONG)}</password_sha256_hex>"))
    directory = write_dir(tmp_path / "zk", config_xml(tmp_path / "zk-root", zk + DDL), users)
    assert set(found(offline(directory), "zookeeper_without_identity")) == {"setting:zookeeper"}
    host = run(ch18_dir_factory, ch18_env, directory)
    sql = "SELECT count() FROM system.zookeeper WHERE path = '/clickhouse/task_queue'"
    created = _until_ok(lambda: query(host, sql, password=STRONG))
    assert created.status_code == 200, created.text  # ClickHouse created its DDL queue in ZooKeeper...
    assert _anonymous_write(zookeeper, "/clickhouse/task_queue/ddl")  # ...with the open ACL: anyone writes there
    assert set(found(live_audit(host, directory, "default", STRONG), "zookeeper_without_identity")) == {
        "setting:zookeeper"
    }


def test_zookeeper_identity_twin_closes_the_queue(zookeeper: ZooKeeperServer, tmp_path: Path) -> None:
    """With <identity> ClickHouse authenticates with digest and creates its znodes creator-only. The Debian
    ZooKeeper closes the 18.16 client's connection once it authenticates (measured: "Cannot read all data
    ... while receiving handshake"), so the ACL that identity gives is shown with a digest client."""
    from kazoo.client import KazooClient  # test-only dependency of the ZooKeeper tests
    from kazoo.security import CREATOR_ALL_ACL

    zk = (
        f"<zookeeper><node><host>{zookeeper.host}</host><port>{zookeeper.port}</port></node>"
        "<identity>clickhouse:Zk-digest-51</identity></zookeeper>"
    )
    users = users_xml(user("default", f"<password_sha256_hex>{sha256(STRONG)}</password_sha256_hex>"))
    directory = write_dir(tmp_path / "zk-id", config_xml(tmp_path / "zk-id-root", zk + DDL), users)
    assert found(offline(directory), "zookeeper_without_identity") == {}
    owner = KazooClient(hosts=zookeeper.address, timeout=10, auth_data=[("digest", "clickhouse:Zk-digest-51")])
    owner.start(timeout=10)
    try:
        owner.ensure_path("/clickhouse/task_queue/ddl", acl=CREATOR_ALL_ACL)
    finally:
        owner.stop()
        owner.close()
    assert not _anonymous_write(zookeeper, "/clickhouse/task_queue/ddl")


# --- plaintext credentials in server configuration -------------------------------------------------


def test_plaintext_cluster_and_interserver_secrets_are_loaded_and_reported(
    ch18_env: Ch18Env, ch18_dir_factory: Callable[..., ConfigDirServer], tmp_path: Path
) -> None:
    cluster = """<remote_servers><sales><shard><replica><host>127.0.0.1</host><port>9000</port>
        <user>replicator</user><password>R3pl-plain-77</password></replica></shard></sales></remote_servers>
    <interserver_http_credentials><user>inter</user><password>Int3r-plain-5</password></interserver_http_credentials>"""
    users = users_xml(user("default", f"<password_sha256_hex>{sha256(STRONG)}</password_sha256_hex>"))
    directory = write_dir(tmp_path / "sec", config_xml(tmp_path / "sec-root", cluster), users)
    kinds = {f.evidence["kind"] for f in found(offline(directory), "config_plaintext_secret").values()}
    assert kinds == {"replica_password", "interserver_password"}
    host = run(ch18_dir_factory, ch18_env, directory)
    loaded = query(host, "SELECT user FROM system.clusters WHERE cluster = 'sales'", password=STRONG)
    assert loaded.text.strip() == "replicator"  # the server runs with these credentials
    report = live_audit(host, directory, "default", STRONG)
    assert {f.evidence["kind"] for f in found(report, "config_plaintext_secret").values()} == kinds
    assert "R3pl-plain-77" not in report.model_dump_json() and "Int3r-plain-5" not in report.model_dump_json()


# --- per-port plain text ---------------------------------------------------------------------------


def test_each_plain_port_is_its_own_finding_and_carries_the_password_in_clear(
    ch18_env: Ch18Env, ch18_dir_factory: Callable[..., ConfigDirServer], tmp_path: Path
) -> None:
    users = users_xml(user("default", f"<password_sha256_hex>{sha256(STRONG)}</password_sha256_hex>"))
    directory = write_dir(tmp_path / "plain", config_xml(tmp_path / "plain-root"), users)
    ports = found(offline(directory), "plaintext_ports_enabled")
    assert set(ports) == {"port:http_port", "port:tcp_port"} and {f.severity.value for f in ports.values()} == {"high"}
    assert all(f.cause_candidates == (("no_tls_ports", "port:https_port"),) for f in ports.values())
    host = run(ch18_dir_factory, ch18_env, directory)
    # the password travels in the request as written: no TLS on this port
    with httpx.Client(timeout=10) as client:
        response = client.get(f"http://{host}:8123/", params={"query": "SELECT 1"}, auth=("default", STRONG))
    assert response.status_code == 200 and response.url.scheme == "http"
    report = live_audit(host, directory, "default", STRONG)
    assert set(found(report, "plaintext_ports_enabled")) == {"port:http_port", "port:tcp_port"}
    causes = {f.caused_by for f in report.findings if f.check_id == "plaintext_ports_enabled"}
    root = next(f for f in report.findings if f.check_id == "no_tls_ports")
    assert causes == {root.fingerprint}  # grouped under the one fix: a TLS port
