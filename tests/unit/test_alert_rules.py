"""The alert rules pass promtool's checks, and each fires in the situation it is written for
(the cases are in docker/prometheus/alerts.test.yml)."""

from __future__ import annotations

import subprocess

from tests.binaries import require
from tests.conftest import ROOT

RULES = ROOT / "docker" / "prometheus"


def _promtool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([require("promtool", "prometheus"), *args], cwd=RULES,
                          capture_output=True, text=True, timeout=60)


def test_rules_pass_promtool_check_rules():
    result = _promtool("check", "rules", "alerts.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS: 3 rules found" in result.stdout


def test_each_alert_fires_when_it_should_and_not_before():
    result = _promtool("test", "rules", "alerts.test.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


def test_the_prometheus_config_passes_promtool_check_config():
    result = _promtool("check", "config", "prometheus.yml")
    assert result.returncode == 0, result.stdout + result.stderr
