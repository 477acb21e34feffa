"""A worker forgets an article once its partition's stream is a window past it: the Faust
table deletes it (a tombstone on its changelog), what it still remembers survives a restart on
empty tables, rebuilt from the changelog, and a forgotten article sent again is read anew."""

from __future__ import annotations

import asyncio
import os
import shutil
import time

import orjson
import pytest

from streams.demo import spawn_worker, stop_worker, wait_for_worker
from streams.settings import Settings
from tests.integration.conftest import PARTITIONS, free_port
from tests.integration.kafka_io import DEADLINE, publish_raw, read_to_end

pytestmark = pytest.mark.integration

APP = "forgetting"
TOPICS = ("articles", "reports", "incidents", "events", "casualties", "deadletter")


def _article(article_id: str, day: str, updated: str | None = None,
             body: str = "Two people were killed in Kharkiv on Monday.") -> tuple[bytes, bytes]:
    article = {"id": article_id, "headline": "Shelling in Kharkiv", "body": body,
               "published_at": f"{day}T10:00:00+00:00"}
    if updated:
        article["updated_at"] = f"{updated}T10:00:00+00:00"
    return article_id.encode(), orjson.dumps(article)


def _changelog(bootstrap: str) -> dict[str, bytes | None]:
    """The last value of each key of extract's table, None where it was deleted."""

    async def scan() -> dict[str, bytes | None]:
        last: dict[str, bytes | None] = {}
        for record in await read_to_end(bootstrap, f"{APP}-articles-seen-changelog"):
            last[orjson.loads(record.key)] = record.value  # keys are JSON too
        return last

    return asyncio.run(scan())


def _revision(bootstrap: str, article_id: str) -> int | None:
    """The revision extract last stored for the article, None when it holds none."""
    value = _changelog(bootstrap).get(article_id)
    return orjson.loads(value)["revision"] if value else None


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
        # A restart on empty tables rebuilds them from the changelog: "new" is still known, so
        # a revision of it is its second (the restarted worker may read the first two messages
        # again, if their offsets were not committed: that changes neither answer).
        stop_worker(worker)
        shutil.rmtree(tmp_path / "tables")
        worker = spawn_worker(log, env)
        wait_for_worker(settings, worker, log)
        revision = _article("new", "2030-03-01", updated="2030-03-02",
                            body="Three people were killed in Kharkiv on Monday.")
        publish_raw(kafka.bootstrap, articles, [revision], partition=0)
        _until(lambda: _revision(kafka.bootstrap, "new") == 2, "the revision was not the second")
        # The forgotten one, sent again, is read anew: its first revision.
        publish_raw(kafka.bootstrap, articles, [_article("old", "2030-01-07")], partition=0)
        _until(lambda: _revision(kafka.bootstrap, "old") == 1, "the old article was not read again")
    finally:
        stop_worker(worker)
