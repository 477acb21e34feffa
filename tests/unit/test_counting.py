"""What a city's row says after the ways one incident gets written more than once: the same
article twice, a revision, an update that arrives before its original, a correction, another
outlet, syndicated copy. The whole pipeline runs in process (`LocalRun`), as `wirewatch
process` and the Faust agents run it."""

from __future__ import annotations

import orjson

from agents.pipeline import LocalRun
from streams.inputs import Message
from streams.settings import Settings

STRIKE = ("KHARKIV, March 2 (Example Wire) - {n} people were killed when a missile hit the "
          "regional administration building on Freedom Square in Kharkiv on Wednesday morning, "
          "the governor said. Rescuers were still searching the rubble in the afternoon.")
MARKET = ("KHARKIV, March 2 (Example Wire) - Three people were killed when shells hit a market "
          "in Kharkiv's Saltivka district on Tuesday, officials said.")


def _article(article_id: str, body: str, *, source: str = "Example Wire",
             published: str = "2022-03-02T10:00:00+00:00", updated: str | None = None) -> Message:
    value = {"id": article_id, "source": source, "body": body, "published_at": published}
    if updated:
        value["updated_at"] = updated
    return Message(article_id.encode(), orjson.dumps(value), article_id)


def _kharkiv(*messages: Message) -> tuple[int, int]:
    run = LocalRun(Settings())
    for message in messages:
        run.feed(message)
    rows = [row for row in run.rows() if row["city"] == "Kharkiv"]
    assert len(rows) == 1, run.rows()
    return rows[0]["killed"], rows[0]["incidents"]


def test_the_same_article_twice_counts_once():
    strike = _article("wire-1", STRIKE.format(n="Four"))
    assert _kharkiv(strike, strike) == _kharkiv(strike) == (4, 1)


def test_a_toll_revised_from_four_to_six_moves_the_city_by_two():
    market = _article("wire-0", MARKET)
    first = _article("wire-1", STRIKE.format(n="Four"))
    revised = _article("wire-1", STRIKE.format(n="Six"), updated="2022-03-02T14:00:00+00:00")
    assert _kharkiv(market, first) == (7, 2)
    assert _kharkiv(market, first, revised) == (9, 2)


def test_an_update_arriving_before_its_original_ends_in_the_updated_state():
    first = _article("wire-1", STRIKE.format(n="Four"))
    revised = _article("wire-1", STRIKE.format(n="Six"), updated="2022-03-02T14:00:00+00:00")
    assert _kharkiv(revised, first) == _kharkiv(first, revised) == (6, 1)


def test_a_correction_downwards_wins_as_the_latest_word():
    first = _article("wire-1", STRIKE.format(n="Six"))
    corrected = _article("wire-1", STRIKE.format(n="Five"), updated="2022-03-03T09:00:00+00:00")
    assert _kharkiv(first, corrected) == (5, 1)


def test_another_outlet_on_the_same_strike_corroborates_and_never_adds():
    wire = _article("wire-1", STRIKE.format(n="Four"))
    daily = _article("daily-9", STRIKE.format(n="Four").replace("Example Wire", "Another Daily")
                     .replace("the governor said", "according to the governor"),
                     source="Another Daily", published="2022-03-02T18:00:00+00:00")
    assert _kharkiv(wire, daily) == (4, 1)


def test_a_period_total_holds_the_days_it_covers_but_not_a_further_strike():
    total = _article("wire-7", "KHARKIV, March 2 (Example Wire) - Some 21 people died in the "
                               "shelling of Kharkiv in the last 24 hours, officials said.")
    inside = _article("wire-8", MARKET.replace("Three people were killed", "Two people were killed")
                      .replace("on Tuesday", "on Wednesday"))
    further = _article("wire-9", "KHARKIV, March 2 (Example Wire) - A further four people were "
                                 "killed in a strike on Kharkiv's Freedom Square on Wednesday, the "
                                 "mayor said.")
    assert _kharkiv(total, inside)[0] == 21
    assert _kharkiv(total, inside, further)[0] == 25
