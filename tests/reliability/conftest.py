"""Reliability fixtures: a fresh broker for each test (its topics start empty), a cluster of
workers on it, and what a run without Kafka and without crashes ends with."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from streams import broker as kafka_broker
from tests.reliability import harness


@pytest.fixture
def broker() -> Iterator[kafka_broker.Broker]:
    with harness.fresh_broker() as node:
        yield node


@pytest.fixture
def cluster(broker, tmp_path) -> Iterator[harness.Cluster]:
    workers = harness.Cluster(broker, tmp_path)
    try:
        yield workers
    finally:
        workers.stop_all()


@pytest.fixture(scope="session")
def baselines() -> dict[int, tuple]:
    """Expected rows and incidents per subset size, computed once a session."""
    return {}


@pytest.fixture
def gva(baselines):
    """``gva(n)``: the first n articles of gva-dev (all when None) and what a run without crashes ends with."""

    def subset(n: int | None) -> tuple[list, dict[str, dict], dict[str, dict]]:
        messages = harness.gva_dev(n)
        if n not in baselines:
            baselines[n] = harness.expected(messages)
        return (messages, *baselines[n])

    return subset
