"""The metrics ops read: bounded city series, lag per topic, and an exposition that
`promtool check metrics` finds nothing to fix in."""

from __future__ import annotations

import subprocess

from faust.types import TP
from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families

from streams.metrics import Metrics, fold_places, lag_by_topic
from tests.binaries import require


def _row(city: str, killed: int, injured: int, admin1: str = "", country: str = "UA") -> dict:
    return {"city": city, "admin1": admin1, "country": country, "killed": killed, "injured": injured}


ROWS = [_row("Kharkiv", 25, 127), _row("Odesa", 4, 8), _row("Lviv", 2, 0),
        _row("Springfield", 0, 3, "Illinois", "US"), _row("Springfield", 1, 1, "Missouri", "US")]


def _samples(metrics: Metrics) -> dict[tuple, float]:
    text = generate_latest(metrics.registry).decode()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def _casualties(metrics: Metrics) -> dict[tuple[str, str, str], float]:
    return {(dict(labels)["city"], dict(labels)["admin1"], dict(labels)["kind"]): value
            for (name, labels), value in _samples(metrics).items() if name == "wirewatch_casualties"}


def test_every_place_has_its_own_series_under_the_cap():
    metrics = Metrics(city_limit=10)
    metrics.watch_tallies(lambda: ROWS)
    gauges = _casualties(metrics)
    assert gauges[("Kharkiv", "", "killed")] == 25 and gauges[("Kharkiv", "", "injured")] == 127
    assert gauges[("Springfield", "Illinois", "injured")] == 3
    assert gauges[("Springfield", "Missouri", "killed")] == 1
    assert len(gauges) == 2 * len(ROWS)


def test_places_past_the_cap_fold_into_other_and_the_total_is_kept():
    metrics = Metrics(city_limit=2)
    metrics.watch_tallies(lambda: ROWS)
    gauges = _casualties(metrics)
    assert {city for city, _, _ in gauges} == {"Kharkiv", "Odesa", "other"}
    assert gauges[("other", "", "killed")] == 2 + 0 + 1
    assert gauges[("other", "", "injured")] == 0 + 3 + 1
    assert sum(gauges.values()) == sum(r["killed"] + r["injured"] for r in ROWS)


def test_the_places_kept_are_the_worst_hit_whatever_order_the_table_gives():
    assert list(fold_places(reversed(ROWS), 1)) == [("Kharkiv", "", "UA"), ("other", "", "")]


def test_lag_counts_uncommitted_messages_per_topic():
    end = {TP("news.articles", 0): 120, TP("news.articles", 1): 50, TP("news.events", 0): 9}
    committed = {TP("news.articles", 0): 100, TP("news.articles", 1): 50, TP("news.events", 0): -1}
    earliest = {TP("news.events", 0): 4}
    lag = lag_by_topic(["news.articles", "news.reports", "news.events"], end, committed, earliest)
    # news.events was never committed: everything from its earliest offset is still to read.
    assert lag == {"news.articles": 20, "news.reports": 0, "news.events": 5}


def test_a_new_worker_exposes_every_stage_series_at_zero():
    samples = _samples(Metrics())
    for stage in ("extract", "dedupe", "enrich", "tally"):
        for name in ("wirewatch_stage_duplicates_total", "wirewatch_stage_errors_total",
                     "wirewatch_dead_letters_total", "wirewatch_pipeline_latency_seconds_count"):
            assert samples[(name, (("stage", stage),))] == 0
        for direction in ("in", "out"):
            key = ("wirewatch_stage_messages_total", (("direction", direction), ("stage", stage)))
            assert samples[key] == 0


def test_promtool_finds_nothing_to_fix_in_a_busy_worker_exposition():
    metrics = Metrics(city_limit=3)
    metrics.watch_tallies(lambda: ROWS)
    metrics.watch_tables(lambda: {"city-tallies": 5, "articles-seen": 40})
    metrics.faust_monitor()  # Faust's own sensors, as a worker registers them
    for stage in ("extract", "tally"):
        metrics.messages.labels(stage, "in").inc(3)
        metrics.duplicates.labels(stage).inc()
        metrics.errors.labels(stage).inc()
        metrics.dead_letters.labels(stage).inc()
        metrics.observe_latency(stage, 1_700_000_000_000)
    metrics.lag.labels("news.articles").set(7)
    exposition = generate_latest(metrics.registry)
    result = subprocess.run([require("promtool", "prometheus"), "check", "metrics"],
                            input=exposition, capture_output=True, timeout=60)
    assert (result.returncode, result.stdout + result.stderr) == (0, b"")
    assert b"wirewatch_table_estimated_keys{table=\"articles-seen\"} 40.0" in exposition
