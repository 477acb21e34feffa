"""Each stage as one step: a message's raw value and key and the stage's table in, the records
to send out, each with its key.

The Faust agents pass their Faust tables and ``wirewatch process`` passes dicts that store
JSON the same way, so the two paths parse, compute and keep state with the very same code.
A step raises when the message is bad; its caller dead-letters the message. Dedupe's message
holds several reports: one it cannot handle is returned in ``rejected`` and dead-lettered
alone, and its batch-mates are counted.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

from agents.article_memory import remember
from agents.dedupe.core import PlaceIncidents, dedupe
from agents.dedupe.layout import PlaceStore
from agents.enrich.core import enrich
from agents.extract.article import parse_article
from agents.extract.core import ArticleSeen, Extraction, extract
from agents.extract.readers import reader_for
from agents.tally.core import PlaceTally, is_counted, tally
from streams.decoded import DecodedTable
from streams.limits import StageTimeout
from streams.records import (Incident, PlaceReports, RecordError, Report, dumps, loads,
                             report_items)

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
    # dedupe only: the reports of the message it turned away, each as the bytes of a message
    # of its own (a lone Report, which dedupe reads as a batch of one), and why.
    rejected: list[tuple[bytes, Exception]] = field(default_factory=list)


def extract_step(value: bytes, key: bytes | None, *, articles_seen: Table, partition: int,
                 window_days: int, first_reading: Extraction | None = None) -> StepResult:
    """``partition``: the article's, whose stream time decides when extract forgets it.
    ``first_reading``: ``extract`` of this very message as the first version of its article,
    made ahead (in another process, by ``wirewatch process --jobs``); it stands where the
    article is new, which is what it was read as."""
    article = parse_article(value, key)
    seen = articles_seen.get(article.id)
    if seen is None and first_reading is not None:
        result = first_reading
    else:
        result = extract(article, ArticleSeen.from_dict(seen) if seen else None)
    remember(articles_seen, article.id, result.seen, result.seen.version_time,
             partition=partition, window_days=window_days)
    language = result.seen.language
    places: dict[str, list[Report]] = {}
    for report in result.reports:
        places.setdefault(report.place.id, []).append(report)
    return StepResult([(place, PlaceReports(reports)) for place, reports in places.items()],
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
    """Fold a place's reports into its state one by one, as ``dedupe`` takes them, and write
    the state once. Each incident the batch changed is sent once, at its last revision: the
    revisions in between were never anyone's final word."""
    place: str | None = None
    state: PlaceIncidents | None = None
    repeats: list[bool] = []
    changed: dict[str, Incident] = {}  # the order in which incidents first changed
    rejected: list[tuple[bytes, Exception]] = []
    data = loads(value)
    for item in report_items(data):
        try:
            report = Report.from_dict(item)
            if place is None:
                place = report.place.id
                state = place_incidents.get(place)
            elif report.place.id != place:
                raise RecordError(f"report {report.report_id} is at {report.place.id}, in a "
                                  f"message of reports at {place}")
            result = dedupe(report, state, window_days)
        except StageTimeout:
            raise  # the deadline is the message's: none of it is written, all is dead-lettered
        except Exception as exc:  # a bad report is dead-lettered alone
            # as a lone report: the message's own bytes when it was one
            rejected.append((value if item is data else dumps(item), exc))
            continue
        repeats.append(state is not None and report.report_id in state.handled)
        state = result.state
        for incident in result.incidents:
            changed[incident.incident_id] = incident
    if place is not None and state is not None:
        place_incidents[place] = state
    return StepResult([(incident.place_id, incident) for incident in changed.values()],
                      bool(repeats) and all(repeats), rejected=rejected)


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
