"""The places an article is about, read in two passes.

A name means different places in different stories: "Paris" near "Texas", "Pivdenne" in a
story about Kharkiv Oblast. The first pass reads the places the article is sure of (its
dateline, its headline, the regions and countries it names, the places it points at with
"in" or a qualifier); the second reads every name again inside those countries and regions.
"""

from __future__ import annotations

from agents.enrich.gazetteer import Gazetteer
from agents.extract.places import Mention, mentions
from streams.records import Place


def areas(places: list[Place], gazetteer: Gazetteer) -> frozenset[str]:
    """The countries (codes) and first-level regions (place ids) of these places."""
    found: set[str] = set()
    for place in places:
        kind, _, ident = place.id.partition(":")
        if kind == "geonames" and (city := gazetteer.city_by_id(int(ident))) is not None:
            found |= {city.country, city.region_id}
        elif kind in ("admin1", "country"):
            found |= {place.country, place.id}
    return frozenset(found)


def read_places(text: str, headline_end: int, spans: list[tuple[int, int]],
                dateline: Place | None, gazetteer: Gazetteer) -> tuple[list[Mention], list[Mention]]:
    """The places named in the headline and in the body ``spans``, each read in the light of
    the others."""
    sure = [dateline] if dateline is not None else []
    headline = mentions(text, 0, headline_end, gazetteer)
    context = areas(sure + [m.place for m in headline], gazetteer)
    body = [m for start, end in spans for m in mentions(text, start, end, gazetteer, context)]
    wider = context | areas([m.place for m in body if m.cued or not m.is_city], gazetteer)
    if wider != context:
        headline = mentions(text, 0, headline_end, gazetteer, wider)
        body = [m for start, end in spans for m in mentions(text, start, end, gazetteer, wider)]
    return headline, body
