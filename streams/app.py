"""Builds the Faust app. Agents live in the ``agents`` packages, and the web views and the
telemetry in ``streams.web`` and ``streams.telemetry``; all are discovered from here."""

from __future__ import annotations

import faust

from streams import codecs, stores
from streams.limits import envelope_bytes
from streams.metrics import Metrics
from streams.offsets import strict_transport
from streams.security import faust_credentials
from streams.settings import Settings


def create_app(settings: Settings) -> faust.App:
    codecs.register()
    stores.register()
    settings.worker_dir.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        settings.app_id,
        broker=[f"kafka://{host}" for host in settings.brokers],
        broker_credentials=faust_credentials(settings.security),
        store=f"{stores.SCHEME}://",
        datadir=str(settings.worker_dir),
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication,
        topic_allow_declare=True,
        table_standby_replicas=settings.standby_replicas,
        key_serializer="raw",
        value_serializer="raw",
        web_host=settings.web_host,
        web_bind=settings.web_bind or settings.web_host,
        web_port=settings.web_port,
        # Other workers route read requests here; Prometheus scrapes it.
        canonical_url=settings.web_url,
        consumer_auto_offset_reset="earliest",
        producer_max_request_size=envelope_bytes(settings.max_message_bytes),
        producer_linger=settings.producer_linger_ms / 1000,
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=settings.session_timeout / 10,
        autodiscover=["agents", "streams.web", "streams.telemetry"],
        origin="streams",
    )
    # before anything creates the default one
    app.transport = strict_transport(app, settings.fetch_wait_ms)
    return app


settings = Settings.from_env()
app = create_app(settings)
metrics = Metrics(city_limit=settings.metrics_city_limit)
app.monitor = metrics.faust_monitor()
