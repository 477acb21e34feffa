"""Extraction throughput on one core: articles per second through ``extract``, the median of
several runs over a corpus (by default the gva-dev evaluation set beside the project).

    .venv/bin/python bench/extract.py [ARTICLES.jsonl] [--runs 5] [--profile]

Parsing is timed apart from extraction. The gazetteer is loaded (and its load timed) before
the runs. The machine is shared, so each run's CPU time is reported beside its wall time: CPU
time is what one core gives extraction, whatever else the machine runs. ``--profile`` then
runs the benchmark again under py-spy and lists where the time went, by module.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from agents.enrich.gazetteer import load_gazetteer
from agents.extract.article import parse_article
from agents.extract.core import extract
from profile_summary import profile  # beside this script

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "gva-dev" / "articles.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
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

    rates, cpu_rates = [], []
    for _ in range(options.runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        run()
        rates.append(len(articles) / (time.perf_counter() - began))
        cpu_rates.append(len(articles) / (time.process_time() - began_cpu))
    sizes = sorted(len(article.body) for article in articles)
    print(f"corpus: {options.corpus} ({len(articles)} articles, median body {sizes[len(sizes) // 2]} chars)")
    print(f"gazetteer load: {load_seconds:.2f} s")
    print(f"parse: {parse_rate:,.0f} articles/s")
    print(f"extract: {statistics.median(rates):,.0f} articles/s (median of {options.runs}; "
          f"min {min(rates):,.0f}, max {max(rates):,.0f})")
    print(f"extract per CPU second: {statistics.median(cpu_rates):,.0f} articles/s "
          f"(min {min(cpu_rates):,.0f}, max {max(cpu_rates):,.0f})")
    print(f"load average: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    if options.profile:
        samples = profile([__file__, str(options.corpus), "--runs", str(options.runs)])
        total = sum(samples.values())
        print(f"profile: {total} samples in extract, by the innermost project module on the stack")
        for name, count in samples.most_common(options.top):
            print(f"  {100 * count / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
