"""Faust shell of the tally stage: ``news.events`` -> ``news.casualties`` (compacted, keyed by
place) and the ``wirewatch_casualties`` gauge, which reads the tally table at scrape time."""

from agents.tally.core import Contribution, tally
from streams import tables, topics
from streams.app import app, metrics
from streams.records import CityTally, Incident, loads
from streams.stages import emit, handling

STAGE = "tally"

metrics.watch_tallies(lambda: (row for row in tables.city_tallies.values() if row))


@app.agent(topics.events, name=STAGE)
async def tally_agent(stream):
    async for event in stream.events():
        async with handling(STAGE, event):
            incident = Incident.from_dict(loads(event.value))
            contribution = tables.contributions.get(incident.incident_id)
            counted = Contribution(**contribution) if contribution else None
            row = tables.city_tallies.get(incident.place_id)
            step = tally(incident, counted, CityTally.from_dict(row) if row else None)
            if counted is not None and step.contribution == counted:  # revision already counted
                metrics.duplicates.labels(STAGE).inc()
            tables.contributions[incident.incident_id] = step.contribution
            tables.city_tallies[incident.place_id] = step.row
            if step.changed:
                await emit(STAGE, topics.casualties, incident.place_id, step.row)
