"""Config files read with the server's merge rules: values and their file:line after merges."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from chwarden.facts import Snapshot
from chwarden.sources.configfiles import ConfigError, load_config, snapshot_from_config

CONFIGS = Path(__file__).resolve().parent.parent / "data" / "configs"


def config_of(snapshot: Snapshot) -> dict[str, tuple[list[str], str]]:
    """server_config as {path: (values, "file:line")} for compact exact assertions."""
    assert snapshot.server_config is not None
    return {k: (v.values, str(v.location)) for k, v in snapshot.server_config.items()}


def test_debian_18_16_defaults_are_read_with_locations() -> None:
    snapshot = snapshot_from_config(CONFIGS / "debian_18_16")
    config = config_of(snapshot)
    assert snapshot.config_files == ["config.xml", "users.xml"]
    assert config["http_port"] == (["8123"], "config.xml:13")
    assert config["tcp_port"] == (["9000"], "config.xml:14")
    assert config["interserver_http_port"] == (["9009"], "config.xml:56")
    assert config["openSSL.server.disableProtocols"] == (["sslv2,sslv3"], "config.xml:33")
    assert config["openSSL.client.invalidCertificateHandler.name"] == (
        ["RejectCertificateHandler"],
        "config.xml:45",
    )
    assert config["users_config"] == (["users.xml"], "config.xml:118")
    assert config["remote_servers.test_cluster_two_shards_localhost.shard.replica.host"] == (
        ["localhost", "localhost"],
        "config.xml:176",
    )
    assert "listen_host" not in config  # commented out in the package: the server picks loopback
    assert "users.default.password" not in config  # access sections never become config leaves
    # <networks incl="networks"> without /etc/metrika.xml: reported, the written value is kept.
    assert snapshot.extra["unresolved"][2] == (
        "users.xml:68: users.default.networks: incl='networks' not found in /etc/metrika.xml (kept as written)"
    )


def test_modern_layout_merges_config_d_pairwise_and_users_d() -> None:
    snapshot = snapshot_from_config(CONFIGS / "modern")
    config = config_of(snapshot)
    assert snapshot.config_files == [
        "config.xml",
        "config.d/listen.xml",
        "config.d/logs.xml",
        "users.xml",
        "users.d/default-password.xml",
    ]
    # A later <listen_host> pairs with the first earlier one (server behaviour), it does not append.
    assert config["listen_host"] == (["0.0.0.0", "127.0.0.1"], "config.xml:13")
    assert config["logger.level"] == (["information"], "config.d/logs.xml:3")
    assert config["logger.log"] == (["/var/log/clickhouse-server/clickhouse-server.log"], "config.xml:5")
    assert config["interserver_http_credentials.user"] == (["interserver"], "config.d/listen.xml:4")
    assert config["interserver_http_credentials.password"] == ([""], "config.d/listen.xml:5")
    assert config["mysql_port"] == (["9004"], "config.xml:9")
    assert config["postgresql_port"] == (["9005"], "config.xml:10")
    assert config["openSSL.client.invalidCertificateHandler.name"] == (
        ["AcceptCertificateHandler"],
        "config.xml:24",
    )
    assert config["user_directories.users_xml.path"] == (["users.xml"], "config.xml:31")
    assert config["display_secrets_in_show_and_select"] == (["0"], "config.xml:65")
    assert config["query_log.ttl"] == (["event_date + INTERVAL 30 DAY DELETE"], "config.d/logs.xml:6")
    assert config["query_masking_rules.rule.regexp"][1] == "config.xml:61"


def test_secret_leaves_are_redacted_and_empty_ones_kept() -> None:
    config = config_of(snapshot_from_config(CONFIGS / "modern"))
    secret, location = config["remote_servers.default.secret"]
    assert location == "config.xml:39"
    assert secret[0].startswith("clus…(redacted, sha256:") and "cluster-secret-value" not in secret[0]
    replica_password = config["remote_servers.default.shard.replica.password"][0][0]
    assert "replica-password" not in replica_password and "redacted" in replica_password
    assert config["openSSL.server.privateKeyFile"][0] == ["/etc/clickhouse-server/server.key"]


def test_yaml_config_maps_lists_attributes_and_text() -> None:
    snapshot = snapshot_from_config(CONFIGS / "yaml")
    config = config_of(snapshot)
    assert snapshot.config_files == ["config.yaml", "users.yaml", "users.d/etl-hosts.yml"]
    assert config["listen_host"] == (["0.0.0.0", "::"], "config.yaml:9")
    assert config["https_port"] == (["8443"], "config.yaml:6")
    assert config["openSSL.server.cipherList"] == (["ALL:!aNULL"], "config.yaml:13")
    assert config["remote_url_allow_hosts.host"] == (
        ["s3.example.com", "files.example.com"],
        "config.yaml:18",
    )
    assert config["grpc.enable_ssl"] == (["false"], "config.yaml:20")
    assert config["logger.level"] == (["warning"], "config.yaml:2")
    tree = load_config(CONFIGS / "yaml").server
    allow = tree.find("remote_url_allow_hosts")
    assert allow is not None and allow.children[1].attrs == {"attr_unused": "x"}


def test_replace_and_remove() -> None:
    snapshot = snapshot_from_config(CONFIGS / "replace_remove")
    config = config_of(snapshot)
    assert "http_port" not in config and "mysql_port" not in config
    assert config["https_port"] == (["8443"], "config.xml:3")
    assert config["tcp_port_secure"] == (["9440"], "config.d/hardening.xml:11")
    assert "remote_servers.old_cluster.shard.replica.host" not in config
    assert config["remote_servers.new_cluster.shard.replica.host"] == (["new1"], "config.d/hardening.xml:8")
    assert snapshot.system_logs == []  # query_thread_log removed
    assert snapshot.users is not None
    assert [u.name for u in snapshot.users] == ["default"]  # legacy_admin removed by users.d
    default = snapshot.users[0]
    # users.d cleared the password with an empty element and replaced the networks.
    assert (default.password_empty, default.secrets, default.host_ip, default.host_local) == (
        True,
        [],
        [],
        True,
    )


def test_incl_and_include_from() -> None:
    merged = load_config(CONFIGS / "incl")
    snapshot = snapshot_from_config(CONFIGS / "incl")
    config = config_of(snapshot)
    assert merged.files == ["config.xml", "metrika.xml"]
    assert config["listen_host"] == (["10.1.2.3"], "metrika.xml:2")
    assert config["remote_servers.prod.shard.replica.host"] == (["db1.prod"], "metrika.xml:7")
    assert "zookeeper" not in config  # an absent optional include drops the element (as 18.16 does)
    assert [str(u) for u in merged.unresolved] == [
        "config.xml:7: macros: incl='macros' not found in metrika.xml (kept as written)"
    ]
    assert snapshot.users is not None
    default = snapshot.users[0]
    # replace="replace" + incl: the included networks replace the ::/0 written in the file.
    assert (default.host_ip, default.host_names) == (["10.0.0.0/255.0.0.0"], ["bastion.prod"])


def test_from_env_resolved_only_from_the_given_mapping(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CH_TCP_PORT", "9999")  # the auditor's own environment must not be used
    env = {"CH_HTTP_PORT": "18123", "CH_LISTEN": "0.0.0.0", "CH_DEFAULT_PASSWORD": ""}
    snapshot = snapshot_from_config(CONFIGS / "from_env", env=env)
    config = config_of(snapshot)
    assert config["http_port"] == (["18123"], "config.xml:2")
    assert config["listen_host"] == (["0.0.0.0"], "config.xml:4")
    assert "tcp_port" not in config  # unknown offline, never guessed
    assert config["https_port"] == (["8443"], "config.xml:5")  # replace + from_env: default kept
    assert "interserver_http_credentials.password" not in config
    assert "keeper_server.four_letter_word_white_list" not in config
    assert snapshot.extra["unresolved"] == [
        "config.xml:3: tcp_port: from_env='CH_TCP_PORT' not found in the given environment (value unknown)",
        "config.xml:8: interserver_http_credentials.password: from_env='CH_INTERSERVER_PASSWORD' "
        "not found in the given environment (value unknown)",
        "config.xml:11: keeper_server.four_letter_word_white_list: from_zk='/clickhouse/4lw' not found in "
        "ZooKeeper (value unknown)",
        "config.xml:22: users.app.password: from_env='CH_APP_PASSWORD' not found in the given environment "
        "(value unknown)",
    ]
    assert snapshot.users is not None
    default, app = snapshot.users
    assert (default.password_empty, app.password_empty, app.auth_types) == (
        True,
        None,
        ["plaintext_password"],
    )


def test_from_env_secret_is_redacted() -> None:
    snapshot = snapshot_from_config(CONFIGS / "from_env", env={"CH_INTERSERVER_PASSWORD": "hunter2-long-pass"})
    value = config_of(snapshot)["interserver_http_credentials.password"][0][0]
    assert "hunter2" not in value and value.startswith("hunt…(redacted")


def test_conf_d_sorts_before_config_d_and_hidden_or_foreign_files_are_skipped() -> None:
    snapshot = snapshot_from_config(CONFIGS / "conf_d_order")
    config = config_of(snapshot)
    assert snapshot.config_files == [
        "config.xml",
        "conf.d/50-ports.xml",
        "conf.d/90-users-too.xml",
        "config.d/10-http.xml",
        "config.d/20-http.yaml",
    ]
    assert config["http_port"] == (["38123"], "config.d/20-http.yaml:1")
    assert config["tcp_port"] == (["19000"], "conf.d/50-ports.xml:3")
    assert config["max_connections"] == (["300"], "conf.d/90-users-too.xml:2")
    assert config["logger.level"] == (["trace"], "config.d/20-http.yaml:3")
    assert snapshot.users is None
    assert snapshot.gaps["users"] == "users file users.xml not found next to config.xml"


def test_main_file_is_users_file_without_users_config() -> None:
    merged = load_config(CONFIGS / "inline_18" / "config.xml")
    assert (merged.main_file, merged.users_file, merged.files) == ("config.xml", "config.xml", ["config.xml"])
    snapshot = snapshot_from_config(CONFIGS / "inline_18")
    assert snapshot.connection.kind == "config" and snapshot.target == str(CONFIGS / "inline_18")
    assert "users.default.password" not in config_of(snapshot)


def test_command_line_overrides_beat_files() -> None:
    snapshot = snapshot_from_config(CONFIGS / "inline_18", overrides={"listen_host": "0.0.0.0", "http_port": "1"})
    config = config_of(snapshot)
    assert config["listen_host"] == (["0.0.0.0"], "command line")
    assert config["tcp_port"] == (["9000"], "config.xml:5")


# --- hostile and broken input: a clear one-line ConfigError, fast --------------------------------


def _write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    return path


def _error(path: Path) -> str:
    started = time.monotonic()
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert time.monotonic() - started < 5
    message = str(caught.value)
    assert "\n" not in message
    return message


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{("&lol" + str(i - 1 if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + "]>\n<clickhouse><http_port>&lol9;</http_port></clickhouse>\n"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
    "<clickhouse><http_port>&e;</http_port></clickhouse>\n"
)
YAML_MANY_ALIASES = "x: &x {level: trace}\n" + "".join(f"logger_{i}: *x\n" for i in range(150))
YAML_BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


def test_many_small_aliases_are_not_a_bomb(tmp_path: Path) -> None:
    """150 aliases expanding to a few hundred nodes are an ordinary file: the bound is on expansion."""
    (tmp_path / "config.yaml").write_text(YAML_MANY_ALIASES, encoding="utf-8")
    merged = load_config(tmp_path)
    assert merged.server.find("logger_149.level") is not None


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "config.xml",
            "<clickhouse>\n<http_port>1</clickhouse>\n",
            "config.xml:2: malformed XML (mismatched tag",
        ),
        ("config.xml", BILLION_LAUGHS, "config.xml:2: forbidden XML construct (DTDForbidden)"),
        ("config.xml", EXTERNAL_ENTITY, "config.xml:2: forbidden XML construct (DTDForbidden)"),
        ("config.xml", b"\x7fELF\x02\x01\x01\x00\x00\x00binary", "config.xml: binary file (NUL bytes)"),
        ("config.xml", "<a>" * 100 + "</a>" * 100, "config.xml:1: elements nested deeper than 64 levels"),
        ("config.xml", "", "config.xml:1: malformed XML (no element found"),
        ("config.yaml", YAML_BOMB, "config.yaml: YAML aliases expand to more than 100000 nodes (alias bomb?)"),
        ("config.yaml", "a: [1, 2\nb: 3\n", "config.yaml:2: malformed YAML"),
        ("config.yaml", "- 1\n- 2\n", "config.yaml:1: the top of a YAML config must be a mapping"),
    ],
)
def test_hostile_files_give_clear_errors(tmp_path: Path, name: str, content: str | bytes, expected: str) -> None:
    _write(tmp_path, name, content)
    assert _error(tmp_path).startswith(expected)


def test_entities_are_refused_even_without_dtd_check(tmp_path: Path) -> None:
    # forbid_dtd is on; this shows an entity-only document still cannot expand anything.
    _write(tmp_path, "config.xml", "<clickhouse><x>&amp;&lt;</x></clickhouse>")
    tree = load_config(tmp_path).server
    assert tree.text_of("x") == "&<"


def test_file_over_10_mb_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "config.xml"
    with open(big, "wb") as handle:
        handle.write(b"<clickhouse>")
        handle.truncate(20 * 1024 * 1024)
    assert _error(tmp_path) == "config.xml: file is 20971520 bytes, over the 10485760 byte limit"


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "config.xml")
    assert _error(tmp_path / "config.xml") == "config.xml: not a regular file"


def test_broken_override_file_names_itself(tmp_path: Path) -> None:
    _write(tmp_path, "config.xml", "<clickhouse><http_port>1</http_port></clickhouse>")
    _write(tmp_path, "config.d/zz.xml", "<clickhouse>\n\n<oops></clickhouse>")
    assert _error(tmp_path).startswith("config.d/zz.xml:3: malformed XML (mismatched tag")


def test_root_mismatch_and_remove_with_replace(tmp_path: Path) -> None:
    _write(tmp_path, "config.xml", "<yandex><http_port>1</http_port></yandex>")
    _write(tmp_path, "config.d/a.xml", "<clickhouse><http_port replace='1' remove='1'/></clickhouse>")
    assert _error(tmp_path) == "config.d/a.xml:1: <http_port> has both remove and replace attributes"
    _write(tmp_path, "config.d/a.xml", "<server><http_port>2</http_port></server>")
    assert _error(tmp_path) == "config.d/a.xml:1: root element <server> does not match <yandex> of the main file"


def test_missing_paths(tmp_path: Path) -> None:
    assert _error(tmp_path / "nope") == f"{tmp_path / 'nope'}: no such file or directory"
    assert _error(tmp_path) == f"{tmp_path}: no config.xml, config.yaml, config.yml in this directory"
