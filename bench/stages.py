"""Each stage's step alone, fed what the real previous stage made of the corpus: the very
functions the Faust agents and ``wirewatch process`` call (``agents.steps``), each on a fresh
table per run, with JSON in and out as on Kafka.

The stages run in order, each one several times over its whole input before the next starts,
so one stage's cost is timed apart from the others'.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from agents.pipeline import process
from agents.steps import (StepResult, dedupe_step, enrich_step, extract_step, place_states,
                          tally_step)
from bench.timing import Rates, measure
from streams.inputs import Message
from streams.json_table import JsonTable
from streams.records import dumps
from streams.settings import Settings

Record = tuple[bytes | None, bytes]  # key, value: a message as a stage reads it


@dataclass(frozen=True, slots=True)
class StageRates:
    stage: str
    rates: Rates  # records per second
    articles: int  # corpus articles the records came from

    @property
    def articles_per_cpu_second(self) -> float:
        """The corpus's articles over this stage's CPU time: comparable across stages."""
        return self.rates.per_cpu_second * self.articles / self.rates.items


def _steps() -> dict[str, Callable[[], Callable[[bytes, bytes | None], StepResult]]]:
    """Each stage's step on a fresh, empty table, with the settings' incident window."""
    window = Settings.from_env().incident_window_days
    return {
        "extract": lambda: partial(extract_step, articles_seen=JsonTable(), partition=0,
                                    window_days=window),
        "dedupe": lambda: partial(dedupe_step, place_incidents=place_states(JsonTable()),
                                   window_days=window),
        "enrich": lambda: enrich_step,
        "tally": lambda: partial(tally_step, place_tallies=JsonTable(), window_days=window),
    }


def _outputs(step: Callable[[bytes, bytes | None], StepResult], records: list[Record]) -> list[Record]:
    """What a stage sends for ``records``, serialised as its agent sends it. A record the
    step refuses, or a report of its message that it turns away (one too late for its place's
    open incidents), sends nothing: the agent would dead-letter it."""
    sent = []
    for key_in, value in records:
        try:
            outputs = step(value, key_in).outputs
        except Exception:  # dead-lettered by the agent; nothing goes on
            continue
        sent.extend((key.encode("utf-8"), dumps(record)) for key, record in outputs)
    return sent


def measure_stages(messages: list[Message], runs: int) -> list[StageRates]:
    """Each stage in turn, ``runs`` times on a fresh table; what it sent in its last run is
    the next stage's input."""
    records: list[Record] = [(message.key, message.value) for message in messages]
    results = []
    for stage, fresh_step in _steps().items():
        sent: list[Record] = []

        def run(records: list[Record] = records) -> None:
            sent[:] = _outputs(fresh_step(), records)

        results.append(StageRates(stage, measure(run, len(records), runs), len(messages)))
        records = sent
    return results


def measure_process(path: Path, articles: int, runs: int, jobs: int = 1) -> Rates:
    """``wirewatch process`` end to end, in this process: read, the four stages, the files.
    With ``jobs`` above one, the articles are read ahead in that many processes, whose CPU
    time the rates per CPU second leave out: only the wall rate compares."""
    with tempfile.TemporaryDirectory() as out:
        return measure(lambda: process([path], Path(out), jobs=jobs), articles, runs)
