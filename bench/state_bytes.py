"""What dedupe writes to its table (and so to its changelog) per article: ``wirewatch process``'s
run over a corpus, with every write to dedupe's table counted as the worker would send it (key
and value bytes; a deletion is a tombstone, its key alone).

    .venv/bin/python -m bench.state_bytes [--window-days 30] [CORPUS.jsonl]

Prints the bytes written per article, the writes per article, and the distribution of the
values' sizes (each write's, and each key's last) over the run.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
from pathlib import Path

from agents.enrich.gazetteer import load_gazetteer
from agents.pipeline import LocalRun, in_publication_order
from agents.steps import place_states
from bench.corpus import GVA_DEV
from streams.inputs import read_messages
from streams.json_table import JsonTable
from streams.settings import Settings


class CountingStore(dict[str, bytes]):
    """A table's bytes, with the size of every write and deletion kept."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[int] = []  # value bytes of each write
        self.key_bytes = 0
        self.deletions = 0

    def __setitem__(self, key: str, value: bytes) -> None:
        self.writes.append(len(value))
        self.key_bytes += len(key.encode())
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        self.deletions += 1
        self.key_bytes += len(key.encode())
        super().__delitem__(key)


def _quantiles(sizes: list[int]) -> str:
    if not sizes:
        return "none"
    cuts = statistics.quantiles(sizes, n=100, method="inclusive") if len(sizes) > 1 else sizes * 99
    return (f"p50 {cuts[49]:,.0f}, p90 {cuts[89]:,.0f}, p99 {cuts[98]:,.0f}, "
            f"max {max(sizes):,} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=GVA_DEV)
    parser.add_argument("--window-days", type=int, default=Settings.incident_window_days)
    options = parser.parse_args()
    load_gazetteer()
    store = CountingStore()
    settings = dataclasses.replace(Settings.from_env(), incident_window_days=options.window_days)
    run = LocalRun(settings, place_incidents=place_states(JsonTable(store)))
    articles = 0
    for message in in_publication_order(read_messages([options.corpus])):
        articles += 1
        run.feed(message)
    written = sum(store.writes) + store.key_bytes
    print(f"{articles:,} articles, window {options.window_days} days: dedupe wrote "
          f"{written / 2**20:,.1f} MiB ({written / articles:,.0f} bytes an article; keys "
          f"{store.key_bytes / articles:,.0f}), {len(store.writes) / articles:.2f} writes and "
          f"{store.deletions / articles:.2f} deletions an article")
    print(f"each write's value: {_quantiles(store.writes)}")
    last = [len(value) for value in store.values()]
    print(f"each key's last value ({len(store):,} keys, {sum(last) / 2**20:,.1f} MiB): "
          f"{_quantiles(last)}")


if __name__ == "__main__":
    main()
