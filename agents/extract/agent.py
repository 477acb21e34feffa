"""Faust shell of the extract stage: ``news.articles`` -> ``news.reports`` (keyed by place)."""

from functools import partial

from agents.steps import extract_step
from streams import tables, topics
from streams.app import app, settings
from streams.stages import run_stage

STAGE = "extract"


@app.agent(topics.articles, name=STAGE)
async def extract_agent(stream):
    async for event in stream.events():
        step = partial(extract_step, articles_seen=tables.articles_seen,
                       partition=event.message.partition,
                       window_days=settings.incident_window_days)
        await run_stage(STAGE, event, topics.reports, step)
