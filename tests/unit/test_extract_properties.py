"""Extraction never fails on what the network may send: any text, of any size, in linear time,
and every claim's span quotes the text it claims."""

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from agents.extract.core import extract
from agents.extract.text import article_text
from streams.records import Article

NEWSY = st.sampled_from([
    "Four people were killed", " and nine wounded", " in Kharkiv", ", police said.", " a man",
    " was shot", " Sunday", ", 26,", " at least ", " 1,200 ", " (", ")", "\n", " —", " Mr.",
    " Харків", " загинули", " no one was hurt", " including a child", " the victim", "Springfield, Ill.",
])


def _article(body: str, headline: str = "") -> Article:
    return Article(id="prop", headline=headline, body=body, published_at="2022-03-02T10:00:00+00:00")


def _check(article: Article) -> None:
    text = article_text(article)
    for report in extract(article, None).reports:
        start, end = report.span
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == report.sentence
        for figure in (report.killed, report.injured, report.victims):
            assert figure is None or figure >= 0


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000), st.text(max_size=200))
def test_any_unicode_text_is_read_without_error(body, headline):
    _check(_article(body, headline))


@settings(max_examples=200, deadline=None)
@given(st.lists(NEWSY, max_size=200).map("".join))
def test_news_like_text_keeps_spans_true(body):
    _check(_article(body, "Two killed in Kharkiv"))


def _seconds(body: str) -> float:
    began = time.perf_counter()
    extract(_article(body), None)
    return time.perf_counter() - began


def test_time_grows_linearly_with_length_on_pathological_input():
    # Catastrophic backtracking shows as time growing much faster than length; a linear
    # reader takes about 8 times as long for 8 times the text. The bound is loose on purpose.
    for unit in ("(" * 50 + " ", "killed " * 10, "A " * 30, "1, " * 30, "Mr. " * 20):
        small, large = unit * 200, unit * 1600
        _seconds(small)  # warm caches
        assert _seconds(large) < 40 * max(_seconds(small), 0.002), unit


def test_a_megabyte_of_text_finishes():
    body = ("Two people were killed and nine wounded in Kharkiv on Tuesday, police said. " * 14000)[:1_000_000]
    assert _seconds(body) < 120
