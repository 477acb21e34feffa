"""Patterns searched only where a match can begin.

Python's regex engine skips ahead by itself only when a pattern opens with a letter or a
class. A pattern that opens with ``\\b`` or an alternation of words (``\\b(?:kill|wound|...)``)
is tried in full at every position of the text, and a search for one that must end at the
text's end (``...\\s+$``) tries every position before it. Put behind a lookahead of the
characters its matches can open with, it fails at most positions in one class test: the
same matches at a half to a tenth of the cost.

The characters are read off the pattern's parse tree (``re._parser`` of CPython 3.11, as
``caseblind.py`` does), so a pattern edited later keeps a gate that lets through all it may match.
"""

from __future__ import annotations

import re
from re import _compiler, _constants, _parser  # type: ignore[attr-defined]

_CATEGORIES = {
    _constants.CATEGORY_DIGIT: r"\d",
    _constants.CATEGORY_SPACE: r"\s",
    _constants.CATEGORY_WORD: r"\w",
}
_ZERO_WIDTH = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)
_FEW_OPENINGS = 10


def gated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern behind a lookahead of the characters its matches open with, or the pattern
    itself when it may match the empty string or open with any character."""
    first = _first(_parser.parse(pattern.pattern, pattern.flags).data)
    if first is None or first[1]:
        return pattern
    # Case-blind, so a case-blind part's letters pass in every case IGNORECASE pairs ("ſ", "K").
    body = pattern.pattern + ("\n" if pattern.flags & re.VERBOSE else "")  # a trailing comment
    # A class of many letters lets most letters inside words through, where a word boundary
    # fails at less cost: when every match opens at one, it goes first (the American-usage
    # search 2.5x). Before a class of a few letters it costs more than it saves.
    wide = len(first[0]) > _FEW_OPENINGS
    boundary = r"\b" if wide and _opens_at_a_boundary(_parser.parse(pattern.pattern, pattern.flags).data) else ""
    return re.compile(f"{boundary}(?=(?i:[{''.join(sorted(first[0]))}]))(?:{body})", pattern.flags)


def _opens_at_a_boundary(items: list) -> bool:
    """Whether every match of a sequence passes a word boundary (``\\b``) before its first
    character."""
    for op, value in items:
        if op is _constants.AT and value is _constants.AT_BOUNDARY:
            return True
        if op in _ZERO_WIDTH:
            continue
        if op is _constants.BRANCH:
            return all(_opens_at_a_boundary(branch.data) for branch in value[1])
        if op is _constants.SUBPATTERN:
            return _opens_at_a_boundary(value[3].data)
        if op in _REPEATS and value[0]:
            return _opens_at_a_boundary(value[2].data)
        return False
    return False


def _first(items: list) -> tuple[set[str], bool] | None:
    """The class items (as pattern text) a sequence's matches can open with, and whether it can
    match the empty string; None when any character may open it."""
    found: set[str] = set()
    for op, value in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _constants.LITERAL:
            return found | {re.escape(chr(value))}, False
        if op is _constants.IN:
            items_of_class = _class(value)
            return (found | items_of_class, False) if items_of_class is not None else None
        inner: list[tuple[set[str], bool] | None]
        if op is _constants.BRANCH:
            inner = [_first(branch.data) for branch in value[1]]
        elif op is _constants.SUBPATTERN:
            inner = [_first(value[3].data)]
        elif op in _REPEATS:
            low, _, repeated = value
            part = _first(repeated.data)
            inner = [part if part is None or low else (part[0], True)]
        else:
            return None  # any character, a back reference
        if any(part is None for part in inner):
            return None
        found |= {item for part in inner if part for item in part[0]}
        if not any(part[1] for part in inner if part):
            return found, False
    return found, True


def _class(items: list) -> set[str] | None:
    found = set()
    for op, value in items:
        if op is _constants.LITERAL:
            found.add(re.escape(chr(value)))
        elif op is _constants.RANGE:
            found.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif op is _constants.CATEGORY and value in _CATEGORIES:
            found.add(_CATEGORIES[value])
        else:
            return None  # a negated class, a category it cannot name
    return found


class AtTheEnd:
    """A pattern whose every match ends where the searched text ends (``...\\s*$``), searched
    only from the start of the last words a match can span instead of from every position
    before them: a figure's look-back over the sentence before it no longer grows with the
    sentence. The words (runs of characters between white space) are counted off the
    pattern's parse tree; a pattern that may span any number of them is searched whole."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        tree = _parser.parse(pattern.pattern, pattern.flags)
        # With MULTILINE, "$" also matches inside the text, at each line's end.
        ends = _ends_at_the_end(tree.data) and not pattern.flags & re.MULTILINE
        spaces = _spaces(tree.data, pattern.flags) if ends else None
        self._words = None if spaces is None else spaces + 1

    def search(self, text: str, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        start = 0
        if self._words is not None:
            # Every match starts in the last words; the characters before ``start`` are
            # still seen by its look-behinds and word boundaries.
            head = text[:end].rsplit(None, self._words)
            start = len(head[0]) if len(head) > self._words else 0
        return self.pattern.search(text, start, end)


def _ends_at_the_end(items: list) -> bool:
    """Whether every match of a sequence ends with ``$`` (or ``\\Z``)."""
    if not items:
        return False
    op, value = items[-1]
    if op is _constants.AT:
        return value in (_constants.AT_END, _constants.AT_END_STRING)
    if op is _constants.BRANCH:
        return all(_ends_at_the_end(branch.data) for branch in value[1])
    if op is _constants.SUBPATTERN:
        return _ends_at_the_end(value[3].data)
    return False


def _spaces(items: list, flags: int) -> int | None:
    """The most runs of white space a match of a sequence can hold (a repeat of white space
    alone is one run), or None when there is no bound."""
    total = 0
    for op, value in items:
        if op in _ZERO_WIDTH:
            continue  # look-arounds read, but do not move where a match starts
        if op is _constants.BRANCH:
            counts = [_spaces(branch.data, flags) for branch in value[1]]
            if None in counts:
                return None
            total += max(counts)  # type: ignore[type-var]
        elif op is _constants.SUBPATTERN:
            inner = _spaces(value[3].data, flags)
            if inner is None:
                return None
            total += inner
        elif op in _REPEATS:
            low, high, repeated = value
            if _only_space(repeated.data):
                total += 1
                continue
            inner = _spaces(repeated.data, flags)
            if inner is None or (inner and high == _constants.MAXREPEAT):
                return None
            total += inner * high
        elif op in (_constants.LITERAL, _constants.NOT_LITERAL, _constants.IN, _constants.ANY):
            total += _may_be_space(op, value, flags)
        else:
            return None  # a back reference, an atomic group: not counted
    return total


_WHITE_SPACE = "".join(chr(code) for code in range(0x3000 + 1) if chr(code).isspace())


def _may_be_space(op: int, value: object, flags: int) -> int:
    """1 if the one character the item matches may be white space, else 0."""
    if op is _constants.LITERAL:
        return int(chr(value).isspace())  # type: ignore[arg-type]
    if op is not _constants.IN:
        return 1
    probe = _parser.SubPattern(_parser.State(), [(op, value)])
    one = _compiler.compile(probe, flags & ~re.VERBOSE)
    return int(any(one.match(space) for space in _WHITE_SPACE))


def _only_space(items: list) -> bool:
    """Whether a repeated sequence is one character that is always white space (``\\s``)."""
    if len(items) != 1:
        return False
    op, value = items[0]
    if op is _constants.LITERAL:
        return chr(value).isspace()
    return op is _constants.IN and all(
        (item_op is _constants.CATEGORY and item in (_constants.CATEGORY_SPACE, _constants.CATEGORY_UNI_SPACE))
        or (item_op is _constants.LITERAL and chr(item).isspace()) for item_op, item in value)
