"""discover against real engines: the labelled corpus in chdb (Vectorscan) and in 18.16 (RE2 fallback).

The dev split of the corpus (``tests/data/discover``) is loaded into both engines. Accuracy is
measured per (column, detector): precision >= 0.98 and recall >= 0.97 on each engine, every row
detector found in its positive column and quiet in its negative one. Counts are exact: equal to
the labelled rows, the same on both engines and on every run, and the same when the server
validates the candidates itself (the path for columns with many distinct candidate rows). Then:
files through chdb, system.query_log on 18.16, no planted secret unredacted in any report format,
and bad input (exotic types, a 100 MB value, permission denied, a dropped table, a timeout)
reported per table while the scan goes on. The held-out split is scored by
``bench/bench_discover_accuracy.py``, not here.
"""

from __future__ import annotations

import csv
import json
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from chwarden.connect.base import GuardedConnection
from chwarden.connect.embedded import EmbeddedTransport
from chwarden.connect.target import Credentials, connect, parse_target
from chwarden.discover import DiscoverOptions, DiscoverResult, column_scan, discover_live, load_rules, sql, validators
from chwarden.discover.column_scan import has_vectorscan
from chwarden.discover.report import build_report
from chwarden.discover.rules import Detector, readable
from chwarden.report import render
from tests.data.discover import scoring
from tests.data.discover.classes import NEGATIVE_LABELS, POSITIVES
from tests.data.discover.corpus import all_labels, build_corpus, row_labels
from tests.harness.chdb_env import OPEN_DEFAULT_USER, chdb_environment
from tests.unit import test_log_shape_classes as log_shapes
from tests.unit import test_unasked_classes as unasked
from tests.unit import test_unheeded_classes as unheeded
from tests.unit import test_unlisted_classes as unlisted

CORPUS = build_corpus("dev")
LABELS = all_labels(CORPUS)
ROW_LABELS = row_labels(CORPUS)
DB = "corpus"
FORMATS = ("terminal", "json", "sarif", "markdown", "html")


def _literal(value: str) -> str:
    return scoring.literal(value)


def _create_statements(table: Any) -> list[str]:
    return scoring.create_statements(DB, table)


def accuracy(result: DiscoverResult) -> tuple[float, float, list[str]]:
    """Column-level precision and recall over (column, detector) pairs, and the mistakes."""
    score = scoring.score_columns(scoring.predicted_columns(result, DB), LABELS)
    return score.overall.precision, score.overall.recall, score.overall.mistakes


def _every_detector_tested(result: DiscoverResult) -> list[str]:
    predicted = scoring.predicted_columns(result, DB)
    problems = []
    for detector_id in POSITIVES:
        if detector_id not in predicted.get(("log_lines", f"pos_{detector_id}"), set()):
            problems.append(f"{detector_id}: missed in its positive column")
        allowed = set().union(*(v for (d, _i), v in NEGATIVE_LABELS.items() if d == detector_id))
        extra = predicted.get(("log_lines", f"neg_{detector_id}"), set()) - allowed
        if extra:
            problems.append(f"{detector_id}: negatives reported as {extra}")
    return problems


def _counts(result: DiscoverResult) -> dict[tuple[str, str, str], int]:
    return {(e.table, e.column, e.detector): e.rows_matched for e in result.sensitive_data if e.category != "hint"}


def _labelled_counts() -> dict[tuple[str, str, str], int]:
    out: dict[tuple[str, str, str], int] = {}
    for (table, column), rows in ROW_LABELS.items():
        for labels in rows:
            for d in labels:
                out[(table, column, d)] = out.get((table, column, d), 0) + 1
    return out


def _exact_count_problems(result: DiscoverResult) -> list[str]:
    """Row counts equal the labelled rows wherever the detector is right about the column."""
    got, want = _counts(result), _labelled_counts()
    return [f"{k}: {got[k]} rows, labelled {want[k]}" for k in sorted(set(got) & set(want)) if got[k] != want[k]]


def _planted_values() -> set[str]:
    """Every labelled secret value in the corpus, as the Python rules extract it."""
    rules = {d.id: d for d in load_rules().detectors}
    values: set[str] = set()
    for table in CORPUS:
        for column, cells in table.columns.items():
            for text, labels in zip(cells, table.row_labels[column], strict=True):
                secrets = [rules[d] for d in labels if d in rules and rules[d].category == "secret"]
                for d in secrets:
                    for m in d.regex.finditer(text):
                        values.add(d.secret_of(m.group(0)))
    return {v for v in values if len(v) >= 8}


# ---------------------------------------------------------------- chdb (Vectorscan path)


@pytest.fixture(scope="module")
def chdb_env() -> Iterator[Any]:
    """One chdb engine for the module (chdb allows one per process): the corpus plus odd tables."""
    with chdb_environment(OPEN_DEFAULT_USER) as env:
        env.session.query(f"CREATE DATABASE {DB}")
        for table in CORPUS:
            for statement in _create_statements(table):
                env.session.query(statement)
        yield env


@pytest.fixture
def chdb_corpus(chdb_env: Any) -> GuardedConnection:
    return GuardedConnection(EmbeddedTransport(str(chdb_env.data_dir), session=chdb_env.session), description="chdb")


@pytest.fixture(scope="module")
def chdb_full(chdb_env: Any) -> DiscoverResult:
    """One ``--full`` scan of the corpus on chdb, shared by the tests that only read it."""
    conn = GuardedConnection(EmbeddedTransport(str(chdb_env.data_dir), session=chdb_env.session), description="chdb")
    return discover_live(conn, "chdb", DiscoverOptions(database=DB, full=True))


@pytest.mark.embedded
def test_chdb_accuracy_and_every_detector(chdb_full: DiscoverResult) -> None:
    precision, recall, mistakes = accuracy(chdb_full)
    print(f"chdb precision={precision:.3f} recall={recall:.3f} mistakes={mistakes}")
    assert not chdb_full.errors
    assert precision >= 0.98 and recall >= 0.97, mistakes
    assert _every_detector_tested(chdb_full) == []
    assert chdb_full.tables_scanned == len(CORPUS)


@pytest.mark.embedded
def test_chdb_counts_are_exact_repeatable_and_agree_with_in_engine_validation(
    chdb_corpus: GuardedConnection, chdb_full: DiscoverResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exact row counts: as labelled, the same on a second run, and the same when the server validates."""
    assert _exact_count_problems(chdb_full) == []
    again = discover_live(chdb_corpus, "chdb", DiscoverOptions(database=DB, full=True))
    assert [e.model_dump() for e in again.sensitive_data] == [e.model_dump() for e in chdb_full.sensitive_data]
    monkeypatch.setattr(sql, "CANDIDATE_ROWS", 1)  # every column with a candidate row is validated in the server
    for table in ("api_logs", "users", "kv_settings", "http_requests"):  # every validator, in less time
        in_engine = discover_live(chdb_corpus, "chdb", DiscoverOptions(database=DB, table=table, full=True))
        assert _counts(in_engine) == {k: n for k, n in _counts(chdb_full).items() if k[0] == table}, table


@pytest.mark.embedded
def test_chdb_sample_mode_counts_within_the_sample(chdb_corpus: GuardedConnection) -> None:
    result = discover_live(chdb_corpus, "chdb", DiscoverOptions(database=DB, table="log_lines", sample_rows=10))
    entries = [e for e in result.sensitive_data if e.category != "hint"]
    assert entries and all(e.sampled and e.rows_scanned == 10 and e.rows_matched <= 10 for e in entries)
    text = render(build_report("chdb", result), "markdown")
    assert "10 (estimate: sample of 10 rows)" in text
    assert "(exact)" in render(build_report("chdb", discover_live(chdb_corpus, "chdb", _one_table_full())), "markdown")


def _one_table_full() -> DiscoverOptions:
    return DiscoverOptions(database=DB, table="users", full=True)


def _tier_probe_values(seed: int = 16) -> list[str]:
    """Corpus cells, every example and negative, and random strings dense in guard characters."""
    values = {v for table in CORPUS for column in table.columns.values() for v in column}
    for d in load_rules().detectors:
        values.update((d.example, *d.negatives))
    rnd = random.Random(seed)
    alphabet = "0123456789abcdefABCDEF:.-+() @xyz_="
    values.update("".join(rnd.choice(alphabet) for _ in range(rnd.randint(5, 48))) for _ in range(3000))
    values.update(  # the forms each guard has to let through
        ("fe80::1", "2001:db8::", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "a:b:c:d:e:f:1:2", "+49 30 1234567",
         "(212) 555-0143", "212-555-0143", "10.0.0.1", "1.2.3.4.", "x@y.io", "2026-01-12T08:00:00Z 212-555-0143",
         "call +1 (212) 555-0143", "GB82 WEST 1234 5698 7654 32", "4556 7375 8689 9855")
    )  # fmt: skip
    return sorted(v for v in values if v and len(v) <= sql.ROW_CHARS)


@pytest.mark.embedded
def test_chdb_tiers_classify_like_one_vectorscan_set(chdb_env: Any) -> None:
    """The tiered candidate query (guards, two sets) names exactly the detectors one set of all candidate
    patterns names, and never misses a detector whose full pattern matches."""
    s = chdb_env.session
    values = _tier_probe_values()
    s.query("CREATE DATABASE IF NOT EXISTS tiers")
    s.query("CREATE TABLE tiers.t (v String) ENGINE = MergeTree ORDER BY tuple()")
    s.query("INSERT INTO tiers.t VALUES " + ", ".join(f"({_literal(v)})" for v in values))
    detectors = [d for d in load_rules().detectors if d.scope == "value"]
    tiers = sql.tiers(detectors)
    assert sorted(d.id for d in tiers.ordered) == sorted(d.id for d in detectors)
    assert {tiers.ordered[p.index - 1].id for p in tiers.guarded} == set(sql.GUARDS)
    src = sql.source("tiers.t", "v", sql.Bounds(full=True, rows=0))
    answer = json.loads(s.query(sql.rows_query(src, detectors, modern=True, bounded=False), "JSON").bytes())["data"]
    got = {r["w"]: tiers.hits(r["_lit"], r["_free"], int(r["_gd"])) for r in answer if r["w"]}
    parts = [(i, p) for i, d in enumerate(tiers.ordered, start=1) for p in sql.candidate_patterns(d)]
    candidates = sql.string_array([p for _i, p in parts])
    # The full patterns as the validating query runs them (RE2, one ``match`` each): chwarden never hands them to
    # Vectorscan, whose size limit the longest one (a phrase in sixty languages) passed.
    full = (
        "arrayFilter(_i -> _i > 0, ["
        + ", ".join(f"if(match(v, {sql.quote(d.pattern)}), {i}, 0)" for i, d in enumerate(tiers.ordered, start=1))
        + "])"
    )
    reference = json.loads(
        s.query(
            f"SELECT v, multiMatchAllIndices(v, {candidates}) AS c, {full} AS f "
            "FROM tiers.t WHERE notEmpty(c) OR notEmpty(f)",
            "JSON",
        ).bytes()
    )["data"]
    loose = {r["v"]: {parts[int(h) - 1][0] for h in r["c"]} for r in reference}
    assert all(set(hits) <= loose.get(v, set()) for v, hits in got.items())  # guards only drop candidates...
    missed = [r["v"] for r in reference if not {int(h) for h in r["f"]} <= set(got.get(r["v"], ()))]
    assert missed == []  # ...that the full patterns cannot match: every real match is a candidate
    answered = [int(r["_gd"]) for r in answer] + [0]
    assert all(any(m >> bit & 1 for m in answered) for bit in range(len(tiers.guarded)))  # every guard passed


@pytest.mark.embedded
def test_chdb_no_planted_secret_unredacted_in_any_format(chdb_full: DiscoverResult) -> None:
    report = build_report("chdb", chdb_full)
    assert report.findings and report.sensitive_data
    planted = _planted_values()
    assert len(planted) >= 200
    for fmt in FORMATS:
        text = render(report, fmt)
        leaked = [v for v in planted if v in text]
        assert leaked == [], f"{fmt} leaks {len(leaked)} planted values"
    checks = {f.check_id for f in report.findings}
    assert {"secrets_in_table_data", "personal_data_in_table_data", "chat_logs_in_table_data"} <= checks


@pytest.mark.embedded
def test_chdb_exotic_types_and_huge_value(chdb_env: Any, chdb_corpus: GuardedConnection) -> None:
    key = "sk-" + "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d"
    s = chdb_env.session
    if True:
        s.query("CREATE DATABASE odd")
        s.query(
            "CREATE TABLE odd.t (n UInt8, lc LowCardinality(Nullable(String)), fs FixedString(64), "
            "arr Array(String), m Map(String, String), j JSON, tup Tuple(a String, b UInt8), "
            "e Enum8('a' = 1), big String) ENGINE = MergeTree ORDER BY n"
        )
        s.query(
            f"INSERT INTO odd.t VALUES (1, '{key}', 'AKIA2E3F4G5H6J7K2L3M', ['x', 'mail anna.schmidt84@gmx.de'], "
            '{\'k\': \'password=Vq8#mZ2kL9\'}, \'{"a": {"token": "ghp_x"}, "auth_token": "Zx81kPq02LmNa7Vb3CdE"}\', '
            "('hi', 1), 'a', concat(repeat(repeat('lorem ipsum ', 1000), 8739), ' " + key + "'))"
        )
        result = discover_live(chdb_corpus, "chdb", DiscoverOptions(database="odd", query_timeout=120))
    found = {(e.column, e.detector) for e in result.sensitive_data}
    assert not result.errors, result.errors
    assert {
        ("lc", "deepseek_api_key"),
        ("fs", "aws_access_key_id"),
        ("arr", "email"),
        ("m", "password_assignment"),
        ("j", "auth_token_assignment"),
        ("big", "deepseek_api_key"),
    } <= found


def _entries(result: DiscoverResult) -> list[dict[str, Any]]:
    entries = (e.model_dump() for e in result.sensitive_data)
    return sorted(entries, key=lambda e: (e["table"], e["column"], e["detector"]))


@pytest.mark.embedded
def test_chdb_small_table_read_once_per_scope_as_each_column_alone(
    chdb_corpus: GuardedConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table below the candidate-row bound is read by one query per detector scope, and finds exactly
    what reading each column alone finds; a batched read that fails leaves each column to its own read."""
    statements: list[str] = []
    query = chdb_corpus.query

    def counted(statement: str, settings: dict[str, object] | None = None) -> Any:
        statements.append(statement)
        return query(statement, settings)

    monkeypatch.setattr(chdb_corpus, "query", counted)
    options = DiscoverOptions(database=DB, table="users", full=True)
    together = discover_live(chdb_corpus, "chdb", options)
    candidate_reads = [s for s in statements if "count() AS n FROM (SELECT" in s and " AS w" in s]
    assert len(candidate_reads) <= 2 and any("ARRAY JOIN" in s for s in candidate_reads), candidate_reads
    assert together.sensitive_data and not together.errors

    monkeypatch.setattr(column_scan, "_scan_small_table", lambda *_args: {})
    alone = discover_live(chdb_corpus, "chdb", options)
    assert _entries(together) == _entries(alone)

    monkeypatch.undo()
    monkeypatch.setattr(sql, "columns_source", lambda *_args: "(SELECT no_such_column AS v, 1 AS k)")
    failed_together = discover_live(chdb_corpus, "chdb", options)
    assert _entries(failed_together) == _entries(alone) and not failed_together.errors


@pytest.mark.embedded
def test_files_parquet_csv_jsonl_and_log(tmp_path: Path) -> None:
    table = CORPUS[0]
    columns = ["pos_openai_project_key", "pos_email", "neg_payment_card", "pos_password_assignment"]
    rows = [
        dict(zip(columns, values, strict=True)) for values in zip(*(table.columns[c] for c in columns), strict=True)
    ]
    with (tmp_path / "export.csv").open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    (tmp_path / "export.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (tmp_path / "app.log").write_text("\n".join(table.columns["pos_github_classic_token"]) + "\n")
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "export.parquet")
    paths = [str(tmp_path / n) for n in ("export.csv", "export.jsonl", "app.log", "export.parquet", "missing.csv")]
    # chdb allows one engine per process: the files scan runs after the corpus session is closed.
    result = _run_outside_module_session(paths)
    by_file: dict[str, set[tuple[str, str]]] = {}
    for e in result.sensitive_data:
        by_file.setdefault(Path(e.table).name, set()).add((e.column, e.detector))
    expected = {(c, d) for c in columns for d in LABELS[("log_lines", c)]}
    assert expected
    for name in ("export.csv", "export.jsonl", "export.parquet"):
        assert by_file[name] == expected, name
    assert ("line", "github_classic_token") in by_file["app.log"]
    assert len(result.errors) == 1 and "missing.csv" in result.errors[0]


def _run_outside_module_session(paths: list[str]) -> DiscoverResult:
    """Run discover_files in a child process: this process already holds a chdb engine."""
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "from chwarden.discover import DiscoverOptions, discover_files\n"
        "r = discover_files(sys.argv[1:], DiscoverOptions())\n"
        "print(json.dumps({'data': [e.model_dump() for e in r.sensitive_data], 'errors': r.errors}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, *paths], capture_output=True, text=True, timeout=120, check=True)
    payload = json.loads(out.stdout.strip().splitlines()[-1])
    from chwarden.model import SensitiveData

    return DiscoverResult(
        sensitive_data=[SensitiveData(**e) for e in payload["data"]], errors=payload["errors"], partial=True
    )


# ---------------------------------------------------------------- 18.16 server (RE2 fallback)

USERS_18 = """<yandex><profiles><default><log_queries>1</log_queries></default>
<limited><readonly>2</readonly></limited></profiles>
<users>
<default><password></password><networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota></default>
<admin><password>admin-pass-x</password><networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota></admin>
<narrow><password>narrow-pass-x</password><networks><ip>::/0</ip></networks><profile>limited</profile>
<quota>default</quota><allow_databases><database>corpus</database></allow_databases></narrow>
</users><quotas><default/></quotas></yandex>"""


@pytest.fixture(scope="module")
def server18(ch18_env: Any) -> Iterator[Any]:
    from tests.harness import configs
    from tests.harness.ch18 import stop_all

    variant = configs.Variant(
        USERS_18, passwords={"admin": "admin-pass-x", "narrow": "narrow-pass-x"}, admin=("admin", "admin-pass-x")
    )
    server = ch18_env.server("discover", variant).start()
    try:
        server.admin_query(f"CREATE DATABASE {DB}")
        server.admin_query("CREATE DATABASE other")
        for table in CORPUS:
            for statement in _create_statements(table):
                server.admin_query(statement)
        server.admin_query("CREATE TABLE other.secret_stuff (n UInt8, s String) ENGINE = Memory")
        server.admin_query("INSERT INTO other.secret_stuff VALUES (1, 'password=Kz81mQp2Lx')")
        yield server
    finally:
        stop_all([server])


def _conn18(server: Any, user: str = "default", password: str = "", timeout: int = 20) -> GuardedConnection:
    return connect(parse_target(server.http_url), Credentials(user, password), max_execution_time=timeout)


@pytest.fixture(scope="module")
def full18(server18: Any) -> DiscoverResult:
    with _conn18(server18, timeout=60) as conn:
        return discover_live(conn, "ch18", DiscoverOptions(database=DB, full=True, query_timeout=60))


@pytest.mark.server
def test_18_16_fallback_accuracy(full18: DiscoverResult) -> None:
    assert any("fallback" in n for n in full18.notes)
    precision, recall, mistakes = accuracy(full18)
    print(f"18.16 precision={precision:.3f} recall={recall:.3f} mistakes={mistakes}")
    assert not full18.errors, full18.errors
    assert precision >= 0.98 and recall >= 0.97, mistakes
    assert _every_detector_tested(full18) == []
    assert _exact_count_problems(full18) == []


@pytest.mark.server
@pytest.mark.embedded
def test_both_engines_count_the_same_rows(full18: DiscoverResult, chdb_full: DiscoverResult) -> None:
    """One RE2 alternation on 18.16 and Vectorscan tiers on chdb find and count the same values."""
    assert _counts(full18) == _counts(chdb_full)


@pytest.mark.server
def test_18_16_query_log_secrets_and_report(server18: Any) -> None:
    secret = "Qm7vT2xLp9sW4zRk"
    server18.admin_query(f"SELECT 'connect to mysql://etl:{secret}@10.1.2.3:3306/db' FORMAT Null")
    server18.admin_query("SYSTEM FLUSH LOGS")
    with _conn18(server18) as conn:
        result = discover_live(conn, "ch18", DiscoverOptions())
    kinds = {(f.log, f.kind) for f in result.log_findings_facts}
    assert ("system.query_log", "url_credentials") in kinds
    report = build_report("ch18", result, anonymous=("http", 8123))
    assert any(f.check_id == "passwords_in_query_log" for f in report.findings)
    assert all(f.severity.value == "critical" for f in report.findings if f.check_id == "secrets_in_table_data")
    for fmt in FORMATS:
        assert secret not in render(report, fmt)


@pytest.mark.server
def test_18_16_finds_a_candidate_row_too_long_to_send(server18: Any) -> None:
    """A candidate row longer than ``sql.ROW_CHARS`` comes back as ``LONG_ROW``, which no detector's flag matches: the
    candidate-rows query must keep it (its filter is coarser than the flags, and rows no flag matches are dropped), so
    that the column is validated in the server. Dropping it lost a 2,102-character chat export (unsung's)."""
    long_row = '{"messages": [{"role": "user", "content": "' + "plan the trip " * 160 + '"}]}'
    assert len(long_row) > sql.ROW_CHARS
    server18.admin_query("CREATE TABLE other.long_rows (s String) ENGINE = Memory")
    try:
        server18.admin_query(f"INSERT INTO other.long_rows VALUES ({sql.quote(long_row)})")
        with _conn18(server18, "admin", "admin-pass-x") as conn:
            result = discover_live(conn, "ch18", DiscoverOptions(database="other", full=True, scan_logs=False))
        found = {(e.table, e.detector, e.rows_matched) for e in result.sensitive_data}
        assert ("long_rows", "chat_role_json", 1) in found, found
    finally:
        server18.admin_query("DROP TABLE IF EXISTS other.long_rows")


@pytest.mark.server
def test_18_16_permission_denied_per_table(server18: Any) -> None:
    with _conn18(server18, "narrow", "narrow-pass-x") as conn:
        result = discover_live(conn, "ch18", DiscoverOptions(scan_logs=False))
    scanned = {e.database for e in result.sensitive_data}
    assert scanned == {DB}
    assert not any("other" in e.table for e in result.sensitive_data)


@pytest.mark.server
def test_18_16_timeout_and_dropped_table_reported_per_table(server18: Any) -> None:
    server18.admin_query("CREATE TABLE corpus.slow (n UInt64, s String) ENGINE = MergeTree ORDER BY n")
    server18.admin_query(
        "INSERT INTO corpus.slow SELECT number, concat('mail u', toString(number), '@gmx.de from 81.169.145.23 "
        "password=Xk29mQ', toString(number), ' card 4556 7375 8689 9855') FROM numbers(3000000)"
    )
    # Two text columns, dropped synchronously right after the first column of the scan is done (tables
    # come in name order: corpus.doomed is not the first), so both columns are read after the drop.
    server18.admin_query("CREATE TABLE corpus.doomed (s1 String, s2 String) ENGINE = Memory")
    server18.admin_query("INSERT INTO corpus.doomed VALUES ('password=Xk29mQ7pLw', 'mail jo@gmx.de')")
    dropped: list[str] = []

    def drop_after_first_column(done: int, _total: int, label: str) -> None:
        if not dropped:
            server18.admin_query("DROP TABLE corpus.doomed")
            dropped.append(label)

    options = DiscoverOptions(database=DB, full=True, on_progress=drop_after_first_column)
    try:
        with _conn18(server18, timeout=1) as conn:
            result = discover_live(conn, "ch18", options)
    finally:  # 18.16 plans the validating query before it checks any limit: a DROP waits for that plan, which
        # under the whole suite's load took longer than the default 30 s the client gave up after 1 s (alone: seconds)
        server18.admin_query("DROP TABLE IF EXISTS corpus.slow", timeout=180)
        server18.admin_query("DROP TABLE IF EXISTS corpus.doomed", timeout=180)
    assert len(dropped) == 1
    assert any("corpus.slow" in e and "timed out" in e for e in result.errors), result.errors
    assert any(e.startswith("corpus.doomed.s") for e in result.errors), result.errors
    assert result.partial
    assert {e.table for e in result.sensitive_data} >= {"log_lines", "llm_requests"}


# ---------------------------------------------------------------- no helper process outlives chwarden

_KILLED_MID_QUERY = """
import sys
from chwarden.connect.engine_worker import EngineWorker
worker = EngineWorker(sys.argv[1], readonly=False)
print(worker.pid, flush=True)
worker.query("SELECT count() FROM numbers(100000000000) SETTINGS max_execution_time = 600", "JSON", 600)
"""


def _gone(pid: int, deadline: float) -> bool:
    while time.monotonic() < deadline:
        if not Path(f"/proc/{pid}").exists():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.embedded
@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM"])
def test_engine_worker_dies_with_chwarden_even_mid_query(tmp_path: Path, signal_name: str) -> None:
    """A killed chwarden leaves no engine worker (nor resource tracker) running its query on."""
    import signal
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", _KILLED_MID_QUERY, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        worker_pid = int(proc.stdout.readline())
        assert Path(f"/proc/{worker_pid}").exists()
        proc.send_signal(getattr(signal, signal_name))
        proc.wait(timeout=30)
        assert _gone(worker_pid, time.monotonic() + 10), f"worker {worker_pid} outlived chwarden"
    finally:
        proc.kill()
        proc.wait(timeout=30)


@pytest.mark.embedded
def test_chdb_long_running_engine_compiles_pattern_sets_once(chdb_corpus: GuardedConnection, chdb_env: Any) -> None:
    """A second scan in the same engine builds no Vectorscan database: the engine's cache holds them."""

    def events() -> tuple[int, int]:
        rows = dict(
            chdb_corpus.query(
                "SELECT event, value FROM system.events WHERE event LIKE 'RegexpWithMultipleNeedles%'"
            ).rows
        )
        return int(rows.get("RegexpWithMultipleNeedlesCreated", 0)), int(
            rows.get("RegexpWithMultipleNeedlesGlobalCacheHit", 0)
        )

    options = DiscoverOptions(database=DB, table="api_logs", full=True)
    discover_live(chdb_corpus, "chdb", options)
    created, hits = events()
    discover_live(chdb_corpus, "chdb", options)
    assert created > 0 and events()[0] == created  # nothing compiled again
    assert events()[1] > hits  # the second scan used the compiled sets


def test_the_query_shape_is_chosen_by_using_its_functions(chdb_corpus: GuardedConnection, server18: Any) -> None:
    """chdb runs the modern shape (Vectorscan sets, guards); 18.16 fails the probe and gets one RE2 filter."""
    assert has_vectorscan(chdb_corpus)
    with _conn18(server18) as conn:
        assert not has_vectorscan(conn)


_TOKEN_ROWS = (
    "slack_bot_token=xoxp-284324463658-670039186762-UqWmuwwDW37Q3Ny3RyfB7p11",  # a card-like run: the token's
    "token xoxb-415512345673-670039186762-Kq8mZ3rT1vWxY9aBcD2eF4Gh paid with 4556 7375 8689 9855",
    "Cookie: _ga=GA1.2.85100512.92565586; __Secure-next-auth.session-token=Vb7QmX2kLp9RzT4nWc8sHd3Jy6Fg",  # a cookie's
)


CHDB_TABLE_ENGINE = "MergeTree ORDER BY tuple()"


def _one_column_table(database: str, rows: Sequence[str], engine: str) -> list[str]:
    """Statements that create ``<database>.t (v String)`` holding ``rows``."""
    return [
        f"CREATE DATABASE IF NOT EXISTS {database}",
        f"CREATE TABLE IF NOT EXISTS {database}.t (v String) ENGINE = {engine}",
        f"INSERT INTO {database}.t VALUES " + ", ".join(f"({_literal(r)})" for r in rows),
    ]


def _token_verdicts(conn: GuardedConnection, database: str, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, int]]:
    """Detector -> rows, validated by chwarden (distinct rows) and then by the server (validating query,
    every candidate row: ``CANDIDATE_ROWS = 1``)."""
    answers = []
    for server_validates in (False, True):
        if server_validates:
            monkeypatch.setattr(sql, "CANDIDATE_ROWS", 1)
        result = discover_live(conn, "t", DiscoverOptions(database=database, full=True, scan_logs=False))
        assert not result.errors, result.errors
        answers.append({e.detector: e.rows_matched for e in result.sensitive_data if e.category != "hint"})
    return answers


def _verdicts_in_chdb(
    chdb_env: Any, conn: GuardedConnection, database: str, rows: Sequence[str], monkeypatch: pytest.MonkeyPatch
) -> list[dict[str, int]]:
    """``rows`` loaded into a one-column chdb table, then ``_token_verdicts``."""
    for statement in _one_column_table(database, rows, CHDB_TABLE_ENGINE):
        chdb_env.session.query(statement)
    return _token_verdicts(conn, database, monkeypatch)


def _verdicts_in_18_16(
    server18: Any, database: str, rows: Sequence[str], monkeypatch: pytest.MonkeyPatch
) -> list[dict[str, int]]:
    """``rows`` loaded into a one-column 18.16 table, then ``_token_verdicts``."""
    for statement in _one_column_table(database, rows, "Memory"):
        server18.admin_query(statement)
    with _conn18(server18, timeout=60) as conn:
        return _token_verdicts(conn, database, monkeypatch)


@pytest.mark.embedded
def test_chdb_one_verdict_per_value_inside_a_more_precise_match(
    chdb_env: Any, chdb_corpus: GuardedConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = {"slack_token": 2, "payment_card": 1, "session_cookie": 1}
    assert _verdicts_in_chdb(chdb_env, chdb_corpus, "tokens", _TOKEN_ROWS, monkeypatch) == [expected, expected]


@pytest.mark.server
def test_18_16_one_verdict_per_value_inside_a_more_precise_match(
    server18: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = {"slack_token": 2, "payment_card": 1, "session_cookie": 1}
    assert _verdicts_in_18_16(server18, "tokens", _TOKEN_ROWS, monkeypatch) == [expected, expected]


# A transcript's turns inside a chat template's markup (ERNIE 4.5) name the row once, as the template.
_CHAT_ROWS = (
    "<|begin_of_sentence|>You are a helpful assistant.\nUser: my interview is tomorrow\nAssistant: "
    "prepare two examples<|end_of_sentence|>",
    "User: my interview is tomorrow\nAssistant: prepare two examples",
    "<|im_start|>user\nmy interview is tomorrow<|im_end|>",
)


@pytest.mark.embedded
def test_chdb_a_transcript_inside_a_chat_template_is_the_template(
    chdb_env: Any, chdb_corpus: GuardedConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = {"chat_template": 2, "chat_transcript": 1}
    assert _verdicts_in_chdb(chdb_env, chdb_corpus, "chatrows", _CHAT_ROWS, monkeypatch) == [expected, expected]


@pytest.mark.server
def test_18_16_a_transcript_inside_a_chat_template_is_the_template(
    server18: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = {"chat_template": 2, "chat_transcript": 1}
    assert _verdicts_in_18_16(server18, "chatrows", _CHAT_ROWS, monkeypatch) == [expected, expected]


_ESCAPED_ROWS = (  # JSON written with every non-ASCII character escaped (Python's json.dumps default)
    json.dumps({"log": "tu contraseña temporal es Vq8mZ3rT1vWx"}),
    json.dumps({"log": "パスワードは 5n0UykWzHsyZ です"}),
    json.dumps({"msg": "Пароль: Vq8mZ3rT1vWx"}),
    json.dumps({"msg": "密码错误，请重试"}),  # "wrong password, retry": no finding
    # Redis MONITOR prints every byte outside ASCII as \xHH
    '1768742032.908060 [2 lua] "SET" "note" "'
    + "Пароль: Vq8mZ3rT1vWx".encode().decode("ascii", "backslashreplace")
    + '"',
)


@pytest.mark.embedded
def test_chdb_credentials_in_ascii_only_json(
    chdb_env: Any, chdb_corpus: GuardedConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert all("\\u" in r or "\\x" in r for r in _ESCAPED_ROWS)
    assert (
        _verdicts_in_chdb(chdb_env, chdb_corpus, "escaped", _ESCAPED_ROWS, monkeypatch)
        == [{"credential_phrase": 4}] * 2
    )


@pytest.mark.server
def test_18_16_credentials_in_ascii_only_json(server18: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _verdicts_in_18_16(server18, "escaped", _ESCAPED_ROWS, monkeypatch) == [{"credential_phrase": 4}] * 2


_JSON_FORM_ROWS = (  # JSON as PHP and Slack write it ("\\/"), and values named beside them (Kubernetes env)
    r'{"text": "REDIS_URL=redis:\/\/default:5FNeqh9fUVIP@cache.internal:6379\/0"}',
    r'{"text": "deploy done https:\/\/hooks.slack.com\/services\/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"}',
    '{"env":[{"name":"DB_PASSWORD","value":"Berlin7413?"}]}',
    r'{"data": "{\"name\": \"APP_SECRET\", \"value\": \"S0PWrtaieCe3s37xOuNUrYa9ky1sQu1k\"}"}',
    '{"env":[{"name":"id_token","value":"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.<redacted>"}]}',  # a header: no secret
    # bytes, not IPv6 addresses
    "SHA256 Fingerprint=98:73:81:9C:08:93:E3:66:1D:EC:63:D5:19:61:94:FB:2C:6D:50:58:DE:6A:B2:E2:37:66:51:EB:49:E6:2E",
)
_JSON_FORM_FOUND = {"url_credentials": 1, "slack_webhook": 1, "password_assignment": 1, "generic_secret": 1}


# The unlisted, unheeded and unasked splits' classes (tests/unit/test_unlisted_classes.py, test_unheeded_classes.py,
# test_unasked_classes.py) and the probed log shapes (test_log_shape_classes.py): every row as chwarden's own rules
# judge it.
_UNLISTED_ROWS = tuple(
    dict.fromkeys(
        line
        for line, _ in (
            *unlisted.POSITIVES,
            *unlisted.NEGATIVES,
            *unheeded.POSITIVES,
            *unheeded.NEGATIVES,
            *log_shapes.POSITIVES,
            *log_shapes.NEGATIVES,
            *unasked.POSITIVES,
            *unasked.NEGATIVES,
            *unasked.UNBIDDEN_POSITIVES,
            *unasked.UNBIDDEN_NEGATIVES,
            *unasked.UNSOUGHT_POSITIVES,
            *unasked.UNSOUGHT_NEGATIVES,
        )
    )
)


def _unlisted_expected() -> dict[str, int]:
    reported = {d.id: d.reported_id for d in load_rules().detectors if d.reported}  # context-only: no finding
    counts: dict[str, int] = {}
    for row in _UNLISTED_ROWS:
        for detector in {reported[d] for d in unlisted.found(row) if d in reported}:
            counts[detector] = counts.get(detector, 0) + 1
    return counts


@pytest.mark.embedded
def test_chdb_validates_the_unlisted_classes_as_chwarden_does(
    chdb_env: Any, chdb_corpus: GuardedConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _unlisted_expected()
    assert expected["credential_phrase"] >= 7 and "ipv6" not in expected  # both verdicts are in the rows
    assert _verdicts_in_chdb(chdb_env, chdb_corpus, "unlisted", _UNLISTED_ROWS, monkeypatch) == [expected] * 2


@pytest.mark.server
def test_18_16_validates_the_unlisted_classes_as_chwarden_does(server18: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _verdicts_in_18_16(server18, "unlisted", _UNLISTED_ROWS, monkeypatch) == [_unlisted_expected()] * 2


@pytest.mark.embedded
def test_chdb_escaped_slashes_and_named_values(
    chdb_env: Any, chdb_corpus: GuardedConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _verdicts_in_chdb(chdb_env, chdb_corpus, "jsonforms", _JSON_FORM_ROWS, monkeypatch) == [_JSON_FORM_FOUND] * 2


@pytest.mark.server
def test_18_16_escaped_slashes_and_named_values(server18: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _verdicts_in_18_16(server18, "jsonforms", _JSON_FORM_ROWS, monkeypatch) == [_JSON_FORM_FOUND] * 2


def _cef(text: str) -> str:
    """``text`` as an ArcSight CEF record's ``msg`` value: ``\\`` and ``=`` escaped with a backslash."""
    return "CEF:0|Acme|gw|2.1|100|app event|3|rt=2026-01-02T03:04:05Z msg=" + text.replace("\\", "\\\\").replace(
        "=", "\\="
    )


# Every value detector whose example has a separator, written as CEF writes it; and a placeholder.
_CEF_DETECTORS = tuple(d for d in load_rules().detectors if d.scope == "value" and "=" in d.example)
_CEF_ROWS = (*(_cef(d.example) for d in _CEF_DETECTORS), _cef("db password=${DB_PASSWORD}"))


def _one_row_each(detectors: Sequence[Detector]) -> dict[str, int]:
    """Rows found per reported detector when each detector's example is a row of its own (a twin, ``reports_as``,
    counts with the detector it names)."""
    return dict(Counter(d.reported_id for d in detectors))


@pytest.mark.embedded
def test_chdb_escaped_separators(
    chdb_env: Any, chdb_corpus: GuardedConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(_CEF_DETECTORS) >= 20 and all("\\=" in r for r in _CEF_ROWS)
    for statement in _one_column_table("cef", _CEF_ROWS, CHDB_TABLE_ENGINE):
        chdb_env.session.query(statement)
    expected = _one_row_each(_CEF_DETECTORS)
    assert _token_verdicts(chdb_corpus, "cef", monkeypatch) == [expected, expected]


@pytest.mark.server
def test_18_16_escaped_separators(server18: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    for statement in _one_column_table("cef", _CEF_ROWS, "Memory"):
        server18.admin_query(statement)
    with _conn18(server18, timeout=60) as conn:
        expected = _one_row_each(_CEF_DETECTORS)
        assert _token_verdicts(conn, "cef", monkeypatch) == [expected, expected]


# Three classes a held-out split showed, each in a table of its own (issue 16):
_REGIONAL_TABLES = {
    # an access log writes a query string URL-encoded: what it holds is found once decoded
    "access": (
        "request",
        (
            '"GET /api/notes?msg=maria11%40uni.edu HTTP/1.1" 200',
            '"GET /v2/search?q=%22aws_access_key_id%22%3A+%22AKIAZ4Q7RB2M5XK6TN3W%22&trace=1 HTTP/2" 404',
            '"GET /echo?text=DefaultEndpointsProtocol%3Dhttps%3BAccountName%3Dacmeprod%3BAccountKey%3D'
            "cPTxWNfSG%2F5WpCBCeJ%2BHf%2B314mv5Nf2Yq9luDwl6vPbsUtqbmRVQrdnQjWDRvS1Lo4Izxv55B"
            'gX9wlx7ZYumHw%3D%3D HTTP/2" 204',
            '"GET /search?q=100%25+sure+it+works HTTP/1.1" 200',
            # an IBAN written in lower case after its name (the keyword-led twin of the IBAN detector)
            '"GET /refund?name=Aino+Virtanen&iban=fi8944332211009876 HTTP/1.1" 200',
        ),
    ),
    # national numbers of a country outside the common regions, beside its international numbers
    "customers": ("phone", ("+54 9 11 3456-7812", "+54 9 351 642-1987", "011 15-3456-7812", "011 15-4872-3915")),
    # a base64 secret that starts with "/" is a value; a path to a secret file is not
    "settings": (
        "key, value",
        (
            "('aws_secret_access_key', '/x8Kd9QpZ+Lm2vB7Tq3nR5yW1kPz0aQ')",
            # an AWS secret access key named as one: the AWS detector's verdict (its named twin), not named_secret's
            "('velero:cloud.aws_secret_access_key', 'MZpZLX9zisqPb5Q48VBbYC9SU/z0FiIH0lcrIBLB')",
            "('db_secret', '/run/secrets/db-secret-key')",
            "('client_secret', 'uew7AO7pFAXxXxa_hx5rvmUUDAN6dyfL5-rKesnu')",
            "('api_token', 'sk-xxxxxxxxxxxxxxxxxxxxxxxx')",
        ),
    ),
    # "mot de passe oublié" ("forgot password") does not run into the next JSON field's number
    "events": (
        "message",
        (
            '{"msg": "mot de passe oublié", "timestamp": 1720676278}',
            '{"msg":"Mot de passe temporaire : Zq81.mPw3K"}',
            # a password that starts with "$" is no shell variable; $CH_PASSWORD is one
            "clickhouse://etl:$Q4uUIL2cpcQxD@ch-1.internal:9000/default",
            "clickhouse://etl:$CH_PASSWORD@ch-1.internal:9000/default",
            # bash history: a SQL literal inside a single-quoted argument
            """git commit -am 'CREATE USER etl IDENTIFIED BY '"'"'Dragon4069?'"'"''""",
        ),
    ),
}
_REGIONAL_EXPECTED = {
    "email": 1,
    "aws_access_key_id": 1,
    "aws_secret_access_key": 1,
    "azure_storage_connection_string": 1,
    "iban": 1,
    "phone": 4,
    "named_secret": 2,
    "credential_phrase": 1,
    "url_credentials": 1,
    "sql_identified_by": 1,
}


def _regional_statements(engine: str) -> list[str]:
    out = ["CREATE DATABASE IF NOT EXISTS regional"]
    for table, (columns, rows) in _REGIONAL_TABLES.items():
        names = [c.strip() for c in columns.split(",")]
        definition = ", ".join(f"{c} String" for c in names)
        out.append(f"CREATE TABLE IF NOT EXISTS regional.{table} ({definition}) ENGINE = {engine}")
        values = rows if len(names) > 1 else tuple(f"({_literal(r)})" for r in rows)
        out.append(f"INSERT INTO regional.{table} VALUES " + ", ".join(values))
    return out


@pytest.mark.embedded
def test_chdb_column_regions_paths_and_json_fields(
    chdb_env: Any, chdb_corpus: GuardedConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    for statement in _regional_statements(CHDB_TABLE_ENGINE):
        chdb_env.session.query(statement)
    assert _token_verdicts(chdb_corpus, "regional", monkeypatch) == [_REGIONAL_EXPECTED, _REGIONAL_EXPECTED]


@pytest.mark.server
def test_18_16_column_regions_paths_and_json_fields(server18: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    for statement in _regional_statements("Memory"):
        server18.admin_query(statement)
    with _conn18(server18, timeout=60) as conn:
        assert _token_verdicts(conn, "regional", monkeypatch) == [_REGIONAL_EXPECTED, _REGIONAL_EXPECTED]


# Rows as chwarden reads them (rules.readable) and as the validating query reads them (sql.unescaped).
_UNESCAPE_CASES = (
    r"tu contrase\u00f1a es Xk29mQpL7",
    r"\u5bc6\u7801\u662f Xk29mQpL7",
    r"\u041f\u0430\u0440\u043e\u043b\u044c: Vq8mZ3rT1vWx",
    r"a lone \ud83d stays",
    r"Go: \u003cpassword\u003e \u0026 more",
    r"CEF msg=password\=Xk29mQpL7 src\=gw",
    r"contrase\u00f1a\=Xk29mQpL7",
    r'"\xe5\xaf\x86\xe7\xa0\x81\xe6\x98\xaf Xk29mQpL7"',
    r"contrase\xC3\xB1a: Xk29mQpL7 and \x41 stays",
    r"mixed \xd0\x9f\u0430 end, trailing \u12 and \x",
    "no escapes at all",
    '"GET /q?text=kubectl%20--token%3DG0H5d.PV6&next=%2Fhome HTTP/2" 200',
    "msg=maria11%40uni.edu 100% sure, caf%C3%A9+ol%C3%A9 %zz %4",
    # escaped bytes that are not UTF-8 (a random cookie's %a8, overlong, a surrogate) leave the word alone
    "_gh_sess=1ESs%a8XWZICQ%gM2VXR x=%C0%AF y=%ED%A0%80 z=%E2%82%AC+%F0%9F%98%80",
    # JSON's escaped "/" and a value named beside it (plain and escaped quotes; "value2" is no value)
    r'{"text": "redis:\/\/default:5FNeqh9f@cache:6379\/0", "url": "https:\/\/x.io"}',
    r'[{"name":"DB_PASSWORD","value":"Berlin7413?"}, {"Name": "a.b", "Value": 1}, {"name": "c", "value2": 2}]',
    r'"{\"name\": \"AWS_SECRET_ACCESS_KEY\", \"value\": \"CR3k\/Meg\"}" {"key":"\u0041PI_TOKEN","value":"x"}',
    # a Terraform variable's default, named by the variable (plain and escaped quotes; a block without one)
    'variable "webhook_secret" {\n  type = string\n  sensitive = true\n  default = "Zx81kPq02Lm"\n}',
    r'{"tf": "variable \"db_password\" {\n default = \"Qm8vLx2P\"\n}"} variable "region" { type = string }',
)


def _unescaped_by_the_server(query: Callable[[str], str]) -> list[str]:
    statements = (f"SELECT {sql.unescaped(_literal(case))} FORMAT TabSeparatedRaw" for case in _UNESCAPE_CASES)
    return [query(statement).rstrip("\n") for statement in statements]


@pytest.mark.embedded
def test_chdb_validating_query_reads_rows_as_chwarden_does(chdb_env: Any) -> None:
    def query(statement: str) -> str:
        return bytes(chdb_env.session.query(statement).bytes()).decode()

    assert _unescaped_by_the_server(query) == [readable(case) for case in _UNESCAPE_CASES]


@pytest.mark.server
def test_18_16_validating_query_reads_rows_as_chwarden_does(server18: Any) -> None:
    assert _unescaped_by_the_server(server18.admin_query) == [readable(case) for case in _UNESCAPE_CASES]


# What may follow "password" in a sentence: one word of any script (not a password), or a value.
_WORD_CASES = ("bloqué", "Passwort", "пароль.", "abgelaufen", "Ελληνικά", "密码密码密码", "Xk29mQpL7", "XkQpLmZ",
               "hunter2!", "bloquéX", "É", "7COsZhXGwZiqP7")  # fmt: skip


def _plain_words_by_the_server(query: Callable[[str], str]) -> list[bool]:
    pattern = sql.quote(validators.PLAIN_WORD)
    return [
        query(f"SELECT match({_literal(case)}, {pattern}) FORMAT TabSeparatedRaw").strip() == "1"
        for case in _WORD_CASES
    ]


@pytest.mark.embedded
def test_chdb_reads_a_plain_word_as_chwarden_does(chdb_env: Any) -> None:
    expected = [validators.is_plain_word(case) for case in _WORD_CASES]
    assert expected == [True, True, True, True, True, True, False, False, False, False, True, False]
    assert _plain_words_by_the_server(lambda q: bytes(chdb_env.session.query(q).bytes()).decode()) == expected


@pytest.mark.server
def test_18_16_reads_a_plain_word_as_chwarden_does(server18: Any) -> None:
    assert _plain_words_by_the_server(server18.admin_query) == [validators.is_plain_word(c) for c in _WORD_CASES]


def _plan(modern: bool) -> column_scan.ScanPlan:
    return column_scan.ScanPlan(modern=modern, full=True, sample_rows=0, max_bytes=None, query_timeout=20)


@pytest.mark.embedded
def test_chdb_validating_query_is_planned_with_its_steps_unmerged(chdb_corpus: GuardedConnection) -> None:
    """Current ClickHouse knows the planner switch: the in-server validation sends it (the guard lets only 0
    through); the exact-count test above checks that the counts are unchanged. A legacy plan asks nothing."""
    plan = _plan(modern=True)
    assert column_scan.validating_settings(chdb_corpus, plan)[column_scan.UNMERGED_PLAN] == 0
    assert plan.unmerged_plans is True
    sent = len(chdb_corpus.queries_sent)
    assert column_scan.UNMERGED_PLAN not in column_scan.validating_settings(chdb_corpus, _plan(modern=False))
    assert len(chdb_corpus.queries_sent) == sent


@pytest.mark.server
def test_18_16_validating_query_never_sends_a_setting_the_server_lacks(server18: Any) -> None:
    with _conn18(server18) as conn:
        plan = _plan(modern=True)  # even if 18.16 ran the modern shape, it lacks the switch: asked, not sent
        assert column_scan.UNMERGED_PLAN not in column_scan.validating_settings(conn, plan)
        assert plan.unmerged_plans is False


# A key-value table's name column holds names: the context detectors leave it, on both validation paths.
_KV_ROWS = (
    ("keychain:generic-password:svce=cdr-speechmatics", "cwYGipMU4YbybSXQFy7HsgR5NPcQ1jnR"),
    ("pass:sso/okta/ssws-token.gpg", "005DV0MWHX_VmOL-V306sAay8vxhFEJVBFJjJaqoRi"),
    ("db_password: Kq8!vZ2mLp", "note"),
)


def _kv_table(database: str, engine: str) -> list[str]:
    rows = ", ".join(f"({_literal(k)}, {_literal(v)})" for k, v in _KV_ROWS)
    return [
        f"CREATE DATABASE IF NOT EXISTS {database}",
        f"CREATE TABLE IF NOT EXISTS {database}.kv (key String, value String) ENGINE = {engine}",
        f"INSERT INTO {database}.kv VALUES {rows}",
    ]


def _key_column_findings(conn: GuardedConnection, database: str, monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    answers = []
    for server_validates in (False, True):
        if server_validates:
            monkeypatch.setattr(sql, "CANDIDATE_ROWS", 1)
        result = discover_live(conn, "t", DiscoverOptions(database=database, full=True, scan_logs=False))
        assert not result.errors, result.errors
        answers.append({e.detector for e in result.sensitive_data if e.column == "key" and e.category != "hint"})
    return answers


@pytest.mark.embedded
def test_chdb_a_name_column_holds_names(
    chdb_env: Any, chdb_corpus: GuardedConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    for statement in _kv_table("kvnames", CHDB_TABLE_ENGINE):
        chdb_env.session.query(statement)
    assert _key_column_findings(chdb_corpus, "kvnames", monkeypatch) == [set(), set()]


@pytest.mark.server
def test_18_16_a_name_column_holds_names(server18: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    for statement in _kv_table("kvnames", "Memory"):
        server18.admin_query(statement)
    with _conn18(server18, timeout=60) as conn:
        assert _key_column_findings(conn, "kvnames", monkeypatch) == [set(), set()]


# Arabic-Indic, Persian and full-width digits: cards and phones written with them are read as the digits they are,
# by the candidate-rows query (the row decoded, its tiers once more), by 18.x's filter and by the validating query.
_EASTERN_DIGIT_ROWS = (
    "شماره کارتم ۶۳۶۲ ۱۴۰۶ ۶۱۰۹ ۰۵۶۶ هست",
    "WhatsApp +۹۸ ۹۱۲ ۸۸۹ ۷۳۰۹",
    '{"msg": "phone +٩٧٠ ٥٩٩ ٨٠٣ ٨٦٠"}',
    "التاريخ ٢٠٢٦/٠١/١٥ الساعة ١٠:٣٠",  # a date and a time: nothing
    "شماره کارتم ۶۳۶۲ ۱۴۰۶ ۶۱۰۹ ۰۵۶۷ هست",  # fails Luhn: no card
    "ご予約の電話番号：０９０－５７２７－７８３８",  # full-width digits and hyphens (a Japanese input method's)
    "カード番号 ６３６２ １４０６ ６１０９ ０５６６ で決済",
    "受付日 ２０２６／０４／１５ （水）",  # a full-width date: nothing
)
_EASTERN_DIGIT_FOUND = {"payment_card": 2, "phone": 3}


@pytest.mark.embedded
def test_chdb_reads_arabic_indic_persian_and_full_width_digits(
    chdb_env: Any, chdb_corpus: GuardedConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = _verdicts_in_chdb(chdb_env, chdb_corpus, "eastern", _EASTERN_DIGIT_ROWS, monkeypatch)
    assert found == [_EASTERN_DIGIT_FOUND] * 2


@pytest.mark.server
def test_18_16_reads_arabic_indic_persian_and_full_width_digits(server18: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _verdicts_in_18_16(server18, "eastern", _EASTERN_DIGIT_ROWS, monkeypatch) == [_EASTERN_DIGIT_FOUND] * 2
