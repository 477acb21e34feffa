"""A case-blind pattern answers as ``re.IGNORECASE`` does, on any text: the lowered-text
shortcut is taken only where it cannot change the answer."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agents.extract.caseblind import CaseBlind, SpelledCase

PATTERNS = [
    (r"kill|own\s+life|bod(?:y|ies)|\bshot\b", 0),
    (r"\b(?: so\s+far | [^,.;]+\s+said )", re.X),
    (r"\b(?P<month>march|may)\.?\s+(?P<day>\d{1,2})", 0),
]
# Letters IGNORECASE pairs with ASCII ones that lowering does not, and uncased neighbours.
TRICKY = st.sampled_from(["ſ", "K", "İ", "ı", "’", "—", "é", "É", "Σ", "ß", "\u0345", "Kill",
                          "SHOT", " so far", "BODIES", "own  LIFE", " Police said"])
TEXT = st.lists(st.one_of(TRICKY, st.text(max_size=5)), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXT)
@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_match_is_where_ignorecase_finds_it(pattern, flags, text):
    expected = re.compile(pattern, flags | re.IGNORECASE).search(text)
    found = CaseBlind(pattern, flags).search(text)
    assert (found and found.span()) == (expected and expected.span())
    if found:
        assert found.group().lower() == expected.group().lower()


@pytest.mark.parametrize("text", ["ſhot", "Kill", "İnjur", "sİlent"])
def test_letters_that_only_ignorecase_pairs_are_still_found(text):
    pattern = r"shot|kill|injur|sil"
    assert bool(CaseBlind(pattern).search(text)) == bool(re.search(pattern, text, re.I))


def test_an_upper_case_pattern_is_refused():
    with pytest.raises(ValueError):
        CaseBlind(r"\S+")


# Patterns with case-blind and case-sensitive parts, as the victim phrase has them.
MIXED = [
    re.compile(r"[A-Z][a-z]+,\s+\d+|(?i:\b(?:a|the)\s+(?:man|men|kid)s?\b)|(?i:[^\W\d]+ed\b)"),
    re.compile(r"(?i:\b(?P<n>two|three)(?-i:\s+[A-Z]\w*)?(?!\s+killed))|\bKilled\b", re.X),
    re.compile(r"(?i)(?<=\w)['’]s\s+death|no\s*-?\s*one|[^k]ill"),
]
MIXED_PIECES = st.sampled_from(["ſ", "K", "İ", "ı", "’", "é", "É", " ", "  ", ", ", "1", "22",
                                "Smith", "THE", "a ", "Men", "kids", "TWO", "three Jones",
                                "killed", "KILLED", "Killed", "named", "ill", "No-one", "'s death"])
MIXED_TEXT = st.lists(st.one_of(MIXED_PIECES, st.text(max_size=3)), max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(MIXED_TEXT)
@pytest.mark.parametrize("pattern", MIXED)
def test_a_spelled_pattern_matches_as_the_pattern_does(pattern, text):
    spelled = SpelledCase(pattern)
    for start in range(len(text) + 1):
        expected, found = pattern.search(text, start), spelled.for_text(text).search(text, start)
        assert (found and (found.span(), found.groupdict())) == (
            expected and (expected.span(), expected.groupdict()))


def test_a_case_blind_letter_beyond_ascii_is_refused():
    with pytest.raises(ValueError):
        SpelledCase(re.compile(r"(?i:café)"))
