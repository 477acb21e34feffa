"""Through a real broker: wirewatch's workers, Faust's own limit (``bench.noop_app``) and the
Kafka client's limit (``bench.relay``), on one broker in one run.

Each measured run gets topics of its own (and wirewatch a consumer group and tables of its
own), so no run inherits another's backlog or state. A run publishes articles, either all at
once (a backlog: the most the system sustains) or paced at a fixed rate, and follows the last
topic of the chain. Each record there carries the publication time of its article (the
``wirewatch-published-ms`` header, see ``streams.origin``), so:

- throughput is the articles ÷ (the last output's time − the first article's publication);
  for a run that has not drained by its time limit, the articles published up to the newest
  one seen at the end of the chain ÷ the limit;
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

from aiokafka import AIOKafkaProducer
from prometheus_client.parser import text_string_to_metric_families

from bench.corpus import copy_article, first
from streams import admin, broker as kafka_broker
from streams.broker import Broker
from streams.clients import follow
from streams.demo import fetch_metrics, stop_worker
from streams.inputs import Message
from streams.origin import HEADER
from streams.settings import Settings, TopicNames
from tests.integration.conftest import free_port
from tests.reliability.harness import PARTITIONS, Cluster

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
    completed: int  # through the last topic (all of them when drained)
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


@dataclass
class Outputs:
    """The records reaching the chain's last topic: each one's time and its article's."""

    times: list[tuple[int, int]] = field(default_factory=list)  # (output ms, published ms)

    def since(self, published_ms: int) -> list[tuple[int, int]]:
        return [pair for pair in self.times if pair[1] >= published_ms]


async def collect(bootstrap: str, topic: str, outputs: Outputs) -> None:
    async for record in follow(bootstrap, topic):
        stamp = dict(record.headers or ()).get(HEADER)
        if stamp is not None:
            outputs.times.append((record.timestamp, int(stamp)))


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
    done: Callable[[int, Outputs, int], bool]  # (articles sent since, outputs, since ms)


async def _run(bootstrap: str, system: System, messages: list[Message], rate: float | None,
               limit: float) -> Outcome:
    outputs = Outputs()
    collector = asyncio.ensure_future(collect(bootstrap, system.names.casualties, outputs))
    try:
        await asyncio.sleep(1.0)  # the collector has its partitions before anything is sent
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
        await asyncio.sleep(1.0)  # the last outputs reach the collector
    finally:
        collector.cancel()
    seen = outputs.since(since)
    last = max((out for out, _ in seen), default=since)
    # Not drained: count the articles published up to the newest one seen at the end of the
    # chain (an upper bound: outputs of older articles may still be on their way).
    newest = max((published for _, published in seen), default=since - 1)
    completed = len(messages) if drained else sum(1 for stamp in stamps if stamp <= newest)
    return Outcome(system.name, system.workers, system.fetch_wait_ms, rate, len(messages),
                   completed, (last - since) / 1000 if drained else limit,
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


def chain_complete(counts: Counter[tuple[str, str]], articles: int) -> bool:
    """Every article read by extract, and every message a stage sent read by the next."""
    stages = ("extract", "dedupe", "enrich", "tally")
    return counts["extract", "in"] >= articles and all(
        counts[stage, "out"] == counts[following, "in"]
        for stage, following in zip(stages, stages[1:]))


@dataclass
class ChainWatch:
    """Tells when wirewatch's workers have handled a run's articles: the chain complete twice
    in a row, so that nothing was in flight between two stages. Counts are taken from the end
    of the previous run."""

    settings: list[Settings]
    base: Counter[tuple[str, str]] = field(default_factory=Counter)
    previous: Counter[tuple[str, str]] | None = None

    def __call__(self, articles: int, outputs: Outputs, since: int) -> bool:
        counts = stage_counts(self.settings)
        counts.subtract(self.base)
        complete = chain_complete(counts, articles)
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
        return {**super().env(name), **topics, "WIREWATCH_APP_ID": self.app_id,
                "WIREWATCH_FETCH_WAIT_MS": str(self.fetch_wait_ms),
                "WIREWATCH_LOG_LEVEL": "warning"}


def wirewatch(broker: Broker, folder: Path, prefix: str, corpus: list[Message], count: int,
              fetch_wait_ms: int = Settings.fetch_wait_ms) -> System:
    """``count`` workers, warm. They start one at a time, each once the group has settled:
    Faust's group can hang when two workers join at once."""
    names = topic_names(prefix)
    cluster = Workers(broker, folder / prefix, names=names, app_id=prefix,
                      fetch_wait_ms=fetch_wait_ms)
    watch = ChainWatch([])
    system = System("wirewatch", count, fetch_wait_ms, names, cluster.stop_all,
                    lambda: [worker.pid for worker in cluster.workers.values()], watch)
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

def _all_through(articles: int, outputs: Outputs, since: int) -> bool:
    return len(outputs.since(since)) >= articles


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
                    lambda: [process.pid], _all_through)
    warm_up(broker.bootstrap, system, corpus)
    return system


def aiokafka_relay(broker: Broker, folder: Path, prefix: str, corpus: list[Message]) -> System:
    names = topic_names(prefix)
    _create_topics(broker, names)
    process = _spawn(["bench.relay", broker.bootstrap, prefix, *chain(names)], dict(os.environ),
                     folder / prefix / "relay.log")
    system = System("aiokafka-relay", 1, None, names, lambda: stop_worker(process),
                    lambda: [process.pid], _all_through)
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

