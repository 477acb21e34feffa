"""Turn a raw ``news.articles`` message into an :class:`Article`.

A message is either a JSON object in the Article schema or plain-text wire copy shaped like
``seeds/kharkiv-2022-03-02.txt``: an optional programme banner, the headline, a
``published | Updated: updated`` line, then the body.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, timezone

from dateutil import parser as dateparser

from streams.records import Article, RecordError, loads

_TIMESTAMP_LINE = re.compile(r"^(?P<published>[^|]{6,60}?)\s*(?:\|\s*(?:last\s+)?updated:?\s*(?P<updated>.{6,60}))?$", re.I)
# "Published April 13, 2025 10:42 AM", "Posted on: 2 March 2022": the label is no part of the date.
# The words that label a time stamp, in a plain-text header and on a crawled page alike.
_STAMP_WORDS = r"(?:posted|created|updated|published)\b(?:\s+on)?\s*:?"
_STAMP_LABEL = re.compile(rf"^\s*(?:last\s+)?{_STAMP_WORDS}\s*", re.I)
_HAS_MONTH_OR_ISO = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{4}-\d{2}-\d{2}", re.I
)
_HEADER_LINES = 6


def parse_timestamp(text: str) -> str | None:
    """An ISO 8601 timestamp (UTC when the text names no zone), or None when it is no date."""
    if not _HAS_MONTH_OR_ISO.search(text) or not re.search(r"\d", text):
        return None
    try:
        moment = dateparser.parse(_STAMP_LABEL.sub("", text), dayfirst=True, fuzzy=False)
    except (ValueError, OverflowError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.isoformat()


def parse_plain_text(text: str, article_id: str | None) -> Article:
    lines = text.splitlines()
    for index, line in enumerate(lines[:_HEADER_LINES]):
        match = _TIMESTAMP_LINE.match(line.strip())
        published = match and parse_timestamp(match["published"])
        if not published:
            continue
        headline_at = next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)
        headline = lines[headline_at].strip() if headline_at is not None else ""
        updated = parse_timestamp(match["updated"]) if match["updated"] else None
        body = "\n".join(lines[index + 1:])
        break
    else:
        first = next((i for i, line in enumerate(lines) if line.strip()), 0)
        headline, published, updated = (lines[first].strip() if lines else ""), None, None
        body = "\n".join(lines[first + 1:])
    if not body.strip():
        raise RecordError("plain-text article has no body")
    return Article(
        id=article_id or "sha1:" + hashlib.sha1(text.encode()).hexdigest(),
        body=body,
        headline=headline,
        published_at=published,
        updated_at=updated,
    )


def parse_article(value: bytes | str, key: bytes | str | None = None) -> Article:
    """Parse one message. The Kafka key, when present, names a plain-text article."""
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RecordError(f"article is not valid UTF-8: {exc}") from exc
    if isinstance(key, bytes):
        key = key.decode("utf-8", errors="replace")
    if value.lstrip()[:1] in ("{", "["):
        return Article.from_dict(loads(value))
    return parse_plain_text(value, key or None)


def publication_time(article: Article) -> datetime | None:
    for stamp in (article.published_at, article.updated_at):
        if stamp:
            try:
                moment = datetime.fromisoformat(stamp)
            except ValueError:
                parsed = parse_timestamp(stamp)
                moment = datetime.fromisoformat(parsed) if parsed else None
            if moment is not None:
                return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return None


# A page's own time stamp near its top: "Posted: Tuesday, April 15, 2014 10:21 PM EDT",
# "Created: 01/26/2015 1:24 PM", "(Published Monday, Nov. 24, 2014)", "Published: 15:41 GMT,
# 16 December 2014". Numeric dates are read month first, as the US pages that write them do.
# A police blotter's "Date: Friday, March 31, 2017, 10:24 PM" is the time of its first
# incident, not of the page.
_MONTH_NAME = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_PAGE_STAMP = re.compile(
    rf"\b{_STAMP_WORDS}"
    # a weekday or a clock time before the date, each perhaps followed by a comma
    r"(?:\s*(?:[a-z]+day|\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{3})?)\s*,?)*\s*"
    rf"(?P<date>{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    rf"|\d{{1,2}}\s+{_MONTH_NAME},?\s+(?:19|20)\d\d"
    r"|\d{1,2}/\d{1,2}/(?:\d\d)?\d\d)\b",
    re.I,
)
# A dateline that dates the story: "SAVANNAH, GA (August 2, 2015): An argument ...",
# "HENRY COUNTY, Ind. (Aug. 28, 2015) –".
_DATED_DATELINE = re.compile(
    rf"^[^\S\n]*[A-Z][A-Z .'’-]+(?:,[^\S\n]*[A-Z][A-Za-z.]*)?[^\S\n]*"
    rf"\((?P<date>(?i:{_MONTH_NAME})\s+\d{{1,2}},?\s+(?:19|20)\d\d)\)",
    re.M,
)
# Where a page's own stamp stands: before the story, or under its first video or picture.
_PAGE_STAMP_REACH = 600


def page_day(body: str) -> date | None:
    """The day the page's first stamp (or dated dateline) near its top names, or None."""
    found = [m for m in (_PAGE_STAMP.search(body, 0, _PAGE_STAMP_REACH),
                         _DATED_DATELINE.search(body, 0, _PAGE_STAMP_REACH)) if m]
    match = min(found, key=lambda m: m.start()) if found else None
    if not match:
        return None
    try:
        return dateparser.parse(match["date"], dayfirst=False).date()
    except (ValueError, OverflowError):
        return None


def story_day(article: Article, published: datetime | None) -> date | None:
    """The day the story's "Sunday" and "yesterday" count back from: its publication day, or
    the page's own earlier stamp, where the publication time is a crawl's long after it
    ("Created: 01/26/2015" on a page crawled in 2017)."""
    stamped = page_day(article.body)
    if published is None:
        return stamped
    return min(published.date(), stamped) if stamped else published.date()
