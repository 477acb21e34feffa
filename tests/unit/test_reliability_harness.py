"""The reliability harness fails a wait at once when a worker it still counts on has exited,
rather than waiting for a pipeline no worker reads any more."""

import subprocess
import sys

import pytest

from tests.reliability import harness

CRASH_LOG = """\
[2026-03-02 10:15:01,002] [4242] [INFO] [^Worker]: Ready
[2026-03-02 10:17:44,518] [4242] [ERROR] [^---Fetcher]: Crashed reason=KeyError(TopicPartition(topic='news.articles', partition=1))
[2026-03-02 10:17:47,903] [4242] [CRITICAL] [^Worker]: We experienced a crash! Reraising original exception...
"""


@pytest.fixture
def cluster(tmp_path):
    workers = harness.Cluster(broker=None, folder=tmp_path)
    (tmp_path / "w1").mkdir()
    (tmp_path / "w1" / "worker.log").write_text(CRASH_LOG)
    yield workers
    for worker in workers.workers.values():
        worker.kill()
        worker.wait()


def test_a_worker_that_exited_fails_the_wait_for_an_idle_pipeline(cluster):
    cluster.workers["w1"] = subprocess.Popen([sys.executable, "-c", "raise SystemExit(1)"])
    cluster.workers["w1"].wait()
    with pytest.raises(RuntimeError, match=r"w1 exited with code 1: .*Crashed reason=KeyError"):
        harness.wait_until_idle("127.0.0.1:9", cluster=cluster)  # before asking any broker


def test_workers_still_running_pass(cluster):
    cluster.workers["w1"] = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    cluster.check_running()
