"""Integration fixtures: a real Apache Kafka broker (KRaft) and a real wirewatch worker,
each on free ports, started for the session and stopped afterwards."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from streams import broker as kafka_broker
from streams.demo import spawn_worker, stop_worker, wait_for_worker
from streams.settings import Settings

PARTITIONS = 2


def _free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((kafka_broker.HOST, port))
        except OSError:
            return False
    return True


def free_port(pair: bool = False) -> int:
    """A free port on 127.0.0.1 (and the one after it, when ``pair``)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind((kafka_broker.HOST, 0))
            port = probe.getsockname()[1]
        if not pair or _free(port + 1):
            return port
    raise RuntimeError("no free port pair on 127.0.0.1")


@pytest.fixture(scope="session")
def kafka() -> Iterator[kafka_broker.Broker]:
    node = kafka_broker.Broker(Settings.from_env().home, free_port(pair=True), PARTITIONS)
    kafka_broker.start(node)
    yield node
    kafka_broker.stop(node)
    shutil.rmtree(node.folder, ignore_errors=True)


@dataclass(frozen=True)
class RunningWorker:
    settings: Settings
    env: dict[str, str]
    log: Path


@pytest.fixture(scope="session")
def worker(kafka, tmp_path_factory) -> Iterator[RunningWorker]:
    folder = tmp_path_factory.mktemp("worker")
    env = dict(os.environ,
               WIREWATCH_BROKER=kafka.bootstrap,
               WIREWATCH_PARTITIONS=str(PARTITIONS),
               WIREWATCH_WEB_PORT=str(free_port()),
               WIREWATCH_DATA_DIR=str(folder / "tables"))
    settings = Settings.from_env(env)
    log = folder / "worker.log"
    process = spawn_worker(log, env)
    try:
        wait_for_worker(settings, process, log)
        yield RunningWorker(settings, env, log)
    finally:
        stop_worker(process)
