"""Redaction with literal oracles: the expected text is written out, never computed with redact() itself.

A secret is planted twice, so a redaction that stops after the first occurrence is caught, and the
result is followed through every report format. The fingerprints below were computed once with
``sha256sum`` (``printf 'Planted-Secret-123' | sha256sum`` starts with e481bed6).
"""

from __future__ import annotations

import json

import pytest

from chwarden.checks.registry import get_check, run_check
from chwarden.facts import LogSecretFacts
from chwarden.model import Report
from chwarden.redact import find_sql_secrets, fingerprint, redact, redact_text
from chwarden.report import render
from chwarden.sources.live.secrets import redacted_excerpt
from tests.unit.snapshots import modern_snapshot

SECRET = "Planted-Secret-123"
REDACTED = "Plan…(redacted, sha256:e481bed6)"
TWICE = f"CREATE USER bob IDENTIFIED BY '{SECRET}' -- again: password={SECRET}"
TWICE_REDACTED = f"CREATE USER bob IDENTIFIED BY '{REDACTED}' -- again: password={REDACTED}"


@pytest.mark.parametrize(
    ("secret", "expected"),
    [
        (SECRET, REDACTED),
        ("abcdefghijk", "…(redacted, sha256:ca2f2069)"),  # 11 characters: below 3 x prefix, no prefix shown
        ("abcdefghijkl", "abcd…(redacted, sha256:d682ed4c)"),  # 12 characters: the prefix appears
        ("", "…(redacted, sha256:e3b0c442)"),
    ],
)
def test_redact_literal_forms_and_the_prefix_length_boundary(secret: str, expected: str) -> None:
    """Kills the prefix-length mutants (3 * PREFIX_CHARS, >= vs >, secret[:n]) and fingerprint changes."""
    assert redact(secret) == expected


def test_fingerprint_is_the_first_8_hex_of_sha256() -> None:
    assert fingerprint(SECRET) == "e481bed6"
    assert redact(SECRET, 0) == "…(redacted, sha256:e481bed6)"


def test_fingerprint_of_a_lone_surrogate_does_not_raise() -> None:
    """Text decoded from a hostile server may hold lone surrogates ("surrogatepass" dropped or altered)."""
    assert fingerprint("pw\udc80") == "b8eefb2a"


def test_redact_text_replaces_every_occurrence_not_only_the_first() -> None:
    """Kills `text.replace(secret, redact(secret), 1)`: a repeated password would print in clear."""
    assert redact_text(TWICE) == TWICE_REDACTED


def test_excerpt_redacts_every_occurrence_not_only_the_first() -> None:
    """The query-log excerpt (what reports show) with the secret twice: both occurrences redacted."""
    assert redacted_excerpt(TWICE) == TWICE_REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mysql://app:Hunter2-Secret@db:3306/x", [("url_credentials", "Hunter2-Secret")]),
        ("CREATE USER u IDENTIFIED BY 'pw-2024-x'", [("identified_by", "pw-2024-x")]),
        (
            "CREATE USER u IDENTIFIED WITH sha256_password BY 'pw-2024-x'",
            [("identified_by", "pw-2024-x")],
        ),
        ("SETTINGS password = 'Tr0ub4dor'", [("password_assignment", "Tr0ub4dor")]),
        ("secret_access_key: wJalrXUtnFEMI", [("password_assignment", "wJalrXUtnFEMI")]),
        ("token=ab", []),  # fewer than 3 characters is not a secret value
        ("<password>xml-Secret-1</password>", [("xml_password", "xml-Secret-1")]),
        ("<secret_access_key>S3-Key-9</secret_access_key>", [("xml_password", "S3-Key-9")]),
        # Values the server already hid are no secrets.
        ("CREATE USER u IDENTIFIED BY '[HIDDEN]'", []),
        ("password='[HIDDEN]'", []),
        ("url('http://u:[HIDDEN]@h/x')", []),
        ("<password>[HIDDEN]</password>", []),
        ("<password>'[HIDDEN]'</password>", []),  # the quoted form (kills the "'[HIDDEN]'" string mutants)
        ("<password>[HIDDEN] </password>", []),  # any value that starts as the server's mask
    ],
)
def test_find_sql_secrets_table(text: str, expected: list[tuple[str, str]]) -> None:
    assert find_sql_secrets(text) == expected


def _report_with_planted_secret() -> Report:
    example = redacted_excerpt(TWICE)
    assert example is not None
    facts = [LogSecretFacts(log="system.query_log", kind="identified_by", count=2, users=["bob"], examples=[example])]
    findings, _ = run_check(get_check("passwords_in_query_log"), modern_snapshot(log_secrets=facts))
    assert [f.check_id for f in findings] == ["passwords_in_query_log"]
    return Report(
        command="audit",
        started_at="2026-03-01T10:00:00+00:00",
        finished_at="2026-03-01T10:00:01+00:00",
        findings=findings,
    )


@pytest.mark.parametrize("fmt", ["terminal", "json", "sarif", "markdown", "html"])
def test_a_secret_planted_twice_never_reaches_any_report_format(fmt: str) -> None:
    """Every output format of a finding whose evidence came from text holding the secret twice."""
    text = render(_report_with_planted_secret(), fmt, details=True, width=400)
    assert SECRET not in text
    assert "Planted" not in text  # not even a longer prefix than the 4 characters redact() shows
    assert REDACTED in text


def test_json_report_carries_both_redacted_occurrences_verbatim() -> None:
    report = json.loads(render(_report_with_planted_secret(), "json"))
    assert report["findings"][0]["evidence"]["examples"] == [TWICE_REDACTED]
