"""The extract stage: an article in, one report per casualty claim out.

Pure: the state (what this article said last time) comes in and goes out explicitly, so the
Faust agent and ``wirewatch process`` run exactly this code.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from agents.enrich.gazetteer import MAJOR_CITY, WORLD_CITY, Gazetteer, is_town, load_gazetteer
from agents.extract.anchors import anchors, block_streets
from agents.extract.article import publication_time, story_day
from agents.extract.context import areas, outlet_areas, outlet_city, read_places, usage_areas
from agents.extract.figures import INJURED, KILLED, VICTIMS, Figure, dead_named, some_of_those_hurt_died
from agents.extract.language import article_language
from agents.extract.link import address_states, link_place
from agents.extract.numbers import Count
from agents.extract.scope import (is_background, is_court_story, is_crash_casualty, is_earlier_count,
                                  is_earlier_incident, is_roundup, is_statistic, own_part, ranks_among_others,
                                  recall_starts)
from agents.extract.places import (
    REGION_OF,
    SETTLEMENTS_ALL_KNOWN,
    Mention,
    article_place,
    claim_place,
    dateline_city,
    headline_story_end,
    is_county,
    opening_place_at,
    police_names,
)
from agents.extract.readers import Reader, reader_for
from agents.extract.text import HEADLINE_SEPARATOR, Sentence, article_text, is_title_case, sentences, without_boilerplate
from agents.extract.when import When, day_in, scene_day, today_in, when
from streams.records import Article, Place, Report

EXTRACTOR_VERSION = "extract/0.2"
OPENING_SENTENCES = 3
# The anchors that tell one incident from others at a place; a surname alone does not.
_TELLING_ANCHORS = ("named:", "child:", "street:", "venue:")
_WORDS_IN_A_SENTENCE = 6
# The wire's events too: "Gunmen abducted 287 pupils from a school in Kuriga in Kaduna state".
# What struck where, in an opening sentence: "A Russian drone hit a school in Sumy", "a grenade
# was thrown at a restaurant in Hamburg".
_HAPPENED_IN = re.compile(r"\b(?:happened|occurred|took\s+place|shooting|shootout|stabbing|attacks?|homicide|murder|killings?"
                          r"|raids?|strikes?|blasts?|explosions?|bombings?|clashes|fighting|abduct(?:ed|ion)|kidnapp(?:ed|ing)"
                          r"|hit|struck|exploded|thrown|drones?|missiles?|rockets?|grenades?|earthquake|quake"
                          r"|collapsed|capsized|sank|crashed)\b"
                          r"[^.;]{0,40}?\b(?:(?:in|near|outside|off)\s+(?:the\s+)?"
                          # "capsized off the Italian island of Lampedusa", "in the village of Kuriga"
                          r"|(?:in|on|off|near)\s+the\s+(?:[\w-]+\s+){0,2}?(?:island|village|town|city)\s+of\s+)$", re.I)
_HAPPENED_REACH = 60
_IN_BEFORE = re.compile(r"\bin\s+$", re.I)
# A capitalised word after a state's name makes it part of another name: "Washington Park".
_NAME_GOES_ON = re.compile(r"[^\S\n]+[A-Z]")
_JOINT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# The headline words of a story that follows a killing up where no event kind is named: "Helena
# teen appears on homicide charge", "Police Identified 2-year-old Murdered Victim", "Ja'Don
# Johnson Obituary" (English).
_FOLLOW_UP = re.compile(r"\b(?:homicides?|killings?|slayings?|murder(?:s|ed)?|shootout|funerals?|vigils?"
                        r"|memorials?|obituary)\b", re.I)


@dataclass(slots=True)
class ArticleSeen:
    """What extract remembers of an article id: the content it last read, its revision, the
    reports that revision emitted and those of every revision before, which it retracted (id
    and place, so a retraction reaches them), and the fingerprints of every earlier revision."""

    fingerprint: str
    revision: int
    version_time: str | None
    reports: list[tuple[str, str]] = field(default_factory=list)
    withdrawn: list[tuple[str, str]] = field(default_factory=list)
    earlier: list[str] = field(default_factory=list)
    language: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> ArticleSeen:
        seen = cls(**data)
        seen.reports = [tuple(pair) for pair in seen.reports]  # type: ignore[misc]
        seen.withdrawn = [tuple(pair) for pair in seen.withdrawn]  # type: ignore[misc]
        return seen


@dataclass(slots=True)
class Extraction:
    seen: ArticleSeen
    reports: list[Report]


def fingerprint(article: Article) -> str:
    """What tells one version of an article from another: its text and its version time. A
    later version is a revision even when its text is one read before (a correction taken
    back, or an update of the time alone), so the latest version is what counts, and a
    version older than it arriving late is refused."""
    version = article.updated_at or article.published_at or ""
    return hashlib.sha1(f"{version}\n{article_text(article)}".encode("utf-8")).hexdigest()


def _report_id(article_id: str, revision: int, start: int, end: int) -> str:
    return hashlib.sha1(f"{article_id}|{revision}|{start}|{end}".encode()).hexdigest()[:20]


def total(found: list[Figure], kind: str) -> Count | None:
    """A sentence's figure of one kind.

    Counts apart in one sentence mostly tell the same people twice ("four were killed ...
    raising an earlier toll of two after two more bodies were recovered"): the largest stands.
    "Others" add to it ("two were shot and wounded, three others grazed"). People told of one
    by one add up among themselves ("a man was shot in the leg, another man was struck ...").
    A figure the sentence revises stands revised ("later revised the figure to five").
    """
    of_kind = [f for f in found if f.kind == kind]
    if not of_kind:
        return None
    if revised := [f for f in of_kind if f.revised]:
        return Count(revised[-1].value, revised[-1].low, revised[-1].high, None)
    people = sum(f.value for f in of_kind if f.individual)
    counts = [f for f in of_kind if not (f.individual or f.others)]
    best = max(counts, key=lambda f: f.value) if counts else None
    # A count after the shooter's own death sums up the dead, the shooter among them: "kills
    # wife, self in spree that left 4 dead".
    others = sum(f.value for f in of_kind if f.others and not (f.own_death and best and best.start > f.start))
    counted = best.value if best else 0
    if best is None or others or people > counted + others:
        value = max(counted, people) + others  # "killed his wife and then himself": two
        return Count(value, value, value, None)
    return Count(best.value, best.low, best.high, best.qualifier)


def _killed_beside(found: list[Figure], dead_one_by_one: int) -> Count | None:
    """A sentence's dead, with those the story told of one by one before when its own are told
    as also killed: "Kenneth Mills was shot and killed ... German Booker, a customer at the
    shop, was also killed" are two dead. A count is no one told one by one: "two were killed
    ... Booker was also killed" stays two."""
    killed = total(found, KILLED)
    told = [f for f in found if f.kind == KILLED]
    if killed is None or not dead_one_by_one or not all(f.individual and f.also for f in told):
        return killed
    value = dead_one_by_one + killed.value
    return Count(value, value, None, None)


def _another_named_dead(dead_before: int) -> Count:
    """A sentence's dead where it tells one more person dead by another name than those the
    story told dead before: "Edwin Bryant was shot ... where he was pronounced dead. Edward
    suffered gunshot wounds ... where he was pronounced dead" are two dead; "Gomez later died
    from his injuries ... Although McLees died during the altercation", two. At least so many:
    a count may tell more."""
    value = dead_before + 1
    return Count(value, value, None, None)


def _another_incident_told(story: list[Sentence], start: int, end: int, reader: Reader) -> bool:
    """Whether a sentence of the story between ``start`` and ``end`` turns to another incident
    than the one told before: "A second shooting was reported to police at Williams Park"."""
    return any(reader.another_incident(sentence.text) for sentence in story
               if start <= sentence.start and sentence.end <= end)


def hit(found: list[Figure]) -> Count | None:
    """The people a sentence tells were shot or hit, the dead among them. People told of one
    by one under different fates are different people: "a 7-year-old girl was grazed by a
    bullet, and a man was shot in the leg" are two hit; "a man was killed and a woman was
    wounded", two. The dead beyond the count are hit too: "shoots 4 relatives, killing 2,
    then himself" hit five."""
    victims = total(found, VICTIMS)
    beyond = sum(f.value for f in found if f.others and f.kind == KILLED)
    if victims is not None and beyond:
        victims = Count(victims.value + beyond, None if victims.low is None else victims.low + beyond,
                        None if victims.high is None else victims.high + beyond, victims.qualifier)
    individuals = [f for f in found if f.individual]
    if len({f.kind for f in individuals}) < 2:
        return victims
    people = sum(f.value for f in individuals)
    return Count(people, people, people, None) if victims is None or victims.value < people else victims


def read_claims(article: Article, revision: int, gazetteer: Gazetteer,
                language: str = "en") -> list[Report]:
    """Every casualty claim in the article, one report per sentence that makes one. An article
    in a language with no reader makes none."""
    reader = reader_for(language)
    if reader is None:
        return []
    text = article_text(article)
    anchor = story_day(article, publication_time(article))
    story = sentences(text, len(article.headline))
    # Most sentences have no casualty word, which the reader sees at once: a statistic is
    # looked for only where there is a figure.
    # A headline tells of its people first: "his passenger" there is no one counted before.
    # A sentence's incident is read before the running total over a period it adds to.
    told = [(index, sentence, found, own) for index, sentence in enumerate(story)
            if (found := _own_figures((reader.first_figures if sentence.in_headline else reader.figures)(
                own := own_part(sentence.text)), own))]
    # A headline that tells the figures of a roundup's total tells that total: "1 dead, 7
    # wounded in weekend shootings" over "a man was killed and seven were wounded in shootings
    # from Saturday morning to early Sunday". (One person is one incident's, whom a roundup
    # may count too: "a man was killed, one of three shot across the city".)
    roundups = [found for _, sentence, found, _ in told if is_roundup(sentence.text)]
    claims = [(index, sentence, found) for index, sentence, found, own in told
              if not is_statistic(own)
              and not (sentence.in_headline and _people(found) > 1
                       and any(_tells_the_headline(found, roundup) for roundup in roundups))]
    if not claims:
        claims = _first_told(story, reader, roundups)
    # The dead and hurt of a crash are another story's in a story of other violence, which its
    # headline tells, or which a headline that names no kind of event leaves to the lede's claim:
    # "the boy's grandfather died in a car crash shortly after" in "Boy, 7, fatally shot".
    headline_events = reader.event_types(article.headline)
    lede = next((sentence.text for _, sentence, _ in claims if not sentence.in_headline), "")
    if "crash" not in headline_events and (headline_events or not is_crash_casualty(lede)):
        claims = [(index, sentence, found) for index, sentence, found in claims if not is_crash_casualty(sentence.text)]
    # A count given before the story's own is replaced by it, unless the sentence itself tells
    # the revision ("originally reported four injured; that number was later raised to five").
    if any(not is_earlier_count(sentence.text) for _, sentence, _ in claims):
        claims = [(index, sentence, found) for index, sentence, found in claims
                  if not is_earlier_count(sentence.text) or any(f.revised for f in found)]
    event_day, event_day_stated = _event_day([sentence.text for sentence in story],
                                             [index for index, _, _ in claims], anchor)
    times = [_claim_time(story, index, anchor, event_day, event_day_stated) for index, _, _ in claims]
    court = is_court_story(article.headline)
    timed = [(sentence, found, time) for (index, sentence, found), time in zip(claims, times)
             if not court and (time is None or not (is_background(time.date, anchor) or (
                 event_day_stated and (is_earlier_incident(time.date, event_day)
                                       or _after_a_ranking(story, index, time, event_day)))))]
    # The place a story is about is named in its opening or beside its figures (a recalled
    # incident's too, which still tells where the story is).
    if not timed:  # no claim, or only incidents recalled from long before (a trial's story)
        return _mentioned(article, revision, text, anchor, story, [s for _, s, _ in claims],
                          gazetteer, reader, language)
    place_of_article, headline_mentions, body_mentions, dateline = _read_places(
        article, text, story, [sentence for _, sentence, _ in claims], gazetteer)
    mentions = headline_mentions + body_mentions
    filed_from = None  # the dateline, once the lede has said the story happened elsewhere
    if dateline is not None and place_of_article.id == dateline.id:
        lede = _lede_place(timed, mentions, dateline, gazetteer, headed=bool(article.headline.strip()))
        if lede.id == dateline.id or lede.id.startswith("country:"):
            # an opening sentence's town or region says more than the lede's country
            happened = _where_it_happened(story, mentions, dateline, gazetteer)
            if happened.id == dateline.id:
                happened = _headline_town(article.headline, headline_mentions, dateline, gazetteer)
            lede = lede if happened.id == dateline.id else happened
        if lede.id != dateline.id:
            place_of_article, filed_from = lede, dateline
    story_anchors = anchors(article.body)  # outlets rewrite headlines, syndicated bodies stay
    reports = []
    read: list[tuple[bool, list[Figure]]] = []  # each report's sentence: in the headline, its figures
    story_street = None
    dead_one_by_one = 0  # the most dead a claim has told of one by one so far
    # the name's words of each person told dead by name, while every death told was by name
    named_dead: list[frozenset[str]] | None = []
    told_up_to = 0  # where the claim read last ends
    for whole, whole_found, time in timed:
        # A roundup gives each shooting its address: a claim at another block than the
        # story's first is another incident ("a shooting in the 1400 block of Mount Herman").
        streets = block_streets(whole.text)
        story_street = story_street or next(iter(streets), None)
        elsewhere = bool(streets) and story_street not in streets
        if named_dead and _another_incident_told(story, told_up_to, whole.end, reader):
            named_dead = None  # "A second shooting was reported ... Stone ... later died": its dead
        told_up_to = whole.end
        for sentence, found, in_sentence, opening in _by_town(whole, whole_found, _placing(mentions, whole, filed_from)):
            killed = _killed_beside(found, dead_one_by_one)
            named = dead_named(sentence.text, found)
            if named and killed is not None and killed.value == 1 and named_dead and not any(
                    named & earlier for earlier in named_dead):
                killed = _another_named_dead(max(dead_one_by_one, len(named_dead)))
            if killed is not None and killed.value and not named:
                named_dead = None  # a death told unnamed: the names after may be any of its dead
            if named and named_dead is not None and not any(named & earlier for earlier in named_dead):
                named_dead.append(named)
            if killed is not None and (named or all(f.individual for f in found if f.kind == KILLED)):
                dead_one_by_one = max(dead_one_by_one, killed.value)
            reports.append(_report(article, revision, sentence.start, sentence.end, sentence.text,
                                   claim_place(in_sentence, place_of_article, gazetteer,
                                               opening_place_at(whole.text, whole.start) if opening is None else opening), time,
                                   killed, total(found, INJURED), hit(found),
                                   reader.adds(sentence.text, found), story_anchors, reader, language,
                                   elsewhere))
            read.append((sentence.in_headline, found))
    reports = _hurt_before_a_death(reports, read)
    return _headline_at_the_desk(reports, read, filed_from) if filed_from is not None else reports


def _hurt_before_a_death(reports: list[Report], read: list[tuple[bool, list[Figure]]]) -> list[Report]:
    """The hurt a story counted before it told no death are the people hit, when a later claim
    tells some of them dead: "Three people were wounded in a shooting Saturday night. One of the
    victims has since died" is 1 dead and 2 hurt, not 1 and 3. ``read``: each report's sentence,
    whether in the headline, and its figures."""
    dead_since = next((index for index, (report, (_, found)) in enumerate(zip(reports, read))
                       if report.killed and some_of_those_hurt_died(report.sentence, found)), None)
    if dead_since is None or any(report.killed for report in reports[:dead_since]):
        return reports
    return [dataclasses.replace(report, injured=None, injured_low=None, injured_high=None,
                                injured_qualifier=None, victims=max(report.injured, report.victims or 0))
            if index < dead_since and report.injured else report
            for index, report in enumerate(reports)]


def _headline_at_the_desk(reports: list[Report], read: list[tuple[bool, list[Figure]]],
                          filed_from: Place) -> list[Report]:
    """A headline's claim placed in the desk's city, where the lede moved the story from that
    dateline, is the lede's when the lede tells its figures: the desk's name is the headline's
    shorthand ("Five killed as Israeli strike hits house in Gaza" over "GAZA - ... a strike on a
    house in Rafah in the southern Gaza Strip killed five"). ``read``: each report's sentence,
    whether in the headline, and its figures."""
    lede = next(((report, found) for report, (in_headline, found) in zip(reports, read) if not in_headline), None)
    if lede is None:
        return reports
    lede_report, lede_found = lede
    return [dataclasses.replace(report, place=lede_report.place)
            if in_headline and report.place.id == filed_from.id and _tells_the_headline(found, lede_found) else report
            for report, (in_headline, found) in zip(reports, read)]


def _after_a_ranking(story: list[Sentence], index: int, time: When, event_day: date | None) -> bool:
    """Whether the claim of ``story[index]`` tells another incident than the story's: one of
    another day, after a sentence that ranks the story's among others ("This is the second
    shooting this week in which a child was shot. On Wednesday, a 2-year-old and a man were
    left in critical condition")."""
    return (index > 0 and time.stated and time.date != event_day
            and ranks_among_others(story[index - 1].text))


def _first_told(story: list[Sentence], reader: Reader,
                roundups: list[list[Figure]]) -> list[tuple[int, Sentence, list[Figure]]]:
    """In a story that counts no one, the first sentence telling of a definite victim's fate:
    "The victim told police he was shot in the leg" is one hit, told of by no count before. A
    headline that tells a roundup's total (``roundups``: the figures of the story's roundups)
    is none: "52 shot over holiday weekend" over "52 people were shot across Chicago"."""
    for index, sentence in enumerate(story):
        if (found := _own_figures(reader.first_figures(sentence.text), sentence.text)) \
                and not is_statistic(sentence.text) and not (
                    sentence.in_headline and any(_tells_the_headline(found, roundup) for roundup in roundups)):
            return [(index, sentence, found)]
    return []


def _own_figures(found: list[Figure], sentence: str) -> list[Figure]:
    """The figures of the story's own incident, not of one it is set against ("The shooting
    came two days after a man was killed nearby")."""
    if not found:
        return found
    recalled = recall_starts(sentence)
    return [f for f in found if f.start < recalled]


def _by_town(sentence: Sentence, found: list[Figure], mentions: list[Mention]
             ) -> list[tuple[Sentence, list[Figure], list[Mention], int | None]]:
    """A sentence whose figures are told in different towns, cut into one claim a town:
    "Russian shelling killed two civilians in Kherson and wounded five people in Nikopol" is
    two killed in Kherson and five wounded in Nikopol, not seven people in Kherson; "Two people
    died in Kharkiv, and two more in the Dnipropetrovsk region", two in each, the region's part
    placed by the region (its start, as ``claim_place``'s ``opening``). A figure takes the first
    town or region named after it before the next figure; one that names none goes with the next
    that does ("killed two and wounded five in Kherson"). Otherwise the sentence."""
    towns = [m for m in mentions if (m.is_city or _a_region_by_name(sentence, m)) and m.cued
             and not m.aside and not m.home]
    if len(found) < 2 or len({m.place.id for m in towns}) < 2:
        return [(sentence, found, mentions, None)]
    figures = sorted(found, key=lambda f: f.start)
    groups: list[list[Figure]] = []
    towns_of_groups: list[Mention] = []
    pending: list[Figure] = []
    for index, figure in enumerate(figures):
        until = figures[index + 1].start if index + 1 < len(figures) else len(sentence.text)
        pending.append(figure)
        town = next((m for m in towns if figure.end <= m.start - sentence.start < until), None)
        if town is not None:
            groups.append(pending)
            towns_of_groups.append(town)
            pending = []
    if pending and groups:
        groups[-1] += pending
    if len({town.place.id for town in towns_of_groups}) < 2:
        return [(sentence, found, mentions, None)]
    # Each part after the first opens after the last "and" or comma between the town before
    # it and its first figure: "... in Kherson and | wounded five people in Nikopol".
    spans, begin = [], 0
    for town, group in zip(towns_of_groups, groups[1:]):
        joints = list(_JOINT.finditer(sentence.text, town.end - sentence.start, group[0].start))
        end = joints[-1].start() if joints else group[0].start
        spans.append((begin, end))
        begin = joints[-1].end() if joints else group[0].start
    spans.append((begin, len(sentence.text)))
    parts = []
    for group, town, (begin, end) in zip(groups, towns_of_groups, spans):
        text = sentence.text[begin:end].rstrip()
        part = Sentence(sentence.start + begin, sentence.start + begin + len(text), text, sentence.in_headline)
        shifted = [dataclasses.replace(f, start=f.start - begin, end=f.end - begin) for f in group]
        parts.append((part, shifted, [m for m in mentions if part.start <= m.start < part.end],
                      None if town.is_city else town.start))
    return parts


def _a_region_by_name(sentence: Sentence, mention: Mention) -> bool:
    """A first-level region written out, not an abbreviation in shouted copy ("... IN BELFAIR
    SHOOTING" is no Indiana)."""
    written = sentence.text[mention.start - sentence.start: mention.end - sentence.start]
    return mention.place.id.startswith("admin1:") and len(written) > 2 and not written.isupper()


def _placing(mentions: list[Mention], sentence: Sentence, filed_from: Place | None) -> list[Mention]:
    """The places a sentence names that may place its claim, but for the dateline that opens it
    when it names only where the story was ``filed_from``."""
    return [m for m in mentions if sentence.start <= m.start < sentence.end
            and not (filed_from is not None and m.place.id == filed_from.id
                     and not sentence.text[: m.start - sentence.start].strip())]


def _lede_place(timed: list[tuple[Sentence, list[Figure], When | None]], mentions: list[Mention],
                dateline: Place, gazetteer: Gazetteer, headed: bool = True) -> Place:
    """Where the lede puts the story's claim when it names another town of the dateline's
    country than the dateline, and the headline tells the same figures: "KYIV - A drone strike
    on a building in Bila Tserkva killed four", under "Drone strike kills four"; or a region,
    of any country: "BEIRUT - Air strikes in Syria's Idlib province killed 15"; a town of a
    neighbouring country (``_beyond_the_desk``); or a country (``_country_of_the_lede``). A
    dateline says where the story was filed from; a capital's or a big city's wire desk files a
    country's or a region's news. Otherwise the dateline."""
    headlines = [(sentence, found) for sentence, found, _ in timed if sentence.in_headline]
    lede = next(((sentence, found) for sentence, found, _ in timed if not sentence.in_headline), None)
    if lede is None:
        return dateline
    sentence, found = lede
    tells = any(_tells_the_headline(told, found) for _, told in headlines)
    placing = _placing(mentions, sentence, dateline)
    place = claim_place(placing, dateline, gazetteer)
    if place.id == dateline.id:
        # "KABUL - A suicide bomber struck a mosque in northern Afghanistan's Kunduz province,
        # killing nine": a region of the dateline's country, and no town in it, is said, its
        # kind written out (a mention's words that run past its name: "Kunduz province"). The
        # lede tells the headline's figures or the headline names the region too.
        in_headline = {m.place.id for m in mentions for headline, _ in headlines
                       if headline.start <= m.start < headline.end}
        # A headline that names no town leaves the lede to say where ("Floods kill dozens in
        # Nigeria" over "LAGOS - Floods in Nigeria's northern Kano state have killed 45").
        townless = not any(m.is_city for m in mentions for headline, _ in headlines
                           if headline.start <= m.start < headline.end)
        # A desk files the news of its neighbours too: "NAIROBI - A car bomb exploded in a market
        # in Mogadishu", "WASHINGTON - Tornadoes tore through Mississippi, killing 25 in the
        # town of Rolling Fork" (a town of another US state with its state written: a bare name
        # there is mostly a neighbourhood's, "in Austin" in a Chicago story).
        beyond = next((m for m in placing if _beyond_the_desk(m, dateline, placing, gazetteer)), None)
        if beyond is not None and (tells or townless or beyond.place.id in in_headline):
            return beyond.place
        regions = [m for m in placing if not (m.is_city or m.aside or m.home) and _in_a_region(sentence, m)
                   and (tells or townless or m.place.id in in_headline)]
        # The dateline's own region, where the headline or the lede names it: "Bus accident
        # kills 12 in Maharashtra" over "MUMBAI - ... a gorge in Raigad district".
        home_region = next((m.place for m in mentions if m.place.id.startswith("admin1:")
                            and (m.place.country, m.place.admin1) == (dateline.country, dateline.admin1)
                            and (m.place.id in in_headline or sentence.start <= m.start < sentence.end)), None)
        return next((m.place for m in regions if m.place.id.startswith("admin1:") and m.place.admin1 != dateline.admin1),
                    None) or _country_of_the_lede(sentence, placing, regions, dateline, gazetteer, tells or townless,
                                                  home_region) or dateline
    # A town of a small town's dateline needs the headline's very figures: a local dateline is
    # where the story is, and its lede may name the big city nearby ("DOUGLASVILLE, Ga. - ...
    # west of Atlanta"). A big city's desk files the towns around it: "MEXICO CITY - Gunmen
    # killed 11 and wounded three at a bar in the city of Celaya" under "Gunmen kill 11".
    city = gazetteer.city_by_place_id(dateline.id)
    desk = city is not None and city.population >= MAJOR_CITY
    # Copy sent without a headline (``headed``) has its lede for its news.
    if ((tells or not headed if desk else _told(found) in [_told(told) for _, told in headlines])
            and is_town(place.id) and not place.district
            and not gazetteer.is_part_of(place, dateline) and not gazetteer.is_hamlet_in(place, dateline)):
        return place
    return dateline


def _country_of_the_lede(sentence: Sentence, placing: list[Mention], regions: list[Mention], dateline: Place,
                         gazetteer: Gazetteer, told: bool, home_region: Place | None = None) -> Place | None:
    """The country a lede that names no town of the dateline's country puts its story in: one it
    names ("ISLAMABAD - Floods have killed 1,400 people in Pakistan", "SOFIA - ... in western
    Bulgaria"), or the dateline's own, where the lede (``told``: the headline's) says it
    happened in a village or a province the gazetteer does not hold ("WARSAW - ... landed in the
    village of Przewodow", "in Northern Samar province", "in Bajaur district"). A town abroad is a namesake's here:
    "near Boni in central Mali". ``regions``: the regions and countries the lede puts it in;
    ``home_region``: the dateline's own region, named by the story, which says more than its
    country."""
    if any(m.is_city and m.cued and not (m.aside or m.home) and m.place.country == dateline.country for m in placing):
        return None
    named = next((m.place for m in regions if m.place.id.startswith("country:")), None)
    if (named is not None or regions or not told or dateline.country in SETTLEMENTS_ALL_KNOWN
            or not _UNHELD_PLACE.search(sentence.text)):
        return named
    if home_region is not None:
        return home_region
    held = gazetteer.region_by_own_name(gazetteer.country_name(dateline.country) or "")
    return held.place(held.name) if held is not None else None


def _beyond_the_desk(mention: Mention, dateline: Place, placing: list[Mention], gazetteer: Gazetteer) -> bool:
    """Whether a lede's mention puts its story in a town of another country than the
    dateline's, or of another US state than its own, that state written beside the town or
    in the lede (``placing``, its mentions). A town abroad must bear the name as its own, in a
    lede that puts the story in no part of the dateline's country: "BAMAKO - ... near Boni in
    central Mali" is no story of Bonn; a city of a million is known abroad by its English name
    too ("CAIRO - ... pilgrims died during the haj in Mecca": Makkah)."""
    if not (mention.is_city and mention.cued and is_town(mention.place.id)) or mention.aside or mention.home:
        return False
    if mention.place.country != dateline.country:
        city = gazetteer.city_by_place_id(mention.place.id)
        return (city is not None and (gazetteer.bears_as_its_own(city, mention.place.mention)
                                      or city.population >= WORLD_CITY)
                and not any(not m.is_city and m.place.country == dateline.country for m in placing))
    return dateline.country == "US" and mention.place.admin1 != dateline.admin1 and (
        mention.qualified or any(not m.is_city and m.place.id.startswith("admin1:")
                                 and m.place.admin1 == mention.place.admin1 for m in placing))


# "in northern Afghanistan's Kunduz province", "in Nigeria's northwestern Zamfara state",
# "strikes on the Kharkiv region", "across Ukraine", "sank off southern Greece", "an earthquake struck Taiwan" (a region or
# a country, no one's name), "in the Kharkiv region", "in Brazil's northeastern state of Bahia", "in the eastern Indian
# state of Odisha", "in the Andean region of Cusco", "in Egypt's Nile Delta province of
# Dakahlia"; a district of one first: "in the Kohistan district of Khyber Pakhtunkhwa province".
_DIRECTION = r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
_IN = (rf"\b(?:in|on|off|across|throughout|struck|hit|rocked|shook)\s+(?:the\s+)?{_DIRECTION}(?:[A-Z][\w-]*\s+(?:district|county)\s+of\s+)?"
       rf"(?:[A-Z][\w-]*['’]s\s+)?{_DIRECTION}(?:[A-Z][\w-]*\s+){{0,2}}")
_IN_A_REGION = re.compile(rf"{_IN}$", re.I)
# "in the village of Przewodow" (a capital after a settlement's kind, no nation's word between),
# "in Afgoye, a town 30 km northwest of Mogadishu", "in Northern Samar province".
_UNHELD_PLACE = re.compile(rf"\b(?i:the\s+{_DIRECTION})(?:village|town|hamlet|settlement)\s+of\s+[A-Z]"
                           r"|\b[A-Z][\w'’-]+,\s+an?\s+(?:[\w-]+\s+){0,2}?(?:village|town|city)\b"
                           # not a city's own district: "in Istanbul's Besiktas district"
                           r"|\bin\s+(?:[A-Z][\w'’-]+(?<!['’]s)\s+){1,3}(?:province|district)\b")
_IN_A_REGION_OF = re.compile(rf"{_IN}{REGION_OF}", re.I)
# "in Balochistan's Noshki district": a part of the region, its kind written out.
_PART_OF_THE_REGION = re.compile(r"['’]s\s+(?:[A-Z][\w'’-]+\s+){1,3}(?:district|county|province|zone)\b")
# "in Bangladesh's capital", "Nigeria's commercial capital": a city, not the country at large.
_ITS_CAPITAL = re.compile(r"['’]s\s+(?:[a-z]+\s+)?capital\b(?!\s+(?:region|district|province|territory)\b)")


def _in_a_region(sentence: Sentence, mention: Mention) -> bool:
    """Whether the sentence says something happened in the region it names, its kind written
    out: "in the Kharkiv region", "in the state of Bahia", "in Balochistan's Noshki district"
    (not "in the Washington Park neighborhood"), or the country or US state it names after "in"
    or what struck it: "in southern Turkey", "an earthquake struck Taiwan", "at a National
    Guard Armory in western Tennessee" (under a DETROIT dateline, where the suspect was
    arrested), but not a country's capital ("in Bangladesh's capital" is the dateline's Dhaka).
    A region's mention runs on over its kind ("Kunduz province")."""
    before = sentence.text[: mention.start - sentence.start]
    if _ITS_CAPITAL.match(sentence.text, mention.end - sentence.start):
        return False
    us_state = mention.place.id.startswith("admin1:US.") and not _NAME_GOES_ON.match(sentence.text, mention.end - sentence.start)
    if (mention.end - mention.start > len(mention.place.mention) or mention.place.id.startswith("country:") or us_state
            or _PART_OF_THE_REGION.match(sentence.text, mention.end - sentence.start)):
        return bool(_IN_A_REGION.search(before))
    return bool(_IN_A_REGION_OF.search(before))


def _tells_the_headline(headline: list[Figure], lede: list[Figure]) -> bool:
    """Whether the lede tells the figures the headline does, whatever their qualifiers and
    whatever more it tells: "Gunmen kill 12" over "killed at least 12 people and wounded 4",
    "Fire kills 39" over "Nearly 40 migrants were killed"."""
    told = [(kind, count) for kind, count in zip((KILLED, INJURED, VICTIMS), _told(headline)) if count is not None]
    said = dict(zip((KILLED, INJURED, VICTIMS), _told(lede)))
    return bool(told) and all(said[kind] is not None and _same_count(said[kind], count) for kind, count in told)


# How far a hedged count may lie from another told of the same people: a tenth of it.
_HEDGE_SHARE = 0.1


def _same_count(one: Count, other: Count) -> bool:
    """Whether two counts may tell the same people: equal, or one hedged and the other within a
    tenth of it ("kills 39" over "nearly 40")."""
    if one.value == other.value:
        return True
    hedged = one.qualifier is not None or other.qualifier is not None
    return hedged and abs(one.value - other.value) <= max(1, _HEDGE_SHARE * max(one.value, other.value))


def _where_it_happened(story: list[Sentence], mentions: list[Mention], dateline: Place,
                       gazetteer: Gazetteer) -> Place:
    """The place an opening sentence says the story happened in, when it is another of the
    dateline's country than the dateline and its surroundings: "LIMA - A bus plunged into a
    ravine ... The accident happened in the Piura region", "MADISON, Wis. - ... after a shooting
    near Baraboo". Otherwise the dateline."""
    opening = [s for s in story if not s.in_headline and _is_prose(s.text)][:OPENING_SENTENCES]
    for sentence in opening:
        for mention in _placing(mentions, sentence, dateline):
            before = sentence.text[max(0, mention.start - sentence.start - _HAPPENED_REACH): mention.start - sentence.start]
            place = mention.place
            # A US dateline is the town or its state's big city: only a town of its state moves it.
            # A region that holds the dateline, its country too, says no more than it does.
            within = place.admin1 == dateline.admin1 or place.id.startswith("country:")
            if (not _HAPPENED_IN.search(before) or mention.aside or mention.home or place.country != dateline.country
                    or place.id == dateline.id or (within and not mention.is_city)
                    or (dateline.country == "US" and not (within and mention.is_city))):
                continue
            if not mention.is_city or not (gazetteer.is_part_of(place, dateline) or gazetteer.lies_in(place, dateline)):
                return place
    return dateline


def _headline_town(headline: str, mentions: list[Mention], dateline: Place, gazetteer: Gazetteer) -> Place:
    """The town of the dateline's state that the ``headline`` says it happened in, where the
    dateline is the desk that filed it: "4 shot dead in Clarksburg" over "CHARLESTON, W.Va. --
    A Harrison County man was charged ...", "Mom involved in Montfort shooting has died" over
    "MADISON, Wis. -". Only "in" says so: "drive-by shooting near Humble" over "HOUSTON - ... a
    northeast Houston home" was Houston's. Otherwise the dateline."""
    for mention in mentions:
        place = mention.place
        if (mention.is_city and _IN_BEFORE.search(headline, 0, mention.start) and not (mention.aside or mention.home)
                and place.id != dateline.id
                and (place.country, place.admin1) == (dateline.country, dateline.admin1)
                and not (gazetteer.is_part_of(place, dateline) or gazetteer.lies_in(place, dateline)
                         or gazetteer.is_hamlet_in(place, dateline))):
            return place
    return dateline


def _told(found: list[Figure]) -> tuple[Count | None, Count | None, Count | None]:
    return total(found, KILLED), total(found, INJURED), hit(found)


def _people(found: list[Figure]) -> int:
    """How many people the figures tell of at the most: the dead and the hurt, or all hit."""
    killed, injured, victims = _told(found)
    return max((killed.value if killed else 0) + (injured.value if injured else 0), victims.value if victims else 0)


def _read_places(article: Article, text: str, story: list[Sentence], claim_sentences: list[Sentence],
                 gazetteer: Gazetteer) -> tuple[Place, list[Mention], list[Mention], Place | None]:
    """The article's place, and the places named in its headline and in the sentences read:
    the opening and those of its claims. ``text``: the article's (``article_text``)."""
    text = without_boilerplate(text)
    opening = [s for s in story if not s.in_headline and _is_prose(s.text)][:OPENING_SENTENCES]
    read = {id(s): s for s in opening + [s for s in claim_sentences if not s.in_headline]}
    story_end = headline_story_end(article.headline)
    hints = (outlet_areas(article.source, text, len(article.headline), story_end, gazetteer) | usage_areas(text)
             | address_states(article.url, gazetteer))
    dateline = dateline_city(text, len(article.headline) + len(HEADLINE_SEPARATOR), gazetteer, hints)
    headline_mentions, body_mentions = read_places(
        text, story_end, [(s.start, s.end) for s in sorted(read.values(), key=lambda s: s.start)],
        dateline, gazetteer, hints)
    # A county's dateline ("NAVARRO COUNTY, Texas -") names no town: the story's town is one of
    # the county's state, which the towns it names there tell, else the county.
    county, dateline = (dateline, None) if dateline is not None and is_county(dateline) else (None, dateline)
    outlet = outlet_city(article.source, text, len(article.headline), story_end, gazetteer, hints)
    police = police_names(text)

    def place_among(body: list[Mention]) -> Place:
        return article_place(headline_mentions, body, dateline, gazetteer, title_case=is_title_case(article.headline),
                             hints=hints, outlet=outlet, police=police,
                             linked=lambda: link_place(article.url, gazetteer, hints))

    place = place_among(body_mentions)
    if county is not None and (place.country, place.admin1) != (county.country, county.admin1):
        place = county
    if place.id.startswith("county:"):
        # A story whose opening and claims name only a county ("ROCK COUNTY, Wis. - A hunter
        # was shot") mostly names its town further down ("the field lies near Milton"): the
        # rest of its prose is read in the county's state, and a town of that state it names
        # there, not as someone's home ("of Denmark", "the Denmark man") nor in passing, is
        # the place.
        unread = [(s.start, s.end) for s in story if not s.in_headline and id(s) not in read and _is_prose(s.text)]
        _, further = read_places(text, story_end, unread, dateline, gazetteer, hints | areas([place], gazetteer))
        towns = [m for m in further if m.is_city and m.place.admin1 == place.admin1 and not m.aside]
        town = place_among(towns) if towns else place
        if is_town(town.id) and town.admin1 == place.admin1:
            place = town
    return place, headline_mentions, body_mentions, dateline


def _mentioned(article: Article, revision: int, text: str, day: date | None,
               story: list[Sentence], recalled: list[Sentence],
               gazetteer: Gazetteer, reader: Reader, language: str) -> list[Report]:
    """An article with no claim of its own that names a person in full, a young child's age or
    a street, or whose headline names a shooting, a strike, a killing or a funeral (the arrest,
    the charges, the trial, the vigil) is a mention of the incident it follows up: one report, at the
    article's place and ``day`` (its publication's, or its page's earlier stamp), with no
    figure. A dateline is where the follow-up was filed (the court, the wire desk): an opening
    sentence that says the shooting happened in another town of its state places it, as a
    claim's story is placed (``_where_it_happened``). ``recalled``: the sentences of incidents
    it recalls from long before, which say where."""
    if day is None:
        return []
    story_anchors = anchors(article.body)
    if not (any(a.startswith(_TELLING_ANCHORS) for a in story_anchors)
            or reader.event_types(article.headline) or _FOLLOW_UP.search(article.headline)):
        return []
    place, headline_mentions, body_mentions, dateline = _read_places(article, text, story, recalled,
                                                                     gazetteer)
    if dateline is not None and place.id == dateline.id:
        place = _where_it_happened(story, headline_mentions + body_mentions, dateline, gazetteer)
    span = (0, len(article.headline))
    return [Report(report_id=_report_id(article.id, revision, *span), article_id=article.id,
                   revision=revision, place=place, date=day.isoformat(),
                   anchors=story_anchors, source=article.source, sentence=article.headline,
                   span=span, published_at=article.updated_at or article.published_at,
                   extractor=EXTRACTOR_VERSION, language=language, mention=True)]


def _is_prose(text: str) -> bool:
    """A sentence of the story, not a byline, a timestamp or a photo credit."""
    return text.count(" ") >= _WORDS_IN_A_SENTENCE - 1


def _claim_time(story: list[Sentence], index: int, anchor: date | None, event_day: date | None,
                event_day_stated: bool) -> When | None:
    """When the claim of ``story[index]`` happened, read with the sentence before it."""
    if not (anchor and event_day):
        return None
    previous = story[index - 1].text if index else ""
    return when(story[index].text, previous, anchor, event_day, event_day_stated=event_day_stated)


# The sentences where a story sets its scene: the headline, the lede and the several after ("Four
# students were hurt near a school. Shots rang out Wednesday afternoon ...").
_OPENING = 10


def _event_day(story: list[str], claim_indexes: list[int], published: date | None) -> tuple[date | None, bool]:
    """The day the article's story happened, and whether the text says so: the first day, in
    the story's order, that a claim names (a headline says "four wounded", the lede "four
    people were wounded early Sunday") or that an opening sentence names the violence on
    ("Shots rang out Wednesday afternoon"), not one a claim further down recalls; else
    "today" in a claim; else the publication day."""
    if published is None:
        return None, False
    claimed = set(claim_indexes)
    told = (day_in(sentence, published) if index in claimed else scene_day(sentence, published)
            for index, sentence in enumerate(story) if index in claimed or index < _OPENING)
    day = next((found for found in told if found), None) or next(
        (found for index in claim_indexes if (found := today_in(story[index], published))), None)
    return (day, True) if day else (published, False)


def _report(article: Article, revision: int, start: int, end: int, text: str, place: Place,
            time: When | None, killed: Count | None, injured: Count | None,
            victims: Count | None, adds: bool, story_anchors: list[str], reader: Reader,
            language: str, another_incident: bool = False) -> Report:
    return Report(
        report_id=_report_id(article.id, revision, start, end),
        article_id=article.id,
        revision=revision,
        place=place,
        date=time.date.isoformat() if time else None,
        date_end=time.date_end.isoformat() if time and time.date_end else None,
        period=time.period if time else None,
        date_stated=bool(time and time.stated),
        anchors=story_anchors,
        killed=killed.value if killed else None,
        killed_low=killed.low if killed else None,
        killed_high=killed.high if killed else None,
        killed_qualifier=killed.qualifier if killed else None,
        injured=injured.value if injured else None,
        injured_low=injured.low if injured else None,
        injured_high=injured.high if injured else None,
        injured_qualifier=injured.qualifier if injured else None,
        victims=victims.value if victims else None,
        source=article.source,
        attribution=reader.attribution(text),
        event_types=reader.event_types(text),
        adds=adds,
        another_incident=another_incident or reader.another_incident(text),
        updates=reader.updates(text),
        sentence=text,
        span=(start, end),
        published_at=article.updated_at or article.published_at,
        extractor=EXTRACTOR_VERSION,
        language=language,
    )


def _retraction(article: Article, revision: int, report_id: str, place_id: str) -> Report:
    return Report(
        report_id=f"{report_id}~{revision}",
        article_id=article.id,
        revision=revision,
        place=Place(id=place_id),
        source=article.source,
        retracts=report_id,
        published_at=article.updated_at or article.published_at,
        extractor=EXTRACTOR_VERSION,
    )


def extract(article: Article, seen: ArticleSeen | None,
            gazetteer: Gazetteer | None = None) -> Extraction:
    """Read an article's claims. A later revision retracts what the earlier one claimed and
    states its own claims; an older version, or a version read before, arriving late is ignored.

    The version read last, arriving again, is sent again as it was: the same retractions and
    claims with the same ids. Downstream stages absorb the copy, and after a crash it replaces
    what the first sending may have lost.
    """
    content = fingerprint(article)
    version_time = article.updated_at or article.published_at
    gazetteer = gazetteer or load_gazetteer()
    if seen is not None:
        if seen.fingerprint == content:
            return Extraction(seen, _resend(article, seen, gazetteer))
        if content in seen.earlier:
            return Extraction(seen, [])
        if seen.version_time and version_time and version_time < seen.version_time:
            return Extraction(seen, [])
    revision = seen.revision + 1 if seen else 1
    # Every earlier revision's claims, not only the last one's: a crash may have lost what the
    # revisions in between sent, their retractions too, and a resend must make up for it.
    withdrawn = seen.withdrawn + seen.reports if seen else []
    language = article_language(article.language, article_text(article))
    claims = read_claims(article, revision, gazetteer, language)
    state = ArticleSeen(content, revision, version_time,
                        [(r.report_id, r.place.id) for r in claims], withdrawn=withdrawn,
                        earlier=seen.earlier + [seen.fingerprint] if seen else [],
                        language=language)
    return Extraction(state, _retractions(article, revision, withdrawn) + claims)


def _retractions(article: Article, revision: int, withdrawn: list[tuple[str, str]]) -> list[Report]:
    return [_retraction(article, revision, report_id, place_id) for report_id, place_id in withdrawn]


def _resend(article: Article, seen: ArticleSeen, gazetteer: Gazetteer) -> list[Report]:
    """The current revision's records again. Only ids the state remembers are sent, so a
    changed extractor never adds claims to a revision already counted."""
    known = set(seen.reports)
    language = seen.language or article_language(article.language, article_text(article))
    claims = [r for r in read_claims(article, seen.revision, gazetteer, language)
              if (r.report_id, r.place.id) in known]
    return _retractions(article, seen.revision, seen.withdrawn) + claims
