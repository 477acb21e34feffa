"""A hostile corpus: one message of each kind a stage must dead-letter, and pathological but
valid articles it must get through in bounded time. Both `wirewatch process` and the worker
on a real broker are tested against it."""

from __future__ import annotations

from dataclasses import dataclass

import orjson

from streams import admin


@dataclass(frozen=True)
class Hostile:
    name: str
    key: bytes
    value: bytes
    stage: str  # the stage that dead-letters it
    error: str  # words its error names
    topic: str = admin.ARTICLES


def _article(**fields: object) -> bytes:
    return orjson.dumps(fields)


ARTICLES = [
    Hostile("malformed JSON", b"h-json", b'{"id": "h-json", "body": ', "extract", "JSON"),
    Hostile("invalid UTF-8", b"h-utf8", b"Blast \xff\xfe in Lviv\xc3\x28, two killed", "extract",
            "UTF-8"),
    Hostile("binary garbage", b"h-binary", bytes(range(128, 256)) * 8, "extract", "UTF-8"),
    Hostile("missing id", b"h-noid", _article(body="Two people were killed in Lviv."),
            "extract", "id"),
    Hostile("missing body", b"h-nobody", _article(id="h-nobody", headline="Blast"),
            "extract", "body"),
    Hostile("wrong field type", b"h-types", _article(id="h-types", body=42),
            "extract", "string"),
    Hostile("a list, not an article", b"h-list", b'["h-list", "Two people were killed"]',
            "extract", "object"),
    Hostile("nesting too deep to parse", b"h-deep",
            b'{"id": "h-deep", "body": "x", "x": ' + b"[" * 5_000 + b"]" * 5_000 + b"}",
            "extract", "JSON"),
    Hostile("empty", b"h-empty", b"", "extract", "body"),
]

# Records a later stage cannot handle, sent straight to its topic.
RECORDS = [
    Hostile("report whose place is no object", b"h-report",
            orjson.dumps({"report_id": "h-report", "article_id": "a", "revision": 1,
                          "place": "Lviv"}),
            "dedupe", "Place", admin.REPORTS),
    Hostile("incident that makes tally raise", b"geonames:702550",
            orjson.dumps({"incident_id": "h-raise", "revision": 1, "place_id": "geonames:702550",
                          "city": "Lviv", "admin1": "", "country": "UA", "killed": "many"}),
            "tally", "TypeError", admin.EVENTS),
]


def oversized(limit: int) -> Hostile:
    body = "Two people were killed in Lviv. " * (limit // 32 + 1)
    return Hostile("over the size limit", b"h-big", _article(id="h-big", body=body),
                   "extract", f"exceeds the limit of {limit} bytes")


# Valid articles built to be slow: 50,000 opening brackets, a sentence of thousands of figures.
PATHOLOGICAL = [
    _article(id="p-brackets", headline="Blast in Lviv", body="[" * 50_000,
             published_at="2024-01-02T10:00:00+00:00"),
    _article(id="p-figures", headline="Blast in Lviv", body="12 killed, " * 20_000,
             published_at="2024-01-02T10:00:00+00:00"),
]

GOOD = _article(id="lviv-good", headline="Blast in Lviv",
                body="Two people were killed in Lviv on Monday.",
                published_at="2024-01-02T10:00:00+00:00")
