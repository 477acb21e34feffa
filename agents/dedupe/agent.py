"""Faust shell of the dedupe stage: ``news.reports`` -> ``news.incidents`` (keyed by place)."""

from functools import partial

from agents.steps import dedupe_step
from streams import tables, topics
from streams.app import app, settings
from streams.stages import run_stage

STAGE = "dedupe"


@app.agent(topics.reports, name=STAGE)
async def dedupe_agent(stream):
    step = partial(dedupe_step, place_incidents=tables.place_incidents,
                   window_days=settings.incident_window_days)
    async for event in stream.events():
        await run_stage(STAGE, event, topics.incidents, step)
