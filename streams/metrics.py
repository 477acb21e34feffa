"""wirewatch's Prometheus metrics, on a registry of the app's own.

One registry per app: a second app in one process (tests, notebooks) would otherwise trip
prometheus-client's duplicate-timeseries error.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from prometheus_client import CollectorRegistry, Counter
from prometheus_client.core import GaugeMetricFamily, Metric

KINDS = ("killed", "injured")
STAGES = ("extract", "dedupe", "enrich", "tally")


class CasualtyCollector:
    """``wirewatch_casualties{city,admin1,country,kind}``, read from the tally table at
    scrape time, so the gauge is the table: right after a restart, a rebalance or a replay."""

    def __init__(self, rows: Callable[[], Iterable[dict]]) -> None:
        self._rows = rows

    def collect(self) -> Iterator[Metric]:
        family = GaugeMetricFamily(
            "wirewatch_casualties",
            "People killed or injured per place: the sum over its active incidents.",
            labels=["city", "admin1", "country", "kind"],
        )
        totals: dict[tuple[str, ...], float] = defaultdict(float)
        for row in self._rows():
            labels = (row.get("city") or "", row.get("admin1") or "", row.get("country") or "")
            for kind in KINDS:
                totals[labels + (kind,)] += row.get(kind) or 0
        for labels, value in totals.items():
            family.add_metric(list(labels), value)
        yield family


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.messages = Counter(
            "wirewatch_stage_messages", "Messages a stage read (in) or wrote (out).",
            ["stage", "direction"], registry=self.registry,
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
        for stage in STAGES:  # every series exists from the start, at zero
            self.dead_letters.labels(stage)
            for direction in ("in", "out"):
                self.messages.labels(stage, direction)

    def watch_tallies(self, rows: Callable[[], Iterable[dict]]) -> None:
        self.registry.register(CasualtyCollector(rows))
