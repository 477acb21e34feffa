"""Restart the broker in the middle of a stream: the worker reconnects by itself (it is never
restarted) and nothing is lost."""

from __future__ import annotations

import time

import pytest

from streams import broker as kafka_broker
from tests.reliability import harness

pytestmark = [pytest.mark.integration, pytest.mark.reliability, pytest.mark.timeout(900)]

ARTICLES = 1000
DOWN_SECONDS = 5.0


def test_the_worker_rides_out_a_broker_restart(cluster, gva):
    messages, rows, incidents = gva(ARTICLES)
    bootstrap = cluster.broker.bootstrap
    cluster.start("w1")
    worker = cluster.workers["w1"]
    publisher = harness.Publisher(bootstrap, messages)
    publisher.start()
    harness.wait_for_progress(bootstrap, cluster=cluster)
    assert harness.lag(bootstrap) > 0  # the restart lands mid-stream

    kafka_broker.stop(cluster.broker)
    time.sleep(DOWN_SECONDS)
    kafka_broker.start(cluster.broker)

    assert publisher.finish() >= len(messages)
    harness.wait_until_idle(bootstrap, cluster=cluster)
    assert worker.poll() is None, "the worker exited:\n" + cluster.log("w1")[-3000:]
    assert cluster.workers["w1"] is worker  # the same process throughout

    got_rows = harness.final_rows(bootstrap)
    assert got_rows == rows, harness.differences(got_rows, rows)
    got_incidents = harness.final_incidents(bootstrap)
    assert got_incidents == incidents, harness.differences(got_incidents, incidents)
