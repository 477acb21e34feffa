"""Through a real broker: wirewatch's workers, Faust's own limit (``bench.noop_app``) and the
Kafka client's limit (``bench.relay``), on one broker in one run.

Each measured run gets topics of its own (and wirewatch a consumer group and tables of its
own), so no run inherits another's backlog or state. A run publishes articles, either all at
once (a backlog: the most the system sustains) or paced at a fixed rate, and follows the last
topic of the chain. Each record there carries the publication time of its article (the
``wirewatch-published-ms`` header, see ``streams.origin``), so:

- throughput is the articles ÷ (the last output's time − the first article's publication);
  for a run that has not drained by its time limit, the articles the first hop (extract) had
  read ÷ the limit, an upper bound of what went all the way through;
- latency is each output's time − its article's publication: publish-to-tally for wirewatch.

A run that has not drained is reported as such: its latencies are those of the outputs seen,
lower bounds of the real ones.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from prometheus_client.parser import text_string_to_metric_families

from bench.corpus import copy_article, first
from streams import admin, broker as kafka_broker
from streams.broker import Broker
from streams.demo import fetch_metrics, stop_worker
from streams.inputs import Message
from streams.origin import HEADER
from streams.settings import Settings, TopicNames
from tests.integration.conftest import free_port
from tests.reliability.harness import PARTITIONS, Cluster, lag

ROOT = Path(__file__).resolve().parents[1]
WARM_UP = 40  # articles a system handles before a run is timed: its caches, its partitions
WARM_UP_COPY = 999  # the warm-up articles are a copy no run publishes
READY_TIMEOUT = 180.0
FAUST_FETCH_WAIT_MS = 1500  # what Faust gives its consumer
_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True, slots=True)
class Outcome:
    """One measured run."""

    system: str  # wirewatch, noop-faust, aiokafka-relay
    workers: int
    fetch_wait_ms: int | None  # the Faust consumer's (None for the relay)
    offered: float | None  # articles per second; None: a backlog published at once
    articles: int  # published
    completed: int  # all when drained, else those the first hop had read by the time limit
    seconds: float  # from the first article's publication to the last output (or the limit)
    drained: bool
    latencies_ms: list[float] = field(repr=False)
    cpu_seconds: float  # the workers' own

    @property
    def rate(self) -> float:
        return self.completed / self.seconds if self.seconds > 0 else 0.0

    @property
    def per_cpu_second(self) -> float:
        return self.articles / self.cpu_seconds if self.cpu_seconds > 0 else 0.0


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank ``q``-th percentile (0 < q <= 100) of ``values``."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time of these processes so far."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / _TICKS


def topic_names(prefix: str) -> TopicNames:
    """The six topics under ``prefix``: a run's own."""
    return TopicNames(**{role.name: f"{prefix}.{getattr(TopicNames, role.name)}"
                         for role in fields(TopicNames)})


def chain(names: TopicNames) -> list[str]:
    """The four hops' topics in order, articles to casualties."""
    return [names.articles, names.reports, names.incidents, names.events, names.casualties]


class Collector:
    """Follows the chain's last topic from its start: each record's time and its article's."""

    def __init__(self, bootstrap: str, topic: str) -> None:
        self.consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=None,
                                         enable_auto_commit=False, auto_offset_reset="earliest")
        self.times: list[tuple[int, int]] = []  # (output ms, published ms)
        self._task: asyncio.Future | None = None

    def since(self, published_ms: int) -> list[tuple[int, int]]:
        return [pair for pair in self.times if pair[1] >= published_ms]

    async def start(self) -> None:
        """Returns once every partition has a position: nothing sent afterwards is missed."""
        await self.consumer.start()
        while len(self.consumer.assignment()) < PARTITIONS:
            await asyncio.sleep(0.1)
        for partition in self.consumer.assignment():
            await self.consumer.position(partition)
        self._task = asyncio.ensure_future(self._follow())

    async def _follow(self) -> None:
        while True:
            for records in (await self.consumer.getmany(timeout_ms=200)).values():
                for record in records:
                    stamp = dict(record.headers or ()).get(HEADER)
                    if stamp is not None:
                        self.times.append((record.timestamp, int(stamp)))

    async def catch_up(self, timeout: float = READY_TIMEOUT) -> None:
        """Wait until everything on the topic now has been read."""
        ends = await self.consumer.end_offsets(list(self.consumer.assignment()))
        deadline = time.monotonic() + timeout
        while [tp for tp, end in ends.items() if await self.consumer.position(tp) < end]:
            if self._task.done():
                self._task.result()  # the follower failed: say why
            if time.monotonic() > deadline:
                raise TimeoutError(f"the outputs were not read within {timeout:.0f}s")
            await asyncio.sleep(0.1)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
        await self.consumer.stop()


async def publish_paced(bootstrap: str, topic: str, messages: list[Message],
                        rate: float | None) -> list[int]:
    """Send ``messages`` at ``rate`` per second (all at once when None); return their
    publication times (ms)."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
    await producer.start()
    try:
        began = time.monotonic()
        stamps, pending = [], []
        for number, message in enumerate(messages):
            if rate is not None:
                delay = began + number / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            # The stamp the pipeline would take from the Kafka timestamp, written out so
            # that the ceilings, which only forward headers, carry it too.
            now_ms = int(time.time() * 1000)
            stamps.append(now_ms)
            pending.append(await producer.send(
                topic, value=message.value, key=message.key, timestamp_ms=now_ms,
                headers=[(HEADER, str(now_ms).encode("ascii"))]))
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return stamps


@dataclass
class System:
    """Something that relays the chain: how to start it, stop it, tell its pids, and tell
    when it has handled everything it was sent."""

    name: str
    workers: int
    fetch_wait_ms: int | None
    names: TopicNames
    stop: Callable[[], None]
    pids: Callable[[], list[int]]
    done: Callable[[int, Collector, int], bool]  # (articles sent since, outputs, since ms)
    # Articles the first hop has read since (ms): what a run that did not drain took in.
    intake: Callable[[Collector, int], int]


async def _run(bootstrap: str, system: System, messages: list[Message], rate: float | None,
               limit: float) -> Outcome:
    outputs = Collector(bootstrap, system.names.casualties)
    await asyncio.wait_for(outputs.start(), READY_TIMEOUT)
    try:
        cpu_before = cpu_seconds(system.pids())
        began = time.monotonic()
        stamps = await publish_paced(bootstrap, system.names.articles, messages, rate)
        since = stamps[0]
        drained = False
        while time.monotonic() - began < limit:
            await asyncio.sleep(0.5)
            if await asyncio.to_thread(system.done, len(messages), outputs, since):
                drained = True
                break
        cpu = cpu_seconds(system.pids()) - cpu_before
        intake = len(messages) if drained else system.intake(outputs, since)
        if drained:
            await outputs.catch_up()
    finally:
        await outputs.stop()
    seen = outputs.since(since)
    last = max((out for out, _ in seen), default=since)
    return Outcome(system.name, system.workers, system.fetch_wait_ms, rate, len(messages),
                   intake, (last - since) / 1000 if drained else limit,
                   drained, [float(out - published) for out, published in seen], cpu)


def measure(bootstrap: str, system: System, messages: list[Message], rate: float | None,
            limit: float) -> Outcome:
    return asyncio.run(_run(bootstrap, system, messages, rate, limit))


def warm_up(bootstrap: str, system: System, corpus: list[Message], copy: int = WARM_UP_COPY) -> None:
    """Send a few articles and wait until the system has handled them all: its workers have
    their partitions and their caches. Stops the system if it does not."""
    messages = [copy_article(message, copy) for message in corpus[:WARM_UP]]
    try:
        outcome = measure(bootstrap, system, messages, None, READY_TIMEOUT)
    except BaseException:
        system.stop()
        raise
    if not outcome.drained:
        system.stop()
        raise TimeoutError(f"{system.name} x{system.workers} did not handle {WARM_UP} articles "
                           f"within {READY_TIMEOUT:.0f}s")


# wirewatch's workers

def stage_counts(settings: list[Settings]) -> Counter[tuple[str, str]]:
    """Messages in and out of each stage, summed over the workers."""
    counts: Counter[tuple[str, str]] = Counter()
    for one in settings:
        for family in text_string_to_metric_families(fetch_metrics(one)):
            for sample in family.samples:
                if sample.name == "wirewatch_stage_messages_total":
                    counts[sample.labels["stage"], sample.labels["direction"]] += sample.value
    return counts


def run_handled(counts: Counter[tuple[str, str]], articles: int, uncommitted: int,
                rows_seen: int) -> bool:
    """Every article read by extract, every message of the four hops' topics committed, and
    every row tally sent seen on its topic. A stage commits a message only once it has handled
    it and flushed what it sent, so nothing is then in flight. Counting messages in and out of
    each stage instead never balances once a stage reads messages again (after a rebalance, or
    the strict consumer's re-read of a stalled partition): two workers' runs looked undrained."""
    return counts["extract", "in"] >= articles and uncommitted == 0 and rows_seen >= counts[
        "tally", "out"]


@dataclass
class ChainWatch:
    """Tells when wirewatch's workers have handled a run's articles: ``run_handled`` twice in
    a row with the same counts. Counts are taken from the end of the previous run."""

    settings: list[Settings]
    bootstrap: str
    group: str
    topics: tuple[str, ...]  # the four stages' input topics
    base: Counter[tuple[str, str]] = field(default_factory=Counter)
    previous: Counter[tuple[str, str]] | None = None
    read: int = 0  # articles extract has read this run, at the last look

    def __call__(self, articles: int, outputs: Collector, since: int) -> bool:
        counts = stage_counts(self.settings)
        counts.subtract(self.base)
        self.read = int(counts["extract", "in"])
        complete = run_handled(counts, articles, lag(self.bootstrap, self.group, self.topics),
                               len(outputs.since(since)))
        if complete and counts == self.previous:
            self.base.update(counts)
            self.previous = None
            return True
        self.previous = counts if complete else None
        return False


@dataclass
class Workers(Cluster):
    """wirewatch workers on a run's own topics, consumer group and tables."""

    names: TopicNames = field(default_factory=TopicNames)
    app_id: str = "wirewatch"
    fetch_wait_ms: int = Settings.fetch_wait_ms

    def env(self, name: str) -> dict[str, str]:
        topics = {f"WIREWATCH_TOPIC_{role.name.upper()}": getattr(self.names, role.name)
                  for role in fields(TopicNames)}
        # The default session timeout, not the tests' short one: on a busy machine a worker
        # late with its heartbeat would otherwise be dropped and the group rebalanced.
        return {**super().env(name), **topics, "WIREWATCH_APP_ID": self.app_id,
                "WIREWATCH_FETCH_WAIT_MS": str(self.fetch_wait_ms),
                "WIREWATCH_SESSION_TIMEOUT": str(Settings.session_timeout),
                "WIREWATCH_LOG_LEVEL": "warning"}


def wirewatch(broker: Broker, folder: Path, prefix: str, corpus: list[Message], count: int,
              fetch_wait_ms: int = Settings.fetch_wait_ms) -> System:
    """``count`` workers, warm. They start one at a time, each once the group has settled:
    Faust's group can hang when two workers join at once."""
    names = topic_names(prefix)
    cluster = Workers(broker, folder / prefix, names=names, app_id=prefix,
                      fetch_wait_ms=fetch_wait_ms)
    watch = ChainWatch([], broker.bootstrap, prefix, tuple(chain(names)[:-1]))
    system = System("wirewatch", count, fetch_wait_ms, names, cluster.stop_all,
                    lambda: [worker.pid for worker in cluster.workers.values()], watch,
                    lambda outputs, since: watch.read)
    for number in range(count):
        name = f"worker-{number}"
        try:
            cluster.start(name)
        except BaseException:
            cluster.stop_all()
            raise
        watch.settings.append(cluster.settings[name])
        warm_up(broker.bootstrap, system, corpus, WARM_UP_COPY - number)
    return system


# the ceilings

def _through(outputs: Collector, since: int) -> int:
    return len(outputs.since(since))  # the ceilings forward each article once


def _all_through(articles: int, outputs: Collector, since: int) -> bool:
    return _through(outputs, since) >= articles


def _spawn(arguments: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        return subprocess.Popen([sys.executable, "-m", *arguments], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)


def _create_topics(broker: Broker, names: TopicNames) -> None:
    asyncio.run(admin.ensure_topics(Settings(broker=broker.bootstrap, partitions=PARTITIONS,
                                             topics=names)))


def noop_faust(broker: Broker, folder: Path, prefix: str, corpus: list[Message],
               fetch_wait_ms: int = Settings.fetch_wait_ms) -> System:
    names = topic_names(prefix)
    _create_topics(broker, names)
    env = dict(os.environ, BENCH_BROKER=broker.bootstrap, BENCH_TOPICS=",".join(chain(names)),
               BENCH_APP_ID=prefix, BENCH_DATA_DIR=str(folder / prefix / "tables"),
               BENCH_PARTITIONS=str(PARTITIONS), BENCH_FETCH_WAIT_MS=str(fetch_wait_ms))
    process = _spawn(["bench.noop_app", "worker", "-l", "warn", "--web-port", str(free_port())],
                     env, folder / prefix / "worker.log")
    system = System("noop-faust", 1, fetch_wait_ms, names, lambda: stop_worker(process),
                    lambda: [process.pid], _all_through, _through)
    warm_up(broker.bootstrap, system, corpus)
    return system


def aiokafka_relay(broker: Broker, folder: Path, prefix: str, corpus: list[Message]) -> System:
    names = topic_names(prefix)
    _create_topics(broker, names)
    process = _spawn(["bench.relay", broker.bootstrap, prefix, *chain(names)], dict(os.environ),
                     folder / prefix / "relay.log")
    system = System("aiokafka-relay", 1, None, names, lambda: stop_worker(process),
                    lambda: [process.pid], _all_through, _through)
    warm_up(broker.bootstrap, system, corpus)
    return system


def backlog(bootstrap: str, system: System, corpus: list[Message], articles: int,
            limit: float) -> Outcome:
    return measure(bootstrap, system, first(corpus, articles), None, limit)


def offered(bootstrap: str, system: System, corpus: list[Message], rate: float,
            duration: float, limit: float) -> Outcome:
    return measure(bootstrap, system, first(corpus, int(rate * duration)), rate, limit)


@dataclass(frozen=True, slots=True)
class Plan:
    runs: int  # backlog runs of each system, for the median
    backlog: int  # articles in a backlog run
    rates: tuple[float, ...]  # articles per second offered
    duration: float  # seconds each offered rate lasts
    limit: float  # seconds a run may take to drain, from its first article
    worker_counts: tuple[int, ...] = (1, 2)


def run_all(corpus: list[Message], plan: Plan, folder: Path,
            log: Callable[[str], None] = print) -> list[Outcome]:
    """Every system on one broker of its own, started here and stopped at the end."""
    node = Broker(Settings.from_env().home, free_port(pair=True), PARTITIONS)
    kafka_broker.start(node)
    outcomes: list[Outcome] = []
    prefixes = (f"bench{number}" for number in range(10_000))

    def timed(make: Callable[[], System], runs: list[Callable[[System], Outcome]]) -> None:
        try:
            system = make()
        except TimeoutError as exc:  # reported as not measured; the other runs go on
            log(f"  skipped: {exc}")
            return
        try:
            for run in runs:
                outcome = run(system)
                log(f"  {outcome.system} x{outcome.workers} fetch wait {outcome.fetch_wait_ms} "
                    f"{'backlog' if outcome.offered is None else f'{outcome.offered:.0f}/s'}: "
                    f"{outcome.rate:,.0f} articles/s, drained={outcome.drained}, "
                    f"p50 {percentile(outcome.latencies_ms, 50):,.0f} ms, "
                    f"p99 {percentile(outcome.latencies_ms, 99):,.0f} ms")
                outcomes.append(outcome)
        finally:
            system.stop()

    def in_backlog(system: System) -> Outcome:
        return backlog(node.bootstrap, system, corpus, plan.backlog, plan.limit)

    try:
        # The ceilings hold no state: one process serves all their runs.
        timed(lambda: noop_faust(node, folder, next(prefixes), corpus), [in_backlog] * plan.runs)
        timed(lambda: noop_faust(node, folder, next(prefixes), corpus, FAUST_FETCH_WAIT_MS),
              [in_backlog] * plan.runs)
        timed(lambda: aiokafka_relay(node, folder, next(prefixes), corpus),
              [in_backlog] * plan.runs)
        for _ in range(plan.runs):  # before WIREWATCH_FETCH_WAIT_MS, in the same run
            timed(lambda: wirewatch(node, folder, next(prefixes), corpus, 1, FAUST_FETCH_WAIT_MS),
                  [in_backlog])
        for count in plan.worker_counts:
            for _ in range(plan.runs):  # fresh workers and tables for each run
                timed(lambda: wirewatch(node, folder, next(prefixes), corpus, count), [in_backlog])
            for rate in plan.rates:
                timed(lambda: wirewatch(node, folder, next(prefixes), corpus, count),
                      [lambda system: offered(node.bootstrap, system, corpus, rate,
                                              plan.duration, plan.limit)])
    finally:
        kafka_broker.stop(node)
        shutil.rmtree(node.folder, ignore_errors=True)
    return outcomes

