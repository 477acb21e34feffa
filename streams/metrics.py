"""wirewatch's Prometheus metrics, on a registry of the app's own.

One registry per app: a second app in one process (tests, notebooks) would otherwise trip
prometheus-client's duplicate-timeseries error.

Every metric answers a question ops ask of a stream processor: what does each city stand at
(``wirewatch_casualties``), is each stage keeping up and what is it dropping
(``wirewatch_stage_*``, ``wirewatch_dead_letters_total``), how far behind is the group
(``wirewatch_consumer_lag_messages``), how long does a claim take from the wire to the table
(``wirewatch_pipeline_latency_seconds``), and how much state does each worker hold
(``wirewatch_table_estimated_keys``).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from faust.sensors.prometheus import FaustMetrics, PrometheusMonitor
from faust.types import TP
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import GaugeMetricFamily, Metric

KINDS = ("killed", "injured")
STAGES = ("extract", "dedupe", "enrich", "tally")
OTHER = ("other", "", "")  # the (city, admin1, country) that places past the cap fold into
# From a live feed (well under a second) to a backlog replayed after an outage (many minutes).
LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600)

Labels = tuple[str, str, str]


def fold_places(rows: Iterable[Mapping], limit: int) -> dict[Labels, dict[str, float]]:
    """Killed and injured per (city, admin1, country). The ``limit`` places with the most
    casualties keep their own labels; the rest are summed into one ``other`` series, so the
    number of series stays bounded however many places the wire names, and the sum over all
    series is still the total."""
    totals: dict[Labels, dict[str, float]] = defaultdict(lambda: dict.fromkeys(KINDS, 0.0))
    for row in rows:
        labels = (row.get("city") or "", row.get("admin1") or "", row.get("country") or "")
        for kind in KINDS:
            totals[labels][kind] += row.get(kind) or 0
    if len(totals) <= limit:
        return dict(totals)
    ranked = sorted(totals.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    kept = dict(ranked[:limit])
    folded = dict.fromkeys(KINDS, 0.0)
    for _, values in ranked[limit:]:
        for kind in KINDS:
            folded[kind] += values[kind]
    kept[OTHER] = folded
    return kept


def lag_by_topic(topic_names: list[str], end: Mapping[TP, int], committed: Mapping[TP, int],
                 earliest: Mapping[TP, int]) -> dict[str, int]:
    """Messages not yet committed, summed per topic. A partition the group has never
    committed will be read from its earliest offset, so all of it is lag."""
    lag = dict.fromkeys(topic_names, 0)
    for tp, end_offset in end.items():
        start = committed.get(tp, -1)
        if start < 0:
            start = earliest.get(tp, 0)
        lag[tp.topic] += max(0, end_offset - start)
    return lag


class CasualtyCollector:
    """``wirewatch_casualties{city,admin1,country,kind}``, read from the tally table at
    scrape time, so the gauge is the table: right after a restart, a rebalance or a replay."""

    def __init__(self, rows: Callable[[], Iterable[Mapping]], limit: int) -> None:
        self._rows = rows
        self._limit = limit

    def collect(self) -> Iterator[Metric]:
        family = GaugeMetricFamily(
            "wirewatch_casualties",
            f"People killed or injured per place: the sum over its active incidents. The "
            f"{self._limit} places with the most casualties have their own series; the rest "
            f"are summed under city=\"{OTHER[0]}\".",
            labels=["city", "admin1", "country", "kind"],
        )
        for labels, values in fold_places(self._rows(), self._limit).items():
            for kind in KINDS:
                family.add_metric([*labels, kind], values[kind])
        yield family


class TableSizeCollector:
    """``wirewatch_table_estimated_keys{table}``: RocksDB's own key estimate, which costs
    nothing to read; counting keys exactly would walk every table at every scrape."""

    def __init__(self, sizes: Callable[[], Mapping[str, int]]) -> None:
        self._sizes = sizes

    def collect(self) -> Iterator[Metric]:
        family = GaugeMetricFamily(
            "wirewatch_table_estimated_keys",
            "Keys in each Faust table on this worker's active partitions, as RocksDB "
            "estimates them (an overwrite not yet compacted may count twice).",
            labels=["table"],
        )
        for table, keys in sorted(self._sizes().items()):
            family.add_metric([table], keys)
        yield family


@dataclass(frozen=True, slots=True)
class StageSeries:
    """A stage's series that move on every message, looked up once: ``labels()`` takes a
    lock and hashes its labels on each call (1.6% of a worker's CPU through a backlog)."""

    read: Counter
    written: Counter
    latency: Histogram


class Metrics:
    def __init__(self, city_limit: int = 200) -> None:
        self.registry = CollectorRegistry()
        self.city_limit = city_limit
        self.messages = Counter(
            "wirewatch_stage_messages", "Messages a stage read (in) or wrote (out).",
            ["stage", "direction"], registry=self.registry,
        )
        self.duplicates = Counter(
            "wirewatch_stage_duplicates",
            "Messages a stage dropped because it had already counted them: a redelivery, a "
            "resent article, an older revision.",
            ["stage"], registry=self.registry,
        )
        self.errors = Counter(
            "wirewatch_stage_errors", "Messages whose handling raised an error.",
            ["stage"], registry=self.registry,
        )
        self.articles = Counter(
            "wirewatch_articles", "Articles extract read, by language, and whether wirewatch reads "
            "claims in that language (read=false: kept and counted, no claim made).",
            ["language", "read"], registry=self.registry,
        )
        self.dead_letters = Counter(
            "wirewatch_dead_letters", "Messages a stage could not handle and sent to the dead-letter topic.",
            ["stage"], registry=self.registry,
        )
        self.latency = Histogram(
            "wirewatch_pipeline_latency_seconds",
            "Seconds from an article's arrival on the articles topic to a stage finishing a "
            "message derived from it; stage=\"tally\" is publish-to-tally.",
            ["stage"], buckets=LATENCY_BUCKETS, registry=self.registry,
        )
        self.lag = Gauge(
            "wirewatch_consumer_lag_messages",
            "Messages on each input topic not yet committed by this worker's consumer group, "
            "over the partitions assigned to this worker.",
            ["topic"], registry=self.registry,
        )
        for stage in STAGES:  # every series exists from the start, at zero
            for counter in (self.duplicates, self.errors, self.dead_letters):
                counter.labels(stage)
        self.per_message = {stage: StageSeries(self.messages.labels(stage, "in"),
                                               self.messages.labels(stage, "out"),
                                               self.latency.labels(stage))
                            for stage in STAGES}

    def observe_latency(self, stage: str, published_ms: int | None) -> None:
        """Time since the article was published, now that ``stage`` has finished with it."""
        if published_ms is not None:  # the clocks of two hosts may differ a little: clamp at 0
            self.per_message[stage].latency.observe(max(0.0, time.time() - published_ms / 1000))

    def watch_tallies(self, rows: Callable[[], Iterable[Mapping]]) -> None:
        self.registry.register(CasualtyCollector(rows, self.city_limit))

    def watch_tables(self, sizes: Callable[[], Mapping[str, int]]) -> None:
        self.registry.register(TableSizeCollector(sizes))

    def faust_monitor(self) -> PrometheusMonitor:
        """Faust's own sensors (``faust_*``) on this registry, but for the events-runtime
        histogram: its name carries an abbreviated unit (``_ms``) that ``promtool check
        metrics`` rejects, and ``wirewatch_pipeline_latency_seconds`` answers the question."""
        faust_metrics = FaustMetrics.create(self.registry, "faust")
        self.registry.unregister(faust_metrics.events_runtime_latency)
        return PrometheusMonitor(metrics=faust_metrics)
