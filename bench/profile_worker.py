"""Where a worker's time goes: py-spy samples of one wirewatch worker on a real broker while
it works through a backlog, each charged to the stage step on its stack, else to the library
it is in (Faust, aiokafka, RocksDB, the event loop).

    .venv/bin/python -m bench.profile_worker [--articles 1000] [--seconds 30] [--stacks FILE]

Needs the ``bench`` extra (py-spy), and the right to trace a child process (root, or
ptrace_scope 0).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from bench.corpus import first, read_corpus
from bench.live import PARTITIONS, publish_paced, wirewatch
from bench.profile_summary import spy_binary
from streams import broker as kafka_broker
from streams.broker import Broker
from streams.settings import Settings
from tests.integration.conftest import free_port

STEPS = ("extract_step", "dedupe_step", "enrich_step", "tally_step")
# Where a stack that is in no step spends its time, by the innermost of these on it.
LIBRARIES = ("rocksdict", "faust", "mode", "aiokafka", "kafka", "prometheus_client", "asyncio",
             "selectors", "threading")


def charge(stack: list[str]) -> str:
    """The step a sampled stack is in, else the innermost library on it."""
    names = [frame.split(" (", 1)[0] for frame in stack]
    step = next((name for name in names if name in STEPS), None)
    if step:
        return step
    for frame in reversed(stack):
        for library in LIBRARIES:
            if f"/{library}/" in frame or f"({library}/" in frame or f"({library}." in frame:
                return library
    return "other"


def fold(raw: str) -> Counter[str]:
    samples: Counter[str] = Counter()
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        samples[charge(stack.split(";"))] += int(count)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--stacks", type=Path, help="also keep py-spy's raw stacks in this file")
    options = parser.parse_args()
    corpus = read_corpus()
    node = Broker(Settings.from_env().home, free_port(pair=True), PARTITIONS)
    kafka_broker.start(node)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            system = wirewatch(node, Path(scratch), "profile", corpus, 1)
            try:
                asyncio.run(publish_paced(node.bootstrap, system.names.articles,
                                          first(corpus, options.articles), None))
                raw = Path(scratch) / "stacks.txt"
                subprocess.run([spy_binary(), "record", "--pid", str(system.pids()[0]),
                                "--duration", str(options.seconds), "--rate", "100",
                                "--format", "raw", "--output", str(raw)],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                samples = fold(raw.read_text())
                if options.stacks:
                    shutil.copyfile(raw, options.stacks)
            finally:
                system.stop()
    finally:
        kafka_broker.stop(node)
    total = sum(samples.values())
    print(f"{total} samples of the worker over {options.seconds} s of a "
          f"{options.articles}-article backlog")
    for name, count in samples.most_common():
        print(f"  {100 * count / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
