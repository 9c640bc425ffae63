"""``coarse``: 18.x's row filter keeps of each condition a stretch that matches wherever the condition does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chwarden.discover import load_rules
from chwarden.discover.coarse import MIN_SCORE, coarse
from tests.data.discover.corpus import build_corpus

VALUE = [d for d in load_rules().detectors if d.scope == "value"]


def test_an_open_gap_cuts_the_condition_at_its_most_selective_stretch() -> None:
    assert coarse(r"(?i:sshpass|mysql)[^\n]*[ \t]-p") == "(?i:(?:sshpass|mysql))"
    assert coarse(r"jdbc:[^\s]*(?i:password|pwd)=") == "jdbc:"  # an alternation weighs as its weakest: pwd=
    # (Python's parser reads the alternatives' shared p apart.)
    assert coarse(r"jdbc:[^\s]*(?i:password|pwdtoken)=") == "(?i:p(?:assword|wdtoken))="
    # A mandatory part of the gap stays at the edge of the stretch it ends or begins.
    assert coarse(r"token[a-z]+xy") == "token[a-z]"


def test_short_gaps_and_gaps_of_spaces_stay() -> None:
    for kept in (r"pass\s*[:=]", r"key\\?=", r"[0-9]{1,3}\.[0-9]{1,3}\.", r"bearer[ \t]+[A-Za-z0-9]{20}"):
        assert coarse(kept) == kept


def test_every_alternative_is_cut_apart() -> None:
    assert coarse(r"login[^\n]*-p|curl[^\n]*-u|\{SSHA") == r"(?:login|curl|\{SSHA)"


def test_a_stretch_too_common_keeps_the_sequence_whole() -> None:
    """``sid`` alone is in "inside" and "consider": the stretch must rule out at least ``MIN_SCORE`` bytes' worth."""
    assert MIN_SCORE >= 4
    assert coarse(r"sid[A-Za-z0-9_.-]*=") == r"sid[A-Za-z0-9_.-]*="
    assert re.search(coarse(r"(?:sid[a-z]*|sessionid[a-z]*)\\?="), "consider") is None


def test_a_lone_gap_and_a_group_cut_inside_a_sequence() -> None:
    assert coarse(r"[^\n]*") == r"[^\n]*"  # nothing else to keep
    # A group cut inside is a stretch apart, never put back in its place between ``x`` and ``y``.
    assert coarse(r"x(?i:keyword[^\n]*ab)y") == "(?i:keyword)"
    assert coarse(r"x(?:key[^\n]*abcd)y") == "abcdy"  # Python's parser reads a plain group as part of the sequence
    assert coarse(r"a(?:[b-z]+)c") == r"a(?:[b-z]+)c"


def test_flags_stay_with_their_text() -> None:
    assert coarse(r"(?i)password[^\n]*x") == "(?i:password)"
    assert re.fullmatch(coarse(r"(?i:secret)[^\n]*:"), "SeCrEt")


def test_constructs_it_does_not_write_back_keep_the_pattern() -> None:
    assert coarse(r"(?<=a)password[^\n]*x") == r"(?<=a)password[^\n]*x"
    assert coarse(r"\x{263a}[^\n]*smile") == r"\x{263a}[^\n]*smile"  # RE2 syntax Python cannot read


_PIECES = ["pass", "word", "key", "=", ":", " ", "\n", "x", "7", "-p", "\\", '"', "curl", "sid", "é"]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_the_coarse_form_matches_wherever_the_condition_does(text: str) -> None:
    for pattern in (
        r"(?i:pass(?:word)?)[^\n]*[ \t]-p",
        r"(?:sid|key)\\?\"?\s*[:=]",
        r"curl[^\n]*(?:-u|--user)|word[a-z]+=",
        r"x(?:pass[^\n]*word)y|a(?:[b-z]+)c",
        r"(?i:key)(?:\\*[\"']){0,2}\s*(?:\\?[:=]|,?\s*\\?\"?(?i:value))",
    ):
        if re.search(pattern, text):
            assert re.search(coarse(pattern), text), (pattern, coarse(pattern), text)


@pytest.mark.parametrize("split", ["dev", "unbidden", "unplumbed", "unfathomed"])
def test_every_detectors_coarse_form_passes_every_row_its_condition_passes(split: str) -> None:
    """The rules' own conditions, on a split's every cell (the splits where 18.x's filter was slowest)."""
    cells = [v for t in build_corpus(split) for column in t.columns.values() for v in column if isinstance(v, str)]
    for d in VALUE:
        necessary, coarser = re.compile(d.necessary, re.ASCII), re.compile(coarse(d.necessary), re.ASCII)
        assert [c for c in cells if necessary.search(c) and not coarser.search(c)] == [], d.id
