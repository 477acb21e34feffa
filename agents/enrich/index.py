"""The gazetteer's compact on-disk index, built once from the packaged data.

Parsing 76 MB of GeoNames JSON takes seconds, and every worker and every ``wirewatch process``
needs the gazetteer at start, so the data is compiled once into a folder under the wirewatch
home, named after the versions of the data packages and of this format (a new package version
gets a new folder). Nothing in it is pickled:

- ``names.marisa``: a MARISA trie from every folded spelling to the rows of the cities that
  bear it; also from the key of all case forms of a Cyrillic name, and from the key of all
  romanisations of a name in a country that writes Cyrillic (see ``agents.enrich.names``). It is memory-mapped, so
  lookups cost no load time and little resident memory;
- ``cities.bin``: one fixed-width little-endian row per city, most populous first, so that
  sorting row numbers sorts by population;
- ``cities.txt``: the cities' own names, one a line, in row order;
- ``tables.json``: countries, first-level regions (each with the time zone of its largest
  city), time zones and admin1 codes.

A folder is written under a temporary name and renamed when complete, so concurrent first runs
never read half an index.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import struct
import tempfile
from array import array
from dataclasses import dataclass
from pathlib import Path

import marisa_trie
import orjson

from agents.enrich import sources
from agents.enrich.names import CYRILLIC_COUNTRIES, fold, is_cyrillic, romanised_key, slavic_key

FORMAT = 3
ROW = struct.Struct("<IiiIHHHxx")  # geonames id, lat and lon in 1e-5 degrees, population, country, admin1, zone
COORDINATE_SCALE = 100_000
FILES = ("names.marisa", "cities.bin", "cities.txt", "ids.bin", "tables.json")


@dataclass(frozen=True, slots=True)
class Index:
    """The loaded index: the name trie, packed city rows and the small tables."""

    names: marisa_trie.RecordTrie
    rows: bytes
    city_names: list[str]
    ids: array  # geonames ids, ascending
    id_rows: array  # the row of each id in ``ids``
    tables: dict


def folder(home: Path, skip: frozenset[str]) -> Path:
    """Where the index of this data, format and set of skipped names lives."""
    recipe = f"{FORMAT}|{sources.data_versions()}|{' '.join(sorted(skip))}"
    stamp = hashlib.sha1(recipe.encode()).hexdigest()[:12]
    return home / "gazetteer" / stamp


def _index_keys(row: int, city: sources.CityRow, skip: frozenset[str]) -> set[tuple[str, tuple[int]]]:
    keys = set()
    for name in city.names:
        key = fold(name)
        if key and key not in skip:
            keys.add((key, (row,)))
            if is_cyrillic(name):
                keys.add((slavic_key(name), (row,)))
            elif city.country in CYRILLIC_COUNTRIES:
                keys.add((romanised_key(name), (row,)))
    return keys


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


def build(target: Path, skip: frozenset[str]) -> None:
    """Compile the packaged data into ``target`` (names in ``skip`` are never indexed)."""
    cities = sorted(sources.cities(), key=lambda c: (-c.population, c.geonames_id))
    countries = sources.countries()
    codes = {c.code: i for i, c in enumerate(countries)}
    admin1: dict[str, int] = {}
    zones: dict[str, int] = {}
    packed = bytearray()
    keys: set[tuple[str, tuple[int]]] = set()
    for row, city in enumerate(cities):
        packed += ROW.pack(
            city.geonames_id, round(city.lat * COORDINATE_SCALE), round(city.lon * COORDINATE_SCALE),
            city.population, codes.setdefault(city.country, len(codes)),
            admin1.setdefault(city.admin1_code, len(admin1)), zones.setdefault(city.timezone, len(zones)),
        )
        keys |= _index_keys(row, city, skip)
    by_id = sorted((city.geonames_id, row) for row, city in enumerate(cities))
    zone_of: dict[tuple[str, str], str] = {}  # a region's or country's zone: its largest city's
    for city in cities:
        zone_of.setdefault((city.country, city.admin1_code), city.timezone)
        zone_of.setdefault((city.country, ""), city.timezone)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".building-", dir=target.parent))
    try:
        marisa_trie.RecordTrie("<I", keys).save(str(staging / "names.marisa"))
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
        }))
        try:
            os.rename(staging, target)
        except OSError:  # another process finished first: its index is as good as ours
            if not (target / FILES[-1]).exists():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def load(home: Path, skip: frozenset[str]) -> Index:
    """The index under ``home``, built first if this version of the data has none yet."""
    target = folder(home, skip)
    if not (target / FILES[-1]).exists():
        build(target, skip)
    try:
        names = marisa_trie.RecordTrie("<I").mmap(str(target / "names.marisa"))
        rows = (target / "cities.bin").read_bytes()
        city_names = (target / "cities.txt").read_text(encoding="utf-8").split("\n")
        both = array("I")
        both.frombytes((target / "ids.bin").read_bytes())
        tables = orjson.loads((target / "tables.json").read_bytes())
    except (OSError, ValueError) as exc:
        raise RuntimeError(f"gazetteer index at {target} is unreadable ({exc}); delete the folder "
                           "and it is rebuilt on next use") from exc
    half = len(both) // 2
    return Index(names, rows, city_names, both[:half], both[half:], tables)
