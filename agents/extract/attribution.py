"""Who a claim is attributed to, and what kind of event it reports."""

from __future__ import annotations

import re

from agents.extract.figures import Figure
from agents.extract.gate import gated

_SPEECH = r"(?:said|says|confirmed|reported|told\s+[\w\s]+?|announced|stated)"
# "police said on Wednesday", "officials said late Tuesday"
_WHEN_SAID = (r"(?:\s+(?:on\s+|late\s+|early\s+|last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
              r"|today|yesterday|night|morning|afternoon|evening)(?:\s+(?:night|morning|afternoon|evening))?)?")
# A passive's subject is no speaker: "No injuries were reported", "the toll could not be confirmed".
_NOT_PASSIVE = r"(?<!\swere)(?<!\swas)(?<!\sbeen)(?<!\sbe)"
_ATTRIBUTION = (
    re.compile(r"\baccording\s+to\s+(?P<who>[^,.;]+)", re.I),
    re.compile(rf",\s+(?P<who>[^,]+?){_NOT_PASSIVE}\s+(?:has\s+|have\s+|had\s+)?{_SPEECH}{_WHEN_SAID}\s*[.]?\s*$", re.I),
    # after the dateline that may open the sentence: "LAGOS, March 15 (Reuters) - Police said"
    re.compile(rf"^(?-i:[A-Z][A-Z.'’]+(?:\s+[A-Z][A-Z.'’]+)*\b[^-–—]{{0,40}}?\s[-–—]+\s+)?(?P<who>.+?){_NOT_PASSIVE},?\s+(?:later\s+|also\s+|earlier\s+)?{_SPEECH}\b", re.I),
)
_MAX_ATTRIBUTION_WORDS = 10

_EVENT_TYPES = tuple((name, gated(pattern)) for name, pattern in (
    ("air strike", re.compile(
        r"\bair\s*-?\s*(?:and\s+\w+\s+)?strikes?\b|\bairstrikes?\b|\baerial\s+bomb", re.I)),
    ("missile strike", re.compile(r"\bmissiles?\b", re.I)),
    ("rocket strike", re.compile(r"\brockets?\b", re.I)),
    ("drone strike", re.compile(r"\bdrones?\b", re.I)),
    ("shelling", re.compile(r"\bshell(?:ing|ed|s)\b|\bartillery\b", re.I)),
    ("shooting", re.compile(r"\bshoot(?:ing|ings|er)?\b|\bshot\b|\bgunfire\b|\bgunm[ae]n\b|\bop(?:en|ens|ened|ening)\s+fire\b", re.I)),
    ("bombing", re.compile(r"\bbomb(?:ing|ings|s|ed)?\b|\bsuicide\s+attack", re.I)),
    ("explosion", re.compile(r"\bexplosions?\b|\bblasts?\b|\bexploded\b", re.I)),
    ("stabbing", re.compile(r"\bstabb(?:ing|ed)\b", re.I)),
))
# Disasters, told in the same copy: a fire is not the gunfire, crossfire or fire that a gunman
# opened or police returned, nor the fire department that came. Most sentences name none, which
# one search of their words tells (event types 1.9x over gva-dev's claims against searching each).
_DISASTER_WORDS = gated(re.compile(
    r"\b(?:fires?|blazes?|inferno|crash|collision|derail|plunged|capsiz|flood|earthquake|quake|landslide|mudslide"
    r"|(?:a|the|tropical|winter|severe|snow|ice|dust)\s+storm|hurricane|typhoon|cyclone|tornado|building|bridge|roof"
    r"|house|mine|stadium|wall|tower|block|collapse|stampede|crowd\s+crush)", re.I))
_DISASTERS = tuple((name, gated(pattern)) for name, pattern in (
    ("fire", re.compile(
        r"(?<!open\s)(?<!opens\s)(?<!opened\s)(?<!opening\s)(?<!returned\s)(?<!returning\s)(?<!exchange\sof\s)"
        r"(?<!\bto\s)(?<!\bgun\s)(?<!\bcross\s)(?<!\btaking\s)(?<!\bunder\s)\bfires?\b"
        r"(?!\s+(?:department|dept|officials?|chief|fighters?|truck|station|crews?|marshal|captain|service|rescue|lieutenant"
        r"|engine|hydrant|company|commander|said|says|is\s+reporting|reported|their|his|her|into|through|shots?|rounds?"
        r"|at\s+(?:police|officers|the\s+officers))\b)"
        r"|\bblazes?\b|\binferno\b", re.I)),
    ("crash", re.compile(r"\bcrash(?:es|ed)?\b|\bcollisions?\b|\bderail(?:ed|ment)\b|\bplunged\s+(?:into|off)\b|\bcapsiz(?:e|ed|ing)\b", re.I)),
    ("flood", re.compile(r"\bfloods?\b|\bflooding\b|\bflash\s+floods?\b", re.I)),
    ("earthquake", re.compile(r"\bearthquakes?\b|\bquakes?\b", re.I)),
    ("landslide", re.compile(r"\b(?:land|mud)slides?\b", re.I)),
    ("storm", re.compile(r"\b(?:a|the|tropical|winter|severe|snow|ice|dust)\s+storms?\b|\bhurricanes?\b|\btyphoons?\b"
                         r"|\bcyclones?\b|\btornado(?:e?s)?\b", re.I)),
    ("collapse", re.compile(
        r"\b(?:building|bridge|roof|house|mine|stadium|wall|tower|block)\s+(?:that\s+)?collapsed?\b"
        r"|\bcollapsed?\s+(?:of\s+(?:a|an|the)\s+)?(?:building|bridge|roof|house|mine|stadium|wall|tower)\b", re.I)),
    ("stampede", re.compile(r"\bstampedes?\b|\bcrowd\s+crush\b", re.I)),
))


def attribution(sentence: str, patterns: tuple[re.Pattern[str], ...] = _ATTRIBUTION) -> str | None:
    """The speaker a sentence credits ("the mayor of the city"), or None. ``patterns`` name
    the speaker as group ``who`` (another language's patterns read its copy)."""
    for pattern in patterns:
        match = pattern.search(sentence)
        if match:
            who = match["who"].strip().strip('"“”«»')
            if 0 < len(who.split()) <= _MAX_ATTRIBUTION_WORDS:
                return who
    return None


def event_types(sentence: str, kinds: tuple[tuple[str, re.Pattern[str]], ...] = _EVENT_TYPES,
                disasters: tuple[tuple[str, re.Pattern[str]], ...] = _DISASTERS) -> list[str]:
    """The kinds of event a sentence reports; ``kinds`` and ``disasters`` as (name, pattern),
    the disasters searched only where the sentence has one of their words."""
    found = [name for name, pattern in kinds if pattern.search(sentence)]
    if disasters and _DISASTER_WORDS.search(sentence):
        found += [name for name, pattern in disasters if pattern.search(sentence)]
    return found



# The words that tell a figure as an addition where they open it: "another man", "an
# additional victim", "two more people"; "a further four" is read as the count's qualifier.
_ADDITION = re.compile(r"(?:another|an?\s+additional)\b|\S+\s+more\b", re.I)


# "A third shooting also happened", "in a separate attack": the sentence tells of an incident
# other than the one the story is about. Not "a third shooting victim" (the story's), nor what
# someone is on parole or wanted "for another shooting".
_ANOTHER_INCIDENT = re.compile(
    r"(?<!\bfor\s)\b(?:another|a\s+(?:second|third|fourth|separate|later|new)|an\s+(?:earlier|unrelated|other))\s+"
    r"(?:\w+\s+)?(?:shooting|attack|incident|stabbing|strike|explosion|shelling|bombing|crash)\b(?!\s+victims?\b)",
    re.I)


def another_incident(sentence: str, pattern: re.Pattern[str] = _ANOTHER_INCIDENT) -> bool:
    return bool(pattern.search(sentence))


def adds(sentence: str, found: list[Figure], opening: re.Pattern[str] | None = _ADDITION,
         before: re.Pattern[str] | None = None) -> bool:
    """The claim is news on top of what was reported before ("a further four were killed",
    "two more people died"): its first figure is told as an addition. "21 died and a further
    112 were wounded" adds nothing to earlier news: its addition is to its own first figure."""
    if not found:
        return False
    first = min(found, key=lambda figure: figure.start)
    return (first.qualifier == "a further" or bool(opening and opening.match(sentence, first.start))
            or bool(before and before.search(sentence, 0, first.start)))


# "The death toll rose to 30", "bringing the number of dead to 12", "Death toll climbs to 288":
# the claim is a later count of people told of before, which it replaces.
_TOLL_RISE = re.compile(
    r"\b(?:toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|casualties|victims|injured|wounded)"
    r"|(?:dead|injured|wounded)\s+count)\b(?:\s+[\w,'’-]+){0,14}?\s+"
    r"(?:(?:has|had|have)\s+)?(?:(?:rose|rises|risen|climbed|climbs|jumped|jumps|increased|increases|grew|grows|grown)\s+to"
    r"|passed|passes|topped|tops|exceeded|exceeds|surpassed|surpasses)\b"
    r"|\b(?:bringing|raising|pushing|taking)\s+(?:the\s+)?(?:death\s+)?(?:toll|number\s+of\s+(?:dead|deaths|injured|wounded))\s+to\b",
    re.I)


def updates(sentence: str, pattern: re.Pattern[str] = _TOLL_RISE) -> bool:
    return bool(pattern.search(sentence))

