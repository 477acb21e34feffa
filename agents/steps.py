"""Each stage as one step: a message's raw value and key and the stage's table in, the records
to send out, each with its key.

The Faust agents pass their Faust tables and ``wirewatch process`` passes dicts that store
JSON the same way, so the two paths parse, compute and keep state with the very same code.
A step raises when the message is bad; its caller dead-letters the message.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from agents.dedupe.core import PlaceIncidents, dedupe
from agents.enrich.core import enrich
from agents.extract.article import parse_article
from agents.extract.core import ArticleSeen, extract
from agents.tally.core import PlaceTally, tally
from streams.records import Incident, Report, loads

Output = tuple[str, Any]
Table = MutableMapping[str, Any]


def extract_step(value: bytes, key: bytes | None, *, articles_seen: Table) -> list[Output]:
    article = parse_article(value, key)
    seen = articles_seen.get(article.id)
    result = extract(article, ArticleSeen.from_dict(seen) if seen else None)
    articles_seen[article.id] = result.seen
    return [(report.place.id, report) for report in result.reports]


def dedupe_step(value: bytes, key: bytes | None, *, place_incidents: Table) -> list[Output]:
    report = Report.from_dict(loads(value))
    state = place_incidents.get(report.place.id)
    result = dedupe(report, PlaceIncidents.from_dict(state) if state else None)
    place_incidents[report.place.id] = result.state
    return [(incident.place_id, incident) for incident in result.incidents]


def enrich_step(value: bytes, key: bytes | None) -> list[Output]:
    incident = enrich(Incident.from_dict(loads(value)))
    return [(incident.place_id, incident)]


def tally_step(value: bytes, key: bytes | None, *, place_tallies: Table) -> list[Output]:
    incident = Incident.from_dict(loads(value))
    state = place_tallies.get(incident.place_id)
    step = tally(incident, PlaceTally.from_dict(state) if state else None)
    place_tallies[incident.place_id] = step.state
    return [(incident.place_id, step.state.row)] if step.send else []
