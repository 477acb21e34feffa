"""When the article behind a message reached ``news.articles``, carried stage to stage.

Extract stamps each message it writes with its article's Kafka timestamp; later stages copy the
stamp onto what they write. Every stage can then tell how long a claim has been in flight,
which is what ``wirewatch_pipeline_latency_seconds`` measures.
"""

from __future__ import annotations

from faust.types import EventT

HEADER = "wirewatch-published-ms"


def _header(event: EventT, name: str) -> bytes | None:
    headers = event.message.headers or ()
    pairs = headers.items() if isinstance(headers, dict) else headers
    return next((value for key, value in pairs if key == name), None)


def published_ms(event: EventT) -> int | None:
    """The article's arrival in epoch milliseconds: the stamp a stage carried, else (on the
    articles topic itself) the message's own Kafka timestamp."""
    stamp = _header(event, HEADER)
    if stamp is not None:
        try:
            return int(stamp)
        except ValueError:
            return None  # a stamp some other producer wrote: no latency rather than a wrong one
    timestamp = event.message.timestamp
    return round(timestamp * 1000) if timestamp is not None else None


def stamp(published: int | None) -> list[tuple[str, bytes]]:
    """Headers that carry the stamp (``published_ms``'s) on to the next topic."""
    return [] if published is None else [(HEADER, str(published).encode("ascii"))]
