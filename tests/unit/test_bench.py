"""The benchmark suite's own arithmetic: copies of the corpus that are new articles, moved in
time, and the figures the report draws from the runs. (The benchmarks themselves are no
tests: ``python -m bench`` runs them.)"""

from collections import Counter

import orjson

from agents.extract.figures import _phrase_matches
from bench.corpus import COPY_DAYS, copy_article, copy_report, copy_seen, first, shift_date
from bench.extract_phrases import alternative_names, only, spelled
from bench.live import percentile, run_handled, topic_names
from bench.profile_summary import fold
from bench.memory import StatefulStages
from bench.report import memory_growth
from streams.inputs import Message

ARTICLE = Message(b"a1", orjson.dumps({"id": "a1", "body": "Two shot on Tuesday.",
                                       "published_at": "2016-03-01T10:00:00Z"}), "gva:1")


def test_a_copy_is_a_new_article_a_whole_number_of_weeks_later():
    copy = copy_article(ARTICLE, 2)
    article = orjson.loads(copy.value)
    assert copy.key == b"a1~2" and article["id"] == "a1~2"
    assert article["published_at"] == shift_date("2016-03-01", 2 * COPY_DAYS) + "T10:00:00Z"
    assert COPY_DAYS % 7 == 0 and article["body"] == "Two shot on Tuesday."
    assert copy_article(ARTICLE, 0) is ARTICLE


def test_the_stream_of_copies_never_repeats_an_id():
    messages = first([ARTICLE, Message(b"a2", orjson.dumps({"id": "a2", "body": "x"}), "gva:2")], 5)
    assert [m.key for m in messages] == [b"a1", b"a2", b"a1~1", b"a2~1", b"a1~2"]


def test_a_copied_report_and_what_extract_remembers_move_together():
    report = {"report_id": "r1", "article_id": "a1", "date": "2016-02-29", "date_end": None,
              "published_at": "2016-03-01", "killed": 1}
    copied = copy_report(report, 1)
    assert copied["report_id"] == "r1~1" and copied["article_id"] == "a1~1"
    assert copied["date"] == shift_date("2016-02-29", COPY_DAYS) and copied["date_end"] is None
    assert copied["killed"] == 1 and report["report_id"] == "r1"  # the original is untouched
    seen = copy_seen({"fingerprint": "f", "revision": 1, "version_time": "2016-03-01",
                      "reports": [["r1", "geonames:1"]]}, 1)
    assert seen["reports"] == [["r1~1", "geonames:1"]]


def test_percentiles_are_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50 and percentile(values, 99) == 99
    assert percentile([7.0], 99) == 7.0


def test_a_run_is_handled_once_every_hop_has_committed_even_what_it_read_twice():
    # dedupe read 5 reports again after a rebalance: its count in outgrows extract's out
    counts = Counter({("extract", "in"): 10, ("extract", "out"): 20, ("dedupe", "in"): 25,
                      ("dedupe", "out"): 15, ("enrich", "in"): 15, ("enrich", "out"): 15,
                      ("tally", "in"): 15, ("tally", "out"): 12})
    assert run_handled(counts, 10, uncommitted=0, rows_seen=12)
    assert not run_handled(counts, 10, uncommitted=1, rows_seen=12)
    assert not run_handled(counts, 10, uncommitted=0, rows_seen=11)
    assert not run_handled(counts, 11, uncommitted=0, rows_seen=12)


def test_each_run_has_topics_of_its_own():
    names = topic_names("bench3")
    assert names.articles == "bench3.news.articles" and names.casualties == "bench3.news.casualties"


def test_memory_growth_is_read_between_the_marks_only_when_both_were_reached():
    points = [{"articles": 100_000, "rss_mb": 500.0, "mark": True},
              {"articles": 1_000_000, "rss_mb": 550.0, "mark": True}]
    assert abs(memory_growth(points) - 0.10) < 1e-9
    assert memory_growth(points[:1]) is None


def test_a_profile_counts_the_stacks_under_its_root_only():
    raw = ("main (x.py:1);feed (agents/pipeline.py:60);dedupe (agents/dedupe/core.py:9) 7\n"
           "main (x.py:1);other (streams/cli.py:3) 5\n")
    assert fold(raw, "feed (agents/pipeline.py") == Counter({"agents/dedupe/core.py": 7})


def test_the_memory_run_sizes_every_table_the_stages_keep():
    assert set(StatefulStages.empty().table_mb()) == {"articles-seen", "open-incidents", "city-tallies"}



def test_the_phrase_benchmark_times_the_pattern_extraction_searches():
    text = "Two men and a woman were shot, one fatally, and a 3-year-old boy was hurt."
    whole = spelled(lambda tree: None)
    found, position = [], 0
    while (match := whole.search(text, position)) is not None:
        found.append(match.span())
        position = max(match.end(), match.start() + 1)
    assert found == [match.span() for match in _phrase_matches(text)]
    names = alternative_names()
    assert len(names) == len(set(names)) and {"number", "one", "acted", "names"} <= set(names)
    assert spelled(only(names.index("one"))).search(text).group() == "a woman"
