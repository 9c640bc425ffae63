"""Detection rules as data: the catalogue loads, renders for 18.16 and current log schemas, stays
read-only, and its judges, server-log parser and login evaluation behave."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chwarden.connect.guard import check_statement
from chwarden.connect.querytag import QueryTagger
from chwarden.detect import builtin_rules, load_rules
from chwarden.detect.catalog import RuleError, parse_rules
from chwarden.detect.dialect import LogSchema, LogSource
from chwarden.detect.engine import table_regex
from chwarden.detect.judges import JUDGE_FUNCTIONS, JudgeContext, in_networks, networks
from chwarden.detect.logins import evaluate, next_position
from chwarden.detect.reliability import ttl_seconds
from chwarden.detect.serverlog import LogRead, parse_lines

DATA = Path(__file__).resolve().parents[1] / "data" / "watch"


def _columns(name: str) -> dict[str, str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if line)


SCHEMAS = {
    "18.16": {"query_log": _columns("query_log_18_16.tsv"), "session_log": {}},
    "26.9": {"query_log": _columns("query_log_26_9.tsv"), "session_log": _columns("session_log_26_9.tsv")},
}


def _render(version: str) -> dict[str, str | None]:
    """rule id -> rendered SQL of the variant this server's columns select (None: not checked)."""
    out: dict[str, str | None] = {}
    for rule in builtin_rules():
        out[rule.id] = None
        for variant in rule.variants:
            log = variant.log or rule.log
            columns = SCHEMAS[version][log]
            if columns and all(c in columns for c in variant.requires):
                values = LogSchema(log, LogSource(), columns).fragments(1_800_000_000, 1_800_000_300, rule.lookback)
                values.update({"passwordless_users": "['default']", "sensitive_tables": "['db.t']"})
                values["sensitive_tables_re"] = "'x'"
                values.update({k: str(int(v)) for k, v in rule.thresholds.items()})
                out[rule.id] = variant.sql.format(**values)
                break
    return out


def test_catalogue_covers_the_issue_families() -> None:
    ids = {r.id for r in builtin_rules()}
    assert {
        "brute_force_by_address", "brute_force_by_user", "password_spraying", "login_after_failures",
        "query_from_new_address", "anonymous_query_from_untrusted_address", "mass_read",
        "sensitive_table_read_outside_allowlist", "external_table_function", "user_or_grant_change",
        "system_command", "drop_burst", "ransom_note_table", "recon_system_tables", "privilege_probing",
        "log_tampering", "forged_chwarden_tag",
    } <= ids  # fmt: skip
    for rule in builtin_rules():
        assert re.fullmatch(r"T\d{4}(\.\d{3})?", rule.technique.id), rule.id


@pytest.mark.parametrize("version", sorted(SCHEMAS))
def test_every_rendered_rule_passes_the_read_only_guard(version: str) -> None:
    for rule_id, sql in _render(version).items():
        if sql is not None:
            assert check_statement(sql), rule_id
            assert "{" not in sql.replace("{shard}", ""), rule_id


def test_version_picks_the_variant() -> None:
    old, new = _render("18.16"), _render("26.9")
    assert old["brute_force_by_address"] is None  # no session_log on 18.16
    assert new["brute_force_by_address"] is not None
    assert "IPv6NumToString(address)" in (old["mass_read"] or "") and "type IN (2)" in (old["mass_read"] or "")
    assert "toString(address)" in (new["mass_read"] or "") and "'QueryFinish'" in (new["mass_read"] or "")
    assert "used_table_functions" in (new["external_table_function"] or "")
    assert "used_table_functions" not in (old["external_table_function"] or "")
    assert "log_comment" in (new["mass_read"] or "") and "log_comment" not in (old["mass_read"] or "")
    assert "missing_privileges" in (new["privilege_probing"] or "")


def test_rule_files_are_validated(tmp_path: Path) -> None:
    good = builtin_rules()[0].model_dump(mode="json")
    bad = {**good, "variants": [{"requires": [], "sql": "SELECT {nope} FROM {source}"}]}
    with pytest.raises(RuleError, match="unknown placeholder"):
        parse_rules([bad], "x.yaml")
    with pytest.raises(RuleError, match="duplicate"):
        parse_rules([good, good], "x.yaml")
    custom = tmp_path / "rules.yaml"
    custom.write_text("- " + __import__("json").dumps({**good, "id": "my_rule", "title": "mine"}) + "\n")
    assert {"my_rule", good["id"]} <= {r.id for r in load_rules(custom)}


def test_table_regex_finds_mentions_only() -> None:
    pattern = re.compile(table_regex(["default.log_stream"]))
    for text in (
        "SELECT * FROM log_stream",
        "select x from `default`.`log_stream` limit 1",
        "FROM default.log_stream,",
    ):
        assert pattern.search(text), text
    for text in ("SELECT * FROM log_streams", "SELECT * FROM my_log_stream", "SELECT 'xlog_stream'"):
        assert not pattern.search(text), text


def _rule(rule_id: str):  # type: ignore[no-untyped-def]
    return next(r for r in builtin_rules() if r.id == rule_id)


def test_judges() -> None:
    ctx = JudgeContext(
        target="t",
        allow_principals=frozenset({"app"}),
        allow_networks=networks(["10.0.0.0/8"]),
        known_addresses={"app": {"10.1.1.1"}},
        usage_history={"bob": [{"query_rows": 150_000, "window_rows": 300_000}] * 3},
        sensitive_tables={"log_stream": "default.log_stream"},
    )
    rows = [
        {"user": "app", "address": "1.2.3.4"},
        {"user": "x", "address": "10.2.2.2"},
        {"user": "x", "address": "1.2.3.4", "table": "`log_stream`"},
    ]
    assert JUDGE_FUNCTIONS["allowlist"](_rule("sensitive_table_read_outside_allowlist"), rows, ctx) == [
        {"user": "x", "address": "1.2.3.4", "table": "default.log_stream"}
    ]
    new = JUDGE_FUNCTIONS["new_address"](
        _rule("query_from_new_address"),
        [
            {"user": "app", "address": "10.1.1.1"},
            {"user": "app", "address": "10.9.9.9"},
            {"user": "new", "address": "1.1.1.1"},
        ],
        ctx,
    )
    assert new == [{"user": "app", "address": "10.9.9.9"}]
    mass = _rule("mass_read")
    big = {"user": "bob", "address": "a", "query_rows": 2_000_000, "window_rows": 5_000_000}
    usual = {**big, "query_rows": 160_000, "window_rows": 310_000}  # over the thresholds, not over bob's baseline
    newcomer = {**usual, "user": "carol"}  # no history yet: the thresholds alone decide
    judged = JUDGE_FUNCTIONS["baseline"](mass, [big, usual, newcomer], ctx)
    assert [(r["user"], r["exceeded"]) for r in judged] == [
        ("bob", ["query_rows", "window_rows"]),
        ("carol", ["query_rows"]),
    ]
    assert in_networks("::ffff:127.0.0.1", networks(["127.0.0.1/32"]))
    assert not JUDGE_FUNCTIONS["untrusted_address"](
        _rule("anonymous_query_from_untrusted_address"), [{"address": "127.0.0.1"}], JudgeContext(target="t")
    )


def test_selftag_judge_drops_ours_and_keeps_forged() -> None:
    tagger = QueryTagger(b"judge-test-key-0123456789abcdef!")
    ours = tagger.new_id(now=1_800_000_000)
    ctx = JudgeContext(target="t", tagger=tagger)
    rows = [
        {"tag": ours, "logged_at": 1_800_000_001, "events": 1, "read_rows": 10},
        {"tag": ours, "logged_at": 1_800_000_002, "events": 2, "read_rows": 10},  # replayed
        {"tag": "chwarden-1-2-3", "logged_at": 1_800_000_001, "events": 1, "read_rows": 0},
    ]
    kept = JUDGE_FUNCTIONS["selftag"](_rule("forged_chwarden_tag"), rows, ctx)
    assert [r["reason"] for r in kept] == ["replayed (the id was used more than once)", "the tag does not verify"]
    assert (ctx.own_queries, ctx.own_rows_read) == (1, 10)


# Lines as Debian's 18.16 writes them at trace level (measured), threads 20 and 21 interleaved.
SERVER_LOG = (DATA / "server_log_18_16.txt").read_text(encoding="utf-8")


def test_server_log_pairs_failures_with_addresses() -> None:
    events = parse_lines(SERVER_LOG.splitlines())
    assert [(e.user, e.address, e.success) for e in events] == [
        ("alice", "127.0.9.8", False),
        ("nobody", "127.0.9.9", False),
        ("alice", "127.0.9.10", True),
        ("alice", "::1", False),
        ("bob", "", False),  # warning-level logs: the address was not written
    ]


def test_login_rules_on_file_events_discount_own_attempts() -> None:
    line = (
        "2026.12.02 17:15:{s:02d}.000000 [ 30 ] {{}} <Trace> HTTPHandler-factory: "
        "HTTP Request for HTTPHandler-factory. "
        "Method: GET, Address: 127.0.9.15:1, User-Agent: x\n"
        "2026.12.02 17:15:{s:02d}.100000 [ 30 ] {{}} <Error> HTTPHandler: Code: 193, e.displayText() = "
        "DB::Exception: Wrong password for user {user}, e.what() = DB::Exception"
    )
    text = "\n".join(line.format(s=n, user="analyst") for n in range(20)).splitlines()
    events = parse_lines(text)
    own_at = events[0].at
    position = next_position(None, LogRead(events, {"inode": 1, "offset": 0}), [(own_at, "127.0.9.15", "analyst")])
    from chwarden.detect.logins import events_of

    rows = evaluate(_rule("brute_force_by_address"), events_of(position), since=0)
    assert rows == []  # 20 failures, one of them chwarden's own: below the threshold of 20
    position = next_position(position, LogRead(events[:1], {"inode": 1, "offset": 10}), [])
    rows = evaluate(_rule("brute_force_by_address"), events_of(position), since=0)
    assert [(r["address"], r["user"], r["failed"]) for r in rows] == [("127.0.9.15", "analyst", 20)]


def test_ttl_parsing() -> None:
    assert (
        ttl_seconds(
            "MergeTree PARTITION BY toYYYYMM(event_date) ORDER BY (event_date) "
            "TTL event_date + toIntervalDay(30) SETTINGS x"
        )
        == 30 * 86400
    )
    assert ttl_seconds("MergeTree ORDER BY t TTL event_date + INTERVAL 1 HOUR") == 3600
    assert ttl_seconds("MergeTree PARTITION BY toYYYYMM(event_date) ORDER BY (event_date, event_time)") == 0


def test_switchable_query_logging() -> None:
    from chwarden.detect.reliability import reliability
    from chwarden.facts import ProfileElement, ServerInfo, Snapshot, UserFacts

    def snapshot(version: str, *elements: tuple[str, str, str, str | None]) -> Snapshot:
        return Snapshot(
            target="t",
            server=ServerInfo(version=version),
            users=[UserFacts(name="app", profile="default"), UserFacts(name="bi", profile="reports")],
            profile_elements=[
                ProfileElement(profile_name=p, setting_name=n, value=v, writability=w) for p, n, v, w in elements
            ],
        )

    def switchable(snap: Snapshot) -> list[tuple[str, list[str], str]]:
        health = reliability("t", [], {}, 300, lambda sql: [], snap)
        return [
            (f.resource, f.evidence["users"], f.remediation.text or "")
            for f in health.findings
            if f.check_id == "log_queries_switchable"
        ]

    legacy = snapshot("18.16.1", ("default", "log_queries", "1", None), ("reports", "readonly", "1", None))
    found = switchable(legacy)
    assert [(r, u) for r, u, _ in found] == [("profile:default", ["app"])]  # bi is readonly = 1
    assert "no settings constraints" in found[0][2]
    modern = snapshot("24.8.1", ("default", "log_queries", "1", None), ("reports", "log_queries", "1", "CONST"))
    found = switchable(modern)
    assert [(r, u) for r, u, _ in found] == [("profile:default", ["app"])]  # bi's profile locks it
    assert "<log_queries><readonly/></log_queries>" in found[0][2]
    unknown = reliability("t", [], {}, 300, lambda sql: [], Snapshot(target="t"))
    assert any(n.check_id == "log_queries_switchable" for n in unknown.not_checked)
