"""`wirewatch process` against the hostile corpus: every bad line becomes a dead letter with its
raw bytes, its line and the error, and the run goes on."""

import base64
import signal
import time

import orjson
import pytest

from agents.pipeline import process
from streams.limits import MessageTooLarge, StageTimeout, check_size, deadline
from streams.records import DeadLetter
from streams.settings import Settings
from tests import hostile

LIMIT = 64 * 1024


def _lines(path):
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    # An empty line is no message in a file, so the empty case is for Kafka only.
    cases = [case for case in hostile.ARTICLES if case.value] + [hostile.oversized(LIMIT)]
    lines = [case.value for case in cases] + [hostile.GOOD]
    articles = folder / "articles.jsonl"
    articles.write_bytes(b"\n".join(lines) + b"\n")
    summary = process([articles], folder / "out", Settings(max_message_bytes=LIMIT))
    return cases, summary, folder / "out"


def test_every_bad_line_is_a_dead_letter_with_its_bytes_line_and_error(hostile_run):
    cases, summary, out = hostile_run
    letters = _lines(out / "deadletters.jsonl")
    assert summary.dead_letters == len(cases) == len(letters)
    by_line = {int(letter["origin"].rsplit(":", 1)[1]): letter for letter in letters}
    for number, case in enumerate(cases, 1):
        letter = by_line[number]
        assert (letter["stage"], letter["topic"]) == (case.stage, case.topic), case.name
        assert case.error in letter["error"], (case.name, letter["error"])
        raw = base64.b64decode(letter["value_base64"])
        assert raw == case.value.strip()[:LIMIT] and letter["value_size"] == len(case.value.strip())


def test_the_run_goes_on_after_the_bad_lines(hostile_run):
    _, _, out = hostile_run
    rows = _lines(out / "tallies.jsonl")
    assert [(row["city"], row["killed"]) for row in rows] == [("Lviv", 2)]


def test_pathological_articles_finish_in_bounded_time(tmp_path):
    articles = tmp_path / "slow.jsonl"
    articles.write_bytes(b"\n".join(hostile.PATHOLOGICAL + [hostile.GOOD]) + b"\n")
    began = time.monotonic()
    process([articles], tmp_path / "out", Settings(stage_timeout=2))
    assert time.monotonic() - began < 60  # each article is read, or given up on at 2 s
    letters = _lines(tmp_path / "out" / "deadletters.jsonl")
    assert all("StageTimeout" in letter["error"] for letter in letters)
    assert [row["city"] for row in _lines(tmp_path / "out" / "tallies.jsonl")] == ["Lviv"]


def test_the_deadline_stops_a_busy_step_and_leaves_an_outer_alarm_armed():
    signal.setitimer(signal.ITIMER_REAL, 100)
    try:
        began = time.monotonic()
        with pytest.raises(StageTimeout):
            with deadline(0.2):
                while True:
                    pass
        assert time.monotonic() - began < 2
        with deadline(5):
            pass  # finishing in time raises nothing
        assert 90 < signal.getitimer(signal.ITIMER_REAL)[0] <= 100
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def test_size_counts_key_and_value():
    check_size(b"k" * 10, b"v" * 90, 100)
    with pytest.raises(MessageTooLarge):
        check_size(b"k" * 11, b"v" * 90, 100)


def test_a_dead_letter_keeps_the_bytes_up_to_the_limit_and_the_size_it_had():
    letter = DeadLetter.of("extract", ValueError("bad"), b"k" * 5000, b"x" * 300, topic="t",
                           limit=100, partition=1, offset=7)
    assert base64.b64decode(letter.value_base64) == b"x" * 100 and letter.value_size == 300
    assert letter.key == "k" * 1024 and letter.error == "ValueError: bad"
    assert (letter.topic, letter.partition, letter.offset) == ("t", 1, 7)
