"""The gazetteer's compact on-disk index, built once from the packaged data.

Parsing 76 MB of GeoNames JSON takes seconds, and every worker and every ``wirewatch process``
needs the gazetteer at start, so the data is compiled once into a folder under the wirewatch
home. The folder is named after the versions of the data packages and the code that keys the
names, so a new package version or a new way of keying gets a new folder. Nothing is pickled:

- ``names.marisa``: a MARISA trie of every folded spelling, also of the key of all case forms
  of a Cyrillic name and of the key of all romanisations of a name in a country that writes
  Cyrillic (see ``agents.enrich.names``). It is memory-mapped: no load time, little memory;
- ``postings.bin``: for each key of the trie (by its id), the rows of the cities bearing it:
  those whose own name it is, most populous first, then those it is another name of;
- ``cities.bin``: one fixed-width little-endian row per city, most populous first, so rows in
  ascending order are cities by falling population;
- ``cities.txt``: the cities' own names, one a line, in row order;
- ``ids.bin``: GeoNames ids in ascending order, then the row of each;
- ``tables.json``: countries, first-level regions (each with the time zone of its largest
  city), time zones, admin1 codes, districts, US counties (state, FIPS code, name) and the US
  post towns no city of their state shares a name with.

A folder is written under a temporary name and renamed when complete, so concurrent first runs
never read half an index.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import os
import shutil
import struct
import sys
import tempfile
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import marisa_trie
import orjson

from agents.enrich import names as keying
from agents.enrich import sources
from agents.enrich.names import CYRILLIC_COUNTRIES, fold, is_cyrillic, romanised_key, slavic_key

ROW = struct.Struct("<IiiIHHHxx")  # geonames id, lat and lon in 1e-5 degrees, population, country, admin1, zone
COORDINATE_SCALE = 100_000
FILES = ("names.marisa", "postings.bin", "cities.bin", "cities.txt", "ids.bin", "tables.json")


@dataclass(frozen=True, slots=True)
class Index:
    """The loaded index: the name trie and its postings, packed city rows, the small tables."""

    names: marisa_trie.Trie
    offsets: array  # the rows of key id k are postings[offsets[k]:offsets[k + 1]]
    postings: array
    rows: bytes
    city_names: list[str]
    ids: array  # geonames ids, ascending
    id_rows: array  # the row of each id in ``ids``
    tables: dict


def folder(home: Path, skip: frozenset[str]) -> Path:
    """Where the index of this data, this keying code and this set of skipped names lives."""
    recipe = hashlib.sha1(f"{sources.data_versions()}|{' '.join(sorted(skip))}".encode())
    for module in (sources, keying, sys.modules[__name__]):
        recipe.update(Path(module.__file__).read_bytes())
    return home / "gazetteer" / recipe.hexdigest()[:12]


def _index_keys(city: sources.CityRow, skip: frozenset[str]) -> set[str]:
    keys = set()
    for name in city.names:
        key = fold(name)
        if key and key not in skip:
            keys.add(key)
            if is_cyrillic(name):
                keys.add(slavic_key(name))
            elif city.country in CYRILLIC_COUNTRIES:
                keys.add(romanised_key(name))
    return keys


def _own_keys(city: sources.CityRow) -> set[str]:
    own = {fold(city.name)}
    return own | {romanised_key(city.name)} if city.country in CYRILLIC_COUNTRIES else own


def _postings(rows_of: dict[str, list[int]]) -> tuple[marisa_trie.Trie, array, array]:
    trie = marisa_trie.Trie(rows_of)
    offsets, postings = array("I", [0]), array("I")
    for _, rows in sorted((trie[key], rows) for key, rows in rows_of.items()):
        postings.extend(rows)
        offsets.append(len(postings))
    return trie, offsets, postings


def _with_namesakes(regions: list[sources.RegionRow],
                    cities: list[sources.CityRow]) -> list[sources.RegionRow]:
    """Regions named after their capital are written with the capital's every spelling
    ("Huliaipole, Zaporizhia" names Zaporizhzhia Oblast): the capital's names become theirs."""
    by_area: dict[tuple[str, str], list[sources.CityRow]] = {}
    for city in cities:  # most populous first
        by_area.setdefault((city.country, city.admin1_code), []).append(city)
    named = []
    for region in regions:
        own = {fold(name) for name in region.names}
        capital = next((city for city in by_area.get((region.country, region.code), [])
                        if fold(city.name) in own), None)
        names = region.names + capital.names if capital else region.names
        named.append(dataclasses.replace(region, names=tuple(dict.fromkeys(names))))
    return named


# A place within this distance of a city at least this many times its size, in the same
# region, is one of its districts: GeoNames' cities500 lists Chicago's Englewood and
# Brooklyn's East Flatbush as towns of their own (the packaged data has no feature codes).
DISTRICT_KM = 8.0
DISTRICT_RATIO = 5
DISTRICT_OF = 300_000
# ... and only within the city's own reach: the radius its people would fill as densely as a
# big city's core. Further out a place is a city of its own however close (Mount Vernon, NY,
# 7.4 km from the Bronx's centre; Garner, 7 km from Raleigh's; Beech Grove, inside
# Indianapolis's bounds but its own city), while Chicago reaches Englewood 7.8 km out.
CORE_PEOPLE_PER_KM2 = 10_000


def _districts(cities: list[sources.CityRow]) -> list[list[int]]:
    """[district id, city id] for every place that lies inside a much larger city."""
    big: dict[tuple[int, int], list[sources.CityRow]] = {}
    for city in cities:
        if city.population >= DISTRICT_OF:
            big.setdefault((round(city.lat), round(city.lon)), []).append(city)
    pairs = []
    for city in cities:
        cell = (round(city.lat), round(city.lon))
        near = [b for dlat in (-1, 0, 1) for dlon in (-1, 0, 1)
                for b in big.get((cell[0] + dlat, cell[1] + dlon), ())
                if b.population >= DISTRICT_RATIO * city.population
                and (b.country, b.admin1_code) == (city.country, city.admin1_code)
                and km(city, b) <= min(DISTRICT_KM, reach_km(b))]
        if near:
            pairs.append([city.geonames_id, min(near, key=lambda b: km(city, b)).geonames_id])
    return pairs


def _counties() -> dict[str, list[list[str]]]:
    """The counties of each (folded) name, as [state, FIPS code, name]: Paulding County is in
    Georgia and Ohio, Onslow County only in North Carolina."""
    counties: dict[str, list[list[str]]] = {}
    for county in sources.us_counties():
        counties.setdefault(fold(county.name), []).append([county.state, county.fips, county.name])
    return counties


_LOOSE_WORDS = {"saint": "st", "mount": "mt", "fort": "ft"}


def _loose_key(name: str) -> str:
    """A name as the Postal Service and GeoNames both may write it: "Soddy Daisy" and
    "Soddy-Daisy", "Mc Lean" and "McLean", "Saint Johns" and "St. Johns"."""
    return "".join(_LOOSE_WORDS.get(word, word) for word in fold(name).replace("-", " ").split())


def _post_towns(cities: list[sources.CityRow], skip: frozenset[str]) -> dict[str, list[list]]:
    """The US post towns of each (folded) name whose state has no city of that name, as
    [state, ZIP code, name, lat, lon, time zone]: Redding, Connecticut, a New England
    town GeoNames counts as no populated place, beside cities500's Redding, California."""
    known = {(_loose_key(name), city.admin1_code) for city in cities if city.country == "US" for name in city.names}
    towns: dict[str, list[list]] = {}
    for town in sources.us_post_towns():
        key = fold(town.name)
        if key not in skip and (_loose_key(town.name), town.state) not in known:
            towns.setdefault(key, []).append([town.state, town.zip_code, town.name, town.lat, town.lon,
                                              town.timezone])
    return towns


class Town(Protocol):
    lat: float
    lon: float
    population: int


def reach_km(city: Town, people_per_km2: float = CORE_PEOPLE_PER_KM2) -> float:
    """The radius in km a city's people fill at that density (a big city's core by default)."""
    return math.sqrt(city.population / (math.pi * people_per_km2))


def km(a: Town, b: Town) -> float:
    """Great-circle distance (haversine)."""
    dlat, dlon = math.radians(b.lat - a.lat), math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(math.radians(a.lat)) * math.cos(math.radians(b.lat)) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def build(target: Path, skip: frozenset[str]) -> None:
    """Compile the packaged data into ``target`` (names in ``skip`` are never indexed)."""
    cities = sorted(sources.cities(), key=lambda c: (-c.population, c.geonames_id))
    countries = sources.countries()
    codes = {c.code: i for i, c in enumerate(countries)}
    admin1: dict[str, int] = {}
    zones: dict[str, int] = {}
    packed = bytearray()
    own_rows: dict[str, list[int]] = {}  # the cities whose own name it is
    rows_of: dict[str, list[int]] = {}  # the cities that bear it as another name
    for row, city in enumerate(cities):
        packed += ROW.pack(
            city.geonames_id, round(city.lat * COORDINATE_SCALE), round(city.lon * COORDINATE_SCALE),
            city.population, codes.setdefault(city.country, len(codes)),
            admin1.setdefault(city.admin1_code, len(admin1)), zones.setdefault(city.timezone, len(zones)),
        )
        own = _own_keys(city)
        for key in _index_keys(city, skip):
            (own_rows if key in own else rows_of).setdefault(key, []).append(row)
    by_id = sorted((city.geonames_id, row) for row, city in enumerate(cities))
    zone_of: dict[tuple[str, str], str] = {}  # a region's or country's zone: its largest city's
    for city in cities:
        zone_of.setdefault((city.country, city.admin1_code), city.timezone)
        zone_of.setdefault((city.country, ""), city.timezone)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".building-", dir=target.parent))
    try:
        trie, offsets, postings = _postings(
            {key: own_rows.get(key, []) + rows_of.get(key, []) for key in own_rows.keys() | rows_of.keys()})
        trie.save(str(staging / "names.marisa"))
        (staging / "postings.bin").write_bytes(_counted(offsets) + postings.tobytes())
        (staging / "cities.bin").write_bytes(packed)
        (staging / "cities.txt").write_text("\n".join(c.name for c in cities), encoding="utf-8")
        (staging / "ids.bin").write_bytes(
            array("I", [i for i, _ in by_id]).tobytes() + array("I", [r for _, r in by_id]).tobytes())
        (staging / "tables.json").write_bytes(orjson.dumps({
            "versions": sources.data_versions(),
            "country_codes": list(codes),
            "admin1_codes": list(admin1),
            "timezones": list(zones),
            "countries": [[c.code, c.name, list(c.names)] for c in countries],
            "regions": [[r.country, r.code, r.name, r.iso_code, list(r.names),
                         zone_of.get((r.country, r.code), "")]
                        for r in _with_namesakes(sources.regions(), cities)],
            "country_zones": {country: zone for (country, code), zone in zone_of.items() if not code},
            "districts": _districts(cities),
            "counties": _counties(),
            "post_towns": _post_towns(cities, skip),
        }))
        try:
            os.rename(staging, target)
        except OSError:  # another process finished first: its index is as good as ours
            if not (target / FILES[-1]).exists():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _counted(numbers: array) -> bytes:
    return array("I", [len(numbers)]).tobytes() + numbers.tobytes()


def _uncounted(data: bytes) -> tuple[array, array]:
    """The counted array at the head of ``data``, and the array of the rest."""
    length = array("I", data[:4])[0]
    head, rest = array("I"), array("I")
    head.frombytes(data[4:4 + 4 * length])
    rest.frombytes(data[4 + 4 * length:])
    return head, rest


def load(home: Path, skip: frozenset[str]) -> Index:
    """The index under ``home``, built first if this data and code have none yet."""
    target = folder(home, skip)
    if not (target / FILES[-1]).exists():
        build(target, skip)
    try:
        names = marisa_trie.Trie().mmap(str(target / "names.marisa"))
        offsets, postings = _uncounted((target / "postings.bin").read_bytes())
        rows = (target / "cities.bin").read_bytes()
        city_names = (target / "cities.txt").read_text(encoding="utf-8").split("\n")
        both = array("I")
        both.frombytes((target / "ids.bin").read_bytes())
        tables = orjson.loads((target / "tables.json").read_bytes())
    except (OSError, ValueError) as exc:
        raise RuntimeError(f"gazetteer index at {target} is unreadable ({exc}); delete the folder "
                           "and it is rebuilt on next use") from exc
    half = len(both) // 2
    return Index(names, offsets, postings, rows, city_names, both[:half], both[half:], tables)
