"""Resident memory and table sizes as the stream grows to a million articles, in a fresh
interpreter (``python -m bench.memory``), one JSON line per checkpoint.

Extracting a million articles at a few hundred a second would take an hour, so the corpus is
extracted once and its output replayed: each copy of an article (``bench.corpus``) stores what
extract remembers of it in ``articles-seen`` as extract does (``agents.article_memory``, which
forgets it a window later), and its reports, re-keyed and moved in time, go (as extract sends
them, a message per place) through the stateful stages dedupe, enrich and tally, the same steps and tables as
``wirewatch process`` (``agents.steps``, ``JsonTable``). What is measured is the state a worker
keeps; ``wirewatch process`` holds every report and incident besides, to write its files.

The run stops at the last mark or when it has used ``--budget`` CPU seconds, whichever comes
first: a checkpoint after every copy of the corpus shows how the cost per article grows.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import MutableMapping
from dataclasses import asdict, dataclass, field
from functools import partial
from itertools import count

import orjson

from agents.dedupe.core import PlaceIncidents
from agents.article_memory import remember
from agents.extract.article import parse_article
from agents.steps import dedupe_step, enrich_step, extract_step, place_states, tally_step
from bench.corpus import copy_id, copy_report, copy_seen, read_corpus
from streams.inputs import Message
from streams.json_table import JsonTable
from streams.records import dumps
from streams.settings import Settings

MARKS = (10_000, 100_000, 1_000_000)
_PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True, slots=True)
class Checkpoint:
    articles: int
    reports: int
    dead_letters: int
    cpu_seconds: float
    rss_mb: float
    table_mb: dict[str, float]  # serialised bytes held per table
    places: int
    mark: bool  # one of MARKS, rather than the end of a copy


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * _PAGE / 2**20


@dataclass
class StatefulStages:
    """The state the stages keep, fed one article's extract output at a time."""

    articles_seen: JsonTable
    open_incidents: JsonTable  # as stored; dedupe reads it through ``place_incidents``
    place_tallies: JsonTable
    window_days: int  # the settings' incident window
    reports: int = 0
    dead_letters: int = 0
    place_incidents: MutableMapping[str, PlaceIncidents] = field(init=False)

    def __post_init__(self) -> None:
        self.place_incidents = place_states(self.open_incidents)

    @classmethod
    def empty(cls) -> StatefulStages:
        return cls(JsonTable(), JsonTable(), JsonTable(), Settings.from_env().incident_window_days)

    def feed(self, article_id: str, seen: dict, batches: list[dict]) -> None:
        # What extract_step does with what extract returns; the corpus is one partition.
        remember(self.articles_seen, article_id, seen, seen["version_time"], partition=0,
                 window_days=self.window_days)
        dedupe = partial(dedupe_step, place_incidents=self.place_incidents,
                         window_days=self.window_days)
        tally = partial(tally_step, place_tallies=self.place_tallies, window_days=self.window_days)
        for batch in batches:
            self.reports += len(batch["reports"])
            place = batch["reports"][0]["place"]["id"].encode("utf-8")
            result = dedupe(dumps(batch), place)
            # the agent would dead-letter them (reports too late to count)
            self.dead_letters += len(result.rejected)
            for _, incident in result.outputs:
                for _, event in enrich_step(dumps(incident), place).outputs:
                    tally(dumps(event), place)

    def table_mb(self) -> dict[str, float]:
        tables = {"articles-seen": self.articles_seen, "open-incidents": self.open_incidents,
                  "city-tallies": self.place_tallies}
        return {name: table.stored_bytes() / 2**20 for name, table in tables.items()}


def extracted(messages: list[Message]) -> list[tuple[str, dict, list[dict]]]:
    """Each article's id, what extract remembers of it, and its messages of reports (one per
    place), as JSON."""
    seen = JsonTable()
    out = []
    for message in messages:
        article_id = parse_article(message.value, message.key).id
        # No window: each copy's entry is made from the original's, so none may be forgotten.
        result = extract_step(message.value, message.key, articles_seen=seen, partition=0,
                              window_days=0)
        out.append((article_id, seen[article_id],
                    [orjson.loads(dumps(batch)) for _, batch in result.outputs]))
    return out


def run(marks: tuple[int, ...], budget: float) -> None:
    originals = extracted(read_corpus())
    stages = StatefulStages.empty()
    began = time.process_time()

    def checkpoint(articles: int, mark: bool) -> None:
        point = Checkpoint(articles, stages.reports, stages.dead_letters,
                           time.process_time() - began, rss_mb(),
                           stages.table_mb(), len(stages.place_tallies), mark)
        print(orjson.dumps(asdict(point)).decode(), flush=True)

    checkpoint(0, False)
    articles = 0
    for copy in count():
        for article_id, seen, batches in originals:
            stages.feed(copy_id(article_id, copy), copy_seen(seen, copy),
                        [{"reports": [copy_report(report, copy) for report in batch["reports"]]}
                         for batch in batches])
            articles += 1
            if articles in marks:
                checkpoint(articles, True)
            if articles >= marks[-1] or time.process_time() - began >= budget:
                if articles not in marks:
                    checkpoint(articles, False)
                return
        checkpoint(articles, False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--marks", default=",".join(map(str, MARKS)))
    parser.add_argument("--budget", type=float, default=300.0, help="CPU seconds at most")
    options = parser.parse_args()
    run(tuple(int(mark) for mark in options.marks.split(",")), options.budget)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
