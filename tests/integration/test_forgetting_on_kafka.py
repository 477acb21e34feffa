"""A worker forgets an article once its partition's stream is a window past it: the Faust
table deletes it (a tombstone on its changelog), and what it still remembers survives a restart
on empty tables, rebuilt from the changelog."""

from __future__ import annotations

import asyncio
import os
import shutil
import time

import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families

from streams.clients import follow
from streams.demo import fetch_metrics, spawn_worker, stop_worker, wait_for_worker
from streams.settings import Settings
from tests.integration.conftest import PARTITIONS, free_port
from tests.integration.kafka_io import DEADLINE, publish_raw

pytestmark = pytest.mark.integration

APP = "forgetting"
TOPICS = ("articles", "reports", "incidents", "events", "casualties", "deadletter")


def _article(article_id: str, day: str) -> tuple[bytes, bytes]:
    return article_id.encode(), orjson.dumps({
        "id": article_id, "headline": "Shelling in Kharkiv",
        "body": "Two people were killed in Kharkiv on Monday.",
        "published_at": f"{day}T10:00:00+00:00"})


def _changelog(bootstrap: str) -> dict[str, bytes | None]:
    """The last value of each key of extract's table, None where it was deleted."""

    async def scan() -> dict[str, bytes | None]:
        last: dict[str, bytes | None] = {}
        async for record in follow(bootstrap, f"{APP}-articles-seen-changelog", idle_timeout=2.0):
            last[orjson.loads(record.key)] = record.value  # keys are JSON too
        return last

    return asyncio.run(scan())


def _extract_repeats(settings: Settings) -> float:
    families = text_string_to_metric_families(fetch_metrics(settings))
    return sum(s.value for family in families if family.name == "wirewatch_stage_duplicates"
               for s in family.samples
               if s.name == "wirewatch_stage_duplicates_total" and s.labels["stage"] == "extract")


def _until(check, what: str):
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(1.0)
    raise AssertionError(f"{what} within {DEADLINE:.0f}s")


def test_a_worker_forgets_an_article_a_window_behind_its_partition(kafka, tmp_path):
    env = dict(os.environ, WIREWATCH_BROKER=kafka.bootstrap, WIREWATCH_APP_ID=APP,
               WIREWATCH_PARTITIONS=str(PARTITIONS), WIREWATCH_WEB_PORT=str(free_port()),
               WIREWATCH_DATA_DIR=str(tmp_path / "tables"), WIREWATCH_INCIDENT_WINDOW_DAYS="30",
               **{f"WIREWATCH_TOPIC_{name.upper()}": f"{APP}.{name}" for name in TOPICS})
    settings = Settings.from_env(env)
    articles = f"{APP}.articles"
    log = tmp_path / "worker.log"
    worker = spawn_worker(log, env)
    try:
        wait_for_worker(settings, worker, log)
        publish_raw(kafka.bootstrap, articles, [_article("old", "2030-01-07"),
                                                _article("new", "2030-03-01")], partition=0)
        last = _until(lambda: (seen := _changelog(kafka.bootstrap)).get("old", b"") is None
                      and seen, "no tombstone of the old article on the changelog")
        assert last["new"] is not None
        # A restart on empty tables rebuilds them from the changelog: "new" is still known.
        stop_worker(worker)
        shutil.rmtree(tmp_path / "tables")
        worker = spawn_worker(log, env)
        wait_for_worker(settings, worker, log)
        before = _extract_repeats(settings)
        publish_raw(kafka.bootstrap, articles, [_article("new", "2030-03-01")], partition=0)
        _until(lambda: _extract_repeats(settings) == before + 1, "the resend was not recognised")
        publish_raw(kafka.bootstrap, articles, [_article("old", "2030-01-07")], partition=0)
        _until(lambda: _changelog(kafka.bootstrap).get("old") is not None,
               "the old article was not read again")
        assert _extract_repeats(settings) == before + 1  # read anew, not as a repeat
    finally:
        stop_worker(worker)
