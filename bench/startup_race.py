"""How often a worker started on fresh topics loses its tallies to dead letters (issue 8's
start-up race): each run starts one worker on topics, a group and tables of its own, as a new
deployment or a benchmark run does, sends the seed articles, and counts what tally wrote to
``news.casualties`` and to ``news.deadletter``. ``--probe N`` first creates N topics one at a
time and asks another client for each one's metadata as soon as the creation returns, and
again once ``streams.admin.wait_for_leaders`` returns: how often a worker could find a new
topic without its partitions.

    git -C . archive main | tar -x -C /tmp/before          # the version to try, or none: this one
    .venv/bin/python -m bench.startup_race [--checkout /tmp/before] [--runs 20] [--probe 200]

A worker's code is the checkout's (``python -m`` imports from the folder it starts in); the
broker, the seeds and this script are this checkout's. Prints one line per run and the count
of spoiled runs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

import orjson
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from bench.live import Workers, topic_names
from streams import admin, broker as kafka_broker
from streams.broker import Broker
from streams.clients import publish
from streams.inputs import read_messages
from streams.settings import Settings, TopicNames
from tests.integration.conftest import free_port
from tests.integration.kafka_io import read_to_end

HERE = Path(__file__).resolve().parents[1]
SEEDS = HERE / "seeds"
LIMIT = 90.0  # seconds a run may take to write its first row or dead letter


def tally_outcome(bootstrap: str, names: TopicNames) -> tuple[int, Counter[str]]:
    """Rows tally wrote, and its dead letters by the error's kind."""
    rows = len(asyncio.run(read_to_end(bootstrap, names.casualties)))
    letters = [orjson.loads(record.value)
               for record in asyncio.run(read_to_end(bootstrap, names.deadletter))]
    kinds = Counter(letter["error"].split(":")[0] for letter in letters
                    if letter["stage"] == "tally")
    return rows, kinds


def one_run(node: Broker, folder: Path, prefix: str) -> tuple[int, Counter[str]]:
    names = topic_names(prefix)
    cluster = Workers(node, folder / prefix, names=names, app_id=prefix)
    cluster.start("worker-0")
    try:
        asyncio.run(publish(node.bootstrap, names.articles, read_messages([SEEDS])))
        deadline = time.monotonic() + LIMIT
        while time.monotonic() < deadline:
            rows, kinds = tally_outcome(node.bootstrap, names)
            if rows or kinds:
                time.sleep(2.0)  # the run's other events
                return tally_outcome(node.bootstrap, names)
            time.sleep(1.0)
        raise TimeoutError(f"{prefix}: tally wrote nothing within {LIMIT:.0f}s")
    finally:
        cluster.stop_all()


async def probe(bootstrap: str, topics: int) -> tuple[int, int]:
    """Of ``topics`` new topics, how many another client found without a leader for each
    partition right after the creation returned, and how many after waiting for them."""
    creator = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    reader = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await creator.start()
    await reader.start()
    at_once = after_wait = 0
    try:
        for number in range(topics):
            name = f"probe.{number}"
            await creator.create_topics([NewTopic(name, 4, 1)])
            at_once += name not in admin.leaders_ready(await reader.describe_topics([name]))
            await admin.wait_for_leaders(creator, [name], admin.TOPICS_TIMEOUT)
            after_wait += name not in admin.leaders_ready(await reader.describe_topics([name]))
    finally:
        await creator.close()
        await reader.close()
    return at_once, after_wait


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checkout", type=Path, default=HERE,
                        help="the folder whose code the workers run [this checkout]")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--probe", type=int, default=0, help="new topics to probe first")
    options = parser.parse_args()
    node = Broker(Settings.from_env().home, free_port(pair=True), 4)
    folder = Path(tempfile.mkdtemp(prefix="startup-race-"))
    os.chdir(options.checkout)  # the workers' code
    kafka_broker.start(node)
    spoiled = 0
    try:
        if options.probe:
            at_once, after_wait = asyncio.run(probe(node.bootstrap, options.probe))
            print(f"of {options.probe} new topics, {at_once} listed without a leader for every "
                  f"partition right after their creation, {after_wait} after waiting", flush=True)
        for run in range(options.runs):
            rows, kinds = one_run(node, folder, f"race{run}")
            spoiled += bool(kinds)
            print(f"run {run}: {rows} row(s) on casualties, tally dead letters "
                  f"{dict(kinds) or 0}", flush=True)
    finally:
        kafka_broker.stop(node)
        shutil.rmtree(node.folder, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{options.checkout}: {spoiled} of {options.runs} runs dead-lettered tally's events")


if __name__ == "__main__":
    main()
