"""The place an article's address names, for a story whose text names none.

A local outlet's story often never names its own city: its readers know it ("A man was shot
in the back Thursday night near 84th and Q streets"). Its address often does, in the slug an
editor wrote ("/news/child-shot-parking-lot-southeast-atlanta/npc2g/") or in the section it
was filed under ("/new_orleans/news/", "/neighborhood/spring/"). The address is lower case and
runs words together with hyphens, so nothing tells a name from a word: only names that need no
such cue are read — a major city's own name, a county's or parish's ("clayton-county"), and
a town of a state the outlet is known to be at home in when the slug puts something in it
("teen-girl-shot-during-party-in-humble").
"""

from __future__ import annotations

import re
from functools import lru_cache

from agents.enrich.gazetteer import Gazetteer, fold
from streams.records import Place

_WORD = re.compile(r"[a-z]+")
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://[^/]*", re.I)
# A segment of several words is the editor's slug or a section's name; one of a single word is
# a section ("/spring/"); a word with digits is an id ("33277800", "2015").
_SEGMENT = re.compile(r"[^/?#]+")
_DIGIT = re.compile(r"\d")
_LONGEST_NAME = 4  # words: "new port richey", "salt lake city"
_IN = frozenset({"in", "near", "outside"})
_COUNTY = frozenset({"county", "parish"})
# A name the next word makes a street's, a park's or a neighbourhood's ("washington-street",
# "austin-party" aside, which nothing tells), or the previous word a longer place's own
# ("new-paris", "west-virginia", "estill-springs").
_NOT_A_TOWN_AFTER = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane",
    "park", "heights", "hills", "village", "valley", "township", "twp", "beach", "springs",
    "high", "school", "co"})
_NOT_A_TOWN_BEFORE = frozenset({"new", "north", "south", "east", "west", "upper", "lower", "fort", "port",
                                "mount", "lake", "saint", "st", "san", "santa", "los", "las", "el", "la"})


def _segments(url: str) -> list[list[str]]:
    """The address's path as lists of words, the slug (the segment of most words) first."""
    path = _HOST.sub("", url.split("?")[0].split("#")[0])
    segments = [_WORD.findall(segment.lower()) for segment in _SEGMENT.findall(path)
                if not _DIGIT.search(segment) or "-" in segment or "_" in segment]
    segments = [words for words in segments if words]
    return sorted(segments, key=len, reverse=True)


def link_place(url: str, gazetteer: Gazetteer, hints: frozenset[str] = frozenset()) -> Place | None:
    """The first place the address names (its slug read first, then its sections), or None.
    ``hints``: the areas (country codes, region ids) the outlet is at home in; a major city
    outside a state they name is a word ("mobile", "surprise"), not the story's place."""
    states = frozenset(hint for hint in hints if hint.startswith("admin1:"))
    countries = frozenset(hint for hint in hints if ":" not in hint)
    for words in _segments(url):
        for start in range(len(words)):
            if start and words[start - 1] in _NOT_A_TOWN_BEFORE:
                continue
            place = _place_at(words, start, gazetteer, countries, states)
            if place is not None:
                return place
    return None


def address_states(url: str, gazetteer: Gazetteer) -> frozenset[str]:
    """The US states (place ids, and the country) a section of the address is named after: a
    national or regional site files a local story under its state ("/georgia/decatur/",
    "/news/michigan/")."""
    states = _states_by_words(gazetteer)
    found = {states[words] for words in map(tuple, _segments(url)) if words in states}
    return frozenset(found | {"US"}) if found else frozenset()


@lru_cache(maxsize=1)
def _states_by_words(gazetteer: Gazetteer) -> dict[tuple[str, ...], str]:
    return {tuple(fold(state.name).split()): state.place_id for state in gazetteer.us_states()}


def _place_at(words: list[str], start: int, gazetteer: Gazetteer, countries: frozenset[str],
              states: frozenset[str]) -> Place | None:
    for length in range(min(_LONGEST_NAME, len(words) - start), 0, -1):
        name = " ".join(words[start:start + length])
        after = words[start + length] if start + length < len(words) else ""
        if length > 1 and words[start + length - 1] in _COUNTY:
            county = gazetteer.county(name, context=states)
            if county is not None and (not states or county.state.place_id in states):
                return gazetteer.place_of_county(county, name)
            continue
        if after in _NOT_A_TOWN_AFTER or after in _COUNTY or name in _state_words(gazetteer):
            continue
        city = gazetteer.the_major_city(name)
        if (city is not None and (not countries or city.country in countries)
                and (not states or city.region_id in states)):
            return gazetteer.place_of(city, name)
        in_it = start > 0 and words[start - 1] in _IN
        if states and (in_it or length > 1):
            town = next((c for c in gazetteer.cities(name) if c.region_id in states
                         and gazetteer.bears_as_its_own(c, name)), None)
            if town is not None:
                return gazetteer.place_of(town, name)
    return None


@lru_cache(maxsize=1)
def _state_words(gazetteer: Gazetteer) -> frozenset[str]:
    """The words of US states' names ("york", "carolina", "washington"): a slug's state is no town."""
    return frozenset(word for state in gazetteer.us_states() for word in fold(state.name).split())
