"""A real Prometheus, run from docker/prometheus/prometheus.yml with the alert rules, scrapes a
real worker: PromQL returns the Kharkiv figure, the dashboard's queries return data, and the
dead-letter alert fires when a stage dead-letters a message."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator

import pytest
import yaml

from streams.demo import fetch_metrics
from tests.binaries import require
from tests.conftest import ROOT
from tests.integration.conftest import free_port

pytestmark = pytest.mark.integration

PROMETHEUS = ROOT / "docker" / "prometheus"
DASHBOARD = ROOT / "docker" / "grafana" / "dashboards" / "wirewatch.json"
DEADLINE = 90.0


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def prometheus(worker, tmp_path_factory) -> Iterator[str]:
    """Prometheus on a free port, from the compose stack's config with the worker as target."""
    binary = require("prometheus", "prometheus")
    folder = tmp_path_factory.mktemp("prometheus")
    config = yaml.safe_load((PROMETHEUS / "prometheus.yml").read_text())
    config["global"].update(scrape_interval="1s", evaluation_interval="1s")
    config["rule_files"] = [str(PROMETHEUS / name) for name in config["rule_files"]]
    (job,) = [job for job in config["scrape_configs"] if job["job_name"] == "wirewatch"]
    job["static_configs"] = [{"targets": [f"{worker.settings.web_host}:{worker.settings.web_port}"]}]
    (folder / "prometheus.yml").write_text(yaml.safe_dump(config))
    url = f"http://127.0.0.1:{free_port()}"
    log = (folder / "prometheus.log").open("wb")
    process = subprocess.Popen(
        [binary, f"--config.file={folder / 'prometheus.yml'}",
         f"--storage.tsdb.path={folder / 'data'}", f"--web.listen-address={url[7:]}"],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        _until(lambda: _ready(url), f"Prometheus at {url} (log: {log.name})", process)
        yield url
    finally:
        process.terminate()
        process.wait(30)
        log.close()


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/-/ready", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _until(found: Callable[[], object], what: str, process: subprocess.Popen | None = None):
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"{what} exited with code {process.returncode}")
        result = found()
        if result:
            return result
        time.sleep(0.5)
    raise AssertionError(f"waited {DEADLINE:.0f}s for {what}")


def query(prometheus: str, promql: str) -> list[dict]:
    answer = _get(f"{prometheus}/api/v1/query?{urllib.parse.urlencode({'query': promql})}")
    assert answer["status"] == "success", answer
    return answer["data"]["result"]


def _publish(worker, *paths) -> None:
    result = subprocess.run([sys.executable, "-m", "streams.cli", "publish", "--no-progress",
                             *map(str, paths)],
                            env=worker.env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_promql_returns_the_kharkiv_figures(prometheus, worker, seed_article_path):
    _publish(worker, seed_article_path)
    killed = _until(lambda: query(prometheus, 'wirewatch_casualties{city="Kharkiv",kind="killed"} == 25'),
                    "the Kharkiv gauge in Prometheus")
    assert killed[0]["metric"]["job"] == "wirewatch"
    injured = query(prometheus, 'sum(wirewatch_casualties{city="Kharkiv",kind="injured"})')
    assert float(injured[0]["value"][1]) == 121
    assert query(prometheus, 'up{job="wirewatch"}')[0]["value"][1] == "1"


def test_the_alert_rules_are_loaded_and_healthy(prometheus):
    groups = _get(f"{prometheus}/api/v1/rules")["data"]["groups"]
    rules = {rule["name"]: rule for group in groups for rule in group["rules"]}
    assert set(rules) == {"WirewatchWorkerDown", "WirewatchLagGrowing", "WirewatchDeadLettersRising"}
    assert all(rule["health"] == "ok" for rule in rules.values()), rules


def test_a_dead_letter_fires_the_dead_letters_rising_alert(prometheus, worker, tmp_path):
    _until(lambda: query(prometheus, 'wirewatch_dead_letters_total{stage="extract"}'),
           "a first scrape of the dead-letter counter")
    garbage = tmp_path / "garbage.jsonl"
    garbage.write_text('{"id": "alert-1", "body": 42}\n')  # a body must be text
    _publish(worker, garbage)

    def firing() -> list[dict]:
        alerts = _get(f"{prometheus}/api/v1/alerts")["data"]["alerts"]
        return [a for a in alerts if a["labels"]["alertname"] == "WirewatchDeadLettersRising"
                and a["labels"]["stage"] == "extract" and a["state"] == "firing"]

    (alert,) = _until(firing, "WirewatchDeadLettersRising to fire")
    assert alert["labels"]["severity"] == "warning"


def test_every_dashboard_query_returns_data(prometheus, worker, seed_article_path):
    _publish(worker, seed_article_path)
    dashboard = json.loads(DASHBOARD.read_text())
    exprs = [target["expr"].replace("$__rate_interval", "1m")
             for panel in dashboard["panels"] for target in panel["targets"]]
    # rate() needs two scrapes after the messages were counted, and lag its first measurement.
    empty = exprs
    deadline = time.monotonic() + DEADLINE
    while empty and time.monotonic() < deadline:
        time.sleep(0.5)
        empty = [expr for expr in exprs if not query(prometheus, expr)]
    assert empty == []


def test_promtool_finds_nothing_to_fix_in_the_live_metrics(worker, seed_article_path):
    _publish(worker, seed_article_path)
    exposition = fetch_metrics(worker.settings)
    for name in ("wirewatch_consumer_lag_messages", "wirewatch_table_estimated_keys",
                 "wirewatch_pipeline_latency_seconds_bucket", "faust_messages_received_total"):
        assert re.search(rf"^{name}\{{?", exposition, re.MULTILINE), name
    result = subprocess.run([require("promtool", "prometheus"), "check", "metrics"],
                            input=exposition, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")
