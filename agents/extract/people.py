"""People's names, which are not places though a gazetteer knows their words.

"Queric Richardson", "Braison Howard, 3", "Officer Murphy": a capitalised word right after
another capitalised word that is neither a place's modifier ("North", "Downtown") nor a word
the article otherwise writes in lower case (a sentence's first word, a title-case headline's
"In") belongs to a name, not a town. Once the article has written "Queric Richardson", a lone
"Richardson" later is the same person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from agents.enrich.gazetteer import Gazetteer, fold
from agents.enrich.names import is_cyrillic, slavic_key

# The patterns that find capitalised words open with the capital, and check what goes before it
# just after it: a pattern that opens with a letter class lets the regex engine skip from
# capital to capital instead of trying every position.
_PREVIOUS_WORD = re.compile(r"([A-Z](?:(?<=^[A-Z])|(?<=\s[A-Z]))[\w'’.-]*)[^\S\n]+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"“]\s*)$")
_AGE_AFTER = re.compile(r",\s*\d{1,3}\b")
_STREET = (r"Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Dr\.|Lane|Way|Parkway|Pkwy\.?"
           r"|Court|Ct\.|Circle|Terrace|Trail|Pike")
# A street named after a state is in any state ("Massachusetts Avenue" is Savannah's too); a
# state's highway is that state's ("Oklahoma Highway 3").
STREET_AFTER = re.compile(rf"\s+(?:{_STREET})(?!\w)")
_ROAD = rf"{_STREET}|Highway|Hwy\.?"
# A street of a name of several words: "Bay Oaks Drive", "Davis Corner Road".
_STREET_OF_WORDS = rf"(?:\s+[A-Z][a-z]+){{1,2}}\s+(?:{_ROAD})"
STREET_OF_WORDS_AFTER = re.compile(rf"{_STREET_OF_WORDS}(?!\w)")
# "DeKalb County", "Richland Parish", "Austin neighborhood", "Clay St.", "Davis Corner Road",
# "Murray State College", "outside the Peabody Hotel": the name is not the city's. (No word boundary closes it: none
# follows the period of "St.".)
NOT_A_CITY_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+(?:County|Parish|Co\.|Township|Borough|Twp\.?|neighbou?rhood|section|district"
    rf"|community|High|Middle|Elementary|(?:State\s+)?(?:University|College)|{_ROAD}|Park|Plaza|Square|Apartments"
    r"|Mall|Airport|Sheriff|City|Hospital|Medical|Regional|Memorial|General|Health|Hotel|Motel"
    r"|[Dd]ay(?!\s+care)|[Nn]ight|[Ee]ve|morning"  # a holiday: "Christmas night", "Independence Day"
    r"|(?i:streets|avenues|roads|boulevards|drives))"  # a corner's second street: "Odessa and Franklin streets"
    rf"|{_STREET_OF_WORDS}"
    # a corner: "at Franklin and Odessa streets"
    r"|\s+(?:and|&)\s+[A-Z][\w'’.-]*\s+(?i:streets|avenues|roads|boulevards|drives))(?!\w)"
)
_CAPITALISED_WORD = re.compile(r"[A-Z](?<![\w'’.-][A-Z])[\w'’-]*[a-z](?![\w'’-])")
# "in Fresno", "Memphis police": a word the article puts after a place's preposition, or
# before the police, is a place in it. Searched behind the letters a match opens with, which
# most positions fail in one test (1.4x).
_AFTER_A_PLACE_CUE = re.compile(r"(?=[inoA-Z])(?:\b(?:in|near|outside)\s+([A-Z][\w'’-]*)|\b([A-Z][\w'’-]*)\s+[Pp]olice\b)")
# A word written in lower case, not inside a web or mail address ("jacksonville.com").
_LOWER_WORD = re.compile(r"(?<![\w'’.@/-])[a-z][a-z'’-]*(?![\w'’-]|\.[a-z])")
_LOWER_CYRILLIC_WORD = re.compile(r"(?<![\w'’ʼ-])[а-яіїєґё][а-яіїєґё'’ʼ-]*(?![\w'’ʼ-])")
# Words that go before a place's name: "Northwest Detroit", "Downtown Houston", "Metro Atlanta".
PLACE_MODIFIERS = frozenset(
    """
    north south east west northeast northwest southeast southwest central downtown uptown
    midtown metro greater suburban rural upstate downstate western eastern northern southern
    eastside westside northside southside
    the n s e w ne nw se sw
    """.split()
)
# Words that open sentences, capitalised there only: "When Houston police arrived".
FUNCTION_WORDS = frozenset(
    """
    a after against along although an and as at because before but by despite during for from
    if in inside into meanwhile near of on once outside since so than that then though through
    to until when where whereas whether while with within without yet
    """.split()
)
_LOOK_BACK = 40
_POSSESSIVE_WORD = re.compile(r"[A-Z][\w-]*+['’]s\b")  # possessive: no letter it gives back is an apostrophe
_OWNER = re.compile(r"['’]s$")


@lru_cache(maxsize=4096)
def _previous_word(text: str, start: int) -> re.Match[str] | None:
    """The capitalised word right before ``start`` on its line, if there is one. Kept while
    an article is read: its names, regions and places each ask of the same words."""
    return _PREVIOUS_WORD.search(text, max(0, start - _LOOK_BACK), start)


@dataclass(frozen=True, slots=True)
class Names:
    """What the article tells about the words it capitalises."""

    lower_words: frozenset[str]  # the words it writes in lower case somewhere
    surnames: frozenset[str]  # folded last words of the people it names
    capitals_tell: bool = True  # False where every word is capitalised (a title-case headline)
    # A region's or country's possessive opens no name: "Afghanistan's Kunduz province" (but
    # "TCU's Dixon" is a player).
    regions_owning: frozenset[str] = frozenset()
    # the stems of its lower-case words in Cyrillic (``slavic_key``): inflection hides the
    # capitalised "Ракетний удар" of a headline behind the body's "ракетного удару"
    lower_stems: frozenset[str] = frozenset()

    def follows_a_name(self, text: str, start: int) -> bool:
        """Whether the capitalised word at ``start`` continues a name ("Richardson" in "Queric
        Richardson", "Murphy" in "Officer Murphy")."""
        previous = _previous_word(text, start) if self.capitals_tell else None
        return previous is not None and self._names(previous[1])

    def is_surname(self, word: str) -> bool:
        """Whether a word is the surname of someone the article names, so the word before it is
        a first name ("Logan" in "Logan Hinrichs, 14")."""
        return bool(word) and fold(word) in self.surnames and word.lower() not in self.lower_words

    def _names(self, word: str) -> bool:
        word = word.rstrip(".").lower()
        return (word not in PLACE_MODIFIERS and word not in FUNCTION_WORDS and word not in self.lower_words
                and word not in self.regions_owning)


NO_NAMES = Names(frozenset(), frozenset(), capitals_tell=False)


def read_names(text: str, start: int, gazetteer: Gazetteer) -> Names:
    """The article's lower-case words and the surnames of the people ``text[start:]`` names.
    A pair at a sentence's start may be a capitalised common word and a town ("Fiery
    Sacramento crash"): it names a person only with an age after it ("Braison Howard, 3")."""
    owning = frozenset(word.lower() for word in _POSSESSIVE_WORD.findall(text, start)
                       if gazetteer.region(word[:-2]) is not None)
    known = Names(frozenset(_LOWER_WORD.findall(text)), frozenset(), regions_owning=owning)
    places = {fold(after or before) for after, before in _AFTER_A_PLACE_CUE.findall(text)}
    surnames = set()
    for word in _CAPITALISED_WORD.finditer(text, start):
        previous = _previous_word(text, word.start())
        if (previous is None or not known._names(previous[1])
                or NOT_A_CITY_AFTER.match(text, word.end())
                or gazetteer.cities(f"{previous[1]} {word[0]}")):
            continue
        opens = _SENTENCE_START.search(text, max(0, previous.start() - 3), previous.start())
        if opens is None or _AGE_AFTER.match(text, word.end()):
            surnames.add(fold(_OWNER.sub("", word[0])))  # "Kody Lott’s arrest affidavit": Lott
    stems = frozenset(slavic_key(word) for word in _LOWER_CYRILLIC_WORD.findall(text)) if is_cyrillic(text) else frozenset()
    return Names(known.lower_words, frozenset(surnames - places), regions_owning=owning, lower_stems=stems)
