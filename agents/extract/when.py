"""When a claim happened, anchored on the article's publication date.

Reads weekday names ("early hours of Tuesday"), relative days ("yesterday", "last night"),
explicit dates ("2 March 2022", "March 2"), named days ("on Father's Day", "New Year's Eve")
and periods ("in the last 24 hours").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter
from dateutil.relativedelta import FR, MO, SU, TH, relativedelta

from agents.extract.alternation import one_of
from agents.extract.caseblind import CaseBlind
from agents.extract.numbers import UNIT_WORD, number_value

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
), start=1) for name in names}
# A month or weekday name at a word's start, written so that the patterns open with its
# letters (see ``one_of``): the engine skips to them instead of trying every position.
_MONTH = one_of(sorted(_MONTHS, key=len, reverse=True), word_start=True)

_WEEKDAY_RE = CaseBlind(rf"(?P<day>{one_of(_WEEKDAYS, word_start=True)})\b")
_YESTERDAY_RE = CaseBlind(r"\b(?:yesterday|last\s+night)\b")
_LAST_WEEK_RE = CaseBlind(r"\blast\s+week(?:['’]s)?\b")
# "This morning" is a time of the day's violence ("shot at 2:30 this morning"), and so is
# "overnight", the night's hours after midnight more often than before it; "today" is as
# often the day of its news ("in court today", "to be notified today"), and "USA Today" a paper.
_THIS_MORNING_RE = CaseBlind(r"\b(?:this\s+(?:morning|afternoon|evening)|overnight)\b")
_TODAY_RE = CaseBlind(r"(?<!usa\s)\btoday\b")
_DAY_MONTH_RE = CaseBlind(rf"(?P<day>\d(?<!\w\d)\d?)(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\.?(?:\s+(?P<year>\d{{4}}))?\b")
_MONTH_DAY_RE = CaseBlind(rf"(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?")
_MONTH_YEAR_RE = CaseBlind(rf"(?P<month>{_MONTH})\.?,?\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b")
# "shot four days ago": counted back from the publication day, as "yesterday" is.
_AGO_RE = CaseBlind(rf"\b(?P<count>an?|\d+|{UNIT_WORD})\s+(?P<unit>days?|weeks?)\s+ago\b")
# A span of hours may be told roughly or as a span: "in about ten hours", "within a span of
# four hours", "amid a violent two-hour span".
_ROUGHLY = r"(?:(?:about|around|roughly|nearly|almost|just|only|less\s+than|more\s+than|under)\s+)?"
_HOURS = rf"\d+|twenty-four|forty-eight|seventy-two|{UNIT_WORD}"
_PERIOD_RE = CaseBlind(
    r"\b(?:(?:in|over|during|throughout|within)\s+(?:"
    rf"(?:the\s+(?:last|past|previous)\s+|an?\s+span\s+of\s+)?{_ROUGHLY}(?:(?P<hours>{_HOURS})"
    r"\s+hours|(?P<days>\d+|two|three|seven)\s+days)"
    r"|the\s+(?:last|past|previous)\s+(?:(?P<week>week)|(?P<day>day)))"
    rf"|(?:in|during|within|amid)\s+an?\s+(?:[\w-]+\s+)?(?P<span_hours>{_HOURS})-hour\s+(?:span|period|stretch))\b",
)
# Named days, each the rule that finds it in a year. Halloween is not one: its parties, where
# the shootings are, are held on the weekend before as often as on the night itself.
_NAMED_DAYS = {
    "new year's eve": relativedelta(month=12, day=31),
    "new year's day": relativedelta(month=1, day=1),
    "mlk day": relativedelta(month=1, day=1, weekday=MO(+3)),
    "martin luther king day": relativedelta(month=1, day=1, weekday=MO(+3)),
    "valentine's day": relativedelta(month=2, day=14),
    "st. patrick's day": relativedelta(month=3, day=17),
    "easter": None,  # the Sunday of dateutil's ``easter``
    "mother's day": relativedelta(month=5, day=1, weekday=SU(+2)),
    "cinco de mayo": relativedelta(month=5, day=5),
    "memorial day": relativedelta(month=5, day=31, weekday=MO(-1)),
    "father's day": relativedelta(month=6, day=1, weekday=SU(+3)),
    "fourth of july": relativedelta(month=7, day=4),
    "independence day": relativedelta(month=7, day=4),
    "labor day": relativedelta(month=9, day=1, weekday=MO(+1)),
    "veterans day": relativedelta(month=11, day=11),
    "thanksgiving": relativedelta(month=11, day=22, weekday=TH(+1)),  # the fourth Thursday
    "black friday": relativedelta(month=11, day=23, weekday=FR(+1)),  # the day after it
    "christmas eve": relativedelta(month=12, day=24),
    "christmas": relativedelta(month=12, day=25),
}
_APOSTROPHE = "['’]"
_NAMED_DAY_RE = CaseBlind(
    r"\b(?P<name>new\s+year" + _APOSTROPHE + r"?s" + _APOSTROPHE + r"?\s+(?:eve|day)"
    r"|(?:mlk|martin\s+luther\s+king(?:,?\s+jr\.?|\s+junior)?)\s+day"
    r"|valentine" + _APOSTROPHE + r"?s\s+day|st\.?\s+patrick" + _APOSTROPHE + r"?s\s+day"
    r"|easter|(?:mother|father)" + _APOSTROPHE + r"?s" + _APOSTROPHE + r"?\s+day|cinco\s+de\s+mayo"
    r"|memorial\s+day|fourth\s+of\s+july|independence\s+day|labor\s+day|veterans" + _APOSTROPHE
    + r"?\s+day|thanksgiving|black\s+friday|christmas(?:\s+eve)?)\b"
    # A holiday's weekend or season is not its day, nor are the things of its season: "a car
    # drove into a Christmas market".
    r"(?!\s+(?:weekend|holiday|season|break|vacation|week|market|fair|tree|light|decoration)s?\b|\s+shopping\b)"
)
# "two days after Christmas", "the night before the Fourth of July", "a gun he got for
# Christmas": a day reckoned from the named one, or none at all. "Last Memorial Day", written
# in June, may be this year's or the year before's.
_NAMED_DAY_OFF = re.compile(
    r"\b(?:before|after|until|till|since|by|for|ahead\s+of|leading\s+up\s+to|last)\s+(?:the\s+)?$",
    re.I)
_NAMED_DAY_REACH = 24


def _named_day_key(name: str) -> str:
    key = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    key = re.sub(r"martin luther king(?:,? jr\.?| junior)? day", "martin luther king day", key)
    key = re.sub(r"\b(new year|mother|father|valentine|patrick)'?s'?", r"\1's", key)
    return key.replace("st patrick", "st. patrick").replace("veterans' day", "veterans day")


def _named_day(name: str, anchor: date) -> date:
    """The named day's latest date on or before the anchor: "New Year's Eve" in a story of
    January 2 is the last day of the year before."""
    rule = _NAMED_DAYS[_named_day_key(name)]
    for year in (anchor.year, anchor.year - 1):
        found = easter(year) if rule is None else date(year, 1, 1) + rule
        if found <= anchor:
            return found
    raise AssertionError("a named day falls every year")


# The day something was said is not the day it happened: "in a news release issued Tuesday,
# said officers received a call at 10:50 a.m. Sunday", "the gunman, identified Friday as ...".
_SAID_BEFORE = re.compile(r"\b(?:said|says|told\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?[\w-]+|issued|announced|identified|confirmed|released|revealed|disclosed)\s+(?:on\s+)?$", re.I)
_SAID_REACH = 24
# A day something is to be done by is to come: "could be released by Monday" (not "a drive-by
# Wednesday night").
_BY_BEFORE = re.compile(r"(?<![\w-])(?:by|until|till)\s+(?:next\s+)?$", re.I)
# ... and a day something was planned for: "a Mundelein man shot near campus was to begin a
# nursing job Monday", "is scheduled to appear in court Tuesday".
_PLANNED_BEFORE = re.compile(
    r"\b(?:was|were|is|are)\s+(?:(?:due|scheduled|set|expected|slated|going|planning|supposed)\s+)?to\s+"
    r"(?!(?:be\s+)?(?:shot|killed|wounded|injured|hit)\b)(?:[\w'’-]+\s+){1,5}(?:on\s+)?$", re.I)
_PLANNED_REACH = 48
# ... and the day told before the verb: "Montgomery police on Tuesday announced an investigation
# into a shooting death that occurred Friday". Not "said" or "told", which follow the people
# hit as often ("a man shot Sunday told police he knew the gunman").
_ANNOUNCED_AFTER = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:announced|confirmed|released|identified|disclosed|revealed)\b", re.I)
# "The death toll rose to 30 on Sunday": the day a count was given, not the day it counts.
_TOLL_ROSE_BEFORE = re.compile(
    r"\b(?:rose|risen|climbed|jumped|increased|reached|grew|stood|stands)\s+(?:to\s+|at\s+)?"
    r"(?:at\s+least\s+|more\s+than\s+|nearly\s+|about\s+)?[\w,.-]+\s+(?:people\s+|dead\s+)?(?:by\s+|on\s+|as\s+of\s+)?$",
    re.I)
_TOLL_ROSE_REACH = 48
# "As of Tuesday morning, three were dead": the day a count stood.
_AS_OF_BEFORE = re.compile(r"\bas\s+of\s+(?:early\s+|late\s+)?$", re.I)
_SMALL_NUMBERS = {"two": 2, "three": 3, "seven": 7, "twenty-four": 24, "forty-eight": 48,
                  "seventy-two": 72}


@dataclass(frozen=True, slots=True)
class When:
    date: date
    date_end: date | None = None
    period: str | None = None
    stated: bool = True  # False when the date is only the publication day


def _count(text: str) -> int:
    return int(text) if text.isdigit() else _SMALL_NUMBERS.get(text.lower()) or number_value(text) or 1


def _explicit(match: re.Match[str], anchor: date) -> date | None:
    year = int(match["year"]) if match["year"] else anchor.year
    try:
        found = date(year, _MONTHS[match["month"].lower().rstrip(".")], int(match["day"]))
    except ValueError:
        return None
    if not match["year"] and found > anchor:
        found = found.replace(year=year - 1)
    return found


# A wire dateline's date is the day the copy was filed: "LEEDS, May 14 (Example Wire) - A
# fire killed five on Monday" happened on Monday.
_DATELINE_BEFORE = re.compile(r"\s*[A-Z][A-Z.'’ -]+,(?:\s+[A-Z][\w.]*,)?\s+")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?[-—–]")


def _is_datelines(sentence: str, match: re.Match[str]) -> bool:
    return bool(_DATELINE_BEFORE.fullmatch(sentence, 0, match.start())
                and _DATELINE_AFTER.match(sentence, match.end()))


# A page's time stamp is when it was posted: "Posted: Tuesday, April 15, 2014 10:21 PM EDT".
# "UPDATE (March 1, 2017 11:30 a.m.):" too, but not "Update: Man wounded in Nov. 2 shooting dies".
# "UPDATE 4:15 p.m. Friday:" is one too.
_STAMP_BEFORE = re.compile(
    r"\b(?:(?:posted|updated|published)\s*:?\s*(?:[\w,]+\s+){0,3}|update\s*\(\s*"
    r"|update\s*:?\s*\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\.?,?\s+)$", re.I)
_STAMP_REACH = 32


def _is_stamp(sentence: str, start: int) -> bool:
    return bool(_STAMP_BEFORE.search(sentence, max(0, start - _STAMP_REACH), start))


def _said_on(sentence: str, match: re.Match[str]) -> bool:
    """The day told is the day something was said: "told a local newspaper last week"."""
    return bool(_SAID_BEFORE.search(sentence, max(0, match.start() - _SAID_REACH), match.start()))


def _a_day_of_other_news(sentence: str, match: re.Match[str]) -> bool:
    """Whether the weekday ``match`` is the day of other news than the incident: something said,
    announced, awaited or planned, a page's stamp, or the day a count was given."""
    start = match.start()
    return (_said_on(sentence, match) or bool(_ANNOUNCED_AFTER.match(sentence, match.end()))
            or bool(_BY_BEFORE.search(sentence, max(0, start - _SAID_REACH), start))
            or bool(_PLANNED_BEFORE.search(sentence, max(0, start - _PLANNED_REACH), start))
            or _is_stamp(sentence, start) or _is_the_counts_day(sentence, start))


# The last day in Ukrainian and Russian copy: "за минулу добу", "протягом доби", "за сутки".
_SLAVIC_DAY = re.compile(r"(?<!\w)(?:за\s+(?:минулу\s+|останню\s+)?добу|протягом\s+(?:минулої\s+|останньої\s+)?доби"
                         r"|за\s+(?:прошедшие\s+|минувшие\s+|последние\s+)?сутки|в\s+течение\s+(?:прошедших\s+)?суток)(?!\w)",
                         re.I)


def period_in(sentence: str, anchor: date) -> When | None:
    if _SLAVIC_DAY.search(sentence):
        return When(date=anchor - timedelta(days=1), date_end=anchor, period="24h")
    match = _PERIOD_RE.search(sentence)
    if not match:
        return None
    if hours := match["hours"] or match["span_hours"]:
        days = max(1, _count(hours) // 24)
        label = f"{_count(hours)}h"
    elif match["day"]:  # "over the past day": the last 24 hours
        days, label = 1, "24h"
    elif match["days"]:
        days = _count(match["days"])
        label = f"{days}d"
    else:
        days, label = 7, "7d"
    return When(date=anchor - timedelta(days=days), date_end=anchor, period=label)


_INCIDENT_NOUNS = ("shooting", "killing", "slaying", "murder", "homicide", "stabbing", "attack", "rampage",
                   "massacre")


# A day that names the incident itself: "the July 9 shooting", "Thursday's fatal shooting",
# "the Sunday shooting", "the April 28 double murder". It is the claim's day whatever other
# day the sentence names first: the arrest's ("was taken into custody July 14 in connection
# with the July 9 shooting"), the hearing's, the day the death was ruled a homicide.
_INCIDENT_AFTER = re.compile(
    r"(?:['’]s)?(?:,?\s+(?:19|20)\d\d,?)?(?:\s+(?:early|late)\s+(?:morning|afternoon|evening|night))?"
    r"(?:\s+(?:fatal|deadly|double|triple|quadruple|mass|drive-by|accidental|shooting))?"
    r"\s+(?:" + "|".join(f"{noun}s?" for noun in _INCIDENT_NOUNS) + r")\b"
    # "Thursday's shooting scene" is a place, not the incident a sentence tells of.
    r"(?!\s+(?:scene|site|location))",
    re.I,
)


# Most sentences name no incident by these words, and are not searched for its day.
_INCIDENT_WORDS = CaseBlind(one_of(_INCIDENT_NOUNS, word_start=True))


def _day_of_the_incident(sentence: str, anchor: date) -> date | None:
    if not _INCIDENT_WORDS.search(sentence):
        return None
    for pattern in (_DAY_MONTH_RE, _MONTH_DAY_RE):
        for match in pattern.finditer(sentence):
            if _INCIDENT_AFTER.match(sentence, match.end()) and (found := _explicit(match, anchor)):
                return found
    for match in _WEEKDAY_RE.finditer(sentence):
        if _INCIDENT_AFTER.match(sentence, match.end()):
            return _weekday(match, anchor)
    return None


def _is_the_counts_day(sentence: str, start: int) -> bool:
    return (_TOLL_ROSE_BEFORE.search(sentence, max(0, start - _TOLL_ROSE_REACH), start) is not None
            or _AS_OF_BEFORE.search(sentence, max(0, start - _TOLL_ROSE_REACH), start) is not None)


def _weekday(match: re.Match[str], anchor: date) -> date:
    return anchor - timedelta(days=(anchor.weekday() - _WEEKDAYS.index(match["day"].lower())) % 7)


# An article's claim sentences are read for a day twice (for the story's day, then for each
# claim's), and a claim's sentence again as the next claim's previous one.
@lru_cache(maxsize=256)
def day_in(sentence: str, anchor: date) -> date | None:
    """The day a sentence names, or None when it names none."""
    if found := _day_of_the_incident(sentence, anchor):
        return found
    for pattern in (_DAY_MONTH_RE, _MONTH_DAY_RE):
        for match in pattern.finditer(sentence):
            if _is_datelines(sentence, match) or _is_stamp(sentence, match.start()) \
                    or _is_the_counts_day(sentence, match.start()):
                continue
            if found := _explicit(match, anchor):
                return found
            break
    for match in _NAMED_DAY_RE.finditer(sentence):
        reach = max(0, match.start() - _NAMED_DAY_REACH)
        if _NAMED_DAY_OFF.search(sentence, reach, match.start()) or _SAID_BEFORE.search(
                sentence, reach, match.start()):
            continue
        return _named_day(match["name"], anchor)
    match = _MONTH_YEAR_RE.search(sentence)
    if match:
        return date(int(match["year"]), _MONTHS[match["month"].lower().rstrip(".")], 1)
    for match in _WEEKDAY_RE.finditer(sentence):
        if not _a_day_of_other_news(sentence, match):
            return _weekday(match, anchor)
    if match := _AGO_RE.search(sentence):
        count = 1 if match["count"].lower() in ("a", "an") else number_value(match["count"]) or 0
        return anchor - timedelta(days=count * (7 if match["unit"].startswith("week") else 1))
    if (match := _YESTERDAY_RE.search(sentence)) and not _said_on(sentence, match):
        return anchor - timedelta(days=1)
    if (match := _LAST_WEEK_RE.search(sentence)) and not _said_on(sentence, match):
        return anchor - timedelta(days=7)
    if _THIS_MORNING_RE.search(sentence):
        return anchor
    return None


def today_in(sentence: str, anchor: date) -> date | None:
    """The publication day, where a sentence tells of something done "today" (not said then:
    "police said today"). Stories tell of the day's follow-up so (a vigil, a hearing, a name
    released) more often than of the incident, so it is the day a story names only when it
    names no other."""
    for match in _TODAY_RE.finditer(sentence):
        if not _said_on(sentence, match):
            return anchor
    return None


# The words of the violence itself, and of what follows it: a story's opening sentence that
# tells of shots fired names the incident's day; one that tells of an arrest, a hearing or a
# vigil names its own.
_VIOLENCE = CaseBlind(
    r"\b(?:shot|shots|shooting|shootings|gunfire|gunshots?|gunman|fired|opened\s+fire|killed|slain"
    r"|wounded|stabbed|stabbing|attack|attacked|strike|shelling|explosion|blast"
    # "It happened at NW 61st Street at 10:23 p.m. Sunday": the story's own event, told as such
    r"|happened|occurred|took\s+place)\b")
_AFTERMATH = CaseBlind(
    r"\b(?:arrest\w*|behind\s+bars|jail\w*|charged|charges|pleaded|pleads|sentenc\w+|convicted|trial|arraign\w*|custody"
    r"|hearing|indicted|guilty|court|probation|prison|vigil|funeral|memorial|remembered|mourn\w*|identified|autopsy"
    r"|remains?|remained|still)\b")


def scene_day(sentence: str, anchor: date) -> date | None:
    """The day a sentence that tells of the violence itself names ("Shots rang out Wednesday
    afternoon near the school"), or None."""
    if not _VIOLENCE.search(sentence) or _AFTERMATH.search(sentence):
        return None
    return day_in(sentence, anchor)


# A quotation opens with its mark: "“Was just with him yesterday morning,” Tyler said."
_QUOTED = re.compile(r"\s*[\"“‘]")


def _scene_before(previous: str, published: date) -> date | None:
    """The day the sentence before a claim sets its scene on. Someone's quoted words date the
    claim only where they tell of the violence ("“On Friday, May 6, officers responded to a
    shooting,” the release stated"): a father's "Was just with him yesterday morning, playing
    and happy" names a day of his own."""
    if not previous:
        return None
    return scene_day(previous, published) if _QUOTED.match(previous) else day_in(previous, published)


def when(sentence: str, previous: str, published: date, event_day: date, *,
         event_day_stated: bool = True) -> When:
    """The time of a claim: a period it states, the day it names, the day the sentence before
    it names where that sentence tells of the violence (it often sets the scene: "a strike in
    the early hours of Tuesday ... Six people were injured"), else the article's event day. A
    sentence before that tells of something else names its own day: "he was released from the
    hospital on Wednesday", a father's "was just with him yesterday morning". "Yesterday" and
    weekdays count back from the publication day."""
    period = period_in(sentence, published)
    if period:
        return period
    day = day_in(sentence, published) or _scene_before(previous, published)
    return When(date=day) if day else When(date=event_day, stated=event_day_stated)
