"""Faust shell of the enrich stage: ``news.incidents`` -> ``news.events`` (keyed by place)."""

from agents.enrich.core import enrich
from streams import topics
from streams.app import app
from streams.records import Incident, loads
from streams.stages import emit, handling

STAGE = "enrich"


@app.agent(topics.incidents, name=STAGE)
async def enrich_agent(stream):
    async for event in stream.events():
        async with handling(STAGE, event):
            incident = enrich(Incident.from_dict(loads(event.value)))
            await emit(STAGE, topics.events, incident.place_id, incident)
