"""The dedupe stage: reports of one place in, incident revisions out.

Reports at the same place, on the same day (or the same stated period), whose figures agree
are one incident: the headline, the lede and the quoted official, or several outlets. Each
incident keeps its member reports, so its figures are always recomputed from what is still
claimed: a retraction removes a member.

The incidents of a place are grouped afresh from its live claims, taken in a fixed order
(publication time, article, position), so they depend on which claims there are and not on
the order Kafka's partitions happened to deliver them in. A re-delivered report changes
nothing, and sends again the current revision of the incidents it changed.

Incidents close: once a place's stream has moved ``window_days`` past an incident's last
report (its stream time is the latest publication day its reports carried), no later report can
join it. Its final revision goes out with status ``closed`` and dedupe forgets it, claims and
all, so a place's state holds one window of news however long the stream runs. A report
published before that horizon could have belonged to an incident already forgotten: it is
refused (``LateReport``, a dead letter to the caller) rather than counted a second time.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import operator
from dataclasses import dataclass, field
from datetime import date

from agents.enrich.gazetteer import MAJOR_CITY, load_gazetteer
from agents.window import horizon as _horizon
from streams.records import UNKNOWN_PLACE, Incident, Report

FOLLOW_UP_DAYS = 2
# A town sees a shooting of the same toll again within a fortnight far less often than a
# city does within two days: its follow-up stories reach that far.
TOWN_FOLLOW_UP_DAYS = 14
STORY_DAYS = 30
ANCHOR_DAYS = 30
# Two details of a story (a street and a child's age), or one with two or more people hit, tell
# a follow-up within a year; a full name needs no reach (``_shares_anchor``).
DETAILS_DAYS = 366
# A child's age or a surname is shared by other shootings of a city within a month: alone, they
# tell one story within a week. (gva-dev, joins on them alone across other days: within a week
# 14 right and 4 wrong; after it 3 and 6.)
LONE_ANCHOR_DAYS = 7
# Across articles, a toll this high on the next day is rarely another incident at one place.
DISTINCT_TOLL = 2
# A city sees several shootings of one or two people a day; of three or more hit, rarely two.
_WITHOUT_DISTRICT_TOLL = 3
# Of four or more hit, a place rarely sees two shootings in one day: outlets that count one a
# little apart tell the same.
MASS_TOLL = 4
_FOLLOW_UP_GAPS = range(FOLLOW_UP_DAYS + 1)  # a follow-up's days after the incident's
_MASS_GAPS = range(ANCHOR_DAYS + 1)  # a mention's days after a mass shooting it tells of
# The anchors that tell one incident from another at a place; a surname or a copy's wording
# do not.
_DETAILS = ("street:", "venue:", "child:", "named:")


@dataclass(slots=True)
class Member:
    """What one report contributes to an incident."""

    report_id: str
    article_id: str
    source: str
    published_at: str | None
    killed: int | None
    killed_low: int | None
    killed_high: int | None
    injured: int | None
    injured_low: int | None
    injured_high: int | None
    victims: int | None = None
    event_types: list[str] = field(default_factory=list)
    date: str | None = None
    date_stated: bool = False
    anchors: list[str] = field(default_factory=list)
    language: str = ""
    district: str = ""
    adds: bool = False
    mention: bool = False
    bridges: bool = False  # it tied its incident and another together (``_bridged``)

    @classmethod
    def of(cls, report: Report) -> Member:
        return cls(report.report_id, report.article_id, report.source, report.published_at,
                   report.killed, report.killed_low, report.killed_high,
                   report.injured, report.injured_low, report.injured_high,
                   report.victims, list(report.event_types), report.date, report.date_stated,
                   list(report.anchors), report.language, report.place.district, report.adds,
                   report.mention)

    def stored(self, claim: Report | None) -> str | list[str] | Member:
        """The member as dedupe's table keeps it: the report id of ``claim`` (its live claim,
        kept under a key of its own) when it is what the claim says, ``["victims", id]`` when it
        counts the claim's people hit as victims, else whole: a claim's fields are stored once,
        not again in every incident that holds it."""
        if claim is not None:
            if self == Member.of(claim):
                return self.report_id
            if self == Member.of(_as_victims(claim)):
                return ["victims", self.report_id]
        return self

    @classmethod
    def restored(cls, stored: str | list[str] | dict, claims: dict[str, Report]) -> Member:
        """The member ``stored`` made, its claims found in ``claims`` (by report id)."""
        if isinstance(stored, str):
            return cls.of(claims[stored])
        if isinstance(stored, list):
            return cls.of(_as_victims(claims[stored[1]]))
        return cls(**stored)


@dataclass(slots=True)
class OpenIncident:
    incident: Incident
    members: list[Member]

    def to_dict(self, claims: dict[str, Report]) -> dict:
        """The incident as stored, its members by their claims' ids (``Member.stored``)."""
        return {"incident": self.incident,
                "members": [m.stored(claims.get(m.report_id)) for m in self.members]}

    @classmethod
    def from_dict(cls, data: dict, claims: dict[str, Report]) -> OpenIncident:
        return cls(Incident.from_dict(data["incident"]),
                   [Member.restored(member, claims) for member in data["members"]])


@dataclass(slots=True)
class PlaceIncidents:
    """Dedupe's state for one place: its incidents and their members (retracted incidents stay,
    so that their revision numbers keep rising), the live claims they are grouped from, the
    incidents each report handled so far changed, and the claims withdrawn."""

    incidents: list[OpenIncident] = field(default_factory=list)
    claims: list[Report] = field(default_factory=list)  # in _in_order
    handled: dict[str, list[str]] = field(default_factory=dict)
    withdrawn: dict[str, str] = field(default_factory=dict)  # report id -> retraction's day
    latest: str | None = None  # the place's stream time: the latest publication day seen


@dataclass(slots=True)
class Deduplication:
    state: PlaceIncidents
    incidents: list[Incident]  # the revisions this report caused, to emit


class LateReport(ValueError):
    """A report published before its place's open window: the incident it may belong to has
    closed, so it can neither join it nor safely stand alone."""


def _agrees_with(mine: int | None, my_high: int | None, members: list[Member], kind: str,
                 counted: int) -> bool:
    """Whether a report's figure agrees with an incident's: unstated on either side, equal to
    the figure its members state, a lower bound that figure meets ("at least three" of five),
    or the figure they make ("eight were shot" of which none died are eight wounded)."""
    stated = _stated(members, kind)
    if mine is None or stated is None or mine == stated:
        return True
    return (my_high is None and mine <= stated) or mine == counted > 0


def _stated(members: list[Member], kind: str) -> int | None:
    values = [getattr(m, kind) for m in members if getattr(m, kind) is not None]
    return max(values) if values else None


def _days_apart(later: str | None, earlier: str | None) -> int | None:
    if later is None or earlier is None:
        return None
    return (date.fromisoformat(later) - date.fromisoformat(earlier)).days


def _same_day(report: Report, open_incident: OpenIncident) -> bool:
    """Equal days, or a day that is only a publication day up to two days after the other's:
    a follow-up story published on Tuesday about Sunday's shooting. In a town (``_in_a_town``)
    another outlet's story of the very figures reaches further: stated days a day apart
    however few were hit ("teen shot Monday", "the teen shot Tuesday"), and a day only of
    publication up to TOWN_FOLLOW_UP_DAYS after ("accidental shooting victim identified").
    A day stated as the very day the story came out ("police are searching", "the mother is to
    be told today") is the day of the news more often than of the shooting: another outlet's
    story of the very figures, two or more hit, up to FOLLOW_UP_DAYS after the incident's day,
    is the same (``_told_again``)."""
    incident = open_incident.incident
    if report.date == incident.date or _a_day_its_article_told(report, open_incident):
        return True
    incident_stated = any(m.date_stated for m in open_incident.members)
    if report.date_stated and incident_stated:
        gap = _days_apart(report.date, incident.date)
        if gap is not None and 1 < gap <= FOLLOW_UP_DAYS and report.date == _day(report.published_at):
            return _told_again(report, open_incident)
        return gap is not None and abs(gap) <= 1 and (
            (_same_figures(report, open_incident)
             and (_told_in(report.article_id, open_incident) or _toll(report) >= DISTINCT_TOLL
                  or _in_a_town(report)))
            or (not _told_in(report.article_id, open_incident) and _close_tolls(report, open_incident)))
    if not report.date_stated:
        gap = _days_apart(report.date, incident.date)
    elif not incident_stated:
        gap = _days_apart(incident.date, report.date)
    else:
        return False
    # Within one article a day no sentence states is only the day it was published: the arrest
    # story's headline and the shooting it tells of five days before are one incident.
    reach = STORY_DAYS if _told_in(report.article_id, open_incident) else FOLLOW_UP_DAYS
    if gap is not None and reach < gap <= TOWN_FOLLOW_UP_DAYS:
        return _same_figures(report, open_incident) and _in_a_town(report)
    return gap is not None and 0 <= gap <= reach


def _a_day_its_article_told(report: Report, open_incident: OpenIncident) -> bool:
    """The report's day is one its own article told the incident on, whatever day another
    outlet set it on: "shot late Saturday" to one, "early Sunday" to this story, whose "Among the
    six victims is a man shot in the head" is of its own Sunday."""
    return any(m.article_id == report.article_id and m.date == report.date for m in open_incident.members)


def _told_again(report: Report, open_incident: OpenIncident) -> bool:
    """Another article's story of the incident's very figures, two or more hit: a city sees
    several shootings of one hit a day, rarely two of the same larger toll days apart."""
    return (not _told_in(report.article_id, open_incident) and _toll(report) >= DISTINCT_TOLL
            and _same_figures(report, open_incident))


def _in_a_town(report: Report) -> bool:
    """Placed in a city of the gazetteer of fewer than MAJOR_CITY people: where a day's
    shootings are few, one of the same toll a few days on is rarely another."""
    city = load_gazetteer().city_by_place_id(report.place.id)
    return city is not None and city.population < MAJOR_CITY


def _told_in(article_id: str, open_incident: OpenIncident) -> bool:
    return any(m.article_id == article_id for m in open_incident.members)


def _toll(report: Report) -> int:
    return (report.killed or 0) + (report.injured or 0) or (report.victims or 0)


def _same_figures(report: Report, open_incident: OpenIncident) -> bool:
    """Every figure the report states is the incident's, and not all are zero: "shot late
    Sunday" and "died early Monday" are one night's shooting. A report of victims alone ("two
    were shot") agrees with an incident whose dead and wounded make that many."""
    if report.killed is None and report.injured is None:
        incident = open_incident.incident
        return bool(report.victims) and report.victims == incident.killed + incident.injured
    told = [(mine, _figure_of(open_incident, kind))
            for kind, mine in (("killed", report.killed), ("injured", report.injured))]
    return any(mine for mine, _ in told) and all(mine is None or mine == theirs for mine, theirs in told)


def _figure_of(open_incident: OpenIncident, kind: str) -> int | None:
    """The incident's figure of ``kind`` as its members state it; where they count people shot,
    as the incident counts them when that is more: "Five children shot" are five wounded, and
    still five when a sentence adds "two of them critically"."""
    stated = _stated(open_incident.members, kind)
    if any(m.victims for m in open_incident.members):
        return max(stated or 0, getattr(open_incident.incident, kind))
    return stated


def _shares_anchor(report: Report, open_incident: OpenIncident) -> bool:
    """The same street or venue within a month: one story told by several outlets, however
    their figures and days differ; a child's age or a person's surname alone, within
    LONE_ANCHOR_DAYS; the same person by full name, however long after: the arrest, the
    funeral, the trial and the sentence years on (the place's window bounds how long an
    incident is remembered: a city's close within a month, a quiet town's stay); or a later
    follow-up's details within a year (``_follows_up``)."""
    gap = _days_apart(report.date, open_incident.incident.date)
    if gap is None:
        return False
    known = {anchor for m in open_incident.members for anchor in m.anchors}
    shared = [anchor for anchor in report.anchors if anchor in known]
    if _unplaced(report):
        # Unplaced stories of the whole world meet here: a street's name or a child's age
        # tells none of them apart, only a full name or the same copy does.
        shared = [anchor for anchor in shared if anchor.startswith(("named:", "copy:"))]
    if any(anchor.startswith("named:") for anchor in shared):
        return True
    lone = all(anchor.startswith(("child:", "person:")) for anchor in shared)
    if shared and abs(gap) <= (LONE_ANCHOR_DAYS if lone else ANCHOR_DAYS):
        return True
    return 0 < gap <= DETAILS_DAYS and _follows_up(report, open_incident, shared)


def _follows_up(report: Report, open_incident: OpenIncident, shared: list[str]) -> bool:
    """A later article that states no day of its own, with the incident's street or child's age
    and its very figures, months on: "Abilene man indicted in fatal shooting of girl, 3",
    "suspect arrested for the shooting that killed two and wounded two". A street, or a child's
    age, alone is shared by other shootings of a city within a year, so it takes two of them,
    or two or more people hit. A day the text states is another day's news. (gva-dev, joins
    after a month right and wrong: any shared anchor and the same figures 10 and 7; with no
    day stated 8 and 3; and two details or two hit, 7 and 1.)"""
    details = [anchor for anchor in shared if not anchor.startswith("copy:")]
    return (bool(details) and not report.date_stated
            and (len(details) >= 2 or _toll(report) >= DISTINCT_TOLL)
            and _same_figures(report, open_incident))


def _raises_the_toll(report: Report, open_incident: OpenIncident) -> bool:
    """A later count of the people of an incident another article told ("the death toll rose to 30" the
    day after "a missile strike killed 12"): on the incident's day or up to FOLLOW_UP_DAYS after
    it, with no figure below the incident's of its kind. Its figures then replace the incident's,
    the latest article's winning."""
    if not report.updates or all(m.article_id == report.article_id for m in open_incident.members):
        return False
    incident = open_incident.incident
    gap = _days_apart(report.date, incident.date)
    told = [(mine, theirs) for mine, theirs in ((report.killed, incident.killed), (report.injured, incident.injured))
            if mine is not None]
    return (gap is not None and 0 <= gap <= FOLLOW_UP_DAYS and any(mine for mine, _ in told)
            and all(mine >= theirs for mine, theirs in told))


def _told_without_district(report: Report, open_incident: OpenIncident) -> bool:
    """Another outlet's story of the same shooting that names no part of the city, or another
    part than the incident's: the same day (as ``_same_day`` reads it), every figure it states
    the incident's, and three or more people hit where a part goes unnamed ("4 men wounded
    outside Brooklyn house party" and "4 shot and wounded at party in East Flatbush"), or
    MASS_TOLL or more hit whatever parts are named ("7 shot in West Garfield Park", "1 killed,
    6 wounded in East Garfield Park": outlets name neighbouring parts for one corner, and a
    city rarely sees two shootings of the very same larger toll in a day), or a street, a young
    child's age or a full name of the incident's: one corner of Brooklyn is in East New York to
    one outlet, in Cypress Hills to another."""
    members = open_incident.members
    if _told_in(report.article_id, open_incident):
        return False
    unnamed = not members[0].district or not report.place.district
    return ((unnamed and _toll(report) >= _WITHOUT_DISTRICT_TOLL) or _toll(report) >= MASS_TOLL
            or _shares_a_detail(report, members)) and (
        _same_day(report, open_incident) and _same_figures(report, open_incident))


def _its_articles_part(report: Report, members: list[Member]) -> bool:
    """The part of the city the report's article told the incident in, or none where either
    names none: "4 Hospitalized In Kingsessing Shooting", then "four men are hospitalized
    after a shooting in Philadelphia"; an outlet's "4 shot at party in East Flatbush" joined
    another's story that named no part, and its lede names East Flatbush again. Its other
    parts are a roundup's other shootings ("a man was shot in Austin" after Englewood's)."""
    own = {m.district for m in members if m.article_id == report.article_id}
    return bool(own) and (report.place.district in own or not report.place.district or "" in own)


def _shares_a_detail(report: Report, members: list[Member]) -> bool:
    """The report names a street, a young child's age or a person in full that a member does."""
    return any(anchor.startswith(_DETAILS) and any(anchor in m.anchors for m in members)
               for anchor in report.anchors)


def _unplaced(report: Report) -> bool:
    """Placed nowhere, or only in a whole country."""
    return report.place.id == UNKNOWN_PLACE.id or report.place.id.startswith("country:")


def _within_the_story(report: Report, open_incident: OpenIncident) -> bool:
    """On the incident's day or within a month after it: one article tells of the shooting on
    Sunday, the death on Wednesday and the funeral a week later. An earlier day is another
    incident the story recalls ("on Tuesday, six were injured"), unless the same people are
    counted: "four found dead Monday", "all four died sometime between Oct. 27 and 30". Days
    no text states are only publication days and say nothing of which came first: where the
    article's headline joined an incident another outlet published later, its lede is the
    same story."""
    if report.date is None and open_incident.incident.date is None:
        return True  # copy of no day at all, not even a publication day: one story's time
    gap = _days_apart(report.date, open_incident.incident.date)
    if gap is None or abs(gap) > STORY_DAYS:
        return False
    return gap >= 0 or _anothers_publication_day(report, open_incident) or (
        _toll(report) >= DISTINCT_TOLL and _same_figures(report, open_incident))


def _anothers_publication_day(report: Report, open_incident: OpenIncident) -> bool:
    """The report's day and the incident's are days no text states, and the incident's is
    another article's publication day."""
    members, day = open_incident.members, open_incident.incident.date
    return (not report.date_stated and not any(m.date_stated for m in members)
            and not any(m.article_id == report.article_id and m.date == day for m in members))


def _part_of(report: Report, members: list[Member]) -> bool:
    """Every figure the report states is stated by the incident too, and no larger: a detail of
    the story ("three of the six were taken to hospital")."""
    told = [(report.killed, _stated(members, "killed")), (report.injured, _stated(members, "injured"))]
    if _the_same_people_shot(report, members):
        return True
    if all(mine is None for mine, _ in told):
        # "Christopher shot himself with a stolen gun": the people hit the story counted, again
        return bool(report.victims) and report.victims == sum(theirs or 0 for _, theirs in told)
    return all(mine is None or (theirs is not None and mine <= theirs) for mine, theirs in told)


def _the_same_people_shot(report: Report, members: list[Member]) -> bool:
    """The report counts as many people shot as the story did, and tells some of their fates:
    "Quadruple shooting", then "Four people were shot overnight and one of them died"."""
    shot = _stated(members, "victims")
    return (bool(report.victims) and report.victims == shot
            and (report.killed or 0) + (report.injured or 0) <= report.victims)


def _refines(report: Report, members: list[Member]) -> bool:
    """A figure above the story's open count of its kind makes that count exact ("dozens
    injured", then "more than 60 people were injured"); any other figure the report states is
    the story's or part of it. A kind the story has not counted is no refinement: "four dead and
    two hurt in the night's shootings" after "a fatal shooting" tells of more than one.
    Nor is news on top of the story ("a further 80 were hurt on Sunday")."""
    if report.adds:
        return False
    told = [(kind, getattr(report, kind), _stated(members, kind)) for kind in ("killed", "injured")]
    above = [kind for kind, mine, theirs in told if None not in (mine, theirs) and mine > theirs]
    return bool(above) and all(_open(members, kind) for kind in above) and all(
        mine is None or kind in above or (theirs is not None and mine <= theirs) for kind, mine, theirs in told)


def _open(members: list[Member], kind: str) -> bool:
    """The largest figure of ``kind`` the members state is a lower bound ("at least", "dozens")."""
    stated = _stated(members, kind)
    return stated is not None and all(getattr(m, f"{kind}_high") is None for m in members
                                      if getattr(m, kind) == stated)


def _holds_the_story(report: Report, open_incident: OpenIncident) -> bool:
    """What the report's article told of the incident so far, of the same day, is a detail of
    this fuller claim: "Third victim dies" in the headline, then "three killed and one wounded"
    in the lede; "Two killed in shooting at plant", which joined another outlet's "4 dead, 14
    hurt", then "up to 4 people were dead and as many as 20 others injured"."""
    members = [m for m in open_incident.members if m.article_id == report.article_id]
    if not members or report.date != open_incident.incident.date:
        return False
    told = [(_stated(members, "killed"), report.killed), (_stated(members, "injured"), report.injured)]
    return any(theirs is not None for theirs, _ in told) and all(
        theirs is None or (mine is not None and theirs <= mine) for theirs, mine in told)


def _same_people_hit(report: Report, open_incident: OpenIncident) -> bool:
    """The article's own incident of the same day counts as many dead and wounded as this claim
    counts hit, and no fewer dead: "Teen killed, three others wounded", then "one of four women
    wounded has died"; "shot four, killing one", then "all four victims were transported to the
    hospital". The claim's wounded include the dead: it tells of the same people. The incident
    may hold other outlets' stories too: "Four killed, one wounded in shooting at drug house",
    then "a call reporting a multiple shooting ... two dead, three wounded"."""
    incident = open_incident.incident
    if report.date != incident.date or not _told_in(report.article_id, open_incident):
        return False
    hit = (report.killed or 0) + (report.injured or 0)
    return (hit >= DISTINCT_TOLL and hit == incident.killed + incident.injured
            and (report.killed or 0) < incident.killed)


def _as_victims(report: Report) -> Report:
    return dataclasses.replace(report, killed=None, killed_low=None, killed_high=None,
                               injured=None, injured_low=None, injured_high=None,
                               victims=(report.killed or 0) + (report.injured or 0))


def _matches(report: Report, open_incident: OpenIncident) -> bool:
    """Same place (the state is per place) and the same kind of period, then either a shared
    anchor from another article, or the same day with figures that agree: a figure stated on
    both sides must be equal. Agreement is required within one article too, where later
    sentences often recall other incidents at the same place."""
    incident, members = open_incident.incident, open_incident.members
    if incident.status != "active" or (report.period, report.date_end) != (
            incident.period, incident.date_end):
        return False
    if members and members[0].district != report.place.district and not (
            _told_without_district(report, open_incident) or _its_articles_part(report, members)):
        return False  # a city's roundup: Englewood's shooting is not Austin's, nor the city's
    other_article = all(m.article_id != report.article_id for m in members)
    # Within one article a claim is a part of the incident's figures, or of what its own article
    # told: "1 killed, 11 injured" joined another outlet's "1 dead, 13 hurt", and the article's
    # "overnight more than a dozen victims were shot" are its own twelve.
    told = [m for m in members if m.article_id == report.article_id]
    if (other_article and _shares_anchor(report, open_incident)) or _raises_the_toll(report, open_incident):
        return True
    if other_article and _unplaced(report):
        return False  # a day and a figure say nothing of which of the world's incidents it is
    if not other_article and _follows_its_article(report, open_incident):
        return True
    if not other_article and report.another_incident:
        return False  # "a third shooting also happened", "in a separate attack": not the story's
    if not other_article and (
            (_within_the_story(report, open_incident)
             and any(_part_of(report, ms) or _refines(report, ms) for ms in (members, told)))
            or _holds_the_story(report, open_incident)):
        return True
    return _same_day(report, open_incident) and (
        (_agrees_with(report.killed, report.killed_high, members, "killed", incident.killed)
         and _agrees_with(report.injured, report.injured_high, members, "injured", incident.injured))
        or (other_article and (_close_tolls(report, open_incident) or _nested_in_a_town(report, open_incident))))


def _follows_its_article(report: Report, open_incident: OpenIncident) -> bool:
    """A later claim of an article that joined an incident other articles told, by a detail
    they share (``_shares_anchor``), whose figures are the incident's or a part of them: the
    arrest story's "Man held in killing of Rita Mae Cobb" joined her killing of months before,
    and its "Cobb, 71, was shot dead at her home" and "two others were wounded" tell it again,
    on no day of their own but the story's. A claim of other figures is another incident the
    story tells."""
    others = [m for m in open_incident.members if m.article_id != report.article_id]
    if not others or len(others) == len(open_incident.members):
        return False
    return (_shares_anchor(report, OpenIncident(open_incident.incident, others))
            and (_same_figures(report, open_incident) or _part_of(report, open_incident.members)))


def _nested_in_a_town(report: Report, open_incident: OpenIncident) -> bool:
    """Outlets that count a town's shooting of one day as it unfolded: "three found dead",
    "family of four dead"; "two hurt at party", "four injured at party". Every figure of one is
    at most the other's: a town rarely sees two shootings in a day (``_in_a_town``), a city
    does (``_close_tolls`` asks its counts to be large and near)."""
    incident = open_incident.incident
    if (report.killed is None and report.injured is None) or report.date != incident.date:
        return False
    return _nested((report.killed or 0, report.injured or 0), (incident.killed, incident.injured)) and _in_a_town(report)


def _close_tolls(report: Report, open_incident: OpenIncident) -> bool:
    """Outlets that count a shooting of one day a little apart ("16 shot", "1 dead, 15 hurt",
    "total hit up to 17"): both tolls of MASS_TOLL or more hit, within a fifth of each other."""
    incident = open_incident.incident
    theirs, mine = incident.killed + incident.injured, _toll(report)
    return min(theirs, mine) >= MASS_TOLL and abs(theirs - mine) * 5 <= max(theirs, mine)


def _mentionable(mention: Report, open_incident: OpenIncident) -> bool:
    """An active incident (no period total) of the mention's district that another article
    tells."""
    incident = open_incident.incident
    return (incident.status == "active" and not incident.period
            and open_incident.members[0].district == mention.place.district
            and not _told_in(mention.article_id, open_incident))


def _mentions(mention: Report, open_incident: OpenIncident, known: set[str]) -> bool:
    """A mention belongs to an incident whose members' anchors (``known``) name the same person
    in full, from a month before its day however long after (the trial years on), or the same
    street within a month, either way of the mention's day (the morning's arrest, the evening's
    toll), or a young child's age alone within LONE_ANCHOR_DAYS, as a claim's, or two such
    details within a year (the trial months on: "the 7-year-old ... on Paschal Avenue").
    Unplaced, only a full name tells the world's incidents apart."""
    if not _mentionable(mention, open_incident):
        return False
    gap = _days_apart(mention.date, open_incident.incident.date)
    if gap is None:
        return False
    shared = [anchor for anchor in mention.anchors if anchor in known]
    details = [anchor for anchor in shared if anchor.startswith(("street:", "venue:", "child:"))]
    lone = all(anchor.startswith("child:") for anchor in details)
    if details and not _unplaced(mention) and (
            abs(gap) <= (LONE_ANCHOR_DAYS if lone else ANCHOR_DAYS)
            or (len(details) >= 2 and abs(gap) <= DETAILS_DAYS)):
        return True  # a street that month, a child's age alone that week; two of them within a year
    return gap >= -ANCHOR_DAYS and any(anchor.startswith("named:") for anchor in shared)


def _combine(values: list[tuple[int, int | None, int | None]]) -> tuple[int, int | None, int | None]:
    """Best figure and bounds over one article's members that state one: the largest figure,
    the lowest lower bound, and no upper bound if any member leaves it open. A figure whose
    upper bound is below another's lower bound is a part of the toll, not a reading of it ("at
    least 37 killed", "26 of them in one district"): it bounds nothing."""
    if not values:
        return 0, None, None
    floor = max(value if low is None else low for value, low, _ in values)
    values = [(value, low, high) for value, low, high in values if high is None or high >= floor]
    best = max(value for value, _, _ in values)
    low = min(value if low is None else low for value, low, _ in values)
    high = None if any(high is None for _, _, high in values) else max(h for _, _, h in values)
    return best, low, high


Figure3 = tuple[int, int | None, int | None]


def _latest(views: list[tuple[str, Figure3]]) -> Figure3:
    """Across articles the latest explicit figure wins; the sources' disagreement widens the
    bounds."""
    if not views:
        return 0, None, None
    latest = max(views, key=lambda view: view[0])[1]
    # "at least three" after "five killed" bounds what was said; it does not lower it
    value = latest[0] if latest[2] is not None else max(figure[0] for _, figure in views)
    low = min(figure[0] if figure[1] is None else figure[1] for _, figure in views)
    high = None if any(figure[2] is None for _, figure in views) else max(f[2] for _, f in views)  # type: ignore[type-var]
    return value, low, high


def _tells_of_one_dead(group: list[Member]) -> bool:
    """Whether an article's claims tell of one person, who died: each tells of no more than one,
    and one tells a death. The one told hurt is the one who died ("Maleah Williams was injured
    when shots were fired", "the toddler has died"), not one more hurt."""
    return (any(m.killed == 1 for m in group)
            and all((m.killed or 0) + (m.injured or 0) <= 1 and (m.victims or 0) <= 1 for m in group))


def _figures(members: list[Member]) -> tuple[Figure3, Figure3]:
    by_article: dict[str, list[Member]] = {}
    for member in members:
        by_article.setdefault(member.article_id, []).append(member)
    # Each article's latest publication, read once for both kinds.
    published = [(max(m.published_at or "" for m in group), group) for group in by_article.values()]
    killed_views = []
    for stamp, group in published:
        killed = [(m.killed, m.killed_low, m.killed_high) for m in group if m.killed is not None]
        if killed:
            killed_views.append((stamp, _combine(killed)))
    killed = _latest(killed_views)
    injured_views = []
    for stamp, group in published:
        if _tells_of_one_dead(group):
            continue
        injured = [(m.injured, m.injured_low, m.injured_high) for m in group if m.injured is not None]
        # "Four people were shot" and "one died" say three were injured: victims include the dead.
        injured += [(m.victims - killed[0],) * 3 for m in group
                    if m.victims is not None and m.victims > killed[0]]
        if injured:
            injured_views.append((stamp, _combine(injured)))
    return killed, _latest(injured_views)


def _unique(items: list[str]) -> list[str]:
    return [item for item in dict.fromkeys(items) if item]


def _claimed(members: list[Member]) -> list[Member]:
    """The members that claim a figure: they date an incident and keep it open."""
    return [m for m in members if not m.mention]


def _recompute(open_incident: OpenIncident) -> None:
    incident, members = open_incident.incident, open_incident.members
    killed, injured = _figures(members)
    incident.killed, incident.killed_low, incident.killed_high = killed
    incident.injured, incident.injured_low, incident.injured_high = injured
    stated_days = [m.date for m in members if m.date_stated and m.date]
    if stated_days and not incident.period:
        incident.date = min(stated_days)
    incident.article_ids = _unique([m.article_id for m in members])
    incident.report_ids = _unique([m.report_id for m in members])
    incident.sources = _unique([m.source for m in members])
    incident.event_types = _unique([t for m in members for t in m.event_types])
    incident.languages = _unique([m.language for m in members])
    claimed = _claimed(members)
    stamps = [m.published_at for m in claimed if m.published_at]
    if stamps:
        incident.first_seen, incident.last_updated = min(stamps), max(stamps)
    incident.status = "active" if claimed else "retracted"


def _new_incident(report: Report) -> OpenIncident:
    digest = hashlib.sha1(report.report_id.encode()).hexdigest()[:16]
    incident = Incident(
        incident_id=f"inc-{digest}",
        revision=0,
        place_id=report.place.id,
        city=report.place.name,
        admin1=report.place.admin1,
        country=report.place.country,
        date=report.date,
        date_end=report.date_end,
        period=report.period,
    )
    return OpenIncident(incident, [])


_FIELDS = operator.attrgetter(*Incident.__dataclass_fields__)


def _snapshot(incident: Incident) -> Incident:
    """A copy of the incident whose fields later revisions can rebind (its lists are shared)."""
    return Incident(*_FIELDS(incident))


def _in_order(report: Report) -> tuple:
    return (report.published_at or "", report.article_id, tuple(report.span), report.report_id)


def _group(claims: list[Report], start: int, previous: list[OpenIncident]) -> list[OpenIncident]:
    """The place's incidents, grouped from its claims (in ``_in_order``): each claim joins the
    first incident it matches, or opens a new one.

    The claims before ``start`` are those the previous grouping began with, so the grouping is
    taken up where they end: an incident's figures are a function of its members, and its
    members before ``start`` are the claims it held then. Only the claims from ``start`` on are
    matched again.

    A claim that ties its incident to another (``_bridged``) folds the two together: where it
    comes at or after ``start``, the grouping is taken up where the first of them opened, since
    the members they held before ``start`` were grouped with its help.

    Mentions are no part of that: once the claims are grouped, each mention joins the first
    incident it matches, whenever it was published, so no mention changes how claims group.
    """
    index = {claim.report_id: i for i, claim in enumerate(claims)}
    start = min([start] + [index[o.members[0].report_id] for o in previous
                           if o.members and o.members[0].report_id in index
                           and any(m.bridges and index.get(m.report_id, start) >= start for m in o.members)])
    position = {claim.report_id: i for i, claim in enumerate(claims[:start])}
    incidents = []
    for old in previous:
        # An incident opens with a claim; its mentions come after its claims.
        members = [m for m in old.members if m.report_id in position and not m.mention]
        if not members or members[0].report_id != old.members[0].report_id:
            continue  # it opened after start, if it opens at all
        if len(members) == len(old.members):  # all its members are claims before start
            incidents.append(OpenIncident(_snapshot(old.incident), members))
            continue
        rebuilt = _new_incident(claims[position[members[0].report_id]])
        rebuilt.members = members
        _recompute(rebuilt)
        incidents.append(rebuilt)
    incidents.sort(key=lambda o: position[o.members[0].report_id])  # the order they opened in
    for report in claims[start:]:
        if report.mention:
            continue
        # The same people told again are asked for first: a day's wounded of no stated fate
        # would otherwise agree with an incident that counts none and be added to its dead.
        target = None if report.another_incident else next(
            (o for o in incidents if _same_people_hit(report, o)), None)
        if target is not None:
            report = _as_victims(report)
        else:
            target = next((o for o in incidents if _matches(report, o)), None)
        if target is None:
            target = _new_incident(report)
            incidents.append(target)
        member = Member.of(report)
        target.members.append(member)
        _recompute(target)
        for other in _bridged(report, target, incidents) + _its_story_apart(report, target, incidents):
            member.bridges = True
            target = _folded(target, other, incidents, index)
    _take_in_mentions(claims, incidents)
    return incidents


def _bridged(report: Report, target: OpenIncident, incidents: list[OpenIncident]) -> list[OpenIncident]:
    """The place's other incidents a claim that joined ``target`` ties to it: another article's
    story whose street, venue or person named in full it shares (``_shares_anchor``), no part
    of the city apart, that counts no more dead nor wounded than ``target``. The same shooting,
    told first by outlets that shared nothing with the one the claim joined: "toddler killed in
    drive-by", then "man arrested after standoff in Elm Street killing", and the arraignment
    story that joins the first by its day and names Elm Street."""
    strong = [anchor for anchor in report.anchors if anchor.startswith(("named:", "street:", "venue:"))]
    if not strong:
        return []
    incident = target.incident
    return [o for o in incidents
            if o is not target and o.incident.status == "active"
            and (o.incident.period, o.incident.date_end) == (report.period, report.date_end)
            and o.members[0].district == report.place.district
            and not _told_in(report.article_id, o)
            and o.incident.killed <= incident.killed and o.incident.injured <= incident.injured
            and any(anchor in m.anchors for m in o.members for anchor in strong)
            and _shares_anchor(report, o)]


def _its_story_apart(report: Report, target: OpenIncident,
                     incidents: list[OpenIncident]) -> list[OpenIncident]:
    """The incident the claim's own article told alone, of the same day and part of the city,
    when the claim joined another outlet's story of it: the two counts nest (every figure of
    one at most the other's) and each counts three or more hit, which a city rarely sees twice
    in a day. "Four teens were injured Friday night at an Eastside party", then "A third teen
    suffered gunshot wounds to his legs", which joined another outlet's "3 teens shot at
    party": one party's shooting, told apart only by the order the claims came in."""
    incident = target.incident
    if (report.another_incident or _told_in(report.article_id, OpenIncident(incident, target.members[:-1]))
            or incident.killed + incident.injured < _WITHOUT_DISTRICT_TOLL):
        return []
    return [o for o in incidents
            if o is not target and o.incident.status == "active"
            and (o.incident.period, o.incident.date_end, o.incident.date) == (incident.period, incident.date_end, incident.date)
            and o.members[0].district == target.members[0].district
            and all(m.article_id == report.article_id for m in o.members)
            and o.incident.killed + o.incident.injured >= _WITHOUT_DISTRICT_TOLL
            and _nested((o.incident.killed, o.incident.injured), (incident.killed, incident.injured))]


def _nested(one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Every figure of one is at most the other's."""
    return all(a <= b for a, b in zip(one, other)) or all(a >= b for a, b in zip(one, other))


def _folded(one: OpenIncident, other: OpenIncident, incidents: list[OpenIncident],
            index: dict[str, int]) -> OpenIncident:
    """One incident of the two, the first opened, holding the members of both in claim order;
    the other leaves ``incidents`` (and is retracted, as an incident no claim opens any more)."""
    first, second = sorted((one, other), key=incidents.index)
    first.members = sorted(first.members + second.members, key=lambda m: index[m.report_id])
    incidents.remove(second)
    _recompute(first)
    return first


def _alone_before(mention: Report, incidents: list[OpenIncident]) -> int | None:
    """The index of the place's one incident of the mention's day or the two days before it,
    when it has no other: a town's shooting, and the next day's story of the arrest that names
    no one the first story named. Else of its one incident of MASS_TOLL or more people hit in
    the month before, which a place rarely sees twice: "San Bernardino shooting victims: Who
    they were", two weeks on. Else, in a town (``_in_a_town``), of its one incident still open
    before the mention, however long before: "Teen charged in last week's shooting", "Trial
    opens in last year's killing". A town's incidents stay open only while its news is quiet
    (the window closes them a month after its next story), and the follow-up of a quiet town's
    one open shooting tells of it. Where several incidents share those days, as in a city,
    none is it."""
    if _unplaced(mention):
        return None
    gaps = {index: _days_apart(mention.date, o.incident.date)
            for index, o in enumerate(incidents) if _mentionable(mention, o)}
    for near in ([index for index, gap in gaps.items() if gap in _FOLLOW_UP_GAPS],
                 [index for index, gap in gaps.items() if gap in _MASS_GAPS
                  and incidents[index].incident.killed + incidents[index].incident.injured >= MASS_TOLL],
                 [index for index, gap in gaps.items() if gap is not None and gap >= 0]
                 if _in_a_town(mention) else []):
        if len(near) == 1:
            return near[0]
    return None


def _take_in_mentions(claims: list[Report], incidents: list[OpenIncident]) -> None:
    """Each mention joins the first incident it matches, else the place's only incident of its
    last days, or of its month's mass shootings (``_alone_before``); it adds an article and a
    source."""
    mentions = [claim for claim in claims if claim.mention]
    if not mentions:
        return
    # Each incident's anchors, read once: a city holds hundreds of incidents in a window.
    known = [{anchor for m in o.members for anchor in m.anchors} for o in incidents]
    joined = []
    for mention in mentions:
        index = next((i for i, o in enumerate(incidents) if _mentions(mention, o, known[i])), None)
        if index is None:
            index = _alone_before(mention, incidents)
        if index is not None:
            incidents[index].members.append(Member.of(mention))
            known[index].update(mention.anchors)
            joined.append(incidents[index])
    for open_incident in {id(o): o for o in joined}.values():
        _recompute(open_incident)


_CONTENT = operator.attrgetter(*(name for name in Incident.__dataclass_fields__ if name != "revision"))


def _same(a: Incident, b: Incident) -> bool:
    return _CONTENT(a) == _CONTENT(b)


def _holds(total: Incident, incident: Incident) -> bool:
    return (not incident.period and incident.date is not None and total.date is not None
            and total.date <= incident.date <= (total.date_end or total.date))


def _contain(incidents: list[OpenIncident]) -> None:
    """A period total ("21 died in the last 24 hours") and the incidents it already holds are
    not added together: an incident on a day of the period counts within the total, which
    counts at least their sum. An incident told as news on top of earlier news ("a further
    four were killed") is no part of any total."""
    active = [o for o in incidents if o.incident.status == "active"]
    totals = [o.incident for o in active if o.incident.period]
    for open_incident in incidents:
        incident = open_incident.incident
        incident.within = None
        incident.counted_killed = incident.killed if incident.status == "active" else 0
        incident.counted_injured = incident.injured if incident.status == "active" else 0
    for open_incident in active:
        incident = open_incident.incident
        if incident.period or any(m.adds for m in open_incident.members):
            continue
        total = next((t for t in totals if _holds(t, incident)), None)
        if total is not None:
            incident.within = total.incident_id
            incident.counted_killed = incident.counted_injured = 0
    for total in totals:
        inside = [o.incident for o in active if o.incident.within == total.incident_id]
        total.counted_killed = max(total.killed, sum(i.killed for i in inside))
        total.counted_injured = max(total.injured, sum(i.injured for i in inside))


def _regroup(previous: list[OpenIncident], claims: list[Report],
             start: int) -> tuple[list[OpenIncident], list[Incident]]:
    """Group the claims afresh; number each incident that changed with its next revision. An
    incident no claim opens any more is retracted."""
    grouped = {o.incident.incident_id: o for o in _group(claims, start, previous)}
    incidents: list[OpenIncident] = []
    for old in previous:
        new = grouped.pop(old.incident.incident_id, None)
        if new is None:
            new = OpenIncident(_snapshot(old.incident), [])
            _recompute(new)
        incidents.append(new)
    incidents += grouped.values()
    _contain(incidents)
    before = {old.incident.incident_id: old.incident for old in previous}
    changed: list[Incident] = []
    for new in incidents:
        old = before.get(new.incident.incident_id)
        new.incident.revision = old.revision if old else 0
        if old is None or not _same(new.incident, old):
            new.incident.revision += 1
            changed.append(_snapshot(new.incident))
    return incidents, changed


def _day(stamp: str | None) -> str:
    return (stamp or "")[:10]


def _activity(report: Report) -> str:
    """The day a report speaks for on its place's stream: its publication, else its event."""
    return _day(report.published_at) or _day(report.date)


def _last_activity(open_incident: OpenIncident) -> str:
    return max((_day(m.published_at) or _day(m.date) for m in _claimed(open_incident.members)),
               default=_day(open_incident.incident.last_updated))


def _close(state: PlaceIncidents, horizon: str,
           mentions_horizon: str) -> tuple[PlaceIncidents, list[Incident]]:
    """Forget the incidents last claimed before ``horizon``, and the mentions none took in
    published before ``mentions_horizon``; each active incident sends its final revision,
    ``closed``, so tally can fold it into the place's settled figures."""
    # A total and the incidents within it close together, so neither counts without the other.
    group = {o.incident.incident_id: o.incident.within or o.incident.incident_id
             for o in state.incidents}
    last: dict[str, str] = {}
    for o in state.incidents:
        key = group[o.incident.incident_id]
        last[key] = max(last.get(key, ""), _last_activity(o))
    closing = [o for o in state.incidents if last[group[o.incident.incident_id]] < horizon]
    # A mention no incident took in before the horizon is of no incident still open.
    stale = {c.report_id for c in state.claims if c.mention and _activity(c) < mentions_horizon}
    if stale:
        stale -= {m.report_id for o in state.incidents for m in o.members if m.mention}
    if not closing and not stale:
        return state, []
    gone = {m.report_id for o in closing for m in o.members} | stale
    gone_incidents = {o.incident.incident_id for o in closing}
    final = []
    for open_incident in closing:
        if open_incident.incident.status == "active":
            incident = _snapshot(open_incident.incident)
            incident.revision += 1
            incident.status = "closed"
            final.append(incident)
    kept = PlaceIncidents(
        [o for o in state.incidents if o.incident.incident_id not in gone_incidents],
        [c for c in state.claims if c.report_id not in gone],
        {r: ids for r, ids in state.handled.items()
         if r not in gone and not set(ids) & gone_incidents},
        {r: day for r, day in state.withdrawn.items() if day >= horizon},
        state.latest)
    return kept, final


def dedupe(report: Report, state: PlaceIncidents | None, window_days: int = 0) -> Deduplication:
    """Fold one report (or retraction) into its place's incidents, then close those the
    place's stream has left ``window_days`` behind (never, when 0)."""
    state = state or PlaceIncidents()
    if report.report_id in state.handled:
        # Handled before: a copy, or a replay after a crash that may have lost what the first
        # handling sent. Send the current revision of the incidents it changed.
        touched = state.handled[report.report_id]
        return Deduplication(state, [_snapshot(o.incident) for o in state.incidents
                                     if o.incident.incident_id in touched])
    day = _activity(report)
    horizon = _horizon(state.latest, window_days)
    if day and day < horizon and report.mention:
        return Deduplication(state, [])  # of an incident closed, if any: it counts nothing
    if day and day < horizon:
        raise LateReport(
            f"report {report.report_id} of article {report.article_id} is of {day}, before "
            f"{horizon}, the first day still open at {report.place.id} (its stream is at "
            f"{state.latest}; incidents close {window_days} days after their last report, "
            f"WIREWATCH_INCIDENT_WINDOW_DAYS)")
    claims, withdrawn, start = state.claims, state.withdrawn, len(state.claims)
    if report.retracts:
        withdrawn = {**withdrawn, report.retracts: day}
        start = next((i for i, c in enumerate(claims) if c.report_id == report.retracts), start)
        claims = claims[:start] + claims[start + 1:]
    elif report.report_id not in withdrawn:
        start = bisect.bisect(claims, _in_order(report), key=_in_order)
        claims = claims[:start] + [report] + claims[start:]
        # A mention changes no grouping of claims: only the mentions are taken in again.
        start = len(claims) if report.mention else start
    incidents, changed = _regroup(state.incidents, claims, start)
    handled = {**state.handled, report.report_id: [i.incident_id for i in changed]}
    # A mention moves no clock: which incidents close is the claims' affair alone.
    latest = max(filter(None, (state.latest, None if report.mention else day)), default=None)
    # A place told of by mentions alone has no clock, yet keeps only a window of them.
    newest = max(filter(None, (latest, day)), default=None)
    state, closed = _close(PlaceIncidents(incidents, claims, handled, withdrawn, latest),
                           _horizon(latest, window_days), _horizon(newest, window_days))
    return Deduplication(state, changed + closed)
