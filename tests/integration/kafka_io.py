"""Reading and writing a real broker's topics from the integration tests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable

import orjson
from aiokafka import AIOKafkaProducer

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


def latest_by_key(bootstrap: str, topic: str, idle: float = 3.0) -> dict[str, dict]:
    """The last value of each key on ``topic``: the table a compacted topic stands for."""

    async def scan() -> dict[str, dict]:
        rows: dict[str, dict] = {}
        async for record in follow(bootstrap, topic, idle_timeout=idle):
            rows[record.key.decode()] = orjson.loads(record.value)
        return rows

    return asyncio.run(scan())
