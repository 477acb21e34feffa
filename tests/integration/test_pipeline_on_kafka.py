"""The seed article published to a real broker comes out as the Kharkiv row on
news.casualties and as the wirewatch_casualties gauge, as `wirewatch process` computes it."""

from __future__ import annotations

import asyncio
import base64
import subprocess
import sys

import orjson
import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from prometheus_client.parser import text_string_to_metric_families

from agents.pipeline import process
from streams import admin
from streams.demo import fetch_metrics
from tests.integration.kafka_io import first, publish_raw

pytestmark = pytest.mark.integration


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "streams.cli", *args], env=env,
                          capture_output=True, text=True, timeout=120)


def _dead_letters(worker) -> dict[str, float]:
    families = text_string_to_metric_families(fetch_metrics(worker.settings))
    return {s.labels["stage"]: s.value for family in families
            if family.name == "wirewatch_dead_letters" for s in family.samples
            if s.name == "wirewatch_dead_letters_total"}


def _gauges(worker) -> dict[tuple[str, str], float]:
    families = text_string_to_metric_families(fetch_metrics(worker.settings))
    return {(s.labels["city"], s.labels["kind"]): s.value
            for family in families if family.name == "wirewatch_casualties"
            for s in family.samples}


def test_seed_reaches_news_casualties_and_the_gauge(worker, seed_article_path, tmp_path):
    published = _cli(worker.env, "publish", "--no-progress", str(seed_article_path))
    assert published.returncode == 0, published.stderr

    row = first(worker.settings.broker, admin.CASUALTIES,
                 lambda r: r["city"] == "Kharkiv" and (r["killed"], r["injured"]) == (25, 121)
                 and r["incidents"] == 3)
    assert (row["country"], row["place_id"], row["incidents"]) == ("UA", "geonames:706483", 3)

    gauges = _gauges(worker)
    assert gauges[("Kharkiv", "killed")] == 25 and gauges[("Kharkiv", "injured")] == 121

    process([seed_article_path], tmp_path)
    local = orjson.loads((tmp_path / "tallies.jsonl").read_bytes().splitlines()[0])
    assert local == row  # the same functions, through Kafka or in process


def test_garbage_is_dead_lettered_and_the_worker_carries_on(worker):
    before = _dead_letters(worker)
    publish_raw(worker.settings.broker, admin.ARTICLES, [(b"bad-1", b'{"id": "bad-1", "body": ')])
    letter = first(worker.settings.broker, admin.DEADLETTER, lambda d: d["key"] == "bad-1")
    assert letter["stage"] == "extract" and letter["topic"] == admin.ARTICLES
    assert base64.b64decode(letter["value_base64"]) == b'{"id": "bad-1", "body": '
    assert "JSON" in letter["error"] and letter["offset"] is not None

    publish_raw(worker.settings.broker, admin.ARTICLES, [(b"lviv-1", orjson.dumps(
        {"id": "lviv-1", "headline": "Blast in Lviv",
         "body": "Two people were killed in Lviv on Monday.",
         "published_at": "2024-01-02T10:00:00+00:00"}))])
    first(worker.settings.broker, admin.CASUALTIES, lambda r: r["city"] == "Lviv" and r["killed"] == 2)
    assert _dead_letters(worker)["extract"] == before["extract"] + 1


def test_topics_exist_with_their_partitions_and_compaction(worker):
    async def describe() -> tuple[dict, list]:
        client = AIOKafkaAdminClient(bootstrap_servers=worker.settings.broker)
        await client.start()
        try:
            topics = await client.describe_topics([spec.name for spec in admin.topic_specs(worker.settings.topics)])
            configs = await client.describe_configs(
                [ConfigResource(ConfigResourceType.TOPIC, admin.CASUALTIES)])
        finally:
            await client.close()
        return {t["topic"]: len(t["partitions"]) for t in topics}, configs

    partitions, configs = asyncio.run(describe())
    assert partitions == {spec.name: worker.settings.partitions for spec in admin.topic_specs(worker.settings.topics)}
    entries = {entry[0]: entry[1] for entry in configs[0].resources[0][4]}
    assert entries["cleanup.policy"] == "compact"


def test_broker_commands_manage_the_running_broker(kafka, worker):
    status = _cli(worker.env, "--home", str(kafka.home), "broker", "status", "--port", str(kafka.port))
    assert status.returncode == 0 and "running" in status.stdout
    again = _cli(worker.env, "--home", str(kafka.home), "broker", "start", "--port", str(kafka.port))
    assert again.returncode == 0 and "already running" in again.stdout
