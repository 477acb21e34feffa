"""The places an article is about, read in two passes.

A name means different places in different stories: "Paris" near "Texas", "Pivdenne" in a
story about Kharkiv Oblast. The first pass reads the places the article is sure of (its
dateline, the regions and countries it names, and the towns it names, in its headline or
with "in" or a qualifier, whose name no other town bears); the second reads every name again
inside those countries and regions.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from agents.enrich.gazetteer import VILLAGE_POPULATION, Gazetteer, fold, home_of, homes_in
from agents.enrich.index import km
from agents.extract.gate import gated
from agents.extract.outlet import outlet_places, site_city
from agents.extract.people import Names, read_names
from agents.extract.phones import phone_states
from agents.extract.places import Mention, as_named_in_full, counties_written, in_a_county_state, mentions, regions_named
from agents.extract.text import is_title_case
from streams.records import Place


def areas(places: list[Place], gazetteer: Gazetteer) -> frozenset[str]:
    """The countries (codes) and first-level regions (place ids) of these places, a county's
    state among them. A village sets no context: which village a name means is what the
    context decides."""
    found: set[str] = set()
    for place in places:
        kind, _, ident = place.id.partition(":")
        if kind == "geonames" and (city := gazetteer.city_by_id(int(ident))) is not None:
            if city.population >= VILLAGE_POPULATION:
                found |= {city.country, city.region_id}
        elif kind in ("admin1", "country"):
            found |= {place.country, place.id}
        elif kind == "locality" and (region := gazetteer.region_by_place_id(place.id)) is not None:
            found |= {place.country, region.place_id}  # "Waynesville, Indiana", which the gazetteer lacks
        elif (county := gazetteer.county_by_place_id(place.id)) is not None:
            found |= {place.country, county.state.place_id}
    return frozenset(found)


def _sure(mention: Mention, gazetteer: Gazetteer, counties: dict[str, frozenset[str]] | None = None) -> bool:
    """A region or country named, or a city whose name no other town bears: "Paris" cannot
    say which country the article is about, since that is what the article must tell. Nor
    can the name of a county the story also writes out (``counties_written``): "Burke" beside
    "Burke County" may be any of three states' county, whatever towns bear the name."""
    if not mention.is_city:
        return True
    if counties and fold(mention.place.mention) in counties:
        return False
    towns = [c for c in gazetteer.cities(mention.place.mention) if c.population >= VILLAGE_POPULATION]
    return len(towns) == 1


def outlet_areas(source: str, text: str, headline_end: int, story_end: int,
                 gazetteer: Gazetteer) -> frozenset[str]:
    """The areas an outlet is at home in: those its site's name ("salina.com" is Kansas's) and
    call letters tell, those its name in the headline's tail ("... - WFSB 3 Connecticut")
    names, and the states of the local phone numbers it gives its readers ("CRIMESTOPPERS at
    504-822-1111")."""
    in_site, call_letters = outlet_places(source, gazetteer)
    phones = phone_states(text, gazetteer)
    home = site_city(source, gazetteer)
    # A station's "South Georgia News" is the state's, not the country's.
    tail = [m.place for m in _tail_mentions(text, story_end, headline_end, gazetteer, call_letters)]
    places = [_in_the_phones_state(place, phones, gazetteer) for place in (*in_site, *([home] if home else []))] + tail
    homes = {home_of(place.id) for place in places if place.id.startswith("geonames:")}
    return areas(places, gazetteer) | call_letters | phones | homes


def _in_the_phones_state(home: Place, phones: frozenset[str], gazetteer: Gazetteer) -> Place:
    """A town a site is named after, as the namesake in the state of the local phone numbers
    the outlet gives ("portsmouth-dailytimes" with "740-354-1600" is Portsmouth, Ohio's paper,
    not Portsmouth, England's)."""
    if not phones or not home.id.startswith("geonames:") or (
            city := gazetteer.city_by_id(int(home.id.partition(":")[2]))) is None:
        return home
    if city.region_id in phones:
        return home
    local = next((c for c in gazetteer.cities(home.mention or home.name) if c.region_id in phones), None)
    return local.place(local.name) if local is not None else home


# Phrases of American police and court copy: a story that uses them is set in the US, however
# little its outlet or its place names say so ("the 400 block of Whittington Place", "Police in
# Chester" is Chester, Pennsylvania, not Chester, England). Gated: the search of the whole
# text skips to the word starts a phrase opens with (5x; 2.5x against a gate of characters
# alone); dollars are searched apart, so
# that every phrase of the gated search opens at a word's start.
_AMERICAN_USAGE = gated(re.compile(
    r"\b\d+00 block of\b|\bsheriff['’]s (?:office|department|deputies|deputy)\b|\bdeputies\b"
    r"|\bcounty (?:sheriff|coroner|medical examiner|prosecutor|jail)\b|\b(?:state|highway) patrol\b"
    r"|\bfirst-degree (?:murder|homicide)\b|\bInterstate \d+\b|\bmedical examiner\b|\bBureau of Investigation\b"
    r"|\b(?:district|prosecuting) attorney\b|\bstate troopers?\b|\bneighborhood\b|\bhospitalized\b"
    r"|\bapartment complex\b", re.I))
_DOLLARS = re.compile(r"\$\d")


# The forces of the Donbas republics, as war copy names them ("NAF rebel forces shelled
# Pivdenne"): their war is fought in Donetsk and Luhansk oblasts, where a village's name of
# several oblasts is meant.
_DONBAS_FORCES = re.compile(r"\b(?:NAF|DPR|LPR|DNR|LNR)\b|\b(?:Donetsk|Luhansk|Lugansk)\s+People['’]s\s+Republic")
_DONBAS = frozenset({"UA", "admin1:UA.05", "admin1:UA.14"})


def usage_areas(text: str) -> frozenset[str]:
    """The areas the story's own wording places it in: the US for American police copy, the
    Donbas for its republics' forces."""
    areas = frozenset({"US"}) if _AMERICAN_USAGE.search(text) or _DOLLARS.search(text) else frozenset()
    return areas | _DONBAS if _DONBAS_FORCES.search(text) else areas


def outlet_city(source: str, text: str, headline_end: int, story_end: int, gazetteer: Gazetteer,
                hints: frozenset[str] = frozenset()) -> Place | None:
    """The one city the outlet is at home in, as a crawled headline's tail names it ("... -
    WMC Action News 5 - Memphis, Tennessee", "WDRB 41 Louisville News"), else as its site's
    name does ("chicagotribune.com"): where a story that names no place most likely happened."""
    cities = {m.place for m in _tail_mentions(text, story_end, headline_end, gazetteer, hints) if m.is_city}
    if not cities:
        home = site_city(source, gazetteer)
        return _in_the_phones_state(home, phone_states(text, gazetteer), gazetteer) if home else None
    return cities.pop() if len(cities) == 1 else None


# A state's postal code, as a station's tail writes it after the towns it serves.
_POSTAL_CODE = re.compile(r"\b[A-Z]{2}\b")


def _tail_mentions(text: str, story_end: int, headline_end: int, gazetteer: Gazetteer,
                   context: frozenset[str]) -> list[Mention]:
    """The places a crawled headline's tail names as the outlet's, read in the light of the
    states it names: "WOWK 13 Charleston, Huntington WV News" is West Virginia's Charleston."""
    tail = text[story_end:headline_end]
    postal = {region.place_id for code in _POSTAL_CODE.findall(tail)
              if (region := gazetteer.region(code)) is not None and region.country == "US"}
    tail_regions = regions_named(tail, gazetteer, hints=context) | postal
    return [m for m in mentions(text, story_end, headline_end, gazetteer, context | tail_regions)
            if _the_outlets(m, gazetteer, tail_regions)]


def _the_outlets(mention: Mention, gazetteer: Gazetteer, tail_regions: frozenset[str] = frozenset()) -> bool:
    """An outlet names its home the way its audience does: with its state (beside it, or
    after the towns it serves), or by a name no other town (or no other major city) bears."""
    if mention.qualified or _sure(mention, gazetteer) or not mention.is_city:
        return True
    if (city := gazetteer.city_by_place_id(mention.place.id)) is not None and city.region_id in tail_regions:
        return True
    city = gazetteer.the_major_city(mention.place.mention)
    return city is not None and mention.place.id == f"geonames:{city.geonames_id}"


def _county_state(counties: dict[str, frozenset[str]], found: list[Mention], gazetteer: Gazetteer) -> frozenset[str]:
    """The state of a county the story writes out that several states have, as the one of
    them its other towns lie in: "Burke County" in a story set in Valdese is North
    Carolina's. A town named like the county tells nothing: it is what is asked."""
    towns = {city.region_id for m in found if m.is_city and fold(m.place.mention) not in counties
             and (city := gazetteer.city_by_place_id(m.place.id)) is not None}
    found_states: set[str] = set()
    for states in counties.values():
        if len(states) > 1 and len(shared := states & towns) == 1:
            found_states |= shared
    return frozenset(found_states)


_US_STATE = "admin1:US."


def _shared_state(found: list[Mention], counties: dict[str, frozenset[str]], gazetteer: Gazetteer,
                  in_the_us: bool = False) -> frozenset[str]:
    """The one US state that has a place of every name a story gives its towns and counties,
    two names at least: "Dallas" beside "Paulding County" is Georgia's, though Texas has the
    largest Dallas (but beside "Franklin County", which both states have, nothing is told).
    A story that names its state needs no guess. In a story set ``in_the_us`` (its outlet's
    call letters, its police copy), a town first read abroad counts by its American namesakes
    too: "a home on Main Street in Pinetown" beside "Beaufort County" (North and South
    Carolina's) is North Carolina's post town, not Pinetown, South Africa."""
    states_of: dict[str, frozenset[str]] = dict(counties)
    for mention in found:
        if mention.is_city and not mention.qualified and (mention.place.country == "US" or in_the_us):
            states = _us_states_of(mention.place.mention, gazetteer)
            if states or mention.place.country == "US":
                states_of.setdefault(fold(mention.place.mention), states)
    votes = Counter(state for states in states_of.values() for state in states)
    (first, most), *rest = votes.most_common(2) or [(None, 0)]
    return frozenset({first}) if 2 <= most == len(states_of) and (not rest or rest[0][1] < most) else frozenset()


def _us_states_of(name: str, gazetteer: Gazetteer) -> frozenset[str]:
    """The US states that have a town or post town of this name as its own."""
    return frozenset([c.region_id for c in gazetteer.cities(name) if c.country == "US" and gazetteer.bears_as_its_own(c, name)]
                     + [town.region_id for town in gazetteer.post_towns(name)])


def read_places(text: str, headline_end: int, spans: list[tuple[int, int]],
                dateline: Place | None, gazetteer: Gazetteer,
                hints: frozenset[str] = frozenset()) -> tuple[list[Mention], list[Mention]]:
    """The places named in the headline and in the body ``spans``, each read in the light of
    the others and of the ``hints`` (areas the outlet is at home in)."""
    # In a title-case headline every word is capitalised: capitals there tell no names apart.
    title_case = is_title_case(text[:headline_end])
    names = read_names(text, headline_end if title_case else 0, gazetteer)
    headline_names = dataclasses.replace(names, capitals_tell=False) if title_case else names
    # The regions the whole story names only break ties; a country named in passing ("a
    # man from Jordan") must not make the story's own towns look foreign.
    hints = hints | regions_named(text, gazetteer, names, hints)
    counties = counties_written(text, gazetteer)

    def read(start: int, end: int, context: frozenset[str], names: Names) -> list[Mention]:
        return in_a_county_state(mentions(text, start, end, gazetteer, context, names), counties, gazetteer, context)

    headline = read(0, headline_end, hints, headline_names)
    sure = [dateline] if dateline is not None else []
    sure += [m.place for m in headline if _sure(m, gazetteer, counties)]
    context = areas(sure, gazetteer) | hints
    body = [m for start, end in spans for m in read(start, end, context, names)]
    sure += [m.place for m in body if (m.cued or not m.is_city) and _sure(m, gazetteer, counties)]
    wider = areas(sure, gazetteer) | hints | _county_state(counties, headline + body, gazetteer)
    if not any(area.startswith(_US_STATE) for area in wider) and (
            shared := _shared_state(headline + body, counties, gazetteer, in_the_us="US" in wider)):
        # A town first read abroad is the shared state's namesake: its own region no longer
        # sets the story abroad.
        abroad = {m.place.id for m in headline + body if m.place.country != "US" and m.is_city
                  and shared <= _us_states_of(m.place.mention, gazetteer)}
        wider = (areas([place for place in sure if place.id not in abroad], gazetteer) | hints | shared
                 | _county_state(counties, headline + body, gazetteer))
    if wider != context:
        headline = read(0, headline_end, wider, headline_names)
        body = [m for start, end in spans for m in read(start, end, wider, names)]
    named = headline + body
    far = _far_from_home(named, wider, gazetteer)
    headline, body = [m for m in headline if m not in far], [m for m in body if m not in far]
    named = headline + body
    return as_named_in_full(headline, named), as_named_in_full(body, named)


# How far a local outlet's news reaches: its city's metropolitan area and the towns around.
LOCAL_NEWS_KM = 300


def _far_from_home(found: list[Mention], context: frozenset[str], gazetteer: Gazetteer) -> list[Mention]:
    """The villages a story of a local outlet names, that names the outlet's home city too,
    which lie far from it and in none of the story's states: "Brainerd" in a Chicago paper's
    story of a Chicago killing is Chicago's neighbourhood, which the gazetteer lacks, not the
    Minnesota town. A village written with its state is what it says."""
    homes = [city for place_id in homes_in(context) if any(m.place.id == place_id for m in found)
             and (city := gazetteer.city_by_place_id(place_id)) is not None]
    if not homes:
        return []
    far = []
    for mention in found:
        city = gazetteer.city_by_place_id(mention.place.id) if mention.is_city and not mention.qualified else None
        if (city is not None and city.population < VILLAGE_POPULATION and city.region_id not in context
                and all(km(city, home) > LOCAL_NEWS_KM for home in homes)):
            far.append(mention)
    return far
