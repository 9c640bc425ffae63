"""The detector catalogue and its validators (pure logic; engines are in test_discover.py)."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from chwarden.discover.rules import Detector, RuleSet, load_rules, select_detectors
from chwarden.discover.validators import (
    base62_crc32,
    card_valid,
    github_checksum_valid,
    iban_valid,
    ipv4_valid,
    is_placeholder,
    jwt_valid,
    luhn_valid,
    phone_valid,
    shannon_entropy,
    validate,
)
from chwarden.discover.verdict import Group, judge, redacted_example

DETECTORS = load_rules().detectors


def _valid_matches(d: Detector, text: str) -> list[str]:
    return [
        m.group(0) for m in d.regex.finditer(text) if validate(d.validator, d.secret_of(m.group(0)), text[: m.start()])
    ]


def test_catalogue_size_and_categories() -> None:
    secrets = [d for d in DETECTORS if d.category == "secret"]
    assert len(secrets) >= 30
    assert {d.category for d in DETECTORS} == {"secret", "personal", "conversation"}
    assert {"email", "ipv4", "ipv6", "phone", "payment_card", "iban"} <= {d.id for d in DETECTORS}


@pytest.mark.parametrize("detector", DETECTORS, ids=lambda d: d.id)
def test_example_is_found_and_negatives_are_not(detector: Detector) -> None:
    assert _valid_matches(detector, detector.example), detector.example
    assert detector.negatives, "every detector needs hard negatives"
    for negative in detector.negatives:
        assert _valid_matches(detector, negative) == [], negative


@pytest.mark.parametrize("detector", [d for d in DETECTORS if d.keywords], ids=lambda d: d.id)
def test_every_match_holds_a_keyword(detector: Detector) -> None:
    matches = list(detector.regex.finditer(detector.example))
    assert len(matches) >= 1  # the example matches, so the loop checks something
    for m in matches:
        text = m.group(0) if detector.keywords_case_sensitive else m.group(0).lower()
        keys = detector.keywords if detector.keywords_case_sensitive else [k.lower() for k in detector.keywords]
        assert any(k in text for k in keys)


@pytest.mark.parametrize("detector", DETECTORS, ids=lambda d: d.id)
def test_redacted_example_hides_the_value(detector: Detector) -> None:
    m = detector.regex.search(detector.example)
    assert m is not None
    value = detector.secret_of(m.group(0))
    shown = redacted_example(detector, m.group(0))
    assert "redacted, sha256:" in shown
    if len(value) >= 8:
        assert value not in shown


def test_luhn_iban_and_cards() -> None:
    assert luhn_valid("4556737586899855") and not luhn_valid("4556737586899856")
    assert card_valid("4556 7375 8689 9855", "") and not card_valid("4111111111111111", "")
    assert not card_valid("42262356-3381-4167", "")  # UUID digits, Luhn-valid by chance
    assert iban_valid("DE44 5001 0517 5407 3249 31")
    assert not iban_valid("DE44 5001 0517 5407 3249 32")
    assert not iban_valid("DE89370400440532013000")  # documented example


def test_github_checksum() -> None:
    body = "a" * 10 + "B" * 10 + "c1" * 5
    token = "ghp_" + body + base62_crc32(body)
    assert github_checksum_valid(token)
    assert not github_checksum_valid(token[:-1] + ("A" if token[-1] != "A" else "B"))


def test_entropy_placeholders_and_context_validators() -> None:
    assert shannon_entropy("aaaaaaaa") == 0.0 and shannon_entropy("aB3$xZ9q") == 3.0
    assert is_placeholder("YOUR_API_KEY") and is_placeholder("${TOKEN}") and is_placeholder("abcdefgh")
    assert not ipv4_valid("10.2.3.4", "upgraded to version ")
    assert ipv4_valid("81.169.145.23", "login from ")
    assert not phone_valid("(415) 555-0123", "call ")  # reserved for fiction
    documented = (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
        ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    )
    assert not jwt_valid(documented)


def test_rules_model_rejects_unportable_patterns() -> None:
    base = json.loads(Detector.model_validate(DETECTORS[0].model_dump()).model_dump_json())
    for bad in ({"pattern": "x[a-z]{51}"}, {"pattern": "(a)b"}, {"validator": "nope"}, {"value": "no group"}):
        with pytest.raises(ValidationError):
            Detector.model_validate({**base, **bad})
    with pytest.raises(ValidationError):
        RuleSet.model_validate({"version": 1, "detectors": [base, base]})


def test_select_detectors() -> None:
    assert select_detectors(("email", "jwt"))[1].id == "jwt"
    with pytest.raises(ValueError, match="unknown detector"):
        select_detectors(("nope",))


def test_judge_scales_counts_by_the_valid_share() -> None:
    email = next(d for d in DETECTORS if d.id == "email")
    groups = [
        Group(hits=(), n=900, samples=()),
        Group(hits=(1,), n=100, samples=(("to anna.k@gmx.de",), ("to user@example.com",))),
    ]
    rows, verdicts = judge(groups, [email])
    assert rows == 1000
    assert [(v.detector.id, v.rows_matched) for v in verdicts] == [("email", 50)]
    assert all("anna" not in e for e in verdicts[0].examples)
