"""A read-only gazetteer of populated places, first-level regions and countries.

The data is GeoNames' (``cities500``: every place of more than 500 people, with alternate
names; countries; first-level regions joined to ISO 3166-2), and the US Postal Service's towns
where a state has no city of their name in GeoNames (``zipcodes``), compiled once into a compact index
(see ``agents.enrich.index``) and opened once per process. Extraction looks names up in text;
enrichment attaches coordinates, regions and time zones to incidents.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache

from agents.enrich import index as compiled
from agents.enrich.names import CYRILLIC_COUNTRIES, fold, is_cyrillic, romanised_key, slavic_key
from streams.records import Place
from streams.settings import Settings

__all__ = ["City", "County", "Gazetteer", "Region", "fold", "load_gazetteer", "MAJOR_CITY", "VILLAGE_POPULATION"]

# Words that GeoNames knows as some place's name or alternate name but that, capitalised in
# English news copy, almost always mean something else.
NOT_PLACE_NAMES = frozenset(
    """
    a all an and april as at august bar but buy center central day december february for get
    god hall he her his however i if in it january july june law man march may media metro
    more my no north november now october officer on one our police says september she side
    so south still the they this to university valley we west east what when where who
    why you young green river lake mount saint st san los las el la le de del du van von
    of off se airport home house fire shot dead martin northern southern eastern
    western centre capital city county region district province downtown uptown midtown
    northeast northwest southeast southwest
    """.split()
) | {f"{direction} side" for direction in ("north", "south", "east", "west")}

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

# Below this, a place is a village: GeoNames has one for many common words and surnames, so
# a village is only taken with evidence (see ``Gazetteer.pick``).
VILLAGE_POPULATION = 15_000
# A city known well beyond its country: the only kind an article about elsewhere means by name.
MAJOR_CITY = 100_000
# A city that a region's or country's name means even abroad: "Mexico" can be Mexico City.
WORLD_CITY = 1_000_000
# How densely a city's people would fill the area its neighbourhoods and inner suburbs lie in.
SUBURB_PEOPLE_PER_KM2 = 2_500


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
    region_id: str  # the place id of its first-level region, "admin1:<CC>.<code>"
    # A US post town's ZIP code, for a town GeoNames lacks (its geonames_id and population 0).
    zip_code: str = ""

    @property
    def place_id(self) -> str:
        return f"{POST_TOWN_ID}{self.zip_code}" if self.zip_code else f"geonames:{self.geonames_id}"

    def place(self, mention: str) -> Place:
        return Place(id=self.place_id, name=self.name, admin1=self.admin1,
                     country=self.country, mention=mention)


@dataclass(frozen=True, slots=True)
class Region:
    """A first-level region (oblast, state, province) or a whole country (``code`` empty)."""

    country: str
    code: str  # GeoNames' admin1 code ("07", "TX")
    name: str
    country_name: str
    iso_code: str = ""  # ISO 3166-2 ("UA-63"); for a country, ISO 3166-1 ("UA")
    timezone: str = ""  # the zone of its largest city

    @property
    def place_id(self) -> str:
        return f"admin1:{self.country}.{self.code}" if self.code else f"country:{self.country}"

    def place(self, mention: str) -> Place:
        return Place(id=self.place_id, name="", admin1=self.name if self.code else "",
                     country=self.country, mention=mention)

    def locality(self, name: str) -> Place:
        """A settlement of this region the gazetteer does not hold ("Mykilske, Kherson"), kept
        by the name the text gives it."""
        return Place(id=f"{LOCALITY_ID}{self.country}.{self.code}:{fold(name)}", name=name,
                     admin1=self.name, country=self.country, mention=name)


LOCALITY_ID = "locality:"
POST_TOWN_ID = "zip:"


def is_town(place_id: str) -> bool:
    """Whether a place id is a town's: a city of GeoNames' or a US post town."""
    return place_id.startswith(("geonames:", POST_TOWN_ID))


@dataclass(frozen=True, slots=True)
class County:
    """A US county or parish: the level between a town and its state."""

    fips: str  # "55105"
    name: str  # "Rock County"
    state: Region

    @property
    def place_id(self) -> str:
        return f"county:US.{self.fips}"

    def place(self, mention: str) -> Place:
        return Place(id=self.place_id, name=self.name, admin1=self.state.name,
                     country=self.state.country, mention=mention)


def _county_key(name: str) -> str:
    """The key a county's name is found by: folded, "Co." spelled out ("Henry Co.")."""
    folded = fold(name)
    return folded[:-len(" co")] + " county" if folded.endswith(" co") else folded


def _region_keys(name: str, country: str) -> list[str]:
    """The looser keys a region's name is also found by: its case forms when Cyrillic (and
    its adjective alone: "у Херсонській області", "Херсонской"), its other romanisations when
    its country writes Cyrillic."""
    if is_cyrillic(name):
        words = name.split()
        alone = [slavic_key(words[0])] if len(words) == 2 and fold(words[1]).startswith("обл") else []
        return [slavic_key(name)] + alone
    return [romanised_key(name)] if country in CYRILLIC_COUNTRIES else []


# GeoNames spells out what copy abbreviates: "Mt. Juliet" is Mount Juliet.
_ABBREVIATED = {"mt": "mount", "ft": "fort", "st": "saint", "pt": "point"}


def _spelled_out(folded: str) -> str | None:
    """The name with its abbreviated words spelled out ("bay saint louis"), if it has any; a
    last word is no prefix ("Main St")."""
    words = folded.split(" ")
    spelled = [_ABBREVIATED.get(word, word) for word in words[:-1]] + words[-1:]
    return " ".join(spelled) if spelled != words else None


@lru_cache(maxsize=1 << 14)  # pick() is asked the same names over and over
def _own_name_keys(name: str) -> frozenset[str]:
    """The folded forms a town's own name may take in copy: as written, spelled out, and
    romanised otherwise: "Marinka" is Mar'yinka's own name as English copy spells it."""
    folded = fold(name)
    return frozenset(filter(None, (folded, _spelled_out(folded), romanised_key(name))))


def _bears_as_its_own(city: City, own_names: frozenset[str]) -> bool:
    """Whether the name is the city's own, as written or romanised otherwise: "Saada" is
    Sa'dah's own name, not another name GeoNames knows it by."""
    return fold(city.name) in own_names or romanised_key(city.name) in own_names


class Gazetteer:
    """Name lookups for cities (most populous first), regions and countries."""

    def __init__(self, data: compiled.Index) -> None:
        self._data = data
        tables = data.tables
        self._country_codes: list[str] = tables["country_codes"]
        self._admin1_codes: list[str] = tables["admin1_codes"]
        self._timezones: list[str] = tables["timezones"]
        self._country_names = {code: name for code, name, _ in tables["countries"]}
        zones = tables["country_zones"]
        countries = [(Region(code, "", name, name, code, zones.get(code, "")), names)
                     for code, name, names in tables["countries"]]
        regions = [(Region(country, code, name, self._country_names.get(country, country), iso,
                           zone), names)
                   for country, code, name, iso, names, zone in tables["regions"]]
        regions.sort(key=lambda pair: pair[0].country != "US")  # US states before namesakes abroad
        self._regions_by_id = {region.place_id: region for region, _ in countries + regions}
        # Every region of a name, US states first: "Plateau" is a state of Nigeria and a
        # department of Benin.
        self._regions_by_name: dict[str, list[Region]] = {}
        # A region's or country's own names: its English name and its ISO 3166 name.
        self._regions_by_own_name: dict[str, Region] = {}
        for region, names in countries + regions:
            for name in names[:2]:
                if fold(name) not in NOT_PLACE_NAMES:
                    self._regions_by_own_name.setdefault(fold(name), region)
        for region, names in countries + regions:
            for name in names:
                if (key := fold(name)) and key not in NOT_PLACE_NAMES:
                    for each in (key, *_region_keys(name, region.country)):
                        self._name_region(each, region)
            if region.country == "US" and region.code:
                self._name_region(fold(region.code), region)
        for abbreviation, code in AP_STATE_ABBREVIATIONS.items():
            if (state := self._regions_by_id.get(f"admin1:US.{code}")) is not None:
                self._name_region(fold(abbreviation), state)
        self._city_of_district = dict(tables["districts"])
        # A country that a US state is named after too ("Georgia"): a town beside the name may
        # be in either, and a story told in the United States means the state.
        countries_by_name = {fold(country.name): country for country, _ in countries}
        self._state_namesakes = {countries_by_name[fold(state.name)].place_id: state
                                 for state, _ in regions
                                 if state.country == "US" and fold(state.name) in countries_by_name}
        self._counties_by_name = {
            key: tuple(County(fips, name, state) for code, fips, name in rows
                       if (state := self._regions_by_id.get(f"admin1:US.{code}")) is not None)
            for key, rows in tables["counties"].items()}
        self._counties_by_id = {county.place_id: county
                                for counties in self._counties_by_name.values() for county in counties}
        # Extraction asks which states have a county of a name for every capitalised name it reads.
        self._county_states_by_name = {key: frozenset(county.state.place_id for county in counties)
                                       for key, counties in self._counties_by_name.items()}
        self._us_states = [region for region in self._regions_by_id.values()
                           if region.country == "US" and region.code]
        # Post towns are made into cities when first asked for: few stories name one.
        self._post_town_rows: dict[str, list[list]] = tables["post_towns"]
        self._post_town_names = {f"{POST_TOWN_ID}{row[1]}": key
                                 for key, rows in self._post_town_rows.items() for row in rows}
        self._post_towns_of_key = lru_cache(maxsize=1 << 12)(self._post_towns_keyed)
        # Extraction asks for the same few hundred names, and places, over and over.
        self._lookup = lru_cache(maxsize=1 << 16)(self._cities)
        self._city = lru_cache(maxsize=1 << 16)(self._unpack)
        self._region_named = lru_cache(maxsize=1 << 16)(self._region_of_name)

    def _name_region(self, key: str, region: Region) -> None:
        named = self._regions_by_name.setdefault(key, [])
        if region not in named:
            named.append(region)

    def _unpack(self, row: int) -> City:
        ident, lat, lon, population, country, admin1, zone = compiled.ROW.unpack_from(
            self._data.rows, row * compiled.ROW.size)
        country_code = self._country_codes[country]
        admin1_code = self._admin1_codes[admin1]
        region_id = f"admin1:{country_code}.{admin1_code}"
        region = self._regions_by_id.get(region_id)
        return City(ident, self._data.city_names[row], country_code, admin1_code,
                    region.name if region else "", lat / compiled.COORDINATE_SCALE,
                    lon / compiled.COORDINATE_SCALE, population, self._timezones[zone], region_id)

    def _cities(self, name: str) -> list[City]:
        """Every city of that name: those whose own name it is, then those it is another name
        of, each the most populous first. A Cyrillic name is also found in
        its case forms ("у Харкові"), a romanised one in its other romanisations."""
        names, offsets = self._data.names, self._data.offsets
        folded = fold(name)
        expanded = _spelled_out(folded)
        keys = [key for key in (names.get(folded), names.get(expanded) if expanded else None) if key is not None]
        if not keys and (key := names.get(slavic_key(name) if is_cyrillic(name) else romanised_key(name))) is not None:
            keys = [key]
        # "St. Joseph" is what some Saint Josephs are also called, and the name of every one.
        rows = dict.fromkeys(row for key in keys[::-1] for row in self._data.postings[offsets[key]:offsets[key + 1]])
        return [self._city(row) for row in rows]

    def post_towns(self, name: str) -> tuple[City, ...]:
        """The US post towns of that name in the states where GeoNames has no city of it
        ("Redding" is Connecticut's town); a country's or US state's name is none."""
        folded = fold(name)
        return self._post_towns_of_key(folded) or self._post_towns_of_key(_spelled_out(folded) or folded)

    def _post_towns_keyed(self, key: str) -> tuple[City, ...]:
        if _household(self._regions_by_own_name.get(key)):
            return ()
        return tuple(City(0, name, "US", code, state.name, lat, lon, 0, zone, state.place_id, zip_code)
                     for code, zip_code, name, lat, lon, zone in self._post_town_rows.get(key, ())
                     if (state := self._regions_by_id.get(f"admin1:US.{code}")) is not None)

    def the_major_city(self, name: str) -> City | None:
        """The one major city whose own name this is: how an outlet names its home
        ("abc7chicago", "WDRB 41 Louisville News")."""
        own_names = _own_name_keys(name)
        majors = [c for c in self.cities(name) if c.population >= MAJOR_CITY and _bears_as_its_own(c, own_names)]
        return majors[0] if len(majors) == 1 else None

    def bears_as_its_own(self, city: City, name: str) -> bool:
        """Whether ``name`` is the city's own name, not one it is only also called."""
        return _bears_as_its_own(city, _own_name_keys(name))

    def cities(self, name: str) -> list[City]:
        """Every city of that name: those whose own name it is, then those it is another name
        of, each the most populous first (a shared list: do not change it)."""
        return self._lookup(name)

    def place_of(self, city: City, mention: str) -> Place:
        """The place a claim in ``city`` is counted at: the city itself, or the city a district
        lies in, with the district named ("Englewood" is Chicago's Englewood)."""
        parent = self._city_of_district.get(city.geonames_id)
        town = self.city_by_id(parent) if parent else None
        if town is None:
            return dataclasses.replace(city.place(mention), name=self._spelling(city, mention))
        return dataclasses.replace(town.place(mention), district=city.name)

    def _spelling(self, city: City, mention: str) -> str:
        """The name a city is shown by: GeoNames' own, except where English copy names a town
        of a country that writes Cyrillic otherwise: in another romanisation of the same sounds
        ("Chuhuiv" for GeoNames' "Chuhuyiv", "Berdiansk" for "Berdyansk"), or by another name
        GeoNames knows it by ("Severodonetsk", the Russian form, for "Siverskodonetsk"; "New
        York" for "Niu-York"): readers search for the name the news uses."""
        if (city.country in CYRILLIC_COUNTRIES and mention.isascii() and not mention.isupper()
                and mention != city.name and (
                    romanised_key(mention) == romanised_key(city.name)
                    or any(named.geonames_id == city.geonames_id for named in self.cities(mention)))):
            return mention
        return city.name

    def pick(self, name: str, *, within: Region | None = None,
             context: frozenset[str] = frozenset(), evidence: bool = False,
             cued: bool = False) -> City | None:
        """The city a name means here, or None.

        - ``within``: the region or country written beside the name ("Paris, Texas") decides,
          and a name it does not hold is no city there;
        - ``context``: else a region the article names (its place id), then a country (its code);
        - else the most populous place that bears the name as its own, then as another name.

        A village (under ``VILLAGE_POPULATION``) needs more than a name: the qualifier, a region
        of the article, ``evidence`` the caller saw ("the village of"), being its own name of
        several words, a Cyrillic spelling in a country that writes Cyrillic, or being ``cued``
        ("in Jefferson") as its own name in a country of the article. Otherwise every
        surname and common word that names a village somewhere would be one. Likewise, in an
        article about known countries, a town elsewhere must be a major city; and a region's
        or country's own name ("Florida", "Maryland"), unless a major city bears it ("San
        Antonio"), means no town abroad, nor a town at home that is only also called so.
        """
        # A major city outranks villages whatever the spelling: "Zaporizhzhia" is the city
        # GeoNames spells Zaporizhzhya, not the hamlet of 656 that bears the name as its own.
        # But a town that bears the name as its own is meant by it: "Puyallup" is the city of
        # 40,000, not Tacoma, which GeoNames also knows by the name of the Puyallup people.
        key, own_names = fold(name), _own_name_keys(name)
        candidates = self.cities(name)
        # A state's post town is what a name means there only where GeoNames has no city of
        # it in that state (the index holds no other), written beside the state or in a story
        # set in it: Redding, Connecticut in a Connecticut story. Most post towns are hamlets,
        # and many bear a word's name (Hope, Accident, Industry): unless the state is written
        # beside it, the text must say it is a place, as for a village. Uncued, it is no
        # namesake in another state either ("a Redding man" in a Connecticut story). But an
        # American city of a million is meant by its name in every state: "killed in Brooklyn"
        # in a Pennsylvania story is New York's, not the Pennsylvania hamlet's.
        post_towns = self.post_towns(name)
        local = _post_town(post_towns, context) if within is None and not any(
            c.population >= WORLD_CITY and c.country == "US" and _bears_as_its_own(c, own_names)
            for c in candidates) else None
        if not candidates:
            return _post_town(post_towns, {within.place_id}) if within is not None else (
                local if cued or evidence else None)
        own_town = any(c.population >= VILLAGE_POPULATION and _bears_as_its_own(c, own_names) for c in candidates)
        candidates = sorted(candidates, key=lambda c: (own_town and not _bears_as_its_own(c, own_names),
                                                       c.population < MAJOR_CITY))
        if within is not None:
            areas = [area for area in (within, self._state_namesakes.get(within.place_id)) if area]
            return next((c for c in candidates for area in areas if c.country == area.country
                         and (not area.code or c.admin1_code == area.code)), None) or _post_town(
                post_towns, {area.place_id for area in areas})
        # Another name of a small place is mostly another language's word for it ("Cobra",
        # "Market") or a person's ("Donny Richard told reporters" is no Ricardo, Texas, which
        # GeoNames also calls Richard): it counts only in the article's region where the text
        # says a place is meant ("in Richard"), or in a country that writes Cyrillic, whose
        # towns English copy names in shifting romanisations.
        # And where a town bears the name as its own, no other place is meant by it:
        # "Philadelphia" is not Amman, whose name it once was.
        # Nor is the name of a major city of the article's country another place's, even in
        # the article's region: "SAO PAULO" in a story of Bahia is the city, not Caatiba,
        # which was once called so.
        countries = _countries_of(context)
        major_own = any(c.population >= MAJOR_CITY and c.country in countries and _bears_as_its_own(c, own_names)
                        for c in candidates)
        candidates = [c for c in candidates if _bears_as_its_own(c, own_names)
                      or (c.region_id in context and not major_own and (cued or evidence)) or (
            not own_town and (c.population >= MAJOR_CITY or c.country in CYRILLIC_COUNTRIES))]
        candidates = [c for c in candidates if not _elsewhere_by_another_name(c, own_names, context)]
        region = self._regions_by_own_name.get(key)
        if region is not None and region.code:
            context = context - {region.place_id}
        # Countries and US states are household names of English copy: "Virginia" is the
        # state, not the South African town, though it is a city of 120,000; a province
        # abroad called Toledo does not hide the Ohio city, and a region of a country the
        # article is not about hides no town (Guernsey's parish of Forest, in a Mississippi story).
        household = _household(region)
        countries = {area for area in context if ":" not in area}
        foreign = region is not None and not household and bool(countries) and region.country not in countries
        if region is not None and not region.code and cued and (
                town := _town_of_the_state(candidates, own_names, context, region.country)):
            return town
        # A major city that is only also called by a household name is not meant by it:
        # "Tornado kills four in Oklahoma" is the state's, not Oklahoma City's, and "Panama" the
        # country; a city of a million is ("New York"). Nor by the name of a region of the
        # story's country: "54 deaths in Bihar" in an Indian story is the state, not Bihar Sharif.
        # The story's by more than that name: "GAZA" puts Mozambique's Gaza province in the
        # context, and that alone makes no story of Mozambique.
        at_home = region is not None and region.country in _countries_of(context)
        if region is not None and not foreign and (household or at_home or (candidates and candidates[0].population < MAJOR_CITY)):
            candidates = [c for c in candidates if c.population >= WORLD_CITY or (c.country == region.country and (
                (c.population >= MAJOR_CITY or not household) and _bears_as_its_own(c, own_names)
                if household or at_home else c.population >= MAJOR_CITY or _bears_as_its_own(c, own_names)))]
        # Nearness to the outlet chooses among the towns of the name, not a town only also
        # called so: the Seattle Times' "near Woodland" is Woodland, Washington, not Lacey
        # (once "Woodland"), though Lacey lies nearer Seattle.
        own = [c for c in candidates if _bears_as_its_own(c, own_names)] or candidates
        if (city := self._near_the_outlet(own, context, evidence or cued)) is not None:
            return city
        if context:
            if (city := next((c for c in candidates if c.region_id in context), None)) is not None:
                return city
            if local is not None:
                return local if cued or evidence else None
            if (city := _on_the_broadcasters_side(candidates, context)) is not None:
                return city
        several_words = " " in key
        cyrillic = not name.isascii() and is_cyrillic(name)
        abroad_needs_major = any(":" not in area for area in context) and not evidence
        groups = ([c for c in candidates if c.country in context], candidates) if context else (candidates,)
        for group in groups:
            for city in group:
                if abroad_needs_major and city.country not in context and city.population < MAJOR_CITY:
                    continue
                if (city.population >= VILLAGE_POPULATION or evidence
                        or ((several_words or (cued and city.country in context)) and _bears_as_its_own(city, own_names))
                        or (cyrillic and city.country in CYRILLIC_COUNTRIES)):
                    return city
        return None

    def _near_the_outlet(self, candidates: list[City], context: frozenset[str], evidence: bool) -> City | None:
        """The namesake nearest the city an outlet is at home in (``home_of`` in the
        ``context``), if one lies within ``NEAR_THE_OUTLET_KM``: a Cincinnati station's
        "Highland Heights" is the Kentucky suburb across the river, not the Ohio one by
        Cleveland. A village needs the ``evidence`` a town needs elsewhere ("in" before it)."""
        homes = [home for area in context if area.startswith(_HOME)
                 and (home := self.city_by_id(int(area.removeprefix(_HOME)))) is not None]
        near = [(compiled.km(city, home), city) for city in candidates for home in homes
                if city.population >= VILLAGE_POPULATION or evidence]
        distance, city = min(near, key=lambda pair: pair[0], default=(None, None))
        return city if distance is not None and distance <= NEAR_THE_OUTLET_KM else None

    def prefixes(self, text: str) -> list[str]:
        """The folded names that ``text`` (already folded) begins with."""
        return self._data.names.prefixes(text)

    def region_by_own_name(self, name: str) -> Region | None:
        """A first-level region or country by its English or ISO 3166 name only."""
        return self._regions_by_own_name.get(fold(name))

    def region(self, name: str, context: frozenset[str] = frozenset()) -> Region | None:
        """A first-level region (by name, or a US state by postal code or AP abbreviation) or a
        country (by name); of several of one name, the one in a country of ``context`` (country
        codes), else one it holds (place ids): "Plateau" in a Nigerian story is the state, not
        Benin's department. In a story about the United States (``context`` holds "US") the state a
        country's name also names ("Georgia")."""
        named = self._region_named(name)
        if not named:
            return None
        countries = {area for area in context if ":" not in area}
        region = next((r for r in named if r.country in countries), None) or next(
            (r for r in named if r.place_id in context), named[0])
        if "US" in context:
            return self._state_namesakes.get(region.place_id, region)
        return region

    def _region_of_name(self, name: str) -> list[Region]:
        by_name = self._regions_by_name
        return by_name.get(fold(name)) or by_name.get(
            slavic_key(name) if is_cyrillic(name) else romanised_key(name)) or []

    def us_states(self) -> list[Region]:
        """The fifty states and the District of Columbia."""
        return list(self._us_states)

    def counties(self, name: str) -> tuple[County, ...]:
        """Every US county or parish of this name ("Delaware County", in six states; "Henry
        Co."); none if no county bears it."""
        return self._counties_by_name.get(_county_key(name), ())

    def county_states(self, name: str) -> frozenset[str]:
        """The US states (place ids) with a county or parish of this name; none if no county
        bears it."""
        return self._county_states_by_name.get(_county_key(name), frozenset())

    def county_state(self, name: str) -> Region | None:
        """The US state a county's name ("Onslow County") places a story in: the one state with
        a county of that name (Georgia and Ohio both have a Paulding County)."""
        counties = self.counties(name)
        return counties[0].state if len(counties) == 1 else None

    def county(self, name: str, *, within: Region | None = None,
               context: frozenset[str] = frozenset()) -> County | None:
        """The county a name means: the one in the state written beside it ("Rock County,
        Wis."), else the one of a state the article is about, else the one of the state the
        outlet is at home in (Houston's station's "Harris County sheriff's deputies" are
        Texas's, not Georgia's), else the only one of that name. A name several states have
        and nothing tells apart is no county: its state is not guessed."""
        counties = self.counties(name)
        if within is not None:
            return next((c for c in counties if c.state.place_id == within.place_id), None)
        if len(counties) > 1:
            counties = (tuple(c for c in counties if c.state.place_id in context)
                        or tuple(c for c in counties if c.state.place_id in self._home_states(context)))
        return counties[0] if len(counties) == 1 else None

    def _home_states(self, context: frozenset[str]) -> set[str]:
        """The states (place ids) of the cities the ``context`` says the outlet is at home in."""
        return {city.region_id for place_id in homes_in(context)
                if (city := self.city_by_place_id(place_id)) is not None}

    def county_by_place_id(self, place_id: str) -> County | None:
        return self._counties_by_id.get(place_id)

    def is_part_of(self, town: Place, city: Place) -> bool:
        """Whether a town a story about ``city`` names is one of that city's neighbourhoods or
        inner suburbs, which GeoNames lists as towns of their own (Chicago's South Shore,
        Indianapolis's Broad Ripple): a village or more, in the city's region, a fifth of its size
        at most, within the radius its people would fill at a suburb's density."""
        small, big = self.city_by_place_id(town.id), self.city_by_place_id(city.id)
        return (small is not None and big is not None and self._within_reach(small, big)
                and VILLAGE_POPULATION <= small.population <= big.population / compiled.DISTRICT_RATIO)

    def lies_in(self, town: Place, city: Place) -> bool:
        """Whether ``town`` lies inside the greater ``city``, whatever its size: Brooklyn in New
        York City, a suburb in its metropolis."""
        small, big = self.city_by_place_id(town.id), self.city_by_place_id(city.id)
        return (small is not None and big is not None and small.population < big.population
                and self._within_reach(small, big))

    def is_hamlet_in(self, town: Place, city: Place) -> bool:
        """Whether ``town`` is a place of under ``VILLAGE_POPULATION`` people inside the greater
        ``city``: a neighbourhood GeoNames lists on its own (Baltimore's Mondawmin), or a
        hamlet the city's police answer for."""
        small = self.city_by_place_id(town.id)
        return small is not None and small.population < VILLAGE_POPULATION and self.lies_in(town, city)

    @staticmethod
    def _within_reach(small: City, big: City) -> bool:
        return (small.region_id == big.region_id
                and compiled.km(small, big) <= compiled.reach_km(big, SUBURB_PEOPLE_PER_KM2))

    def city_by_place_id(self, place_id: str) -> City | None:
        """The city or US post town of a place id; None for any other place."""
        kind, _, ident = place_id.partition(":")
        if kind == "geonames":
            return self.city_by_id(int(ident))
        key = self._post_town_names.get(place_id)
        return next((town for town in self._post_towns_of_key(key) if town.place_id == place_id), None) if key else None

    def city_by_id(self, geonames_id: int) -> City | None:
        ids = self._data.ids
        at = bisect.bisect_left(ids, geonames_id)
        if at < len(ids) and ids[at] == geonames_id:
            return self._city(self._data.id_rows[at])
        return None

    def city_of_region(self, region: Region) -> City | None:
        """The city a first-level region is, where it is one ("in Southeast D.C.")."""
        city_id = _CITY_REGIONS.get(region.place_id)
        return self.city_by_id(city_id) if city_id is not None else None

    def place_of_county(self, county: County, mention: str) -> Place:
        """The place a claim in a county is counted at: the county, or the city where the two
        are one ("Orleans Parish" is New Orleans, "Kings County" Brooklyn)."""
        city_id = _CITY_COUNTIES.get(county.place_id)
        city = self.city_by_id(city_id) if city_id is not None else None
        return self.place_of(city, mention) if city is not None else county.place(mention)

    def region_by_place_id(self, place_id: str) -> Region | None:
        """The region or country of that id, or the region a locality's id places it in."""
        if place_id.startswith(LOCALITY_ID):
            place_id = "admin1:" + place_id[len(LOCALITY_ID):].partition(":")[0]
        return self._regions_by_id.get(place_id)

    def country_name(self, code: str) -> str | None:
        return self._country_names.get(code)

    def __len__(self) -> int:
        return len(self._data.city_names)

    def major_cities(self) -> Iterator[City]:
        """The cities of a hundred thousand people or more, most populous first."""
        return self.towns(MAJOR_CITY)

    def towns(self, population: int = VILLAGE_POPULATION) -> Iterator[City]:
        """The places of at least ``population`` people, most populous first."""
        for row in range(len(self)):
            city = self._unpack(row)
            if city.population < population:
                return
            yield city


# The FCC gives broadcasters west of the Mississippi K call letters and those east of it W.
# A station's story that names a town many states share means the one on its side: KTVU's
# Richmond is in California, WRAL's Smithfield in North Carolina. Minnesota and Louisiana lie
# on both banks; their stations are mostly K.
WEST_OF_THE_MISSISSIPPI = frozenset(
    "AK AR AZ CA CO HI IA ID KS LA MN MO MT ND NE NM NV OK OR SD TX UT WA WY".split())
BROADCASTER_WEST, BROADCASTER_EAST = "fcc:K", "fcc:W"

# An outlet's home city, in a story's context: "home:4508722" is Cincinnati's station's.
_HOME = "home:"
# First-level regions that are one city: the District of Columbia is Washington.
_CITY_REGIONS = {"admin1:US.DC": 4140963}
# Counties and parishes one with their city, by their place ids: the consolidated city-counties
# (the county's government is the city's, and its towns are the city's neighbourhoods), and
# the five counties of New York City, each a borough.
_CITY_COUNTIES = {
    "county:US.22071": 4335045,  # Orleans Parish: New Orleans
    "county:US.22033": 4315588,  # East Baton Rouge Parish: Baton Rouge
    "county:US.21067": 4297983,  # Fayette County, Ky.: Lexington
    "county:US.21111": 4299276,  # Jefferson County, Ky.: Louisville
    "county:US.13245": 4180531,  # Richmond County, Ga.: Augusta
    "county:US.13059": 4180386,  # Clarke County, Ga.: Athens
    "county:US.13215": 4188985,  # Muscogee County, Ga.: Columbus
    "county:US.13021": 4207400,  # Bibb County, Ga.: Macon
    "county:US.47037": 4644585,  # Davidson County, Tenn.: Nashville
    "county:US.18097": 4259418,  # Marion County, Ind.: Indianapolis
    "county:US.12031": 4160021,  # Duval County, Fla.: Jacksonville
    "county:US.20209": 4273837,  # Wyandotte County, Kan.: Kansas City
    "county:US.42101": 4560349,  # Philadelphia County: Philadelphia
    "county:US.06075": 5391959,  # San Francisco County: San Francisco
    "county:US.08031": 5419384,  # Denver County: Denver
    "county:US.36047": 5110302,  # Kings County: Brooklyn
    "county:US.36005": 5110266,  # Bronx County: the Bronx
    "county:US.36081": 5133273,  # Queens County: Queens
    "county:US.36061": 5125771,  # New York County: Manhattan
    "county:US.36085": 5139568,  # Richmond County, N.Y.: Staten Island
}
# How far from an outlet's home its local news reaches: a metropolitan area and its suburbs.
NEAR_THE_OUTLET_KM = 80


def _town_of_the_state(candidates: list[City], own_names: frozenset[str], context: frozenset[str],
                       country: str) -> City | None:
    """The town of a ``country``'s name that the one US state a story is set in has: "a boy
    shot near his home in Denmark" in a story of the Bamberg County coroner is Denmark, South
    Carolina's. A story set in several states, or abroad, keeps the country; the country
    itself, which the name was first read as ("300 South 500 West in Lebanon" in a "BOONE
    COUNTY, Ind." story), sets the story abroad no more than the name does."""
    states = [area for area in context if area.startswith("admin1:US.")]
    if len(states) != 1 or any(":" not in area and area not in ("US", country) for area in context):
        return None
    return next((c for c in candidates if c.region_id == states[0] and _bears_as_its_own(c, own_names)), None)


def _elsewhere_by_another_name(city: City, own_names: frozenset[str], context: frozenset[str]) -> bool:
    """Whether the name is only another name of a city outside the US states a story is set
    in, abroad or one of under a million people: in a Wichita story "One killed, six injured
    in Old Town shooting" is Wichita's Old Town, not Las Vegas, which GeoNames also calls so, and a Hawaii
    story's "shot Friday morning in Puna" is the island's district, not Pune. An American city
    of a million is meant by another name in every state ("New York" is New York City's)."""
    states = [area for area in context if area.startswith("admin1:US.")]
    return (bool(states) and city.region_id not in states and (city.population < WORLD_CITY or city.country != "US")
            and not _bears_as_its_own(city, own_names))


def _countries_of(context: Collection[str]) -> set[str]:
    """The countries (codes) of a context's countries and regions."""
    return {area.partition(":")[2].partition(".")[0] if ":" in area else area for area in context}


def _household(region: Region | None) -> bool:
    """Whether a region is a country or a US state, whose names English copy knows (see
    ``Gazetteer.pick``)."""
    return region is not None and (not region.code or region.country == "US")


def _post_town(towns: tuple[City, ...], areas: Collection[str]) -> City | None:
    """The first of ``towns`` in one of the ``areas`` (place ids)."""
    return next((town for town in towns if town.region_id in areas), None)


def home_of(city_place_id: str) -> str:
    """The context entry saying an outlet is at home in the city of this place id."""
    return _HOME + city_place_id.removeprefix("geonames:")


def homes_in(context: frozenset[str]) -> list[str]:
    """The place ids of the cities the ``context`` says the outlet is at home in."""
    return ["geonames:" + area.removeprefix(_HOME) for area in context if area.startswith(_HOME)]


def _on_the_broadcasters_side(candidates: list[City], context: frozenset[str]) -> City | None:
    """The most populous US town of a name on the side of the Mississippi a broadcaster's call
    letters name, unless a city of a million bears it: Phoenix is Arizona's for every station."""
    west = BROADCASTER_WEST in context
    if not (west or BROADCASTER_EAST in context) or not candidates or candidates[0].population >= WORLD_CITY:
        return None
    return next((c for c in candidates if c.country == "US" and c.population >= VILLAGE_POPULATION
                 and (c.admin1_code in WEST_OF_THE_MISSISSIPPI) == west), None)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer. The first use on a machine compiles the index (about half a
    minute); every later process opens it in a fraction of a second."""
    return Gazetteer(compiled.load(Settings.from_env().home, NOT_PLACE_NAMES))
