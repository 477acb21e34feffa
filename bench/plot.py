"""docs/benchmarks.png: throughput per stage and per system, latency against the offered
rate, and memory against the articles streamed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402

from bench.live import percentile  # noqa: E402
from streams.settings import Settings  # noqa: E402

if TYPE_CHECKING:
    from bench.report import Results


def _throughput(axis, results: Results) -> None:
    from bench.report import TARGET_EXTRACT, TARGET_PROCESS, backlog_rate
    names, values = [], []
    for stage in results.stages:
        names.append(f"{stage.stage}\n(CPU)")
        values.append(stage.articles_per_cpu_second)
    if results.process:
        names.append("process\n(CPU)")
        values.append(results.process.per_cpu_second)
    for label, system, workers in (("noop\nFaust", "noop-faust", 1), ("relay", "aiokafka-relay", 1),
                                   ("worker\nx1", "wirewatch", 1), ("workers\nx2", "wirewatch", 2)):
        fetch_wait_ms = None if system == "aiokafka-relay" else Settings.fetch_wait_ms
        rate = backlog_rate(results.live, system, workers, fetch_wait_ms)
        if rate is not None:
            names.append(label + "\n(wall)")
            values.append(rate)
    axis.bar(names, values, color="tab:blue")
    axis.axhline(TARGET_EXTRACT, color="tab:red", linestyle="--", label="extract target")
    axis.axhline(TARGET_PROCESS, color="tab:orange", linestyle=":", label="process target")
    axis.set_yscale("log")
    axis.set_ylabel("articles/s")
    axis.set_title("Throughput (median)")
    axis.tick_params(axis="x", labelsize=7)
    axis.legend(fontsize=7)


def _latency(axis, results: Results) -> None:
    from bench.report import TARGET_P99_MS
    for workers, color in ((1, "tab:blue"), (2, "tab:green")):
        runs = sorted((o for o in results.live if o.system == "wirewatch" and o.workers == workers
                       and o.offered is not None), key=lambda o: o.offered)
        if not runs:
            continue
        rates = [o.offered for o in runs]
        axis.plot(rates, [percentile(o.latencies_ms, 50) for o in runs], "o-", color=color,
                  label=f"p50, {workers} worker(s)")
        p99 = [percentile(o.latencies_ms, 99) for o in runs]
        axis.plot(rates, p99, "s--", color=color, label=f"p99, {workers} worker(s)")
        undrained = [(rate, value) for rate, value, o in zip(rates, p99, runs) if not o.drained]
        if undrained:  # their latencies are lower bounds
            axis.plot(*zip(*undrained), "s", markerfacecolor="white", color=color)
    axis.axhline(TARGET_P99_MS, color="tab:red", linestyle=":", label="p99 target")
    axis.set_xscale("log")
    axis.set_yscale("log")
    axis.set_xlabel("offered articles/s")
    axis.set_ylabel("publish-to-tally ms")
    axis.set_title("Latency through the broker (hollow: not drained)")
    axis.legend(fontsize=7)


def _memory(axis, results: Results) -> None:
    points = [p for p in results.memory if p["articles"] > 0]
    if not points:
        return
    articles = [p["articles"] for p in points]
    axis.plot(articles, [p["rss_mb"] for p in points], "o-", label="resident MiB")
    axis.plot(articles, [sum(p["table_mb"].values()) for p in points], "s--", label="tables MiB")
    axis.set_xlabel("articles streamed")
    axis.set_ylabel("MiB")
    axis.set_title("Memory (stateful stages)")
    axis.legend(fontsize=7)


def plot(results: Results, path: Path) -> None:
    figure, axes = plt.subplots(1, 3, figsize=(15, 4.5))
    _throughput(axes[0], results)
    _latency(axes[1], results)
    _memory(axes[2], results)
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
