"""Which claim reader reads an article, by its language.

English copy is read by ``figures``; Ukrainian and Russian by ``slavic``. An article in any
other language has no reader: it is kept and counted, and no claim is invented for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from agents.extract import attribution, figures, slavic
from agents.extract.figures import Figure


@dataclass(frozen=True, slots=True)
class Reader:
    figures: Callable[[str], list[Figure]]
    attribution: Callable[[str], str | None]
    event_types: Callable[[str], list[str]]
    # The claim (a sentence and its figures) is news on top of earlier news ("a further four").
    adds: Callable[[str, list[Figure]], bool]
    # The sentence tells of an incident other than the story's ("a second shooting").
    another_incident: Callable[[str], bool]
    # The claim is a later count of people told of before ("the death toll rose to 30").
    updates: Callable[[str], bool]
    # The figures of a sentence in a story that counted no one before it: "the victim" is new.
    first_figures: Callable[[str], list[Figure]]


ENGLISH = Reader(figures.figures, attribution.attribution, attribution.event_types,
                 attribution.adds, attribution.another_incident, attribution.updates,
                 partial(figures.figures, counted_before=False))
SLAVIC = Reader(slavic.figures, slavic.attribution, slavic.event_types, slavic.adds,
                slavic.another_incident, slavic.updates, slavic.figures)
READERS = {"en": ENGLISH, "uk": SLAVIC, "ru": SLAVIC}


def reader_for(language: str) -> Reader | None:
    return READERS.get(language)
