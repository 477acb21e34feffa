"""A gated pattern finds what the pattern finds, on any text and from any position: the gate
only skips positions where no match can begin."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agents.extract import context, figures, numbers, scope
from agents.extract.gate import AtTheEnd, gated

# The patterns extraction gates, as written (the gate stripped off again), and patterns whose
# openings are optional, case-sensitive inside case-blind, classes and categories.
_GATE = re.compile(r"(?:\\b)?\(\?=\(\?i:\[.*?\]\)\)\(\?:(?P<body>.*)\n?\)", re.S)


def _ungated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(_GATE.fullmatch(pattern.pattern)["body"], pattern.flags)


EXTRACTION = [figures._NOT_A_COUNT_BEFORE.pattern, figures._HYPOTHETICAL.pattern, figures._ACT, figures._OF,
              figures._TOLL, figures._SELF_KILLED, figures._INCLUDING, figures._NEARLY,
              context._AMERICAN_USAGE, scope._ROUNDUP._blind, scope._RUNNING_OR_PAST._blind,
              *(pattern for _, pattern in numbers.QUALIFIERS)]
OTHERS = [
    re.compile(r"(?:a|the)?\s*(?-i:[A-Z])\w+", re.I),
    re.compile(r"(?i:x*y+|\d{2,}-)z|[#$]\s*$", re.X),
    re.compile(r"""\b(?:killed  # a trailing comment
                   |shot)""", re.X),
    # Openings of many letters: each at a word boundary, and all but one of them.
    re.compile(r"(?:\bab|\bc\w|\b(?:d|e|f|g))\w*|\bh-|(?:\bi|\bj)k|\bl?m|\bno\b|\bp|\bq", re.I),
    re.compile(r"(?:\bab|\bc\w|\b(?:d|e|f|g))\w*|\bh-|(?:i|\bj)k|\bl?m|\bno\b|\bp|\bq", re.I),
]
PIECES = st.sampled_from(["ſ", "K", "İ", "ı", "’", "é", " ", ", ", "1", "22", "-", "#", "$",
                          "killing ", "Shot ", "the ", "A ", "no. ", "ages 3 and ", "toll rose to ",
                          "deaths of ", "if he ", "including ", "nearly ", "at least ", "Yz", "xyz",
                          "sheriff's office ", "$5", "abc", "jk", "ik", "m", "No ", "so far",
                          "in March ", "Citywide"])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=10).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
@pytest.mark.parametrize("pattern", EXTRACTION + [gated(p) for p in OTHERS])
def test_a_gated_pattern_finds_what_the_pattern_finds(pattern, text):
    original = _ungated(pattern)
    for start in range(len(text) + 1):
        expected, found = original.search(text, start), pattern.search(text, start)
        assert (found and (found.span(), found.groupdict())) == (
            expected and (expected.span(), expected.groupdict()))


@pytest.mark.parametrize("pattern", [r"a?", r".b", r"[^a]b", r"(?:x|)y?"])
def test_a_pattern_that_may_open_with_anything_is_left_as_it_is(pattern):
    compiled = re.compile(pattern)
    assert gated(compiled) is compiled


AT_THE_END = [figures._NOT_A_COUNT_BEFORE, figures._HYPOTHETICAL,
              *(AtTheEnd(re.compile(p, re.I)) for p in (
                  r"\bages?(?:\s+of)?(?:\s+\d+\s*(?:and|or|to|-))?\s*$|[\d,.:-]$",
                  r"(?:x\s|y[^a]){0,3}z\s*\Z", r"(?<=\w\s)ab?\s+c$", r"(?:a|b\s)*$"))]
WORDY = st.lists(st.one_of(PIECES, st.sampled_from(["\n", "\t", "\u3000", "x ", "y\n", "z", "c"]),
                           st.text(max_size=3)), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(WORDY, st.integers(min_value=0, max_value=40))
@pytest.mark.parametrize("searched", AT_THE_END)
def test_a_pattern_at_the_end_finds_from_its_last_words_what_it_finds_from_the_start(searched, text, cut):
    end = min(cut, len(text))
    for endpos in (None, end):
        expected = searched.pattern.search(text, 0, len(text) if endpos is None else endpos)
        found = searched.search(text, endpos)
        assert (found and (found.span(), found.groupdict())) == (
            expected and (expected.span(), expected.groupdict()))


def test_a_pattern_that_may_span_any_number_of_words_is_searched_whole():
    assert AtTheEnd(re.compile(r"(?:a|b\s)*$"))._words is None
    assert AtTheEnd(re.compile(r"a\s+b$", re.M)).search("a b\nc d e f g h") is not None  # at a line's end
    assert AtTheEnd(re.compile(r"a\s+b")).search("x a  b") is not None  # no end: searched whole
    assert figures._NOT_A_COUNT_BEFORE._words == 5  # "ages of 12 and " ends it
