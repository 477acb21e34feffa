"""Metrics that read the worker's own state: table sizes at scrape time, and consumer lag
measured against the broker on a timer (a scrape must not wait on the network)."""

from __future__ import annotations

import logging

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError
from faust.types import TP, TableT

from streams import topics
from streams.app import app, metrics, settings
from streams.metrics import lag_by_topic
from streams.security import client_options

LAG_INTERVAL = 5.0

logger = logging.getLogger(__name__)


def estimated_keys(table: TableT) -> int:
    """RocksDB's key estimate over the table's partitions that are active on this worker.
    Faust keeps one database per partition and offers no public handle on them."""
    return sum(db.property_int_value("rocksdb.estimate-num-keys") or 0
               for db in table.data._dbs_for_actives())


metrics.watch_tables(lambda: {name: estimated_keys(table) for name, table in app.tables.items()})


async def committed_offsets(partitions: list[TP]) -> dict[TP, int]:
    client = AIOKafkaAdminClient(bootstrap_servers=settings.broker, request_timeout_ms=5000,
                                 **client_options(settings.security))
    await client.start()
    try:
        offsets = await client.list_consumer_group_offsets(app.conf.id, partitions=partitions)
    finally:
        await client.close()
    return {TP(tp.topic, tp.partition): meta.offset for tp, meta in offsets.items()}


@app.timer(LAG_INTERVAL)
async def measure_lag() -> None:
    names = [topic.get_topic_name() for topic in topics.INPUTS]
    assigned = sorted(tp for tp in app.consumer.assignment() if tp.topic in names)
    end: dict[TP, int] = {}
    committed: dict[TP, int] = {}
    earliest: dict[TP, int] = {}
    if assigned:  # a worker without partitions (more workers than partitions) has no lag
        try:
            committed = await committed_offsets(assigned)
            end = dict(await app.consumer.highwaters(*assigned))
            earliest = dict(await app.consumer.earliest_offsets(*assigned))
        except KafkaError as exc:  # the broker may be away for a moment; keep the last figures
            logger.warning("consumer lag not measured: %s", exc)
            return
    for topic, messages in lag_by_topic(names, end, committed, earliest).items():
        metrics.lag.labels(topic).set(messages)
