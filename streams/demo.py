"""``wirewatch demo``: a broker, a worker, the seed articles, and the city table read back."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import click
import orjson

from streams import admin, broker as kafka_broker
from streams.clients import follow, publish
from streams.inputs import read_messages
from streams.settings import Settings

WORKER_READY_TIMEOUT = 120.0
TABLE_TIMEOUT = 120.0
QUIET_SECONDS = 4.0
COLUMNS = ("city", "admin1", "country", "killed", "injured", "incidents")


def metrics_url(settings: Settings) -> str:
    return f"http://{settings.web_host}:{settings.web_port}/metrics"


def fetch_metrics(settings: Settings, timeout: float = 5.0) -> str:
    with urllib.request.urlopen(metrics_url(settings), timeout=timeout) as response:
        return response.read().decode("utf-8")


def spawn_worker(log: Path, env: dict[str, str]) -> subprocess.Popen:
    """A ``wirewatch worker`` process configured by ``env`` (its ``WIREWATCH_*`` variables)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        return subprocess.Popen([sys.executable, "-m", "streams.cli", "worker"],
                                env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)


def wait_for_worker(settings: Settings, worker: subprocess.Popen, log: Path,
                    timeout: float = WORKER_READY_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            tail = " | ".join(log.read_text(errors="replace").strip().splitlines()[-5:])
            raise RuntimeError(f"the worker exited with code {worker.returncode}: {tail}")
        try:
            fetch_metrics(settings, timeout=1.0)
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    raise TimeoutError(f"the worker's {metrics_url(settings)} did not answer within {timeout:.0f}s")


def stop_worker(worker: subprocess.Popen, timeout: float = 30.0) -> None:
    if worker.poll() is not None:
        return
    os.killpg(worker.pid, signal.SIGTERM)
    try:
        worker.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()


async def read_table(bootstrap: str, topic: str = admin.CASUALTIES,
                     timeout: float = TABLE_TIMEOUT, quiet: float = QUIET_SECONDS) -> dict[str, dict]:
    """The latest row per place on ``news.casualties``, once rows have stopped arriving."""
    rows: dict[str, dict] = {}
    deadline = time.monotonic() + timeout

    async def collect() -> None:
        async for record in follow(bootstrap, topic, idle_timeout=quiet):
            rows[record.key.decode()] = orjson.loads(record.value)

    while not rows and time.monotonic() < deadline:
        await collect()
    if not rows:
        raise TimeoutError(f"no row reached {topic} within {timeout:.0f}s")
    return rows


def format_table(rows: list[dict]) -> str:
    ordered = sorted(rows, key=lambda row: (-row.get("killed", 0), -row.get("injured", 0)))
    cells = [list(COLUMNS)] + [[str(row.get(c) if row.get(c) is not None else "") for c in COLUMNS]
                               for row in ordered]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths))
                     for line in cells)


def run_demo(settings: Settings, seeds: list[Path], *, follow_after: bool = True) -> None:
    node = kafka_broker.Broker(settings.home, settings.broker_port, settings.partitions)
    owns_broker = node.pid() is None
    click.echo(f"Starting Kafka {kafka_broker.KAFKA_VERSION} at {node.bootstrap} ...")
    seconds = kafka_broker.start(node)
    click.echo(f"  ready{f' in {seconds:.1f}s' if seconds else ' (was running)'}")
    log = settings.home / "demo-worker.log"
    worker = spawn_worker(log, dict(os.environ))
    try:
        click.echo(f"Starting the worker (log: {log}) ...")
        wait_for_worker(settings, worker, log)
        sent = asyncio.run(publish(settings.broker, settings.topics.articles, read_messages(seeds)))
        click.echo(f"Published {sent} article(s) from {', '.join(map(str, seeds))}")
        rows = asyncio.run(read_table(settings.broker, settings.topics.casualties))
        click.echo(f"\nCity table, read back from {settings.topics.casualties}:\n")
        click.echo(format_table(list(rows.values())))
        gauges = [line for line in fetch_metrics(settings).splitlines()
                  if line.startswith("wirewatch_casualties{")]
        click.echo(f"\nPrometheus metrics: {metrics_url(settings)}")
        click.echo("\n".join(f"  {line}" for line in gauges))
        if follow_after:
            click.echo(f"\nFollowing {settings.topics.casualties} (publish more with "
                       "`wirewatch publish FILE`); Ctrl-C stops the worker and the broker.")
            asyncio.run(_print_updates(settings.broker, settings.topics.casualties))
    except KeyboardInterrupt:
        click.echo("\nStopping ...")
    finally:
        stop_worker(worker)
        if owns_broker:
            kafka_broker.stop(node)
        click.echo("Stopped." if owns_broker else "Worker stopped; the broker was already "
                   "running and keeps running.")


async def _print_updates(bootstrap: str, topic: str) -> None:
    async for record in follow(bootstrap, topic, from_beginning=False):
        row = orjson.loads(record.value)
        click.echo("  " + "  ".join(f"{c}={row.get(c)}" for c in COLUMNS))
