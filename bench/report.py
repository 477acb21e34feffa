"""docs/benchmarks.md and docs/benchmarks.png from one run of the suite.

The file is rewritten on every run, except what follows the notes marker: the analysis that
people write (where the time goes, what was changed) stays.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from bench.live import FAUST_FETCH_WAIT_MS, PARTITIONS, Outcome, Plan, percentile
from bench.memory import MARKS
from bench.stages import StageRates
from bench.timing import Rates
from streams.settings import Settings

NOTES = "<!-- notes: kept when `python -m bench` rewrites this file -->"
ROOT = Path(__file__).resolve().parents[1]
TARGET_EXTRACT = 3_000  # articles per CPU second
TARGET_PROCESS = 1_500
TARGET_SHARE_OF_FAUST = 0.60
TARGET_P99_MS = 250
TARGET_RATE_FOR_P99 = 200
TARGET_MEMORY_GROWTH = 0.20


@dataclass
class Results:
    command: str
    load_before: str
    corpus: Path
    articles: int
    runs: int
    plan: Plan
    stages: list[StageRates] = field(default_factory=list)
    process: Rates | None = None
    process_jobs: Rates | None = None  # with --jobs, one process per core
    live: list[Outcome] = field(default_factory=list)
    memory: list[dict] = field(default_factory=list)
    profile: dict[str, int] = field(default_factory=dict)
    load_after: str = ""
    seconds: float = 0.0


# figures drawn from the outcomes

def backlog_rate(live: list[Outcome], system: str, workers: int = 1,
                 fetch_wait_ms: int | None = Settings.fetch_wait_ms) -> float | None:
    """The median sustained rate of a system's backlog runs."""
    rates = [o.rate for o in live if o.system == system and o.workers == workers
             and o.offered is None and o.fetch_wait_ms == fetch_wait_ms and o.drained]
    return statistics.median(rates) if rates else None


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def memory_growth(memory: list[dict], low: int = MARKS[1], high: int = MARKS[2]) -> float | None:
    """How much resident memory grew from ``low`` articles to ``high``, as a fraction."""
    at = {point["articles"]: point["rss_mb"] for point in memory if point["mark"]}
    return at[high] / at[low] - 1 if low in at and high in at else None


def _fmt(value: float | None, spec: str = ",.0f", missing: str = "not measured") -> str:
    return missing if value is None else format(value, spec)


def _commit() -> str:
    out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                         text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    return out.stdout.strip() + (" (with uncommitted changes)" if dirty else "")


def _machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                  if line.startswith("model name")), platform.processor())
    memory = next(int(line.split()[1]) for line in open("/proc/meminfo")
                  if line.startswith("MemTotal")) / 2**20
    return f"{os.cpu_count()} cores ({model}), {memory:.0f} GiB, Python {platform.python_version()}"


# the tables

def _targets(results: Results) -> list[str]:
    extract = next((s for s in results.stages if s.stage == "extract"), None)
    wirewatch = backlog_rate(results.live, "wirewatch")
    faust = backlog_rate(results.live, "noop-faust")
    at_rate = [o for o in results.live if o.system == "wirewatch"
               and o.offered == TARGET_RATE_FOR_P99]
    growth = memory_growth(results.memory)
    reached = max((p["articles"] for p in results.memory), default=0)
    rows = [
        ("Extraction, one core", f">= {TARGET_EXTRACT:,} articles/s",
         extract and f"{extract.rates.per_cpu_second:,.0f} articles/CPU-s",
         extract and extract.rates.per_cpu_second >= TARGET_EXTRACT),
        ("`wirewatch process`", f">= {TARGET_PROCESS:,} articles/s",
         results.process and f"{results.process.per_cpu_second:,.0f} articles/CPU-s "
                             f"({results.process.per_second:,.0f}/s wall"
                             + (f"; {results.process_jobs.per_second:,.0f}/s wall with --jobs {os.cpu_count()}"
                                if results.process_jobs else "") + ")",
         results.process and results.process.per_cpu_second >= TARGET_PROCESS),
        ("Through the broker, 1 worker", f">= {TARGET_SHARE_OF_FAUST:.0%} of the no-op Faust topology",
         wirewatch and faust and f"{wirewatch / faust:.0%} ({wirewatch:,.0f} vs {faust:,.0f} articles/s)",
         wirewatch and faust and wirewatch / faust >= TARGET_SHARE_OF_FAUST),
    ]
    for outcome in at_rate:
        p99 = percentile(outcome.latencies_ms, 99)
        rows.append((f"p99 publish-to-tally at {TARGET_RATE_FOR_P99}/s, {outcome.workers} worker(s)",
                     f"<= {TARGET_P99_MS} ms",
                     f"{'>= ' if not outcome.drained else ''}{p99:,.0f} ms"
                     + ("" if outcome.drained else " (not drained)"),
                     outcome.drained and p99 <= TARGET_P99_MS))
    rows.append(("Resident memory, 100k -> 1M articles", f"within {TARGET_MEMORY_GROWTH:.0%}",
                 f"{growth:+.0%}" if growth is not None else
                 (results.memory and f"not reached: {reached:,} articles within the CPU budget"),
                 growth is not None and abs(growth) <= TARGET_MEMORY_GROWTH))
    lines = ["| target | goal | reached | met |", "|---|---|---|---|"]
    for name, goal, got, met in rows:
        lines.append(f"| {name} | {goal} | {got or 'not measured'} | "
                     f"{'yes' if met else 'no' if got else ''} |")
    return lines


def _stage_table(results: Results) -> list[str]:
    lines = ["| stage | records | records/CPU-s | articles/CPU-s | records/s (wall) | runs (CPU, min-max) |",
             "|---|---|---|---|---|---|"]
    for s in results.stages:
        lines.append(f"| {s.stage} | {s.rates.items:,} | {s.rates.per_cpu_second:,.0f} | "
                     f"{s.articles_per_cpu_second:,.0f} | {s.rates.per_second:,.0f} | "
                     f"{min(s.rates.cpu):,.0f}-{max(s.rates.cpu):,.0f} |")
    if results.stages:
        chained = 1 / sum(1 / s.articles_per_cpu_second for s in results.stages)
        lines.append(f"| all four, chained | | | {chained:,.0f} | | |")
    return lines


def _live_table(results: Results) -> list[str]:
    lines = ["| system | workers | fetch wait | offered | articles | sustained articles/s | "
             "articles per worker CPU-s | p50 ms | p99 ms | drained |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for o in results.live:
        lines.append(
            f"| {o.system} | {o.workers} | {_fmt(o.fetch_wait_ms, 'd', '')} | "
            f"{'backlog' if o.offered is None else f'{o.offered:,.0f}/s'} | {o.articles:,} | "
            f"{o.rate:,.1f} | {o.per_cpu_second:,.0f} | {percentile(o.latencies_ms, 50):,.0f} | "
            f"{percentile(o.latencies_ms, 99):,.0f} | {'yes' if o.drained else 'no'} |")
    return lines


def _ratios(results: Results) -> list[str]:
    live = results.live
    one, two = backlog_rate(live, "wirewatch"), backlog_rate(live, "wirewatch", 2)
    before = backlog_rate(live, "wirewatch", 1, FAUST_FETCH_WAIT_MS)
    faust = backlog_rate(live, "noop-faust")
    stock = backlog_rate(live, "noop-faust", 1, FAUST_FETCH_WAIT_MS)
    relay = backlog_rate(live, "aiokafka-relay", 1, None)
    pairs = [
        ("wirewatch, 1 worker / no-op Faust", ratio(one, faust)),
        ("wirewatch, 2 workers / 1 worker", ratio(two, one)),
        ("no-op Faust / aiokafka relay", ratio(faust, relay)),
        (f"wirewatch, fetch wait {Settings.fetch_wait_ms} ms / {FAUST_FETCH_WAIT_MS} ms", ratio(one, before)),
        (f"no-op Faust, fetch wait {Settings.fetch_wait_ms} ms / {FAUST_FETCH_WAIT_MS} ms", ratio(faust, stock)),
    ]
    lines = ["| ratio of backlog medians | value |", "|---|---|"]
    lines += [f"| {name} | {_fmt(value, '.2f')} |" for name, value in pairs]
    return lines


def _memory_table(results: Results) -> list[str]:
    lines = ["| articles | reports | dead letters | CPU s | RSS MiB | articles-seen MiB | open-incidents MiB | "
             "city-tallies MiB | places | articles/CPU-s since the previous line |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    previous = None
    for point in results.memory:
        rate = ""
        if previous is not None and point["cpu_seconds"] > previous["cpu_seconds"]:
            rate = f"{(point['articles'] - previous['articles']) / (point['cpu_seconds'] - previous['cpu_seconds']):,.0f}"
        tables = point["table_mb"]
        lines.append(f"| {point['articles']:,}{' (mark)' if point['mark'] else ''} | "
                     f"{point['reports']:,} | {point.get('dead_letters', 0):,} | {point['cpu_seconds']:,.0f} | {point['rss_mb']:,.0f} | "
                     f"{tables['articles-seen']:,.1f} | {tables['open-incidents']:,.1f} | "
                     f"{tables['city-tallies']:,.1f} | {point['places']:,} | {rate} |")
        previous = point
    return lines


def _profile_table(results: Results) -> list[str]:
    total = sum(results.profile.values())
    lines = ["| share | module (innermost project file on the stack) |", "|---|---|"]
    lines += [f"| {100 * count / total:.1f}% | {module} |"
              for module, count in list(results.profile.items())[:15]]
    return lines


def markdown(results: Results) -> str:
    plan = results.plan
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = [
        "# Benchmarks",
        "",
        f"Written by `.venv/bin/{results.command}` on {now}, commit {_commit()}, in "
        f"{results.seconds / 60:.1f} minutes.",
        f"Machine: {_machine()}; shared, so CPU time is what each figure counts where it can. "
        f"Load average (1, 5, 15 min) {results.load_before} before, {results.load_after} after.",
        f"Corpus: `{results.corpus}` ({results.articles:,} articles); more articles are copies of "
        "it, re-keyed and moved forward in time (`bench/corpus.py`).",
        "",
        "![throughput, latency and memory](benchmarks.png)",
        "",
        "## Targets",
        "",
        *_targets(results),
        "",
    ]
    if results.stages:
        out += ["## 1. Each stage alone",
                "",
                f"`.venv/bin/python -m bench --sections stages`: each stage's step (`agents/steps.py`) "
                f"on a fresh table, fed what the previous stage made of the corpus; median of "
                f"{results.runs} run(s). Articles/CPU-s is the corpus's articles over the stage's "
                "CPU time, so stages compare (and chain) on one scale.",
                "", *_stage_table(results), ""]
    if results.process:
        p = results.process
        out += ["## 2. `wirewatch process`, end to end",
                "",
                "`.venv/bin/python -m bench --sections process`: `agents.pipeline.process` on the "
                "corpus in this process (read, four stages, the output files).",
                "",
                "| articles | articles/CPU-s | articles/s (wall) | runs (CPU, min-max) |",
                "|---|---|---|---|",
                f"| {p.items:,} | {p.per_cpu_second:,.0f} | {p.per_second:,.0f} | "
                f"{min(p.cpu):,.0f}-{max(p.cpu):,.0f} |", ""]
    if results.process_jobs:
        p = results.process_jobs
        out += [f"With `--jobs {os.cpu_count()}` (articles read ahead, one process per core; "
                "the outputs are the same): "
                f"**{p.per_second:,.0f} articles/s** wall, median of {results.runs} run(s) "
                f"({min(p.wall):,.0f}-{max(p.wall):,.0f}).", ""]
    if results.live:
        out += ["## 3 and 4. Through a real broker, with Faust's and the client's own limits",
                "",
                "`.venv/bin/python -m bench --sections live`: one Kafka broker (KRaft, "
                f"{PARTITIONS} partitions a topic), each run on topics of its own, and wirewatch's "
                "workers on tables and a consumer group of their own (fresh for every run). "
                f"A backlog run publishes {plan.backlog:,} articles at once; an offered rate "
                f"publishes for {plan.duration:.0f} s, paced. A run may take {plan.limit:.0f} s "
                "from its first article before it counts as not drained. Sustained = articles ÷ "
                "(last output − first publication). Latency = each output's Kafka time − its "
                "article's publication time (the `wirewatch-published-ms` header): "
                "publish-to-tally for wirewatch, over every `news.casualties` record. "
                "noop-faust is `bench/noop_app.py` (the same four hops, agents that forward the "
                "bytes, wirewatch's consumer); aiokafka-relay is `bench/relay.py`.",
                "",
                *_ratios(results), "", *_live_table(results), ""]
    if results.memory:
        out += ["## 5. Memory as the stream grows",
                "",
                "`.venv/bin/python -m bench --sections memory [--memory-budget S]`, which runs "
                "`python -m bench.memory` in a fresh interpreter: the corpus is extracted once, "
                "then copy after copy of its output goes through the stateful stages (dedupe, "
                "enrich, tally, and what extract keeps per article), on the tables `wirewatch "
                "process` uses, until the last mark (1M articles) or the CPU budget. Table MiB is "
                "the JSON each table holds. A line per copy of the corpus, and at each mark.",
                "", *_memory_table(results), ""]
    if results.profile:
        out += ["## Where `wirewatch process` spends its time",
                "",
                "`.venv/bin/python -m bench --profile`: py-spy samples of `wirewatch process` on the "
                "corpus, each charged to the innermost project file on its stack (a library's "
                "time, orjson's or `re`'s, goes to the file that called it).",
                "", *_profile_table(results), ""]
    return "\n".join(out)


def write(results: Results, path: Path) -> None:
    kept = ""
    if path.exists():
        text = path.read_text()
        if NOTES in text:
            kept = text[text.index(NOTES):]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markdown(results) + "\n" + (kept or NOTES + "\n"))
    from bench.plot import plot  # matplotlib only when a report is written
    plot(results, path.with_suffix(".png"))
