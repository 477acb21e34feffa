"""A word list written as a tree matches what the plain alternation matches, word for word and
in the same order of preference, case-blind or not."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agents.extract.alternation import one_of, spelled_out

WORD_LISTS = [
    ["seventeen", "seven", "seventy", "six", "sixty", "sixteen"],  # the longest first
    ["seven", "seventeen", "seventy"],  # a word before its longer forms
    ["the", "this", "that", "these", "those", "their", "its", "both"],
    ["son", "sons", "so", "s", "sonny", "son"],  # a word between its longer forms, twice
    ["no one", "no-one", "none", "no"],
]
# What may follow a word: the pattern's next part, which decides between the words.
CONTINUATIONS = [r"\b", r"s\b", r"(?=\s)", r"y", r""]
PIECES = st.sampled_from(["se", "ven", "teen", "ty", "s", "on", "ny", "th", "e", "is", "ir", "ose",
                          "no", " ", "-", "one", "SEVEN", "ſ", "K", "ı", "İ", "x"])
TEXT = st.lists(PIECES, max_size=6).map("".join)


def test_a_pattern_is_spelled_out_in_the_order_the_engine_tries_it():
    assert spelled_out("persons?") == ["persons", "person"]
    assert spelled_out("m[ae]n|bod(?:y|ies)|neighbou?rs?") == [
        "man", "men", "body", "bodies", "neighbours", "neighbour", "neighbors", "neighbor"]


def test_a_word_pattern_only():
    with pytest.raises(ValueError):
        spelled_out(r"\d+-year-olds")
    with pytest.raises(ValueError):
        one_of(["Man", "man"])


@settings(max_examples=120, deadline=None)
@given(TEXT)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE, re.VERBOSE])
@pytest.mark.parametrize("words", WORD_LISTS)
@pytest.mark.parametrize("after", CONTINUATIONS)
def test_the_tree_matches_as_the_list_does(words, after, flags, text):
    plain = re.compile("(?:" + "|".join(map(re.escape, words)) + ")" + after, flags)
    tree = re.compile(one_of(words) + after, flags)
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for start in range(len(text)):
        expected = plain.match(text, start)
        assert (expected and expected.span()) == ((found := tree.match(text, start)) and found.span())


@settings(max_examples=120, deadline=None)
@given(TEXT)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("words", WORD_LISTS[:3])
def test_a_tree_at_a_word_start_matches_as_the_list_after_a_boundary(words, flags, text):
    plain = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", flags)
    tree = re.compile(one_of(words, word_start=True) + r"\b", flags)
    for start in range(len(text) + 1):
        expected = plain.search(text, start)
        assert (expected and expected.span()) == ((found := tree.search(text, start)) and found.span())
