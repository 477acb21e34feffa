"""The read API on two workers of one group, with no standby copies: each worker owns half the
partitions, and a request for a place or an incident is answered wherever it arrives, by the
worker that holds it."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from streams import admin
from streams.demo import spawn_worker, stop_worker, wait_for_worker
from streams.settings import Settings
from tests.conftest import SEEDS
from tests.integration.conftest import PARTITIONS, free_port
from tests.integration.kafka_io import read_to_end

pytestmark = pytest.mark.integration

KHARKIV = "geonames:706483"
DEADLINE = 120.0


def _get(url: str) -> tuple[int, object]:
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


@pytest.fixture(scope="module")
def pair(kafka, tmp_path_factory) -> Iterator[list[str]]:
    """Two workers of their own group (so the session's worker keeps its partitions)."""
    folder = tmp_path_factory.mktemp("pair")
    processes, urls = [], []
    try:
        for index in (1, 2):
            env = dict(os.environ, WIREWATCH_BROKER=kafka.bootstrap,
                       WIREWATCH_APP_ID="wirewatch-read-api",
                       WIREWATCH_PARTITIONS=str(PARTITIONS), WIREWATCH_STANDBY_REPLICAS="0",
                       WIREWATCH_WEB_PORT=str(free_port()),
                       WIREWATCH_DATA_DIR=str(folder / f"tables-{index}"))
            settings = Settings.from_env(env)
            log = folder / f"worker-{index}.log"
            processes.append(spawn_worker(log, env))
            wait_for_worker(settings, processes[-1], log)
            urls.append(settings.web_url)
        yield urls
    finally:
        for process in processes:
            stop_worker(process)


def _local(url: str) -> list[dict] | None:
    status, rows = _get(f"{url}/cities?scope=local")
    return rows if status == 200 else None


def _settled(urls: list[str], expected: set[str]) -> list[list[dict]] | None:
    """Each worker's own rows, once both hold a share and together hold every expected place
    once (the seeds' places fall in both partitions)."""
    parts = [_local(url) for url in urls]
    if any(not part for part in parts):
        return None
    ids = [row["place_id"] for part in parts for row in part]
    return parts if expected <= set(ids) and len(ids) == len(set(ids)) else None


def test_reads_are_answered_by_the_worker_that_owns_the_key(worker, pair):
    published = subprocess.run([sys.executable, "-m", "streams.cli", "publish", "--no-progress",
                                str(SEEDS)], env=worker.env, capture_output=True, text=True,
                               timeout=120)
    assert published.returncode == 0, published.stderr
    expected = {"geonames:706483", "geonames:698740", "geonames:4250542"}

    deadline = time.monotonic() + DEADLINE
    parts = None
    while parts is None and time.monotonic() < deadline:
        time.sleep(1)
        parts = _settled(pair, expected)
    assert parts, "the two workers never split the places between them"
    owner = next(i for i, part in enumerate(parts) if any(r["place_id"] == KHARKIV for r in part))
    other = pair[1 - owner]

    # The worker without Kharkiv's partition (and with no standby copy) still answers.
    for url in (pair[owner], other):
        status, row = _get(f"{url}/cities/{KHARKIV}")
        assert status == 200 and (row["city"], row["killed"], row["injured"]) == ("Kharkiv", 25, 121)
        status, table = _get(f"{url}/cities")
        assert status == 200
        assert [r["place_id"] for r in table["cities"]][0] == KHARKIV
        assert {r["place_id"] for r in table["cities"]} >= expected

    event = asyncio.run(_first_event(worker.settings.broker))
    for url in pair:
        status, incident = _get(f"{url}/incidents/{event['incident_id']}")
        assert status == 200 and incident["incident_id"] == event["incident_id"]
        assert (incident["city"], incident["geo_precision"]) == ("Kharkiv", 1)

    assert _get(f"{other}/cities/geonames:1")[0] == 404
    assert _get(f"{other}/incidents/inc-unknown")[0] == 404


async def _first_event(bootstrap: str) -> dict:
    for record in await read_to_end(bootstrap, admin.EVENTS):
        event = json.loads(record.value)
        if event["place_id"] == KHARKIV:
            return event
    raise AssertionError(f"no Kharkiv incident on {admin.EVENTS}")
