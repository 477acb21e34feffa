"""Faust shell of the extract stage: ``news.articles`` -> ``news.reports`` (keyed by place)."""

from functools import partial

from agents.steps import extract_step
from streams import tables, topics
from streams.app import app
from streams.stages import run_stage

STAGE = "extract"


@app.agent(topics.articles, name=STAGE)
async def extract_agent(stream):
    step = partial(extract_step, articles_seen=tables.articles_seen)
    async for event in stream.events():
        await run_stage(STAGE, event, topics.reports, step)
