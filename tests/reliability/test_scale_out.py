"""Two workers over four partitions end with the same rows as one worker (and as `wirewatch
process`); when one of the two dies, the other takes its partitions over and the rows still
come out right."""

from __future__ import annotations

import pytest

from tests.reliability import harness

pytestmark = [pytest.mark.integration, pytest.mark.reliability, pytest.mark.timeout(900)]

ARTICLES = 1000


def _assert_final(cluster: harness.Cluster, rows: dict, incidents: dict) -> None:
    bootstrap = cluster.broker.bootstrap
    harness.wait_until_idle(bootstrap, cluster=cluster)
    got_rows = harness.final_rows(bootstrap)
    assert got_rows == rows, harness.differences(got_rows, rows)
    got_incidents = harness.final_incidents(bootstrap)
    assert got_incidents == incidents, harness.differences(got_incidents, incidents)


def test_two_workers_end_with_the_rows_of_one(cluster, gva):
    messages, rows, incidents = gva(ARTICLES)
    bootstrap = cluster.broker.bootstrap
    cluster.start("w1")
    cluster.start("w2")
    publisher = harness.Publisher(bootstrap, messages)
    publisher.start()
    assert publisher.finish() == len(messages)
    _assert_final(cluster, rows, incidents)
    for name in ("w1", "w2"):  # both took a share of the work
        assert cluster.messages_in(name, "extract") > 0, name


def test_when_one_of_two_dies_the_other_takes_over(cluster, gva):
    messages, rows, incidents = gva(ARTICLES)
    bootstrap = cluster.broker.bootstrap
    cluster.start("w1")
    cluster.start("w2")
    publisher = harness.Publisher(bootstrap, messages)
    publisher.start()
    harness.wait_for_progress(bootstrap, cluster=cluster)
    assert harness.lag(bootstrap) > 0
    cluster.kill("w2")  # for good
    assert publisher.finish() == len(messages)
    _assert_final(cluster, rows, incidents)
