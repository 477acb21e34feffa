"""Plain aiokafka producer and consumer loops behind ``publish``, ``tail`` and the demo."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Iterable

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.structs import ConsumerRecord

from streams.inputs import Message
from streams.security import client_options
from streams.settings import Security

MAX_MESSAGE_BYTES = 1_048_576


async def publish(bootstrap: str, topic: str, messages: Iterable[Message],
                  on_sent: Callable[[], None] = lambda: None,
                  security: Security = Security()) -> int:
    """Send every message, keyed by article id, and wait until the broker has them all."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5,
                                max_request_size=MAX_MESSAGE_BYTES + 4096,
                                **client_options(security))
    await producer.start()
    sent = 0
    try:
        pending: list[asyncio.Future] = []
        for message in messages:
            future = await producer.send(topic, value=message.value, key=message.key)
            future.add_done_callback(lambda _: on_sent())
            pending.append(future)
            sent += 1
            if len(pending) >= 1000:
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return sent


async def follow(bootstrap: str, topic: str, *, from_beginning: bool = True,
                 idle_timeout: float | None = None,
                 security: Security = Security()) -> AsyncIterator[ConsumerRecord]:
    """Every message of ``topic`` (no consumer group, so nothing is committed); stops after
    ``idle_timeout`` seconds without a message when one is given, else runs until cancelled."""
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
        auto_offset_reset="earliest" if from_beginning else "latest",
        **client_options(security),
    )
    await consumer.start()
    try:
        last = time.monotonic()
        while idle_timeout is None or time.monotonic() - last < idle_timeout:
            batches = await consumer.getmany(timeout_ms=200)
            for records in batches.values():
                for record in records:
                    last = time.monotonic()
                    yield record
    finally:
        await consumer.stop()
