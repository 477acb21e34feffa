"""Sentences of an article, with character offsets into ``article_text(article)``.

Offsets always index the full text (headline, a blank line, body), so every claim's span can
be checked against what it quotes. Boilerplate lines (audio players, "Read more" links, social
embeds) are skipped, not cut out, so the offsets stay true.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from agents.extract.caseblind import CaseBlind
from streams.records import Article

HEADLINE_SEPARATOR = "\n\n"

_BOILERPLATE = re.compile(
    r"""^\s*(?:
        listen\ to\ this\ article | loading\ audio | read\ more\b | related\b[^.]*:$
      | advertisement$ | share\ this | sign\ up\b | subscribe\b | click\ here
      | (?:[a-z]+\ ){1,4}(?:warning|watch|advisory|statement)\ issued\b
      | \d{1,2}:\d{2}\ (?-i:["'‘“A-Z])  # a video playlist's item, its length first: "2:40 Raw video: ..."
    )""",
    re.I | re.X,
)
# A heading after which a page lists other stories to its end, each a headline and its first
# sentence: "More stories you may like on 7News", "You might also like". The story has ended;
# what follows is other news. ("Related stories:", "Trending now:" and "More stories on
# WVVA.com" head a list set inside the story, which goes on after it.)
_END_OF_STORY = re.compile(
    r"""\s*(?:more\s+stories\s+you\s+(?:may|might)\s+(?:like|enjoy) | you\s+(?:may|might)\s+also\s+(?:like|enjoy)
      | recommended\s+for\s+you)(?:\s+(?:on|from|at)\s+[\w .&'’-]{1,30})?\s*:?\s*$""",
    re.I | re.X,
)
# A social embed: its links anywhere in a line (searched case-blind on the lowered line, where
# the regex engine skips to their first letters), or a quoted post's credit opening the line.
_SOCIAL_LINK = CaseBlind(r"pic\.twitter\.com/|https?://t\.co/")
_SOCIAL_CREDIT = re.compile(r"\s*[—-]\s.*\(@\w+\)", re.I)

# A sentence ends at . ! or ? (plus closing quotes or brackets) before white space and a
# capital, a digit or an opening quote; the abbreviation check below vetoes false ends. Both
# ends open with the stop itself (the letters before it are checked after it), so the regex
# engine skips from stop to stop instead of trying every position.
_SENTENCE_END = re.compile(
    r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9\u0400-\u04ff])"
    r"|[.!?](?<=[a-z]{2}[.!?])(?=[A-Z][a-z])"  # crawled copy loses the space: "were made.The victim"
    r"|[.!?][\"”](?<=[a-z]{2}[.!?][\"”])(?=[A-Z][a-z])"  # and after a quote: "to be."The double killing'
)
# Titles come before a name, so a stop after one never ends a sentence ("Sgt. Smith"); other
# abbreviations may end one ("in the 2200 block of 37th St. As officers arrived"), which a
# word that mostly opens sentences after them tells.
_TITLES = frozenset("mr mrs ms dr rev sgt lt gen col capt cpl det gov sen rep no vs mt ft".split())
_ABBREVIATIONS = _TITLES | frozenset(
    """st jr sr inc co corp ltd ave blvd rd jan feb mar apr aug sept sep oct nov dec a.m p.m
    u.s u.k u.n d.c ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn
    miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo""".split()
)
_SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i his her their its this that these those there police officers
    deputies authorities investigators witnesses as when after before but while according""".split()
)
_NEXT_WORD = re.compile(r"[\"'“‘(\[]?([A-Za-z]+)")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    in_headline: bool


def article_text(article: Article) -> str:
    return article.headline + HEADLINE_SEPARATOR + article.body


@lru_cache(maxsize=256)  # the story's lines are read for its sentences, then blanked for its places
def is_boilerplate(line: str) -> bool:
    # Both social links hold a slash: most lines have none, and are not lowered to look.
    return bool(_BOILERPLATE.search(line) or ("/" in line and _SOCIAL_LINK.search(line))
                or _SOCIAL_CREDIT.match(line))


_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _ends_with_abbreviation(text: str, at: int, next_at: int) -> bool:
    """Whether the stop at ``at`` only ends an abbreviation (or an initial), the sentence
    going on at ``next_at``."""
    word = _LAST_WORD.search(text, max(0, at - 12), at)
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    if len(token) == 1 or token in _TITLES:
        return True
    if token not in _ABBREVIATIONS:
        return False
    following = _NEXT_WORD.match(text, next_at)
    return following is None or following.group(1).lower() not in _SENTENCE_OPENERS


def _split_line(text: str, start: int, end: int, in_headline: bool) -> list[Sentence]:
    sentences = []
    cursor = start
    for boundary in _SENTENCE_END.finditer(text, start, end):
        if _ends_with_abbreviation(text, boundary.start(), boundary.end()):
            continue
        stop = boundary.end() - len(boundary.group()) + len(boundary.group().rstrip())
        if text[cursor:stop].strip():
            sentences.append(_trimmed(text, cursor, stop, in_headline))
        cursor = boundary.end()
    if text[cursor:end].strip():
        sentences.append(_trimmed(text, cursor, end, in_headline))
    return sentences


def _trimmed(text: str, start: int, end: int, in_headline: bool) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end], in_headline)


_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def is_title_case(headline: str) -> bool:
    """"Man Shot Outside Bar": every word capitalised, so capitals do not mark names."""
    words = [w for w in _TITLE_WORD.findall(headline) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_HEADLINE_WORDS = range(4, 15)
# What a line of the story itself says, whose stop a crawl lost: a source, or the others of
# the people it has told of ("Fourteen others injured, 5 critically").
_STORY_GOES_ON = re.compile(r"\b(?:according to|said|says|told|others?)\b", re.I)


def _another_storys_headline(line: str) -> bool:
    """A line with no sentence's end, inside the body, in title case or as short as a
    headline: a related story's headline that a crawl kept ("Man Shot, Killed Few Blocks Away
    From Home: Police", "Man, 24, fatally shot on Bronx street corner"). A caption's credit
    and a heading's colon end a line of the story's own."""
    stripped = line.strip()
    if stripped.endswith((".", "!", "?", '"', "”", "’", "'", ":", ")")):
        return False
    return is_title_case(stripped) or (
        stripped[:1].isupper() and len(stripped.split()) in _HEADLINE_WORDS
        and not _STORY_GOES_ON.search(stripped))


def without_boilerplate(text: str) -> str:
    """``text`` with its boilerplate lines blanked, every offset kept: what a reader that
    searches the whole story may see ("Snow Warning ... in effect for: Erie, Wyoming" names
    two New York counties, not the state of Wyoming)."""
    lines = text.split("\n")
    ended = _story_end(lines)
    blanked = [" " * len(line) if line.strip() and (index >= ended or is_boilerplate(line)) else line
               for index, line in enumerate(lines)]
    return "\n".join(blanked) if blanked != lines else text


def _story_end(lines: list[str]) -> int:
    """The index of the line that ends the story (``_END_OF_STORY``), else the number of lines."""
    return next((index for index, line in enumerate(lines) if _END_OF_STORY.match(line)), len(lines))


def sentences(text: str, headline_length: int) -> list[Sentence]:
    """The story's sentences, line by line, skipping boilerplate lines and, after the
    body's first line (often the headline again), other stories' headlines."""
    found: list[Sentence] = []
    headline = text[:headline_length].strip()
    position = 0
    body_lines = 0
    lines = text.split("\n")
    for line in lines[:_story_end(lines)]:
        line_end = position + len(line)
        in_headline = position < headline_length
        if line.strip() and not is_boilerplate(line):
            if not in_headline:
                body_lines += 1
            if in_headline or body_lines == 1 or not _another_storys_headline(line):
                for sentence in _split_line(text, position, line_end, in_headline):
                    found.extend(_apart_from(headline, sentence, text) if not in_headline else [sentence])
        position = line_end + 1
    return found


_SHORTEST_HEADLINE_TO_FIND = 20


def _apart_from(headline: str, sentence: Sentence, text: str) -> list[Sentence]:
    """A body sentence a crawl glued to the headline ("17-year-old dead in Richmond shooting
    News 17-year-old dead in Richmond shooting Richmond Police are investigating ..."), split
    around each copy of the headline, so its people are not counted once per copy."""
    if len(headline) < _SHORTEST_HEADLINE_TO_FIND or headline not in sentence.text or sentence.text == headline:
        return [sentence]
    pieces, cursor = [], sentence.start
    for copy in re.finditer(re.escape(headline), sentence.text):
        start, end = sentence.start + copy.start(), sentence.start + copy.end()
        pieces += [(cursor, start), (start, end)]
        cursor = end
    pieces.append((cursor, sentence.end))
    return [_trimmed(text, start, end, False) for start, end in pieces if text[start:end].strip()]
