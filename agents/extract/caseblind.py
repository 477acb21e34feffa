"""Case-blind patterns that cost what case-sensitive ones do.

A pattern compiled with ``re.IGNORECASE`` compares every letter of the text both ways at every
position it tries; the same pattern compiled case-sensitively, run over the lowered text, finds
the same matches several times faster. The two agree whenever lowering the text does exactly
what IGNORECASE does: every letter beyond ASCII has no case (a curly quote, a dash, a CJK
character), since IGNORECASE also pairs letters that ``str.lower`` keeps apart ("ſ" and "s",
"K" and "k", "İ" and "i"). Any other text is searched case-blind as before, so the answer never
depends on the shortcut.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from re import _compiler, _constants, _parser  # type: ignore[attr-defined]

_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")
_GROUP_NAMING = re.compile(r"\(\?P[<=]")


def lowers_exactly(text: str) -> bool:
    """Whether ``text.lower()`` reads, to a lower-case pattern, as ``text`` does to it
    case-blind: same length, same offsets, same matches."""
    return text.isascii() or all(c.lower() == c == c.upper() for c in _BEYOND_ASCII.findall(text))


class CaseBlind:
    """A case-blind pattern. Its matches may be in the lowered text: the offsets are the same,
    and the groups may read in lower case, so it suits patterns whose groups are read
    case-blind anyway ("March", "march" and "MARCH" are one month)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        letters = _GROUP_NAMING.sub("", pattern)
        if letters != letters.lower():
            # An upper-case letter (a class such as [A-Z], an escape such as \S or \B) would
            # mean one thing to the lowered text and another case-blind.
            raise ValueError(f"a case-blind pattern is written in lower case: {pattern!r}")
        self._blind = re.compile(pattern, flags | re.IGNORECASE)
        self._lowered = re.compile(pattern, flags)

    def search(self, text: str) -> re.Match[str] | None:
        lowered = _lowered(text)
        return self._blind.search(text) if lowered is None else self._lowered.search(lowered)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        lowered = _lowered(text)
        return self._blind.finditer(text) if lowered is None else self._lowered.finditer(lowered)


@lru_cache(maxsize=16)
def _lowered(text: str) -> str | None:
    """The text lowered, where lowering is exact (see ``lowers_exactly``). Kept for the few
    texts in hand: one sentence is searched for a casualty word, a statistic, dates, a period."""
    return text.lower() if lowers_exactly(text) else None


# The only characters beyond ASCII that IGNORECASE pairs with an ASCII letter: "İ" and "ı" with
# "i", "ſ" with "s", the Kelvin sign with "k".
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


class SpelledCase:
    """A pattern with case-blind parts (``(?i:...)``) that costs what a case-sensitive one does
    on text where that is exact.

    Case-blind, each letter is a comparison the engine cannot skip; spelled both ways (``[nN]``)
    it is a class, and an alternative that opens with a class the next character is not in is
    passed over at once. The twin with every case-blind ASCII letter spelled so matches exactly
    as the pattern does on any text without the four characters IGNORECASE pairs with ASCII
    letters (see ``_FOLDS_TO_ASCII``); other text is searched by the pattern itself.

    The twin is compiled from the pattern's parse tree (``re._parser``, ``re._compiler`` of
    CPython 3.11), since no pattern syntax spells "this letter, case-sensitively, both ways"
    inside a case-blind group without rewriting it by hand.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        tree = _parser.parse(pattern.pattern, pattern.flags)
        case_blind = bool(tree.state.flags & re.IGNORECASE)
        tree.state.flags &= ~re.IGNORECASE
        _spell(tree, case_blind)
        self._spelled = _compiler.compile(tree, pattern.flags & ~re.IGNORECASE)

    def for_text(self, text: str) -> re.Pattern[str]:
        """The pattern to run on ``text``: the twin where it is exact, else the pattern. Chosen
        once per text, and run by the caller, so a profile charges it to the caller's module."""
        exact = text.isascii() or not _FOLDS_TO_ASCII.search(text)
        return self._spelled if exact else self.pattern


def _both_cases(code: int) -> list[int]:
    char = chr(code)
    if char.isascii():
        return sorted({code, ord(char.lower()), ord(char.upper())})
    if char.lower() != char.upper():
        raise ValueError(f"a case-blind letter beyond ASCII cannot be spelled: {char!r}")
    return [code]


def _spell_set(items: list, case_blind: bool) -> list:
    """A class's items, with the other case of each ASCII letter added where it is case-blind."""
    if not case_blind:
        return items
    spelled = list(items)
    for op, value in items:
        if op is _constants.LITERAL:
            spelled += [(op, other) for other in _both_cases(value) if other != value]
        elif op is _constants.RANGE:
            low, high = value
            if high > 0x7F and any(chr(c).lower() != chr(c).upper() for c in range(max(low, 0x80), high + 1)):
                raise ValueError("a case-blind range beyond ASCII cannot be spelled")
            for first, last, shift in ((ord("a"), ord("z"), -32), (ord("A"), ord("Z"), 32)):
                if max(low, first) <= min(high, last):
                    spelled.append((op, (max(low, first) + shift, min(high, last) + shift)))
    return spelled


def _spell(tree: _parser.SubPattern, case_blind: bool) -> None:
    """Rewrite the parse tree in place: every case-blind letter a class of both its cases, and
    no group case-blind any more."""
    c = _constants
    spelled = []
    for op, value in tree.data:
        if op in (c.LITERAL, c.NOT_LITERAL) and case_blind and len(_both_cases(value)) > 1:
            letters = [(c.LITERAL, code) for code in _both_cases(value)]
            spelled.append((c.IN, letters if op is c.LITERAL else [(c.NEGATE, None), *letters]))
            continue
        if op is c.IN:
            value = _spell_set(value, case_blind)
        elif op is c.SUBPATTERN:
            group, add, remove, inner = value
            _spell(inner, (case_blind or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE)
            value = (group, add & ~re.IGNORECASE, remove & ~re.IGNORECASE, inner)
        elif op is c.BRANCH:
            for branch in value[1]:
                _spell(branch, case_blind)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            _spell(value[2], case_blind)
        elif op in (c.ASSERT, c.ASSERT_NOT):
            _spell(value[1], case_blind)
        elif op is c.ATOMIC_GROUP:
            _spell(value, case_blind)
        elif op is c.GROUPREF_EXISTS or (op is c.GROUPREF and case_blind):
            raise ValueError("a conditional or case-blind back reference cannot be spelled")
        spelled.append((op, value))
    tree.data = spelled
