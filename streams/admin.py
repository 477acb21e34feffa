"""Broker administration: is the broker ready, and do wirewatch's topics exist.

The topics are created explicitly, with their partition count and configs, before any worker
or producer touches them: a topic the broker auto-creates on first use would get one partition
and no compaction.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError

from streams.limits import envelope_bytes
from streams.security import client_options
from streams.settings import Security, Settings, TopicNames

# The default names; a deployment can rename each topic (see ``TopicNames``).
ARTICLES = TopicNames.articles
REPORTS = TopicNames.reports
INCIDENTS = TopicNames.incidents
EVENTS = TopicNames.events
CASUALTIES = TopicNames.casualties
DEADLETTER = TopicNames.deadletter

_TOPIC_ALREADY_EXISTS = 36


@dataclass(frozen=True, slots=True)
class TopicSpec:
    name: str
    config: dict[str, str] = field(default_factory=dict)


def topic_specs(names: TopicNames) -> tuple[TopicSpec, ...]:
    return (
        TopicSpec(names.articles),
        TopicSpec(names.reports),
        TopicSpec(names.incidents),
        TopicSpec(names.events),
        # Latest row per place: a consumer reading from the start gets the whole table.
        TopicSpec(names.casualties, {"cleanup.policy": "compact"}),
        TopicSpec(names.deadletter),
    )


class BrokerUnavailable(RuntimeError):
    pass


@contextmanager
def _quiet(logger: logging.Logger) -> Iterator[None]:
    """Connection-refused warnings are expected while a broker boots; keep them off stderr."""
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


async def wait_until_ready(bootstrap: str, timeout: float = 60.0,
                           security: Security = Security()) -> dict:
    """Block until the broker answers a metadata request (its port opens earlier than that)."""
    deadline = time.monotonic() + timeout
    with _quiet(logging.getLogger("aiokafka")):
        return await _poll_metadata(bootstrap, deadline, timeout, security)


async def _poll_metadata(bootstrap: str, deadline: float, timeout: float,
                         security: Security) -> dict:
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        client = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=3000,
                                     **client_options(security))
        try:
            await client.start()
            cluster = await client.describe_cluster()
            if cluster.get("brokers"):
                return cluster
        except (KafkaError, OSError) as exc:
            last_error = exc
        finally:
            await client.close()
        await asyncio.sleep(0.25)
    raise BrokerUnavailable(
        f"no Kafka broker answered at {bootstrap} within {timeout:.0f}s ({last_error}); "
        "start one with `wirewatch broker start` or set WIREWATCH_BROKER"
    )


def _config(spec: TopicSpec, settings: Settings) -> dict[str, str]:
    if spec.name == DEADLETTER:  # a dead letter carries a whole message, base64-encoded
        return {**spec.config, "max.message.bytes": str(envelope_bytes(settings.max_message_bytes))}
    return spec.config


async def ensure_topics(settings: Settings) -> list[str]:
    """Create whichever of wirewatch's topics are missing; return the names created."""
    client = AIOKafkaAdminClient(bootstrap_servers=settings.brokers, request_timeout_ms=10000,
                                 **client_options(settings.security))
    await client.start()
    try:
        existing = set(await client.list_topics())
        missing = [
            NewTopic(spec.name, settings.partitions, settings.replication,
                     topic_configs=_config(spec, settings))
            for spec in topic_specs(settings.topics) if spec.name not in existing
        ]
        if not missing:
            return []
        response = await client.create_topics(missing)
        failed = [(name, code, message) for name, code, message, *_ in response.topic_errors
                  if code not in (0, _TOPIC_ALREADY_EXISTS)]
        if failed:
            raise BrokerUnavailable(f"could not create topics at {settings.broker}: {failed}")
        return [topic.name for topic in missing]
    finally:
        await client.close()
