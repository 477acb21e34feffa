"""How long extract remembers an article: until it is one incident window older than the stream
time of its partition.

``articles-seen`` maps an article id to what extract remembers of it (``ArticleSeen``), so that
a resent or revised article is recognised. Kept for every id ever read, it would grow with the
stream; here each id is also filed under the day of its version (its ``updated_at`` or
``published_at``), in the same table, and a day's ids are forgotten once the partition's stream
time (the latest version day its articles carried) has moved a window past that day. Forgetting
walks only the days that fell out of the window, never the whole table.

The bookkeeping keys start with a NUL character, which no article id is expected to hold, and
name the partition, so that each partition's clock and days travel with its changelog partition
(a Faust table writes every key to the changelog partition of the message being processed) and
are the same on RocksDB, in memory, and in ``wirewatch process``'s one-partition ``JsonTable``:

- ``\\0clock:<partition>``: ``{"time": <stream day>, "days": {<day>: <number of chunks>}}``,
  the days that still hold ids (at most a window of them);
- ``\\0day:<partition>:<day>:<chunk>``: up to ``CHUNK`` article ids, so that filing one id
  rewrites a bounded list however busy the day.

A day's chunk is written before the clock, and both before the article's entry, so a crash
between the writes never leaves an entry that no day holds; a forgetting cut short by a crash is
finished at the next one.

What a forgotten article does when it comes again (``docs/design.md``): it is read as a new
article, revision 1. A resend of revision 1 yields the report ids it had the first time, which
dedupe either still holds (a repeat: nothing moves) or has closed the incident of, and then
refuses as late: a closed incident's last report is older than the place's open window. A
revision, or a resend of a later revision, is read as a first report of its text.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from datetime import date
from typing import Any

from agents.window import horizon

Table = MutableMapping[str, Any]

CHUNK = 256


def _clock_key(partition: int) -> str:
    return f"\0clock:{partition}"


def _day_key(partition: int, day: str, chunk: int) -> str:
    return f"\0day:{partition}:{day}:{chunk}"


def version_day(version_time: str | None) -> str | None:
    """The ISO day of a version time, or None when it has none that reads as a date (producers
    may send any text; extract reads such articles all the same)."""
    day = (version_time or "")[:10]
    try:
        return date.fromisoformat(day).isoformat()
    except ValueError:
        return None


def remember(table: Table, article_id: str, seen: Any, version_time: str | None, *,
             partition: int, window_days: int) -> None:
    """Store what extract remembers of ``article_id`` (``seen``, of the version dated
    ``version_time``), and forget the articles of ``partition`` its stream has now left a
    window behind. An undated article is filed under the stream's day when it was read.
    ``window_days`` 0 forgets nothing."""
    if not window_days:
        table[article_id] = seen
        return
    previous = table.get(article_id)
    clock = table.get(_clock_key(partition)) or {"time": None, "days": {}}
    day = version_day(version_time)
    stream_day = max(filter(None, (clock["time"], day)), default=None)
    first_open = horizon(stream_day, window_days)
    days = dict(clock["days"])
    if previous is None or previous["version_time"] != version_time:
        # An article older than the window is filed with the oldest day still open, so the
        # next move of the stream forgets it; an undated one with the stream's day.
        _file(table, partition, days, max(day or stream_day or "", first_open), article_id)
    for gone in sorted(d for d in days if d < first_open):
        _forget_day(table, partition, gone, days.pop(gone), first_open)
    table[_clock_key(partition)] = {"time": stream_day, "days": days}
    table[article_id] = seen


def _file(table: Table, partition: int, days: dict[str, int], day: str, article_id: str) -> None:
    chunks = days.get(day, 0)
    last = table.get(_day_key(partition, day, chunks - 1)) if chunks else None
    if last is None or len(last) >= CHUNK:
        last, chunks = [], chunks + 1
    table[_day_key(partition, day, chunks - 1)] = [*last, article_id]
    days[day] = chunks


def _forget_day(table: Table, partition: int, day: str, chunks: int, first_open: str) -> None:
    for chunk in range(chunks):
        key = _day_key(partition, day, chunk)
        ids = table.get(key)
        if ids is None:  # forgotten already, by a step a crash cut short
            continue
        for article_id in ids:
            entry = table.get(article_id)
            # A revision read since may have filed the id under a later, still open day.
            if entry is not None and (version_day(entry["version_time"]) or "") < first_open:
                del table[article_id]
        del table[key]
