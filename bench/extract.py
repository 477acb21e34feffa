"""Extraction throughput on one core: articles per second through ``extract``, the median of
several runs over a corpus (by default the gva-dev evaluation set beside the project).

    .venv/bin/python -m bench.extract [ARTICLES.jsonl] [--runs 5] [--profile]

Parsing is timed apart from extraction. The gazetteer is loaded (and its load timed) before
the runs. The machine is shared, so each run's CPU time is reported beside its wall time: CPU
time is what one core gives extraction, whatever else the machine runs. ``--profile`` then
runs the benchmark again under py-spy and lists where the time went, by module.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from agents.enrich.gazetteer import load_gazetteer
from agents.extract.article import parse_article
from agents.extract.core import extract
from bench.corpus import GVA_DEV
from bench.profile_summary import profile
from bench.timing import load_average, measure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=GVA_DEV)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="add a sampled run, by module (py-spy)")
    parser.add_argument("--top", type=int, default=12, help="modules the profile lists")
    options = parser.parse_args()

    began = time.perf_counter()
    gazetteer = load_gazetteer()
    load_seconds = time.perf_counter() - began

    lines = options.corpus.read_bytes().splitlines()
    began = time.perf_counter()
    articles = [parse_article(line) for line in lines]
    parse_rate = len(articles) / (time.perf_counter() - began)

    def run() -> None:
        for article in articles:
            extract(article, None, gazetteer)

    rates = measure(run, len(articles), options.runs)
    sizes = sorted(len(article.body) for article in articles)
    print(f"corpus: {options.corpus} ({len(articles)} articles, median body {sizes[len(sizes) // 2]} chars)")
    print(f"gazetteer load: {load_seconds:.2f} s")
    print(f"parse: {parse_rate:,.0f} articles/s")
    print(f"extract: {rates.per_second:,.0f} articles/s (median of {options.runs}; "
          f"min {min(rates.wall):,.0f}, max {max(rates.wall):,.0f})")
    print(f"extract per CPU second: {rates.per_cpu_second:,.0f} articles/s "
          f"(min {min(rates.cpu):,.0f}, max {max(rates.cpu):,.0f})")
    print(f"load average: {load_average()}")
    if options.profile:
        samples = profile(["-m", "bench.extract", str(options.corpus), "--runs", str(options.runs)])
        total = sum(samples.values())
        print(f"profile: {total} samples in extract, by the innermost project module on the stack")
        for name, count in samples.most_common(options.top):
            print(f"  {100 * count / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
