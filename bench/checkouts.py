"""Workers of two versions of wirewatch on one broker, run by turns: a change's effect on the
worker as a same-run ratio, with the no-op Faust topology as the ceiling.

    git -C . archive main | tar -x -C /tmp/before          # the version to compare with
    .venv/bin/python -m bench.checkouts /tmp/before [--runs 3] [--articles 600] [--workers 1]
                                                   [--rate 50] [--noop]

Each run starts fresh workers from one checkout's code (``python -m`` imports from the folder
it starts in), on topics, a group and tables of their own, then the other checkout's, and so
on; a backlog (or ``--rate`` articles per second) is measured as ``python -m bench`` does. The
benchmark's own code is this checkout's for both. Prints one line per run and the medians.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import tempfile
from pathlib import Path

from bench.corpus import read_corpus
from bench.live import (PARTITIONS, WARM_UP, Outcome, System, backlog, cpu_seconds, noop_faust,
                        offered, percentile, wirewatch)
from streams import broker as kafka_broker
from streams.broker import Broker
from streams.settings import Settings
from tests.integration.conftest import free_port

HERE = Path(__file__).resolve().parents[1]
LIMIT = 90.0  # seconds a run may take to drain


def describe(label: str, outcome: Outcome, broker_cpu: float | None = None) -> str:
    line = (f"{label}: {outcome.rate:,.1f} articles/s, {outcome.per_cpu_second:,.1f} per worker "
            f"CPU-s, drained={outcome.drained}, p50 {percentile(outcome.latencies_ms, 50):,.0f} "
            f"ms, p99 {percentile(outcome.latencies_ms, 99):,.0f} ms")
    return line if broker_cpu is None else f"{line}, broker CPU {broker_cpu:.1f} s"


def _records(log: Path) -> int:
    """The records a log segment holds: the sum of its record batches' counts (Kafka's batch
    format v2: a batch's length at byte 8, its record count at byte 57)."""
    data = log.read_bytes()
    records, at = 0, 0
    while at + 61 <= len(data):
        records += int.from_bytes(data[at + 57:at + 61], "big")
        at += 12 + int.from_bytes(data[at + 8:at + 12], "big")
    return records


def topic_sizes(node: Broker, prefix: str) -> dict[str, tuple[int, int]]:
    """The bytes and records the broker holds in each topic of a run (its log segments), by
    the topic's name without the run's prefix: what the run's clients sent, before any
    compaction."""
    sizes: dict[str, tuple[int, int]] = {}
    for folder in (node.folder / "data").glob(f"{prefix}[.-]*"):
        topic = folder.name.removeprefix(prefix)[1:].rsplit("-", 1)[0]
        size, records = sizes.get(topic, (0, 0))
        for log in folder.glob("*.log"):
            size += log.stat().st_size
            records += _records(log)
        sizes[topic] = (size, records)
    return sizes


def describe_sizes(label: str, sizes: dict[str, tuple[int, int]], articles: int) -> str:
    per_article = ", ".join(
        f"{topic} {size / articles:,.0f} B {records / articles:.2f} msgs"
        for topic, (size, records) in sorted(sizes.items(), key=lambda item: -item[1][0]))
    size = sum(size for size, _ in sizes.values())
    records = sum(records for _, records in sizes.values())
    return (f"{label}: {size / articles:,.0f} bytes and {records / articles:.2f} messages an "
            f"article on the broker ({per_article})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="a checkout of the version to compare with")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--rate", type=float, help="articles per second (default: a backlog)")
    parser.add_argument("--noop", action="store_true", help="measure the no-op topology first")
    options = parser.parse_args()
    checkouts = {"before": options.before.resolve(), "after": HERE}
    corpus = read_corpus()
    node = Broker(Settings.from_env().home, free_port(pair=True), PARTITIONS)
    kafka_broker.start(node)
    outcomes: dict[str, list[Outcome]] = {"noop": [], "before": [], "after": []}
    prefixes = (f"checkouts{number}" for number in range(10_000))

    def measure(running: System) -> Outcome:
        if options.rate is None:
            return backlog(node.bootstrap, running, corpus, options.articles, LIMIT)
        return offered(node.bootstrap, running, corpus, options.rate,
                       options.articles / options.rate, LIMIT)

    try:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch)
            if options.noop:
                system = noop_faust(node, folder, next(prefixes), corpus)
                try:
                    for _ in range(options.runs):
                        outcomes["noop"].append(measure(system))
                        print(describe("noop", outcomes["noop"][-1]), flush=True)
                finally:
                    system.stop()
            for _ in range(options.runs):
                for label, code in checkouts.items():
                    prefix = next(prefixes)
                    with contextlib.chdir(code):
                        system = wirewatch(node, folder, prefix, corpus, options.workers)
                    broker_before = cpu_seconds([node.pid()])
                    try:
                        outcomes[label].append(measure(system))
                    finally:
                        system.stop()
                    print(describe(label, outcomes[label][-1],
                                   cpu_seconds([node.pid()]) - broker_before), flush=True)
                    # Each worker warmed up on articles of its own, in the same topics.
                    print(describe_sizes(label, topic_sizes(node, prefix),
                                         outcomes[label][-1].articles + WARM_UP * options.workers),
                          flush=True)
    finally:
        kafka_broker.stop(node)
        shutil.rmtree(node.folder, ignore_errors=True)
    for label, runs in outcomes.items():
        if runs:
            print(f"{label} median of {len(runs)}: "
                  f"{statistics.median(o.rate for o in runs):,.1f} articles/s, "
                  f"{statistics.median(o.per_cpu_second for o in runs):,.1f} per worker CPU-s")


if __name__ == "__main__":
    main()
