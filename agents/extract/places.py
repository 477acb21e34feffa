"""Which place a claim is about.

Names are found as runs of capitalised words looked up in the gazetteer. A name counts as a
place when something in the text says so: a preposition before it ("in Kharkiv"), a state or
country after it ("Springfield, Ill."), the headline or the dateline. A claim takes the place
its own sentence names that way, else the article's place.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from agents.enrich.gazetteer import LOCALITY_ID, MAJOR_CITY, VILLAGE_POPULATION, Gazetteer, Region, fold, is_town
from agents.enrich.names import slavic_key
from agents.extract.people import NO_NAMES, NOT_A_CITY_AFTER, STREET_AFTER, STREET_OF_WORDS_AFTER, Names
from streams.records import UNKNOWN_PLACE, Place

_CAPITAL = "[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐЁ]"
# Possessive: what may follow a name's letters (white space, a comma) is none of them, so giving
# them back never makes a match, and the engine is spared trying it at every capital.
_CAPITALISED = rf"{_CAPITAL}[\w'’.-]*+"
# The small words inside a name: "Rio de Janeiro", "Dar es Salaam", "Mar del Plata".
_PARTICLE = r"(?:de|do|da|dos|das|del|di|du|des|la|es|el)"
_NAME_RUN = re.compile(rf"{_CAPITALISED}(?:(?:\s+{_PARTICLE})?\s+{_CAPITALISED}){{0,3}}")
_WORD_OF_RUN = re.compile(r"\S+")
_LOWER_CASE = re.compile(r"[a-zа-яіїєґ]")
_CUE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|of|from|to|into|across|around"
    r"|в|у|біля|поблизу|під|по|на|з|із|около|возле|под)\s+(?:the\s+)?$", re.I)
# An attack's target is where it happened: "a drone attack on Odesa", "troops shelled Kherson" ("struck"
# and "hit" take people too: "the gun went off, struck Victoria").
_TARGET_BEFORE = re.compile(
    r"\b(?:(?:attacks?|strikes?|raids?|assaults?|shelling|bombardment|bombing|barrage)\s+on|shelled|bombed|pounded)\s+$",
    re.I)
# Words that say where something happened: "in Jefferson", not "a man from Jefferson".
_WHERE_BEFORE = re.compile(r"\b(?:in|near|outside)\s+$", re.I)
# "in the Sugar Grove area": where it happened, as "in Sugar Grove" says.
_IN_THE_BEFORE = re.compile(r"\b(?:in|near)\s+the\s+$", re.I)
_AREA_AFTER = re.compile(r"\s+area\b")
# "the Englewood neighborhood" is a neighbourhood called so; without "the", as headlines
# write, the name is the town a neighbourhood of it lies in: "Teen shoots himself in Bluffton
# neighborhood", "shot in a Bluffton neighborhood".
_NEIGHBOURHOOD_AFTER = re.compile(r"\s+neighbou?rhood\b")
_POSSESSIVE_IN = re.compile(r"['’]s\b")
_TOWNS_NEIGHBOURHOOD_BEFORE = re.compile(r"\b(?:(?:in|near|outside)|(?:in|near|outside)?\s*an?)\s+$", re.I)
# The city a part of a city is named a part of: "the Juniata section of Philadelphia".
_OWNER_AFTER = re.compile(
    r"\s+(?:neighbou?rhood|section|area|district|community)\s+of\s+([A-Z][\w'’-]*(?:[^\S\n]+[A-Z][\w'’-]*){0,2})")
# Words after which a place is one the story passes by, not where a claim happened: "Mayci
# Breaux, 21, of Franklin", "a man from Jefferson", "flown to Nashville", "at Bartlett".
_ASIDE_BEFORE = re.compile(
    r"\b(?:(?<!village\s)(?<!town\s)(?<!city\s)(?<!hamlet\s)(?<!settlement\s)(?<!island\s)of|from|to|into|at)\s+(?:the\s+)?$",
    re.I)
# A person's address: "Andre Lacaze, of the 13900 block of South School Street in Riverdale"
# names where he lived, as "of Riverdale" does.
_ADDRESS_BEFORE = re.compile(r"\bof\s+the\s+\d+\s+block\s+of\s+(?:[A-Z0-9][\w.'’-]*\s+){1,5}in\s+$")
# Where someone lives is their home, as "of Burnham" is: "Dewayne Purnell, who lived in the 14000
# block of Marquette Avenue in Burnham", "his mother, who lives in Troy".
_LIVES_BEFORE = re.compile(
    r"\b(?:lived|lives|living|resided|resides|residing)\s+(?:in|near)\s+"
    r"(?:the\s+\d+\s+block\s+of\s+(?:[A-Z0-9][\w.'’-]*\s+){1,5}in\s+)?(?:the\s+)?$")
# Where a suspect was caught: "Suspect in armory shooting arrested in Detroit", "arrested late
# Tuesday near Texas City". The words between name no crime ("arrested for a robbery in Yonkers").
_ARREST_BEFORE = re.compile(
    r"\b(?:arrested|captured|apprehended|caught|detained|extradited|taken\s+into\s+custody)"
    r"(?:\s+(?!for\b|after\b|in\b|of\b|with\b|during\b)[\w'’-]+){0,3}\s+(?:in|near|outside|at)\s+(?:the\s+)?$",
    re.I)
# Where the wounded were taken or a suspect is held: "a hospital in Putnam", "the jail in
# Dayton", "drove themselves to hospitals in Vineland", "the Medical Examiner's Office in
# Louisville" names the hospital's town, not where the
# story happened; so does the town of a hospital named by its name where the wounded were
# taken: "transported to Palestine Regional Medical Center and then to Trinity Mother Frances in
# Tyler", "flown to St. Mary's in Huntington".
_TAKEN_TO = r"(?:airlifted|flown|taken|rushed|transported|transferred|and\s+then)\s+to\s+"
_INSTITUTION_BEFORE = re.compile(
    r"\b(?:hospitals?(?:\s+cent(?:er|re)s?)?|medical\s+cent(?:er|re)s?|trauma\s+cent(?:er|re)s?|clinics?|jails?|courthouse"
    r"|courts?|detention\s+cent(?:er|re)s?|(?:medical\s+examiner|coroner)['’]?s?\s+office|morgue|crime\s+lab(?:oratory)?)"
    r"\s+(?:in|at|of|near)\s+(?:the\s+)?$"
    rf"|\b{_TAKEN_TO}$"  # "an infant was airlifted to Jackson"
    rf"|\b{_TAKEN_TO}(?-i:(?:[A-Z][\w'’.&-]*\s+){{1,6}})in\s+$", re.I)
_INSTITUTION_REACH = 80
# "35 miles northeast of Oklahoma City", "20 km from Kharkiv": a landmark the story measures
# from, which the place lies away from.
_DISTANCE_BEFORE = re.compile(
    r"\b(?:miles?|kilometers?|kilometres?|km)\s+(?:(?:north|south)?(?:east|west)?(?:ward)?\s+)?(?:of|from)\s+(?:downtown\s+)?$",
    re.I)
# ... unless the violence happened there: "a fire at a migrant detention centre in Ciudad Juarez",
# "a riot at a jail in Tamara", "an air strike on a hospital in Khan Younis", "attacks on a
# wedding, a funeral and a hospital in Gwoza".
_SCENE_BEFORE = re.compile(
    r"\b(?:fires?|blaze|blasts?|explosions?|attacks?|strikes?|raids?|shootings?|bombings?|riots?|stampede|shelling)"
    r"\s+(?:at|on|in)\s+(?:an?|the)\s+(?:[\w'’-]+,?\s+){0,8}$", re.I)
_SCENE_REACH = 60
# "a Jackson hospital": the town of the hospital the wounded were taken to; "the Miami U.S.
# attorney's office": the town of the federal prosecutors who charge the suspect.
_INSTITUTION_AFTER = re.compile(r"\s+(?:hospital|medical\s+cent(?:er|re)|trauma\s+cent(?:er|re)|jail"
                                r"|U\.\s?S\.\s+[Aa]ttorney|[Ff]ederal\s+[Cc]ourt)\b")
# "the Chatham neighborhood", "the Juniata section of Philadelphia", "the Orchards area of
# Vancouver": a part of a city, which the city's name or the story's city places, not a town
# of its own that a namesake elsewhere would be.
_PART_OF_A_CITY_AFTER = re.compile(r"\s+(?:neighbou?rhoods?|section\b|(?:area|district|community)\s+of\s+[A-Z])")
# "Fort Worth man shot while hunting near Azle": the town a person is from, not where it happened.
_PERSON_AFTER = re.compile(
    r"\s+(?:man|woman|men|women|boy|girl|teen|teens|teenager|couple|residents?|natives?|mother|father"
    r"|mom|dad|family|student|toddler|infant|baby)\b")
# Countries whose every settlement of a few hundred people the gazetteer holds (GeoNames
# cities500 lists nearly every incorporated US place, the post towns the rest): a name it
# lacks there, beside a state, is a person's or a word's ("Friday, Pennsylvania"), not a
# settlement of its own.
# Elsewhere villages under 500 people are many ("Mykilske, Kherson") and kept by name.
SETTLEMENTS_ALL_KNOWN = frozenset({"US"})
# "the 5900 block of South Peoria": a street named after a town.
_BLOCK_BEFORE = re.compile(r"\bblock\s+of\s+(?:(?:north|south|east|west|[NSEW]\.?)\s+)?$", re.I)
# Streets that meet: "the intersection of Poydras and Bolivar", "the corner of Baltimore and
# McHenry" name two streets, no town.
_CORNER_BEFORE = re.compile(r"\b(?:[Ii]ntersection|[Cc]orner)\s+of\s+(?:(?:[A-Z0-9][\w.'’-]*\s+){1,4}(?:and|&)\s+)?$")
# ... and written before the word: "near the Genesee and Eller intersection" names two streets,
# not Genesee, New York.
_CORNER_AFTER = re.compile(r"\s+(?:(?:and|&)\s+(?:[A-Z0-9][\w.'’-]*\s+){1,4}(?:intersection|corner)|intersection)\b")
# "Hamilton Twp.", "Washington Township": a township named after a place, no region (Bermuda's
# parish of Hamilton, the state of Washington).
_TOWNSHIP_AFTER = re.compile(r"\s+(?:Township|Twp)\b")
# Words that say the name before them is a region's ("the Kharkiv region", "Донецькій області").
# "Zamfara state" (but not "Ohio State University").
_REGION_AFTER = re.compile(
    r"\s+(?:(?i:region|oblast|province|governorate|prefecture|област[ьіи])|[Ss]tate(?![^\S\n]+[A-Z]))\b")
# The words before a region's name that say it is one: "the state of Bahia". Shared with the
# reading of where a claim happened, which needs the same words.
REGION_OF = r"(?:region|province|state|governorate|prefecture)\s+of\s+$"
_REGION_BEFORE = re.compile(rf"\b{REGION_OF}", re.I)
# A feature named after a town is no town ("Memphis Street", "Jackson High"), but an airport lies
# at the city it is named after: "a mass shooting at the Fort Lauderdale Airport".
_AIRPORT_AFTER = re.compile(r"\s+(?:International\s+)?Airport\b")
# A town's own police say it is a town, however small: "Waxhaw Police officer".
_POLICE_AFTER = re.compile(r"\s+(?:Police|police)\b")
# A district of a country that names its districts after their seats: "collided in Balasore
# district", "a gorge in Raigad district". Its seat is the nearest place the gazetteer holds.
_DISTRICT_AFTER = re.compile(r"\s+district\b")
# Words that say the next name is a settlement: a village is then taken for what it is.
_SETTLEMENT_BEFORE = re.compile(
    r"\b(?:village|town|city|settlement|hamlet|island)\s+of\s+$|(?:сел[оіа]|селищ[еіа]|смт|селе|посёлк[еа]|поселк[еа])\s+$", re.I)
_QUALIFIER_AFTER = re.compile(rf"\s*[,(]\s*(?P<qualifier>(?:[A-Z]\.){{1,2}}[A-Z]?\.?|{_CAPITALISED}(?:[^\S\n]+{_CAPITALISED})?)")
# A crawled headline often ends with the outlet's name: "... - WMC Action News 5 - Memphis,
# Tennessee", "... :: WRAL.com", or its city alone after a bar: "... slain 10-year-old girl |
# Dayton, OH". That names the station's city, not the story's.
_SITE_TAIL = re.compile(
    r"\s+(?:[-|–—:]{1,2})\s+(?=[^-|–—]*(?:\bNews\b|\bTV\b|\.com\b|Channel|\bRadio\b|\bFox\s*\d|\b[KW][A-Z]{2,3}\b"
    r"|Tribune|Times|Herald|Gazette|Journal|Post\b|Press|Daily|Weather))"
    r"|\s+\|\s+(?=[A-Z][\w .'’-]*,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*$)"
)


_ADMINISTRATIVE = re.compile(r"\s(?:County|Parish|Borough|Township)$")
# A consolidated city and county is named after both: "Athens-Clarke County" is Athens, Georgia.
_CITY_COUNTY = re.compile(r"\w-[A-Z][\w'’.]*\s(?:County|Parish)$")
# A US county's name as copy writes it: "Rock County", "Tangipahoa Parish", "Henry Co.", and
# in a dateline "BROWN COUNTY, Wis.".
_COUNTY = re.compile(r"\s(?:County|Parish|Co|COUNTY|PARISH)$")


def headline_story_end(headline: str) -> int:
    """Where the story's headline ends and the outlet's name begins (the length if it does not)."""
    match = _SITE_TAIL.search(headline)
    return match.start() if match else len(headline)
# A dateline's dash may be typed as two hyphens: "BAYTOWN -- Investigators searched".
_DATELINE = re.compile(r"\s*(?P<name>[A-Z][A-Z .'’-]+?)\s*(?:,|\(|—|–| - | -- )")
_PARAGRAPH = re.compile(r"\n\s*")
_DATELINE_REACH = 1500
_DATELINE_PARAGRAPHS = 6
_POSSESSIVE = ("'s", "’s")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    place: Place
    is_city: bool
    cued: bool
    qualified: bool = False  # a state or country was written beside it
    aside: bool = False  # "of", "from", "to" before it: no claim moves there
    home: bool = False  # a person's home town, not where it happened: "Fort Worth man"


def _strip(word: str) -> str:
    """The name a word or words (no line break in them) are: no final period or comma, no
    possessive."""
    word = word.rstrip(".,")
    return word[:-2] if word.endswith(_POSSESSIVE) else word


def mentions(text: str, start: int, end: int, gazetteer: Gazetteer,
             context: frozenset[str] = frozenset(), names: Names = NO_NAMES) -> list[Mention]:
    """Every place named in ``text[start:end]``, longest names first, in order. ``context``
    holds the countries (codes) and regions (place ids) the article is about; ``names``
    what it tells of the people it names, whose names are no places. In text written in
    capitals ("AT SOME POINT, SHOTS WERE FIRED") only a cued name is a place."""
    found: list[Mention] = []
    shouted = _LOWER_CASE.search(text, start, end) is None
    if shouted:  # every word is capitalised: capitals tell no names apart
        names = dataclasses.replace(names, capitals_tell=False)
    for run in _NAME_RUN.finditer(text, start, end):
        if found and run.start() < found[-1].end:
            continue  # the qualifier of the place just found
        words = [(m.start(), m.end()) for m in _WORD_OF_RUN.finditer(run.group())]
        i = 0
        while i < len(words):
            if names.follows_a_name(text, run.start() + words[i][0]) or run.group()[words[i][0]].islower():
                i += 1
                continue
            for j in range(len(words), i, -1):
                s, e = run.start() + words[i][0], run.start() + words[j - 1][1]
                name = _strip(text[s:e])
                e = s + len(name)
                one_word = j == i + 1
                following = run.group()[words[j][0]:words[j][1]] if j < len(words) else ""
                person = one_word and (fold(name) in names.surnames or (
                    names.is_surname(following) and not _may_follow_a_place(following)
                    and not NOT_A_CITY_AFTER.match(text, e)))
                common = one_word and (name.lower() in names.lower_words or name.lower() in _CLOSED_CLASS
                                       or (bool(names.lower_stems) and slavic_key(name) in names.lower_stems)
                                       or name.lower() in _SEASONS)
                mention = _resolve(text, s, e, name, gazetteer, context, person, common,
                                   inside_a_name=names.capitals_tell and _names_more(following))
                # In text of lower case, a name in capitals that another word in capitals
                # follows, and nothing cues, is a byline's ("notifications on KYLE ODEGARD
                # daily"), not a town.
                byline = name.isupper() and following.isalpha() and following.isupper()
                if mention is not None and (mention.cued or not (shouted or byline)):
                    found.append(mention)
                    i = j
                    break
            else:
                i += 1
    return found


# English words that stand for people or things already told of, capitalised only where they
# open a sentence: "Many have asked for an address" names no Many, Louisiana.
_CLOSED_CLASS = frozenset(
    """
    many some several most few all both each every either neither other others another such none
    these those this that there here they we you it he she his her their our its
    """.split()
)


# The seasons, which copy capitalises in a headline, a term's name ("Spring semester") or a
# sentence's first word: a town of the name (Spring, Texas) is meant only after "in" or "near".
_SEASONS = frozenset({"spring", "summer", "fall", "autumn", "winter"})


# Capitalised words that may follow a place's name and leave it the place: "in Dallas
# Tuesday", "in Chicago Police custody".
_AFTER_A_PLACE = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december police sheriff fire
    """.split()
)


def _may_follow_a_place(following: str) -> bool:
    """Whether a capitalised word, as written after a name (a sentence's period, a comma),
    leaves the name a place's: "shot in Memphis Sunday."."""
    return following.lower().rstrip(".,") in _AFTER_A_PLACE


def _names_more(following: str) -> bool:
    """Whether the capitalised word after a place's name makes a longer name of something
    else: "the Hawthorne Heights Apartments", "at Algonquin Parkway". A possessive counts too:
    "in Chicago's Austin" is cued as Austin's, and the police's city settles it."""
    return bool(following) and not _may_follow_a_place(following)


def regions_named(text: str, gazetteer: Gazetteer, names: Names = NO_NAMES,
                  hints: frozenset[str] = frozenset()) -> frozenset[str]:
    """The first-level regions (place ids) named anywhere in ``text``, spelled out: a state
    the story names deep down still tells which of two namesakes its town is, and that its
    towns are in the US, as a US county does ("Delaware County", of six states). Where the
    ``hints`` already set the story in the US, a country a state is named after is the state
    ("the Georgia Bureau of Investigation"), and so it is where the story's own counties or
    states do ("DeKalb County police ... Georgia")."""
    named = _regions_read(text, gazetteer, names, "US" in hints)
    return _regions_read(text, gazetteer, names, True) if "US" in named and "US" not in hints else named


def _regions_read(text: str, gazetteer: Gazetteer, names: Names, in_the_us: bool) -> frozenset[str]:
    found: set[str] = set()
    shared: frozenset[str] | None = None  # the states that have a county of every name named
    for run in _NAME_RUN.finditer(text):
        for word, places, checked, county_states in _regions_in_run(run.group(), gazetteer, in_the_us):
            if not checked or not names.follows_a_name(text, run.start() + run.group().find(word)):
                found |= places
            if county_states:
                shared = county_states if shared is None else shared & county_states
    # "Williamson County" is in Texas, Tennessee and Illinois, "Caldwell County" in Texas,
    # Kentucky, Missouri and North Carolina: a story that names both is in Texas.
    return frozenset(found) | (shared if shared is not None and len(shared) == 1 else frozenset())


_IN_THE_US = frozenset({"US"})


@lru_cache(maxsize=1 << 14)
def _regions_in_run(run: str, gazetteer: Gazetteer,
                    in_the_us: bool) -> tuple[tuple[str, frozenset[str], bool, frozenset[str]], ...]:
    """What a run of capitalised words says of where a story is: each region it names (the
    longest name of at most three words at a word) with the word its name begins at, whether a
    person's name must not come before that word, and for a county several states have, those
    states. Stories repeat the same runs ("Police", "Chicago Police Department"), so each is
    read once."""
    words = run.split()
    found = []
    for i in range(len(words)):
        for j in range(min(len(words), i + 3), i, -1):
            name = _strip(" ".join(words[i:j]))
            if len(name) < 4 or name.isupper():
                continue
            region = gazetteer.region_by_own_name(name) or gazetteer.county_state(name)
            if region is not None and not region.code and in_the_us:
                region = gazetteer.region(name, _IN_THE_US)
            if region is not None and region.code:
                # A US state is a household name of English copy: it says the story is in the
                # US. A region abroad is often also a word or a name ("Diana", "Santa Ana"):
                # it says only which namesake a town of it is.
                longer = _strip(" ".join(words[i:j + 1])) if j < len(words) else ""
                if longer and any(c.region_id != region.place_id for c in gazetteer.cities(longer)):
                    break  # "Kansas City" is Missouri's too, "Michigan City" Indiana's
                if j < len(words) and STREET_AFTER.match(" " + words[j]):
                    break
                us = {"US"} if region.country == "US" else set()
                found.append((words[i], frozenset({region.place_id} | us), True, frozenset()))
                break
            if states := gazetteer.county_states(name):
                found.append((words[i], frozenset({"US"}), False, states))
                break
    return tuple(found)


@lru_cache(maxsize=1024)
def _words_before(text: str, start: int) -> tuple[bool, bool, bool, bool, bool]:
    """Whether the words before a name cue a place ("in", "of"), a settlement ("the village
    of"), where something happened ("in", "near"), a name that is not the story's town (a
    hospital's or jail's: "a hospital in"; a street's: "the 5900 block of", "the corner of
    Baltimore and"; a landmark's: "35 miles northeast of") and a place aside ("of", "from",
    a person's address, where a suspect was caught). Kept while an article is read:
    ``mentions`` tries every name a run of words starting at one place may be, and
    ``read_places`` may read the same spans twice."""
    return (bool(_CUE_BEFORE.search(text[max(0, start - 12):start]) or _TARGET_BEFORE.search(text, max(0, start - 16), start)),
            bool(_SETTLEMENT_BEFORE.search(text[max(0, start - 24):start])),
            bool(_WHERE_BEFORE.search(text, max(0, start - 10), start)),
            bool(_institution_before(text, start)
                 or _DISTANCE_BEFORE.search(text, max(0, start - 40), start)
                 or _BLOCK_BEFORE.search(text, max(0, start - 20), start)
                 or _CORNER_BEFORE.search(text, max(0, start - 60), start)),
            bool(_ASIDE_BEFORE.search(text, max(0, start - 12), start)
                 or _ADDRESS_BEFORE.search(text, max(0, start - 80), start)
                 or _LIVES_BEFORE.search(text, max(0, start - 90), start)
                 or _ARREST_BEFORE.search(text, max(0, start - 60), start)))


def _institution_before(text: str, start: int) -> bool:
    """Whether the name at ``start`` is the town of a hospital's, a jail's or a court's that
    is not where the violence happened."""
    institution = _INSTITUTION_BEFORE.search(text, max(0, start - _INSTITUTION_REACH), start)
    return institution is not None and not _SCENE_BEFORE.search(
        text, max(0, institution.start() - _SCENE_REACH), institution.start())


def _resolve(text: str, s: int, e: int, name: str, gazetteer: Gazetteer,
             context: frozenset[str], person: bool = False, common: bool = False,
             dateline: bool = False, inside_a_name: bool = False) -> Mention | None:
    """The place a name at ``text[s:e]`` means, if any. A ``person``'s name is one only
    when a state or country is written beside it, or "the village of" before it; a
    ``common`` word (one the article also writes in lower case: "Surprise", "Temple") also
    when "in" or "near" goes before it. A ``dateline`` says where as surely as "in" does;
    the town of a hospital or jail ("taken to a hospital in Putnam") is none of the story's.
    A name ``inside_a_name`` ("at the Hawthorne Heights Apartments") is not what the words
    before the whole name point at."""
    region, qualified_end = _qualifying_region(_QUALIFIER_AFTER.match(text, e), gazetteer)
    county = gazetteer.county(name, within=region, context=context) if _COUNTY.search(name) else None
    # Most capitalised words name no place anywhere: only the qualifier can then make one.
    # A region known only with its kind written: "Van province" (not "Van", a word).
    known = (county is not None or bool(gazetteer.cities(name)) or bool(gazetteer.post_towns(name))
             or gazetteer.region(name) is not None or ((kind := _REGION_AFTER.match(text, e)) is not None
                                                       and gazetteer.region(text[s:kind.end()]) is not None))
    if (_PART_OF_A_CITY_AFTER.match(text, e) and not _district_of_a_region(text, e, gazetteer)
            and not _towns_neighbourhood(text, s, e, name)):
        return _part_of_a_city(text, s, e, name, gazetteer, context)
    if not known and region is None:
        return None  # told before the words before it are read, which costs more
    if _words_before(text, s)[3] or _INSTITUTION_AFTER.match(text, e) or _CORNER_AFTER.match(text, e):
        return None
    if county is not None:
        cued, *_, aside = _words_before(text, s)
        place = gazetteer.place_of_county(county, name)
        return Mention(s, qualified_end if region is not None else e, place, not is_county(place),
                       cued and not inside_a_name, region is not None, aside)
    if known:
        mention = _known_place(text, s, e, name, gazetteer, context, region, person, common,
                               dateline, inside_a_name)
        if mention is not None:
            return mention
    # "Mykilske, Kherson": a place we cannot pin, in a region we can; but not in a region abroad
    # that shares a name with a town at home ("Sports, Toledo, OH" in a US station's tail).
    # Where the gazetteer holds every settlement, only "in" or "near" makes the unknown name
    # one ("killed in Waynesville, Indiana", an unincorporated community), not a word
    # ("Friday, Pennsylvania").
    if region is not None and (region.country in context or not any(":" not in area for area in context)):
        if region.code and (region.country not in SETTLEMENTS_ALL_KNOWN
                            or (_words_before(text, s)[2] and not _COUNTY.search(name))):
            return Mention(s, qualified_end, region.locality(name), True, True, True)
        return _region_mention(s, qualified_end, region, name, True, gazetteer)
    return None


def _district_of_a_region(text: str, e: int, gazetteer: Gazetteer) -> bool:
    """Whether the name ending at ``e`` is a district of a first-level region, not a part of a
    city: "in Balasore district of Odisha state"."""
    owner = _OWNER_AFTER.match(text, e) if _DISTRICT_AFTER.match(text, e) else None
    return owner is not None and gazetteer.pick(owner[1]) is None and gazetteer.region(owner[1]) is not None


def _part_of_a_city(text: str, s: int, e: int, name: str, gazetteer: Gazetteer,
                    context: frozenset[str]) -> Mention | None:
    """The city a neighbourhood is named a part of, its city's possessive before it
    ("Baltimore's Brooklyn neighborhood", "Chicago's Austin neighborhood") or the city after it
    ("the Juniata section of Philadelphia"): the city, written beside the neighbourhood's name
    as surely as a state would be, so that the story's bare "Brooklyn" is Baltimore's too. A
    part of a city named without its city is no place."""
    owner, _, part = name.rpartition("'s ") if "'s " in name else name.rpartition("’s ")
    if not owner and (after := _OWNER_AFTER.match(text, e)):  # "the Juniata section of Philadelphia"
        owner, part = after[1], name
    city = gazetteer.pick(owner, context=context, cued=True) if owner and part else None
    if city is None:
        return None
    cued, *_, aside = _words_before(text, s)
    return Mention(s, e, dataclasses.replace(gazetteer.place_of(city, owner), mention=part), True, cued, True, aside)


def _region_mention(s: int, e: int, region: Region, name: str, cued: bool, gazetteer: Gazetteer) -> Mention:
    """A region's mention, or its city's where the region is one city: "a girl shot in
    Southeast D.C." is in Washington."""
    if (city := gazetteer.city_of_region(region)) is not None:
        return Mention(s, e, gazetteer.place_of(city, name), True, cued)
    return Mention(s, e, region.place(name), False, cued)


def _known_place(text: str, s: int, e: int, name: str, gazetteer: Gazetteer,
                 context: frozenset[str], region: Region | None, person: bool,
                 common: bool, dateline: bool, inside_a_name: bool) -> Mention | None:
    """The city or region a name the gazetteer knows means here, given the ``region`` its
    qualifier names, if any."""
    cued, settlement, where, _, aside = _words_before(text, s)
    home = bool(_PERSON_AFTER.match(text, e))
    where = where or bool(_AREA_AFTER.match(text, e) and _IN_THE_BEFORE.search(text, max(0, s - 12), s))
    cued, where = (cued or dateline) and not inside_a_name, (where or dateline) and not inside_a_name
    kind = _REGION_AFTER.match(text, e)
    if kind and (named := gazetteer.region(name, context) or gazetteer.region(text[s:kind.end()], context)):
        return Mention(s, kind.end(), named.place(name), False, True)  # "the Odesa region", "Van province"
    if _REGION_BEFORE.search(text, max(0, s - 16), s) and (named := gazetteer.region(name, context)) is not None:
        return Mention(s, e, named.place(name), False, True)  # "the state of Bahia"
    if (person or (common and not cued)) and region is None and not settlement:
        return None
    administrative = _ADMINISTRATIVE.search(name) and not _CITY_COUNTY.search(name)
    towns_neighbourhood = _towns_neighbourhood(text, s, e, name)
    city = (None if (NOT_A_CITY_AFTER.match(text, e) and not (_DISTRICT_AFTER.match(text, e) or _AIRPORT_AFTER.match(text, e)
                                                              or towns_neighbourhood))
            or administrative
            else gazetteer.pick(name, within=region, context=context,
                                evidence=settlement or bool(_POLICE_AFTER.match(text, e)), cued=where))
    if city is not None and towns_neighbourhood and city.population < VILLAGE_POPULATION:
        return None  # "2 shot in Russell neighborhood" of a Louisville station: Louisville's Russell
    if city is not None and _DISTRICT_AFTER.match(text, e) and (city.country == "US" or city.country not in context):
        return None  # a US city's "Warehouse district" is a part of it, a district abroad none we know
    if (city is not None and region is None and city.population < VILLAGE_POPULATION
            and (named := gazetteer.region(name, context)) and named.code and named.country == city.country
            and named.country in context and city.region_id != named.place_id):
        # a region of the story's country outranks a village of its name in another region:
        # "Gunmen in Michoacán" are in the state, not a hamlet of Chiapas
        return _region_mention(s, e, named, name, cued, gazetteer)
    if city is not None and kind and city.country not in context:
        return None  # a region the gazetteer does not hold, named after no town of the story's country:
        # "Northern Samar province" is not Samar, a village in Ukraine ("the Big Bend region" of a
        # Texas story is Big Bend's)
    if city is not None:
        return Mention(s, e, gazetteer.place_of(city, name), True, cued or settlement or region is not None,
                       region is not None, aside or home, home)
    named_after = (STREET_AFTER.match(text, e) or STREET_OF_WORDS_AFTER.match(text, e)
                   or _TOWNSHIP_AFTER.match(text, e))  # a street's ("Bay Oaks Drive") or a township's name
    region_named = None if named_after else gazetteer.region(name, context)
    agrees = region is None or region_named is None or region.country == region_named.country
    # A feature named after a region abroad in a story at home (a "High School" or "Park" of
    # an American town named like an Irish county) is named after a town at home, not the region.
    countries = {area for area in context if ":" not in area}
    if region_named is not None and countries and region_named.country not in countries and NOT_A_CITY_AFTER.match(text, e):
        return None
    if region_named is not None and len(name) > 2 and agrees:
        return _region_mention(s, e, region_named, name, cued, gazetteer)
    return None


def _towns_neighbourhood(text: str, s: int, e: int, name: str) -> bool:
    """Whether the name at ``text[s:e]`` may be a town's that a neighbourhood is said to lie
    in ("in Bluffton neighborhood", "a Bluffton neighborhood"), not a neighbourhood's own ("the
    Englewood neighborhood", "Baltimore's Brooklyn neighborhood"). Headlines drop "the" before
    a neighbourhood's own name too, so only a town is taken so (see ``_known_place``)."""
    return bool(_NEIGHBOURHOOD_AFTER.match(text, e) and not _POSSESSIVE_IN.search(name)
                and _TOWNS_NEIGHBOURHOOD_BEFORE.search(text, max(0, s - 16), s))


def _qualifying_region(qualifier: re.Match[str] | None,
                       gazetteer: Gazetteer) -> tuple[Region | None, int]:
    """The region a qualifier names, and where its words end: "Donetsk" in "New York,
    Donetsk. Two civilians..."."""
    if qualifier is None:
        return None, 0
    start, words = qualifier.start("qualifier"), qualifier["qualifier"].split()
    for count in range(len(words), 0, -1):
        # A dateline's dash may follow the state's abbreviation without a space: "NAPLES, Fla.-".
        written = " ".join(words[:count]).rstrip("-")
        if count < len(words) and _COUNTY.search(" " + words[count]):
            continue  # "Chester, Delaware County": a county of some state, not Delaware
        if (region := gazetteer.region(written) or gazetteer.county_state(written)) is not None:
            return region, start + len(written)
    return None, 0


def dateline_city(text: str, body_start: int, gazetteer: Gazetteer,
                  hints: frozenset[str] = frozenset()) -> Place | None:
    """The city of a wire dateline ("KHARKIV, March 2 (Reuters) -", "SPRINGFIELD, Ill. -"),
    read in the light of the areas the outlet is at home in and the story names ("YORK -" in
    a story about the York County coroner), or the county of one that names a county and its
    state ("ROCK COUNTY, Wis. -"). A crawled page often puts a timestamp line or a photo
    caption first: the dateline opens one of the first paragraphs."""
    starts = [body_start] + [m.end() for m in _PARAGRAPH.finditer(
        text, body_start, body_start + _DATELINE_REACH)][:_DATELINE_PARAGRAPHS]
    context: frozenset[str] | None = None
    for start in starts:
        if (match := _DATELINE.match(text, start)) is None:
            continue
        name = match["name"].strip()
        # Only a name several places bear, or a village, needs the story's regions to be read.
        towns = gazetteer.cities(name) + list(gazetteer.post_towns(name))
        if context is None and (len(towns) > 1 or (towns and towns[0].population < VILLAGE_POPULATION)):
            context = hints | regions_named(text, gazetteer, hints=hints)
        mention = _resolve(text, match.start("name"), match.end("name"), name,
                           gazetteer, hints if context is None else context, dateline=True)
        if mention is not None and (mention.is_city or (is_county(mention.place) and mention.qualified)):
            return mention.place
    return None


# "Chicago Police said", "the Baton Rouge Police Department", "Memphis police": the city whose
# police speak for a story is where it happened, whatever its dateline names (DNAinfo heads
# its Chicago stories "AUSTIN —", after the neighbourhood).
# It opens with the capital and checks the character before it just after (as "(?<![\w'’.-])"
# would before it), so the engine skips from capital to capital: 1.7x faster.
_POLICE_OF = re.compile(rf"(?P<name>{_CAPITAL}(?<![\w'’.-]{_CAPITAL})[\w'’.-]*+(?:[^\S\n]+{_CAPITALISED}){{0,2}})"
                        r"[^\S\n]+(?:[Pp]olice\b(?![^\S\n]+(?:[Ss]tation|[Dd]istrict|[Pp]recinct))"
                        # a city's own sheriff, where city and county are one: "the Jacksonville Sheriff's Office"
                        r"|Sheriff['’]s[^\S\n]+Office\b"
                        # a city's department of police and fire: "a Pittsburgh Public Safety spokeswoman"
                        r"|Public[^\S\n]+Safety\b)")

_FORMER_BEFORE = re.compile(r"\b(?:retired|former|ex-)\s*$", re.I)


# City police departments American copy names by their initials alone, with the city each
# serves: only forces whose initials no other city's force uses ("APD" is a dozen cities').
_CITY_FORCES = {
    "NYPD": "New York City", "LAPD": "Los Angeles", "SFPD": "San Francisco", "NOPD": "New Orleans",
    "IMPD": "Indianapolis", "LMPD": "Louisville", "CMPD": "Charlotte", "KCPD": "Kansas City",
    "SLMPD": "St. Louis", "MNPD": "Nashville", "SAPD": "San Antonio", "LVMPD": "Las Vegas",
    "OKCPD": "Oklahoma City", "FWPD": "Fort Worth", "SDPD": "San Diego", "JSO": "Jacksonville",
}
# Three capitals first, which most positions fail at once, before the dozen and a half names.
_CITY_FORCE = re.compile(r"(?=[A-Z]{3})\b(?:" + "|".join(_CITY_FORCES) + r")\b")


def police_names(text: str) -> list[str]:
    """The names before every "police" of the text, most often written first: "Officer Jose
    Estrada, a Chicago Police spokesman" gives "Chicago"; which city each is, the article's
    place decides (``article_place``). A police station or district is a part of a city's
    force named after its part of town ("the Bayview Police Station"), no town's police; a
    city's force known by its initials ("IMPD") gives its city."""
    names: Counter[str] = Counter()
    for match in _POLICE_OF.finditer(text):
        if match["name"].endswith("."):
            continue  # "at Stroger Hospital. Police said": a sentence ends before them
        words = match["name"].split()
        if any(word.lower() in NOT_A_POLICE_CITY for word in words):
            continue  # "DeKalb County Police", "State Police": no town's
        if any(f"{match['name']} County {police}" in text for police in ("police", "Police")):
            continue  # "Nassau Police Lt. LeBrun" of a story of the Nassau County police
        if _FORMER_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "a retired Tampa police captain" speaks for no police of the story
        for first in range(len(words)):
            names[_strip(" ".join(words[first:]))] += 1
    for match in _CITY_FORCE.finditer(text):  # "IMPD said", "an LMPD spokesman"
        names[_CITY_FORCES[match.group()]] += 1
    return [name for name, _ in names.most_common()]


def _police_city(names: list[str], named: Place, gazetteer: Gazetteer,
                 hints: frozenset[str]) -> Place | None:
    """The city of the first police name that is one, read in the light of the article's
    place: "Richmond police" in a story about Richmond, Indiana are that Richmond's."""
    own_names = {fold(named.name), fold(named.mention), _MUNICIPALITY_KIND.sub("", fold(named.name))}
    if any(fold(name) in own_names for name in names):
        return named  # "Hamilton police" of "Hamilton Township, New Jersey"
    context = set(hints)
    state = _state_of(named, gazetteer)
    if (city := gazetteer.city_by_place_id(named.id)):
        context |= {city.country, city.region_id}
    elif state is not None:
        context |= {named.country, state.place_id}
    elif named.id.startswith("country:"):
        context |= {named.country, named.id}
    # A story that names no town of its own is the town's whose police speak in it, however
    # small ("Campbellsville police said"), and within the state or county's state it names, if
    # it names one; a village of another state than the outlet's is no more than a namesake
    # ("Howland police" on an Ohio station are not Howland, Maine's).
    unplaced = not is_town(named.id)
    regions = {area for area in context if area.startswith("admin1:")}
    for name in names:
        city = gazetteer.pick(name, within=state, context=frozenset(context), evidence=unplaced)
        # A force named after a major city is that city's, not a village's of the story's state
        # that was once also so called ("Louisville police", "LMPD" are not Morris, New York's).
        if city is not None and not gazetteer.bears_as_its_own(city, name):
            city = gazetteer.the_major_city(name) or city
        if city is None or (unplaced and regions and city.region_id not in regions
                            and city.population < VILLAGE_POPULATION):
            continue
        if city.region_id not in regions and gazetteer.county_states(f"{name} County") & regions:
            continue  # "DeKalb police" in a Georgia story are DeKalb County's, not DeKalb, Illinois's
        return gazetteer.place_of(city, name)
    return None


# The kind of a municipality its name may end with: "Hamilton Township" is Hamilton's.
_MUNICIPALITY_KIND = re.compile(r" (?:township|borough|village|city)$")


def _state_of(place: Place, gazetteer: Gazetteer) -> Region | None:
    """The first-level region a region's, county's or locality's place is, or lies in."""
    if (county := gazetteer.county_by_place_id(place.id)) is not None:
        return county.state
    return gazetteer.region_by_place_id(place.id) if place.id.startswith(("admin1:", LOCALITY_ID)) else None


NOT_A_POLICE_CITY = frozenset({"state", "county", "parish", "borough", "township", "military",
                               "transit", "university", "capitol", "park", "metro", "tribal", "hospital",
                               "airport", "school", "college", "railroad", "harbor", "port"})


def article_place(headline: list[Mention], body: list[Mention], dateline: Place | None,
                  gazetteer: Gazetteer, title_case: bool = False, hints: frozenset[str] = frozenset(),
                  outlet: Place | None = None, police: list[str] | None = None,
                  linked: Callable[[], Place | None] = lambda: None) -> Place:
    """The place an article is about: the dateline's city, the headline's (only a cued one
    in a title-case headline), the city the body names most (names it puts something in
    counting first, then those it says someone is of or from: "21, of Mundelein"), the place
    its address names (``linked``, read only then) where that is no other state's or country's than the
    regions it names, a region or country, the city the ``outlet`` is at home in, else
    unknown.

    Where the ``hints`` say which countries the outlet is at home in, a name abroad that
    nothing cues is a person's or a word's ("Patrick", "Same"), not the story's place. The
    city whose ``police`` (their names, from ``police_names``) the story quotes overrules a place in another state or country, or
    in that city ("AUSTIN —" over a story of the Chicago Police is Chicago's Austin)."""
    named = _named_place(headline, body, dateline, title_case, hints, outlet, linked)
    if outlet is not None and gazetteer.is_part_of(named, outlet):
        # a neighbourhood of the outlet's own city ("Broad Ripple" in an Indianapolis paper)
        named = dataclasses.replace(outlet, district=named.district or named.name, mention=named.mention)
    police = _police_city(police or [], named, gazetteer, hints)
    if police is None or named.id == police.id:
        return named
    # A town the story only names or datelines yields to the one whose police speak ("at a
    # Jackson hospital ... Meridian police"; "INDIANAPOLIS — ... Beech Grove police said"), not
    # one it puts the story in ("in Glendale") or a borough of theirs ("Brooklyn", whatever
    # "New York police" say).
    if gazetteer.is_part_of(named, police) or gazetteer.is_hamlet_in(named, police):
        return dataclasses.replace(police, district=named.district or named.name, mention=named.mention)
    if gazetteer.lies_in(named, police):
        return named
    cued = any(m.cued and m.place.id == named.id for m in headline + body)
    # "One teen killed in Aynor" on a South Carolina paper: police of another state (a crawled
    # link's "Austin police arrest ...") do not move a story its headline says happened in a
    # town of the outlet's state. Elsewhere the police's city may hold a neighbourhood of the
    # name ("Teen shot in Austin" over a Chicago Police story).
    if (not _same_area(named, police) and _in_the_outlets_state(named, gazetteer, hints)
            and any(_happened_in(m) and m.place.id == named.id for m in headline)):
        return named
    if named.id == UNKNOWN_PLACE.id or not _same_area(named, police) or (
            named.admin1 == police.admin1 and not (is_town(named.id) and cued)):
        return police
    return named


def _happened_in(mention: Mention) -> bool:
    """Whether the words before a mention say it happened there ("killed in Aynor"), not
    that someone is from there or passed by it."""
    return mention.is_city and mention.cued and not mention.aside and not mention.home


def _in_the_outlets_state(place: Place, gazetteer: Gazetteer, hints: frozenset[str]) -> bool:
    city = gazetteer.city_by_place_id(place.id)
    return city is not None and city.region_id in hints


def _named_place(headline: list[Mention], body: list[Mention], dateline: Place | None,
                 title_case: bool, hints: frozenset[str], outlet: Place | None,
                 linked: Callable[[], Place | None]) -> Place:
    if dateline is not None:
        return dateline
    countries = {area.partition(":")[2].partition(".")[0] if ":" in area else area for area in hints}
    headline = [m for m in headline if _may_be_the_story(m, countries) and not _abroad_in_the_headline_only(m, body, countries)]
    body = [m for m in body if _may_be_the_story(m, countries)]
    for mention in headline:
        if mention.is_city and not mention.home and (mention.cued or not title_case):
            return mention.place
    # A headline's "Fort Worth man" counts as the body's towns do.
    cities = [m for m in body if m.is_city] + [m for m in headline if m.home]
    if cities:
        tally = Counter(((m.cued, m.cued and not m.aside), m.place) for m in cities)
        # Among towns named as often, the outlet's own city: a city paper's roundup that names
        # the city and a suburb once each is the city's.
        best = max(tally.items(), key=lambda item: (item[0][0], item[1], outlet is not None and item[0][1].id == outlet.id))
        return best[0][1]
    # A county says more than its state, and a state more than its country: "a hunter in Rock
    # County, Wisconsin" is Rock County's, "in Nigeria's Zamfara state" Zamfara's.
    regions = sorted((m for m in headline + body if not m.is_city),
                     key=lambda m: (not is_county(m.place), m.place.id.startswith("country:")))
    if (address := linked()) is not None and all(_holds(m.place, address) for m in regions):
        return address
    return regions[0].place if regions else outlet or UNKNOWN_PLACE


def _holds(region: Place, place: Place) -> bool:
    """Whether a place may lie in a region the story names: its country, or its state (a
    county's, too: which county a town is in the gazetteer does not say)."""
    if region.id.startswith("country:"):
        return place.country == region.country
    return (place.country, place.admin1) == (region.country, region.admin1)


def is_county(place: Place) -> bool:
    return place.id.startswith("county:")


# "Fulton County police", "Bedford Co. deputies", "Tangipahoa Parish": the capitalised words
# before a county's kind, of which the county's name is the longest tail that names one. The
# first word is written apart from the others: a pattern that opens with a capital lets the
# engine skip from capital to capital, one that opens with a repeat tries every position (2.5x).
_COUNTY_WRITTEN = re.compile(rf"({_CAPITALISED}[^\S\n]+(?:{_CAPITALISED}[^\S\n]+){{0,2}})(?:County|Parish|Co\.)")


def counties_written(text: str, gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
    """The names (folded, their kind left off) of the US counties the text writes out, each
    with the states (place ids) that have a county of that name: "Fulton County" gives
    {"fulton": the eight states with a Fulton County}."""
    found: dict[str, frozenset[str]] = {}
    for match in _COUNTY_WRITTEN.finditer(text):
        words = match[1].split()
        for first in range(len(words)):
            name = " ".join(words[first:])
            if states := gazetteer.county_states(f"{name} County"):
                found[fold(_strip(name))] = states
                break
    return found


def in_a_county_state(found: list[Mention], counties: dict[str, frozenset[str]], gazetteer: Gazetteer,
                      context: frozenset[str] = frozenset()) -> list[Mention]:
    """``found`` with each town whose bare name is that of a county the story writes out
    (``counties_written``) read as its namesake in a state that has such a county: a story of
    "Bedford County" deputies that says "in Bedford" means Bedford, Virginia, not Bedford,
    Texas, whose state has none; the most populous such namesake, of the state of the
    ``context`` that has such a county if one does. A state's or country's name ("Washington")
    says more than a county's, and a town written with its state is left as written. In a
    story set in one US state, a county of that state is read so whether or not it is written
    out: "a DeKalb apartment complex" in a Georgia story is DeKalb County's, not DeKalb,
    Illinois."""
    us_states = frozenset(area for area in context if area.startswith("admin1:US."))
    if not counties and len(us_states) != 1:
        return found
    return [_in_a_county_state(m, counties, gazetteer, context, us_states) for m in found]


def _in_a_county_state(mention: Mention, counties: dict[str, frozenset[str]], gazetteer: Gazetteer,
                       context: frozenset[str], us_states: frozenset[str]) -> Mention:
    name = mention.place.mention
    states = counties.get(fold(name)) or (
        gazetteer.county_states(f"{name} County") & us_states
        if len(us_states) == 1 and not _read_as_a_major_city(mention, gazetteer) else None)
    # A post town is taken only in the story's own state already: GeoNames' towns alone here.
    if (not states or not mention.is_city or mention.qualified or not mention.place.id.startswith("geonames:")
            or gazetteer.region_by_own_name(name) is not None):
        return mention
    here = states & context
    wanted = here or states
    city = gazetteer.city_by_place_id(mention.place.id)
    if city is None or city.region_id in wanted:
        return mention
    namesakes = [c for c in gazetteer.cities(name) if c.region_id in wanted and gazetteer.bears_as_its_own(c, name)]
    if namesakes:
        return dataclasses.replace(mention, place=gazetteer.place_of(namesakes[0], name))
    # No town of the name in the county's state: the name is the county's ("Burke" of a story
    # of Burke County, North Carolina, which has no town so called).
    county = gazetteer.county(f"{name} County", context=here) if len(here) == 1 else None
    return dataclasses.replace(mention, place=county.place(name), is_city=False) if county else mention


def _read_as_a_major_city(mention: Mention, gazetteer: Gazetteer) -> bool:
    """Whether a name is read as a major city's, which a county's unwritten name does not
    outweigh: "Richmond" is Virginia's capital in a story the Georgia county is not written in."""
    city = gazetteer.city_by_place_id(mention.place.id)
    return city is not None and city.population >= MAJOR_CITY


def as_named_in_full(found: list[Mention], named: list[Mention]) -> list[Mention]:
    """``found`` with each bare name read as the place the story also ``named`` in full: as a
    county of another state than the town's ("Pasco 13-year-old" beside "Pasco County,
    Florida" is not Pasco, Washington), then with its state or country ("in Waynesville" after
    "Waynesville, Indiana" is Indiana's, though the gazetteer knows only North Carolina's)."""
    counties = {_COUNTY.sub("", m.place.name): m for m in named if is_county(m.place)}
    qualified = {m.place.mention: m for m in named if m.qualified}
    return [_in_full(_in_full(m, counties.get(m.place.mention), county=True), qualified.get(m.place.mention))
            for m in found] if counties or qualified else found


def _in_full(mention: Mention, full: Mention | None, county: bool = False) -> Mention:
    if full is None or mention.qualified or full.place.id == mention.place.id:
        return mention
    if county and not (mention.is_city and full.place.admin1 != mention.place.admin1):
        return mention  # a town in its own county's state is most likely that county's town
    return dataclasses.replace(mention, place=dataclasses.replace(full.place, mention=mention.place.mention),
                               is_city=full.is_city)


def _abroad_in_the_headline_only(mention: Mention, body: list[Mention], countries: set[str]) -> bool:
    """Whether a headline's town lies abroad, the body never names it and names towns at
    home instead: a headline's short name or nickname for a town at home ("Gunfire in the Hub"
    over a story of Boston's streets) that some town abroad also bears."""
    return (bool(countries) and mention.is_city and mention.place.country not in countries
            and all(m.place.id != mention.place.id for m in body)
            and any(m.is_city and m.place.country in countries for m in body))


def _may_be_the_story(mention: Mention, countries: set[str]) -> bool:
    return mention.cued or not countries or mention.place.country in countries


# "In Syria, more than 3,300 people have been killed": a region or country that opens a
# sentence sets where all of it happened.
_OPENING_CUE = re.compile(r"(?:In|Across|Throughout|Inside|Elsewhere\s+in)\s+")


def opening_place_at(sentence: str, start: int) -> int | None:
    """Where a place named at the opening of the sentence (starting at ``start``) would begin,
    if the sentence opens with the word that sets one."""
    cue = _OPENING_CUE.match(sentence)
    return start + cue.end() if cue else None


def claim_place(sentence_mentions: list[Mention], article: Place, gazetteer: Gazetteer,
                opening: int | None = None) -> Place:
    """A city or county the sentence itself points at ("in Kyiv", "in Rock County"), else the
    article's place. A place the sentence only passes by ("a man from Jefferson", "21, of
    Franklin") moves no claim. A region or country that opens the sentence (at ``opening``,
    from ``opening_place_at``) and does not hold the article's place moves it there: "In
    Syria, more than 3,300 were killed" in a story of Turkey's earthquake.

    A bare name only moves a claim within the article's own state or country: "in Austin"
    in a Chicago story is the Austin neighbourhood, not Austin, Texas. A name the article's
    place also bears is the article's place ("Springfield" in a story datelined Springfield,
    Ill.), and so is a neighbourhood of the article's city that GeoNames lists as a town ("in
    South Shore" in a Chicago story) or as a hamlet inside it ("in Manayunk" in a Philadelphia
    story, not a place of its own beside the city)."""
    for mention in sentence_mentions:
        if (mention.start == opening and mention.cued
                and not (mention.is_city or mention.aside or is_county(mention.place))
                and not _holds(mention.place, article)):
            return mention.place
        # A county moves no claim of a town's story: the town is the more precise, and most
        # likely in that county (Cook County's Chicago); unless the county's state, written
        # beside it, is another ("in Marshall County, Miss." in a Memphis story).
        county = is_county(mention.place) and (not is_town(article.id) or (
            mention.qualified and mention.place.admin1 != article.admin1))
        if not ((mention.is_city or county) and mention.cued) or mention.aside:
            continue
        if (mention.place.name == article.name or gazetteer.is_part_of(mention.place, article)
                or gazetteer.is_hamlet_in(mention.place, article)):
            return mention.place if mention.place.district else article
        if gazetteer.lies_in(article, mention.place):  # "police in New York" of a Brooklyn story
            return article
        if mention.qualified or article.id == UNKNOWN_PLACE.id or _same_area(mention.place, article):
            return mention.place
    return article


def _holds(region: Place, place: Place) -> bool:
    """Whether a country or first-level region holds the place."""
    return region.country == place.country and (region.id.startswith("country:") or region.admin1 == place.admin1)


def _same_area(place: Place, article: Place) -> bool:
    if place.country != article.country:
        return False
    return place.country != "US" or not article.admin1 or place.admin1 == article.admin1
