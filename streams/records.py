"""The records that travel between stages, as plain dataclasses.

Every record is serialised with orjson (which encodes dataclasses natively) and rebuilt with
``from_dict``. No Faust ``Record`` here: downstream consumers get clean JSON without Faust's
``__faust`` metadata, and the pure stage functions import nothing from Faust.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Any, TypeVar

import orjson

T = TypeVar("T")


class RecordError(ValueError):
    """A message that cannot become a record; it belongs on the dead-letter topic."""


@functools.cache
def _field_names(cls: type) -> dict[str, str]:
    """Each field's name, keyed by itself. A parsed message's keys are equal strings but not
    the same objects as the class's own names, and Python matches a keyword argument by
    identity first: passed the class's own, a record of thirty fields is built twice as fast."""
    return {f.name: f.name for f in dataclasses.fields(cls)}


def _build(cls: type[T], data: Any, *, required: tuple[str, ...] = ()) -> T:
    if not isinstance(data, dict):
        raise RecordError(f"{cls.__name__} must be a JSON object, got {type(data).__name__}")
    missing = [name for name in required if data.get(name) in (None, "")]
    if missing:
        raise RecordError(f"{cls.__name__} lacks required field(s): {', '.join(missing)}")
    names = _field_names(cls)
    try:
        return cls(**{name: v for k, v in data.items() if (name := names.get(k)) is not None})
    except TypeError as exc:
        raise RecordError(f"{cls.__name__}: {exc}") from exc


def _require_str(record: object, *names: str) -> None:
    for name in names:
        value = getattr(record, name)
        if value is not None and not isinstance(value, str):
            raise RecordError(
                f"{type(record).__name__}.{name} must be a string, got {type(value).__name__}"
            )


@dataclass(slots=True)
class Article:
    """Wire copy as producers send it to ``news.articles``."""

    id: str
    body: str
    headline: str = ""
    source: str = ""
    url: str = ""
    published_at: str | None = None
    updated_at: str | None = None
    language: str | None = None

    @classmethod
    def from_dict(cls, data: Any) -> Article:
        article = _build(cls, data, required=("id", "body"))
        _require_str(article, "id", "body", "headline", "source", "url",
                     "published_at", "updated_at", "language")
        article.headline = article.headline or ""
        article.source = article.source or ""
        article.url = article.url or ""
        return article


@dataclass(slots=True, frozen=True)
class Place:
    """Where a claim happened: a gazetteer id plus the words in the text that named it.

    ``id`` is ``geonames:<id>`` for a city, ``zip:<ZIP code>`` for a US post town GeoNames
    lacks in its state ("Redding, Conn.": ``zip:06896``), ``county:US.<FIPS>`` for a US county or parish
    (``county:US.55105``, its five-digit FIPS code: county names repeat across states, codes do
    not), ``admin1:<CC>.<code>`` for a first-level region, ``locality:<CC>.<code>:<folded
    name>`` for a settlement of such a region the gazetteer lacks ("Mykilske, Kherson"),
    ``country:<CC>`` for a country and ``unknown`` when the text names no place we know.
    ``name`` is the city's, the county's ("Rock County") or the locality's as the text writes
    it, empty for a region or country; ``admin1`` a county's or locality's region.
    """

    id: str
    name: str = ""
    admin1: str = ""
    country: str = ""
    mention: str = ""
    district: str = ""  # the part of the city named, when the text names one ("Englewood")

    @classmethod
    def from_dict(cls, data: Any) -> Place:
        return _build(cls, data, required=("id",))


UNKNOWN_PLACE = Place(id="unknown")


@dataclass(slots=True)
class Report:
    """One casualty claim read from one sentence of one article revision."""

    report_id: str
    article_id: str
    revision: int
    place: Place
    date: str | None = None
    date_end: str | None = None
    killed: int | None = None
    killed_low: int | None = None
    killed_high: int | None = None
    killed_qualifier: str | None = None
    injured: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    injured_qualifier: str | None = None
    # People shot or hit whose fate this claim leaves open; they include the dead.
    victims: int | None = None
    period: str | None = None
    date_stated: bool = False  # the text names the day; otherwise it is the publication day
    anchors: list[str] = field(default_factory=list)  # streets and named people of the story
    source: str = ""
    attribution: str | None = None
    event_types: list[str] = field(default_factory=list)
    adds: bool = False  # news on top of earlier news ("a further four"): no period total holds it
    another_incident: bool = False  # of an incident other than the story's ("a second shooting")
    updates: bool = False  # a later count of people told of before ("the death toll rose to 30")
    # No claim: an article with no figure that names a person in full, a child's age or a street
    # (an arrest, a trial, a funeral). It joins an incident as a source, never as a figure.
    mention: bool = False
    sentence: str = ""
    span: tuple[int, int] = (0, 0)
    published_at: str | None = None
    retracts: str | None = None
    extractor: str = ""
    language: str = ""  # ISO 639-1 code of the article's language

    @classmethod
    def from_dict(cls, data: Any) -> Report:
        report = _build(cls, data, required=("report_id", "article_id", "place"))
        report.place = Place.from_dict(report.place)
        report.span = tuple(report.span)  # type: ignore[assignment]
        return report


@dataclass(slots=True)
class PlaceReports:
    """One message on ``news.reports``: the reports one revision of an article makes at one
    place, in the order extract read them, so that dedupe loads and saves the place's state
    once for all of them."""

    reports: list[Report]


def report_items(data: Any) -> list[Any]:
    """The reports of a ``news.reports`` message, still as parsed JSON, so that dedupe can turn
    away a bad one alone. A lone Report (what extract wrote before it sent a place's reports
    together, and what a dead letter of one report holds) is read as a batch of one."""
    if isinstance(data, dict) and "reports" in data:
        items = data["reports"]
        if not isinstance(items, list) or not items:
            raise RecordError("PlaceReports.reports must be a non-empty list")
        return items
    return [data]


@dataclass(slots=True)
class Incident:
    """One event at one place on one day (or one stated period), merged from its reports."""

    incident_id: str
    revision: int
    place_id: str
    city: str
    admin1: str
    country: str
    date: str | None = None
    date_end: str | None = None
    killed: int = 0
    killed_low: int | None = None
    killed_high: int | None = None
    injured: int = 0
    injured_low: int | None = None
    injured_high: int | None = None
    period: str | None = None
    article_ids: list[str] = field(default_factory=list)
    report_ids: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    event_types: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_updated: str | None = None
    status: str = "active"
    languages: list[str] = field(default_factory=list)  # of its reports' articles
    # A period total at the same place that already holds this incident's figures, and what the
    # incident adds to its place's row: its figures; none when a total holds them; for a total,
    # at least the sum of the incidents within it.
    within: str | None = None
    counted_killed: int = 0
    counted_injured: int = 0
    # Filled in by enrich.
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    geonames_id: int | None = None
    population: int | None = None
    country_name: str | None = None
    admin1_code: str | None = None  # ISO 3166-2 where it has one ("UA-63"), else GeoNames' "CC.code"
    timezone: str | None = None
    local_date: str | None = None  # the event's day on the place's calendar
    cameo_codes: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: Any) -> Incident:
        return _build(cls, data, required=("incident_id", "revision", "place_id"))


@dataclass(slots=True)
class CityTally:
    """The running row for one place on ``news.casualties`` (compacted, keyed by ``place_id``)."""

    place_id: str
    city: str
    admin1: str
    country: str
    killed: int = 0
    injured: int = 0
    incidents: int = 0
    updated_at: str | None = None

    @classmethod
    def from_dict(cls, data: Any) -> CityTally:
        return _build(cls, data, required=("place_id",))


@dataclass(slots=True)
class DeadLetter:
    """A message a stage could not handle, with everything needed to replay or debug it.

    ``value_base64`` holds the raw bytes, cut to the size limit when the message was over it;
    ``value_size`` is the size it had. ``origin`` is the file and line for ``wirewatch process``.
    The Kafka key of a dead letter is the message's key (cut to 1 KiB).
    """

    stage: str
    error: str
    topic: str
    partition: int | None
    offset: int | None
    key: str | None
    value_base64: str
    value_size: int
    origin: str | None = None

    @classmethod
    def of(cls, stage: str, error: BaseException, key: bytes | None, value: bytes | None, *,
           topic: str, limit: int, partition: int | None = None, offset: int | None = None,
           origin: str | None = None) -> DeadLetter:
        raw = value or b""
        return cls(
            stage=stage,
            error=f"{type(error).__name__}: {error}"[:_ERROR_CHARS],
            topic=topic,
            partition=partition,
            offset=offset,
            key=key[:_KEY_BYTES].decode("utf-8", errors="replace") if key is not None else None,
            value_base64=base64.b64encode(raw[:limit]).decode("ascii"),
            value_size=len(raw),
            origin=origin,
        )


_ERROR_CHARS = 2000
_KEY_BYTES = 1024  # keys are ids; a longer one is cut, like an oversized value


def dumps(record: Any) -> bytes:
    """Serialise a record (or any JSON-able value) for Kafka or a JSONL file."""
    return orjson.dumps(record)


def loads(data: bytes | str) -> Any:
    """Parse one JSON message; malformed input raises :class:`RecordError`."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise RecordError(f"not valid JSON: {exc}") from exc
