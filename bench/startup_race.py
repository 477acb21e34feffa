"""How often a worker started on fresh topics loses its tallies to dead letters (issue 8's
start-up race): each run starts one worker on topics, a group and tables of its own, as a new
deployment or a benchmark run does, sends the seed articles, and counts what tally wrote to
``news.casualties`` and to ``news.deadletter``.

    git -C . archive main | tar -x -C /tmp/before          # the version to try, or none: this one
    .venv/bin/python -m bench.startup_race [--checkout /tmp/before] [--runs 20]

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

from bench.live import Workers, topic_names
from streams import broker as kafka_broker
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checkout", type=Path, default=HERE,
                        help="the folder whose code the workers run [this checkout]")
    parser.add_argument("--runs", type=int, default=20)
    options = parser.parse_args()
    node = Broker(Settings.from_env().home, free_port(pair=True), 4)
    folder = Path(tempfile.mkdtemp(prefix="startup-race-"))
    os.chdir(options.checkout)  # the workers' code
    kafka_broker.start(node)
    spoiled = 0
    try:
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
