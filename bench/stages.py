"""Each stage's step alone, fed what the real previous stage made of the corpus: the very
functions the Faust agents and ``wirewatch process`` call (``agents.steps``), each on a fresh
table per run, with JSON in and out as on Kafka.

The inputs are made once, by running the corpus through the stages in order; the timed runs
then repeat one stage at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from agents.pipeline import JsonTable
from agents.steps import StepResult, dedupe_step, enrich_step, extract_step, tally_step
from bench.timing import Rates, measure
from streams.inputs import Message
from streams.records import dumps

Record = tuple[bytes | None, bytes]  # key, value: a message as a stage reads it
STAGES = ("extract", "dedupe", "enrich", "tally")


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
    """Each stage's step on a fresh, empty table."""
    return {
        "extract": lambda: partial(extract_step, articles_seen=JsonTable()),
        "dedupe": lambda: partial(dedupe_step, place_incidents=JsonTable()),
        "enrich": lambda: enrich_step,
        "tally": lambda: partial(tally_step, place_tallies=JsonTable()),
    }


def _outputs(step: Callable[[bytes, bytes | None], StepResult], records: list[Record]) -> list[Record]:
    return [(key.encode("utf-8"), dumps(record))
            for key_in, value in records for key, record in step(value, key_in).outputs]


def stage_inputs(messages: list[Message]) -> dict[str, list[Record]]:
    """What each stage reads when the corpus goes through the pipeline."""
    steps = _steps()
    inputs = {"extract": [(message.key, message.value) for message in messages]}
    for stage, following in zip(STAGES, STAGES[1:]):
        inputs[following] = _outputs(steps[stage](), inputs[stage])
    return inputs


def measure_stages(messages: list[Message], runs: int) -> list[StageRates]:
    inputs = stage_inputs(messages)
    results = []
    for stage, fresh_step in _steps().items():
        records = inputs[stage]

        def run() -> None:
            step = fresh_step()
            for key, value in records:
                step(value, key)

        results.append(StageRates(stage, measure(run, len(records), runs), len(messages)))
    return results
