"""The Faust handles on wirewatch's topics, named by the settings. Keys and values are raw
bytes: agents decode and encode with orjson themselves, so a message that fails to decode can
be dead-lettered whole."""

from __future__ import annotations

from streams.app import app, settings

articles = app.topic(settings.topics.articles)
reports = app.topic(settings.topics.reports)
incidents = app.topic(settings.topics.incidents)
events = app.topic(settings.topics.events)
casualties = app.topic(settings.topics.casualties, compacting=True)
deadletter = app.topic(settings.topics.deadletter)

# The agents' inputs, whose consumer lag ops watch.
INPUTS = (articles, reports, incidents, events)
