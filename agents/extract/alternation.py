"""Word alternations that the regex engine tries in a few steps instead of one per word.

Python's engine tries the words of ``man|woman|teen|...`` one after another at every position
it tests, so a list of a hundred words costs a hundred comparisons at every word of a sentence.
The same words written as a tree of their common beginnings (``m(?:an|en)|wom(?:an|en)|...``)
cost one comparison per distinct first letter. The tree tries the words a text could match in
the same order as the list does, so every pattern it is put into matches exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence


def spelled_out(pattern: str) -> list[str]:
    """Every word a small pattern of letters, ``[..]`` classes, ``(?:..|..)`` groups and ``?``
    matches, in the order the regex engine tries them: "persons?" is ["persons", "person"]."""
    words, end = _alternatives(pattern, 0)
    if end != len(pattern):
        raise ValueError(f"not a word pattern: {pattern!r} (at {end})")
    return words


def _alternatives(pattern: str, at: int) -> tuple[list[str], int]:
    found, at = _sequence(pattern, at)
    while at < len(pattern) and pattern[at] == "|":
        more, at = _sequence(pattern, at + 1)
        found += more
    return found, at


def _sequence(pattern: str, at: int) -> tuple[list[str], int]:
    found = [""]
    while at < len(pattern) and pattern[at] not in "|)":
        if pattern.startswith("(?:", at):
            options, at = _alternatives(pattern, at + 3)
            if pattern[at:at + 1] != ")":
                raise ValueError(f"unclosed group in {pattern!r}")
            at += 1
        elif pattern[at] == "[":
            close = pattern.index("]", at)
            options, at = list(pattern[at + 1:close]), close + 1
        elif pattern[at].isalpha() or pattern[at] in " -'":
            options, at = [pattern[at]], at + 1
        else:
            raise ValueError(f"not a word pattern: {pattern!r} (at {at})")
        if pattern[at:at + 1] == "?":  # greedy: with it first, then without
            options, at = options + [""], at + 1
        found = [head + tail for head in found for tail in options]
    return found, at


def one_of(words: Sequence[str], *, word_start: bool = False) -> str:
    """A non-capturing group that matches what ``(?:w1|w2|...)`` matches, trying the words in
    the same order, written as a tree of common beginnings. With ``word_start``, what
    ``\\b(?:w1|w2|...)`` matches: the boundary is checked just after the first letter, so the
    group opens with letters, which lets the engine skip ahead to the next of them."""
    if word_start:
        if not all(word[:1].isalnum() for word in words):
            raise ValueError(f"a word that starts a word begins with a letter or digit: {words!r}")
        return "(?:" + "|".join(_by_first_letter(list(words), after_first=_WORD_BEFORE)) + ")"
    return f"(?:{_tree(list(words))})"


# After a word's first letter, "\b" before it: the character before that letter is none of \w.
_WORD_BEFORE = r"(?<!\w.)"


def _tree(words: list[str]) -> str:
    # Words that begin with different letters never match at the same place, so they may be
    # regrouped by first letter; a word that ends here competes with every longer one and
    # keeps its place among them: the groups before it, it, the groups after it.
    if "" not in words:
        return "|".join(_by_first_letter(words))
    ends = words.index("")
    before, after = words[:ends], [w for w in words[ends + 1:] if w]
    return "|".join([*_by_first_letter(before), "", *_by_first_letter(after)])


def _by_first_letter(words: list[str], after_first: str = "") -> Iterator[str]:
    groups: dict[str, list[str]] = {}
    for word in words:
        if word != word.lower():
            # Case-blind, "A" and "a" would be one letter that two groups both match.
            raise ValueError(f"words are written in lower case: {word!r}")
        groups.setdefault(word[0], []).append(word)
    for group in groups.values():
        head = re.escape(group[0][0]) + after_first
        rest = [word[1:] for word in group]
        yield head + (re.escape(rest[0]) if len(rest) == 1 else f"(?:{_tree(rest)})")
