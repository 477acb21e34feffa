"""The four stages chained in memory: what ``wirewatch process`` runs.

State lives in dicts keyed exactly as the worker's Faust tables are, and every stage is the
same pure function the agents call, so a file processed here and the same file streamed
through Kafka end in the same incidents and tallies.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from agents.dedupe.core import PlaceIncidents, dedupe
from agents.enrich.core import enrich
from agents.enrich.gazetteer import Gazetteer, load_gazetteer
from agents.extract.article import parse_article
from agents.extract.core import ArticleSeen, extract
from agents.tally.core import Contribution, tally
from streams.inputs import Message, read_messages
from streams.records import CityTally, Incident, Report, dumps


@dataclass(slots=True)
class LocalRun:
    gazetteer: Gazetteer = field(default_factory=load_gazetteer)
    seen: dict[str, ArticleSeen] = field(default_factory=dict)
    open_incidents: dict[str, PlaceIncidents] = field(default_factory=dict)
    contributions: dict[str, Contribution] = field(default_factory=dict)
    rows: dict[str, CityTally] = field(default_factory=dict)
    reports: list[Report] = field(default_factory=list)
    incidents: dict[str, Incident] = field(default_factory=dict)
    languages: Counter[str] = field(default_factory=Counter)

    def feed(self, message: Message) -> None:
        article = parse_article(message.value, message.key)
        extraction = extract(article, self.seen.get(article.id), self.gazetteer)
        self.seen[article.id] = extraction.seen
        self.languages[extraction.seen.language] += 1
        for report in extraction.reports:
            self.reports.append(report)
            self.on_report(report)

    def on_report(self, report: Report) -> None:
        step = dedupe(report, self.open_incidents.get(report.place.id))
        self.open_incidents[report.place.id] = step.state
        for incident in step.incidents:
            self.on_incident(enrich(incident, self.gazetteer))

    def on_incident(self, incident: Incident) -> None:
        self.incidents[incident.incident_id] = incident
        step = tally(incident, self.contributions.get(incident.incident_id),
                     self.rows.get(incident.place_id))
        if step.contribution is not None:
            self.contributions[incident.incident_id] = step.contribution
        if step.row is not None:
            self.rows[incident.place_id] = step.row


@dataclass(frozen=True, slots=True)
class ProcessSummary:
    articles: int
    dead_letters: int
    reports: int
    incidents: int
    places: int
    languages: dict[str, int]  # articles per language


def _write_jsonl(path: Path, records: list) -> None:
    with path.open("wb") as out:
        for record in records:
            out.write(dumps(record) + b"\n")


def process(paths: list[Path], out_dir: Path) -> ProcessSummary:
    """Run every message of ``paths`` through the stages; write reports.jsonl,
    incidents.jsonl (final revision of each), tallies.jsonl (final row per place) and
    deadletters.jsonl (messages that could not be processed, with the error)."""
    run = LocalRun()
    dead: list[dict] = []
    articles = 0
    for message in read_messages(paths):
        articles += 1
        try:
            run.feed(message)
        except Exception as exc:  # one bad message must not stop the batch
            dead.append({"origin": message.origin, "error": f"{type(exc).__name__}: {exc}",
                         "value": message.value.decode("utf-8", errors="replace")})
    out_dir.mkdir(parents=True, exist_ok=True)
    _write_jsonl(out_dir / "reports.jsonl", run.reports)
    _write_jsonl(out_dir / "incidents.jsonl", list(run.incidents.values()))
    _write_jsonl(out_dir / "tallies.jsonl", list(run.rows.values()))
    _write_jsonl(out_dir / "deadletters.jsonl", dead)
    return ProcessSummary(articles, len(dead), len(run.reports), len(run.incidents), len(run.rows),
                          dict(run.languages.most_common()))
