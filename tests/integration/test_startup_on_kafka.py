"""A worker starting on a fresh cluster finds every topic it reads and writes whole, its
tables' changelogs among them, so no stage's messages are dead-lettered for want of a topic's
partitions (issue 8); one whose changelog was left with another partition count stops at once
and says which, instead of dead-lettering every message of that stage."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from bench.live import topic_names
from streams import admin
from streams.settings import Settings
from tests.integration.conftest import PARTITIONS, free_port

pytestmark = pytest.mark.integration


async def _partitions(bootstrap: str, topics: list[str]) -> dict[str, int]:
    client = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await client.start()
    try:
        return {topic["topic"]: len(topic["partitions"])
                for topic in await client.describe_topics(topics)}
    finally:
        await client.close()


async def _create(bootstrap: str, topic: str, partitions: int) -> None:
    client = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await client.start()
    try:
        await client.create_topics([NewTopic(topic, partitions, 1)])
    finally:
        await client.close()


def test_the_worker_s_topics_are_whole_once_they_are_ensured(kafka):
    settings = Settings(broker=kafka.bootstrap, partitions=PARTITIONS, app_id="fresh",
                        topics=topic_names("fresh"))
    created = asyncio.run(admin.ensure_topics(settings, tables=True))
    topics = [spec.name for spec in admin.topic_specs(settings.topics)
              + admin.changelog_specs(settings.app_id)]
    assert sorted(created) == sorted(topics)
    # What the worker's consumer reads next, with no wait of its own.
    assert asyncio.run(_partitions(kafka.bootstrap, topics)) == dict.fromkeys(topics, PARTITIONS)


def test_a_changelog_with_other_partitions_stops_the_worker_and_names_it(kafka, tmp_path):
    settings = Settings(broker=kafka.bootstrap, partitions=PARTITIONS, app_id="stale",
                        topics=topic_names("stale"))
    # left by a deployment with one partition a topic
    asyncio.run(_create(kafka.bootstrap, "stale-place-tallies-changelog", partitions=1))
    env = dict(os.environ, WIREWATCH_BROKER=kafka.bootstrap, WIREWATCH_APP_ID="stale",
               WIREWATCH_PARTITIONS=str(PARTITIONS), WIREWATCH_WEB_PORT=str(free_port()),
               WIREWATCH_DATA_DIR=str(tmp_path / "tables"),
               **{f"WIREWATCH_TOPIC_{role.upper()}": name
                  for role, name in vars(settings.topics).items()})
    worker = subprocess.run([sys.executable, "-m", "streams.cli", "worker"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert worker.returncode != 0
    assert "stale-place-tallies-changelog has 1, stale.news.events 2" in worker.stderr
