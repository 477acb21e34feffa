"""Clients outside Python: Debian's kcat publishes wire copy to news.articles and reads the
city rows back from news.casualties, as a producer or consumer in any language would."""

from __future__ import annotations

import json
import subprocess
import time

import pytest

from streams import admin
from tests.binaries import require

pytestmark = pytest.mark.integration

DEADLINE = 90.0
DNIPRO = """\
DNIPRO, Ukraine (Example Wire) --
Missile strike hits Dnipro apartment block
May 1, 2024 09:00 | Updated: May 1, 2024 09:30

Three people were killed and 12 injured when a missile hit an apartment block in Dnipro on \
Wednesday, the regional governor said.
"""
# Poltava: a city none of the seeds names, which other tests of the session may publish.
POLTAVA = {"id": "kcat-poltava-1", "headline": "Shelling in Poltava",
           "body": "Two people were killed in Poltava on Tuesday, officials said.",
           "published_at": "2024-05-02T10:00:00Z"}


def _kcat(broker: str, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run([require("kcat", "kcat"), "-b", broker, *args], input=stdin,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _rows(broker: str) -> dict[str, dict]:
    """news.casualties from the beginning to its current end, latest row per key."""
    lines = _kcat(broker, "-C", "-t", admin.CASUALTIES, "-o", "beginning", "-e", "-q",
                  "-f", "%k\t%s\n")
    rows = {}
    for line in filter(None, lines.splitlines()):
        key, value = line.split("\t", 1)
        rows[key] = json.loads(value)
    return rows


def test_kcat_publishes_wire_copy_and_reads_the_city_rows(worker, tmp_path):
    broker = worker.settings.broker
    text = tmp_path / "dnipro.txt"
    text.write_text(DNIPRO)
    # A file named on the command line is one message: plain-text wire copy, keyed by its id.
    _kcat(broker, "-P", "-t", admin.ARTICLES, "-k", "kcat-dnipro-1", str(text))
    # Standard input, one "key<TAB>JSON article" a line.
    _kcat(broker, "-P", "-t", admin.ARTICLES, "-K", "\t",
          stdin=f"{POLTAVA['id']}\t{json.dumps(POLTAVA)}\n")

    deadline = time.monotonic() + DEADLINE
    rows: dict[str, dict] = {}
    while time.monotonic() < deadline and not {"geonames:709930", "geonames:696643"} <= set(rows):
        time.sleep(1)
        rows = _rows(broker)
    dnipro, poltava = rows["geonames:709930"], rows["geonames:696643"]
    assert (dnipro["city"], dnipro["killed"], dnipro["injured"]) == ("Dnipro", 3, 12)
    assert (poltava["country"], poltava["killed"]) == ("UA", 2)
