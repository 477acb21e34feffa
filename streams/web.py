"""The worker's HTTP API: ``/metrics`` for Prometheus, and reads of the Faust tables.

- ``GET /cities``: the whole city table, gathered from every worker that holds a part of it;
- ``GET /cities/{place_id}``: one row, routed to the worker that owns the place's partition;
- ``GET /incidents/{incident_id}``: one incident as on ``news.events``, asked of every worker
  (an incident lives in its place's partition, and its id alone does not say which).

``?scope=local`` restricts the first and the last to this worker's own partitions: that is
how workers ask each other.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable

import aiohttp
import orjson
from faust import web
from faust.web.exceptions import ServiceUnavailable
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from agents.dedupe.layout import PlaceStore
from agents.enrich.core import enrich
from streams import tables, topics
from streams.app import app, metrics
from streams.records import dumps

PEER_TIMEOUT = 10.0
Answer = tuple[int, object]  # an HTTP status and a JSON body


@app.page("/metrics")
async def metrics_page(self: web.View, request: web.Request) -> web.Response:
    return self.bytes(generate_latest(metrics.registry),
                      headers={"Content-Type": CONTENT_TYPE_LATEST})


def ranked(rows: Iterable[dict]) -> list[dict]:
    """Rows as ops read them: the worst-hit place first."""
    return sorted(rows, key=lambda row: (-row.get("killed", 0), -row.get("injured", 0),
                                         row["place_id"]))


def local_cities() -> Answer:
    return 200, ranked(state["row"] for state in tables.place_tallies.values() if state)


def _place_of(incident_id: str) -> str | None:
    """The place whose tally counts the incident (a scan of this worker's places: incident
    ids do not name their place)."""
    return next((place for place, state in tables.place_tallies.items()
                 if state and incident_id in state.get("contributions", {})), None)


def local_incident(incident_id: str) -> Answer:
    place = _place_of(incident_id)
    incident = PlaceStore(tables.place_incidents).incident(place, incident_id) if place else None
    if incident is not None:
        return 200, orjson.loads(dumps(enrich(incident)))
    return 404, {"error": f"no incident {incident_id!r} has been counted"}


def peers() -> list[str]:
    """The web address of every worker that processes a partition of the events topic (and
    so holds that partition of the tally tables), this one included."""
    events = topics.events.get_topic_name()
    return sorted(url for url, assigned in app.router.external_topics_metadata().items()
                  if assigned.get(events))


async def ask_peers(request: web.Request, local: Callable[[], Answer]) -> list[Answer]:
    """Every worker's answer to this request about its own partitions."""
    own = str(app.conf.canonical_url)

    async def ask(url: str) -> Answer:
        if url == own:
            return local()
        target = f"{url.rstrip('/')}{request.url.path}?scope=local"
        try:
            async with app.http_client.get(
                    target, timeout=aiohttp.ClientTimeout(total=PEER_TIMEOUT)) as response:
                return response.status, orjson.loads(await response.read())
        except (aiohttp.ClientError, asyncio.TimeoutError, orjson.JSONDecodeError) as exc:
            raise ServiceUnavailable(f"worker {url} did not answer {target}: {exc!r}") from exc

    workers = peers()
    if not workers:
        raise ServiceUnavailable("no worker holds the tables yet: the group is rebalancing")
    return list(await asyncio.gather(*(ask(url) for url in workers)))


def respond(view: web.View, answer: Answer) -> web.Response:
    status, body = answer
    return view.bytes(dumps(body), content_type="application/json", status=status)


@app.page("/cities")
class Cities(web.View):
    async def get(self, request: web.Request) -> web.Response:
        if request.query.get("scope") == "local":
            return respond(self, local_cities())
        parts = await ask_peers(request, local_cities)
        failed = [body for status, body in parts if status != 200]
        if failed:  # a table with a hole in it would read as fewer casualties
            raise ServiceUnavailable(f"a worker could not list its cities: {failed[0]}")
        return respond(self, (200, {"cities": ranked(row for _, part in parts for row in part)}))


@app.page("/cities/{place_id}")
class City(web.View):
    @app.topic_route(topics.events, match_info="place_id")
    async def get(self, request: web.Request, place_id: str) -> web.Response:
        state = tables.place_tallies.get(place_id)
        row = state["row"] if state else None
        if row is None:
            return respond(self, (404, {"error": f"no casualties counted at {place_id!r}"}))
        return respond(self, (200, row))


@app.page("/incidents/{incident_id}")
class Incident(web.View):
    async def get(self, request: web.Request, incident_id: str) -> web.Response:
        if request.query.get("scope") == "local":
            return respond(self, local_incident(incident_id))
        answers = await ask_peers(request, lambda: local_incident(incident_id))
        return respond(self, next((answer for answer in answers if answer[0] == 200), answers[0]))
