"""The four stages chained in memory: what ``wirewatch process`` runs.

Each stage is the same step the Faust agents run (``agents.steps``), on tables that store JSON
as the Faust tables do, under the same size limit and deadline. A message a stage cannot handle
becomes the same dead letter, with its file and line, and the run goes on. So a file processed
here and the same file streamed through Kafka end in the same incidents and tallies.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from agents.dedupe.core import PlaceIncidents
from agents.enrich.gazetteer import load_gazetteer
from agents.extract.article import parse_article
from agents.extract.core import Extraction, extract
from agents.steps import (Output, StepResult, dedupe_step, enrich_step, extract_step,
                          place_states, tally_step)
from streams import admin
from streams.inputs import Message, read_messages
from streams.json_table import JsonTable
from streams.limits import bounded, check_size, deadline
from streams.records import DeadLetter, Incident, Report, dumps
from streams.settings import Settings


@dataclass(slots=True)
class LocalRun:
    settings: Settings = field(default_factory=Settings.from_env)
    articles_seen: JsonTable = field(default_factory=JsonTable)
    place_incidents: MutableMapping[str, PlaceIncidents] = field(
        default_factory=lambda: place_states(JsonTable()))
    place_tallies: JsonTable = field(default_factory=JsonTable)
    reports: dict[str, Report] = field(default_factory=dict)
    incidents: dict[str, Incident] = field(default_factory=dict)
    dead_letters: list[DeadLetter] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)

    def feed(self, message: Message, first_reading: Extraction | None = None) -> None:
        """One article through every stage, each record as soon as it is made.
        ``first_reading``: extract's reading of the message as a new article, made ahead."""
        window = self.settings.incident_window_days
        # The whole run is one partition: its stream time is the latest article's.
        extract = partial(extract_step, articles_seen=self.articles_seen, partition=0,
                          window_days=window, first_reading=first_reading)
        dedupe = partial(dedupe_step, place_incidents=self.place_incidents, window_days=window)
        tally = partial(tally_step, place_tallies=self.place_tallies, window_days=window)
        origin = message.origin
        for key, batch in self._run("extract", admin.ARTICLES, message.key, message.value,
                                    origin, extract):
            for report in batch.reports:
                self.reports.setdefault(report.report_id, report)
            for key, incident in self._run("dedupe", admin.REPORTS, key, batch, origin, dedupe):
                for key, enriched in self._run("enrich", admin.INCIDENTS, key, incident, origin,
                                               enrich_step):
                    self.incidents[enriched.incident_id] = enriched
                    self._run("tally", admin.EVENTS, key, enriched, origin, tally)

    def _run(self, stage: str, topic: str, key: bytes | str | None, record: bytes | Any,
             origin: str, step: Callable[[bytes, bytes | None], StepResult]) -> list[Output]:
        """Hand the record to the step as Kafka would: key and value as bytes."""
        key = key.encode("utf-8") if isinstance(key, str) else key
        value = record if isinstance(record, bytes) else dumps(record)
        try:
            result = bounded(step, key, value, max_bytes=self.settings.max_message_bytes,
                             timeout=self.settings.stage_timeout)
        except Exception as exc:  # one bad message must not stop the run
            result = StepResult([], rejected=[(value, exc)])
        for rejected, exc in result.rejected:
            self.dead_letters.append(DeadLetter.of(
                stage, exc, key, rejected, topic=topic, origin=origin,
                limit=self.settings.max_message_bytes))
        if result.language is not None:
            self.languages[result.language[0]] += 1
        return result.outputs

    def rows(self) -> list[dict]:
        """The final row of every place, the wider places first: a reader that keys rows by
        name alone, where "St. Louis County" and "St. Louis" are one key once " County" is
        cut, keeps the city's."""
        rows = [state["row"] for state in self.place_tallies.values()]
        return sorted(rows, key=lambda row: _WIDER_FIRST.get(row["place_id"].partition(":")[0], len(_WIDER_FIRST)))


_WIDER_FIRST = {"unknown": 0, "country": 1, "admin1": 2, "county": 3}


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


def _publication_day(message: Message) -> str:
    try:
        article = parse_article(message.value, message.key)
    except Exception:  # extract will dead-letter it; where it stands does not matter
        return ""
    return (article.published_at or "")[:10]


def in_publication_order(messages: Iterable[Message]) -> list[Message]:
    """The messages as a live stream brings them, the earliest published first (a stable sort:
    undated ones keep their place among the first). Files of archived news come in any order,
    and incidents close a window after their last report, so a file read in its own order
    would make the news of later years close the incidents of earlier ones too soon."""
    return sorted(messages, key=_publication_day)


def _first_reading(message: tuple[bytes | None, bytes], max_bytes: int,
                   timeout: float) -> Extraction | None:
    """``extract`` of one message as the first version of its article, under the stage's
    bounds; None where the message is refused or fails, which the stage, reading it again,
    then dead-letters as it always does."""
    key, value = message
    try:
        check_size(key, value, max_bytes)
        with deadline(timeout):
            return extract(parse_article(value, key), None)
    except Exception:
        return None


# Articles a worker reads per task: enough to spare the round trips, few enough that the
# first results come soon and the main process never waits long at the end.
_CHUNK = 16


def first_readings(messages: list[Message], settings: Settings,
                   jobs: int) -> Iterator[Extraction | None]:
    """Each message's first reading, in order, made by ``jobs`` processes: extraction is most
    of a run's time and needs no state but the article's own, while dedupe, enrich and tally
    stay in order in one process. The workers are forked once the gazetteer is loaded, so they
    share it. One job reads nothing ahead: the stage reads each article itself."""
    if jobs <= 1:
        yield from (None for _ in messages)
        return
    read = partial(_first_reading, max_bytes=settings.max_message_bytes,
                   timeout=settings.stage_timeout)
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(read, [(m.key, m.value) for m in messages], chunksize=_CHUNK)



def process(paths: list[Path], out_dir: Path, settings: Settings | None = None,
            jobs: int = 1) -> ProcessSummary:
    """Run every message of ``paths`` through the stages, in publication order; write
    reports.jsonl (each report once), incidents.jsonl (final revision of each), tallies.jsonl
    (final row per place) and deadletters.jsonl (messages a stage could not handle, with the
    error). ``jobs`` processes read the articles ahead (0: one per core); the outputs are the
    same whatever their number."""
    run = LocalRun(settings or Settings.from_env())
    # Compiling the gazetteer's index on a machine that has none for this code takes longer than
    # a stage may spend on one message: inside extract's deadline every article would time out,
    # and the next would start compiling again.
    load_gazetteer()
    messages = in_publication_order(read_messages(paths))
    jobs = jobs or os.cpu_count() or 1
    articles = 0
    for message, reading in zip(messages, first_readings(messages, run.settings, jobs)):
        articles += 1
        run.feed(message, reading)
    out_dir.mkdir(parents=True, exist_ok=True)
    _write_jsonl(out_dir / "reports.jsonl", list(run.reports.values()))
    _write_jsonl(out_dir / "incidents.jsonl", list(run.incidents.values()))
    _write_jsonl(out_dir / "tallies.jsonl", run.rows())
    _write_jsonl(out_dir / "deadletters.jsonl", run.dead_letters)
    return ProcessSummary(articles, len(run.dead_letters), len(run.reports), len(run.incidents),
                          len(run.place_tallies), dict(run.languages.most_common()))
