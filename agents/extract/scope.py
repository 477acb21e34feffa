"""Which casualty figures belong to no single incident.

An analyst does not count these as incidents:
- a running total for a month, a year or "so far";
- a roundup of many shootings across a city over a weekend;
- an incident from long ago that the story only recalls ("On Nov. 5, 2009, ... killing 12",
  "last summer"), or from days before the story's own ("On June 20, 11 were shot at a block
  party" in a story of June 28's shooting);
- the incident a court story is about: a trial, a verdict, a plea or a sentence comes months
  after the killing it is for ("Man sentenced for role in triple murder"), whatever day the
  story names (the hearing's);
- an incident the story's is set against: "The shooting came two days after a man was killed
  on the same block", "The attack follows a strike that killed 12 in the city".

A total over a short stated period ("in the last 24 hours") stays a claim: it is read as a
period incident (see ``when.period_in``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from agents.extract.caseblind import CaseBlind
from agents.extract.figures import figures
from agents.extract.gate import gated

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# Gated (see ``gate.py``): every phrase opens at a word's start, with a digit or most letters,
# so the search tests the boundary before the phrases (1.4x on sentences with a casualty word).
def _phrases(pattern: str) -> CaseBlind:
    return CaseBlind(gated(re.compile(rf"\b(?:{pattern})", re.X | re.I)).pattern, re.X)


# Many incidents told as one total: a roundup of a night's or a weekend's shootings.
_ROUNDUP = _phrases(
    rf"""in\s+(?:\w+\s+)?(?:weekend|separate|unrelated|several|multiple|different|{_WEEKDAY}),?\s+(?:[\w-]+\s+){{0,2}}(?:shootings|attacks|incidents)
      | \b(?:string|series|spate|rash)\s+of\s+(?:[\w-]+,?\s+){{0,3}}(?:shootings|attacks|killings|homicides)\b
      | (?:killed|wounded|injured|shot|hurt)\s+(?:overnight\s+)?in\s+(?:shootings|attacks)\s+(?:in|across|around|on|throughout)\b
      | \bacross\s+the\s+(?:city|county|state|country|nation|boroughs?)\b
      | \b(?:from|between)\s+(?:[\w:.]+\s+){{0,3}}?{_WEEKDAY}\b[^.;]{{0,30}}?\b(?:through|to|until|till|and)\s+(?:[\w:.]+\s+){{0,3}}?{_WEEKDAY}\b
      | shootings\s+(?:from|between|over|throughout)\s+(?:\w+\s+){{0,2}}(?:morning|afternoon|evening|night|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)
      | \bsplit\s+(?:over|across|between)\s+\d+\s+events\b
      | \b(?:two|three|four|five|six|several|multiple|\d+)\s+(?:separate\s+|different\s+|other\s+)?(?:(?!(?:in|on|at|of|and|from)\s)[\w-]+\s+)?(?:shootings|attacks|incidents|crime\s+scenes)\b
      | \b(?:separate|unrelated)\s+(?:[\w-]+\s+)?(?:crime\s+)?scenes\b
      # "in what they call family disputes": many incidents, told by their kind
      | \bin\s+what\s+(?:[\w-]+\s+){{1,3}}(?:call(?:ed|s)?|describ(?:e|es|ed)\s+as)\s+(?:[\w-]+\s+){{0,2}}(?:disputes|incidents|shootings|attacks)\b | citywide | statewide | nationwide
      | (?:at|in)\s+(?:unspecified|various|different|several)\s+locations
      | deadliest\s+(?:weekend|week|month|year|day) | \b(?:violent|bloody)\s+(?:{_WEEKDAY}\s+)?(?:night|weekend|day|week|stretch|span)\b
      | since\s+(?:early\s+|late\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"""
)
# A running total, or an incident long past.
_RUNNING_OR_PAST = _phrases(
    rf"""so\s+far | to\s+date | year[\s-]+to[\s-]+date
      | (?:this|last|each|every|a|per)\s+(?:year|month|decade)
      | (?:first|last|past)\s+(?:[\w-]+\s+)?(?:days|weeks|months)\s+of\s+(?:the|this|last)\s+year
      | (?:over|in|during|for|within)\s+the\s+(?:past|last|previous)\s+(?:(?:couple\s+of|few|several|[\w-]+)\s+)?(?:years?|decades?|months?|weeks)\b
      | (?:in|during|since)\s+(?:{_MONTHS})\b(?!\s+\d)
      | (?:in|during|since|for)\s+(?:19|20)\d\d\b
      | since\s+(?:the\s+(?:start|beginning|outbreak)|records\s+began|january|the\s+first)
      | since\s+(?:the\s+|its\s+)?(?:full[\s-]+scale\s+)?(?:war|invasion|conflict|fighting|offensive|occupation|uprising|escalation)\b
      | cumulative
      | homicides?\s+(?:this|last)\s+year
      | \bamong\s+(?:the\s+)?(?:at\s+least\s+)?\d+(?!\s+(?:people\s+|others\s+)?(?:shot|wounded|injured|hurt)\b)
      | \b(?:years|months|decades|a\s+year|a\s+decade)\s+ago\b
      | \b(?:a|the)\s+(?:previous|prior)\s+(?:[\w-]+\s+)?(?:shooting|attack|incident|stabbing)\b
      | \b(?:last|this\s+past)\s+(?:summer|spring|fall|autumn|winter)\b | \b(?:summer|spring|fall|autumn|winter)\s+of\s+(?:19|20)\d\d\b
      | \d+(?:st|nd|rd|th)\s+(?:homicide|murder|killing|shooting)"""
)
BACKGROUND_DAYS = 30
# A story's own news spans a night, a weekend's roundup or the days a victim lived on: a claim
# dated five days or more before the story's day recalls an earlier incident ("On June 20, 11
# were shot at a block party" in a story of June 28's shooting). Three days would also drop
# the shooting an arrest story's first sentence dates after (gva-dev doc_exact 0.8219 to
# 0.8205, city_exact the same).
EARLIER_DAYS = 5
# The court's stage as the headline's news, not a person once convicted ("Convicted felon kills
# three", "Inmate serving life sentence stabbed") nor a reward for a future conviction.
_COURT_STAGE = re.compile(
    r"""\b(?:
        sentenc(?:ed|ing) | (?:accepts?|gets?|receives?|given|handed)\s+(?:[\w-]+\s+){0,4}?sentences?
      | (?:pleads?|pleaded|pled)\s+(?:not\s+)?(?:guilty|no\s+contest)
      | found\s+(?:not\s+)?guilty | guilty\s+(?:verdict|plea) | convicted\s+(?:of|in|for)\b | verdicts?
      | acquitt(?:ed|al) | mistrial | jur(?:y|ors?)\s+(?:finds?|found|convicts?|acquits?|selection|deliberat\w*|returns?|shown|hears?|sees?)
      | (?:to\s+stand|heads?\s+to|goes\s+to|on)\s+trial | trial\s+(?:begins|began|opens|starts|continues|resumes|underway|date|set|delayed|postponed|pushed)
      | (?:murder|manslaughter|homicide|shooting|death)\s+trial | testif(?:y|ies|ied)
    )""",
    re.X | re.I,
)


# A ranking of the story's own incident against a period, up to the clause's end, is no total
# over it: "killed 20 people on Friday, the deadliest attack in Pakistan this year"; and so is
# its place in a count set beside it: "one was killed in Marseille, the 40th drug killing in the
# city this year" (alone, "It was the city's 300th homicide this year" tells the count).
_RANKED = re.compile(
    r"(?:\b(?:deadliest|worst|bloodiest|most\s+(?:deadly|lethal|violent))"
    r"|,\s+(?:[\w'’.-]+\s+){0,3}?(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))"
    r"\b[^,;:.]*", re.I)


# An aside on a place or a thing the sentence names, set off by a comma: "in Zamfara state,
# which has seen repeated attacks since January", "in Kharkiv, a city that has been shelled
# almost daily since the start of the war".
_ASIDE = re.compile(r",\s+(?:(?:which|where|whose)\b|(?:an?|the)\s+[^,;]{0,40}?\b(?:that|which|where)\b)[^,;]*", re.I)


def is_statistic(sentence: str) -> bool:
    """Whether the sentence tells a roundup's or a period's total, or an incident long past. A
    period an aside dates, that counts no one, dates nothing of the sentence's own ("Floods,
    which have killed 1,400 people since June," still tell the total)."""
    if is_roundup(sentence):
        return True
    own = _ASIDE.sub(lambda aside: aside.group() if figures(aside.group()) else "", _RANKED.sub("", sentence))
    return bool(_RUNNING_OR_PAST.search(own))


# Shootings or strikes spread over a place by name, over a weekend or a night: "52 people were
# shot across Chicago over the holiday weekend", "attacks killed at least seven people across
# Ukraine overnight" (not a street or a landmark one crosses: "ran across Flatbush Avenue"). A
# day's toll across a region stays a period's claim: "Some 30 people died across Donetsk in
# the past 24 hours".
_A_WAY = (r"(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Parkway|Highway"
          r"|Bridge|River|Lake|Park|Village|Creek|Bay)\b")
_WEEKEND = re.compile(r"\b(?:weekend|overnight)\b", re.I)
_ACROSS_A_PLACE = re.compile(
    rf"\bacross\s+(?:the\s+)?(?:(?!{_A_WAY})[A-Z][\w'’-]*+[^\S\n]?){{1,3}}(?<![^\S\n])(?![^\S\n]*{_A_WAY})")


# read_claims asks it of each sentence that counts someone twice: for a headline's roundup, and
# in is_statistic.
@lru_cache(maxsize=256)
def is_roundup(sentence: str) -> bool:
    """Whether the sentence totals many incidents: "six people were wounded in three separate
    shootings", "shot across the city over the weekend", "across Chicago"."""
    return bool(_ROUNDUP.search(sentence) or (_ACROSS_A_PLACE.search(sentence) and _WEEKEND.search(sentence)))


# ", bringing the number of civilians killed in the region this month to 14": a total its
# own incident adds to.
_RUNNING_TOTAL = re.compile(r",?\s+(?:bringing|raising|pushing|taking)\s+(?:the|its|their)\s+", re.I)
_WHERE_ELSE = re.compile(r",?\s+(?:where|in\s+which)\s+", re.I)


def own_part(sentence: str) -> str:
    """The sentence up to a running total over a period that its incident adds to, which is
    no incident's ("Two people were killed in Belgorod on Friday, bringing the number killed in
    the region this month to 14"), or up to what else its place saw over a period ("A boy was
    fatally shot on a block in Paterson where three other homicides have taken place in the past
    18 months"); else all of it. An incident's own rising toll ("bringing the death toll to 12")
    is the incident's."""
    for clause in (_RUNNING_TOTAL.search(sentence), _WHERE_ELSE.search(sentence)):
        if clause is not None and is_statistic(sentence[clause.start():]) and not is_statistic(sentence[:clause.start()]):
            return sentence[:clause.start()]
    return sentence


# "Earlier on Sunday, officials had reported 30 dead": a count the story's own has replaced.
# The count follows the words that date it ("previously said seven officers", "an earlier toll
# of 25", "authorities said earlier that four agents were injured"); "had reported that a
# person shot himself" tells of no count.
_EARLIER_COUNT = CaseBlind(gated(re.compile(
    r"\b(?:had\s+(?:earlier\s+|initially\s+|previously\s+|originally\s+|first\s+)?(?:reported|said|put|given|announced|confirmed)"
    # "police originally told WPDE News that eight were wounded"
    r"|(?:earlier|initially|previously|originally|at\s+first)\s+(?:reported|said|put|gave|announced|told\s[^.;]{0,40}?\bthat)"
    # "Authorities said earlier that four agents were injured"
    r"|(?:reported|said|announced)\s+(?:earlier|initially|previously|originally|at\s+first)"
    r"|(?:an\s+)?(?:earlier|initial|previous)\s+(?:toll|count|figure|report)\s+(?:of|had|was|said)"
    r"|early\s+reports?\s+(?:said|says|indicated|suggested|showed))"
    r"(?:\s+(?:that|the|toll|death|at|as|to|about|some|least|more|than|nearly|only))*\s+"
    r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|hundreds)\b)",
    re.I,
)).pattern)


# "The mayor's office says an initial report that a second victim had died was incorrect.",
# "Despite earlier reports by authorities that a boy who shot himself had died, officers said
# later that he was on life support."
_REPORT_CORRECTED = re.compile(
    r"\b(?:initial|earlier|first|early|previous)\s+reports?\s+(?:that|of)\b[^.;]{0,80}?"
    r"\b(?:was|were|is|are|proved|turned\s+out\s+to\s+be)\s+(?:incorrect|wrong|inaccurate|false|mistaken|erroneous|untrue)\b"
    r"|\b(?:despite|contrary\s+to)\s+(?:the\s+)?(?:initial|earlier|first|early|previous)\s+reports?\b",
    re.I)


def is_earlier_count(sentence: str) -> bool:
    """Whether the sentence tells a count given before the story's own ("had reported 30
    dead", "an earlier toll of 25", "an initial report that a second victim had died was
    incorrect"), which the story's later count replaces."""
    return bool(_EARLIER_COUNT.search(sentence) or _REPORT_CORRECTED.search(sentence))


def is_background(day: date | None, published: date | None) -> bool:
    """A claim dated well before the article's publication recalls an older incident."""
    return day is not None and published is not None and (published - day).days > BACKGROUND_DAYS


_SPANS = r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+)\s+)?(?:days?|weeks?|months?|hours?|years?)"
# The story's incident as the subject, then the verb that sets it after another: what follows
# tells of that other incident. Its noun first, so "Their presence comes after a woman was shot"
# (the story's own) and "the arrest came a week after" (of the story's own killing) are not.
# "The shooting occurred eight months after a bystander was killed" sets it so with its span
# only: "the shooting happened after a fight broke out" tells the story's own.
_SET_AFTER = CaseBlind(
    rf"""\b(?:shootings?|attacks?|killings?|slayings?|homicides?|murders?|incidents?|deaths?|violence
           |gunfire|strikes?|shelling|bombings?|blasts?|explosions?)\b[^.;:]{{0,40}}?\s
        (?:(?:comes?|came|coming)\s+(?:(?:just|only|barely|less\s+than|more\s+than|about|nearly|almost|exactly)\s+)?
             (?:{_SPANS}\s+)?(?:after|on\s+the\s+heels\s+of)
         | (?:follows|followed)\s+(?:(?:just|only|closely)\s+)?(?:an?|another|the|last\s+\w+['’]s)
         | (?:occurred|happened|took\s+place)\s+(?:(?:just|only|barely|less\s+than|more\s+than|about|nearly|almost|exactly)\s+)?
             {_SPANS}\s+after
         | (?:comes?|came)\s+on\s+the\s+same\s+day\s+(?:that|as)
        )\b""", re.X)


def recall_starts(sentence: str) -> int:
    """Where the incident the story's is set against begins in the sentence (its figures are
    not the story's), else the sentence's end."""
    match = _SET_AFTER.search(sentence)
    return match.end() if match else len(sentence)


def is_earlier_incident(day: date | None, story_day: date | None) -> bool:
    """A claim dated well before the day the story's first dated claim tells of."""
    return day is not None and story_day is not None and (story_day - day).days >= EARLIER_DAYS


# "This is the second shooting this week in which a child was shot", "The shooting is the third
# in the neighborhood this month": the story's incident ranked among others of a short period,
# which the sentences after it go on to tell.
_RANKED_AMONG_OTHERS = CaseBlind(gated(re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:shooting|homicide|killing|slaying|murder|incident|attack|stabbing)?\b[^.;]{0,60}?"
    r"\b(?:this|last|past|in\s+(?:a|the|as\s+many))\s+(?:(?:[\w-]+\s+)?(?:days?|weeks?|weekend|month))\b",
    re.I,
)).pattern)


def ranks_among_others(sentence: str) -> bool:
    """Whether the sentence ranks the story's incident among others of a short period, so that a
    claim after it dated another day than the story's tells one of those others."""
    return bool(_RANKED_AMONG_OTHERS.search(sentence))


def is_court_story(headline: str) -> bool:
    """A story of a trial, a verdict, a plea or a sentence: its figures recall the killing it is
    for, months before."""
    return bool(_COURT_STAGE.search(headline))


# A death or a hurt the sentence puts down to a crash: "the grandfather died in a car crash
# shortly after", "two students killed in a traffic accident", "an elderly woman was killed when
# she smashed her car into a pillar".
_CRASH_CASUALTY = CaseBlind(gated(re.compile(
    r"\b(?:died|dies|killed|dead|injured|hurt)\s+(?:[\w'’-]+\s+){0,3}?(?:in|during)\s+(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:crash|collision|wreck|(?:car|traffic|vehicle|road)\s+accident)\b"
    r"|\bkilled\s+when\s+(?:he|she|they)\s+(?:crashed|smashed|drove|lost\s+control)\b",
    re.I,
)).pattern)


def is_crash_casualty(sentence: str) -> bool:
    """Whether the sentence tells of a casualty of a crash. In a story of a shooting that is no
    casualty of its violence (the story's own crash, "shot, then crashed", is told in its
    headline or its first claim)."""
    return bool(_CRASH_CASUALTY.search(sentence))

