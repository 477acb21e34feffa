"""Where an outlet is at home, as a hint to which of several namesakes its stories mean.

A local station's story about "Berlin" means Berlin, Connecticut when the station is WFSB;
Chicago's Sun-Times means the Englewood of Chicago. The hint comes from three things an outlet
shows: its site's name ("chicago.suntimes.com", "click2houston.com"), a US broadcaster's call
letters (the FCC gives K and W call signs: "wral.com", "kxan.com") and the place a crawled
headline's tail names ("... - WMC Action News 5 - Memphis, Tennessee"). It only ever breaks
ties: what the article itself names comes first.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from agents.enrich.gazetteer import BROADCASTER_EAST, BROADCASTER_WEST, WORLD_CITY, City, Gazetteer, Region, fold
from agents.extract.people import PLACE_MODIFIERS
from streams.records import Place

_CALL_SIGN = re.compile(r"[kw][a-z]{2,3}(?:tv|\d{1,2})?")
# A US network's local affiliate brands itself by network and channel: "abc11", "nbc4i", "fox5ny",
# "nbc-2", "myfox8"; and some by network and their state's postal code: "foxct", "fox5dc",
# "cbs5az".
_NETWORK_AFFILIATE = re.compile(r"(?:my)?(?:abc|nbc|cbs|fox)-?\d{1,2}")
_AFFILIATE_OF_A_STATE = re.compile(r"(?:my)?(?:abc|nbc|cbs|fox)-?\d{0,2}(?P<state>[a-z]{2})")
_SHORTEST_CITY_IN_A_DOMAIN = 5  # shorter names hide inside ordinary words
_GENERIC_LABELS = frozenset({"www", "m", "mobile", "amp", "news", "edition"})


def _labels(source: str) -> list[str]:
    """The meaningful labels of a site's name: no scheme, port, "www" or top-level domain."""
    host = re.sub(r"^[a-z]+://", "", source.strip().lower()).split("/")[0].split(":")[0]
    labels = host.split(".")[:-1] if "." in host else [host]
    return [label for label in labels if label and label not in _GENERIC_LABELS]


def _cities_in(label: str, gazetteer: Gazetteer, at_edges: bool = False) -> list[Place]:
    """Major cities whose one-word name is written inside a site label ("abc7chicago"). A
    name several major cities bear says nothing: "onlineathens" is Georgia's Athens. With
    ``at_edges``, only a name the label opens or ends with: "southsidemessenger" is no Essen."""
    found: dict[str, Place] = {}
    covered = 0  # where the longest name read so far ends
    for start in range(len(label)):
        # The longest name at a point only, and none inside it: "trentonian" names no Trento,
        # nor the Renton inside it.
        run_together = _run_together_at(label, start, gazetteer) if at_edges else []
        for name in (gazetteer.prefixes(label[start:]) + run_together)[-1:]:
            if len(name) < _SHORTEST_CITY_IN_A_DOMAIN or start < covered:
                continue
            covered = start + len(name.replace(" ", ""))
            if at_edges and start and start + len(name) < len(label):
                continue
            if name in _words_of_us_states(gazetteer):
                continue  # "carolinalive" is South Carolina's, not Carolina, Puerto Rico
            if (city := gazetteer.the_major_city(name)) is not None:
                found.setdefault(name, city.place(name))
    return list(found.values())


def _run_together_at(label: str, start: int, gazetteer: Gazetteer) -> list[str]:
    """The name of several words a site label runs together at ``start`` ("lasvegassun" is
    the Las Vegas Sun's), as the major city's one name ("las vegas"). Read for the city a
    site is named after only, not for the areas an outlet's stories are read in: the only
    major Los Baños is the Philippines', the Los Banos Enterprise California's."""
    candidates = _major_names_run_together(gazetteer).get(label[start:start + 2], ())
    return [name for joined, name in candidates if label.startswith(joined, start)][-1:]


@lru_cache(maxsize=1)
def _major_names_run_together(gazetteer: Gazetteer) -> dict[str, tuple[tuple[str, str], ...]]:
    """The folded names of several words that major cities bear as their own, run together,
    shortest first, by their first two letters: {"la": (("lasvegas", "las vegas"), ...)}.
    Every site an outlet is first seen under is read at each of its letters."""
    names = {fold(city.name) for city in gazetteer.major_cities()}
    joined = sorted(((name.replace(" ", ""), name) for name in names if " " in name), key=lambda pair: len(pair[0]))
    by_start: dict[str, list[tuple[str, str]]] = {}
    for pair in joined:
        by_start.setdefault(pair[0][:2], []).append(pair)
    return {start: tuple(pairs) for start, pairs in by_start.items()}


@lru_cache(maxsize=1)
def _words_of_us_states(gazetteer: Gazetteer) -> frozenset[str]:
    return frozenset(word for state in gazetteer.us_states() for word in fold(state.name).split())


def _states_in(label: str, gazetteer: Gazetteer) -> list[Place]:
    """US states whose name is written inside a site label ("nbcconnecticut",
    "arkansasonline"), the longest at each point ("westvirginia" is not Virginia), and the
    city of a million of a state's name ("nbcnewyork" is New York City's station too).
    Washington is left out: the Post's is the capital's."""
    names = {fold(state.name).replace(" ", ""): state for state in gazetteer.us_states()
             if state.code != "WA"}
    found, start = [], 0
    while start < len(label):
        state = next((names[label[start:end]] for end in range(len(label), start + 3, -1)
                      if label[start:end] in names), None)
        if state is None:
            shared = next((word for word in _words_of_several_states(gazetteer) if label.startswith(word, start)), None)
            found += [state.place(state.name) for state in _states_of_word(shared, gazetteer)] if shared else []
            start += len(shared) if shared else 1
            continue
        found.append(state.place(state.name))
        found += _city_of_states_name(state, gazetteer)
        start += len(fold(state.name).replace(" ", ""))
    return found


def _city_of_states_name(state: Region, gazetteer: Gazetteer) -> list[Place]:
    """The city of a million in a state that the state's name also names: a station named
    after New York is at home in the city (its Newark is New Jersey's, across the river, not
    the village upstate)."""
    cities = [c for c in gazetteer.cities(state.name) if c.population >= WORLD_CITY and c.region_id == state.place_id]
    return [cities[0].place(state.name)] if len(cities) == 1 else []


def _state_coded(label: str, gazetteer: Gazetteer) -> list[Place]:
    """The US state whose postal code an affiliate's label ends with ("foxct"), and the city
    of a million the state's name also names ("abc7ny" is New York City's)."""
    match = _AFFILIATE_OF_A_STATE.fullmatch(label)
    state = gazetteer.region(match["state"]) if match else None
    if state is None or state.country != "US" or not state.code:
        return []
    return [state.place(state.name), *_city_of_states_name(state, gazetteer)]


@lru_cache(maxsize=1)
def _words_of_several_states(gazetteer: Gazetteer) -> tuple[str, ...]:
    """The words several states' names share that name no compass point: "carolinalive" and
    "foxcarolina" are the Carolinas' outlets, "dakotanewsnow" the Dakotas'."""
    words = Counter(word for state in gazetteer.us_states() for word in fold(state.name).split())
    whole = {fold(state.name) for state in gazetteer.us_states()}
    return tuple(word for word, states in words.items() if states > 1 and word not in whole
                 and len(word) >= _SHORTEST_CITY_IN_A_DOMAIN and word not in PLACE_MODIFIERS)


def _states_of_word(word: str, gazetteer: Gazetteer) -> list[Region]:
    return [state for state in gazetteer.us_states() if word in fold(state.name).split()]


@lru_cache(maxsize=4096)
def site_city(source: str, gazetteer: Gazetteer) -> Place | None:
    """The one major city an outlet's site is named after ("chicagotribune.com",
    "click2houston.com"), if its name opens or ends a label of the site's name; else the US
    town a label opens with, as a local paper names itself ("salina.com",
    "myrtlebeachonline.com", "thedalleschronicle.com")."""
    cities = {place.id: place for label in _labels(source) for place in _cities_in(label, gazetteer, at_edges=True)}
    if not cities:
        cities = {place.id: place for label in _labels(source) if (place := _town_opening(label, gazetteer))}
    return cities.popitem()[1] if len(cities) == 1 else None


def _town_opening(label: str, gazetteer: Gazetteer) -> Place | None:
    """The US town of 15,000 people or more a site label opens with the name of, if no other
    such town bears it and no longer place's name opens the label. A label that opens with a
    state's word ("kentucky.com", "carolinalive") is no town's."""
    towns = _towns_by_joined_name(gazetteer)
    name = next((label[:end] for end in range(len(label), _SHORTEST_CITY_IN_A_DOMAIN - 1, -1) if label[:end] in towns), None)
    if name is None or any(label.startswith(word) for word in _words_of_us_states(gazetteer)):
        return None
    if any(len(longer) > len(name) for longer in gazetteer.prefixes(label)):
        return None  # "blythevillecourier" is Blytheville's, a smaller town than Blythe
    town = towns[name]
    return town.place(town.name) if town is not None and town.country == "US" else None


@lru_cache(maxsize=1)
def _towns_by_joined_name(gazetteer: Gazetteer) -> dict[str, City | None]:
    """The towns by their own folded name run together ("myrtlebeach"); None for a name
    several towns bear."""
    towns: dict[str, City | None] = {}
    for town in gazetteer.towns():
        joined = fold(town.name).replace(" ", "")
        towns[joined] = None if joined in towns else town
    return towns


# A stream's articles come from a few hundred outlets, each read once: every position of its
# site's name is looked up in the gazetteer's trie.
@lru_cache(maxsize=4096)
def outlet_places(source: str, gazetteer: Gazetteer) -> tuple[tuple[Place, ...], frozenset[str]]:
    """The cities and states an outlet's site name names, and what its call letters say:
    the country, and the side of the Mississippi (``BROADCASTER_WEST`` or ``_EAST``); a
    network affiliate's brand ("abc11.com") says the country."""
    labels = _labels(source)
    places = tuple(place for label in labels
                   for place in _cities_in(label, gazetteer) + _states_in(label, gazetteer) + _state_coded(label, gazetteer))
    broadcaster = bool(labels) and bool(_CALL_SIGN.fullmatch(labels[0])) and not gazetteer.cities(labels[0])
    if not broadcaster:
        affiliate = any(_NETWORK_AFFILIATE.match(label) for label in labels)
        return places, frozenset({"US"}) if affiliate else frozenset()
    return places, frozenset({"US", BROADCASTER_WEST if labels[0].startswith("k") else BROADCASTER_EAST})
