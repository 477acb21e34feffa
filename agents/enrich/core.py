"""The enrich stage: an incident in, the same incident placed on the map out.

``geo_precision`` follows ACLED and UCDP: 1 the city itself, 2 a US county or a first-level
region (ACLED's 2 is "near a town, or a district": the place id's kind tells which), 3 a whole
country. A county, region or country is never given a city's coordinates, population or id.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agents.enrich.cameo import cameo_codes
from agents.enrich.gazetteer import LOCALITY_ID, Gazetteer, Region, load_gazetteer
from streams.records import Incident

CITY, COUNTY, LOCALITY, REGION, COUNTRY = 1, 2, 2, 2, 3


def local_date(incident: Incident, zone: str) -> str | None:
    """The event's day on the place's calendar. A day read from the text ("on Sunday") stays
    as written; a day that is only the day the first report was filed (extraction's fallback,
    on the report's own clock, often UTC) becomes that moment's day in the place's zone: a
    report filed at 23:30 UTC about Kyiv was filed on the next day there."""
    if not incident.date or not zone or not incident.first_seen or incident.date_end:
        return incident.date
    try:
        filed = datetime.fromisoformat(incident.first_seen)
        place_zone = ZoneInfo(zone)
    except (ValueError, ZoneInfoNotFoundError):
        return incident.date
    if filed.tzinfo is None or filed.date().isoformat() != incident.date:
        return incident.date
    return filed.astimezone(place_zone).date().isoformat()


def _admin1_code(region: Region | None) -> str | None:
    if region is None or not region.code:
        return None
    return region.iso_code or f"{region.country}.{region.code}"


def _placed(incident: Incident, gazetteer: Gazetteer) -> Incident:
    if (city := gazetteer.city_by_place_id(incident.place_id)) is not None:
        region = gazetteer.region_by_place_id(city.region_id)
        return dataclasses.replace(
            incident,
            city=incident.city or city.name,  # the spelling the copy used (see Gazetteer.place_of)
            admin1=city.admin1 or incident.admin1,
            admin1_code=_admin1_code(region),
            country=city.country,
            country_name=gazetteer.country_name(city.country),
            lat=city.lat,
            lon=city.lon,
            # A post town of the US (GeoNames lacks it) has no GeoNames id, and no population told.
            population=None if city.zip_code else city.population,
            geonames_id=None if city.zip_code else city.geonames_id,
            timezone=city.timezone or None,
            local_date=local_date(incident, city.timezone),
            geo_precision=CITY,
        )
    if (county := gazetteer.county_by_place_id(incident.place_id)) is not None:
        # A county's clock is its state's: the packaged data gives counties no time zone.
        return _in_region(incident, county.state, COUNTY, city=county.name)
    region = gazetteer.region_by_place_id(incident.place_id)
    if region is not None and incident.place_id.startswith(LOCALITY_ID):  # a village it lacks: no point
        return _in_region(incident, region, LOCALITY, city=incident.city)
    if region is not None:
        return _in_region(incident, region, REGION if region.code else COUNTRY)
    return incident


def _in_region(incident: Incident, region: Region, precision: int, city: str = "") -> Incident:
    """The incident placed in a first-level region or country, named ``city`` where it is a
    county of the region ("Rock County"), else with no city."""
    return dataclasses.replace(
        incident,
        city=city,
        admin1=region.name if region.code else "",
        admin1_code=_admin1_code(region),
        country=region.country,
        country_name=region.country_name,
        timezone=region.timezone or None,
        local_date=local_date(incident, region.timezone),
        geo_precision=precision,
    )


def enrich(incident: Incident, gazetteer: Gazetteer | None = None) -> Incident:
    placed = _placed(incident, gazetteer or load_gazetteer())
    return dataclasses.replace(placed, cameo_codes=cameo_codes(placed.event_types))
