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
        if lowers_exactly(text):
            return self._lowered.search(text.lower())
        return self._blind.search(text)
