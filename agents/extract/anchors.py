"""Words that tie articles to one incident: the street it happened on and the people named
with their ages ("Terrell Skinner, 26"). Two outlets rarely share them by chance."""

from __future__ import annotations

import re

from agents.enrich.gazetteer import fold

_SUFFIXES = {
    "street": "st", "st": "st", "avenue": "ave", "ave": "ave", "road": "rd", "rd": "rd",
    "drive": "dr", "dr": "dr", "boulevard": "blvd", "blvd": "blvd", "lane": "ln", "ln": "ln",
    "way": "way", "court": "ct", "ct": "ct", "place": "pl", "parkway": "pkwy", "pkwy": "pkwy",
    "highway": "hwy", "hwy": "hwy", "terrace": "ter", "circle": "cir",
}
_STREET = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+(?P<suffix>"
    + "|".join(sorted({k.capitalize() for k in _SUFFIXES}, key=len, reverse=True))
    + r")\b\.?"
)
_NAMED_PERSON = re.compile(r"\b(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2}),\s+\d{1,3},")
_MAX_ANCHORS = 12


def anchors(text: str) -> list[str]:
    """Up to a dozen anchors, in order of first appearance, normalised."""
    found: dict[str, None] = {}
    for match in _STREET.finditer(text):
        found[f"street:{fold(match['name'])} {_SUFFIXES[match['suffix'].lower()]}"] = None
    for match in _NAMED_PERSON.finditer(text):
        found[f"person:{fold(match['name'].split()[-1])}"] = None
    return list(found)[:_MAX_ANCHORS]
