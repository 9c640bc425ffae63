"""Acceptance 3 the way an operator runs it: audit Debian's shipped 18.16 setup and fix EVERYTHING.

`fix --apply --xml-dir` writes the patch of every finding at once (placeholders filled with
--set), the operator installs all of them into users.d/ and config.d/, puts the generated
environment values into the service environment and restarts (no interserver password: a single
node without ZooKeeper has no replicas, so its interserver port carries nothing to protect). The
server must start with the whole set; every config key the patches set must be one the 18.16
binary reads (an unknown key is ignored in silence: the finding would look fixed and not be);
anonymous access must be gone; every finding that got a patch must be gone on the re-audit; what
is left must be the findings that got advice instead of a patch (18.16 lacks the feature:
upgrade); and the application's queries, reads and writes, must still work. This test caught
patches that bricked the server (TLS files that did not exist), opened it (an IPv4 prefix, which
18.x matches against every client), or only looked like fixes (masking rules, cluster secret,
remote_url_allow_hosts and the verbose replicas switch, none of which 18.16 has).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.harness import configs
from tests.harness.ch18 import ClickHouse18Server
from tests.harness.cli import audit_json as audit
from tests.harness.cli import read_secrets
from tests.harness.cli import run_chwarden as chwarden
from tests.harness.config_oracle import unknown_keys
from tests.harness.require import require
from tests.harness.session import Ch18Env

pytestmark = pytest.mark.server

# Values an operator passes with --set for the placeholders of the Debian setup's fixes.
OPERATOR_VALUES = {
    "CLIENT_NETWORK/CIDR": "10.20.0.0/16",  # written as 10.20.0.0/255.255.0.0 for 18.x
    "ALLOWED_DATABASE": "default",
}
# Findings no configuration closes on 18.16: upgrade advice.
UPGRADE_ONLY = {"vulnerable_version", "unsupported_release_line", "secrets_not_masked_by_version"}
# What the re-audit may newly show, and why it is not a regression:
# * plaintext_ports_enabled: judged only once a TLS port exists (before, no_tls_ports said it);
# * stack_traces_sent_to_clients: 18.x puts stack traces into the errors that anonymous clients now get;
# * unsalted_sha256_password: password_sha256_hex is the strongest hash 18.x knows;
# * system_log_without_ttl: query_log exists once queries are logged; 18.16 has no TTL (advice only).
# * limits_not_constrained: the limits the fixes add to a profile cannot be locked before 19.14.
REVEALED_BY_THE_FIX = {
    "no_query_masking_rules",  # issue 13: matters once the fix turns query_log on (18.16: upgrade advice)
    "plaintext_ports_enabled",
    "stack_traces_sent_to_clients",
    "unsalted_sha256_password",
    "system_log_without_ttl",
    "limits_not_constrained",
}


def keys(report: dict[str, Any]) -> set[tuple[str, str]]:
    return {(f["check_id"], f["resource"]) for f in report["findings"]}


def debian_server(env: Ch18Env) -> ClickHouse18Server:
    require(configs.DEBIAN_CONFIG.is_file() and configs.DEBIAN_USERS.is_file(), "Debian's shipped config is missing")
    host = env.next_host()
    root = env.root / "fix-everything"
    variant = configs.Variant(configs.DEBIAN_USERS.read_text(encoding="utf-8"))
    return ClickHouse18Server(
        "fix-everything", host, root, variant, config_xml=configs.debian_server_config(host, root)
    )


def test_fix_everything_on_debian_default(ch18_env: Ch18Env, tmp_path: Path) -> None:
    server = debian_server(ch18_env).start()
    try:
        server.admin_query("CREATE TABLE default.orders (id UInt32) ENGINE = MergeTree ORDER BY id")
        server.admin_query("INSERT INTO default.orders VALUES (1), (2), (3)")
        before = audit(server.http_url, tmp_path / "before.json")

        fills = dict(OPERATOR_VALUES)
        fills["TLS_CERTIFICATE_FILE"] = str(ch18_env.cert.cert_file)
        fills["TLS_PRIVATE_KEY_FILE"] = str(ch18_env.cert.key_file)
        args = ["fix", str(tmp_path / "before.json"), "--apply", "--yes", "--target", server.http_url]
        args += ["--xml-dir", str(tmp_path / "patches"), "--secrets-file", str(tmp_path / "secrets.env")]
        args += [a for name, value in fills.items() for a in ("--set", f"{name}={value}")]
        result = chwarden(*args)
        assert result.returncode == 0, result.stderr
        assert "needs input" not in result.stdout
        secrets = read_secrets(tmp_path / "secrets.env")
        assert "CHWARDEN_DEFAULT_PASSWORD" in secrets
        assert "CLICKHOUSE_INTERSERVER_PASSWORD" not in secrets  # no replicas: interserver credentials not asked
        assert "CLICKHOUSE_CLUSTER_SECRET" not in secrets  # 18.16 has no cluster secret: advice, not a patch
        patches = sorted((tmp_path / "patches").glob("*.d/*.xml"))
        texts = [p.read_text() for p in patches]
        assert len(set(texts)) == len(texts), "identical patches are written once"
        assert "10.20.0.0/255.255.0.0" in "".join(texts) and "10.20.0.0/16" not in "".join(texts)
        for secret in secrets.values():
            assert secret not in result.stdout + result.stderr + "".join(texts)
        # a key 18.16 does not know would be ignored in silence: the finding would look fixed and is not
        addressed = {f["resource"].partition(":")[2] for f in before["findings"]} | {"default", "readonly"}
        unknown = unknown_keys(texts, addressed)
        assert not unknown, f"patches use config keys 18.16 does not read: {sorted(unknown)}"

        for patch in patches:  # the operator installs every reviewed patch and restarts
            installed = server.config_dir / patch.parent.name / patch.name
            installed.parent.mkdir(exist_ok=True)
            installed.write_text(patch.read_text())
        server.stop()
        server.environment = {k: v for k, v in secrets.items() if not k.startswith("CHWARDEN_")}
        server.start()

        assert httpx.post(server.http_url + "/", content=b"SELECT 1", timeout=10).status_code == 401
        password = secrets["CHWARDEN_DEFAULT_PASSWORD"]
        after = audit(
            server.http_url,
            tmp_path / "after.json",
            env={"CLICKHOUSE_USER": "default", "CLICKHOUSE_PASSWORD": password},
        )
        assert after["targets"][0]["status"] == "complete"
        patched = {
            (f["check_id"], f["resource"]) for f in before["findings"] if f["remediation"].get("xml") is not None
        }
        assert len(patched) >= 20
        assert keys(after) & patched == set(), "a finding with an installed patch is still there"
        # what is left is exactly what got advice instead of a patch (18.16 lacks the feature: upgrade)
        advice_only = {
            (f["check_id"], f["resource"])
            for f in before["findings"]
            if f["remediation"].get("xml") is None and f["remediation"].get("sql") is None
        }
        assert keys(before) & keys(after) <= advice_only
        assert {check for check, _ in keys(after) - keys(before)} <= REVEALED_BY_THE_FIX
        for f in after["findings"]:  # no open door remains
            if f["check_id"] not in UPGRADE_ONLY:
                assert f["severity"] not in ("critical", "high"), f

        # the application's queries still work, with the generated password, from loopback: the read-only
        # fixes for "anonymous can write" were not needed once default got a password, so it still writes
        assert "not needed: fix [1] gives default a password" in result.stdout
        server.admin_query("INSERT INTO default.orders VALUES (4)", user="default", password=password)
        count = server.admin_query("SELECT count() FROM default.orders", user="default", password=password)
        assert count.strip() == "4"
    finally:
        server.stop()


BUSY_USERS = configs.users_file(
    configs.LOGGED_PROFILE
    + "<reporting><readonly>2</readonly></reporting><web><max_memory_usage>1000000000</max_memory_usage></web>",
    configs.user("default", sha256_of=configs.DEFAULT_PASSWORD, networks=("10.0.0.0/8", "127.0.0.1", "::1"))
    + configs.user("app", password="App-Plain-91", profile="web")
    + configs.user("report", profile="reporting"),
    configs.UNLIMITED_QUOTA,
)


def test_fix_everything_on_a_busier_legacy_setup(ch18_factory: Any, tmp_path: Path) -> None:
    """TLS beside plain ports, an admin behind an IPv4 prefix, a plain-text and a passwordless user.

    This scenario caught two fixes that locked accounts out or changed them for nothing: the netmask
    rewrite replaced the admin's whole network list with the rewritten prefix (loopback gone), and
    "unsalted SHA-256" re-hashed a users.xml password into another unsalted SHA-256.
    """
    variant = configs.Variant(
        BUSY_USERS,
        passwords={"default": configs.DEFAULT_PASSWORD},
        admin=("default", configs.DEFAULT_PASSWORD),
    )
    server: ClickHouse18Server = ch18_factory(variant=variant, tls=True)
    server.admin_query("CREATE TABLE default.orders (id UInt32) ENGINE = MergeTree ORDER BY id")
    admin = {"CLICKHOUSE_USER": "default", "CLICKHOUSE_PASSWORD": configs.DEFAULT_PASSWORD}
    before = audit(server.http_url, tmp_path / "before.json", env=admin)
    assert ("legacy_ipv4_cidr_network_open", "user:default") in keys(before)
    args = ["fix", str(tmp_path / "before.json"), "--apply", "--yes", "--target", server.http_url]
    args += ["--xml-dir", str(tmp_path / "patches"), "--secrets-file", str(tmp_path / "secrets.env")]
    args += ["--set", "CLIENT_NETWORK/CIDR=10.20.0.0/16", "--set", "ALLOWED_DATABASE=default"]
    result = chwarden(*args, env=admin)
    assert result.returncode == 0, result.stderr
    secrets = read_secrets(tmp_path / "secrets.env")
    assert "CHWARDEN_DEFAULT_PASSWORD" not in secrets  # the admin's password is not touched
    patches = sorted((tmp_path / "patches").glob("*.d/*.xml"))
    texts = [p.read_text() for p in patches]
    addressed = {f["resource"].partition(":")[2] for f in before["findings"]} | {"default", "readonly"}
    assert not unknown_keys(texts, addressed)
    for patch in patches:
        installed = server.config_dir / patch.parent.name / patch.name
        installed.parent.mkdir(exist_ok=True)
        installed.write_text(patch.read_text())
    server.stop()
    server.variant = dataclasses.replace(server.variant, http=False)  # the plain ports are gone: ping https
    server.start()

    out = tmp_path / "after.json"
    after = audit(server.https_url, out, "--ca-file", str(server.ca_file), env=admin)
    assert after["targets"][0]["status"] == "complete"  # the admin still gets in, from loopback
    patched = {(f["check_id"], f["resource"]) for f in before["findings"] if f["remediation"].get("xml")}
    assert len(patched) >= 20 and keys(after) & patched == set()
    advice_only = {
        (f["check_id"], f["resource"])
        for f in before["findings"]
        if f["remediation"].get("xml") is None and f["remediation"].get("sql") is None
    }
    assert keys(before) & keys(after) <= advice_only
    assert {check for check, _ in keys(after) - keys(before)} <= REVEALED_BY_THE_FIX
    app = secrets["CHWARDEN_APP_PASSWORD"]
    assert server.admin_query("SELECT count() FROM default.orders", user="app", password=app).strip() == "0"
