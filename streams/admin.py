"""Broker administration: is the broker ready, and do wirewatch's topics exist.

The topics, the tables' changelogs among them, are created explicitly, with their partition
count and configs, before any worker or producer touches them: a topic the broker auto-creates
on first use would get one partition and no compaction. And they are waited for: a new topic's
partitions appear in the brokers' metadata only once each has a leader, and a worker whose
first metadata lists a changelog with no partitions dead-letters every message of its table's
stage (Faust's ``PartitionsMismatch``; docs/design.md, start-up).
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

from streams.changelogs import TABLES, changelog_topic, source_topic
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
_NO_ERROR = 0
_NO_LEADER = -1
TOPICS_TIMEOUT = 60.0  # seconds new topics may take to get a leader for every partition


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


def changelog_specs(app_id: str) -> tuple[TopicSpec, ...]:
    """The tables' changelogs, compacted as Faust would create them: the latest value a key."""
    return tuple(TopicSpec(changelog_topic(app_id, table), {"cleanup.policy": "compact"})
                 for table in TABLES)


class BrokerUnavailable(RuntimeError):
    pass


class TopicsNotReady(BrokerUnavailable):
    """Topics the broker's metadata does not list with a leader for every partition in time,
    or a table's changelog whose partitions are not its source topic's."""


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


async def ensure_topics(settings: Settings, *, tables: bool = False,
                        timeout: float = TOPICS_TIMEOUT) -> list[str]:
    """Create whichever of wirewatch's topics (and with ``tables``, the worker's, the tables'
    changelogs) are missing, wait until the brokers' metadata lists a leader for every
    partition of each, and return the names created."""
    specs = topic_specs(settings.topics)
    if tables:
        specs += changelog_specs(settings.app_id)
    client = AIOKafkaAdminClient(bootstrap_servers=settings.brokers, request_timeout_ms=10000,
                                 **client_options(settings.security))
    await client.start()
    try:
        existing = set(await client.list_topics())
        missing = [
            NewTopic(spec.name, settings.partitions, settings.replication,
                     topic_configs=_config(spec, settings))
            for spec in specs if spec.name not in existing
        ]
        if missing:
            response = await client.create_topics(missing)
            failed = [(name, code, message) for name, code, message, *_ in response.topic_errors
                      if code not in (_NO_ERROR, _TOPIC_ALREADY_EXISTS)]
            if failed:
                raise BrokerUnavailable(f"could not create topics at {settings.broker}: {failed}")
        partitions = await wait_for_leaders(client, [spec.name for spec in specs], timeout)
        if tables:
            check_table_partitions(partitions, settings)
        return [topic.name for topic in missing]
    finally:
        await client.close()


async def wait_for_leaders(client: AIOKafkaAdminClient, topics: list[str],
                           timeout: float) -> dict[str, int]:
    """Each topic's partition count, once the metadata lists every partition with a leader."""
    deadline = time.monotonic() + timeout
    while True:
        ready = leaders_ready(await client.describe_topics(topics))
        waiting = [topic for topic in topics if topic not in ready]
        if not waiting:
            return ready
        if time.monotonic() >= deadline:
            raise TopicsNotReady(
                "the brokers' metadata did not list a leader for every partition of "
                f"{', '.join(waiting)} within {timeout:.0f}s; is every broker of the cluster up?")
        await asyncio.sleep(0.1)


def leaders_ready(described: list[dict]) -> dict[str, int]:
    """From a metadata response's topics: the partition count of each topic the broker lists
    without an error and with a leader for every partition (a new topic is listed first with
    none, or with its partitions' leaders unknown)."""
    return {topic["topic"]: len(topic["partitions"]) for topic in described
            if topic["error_code"] == _NO_ERROR and topic["partitions"]
            and all(partition["error_code"] == _NO_ERROR and partition["leader"] != _NO_LEADER
                    for partition in topic["partitions"])}


def check_table_partitions(partitions: dict[str, int], settings: Settings) -> None:
    """Refuse to start on a table whose changelog has other partitions than its source topic
    (a changelog left from a deployment with another partition count): Faust would refuse
    each of the stage's messages, and each would be dead-lettered."""
    wrong = []
    for table in TABLES:
        changelog = changelog_topic(settings.app_id, table)
        source = source_topic(settings.topics, table)
        if partitions[changelog] != partitions[source]:
            wrong.append(f"{changelog} has {partitions[changelog]}, {source} {partitions[source]}")
    if wrong:
        raise TopicsNotReady(
            "a table's changelog must have as many partitions as its source topic: "
            f"{'; '.join(wrong)} (delete the changelog, or give both one count)")
