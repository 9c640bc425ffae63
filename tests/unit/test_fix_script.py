"""The fix script: statements, placeholders, XML patch files, secrets and the before/after comparison."""

from __future__ import annotations

import stat
from pathlib import Path

from chwarden.model import Endpoint, Finding, Remediation, Report, Severity
from chwarden.remediate.apply import StatementFailed, WriteConnection, apply_sql, compare, key
from chwarden.remediate.script import FixScript, build, render, split_statements, write_xml_patches
from chwarden.remediate.secrets_store import SecretStore

PASSWORD_XML = (
    "<!-- users.d/default-password.xml -->\n<clickhouse>\n  <users>\n    <default>\n"
    '      <password_sha256_hex><!-- echo -n "$PASSWORD" | sha256sum --></password_sha256_hex>\n'
    "    </default>\n  </users>\n</clickhouse>"
)


def finding(check_id: str, resource: str, sql: str | None = None, xml: str | None = None) -> Finding:
    return Finding(
        check_id=check_id,
        title=check_id.replace("_", " "),
        severity=Severity.HIGH,
        target="127.0.0.1:8123",
        resource=resource,
        remediation=Remediation(sql=sql, xml=xml),
    )


def report(*findings: Finding, version: str = "24.8.1.1") -> Report:
    endpoint = Endpoint(host="127.0.0.1", port=8123, protocol="http", clickhouse=True, version=version)
    return Report(command="audit", started_at="t", finished_at="t", findings=list(findings), endpoints=[endpoint])


FINDINGS = (
    finding(
        "default_user_without_password",
        "user:default",
        sql="ALTER USER default IDENTIFIED WITH sha256_password BY '<strong password>' HOST LOCAL;",
        xml=PASSWORD_XML,
    ),
    finding("user_allowed_from_any_host", "user:app", sql="ALTER USER `app` HOST IP '<client network/CIDR>';"),
    finding(
        "anonymous_user_can_write",
        "session:default",
        xml="<clickhouse><users><default><profile>readonly</profile></default></users></clickhouse>\n"
        "<clickhouse><profiles><readonly><readonly>1</readonly></readonly></profiles></clickhouse>",
    ),
    finding("verbose_replicas_status", "setting:x", xml="<clickhouse><x>0</x></clickhouse>"),
    finding(
        "user_allowed_from_any_host",
        "user:old",
        xml="<clickhouse><users><old><networks><ip>CLIENT_NETWORK/CIDR</ip></networks></old></users></clickhouse>",
    ),
)


def test_statements_are_split_and_comments_dropped() -> None:
    sql = "-- after rotating:\nALTER TABLE system.query_log DELETE\n  WHERE query ILIKE '%x%';\nSELECT 1;"
    assert split_statements(sql) == ["ALTER TABLE system.query_log DELETE\n  WHERE query ILIKE '%x%'", "SELECT 1"]


def test_placeholders_needing_input_keep_a_fix_out_of_apply() -> None:
    script = build(report(*FINDINGS))
    assert [i.missing for i in script.items] == [[], ["client network/CIDR"], [], [], ["CLIENT_NETWORK/CIDR"]]
    applicable = [s for _, s in script.applicable_sql()]
    assert applicable == ["ALTER USER default IDENTIFIED WITH sha256_password BY '<strong password>' HOST LOCAL"]
    filled = build(report(*FINDINGS), fills={"client network/CIDR": "10.0.0.0/8", "CLIENT_NETWORK/CIDR": "10.0.0.0/8"})
    assert filled.items[2].superseded_by == 1  # default gets a password from fix [1]
    assert all(i.ready for i in filled.items if i.superseded_by is None)
    assert "HOST IP '10.0.0.0/8'" in filled.items[1].statements[0]
    assert "<ip>10.0.0.0/8</ip>" in filled.items[4].patches[0].text


def test_fill_values_cannot_break_out_of_the_literal() -> None:
    script = build(report(FINDINGS[1]), fills={"client network/CIDR": "x' OR 1=1 --"})
    assert script.items[0].statements[0] == "ALTER USER `app` HOST IP 'x\\' OR 1=1 --'"


def test_patches_go_to_users_d_or_config_d_with_the_servers_root_element() -> None:
    script = build(report(*FINDINGS, version="18.16.1"))
    assert script.root == "yandex"
    patches = [p for i in script.items for p in i.patches]
    assert [p.directory for p in patches] == ["users.d", "users.d", "users.d", "config.d", "users.d"]
    assert all(p.text.startswith("<yandex>") and p.text.endswith("</yandex>") for p in patches)
    assert build(report(*FINDINGS)).root == "clickhouse"


def test_check_filter_and_render_are_reviewable_and_secret_free(tmp_path: Path) -> None:
    script = build(report(*FINDINGS), check_ids=["default_user_without_password"])
    assert [i.finding.check_id for i in script.items] == ["default_user_without_password"]
    store = SecretStore()
    written = write_xml_patches(script, tmp_path, store)
    assert [p.relative_to(tmp_path).parts[0] for p in written] == ["users.d"]
    secret = store.values["CHWARDEN_DEFAULT_PASSWORD"]
    text = written[0].read_text()
    assert "$PASSWORD" not in text and secret not in text and len(text.split("<password_sha256_hex>")[1]) > 64
    rendered = script.render()
    assert "'<strong password>'" in rendered and secret not in rendered
    path = store.write(tmp_path / "s.env")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


class Recorder(WriteConnection):
    def __init__(self, fail_on: str = "") -> None:
        self.sent: list[str] = []
        self.fail_on = fail_on

    def execute(self, sql: str) -> None:
        self.sent.append(sql)
        if self.fail_on and self.fail_on in sql:
            raise StatementFailed(f"Code: 62. Syntax error near {sql}", 62)


def test_apply_fills_passwords_runs_in_order_and_scrubs_errors() -> None:
    script = build(
        report(FINDINGS[0], finding("x", "user:b", sql="REVOKE ALL ON *.* FROM b;\nBROKEN '<new strong password>';"))
    )
    store = SecretStore()
    writer = Recorder(fail_on="BROKEN")
    outcomes = apply_sql(script, writer, store)
    assert [o.ok for o in outcomes] == [True, True, False]
    secret = store.values["CHWARDEN_DEFAULT_PASSWORD"]
    assert writer.sent[0] == f"ALTER USER default IDENTIFIED WITH sha256_password BY '{secret}' HOST LOCAL"
    assert writer.sent[1] == "REVOKE ALL ON *.* FROM b"
    other = store.values["CHWARDEN_B_PASSWORD"]
    assert (
        other in writer.sent[2] and other not in (outcomes[2].error or "") and "redacted" in (outcomes[2].error or "")
    )
    assert all(secret not in o.statement and other not in o.statement for o in outcomes)
    assert len(secret) >= 22  # >= 128 bits of URL-safe base64


def test_compare_before_and_after() -> None:
    before = report(*FINDINGS[:4])
    after = report(FINDINGS[1], FINDINGS[2], finding("new_one", "user:z"))
    result = compare(before, after, {key(FINDINGS[0]), key(FINDINGS[2])})
    assert [key(f) for f in result.fixed] == [key(FINDINGS[0])]
    assert [key(f) for f in result.still_present] == [key(FINDINGS[2])]
    assert [key(f) for f in result.untouched] == [key(FINDINGS[1])]
    assert [f.check_id for f in result.new] == ["new_one"]
    assert not result.complete


def test_ipv4_prefixes_become_netmasks_for_18_x_only() -> None:
    """18.x matches `<ip>a.b.c.d/NN</ip>` against every client: the filled patch must use a netmask."""
    fills = {"CLIENT_NETWORK/CIDR": "10.20.0.0/16"}
    legacy = build(report(FINDINGS[4], version="18.16.1"), fills=fills).items[0].patches[0].text
    assert "<ip>10.20.0.0/255.255.0.0</ip>" in legacy
    modern = build(report(FINDINGS[4]), fills=fills).items[0].patches[0].text
    assert "<ip>10.20.0.0/16</ip>" in modern
    ipv6 = build(report(FINDINGS[4], version="18.16.1"), fills={"CLIENT_NETWORK/CIDR": "fd00::/8"})
    assert "<ip>fd00::/8</ip>" in ipv6.items[0].patches[0].text


def test_tokens_inside_grant_queries_need_input_but_quoted_names_do_not() -> None:
    xml = (
        "<clickhouse><users><app><grants><query>GRANT SELECT ON ALLOWED_DATABASE.*</query>"
        "<query>GRANT SELECT ON `MY_DB`.* </query></grants></app></users></clickhouse>"
    )
    item = build(report(finding("global_all_privileges", "user:app", xml=xml))).items[0]
    assert item.missing == ["ALLOWED_DATABASE"]
    filled = build(report(finding("global_all_privileges", "user:app", xml=xml)), fills={"ALLOWED_DATABASE": "sales"})
    assert filled.items[0].ready and "GRANT SELECT ON sales.*" in filled.items[0].patches[0].text
    assert "`MY_DB`" in filled.items[0].patches[0].text


def test_shared_patches_are_written_once_and_environment_values_generated(tmp_path: Path) -> None:
    secret_xml = (
        '<clickhouse><remote_servers><c><secret from_env="CLICKHOUSE_CLUSTER_SECRET"/></c></remote_servers>'
        "</clickhouse>"
    )
    same = "<clickhouse><display_name>clickhouse</display_name></clickhouse>"
    script = build(
        report(
            finding("server_display_name_leaked", "endpoint:a:8123", xml=same),
            finding("server_display_name_leaked", "endpoint:a:9000", xml=same),
            finding("cluster_without_secret", "cluster:c", xml=secret_xml),
        )
    )
    store = SecretStore()
    written = write_xml_patches(script, tmp_path, store)
    assert len(written) == 2
    assert set(store.values) == {"CLICKHOUSE_CLUSTER_SECRET"} and len(store.values["CLICKHOUSE_CLUSTER_SECRET"]) >= 22
    assert all(store.values["CLICKHOUSE_CLUSTER_SECRET"] not in p.read_text() for p in written)


def test_passwordless_only_fixes_are_not_needed_once_the_user_gets_a_password() -> None:
    readonly = "<clickhouse><users><default><profile>readonly</profile></default></users></clickhouse>"
    items = build(
        report(
            FINDINGS[0],
            finding("anonymous_user_can_write", "session:default", xml=readonly),
            finding(
                "ddl_allowed",
                "user:erin",
                xml="<clickhouse><profiles><e><allow_ddl>0</allow_ddl></e></profiles></clickhouse>",
            ),
        )
    ).items
    assert items[1].superseded_by == 1 and not items[1].ready
    assert items[2].superseded_by is None  # erin keeps no password: her fix is still needed
    text = render(FixScript(items=items))
    assert "not needed: fix [1] gives default a password" in text and "<profile>readonly</profile>" not in text


def test_a_password_patch_is_named_after_the_user_it_sets(tmp_path: Path) -> None:
    """A scan finding is about an endpoint; the password it generates is default's."""
    script = build(report(finding("unauthenticated_http_access", "endpoint:10.0.0.5:8123", xml=PASSWORD_XML)))
    store = SecretStore()
    write_xml_patches(script, tmp_path, store)
    assert set(store.values) == {"CHWARDEN_DEFAULT_PASSWORD"}
