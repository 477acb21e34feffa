"""The benchmark's input: gva-dev, read by path (the evaluation set stays outside the
project), and as many new articles as a run needs, made from it by re-keying.

A copy of the corpus gets new article ids and its dates moved forward by whole weeks (so
"Tuesday" stays a Tuesday), far enough that copy n+1 starts after copy n ends: the stream's
time keeps moving forward, as a live one does, and no copy merges with another.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from itertools import count, islice
from pathlib import Path

import orjson

from streams.inputs import Message, read_messages

GVA_DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "gva-dev" / "articles.jsonl"
# gva-dev spans 2013-01-20 .. 2017-04-11 (1,542 days); 222 weeks is the next whole week.
COPY_DAYS = 222 * 7
_DATED = ("published_at", "updated_at")


def read_corpus(path: Path = GVA_DEV) -> list[Message]:
    if not path.exists():
        raise FileNotFoundError(f"the corpus is expected at {path} (shared/ beside the repo)")
    return list(read_messages([path]))


def shift_date(text: str | None, days: int) -> str | None:
    """An ISO date or date-time moved ``days`` forward, in the same format."""
    if not text:
        return text
    day = date.fromisoformat(text[:10]) + timedelta(days=days)
    return day.isoformat() + text[10:]


def copy_id(article_id: str, copy: int) -> str:
    return article_id if copy == 0 else f"{article_id}~{copy}"


def copy_article(message: Message, copy: int) -> Message:
    """Copy ``copy`` of an article: its id re-keyed and its dates moved forward; copy 0 is
    the article itself."""
    if copy == 0:
        return message
    article = orjson.loads(message.value)
    article["id"] = copy_id(str(article["id"]), copy)
    for name in _DATED:
        if name in article:
            article[name] = shift_date(article[name], copy * COPY_DAYS)
    return Message(article["id"].encode("utf-8"), orjson.dumps(article),
                   f"{message.origin}~{copy}")


def stream(messages: list[Message], start_copy: int = 0) -> Iterator[Message]:
    """The corpus, then copy 1 of it, copy 2, ... without end."""
    for copy in count(start_copy):
        for message in messages:
            yield copy_article(message, copy)


def first(messages: list[Message], n: int, start_copy: int = 0) -> list[Message]:
    """The first ``n`` messages of ``stream``."""
    return list(islice(stream(messages, start_copy), n))


def copy_report(report: dict, copy: int) -> dict:
    """Copy ``copy`` of a report as extract would read it from copy ``copy`` of its article:
    new ids, dates moved like the article's."""
    days = copy * COPY_DAYS
    return {**report,
            "report_id": copy_id(report["report_id"], copy),
            "article_id": copy_id(report["article_id"], copy),
            "date": shift_date(report["date"], days),
            "date_end": shift_date(report["date_end"], days),
            "published_at": shift_date(report["published_at"], days)}


def copy_seen(seen: dict, copy: int) -> dict:
    """Copy ``copy`` of what extract remembers of an article (its first revision)."""
    return {**seen,
            "version_time": shift_date(seen["version_time"], copy * COPY_DAYS),
            "reports": [[copy_id(report_id, copy), place] for report_id, place in seen["reports"]]}
