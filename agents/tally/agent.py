"""Faust shell of the tally stage: ``news.events`` -> ``news.casualties`` (compacted, keyed by
place) and the ``wirewatch_casualties`` gauge, which reads the tally table at scrape time."""

from functools import partial

from agents.steps import tally_step
from streams import tables, topics
from streams.app import app, metrics, settings
from streams.stages import run_stage

STAGE = "tally"

metrics.watch_tallies(lambda: (state["row"] for state in tables.place_tallies.values() if state))


@app.agent(topics.events, name=STAGE)
async def tally_agent(stream):
    step = partial(tally_step, place_tallies=tables.place_tallies,
                   window_days=settings.incident_window_days)
    async for event in stream.events():
        await run_stage(STAGE, event, topics.casualties, step)
