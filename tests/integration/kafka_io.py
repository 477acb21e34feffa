"""Reading and writing a real broker's topics from the integration tests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition

from streams.clients import follow

DEADLINE = 120.0


def publish_raw(bootstrap: str, topic: str, messages: Iterable[tuple[bytes | None, bytes | None]],
                max_request_size: int = 4 * 1024 * 1024,
                partition: int | None = None) -> list[tuple[int, int]]:
    """Send (key, value) pairs as they are, one by one (to ``partition`` when given, else where
    the key hashes); return the partition and offset of each."""

    async def send() -> list[tuple[int, int]]:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all",
                                    max_request_size=max_request_size)
        await producer.start()
        try:
            placed = []
            for key, value in messages:
                sent = await producer.send_and_wait(topic, value=value, key=key,
                                                    partition=partition)
                placed.append((sent.partition, sent.offset))
            return placed
        finally:
            await producer.stop()

    return asyncio.run(send())


def first(bootstrap: str, topic: str, wanted: Callable[[dict], bool],
          timeout: float = DEADLINE) -> dict:
    """The first message on ``topic`` (as JSON) that satisfies ``wanted``."""

    async def scan() -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            async for record in follow(bootstrap, topic, idle_timeout=2.0):
                value = orjson.loads(record.value)
                if wanted(value):
                    return value
        raise AssertionError(f"nothing on {topic} matched within {timeout:.0f}s")

    return asyncio.run(scan())


async def read_to_end(bootstrap: str, topic: str, timeout: float = DEADLINE) -> list[ConsumerRecord]:
    """Every message ``topic`` holds now, up to the end offsets it has when the read begins.
    A pause of the broker or of a loaded machine ends no read early, as a quiet spell would."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=None,
                                enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    try:
        deadline = time.monotonic() + timeout
        while not consumer.assignment():  # without a group, every partition, once metadata came
            if time.monotonic() > deadline:
                raise TimeoutError(f"no partitions of {topic} assigned within {timeout:.0f}s")
            await asyncio.sleep(0.1)
        partitions = sorted(consumer.assignment())
        ends = await consumer.end_offsets(partitions)
        records: list[ConsumerRecord] = []
        while [tp for tp in partitions if await consumer.position(tp) < ends[tp]]:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{topic} not read to its end offsets {ends} within {timeout:.0f}s")
            for batch in (await consumer.getmany(*partitions, timeout_ms=200)).values():
                records += [record for record in batch if record.offset < ends[TopicPartition(topic, record.partition)]]
        return records
    finally:
        await consumer.stop()


def latest_by_key(bootstrap: str, topic: str) -> dict[str, dict]:
    """The last value of each key on ``topic``: the table a compacted topic stands for (a
    tombstone, a null value, deletes its key)."""
    latest = {record.key.decode(): record.value
              for record in asyncio.run(read_to_end(bootstrap, topic))}
    return {key: orjson.loads(value) for key, value in latest.items() if value is not None}
