"""Workers on a real broker that the reliability tests (and `bench/recovery.py`) kill,
restart and add, and the checks they make: when the pipeline is idle, and what it ended with."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError
from prometheus_client.parser import text_string_to_metric_families

from agents.pipeline import LocalRun
from streams import admin, broker as kafka_broker
from streams.broker import Broker
from streams.clients import publish
from streams.demo import fetch_metrics, spawn_worker, stop_worker, wait_for_worker
from streams.inputs import Message, read_messages
from streams.records import dumps, loads
from streams.settings import Settings
from tests.integration.conftest import free_port
from tests.integration.kafka_io import latest_by_key, read_to_end

GVA_DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "gva-dev" / "articles.jsonl"
PARTITIONS = 4
STAGE_TOPICS = (admin.ARTICLES, admin.REPORTS, admin.INCIDENTS, admin.EVENTS)
SESSION_TIMEOUT = 10  # seconds a killed worker keeps its partitions before the group moves on
# gva-dev spans three years in no order of time: with incidents closing a window after their
# last report, which claims arrive too late would depend on how the partitions interleave.
# These tests are about crashes and order, so nothing closes (the window has its own tests).
WINDOW_OFF = {"WIREWATCH_INCIDENT_WINDOW_DAYS": "0"}


@contextmanager
def fresh_broker() -> Iterator[Broker]:
    """A broker of our own on free ports, its topics empty; removed with its data after."""
    node = Broker(Settings.from_env().home, free_port(pair=True), PARTITIONS)
    kafka_broker.start(node)
    try:
        yield node
    finally:
        kafka_broker.stop(node)
        shutil.rmtree(node.folder, ignore_errors=True)


def gva_dev(limit: int | None = None) -> list[Message]:
    """The first ``limit`` articles of gva-dev (all of them when None), read by path: the
    evaluation set stays outside the project."""
    if not GVA_DEV.exists():
        raise FileNotFoundError(f"gva-dev is expected at {GVA_DEV} (shared/ beside the repo)")
    return list(islice(read_messages([GVA_DEV]), limit))


def expected(messages: list[Message]) -> tuple[dict[str, dict], dict[str, dict]]:
    """What a run without Kafka and without crashes ends with: the row of every place and the
    final revision of every active incident (both as JSON, as they travel)."""
    run = LocalRun(Settings.from_env({**os.environ, **WINDOW_OFF}))
    for message in messages:
        run.feed(message)
    rows = {row["place_id"]: row for row in run.rows()}
    incidents = {i.incident_id: _comparable(i) for i in run.incidents.values()
                 if i.status == "active"}
    return rows, incidents


def _comparable(incident: object) -> dict:
    """An incident without its revision number, which counts the changes a run went through,
    and these differ with the order claims arrive in."""
    data = loads(dumps(incident))
    data.pop("revision")
    return data


@dataclass
class Cluster:
    """Workers of one consumer group on one broker, each with its own tables and web port."""

    broker: Broker
    folder: Path
    workers: dict[str, subprocess.Popen] = field(default_factory=dict)
    settings: dict[str, Settings] = field(default_factory=dict)

    def env(self, name: str) -> dict[str, str]:
        return dict(os.environ,
                    WIREWATCH_BROKER=self.broker.bootstrap,
                    WIREWATCH_PARTITIONS=str(PARTITIONS),
                    WIREWATCH_WEB_PORT=str(self.settings[name].web_port),
                    WIREWATCH_DATA_DIR=str(self.folder / name / "tables"),
                    WIREWATCH_SESSION_TIMEOUT=str(SESSION_TIMEOUT),
                    **WINDOW_OFF)

    def start(self, name: str, *, wait: bool = True) -> None:
        """Start worker ``name``, on the same tables and port it had if it ran before."""
        if name not in self.settings:
            self.settings[name] = Settings(web_port=free_port())
        env = self.env(name)
        log = self.folder / name / "worker.log"
        self.workers[name] = spawn_worker(log, env)
        if wait:
            wait_for_worker(Settings.from_env(env), self.workers[name], log)

    def kill(self, name: str) -> None:
        """SIGKILL: no flush, no commit, no goodbye to the group."""
        worker = self.workers.pop(name)
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()

    def kill_in_flight(self, name: str, freeze: float = 1.5) -> None:
        """SIGKILL while the broker is frozen (SIGSTOP): for a moment the worker goes on
        reading what it has fetched and writing its local tables, but nothing it sends
        reaches the broker. That is the crash an at-least-once design must survive: state
        written, output lost."""
        pid = self.broker.pid()
        if pid is None:
            raise RuntimeError(f"no broker of ours at {self.broker.bootstrap}")
        os.kill(pid, signal.SIGSTOP)
        try:
            time.sleep(freeze)
            self.kill(name)
        finally:
            os.kill(pid, signal.SIGCONT)

    def stop(self, name: str) -> None:
        """SIGTERM: the worker leaves the group and flushes its tables on the way out."""
        stop_worker(self.workers.pop(name))

    def stop_all(self) -> None:
        for worker in self.workers.values():
            stop_worker(worker)
        self.workers.clear()

    def messages_in(self, name: str, stage: str) -> float:
        """What worker ``name`` has read at ``stage`` since it started, from its /metrics."""
        families = text_string_to_metric_families(fetch_metrics(self.settings[name]))
        return sum(sample.value for family in families for sample in family.samples
                   if sample.name == "wirewatch_stage_messages_total"
                   and sample.labels == {"stage": stage, "direction": "in"})

    def log(self, name: str) -> str:
        return (self.folder / name / "worker.log").read_text(errors="replace")

    def check_running(self) -> None:
        """Raise if a worker the test has neither killed nor stopped has exited. A worker whose
        Fetcher crashes exits (code 1), and a test waiting for the pipeline would otherwise
        wait for it until its timeout (the takeover test once waited until CI stopped it)."""
        for name, worker in self.workers.items():
            if worker.poll() is not None:
                lines = self.log(name).strip().splitlines()
                why = [line for line in lines if "Crashed reason" in line][:1] + lines[-1:]
                raise RuntimeError(f"worker {name} exited with code {worker.returncode}: "
                                   + " | ".join(why))


class Publisher(threading.Thread):
    """Streams articles to ``news.articles`` in chunks while the test does its worst."""

    def __init__(self, bootstrap: str, messages: list[Message], chunk: int = 100,
                 pause: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.bootstrap, self.messages, self.chunk, self.pause = bootstrap, messages, chunk, pause
        self.sent = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            for start in range(0, len(self.messages), self.chunk):
                part = self.messages[start:start + self.chunk]
                self.sent += asyncio.run(_publish_retrying(self.bootstrap, part))
                time.sleep(self.pause)
        except BaseException as exc:  # handed to the test by finish()
            self.error = exc

    def finish(self, timeout: float = 300.0) -> int:
        self.join(timeout)
        if self.is_alive():
            raise TimeoutError(f"publishing did not finish within {timeout:.0f}s")
        if self.error is not None:
            raise self.error
        return self.sent


async def _publish_retrying(bootstrap: str, part: list[Message], attempts: int = 30) -> int:
    """A chunk, sent again whole when the broker is away (a copy is harmless downstream)."""
    for attempt in range(attempts):
        try:
            return await publish(bootstrap, admin.ARTICLES, part)
        except Exception:
            if attempt == attempts - 1:
                raise
            await asyncio.sleep(2)
    return 0


async def _lag(bootstrap: str, group: str,
               topics: tuple[str, ...] = STAGE_TOPICS) -> tuple[int, dict, int]:
    client = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await client.start()
    await consumer.start()
    try:
        described = await client.describe_topics(list(topics))
        partitions = [TopicPartition(topic["topic"], p["partition"])
                      for topic in described for p in topic["partitions"]]
        if len(partitions) != len(topics) * PARTITIONS:
            raise RuntimeError(f"expected {PARTITIONS} partitions per stage topic: {partitions}")
        ends = await consumer.end_offsets(partitions)
        try:
            committed = await client.list_consumer_group_offsets(group)
        except KafkaError:  # no coordinator yet: the group has committed nothing
            committed = {}
    finally:
        await consumer.stop()
        await client.close()
    done = {tp: committed[tp].offset if tp in committed else 0 for tp in partitions}
    return sum(ends[tp] - done[tp] for tp in partitions), ends, sum(done.values())


def lag(bootstrap: str, group: str = "wirewatch", topics: tuple[str, ...] = STAGE_TOPICS) -> int:
    """Messages on the stage topics that the group has yet to commit."""
    return asyncio.run(_lag(bootstrap, group, topics))[0]


def wait_for_work(bootstrap: str, group: str = "wirewatch", timeout: float = 30.0) -> int:
    """Block until the stage topics hold messages the group has yet to commit, and return how
    many: a worker that keeps up with a paced publisher is idle between its chunks."""
    began = time.monotonic()
    while (pending := lag(bootstrap, group)) == 0 and time.monotonic() - began < timeout:
        time.sleep(0.05)
    return pending


def wait_for_progress(bootstrap: str, group: str = "wirewatch", timeout: float = 120.0,
                      cluster: Cluster | None = None) -> None:
    """Block until the group commits further than it had: its workers are at work. A worker of
    ``cluster`` that exits meanwhile fails the wait at once."""
    _, _, start = asyncio.run(_lag(bootstrap, group))
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        time.sleep(0.5)
        if cluster is not None:
            cluster.check_running()
        if asyncio.run(_lag(bootstrap, group))[2] > start:
            return
    raise TimeoutError(f"the workers committed nothing new within {timeout:.0f}s")


def wait_until_idle(bootstrap: str, group: str = "wirewatch", timeout: float = 600.0,
                    settle: float = 4.0, cluster: Cluster | None = None) -> float:
    """Block until every stage has committed every message of its input topic, twice in a row
    with nothing new in between; return the seconds it took. A stage commits only after it has
    flushed what it sent, so nothing is then on its way. A worker of ``cluster`` that exits
    meanwhile fails the wait at once."""
    began = time.monotonic()
    previous: dict | None = None
    while time.monotonic() - began < timeout:
        if cluster is not None:
            cluster.check_running()
        lag, ends, _ = asyncio.run(_lag(bootstrap, group))
        if lag == 0 and ends == previous:
            return time.monotonic() - began
        previous = ends if lag == 0 else None
        time.sleep(settle)
    raise TimeoutError(f"the pipeline still had messages to process after {timeout:.0f}s")


def final_incidents(bootstrap: str) -> dict[str, dict]:
    """The latest revision of each incident on ``news.events`` that is active, without its
    revision number. (Which incidents opened and were retracted on the way depends on the
    order claims arrived in; the active ones at the end do not.)"""
    latest: dict[str, dict] = {}
    for incident in asyncio.run(_events(bootstrap)):
        held = latest.get(incident["incident_id"])
        if held is None or incident["revision"] >= held["revision"]:
            latest[incident["incident_id"]] = incident
    return {key: _comparable(value) for key, value in latest.items() if value["status"] == "active"}


async def _events(bootstrap: str) -> list[dict]:
    return [loads(record.value) for record in await read_to_end(bootstrap, admin.EVENTS)]


def final_rows(bootstrap: str) -> dict[str, dict]:
    """The table ``news.casualties`` stands for: the latest row of each place."""
    return latest_by_key(bootstrap, admin.CASUALTIES)


def dead_letters(bootstrap: str) -> list[tuple[str, str, str]]:
    """What the stages gave up on: (stage, key, error) of every message on the dead-letter
    topic. A stage that misses its deadline on a loaded machine shows here by name, where the
    rows would only come out short."""
    letters = [loads(record.value) for record in asyncio.run(read_to_end(bootstrap, admin.DEADLETTER))]
    return [(letter["stage"], letter["key"], letter["error"]) for letter in letters]


def differences(got: dict[str, dict], want: dict[str, dict], limit: int = 5) -> list:
    keys = sorted(set(got) | set(want))
    return [(key, got.get(key), want.get(key)) for key in keys if got.get(key) != want.get(key)][:limit]
