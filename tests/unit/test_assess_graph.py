"""Attack paths on hand-built snapshots: ranking, severities, cuts, sensitivity sources, renderers."""

from __future__ import annotations

import re

from chwarden.assess import Assessment, assess_report, attack_paths
from chwarden.assess.paths import size_factor
from chwarden.assess.sensitivity import inferred
from chwarden.facts import (
    AnonymousLogin,
    Capabilities,
    ConnectionInfo,
    GrantFacts,
    RoleGrantFacts,
    Snapshot,
    TableFacts,
    UserFacts,
)
from chwarden.model import Endpoint, SensitiveData
from chwarden.report import render

ANY = ["::/0"]
LOG_STREAM = TableFacts(
    database="default",
    name="log_stream",
    engine="MergeTree",
    total_rows=1_200_000,
    columns=[("timestamp", "DateTime"), ("string.values", "String")],
)
CUSTOMERS = TableFacts(
    database="shop",
    name="customers",
    engine="MergeTree",
    total_rows=5000,
    columns=[("id", "UInt32"), ("email", "String")],
)
METRICS = TableFacts(database="shop", name="metrics", engine="MergeTree", total_rows=10, columns=[("v", "Float64")])


def deepseek(rbac: bool = False) -> Snapshot:
    """18.x-like: users from users.xml, no grants; default open, analyst weak, admin local."""
    return Snapshot(
        target="http://db:8123",
        connection=ConnectionInfo(kind="live", host="db", port=8123, protocol="http"),
        capabilities=Capabilities(has_sql_rbac=rbac),
        anonymous_login=[AnonymousLogin(protocol="http", port=8123, accepted=True)],
        endpoints=[
            Endpoint(host="db", port=9000, protocol="native", clickhouse=True, auth="none"),
            Endpoint(host="db", port=8123, protocol="http", clickhouse=True, auth="none"),
            Endpoint(host="db", port=9009, protocol="interserver", clickhouse=True),
        ],
        users=[
            UserFacts(name="default", auth_types=["plaintext_password"], password_empty=True, host_ip=ANY),
            UserFacts(name="analyst", auth_types=["plaintext_password"], password_empty=False, host_ip=ANY),
            UserFacts(name="admin", auth_types=["sha256_password"], password_empty=False, host_local=True),
            UserFacts(name="ops", auth_types=["sha256_password"], host_ip=["10.0.0.0/8"], allow_databases=["shop"]),
        ],
        grants=[],
        role_grants=[],
        row_policies=[],
        tables=[LOG_STREAM, CUSTOMERS, METRICS],
        extra={"facts_from_config": ["users", "grants"]},
    )


def test_open_default_to_log_stream_is_the_critical_top_path() -> None:
    paths = attack_paths([Assessment(deepseek())])
    top = paths[0]
    assert top.severity.value == "critical"
    kinds = [s["kind"] for s in top.steps]
    assert kinds == ["network", "endpoint", "principal", "table", "data"]
    assert top.steps[1]["port"] == 8123  # the endpoint that let the stranger in
    assert top.steps[2]["anonymous"] is True
    assert "default.log_stream" in top.summary and "secret" in top.summary
    assert "cheapest fix: set a password for user default" in top.summary
    assert "metrics" not in " ".join(p.summary for p in paths)  # no sensitive data, no path


def test_ranking_orders_users_by_how_easy_they_are_to_become() -> None:
    paths = attack_paths([Assessment(deepseek())])
    to_customers = [p for p in paths if p.steps[-2]["table"] == "customers"]
    order = [next(s for s in p.steps if s["kind"] == "principal")["user"] for p in to_customers]
    assert order == ["default", "analyst", "ops", "admin"]
    severities = [p.severity.value for p in to_customers]
    assert severities[1] == "high" and severities[-1] in ("low", "info")
    scores = [p.steps[-1]["score"] for p in to_customers]
    assert scores == sorted(scores, reverse=True)


def test_non_anonymous_paths_cut_at_networks_or_databases() -> None:
    paths = attack_paths([Assessment(deepseek())])
    analyst = next(p for p in paths if "user analyst" in p.summary and "log_stream" in p.summary)
    cut = next(s["cut"] for s in analyst.steps if "cut" in s)
    assert cut["action"] == "allow user analyst only from the hosts that need it"
    assert "<networks" in cut["xml"]


def test_sql_grants_give_revoke_cuts_and_roles_appear_on_the_path() -> None:
    snapshot = deepseek(rbac=True)
    snapshot.users = [UserFacts(name="bi", auth_types=["sha256_password"], host_ip=ANY)]
    snapshot.grants = [GrantFacts(role_name="reader", access_type="SELECT", database="shop", table="customers")]
    snapshot.role_grants = [RoleGrantFacts(user_name="bi", granted_role_name="reader")]
    snapshot.anonymous_login = []
    snapshot.extra = {}
    (path,) = attack_paths([Assessment(snapshot)])
    assert [s["kind"] for s in path.steps] == ["network", "endpoint", "principal", "role", "table", "data"]
    assert path.steps[3]["label"] == "role reader"
    cut = next(s["cut"] for s in path.steps if "cut" in s)
    assert cut["sql"] == "REVOKE SELECT ON `shop`.`customers` FROM `reader`;"


def test_discover_results_replace_the_name_guess() -> None:
    found = [
        SensitiveData(
            target="t",
            database="shop",
            table="metrics",
            column="v",
            detector="email",
            category="pii",
            rows_matched=7,
            rows_scanned=10,
            sampled=False,
        ),
        SensitiveData(
            target="t",
            database="default",
            table="log_stream",
            column="string.values",
            detector="openai_key",
            category="secret",
            rows_matched=0,
            rows_scanned=100,
            sampled=True,
        ),
    ]
    paths = attack_paths([Assessment(deepseek(), found)])
    by_table = {p.steps[-2]["table"]: p.steps[-1]["classes"] for p in paths}
    # discover found e-mails in metrics (names said nothing), no key in log_stream and nothing in
    # customers: pattern classes follow discover; the chat guess on log_stream stays, marked inferred
    assert set(by_table) == {"metrics", "log_stream"}
    assert {c["category"]: c["source"] for c in by_table["log_stream"]} == {"conversation": "inferred"}
    assert by_table["metrics"] == [
        {
            "category": "personal",
            "rows": 7,
            "columns": ["v"],
            "detectors": ["email"],
            "source": "discover",
            "sampled": False,
        }
    ]


def test_name_inference_and_size_factor() -> None:
    guessed = inferred([LOG_STREAM, CUSTOMERS, METRICS])
    assert {c.category for c in guessed[("default", "log_stream")].classes} == {"secret", "conversation"}
    assert [c.columns for c in guessed[("shop", "customers")].classes] == [("email",)] or any(
        c.columns == ("email",) for c in guessed[("shop", "customers")].classes
    )
    assert ("shop", "metrics") not in guessed
    assert size_factor(1_000_000) == 1.0 and size_factor(None) < 1.0 and size_factor(100) < size_factor(10_000)


def test_report_json_dot_mermaid_and_svg() -> None:
    report = assess_report([Assessment(deepseek())])
    assert report.command == "assess" and report.attack_paths
    dot = render(report, "dot")
    assert dot.startswith("digraph attack_paths {") and '"table:default.log_stream"' in dot
    mermaid = render(report, "mermaid")
    assert mermaid.startswith("flowchart LR") and "-->|critical|" in mermaid
    assert not re.search(r'\["[^"]*"[^\]]*"\]', mermaid)  # quotes inside labels are escaped
    html = render(report, "html")
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'class="node kind-principal"' in svg and "anonymous → user default" in svg
    assert "<script" not in html.lower()


def test_hostile_names_are_escaped_in_svg_dot_and_mermaid() -> None:
    snapshot = deepseek()
    evil = TableFacts(
        database="default",
        name='x"><script>alert(1)</script>_chat',
        engine="Log",
        total_rows=3,
        columns=[("prompt", "String")],
    )
    snapshot.tables = [evil]
    report = assess_report([Assessment(snapshot)])
    html = render(report, "html")
    assert "<script>alert" not in html
    assert "<script>" not in render(report, "mermaid")
    dot = render(report, "dot")
    assert '\\"><script>' in dot  # quoted inside a DOT string
