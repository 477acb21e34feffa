"""Numbers as news copy writes them: "21", "1,200", "twenty-one", "a hundred and twelve",
"a dozen", "dozens", and the qualifiers around them ("at least", "some", "up to")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from agents.extract.alternation import one_of
from agents.extract.gate import gated

_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).split()
_SCALES = ("hundred", "thousand", "million")
_UNITS_LONGEST_FIRST = sorted(_UNITS, key=len, reverse=True)  # "seventeen" before "seven"
UNIT_WORD = one_of(_UNITS_LONGEST_FIRST)
SCALE_WORD = one_of([*_SCALES, "dozen"])
NUMBER_WORD = one_of([*_UNITS_LONGEST_FIRST, *_SCALES, "dozen"])
# Plural scales are vague counts with a floor and no ceiling, of thousands or millions too:
# "tens of thousands" are 20,000 and up.
VAGUE = {"tens": 20, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000}
_VAGUE_SCALES = {"thousands": 1000, "millions": 1_000_000}
_VAGUE_NUMBER = rf"(?:{'|'.join(VAGUE)})(?:\s+of\s+(?:{'|'.join(_VAGUE_SCALES)}))?\b"

# A number in words starts with a unit ("three hundred") or "a"/"an" and a scale ("a dozen"),
# after a vague count, which may begin like a unit ("tens");
# "and" goes on only after a scale ("a hundred and twelve"): "five and seven" is two numbers.
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_VAGUE_NUMBER}"
    rf"|(?:an?\s+(?:{SCALE_WORD})|(?:{UNIT_WORD}))"
    rf"(?:(?:\s*-\s*|\s+|(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+)(?:{NUMBER_WORD}))*)"
)

ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}

_QUALIFIER_WORDS = (
    ("at least", r"at\s+least|no\s+fewer\s+than|a\s+minimum\s+of"),
    ("more than", r"more\s+than|over|upwards\s+of"),
    ("up to", r"up\s+to|as\s+many\s+as|at\s+most"),
    ("nearly", r"nearly|almost|close\s+to"),
    ("about", r"some|about|around|approximately|roughly|an\s+estimated"),
    ("a further", r"a\s+further|another|an\s+additional"),
)
QUALIFIERS = tuple((name, gated(re.compile(rf"\b(?:{words})\s+$", re.I))) for name, words in _QUALIFIER_WORDS)
# The words that bound a count, not add to it: "killed at least 1,200 people".
BOUND_WORDS = "|".join(words for name, words in _QUALIFIER_WORDS if name != "a further")


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    low: int | None
    high: int | None
    qualifier: str | None


def number_value(text: str) -> int | None:
    """The value of a number written in digits or English words, or None."""
    cleaned = text.replace(",", "").strip()
    if cleaned.isdigit():
        return int(cleaned)
    words = re.sub(r"\s*-\s*", "-", cleaned.lower())
    if (vague := _vague(words)) is not None:
        return vague
    words = re.sub(r"^an?\s+", "one ", words)
    words = re.sub(r"\s+and\s+", " ", words)
    dozens = 1
    if words.endswith("dozen"):
        words, dozens = (words[: -len("dozen")].strip() or "one"), 12
    try:
        return text2num(words, "en") * dozens
    except ValueError:
        return None


def _vague(words: str) -> int | None:
    """The floor of a vague count: "dozens" 24, "tens of thousands" 20,000."""
    few, _, scale = " ".join(words.split()).partition(" of ")
    if few in VAGUE and (not scale or scale in _VAGUE_SCALES):
        return VAGUE[few] * _VAGUE_SCALES.get(scale, 1)
    return None


def qualifier_before(text: str) -> str | None:
    for name, pattern in QUALIFIERS:
        if pattern.search(text):
            return name
    return None


def count(text: str, qualifier: str | None) -> Count | None:
    """A count with bounds the qualifier allows: "at least 4" is 4 and up, "up to 4" at most 4,
    "dozens" at least 24; "about 20" and "nearly 20" leave both bounds open."""
    value = number_value(text)
    if value is None:
        return None
    if _vague(text.strip().lower()) is not None:
        return Count(value, value, None, qualifier or "at least")
    if qualifier == "at least":
        return Count(value, value, None, qualifier)
    if qualifier == "more than":
        return Count(value, value + 1, None, qualifier)
    if qualifier == "up to":
        return Count(value, None, value, qualifier)
    if qualifier in ("nearly", "about"):
        return Count(value, None, None, qualifier)
    return Count(value, value, value, qualifier)
