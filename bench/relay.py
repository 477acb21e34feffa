"""The Kafka client's limit: a bare aiokafka consume-and-produce relay along the same chain
of topics, no Faust, no tables.

    python -m bench.relay BOOTSTRAP GROUP TOPIC TOPIC...

One consumer group per hop and one shared producer, in one process like a worker; offsets are
committed automatically, and the headers (the publication stamp) go along.
"""

from __future__ import annotations

import asyncio
import sys

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer


async def hop(bootstrap: str, group: str, source: str, target: str,
              producer: AIOKafkaProducer) -> None:
    consumer = AIOKafkaConsumer(source, bootstrap_servers=bootstrap, group_id=f"{group}-{source}",
                                auto_offset_reset="earliest")
    await consumer.start()
    try:
        while True:
            batches = await consumer.getmany(timeout_ms=200)
            for records in batches.values():
                for record in records:
                    await producer.send(target, value=record.value, key=record.key,
                                        headers=list(record.headers))
    finally:
        await consumer.stop()


async def relay(bootstrap: str, group: str, topics: list[str]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        await asyncio.gather(*(hop(bootstrap, group, source, target, producer)
                               for source, target in zip(topics, topics[1:])))
    finally:
        await producer.stop()


if __name__ == "__main__":
    asyncio.run(relay(sys.argv[1], sys.argv[2], sys.argv[3:]))
