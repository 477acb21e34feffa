"""Each stage as one step: a message's raw value and key and the stage's table in, the records
to send out, each with its key.

The Faust agents pass their Faust tables and ``wirewatch process`` passes dicts that store
JSON the same way, so the two paths parse, compute and keep state with the very same code.
A step raises when the message is bad; its caller dead-letters the message.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

from agents.article_memory import remember
from agents.dedupe.core import PlaceIncidents, dedupe
from agents.dedupe.layout import PlaceStore
from agents.enrich.core import enrich
from agents.extract.article import parse_article
from agents.extract.core import ArticleSeen, extract
from agents.extract.readers import reader_for
from agents.tally.core import PlaceTally, is_counted, tally
from streams.decoded import DecodedTable
from streams.records import Incident, Report, loads

Output = tuple[str, Any]
Table = MutableMapping[str, Any]


@dataclass(frozen=True, slots=True)
class StepResult:
    outputs: list[Output]
    # The stage had handled this message before: its state did not change, and the outputs
    # are sent again in case a crash lost them.
    repeated: bool = False
    # extract only: the article's language, and whether wirewatch reads claims in it.
    language: tuple[str, bool] | None = None


def extract_step(value: bytes, key: bytes | None, *, articles_seen: Table, partition: int,
                 window_days: int) -> StepResult:
    """``partition``: the article's, whose stream time decides when extract forgets it."""
    article = parse_article(value, key)
    seen = articles_seen.get(article.id)
    result = extract(article, ArticleSeen.from_dict(seen) if seen else None)
    remember(articles_seen, article.id, result.seen, result.seen.version_time,
             partition=partition, window_days=window_days)
    language = result.seen.language
    return StepResult([(report.place.id, report) for report in result.reports],
                      seen is not None and seen["revision"] == result.seen.revision
                      and seen["fingerprint"] == result.seen.fingerprint,
                      (language, reader_for(language) is not None))


def place_states(table: Table) -> DecodedTable[PlaceIncidents]:
    """Dedupe's table as ``dedupe_step`` reads it: each place's state decoded once, then kept,
    and written as what changed (``agents/dedupe/layout.py``)."""
    return DecodedTable(PlaceStore(table))


def dedupe_step(value: bytes, key: bytes | None, *,
                place_incidents: MutableMapping[str, PlaceIncidents],
                window_days: int) -> StepResult:
    report = Report.from_dict(loads(value))
    state = place_incidents.get(report.place.id)
    result = dedupe(report, state, window_days)
    place_incidents[report.place.id] = result.state
    return StepResult([(incident.place_id, incident) for incident in result.incidents],
                      state is not None and report.report_id in state.handled)


def enrich_step(value: bytes, key: bytes | None) -> StepResult:
    incident = enrich(Incident.from_dict(loads(value)))
    return StepResult([(incident.place_id, incident)])


def tally_step(value: bytes, key: bytes | None, *, place_tallies: Table,
               window_days: int) -> StepResult:
    incident = Incident.from_dict(loads(value))
    stored = place_tallies.get(incident.place_id)
    state = PlaceTally.from_dict(stored) if stored else None
    step = tally(incident, state, window_days)
    place_tallies[incident.place_id] = step.state
    return StepResult([(incident.place_id, step.state.row)] if step.send else [],
                      is_counted(state, incident))
