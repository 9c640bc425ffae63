"""Credentials that used to go unseen: dictionary files, the Keeper identity, query_log DDL.

Each is planted, found, redacted at the source and reported, and its value appears in no
report format and no saved snapshot. (Server config files go through the one secret reader,
``config_plaintext_secret``; query_log through ``passwords_in_query_log``.)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from chwarden.audit import AuditOptions, audit_config
from chwarden.report import render
from chwarden.sources.configfiles import snapshot_from_config
from tests.harness.ch18 import ClickHouse18Server
from tests.harness.cli import audit_json

DICT_PASSWORD = "Dict-MySQL-pw-7f3a91"
DICT_TOKEN = "Bearer dict-http-token-55aa77"
DICT_URL_PASSWORD = "url-pw-c0ffee-991"
KEEPER_PASSWORD = "keeper-digest-pw-4411"
CREATE_USER_PASSWORD = "Leaky-CreateUser-9x8y"
DATABASE_PASSWORD = "Leaky-DbEngine-3k4j"
FORMATS = ("terminal", "json", "sarif", "markdown", "html")

CONFIG = f"""<clickhouse>
    <listen_host>127.0.0.1</listen_host>
    <http_port>8123</http_port>
    <dictionaries_config>dicts/*_dictionary.xml</dictionaries_config>
    <zookeeper>
        <node><host>zk1</host><port>2181</port></node>
        <identity>clickhouse:{KEEPER_PASSWORD}</identity>
    </zookeeper>
    <profiles><default/></profiles>
    <users><default><password></password><networks><ip>::1</ip></networks><profile>default</profile>
    <quota>default</quota></default></users>
    <quotas><default/></quotas>
</clickhouse>
"""
DICTIONARIES = f"""<clickhouse>
    <dictionary>
        <name>customers</name>
        <source><mysql><host>db.internal</host><port>3306</port><user>reader</user>
            <password>{DICT_PASSWORD}</password><db>shop</db><table>customers</table></mysql></source>
        <layout><flat/></layout><structure><id><name>id</name></id></structure><lifetime>300</lifetime>
    </dictionary>
    <dictionary>
        <name>rates</name>
        <source><http><url>https://svc:{DICT_URL_PASSWORD}@rates.internal/rates.csv</url><format>CSV</format>
            <headers><header><name>Authorization</name><value>{DICT_TOKEN}</value></header></headers>
        </http></source>
        <layout><flat/></layout><structure><id><name>id</name></id></structure><lifetime>300</lifetime>
    </dictionary>
</clickhouse>
"""


def _config_dir(root: Path, identity: str | None = None) -> Path:
    (root / "dicts").mkdir(parents=True)
    text = (
        CONFIG if identity is None else CONFIG.replace(f"<identity>clickhouse:{KEEPER_PASSWORD}</identity>", identity)
    )
    (root / "config.xml").write_text(text)
    (root / "dicts" / "shop_dictionary.xml").write_text(DICTIONARIES)
    return root


def test_dictionary_files_and_keeper_identity_are_found_and_redacted(tmp_path: Path) -> None:
    config = _config_dir(tmp_path / "conf")
    report, snapshots = audit_config(str(config), AuditOptions())
    found = {
        (f.evidence["kind"], f.resource.split(": ", 1)[-1])
        for f in report.findings
        if f.check_id == "config_plaintext_secret"
    }
    assert ("zookeeper_identity", "zookeeper.identity") in found
    # issue 13 names a credential by where it sits: a dictionary source's password
    assert ("dictionary_source_password", "dictionary.source.mysql.password") in found, found
    (snapshot,) = snapshots
    assert "dicts/shop_dictionary.xml" in (snapshot.config_files or [])
    stored = snapshot.model_dump_json() + "".join(render(report, fmt) for fmt in FORMATS)
    for secret in (DICT_PASSWORD, KEEPER_PASSWORD):
        assert secret not in stored


def test_identity_from_the_environment_is_not_reported(tmp_path: Path) -> None:
    config = _config_dir(tmp_path / "conf", identity='<identity from_env="CH_KEEPER_IDENTITY"/>')
    env = {"CH_KEEPER_IDENTITY": f"clickhouse:{KEEPER_PASSWORD}"}
    snapshot = snapshot_from_config(config, env=env)
    report, _ = audit_config(str(config), AuditOptions(env=env))
    kinds = {f.evidence["kind"] for f in report.findings if f.check_id == "config_plaintext_secret"}
    assert "zookeeper_identity" not in kinds
    assert KEEPER_PASSWORD not in snapshot.model_dump_json()


@pytest.mark.parametrize("protocol", ["http", "native"])
def test_query_log_ddl_credentials_are_found_on_18_16(
    ch18_factory: Callable[..., ClickHouse18Server], tmp_path: Path, protocol: str
) -> None:
    """A CREATE USER (a syntax error on 18.16) and a failed MySQL database engine stay in query_log."""
    server = ch18_factory()
    for statement in (
        f"CREATE USER leaky IDENTIFIED /* note */ WITH plaintext_password BY '{CREATE_USER_PASSWORD}'",
        f"CREATE DATABASE leaky ENGINE = MySQL('10.0.0.9:3306', 'shop', 'reader', '{DATABASE_PASSWORD}')",
    ):
        with pytest.raises(Exception, match="admin query failed"):
            server.admin_query(statement)
    server.wait_logged("default", CREATE_USER_PASSWORD, DATABASE_PASSWORD)  # flushed, with both entries in
    url = server.http_url if protocol == "http" else server.native_url
    report = audit_json(url, tmp_path / "report.json", "--no-probe", "--no-local-config")
    (finding,) = [f for f in report["findings"] if f["check_id"] == "passwords_in_query_log"]
    kinds = finding["evidence"]["kinds"]
    assert kinds.get("create_user_password", 0) >= 1 and kinds.get("database_engine_password", 0) >= 1, kinds
    text = (tmp_path / "report.json").read_text()
    assert CREATE_USER_PASSWORD not in text and DATABASE_PASSWORD not in text
    assert "(redacted, sha256:" in text
