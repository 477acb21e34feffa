"""Faust shell of the enrich stage: ``news.incidents`` -> ``news.events`` (keyed by place)."""

from agents.steps import enrich_step
from streams import topics
from streams.app import app
from streams.stages import run_stage

STAGE = "enrich"


@app.agent(topics.incidents, name=STAGE)
async def enrich_agent(stream):
    async for event in stream.events():
        await run_stage(STAGE, event, topics.events, enrich_step)
