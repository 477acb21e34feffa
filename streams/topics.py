"""The Faust handles on wirewatch's topics. Keys and values are raw bytes: agents decode and
encode with orjson themselves, so a message that fails to decode can be dead-lettered whole."""

from __future__ import annotations

from streams import admin
from streams.app import app

articles = app.topic(admin.ARTICLES)
reports = app.topic(admin.REPORTS)
incidents = app.topic(admin.INCIDENTS)
events = app.topic(admin.EVENTS)
casualties = app.topic(admin.CASUALTIES, compacting=True)
deadletter = app.topic(admin.DEADLETTER)
