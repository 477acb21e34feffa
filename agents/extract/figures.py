"""Casualty figures in one sentence: "four people were killed and nine wounded".

A figure is a number (digits or words) tied to a casualty word that follows it within the same
clause ("21 people died"), or that precedes it ("killing four"). Numbers that are ages, times,
money, percentages or years are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

KILLED = "killed"
INJURED = "injured"

_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).split()
_SCALES = ("hundred", "thousand", "million")
_UNIT_WORD = "|".join(_UNITS)
_SCALE_WORD = "|".join(list(_SCALES) + ["dozen"])
# A number in words starts with a unit ("three hundred") or "a"/"an" and a scale ("a dozen").
_NUMBER_WORD = f"{_UNIT_WORD}|{_SCALE_WORD}"
_NUMBER = re.compile(
    rf"""(?<![\w$£€.,-])(?:
        (?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+)
      | (?P<words>(?:an?\s+(?:{_SCALE_WORD})|{_UNIT_WORD})(?:(?:\s*-\s*|\s+(?:and\s+)?)(?:{_NUMBER_WORD}))*)
    )(?![\w%-]|\.\d|,\d)""",
    re.I | re.X,
)
# What may follow a number and make it no head count: an age, a time, a unit, a percentage.
_NOT_A_COUNT_AFTER = re.compile(
    r"""\s*(?:-?\s*years?\b|-year|-month|-week|-day|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)
    |\s*(?:percent|per\s+cent|%|miles?|km|kilomet|metres|meters|feet|mph|degrees)
    |:\d|th\b|st\b|nd\b|rd\b)""",
    re.I | re.X,
)
_NOT_A_COUNT_BEFORE = re.compile(r"(?:\$|£|€|\bno\.?|\bnumber|\broute|\bhighway|\bage[sd]?)\s*$", re.I)

_KILLED_WORDS = r"killed|dead|died|die|slain|deaths?|fatalities|lost\s+their\s+lives|perished"
_INJURED_WORDS = r"injured|injuries|wounded|hurt|hospitali[sz]ed"
_CASUALTY_AFTER = re.compile(rf"\b(?P<word>{_KILLED_WORDS}|{_INJURED_WORDS})\b", re.I)
_CASUALTY_BEFORE = re.compile(
    r"\b(?P<word>kill(?:ing|ed|s)|wound(?:ing|ed|s)|injur(?:ing|ed|es))\s+"
    r"(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|nearly\s+)?$",
    re.I,
)
_KILLED_RE = re.compile(rf"^(?:{_KILLED_WORDS}|killing|kills)$", re.I)
# The words between a number and its casualty word stay within one clause.
_CLAUSE_BREAK = re.compile(r"[;:!?]|\b(?:but|while|after|before|when|who|which)\b", re.I)
_WINDOW = 60

_QUALIFIERS = (
    ("at least", re.compile(r"\bat\s+least\s+$", re.I)),
    ("more than", re.compile(r"\b(?:more\s+than|over)\s+$", re.I)),
    ("up to", re.compile(r"\b(?:up\s+to|as\s+many\s+as)\s+$", re.I)),
    ("nearly", re.compile(r"\b(?:nearly|almost)\s+$", re.I)),
    ("about", re.compile(r"\b(?:some|about|around|approximately|roughly|an\s+estimated)\s+$", re.I)),
    ("a further", re.compile(r"\b(?:a\s+further|another|an\s+additional)\s+$", re.I)),
)


@dataclass(frozen=True, slots=True)
class Figure:
    kind: str  # KILLED or INJURED
    value: int
    low: int | None
    high: int | None
    qualifier: str | None
    start: int  # offsets within the sentence
    end: int


def number_value(text: str) -> int | None:
    """The value of a number written in digits or English words, or None."""
    cleaned = text.replace(",", "").strip()
    if cleaned.isdigit():
        return int(cleaned)
    words = re.sub(r"\s*-\s*", "-", cleaned.lower())
    words = re.sub(r"^an?\s+", "one ", words)
    words = re.sub(r"\s+and\s+", " ", words)
    dozens = 1
    if words.endswith("dozen"):
        words, dozens = (words[: -len("dozen")].strip() or "one"), 12
    try:
        return text2num(words, "en") * dozens
    except ValueError:
        return None


def _bounds(value: int, qualifier: str | None) -> tuple[int | None, int | None]:
    if qualifier == "at least":
        return value, None
    if qualifier == "more than":
        return value + 1, None
    if qualifier == "up to":
        return None, value
    if qualifier in ("nearly", "about"):
        return None, None
    return value, value


def _qualifier(before: str) -> str | None:
    for name, pattern in _QUALIFIERS:
        if pattern.search(before):
            return name
    return None


def _kind(word: str) -> str:
    return KILLED if _KILLED_RE.match(word) else INJURED


def figures(sentence: str) -> list[Figure]:
    """Every casualty figure in the sentence, in order of appearance."""
    numbers = list(_NUMBER.finditer(sentence))
    found: list[Figure] = []
    for index, number in enumerate(numbers):
        before, after = sentence[: number.start()], sentence[number.end():]
        if _NOT_A_COUNT_AFTER.match(after) or _NOT_A_COUNT_BEFORE.search(before):
            continue
        value = number_value(number.group())
        if value is None:
            continue
        if number["digits"] and 1900 <= value <= 2100 and "," not in number.group():
            continue  # a year
        next_start = numbers[index + 1].start() if index + 1 < len(numbers) else len(sentence)
        window = sentence[number.end(): min(next_start, number.end() + _WINDOW)]
        clause_break = _CLAUSE_BREAK.search(window)
        if clause_break:
            window = window[: clause_break.start()]
        # A verb right before the number ("killed four people and wounded eight") binds
        # tighter than a casualty word after it.
        preceding = _CASUALTY_BEFORE.search(before[-40:])
        word = None if preceding else _CASUALTY_AFTER.search(window)
        if preceding:
            kind = _kind(preceding["word"])
        elif word:
            kind = _kind(word["word"])
        else:
            continue
        qualifier = _qualifier(before[-25:])
        low, high = _bounds(value, qualifier)
        found.append(Figure(kind, value, low, high, qualifier, number.start(), number.end()))
    return found
