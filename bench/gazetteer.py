"""Report the gazetteer's size, memory, build and load time, and lookups per second.

    .venv/bin/python bench/gazetteer.py [--build]

Load time and memory are measured in a fresh interpreter each, so that nothing this script
imported is counted. ``--build`` also times a full compile of the index into a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs in a fresh interpreter: resident memory before and after opening the gazetteer.
_LOAD = """
import json, time
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
before = rss()
start = time.perf_counter()
from agents.enrich.gazetteer import load_gazetteer
gazetteer = load_gazetteer()
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "rss_before_mb": before, "rss_after_mb": rss(),
                  "places": len(gazetteer)}))
"""


def _fresh_load() -> dict:
    out = subprocess.run([sys.executable, "-c", _LOAD], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


def _rate(calls: int, seconds: float) -> str:
    return f"{calls / seconds:,.0f}/s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="also time a full index build")
    parser.add_argument("--runs", type=int, default=3, help="fresh loads to time")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from agents.enrich import index
    from agents.enrich.gazetteer import NOT_PLACE_NAMES, Gazetteer, load_gazetteer
    from streams.settings import Settings

    if args.build:
        with tempfile.TemporaryDirectory() as scratch:
            start = time.perf_counter()
            index.build(Path(scratch) / "index", NOT_PLACE_NAMES)
            print(f"build:        {time.perf_counter() - start:.1f} s (once per data version)")
    load_gazetteer()  # make sure an index exists before timing fresh loads
    folder = index.folder(Settings.from_env().home, NOT_PLACE_NAMES)
    size = sum(f.stat().st_size for f in folder.iterdir()) / 2**20
    loads = [_fresh_load() for _ in range(args.runs)]
    best = min(loads, key=lambda run: run["seconds"])
    print(f"places:       {best['places']:,} (index {size:.1f} MB on disk, {folder})")
    print(f"load:         {best['seconds']:.3f} s (best of {args.runs} fresh processes)")
    print(f"memory:       {best['rss_after_mb'] - best['rss_before_mb']:.1f} MB resident for the "
          f"gazetteer ({best['rss_after_mb']:.1f} MB the whole process)")

    gazetteer = Gazetteer(index.load(Settings.from_env().home, NOT_PLACE_NAMES))
    names = gazetteer._data.city_names  # every city's own name, most populous first
    rng = random.Random(5)
    sample = rng.sample(names, 200_000)
    inflected = [name + suffix for name in ("Харків", "Київ", "Одеса", "Донецьк")
                 for suffix in ("", "і", "а", "у", "ом")]
    misses = [f"Nowhere{i}" for i in range(50_000)]

    start = time.perf_counter()
    found = sum(1 for name in sample if gazetteer.cities(name))
    cold = time.perf_counter() - start
    print(f"cities():     {_rate(len(sample), cold)} distinct names, first lookup each "
          f"({found:,} of {len(sample):,} found)")
    start = time.perf_counter()
    for name in misses:
        gazetteer.cities(name)
    print(f"              {_rate(len(misses), time.perf_counter() - start)} names it does not hold")
    repeated = (sample[:500] + inflected) * 200
    start = time.perf_counter()
    for name in repeated:
        gazetteer.cities(name)
    print(f"              {_rate(len(repeated), time.perf_counter() - start)} names seen before "
          "(as extraction asks them)")
    regions = ["Texas", "Ill.", "Kharkiv Oblast", "Zaporizhia", "Донецькій", "Ukraine"] * 20_000
    start = time.perf_counter()
    for name in regions:
        gazetteer.region(name)
    print(f"region():     {_rate(len(regions), time.perf_counter() - start)}")
    context = frozenset({"US", "admin1:US.TX"})
    picks = sample[:50_000]
    for name in picks:
        gazetteer.cities(name)
    start = time.perf_counter()
    for name in picks:
        gazetteer.pick(name, context=context)
    print(f"pick():       {_rate(len(picks), time.perf_counter() - start)} (with an article's context, names looked up before)")


if __name__ == "__main__":
    main()
