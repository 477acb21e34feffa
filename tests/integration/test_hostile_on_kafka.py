"""The hostile corpus on a real broker: each bad message reaches news.deadletter with its raw
bytes, source topic, partition and offset, stage and error; the counter rises by one per
message; and the worker goes on to the next message."""

from __future__ import annotations

import asyncio
import base64
import time

import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from prometheus_client.parser import text_string_to_metric_families

from streams import admin
from streams.demo import fetch_metrics
from tests import hostile
from tests.integration.kafka_io import first, latest_by_key, publish_raw

pytestmark = pytest.mark.integration

LIMIT = 1_048_576  # the worker's default


def _dead_letter_counts(worker) -> dict[str, float]:
    families = text_string_to_metric_families(fetch_metrics(worker.settings))
    return {s.labels["stage"]: s.value for family in families
            if family.name == "wirewatch_dead_letters" for s in family.samples
            if s.name == "wirewatch_dead_letters_total"}


def _allow_big_articles(bootstrap: str) -> None:
    """Let the broker take an article over the worker's limit, so the worker's own check is hit."""

    async def alter() -> None:
        client = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await client.start()
        try:
            await client.alter_configs([ConfigResource(
                ConfigResourceType.TOPIC, admin.ARTICLES,
                configs={"max.message.bytes": str(4 * LIMIT)})])
        finally:
            await client.close()

    asyncio.run(alter())


def test_every_kind_of_bad_message_is_dead_lettered_and_the_worker_goes_on(worker):
    bootstrap = worker.settings.broker
    _allow_big_articles(bootstrap)
    before = _dead_letter_counts(worker)
    null_value = hostile.Hostile("null value", b"h-null", None, "extract", "NoneType")  # type: ignore[arg-type]
    cases = hostile.ARTICLES + [hostile.oversized(LIMIT), null_value] + hostile.RECORDS
    placed = {case.key: (case, publish_raw(bootstrap, case.topic, [(case.key, case.value)])[0])
              for case in cases}
    began = time.monotonic()
    publish_raw(bootstrap, admin.ARTICLES, [(b"p-" + bytes([i]), value)
                                            for i, value in enumerate(hostile.PATHOLOGICAL)])
    publish_raw(bootstrap, admin.ARTICLES, [(b"lviv-good", hostile.GOOD)])

    first(bootstrap, admin.CASUALTIES, lambda row: row["city"] == "Lviv" and row["killed"] == 2)
    # The pathological articles are read, or given up on at the stage deadline (10 s).
    assert time.monotonic() - began < 120

    letters = {}
    deadline = time.monotonic() + 120
    while set(placed) - set(letters) and time.monotonic() < deadline:
        letters = {letter.encode(): value for letter, value in latest_by_key(
            bootstrap, admin.DEADLETTER).items()}
    assert set(placed) <= set(letters), f"missing dead letters: {set(placed) - set(letters)}"
    for key, (case, (partition, offset)) in placed.items():
        letter = letters[key]
        raw = case.value or b""
        assert (letter["stage"], letter["topic"]) == (case.stage, case.topic), case.name
        assert (letter["partition"], letter["offset"]) == (partition, offset), case.name
        assert case.error in letter["error"], (case.name, letter["error"])
        assert base64.b64decode(letter["value_base64"]) == raw[:LIMIT], case.name
        assert letter["value_size"] == len(raw) and letter["key"] == key.decode()

    after = _dead_letter_counts(worker)
    timeouts = sum(1 for key, letter in letters.items()
                   if key.startswith(b"p-") and "StageTimeout" in letter["error"])
    for stage in ("extract", "dedupe", "tally"):
        expected = sum(1 for case, _ in placed.values() if case.stage == stage)
        expected += timeouts if stage == "extract" else 0
        assert after[stage] - before[stage] == expected, stage
