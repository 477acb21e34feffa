"""All of gva-dev published in a shuffled order ends with the same city rows and incidents as
`wirewatch process` on the file in its own order: what dedupe makes of a place's claims does
not depend on the order Kafka delivers them in."""

from __future__ import annotations

import random

import pytest

from tests.reliability import harness

pytestmark = [pytest.mark.integration, pytest.mark.reliability, pytest.mark.timeout(900)]


def test_shuffled_gva_dev_ends_with_the_rows_of_the_file_in_its_own_order(cluster, gva):
    messages, rows, incidents = gva(None)
    shuffled = random.Random(20221130).sample(messages, len(messages))
    assert shuffled != messages
    bootstrap = cluster.broker.bootstrap
    cluster.start("w1")
    publisher = harness.Publisher(bootstrap, shuffled)
    publisher.start()
    assert publisher.finish() == len(shuffled)
    harness.wait_until_idle(bootstrap, cluster=cluster)
    assert harness.dead_letters(bootstrap) == []
    got_rows = harness.final_rows(bootstrap)
    assert got_rows == rows, harness.differences(got_rows, rows)
    got_incidents = harness.final_incidents(bootstrap)
    assert got_incidents == incidents, harness.differences(got_incidents, incidents)
