"""At-least-once delivery, checked as a property: whatever Kafka and crashes do to the order and
number of deliveries, the city tallies end as a batch run over the final articles would make
them.

A state machine (hypothesis) publishes articles, revisions (the same id at a later time,
other figures or place), and near-duplicate copies from other outlets, from a few templates so
that stories merge. Each stage is the real step of ``agents.steps`` on a table that keeps JSON
as Faust's does, and reads its input topic (a log) with an offset of its own, at its own pace.
Any stage can be handed again a message it has read (an article sent twice, a retry
upstream), and the worker can crash: every stage reads again from its last commit, its table
comes back as the changelog had it at some point since, and what it sent that the next stage
has not read is lost.

When every stage has read everything, the tally table must equal that of a fresh run
(``LocalRun``) over the latest version of each article, each read once, in article id order.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from functools import partial

import orjson
from hypothesis import HealthCheck, assume, event, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from agents.pipeline import LocalRun
from agents.steps import (StepResult, dedupe_step, enrich_step, extract_step, place_states,
                          tally_step)
from streams.inputs import Message
from streams.json_table import JsonTable
from streams.settings import Settings

# A Kafka message's key and value, and the offset of the input its stage made it of (-1 for
# an article a producer published).
Record = tuple[bytes | None, bytes, int]

STAGES = ["extract", "dedupe", "enrich", "tally"]
TOWNS = [("Dayton", "Ohio"), ("Tulsa", "Oklahoma")]
DAYS = [5, 6, None]  # January 2024; published on the 7th (None: no day, a follow-up's rule)
KILLED = ["", "One person was killed", "Two people were killed"]
WOUNDED = ["", "one other was wounded", "two others were wounded"]
FIGURES = [(killed, wounded) for killed in range(len(KILLED)) for wounded in range(len(WOUNDED))
           if killed or wounded]
ENDINGS = ["a spokesman said", "an official said"]  # what a syndicated copy changes
MINUTES = st.integers(0, 8 * 60 - 1)  # versions between 11:00 and 19:00


def moment(minute: int) -> str:
    return f"2024-01-07T{11 + minute // 60:02d}:{minute % 60:02d}:00Z"


def story(town: int, day: int, killed: int, wounded: int, street: bool) -> str:
    figures = " and ".join(part for part in (KILLED[killed], WOUNDED[wounded]) if part)
    name, state = TOWNS[town]
    where = " on Main Street" if street else ""
    when = f" on January {DAYS[day]}" if DAYS[day] else ""
    return (f"{figures[0].upper()}{figures[1:]} in a shooting{where} in {name}, {state}{when}, "
            "police said. Officers found the victims after several shots "
            "were reported late in the evening. No arrests have been made and the "
            f"investigation continues, {ENDINGS[0]}.")


@dataclass
class Stage:
    """One stage reading its input topic with an offset and writing its output topic."""

    step: Callable[[bytes, bytes | None], StepResult]
    table: MutableMapping  # enrich keeps none: its table stays empty
    inbox: list[Record]
    outbox: list[Record]
    read: int = 0
    kept_outputs: int = 0  # outputs a crash cannot lose: those that outlived one before
    # durable[i]: the table as its changelog holds it once offsets below i are handled
    durable: list[dict] = field(default_factory=lambda: [{}])

    def handle_next(self) -> None:
        key, value, _ = self.inbox[self.read]
        for out_key, record in self.step(value, key).outputs:
            self.outbox.append((out_key.encode(), orjson.dumps(record), self.read))
        self.read += 1
        self.durable[self.read:] = [dict(self.table.items())]

    def crash(self, back: int, kept: int, unread_from: int) -> None:
        """Read again from ``back`` messages ago; the table as it was ``kept`` messages after
        that commit; the outputs made since it that nobody has read lost (at worst, the broker
        had none of them)."""
        commit = max(0, self.read - back)
        table = self.durable[min(self.read, commit + kept)]
        self.table.clear()
        self.table.update(table)
        sent = max(unread_from, self.kept_outputs)
        while len(self.outbox) > sent and self.outbox[-1][2] >= commit:
            self.outbox.pop()
        self.kept_outputs = len(self.outbox)
        self.read = commit
        self.durable[commit:] = [table]


def _live_rows(rows: list[dict]) -> dict[str, dict]:
    """Rows of places with an active incident: a place whose incidents were all retracted
    keeps a row of zeros in a run that saw them, and has none in a run that did not."""
    assert all(row["killed"] == row["injured"] == 0 for row in rows if not row["incidents"])
    return {row["place_id"]: row for row in rows if row["incidents"]}


class Delivery(RuleBasedStateMachine):
    @initialize()
    def start(self) -> None:
        self.articles: list[Record] = []
        self.versions: dict[str, dict[str, dict]] = {}  # article id -> updated_at -> article
        # dedupe's as its agent keeps it, with the states it wrote last decoded; a crash
        # refills it from the changelog, as a restarted worker rebuilds its own
        tables = {name: JsonTable() for name in STAGES} | {"dedupe": place_states(JsonTable())}
        window = Settings().incident_window_days
        steps = {
            "extract": partial(extract_step, articles_seen=tables["extract"], partition=0,
                               window_days=window),
            "dedupe": partial(dedupe_step, place_incidents=tables["dedupe"], window_days=window),
            "enrich": enrich_step,
            "tally": partial(tally_step, place_tallies=tables["tally"], window_days=window),
        }
        topics: list[list[Record]] = [self.articles, [], [], [], []]  # the last: casualties
        self.stages = {name: Stage(steps[name], tables[name], topics[i], topics[i + 1])
                       for i, name in enumerate(STAGES)}

    def _publish(self, article: dict) -> None:
        versions = self.versions.setdefault(article["id"], {})
        assume(article["updated_at"] not in versions)  # one version per moment
        versions[article["updated_at"]] = article
        self.articles.append((article["id"].encode(), orjson.dumps(article), -1))

    @rule(article_id=st.sampled_from(["a", "b", "c"]), minute=MINUTES,
          town=st.integers(0, len(TOWNS) - 1), day=st.integers(0, len(DAYS) - 1),
          figures=st.sampled_from(FIGURES), street=st.booleans())
    def publish(self, article_id: str, minute: int, town: int, day: int,
                figures: tuple[int, int], street: bool) -> None:
        """A new article, or a revision of one (another moment, other figures or place)."""
        killed, wounded = figures
        self._publish({"id": article_id, "source": f"outlet {article_id}",
                       "headline": "Shooting", "published_at": "2024-01-07T10:00:00Z",
                       "updated_at": moment(minute),
                       "body": story(town, day, killed, wounded, street)})

    @precondition(lambda self: self.articles)
    @rule(data=st.data(), copy_id=st.sampled_from(["copy-1", "copy-2"]), minute=MINUTES)
    def near_duplicate(self, data: st.DataObject, copy_id: str, minute: int) -> None:
        """Another outlet's copy of a published version, with one phrase changed."""
        versions = [v for by_time in self.versions.values() for v in by_time.values()]
        original = data.draw(st.sampled_from(versions))
        self._publish({**original, "id": copy_id, "source": f"outlet {copy_id}",
                       "updated_at": moment(minute),
                       "body": original["body"].replace(ENDINGS[0], ENDINGS[1])})

    @rule(counts=st.lists(st.integers(0, 3), min_size=len(STAGES), max_size=len(STAGES)),
          crash=st.none() | st.lists(st.tuples(st.integers(1, 3), st.integers(0, 3)),
                                     min_size=len(STAGES), max_size=len(STAGES)))
    def flow(self, counts: list[int], crash: list[tuple[int, int]] | None) -> None:
        """Each stage reads on by its count, upstream first: some keep up, some lag. Then
        perhaps the worker dies (SIGKILL) and comes back: each stage reads again from
        ``back`` messages ago (its last commit), its table as the changelog had it ``kept``
        messages after that, and what it sent since the commit and the next stage has not
        read is lost: the broker may never have had it."""
        for stage, count in zip(self.stages.values(), counts):
            for _ in range(min(count, len(stage.inbox) - stage.read)):
                stage.handle_next()
        if crash is not None:
            readers = [self.stages[name].read for name in STAGES[1:]] + [0]
            for name, (back, kept), unread_from in zip(STAGES, crash, readers):
                self.stages[name].crash(back, kept, unread_from)

    @precondition(lambda self: any(stage.read for stage in self.stages.values()))
    @rule(data=st.data())
    def redeliver(self, data: st.DataObject) -> None:
        """A message a stage has read already arrives again: an article sent twice, or a
        retry upstream."""
        worker = self.stages[data.draw(st.sampled_from(
            [name for name in STAGES if self.stages[name].read]))]
        worker.inbox.append(worker.inbox[data.draw(st.integers(0, worker.read - 1))])

    @rule()
    def drain(self) -> None:
        """Every stage reads all there is, upstream first, so nothing is left to read."""
        for stage in self.stages.values():
            while stage.read < len(stage.inbox):
                stage.handle_next()

    @invariant()
    def tallies_match_a_batch_run_once_idle(self) -> None:
        if any(stage.read < len(stage.inbox) for stage in self.stages.values()):
            return  # messages in flight: the tallies may lag behind
        batch = LocalRun(Settings())
        for article_id in sorted(self.versions):
            versions = self.versions[article_id]
            latest = versions[max(versions)]
            batch.feed(Message(article_id.encode(), orjson.dumps(latest), article_id))
        streamed = [state["row"] for state in self.stages["tally"].table.values()]
        assert _live_rows(streamed) == _live_rows(batch.rows())
        merged = any(len(i.article_ids) > 1 for i in batch.incidents.values())
        event(f"idle with {len(self.versions)} article(s); stories merged: {merged}")

    def teardown(self) -> None:
        if hasattr(self, "stages"):
            self.drain()
            self.tallies_match_a_batch_run_once_idle()


Delivery.TestCase.settings = settings(max_examples=100, stateful_step_count=30, deadline=None,
                                      suppress_health_check=[HealthCheck.too_slow])
test_delivery_ends_as_a_batch_run = Delivery.TestCase
