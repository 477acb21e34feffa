"""Faust's own limit: wirewatch's four-topic topology with agents that forward the bytes.

    BENCH_BROKER=127.0.0.1:9092 BENCH_TOPICS=a,b,c,d,e BENCH_APP_ID=noop BENCH_DATA_DIR=DIR \\
        python -m bench.noop_app worker -l warn --web-port PORT

Configured as wirewatch's app is where it bears on speed (raw keys and values, earliest
offsets, the topics' partitions, its consumer with ``BENCH_FETCH_WAIT_MS``); each agent awaits
its send, as ``streams.stages`` does.
"""

from __future__ import annotations

import os

import faust
from faust.types import TopicT

from streams.offsets import strict_transport

app = faust.App(
    os.environ.get("BENCH_APP_ID", "bench-noop"),
    broker=f"kafka://{os.environ.get('BENCH_BROKER', '127.0.0.1:9092')}",
    datadir=os.environ.get("BENCH_DATA_DIR", "/tmp/bench-noop"),
    key_serializer="raw",
    value_serializer="raw",
    consumer_auto_offset_reset="earliest",
    topic_partitions=int(os.environ.get("BENCH_PARTITIONS", "4")),
)
# wirewatch's own consumer, so that the two differ only in their agents.
app.transport = strict_transport(app, int(os.environ.get("BENCH_FETCH_WAIT_MS", "100")))
chain = [app.topic(name) for name in os.environ.get("BENCH_TOPICS", "").split(",") if name]


def forward(source: TopicT, target: TopicT, name: str) -> None:
    async def relay(stream):
        async for event in stream.events():
            await target.send(key=event.key, value=event.value,
                              headers=event.message.headers)

    app.agent(source, name=name)(relay)


for number, (source, target) in enumerate(zip(chain, chain[1:])):
    forward(source, target, f"forward-{number}")

if __name__ == "__main__":
    app.main()
