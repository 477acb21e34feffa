"""Faust shell of the dedupe stage: ``news.reports`` -> ``news.incidents`` (keyed by place)."""

from functools import partial

from agents.steps import dedupe_step, place_states
from streams import tables, topics
from streams.app import app, settings
from streams.stages import run_stage

STAGE = "dedupe"

# The places' states this worker read or wrote last, decoded. Faust moves partitions between
# workers and rebuilds tables from their changelogs only in a rebalance: what was kept is
# dropped when one starts, and again once the tables are recovered, before the streams resume.
places = place_states(tables.place_incidents)


@app.on_partitions_revoked.connect
async def forget_places_on_revoke(sender, revoked, **kwargs) -> None:
    places.forget()


@app.on_rebalance_complete.connect
async def forget_places_once_recovered(sender, **kwargs) -> None:
    places.forget()


@app.agent(topics.reports, name=STAGE)
async def dedupe_agent(stream):
    step = partial(dedupe_step, place_incidents=places, window_days=settings.incident_window_days)
    async for event in stream.events():
        await run_stage(STAGE, event, topics.incidents, step)
