"""The enrich stage: an incident in, the same incident placed on the map out.

``geo_precision`` follows ACLED and UCDP: 1 the city itself, 2 a first-level region,
3 a whole country. A region or country is never given a city's coordinates.
"""

from __future__ import annotations

import dataclasses

from agents.enrich.gazetteer import Gazetteer, load_gazetteer
from streams.records import Incident

CITY, REGION, COUNTRY = 1, 2, 3


def enrich(incident: Incident, gazetteer: Gazetteer | None = None) -> Incident:
    gazetteer = gazetteer or load_gazetteer()
    kind, _, ident = incident.place_id.partition(":")
    if kind == "geonames" and (city := gazetteer.city_by_id(int(ident))) is not None:
        return dataclasses.replace(
            incident,
            city=city.name,
            admin1=city.admin1 or incident.admin1,
            country=city.country,
            country_name=gazetteer.country_name(city.country),
            lat=city.lat,
            lon=city.lon,
            population=city.population,
            geonames_id=city.geonames_id,
            geo_precision=CITY,
        )
    region = gazetteer.region_by_place_id(incident.place_id)
    if region is not None:
        return dataclasses.replace(
            incident,
            admin1=region.name if region.code else "",
            country=region.country,
            country_name=region.country_name,
            geo_precision=REGION if region.code else COUNTRY,
        )
    return incident
