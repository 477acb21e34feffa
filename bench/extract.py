"""Extraction throughput on one core: articles per second through ``extract``, the median of
several runs over a corpus (by default the gva-dev evaluation set beside the project).

    .venv/bin/python bench/extract.py [ARTICLES.jsonl] [--runs 5]

Parsing is timed apart from extraction. The gazetteer is loaded (and its load timed) before
the runs.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from agents.enrich.gazetteer import load_gazetteer
from agents.extract.article import parse_article
from agents.extract.core import extract

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "gva-dev" / "articles.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    began = time.perf_counter()
    gazetteer = load_gazetteer()
    load_seconds = time.perf_counter() - began

    lines = options.corpus.read_bytes().splitlines()
    began = time.perf_counter()
    articles = [parse_article(line) for line in lines]
    parse_rate = len(articles) / (time.perf_counter() - began)

    rates = []
    for _ in range(options.runs):
        began = time.perf_counter()
        for article in articles:
            extract(article, None, gazetteer)
        rates.append(len(articles) / (time.perf_counter() - began))
    sizes = sorted(len(article.body) for article in articles)
    print(f"corpus: {options.corpus} ({len(articles)} articles, median body {sizes[len(sizes) // 2]} chars)")
    print(f"gazetteer load: {load_seconds:.2f} s")
    print(f"parse: {parse_rate:,.0f} articles/s")
    print(f"extract: {statistics.median(rates):,.0f} articles/s (median of {options.runs}; "
          f"min {min(rates):,.0f}, max {max(rates):,.0f})")


if __name__ == "__main__":
    main()
