"""Builds the Faust app. Agents live in the ``agents`` packages and are discovered from here."""

from __future__ import annotations

import faust
from faust.sensors.prometheus import setup_prometheus_sensors

from streams import codecs
from streams.limits import envelope_bytes
from streams.metrics import Metrics
from streams.offsets import strict_transport
from streams.settings import Settings


def create_app(settings: Settings) -> faust.App:
    codecs.register()
    settings.worker_dir.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        settings.app_id,
        broker=f"kafka://{settings.broker}",
        store="rocksdb://",
        datadir=str(settings.worker_dir),
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication,
        topic_allow_declare=True,
        key_serializer="raw",
        value_serializer="raw",
        web_host=settings.web_host,
        web_bind=settings.web_host,
        web_port=settings.web_port,
        consumer_auto_offset_reset="earliest",
        producer_max_request_size=envelope_bytes(settings.max_message_bytes),
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=settings.session_timeout / 10,
        autodiscover=["agents"],
        origin="streams",
    )
    app.transport = strict_transport(app)  # before anything creates the default one
    return app


settings = Settings.from_env()
app = create_app(settings)
metrics = Metrics()
setup_prometheus_sensors(app, pattern="/metrics", registry=metrics.registry, name_prefix="faust")
