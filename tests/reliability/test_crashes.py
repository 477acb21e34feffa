"""SIGKILL the worker at random points while gva-dev streams through, restart it each time:
the final news.casualties rows equal those of a run without crashes, exactly.

Every other kill lands while the broker is frozen, so the worker's last outputs are lost while
its local tables already hold what it read. Every other restart comes up on empty tables, as on
a new machine, and rebuilds them from the changelogs; the others come back on the RocksDB files
the killed worker left.
"""

from __future__ import annotations

import random
import shutil
import time

import pytest

from tests.reliability import harness

pytestmark = [pytest.mark.integration, pytest.mark.reliability, pytest.mark.timeout(900)]

ARTICLES = None  # all of gva-dev (2,441 articles)
KILLS = 6
# Published 10 at a time, half a second apart: the stream lasts about two minutes, longer than
# six kills and restarts take, so every kill lands mid-stream however fast the worker drains it
# (in chunks of 100 a worker that keeps up had nothing left to do by the fifth kill, in chunks
# of 20 by the sixth). A worker that keeps up is idle between chunks: each kill waits for one
# it has yet to finish (``harness.wait_for_work``).
CHUNK = 10


def test_sigkill_at_random_points_loses_nothing_and_counts_nothing_twice(cluster, gva):
    messages, rows, incidents = gva(ARTICLES)
    seed = random.randrange(1 << 30)
    pick = random.Random(seed)
    bootstrap = cluster.broker.bootstrap
    cluster.start("w1")
    publisher = harness.Publisher(bootstrap, messages, chunk=CHUNK)
    publisher.start()
    in_flight = []
    for kill in range(KILLS):
        # the worker is past its restart and at work
        harness.wait_for_progress(bootstrap, cluster=cluster)
        time.sleep(pick.uniform(0.5, 4.0))
        in_flight.append(harness.wait_for_work(bootstrap))
        if kill % 2:
            cluster.kill("w1")
        else:
            cluster.kill_in_flight("w1")
        if kill // 2 % 2:
            shutil.rmtree(cluster.folder / "w1" / "tables", ignore_errors=True)
        cluster.start("w1")
    assert publisher.finish() == len(messages)
    harness.wait_until_idle(bootstrap, cluster=cluster)

    got_rows = harness.final_rows(bootstrap)
    assert got_rows == rows, (seed, harness.differences(got_rows, rows))
    got_incidents = harness.final_incidents(bootstrap)
    assert got_incidents == incidents, (seed, harness.differences(got_incidents, incidents))
    assert all(lag > 0 for lag in in_flight), (seed, in_flight)  # every kill hit work in flight
